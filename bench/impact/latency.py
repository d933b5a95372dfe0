"""Save-to-done latency: impact inputs saved through the service, scored by a real worker.

Saves follow a fixed schedule (open loop): a slow assessment does not delay the next save,
so queueing in the worker shows up in the figures. The clock starts at the save's commit,
taken by an on-commit hook registered before the service's own (which publishes the task).
"""

import statistics
import time
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction

from canvas_app.models import Assessment, AssessmentStatus, Canvas
from canvas_app.services.impact import impact_inputs_update

from .seed import Fixture, varied_inputs
from .stats import percentile, rounded

POLL_INTERVAL_S = 0.010
SAVE_TIMEOUT_S = 30.0
WARMUP_SAVES = 2  # the worker's first tasks open its database connection


@dataclass
class Save:
    number: int
    canvas_id: int
    assessment_id: int | None = None
    committed: float = 0.0  # perf_counter at commit
    committed_at: float = 0.0  # wall clock at commit, to compare with the row's timestamps
    observed_ms: float | None = None  # commit to this process seeing status "done"
    status: str = ""
    started_at: datetime | None = None
    finished_at: datetime | None = None
    duration_ms: float | None = None  # the worker's own engine time, as it recorded it

    def since_commit_ms(self, moment: datetime | None) -> float | None:
        return None if moment is None else (moment.timestamp() - self.committed_at) * 1000


@dataclass
class LatencyRun:
    saves: list[Save] = field(default_factory=list)
    timed_out: list[Save] = field(default_factory=list)


def _save(fixture: Fixture, number: int) -> Save:
    canvas_id = fixture.canvas_ids[number % len(fixture.canvas_ids)]
    save = Save(number=number, canvas_id=canvas_id)
    canvas = Canvas.objects.select_related("council").get(pk=canvas_id)
    # Each save raises opex a little, so each one changes the fingerprint.
    values = varied_inputs(fixture.canvas_ids.index(canvas_id), opex_step=number + 1.0)

    def committed() -> None:
        save.committed, save.committed_at = time.perf_counter(), time.time()

    with transaction.atomic():
        transaction.on_commit(committed)
        inputs = impact_inputs_update(canvas=canvas, by=fixture.editor, values=values)
    save.assessment_id = (
        Assessment.objects.filter(canvas_id=canvas_id, inputs_version=inputs.version)
        .order_by("-id")
        .values_list("pk", flat=True)
        .first()
    )
    return save


def _poll(pending: dict[int, Save]) -> None:
    """One query for every assessment still on its way."""
    rows = Assessment.objects.filter(
        pk__in=list(pending), status__in=[AssessmentStatus.DONE, AssessmentStatus.FAILED]
    ).values_list("pk", "status", "started_at", "finished_at", "duration_ms")
    seen = time.perf_counter()
    for pk, status, started_at, finished_at, duration_ms in rows:
        save = pending.pop(pk)
        save.observed_ms = (seen - save.committed) * 1000
        save.status, save.started_at, save.finished_at = status, started_at, finished_at
        save.duration_ms = duration_ms


def run(fixture: Fixture, saves: int, spacing_s: float, log) -> LatencyRun:
    result = LatencyRun()
    pending: dict[int, Save] = {}
    total = saves + WARMUP_SAVES
    start = time.perf_counter()
    number = 0
    while number < total or pending:
        now = time.perf_counter()
        if number < total and now >= start + number * spacing_s:
            save = _save(fixture, number)
            if save.assessment_id is None:
                raise RuntimeError(f"save {number} asked for no assessment (unchanged inputs?)")
            pending[save.assessment_id] = save
            result.saves.append(save)
            number += 1
            continue
        if pending:
            _poll(pending)
            for save in [s for s in pending.values() if now - s.committed > SAVE_TIMEOUT_S]:
                log(f"  save {save.number}: no result after {SAVE_TIMEOUT_S:.0f} s, giving up")
                result.timed_out.append(pending.pop(save.assessment_id))
        time.sleep(POLL_INTERVAL_S)
    return result


def _distribution(values: list[float]) -> dict[str, float | None]:
    return {
        "median_ms": rounded(statistics.median(values)) if values else None,
        "p95_ms": rounded(percentile(values, 0.95)),
        "max_ms": rounded(max(values, default=float("nan"))),
    }


def summarize(run_: LatencyRun, spacing_s: float, target_p95_ms: float) -> dict[str, object]:
    measured = [s for s in run_.saves[WARMUP_SAVES:] if s.observed_ms is not None]
    done = [s for s in measured if s.status == AssessmentStatus.DONE]
    observed = [s.observed_ms for s in done]
    finished = [s.since_commit_ms(s.finished_at) for s in done]
    queued = [s.since_commit_ms(s.started_at) for s in done]
    engine = [s.duration_ms for s in done if s.duration_ms is not None]
    p95 = percentile(observed, 0.95)
    return {
        "saves": len(run_.saves) - WARMUP_SAVES,
        "warmup_saves": WARMUP_SAVES,
        "spacing_ms": round(spacing_s * 1000),
        "done": len(done),
        "failed": len([s for s in measured if s.status == AssessmentStatus.FAILED]),
        "timed_out": len([s for s in run_.timed_out if s.number >= WARMUP_SAVES]),
        # Commit until this process saw "done" (polling every 10 ms): what a user waits.
        "observed": _distribution(observed),
        # Commit until the worker's finished_at timestamp (no polling delay).
        "finished_at": _distribution([v for v in finished if v is not None]),
        # Commit until the worker claimed the task: broker and queueing.
        "queue": _distribution([v for v in queued if v is not None]),
        "worker_engine": _distribution(engine),
        "target_p95_ms": target_p95_ms,
        "met": bool(done)
        and len(done) == len(measured) == len(run_.saves) - WARMUP_SAVES
        and p95 <= target_p95_ms,
    }
