"""API shapes of the benefits realisation plan and of the outturn review (method, section 8)."""

import math

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from canvas_app import impact
from canvas_app.models import Measurement, Theme
from canvas_app.services.outturn import LESSONS_MAX_LENGTH, OutturnReview

from .impact_serializers import RejectUnknownFieldsMixin
from .options_serializers import FiniteFloatField

# Far beyond any council's figures, and far enough from the float limits that sums and
# ratios of them stay finite (NaN and infinity cannot be sent back as JSON).
MAX_AMOUNT = 1e12
MAX_VALUE = 1e15
STATUSES = ["met", "missed", "green", "amber", "red", "no_data"]


class FiguresField(serializers.FloatField):
    """A computed figure; one the arithmetic could not give is null, like n/a."""

    def to_representation(self, value):
        if value is None:
            return None
        value = float(value)
        return value if math.isfinite(value) else None


def _figure(help_text: str = "") -> FiguresField:
    return FiguresField(read_only=True, allow_null=True, help_text=help_text)


# Benefits ---------------------------------------------------------------------------


class AsOfSerializer(serializers.Serializer):
    as_of = serializers.DateField(required=False, help_text="YYYY-MM-DD; default: today.")


class MeasurementSerializer(serializers.ModelSerializer):
    recorded_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Measurement
        fields = ["id", "date", "value", "note", "evidence_url", "recorded_by", "recorded_at"]
        read_only_fields = fields


class MeasurementCreateSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    """A dated measurement of a benefit, with an optional note and evidence link."""

    date = serializers.DateField()
    value = FiniteFloatField(min_value=-MAX_VALUE, max_value=MAX_VALUE)
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    evidence_url = serializers.URLField(max_length=200, required=False, allow_blank=True)


class BenefitWriteSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    """A benefit as POST gives it whole, and PATCH in part."""

    name = serializers.CharField(max_length=200)
    unit = serializers.CharField(max_length=50)
    baseline = FiniteFloatField(min_value=-MAX_VALUE, max_value=MAX_VALUE)
    baseline_date = serializers.DateField()
    target = FiniteFloatField(
        min_value=-MAX_VALUE,
        max_value=MAX_VALUE,
        help_text="Must differ from the baseline; may be below it (fewer casualties).",
    )
    target_date = serializers.DateField(help_text="After the baseline date.")
    owner = serializers.CharField(max_length=200)
    method = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    theme = serializers.ChoiceField(
        choices=Theme.values, required=False, allow_blank=True, help_text="A CITYkeys theme."
    )


class BenefitSerializer(serializers.Serializer):
    """A benefit (a selectors.delivery.BenefitView) with its status at the date asked."""

    id = serializers.IntegerField(source="benefit.pk")
    name = serializers.CharField(source="benefit.name")
    unit = serializers.CharField(source="benefit.unit")
    baseline = serializers.FloatField(source="benefit.baseline")
    baseline_date = serializers.DateField(source="benefit.baseline_date")
    target = serializers.FloatField(source="benefit.target")
    target_date = serializers.DateField(source="benefit.target_date")
    owner = serializers.CharField(source="benefit.owner")
    method = serializers.CharField(source="benefit.method")
    theme = serializers.CharField(source="benefit.theme", help_text="'' when none is chosen.")
    position = serializers.IntegerField(source="benefit.position")
    progress = FiguresField(
        source="status.progress",
        allow_null=True,
        help_text="A fraction of the way from baseline to target; null without a measurement.",
    )
    expected = FiguresField(
        source="status.expected",
        allow_null=True,
        help_text="The fraction of the time from baseline date to target date that has passed.",
    )
    status = serializers.ChoiceField(source="status.status", choices=STATUSES)
    measurements = MeasurementSerializer(many=True, help_text="Oldest first.")


# Outturn ------------------------------------------------------------------------------


class ActualSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    """One year's actual figures; a figure left out keeps the forecast."""

    year = serializers.IntegerField(help_text="A year of the appraisal, 0 to n.")

    def get_fields(self):
        fields = super().get_fields()
        for name in impact.ACTUAL_FIELDS:
            fields[name] = FiniteFloatField(
                min_value=0, max_value=MAX_AMOUNT, required=False, allow_null=True, help_text="EUR"
            )
        return fields


class OutturnWriteSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    """The actual yearly figures, each replacing the forecast for its field and year."""

    actuals = ActualSerializer(
        many=True, max_length=61, help_text="Replaces the actuals recorded before."
    )
    lessons_learned = serializers.CharField(
        max_length=LESSONS_MAX_LENGTH,
        required=False,
        allow_blank=True,
        help_text="Left out: kept as it is.",
    )

    def service_fields(self) -> dict:
        data = self.validated_data
        fields = {"actuals": [dict(row) for row in data["actuals"]]}
        if "lessons_learned" in data:
            fields["lessons_learned"] = data["lessons_learned"]
        return fields


class VarianceSerializer(serializers.Serializer):
    actual = _figure("Σ actual over the recorded years, EUR.")
    estimate = _figure("Σ unadjusted forecast over the same years, EUR.")
    difference = _figure("actual − estimate, EUR.")
    pct = _figure("In % of the estimate; null when the estimate is 0.")


class BaselineSerializer(serializers.Serializer):
    assessment = serializers.IntegerField(source="assessment.pk")
    approved = serializers.BooleanField(
        help_text="False: no approval yet, the latest completed assessment stands in."
    )
    capex_uplift = serializers.FloatField(source="uplifts.capex", help_text="A fraction.")
    opex_uplift = serializers.FloatField(source="uplifts.opex", help_text="A fraction.")


class OutturnSerializer(serializers.Serializer):
    """The outturn review (an OutturnReview). Without an appraisal of a proposal to set
    the actuals against, `baseline` and the figures are null."""

    actuals = serializers.SerializerMethodField(help_text="As recorded, years in order.")
    lessons_learned = serializers.CharField(allow_blank=True)
    baseline = BaselineSerializer(allow_null=True)
    enpv_forecast = _figure("The appraisal's ENPV, optimism bias included, EUR.")
    enpv_outturn = _figure("EUR")
    fnpv_outturn = _figure("EUR")
    bcr_outturn = _figure()
    payback_outturn = _figure("Simple payback, years; null when never paid back.")
    variance = serializers.DictField(
        child=VarianceSerializer(), help_text="By figure (capex, opex, …), those recorded."
    )
    flags = serializers.ListField(
        child=serializers.ChoiceField(choices=["capex_overrun_above_uplift", "benefits_shortfall"])
    )

    @extend_schema_field(ActualSerializer(many=True))
    def get_actuals(self, data: dict) -> list[dict]:
        return data["actuals"]  # as stored: a figure not recorded is left out


def outturn_data(review: OutturnReview) -> dict:
    result = review.result
    figures = ("enpv_forecast", "enpv_outturn", "fnpv_outturn", "bcr_outturn", "payback_outturn")
    return {
        "actuals": review.actuals,
        "lessons_learned": review.lessons_learned,
        "baseline": review.baseline,
        **{name: getattr(result, name) if result else None for name in figures},
        "variance": dict(result.variance) if result else {},
        "flags": list(result.flags) if result else [],
    }
