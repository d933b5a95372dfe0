"""Options appraisal and delivery benchmarks (see bench/README.md).

1. The appraisal job: canvases with a short list of 8 options (business as usual, a
   do minimum and six alternatives, the preferred one with the 10,000-draw Monte Carlo
   risk analysis), each assessed by the worker's task run in this process, one job at a
   time: wall and CPU time per job (target under 1 s on one core).
2. The portfolio's delivery view: a council of N canvases with 5 benefits and 10
   measurements each; the page requested in-process: median and p95 time, and its SQL
   queries, at N and at N / 10 (they must be the same).

The database is `smartcity_bench_delivery`, recreated on each run.
"""

import argparse
import json
import os
import statistics
import time
from datetime import date, timedelta

from . import database
from .fixture import PG_SERVER_URL, RESULTS_DIR

DATABASE_NAME = "smartcity_bench_delivery"
database.OWN_DATABASES = database.OWN_DATABASES | {DATABASE_NAME}


def log(message: str) -> None:
    print(message, flush=True)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=20, help="appraisal jobs to time")
    parser.add_argument("--canvases", type=int, default=1000, help="canvases in the portfolio")
    parser.add_argument("--requests", type=int, default=50, help="portfolio requests to time")
    return parser.parse_args()


def setup_django() -> None:
    os.environ.update(database.django_env(database_url=f"{PG_SERVER_URL}/{DATABASE_NAME}"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


# The appraisal job ------------------------------------------------------------


def short_list_rows() -> list[dict]:
    from canvas_app.examples import EXAMPLES

    led = dict(EXAMPLES["led-street-lighting"].impact_inputs)
    rows = [{"name": "Business as usual", "kind": "bau", "inputs": None}]
    rows.append(
        {
            "name": "Part-night dimming",
            "kind": "do_minimum",
            "inputs": {**led, "capex": 150_000, "opex": 5_000, "savings": 120_000},
            "project_type": "equipment_development",
            "mitigation": 0.9,
        }
    )
    for number in range(6):
        rows.append(
            {
                "name": f"LED retrofit, variant {number + 1}",
                "kind": "do_something",
                "inputs": {
                    **led,
                    "capex": led["capex"] * (1 + 0.1 * number),
                    "savings": led["savings"] * (1 + 0.08 * number),
                },
                "project_type": "standard_civil_engineering",
                "mitigation": 0.5,
                "works_duration_months": 12,
                "preferred": number == 0,
            }
        )
    return rows


def seed_appraisals(council, user, jobs: int) -> list[int]:
    """`jobs` canvases with the short list, each with a queued assessment of it."""
    from django.db import transaction

    from canvas_app.models import Assessment, Canvas, ImpactInputs, Option
    from canvas_app.services.assessments import current_snapshot, snapshot_fields

    ids = []
    rows = short_list_rows()
    preferred = next(row for row in rows if row.get("preferred"))
    with transaction.atomic():
        for number in range(jobs):
            canvas = Canvas.objects.create(
                council=council, owner=user, title=f"Appraisal {number:03d}"
            )
            ImpactInputs.objects.create(canvas=canvas, values=preferred["inputs"])
            Option.objects.bulk_create(
                Option(
                    canvas=canvas,
                    position=position,
                    name=row["name"],
                    kind=row["kind"],
                    inputs=row["inputs"],
                    preferred=row.get("preferred", False),
                    project_type=row.get("project_type", ""),
                    mitigation=row.get("mitigation", 0.0),
                    works_duration_months=row.get("works_duration_months"),
                )
                for position, row in enumerate(rows)
            )
            snapshot = current_snapshot(canvas)
            assessment = Assessment.objects.create(
                canvas=canvas,
                fingerprint=snapshot.fingerprint,
                requested_at=canvas.created_at,
                **snapshot_fields(snapshot),
            )
            ids.append(assessment.pk)
    return ids


def time_appraisals(ids: list[int]) -> dict:
    from canvas_app.models import Assessment
    from canvas_app.tasks import assess

    wall, cpu = [], []
    for assessment_id in ids:
        started, cpu_started = time.perf_counter(), time.thread_time()
        assess(assessment_id)  # the task body, as a worker runs it
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - cpu_started) * 1000)
    done = Assessment.objects.filter(pk__in=ids, status="done")
    if done.count() != len(ids):
        raise SystemExit("some appraisal jobs did not finish")
    sample = done.first()
    return {
        "jobs": len(ids),
        "options": len(sample.appraisal["options"]),
        "risk_draws": sample.result["risk"]["draws"] if sample.result.get("risk") else None,
        "wall_ms_median": round(statistics.median(wall), 1),
        "wall_ms_p95": round(percentile(wall, 0.95), 1),
        "cpu_ms_median": round(statistics.median(cpu), 1),
        "engine_ms_median": round(
            statistics.median(a.duration_ms for a in done.only("duration_ms")), 1
        ),
    }


