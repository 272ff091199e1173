"""Spans the incident finders share: :class:`Hit` (a found value with its document offsets) and
the sentence splitter.  Every finder works on ``text[start:end]`` of the *document* text, so each
field of an incident points back at its words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..segment.text import sentences as split_sentences


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    text: str
    value: str = ""  # canonical id, type, technique id ...
    extra: dict = field(default_factory=dict)


# Beyond the segmenter's sentence ends: a line break, a Chinese semicolon and a headline colon
# ("Mt. Gox hacked: CEO's blog ...") end a sentence too.
_CLAUSE_END = re.compile(r"(?<=；)|(?<=\w):\s+(?=[A-Z])")
_LINE = re.compile(r"[^\n]+")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (document offsets): the segmenter's splitter
    (:func:`sinodesk.stages.segment.text.sentences`) over each line, cut again at headline colons and '；'."""
    out = []
    for line in _LINE.finditer(text, start, end):
        base = line.start()
        for a, b in split_sentences(line.group()):
            s = base + a
            for m in _CLAUSE_END.finditer(text, s, base + b):
                if m.start() > s:
                    out.append((s, m.start()))
                s = m.end()
            out.append((s, base + b))
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
