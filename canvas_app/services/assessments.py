"""Assessments: asking for one and computing one (re-scoring in bulk: rescoring.py).

An assessment is keyed by the fingerprint of everything it is computed from
(inputs, parameters, funding, method version, risk seed), so asking twice, or
running the task twice, never gives a second one.
"""

import hashlib
import json
import logging
import time
from dataclasses import dataclass, field
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
    Option,
)

from .access import ensure_canvas_editable
from .validation import require

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """Everything one assessment is computed from, as stored with it."""

    inputs: dict | None  # the preferred option's; None when business as usual is preferred
    parameters: dict
    funding: list[dict]
    inputs_version: int
    parameters_version: int
    risk_seed: int
    options: list[dict] = field(default_factory=list)  # the short list, when it has one

    @cached_property  # computed up to three times per canvas in a re-score
    def fingerprint(self) -> str:
        payload = {
            "method": impact.METHOD_VERSION,
            "inputs": self.inputs,
            "parameters": self.parameters,
            "funding": self.funding,
            "seed": self.risk_seed,
            "options": self.options,
        }
        canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


def risk_seed_of(canvas: Canvas) -> int:
    # The same revision always gives the same risk result (method, section 5).
    return impact.seed_for(f"canvas:{canvas.pk}:revision:{canvas.revision}")


def option_rows(options: list[Option]) -> list[dict]:
    """The short list as the engine and the fingerprint read it."""
    return [
        {
            "key": option.pk,
            "name": option.name,
            "kind": option.kind,
            "preferred": option.preferred,
            "inputs": option.inputs,
            "project_type": option.project_type or None,
            "mitigation": option.mitigation,
            "works_duration_months": option.works_duration_months,
        }
        for option in options
    ]


def snapshot_of(
    canvas: Canvas,
    inputs: ImpactInputs | None,
    parameters: MethodParameters | None,
    funding: list[FundingSource],
    options: list[Option] = (),
) -> Snapshot:
    rows = option_rows(list(options))
    preferred = next((row for row in rows if row["preferred"]), None)
    values = inputs.values if inputs else None
    if preferred is not None:  # the short list speaks for the preferred option
        # Its inputs are kept once, as the snapshot's (and the assessment's) `inputs`.
        values, preferred["inputs"] = preferred["inputs"], None
    return Snapshot(
        inputs=values,
        parameters=parameters.values if parameters else impact.MethodParameters().as_dict(),
        funding=[
            {"name": s.name, "kind": s.kind, "amount": s.amount, "secured": s.secured}
            for s in funding
        ],
        inputs_version=inputs.version if inputs else 0,
        parameters_version=parameters.version if parameters else 0,
        risk_seed=risk_seed_of(canvas),
        options=rows if len(rows) > 1 else [],
    )


@dataclass(frozen=True)
class Evaluation:
    result: impact.AssessmentResult | None  # the preferred option's; None for BAU preferred
    appraisal: dict | None  # the short list's, when the canvas has one


def evaluate(snapshot: Snapshot) -> Evaluation:
    """Run the engine on a snapshot: the preferred option's assessment and, with a short
    list, the appraisal of every option. Raises impact.InputError if it does not validate."""
    parameters = impact.validate_parameters(snapshot.parameters)
    funding = impact.validate_funding(snapshot.funding)
    if not snapshot.options:
        result = impact.assess(
            impact.validate_inputs(snapshot.inputs),
            parameters,
            funding,
            risk_seed=snapshot.risk_seed,
        )
        return Evaluation(result, None)
    appraisal = impact.appraise(
        [
            engine_option(
                {**row, "inputs": snapshot.inputs}
                if row["preferred"] and row["kind"] != "bau"
                else row
            )
            for row in snapshot.options
        ],
        parameters,
        funding,
        risk_seed=snapshot.risk_seed,
    )
    return Evaluation(appraisal.preferred_result.assessment, appraisal.as_dict())


def engine_option(row: dict) -> impact.Option:
    return impact.Option(
        key=row["key"],
        name=row["name"],
        kind=row["kind"],
        inputs=impact.validate_inputs(row["inputs"]) if row["inputs"] is not None else None,
        preferred=row["preferred"],
        project_type=row["project_type"],
        mitigation=row["mitigation"],
        works_duration_months=row["works_duration_months"],
    )


def snapshot_fields(snapshot: Snapshot) -> dict:
    return {
        "method_version": impact.METHOD_VERSION,
        "inputs": snapshot.inputs or {},
        "options": snapshot.options,
        "parameters": snapshot.parameters,
        "funding": snapshot.funding,
        "inputs_version": snapshot.inputs_version,
        "parameters_version": snapshot.parameters_version,
        "risk_seed": snapshot.risk_seed,
    }


def result_fields(evaluation: Evaluation, started: float) -> dict:
    data = evaluation.result.as_dict() if evaluation.result is not None else None
    scores = data["scores"] if data else {}
    return {
        "status": AssessmentStatus.DONE,
        "error": "",
        "result": data,
        "appraisal": evaluation.appraisal,
        "economic": scores.get("economic"),
        "environmental": scores.get("environmental"),
        "social": scores.get("social"),
        "overall": scores.get("overall_arithmetic"),
        "capex": data["cba"]["total_capex"] if data else None,
        "finished_at": timezone.now(),
        "duration_ms": (time.perf_counter() - started) * 1000,
    }


# Asking ---------------------------------------------------------------------


def current_snapshot(canvas: Canvas) -> Snapshot | None:
    """What an assessment of the canvas now is computed from; None if nothing can be
    scored yet (no impact inputs and no option with inputs)."""
    inputs = ImpactInputs.objects.filter(canvas=canvas).first()
    options = list(canvas.options.order_by("position", "id"))
    if inputs is None and not any(option.inputs for option in options):
        return None
    parameters = MethodParameters.objects.filter(council_id=canvas.council_id).first()
    funding = list(canvas.funding_sources.all())
    return snapshot_of(canvas, inputs, parameters, funding, options)


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
        inputs=assessment.inputs or None,
        parameters=assessment.parameters,
        funding=assessment.funding,
        inputs_version=assessment.inputs_version,
        parameters_version=assessment.parameters_version,
        risk_seed=assessment.risk_seed,
        options=assessment.options,
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
