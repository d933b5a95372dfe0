import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse


def test_every_model_is_registered_in_the_admin():
    models = apps.get_app_config("canvas_app").get_models()

    assert {m.__name__ for m in models} - {m.__name__ for m in admin.site._registry} == set()


@pytest.mark.parametrize(
    "model",
    [
        "council",
        "membership",
        "canvas",
        "card",
        "cardhistory",
        "impactinputs",
        "fundingsource",
        "methodparameters",
        "assessment",
        "partner",
        "milestone",
        "report",
        "sharelink",
        "option",
        "benefit",
        "measurement",
        "outturn",
    ],
)
def test_admin_lists_open_with_search(client, db, model):
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(superuser)

    response = client.get(reverse(f"admin:canvas_app_{model}_changelist"), {"q": "x"})

    assert response.status_code == 200
