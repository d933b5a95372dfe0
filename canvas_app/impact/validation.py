"""Turn already-parsed values (from a form, the API or the database) into engine inputs.

Each check names the field and says what is wrong in plain language, and every bad field
is reported at once, so a form can show all its errors in one round.
Text is never parsed here: a string where a number belongs is an error, not a conversion.
"""

import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from .inputs import (
    BIAS_MEASURES,
    CARBON_PRICE_MODES,
    DEFAULT_OPTIMISM_BIAS,
    DEFAULT_WEIGHTS,
    DIMENSION_CODES,
    INPUT_FIELDS,
    PARAMETER_FIELDS,
    FundingSource,
    ImpactInputs,
    InputError,
    MethodParameters,
)
from .text import _, gettext_noop

AMOUNT_FIELDS = ("capex", "opex", "revenue", "savings", "other_benefits", "residual_value")
SCHEDULE_FIELDS = tuple(f"{name}_schedule" for name in AMOUNT_FIELDS[:5])
QUANTITY_FIELDS = (
    "energy_saved_kwh",
    "other_ghg_t",
    "nox_kg",
    "pm25_kg",
    "jobs_fte",
    "users_served",
    "target_population",
)
RATING_FIELDS = (
    "rating_local_environment",
    "rating_accessibility",
    "rating_inclusion",
    "rating_engagement",
    "rating_safety_health",
)
RATE_PARAMETERS = ("financial_discount_rate", "social_discount_rate")
COST_PARAMETERS = ("grid_emission_factor", "carbon_price", "nox_damage_cost", "pm25_damage_cost")
POSITIVE_PARAMETERS = ("ghg_inventory_t", "jobs_goalpost_per_meur")
SHARE_PARAMETERS = ("ghg_goalpost_share", "reach_goalpost")

# Marked here, translated where they are used: _(REQUIRED).
REQUIRED = gettext_noop("This field is required.")
NEGATIVE = gettext_noop("Must not be negative.")
# One whole sentence per dimension, so each translates as a sentence.
ZERO_WEIGHTS = {
    "economic": gettext_noop("The economic weights must not all be zero."),
    "environmental": gettext_noop("The environmental weights must not all be zero."),
    "social": gettext_noop("The social weights must not all be zero."),
}


class _Invalid(Exception):
    """One field's problem, collected by the caller into InputError.errors."""


def _number(value: object) -> float:
    # bool is an int subclass, and True as an amount is always a mistake
    if isinstance(value, bool):
        raise _Invalid(_("Must be a number, not true or false."))
    if isinstance(value, str):
        raise _Invalid(_("Must be a number, not text."))
    if not isinstance(value, numbers.Real | Decimal):
        raise _Invalid(_("Must be a number."))
    number = float(value)
    if not math.isfinite(number):
        raise _Invalid(_("Must be a finite number."))
    return number


def _whole(value: object, low: int, high: int) -> int:
    message = _("Must be a whole number from {low} to {high}.").format(low=low, high=high)
    try:
        number = _number(value)
    except _Invalid as problem:
        raise _Invalid(f"{problem} {message}") from None
    if not number.is_integer() or not low <= number <= high:
        raise _Invalid(message)
    return int(number)


def _non_negative(value: object) -> float:
    number = _number(value)
    if number < 0:
        raise _Invalid(_(NEGATIVE))
    return number


