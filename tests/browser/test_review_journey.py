import re

import pytest
from playwright.sync_api import expect

from canvas_app.models import (
    CanvasRole,
    Comment,
    CommentKind,
    Invitation,
    Notification,
    NotificationKind,
    Stance,
    ThreadStatus,
)

from ..factories import CardFactory
from .conftest import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INVITEE = "anna@cyclists.example.org"
QUESTION = "Will the lamps dim after midnight on the cycle routes? @editor can you confirm?"
ANSWER = "Only on residential streets: the cycle routes stay at full light."
NOTE = "Answered: cycle routes are excluded from night dimming."


def invitation_path(mailoutbox, email: str) -> str:
    """The accept link of the one invitation e-mail sent to this address."""
    sent = [message for message in mailoutbox if message.to == [email]]
    assert len(sent) == 1
    found = re.search(r"/invitations/[0-9a-f]{64}/", sent[0].body)
    assert found, sent[0].body
    return found.group()


def invite(page, canvas, email: str, organisation: str) -> None:
    page.goto(f"/canvases/{canvas.pk}/")
    page.get_by_role("link", name="People").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Who has access")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_role("group", name="Role").get_by_label("Stakeholder").check()
    page.get_by_label("Organisation").fill(organisation)
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("status")).to_contain_text(f"Invitation sent to {email}.")
    invited = page.get_by_role("table", name="Invitations to this canvas")
    expect(invited).to_contain_text(organisation)
    expect(invited).to_contain_text("Invited, link valid until")


def open_the_consultation(page, canvas) -> None:
    page.goto(f"/canvases/{canvas.pk}/")
    page.locator("summary", has_text="Open the consultation").click()
    page.get_by_role("button", name="Open the consultation").click()
    expect(page.get_by_role("status")).to_contain_text("The consultation is open")


def accept_with_new_account(page, path: str, username: str, password: str) -> None:
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_contain_text("You are invited to")
    assert serious_violations(page) == []
    account = page.get_by_role("region", name="New here? Create an account")
    account.get_by_label("Username").fill(username)
    account.get_by_label("Password", exact=True).fill(password)
    account.get_by_label("Password again").fill(password)
    account.get_by_role("button", name="Create the account and accept").click()


def ask_a_question_on_the_card(page, card, body: str) -> None:
    page.get_by_role("link", name="Comments", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Comments")
    assert serious_violations(page) == []
    form = page.get_by_role("region", name="New comment")
    form.get_by_role("button", name="Post the comment").click()  # empty: the errors show
    expect(form.get_by_role("alert")).to_contain_text("Comment: This field is required.")
    assert serious_violations(page) == []
    form.get_by_label("On the block", exact=True).select_option(card.block)
    form.get_by_label("On a card of that block").select_option(str(card.pk))
    form.get_by_role("group", name="Type").get_by_label("Question").check()
    form.get_by_role("group", name="Your stance").get_by_label("For", exact=True).check()
    form.get_by_label("Comment", exact=True).fill(body)
    form.get_by_role("button", name="Post the comment").click()


def test_an_invited_stakeholder_asks_on_a_card_and_the_editor_resolves_it(
    page, browser, live_server, sign_in, mailoutbox, editor, council, canvas, card
):
    CardFactory(canvas=canvas, block=card.block, text="Safer streets at night", position=1)
    sign_in("editor")
    invite(page, canvas, INVITEE, "Cyclists' Union")
    assert serious_violations(page) == []
    path = invitation_path(mailoutbox, INVITEE)
    open_the_consultation(page, canvas)

    stakeholder_context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1400, "height": 1000}
    )
    stakeholder_context.set_default_timeout(10_000)
    try:
        visitor = stakeholder_context.new_page()
        accept_with_new_account(visitor, path, "anna", "lantern-orchard-river-42")
        expect(visitor).to_have_url(re.compile(rf"/canvases/{canvas.pk}/$"))
        expect(visitor.get_by_role("heading", level=1)).to_have_text(canvas.title)
        expect(visitor.get_by_role("status")).to_contain_text("Welcome.")
        ask_a_question_on_the_card(visitor, card, QUESTION)
        expect(visitor.get_by_role("status")).to_contain_text("Comment posted.")
        expect(visitor.locator(".thread__card")).to_contain_text("Lower energy bills")
    finally:
        stakeholder_context.close()

    invitation = Invitation.objects.get(canvas=canvas, email=INVITEE)
    assert invitation.role == CanvasRole.STAKEHOLDER
    assert invitation.user.username == "anna" and invitation.accepted_at is not None
    thread = Comment.objects.get(canvas=canvas, parent=None)
    assert (thread.card_id, thread.block) == (card.pk, card.block)
    assert (thread.kind, thread.stance) == (CommentKind.QUESTION, Stance.FOR)
    assert list(thread.mentions.all()) == [editor]

    page.goto(f"/canvases/{canvas.pk}/")
    notifications_link = page.get_by_role("link", name=re.compile(r"^Notifications"))
    expect(notifications_link).to_have_text("Notifications 1 unread")
    notifications_link.click()
    expect(page.locator(".notification--unread")).to_have_count(1)
    expect(page.locator(".notification__what")).to_contain_text(
        "anna (Cyclists' Union) mentioned you"
    )
    assert serious_violations(page) == []

    page.get_by_role("link", name=f"Open “{canvas.title}”, Public value proposition").click()
    expect(page).to_have_url(re.compile(rf"/comments/{thread.pk}/#comment-{thread.pk}$"))
    conversation = page.locator(f"#thread-{thread.pk}")
    expect(conversation.locator(".comment__body").first).to_have_text(QUESTION)
    conversation.locator("summary", has_text="Reply").click()
    conversation.get_by_label("Reply", exact=True).fill(ANSWER)
    assert serious_violations(page) == []
    conversation.get_by_role("button", name="Post the reply").click()
    expect(conversation.get_by_role("list", name="Replies")).to_contain_text(ANSWER)

    conversation.locator("summary", has_text="Resolve").click()
    conversation.get_by_label("Resolution note").fill(NOTE)
    conversation.get_by_role("button", name="Resolve the thread").click()
    expect(conversation.locator(".thread__resolution")).to_contain_text("Resolved by editor")
    expect(conversation.locator(".thread__resolution")).to_contain_text(NOTE)

    page.reload()
    expect(page.locator(".thread__title")).to_contain_text("Resolved")
    expect(page.locator(".thread__resolution")).to_contain_text(NOTE)
    assert serious_violations(page) == []

    thread.refresh_from_db()
    assert thread.status == ThreadStatus.RESOLVED
    assert (thread.resolved_by, thread.resolution_note) == (editor, NOTE)
    assert list(thread.replies.values_list("body", "author")) == [(ANSWER, editor.pk)]
    told_anna = Notification.objects.filter(user=invitation.user).values_list("kind", flat=True)
    assert sorted(told_anna) == sorted([NotificationKind.REPLY, NotificationKind.RESOLUTION])

    page.goto("/account/notifications/")
    expect(page.get_by_role("heading", level=1)).to_have_text("E-mail settings")
    assert serious_violations(page) == []
    page.goto(f"/councils/{council.slug}/moderation/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation")
    assert serious_violations(page) == []
