"""Shared pieces of the SVG charts: escaping, number formatting, elements and the root.

The charts must look the same inlined in a browser and in a WeasyPrint PDF, so they use
presentation attributes on plain SVG 1.1 elements, never CSS, scripts or web fonts.
"""

import html
import math
import re
from collections.abc import Sequence

from django.utils.translation import gettext as _

INK = "#0b0c0c"  # text: about 19:1 against white
MUTED = "#505a5f"  # secondary text: about 7:1 against white, AA even at 10 px
GRID = "#b1b4b6"
TRACK = "#f3f2f1"
BLUE, GREEN, PINK, ORANGE, GREY = "#1d70b8", "#00703c", "#d53880", "#d9621a", "#505a5f"
FONT = "sans-serif"  # generic family only: no font files to fetch or embed
CHAR_WIDTH = 0.62  # average advance of a sans-serif glyph (DejaVu Sans is wide), in em

MINUS = "\u2212"  # a real minus sign reads better than a hyphen in figures
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def esc(value: object) -> str:
    """Escape anything that may come from a user, for text content and attribute values."""
    return html.escape(str(value), quote=True)


def finite(value: object) -> float | None:
    """A plain float, or None for anything that cannot be drawn: None, NaN, inf, a bool, text.

    Stored assessments hold None where the engine produced a non-finite figure."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def num(value: float) -> str:
    """A coordinate with at most two decimals, so equal input gives byte-identical output."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def text_width(text: str, font_size: float) -> float:
    return len(text) * font_size * CHAR_WIDTH


def truncate(text: str, limit: int) -> str:
    """Shorten to at most `limit` characters, ending with an ellipsis when cut."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


_UNITS = ((1e9, " bn"), (1e6, " M"), (1e3, " k"), (1.0, ""))


def _unit(suffix: str) -> str:
    """The short word for thousands, millions or billions after an amount, translated."""
    if suffix == " bn":
        # Translators: billions (10^9), abbreviated after an amount: "€1.2 bn".
        return " " + _("bn")
    return suffix


def money(value: float | None) -> str:
    """Compact EUR with three significant figures: €3.65 M, −€441 k, €950; n/a if unknown."""
    if value is None or not math.isfinite(value):
        return _("n/a")
    magnitude = abs(value)
    index = next((i for i, (unit, _) in enumerate(_UNITS) if magnitude >= unit), len(_UNITS) - 1)
    unit, suffix = _UNITS[index]
    scaled = magnitude / unit
    digits = 0 if unit == 1.0 else 2 if scaled < 10 else 1 if scaled < 100 else 0
    figure = f"{scaled:.{digits}f}"
    if float(figure) >= 1000 and index > 0:  # 999,700 rounds to "1000 k": say "1 M"
        unit, suffix = _UNITS[index - 1]
        figure = f"{magnitude / unit:.2f}"
    figure = figure.rstrip("0").rstrip(".") if "." in figure else figure
    sign = MINUS if value < 0 and float(figure) != 0 else ""
    return f"{sign}\u20ac{figure}{_unit(suffix)}"


def nice_ticks(low: float, high: float) -> list[float]:
    """Four to six round tick values covering [low, high], steps of 1, 2, 2.5 or 5 × 10^k."""
    if high <= low:
        low, high = low - 1, high + 1
    best: tuple[float, list[float]] | None = None
    for exponent in range(0, 16):  # whole euros and up: the charts never need cents
        for mantissa in (1, 2, 2.5, 5):
            step = mantissa * 10**exponent
            first, last = math.floor(low / step), math.ceil(high / step)
            if last - first > 20:  # far too many ticks: skip before building the list
                continue
            ticks = [i * step for i in range(first, last + 1)]
            penalty = abs(len(ticks) - 5) + (0 if 4 <= len(ticks) <= 6 else 10)
            if best is None or penalty < best[0]:
                best = (penalty, ticks)
    assert best is not None
    return best[1]


def element(tag: str, content: str = "", **attributes: object) -> str:
    """One element; `font_size=` becomes `font-size=`, values are escaped, None is dropped."""
    attrs = "".join(
        f' {name.rstrip("_").replace("_", "-")}="{esc(num(v) if isinstance(v, float) else v)}"'
        for name, v in attributes.items()
        if v is not None
    )
    return f"<{tag}{attrs}>{content}</{tag}>" if content else f"<{tag}{attrs}/>"


def label(x: float, y: float, content: str, *, size: float = 12, **attributes: object) -> str:
    """A line of escaped text; `y` is the baseline."""
    return element("text", esc(content), x=float(x), y=float(y), font_size=size, **attributes)


def tooltip(content: str) -> str:
    return f"<title>{esc(content)}</title>"


def document(
    *,
    id_prefix: str,
    title: str,
    desc: str,
    width: int,
    height: int,
    body: Sequence[str],
    role: str = "img",
) -> str:
    """The root <svg>, named for assistive technology by its own <title> and <desc>: an
    image, or a "graphics-document" when it holds links (an image's parts are hidden)."""
    if not _ID.fullmatch(id_prefix):  # it becomes an XML id and an aria-labelledby token
        raise ValueError(f"id_prefix must match {_ID.pattern}, got {id_prefix!r}")
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="{role}" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="{FONT}" fill="{INK}">'
        f'<title id="{title_id}">{esc(title)}</title><desc id="{desc_id}">{esc(desc)}</desc>'
    )
    return head + "".join(body) + "</svg>"


def heading(title: str, width: int) -> str:
    """The visible title, cut to the chart's width so a long canvas name cannot overflow."""
    limit = max(8, int((width - 24) / (15 * CHAR_WIDTH)))
    return label(12, 22, truncate(title, limit), size=15, font_weight="bold")


def message_chart(*, id_prefix: str, title: str, message: str) -> str:
    """A small placeholder, still a named image, for when there is nothing to draw."""
    width = min(640, max(360, int(text_width(title, 15) + 40)))
    body = [
        element("rect", x=0.5, y=0.5, width=width - 1, height=79, fill="#ffffff", stroke=GRID),
        heading(title, width),
        label(12, 56, message, size=13, fill=MUTED),
    ]
    return document(
        id_prefix=id_prefix, title=title, desc=message, width=width, height=80, body=body
    )
