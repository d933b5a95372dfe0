from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from canvas_app.models import Council, Membership, Role

from .access import ensure_can_manage
from .validation import clean_or_raise, require

COUNCIL_SETTINGS = ("default_language", "allow_self_approval")


@transaction.atomic
def council_create(*, slug: str, name: str, colour: str | None = None) -> Council:
    council = Council(slug=slug, name=name)
    if colour:
        council.colour = colour
    clean_or_raise(council)
    require(not Council.objects.filter(slug=council.slug).exists(), "slug", _("Already taken."))
    council.save()
    return council


@transaction.atomic
def member_add(
    *,
    council: Council,
    username: str,
    role: str,
    email: str = "",
    password: str | None = None,
) -> Membership:
    """Give a user a role in a council, creating the user if they do not exist yet.

    Running it again changes the role (and the e-mail or password when given),
    so scripted set-ups can be re-run safely.
    """
    require(
        role in Role.values,
        "role",
        _("Choose one of: %(choices)s.") % {"choices": ", ".join(Role.values)},
    )
    require(bool(username.strip()), "username", _("This field is required."))
    user = _user_upsert(username=username.strip(), email=email, password=password)
    membership, _created = Membership.objects.update_or_create(
        user=user, council=council, defaults={"role": role}
    )
    return membership


def _user_upsert(*, username: str, email: str, password: str | None) -> AbstractBaseUser:
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": email}
    )
    if email and user.email != email:
        user.email = email
    if password:
        user.set_password(password)
    elif created:
        user.set_unusable_password()  # they set one through the password-reset e-mail
    user.save()
    return user


@transaction.atomic
def council_settings_update(*, council: Council, by, **changes) -> Council:
    """An admin sets the council's default language or lets approvers decide on their own
    submissions."""
    ensure_can_manage(by, council)
    unknown = set(changes) - set(COUNCIL_SETTINGS)
    if unknown:
        raise TypeError(f"council_settings_update cannot change {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(council, name, value)
    clean_or_raise(council)
    council.save(update_fields=list(changes))
    return council
