"""Compact EUR labels for charts and templates."""

import math

import pytest

from canvas_app.charts import money


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3_653_440.45, "€3.65 M"),
        (-440_939.15, "−€441 k"),
        (950, "€950"),
        (0, "€0"),
        (-0.4, "€0"),
        (1_000, "€1 k"),
        (12_345, "€12.3 k"),
        (2_000_000, "€2 M"),
        (-1_040_939.15, "−€1.04 M"),
        (999_700, "€1 M"),
        (999.7, "€1 k"),
        (36_500_000, "€36.5 M"),
        (1_250_000_000, "€1.25 bn"),
    ],
)
def test_money_gives_three_significant_figures_and_a_unit(value, expected):
    assert money(value) == expected


def test_money_uses_a_real_minus_sign():
    assert money(-2_000_000).startswith("\u2212")


@pytest.mark.parametrize("value", [None, math.nan, math.inf])
def test_money_says_n_a_for_a_figure_that_does_not_exist(value):
    assert money(value) == "n/a"
