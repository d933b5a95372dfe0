"""Every route of the review, HTML and API, against every kind of person: the council's
four roles, the canvas's stakeholder and observer, an invitee of another canvas, an
editor of another council, and someone not signed in."""

from dataclasses import dataclass

import pytest
from rest_framework.test import APIClient

from canvas_app.models import CanvasRole, Role
from canvas_app.services.comments import comment_create
from canvas_app.services.invitations import invitation_create

from ..factories import MembershipFactory, UserFactory
from .conftest import accepted_invitation

ADMIN, EDITOR, APPROVER, VIEWER = Role.ADMIN, Role.EDITOR, Role.APPROVER, Role.VIEWER
STAKEHOLDER, OBSERVER = CanvasRole.STAKEHOLDER, CanvasRole.OBSERVER
ELSEWHERE, OUTSIDER, ANONYMOUS = "invitee-elsewhere", "outsider", "anonymous"
EVERYONE = [ADMIN, EDITOR, APPROVER, VIEWER, STAKEHOLDER, OBSERVER, ELSEWHERE, OUTSIDER, ANONYMOUS]
MEMBERS = {ADMIN, EDITOR, APPROVER, VIEWER}
READERS = MEMBERS | {STAKEHOLDER, OBSERVER}
STRANGERS = {ELSEWHERE, OUTSIDER}


@dataclass
class World:
    canvas: object
    users: dict
    thread: object  # by the stakeholder
    invitation: object  # pending, to be revoked or re-sent


@pytest.fixture
def world(council, other_council, canvas, editor, second_canvas):
    users = {EDITOR: editor}
    for role in (ADMIN, APPROVER, VIEWER):
        users[role] = MembershipFactory(council=council, role=role, user=UserFactory()).user
    users[STAKEHOLDER] = accepted_invitation(canvas, editor, STAKEHOLDER, "stake", "Union")
    users[OBSERVER] = accepted_invitation(canvas, editor, OBSERVER, "watcher")
    users[ELSEWHERE] = accepted_invitation(second_canvas, editor, STAKEHOLDER, "elsewhere")
    users[OUTSIDER] = MembershipFactory(council=other_council, role=EDITOR, user=UserFactory()).user
    thread = comment_create(
        canvas=canvas, by=users[STAKEHOLDER], block="costs", kind="concern", body="Too dear"
    )
    invitation = invitation_create(
        canvas=canvas, by=editor, email="pending@example.org", role=OBSERVER
    )
    return World(canvas, users, thread, invitation)


def expect(role: str, table: dict, default: int) -> int:
    for roles, code in table.items():
        if role in roles if isinstance(roles, (set, frozenset, tuple)) else role == roles:
            return code
    return default


def api_for(world: World, role: str) -> APIClient:
    client = APIClient()
    if role != ANONYMOUS:
        client.force_authenticate(world.users[role])
    return client


def html_for(client, world: World, role: str):
    if role != ANONYMOUS:
        client.force_login(world.users[role])
    return client


def _api(path: str) -> str:
    return f"/api/v1/canvases/{{canvas}}/{path}"


