"""Who may do what. Services call these before they change anything, so the HTML
views and the API enforce the same rules."""

from django.core.exceptions import PermissionDenied

from canvas_app.models import EDIT_ROLES, MANAGE_ROLES, Canvas, Council, Membership, Stage

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
        raise PermissionDenied("You are not a member of this council.")
    return role


def ensure_can_edit(user, council: Council) -> None:
    if ensure_member(user, council) not in EDIT_ROLES:
        raise PermissionDenied("Only the council's editors and admins can change canvases.")


def ensure_can_manage(user, council: Council) -> None:
    if ensure_member(user, council) not in MANAGE_ROLES:
        raise PermissionDenied("Only the council's admins can do this.")


def ensure_canvas_editable(user, canvas: Canvas) -> None:
    ensure_can_edit(user, canvas.council)
    if canvas.stage in FROZEN_STAGES:
        stage = canvas.get_stage_display().lower()
        raise CanvasFrozen(f"This canvas is {stage}: its content can no longer change.")
