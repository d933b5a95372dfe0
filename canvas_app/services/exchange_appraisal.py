"""The short list, the benefits plan and the outturn as plain data: the rows that export
files and snapshots keep, and reading an export's rows back.

Reading back goes through the services (option_create/option_update, benefit_create,
measurement_add, outturn_set), so a file is held to the same rules as a form or the API;
an error names its place in the file, e.g. "options[2].inputs.capex". A file only
brings the types the services expect (text, numbers, ISO dates) checked first, so a
hostile value is a 400, not a crash.
"""

import math
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canvas_app.models import Benefit, Canvas, Measurement, Option, OptionKind, Outturn

from .benefits import benefit_create, measurement_add
from .options import option_create, option_update, short_list
from .outturn import clean_actuals, outturn_rebase, outturn_set

MAX_MEASUREMENTS = 1000  # per benefit; the file's size limit bounds the total anyway
BENEFIT_TEXT = ("name", "unit", "owner", "method", "theme")


# Rows ------------------------------------------------------------------------


def option_row(option: Option) -> dict:
    return {
        "name": option.name,
        "kind": option.kind,
        "preferred": option.preferred,
        "inputs": option.inputs,
        "optimism_bias": {
            "project_type": option.project_type or None,
            "mitigation": option.mitigation,
            "works_duration_months": option.works_duration_months,
        },
    }


def benefit_row(benefit: Benefit) -> dict:
    """A benefit of the plan, without its measurements."""
    return {
        "name": benefit.name,
        "unit": benefit.unit,
        "baseline": benefit.baseline,
        "baseline_date": benefit.baseline_date.isoformat(),
        "target": benefit.target,
        "target_date": benefit.target_date.isoformat(),
        "owner": benefit.owner,
        "method": benefit.method,
        "theme": benefit.theme,
    }


def measurement_row(measurement: Measurement) -> dict:
    return {
        "date": measurement.date.isoformat(),
        "value": measurement.value,
        "note": measurement.note,
        "evidence_url": measurement.evidence_url,
    }


def options_export(canvas: Canvas) -> list[dict]:
    return [option_row(option) for option in canvas.options.order_by("position", "id")]


def benefits_export(canvas: Canvas) -> list[dict]:
    """The plan with each benefit's measurements, oldest first."""
    benefits = canvas.benefits.order_by("position", "id").prefetch_related("measurements")
    return [
        {**benefit_row(b), "measurements": [measurement_row(m) for m in b.measurements.all()]}
        for b in benefits
    ]


def outturn_export(canvas: Canvas) -> dict | None:
    row = Outturn.objects.filter(canvas=canvas).first()
    if row is None:
        return None
    return {"actuals": row.actuals, "lessons_learned": row.lessons_learned}


# Reading back -----------------------------------------------------------------


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _prefixed(error: ValidationError, prefix: str) -> ValidationError:
    if not hasattr(error, "error_dict"):
        return ValidationError({prefix: error.messages})
    return ValidationError({f"{prefix}.{k}": v for k, v in error.message_dict.items()})


