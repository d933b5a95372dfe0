from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from canvas_app.examples import EXAMPLE_CHOICES, EXAMPLES
from canvas_app.filters import CanvasFilter
from canvas_app.forms import CanvasCreateForm, CanvasEditForm
from canvas_app.models import Canvas
from canvas_app.services.canvases import (
    canvas_create,
    canvas_delete,
    canvas_update,
)
from canvas_app.services.exchange import canvas_create_from_example
from canvas_app.services.lifecycle import allowed_moves

from .board import page_board
from .errors import add_service_errors
from .scoping import my_canvas, my_council

PAGE_SIZE = 20


@login_required
def canvas_list(request, slug: str):
    council = my_council(request, slug)
    canvases = (
        Canvas.objects.filter(council=council)
        .select_related("owner")
        .order_by("-updated_at", "-id")
    )
    filtered = CanvasFilter(request.GET or None, queryset=canvases)
    page = Paginator(filtered.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "canvas_app/canvas_list.html",
        {
            "council": council,
            "filter": filtered,
            "page": page,
            "query": query.urlencode(),
            "filtering": any(request.GET.get(k) for k in ("q", "sector", "stage")),
            "total": canvases.count(),
            "examples": EXAMPLE_CHOICES,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def canvas_new(request, slug: str):
    council = my_council(request, slug)
    form = CanvasCreateForm(
        request.POST or None,
        initial={"start_from": request.GET.get("from"), "language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["start_from"]:
                canvas = canvas_create_from_example(
                    council=council,
                    by=request.user,
                    example=EXAMPLES[data["start_from"]],
                    title=data["title"] or None,
                )
            else:
                canvas = canvas_create(
                    council=council,
                    by=request.user,
                    title=data["title"],
                    summary=data["summary"],
                    sector=data["sector"],
                    language=data["language"] or None,
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Canvas “%(title)s” created.") % {"title": canvas.title})
            return redirect("canvas-detail", pk=canvas.pk)
    status = 400 if form.errors else 200
    return render(
        request, "canvas_app/canvas_new.html", {"council": council, "form": form}, status=status
    )


@login_required
def canvas_detail(request, pk: int):
    canvas = my_canvas(request, pk)
    board, state = page_board(request, canvas)
    return render(
        request,
        "canvas_app/canvas_detail.html",
        {
            "canvas": canvas,
            "board": board,
            "state": state,
            "moves": allowed_moves(canvas, canvas.user_role),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def canvas_edit(request, pk: int):
    canvas = my_canvas(request, pk, for_edit=True)
    initial = {
        "title": canvas.title,
        "summary": canvas.summary,
        "sector": canvas.sector,
        "language": canvas.language,
        "is_template": canvas.is_template,
    }
    form = CanvasEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changes = {k: v for k, v in form.cleaned_data.items() if v or k != "language"}
            canvas_update(canvas=canvas, by=request.user, **changes)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Canvas details saved."))
            return redirect("canvas-detail", pk=canvas.pk)
    status = 400 if form.errors else 200
    return render(
        request, "canvas_app/canvas_edit.html", {"canvas": canvas, "form": form}, status=status
    )


@login_required
@require_POST
def canvas_remove(request, pk: int):
    canvas = my_canvas(request, pk)
    council_slug, title = canvas.council.slug, canvas.title
    try:
        canvas_delete(canvas=canvas, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("canvas-detail", pk=canvas.pk)
    messages.success(request, _("Canvas “%(title)s” deleted.") % {"title": title})
    return redirect("canvas-list", slug=council_slug)


@login_required
def canvas_delete_confirm(request, pk: int):
    canvas = my_canvas(request, pk, for_edit=True)
    return render(request, "canvas_app/canvas_delete.html", {"canvas": canvas})
