"""Read models of the review: threads as a viewer may see them, open-thread counts,
how people are named, and who has access to a canvas."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext

from canvas_app.framework import BLOCKS_BY_KEY
from canvas_app.models import (
    MODERATOR_ROLES,
    Canvas,
    CanvasRole,
    Comment,
    CommentReport,
    Invitation,
    Membership,
    Notification,
    Outcome,
    Stage,
    ThreadStatus,
)
from canvas_app.presentation.comments import Segment, body_segments
from canvas_app.presentation.urls import url_for_each

THREAD_FILTERS = ("status", "kind", "stance", "block", "card", "mine")


@dataclass(frozen=True)
class OpenCounts:
    by_block: dict[str, int]
    by_card: dict[int, int]

    @property
    def total(self) -> int:
        return sum(self.by_block.values())


def open_thread_counts(canvas: Canvas) -> OpenCounts:
    """Open threads everyone can see, per block and per card, in one query."""
    rows = (
        Comment.objects.public()
        .threads()
        .filter(canvas=canvas, status=ThreadStatus.OPEN)
        .values_list("block", "card_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    by_block: Counter = Counter()
    by_card: Counter = Counter()
    for block, card_id, n in rows:
        by_block[block] += n
        if card_id is not None:
            by_card[card_id] += n
    return OpenCounts(dict(by_block), dict(by_card))


def author_labels(canvas_ids: Iterable[int]) -> dict[tuple[int, int], str]:
    """How invitees are named on each canvas: their organisation, when given."""
    rows = (
        Invitation.objects.granting_access()
        .filter(canvas_id__in=list(canvas_ids))
        .exclude(organisation="")
        .values_list("canvas_id", "user_id", "organisation")
    )
    return {(canvas_id, user_id): organisation for canvas_id, user_id, organisation in rows}


def author_label(comment: Comment, labels: dict[tuple[int, int], str]) -> str:
    if comment.author_id is None:
        return "A former participant"
    name = comment.author.get_full_name() or comment.author.get_username()
    organisation = labels.get((comment.canvas_id, comment.author_id))
    return f"{name} ({organisation})" if organisation else name


@dataclass
class CommentView:
    comment: Comment
    author: str
    show_body: bool  # False when deleted, or hidden from this viewer
    segments: list[Segment]
    is_mine: bool
    can_edit: bool
    can_report: bool
    can_moderate: bool
    sees_revisions: bool


@dataclass
class ThreadView:
    root: CommentView
    replies: list[CommentView] = field(default_factory=list)
    can_resolve: bool = False

    @property
    def comment(self) -> Comment:
        return self.root.comment

    @property
    def block(self):
        return BLOCKS_BY_KEY[self.comment.block]


@dataclass(frozen=True)
class Viewer:
    """Who looks at the threads, and what the stage lets them do."""

    user: object
    role: str | None
    can_comment: bool

    @property
    def is_moderator(self) -> bool:
        return self.role in MODERATOR_ROLES


def visible_comments(canvas: Canvas, viewer: Viewer):
    return Comment.objects.filter(canvas=canvas).on_page_for(
        viewer.user, moderator=viewer.is_moderator
    )


def _comment_view(comment: Comment, viewer: Viewer, labels) -> CommentView:
    mine = comment.author_id == viewer.user.pk
    hidden_from_me = comment.is_hidden and not (mine or viewer.is_moderator)
    show = not comment.is_deleted and not hidden_from_me
    mentioned = frozenset(user.username for user in comment.mentions.all()) if show else frozenset()
    return CommentView(
        comment=comment,
        author=author_label(comment, labels),
        show_body=show,
        segments=body_segments(comment.body, mentioned) if show else [],
        is_mine=mine,
        can_edit=mine and viewer.can_comment and not comment.is_deleted,
        can_report=viewer.role is not None and not mine and show,
        can_moderate=viewer.is_moderator,
        sees_revisions=(mine or viewer.is_moderator) and comment.edited_at is not None,
    )


def filter_threads(threads, filters: dict[str, str], viewer: Viewer):
    """Apply the list's filters (status, kind, stance, block, card, mine) to threads."""
    if filters.get("status") in ThreadStatus.values:
        threads = threads.filter(status=filters["status"])
    for name in ("kind", "stance", "block"):
        if filters.get(name):
            threads = threads.filter(**{name: filters[name]})
    if str(filters.get("card") or "").isdigit():
        threads = threads.filter(card_id=int(filters["card"]))
    if filters.get("mine"):
        mine = Comment.objects.filter(parent=OuterRef("pk"), author=viewer.user)
        threads = threads.filter(Q(author=viewer.user) | Exists(mine))
    return threads


