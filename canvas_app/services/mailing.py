"""The worker side of notifications: writing and sending e-mails.

Every send is safe to repeat: a row records what went out, and is checked before a
message is written. A crash between sending and recording can send a message twice;
it never loses one.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from canvas_app.models import Delivery, EmailOptOut, Invitation, Notification, NotificationKind
from canvas_app.selectors.review import NotificationItem, notification_items

from .access import readable_pairs
from .invitations import invitation_token
from .notifications import deliveries_for, unsubscribe_token

logger = logging.getLogger(__name__)

DIGEST_BATCH = 500  # recipients whose notifications are read and sent together


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _message(*, to: str, template: str, context: dict, unsubscribe: str) -> EmailMultiAlternatives:
    """A text and HTML e-mail from templates, with a one-click unsubscribe link."""
    context = {
        **context,
        "site_url": settings.SITE_URL.rstrip("/"),
        "unsubscribe_url": unsubscribe,
        "preferences_url": absolute(reverse("notification-preferences")),
    }
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


def _unsubscribe_url(**kwargs) -> str:
    return absolute(reverse("unsubscribe", args=[unsubscribe_token(**kwargs)]))


# Invitations ---------------------------------------------------------------


@transaction.atomic
def invitation_email_send(*, invitation_id: int) -> bool:
    """E-mail the current link of a pending invitation, once per link.

    The row stays locked while the e-mail is sent, so a second copy of the task skips
    it; a crash before the commit leaves it due, for the sweep.
    """
    invitation = (
        Invitation.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(pk=invitation_id, revoked_at__isnull=True, accepted_at=None)
        .select_related("canvas__council", "invited_by")
        .first()
    )
    if invitation is None or invitation.emailed_nonce == invitation.token_nonce:
        return False  # revoked, accepted, being sent, or this link was sent already
    if EmailOptOut.objects.filter(email=invitation.email).exists():
        return False
    inviter = invitation.invited_by
    context = {
        "invitation": invitation,
        "canvas": invitation.canvas,
        "inviter": (inviter.get_full_name() or inviter.get_username()) if inviter else "",
        "accept_url": absolute(reverse("invitation-accept", args=[invitation_token(invitation)])),
    }
    _message(
        to=invitation.email,
        template="canvas_app/review/email/invitation",
        context=context,
        unsubscribe=_unsubscribe_url(email=invitation.email),
    ).send()
    Invitation.objects.filter(pk=invitation.pk).update(emailed_nonce=invitation.token_nonce)
    return True


# Notifications -------------------------------------------------------------


def _sendable(notification: Notification) -> bool:
    """Nothing about a comment others may no longer see."""
    comment = notification.comment
    if comment is None:
        return True
    return (
        comment.hidden_at is None and comment.deleted_at is None and not comment.awaiting_approval
    )


@transaction.atomic
def notification_email_send(*, notification_id: int) -> bool:
    """Send one immediate notification by e-mail, once: the row stays locked while the
    e-mail is sent, so a second copy of the task skips it."""
    notification = (
        Notification.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(pk=notification_id, emailed_at__isnull=True, delivery=Delivery.IMMEDIATE)
        .select_related("user", "canvas__council", "comment__author", "actor")
        .first()
    )
    if notification is None:
        return False
    readable = readable_pairs({(notification.user_id, notification.canvas_id)})
    if notification.user.email and _sendable(notification) and readable:
        [item] = notification_items([notification])
        _message(
            to=notification.user.email,
            template="canvas_app/review/email/notification",
            context={"item": item, "canvas": notification.canvas, "user": notification.user},
            unsubscribe=_unsubscribe_url(user=notification.user, kind=notification.kind),
        ).send()
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return bool(readable)


# The daily digest ----------------------------------------------------------


@dataclass
class CanvasDigest:
    canvas: object
    items: list[NotificationItem] = field(default_factory=list)


@dataclass
class DigestResult:
    emails: int = 0
    notifications: int = 0
    skipped: int = 0


def _pending_digest(until: datetime):
    return (
        Notification.objects.filter(
            delivery=Delivery.DAILY, emailed_at__isnull=True, created_at__lte=until
        )
        .select_related("user", "canvas", "comment__author", "actor")
        .order_by("user_id", "-created_at", "-id")
    )


def _group_by_canvas(items: list[NotificationItem]) -> list[CanvasDigest]:
    """Canvases in the order of their newest item; items newest first within each."""
    groups: dict[int, CanvasDigest] = {}
    for item in items:
        canvas = item.notification.canvas
        groups.setdefault(canvas.pk, CanvasDigest(canvas)).items.append(item)
    return list(groups.values())


@dataclass
class DigestBatch:
    """The pending daily notifications of some people, with their current preferences
    and what they can still read."""

    by_user: dict
    deliveries: dict[tuple[int, str], str]
    readable: set[tuple[int, int]]

    def wanted(self, user, notification: Notification) -> bool:
        """Still worth sending: visible, readable, and the kind not turned off since."""
        delivery = self.deliveries.get((user.pk, notification.kind), Delivery.DAILY)
        return (
            bool(user.email)
            and _sendable(notification)
            and (user.pk, notification.canvas_id) in self.readable
            and delivery != Delivery.OFF
        )


def digest_send(*, until: datetime | None = None) -> DigestResult:
    """One e-mail per person with everything they chose to get daily, grouped by canvas,
    newest first. Each notification goes out once: it is marked when its e-mail is sent."""
    until = until or timezone.now()
    result = DigestResult()
    connection = get_connection()
    while batch := _next_batch(until):
        messages, sent_ids, skipped_ids = [], [], []
        for user, notifications in batch.by_user.items():
            wanted = [n for n in notifications if batch.wanted(user, n)]
            skipped_ids += [n.pk for n in notifications if n not in wanted]
            if wanted:
                messages.append(_digest_message(user, wanted))
                sent_ids += [n.pk for n in wanted]
        if messages:
            connection.send_messages(messages)
        Notification.objects.filter(pk__in=sent_ids + skipped_ids).update(emailed_at=timezone.now())
        result.emails += len(messages)
        result.notifications += len(sent_ids)
        result.skipped += len(skipped_ids)
    return result


def _next_batch(until: datetime) -> DigestBatch | None:
    """The next DIGEST_BATCH people with pending daily notifications."""
    user_ids = list(
        _pending_digest(until)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()[:DIGEST_BATCH]
    )
    if not user_ids:
        return None
    grouped: dict = defaultdict(list)
    users = {}
    for notification in _pending_digest(until).filter(user_id__in=user_ids):
        users[notification.user_id] = notification.user
        grouped[notification.user_id].append(notification)
    deliveries = {}
    for kind in {n.kind for notifications in grouped.values() for n in notifications}:
        for user_id, delivery in deliveries_for(user_ids, kind).items():
            deliveries[(user_id, kind)] = delivery
    readable = readable_pairs({(n.user_id, n.canvas_id) for ns in grouped.values() for n in ns})
    return DigestBatch({users[pk]: items for pk, items in grouped.items()}, deliveries, readable)


def _digest_message(user, notifications: list[Notification]) -> EmailMultiAlternatives:
    groups = _group_by_canvas(notification_items(notifications))
    return _message(
        to=user.email,
        template="canvas_app/review/email/digest",
        context={"user": user, "groups": groups, "count": len(notifications)},
        unsubscribe=_unsubscribe_url(user=user, kind=NotificationKind.COMMENT),
    )


# The sweep -----------------------------------------------------------------


def unsent_sweep(*, older_than: timedelta = timedelta(minutes=2)) -> tuple[list[int], list[int]]:
    """Invitations and immediate notifications whose e-mail should have gone by now
    (the broker was down when they were made, or a worker died)."""
    cutoff = timezone.now() - older_than
    invitations = list(
        Invitation.objects.filter(revoked_at__isnull=True, accepted_at__isnull=True)
        .filter(sent_at__lte=cutoff, expires_at__gt=timezone.now())
        .exclude(emailed_nonce=F("token_nonce"))
        .values_list("pk", flat=True)[:1000]
    )
    notifications = list(
        Notification.objects.filter(
            delivery=Delivery.IMMEDIATE, emailed_at__isnull=True, created_at__lte=cutoff
        ).values_list("pk", flat=True)[:1000]
    )
    return invitations, notifications