def _schedule(value: object, n: int | None) -> tuple[float, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise _Invalid(_("Must be a list of yearly amounts, one for each year 0 to n."))
    if n is not None and len(value) != n + 1:
        raise _Invalid(
            _("Must give {count} yearly amounts (years 0 to {last}), not {given}.").format(
                count=n + 1, last=n, given=len(value)
            )
        )
    amounts = []
    for t, item in enumerate(value):
        try:
            amounts.append(_non_negative(item))
        except _Invalid as problem:
            raise _Invalid(_("Year {year}: {problem}").format(year=t, problem=problem)) from None
    return tuple(amounts)


class _Collector:
    """Runs field checks and gathers their messages by field name."""

    def __init__(self, raw: Mapping[str, object], known: Sequence[str]) -> None:
        self.raw = raw
        self.errors: dict[str, list[str]] = {}
        self.values: dict[str, object] = {}
        for key in raw:
            if key not in known:
                self.add(str(key), _("Unknown field."))

    def add(self, key: str, message: str) -> None:
        self.errors.setdefault(key, []).append(message)

    def check(
        self, key: str, check: Callable[..., object], *args: object, default: object = None
    ) -> None:
        """Store check(raw[key]); a missing key or None keeps the default."""
        value = self.raw.get(key)
        if value is None:
            self.values[key] = default
            return
        try:
            self.values[key] = check(value, *args)
        except _Invalid as problem:
            self.add(key, str(problem))

    def raise_if_any(self) -> None:
        if self.errors:
            raise InputError(self.errors)


def validate_inputs(raw: Mapping[str, object]) -> ImpactInputs:
    """Check a canvas's impact inputs; raise InputError naming every bad field."""
    fields = _Collector(raw, INPUT_FIELDS)
    for key in ("lifetime_years", "first_year"):
        if raw.get(key) is None:
            fields.add(key, _(REQUIRED))
    fields.check("lifetime_years", _whole, 1, 60)
    fields.check("first_year", _whole, 1900, 2200)
    n = fields.values.get("lifetime_years")
    for key in AMOUNT_FIELDS:
        fields.check(key, _non_negative, default=0.0)
    for key in SCHEDULE_FIELDS:
        fields.check(key, _schedule, n)
    for key in QUANTITY_FIELDS:
        fields.check(key, _non_negative)
    for key in RATING_FIELDS:
        fields.check(key, _whole, 1, 5)
    users, population = fields.values.get("users_served"), fields.values.get("target_population")
    if users is not None and population is not None and users > population:
        fields.add("users_served", _("Users served cannot exceed the target population."))
    fields.raise_if_any()
    return ImpactInputs(**fields.values)


def _rate(value: object) -> float:
    number = _number(value)
    if not 0 <= number < 0.5:
        raise _Invalid(_("Must be a fraction from 0 up to (not including) 0.5, e.g. 0.04 for 4 %."))
    return number


def _positive(value: object) -> float:
    number = _number(value)
    if number <= 0:
        raise _Invalid(_("Must be greater than 0."))
    return number


def _share(value: object) -> float:
    number = _number(value)
    if not 0 < number <= 1:
        raise _Invalid(_("Must be a fraction above 0 and at most 1, e.g. 0.5 for 50 %."))
    return number


def _mode(value: object) -> str:
    if value not in CARBON_PRICE_MODES:
        raise _Invalid(
            _("Must be one of: {choices}.").format(choices=", ".join(CARBON_PRICE_MODES))
        )
    return str(value)


def _weights(raw: object, fields: _Collector) -> dict[str, float]:
    """Check the weights mapping; codes left out keep their default weight."""
    if raw is None:
        return dict(DEFAULT_WEIGHTS)
    if not isinstance(raw, Mapping):
        fields.add("weights", _("Must map sub-score codes (EC1...SO5) to weights."))
        return dict(DEFAULT_WEIGHTS)
    weights = dict(DEFAULT_WEIGHTS)
    for code, value in raw.items():
        if code not in DEFAULT_WEIGHTS:
            fields.add(f"weights.{code}", _("Unknown sub-score code."))
            continue
        try:
            weights[code] = _non_negative(value)
        except _Invalid as problem:
            fields.add(f"weights.{code}", str(problem))
    for dimension, codes in DIMENSION_CODES.items():
        if sum(weights[code] for code in codes) <= 0:
            fields.add("weights", _(ZERO_WEIGHTS[dimension]))
    return weights


def _optimism_bias(raw: object, fields: _Collector) -> dict:
    """Check the optimism-bias table; project types left out keep their defaults."""
    table = {kind: dict(measures) for kind, measures in DEFAULT_OPTIMISM_BIAS.items()}
    if raw is None:
        return table
    if not isinstance(raw, Mapping):
        fields.add("optimism_bias", _("Must map project types to their bounds."))
        return table
    for kind, measures in raw.items():
        if kind not in table:
            fields.add(f"optimism_bias.{kind}", _("Unknown project type."))
            continue
        if not isinstance(measures, Mapping):
            fields.add(f"optimism_bias.{kind}", _("Must map works, capex and opex to bounds."))
            continue
        for measure, bounds in measures.items():
            key = f"optimism_bias.{kind}.{measure}"
            if measure not in BIAS_MEASURES:
                fields.add(key, _("Unknown measure: use works, capex or opex."))
                continue
            try:
                table[kind][measure] = _bounds(bounds)
            except _Invalid as problem:
                fields.add(key, str(problem))
    return table


def _bounds(value: object) -> tuple[float, float]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence) or len(value) != 2:
        raise _Invalid(_("Give the upper and the lower bound, in %."))
    upper, lower = _non_negative(value[0]), _non_negative(value[1])
    if lower > upper or upper > 1000:
        raise _Invalid(_("The lower bound cannot exceed the upper one (at most 1000 %)."))
    return upper, lower


def validate_parameters(raw: Mapping[str, object]) -> MethodParameters:
    """Check a council's method parameters; a missing or None value takes the default."""
    fields = _Collector(raw, PARAMETER_FIELDS)
    defaults = MethodParameters()
    checks = (
        [(key, _rate) for key in RATE_PARAMETERS]
        + [(key, _non_negative) for key in COST_PARAMETERS]
        + [(key, _positive) for key in POSITIVE_PARAMETERS]
        + [(key, _share) for key in SHARE_PARAMETERS]
        + [("carbon_price_mode", _mode)]
    )
    for key, check in checks:
        fields.check(key, check, default=getattr(defaults, key))
    fields.check("incremental_bcr_threshold", _positive, default=defaults.incremental_bcr_threshold)
    weights = _weights(raw.get("weights"), fields)
    bias = _optimism_bias(raw.get("optimism_bias"), fields)
    fields.raise_if_any()
    return MethodParameters(**fields.values, weights=weights, optimism_bias=bias)


def validate_funding(
    raw: Sequence[FundingSource | Mapping[str, object]],
) -> tuple[FundingSource, ...]:
    """Check funding sources (dataclasses or mappings with the same keys)."""
    errors: dict[str, list[str]] = {}
    sources = []
    for index, item in enumerate(raw):
        values = item.as_dict() if isinstance(item, FundingSource) else dict(item)
        try:
            amount = _non_negative(values.get("amount"))
        except _Invalid as problem:
            errors.setdefault(f"funding[{index}].amount", []).append(str(problem))
            continue
        sources.append(
            FundingSource(
                name=str(values.get("name") or ""),
                kind=str(values.get("kind") or ""),
                amount=amount,
                secured=bool(values.get("secured", False)),
            )
        )
    if errors:
        raise InputError(errors)
    return tuple(sources)
