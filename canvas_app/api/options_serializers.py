"""API shapes of the short list of options and of its appraisal (method, section 7).

Errors of these endpoints name each field by its path, the way the services do
(`optimism_bias.mitigation`, `inputs.lifetime_years`, `actuals[2].year`), whether the
shape or a rule refused it.
"""

import math

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from canvas_app.models import Option, OptionKind, ProjectType

from .impact_serializers import ImpactInputsSerializer, RejectUnknownFieldsMixin

CHOSEN_KINDS = [OptionKind.DO_MINIMUM.value, OptionKind.DO_SOMETHING.value]
KIND_ERRORS = {
    "invalid_choice": gettext_lazy(
        "Choose do_minimum or do_something: business as usual is always on the short list."
    )
}

# Errors, for the schema and for the answers ------------------------------------------


def flat_errors(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested errors as {path: messages}: `inputs.capex`, `actuals[0].year`."""
    if isinstance(detail, list) and not any(isinstance(item, dict | list) for item in detail):
        return {prefix or "non_field_errors": [str(item) for item in detail]} if detail else {}
    flat: dict[str, list[str]] = {}
    for key, value in detail.items() if isinstance(detail, dict) else enumerate(detail):
        if key == "non_field_errors":
            path = prefix or key
        elif isinstance(key, int):  # a list's item
            path = f"{prefix}[{key}]"
        else:
            path = f"{prefix}.{key}" if prefix else str(key)
        for field, messages in flat_errors(value, path).items():
            flat.setdefault(field, []).extend(messages)
    return flat


def validated(serializer: serializers.Serializer) -> dict:
    if not serializer.is_valid():
        raise ValidationError(flat_errors(serializer.errors))
    return serializer.validated_data


class ErrorDetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


FIELD_ERRORS_SCHEMA = {
    "type": "object",
    "description": "Each refused field, named by its path, with its messages.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "example": {"optimism_bias.mitigation": ["A share from 0 to 1."]},
}
ERRORS = {
    400: OpenApiResponse(FIELD_ERRORS_SCHEMA, description="Bad input, naming each field."),
    403: OpenApiResponse(ErrorDetailSerializer, description="Not allowed for your role."),
    404: OpenApiResponse(
        ErrorDetailSerializer, description="Not found among your councils' canvases."
    ),
}
READ_ERRORS = {404: ERRORS[404]}


def errors(*codes: int) -> dict:
    """The documented error answers of an operation."""
    return {code: ERRORS[code] for code in codes}


class FiniteFloatField(serializers.FloatField):
    """A number, not NaN nor infinity (neither can be stored as JSON)."""

    default_error_messages = {"finite": gettext_lazy("Must be a finite number.")}

    def to_internal_value(self, data):
        if isinstance(data, bool):
            self.fail("invalid")
        value = super().to_internal_value(data)
        if not math.isfinite(value):
            self.fail("finite")
        return value


# Options --------------------------------------------------------------------------


class OptionInputsSerializer(ImpactInputsSerializer):
    """The fields of `/impact-inputs/`, as one option holds them."""

    version = None
    updated_at = None

    def to_representation(self, instance):
        return dict(instance)


class OptimismBiasSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    """The option's optimism bias: its uplifts come from the council's table for the
    project type, less the mitigation (method, section 7)."""

    project_type = serializers.ChoiceField(
        choices=ProjectType.values,
        allow_null=True,
        allow_blank=True,
        required=False,
        help_text="The optimism-bias category; null: no optimism bias.",
    )
    mitigation = FiniteFloatField(
        min_value=0,
        max_value=1,
        required=False,
        help_text="How far the causes of overrun are already managed, from 0 to 1.",
    )
    works_duration_months = FiniteFloatField(
        min_value=0,
        max_value=1200,
        allow_null=True,
        required=False,
        help_text="The planned works duration in months, reported with its uplift.",
    )


def _optimism_bias(bias: dict) -> dict:
    """The optimism-bias object as the services' option fields."""
    fields = dict(bias)
    if "project_type" in fields:
        fields["project_type"] = fields["project_type"] or ""
    return fields


class OptionCreateSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    """A new option of the short list."""

    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=CHOSEN_KINDS, error_messages=KIND_ERRORS)
    preferred = serializers.BooleanField(
        required=False, default=False, help_text="True: this option becomes the preferred one."
    )
    inputs = OptionInputsSerializer(help_text="The fields of impact-inputs.")
    optimism_bias = OptimismBiasSerializer(required=False)

    def service_fields(self) -> dict:
        """The option as `option_create` takes it."""
        fields = dict(self.validated_data)
        fields.update(_optimism_bias(fields.pop("optimism_bias", {})))
        return fields


class OptionUpdateSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    """What a PATCH may change; the inputs given replace those fields only."""

    name = serializers.CharField(max_length=200, required=False)
    kind = serializers.ChoiceField(choices=CHOSEN_KINDS, required=False, error_messages=KIND_ERRORS)
    preferred = serializers.BooleanField(
        required=False,
        help_text="Only true: the preference moves to this option (prefer another to move it).",
    )
    inputs = OptionInputsSerializer(required=False, help_text="Some fields of impact-inputs.")
    optimism_bias = OptimismBiasSerializer(required=False)

    def changes_of(self, option: Option) -> dict:
        """The changes as `option_update` takes them."""
        changes = dict(self.validated_data)
        changes.update(_optimism_bias(changes.pop("optimism_bias", {})))
        if "inputs" in changes:
            changes["inputs"] = {**(option.inputs or {}), **changes["inputs"]}
        return changes


