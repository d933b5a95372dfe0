"""The short list, the benefits plan and the outturn in export files: written, read back
through the services, refused with the field named, and older files still read."""

import json

import pytest
from django.urls import reverse

from canvas_app.examples import EXAMPLES
from canvas_app.models import Canvas, Measurement, OptionKind, Outturn
from canvas_app.services.benefits import benefit_create, measurement_add
from canvas_app.services.canvases import canvas_update
from canvas_app.services.exchange import (
    canvas_create_from_example,
    canvas_import,
    canvas_replicate,
)
from canvas_app.services.export import canvas_export
from canvas_app.services.options import option_create, option_update, short_list
from canvas_app.services.outturn import outturn_set

from ..options.conftest import ACTUALS_9_2, BENEFITS_9_3, CENTRAL, DIMMING
from .test_exchange import api_import, stable, upload

NEW_KEYS = ("options", "preferred_justification", "benefits", "outturn")


@pytest.fixture
def planned(council, editor, django_capture_on_commit_callbacks):
    """The LED example with the short list of 9.1, the benefits of 9.3 with their
    measurements, a justification, and the actuals of 9.2 with lessons learned."""
    with django_capture_on_commit_callbacks(execute=True):
        canvas = canvas_create_from_example(
            council=council, by=editor, example=EXAMPLES["led-street-lighting"]
        )
    with django_capture_on_commit_callbacks(execute=True):
        led = next(o for o in short_list(canvas) if o.preferred)
        option_update(
            option=led,
            by=editor,
            name="LED retrofit",
            project_type="standard_civil_engineering",
            mitigation=0.5,
            works_duration_months=12,
        )
        option_create(
            canvas=canvas,
            by=editor,
            name="Part-night dimming",
            kind="do_minimum",
            inputs=DIMMING,
            project_type="equipment_development",
            mitigation=0.9,
        )
        option_create(
            canvas=canvas,
            by=editor,
            name="LED retrofit with central management",
            kind="do_something",
            inputs=CENTRAL,
            project_type="equipment_development",
            mitigation=0.6,
        )
        canvas_update(
            canvas=canvas, by=editor, preferred_justification="Proven technology, low risk."
        )
        for entry in BENEFITS_9_3:
            benefit = benefit_create(canvas=canvas, by=editor, **entry["benefit"])
            for on, value in entry["measurements"]:
                measurement_add(
                    benefit=benefit,
                    by=editor,
                    date=on,
                    value=value,
                    note="Meter readings",
                    evidence_url="https://example.org/readings.pdf",
                )
    outturn_set(
        canvas=canvas,
        by=editor,
        actuals=ACTUALS_9_2,
        lessons_learned="Survey the poles before tendering.",
    )
    return canvas


def a_file(canvas: Canvas) -> dict:
    return json.loads(json.dumps(canvas_export(canvas)))


def test_an_export_holds_the_short_list_the_plan_and_the_outturn(planned):
    data = a_file(planned)

    assert [(o["name"], o["kind"], o["preferred"]) for o in data["options"]] == [
        ("Business as usual", "bau", False),
        ("LED retrofit", "do_something", True),
        ("Part-night dimming", "do_minimum", False),
        ("LED retrofit with central management", "do_something", False),
    ]
    assert data["options"][0]["inputs"] is None
    assert data["options"][1]["optimism_bias"] == {
        "project_type": "standard_civil_engineering",
        "mitigation": 0.5,
        "works_duration_months": 12.0,
    }
    assert data["options"][2]["inputs"]["capex"] == 150_000
    assert data["preferred_justification"] == "Proven technology, low risk."
    electricity = data["benefits"][0]
    assert (electricity["name"], electricity["baseline_date"], electricity["target"]) == (
        "Street-lighting electricity",
        "2026-01-01",
        1200,
    )
    assert electricity["measurements"] == [
        {
            "date": "2026-07-01",
            "value": 2700,
            "note": "Meter readings",
            "evidence_url": "https://example.org/readings.pdf",
        },
        {
            "date": "2027-01-01",
            "value": 2100,
            "note": "Meter readings",
            "evidence_url": "https://example.org/readings.pdf",
        },
    ]
    assert data["outturn"]["actuals"][0] == {"year": 0, "capex": 2_300_000}
    assert data["outturn"]["lessons_learned"] == "Survey the poles before tendering."
    assert data["format_version"] == 1


def test_import_then_export_keeps_options_benefits_measurements_and_outturn(
    planned, other_council, outsider, django_capture_on_commit_callbacks
):
    data = a_file(planned)

    with django_capture_on_commit_callbacks(execute=True):
        copy = canvas_import(council=other_council, by=outsider, data=data)

    again = canvas_export(copy)
    data["partners"][0]["organisation"] = other_council.name
    assert stable(again) == stable(data)
    assert Measurement.objects.filter(benefit__canvas=copy).count() == 4
    # The copy is appraised as a whole short list, the LED retrofit first as in 9.1.
    appraisal = copy.assessments.latest("requested_at", "id").appraisal
    ranked = {row["name"]: row["rank"] for row in appraisal["options"]}
    assert ranked["LED retrofit"] == 1 and ranked["Business as usual"] == 4
    copy.impact_inputs.refresh_from_db()
    assert copy.impact_inputs.values["capex"] == 2_000_000  # the preferred option's
    # The actuals are set against the copy's own appraisal once it is computed.
    assert Outturn.objects.get(canvas=copy).capex_variance_pct == pytest.approx(15.0)


