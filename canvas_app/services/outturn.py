"""The outturn review: what a service actually cost and brought, against the appraisal
the council approved (method, section 8).

The appraisal compared against is the one recorded when the canvas was last approved
(the assessment kept in the approval's snapshot); before any approval, the latest
completed assessment. Recording actuals never changes it.
"""

import math
import statistics
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from canvas_app import impact
from canvas_app.models import (
    Assessment,
    AssessmentStatus,
    Canvas,
    Council,
    Outturn,
    Snapshot,
    SnapshotKind,
    Stage,
)

from .benefits import ensure_can_record
from .validation import require

LESSONS_MAX_LENGTH = 10000


@dataclass(frozen=True)
class Baseline:
    """The appraisal an outturn is set against."""

    assessment: Assessment
    inputs: impact.ImpactInputs  # the preferred option's, before optimism bias
    parameters: impact.MethodParameters
    uplifts: impact.Uplifts  # the optimism bias its appraisal used
    approved: bool  # False: no approval yet, the latest assessment stands in


@dataclass(frozen=True)
class OutturnReview:
    canvas: Canvas
    actuals: list[dict]  # as stored: [{"year": 0, "capex": ...}, ...]
    lessons_learned: str
    baseline: Baseline | None  # None: nothing appraised yet, or business as usual preferred
    result: impact.Outturn | None  # None without a baseline


def _approved_assessment(canvas: Canvas) -> Assessment | None:
    approval = (
        Snapshot.objects.filter(canvas=canvas, kind=SnapshotKind.STAGE, stage=Stage.APPROVED)
        .order_by("-created_at", "-id")
        .values_list("content", flat=True)
        .first()
    )
    recorded = (approval or {}).get("assessment") or {}
    if not recorded.get("id"):
        return None
    return Assessment.objects.filter(
        pk=recorded["id"], canvas=canvas, status=AssessmentStatus.DONE
    ).first()


def baseline_of(canvas: Canvas) -> Baseline | None:
    assessment = _approved_assessment(canvas)
    approved = assessment is not None
    if assessment is None:
        assessment = (
            Assessment.objects.filter(canvas=canvas, status=AssessmentStatus.DONE)
            .order_by("-requested_at", "-id")
            .first()
        )
    if assessment is None or not assessment.inputs:
        return None
    preferred = next(
        (row for row in (assessment.appraisal or {}).get("options", []) if row["preferred"]),
        {},
    )
    return Baseline(
        assessment=assessment,
        inputs=impact.validate_inputs(assessment.inputs),
        parameters=impact.validate_parameters(assessment.parameters),
        uplifts=impact.Uplifts(
            capex=preferred.get("capex_uplift", 0.0),
            opex=preferred.get("opex_uplift", 0.0),
            duration=preferred.get("duration_uplift", 0.0),
        ),
        approved=approved,
    )


def engine_actuals(actuals: list[dict], lifetime_years: int) -> dict[int, dict[str, float]]:
    """Year → figures, for the years of the appraisal: a later approval with a shorter
    appraisal period leaves years recorded earlier outside it (shown, not counted)."""
    return {
        row["year"]: {field: value for field, value in row.items() if field != "year"}
        for row in actuals
        if row["year"] <= lifetime_years
    }


def _outturn(baseline: Baseline, actuals: list[dict]) -> impact.Outturn:
    return impact.outturn(
        baseline.inputs,
        baseline.parameters,
        engine_actuals(actuals, baseline.inputs.lifetime_years),
        uplifts=baseline.uplifts,
    )


