"""Orchestration and command-line options of the impact benchmark; see bench/run_impact.py."""

import argparse
import os
import signal
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from types import FrameType

from . import config, database, report
from .workers import Worker, Workers

LATENCY_TARGET_P95_MS = 2000.0
RESCORE_TARGET_S = 60.0
LATENCY_CANVASES = 5


def log(message: str) -> None:
    print(message, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark the impact scoring: engine, save-to-done latency, re-score."
    )
    parser.add_argument("--skip-engine", action="store_true", help="no engine throughput")
    parser.add_argument("--skip-latency", action="store_true", help="no save-to-done latency")
    parser.add_argument("--skip-rescore", action="store_true", help="no council re-score")
    parser.add_argument("--canvases", type=int, default=10_000, help="re-score: canvases")
    parser.add_argument("--saves", type=int, default=50, help="latency: measured saves")
    parser.add_argument("--spacing-ms", type=float, default=200.0, help="latency: between saves")
    parser.add_argument("--engine-seconds", type=float, default=3.0, help="engine: per case")
    parser.add_argument(
        "--rescore-timeout", type=float, default=300.0, help="re-score: give up after (s)"
    )
    parser.add_argument(
        "--rescore-workers",
        choices=("one", "two"),
        default="one",
        help="re-score: one worker with --concurrency 2, or two with --concurrency 1",
    )
    parser.add_argument("--pool", choices=("prefork", "solo"), default="prefork")
    parser.add_argument(
        "--drop-database", action="store_true", help=f"drop {config.DATABASE_NAME} at the end"
    )
    args = parser.parse_args(argv)
    if args.canvases < 1 or args.saves < 1:
        parser.error("--canvases and --saves must be at least 1")
    if args.pool == "solo" and args.rescore_workers == "one":
        parser.error("--pool solo runs one task at a time: use --rescore-workers two")
    return args


def _interrupt(signum: int, frame: FrameType | None) -> None:
    # SIGTERM takes the same path as Ctrl-C, so the workers are stopped on the way out.
    raise KeyboardInterrupt


def engine_phase(args: argparse.Namespace) -> list[dict]:
    from . import engine  # imports the app: only once Django is configured

    log(f"Engine throughput, {args.engine_seconds:g} s per case:")
    return engine.run(args.engine_seconds, log)


def prepare_database() -> None:
    started = time.perf_counter()
    database.recreate()
    database.migrate()
    log(
        f"Database {config.DATABASE_NAME} recreated and migrated in "
        f"{time.perf_counter() - started:.1f} s."
    )


def latency_phase(args: argparse.Namespace) -> dict:
    from . import latency, seed

    fixture = seed.fixture(config.LATENCY_COUNCIL, LATENCY_CANVASES, with_assessments=False)
    database.analyze()
    workers = Workers([Worker("impact-latency", args.pool, 1, config.LATENCY_WORKER_LOG)])
    spacing_s = args.spacing_ms / 1000
    with workers:
        log(
            f"Latency: {workers.describe()} ready; {args.saves} saves, {args.spacing_ms:.0f} ms "
            f"apart, over {LATENCY_CANVASES} canvases."
        )
        run = latency.run(fixture, args.saves, spacing_s, log)
    result = latency.summarize(run, spacing_s, LATENCY_TARGET_P95_MS)
    return {"workers": workers.describe(), **result}


def rescore_workers(args: argparse.Namespace) -> Workers:
    """Two task slots: one worker with two pool processes, or two workers with one each."""
    if args.rescore_workers == "one":
        return Workers([Worker("impact-rescore-1", args.pool, 2, config.rescore_worker_log(1))])
    return Workers(
        [
            Worker(f"impact-rescore-{index}", args.pool, 1, config.rescore_worker_log(index))
            for index in (1, 2)
        ]
    )


def rescore_phase(args: argparse.Namespace) -> dict:
    from . import rescore, seed

    started = time.perf_counter()
    fixture = seed.fixture(config.RESCORE_COUNCIL, args.canvases, with_assessments=True)
    database.analyze()
    log(
        f"Re-score: seeded {args.canvases} canvases with inputs, funding and a done "
        f"assessment each in {time.perf_counter() - started:.1f} s."
    )
    workers = rescore_workers(args)
    with workers:
        log(f"Re-score: {workers.describe()} ready.")
        run = rescore.run(fixture, workers.pids, args.rescore_timeout, log)
    if run.timed_out:
        log(
            f"  Gave up after {args.rescore_timeout:.0f} s: {run.done} of {run.canvases} "
            f"canvases re-scored ({run.failed} failed)."
        )
    return {"workers": workers.describe(), **rescore.summarize(run, RESCORE_TARGET_S)}


def _guarded(name: str, results: dict, step: Callable[[], object]) -> bool:
    """A step that fails is reported and the run goes on; Ctrl-C still stops everything."""
    try:
        outcome = step()
    except Exception as error:
        traceback.print_exc()
        results.setdefault("errors", {})[name] = f"{type(error).__name__}: {error}"
        return False
    if outcome is not None:
        results[name] = outcome
    return True


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Installed explicitly: a runner started in the background inherits SIGINT ignored.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    started = time.perf_counter()
    results: dict = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "cpus": os.cpu_count(),
        "options": vars(args),
    }
    config.setup_django()
    try:
        if not args.skip_engine:
            _guarded("engine", results, lambda: engine_phase(args))
        needs_database = not (args.skip_latency and args.skip_rescore)
        if needs_database and _guarded("database", results, prepare_database):
            if not args.skip_latency:
                _guarded("latency", results, lambda: latency_phase(args))
            if not args.skip_rescore:
                _guarded("rescore", results, lambda: rescore_phase(args))
    except KeyboardInterrupt:
        log("Interrupted: workers stopped.")
        results.setdefault("errors", {})["run"] = "interrupted"
    finally:
        if args.drop_database:
            database.drop()
            log(f"Database {config.DATABASE_NAME} dropped.")
        results["total_s"] = round(time.perf_counter() - started, 1)
        report.write(results, config.RESULTS_PATH)
        log(report.summary(results))
        log(f"JSON: {config.RESULTS_PATH}")
    missed = [
        name for name in ("latency", "rescore") if name in results and not results[name]["met"]
    ]
    return 1 if missed or results.get("errors") else 0
