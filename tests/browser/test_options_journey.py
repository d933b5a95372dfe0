"""Issue 10 in a browser: an editor compares options for LED street lighting, with and
without optimism bias (worked example 9.1), writes the justification the ranking asks for,
plans a benefit and measures it (9.3), records the outturn (9.2) and downloads the
post-implementation review; a council admin then reads the parameters and the portfolio's
delivery view. Queued tasks run in-process (no broker in tests), as in the other journeys."""

import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from canvas_app.examples import EXAMPLES
from canvas_app.forms import ImpactInputsForm
from canvas_app.models import Benefit, Canvas, Measurement, Option, OptionKind, Outturn
from canvas_app.services.exchange import canvas_create_from_example

from ..options.conftest import CENTRAL, DIMMING
from .conftest import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LED = "LED retrofit"
DIMMING_NAME = "Part-night dimming"
CENTRAL_NAME = "LED retrofit with central management"
JUSTIFICATION = (
    "Central management needs a second tender and an IT team the council does not have "
    "yet; the LED retrofit alone can be procured this year."
)
APPRAISAL_TABLE = "The options, their figures after optimism bias and their rank"


@pytest.fixture
def led_canvas(council, editor):
    """The LED street-lighting example: its impact inputs are the preferred proposal."""
    return canvas_create_from_example(
        council=council, by=editor, example=EXAMPLES["led-street-lighting"]
    )


def told(page, message: str) -> None:
    """The page's notices say this (the assessment's status panel is a status region too)."""
    expect(page.get_by_role("status").filter(has_text=message)).to_have_count(1)


def input_labels() -> dict[str, str]:
    return {name: str(field.label) for name, field in ImpactInputsForm().fields.items()}


def fill_inputs(page, values: dict) -> None:
    """The impact inputs of an option, found by their labels (ratings by their group)."""
    labels = input_labels()
    for name, value in values.items():
        if name.startswith("rating_"):
            group = page.get_by_role("group", name=labels[name], exact=True)
            group.get_by_role("radio", name=re.compile(rf"^{value} –")).check()
        elif value is not None:
            page.get_by_label(labels[name]).fill(str(value))


def add_option(page, name: str, kind: str, inputs: dict) -> None:
    page.get_by_role("link", name="Add an option").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add an option")
    assert serious_violations(page) == []  # the option's form, its inputs included
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("Kind").select_option(label=kind)
    fill_inputs(page, inputs)
    page.get_by_role("button", name="Save the option").click()
    told(page, "Option added.")


def duplicate_as(page, original: str, name: str, changes: dict) -> None:
    """The alternative starts from a copy of the preferred option: change what differs."""
    page.get_by_role("button", name=f"Duplicate {original}").click()
    told(page, "added: change what differs")
    page.get_by_label("Name", exact=True).fill(name)
    fill_inputs(page, changes)
    page.get_by_role("button", name="Save the option").click()
    told(page, "Option saved.")


def set_optimism_bias(
    page,
    option: str,
    project_type: str,
    mitigation: float,
    *,
    rename: str | None = None,
    works_duration_months: int | None = None,
) -> None:
    page.get_by_role("link", name=f"Edit {option}", exact=True).click()
    if rename:
        page.get_by_label("Name", exact=True).fill(rename)
    page.get_by_label("Project type (optimism bias)").select_option(label=project_type)
    page.get_by_label("Mitigation (0 to 1)").fill(str(mitigation))
    if works_duration_months is not None:
        page.get_by_label("Planned works duration (months)").fill(str(works_duration_months))
    page.get_by_role("button", name="Save the option").click()
    told(page, "Option saved.")


def short_list_ranks(page) -> dict[str, str]:
    """Option name -> rank, as the options page's table shows them."""
    ranks = {}
    for row in page.get_by_role("table", name="The short list").locator("tbody tr").all():
        header = " ".join(row.get_by_role("rowheader").text_content().split())
        name = header.removesuffix(" Preferred")
        ranks[name] = row.get_by_role("cell").nth(-2).inner_text()  # the actions come last
    return ranks


def appraisal_ranking(page) -> list[str]:
    """The option names in rank order, as the results page's appraisal table shows them."""
    rows = []
    for row in page.get_by_role("table", name=APPRAISAL_TABLE).locator("tbody tr").all():
        name = row.get_by_role("rowheader").inner_text().splitlines()[0].strip()
        rows.append((int(row.get_by_role("cell").last.inner_text()), name))
    return [name for _, name in sorted(rows)]


def appraisal_fact(appraisal, term: str):
    """The <dd> of a <dt> in the appraisal's summary list."""
    return (
        appraisal.get_by_role("term")
        .filter(has_text=term)
        .locator("xpath=following-sibling::dd[1]")
    )


