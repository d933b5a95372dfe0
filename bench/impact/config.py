"""Where the impact benchmark keeps its data and how the bench process and workers reach it."""

import os
from pathlib import Path

from bench.fixture import PG_SERVER_URL, REPO_ROOT, RESULTS_DIR

DATABASE_NAME = "smartcity_bench_impact"
DATABASE_URL = f"{PG_SERVER_URL}/{DATABASE_NAME}"
# A Redis database of its own: flushing it cannot touch another process's queues.
BROKER_URL = "redis://127.0.0.1:6379/14"

RESULTS_PATH = RESULTS_DIR / "impact.json"
LATENCY_WORKER_LOG = RESULTS_DIR / "impact-worker-latency.log"

LATENCY_COUNCIL = "impact-latency"
RESCORE_COUNCIL = "impact-rescore"
EDITOR = "impact-editor"
ADMIN = "impact-admin"

__all__ = ["PG_SERVER_URL", "REPO_ROOT", "RESULTS_DIR"]


def rescore_worker_log(index: int) -> Path:
    return RESULTS_DIR / f"impact-worker-rescore-{index}.log"


def django_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """Production settings on the bench database and broker, for this process and the workers.

    With CELERY_BROKER_URL set, `.delay()` in this process publishes to Redis instead of
    running the task in-process, so every assessment goes through a real worker.
    """
    env = dict(os.environ if base is None else base)
    env.update(
        DJANGO_SETTINGS_MODULE="smartcity.settings",
        DATABASE_URL=DATABASE_URL,
        CELERY_BROKER_URL=BROKER_URL,
        PYTHONPATH=str(REPO_ROOT),
        DEBUG="0",
        SECRET_KEY="bench-impact-secret-key-not-used-anywhere-else-8d1e4b7c",
        LOG_LEVEL="INFO",
    )
    env.pop("REDIS_URL", None)
    env.pop("CACHE_URL", None)
    return env


def setup_django() -> None:
    """Configure this process like a worker; call before importing anything that uses models."""
    os.environ.update(django_env())
    import django

    django.setup()
