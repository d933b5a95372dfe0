"""The review trail a business case shows: the approvers' decisions and the
consultation (who was invited, what they said, how threads were resolved).

Only what everyone may see reaches a report: comments hidden by a moderator or
waiting for approval never do, deleted ones neither, and invitees are named by
their organisation or their role, never by their address.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, Q

from canvas_app.models import (
    Canvas,
    Comment,
    CommentRevision,
    Decision,
    Invitation,
    ThreadStatus,
)


@dataclass(frozen=True)
class ConsultedParty:
    """An accepted invitation, as the report names it."""

    pk: int
    organisation: str  # "" when the invitation named none
    role: str  # a CanvasRole value


@dataclass(frozen=True)
class ReportComment:
    """A public comment as the report counts and quotes it (as it was at a snapshot's
    time, for a snapshot's report)."""

    pk: int
    parent_id: int | None
    block: str
    card_excerpt: str
    kind: str
    stance: str
    body: str
    status: str  # threads: open or resolved; replies: their own (unused) status
    resolution_note: str

    @property
    def is_thread(self) -> bool:
        return self.parent_id is None

    @property
    def is_resolved(self) -> bool:
        return self.status == ThreadStatus.RESOLVED


@dataclass(frozen=True)
class Consultation:
    parties: tuple[ConsultedParty, ...] = ()
    comments: tuple[ReportComment, ...] = ()  # threads and replies, oldest first

    @property
    def threads(self) -> list[ReportComment]:
        return [comment for comment in self.comments if comment.is_thread]

    @property
    def resolved_threads(self) -> list[ReportComment]:
        return [thread for thread in self.threads if thread.is_resolved]

    def count_by(self, attribute: str) -> Counter:
        """Comments (threads and replies) per block, kind or stance."""
        return Counter(getattr(comment, attribute) for comment in self.comments)

    def fingerprint_data(self) -> dict:
        return {
            "parties": [[p.pk, p.organisation, p.role] for p in self.parties],
            "comments": [
                [
                    c.pk,
                    c.parent_id,
                    c.block,
                    c.card_excerpt,
                    c.kind,
                    c.stance,
                    c.body,
                    c.status,
                    c.resolution_note,
                ]
                for c in self.comments
            ],
        }


def decisions_of(canvas: Canvas, *, until: datetime | None = None) -> list[Decision]:
    """Every decision on the canvas, all revisions, oldest first; those made by `until`."""
    decisions = Decision.objects.filter(canvas_id=canvas.pk).select_related("by")
    if until is not None:
        decisions = decisions.filter(at__lte=until)
    return list(decisions.order_by("at", "id"))


def _parties(canvas: Canvas, until: datetime | None) -> tuple[ConsultedParty, ...]:
    invitations = Invitation.objects.filter(canvas_id=canvas.pk)
    if until is None:
        invitations = invitations.granting_access()
    else:  # accepted by then, and not revoked by then
        invitations = invitations.filter(accepted_at__lte=until).filter(
            Q(revoked_at__isnull=True) | Q(revoked_at__gt=until)
        )
    rows = invitations.order_by("accepted_at", "id").values_list("pk", "organisation", "role")
    return tuple(ConsultedParty(pk, organisation, role) for pk, organisation, role in rows)


def _as_it_was(comment: Comment, until: datetime | None) -> ReportComment:
    """The comment as it read at `until`: an edit keeps the text it replaced, so the
    first revision replaced after that moment holds it. A thread counts as resolved
    if its current resolution dates from then or before: reopenings leave no record,
    so a thread resolved then and reopened since reads as open."""
    body, kind, stance = comment.body, comment.kind, comment.stance
    status, note = comment.status, comment.resolution_note
    if until is not None:
        later = comment.revisions_after  # oldest first
        if later:
            body, kind, stance = later[0].body, later[0].kind, later[0].stance
        if status == ThreadStatus.RESOLVED and not (
            comment.resolved_at is not None and comment.resolved_at <= until
        ):
            status, note = ThreadStatus.OPEN, ""
    if status != ThreadStatus.RESOLVED:
        note = ""
    return ReportComment(
        pk=comment.pk,
        parent_id=comment.parent_id,
        block=comment.block,
        card_excerpt=comment.card_excerpt,
        kind=kind,
        stance=stance,
        body=body,
        status=status,
        resolution_note=note,
    )


def _comments(canvas: Canvas, until: datetime | None) -> tuple[ReportComment, ...]:
    comments = (
        Comment.objects.public()
        .filter(canvas_id=canvas.pk, deleted_at__isnull=True)
        .only(
            "pk",
            "parent_id",
            "block",
            "card_excerpt",
            "kind",
            "stance",
            "body",
            "status",
            "resolution_note",
            "resolved_at",
        )
        .order_by("created_at", "id")
    )
    if until is not None:
        later = CommentRevision.objects.filter(replaced_at__gt=until).order_by("replaced_at", "id")
        comments = comments.filter(created_at__lte=until).prefetch_related(
            Prefetch("revisions", queryset=later, to_attr="revisions_after")
        )
    return tuple(_as_it_was(comment, until) for comment in comments)


def consultation_of(canvas: Canvas, *, until: datetime | None = None) -> Consultation:
    """Who was consulted on the canvas and what they said, in two queries (three for a
    moment in the past): as it is now, or as it was at `until`."""
    return Consultation(parties=_parties(canvas, until), comments=_comments(canvas, until))


__all__ = [
    "Consultation",
    "ConsultedParty",
    "ReportComment",
    "consultation_of",
    "decisions_of",
]
