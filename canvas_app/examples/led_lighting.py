from .model import Example
from .model import ExampleCard as C
from .model import ExampleMilestone as M
from .model import ExamplePartner as P

LED_LIGHTING = Example(
    key="led-street-lighting",
    title="LED street-lighting retrofit",
    sector="lighting",
    summary=(
        "Replace 5,000 sodium luminaires with dimmable LED luminaires on a central management "
        "system, cutting electricity use by 1.8 GWh a year and maintenance visits by half."
    ),
    cards={
        "public_value": (
            C(
                "Halve the electricity bill of public lighting while keeping streets as safe.",
                "evidence",
                "yellow",
                "savings",
            ),
            C(
                "Better colour rendering and fewer dark spots make walking at night feel safer.",
                "assumption",
                "yellow",
                "safety",
            ),
            C(
                "Dimming at quiet hours reduces light pollution for residents and wildlife.",
                "assumption",
                "green",
            ),
        ),
        "key_partners": (
            C(
                "Energy service company (ESCO) that installs and guarantees savings.",
                "evidence",
                "blue",
                "ESCO",
            ),
            C(
                "Distribution network operator for metering and connection works.",
                "evidence",
                "blue",
            ),
            C(
                "Regional energy agency: technical assistance and monitoring protocol.",
                "assumption",
                "blue",
            ),
            C(
                "University lighting lab validates light levels after retrofit.",
                "assumption",
                "blue",
            ),
        ),
        "key_activities": (
            C("Audit of 5,000 light points: poles, cabling, luminaires.", "validated", "orange"),
            C("Procurement of an energy performance contract.", "evidence", "orange"),
            C("Phased installation, district by district, over 18 months.", "assumption", "orange"),
            C(
                "Operate the central management system: dimming profiles and fault alerts.",
                "assumption",
                "orange",
            ),
        ),
        "key_resources": (
            C("Asset inventory of the lighting network (GIS).", "validated", "grey"),
            C(
                "Central management system with open API, reusable for other sensors.",
                "assumption",
                "grey",
                "platform",
            ),
            C(
                "Council budget line for energy, redirected to repay the investment.",
                "evidence",
                "grey",
                "finance",
            ),
        ),
        "governance": (
            C("Public works department owns the assets and the contract.", "validated", "pink"),
            C(
                "Energy performance contract with guaranteed savings and penalties.",
                "evidence",
                "pink",
                "contract",
            ),
            C(
                "Lighting data is open data; no personal data is collected.",
                "assumption",
                "pink",
                "privacy",
            ),
        ),
        "beneficiaries": (
            C("All 100,000 residents using public space at night.", "evidence", "yellow"),
            C(
                "Council finance department: lower and more predictable energy costs.",
                "evidence",
                "yellow",
            ),
            C(
                "Residents near dimmed streets may feel less safe: monitor complaints.",
                "assumption",
                "pink",
                "risk",
            ),
        ),
        "engagement": (
            C(
                "Night walks with residents' associations to choose colour temperature.",
                "assumption",
                "green",
                "co-design",
            ),
            C("Fault reporting through the city app and phone line.", "evidence", "green"),
        ),
        "deployment": (
            C("Pilot in one district (600 points), then four phases.", "evidence", "orange"),
            C(
                "Specification published so neighbouring towns can join the framework contract.",
                "assumption",
                "orange",
                "replication",
            ),
        ),
        "costs": (
            C(
                "Investment EUR 2.0 M (luminaires, installation, control system).",
                "evidence",
                "grey",
                "capex",
            ),
            C(
                "Operation EUR 20,000 a year (software licence, monitoring).",
                "evidence",
                "grey",
                "opex",
            ),
            C(
                "Risk: cable faults found during installation raise costs.",
                "assumption",
                "pink",
                "risk",
            ),
        ),
        "funding": (
            C("EUR 1.2 M from the council's investment budget.", "evidence", "blue"),
            C("EUR 0.8 M ERDF grant for energy efficiency.", "assumption", "blue", "EU"),
            C(
                "Savings of EUR 400,000 a year repay the investment in about five years.",
                "evidence",
                "blue",
            ),
        ),
        "economic_impact": (
            C("Net savings of about EUR 380,000 a year for the council budget.", "evidence"),
            C("Local installers employed during roll-out (about 4 FTE).", "assumption"),
        ),
        "environmental_impact": (
            C("1.8 GWh of electricity saved a year: about 450 t CO2e.", "evidence", "green"),
            C("Less light pollution from dimming and shielded optics.", "assumption", "green"),
        ),
        "social_impact": (
            C("Better-lit crossings and paths improve perceived safety.", "assumption"),
            C("Every resident benefits; no one is excluded by the service.", "evidence"),
        ),
    },
    impact_inputs={
        "lifetime_years": 20,
        "first_year": 2026,
        "capex": 2_000_000,
        "opex": 20_000,
        "revenue": 0,
        "savings": 400_000,
        "other_benefits": 0,
        "energy_saved_kwh": 1_800_000,
        "other_ghg_t": 0,
        "nox_kg": 0,
        "pm25_kg": 0,
        "jobs_fte": 4,
        "users_served": 100_000,
        "target_population": 100_000,
        "rating_local_environment": 2,
        "rating_accessibility": 2,
        "rating_inclusion": 2,
        "rating_engagement": 2,
        "rating_safety_health": 4,
    },
    partners=(
        P(
            "Demo City Council",
            "council",
            ("finance", "data"),
            "Owns the lighting network, budget and asset data.",
            "Lower energy bills and emissions.",
            {0: "A", 1: "R", 2: "A", 3: "A"},
        ),
        P(
            "Energy service company",
            "company",
            ("resources", "skills", "finance"),
            "Installs luminaires and guarantees the savings.",
            "A 10-year energy performance contract.",
            {0: "C", 2: "R", 3: "R"},
        ),
        P(
            "Distribution network operator",
            "utility",
            ("resources", "data"),
            "Metering and connection works.",
            "Accurate metering of unmetered supplies.",
            {2: "C"},
        ),
        P(
            "Regional energy agency",
            "public_body",
            ("skills",),
            "Technical assistance and the monitoring protocol.",
            "A reference project.",
            {0: "R", 1: "C", 3: "I"},
        ),
        P(
            "University lighting lab",
            "university",
            ("skills", "data"),
            "Validates light levels after the retrofit.",
            "Field data for research.",
            {3: "C"},
        ),
    ),
    milestones=(
        M("Audit of all light points completed", "2026-03-31", 3, "done"),
        M("Energy performance contract signed", "2026-06-30", 0, "in_progress"),
        M("Pilot district (600 points) switched", "2026-10-31", 1),
        M("All 5,000 points retrofitted", "2027-12-31", 1),
        M("First savings verification report", "2028-03-31", 4),
    ),
    funding=(
        {
            "name": "Council investment budget",
            "kind": "own_budget",
            "amount": 1_200_000,
            "secured": True,
        },
        {
            "name": "ERDF energy-efficiency call",
            "kind": "eu_grant",
            "amount": 800_000,
            "secured": False,
        },
    ),
)
