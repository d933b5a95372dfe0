"""The values the engine works on: a canvas's impact inputs, the council's method parameters
and the canvas's funding sources.

These are plain frozen dataclasses. Build them through `validate_inputs`,
`validate_parameters` and `validate_funding` (in `validation.py`), which check every field
and name the bad ones; `assess` re-checks whatever it is given.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Literal

from .text import _

Schedule = tuple[float, ...]  # one amount per year t = 0..n
CarbonPriceMode = Literal["constant", "eib_path"]
CARBON_PRICE_MODES: tuple[str, ...] = ("constant", "eib_path")

# Section 4 of the method: sub-score weights within each dimension.
DIMENSION_CODES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "economic": ("EC1", "EC2", "EC3", "EC4"),
        "environmental": ("EN1", "EN2", "EN3"),
        "social": ("SO1", "SO2", "SO3", "SO4", "SO5"),
    }
)
DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "EC1": 0.40,
        "EC2": 0.25,
        "EC3": 0.15,
        "EC4": 0.20,
        "EN1": 0.50,
        "EN2": 0.30,
        "EN3": 0.20,
        "SO1": 0.30,
        "SO2": 0.20,
        "SO3": 0.20,
        "SO4": 0.15,
        "SO5": 0.15,
    }
)


# Optimism bias (method, section 7): per project type, the upper and lower bound, in %,
# of the uplift of the works duration, of capex and of opex (Green Book supplementary
# guidance, Mott MacDonald 2002). Councils may change them.
BIAS_MEASURES: tuple[str, ...] = ("works", "capex", "opex")
DEFAULT_OPTIMISM_BIAS: Mapping[str, Mapping[str, tuple[float, float]]] = MappingProxyType(
    {
        "standard_buildings": {"works": (4, 1), "capex": (24, 2), "opex": (0, 0)},
        "non_standard_buildings": {"works": (39, 2), "capex": (51, 4), "opex": (0, 0)},
        "standard_civil_engineering": {"works": (20, 1), "capex": (44, 3), "opex": (0, 0)},
        "non_standard_civil_engineering": {"works": (25, 3), "capex": (66, 6), "opex": (0, 0)},
        "equipment_development": {"works": (54, 10), "capex": (200, 10), "opex": (0, 0)},
        "outsourcing": {"works": (0, 0), "capex": (0, 0), "opex": (41, 0)},
    }
)


class InputError(ValueError):
    """Invalid inputs or parameters; `errors` maps each bad field to plain-language messages."""

    def __init__(self, errors: Mapping[str, list[str]]) -> None:
        self.errors: dict[str, list[str]] = {key: list(msgs) for key, msgs in errors.items()}
        summary = "; ".join(f"{key}: {' '.join(msgs)}" for key, msgs in self.errors.items())
        super().__init__(summary or _("Invalid input."))


@dataclass(frozen=True)
class ImpactInputs:
    """One canvas's impact inputs, in constant prices (EUR)."""

    lifetime_years: int  # n: the appraisal runs t = 0..n
    first_year: int  # calendar year of t = 1, for the carbon price path
    capex: float = 0.0  # at t = 0
    opex: float = 0.0  # per year, t = 1..n
    revenue: float = 0.0
    savings: float = 0.0
    other_benefits: float = 0.0
    residual_value: float = 0.0  # at t = n
    # A schedule (t = 0..n) replaces the matching constant above.
    capex_schedule: Schedule | None = None
    opex_schedule: Schedule | None = None
    revenue_schedule: Schedule | None = None
    savings_schedule: Schedule | None = None
    other_benefits_schedule: Schedule | None = None
    # Physical effects per year; None means "not given" and counts as 0.
    energy_saved_kwh: float | None = None
    other_ghg_t: float | None = None
    nox_kg: float | None = None
    pm25_kg: float | None = None
    # None drops the sub-score that needs it (EC4, SO1).
    jobs_fte: float | None = None
    users_served: float | None = None
    target_population: float | None = None
    # Ratings 1-5; None drops the sub-score.
    rating_local_environment: int | None = None
    rating_accessibility: int | None = None
    rating_inclusion: int | None = None
    rating_engagement: int | None = None
    rating_safety_health: int | None = None

    def as_dict(self) -> dict[str, object]:
        """Field name to value, schedules as lists: the shape `validate_inputs` accepts."""
        return {
            f.name: list(value) if isinstance(value, tuple) else value
            for f in fields(self)
            for value in [getattr(self, f.name)]
        }


@dataclass(frozen=True)
class MethodParameters:
    """A council's method parameters; the defaults are those of section 2 of the method."""

    financial_discount_rate: float = 0.04
    social_discount_rate: float = 0.03
    grid_emission_factor: float = 0.25  # kg CO2e per kWh
    carbon_price_mode: CarbonPriceMode = "constant"
    carbon_price: float = 250.0  # EUR per t CO2e, used in "constant" mode
    nox_damage_cost: float = 20.0  # EUR per kg
    pm25_damage_cost: float = 120.0  # EUR per kg
    ghg_inventory_t: float = 500_000.0  # t CO2e per year
    ghg_goalpost_share: float = 0.001  # of the inventory
    jobs_goalpost_per_meur: float = 10.0  # FTE per EUR 1 M of capex
    reach_goalpost: float = 0.5  # share of the target population
    weights: Mapping[str, float] = field(default_factory=lambda: DEFAULT_WEIGHTS)
    # Version 2: the options appraisal (section 7).
    optimism_bias: Mapping[str, Mapping[str, tuple[float, float]]] = field(
        default_factory=lambda: DEFAULT_OPTIMISM_BIAS
    )
    incremental_bcr_threshold: float = 1.0

    @property
    def ghg_goalpost_t(self) -> float:
        return self.ghg_inventory_t * self.ghg_goalpost_share

    def as_dict(self) -> dict[str, object]:
        """Field name to value, weights as a plain dict: the shape `validate_parameters` accepts."""
        values: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        values["weights"] = dict(self.weights)
        values["optimism_bias"] = {
            kind: {measure: list(bounds) for measure, bounds in table.items()}
            for kind, table in self.optimism_bias.items()
        }
        return values


@dataclass(frozen=True)
class FundingSource:
    """One line of a canvas's funding plan."""

    name: str
    kind: str  # free text: grant, loan, council budget, sponsorship...
    amount: float  # EUR
    secured: bool  # False means pledged or applied for

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


INPUT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ImpactInputs))
PARAMETER_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(MethodParameters))
