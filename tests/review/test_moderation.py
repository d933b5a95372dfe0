"""Moderation: reports, hiding with a reason, pre-moderation; a hidden comment is gone
from every route for everyone but its author and the moderators."""

import pytest
from django.core.exceptions import ValidationError

from canvas_app.models import Canvas, CommentReport, ModerationEntry, Notification
from canvas_app.services.comments import comment_create
from canvas_app.services.digest import digest_send
from canvas_app.services.moderation import (
    comment_approve,
    comment_hide,
    comment_report,
    comment_unhide,
    reports_dismiss,
)

SECRET = "Call me on +32 470 12 34 56, my address is 4 Kerkstraat"


@pytest.fixture
def offensive(canvas, stakeholder, editor, observer, django_capture_on_commit_callbacks):
    """A comment by the stakeholder that mentions the editor, then hidden."""
    with django_capture_on_commit_callbacks(execute=True):
        made = comment_create(
            canvas=canvas, by=stakeholder, block="costs", kind="concern", body=f"@editor {SECRET}"
        )
    comment_report(comment=made, by=observer, reason="Personal data")
    comment_hide(comment=made, by=editor, reason="Personal data of a third person")
    return made


def test_hiding_records_the_reason_and_closes_the_reports(offensive, editor):
    entry = ModerationEntry.objects.get(comment=offensive)

    assert (entry.action, entry.reason, entry.by) == (
        "hide",
        "Personal data of a third person",
        editor,
    )
    assert CommentReport.objects.get(comment=offensive).handled_at is not None


def test_hiding_needs_a_reason(canvas, stakeholder, editor):
    made = comment_create(canvas=canvas, by=stakeholder, block="costs", kind="concern", body="x")

    with pytest.raises(ValidationError) as error:
        comment_hide(comment=made, by=editor, reason="")

    assert "reason" in error.value.message_dict


def test_unhiding_shows_it_again(offensive, editor, observer, client):
    comment_unhide(comment=offensive, by=editor, reason="The person agreed")
    client.force_login(observer)

    assert SECRET in client.get(f"/comments/{offensive.pk}/").content.decode()


def test_others_see_a_placeholder_on_the_page(offensive, observer, client):
    client.force_login(observer)

    html = client.get(f"/comments/{offensive.pk}/").content.decode()
    listing = client.get(f"/canvases/{offensive.canvas_id}/comments/").content.decode()

    assert SECRET not in html and SECRET not in listing
    assert "Hidden by a moderator." in html


def test_the_author_and_moderators_still_see_it(offensive, stakeholder, editor, client):
    for user in (stakeholder, editor):
        client.force_login(user)
        assert SECRET in client.get(f"/comments/{offensive.pk}/").content.decode()


def test_the_api_leaves_it_out_for_others(offensive, observer, editor, api_as):
    others = api_as(observer).get(f"/api/v1/canvases/{offensive.canvas_id}/comments/")
    detail = api_as(observer).get(
        f"/api/v1/canvases/{offensive.canvas_id}/comments/{offensive.pk}/"
    )
    moderator = api_as(editor).get(f"/api/v1/canvases/{offensive.canvas_id}/comments/")

    assert SECRET not in others.content.decode() and others.json()["count"] == 0
    assert detail.status_code == 404
    assert moderator.json()["results"][0]["hidden"] is True


def test_no_notification_or_digest_carries_it(offensive, editor, observer, client, mailoutbox):
    mailoutbox.clear()
    digest_send()
    client.force_login(editor)
    listed = client.get("/notifications/").content.decode()
    api = client.get("/api/v1/notifications/").content.decode()

    assert not any(SECRET in m.body for m in mailoutbox)
    assert SECRET not in listed and SECRET not in api
    assert not Notification.objects.filter(user=observer).visible().exists()


def test_the_report_page_and_pdf_leave_it_out(offensive, editor, client):
    client.force_login(editor)

    html = client.get(f"/canvases/{offensive.canvas_id}/report/").content.decode()
    export = client.get(f"/canvases/{offensive.canvas_id}/export.json").content.decode()

    assert SECRET not in html and SECRET not in export


def test_dismissing_keeps_the_comment(canvas, stakeholder, editor, observer):
    made = comment_create(canvas=canvas, by=stakeholder, block="costs", kind="concern", body="x")
    comment_report(comment=made, by=observer, reason="I disagree")

    reports_dismiss(comment=made, by=editor, reason="Disagreement is not abuse")

    made.refresh_from_db()
    assert made.hidden_at is None
    assert CommentReport.objects.get().handled_at is not None


def test_reporting_twice_updates_the_reason(canvas, stakeholder, observer):
    made = comment_create(canvas=canvas, by=stakeholder, block="costs", kind="concern", body="x")

    first, created = comment_report(comment=made, by=observer, reason="Spam")
    again, created_again = comment_report(comment=made, by=observer, reason="Spam, twice")

    assert (created, created_again) == (True, False)
    assert CommentReport.objects.get().reason == "Spam, twice"


def test_the_queue_lists_reported_and_waiting_comments(
    canvas, council, stakeholder, editor, observer, client
):
    Canvas.objects.filter(pk=canvas.pk).update(comments_premoderated=True)
    canvas.refresh_from_db()
    waiting = comment_create(canvas=canvas, by=stakeholder, block="costs", kind="concern", body="W")
    reported = comment_create(canvas=canvas, by=editor, block="costs", kind="support", body="R")
    comment_report(comment=reported, by=observer, reason="Spam link")
    client.force_login(editor)

    html = client.get(f"/councils/{council.slug}/moderation/").content.decode()

    assert "Waiting for approval" in html and "Spam link" in html
    assert f"/comments/{waiting.pk}/approve/" in html


def test_premoderated_comments_wait_then_publish_and_notify(
    canvas, stakeholder, editor, observer, client, django_capture_on_commit_callbacks
):
    Canvas.objects.filter(pk=canvas.pk).update(comments_premoderated=True)
    canvas.refresh_from_db()
    waiting = comment_create(
        canvas=canvas, by=stakeholder, block="costs", kind="concern", body="@editor first remark"
    )
    client.force_login(observer)
    before = client.get(f"/canvases/{canvas.pk}/comments/").content.decode()
    nobody_told = not Notification.objects.filter(comment=waiting).exists()

    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=waiting, by=editor)

    after = client.get(f"/canvases/{canvas.pk}/comments/").content.decode()
    assert "first remark" not in before and "first remark" in after
    assert nobody_told
    assert Notification.objects.get(comment=waiting, user=editor).kind == "mention"


def test_a_waiting_comment_is_not_found_by_others(canvas, stakeholder, observer, client):
    Canvas.objects.filter(pk=canvas.pk).update(comments_premoderated=True)
    canvas.refresh_from_db()
    waiting = comment_create(canvas=canvas, by=stakeholder, block="costs", kind="concern", body="x")
    client.force_login(observer)

    assert client.get(f"/comments/{waiting.pk}/").status_code == 404
