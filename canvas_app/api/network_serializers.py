from rest_framework import serializers

from canvas_app.models import Contribution, Milestone, MilestoneStatus, Partner, PartnerKind, Raci


class PartnerSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=PartnerKind.choices)
    contributions = serializers.ListField(
        child=serializers.ChoiceField(choices=Contribution.choices), required=False, max_length=4
    )

    class Meta:
        model = Partner
        fields = ["id", "organisation", "kind", "contributions", "brings", "gains", "position"]
        read_only_fields = ["position"]


class ResponsibilitySerializer(serializers.Serializer):
    partner = serializers.IntegerField(help_text="A partner id of this canvas.")
    activity = serializers.IntegerField(help_text="A card id of the Key activities block.")
    role = serializers.ChoiceField(
        choices=[("", "none"), *Raci.choices],
        allow_blank=True,
        help_text="R, A, C, I or '' to clear.",
    )


class MilestoneSerializer(serializers.ModelSerializer):
    owner = serializers.IntegerField(
        source="owner_id", allow_null=True, required=False, help_text="A partner id, or null."
    )
    status = serializers.ChoiceField(choices=MilestoneStatus.choices, required=False)

    class Meta:
        model = Milestone
        fields = ["id", "name", "due_date", "owner", "status"]
