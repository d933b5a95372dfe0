"""My notifications, my e-mail preferences, and the one-click unsubscribe link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from canvas_app.forms.review import PreferencesForm
from canvas_app.models import Notification, NotificationKind
from canvas_app.selectors.review import notification_items
from canvas_app.services.notifications import (
    notifications_mark_read,
    preferences_of,
    preferences_update,
    unsubscribe,
)

PER_PAGE = 30


@login_required
def notification_list(request):
    notifications = Notification.objects.of_reader(request.user).visible()
    if request.GET.get("unread"):
        notifications = notifications.unread()
    page = Paginator(
        notifications.select_related("canvas", "comment__author", "actor"), PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "canvas_app/review/notifications.html",
        {
            "page": page,
            "items": notification_items(page.object_list),
            "unread_only": bool(request.GET.get("unread")),
        },
    )


@login_required
@require_POST
def notifications_read(request):
    ids = [int(pk) for pk in request.POST.getlist("ids") if pk.isdigit()]
    everything = request.POST.get("all") == "1"
    changed = notifications_mark_read(user=request.user, ids=ids, everything=everything)
    if not request.htmx:
        messages.success(
            request,
            ngettext("%(n)s marked as read.", "%(n)s marked as read.", changed) % {"n": changed},
        )
    next_url = request.POST.get("next", "")
    if next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect("notifications")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    form = PreferencesForm(request.POST or None, current=preferences_of(request.user))
    if request.method == "POST" and form.is_valid():
        preferences_update(user=request.user, changes=form.cleaned_data)
        messages.success(request, _("Your e-mail settings are saved."))
        return redirect("notification-preferences")
    return render(
        request,
        "canvas_app/review/preferences.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


# Mail clients post the one-click unsubscribe (RFC 8058) without a CSRF token; the
# signed token in the address is the proof.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token: str):
    """One click, no sign-in: the link in an e-mail turns that kind of e-mail off."""
    undo = request.method == "POST" and request.POST.get("undo") == "1"
    result = unsubscribe(token, undo=undo)
    if result is None:
        return render(request, "canvas_app/review/unsubscribe_invalid.html", status=404)
    labels = dict(NotificationKind.choices)
    return render(
        request,
        "canvas_app/review/unsubscribed.html",
        {
            "result": result,
            "labels": [labels[kind] for kind in result.kinds],
            "undone": undo,
            "token": token,
        },
    )
