"""The ENPV of every option of a short list, with and without optimism bias, as paired bars."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .svg import (
    BLUE,
    GRID,
    INK,
    MUTED,
    document,
    element,
    finite,
    heading,
    label,
    message_chart,
    money,
    nice_ticks,
    text_width,
    tooltip,
    truncate,
)

WIDTH = 680
PLOT_LEFT, PLOT_RIGHT = 90, 590  # the margins either side hold the end-of-bar values
TOP = 70
ROW = 64  # the option's name on a line of its own, then its two bars
BAR = 15
GAP = 3
NAME_CHARS = 70
PALE = "#ffffff"


@dataclass(frozen=True)
class EnpvBar:
    label: str  # the option's name
    enpv: float | None  # with optimism bias; None is drawn as n/a
    enpv_unadjusted: float | None
    preferred: bool = False


def _legend() -> list[str]:
    # The unadjusted bar is outlined and dashed, so the pair reads without colour.
    first, second = _("ENPV with optimism bias"), _("ENPV without optimism bias")
    x = 31 + text_width(first, 12) + 24  # the second key follows the first, in any language
    return [
        element("rect", x=12.0, y=40.0, width=14.0, height=12.0, fill=BLUE),
        label(31, 50, first, size=12),
        element(
            "rect",
            x=x + 0.5,
            y=40.5,
            width=13.0,
            height=11.0,
            fill=PALE,
            stroke=BLUE,
            stroke_dasharray="3 2",
        ),
        label(x + 19, 50, second, size=12),
    ]


def _name(bar: EnpvBar) -> str:
    name = truncate(bar.label, NAME_CHARS)
    return _("%(name)s (preferred)") % {"name": name} if bar.preferred else name


def _bar(
    bar: EnpvBar, value: float | None, adjusted: bool, y: float, x_of, zero: float
) -> list[str]:
    what = _("with optimism bias") if adjusted else _("without optimism bias")
    if value is None:
        return [label(zero + 4, y + BAR - 3, _("n/a"), size=11, fill=MUTED)]
    x = x_of(value)
    left, right = min(x, zero), max(x, zero)
    style = (
        {"fill": BLUE} if adjusted else {"fill": PALE, "stroke": BLUE, "stroke_dasharray": "3 2"}
    )
    rect = element(
        "rect",
        tooltip(
            _("%(option)s, ENPV %(what)s: %(amount)s")
            % {"option": bar.label, "what": what, "amount": money(value)}
        ),
        x=left,
        y=y,
        width=max(right - left, 1.0),  # a zero ENPV still shows a sliver at the axis
        height=float(BAR),
        **style,
    )
    if value < 0:
        text = label(left - 4, y + BAR - 3, money(value), size=11, text_anchor="end")
    else:
        text = label(right + 4, y + BAR - 3, money(value), size=11)
    return [rect, text]


def _describe(bars: Sequence[EnpvBar]) -> str:
    parts = [
        _("%(option)s: %(enpv)s with optimism bias, %(unadjusted)s without.")
        % {
            "option": _name(bar),
            "enpv": money(bar.enpv),
            "unadjusted": money(bar.enpv_unadjusted),
        }
        for bar in bars
    ]
    return " ".join([_("Economic net present value of each option."), *parts])


def enpv_bars(bars: Sequence[EnpvBar], *, id_prefix: str, title: str | None = None) -> str:
    """Each option's ENPV with optimism bias (solid) and without (dashed outline), in the
    order given, around a zero line. `title` defaults to "ENPV of the options"."""
    if title is None:
        title = _("ENPV of the options")
    if not bars:
        return message_chart(id_prefix=id_prefix, title=title, message=_("No option to show"))
    values = [v for bar in bars for v in (finite(bar.enpv), finite(bar.enpv_unadjusted))]
    drawn = [v for v in values if v is not None]
    ticks = nice_ticks(min(0.0, *drawn), max(0.0, *drawn))
    span = ticks[-1] - ticks[0]

    def x_of(value: float) -> float:
        return PLOT_LEFT + (value - ticks[0]) / span * (PLOT_RIGHT - PLOT_LEFT)

    plot_bottom = TOP + len(bars) * ROW
    zero = x_of(0.0)
    body = [heading(title, WIDTH), *_legend()]
    for tick in ticks:
        body.append(
            label(
                x_of(tick), plot_bottom + 12, money(tick), size=11, fill=MUTED, text_anchor="middle"
            )
        )
    for index, bar in enumerate(bars):
        top = TOP + index * ROW
        # the grid and the zero line run beside the bars only, never through a name
        band = {"y1": top + 21.0, "y2": top + 24.0 + 2 * BAR + GAP + 3}
        body += [element("line", x1=x_of(t), x2=x_of(t), **band, stroke=GRID) for t in ticks]
        weight = "bold" if bar.preferred else None
        body.append(label(12, top + 16, _name(bar), size=12, font_weight=weight))
        body += _bar(bar, finite(bar.enpv), True, top + 24, x_of, zero)
        body += _bar(bar, finite(bar.enpv_unadjusted), False, top + 24 + BAR + GAP, x_of, zero)
        body.append(
            element("line", x1=zero, x2=zero, **band, stroke=INK, stroke_width=2, class_="zero")
        )
    return document(
        id_prefix=id_prefix,
        title=title,
        desc=_describe(bars),
        width=WIDTH,
        height=plot_bottom + 28,
        body=body,
    )
