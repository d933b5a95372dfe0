"""Real Celery worker and beat processes on Redis, working on the test database."""

import email
import email.policy
import os
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
import redis
from django.db import connection
from kombu import pools

from smartcity.celery import app

ROOT = Path(__file__).resolve().parents[2]
BROKER = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
UNREACHABLE_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1
FILE_EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
# What Django's file-based backend writes after each message of a file.
EMAIL_SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def use_broker(url: str | None) -> None:
    """Point this process's publisher at a broker (None: run tasks in-process again)."""
    app.conf.broker_url = url
    app.conf.task_always_eager = url is None
    # Cached pools would keep the old address.
    if app._pool is not None:
        app._pool.force_close_all()
        app._pool = None
    app.amqp._producer_pool = None
    pools.reset()


def test_database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def wait_until(predicate, timeout: float = 30.0, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"Condition not met within {timeout} s")


class CeleryProcesses:
    """Starts `celery -A smartcity ...` processes on the test broker and database,
    each with its own log; the fixture stops them all at the end of the test."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.started: list[subprocess.Popen] = []

    def worker(self, **env: str) -> Path:
        """A worker consuming the default queue; this process then publishes to it."""
        log = self._start(
            "worker",
            ["worker", "--pool", "solo", "--without-gossip", "--without-mingle"],
            env,
            ready="ready.",
        )
        use_broker(BROKER)
        return log

    def beat(self, **env: str) -> Path:
        """Beat, sending the CELERY_BEAT_SCHEDULE of the settings (as read with `env`)."""
        schedule = self.directory / f"beat-schedule-{len(self.started)}"
        return self._start(
            "beat", ["beat", "--schedule", str(schedule)], env, ready="beat: Starting..."
        )

    def stop_all(self) -> None:
        # Beat first, so it sends nothing to a worker that is gone.
        while self.started:
            process = self.started.pop()
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def _start(self, name: str, args: list[str], env: dict[str, str], ready: str) -> Path:
        log = self.directory / f"{name}-{len(self.started)}.log"
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "smartcity", *args, "--loglevel", "INFO"],
            cwd=ROOT,
            env={
                **os.environ,
                "DATABASE_URL": test_database_url(),
                "CELERY_BROKER_URL": BROKER,
                **env,
            },
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        self.started.append(process)
        wait_until(lambda: ready in log.read_text() or process.poll() is not None)
        if process.poll() is not None:
            pytest.fail(f"Celery {name} did not start:\n{log.read_text()}")
        return log


@pytest.fixture
def celery_processes(transactional_db, tmp_path):
    redis.Redis.from_url(BROKER).flushdb()
    processes = CeleryProcesses(tmp_path)
    try:
        yield processes
    finally:
        use_broker(None)
        processes.stop_all()
        connection.close()  # the processes' connections are gone; let flush proceed


@pytest.fixture
def worker(celery_processes):
    return celery_processes.worker()


class Outbox:
    """The e-mails a file-based e-mail backend wrote in a directory (one file per
    connection, so a digest run writes all its e-mails in one file)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(exist_ok=True)

    @property
    def env(self) -> dict[str, str]:
        """The environment that makes a Celery process write its e-mails here."""
        return {"EMAIL_BACKEND": FILE_EMAIL_BACKEND, "EMAIL_FILE_PATH": str(self.directory)}

    def files(self) -> list[Path]:
        return sorted(self.directory.iterdir())

    def messages(self, to: str | None = None) -> list[EmailMessage]:
        """Every message written so far, oldest file first; only those to `to` if given."""
        messages = []
        for path in self.files():
            # Whatever follows the last separator is a message still being written.
            for raw in path.read_bytes().split(EMAIL_SEPARATOR)[:-1]:
                messages.append(email.message_from_bytes(raw, policy=email.policy.default))
        return [m for m in messages if to is None or m["To"] == to]


def text_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture
def outbox(tmp_path):
    return Outbox(tmp_path / "outbox")


@pytest.fixture
def mail_worker(celery_processes, outbox):
    """A worker that writes its e-mails to the outbox."""
    return celery_processes.worker(**outbox.env)