class OptionSerializer(serializers.ModelSerializer):
    inputs = OptionInputsSerializer(
        read_only=True, allow_null=True, help_text="null for business as usual."
    )
    optimism_bias = serializers.SerializerMethodField()

    class Meta:
        model = Option
        fields = [
            "id",
            "name",
            "kind",
            "preferred",
            "inputs",
            "optimism_bias",
            "position",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(OptimismBiasSerializer)
    def get_optimism_bias(self, option: Option) -> dict:
        return {
            "project_type": option.project_type or None,
            "mitigation": option.mitigation,
            "works_duration_months": option.works_duration_months,
        }


# The appraisal ---------------------------------------------------------------------


class AppraisedOptionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="key")
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=OptionKind.values)
    preferred = serializers.BooleanField()
    rank = serializers.IntegerField(help_text="1: the best value for money (highest ENPV).")
    pv_benefits = serializers.FloatField(help_text="EUR, at the social discount rate.")
    pv_costs = serializers.FloatField(help_text="EUR, optimism bias included.")
    enpv = serializers.FloatField(help_text="EUR, optimism bias included.")
    enpv_unadjusted = serializers.FloatField(help_text="EUR, without optimism bias.")
    bcr = serializers.FloatField(allow_null=True)
    fnpv = serializers.FloatField(allow_null=True)
    economic = serializers.FloatField(allow_null=True)
    environmental = serializers.FloatField(allow_null=True)
    social = serializers.FloatField(allow_null=True)
    overall = serializers.FloatField(allow_null=True)
    capex_uplift = serializers.FloatField(help_text="A fraction: 0.22 is 22 %.")
    opex_uplift = serializers.FloatField(help_text="A fraction.")
    duration_uplift = serializers.FloatField(help_text="A fraction, of the works duration.")
    works_duration_adjusted = serializers.FloatField(
        allow_null=True, required=False, help_text="Months, the duration uplift applied."
    )


class LadderStepSerializer(serializers.Serializer):
    challenger = serializers.IntegerField(help_text="An option id.")
    defender = serializers.IntegerField(help_text="An option id.")
    incremental_bcr = serializers.FloatField(allow_null=True, help_text="null: n/a (ΔC = 0).")
    accepted = serializers.BooleanField()


class AppraisalSerializer(serializers.Serializer):
    """The figures of the latest completed appraisal, with the state of the newest request.

    Nothing asked for yet (no option has inputs): `status` is null and the figures are
    empty. While a new assessment is queued or running (or after it failed), `status`
    says so and the figures are those of the last completed one, if any.
    """

    status = serializers.ChoiceField(
        choices=["queued", "running", "done", "failed"],
        allow_null=True,
        help_text="Of the newest assessment; null: nothing appraised or asked for yet.",
    )
    error = serializers.CharField(allow_blank=True, help_text="Why the newest one failed.")
    assessment = serializers.IntegerField(
        allow_null=True, help_text="The assessment the figures come from."
    )
    is_stale = serializers.BooleanField(
        help_text="The short list or the parameters changed since the figures were computed."
    )
    options = AppraisedOptionSerializer(many=True)
    ladder = LadderStepSerializer(many=True)
    best = serializers.IntegerField(allow_null=True, help_text="The option ranked first.")
    ladder_best = serializers.IntegerField(
        allow_null=True, help_text="The last option the incremental ladder accepted."
    )
    switching_value_pct = serializers.FloatField(
        allow_null=True,
        help_text="% rise of the preferred option's costs at which the runner-up would be best.",
    )
    flags = serializers.ListField(
        child=serializers.ChoiceField(
            choices=[
                "preferred_not_best",
                "preferred_negative_enpv",
                "no_do_minimum",
                "no_alternative",
            ]
        )
    )
    preferred = serializers.IntegerField(
        allow_null=True, help_text="The option the appraisal took as preferred."
    )
    justification_required = serializers.BooleanField(
        help_text="The preferred option is not the best: the canvas must say why."
    )
    preferred_justification = serializers.CharField(allow_blank=True)


def appraisal_data(*, canvas, latest, shown, is_stale: bool, required: bool) -> dict:
    """The appraisal answer from the newest assessment and the latest completed one."""
    appraisal = (shown.appraisal if shown is not None else None) or {}
    return {
        "status": latest.status if latest is not None else None,
        "error": latest.error if latest is not None else "",
        "assessment": shown.pk if shown is not None else None,
        "is_stale": is_stale,
        "options": appraisal.get("options", []),
        "ladder": appraisal.get("ladder", []),
        "best": appraisal.get("best"),
        "ladder_best": appraisal.get("ladder_best"),
        "switching_value_pct": appraisal.get("switching_value_pct"),
        "flags": appraisal.get("flags", []),
        "preferred": appraisal.get("preferred"),
        "justification_required": required,
        "preferred_justification": canvas.preferred_justification,
    }
