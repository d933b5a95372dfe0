"""The template context of the post-implementation review: ReviewContent turned into what
`reports/_review_document.html` prints, so that the templates hold no logic."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from canvas_app import impact
from canvas_app.presentation.formatting import eur, number, years
from canvas_app.presentation.outturn import OutturnView, VarianceRow, figure_label, signed_eur

from .benefits import status_rows
from .context import Section, accent_colour
from .review_content import ReviewContent

# Marked only: each title is translated into the report's language where it is shown.
REVIEW_SECTIONS = (
    ("review-outturn", gettext_noop("1. Outturn against the appraisal")),
    ("review-variances", gettext_noop("2. Variances")),
    ("review-benefits", gettext_noop("3. Benefits realisation")),
    ("review-lessons", gettext_noop("4. Lessons learned")),
)


@dataclass(frozen=True)
class YearsVariance:
    """A variance of the outturn page, with the years it sums over."""

    years: str  # "1, 2"
    row: VarianceRow


def _variances(view: OutturnView, actuals: list[dict]) -> list[YearsVariance]:
    return [
        YearsVariance(", ".join(str(item["year"]) for item in actuals if row.field in item), row)
        for row in view.variances()
    ]


def _figures(content: ReviewContent) -> list[dict]:
    """Forecast against outturn: ENPV, FNPV, B/C and payback. The forecast's are the
    approved assessment's, optimism bias included, as the outturn's ENPV forecast is."""
    result = content.review.result
    cba = (content.review.baseline.assessment.result or {}).get("cba", {})
    return [
        {
            "label": _("Economic net present value (ENPV)"),
            "forecast": eur(result.enpv_forecast),
            "outturn": eur(result.enpv_outturn),
            "difference": signed_eur(result.enpv_outturn - result.enpv_forecast),
        },
        {
            "label": _("Financial net present value (FNPV)"),
            "forecast": eur(cba.get("fnpv")),
            "outturn": eur(result.fnpv_outturn),
            "difference": signed_eur(result.fnpv_outturn - cba["fnpv"])
            if cba.get("fnpv") is not None
            else "",
        },
        {
            "label": _("Benefit-cost ratio"),
            "forecast": number(cba.get("benefit_cost_ratio"), decimals=4),
            "outturn": number(result.bcr_outturn, decimals=4),
            "difference": "",
        },
        {
            "label": _("Simple payback"),
            "forecast": years(cba.get("simple_payback_years")),
            "outturn": years(result.payback_outturn),
            "difference": "",
        },
    ]


def _actual_rows(content: ReviewContent) -> list[dict]:
    return [
        {
            "year": row["year"],
            "values": [eur(row[field]) if field in row else "—" for field in impact.ACTUAL_FIELDS],
        }
        for row in content.review.actuals
    ]


def _outturn(content: ReviewContent) -> dict | None:
    """What the outturn page shows (presentation.outturn), with the forecast beside each
    figure; None without an appraisal to compare with."""
    if content.review.result is None:
        return None
    view = OutturnView(content.review, id_prefix="review")
    return {
        "figures": _figures(content),
        "variances": _variances(view, content.review.actuals),
        "flags": view.flags(),
        "actuals": _actual_rows(content),
        "chart": view.chart(),
    }


def review_context(content: ReviewContent, *, logo_url: str = "") -> dict[str, object]:
    """Everything `reports/_review_document.html` prints."""
    baseline = content.review.baseline
    return {
        "content": content,
        "baseline": baseline,
        "outturn": _outturn(content),
        "actual_fields": [figure_label(field) for field in impact.ACTUAL_FIELDS],
        "benefits": status_rows(content.benefits),
        "lessons": content.review.lessons_learned,
        "sections": [Section(id_, _(title)) for id_, title in REVIEW_SECTIONS],
        "logo_url": logo_url,
        "accent": accent_colour(content.council.colour),
    }


__all__ = ["REVIEW_SECTIONS", "review_context"]
