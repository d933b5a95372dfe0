"""The demo council, its people and its example canvases (idempotent)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from canvas_app.examples import EXAMPLES, led_delivery
from canvas_app.examples.led_lighting import LED_LIGHTING
from canvas_app.models import Canvas, CanvasRole, Council, Outcome, Role, Stage

from .assessments import assessment_request, assessment_run
from .benefits import benefit_create, measurement_add
from .comments import comment_create, thread_resolve
from .councils import council_create, member_add
from .exchange import canvas_create_from_example
from .invitations import invitation_accept, invitation_create, invitation_token
from .lifecycle import canvas_transition, decision_make, revision_open
from .options import option_create, option_update, short_list
from .outturn import outturn_set

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
    approver = council.memberships.get(user__username=DEMO_USERS[Role.APPROVER]).user
    created = 0
    for example in EXAMPLES.values():
        if not Canvas.objects.filter(council=council, title=example.title).exists():
            canvas = canvas_create_from_example(council=council, by=editor, example=example)
            created += 1
            if example.key == LED_LIGHTING.key:
                _delivered(canvas, editor, approver)
    first = Canvas.objects.filter(council=council).order_by("created_at", "id").first()
    if first is not None and not first.invitations.exists():
        _consultation(first, editor)
    usernames = {**DEMO_USERS, CanvasRole.STAKEHOLDER.value: DEMO_STAKEHOLDER}
    return DemoSummary(council=council, usernames=usernames, canvases_created=created)


def _delivered(canvas: Canvas, editor, approver) -> None:
    """The LED canvas chosen from a short list, approved, and two years into delivery:
    its benefits measured, its actual figures and lessons recorded, a second revision
    open (which goes to consultation next)."""
    _short_list(canvas, editor)
    for benefit in led_delivery.BENEFITS:
        row = benefit_create(canvas=canvas, by=editor, **benefit.fields())
        for on, value, note in benefit.measurements:
            measurement_add(benefit=row, by=editor, date=on, value=value, note=note)
    # Scored now, not by the worker after commit: the approval records the appraisal
    # its outturn is compared with.
    assessment_run(assessment_id=assessment_request(canvas=canvas).pk)
    canvas_transition(
        canvas=canvas, by=editor, to=Stage.CONSULTATION, note="Public meetings in every district."
    )
    canvas_transition(canvas=canvas, by=editor, to=Stage.REVIEW, note="Ready for the committee.")
    decision_make(
        canvas=canvas,
        by=approver,
        outcome=Outcome.APPROVE,
        rationale="Best value for money of the options, with optimism bias allowed for; "
        "funded by the investment budget and the ERDF call.",
    )
    outturn_set(
        canvas=canvas,
        by=editor,
        actuals=list(led_delivery.ACTUALS),
        lessons_learned=led_delivery.LESSONS_LEARNED,
    )
    revision_open(canvas=canvas, by=editor, note="Second phase: the remaining districts.")


def _short_list(canvas: Canvas, editor) -> None:
    """The example's inputs are its preferred option already: name it and add the others."""
    proposal = next(option for option in short_list(canvas) if option.preferred)
    for option in led_delivery.SHORT_LIST:
        bias = {
            "project_type": option.project_type,
            "mitigation": option.mitigation,
            "works_duration_months": option.works_duration_months,
        }
        if option.preferred:
            option_update(option=proposal, by=editor, name=option.name, **bias)
        else:
            option_create(
                canvas=canvas,
                by=editor,
                name=option.name,
                kind=option.kind,
                inputs=option.inputs,
                **bias,
            )


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
