"""Assessments: asking for one, computing one, and keeping them all current.

An assessment is keyed by the fingerprint of everything it is computed from
(inputs, parameters, funding, method version, risk seed), so asking twice, or
running the task twice, never gives a second one.
"""

import hashlib
import json
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property

from django.db import transaction
from django.db.models import Exists, F, JSONField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from canvas_app import impact
from canvas_app.models import (
    Assessment,
    AssessmentStatus,
    Canvas,
    FundingSource,
    ImpactInputs,
    MethodParameters,
)

logger = logging.getLogger(__name__)

RESCORE_CHUNK_SIZE = 100


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


def _snapshot_fields(snapshot: Snapshot) -> dict:
    return {
        "method_version": impact.METHOD_VERSION,
        "inputs": snapshot.inputs,
        "parameters": snapshot.parameters,
        "funding": snapshot.funding,
        "inputs_version": snapshot.inputs_version,
        "parameters_version": snapshot.parameters_version,
        "risk_seed": snapshot.risk_seed,
    }


def _result_fields(result: impact.AssessmentResult, started: float) -> dict:
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
        defaults={**_snapshot_fields(snapshot), "requested_at": now},
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


def enqueue_assessment(assessment_id: int) -> None:
    """Queue the task once the transaction commits, so the worker finds the row."""
    transaction.on_commit(lambda: _send(assessment_id))


def _send(assessment_id: int) -> None:
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
        fields = _result_fields(evaluate(snapshot), started)
    except impact.InputError as error:  # a permanent problem: retrying cannot help
        fields = {"status": AssessmentStatus.FAILED, "error": str(error)}
        fields["finished_at"] = timezone.now()
    Assessment.objects.filter(pk=assessment_id).update(**fields)
    assessment.refresh_from_db()
    return assessment


def assessments_refresh(*, canvas_ids: list[int]) -> int:
    """Bring these canvases' assessments up to date in one go (re-scoring in bulk).

    Computes in this process, without a task per canvas, and writes the chunk in one
    transaction and one statement. Returns how many were computed.
    """
    canvases = list(
        Canvas.objects.filter(pk__in=canvas_ids, impact_inputs__isnull=False)
        .select_related("impact_inputs")
        .prefetch_related("funding_sources")
    )
    council_ids = {canvas.council_id for canvas in canvases}
    parameters = {
        p.council_id: p for p in MethodParameters.objects.filter(council_id__in=council_ids)
    }
    snapshots = {
        canvas.pk: snapshot_of(
            canvas,
            canvas.impact_inputs,
            parameters.get(canvas.council_id),
            list(canvas.funding_sources.all()),
        )
        for canvas in canvases
    }
    done = set(
        Assessment.objects.filter(
            canvas_id__in=snapshots,
            fingerprint__in=[s.fingerprint for s in snapshots.values()],
            status=AssessmentStatus.DONE,
        ).values_list("canvas_id", "fingerprint")
    )
    now = timezone.now()
    current, computed = [], []
    for canvas_id, snapshot in snapshots.items():
        if (canvas_id, snapshot.fingerprint) in done:
            current.append((canvas_id, snapshot))
        else:
            computed.append(_computed(canvas_id, snapshot, now))
    # One transaction: a commit per canvas would wait for a WAL flush per canvas.
    with transaction.atomic():
        for canvas_id, snapshot in current:
            _mark_current(canvas_id, snapshot, now)
        _upsert(computed)
    return len(computed)


def _mark_current(canvas_id: int, snapshot: Snapshot, now) -> None:
    Assessment.objects.filter(canvas_id=canvas_id, fingerprint=snapshot.fingerprint).exclude(
        inputs_version=snapshot.inputs_version, parameters_version=snapshot.parameters_version
    ).update(
        requested_at=now,
        inputs_version=snapshot.inputs_version,
        parameters_version=snapshot.parameters_version,
    )


