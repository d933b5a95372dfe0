import pytest

from canvas_app.models import Canvas, CanvasRole, Role, Stage, StageChange

from ..factories import CanvasFactory, CardFactory, MembershipFactory, UserFactory
from ..review.conftest import accepted_invitation

ROLES = [Role.ADMIN, Role.EDITOR, Role.APPROVER, Role.VIEWER, "stakeholder", "observer"]


@pytest.fixture
def people(council, editor, canvas):
    """One person per role: the council's four and the canvas's two invitees."""
    users = {Role.EDITOR: editor}
    for role in (Role.ADMIN, Role.APPROVER, Role.VIEWER):
        users[role] = MembershipFactory(council=council, role=role, user=UserFactory()).user
    users["stakeholder"] = accepted_invitation(canvas, editor, CanvasRole.STAKEHOLDER, "stake")
    users["observer"] = accepted_invitation(canvas, editor, CanvasRole.OBSERVER, "watch")
    return users


def put_at(canvas: Canvas, stage: str, submitter) -> Canvas:
    """Place the canvas at a stage as if the editor had sent it through the workflow."""
    if stage in (Stage.REVIEW, Stage.APPROVED, Stage.ARCHIVED):
        StageChange.objects.create(
            canvas=canvas,
            revision=canvas.revision,
            from_stage=Stage.CONSULTATION,
            to_stage=Stage.REVIEW,
            by=submitter,
        )
    Canvas.objects.filter(pk=canvas.pk).update(stage=stage)
    canvas.refresh_from_db()
    return canvas


@pytest.fixture
def second_canvas(council, editor):
    return CanvasFactory(council=council, owner=editor, title="Bike sharing")


@pytest.fixture
def cards(canvas):
    return [
        CardFactory(
            canvas=canvas, block="key_activities", text="Replace 5,000 luminaires", position=0
        ),
        CardFactory(canvas=canvas, block="key_activities", text="Maintain the network", position=1),
        CardFactory(canvas=canvas, block="costs", text="Investment EUR 2 M", position=0),
    ]
