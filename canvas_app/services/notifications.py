"""Telling people what happened: in-app notifications, and asking for their e-mails.

This is the request side: it records notifications and queues the immediate
e-mails after the commit. The worker side that writes e-mails is services/mailing.py.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canvas_app.models import (
    DEFAULT_DELIVERY,
    NEW_COMMENT_KINDS,
    Canvas,
    CardHistory,
    Comment,
    Delivery,
    EmailOptOut,
    Invitation,
    Membership,
    Notification,
    NotificationKind,
    NotificationPreference,
    Role,
)

from .validation import require

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "canvas_app.unsubscribe"
ALL_KINDS = "all"


# Preferences ----------------------------------------------------------------


def preferences_of(user) -> dict[str, str]:
    """Every kind with the person's delivery, defaults filled in."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, DEFAULT_DELIVERY[kind]) for kind in NotificationKind.values}


def deliveries_for(user_ids: Iterable[int], kind: str) -> dict[int, str]:
    user_ids = list(user_ids)
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=user_ids, kind=kind).values_list(
            "user_id", "delivery"
        )
    )
    return {pk: chosen.get(pk, DEFAULT_DELIVERY[kind]) for pk in user_ids}


@transaction.atomic
def preferences_update(*, user, changes: dict[str, str]) -> dict[str, str]:
    """Set the delivery of some kinds; the others keep theirs."""
    for kind, delivery in changes.items():
        require(kind in NotificationKind.values, kind, _("Not a kind of notification."))
        require(delivery in Delivery.values, kind, _("Choose immediate, daily or off."))
    for kind, delivery in changes.items():
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"delivery": delivery}
        )
    return preferences_of(user)


def unsubscribe_token(*, user=None, kind: str = ALL_KINDS, email: str = "") -> str:
    """A signed, non-expiring token for the one-click link at the foot of an e-mail:
    for a person and a kind, or for an invited address (no account yet)."""
    payload = {"e": email} if email else {"u": user.pk, "k": kind}
    return signing.dumps(payload, salt=UNSUBSCRIBE_SALT, compress=True)


def _unsubscribe_read(token: str) -> dict | None:
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return payload if isinstance(payload, dict) else None


@dataclass(frozen=True)
class Unsubscribed:
    kinds: list[str]  # the kinds now off, for a person
    email: str = ""  # or the address that will not be invited again


@transaction.atomic
def unsubscribe(token: str, *, undo: bool = False) -> Unsubscribed | None:
    """Apply (or undo) the one-click unsubscribe of an e-mail; None for a bad token."""
    payload = _unsubscribe_read(token)
    if payload is None:
        return None
    if "e" in payload:
        email = str(payload["e"])
        if undo:
            EmailOptOut.objects.filter(email=email).delete()
        else:
            EmailOptOut.objects.get_or_create(email=email)
        return Unsubscribed(kinds=[], email=email)
    user = get_user_model().objects.filter(pk=payload.get("u")).first()
    kind = payload.get("k")
    kinds = NotificationKind.values if kind == ALL_KINDS else [kind]
    if user is None or not set(kinds) <= set(NotificationKind.values):
        return None
    if undo:
        NotificationPreference.objects.filter(user=user, kind__in=kinds).delete()
    else:
        preferences_update(user=user, changes=dict.fromkeys(kinds, Delivery.OFF))
    return Unsubscribed(kinds=kinds)


# Who takes part ------------------------------------------------------------


def participants(canvas: Canvas) -> set[int]:
    """The people who take part in a canvas and can still read it: its owner, its
    invitees, and those who commented on it or edited its cards."""
    invitees = set(
        Invitation.objects.granting_access().filter(canvas=canvas).values_list("user_id", flat=True)
    )
    involved = {canvas.owner_id} | invitees
    involved |= set(Comment.objects.filter(canvas=canvas).values_list("author_id", flat=True))
    involved |= set(
        CardHistory.objects.filter(canvas=canvas).values_list("by_id", flat=True).distinct()
    )
    involved.discard(None)
    members = set(
        Membership.objects.filter(council_id=canvas.council_id, user_id__in=involved).values_list(
            "user_id", flat=True
        )
    )
    return involved & (members | invitees)


# Recording -----------------------------------------------------------------


