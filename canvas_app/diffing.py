"""What changed between two snapshots of a canvas: pure functions on their content.

Cards are matched by id. Per block: cards added, removed, moved (into the block from
another one, or out of their order among the cards both versions share) and changed
(text, tag, colour or evidence), with a word-level diff of the text. Impact inputs
and scores are compared field by field.
"""

import difflib
import re
from collections.abc import Iterable

from canvas_app.framework import BLOCKS

CARD_FIELDS = ("text", "tag", "colour", "evidence")
_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """The two texts as runs of ("equal" | "delete" | "insert", text), word by word."""
    a, b = _TOKENS.findall(before or ""), _TOKENS.findall(after or "")
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("equal", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            runs.append(("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            runs.append(("insert", "".join(b[j1:j2])))
    return runs


def _out_of_order(before: list[int], after: list[int]) -> set[int]:
    """Ids whose order changed: those outside the longest common ordering."""
    kept: set[int] = set()
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for block in matcher.get_matching_blocks():
        kept.update(before[block.a : block.a + block.size])
    return set(after) - kept


def _by_block(cards: Iterable[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {block.key: [] for block in BLOCKS}
    for card in sorted(cards, key=lambda c: (c["position"], c["id"])):
        grouped.setdefault(card["block"], []).append(card)
    return grouped


def _card(card: dict) -> dict:
    return {"card": card["id"], "text": card["text"], "position": card["position"]}


def cards_diff(before: list[dict], after: list[dict]) -> dict[str, dict[str, list]]:
    old = {card["id"]: card for card in before}
    new = {card["id"]: card for card in after}
    old_blocks, new_blocks = _by_block(before), _by_block(after)
    result = {}
    for key in new_blocks.keys() | old_blocks.keys():
        was = [c["id"] for c in old_blocks.get(key, []) if c["id"] in new]
        now = [c["id"] for c in new_blocks.get(key, []) if c["id"] in old]
        reordered = _out_of_order([i for i in was if new[i]["block"] == key], now)
        moved = [
            {**_card(new[i]), "from_block": old[i]["block"], "from_position": old[i]["position"]}
            for i in now
            if old[i]["block"] != key or i in reordered
        ]
        changed = [
            {
                "card": i,
                "before": old[i]["text"],
                "after": new[i]["text"],
                "fields": {
                    f: [old[i][f], new[i][f]] for f in CARD_FIELDS if old[i][f] != new[i][f]
                },
                "words": word_diff(old[i]["text"], new[i]["text"]),
            }
            for i in now
            if any(old[i][f] != new[i][f] for f in CARD_FIELDS)
        ]
        result[key] = {
            "added": [_card(c) for c in new_blocks.get(key, []) if c["id"] not in old],
            "removed": [_card(c) for c in old_blocks.get(key, []) if c["id"] not in new],
            "moved": moved,
            "changed": changed,
        }
    return {block.key: result[block.key] for block in BLOCKS if block.key in result}


def values_diff(before: dict | None, after: dict | None) -> dict[str, dict]:
    """Fields whose value changed, with the old and new values (None: absent)."""
    before, after = before or {}, after or {}
    return {
        name: {"before": before.get(name), "after": after.get(name)}
        for name in sorted(before.keys() | after.keys())
        if before.get(name) != after.get(name)
    }


def _scores(content: dict) -> dict | None:
    assessment = content.get("assessment")
    return assessment["scores"] if assessment else None


def content_diff(before: dict, after: dict) -> dict:
    """The diff of two snapshot contents (see services/snapshots.snapshot_content)."""
    blocks = cards_diff(before["cards"], after["cards"])
    return {
        "blocks": blocks,
        "inputs": values_diff(before.get("inputs"), after.get("inputs")),
        "scores": values_diff(_scores(before), _scores(after)),
        "canvas": values_diff(before.get("canvas"), after.get("canvas")),
        "counts": {
            kind: sum(len(changes[kind]) for changes in blocks.values())
            for kind in ("added", "removed", "moved", "changed")
        },
    }
