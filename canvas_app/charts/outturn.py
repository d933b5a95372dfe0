"""The outturn against the forecast: the cumulative net flow year by year, as two lines."""

from collections.abc import Collection, Sequence
from itertools import accumulate

from django.utils.translation import gettext as _

from .svg import (
    GRID,
    INK,
    MUTED,
    ORANGE,
    document,
    element,
    finite,
    heading,
    label,
    message_chart,
    money,
    nice_ticks,
    num,
    text_width,
    tooltip,
)

WIDTH, HEIGHT = 680, 340
LEFT, RIGHT, TOP, BOTTOM = 84.0, 650.0, 76.0, 296.0
FORECAST = "#1d70b8"


def _path(points: Sequence[tuple[float, float]]) -> str:
    return "M " + " L ".join(f"{num(x)} {num(y)}" for x, y in points)


def _legend() -> list[str]:
    # dashed against solid, so the two lines read without colour
    forecast, outturn = _("Forecast"), _("Outturn (actual figures where recorded)")
    x = 40 + text_width(forecast, 12) + 30
    return [
        element(
            "line", x1=12.0, y1=46.0, x2=36.0, y2=46.0, stroke=FORECAST, stroke_width=2,
            stroke_dasharray="6 4",
        ),
        label(40, 50, forecast, size=12),
        element("line", x1=x, y1=46.0, x2=x + 24, y2=46.0, stroke=ORANGE, stroke_width=3),
        element("circle", cx=x + 12, cy=46.0, r=4.0, fill=ORANGE),
        label(x + 28, 50, outturn, size=12),
    ]  # fmt: skip


def _year_ticks(n: int) -> list[int]:
    step = 1 if n <= 12 else 2 if n <= 24 else 5
    years = list(range(0, n + 1, step))
    return years if years[-1] == n else [*years, n]


def _describe(forecast: list[float], outturn: list[float], recorded: list[int]) -> str:
    n = len(forecast) - 1
    parts = [
        _(
            "Cumulative net flow by year, in EUR. After year %(n)s: forecast %(forecast)s, "
            "outturn %(outturn)s."
        )
        % {"n": n, "forecast": money(forecast[-1]), "outturn": money(outturn[-1])}
    ]
    if recorded:
        parts.append(
            _("Actual figures recorded for years %(years)s.")
            % {"years": ", ".join(str(t) for t in recorded)}
        )
    else:
        parts.append(_("No actual figure recorded yet: the outturn follows the forecast."))
    return " ".join(parts)


def cumulative_net_flow(
    forecast: Sequence[float],
    outturn: Sequence[float],
    *,
    id_prefix: str,
    recorded_years: Collection[int] = (),
    title: str | None = None,
) -> str:
    """Yearly net flows (t = 0..n) of the forecast and of the outturn, drawn cumulated;
    the years with actual figures are marked on the outturn line. `title` defaults to
    "Cumulative net flow: forecast and outturn"."""
    if title is None:
        title = _("Cumulative net flow: forecast and outturn")
    yearly = [(finite(f), finite(o)) for f, o in zip(forecast, outturn, strict=False)]
    if not yearly or any(f is None or o is None for f, o in yearly):
        return message_chart(id_prefix=id_prefix, title=title, message=_("No flows to draw"))
    planned = list(accumulate(f for f, _o in yearly))
    actual = list(accumulate(o for _f, o in yearly))
    n = len(yearly) - 1
    ticks = nice_ticks(min(0.0, *planned, *actual), max(0.0, *planned, *actual))

    def x_of(t: int) -> float:
        return LEFT + t / max(1, n) * (RIGHT - LEFT)

    def y_of(value: float) -> float:
        return BOTTOM - (value - ticks[0]) / (ticks[-1] - ticks[0]) * (BOTTOM - TOP)

    body = [heading(title, WIDTH), *_legend()]
    for tick in ticks:
        y = y_of(tick)
        colour, width = (INK, 1.5) if tick == 0 else (GRID, None)
        body.append(
            element("line", x1=LEFT, y1=y, x2=RIGHT, y2=y, stroke=colour, stroke_width=width)
        )
        body.append(label(LEFT - 8, y + 4, money(tick), size=11, fill=MUTED, text_anchor="end"))
    for t in _year_ticks(n):
        body.append(label(x_of(t), BOTTOM + 16, str(t), size=11, fill=MUTED, text_anchor="middle"))
    body.append(label(RIGHT, BOTTOM + 34, _("Year →"), size=12, text_anchor="end"))
    body.append(
        element(
            "path",
            d=_path([(x_of(t), y_of(v)) for t, v in enumerate(planned)]),
            fill="none",
            stroke=FORECAST,
            stroke_width=2,
            stroke_dasharray="6 4",
            class_="forecast",
        )
    )
    body.append(
        element(
            "path",
            d=_path([(x_of(t), y_of(v)) for t, v in enumerate(actual)]),
            fill="none",
            stroke=ORANGE,
            stroke_width=3,
            class_="outturn",
        )
    )
    recorded = sorted(t for t in set(recorded_years) if 0 <= t <= n)
    for t in recorded:
        text = _("Year %(year)s: outturn %(outturn)s, forecast %(forecast)s (cumulative)") % {
            "year": t,
            "outturn": money(actual[t]),
            "forecast": money(planned[t]),
        }
        body.append(
            element(
                "circle",
                tooltip(text),
                cx=x_of(t),
                cy=y_of(actual[t]),
                r=4.5,
                fill=ORANGE,
                stroke="#ffffff",
                class_="recorded",
            )
        )
    return document(
        id_prefix=id_prefix,
        title=title,
        desc=_describe(planned, actual, recorded),
        width=WIDTH,
        height=HEIGHT,
        body=body,
    )
