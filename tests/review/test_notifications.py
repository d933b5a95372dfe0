"""Notifications in the app and by e-mail: who is told what, when, and how to stop it."""

import pytest
from django.utils import timezone

from canvas_app.models import Delivery, EmailOptOut, Notification, NotificationPreference
from canvas_app.services.comments import comment_create, thread_resolve
from canvas_app.services.digest import digest_send
from canvas_app.services.moderation import comment_hide
from canvas_app.services.notifications import (
    notifications_mark_read,
    preferences_of,
    preferences_update,
    unsubscribe_token,
)

from ..factories import CanvasFactory


@pytest.fixture
def post(django_capture_on_commit_callbacks):
    """Comment as someone, with the after-commit e-mails sent as they would be."""

    def make(canvas, by, body, **extra):
        extra.setdefault("block", "public_value")
        extra.setdefault("kind", "question")
        with django_capture_on_commit_callbacks(execute=True):
            return comment_create(canvas=canvas, by=by, body=body, **extra)

    return make


def kinds(comment):
    return dict(Notification.objects.filter(comment=comment).values_list("user__username", "kind"))


def test_a_mention_is_emailed_at_once(canvas, editor, stakeholder, post, mailoutbox):
    made = post(canvas, stakeholder, "@editor can you confirm the budget?")

    assert kinds(made) == {"editor": "mention"}
    [message] = mailoutbox
    assert message.to == ["editor@example.org"]
    assert "@editor can you confirm the budget?" in message.body
    assert "/unsubscribe/" in message.body and "/account/notifications/" in message.body


def test_a_reply_tells_the_threads_author(canvas, editor, stakeholder, post, mailoutbox):
    thread = post(canvas, stakeholder, "Who pays for maintenance?")

    reply = post(canvas, editor, "The utility, under the contract.", parent=thread)

    assert kinds(reply) == {"stakeholder": "reply"}
    assert mailoutbox[-1].to == ["stakeholder@example.org"]


def test_other_participants_get_it_in_the_digest_not_at_once(
    canvas, editor, stakeholder, observer, post, mailoutbox
):
    made = post(canvas, stakeholder, "A general remark")

    assert kinds(made) == {"editor": "comment", "observer": "comment"}
    assert mailoutbox == []
    assert set(Notification.objects.values_list("delivery", flat=True)) == {Delivery.DAILY}


def test_the_author_is_never_told_about_their_own_comment(canvas, editor, post):
    made = post(canvas, editor, "Note to self @editor")

    assert kinds(made) == {}


def test_members_who_take_no_part_are_not_told(canvas, editor, stakeholder, viewer, post):
    made = post(canvas, stakeholder, "Remark")

    assert "viewer" not in kinds(made)


def test_a_resolution_tells_the_threads_author(canvas, editor, stakeholder, post, mailoutbox):
    thread = post(canvas, stakeholder, "Question")

    thread_resolve(comment=thread, by=editor, note="Answered in the costs block.")

    notification = Notification.objects.get(kind="resolution")
    assert notification.user == stakeholder
    assert notification.data["note"] == "Answered in the costs block."


def test_preferences_choose_the_delivery(canvas, editor, stakeholder, post, mailoutbox):
    preferences_update(user=editor, changes={"mention": Delivery.OFF})

    post(canvas, stakeholder, "@editor hello")

    assert mailoutbox == []
    assert Notification.objects.get().delivery == Delivery.OFF


def test_preferences_have_defaults(editor):
    assert preferences_of(editor) == {
        "mention": "immediate",
        "reply": "immediate",
        "resolution": "immediate",
        "comment": "daily",
        "stage": "daily",
        "decision": "immediate",
        "assignment": "immediate",
    }


def test_marking_read(canvas, editor, stakeholder, post):
    first = post(canvas, stakeholder, "@editor one")
    post(canvas, stakeholder, "@editor two")
    [notification] = Notification.objects.filter(comment=first)

    assert notifications_mark_read(user=editor, ids=[notification.pk]) == 1
    assert notifications_mark_read(user=stakeholder, everything=True) == 0  # not theirs
    assert notifications_mark_read(user=editor, everything=True) == 1
    assert not Notification.objects.unread().exists()


def test_a_hidden_comment_is_no_longer_in_the_list(canvas, editor, stakeholder, post):
    made = post(canvas, stakeholder, "@editor rude words")

    comment_hide(comment=made, by=editor, reason="Abusive")

    assert not Notification.objects.filter(user=editor).exists()


def test_the_header_count_stops_at_99(client, canvas, editor, stakeholder):
    from canvas_app.models import Notification as N

    N.objects.bulk_create(
        N(user=editor, kind="stage", canvas=canvas, delivery="off") for _ in range(120)
    )
    client.force_login(editor)

    html = client.get("/notifications/").content.decode()

    assert '<span class="count-badge">99+<span' in html


def test_the_header_counts_unread_notifications(client, canvas, editor, stakeholder, post):
    post(canvas, stakeholder, "@editor please look")
    client.force_login(editor)

    html = client.get(f"/canvases/{canvas.pk}/").content.decode()

    assert '<span class="count-badge">1<span class="visually-hidden"> unread' in html


def test_the_notifications_page_and_mark_all_read(client, canvas, editor, stakeholder, post):
    post(canvas, stakeholder, "@editor please look")
    client.force_login(editor)

    page = client.get("/notifications/").content.decode()
    client.post("/notifications/read/", {"all": "1"})

    assert "mentioned you" in page and "please look" in page
    assert not Notification.objects.unread().exists()


# The digest ----------------------------------------------------------------


