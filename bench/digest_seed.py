"""Migrate the digest benchmark's database and fill it with a day of conversation.

Run inside Django (`python -m bench.digest_seed`) with DATABASE_URL pointing at
the digest database; `bench.digest` does that. Prints one JSON line last.

What it makes (sizes from the command line):

- one council and `--users` people with e-mail addresses; one in five takes part as
  an invited stakeholder (an accepted invitation per canvas, half of them naming
  an organisation), the others as council members (viewers, some editors);
- `--canvases` canvases of 13 cards; each has `--participants` of those people,
  the first member among them owning it, and every person takes part in
  canvases x participants / users of them;
- `--comments` comments spread evenly over the canvases, written in the last day
  by their participants (each writes at least one, so that the app's
  `participants()` counts them), threads and replies, some resolved, a few hidden,
  deleted or waiting for approval (review_seed.py);
- the notifications `notify_new_comment` records for each published comment: one
  per other participant, `comment` (daily, not yet e-mailed: the digest's work) or,
  for the thread's author, `reply` (immediate, already e-mailed);
- one person in fifty has since turned the daily e-mail of new comments off.
"""

import argparse
import hashlib
import json
import os
import random
import time
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
    CanvasRole,
    Card,
    Comment,
    Delivery,
    Invitation,
    Membership,
    Notification,
    NotificationKind,
    NotificationPreference,
    Role,
    Sector,
)
from canvas_app.services.councils import council_create  # noqa: E402
from canvas_app.services.notifications import participants  # noqa: E402

from . import review_seed  # noqa: E402
from .fixture import DIGEST_COUNCIL_SLUG  # noqa: E402

STAKEHOLDER_EVERY = 5  # one person in five is an invited stakeholder
EDITOR_EVERY = 10  # one member in ten is an editor
OPT_OUT_EVERY = 50  # one person in fifty turned the daily e-mail of new comments off
CARD_TEXT = "Sensors in {block} report occupancy every five minutes to the open data portal."


def _users(count: int, rng: random.Random) -> list[int]:
    """People in a random order (the order decides who takes part where)."""
    User = get_user_model()
    users = User.objects.bulk_create(
        (
            User(
                username=f"digest-{n:04d}",
                email=f"digest-{n:04d}@example.org",
                # Most people give their name; the others are shown by username.
                first_name=f"Person{n}" if n % 10 else "",
                last_name="Example" if n % 10 else "",
                password=review_seed.UNUSABLE_PASSWORD,
            )
            for n in range(1, count + 1)
        ),
        batch_size=review_seed.BATCH_SIZE,
    )
    ids = [user.pk for user in users]
    rng.shuffle(ids)
    return ids


