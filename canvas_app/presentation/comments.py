"""A comment's text as the templates print it: plain text whose web addresses become
links and whose @mentions of participants stand out. Nothing else is interpreted;
the templates escape every piece."""

import re
from dataclasses import dataclass

_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w@.])@([\w.@+-]+)")
_TRAILING = ".,;:!?)]}'\""


@dataclass(frozen=True)
class Segment:
    kind: str  # "text", "link" or "mention"
    text: str


def _links(text: str) -> list[Segment]:
    segments, start = [], 0
    for match in _URL.finditer(text):
        url = match.group(0)
        trimmed = url.rstrip(_TRAILING)
        if match.start() > start:
            segments.append(Segment("text", text[start : match.start()]))
        segments.append(Segment("link", trimmed))
        start = match.start() + len(trimmed)
    if start < len(text):
        segments.append(Segment("text", text[start:]))
    return segments


def _mentions(segment: Segment, usernames: frozenset[str]) -> list[Segment]:
    if segment.kind != "text" or "@" not in segment.text or not usernames:
        return [segment]
    parts, start, text = [], 0, segment.text
    for match in _MENTION.finditer(text):
        name = match.group(1)
        if name not in usernames:
            name = name.rstrip(".,;:!?")
        if name not in usernames:
            continue
        end = match.start() + 1 + len(name)
        if match.start() > start:
            parts.append(Segment("text", text[start : match.start()]))
        parts.append(Segment("mention", text[match.start() : end]))
        start = end
    if start < len(text):
        parts.append(Segment("text", text[start:]))
    return parts


def body_segments(text: str, mentioned: frozenset[str] = frozenset()) -> list[Segment]:
    """Split a comment into text, links and mentions (of the usernames given)."""
    return [part for segment in _links(text) for part in _mentions(segment, mentioned)]
