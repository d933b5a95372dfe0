"""API shapes of the impact inputs, funding sources, assessments and parameters.

Fields are generated from the impact engine's documentation; the engine itself
checks the values again when the service saves them.
"""

from django.utils.translation import gettext as _
from rest_framework import serializers

from canvas_app.impact import INPUT_DOCS, PARAMETER_DOCS, translated_record
from canvas_app.impact.validation import RATING_FIELDS, SCHEDULE_FIELDS
from canvas_app.models import Assessment, FundingKind

INTEGER_FIELDS = {"lifetime_years", "first_year"}


def _input_field(name: str) -> serializers.Field:
    doc = INPUT_DOCS[name]
    help_text = f"{doc.label} ({doc.unit}). {doc.help}"
    if name in INTEGER_FIELDS:
        return serializers.IntegerField(help_text=help_text)
    if name in RATING_FIELDS:
        return serializers.IntegerField(
            min_value=1, max_value=5, required=False, allow_null=True, help_text=help_text
        )
    if name in SCHEDULE_FIELDS:
        return serializers.ListField(
            child=serializers.FloatField(),
            max_length=61,
            required=False,
            allow_null=True,
            help_text=help_text,
        )
    return serializers.FloatField(required=False, allow_null=True, help_text=help_text)


class RejectUnknownFieldsMixin:
    """A misspelt field is an error, not silently ignored."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = set(data) - set(self.fields)
            if unknown:
                raise serializers.ValidationError(
                    {str(name): [_("Unknown field.")] for name in sorted(unknown, key=str)}
                )
        return super().to_internal_value(data)


class ImpactInputsSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    version = serializers.IntegerField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)

    def get_fields(self):
        fields = super().get_fields()
        fields.update({name: _input_field(name) for name in INPUT_DOCS})
        return fields

    def to_representation(self, instance):
        return {**instance.values, "version": instance.version, "updated_at": instance.updated_at}


class FundingSourceSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=FundingKind.choices, default=FundingKind.OTHER)
    amount = serializers.FloatField(min_value=0, help_text="EUR")
    secured = serializers.BooleanField(default=False, help_text="False: pledged or applied for.")


class AssessmentSerializer(serializers.ModelSerializer):
    is_stale = serializers.BooleanField(read_only=True)
    scores = serializers.SerializerMethodField()

    class Meta:
        model = Assessment
        fields = [
            "id",
            "status",
            "error",
            "is_stale",
            "fingerprint",
            "method_version",
            "scores",
            "requested_at",
            "started_at",
            "finished_at",
            "duration_ms",
            "result",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if isinstance(data.get("result"), dict):  # stored in English; read in the request's
            data["result"] = translated_record(data["result"])
        return data

    def get_scores(self, assessment: Assessment) -> dict[str, float | None]:
        return {
            "economic": assessment.economic,
            "environmental": assessment.environmental,
            "social": assessment.social,
            "overall": assessment.overall,
        }


def _parameter_field(name: str) -> serializers.Field:
    doc = PARAMETER_DOCS[name]
    help_text = f"{doc.label} ({doc.unit}); default {doc.default}. Source: {doc.source}."
    if name == "carbon_price_mode":
        return serializers.ChoiceField(
            choices=["constant", "eib_path"], required=False, help_text=help_text
        )
    if name == "weights":
        return serializers.DictField(
            child=serializers.FloatField(min_value=0), required=False, help_text=help_text
        )
    if name == "optimism_bias":
        # Checked by the engine, which names any bad entry (optimism_bias.<type>.<measure>).
        return serializers.DictField(
            child=serializers.DictField(
                child=serializers.ListField(
                    child=serializers.FloatField(min_value=0), min_length=2, max_length=2
                )
            ),
            required=False,
            help_text=help_text,
        )
    return serializers.FloatField(required=False, help_text=help_text)


class MethodParametersSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    version = serializers.IntegerField(read_only=True)

    def get_fields(self):
        fields = super().get_fields()
        fields.update({name: _parameter_field(name) for name in PARAMETER_DOCS})
        return fields

    def to_representation(self, instance):
        return {**instance.values, "version": instance.version}
