"""Who the speaker of a cue is: the entity the cue's grammar points at.

``_Ents`` indexes a story's entities for the look-ups the cue rules need (the entity just before
a verb, the subject set off by a comma, the first entity after "according to"); the helpers
below resolve the speaker of "a Microsoft spokesman said", reject places closing a prepositional
phrase ("protesters in Beijing said"), find the subject of a Chinese cue across a day or
adverbial gap, and name a source by its registry outlet or gazetteer entry.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..entities import GazMatch
from ..gazetteer import Gazetteer
from ..outlets import OutletRegistry
from .cues import (_OK_LABELS, _PLACE_PREP_BEFORE, _ROLE_NOUNS, _SUBJECT_SET_OFF, _SUBJECT_SET_OFF_ORG_ROLE, _ZH_CLAUSE_START, _ZH_GAP, _ZH_PREPOSITIONS,
                   _appositive_gap)

def _canonical_source(surface: str, canonical: str | None, gaz: Gazetteer, reg: OutletRegistry) -> tuple[str, str | None]:
    o = None if canonical and canonical.startswith("person:") else reg.match(surface)  # ("Sun said": Sun Weidong, not The Sun)
    if o is not None and " " not in surface and o.name.startswith("The ") and surface.casefold() not in {a.casefold() for a in (o.name, *o.aliases)}:
        o = None  # "Hill said", "Sun said": one word that is an outlet's name only with its "The"
    if o is None and canonical and canonical.startswith("org:"):
        o = reg.get(canonical[4:])
    if o is None and canonical is None:
        c = gaz.lookup(surface)
        if c and c.startswith("org:"):
            o = reg.get(c[4:])
        canonical = c
    if o is not None:
        return o.name, o.id
    if canonical:
        shown = gaz.display(canonical)
        if _HAN.search(shown) is not None and _HAN.search(surface) is None:
            return surface, None  # "Hamas said" in an English story: not the Chinese display name (哈马斯) of its entry
        return shown, None
    return surface, None


_HAN = re.compile(r"[\u4e00-\u9fff]")


class _Ents:
    """The story's entities sorted by start (non-overlapping), with the look-ups cue rules need."""

    __slots__ = ("ents", "starts", "ends", "ends_sorted")

    def __init__(self, ents: list[GazMatch]):
        self.ents = sorted(ents, key=lambda e: e.start)
        self.starts = [e.start for e in self.ents]
        self.ends = [e.end for e in self.ents]
        self.ends_sorted = all(a <= b for a, b in zip(self.ends, self.ends[1:]))

    def before(self, pos: int, text: str) -> GazMatch | None:
        """The entity ending at ``pos`` or one blank before it (scanning back from the last one)."""
        ents = self.ents
        if self.ends_sorted:
            i = bisect_left(self.ends, pos + 1)  # ents[:i] end at or before pos
            while i > 0:
                i -= 1
                e = ents[i]
                if pos - e.end <= 1 and text[e.end : pos].strip() == "":
                    return e
                if e.end < pos - 2:
                    return None
            return None
        for e in reversed(ents):
            if e.end <= pos and pos - e.end <= 1 and text[e.end : pos].strip() == "":
                return e
            if e.end < pos - 2:
                break
        return None

    def at(self, pos: int) -> GazMatch | None:
        """The first entity starting exactly at ``pos``."""
        i = bisect_left(self.starts, pos)
        return self.ents[i] if i < len(self.ents) and self.starts[i] == pos else None

    def appositive_subject(self, text: str, sent_start: int, cue: int, org_role: bool = False) -> GazMatch | None:
        """Sentence subject set off by a comma or bracket ("Zheng, a professor at ..., said"); with ``org_role``
        also by an organisation's role that ends at the cue ("Betsy Loyless, National Audubon Society senior
        vice president, said")."""
        best = None
        for i in range(bisect_left(self.starts, sent_start), bisect_left(self.starts, cue)):
            e = self.ents[i]
            if e.end > cue or e.label not in ("PERSON", "ORG"):
                continue
            if _SUBJECT_SET_OFF.match(text, e.end, cue + 30) is not None or (
                    org_role and e.label == "PERSON" and _SUBJECT_SET_OFF_ORG_ROLE.match(text, e.end, cue) is not None):
                if best is None or (e.label == "PERSON" and best.label != "PERSON"):
                    best = e
                    if e.label == "PERSON":
                        break
        return best

    def after(self, text: str, pos: int, limit: int, allow_gap: bool) -> GazMatch | None:
        """The first entity at or after ``pos`` (before ``limit``) if only filler words lie between."""
        i = bisect_left(self.starts, pos)
        if i == len(self.ents):
            return None
        e = self.ents[i]
        if e.start >= limit:
            return None
        gap = text[pos : e.start]
        if gap.strip() == "" or (allow_gap and _appositive_gap(gap)):
            return e if e.label in _OK_LABELS else None
        return None


