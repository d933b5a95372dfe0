"""Comments and notifications made in bulk, as the review services would have left them.

Imported inside Django (by `bench.seed` and `bench.digest_seed`). The services
(`comment_create`, `notify_new_comment`) run a dozen queries per comment; the
benchmarks need tens of thousands of comments, so the rows are built here with
the same shape: threads (no parent) carrying the status, replies hanging from
them in the same block and on the same card, some threads resolved, a few
comments hidden, deleted or waiting for approval, `last_activity_at` of a thread
at its latest reply, and notifications with the delivery each person's
preference gives.
"""

import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.db import models

from canvas_app.framework import BLOCKS
from canvas_app.models import (
    DEFAULT_DELIVERY,
    Comment,
    CommentKind,
    Delivery,
    Notification,
    NotificationKind,
    Stance,
    ThreadStatus,
)

BATCH_SIZE = 2000
THREAD_SHARE = 0.4  # the rest are replies
CARD_THREAD_SHARE = 0.6  # threads on a card; the rest on a block as a whole
RESOLVED_SHARE = 0.35  # of threads
HIDDEN_SHARE = 0.02
DELETED_SHARE = 0.01
AWAITING_SHARE = 0.01

BODIES = (
    "How will the night-bus data be shared with the neighbourhood associations?",
    "The operating cost looks optimistic: the utility's tariff rises next year.",
    "Could the pilot include the two schools on the ring road? Any thoughts?",
    "We support this: the co-design workshops were the best part of the last project.",
    "Which KPI decides the city-wide roll-out, and who measures it?\n\nWe would like the "
    "disability council to be consulted before the decision, not after.",
    "Agreed, see the annex of the regional energy plan for the baseline figures.",
    "The sensor platform must stay under open data licences after the pilot too.",
    "Resolved in the workshop of 12 March: the tariff risk is in the risk analysis now.",
)
NOTES = (
    "Answered in the revised cost plan.",
    "Agreed at the steering committee; the card was updated.",
    "Out of scope for the pilot; kept for the roll-out.",
)
KINDS = CommentKind.values
STANCES = ("", *Stance.values)


@dataclass(frozen=True)
class CardInfo:
    id: int
    block: str
    text: str


