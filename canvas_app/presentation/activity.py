"""One line of plain text per event of a canvas's activity feed."""

from canvas_app.framework import BLOCKS_BY_KEY
from canvas_app.models import CardAction, Stage
from canvas_app.selectors.lifecycle import ActivityEntry

CARD_VERBS = {
    CardAction.CREATED: "added",
    CardAction.UPDATED: "edited",
    CardAction.MOVED: "moved",
    CardAction.DELETED: "deleted",
}


def _who(entry: ActivityEntry) -> str:
    user = entry.actor
    if user is None:
        return "Someone"
    return user.get_full_name() or user.get_username()


def _excerpt(text: str, length: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"


def _block(key: str) -> str:
    block = BLOCKS_BY_KEY.get(key)
    return block.title if block else key


def activity_summary(entry: ActivityEntry) -> str:
    who, subject = _who(entry), entry.subject
    if entry.kind == "card":
        state = subject.after or subject.before or {}
        verb = CARD_VERBS.get(subject.action, subject.action)
        return f"{who} {verb} a card in {_block(subject.block)}: “{_excerpt(state.get('text'))}”"
    if entry.kind == "comment":
        what = "replied in a thread on" if subject.parent_id else "commented on"
        return f"{who} {what} {_block(subject.block)}"
    if entry.kind == "stage":
        if subject.to_stage == Stage.DRAFT and subject.from_stage == Stage.APPROVED:
            return f"{who} opened revision {subject.revision}"
        return (
            f"{who} moved the canvas from {Stage(subject.from_stage).label.lower()} "
            f"to {Stage(subject.to_stage).label.lower()}"
        )
    if entry.kind == "decision":
        return f"{who} decided on revision {subject.revision}: {subject.get_outcome_display()}"
    if entry.kind == "report":
        return (
            f"{who} asked for the business case PDF"
            if entry.actor
            else "The business case PDF was made"
        )
    return f"{who} kept a snapshot, “{subject.name}”"
