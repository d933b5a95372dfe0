from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from canvas_app.models import Canvas, Council


@login_required
def home(request):
    """Open the council the user worked in last, or their first one."""
    councils = Council.objects.of_user(request.user)
    council = councils.filter(slug=request.session.get("council")).first() or councils.first()
    if council is None:  # an invited stakeholder or observer, or nobody yet
        invited = Canvas.objects.visible_to(request.user).select_related("council")
        return render(request, "canvas_app/no_council.html", {"invited": invited})
    return redirect("canvas-list", slug=council.slug)
