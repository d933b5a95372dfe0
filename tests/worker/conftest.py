"""A real Celery worker process on Redis, working on the test database."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.db import connection
from kombu import pools

from smartcity.celery import app

ROOT = Path(__file__).resolve().parents[2]
BROKER = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
UNREACHABLE_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1


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


@pytest.fixture
def worker(transactional_db, tmp_path):
    redis.Redis.from_url(BROKER).flushdb()
    log = tmp_path / "worker.log"
    env = {**os.environ, "DATABASE_URL": test_database_url(), "CELERY_BROKER_URL": BROKER}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "smartcity",
            "worker",
            "--pool",
            "solo",
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until(lambda: "ready." in log.read_text() or process.poll() is not None)
        if process.poll() is not None:
            pytest.fail(f"The Celery worker did not start:\n{log.read_text()}")
        use_broker(BROKER)
        yield log
    finally:
        use_broker(None)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        connection.close()  # the worker's connections are gone; let flush proceed
