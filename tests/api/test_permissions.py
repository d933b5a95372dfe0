"""Every API endpoint against every council role and a member of another council."""

import pytest

from canvas_app.models import Card, Role

from ..factories import CardFactory, MembershipFactory, UserFactory

EDITORS = {Role.ADMIN, Role.EDITOR}
READERS = {Role.ADMIN, Role.EDITOR, Role.APPROVER, Role.VIEWER}
OUTSIDER = "outsider"
EVERYONE = [*READERS, OUTSIDER]


def expected(role: str, allowed: set[str], ok: int, *, outsider: int = 404) -> int:
    if role == OUTSIDER:
        return outsider
    return ok if role in allowed else 403


@pytest.fixture
def user_for(council, other_council):
    def make(role: str):
        target = other_council if role == OUTSIDER else council
        return MembershipFactory(
            council=target, role=Role.EDITOR if role == OUTSIDER else role, user=UserFactory()
        ).user

    return make


@pytest.fixture
def client_as(api, user_for):
    def login(role: str):
        api.force_authenticate(user_for(role))
        return api

    return login


@pytest.fixture
def target_card(canvas):
    return CardFactory(canvas=canvas, block="costs", text="Investment EUR 2 M")


@pytest.mark.parametrize("role", EVERYONE)
def test_reading_a_canvas(client_as, canvas, role):
    response = client_as(role).get(f"/api/v1/canvases/{canvas.pk}/")

    assert response.status_code == expected(role, READERS, 200)


@pytest.mark.parametrize("role", EVERYONE)
def test_listing_canvases_shows_only_my_councils(client_as, canvas, role):
    response = client_as(role).get("/api/v1/canvases/")

    assert response.status_code == 200
    ids = [item["id"] for item in response.json()["results"]]
    assert ids == ([] if role == OUTSIDER else [canvas.pk])


@pytest.mark.parametrize("role", EVERYONE)
def test_creating_a_canvas(client_as, council, role):
    response = client_as(role).post(
        "/api/v1/canvases/", {"council": council.slug, "title": "Smart parking"}, format="json"
    )

    # An outsider cannot even name the council: it is not among theirs.
    assert response.status_code == expected(role, EDITORS, 201, outsider=400)


@pytest.mark.parametrize("role", EVERYONE)
def test_updating_a_canvas(client_as, canvas, role):
    response = client_as(role).patch(
        f"/api/v1/canvases/{canvas.pk}/", {"title": "Renamed"}, format="json"
    )

    assert response.status_code == expected(role, EDITORS, 200)


@pytest.mark.parametrize("role", EVERYONE)
def test_deleting_a_canvas(client_as, canvas, role):
    response = client_as(role).delete(f"/api/v1/canvases/{canvas.pk}/")

    assert response.status_code == expected(role, EDITORS, 204)


@pytest.mark.parametrize("role", EVERYONE)
def test_listing_cards(client_as, canvas, target_card, role):
    response = client_as(role).get(f"/api/v1/canvases/{canvas.pk}/cards/")

    assert response.status_code == expected(role, READERS, 200)


@pytest.mark.parametrize("role", EVERYONE)
def test_adding_a_card(client_as, canvas, role):
    response = client_as(role).post(
        f"/api/v1/canvases/{canvas.pk}/cards/", {"block": "costs", "text": "Opex"}, format="json"
    )

    assert response.status_code == expected(role, EDITORS, 201)


@pytest.mark.parametrize("role", EVERYONE)
def test_editing_a_card(client_as, canvas, target_card, role):
    response = client_as(role).patch(
        f"/api/v1/canvases/{canvas.pk}/cards/{target_card.pk}/",
        {"text": "Investment EUR 2.1 M", "version": 1},
        format="json",
    )

    assert response.status_code == expected(role, EDITORS, 200)
    changed = Card.objects.get(pk=target_card.pk).text == "Investment EUR 2.1 M"
    assert changed == (role in EDITORS)


@pytest.mark.parametrize("role", EVERYONE)
def test_moving_a_card(client_as, canvas, target_card, role):
    response = client_as(role).post(
        f"/api/v1/canvases/{canvas.pk}/cards/{target_card.pk}/move/",
        {"block": "funding", "position": 0},
        format="json",
    )

    assert response.status_code == expected(role, EDITORS, 200)


@pytest.mark.parametrize("role", EVERYONE)
def test_reading_a_cards_history(client_as, canvas, target_card, role):
    response = client_as(role).get(f"/api/v1/canvases/{canvas.pk}/cards/{target_card.pk}/history/")

    assert response.status_code == expected(role, READERS, 200)


@pytest.mark.parametrize("role", EVERYONE)
def test_deleting_a_card(client_as, canvas, target_card, role):
    response = client_as(role).delete(f"/api/v1/canvases/{canvas.pk}/cards/{target_card.pk}/")

    assert response.status_code == expected(role, EDITORS, 204)
    assert Card.objects.filter(pk=target_card.pk).exists() == (role not in EDITORS)


@pytest.mark.parametrize("role", EVERYONE)
def test_councils_lists_only_mine_with_my_role(client_as, council, other_council, role):
    response = client_as(role).get("/api/v1/councils/")

    assert response.status_code == 200
    expected_council = other_council if role == OUTSIDER else council
    [only] = response.json()["results"]
    assert only["slug"] == expected_council.slug
    assert only["role"] == (Role.EDITOR if role == OUTSIDER else role)


@pytest.mark.parametrize(
    "method, path",
    [
        ("get", "/api/v1/canvases/"),
        ("get", "/api/v1/councils/"),
        ("get", "/api/v1/framework/"),
        ("post", "/api/v1/canvases/"),
    ],
)
def test_anonymous_requests_are_refused(api, db, method, path):
    response = getattr(api, method)(path)

    assert response.status_code == 401
