"""CPU seconds used by the workers, by PostgreSQL and by the whole machine, from /proc.

On 2 cores the workers compete with PostgreSQL (and anything else running): the split
says whether a slow re-score is the engine's work, the database's or contention.
"""

import os
from dataclasses import dataclass
from pathlib import Path

TICKS_PER_S = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class CpuSample:
    machine_busy_s: float
    machine_total_s: float  # all CPUs together
    workers_s: float
    postgres_s: float
    runner_s: float  # this process


def _processes() -> list[tuple[int, int, str, float]]:
    """(pid, parent pid, command name, user + system seconds) of every process."""
    rows = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # the process ended meanwhile
        name = text[text.index("(") + 1 : text.rindex(")")]
        # The command name may contain spaces; the fields after it are fixed.
        fields = text.rsplit(")", 1)[1].split()
        seconds = (int(fields[11]) + int(fields[12])) / TICKS_PER_S
        rows.append((int(text.split(" ", 1)[0]), int(fields[1]), name, seconds))
    return rows


def _machine() -> tuple[float, float]:
    # /proc/stat "cpu" line: user nice system idle iowait irq softirq steal ...
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / TICKS_PER_S, sum(fields[:8]) / TICKS_PER_S


def sample(worker_pids: list[int]) -> CpuSample:
    """Worker main processes and their pool children; every PostgreSQL process.

    Time of processes that ended in between is lost; workers and the server's backends
    live through the measurement.
    """
    roots = set(worker_pids)
    workers = postgres = runner = 0.0
    for pid, parent, name, seconds in _processes():
        if pid in roots or parent in roots:
            workers += seconds
        elif name.startswith("postgres"):
            postgres += seconds
        elif pid == os.getpid():
            runner += seconds
    busy, total = _machine()
    return CpuSample(busy, total, workers, postgres, runner)


def usage(before: CpuSample, after: CpuSample) -> dict[str, float]:
    """Cores used over the interval (1.0 = one CPU fully busy), by whom."""
    wall_s = (after.machine_total_s - before.machine_total_s) / (os.cpu_count() or 1)
    if wall_s <= 0:
        return {}
    workers = after.workers_s - before.workers_s
    postgres = after.postgres_s - before.postgres_s
    runner = after.runner_s - before.runner_s
    busy = after.machine_busy_s - before.machine_busy_s
    return {
        "workers_cpu_s": round(workers, 1),
        "postgres_cpu_s": round(postgres, 1),
        "workers_cores": round(workers / wall_s, 2),
        "postgres_cores": round(postgres / wall_s, 2),
        "bench_process_cores": round(runner / wall_s, 2),
        "other_processes_cores": round(max(busy - workers - postgres - runner, 0.0) / wall_s, 2),
        "machine_cores": os.cpu_count() or 1,
    }
