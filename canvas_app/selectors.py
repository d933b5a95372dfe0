"""Read models shared by the canvas page, the API and reports."""

from dataclasses import dataclass, field

from canvas_app.framework import BLOCK_COUNT, BLOCKS, GROUPS_BY_KEY, Block, Group
from canvas_app.models import Canvas, Card


@dataclass
class BoardBlock:
    block: Block
    cards: list[Card] = field(default_factory=list)

    @property
    def group(self) -> Group:
        return GROUPS_BY_KEY[self.block.group]


@dataclass
class Board:
    """A canvas's cards arranged by block, in reading order."""

    blocks: list[BoardBlock]

    @property
    def filled(self) -> int:
        return sum(1 for entry in self.blocks if entry.cards)

    @property
    def total(self) -> int:
        return BLOCK_COUNT

    @property
    def completeness_percent(self) -> int:
        return round(100 * self.filled / self.total)

    @property
    def card_count(self) -> int:
        return sum(len(entry.cards) for entry in self.blocks)

    def block(self, key: str) -> BoardBlock:
        return next(entry for entry in self.blocks if entry.block.key == key)


def canvas_board(canvas: Canvas, cards: list[Card] | None = None) -> Board:
    """Group the canvas's cards by block in one query (or from cards already loaded)."""
    if cards is None:
        cards = list(canvas.cards.order_by("position", "id"))
    by_block: dict[str, list[Card]] = {block.key: [] for block in BLOCKS}
    for card in sorted(cards, key=lambda c: (c.position, c.pk)):
        by_block.setdefault(card.block, []).append(card)
    return Board(blocks=[BoardBlock(block, by_block[block.key]) for block in BLOCKS])
