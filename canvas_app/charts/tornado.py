"""A tornado chart of the ENPV sensitivity: each variable at -20 % and +20 % around the base."""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .svg import (
    BLUE,
    GRID,
    INK,
    MINUS,
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
    tooltip,
    truncate,
)

WIDTH = 680
LABEL_RIGHT = 156  # row labels end here, right-aligned; 20 characters at 12 px fit
PLOT_LEFT, PLOT_RIGHT = 230, 610  # the 80 and 70 px either side hold the end-of-bar values
TOP = 84
ROW = 30
BAR = 16
LOW_NAME, HIGH_NAME = f"{MINUS}20 %", "+20 %"


@dataclass(frozen=True)
class _Row:
    label: str
    low: float  # ENPV with the variable 20 % lower
    high: float
    swing: float


def _rows(rows: Sequence[Mapping[str, object]]) -> tuple[list[_Row], list[str]]:
    """Rows with an effect, widest swing first (stable for ties), and the labels left out."""
    shown, left_out = [], []
    for row in rows:
        name = str(row.get("label") or row.get("variable") or "")
        low, high = finite(row.get("enpv_minus_20")), finite(row.get("enpv_plus_20"))
        swing = finite(row.get("swing"))
        if low is None or high is None or not swing:
            left_out.append(name)
        else:
            shown.append(_Row(name, low, high, abs(swing)))
    return sorted(shown, key=lambda r: -r.swing), left_out


def _legend() -> list[str]:
    parts = [label(12, 50, _("Each variable at"), size=12, fill=MUTED)]
    for x, colour, name in ((118, BLUE, LOW_NAME), (188, ORANGE, HIGH_NAME)):
        parts.append(element("rect", x=float(x), y=40.0, width=12.0, height=12.0, fill=colour))
        parts.append(label(x + 17, 50, name, size=12))
    return parts


def _bar(row: _Row, which: str, value: float, x_base: float, x_value: float, y: float) -> list[str]:
    colour = BLUE if which == LOW_NAME else ORANGE
    left, right = min(x_base, x_value), max(x_base, x_value)
    rect = element(
        "rect",
        tooltip(
            _("%(variable)s %(change)s: ENPV %(amount)s")
            % {"variable": row.label, "change": which, "amount": money(value)}
        ),
        x=left,
        y=y,
        width=right - left,
        height=float(BAR),
        fill=colour,
    )
    # the value sits outside the bar's far end, so it reads the same whatever the colour
    if x_value < x_base:
        text = label(left - 4, y + BAR / 2 + 4, money(value), size=11, text_anchor="end")
    else:
        text = label(right + 4, y + BAR / 2 + 4, money(value), size=11)
    return [rect, text]


def _describe(base: float, rows: list[_Row], left_out: list[str]) -> str:
    parts = [_("Base ENPV %(amount)s. Widest swing first.") % {"amount": money(base)}]
    parts += [
        _("%(variable)s: %(low)s at %(low_change)s, %(high)s at %(high_change)s.")
        % {
            "variable": r.label,
            "low": money(r.low),
            "low_change": LOW_NAME,
            "high": money(r.high),
            "high_change": HIGH_NAME,
        }
        for r in rows
    ]
    if left_out:
        parts.append(
            _("Left out, no effect on ENPV: %(variables)s.") % {"variables": ", ".join(left_out)}
        )
    return " ".join(parts)


def tornado(
    rows: Sequence[Mapping[str, object]],
    *,
    base: float,
    id_prefix: str,
    title: str | None = None,
) -> str:
    """ENPV at -20 % and +20 % of each variable, widest swing on top; zero swings left out.

    `title` defaults to "Sensitivity of ENPV (±20 %)" in the active language."""
    if title is None:
        title = _("Sensitivity of ENPV (±20 %)")
    shown, left_out = _rows(rows)
    if not shown or not math.isfinite(base):
        return message_chart(id_prefix=id_prefix, title=title, message=_("No variable to show"))

    ticks = nice_ticks(
        min(base, *(min(r.low, r.high) for r in shown)),
        max(base, *(max(r.low, r.high) for r in shown)),
    )
    span = ticks[-1] - ticks[0]

    def x_of(value: float) -> float:
        return PLOT_LEFT + (value - ticks[0]) / span * (PLOT_RIGHT - PLOT_LEFT)

    plot_bottom = TOP + len(shown) * ROW
    body = [heading(title, WIDTH), *_legend()]
    for tick in ticks:
        x = x_of(tick)
        body.append(element("line", x1=x, y1=TOP - 4.0, x2=x, y2=float(plot_bottom), stroke=GRID))
        body.append(
            label(x, plot_bottom + 16, money(tick), size=11, fill=MUTED, text_anchor="middle")
        )
    x_base = x_of(base)
    for index, row in enumerate(shown):
        y = TOP + index * ROW + (ROW - BAR) / 2
        name = truncate(row.label, 20)
        body.append(label(LABEL_RIGHT, y + BAR / 2 + 4, name, size=12, text_anchor="end"))
        body += _bar(row, LOW_NAME, row.low, x_base, x_of(row.low), y)
        body += _bar(row, HIGH_NAME, row.high, x_base, x_of(row.high), y)
    # the base line goes on top of the bars, so it stays visible where they meet
    base_line = {"x1": x_base, "y1": TOP - 12.0, "x2": x_base, "y2": plot_bottom + 2.0}
    body.append(element("line", **base_line, stroke=INK, stroke_width=2, class_="base"))
    caption = _("ENPV %(amount)s") % {"amount": money(base)}
    body.append(label(x_base, TOP - 16, caption, size=11, font_weight="bold", text_anchor="middle"))

    return document(
        id_prefix=id_prefix,
        title=title,
        desc=_describe(base, shown, left_out),
        width=WIDTH,
        height=plot_bottom + 28,
        body=body,
    )
