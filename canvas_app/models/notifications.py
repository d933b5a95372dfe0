"""In-app notifications, and how each person wants to be told by e-mail."""

from django.conf import settings
from django.db import models

from .canvases import Canvas
from .comments import Comment


class NotificationKind(models.TextChoices):
    MENTION = "mention", "Mentions of me"
    REPLY = "reply", "Replies to my threads"
    RESOLUTION = "resolution", "My threads resolved or reopened"
    COMMENT = "comment", "New comments on canvases I take part in"
    STAGE = "stage", "Stage changes of canvases I take part in"
    DECISION = "decision", "Decisions on canvases I take part in"
    ASSIGNMENT = "assignment", "Canvases sent to me for a decision"


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", "An e-mail at once"
    DAILY = "daily", "In the daily digest"
    OFF = "off", "No e-mail"


# What a person gets until they choose otherwise: what concerns them directly at
# once, the rest of the conversation once a day.
DEFAULT_DELIVERY = {
    NotificationKind.MENTION: Delivery.IMMEDIATE,
    NotificationKind.REPLY: Delivery.IMMEDIATE,
    NotificationKind.RESOLUTION: Delivery.IMMEDIATE,
    NotificationKind.DECISION: Delivery.IMMEDIATE,
    NotificationKind.ASSIGNMENT: Delivery.IMMEDIATE,
    NotificationKind.STAGE: Delivery.DAILY,
    NotificationKind.COMMENT: Delivery.DAILY,
}


# The kinds that announce a new comment (as opposed to something done to one).
NEW_COMMENT_KINDS = (NotificationKind.MENTION, NotificationKind.REPLY, NotificationKind.COMMENT)


class NotificationQuerySet(models.QuerySet):
    def of_reader(self, user) -> "NotificationQuerySet":
        """The user's notifications about canvases they can still read."""
        return self.filter(user=user, canvas__in=Canvas.objects.visible_to(user))

    def visible(self) -> "NotificationQuerySet":
        """Nothing about a comment that has since been hidden or deleted."""
        return self.filter(
            models.Q(comment__isnull=True)
            | models.Q(comment__hidden_at__isnull=True, comment__deleted_at__isnull=True)
        )

    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=16, choices=NotificationKind.choices)
    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="+")
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Facts a notification without a comment needs (a stage, a note...).
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # How it goes out by e-mail, decided from the person's preference when it is made.
    delivery = models.CharField(max_length=10, choices=Delivery.choices)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(
                fields=["delivery", "created_at"],
                condition=models.Q(emailed_at__isnull=True),
                name="notification_unsent",
            ),
        ]
        constraints = [
            # One notification per person and new comment: a mention is not also a
            # reply, and no comment reaches a digest twice.
            models.UniqueConstraint(
                fields=["user", "comment"],
                condition=models.Q(comment__isnull=False, kind__in=NEW_COMMENT_KINDS),
                name="one_notification_per_comment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user}"


class NotificationPreference(models.Model):
    """A person's choice for one kind; a kind without a row gets DEFAULT_DELIVERY."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=16, choices=NotificationKind.choices)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind} {self.delivery}"
