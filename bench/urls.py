"""The app's URLs plus `/bench/minimal`, a view that touches neither database nor templates.

Its throughput is the ceiling the server stack (gunicorn, Django, middleware)
allows; the canvas page is compared against it.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def minimal(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/minimal", minimal, name="bench-minimal"),
    path("", include("smartcity.urls")),
]
