"""One call from inputs to the full assessment: figures, scores, flags, sensitivity, risk."""

from collections.abc import Sequence

from .aggregate import scores, weigh
from .carbon import environment
from .finance import cost_benefit
from .flags import flags
from .flows import expand, pv
from .funding import funding_gap, funding_plan
from .inputs import FundingSource, ImpactInputs, InputError, MethodParameters
from .result import METHOD_VERSION, AssessmentResult
from .risk import DEFAULT_DRAWS, simulate
from .scores import readings
from .sensitivity import contributions, sensitivity
from .text import _
from .validation import validate_funding, validate_inputs, validate_parameters


def _check_risk_options(seed: int, draws: int) -> None:
    errors: dict[str, list[str]] = {}
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        errors["risk_seed"] = [_("Must be a whole number, 0 or more.")]
    if isinstance(draws, bool) or not isinstance(draws, int) or draws < 0:
        errors["risk_draws"] = [_("Must be a whole number, 0 or more.")]
    if errors:
        raise InputError(errors)


def assess(
    inputs: ImpactInputs,
    params: MethodParameters,
    funding: Sequence[FundingSource] = (),
    *,
    risk_seed: int = 0,
    risk_draws: int = DEFAULT_DRAWS,
) -> AssessmentResult:
    """Assess one canvas. `risk_draws=0` skips the Monte Carlo analysis.

    The inputs are checked again here, so a dataclass built by hand cannot slip an invalid
    value past the validators; InputError names the field.
    """
    inputs = validate_inputs(inputs.as_dict())
    params = validate_parameters(params.as_dict())
    sources = validate_funding(funding)
    _check_risk_options(risk_seed, risk_draws)

    flows = expand(inputs)
    env = environment(inputs, params)
    cba = cost_benefit(flows, env, params, inputs.first_year)
    gap = funding_gap(flows, params.financial_discount_rate)
    plan = funding_plan(sources, cba.total_capex)
    sub_scores = weigh(readings(inputs, params, flows, cba), params.weights)
    sdr = params.social_discount_rate
    risk = None
    if risk_draws:
        residual = pv(flows.residual_value, sdr)  # not varied by the draws
        risk = simulate(contributions(flows, sdr), residual, draws=risk_draws, seed=risk_seed)
    return AssessmentResult(
        method_version=METHOD_VERSION,
        inputs=inputs,
        parameters=params,
        funding_sources=sources,
        flows=flows,
        environment=env,
        cba=cba,
        funding_gap=gap,
        funding_plan=plan,
        sub_scores=sub_scores,
        scores=scores(sub_scores),
        flags=flags(cba, gap, plan, inputs.lifetime_years),
        sensitivity=sensitivity(flows, sdr, cba.enpv),
        risk=risk,
    )
