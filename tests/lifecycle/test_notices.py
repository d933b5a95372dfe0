"""Each stage change and decision tells the people concerned."""

from canvas_app.models import Notification, Stage
from canvas_app.services.lifecycle import canvas_transition, decision_make


def kinds_for(user):
    return sorted(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_opening_the_consultation_tells_the_participants(
    canvas, people, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        canvas_transition(canvas=canvas, by=editor, to=Stage.CONSULTATION, note="Two weeks")

    notice = Notification.objects.get(user=people["stakeholder"])
    assert (notice.kind, notice.data["to"], notice.data["note"]) == (
        "stage",
        "consultation",
        "Two weeks",
    )
    assert kinds_for(editor) == []  # who moved it is not told


def test_sending_to_review_asks_the_approvers_at_once(
    canvas, people, editor, mailoutbox, django_capture_on_commit_callbacks
):
    canvas_transition(canvas=canvas, by=editor, to=Stage.CONSULTATION)

    with django_capture_on_commit_callbacks(execute=True):
        canvas_transition(canvas=canvas, by=editor, to=Stage.REVIEW)

    assert kinds_for(people["approver"]) == ["assignment"]
    assert kinds_for(people["admin"]) == ["assignment"]
    to = {address for message in mailoutbox for address in message.to}
    assert people["approver"].email in to
    assert any("your decision is asked" in m.subject for m in mailoutbox)


def test_a_decision_reaches_the_submitter_with_its_rationale(
    canvas, people, editor, mailoutbox, django_capture_on_commit_callbacks
):
    canvas_transition(canvas=canvas, by=editor, to=Stage.CONSULTATION)
    canvas_transition(canvas=canvas, by=editor, to=Stage.REVIEW)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decision_make(
            canvas=canvas,
            by=people["approver"],
            outcome="request_changes",
            rationale="Show the maintenance costs over 20 years.",
        )

    [message] = [m for m in mailoutbox if m.to == [editor.email]]
    assert "Changes requested" in message.subject
    assert "Show the maintenance costs over 20 years." in message.body


def test_the_notifications_page_shows_stage_changes(client, canvas, people, editor):
    canvas_transition(canvas=canvas, by=editor, to=Stage.CONSULTATION, note="Until 1 March")
    client.force_login(people["stakeholder"])

    html = client.get("/notifications/").content.decode()

    assert "moved the canvas to <strong>consultation</strong>" in html
    assert "Until 1 March" in html
