"""Decisions on the cover, the consultation annex, and the business case of a snapshot.

The reviewed canvas's PDF is rendered once for the module (see conftest); the other
tests read the report's content or HTML, except the snapshot's, rendered by the service.
"""

import io

import pytest
from pypdf import PdfReader

from canvas_app.examples import EXAMPLES
from canvas_app.models import (
    CanvasRole,
    CommentKind,
    Decision,
    Outcome,
    Report,
    ReportStatus,
    Role,
    Stage,
    Stance,
)
from canvas_app.reports.content import report_content, snapshot_report_content
from canvas_app.reports.context import report_context
from canvas_app.reports.html import render_html
from canvas_app.services.cards import card_update
from canvas_app.services.comments import (
    comment_create,
    comment_delete,
    comment_edit,
    thread_resolve,
)
from canvas_app.services.exchange import canvas_create_from_example
from canvas_app.services.invitations import (
    invitation_accept,
    invitation_create,
    invitation_revoke,
    invitation_token,
)
from canvas_app.services.lifecycle import canvas_transition, decision_make
from canvas_app.services.moderation import comment_hide
from canvas_app.services.reports import (
    current_report,
    snapshot_report,
    snapshot_report_request,
)
from canvas_app.services.snapshots import snapshot_name
from tests.factories import CanvasFactory, CardFactory, MembershipFactory, UserFactory

from .conftest import squeeze

pytestmark = pytest.mark.django_db

CHANGES_RATIONALE = "Add the yearly maintenance of the poles.\nThen send it back to us."
APPROVAL_RATIONALE = "The savings repay the investment within six years."
RESOLUTION = "Lamps in parks will be dimmed to 30 % after midnight."
HIDDEN_TEXT = "Unpublishable insult about the lighting team"
HIDDEN_NOTE = "Note of a hidden thread"
WAITING_TEXT = "Still waiting for a moderator"
DELETED_TEXT = "Withdrawn by its author"


def _invitee(canvas, inviter, role: str, username: str, organisation: str = ""):
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


def _reviewed(council, editor):
    """A canvas consulted on, with comments of every sort, then sent back once and
    approved by an approver."""
    approver = UserFactory(username="report-approver", first_name="Bea", last_name="Janssens")
    MembershipFactory(council=council, user=approver, role=Role.APPROVER)
    canvas = CanvasFactory(council=council, owner=editor, title="Smart benches")
    CardFactory(canvas=canvas, block="public_value", text="Benches that charge phones")
    CardFactory(canvas=canvas, block="key_partners", text="Street furniture supplier")

    cyclists = _invitee(canvas, editor, CanvasRole.STAKEHOLDER, "cyclist", "Cyclists' Union")
    resident = _invitee(canvas, editor, CanvasRole.STAKEHOLDER, "resident")
    _invitee(canvas, editor, CanvasRole.OBSERVER, "watcher")
    invitation_create(  # never accepted
        canvas=canvas,
        by=editor,
        email="pending@example.org",
        role=CanvasRole.STAKEHOLDER,
        organisation="Pending Association",
    )
    _invitee(canvas, editor, CanvasRole.STAKEHOLDER, "gone", "Revoked Cooperative")
    invitation_revoke(
        invitation=canvas.invitations.get(organisation="Revoked Cooperative"), by=editor
    )

    canvas = canvas_transition(canvas=canvas, by=editor, to=Stage.CONSULTATION)

    def comment(by, body, kind, block="public_value", stance="", parent=None):
        return comment_create(
            canvas=canvas, by=by, body=body, kind=kind, block=block, stance=stance, parent=parent
        )

    resolved = comment(
        cyclists, "The lamps are too bright for the park.", "concern", stance="against"
    )
    thread_resolve(comment=resolved, by=editor, note=RESOLUTION)
    question = comment(
        resident, "Who maintains the benches?", "question", "key_partners", "neutral"
    )
    comment(editor, "The supplier does, for ten years.", "", question.block, parent=question)
    comment(resident, "A welcome idea.", "support", stance="for")

    hidden = comment(resident, HIDDEN_TEXT, "concern", "governance", "against")
    thread_resolve(comment=hidden, by=editor, note=HIDDEN_NOTE)
    comment_hide(comment=hidden, by=editor, reason="Insulting")
    deleted = comment(cyclists, DELETED_TEXT, "suggestion", "beneficiaries", "for")
    comment_delete(comment=deleted, by=cyclists)
    canvas.comments_premoderated = True
    canvas.save(update_fields=["comments_premoderated"])
    comment(cyclists, WAITING_TEXT, "suggestion", "costs", "for")

    # The editor sends it to review; the approver decides, twice.
    canvas = canvas_transition(canvas=canvas, by=editor, to=Stage.REVIEW)
    decision_make(
        canvas=canvas, by=approver, outcome=Outcome.REQUEST_CHANGES, rationale=CHANGES_RATIONALE
    )
    canvas = canvas_transition(canvas=canvas, by=editor, to=Stage.CONSULTATION)
    canvas = canvas_transition(canvas=canvas, by=editor, to=Stage.REVIEW)
    decision_make(canvas=canvas, by=approver, outcome=Outcome.APPROVE, rationale=APPROVAL_RATIONALE)
    canvas.refresh_from_db()
    emails = list(canvas.invitations.values_list("email", flat=True))
    return canvas, {"emails": emails}


