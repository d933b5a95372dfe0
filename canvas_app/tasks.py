"""Background work. Each task takes ids, calls a service and is safe to run twice."""

import logging
from datetime import datetime

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from canvas_app.services import assessments, digest, mailing, reports, rescoring

logger = logging.getLogger(__name__)

# Transient: the database restarting or a connection dropped. Anything else is a bug
# or bad data and is recorded on the assessment instead of being retried forever.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=60,
    max_retries=5,
    soft_time_limit=30,
    time_limit=60,
)
def assess(assessment_id: int) -> None:
    assessments.assessment_run(assessment_id=assessment_id)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    max_retries=5,
    soft_time_limit=120,
    time_limit=180,
)
def assess_chunk(canvas_ids: list[int]) -> int:
    return rescoring.assessments_refresh(canvas_ids=canvas_ids)


@shared_task(acks_late=True, autoretry_for=TRANSIENT_ERRORS, retry_backoff=True, max_retries=5)
def rescore_council(council_id: int) -> int:
    """Re-score a council's canvases after a parameter change, a chunk per task."""
    chunks = rescoring.council_rescore_chunks(council_id=council_id)
    for chunk in chunks:
        assess_chunk.delay(chunk)
    return len(chunks)


@shared_task(acks_late=True, soft_time_limit=50, time_limit=60)
def sweep_assessments() -> dict[str, int]:
    """Periodic: queue again what a lost message or a down broker left behind."""
    result = rescoring.assessments_sweep()
    outdated = result.outdated_canvases
    for start in range(0, len(outdated), rescoring.RESCORE_CHUNK_SIZE):
        assess_chunk.delay(outdated[start : start + rescoring.RESCORE_CHUNK_SIZE])
    if result.requeued or outdated:
        logger.info(
            "Sweep queued %s assessments again and %s outdated canvases",
            len(result.requeued),
            len(outdated),
        )
    return {"requeued": len(result.requeued), "outdated": len(outdated)}


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=60,
    time_limit=90,
)
def render_report(report_id: int) -> None:
    """Runs on the `reports` queue, so long renders never hold up the scores."""
    reports.report_render(report_id=report_id)


# E-mail ---------------------------------------------------------------------


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(*TRANSIENT_ERRORS, OSError),
    retry_backoff=True,
    max_retries=5,
)
def send_invitation_email(invitation_id: int) -> bool:
    return mailing.invitation_email_send(invitation_id=invitation_id)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(*TRANSIENT_ERRORS, OSError),
    retry_backoff=True,
    max_retries=5,
)
def send_notification_email(notification_id: int) -> bool:
    return mailing.notification_email_send(notification_id=notification_id)


@shared_task(acks_late=True, autoretry_for=TRANSIENT_ERRORS, retry_backoff=True, max_retries=3)
def send_daily_digest() -> int:
    """Periodic (once a day): hand the people due a digest out in chunks."""
    until = timezone.now()
    people = digest.digest_recipients(until=until)
    for chunk in digest.chunks(people):
        send_digest_chunk.delay(chunk, until.isoformat())
    logger.info(
        "Digest: %s people in %s chunks", len(people), -(-len(people) // digest.DIGEST_CHUNK)
    )
    return len(people)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(*TRANSIENT_ERRORS, OSError),
    retry_backoff=True,
    max_retries=5,
    soft_time_limit=120,
    time_limit=150,
)
def send_digest_chunk(user_ids: list[int], until: str) -> dict[str, int]:
    """The digests of some people; what was sent before a retry is not sent again."""
    result = digest.digest_send(user_ids=user_ids, until=datetime.fromisoformat(until))
    return {"emails": result.emails, "notifications": result.notifications}


@shared_task(acks_late=True, soft_time_limit=50, time_limit=60)
def sweep_emails() -> dict[str, int]:
    """Periodic: queue again the e-mails a down broker or a lost worker left unsent."""
    invitations, notifications = mailing.unsent_sweep()
    for pk in invitations:
        send_invitation_email.delay(pk)
    for pk in notifications:
        send_notification_email.delay(pk)
    return {"invitations": len(invitations), "notifications": len(notifications)}
