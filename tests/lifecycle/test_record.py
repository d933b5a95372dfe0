"""The official record: decisions never change, approved revisions never change, and
snapshots say exactly what changed."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from canvas_app.diffing import content_diff, word_diff
from canvas_app.models import Card, Decision, Snapshot, Stage
from canvas_app.services.cards import card_create, card_delete, card_move, card_update
from canvas_app.services.impact import impact_inputs_update
from canvas_app.services.lifecycle import canvas_transition, decision_make, revision_open
from canvas_app.services.snapshots import snapshot_content, snapshot_name

INPUTS = {"lifetime_years": 20, "first_year": 2026, "capex": 2_000_000, "opex": 20_000}


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def approved(canvas, people, editor, cards):
    """The canvas taken through consultation and review to an approval."""
    canvas_transition(canvas=canvas, by=editor, to=Stage.CONSULTATION)
    canvas_transition(canvas=canvas, by=editor, to=Stage.REVIEW)
    decision_make(canvas=canvas, by=people["approver"], outcome="approve", rationale="Sound.")
    canvas.refresh_from_db()
    return canvas


# Decisions -----------------------------------------------------------------


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_no_api_route_changes_a_decision(approved, people, method):
    decision = Decision.objects.get()
    url = f"/api/v1/canvases/{approved.pk}/decisions/{decision.pk}/"

    response = getattr(api(people["admin"]), method)(
        url, {"outcome": "reject", "rationale": "Changed my mind"}, format="json"
    )

    assert response.status_code == 405
    assert Decision.objects.get().rationale == "Sound."


def test_the_admin_site_only_reads_decisions(approved, client):
    root = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(root)
    decision = Decision.objects.get()
    base = f"/admin/canvas_app/decision/{decision.pk}"

    page = client.get(f"{base}/change/")
    changed = client.post(f"{base}/change/", {"rationale": "Edited", "outcome": "reject"})
    deleted = client.post(f"{base}/delete/", {"post": "yes"})
    bulk = client.post(
        "/admin/canvas_app/decision/",
        {"action": "delete_selected", "_selected_action": [decision.pk], "post": "yes"},
    )

    assert page.status_code == 200 and "Edited" not in page.content.decode()
    assert changed.status_code == 403 and deleted.status_code == 403
    assert bulk.status_code in (200, 302)
    assert Decision.objects.get().rationale == "Sound."


def test_a_canvas_with_decisions_is_archived_not_deleted(approved, people, client):
    response = api(people["editor"]).delete(f"/api/v1/canvases/{approved.pk}/")
    client.force_login(people["editor"])
    page = client.post(f"/canvases/{approved.pk}/remove/")

    assert response.status_code == 400 and "canvas" in response.json()
    assert page.status_code == 302
    assert Decision.objects.filter(canvas=approved).exists()


def test_a_decision_records_what_was_decided_on(approved, people):
    decision = Decision.objects.get()

    assert decision.fingerprint and len(decision.fingerprint) == 64
    assert (decision.by, decision.submitted_by, decision.revision) == (
        people["approver"],
        people["editor"],
        1,
    )


# Frozen revisions ------------------------------------------------------------


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("patch", "", {"title": "Renamed"}),
        ("post", "cards/", {"block": "costs", "text": "More"}),
        ("patch", "cards/{card}/", {"text": "Changed", "version": 1}),
        ("post", "cards/{card}/move/", {"block": "costs", "position": 0}),
        ("delete", "cards/{card}/", None),
        ("put", "impact-inputs/", INPUTS),
        (
            "put",
            "funding-sources/",
            [{"name": "EU", "kind": "eu_grant", "amount": 1, "secured": True}],
        ),
        ("post", "partners/", {"organisation": "Utility", "kind": "company"}),
        ("post", "milestones/", {"name": "Tender", "due_date": "2027-01-01"}),
        ("put", "responsibilities/", []),
    ],
)
def test_an_approved_revision_refuses_every_edit(approved, people, cards, method, path, body):
    url = f"/api/v1/canvases/{approved.pk}/" + path.format(card=cards[0].pk)

    response = getattr(api(people["editor"]), method)(url, body, format="json")

    assert response.status_code in (403, 409), response.content
    assert "approved" in response.json()["detail"]
    assert Card.objects.get(pk=cards[0].pk).text == "Replace 5,000 luminaires"


def test_pages_refuse_edits_and_say_why(approved, people, cards, client):
    client.force_login(people["editor"])

    response = client.post(f"/cards/{cards[0].pk}/edit/", {"text": "x", "version": 1})

    assert response.status_code == 403


def test_a_new_revision_leaves_the_approved_one_as_it_was(approved, people, cards):
    approved_snapshot = Snapshot.objects.get(canvas=approved, stage=Stage.APPROVED)
    revision_open(canvas=approved, by=people["editor"])
    approved.refresh_from_db()

    card_update(card=cards[0], by=people["editor"], based_on_version=1, text="Replace 6,000")

    approved_snapshot.refresh_from_db()
    texts = [c["text"] for c in approved_snapshot.content["cards"]]
    assert "Replace 5,000 luminaires" in texts and "Replace 6,000" not in texts
    assert (approved_snapshot.revision, approved.revision, approved.stage) == (1, 2, Stage.DRAFT)
    listed = api(people["viewer"]).get(f"/api/v1/canvases/{approved.pk}/snapshots/").json()
    assert {"revision": 1, "stage": "approved"}.items() <= next(
        s for s in listed if s["stage"] == "approved"
    ).items()


# Snapshots and diffs ---------------------------------------------------------


def test_a_diff_shows_added_removed_moved_and_changed_cards(canvas, editor, cards):
    before = snapshot_name(canvas=canvas, by=editor, name="Before")
    card_create(canvas=canvas, by=editor, block="costs", text="Opex EUR 20 k a year")
    card_delete(card=cards[2], by=editor)
    card_move(card=cards[1], by=editor, block="key_activities", position=0)
    card_update(card=cards[0], by=editor, based_on_version=1, text="Replace 6,000 luminaires")
    impact_inputs_update(canvas=canvas, by=editor, values=INPUTS)

    response = api(editor).get(f"/api/v1/canvases/{canvas.pk}/snapshots/{before.pk}/diff/")

    diff = response.json()
    activities, costs = diff["blocks"]["key_activities"], diff["blocks"]["costs"]
    assert [c["text"] for c in costs["added"]] == ["Opex EUR 20 k a year"]
    assert [c["text"] for c in costs["removed"]] == ["Investment EUR 2 M"]
    # The two activities swapped places: one of them is out of its former order.
    assert len(activities["moved"]) == 1
    [changed] = activities["changed"]
    assert (changed["card"], changed["before"], changed["after"]) == (
        cards[0].pk,
        "Replace 5,000 luminaires",
        "Replace 6,000 luminaires",
    )
    assert ["delete", "5,000"] in changed["words"] and ["insert", "6,000"] in changed["words"]
    assert diff["inputs"]["capex"] == {"before": None, "after": 2_000_000}


def test_a_diff_between_two_snapshots(canvas, editor, cards):
    first = snapshot_name(canvas=canvas, by=editor, name="One")
    card_update(card=cards[0], by=editor, based_on_version=1, text="Replace all luminaires")
    second = snapshot_name(canvas=canvas, by=editor, name="Two")
    card_update(card=cards[0], by=editor, based_on_version=2, text="Something else entirely")

    diff = (
        api(editor)
        .get(f"/api/v1/canvases/{canvas.pk}/snapshots/{first.pk}/diff/?to={second.pk}")
        .json()
    )

    [changed] = diff["blocks"]["key_activities"]["changed"]
    assert changed["after"] == "Replace all luminaires"


def test_a_bad_diff_target_names_the_field(canvas, editor, second_canvas):
    mine = snapshot_name(canvas=canvas, by=editor, name="Mine")
    theirs = snapshot_name(canvas=second_canvas, by=editor, name="Theirs")
    base = f"/api/v1/canvases/{canvas.pk}/snapshots/{mine.pk}/diff/"

    assert "to" in api(editor).get(f"{base}?to={theirs.pk}").json()
    assert "to" in api(editor).get(f"{base}?to=abc").json()


def test_word_diff_keeps_the_words_in_order():
    runs = word_diff("Lower energy bills for the city", "Lower energy and maintenance bills")

    assert "".join(text for op, text in runs if op != "insert") == "Lower energy bills for the city"
    assert "".join(text for op, text in runs if op != "delete") == (
        "Lower energy and maintenance bills"
    )


def test_identical_contents_have_no_diff(canvas, editor, cards):
    content = snapshot_content(canvas)

    diff = content_diff(content, content)

    assert diff["counts"] == {"added": 0, "removed": 0, "moved": 0, "changed": 0}
    assert diff["inputs"] == {} and diff["scores"] == {}


def test_restoring_opens_a_new_draft_revision_with_the_content(approved, people, cards):
    editor = people["editor"]
    approved_snapshot = Snapshot.objects.get(canvas=approved, stage=Stage.APPROVED)
    revision_open(canvas=approved, by=editor)
    approved.refresh_from_db()  # the cards' canvas is this object
    card_update(card=cards[0], by=editor, based_on_version=1, text="Rewritten")
    card_delete(card=cards[2], by=editor)
    card_create(canvas=approved, by=editor, block="funding", text="A new idea")

    response = api(editor).post(
        f"/api/v1/canvases/{approved.pk}/snapshots/{approved_snapshot.pk}/restore/"
    )

    assert response.status_code == 200
    assert (response.json()["revision"], response.json()["stage"]) == (3, "draft")
    texts = set(Card.objects.filter(canvas=approved).values_list("text", flat=True))
    assert texts == {c["text"] for c in approved_snapshot.content["cards"]}
    assert Card.objects.filter(pk=cards[2].pk).exists()  # back under its old id
    assert Snapshot.objects.filter(canvas=approved, kind="restore").exists()  # nothing lost
    diff = (
        api(editor)
        .get(f"/api/v1/canvases/{approved.pk}/snapshots/{approved_snapshot.pk}/diff/")
        .json()
    )
    assert diff["counts"] == {"added": 0, "removed": 0, "moved": 0, "changed": 0}


def test_stakeholders_read_snapshots_but_do_not_take_or_restore_them(canvas, people, editor):
    snapshot = snapshot_name(canvas=canvas, by=editor, name="Before")
    client = api(people["stakeholder"])

    listed = client.get(f"/api/v1/canvases/{canvas.pk}/snapshots/")
    diff = client.get(f"/api/v1/canvases/{canvas.pk}/snapshots/{snapshot.pk}/diff/")
    named = client.post(f"/api/v1/canvases/{canvas.pk}/snapshots/", {"name": "Mine"})
    restored = client.post(f"/api/v1/canvases/{canvas.pk}/snapshots/{snapshot.pk}/restore/")

    assert (listed.status_code, diff.status_code) == (200, 200)
    assert (named.status_code, restored.status_code) == (403, 403)


def test_the_activity_feed_pages_through_everything(canvas, editor, cards, people):
    for number in range(30):
        card_create(canvas=canvas, by=editor, block="costs", text=f"Cost {number}")
    canvas_transition(canvas=canvas, by=editor, to=Stage.CONSULTATION)

    first = api(people["viewer"]).get(f"/api/v1/canvases/{canvas.pk}/activity/").json()
    second = api(people["viewer"]).get(f"/api/v1/canvases/{canvas.pk}/activity/?page=2").json()

    assert first["count"] == 31  # 30 cards added, one stage change (factory cards have none)
    assert first["results"][0]["kind"] == "stage"
    assert len(first["results"]) + len(second["results"]) == first["count"]
    assert "Cost 29" in first["results"][1]["summary"]


def test_a_snapshot_has_a_business_case_of_its_own(
    approved, people, cards, django_capture_on_commit_callbacks
):
    snapshot = Snapshot.objects.get(canvas=approved, stage=Stage.APPROVED)
    base = f"/api/v1/canvases/{approved.pk}/snapshots/{snapshot.pk}/report/"
    client = api(people["viewer"])

    before = client.get(base)
    with django_capture_on_commit_callbacks(execute=True):  # renders in-process here
        asked = client.post(base)
    after = client.get(base)
    pdf = client.get(base + "pdf/")

    assert before.status_code == 404
    assert asked.status_code == 202
    assert after.json()["status"] == "done"
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_a_revision_sent_to_review_twice_has_two_review_snapshots_told_apart(
    canvas, people, editor
):
    client = api(editor)
    url = f"/api/v1/canvases/{canvas.pk}/transitions/"
    for to in ("consultation", "review", "draft", "review"):
        client.post(url, {"to": to}, format="json")

    names = [s["name"] for s in client.get(f"/api/v1/canvases/{canvas.pk}/snapshots/").json()]
    spanish = [
        s["name"]
        for s in client.get(
            f"/api/v1/canvases/{canvas.pk}/snapshots/", HTTP_ACCEPT_LANGUAGE="es"
        ).json()
    ]

    assert names[0] == "Review, revision 1 (2)" and "Review, revision 1" in names
    assert len(set(names)) == len(names)
    assert spanish[0] != names[0]