@pytest.fixture(scope="module")
def reviewed(make_case):
    return make_case(_reviewed)


def _annex(case) -> str:
    """The consultation annex's text: from its heading (not the contents') to the end."""
    text = "\n".join(case.texts[1:])
    return squeeze(text[text.index("Annex B. Consultation") :])


# The cover ---------------------------------------------------------------------


def test_the_cover_gives_revision_stage_and_every_decision_with_its_rationale(reviewed):
    cover = squeeze(reviewed.texts[0])
    assert squeeze("Revision 1 · Approved") in cover
    changes = cover.index(squeeze(CHANGES_RATIONALE))
    approval = cover.index(squeeze(APPROVAL_RATIONALE))
    assert changes < approval  # oldest first
    assert squeeze("Changes requested Bea Janssens") in cover[:changes]
    assert squeeze("Approved Bea Janssens") in cover[changes:approval]
    assert "Revision1,approved" in cover and "Noapprovalrecordedyet" not in cover


# The consultation annex --------------------------------------------------------


def test_the_annex_names_the_consulted_by_organisation_or_role(reviewed):
    annex = _annex(reviewed)
    assert "Cyclists'UnionStakeholder" in annex
    assert "AstakeholderStakeholder" in annex
    assert "AnobserverObserver" in annex
    assert "PendingAssociation" not in reviewed.squeezed  # never accepted
    assert "RevokedCooperative" not in reviewed.squeezed


def test_the_annex_counts_public_comments_by_block_type_and_stance(reviewed):
    annex = _annex(reviewed)
    assert squeeze("4 comments in 3 threads: 2 open, 1 resolved.") in annex
    # Block, comments, open threads, resolved threads.
    assert "Publicvalueproposition211" in annex
    assert "Keypartners210" in annex
    assert "Total421" in annex
    for label, count in (("Question", 2), ("Concern", 1), ("Suggestion", 0), ("Support", 1)):
        assert f"{label}{count}" in annex, label
    for label, count in (("For", 1), ("Neutral", 1), ("Against", 1), ("Nostancegiven", 1)):
        assert f"{label}{count}" in annex, label


def test_the_annex_quotes_each_resolved_thread_with_its_resolution(reviewed):
    annex = _annex(reviewed)
    response = annex[annex.index("Responses") :]
    assert squeeze("Public value proposition · Concern") in response
    assert squeeze("The lamps are too bright for the park.") in response
    assert squeeze(f"Resolution: {RESOLUTION}") in response


def test_no_hidden_waiting_or_deleted_comment_and_no_address_reaches_the_pdf(reviewed):
    text = reviewed.squeezed
    for secret in (HIDDEN_TEXT, HIDDEN_NOTE, WAITING_TEXT, DELETED_TEXT):
        assert squeeze(secret) not in text, secret
    assert "@" not in text
    assert "example.org" not in text
    for email in reviewed.extra["emails"]:
        assert email not in text


def test_a_canvas_without_review_says_so_plainly(canvas):
    html = render_html(report_content(canvas), standalone=False)
    assert "No approval recorded yet" in html
    assert "No one outside the council was invited to this canvas." in html
    assert "No comments were made." in html
    assert 'id="report-consultation"' in html


def test_comments_and_rationales_are_printed_as_text(canvas, editor, approver):
    canvas.stage = Stage.CONSULTATION
    canvas.save()
    thread = comment_create(
        canvas=canvas, by=editor, body="<script>alert(1)</script>", kind="question", block="costs"
    )
    thread_resolve(comment=thread, by=editor, note='<img src="http://127.0.0.1:9/x.png">')
    Decision.objects.create(
        canvas=canvas, revision=1, outcome=Outcome.REJECT, rationale="<b>no</b>", by=approver
    )
    html = render_html(report_content(canvas), standalone=False)
    assert "<script>" not in html and "<img src=" not in html and "<b>no" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# The fingerprint ---------------------------------------------------------------


