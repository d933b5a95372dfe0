"""Labels, units, help texts and sources for every input, parameter and sub-score.

Forms, the API schema and the report read these, so the wording lives in one place and
matches the method document. The texts are English, marked with gettext_noop: whatever
shows one to a person translates it then, with gettext(doc.label) (or `text._`).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .inputs import DEFAULT_OPTIMISM_BIAS, DEFAULT_WEIGHTS
from .text import gettext_noop


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
    {
        1: gettext_noop("No effect"),
        2: gettext_noop("Minor"),
        3: gettext_noop("Moderate"),
        4: gettext_noop("Significant"),
        5: gettext_noop("Transformative"),
    }
)

_SCHEDULE_HELP = gettext_noop(
    "Optional: one amount for each year 0 to n (n + 1 values). When given, it replaces "
    "the single amount above."
)
_RATING_HELP = gettext_noop(
    "Optional. 1 = no effect, 2 = minor, 3 = moderate, 4 = significant, 5 = transformative."
)
_RATING = gettext_noop("rating 1-5")

INPUT_DOCS: Mapping[str, FieldDoc] = MappingProxyType(
    {
        "lifetime_years": FieldDoc(
            gettext_noop("Lifetime"),
            gettext_noop("years"),
            gettext_noop("How many years the service runs; 1 to 60."),
        ),
        "first_year": FieldDoc(
            gettext_noop("First year of operation"),
            gettext_noop("calendar year"),
            gettext_noop("The first year the service runs (t = 1)."),
        ),
        "capex": FieldDoc(
            gettext_noop("Investment (capex)"),
            gettext_noop("EUR"),
            gettext_noop("One-off investment, paid in year 0."),
        ),
        "opex": FieldDoc(
            gettext_noop("Operating cost per year"),
            gettext_noop("EUR/year"),
            gettext_noop("Running costs in each year."),
        ),
        "revenue": FieldDoc(
            gettext_noop("Revenue per year"),
            gettext_noop("EUR/year"),
            gettext_noop("Fees, sponsorship, data sales and other income."),
        ),
        "savings": FieldDoc(
            gettext_noop("Savings per year"),
            gettext_noop("EUR/year"),
            gettext_noop("Costs the council no longer pays (energy, upkeep)."),
        ),
        "other_benefits": FieldDoc(
            gettext_noop("Other benefits per year"),
            gettext_noop("EUR/year"),
            gettext_noop(
                "Other monetised benefits to society (health, time savings). 0 if unknown."
            ),
        ),
        "residual_value": FieldDoc(
            gettext_noop("Residual value"),
            gettext_noop("EUR"),
            gettext_noop("What the assets are still worth at the end of the lifetime."),
        ),
        "capex_schedule": FieldDoc(
            gettext_noop("Investment by year"), gettext_noop("EUR"), _SCHEDULE_HELP
        ),
        "opex_schedule": FieldDoc(
            gettext_noop("Operating cost by year"), gettext_noop("EUR"), _SCHEDULE_HELP
        ),
        "revenue_schedule": FieldDoc(
            gettext_noop("Revenue by year"), gettext_noop("EUR"), _SCHEDULE_HELP
        ),
        "savings_schedule": FieldDoc(
            gettext_noop("Savings by year"), gettext_noop("EUR"), _SCHEDULE_HELP
        ),
        "other_benefits_schedule": FieldDoc(
            gettext_noop("Other benefits by year"), gettext_noop("EUR"), _SCHEDULE_HELP
        ),
        "energy_saved_kwh": FieldDoc(
            gettext_noop("Energy saved"),
            gettext_noop("kWh/year"),
            gettext_noop("Electricity saved each year; converted to CO2e."),
        ),
        "other_ghg_t": FieldDoc(
            gettext_noop("Other greenhouse gas avoided"),
            gettext_noop("t CO2e/year"),
            gettext_noop(
                "Emissions avoided other than through electricity, e.g. from modal shift."
            ),
        ),
        "nox_kg": FieldDoc(
            gettext_noop("NOx avoided"),
            gettext_noop("kg/year"),
            gettext_noop("Nitrogen oxides no longer emitted."),
        ),
        "pm25_kg": FieldDoc(
            gettext_noop("PM2.5 avoided"),
            gettext_noop("kg/year"),
            gettext_noop("Fine particles no longer emitted."),
        ),
        "jobs_fte": FieldDoc(
            gettext_noop("Jobs created"),
            gettext_noop("FTE"),
            gettext_noop("Full-time equivalent jobs. Leave empty if unknown."),
        ),
        "users_served": FieldDoc(
            gettext_noop("Users served"),
            gettext_noop("people"),
            gettext_noop("People who use the service. Leave empty if unknown."),
        ),
        "target_population": FieldDoc(
            gettext_noop("Target population"),
            gettext_noop("people"),
            gettext_noop("People the service is meant for."),
        ),
        "rating_local_environment": FieldDoc(
            gettext_noop("Local environment"), _RATING, _RATING_HELP
        ),
        "rating_accessibility": FieldDoc(gettext_noop("Accessibility"), _RATING, _RATING_HELP),
        "rating_inclusion": FieldDoc(gettext_noop("Inclusion and equity"), _RATING, _RATING_HELP),
        "rating_engagement": FieldDoc(
            gettext_noop("Citizen engagement and co-creation"), _RATING, _RATING_HELP
        ),
        "rating_safety_health": FieldDoc(
            gettext_noop("Safety, health and quality of life"), _RATING, _RATING_HELP
        ),
    }
)

_CBA_GUIDE = gettext_noop("EU Guide to Cost-Benefit Analysis of Investment Projects, 2014")
_PER_YEAR_REAL = gettext_noop("fraction per year (real)")
_EXTERNAL_COSTS = gettext_noop(
    "Illustrative; set from the Handbook on the external costs of transport"
)
_DESIGN_CHOICE = gettext_noop("Design choice")

PARAMETER_DOCS: Mapping[str, ParameterDoc] = MappingProxyType(
    {
        "financial_discount_rate": ParameterDoc(
            gettext_noop("Financial discount rate"), _PER_YEAR_REAL, 0.04, _CBA_GUIDE
        ),
        "social_discount_rate": ParameterDoc(
            gettext_noop("Social discount rate"),
            _PER_YEAR_REAL,
            0.03,
            gettext_noop(
                "EU Guide to Cost-Benefit Analysis of Investment Projects, 2014; "
                "0.05 is the option for Cohesion countries (2021-27 Vademecum)"
            ),
        ),
        "grid_emission_factor": ParameterDoc(
            gettext_noop("Grid emission factor"),
            gettext_noop("kg CO2e/kWh"),
            0.25,
            gettext_noop(
                "Between the EEA EU-27 figures for 2018 (0.281) and 2023 (about 0.21); "
                "use your national factor"
            ),
        ),
        "carbon_price_mode": ParameterDoc(
            gettext_noop("Carbon price mode"),
            "constant | eib_path",  # the values themselves: not translated
            "constant",
            gettext_noop(
                "constant: one price for every year; eib_path: EIB Climate Bank Roadmap path "
                "through 80 (2020), 250 (2030) and 800 (2050) EUR/t"
            ),
        ),
        "carbon_price": ParameterDoc(
            gettext_noop("Carbon price (constant mode)"),
            gettext_noop("EUR/t CO2e"),
            250.0,
            gettext_noop("EIB shadow cost of carbon, 2030 value"),
        ),
        "nox_damage_cost": ParameterDoc(
            gettext_noop("NOx damage cost"), gettext_noop("EUR/kg"), 20.0, _EXTERNAL_COSTS
        ),
        "pm25_damage_cost": ParameterDoc(
            gettext_noop("PM2.5 damage cost"), gettext_noop("EUR/kg"), 120.0, _EXTERNAL_COSTS
        ),
        "ghg_inventory_t": ParameterDoc(
            gettext_noop("City GHG inventory"),
            gettext_noop("t CO2e/year"),
            500_000.0,
            gettext_noop("The council's own inventory"),
        ),
        "ghg_goalpost_share": ParameterDoc(
            gettext_noop("GHG goalpost share"),
            gettext_noop("fraction of the inventory"),
            0.001,
            gettext_noop(
                # xgettext:no-python-format
                "Design choice: a service avoiding 0.1 % of the inventory scores 100 on EN1"
            ),
        ),
        "jobs_goalpost_per_meur": ParameterDoc(
            gettext_noop("Jobs goalpost"),
            gettext_noop("FTE per EUR 1 M of capex"),
            10.0,
            _DESIGN_CHOICE,
        ),
        "reach_goalpost": ParameterDoc(
            gettext_noop("Reach goalpost"),
            gettext_noop("fraction of the target population"),
            0.5,
            _DESIGN_CHOICE,
        ),
        "weights": ParameterDoc(
            gettext_noop("Sub-score weights"),
            gettext_noop("weight (renormalised within each dimension)"),
            DEFAULT_WEIGHTS,
            gettext_noop(
                "Impact method, section 4 (OECD/JRC Handbook on Constructing Composite Indicators)"
            ),
        ),
        "optimism_bias": ParameterDoc(
            gettext_noop("Optimism bias"),
            gettext_noop(
                # xgettext:no-python-format
                "% uplift, upper and lower bound, by project type"
            ),
            {
                kind: {measure: list(bounds) for measure, bounds in table.items()}
                for kind, table in DEFAULT_OPTIMISM_BIAS.items()
            },
            gettext_noop("HM Treasury Green Book, supplementary guidance (Mott MacDonald, 2002)"),
        ),
        "incremental_bcr_threshold": ParameterDoc(
            gettext_noop("Incremental benefit-cost threshold"),
            gettext_noop("ratio an option must reach over the one before it"),
            1.0,
            gettext_noop("Impact method, section 7"),
        ),
    }
)

# Parameters that are tables, shown and edited on their own, not as one number.
TABLE_PARAMETERS = ("weights", "optimism_bias")

# Code, label, dimension (a key, not translated), CITYkeys theme.
_SUBSCORES = (
    ("EC1", gettext_noop("Benefit-cost ratio"), "economic", gettext_noop("Prosperity")),
    ("EC2", gettext_noop("Payback within lifetime"), "economic", gettext_noop("Prosperity")),
    ("EC3", gettext_noop("Operating-cost coverage"), "economic", gettext_noop("Prosperity")),
    ("EC4", gettext_noop("Jobs intensity"), "economic", gettext_noop("Prosperity (employment)")),
    ("EN1", gettext_noop("Greenhouse gas reduction"), "environmental", gettext_noop("Planet")),
    ("EN2", gettext_noop("Carbon cost-effectiveness"), "environmental", gettext_noop("Planet")),
    ("EN3", gettext_noop("Local environment"), "environmental", gettext_noop("Planet (pollution)")),
    ("SO1", gettext_noop("Reach"), "social", gettext_noop("People")),
    ("SO2", gettext_noop("Accessibility"), "social", gettext_noop("People")),
    ("SO3", gettext_noop("Inclusion and equity"), "social", gettext_noop("People")),
    (
        "SO4",
        gettext_noop("Citizen engagement and co-creation"),
        "social",
        gettext_noop("Governance (community involvement)"),
    ),
    (
        "SO5",
        gettext_noop("Safety, health and quality of life"),
        "social",
        gettext_noop("People (health, safety)"),
    ),
)

SUBSCORE_DOCS: Mapping[str, SubScoreDoc] = MappingProxyType(
    {
        code: SubScoreDoc(label, dimension, theme, DEFAULT_WEIGHTS[code])
        for code, label, dimension, theme in _SUBSCORES
    }
)
