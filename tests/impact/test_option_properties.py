"""Properties of the options appraisal, the outturn and the benefits register."""

from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from canvas_app.impact import MethodParameters, validate_inputs
from canvas_app.impact.flows import expand, pv
from canvas_app.impact.options import (
    BAU,
    DEFAULT_BIAS,
    DO_SOMETHING,
    Option,
    appraise,
    uplifts,
    with_optimism_bias,
)
from canvas_app.impact.outturn import Benefit, Measurement, benefit_status, outturn

FAST = settings(max_examples=50, deadline=None, database=None)
money = st.floats(min_value=0, max_value=5e6)


@st.composite
def option_inputs(draw, lifetime: int):
    return validate_inputs(
        {
            "lifetime_years": lifetime,
            "first_year": 2026,
            "capex": draw(money),
            "opex": draw(st.floats(min_value=0, max_value=5e5)),
            "savings": draw(st.floats(min_value=0, max_value=1e6)),
            "other_benefits": draw(st.floats(min_value=0, max_value=1e6)),
        }
    )


@st.composite
def short_lists(draw):
    lifetime = draw(st.integers(min_value=1, max_value=30))
    count = draw(st.integers(min_value=1, max_value=5))
    options = [Option("bau", "BAU", BAU)]
    for number in range(count):
        options.append(
            Option(
                f"o{number}",
                f"Option {number}",
                DO_SOMETHING,
                draw(option_inputs(lifetime)),
                project_type=draw(st.one_of(st.none(), st.sampled_from(list(DEFAULT_BIAS)))),
                mitigation=draw(st.floats(min_value=0, max_value=1)),
            )
        )
    preferred = draw(st.integers(min_value=0, max_value=count))
    return [Option(**{**o.__dict__, "preferred": i == preferred}) for i, o in enumerate(options)]


@FAST
@given(short_lists())
def test_the_ladders_last_accepted_option_has_the_highest_enpv_at_threshold_1(options):
    appraisal = appraise(options, MethodParameters(), risk_draws=0)
    costs = [o.pv_costs for o in appraisal.options]
    assume(len({round(c, 3) for c in costs}) == len(costs))  # no PVC ties

    top = max(o.enpv for o in appraisal.options)

    assert appraisal.option(appraisal.ladder_best).enpv == pytest.approx(top, rel=1e-9, abs=1e-6)


@FAST
@given(option_inputs(20), st.sampled_from(list(DEFAULT_BIAS)), st.floats(min_value=0, max_value=1))
def test_an_uplift_never_lowers_the_pv_of_costs(inputs, project_type, mitigation):
    option = Option(
        "x", "X", DO_SOMETHING, inputs, project_type=project_type, mitigation=mitigation
    )
    adjusted = expand(with_optimism_bias(inputs, uplifts(option, DEFAULT_BIAS)))

    assert pv(adjusted.costs, 0.03) >= pv(expand(inputs).costs, 0.03) - 1e-6


@FAST
@given(option_inputs(15), st.lists(st.integers(min_value=0, max_value=15), max_size=6))
def test_actuals_equal_to_the_forecast_give_the_forecast_enpv(inputs, years):
    flows = expand(inputs)
    actuals = {
        year: {field: float(getattr(flows, field)[year]) for field in ("capex", "opex", "savings")}
        for year in years
    }

    result = outturn(inputs, MethodParameters(), actuals)

    assert result.enpv_outturn == pytest.approx(result.enpv_forecast, rel=1e-9, abs=1e-6)


values = st.floats(min_value=-1e6, max_value=1e6)


@FAST
@given(values, values, st.lists(values, max_size=4), st.integers(min_value=0, max_value=800))
def test_the_status_is_the_same_for_a_target_below_the_baseline(baseline, target, measured, days):
    assume(abs(target - baseline) > 1e-3)
    start, end = date(2026, 1, 1), date(2027, 1, 1)
    points = [Measurement(start + timedelta(days=30 * i), v) for i, v in enumerate(measured)]
    up = Benefit(baseline, start, target, end, points)
    down = Benefit(-baseline, start, -target, end, [Measurement(p.on, -p.value) for p in points])
    as_of = start + timedelta(days=days)

    assert benefit_status(up, as_of).status == benefit_status(down, as_of).status
