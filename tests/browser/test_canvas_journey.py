import pytest
from playwright.sync_api import expect

from canvas_app.examples import EXAMPLES
from canvas_app.services.exchange import canvas_create_from_example

from .conftest import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def add_card(page, block_title: str, text: str) -> None:
    block = page.get_by_role("region", name=block_title)
    form = block.locator(".add-card")
    if not form.locator("textarea").is_visible():
        form.get_by_role("link", name="Add a card").click()
    form.get_by_label("Card text").fill(text)
    block.get_by_role("button", name="Add card").click()
    expect(block.locator(".card__text", has_text=text)).to_be_visible()


def test_an_editor_creates_a_canvas_and_fills_two_blocks(page, sign_in, editor):
    sign_in("editor")
    page.get_by_role("link", name="Create your first canvas").click()
    page.get_by_label("Title").fill("Smart parking sensors")
    page.get_by_label("Sector").select_option("mobility")
    page.get_by_role("button", name="Create canvas").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Smart parking sensors")

    add_card(page, "Public value proposition", "Less time searching for parking")
    add_card(page, "Key partners", "Parking operator")
    expect(page.locator("#completeness")).to_contain_text("2 of 13")

    partners = page.get_by_role("region", name="Key partners")
    partners.get_by_role("link", name="Edit").click()
    partners.locator(".card--editing").get_by_label("Card text").fill(
        "Parking operator and sensor supplier"
    )
    partners.get_by_role("button", name="Save card").click()
    expect(partners.locator(".card__text")).to_have_text("Parking operator and sensor supplier")

    page.reload()
    cards = page.locator(".card__text")
    expect(cards.filter(has_text="Less time searching for parking")).to_be_visible()
    expect(cards.filter(has_text="Parking operator and sensor supplier")).to_be_visible()
    expect(page.locator("#completeness")).to_contain_text("2 of 13")


def test_a_stale_inline_edit_shows_both_texts(page, sign_in, editor, canvas, card):
    sign_in("editor")
    page.goto(f"/canvases/{canvas.pk}/")
    block = page.get_by_role("region", name="Public value proposition")
    block.get_by_role("link", name="Edit").click()
    from canvas_app.services.cards import card_update

    card_update(card=card, by=editor, based_on_version=1, text="Saved meanwhile")
    block.locator(".card--editing").get_by_label("Card text").fill("My late edit")
    block.get_by_role("button", name="Save card").click()

    expect(block.get_by_test_id("their-text")).to_have_text("Saved meanwhile")
    expect(block.get_by_test_id("your-text")).to_have_text("My late edit")
    block.get_by_role("button", name="Keep my version").click()
    expect(block.locator(".card__text")).to_have_text("My late edit")


def test_the_canvas_page_has_no_serious_accessibility_violation(page, sign_in, editor, council):
    canvas = canvas_create_from_example(
        council=council, by=editor, example=EXAMPLES["led-street-lighting"]
    )
    sign_in("editor")
    page.goto(f"/canvases/{canvas.pk}/")
    partners = page.get_by_role("region", name="Key partners")
    partners.get_by_role("link", name="Add a card").click()
    expect(partners.get_by_label("Card text")).to_be_visible()

    assert serious_violations(page) == []


def test_the_list_and_forms_have_no_serious_accessibility_violation(page, sign_in, editor, canvas):
    sign_in("editor")
    assert serious_violations(page) == []
    page.goto("/councils/ghent/canvases/new/")
    page.get_by_role("button", name="Create canvas").click()  # shows the error summary
    assert serious_violations(page) == []
