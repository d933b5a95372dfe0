import pytest

from canvas_app.models import Canvas

from ..factories import CanvasFactory, CardFactory


def test_a_token_is_exchanged_for_a_username_and_password(api, editor, canvas):
    response = api.post(
        "/api/v1/auth/token/",
        {"username": "editor", "password": "correct-horse-battery"},
        format="json",
    )
    assert response.status_code == 200

    api.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert api.get(f"/api/v1/canvases/{canvas.pk}/").status_code == 200


def test_a_wrong_password_gets_no_token(api, editor):
    response = api.post(
        "/api/v1/auth/token/", {"username": "editor", "password": "guess"}, format="json"
    )

    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_creating_a_canvas_returns_it(api_as, editor, council):
    response = api_as(editor).post(
        "/api/v1/canvases/",
        {"council": "ghent", "title": "Smart parking", "sector": "mobility"},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["title"] == "Smart parking"
    assert body["owner"] == "editor"
    assert body["stage"] == "draft"
    assert (body["blocks_filled"], body["blocks_total"]) == (0, 13)


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"council": "ghent", "title": ""}, "title"),
        ({"council": "ghent", "title": "   "}, "title"),
        ({"council": "ghent", "title": "x" * 201}, "title"),
        ({"council": "ghent", "title": ["a list"]}, "title"),
        ({"council": "ghent", "title": "Ok", "sector": "space"}, "sector"),
        ({"council": "nowhere", "title": "Ok"}, "council"),
        ({"council": 12, "title": "Ok"}, "council"),
        ({"title": "Ok"}, "council"),
        ({"council": "ghent", "title": "Ok", "summary": "x" * 4001}, "summary"),
    ],
)
def test_bad_canvas_input_is_a_400_naming_the_field(api_as, editor, payload, field):
    response = api_as(editor).post("/api/v1/canvases/", payload, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not Canvas.objects.exists()


def test_malformed_json_is_a_400(api_as, editor):
    response = api_as(editor).generic(
        "POST", "/api/v1/canvases/", '{"title": "broken', content_type="application/json"
    )

    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]


def test_a_json_array_body_is_a_400_not_a_500(api_as, editor):
    response = api_as(editor).post("/api/v1/canvases/", [1, 2, 3], format="json")

    assert response.status_code == 400


def test_the_stage_cannot_be_set_through_an_update(api_as, editor, canvas):
    response = api_as(editor).patch(
        f"/api/v1/canvases/{canvas.pk}/", {"stage": "approved", "title": "T2"}, format="json"
    )

    assert response.status_code == 200
    canvas.refresh_from_db()
    assert (canvas.stage, canvas.title) == ("draft", "T2")


def test_the_list_filters_searches_sorts_and_pages(api_as, editor, council):
    for index in range(30):
        CanvasFactory(
            council=council,
            owner=editor,
            title=f"{'Bike' if index % 3 == 0 else 'Lamp'} {index:02d}",
            sector="mobility" if index % 3 == 0 else "lighting",
        )
    client = api_as(editor)

    page = client.get("/api/v1/canvases/").json()
    assert page["count"] == 30 and len(page["results"]) == 25 and page["next"]
    bikes = client.get("/api/v1/canvases/?sector=mobility&ordering=title").json()
    assert [c["title"] for c in bikes["results"]] == [f"Bike {i:02d}" for i in range(0, 30, 3)]
    assert client.get("/api/v1/canvases/?q=bike 1").json()["count"] == 3  # 12, 15, 18
    assert client.get("/api/v1/canvases/?sector=space").status_code == 400


def test_the_detail_includes_cards_and_completeness(api_as, editor, canvas):
    CardFactory(canvas=canvas, block="costs")
    CardFactory(canvas=canvas, block="costs")
    CardFactory(canvas=canvas, block="funding")

    body = api_as(editor).get(f"/api/v1/canvases/{canvas.pk}/").json()

    assert len(body["cards"]) == 3
    assert body["blocks_filled"] == 2


def test_the_framework_lists_thirteen_blocks_in_reading_order(api_as, editor):
    blocks = api_as(editor).get("/api/v1/framework/").json()

    assert len(blocks) == 13
    assert blocks[0]["key"] == "public_value"
    assert blocks[-1]["key"] == "social_impact"
    assert all(block["questions"] for block in blocks)


def test_the_openapi_schema_and_offline_docs_are_served(client, db):
    schema = client.get("/api/schema/")
    docs = client.get("/api/docs/")

    assert schema.status_code == 200
    assert b"/api/v1/canvases/{canvas_pk}/cards/{id}/move/" in schema.content
    assert docs.status_code == 200
    assert b"drf_spectacular_sidecar" in docs.content  # bundled assets, no CDN
    assert b"cdn" not in docs.content.lower()


def test_the_detail_writes_cards_exactly_as_the_card_serializer_does(api_as, editor, canvas):
    from canvas_app.api.serializers import CardSerializer, card_rows
    from canvas_app.models import Card

    CardFactory(canvas=canvas, block="costs", updated_by=editor, tag="capex")
    CardFactory(canvas=canvas, block="funding", updated_by=None)
    cards = list(Card.objects.filter(canvas=canvas).select_related("updated_by"))

    assert card_rows(cards) == CardSerializer(cards, many=True).data


def test_a_nul_character_in_a_council_slug_is_a_400(api_as, editor):
    response = api_as(editor).post(
        "/api/v1/canvases/", {"council": "\x00", "title": "0"}, format="json"
    )

    assert response.status_code == 400 and "council" in response.json()
