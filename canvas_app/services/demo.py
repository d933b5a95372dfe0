"""The demo council, its people and its example canvases (idempotent)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from canvas_app.examples import EXAMPLES
from canvas_app.models import Canvas, CanvasRole, Council, Role, Stage

from .comments import comment_create, thread_resolve
from .councils import council_create, member_add
from .exchange import canvas_create_from_example
from .invitations import invitation_accept, invitation_create, invitation_token
from .lifecycle import canvas_transition

DEMO_COUNCIL_SLUG = "demo"
DEMO_PASSWORD = "demo-password"  # printed by the run command; a demo, not a secret
DEMO_USERS = {role.value: f"demo-{role.value}" for role in Role}
DEMO_STAKEHOLDER = "demo-stakeholder"


@dataclass(frozen=True)
class DemoSummary:
    council: Council
    usernames: dict[str, str]
    canvases_created: int


@transaction.atomic
def demo_seed() -> DemoSummary:
    council = Council.objects.filter(slug=DEMO_COUNCIL_SLUG).first() or council_create(
        slug=DEMO_COUNCIL_SLUG, name="Demo City Council", colour="#00703c"
    )
    for role, username in DEMO_USERS.items():
        member_add(
            council=council,
            username=username,
            role=role,
            email=f"{username}@example.org",
            password=DEMO_PASSWORD,
        )
    editor = council.memberships.get(user__username=DEMO_USERS[Role.EDITOR]).user
    created = 0
    for example in EXAMPLES.values():
        if not Canvas.objects.filter(council=council, title=example.title).exists():
            canvas_create_from_example(council=council, by=editor, example=example)
            created += 1
    first = Canvas.objects.filter(council=council).order_by("created_at", "id").first()
    if first is not None and not first.invitations.exists():
        _consultation(first, editor)
    usernames = {**DEMO_USERS, CanvasRole.STAKEHOLDER.value: DEMO_STAKEHOLDER}
    return DemoSummary(council=council, usernames=usernames, canvases_created=created)


def _consultation(canvas: Canvas, editor) -> None:
    """The first canvas in consultation, a residents' association invited to it, with a
    resolved and an open thread, so that the review is there to see."""
    canvas = canvas_transition(
        canvas=canvas, by=editor, to=Stage.CONSULTATION, note="Residents consulted."
    )
    invitation = invitation_create(
        canvas=canvas,
        by=editor,
        email=f"{DEMO_STAKEHOLDER}@example.org",
        role=CanvasRole.STAKEHOLDER,
        organisation="Old Town Residents' Association",
    )
    user = get_user_model().objects.filter(username=DEMO_STAKEHOLDER).first()
    if user is None:
        user = get_user_model().objects.create_user(
            DEMO_STAKEHOLDER, f"{DEMO_STAKEHOLDER}@example.org", DEMO_PASSWORD
        )
    invitation_accept(token=invitation_token(invitation), user=user)
    card = canvas.cards.order_by("block", "position").first()
    question = comment_create(
        canvas=canvas,
        by=user,
        block=card.block,
        card=card,
        kind="question",
        stance="for",
        body=f"@{editor.get_username()} will the new lights be dimmed after midnight in "
        "residential streets? Residents asked about light at their windows.",
    )
    comment_create(
        canvas=canvas,
        by=editor,
        parent=question,
        body="Yes: the controllers dim to 50 % from midnight to 5 a.m., except on main roads.",
    )
    thread_resolve(comment=question, by=editor, note="Dimming schedule added to key activities.")
    comment_create(
        canvas=canvas,
        by=user,
        block="social_impact",
        kind="concern",
        stance="neutral",
        body="How will people with low vision be consulted about colour temperature?",
    )
