"""Every figure of the worked examples in section 6 of the impact method."""

import pytest

from canvas_app.impact import MethodParameters
from canvas_app.impact.flows import annuity_factor

from .examples import BIKE_SHARING, LED_RETROFIT, assess_raw

MONEY = 0.01  # EUR
SCORE = 0.01  # points
RATE = 1e-6  # fraction
PRINTED_3DP = 0.0005  # figures printed to three decimals
PRINTED_4DP = 0.00005
PERCENT_POINTS = 0.005  # switching values printed to 0.01 percentage points

EIB_PATH = MethodParameters(carbon_price_mode="eib_path")


def sub_score_values(result) -> dict[str, float | None]:
    return {s.code: s.value for s in result.sub_scores}


def switching_values(result) -> dict[str, float | None]:
    return {s.variable: s.switching_value_pct for s in result.sensitivity.switching_values}


@pytest.mark.parametrize(
    ("rate", "years", "factor"),
    [(0.03, 20, 14.877475), (0.04, 20, 13.590326), (0.03, 10, 8.530203), (0.04, 10, 8.110896)],
)
def test_annuity_factors_match_the_useful_factors_of_the_method(rate, years, factor):
    assert annuity_factor(rate, years) == pytest.approx(factor, abs=5e-7)


def test_led_retrofit_reproduces_the_cost_benefit_figures():
    cba = assess_raw(LED_RETROFIT).cba

    assert cba.fnpv == pytest.approx(3_164_324.01, abs=MONEY)
    assert cba.firr == pytest.approx(0.183458, abs=RATE)
    assert cba.eirr == pytest.approx(0.183458, abs=RATE)
    assert cba.enpv == pytest.approx(3_653_440.45, abs=MONEY)
    assert cba.benefit_cost_ratio == pytest.approx(2.5901, abs=PRINTED_4DP)
    assert cba.simple_payback_years == pytest.approx(5.263, abs=PRINTED_3DP)
    assert cba.discounted_payback_years == pytest.approx(6.028, abs=PRINTED_3DP)
    assert cba.ghg_avoided_t_per_year == pytest.approx(450)
    assert cba.ghg_avoided_t_lifetime == pytest.approx(9_000)
    assert cba.pv_environmental_value == pytest.approx(1_673_715.92, abs=MONEY)
    assert cba.enpv_with_externalities == pytest.approx(5_327_156.37, abs=MONEY)
    assert cba.abatement_cost_eur_per_t == pytest.approx(-545.71, abs=MONEY)


def test_led_retrofit_needs_no_funding_gap_grant():
    gap = assess_raw(LED_RETROFIT).funding_gap

    assert gap.gap_rate == 0
    assert gap.funding_gap == 0
    assert not gap.operating_deficit


def test_led_retrofit_reproduces_the_sub_scores_and_scores():
    result = assess_raw(LED_RETROFIT)
    expected = {
        "EC1": 100, "EC2": 73.684, "EC3": 100, "EC4": 20,
        "EN1": 90, "EN2": 100, "EN3": 25,
        "SO1": 100, "SO2": 25, "SO3": 25, "SO4": 25, "SO5": 75,
    }  # fmt: skip

    assert sub_score_values(result) == pytest.approx(expected, abs=PRINTED_3DP)
    assert result.scores.economic == pytest.approx(77.42, abs=SCORE)
    assert result.scores.environmental == pytest.approx(80.00, abs=SCORE)
    assert result.scores.social == pytest.approx(55.00, abs=SCORE)
    assert result.scores.overall_arithmetic == pytest.approx(70.81, abs=SCORE)
    assert result.scores.overall_geometric == pytest.approx(69.84, abs=SCORE)


def test_led_retrofit_reproduces_the_switching_values():
    values = switching_values(assess_raw(LED_RETROFIT))

    assert values["capex"] == pytest.approx(182.67, abs=PERCENT_POINTS)
    assert values["opex"] == pytest.approx(1_227.84, abs=PERCENT_POINTS)
    assert values["savings"] == pytest.approx(-61.39, abs=PERCENT_POINTS)
    assert values["revenue"] is None
    assert values["other_benefits"] is None