# The delivery view ------------------------------------------------------------


def seed_portfolio(council, user, canvases: int) -> None:
    from django.db import connection, transaction

    from canvas_app.models import Benefit, Canvas, Measurement, Outturn

    start = date(2025, 1, 1)
    with transaction.atomic():
        made = Canvas.objects.bulk_create(
            Canvas(council=council, owner=user, title=f"Delivery {number:04d}")
            for number in range(canvases)
        )
        benefits = Benefit.objects.bulk_create(
            Benefit(
                canvas=canvas,
                position=index,
                name=f"Benefit {index + 1}",
                unit="MWh/yr",
                baseline=3000,
                baseline_date=start,
                target=1200 if index % 2 else 3600,
                target_date=start + timedelta(days=730),
                owner="Energy manager",
            )
            for canvas in made
            for index in range(5)
        )
        Measurement.objects.bulk_create(
            Measurement(
                benefit=benefit,
                date=start + timedelta(days=60 * (step + 1)),
                value=3000 + (benefit.target - 3000) * (step + 1) / (10 + benefit.pk % 7),
            )
            for benefit in benefits
            for step in range(10)
        )
        Outturn.objects.bulk_create(
            Outturn(canvas=canvas, actuals=[], capex_variance_pct=(canvas.pk % 40) - 10.0)
            for canvas in made[::2]
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def time_portfolio(council, user, requests: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    path = reverse("portfolio", args=[council.slug]) + "?view=delivery"
    for _ in range(3):  # warm the template and URL caches
        client.get(path)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return {
        "canvases": council.canvases.count(),
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "queries": len(queries),
        "bytes": len(response.content),
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(share * len(ordered))) - 1)]


def run() -> None:
    args = parse_args()
    log(f"Creating {DATABASE_NAME}...")
    database.recreate_database(DATABASE_NAME)
    setup_django()
    from canvas_app.services.councils import council_create, member_add

    appraisal_council = council_create(slug="appraisal", name="Appraisal City")
    user = member_add(
        council=appraisal_council, username="bench", role="editor", password="bench-pass-31"
    ).user
    log(f"Appraisal: {args.jobs} jobs of 8 options...")
    results = {"appraisal": time_appraisals(seed_appraisals(appraisal_council, user, args.jobs))}
    log(json.dumps(results["appraisal"], indent=2))

    figures = []
    for size in (args.canvases // 10, args.canvases):
        council = council_create(slug=f"delivery-{size}", name=f"Delivery {size}")
        viewer = member_add(
            council=council, username=f"bench-{size}", role="viewer", password="bench-pass-31"
        ).user
        log(f"Portfolio delivery view: seeding {size} canvases x 5 benefits x 10 measurements...")
        seed_portfolio(council, viewer, size)
        figures.append(time_portfolio(council, viewer, args.requests))
        log(json.dumps(figures[-1], indent=2))
    results["portfolio_delivery"] = figures
    if len({f["queries"] for f in figures}) != 1:
        log("FAIL: the delivery view's queries grow with the number of canvases")
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "delivery.json").write_text(json.dumps(results, indent=2) + "\n")
    log(f"Written {RESULTS_DIR / 'delivery.json'}")
