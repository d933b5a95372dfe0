"""Comments on a canvas's blocks and cards, their edits, reports and moderation."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce

from canvas_app.framework import BLOCK_CHOICES

from .canvases import Canvas, Card

COMMENT_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 1000


class CommentKind(models.TextChoices):
    QUESTION = "question", "Question"
    CONCERN = "concern", "Concern"
    SUGGESTION = "suggestion", "Suggestion"
    SUPPORT = "support", "Support"


class Stance(models.TextChoices):
    FOR = "for", "For"
    NEUTRAL = "neutral", "Neutral"
    AGAINST = "against", "Against"


class ThreadStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"


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

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="comments")
    block = models.CharField(max_length=40, choices=BLOCK_CHOICES)
    card = models.ForeignKey(
        Card, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )
    # What the card said when the comment was made, kept if the card is deleted.
    card_excerpt = models.CharField(max_length=120, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=CommentKind.choices)
    stance = models.CharField(max_length=8, choices=Stance.choices, blank=True)
    body = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True)
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    status = models.CharField(max_length=10, choices=ThreadStatus.choices, default="open")
    resolution_note = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # Threads sort by their latest reply.
    last_activity_at = models.DateTimeField(db_index=True)

    # Pre-moderation: a stakeholder's comment waits until a moderator approves it.
    awaiting_approval = models.BooleanField(default=False)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    hidden_reason = models.TextField(max_length=REASON_MAX_LENGTH, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["canvas", "parent", "status"]),
            models.Index(fields=["canvas", "block"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.block} of {self.canvas_id}"

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

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    kind = models.CharField(max_length=12, choices=CommentKind.choices)
    stance = models.CharField(max_length=8, choices=Stance.choices, blank=True)
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-replaced_at", "-id"]

    def __str__(self) -> str:
        return f"Earlier text of comment {self.comment_id}"


class CommentReport(models.Model):
    """A participant's report that a comment breaks the rules."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(max_length=REASON_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "by"], name="one_report_per_person")
        ]

    def __str__(self) -> str:
        return f"Report on comment {self.comment_id}"


class ModerationAction(models.TextChoices):
    HIDE = "hide", "Hidden"
    UNHIDE = "unhide", "Shown again"
    APPROVE = "approve", "Approved"
    DISMISS = "dismiss", "Reports dismissed"


class ModerationEntry(models.Model):
    """The moderation log: who hid, showed, approved or dismissed what, and why."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="moderation")
    action = models.CharField(max_length=10, choices=ModerationAction.choices)
    reason = models.TextField(max_length=REASON_MAX_LENGTH, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "moderation entries"

    def __str__(self) -> str:
        return f"{self.get_action_display()}: comment {self.comment_id}"
