"""A story's text with every extracted fact marked in place, from the facts' own offsets.

Every offset in a story (entities, attributions, numbers, dates) points into its document's text,
so the story is shown as ``doc.text[story.start:story.end]`` -- the words as they came in -- and a
fact is marked exactly where it was found.  Facts may nest (an entity inside an attribution); a
fact that crosses another's end is cut in two pieces that carry the same description, so the marks
always nest as HTML requires.  The result is a tree of plain records; the template escapes every
piece of text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Story

KINDS = ("entity", "attribution", "number", "date", "evidence")
GUESSED = "(a guess: no full date to read it against)"


@dataclass(frozen=True, slots=True)
class Fact:
    kind: str  # one of KINDS
    start: int  # offsets into the document text
    end: int
    text: str  # the words as found
    label: str  # entity label, attribution cue, number unit, date
    canonical: str  # canonical id / source name / value / ISO date

    @property
    def description(self) -> str:
        parts = [self.kind]
        if self.label:
            parts.append(self.label)
        if self.canonical:
            parts.append("→ " + self.canonical)
        return " ".join(parts)


@dataclass(slots=True)
class Mark:
    """A fact's piece of text: ``children`` are strings and nested marks, in order."""

    fact: Fact
    start: int
    end: int
    children: list = field(default_factory=list)
    piece: int = 0  # 0 for a whole fact, 1.. for the pieces of a fact cut at another's end


def _number_value(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,g}"


def story_facts(story: Story) -> list[Fact]:
    """Every fact of the story as a :class:`Fact`, in document order."""
    facts = [Fact("entity", e.start, e.end, e.text, e.label, e.canonical) for e in story.entities]
    facts += [Fact("attribution", a.start, a.end, a.text, a.cue, a.source) for a in story.attributions]
    facts += [Fact("number", n.start, n.end, n.text, n.unit or "", _number_value(n.value) + (f" {n.unit}" if n.unit else ""))
              for n in story.numbers]
    facts += [Fact("date", d.start, d.end, d.text, GUESSED if d.guessed else "", d.iso) for d in story.dates]
    facts.sort(key=lambda f: (f.start, -f.end, KINDS.index(f.kind)))
    return facts


def mark_text(text: str, base: int, facts: list[Fact]) -> list:
    """``text`` (which starts at document offset ``base``) as strings and nested :class:`Mark` s.

    Facts outside the text, empty ones and exact repeats of one kind and span are left out.
    """
    end_all = base + len(text)
    root = Mark(Fact("root", base, end_all, "", "", ""), base, end_all)
    stack = [root]
    cursor = base
    seen: set[tuple[str, int, int]] = set()
    pending = [(f.start, f.end, f, 0) for f in facts if base <= f.start < f.end <= end_all]
    pending.sort(key=lambda p: (p[0], -p[1]))

    def emit_text(upto: int) -> None:
        nonlocal cursor
        if upto > cursor:
            stack[-1].children.append(text[cursor - base : upto - base])
            cursor = upto

    def close_until(pos: int) -> None:
        while len(stack) > 1 and stack[-1].end <= pos:
            emit_text(stack[-1].end)
            stack.pop()

    i = 0
    while i < len(pending):
        start, end, fact, piece = pending[i]
        i += 1
        key = (fact.kind, start, end)
        if key in seen:
            continue
        seen.add(key)
        close_until(start)
        emit_text(start)
        top = stack[-1]
        if end > top.end:  # crosses the enclosing mark's end: mark up to there, the rest later
            piece = piece or 1
            pending.insert(i, (top.end, end, fact, piece + 1))
            pending[i:] = sorted(pending[i:], key=lambda p: (p[0], -p[1]))
            end = top.end
        mark = Mark(fact, start, end, piece=piece)
        top.children.append(mark)
        stack.append(mark)
    close_until(end_all)
    emit_text(end_all)
    return root.children
