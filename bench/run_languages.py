"""Does a page cost more in Spanish or Catalan than in English? In-process, on the
seeded bench database (run `bench/run_web.py` once first).

The canvas page is requested in rounds, each round asking for the same canvas in
every language one after the other, so that a busy machine slows all languages
alike; the figure is the CPU time of the process per request (time.process_time),
median and p95, and each language's median as a ratio to English.

Usage: .venv/bin/python -m bench.run_languages [--rounds 200]
"""

import argparse
import os
import statistics
import time

from .database import django_env

os.environ.update(django_env())

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402

from canvas_app.models import Canvas, Comment  # noqa: E402

from .fixture import USERNAME  # noqa: E402

HOST = "127.0.0.1"
TARGET = 1.05  # the "within 5 %"


def cpu_ms(client: Client, path: str, language: str) -> float:
    started = time.process_time()
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    spent = (time.process_time() - started) * 1000
    if response.status_code != 200 or response["Content-Language"] != language:
        raise SystemExit(f"{path} in {language}: {response.status_code}")
    return spent


def p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    languages = [code for code, _name in settings.LANGUAGES]
    client = Client(HTTP_HOST=HOST)
    client.force_login(get_user_model().objects.get(username=USERNAME))
    commented = set(Comment.objects.values_list("canvas_id", flat=True).distinct())
    canvases = [pk for pk in Canvas.objects.order_by("id").values_list("id", flat=True)][:50]
    paths = [f"/canvases/{pk}/" for pk in canvases if pk not in commented] or [
        f"/canvases/{pk}/" for pk in canvases
    ]
    for path in paths[:5]:  # warm the template, URL and translation caches
        for language in languages:
            cpu_ms(client, path, language)
    samples: dict[str, list[float]] = {language: [] for language in languages}
    for number in range(args.rounds):
        path = paths[number % len(paths)]
        for language in languages:
            samples[language].append(cpu_ms(client, path, language))
    english = statistics.median(samples["en"])
    print(f"canvas page, {args.rounds} rounds, CPU ms per request (in-process)")
    print(f"{'language':10} {'median':>8} {'p95':>8} {'ratio to en':>12} {'target':>8}")
    for language, values in samples.items():
        ratio = statistics.median(values) / english
        verdict = "" if language == "en" else ("pass" if ratio <= TARGET else "FAIL")
        print(
            f"{language:10} {statistics.median(values):8.2f} {p95(values):8.2f} "
            f"{ratio:12.3f} {('≤ ' + str(TARGET)) if language != 'en' else '':>8} {verdict}"
        )


if __name__ == "__main__":
    main()
