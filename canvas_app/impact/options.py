"""Section 7 of the method (version 2): the options appraisal with optimism bias.

A canvas appraises a short list: business as usual (BAU, the counterfactual, with no
flows and no effects), at most one do-minimum and any number of do-something
options, one of them preferred. Each option's capex and opex are raised by the
optimism-bias uplifts of its project type (less what its mitigation manages), then
appraised like a version 1 canvas. The options are ranked by ENPV, climbed as an
incremental ladder, and the preferred option's lead over the runner-up is given as
a switching value.
"""

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from .engine import assess
from .flows import expand, pv
from .inputs import (
    DEFAULT_OPTIMISM_BIAS,
    FundingSource,
    ImpactInputs,
    InputError,
    MethodParameters,
)
from .result import AssessmentResult
from .risk import DEFAULT_DRAWS
from .text import _, gettext_noop

BAU, DO_MINIMUM, DO_SOMETHING = "bau", "do_minimum", "do_something"
OPTION_KINDS = (BAU, DO_MINIMUM, DO_SOMETHING)
ENPV_TIE = 1e-6
PVC_TIE = 1e-9


@dataclass(frozen=True)
class Bounds:
    """An uplift's upper and lower bound, in %."""

    upper: float
    lower: float

    def uplift(self, mitigation: float) -> float:
        """max(L, U × (1 − m)), as a fraction."""
        return max(self.lower, self.upper * (1 - mitigation)) / 100


@dataclass(frozen=True)
class ProjectType:
    label: str
    works: Bounds  # works duration
    capex: Bounds
    opex: Bounds


PROJECT_TYPE_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "standard_buildings": gettext_noop("Standard buildings"),
        "non_standard_buildings": gettext_noop("Non-standard buildings"),
        "standard_civil_engineering": gettext_noop("Standard civil engineering"),
        "non_standard_civil_engineering": gettext_noop("Non-standard civil engineering"),
        "equipment_development": gettext_noop("Equipment and development"),
        "outsourcing": gettext_noop("Outsourcing"),
    }
)


def bias_table(
    table: Mapping[str, Mapping[str, Sequence[float]]] = DEFAULT_OPTIMISM_BIAS,
) -> dict[str, ProjectType]:
    """The optimism-bias table of the method parameters as project types with bounds."""
    return {
        kind: ProjectType(
            PROJECT_TYPE_LABELS.get(kind, kind),
            Bounds(*measures["works"]),
            Bounds(*measures["capex"]),
            Bounds(*measures["opex"]),
        )
        for kind, measures in table.items()
    }


# Green Book supplementary guidance on optimism bias (Mott MacDonald, 2002), in %.
DEFAULT_BIAS: Mapping[str, ProjectType] = MappingProxyType(bias_table())


@dataclass(frozen=True)
class Option:
    """One option of the short list. Its inputs are stated relative to BAU (savings are
    BAU costs avoided); BAU itself has none."""

    key: int | str
    name: str
    kind: str
    inputs: ImpactInputs | None = None
    preferred: bool = False
    project_type: str | None = None
    mitigation: float = 0.0
    works_duration_months: float | None = None


@dataclass(frozen=True)
class Uplifts:
    capex: float = 0.0
    opex: float = 0.0
    duration: float = 0.0


@dataclass(frozen=True)
class OptionResult:
    key: int | str
    name: str
    kind: str
    preferred: bool
    rank: int
    uplifts: Uplifts
    works_duration_adjusted: float | None
    pv_benefits: float
    pv_costs: float
    enpv: float
    enpv_unadjusted: float
    bcr: float | None
    fnpv: float | None
    economic: float | None
    environmental: float | None
    social: float | None
    overall: float | None
    assessment: AssessmentResult | None  # None for BAU


@dataclass(frozen=True)
class LadderStep:
    challenger: int | str
    defender: int | str
    incremental_bcr: float | None
    accepted: bool