def outturn_review(canvas: Canvas) -> OutturnReview:
    row = Outturn.objects.filter(canvas=canvas).first()
    actuals = row.actuals if row else []
    baseline = baseline_of(canvas)
    result = _outturn(baseline, actuals) if baseline is not None else None
    return OutturnReview(
        canvas=canvas,
        actuals=actuals,
        lessons_learned=row.lessons_learned if row else "",
        baseline=baseline,
        result=result,
    )


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def clean_actuals(actuals, lifetime_years: int) -> list[dict]:
    """The actuals as the API and the form send them, checked field by field and keyed
    by their position (`actuals[2].year`); years sorted, one row per year."""
    require(isinstance(actuals, list), "actuals", _("A list of yearly figures."))
    errors: dict[str, list[str]] = {}
    rows: dict[int, dict] = {}
    for index, item in enumerate(actuals):
        where = f"actuals[{index}]"
        if not isinstance(item, dict):
            errors[where] = [_("An object with a year and its figures.")]
            continue
        year = item.get("year")
        if isinstance(year, bool) or not isinstance(year, int) or not 0 <= year <= lifetime_years:
            errors[f"{where}.year"] = [
                _("A year of the appraisal, from 0 to %(n)s.") % {"n": lifetime_years}
            ]
            continue
        if year in rows:
            errors[f"{where}.year"] = [_("Year %(year)s is listed twice.") % {"year": year}]
            continue
        row = {"year": year}
        for field, value in item.items():
            if field == "year" or value is None:
                continue
            if field not in impact.ACTUAL_FIELDS:
                errors[f"{where}.{field}"] = [
                    _("Unknown figure; choose from: %(fields)s.")
                    % {"fields": ", ".join(impact.ACTUAL_FIELDS)}
                ]
            elif not _number(value) or value < 0:
                errors[f"{where}.{field}"] = [_("Must be a finite number, 0 or more.")]
            else:
                row[field] = float(value)
        rows[year] = row
    if errors:
        raise ValidationError(errors)
    return [rows[year] for year in sorted(rows)]


def _capex_variance_pct(actuals: list[dict], baseline: Baseline | None):
    if baseline is None:
        return None
    capex = _outturn(baseline, actuals).variance.get("capex")
    return capex.pct if capex else None


@transaction.atomic
def outturn_set(
    *, canvas: Canvas, by, actuals: list | None = None, lessons_learned: str | None = None
) -> Outturn:
    """Record the actual yearly figures (replacing those recorded before) and/or the
    lessons learned. Needs an appraisal to set them against."""
    ensure_can_record(by, canvas)
    row, _created = Outturn.objects.select_for_update().get_or_create(canvas=canvas)
    baseline = baseline_of(canvas)
    if actuals is not None:
        require(
            baseline is not None,
            "actuals",
            _(
                "There is no appraisal of a proposal to compare with yet: enter the preferred "
                "option's impact inputs and let the scores be computed first."
            ),
        )
        row.actuals = clean_actuals(actuals, baseline.inputs.lifetime_years)
    if lessons_learned is not None:
        lessons_learned = str(lessons_learned).strip()
        require(
            len(lessons_learned) <= LESSONS_MAX_LENGTH,
            "lessons_learned",
            _("At most %(limit)s characters.") % {"limit": LESSONS_MAX_LENGTH},
        )
        row.lessons_learned = lessons_learned
    row.capex_variance_pct = _capex_variance_pct(row.actuals, baseline)
    row.updated_by = by
    row.save()
    return row


def outturn_rebase(canvas: Canvas) -> None:
    """A new approval moves the baseline: the stored capex variance follows it."""
    row = Outturn.objects.filter(canvas=canvas).first()
    if row is None:
        return
    variance = _capex_variance_pct(row.actuals, baseline_of(canvas))
    Outturn.objects.filter(pk=row.pk).update(capex_variance_pct=variance)


@dataclass(frozen=True)
class ObservedOverrun:
    median_pct: float | None  # None without any recorded capex
    canvases: int


def observed_overrun(council: Council) -> ObservedOverrun:
    """The council's own evidence on capex overruns: the median capex variance % over
    its canvases with recorded capex (method, section 8)."""
    values = list(
        Outturn.objects.filter(
            canvas__council=council, capex_variance_pct__isnull=False
        ).values_list("capex_variance_pct", flat=True)
    )
    return ObservedOverrun(statistics.median(values) if values else None, len(values))
