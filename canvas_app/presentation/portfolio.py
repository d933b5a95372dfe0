from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from canvas_app import charts


def portfolio_rows(canvases) -> list:
    """Canvases annotated by `with_latest_scores`, evaluated once."""
    return list(canvases)


def portfolio_chart(rows: list) -> SafeString:
    points = [
        charts.BubblePoint(
            label=canvas.title,
            economic=canvas.economic,
            social=canvas.social,
            capex=canvas.capex or 0.0,
            href=reverse("impact-results", args=[canvas.pk]),
        )
        for canvas in rows
        if canvas.economic is not None and canvas.social is not None
    ]
    return mark_safe(charts.portfolio_bubbles(points, id_prefix="portfolio"))