@dataclass(frozen=True)
class Appraisal:
    options: tuple[OptionResult, ...]  # in the order given
    best: int | str  # ranked first by ENPV
    ladder: tuple[LadderStep, ...]
    ladder_best: int | str  # the last defender of the ladder
    switching_value_pct: float | None
    flags: tuple[str, ...]
    preferred: int | str

    def option(self, key: int | str) -> OptionResult:
        return next(option for option in self.options if option.key == key)

    def as_dict(self) -> dict:
        """Plain JSON data: every option's figures (not its full assessment), the ladder,
        the best options, the switching value and the flags."""
        return {
            "options": [
                {
                    "key": o.key,
                    "name": o.name,
                    "kind": o.kind,
                    "preferred": o.preferred,
                    "rank": o.rank,
                    "pv_benefits": o.pv_benefits,
                    "pv_costs": o.pv_costs,
                    "enpv": o.enpv,
                    "enpv_unadjusted": o.enpv_unadjusted,
                    "bcr": o.bcr,
                    "fnpv": o.fnpv,
                    "economic": o.economic,
                    "environmental": o.environmental,
                    "social": o.social,
                    "overall": o.overall,
                    "capex_uplift": o.uplifts.capex,
                    "opex_uplift": o.uplifts.opex,
                    "duration_uplift": o.uplifts.duration,
                    "works_duration_adjusted": o.works_duration_adjusted,
                }
                for o in self.options
            ],
            "ladder": [
                {
                    "challenger": step.challenger,
                    "defender": step.defender,
                    "incremental_bcr": step.incremental_bcr,
                    "accepted": step.accepted,
                }
                for step in self.ladder
            ],
            "best": self.best,
            "ladder_best": self.ladder_best,
            "switching_value_pct": self.switching_value_pct,
            "flags": list(self.flags),
            "preferred": self.preferred,
        }

    @property
    def preferred_result(self) -> OptionResult:
        return self.option(self.preferred)


def uplifts(option: Option, table: Mapping[str, ProjectType]) -> Uplifts:
    if option.kind == BAU or not option.project_type:
        return Uplifts()
    kind = table[option.project_type]
    m = option.mitigation
    return Uplifts(kind.capex.uplift(m), kind.opex.uplift(m), kind.works.uplift(m))


def _scaled(values: tuple[float, ...] | None, factor: float) -> tuple[float, ...] | None:
    return None if values is None else tuple(value * factor for value in values)


def with_optimism_bias(inputs: ImpactInputs, uplift: Uplifts) -> ImpactInputs:
    """Every capex value × (1 + capex uplift), every opex value × (1 + opex uplift)."""
    capex, opex = 1 + uplift.capex, 1 + uplift.opex
    return dataclasses.replace(
        inputs,
        capex=inputs.capex * capex,
        capex_schedule=_scaled(inputs.capex_schedule, capex),
        opex=inputs.opex * opex,
        opex_schedule=_scaled(inputs.opex_schedule, opex),
    )


def check_short_list(options: Sequence[Option], table: Mapping[str, ProjectType]) -> None:
    """The rules of the short list, each refusal naming its field."""
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    kinds = [option.kind for option in options]
    if kinds.count(BAU) != 1:
        refuse("options", _("The short list has exactly one business-as-usual option."))
    if kinds.count(DO_MINIMUM) > 1:
        refuse("options", _("The short list has at most one do-minimum option."))
    if sum(1 for option in options if option.preferred) != 1:
        refuse("preferred", _("Exactly one option is preferred."))
    reference = None
    for index, option in enumerate(options):
        where = f"options[{index}]"
        if option.kind not in OPTION_KINDS:
            refuse(f"{where}.kind", _("Choose do_minimum or do_something."))
            continue
        if option.project_type and option.project_type not in table:
            refuse(f"{where}.optimism_bias.project_type", _("Unknown project type."))
        if not 0 <= option.mitigation <= 1:
            refuse(f"{where}.optimism_bias.mitigation", _("Must be from 0 to 1."))
        if option.works_duration_months is not None and option.works_duration_months < 0:
            refuse(f"{where}.optimism_bias.works_duration_months", _("Must be 0 or more."))
        if option.kind == BAU:
            continue
        if option.inputs is None:
            refuse(f"{where}.inputs", _("An option other than business as usual needs inputs."))
            continue
        period = (option.inputs.lifetime_years, option.inputs.first_year)
        if reference is None:
            reference = period
        elif period[0] != reference[0]:
            refuse(
                f"{where}.inputs.lifetime_years",
                _("All options share one appraisal period; residual value carries a longer life."),
            )
        elif period[1] != reference[1]:
            refuse(f"{where}.inputs.first_year", _("All options share one first year."))
    if errors:
        raise InputError(errors)


def _bau_result(option: Option) -> OptionResult:
    return OptionResult(
        key=option.key,
        name=option.name,
        kind=option.kind,
        preferred=option.preferred,
        rank=0,
        uplifts=Uplifts(),
        works_duration_adjusted=None,
        pv_benefits=0.0,
        pv_costs=0.0,
        enpv=0.0,
        enpv_unadjusted=0.0,
        bcr=None,
        fnpv=None,
        economic=None,
        environmental=None,
        social=None,
        overall=None,
        assessment=None,
    )


def _unadjusted_enpv(inputs: ImpactInputs, sdr: float) -> float:
    flows = expand(inputs)
    return pv(flows.economic_benefits, sdr) - pv(flows.costs, sdr)


