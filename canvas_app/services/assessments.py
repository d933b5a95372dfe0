"""Assessments: asking for one and computing one (re-scoring in bulk: rescoring.py).

An assessment is keyed by the fingerprint of everything it is computed from
(inputs, parameters, funding, method version, risk seed), so asking twice, or
running the task twice, never gives a second one.
"""

import hashlib
import json
import logging
import time
from dataclasses import dataclass
from functools import cached_property

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from canvas_app import impact
from canvas_app.models import (
    Assessment,
    AssessmentStatus,
    Canvas,
    FundingSource,
    ImpactInputs,
    MethodParameters,
)

from .access import ensure_canvas_editable
from .validation import require

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """Everything one assessment is computed from, as stored with it."""

    inputs: dict
    parameters: dict
    funding: list[dict]
    inputs_version: int
    parameters_version: int
    risk_seed: int

    @cached_property  # computed up to three times per canvas in a re-score
    def fingerprint(self) -> str:
        payload = {
            "method": impact.METHOD_VERSION,
            "inputs": self.inputs,
            "parameters": self.parameters,
            "funding": self.funding,
            "seed": self.risk_seed,
        }
        canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


def risk_seed_of(canvas: Canvas) -> int:
    # The same revision always gives the same risk result (method, section 5).
    return impact.seed_for(f"canvas:{canvas.pk}:revision:{canvas.revision}")


def snapshot_of(
    canvas: Canvas,
    inputs: ImpactInputs,
    parameters: MethodParameters | None,
    funding: list[FundingSource],
) -> Snapshot:
    return Snapshot(
        inputs=inputs.values,
        parameters=parameters.values if parameters else impact.MethodParameters().as_dict(),
        funding=[
            {"name": s.name, "kind": s.kind, "amount": s.amount, "secured": s.secured}
            for s in funding
        ],
        inputs_version=inputs.version,
        parameters_version=parameters.version if parameters else 0,
        risk_seed=risk_seed_of(canvas),
    )


def evaluate(snapshot: Snapshot) -> impact.AssessmentResult:
    """Run the engine on a snapshot. Raises impact.InputError if it does not validate."""
    return impact.assess(
        impact.validate_inputs(snapshot.inputs),
        impact.validate_parameters(snapshot.parameters),
        impact.validate_funding(snapshot.funding),
        risk_seed=snapshot.risk_seed,
    )


def snapshot_fields(snapshot: Snapshot) -> dict:
    return {
        "method_version": impact.METHOD_VERSION,
        "inputs": snapshot.inputs,
        "parameters": snapshot.parameters,
        "funding": snapshot.funding,
        "inputs_version": snapshot.inputs_version,
        "parameters_version": snapshot.parameters_version,
        "risk_seed": snapshot.risk_seed,
    }


def result_fields(result: impact.AssessmentResult, started: float) -> dict:
    data = result.as_dict()
    scores = data["scores"]
    return {
        "status": AssessmentStatus.DONE,
        "error": "",
        "result": data,
        "economic": scores["economic"],
        "environmental": scores["environmental"],
        "social": scores["social"],
        "overall": scores["overall_arithmetic"],
        "capex": data["cba"]["total_capex"],
        "finished_at": timezone.now(),
        "duration_ms": (time.perf_counter() - started) * 1000,
    }


# Asking ---------------------------------------------------------------------


def current_snapshot(canvas: Canvas) -> Snapshot | None:
    inputs = ImpactInputs.objects.filter(canvas=canvas).first()
    if inputs is None:
        return None
    parameters = MethodParameters.objects.filter(council_id=canvas.council_id).first()
    return snapshot_of(canvas, inputs, parameters, list(canvas.funding_sources.all()))


@transaction.atomic
def assessment_request(*, canvas: Canvas) -> Assessment | None:
    """Make sure an assessment of the canvas as it is now exists or is on its way.

    Returns None when the canvas has no impact inputs yet.
    """
    snapshot = current_snapshot(canvas)
    if snapshot is None:
        return None
    now = timezone.now()
    assessment, created = Assessment.objects.get_or_create(
        canvas=canvas,
        fingerprint=snapshot.fingerprint,
        defaults={**snapshot_fields(snapshot), "requested_at": now},
    )
    if not created:
        # The canvas is back to a state already assessed: that assessment is current again.
        retry = assessment.status == AssessmentStatus.FAILED
        Assessment.objects.filter(pk=assessment.pk).update(
            requested_at=now,
            inputs_version=snapshot.inputs_version,
            parameters_version=snapshot.parameters_version,
            **({"status": AssessmentStatus.QUEUED, "error": ""} if retry else {}),
        )
        assessment.refresh_from_db()
        if not retry:
            return assessment
    enqueue_assessment(assessment.pk)
    return assessment


def reassessment_request(*, canvas: Canvas, by) -> Assessment:
    """An editor asks for the scores again; ValidationError if there is nothing to score."""
    ensure_canvas_editable(by, canvas)
    assessment = assessment_request(canvas=canvas)
    require(assessment is not None, "impact_inputs", _("Enter the impact inputs first."))
    return assessment


def enqueue_assessment(assessment_id: int) -> None:
    """Queue the task once the transaction commits, so the worker finds the row."""
    transaction.on_commit(lambda: send_assessment(assessment_id))


def send_assessment(assessment_id: int) -> None:
    """Queue the task now; a broker that is down is logged, not raised."""
    from canvas_app.tasks import assess  # tasks import services; import here, not at the top

    try:
        assess.delay(assessment_id)
    except Exception:  # the broker is down: the row is saved, the sweep queues it later
        logger.warning("Could not queue assessment %s; the sweep will retry", assessment_id)


def enqueue_council_rescore(council_id: int) -> None:
    def send() -> None:
        from canvas_app.tasks import rescore_council

        try:
            rescore_council.delay(council_id)
        except Exception:
            logger.warning("Could not queue the re-scoring of council %s", council_id)

    transaction.on_commit(send)


# Computing ------------------------------------------------------------------


def assessment_run(*, assessment_id: int) -> Assessment | None:
    """Compute a queued assessment. Safe to call twice: a done one is left alone."""
    claimed = (
        Assessment.objects.filter(pk=assessment_id)
        .exclude(status=AssessmentStatus.DONE)
        .update(
            status=AssessmentStatus.RUNNING,
            started_at=timezone.now(),
            attempts=F("attempts") + 1,
        )
    )
    if not claimed:
        return None
    assessment = Assessment.objects.get(pk=assessment_id)
    started = time.perf_counter()
    snapshot = Snapshot(
        inputs=assessment.inputs,
        parameters=assessment.parameters,
        funding=assessment.funding,
        inputs_version=assessment.inputs_version,
        parameters_version=assessment.parameters_version,
        risk_seed=assessment.risk_seed,
    )
    try:
        fields = result_fields(evaluate(snapshot), started)
    except impact.InputError as error:  # a permanent problem: retrying cannot help
        fields = {"status": AssessmentStatus.FAILED, "error": str(error)}
        fields["finished_at"] = timezone.now()
    Assessment.objects.filter(pk=assessment_id).update(**fields)
    assessment.refresh_from_db()
    return assessment


def latest_assessment(canvas: Canvas) -> Assessment | None:
    return canvas.assessments.order_by("-requested_at", "-id").first()
