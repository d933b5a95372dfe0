"""Lookups for the HTML views, always through the user's councils: an id from
another council is simply not found."""

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from canvas_app.models import EDIT_ROLES, MODERATOR_ROLES, Canvas, Card, Comment, Council
from canvas_app.services.access import FROZEN_STAGES


def my_council(request, slug: str) -> Council:
    councils = Council.objects.of_user(request.user).annotate(user_role=F("memberships__role"))
    council = get_object_or_404(councils, slug=slug)
    council.can_edit = council.user_role in EDIT_ROLES
    request.session["council"] = council.slug  # the council the user works in now
    return council


def my_canvas(request, pk: int, *, for_edit: bool = False, members_only: bool = False) -> Canvas:
    """The canvas, if the user's councils include it or they were invited to it; with
    for_edit, only for editors; with members_only, not for invitees."""
    canvases = Canvas.objects.with_role(request.user).select_related("council", "owner")
    canvas = get_object_or_404(canvases, pk=pk)
    canvas.can_edit = canvas.user_role in EDIT_ROLES and canvas.stage not in FROZEN_STAGES
    if for_edit and not canvas.can_edit:
        raise PermissionDenied(_("You cannot change this canvas."))
    if members_only and not canvas.is_member:
        raise PermissionDenied(_("Only members of the council can do this."))
    return canvas


def my_comment(request, pk: int) -> tuple[Comment, Canvas]:
    """A comment the user may see, with its canvas as my_canvas gives it."""
    comment = get_object_or_404(
        Comment.objects.filter(canvas__in=Canvas.objects.visible_to(request.user)).select_related(
            "author", "parent"
        ),
        pk=pk,
    )
    canvas = my_canvas(request, comment.canvas_id)
    moderator = canvas.user_role in MODERATOR_ROLES
    mine = comment.author_id == request.user.pk
    # A hidden comment still shows its place in the thread; one awaiting approval
    # does not exist yet for anyone but its author and the moderators.
    if comment.awaiting_approval and not (moderator or mine):
        raise Http404(_("No such comment."))
    comment.canvas = canvas
    return comment, canvas


def my_card(request, pk: int) -> Card:
    cards = Card.objects.visible_to(request.user).select_related("canvas__council")
    card = get_object_or_404(cards, pk=pk)
    return card


def my_canvas_child(request, model, pk: int):
    """A partner, milestone or share link, found only through the user's canvases."""
    children = model.objects.filter(canvas__in=Canvas.objects.visible_to(request.user))
    return get_object_or_404(children, pk=pk)
