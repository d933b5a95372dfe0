"""Migrate the bench database and fill it: one council, its editor, canvases full of cards,
and optionally comments on some canvases (`--comments`, per canvas).

Run inside Django (`python -m bench.seed`) with DJANGO_SETTINGS_MODULE and
DATABASE_URL pointing at the bench database; `bench.database` does that.
`--comments-only` replaces the comments of a seeded database and nothing else.
"""

import argparse
import itertools
import os
import random
import time
from collections import defaultdict
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from canvas_app.framework import BLOCKS  # noqa: E402
from canvas_app.models import (  # noqa: E402
    Canvas,
    Card,
    CardColour,
    Comment,
    Council,
    Evidence,
    Membership,
    Notification,
    Role,
    Sector,
)
from canvas_app.services.councils import council_create, member_add  # noqa: E402

from . import review_seed  # noqa: E402
from .fixture import (  # noqa: E402
    CANVAS_COUNT,
    CARDS_PER_CANVAS,
    COMMENT_CANVASES,
    COMMENTER_COUNT,
    COUNCIL_SLUG,
    PASSWORD,
    USERNAME,
)

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


# Comments ------------------------------------------------------------------


def remove_comments() -> bool:
    """Empty the comment and notification tables (and what hangs from comments: mentions,
    revisions, reports, moderation log). The bench database holds nothing else there."""
    if not (Comment.objects.exists() or Notification.objects.exists()):
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {Comment._meta.db_table}, {Notification._meta.db_table} CASCADE")
    return True


def _commenters(council: Council) -> list[int]:
    """Council members who comment besides the bench user (viewers may comment)."""
    User = get_user_model()
    names = [f"bench-commenter-{n:02d}" for n in range(1, COMMENTER_COUNT + 1)]
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    User.objects.bulk_create(
        User(
            username=name,
            email=f"{name}@example.org",
            first_name="Commenter",
            last_name=name[-2:],
            password=review_seed.UNUSABLE_PASSWORD,
        )
        for name in names
        if name not in existing
    )
    users = list(User.objects.filter(username__in=names).values_list("pk", flat=True))
    Membership.objects.bulk_create(
        [Membership(user_id=pk, council=council, role=Role.VIEWER) for pk in users],
        ignore_conflicts=True,
    )
    return users


def seed_comments(per_canvas: int, canvas_count: int, notifications: bool) -> str:
    """`per_canvas` comments on each of the bench council's first `canvas_count`
    canvases (by id), replacing any earlier ones. With `notifications`, the bench user
    (who owns every canvas, so takes part in it) gets the notification the app makes
    for each published comment by someone else; those older than a day are read and
    e-mailed, the rest are not."""
    started = time.perf_counter()
    removed = remove_comments()
    if per_canvas <= 0:
        return "no comments" + (" (earlier comments removed)" if removed else "")
    council = Council.objects.get(slug=COUNCIL_SLUG)
    bench_user = get_user_model().objects.get(username=USERNAME)
    authors = [bench_user.pk, *_commenters(council)]
    canvas_ids = list(
        Canvas.objects.filter(council=council).order_by("id").values_list("id", flat=True)
    )[:canvas_count]
    cards: dict[int, list[review_seed.CardInfo]] = defaultdict(list)
    for pk, canvas_id, block, text in Card.objects.filter(canvas_id__in=canvas_ids).values_list(
        "id", "canvas_id", "block", "text"
    ):
        cards[canvas_id].append(review_seed.CardInfo(pk, block, text))
    rng = random.Random(500)
    now = timezone.now()
    threads: list[Comment] = []
    replies: list[Comment] = []
    for canvas_id in canvas_ids:
        canvas_threads, canvas_replies = review_seed.plan_canvas_comments(
            canvas_id=canvas_id,
            cards=cards[canvas_id],
            authors=authors,
            moderator_id=bench_user.pk,
            count=per_canvas,
            rng=rng,
            start=now - timedelta(days=30),
            end=now - timedelta(minutes=1),
        )
        threads += canvas_threads
        replies += canvas_replies
    with transaction.atomic():
        review_seed.insert_comments(threads, replies)
        notified = 0
        if notifications:
            thread_authors = {thread.pk: thread.author_id for thread in threads}
            notified = review_seed.insert_notifications(
                row
                for comment in (*threads, *replies)
                for row in review_seed.notifications_for(
                    comment,
                    [bench_user.pk],
                    thread_authors=thread_authors,
                    daily_only=False,
                    read_before=now - timedelta(days=1),
                )
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    resolved = sum(thread.status == "resolved" for thread in threads)
    return (
        f"{len(threads) + len(replies)} comments ({len(threads)} threads, {resolved} resolved; "
        f"{len(replies)} replies) on {len(canvas_ids)} canvases, {notified} notifications "
        f"for {USERNAME}, in {time.perf_counter() - started:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--canvases", type=int, default=CANVAS_COUNT)
    parser.add_argument("--cards", type=int, default=CARDS_PER_CANVAS, help="cards per canvas")
    parser.add_argument(
        "--migrate-only", action="store_true", help="bring a seeded database's schema up to date"
    )
    parser.add_argument("--comments", type=int, default=0, help="comments per commented canvas")
    parser.add_argument(
        "--comment-canvases",
        type=int,
        default=COMMENT_CANVASES,
        help="how many canvases (the first by id) get comments",
    )
    parser.add_argument(
        "--no-notifications",
        action="store_true",
        help="comments without the bench user's notifications",
    )
    parser.add_argument(
        "--comments-only",
        action="store_true",
        help="replace the comments of a seeded, migrated database (none with --comments 0)",
    )
    args = parser.parse_args()
    if args.comments_only:
        print(seed_comments(args.comments, args.comment_canvases, not args.no_notifications))
        return
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrated = time.perf_counter()
    if args.migrate_only:
        print(f"migrated in {migrated - started:.1f} s")
        return
    seed(args.canvases, args.cards)
    seeded = time.perf_counter()
    comments = ""
    if args.comments:
        comments = "; " + seed_comments(
            args.comments, args.comment_canvases, not args.no_notifications
        )
    print(
        f"migrated in {migrated - started:.1f} s, seeded {args.canvases} canvases x "
        f"{args.cards} cards in {seeded - migrated:.1f} s{comments}"
    )


if __name__ == "__main__":
    main()