@pytest.fixture
def busy_day(council, editor, stakeholder, canvas, post):
    """The editor takes part in two canvases where others commented today."""
    other = CanvasFactory(council=council, owner=editor, title="Smart bins", stage="consultation")
    post(canvas, stakeholder, "First remark on lighting")
    post(canvas, stakeholder, "Second remark on lighting")
    from .conftest import accepted_invitation

    neighbour = accepted_invitation(other, editor, "stakeholder", "neighbour", "Residents")
    post(other, neighbour, "Bins overflow on Sundays")
    return other


def test_the_digest_groups_by_canvas_newest_first(editor, busy_day, canvas, mailoutbox):
    result = digest_send()

    [message] = [m for m in mailoutbox if m.to == ["editor@example.org"]]
    body = message.body
    assert result.emails == 1 and result.notifications == 3
    assert body.index("Smart bins") < body.index(canvas.title)  # newest canvas first
    assert body.index("Second remark") < body.index("First remark")
    assert "Bins overflow on Sundays" in body and "Residents" in body
    html = message.alternatives[0][0]
    assert "Bins overflow on Sundays" in html


def test_the_digest_never_sends_a_comment_twice(editor, busy_day, mailoutbox):
    digest_send()
    second = digest_send()

    assert second.emails == 0
    assert len(mailoutbox) == 1


def test_the_digest_respects_a_later_off(editor, busy_day, mailoutbox):
    preferences_update(user=editor, changes={"comment": Delivery.OFF})

    result = digest_send()

    assert (result.emails, result.skipped) == (0, 3)


def test_the_digest_leaves_out_hidden_comments(editor, busy_day, mailoutbox):
    hidden = Notification.objects.filter(user=editor).first().comment
    comment_hide(comment=hidden, by=editor, reason="Personal data")

    digest_send()

    assert hidden.body not in mailoutbox[0].body
    assert "Hidden" not in mailoutbox[0].body


def test_the_digest_sends_only_what_is_due(editor, busy_day, mailoutbox):
    earlier = timezone.now() - timezone.timedelta(days=1)

    assert digest_send(until=earlier).emails == 0


# Unsubscribe ---------------------------------------------------------------


def test_unsubscribe_works_without_signing_in(client, editor):
    token = unsubscribe_token(user=editor, kind="mention")

    response = client.get(f"/unsubscribe/{token}/")

    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=editor, kind="mention").delivery == "off"


def test_one_click_unsubscribe_by_post_and_undo(client, editor):
    token = unsubscribe_token(user=editor, kind="comment")

    client.post(f"/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"})
    assert preferences_of(editor)["comment"] == "off"
    client.post(f"/unsubscribe/{token}/", {"undo": "1"})
    assert preferences_of(editor)["comment"] == "daily"


def test_a_tampered_unsubscribe_link_changes_nothing(client, editor):
    token = unsubscribe_token(user=editor, kind="mention")

    response = client.get(f"/unsubscribe/{token[:-2]}xx/")

    assert response.status_code == 404
    assert not NotificationPreference.objects.exists()


def test_an_invited_address_can_opt_out_of_invitations(client, db):
    token = unsubscribe_token(email="ana@cyclists.example")

    client.get(f"/unsubscribe/{token}/")

    assert EmailOptOut.objects.filter(email="ana@cyclists.example").exists()


def test_the_preferences_page_saves(client, editor):
    client.force_login(editor)

    response = client.post(
        "/account/notifications/",
        {
            "mention": "daily",
            "reply": "immediate",
            "resolution": "off",
            "comment": "off",
            "stage": "off",
            "decision": "immediate",
            "assignment": "immediate",
        },
    )

    assert response.status_code == 302
    assert preferences_of(editor)["mention"] == "daily"
    assert preferences_of(editor)["resolution"] == "off"


# Found in review: access lost, mentions added by an edit, the plain-text layout ---------


def test_someone_who_lost_access_gets_no_more_emails(canvas, editor, stakeholder, post, mailoutbox):
    from canvas_app.models import Invitation
    from canvas_app.services.invitations import invitation_revoke

    post(canvas, editor, "Confidential: the budget is 2 M")
    invitation_revoke(invitation=Invitation.objects.get(user=stakeholder), by=editor)

    result = digest_send()

    assert result.emails == 0  # the notification left with the access
    assert not Notification.objects.filter(user=stakeholder).exists()


def test_a_mention_added_by_an_edit_is_emailed(
    canvas, editor, other_editor, stakeholder, post, mailoutbox, django_capture_on_commit_callbacks
):
    from canvas_app.services.comments import comment_edit

    post(canvas, other_editor, "I edited a card")  # other_editor now takes part
    made = post(canvas, stakeholder, "A remark")
    assert kinds(made)["editor2"] == "comment"

    with django_capture_on_commit_callbacks(execute=True):
        comment_edit(comment=made, by=stakeholder, body="A remark for @editor2")

    assert kinds(made)["editor2"] == "mention"
    assert mailoutbox[-1].to == ["editor2@example.org"]


def test_plain_text_emails_keep_each_line_whole(editor, busy_day, mailoutbox):
    digest_send()

    lines = mailoutbox[0].body.splitlines()
    assert any(
        line.startswith("* stakeholder (Cyclists' Union) commented on Public value proposition, ")
        for line in lines
    )
    assert not any(line.startswith(",") for line in lines)


def test_a_resend_to_an_address_that_opted_out_is_refused(canvas, editor):
    from django.core.exceptions import ValidationError

    from canvas_app.services.invitations import invitation_create, invitation_resend

    invitation = invitation_create(
        canvas=canvas, by=editor, email="late@example.org", role="observer"
    )
    EmailOptOut.objects.create(email="late@example.org")

    with pytest.raises(ValidationError):
        invitation_resend(invitation=invitation, by=editor)
