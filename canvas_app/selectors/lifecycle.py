"""Read models of the lifecycle: the activity feed of a canvas."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import CharField, F, Value

from canvas_app.models import (
    Canvas,
    CardHistory,
    Comment,
    Decision,
    Report,
    Snapshot,
    SnapshotKind,
    StageChange,
)

ACTIVITY_KINDS = ("card", "comment", "stage", "decision", "report", "snapshot")


@dataclass
class ActivityEntry:
    kind: str
    at: datetime
    actor: object  # a user, or None
    subject: object  # the CardHistory, Comment, StageChange, Decision, Report or Snapshot


def _rows(queryset, kind: str, at: str, actor: str):
    return (
        queryset.order_by()
        .annotate(
            entry_kind=Value(kind, output_field=CharField()),
            entry_at=F(at),
            entry_actor=F(actor),
        )
        .values("id", "entry_kind", "entry_at", "entry_actor")
    )


def activity_rows(canvas: Canvas, *, moderator: bool):
    """Every event of a canvas as (id, kind, at, actor) rows, newest first, in one
    query that a paginator can count and slice."""
    comments = Comment.objects.filter(canvas=canvas)
    if not moderator:
        comments = comments.public()
    parts = [
        _rows(CardHistory.objects.filter(canvas=canvas), "card", "at", "by_id"),
        _rows(comments, "comment", "created_at", "author_id"),
        _rows(StageChange.objects.filter(canvas=canvas), "stage", "at", "by_id"),
        _rows(Decision.objects.filter(canvas=canvas), "decision", "at", "by_id"),
        _rows(
            Report.objects.filter(canvas=canvas, snapshot__isnull=True),
            "report",
            "requested_at",
            "requested_by_id",
        ),
        _rows(
            Snapshot.objects.filter(canvas=canvas, kind=SnapshotKind.NAMED),
            "snapshot",
            "created_at",
            "created_by_id",
        ),
    ]
    first, *rest = parts
    return first.union(*rest, all=True).order_by("-entry_at", "-id")


MODELS = {
    "card": (CardHistory, ("by",)),
    "comment": (Comment, ("author",)),
    "stage": (StageChange, ("by",)),
    "decision": (Decision, ("by",)),
    "report": (Report, ("requested_by",)),
    "snapshot": (Snapshot, ("created_by",)),
}


def activity_entries(rows) -> list[ActivityEntry]:
    """The page's rows with their objects, one query per kind present."""
    rows = list(rows)
    loaded = {}
    for kind, (model, related) in MODELS.items():
        ids = [row["id"] for row in rows if row["entry_kind"] == kind]
        if ids:
            loaded[kind] = model.objects.select_related(*related).in_bulk(ids)
    entries = []
    for row in rows:
        subject = loaded[row["entry_kind"]][row["id"]]
        actor_field = MODELS[row["entry_kind"]][1][0]
        entries.append(
            ActivityEntry(
                row["entry_kind"], row["entry_at"], getattr(subject, actor_field), subject
            )
        )
    return entries
