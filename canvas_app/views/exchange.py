"""Export, import and the library of template canvases shared between councils."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from canvas_app.forms import ImportForm
from canvas_app.models import EDIT_ROLES, Canvas, Council
from canvas_app.selectors import canvas_board
from canvas_app.services.access import ensure_member_somewhere
from canvas_app.services.exchange import (
    canvas_import,
    canvas_replicate,
    parse_import_file,
)
from canvas_app.services.export import canvas_export, cards_csv

from .errors import add_service_errors
from .scoping import my_canvas, my_council


def _attachment(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def export_json(request, pk: int):
    canvas = my_canvas(request, pk, members_only=True)
    data = json.dumps(canvas_export(canvas), indent=2, ensure_ascii=False)
    return _attachment(data, "application/json", f"canvas-{canvas.pk}.json")


@login_required
def export_csv(request, pk: int):
    canvas = my_canvas(request, pk, members_only=True)
    return _attachment(
        cards_csv(canvas), "text/csv; charset=utf-8", f"canvas-{canvas.pk}-cards.csv"
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_canvas(request, slug: str):
    council = my_council(request, slug)
    if not council.can_edit:
        raise PermissionDenied(_("Only the council's editors and admins can import canvases."))
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            data = parse_import_file(form.cleaned_data["file"].read())
            canvas = canvas_import(council=council, by=request.user, data=data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Canvas “%(title)s” imported as a new draft.") % {"title": canvas.title},
            )
            return redirect("canvas-detail", pk=canvas.pk)
    return render(
        request,
        "canvas_app/import.html",
        {"council": council, "form": form},
        status=400 if form.errors else 200,
    )


def _councils_i_edit(user):
    return Council.objects.filter(memberships__user=user, memberships__role__in=EDIT_ROLES)


@login_required
def library(request):
    """Template canvases of every council, for any signed-in council member to replicate."""
    ensure_member_somewhere(request.user)
    templates = (
        Canvas.objects.filter(is_template=True)
        .select_related("council")
        .order_by("council__name", "title")
    )
    council = request.GET.get("council")
    if council:
        templates = templates.filter(council__slug=council)
    return render(
        request,
        "canvas_app/library.html",
        {
            "templates": templates,
            "council_filter": council,
            "councils": Council.objects.filter(canvases__is_template=True).distinct(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def library_canvas(request, pk: int):
    ensure_member_somewhere(request.user)
    source = get_object_or_404(
        Canvas.objects.filter(is_template=True).select_related("council", "owner"), pk=pk
    )
    targets = _councils_i_edit(request.user).annotate(user_role=F("memberships__role"))
    if request.method == "POST":
        target = get_object_or_404(targets, slug=request.POST.get("council", ""))
        try:
            copy = canvas_replicate(source=source, council=target, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("“%(title)s” replicated into %(council)s as a new draft.")
                % {"title": source.title, "council": target.name},
            )
            return redirect("canvas-detail", pk=copy.pk)
    return render(
        request,
        "canvas_app/library_canvas.html",
        {"source": source, "board": canvas_board(source), "targets": targets},
    )
