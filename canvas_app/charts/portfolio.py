"""A bubble chart of a council's canvases: economic score across, social score up, capex as area."""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .placement import Box, box_of_circle, place_label
from .svg import (
    BLUE,
    GRID,
    MUTED,
    document,
    element,
    finite,
    heading,
    label,
    message_chart,
    money,
    text_width,
    tooltip,
    truncate,
)

WIDTH, HEIGHT = 640, 500
LEFT, RIGHT, TOP, BOTTOM = 70.0, 590.0, 76.0, 436.0  # the plot; score 100 is at TOP
MIN_RADIUS, MAX_RADIUS = 5.0, 30.0
LABEL_CHARS = 28
LABEL_SIZE = 11
DESCRIBED = 12  # points listed by name in the description; the rest are counted


@dataclass(frozen=True)
class BubblePoint:
    label: str
    economic: float | None  # 0-100; None leaves the point out
    social: float | None
    capex: float  # EUR
    href: str | None = None  # a same-site path such as "/canvases/12/"; anything else is dropped


def safe_href(href: str | None) -> str | None:
    """Only a path on this site: no scheme (javascript:, http:), no //host, no tricks."""
    if not isinstance(href, str) or not href.startswith("/") or href.startswith("//"):
        return None
    if "\\" in href or any(ord(c) <= 32 or ord(c) == 127 for c in href):
        return None  # browsers read "/\host" as "//host"; whitespace is never needed
    return href


def _score(value: object) -> float | None:
    score = finite(value)
    return None if score is None else min(100.0, max(0.0, score))


def _x(score: float) -> float:
    return LEFT + score / 100 * (RIGHT - LEFT)


def _y(score: float) -> float:
    return BOTTOM - score / 100 * (BOTTOM - TOP)


def radius(capex: float, largest: float) -> float:
    """Area proportional to capex, floored so that a zero-capex canvas stays visible."""
    if largest <= 0:
        return MIN_RADIUS
    return max(MIN_RADIUS, MAX_RADIUS * math.sqrt(capex / largest))


def _frame() -> tuple[list[str], list[Box]]:
    """Grid, quadrant lines at 50, axis captions and the quadrant captions' reserved boxes."""
    parts = []  # the gridlines at 0 and 100 frame the plot
    for tick in (0, 25, 50, 75, 100):
        dash = "5 4" if tick == 50 else None
        colour = MUTED if tick == 50 else GRID
        x, y = _x(tick), _y(tick)
        parts.append(
            element("line", x1=x, y1=TOP, x2=x, y2=BOTTOM, stroke=colour, stroke_dasharray=dash)
        )
        parts.append(
            element("line", x1=LEFT, y1=y, x2=RIGHT, y2=y, stroke=colour, stroke_dasharray=dash)
        )
        parts.append(label(x, BOTTOM + 16, str(tick), size=11, fill=MUTED, text_anchor="middle"))
        parts.append(label(LEFT - 8, y + 4, str(tick), size=11, fill=MUTED, text_anchor="end"))
    x_caption = _("Economic score →")
    y_caption = _("↑ Social score (circle area: capex)")
    parts.append(label(RIGHT, BOTTOM + 36, x_caption, size=12, text_anchor="end"))
    parts.append(label(12, 54, y_caption, size=12))
    captions = (
        (LEFT + 6, TOP + 14, "start", _("Social strength")),
        (RIGHT - 6, TOP + 14, "end", _("Strong on both")),
        (LEFT + 6, BOTTOM - 6, "start", _("Weak on both")),
        (RIGHT - 6, BOTTOM - 6, "end", _("Economic strength")),
    )
    boxes: list[Box] = [  # bubble labels keep off the axis captions too
        (RIGHT - text_width(x_caption, 12), BOTTOM + 24, RIGHT, BOTTOM + 40),
        (12, 42, 12 + text_width(y_caption, 12), 58),
    ]
    for x, y, anchor, text in captions:
        parts.append(
            label(x, y, text, size=10, fill=MUTED, font_style="italic", text_anchor=anchor)
        )
        w = text_width(text, 10)
        left = x if anchor == "start" else x - w
        boxes.append((left, y - 10, left + w, y + 2))
    return parts, boxes


