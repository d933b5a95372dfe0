from .canvases import (
    CARD_TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Canvas,
    Card,
    CardAction,
    CardColour,
    CardHistory,
    Evidence,
    Sector,
    Stage,
)
from .councils import EDIT_ROLES, MANAGE_ROLES, Council, Membership, Role

__all__ = [
    "CARD_TEXT_MAX_LENGTH",
    "EDIT_ROLES",
    "MANAGE_ROLES",
    "TITLE_MAX_LENGTH",
    "Canvas",
    "Card",
    "CardAction",
    "CardColour",
    "CardHistory",
    "Council",
    "Evidence",
    "Membership",
    "Role",
    "Sector",
    "Stage",
]
