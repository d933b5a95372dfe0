"""Worked examples 9.2 (outturn of the LED retrofit) and 9.3 (benefits at a date)."""

from datetime import date

import pytest

from canvas_app.impact import InputError, MethodParameters, validate_inputs
from canvas_app.impact.options import Uplifts
from canvas_app.impact.outturn import Benefit, Measurement, benefit_status, outturn

from .examples import LED_RETROFIT

MONEY = 0.01
ACTUALS = {0: {"capex": 2_300_000}, 1: {"savings": 330_000, "opex": 18_000},
           2: {"savings": 380_000, "opex": 22_000}}  # fmt: skip


@pytest.fixture(scope="module")
def led():
    return outturn(validate_inputs(LED_RETROFIT), MethodParameters(), ACTUALS)


def test_the_outturn_figures(led):
    assert led.enpv_forecast == pytest.approx(3_653_440.45, abs=MONEY)
    assert led.enpv_outturn == pytest.approx(3_266_683.92, abs=MONEY)
    assert led.fnpv_outturn == pytest.approx(2_778_599.16, abs=MONEY)
    assert led.bcr_outturn == pytest.approx(2.2576, abs=1e-4)
    assert led.payback_outturn == pytest.approx(6.289, abs=0.001)


def test_the_variances(led):
    capex, savings, opex = (led.variance[k] for k in ("capex", "savings", "opex"))

    assert (capex.difference, capex.pct) == (pytest.approx(300_000), pytest.approx(15.0))
    assert (savings.difference, savings.pct) == (pytest.approx(-90_000), pytest.approx(-11.25))
    assert (opex.difference, opex.pct) == (pytest.approx(0), pytest.approx(0))
    assert set(led.variance) == {"capex", "savings", "opex"}


def test_the_flags(led):
    assert led.flags == ("capex_overrun_above_uplift", "benefits_shortfall")


def test_with_the_optimism_bias_of_the_appraisal():
    result = outturn(
        validate_inputs(LED_RETROFIT),
        MethodParameters(),
        ACTUALS,
        uplifts=Uplifts(capex=0.22, opex=0.0, duration=0.10),
    )

    assert result.enpv_forecast == pytest.approx(3_213_440.45, abs=MONEY)
    assert result.enpv_outturn == pytest.approx(3_266_683.92, abs=MONEY)
    assert result.flags == ("benefits_shortfall",)


def test_actuals_equal_to_the_forecast_give_the_forecast():
    same = {0: {"capex": 2_000_000}, 1: {"savings": 400_000, "opex": 20_000}}

    result = outturn(validate_inputs(LED_RETROFIT), MethodParameters(), same)

    assert result.enpv_outturn == pytest.approx(result.enpv_forecast)
    assert result.flags == ()


@pytest.mark.parametrize(
    "actuals, field",
    [({21: {"capex": 1}}, "actuals.year"), ({1: {"capex": -5}}, "actuals[1].capex"),
     ({1: {"jobs": 5}}, "actuals[1].jobs")],
)  # fmt: skip
def test_bad_actuals_name_the_field(actuals, field):
    with pytest.raises(InputError) as error:
        outturn(validate_inputs(LED_RETROFIT), MethodParameters(), actuals)

    assert field in error.value.errors


AS_OF = date(2027, 1, 1)
BENEFITS = {
    "electricity": (
        Benefit(3000, date(2026, 1, 1), 1200, date(2028, 1, 1),
                [Measurement(date(2026, 7, 1), 2700), Measurement(date(2027, 1, 1), 2100)]),
        0.5000, 0.5000, "green",
    ),
    "satisfaction": (
        Benefit(62, date(2026, 1, 1), 75, date(2027, 7, 1), [Measurement(date(2027, 1, 1), 64)]),
        0.1538, 0.6685, "red",
    ),
    "casualties": (
        Benefit(40, date(2026, 1, 1), 30, date(2028, 1, 1), [Measurement(date(2027, 1, 1), 36)]),
        0.4000, 0.5000, "amber",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", BENEFITS)
def test_benefits_at_the_first_of_january_2027(name):
    benefit, progress, expected, status = BENEFITS[name]

    result = benefit_status(benefit, AS_OF)

    assert result.progress == pytest.approx(progress, abs=1e-4)
    assert result.expected == pytest.approx(expected, abs=1e-4)
    assert result.status == status


def test_a_benefit_without_measurements_has_no_data():
    result = benefit_status(Benefit(1, date(2026, 1, 1), 2, date(2027, 1, 1)), AS_OF)

    assert (result.status, result.progress) == ("no_data", None)


def test_met_and_missed():
    met = Benefit(10, date(2026, 1, 1), 20, date(2027, 6, 1), [Measurement(date(2026, 12, 1), 21)])
    missed = Benefit(
        10, date(2025, 1, 1), 20, date(2026, 6, 1), [Measurement(date(2026, 5, 1), 15)]
    )

    assert benefit_status(met, AS_OF).status == "met"
    assert benefit_status(missed, AS_OF).status == "missed"


@pytest.mark.parametrize(
    "changes, field",
    [({"target": 3000}, "target"), ({"target_date": date(2025, 1, 1)}, "target_date")],
)
def test_bad_benefits_name_the_field(changes, field):
    fields = {"baseline": 3000, "baseline_date": date(2026, 1, 1), "target": 1200,
              "target_date": date(2028, 1, 1), **changes}  # fmt: skip

    with pytest.raises(InputError) as error:
        benefit_status(Benefit(**fields), AS_OF)

    assert field in error.value.errors
