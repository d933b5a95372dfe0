from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from canvas_app.models import Council


@login_required
def home(request):
    """Open the council the user worked in last, or their first one."""
    councils = Council.objects.of_user(request.user)
    council = councils.filter(slug=request.session.get("council")).first() or councils.first()
    if council is None:
        return render(request, "canvas_app/no_council.html")
    return redirect("canvas-list", slug=council.slug)
