"""The worked examples of section 6 of the impact method, as raw inputs."""

from canvas_app.impact import AssessmentResult, MethodParameters, assess, validate_inputs

LED_RETROFIT: dict[str, object] = {
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
}

BIKE_SHARING: dict[str, object] = {
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
}


def assess_raw(
    raw: dict[str, object], params: MethodParameters | None = None, **changes: object
) -> AssessmentResult:
    """Assess raw inputs with some fields changed, skipping the (slower) risk analysis."""
    inputs = validate_inputs({**raw, **changes})
    return assess(inputs, params or MethodParameters(), risk_draws=0)


# Worked example 9.1: the alternatives to the LED retrofit (inputs otherwise as in 6.1).
DIMMING: dict[str, object] = {
    **LED_RETROFIT,
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
}
CENTRAL: dict[str, object] = {
    **LED_RETROFIT,
    "capex": 2_600_000,
    "opex": 60_000,
    "savings": 500_000,
    "energy_saved_kwh": 2_200_000,
    "jobs_fte": 5,
}
