"""Where a request's time goes: profile the benchmarked views in-process.

Uses Django's test client against the seeded bench database (run
`bench/run_web.py` once first), so no server or network is involved: what is
left is the view's own CPU time and its database round trips.

Usage: .venv/bin/python -m bench.profile_views [--requests 50] [--top 15]
"""

import argparse
import cProfile
import os
import pstats
import time
from collections import Counter
from collections.abc import Callable

from .database import django_env

os.environ.update(django_env())

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from canvas_app.models import Canvas, Card, Comment  # noqa: E402

from .fixture import USERNAME  # noqa: E402

HOST = "127.0.0.1"  # must be in ALLOWED_HOSTS; the test client's default "testserver" is not

# Inclusive (cumulative) time of a few functions, each named by file and function.
# They overlap (URL reversing happens inside template rendering), so they do not
# add up to 100 %; each says how much of the request would go if that part did.
KEY_FUNCTIONS = (
    ("template rendering", "django/template/base.py", "render"),
    ("  {% url %} reversing", "django/urls/base.py", "reverse"),
    ("  truncatechars filter", "django/template/defaultfilters.py", "truncatechars"),
    ("  {% csrf_token %}", "django/middleware/csrf.py", "get_token"),
    ("ORM: queries run and read", "django/db/models/sql/compiler.py", "execute_sql"),
    ("  SQL round trips", "django/db/backends/utils.py", "_execute"),
    ("  model instances built", "django/db/models/base.py", "from_db"),
    ("DRF serializer .data", "rest_framework/serializers.py", "data"),
    ("DRF request parsing", "rest_framework/request.py", "_parse"),
    ("session and user loading", "django/contrib/auth/__init__.py", "get_user"),
)

Request = Callable[[int], int]  # takes a request number, returns the HTTP status


def key_function_times(stats: pstats.Stats) -> dict[str, tuple[float, int]]:
    """Each key function's cumulative seconds and call count (the outermost entry by time)."""
    times = dict.fromkeys((label for label, _, _ in KEY_FUNCTIONS), (0.0, 0))
    entries = stats.stats.items()  # type: ignore[attr-defined]
    for (filename, _, function), (_, calls, _, cumtime, _) in entries:
        for label, path, name in KEY_FUNCTIONS:
            if function == name and filename.endswith(path) and cumtime > times[label][0]:
                times[label] = (cumtime, calls)
    return times


def page_request(client: Client, canvas_ids: list[int]) -> Request:
    return lambda n: client.get(f"/canvases/{canvas_ids[n % len(canvas_ids)]}/").status_code


def api_request(client: Client, canvas_ids: list[int]) -> Request:
    return lambda n: client.get(f"/api/v1/canvases/{canvas_ids[n % len(canvas_ids)]}/").status_code


def save_request(client: Client, cards: list[Card]) -> Request:
    def send(n: int) -> int:
        card = cards[n % len(cards)]
        answer = client.patch(
            f"/api/v1/canvases/{card.canvas_id}/cards/{card.pk}/",
            {"text": f"Profiled save {n}.", "version": card.version},
            content_type="application/json",
        )
        if answer.status_code == 200:
            card.version = answer.json()["version"]
        return answer.status_code

    return send


def profile(name: str, request: Request, count: int, top: int) -> None:
    for n in range(5):  # warm the template and URL caches
        request(n)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    statuses = Counter(request(n) for n in range(count))
    profiler.disable()
    mean_ms = (time.perf_counter() - started) / count * 1000
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"\n== {name}: {mean_ms:.1f} ms per request under the profiler, {dict(statuses)}")
    print(f"   {'':<30}{'share':>6}{'ms/request':>12}{'calls/request':>15}")
    for label, (seconds, calls) in key_function_times(stats).items():
        if seconds:
            print(
                f"   {label:<30}{seconds / total:>6.0%}{seconds / count * 1000:>12.1f}"
                f"{calls / count:>15.0f}"
            )
    stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--top", type=int, default=15, help="functions listed per view")
    args = parser.parse_args()
    user = get_user_model().objects.get(username=USERNAME)
    page_client = Client(HTTP_HOST=HOST)
    page_client.force_login(user)
    token = Token.objects.get_or_create(user=user)[0]
    api_client = Client(HTTP_HOST=HOST, HTTP_AUTHORIZATION=f"Token {token.key}")
    # With comments seeded (run_web.py --comments), the plain page is profiled on
    # canvases without any and the commented canvases get their own entry.
    commented = set(Comment.objects.values_list("canvas_id", flat=True).distinct())
    ordered = Canvas.objects.order_by("id").values_list("id", flat=True)
    canvas_ids = [pk for pk in ordered if pk not in commented][: args.requests]
    cards = list(Card.objects.filter(canvas_id__in=canvas_ids).order_by("?")[: args.requests + 5])
    profile("canvas page", page_request(page_client, canvas_ids), args.requests, args.top)
    if commented:
        with_comments = sorted(commented)[: args.requests]
        per_canvas = Comment.objects.filter(canvas_id=with_comments[0]).count()
        name = f"canvas page +{per_canvas} comments"
        profile(name, page_request(page_client, with_comments), args.requests, args.top)
    profile("api canvas detail", api_request(api_client, canvas_ids), args.requests, args.top)
    profile("card save", save_request(api_client, cards), args.requests, args.top)


if __name__ == "__main__":
    main()
