import pytest

from canvas_app.models import Card

from ..factories import CanvasFactory, CardFactory


@pytest.fixture
def client(api_as, editor):
    return api_as(editor)


def cards_url(canvas, card=None, suffix=""):
    base = f"/api/v1/canvases/{canvas.pk}/cards/"
    return f"{base}{card.pk}/{suffix}" if card else base


def test_adding_a_card(client, canvas):
    response = client.post(
        cards_url(canvas),
        {"block": "key_partners", "text": "Energy service company", "evidence": "evidence"},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["block"], body["version"], body["position"]) == ("key_partners", 1, 0)


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"block": "marketing", "text": "x"}, "block"),
        ({"text": "x"}, "block"),
        ({"block": "costs", "text": ""}, "text"),
        ({"block": "costs", "text": "   "}, "text"),
        ({"block": "costs", "text": "x" * 2001}, "text"),
        ({"block": "costs", "text": 12}, None),
        ({"block": "costs", "text": {"a": 1}}, "text"),
        ({"block": "costs", "text": "ok", "colour": "purple"}, "colour"),
        ({"block": "costs", "text": "ok", "evidence": "rumour"}, "evidence"),
        ({"block": "costs", "text": "ok", "tag": "t" * 41}, "tag"),
    ],
)
def test_bad_card_input_is_a_400_naming_the_field(client, canvas, payload, field):
    response = client.post(cards_url(canvas), payload, format="json")

    if field is None:  # a number is acceptable text: DRF reads it as "12"
        assert response.status_code == 201
        return
    assert response.status_code == 400
    assert field in response.json()


def test_a_save_carries_its_version(client, canvas, card):
    response = client.patch(
        cards_url(canvas, card), {"text": "Halve energy bills", "version": 1}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["version"] == 2


def test_a_save_without_a_version_is_a_400(client, canvas, card):
    response = client.patch(cards_url(canvas, card), {"text": "No version"}, format="json")

    assert response.status_code == 400
    assert "version" in response.json()


@pytest.mark.parametrize("version", ["two", None, -1, 1.5, [1]])
def test_a_malformed_version_is_a_400(client, canvas, card, version):
    response = client.patch(
        cards_url(canvas, card), {"text": "x", "version": version}, format="json"
    )

    assert response.status_code == 400
    assert "version" in response.json()


def test_a_stale_save_is_a_409_with_both_texts(client, canvas, card):
    client.patch(cards_url(canvas, card), {"text": "first", "version": 1}, format="json")

    response = client.patch(
        cards_url(canvas, card), {"text": "second", "version": 1}, format="json"
    )

    assert response.status_code == 409
    body = response.json()
    assert body["current"]["text"] == "first"
    assert body["current"]["version"] == 2
    assert body["attempted"]["text"] == "second"
    assert Card.objects.get(pk=card.pk).text == "first"


def test_a_card_of_another_canvas_is_not_found_through_this_one(client, canvas, editor, council):
    elsewhere = CardFactory(canvas=CanvasFactory(council=council, owner=editor))

    response = client.patch(
        cards_url(canvas, elsewhere), {"text": "x", "version": 1}, format="json"
    )

    assert response.status_code == 404


def test_a_card_cannot_be_moved_to_another_canvas(client, canvas, card, editor, council):
    other = CanvasFactory(council=council, owner=editor)

    response = client.post(
        cards_url(canvas, card, "move/"),
        {"block": "costs", "position": 0, "canvas": other.pk},
        format="json",
    )

    assert response.status_code == 400
    assert "canvas" in response.json()
    assert Card.objects.get(pk=card.pk).canvas_id == canvas.pk


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"block": "nowhere", "position": 0}, "block"),
        ({"block": "costs", "position": -1}, "position"),
        ({"block": "costs", "position": "top"}, "position"),
        ({"block": "costs"}, "position"),
    ],
)
def test_bad_moves_are_a_400_naming_the_field(client, canvas, card, payload, field):
    response = client.post(cards_url(canvas, card, "move/"), payload, format="json")

    assert response.status_code == 400
    assert field in response.json()


def test_moving_reorders_within_a_block(client, canvas):
    first, second = (CardFactory(canvas=canvas, block="costs", position=i) for i in range(2))

    client.post(
        cards_url(canvas, second, "move/"), {"block": "costs", "position": 0}, format="json"
    )

    listed = [c["id"] for c in client.get(cards_url(canvas)).json() if c["block"] == "costs"]
    assert listed == [second.pk, first.pk]


def test_history_lists_every_change_newest_first(client, canvas):
    created = client.post(cards_url(canvas), {"block": "costs", "text": "a"}, format="json").json()
    card = Card.objects.get(pk=created["id"])
    client.patch(cards_url(canvas, card), {"text": "b", "version": 1}, format="json")

    history = client.get(cards_url(canvas, card, "history/")).json()

    assert [entry["action"] for entry in history] == ["updated", "created"]
    assert history[0]["before"]["text"] == "a" and history[0]["after"]["text"] == "b"
    assert history[0]["by"] == "editor"


def test_deleting_with_a_stale_version_is_a_409(client, canvas, card):
    client.patch(cards_url(canvas, card), {"text": "changed", "version": 1}, format="json")

    stale = client.delete(cards_url(canvas, card) + "?version=1")
    bad = client.delete(cards_url(canvas, card) + "?version=abc")
    fresh = client.delete(cards_url(canvas, card) + "?version=2")

    assert (stale.status_code, bad.status_code, fresh.status_code) == (409, 400, 204)


def test_ids_of_another_council_are_404_everywhere(client, other_council):
    foreign = CardFactory(canvas=CanvasFactory(council=other_council))
    canvas = foreign.canvas

    assert client.get(f"/api/v1/canvases/{canvas.pk}/").status_code == 404
    assert client.get(cards_url(canvas)).status_code == 404
    assert (
        client.post(cards_url(canvas), {"block": "costs", "text": "x"}, format="json").status_code
        == 404
    )
    assert (
        client.patch(
            cards_url(canvas, foreign), {"text": "x", "version": 1}, format="json"
        ).status_code
        == 404
    )
    assert client.delete(cards_url(canvas, foreign)).status_code == 404
    assert Card.objects.get(pk=foreign.pk).text != "x"
