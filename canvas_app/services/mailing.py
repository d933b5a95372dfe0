"""The worker side of notifications: writing and sending e-mails (the daily digest is in
services/digest.py).

Every send is safe to repeat: a row records what went out, and is checked before a
message is written. A crash between sending and recording can send a message twice;
it never loses one.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from canvas_app.models import Delivery, EmailOptOut, Invitation, Notification
from canvas_app.selectors.review import notification_items

from .access import readable_pairs
from .accounts import language_of
from .invitations import invitation_token
from .notifications import unsubscribe_token

logger = logging.getLogger(__name__)


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def message_from(
    *, to: str, template: str, context: dict, unsubscribe: str, language: str
) -> EmailMultiAlternatives:
    """A text and HTML e-mail from templates, in the recipient's language, with a
    one-click unsubscribe link."""
    context = {
        **context,
        "site_url": settings.SITE_URL.rstrip("/"),
        "unsubscribe_url": unsubscribe,
        "preferences_url": absolute(reverse("notification-preferences")),
    }
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Content-Language": language,
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def unsubscribe_url(**kwargs) -> str:
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
    message_from(
        to=invitation.email,
        template="canvas_app/review/email/invitation",
        context=context,
        unsubscribe=unsubscribe_url(email=invitation.email),
        language=invitation.canvas.council.default_language,
    ).send()
    Invitation.objects.filter(pk=invitation.pk).update(emailed_nonce=invitation.token_nonce)
    return True


# Notifications -------------------------------------------------------------


def sendable(notification: Notification) -> bool:
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
    if notification.user.email and sendable(notification) and readable:
        [item] = notification_items([notification])
        message_from(
            to=notification.user.email,
            template="canvas_app/review/email/notification",
            context={"item": item, "canvas": notification.canvas, "user": notification.user},
            unsubscribe=unsubscribe_url(user=notification.user, kind=notification.kind),
            language=language_of(notification.user),
        ).send()
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return bool(readable)


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
