"""End to end with a real worker (and beat): the e-mails of the review feature, from a
saved comment to a written e-mail, the broker being down when the comment is saved,
and the daily digest sent on beat's schedule."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from canvas_app.models import CanvasRole, CommentKind, Delivery, Notification, NotificationKind
from canvas_app.services.comments import comment_create
from canvas_app.tasks import sweep_emails

from ..factories import CanvasFactory
from ..review.conftest import accepted_invitation
from .conftest import BROKER, UNREACHABLE_BROKER, text_of, use_broker, wait_until

pytestmark = pytest.mark.worker

# Beat sends the digest every second, and nothing else while the test runs.
FAST_DIGEST = {
    "DIGEST_EVERY_SECONDS": "1",
    "ASSESSMENT_SWEEP_SECONDS": "3600",
    "EMAIL_SWEEP_SECONDS": "3600",
}


def comment(canvas, by, body: str):
    return comment_create(
        canvas=canvas, by=by, body=body, kind=CommentKind.SUGGESTION, block="key_partners"
    )


def runs(worker_log, task: str) -> int:
    """How many times the worker has finished a task, by its log."""
    return len(re.findall(rf"tasks\.{task}\[[^\]]+\] succeeded", worker_log.read_text()))


def sections_by_title(text: str) -> dict[str, str]:
    """A digest's text cut at its "== canvas title ==" headings."""
    parts = re.split(r"^== (.+) ==$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_beat_sends_the_daily_digest_grouped_by_canvas_and_each_comment_only_once(
    celery_processes, outbox, canvas, editor, other_editor
):
    second_canvas = CanvasFactory(council=canvas.council, owner=editor, title="Bike sharing")
    stakeholder = accepted_invitation(canvas, editor, CanvasRole.STAKEHOLDER, "stakeholder")
    accepted_invitation(second_canvas, editor, CanvasRole.STAKEHOLDER, "stakeholder")
    comment(canvas, editor, "Ask the energy utility to co-fund the lamps.")
    comment(second_canvas, other_editor, "Put a docking station at the railway station.")
    pending = Notification.objects.filter(user=stakeholder)
    assert (
        sorted(pending.values_list("kind", "delivery", "emailed_at"))
        == [(NotificationKind.COMMENT, Delivery.DAILY, None)] * 2
    )

    worker_log = celery_processes.worker(**outbox.env)
    celery_processes.beat(**FAST_DIGEST)

    [digest] = wait_until(lambda: outbox.messages(to="stakeholder@example.org"))
    assert digest["Subject"] == "Your daily digest: 2 new comments"
    sections = sections_by_title(text_of(digest))
    # The canvas with the newest comment comes first.
    assert list(sections) == ["Bike sharing", "LED street lighting"]
    assert "editor2 commented on Key partners" in sections["Bike sharing"]
    assert "docking station at the railway station" in sections["Bike sharing"]
    assert "co-fund the lamps" not in sections["Bike sharing"]
    assert "co-fund the lamps" in sections["LED street lighting"]
    assert "docking station" not in sections["LED street lighting"]
    wait_until(lambda: not pending.filter(emailed_at__isnull=True).exists())

    # A later comment goes out in the next digest, without the ones already sent.
    comment(canvas, editor, "Dim the lamps after midnight.")
    wait_until(lambda: len(outbox.messages(to="stakeholder@example.org")) >= 2, timeout=15)
    first, second = outbox.messages(to="stakeholder@example.org")
    assert first["Message-ID"] == digest["Message-ID"]
    assert second["Subject"] == "Your daily digest: 1 new comment"
    assert list(sections_by_title(text_of(second))) == ["LED street lighting"]
    assert "Dim the lamps after midnight." in text_of(second)
    assert "co-fund" not in text_of(second)
    assert "docking station" not in text_of(second)
    # Beat keeps sending the digest; the runs that follow find nothing left to send.
    so_far = runs(worker_log, "send_daily_digest")
    wait_until(lambda: runs(worker_log, "send_daily_digest") >= so_far + 2, timeout=15)
    assert len(outbox.messages(to="stakeholder@example.org")) == 2
    assert not Notification.objects.filter(
        delivery=Delivery.DAILY, emailed_at__isnull=True
    ).exists()


def test_a_mention_is_emailed_at_once_by_the_worker(
    mail_worker, outbox, canvas, editor, other_editor
):
    saved = comment(canvas, editor, "@editor2 could you check the energy figures?")

    [message] = wait_until(outbox.messages)
    assert message["To"] == "editor2@example.org"
    assert "mentioned you" in message["Subject"]
    assert "LED street lighting" in message["Subject"]
    assert "could you check the energy figures?" in text_of(message)
    notification = Notification.objects.get(user=other_editor, comment=saved)
    assert notification.kind == NotificationKind.MENTION
    wait_until(lambda: Notification.objects.get(pk=notification.pk).emailed_at)
    wait_until(lambda: runs(mail_worker, "send_notification_email") == 1)
    assert len(outbox.files()) == 1
    assert len(outbox.messages()) == 1


def test_a_mention_saved_while_the_broker_is_down_is_emailed_by_the_sweep_once_it_is_back(
    mail_worker, outbox, canvas, editor, other_editor
):
    use_broker(UNREACHABLE_BROKER)
    saved = comment(canvas, editor, "@editor2 the lamp count changed")  # the save succeeds

    notification = Notification.objects.get(user=other_editor, comment=saved)
    assert notification.emailed_at is None
    assert outbox.files() == []
    use_broker(BROKER)
    # Time passes; the periodic sweep (run by the worker, as beat would send it) finds it.
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - timedelta(minutes=10)
    )
    sweep_emails.delay()

    [message] = wait_until(outbox.messages)
    assert message["To"] == "editor2@example.org"
    assert "the lamp count changed" in text_of(message)
    wait_until(lambda: Notification.objects.get(pk=notification.pk).emailed_at)
    assert len(outbox.files()) == 1
