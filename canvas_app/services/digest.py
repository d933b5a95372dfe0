"""The daily digest, on the worker side: one e-mail per person with what they chose to
get once a day, grouped by canvas, newest first, in their language.

The periodic task asks `digest_recipients` who is due and hands them out in chunks
(`DIGEST_CHUNK` people a task), so no single task runs long and any number of
workers share the work. A notification is marked as soon as its person's e-mail is
sent: a failure later never sends it again, and no comment reaches a digest twice.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone

from canvas_app.models import Canvas, Delivery, Notification, NotificationKind, Profile
from canvas_app.selectors.review import NotificationItem, author_labels, notification_items

from .access import readable_pairs
from .mailing import message_from, sendable, unsubscribe_url
from .notifications import deliveries_for

DIGEST_CHUNK = 100  # people per task
DIGEST_ITEMS = 50  # the newest items an e-mail lists; it says how many more there are


@dataclass
class CanvasDigest:
    canvas: object
    items: list[NotificationItem] = field(default_factory=list)


@dataclass
class DigestResult:
    emails: int = 0
    notifications: int = 0
    skipped: int = 0

    def add(self, other: "DigestResult") -> None:
        self.emails += other.emails
        self.notifications += other.notifications
        self.skipped += other.skipped


def _pending(until: datetime):
    return Notification.objects.filter(
        delivery=Delivery.DAILY, emailed_at__isnull=True, created_at__lte=until
    )


def digest_recipients(*, until: datetime) -> list[int]:
    """Everyone with daily notifications waiting, by id."""
    return list(_pending(until).order_by("user_id").values_list("user_id", flat=True).distinct())


def chunks(ids: list[int], size: int = DIGEST_CHUNK) -> list[list[int]]:
    return [ids[start : start + size] for start in range(0, len(ids), size)]


@dataclass
class _Batch:
    """What the digests of some people need, each object loaded once."""

    notifications: dict[int, list[Notification]]
    users: dict
    languages: dict[int, str]
    deliveries: dict[tuple[int, str], str]
    readable: set[tuple[int, int]]
    labels: dict[tuple[int, int], str]

    def wanted(self, notification: Notification) -> bool:
        """Still worth sending: visible, readable, and the kind not turned off since."""
        user = self.users[notification.user_id]
        delivery = self.deliveries.get((user.pk, notification.kind), Delivery.DAILY)
        return (
            bool(user.email)
            and sendable(notification)
            and (user.pk, notification.canvas_id) in self.readable
            and delivery != Delivery.OFF
        )


def _load(user_ids: list[int], until: datetime) -> _Batch:
    grouped: dict[int, list[Notification]] = defaultdict(list)
    rows = list(
        _pending(until)
        .filter(user_id__in=user_ids)
        .select_related("comment")
        .order_by("user_id", "-created_at", "-id")
    )
    people = get_user_model().objects.in_bulk(
        {n.user_id for n in rows}
        | {n.actor_id for n in rows if n.actor_id}
        | {n.comment.author_id for n in rows if n.comment_id and n.comment.author_id}
    )
    canvases = Canvas.objects.select_related("council").in_bulk({n.canvas_id for n in rows})
    for notification in rows:  # one object per person and canvas, shared by every row
        notification.user = people[notification.user_id]
        notification.canvas = canvases[notification.canvas_id]
        notification.actor = people.get(notification.actor_id)
        if notification.comment_id:
            notification.comment.author = people.get(notification.comment.author_id)
        grouped[notification.user_id].append(notification)
    deliveries = {}
    for kind in {n.kind for n in rows}:
        for user_id, delivery in deliveries_for(grouped, kind).items():
            deliveries[(user_id, kind)] = delivery
    chosen = dict(
        Profile.objects.filter(user_id__in=grouped)
        .exclude(language="")
        .values_list("user_id", "language")
    )
    return _Batch(
        notifications=grouped,
        users={pk: people[pk] for pk in grouped},
        languages={pk: chosen.get(pk) or _council_language(grouped[pk]) for pk in grouped},
        deliveries=deliveries,
        readable=readable_pairs({(n.user_id, n.canvas_id) for n in rows}),
        labels=author_labels(canvases),
    )


def _council_language(notifications: list[Notification]) -> str:
    """Without a choice of their own, people read the digest in the language of the
    council of their newest item."""
    return notifications[0].canvas.council.default_language


def digest_send(
    *, user_ids: list[int] | None = None, until: datetime | None = None
) -> DigestResult:
    """Send the digests of these people (everyone due, without ids)."""
    until = until or timezone.now()
    if user_ids is None:
        result = DigestResult()
        for chunk in chunks(digest_recipients(until=until)):
            result.add(digest_send(user_ids=chunk, until=until))
        return result
    batch = _load(user_ids, until)
    result = DigestResult()
    with get_connection() as connection:  # one SMTP session for the chunk
        for user_id, notifications in batch.notifications.items():
            wanted = [n for n in notifications if batch.wanted(n)]
            kept = {n.pk for n in wanted}
            skipped = [n.pk for n in notifications if n.pk not in kept]
            if wanted:
                connection.send_messages([_message(batch, user_id, wanted)])
                result.emails += 1
                result.notifications += len(wanted)
            _mark(sorted(kept) + skipped)
            result.skipped += len(skipped)
    return result


def _mark(ids: list[int]) -> None:
    if ids:
        Notification.objects.filter(pk__in=ids).update(emailed_at=timezone.now())


def _group_by_canvas(items: list[NotificationItem]) -> list[CanvasDigest]:
    """Canvases in the order of their newest item; items newest first within each."""
    groups: dict[int, CanvasDigest] = {}
    for item in items:
        canvas = item.notification.canvas
        groups.setdefault(canvas.pk, CanvasDigest(canvas)).items.append(item)
    return list(groups.values())


def _message(
    batch: _Batch, user_id: int, notifications: list[Notification]
) -> EmailMultiAlternatives:
    user = batch.users[user_id]
    shown = notifications[:DIGEST_ITEMS]
    return message_from(
        to=user.email,
        template="canvas_app/review/email/digest",
        context={
            "user": user,
            "groups": _group_by_canvas(notification_items(shown, labels=batch.labels)),
            "count": len(notifications),
            "more": len(notifications) - len(shown),
        },
        unsubscribe=unsubscribe_url(user=user, kind=NotificationKind.COMMENT),
        language=batch.languages[user_id],
    )
