"""The summary table printed at the end and the JSON report."""

import json
from pathlib import Path


def _verdict(met: bool) -> str:
    return "MET" if met else "MISSED"


def _engine_lines(rows: list[dict]) -> list[str]:
    lines = [
        "Engine, one process, no database (validation + assess; serialising apart)",
        f"  {'example':<22} {'draws':>6} {'runs':>6} {'per s':>8} {'per CPU-s':>10} "
        f"{'median ms':>10} {'p95 ms':>8} {'as_dict ms':>11}",
    ]
    for row in rows:
        lines.append(
            f"  {row['example']:<22} {row['risk_draws']:>6} {row['runs']:>6} "
            f"{row['per_second']:>8.1f} {row['per_cpu_second']:>10.1f} "
            f"{row['median_ms']:>10.2f} {row['p95_ms']:>8.2f} "
            f"{row['as_dict_median_ms']:>11.2f}"
        )
    return lines


def _latency_lines(result: dict) -> list[str]:
    lines = [
        f"Save-to-done latency, {result['workers']}",
        f"  {result['saves']} saves every {result['spacing_ms']} ms (after "
        f"{result['warmup_saves']} warm-up saves): {result['done']} done, "
        f"{result['failed']} failed, {result['timed_out']} timed out",
        f"  {'':<38} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}",
    ]
    for key, label in (
        ("observed", "commit -> seen done (10 ms polling)"),
        ("finished_at", "commit -> worker's finished_at"),
        ("queue", "commit -> worker's started_at"),
        ("worker_engine", "worker's engine time (duration_ms)"),
    ):
        figures = result[key]
        lines.append(
            f"  {label:<38} {_number(figures['median_ms']):>10} {_number(figures['p95_ms']):>8} "
            f"{_number(figures['max_ms']):>8}"
        )
    lines.append(f"  target p95 <= {result['target_p95_ms']:.0f} ms: {_verdict(result['met'])}")
    return lines


def _rescore_lines(result: dict) -> list[str]:
    cpu = result["cpu"]
    ending = (
        f"gave up after {result['seconds_observed']} s"
        if result["timed_out"]
        else f"{result['seconds']} s"
    )
    return [
        f"Re-score after a parameter change, {result['workers']}",
        f"  {result['canvases']} canvases in chunks of {result['chunk_size']}: "
        f"{result['done']} done, {result['failed']} failed, {ending}, "
        f"{result['canvases_per_s']} canvases/s",
        f"  CPU over the run ({cpu.get('machine_cores')} cores): workers "
        f"{cpu.get('workers_cores')} cores ({cpu.get('workers_cpu_s')} s), PostgreSQL "
        f"{cpu.get('postgres_cores')} ({cpu.get('postgres_cpu_s')} s), this process "
        f"{cpu.get('bench_process_cores')}, other processes {cpu.get('other_processes_cores')}",
        f"  CPU per canvas: workers {result.get('workers_cpu_ms_per_canvas')} ms, PostgreSQL "
        f"{result.get('postgres_cpu_ms_per_canvas')} ms; with both cores free, at least "
        f"{result.get('cpu_bound_estimate_s')} s",
        f"  target <= {result['target_s']:.0f} s: {_verdict(result['met'])}",
    ]


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def summary(report: dict) -> str:
    lines = ["", "=" * 78, "Impact scoring benchmark: summary", "=" * 78]
    lines.append(
        f"Started {report['started']}, load average at start {report['load_average']}, "
        f"{report['cpus']} CPUs"
    )
    for key, render in (
        ("engine", _engine_lines),
        ("latency", _latency_lines),
        ("rescore", _rescore_lines),
    ):
        if report.get(key):
            lines += ["", *render(report[key])]
    for key, message in report.get("errors", {}).items():
        lines += ["", f"{key}: ERROR {message}"]
    lines += ["", f"Total run time: {report['total_s']:.1f} s", "=" * 78]
    return "\n".join(lines)


def write(report: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, default=str) + "\n")
