"""Peak throughput with a fixed number of concurrent clients, measured by wrk if possible.

A Python client tops out at a few thousand requests per second, about what a
bare Django view serves, so it would measure itself rather than the server;
wrk (C, event loop) does not. The Python closed loop remains as a fallback.
"""

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .load import Operation, closed_loop

WRK_THREADS = 2  # one per core; more would only compete with gunicorn for CPU


@dataclass(frozen=True)
class Throughput:
    tool: str
    requests: int
    errors: int  # HTTP 4xx/5xx plus socket errors
    rps: float


def find_or_install_wrk() -> str | None:
    """wrk's path; installs Debian's package when missing and running as root."""
    found = shutil.which("wrk")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    install = ["apt-get", "install", "-y", "-q", "wrk"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        # The package lists may be missing or stale; refresh once and retry.
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True)
        subprocess.run(install, env=env, capture_output=True)
    return shutil.which("wrk")


def _random_path_script(paths: list[str]) -> str:
    """A wrk Lua script that requests a random path from the list each time."""
    table = ",".join(f'"{path}"' for path in paths)
    return (
        f"local paths = {{{table}}}\n"
        "math.randomseed(os.time())\n"
        "request = function()\n"
        "  return wrk.format(nil, paths[math.random(#paths)])\n"
        "end\n"
    )


def run_wrk(
    wrk: str,
    base_url: str,
    paths: list[str],
    *,
    connections: int,
    duration_s: float,
    headers: dict[str, str],
) -> Throughput:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "paths.lua"
        script.write_text(_random_path_script(paths))
        command = [
            wrk,
            f"--threads={min(WRK_THREADS, connections)}",
            f"--connections={connections}",
            f"--duration={max(1, round(duration_s))}s",
            "--timeout=10s",
            f"--script={script}",
            *(arg for name, value in headers.items() for arg in ("--header", f"{name}: {value}")),
            base_url + paths[0],
        ]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return _parse_wrk(output)


def _parse_wrk(output: str) -> Throughput:
    def number(pattern: str) -> float:
        match = re.search(pattern, output)
        return float(match[1]) if match else 0.0

    socket_errors = sum(
        int(count) for count in re.findall(r"(?:connect|read|write|timeout) (\d+)", output)
    )
    return Throughput(
        tool="wrk",
        requests=int(number(r"(\d+) requests in")),
        errors=int(number(r"Non-2xx or 3xx responses: (\d+)")) + socket_errors,
        rps=number(r"Requests/sec:\s+([\d.]+)"),
    )


def run_python(operation: Operation, *, clients: int, duration_s: float) -> Throughput:
    result = closed_loop(operation, clients, duration_s)
    return Throughput(
        tool="python threads", requests=result.requests, errors=result.errors, rps=result.rps
    )