def test_an_editor_appraises_options_plans_benefits_and_reviews_the_outturn(
    page, sign_in, editor, admin_user, council, led_canvas, tmp_path
):
    canvas = led_canvas
    sign_in("editor")

    # The options page: business as usual and the example's proposal, then two more.
    page.goto(f"/canvases/{canvas.pk}/")
    page.get_by_role("link", name="Options", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Options")
    proposal = Option.objects.get(canvas=canvas, preferred=True).name
    add_option(page, DIMMING_NAME, "Do minimum", DIMMING)
    duplicate_as(
        page,
        proposal,
        CENTRAL_NAME,
        {key: CENTRAL[key] for key in ("capex", "opex", "savings", "energy_saved_kwh", "jobs_fte")},
    )
    # Without optimism bias, central management has the highest ENPV (9.1's reading).
    assert short_list_ranks(page) == {
        "Business as usual": "4",
        DIMMING_NAME: "3",
        proposal: "2",
        CENTRAL_NAME: "1",
    }
    assert serious_violations(page) == []

    # The appraisal on the results page flags the preferred option and asks why.
    page.get_by_role("link", name="See the options appraisal").click()
    appraisal = page.get_by_role("region", name="Options appraisal")
    expect(appraisal_fact(appraisal, "Best value for money")).to_have_text(CENTRAL_NAME)
    expect(appraisal_fact(appraisal, "Preferred option")).to_have_text(proposal)
    assert appraisal_ranking(page) == [CENTRAL_NAME, proposal, DIMMING_NAME, "Business as usual"]
    expect(appraisal.locator('[data-flag="preferred_not_best"]')).to_contain_text(
        "The preferred option is not the best value for money"
    )
    why = appraisal.get_by_label("Why is the preferred option chosen?")
    expect(why).to_be_empty()
    assert serious_violations(page) == []
    why.fill(JUSTIFICATION)
    appraisal.get_by_role("button", name="Save the justification").click()
    told(page, "Justification saved.")
    expect(page.get_by_label("Why is the preferred option chosen?")).to_have_value(JUSTIFICATION)
    assert Canvas.objects.get(pk=canvas.pk).preferred_justification == JUSTIFICATION

    # The optimism bias of 9.1 reverses the ranking: the LED retrofit is the best.
    page.get_by_role("link", name="See and change the options").click()
    set_optimism_bias(
        page,
        proposal,
        "Standard civil engineering",
        0.5,
        rename=LED,
        works_duration_months=12,
    )
    set_optimism_bias(page, DIMMING_NAME, "Equipment and development", 0.9)
    set_optimism_bias(page, CENTRAL_NAME, "Equipment and development", 0.6)
    assert short_list_ranks(page) == {
        "Business as usual": "4",
        DIMMING_NAME: "3",
        LED: "1",
        CENTRAL_NAME: "2",
    }
    page.get_by_role("link", name="See the options appraisal").click()
    appraisal = page.get_by_role("region", name="Options appraisal")
    expect(appraisal_fact(appraisal, "Best value for money")).to_have_text(LED)
    expect(appraisal_fact(appraisal, "Switching value between options")).to_have_text("49.22 %")
    assert appraisal_ranking(page) == [LED, CENTRAL_NAME, DIMMING_NAME, "Business as usual"]
    expect(appraisal.locator('[data-flag="preferred_not_best"]')).to_have_count(0)
    expect(appraisal.get_by_label("Why is the preferred option chosen?")).to_have_count(0)
    ladder = appraisal.get_by_role("table", name="Incremental ladder")
    expect(ladder.get_by_role("row", name=re.compile(f"^{CENTRAL_NAME}"))).to_contain_text(
        "Refused"
    )
    assert serious_violations(page) == []

    # The benefits realisation plan: 9.3's street-lighting electricity, measured twice.
    page.goto(f"/canvases/{canvas.pk}/")
    page.get_by_role("link", name="Benefits", exact=True).click()
    page.get_by_role("link", name="Add a benefit").first.click()
    page.get_by_label("Name", exact=True).fill("Street-lighting electricity")
    page.get_by_label("Unit", exact=True).fill("MWh/yr")
    page.get_by_label("Baseline value").fill("3000")
    page.get_by_label("Baseline date").fill("2026-01-01")
    page.get_by_label("Target value").fill("1200")
    page.get_by_label("Target date").fill("2028-01-01")
    page.get_by_label("Owner").fill("Energy manager")
    assert serious_violations(page) == []  # the benefit's form
    page.get_by_role("button", name="Save the benefit").click()
    told(page, "Benefit added.")
    measurements = page.get_by_role("table", name="Measurements of Street-lighting electricity")
    for day, value, shown_day, shown_value in (
        ("2026-07-01", "2700", "1 Jul 2026", "2,700"),
        ("2027-01-01", "2100", "1 Jan 2027", "2,100"),
    ):
        benefit = page.get_by_role("region", name=re.compile("^Street-lighting electricity"))
        benefit.get_by_text("Record a measurement").click()
        benefit.get_by_label("Date", exact=True).fill(day)
        benefit.get_by_label("Value", exact=True).fill(value)
        benefit.get_by_role("button", name="Record the measurement").click()
        # The page after this measurement (the notice stays the same from one to the next).
        recorded = measurements.get_by_role("row", name=re.compile(f"^{shown_day}"))
        expect(recorded).to_contain_text(shown_value)
        told(page, "Measurement recorded.")
    assert Measurement.objects.filter(benefit__canvas=canvas).count() == 2

    page.get_by_label("Status on").fill("2027-01-01")
    page.get_by_role("button", name="Show the statuses").click()
    expect(page.get_by_text("Statuses on 1 Jan 2027.")).to_be_visible()
    register = page.get_by_role("table", name="Benefits register")
    row = register.get_by_role("row", name=re.compile("^Street-lighting electricity"))
    cells = row.get_by_role("cell")
    expect(cells.nth(-4)).to_have_text(re.compile(r"^2,100\s*1 Jan 2027$"))  # the latest
    expect(cells.nth(-3)).to_have_text("50 %")  # progress
    expect(cells.nth(-2)).to_have_text("50 %")  # expected
    expect(cells.last).to_have_text("Green: on track")
    expect(measurements.locator("tbody tr")).to_have_count(2)
    assert serious_violations(page) == []

    # The outturn of 9.2 against the appraisal (with the LED retrofit's 22 % uplift).
    page.goto(f"/canvases/{canvas.pk}/outturn/")
    for label, value in (
        ("Capex in year 0", "2300000"),
        ("Savings in year 1", "330000"),
        ("Opex in year 1", "18000"),
        ("Savings in year 2", "380000"),
        ("Opex in year 2", "22000"),
    ):
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Save the outturn").click()
    told(page, "Outturn saved.")
    variances = page.get_by_role("table", name="Variances against the estimate")
    expect(variances.get_by_role("row", name=re.compile("^Capex"))).to_contain_text("+15.00 %")
    expect(variances.get_by_role("row", name=re.compile("^Savings"))).to_contain_text("−11.25 %")
    flags = page.get_by_role("region", name="Outturn against the appraisal").locator("[data-flag]")
    expect(flags).to_have_count(1)  # 15 % is within the 22 % uplift: no capex flag
    expect(flags).to_have_attribute("data-flag", "benefits_shortfall")
    assert Outturn.objects.get(canvas=canvas).capex_variance_pct == pytest.approx(15.0)
    assert serious_violations(page) == []

    review = page.get_by_role("region", name="Post-implementation review PDF")
    review.get_by_role("button", name="Prepare the post-implementation review PDF").click()
    download_link = review.get_by_role("link", name="Download the review PDF")
    expect(download_link).to_be_visible(timeout=30_000)
    with page.expect_download() as download:
        download_link.click()
    path = tmp_path / "review.pdf"
    download.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF-")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
    squeezed = "".join(text.split())
    assert "+€300,000+15.00%" in squeezed  # the capex variance
    assert "Street-lighting electricity" in text

    # A council admin: the parameters (optimism bias beside the council's own overrun)
    # and the portfolio's delivery view.
    page.context.clear_cookies()
    sign_in("admin")
    page.goto(f"/councils/{council.slug}/parameters/")
    evidence = page.get_by_role("complementary", name="The council's own evidence")
    expect(evidence).to_contain_text("Median capex overrun: 15.0 %, over 1 canvas")
    expect(page.get_by_role("table", name=re.compile("^Optimism-bias uplifts"))).to_be_visible()
    assert serious_violations(page) == []

    page.goto(f"/councils/{council.slug}/portfolio/?view=delivery")
    delivery = page.get_by_role("table", name=re.compile("^Delivery of the council's canvases"))
    row = delivery.get_by_role("row", name=re.compile(f"^{re.escape(canvas.title)}"))
    expect(row).to_contain_text("+15.00 %")
    assert serious_violations(page) == []
    assert Benefit.objects.filter(canvas=canvas).count() == 1
    assert Option.objects.filter(canvas=canvas).exclude(kind=OptionKind.BAU).count() == 3
