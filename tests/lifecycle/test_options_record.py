"""The short list and the benefits plan in the record: snapshots keep them, diffs show
what changed in them, restoring brings the short list back, and decisions cover it
without changing what older decisions recorded."""

import hashlib
import json
from datetime import date

import pytest

from canvas_app.models import Option, OptionKind, Snapshot, Stage
from canvas_app.services.benefits import benefit_create, benefit_update, measurement_add
from canvas_app.services.lifecycle import canvas_transition, decision_make, revision_open
from canvas_app.services.options import (
    option_create,
    option_delete,
    option_update,
    short_list,
)
from canvas_app.services.snapshots import (
    content_fingerprint,
    snapshot_content,
    snapshot_name,
    snapshot_restore,
)

from .test_record import INPUTS, api

PROPOSAL = {**INPUTS, "savings": 400_000}
DIMMING = {**INPUTS, "capex": 150_000, "savings": 120_000}
CENTRAL = {**INPUTS, "capex": 2_600_000, "savings": 500_000}


@pytest.fixture
def planned(canvas, editor):
    """A short list of BAU and three options (the LED retrofit preferred) and a benefit."""
    option_create(
        canvas=canvas,
        by=editor,
        name="LED retrofit",
        kind="do_something",
        inputs=PROPOSAL,
        preferred=True,
        project_type="standard_civil_engineering",
        mitigation=0.5,
    )
    option_create(
        canvas=canvas, by=editor, name="Part-night dimming", kind="do_minimum", inputs=DIMMING
    )
    option_create(
        canvas=canvas, by=editor, name="Central management", kind="do_something", inputs=CENTRAL
    )
    benefit = benefit_create(
        canvas=canvas,
        by=editor,
        name="Street-lighting electricity",
        unit="MWh/yr",
        baseline=3000,
        baseline_date=date(2026, 1, 1),
        target=1200,
        target_date=date(2028, 1, 1),
        owner="Energy manager",
    )
    measurement_add(benefit=benefit, by=editor, date=date(2026, 7, 1), value=2700)
    return canvas


def named(canvas) -> dict[str, Option]:
    return {option.name: option for option in short_list(canvas)}


def test_a_snapshot_keeps_the_short_list_and_the_plan_without_measurements(planned, editor):
    content = snapshot_name(canvas=planned, by=editor, name="Before").content

    assert [(o["name"], o["kind"], o["preferred"]) for o in content["options"]] == [
        ("Business as usual", "bau", False),
        ("LED retrofit", "do_something", True),
        ("Part-night dimming", "do_minimum", False),
        ("Central management", "do_something", False),
    ]
    assert content["options"][1]["inputs"]["savings"] == 400_000
    assert content["options"][1]["optimism_bias"]["mitigation"] == 0.5
    [benefit] = content["benefits"]
    assert (benefit["target"], benefit["target_date"]) == (1200, "2028-01-01")
    assert "measurements" not in benefit


def change_the_short_list(canvas, editor) -> None:
    option_update(option=named(canvas)["Central management"], by=editor, preferred=True)
    options = named(canvas)  # as they are now that the preference moved
    option_update(option=options["LED retrofit"], by=editor, inputs={**PROPOSAL, "opex": 25_000})
    option_delete(option=options["Part-night dimming"], by=editor)
    option_create(canvas=canvas, by=editor, name="Solar lamps", kind="do_something", inputs=INPUTS)


def test_a_diff_shows_the_options_and_benefits_that_changed(planned, editor):
    before = snapshot_name(canvas=planned, by=editor, name="Before")
    change_the_short_list(planned, editor)
    benefit_update(benefit=planned.benefits.get(), by=editor, target=1000)
    benefit_create(
        canvas=planned,
        by=editor,
        name="Residents satisfied with lighting",
        unit="%",
        baseline=62,
        baseline_date=date(2026, 1, 1),
        target=75,
        target_date=date(2027, 7, 1),
        owner="Citizen services",
    )

    diff = api(editor).get(f"/api/v1/canvases/{planned.pk}/snapshots/{before.pk}/diff/").json()

    options = diff["options"]
    assert [o["name"] for o in options["added"]] == ["Solar lamps"]
    assert [o["name"] for o in options["removed"]] == ["Part-night dimming"]
    [led] = options["changed"]
    assert led["name"] == "LED retrofit"
    assert led["inputs"] == {"opex": {"before": 20_000, "after": 25_000}}
    assert (options["preferred"]["before"]["name"], options["preferred"]["after"]["name"]) == (
        "LED retrofit",
        "Central management",
    )
    benefits = diff["benefits"]
    assert [b["name"] for b in benefits["added"]] == ["Residents satisfied with lighting"]
    assert benefits["changed"][0]["fields"] == {"target": {"before": 1200, "after": 1000}}


