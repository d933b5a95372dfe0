"""A benefit's plan and progress: the line from its baseline to its target, its
measurements as points, and the date its status is read at.

Dates are printed as ISO dates (2027-01-01), which read the same in every language.
"""

from collections.abc import Sequence
from datetime import date

from django.utils.translation import gettext as _

from .svg import (
    BLUE,
    GRID,
    INK,
    MINUS,
    MUTED,
    document,
    element,
    finite,
    heading,
    label,
    message_chart,
    nice_ticks,
    tooltip,
)

WIDTH, HEIGHT = 380, 220
LEFT, RIGHT, TOP, BOTTOM = 64.0, 360.0, 56.0, 180.0


def figure(value: float) -> str:
    """A measured value as it was typed: 2100, 0.5, 62.5; a real minus sign."""
    text = f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return text.replace("-", MINUS)


def _ticks(low: float, high: float) -> list[float]:
    """Round ticks for any scale: nice_ticks works in whole numbers, so a small range is
    scaled up first (0.62 to 0.75 becomes 62 to 75)."""
    scale = 1.0
    while high > low and (high - low) * scale < 10 and scale < 1e6:
        scale *= 10
    return [tick / scale for tick in nice_ticks(low * scale, high * scale)]


def _describe(
    baseline: float,
    baseline_date: date,
    target: float,
    target_date: date,
    measurements: Sequence[tuple[date, float]],
    unit: str,
    as_of: date | None,
) -> str:
    parts = [
        _("Plan: from %(baseline)s %(unit)s on %(start)s to %(target)s %(unit)s on %(end)s.")
        % {
            "baseline": figure(baseline),
            "target": figure(target),
            "unit": unit,
            "start": baseline_date.isoformat(),
            "end": target_date.isoformat(),
        }
    ]
    if measurements:
        listed = ", ".join(f"{figure(v)} ({on.isoformat()})" for on, v in measurements)
        parts.append(_("Measurements: %(list)s.") % {"list": listed})
    else:
        parts.append(_("No measurement yet."))
    if as_of is not None:
        parts.append(_("Status read on %(date)s.") % {"date": as_of.isoformat()})
    return " ".join(parts)


def benefit_chart(
    *,
    baseline: float,
    baseline_date: date,
    target: float,
    target_date: date,
    measurements: Sequence[tuple[date, float]] = (),
    id_prefix: str,
    unit: str = "",
    title: str | None = None,
    as_of: date | None = None,
) -> str:
    """The planned line from baseline to target (dashed), the measurements (dots), and a
    dotted line at `as_of`. `title` defaults to "Progress towards the target"."""
    if title is None:
        title = _("Progress towards the target")
    points = sorted(
        (on, float(v)) for on, v in measurements if finite(v) is not None and isinstance(on, date)
    )
    if finite(baseline) is None or finite(target) is None or target_date <= baseline_date:
        return message_chart(id_prefix=id_prefix, title=title, message=_("No plan to draw"))
    dates = [baseline_date, target_date, *(on for on, _v in points)]
    if as_of is not None:
        dates.append(as_of)
    first, last = min(dates).toordinal(), max(dates).toordinal()
    ticks = _ticks(
        min(baseline, target, *(v for _on, v in points)),
        max(baseline, target, *(v for _on, v in points)),
    )
    low, high = ticks[0], ticks[-1]

    def x_of(on: date) -> float:
        return LEFT + (on.toordinal() - first) / max(1, last - first) * (RIGHT - LEFT)

    def y_of(value: float) -> float:
        return BOTTOM - (value - low) / (high - low) * (BOTTOM - TOP)

    body = [heading(title, WIDTH)]
    if unit:
        body.append(label(12, 40, unit, size=11, fill=MUTED))
    for tick in ticks:
        y = y_of(tick)
        body.append(element("line", x1=LEFT, y1=y, x2=RIGHT, y2=y, stroke=GRID))
        body.append(label(LEFT - 6, y + 4, figure(tick), size=10, fill=MUTED, text_anchor="end"))
    for on, anchor in ((min(dates), "start"), (max(dates), "end")):
        body.append(
            label(x_of(on), BOTTOM + 16, on.isoformat(), size=10, fill=MUTED, text_anchor=anchor)
        )
    if as_of is not None:
        x = x_of(as_of)
        body.append(
            element("line", x1=x, y1=TOP - 4, x2=x, y2=BOTTOM, stroke=MUTED, stroke_dasharray="2 3")
        )
        body.append(label(x, BOTTOM + 32, as_of.isoformat(), size=10, text_anchor="middle"))
    plan = {
        "x1": x_of(baseline_date),
        "y1": y_of(baseline),
        "x2": x_of(target_date),
        "y2": y_of(target),
    }
    body.append(element("line", **plan, stroke=INK, stroke_width=2, stroke_dasharray="6 4"))
    body.append(_end(plan["x1"], plan["y1"], _("Baseline"), baseline, baseline_date, unit))
    body.append(_end(plan["x2"], plan["y2"], _("Target"), target, target_date, unit))
    for on, value in points:
        body.append(
            element(
                "circle",
                tooltip(f"{on.isoformat()}: {figure(value)} {unit}".rstrip()),
                cx=x_of(on),
                cy=y_of(value),
                r=4.5,
                fill=BLUE,
                stroke="#ffffff",
                class_="measurement",
            )
        )
    desc = _describe(baseline, baseline_date, target, target_date, points, unit, as_of)
    return document(
        id_prefix=id_prefix,
        title=title,
        desc=desc,
        width=WIDTH,
        height=HEIGHT,
        body=body,
    )


def _end(x: float, y: float, name: str, value: float, on: date, unit: str) -> str:
    """The baseline or target: an open ring, unlike the measurements' dots."""
    text = f"{name}: {figure(value)} {unit} ({on.isoformat()})".replace("  ", " ")
    return element(
        "circle", tooltip(text), cx=x, cy=y, r=4.0, fill="#ffffff", stroke=INK, stroke_width=2
    )
