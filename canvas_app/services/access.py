"""Who may do what. Services call these before they change anything, so the HTML
views and the API enforce the same rules."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from canvas_app.models import (
    EDIT_ROLES,
    MANAGE_ROLES,
    MODERATOR_ROLES,
    Canvas,
    CanvasRole,
    Council,
    Invitation,
    Membership,
    Stage,
)

FROZEN_STAGES = frozenset({Stage.APPROVED, Stage.ARCHIVED})


class CanvasFrozen(PermissionDenied):
    """The canvas is approved or archived: its content no longer changes."""


def role_in(user, council: Council) -> str | None:
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(user=user, council=council).values_list("role", flat=True).first()
    )


def ensure_member(user, council: Council) -> str:
    role = role_in(user, council)
    if role is None:
        raise PermissionDenied(_("You are not a member of this council."))
    return role


def ensure_member_somewhere(user) -> None:
    """Council-wide pages (the library) are for council members, not for people who
    were only invited to a canvas."""
    if not Membership.objects.filter(user=user).exists():
        raise PermissionDenied(_("Only members of a council can do this."))


def ensure_can_edit(user, council: Council) -> None:
    if ensure_member(user, council) not in EDIT_ROLES:
        raise PermissionDenied(_("Only the council's editors and admins can change canvases."))


def ensure_can_manage(user, council: Council) -> None:
    if ensure_member(user, council) not in MANAGE_ROLES:
        raise PermissionDenied(_("Only the council's admins can do this."))


def ensure_canvas_editable(user, canvas: Canvas) -> None:
    ensure_can_edit(user, canvas.council)
    if canvas.stage in FROZEN_STAGES:
        stage = canvas.get_stage_display().lower()
        raise CanvasFrozen(
            _("This canvas is %(stage)s: its content can no longer change.") % {"stage": stage}
        )


def canvas_role(user, canvas: Canvas) -> str | None:
    """The user's council role, else the role they were invited to this canvas with."""
    role = role_in(user, canvas.council)
    if role is not None or not user.is_authenticated:
        return role
    return (
        Invitation.objects.granting_access()
        .filter(user=user, canvas=canvas)
        .values_list("role", flat=True)
        .first()
    )


def ensure_can_read(user, canvas: Canvas) -> str:
    role = canvas_role(user, canvas)
    if role is None:
        raise PermissionDenied(_("You have no access to this canvas."))
    return role


def is_moderator(user, council: Council) -> bool:
    return role_in(user, council) in MODERATOR_ROLES


def is_invitee_role(role: str | None) -> bool:
    return role in CanvasRole.values


def readable_pairs(pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Which (user id, canvas id) pairs may read: through a membership of the canvas's
    council, or an accepted invitation. Three queries, whatever the number of pairs."""
    if not pairs:
        return set()
    user_ids = {user for user, _canvas in pairs}
    canvas_ids = {canvas for _user, canvas in pairs}
    council_of = dict(Canvas.objects.filter(pk__in=canvas_ids).values_list("pk", "council_id"))
    members = set(
        Membership.objects.filter(
            user_id__in=user_ids, council_id__in=set(council_of.values())
        ).values_list("user_id", "council_id")
    )
    invited = set(
        Invitation.objects.granting_access()
        .filter(user_id__in=user_ids, canvas_id__in=canvas_ids)
        .values_list("user_id", "canvas_id")
    )
    return {
        (user, canvas)
        for user, canvas in pairs
        if (user, council_of.get(canvas)) in members or (user, canvas) in invited
    }
