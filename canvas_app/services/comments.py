"""Comments on blocks and cards: write, reply, edit, delete, resolve and reopen."""

import re

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from canvas_app.framework import BLOCKS_BY_KEY
from canvas_app.models import (
    COMMENT_MAX_LENGTH,
    Canvas,
    CanvasRole,
    Card,
    Comment,
    CommentKind,
    CommentRevision,
    Invitation,
    Membership,
    Stage,
    Stance,
    ThreadStatus,
)

from .access import FROZEN_STAGES, MODERATOR_ROLES, canvas_role
from .notifications import (
    notifications_withdraw,
    notify_added_mentions,
    notify_new_comment,
    notify_thread_status,
)
from .validation import require

# Stakeholders take part while the canvas is in consultation; council staff until
# the canvas is frozen.
STAKEHOLDER_COMMENT_STAGES = frozenset({Stage.CONSULTATION})
MENTION = re.compile(r"(?<![\w@.])@([\w.@+-]+)")


class CommentingClosed(PermissionDenied):
    """The canvas's stage does not allow this person to comment now."""


def why_cannot_comment(role: str | None, canvas: Canvas) -> str | None:
    """Why someone with this role cannot comment on the canvas now, or None if they can."""
    if role is None:
        return _("You have no access to this canvas.")
    if role == CanvasRole.OBSERVER:
        return _("Observers read the canvas but do not comment on it.")
    stage = canvas.get_stage_display().lower()
    if canvas.stage in FROZEN_STAGES:
        return _("This canvas is %(stage)s: comments are closed.") % {"stage": stage}
    if role == CanvasRole.STAKEHOLDER and canvas.stage not in STAKEHOLDER_COMMENT_STAGES:
        if canvas.stage == Stage.DRAFT:
            return _(
                "This canvas is a draft: stakeholders comment while it is in consultation, "
                "which the council opens."
            )
        return _(
            "This canvas is in %(stage)s: stakeholders comment while it is in consultation, "
            "which the council opens."
        ) % {"stage": stage}
    return None


def ensure_can_comment(user, canvas: Canvas) -> str:
    role = canvas_role(user, canvas)
    reason = why_cannot_comment(role, canvas)
    if reason is None:
        return role
    if role is None or role == CanvasRole.OBSERVER:
        raise PermissionDenied(reason)
    raise CommentingClosed(reason)


def mention_candidates(canvas: Canvas):
    """Who can be @mentioned: the council's members and the canvas's invitees."""
    members = Membership.objects.filter(council_id=canvas.council_id).values("user_id")
    invitees = Invitation.objects.granting_access().filter(canvas=canvas).values("user_id")
    return get_user_model().objects.filter(Q(pk__in=members) | Q(pk__in=invitees))


def mentioned_users(canvas: Canvas, body: str) -> list:
    names = set()
    for match in MENTION.finditer(body):
        name = match.group(1)
        names.update({name, name.rstrip(".,;:!?")})
    if not names:
        return []
    return list(mention_candidates(canvas).filter(username__in=names))


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    require(bool(body), "body", _("Write the comment."))
    require(len(body) <= COMMENT_MAX_LENGTH, "body", _at_most(COMMENT_MAX_LENGTH))
    return body


def _at_most(limit: int) -> str:
    return _("At most %(limit)s characters.") % {"limit": limit}


def _check_choices(kind: str | None, stance: str | None) -> None:
    if kind is not None:
        require(
            kind in CommentKind.values,
            "kind",
            _("Choose question, concern, suggestion or support."),
        )
    if stance is not None:
        require(stance in ("", *Stance.values), "stance", _("Choose for, neutral or against."))


def _anchor(canvas: Canvas, block: str | None, card: Card | None, parent: Comment | None):
    """Where the comment goes: a reply joins its thread (replies to replies too)."""
    if parent is not None:
        require(parent.canvas_id == canvas.pk, "parent", _("Not a comment of this canvas."))
        root = parent.parent or parent
        require(block in (None, "", root.block), "block", _("A reply stays in its thread's block."))
        require(
            card is None or card.pk == root.card_id,
            "card",
            _("A reply stays on its thread's card."),
        )
        return root.block, root.card, root
    require(block in BLOCKS_BY_KEY, "block", _("Choose a block of the canvas."))
    if card is not None:
        require(card.canvas_id == canvas.pk, "card", _("Not a card of this canvas."))
        require(
            card.block == block,
            "card",
            _("This card is in “%(block)s”, not in the block given.")
            % {"block": BLOCKS_BY_KEY[card.block].title},
        )
    return block, card, None


@transaction.atomic
def comment_create(
    *,
    canvas: Canvas,
    by,
    body: str,
    kind: str | None = None,
    block: str | None = None,
    card: Card | None = None,
    parent: Comment | None = None,
    stance: str = "",
) -> Comment:
    """Comment on a block or a card, or reply in a thread.

    A stakeholder's comment on a pre-moderated canvas waits for a moderator; anything
    else is published at once and notifies the participants after the commit.
    """
    role = ensure_can_comment(by, canvas)
    body = _clean_body(body)
    block, card, root = _anchor(canvas, block, card, parent)
    if root is not None and not kind:
        kind = root.kind
    require(bool(kind), "kind", _("Choose question, concern, suggestion or support."))
    _check_choices(kind, stance)
    now = timezone.now()
    comment = Comment.objects.create(
        canvas=canvas,
        block=block,
        card=card,
        card_excerpt=_excerpt(card.text) if card else "",
        parent=root,
        author=by,
        kind=kind,
        stance=stance or "",
        body=body,
        last_activity_at=now,
        awaiting_approval=canvas.comments_premoderated and role == CanvasRole.STAKEHOLDER,
    )
    comment.mentions.set(mentioned_users(canvas, body))
    if not comment.awaiting_approval:
        comment_publish(comment)
    return comment


