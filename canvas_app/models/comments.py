"""Comments on a canvas's blocks and cards, their edits, reports and moderation."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from canvas_app.framework import BLOCK_CHOICES

from .canvases import Canvas, Card

COMMENT_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 1000


class CommentKind(models.TextChoices):
    QUESTION = "question", _("Question")
    CONCERN = "concern", _("Concern")
    SUGGESTION = "suggestion", _("Suggestion")
    SUPPORT = "support", _("Support")


class Stance(models.TextChoices):
    FOR = "for", _("For")
    NEUTRAL = "neutral", _("Neutral")
    AGAINST = "against", _("Against")


class ThreadStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")


class CommentQuerySet(models.QuerySet):
    def threads(self) -> "CommentQuerySet":
        return self.filter(parent__isnull=True)

    def public(self) -> "CommentQuerySet":
        """What everyone may see: neither hidden nor waiting for approval. Exports,
        reports, digests and notifications start from here."""
        return self.filter(hidden_at__isnull=True, awaiting_approval=False)

    def seen_by(self, user, *, moderator: bool) -> "CommentQuerySet":
        """Moderators see everything; others see public comments and their own."""
        if moderator:
            return self
        return self.filter(
            models.Q(hidden_at__isnull=True, awaiting_approval=False) | models.Q(author=user)
        )

    def on_page_for(self, user, *, moderator: bool) -> "CommentQuerySet":
        """What the comment pages list: hidden comments keep their place (the page shows
        a placeholder to those who may not read them); waiting ones are left out."""
        if moderator:
            return self
        return self.filter(models.Q(awaiting_approval=False) | models.Q(author=user))

    def with_thread_status(self) -> "CommentQuerySet":
        """A reply has its thread's status."""
        return self.annotate(thread_status=Coalesce("parent__status", "status"))


class Comment(models.Model):
    """A comment on a block, or on one card of it. A comment without a parent opens a
    thread and carries the thread's status; replies hang from it (two levels)."""

    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="comments", verbose_name=_("canvas")
    )
    block = models.CharField(_("block"), max_length=40, choices=BLOCK_CHOICES)
    card = models.ForeignKey(
        Card,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("card"),
    )
    # What the card said when the comment was made, kept if the card is deleted.
    card_excerpt = models.CharField(_("card excerpt"), max_length=120, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("parent"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=CommentKind.choices)
    stance = models.CharField(_("stance"), max_length=8, choices=Stance.choices, blank=True)
    body = models.TextField(_("body"), max_length=COMMENT_MAX_LENGTH, blank=True)
    mentions = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("mentions")
    )

    status = models.CharField(
        _("status"), max_length=10, choices=ThreadStatus.choices, default="open"
    )
    resolution_note = models.TextField(
        _("resolution note"), max_length=COMMENT_MAX_LENGTH, blank=True
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    # Threads sort by their latest reply.
    last_activity_at = models.DateTimeField(_("last activity at"), db_index=True)

    # Pre-moderation: a stakeholder's comment waits until a moderator approves it.
    awaiting_approval = models.BooleanField(_("awaiting approval"), default=False)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("hidden by"),
    )
    hidden_reason = models.TextField(_("hidden reason"), max_length=REASON_MAX_LENGTH, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["canvas", "parent", "status"]),
            models.Index(fields=["canvas", "block"]),
        ]

    def __str__(self) -> str:
        return gettext("%(kind)s on %(block)s of %(canvas)s") % {
            "kind": self.get_kind_display(),
            "block": self.block,
            "canvas": self.canvas_id,
        }

    @property
    def is_thread(self) -> bool:
        return self.parent_id is None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class CommentRevision(models.Model):
    """A comment's text before an edit: shown to its author and to moderators."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("comment")
    )
    body = models.TextField(_("body"))
    kind = models.CharField(_("kind"), max_length=12, choices=CommentKind.choices)
    stance = models.CharField(_("stance"), max_length=8, choices=Stance.choices, blank=True)
    replaced_at = models.DateTimeField(_("replaced at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment revision")
        verbose_name_plural = _("comment revisions")
        ordering = ["-replaced_at", "-id"]

    def __str__(self) -> str:
        return gettext("Earlier text of comment %(comment)s") % {"comment": self.comment_id}


class CommentReport(models.Model):
    """A participant's report that a comment breaks the rules."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reports", verbose_name=_("comment")
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("by")
    )
    reason = models.TextField(_("reason"), max_length=REASON_MAX_LENGTH)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "by"], name="one_report_per_person")
        ]

    def __str__(self) -> str:
        return gettext("Report on comment %(comment)s") % {"comment": self.comment_id}


class ModerationAction(models.TextChoices):
    HIDE = "hide", _("Hidden")
    UNHIDE = "unhide", _("Shown again")
    APPROVE = "approve", _("Approved")
    DISMISS = "dismiss", _("Reports dismissed")


class ModerationEntry(models.Model):
    """The moderation log: who hid, showed, approved or dismissed what, and why."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="moderation", verbose_name=_("comment")
    )
    action = models.CharField(_("action"), max_length=10, choices=ModerationAction.choices)
    reason = models.TextField(_("reason"), max_length=REASON_MAX_LENGTH, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("moderation entry")
        verbose_name_plural = _("moderation entries")

    def __str__(self) -> str:
        return gettext("%(action)s: comment %(comment)s") % {
            "action": self.get_action_display(),
            "comment": self.comment_id,
        }
