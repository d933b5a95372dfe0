"""Assessments: one per fingerprint, idempotent tasks, the sweep and re-scoring."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from canvas_app.models import Assessment, AssessmentStatus
from canvas_app.services.assessments import assessment_request, assessment_run
from canvas_app.services.impact import impact_inputs_update, method_parameters_update
from canvas_app.services.rescoring import (
    assessments_refresh,
    assessments_sweep,
    council_rescore_chunks,
)
from canvas_app.tasks import assess, rescore_council, sweep_assessments

from ..factories import CanvasFactory


def test_saving_inputs_produces_a_done_assessment_after_commit(
    canvas, editor, led_inputs, run_on_commit
):
    run_on_commit(impact_inputs_update, canvas=canvas, by=editor, values=led_inputs)

    assessment = Assessment.objects.get(canvas=canvas)
    assert assessment.status == AssessmentStatus.DONE
    assert round(assessment.economic, 2) == 77.42
    assert round(assessment.environmental, 2) == 80.00
    assert round(assessment.social, 2) == 55.00
    assert assessment.result["method_version"] == 2
    assert assessment.inputs["capex"] == 2_000_000
    assert assessment.parameters["carbon_price"] == 250
    assert assessment.duration_ms > 0


def test_the_assessment_waits_for_the_commit(canvas, editor, led_inputs):
    impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)  # no commit in this test

    assert Assessment.objects.get(canvas=canvas).status == AssessmentStatus.QUEUED


def test_running_the_task_twice_gives_one_assessment(canvas, editor, led_inputs):
    impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)
    assessment = Assessment.objects.get(canvas=canvas)

    assess(assessment.pk)
    first = Assessment.objects.get(pk=assessment.pk)
    assess(assessment.pk)

    assert Assessment.objects.filter(canvas=canvas).count() == 1
    again = Assessment.objects.get(pk=assessment.pk)
    assert again.finished_at == first.finished_at  # the second run did nothing
    assert again.attempts == 1


def test_asking_again_for_an_unchanged_canvas_reuses_its_assessment(canvas, editor, led_inputs):
    impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)
    first = assessment_request(canvas=canvas)
    second = assessment_request(canvas=canvas)

    assert first.pk == second.pk
    assert Assessment.objects.filter(canvas=canvas).count() == 1


def test_going_back_to_earlier_inputs_makes_their_assessment_current_again(
    canvas, editor, led_inputs, run_on_commit
):
    run_on_commit(impact_inputs_update, canvas=canvas, by=editor, values=led_inputs)
    run_on_commit(impact_inputs_update, canvas=canvas, by=editor, values={**led_inputs, "opex": 1})
    run_on_commit(impact_inputs_update, canvas=canvas, by=editor, values=led_inputs)

    latest = canvas.assessments.order_by("-requested_at").first()
    assert Assessment.objects.filter(canvas=canvas).count() == 2
    assert latest.inputs["opex"] == 20_000
    assert latest.inputs_version == 3


def test_the_same_revision_gives_the_same_risk_result(canvas, editor, led_inputs, council):
    other = CanvasFactory(council=council, owner=editor)
    for target in (canvas, other):
        impact_inputs_update(canvas=target, by=editor, values=led_inputs)
        assess(target.assessments.get().pk)

    mine, theirs = canvas.assessments.get(), other.assessments.get()
    rerun = assessments_refresh(canvas_ids=[canvas.pk])

    assert rerun == 0  # nothing changed: nothing computed
    assert mine.result["risk"]["seed"] != theirs.result["risk"]["seed"]  # seeded per canvas
    assert mine.result["risk"] == canvas.assessments.get().result["risk"]


def test_an_assessment_that_cannot_be_computed_is_failed_with_the_error(canvas, editor, led_inputs):
    impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)
    assessment = Assessment.objects.get(canvas=canvas)
    Assessment.objects.filter(pk=assessment.pk).update(inputs={**assessment.inputs, "capex": -1})

    assessment_run(assessment_id=assessment.pk)

    failed = Assessment.objects.get(pk=assessment.pk)
    assert failed.status == AssessmentStatus.FAILED
    assert "capex" in failed.error


def test_the_sweep_queues_assessments_left_behind(canvas, editor, led_inputs):
    impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)  # queued, never sent
    assessment = Assessment.objects.get(canvas=canvas)
    Assessment.objects.filter(pk=assessment.pk).update(
        requested_at=timezone.now() - timedelta(minutes=10)
    )

    result = assessments_sweep(older_than=timedelta(minutes=2))

    assert result.requeued == [assessment.pk]
    assert Assessment.objects.get(pk=assessment.pk).status == AssessmentStatus.DONE  # in-process


def test_the_sweep_leaves_fresh_work_alone(canvas, editor, led_inputs):
    impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)

    result = assessments_sweep(older_than=timedelta(minutes=2))

    assert result.requeued == [] and result.outdated_canvases == []


def test_the_periodic_task_scores_canvases_whose_assessment_is_missing(canvas, editor, led_inputs):
    impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)
    Assessment.objects.all().delete()
    canvas.impact_inputs.__class__.objects.filter(canvas=canvas).update(
        updated_at=timezone.now() - timedelta(minutes=10)
    )

    counts = sweep_assessments()

    assert counts["outdated"] == 1
    assert Assessment.objects.get(canvas=canvas).status == AssessmentStatus.DONE


def test_only_admins_change_the_method_parameters(council, editor, admin_user):
    with pytest.raises(PermissionDenied):
        method_parameters_update(council=council, by=editor, values={"carbon_price": 100})

    saved = method_parameters_update(council=council, by=admin_user, values={"carbon_price": 100})

    assert saved.values["carbon_price"] == 100
    assert saved.values["social_discount_rate"] == 0.03  # the rest keeps its default


def test_a_parameter_change_rescores_the_council_in_chunks(
    council, editor, admin_user, led_inputs, run_on_commit, settings
):
    canvases = CanvasFactory.create_batch(5, council=council, owner=editor)
    for target in canvases:
        run_on_commit(impact_inputs_update, canvas=target, by=editor, values=led_inputs)

    # A goalpost twice as far halves EN1: 450 t of 1,000 t → 45.
    run_on_commit(
        method_parameters_update,
        council=council,
        by=admin_user,
        values={"ghg_goalpost_share": 0.002},
    )

    for target in canvases:
        latest = target.assessments.order_by("-requested_at").first()
        assert latest.parameters_version == 1
        assert latest.status == AssessmentStatus.DONE
        assert round(latest.environmental, 2) == 57.50  # 0.5 × 45 + 0.3 × 100 + 0.2 × 25


def test_rescore_chunks_cover_every_scored_canvas_once(council, editor, led_inputs, monkeypatch):
    from canvas_app.services import rescoring

    monkeypatch.setattr(rescoring, "RESCORE_CHUNK_SIZE", 2)
    canvases = CanvasFactory.create_batch(5, council=council, owner=editor)
    for target in canvases[:4]:
        impact_inputs_update(canvas=target, by=editor, values=led_inputs)

    chunks = council_rescore_chunks(council_id=council.pk)

    assert [len(chunk) for chunk in chunks] == [2, 2]
    assert sorted(sum(chunks, [])) == sorted(c.pk for c in canvases[:4])
    assert rescore_council(council.pk) == 2


def test_a_reassessment_needs_an_editor_and_impact_inputs(canvas, editor, viewer, led_inputs):
    from django.core.exceptions import ValidationError

    from canvas_app.services.assessments import reassessment_request

    with pytest.raises(ValidationError):
        reassessment_request(canvas=canvas, by=editor)
    impact_inputs_update(canvas=canvas, by=editor, values=led_inputs)
    with pytest.raises(PermissionDenied):
        reassessment_request(canvas=canvas, by=viewer)

    assert reassessment_request(canvas=canvas, by=editor).canvas == canvas
