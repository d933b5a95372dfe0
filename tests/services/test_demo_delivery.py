"""The demo's LED canvas shows the business case in full on first run: the short list of
worked example 9.1, the benefits of 9.3 with their measurements, and, on its approved
revision, the outturn of 9.2 with lessons learned."""

from datetime import date

import pytest

from canvas_app.models import (
    Assessment,
    Decision,
    Measurement,
    Option,
    Outcome,
    Outturn,
    Snapshot,
    Stage,
)
from canvas_app.selectors.delivery import benefits_at
from canvas_app.services.demo import demo_seed
from canvas_app.services.outturn import outturn_review

MONEY = 0.01


@pytest.fixture
def led(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        summary = demo_seed()
    return summary.council.canvases.get(title="LED street-lighting retrofit")


def test_the_led_canvas_has_the_short_list_of_9_1_appraised(led):
    approval = Snapshot.objects.get(canvas=led, stage=Stage.APPROVED)
    appraisal = Assessment.objects.get(pk=approval.content["assessment"]["id"]).appraisal

    rows = {row["name"]: row for row in appraisal["options"]}
    assert list(rows) == [
        "Business as usual",
        "LED retrofit",
        "Part-night dimming",
        "LED retrofit with central management",
    ]
    assert rows["LED retrofit"]["preferred"] and rows["LED retrofit"]["rank"] == 1
    assert rows["LED retrofit"]["enpv"] == pytest.approx(3_213_440.45, abs=MONEY)
    assert rows["Part-night dimming"]["enpv"] == pytest.approx(1_530_909.61, abs=MONEY)
    assert rows["LED retrofit with central management"]["enpv"] == pytest.approx(
        1_866_088.94, abs=MONEY
    )
    assert appraisal["switching_value_pct"] == pytest.approx(49.22, abs=0.01)
    assert appraisal["flags"] == []


def test_the_led_canvas_has_the_benefits_of_9_3(led):
    views = benefits_at(led, date(2027, 1, 1))

    assert [(v.benefit.name, v.status.status) for v in views] == [
        ("Street-lighting electricity", "green"),
        ("Residents satisfied with lighting", "red"),
        ("Night-time road casualties", "amber"),
    ]
    assert Measurement.objects.filter(benefit__canvas=led).count() == 4


def test_the_approved_revision_has_the_outturn_of_9_2(led):
    review = outturn_review(led)

    assert review.baseline.approved
    assert review.result.enpv_forecast == pytest.approx(3_213_440.45, abs=MONEY)
    assert review.result.enpv_outturn == pytest.approx(3_266_683.92, abs=MONEY)
    assert review.result.flags == ("benefits_shortfall",)  # the 22 % uplift covers the capex
    assert Outturn.objects.get(canvas=led).capex_variance_pct == pytest.approx(15.0)
    assert "pole survey" in review.lessons_learned
    assert Decision.objects.get(canvas=led).outcome == Outcome.APPROVE
    # The second revision is the one the residents are consulted on.
    assert (led.revision, led.stage) == (2, Stage.CONSULTATION)


def test_seeding_again_adds_nothing(led, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo_seed()

    assert Option.objects.filter(canvas=led).count() == 4
    assert led.benefits.count() == 3
    assert Measurement.objects.filter(benefit__canvas=led).count() == 4
    assert Decision.objects.filter(canvas=led).count() == 1
