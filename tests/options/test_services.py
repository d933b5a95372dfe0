"""Options, benefits and outturn through the services: the worked examples of section 9
as a council enters them, and the rules of the short list, the register and the actuals."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from canvas_app.models import Assessment, AssessmentStatus, OptionKind, Outturn, Stage
from canvas_app.selectors.delivery import benefits_at, portfolio_delivery
from canvas_app.services.benefits import benefit_create, measurement_add
from canvas_app.services.options import (
    justification_required,
    option_delete,
    option_duplicate,
    option_update,
    short_list,
)
from canvas_app.services.outturn import observed_overrun, outturn_review, outturn_set

from ..impact.examples import LED_RETROFIT
from .conftest import ACTUALS_9_2, BENEFITS_9_3, LED

MONEY, RATIO = 0.01, 1e-4


def latest(canvas) -> Assessment:
    return Assessment.objects.filter(canvas=canvas).latest("requested_at", "id")


def by_name(appraisal: dict) -> dict:
    return {row["name"]: row for row in appraisal["options"]}


def test_the_app_example_is_the_led_retrofit_of_the_method():
    assert {k: v for k, v in LED.items() if k in LED_RETROFIT} == LED_RETROFIT


def test_the_short_list_of_9_1_is_appraised_in_one_assessment(canvas, short_list_9_1):
    assessment = latest(canvas)
    assert assessment.status == AssessmentStatus.DONE
    rows = by_name(assessment.appraisal)
    led = rows["LED retrofit"]
    assert led["enpv"] == pytest.approx(3_213_440.45, abs=MONEY)
    assert led["enpv_unadjusted"] == pytest.approx(3_653_440.45, abs=MONEY)
    assert led["capex_uplift"] == pytest.approx(0.22)
    assert led["rank"] == 1
    assert rows["LED retrofit with central management"]["enpv"] == pytest.approx(
        1_866_088.94, abs=MONEY
    )
    assert rows["Part-night dimming"]["bcr"] == pytest.approx(7.0180, abs=RATIO)
    assert rows["Business as usual"]["rank"] == 4
    assert assessment.appraisal["best"] == short_list_9_1["led"].pk
    assert assessment.appraisal["switching_value_pct"] == pytest.approx(49.22, abs=0.01)
    assert assessment.appraisal["flags"] == []
    # The headline scores are the preferred option's, with its optimism bias.
    assert assessment.result["cba"]["enpv"] == pytest.approx(3_213_440.45, abs=MONEY)
    assert Assessment.objects.filter(canvas=canvas, status=AssessmentStatus.DONE).count() >= 1


def test_preferring_another_option_raises_the_flag_and_asks_for_a_justification(
    canvas, editor, short_list_9_1, run_on_commit
):
    assert not justification_required(canvas)

    run_on_commit(option_update, option=short_list_9_1["central"], by=editor, preferred=True)

    assert "preferred_not_best" in latest(canvas).appraisal["flags"]
    assert justification_required(canvas)
    canvas.impact_inputs.refresh_from_db()
    assert canvas.impact_inputs.values["capex"] == 2_600_000  # the preferred option's inputs


def test_the_canvas_cannot_go_to_review_without_the_justification(
    canvas, editor, short_list_9_1, run_on_commit
):
    from canvas_app.services.canvases import canvas_update
    from canvas_app.services.lifecycle import canvas_transition

    run_on_commit(option_update, option=short_list_9_1["central"], by=editor, preferred=True)
    canvas.stage = Stage.CONSULTATION
    canvas.save(update_fields=["stage"])

    with pytest.raises(ValidationError) as refused:
        canvas_transition(canvas=canvas, by=editor, to=Stage.REVIEW)
    assert "preferred_justification" in refused.value.message_dict

    canvas_update(
        canvas=canvas, by=editor, preferred_justification="Central management is in our plan."
    )
    canvas_transition(canvas=canvas, by=editor, to=Stage.REVIEW)
    canvas.refresh_from_db()
    assert canvas.stage == Stage.REVIEW


def test_business_as_usual_stays_and_takes_the_preference_of_a_removed_option(
    canvas, editor, short_list_9_1, run_on_commit
):
    bau = next(o for o in short_list(canvas) if o.kind == OptionKind.BAU)
    with pytest.raises(ValidationError) as refused:
        option_delete(option=bau, by=editor)
    assert "kind" in refused.value.message_dict

    run_on_commit(option_delete, option=short_list_9_1["led"], by=editor)

    bau.refresh_from_db()
    assert bau.preferred
    appraisal = latest(canvas).appraisal
    assert appraisal["preferred"] == bau.pk
    assert "preferred_not_best" in appraisal["flags"]


def test_duplicating_business_as_usual_copies_the_preferred_inputs(canvas, editor, short_list_9_1):
    bau = next(o for o in short_list(canvas) if o.kind == OptionKind.BAU)

    copy = option_duplicate(option=bau, by=editor)

    assert copy.kind == OptionKind.DO_SOMETHING
    assert copy.inputs == short_list_9_1["led"].inputs
    assert not copy.preferred


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"mitigation": 1.5}, "optimism_bias.mitigation"),
        ({"project_type": "spaceport"}, "optimism_bias.project_type"),
        ({"inputs": {**LED, "lifetime_years": 15}}, "inputs.lifetime_years"),
        ({"kind": "do_minimum"}, "kind"),  # 9.1 already has one
        ({"name": "  "}, "name"),
    ],
)
def test_bad_option_changes_name_the_field(canvas, editor, short_list_9_1, changes, field):
    with pytest.raises(ValidationError) as refused:
        option_update(option=short_list_9_1["central"], by=editor, **changes)
    assert field in refused.value.message_dict


def test_the_outturn_of_9_2_against_the_unbiased_appraisal(canvas, editor, led_canvas):
    outturn_set(canvas=canvas, by=editor, actuals=ACTUALS_9_2, lessons_learned="Tender early.")

    review = outturn_review(canvas)
    result = review.result
    assert result.enpv_forecast == pytest.approx(3_653_440.45, abs=MONEY)
    assert result.enpv_outturn == pytest.approx(3_266_683.92, abs=MONEY)
    assert result.fnpv_outturn == pytest.approx(2_778_599.16, abs=MONEY)
    assert result.bcr_outturn == pytest.approx(2.2576, abs=RATIO)
    assert result.payback_outturn == pytest.approx(6.289, abs=1e-3)
    assert result.variance["capex"].pct == pytest.approx(15.0)
    assert result.variance["savings"].difference == pytest.approx(-90_000)
    assert result.flags == ("capex_overrun_above_uplift", "benefits_shortfall")
    assert review.lessons_learned == "Tender early."
    assert Outturn.objects.get(canvas=canvas).capex_variance_pct == pytest.approx(15.0)


def test_the_outturn_of_9_2_against_the_biased_appraisal(canvas, editor, short_list_9_1):
    outturn_set(canvas=canvas, by=editor, actuals=ACTUALS_9_2)

    result = outturn_review(canvas).result
    assert result.enpv_forecast == pytest.approx(3_213_440.45, abs=MONEY)
    assert result.enpv_outturn == pytest.approx(3_266_683.92, abs=MONEY)
    assert result.flags == ("benefits_shortfall",)


@pytest.mark.parametrize(
    ("actuals", "field"),
    [
        ([{"year": 21, "capex": 1}], "actuals[0].year"),
        ([{"year": -1, "capex": 1}], "actuals[0].year"),
        ([{"capex": 1}], "actuals[0].year"),
        ([{"year": 0, "capex": 1}, {"year": 0, "opex": 1}], "actuals[1].year"),
        ([{"year": 1, "capex": -5}], "actuals[0].capex"),
        ([{"year": 1, "profit": 5}], "actuals[0].profit"),
        ([{"year": 1, "opex": "lots"}], "actuals[0].opex"),
        (["year 1"], "actuals[0]"),
        ({"year": 1}, "actuals"),
    ],
)
def test_bad_actuals_name_the_field_and_keep_what_was_recorded(
    canvas, editor, led_canvas, actuals, field
):
    outturn_set(canvas=canvas, by=editor, actuals=ACTUALS_9_2)

    with pytest.raises(ValidationError) as refused:
        outturn_set(canvas=canvas, by=editor, actuals=actuals)

    assert field in refused.value.message_dict
    assert Outturn.objects.get(canvas=canvas).actuals[0] == {"year": 0, "capex": 2_300_000.0}


def test_actuals_need_an_appraisal(canvas, editor):
    with pytest.raises(ValidationError) as refused:
        outturn_set(canvas=canvas, by=editor, actuals=ACTUALS_9_2)
    assert "actuals" in refused.value.message_dict


def test_viewers_record_nothing(canvas, viewer, led_canvas):
    with pytest.raises(PermissionDenied):
        outturn_set(canvas=canvas, by=viewer, actuals=ACTUALS_9_2)


def test_the_council_observed_overrun_is_the_median_capex_variance(
    council, canvas, editor, led_canvas
):
    assert observed_overrun(council).median_pct is None
    outturn_set(canvas=canvas, by=editor, actuals=ACTUALS_9_2)

    observed = observed_overrun(council)
    assert observed.median_pct == pytest.approx(15.0)
    assert observed.canvases == 1


@pytest.fixture
def register_9_3(canvas, editor):
    benefits = []
    for example in BENEFITS_9_3:
        benefit = benefit_create(canvas=canvas, by=editor, **example["benefit"])
        for on, value in example["measurements"]:
            measurement_add(benefit=benefit, by=editor, date=on, value=value)
        benefits.append(benefit)
    benefit_create(
        canvas=canvas,
        by=editor,
        name="Complaints about dark streets",
        unit="per month",
        baseline=20,
        baseline_date=date(2026, 1, 1),
        target=5,
        target_date=date(2027, 1, 1),
        owner="Citizen services",
    )
    return benefits


def test_the_benefits_of_9_3(canvas, register_9_3):
    views = benefits_at(canvas, date(2027, 1, 1))

    for view, example in zip(views, BENEFITS_9_3, strict=False):
        status, progress, expected = example["expected"]
        assert view.status.status == status
        assert view.status.progress == pytest.approx(progress, abs=RATIO)
        assert view.status.expected == pytest.approx(expected, abs=RATIO)
    assert views[-1].status.status == "no_data"
    assert views[-1].status.progress is None


def test_the_delivery_view_counts_statuses_and_shows_the_capex_variance(
    council, canvas, editor, led_canvas, register_9_3
):
    outturn_set(canvas=canvas, by=editor, actuals=ACTUALS_9_2)

    (row,) = portfolio_delivery(council.canvases.all(), date(2027, 1, 1))

    assert dict(row.statuses) == {"green": 1, "red": 1, "amber": 1, "no_data": 1}
    assert row.capex_variance_pct == pytest.approx(15.0)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"target": 3000}, "target"),
        ({"target_date": date(2025, 1, 1)}, "target_date"),
        ({"theme": "weather"}, "theme"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_benefits_name_the_field(canvas, editor, changes, field):
    fields = {**BENEFITS_9_3[0]["benefit"], **changes}
    with pytest.raises(ValidationError) as refused:
        benefit_create(canvas=canvas, by=editor, **fields)
    assert field in refused.value.message_dict


def test_measurements_are_recorded_on_an_approved_canvas(canvas, editor, register_9_3):
    canvas.stage = Stage.APPROVED
    canvas.save(update_fields=["stage"])

    measurement_add(benefit=register_9_3[0], by=editor, date=date(2027, 6, 1), value=1500)

    assert register_9_3[0].measurements.count() == 3
    with pytest.raises(PermissionDenied):
        benefit_create(canvas=canvas, by=editor, **BENEFITS_9_3[1]["benefit"])


@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_measurements_must_be_finite(canvas, editor, register_9_3, value):
    with pytest.raises(ValidationError) as refused:
        measurement_add(benefit=register_9_3[0], by=editor, date=date(2027, 6, 1), value=value)
    assert "value" in refused.value.message_dict


def test_years_beyond_a_shorter_appraisal_period_are_kept_but_not_counted(
    canvas, editor, led_canvas, run_on_commit
):
    from canvas_app.services.impact import impact_inputs_update

    outturn_set(canvas=canvas, by=editor, actuals=[*ACTUALS_9_2, {"year": 20, "savings": 1}])
    run_on_commit(
        impact_inputs_update, canvas=canvas, by=editor, values={**LED, "lifetime_years": 15}
    )

    review = outturn_review(canvas)
    assert review.baseline.inputs.lifetime_years == 15
    assert review.actuals[-1] == {"year": 20, "savings": 1.0}
    assert review.result.variance["savings"].actual == pytest.approx(710_000)
