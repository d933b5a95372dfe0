"""The business case's options appraisal (worked example 9.1) and its benefits realisation
plan (9.3), read back from real PDFs."""

from datetime import date

import pytest

from canvas_app.reports.content import report_content, snapshot_report_content
from canvas_app.reports.context import report_context
from canvas_app.services.benefits import benefit_update, measurement_add
from canvas_app.services.canvases import canvas_update
from canvas_app.services.outturn import outturn_set
from canvas_app.services.snapshots import snapshot_name

from . import section9
from .conftest import squeeze

pytestmark = pytest.mark.django_db


def _best(council, editor):
    canvas, _options = section9.short_list_9_1(council, editor)
    section9.add_benefits(canvas, editor)
    return canvas, {}


def _justified(council, editor):
    canvas, _options = section9.short_list_9_1(council, editor, preferred="central")
    canvas_update(
        canvas=canvas,
        by=editor,
        preferred_justification="Central management lets us dim each street on demand.",
    )
    return canvas, {}


def _unjustified(council, editor):
    canvas, _options = section9.short_list_9_1(council, editor, preferred="central")
    return canvas, {}


@pytest.fixture(scope="module")
def best(make_case):
    return make_case(_best)


@pytest.fixture(scope="module")
def justified(make_case):
    return make_case(_justified)


@pytest.fixture(scope="module")
def unjustified(make_case):
    return make_case(_unjustified)


def _appraisal_text(case) -> str:
    """The pages from the options appraisal's heading to the method annex."""
    text = case.squeezed
    start = text.index("OptionsappraisalThepreferredoptionwasappraised")
    return text[start : text.index("AnnexA.Method", start)]


@pytest.mark.parametrize(
    "row",
    [
        # option, kind; capex uplift, PVB, PVC, ENPV, ENPV unadjusted, B/C, FNPV, rank
        "Businessasusual0%€0€0€0€0n/an/a4",
        "Part-nightdimmingDominimum20%€1,785,297€254,387€1,530,910€1,560,9107.0180€1,382,8883",
        "LEDretrofitDosomething·preferred·bestvalueformoney22%€5,950,990",
        "€3,213,440€3,653,4402.1738€2,724,3241",
        "LEDretrofitwithcentralmanagementDosomething80%€7,438,737€5,572,648€1,866,089€3,946,0891.3349€1,299,7442",
    ],
)
def test_the_options_table_gives_the_figures_of_9_1(best, row):
    assert row in _appraisal_text(best)


def test_the_options_scores_are_those_of_9_1(best):
    text = _appraisal_text(best)
    assert "Part-nightdimming78.042.5" in text
    assert "LEDretrofitwithcentralmanagement55.585.055.065.2" in text
    assert "Businessasusualn/an/an/an/a" in text


def test_the_ladder_lists_every_step_with_its_incremental_ratio(best):
    text = _appraisal_text(best)
    assert "Part-nightdimmingBusinessasusual7.0180Accepted" in text
    assert "LEDretrofitPart-nightdimming1.6776Accepted" in text
    assert "LEDretrofitwithcentralmanagementLEDretrofit0.5248Refused" in text
    assert "TheladderendsatLEDretrofit.Bestvalueformoneybyenpv:LEDretrofit." in text.replace(
        "ENPV", "enpv"
    )


def test_the_switching_value_between_options_is_that_of_9_1(best):
    assert squeeze(
        "The costs of LED retrofit would have to rise by 49.22 % before LED retrofit with "
        "central management became the best value for money."
    ) in _appraisal_text(best)


def test_the_uplifts_used_and_the_bias_table_are_printed(best):
    text = _appraisal_text(best)
    assert "LEDretrofitStandardcivilengineering0.5022%0%10%12.0→13.2months" in text
    assert "Part-nightdimmingEquipmentanddevelopment0.9020%0%10%—" in text
    assert (
        "Equipmentanddevelopment54/10200/100/0"
        "Part-nightdimming,LEDretrofitwithcentralmanagement" in text
    )
    assert "Outsourcing0/00/041/0—" in text


