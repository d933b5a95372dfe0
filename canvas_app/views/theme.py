from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.cache import cache_control

from .scoping import my_council


@login_required
@cache_control(private=True, max_age=300)
def council_theme(request, slug: str):
    """The council's colour as a CSS custom property (the CSP allows no inline style)."""
    council = my_council(request, slug)
    css = f":root {{ --council-colour: {council.colour}; }}\n"
    return HttpResponse(css, content_type="text/css")
