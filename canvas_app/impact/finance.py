"""The cost-benefit figures of section 3 of the method (EU CBA Guide 2014)."""

from dataclasses import dataclass

from .carbon import Environment, carbon_price
from .flows import Flows, annuity_factor, discount_factors, irr, payback, pv
from .inputs import MethodParameters


@dataclass(frozen=True)
class CostBenefit:
    """Headline figures; rates as fractions, money in EUR, paybacks in years, None for n/a."""

    fnpv: float  # PV of the financial net flow at the financial discount rate
    firr: float | None
    enpv: float  # at the social discount rate, without externalities
    eirr: float | None
    pv_benefits: float  # PV_SDR(r + s + b + v)
    pv_costs: float  # PV_SDR(c + o)
    benefit_cost_ratio: float | None  # None when there are no costs
    simple_payback_years: float | None
    discounted_payback_years: float | None
    total_capex: float  # undiscounted sum of c
    annuity_factor_sdr: float
    annuity_factor_fdr: float
    ghg_avoided_t_per_year: float
    ghg_avoided_t_lifetime: float
    carbon_price_first_year: float  # EUR/t in Y0: the yardstick for EN2 and its flag
    environmental_value_first_year: float  # EUR in t = 1
    pv_environmental_value: float
    enpv_with_externalities: float
    abatement_cost_eur_per_t: float | None  # None when nothing is avoided


def abatement_cost(flows: Flows, ghg_per_year: float, rate: float) -> float | None:
    """Net cost per tonne avoided: the equivalent annual net cost divided by g.

    Other benefits are left out: the figure answers what the carbon cut costs the budget.
    """
    if ghg_per_year <= 0:
        return None
    net_cost = flows.capex + flows.opex - flows.revenue - flows.savings - flows.residual_value
    return pv(net_cost, rate) / annuity_factor(rate, flows.n) / ghg_per_year


def cost_benefit(
    flows: Flows, environment: Environment, params: MethodParameters, first_year: int
) -> CostBenefit:
    fdr, sdr, n = params.financial_discount_rate, params.social_discount_rate, flows.n
    pv_benefits = pv(flows.economic_benefits, sdr)
    pv_costs = pv(flows.costs, sdr)
    enpv = pv_benefits - pv_costs
    return CostBenefit(
        fnpv=pv(flows.financial_net, fdr),
        firr=irr(flows.financial_net),
        enpv=enpv,
        eirr=irr(flows.economic_net),
        pv_benefits=pv_benefits,
        pv_costs=pv_costs,
        benefit_cost_ratio=pv_benefits / pv_costs if pv_costs > 0 else None,
        simple_payback_years=payback(flows.financial_net),
        discounted_payback_years=payback(flows.financial_net * discount_factors(n, fdr)),
        total_capex=float(flows.capex.sum()),
        annuity_factor_sdr=annuity_factor(sdr, n),
        annuity_factor_fdr=annuity_factor(fdr, n),
        ghg_avoided_t_per_year=environment.ghg_per_year,
        ghg_avoided_t_lifetime=environment.ghg_lifetime,
        carbon_price_first_year=carbon_price(first_year, params),
        environmental_value_first_year=float(environment.value[1]),
        pv_environmental_value=environment.pv_value,
        enpv_with_externalities=enpv + environment.pv_value,
        abatement_cost_eur_per_t=abatement_cost(flows, environment.ghg_per_year, sdr),
    )
