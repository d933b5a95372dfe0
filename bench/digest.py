"""The daily digest benchmark: seed a day of comments, run `digest_send()`, measure it.

See bench/README.md. The database is `smartcity_bench_digest` (never the test
database); it is dropped and recreated unless --skip-seed, which reuses it and
marks its daily notifications unsent again. E-mail goes to Django's locmem backend.
"""

import argparse
import cProfile
import gc
import json
import os
import pstats
import re
import statistics
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import psycopg

from . import database
from .fixture import DIGEST_DATABASE_NAME, DIGEST_DATABASE_URL, RESULTS_DIR

LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def log(message: str) -> None:
    print(message, flush=True)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark the daily e-mail digest.")
    parser.add_argument("--users", type=int, default=1000, help="people taking part")
    parser.add_argument("--comments", type=int, default=10_000, help="comments in the day")
    parser.add_argument("--canvases", type=int, default=200)
    parser.add_argument("--participants", type=int, default=10, help="people per canvas")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the data")
    parser.add_argument(
        "--skip-seed",
        action="store_true",
        help="reuse the digest database; its daily notifications are marked unsent again",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="run under cProfile and print the N hottest functions (slows the run down)",
    )
    return parser.parse_args()


# The database ----------------------------------------------------------------


def prepare_database(args: argparse.Namespace, env: dict[str, str]) -> dict[str, object]:
    if args.skip_seed:
        if not database.database_exists(DIGEST_DATABASE_NAME):
            raise SystemExit(f"--skip-seed: database {DIGEST_DATABASE_NAME} does not exist yet.")
        log(f"Reusing {DIGEST_DATABASE_NAME}: {database.migrate(env)}; {mark_unsent()}.")
        return {"seeded": False}
    log(
        f"Creating {DIGEST_DATABASE_NAME}: {args.users} people, {args.canvases} canvases x "
        f"{args.participants} participants, {args.comments} comments..."
    )
    started = time.perf_counter()
    database.recreate_database(DIGEST_DATABASE_NAME)
    seeded = database.run_django(
        env,
        "bench.digest_seed",
        *("--users", str(args.users), "--comments", str(args.comments)),
        *("--canvases", str(args.canvases), "--participants", str(args.participants)),
        *("--seed", str(args.seed)),
    )
    facts = json.loads(seeded)
    log(
        f"  migrated in {facts['migrate_s']} s, seeded in {facts['seed_s']} s: "
        f"{facts['users_taking_part']} people taking part ({facts['stakeholders']} invited "
        f"stakeholders), {facts['comments']} comments ({facts['threads']} threads, "
        f"{facts['resolved_threads']} resolved, {facts['hidden_or_deleted']} hidden or deleted, "
        f"{facts['awaiting_approval']} awaiting approval), {facts['notifications']} "
        f"notifications of which {facts['daily_pending']} daily ones pending for "
        f"{facts['daily_recipients']} people; {facts['opted_out_since']} people turned the "
        f"digest off since; participants() agrees on {facts['participants_checked_on']} "
        f"canvases checked; total {time.perf_counter() - started:.1f} s"
    )
    return {"seeded": True, "seed": facts}


def mark_unsent() -> str:
    """Undo an earlier run: every daily notification pending again, the table vacuumed
    so the run does not read the dead rows the last one left."""
    with psycopg.connect(DIGEST_DATABASE_URL, autocommit=True) as conn:
        changed = conn.execute(
            "UPDATE canvas_app_notification SET emailed_at = NULL"
            " WHERE delivery = 'daily' AND emailed_at IS NOT NULL"
        ).rowcount
        conn.execute("VACUUM ANALYZE canvas_app_notification")
    return f"{changed} daily notifications marked unsent again"


# Measuring -------------------------------------------------------------------


