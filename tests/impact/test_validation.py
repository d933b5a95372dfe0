"""Invalid inputs and parameters are rejected with a plain message naming each field."""

import math
from decimal import Decimal

import pytest

from canvas_app.impact import (
    FundingSource,
    ImpactInputs,
    InputError,
    MethodParameters,
    assess,
    validate_funding,
    validate_inputs,
    validate_parameters,
)

from .examples import LED_RETROFIT


def errors_for(**changes: object) -> dict[str, list[str]]:
    with pytest.raises(InputError) as raised:
        validate_inputs({**LED_RETROFIT, **changes})
    return raised.value.errors


def parameter_errors(**raw: object) -> dict[str, list[str]]:
    with pytest.raises(InputError) as raised:
        validate_parameters(raw)
    return raised.value.errors


def test_the_worked_example_inputs_are_valid():
    inputs = validate_inputs(LED_RETROFIT)

    assert inputs.capex == 2_000_000.0 and isinstance(inputs.capex, float)
    assert inputs.rating_safety_health == 4


def test_negative_capex_is_rejected():
    assert errors_for(capex=-1) == {"capex": ["Must not be negative."]}


def test_a_rating_of_seven_is_rejected():
    assert errors_for(rating_inclusion=7) == {
        "rating_inclusion": ["Must be a whole number from 1 to 5."]
    }


def test_a_fractional_rating_is_rejected():
    assert "rating_inclusion" in errors_for(rating_inclusion=2.5)


@pytest.mark.parametrize("years", [0, 61, -5])
def test_a_lifetime_outside_one_to_sixty_years_is_rejected(years):
    assert errors_for(lifetime_years=years) == {
        "lifetime_years": ["Must be a whole number from 1 to 60."]
    }


def test_a_missing_lifetime_and_first_year_are_required():
    raw = {key: value for key, value in LED_RETROFIT.items() if key != "lifetime_years"}
    with pytest.raises(InputError) as raised:
        validate_inputs({**raw, "first_year": None})

    assert raised.value.errors == {
        "lifetime_years": ["This field is required."],
        "first_year": ["This field is required."],
    }


def test_more_users_than_the_target_population_is_rejected():
    assert errors_for(users_served=120_000) == {
        "users_served": ["Users served cannot exceed the target population."]
    }


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_are_rejected(value):
    assert errors_for(opex=value) == {"opex": ["Must be a finite number."]}


def test_a_string_is_rejected_even_when_it_looks_like_a_number():
    assert errors_for(savings="400000") == {"savings": ["Must be a number, not text."]}


def test_a_bool_is_rejected():
    assert errors_for(jobs_fte=True) == {"jobs_fte": ["Must be a number, not true or false."]}


def test_every_bad_field_is_reported_at_once():
    errors = errors_for(capex=-1, nox_kg=math.nan, rating_engagement=0, unknown_field=3)

    assert set(errors) == {"capex", "nox_kg", "rating_engagement", "unknown_field"}
    assert "capex" in str(InputError(errors))


def test_decimals_from_the_database_are_accepted_as_numbers():
    inputs = validate_inputs({**LED_RETROFIT, "capex": Decimal("2000000.50")})

    assert inputs.capex == 2_000_000.5


def test_optional_fields_may_be_none():
    inputs = validate_inputs({**LED_RETROFIT, "jobs_fte": None, "rating_inclusion": None})

    assert inputs.jobs_fte is None and inputs.rating_inclusion is None


def test_a_schedule_of_the_wrong_length_is_rejected():
    errors = errors_for(capex_schedule=[1_000_000, 1_000_000])

    assert errors == {"capex_schedule": ["Must give 21 yearly amounts (years 0 to 20), not 2."]}


def test_a_schedule_with_a_negative_year_names_the_year():
    errors = errors_for(opex_schedule=[0] + [20_000] * 19 + [-1])

    assert errors == {"opex_schedule": ["Year 20: Must not be negative."]}


def test_a_schedule_given_as_text_is_rejected():
    assert "revenue_schedule" in errors_for(revenue_schedule="0, 1, 2")


def test_assess_rechecks_a_hand_built_input_dataclass():
    inputs = ImpactInputs(lifetime_years=20, first_year=2026, capex=-5)

    with pytest.raises(InputError) as raised:
        assess(inputs, MethodParameters(), risk_draws=0)

    assert raised.value.errors == {"capex": ["Must not be negative."]}


def test_empty_parameters_take_the_defaults_of_the_method():
    assert validate_parameters({}) == MethodParameters()


@pytest.mark.parametrize("rate", [-0.01, 0.5, 1.2])
def test_a_discount_rate_outside_zero_to_one_half_is_rejected(rate):
    assert set(parameter_errors(social_discount_rate=rate)) == {"social_discount_rate"}


def test_bad_parameters_are_each_named():
    errors = parameter_errors(
        carbon_price=-1,
        ghg_inventory_t=0,
        reach_goalpost=1.5,
        ghg_goalpost_share=0,
        carbon_price_mode="market",
        financial_discount_rate="4%",
    )

    assert set(errors) == {
        "carbon_price",
        "ghg_inventory_t",
        "reach_goalpost",
        "ghg_goalpost_share",
        "carbon_price_mode",
        "financial_discount_rate",
    }


def test_weights_must_be_non_negative_and_not_all_zero_within_a_dimension():
    errors = parameter_errors(weights={"EC1": -0.1, "EN1": 0, "EN2": 0, "EN3": 0, "XX9": 1})

    assert errors == {
        "weights.EC1": ["Must not be negative."],
        "weights.XX9": ["Unknown sub-score code."],
        "weights": ["The environmental weights must not all be zero."],
    }


def test_weights_left_out_keep_their_default():
    params = validate_parameters({"weights": {"SO1": 0.6}})

    assert params.weights["SO1"] == 0.6
    assert params.weights["SO2"] == 0.20


def test_a_negative_funding_amount_is_rejected():
    with pytest.raises(InputError) as raised:
        validate_funding([FundingSource("Grant", "grant", 100.0, True), {"amount": -5}])

    assert raised.value.errors == {"funding[1].amount": ["Must not be negative."]}


def test_risk_options_must_be_non_negative_whole_numbers():
    with pytest.raises(InputError) as raised:
        assess(validate_inputs(LED_RETROFIT), MethodParameters(), risk_seed=-1, risk_draws=-2)

    assert set(raised.value.errors) == {"risk_seed", "risk_draws"}
