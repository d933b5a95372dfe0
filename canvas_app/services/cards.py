from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils.translation import gettext as _

from canvas_app.framework import BLOCKS_BY_KEY
from canvas_app.models import (
    Canvas,
    Card,
    CardAction,
    CardColour,
    CardHistory,
    Comment,
    Evidence,
)

from .access import ensure_canvas_editable
from .touch import canvas_touch
from .validation import clean_or_raise, require

CONTENT_FIELDS = ("text", "tag", "colour", "evidence")


@dataclass
class CardConflict(Exception):
    """A save was based on a version someone else has already replaced.

    Carries both texts so the user can keep either or merge them.
    """

    current: Card
    attempted: dict[str, str]

    def __str__(self) -> str:
        return _(
            "This card was changed by someone else (now version %(version)s). "
            "Both texts are kept: choose one or merge them, then save again."
        ) % {"version": self.current.version}


def snapshot(card: Card) -> dict[str, object]:
    return {
        "text": card.text,
        "tag": card.tag,
        "colour": card.colour,
        "evidence": card.evidence,
        "block": card.block,
        "position": card.position,
    }


def _record(card: Card, action: str, before: dict | None, after: dict | None, by) -> None:
    CardHistory.objects.create(
        canvas_id=card.canvas_id,
        card=card if action != CardAction.DELETED else None,
        card_ref=card.pk,
        action=action,
        block=card.block,
        before=before,
        after=after,
        by=by,
    )


def _check_block(block: str) -> None:
    require(block in BLOCKS_BY_KEY, "block", _("Unknown block “%(block)s”.") % {"block": block})


@transaction.atomic
def card_create(
    *,
    canvas: Canvas,
    by,
    block: str,
    text: str,
    tag: str = "",
    colour: str = CardColour.YELLOW,
    evidence: str = Evidence.ASSUMPTION,
) -> Card:
    """Add a card at the end of a block."""
    ensure_canvas_editable(by, canvas)
    _check_block(block)
    last = canvas.cards.filter(block=block).aggregate(last=Max("position"))["last"]
    card = Card(
        canvas=canvas,
        block=block,
        text=text,
        tag=tag,
        colour=colour,
        evidence=evidence,
        position=0 if last is None else last + 1,
        created_by=by,
        updated_by=by,
    )
    clean_or_raise(card, exclude=["canvas", "created_by", "updated_by"])
    card.save()
    _record(card, CardAction.CREATED, None, snapshot(card), by)
    canvas_touch(canvas.pk)
    return card


@transaction.atomic
def card_update(*, card: Card, by, based_on_version: int, **changes: str) -> Card:
    """Save new content for a card, or raise CardConflict if someone saved first."""
    ensure_canvas_editable(by, card.canvas)
    unknown = set(changes) - set(CONTENT_FIELDS)
    if unknown:
        raise TypeError(f"card_update cannot change {', '.join(sorted(unknown))}")
    current = _locked(card)
    before = snapshot(current)
    if current.version != based_on_version:  # another save won: keep both, let the user choose
        raise CardConflict(current=current, attempted={**before, **changes})
    for name, value in changes.items():
        setattr(current, name, value)
    clean_or_raise(current, exclude=["canvas", "created_by", "updated_by", "position"])
    current.version += 1
    current.updated_by = by
    current.save(update_fields=[*changes, "version", "updated_by", "updated_at"])
    _record(current, CardAction.UPDATED, before, snapshot(current), by)
    canvas_touch(card.canvas_id)
    return current


def _locked(card: Card) -> Card:
    """The card's row as committed now, locked until the transaction ends."""
    current = Card.objects.select_for_update().filter(pk=card.pk).first()
    if current is None:
        raise Http404(_("This card has been deleted."))
    current.canvas = card.canvas  # same canvas; saves a query
    return current


@transaction.atomic
def card_move(*, card: Card, by, block: str, position: int) -> Card:
    """Put a card at a 0-based position in a block of the same canvas."""
    ensure_canvas_editable(by, card.canvas)
    _check_block(block)
    if position < 0:
        raise ValidationError({"position": [_("Must be 0 or more.")]})
    # One reorder at a time per canvas, so two moves cannot interleave positions.
    Canvas.objects.select_for_update().filter(pk=card.canvas_id).first()
    before = snapshot(card)
    siblings = list(
        Card.objects.filter(canvas_id=card.canvas_id, block=block)
        .exclude(pk=card.pk)
        .order_by("position", "id")
    )
    siblings.insert(min(position, len(siblings)), card)
    card.block = block
    for index, sibling in enumerate(siblings):
        sibling.position = index
    Card.objects.bulk_update(siblings, ["position", "block"])
    if block != before["block"]:  # its comments follow the card
        Comment.objects.filter(card=card).update(block=block)
    _record(card, CardAction.MOVED, before, snapshot(card), by)
    canvas_touch(card.canvas_id)
    return card


@transaction.atomic
def card_delete(*, card: Card, by, based_on_version: int | None = None) -> None:
    """Delete a card; with a version, refuse if the card changed since it was read."""
    ensure_canvas_editable(by, card.canvas)
    current = Card.objects.select_for_update().filter(pk=card.pk).first()
    if current is None:  # already deleted: the wish is fulfilled
        return
    if based_on_version is not None and current.version != based_on_version:
        raise CardConflict(current=current, attempted=snapshot(card))
    _record(current, CardAction.DELETED, snapshot(current), None, by)
    current.delete()
    canvas_touch(card.canvas_id)