def _groups(users: list[int], canvases: int, size: int) -> list[list[int]]:
    """Canvas c takes `size` consecutive people from position c x stride (wrapping), so
    each person is in about canvases x size / users canvases."""
    stride = max(1, len(users) // canvases)
    return [[users[(c * stride + j) % len(users)] for j in range(size)] for c in range(canvases)]


def seed(args: argparse.Namespace) -> dict[str, object]:
    rng = random.Random(args.seed)
    now = timezone.now()
    if args.participants > args.users:
        raise SystemExit("--participants cannot exceed --users")
    with transaction.atomic():
        council = council_create(slug=DIGEST_COUNCIL_SLUG, name="Digest City Council")
        users = _users(args.users, rng)
        stakeholders = set(users[STAKEHOLDER_EVERY - 1 :: STAKEHOLDER_EVERY])
        members = [pk for pk in users if pk not in stakeholders]
        Membership.objects.bulk_create(
            Membership(
                user_id=pk,
                council=council,
                role=Role.EDITOR if index % EDITOR_EVERY == 0 else Role.VIEWER,
            )
            for index, pk in enumerate(members)
        )
        groups = _groups(users, args.canvases, args.participants)
        owners = []
        for group in groups:
            owner = next((pk for pk in group if pk not in stakeholders), None)
            if owner is None:  # only with odd sizes: let the first person be a member
                owner = group[0]
                stakeholders.discard(owner)
                Membership.objects.create(user_id=owner, council=council, role=Role.VIEWER)
            owners.append(owner)
        sectors = Sector.values
        canvases = Canvas.objects.bulk_create(
            Canvas(
                council=council,
                owner_id=owner,
                title=f"Digest canvas {number:04d}",
                summary="A smart city service in consultation.",
                sector=sectors[number % len(sectors)],
            )
            for number, owner in enumerate(owners, start=1)
        )
        _invite(canvases, groups, stakeholders, now)
        cards = Card.objects.bulk_create(
            Card(
                canvas=canvas,
                block=block.key,
                position=0,
                text=CARD_TEXT.format(block=block.title.lower()),
                created_by_id=canvas.owner_id,
                updated_by_id=canvas.owner_id,
            )
            for canvas in canvases
            for block in BLOCKS
        )
        cards_by_canvas: dict[int, list[review_seed.CardInfo]] = {c.pk: [] for c in canvases}
        for card in cards:
            cards_by_canvas[card.canvas_id].append(
                review_seed.CardInfo(card.pk, card.block, card.text)
            )

        threads: list[Comment] = []
        replies: list[Comment] = []
        per_canvas, extra = divmod(args.comments, len(canvases))
        for index, (canvas, group) in enumerate(zip(canvases, groups, strict=True)):
            canvas_threads, canvas_replies = review_seed.plan_canvas_comments(
                canvas_id=canvas.pk,
                cards=cards_by_canvas[canvas.pk],
                authors=group,
                moderator_id=canvas.owner_id,
                count=per_canvas + (1 if index < extra else 0),
                rng=rng,
                start=now - timedelta(hours=23),
                end=now - timedelta(minutes=1),
            )
            threads += canvas_threads
            replies += canvas_replies
        review_seed.insert_comments(threads, replies)

        thread_authors = {thread.pk: thread.author_id for thread in threads}
        group_of = {canvas.pk: group for canvas, group in zip(canvases, groups, strict=True)}
        notifications = review_seed.insert_notifications(
            row
            for comment in (*threads, *replies)
            for row in review_seed.notifications_for(
                comment,
                group_of[comment.canvas_id],
                thread_authors=thread_authors,
                daily_only=False,
            )
        )
        opted_out = users[::OPT_OUT_EVERY]
        NotificationPreference.objects.bulk_create(
            NotificationPreference(user_id=pk, kind=NotificationKind.COMMENT, delivery=Delivery.OFF)
            for pk in opted_out
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    checked = _check_participants(canvases, group_of, rng)
    pending = Notification.objects.filter(delivery=Delivery.DAILY, emailed_at__isnull=True)
    return {
        "users": args.users,
        "users_taking_part": len({pk for group in groups for pk in group}),
        "stakeholders": len(stakeholders),
        "canvases": len(canvases),
        "participants_per_canvas": args.participants,
        "comments": len(threads) + len(replies),
        "threads": len(threads),
        "resolved_threads": sum(t.status == "resolved" for t in threads),
        "hidden_or_deleted": sum(
            c.hidden_at is not None or c.deleted_at is not None for c in (*threads, *replies)
        ),
        "awaiting_approval": sum(c.awaiting_approval for c in (*threads, *replies)),
        "notifications": notifications,
        "daily_pending": pending.count(),
        "daily_recipients": pending.values("user_id").distinct().count(),
        "opted_out_since": len(opted_out),
        "participants_checked_on": checked,
    }


def _invite(canvases, groups, stakeholders: set[int], now) -> None:
    """An accepted invitation for each stakeholder on each of their canvases."""
    emails = dict(get_user_model().objects.filter(pk__in=stakeholders).values_list("pk", "email"))
    rows = []
    for canvas, group in zip(canvases, groups, strict=True):
        for pk in group:
            if pk not in stakeholders:
                continue
            nonce = hashlib.sha256(f"{canvas.pk}:{pk}".encode()).hexdigest()
            rows.append(
                Invitation(
                    canvas=canvas,
                    email=emails[pk],
                    role=CanvasRole.STAKEHOLDER,
                    organisation=f"Neighbourhood association {pk}" if pk % 2 else "",
                    token_nonce=nonce,
                    token_hash=hashlib.sha256(nonce.encode()).hexdigest(),
                    invited_by_id=canvas.owner_id,
                    sent_at=now - timedelta(days=10),
                    emailed_nonce=nonce,
                    expires_at=now + timedelta(days=4),
                    user_id=pk,
                    accepted_at=now - timedelta(days=9),
                )
            )
    Invitation.objects.bulk_create(rows, batch_size=review_seed.BATCH_SIZE)


def _check_participants(canvases, group_of, rng: random.Random, sample: int = 10) -> int:
    """The app's own participants() must see exactly the people notified here."""
    for canvas in rng.sample(canvases, min(sample, len(canvases))):
        expected = set(group_of[canvas.pk])
        found = participants(canvas)
        if found != expected:
            raise SystemExit(
                f"canvas {canvas.pk}: participants() gives {sorted(found)}, "
                f"the seed notified {sorted(expected)}"
            )
    return min(sample, len(canvases))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--comments", type=int, required=True)
    parser.add_argument("--canvases", type=int, required=True)
    parser.add_argument("--participants", type=int, required=True, help="people per canvas")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrated = time.perf_counter()
    facts = seed(args)
    facts |= {
        "migrate_s": round(migrated - started, 1),
        "seed_s": round(time.perf_counter() - migrated, 1),
    }
    print(json.dumps(facts))


if __name__ == "__main__":
    main()
