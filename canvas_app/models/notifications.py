"""In-app notifications, and how each person wants to be told by e-mail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .canvases import Canvas
from .comments import Comment


class NotificationKind(models.TextChoices):
    MENTION = "mention", _("Mentions of me")
    REPLY = "reply", _("Replies to my threads")
    RESOLUTION = "resolution", _("My threads resolved or reopened")
    COMMENT = "comment", _("New comments on canvases I take part in")
    STAGE = "stage", _("Stage changes of canvases I take part in")
    DECISION = "decision", _("Decisions on canvases I take part in")
    ASSIGNMENT = "assignment", _("Canvases sent to me for a decision")


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("An e-mail at once")
    DAILY = "daily", _("In the daily digest")
    OFF = "off", _("No e-mail")


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
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=NotificationKind.choices)
    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="+", verbose_name=_("canvas")
    )
    comment = models.ForeignKey(
        Comment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("comment"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    # Facts a notification without a comment needs (a stage, a note...).
    data = models.JSONField(_("data"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # How it goes out by e-mail, decided from the person's preference when it is made.
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(
                fields=["user"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread",
            ),
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
        return gettext("%(kind)s for %(user)s") % {"kind": self.kind, "user": self.user}


class NotificationPreference(models.Model):
    """A person's choice for one kind; a kind without a row gets DEFAULT_DELIVERY."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=NotificationKind.choices)
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind} {self.delivery}"