def _organisation_of_role(text: str, lo: int, pos: int, index: "_Ents") -> GazMatch | None:
    """The organisation naming the speakers of "a Microsoft spokesman said", "Labour campaign
    chiefs say", "French and U.N. officials said" (a role noun, at most two lower-case words
    between it and the name)."""
    end = pos
    while end > lo and text[end - 1] == " ":
        end -= 1
    w0 = text.rfind(" ", lo, end) + 1
    noun = text[w0:end]
    document = noun in _DOCUMENT_NOUNS
    if w0 <= lo or not (document or noun in _ROLE_NOUNS):
        return None
    p = w0
    for _ in range(3):
        ent = index.before(p, text)
        if ent is not None and ent.label == "PERSON" and text.endswith(("'s", "’s"), ent.start, ent.end) and (noun in _PERSON_AIDES or noun in _PERSON_DOCUMENTS):
            return ent  # "Mr Harding's statement said" with the possessive read into the name (the hit drops it)
        if ent is not None:
            return ent if ent.label == "ORG" else None
        if text.endswith(_POSSESSIVE_ENDS, lo, p):  # "Toyota's spokesman said", "Barclays' chief economist said", "Mr Blair's spokesman said"
            cut = 3 if text[p - 3 : p - 2] in "'’" else 2
            ent = index.before(p - cut, text)
            if ent is not None and (ent.label == "ORG" or (ent.label == "PERSON" and (noun in _PERSON_AIDES or noun in _PERSON_DOCUMENTS))):
                return ent  # ("Mr Harding's statement said": his own statement)
            return None
        q = text.rfind(" ", lo, p - 1) + 1
        word = text[q : p - 1]
        if q <= lo or not word.islower() or not word.isalpha():
            return None
        p = q
    return None


_POSSESSIVE_ENDS = ("'s ", "’s ", "s' ", "s’ ")
# what a body issues that "said" as it does ("The Siemens statement said", "a Reuters report said", "Tesla in a
# statement said": the walk back passes "in a")
_DOCUMENT_NOUNS = frozenset("statement statements report filing letter release".split())
# ... and what a person's own words come in ("Mr Harding's statement said")
_PERSON_DOCUMENTS = frozenset("statement letter".split())
# the roles that speak for a person named before them ("Mr Blair's spokesman said", "Jackson's lawyer said")
_PERSON_AIDES = frozenset("spokesman spokeswoman spokesperson lawyer lawyers".split())


# "Officer Richard Hilgeman with the LRPD said", "Matthew Herren from EduVision told": a person, an
# affiliation word, the body's capitalised name (maybe one the entities missed), then the cue.
_AFFILIATION_TAIL = re.compile(r"\s(?:with|from|of|at|in)\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+(?:and\s+)?){0,4}[A-Z][\w&.'’-]*(?:\s+\([A-Z][A-Za-z]{1,7}\))?"
                               r"(?:\s(?:at|on|in)\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+){0,3}[A-Z][\w&.'’-]*){0,2}\s*$")


