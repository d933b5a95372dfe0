"""Card editing on the canvas page: plain forms that work without JavaScript,
answered with the re-rendered block when the request comes from htmx."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from canvas_app.forms import CardDeleteForm, CardEditForm, CardForm, CardMoveForm
from canvas_app.framework import BLOCKS_BY_KEY
from canvas_app.models import CardHistory
from canvas_app.services.cards import (
    CardConflict,
    card_create,
    card_delete,
    card_move,
    card_update,
)

from .board import page_board
from .errors import add_service_errors
from .scoping import my_canvas, my_card


def _after_change(request, canvas, block_key: str, *, keep_adding: bool = False):
    """htmx gets the block (and the completeness bar) again; a plain form, a redirect.

    After an added card the add form stays open, so several cards go in quickly.
    """
    if not request.htmx:
        return redirect(reverse("canvas-detail", args=[canvas.pk]) + f"#block-{block_key}")
    board, state = page_board(request, canvas)
    response = render(
        request,
        "canvas_app/_block_changed.html",
        {
            "canvas": canvas,
            "entry": board.block(block_key),
            "board": board,
            "keep_adding": keep_adding,
            "state": state,
        },
    )
    # Whatever the form targeted (a card, the add form), the whole block is new now.
    response["HX-Retarget"] = f"#block-{block_key}"
    response["HX-Reswap"] = "outerHTML"
    return response


def _form_page(request, template: str, context: dict, *, status: int = 200):
    """The form alone (inline, for htmx) or inside a full page."""
    name = f"canvas_app/_{template}.html" if request.htmx else f"canvas_app/{template}.html"
    return render(request, name, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def card_new(request, pk: int, block: str):
    canvas = my_canvas(request, pk, for_edit=True)
    if block not in BLOCKS_BY_KEY:
        raise Http404(_("No such block."))
    form = CardForm(request.POST or None, auto_id=f"new-{block}-%s")
    if request.method == "POST" and form.is_valid():
        try:
            card_create(canvas=canvas, by=request.user, block=block, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _after_change(request, canvas, block, keep_adding=True)
    context = {
        "canvas": canvas,
        "block": BLOCKS_BY_KEY[block],
        "form": form if form.is_bound else None,
        "add_url": request.path,
    }
    return _form_page(request, "card_new", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def card_edit(request, pk: int):
    card = my_card(request, pk)
    canvas = my_canvas(request, card.canvas_id, for_edit=True)
    initial = {field: getattr(card, field) for field in ("text", "tag", "colour", "evidence")}
    form = CardEditForm(
        request.POST or None, initial={**initial, "version": card.version}, auto_id=f"card-{pk}-%s"
    )
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            card_update(
                card=card, by=request.user, based_on_version=form.cleaned_data["version"], **changes
            )
        except CardConflict as conflict:
            return _conflict(request, canvas, conflict)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not request.htmx:
                messages.success(request, _("Card saved."))
            return _after_change(request, canvas, card.block)
    context = {"canvas": canvas, "card": card, "form": form}
    return _form_page(request, "card_edit", context, status=400 if form.errors else 200)


def _conflict(request, canvas, conflict: CardConflict):
    """Both texts side by side; the user keeps one or merges them."""
    current, mine = conflict.current, conflict.attempted
    merged = f"{current.text}\n\n{mine['text']}" if current.text != mine["text"] else current.text
    form = CardEditForm(
        initial={**mine, "text": merged, "version": current.version},
        auto_id=f"card-{current.pk}-%s",
    )
    context = {"canvas": canvas, "card": current, "mine": mine, "form": form}
    return _form_page(request, "card_conflict", context, status=409)


@login_required
@require_POST
def card_remove(request, pk: int):
    card = my_card(request, pk)
    canvas = my_canvas(request, card.canvas_id)
    form = CardDeleteForm(request.POST)
    version = form.cleaned_data.get("version") if form.is_valid() else None
    try:
        card_delete(card=card, by=request.user, based_on_version=version)
    except CardConflict as conflict:
        messages.error(
            request, _("This card changed since you opened the page; it was not deleted.")
        )
        return _conflict(request, canvas, conflict)
    if not request.htmx:
        messages.success(request, _("Card deleted."))
    return _after_change(request, canvas, card.block)


@login_required
@require_POST
def card_reorder(request, pk: int):
    card = my_card(request, pk)
    canvas = my_canvas(request, card.canvas_id)
    form = CardMoveForm(request.POST)
    if not form.is_valid():
        return render(request, "canvas_app/bad_request.html", {"form": form}, status=400)
    card_move(card=card, by=request.user, block=card.block, position=form.cleaned_data["position"])
    return _after_change(request, canvas, card.block)


@login_required
def card_history(request, pk: int):
    card = my_card(request, pk)
    canvas = my_canvas(request, card.canvas_id)
    entries = CardHistory.objects.filter(card_ref=card.pk).select_related("by")
    return render(
        request,
        "canvas_app/card_history.html",
        {"canvas": canvas, "card": card, "entries": entries, "block": BLOCKS_BY_KEY[card.block]},
    )
