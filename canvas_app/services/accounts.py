"""A person's own settings."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from canvas_app.models import Profile

from .validation import require

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@transaction.atomic
def language_choose(*, user, language: str | None) -> Profile:
    """Speak to this person in a language, or (None or "") follow their browser."""
    language = language or ""
    require(
        language in ("", *LANGUAGE_CODES),
        "language",
        _("Choose one of %(codes)s, or none to follow the browser.")
        % {"codes": ", ".join(LANGUAGE_CODES)},
    )
    profile, _created = Profile.objects.update_or_create(user=user, defaults={"language": language})
    return profile


def language_of(user) -> str:
    """The language to write to this person in (e-mails): their choice, else the
    default of their first council, else English."""
    chosen = Profile.objects.filter(user=user).values_list("language", flat=True).first()
    if chosen:
        return chosen
    council = user.memberships.select_related("council").order_by("council__name").first()
    return council.council.default_language if council else settings.LANGUAGE_CODE
