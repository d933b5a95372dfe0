"""Properties that hold for any valid inputs, checked with generated cases."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvas_app.impact import MethodParameters, assess, validate_inputs
from canvas_app.impact.flows import irr, pv

# database=None: failing examples are not saved into the project directory between runs.
FAST = settings(max_examples=60, deadline=None, database=None)
# The determinism test runs the Monte Carlo twice per example, so it gets fewer examples.
FEW = settings(
    max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

amounts = st.one_of(st.just(0.0), st.floats(min_value=0, max_value=1e7))
optional_amounts = st.one_of(st.none(), amounts)
ratings = st.one_of(st.none(), st.integers(min_value=1, max_value=5))
parameters = st.builds(
    MethodParameters,
    financial_discount_rate=st.floats(min_value=0, max_value=0.15),
    social_discount_rate=st.floats(min_value=0, max_value=0.15),
    carbon_price_mode=st.sampled_from(["constant", "eib_path"]),
)


@st.composite
def raw_inputs(draw: st.DrawFn) -> dict[str, object]:
    """Valid raw inputs, with optional fields sometimes missing and U never above P."""
    population = draw(st.one_of(st.none(), st.floats(min_value=0, max_value=1e6)))
    users = None if population is None else draw(st.floats(min_value=0, max_value=population))
    raw: dict[str, object] = {
        "lifetime_years": draw(st.integers(min_value=1, max_value=60)),
        "first_year": draw(st.integers(min_value=2000, max_value=2060)),
        "users_served": users,
        "target_population": population,
    }
    for key in ("capex", "opex", "revenue", "savings", "other_benefits", "residual_value"):
        raw[key] = draw(amounts)
    for key in ("energy_saved_kwh", "other_ghg_t", "nox_kg", "pm25_kg", "jobs_fte"):
        raw[key] = draw(optional_amounts)
    for key in ("local_environment", "accessibility", "inclusion", "engagement", "safety_health"):
        raw[f"rating_{key}"] = draw(ratings)
    return raw


def within_scale(value: float | None) -> bool:
    return value is None or 0.0 <= value <= 100.0


@FAST
@given(raw=raw_inputs(), params=parameters)
def test_every_score_lies_between_0_and_100_or_is_na(raw, params):
    result = assess(validate_inputs(raw), params, risk_draws=0)

    assert all(within_scale(s.value) for s in result.sub_scores)
    assert all(within_scale(value) for value in vars(result.scores).values())


@FAST
@given(
    capex=st.floats(min_value=1, max_value=1e7),
    yearly=st.lists(st.floats(min_value=-1e6, max_value=1e6), min_size=1, max_size=60),
)
def test_at_the_irr_the_present_value_is_zero(capex, yearly):
    flows = [-capex, *yearly]
    rate = irr(flows)
    if rate is not None:
        scale = sum(abs(f) / (1 + rate) ** t for t, f in enumerate(flows))
        assert abs(pv(flows, rate)) <= 1e-6 * scale


@FAST
@given(raw=raw_inputs(), params=parameters, extra=st.floats(min_value=0, max_value=1e7))
def test_more_energy_saved_never_lowers_the_environmental_score(raw, params, extra):
    less = assess(validate_inputs(raw), params, risk_draws=0)
    more_energy = (raw["energy_saved_kwh"] or 0.0) + extra
    more = assess(validate_inputs({**raw, "energy_saved_kwh": more_energy}), params, risk_draws=0)

    assert more.scores.environmental >= less.scores.environmental - 1e-9


@FEW
@given(raw=raw_inputs(), seed=st.integers(min_value=0, max_value=2**53 - 1))
def test_the_same_seed_gives_the_same_result_and_the_record_is_plain_json(raw, seed):
    inputs = validate_inputs(raw)
    first = assess(inputs, MethodParameters(), risk_seed=seed, risk_draws=2_000)
    second = assess(inputs, MethodParameters(), risk_seed=seed, risk_draws=2_000)

    assert first.risk == second.risk
    assert json.dumps(first.as_dict(), allow_nan=False) == json.dumps(second.as_dict())
