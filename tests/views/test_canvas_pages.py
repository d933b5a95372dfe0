import pytest
from django.urls import reverse

from canvas_app.models import Canvas, Card

from ..factories import CanvasFactory, CardFactory


@pytest.fixture
def signed_in(client, editor):
    client.force_login(editor)
    return client


def test_signing_in_opens_my_councils_canvases(client, editor, canvas):
    response = client.post(
        reverse("login"), {"username": "editor", "password": "correct-horse-battery"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("canvas-list", args=["ghent"])
    assert "LED street lighting" in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, canvas):
    response = client.get(reverse("canvas-detail", args=[canvas.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_empty_council_explains_how_to_start(signed_in):
    content = signed_in.get(reverse("canvas-list", args=["ghent"])).content.decode()

    assert "has no canvas yet" in content
    assert "Create your first canvas" in content


def test_the_list_searches_and_filters(signed_in, council, editor):
    CanvasFactory(council=council, owner=editor, title="Bike sharing", sector="mobility")
    CanvasFactory(council=council, owner=editor, title="LED lamps", sector="lighting")
    url = reverse("canvas-list", args=["ghent"])

    by_text = signed_in.get(url, {"q": "bike"}).content.decode()
    by_sector = signed_in.get(url, {"sector": "lighting"}).content.decode()
    nothing = signed_in.get(url, {"q": "zeppelin"}).content.decode()

    assert "Bike sharing" in by_text and "LED lamps" not in by_text
    assert "LED lamps" in by_sector and "Bike sharing" not in by_sector
    assert "No canvas matches" in nothing


def test_the_list_pages_through_many_canvases(signed_in, council, editor):
    CanvasFactory.create_batch(45, council=council, owner=editor)
    url = reverse("canvas-list", args=["ghent"])

    first = signed_in.get(url).content.decode()
    last = signed_in.get(url, {"page": 3}).content.decode()

    assert "Page 1 of 3" in first
    assert "Page 3 of 3" in last


def test_creating_a_canvas_from_an_example(signed_in, council):
    response = signed_in.post(
        reverse("canvas-new", args=["ghent"]),
        {"start_from": "bike-sharing", "title": "", "summary": "", "sector": "other"},
    )

    canvas = Canvas.objects.get(council=council)
    assert response["Location"] == reverse("canvas-detail", args=[canvas.pk])
    assert canvas.title == "Public bike-sharing scheme"
    assert canvas.cards.values("block").distinct().count() == 13


def test_a_blank_canvas_needs_a_title(signed_in, council):
    response = signed_in.post(
        reverse("canvas-new", args=["ghent"]), {"start_from": "", "title": " ", "sector": "other"}
    )

    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not Canvas.objects.exists()


def test_the_canvas_page_shows_every_block_and_completeness(signed_in, canvas, card):
    content = signed_in.get(reverse("canvas-detail", args=[canvas.pk])).content.decode()

    assert content.count('class="block block--') == 13
    assert "1 of 13</strong> blocks" in content
    assert "Lower energy bills" in content
    assert "Guiding questions" in content


def test_card_text_is_escaped(signed_in, canvas):
    CardFactory(canvas=canvas, text='<script>alert("x")</script>')

    content = signed_in.get(reverse("canvas-detail", args=[canvas.pk])).content.decode()

    assert '<script>alert("x")</script>' not in content
    assert "&lt;script&gt;" in content


def test_adding_a_card_without_javascript_redirects_to_its_block(signed_in, canvas):
    response = signed_in.post(
        reverse("card-new", args=[canvas.pk, "costs"]),
        {"text": "Investment EUR 2 M", "colour": "grey", "evidence": "evidence", "tag": "capex"},
    )

    assert response.status_code == 302
    assert response["Location"].endswith("#block-costs")
    assert Card.objects.get(canvas=canvas).tag == "capex"


def test_adding_a_card_with_htmx_returns_the_block_and_completeness(signed_in, canvas):
    response = signed_in.post(
        reverse("card-new", args=[canvas.pk, "costs"]),
        {"text": "Opex", "colour": "grey", "evidence": "assumption"},
        HTTP_HX_REQUEST="true",
    )

    content = response.content.decode()
    assert response["HX-Retarget"] == "#block-costs"
    assert 'id="block-costs"' in content and "Opex" in content
    assert 'id="completeness" class="completeness" hx-swap-oob="true"' in content


def test_an_empty_card_shows_the_error_in_place(signed_in, canvas):
    response = signed_in.post(
        reverse("card-new", args=[canvas.pk, "costs"]),
        {"text": "", "colour": "grey", "evidence": "assumption"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 400
    assert "Card text: This field is required." in response.content.decode()


def test_editing_a_card_without_javascript(signed_in, canvas, card):
    url = reverse("card-edit", args=[card.pk])
    form = signed_in.get(url).content.decode()
    response = signed_in.post(
        url, {"text": "Halve bills", "colour": "blue", "evidence": "validated", "version": 1}
    )

    assert 'name="version"' in form
    assert response.status_code == 302
    card.refresh_from_db()
    assert (card.text, card.colour, card.version) == ("Halve bills", "blue", 2)


def test_a_stale_edit_shows_both_texts_and_saves_nothing(signed_in, canvas, card):
    url = reverse("card-edit", args=[card.pk])
    fields = {"colour": "yellow", "evidence": "assumption", "version": 1}
    signed_in.post(url, {**fields, "text": "Their text"})

    response = signed_in.post(url, {**fields, "text": "My text"})

    content = response.content.decode()
    assert response.status_code == 409
    assert "Their text" in content and "My text" in content
    assert "Keep my version" in content and "merge" in content
    assert Card.objects.get(pk=card.pk).text == "Their text"


def test_keeping_my_version_after_a_conflict_saves_it(signed_in, canvas, card):
    url = reverse("card-edit", args=[card.pk])
    fields = {"colour": "yellow", "evidence": "assumption"}
    signed_in.post(url, {**fields, "text": "Their text", "version": 1})

    signed_in.post(url, {**fields, "text": "My text", "version": 2})

    assert Card.objects.get(pk=card.pk).text == "My text"


def test_moving_and_deleting_cards_without_javascript(signed_in, canvas):
    first = CardFactory(canvas=canvas, block="costs", position=0)
    second = CardFactory(canvas=canvas, block="costs", position=1)

    signed_in.post(reverse("card-move", args=[second.pk]), {"position": 0})
    signed_in.post(reverse("card-delete", args=[first.pk]), {"version": 1})

    assert list(canvas.cards.values_list("pk", flat=True)) == [second.pk]


def test_a_cards_history_page_lists_its_changes(signed_in, card):
    signed_in.post(
        reverse("card-edit", args=[card.pk]),
        {"text": "Changed text", "colour": "yellow", "evidence": "assumption", "version": 1},
    )

    content = signed_in.get(reverse("card-history", args=[card.pk])).content.decode()

    assert "Updated" in content and "Lower energy bills" in content and "Changed text" in content


def test_viewers_see_the_canvas_without_edit_controls(client, viewer, canvas, card):
    client.force_login(viewer)

    page = client.get(reverse("canvas-detail", args=[canvas.pk])).content.decode()
    edit = client.get(reverse("card-edit", args=[card.pk]))
    post = client.post(reverse("card-new", args=[canvas.pk, "costs"]), {"text": "x"})

    assert "Add a card" not in page and "Only the council's editors can change it" in page
    assert (edit.status_code, post.status_code) == (403, 403)
    assert not canvas.cards.filter(block="costs").exists()


def test_pages_of_another_council_are_not_found(client, outsider, canvas, card):
    client.force_login(outsider)

    for url in (
        reverse("canvas-detail", args=[canvas.pk]),
        reverse("canvas-edit", args=[canvas.pk]),
        reverse("canvas-list", args=["ghent"]),
        reverse("card-edit", args=[card.pk]),
        reverse("card-history", args=[card.pk]),
        reverse("council-theme", args=["ghent"]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("card-delete", args=[card.pk])).status_code == 404
    assert client.post(reverse("canvas-remove", args=[canvas.pk])).status_code == 404
    assert Card.objects.filter(pk=card.pk).exists()


def test_a_user_in_two_councils_can_switch(client, editor, canvas, other_council):
    from ..factories import MembershipFactory

    MembershipFactory(user=editor, council=other_council, role="viewer")
    client.force_login(editor)

    content = client.get(reverse("canvas-list", args=["porto"])).content.decode()
    home = client.get(reverse("home"))

    assert "Porto" in content and reverse("canvas-list", args=["ghent"]) in content
    assert home["Location"] == reverse("canvas-list", args=["porto"])  # the last one used


def test_deleting_a_canvas(signed_in, canvas):
    response = signed_in.post(reverse("canvas-remove", args=[canvas.pk]))

    assert response["Location"] == reverse("canvas-list", args=["ghent"])
    assert not Canvas.objects.exists()


def test_the_add_form_comes_on_demand_and_stays_open_after_adding(signed_in, canvas):
    url = reverse("card-new", args=[canvas.pk, "costs"])

    page = signed_in.get(reverse("canvas-detail", args=[canvas.pk])).content.decode()
    fragment = signed_in.get(url, HTTP_HX_REQUEST="true").content.decode()
    added = signed_in.post(
        url, {"text": "Opex", "colour": "grey", "evidence": "assumption"}, HTTP_HX_REQUEST="true"
    ).content.decode()

    assert 'name="text"' not in page and f'href="{url}"' in page
    assert 'id="new-costs-text"' in fragment
    assert 'id="new-costs-text"' in added  # ready for the next card


@pytest.mark.parametrize("query", [{"q": "\x00"}, {"sector": "\x00"}, {"ordering": "\x00"}])
def test_nul_characters_in_list_filters_are_not_a_500(signed_in, api_as, editor, query):
    page = signed_in.get(reverse("canvas-list", args=["ghent"]), query)
    portfolio = signed_in.get(reverse("portfolio", args=["ghent"]), query)
    api = api_as(editor).get("/api/v1/canvases/", query)

    assert page.status_code < 500 and portfolio.status_code < 500 and api.status_code < 500