def _person_before_affiliation(text: str, lo: int, pos: int, index: "_Ents") -> GazMatch | None:
    """The person before "with/from/of/at (the) Body" when that phrase ends where the cue starts."""
    m = _AFFILIATION_TAIL.search(text, max(lo, pos - 80), pos)
    if m is None:
        return None
    person = index.before(m.start(), text)
    if person is not None and text.endswith((" of ", " for "), lo, person.start):
        return None  # "the wife of John Smith from Leeds said": the person belongs to the unnamed speaker's description
    return person if person is not None and person.label == "PERSON" else None


_ROLE_FOR = re.compile(r"\b(?:" + "|".join(sorted(_ROLE_NOUNS, key=len, reverse=True)) + r") (?:for|at|of|with|from) (?:the )?$")


def _body_after_role(text: str, lo: int, ent: GazMatch | None, index: "_Ents") -> GazMatch | None:
    """"A spokeswoman for Beaumont Hospital (in Royal Oak) said": the body a role noun speaks for,
    when it (and maybe its place after "in") ends where the cue starts."""
    if ent is None:
        return None
    if ent.label in ("GPE", "ORG") and text.endswith(" in ", 0, ent.start):
        body = index.before(ent.start - 4, text)
        ent = body if body is not None else ent
    if ent.label not in ("ORG", "FAC", "GPE"):
        return None
    m = _ROLE_FOR.search(text, max(lo, ent.start - 40), ent.start)
    if m is None:
        return None
    head = _APPOSED_BEFORE_ROLE.search(text, max(lo, m.start() - 12), m.start())
    person = index.before(head.start(), text) if head is not None else None
    if person is not None and person.label == "PERSON":
        return person  # "Patricia Sanders, spokeswoman for the Disaster Emergency Committee said": the named person speaks
    return ent


_APPOSED_BEFORE_ROLE = re.compile(r", (?:(?:a|an|the) )?(?:[a-z]+ ){0,2}$")


def _owned_body(text: str, ent: GazMatch | None, index: "_Ents") -> GazMatch | None:
    """"according to the U.K.'s Interoute Plc": past a place's possessive, the body it owns."""
    if ent is not None and ent.label == "GPE" and text.startswith(("'s ", "’s "), ent.end):
        body = index.at(ent.end + 3)
        if body is not None and body.label in ("ORG", "PERSON"):
            return body
    return ent


def _subject_of_participle(text: str, lo: int, pos: int, index: "_Ents") -> GazMatch | None:
    """"Maradona boarded a plane for Havana, telling fans ...": the person or organisation opening
    the sentence speaks through a speech participle after a comma (one comma in the clause)."""
    if not text.endswith(", ", lo, pos):
        return None
    while lo < pos and text[lo] in " \n\t\"“'":
        lo += 1
    ent = index.at(lo)
    if ent is None or ent.label not in ("PERSON", "ORG") or text.find(",", ent.end, pos - 2) >= 0:
        return None
    return ent


