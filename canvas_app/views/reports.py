"""The business case PDF of a canvas, its share links, and the public shared page."""

from datetime import datetime, time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from canvas_app.forms import ShareLinkForm
from canvas_app.middleware import browser_language, supported
from canvas_app.models import ReportStatus, ShareLink
from canvas_app.reports.content import report_content, report_language
from canvas_app.reports.context import accent_colour
from canvas_app.reports.html import render_html
from canvas_app.services.reports import current_report, report_filename, report_request
from canvas_app.services.sharing import (
    SHARE_ROLES,
    share_link_create,
    share_link_resolve,
    share_link_revoke,
)

from .errors import add_service_errors
from .scoping import my_canvas, my_canvas_child


def _status_context(canvas, language: str) -> dict:
    return {
        "canvas": canvas,
        "report": current_report(canvas, language),
        "report_language": language,
        "languages": settings.LANGUAGES,
    }


@login_required
def report_page(request, pk: int):
    """The business case in the language asked for (?language=), the council's default
    otherwise."""
    canvas = my_canvas(request, pk)
    language = report_language(canvas, request.GET.get("language"))
    return render(request, "canvas_app/report.html", _status_context(canvas, language))


@login_required
@require_POST
def report_render(request, pk: int):
    canvas = my_canvas(request, pk)
    language = report_language(canvas, request.POST.get("language"))
    report = report_request(canvas=canvas, by=request.user, language=language)
    if report.status == ReportStatus.DONE:
        messages.success(
            request, _("The business case is ready: nothing changed since it was made.")
        )
    return redirect(f"{reverse('report', args=[canvas.pk])}?language={language}")


@login_required
def report_status(request, pk: int):
    """Polled while the PDF renders; asks htmx to reload the page once it is done."""
    canvas = my_canvas(request, pk)
    context = _status_context(canvas, report_language(canvas, request.GET.get("language")))
    report = context["report"]
    if request.htmx and (report is None or not report.is_pending):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "canvas_app/_report_status.html", context)


@login_required
def report_download(request, pk: int):
    canvas = my_canvas(request, pk)
    language = report_language(canvas, request.GET.get("language"))
    return pdf_response(current_report(canvas, language))


def pdf_response(report):
    if report is None or report.status != ReportStatus.DONE:
        raise Http404(_("The business case of this version of the canvas has not been made yet."))
    response = FileResponse(
        report.pdf.open("rb"),
        content_type="application/pdf",
        filename=report_filename(report),
        as_attachment=True,
    )
    response["Cache-Control"] = "private, max-age=0"
    return response


# Share links ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def share_links(request, pk: int):
    canvas = my_canvas(request, pk, members_only=True)
    can_share = canvas.user_role in SHARE_ROLES
    form = ShareLinkForm(request.POST or None)
    new_token = None
    if request.method == "POST":
        if not can_share:
            raise PermissionDenied(_("Only editors, approvers and admins can share a canvas."))
        if form.is_valid():
            try:
                link, new_token = share_link_create(
                    canvas=canvas,
                    by=request.user,
                    label=form.cleaned_data["label"],
                    expires_at=_end_of_day(form.cleaned_data["expires_on"]),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                form = ShareLinkForm()
    links = canvas.share_links.select_related("created_by")
    return render(
        request,
        "canvas_app/share_links.html",
        {
            "canvas": canvas,
            "form": form,
            "links": links,
            "can_share": can_share,
            "new_link": request.build_absolute_uri(f"/s/{new_token}/") if new_token else None,
            "now": timezone.now(),
        },
        status=400 if form.errors else 200,
    )


def _end_of_day(day) -> datetime | None:
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time.max))


@login_required
@require_POST
def share_link_revoke_view(request, pk: int):
    link = my_canvas_child(request, ShareLink, pk)  # the service requires a share role
    share_link_revoke(link=link, by=request.user)
    messages.success(request, _("The link no longer works."))
    return redirect("share-links", pk=link.canvas_id)


# The public side: no account, nothing but the report -----------------------


def _shared(token: str) -> ShareLink:
    link = share_link_resolve(token)
    if link is None:
        raise Http404(_("This link does not exist, has been revoked or has expired."))
    return link


def _noindex(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response


def share_language(request, council) -> str:
    """A share page speaks the visitor's language (the switcher's, else the browser's),
    else the council's default."""
    return (
        supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
        or browser_language(request)
        or council.default_language
    )


@never_cache
def shared_report(request, token: str):
    link = _shared(token)
    language = share_language(request, link.canvas.council)
    translation.activate(language)  # the middleware put it back after the answer
    request.LANGUAGE_CODE = language
    content = report_content(link.canvas, language)
    logo_url = reverse("shared-logo", args=[token]) if link.canvas.council.logo else ""
    document = render_html(content, standalone=False, logo_url=logo_url)
    response = render(
        request,
        "reports/shared.html",
        {"content": content, "document": document, "token": token},
    )
    return _noindex(response)


@never_cache
def shared_theme(request, token: str):
    """The council's colour for the shared page (the CSP allows no inline style)."""
    link = _shared(token)
    colour = accent_colour(link.canvas.council.colour)
    css = f":root {{ --council-colour: {colour}; }}\n.report {{ --accent: {colour}; }}\n"
    return _noindex(HttpResponse(css, content_type="text/css"))


@never_cache
def shared_logo(request, token: str):
    link = _shared(token)
    logo = link.canvas.council.logo
    if not logo:
        raise Http404(_("No logo."))
    return _noindex(FileResponse(logo.open("rb")))


@never_cache
def shared_report_pdf(request, token: str):
    link = _shared(token)
    language = share_language(request, link.canvas.council)
    translation.activate(language)
    request.LANGUAGE_CODE = language
    report = report_request(canvas=link.canvas, by=None, language=language)
    if report.status != ReportStatus.DONE:
        response = render(request, "reports/shared_pending.html", {"token": token}, status=503)
        response["Retry-After"] = "5"
        return _noindex(response)
    return _noindex(pdf_response(report))
