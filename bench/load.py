"""Load generators: open loop at a fixed rate, and closed loop for peak throughput."""

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from .client import Response

# One request of a scenario; raises when no answer came back.
Operation = Callable[[], Response]

# Threads for the open loop. At 50 rps a 1 s stall already needs 50 requests in
# flight; more threads keep the schedule even when the server falls behind.
OPEN_LOOP_THREADS = 100


@dataclass(frozen=True)
class Sample:
    latency_ms: float  # from the scheduled send time to the end of the response
    # From the scheduled send time to when a thread started sending: large only
    # when every thread is waiting for the server.
    send_lag_ms: float
    status: int | None  # None: no answer (connection error, timeout)
    query_count: int | None
    body_bytes: int
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == 200


def _timed(operation: Operation, scheduled: float) -> Sample:
    started = time.perf_counter()
    try:
        response = operation()
    except Exception as error:  # a failed request is a result, not a crash
        return Sample(
            latency_ms=(time.perf_counter() - scheduled) * 1000,
            send_lag_ms=(started - scheduled) * 1000,
            status=None,
            query_count=None,
            body_bytes=0,
            error=f"{type(error).__name__}: {error}",
        )
    return Sample(
        latency_ms=(time.perf_counter() - scheduled) * 1000,
        send_lag_ms=(started - scheduled) * 1000,
        status=response.status,
        query_count=response.query_count,
        body_bytes=len(response.body),
    )


@dataclass(frozen=True)
class OpenLoopRun:
    samples: list[Sample]
    # How late the scheduler itself handed requests over: the generator's own health.
    max_dispatch_lag_ms: float


def open_loop(operation: Operation, rate: float, duration_s: float) -> OpenLoopRun:
    """Send at fixed times whatever the server does; latency counts from the scheduled time.

    Measuring from the schedule rather than from the actual send keeps a slow
    server from hiding its queueing delay (coordinated omission).
    """
    total = max(1, round(rate * duration_s))
    pool = ThreadPoolExecutor(OPEN_LOOP_THREADS, thread_name_prefix="open-loop")
    futures: list[Future[Sample]] = []
    max_lag = 0.0
    try:
        start = time.perf_counter() + 0.01
        for index in range(total):
            scheduled = start + index / rate
            delay = scheduled - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            max_lag = max(max_lag, time.perf_counter() - scheduled)
            futures.append(pool.submit(_timed, operation, scheduled))
        samples = [future.result() for future in futures]
        return OpenLoopRun(samples=samples, max_dispatch_lag_ms=max_lag * 1000)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class ClosedLoopResult:
    requests: int
    errors: int
    elapsed_s: float

    @property
    def rps(self) -> float:
        return self.requests / self.elapsed_s if self.elapsed_s else 0.0


def closed_loop(operation: Operation, clients: int, duration_s: float) -> ClosedLoopResult:
    """Each client sends its next request as soon as the previous answer arrives."""
    counts = [[0, 0] for _ in range(clients)]  # per client: requests, errors; no lock needed
    deadline = time.perf_counter() + duration_s

    def run(tally: list[int]) -> None:
        while time.perf_counter() < deadline:
            try:
                ok = operation().status == 200
            except Exception:
                ok = False
            tally[0] += 1
            tally[1] += 0 if ok else 1

    started = time.perf_counter()
    threads = [threading.Thread(target=run, args=(tally,), daemon=True) for tally in counts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return ClosedLoopResult(
        requests=sum(c[0] for c in counts),
        errors=sum(c[1] for c in counts),
        elapsed_s=time.perf_counter() - started,
    )
