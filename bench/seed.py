"""Migrate the bench database and fill it: one council, its editor, canvases full of cards.

Run inside Django (`python -m bench.seed`) with DJANGO_SETTINGS_MODULE and
DATABASE_URL pointing at the bench database; `bench.database` does that.
"""

import argparse
import itertools
import os
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from canvas_app.framework import BLOCKS  # noqa: E402
from canvas_app.models import Canvas, Card, CardColour, Evidence, Sector  # noqa: E402
from canvas_app.services.councils import council_create, member_add  # noqa: E402

from .fixture import CANVAS_COUNT, CARDS_PER_CANVAS, COUNCIL_SLUG, PASSWORD, USERNAME  # noqa: E402

BATCH_SIZE = 2000

CARD_TEXTS = (
    "Residents in the northern districts report unreliable night buses after 23:00.",
    "Shared sensor platform operated with the regional utility; open data under CC-BY.",
    "Pilot in two neighbourhoods, then city-wide roll-out over three years if KPIs are met.",
    "Capital cost covered by the EU recovery fund; operating cost by energy savings.",
    "Co-design workshops with the disability council and the neighbourhood associations.",
    "Cuts street-lighting energy use by about 60 % and CO2 emissions by 400 t a year.",
)


def seed(canvas_count: int, cards_per_canvas: int) -> None:
    with transaction.atomic():
        council = council_create(slug=COUNCIL_SLUG, name="Bench City Council")
        user = member_add(council=council, username=USERNAME, role="editor", password=PASSWORD).user
        canvases = Canvas.objects.bulk_create(
            _canvases(council, user, canvas_count), batch_size=BATCH_SIZE
        )
        Card.objects.bulk_create(_cards(canvases, user, cards_per_canvas), batch_size=BATCH_SIZE)
    # Bulk-loaded tables have no planner statistics until autovacuum gets to them;
    # analyse now so the measured plans are the ones a settled database uses.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _canvases(council, user, count: int) -> list[Canvas]:
    sectors = itertools.cycle(Sector.values)
    return [
        Canvas(
            council=council,
            owner=user,
            title=f"Bench canvas {number:04d}",
            summary="A smart city service described for the benchmark. " * 3,
            sector=next(sectors),
        )
        for number in range(1, count + 1)
    ]


def _cards(canvases: list[Canvas], user, per_canvas: int):
    """Cards spread round-robin over the blocks, so every block of every canvas is filled."""
    colours, evidence = CardColour.values, Evidence.values
    for canvas in canvases:
        for index in range(per_canvas):
            yield Card(
                canvas=canvas,
                block=BLOCKS[index % len(BLOCKS)].key,
                position=index // len(BLOCKS),
                text=CARD_TEXTS[index % len(CARD_TEXTS)],
                tag="pilot" if index % 3 == 0 else "",
                colour=colours[index % len(colours)],
                evidence=evidence[index % len(evidence)],
                created_by=user,
                updated_by=user,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--canvases", type=int, default=CANVAS_COUNT)
    parser.add_argument("--cards", type=int, default=CARDS_PER_CANVAS, help="cards per canvas")
    parser.add_argument(
        "--migrate-only", action="store_true", help="bring a seeded database's schema up to date"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrated = time.perf_counter()
    if args.migrate_only:
        print(f"migrated in {migrated - started:.1f} s")
        return
    seed(args.canvases, args.cards)
    print(
        f"migrated in {migrated - started:.1f} s, seeded {args.canvases} canvases x "
        f"{args.cards} cards in {time.perf_counter() - migrated:.1f} s"
    )


if __name__ == "__main__":
    main()
