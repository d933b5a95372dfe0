"""Saving what the impact method reads: a canvas's inputs and funding sources,
and a council's method parameters. Each save asks for a fresh assessment."""

from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from canvas_app import impact
from canvas_app.models import (
    Canvas,
    Council,
    FundingKind,
    FundingSource,
    ImpactInputs,
    MethodParameters,
)

from .access import ensure_can_manage, ensure_canvas_editable
from .assessments import assessment_request, enqueue_council_rescore
from .engine_checks import clean_inputs, clean_parameters
from .options import preferred_inputs_set

FUNDING_NAME_MAX_LENGTH = 200
MAX_FUNDING_SOURCES = 50


@transaction.atomic
def impact_inputs_update(*, canvas: Canvas, by, values: Mapping[str, object]) -> ImpactInputs:
    """Replace a canvas's impact inputs, which are its preferred option's (a new preferred
    proposal when business as usual was preferred); an assessment follows after commit."""
    ensure_canvas_editable(by, canvas)
    preferred_inputs_set(canvas, by, clean_inputs(values))
    return ImpactInputs.objects.get(canvas=canvas)


def _clean_funding(sources: Sequence[Mapping[str, object]]) -> list[FundingSource]:
    if len(sources) > MAX_FUNDING_SOURCES:
        raise ValidationError(
            {"funding": [_("At most %(limit)s sources.") % {"limit": MAX_FUNDING_SOURCES}]}
        )
    errors: dict[str, list[str]] = {}
    rows = []
    for index, source in enumerate(sources):
        name = str(source.get("name") or "").strip()
        kind = source.get("kind") or FundingKind.OTHER
        if not name:
            errors[f"funding[{index}].name"] = [_("This field is required.")]
        elif len(name) > FUNDING_NAME_MAX_LENGTH:
            errors[f"funding[{index}].name"] = [
                _("At most %(limit)s characters.") % {"limit": FUNDING_NAME_MAX_LENGTH}
            ]
        if kind not in FundingKind.values:
            errors[f"funding[{index}].kind"] = [
                _("Choose one of: %(choices)s.") % {"choices": ", ".join(FundingKind.values)}
            ]
        rows.append(
            FundingSource(
                name=name,
                kind=kind,
                amount=source.get("amount"),
                secured=bool(source.get("secured", False)),
                position=index,
            )
        )
    try:  # amounts: the engine's own check (finite, not negative), with the same keys
        impact.validate_funding([{"amount": row.amount} for row in rows])
    except impact.InputError as error:
        errors.update(error.errors)
    if errors:
        raise ValidationError(errors)
    return rows


@transaction.atomic
def funding_sources_replace(
    *, canvas: Canvas, by, sources: Sequence[Mapping[str, object]]
) -> list[FundingSource]:
    """Replace the canvas's funding plan as a whole; an assessment follows after commit."""
    ensure_canvas_editable(by, canvas)
    rows = _clean_funding(sources)
    for row in rows:
        row.canvas = canvas
        row.amount = float(row.amount)
    canvas.funding_sources.all().delete()
    created = FundingSource.objects.bulk_create(rows)
    # Funding is part of what an assessment is computed from.
    ImpactInputs.objects.filter(canvas=canvas).update(
        version=F("version") + 1, updated_at=timezone.now()
    )
    assessment_request(canvas=canvas)
    return created


def method_parameters_of(council: Council) -> MethodParameters:
    """The council's parameters; an unsaved row with the method's defaults if none were set."""
    stored = MethodParameters.objects.filter(council=council).first()
    if stored is not None:
        return stored
    return MethodParameters(council=council, values=impact.MethodParameters().as_dict(), version=0)


@transaction.atomic
def method_parameters_update(
    *, council: Council, by, values: Mapping[str, object]
) -> MethodParameters:
    """Change a council's parameters; all its canvases are re-scored after commit."""
    ensure_can_manage(by, council)
    cleaned = clean_parameters(values)
    parameters, created = MethodParameters.objects.select_for_update().get_or_create(
        council=council, defaults={"values": cleaned, "updated_by": by}
    )
    if not created:
        if parameters.values == cleaned:
            return parameters
        parameters.values = cleaned
        parameters.version += 1
        parameters.updated_by = by
        parameters.save()
    enqueue_council_rescore(council.pk)
    return parameters
