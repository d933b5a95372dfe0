"""Worked example 9.1 of the method: options for street lighting, with optimism bias."""

import pytest

from canvas_app.impact import InputError, MethodParameters, validate_inputs
from canvas_app.impact.options import BAU, DO_MINIMUM, DO_SOMETHING, Option, appraise

from .examples import CENTRAL, DIMMING, LED_RETROFIT

MONEY, SCORE, RATIO = 0.01, 0.01, 1e-4


def short_list(preferred: str = "led", **overrides) -> list[Option]:
    options = {
        "bau": Option("bau", "Business as usual", BAU),
        "dimming": Option(
            "dimming",
            "Part-night dimming",
            DO_MINIMUM,
            validate_inputs(DIMMING),
            project_type="equipment_development",
            mitigation=0.9,
        ),
        "led": Option(
            "led",
            "LED retrofit",
            DO_SOMETHING,
            validate_inputs(LED_RETROFIT),
            project_type="standard_civil_engineering",
            mitigation=0.5,
            works_duration_months=12,
        ),
        "central": Option(
            "central",
            "LED retrofit with central management",
            DO_SOMETHING,
            validate_inputs(CENTRAL),
            project_type="equipment_development",
            mitigation=0.6,
        ),
    }
    options.update(overrides)
    return [
        Option(**{**option.__dict__, "preferred": key == preferred})
        for key, option in options.items()
    ]


@pytest.fixture(scope="module")
def lighting():
    return appraise(short_list(), MethodParameters(), risk_draws=0)


# The table of 9.1: capex uplift, PVB, PVC, ENPV, ENPV unadjusted, B/C, FNPV, scores, rank.
TABLE = {
    "dimming": (0.20, 1_785_296.98, 254_387.37, 1_530_909.61, 1_560_909.61, 7.0180,
                1_382_887.53, (78.04, 42.50, 33.75), 51.43, 3),
    "led": (0.22, 5_950_989.94, 2_737_549.50, 3_213_440.45, 3_653_440.45, 2.1738,
            2_724_324.01, (75.25, 80.00, 55.00), 70.08, 1),
    "central": (0.80, 7_438_737.43, 5_572_648.49, 1_866_088.94, 3_946_088.94, 1.3349,
                1_299_743.59, (55.54, 85.00, 55.00), 65.18, 2),
}  # fmt: skip


@pytest.mark.parametrize("key", TABLE)
def test_each_option_reproduces_the_worked_example(lighting, key):
    uplift, pvb, pvc, enpv, unadjusted, bcr, fnpv, scores, overall, rank = TABLE[key]
    option = lighting.option(key)

    assert option.uplifts.capex == pytest.approx(uplift, abs=1e-9)
    assert option.pv_benefits == pytest.approx(pvb, abs=MONEY)
    assert option.pv_costs == pytest.approx(pvc, abs=MONEY)
    assert option.enpv == pytest.approx(enpv, abs=MONEY)
    assert option.enpv_unadjusted == pytest.approx(unadjusted, abs=MONEY)
    assert option.bcr == pytest.approx(bcr, abs=RATIO)
    assert option.fnpv == pytest.approx(fnpv, abs=MONEY)
    assert (option.economic, option.environmental, option.social) == pytest.approx(
        scores, abs=SCORE
    )
    assert option.overall == pytest.approx(overall, abs=SCORE)
    assert option.rank == rank


def test_business_as_usual_is_the_reference_row(lighting):
    bau = lighting.option("bau")

    assert (bau.pv_benefits, bau.pv_costs, bau.enpv, bau.rank) == (0, 0, 0, 4)
    assert (bau.bcr, bau.fnpv, bau.economic, bau.overall) == (None, None, None, None)


def test_the_ladder_climbs_to_the_led_retrofit(lighting):
    steps = [(s.challenger, s.defender, s.incremental_bcr, s.accepted) for s in lighting.ladder]

    assert [step[:2] for step in steps] == [
        ("dimming", "bau"),
        ("led", "dimming"),
        ("central", "led"),
    ]
    assert [step[2] for step in steps] == pytest.approx([7.0180, 1.6776, 0.5248], abs=RATIO)
    assert [step[3] for step in steps] == [True, True, False]
    assert lighting.ladder_best == "led"


def test_best_switching_value_and_no_flag(lighting):
    assert lighting.best == "led" == lighting.preferred
    assert lighting.switching_value_pct == pytest.approx(49.22, abs=0.01)
    assert lighting.flags == ()


def test_the_works_duration_uplift_of_the_led_retrofit(lighting):
    led = lighting.option("led")

    assert led.uplifts.duration == pytest.approx(0.10)
    assert led.works_duration_adjusted == pytest.approx(13.2)


def test_before_optimism_bias_central_management_had_the_highest_enpv(lighting):
    unadjusted = max(lighting.options, key=lambda o: o.enpv_unadjusted)

    assert unadjusted.key == "central"


def test_preferring_a_weaker_option_is_flagged_and_has_no_switching_value():
    appraisal = appraise(short_list(preferred="central"), MethodParameters(), risk_draws=0)

    assert "preferred_not_best" in appraisal.flags
    assert appraisal.switching_value_pct is None


def test_a_single_option_gives_the_version_1_figures():
    options = [
        Option("bau", "BAU", BAU),
        Option("led", "LED", DO_SOMETHING, validate_inputs(LED_RETROFIT), preferred=True),
    ]

    appraisal = appraise(options, MethodParameters(), risk_draws=0)

    led = appraisal.option("led")
    assert led.enpv == pytest.approx(3_653_440.45, abs=MONEY)
    assert led.economic == pytest.approx(77.42, abs=SCORE)
    assert set(appraisal.flags) == {"no_do_minimum", "no_alternative"}


@pytest.mark.parametrize(
    "change, field",
    [
        ({"mitigation": 1.5}, "options[2].optimism_bias.mitigation"),
        ({"project_type": "castle"}, "options[2].optimism_bias.project_type"),
        (
            {"inputs": validate_inputs({**LED_RETROFIT, "lifetime_years": 25})},
            "options[2].inputs.lifetime_years",
        ),
    ],
)
def test_bad_options_name_the_field(change, field):
    options = short_list()
    options[2] = Option(**{**options[2].__dict__, **change})

    with pytest.raises(InputError) as error:
        appraise(options, MethodParameters(), risk_draws=0)

    assert field in error.value.errors


def test_the_short_list_rules():
    options = short_list()

    with pytest.raises(InputError) as two_bau:
        appraise([*options, Option("bau2", "BAU again", BAU)], MethodParameters(), risk_draws=0)
    with pytest.raises(InputError) as none_preferred:
        appraise(
            [Option(**{**o.__dict__, "preferred": False}) for o in options],
            MethodParameters(),
            risk_draws=0,
        )

    assert "options" in two_bau.value.errors
    assert "preferred" in none_preferred.value.errors
