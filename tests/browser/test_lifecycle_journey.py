import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from canvas_app.models import (
    Canvas,
    CanvasRole,
    Comment,
    Decision,
    Outcome,
    Snapshot,
    Stage,
    StageChange,
    ThreadStatus,
)

from ..factories import CardFactory
from ..review.conftest import accepted_invitation
from .conftest import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
CARD_BEFORE = "Lights dim to 30 % after midnight on every street, cycle routes included."
CARD_AFTER = "Lights dim to 30 % after midnight on every street, cycle routes excluded."
CONCERN = "Dimmed cycle routes feel unsafe at night: please keep them at full light."
NOTE = "Agreed: the cycle routes stay at full light all night."
CHANGES_WANTED = "The card still dims the cycle routes: exclude them, as the note promises."
APPROVAL = "The cycle routes are excluded from dimming, as consulted. Approved for tender."


def signed_in(browser, live_server, username: str):
    """A page in a browser context of its own, signed in as this person."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1400, "height": 1000}, accept_downloads=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    return context, page


def move_from_the_stage_bar(page, canvas, action: str, note: str, confirmation: str) -> None:
    page.goto(f"/canvases/{canvas.pk}/")
    move = page.locator(".stage-bar form", has=page.locator("summary", has_text=action))
    move.locator("summary").click()
    move.get_by_label("Note").fill(note)
    move.get_by_role("button", name=action).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stages and decisions")
    expect(page.get_by_role("status")).to_contain_text(confirmation)


def decide(page, canvas, choice: str, rationale: str, recorded: str) -> None:
    page.goto(f"/canvases/{canvas.pk}/history/")
    decision = page.get_by_role("region", name=f"Decide on revision {canvas.revision}")
    expect(decision).to_contain_text("Sent to review by editor.")
    decision.get_by_role("group", name="Decision").get_by_label(choice, exact=True).check()
    decision.get_by_label("Rationale").fill(rationale)
    assert serious_violations(page) == []  # the history page, with the decision form
    decision.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("status")).to_contain_text(f"Decision recorded: {recorded}.")
    expect(page.locator(".decisions")).to_contain_text(rationale)


def comment_on_the_card(page, canvas, card, body: str) -> None:
    page.goto(f"/canvases/{canvas.pk}/comments/")
    form = page.get_by_role("region", name="New comment")
    form.get_by_label("On the block", exact=True).select_option(card.block)
    form.get_by_label("On a card of that block").select_option(str(card.pk))
    form.get_by_role("group", name="Type").get_by_label("Concern").check()
    form.get_by_role("group", name="Your stance").get_by_label("Against", exact=True).check()
    form.get_by_label("Comment", exact=True).fill(body)
    form.get_by_role("button", name="Post the comment").click()
    expect(page.get_by_role("status")).to_contain_text("Comment posted.")


def resolve(page, canvas, thread: Comment, note: str) -> None:
    page.goto(f"/canvases/{canvas.pk}/comments/")
    conversation = page.locator(f"#thread-{thread.pk}")
    expect(conversation).to_contain_text(CONCERN)
    conversation.locator("summary", has_text="Resolve").click()
    conversation.get_by_label("Resolution note").fill(note)
    conversation.get_by_role("button", name="Resolve the thread").click()
    expect(conversation.locator(".thread__resolution")).to_contain_text(note)


def fix_the_card(page, canvas, text: str) -> None:
    page.goto(f"/canvases/{canvas.pk}/")
    block = page.get_by_role("region", name="Public value proposition")
    block.get_by_role("link", name="Edit").click()
    block.locator(".card--editing").get_by_label("Card text").fill(text)
    block.get_by_role("button", name="Save card").click()
    expect(block.locator(".card__text")).to_have_text(text)


def pdf_text(page, canvas, tmp_path) -> str:
    page.goto(f"/canvases/{canvas.pk}/report/")
    page.get_by_role("button", name="Make the PDF").click()
    download_link = page.get_by_role("link", name="Download the PDF")
    expect(download_link).to_be_visible(timeout=30_000)
    with page.expect_download() as download:
        download_link.click()
    path = tmp_path / "business-case.pdf"
    download.value.save_as(path)
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_a_consulted_canvas_goes_back_for_a_fix_and_is_approved(
    page, browser, live_server, sign_in, editor, approver, council, canvas, tmp_path
):
    card = CardFactory(canvas=canvas, block="public_value", text=CARD_BEFORE, position=0)
    accepted_invitation(canvas, editor, CanvasRole.STAKEHOLDER, "anna", "Cyclists' Union")
    sign_in("editor")
    move_from_the_stage_bar(
        page, canvas, "Open the consultation", "Please comment by Friday.", "consultation is open"
    )
    assert Canvas.objects.get(pk=canvas.pk).stage == Stage.CONSULTATION

    stakeholder, visitor = signed_in(browser, live_server, "anna")
    try:
        comment_on_the_card(visitor, canvas, card, CONCERN)
    finally:
        stakeholder.close()
    thread = Comment.objects.get(canvas=canvas, parent=None)
    assert (thread.author.username, thread.card_id) == ("anna", card.pk)

    resolve(page, canvas, thread, NOTE)
    thread.refresh_from_db()
    assert (thread.status, thread.resolution_note) == (ThreadStatus.RESOLVED, NOTE)
    move_from_the_stage_bar(page, canvas, "Send to review", "Consulted.", "Sent to review")

    council_approver, deciding = signed_in(browser, live_server, "approver")
    try:
        decide(deciding, canvas, "Request changes", CHANGES_WANTED, "Changes requested")
        assert Canvas.objects.get(pk=canvas.pk).stage == Stage.DRAFT

        fix_the_card(page, canvas, CARD_AFTER)
        # Consulted once, this revision goes from draft straight back to review.
        move_from_the_stage_bar(page, canvas, "Send to review", "Card fixed.", "Sent to review")
        decide(deciding, canvas, "Approve", APPROVAL, "Approved")
    finally:
        council_approver.close()

    canvas.refresh_from_db()
    assert (canvas.stage, canvas.revision) == (Stage.APPROVED, 1)
    decisions = Decision.objects.filter(canvas=canvas).order_by("at", "id")
    assert [(d.outcome, d.rationale, d.revision) for d in decisions] == [
        (Outcome.REQUEST_CHANGES, CHANGES_WANTED, 1),
        (Outcome.APPROVE, APPROVAL, 1),
    ]
    assert all((d.by, d.submitted_by) == (approver, editor) for d in decisions)
    assert not any(d.self_approval_allowed for d in decisions)
    assert list(
        StageChange.objects.filter(canvas=canvas)
        .order_by("at", "id")
        .values_list("from_stage", "to_stage")
    ) == [
        (Stage.DRAFT, Stage.CONSULTATION),
        (Stage.CONSULTATION, Stage.REVIEW),
        (Stage.REVIEW, Stage.DRAFT),
        (Stage.DRAFT, Stage.REVIEW),
        (Stage.REVIEW, Stage.APPROVED),
    ]

    first_review = Snapshot.objects.get(
        canvas=canvas, kind="stage", stage=Stage.REVIEW, revision=1, sequence=1
    )
    approved = Snapshot.objects.get(canvas=canvas, kind="stage", stage=Stage.APPROVED)
    page.goto(f"/canvases/{canvas.pk}/history/")
    expect(page.locator(".decisions")).to_contain_text(CHANGES_WANTED)
    expect(page.locator(".decisions")).to_contain_text(APPROVAL)
    assert serious_violations(page) == []
    compare = page.get_by_role("form", name="Compare two versions")
    compare.get_by_label("From").select_option(str(first_review.pk))
    compare.get_by_label("To").select_option(str(approved.pk))
    compare.get_by_role("button", name="Compare").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("What changed")
    expect(page.locator(".lead")).to_contain_text("From “Review, revision 1” (revision 1")
    expect(page.locator(".lead")).to_contain_text("to “Approved, revision 1” (revision 1)")
    expect(page.get_by_text("0 cards added, 0 removed, 0 moved, 1 changed.")).to_be_visible()
    fixed = page.get_by_role("region", name="Public value proposition").locator(".diff-words")
    expect(fixed.locator("del.diff-delete")).to_contain_text("included.")
    expect(fixed.locator("ins.diff-insert")).to_contain_text("excluded.")
    expect(fixed).to_contain_text("Lights dim to 30 % after midnight on every street, cycle routes")
    # What a screen reader gets: both changes, each named and bounded.
    expect(fixed).to_match_aria_snapshot(
        """
        - listitem:
          - text: Lights dim to 30 % after midnight on every street, cycle routes
          - deletion: "[removed] included. [end of removed]"
          - insertion: "[added] excluded. [end of added]"
        """
    )
    assert serious_violations(page) == []

    page.goto(f"/canvases/{canvas.pk}/activity/")
    feed = page.locator(".activity")
    expect(feed).to_contain_text("approver decided on revision 1: Approved")
    expect(feed).to_contain_text("approver decided on revision 1: Changes requested")
    expect(feed).to_contain_text("editor edited a card in Public value proposition")
    expect(feed).to_contain_text("anna commented on Public value proposition")
    assert serious_violations(page) == []

    text = pdf_text(page, canvas, tmp_path)
    cover = text[: text.index("Contents")]
    assert "Decisions" in cover
    assert f"Rationale: {CHANGES_WANTED}" in cover
    assert f"Rationale: {APPROVAL}" in cover
    assert cover.index(CHANGES_WANTED) < cover.index(APPROVAL)  # oldest first
    annex = text[text.rindex("Annex B. Consultation") :]
    assert "Organisation Role Cyclists' Union Stakeholder" in annex
    assert "1 comment in 1 thread: 0 open, 1 resolved." in annex
    assert "Public value proposition 1 0 1 Total 1 0 1" in annex
    assert "Comments by type Question 0 Concern 1 Suggestion 0 Support 0" in annex
    assert "Comments by stance For 0 Neutral 0 Against 1" in annex
    # The response quotes the card as it read when the stakeholder commented.
    assert f"on the card “{CARD_BEFORE}” · Concern {CONCERN} Resolution: {NOTE}" in annex