def _raise_if(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


def _objects(value, where: str, limit: int) -> list[dict]:
    """A list of objects, or a ValidationError at `where`."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValidationError({where: [_("Must be a list.")]})
    if len(value) > limit:
        raise ValidationError({where: [_("At most %(limit)s entries.") % {"limit": limit}]})
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise ValidationError({f"{where}[{index}]": [_("Must be an object.")]})
    return value


def _date_or_error(value, where: str, errors: dict) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    errors[where] = [_("Enter a date as YYYY-MM-DD.")]
    return None


def _option_fields(item: dict, where: str) -> dict:
    """The arguments of option_create from a row of the file, its types checked."""
    errors: dict[str, list[str]] = {}
    bias = item.get("optimism_bias") or {}
    if not isinstance(bias, dict):
        raise ValidationError({f"{where}.optimism_bias": [_("Must be an object.")]})
    name, kind, inputs = item.get("name"), item.get("kind"), item.get("inputs")
    project_type = bias.get("project_type") or ""
    mitigation = bias.get("mitigation", 0.0)
    works = bias.get("works_duration_months")
    if not isinstance(name, str):
        errors[f"{where}.name"] = [_("Give the option a name.")]
    if not isinstance(kind, str):
        errors[f"{where}.kind"] = [_("Choose do_minimum or do_something.")]
    if not isinstance(inputs, dict):
        errors[f"{where}.inputs"] = [_("Enter the option's inputs.")]
    if not isinstance(project_type, str):
        errors[f"{where}.optimism_bias.project_type"] = [_("Must be text.")]
    if not _number(mitigation):
        errors[f"{where}.optimism_bias.mitigation"] = [_("Must be a finite number.")]
    if works is not None and not _number(works):
        errors[f"{where}.optimism_bias.works_duration_months"] = [_("Must be a finite number.")]
    _raise_if(errors)
    return {
        "name": name,
        "kind": kind,
        "inputs": inputs,
        "project_type": project_type,
        "mitigation": float(mitigation),
        "works_duration_months": None if works is None else float(works),
    }


def _check_preferred(items: list[dict]) -> None:
    preferred = [index for index, item in enumerate(items) if item.get("preferred", False)]
    for index, item in enumerate(items):
        if not isinstance(item.get("preferred", False), bool):
            raise ValidationError({f"options[{index}].preferred": [_("Must be true or false.")]})
    if len(preferred) > 1:
        raise ValidationError(
            {f"options[{preferred[1]}].preferred": [_("Exactly one option is preferred.")]}
        )


def _bau_from_file(bau: Option, item: dict, where: str, by) -> None:
    """Business as usual is always there: the file only names it."""
    if item.get("inputs") is not None:
        raise ValidationError({f"{where}.inputs": [_("Business as usual has no inputs.")]})
    name = item.get("name")
    if not isinstance(name, str):
        raise ValidationError({f"{where}.name": [_("Give the option a name.")]})
    if name != bau.name:
        try:
            option_update(option=bau, by=by, name=name)
        except ValidationError as error:
            raise _prefixed(error, where) from error


@transaction.atomic
def options_import(*, canvas: Canvas, by, items: list[dict]) -> None:
    """The file's short list on a new canvas, in the file's order."""
    _check_preferred(items)
    bau = next(option for option in short_list(canvas) if option.kind == OptionKind.BAU)
    named = False
    for index, item in enumerate(items):
        where = f"options[{index}]"
        if item.get("kind") == OptionKind.BAU:
            if named:
                raise ValidationError(
                    {f"{where}.kind": [_("The short list has one business-as-usual option.")]}
                )
            _bau_from_file(bau, item, where, by)
            named = True
            continue
        fields = _option_fields(item, where)
        try:
            option_create(canvas=canvas, by=by, preferred=item.get("preferred", False), **fields)
        except ValidationError as error:
            raise _prefixed(error, where) from error


def _benefit_fields(item: dict, where: str) -> dict:
    errors: dict[str, list[str]] = {}
    fields = {}
    for name in BENEFIT_TEXT:
        value = item.get(name)
        if value is None:
            value = ""
        if not isinstance(value, str):
            errors[f"{where}.{name}"] = [_("Must be text.")]
        fields[name] = value
    for name in ("baseline", "target"):
        if not _number(item.get(name)):
            errors[f"{where}.{name}"] = [_("Must be a finite number.")]
        fields[name] = item.get(name)
    for name in ("baseline_date", "target_date"):
        fields[name] = _date_or_error(item.get(name), f"{where}.{name}", errors)
    _raise_if(errors)
    return fields


def _measurement_fields(item: dict, where: str) -> dict:
    errors: dict[str, list[str]] = {}
    on = _date_or_error(item.get("date"), f"{where}.date", errors)
    if not _number(item.get("value")):
        errors[f"{where}.value"] = [_("Must be a finite number.")]
    texts = {}
    for name in ("note", "evidence_url"):
        value = item.get(name) or ""
        if not isinstance(value, str):
            errors[f"{where}.{name}"] = [_("Must be text.")]
        texts[name] = value
    _raise_if(errors)
    return {"date": on, "value": item["value"], **texts}


@transaction.atomic
def benefits_import(*, canvas: Canvas, by, items: list[dict]) -> None:
    """The file's benefits plan and the measurements recorded against it."""
    for index, item in enumerate(items):
        where = f"benefits[{index}]"
        fields = _benefit_fields(item, where)
        measurements = _objects(item.get("measurements"), f"{where}.measurements", MAX_MEASUREMENTS)
        try:
            benefit = benefit_create(canvas=canvas, by=by, **fields)
        except ValidationError as error:
            raise _prefixed(error, where) from error
        for number, measured in enumerate(measurements):
            at = f"{where}.measurements[{number}]"
            values = _measurement_fields(measured, at)
            try:
                measurement_add(benefit=benefit, by=by, **values)
            except ValidationError as error:
                raise _prefixed(error, at) from error


@transaction.atomic
def outturn_import(*, canvas: Canvas, by, data) -> None:
    """The file's actual figures and lessons learned.

    outturn_set wants a completed appraisal to set actuals against, and a new canvas's
    is only computed after commit; the actuals are checked as it checks them, against
    the appraisal period of the preferred option the file brought.
    """
    if data is None:
        return
    if not isinstance(data, dict):
        raise ValidationError({"outturn": [_("Must be an object.")]})
    lessons = data.get("lessons_learned") or ""
    if not isinstance(lessons, str):
        raise ValidationError({"outturn.lessons_learned": [_("Must be text.")]})
    actuals = data.get("actuals") or []
    cleaned = []
    if actuals:
        preferred = canvas.options.filter(preferred=True).exclude(kind=OptionKind.BAU).first()
        if preferred is None:
            raise ValidationError(
                {
                    "outturn.actuals": [
                        _(
                            "Actual figures are set against the preferred option's appraisal, "
                            "and the file has no preferred option with inputs."
                        )
                    ]
                }
            )
        try:
            cleaned = clean_actuals(actuals, preferred.inputs["lifetime_years"])
        except ValidationError as error:
            raise _prefixed(error, "outturn") from error
    try:
        row = outturn_set(canvas=canvas, by=by, lessons_learned=lessons)
    except ValidationError as error:
        raise _prefixed(error, "outturn") from error
    if cleaned:
        Outturn.objects.filter(pk=row.pk).update(actuals=cleaned)
        # The capex variance needs the appraisal, which the import's own assessment
        # brings after commit (at once when tasks run in-process).
        transaction.on_commit(lambda: outturn_rebase(canvas))
