"""What changed between two snapshots of a canvas: pure functions on their content.

Cards are matched by id. Per block: cards added, removed, moved (into the block from
another one, or out of their order among the cards both versions share) and changed
(text, tag, colour or evidence), with a word-level diff of the text. Impact inputs
and scores are compared field by field; the options of the short list and the
benefits of the plan are matched by id, like cards.
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


def _named(row: dict) -> dict:
    return {"id": row["id"], "name": row["name"]}


def _pairs(before: list[dict], after: list[dict]) -> dict:
    """Which row of `before` each row of `after` is: the one with its id, else one that
    no other row claimed with the same name (a row removed and added back, as restoring
    a snapshot does, under a new id)."""
    old = {row["id"]: row for row in before}
    pairs = {row["id"]: old[row["id"]] for row in after if row["id"] in old}
    claimed = {row["id"] for row in pairs.values()}
    free = {}
    for row in before:
        if row["id"] not in claimed:
            free.setdefault(row["name"], row)
    for row in after:
        if row["id"] not in pairs and row["name"] in free:
            pairs[row["id"]] = free.pop(row["name"])
    return pairs


def _rows_diff(before: list[dict], after: list[dict], changes) -> dict[str, list]:
    """Rows added, removed and changed (`changes(old, new)`: their changed parts)."""
    pairs = _pairs(before, after)
    matched = {row["id"] for row in pairs.values()}
    changed = []
    for row in after:
        if row["id"] in pairs:
            parts = changes(pairs[row["id"]], row)
            if any(parts.values()):
                changed.append({**_named(row), **parts})
    return {
        "added": [_named(row) for row in after if row["id"] not in pairs],
        "removed": [_named(row) for row in before if row["id"] not in matched],
        "changed": changed,
    }


def _option_changes(old: dict, new: dict) -> dict[str, dict]:
    return {
        "fields": values_diff(
            {"name": old["name"], "kind": old["kind"]}, {"name": new["name"], "kind": new["kind"]}
        ),
        "inputs": values_diff(old["inputs"], new["inputs"]),
        "optimism_bias": values_diff(old["optimism_bias"], new["optimism_bias"]),
    }


def _preferred(rows: list[dict]) -> dict | None:
    return next((_named(row) for row in rows if row["preferred"]), None)


def options_diff(before: list[dict] | None, after: list[dict] | None) -> dict | None:
    """The short list: options added, removed and changed (name, kind, inputs, optimism
    bias), and the preferred option before and after when the preference moved. None
    when a content was taken before snapshots kept the short list."""
    if before is None or after is None:
        return None
    diff = _rows_diff(before, after, _option_changes)
    was, now = _preferred(before), _preferred(after)
    pairs = _pairs(before, after)
    moved = (was and was["id"]) != (now and pairs.get(now["id"], now)["id"])
    return {**diff, "preferred": {"before": was, "after": now} if moved else None}


def _benefit_changes(old: dict, new: dict) -> dict[str, dict]:
    fields = [key for key in new if key != "id"]
    return {"fields": values_diff({k: old.get(k) for k in fields}, {k: new[k] for k in fields})}


def benefits_diff(before: list[dict] | None, after: list[dict] | None) -> dict | None:
    """The benefits plan: benefits added, removed and changed (targets, dates, owner...);
    None when a content was taken before snapshots kept the plan."""
    if before is None or after is None:
        return None
    return _rows_diff(before, after, _benefit_changes)


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
        "options": options_diff(before.get("options"), after.get("options")),
        "benefits": benefits_diff(before.get("benefits"), after.get("benefits")),
        "counts": {
            kind: sum(len(changes[kind]) for changes in blocks.values())
            for kind in ("added", "removed", "moved", "changed")
        },
    }
