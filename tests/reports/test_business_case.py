"""The business case PDF of the LED street-lighting example, read back as text."""

import re

import pytest

from canvas_app.examples import EXAMPLES
from canvas_app.framework import BLOCKS
from canvas_app.reports.context import SECTIONS
from canvas_app.services.exchange import canvas_create_from_example

from .conftest import squeeze

# The PDF is rendered once for the module (see conftest); the mark makes sure the test
# database exists even when only this module runs.
pytestmark = pytest.mark.django_db


def _led(council, editor):
    canvas = canvas_create_from_example(
        council=council, by=editor, example=EXAMPLES["led-street-lighting"]
    )
    cards = list(canvas.cards.all())
    partners = [p.organisation for p in canvas.partners.all()]
    milestones = [m.name for m in canvas.milestones.all()]
    return canvas, {"cards": cards, "partners": partners, "milestones": milestones}


@pytest.fixture(scope="module")
def led(make_case):
    return make_case(_led)


def _is_landscape(page) -> bool:
    return float(page.mediabox.width) > float(page.mediabox.height)


def test_the_pdf_shows_the_text_of_every_card_of_every_block(led):
    cards = led.extra["cards"]
    assert {card.block for card in cards} == {block.key for block in BLOCKS}
    missing = [card.text for card in cards if squeeze(card.text) not in led.squeezed]
    assert missing == []


def test_the_canvas_page_shows_every_card_and_block_title(led):
    canvas_page = squeeze(led.texts[1])
    for block in BLOCKS:
        assert squeeze(block.title) in canvas_page, block.title
    for card in led.extra["cards"]:
        assert squeeze(card.text) in canvas_page, card.text


def test_the_canvas_page_is_the_only_landscape_page(led):
    orientations = [_is_landscape(page) for page in led.reader.pages]
    assert orientations[1] is True
    assert sum(orientations) == 1


def test_the_page_count_is_that_of_a_business_case(led):
    assert 8 <= led.pdf.pages <= 20
    assert len(led.reader.pages) == led.pdf.pages


def test_the_scores_are_those_of_the_worked_example(led):
    economic_case = squeeze(led.texts[3])
    for dimension, value in (("Economic", "77.4"), ("Environmental", "80.0"), ("Social", "55.0")):
        assert f"{dimension}{value}Weightedmean" in economic_case


@pytest.mark.parametrize(
    "label, figure",
    [
        ("Financial net present value (FNPV)", "€3,164,324"),
        ("Economic net present value (ENPV)", "€3,653,440"),
        ("Benefit-cost ratio", "2.5901"),
        ("Financial internal rate of return (FIRR)", "18.35 %"),
        ("Simple payback", "5.26 years"),
    ],
)
def test_the_cost_benefit_figures_are_those_of_the_worked_example(led, label, figure):
    assert squeeze(label + figure) in led.squeezed


def test_the_impact_blocks_of_the_canvas_carry_their_scores(led):
    canvas_page = squeeze(led.texts[1])
    assert "Economicimpactscore77.4" in canvas_page
    assert "Socialimpactscore55.0" in canvas_page


def test_the_cover_names_council_service_author_and_approvals(led):
    cover = led.texts[0]
    assert "Ghent" in cover
    assert "LED street-lighting retrofit" in cover
    assert "Ada Peeters" in cover
    assert "No approval recorded yet" in cover
    assert "Revision 1" in cover


def test_the_contents_give_the_page_of_each_section(led):
    contents = led.texts[0]
    for _, title in SECTIONS:
        match = re.search(re.escape(title) + r"[ .]*(\d+)", contents)
        assert match, title
        page_text = led.texts[int(match[1]) - 1]
        assert title in page_text, f"{title} is not on page {match[1]}"


def test_every_page_after_the_cover_has_a_running_header_and_page_number(led):
    total = led.pdf.pages
    for number, text in enumerate(led.texts[1:], start=2):
        assert "Ghent · LED street-lighting retrofit" in text
        assert f"Page {number} of {total}" in text
    assert "Ghent · LED" not in led.texts[0]


def test_partners_responsibilities_and_milestones_are_listed(led):
    for name in led.extra["partners"] + led.extra["milestones"]:
        assert squeeze(name) in led.squeezed, name
    assert "Whoisresponsible(R),accountable(A)" in led.squeezed


def test_the_yearly_flows_and_the_funding_plan_are_shown(led):
    financial = squeeze("\n".join(text for text in led.texts if "5. Financial case" in text))
    assert "1–20(2026–2045)" in financial  # twenty alike years in one row
    assert "Total2,000,000400,000" in financial
    assert "CouncilinvestmentbudgetOwnbudget€1,200,000Secured" in financial
    assert "ERDFenergy-efficiencycallEUgrant€800,000Pledged" in financial
    assert "Fundinggap€0" in financial


def test_the_method_annex_lists_parameters_weights_and_simplifications(led):
    annex = squeeze("\n".join(led.texts[-2:]))
    assert "Financialdiscountrate0.04fractionperyear(real)0.04" in annex
    assert "EC1Benefit-costratioEconomicProsperity0.40" in annex
    assert "constantprices" in annex
    assert "independenttriangular" in annex
    assert "impactmethodversion2" in annex


def test_the_pdf_carries_the_document_metadata(led):
    metadata = led.reader.metadata
    assert metadata.title.startswith("LED street-lighting retrofit")
    assert metadata.author == "Ada Peeters"
