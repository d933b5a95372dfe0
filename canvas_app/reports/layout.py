"""How large the cards' type can be for the whole canvas to fit its landscape page.

WeasyPrint cannot shrink text to fit, and laying the document out once per trial size
would cost a second or more each time. So the height of the canvas is estimated from
its cards' text, with the geometry of the print rules in report.css (keep the two in
step), and the largest type size whose estimate fits is chosen. The renderer still
checks the result and steps down should the estimate have been too hopeful.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from canvas_app.selectors import Board

MM_PER_PT = 25.4 / 72

# Card type sizes in pt, largest first; a fit is an index into this tuple, and the
# `canvas-fit-N` classes of report.css set the same sizes.
FIT_SIZES_PT = (7.5, 7.0, 6.5, 6.0, 5.5, 5.0)
SMALLEST_FIT = len(FIT_SIZES_PT) - 1
# A canvas too full for one page even at the smallest size runs over several pages:
# then it might as well be printed at a size that is comfortable to read.
OVERFLOW_FIT = 3

# The page: A4 landscape less its margins, the heading and the legend (mm).
AVAILABLE_HEIGHT_MM = 210 - 13 - 11 - 12
SAFETY_MM = 6  # the estimate is rough: leave room rather than spill onto a second page
BAND_GAP_MM = 1.5
LINE_HEIGHT = 1.22
# DejaVu Sans averages about half an em per character in running text; a little more
# allows for the space a line loses when its last word does not fit.
CHAR_EM = 0.53

AREA_BORDER_MM = 0.6 * MM_PER_PT
BLOCK_PADDING_MM = (1.0, 1.2)  # vertical, horizontal
CARD_PADDING_MM = (0.4, 1.0 + 1.6 * MM_PER_PT + 0.8)  # vertical, horizontal incl. stripe
CARD_MARGIN_MM = 0.8
GROUP_PT, TITLE_PT, TITLE_GAP_MM = 5.5, 8.0, 0.8
MARKER_CHARS = 3  # the evidence letter in its box, and a space

# Column widths in mm and how many cards sit side by side, per block area.
MAIN_COLUMN_MM = 54.2
WIDE_CARD_MM = 66.0
AREAS: dict[str, tuple[float, int]] = {
    "value": (MAIN_COLUMN_MM, 1),
    "partners": (MAIN_COLUMN_MM, 1),
    "activities": (MAIN_COLUMN_MM, 1),
    "resources": (MAIN_COLUMN_MM, 1),
    "engagement": (MAIN_COLUMN_MM, 1),
    "deployment": (MAIN_COLUMN_MM, 1),
    "beneficiaries": (MAIN_COLUMN_MM, 1),
    "governance": (277.0, 4),
    "costs": (137.75, 2),
    "funding": (137.75, 2),
    "economic": (91.33, 1),
    "environmental": (91.33, 1),
    "social": (91.33, 1),
}
# The areas' min-heights in report.css.
TOP_MIN_HEIGHT_MM = 80
LOWER_MIN_HEIGHT_MM = 20


def _lines(chars: int, width_mm: float, size_pt: float) -> int:
    per_line = max(1, int(width_mm / (CHAR_EM * size_pt * MM_PER_PT)))
    return max(1, math.ceil(chars / per_line))


def _card_height(text: str, tag: str, width_mm: float, size_pt: float) -> float:
    chars = len(" ".join(text.split())) + MARKER_CHARS + (len(tag) + 2 if tag else 0)
    text_width = width_mm - CARD_PADDING_MM[1]
    lines = _lines(chars, text_width, size_pt)
    return lines * size_pt * LINE_HEIGHT * MM_PER_PT + 2 * CARD_PADDING_MM[0] + CARD_MARGIN_MM


def block_height(title: str, cards: Sequence, area: str, size_pt: float) -> float:
    """The estimated height in mm of one block with its cards at one type size."""
    width, columns = AREAS[area]
    inner = width - 2 * (BLOCK_PADDING_MM[1] + AREA_BORDER_MM)
    title_lines = _lines(len(title) + 10, inner, TITLE_PT)  # room for an impact score
    heading = (GROUP_PT + title_lines * TITLE_PT) * LINE_HEIGHT * MM_PER_PT + TITLE_GAP_MM
    card_width = min(inner, WIDE_CARD_MM) if columns > 1 else inner
    heights = [_card_height(card.text, card.tag, card_width, size_pt) for card in cards]
    # Side-by-side cards: each row is as tall as its tallest card.
    rows = [max(heights[i : i + columns]) for i in range(0, len(heights), columns)]
    body = sum(rows) if rows else size_pt * LINE_HEIGHT * MM_PER_PT + CARD_MARGIN_MM
    return heading + body + 2 * (BLOCK_PADDING_MM[0] + AREA_BORDER_MM)


def canvas_height(board: Board, size_pt: float) -> float:
    """The estimated height in mm of the three bands of the canvas page."""
    heights = {
        entry.block.area: block_height(
            str(entry.block.title), entry.cards, entry.block.area, size_pt
        )
        for entry in board.blocks
    }
    top = max(
        TOP_MIN_HEIGHT_MM,
        heights["partners"],
        heights["activities"] + heights["resources"],
        heights["value"],
        heights["engagement"] + heights["deployment"],
        heights["beneficiaries"],
    )
    governance = max(LOWER_MIN_HEIGHT_MM, heights["governance"])
    capture = max(LOWER_MIN_HEIGHT_MM, heights["costs"], heights["funding"])
    impact = max(
        LOWER_MIN_HEIGHT_MM, heights["economic"], heights["environmental"], heights["social"]
    )
    return top + governance + capture + impact + 4 * BAND_GAP_MM


@dataclass(frozen=True)
class CanvasFit:
    index: int  # into FIT_SIZES_PT: the card type size
    one_page: bool  # whether the canvas is expected to fit one page at that size


def canvas_fit(board: Board) -> CanvasFit:
    """The largest card type size at which the canvas is expected to fit its page."""
    for index, size in enumerate(FIT_SIZES_PT):
        if canvas_height(board, size) <= AVAILABLE_HEIGHT_MM - SAFETY_MM:
            return CanvasFit(index, one_page=True)
    return CanvasFit(OVERFLOW_FIT, one_page=False)


__all__ = ["FIT_SIZES_PT", "SMALLEST_FIT", "CanvasFit", "canvas_fit", "canvas_height"]
