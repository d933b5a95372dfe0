"""How much of the investment needs outside money, and how much the funding plan provides."""

from collections.abc import Sequence
from dataclasses import dataclass

from .flows import Flows, pv
from .inputs import FundingSource


@dataclass(frozen=True)
class FundingGap:
    """EU funding-gap method: the share of the discounted investment that net revenue
    cannot repay, at the financial discount rate."""

    discounted_investment_cost: float  # DIC = PV_FDR(c)
    discounted_net_revenue: float  # DNR = PV_FDR(r + s - o + v)
    gap_rate: float  # clamp((DIC - DNR) / DIC, 0, 1); 0 when there is no investment
    funding_gap: float  # gap_rate x DIC
    operating_deficit: bool  # DNR < 0: the service does not cover its running costs


def funding_gap(flows: Flows, financial_discount_rate: float) -> FundingGap:
    dic = pv(flows.capex, financial_discount_rate)
    dnr = pv(
        flows.revenue + flows.savings - flows.opex + flows.residual_value,
        financial_discount_rate,
    )
    rate = min(1.0, max(0.0, (dic - dnr) / dic)) if dic > 0 else 0.0
    return FundingGap(
        discounted_investment_cost=dic,
        discounted_net_revenue=dnr,
        gap_rate=rate,
        funding_gap=rate * dic,
        operating_deficit=dnr < 0,
    )


@dataclass(frozen=True)
class FundingPlan:
    """The canvas's funding sources set against its total (undiscounted) capex."""

    source_count: int
    secured: float
    pledged: float  # not yet secured
    total: float
    total_capex: float
    coverage_ratio: float | None  # total / capex; None when there is no capex
    secured_coverage_ratio: float | None  # secured / capex
    unfunded: float  # capex not covered by any source, never negative


def funding_plan(sources: Sequence[FundingSource], total_capex: float) -> FundingPlan:
    secured = float(sum(source.amount for source in sources if source.secured))
    pledged = float(sum(source.amount for source in sources if not source.secured))
    total = secured + pledged
    return FundingPlan(
        source_count=len(sources),
        secured=secured,
        pledged=pledged,
        total=total,
        total_capex=total_capex,
        coverage_ratio=total / total_capex if total_capex > 0 else None,
        secured_coverage_ratio=secured / total_capex if total_capex > 0 else None,
        unfunded=max(0.0, total_capex - total),
    )
