"""Comments on the canvas: the thread list with its filters, a thread, and the actions
on a comment. Plain forms that work without JavaScript; an htmx request gets the
thread back instead of a redirect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from canvas_app.forms.review import (
    CommentEditForm,
    CommentForm,
    ReasonForm,
    ReplyForm,
    ResolveForm,
    ThreadFilterForm,
)
from canvas_app.models import Stance
from canvas_app.selectors.review import (
    Viewer,
    open_thread_counts,
    thread_queryset,
    thread_views,
)
from canvas_app.services.comments import (
    CommentingClosed,
    comment_create,
    comment_delete,
    comment_edit,
    ensure_can_edit_comment,
    thread_reopen,
    thread_resolve,
    why_cannot_comment,
)
from canvas_app.services.moderation import (
    comment_approve,
    comment_hide,
    comment_report,
    comment_unhide,
    ensure_moderator,
)
from canvas_app.services.notifications import notifications_read_for_thread

from .errors import add_service_errors
from .scoping import my_canvas, my_comment

THREADS_PER_PAGE = 20


def viewer_of(request, canvas) -> Viewer:
    return Viewer(
        user=request.user,
        role=canvas.user_role,
        can_comment=why_cannot_comment(canvas.user_role, canvas) is None,
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_list(request, pk: int):
    canvas = my_canvas(request, pk)
    viewer = viewer_of(request, canvas)
    cards = list(canvas.cards.order_by("block", "position", "id"))
    filters = ThreadFilterForm(request.GET or None, auto_id="filter-%s")
    filter_values = filters.cleaned_data if filters.is_valid() else {}
    form = CommentForm(request.POST or None, cards=cards, initial=_anchor_initial(request, cards))
    if request.method == "POST":
        _ensure_can_comment(viewer, canvas)
        if form.is_valid():
            data = form.cleaned_data
            card = next((c for c in cards if c.pk == data["card"]), None)
            try:
                comment = comment_create(
                    canvas=canvas,
                    by=request.user,
                    block=data["block"],
                    card=card,
                    kind=data["kind"],
                    stance=data["stance"],
                    body=data["body"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                _say_posted(request, comment)
                return redirect(reverse("comment-thread", args=[comment.pk]))
    threads = thread_queryset(canvas, viewer, filter_values)
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "canvas_app/review/comment_list.html",
        {
            "canvas": canvas,
            "viewer": viewer,
            "why_not": why_cannot_comment(canvas.user_role, canvas),
            "form": form,
            "filters": filters,
            "filtering": any(filter_values.values()),
            "page": page,
            "threads": thread_views(canvas, viewer, page.object_list),
            "counts": open_thread_counts(canvas),
            "query": query.urlencode(),
            "stances": Stance.choices,
        },
        status=400 if form.errors else 200,
    )


def _anchor_initial(request, cards) -> dict:
    """?block= or ?card= from a block's or a card's “Comment” link preselect the anchor."""
    card_id = request.GET.get("card", "")
    card = next((c for c in cards if str(c.pk) == card_id), None)
    if card is not None:
        return {"block": card.block, "card": card.pk}
    return {"block": request.GET.get("block", "")}


def _ensure_can_comment(viewer: Viewer, canvas) -> None:
    reason = why_cannot_comment(viewer.role, canvas)
    if reason is not None:
        raise CommentingClosed(reason)


def _say_posted(request, comment) -> None:
    if comment.awaiting_approval:
        messages.success(request, _("Your comment will appear once a moderator approves it."))
    else:
        messages.success(request, _("Comment posted."))


def _thread_response(request, comment, canvas, *, status: int = 200, **forms):
    """The thread again: alone for htmx, in its page otherwise."""
    thread = comment.parent or comment
    viewer = viewer_of(request, canvas)
    threads = thread_queryset(canvas, viewer, {}).filter(pk=thread.pk)
    views = thread_views(canvas, viewer, threads)
    if not views:  # the thread itself is not visible to this viewer
        return redirect("comment-list", pk=canvas.pk)
    context = {
        "canvas": canvas,
        "viewer": viewer,
        "thread": views[0],
        "standalone": True,
        "stances": Stance.choices,
        "why_not": why_cannot_comment(canvas.user_role, canvas),
        **forms,
    }
    template = "canvas_app/review/_thread.html" if request.htmx else "canvas_app/review/thread.html"
    return render(request, template, context, status=status)


def _done(request, comment, canvas, message: str):
    if request.htmx:
        return _thread_response(request, comment, canvas)
    messages.success(request, message)
    thread = comment.parent_id or comment.pk
    return redirect(reverse("comment-thread", args=[thread]) + f"#comment-{comment.pk}")


@login_required
def comment_thread(request, pk: int):
    comment, canvas = my_comment(request, pk)
    if comment.parent_id:
        return redirect(reverse("comment-thread", args=[comment.parent_id]) + f"#comment-{pk}")
    notifications_read_for_thread(user=request.user, thread=comment)  # seen now
    return _thread_response(request, comment, canvas)


@login_required
@require_POST
def comment_reply(request, pk: int):
    comment, canvas = my_comment(request, pk)
    _ensure_can_comment(viewer_of(request, canvas), canvas)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            reply = comment_create(
                canvas=canvas,
                by=request.user,
                parent=comment,
                body=form.cleaned_data["body"],
                stance=form.cleaned_data["stance"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not request.htmx:
                _say_posted(request, reply)
            return _done(request, reply, canvas, _("Reply posted."))
    return _thread_response(request, comment, canvas, status=400, reply_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit_view(request, pk: int):
    comment, canvas = my_comment(request, pk)
    initial = {"body": comment.body, "kind": comment.kind, "stance": comment.stance}
    form = CommentEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            comment_edit(comment=comment, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _done(request, comment, canvas, _("Comment saved."))
    elif request.method == "GET":
        ensure_can_edit_comment(comment, request.user)  # refuse the page as the save would
    return render(
        request,
        "canvas_app/review/comment_edit.html",
        {"canvas": canvas, "comment": comment, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def comment_remove(request, pk: int):
    comment, canvas = my_comment(request, pk)
    comment_delete(comment=comment, by=request.user)
    return _done(request, comment, canvas, _("Comment deleted."))


@login_required
@require_POST
def comment_resolve(request, pk: int):
    comment, canvas = my_comment(request, pk)
    form = ResolveForm(request.POST)
    if form.is_valid():
        try:
            thread_resolve(comment=comment, by=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _done(request, comment, canvas, _("Thread resolved."))
    return _thread_response(request, comment, canvas, status=400, resolve_form=form)


@login_required
@require_POST
def comment_reopen(request, pk: int):
    comment, canvas = my_comment(request, pk)
    thread_reopen(comment=comment, by=request.user)
    return _done(request, comment, canvas, _("Thread reopened."))


def _reason_page(request, comment, canvas, *, action: str, required: bool, apply, done: str):
    """Report, hide and unhide: a short form asking why, then the action."""
    form = ReasonForm(request.POST or None, required=required)
    if request.method == "POST" and form.is_valid():
        try:
            apply(form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _done(request, comment, canvas, done)
    return render(
        request,
        "canvas_app/review/comment_reason.html",
        {"canvas": canvas, "comment": comment, "form": form, "action": action},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_report_view(request, pk: int):
    comment, canvas = my_comment(request, pk)
    return _reason_page(
        request,
        comment,
        canvas,
        action="report",
        required=True,
        apply=lambda reason: comment_report(comment=comment, by=request.user, reason=reason),
        done=_("Thank you: the moderators will look at this comment."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_hide_view(request, pk: int):
    comment, canvas = my_comment(request, pk)
    ensure_moderator(request.user, canvas)
    return _reason_page(
        request,
        comment,
        canvas,
        action="hide",
        required=True,
        apply=lambda reason: comment_hide(comment=comment, by=request.user, reason=reason),
        done=_("Comment hidden."),
    )


@login_required
@require_POST
def comment_unhide_view(request, pk: int):
    comment, canvas = my_comment(request, pk)
    comment_unhide(comment=comment, by=request.user, reason=request.POST.get("reason", ""))
    return _done(request, comment, canvas, _("Comment shown again."))


@login_required
@require_POST
def comment_approve_view(request, pk: int):
    comment, canvas = my_comment(request, pk)
    comment_approve(comment=comment, by=request.user)
    return _done(request, comment, canvas, _("Comment approved: everyone can see it now."))
