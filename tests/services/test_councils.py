import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from canvas_app.models import Canvas, Council, Membership
from canvas_app.services.demo import DEMO_PASSWORD, demo_seed


def test_create_council_and_add_member_commands(db):
    call_command("create_council", "ghent", name="City of Ghent")
    call_command(
        "add_member", "ghent", "anna", role="editor", email="anna@ghent.be", password="s3cret-pass!"
    )

    anna = get_user_model().objects.get(username="anna")
    assert anna.check_password("s3cret-pass!")
    assert Membership.objects.get(user=anna).council == Council.objects.get(slug="ghent")


def test_add_member_again_changes_the_role_without_a_second_user(db):
    call_command("create_council", "ghent", name="City of Ghent")
    call_command("add_member", "ghent", "anna", role="editor")
    call_command("add_member", "ghent", "anna", role="admin")

    assert get_user_model().objects.filter(username="anna").count() == 1
    assert Membership.objects.get(user__username="anna").role == "admin"


def test_a_user_added_without_a_password_cannot_sign_in_until_they_reset_it(db):
    call_command("create_council", "ghent", name="City of Ghent")
    call_command("add_member", "ghent", "bob", role="viewer")

    assert not get_user_model().objects.get(username="bob").has_usable_password()


def test_commands_explain_bad_input(db):
    with pytest.raises(CommandError, match="No council"):
        call_command("add_member", "nowhere", "anna", role="editor")
    call_command("create_council", "ghent", name="City of Ghent")
    with pytest.raises(CommandError, match="slug"):
        call_command("create_council", "ghent", name="Again")
    with pytest.raises(CommandError, match="colour"):
        call_command("create_council", "gent2", name="Gent", colour="blue")


def test_seed_demo_is_idempotent(db):
    demo_seed()
    demo_seed()

    council = Council.objects.get(slug="demo")
    assert Canvas.objects.filter(council=council).count() == 3
    assert council.memberships.count() == 4
    editor = get_user_model().objects.get(username="demo-editor")
    assert editor.check_password(DEMO_PASSWORD)


def test_the_demo_has_a_stakeholder_and_a_consultation(db):
    demo_seed()
    demo_seed()

    stakeholder = get_user_model().objects.get(username="demo-stakeholder")
    [canvas] = Canvas.objects.visible_to(stakeholder)
    assert stakeholder.check_password(DEMO_PASSWORD)
    assert canvas.comments.filter(parent=None).count() == 2
    assert canvas.comments.filter(status="resolved").count() == 1
