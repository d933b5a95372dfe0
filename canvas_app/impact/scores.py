"""The twelve sub-scores of section 4, each with the working a reader needs to check it.

Every sub-score is 0-100 (distance to a goalpost, clamped) or None when its inputs are
missing; `aggregate.py` turns them into dimension scores.

Readings are stored with the assessment, so their notes (and the formulas in words) are
English, marked with gettext_noop; whatever shows one translates it then (`text._`).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from .finance import CostBenefit
from .flows import Flows, pv
from .inputs import ImpactInputs, MethodParameters
from .text import gettext_noop


@dataclass(frozen=True)
class Reading:
    """A sub-score's value and why: the formula with its numbers, the inputs, the goalpost."""

    value: float | None
    formula: str
    inputs: Mapping[str, float | None] = field(default_factory=dict)
    goalpost: float | None = None
    note: str = ""  # why the value is n/a, or a special case that applied


def clamp(x: float) -> float:
    return min(1.0, max(0.0, x))


def rating(level: int | None) -> Reading:
    """A 1-5 rating mapped onto 0-100: (L - 1) / 4 x 100."""
    if level is None:
        formula = gettext_noop("(rating − 1) ÷ 4 × 100")
        return Reading(None, formula, {"rating": None}, note=gettext_noop("Not rated."))
    value = (level - 1) / 4 * 100
    return Reading(value, f"({level} − 1) ÷ 4 × 100 = {value:.2f}", {"rating": level})


def ec1_benefit_cost(cba: CostBenefit) -> Reading:
    bcr = cba.benefit_cost_ratio
    figures = {"benefit_cost_ratio": bcr, "pv_benefits": cba.pv_benefits, "pv_costs": cba.pv_costs}
    if bcr is None:
        note = gettext_noop("No costs, so no B/C ratio.")
        return Reading(None, "100 × clamp(B/C ÷ 2)", figures, 2.0, note)
    value = 100 * clamp(bcr / 2)
    return Reading(value, f"100 × clamp({bcr:.4f} ÷ 2) = {value:.2f}", figures, 2.0)


def ec2_payback(cba: CostBenefit, n: int) -> Reading:
    years = cba.simple_payback_years
    figures = {"simple_payback_years": years, "lifetime_years": float(n)}
    if years is None:
        formula = gettext_noop("0 when there is no payback")
        return Reading(0.0, formula, figures, note=gettext_noop("No payback within n."))
    value = 100 * clamp(1 - years / n)
    return Reading(value, f"100 × clamp(1 − {years:.3f} ÷ {n}) = {value:.2f}", figures)


def ec3_operating_coverage(flows: Flows, sdr: float) -> Reading:
    covered = pv(flows.revenue + flows.savings, sdr)
    opex = pv(flows.opex, sdr)
    figures = {"pv_revenue_and_savings": covered, "pv_opex": opex}
    if opex <= 0:
        formula = gettext_noop("100 when there is no operating cost")
        return Reading(100.0, formula, figures, 1.0, gettext_noop("No opex."))
    value = 100 * clamp(covered / opex)
    formula = f"100 × clamp(PV(r + s) ÷ PV(o)) = 100 × clamp({covered:,.2f} ÷ {opex:,.2f})"
    return Reading(value, f"{formula} = {value:.2f}", figures, 1.0)


def ec4_jobs(jobs: float | None, total_capex: float, goalpost: float) -> Reading:
    figures = {"jobs_fte": jobs, "total_capex": total_capex}
    symbolic = gettext_noop("100 × clamp((J ÷ capex in EUR M) ÷ goalpost)")
    if total_capex <= 0:
        note = gettext_noop("No capex, so no jobs intensity.")
        return Reading(None, symbolic, figures, goalpost, note)
    if jobs is None:
        return Reading(None, symbolic, figures, goalpost, gettext_noop("Jobs created not given."))
    per_meur = jobs / total_capex * 1e6  # in this order a tiny capex cannot divide by zero
    value = 100 * clamp(per_meur / goalpost)
    formula = f"100 × clamp(({jobs:g} ÷ {total_capex / 1e6:,.4g}) ÷ {goalpost:g}) = {value:.2f}"
    return Reading(value, formula, figures, goalpost)


def en1_ghg(ghg: float, goalpost: float) -> Reading:
    value = 100 * clamp(ghg / goalpost)
    formula = f"100 × clamp(g ÷ Gg) = 100 × clamp({ghg:,.4g} ÷ {goalpost:,.4g}) = {value:.2f}"
    return Reading(value, formula, {"ghg_avoided_t_per_year": ghg}, goalpost)


def en2_cost_effectiveness(cba: CostBenefit) -> Reading:
    ghg, cost = cba.ghg_avoided_t_per_year, cba.abatement_cost_eur_per_t
    limit = 2 * cba.carbon_price_first_year  # the cost per tonne that scores 0
    figures = {"ghg_avoided_t_per_year": ghg, "abatement_cost_eur_per_t": cost}
    if cost is None:
        formula = gettext_noop("0 when no greenhouse gas is avoided")
        return Reading(0.0, formula, figures, limit, "g = 0.")
    if cost <= 0:
        formula = gettext_noop("100 when the abatement cost is ≤ 0")
        note = gettext_noop("The service saves money while it cuts emissions.")
        return Reading(100.0, formula, figures, limit, note)
    value = 100 * clamp(1 - cost / limit) if limit > 0 else 0.0
    formula = f"100 × clamp(1 − {cost:,.2f} ÷ (2 × {limit / 2:,.2f})) = {value:.2f}"
    return Reading(value, formula, figures, limit)


def so1_reach(users: float | None, population: float | None, goalpost: float) -> Reading:
    figures = {"users_served": users, "target_population": population}
    symbolic = gettext_noop("100 × clamp((U ÷ P) ÷ reach goalpost)")
    if users is None or population is None:
        note = gettext_noop("Users or target population not given.")
        return Reading(None, symbolic, figures, goalpost, note)
    if population <= 0:
        note = gettext_noop("Target population is zero.")
        return Reading(None, symbolic, figures, goalpost, note)
    value = 100 * clamp(users / population / goalpost)
    formula = f"100 × clamp(({users:,.0f} ÷ {population:,.0f}) ÷ {goalpost:g}) = {value:.2f}"
    return Reading(value, formula, figures, goalpost)


def readings(
    inputs: ImpactInputs, params: MethodParameters, flows: Flows, cba: CostBenefit
) -> dict[str, Reading]:
    """Every sub-score by code, in the order of the method."""
    return {
        "EC1": ec1_benefit_cost(cba),
        "EC2": ec2_payback(cba, flows.n),
        "EC3": ec3_operating_coverage(flows, params.social_discount_rate),
        "EC4": ec4_jobs(inputs.jobs_fte, cba.total_capex, params.jobs_goalpost_per_meur),
        "EN1": en1_ghg(cba.ghg_avoided_t_per_year, params.ghg_goalpost_t),
        "EN2": en2_cost_effectiveness(cba),
        "EN3": rating(inputs.rating_local_environment),
        "SO1": so1_reach(inputs.users_served, inputs.target_population, params.reach_goalpost),
        "SO2": rating(inputs.rating_accessibility),
        "SO3": rating(inputs.rating_inclusion),
        "SO4": rating(inputs.rating_engagement),
        "SO5": rating(inputs.rating_safety_health),
    }
