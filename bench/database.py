"""Create and seed the bench database, and read back the ids the scenarios need."""

import os
import subprocess
import sys
from dataclasses import dataclass, field

import psycopg
from psycopg import sql

from .fixture import (
    COUNCIL_SLUG,
    DATABASE_NAME,
    DATABASE_URL,
    DIGEST_DATABASE_NAME,
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
    comments: dict[int, int] = field(default_factory=dict)  # canvas id: its comments

    @property
    def commented_canvas_ids(self) -> list[int]:
        return [pk for pk in self.canvas_ids if self.comments.get(pk)]

    @property
    def uncommented_canvas_ids(self) -> list[int]:
        return [pk for pk in self.canvas_ids if not self.comments.get(pk)]


# Only the bench's own databases are ever dropped here (never the test database).
OWN_DATABASES = frozenset({DATABASE_NAME, DIGEST_DATABASE_NAME})


def recreate_database(name: str = DATABASE_NAME) -> None:
    if name not in OWN_DATABASES:
        raise ValueError(f"not a bench database: {name}")
    # CREATE/DROP DATABASE cannot run inside a transaction, hence autocommit.
    with psycopg.connect(f"{PG_SERVER_URL}/postgres", autocommit=True) as conn:
        identifier = sql.Identifier(name)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(identifier))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(identifier))


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


def seed_comments(env: dict[str, str], per_canvas: int, canvases: int, notifications: bool) -> str:
    """Replace the comments of the seeded database (none with per_canvas 0)."""
    args = ["--comments-only", "--comments", str(per_canvas), "--comment-canvases", str(canvases)]
    if not notifications:
        args.append("--no-notifications")
    return run_django(env, "bench.seed", *args)


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
        comments = dict(
            conn.execute(
                "SELECT canvas_id, count(*) FROM canvas_app_comment"
                " WHERE canvas_id = ANY(%s) GROUP BY canvas_id",
                [canvas_ids],
            ).fetchall()
        )
    if not canvas_ids or not cards:
        raise SystemExit(f"{DATABASE_NAME} holds no bench canvases: run without --skip-seed.")
    return Dataset(canvas_ids=canvas_ids, cards=cards, comments=comments)


def open_threads(canvas_id: int) -> int:
    """Open threads everyone can see on a canvas, counted without the app."""
    with psycopg.connect(DATABASE_URL) as conn:
        row = conn.execute(
            "SELECT count(*) FROM canvas_app_comment WHERE canvas_id = %s AND parent_id IS NULL"
            " AND status = 'open' AND hidden_at IS NULL AND NOT awaiting_approval",
            [canvas_id],
        ).fetchone()
    return row[0] if row else 0


def database_exists(name: str = DATABASE_NAME) -> bool:
    with psycopg.connect(f"{PG_SERVER_URL}/postgres") as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return row.fetchone() is not None


def django_env(
    base: dict[str, str] | None = None, database_url: str = DATABASE_URL
) -> dict[str, str]:
    """The production-like environment the seeder and the server both run with."""
    env = dict(os.environ if base is None else base)
    env.update(
        DATABASE_URL=database_url,
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