def _coordinated_person(text: str, ent: GazMatch, index: "_Ents") -> GazMatch | None:
    """"Anthony McPartlin and Declan Donnelly said", "Sony Corp. and Ericsson AB said": the person (organisation)
    joined by "and" before a speaking person (organisation)."""
    if ent.label == "ORG" and text.endswith(" and the ", 0, ent.start):
        # "..., the Wall Street Journal and the Washington Post reported": two bodies, each with its article, as the subject
        acronym = _ACRONYM_AFTER.search(text, max(0, ent.start - 21), ent.start - 9)
        other = index.before(acronym.start() if acronym is not None else ent.start - 9, text)
        if other is not None and other.label == "ORG" and (text.endswith((", the ", ". The ", "\nThe ", '"The ', "“The "), 0, other.start)
                                                           or (other.start == 4 and text.startswith("The "))):
            return other
        return None
    if ent.label not in ("PERSON", "ORG"):
        return None
    p = ent.start
    if ent.label == "PERSON":
        p -= next((len(h) for h in _HONORIFICS_BEFORE if text.endswith(h, 0, p)), 0)  # "Mr Blair and Mr Brown said"
    if not text.endswith(" and ", 0, p):
        return None
    q = p - 5
    acronym = _ACRONYM_AFTER.search(text, max(0, q - 12), q)  # "The Council of Mortgage Lenders (CML) and the British Bankers Association said"
    other = index.before(acronym.start() if acronym is not None and ent.label == "ORG" else q, text)
    if other is None or other.label != ent.label:
        return None
    if ent.label == "ORG" and text[max(0, other.start - 12) : other.start].rstrip().lower().endswith((" of", " at", " in", " for", " from", " between", " with", " the")):
        return None  # "Sales at Sony and Ericsson said": the pair is no subject; "the Texas Parks and Wildlife Department said": one name cut in two
    return other


_HONORIFICS_BEFORE = ("Mr ", "Mrs ", "Ms ", "Miss ", "Dr ", "Mr. ", "Mrs. ", "Ms. ", "Dr. ")
_ACRONYM_AFTER = re.compile(r" \([A-Z][A-Za-z&]{1,7}\)$")


def _listed_before(text: str, ent: GazMatch, index: "_Ents") -> GazMatch | None:
    """The name before ``ent`` in a comma list of speakers ("Toyota, Honda and Nissan said": Toyota before Honda)."""
    p = ent.start
    if ent.label == "PERSON":
        p -= next((len(h) for h in _HONORIFICS_BEFORE if text.endswith(h, 0, p)), 0)
    if not text.endswith(", ", 0, p):
        return None
    other = index.before(p - 2, text)
    return other if other is not None and other.label == ent.label else None


_POSSESSIVE_ROLE = re.compile(r"(?:[a-z][\w-]* ?){1,4}, ")


def _person_after_possessive_role(text: str, pos: int, limit: int, index: "_Ents") -> GazMatch | None:
    """The person after "X's <role>, " ("said Fritch's grandmother, Barbara DeRamus")."""
    m = _POSSESSIVE_ROLE.match(text, pos, limit)
    person = index.at(m.end()) if m is not None else None
    return person if person is not None and person.label == "PERSON" else None


def _object_of_preposition(text: str, start: int, s0: int) -> bool:
    """"a clip on the video platform Douyin showed", "protesters in Beijing said": the entity
    closes a place phrase (on/in + lower-case words) and is not the subject."""
    lo = max(s0, start - 40)
    if text.find(" on ", lo, start) < 0 and text.find(" in ", lo, start) < 0 and text.find(" across ", lo, start) < 0 and text.find(
            " throughout ", lo, start) < 0 and text.find(" all over ", lo, start) < 0:
        return False  # cheap probe: no place preposition near
    return _PLACE_PREP_BEFORE.search(text, max(s0, start - 40), start) is not None


def _zh_gap_subject(text: str, cue: int, s0: int, index: "_Ents") -> GazMatch | None:
    """The entity opening the clause of a Chinese cue when only a day/adverbial gap lies between."""
    lo = max(s0, cue - 60)
    cs = lo
    for ch in _ZH_CLAUSE_START:
        i = text.rfind(ch, lo, cue)
        if i + 1 > cs:
            cs = i + 1
    i = bisect_left(index.starts, cs)
    best = None
    while i < len(index.ents) and index.ents[i].end <= cue:
        e = index.ents[i]
        if e.label in ("PERSON", "ORG", "GPE") and not text.endswith(_ZH_PREPOSITIONS, max(s0, e.start - 2), e.start):
            g = _ZH_GAP.match(text, e.end, cue + 12)
            if g is not None and g.end() > cue and e.end < cue:
                best = e  # the last such entity: "财政司司长陈茂波26日...表示" -> 陈茂波
        i += 1
    return best
