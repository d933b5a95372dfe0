"""Lookups for the HTML views, always through the user's councils: an id from
another council is simply not found."""

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404

from canvas_app.models import EDIT_ROLES, Canvas, Card, Council
from canvas_app.services.access import FROZEN_STAGES


def my_council(request, slug: str) -> Council:
    councils = Council.objects.of_user(request.user).annotate(user_role=F("memberships__role"))
    council = get_object_or_404(councils, slug=slug)
    council.can_edit = council.user_role in EDIT_ROLES
    request.session["council"] = council.slug  # the council the user works in now
    return council


def my_canvas(request, pk: int, *, for_edit: bool = False) -> Canvas:
    """The canvas, if the user's councils include it; with for_edit, only for editors."""
    canvases = Canvas.objects.with_role(request.user).select_related("council", "owner")
    canvas = get_object_or_404(canvases, pk=pk)
    canvas.can_edit = canvas.user_role in EDIT_ROLES and canvas.stage not in FROZEN_STAGES
    if for_edit and not canvas.can_edit:
        raise PermissionDenied("You cannot change this canvas.")
    return canvas


def my_card(request, pk: int) -> Card:
    cards = Card.objects.visible_to(request.user).select_related("canvas__council")
    card = get_object_or_404(cards, pk=pk)
    return card


def my_canvas_child(request, model, pk: int):
    """A partner, milestone or share link, found only through the user's canvases."""
    children = model.objects.filter(canvas__in=Canvas.objects.visible_to(request.user))
    return get_object_or_404(children, pk=pk)