def _computed(canvas_id: int, snapshot: Snapshot, now) -> Assessment:
    started = time.perf_counter()
    try:
        fields = _result_fields(evaluate(snapshot), started)
    except impact.InputError as error:
        fields = {"status": AssessmentStatus.FAILED, "error": str(error), "finished_at": now}
    return Assessment(
        canvas_id=canvas_id,
        fingerprint=snapshot.fingerprint,
        **_snapshot_fields(snapshot),
        **fields,
        requested_at=now,
        started_at=now,
    )


JSON_FIELDS = ("inputs", "parameters", "funding", "result")
UPSERT_FIELDS = [
    "status",
    "error",
    "result",
    "economic",
    "environmental",
    "social",
    "overall",
    "capex",
    "finished_at",
    "duration_ms",
    "method_version",
    "inputs",
    "parameters",
    "funding",
    "inputs_version",
    "parameters_version",
    "risk_seed",
    "requested_at",
    "started_at",
]


def _upsert(rows: list[Assessment]) -> None:
    """Insert the chunk's assessments, or overwrite those with the same fingerprint."""
    for row in rows:
        # As expressions, the JSON values make Django build a multi-row VALUES insert:
        # its UNNEST strategy (5.2) would dump them as text arrays, escaping every quote
        # of every document in Python. None stays None: Value(None) would store JSON null.
        for name in JSON_FIELDS:
            if (value := getattr(row, name)) is not None:
                setattr(row, name, Value(value, output_field=JSONField()))
    Assessment.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["canvas", "fingerprint"],
        update_fields=UPSERT_FIELDS,
    )


def council_rescore_chunks(*, council_id: int) -> list[list[int]]:
    """The council's scored canvases, in chunks for the workers."""
    ids = list(
        Canvas.objects.filter(council_id=council_id, impact_inputs__isnull=False)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return [ids[i : i + RESCORE_CHUNK_SIZE] for i in range(0, len(ids), RESCORE_CHUNK_SIZE)]


# Keeping them current -------------------------------------------------------


@dataclass(frozen=True)
class SweepResult:
    requeued: list[int]  # assessment ids queued again
    outdated_canvases: list[int]  # canvases with no current assessment


def assessments_sweep(*, older_than: timedelta = timedelta(minutes=2)) -> SweepResult:
    """Find what a lost message or a down broker left behind.

    Queued or running assessments untouched for a while are queued again; canvases
    whose inputs or parameters changed with no assessment to match are listed
    for re-scoring. Only states older than `older_than` count, so work in
    flight is not doubled.
    """
    cutoff = timezone.now() - older_than
    stuck = Assessment.objects.filter(
        Q(status=AssessmentStatus.QUEUED, requested_at__lt=cutoff)
        | Q(status=AssessmentStatus.RUNNING, started_at__lt=cutoff)
    )
    requeued = list(stuck.values_list("pk", flat=True)[:1000])
    for assessment_id in requeued:
        _send(assessment_id)
    return SweepResult(requeued=requeued, outdated_canvases=_outdated_canvases(cutoff))


def _outdated_canvases(cutoff) -> list[int]:
    council_parameters = MethodParameters.objects.filter(council_id=OuterRef("canvas__council_id"))
    parameters_version = Coalesce(Subquery(council_parameters.values("version")[:1]), Value(0))
    parameters_changed_at = Subquery(council_parameters.values("updated_at")[:1])
    current = Assessment.objects.filter(
        canvas_id=OuterRef("canvas_id"),
        inputs_version=OuterRef("version"),
        parameters_version=OuterRef("parameters_version"),
    )
    pending = Assessment.objects.filter(
        canvas_id=OuterRef("canvas_id"),
        status__in=[AssessmentStatus.QUEUED, AssessmentStatus.RUNNING],
    )
    return list(
        ImpactInputs.objects.annotate(
            parameters_version=parameters_version, parameters_changed_at=parameters_changed_at
        )
        .filter(updated_at__lt=cutoff)
        .filter(Q(parameters_changed_at__isnull=True) | Q(parameters_changed_at__lt=cutoff))
        .exclude(Exists(current))
        .exclude(Exists(pending))
        .values_list("canvas_id", flat=True)[:10_000]
    )


def latest_assessment(canvas: Canvas) -> Assessment | None:
    return canvas.assessments.order_by("-requested_at", "-id").first()
