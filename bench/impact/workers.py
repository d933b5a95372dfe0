"""Real Celery worker processes on the bench broker, for the length of a `with` block."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import redis

from .config import BROKER_URL, REPO_ROOT, django_env

STARTUP_TIMEOUT_S = 60.0
SHUTDOWN_TIMEOUT_S = 15.0


def flush_broker() -> None:
    """Forget messages a previous (interrupted) run left in the bench's Redis database."""
    redis.Redis.from_url(BROKER_URL).flushdb()


class Worker:
    def __init__(self, name: str, pool: str, concurrency: int, log_path: Path) -> None:
        self.name = name
        self.pool = pool
        self.concurrency = concurrency
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        if self.process is None:
            raise RuntimeError(f"worker {self.name} is not running")
        return self.process.pid

    def describe(self) -> str:
        return f"{self.name} (--pool {self.pool} --concurrency {self.concurrency})"

    def start(self) -> None:
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "smartcity",
            "worker",
            "--pool",
            self.pool,
            "--concurrency",
            str(self.concurrency),
            "--hostname",
            f"{self.name}@%h",
            # No cluster chatter: the workers need nothing from each other.
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "INFO",
        ]
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        # A session of its own: Ctrl-C in the terminal reaches only the runner, which
        # then stops the worker in order (and can kill its whole process group if stuck).
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=REPO_ROOT,
                env=django_env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_until_ready(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"worker {self.name} exited:\n{self._log_tail()}")
            if "ready." in self.log_path.read_text(errors="replace"):
                return
            time.sleep(0.1)
        raise RuntimeError(f"worker {self.name} not ready after {STARTUP_TIMEOUT_S:.0f} s")

    def stop(self) -> None:
        """Warm shutdown (finish the task in hand), then kill the group if it hangs."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=SHUTDOWN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def _log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


class Workers:
    """Start several workers at once (they import Django in parallel), stop them all."""

    def __init__(self, workers: list[Worker]) -> None:
        self.workers = workers

    @property
    def pids(self) -> list[int]:
        return [worker.pid for worker in self.workers]

    def describe(self) -> str:
        return ", ".join(worker.describe() for worker in self.workers)

    def __enter__(self) -> "Workers":
        flush_broker()
        try:
            for worker in self.workers:
                worker.start()
            deadline = time.monotonic() + STARTUP_TIMEOUT_S
            for worker in self.workers:
                worker.wait_until_ready(deadline)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()
