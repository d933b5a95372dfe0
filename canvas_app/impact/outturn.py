"""Section 8 of the method (version 2): the outturn review and the benefits register.

Outturn: actual yearly figures replace the approved appraisal's forecast (optimism
bias included) for the field and year they are recorded for; the figures of section 3
are computed again on those flows and set against the forecast. Variances compare
the actuals with the unadjusted estimate over the recorded years.

Benefits: each KPI's progress from its baseline towards its target, against the
share of the time that has passed, gives a RAG status at a date.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from .flows import Flows, expand, payback, pv
from .inputs import ImpactInputs, InputError, MethodParameters
from .options import Uplifts, with_optimism_bias
from .text import _

ACTUAL_FIELDS = ("capex", "opex", "revenue", "savings", "other_benefits")
BENEFIT_FIELDS = ("revenue", "savings", "other_benefits")
SHORTFALL_SHARE = 0.9
NO_UPLIFT = Uplifts()


@dataclass(frozen=True)
class Variance:
    actual: float  # Σ actual over the recorded years
    estimate: float  # Σ unadjusted forecast over the same years
    pct: float | None  # None when the estimate is 0

    @property
    def difference(self) -> float:
        return self.actual - self.estimate


@dataclass(frozen=True)
class Outturn:
    enpv_forecast: float  # the approved appraisal's (optimism bias included)
    enpv_outturn: float
    fnpv_outturn: float
    bcr_outturn: float | None
    payback_outturn: float | None  # simple payback, years
    variance: Mapping[str, Variance]  # only the fields with a record
    flags: tuple[str, ...]
    flows: Flows  # the outturn flows and the forecast's, for a chart of one against the other
    forecast: Flows


def check_actuals(actuals: Mapping[int, Mapping[str, float]], n: int) -> None:
    errors: dict[str, list[str]] = {}
    for year, fields in actuals.items():
        if not isinstance(year, int) or isinstance(year, bool) or not 0 <= year <= n:
            errors.setdefault("actuals.year", []).append(
                _("A year of the appraisal, from 0 to {n}.").format(n=n)
            )
            continue
        for field, value in fields.items():
            if field not in ACTUAL_FIELDS:
                errors.setdefault(f"actuals[{year}].{field}", []).append(_("Unknown field."))
            elif isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                errors.setdefault(f"actuals[{year}].{field}", []).append(
                    _("Must be a number, 0 or more.")
                )
            elif not np.isfinite(value):
                errors.setdefault(f"actuals[{year}].{field}", []).append(
                    _("Must be a finite number.")
                )
    if errors:
        raise InputError(errors)


def _with_actuals(forecast: Flows, actuals: Mapping[int, Mapping[str, float]]) -> Flows:
    arrays = {field: np.array(getattr(forecast, field), dtype=float) for field in ACTUAL_FIELDS}
    for year, fields in actuals.items():
        for field, value in fields.items():
            arrays[field][year] = value
    return Flows(residual_value=forecast.residual_value, **arrays)


def _variances(estimate: Flows, actuals: Mapping[int, Mapping[str, float]]) -> dict:
    variances = {}
    for field in ACTUAL_FIELDS:
        years = [year for year, fields in actuals.items() if field in fields]
        if not years:
            continue
        actual = float(sum(actuals[year][field] for year in years))
        expected = float(sum(getattr(estimate, field)[year] for year in years))
        pct = None if expected == 0 else (actual - expected) / expected * 100
        variances[field] = Variance(actual, expected, pct)
    return variances


def _flags(variances: Mapping[str, Variance], capex_uplift: float) -> tuple[str, ...]:
    flags = []
    capex = variances.get("capex")
    if capex is not None and capex.pct is not None and capex.pct > capex_uplift * 100:
        flags.append("capex_overrun_above_uplift")
    benefits = [variances[field] for field in BENEFIT_FIELDS if field in variances]
    if benefits:
        actual = sum(v.actual for v in benefits)
        expected = sum(v.estimate for v in benefits)
        if actual < SHORTFALL_SHARE * expected:
            flags.append("benefits_shortfall")
    return tuple(flags)


def outturn(
    inputs: ImpactInputs,
    params: MethodParameters,
    actuals: Mapping[int, Mapping[str, float]],
    *,
    uplifts: Uplifts = NO_UPLIFT,
) -> Outturn:
    """The outturn of an appraisal: `inputs` are the approved option's (unadjusted),
    `uplifts` the optimism bias its appraisal used, `actuals` year → field → amount."""
    check_actuals(actuals, inputs.lifetime_years)
    estimate = expand(inputs)
    forecast = expand(with_optimism_bias(inputs, uplifts))
    flows = _with_actuals(forecast, actuals)
    fdr, sdr = params.financial_discount_rate, params.social_discount_rate
    benefits, costs = pv(flows.economic_benefits, sdr), pv(flows.costs, sdr)
    variances = _variances(estimate, actuals)
    return Outturn(
        enpv_forecast=pv(forecast.economic_benefits, sdr) - pv(forecast.costs, sdr),
        enpv_outturn=benefits - costs,
        fnpv_outturn=pv(flows.financial_net, fdr),
        bcr_outturn=benefits / costs if costs > 0 else None,
        payback_outturn=payback(flows.financial_net),
        variance=variances,
        flags=_flags(variances, uplifts.capex),
        flows=flows,
        forecast=forecast,
    )


# Benefits realisation ------------------------------------------------------------

STATUSES = ("met", "missed", "green", "amber", "red", "no_data")


@dataclass(frozen=True)
class Measurement:
    on: date
    value: float


@dataclass(frozen=True)
class Benefit:
    baseline: float
    baseline_date: date
    target: float
    target_date: date
    measurements: Sequence[Measurement] = ()


@dataclass(frozen=True)
class BenefitStatus:
    expected: float  # the share of the time from baseline to target that has passed
    progress: float | None  # None without a measurement by the date
    status: str
    latest: Measurement | None


def check_benefit(benefit: Benefit) -> None:
    errors: dict[str, list[str]] = {}
    if benefit.target == benefit.baseline:
        errors["target"] = [_("The target must differ from the baseline.")]
    if benefit.target_date <= benefit.baseline_date:
        errors["target_date"] = [_("The target date must come after the baseline date.")]
    for name in ("baseline", "target"):
        if not np.isfinite(getattr(benefit, name)):
            errors[name] = [_("Must be a finite number.")]
    if errors:
        raise InputError(errors)


def benefit_status(benefit: Benefit, as_of: date) -> BenefitStatus:
    """Progress, expected progress and RAG status of a benefit at a date (section 8)."""
    check_benefit(benefit)
    span = (benefit.target_date - benefit.baseline_date).days
    expected = min(1.0, max(0.0, (as_of - benefit.baseline_date).days / span))
    dated = [m for m in benefit.measurements if m.on <= as_of]
    if not dated:
        return BenefitStatus(expected, None, "no_data", None)
    latest = max(dated, key=lambda m: m.on)
    progress = (latest.value - benefit.baseline) / (benefit.target - benefit.baseline)
    if progress >= 1:
        status = "met"
    elif as_of > benefit.target_date:
        status = "missed"
    elif expected == 0 or progress / expected >= 0.9:
        status = "green"
    elif progress / expected >= 0.6:
        status = "amber"
    else:
        status = "red"
    return BenefitStatus(expected, progress, status, latest)
