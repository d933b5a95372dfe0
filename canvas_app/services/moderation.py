"""Moderation: participants report comments; the council's editors and admins hide,
show again, approve (pre-moderation) and dismiss reports, always with the reason kept."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canvas_app.models import (
    REASON_MAX_LENGTH,
    Canvas,
    Comment,
    CommentReport,
    ModerationAction,
    ModerationEntry,
)

from .access import canvas_role, ensure_can_edit, is_moderator
from .comments import comment_publish
from .notifications import notifications_withdraw
from .validation import require


def ensure_moderator(user, canvas: Canvas) -> None:
    if not is_moderator(user, canvas.council):
        raise PermissionDenied(_("Only the council's editors and admins moderate comments."))


def _reason(reason: str, *, required: bool) -> str:
    reason = (reason or "").strip()
    if required:
        require(bool(reason), "reason", _("Give the reason."))
    require(
        len(reason) <= REASON_MAX_LENGTH,
        "reason",
        _("At most %(limit)s characters.") % {"limit": REASON_MAX_LENGTH},
    )
    return reason


def _log(comment: Comment, action: str, by, reason: str = "") -> None:
    ModerationEntry.objects.create(comment=comment, action=action, reason=reason, by=by)


@transaction.atomic
def comment_report(*, comment: Comment, by, reason: str) -> tuple[CommentReport, bool]:
    """Any participant reports a comment for the moderators; reporting again updates
    the reason. Returns the report and whether it is new."""
    role = canvas_role(by, comment.canvas)
    if role is None:
        raise PermissionDenied(_("You have no access to this canvas."))
    require(comment.author_id != by.pk, "comment", _("You cannot report your own comment."))
    reason = _reason(reason, required=True)
    report, created = CommentReport.objects.update_or_create(
        comment=comment, by=by, defaults={"reason": reason, "handled_at": None}
    )
    return report, created


@transaction.atomic
def comment_hide(*, comment: Comment, by, reason: str) -> Comment:
    ensure_moderator(by, comment.canvas)
    reason = _reason(reason, required=True)
    comment.hidden_at = timezone.now()
    comment.hidden_by = by
    comment.hidden_reason = reason
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    comment.reports.filter(handled_at__isnull=True).update(handled_at=timezone.now())
    notifications_withdraw(comment=comment)
    _log(comment, ModerationAction.HIDE, by, reason)
    return comment


@transaction.atomic
def comment_unhide(*, comment: Comment, by, reason: str = "") -> Comment:
    ensure_moderator(by, comment.canvas)
    reason = _reason(reason, required=False)
    if comment.hidden_at is not None:
        comment.hidden_at = None
        comment.hidden_by = None
        comment.save(update_fields=["hidden_at", "hidden_by"])
        _log(comment, ModerationAction.UNHIDE, by, reason)
    return comment


@transaction.atomic
def comment_approve(*, comment: Comment, by) -> Comment:
    """Publish a comment that waited for pre-moderation."""
    ensure_moderator(by, comment.canvas)
    if comment.awaiting_approval:
        comment.awaiting_approval = False
        comment.save(update_fields=["awaiting_approval"])
        _log(comment, ModerationAction.APPROVE, by)
        comment_publish(comment)
    return comment


@transaction.atomic
def reports_dismiss(*, comment: Comment, by, reason: str = "") -> Comment:
    """Keep the comment as it is: its open reports are closed."""
    ensure_moderator(by, comment.canvas)
    reason = _reason(reason, required=False)
    closed = comment.reports.filter(handled_at__isnull=True).update(handled_at=timezone.now())
    if closed:
        _log(comment, ModerationAction.DISMISS, by, reason)
    return comment


@transaction.atomic
def premoderation_set(*, canvas: Canvas, by, enabled: bool) -> Canvas:
    """Turn pre-moderation of stakeholders' comments on or off for a canvas. Turning
    it off leaves waiting comments waiting: a moderator still decides on each."""
    ensure_can_edit(by, canvas.council)
    canvas.comments_premoderated = bool(enabled)
    canvas.save(update_fields=["comments_premoderated"])
    return canvas
