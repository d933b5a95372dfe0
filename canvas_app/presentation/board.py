"""The canvas page's cards, prepared once in Python so that the template only prints.

A canvas page shows hundreds of links and buttons. Reversing a URL, truncating a
text or resolving a template variable for each of them costs more than all the
page's queries, so the per-card action bar is built here, with format_html
escaping every value, and the URLs come from one reverse() per route.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import normalize_newlines
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from canvas_app.models import Card, Evidence
from canvas_app.selectors import Board
from canvas_app.selectors.review import OpenCounts

from .urls import url_for_each

EVIDENCE_LABELS = dict(Evidence.choices)


def short(text: str, length: int = 40) -> str:
    """A card's opening words, for accessible names like “Edit card …”."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@dataclass(frozen=True)
class CardLinks:
    edit: str
    move: str
    delete: str
    history: str


@dataclass(frozen=True)
class CardView:
    card: Card
    html: SafeString  # the whole card as the canvas page shows it


# The words are filled in per call, in the active language (see _action_texts). A
# translation is ours, not a user's: it may hold the <span> of its English text.
_MOVE = (
    '<button type="submit" class="link-button" name="position" value="{position}">{text}</button> '
)
_ACTIONS = (
    '<form class="card__actions" method="post" action="{move}" hx-post="{move}" '
    'hx-target="#block-{block}" hx-swap="outerHTML">'
    '<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">'
    '<a href="{edit}" hx-get="{edit}" hx-target="#card-{pk}" hx-swap="outerHTML">'
    "{edit_text}</a> {moves}"
    '<button type="submit" class="link-button link-button--warning" formaction="{delete}" '
    'hx-post="{delete}" hx-confirm="{delete_confirm}" '
    'name="version" value="{version}">{delete_text}'
    '</button> <a href="{history}">{history_text}'
    "</a></form>"
)


def _action_texts(label: str) -> dict[str, str]:
    """The card action bar's words; `label` is the card's escaped opening words."""
    values = {"label": label}
    return {
        "edit_text": _('Edit<span class="visually-hidden"> card “%(label)s”</span>') % values,
        "delete_text": _('Delete<span class="visually-hidden"> card “%(label)s”</span>') % values,
        "history_text": _('History<span class="visually-hidden"> of card “%(label)s”</span>')
        % values,
        "delete_confirm": escape(_("Delete this card? Its history is kept.")),
    }


def card_actions(
    card: Card, links: CardLinks, csrf_token: str, up: int | None, down: int | None
) -> SafeString:
    """Edit, move up and down, delete and history: one form that works without JavaScript
    (each button posts its own value) and with htmx (the block is redrawn).

    Only the card's text comes from a user, and it is escaped; the rest are our own
    URLs, numbers, words (and their translations) and the CSRF token.
    """
    label = escape(short(card.text))
    values = {"label": label}
    moves = "".join(
        _MOVE.format(position=position, text=text % values)
        for text, position in (
            (_('Move up<span class="visually-hidden"> card “%(label)s”</span>'), up),
            (_('Move down<span class="visually-hidden"> card “%(label)s”</span>'), down),
        )
        if position is not None
    )
    html = _ACTIONS.format(
        move=links.move,
        block=card.block,
        csrf=escape(csrf_token),
        edit=links.edit,
        pk=card.pk,
        label=label,
        moves=moves,
        delete=links.delete,
        version=card.version,
        history=links.history,
        **_action_texts(label),
    )
    return mark_safe(html)  # noqa: S308 - every interpolated value is escaped or ours


_CARD = (
    '<li class="card card--{colour}" id="card-{pk}">'
    '<p class="card__text">{text}</p>'
    '<p class="card__meta"><span class="evidence evidence--{evidence}">{evidence_label}</span>'
    "{tag}{comments}</p>{actions}</li>"
)
_COMMENTS = ' <a class="card__comments" href="{url}">{text}</a>'


def card_comments(card: Card, url: str, open_threads: int, can_comment: bool) -> str:
    """The card's open-thread count, or an invitation to comment, as a link to its threads."""
    values = {"count": open_threads, "label": escape(short(card.text))}
    if open_threads:
        text = ngettext(
            '%(count)s open comment<span class="visually-hidden"> on card “%(label)s”</span>',
            '%(count)s open comments<span class="visually-hidden"> on card “%(label)s”</span>',
            open_threads,
        )
    elif can_comment:
        text = _('Comment<span class="visually-hidden"> on card “%(label)s”</span>')
    else:
        return ""
    return _COMMENTS.format(url=url, text=text % values)


def card_item(card: Card, actions: SafeString, comments: str = "") -> SafeString:
    """A card as a list item: its text (line breaks kept), evidence status and tag."""
    text = escape(normalize_newlines(card.text)).replace("\n", "<br>")
    tag = f' <span class="card__tag">#{escape(card.tag)}</span>' if card.tag else ""
    html = _CARD.format(
        colour=escape(card.colour),
        pk=card.pk,
        text=text,
        evidence=escape(card.evidence),
        evidence_label=escape(EVIDENCE_LABELS.get(card.evidence, card.evidence)),
        tag=tag,
        comments=comments,
        actions=actions,
    )
    return mark_safe(html)  # noqa: S308 - user text is escaped above


def attach_card_views(
    board: Board,
    *,
    can_edit: bool,
    csrf_token: str,
    open_threads: OpenCounts | None = None,
    can_comment: bool = False,
) -> Board:
    """Give each block its printable cards, its add-card address and its comment counts."""
    edit, move = url_for_each("card-edit"), url_for_each("card-move")
    delete, history = url_for_each("card-delete"), url_for_each("card-history")
    add = reverse("card-new", args=[board.canvas_id, "BLOCK"])
    threads = reverse("comment-list", args=[board.canvas_id])
    counts = open_threads or OpenCounts({}, {})
    for entry in board.blocks:
        entry.add_url = add.replace("BLOCK", entry.block.key)
        entry.comments_url = f"{threads}?block={entry.block.key}"
        entry.open_threads = counts.by_block.get(entry.block.key, 0)
        last = len(entry.cards) - 1
        entry.views = []
        for index, card in enumerate(entry.cards):
            actions = mark_safe("")
            if can_edit:
                links = CardLinks(edit(card.pk), move(card.pk), delete(card.pk), history(card.pk))
                up = index - 1 if index > 0 else None
                down = index + 1 if index < last else None
                actions = card_actions(card, links, csrf_token, up, down)
            comments = card_comments(
                card, f"{threads}?card={card.pk}", counts.by_card.get(card.pk, 0), can_comment
            )
            entry.views.append(CardView(card=card, html=card_item(card, actions, comments)))
    return board
