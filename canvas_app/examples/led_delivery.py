"""The LED street-lighting example as the demo shows it delivered: the short list it was
chosen from (method, worked example 9.1), its benefits with measurements (9.3) and
the actual figures of its first years (9.2). Plain data, like the examples; only the
demo uses it, so a canvas created from the example starts without these facts."""

from dataclasses import dataclass, field
from datetime import date

from .led_lighting import LED_LIGHTING


@dataclass(frozen=True)
class ExampleOption:
    name: str
    kind: str  # do_minimum | do_something
    project_type: str
    mitigation: float
    # Changes to the example's own impact inputs; none for the preferred option.
    inputs_changed: dict[str, object] = field(default_factory=dict)
    preferred: bool = False
    works_duration_months: float | None = None

    @property
    def inputs(self) -> dict[str, object]:
        return {**LED_LIGHTING.impact_inputs, **self.inputs_changed}


@dataclass(frozen=True)
class ExampleBenefit:
    name: str
    unit: str
    baseline: float
    baseline_date: date
    target: float
    target_date: date
    owner: str
    method: str
    theme: str
    measurements: tuple[tuple[date, float, str], ...] = ()  # (date, value, note)

    def fields(self) -> dict[str, object]:
        return {
            name: getattr(self, name)
            for name in (
                "name",
                "unit",
                "baseline",
                "baseline_date",
                "target",
                "target_date",
                "owner",
                "method",
                "theme",
            )
        }


SHORT_LIST = (
    ExampleOption(
        "LED retrofit",
        "do_something",
        "standard_civil_engineering",
        0.5,
        preferred=True,
        works_duration_months=12,
    ),
    ExampleOption(
        "Part-night dimming",
        "do_minimum",
        "equipment_development",
        0.9,
        {
            "capex": 150_000,
            "opex": 5_000,
            "savings": 120_000,
            "energy_saved_kwh": 500_000,
            "jobs_fte": 0,
            "rating_local_environment": 1,
            "rating_accessibility": 1,
            "rating_inclusion": 1,
            "rating_engagement": 1,
            "rating_safety_health": 2,
        },
    ),
    ExampleOption(
        "LED retrofit with central management",
        "do_something",
        "equipment_development",
        0.6,
        {
            "capex": 2_600_000,
            "opex": 60_000,
            "savings": 500_000,
            "energy_saved_kwh": 2_200_000,
            "jobs_fte": 5,
        },
    ),
)

BENEFITS = (
    ExampleBenefit(
        "Street-lighting electricity",
        "MWh/yr",
        3000,
        date(2026, 1, 1),
        1200,
        date(2028, 1, 1),
        "Energy manager",
        "Metered consumption of the lighting circuits, as a yearly rate.",
        "planet",
        (
            (date(2026, 7, 1), 2700, "Pilot district converted."),
            (date(2027, 1, 1), 2100, "Half of the districts converted."),
        ),
    ),
    ExampleBenefit(
        "Residents satisfied with lighting",
        "%",
        62,
        date(2026, 1, 1),
        75,
        date(2027, 7, 1),
        "Citizen services",
        "Question in the yearly residents' survey.",
        "people",
        ((date(2027, 1, 1), 64, "Yearly survey, 1,200 answers."),),
    ),
    ExampleBenefit(
        "Night-time road casualties",
        "per yr",
        40,
        date(2026, 1, 1),
        30,
        date(2028, 1, 1),
        "Road safety",
        "Police collision records between dusk and dawn, over the last twelve months.",
        "people",
        ((date(2027, 1, 1), 36, "Police records for 2026."),),
    ),
)

ACTUALS = (
    {"year": 0, "capex": 2_300_000},
    {"year": 1, "savings": 330_000, "opex": 18_000},
    {"year": 2, "savings": 380_000, "opex": 22_000},
)

LESSONS_LEARNED = (
    "The pole survey found 300 columns to replace that the audit had missed: the extra "
    "capex came from the columns, not the luminaires. Survey the columns before "
    "tendering. Savings ramped up more slowly than forecast because the districts were "
    "switched over 18 months; the next phase should plan savings by district."
)
