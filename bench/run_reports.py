"""Business case PDFs: render time, the worker's peak memory, and serving a stored PDF.

Renders each demo canvas's business case several times through a real Celery worker
on the `reports` queue (a card is changed before each render, so every request is a
new fingerprint), reads the render time the worker records, the worker's peak
resident memory (VmHWM), and times serving an unchanged canvas's PDF in-process.

Usage: .venv/bin/python bench/run_reports.py [--renders 5] [--serves 50]
Targets: render <= 2 s; a stored PDF served in <= 100 ms.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import redis
from psycopg import sql

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS = REPO_ROOT / "bench" / "results"
DATABASE = "smartcity_bench_reports"
SERVER = "postgres://postgres@127.0.0.1:5432"
BROKER = "redis://127.0.0.1:6379/13"
MEDIA = Path(tempfile.mkdtemp(prefix="bench-reports-media-"))

ENV = {
    "DATABASE_URL": f"{SERVER}/{DATABASE}",
    "CELERY_BROKER_URL": BROKER,
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-secret-key-bench-only-secret-key-0123456789",
    "ALLOWED_HOSTS": "testserver",
    "SECURE_SSL_REDIRECT": "0",
    "PLAIN_STATIC_STORAGE": "1",
    "MEDIA_ROOT": str(MEDIA),
    "DJANGO_SETTINGS_MODULE": "smartcity.settings",
}


def recreate_database() -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        name = sql.Identifier(DATABASE)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def start_worker(log: Path) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "smartcity",
        "worker",
        "--queues",
        "reports",
        "--pool",
        "solo",
        "--without-gossip",
        "--without-mingle",
        "--loglevel",
        "INFO",
    ]
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env={**os.environ, **ENV},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while "ready." not in log.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"The worker did not start:\n{log.read_text()}")
        time.sleep(0.2)
    return process


def peak_memory_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def render_series(canvas, by, renders: int) -> list[dict]:
    from django.db import transaction

    from canvas_app.models import Report, ReportStatus
    from canvas_app.services.cards import card_update
    from canvas_app.services.reports import report_request

    results = []
    card = canvas.cards.order_by("id").first()
    for index in range(renders):
        card.refresh_from_db()
        card_update(
            card=card, by=by, based_on_version=card.version, text=f"{card.text[:200]} ({index})"
        )
        started = time.perf_counter()
        with transaction.atomic():
            report = report_request(canvas=canvas, by=by)
        while True:
            report.refresh_from_db()
            if report.status in (ReportStatus.DONE, ReportStatus.FAILED):
                break
            if time.perf_counter() - started > 120:
                raise RuntimeError("A render did not finish within 120 s")
            time.sleep(0.02)
        if report.status != ReportStatus.DONE:
            raise RuntimeError(f"Render failed: {report.error}")
        results.append(
            {
                "render_ms": report.render_ms,
                "request_to_done_ms": (time.perf_counter() - started) * 1000,
                "pages": report.pages,
                "kib": report.size_bytes / 1024,
            }
        )
        Report.objects.exclude(pk=report.pk).filter(canvas=canvas).delete()
    return results


def serve_series(canvas, user, serves: int) -> list[float]:
    from django.test import Client

    client = Client()
    client.force_login(user)
    times = []
    for _ in range(serves):
        started = time.perf_counter()
        response = client.get(f"/canvases/{canvas.pk}/report/pdf/")
        body = b"".join(response.streaming_content)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200 and body.startswith(b"%PDF-"), response.status_code
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=5, help="renders per demo canvas")
    parser.add_argument("--serves", type=int, default=50, help="downloads of a stored PDF")
    args = parser.parse_args()
    began = time.perf_counter()
    RESULTS.mkdir(parents=True, exist_ok=True)
    recreate_database()
    redis.Redis.from_url(BROKER).flushdb()
    os.environ.update(ENV)
    sys.path.insert(0, str(REPO_ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from canvas_app.models import Canvas

    call_command("migrate", interactive=False, verbosity=0)
    from django.conf import settings

    settings.CELERY_TASK_ALWAYS_EAGER = True  # the demo's own scores: computed here
    from smartcity.celery import app

    app.conf.task_always_eager = True
    call_command("seed_demo", verbosity=0)
    app.conf.task_always_eager = False  # from now on, tasks go to the worker
    editor = get_user_model().objects.get(username="demo-editor")
    worker = start_worker(RESULTS / "reports-worker.log")
    summary: dict = {"canvases": {}, "renders_per_canvas": args.renders}
    try:
        all_renders = []
        for canvas in Canvas.objects.filter(council__slug="demo").order_by("pk"):
            series = render_series(canvas, editor, args.renders)
            all_renders += [r["render_ms"] for r in series]
            summary["canvases"][canvas.title] = {
                "pages": series[-1]["pages"],
                "kib": round(series[-1]["kib"], 1),
                "render_median_ms": round(statistics.median(r["render_ms"] for r in series), 1),
                "render_p95_ms": round(percentile([r["render_ms"] for r in series], 0.95), 1),
                "request_to_done_median_ms": round(
                    statistics.median(r["request_to_done_ms"] for r in series), 1
                ),
            }
        summary["render_median_ms"] = round(statistics.median(all_renders), 1)
        summary["render_p95_ms"] = round(percentile(all_renders, 0.95), 1)
        summary["worker_peak_mib"] = round(peak_memory_mib(worker.pid), 1)
        serves = serve_series(
            Canvas.objects.filter(council__slug="demo").first(), editor, args.serves
        )
        summary["cached_serve_median_ms"] = round(statistics.median(serves), 1)
        summary["cached_serve_p95_ms"] = round(percentile(serves, 0.95), 1)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    summary["total_s"] = round(time.perf_counter() - began, 1)
    print_summary(summary)
    (RESULTS / "reports.json").write_text(json.dumps(summary, indent=2))
    met = summary["render_p95_ms"] <= 2000 and summary["cached_serve_p95_ms"] <= 100
    return 0 if met else 1


def print_summary(summary: dict) -> None:
    print(f"\nBusiness case PDFs, {summary['renders_per_canvas']} renders per demo canvas")
    print(
        f"  {'canvas':38} {'pages':>5} {'KiB':>6} {'render median':>14} {'p95':>8}"
        f" {'request→done':>13}"
    )
    for title, row in summary["canvases"].items():
        print(
            f"  {title[:38]:38} {row['pages']:5} {row['kib']:6} {row['render_median_ms']:11} ms"
            f" {row['render_p95_ms']:5} ms {row['request_to_done_median_ms']:10} ms"
        )
    print(
        f"  all renders: median {summary['render_median_ms']} ms, p95 {summary['render_p95_ms']} ms"
        f" (target <= 2000 ms)"
    )
    print(f"  worker peak resident memory (VmHWM): {summary['worker_peak_mib']} MiB")
    print(
        f"  stored PDF served: median {summary['cached_serve_median_ms']} ms,"
        f" p95 {summary['cached_serve_p95_ms']} ms (target <= 100 ms)"
    )
    print(f"Total run time: {summary['total_s']} s")


if __name__ == "__main__":
    sys.exit(main())
