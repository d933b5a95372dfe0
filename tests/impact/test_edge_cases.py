"""Inputs at the edges of the method: zeros, missing values, one-year lifetimes, schedules."""

import numpy as np
import pytest

from canvas_app.impact import FundingSource, MethodParameters, assess, validate_inputs
from canvas_app.impact.flows import irr, payback, pv

from .examples import BIKE_SHARING, LED_RETROFIT, assess_raw

SOCIAL_INPUTS = {
    "users_served": None,
    "target_population": None,
    "rating_accessibility": None,
    "rating_inclusion": None,
    "rating_engagement": None,
    "rating_safety_health": None,
}


def effective_weights(result, dimension: str) -> dict[str, float]:
    return {s.code: s.effective_weight for s in result.sub_scores if s.dimension == dimension}


def test_zero_capex_leaves_jobs_intensity_out_and_renormalises_the_economic_weights():
    result = assess_raw(LED_RETROFIT, capex=0)

    assert result.sub_score("EC4").value is None
    assert effective_weights(result, "economic") == pytest.approx(
        {"EC1": 0.40 / 0.80, "EC2": 0.25 / 0.80, "EC3": 0.15 / 0.80, "EC4": 0.0}
    )
    assert result.scores.economic == pytest.approx(100.0)  # B/C, payback 0 and coverage all top


def test_zero_capex_has_no_funding_gap():
    result = assess_raw(BIKE_SHARING, capex=0)

    assert result.funding_gap.discounted_investment_cost == 0
    assert result.funding_gap.gap_rate == 0
    assert result.funding_gap.funding_gap == 0


def test_zero_opex_counts_as_full_operating_cost_coverage():
    result = assess_raw(BIKE_SHARING, opex=0)

    assert result.sub_score("EC3").value == 100.0


def test_no_greenhouse_gas_avoided_scores_zero_cost_effectiveness_and_has_no_abatement_cost():
    result = assess_raw(LED_RETROFIT, energy_saved_kwh=None, other_ghg_t=None)

    assert result.cba.ghg_avoided_t_per_year == 0
    assert result.cba.abatement_cost_eur_per_t is None
    assert result.sub_score("EN1").value == 0
    assert result.sub_score("EN2").value == 0
    assert "abatement_cost_high" not in {flag.code for flag in result.flags}


def test_missing_ratings_are_left_out_and_the_other_weights_renormalised():
    result = assess_raw(LED_RETROFIT, rating_local_environment=None, rating_engagement=None)

    assert result.sub_score("EN3").value is None
    assert result.scores.environmental == pytest.approx((0.5 * 90 + 0.3 * 100) / 0.8)
    assert result.scores.social == pytest.approx(
        (0.3 * 100 + 0.2 * 25 + 0.2 * 25 + 0.15 * 75) / 0.85
    )


def test_with_all_social_inputs_missing_the_overall_score_averages_the_other_two():
    result = assess_raw(LED_RETROFIT, **SOCIAL_INPUTS)

    assert result.scores.social is None
    assert result.scores.overall_arithmetic == pytest.approx((77.421053 + 80) / 2)
    assert result.scores.overall_geometric == pytest.approx((77.421053 * 80) ** 0.5)


def test_a_one_year_lifetime_works():
    result = assess_raw(LED_RETROFIT, lifetime_years=1, capex=300_000)

    assert result.cba.fnpv == pytest.approx(-300_000 + 380_000 / 1.04)
    assert result.cba.firr == pytest.approx(380_000 / 300_000 - 1, abs=1e-9)
    assert result.cba.simple_payback_years == pytest.approx(300_000 / 380_000)
    assert len(result.flow_table()) == 2


def test_residual_value_arrives_in_the_last_year():
    result = assess_raw(BIKE_SHARING, residual_value=100_000)

    assert result.flows.residual_value.tolist() == [0.0] * 10 + [100_000.0]
    assert result.cba.enpv == pytest.approx(-440_939.15 + 100_000 / 1.03**10, abs=0.01)