def test_the_compare_page_lists_the_changed_options_and_benefits(client, planned, editor):
    before = snapshot_name(canvas=planned, by=editor, name="Before")
    change_the_short_list(planned, editor)
    benefit_update(benefit=planned.benefits.get(), by=editor, target_date=date(2029, 1, 1))
    client.force_login(editor)

    html = client.get(
        f"/canvases/{planned.pk}/compare/?base={before.pk}&target=now"
    ).content.decode()

    assert "Preferred option" in html
    assert '<ins class="diff-insert">' in html and "Solar lamps" in html
    assert "Part-night dimming" in html
    assert "Changed: LED retrofit" in html and "20,000" in html and "25,000" in html
    assert "Changed: Street-lighting electricity" in html and "Target date" in html


def test_a_snapshot_from_before_the_short_list_is_compared_without_it(client, planned, editor):
    old = snapshot_name(canvas=planned, by=editor, name="Old")
    content = {k: v for k, v in old.content.items() if k not in ("options", "benefits")}
    Snapshot.objects.filter(pk=old.pk).update(content=content)
    client.force_login(editor)

    diff = api(editor).get(f"/api/v1/canvases/{planned.pk}/snapshots/{old.pk}/diff/").json()
    html = client.get(f"/canvases/{planned.pk}/compare/?base={old.pk}&target=now").content
    assert diff["options"] is None and diff["benefits"] is None
    assert "before snapshots recorded the short list" in html.decode()


@pytest.fixture
def approved(planned, people, editor):
    canvas_transition(canvas=planned, by=editor, to=Stage.CONSULTATION)
    canvas_transition(canvas=planned, by=editor, to=Stage.REVIEW)
    decision_make(canvas=planned, by=people["approver"], outcome="approve", rationale="Sound.")
    planned.refresh_from_db()
    return planned


def test_restoring_brings_back_the_short_list_keeping_business_as_usual(approved, editor):
    snapshot = Snapshot.objects.get(canvas=approved, stage=Stage.APPROVED)
    bau = approved.options.get(kind=OptionKind.BAU)
    revision_open(canvas=approved, by=editor)
    approved.refresh_from_db()
    change_the_short_list(approved, editor)
    option_update(option=bau, by=editor, name="Keep the sodium lamps")

    snapshot_restore(snapshot=snapshot, by=editor)

    def shown(rows):
        return sorted((o["name"], o["kind"], o["preferred"], str(o["inputs"])) for o in rows)

    assert shown(snapshot_content(approved)["options"]) == shown(snapshot.content["options"])
    assert approved.options.get(kind=OptionKind.BAU).pk == bau.pk
    # A removed option comes back under a new id, and is still the same option to the diff.
    diff = api(editor).get(f"/api/v1/canvases/{approved.pk}/snapshots/{snapshot.pk}/diff/")
    assert diff.json()["options"] == {
        "added": [],
        "removed": [],
        "changed": [],
        "preferred": None,
    }
    approved.impact_inputs.refresh_from_db()
    assert approved.impact_inputs.values == snapshot.content["inputs"]


def test_restoring_a_short_list_of_another_appraisal_period_builds_it_anew(planned, editor):
    snapshot = snapshot_name(canvas=planned, by=editor, name="Twenty years")
    for option in short_list(planned):
        if option.kind != OptionKind.BAU and not option.preferred:
            option_delete(option=option, by=editor)
    preferred = planned.options.get(preferred=True)
    option_update(option=preferred, by=editor, inputs={**PROPOSAL, "lifetime_years": 15})

    snapshot_restore(snapshot=snapshot, by=editor)

    restored = snapshot_content(planned)["options"]
    assert {o["name"] for o in restored} == {o["name"] for o in snapshot.content["options"]}
    assert {o["inputs"]["lifetime_years"] for o in restored if o["inputs"]} == {20}
    assert planned.options.get(preferred=True).name == "LED retrofit"


def test_restoring_a_snapshot_from_before_the_short_list_leaves_it_alone(planned, editor):
    old = snapshot_name(canvas=planned, by=editor, name="Old")
    content = {k: v for k, v in old.content.items() if k not in ("options", "benefits")}
    Snapshot.objects.filter(pk=old.pk).update(content=content)
    old.refresh_from_db()
    option_create(canvas=planned, by=editor, name="Solar lamps", kind="do_something", inputs=INPUTS)

    snapshot_restore(snapshot=old, by=editor)

    assert "Solar lamps" in named(planned)
    assert planned.options.get(preferred=True).inputs == content["inputs"]


def test_an_older_decision_keeps_its_fingerprint(planned):
    content = snapshot_content(planned)
    older = {k: v for k, v in content.items() if k not in ("options", "benefits")}
    chosen = {key: older.get(key) for key in ("cards", "inputs", "parameters", "funding")}
    canonical = json.dumps(chosen, sort_keys=True, default=str, separators=(",", ":"))

    assert content_fingerprint(older) == hashlib.sha256(canonical.encode()).hexdigest()


def test_a_decision_covers_the_short_list(approved, editor):
    decision = approved.decisions.get()
    snapshot = Snapshot.objects.get(canvas=approved, stage=Stage.APPROVED)
    other_options = json.loads(json.dumps(snapshot.content))
    other_options["options"][2]["optimism_bias"]["mitigation"] = 0.9

    assert decision.fingerprint == content_fingerprint(snapshot.content)
    assert content_fingerprint(other_options) != decision.fingerprint
