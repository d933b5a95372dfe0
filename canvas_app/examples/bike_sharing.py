from .model import Example
from .model import ExampleCard as C
from .model import ExampleMilestone as M
from .model import ExamplePartner as P

BIKE_SHARING = Example(
    key="bike-sharing",
    title="Public bike-sharing scheme",
    sector="mobility",
    summary=(
        "A station-based scheme of 1,000 bikes (a third electric) at 100 stations, run by an "
        "operator under a concession, integrated with the public transport card."
    ),
    cards={
        "public_value": (
            C("Short trips by bike instead of car: less congestion, cleaner air.", "evidence"),
            C("An affordable, healthy first-and-last-mile link to public transport.", "assumption"),
        ),
        "key_partners": (
            C("Bike-share operator under a 10-year concession.", "evidence", "blue", "operator"),
            C(
                "Public transport authority: one card, one app, joint tariffs.",
                "assumption",
                "blue",
            ),
            C(
                "Local employers sponsor stations near business parks.",
                "assumption",
                "blue",
                "sponsorship",
            ),
            C("Cycling association: route planning and safety training.", "evidence", "blue"),
        ),
        "key_activities": (
            C("Station siting with residents and the transport authority.", "assumption", "orange"),
            C("Daily rebalancing and maintenance of bikes.", "evidence", "orange"),
            C("Publish trip data as open data (GBFS).", "assumption", "orange", "data"),
        ),
        "key_resources": (
            C("1,000 bikes, 100 docking stations, 330 e-bike batteries.", "evidence", "grey"),
            C("Cycle lanes network (180 km) already built.", "validated", "grey"),
            C("Public transport card system reused for access.", "assumption", "grey", "shared"),
        ),
        "governance": (
            C(
                "Mobility department steers; operator runs under service-level agreement.",
                "evidence",
                "pink",
            ),
            C(
                "Concession with availability penalties and fee caps set by the council.",
                "assumption",
                "pink",
                "contract",
            ),
            C(
                "Trip data anonymised before publication; DPIA completed.",
                "evidence",
                "pink",
                "privacy",
            ),
        ),
        "beneficiaries": (
            C("30,000 registered users expected after three years.", "assumption", "yellow"),
            C(
                "Students and low-income residents through a reduced tariff.",
                "assumption",
                "yellow",
            ),
            C(
                "Residents without smartphones: card access and kiosks.",
                "assumption",
                "pink",
                "inclusion",
            ),
        ),
        "engagement": (
            C(
                "Online map where residents propose station locations.",
                "evidence",
                "green",
                "participation",
            ),
            C("Quarterly user panel with the operator.", "assumption", "green"),
        ),
        "deployment": (
            C(
                "Phase 1: 50 stations in the centre; phase 2: outer districts.",
                "evidence",
                "orange",
            ),
            C(
                "Open data standard lets neighbouring towns connect stations.",
                "assumption",
                "orange",
                "replication",
            ),
        ),
        "costs": (
            C("Investment EUR 3.0 M in bikes, stations and IT.", "evidence", "grey", "capex"),
            C(
                "Operation EUR 900,000 a year: rebalancing, repairs, vandalism.",
                "evidence",
                "grey",
                "opex",
            ),
            C("Risk: vandalism and theft above the 8 % assumed.", "assumption", "pink", "risk"),
        ),
        "funding": (
            C("User fees and sponsorship: EUR 500,000 a year.", "assumption", "blue"),
            C("EU urban mobility grant covers part of the investment.", "assumption", "blue", "EU"),
            C("Council covers the operating deficit from the mobility budget.", "evidence", "blue"),
        ),
        "economic_impact": (
            C("Time and health benefits valued at EUR 700,000 a year.", "assumption"),
            C("15 FTE jobs in operation and maintenance.", "evidence"),
        ),
        "environmental_impact": (
            C("About 150 t CO2e a year avoided by trips shifted from cars.", "assumption", "green"),
            C("300 kg NOx and 5 kg PM2.5 a year less in the centre.", "assumption", "green"),
        ),
        "social_impact": (
            C("Physical activity for 30,000 users.", "assumption"),
            C("Reduced tariff and card access for inclusion.", "assumption"),
            C("Residents co-decided station locations.", "evidence"),
        ),
    },
    impact_inputs={
        "lifetime_years": 10,
        "first_year": 2026,
        "capex": 3_000_000,
        "opex": 900_000,
        "revenue": 500_000,
        "savings": 0,
        "other_benefits": 700_000,
        "energy_saved_kwh": 0,
        "other_ghg_t": 150,
        "nox_kg": 300,
        "pm25_kg": 5,
        "jobs_fte": 15,
        "users_served": 30_000,
        "target_population": 100_000,
        "rating_local_environment": 3,
        "rating_accessibility": 3,
        "rating_inclusion": 3,
        "rating_engagement": 4,
        "rating_safety_health": 4,
    },
    partners=(
        P(
            "Demo City Council",
            "council",
            ("finance", "resources"),
            "Cycle lanes, station sites and the operating subsidy.",
            "Fewer car trips, cleaner air.",
            {0: "A", 1: "A", 2: "R"},
        ),
        P(
            "Bike-share operator",
            "company",
            ("resources", "skills"),
            "Bikes, stations, rebalancing and maintenance.",
            "A 10-year concession.",
            {0: "C", 1: "R", 2: "C"},
        ),
        P(
            "Public transport authority",
            "public_body",
            ("data", "resources"),
            "One card, one app, joint tariffs.",
            "More public-transport riders.",
            {0: "C", 2: "I"},
        ),
        P(
            "Cycling association",
            "civil_society",
            ("skills",),
            "Route planning and safety training.",
            "Safer cycling.",
            {0: "C"},
        ),
    ),
    milestones=(
        M("Concession awarded", "2026-04-30", 0, "in_progress"),
        M("Phase 1: 50 stations open in the centre", "2026-09-30", 1),
        M("Phase 2: outer districts", "2027-06-30", 1),
    ),
    funding=(
        {
            "name": "Council mobility budget",
            "kind": "own_budget",
            "amount": 1_000_000,
            "secured": True,
        },
        {"name": "Urban mobility grant", "kind": "eu_grant", "amount": 1_500_000, "secured": False},
    ),
)
