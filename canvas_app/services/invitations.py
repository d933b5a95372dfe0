"""Inviting stakeholders and observers to one canvas, and accepting an invitation."""

import hashlib
import hmac
import logging
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from canvas_app.models import Canvas, CanvasRole, EmailOptOut, Invitation, Membership

from .access import ensure_can_edit
from .notifications import notifications_withdraw
from .validation import require

logger = logging.getLogger(__name__)

TOKEN_PATTERN = re.compile(r"^[0-9a-f]{64}$")
_SALT = "canvas_app.invitation"


class InvitationInvalid(ValidationError):
    """The token is unknown, used, revoked or expired."""

    def __init__(self) -> None:
        super().__init__(
            {
                "token": [
                    _(
                        "This invitation link is not valid: it has been used, revoked or "
                        "replaced by a newer one, or it has expired. Ask the council for a new one."
                    )
                ]
            }
        )


def invitation_token(invitation: Invitation) -> str:
    """The link's secret, rebuilt from the stored nonce with the secret key."""
    return salted_hmac(
        _SALT, f"{invitation.pk}:{invitation.token_nonce}", algorithm="sha256"
    ).hexdigest()


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token(invitation: Invitation) -> None:
    """A fresh nonce, so any earlier link stops working, and the hash to look it up by.

    The hash needs the primary key, so a new row first gets a random placeholder.
    """
    invitation.token_nonce = secrets.token_hex(16)
    invitation.token_hash = _hash(invitation_token(invitation))


def expiry_days() -> int:
    return int(getattr(settings, "INVITATION_EXPIRY_DAYS", 14))


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


@transaction.atomic
def invitation_create(
    *, canvas: Canvas, by, email: str, role: str, organisation: str = ""
) -> Invitation:
    """Invite someone by e-mail to read (observer) or read and comment on (stakeholder)
    one canvas. The e-mail goes out after the transaction commits."""
    ensure_can_edit(by, canvas.council)
    email = normalise_email(email)
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": [_("Enter a valid e-mail address.")]}) from None
    require(role in CanvasRole.values, "role", _("Choose stakeholder or observer."))
    organisation = (organisation or "").strip()
    require(
        len(organisation) <= 200,
        "organisation",
        _("At most %(limit)s characters.") % {"limit": 200},
    )
    require(
        not EmailOptOut.objects.filter(email=email).exists(),
        "email",
        _("This address has asked not to receive invitations."),
    )
    require(
        not Membership.objects.filter(council=canvas.council, user__email__iexact=email).exists(),
        "email",
        _("This person is already a member of the council and can read the canvas."),
    )
    require(
        not canvas.invitations.live().filter(email=email).exists(),
        "email",
        _("This address is already invited to this canvas: re-send or revoke that invitation."),
    )
    now = timezone.now()
    invitation = Invitation.objects.create(
        canvas=canvas,
        email=email,
        role=role,
        organisation=organisation,
        token_nonce="",
        token_hash=secrets.token_hex(32),  # replaced below, once the row has its id
        invited_by=by,
        sent_at=now,
        expires_at=now + timedelta(days=expiry_days()),
    )
    _new_token(invitation)
    invitation.save(update_fields=["token_nonce", "token_hash"])
    _send(invitation.pk)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, by) -> Invitation:
    """A new link (the old one stops working) with a new expiry, e-mailed again."""
    ensure_can_edit(by, invitation.canvas.council)
    require(invitation.revoked_at is None, "invitation", _("This invitation has been revoked."))
    require(
        invitation.accepted_at is None,
        "invitation",
        _("This invitation has already been accepted."),
    )
    require(
        not EmailOptOut.objects.filter(email=invitation.email).exists(),
        "invitation",
        _("This address has asked not to receive invitations."),
    )
    now = timezone.now()
    _new_token(invitation)
    invitation.sent_at = now
    invitation.expires_at = now + timedelta(days=expiry_days())
    invitation.send_count += 1
    invitation.save(
        update_fields=["token_nonce", "token_hash", "sent_at", "expires_at", "send_count"]
    )
    _send(invitation.pk)
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by) -> Invitation:
    """End the invitee's access at once (or cancel a pending invitation)."""
    ensure_can_edit(by, invitation.canvas.council)
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.revoked_by = by
        invitation.save(update_fields=["revoked_at", "revoked_by"])
        if invitation.user_id is not None:
            notifications_withdraw(user=invitation.user, canvas=invitation.canvas)
    return invitation


def invitation_resolve(token: str) -> Invitation | None:
    """The pending invitation a token opens, or None."""
    if not TOKEN_PATTERN.match(token or ""):
        return None
    digest = _hash(token)
    invitation = (
        Invitation.objects.live()
        .filter(token_hash=digest, accepted_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("canvas__council", "invited_by")
        .first()
    )
    if invitation is None or not hmac.compare_digest(invitation.token_hash, digest):
        return None
    return invitation


def _claim(token: str) -> Invitation:
    """Lock the pending invitation of a token, so it is used once only."""
    invitation = invitation_resolve(token)
    if invitation is None:
        raise InvitationInvalid()
    locked = (
        Invitation.objects.select_for_update()
        .filter(pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True)
        .first()
    )
    if locked is None:
        raise InvitationInvalid()
    locked.canvas = invitation.canvas
    return locked


@transaction.atomic
def invitation_accept(*, token: str, user) -> Invitation:
    """Bind the invitation to a signed-in user; the token is used up."""
    invitation = _claim(token)
    # An earlier invitation of the same person to the same canvas gives way to this one.
    Invitation.objects.granting_access().filter(user=user, canvas=invitation.canvas).update(
        revoked_at=timezone.now()
    )
    invitation.user = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["user", "accepted_at"])
    return invitation


@transaction.atomic
def invitation_accept_with_new_account(*, token: str, username: str, password: str):
    """Create the invitee's account and bind the invitation to it. Nothing is created
    when the token or the account details are not valid."""
    invitation = _claim(token)
    user_model = get_user_model()
    user = user_model(username=(username or "").strip(), email=invitation.email)
    errors: dict[str, list[str]] = {}
    try:
        user.full_clean(exclude=["password"], validate_unique=False)
    except ValidationError as error:
        errors.update({k: v for k, v in error.message_dict.items() if k == "username"})
    if (
        not errors.get("username")
        and user_model.objects.filter(username__iexact=user.username).exists()
    ):
        errors["username"] = [_("This username is taken: choose another, or sign in to it.")]
    try:
        password_validation.validate_password(password or "", user)
    except ValidationError as error:
        errors["password"] = list(error.messages)
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    user.save()
    invitation.user = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["user", "accepted_at"])
    return user, invitation


def _send(invitation_id: int) -> None:
    def enqueue() -> None:
        from canvas_app.tasks import send_invitation_email  # tasks import services

        try:
            send_invitation_email.delay(invitation_id)
        except Exception:  # the broker is down: the sweep sends it later
            logger.warning("Could not queue the e-mail of invitation %s", invitation_id)

    transaction.on_commit(enqueue)
