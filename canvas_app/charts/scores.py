"""Horizontal 0-100 bars for a canvas's dimension scores and its overall score."""

from collections.abc import Mapping

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .svg import (
    BLUE,
    GREEN,
    GREY,
    GRID,
    MUTED,
    PINK,
    TRACK,
    document,
    element,
    finite,
    heading,
    label,
)

# The engine's keys, the words shown, and a colour each; the value is printed on every bar
# as well, so the colour is never the only cue.
# The words are lazy: each chart is drawn in the language active at the time.
DIMENSIONS: tuple[tuple[str, str, str], ...] = (
    ("economic", gettext_lazy("Economic"), BLUE),
    ("environmental", gettext_lazy("Environmental"), GREEN),
    ("social", gettext_lazy("Social"), PINK),
)
OVERALL = ("overall_arithmetic", gettext_lazy("Overall"), GREY)

WIDTH = 580  # the 60 px right of the track hold "100.0"
LEFT = 120  # room for "Environmental" at 13 px
SCALE = 4.0  # px per score point: the plot is 400 px wide
TOP = 40
ROW = 34
BAR = 20
TICKS = (0, 25, 50, 75, 100)


def _track(y: float) -> str:
    return element(
        "rect", x=float(LEFT), y=float(y), width=100 * SCALE, height=float(BAR), fill=TRACK
    )


def _row(y: float, name: str, colour: str, value: float | None) -> list[str]:
    middle = y + BAR / 2 + 4.5  # baseline that centres 13 px text on the bar
    parts = [label(LEFT - 10, middle, name, size=13, text_anchor="end")]
    if value is None:
        outline = element(
            "rect",
            x=LEFT + 0.5,
            y=y + 0.5,
            width=100 * SCALE - 1,
            height=BAR - 1.0,
            fill="none",
            stroke=GRID,
            stroke_dasharray="4 3",
        )
        return [*parts, outline, label(LEFT + 8, middle, _("n/a"), size=13, fill=MUTED)]
    width = min(100.0, max(0.0, value)) * SCALE  # a score outside 0-100 still fits the track
    bar = element("rect", x=float(LEFT), y=float(y), width=width, height=float(BAR), fill=colour)
    return [*parts, bar, label(LEFT + width + 6, middle, f"{value:.1f}", size=13)]


def score_bars(
    scores: Mapping[str, float | None], *, id_prefix: str, title: str | None = None
) -> str:
    """Economic, environmental and social scores (and the overall one, if given) as bars.

    `title` defaults to "Impact scores" in the active language."""
    if title is None:
        title = _("Impact scores")
    rows = [(str(name), colour, finite(scores.get(key))) for key, name, colour in DIMENSIONS]
    if OVERALL[0] in scores:
        rows.append((str(OVERALL[1]), OVERALL[2], finite(scores[OVERALL[0]])))
    plot_bottom = TOP + len(rows) * ROW
    height = plot_bottom + 30

    tops = [TOP + index * ROW + (ROW - BAR) / 2 for index in range(len(rows))]
    # tracks, then the grid, then the bars: gridlines show on empty tracks, never over a bar
    body = [heading(title, WIDTH), *(_track(y) for y in tops)]
    for tick in TICKS:
        x = float(LEFT + tick * SCALE)
        body.append(element("line", x1=x, y1=TOP - 4.0, x2=x, y2=plot_bottom - 6.0, stroke=GRID))
        body.append(
            label(x, plot_bottom + 10, str(tick), size=11, fill=MUTED, text_anchor="middle")
        )
    for y, (name, colour, value) in zip(tops, rows, strict=True):
        body.extend(_row(y, name, colour, value))

    not_available = _("n/a")
    summary = ", ".join(
        f"{name} {not_available if v is None else f'{v:.1f}'}" for name, _colour, v in rows
    )
    desc = _("Scores out of 100: %(scores)s.") % {"scores": summary}
    return document(
        id_prefix=id_prefix, title=title, desc=desc, width=WIDTH, height=height, body=body
    )
