"""Whom a story is about: its leads, and two reports that lead with different people.

Two reports of one event are about the same people: the player arrested, the minister who resigned,
the man charged.  Reports of another event of the same kind (the team's next arrest, another player
put on injured reserve) use the same words about someone else; without dates, or within the time
decay's reach, the words alone read them as one event.  Who the story is about does not.

A story's **leads** are the people its headline names as its subject (not as the one speaking: "Ed
Stefanski announced that ..."), else the person it names most often -- at least ``lead_mentions``
times and at least ``lead_ratio`` times as often as anyone else, its attributions' sources aside (a
story about two people has no lead).  A one-word name ("Jackson") counts for the longer name in the
same story that holds it ("Vincent Jackson").  Two leads are the same person when they share a name
word (a surname written alone in one report).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from sys import intern

PERSON = "person:"
_HEAD_WORD = re.compile(r"[^\W\d_]+")
# what follows a speaker's name in a headline that reports his words
SPEECH = frozenset("said says say told tells announced announces reported reports confirmed confirms stated states "
                   "added adds wrote writes claimed claims denied denies insisted insists revealed reveals warned "
                   "warns".split())
_AUXILIARY = frozenset("has have had will would".split())


def _words(lead: str) -> frozenset[str]:
    return frozenset(lead.split("-"))


def _folded(people: Iterable[str]) -> Counter:
    """Mentions per person slug, a one-word name counted for the one longer name of the story holding it."""
    counts = Counter(p[len(PERSON):] for p in people if p.startswith(PERSON) and len(p) > len(PERSON))
    longer = [n for n in counts if "-" in n]
    for name in [n for n in counts if "-" not in n]:  # "jackson" counts for "vincent-jackson"
        holders = [n for n in longer if name in n.split("-")]
        if len(holders) == 1:
            counts[holders[0]] += counts.pop(name)
    return counts


def lead_people(people: Iterable[str], headline: str | None, min_mentions: int, ratio: float,
                speakers: Iterable[str] = ()) -> tuple[str, ...]:
    """The leads of a story from its person mentions (canonical ids, one per mention, repeats kept): the
    people its headline names, else the one it names most (see the module's text); () when none.  Who
    tells the news is not whom it is about: a person the headline names as the one speaking ("Ed
    Stefanski announced that", "Smith has reported") is no lead, nor is any of the story's ``speakers``
    (its attributions' sources) when the lead comes from the counts."""
    counts = _folded(people)
    if not counts:
        return ()
    head = _HEAD_WORD.findall((headline or "").lower())
    told = {w for sp in speakers for w in _HEAD_WORD.findall(sp.lower())[-1:]}
    speaking = {w for w, nxt in zip(head, _after(head)) if w in told and nxt in SPEECH}
    named = tuple(sorted(intern(n) for n in counts if (w := n.rsplit("-", 1)[-1]) in head and w not in speaking))
    if named:
        return named
    for name in [n for n in counts if n.rsplit("-", 1)[-1] in told]:
        del counts[name]
    top = counts.most_common(2)
    if not top or min_mentions <= 0 or top[0][1] < min_mentions or (len(top) > 1 and top[0][1] < ratio * top[1][1]):
        return ()
    return (intern(top[0][0]),)


def _after(words: list[str]) -> list[str]:
    """The word after each word, an auxiliary skipped ("Smith has reported" -> "reported")."""
    out = []
    for i in range(len(words)):
        j = i + 1
        while j < len(words) and words[j] in _AUXILIARY:
            j += 1
        out.append(words[j] if j < len(words) else "")
    return out


def same_person(a: str, b: str) -> bool:
    """Two leads name one person: they share a name word ("jackson", "vincent-jackson")."""
    return a == b or not _words(a).isdisjoint(_words(b))


def leads_apart(a: Iterable[str], b: Iterable[str]) -> bool:
    """No lead of one is a lead of the other."""
    b = tuple(b)
    return not any(same_person(x, y) for x in a for y in b)


def lead_conflict(leads: tuple[str, ...], event_leads: Mapping[str, int]) -> bool:
    """A story leads with none of the people an event leads with (those led with by at least half as
    many of its stories as its most common lead; ``event_leads``: lead -> stories).  False when either
    has no lead."""
    if not leads or not event_leads:
        return False
    top = max(event_leads.values())
    return leads_apart(leads, [p for p, n in event_leads.items() if 2 * n >= top])

