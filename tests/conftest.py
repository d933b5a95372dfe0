import pytest
from rest_framework.test import APIClient

from canvas_app.models import Role

from .factories import CanvasFactory, CardFactory, CouncilFactory, MembershipFactory, UserFactory

PASSWORD = "correct-horse-battery"


@pytest.fixture
def council(db):
    return CouncilFactory(name="Ghent", slug="ghent")


@pytest.fixture
def other_council(db):
    return CouncilFactory(name="Porto", slug="porto")


def _member(council, role: str, username: str):
    return MembershipFactory(council=council, role=role, user=UserFactory(username=username)).user


@pytest.fixture
def editor(council):
    return _member(council, Role.EDITOR, "editor")


@pytest.fixture
def other_editor(council):
    return _member(council, Role.EDITOR, "editor2")


@pytest.fixture
def admin_user(council):
    return _member(council, Role.ADMIN, "admin")


@pytest.fixture
def approver(council):
    return _member(council, Role.APPROVER, "approver")


@pytest.fixture
def viewer(council):
    return _member(council, Role.VIEWER, "viewer")


@pytest.fixture
def outsider(other_council):
    """An editor of another council."""
    return _member(other_council, Role.EDITOR, "outsider")


@pytest.fixture
def canvas(council, editor):
    return CanvasFactory(council=council, owner=editor, title="LED street lighting")


@pytest.fixture
def card(canvas, editor):
    return CardFactory(canvas=canvas, block="public_value", text="Lower energy bills", position=0)


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def api_as(api):
    def login(user):
        api.force_authenticate(user=user)
        return api

    return login


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    # The production hasher is slow on purpose; tests need no such protection.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
