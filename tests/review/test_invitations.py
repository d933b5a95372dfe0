"""Invitations: one canvas, single use, expiring, revocable, re-sent with a new link."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from canvas_app.models import Canvas, CanvasRole, EmailOptOut, Invitation
from canvas_app.services.invitations import (
    invitation_accept,
    invitation_accept_with_new_account,
    invitation_create,
    invitation_resend,
    invitation_revoke,
    invitation_token,
)

from ..factories import UserFactory

LINK = re.compile(r"https?://[^\s\"<>]+/invitations/([0-9a-f]{64})/")


def invite(canvas, by, email="ana@cyclists.example", role=CanvasRole.STAKEHOLDER, **extra):
    return invitation_create(canvas=canvas, by=by, email=email, role=role, **extra)


def link_token(message) -> str:
    return LINK.search(message.body).group(1)


def test_the_invitation_email_holds_a_working_link(
    canvas, editor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(canvas, editor, organisation="Cyclists' Union")

    [message] = mailoutbox
    assert message.to == ["ana@cyclists.example"]
    assert canvas.title in message.subject
    token = link_token(message)
    assert token == invitation_token(invitation)
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")


def test_only_the_tokens_hash_is_stored(canvas, editor):
    invitation = invite(canvas, editor)
    token = invitation_token(invitation)

    stored = Invitation.objects.filter(pk=invitation.pk).values()[0]
    assert token not in {str(value) for value in stored.values()}


def test_a_token_works_once(canvas, editor):
    invitation = invite(canvas, editor)
    token = invitation_token(invitation)
    invitation_accept(token=token, user=UserFactory(username="ana"))

    with pytest.raises(ValidationError) as error:
        invitation_accept(token=token, user=UserFactory(username="someone-else"))

    assert "token" in error.value.message_dict
    assert Invitation.objects.get(pk=invitation.pk).user.username == "ana"


def test_an_expired_token_is_refused(canvas, editor):
    invitation = invite(canvas, editor)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(1))

    with pytest.raises(ValidationError):
        invitation_accept(token=invitation_token(invitation), user=UserFactory())


def test_the_link_expires_after_fourteen_days_by_default(canvas, editor):
    invitation = invite(canvas, editor)

    assert invitation.expires_at - invitation.sent_at == timedelta(days=14)


@pytest.mark.parametrize(
    "token", ["", "0" * 64, "f" * 63, "not-a-token", "../../etc/passwd", "a" * 64 + "x"]
)
def test_a_forged_token_creates_nothing(canvas, editor, token):
    invite(canvas, editor)
    users = get_user_model().objects.count()

    with pytest.raises(ValidationError):
        invitation_accept_with_new_account(token=token, username="mallory", password="x7!kQ2vLm")

    assert get_user_model().objects.count() == users


def test_a_new_account_is_made_with_the_invited_address(canvas, editor):
    invitation = invite(canvas, editor)

    user, accepted = invitation_accept_with_new_account(
        token=invitation_token(invitation), username="ana", password="x7!kQ2vLm-bike"
    )

    assert user.email == "ana@cyclists.example"
    assert user.check_password("x7!kQ2vLm-bike")
    assert accepted.user == user and accepted.accepted_at is not None


def test_a_weak_password_or_a_taken_username_creates_nothing(canvas, editor):
    invitation = invite(canvas, editor)
    UserFactory(username="ana")

    with pytest.raises(ValidationError) as error:
        invitation_accept_with_new_account(
            token=invitation_token(invitation), username="ana", password="123"
        )

    assert set(error.value.message_dict) == {"username", "password"}
    assert Invitation.objects.get(pk=invitation.pk).accepted_at is None


def test_revoking_ends_access_at_once(canvas, editor):
    invitation = invite(canvas, editor)
    user = UserFactory(username="ana")
    invitation_accept(token=invitation_token(invitation), user=user)
    assert Canvas.objects.visible_to(user).filter(pk=canvas.pk).exists()

    invitation_revoke(invitation=invitation, by=editor)

    assert not Canvas.objects.visible_to(user).exists()


def test_a_revoked_pending_invitation_cannot_be_accepted(canvas, editor):
    invitation = invite(canvas, editor)
    invitation_revoke(invitation=invitation, by=editor)

    with pytest.raises(ValidationError):
        invitation_accept(token=invitation_token(invitation), user=UserFactory())


def test_resending_makes_a_new_link_and_kills_the_old_one(
    canvas, editor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(canvas, editor)
    old = link_token(mailoutbox[0])

    with django_capture_on_commit_callbacks(execute=True):
        invitation_resend(invitation=invitation, by=editor)

    new = link_token(mailoutbox[1])
    assert new != old
    with pytest.raises(ValidationError):
        invitation_accept(token=old, user=UserFactory(username="late"))
    invitation_accept(token=new, user=UserFactory(username="on-time"))


def test_an_address_cannot_be_invited_twice_to_one_canvas(canvas, editor):
    invite(canvas, editor, email="Ana@Cyclists.example")

    with pytest.raises(ValidationError) as error:
        invite(canvas, editor, email="ana@cyclists.example ")

    assert "email" in error.value.message_dict


def test_after_a_revocation_the_address_can_be_invited_again(canvas, editor):
    invitation_revoke(invitation=invite(canvas, editor), by=editor)

    assert invite(canvas, editor).pk


def test_an_address_that_opted_out_is_not_invited(canvas, editor):
    EmailOptOut.objects.create(email="ana@cyclists.example")

    with pytest.raises(ValidationError) as error:
        invite(canvas, editor)

    assert "email" in error.value.message_dict


@pytest.mark.parametrize(
    "field, value",
    [("email", "not an address"), ("role", "editor"), ("organisation", "x" * 201)],
)
def test_bad_invitation_input_names_the_field(canvas, editor, field, value):
    data = {"email": "ana@cyclists.example", "role": CanvasRole.STAKEHOLDER, field: value}

    with pytest.raises(ValidationError) as error:
        invitation_create(canvas=canvas, by=editor, **data)

    assert field in error.value.message_dict


def test_only_editors_and_admins_invite(canvas, approver, viewer):
    for user in (approver, viewer):
        with pytest.raises(PermissionDenied):
            invite(canvas, user)


def test_an_invitee_sees_that_canvas_and_nothing_else_of_the_council(
    canvas, editor, stakeholder, second_canvas
):
    visible = Canvas.objects.visible_to(stakeholder)

    assert list(visible) == [canvas]
    assert list(Canvas.objects.with_role(stakeholder).values_list("user_role", "is_member")) == [
        ("stakeholder", False)
    ]


# The pages -----------------------------------------------------------------


def test_accepting_logged_out_with_a_new_account(client, canvas, editor):
    invitation = invite(canvas, editor)
    url = f"/invitations/{invitation_token(invitation)}/"

    page = client.get(url)
    response = client.post(
        url,
        {
            "action": "create",
            "username": "ana",
            "password": "x7!kQ2vLm-bike",
            "password_again": "x7!kQ2vLm-bike",
        },
    )

    assert page.status_code == 200 and canvas.title in page.content.decode()
    assert response.status_code == 302
    assert response["Location"] == f"/canvases/{canvas.pk}/"
    assert client.get(response["Location"]).status_code == 200  # signed in as ana


def test_accepting_logged_out_by_signing_in(client, canvas, editor, other_council):
    existing = UserFactory(username="ana")
    invitation = invite(canvas, editor)

    response = client.post(
        f"/invitations/{invitation_token(invitation)}/",
        {"action": "sign-in", "username": "ana", "password": "correct-horse-battery"},
    )

    assert response.status_code == 302
    assert Invitation.objects.get(pk=invitation.pk).user == existing


def test_accepting_when_signed_in(client, canvas, editor):
    ana = UserFactory(username="ana")
    invitation = invite(canvas, editor)
    client.force_login(ana)

    response = client.post(f"/invitations/{invitation_token(invitation)}/", {"action": "accept"})

    assert response.status_code == 302
    assert Invitation.objects.get(pk=invitation.pk).user == ana


def test_a_used_link_shows_a_clear_page(client, canvas, editor, stakeholder):
    invitation = Invitation.objects.get(user=stakeholder)

    response = client.get(f"/invitations/{invitation_token(invitation)}/")

    assert response.status_code == 404
    assert "does not work" in response.content.decode()


def test_a_bad_new_account_form_says_why_and_creates_nothing(client, canvas, editor):
    invitation = invite(canvas, editor)

    response = client.post(
        f"/invitations/{invitation_token(invitation)}/",
        {"action": "create", "username": "", "password": "a", "password_again": "b"},
    )

    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert Invitation.objects.get(pk=invitation.pk).accepted_at is None


def test_the_people_page_lists_members_and_invitees(client, canvas, editor, stakeholder):
    client.force_login(editor)

    html = client.get(f"/canvases/{canvas.pk}/people/").content.decode()

    assert "stakeholder@example.org" in html
    assert "Cyclists&#x27; Union" in html
    assert "Has access since" in html


def test_inviting_from_the_people_page(
    client, canvas, editor, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/canvases/{canvas.pk}/people/",
            {"email": "panel@example.org", "role": "observer", "organisation": "Citizens' panel"},
        )

    assert response.status_code == 302
    assert Invitation.objects.get(email="panel@example.org").role == "observer"
    assert mailoutbox[0].to == ["panel@example.org"]


def test_revoke_and_resend_from_the_people_page(client, canvas, editor):
    invitation = invite(canvas, editor)
    client.force_login(editor)

    client.post(f"/invitations/{invitation.pk}/resend/")
    resent = Invitation.objects.get(pk=invitation.pk)
    client.post(f"/invitations/{invitation.pk}/revoke/")

    assert resent.send_count == 2
    assert Invitation.objects.get(pk=invitation.pk).revoked_at is not None


def test_an_invitee_with_no_council_lands_on_their_canvases(client, stakeholder, canvas):
    client.force_login(stakeholder)

    html = client.get("/").content.decode()

    assert "Canvases you are invited to" in html
    assert canvas.title in html