class QueryLog:
    """An execute wrapper that counts queries and their time, by shape (the SQL with
    its parameter lists folded), so that a query run once per person stands out."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0
        self.shapes: Counter[str] = Counter()
        self.shape_seconds: Counter[str] = Counter()

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            shape = re.sub(r"\((?:%s, )*%s\)", "(...)", sql)
            self.count += 1
            self.seconds += elapsed
            self.shapes[shape] += 1
            self.shape_seconds[shape] += elapsed

    def top(self, n: int = 8) -> list[dict[str, object]]:
        return [
            {
                "count": count,
                "ms": round(self.shape_seconds[shape] * 1000, 1),
                "sql": shape if len(shape) <= 200 else shape[:120] + " ... " + shape[-75:],
            }
            for shape, count in self.shapes.most_common(n)
        ]


def _status_kib() -> dict[str, int]:
    text = Path("/proc/self/status").read_text()
    return {key: int(re.search(rf"{key}:\s+(\d+)", text)[1]) for key in ("VmRSS", "VmHWM")}


def _reset_peak_rss() -> bool:
    """Linux: writing 5 to clear_refs resets the process's peak RSS (VmHWM) to now."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def measure(args: argparse.Namespace, env: dict[str, str]) -> dict[str, object]:
    """Run digest_send() in this process, configured like the seeder, mail to locmem."""
    os.environ.update(env)
    import django

    django.setup()
    from django.core import mail
    from django.db import connection

    from canvas_app.models import Delivery, Notification
    from canvas_app.services.digest import DIGEST_CHUNK, digest_send

    pending = Notification.objects.filter(delivery=Delivery.DAILY, emailed_at__isnull=True)
    before = {
        "pending": pending.count(),
        "recipients": pending.values("user_id").distinct().count(),
    }
    connection.close()  # the measured run opens its own connection, as a worker would
    mail.outbox = []
    log(
        f"digest_send(): {before['pending']} pending daily notifications for "
        f"{before['recipients']} people (DIGEST_CHUNK {DIGEST_CHUNK} a task), e-mail to locmem"
        + (", under cProfile" if args.profile else "")
    )

    queries = QueryLog()
    profiler = cProfile.Profile() if args.profile else None
    gc.collect()
    peak_reset = _reset_peak_rss()
    rss_before = _status_kib()["VmRSS"]
    started_cpu, started = time.process_time(), time.perf_counter()
    with connection.execute_wrapper(queries):
        if profiler:
            profiler.enable()
        result = digest_send()
        if profiler:
            profiler.disable()
    wall = time.perf_counter() - started
    cpu = time.process_time() - started_cpu
    memory = _status_kib()

    messages = list(mail.outbox)
    sizes = [len(message.message().as_bytes()) for message in messages]
    # How many comments each e-mail carries, as its subject says ("... 82 new comments").
    counts = (re.search(r"(\d+) new comment", message.subject) for message in messages)
    items = [int(match[1]) for match in counts if match]
    left = pending.count()
    figures = {
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "emails": result.emails,
        "notifications_sent": result.notifications,
        "notifications_skipped": result.skipped,
        "pending_before": before["pending"],
        "recipients_before": before["recipients"],
        "pending_after": left,
        "outbox": len(messages),
        "sql_queries": queries.count,
        "sql_ms": round(queries.seconds * 1000, 1),
        "sql_shapes": queries.top(),
        "ms_per_email": round(wall * 1000 / result.emails, 2) if result.emails else None,
        "email_kib_median": round(statistics.median(sizes) / 1024, 1) if sizes else None,
        "email_kib_max": round(max(sizes) / 1024, 1) if sizes else None,
        "email_mib_total": round(sum(sizes) / 2**20, 1),
        "items_per_email_median": statistics.median(items) if items else None,
        "rss_before_mib": round(rss_before / 1024, 1),
        "rss_peak_mib": round(memory["VmHWM"] / 1024, 1) if peak_reset else None,
        "rss_after_mib": round(memory["VmRSS"] / 1024, 1),
    }
    if profiler:
        stats = pstats.Stats(profiler, stream=sys.stdout)
        log(f"\nHottest functions by own time (top {args.profile}):")
        stats.sort_stats("tottime").print_stats(args.profile)
        log(f"By cumulative time (top {args.profile}):")
        stats.sort_stats("cumulative").print_stats(args.profile)
    return figures


def format_report(figures: dict[str, object], meta: dict[str, object]) -> str:
    f = figures
    peak = (
        f"peak {f['rss_peak_mib']} MiB (+{f['rss_peak_mib'] - f['rss_before_mib']:.1f})"
        if f["rss_peak_mib"] is not None
        else "peak unknown"
    )
    lines = [
        f"Daily digest: {f['pending_before']} pending daily notifications for "
        f"{f['recipients_before']} people",
        f"  wall time          {f['wall_s']} s (CPU {f['cpu_s']} s in this process; "
        f"{f['ms_per_email']} ms per e-mail)"
        + ("  [under cProfile: not comparable]" if meta.get("profiled") else ""),
        f"  e-mails            {f['emails']} (outbox {f['outbox']}), median "
        f"{f['email_kib_median']} KiB, max {f['email_kib_max']} KiB, total "
        f"{f['email_mib_total']} MiB; median {f['items_per_email_median']} comments each",
        f"  notifications      {f['notifications_sent']} sent, {f['notifications_skipped']} "
        f"skipped (hidden, deleted or turned off), {f['pending_after']} still pending",
        f"  SQL queries        {f['sql_queries']} ({f['sql_ms']} ms in the database driver)",
        f"  memory (RSS)       {f['rss_before_mib']} MiB before, {peak}, "
        f"{f['rss_after_mib']} MiB after (the locmem outbox keeps every message)",
        "  queries by shape (count, ms, SQL):",
        *(f"    {s['count']:>6} {s['ms']:>9}  {s['sql']}" for s in f["sql_shapes"]),
    ]
    return "\n".join(lines)


def main() -> None:
    args = parse_args()
    started = time.perf_counter()
    env = database.django_env(database_url=DIGEST_DATABASE_URL)
    # No broker and no shared cache: nothing here may reach the Redis the tests use.
    for name in ("CELERY_BROKER_URL", "REDIS_URL", "CACHE_URL"):
        env.pop(name, None)
    env["EMAIL_BACKEND"] = LOCMEM_BACKEND
    meta: dict[str, object] = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "load_average_before": os.getloadavg(),
        "profiled": bool(args.profile),
        "args": vars(args),
    }
    meta |= prepare_database(args, env)
    figures = measure(args, env)
    meta["load_average_after"] = os.getloadavg()
    meta["total_s"] = round(time.perf_counter() - started, 1)
    log("\n" + format_report(figures, meta))
    path = RESULTS_DIR / "digest.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"meta": meta, "digest": figures}, indent=2) + "\n")
    load = "/".join(f"{value:.2f}" for value in meta["load_average_before"])
    log(f"\nLoad average at start {load}. Total {meta['total_s']} s. Results in {path}.")


def run() -> None:
    try:
        main()
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        sys.exit(130)
