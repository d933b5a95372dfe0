"""API representations of the review: invitations, comments and notifications."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from canvas_app.framework import BLOCK_CHOICES, BLOCKS_BY_KEY
from canvas_app.models import (
    COMMENT_MAX_LENGTH,
    REASON_MAX_LENGTH,
    CanvasRole,
    Comment,
    CommentKind,
    Delivery,
    Invitation,
    Notification,
    NotificationKind,
    Stance,
    ThreadStatus,
)

# Invitations -----------------------------------------------------------------


class InvitationSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(
        choices=["pending", "accepted", "expired", "revoked"], read_only=True
    )
    invited_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    user = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Invitation
        fields = [
            "id",
            "canvas",
            "email",
            "role",
            "organisation",
            "status",
            "invited_by",
            "user",
            "created_at",
            "sent_at",
            "send_count",
            "expires_at",
            "accepted_at",
            "revoked_at",
        ]
        read_only_fields = fields


class InvitationCreateSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    role = serializers.ChoiceField(choices=CanvasRole.choices)
    organisation = serializers.CharField(max_length=200, required=False, allow_blank=True)


class InvitationAcceptSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=200)
    username = serializers.CharField(
        max_length=150,
        required=False,
        help_text="For a new account (or an existing one, with its password) when the "
        "request is not authenticated.",
    )
    password = serializers.CharField(max_length=4096, required=False, write_only=True)


class InvitationAcceptedSerializer(serializers.Serializer):
    invitation = serializers.IntegerField()
    canvas = serializers.IntegerField()
    role = serializers.ChoiceField(choices=CanvasRole.choices)
    username = serializers.CharField()
    created = serializers.BooleanField(help_text="Whether a new account was created.")


# Comments --------------------------------------------------------------------


class CommentSerializer(serializers.ModelSerializer):
    """A comment as its viewer may see it. Replies carry their thread's status."""

    author = serializers.SerializerMethodField()
    author_name = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    edited = serializers.SerializerMethodField()
    deleted = serializers.SerializerMethodField()
    hidden = serializers.SerializerMethodField()
    resolved_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    mentions = serializers.SlugRelatedField(slug_field="username", many=True, read_only=True)
    block_title = serializers.SerializerMethodField()
    reply_count = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = [
            "id",
            "canvas",
            "block",
            "block_title",
            "card",
            "parent",
            "kind",
            "stance",
            "body",
            "status",
            "author",
            "author_name",
            "mentions",
            "created_at",
            "edited",
            "edited_at",
            "deleted",
            "hidden",
            "awaiting_approval",
            "resolution_note",
            "resolved_by",
            "resolved_at",
            "reply_count",
        ]
        read_only_fields = fields

    def get_author(self, comment: Comment) -> str | None:
        return comment.author.get_username() if comment.author_id else None

    def get_author_name(self, comment: Comment) -> str:
        from canvas_app.selectors.review import author_label

        return author_label(comment, self.context.get("labels", {}))

    @extend_schema_field(serializers.ChoiceField(choices=ThreadStatus.choices))
    def get_status(self, comment: Comment) -> str:
        return getattr(comment, "thread_status", None) or comment.status

    def get_edited(self, comment: Comment) -> bool:
        return comment.edited_at is not None

    def get_deleted(self, comment: Comment) -> bool:
        return comment.deleted_at is not None

    def get_hidden(self, comment: Comment) -> bool:
        return comment.hidden_at is not None

    def get_block_title(self, comment: Comment) -> str:
        return str(BLOCKS_BY_KEY[comment.block].title)  # in the request's language

    def get_reply_count(self, comment: Comment) -> int:
        return getattr(comment, "reply_count", 0)


class CommentCreateSerializer(serializers.Serializer):
    block = serializers.ChoiceField(
        choices=BLOCK_CHOICES,
        required=False,
        help_text="Required for a new thread; a reply stays in its thread's block.",
    )
    card = serializers.IntegerField(
        required=False, allow_null=True, help_text="A card of that block, to comment on it."
    )
    body = serializers.CharField(max_length=COMMENT_MAX_LENGTH)
    kind = serializers.ChoiceField(
        choices=CommentKind.choices,
        required=False,
        help_text="Required for a new thread; a reply takes its thread's by default.",
    )
    stance = serializers.ChoiceField(choices=Stance.choices, required=False, allow_blank=True)
    parent = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="Reply to this comment; a reply to a reply joins the same thread.",
    )


class CommentUpdateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=COMMENT_MAX_LENGTH, required=False)
    kind = serializers.ChoiceField(choices=CommentKind.choices, required=False)
    stance = serializers.ChoiceField(choices=Stance.choices, required=False, allow_blank=True)


class ResolveSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=COMMENT_MAX_LENGTH)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=REASON_MAX_LENGTH)


class OptionalReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=REASON_MAX_LENGTH, required=False, allow_blank=True)


class CommentReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    comment = serializers.IntegerField(source="comment_id")
    reason = serializers.CharField()
    created_at = serializers.DateTimeField()


# Notifications ---------------------------------------------------------------


class NotificationSerializer(serializers.ModelSerializer):
    actor = serializers.SlugRelatedField(slug_field="username", read_only=True)
    canvas_title = serializers.CharField(source="canvas.title", read_only=True)
    read = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = [
            "id",
            "kind",
            "canvas",
            "canvas_title",
            "comment",
            "actor",
            "data",
            "created_at",
            "read",
            "read_at",
            "url",
        ]
        read_only_fields = fields

    def get_read(self, notification: Notification) -> bool:
        return notification.read_at is not None

    def get_url(self, notification: Notification) -> str:
        return self.context["paths"].get(notification.pk, "")


class MarkReadSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, max_length=1000
    )
    all = serializers.BooleanField(required=False)

    def validate(self, data: dict) -> dict:
        if not data.get("all") and not data.get("ids"):
            raise serializers.ValidationError({"ids": [_("Give the ids to mark, or all: true.")]})
        return data


class MarkedSerializer(serializers.Serializer):
    marked = serializers.IntegerField()
    unread = serializers.IntegerField()


def _delivery(help_text: str) -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=Delivery.choices, required=False, help_text=help_text)


class NotificationPreferencesSerializer(serializers.Serializer):
    """How each kind of notification is e-mailed: immediate, daily or off. A PUT may
    give some kinds only; the others keep their setting."""

    mention = _delivery(NotificationKind.MENTION.label)
    reply = _delivery(NotificationKind.REPLY.label)
    resolution = _delivery(NotificationKind.RESOLUTION.label)
    comment = _delivery(NotificationKind.COMMENT.label)
    stage = _delivery(NotificationKind.STAGE.label)
    decision = _delivery(NotificationKind.DECISION.label)
    assignment = _delivery(NotificationKind.ASSIGNMENT.label)
