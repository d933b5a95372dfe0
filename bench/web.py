"""The web benchmark: seed, serve with gunicorn, load at a fixed rate, measure peak throughput."""

import argparse
import os
import platform
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from . import cpu, database, report, scenarios, throughput
from .client import Client, api_token, session_cookie
from .database import Dataset
from .fixture import (
    CANVAS_COUNT,
    CARDS_PER_CANVAS,
    DATABASE_NAME,
    PASSWORD,
    REPO_ROOT,
    RESULTS_DIR,
    USERNAME,
)
from .load import Operation, open_loop
from .server import GunicornServer

THROUGHPUT_WARMUP_S = 3.0


def log(message: str) -> None:
    print(message, flush=True)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark the canvas page, the API and card saves under gunicorn."
    )
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per scenario")
    parser.add_argument("--rate", type=float, default=50.0, help="requests per second")
    parser.add_argument("--warmup", type=float, default=5.0, help="unmeasured seconds first")
    parser.add_argument("--skip-seed", action="store_true", help="reuse the bench database")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--clients", type=int, default=20, help="throughput: concurrency")
    parser.add_argument(
        "--throughput-duration", type=float, default=15.0, help="throughput: seconds per URL"
    )
    parser.add_argument(
        "--python-throughput", action="store_true", help="measure throughput without wrk"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed for the request mix")
    return parser.parse_args()


def prepare_database(skip_seed: bool, env: dict[str, str]) -> dict[str, object]:
    if skip_seed:
        if not database.database_exists():
            raise SystemExit(f"--skip-seed: database {DATABASE_NAME} does not exist yet.")
        log(f"Reusing database {DATABASE_NAME}: {database.migrate(env)}.")
        return {"seeded": False}
    started = time.perf_counter()
    log(f"Creating {DATABASE_NAME}, migrating, seeding {CANVAS_COUNT} x {CARDS_PER_CANVAS}...")
    database.recreate_database()
    log(f"  {database.migrate_and_seed(env)}")
    elapsed = round(time.perf_counter() - started, 1)
    log(f"  database ready in {elapsed} s")
    return {"seeded": True, "seed_s": elapsed}


@dataclass(frozen=True)
class Target:
    """The running server and what the scenarios need to talk to it."""

    base_url: str
    server_pid: int
    dataset: Dataset
    cookie: str  # Cookie header of a logged-in session
    token: str  # Authorization header for the API


def check_page(client: Client, canvas_id: int) -> None:
    """Fail early if the session does not reach the page (a login redirect is not a page)."""
    answer = client.get(f"/canvases/{canvas_id}/")
    if answer.status != 200 or b"Bench canvas" not in answer.body:
        raise RuntimeError(f"canvas page check: HTTP {answer.status}")


def measure(
    name: str, operation: Operation, target: Target, args: argparse.Namespace
) -> dict[str, object]:
    log(f"{name}: {args.warmup:g} s warm-up, then {args.duration:g} s at {args.rate:g} req/s")
    open_loop(operation, args.rate, args.warmup)
    before = cpu.snapshot(target.server_pid)
    run = open_loop(operation, args.rate, args.duration)
    result = report.summarize(run, args.rate, args.duration)
    result["cpu"] = cpu.usage(before, cpu.snapshot(target.server_pid), len(run.samples))
    log(
        f"  median {result['median_ms']} ms, p95 {result['p95_ms']} ms, "
        f"{result['errors']} errors, {result['median_queries']} queries, "
        f"server CPU {result['cpu'].get('server_cpu_ms_per_request')} ms/request"
    )
    return result


def measure_latency(target: Target, args: argparse.Namespace) -> dict[str, dict]:
    page_client = Client(target.base_url, {"Cookie": target.cookie})
    api_client = Client(target.base_url, {"Authorization": target.token})
    check_page(page_client, target.dataset.canvas_ids[0])
    rng = random.Random(args.seed)
    canvas_ids = target.dataset.canvas_ids
    operations: dict[str, Operation] = {
        "canvas page": scenarios.canvas_page(page_client, canvas_ids, rng),
        "api canvas detail": scenarios.api_canvas_detail(api_client, canvas_ids, rng),
        "card save": scenarios.CardSaver(api_client, target.dataset.cards, rng),
    }
    return {name: measure(name, op, target, args) for name, op in operations.items()}


def throughput_once(
    wrk: str | None,
    target: Target,
    paths: list[str],
    headers: dict[str, str],
    duration_s: float,
    args: argparse.Namespace,
) -> throughput.Throughput:
    if wrk:
        return throughput.run_wrk(
            wrk,
            target.base_url,
            paths,
            connections=args.clients,
            duration_s=duration_s,
            headers=headers,
        )
    client = Client(target.base_url, headers)
    operation = scenarios.random_get(client, paths, random.Random(args.seed))
    return throughput.run_python(operation, clients=args.clients, duration_s=duration_s)


def measure_throughput(target: Target, args: argparse.Namespace) -> dict[str, object]:
    wrk = None if args.python_throughput else throughput.find_or_install_wrk()
    page_paths = [f"/canvases/{canvas_id}/" for canvas_id in target.dataset.canvas_ids]
    urls = {"page": (page_paths, {"Cookie": target.cookie}), "minimal": (["/bench/minimal"], {})}
    results: dict[str, tuple[throughput.Throughput, dict[str, float]]] = {}
    for name, (paths, headers) in urls.items():
        log(f"throughput {name}: {args.clients} clients, {args.throughput_duration:g} s")
        throughput_once(wrk, target, paths, headers, THROUGHPUT_WARMUP_S, args)
        before = cpu.snapshot(target.server_pid)
        result = throughput_once(wrk, target, paths, headers, args.throughput_duration, args)
        usage = cpu.usage(before, cpu.snapshot(target.server_pid), result.requests)
        results[name] = (result, usage)
        log(f"  {result.rps:.0f} req/s with {result.tool}")
    return report.throughput_summary(results["page"], results["minimal"], args.clients)


def git_commit() -> str | None:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True
    )
    return result.stdout.strip() or None


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds through the finally blocks that stop gunicorn


