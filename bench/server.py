"""Run the app under gunicorn, as production does, for the length of a `with` block."""

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from types import TracebackType

from .fixture import REPO_ROOT, VENV_BIN

STARTUP_TIMEOUT_S = 30.0
SHUTDOWN_TIMEOUT_S = 15.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class GunicornServer:
    def __init__(self, env: dict[str, str], workers: int, log_path: Path) -> None:
        self.env = env
        self.workers = workers
        self.log_path = log_path
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        if self.process is None:
            raise RuntimeError("gunicorn is not running")
        return self.process.pid

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "GunicornServer":
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        command = [
            str(VENV_BIN / "gunicorn"),
            "smartcity.wsgi:application",
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={self.workers}",
            "--worker-class=sync",
            "--error-logfile=-",
            # The default control socket path is per user, shared with any other gunicorn.
            "--no-control-socket",
        ]
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        # gunicorn's log and Django's request warnings (4xx, 5xx) go to the file,
        # keeping the runner's output readable. A session of its own: Ctrl-C in the
        # terminal reaches only the runner, which then shuts the server down in order.
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=REPO_ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited at start-up; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/bench/minimal", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {STARTUP_TIMEOUT_S:.0f} s")

    def stop(self) -> None:
        """SIGTERM lets the master stop its workers; SIGKILL the group only if it hangs."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=SHUTDOWN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