def test_a_capex_schedule_gives_the_same_figures_as_the_hand_computed_arrays():
    capex = [1_000_000, 600_000, 400_000] + [0] * 18
    result = assess_raw(LED_RETROFIT, capex_schedule=capex)
    financial = np.array([-1_000_000, -220_000, -20_000] + [380_000] * 18)

    assert result.cba.fnpv == pytest.approx(pv(financial, 0.04))
    assert result.cba.firr == pytest.approx(irr(financial))
    assert result.cba.simple_payback_years == pytest.approx(payback(financial))
    assert result.cba.total_capex == 2_000_000
    assert result.cba.enpv == pytest.approx(pv(financial, 0.03))


def test_a_revenue_ramp_up_gives_the_same_figures_as_the_hand_computed_arrays():
    revenue = [0, 100_000, 300_000] + [500_000] * 8
    result = assess_raw(BIKE_SHARING, revenue_schedule=revenue)
    economic = np.array(revenue) + np.array([0] + [700_000 - 900_000] * 10)
    economic[0] -= 3_000_000

    assert result.cba.enpv == pytest.approx(pv(economic, 0.03))
    assert result.cba.eirr == pytest.approx(irr(economic))
    assert result.flows.revenue.tolist() == revenue


def test_the_flow_table_lists_every_year_with_its_calendar_year():
    rows = assess_raw(LED_RETROFIT).flow_table()

    assert [row["t"] for row in rows] == list(range(21))
    assert rows[0]["year"] == 2025 and rows[1]["year"] == 2026
    assert rows[0]["capex"] == 2_000_000 and rows[0]["carbon_price"] is None
    assert rows[20]["financial_net_flow"] == 380_000
    assert rows[20]["environmental_value"] == 450 * 250


def test_a_funding_plan_short_of_the_capex_is_flagged_with_its_figures():
    inputs = validate_inputs(LED_RETROFIT)
    funding = [
        FundingSource("EU grant", "grant", 1_200_000, secured=True),
        FundingSource("Council budget", "own funds", 300_000, secured=False),
    ]
    result = assess(inputs, MethodParameters(), funding, risk_draws=0)

    plan = result.funding_plan
    assert (plan.secured, plan.pledged, plan.total) == (1_200_000, 300_000, 1_500_000)
    assert plan.coverage_ratio == pytest.approx(0.75)
    assert plan.unfunded == 500_000
    flag = next(flag for flag in result.flags if flag.code == "funding_shortfall")
    assert flag.figures["unfunded"] == 500_000
    assert "500,000" in flag.message


def test_a_missing_funding_plan_is_not_flagged():
    result = assess_raw(LED_RETROFIT)

    assert result.funding_plan.source_count == 0
    assert "funding_shortfall" not in {flag.code for flag in result.flags}


def test_a_fully_funded_plan_is_not_flagged():
    inputs = validate_inputs(LED_RETROFIT)
    funding = [FundingSource("Loan", "loan", 2_000_000, secured=True)]
    result = assess(inputs, MethodParameters(), funding, risk_draws=0)

    assert result.funding_plan.coverage_ratio == 1
    assert result.flags == ()


def test_no_costs_at_all_leaves_the_benefit_cost_ratio_out():
    result = assess_raw(LED_RETROFIT, capex=0, opex=0)

    assert result.cba.benefit_cost_ratio is None
    assert result.sub_score("EC1").value is None
    assert result.scores.economic == pytest.approx(100.0)


def test_a_zero_target_population_leaves_reach_out():
    result = assess_raw(LED_RETROFIT, users_served=0, target_population=0)

    assert result.sub_score("SO1").value is None


def test_zero_weights_for_a_present_sub_score_drop_it_from_its_dimension():
    params = MethodParameters(weights={**MethodParameters().weights, "EC1": 0.0})
    result = assess_raw(BIKE_SHARING, params)

    expected = (0.25 * 0 + 0.15 * 55.5556 + 0.20 * 50) / 0.60
    assert result.scores.economic == pytest.approx(expected, abs=1e-3)
