"""Short briefs glued with blank lines and no headlines: one or two paragraphs each.

The cohesion splitter (``cohesion``) needs a few paragraphs and some eighty terms a story
before it may draw a boundary, so a page of news briefs -- each a paragraph or two, none with
a headline -- stays one story.  Briefs show their boundaries another way: a brief shares no
name and hardly a word with the one before it, while the paragraphs of one article keep
coming back to its people, places and subject.  ``brief_starts`` groups the paragraphs so,
and keeps the grouping only when it looks like a page of briefs as a whole:

* every paragraph is prose, there are at most :data:`MAX_UNITS` of them, and the text is not
  mostly Chinese (no capitalised names to follow, and the paragraphs of one Chinese article
  share too few character pairs to tell it from briefs: ``tests/test_segment_zh_glued.py``
  split 15 of its 28 single articles so);
* a paragraph joins the brief before it when it points back ("He said", "However"), shares a
  name with it (capitalised words inside a sentence) or shares :data:`LINK_SHARE` of its terms
  with it (terms: stemmed content words);
* every brief has at most :data:`MAX_BRIEF_UNITS` paragraphs, and no two briefs anywhere in
  the text share a name or :data:`APART_SHARE` of their terms (one article's paragraphs that
  part from their neighbours still meet its other paragraphs).

The grouping is its own judge of the whole text, so the document-level decision (``digest``,
calibrated on longer stories) is not asked again.  Measured: ``eval segment --set unseen``
(briefs-en, briefs-zh); single BBC and ECB+ articles stay whole as before.
"""

from __future__ import annotations

import re

from .headline import ANAPHORIC_START, is_prose
from .text import CJK, capitalised, terms

MAX_UNITS = 16  # a page of briefs: a handful of one- or two-paragraph items
MIN_BRIEFS = 3  # two parts of a short text are as often an article's two halves
MAX_BRIEF_UNITS = 2  # a brief is one or two paragraphs
LINK_SHARE = 0.15  # a paragraph sharing this share of its terms with the brief before carries it on
APART_SHARE = 0.2  # two briefs sharing this share of the smaller one's terms are one article's parts
_WORD = re.compile(r"\b[A-Z][A-Za-z'\-]+")


def _terms(unit: str) -> set[str]:
    return set(terms(unit))


def _share(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def brief_starts(units: list[str]) -> list[int]:
    """Start indices of the briefs in ``units`` (paragraphs), or ``[0]`` when they are one text."""
    n = len(units)
    if n < 2 or n > MAX_UNITS or not all(is_prose(u) for u in units):
        return [0]
    if sum(bool(CJK.search(u)) for u in units) * 2 > n:
        return [0]  # Chinese: no capitalised names, and one article's paragraphs share few character pairs
    link = LINK_SHARE
    inner = [set(capitalised(u)) for u in units]
    known = set().union(*inner)  # a name opening a sentence counts when it is capitalised inside one somewhere
    names = [ns | ({w.lower() for w in _WORD.findall(u)} & known) for ns, u in zip(inner, units)]
    bags = [_terms(u) for u in units]
    starts = [0]
    story_names, story_terms = set(names[0]), set(bags[0])
    for k in range(1, n):
        joined = (ANAPHORIC_START.match(units[k]) or names[k] & story_names
                  or _share(bags[k], story_terms) >= link or units[k].lstrip()[:1].islower())
        if joined:
            story_names |= names[k]
            story_terms |= bags[k]
            continue
        starts.append(k)
        story_names, story_terms = set(names[k]), set(bags[k])
    if len(starts) < MIN_BRIEFS:
        return [0]
    bounds = starts + [n]
    if any(b - a > MAX_BRIEF_UNITS for a, b in zip(bounds, bounds[1:])):
        return [0]
    groups = [(set().union(*names[a:b]), set().union(*bags[a:b])) for a, b in zip(bounds, bounds[1:])]
    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            if groups[i][0] & groups[j][0] or _share(groups[i][1], groups[j][1]) >= APART_SHARE:
                return [0]
    return starts