def excerpt(text: str, length: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@contextmanager
def explicit_timestamps(*fields: models.DateTimeField) -> Iterator[None]:
    """Let bulk_create store the given `created_at` instead of now (auto_now_add)."""
    saved = [field.auto_now_add for field in fields]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field, value in zip(fields, saved, strict=True):
            field.auto_now_add = value


def comment_timestamps():
    return explicit_timestamps(
        Comment._meta.get_field("created_at"), Notification._meta.get_field("created_at")
    )


UNUSABLE_PASSWORD = make_password(None)  # one hash for all: nobody logs in as them


def plan_canvas_comments(
    *,
    canvas_id: int,
    cards: Sequence[CardInfo],
    authors: Sequence[int],
    moderator_id: int,
    count: int,
    rng: random.Random,
    start: datetime,
    end: datetime,
) -> tuple[list[Comment], list[Comment]]:
    """`count` comments on one canvas between `start` and `end`: the threads, and the
    replies, whose `parent` is an unsaved thread (`insert_comments` saves the threads
    first). Each of the first `count` authors writes at least one comment, so every
    author takes part in the canvas."""
    if not count:
        return [], []
    thread_count = max(1, round(count * THREAD_SHARE))
    span = (end - start).total_seconds()
    # Creation times in order; the first comment opens a thread, then threads and
    # replies interleave, each reply in a thread opened before it.
    times = sorted(start + timedelta(seconds=rng.random() * span) for _ in range(count))
    opens = {0, *rng.sample(range(1, count), thread_count - 1)}
    author_order = [authors[i % len(authors)] for i in range(min(count, len(authors)))]
    author_order += [rng.choice(authors) for _ in range(count - len(author_order))]
    rng.shuffle(author_order)

    threads: list[Comment] = []
    replies: list[Comment] = []
    for index, created in enumerate(times):
        author = author_order[index]
        if index in opens:
            card = rng.choice(cards) if cards and rng.random() < CARD_THREAD_SHARE else None
            block = card.block if card else rng.choice(BLOCKS).key
            thread = _comment(canvas_id, block, card, None, author, created, rng)
            thread.kind = rng.choice(KINDS)
            threads.append(thread)
            continue
        thread = rng.choice(threads)
        reply = _comment(canvas_id, thread.block, None, thread, author, created, rng)
        reply.card_id, reply.card_excerpt = thread.card_id, thread.card_excerpt
        reply.kind = thread.kind
        thread.last_activity_at = created
        replies.append(reply)

    for thread in threads:
        if rng.random() < RESOLVED_SHARE and not thread.awaiting_approval:
            thread.status = ThreadStatus.RESOLVED
            thread.resolution_note = rng.choice(NOTES)
            thread.resolved_by_id = moderator_id
            thread.resolved_at = thread.last_activity_at + timedelta(minutes=5)
    for comment in (*threads, *replies):
        _moderate(comment, moderator_id, rng)
    return threads, replies


def _comment(canvas_id, block, card, parent, author_id, created, rng) -> Comment:
    return Comment(
        canvas_id=canvas_id,
        block=block,
        card_id=card.id if card else None,
        card_excerpt=excerpt(card.text) if card else "",
        parent=parent,
        author_id=author_id,
        stance=rng.choice(STANCES),
        body=rng.choice(BODIES),
        status=ThreadStatus.OPEN,
        created_at=created,
        last_activity_at=created,
    )


def _moderate(comment: Comment, moderator_id: int, rng: random.Random) -> None:
    """A few comments hidden by a moderator, deleted by their author, or still waiting."""
    draw = rng.random()
    if draw < HIDDEN_SHARE:
        comment.hidden_at = comment.created_at + timedelta(hours=1)
        comment.hidden_by_id = moderator_id
        comment.hidden_reason = "Personal attack."
    elif draw < HIDDEN_SHARE + DELETED_SHARE:
        comment.body = ""
        comment.deleted_at = comment.created_at + timedelta(minutes=10)
    elif draw < HIDDEN_SHARE + DELETED_SHARE + AWAITING_SHARE and comment.parent is not None:
        comment.awaiting_approval = True  # a reply nobody else has seen yet


def insert_comments(threads: list[Comment], replies: list[Comment]) -> None:
    with comment_timestamps():
        Comment.objects.bulk_create(threads, batch_size=BATCH_SIZE)
        for reply in replies:
            reply.parent_id = reply.parent.pk
        Comment.objects.bulk_create(replies, batch_size=BATCH_SIZE)


def notifications_for(
    comment: Comment,
    recipients: Sequence[int],
    *,
    thread_authors: dict[int, int | None],
    daily_only: bool,
    read_before: datetime | None = None,
) -> Iterator[Notification]:
    """What `notify_new_comment` records for a published comment: a reply in someone's
    thread is a `reply` for its author, anything else a `comment`; delivery by default
    preference. Immediate ones are marked sent (their e-mail went at once), and so are
    daily ones when `read_before` says an earlier digest took them.

    With `daily_only`, only the daily (digest) rows are made."""
    if comment.awaiting_approval:
        return  # not published: nobody is notified yet
    thread_author = thread_authors.get(comment.parent_id) if comment.parent_id else None
    for user_id in recipients:
        if user_id == comment.author_id:
            continue
        kind = NotificationKind.REPLY if user_id == thread_author else NotificationKind.COMMENT
        delivery = DEFAULT_DELIVERY[kind]
        if daily_only and delivery != Delivery.DAILY:
            continue
        old = read_before is not None and comment.created_at < read_before
        yield Notification(
            user_id=user_id,
            kind=kind,
            canvas_id=comment.canvas_id,
            comment_id=comment.pk,
            actor_id=comment.author_id,
            delivery=delivery,
            created_at=comment.created_at,
            read_at=comment.created_at + timedelta(hours=2) if old else None,
            emailed_at=(
                comment.created_at + timedelta(minutes=1)
                if delivery == Delivery.IMMEDIATE or old
                else None
            ),
        )


def insert_notifications(rows) -> int:
    """Bulk-insert an iterable of notifications in batches; returns how many."""
    total, batch = 0, []
    with comment_timestamps():
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH_SIZE:
                Notification.objects.bulk_create(batch)
                total, batch = total + len(batch), []
        if batch:
            Notification.objects.bulk_create(batch)
            total += len(batch)
    return total
