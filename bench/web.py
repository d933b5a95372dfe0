"""The web benchmark: seed, serve with gunicorn, load at a fixed rate, measure peak throughput."""

import argparse
import os
import platform
import random
import re
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
    COMMENT_CANVASES,
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
    parser.add_argument(
        "--comments",
        type=int,
        default=0,
        help="comments (threads and replies) on each of --comment-canvases canvases; adds "
        "the scenario 'canvas page +N comments' and compares its SQL queries with the "
        "plain page's",
    )
    parser.add_argument(
        "--comment-canvases",
        type=int,
        default=COMMENT_CANVASES,
        help="how many canvases get --comments (the others stay without)",
    )
    parser.add_argument(
        "--no-notifications",
        action="store_true",
        help="with --comments: do not give the bench user a notification per comment",
    )
    args = parser.parse_args()
    if args.comments and not 0 < args.comment_canvases < CANVAS_COUNT:
        parser.error(f"--comment-canvases must be between 1 and {CANVAS_COUNT - 1}")
    return args


def prepare_database(args: argparse.Namespace, env: dict[str, str]) -> dict[str, object]:
    started = time.perf_counter()
    if args.skip_seed:
        if not database.database_exists():
            raise SystemExit(f"--skip-seed: database {DATABASE_NAME} does not exist yet.")
        log(f"Reusing database {DATABASE_NAME}: {database.migrate(env)}.")
        meta: dict[str, object] = {"seeded": False}
    else:
        log(f"Creating {DATABASE_NAME}, migrating, seeding {CANVAS_COUNT} x {CARDS_PER_CANVAS}...")
        database.recreate_database()
        log(f"  {database.migrate_and_seed(env)}")
        meta = {"seeded": True}
    # Comments are replaced on every run (removed with --comments 0), so a reused
    # database holds exactly what was asked for.
    if args.comments or args.skip_seed:
        notifications = not args.no_notifications
        outcome = database.seed_comments(env, args.comments, args.comment_canvases, notifications)
        log(f"Comments: {outcome}")
    elapsed = round(time.perf_counter() - started, 1)
    log(f"  database ready in {elapsed} s")
    return meta | {"seed_s": elapsed}


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


def page_facts(client: Client, canvas_id: int) -> tuple[int | None, int | None]:
    """The page's SQL query count and the open threads its Comments button announces."""
    answer = client.get(f"/canvases/{canvas_id}/")
    if answer.status != 200:
        raise RuntimeError(f"canvas page {canvas_id}: HTTP {answer.status}")
    match = re.search(rb"Comments \((\d+) open\)", answer.body)
    return answer.query_count, int(match[1]) if match else None


def compare_comment_queries(client: Client, dataset: Dataset, samples: int = 6) -> dict | None:
    """SQL queries of the canvas page with comments and without, on a few canvases each,
    and whether the page announces as many open threads as the database holds."""
    commented, plain = dataset.commented_canvas_ids, dataset.uncommented_canvas_ids
    if not commented or not plain:
        return None

    def spread(ids: list[int]) -> list[int]:
        return ids[:: max(1, len(ids) // samples)][:samples]

    without = [page_facts(client, pk)[0] for pk in spread(plain)]
    with_comments, shown, expected = [], [], []
    for pk in spread(commented):
        queries, announced = page_facts(client, pk)
        with_comments.append(queries)
        shown.append(announced)
        expected.append(database.open_threads(pk))
    result = {
        "comments_per_canvas": max(dataset.comments.values()),
        "canvases_with_comments": len(commented),
        "queries_without_comments": without,
        "queries_with_comments": with_comments,
        "same": len(set(without) | set(with_comments)) == 1,
        "open_threads_shown": shown,
        "open_threads_in_database": expected,
    }
    log(
        f"canvas page SQL queries: {without} without comments, {with_comments} with "
        f"{result['comments_per_canvas']} comments ({'same' if result['same'] else 'DIFFERENT'}); "
        f"open threads shown {shown}, in the database {expected}"
    )
    return result


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
    dataset = target.dataset
    canvas_ids = dataset.canvas_ids
    # With comments seeded, the plain page scenario keeps to the canvases without any.
    commented = dataset.commented_canvas_ids
    operations: dict[str, Operation] = {
        "canvas page": scenarios.canvas_page(
            page_client, dataset.uncommented_canvas_ids if commented else canvas_ids, rng
        ),
    }
    if commented:
        name = f"canvas page +{max(dataset.comments.values())} comments"
        operations[name] = scenarios.canvas_page(page_client, commented, rng)
    operations |= {
        "api canvas detail": scenarios.api_canvas_detail(api_client, canvas_ids, rng),
        "card save": scenarios.CardSaver(api_client, dataset.cards, rng),
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
    meta = run_meta(args) | prepare_database(args, env)
    database.collect_static(env)
    dataset = database.load_dataset()
    meta |= {
        "canvases": len(dataset.canvas_ids),
        "cards": len(dataset.cards),
        "comments": sum(dataset.comments.values()),
        "canvases_with_comments": len(dataset.commented_canvas_ids),
    }
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
        comment_queries = compare_comment_queries(
            Client(target.base_url, {"Cookie": target.cookie}), dataset
        )
        latency = measure_latency(target, args)
        peak = measure_throughput(target, args)
    meta["load_average_after"] = os.getloadavg()
    meta["total_s"] = round(time.perf_counter() - started, 1)
    results = {
        "meta": meta,
        "scenarios": latency,
        "throughput": peak,
        "comment_queries": comment_queries,
        "targets": report.verdicts(latency, peak, comment_queries),
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
