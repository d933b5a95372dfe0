"""CPU time spent during a measurement: by the server, by the load generator, by the rest.

The latency of a CPU-bound server depends on how much CPU it gets, and the
machine may be shared. Server CPU time per request is the request's cost
independent of contention; the rest of the machine's busy time shows how much
other processes (PostgreSQL included) took.
"""

import os
import resource
from dataclasses import dataclass
from pathlib import Path

TICKS_PER_S = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class CpuSnapshot:
    machine_busy_s: float
    machine_total_s: float  # all CPUs together
    server_s: float
    runner_s: float  # this process and its finished children (wrk)


def _machine() -> tuple[float, float]:
    # /proc/stat "cpu" line: user nice system idle iowait irq softirq steal ...
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    total = sum(fields[:8])
    idle = fields[3] + fields[4]
    return (total - idle) / TICKS_PER_S, total / TICKS_PER_S


def _process_tree_cpu(root_pid: int) -> float:
    """User and system seconds of a process and its direct children (gunicorn's workers)."""
    seconds = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # the process ended meanwhile
        pid = int(text.split(" ", 1)[0])
        # The command name may contain spaces; the fields after it are fixed.
        fields = text.rsplit(")", 1)[1].split()
        if pid == root_pid or int(fields[1]) == root_pid:
            seconds += (int(fields[11]) + int(fields[12])) / TICKS_PER_S
    return seconds


def _runner() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def snapshot(server_pid: int) -> CpuSnapshot:
    busy, total = _machine()
    return CpuSnapshot(busy, total, _process_tree_cpu(server_pid), _runner())


def usage(before: CpuSnapshot, after: CpuSnapshot, requests: int) -> dict[str, float]:
    """CPU use over the interval, in cores (1.0 = one CPU fully busy) and per request."""
    wall_s = (after.machine_total_s - before.machine_total_s) / (os.cpu_count() or 1)
    if wall_s <= 0:
        return {}
    server = after.server_s - before.server_s
    runner = after.runner_s - before.runner_s
    busy = after.machine_busy_s - before.machine_busy_s
    return {
        "server_cpu_ms_per_request": round(server / max(requests, 1) * 1000, 2),
        "server_cores": round(server / wall_s, 2),
        "load_generator_cores": round(runner / wall_s, 2),
        "rest_of_machine_cores": round(max(busy - server - runner, 0.0) / wall_s, 2),
        "machine_busy_percent": round(
            100 * busy / (after.machine_total_s - before.machine_total_s)
        ),
    }
