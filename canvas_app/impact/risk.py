"""Monte Carlo risk analysis of the ENPV (section 5 of the method).

Reproducible by construction: the caller passes the seed (see `seed_for`), and the draws
use their own generator, never numpy's global state.
"""

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

DEFAULT_DRAWS = 10_000

# Triangular multipliers (min, mode, max) on each variable's PV contribution. The skew says
# that budgets overrun more often than they underrun, and income falls short more often
# than it exceeds the plan.
MULTIPLIERS: Mapping[str, tuple[float, float, float]] = MappingProxyType(
    {
        "capex": (0.9, 1.0, 1.3),
        "opex": (0.8, 1.0, 1.2),
        "revenue": (0.7, 1.0, 1.1),
        "savings": (0.7, 1.0, 1.1),
        "other_benefits": (0.6, 1.0, 1.2),
    }
)


@dataclass(frozen=True)
class RiskResult:
    draws: int
    seed: int
    probability_positive: float  # share of draws with ENPV > 0, as a fraction
    mean: float
    p10: float
    p50: float
    p90: float
    multipliers: Mapping[str, tuple[float, float, float]] = field(
        default_factory=lambda: MULTIPLIERS
    )


def seed_for(text: str) -> int:
    """A stable seed from text such as "canvas-id:revision" (not Python's salted hash()).

    53 bits, so the seed survives a round trip through JSON and JavaScript numbers.
    """
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> 11


def simulate(
    contributions: Mapping[str, float], fixed: float, *, draws: int, seed: int
) -> RiskResult:
    """ENPV per draw = fixed + sum over variables of multiplier x signed PV contribution.

    `fixed` is the part of the ENPV that is not varied (the residual value).
    """
    if draws < 1:
        raise ValueError("draws must be at least 1")
    rng = np.random.default_rng(seed)
    enpv = np.full(draws, fixed, dtype=np.float64)
    for name, (low, mode, high) in MULTIPLIERS.items():  # fixed order keeps draws stable
        enpv += rng.triangular(low, mode, high, size=draws) * contributions[name]
    p10, p50, p90 = np.percentile(enpv, [10, 50, 90])
    return RiskResult(
        draws=draws,
        seed=seed,
        probability_positive=float(np.mean(enpv > 0)),
        mean=float(enpv.mean()),
        p10=float(p10),
        p50=float(p50),
        p90=float(p90),
    )
