"""Which inputs the ENPV hinges on: switching values and a tornado (EU CBA Guide, ch. 2.9)."""

from dataclasses import dataclass

from .flows import Flows, pv
from .text import gettext_noop

TORNADO_STEP = 0.20  # each variable at -20 % and +20 %
CRITICAL_LIMIT_PCT = 100.0  # critical when a 1 % change moves ENPV by more than 1 %

# Variables tested, with the sign of their contribution to ENPV. The labels are stored
# in English with the result; whatever shows one translates it then (`text._`).
VARIABLES: tuple[tuple[str, str, float], ...] = (
    ("capex", gettext_noop("Investment (capex)"), -1.0),
    ("opex", gettext_noop("Operating cost"), -1.0),
    ("revenue", gettext_noop("Revenue"), 1.0),
    ("savings", gettext_noop("Savings"), 1.0),
    ("other_benefits", gettext_noop("Other benefits"), 1.0),
)


@dataclass(frozen=True)
class SwitchingValue:
    variable: str
    label: str
    pv_contribution: float  # signed: costs count negative
    switching_value_pct: float | None  # % change that brings ENPV to 0; None for a zero variable
    critical: bool


@dataclass(frozen=True)
class TornadoBar:
    variable: str
    label: str
    enpv_minus_20: float  # ENPV with the variable 20 % lower
    enpv_plus_20: float
    swing: float  # |plus - minus|, for ordering the bars


@dataclass(frozen=True)
class Sensitivity:
    switching_values: tuple[SwitchingValue, ...]
    tornado: tuple[TornadoBar, ...]  # in the order of VARIABLES; the report sorts by swing


def contributions(flows: Flows, rate: float) -> dict[str, float]:
    """Each variable's signed PV contribution to ENPV."""
    return {name: sign * pv(getattr(flows, name), rate) for name, _label, sign in VARIABLES}


def sensitivity(flows: Flows, rate: float, enpv: float) -> Sensitivity:
    """ENPV is linear in each variable, so both figures follow from its PV contribution."""
    parts = contributions(flows, rate)
    switching, tornado = [], []
    for name, label, _sign in VARIABLES:
        part = parts[name]
        pct = -enpv / part * 100 if part != 0 else None
        critical = pct is not None and abs(pct) <= CRITICAL_LIMIT_PCT
        switching.append(SwitchingValue(name, label, part, pct, critical))
        low, high = enpv - TORNADO_STEP * part, enpv + TORNADO_STEP * part
        tornado.append(TornadoBar(name, label, low, high, abs(high - low)))
    return Sensitivity(tuple(switching), tuple(tornado))