def test_led_retrofit_on_the_eib_carbon_path_reproduces_the_environmental_value():
    result = assess_raw(LED_RETROFIT, EIB_PATH)

    assert result.cba.pv_environmental_value == pytest.approx(2_550_971.33, abs=MONEY)


def test_led_retrofit_raises_no_flags():
    assert assess_raw(LED_RETROFIT).flags == ()


def test_bike_sharing_reproduces_the_cost_benefit_figures():
    cba = assess_raw(BIKE_SHARING).cba

    assert cba.fnpv == pytest.approx(-6_244_358.31, abs=MONEY)
    assert cba.firr is None
    assert cba.eirr == pytest.approx(0.0, abs=RATE)
    assert cba.enpv == pytest.approx(-440_939.15, abs=MONEY)
    assert cba.benefit_cost_ratio == pytest.approx(0.9587, abs=PRINTED_4DP)
    assert cba.simple_payback_years is None
    assert cba.discounted_payback_years is None
    assert cba.ghg_avoided_t_per_year == pytest.approx(150)
    assert cba.environmental_value_first_year == pytest.approx(44_100, abs=MONEY)
    assert cba.pv_environmental_value == pytest.approx(376_181.95, abs=MONEY)
    assert cba.enpv_with_externalities == pytest.approx(-64_757.20, abs=MONEY)
    assert cba.abatement_cost_eur_per_t == pytest.approx(5_011.28, abs=MONEY)


def test_bike_sharing_needs_a_full_funding_gap_grant_and_flags_its_operating_deficit():
    result = assess_raw(BIKE_SHARING)

    assert result.funding_gap.gap_rate == 1
    assert result.funding_gap.funding_gap == pytest.approx(3_000_000, abs=MONEY)
    assert result.funding_gap.operating_deficit
    assert "operating_deficit" in {flag.code for flag in result.flags}


def test_bike_sharing_reproduces_the_sub_scores_and_scores():
    result = assess_raw(BIKE_SHARING)
    expected = {
        "EC1": 47.935, "EC2": 0, "EC3": 55.556, "EC4": 50,
        "EN1": 30, "EN2": 0, "EN3": 50,
        "SO1": 60, "SO2": 50, "SO3": 50, "SO4": 75, "SO5": 75,
    }  # fmt: skip

    assert sub_score_values(result) == pytest.approx(expected, abs=PRINTED_3DP)
    assert result.scores.economic == pytest.approx(37.51, abs=SCORE)
    assert result.scores.environmental == pytest.approx(25.00, abs=SCORE)
    assert result.scores.social == pytest.approx(60.50, abs=SCORE)
    assert result.scores.overall_arithmetic == pytest.approx(41.00, abs=SCORE)
    assert result.scores.overall_geometric == pytest.approx(38.42, abs=SCORE)


def test_bike_sharing_reproduces_the_switching_values():
    values = switching_values(assess_raw(BIKE_SHARING))

    assert values["capex"] == pytest.approx(-14.70, abs=PERCENT_POINTS)
    assert values["opex"] == pytest.approx(-5.74, abs=PERCENT_POINTS)
    assert values["revenue"] == pytest.approx(10.34, abs=PERCENT_POINTS)
    assert values["other_benefits"] == pytest.approx(7.38, abs=PERCENT_POINTS)
    assert values["savings"] is None


def test_bike_sharing_on_the_eib_carbon_path_reproduces_the_environmental_value():
    result = assess_raw(BIKE_SHARING, EIB_PATH)

    assert result.cba.pv_environmental_value == pytest.approx(400_059.69, abs=MONEY)


def test_bike_sharing_flags_what_the_reading_of_the_method_says():
    codes = {flag.code for flag in assess_raw(BIKE_SHARING).flags}

    assert codes == {
        "operating_deficit",
        "no_payback",
        "benefit_cost_below_one",
        "abatement_cost_high",
    }
