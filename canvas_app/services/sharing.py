"""Share links: unguessable, revocable and expiring read-only links to a business case."""

import hashlib
import hmac
import re
import secrets
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canvas_app.models import Canvas, Role, ShareLink

from .access import ensure_member
from .validation import require

SHARE_ROLES = frozenset({Role.ADMIN, Role.EDITOR, Role.APPROVER})
TOKEN_BYTES = 32  # 256 random bits
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{43}$")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def ensure_can_share(user, canvas: Canvas) -> None:
    if ensure_member(user, canvas.council) not in SHARE_ROLES:
        raise PermissionDenied(_("Only editors, approvers and admins can share a canvas."))


@transaction.atomic
def share_link_create(
    *, canvas: Canvas, by, label: str = "", expires_at: datetime | None = None
) -> tuple[ShareLink, str]:
    """Create a link; returns it with its token, which is shown once and never stored."""
    ensure_can_share(by, canvas)
    require(len(label) <= 100, "label", _("At most %(limit)s characters.") % {"limit": 100})
    if expires_at is not None:
        require(expires_at > timezone.now(), "expires_at", _("Choose a time in the future."))
    token = secrets.token_urlsafe(TOKEN_BYTES)
    link = ShareLink.objects.create(
        canvas=canvas,
        token_hash=_hash(token),
        token_hint=token[:6],
        label=label.strip(),
        created_by=by,
        expires_at=expires_at,
    )
    return link, token


@transaction.atomic
def share_link_revoke(*, link: ShareLink, by) -> ShareLink:
    ensure_can_share(by, link.canvas)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


def share_link_resolve(token: str) -> ShareLink | None:
    """The active link for a token, or None (unknown, revoked or expired)."""
    if not TOKEN_PATTERN.match(token or ""):
        return None
    digest = _hash(token)
    link = (
        ShareLink.objects.active(timezone.now())
        .filter(token_hash=digest)
        .select_related("canvas__council", "canvas__owner")
        .first()
    )
    if link is None or not hmac.compare_digest(link.token_hash, digest):
        return None
    ShareLink.objects.filter(pk=link.pk).update(last_used_at=timezone.now())
    return link
