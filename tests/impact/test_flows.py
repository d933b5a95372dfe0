"""Discounting, IRR, payback and the carbon price path."""

import numpy as np
import pytest

from canvas_app.impact import MethodParameters
from canvas_app.impact.carbon import carbon_price
from canvas_app.impact.flows import annuity_factor, irr, payback, pv


def test_present_value_discounts_year_t_by_one_plus_rate_to_the_power_t():
    assert pv([-100, 110], 0.10) == pytest.approx(0.0)
    assert pv([0, 0, 121], 0.10) == pytest.approx(100.0)


def test_annuity_factor_is_the_present_value_of_one_euro_a_year_from_year_one():
    assert annuity_factor(0.05, 3) == pytest.approx(pv([0, 1, 1, 1], 0.05))
    assert annuity_factor(0.0, 7) == pytest.approx(7.0)


def test_irr_finds_the_rate_that_zeroes_the_present_value():
    assert irr([-100, 110]) == pytest.approx(0.10, abs=1e-9)
    assert irr([-1000, 0, 0, 1331]) == pytest.approx(0.10, abs=1e-9)


def test_irr_is_none_when_the_present_value_never_changes_sign():
    assert irr([-100, -10, -10]) is None
    assert irr([100, 10]) is None
    assert irr([0, 0, 0]) is None


def test_irr_can_be_negative():
    assert irr([-100, 50]) == pytest.approx(-0.5, abs=1e-9)


def test_payback_is_interpolated_within_the_year_it_happens():
    assert payback([-100, 40, 40, 40]) == pytest.approx(2.5)


def test_payback_landing_exactly_on_the_last_year_counts():
    assert payback([-100, 50, 50]) == pytest.approx(2.0)


def test_payback_is_zero_when_the_cumulative_flow_is_never_negative():
    assert payback([0, 10, 10]) == 0.0


def test_payback_is_none_when_the_cumulative_flow_never_turns():
    assert payback([-100, 10, 10]) is None


def test_payback_counts_from_a_negative_balance_that_starts_after_year_zero():
    # capex in year 1 only: the balance is 0, then -100, then recovers during year 3
    assert payback([0, -100, 60, 60]) == pytest.approx(2 + 40 / 60)


@pytest.mark.parametrize(
    ("year", "price"),
    [(2010, 80), (2020, 80), (2025, 165), (2026, 182), (2030, 250), (2040, 525), (2050, 800),
     (2070, 800)],
)  # fmt: skip
def test_the_eib_carbon_price_path_is_a_straight_line_between_its_points(year, price):
    params = MethodParameters(carbon_price_mode="eib_path")

    assert carbon_price(year, params) == pytest.approx(price)


def test_the_constant_carbon_price_ignores_the_year():
    params = MethodParameters(carbon_price=123.0)

    assert {carbon_price(year, params) for year in (1990, 2030, 2100)} == {123.0}


def test_discounting_works_on_numpy_arrays_as_well_as_lists():
    assert pv(np.array([-100.0, 110.0]), 0.1) == pytest.approx(pv([-100, 110], 0.1))
