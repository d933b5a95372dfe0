from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        return False


def _broker_status() -> str:
    if not settings.CELERY_BROKER_URL:
        return "in-process"  # tasks run in the web process; nothing to reach
    from smartcity.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception:
        return "unreachable"


@never_cache
def healthz(request):
    """Database and broker reachability, for load balancers and monitoring."""
    checks = {"database": "ok" if _database_ok() else "unreachable", "broker": _broker_status()}
    healthy = "unreachable" not in checks.values()
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )
