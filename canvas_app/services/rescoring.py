"""Keeping every assessment current without a task per canvas: re-scoring in bulk
after a parameter change, and the periodic sweep for what a lost message or a down
broker left behind."""

import time
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, JSONField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from canvas_app import impact
from canvas_app.models import (
    Assessment,
    AssessmentStatus,
    Canvas,
    ImpactInputs,
    MethodParameters,
)

from .assessments import (
    Snapshot,
    evaluate,
    result_fields,
    send_assessment,
    snapshot_fields,
    snapshot_of,
)

RESCORE_CHUNK_SIZE = 100


def assessments_refresh(*, canvas_ids: list[int]) -> int:
    """Bring these canvases' assessments up to date in one go (re-scoring in bulk).

    Computes in this process, without a task per canvas, and writes the chunk in one
    transaction and one statement. Returns how many were computed.
    """
    canvases = list(
        Canvas.objects.filter(pk__in=canvas_ids, impact_inputs__isnull=False)
        .select_related("impact_inputs")
        .prefetch_related("funding_sources", "options")
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
            sorted(canvas.options.all(), key=lambda option: (option.position, option.pk)),
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
        fields = result_fields(evaluate(snapshot), started)
    except impact.InputError as error:
        fields = {"status": AssessmentStatus.FAILED, "error": str(error), "finished_at": now}
    return Assessment(
        canvas_id=canvas_id,
        fingerprint=snapshot.fingerprint,
        **snapshot_fields(snapshot),
        **fields,
        requested_at=now,
        started_at=now,
    )


JSON_FIELDS = ("inputs", "parameters", "funding", "result", "options", "appraisal")
UPSERT_FIELDS = [
    "status",
    "error",
    "result",
    "options",
    "appraisal",
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
        send_assessment(assessment_id)
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
