"""What changed since the previous briefing: new events, events that grew, numbers that changed.

Items are matched to the previous briefing's items by the stories they share (event ids can
change when events merge or are re-clustered; story ids do not), so an event whose id changed
is still recognised.  A quantity is a number with a unit, keyed by its unit and what it is about
(the extractor's subject, else the content words just before it in its sentence); when the
latest report of a key gives another value than the previous briefing held, the item says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..records import NumberClaim, Story
from ..stages.cluster.features import tokens
from .model import Briefing, Change, Item, NumberChange, Quantity

_SENTENCE_START = re.compile(r"[.!?。！？;；]\s*")


def _about(story: Story, claim: NumberClaim) -> str:
    """Content words saying what the number counts: its subject, else up to 3 words before it."""
    if claim.subject:
        words = tokens(claim.subject)
    else:
        rel = claim.start - story.start
        if story.text[rel:rel + len(claim.text)] != claim.text:  # boilerplate lines were cut from the story text
            rel = story.text.find(claim.text)
        if rel < 0:
            return ""
        head = story.text[max(0, rel - 100):rel]
        head = _SENTENCE_START.split(head)[-1]  # stay inside the number's sentence
        words = tokens(head)[-3:]
    return " ".join(sorted(set(words)))


def quantities(stories: Sequence[Story]) -> tuple[Quantity, ...]:
    """The latest value of each (unit, subject) quantity the stories report (stories in date order)."""
    latest: dict[str, Quantity] = {}
    for s in stories:
        for c in s.numbers:
            if not c.unit:
                continue
            about = _about(s, c)
            if not about:
                continue
            key = f"{c.unit.lower()}|{about}"
            prev = latest.get(key)
            if prev is None or (s.published or "") >= (prev.published or ""):
                latest[key] = Quantity(key, c.value, c.text, s.story_id, s.published)
    return tuple(sorted(latest.values(), key=lambda q: q.key))


def _differs(a: float, b: float) -> bool:
    return abs(a - b) > 0.01 * max(abs(a), abs(b), 1e-9)


def change_for(item: Item, previous: Sequence[Item], cite: Callable[[str], int]) -> Change:
    """How ``item`` stands against the previous briefing's items (``cite``: story id -> its citation
    number in the item, adding the citation when the story is not cited yet)."""
    mine = set(item.story_ids)
    matched = [p for p in previous if mine & set(p.story_ids) or p.event_id == item.event_id]
    if not matched:
        return Change("new")
    before_ids = set().union(*(set(p.story_ids) for p in matched))
    added = len(mine - before_ids)
    old = {q.key: q for p in matched for q in p.quantities}
    numbers = []
    for q in item.quantities:
        o = old.get(q.key)
        if o is not None and _differs(o.value, q.value):
            unit, about = q.key.split("|", 1)
            numbers.append(NumberChange(f"{about} [{unit}]", o.text, q.text, cite(q.story_id)))
    return Change("grew" if added else "ongoing", added=added, before=len(before_ids), numbers=tuple(numbers))


def dropped(current: Sequence[Item], previous: Briefing | None) -> tuple[str, ...]:
    """Headlines of the previous briefing's items that share no story with any item now."""
    if previous is None:
        return ()
    now = {sid for it in current for sid in it.story_ids}
    events = {it.event_id for it in current}
    return tuple(p.headline for p in previous.items() if not (set(p.story_ids) & now) and p.event_id not in events)
