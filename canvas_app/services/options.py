"""The short list of options a canvas appraises (method, section 7).

Business as usual is always there and cannot be removed. The preferred option's
inputs are also the canvas's impact inputs (ImpactInputs): the services keep the two
in step, so the impact pages, the exports and `/impact-inputs/` read and write the
preferred option. Any change to the short list asks for a new assessment, which
appraises every option in one job.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from canvas_app.models import (
    Assessment,
    AssessmentStatus,
    Canvas,
    ImpactInputs,
    Option,
    OptionKind,
    ProjectType,
)

from .access import ensure_canvas_editable
from .assessments import assessment_request
from .engine_checks import clean_inputs
from .validation import require

CHOSEN_KINDS = (OptionKind.DO_MINIMUM, OptionKind.DO_SOMETHING)
OPTION_FIELDS = (
    "name",
    "kind",
    "inputs",
    "project_type",
    "mitigation",
    "works_duration_months",
    "preferred",
)


def short_list(canvas: Canvas) -> list[Option]:
    """The canvas's options, business as usual first. A canvas that has none yet gets
    business as usual, and its impact inputs, if any, become the preferred proposal."""
    options = list(canvas.options.order_by("position", "id"))
    if not any(option.kind == OptionKind.BAU for option in options):
        with transaction.atomic():
            options = _first_short_list(canvas)
    return options


def _first_short_list(canvas: Canvas) -> list[Option]:
    inputs = ImpactInputs.objects.filter(canvas=canvas).values_list("values", flat=True).first()
    Option.objects.create(
        canvas=canvas,
        name=_("Business as usual"),
        kind=OptionKind.BAU,
        preferred=inputs is None,
        position=0,
    )
    if inputs is not None:
        Option.objects.create(
            canvas=canvas,
            name=_("Proposed service"),
            kind=OptionKind.DO_SOMETHING,
            preferred=True,
            inputs=inputs,
            position=1,
        )
    return list(canvas.options.order_by("position", "id"))


def _check(canvas: Canvas, option: Option) -> None:
    """Each field of an option, and the short-list rules, with the field named."""
    option.name = (option.name or "").strip()
    require(bool(option.name), "name", _("Give the option a name."))
    require(len(option.name) <= 200, "name", _("At most 200 characters."))
    if option.kind == OptionKind.BAU:
        require(option.inputs is None, "inputs", _("Business as usual has no inputs."))
        return
    require(option.kind in CHOSEN_KINDS, "kind", _("Choose do_minimum or do_something."))
    require(
        option.project_type in ("", *ProjectType.values),
        "optimism_bias.project_type",
        _("Choose one of: %(types)s.") % {"types": ", ".join(ProjectType.values)},
    )
    require(
        0 <= option.mitigation <= 1,
        "optimism_bias.mitigation",
        _("A share from 0 to 1: how far the causes of overrun are managed."),
    )
    require(
        option.works_duration_months is None or option.works_duration_months >= 0,
        "optimism_bias.works_duration_months",
        _("Must be 0 or more."),
    )
    require(option.inputs is not None, "inputs", _("Enter the option's inputs."))
    try:
        option.inputs = clean_inputs(option.inputs)
    except ValidationError as error:
        raise ValidationError(
            {f"inputs.{field}": messages for field, messages in error.message_dict.items()}
        ) from error
    others = canvas.options.exclude(pk=option.pk)
    if option.kind == OptionKind.DO_MINIMUM:
        require(
            not others.filter(kind=OptionKind.DO_MINIMUM).exists(),
            "kind",
            _("The short list already has a do-minimum option."),
        )
    for other in others.exclude(kind=OptionKind.BAU):
        for field in ("lifetime_years", "first_year"):
            require(
                other.inputs.get(field) == option.inputs.get(field),
                f"inputs.{field}",
                _(
                    "All options share one appraisal period and first year (%(name)s: "
                    "%(value)s); a residual value carries a longer asset life."
                )
                % {"name": other.name, "value": other.inputs.get(field)},
            )


def _sync_canvas_inputs(canvas: Canvas, option: Option, by) -> bool:
    """The preferred option's inputs are the canvas's impact inputs. Says whether they
    were written (a new version)."""
    if not option.preferred or option.kind == OptionKind.BAU:
        return False
    inputs, created = ImpactInputs.objects.select_for_update().get_or_create(
        canvas=canvas, defaults={"values": option.inputs, "updated_by": by}
    )
    if created:
        return True
    if inputs.values == option.inputs:
        return False
    inputs.values = option.inputs
    inputs.version += 1
    inputs.updated_by = by
    inputs.save()
    return True


def short_list_changed(canvas: Canvas, *, versioned: bool = False) -> None:
    """Anything in the short list changed: the assessment must appraise it again. The
    inputs' version moves (once), so the scores shown are known to be outdated."""
    if not versioned:
        ImpactInputs.objects.filter(canvas=canvas).update(version=F("version") + 1)
    assessment_request(canvas=canvas)


