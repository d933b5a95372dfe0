"""Where to put a bubble's label so that it stays inside the chart and off its neighbours.

A greedy choice among four spots is enough for a council's few dozen canvases, and it is
deterministic: the same bubbles in the same order always get the same spots.
"""

from collections.abc import Sequence

Box = tuple[float, float, float, float]  # left, top, right, bottom


def box_of_circle(cx: float, cy: float, r: float, margin: float = 3.0) -> Box:
    """The circle's box with a margin: a label touching another bubble seems to name it."""
    return (cx - r - margin, cy - r - margin, cx + r + margin, cy + r + margin)


def overlaps(box: Box, others: Sequence[Box]) -> bool:
    return any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3] for o in others)


def place_label(
    *,
    width: float,
    height: float,
    circle: tuple[float, float, float],
    bounds: Box,
    labels: list[Box],
    bubbles: Sequence[Box],
) -> tuple[float, float, str] | None:
    """The (x, baseline y, text-anchor) of a label `width` × `height` beside `circle`.

    Tries right, left, above, below, then the four diagonals: first a spot clear of both
    the labels placed so far and the other bubbles, then one clear of labels only (a label
    over a translucent bubble still reads). None when every spot would overprint a label:
    the caller then leaves the label out, since the bubble's tooltip and the chart's
    description still name it, and overprinted text helps nobody.
    Records the chosen box in `labels`.
    """
    cx, cy, r = circle
    w, h, gap, d = width, height, 4.0, circle[2] * 0.71
    spots = (  # text-anchor, then the left and top of the label's box
        ("start", cx + r + gap, cy - h / 2),
        ("end", cx - r - gap - w, cy - h / 2),
        ("middle", cx - w / 2, cy - r - gap - h),
        ("middle", cx - w / 2, cy + r + gap),
        ("start", cx + d + gap / 2, cy - d - h),
        ("start", cx + d + gap / 2, cy + d),
        ("end", cx - d - gap / 2 - w, cy - d - h),
        ("end", cx - d - gap / 2 - w, cy + d),
    )
    boxes = [(anchor, (left, top, left + w, top + h)) for anchor, left, top in spots]
    inside = [(a, b) for a, b in boxes if _within(b, bounds)]
    clear = [(a, b) for a, b in inside if not overlaps(b, labels)]
    if not clear:
        return None
    anchor, box = next(((a, b) for a, b in clear if not overlaps(b, bubbles)), clear[0])
    labels.append(box)
    x = {"start": box[0], "middle": box[0] + w / 2, "end": box[2]}[anchor]
    return x, box[3] - 3.0, anchor  # the baseline sits 3 px above the box's bottom


def _within(box: Box, bounds: Box) -> bool:
    return (
        box[0] >= bounds[0] and box[1] >= bounds[1] and box[2] <= bounds[2] and box[3] <= bounds[3]
    )
