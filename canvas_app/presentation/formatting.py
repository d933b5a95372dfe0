"""Numbers, money and percentages for pages and reports, in the active language's format:
`€3,164,324` and `18.35 %` in English, `3.164.324 €` and `18,35 %` in Spanish and Catalan."""

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

MINUS = "−"  # a real minus sign, not a hyphen


def not_available() -> str:
    return _("n/a")


def decimal(value: float, decimals: int) -> str:
    """The number with the locale's grouping and decimal separators."""
    text = formats.number_format(
        round(value, decimals), decimals, use_l10n=True, force_grouping=True
    )
    return text.replace("-", MINUS)


def currency_after() -> bool:
    """Spanish and Catalan write the euro sign after the amount, English before."""
    return (get_language() or "en").split("-")[0] in {"es", "ca"}


def eur(value: float | None, *, decimals: int = 0) -> str:
    if value is None:
        return not_available()
    sign = MINUS if value < 0 else ""
    amount = decimal(abs(value), decimals)
    return f"{sign}{amount} €" if currency_after() else f"{sign}€{amount}"


def percent(fraction: float | None, *, decimals: int = 2) -> str:
    if fraction is None:
        return not_available()
    return f"{decimal(fraction * 100, decimals)} %"


def number(value: float | None, *, decimals: int = 2, unit: str = "") -> str:
    if value is None:
        return not_available()
    return f"{decimal(value, decimals)} {unit}".rstrip()


def score(value: float | None) -> str:
    return not_available() if value is None else decimal(value, 1)


def years(value: float | None) -> str:
    if value is None:
        return not_available()
    return _("%(years)s years") % {"years": decimal(value, 2)}


def humanise_key(key: str) -> str:
    """`benefit_cost_ratio` → `Benefit cost ratio`, for the inputs behind a score."""
    return key.replace("_", " ").capitalize()