def _record(rows: list[Notification]) -> None:
    """Store notifications about one comment and queue the immediate e-mails after the
    commit. A row that already exists (the same person, comment and kind) is kept."""
    if not rows:
        return
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    # ignore_conflicts gives no ids back; read those due now.
    due = list(
        Notification.objects.filter(
            canvas_id=rows[0].canvas_id,
            comment=rows[0].comment,
            user_id__in=[row.user_id for row in rows],
            kind__in={row.kind for row in rows},
            delivery=Delivery.IMMEDIATE,
            emailed_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    if due:
        transaction.on_commit(lambda: queue_emails(due))


def queue_emails(notification_ids: list[int]) -> None:
    from canvas_app.tasks import send_notification_email  # tasks import services

    for pk in notification_ids:
        try:
            send_notification_email.delay(pk)
        except Exception:  # the broker is down: the sweep sends it later
            logger.warning("Could not queue the e-mail of notification %s", pk)
            return


def _kind_for(user_id: int, mentioned: set[int], thread_author: int | None) -> str:
    if user_id in mentioned:
        return NotificationKind.MENTION
    if user_id == thread_author:
        return NotificationKind.REPLY
    return NotificationKind.COMMENT


def notify_new_comment(comment: Comment) -> None:
    """Tell the participants about a comment others can now see: a mention, a reply in
    their thread, or (for the digest) a new comment on a canvas they take part in."""
    mentioned = set(comment.mentions.values_list("pk", flat=True))
    thread_author = comment.parent.author_id if comment.parent_id else None
    recipients = (participants(comment.canvas) | mentioned) - {comment.author_id}
    by_kind: dict[str, list[int]] = {}
    for user_id in recipients:
        by_kind.setdefault(_kind_for(user_id, mentioned, thread_author), []).append(user_id)
    rows = [
        Notification(
            user_id=user_id,
            kind=kind,
            canvas_id=comment.canvas_id,
            comment=comment,
            actor_id=comment.author_id,
            delivery=delivery,
        )
        for kind, user_ids in by_kind.items()
        for user_id, delivery in deliveries_for(user_ids, kind).items()
    ]
    _record(rows)


def notify_added_mentions(comment: Comment, user_ids: set[int]) -> None:
    """People mentioned by an edit: a notification they already have about the comment
    becomes a mention (unread again, delivered as mentions are); the others get one."""
    user_ids = set(user_ids) - {comment.author_id}
    deliveries = deliveries_for(user_ids, NotificationKind.MENTION)
    existing = list(
        Notification.objects.filter(
            comment=comment, user_id__in=user_ids, kind__in=NEW_COMMENT_KINDS
        )
    )
    for notification in existing:
        notification.kind = NotificationKind.MENTION
        notification.delivery = deliveries[notification.user_id]
        notification.read_at = None
        notification.emailed_at = None
        notification.actor_id = comment.author_id
    Notification.objects.bulk_update(
        existing, ["kind", "delivery", "read_at", "emailed_at", "actor"]
    )
    told = {notification.user_id for notification in existing}
    _record(
        [
            Notification(
                user_id=user_id,
                kind=NotificationKind.MENTION,
                canvas_id=comment.canvas_id,
                comment=comment,
                actor_id=comment.author_id,
                delivery=deliveries[user_id],
            )
            for user_id in user_ids - told
        ]
    )
    due = [n.pk for n in existing if n.delivery == Delivery.IMMEDIATE]
    if due:
        transaction.on_commit(lambda: queue_emails(due))


def notify_thread_status(thread: Comment, *, by) -> None:
    """Tell a thread's author that someone else resolved or reopened it."""
    if thread.author_id is None or thread.author_id == by.pk:
        return
    if thread.author_id not in participants(thread.canvas):
        return  # no longer has access
    kind = NotificationKind.RESOLUTION
    delivery = deliveries_for([thread.author_id], kind)[thread.author_id]
    _record(
        [
            Notification(
                user_id=thread.author_id,
                kind=kind,
                canvas_id=thread.canvas_id,
                comment=thread,
                actor=by,
                data={"status": thread.status, "note": thread.resolution_note},
                delivery=delivery,
            )
        ]
    )


def notify_stage_change(canvas: Canvas, change) -> None:
    """Tell the participants a canvas changed stage; the council's approvers are asked
    for a decision when it reaches review."""
    recipients = participants(canvas) - {change.by_id}
    data = {"from": change.from_stage, "to": change.to_stage, "note": change.note}
    rows = _about_canvas(canvas, recipients, NotificationKind.STAGE, change.by_id, data)
    if change.to_stage == "review":
        approvers = set(
            Membership.objects.filter(
                council_id=canvas.council_id, role__in=[Role.APPROVER, Role.ADMIN]
            ).values_list("user_id", flat=True)
        ) - {change.by_id}
        rows = [row for row in rows if row.user_id not in approvers]
        rows += _about_canvas(canvas, approvers, NotificationKind.ASSIGNMENT, change.by_id, data)
    _record(rows)


def notify_decision(canvas: Canvas, decision) -> None:
    """Tell the participants (the person who sent it to review among them) the decision."""
    recipients = (participants(canvas) | {decision.submitted_by_id}) - {decision.by_id, None}
    data = {"outcome": decision.outcome, "rationale": decision.rationale}
    _record(_about_canvas(canvas, recipients, NotificationKind.DECISION, decision.by_id, data))


def _about_canvas(canvas, user_ids, kind: str, actor_id, data: dict) -> list[Notification]:
    return [
        Notification(
            user_id=user_id,
            kind=kind,
            canvas_id=canvas.pk,
            actor_id=actor_id,
            data=data,
            delivery=delivery,
        )
        for user_id, delivery in deliveries_for(user_ids, kind).items()
    ]


def notifications_withdraw(*, comment: Comment | None = None, user=None, canvas=None) -> int:
    """Take back what no longer may be read: the notifications about a comment that was
    hidden or deleted, or those of a person about a canvas they lost access to. The
    unread count in the page header then needs no check of its own."""
    notifications = Notification.objects.all()
    if comment is not None:
        notifications = notifications.filter(comment=comment)
    if user is not None:
        notifications = notifications.filter(user=user, canvas=canvas)
    deleted, _by_model = notifications.delete()
    return deleted


def unread_count(user, cap: int = 100) -> int:
    """How many notifications the person has not read, counted up to `cap`."""
    return Notification.objects.filter(user=user, read_at__isnull=True)[:cap].count()


# Reading -------------------------------------------------------------------


def notifications_mark_read(*, user, ids: Iterable[int] | None = None, everything=False) -> int:
    """Mark some (or all) of the user's notifications read; returns how many changed."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if not everything:
        unread = unread.filter(pk__in=list(ids or []))
    return unread.update(read_at=timezone.now())


def notifications_read_for_thread(*, user, thread: Comment) -> int:
    """Opening a thread marks what the user was told about it as read."""
    return (
        Notification.objects.filter(user=user, read_at__isnull=True)
        .filter(models.Q(comment=thread) | models.Q(comment__parent=thread))
        .update(read_at=timezone.now())
    )