# (method, path, body, {roles: status}); anything not listed answers 403, strangers 404,
# anonymous 401.
API_ROUTES = {
    "list invitations": ("get", _api("invitations/"), None, {(ADMIN, EDITOR): 200}),
    "invite": (
        "post",
        _api("invitations/"),
        {"email": "new@example.org", "role": "stakeholder"},
        {(ADMIN, EDITOR): 201},
    ),
    "revoke an invitation": (
        "delete",
        _api("invitations/{invitation}/"),
        None,
        {(ADMIN, EDITOR): 204},
    ),
    "re-send an invitation": (
        "post",
        _api("invitations/{invitation}/resend/"),
        None,
        {(ADMIN, EDITOR): 200},
    ),
    "list comments": ("get", _api("comments/"), None, {tuple(READERS): 200}),
    "comment": (
        "post",
        _api("comments/"),
        {"block": "costs", "body": "Opex?", "kind": "question"},
        {tuple(READERS - {OBSERVER}): 201},
    ),
    "read a comment": ("get", _api("comments/{thread}/"), None, {tuple(READERS): 200}),
    "edit a comment": ("patch", _api("comments/{thread}/"), {"body": "Edited"}, {STAKEHOLDER: 200}),
    "delete a comment": ("delete", _api("comments/{thread}/"), None, {STAKEHOLDER: 204}),
    "resolve": (
        "post",
        _api("comments/{thread}/resolve/"),
        {"note": "Answered"},
        {(ADMIN, EDITOR, STAKEHOLDER): 200},
    ),
    "reopen": (
        "post",
        _api("comments/{thread}/reopen/"),
        None,
        {(ADMIN, EDITOR, STAKEHOLDER): 200},
    ),
    "report": (
        "post",
        _api("comments/{thread}/report/"),
        {"reason": "Off topic"},
        {STAKEHOLDER: 400, tuple(READERS - {STAKEHOLDER}): 201},
    ),
    "hide": ("post", _api("comments/{thread}/hide/"), {"reason": "Abuse"}, {(ADMIN, EDITOR): 200}),
    "unhide": ("post", _api("comments/{thread}/unhide/"), {}, {(ADMIN, EDITOR): 200}),
    "approve": ("post", _api("comments/{thread}/approve/"), None, {(ADMIN, EDITOR): 200}),
    "export": ("get", _api("export/"), None, {tuple(MEMBERS): 200}),
    "share links": ("get", _api("share-links/"), None, {tuple(MEMBERS): 200}),
    "read the canvas": ("get", _api(""), None, {tuple(READERS): 200}),
}
PERSONAL_API_ROUTES = {
    "my notifications": ("get", "/api/v1/notifications/", None),
    "mark all read": ("post", "/api/v1/notifications/read/", {"all": True}),
    "my preferences": ("get", "/api/v1/me/notification-preferences/", None),
    "change my preferences": ("put", "/api/v1/me/notification-preferences/", {"mention": "daily"}),
}


def _fill(path: str, world: World) -> str:
    return path.format(
        canvas=world.canvas.pk, thread=world.thread.pk, invitation=world.invitation.pk
    )


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("route", API_ROUTES)
def test_api_route_permissions(world, route, role):
    method, path, body, allowed = API_ROUTES[route]

    response = getattr(api_for(world, role), method)(_fill(path, world), body, format="json")

    if role == ANONYMOUS:
        assert response.status_code == 401
    elif role in STRANGERS:
        assert response.status_code == 404
    else:
        assert response.status_code == expect(role, allowed, 403), response.content


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("route", PERSONAL_API_ROUTES)
def test_personal_api_routes_need_only_an_account(world, route, role):
    method, path, body = PERSONAL_API_ROUTES[route]

    response = getattr(api_for(world, role), method)(path, body, format="json")

    assert response.status_code == (401 if role == ANONYMOUS else 200)


@pytest.mark.parametrize("role", EVERYONE)
def test_the_accept_route_refuses_a_forged_token_for_everyone(world, role):
    response = api_for(world, role).post(
        "/api/v1/invitations/accept/",
        {"token": "0" * 64, "username": "mallory", "password": "x7!kQ2vLm-bike"},
        format="json",
    )

    assert response.status_code == 400
    assert "token" in response.json()


# HTML --------------------------------------------------------------------------