@pytest.fixture
def consulted(canvas, editor):
    """The canvas in consultation, a stakeholder invited, and one open thread."""
    canvas.stage = Stage.CONSULTATION
    canvas.save()
    stakeholder = _invitee(canvas, editor, CanvasRole.STAKEHOLDER, "stakeholder", "Union")
    thread = comment_create(
        canvas=canvas, by=stakeholder, body="Before", kind=CommentKind.QUESTION, block="costs"
    )
    return canvas, stakeholder, thread


def test_a_new_comment_changes_the_fingerprint(consulted):
    canvas, stakeholder, thread = consulted
    before = report_content(canvas).fingerprint()

    comment_create(canvas=canvas, by=stakeholder, body="And another thing", parent=thread)

    assert report_content(canvas).fingerprint() != before


@pytest.mark.parametrize("change", ["resolve", "hide", "invite"])
def test_a_resolution_a_hidden_comment_or_a_new_invitee_changes_the_fingerprint(
    consulted, editor, change
):
    canvas, _, thread = consulted
    before = report_content(canvas).fingerprint()

    if change == "resolve":
        thread_resolve(comment=thread, by=editor, note="Answered")
    elif change == "hide":
        comment_hide(comment=thread, by=editor, reason="Off topic")
    else:
        _invitee(canvas, editor, CanvasRole.OBSERVER, "newcomer")

    assert report_content(canvas).fingerprint() != before


def test_a_new_decision_changes_the_fingerprint(canvas, approver):
    before = report_content(canvas).fingerprint()

    Decision.objects.create(
        canvas=canvas, revision=1, outcome=Outcome.REJECT, rationale="Too costly", by=approver
    )

    assert report_content(canvas).fingerprint() != before


# The report of a snapshot ------------------------------------------------------


def test_a_snapshot_shows_the_decisions_and_comments_made_by_then_as_they_were(
    consulted, editor, approver
):
    canvas, stakeholder, thread = consulted
    snapshot = snapshot_name(canvas=canvas, by=editor, name="Before the committee")
    fingerprint = snapshot_report_content(snapshot).fingerprint()

    comment_edit(comment=thread, by=stakeholder, body="Edited since", stance=Stance.AGAINST)
    thread_resolve(comment=thread, by=editor, note="Answered since")
    comment_create(canvas=canvas, by=stakeholder, body="After", kind="support", block="costs")
    Decision.objects.create(
        canvas=canvas, revision=1, outcome=Outcome.REJECT, rationale="Later", by=approver
    )
    content = snapshot_report_content(snapshot)

    [comment] = content.consultation.comments
    assert (comment.body, comment.stance, comment.status) == ("Before", "", "open")
    assert content.decisions == []
    assert content.fingerprint() == fingerprint
    assert len(report_content(canvas).consultation.comments) == 2


def test_a_snapshot_of_an_unchanged_canvas_shows_what_the_canvas_shows(
    council, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # scored once it commits
        canvas = canvas_create_from_example(
            council=council, by=editor, example=EXAMPLES["led-street-lighting"]
        )
    snapshot = snapshot_name(canvas=canvas, by=editor, name="As it is")

    live = report_context(report_content(canvas))
    kept = report_context(snapshot_report_content(snapshot))

    assert kept["summary"] is not None
    assert any(role for row in kept["matrix"] for role in row["roles"])
    assert kept["milestones"][0]["owner"]
    for name in ("partners", "matrix", "milestones", "funding_sources", "flows", "parameter_rows"):
        assert kept[name] == live[name], name
    assert [(card.pk, card.text) for entry in kept["blocks"].values() for card in entry.cards] == [
        (card.pk, card.text) for entry in live["blocks"].values() for card in entry.cards
    ]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_a_snapshot_report_shows_the_snapshot_not_the_canvas_as_it_is_now(
    canvas, editor, approver, media, django_capture_on_commit_callbacks
):
    card = CardFactory(canvas=canvas, block="public_value", text="Dim the lamps after midnight")
    snapshot = snapshot_name(canvas=canvas, by=editor, name="Before the committee")
    card_update(card=card, by=editor, based_on_version=card.version, text="Switch them off")

    with django_capture_on_commit_callbacks(execute=True):  # rendered once it commits
        requested = snapshot_report_request(snapshot=snapshot, by=approver)

    report = Report.objects.get(pk=requested.pk)
    assert report.status == ReportStatus.DONE and report.snapshot_id == snapshot.pk
    text = squeeze(
        "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(report.pdf.read())).pages)
    )
    assert squeeze("Dim the lamps after midnight") in text
    assert squeeze("Switch them off") not in text
    assert "Beforethecommittee" in text
    assert snapshot_report(snapshot).pk == report.pk
    assert current_report(canvas) is None  # the canvas as it is now has no report yet