def thread_queryset(canvas: Canvas, viewer: Viewer, filters: dict[str, str]):
    """The threads a viewer may see, newest activity first, replies and people loaded."""
    visible = visible_comments(canvas, viewer)
    replies = visible.select_related("author").prefetch_related("mentions").order_by("created_at")
    threads = filter_threads(visible.threads(), filters, viewer)
    return (
        threads.select_related("author", "resolved_by", "card")
        .prefetch_related("mentions", Prefetch("replies", queryset=replies))
        .annotate(open_reports=Count("reports", filter=Q(reports__handled_at__isnull=True)))
        .order_by("-last_activity_at", "-id")
    )


def thread_views(canvas: Canvas, viewer: Viewer, threads: Iterable[Comment]) -> list[ThreadView]:
    labels = author_labels([canvas.pk])
    views = []
    for thread in threads:
        view = ThreadView(root=_comment_view(thread, viewer, labels))
        view.replies = [_comment_view(reply, viewer, labels) for reply in thread.replies.all()]
        view.can_resolve = viewer.role is not None and (
            viewer.is_moderator or (thread.author_id == viewer.user.pk and viewer.can_comment)
        )
        views.append(view)
    return views


# Who has access ------------------------------------------------------------


@dataclass(frozen=True)
class AccessList:
    members: list[Membership]
    invitations: list[Invitation]

    @property
    def stakeholders(self) -> list[Invitation]:
        return [i for i in self.invitations if i.role == CanvasRole.STAKEHOLDER]


def access_list(canvas: Canvas) -> AccessList:
    """The council's members (through their council role) and every invitation."""
    members = list(
        Membership.objects.filter(council_id=canvas.council_id)
        .select_related("user")
        .order_by("role", "user__username")
    )
    invitations = list(
        canvas.invitations.select_related("user", "invited_by").order_by(
            "revoked_at", "-created_at"
        )
    )
    return AccessList(members, invitations)


def moderation_queue(council):
    """Comments of a council's canvases that need a moderator: reported and not yet
    handled, or waiting for approval; newest first."""
    open_reports = CommentReport.objects.filter(comment=OuterRef("pk"), handled_at__isnull=True)
    return (
        Comment.objects.filter(canvas__council=council)
        .filter(Q(Exists(open_reports)) | Q(awaiting_approval=True))
        .select_related("canvas", "author")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=CommentReport.objects.filter(handled_at__isnull=True).select_related("by"),
            )
        )
        .order_by("-created_at", "-id")
    )


def hidden_comments(council):
    return (
        Comment.objects.filter(canvas__council=council, hidden_at__isnull=False)
        .select_related("canvas", "author", "hidden_by")
        .order_by("-hidden_at")
    )


# Notifications -------------------------------------------------------------


@dataclass
class NotificationItem:
    """A notification as the list and the e-mails show it."""

    notification: Notification
    author: str  # who wrote the comment, as others see them
    block: str  # the block's title, for a notification about a comment
    path: str  # where it leads

    @property
    def comment(self) -> Comment | None:
        return self.notification.comment

    @property
    def text(self) -> str:
        """What to quote: the comment, the resolution note, the rationale or the note."""
        data = self.notification.data or {}
        kind = self.notification.kind
        if kind == "resolution":
            return data.get("note", "")
        if kind == "decision":
            return data.get("rationale", "")
        if self.comment is not None:
            return self.comment.body
        return data.get("note", "")

    @property
    def actor_name(self) -> str:
        actor = self.notification.actor
        if actor is None:
            return gettext("Someone")
        return actor.get_full_name() or actor.get_username()

    @property
    def outcome(self) -> str:
        outcome = (self.notification.data or {}).get("outcome")
        return Outcome(outcome).label if outcome in Outcome.values else ""

    @property
    def stage(self) -> str:
        stage = (self.notification.data or {}).get("to")
        return Stage(stage).label.lower() if stage in Stage.values else ""


def notification_items(
    notifications: Iterable[Notification], labels: dict[tuple[int, int], str] | None = None
) -> list[NotificationItem]:
    """The notifications as lists and e-mails show them; `labels` (author_labels of their
    canvases) may be given when many lists are made at once."""
    notifications = list(notifications)
    if labels is None:
        labels = author_labels({n.canvas_id for n in notifications})
    thread_path, canvas_path = url_for_each("comment-thread"), url_for_each("canvas-detail")
    items = []
    for notification in notifications:
        comment = notification.comment
        if comment is not None:
            path = f"{thread_path(comment.parent_id or comment.pk)}#comment-{comment.pk}"
        else:
            path = canvas_path(notification.canvas_id)
        items.append(
            NotificationItem(
                notification=notification,
                author=author_label(comment, labels) if comment else "",
                block=BLOCKS_BY_KEY[comment.block].title if comment else "",
                path=path,
            )
        )
    return items