def test_a_file_from_before_the_short_list_still_imports(planned, other_council, outsider):
    data = {k: v for k, v in a_file(planned).items() if k not in NEW_KEYS}

    copy = canvas_import(council=other_council, by=outsider, data=data)

    options = short_list(copy)
    assert [(o.kind, o.preferred) for o in options] == [
        (OptionKind.BAU, False),
        (OptionKind.DO_SOMETHING, True),
    ]
    assert options[1].inputs == data["impact_inputs"]
    assert not copy.benefits.exists() and not Outturn.objects.filter(canvas=copy).exists()


def test_an_example_gives_its_inputs_as_the_preferred_option_beside_business_as_usual(
    council, editor
):
    example = EXAMPLES["led-street-lighting"]

    canvas = canvas_create_from_example(council=council, by=editor, example=example)

    bau, proposal = short_list(canvas)
    assert bau.kind == OptionKind.BAU and not bau.preferred
    assert proposal.preferred and proposal.inputs["capex"] == example.impact_inputs["capex"]


def test_replicating_a_template_copies_the_plan_not_the_facts(planned, other_council, outsider):
    planned.is_template = True
    planned.save()

    copy = canvas_replicate(source=planned, council=other_council, by=outsider)

    assert [o.name for o in short_list(copy)] == [o.name for o in short_list(planned)]
    assert [b.name for b in copy.benefits.all()] == [b.name for b in planned.benefits.all()]
    assert copy.benefits.get(name="Night-time road casualties").target == 30
    assert not Measurement.objects.filter(benefit__canvas=copy).exists()
    assert not Outturn.objects.filter(canvas=copy).exists()


def changed(data: dict, change) -> bytes:
    change(data)
    return json.dumps(data).encode()


def set_in(path: list, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


BAD_ENTRIES = {
    "negative capex": (set_in(["options", 2, "inputs", "capex"], -1), "options[2].inputs.capex"),
    "mitigation above 1": (
        set_in(["options", 3, "optimism_bias", "mitigation"], 1.5),
        "options[3].optimism_bias.mitigation",
    ),
    "mitigation as text": (
        set_in(["options", 3, "optimism_bias", "mitigation"], "half"),
        "options[3].optimism_bias.mitigation",
    ),
    "unknown project type": (
        set_in(["options", 1, "optimism_bias", "project_type"], "rocket_science"),
        "options[1].optimism_bias.project_type",
    ),
    "another appraisal period": (
        set_in(["options", 3, "inputs", "lifetime_years"], 15),
        "options[3].inputs.lifetime_years",
    ),
    "two preferred options": (set_in(["options", 2, "preferred"], True), "options[2].preferred"),
    "a second business as usual": (
        set_in(["options", 3, "kind"], "bau"),
        "options[3].kind",
    ),
    "options that are not a list": (set_in(["options"], "many"), "options"),
    "a target date before the baseline": (
        set_in(["benefits", 0, "target_date"], "2025-01-01"),
        "benefits[0].target_date",
    ),
    "a target equal to the baseline": (set_in(["benefits", 1, "target"], 62), "benefits[1].target"),
    "a baseline date that is no date": (
        set_in(["benefits", 2, "baseline_date"], "last year"),
        "benefits[2].baseline_date",
    ),
    "a measurement that is no number": (
        set_in(["benefits", 0, "measurements", 1, "value"], "lots"),
        "benefits[0].measurements[1].value",
    ),
    "a year outside the appraisal": (
        set_in(["outturn", "actuals", 0, "year"], 99),
        "outturn.actuals[0].year",
    ),
    "a negative actual": (
        set_in(["outturn", "actuals", 1, "opex"], -5),
        "outturn.actuals[1].opex",
    ),
    "a justification that is no text": (
        set_in(["preferred_justification"], ["why"]),
        "preferred_justification",
    ),
}


@pytest.mark.parametrize("case", list(BAD_ENTRIES))
def test_a_bad_entry_gets_a_400_naming_it_and_saves_nothing(client, api_as, editor, planned, case):
    change, field = BAD_ENTRIES[case]
    payload = changed(a_file(planned), change)
    before = Canvas.objects.count()
    client.force_login(editor)

    page = upload(client, planned.council, payload)
    api = api_import(api_as(editor), planned.council, payload)

    assert page.status_code == 400 and field in page.content.decode()
    assert api.status_code == 400 and field in api.json()
    assert Canvas.objects.count() == before


def test_the_import_page_takes_a_file_with_the_short_list(client, editor, planned):
    client.force_login(editor)

    response = upload(client, planned.council, json.dumps(a_file(planned)).encode())

    copy = Canvas.objects.exclude(pk=planned.pk).get()
    assert response["Location"] == reverse("canvas-detail", args=[copy.pk])
    assert copy.options.count() == 4 and copy.benefits.count() == 3
