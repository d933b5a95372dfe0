"""Re-scoring a whole council after a change of its method parameters.

The clock starts at the parameters' commit (the service enqueues `rescore_council` on
commit) and stops when every canvas has a done assessment under the new parameters.
"""

import time
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from canvas_app import impact
from canvas_app.models import Assessment, AssessmentStatus
from canvas_app.services.impact import method_parameters_update
from canvas_app.services.rescoring import RESCORE_CHUNK_SIZE

from . import cpu
from .seed import Fixture

POLL_INTERVAL_S = 0.5  # the end is read from finished_at, so coarse polling loses nothing
PROGRESS_EVERY_S = 5.0


@dataclass
class RescoreRun:
    canvases: int
    parameters_version: int
    seconds: float  # until this process saw the last one done (or gave up)
    done: int
    failed: int
    timed_out: bool
    last_finished_s: float | None  # commit to the last finished_at: no polling delay
    cpu: dict[str, float]


def changed_parameters() -> dict[str, object]:
    # A carbon price other than the default changes every canvas's fingerprint.
    values = impact.MethodParameters().as_dict()
    values["carbon_price"] = 300.0
    return values


def _counts(fixture: Fixture, version: int) -> tuple[int, int]:
    rows = Assessment.objects.filter(
        canvas__council=fixture.council,
        parameters_version=version,
        status__in=[AssessmentStatus.DONE, AssessmentStatus.FAILED],
    )
    done = rows.filter(status=AssessmentStatus.DONE).values("canvas_id").distinct().count()
    return done, rows.filter(status=AssessmentStatus.FAILED).count()


def _last_finished_s(fixture: Fixture, version: int, committed_at: float) -> float | None:
    last = Assessment.objects.filter(
        canvas__council=fixture.council, parameters_version=version
    ).aggregate(last=Max("finished_at"))["last"]
    return None if last is None else last.timestamp() - committed_at


def run(fixture: Fixture, worker_pids: list[int], timeout_s: float, log) -> RescoreRun:
    total = len(fixture.canvas_ids)
    clock: dict[str, float] = {}

    def committed() -> None:
        clock["perf"], clock["wall"] = time.perf_counter(), time.time()

    before = cpu.sample(worker_pids)
    with transaction.atomic():
        transaction.on_commit(committed)  # registered first: runs before the enqueue
        parameters = method_parameters_update(
            council=fixture.council, by=fixture.admin, values=changed_parameters()
        )
    log(
        f"  parameters version {parameters.version} saved; {total} canvases in "
        f"{-(-total // RESCORE_CHUNK_SIZE)} chunks of {RESCORE_CHUNK_SIZE}"
    )
    done = failed = 0
    next_progress = clock["perf"] + PROGRESS_EVERY_S
    while True:
        done, failed = _counts(fixture, parameters.version)
        now = time.perf_counter()
        if done + failed >= total or now - clock["perf"] > timeout_s:
            break
        if now >= next_progress:
            log(f"  {now - clock['perf']:6.1f} s: {done:>6}/{total} done, {failed} failed")
            next_progress += PROGRESS_EVERY_S
        time.sleep(POLL_INTERVAL_S)
    seconds = time.perf_counter() - clock["perf"]
    after = cpu.sample(worker_pids)
    return RescoreRun(
        canvases=total,
        parameters_version=parameters.version,
        seconds=seconds,
        done=done,
        failed=failed,
        timed_out=done + failed < total,
        last_finished_s=_last_finished_s(fixture, parameters.version, clock["wall"]),
        cpu=cpu.usage(before, after),
    )


def _cost(run_: RescoreRun) -> dict[str, float | None]:
    """CPU per canvas: the re-score's cost whatever else the machine is running."""
    if not run_.done or not run_.cpu:
        return {}
    workers_ms = run_.cpu["workers_cpu_s"] * 1000 / run_.done
    postgres_ms = run_.cpu["postgres_cpu_s"] * 1000 / run_.done
    cores = run_.cpu["machine_cores"]
    return {
        "workers_cpu_ms_per_canvas": round(workers_ms, 2),
        "postgres_cpu_ms_per_canvas": round(postgres_ms, 2),
        # What the run would take were all the cores its own: a floor, not a measurement.
        "cpu_bound_estimate_s": round(run_.canvases * (workers_ms + postgres_ms) / 1000 / cores, 1),
    }


def summarize(run_: RescoreRun, target_s: float) -> dict[str, object]:
    end_s = run_.last_finished_s if not run_.timed_out and run_.last_finished_s else run_.seconds
    return {
        "canvases": run_.canvases,
        "chunk_size": RESCORE_CHUNK_SIZE,
        "parameters_version": run_.parameters_version,
        "done": run_.done,
        "failed": run_.failed,
        "timed_out": run_.timed_out,
        "seconds": round(end_s, 1),
        "seconds_observed": round(run_.seconds, 1),
        "canvases_per_s": round(run_.done / end_s, 1) if end_s > 0 else None,
        "cpu": run_.cpu,
        **_cost(run_),
        "target_s": target_s,
        "met": not run_.timed_out and run_.failed == 0 and end_s <= target_s,
    }
