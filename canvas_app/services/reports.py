"""Report PDFs: asking for one, rendering it once, serving it from storage. Two kinds
share the path: the business case and the post-implementation review (Report.kind).

A failed report keeps its error in English (the worker answers no one in particular);
it is marked with gettext_noop, and whoever shows it translates it: gettext(report.error).
"""

import logging
import time

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_noop

from canvas_app.models import Canvas, Report, ReportKind, ReportStatus, Snapshot
from canvas_app.reports.content import ReportContent, report_content, snapshot_report_content
from canvas_app.reports.review_content import ReviewContent, review_content

logger = logging.getLogger(__name__)

_FILE_PREFIX = {
    ReportKind.BUSINESS_CASE: "business-case",
    ReportKind.REVIEW: "post-implementation-review",
}
STALE_ERRORS = {
    ReportKind.BUSINESS_CASE: gettext_noop(
        "The canvas changed before the report was rendered; ask again."
    ),
    ReportKind.REVIEW: gettext_noop(
        "The outturn, lessons or benefits changed before the review was rendered; ask again."
    ),
}


def current_report(canvas: Canvas, language: str | None = None) -> Report | None:
    """The stored report of the canvas as it is now in a language (the council's
    default unless asked), whatever its status."""
    fingerprint = report_content(canvas, language).fingerprint()
    return Report.objects.filter(
        canvas=canvas,
        kind=ReportKind.BUSINESS_CASE,
        snapshot__isnull=True,
        fingerprint=fingerprint,
    ).first()


def current_review_report(canvas: Canvas, language: str | None = None) -> Report | None:
    """The stored post-implementation review of the canvas as it is today (its outturn,
    lessons and benefits, statuses at today's date) in a language, whatever its status."""
    fingerprint = review_content(canvas, language).fingerprint()
    return Report.objects.filter(
        canvas=canvas, kind=ReportKind.REVIEW, fingerprint=fingerprint
    ).first()


def snapshot_report(snapshot: Snapshot, language: str | None = None) -> Report | None:
    """The stored report of a snapshot, whatever its status. Changes to the canvas
    leave it alone; a comment made before the snapshot and hidden or deleted since
    leaves the snapshot's business case too, so that takes a new report."""
    fingerprint = snapshot_report_content(snapshot, language).fingerprint()
    return Report.objects.filter(
        canvas_id=snapshot.canvas_id, snapshot=snapshot, fingerprint=fingerprint
    ).first()


@transaction.atomic
def report_request(*, canvas: Canvas, by=None, language: str | None = None) -> Report:
    """Make sure the business case of the canvas as it is now, in a language (the
    council's default unless asked), is stored or on its way.

    An unchanged canvas gets its stored report back at once: nothing is rendered.
    """
    return _request(canvas, None, report_content(canvas, language), by)


@transaction.atomic
def review_report_request(*, canvas: Canvas, by=None, language: str | None = None) -> Report:
    """Make sure the post-implementation review of the canvas as it is today is stored
    or on its way, in a language (the council's default unless asked). Nothing recorded
    since the last one, on the same day: the stored one comes back at once."""
    return _request(canvas, None, review_content(canvas, language), by, kind=ReportKind.REVIEW)


@transaction.atomic
def snapshot_report_request(*, snapshot: Snapshot, by=None, language: str | None = None) -> Report:
    """Make sure the business case of a snapshot (an approved revision, say) is stored
    or on its way; it shows the snapshot's content, not the canvas as it is now."""
    return _request(snapshot.canvas, snapshot, snapshot_report_content(snapshot, language), by)


