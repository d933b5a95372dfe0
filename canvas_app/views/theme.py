from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_control

from canvas_app.models import Canvas, Council


@login_required
@cache_control(private=True, max_age=300)
def council_theme(request, slug: str):
    """The council's colour as a CSS custom property (the CSP allows no inline style),
    for its members and for the people invited to one of its canvases."""
    invited = Canvas.objects.visible_to(request.user).values("council_id")
    councils = Council.objects.filter(Q(pk__in=invited) | Q(memberships__user=request.user))
    council = get_object_or_404(councils.distinct(), slug=slug)

    css = f":root {{ --council-colour: {council.colour}; }}\n"
    return HttpResponse(css, content_type="text/css")
