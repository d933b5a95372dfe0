import pytest

from canvas_app.models import CanvasRole, Role, Stage
from canvas_app.services.invitations import invitation_accept, invitation_create, invitation_token

from ..factories import CanvasFactory, CardFactory, MembershipFactory, UserFactory


@pytest.fixture
def canvas(council, editor):
    """The canvas under review: in consultation, where stakeholders comment."""
    return CanvasFactory(
        council=council, owner=editor, title="LED street lighting", stage=Stage.CONSULTATION
    )


def accepted_invitation(canvas, inviter, role: str, username: str, organisation: str = ""):
    """Invite someone and accept for them, as the e-mail link would."""
    invitation = invitation_create(
        canvas=canvas,
        by=inviter,
        email=f"{username}@example.org",
        role=role,
        organisation=organisation,
    )
    user = UserFactory(username=username)
    invitation_accept(token=invitation_token(invitation), user=user)
    return user


@pytest.fixture
def stakeholder(canvas, editor):
    return accepted_invitation(
        canvas, editor, CanvasRole.STAKEHOLDER, "stakeholder", "Cyclists' Union"
    )


@pytest.fixture
def observer(canvas, editor):
    return accepted_invitation(canvas, editor, CanvasRole.OBSERVER, "observer")


@pytest.fixture
def second_canvas(council, editor):
    return CanvasFactory(
        council=council, owner=editor, title="Bike sharing", stage=Stage.CONSULTATION
    )


@pytest.fixture
def other_invitee(second_canvas, editor):
    """A stakeholder of another canvas of the same council."""
    return accepted_invitation(second_canvas, editor, CanvasRole.STAKEHOLDER, "elsewhere")


@pytest.fixture
def block_card(canvas):
    return CardFactory(canvas=canvas, block="key_partners", text="Energy utility", position=0)


@pytest.fixture
def member(council):
    def make(role: str, username: str):
        return MembershipFactory(
            council=council, role=role, user=UserFactory(username=username)
        ).user

    return make


ROLES = [Role.ADMIN, Role.EDITOR, Role.APPROVER, Role.VIEWER]
