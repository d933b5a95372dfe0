"""Which language a request is answered in.

The person's own choice (their profile, loaded with the user: see canvas_app/auth.py),
else the language cookie set by the switcher, else the browser's Accept-Language, else
the default language of the council they work in, else English. Token-authenticated
API requests are anonymous here: they follow Accept-Language.
"""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

from canvas_app.models import Council

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def supported(code: str | None) -> str | None:
    """The supported language for a code (es-ES → es), or None."""
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def browser_language(request) -> str | None:
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code != "*" and (language := supported(code)):
            return language
    return None


def preferred_language(request) -> str | None:
    """The signed-in person's own choice."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    try:
        return supported(user.profile.language)
    except ObjectDoesNotExist:  # nobody chose yet
        return None


def council_language(request) -> str | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    councils = Council.objects.filter(memberships__user=user)
    slug = request.session.get("council")
    chosen = councils.filter(slug=slug).first() if slug else None
    council = chosen or councils.order_by("name").first()
    return council.default_language if council else None


def request_language(request) -> str:
    return (
        preferred_language(request)
        or supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
        or browser_language(request)
        or council_language(request)
        or settings.LANGUAGE_CODE
    )


class LanguageMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        language = request_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", translation.get_language())
        translation.deactivate()
        return response
