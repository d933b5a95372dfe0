"""The lifecycle pages: who reads them, who acts on them, and what they show."""

import re

import pytest

from canvas_app.models import Snapshot, Stage
from canvas_app.services.cards import card_update
from canvas_app.services.lifecycle import canvas_transition, decision_make
from canvas_app.services.snapshots import snapshot_name

from .conftest import ROLES

READ_PAGES = ["history/", "activity/"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", READ_PAGES)
def test_every_reader_sees_the_trail(client, canvas, people, role, path):
    client.force_login(people[role])

    assert client.get(f"/canvases/{canvas.pk}/{path}").status_code == 200


@pytest.mark.parametrize("path", [*READ_PAGES, "compare/?base=1&target=now"])
def test_outsiders_find_nothing(client, canvas, outsider, path):
    client.force_login(outsider)

    assert client.get(f"/canvases/{canvas.pk}/{path}").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_only_editors_keep_and_restore_snapshots(client, canvas, people, editor, role):
    snapshot = snapshot_name(canvas=canvas, by=editor, name="Before")
    client.force_login(people[role])

    kept = client.post(f"/canvases/{canvas.pk}/snapshots/new/", {"name": "Mine"})
    restored = client.post(f"/canvases/{canvas.pk}/snapshots/{snapshot.pk}/restore/")

    allowed = role in ("admin", "editor")
    assert kept.status_code == (302 if allowed else 403)
    assert restored.status_code == (302 if allowed else 403)
    assert Snapshot.objects.filter(name="Mine").exists() == allowed


def test_the_history_page_offers_what_the_role_may_do(client, canvas, people, editor):
    canvas_transition(canvas=canvas, by=editor, to=Stage.CONSULTATION)
    canvas_transition(canvas=canvas, by=editor, to=Stage.REVIEW)

    client.force_login(editor)
    as_editor = client.get(f"/canvases/{canvas.pk}/history/").content.decode()
    client.force_login(people["approver"])
    as_approver = client.get(f"/canvases/{canvas.pk}/history/").content.decode()

    assert "Withdraw from review" in as_editor and "Record the decision" not in as_editor
    assert "Record the decision" in as_approver and "Withdraw from review" not in as_approver


def test_the_compare_page_shows_the_word_changes(client, canvas, editor, cards):
    before = snapshot_name(canvas=canvas, by=editor, name="Before")
    card_update(card=cards[0], by=editor, based_on_version=1, text="Replace 6,000 luminaires")
    client.force_login(editor)

    html = client.get(
        f"/canvases/{canvas.pk}/compare/?base={before.pk}&target=now"
    ).content.decode()

    assert re.search(r'<del class="diff-delete">.*?5,000.*?</del>', html)
    assert re.search(r'<ins class="diff-insert">.*?6,000.*?</ins>', html)
    assert "[removed]" in html  # said to screen readers too


def test_the_decisions_show_in_full_on_the_history_page(client, canvas, people, editor):
    canvas_transition(canvas=canvas, by=editor, to=Stage.CONSULTATION)
    canvas_transition(canvas=canvas, by=editor, to=Stage.REVIEW)
    rationale = "Approved <b>with</b> the condition that dimming excludes cycle routes."
    decision_make(canvas=canvas, by=people["approver"], outcome="approve", rationale=rationale)
    client.force_login(people["viewer"])

    html = client.get(f"/canvases/{canvas.pk}/history/").content.decode()

    assert "Approved &lt;b&gt;with&lt;/b&gt; the condition" in html
    assert "Open revision 2 as a draft" not in html  # a viewer may not


def test_an_approved_revision_reads_as_its_own_page(client, canvas, people, editor, cards):
    canvas_transition(canvas=canvas, by=editor, to=Stage.CONSULTATION)
    canvas_transition(canvas=canvas, by=editor, to=Stage.REVIEW)
    decision_make(canvas=canvas, by=people["approver"], outcome="approve", rationale="Good.")
    approved = Snapshot.objects.get(canvas=canvas, stage=Stage.APPROVED)
    client.force_login(editor)
    client.post(f"/canvases/{canvas.pk}/revisions/new/")
    card_update(card=cards[0], by=editor, based_on_version=1, text="Rewritten later")

    html = client.get(f"/canvases/{canvas.pk}/snapshots/{approved.pk}/").content.decode()

    assert "Replace 5,000 luminaires" in html and "Rewritten later" not in html
    assert "Make the PDF of this snapshot" in html
    assert client.get(f"/canvases/{canvas.pk}/snapshots/{approved.pk}/pdf/").status_code == 404
