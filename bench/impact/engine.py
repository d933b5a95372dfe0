"""Engine throughput in this process: no database, no worker, the examples' inputs.

The cases take turns in short slices, so a change in the machine's load during the
measurement (it may be shared) affects every case alike instead of the last ones.
"""

import math
import statistics
import time
from dataclasses import asdict, dataclass, field

from canvas_app import impact
from canvas_app.examples import EXAMPLES
from canvas_app.impact.risk import DEFAULT_DRAWS

from .stats import percentile, rounded

RISK_DRAWS = (DEFAULT_DRAWS, 0)  # with the Monte Carlo risk analysis, and without
SLICE_S = 0.25
WARMUP_RUNS = 5


@dataclass(frozen=True)
class EngineRow:
    example: str
    risk_draws: int
    runs: int
    per_second: float  # by wall-clock time
    per_cpu_second: float  # by this thread's CPU time: less sensitive to other processes
    median_ms: float | None
    p95_ms: float | None
    as_dict_median_ms: float | None  # serialising the result, as the worker stores it


@dataclass
class Case:
    key: str
    draws: int
    timings: list[float] = field(default_factory=list)  # ms per run
    serialising: list[float] = field(default_factory=list)
    cpu_s: float = 0.0

    def __post_init__(self) -> None:
        example = EXAMPLES[self.key]
        self.values, self.funding = dict(example.impact_inputs), list(example.funding)
        self.seed = impact.seed_for(f"bench:{self.key}")

    def evaluate(self) -> impact.AssessmentResult:
        # The same calls as services.assessments.evaluate: validation is part of each run.
        return impact.assess(
            impact.validate_inputs(self.values),
            impact.validate_parameters(impact.MethodParameters().as_dict()),
            impact.validate_funding(self.funding),
            risk_seed=self.seed,
            risk_draws=self.draws,
        )

    def measure(self, seconds: float) -> None:
        started = time.perf_counter()
        while time.perf_counter() - started < seconds:
            before, cpu_before = time.perf_counter(), time.thread_time()
            result = self.evaluate()
            after = time.perf_counter()
            self.cpu_s += time.thread_time() - cpu_before
            result.as_dict()
            self.serialising.append((time.perf_counter() - after) * 1000)
            self.timings.append((after - before) * 1000)

    def row(self) -> EngineRow:
        return EngineRow(
            example=self.key,
            risk_draws=self.draws,
            runs=len(self.timings),
            # Engine time only, so the rate is what the engine alone sustains on one core.
            per_second=round(len(self.timings) / (sum(self.timings) / 1000), 1),
            per_cpu_second=round(len(self.timings) / self.cpu_s, 1) if self.cpu_s else 0.0,
            median_ms=rounded(statistics.median(self.timings), 2),
            p95_ms=rounded(percentile(self.timings, 0.95), 2),
            as_dict_median_ms=rounded(statistics.median(self.serialising), 2),
        )


def run(seconds: float, log) -> list[dict]:
    cases = [Case(key, draws) for draws in RISK_DRAWS for key in EXAMPLES]
    for case in cases:
        for _ in range(WARMUP_RUNS):  # first calls pay for imports and numpy's set-up
            case.evaluate()
    for _ in range(max(1, math.ceil(seconds / SLICE_S))):
        for case in cases:
            case.measure(min(SLICE_S, seconds))
    rows = [case.row() for case in cases]
    for row in rows:
        log(
            f"  {row.example:<22} draws={row.risk_draws:>6}: {row.per_second:>7.1f}/s "
            f"({row.per_cpu_second:.1f} per CPU-s), median {row.median_ms} ms, p95 {row.p95_ms} ms"
        )
    return [asdict(row) for row in rows]