def _point(point: BubblePoint) -> str:
    """A canvas and its figures, for its tooltip and the chart's description."""
    return _("%(canvas)s: economic %(economic)s, social %(social)s, capex %(capex)s") % {
        "canvas": point.label,
        "economic": f"{point.economic:.1f}",
        "social": f"{point.social:.1f}",
        "capex": money(point.capex),
    }


def _describe(shown: list[BubblePoint], left_out: int) -> str:
    parts = [
        ngettext(
            "%(count)s canvas: economic score across, social score up, circle area by capex.",
            "%(count)s canvases: economic score across, social score up, circle area by capex.",
            len(shown),
        )
        % {"count": len(shown)}
    ]
    parts += [f"{_point(p)}." for p in shown[:DESCRIBED]]
    if len(shown) > DESCRIBED:
        more = len(shown) - DESCRIBED
        parts.append(ngettext("And %(count)s more.", "And %(count)s more.", more) % {"count": more})
    if left_out:
        parts.append(
            ngettext(
                "%(count)s left out for a missing score.",
                "%(count)s left out for a missing score.",
                left_out,
            )
            % {"count": left_out}
        )
    return " ".join(parts)


def _bubble(
    point: BubblePoint, cx: float, cy: float, r: float, taken: list[Box], others: list[Box]
) -> str:
    """The circle with its tooltip and its label, inside a link when the point has one."""
    hint = _point(point)
    circle = element(
        "circle", tooltip(hint), cx=cx, cy=cy, r=r,
        fill=BLUE, fill_opacity=0.3, stroke=BLUE, stroke_width=1.5,
    )  # fmt: skip
    text = truncate(point.label, LABEL_CHARS)
    spot = place_label(
        width=text_width(text, LABEL_SIZE), height=LABEL_SIZE + 2.0, circle=(cx, cy, r),
        bounds=(2.0, 30.0, WIDTH - 2.0, HEIGHT - 2.0), labels=taken, bubbles=others,
    )  # fmt: skip
    content = circle
    if spot is not None:  # None in a crowded cluster: the tooltip and description name it
        x, y, anchor = spot
        content += label(x, y, text, size=LABEL_SIZE, text_anchor=anchor)
    # the link wraps the circle and the label, so the label is the link's accessible name
    return element("a", content, href=point.href) if point.href else content


def portfolio_bubbles(
    points: Sequence[BubblePoint],
    *,
    id_prefix: str,
    title: str | None = None,
) -> str:
    """Each scored canvas as a bubble; a bubble with a same-site href links to its canvas.

    `title` defaults to "Portfolio: economic against social score" in the active language."""
    if title is None:
        title = _("Portfolio: economic against social score")
    shown = [
        BubblePoint(p.label, e, s, max(0.0, finite(p.capex) or 0.0), safe_href(p.href))
        for p in points
        if (e := _score(p.economic)) is not None and (s := _score(p.social)) is not None
    ]
    if not shown:
        return message_chart(id_prefix=id_prefix, title=title, message=_("No scored canvas yet"))
    largest = max(p.capex for p in shown)
    # largest first, so a small bubble is never hidden under a big one; ties keep input order
    drawn = [
        (p, _x(p.economic), _y(p.social), radius(p.capex, largest))
        for p in sorted(shown, key=lambda p: -p.capex)
    ]
    circles = [box_of_circle(cx, cy, r) for _, cx, cy, r in drawn]
    frame, taken = _frame()
    body = [heading(title, WIDTH), *frame]
    for index, (point, cx, cy, r) in enumerate(drawn):
        others = circles[:index] + circles[index + 1 :]
        body.append(_bubble(point, cx, cy, r, taken, others))
    desc = _describe(shown, len(points) - len(shown))
    # With links in it the chart is no longer one image, whose parts a screen reader
    # never reaches, but a graphic whose links are reached and named by their labels.
    linked = any(point.href for point in shown)
    return document(
        id_prefix=id_prefix,
        title=title,
        desc=desc,
        width=WIDTH,
        height=HEIGHT,
        body=body,
        role="graphics-document" if linked else "img",
    )
