"""The outcome of one assessment, and its JSON-ready form for storage and reports."""

import dataclasses
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import cast

import numpy as np

from .aggregate import Scores, SubScore
from .carbon import Environment
from .finance import CostBenefit
from .flags import FLAG_MESSAGES, Flag, flag_message
from .flows import Flows
from .funding import FundingGap, FundingPlan
from .inputs import FundingSource, ImpactInputs, MethodParameters
from .risk import RiskResult
from .sensitivity import Sensitivity
from .text import _

METHOD_VERSION = 2  # 2: options appraisal, optimism bias, benefits, outturn


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def jsonable(value: object) -> object:
    """Plain JSON types only: numpy scalars to Python, non-finite floats to None.

    The common exact types are tested first: a result holds hundreds of plain floats.
    """
    cls = type(value)
    if cls is float:
        return value if math.isfinite(value) else None
    if value is None or cls is int or cls is str or cls is bool:
        return value
    if cls is list or cls is tuple:
        return [jsonable(item) for item in value]
    if cls is dict:
        return {str(key): jsonable(item) for key, item in value.items()}
    if cls is np.ndarray:
        return [jsonable(item) for item in value.tolist()]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: jsonable(getattr(value, name)) for name in _field_names(cls)}
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [jsonable(item) for item in value]
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        number = float(value)
        return number if math.isfinite(number) else None
    return value


@dataclass(frozen=True, eq=False)
class AssessmentResult:
    """Everything the engine derived from one canvas's inputs under one set of parameters."""

    method_version: int
    inputs: ImpactInputs
    parameters: MethodParameters
    funding_sources: tuple[FundingSource, ...]
    flows: Flows
    environment: Environment
    cba: CostBenefit
    funding_gap: FundingGap
    funding_plan: FundingPlan
    sub_scores: tuple[SubScore, ...]
    scores: Scores
    flags: tuple[Flag, ...]
    sensitivity: Sensitivity
    risk: RiskResult | None  # None when the risk analysis was skipped

    def sub_score(self, code: str) -> SubScore:
        return next(s for s in self.sub_scores if s.code == code)

    def flow_table(self) -> list[dict[str, float | int | None]]:
        """One row per year t = 0..n, for the costs-by-year table of the report."""
        f, env = self.flows, self.environment
        financial, economic = f.financial_net, f.economic_net
        return [
            {
                "t": t,
                "year": int(env.calendar_year[t]),
                "capex": float(f.capex[t]),
                "opex": float(f.opex[t]),
                "revenue": float(f.revenue[t]),
                "savings": float(f.savings[t]),
                "other_benefits": float(f.other_benefits[t]),
                "residual_value": float(f.residual_value[t]),
                "financial_net_flow": float(financial[t]),
                "economic_net_flow": float(economic[t]),
                "carbon_price": float(env.carbon_price[t]) if t > 0 else None,
                "environmental_value": float(env.value[t]),
            }
            for t in range(f.n + 1)
        ]

    def as_dict(self) -> dict[str, object]:
        """A JSON-serialisable record of the inputs, parameters and every derived figure."""
        record = {
            "method_version": self.method_version,
            "inputs": self.inputs.as_dict(),
            "parameters": self.parameters.as_dict(),
            "funding_sources": [source.as_dict() for source in self.funding_sources],
            "flows": self.flow_table(),
            "cba": self.cba,
            "funding_gap": self.funding_gap,
            "funding_plan": self.funding_plan,
            "sub_scores": self.sub_scores,
            "scores": self.scores,
            "flags": self.flags,
            "sensitivity": self.sensitivity,
            "risk": self.risk,
        }
        return cast(dict[str, object], jsonable(record))


def translated_record(record: Mapping[str, object], translate: Callable[[str], str] = _) -> dict:
    """A stored record (`as_dict()`) with its texts for people in the current language.

    The record keeps them in English: sub-score labels, themes, notes and formulas in
    words, sensitivity labels and flag messages. Figures and keys are left as they are.
    """

    def text(value: object) -> object:
        # gettext("") would answer the catalogue's header
        return translate(value) if isinstance(value, str) and value else value

    def texts(entry: object, keys: tuple[str, ...]) -> object:
        if not isinstance(entry, Mapping):
            return entry
        return {**entry, **{key: text(entry[key]) for key in keys if key in entry}}

    def flag(entry: object) -> object:
        if not isinstance(entry, Mapping) or entry.get("code") not in FLAG_MESSAGES:
            return entry
        message = flag_message(entry["code"], entry.get("figures") or {}, translate=translate)
        return {**entry, "message": message}

    result = dict(record)
    sub_score_texts = ("label", "theme", "note", "formula")
    if isinstance(result.get("sub_scores"), list):
        result["sub_scores"] = [texts(e, sub_score_texts) for e in result["sub_scores"]]
    if isinstance(result.get("flags"), list):
        result["flags"] = [flag(entry) for entry in result["flags"]]
    sensitivity = result.get("sensitivity")
    if isinstance(sensitivity, Mapping):
        result["sensitivity"] = {
            key: [texts(e, ("label",)) for e in value] if isinstance(value, list) else value
            for key, value in sensitivity.items()
        }
    return result
