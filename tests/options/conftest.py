"""The short list of 9.1, the actuals of 9.2 and the benefits of 9.3, as the app takes them."""

from datetime import date

import pytest

from canvas_app.examples import EXAMPLES

from ..impact.examples import CENTRAL, DIMMING

__all__ = ["ACTUALS_9_2", "BENEFITS_9_3", "CENTRAL", "DIMMING", "LED"]

LED = dict(EXAMPLES["led-street-lighting"].impact_inputs)
ACTUALS_9_2 = [
    {"year": 0, "capex": 2_300_000},
    {"year": 1, "savings": 330_000, "opex": 18_000},
    {"year": 2, "savings": 380_000, "opex": 22_000},
]
BENEFITS_9_3 = [
    {
        "benefit": {
            "name": "Street-lighting electricity",
            "unit": "MWh/yr",
            "baseline": 3000,
            "baseline_date": date(2026, 1, 1),
            "target": 1200,
            "target_date": date(2028, 1, 1),
            "owner": "Energy manager",
        },
        "measurements": [(date(2026, 7, 1), 2700), (date(2027, 1, 1), 2100)],
        "expected": ("green", 0.5, 0.5),
    },
    {
        "benefit": {
            "name": "Residents satisfied with lighting",
            "unit": "%",
            "baseline": 62,
            "baseline_date": date(2026, 1, 1),
            "target": 75,
            "target_date": date(2027, 7, 1),
            "owner": "Citizen services",
        },
        "measurements": [(date(2027, 1, 1), 64)],
        "expected": ("red", 0.1538, 0.6685),
    },
    {
        "benefit": {
            "name": "Night-time road casualties",
            "unit": "per yr",
            "baseline": 40,
            "baseline_date": date(2026, 1, 1),
            "target": 30,
            "target_date": date(2028, 1, 1),
            "owner": "Road safety",
        },
        "measurements": [(date(2027, 1, 1), 36)],
        "expected": ("amber", 0.4, 0.5),
    },
]


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what the services queue after commit (tasks run in-process in tests)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def short_list_9_1(canvas, editor, run_on_commit):
    """The canvas with the three options of worked example 9.1, the LED retrofit preferred."""
    from canvas_app.services.impact import impact_inputs_update
    from canvas_app.services.options import option_create, option_update, short_list

    run_on_commit(impact_inputs_update, canvas=canvas, by=editor, values=LED)
    led = next(o for o in short_list(canvas) if o.preferred)
    run_on_commit(
        option_update,
        option=led,
        by=editor,
        name="LED retrofit",
        project_type="standard_civil_engineering",
        mitigation=0.5,
        works_duration_months=12,
    )
    dimming = run_on_commit(
        option_create,
        canvas=canvas,
        by=editor,
        name="Part-night dimming",
        kind="do_minimum",
        inputs=DIMMING,
        project_type="equipment_development",
        mitigation=0.9,
    )
    central = run_on_commit(
        option_create,
        canvas=canvas,
        by=editor,
        name="LED retrofit with central management",
        kind="do_something",
        inputs=CENTRAL,
        project_type="equipment_development",
        mitigation=0.6,
    )
    return {"led": led, "dimming": dimming, "central": central}


@pytest.fixture
def led_canvas(canvas, editor, run_on_commit):
    """The canvas with the LED retrofit of 6.1 as its only proposal, scored."""
    from canvas_app.services.impact import impact_inputs_update

    run_on_commit(impact_inputs_update, canvas=canvas, by=editor, values=LED)
    return canvas
