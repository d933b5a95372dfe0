"""The benefits realisation plan: benefits (KPIs) and their measurements (method, section 8).

The plan is part of the business case, so it changes with the canvas (not once it is
approved); measurements are recorded whatever the stage but archived, and never
change the approved appraisal.
"""

import math
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from canvas_app import impact
from canvas_app.models import Benefit, Canvas, Measurement, Stage, Theme
from canvas_app.selectors.delivery import engine_benefit

from .access import ensure_can_edit, ensure_canvas_editable
from .engine_checks import engine_errors
from .validation import clean_or_raise, require

BENEFIT_FIELDS = (
    "name",
    "unit",
    "baseline",
    "baseline_date",
    "target",
    "target_date",
    "owner",
    "method",
    "theme",
)


def _check(benefit: Benefit) -> None:
    require(benefit.theme in ("", *Theme.values), "theme", _("Choose a CITYkeys theme."))
    clean_or_raise(benefit, exclude=["canvas"])
    try:
        impact.check_benefit(engine_benefit(benefit, ()))
    except impact.InputError as error:
        raise engine_errors(error) from error


@transaction.atomic
def benefit_create(*, canvas: Canvas, by, **fields) -> Benefit:
    ensure_canvas_editable(by, canvas)
    unknown = set(fields) - set(BENEFIT_FIELDS)
    if unknown:
        raise TypeError(f"benefit_create cannot set {', '.join(sorted(unknown))}")
    last = canvas.benefits.aggregate(last=Max("position"))["last"]
    benefit = Benefit(canvas=canvas, position=0 if last is None else last + 1, **fields)
    _check(benefit)
    benefit.save()
    return benefit


@transaction.atomic
def benefit_update(*, benefit: Benefit, by, **changes) -> Benefit:
    ensure_canvas_editable(by, benefit.canvas)
    unknown = set(changes) - set(BENEFIT_FIELDS)
    if unknown:
        raise TypeError(f"benefit_update cannot change {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(benefit, name, value)
    _check(benefit)
    benefit.save()
    return benefit


@transaction.atomic
def benefit_delete(*, benefit: Benefit, by) -> None:
    ensure_canvas_editable(by, benefit.canvas)
    benefit.delete()


def ensure_can_record(user, canvas: Canvas) -> None:
    """Measurements and actuals: the council's editors, at any stage but archived."""
    ensure_can_edit(user, canvas.council)
    if canvas.stage == Stage.ARCHIVED:
        raise PermissionDenied(_("This canvas is archived: nothing more is recorded on it."))


@transaction.atomic
def measurement_add(
    *, benefit: Benefit, by, date: date, value: float, note: str = "", evidence_url: str = ""
) -> Measurement:
    ensure_can_record(by, benefit.canvas)
    measurement = Measurement(
        benefit=benefit,
        date=date,
        value=value,
        note=(note or "").strip(),
        evidence_url=(evidence_url or "").strip(),
        recorded_by=by,
    )
    # The model's own checks let infinity through.
    require(
        isinstance(value, int | float) and math.isfinite(value),
        "value",
        _("Must be a finite number."),
    )
    clean_or_raise(measurement, exclude=["benefit", "recorded_by"])
    measurement.save()
    return measurement


@transaction.atomic
def measurement_delete(*, measurement: Measurement, by) -> None:
    ensure_can_record(by, measurement.benefit.canvas)
    measurement.delete()
