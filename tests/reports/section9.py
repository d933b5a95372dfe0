"""The worked examples of section 9 as a council enters them through the services, for
the report tests: the short list of 9.1, the actuals of 9.2, the benefits of 9.3."""

from canvas_app.services.benefits import benefit_create, measurement_add
from canvas_app.services.impact import impact_inputs_update
from canvas_app.services.options import option_create, option_update, short_list
from tests.factories import CanvasFactory
from tests.options.conftest import ACTUALS_9_2, BENEFITS_9_3, CENTRAL, DIMMING, LED

__all__ = ["ACTUALS_9_2", "BENEFITS_9_3", "add_benefits", "led_canvas", "short_list_9_1"]


def led_canvas(council, editor, title: str = "LED street lighting"):
    """A canvas whose only proposal is the LED retrofit of 6.1 (no optimism bias)."""
    canvas = CanvasFactory(council=council, owner=editor, title=title)
    impact_inputs_update(canvas=canvas, by=editor, values=LED)
    return canvas


def short_list_9_1(council, editor, *, preferred: str = "led"):
    """The canvas with the options of 9.1; `preferred` is led, dimming or central."""
    canvas = led_canvas(council, editor)
    led = next(option for option in short_list(canvas) if option.preferred)
    option_update(
        option=led,
        by=editor,
        name="LED retrofit",
        project_type="standard_civil_engineering",
        mitigation=0.5,
        works_duration_months=12,
    )
    options = {"led": led}
    options["dimming"] = option_create(
        canvas=canvas,
        by=editor,
        name="Part-night dimming",
        kind="do_minimum",
        inputs=DIMMING,
        project_type="equipment_development",
        mitigation=0.9,
    )
    options["central"] = option_create(
        canvas=canvas,
        by=editor,
        name="LED retrofit with central management",
        kind="do_something",
        inputs=CENTRAL,
        project_type="equipment_development",
        mitigation=0.6,
    )
    if preferred != "led":
        option_update(option=options[preferred], by=editor, preferred=True)
    return canvas, options


def add_benefits(canvas, editor, *, extra: bool = True) -> list:
    """The benefits of 9.3 with their measurements, and one without any."""
    benefits = []
    for example in BENEFITS_9_3:
        benefit = benefit_create(
            canvas=canvas, by=editor, method="Meter readings", theme="planet", **example["benefit"]
        )
        for on, value in example["measurements"]:
            measurement_add(benefit=benefit, by=editor, date=on, value=value)
        benefits.append(benefit)
    if extra:
        benefits.append(
            benefit_create(
                canvas=canvas,
                by=editor,
                name="Complaints about dark streets",
                unit="per month",
                baseline=20,
                baseline_date=BENEFITS_9_3[0]["benefit"]["baseline_date"],
                target=5,
                target_date=BENEFITS_9_3[0]["benefit"]["target_date"],
                owner="Citizen services",
            )
        )
    return benefits
