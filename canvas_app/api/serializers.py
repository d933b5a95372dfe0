"""API representations. Writes are parsed here and carried out by the services."""

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from canvas_app.framework import BLOCK_CHOICES, BLOCK_COUNT
from canvas_app.models import (
    CARD_TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Canvas,
    Card,
    CardColour,
    CardHistory,
    Council,
    Evidence,
    Sector,
)


class CouncilSerializer(serializers.ModelSerializer):
    role = serializers.CharField(source="user_role", read_only=True)

    class Meta:
        model = Council
        fields = ["slug", "name", "colour", "role", "default_language", "allow_self_approval"]
        read_only_fields = fields


class CouncilSettingsSerializer(serializers.Serializer):
    default_language = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES], required=False
    )
    allow_self_approval = serializers.BooleanField(required=False)


class MeSerializer(serializers.Serializer):
    username = serializers.CharField(read_only=True)
    email = serializers.EmailField(read_only=True)
    first_name = serializers.CharField(read_only=True)
    last_name = serializers.CharField(read_only=True)
    language = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES],
        allow_null=True,
        required=False,
        help_text="The language the app speaks to you in; null: follow the browser.",
    )


class CardSerializer(serializers.ModelSerializer):
    updated_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Card
        fields = [
            "id",
            "block",
            "text",
            "tag",
            "colour",
            "evidence",
            "position",
            "version",
            "created_at",
            "updated_at",
            "updated_by",
        ]
        read_only_fields = ["position", "version", "created_at", "updated_at"]


class CardCreateSerializer(serializers.Serializer):
    block = serializers.ChoiceField(choices=BLOCK_CHOICES)
    text = serializers.CharField(max_length=CARD_TEXT_MAX_LENGTH)
    tag = serializers.CharField(max_length=40, required=False, allow_blank=True)
    colour = serializers.ChoiceField(choices=CardColour.choices, required=False)
    evidence = serializers.ChoiceField(choices=Evidence.choices, required=False)


class CardUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        min_value=1, help_text="The version this edit is based on; a stale one gets a 409."
    )
    text = serializers.CharField(max_length=CARD_TEXT_MAX_LENGTH, required=False)
    tag = serializers.CharField(max_length=40, required=False, allow_blank=True)
    colour = serializers.ChoiceField(choices=CardColour.choices, required=False)
    evidence = serializers.ChoiceField(choices=Evidence.choices, required=False)


class CardMoveSerializer(serializers.Serializer):
    block = serializers.ChoiceField(choices=BLOCK_CHOICES)
    position = serializers.IntegerField(min_value=0, max_value=100_000)
    canvas = serializers.IntegerField(
        required=False, help_text="If given, must be the card's own canvas."
    )


class CardHistorySerializer(serializers.ModelSerializer):
    by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = CardHistory
        fields = ["id", "card_ref", "action", "block", "before", "after", "by", "at"]


class CouncilSlugField(serializers.SlugRelatedField):
    """A council by slug; text PostgreSQL cannot even compare (NUL) is simply not found."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data.replace("\x00", ""))
        return super().to_internal_value(data)


class CanvasSerializer(serializers.ModelSerializer):
    council = CouncilSlugField(slug_field="slug", queryset=Council.objects.none())
    owner = serializers.SlugRelatedField(slug_field="username", read_only=True)
    title = serializers.CharField(max_length=TITLE_MAX_LENGTH)
    summary = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    sector = serializers.ChoiceField(choices=Sector.choices, required=False)
    language = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES],
        required=False,
        help_text="The language the canvas is written in; the council's default if omitted.",
    )
    blocks_filled = serializers.IntegerField(read_only=True)
    blocks_total = serializers.SerializerMethodField()

    class Meta:
        model = Canvas
        fields = [
            "id",
            "council",
            "title",
            "summary",
            "sector",
            "language",
            "stage",
            "revision",
            "owner",
            "blocks_filled",
            "blocks_total",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["stage", "revision", "created_at", "updated_at"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["council"].queryset = Council.objects.of_user(request.user)

    def get_blocks_total(self, canvas: Canvas) -> int:
        return BLOCK_COUNT


class CanvasUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=TITLE_MAX_LENGTH, required=False)
    language = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES], required=False
    )
    summary = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    sector = serializers.ChoiceField(choices=Sector.choices, required=False)
    preferred_justification = serializers.CharField(
        max_length=10000,
        required=False,
        allow_blank=True,
        help_text="Why the preferred option is preferred although the appraisal ranks another "
        "first (required for review then; read it in the appraisal).",
    )


class CanvasDetailSerializer(CanvasSerializer):
    """A canvas with its cards. The cards are written out directly: a canvas may hold
    hundreds, and a nested serializer per card would dominate the request."""

    blocks_filled = serializers.SerializerMethodField()
    cards = serializers.SerializerMethodField()

    class Meta(CanvasSerializer.Meta):
        fields = [*CanvasSerializer.Meta.fields, "cards"]

    def get_blocks_filled(self, canvas: Canvas) -> int:
        return len({card.block for card in canvas.cards.all()})

    @extend_schema_field(CardSerializer(many=True))
    def get_cards(self, canvas: Canvas) -> list[dict]:
        return card_rows(canvas.cards.all())


_timestamp = serializers.DateTimeField()


def card_rows(cards) -> list[dict]:
    """What CardSerializer gives for each card (a test holds them equal), much faster."""
    return [
        {
            "id": card.pk,
            "block": card.block,
            "text": card.text,
            "tag": card.tag,
            "colour": card.colour,
            "evidence": card.evidence,
            "position": card.position,
            "version": card.version,
            "created_at": _timestamp.to_representation(card.created_at),
            "updated_at": _timestamp.to_representation(card.updated_at),
            "updated_by": card.updated_by.username if card.updated_by_id else None,
        }
        for card in cards
    ]


class BlockSerializer(serializers.Serializer):
    key = serializers.CharField()
    group = serializers.CharField()
    title = serializers.CharField()
    questions = serializers.ListField(child=serializers.CharField())
    is_impact = serializers.BooleanField()
