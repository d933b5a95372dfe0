"""The post-implementation review PDF, from the outturn page: ask for it, follow it while
the worker renders it, download it. The panel is templates/canvas_app/outturn/_review_pdf.html;
the outturn page includes it with review_pdf_context."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canvas_app.models import Canvas, ReportStatus
from canvas_app.reports.content import report_language
from canvas_app.services.reports import current_review_report, review_report_request

from .reports import pdf_response
from .scoping import my_canvas

PANEL = "canvas_app/outturn/_review_pdf.html"


def review_pdf_context(canvas: Canvas, language: str | None) -> dict:
    """What the panel shows: today's review in a language (the council's default unless
    asked), whatever its status."""
    language = report_language(canvas, language)
    return {
        "review_report": current_review_report(canvas, language),
        "review_language": language,
        "languages": settings.LANGUAGES,
    }


def _panel(request, canvas: Canvas, language: str | None):
    return render(request, PANEL, {"canvas": canvas, **review_pdf_context(canvas, language)})


@login_required
@require_POST
def review_pdf_render(request, pk: int):
    canvas = my_canvas(request, pk)
    language = report_language(canvas, request.POST.get("language"))
    report = review_report_request(canvas=canvas, by=request.user, language=language)
    if request.htmx:  # the panel swaps itself, then polls while the worker renders
        return _panel(request, canvas, language)
    if report.status == ReportStatus.DONE:
        messages.success(
            request, _("The review is ready: nothing it shows changed since it was made.")
        )
    return redirect(f"{reverse('outturn', args=[canvas.pk])}?language={language}#review-pdf")


@login_required
def review_pdf_status(request, pk: int):
    """Polled while the PDF renders; the panel stops polling once it is done or failed."""
    canvas = my_canvas(request, pk)
    return _panel(request, canvas, request.GET.get("language"))


@login_required
def review_pdf_download(request, pk: int):
    canvas = my_canvas(request, pk)
    report = current_review_report(canvas, report_language(canvas, request.GET.get("language")))
    if report is None or report.status != ReportStatus.DONE:
        raise Http404(_("The post-implementation review as it stands today has not been made yet."))
    return pdf_response(report)
