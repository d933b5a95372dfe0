"""Year-by-year flows (t = 0..n) and the discounting arithmetic on them."""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .inputs import ImpactInputs

FloatArray = NDArray[np.float64]

IRR_LOW = -0.99
IRR_HIGH = 10.0
IRR_TOLERANCE = 1e-10
# Cumulative sums pick up rounding; a balance within this share of the largest flow counts
# as zero, so a payback landing exactly on a year boundary is not lost.
PAYBACK_TOLERANCE = 1e-9


def _frozen(values: ArrayLike) -> FloatArray:
    array = np.array(values, dtype=np.float64)
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class Flows:
    """The appraisal's flows in EUR, each an array over t = 0..n (read-only)."""

    capex: FloatArray
    opex: FloatArray
    revenue: FloatArray
    savings: FloatArray
    other_benefits: FloatArray
    residual_value: FloatArray

    @property
    def n(self) -> int:
        return len(self.capex) - 1

    @property
    def financial_net(self) -> FloatArray:
        """f_t = r + s + v - o - c: the flows the council itself pays and receives."""
        return self.revenue + self.savings + self.residual_value - self.opex - self.capex

    @property
    def economic_net(self) -> FloatArray:
        """e_t = f_t + b: adds the monetised benefits to society."""
        return self.financial_net + self.other_benefits

    @property
    def costs(self) -> FloatArray:
        return self.capex + self.opex

    @property
    def economic_benefits(self) -> FloatArray:
        return self.revenue + self.savings + self.other_benefits + self.residual_value


def _yearly(
    constant: float, schedule: Sequence[float] | None, n: int, at_start: bool
) -> FloatArray:
    """A schedule as given, or the constant at t = 0 (capex) or in every year t = 1..n."""
    if schedule is not None:
        return _frozen(schedule)
    values = np.zeros(n + 1)
    if at_start:
        values[0] = constant
    else:
        values[1:] = constant
    return _frozen(values)


def expand(inputs: ImpactInputs) -> Flows:
    """Spread the inputs over t = 0..n."""
    n = inputs.lifetime_years
    residual = np.zeros(n + 1)
    residual[n] = inputs.residual_value
    return Flows(
        capex=_yearly(inputs.capex, inputs.capex_schedule, n, at_start=True),
        opex=_yearly(inputs.opex, inputs.opex_schedule, n, at_start=False),
        revenue=_yearly(inputs.revenue, inputs.revenue_schedule, n, at_start=False),
        savings=_yearly(inputs.savings, inputs.savings_schedule, n, at_start=False),
        other_benefits=_yearly(
            inputs.other_benefits, inputs.other_benefits_schedule, n, at_start=False
        ),
        residual_value=_frozen(residual),
    )


def discount_factors(n: int, rate: float) -> FloatArray:
    """(1 + rate)^-t for t = 0..n."""
    return np.power(1.0 + rate, -np.arange(n + 1, dtype=np.float64))


def pv(flows: ArrayLike, rate: float) -> float:
    """Present value at t = 0 of flows indexed t = 0..n."""
    values = np.asarray(flows, dtype=np.float64)
    return float(np.dot(values, discount_factors(len(values) - 1, rate)))


def annuity_factor(rate: float, n: int) -> float:
    """AF = sum over t = 1..n of (1 + rate)^-t: the PV of 1 EUR a year."""
    return float(discount_factors(n, rate)[1:].sum())


def irr(flows: ArrayLike) -> float | None:
    """The rate in [-0.99, 10] that makes the PV zero, by bisection; None if PV keeps its sign.

    Bisection rather than Newton: it cannot wander off or diverge, and 37 halvings of the
    bracket reach the 1e-10 tolerance.
    """
    values = np.asarray(flows, dtype=np.float64)
    if not values.any():
        return None
    low, high = IRR_LOW, IRR_HIGH
    pv_low, pv_high = pv(values, low), pv(values, high)
    if pv_low == 0:
        return low
    if pv_high == 0:
        return high
    if (pv_low > 0) == (pv_high > 0):
        return None
    while high - low > IRR_TOLERANCE:
        mid = (low + high) / 2
        pv_mid = pv(values, mid)
        if pv_mid == 0:
            return mid
        if (pv_mid > 0) == (pv_low > 0):
            low = mid
        else:
            high = mid
    return (low + high) / 2


def payback(flows: ArrayLike) -> float | None:
    """Years until the cumulative flow turns non-negative after having been negative.

    0 if it is never negative; None if it does not turn within t = n. The turn is
    interpolated linearly within the year in which it happens. The first turn counts.
    """
    values = np.asarray(flows, dtype=np.float64)
    cumulative = np.cumsum(values)
    tolerance = PAYBACK_TOLERANCE * float(np.abs(values).max(initial=0.0))
    negative = cumulative < -tolerance
    if not negative.any():
        return 0.0
    first_negative = int(np.argmax(negative))
    recovered = np.nonzero(~negative[first_negative:])[0]
    if recovered.size == 0:
        return None
    year = first_negative + int(recovered[0])
    shortfall = -cumulative[year - 1]
    return (year - 1) + min(1.0, max(0.0, shortfall / values[year]))
