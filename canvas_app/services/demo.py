"""The demo council, its people and its example canvases (idempotent)."""

from dataclasses import dataclass

from django.db import transaction

from canvas_app.examples import EXAMPLES
from canvas_app.models import Canvas, Council, Role

from .councils import council_create, member_add
from .exchange import canvas_create_from_example

DEMO_COUNCIL_SLUG = "demo"
DEMO_PASSWORD = "demo-password"  # printed by the run command; a demo, not a secret
DEMO_USERS = {role.value: f"demo-{role.value}" for role in Role}


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
    return DemoSummary(council=council, usernames=DEMO_USERS, canvases_created=created)
