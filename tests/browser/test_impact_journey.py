import pytest
from playwright.sync_api import expect

from canvas_app.examples import EXAMPLES
from canvas_app.models import Assessment, ImpactInputs
from canvas_app.services.exchange import canvas_create_from_example

from .conftest import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BIKE = EXAMPLES["bike-sharing"]


@pytest.fixture
def bike_canvas_without_inputs(council, editor):
    canvas = canvas_create_from_example(council=council, by=editor, example=BIKE)
    Assessment.objects.filter(canvas=canvas).delete()
    ImpactInputs.objects.filter(canvas=canvas).delete()
    return canvas


def fill_inputs(page, values: dict) -> None:
    for name, value in values.items():
        if name.startswith("rating_"):
            page.locator(f'input[name="{name}"][value="{value}"]').check()
        elif value is not None:
            page.locator(f'input[name="{name}"]').fill(str(value))


def test_an_editor_enters_inputs_and_sees_the_scores_appear(
    page, sign_in, editor, bike_canvas_without_inputs
):
    canvas = bike_canvas_without_inputs
    sign_in("editor")
    page.goto(f"/canvases/{canvas.pk}/")
    economic = page.get_by_role("region", name="Economic impact")
    economic.get_by_role("link", name="Enter impact inputs").click()

    fill_inputs(page, BIKE.impact_inputs)
    page.get_by_role("button", name="Save and compute the scores").click()

    expect(page.get_by_role("heading", name="Impact assessment")).to_be_visible()
    scores = page.get_by_role("table", name="Scores out of 100")
    expect(scores).to_contain_text("37.5")
    expect(scores).to_contain_text("25.0")
    expect(scores).to_contain_text("60.5")
    assert serious_violations(page) == []

    page.goto(f"/canvases/{canvas.pk}/")
    expect(
        page.get_by_role("region", name="Social impact").locator(".score-badge")
    ).to_contain_text("60.5")


def test_the_inputs_form_explains_errors_accessibly(page, sign_in, editor, canvas):
    sign_in("editor")
    page.goto(f"/canvases/{canvas.pk}/impact/inputs/")
    page.locator('input[name="lifetime_years"]').fill("0")
    page.locator('input[name="capex"]').fill("-5")
    page.get_by_role("button", name="Save and compute the scores").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Lifetime (years)")
    expect(summary).to_contain_text("Investment (capex) (EUR)")
    assert serious_violations(page) == []
