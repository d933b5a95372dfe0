"""Turn samples into the summary table, the target verdicts and the JSON report."""

import json
import statistics
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from .load import OpenLoopRun
from .throughput import Throughput

LATENCY_TARGET_MS = 50.0
THROUGHPUT_TARGET_RATIO = 1 / 20


def percentile(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default method)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def summarize(run: OpenLoopRun, rate: float, duration_s: float) -> dict[str, object]:
    samples = run.samples
    latencies = [sample.latency_ms for sample in samples]
    queries = [s.query_count for s in samples if s.ok and s.query_count is not None]
    failures = Counter(
        str(sample.status) if sample.status is not None else (sample.error or "no answer")
        for sample in samples
        if not sample.ok
    )
    return {
        "rate_rps": rate,
        "duration_s": duration_s,
        "requests": len(samples),
        "errors": sum(failures.values()),
        "error_kinds": dict(failures.most_common(5)),
        "median_ms": round(percentile(latencies, 0.5), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "p99_ms": round(percentile(latencies, 0.99), 1),
        "max_ms": round(max(latencies, default=float("nan")), 1),
        "median_queries": float(statistics.median(queries)) if queries else None,
        "max_queries": max(queries, default=None),
        "median_kib": round(statistics.median(s.body_bytes for s in samples) / 1024, 1),
        # Generator health: a late dispatch would mean the client is the bottleneck.
        # Waiting for a thread means all threads were blocked on the server.
        "max_dispatch_lag_ms": round(run.max_dispatch_lag_ms, 2),
        "waited_for_thread_p95_ms": round(percentile([s.send_lag_ms for s in samples], 0.95), 2),
    }


def verdicts(
    scenarios: dict[str, dict],
    throughput: dict[str, object],
    comment_queries: dict[str, object] | None = None,
) -> dict[str, bool]:
    checks = {
        f"{name}: p95 <= {LATENCY_TARGET_MS:.0f} ms, no errors": (
            result["p95_ms"] <= LATENCY_TARGET_MS and result["errors"] == 0
        )
        for name, result in scenarios.items()
    }
    ratio = throughput.get("page_to_minimal_ratio")
    checks["canvas page throughput >= 1/20 of minimal view"] = (
        isinstance(ratio, float) and ratio >= THROUGHPUT_TARGET_RATIO
    )
    if comment_queries:
        n = comment_queries["comments_per_canvas"]
        checks[f"canvas page: as many SQL queries with {n} comments as without"] = bool(
            comment_queries["same"]
        )
        checks["canvas page: open-thread count shown = count in the database"] = (
            comment_queries["open_threads_shown"] == comment_queries["open_threads_in_database"]
        )
    return checks


def throughput_summary(
    page: tuple[Throughput, dict[str, float]],
    minimal: tuple[Throughput, dict[str, float]],
    clients: int,
) -> dict[str, object]:
    (page_result, page_cpu), (minimal_result, minimal_cpu) = page, minimal
    ratio = page_result.rps / minimal_result.rps if minimal_result.rps else 0.0
    return {
        "tool": page_result.tool,
        "clients": clients,
        "page_rps": round(page_result.rps, 1),
        "page_errors": page_result.errors,
        "page_cpu": page_cpu,
        "minimal_rps": round(minimal_result.rps, 1),
        "minimal_errors": minimal_result.errors,
        "minimal_cpu": minimal_cpu,
        "minimal_to_page": round(minimal_result.rps / page_result.rps, 1)
        if page_result.rps
        else None,
        "page_to_minimal_ratio": round(ratio, 4),
    }


# Column title, width, and how to read the value from a scenario's result.
COLUMNS: tuple[tuple[str, int, Callable[[dict], object]], ...] = (
    ("requests", 9, lambda r: r["requests"]),
    ("errors", 7, lambda r: r["errors"]),
    ("median ms", 11, lambda r: r["median_ms"]),
    ("p95 ms", 10, lambda r: r["p95_ms"]),
    ("p99 ms", 10, lambda r: r["p99_ms"]),
    ("max ms", 10, lambda r: r["max_ms"]),
    ("queries", 8, lambda r: r["median_queries"]),
    ("KiB", 7, lambda r: r["median_kib"]),
    ("srv CPU ms", 11, lambda r: r["cpu"].get("server_cpu_ms_per_request")),
    ("srv cores", 10, lambda r: r["cpu"].get("server_cores")),
    ("other cores", 12, lambda r: r["cpu"].get("rest_of_machine_cores")),
)
NAME_WIDTH = 26


def _scenario_table(scenarios: dict[str, dict]) -> list[str]:
    header = f"{'scenario':<{NAME_WIDTH}}" + "".join(f"{t:>{w}}" for t, w, _ in COLUMNS)
    lines = [header, "-" * len(header)]
    for name, result in scenarios.items():
        cells = "".join(
            f"{'-' if value(result) is None else value(result):>{width}}"
            for _, width, value in COLUMNS
        )
        lines.append(f"{name:<{NAME_WIDTH}}{cells}")
        if result["error_kinds"]:
            lines.append(f"{'':<{NAME_WIDTH}}errors: {result['error_kinds']}")
    lags = ", ".join(f"{r['max_dispatch_lag_ms']:g}" for r in scenarios.values())
    cores = ", ".join(f"{r['cpu'].get('load_generator_cores')}" for r in scenarios.values())
    lines.append(f"Load generator: max dispatch lag {lags} ms; CPU {cores} cores")
    return lines


def _throughput_lines(tp: dict) -> list[str]:
    def row(label: str, prefix: str) -> str:
        cpu_ms = tp[f"{prefix}_cpu"].get("server_cpu_ms_per_request")
        return (
            f"  {label:<16}{tp[f'{prefix}_rps']:>9} req/s  {tp[f'{prefix}_errors']} errors, "
            f"server CPU {cpu_ms} ms/request, "
            f"other processes {tp[f'{prefix}_cpu'].get('rest_of_machine_cores')} cores"
        )

    return [
        f"Peak throughput, {tp['clients']} concurrent clients, measured with {tp['tool']}:",
        row("canvas page", "page"),
        row("/bench/minimal", "minimal"),
        f"  minimal/page = {tp['minimal_to_page']} (the page serves "
        f"{tp['page_to_minimal_ratio']:.1%} of the minimal view's rate)",
    ]


def _comment_lines(comments: dict | None) -> list[str]:
    if not comments:
        return []
    return [
        f"Canvas page SQL queries, sampled: {comments['queries_without_comments']} without "
        f"comments, {comments['queries_with_comments']} with {comments['comments_per_canvas']} "
        f"comments ({'the same' if comments['same'] else 'DIFFERENT'})",
        "",
    ]


def format_table(report: dict) -> str:
    meta = report["meta"]
    load = "/".join(f"{value:.2f}" for value in meta["load_average_before"])
    comments = (
        f", {meta['comments']} comments on {meta['canvases_with_comments']} of the canvases"
        if meta.get("comments")
        else ""
    )
    return "\n".join(
        [
            f"gunicorn {meta['gunicorn_workers']} sync workers on {meta['cpus']} CPUs "
            f"(load average at start {load}); {meta['canvases']} canvases, "
            f"{meta['cards']} cards{comments}",
            f"Open loop at {meta['rate_rps']:g} req/s for {meta['duration_s']:g} s per scenario, "
            "latency from the scheduled send time. queries: median SQL queries per request;",
            "srv CPU ms: gunicorn CPU time per request; srv/other cores: CPU used by gunicorn / "
            "by everything but gunicorn and the load generator (PostgreSQL, other processes).",
            "",
            *_scenario_table(report["scenarios"]),
            "",
            *_comment_lines(report.get("comment_queries")),
            *_throughput_lines(report["throughput"]),
            "",
            "Targets:",
            *(f"  [{'PASS' if ok else 'FAIL'}] {name}" for name, ok in report["targets"].items()),
        ]
    )


def write_json(report: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n")