def run_meta(args: argparse.Namespace) -> dict[str, object]:
    return {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "gunicorn_workers": args.workers,
        "rate_rps": args.rate,
        "duration_s": args.duration,
        # Other processes on the machine share its cores; the load average tells.
        "load_average_before": os.getloadavg(),
    }


def main() -> None:
    args = parse_args()
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    # Started in the background by a shell, SIGINT arrives ignored; restore Ctrl-C.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    started = time.perf_counter()
    env = database.django_env()
    meta = run_meta(args) | prepare_database(args.skip_seed, env)
    database.collect_static(env)
    dataset = database.load_dataset()
    meta |= {"canvases": len(dataset.canvas_ids), "cards": len(dataset.cards)}
    log_path = RESULTS_DIR / "gunicorn.log"
    with GunicornServer(env, args.workers, log_path) as server:
        log(f"gunicorn: {args.workers} sync workers on {server.base_url} (log: {log_path})")
        target = Target(
            base_url=server.base_url,
            server_pid=server.pid,
            dataset=dataset,
            cookie=session_cookie(server.base_url, USERNAME, PASSWORD),
            token=api_token(server.base_url, USERNAME, PASSWORD),
        )
        latency = measure_latency(target, args)
        peak = measure_throughput(target, args)
    meta["load_average_after"] = os.getloadavg()
    meta["total_s"] = round(time.perf_counter() - started, 1)
    results = {
        "meta": meta,
        "scenarios": latency,
        "throughput": peak,
        "targets": report.verdicts(latency, peak),
    }
    log("\n" + report.format_table(results))
    path = RESULTS_DIR / "web.json"
    report.write_json(results, path)
    log(f"\nTotal run time {meta['total_s']} s. Results written to {path}.")


def run() -> None:
    try:
        main()
    except KeyboardInterrupt:
        print("\nInterrupted; gunicorn stopped.", file=sys.stderr)
        sys.exit(130)
