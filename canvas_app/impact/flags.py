"""Warnings the report lists with their figures (section 4 of the method)."""

from collections.abc import Mapping
from dataclasses import dataclass

from .finance import CostBenefit
from .funding import FundingGap, FundingPlan

# Sums of funding amounts pick up float noise; a shortfall under half a cent is none.
MONEY_TOLERANCE = 0.005


@dataclass(frozen=True)
class Flag:
    code: str
    message: str
    figures: Mapping[str, float | None]


def _eur(amount: float) -> str:
    return f"EUR {amount:,.0f}"


def operating_deficit(gap: FundingGap) -> Flag | None:
    if not gap.operating_deficit:
        return None
    return Flag(
        "operating_deficit",
        "Revenue and savings do not cover the operating costs over the lifetime "
        f"(discounted net revenue {_eur(gap.discounted_net_revenue)}): the service needs "
        "a lasting subsidy to run.",
        {"discounted_net_revenue": gap.discounted_net_revenue},
    )


def no_payback(cba: CostBenefit, lifetime_years: int) -> Flag | None:
    if cba.simple_payback_years is not None:
        return None
    return Flag(
        "no_payback",
        f"The investment does not pay for itself within the {lifetime_years}-year lifetime.",
        {"lifetime_years": float(lifetime_years), "fnpv": cba.fnpv},
    )


def benefit_cost_below_one(cba: CostBenefit) -> Flag | None:
    bcr = cba.benefit_cost_ratio
    if bcr is None or bcr >= 1:
        return None
    return Flag(
        "benefit_cost_below_one",
        f"Discounted benefits are lower than discounted costs (B/C ratio {bcr:.2f}).",
        {"benefit_cost_ratio": bcr, "pv_benefits": cba.pv_benefits, "pv_costs": cba.pv_costs},
    )


def abatement_cost_high(cba: CostBenefit) -> Flag | None:
    cost, price = cba.abatement_cost_eur_per_t, cba.carbon_price_first_year
    if cost is None or cost <= 2 * price:
        return None
    return Flag(
        "abatement_cost_high",
        f"Each tonne of CO2e avoided costs {_eur(cost)}, more than twice the carbon price "
        f"of {_eur(price)} per tonne: an expensive way to cut emissions.",
        {"abatement_cost_eur_per_t": cost, "carbon_price": price, "threshold": 2 * price},
    )


def funding_shortfall(plan: FundingPlan) -> Flag | None:
    # Without any funding source there is no plan to judge yet.
    if plan.source_count == 0 or plan.total >= plan.total_capex - MONEY_TOLERANCE:
        return None
    return Flag(
        "funding_shortfall",
        f"The funding plan covers {_eur(plan.total)} of the {_eur(plan.total_capex)} "
        f"investment; {_eur(plan.unfunded)} is not yet funded.",
        {
            "funding_total": plan.total,
            "funding_secured": plan.secured,
            "total_capex": plan.total_capex,
            "unfunded": plan.unfunded,
            "coverage_ratio": plan.coverage_ratio,
        },
    )


def flags(
    cba: CostBenefit, gap: FundingGap, plan: FundingPlan, lifetime_years: int
) -> tuple[Flag, ...]:
    found = (
        operating_deficit(gap),
        no_payback(cba, lifetime_years),
        benefit_cost_below_one(cba),
        abatement_cost_high(cba),
        funding_shortfall(plan),
    )
    return tuple(flag for flag in found if flag is not None)