def _request(
    canvas: Canvas,
    snapshot: Snapshot | None,
    content: ReportContent | ReviewContent,
    by,
    kind: str = ReportKind.BUSINESS_CASE,
) -> Report:
    report, created = Report.objects.get_or_create(
        canvas=canvas,
        fingerprint=content.fingerprint(),
        defaults={
            "kind": kind,
            "snapshot": snapshot,
            "language": content.language,
            "requested_by": by,
            "requested_at": timezone.now(),
        },
    )
    if created or report.status == ReportStatus.FAILED:
        if not created:
            Report.objects.filter(pk=report.pk).update(status=ReportStatus.QUEUED, error="")
            report.status = ReportStatus.QUEUED
        transaction.on_commit(lambda: _send(report.pk))
    return report


def _send(report_id: int) -> None:
    from canvas_app.tasks import render_report  # tasks import services

    try:
        render_report.delay(report_id)
    except Exception:  # the broker is down: the row stays queued; the next request retries
        logger.warning("Could not queue report %s", report_id)
        Report.objects.filter(pk=report_id, status=ReportStatus.QUEUED).update(
            status=ReportStatus.FAILED,
            error=gettext_noop("The report could not be queued; try again."),
        )


def report_render(*, report_id: int) -> Report | None:
    """Render a queued report of either kind. Safe to call twice: a done report is left
    alone."""
    # WeasyPrint loads only where it renders
    from canvas_app.reports.render import render_pdf, render_review_pdf

    claimed = (
        Report.objects.filter(pk=report_id)
        .exclude(status=ReportStatus.DONE)
        .update(
            status=ReportStatus.RENDERING, started_at=timezone.now(), attempts=F("attempts") + 1
        )
    )
    if not claimed:
        return None
    report = Report.objects.select_related(
        "canvas__council", "canvas__owner", "snapshot__canvas__council", "snapshot__canvas__owner"
    ).get(pk=report_id)
    content = _content(report)
    if content.fingerprint() != report.fingerprint:
        # The canvas changed after the request: this exact content no longer exists.
        if report.snapshot_id is not None:  # its own content never changes; comments may
            return _fail(
                report,
                gettext_noop("Its comments changed before the report was rendered; ask again."),
            )
        return _fail(report, STALE_ERRORS[report.kind])
    started = time.perf_counter()
    render = render_review_pdf if report.kind == ReportKind.REVIEW else render_pdf
    rendered = render(content)
    name = f"{_FILE_PREFIX[report.kind]}-{report.canvas_id}-{report.fingerprint[:12]}.pdf"
    report.pdf.save(name, ContentFile(rendered.data), save=False)
    Report.objects.filter(pk=report.pk).update(
        pdf=report.pdf.name,
        status=ReportStatus.DONE,
        error="",
        pages=rendered.pages,
        size_bytes=len(rendered.data),
        render_ms=(time.perf_counter() - started) * 1000,
        finished_at=timezone.now(),
    )
    report.refresh_from_db()
    return report


def _content(report: Report) -> ReportContent | ReviewContent:
    if report.kind == ReportKind.REVIEW:
        # The statuses of the day it was asked for, which its fingerprint holds.
        as_of = timezone.localdate(report.requested_at)
        return review_content(report.canvas, report.language, as_of)
    if report.snapshot_id is not None:
        return snapshot_report_content(report.snapshot, report.language)
    return report_content(report.canvas, report.language)


def _fail(report: Report, error: str) -> Report:
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.FAILED, error=error, finished_at=timezone.now()
    )
    report.refresh_from_db()
    return report


def report_filename(report: Report) -> str:
    title, revision, suffix = report.canvas.title, report.canvas.revision, ""
    if report.snapshot_id is not None:  # the title and revision the snapshot shows
        snapshot = report.snapshot
        title, revision = snapshot.content["canvas"]["title"], snapshot.revision
        suffix = f"-snapshot-{snapshot.pk}"
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
    language = "" if report.language == "en" else f"-{report.language}"
    if report.kind == ReportKind.REVIEW:
        day = timezone.localdate(report.requested_at).isoformat()
        suffix = f"-{day}"
    prefix = _FILE_PREFIX.get(report.kind, "business-case")
    return f"{prefix}-{slug[:60] or report.canvas_id}-rev{revision}{suffix}{language}.pdf"
