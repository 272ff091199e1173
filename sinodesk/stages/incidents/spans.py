"""Spans the incident finders share: :class:`Hit` (a found value with its document offsets) and
the sentence splitter.  Every finder works on ``text[start:end]`` of the *document* text, so each
field of an incident points back at its words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    text: str
    value: str = ""  # canonical id, type, technique id ...
    extra: dict = field(default_factory=dict)


_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“(]?[A-Z0-9])|(?<=[。！？；])|\n+|(?<=\w):\s+(?=[A-Z])")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Inc|Corp|Co|Ltd|U\.S|U\.K|No|vs|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Gov|Sen|Rep|Gen|Mt)\.|\b[A-Z]\.)$")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (document offsets), headline colons and line breaks included."""
    out, s = [], start
    for m in _SENT_END.finditer(text, start, end):
        if _ABBREV.search(text, max(start, m.start() - 6), m.start()):
            continue
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if s < end:
        out.append((s, end))
    return [(a, b) for a, b in ((_lstrip(text, a, b), _rstrip(text, a, b)) for a, b in out) if b - a > 1]


def _lstrip(text, a, b):
    while a < b and text[a] in " \t•-–*":
        a += 1
    return a


def _rstrip(text, a, b):
    while b > a and text[b - 1].isspace():
        b -= 1
    return b


def overlaps(hits: list[Hit], a: int, b: int) -> bool:
    return any(h.start < b and a < h.end for h in hits)


def dedupe(hits: list[Hit]) -> list[Hit]:
    """Hits in text order, those inside a longer one dropped."""
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if not any(o.start <= h.start and h.end <= o.end for o in out):
            out.append(h)
    return out