HTML_ROUTES = {
    "people page": ("get", "/canvases/{canvas}/people/", None, {tuple(MEMBERS): 200}),
    "invite": (
        "post",
        "/canvases/{canvas}/people/",
        {"email": "new@example.org", "role": "observer"},
        {(ADMIN, EDITOR): 302},
    ),
    "pre-moderation": (
        "post",
        "/canvases/{canvas}/premoderation/",
        {"comments_premoderated": "on"},
        {(ADMIN, EDITOR): 302},
    ),
    "revoke": ("post", "/invitations/{invitation}/revoke/", {}, {(ADMIN, EDITOR): 302}),
    "re-send": ("post", "/invitations/{invitation}/resend/", {}, {(ADMIN, EDITOR): 302}),
    "comments page": ("get", "/canvases/{canvas}/comments/", None, {tuple(READERS): 200}),
    "comment": (
        "post",
        "/canvases/{canvas}/comments/",
        {"block": "costs", "kind": "question", "body": "Opex?"},
        {tuple(READERS - {OBSERVER}): 302},
    ),
    "thread": ("get", "/comments/{thread}/", None, {tuple(READERS): 200}),
    "reply": (
        "post",
        "/comments/{thread}/reply/",
        {"body": "Indeed"},
        {tuple(READERS - {OBSERVER}): 302},
    ),
    "edit page": ("get", "/comments/{thread}/edit/", None, {STAKEHOLDER: 200}),
    "edit": (
        "post",
        "/comments/{thread}/edit/",
        {"body": "Edited", "kind": "concern"},
        {STAKEHOLDER: 302},
    ),
    "delete": ("post", "/comments/{thread}/delete/", {}, {STAKEHOLDER: 302}),
    "resolve": (
        "post",
        "/comments/{thread}/resolve/",
        {"note": "Answered"},
        {(ADMIN, EDITOR, STAKEHOLDER): 302},
    ),
    "reopen": ("post", "/comments/{thread}/reopen/", {}, {(ADMIN, EDITOR, STAKEHOLDER): 302}),
    "report": (
        "post",
        "/comments/{thread}/report/",
        {"reason": "Off topic"},
        {STAKEHOLDER: 400, tuple(READERS - {STAKEHOLDER}): 302},
    ),
    "hide page": ("get", "/comments/{thread}/hide/", None, {(ADMIN, EDITOR): 200}),
    "hide": ("post", "/comments/{thread}/hide/", {"reason": "Abuse"}, {(ADMIN, EDITOR): 302}),
    "unhide": ("post", "/comments/{thread}/unhide/", {}, {(ADMIN, EDITOR): 302}),
    "approve": ("post", "/comments/{thread}/approve/", {}, {(ADMIN, EDITOR): 302}),
    "dismiss reports": ("post", "/comments/{thread}/dismiss/", {}, {(ADMIN, EDITOR): 302}),
    "export": ("get", "/canvases/{canvas}/export.json", None, {tuple(MEMBERS): 200}),
    "share links": ("get", "/canvases/{canvas}/share/", None, {tuple(MEMBERS): 200}),
    "canvas page": ("get", "/canvases/{canvas}/", None, {tuple(READERS): 200}),
    "business case page": ("get", "/canvases/{canvas}/report/", None, {tuple(READERS): 200}),
    "partners page": ("get", "/canvases/{canvas}/network/", None, {tuple(READERS): 200}),
    "impact page": ("get", "/canvases/{canvas}/impact/", None, {tuple(READERS): 200}),
}


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("route", HTML_ROUTES)
def test_page_permissions(client, world, route, role):
    method, path, body, allowed = HTML_ROUTES[route]
    client = html_for(client, world, role)

    response = getattr(client, method)(_fill(path, world), body or {})

    if role == ANONYMOUS:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif role in STRANGERS:
        assert response.status_code == 404
    else:
        assert response.status_code == expect(role, allowed, 403)


COUNCIL_PAGES = ["/councils/{slug}/moderation/", "/councils/{slug}/", "/councils/{slug}/portfolio/"]


@pytest.mark.parametrize("role", [STAKEHOLDER, OBSERVER, ELSEWHERE, OUTSIDER])
@pytest.mark.parametrize("path", COUNCIL_PAGES)
def test_council_pages_are_not_found_outside_the_council(client, world, council, role, path):
    client = html_for(client, world, role)

    assert client.get(path.format(slug=council.slug)).status_code == 404


@pytest.mark.parametrize("role", [APPROVER, VIEWER])
def test_only_editors_and_admins_see_the_moderation_queue(client, world, council, role):
    client = html_for(client, world, role)

    assert client.get(f"/councils/{council.slug}/moderation/").status_code == 403


@pytest.mark.parametrize("role", [STAKEHOLDER, OBSERVER])
def test_invitees_have_no_library(client, world, role):
    client = html_for(client, world, role)

    assert client.get("/library/").status_code == 403
    assert api_for(world, role).get("/api/v1/library/").status_code == 403


@pytest.mark.parametrize("role", [STAKEHOLDER, OBSERVER])
def test_invitees_see_one_canvas_through_the_api(world, second_canvas, role):
    api = api_for(world, role)

    listed = [c["id"] for c in api.get("/api/v1/canvases/").json()["results"]]

    assert listed == [world.canvas.pk]
    assert api.get("/api/v1/councils/").json()["results"] == []
    assert api.get(f"/api/v1/canvases/{second_canvas.pk}/").status_code == 404
    assert api.get(f"/api/v1/canvases/{second_canvas.pk}/comments/").status_code == 404


@pytest.mark.parametrize("role", [STAKEHOLDER, OBSERVER])
def test_invitees_cannot_change_the_canvas(world, role):
    api = api_for(world, role)
    canvas = world.canvas.pk

    assert (
        api.patch(f"/api/v1/canvases/{canvas}/", {"title": "x"}, format="json").status_code == 403
    )
    created = api.post(
        f"/api/v1/canvases/{canvas}/cards/", {"block": "costs", "text": "x"}, format="json"
    )
    assert created.status_code == 403
