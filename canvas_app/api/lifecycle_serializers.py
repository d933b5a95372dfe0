"""API representations of the lifecycle: stage changes, decisions, snapshots, activity."""

from rest_framework import serializers

from canvas_app.models import Decision, Outcome, Snapshot, StageChange


class TransitionSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=["consultation", "review", "draft", "archived"])
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True)


class StageChangeSerializer(serializers.ModelSerializer):
    by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = StageChange
        fields = ["id", "revision", "from_stage", "to_stage", "note", "by", "at"]
        read_only_fields = fields


class DecisionSerializer(serializers.ModelSerializer):
    by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    submitted_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Decision
        fields = [
            "id",
            "canvas",
            "revision",
            "outcome",
            "rationale",
            "fingerprint",
            "by",
            "at",
            "submitted_by",
            "self_approval_allowed",
        ]
        read_only_fields = fields


class DecisionCreateSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.values)
    rationale = serializers.CharField(max_length=10000)


class SnapshotSerializer(serializers.ModelSerializer):
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    name = serializers.CharField(
        source="title", read_only=True, help_text="As given, or made from the stage."
    )

    class Meta:
        model = Snapshot
        fields = ["id", "name", "kind", "revision", "stage", "created_by", "created_at"]
        read_only_fields = fields


class SnapshotDetailSerializer(SnapshotSerializer):
    class Meta(SnapshotSerializer.Meta):
        fields = [*SnapshotSerializer.Meta.fields, "content"]
        read_only_fields = fields


class SnapshotCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)


class CardChangeSerializer(serializers.Serializer):
    card = serializers.IntegerField()
    before = serializers.CharField()
    after = serializers.CharField()
    fields = serializers.DictField(help_text="Each changed field: [before, after].")
    words = serializers.ListField(
        child=serializers.ListField(), help_text='Runs of ["equal"|"delete"|"insert", text].'
    )


class BlockDiffSerializer(serializers.Serializer):
    added = serializers.ListField(child=serializers.DictField())
    removed = serializers.ListField(child=serializers.DictField())
    moved = serializers.ListField(child=serializers.DictField())
    changed = CardChangeSerializer(many=True)


class DiffSerializer(serializers.Serializer):
    blocks = serializers.DictField(child=BlockDiffSerializer())
    inputs = serializers.DictField(help_text='Each changed input: {"before", "after"}.')
    scores = serializers.DictField(help_text='Each changed score: {"before", "after"}.')
    canvas = serializers.DictField(help_text="Changed title, summary, sector, stage, revision.")
    options = serializers.DictField(
        allow_null=True,
        help_text='The short list: "added" and "removed" ({"id", "name"}), "changed" (with '
        'its changed "fields", "inputs" and "optimism_bias", each {"before", "after"}) and '
        '"preferred" ({"before", "after"} when the preference moved, else null); null when '
        "a version was kept before snapshots recorded the short list.",
    )
    benefits = serializers.DictField(
        allow_null=True,
        help_text='The benefits plan: "added", "removed" and "changed" (with its changed '
        '"fields", each {"before", "after"}); null when a version was kept before snapshots '
        "recorded the plan.",
    )
    counts = serializers.DictField(child=serializers.IntegerField())


class ActivitySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=["card", "comment", "stage", "decision", "report", "snapshot"]
    )
    at = serializers.DateTimeField()
    actor = serializers.CharField(allow_null=True)
    summary = serializers.CharField()
    object_id = serializers.IntegerField()