def comment_publish(comment: Comment) -> None:
    """What a comment does once others can see it: a reply moves its thread up and
    reopens it if it was resolved; the participants are notified."""
    if comment.parent_id is not None:
        changes = {"last_activity_at": timezone.now()}
        root = comment.parent
        if root.status == ThreadStatus.RESOLVED:
            changes.update(status=ThreadStatus.OPEN, resolved_at=None, resolved_by=None)
        Comment.objects.filter(pk=root.pk).update(**changes)
        for name, value in changes.items():
            setattr(root, name, value)
    notify_new_comment(comment)


def _excerpt(text: str, length: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _ensure_author(comment: Comment, by, action: str) -> None:
    if comment.author_id is None or comment.author_id != by.pk:
        if action == "delete":
            raise PermissionDenied(_("Only its author can delete a comment."))
        raise PermissionDenied(_("Only its author can edit a comment."))
    if comment.deleted_at is not None:
        raise ValidationError({"comment": [_("This comment has been deleted.")]})


def ensure_can_edit_comment(comment: Comment, user) -> None:
    _ensure_author(comment, user, "edit")
    ensure_can_comment(user, comment.canvas)


@transaction.atomic
def comment_edit(
    *,
    comment: Comment,
    by,
    body: str | None = None,
    kind: str | None = None,
    stance: str | None = None,
) -> Comment:
    """The author changes their comment; the previous text is kept."""
    ensure_can_edit_comment(comment, by)
    new_body = _clean_body(body) if body is not None else comment.body
    _check_choices(kind, stance)
    new_kind = kind or comment.kind
    new_stance = comment.stance if stance is None else stance
    if (new_body, new_kind, new_stance) == (comment.body, comment.kind, comment.stance):
        return comment
    CommentRevision.objects.create(
        comment=comment, body=comment.body, kind=comment.kind, stance=comment.stance
    )
    before = set(comment.mentions.values_list("pk", flat=True))
    comment.body, comment.kind, comment.stance = new_body, new_kind, new_stance
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "kind", "stance", "edited_at"])
    mentioned = mentioned_users(comment.canvas, new_body)
    comment.mentions.set(mentioned)
    newly = {user.pk for user in mentioned} - before
    if newly and not comment.awaiting_approval and comment.hidden_at is None:
        notify_added_mentions(comment, newly)
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment, by) -> Comment:
    """Soft delete: the thread stays readable, the text and its earlier versions go."""
    _ensure_author(comment, by, "delete")
    comment.body = ""
    comment.deleted_at = timezone.now()
    comment.save(update_fields=["body", "deleted_at"])
    comment.revisions.all().delete()
    comment.mentions.clear()
    notifications_withdraw(comment=comment)
    return comment


def _ensure_can_resolve(comment: Comment, by) -> None:
    require(
        comment.parent_id is None,
        "comment",
        _("Only a thread is resolved or reopened: use its first comment."),
    )
    canvas = comment.canvas
    role = canvas_role(by, canvas)
    if role in MODERATOR_ROLES:
        if canvas.stage in FROZEN_STAGES:
            stage = canvas.get_stage_display().lower()
            raise CommentingClosed(
                _("This canvas is %(stage)s: comments are closed.") % {"stage": stage}
            )
        return
    if comment.author_id != by.pk:
        raise PermissionDenied(
            _("Only the council's editors and admins, and the thread's author, resolve threads.")
        )
    ensure_can_comment(by, canvas)


@transaction.atomic
def thread_resolve(*, comment: Comment, by, note: str) -> Comment:
    _ensure_can_resolve(comment, by)
    note = (note or "").strip()
    require(bool(note), "note", _("Say how the thread was resolved."))
    require(len(note) <= COMMENT_MAX_LENGTH, "note", _at_most(COMMENT_MAX_LENGTH))
    comment.status = ThreadStatus.RESOLVED
    comment.resolution_note = note
    comment.resolved_by = by
    comment.resolved_at = timezone.now()
    comment.save(update_fields=["status", "resolution_note", "resolved_by", "resolved_at"])
    notify_thread_status(comment, by=by)
    return comment


@transaction.atomic
def thread_reopen(*, comment: Comment, by) -> Comment:
    _ensure_can_resolve(comment, by)
    if comment.status != ThreadStatus.OPEN:
        comment.status = ThreadStatus.OPEN
        comment.resolved_by = None
        comment.resolved_at = None
        comment.last_activity_at = timezone.now()
        comment.save(update_fields=["status", "resolved_by", "resolved_at", "last_activity_at"])
        notify_thread_status(comment, by=by)
    return comment