def _prefer(canvas: Canvas, option: Option, by) -> bool:
    canvas.options.exclude(pk=option.pk).filter(preferred=True).update(preferred=False)
    if not option.preferred:
        Option.objects.filter(pk=option.pk).update(preferred=True)
        option.preferred = True
    return _sync_canvas_inputs(canvas, option, by)


@transaction.atomic
def option_create(
    *,
    canvas: Canvas,
    by,
    name: str,
    kind: str,
    inputs: dict,
    preferred: bool = False,
    project_type: str = "",
    mitigation: float = 0.0,
    works_duration_months: float | None = None,
) -> Option:
    ensure_canvas_editable(by, canvas)
    short_list(canvas)
    require(kind != OptionKind.BAU, "kind", _("The short list has one business-as-usual option."))
    last = canvas.options.aggregate(last=Max("position"))["last"] or 0
    option = Option(
        canvas=canvas,
        name=name,
        kind=kind,
        inputs=inputs,
        project_type=project_type or "",
        mitigation=mitigation,
        works_duration_months=works_duration_months,
        position=last + 1,
    )
    _check(canvas, option)
    option.save()
    versioned = _prefer(canvas, option, by) if preferred else False
    short_list_changed(canvas, versioned=versioned)
    return option


@transaction.atomic
def option_update(*, option: Option, by, **changes) -> Option:
    """Change an option; `preferred=True` moves the preference to it."""
    canvas = option.canvas
    ensure_canvas_editable(by, canvas)
    unknown = set(changes) - set(OPTION_FIELDS)
    if unknown:
        raise TypeError(f"option_update cannot change {', '.join(sorted(unknown))}")
    prefer = changes.pop("preferred", None)
    require(
        prefer in (None, True),
        "preferred",
        _("Prefer another option instead: exactly one option is preferred."),
    )
    if option.kind == OptionKind.BAU:
        require(set(changes) <= {"name"}, "kind", _("Business as usual has only a name to change."))
    require(
        changes.get("kind", option.kind) != OptionKind.BAU or option.kind == OptionKind.BAU,
        "kind",
        _("The short list has one business-as-usual option."),
    )
    for name, value in changes.items():
        setattr(option, name, value if name != "project_type" else (value or ""))
    _check(canvas, option)
    # Only what changed: a copy loaded before the preference moved must not move it back.
    option.save(update_fields=[*changes, "updated_at"])
    versioned = _prefer(canvas, option, by) if prefer else _sync_canvas_inputs(canvas, option, by)
    short_list_changed(canvas, versioned=versioned)
    return option


@transaction.atomic
def option_duplicate(*, option: Option, by) -> Option:
    """A copy to start an alternative from: of the option, or of the preferred option's
    inputs when business as usual is copied."""
    canvas = option.canvas
    source = option
    if option.kind == OptionKind.BAU:
        source = canvas.options.exclude(kind=OptionKind.BAU).filter(preferred=True).first()
        require(source is not None, "option", _("There is no option with inputs to copy yet."))
    return option_create(
        canvas=canvas,
        by=by,
        name=_("Copy of %(name)s") % {"name": source.name},
        kind=OptionKind.DO_SOMETHING,
        inputs=dict(source.inputs),
        project_type=source.project_type,
        mitigation=source.mitigation,
        works_duration_months=source.works_duration_months,
    )


@transaction.atomic
def option_delete(*, option: Option, by) -> None:
    """Remove an option; business as usual stays. Removing the preferred option makes
    business as usual preferred."""
    canvas = option.canvas
    ensure_canvas_editable(by, canvas)
    require(
        option.kind != OptionKind.BAU,
        "kind",
        _("Business as usual is the reference of the appraisal: it cannot be removed."),
    )
    was_preferred = option.preferred
    option.delete()
    if was_preferred:
        canvas.options.filter(kind=OptionKind.BAU).update(preferred=True)
    short_list_changed(canvas)


def preferred_inputs_set(canvas: Canvas, by, values: dict) -> None:
    """`/impact-inputs/` writes the preferred option; with business as usual preferred,
    the inputs become a new preferred proposal."""
    options = short_list(canvas)
    preferred = next((o for o in options if o.preferred), None)
    if preferred is None or preferred.kind == OptionKind.BAU:
        option_create(
            canvas=canvas,
            by=by,
            name=_("Proposed service"),
            kind=OptionKind.DO_SOMETHING,
            inputs=values,
            preferred=True,
        )
    elif preferred.inputs != values:
        option_update(option=preferred, by=by, inputs=values)
    elif _sync_canvas_inputs(canvas, preferred, by):  # the canvas's copy had gone
        short_list_changed(canvas, versioned=True)


def justification_required(canvas: Canvas) -> bool:
    """The latest appraisal ranks another option above the preferred one: the canvas
    must say why it prefers it before it goes to review (method, section 7)."""
    appraisal = (
        Assessment.objects.filter(canvas=canvas, status=AssessmentStatus.DONE)
        .order_by("-requested_at", "-id")
        .values_list("appraisal", flat=True)
        .first()
    )
    return "preferred_not_best" in ((appraisal or {}).get("flags") or ())
