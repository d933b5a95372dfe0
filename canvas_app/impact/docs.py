"""Labels, units, help texts and sources for every input, parameter and sub-score.

Forms, the API schema and the report read these, so the wording lives in one place and
matches the method document.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .inputs import DEFAULT_WEIGHTS


@dataclass(frozen=True)
class FieldDoc:
    label: str
    unit: str
    help: str


@dataclass(frozen=True)
class ParameterDoc:
    label: str
    unit: str
    default: object
    source: str


@dataclass(frozen=True)
class SubScoreDoc:
    label: str
    dimension: str  # economic | environmental | social
    theme: str  # CITYkeys theme
    default_weight: float


RATING_ANCHORS: Mapping[int, str] = MappingProxyType(
    {1: "No effect", 2: "Minor", 3: "Moderate", 4: "Significant", 5: "Transformative"}
)

_SCHEDULE_HELP = (
    "Optional: one amount for each year 0 to n (n + 1 values). When given, it replaces "
    "the single amount above."
)
_RATING_HELP = (
    "Optional. 1 = no effect, 2 = minor, 3 = moderate, 4 = significant, 5 = transformative."
)

INPUT_DOCS: Mapping[str, FieldDoc] = MappingProxyType(
    {
        "lifetime_years": FieldDoc(
            "Lifetime", "years", "How many years the service runs; 1 to 60."
        ),
        "first_year": FieldDoc(
            "First year of operation", "calendar year", "The first year the service runs (t = 1)."
        ),
        "capex": FieldDoc("Investment (capex)", "EUR", "One-off investment, paid in year 0."),
        "opex": FieldDoc("Operating cost per year", "EUR/year", "Running costs in each year."),
        "revenue": FieldDoc(
            "Revenue per year", "EUR/year", "Fees, sponsorship, data sales and other income."
        ),
        "savings": FieldDoc(
            "Savings per year", "EUR/year", "Costs the council no longer pays (energy, upkeep)."
        ),
        "other_benefits": FieldDoc(
            "Other benefits per year",
            "EUR/year",
            "Other monetised benefits to society (health, time savings). 0 if unknown.",
        ),
        "residual_value": FieldDoc(
            "Residual value", "EUR", "What the assets are still worth at the end of the lifetime."
        ),
        "capex_schedule": FieldDoc("Investment by year", "EUR", _SCHEDULE_HELP),
        "opex_schedule": FieldDoc("Operating cost by year", "EUR", _SCHEDULE_HELP),
        "revenue_schedule": FieldDoc("Revenue by year", "EUR", _SCHEDULE_HELP),
        "savings_schedule": FieldDoc("Savings by year", "EUR", _SCHEDULE_HELP),
        "other_benefits_schedule": FieldDoc("Other benefits by year", "EUR", _SCHEDULE_HELP),
        "energy_saved_kwh": FieldDoc(
            "Energy saved", "kWh/year", "Electricity saved each year; converted to CO2e."
        ),
        "other_ghg_t": FieldDoc(
            "Other greenhouse gas avoided",
            "t CO2e/year",
            "Emissions avoided other than through electricity, e.g. from modal shift.",
        ),
        "nox_kg": FieldDoc("NOx avoided", "kg/year", "Nitrogen oxides no longer emitted."),
        "pm25_kg": FieldDoc("PM2.5 avoided", "kg/year", "Fine particles no longer emitted."),
        "jobs_fte": FieldDoc(
            "Jobs created", "FTE", "Full-time equivalent jobs. Leave empty if unknown."
        ),
        "users_served": FieldDoc(
            "Users served", "people", "People who use the service. Leave empty if unknown."
        ),
        "target_population": FieldDoc(
            "Target population", "people", "People the service is meant for."
        ),
        "rating_local_environment": FieldDoc("Local environment", "rating 1-5", _RATING_HELP),
        "rating_accessibility": FieldDoc("Accessibility", "rating 1-5", _RATING_HELP),
        "rating_inclusion": FieldDoc("Inclusion and equity", "rating 1-5", _RATING_HELP),
        "rating_engagement": FieldDoc(
            "Citizen engagement and co-creation", "rating 1-5", _RATING_HELP
        ),
        "rating_safety_health": FieldDoc(
            "Safety, health and quality of life", "rating 1-5", _RATING_HELP
        ),
    }
)

_CBA_GUIDE = "EU Guide to Cost-Benefit Analysis of Investment Projects, 2014"

PARAMETER_DOCS: Mapping[str, ParameterDoc] = MappingProxyType(
    {
        "financial_discount_rate": ParameterDoc(
            "Financial discount rate", "fraction per year (real)", 0.04, _CBA_GUIDE
        ),
        "social_discount_rate": ParameterDoc(
            "Social discount rate",
            "fraction per year (real)",
            0.03,
            f"{_CBA_GUIDE}; 0.05 is the option for Cohesion countries (2021-27 Vademecum)",
        ),
        "grid_emission_factor": ParameterDoc(
            "Grid emission factor",
            "kg CO2e/kWh",
            0.25,
            "Between the EEA EU-27 figures for 2018 (0.281) and 2023 (about 0.21); "
            "use your national factor",
        ),
        "carbon_price_mode": ParameterDoc(
            "Carbon price mode",
            "constant | eib_path",
            "constant",
            "constant: one price for every year; eib_path: EIB Climate Bank Roadmap path "
            "through 80 (2020), 250 (2030) and 800 (2050) EUR/t",
        ),
        "carbon_price": ParameterDoc(
            "Carbon price (constant mode)",
            "EUR/t CO2e",
            250.0,
            "EIB shadow cost of carbon, 2030 value",
        ),
        "nox_damage_cost": ParameterDoc(
            "NOx damage cost",
            "EUR/kg",
            20.0,
            "Illustrative; set from the Handbook on the external costs of transport",
        ),
        "pm25_damage_cost": ParameterDoc(
            "PM2.5 damage cost",
            "EUR/kg",
            120.0,
            "Illustrative; set from the Handbook on the external costs of transport",
        ),
        "ghg_inventory_t": ParameterDoc(
            "City GHG inventory", "t CO2e/year", 500_000.0, "The council's own inventory"
        ),
        "ghg_goalpost_share": ParameterDoc(
            "GHG goalpost share",
            "fraction of the inventory",
            0.001,
            "Design choice: a service avoiding 0.1 % of the inventory scores 100 on EN1",
        ),
        "jobs_goalpost_per_meur": ParameterDoc(
            "Jobs goalpost", "FTE per EUR 1 M of capex", 10.0, "Design choice"
        ),
        "reach_goalpost": ParameterDoc(
            "Reach goalpost", "fraction of the target population", 0.5, "Design choice"
        ),
        "weights": ParameterDoc(
            "Sub-score weights",
            "weight (renormalised within each dimension)",
            DEFAULT_WEIGHTS,
            "Impact method, section 4 (OECD/JRC Handbook on Constructing Composite Indicators)",
        ),
    }
)

_SUBSCORES = (
    ("EC1", "Benefit-cost ratio", "economic", "Prosperity"),
    ("EC2", "Payback within lifetime", "economic", "Prosperity"),
    ("EC3", "Operating-cost coverage", "economic", "Prosperity"),
    ("EC4", "Jobs intensity", "economic", "Prosperity (employment)"),
    ("EN1", "Greenhouse gas reduction", "environmental", "Planet"),
    ("EN2", "Carbon cost-effectiveness", "environmental", "Planet"),
    ("EN3", "Local environment", "environmental", "Planet (pollution)"),
    ("SO1", "Reach", "social", "People"),
    ("SO2", "Accessibility", "social", "People"),
    ("SO3", "Inclusion and equity", "social", "People"),
    ("SO4", "Citizen engagement and co-creation", "social", "Governance (community involvement)"),
    ("SO5", "Safety, health and quality of life", "social", "People (health, safety)"),
)

SUBSCORE_DOCS: Mapping[str, SubScoreDoc] = MappingProxyType(
    {
        code: SubScoreDoc(label, dimension, theme, DEFAULT_WEIGHTS[code])
        for code, label, dimension, theme in _SUBSCORES
    }
)
