"""Number formats for pages and reports (British English, as the rest of the app)."""


def eur(value: float | None, *, decimals: int = 0) -> str:
    if value is None:
        return "n/a"
    sign = "−" if value < 0 else ""
    return f"{sign}€{abs(value):,.{decimals}f}"


def percent(fraction: float | None, *, decimals: int = 2) -> str:
    if fraction is None:
        return "n/a"
    return f"{fraction * 100:.{decimals}f} %".replace("-", "−")


def number(value: float | None, *, decimals: int = 2, unit: str = "") -> str:
    if value is None:
        return "n/a"
    text = f"{value:,.{decimals}f}".replace("-", "−")
    return f"{text} {unit}".rstrip()


def score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def years(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f} years"


def humanise_key(key: str) -> str:
    """`benefit_cost_ratio` → `Benefit cost ratio`, for the inputs behind a score."""
    return key.replace("_", " ").capitalize()
