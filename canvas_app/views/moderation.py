"""The moderation queue of a council: reported comments, comments waiting for
approval, and those hidden."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canvas_app.selectors.review import hidden_comments, moderation_queue
from canvas_app.services.moderation import reports_dismiss

from .scoping import my_comment, my_council

PER_PAGE = 25


@login_required
def queue(request, slug: str):
    council = my_council(request, slug)
    if not council.can_edit:
        raise PermissionDenied(_("Only the council's editors and admins moderate comments."))
    page = Paginator(moderation_queue(council), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "canvas_app/review/moderation.html",
        {"council": council, "page": page, "hidden": hidden_comments(council)[:50]},
    )


@login_required
@require_POST
def dismiss(request, pk: int):
    comment, canvas = my_comment(request, pk)
    reports_dismiss(comment=comment, by=request.user, reason=request.POST.get("reason", ""))
    messages.success(request, _("Reports dismissed: the comment stays as it is."))
    return redirect("moderation", slug=canvas.council.slug)
