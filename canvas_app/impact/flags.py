"""Warnings the report lists with their figures (section 4 of the method).

A flag is stored with the assessment, so its `message` is written in English, whoever
asked for the assessment. The wording lives in FLAG_MESSAGES (marked with gettext_noop);
to show a flag in the reader's language, call flag_message(code, figures), which
translates the wording with `text._` and fills in the figures.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .finance import CostBenefit
from .funding import FundingGap, FundingPlan
from .text import _, gettext_noop

# Sums of funding amounts pick up float noise; a shortfall under half a cent is none.
MONEY_TOLERANCE = 0.005


@dataclass(frozen=True)
class Flag:
    code: str
    message: str
    figures: Mapping[str, float | None]


def _eur(amount: float) -> str:
    return f"EUR {amount:,.0f}"


# Each placeholder is a key of the flag's figures, shown as FIGURE_FORMATS formats it.
FLAG_MESSAGES: Mapping[str, str] = MappingProxyType(
    {
        "operating_deficit": gettext_noop(
            "Revenue and savings do not cover the operating costs over the lifetime "
            "(discounted net revenue {discounted_net_revenue}): the service needs "
            "a lasting subsidy to run."
        ),
        "no_payback": gettext_noop(
            "The investment does not pay for itself within the {lifetime_years}-year lifetime."
        ),
        "benefit_cost_below_one": gettext_noop(
            "Discounted benefits are lower than discounted costs (B/C ratio {benefit_cost_ratio})."
        ),
        "abatement_cost_high": gettext_noop(
            "Each tonne of CO2e avoided costs {abatement_cost_eur_per_t}, more than twice "
            "the carbon price of {carbon_price} per tonne: an expensive way to cut emissions."
        ),
        "funding_shortfall": gettext_noop(
            "The funding plan covers {funding_total} of the {total_capex} investment; "
            "{unfunded} is not yet funded."
        ),
    }
)

FIGURE_FORMATS: Mapping[str, Callable[[float], str]] = MappingProxyType(
    {
        "discounted_net_revenue": _eur,
        "lifetime_years": lambda years: f"{years:.0f}",
        "benefit_cost_ratio": lambda ratio: f"{ratio:.2f}",
        "abatement_cost_eur_per_t": _eur,
        "carbon_price": _eur,
        "funding_total": _eur,
        "total_capex": _eur,
        "unfunded": _eur,
    }
)


def flag_message(
    code: str,
    figures: Mapping[str, float | None],
    *,
    translate: Callable[[str], str] = _,
) -> str:
    """A flag's message with its figures, in the current language (`translate`).

    Works on a Flag's fields and on a stored flag (`flag["code"], flag["figures"]`).
    """
    shown = _Shown(
        (key, FIGURE_FORMATS[key](value))
        for key, value in figures.items()
        if key in FIGURE_FORMATS and value is not None
    )
    return translate(FLAG_MESSAGES[code]).format_map(shown)


class _Shown(dict):
    """Formatted figures; one stored as null (not finite) reads "n/a"."""

    def __missing__(self, key: str) -> str:
        return "n/a"


def _flag(code: str, figures: Mapping[str, float | None]) -> Flag:
    # English, not the current language: the flag is stored and shown to many readers.
    return Flag(code, flag_message(code, figures, translate=gettext_noop), figures)


def operating_deficit(gap: FundingGap) -> Flag | None:
    if not gap.operating_deficit:
        return None
    return _flag(
        "operating_deficit",
        {"discounted_net_revenue": gap.discounted_net_revenue},
    )


def no_payback(cba: CostBenefit, lifetime_years: int) -> Flag | None:
    if cba.simple_payback_years is not None:
        return None
    return _flag(
        "no_payback",
        {"lifetime_years": float(lifetime_years), "fnpv": cba.fnpv},
    )


def benefit_cost_below_one(cba: CostBenefit) -> Flag | None:
    bcr = cba.benefit_cost_ratio
    if bcr is None or bcr >= 1:
        return None
    return _flag(
        "benefit_cost_below_one",
        {"benefit_cost_ratio": bcr, "pv_benefits": cba.pv_benefits, "pv_costs": cba.pv_costs},
    )


def abatement_cost_high(cba: CostBenefit) -> Flag | None:
    cost, price = cba.abatement_cost_eur_per_t, cba.carbon_price_first_year
    if cost is None or cost <= 2 * price:
        return None
    return _flag(
        "abatement_cost_high",
        {"abatement_cost_eur_per_t": cost, "carbon_price": price, "threshold": 2 * price},
    )


def funding_shortfall(plan: FundingPlan) -> Flag | None:
    # Without any funding source there is no plan to judge yet.
    if plan.source_count == 0 or plan.total >= plan.total_capex - MONEY_TOLERANCE:
        return None
    return _flag(
        "funding_shortfall",
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
