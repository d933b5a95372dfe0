"""The transition table: every stage, action and role, through the API and the pages."""

import pytest
from rest_framework.test import APIClient

from canvas_app.models import Canvas, Decision, Snapshot, Stage, StageChange
from canvas_app.services.lifecycle import MOVES

from .conftest import ROLES, put_at

STAGES = [Stage.DRAFT, Stage.CONSULTATION, Stage.REVIEW, Stage.APPROVED, Stage.ARCHIVED]
TARGETS = ["consultation", "review", "draft", "archived", "approved"]
DECIDERS = {"admin", "approver"}
EDITORS = {"admin", "editor"}


def expected_move(stage: str, to: str, role: str) -> int:
    if to == "approved":
        return 400  # only a decision approves
    move = MOVES[to]
    if role not in move.roles:
        return 403
    return 200 if stage in move.sources else 400


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("to", TARGETS)
@pytest.mark.parametrize("stage", STAGES)
def test_moving_through_the_api(canvas, people, editor, stage, to, role):
    put_at(canvas, stage, editor)

    response = api(people[role]).post(
        f"/api/v1/canvases/{canvas.pk}/transitions/", {"to": to, "note": "Ready"}, format="json"
    )

    code = expected_move(stage, to, role)
    assert response.status_code == code, response.content
    canvas.refresh_from_db()
    if code == 200:
        assert response.json()["stage"] == to == canvas.stage
        change = StageChange.objects.get(canvas=canvas, to_stage=to, note="Ready")
        assert (change.from_stage, change.by) == (stage, people[role])
        assert Snapshot.objects.filter(canvas=canvas, stage=to).exists()
    else:
        assert canvas.stage == stage
        assert "to" in response.json() or "detail" in response.json()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("to", TARGETS)
@pytest.mark.parametrize("stage", STAGES)
def test_moving_through_the_pages(client, canvas, people, editor, stage, to, role):
    put_at(canvas, stage, editor)
    client.force_login(people[role])

    response = client.post(f"/canvases/{canvas.pk}/transition/", {"to": to})

    code = expected_move(stage, to, role)
    canvas.refresh_from_db()
    if code == 403:
        assert response.status_code == 403
    else:
        assert response.status_code == 302
        assert canvas.stage == (to if code == 200 else stage)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("outcome", ["approve", "request_changes", "reject"])
@pytest.mark.parametrize("stage", STAGES)
def test_deciding(canvas, people, editor, stage, outcome, role):
    put_at(canvas, stage, editor)

    response = api(people[role]).post(
        f"/api/v1/canvases/{canvas.pk}/decisions/",
        {"outcome": outcome, "rationale": "Sound business case."},
        format="json",
    )

    canvas.refresh_from_db()
    if role not in DECIDERS:
        assert response.status_code == 403
    elif stage != Stage.REVIEW:
        assert response.status_code == 400 and "outcome" in response.json()
    else:
        assert response.status_code == 201
        assert response.json()["outcome"] == outcome
        assert canvas.stage == (Stage.APPROVED if outcome == "approve" else Stage.DRAFT)
        return
    assert canvas.stage == stage and not Decision.objects.exists()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("stage", STAGES)
def test_opening_a_new_revision(canvas, people, editor, stage, role):
    put_at(canvas, stage, editor)

    response = api(people[role]).post(f"/api/v1/canvases/{canvas.pk}/revisions/")

    canvas.refresh_from_db()
    if role not in EDITORS:
        assert response.status_code == 403
    elif stage != Stage.APPROVED:
        assert response.status_code == 400
    else:
        assert response.status_code == 201
        assert (response.json()["id"], response.json()["revision"], response.json()["stage"]) == (
            canvas.pk,
            2,
            "draft",
        )
        return
    assert (canvas.stage, canvas.revision) == (stage, 1)


def test_a_revision_consulted_once_goes_back_to_review_directly(canvas, people, editor):
    client = api(editor)
    url = f"/api/v1/canvases/{canvas.pk}/transitions/"
    early = client.post(url, {"to": "review"}, format="json")
    client.post(url, {"to": "consultation"}, format="json")
    client.post(url, {"to": "review"}, format="json")
    api(people["approver"]).post(
        f"/api/v1/canvases/{canvas.pk}/decisions/",
        {"outcome": "request_changes", "rationale": "Costs"},
        format="json",
    )

    again = client.post(url, {"to": "review"}, format="json")

    assert early.status_code == 400 and "consultation" in early.json()["to"][0]
    assert again.status_code == 200 and again.json()["stage"] == "review"


def test_the_decision_form_on_the_page(client, canvas, people, editor):
    put_at(canvas, Stage.REVIEW, editor)
    client.force_login(people["approver"])

    empty = client.post(f"/canvases/{canvas.pk}/decide/", {"outcome": "approve", "rationale": ""})
    done = client.post(
        f"/canvases/{canvas.pk}/decide/", {"outcome": "approve", "rationale": "Value for money"}
    )

    assert empty.status_code == 400 and "There is a problem" in empty.content.decode()
    assert done.status_code == 302
    assert Canvas.objects.get(pk=canvas.pk).stage == Stage.APPROVED


def test_an_approver_does_not_decide_on_their_own_submission(canvas, people):
    put_at(canvas, Stage.REVIEW, people["approver"])

    response = api(people["approver"]).post(
        f"/api/v1/canvases/{canvas.pk}/decisions/",
        {"outcome": "approve", "rationale": "Mine"},
        format="json",
    )

    assert response.status_code == 403
    assert "Segregation of duties" in response.json()["detail"]


def test_a_council_may_allow_it_and_the_decision_says_so(canvas, council, people):
    council.allow_self_approval = True
    council.save()
    put_at(canvas, Stage.REVIEW, people["admin"])

    response = api(people["admin"]).post(
        f"/api/v1/canvases/{canvas.pk}/decisions/",
        {"outcome": "approve", "rationale": "Small scheme"},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["self_approval_allowed"] is True


def test_a_decision_needs_a_rationale(canvas, people, editor):
    put_at(canvas, Stage.REVIEW, editor)

    response = api(people["approver"]).post(
        f"/api/v1/canvases/{canvas.pk}/decisions/",
        {"outcome": "approve", "rationale": " "},
        format="json",
    )

    assert response.status_code == 400 and "rationale" in response.json()


def test_an_outsider_finds_nothing(canvas, outsider, editor):
    put_at(canvas, Stage.REVIEW, editor)
    client = api(outsider)

    for path in ("transitions/", "decisions/", "snapshots/", "activity/"):
        assert client.get(f"/api/v1/canvases/{canvas.pk}/{path}").status_code == 404
    for path in ("transitions/", "decisions/", "revisions/", "snapshots/"):
        assert client.post(f"/api/v1/canvases/{canvas.pk}/{path}", {}).status_code == 404