def _appraised(
    option: Option,
    params: MethodParameters,
    funding: Sequence[FundingSource],
    table: Mapping[str, ProjectType],
    risk_seed: int,
    risk_draws: int,
) -> OptionResult:
    if option.kind == BAU:
        return _bau_result(option)
    uplift = uplifts(option, table)
    result = assess(
        with_optimism_bias(option.inputs, uplift),
        params,
        funding if option.preferred else (),
        risk_seed=risk_seed,
        risk_draws=risk_draws if option.preferred else 0,
    )
    cba, scores = result.cba, result.scores
    duration = option.works_duration_months
    return OptionResult(
        key=option.key,
        name=option.name,
        kind=option.kind,
        preferred=option.preferred,
        rank=0,
        uplifts=uplift,
        works_duration_adjusted=None if duration is None else duration * (1 + uplift.duration),
        pv_benefits=cba.pv_benefits,
        pv_costs=cba.pv_costs,
        enpv=cba.enpv,
        enpv_unadjusted=_unadjusted_enpv(option.inputs, params.social_discount_rate),
        bcr=cba.benefit_cost_ratio,
        fnpv=cba.fnpv,
        economic=scores.economic,
        environmental=scores.environmental,
        social=scores.social,
        overall=scores.overall_arithmetic,
        assessment=result,
    )


def ranked(results: Sequence[OptionResult]) -> list[OptionResult]:
    """By ENPV, highest first; equal ENPV (to 1e-6): the lower PVC first."""
    ordered: list[OptionResult] = []
    for result in sorted(results, key=lambda r: (-r.enpv, r.pv_costs)):
        # Within the tie tolerance the cheaper option goes first, whatever rounding said.
        position = len(ordered)
        while (
            position
            and abs(ordered[position - 1].enpv - result.enpv) <= ENPV_TIE
            and ordered[position - 1].pv_costs > result.pv_costs
        ):
            position -= 1
        ordered.insert(position, result)
    return ordered


def ladder(results: Sequence[OptionResult], threshold: float) -> tuple[list[LadderStep], int | str]:
    """The incremental ladder over the options other than BAU, cheapest first."""
    bau = next(result for result in results if result.kind == BAU)
    climbers = sorted(
        (result for result in results if result.kind != BAU),
        key=lambda r: (r.pv_costs, -r.pv_benefits),
    )
    defender, steps = bau, []
    for challenger in climbers:
        gain = challenger.pv_benefits - defender.pv_benefits
        cost = challenger.pv_costs - defender.pv_costs
        if abs(cost) <= PVC_TIE:
            ratio, accepted = None, gain > 0
        else:
            ratio = gain / cost
            accepted = ratio >= threshold
        steps.append(LadderStep(challenger.key, defender.key, ratio, accepted))
        if accepted:
            defender = challenger
    return steps, defender.key


def appraisal_flags(results: Sequence[OptionResult], best: OptionResult) -> tuple[str, ...]:
    preferred = next(result for result in results if result.preferred)
    flags = []
    if preferred.key != best.key:
        flags.append("preferred_not_best")
    if preferred.enpv < 0:
        flags.append("preferred_negative_enpv")
    if not any(result.kind == DO_MINIMUM for result in results):
        flags.append("no_do_minimum")
    if sum(1 for result in results if result.kind != BAU) < 2:
        flags.append("no_alternative")
    return tuple(flags)


def appraise(
    options: Sequence[Option],
    params: MethodParameters,
    funding: Sequence[FundingSource] = (),
    *,
    risk_seed: int = 0,
    risk_draws: int = DEFAULT_DRAWS,
) -> Appraisal:
    """Appraise a short list with the parameters' optimism-bias table and ladder
    threshold. Only the preferred option gets the funding plan and the risk analysis:
    they belong to the canvas's headline, which is the preferred option's."""
    bias, threshold = bias_table(params.optimism_bias), params.incremental_bcr_threshold
    check_short_list(options, bias)
    results = [
        _appraised(option, params, funding, bias, risk_seed, risk_draws) for option in options
    ]
    order = ranked(results)
    ranks = {result.key: number for number, result in enumerate(order, start=1)}
    results = [dataclasses.replace(result, rank=ranks[result.key]) for result in results]
    best = next(result for result in results if result.rank == 1)
    steps, ladder_best = ladder(results, threshold)
    preferred = next(result for result in results if result.preferred)
    switching = None
    if preferred.key == best.key and preferred.pv_costs > 0 and len(order) > 1:
        runner_up = next(result for result in results if result.rank == 2)
        switching = (preferred.enpv - runner_up.enpv) / preferred.pv_costs * 100
    return Appraisal(
        options=tuple(results),
        best=best.key,
        ladder=tuple(steps),
        ladder_best=ladder_best,
        switching_value_pct=switching,
        flags=appraisal_flags(results, best),
        preferred=preferred.key,
    )
