"""Server-side SVG charts: plain data in, an accessible SVG 1.1 string out.

Pure functions that import nothing of Django but its translation functions (the words
are in the active language): the same string is inlined in HTML pages (the caller
marks it safe) and drawn by WeasyPrint in PDF reports. Every user-supplied text is escaped
here, and the same input always gives byte-identical output.
"""

from .benefits import benefit_chart
from .options import EnpvBar, enpv_bars
from .outturn import cumulative_net_flow
from .portfolio import BubblePoint, portfolio_bubbles
from .scores import score_bars
from .svg import money
from .tornado import tornado

__all__ = [
    "BubblePoint",
    "EnpvBar",
    "benefit_chart",
    "cumulative_net_flow",
    "enpv_bars",
    "money",
    "portfolio_bubbles",
    "score_bars",
    "tornado",
]
