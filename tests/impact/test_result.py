"""The stored record of an assessment, the seeded risk analysis and the field docs."""

import json

import pytest

from canvas_app.impact import (
    INPUT_DOCS,
    INPUT_FIELDS,
    METHOD_VERSION,
    PARAMETER_DOCS,
    RATING_ANCHORS,
    SUBSCORE_DOCS,
    MethodParameters,
    assess,
    seed_for,
    validate_inputs,
)

from .examples import BIKE_SHARING, LED_RETROFIT


def test_the_record_has_every_section_and_is_plain_json():
    result = assess(validate_inputs(BIKE_SHARING), MethodParameters(), risk_draws=1_000)
    record = result.as_dict()

    assert set(record) == {
        "method_version", "inputs", "parameters", "funding_sources", "flows", "cba",
        "funding_gap", "funding_plan", "sub_scores", "scores", "flags", "sensitivity", "risk",
    }  # fmt: skip
    assert record["method_version"] == METHOD_VERSION == 2
    assert json.loads(json.dumps(record, allow_nan=False)) == record
    assert record["cba"]["firr"] is None
    assert len(record["flows"]) == 11
    assert set(record["sub_scores"][0]) == {
        "code", "label", "dimension", "theme", "value", "weight", "effective_weight",
        "formula", "inputs", "goalpost", "note",
    }  # fmt: skip


def test_the_same_seed_gives_the_same_risk_result():
    inputs = validate_inputs(BIKE_SHARING)
    seed = seed_for("canvas-42:7")

    first = assess(inputs, MethodParameters(), risk_seed=seed).risk
    second = assess(inputs, MethodParameters(), risk_seed=seed).risk

    assert first == second
    assert first.draws == 10_000 and first.seed == seed


def test_another_seed_gives_another_draw():
    inputs = validate_inputs(BIKE_SHARING)

    first = assess(inputs, MethodParameters(), risk_seed=1, risk_draws=2_000).risk
    second = assess(inputs, MethodParameters(), risk_seed=2, risk_draws=2_000).risk

    assert first.mean != second.mean


def test_the_risk_analysis_reads_sensibly_for_the_worked_examples():
    led = assess(validate_inputs(LED_RETROFIT), MethodParameters(), risk_seed=3).risk
    bike = assess(validate_inputs(BIKE_SHARING), MethodParameters(), risk_seed=3).risk

    assert led.probability_positive == 1.0  # savings would have to fall by 61 %
    assert 0.0 < bike.probability_positive < 0.5  # ENPV is below zero at the modes
    assert bike.p10 < bike.p50 < bike.p90
    # The draws skew costs up and income down, so the mean lies below the central ENPV.
    assert bike.mean < -440_939.15


def test_zero_draws_skips_the_risk_analysis():
    result = assess(validate_inputs(LED_RETROFIT), MethodParameters(), risk_draws=0)

    assert result.risk is None
    assert result.as_dict()["risk"] is None


def test_seeds_are_stable_and_fit_in_a_json_number():
    assert seed_for("canvas-1:1") == seed_for("canvas-1:1")
    assert seed_for("canvas-1:1") != seed_for("canvas-1:2")
    assert 0 <= seed_for("anything") < 2**53


def test_the_tornado_moves_enpv_by_a_fifth_of_each_contribution():
    result = assess(validate_inputs(LED_RETROFIT), MethodParameters(), risk_draws=0)
    capex = next(bar for bar in result.sensitivity.tornado if bar.variable == "capex")

    assert capex.enpv_minus_20 == pytest.approx(result.cba.enpv + 400_000)
    assert capex.enpv_plus_20 == pytest.approx(result.cba.enpv - 400_000)


def test_savings_are_critical_for_the_led_retrofit_but_capex_is_not():
    result = assess(validate_inputs(LED_RETROFIT), MethodParameters(), risk_draws=0)
    critical = {s.variable: s.critical for s in result.sensitivity.switching_values}

    assert critical == {
        "capex": False, "opex": False, "revenue": False, "savings": True,
        "other_benefits": False,
    }  # fmt: skip


def test_every_input_has_a_label_unit_and_help_text():
    assert set(INPUT_DOCS) == set(INPUT_FIELDS)
    assert all(doc.label and doc.unit and doc.help for doc in INPUT_DOCS.values())


def test_parameter_docs_cover_every_parameter_with_its_default():
    defaults = MethodParameters().as_dict()

    assert set(PARAMETER_DOCS) == set(defaults)
    assert {key: doc.default for key, doc in PARAMETER_DOCS.items()} == defaults
    assert all(doc.label and doc.source for doc in PARAMETER_DOCS.values())


def test_rating_anchors_run_from_no_effect_to_transformative():
    assert RATING_ANCHORS[1] == "No effect" and RATING_ANCHORS[5] == "Transformative"
    assert len(SUBSCORE_DOCS) == 12
