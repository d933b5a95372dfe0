"""The business case and the post-implementation review as PDFs (WeasyPrint)."""

from dataclasses import dataclass
from urllib.parse import quote

from weasyprint import HTML, Document

from .content import ReportContent
from .fetcher import LOGO_PREFIX, REPORT_BASE_URL, ReportFetcher
from .html import render_html, render_review_html
from .layout import SMALLEST_FIT, canvas_fit
from .review_content import ReviewContent

# No presentational hints: the templates style everything through report.css, and
# the hints stylesheet would only cost matching time.
PDF_OPTIONS = {"optimize_images": True, "presentational_hints": False}
MAX_FIT_RETRIES = 2  # each retry is a whole layout, about a second


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int


def _pdf_logo_url(content: ReportContent | ReviewContent) -> str:
    name = content.council.logo.name
    if not name or not name.startswith("logos/"):
        return ""
    return LOGO_PREFIX + quote(name.removeprefix("logos/"))


def _landscape_pages(document: Document) -> int:
    return sum(1 for page in document.pages if page.width > page.height)


def _layout(content: ReportContent, fit: int) -> Document:
    html = render_html(content, standalone=True, logo_url=_pdf_logo_url(content), fit=fit)
    fetcher = ReportFetcher(logo=content.council.logo.name or None)
    return HTML(string=html, base_url=REPORT_BASE_URL, url_fetcher=fetcher).render(**PDF_OPTIONS)


def render_pdf(content: ReportContent) -> RenderedPdf:
    """Render the business case; the canvas is kept on one landscape page if it can be."""
    fit = canvas_fit(content.board)
    index = fit.index
    document = _layout(content, index)
    # The fit is an estimate: should the canvas spill onto a second page all the same,
    # lay the document out again with smaller type, a bounded number of times.
    retries = MAX_FIT_RETRIES if fit.one_page else 0
    while retries and index < SMALLEST_FIT and _landscape_pages(document) > 1:
        retries -= 1
        index += 1
        document = _layout(content, index)
    return RenderedPdf(data=document.write_pdf(**PDF_OPTIONS), pages=len(document.pages))


def render_review_pdf(content: ReviewContent) -> RenderedPdf:
    """Render the post-implementation review: no canvas page, so one layout does."""
    html = render_review_html(content, logo_url=_pdf_logo_url(content))
    fetcher = ReportFetcher(logo=content.council.logo.name or None)
    document = HTML(string=html, base_url=REPORT_BASE_URL, url_fetcher=fetcher).render(
        **PDF_OPTIONS
    )
    return RenderedPdf(data=document.write_pdf(**PDF_OPTIONS), pages=len(document.pages))


__all__ = ["RenderedPdf", "render_pdf", "render_review_pdf"]
