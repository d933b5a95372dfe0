from .model import Example
from .model import ExampleCard as C
from .model import ExampleMilestone as M
from .model import ExamplePartner as P

WASTE_SENSORS = Example(
    key="waste-sensors",
    title="Sensor-based waste collection",
    sector="waste",
    summary=(
        "Fill-level sensors in 2,500 street containers and dynamic route planning, so trucks "
        "empty only the containers that need it."
    ),
    cards={
        "public_value": (
            C("No more overflowing containers in busy streets.", "evidence"),
            C("Fewer truck kilometres: less noise, fuel and emissions.", "assumption"),
        ),
        "key_partners": (
            C("Municipal waste company operates collection.", "validated", "blue"),
            C("Sensor supplier with a five-year service contract.", "assumption", "blue"),
            C("Telecom operator provides the low-power network (LoRaWAN).", "evidence", "blue"),
        ),
        "key_activities": (
            C("Install and calibrate 2,500 sensors.", "evidence", "orange"),
            C("Daily route optimisation from fill levels.", "assumption", "orange"),
            C("Integrate data with the city data platform.", "assumption", "orange", "data"),
        ),
        "key_resources": (
            C(
                "City IoT network and data platform, shared with other services.",
                "evidence",
                "grey",
                "shared",
            ),
            C("Route-planning software and trained dispatchers.", "assumption", "grey"),
        ),
        "governance": (
            C(
                "Waste company accountable for service levels; council sets targets.",
                "evidence",
                "pink",
            ),
            C(
                "Sensor data owned by the council and published as open data.",
                "assumption",
                "pink",
                "data",
            ),
        ),
        "beneficiaries": (
            C("Residents and visitors of the 12 central districts.", "evidence"),
            C("Collection crews: more predictable work, fewer wasted trips.", "assumption"),
        ),
        "engagement": (
            C("Residents report full or damaged containers in the city app.", "evidence", "green"),
            C(
                "Crews co-designed the new routes in workshops.",
                "assumption",
                "green",
                "co-production",
            ),
        ),
        "deployment": (
            C("Pilot on 300 glass containers, then all street containers.", "evidence", "orange"),
            C(
                "Open specification reusable by the regional waste consortium.",
                "assumption",
                "orange",
                "replication",
            ),
        ),
        "costs": (
            C("Investment EUR 600,000 (sensors, integration).", "evidence", "grey", "capex"),
            C(
                "Operation EUR 90,000 a year (connectivity, licences, batteries).",
                "evidence",
                "grey",
                "opex",
            ),
        ),
        "funding": (
            C("Council waste budget; savings repay the investment.", "evidence", "blue"),
            C("Regional innovation grant for the pilot.", "assumption", "blue"),
        ),
        "economic_impact": (
            C("30 % fewer collection rounds: EUR 260,000 saved a year.", "assumption"),
        ),
        "environmental_impact": (
            C("120,000 fewer truck kilometres a year: about 110 t CO2e.", "assumption", "green"),
            C("Less noise in residential streets at night.", "assumption", "green"),
        ),
        "social_impact": (
            C("Cleaner streets around containers.", "assumption"),
            C(
                "Safer working conditions for crews (less heavy lifting, less traffic).",
                "assumption",
            ),
        ),
    },
    impact_inputs={
        "lifetime_years": 8,
        "first_year": 2026,
        "capex": 600_000,
        "opex": 90_000,
        "revenue": 0,
        "savings": 260_000,
        "other_benefits": 40_000,
        "energy_saved_kwh": 0,
        "other_ghg_t": 110,
        "nox_kg": 450,
        "pm25_kg": 12,
        "jobs_fte": 2,
        "users_served": 180_000,
        "target_population": 250_000,
        "rating_local_environment": 4,
        "rating_accessibility": 2,
        "rating_inclusion": 2,
        "rating_engagement": 3,
        "rating_safety_health": 3,
    },
    partners=(
        P(
            "Demo City Council",
            "council",
            ("finance", "data"),
            "Sets service targets and owns the data.",
            "Cleaner streets at lower cost.",
            {0: "A", 1: "A", 2: "R"},
        ),
        P(
            "Municipal waste company",
            "company",
            ("resources", "skills"),
            "Operates collection and dispatch.",
            "Fewer wasted rounds.",
            {0: "R", 1: "R"},
        ),
        P(
            "Telecom operator",
            "utility",
            ("resources",),
            "The low-power network (LoRaWAN).",
            "Connectivity revenue.",
            {0: "C"},
        ),
    ),
    milestones=(
        M("Pilot on 300 glass containers", "2026-05-31", 1, "in_progress"),
        M("All 2,500 containers equipped", "2026-12-31", 1),
    ),
    funding=(
        {"name": "Council waste budget", "kind": "own_budget", "amount": 450_000, "secured": True},
        {"name": "Regional innovation grant", "kind": "other", "amount": 150_000, "secured": True},
    ),
)
