"""End to end with a real worker: from a save to a done assessment, and the
broker being down when the save happens."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from canvas_app.examples import EXAMPLES
from canvas_app.models import Assessment, AssessmentStatus
from canvas_app.tasks import sweep_assessments

from .conftest import BROKER, UNREACHABLE_BROKER, use_broker, wait_until

pytestmark = pytest.mark.worker

LED_INPUTS = EXAMPLES["led-street-lighting"].impact_inputs


def save_inputs(canvas, user):
    client = APIClient()
    client.force_authenticate(user)
    response = client.put(f"/api/v1/canvases/{canvas.pk}/impact-inputs/", LED_INPUTS, format="json")
    assert response.status_code == 200, response.content
    return response


def done_assessment(canvas):
    return Assessment.objects.filter(canvas=canvas, status=AssessmentStatus.DONE).first()


def test_a_save_reaches_a_done_assessment_through_the_worker(worker, canvas, editor):
    save_inputs(canvas, editor)

    assessment = wait_until(lambda: done_assessment(canvas))

    assert round(assessment.economic, 2) == 77.42
    assert assessment.attempts == 1
    assert "canvas_app.tasks.assess" in worker.read_text()
    assert Assessment.objects.filter(canvas=canvas).count() == 1


def test_a_save_while_the_broker_is_down_is_scored_by_the_sweep_once_it_is_back(
    worker, canvas, editor
):
    use_broker(UNREACHABLE_BROKER)
    save_inputs(canvas, editor)  # the save itself succeeds

    queued = Assessment.objects.get(canvas=canvas)
    assert queued.status == AssessmentStatus.QUEUED
    use_broker(BROKER)
    # Time passes; the periodic sweep (run by the worker, as beat would send it) finds it.
    Assessment.objects.filter(pk=queued.pk).update(
        requested_at=timezone.now() - timedelta(minutes=10)
    )
    sweep_assessments.delay()

    assessment = wait_until(lambda: done_assessment(canvas))
    assert assessment.pk == queued.pk
    assert Assessment.objects.filter(canvas=canvas).count() == 1
