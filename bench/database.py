"""Create and seed the bench database, and read back the ids the scenarios need."""

import os
import subprocess
import sys
from dataclasses import dataclass

import psycopg
from psycopg import sql

from .fixture import (
    COUNCIL_SLUG,
    DATABASE_NAME,
    DATABASE_URL,
    PG_SERVER_URL,
    REPO_ROOT,
    STATIC_ROOT,
)


@dataclass(frozen=True)
class CardRef:
    id: int
    canvas_id: int
    version: int


@dataclass(frozen=True)
class Dataset:
    canvas_ids: list[int]
    cards: list[CardRef]


def recreate_database() -> None:
    # CREATE/DROP DATABASE cannot run inside a transaction, hence autocommit.
    with psycopg.connect(f"{PG_SERVER_URL}/postgres", autocommit=True) as conn:
        name = sql.Identifier(DATABASE_NAME)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def run_django(env: dict[str, str], *args: str) -> str:
    """Run a Django command in its own interpreter, configured from the environment.

    Output is kept back (apps print banners at start-up) unless the command fails.
    """
    result = subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def migrate_and_seed(env: dict[str, str]) -> str:
    return run_django(env, "bench.seed")


def migrate(env: dict[str, str]) -> str:
    """Code changes between runs may bring migrations; a reused database needs them too."""
    return run_django(env, "bench.seed", "--migrate-only")


def collect_static(env: dict[str, str]) -> None:
    """Fill STATIC_ROOT as a deployment does; unchanged files are skipped on later runs."""
    run_django(env, "django", "collectstatic", "--noinput", "--verbosity=0")


def load_dataset() -> Dataset:
    """The bench council's canvases and cards, with each card's current version."""
    with psycopg.connect(DATABASE_URL) as conn:
        canvas_ids = [
            row[0]
            for row in conn.execute(
                "SELECT canvas.id FROM canvas_app_canvas canvas"
                " JOIN canvas_app_council council ON council.id = canvas.council_id"
                " WHERE council.slug = %s ORDER BY canvas.id",
                [COUNCIL_SLUG],
            )
        ]
        cards = [
            CardRef(*row)
            for row in conn.execute(
                "SELECT id, canvas_id, version FROM canvas_app_card"
                " WHERE canvas_id = ANY(%s) ORDER BY id",
                [canvas_ids],
            )
        ]
    if not canvas_ids or not cards:
        raise SystemExit(f"{DATABASE_NAME} holds no bench canvases: run without --skip-seed.")
    return Dataset(canvas_ids=canvas_ids, cards=cards)


def database_exists() -> bool:
    with psycopg.connect(f"{PG_SERVER_URL}/postgres") as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME])
        return row.fetchone() is not None


def django_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The production-like environment the seeder and the server both run with."""
    env = dict(os.environ if base is None else base)
    env.update(
        DATABASE_URL=DATABASE_URL,
        DJANGO_SETTINGS_MODULE="bench.settings",
        PYTHONPATH=str(REPO_ROOT),
        DEBUG="0",
        SECRET_KEY="bench-secret-key-not-used-anywhere-else-5f0c2d8e9a7b41c3",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # The bench talks plain HTTP to gunicorn directly; production's proxy terminates TLS.
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        # Plain storage: the manifest storage's compressing collectstatic takes about a
        # minute here, and no static file is requested by the benchmark.
        PLAIN_STATIC_STORAGE="1",
        STATIC_ROOT=str(STATIC_ROOT),
        # Every run logs in through the token endpoint; the default 10/min would refuse it.
        LOGIN_THROTTLE_RATE="1000/min",
    )
    return env
