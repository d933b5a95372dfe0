"""The business case as HTML: the web page's fragment, or the document WeasyPrint lays out;
and the post-implementation review's document.

Kept apart from the PDF renderer so that web processes never import WeasyPrint.
"""

from django.template.loader import render_to_string
from django.utils import translation

from .content import ReportContent
from .context import report_context
from .review_content import ReviewContent
from .review_context import review_context

DOCUMENT_TEMPLATE = "reports/business_case.html"
FRAGMENT_TEMPLATE = "reports/_document.html"
REVIEW_TEMPLATE = "reports/review.html"


def render_html(
    content: ReportContent, *, standalone: bool, logo_url: str = "", fit: int | None = None
) -> str:
    """The business case as a whole HTML document (`standalone`) or as the fragment a
    web page includes. `logo_url` says where that page serves the council's logo.

    It is written in the content's language, whatever the worker or page speaks."""
    with translation.override(content.language):
        context = report_context(content, logo_url=logo_url, fit=fit)
        return render_to_string(DOCUMENT_TEMPLATE if standalone else FRAGMENT_TEMPLATE, context)


def render_review_html(content: ReviewContent, *, logo_url: str = "") -> str:
    """The post-implementation review as a whole HTML document, in its content's language."""
    with translation.override(content.language):
        return render_to_string(REVIEW_TEMPLATE, review_context(content, logo_url=logo_url))
