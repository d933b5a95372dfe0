"""One line of plain text per event of a canvas's activity feed."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canvas_app.framework import BLOCKS_BY_KEY
from canvas_app.models import CardAction, Stage
from canvas_app.selectors.lifecycle import ActivityEntry

# Whole sentences, so that each language can put the words in its own order.
CARD_SENTENCES = {
    CardAction.CREATED: gettext_lazy("%(who)s added a card in %(block)s: “%(text)s”"),
    CardAction.UPDATED: gettext_lazy("%(who)s edited a card in %(block)s: “%(text)s”"),
    CardAction.MOVED: gettext_lazy("%(who)s moved a card in %(block)s: “%(text)s”"),
    CardAction.DELETED: gettext_lazy("%(who)s deleted a card in %(block)s: “%(text)s”"),
}


def _who(entry: ActivityEntry) -> str:
    user = entry.actor
    if user is None:
        return _("Someone")
    return user.get_full_name() or user.get_username()


def _excerpt(text: str, length: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"


def _block(key: str) -> str:
    block = BLOCKS_BY_KEY.get(key)
    return str(block.title) if block else key


def _stage(value: str) -> str:
    return str(Stage(value).label).lower()


def activity_summary(entry: ActivityEntry) -> str:
    who, subject = _who(entry), entry.subject
    if entry.kind == "card":
        state = subject.after or subject.before or {}
        values = {
            "who": who,
            "block": _block(subject.block),
            "text": _excerpt(state.get("text")),
        }
        # Every CardAction has its sentence; should a new one come without, say "edited".
        sentence = CARD_SENTENCES.get(subject.action, CARD_SENTENCES[CardAction.UPDATED])
        return sentence % values
    if entry.kind == "comment":
        if subject.parent_id:
            return _("%(who)s replied in a thread on %(block)s") % {
                "who": who,
                "block": _block(subject.block),
            }
        return _("%(who)s commented on %(block)s") % {"who": who, "block": _block(subject.block)}
    if entry.kind == "stage":
        if subject.to_stage == Stage.DRAFT and subject.from_stage == Stage.APPROVED:
            return _("%(who)s opened revision %(revision)s") % {
                "who": who,
                "revision": subject.revision,
            }
        return _("%(who)s moved the canvas from %(from_stage)s to %(to_stage)s") % {
            "who": who,
            "from_stage": _stage(subject.from_stage),
            "to_stage": _stage(subject.to_stage),
        }
    if entry.kind == "decision":
        return _("%(who)s decided on revision %(revision)s: %(outcome)s") % {
            "who": who,
            "revision": subject.revision,
            "outcome": subject.get_outcome_display(),
        }
    if entry.kind == "report":
        if entry.actor:
            return _("%(who)s asked for the business case PDF") % {"who": who}
        return _("The business case PDF was made")
    return _("%(who)s kept a snapshot, “%(name)s”") % {"who": who, "name": subject.name}
