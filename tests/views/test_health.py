def test_healthz_reports_the_database_and_in_process_tasks(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "in-process"}


def test_healthz_is_503_when_the_broker_is_unreachable(client, db, settings):
    from smartcity.celery import app

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    original, app.conf.broker_url = app.conf.broker_url, settings.CELERY_BROKER_URL
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = original

    assert response.status_code == 503
    assert response.json()["broker"] == "unreachable"


def test_healthz_reports_a_reachable_redis_broker(client, db, settings):
    import os

    from smartcity.celery import app

    settings.CELERY_BROKER_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    original, app.conf.broker_url = app.conf.broker_url, settings.CELERY_BROKER_URL
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = original

    assert response.status_code == 200
    assert response.json()["broker"] == "ok"


def test_a_request_for_an_unknown_host_is_a_400_not_a_500(client, db):
    response = client.get("/healthz", HTTP_HOST="evil.example")

    assert response.status_code == 400