def test_the_enpv_bars_are_drawn_for_every_option(best):
    text = _appraisal_text(best)
    assert "ENPVoftheoptions" in text
    assert "LEDretrofit(preferred)" in text


def test_a_preferred_best_option_raises_no_flag_and_needs_no_justification(best):
    text = _appraisal_text(best)
    assert "Theoptionsappraisalraisednowarning" in text
    assert "Whythepreferredoptionisnotthebestvalueformoney" not in text


def test_the_contents_point_to_the_options_appraisal(best):
    assert "Optionsappraisal" in squeeze(best.texts[0])


def test_a_preferred_option_that_is_not_the_best_prints_the_flag_and_the_justification(
    justified,
):
    text = _appraisal_text(justified)
    assert "Thepreferredoptionisnotthebestvalueformoney" in text
    assert "Notapplicable:thepreferredoptionisnotthebestvalueformoney" in text
    assert squeeze("Central management lets us dim each street on demand.") in text


def test_a_missing_justification_is_said_plainly(unjustified):
    text = _appraisal_text(unjustified)
    assert "Nojustificationhasbeenwritten" in text
    assert "Centralmanagementletsus" not in text


def test_the_benefits_annex_lists_the_plan(best):
    annex = best.squeezed[best.squeezed.index("AnnexC.BenefitsrealisationplanHow") :]
    assert (
        "Street-lightingelectricityMWh/yr3,000MWh/yron1Jan20261,200MWh/yrby1Jan2028"
        "EnergymanagerMeterreadingsPlanet" in annex
    )
    assert "Residentssatisfiedwithlighting%62%on1Jan202675%by1Jul2027" in annex
    assert "Night-timeroadcasualtiesperyr40peryron1Jan202630peryrby1Jan2028" in annex
    assert "Complaintsaboutdarkstreetspermonth20permonth" in annex


def test_a_canvas_without_benefits_says_it_has_no_plan(unjustified):
    assert "Nobenefitsrecordedyet" in unjustified.squeezed


# The fingerprint: what the sections show, and nothing else ----------------------------


@pytest.fixture
def scored(council, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        canvas, _options = section9.short_list_9_1(council, editor)
        benefits = section9.add_benefits(canvas, editor, extra=False)
    return canvas, benefits


def test_a_changed_benefit_makes_a_new_business_case(scored, editor):
    canvas, benefits = scored
    before = report_content(canvas).fingerprint()

    benefit_update(benefit=benefits[0], by=editor, target=1000)

    assert report_content(canvas).fingerprint() != before


def test_a_changed_justification_makes_a_new_business_case(scored, editor):
    canvas, _benefits = scored
    before = report_content(canvas).fingerprint()

    canvas_update(canvas=canvas, by=editor, preferred_justification="Because.")

    assert report_content(canvas).fingerprint() != before


def test_measurements_and_actuals_leave_the_business_case_alone(scored, editor):
    canvas, benefits = scored
    before = report_content(canvas).fingerprint()

    measurement_add(benefit=benefits[0], by=editor, date=date(2027, 6, 1), value=1800)
    outturn_set(canvas=canvas, by=editor, actuals=section9.ACTUALS_9_2, lessons_learned="Tender.")

    assert report_content(canvas).fingerprint() == before


def test_a_snapshot_business_case_shows_the_plan_it_recorded(scored, editor):
    canvas, benefits = scored
    snapshot = snapshot_name(canvas=canvas, by=editor, name="Before the change")
    before = snapshot_report_content(snapshot).fingerprint()

    benefit_update(benefit=benefits[0], by=editor, target=1000)

    content = snapshot_report_content(snapshot)
    assert content.fingerprint() == before
    assert [b.target for b in content.benefits] == [1200, 75, 30]
    assert report_context(content)["benefits_plan"][0].target == "1,200 MWh/yr"
