"""Text features for event linking: tokens, online document frequencies, weighted vectors.

Everything here is a pure function or a small value object; :class:`DocFreq` is the only
state and it belongs to the :class:`~sinodesk.stages.cluster.online.EventLinker` that owns it.

* Latin-script text: lower-cased word tokens, stop words dropped (:mod:`sinodesk.stopwords`),
  Snowball-stemmed (PyStemmer) so that headlines and bodies meet (``attacks``, ``attacked`` -> ``attack``).
* CJK text: overlapping character bigrams (no dictionary needed, robust to segmentation).
* Weights: sublinear tf x smoothed idf from the stream seen so far (blended with shipped background
  statistics while the stream is young, :mod:`.background`), L2-normalised.
"""

from __future__ import annotations

import math
import re
from sys import intern
from collections import Counter
from functools import lru_cache
from array import array
from itertools import chain, repeat
from operator import mul
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping

import Stemmer
import numpy as np

from ...stopwords import ENGLISH, stop_words

WORD = re.compile(r"[^\W\d_][\w'’\-]*[^\W_]|[^\W\d_]|\d+(?:[.,]\d+)*", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?")
_STEMMER = Stemmer.Stemmer("english")


def surface(word: str) -> str:
    """A lower-cased word without a possessive or stray apostrophes and hyphens ("attack's" -> "attack")."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word.strip("'-")


@lru_cache(maxsize=50_000)  # the words of ordinary news: a bigger cache only grows with the rare ones
def stem(word: str) -> str:
    """The Snowball (Porter2) stem of a lower-cased word: 'attacks', "attack's" and 'attacked' meet."""
    return _STEMMER.stemWord(surface(word))


def stop_set(language: str | None) -> frozenset[str]:
    """English stop words, plus those of ``language`` (a Spanish story's 'de', 'los', 'que' link nothing)."""
    return ENGLISH if language in (None, "en", "zh") else _stop_union(language)


@lru_cache(maxsize=64)
def _stop_union(language: str) -> frozenset[str]:
    return ENGLISH | stop_words(language)


def tokens(text: str, *, bigrams: bool = False, stop: frozenset[str] = ENGLISH) -> list[str]:
    """Content tokens of ``text``: stemmed words that are not stop words, plus CJK character bigrams.

    With ``bigrams``, each pair of neighbouring content words is added as ``"w1 w2"``.
    """
    out: list[str] = []
    if not text:
        return out
    for run in _CJK.findall(text):
        if len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
    for m in WORD.finditer(_CJK.sub(" ", text.lower())):
        w = m.group()
        if w[0].isdigit():
            continue  # numbers are a separate signal (see numbers_in)
        w = surface(w)
        if len(w) > 1 and w not in stop:
            out.append(stem(w))
    if bigrams:
        words = [w for w in out if " " not in w]
        out.extend(f"{a} {b}" for a, b in zip(words, words[1:]))
    return out


def numbers_in(text: str) -> tuple[float, ...]:
    """Distinct numbers written in ``text`` (commas as thousands separators), in order -- not the
    pieces of a phone number, a date, a time or a code ("419-255-1111", "03/10/2014", "5:30"): no
    figure two reports of one event share (:func:`figure_key` leaves out the years)."""
    seen: dict[float, None] = {}
    for m in _NUMBER.finditer(_CHAINED.sub(" ", text or "")):
        try:
            seen.setdefault(float(m.group().replace(",", "")), None)
        except ValueError:  # pragma: no cover - the regex only matches digits
            continue
    return tuple(seen)


# digits joined to more digits by a dash, slash, colon or dot run (phone numbers, dates, clock times,
# codes, scores) or a phone number's bracketed area code: no quantity
_CHAINED = re.compile(r"\(\d{2,4}\)\s?\d+(?:[-.\s]\d+)*|\d+(?:[-–/:]\d+)+|\d+(?:\.\d+){2,}")
_FIGURE = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")


def figures_in(text: str) -> list[str]:
    """Every run of digits in ``text`` as written, whatever is next to it ('79.56' in '金额79.56亿',
    '1' and '9' in '9月1日'), for comparing headlines of a series."""
    return _FIGURE.findall(text or "")


def notable(value: float) -> bool:
    """A figure worth matching: not a small count or day number every story has (31 and under, whole),
    nor an overflowed digit run (JSON has no infinity)."""
    return math.isfinite(value) and (value > 31 or value != int(value))


# the kinds of figure kept apart: an amount of money (by its currency, the extractor's ISO code), a share,
# and a count ("n"): the unit the extractor gives a count is the word after the number ("45 people",
# "45 others", "400 struck", the "45 years" of an age, "45 minutes"), too loose to part two reports of one
# figure by it (per word: ECB+ topics 1-35 +0.001/+0.003, but GVC's validation stories in the whole set
# -0.007: an age and a duration had linked one incident's two reports, and the stem rule parts the
# same count told with two nouns)
_UNIT_KINDS = {"%": "%", "percent": "%", "per cent": "%", "pct": "%", "percentage points": "pp"}
_CURRENCY = re.compile(r"[A-Z]{3}")
# a place's population is the place's, not what happened there (two quakes on one island of 100,000)
_PLACE_SUBJECT = re.compile(r"\b(?:population|populated|inhabitants|home to|is home)\b", re.I)


def figure_key(value: float, unit: str | None = None, subject: str | None = None) -> str | None:
    """How a figure is matched with another report's (``"<kind>:<value>"``: the currency of an amount of
    money, ``%`` of a share, ``n`` of a count in any other unit, empty with no unit), or None when it tells no event from another: a
    small whole number (:func:`notable`), a bare year (1800-2099, no unit: a date, not a figure), a
    place's population (a fact about the place, which two events there share).  The same value as
    money, as a share and as a count is three figures: $45m, 45% and 45 people (see :func:`shared_figures`)."""
    if not notable(value):
        return None
    kind = ""
    if unit is None or not unit.strip():
        if value == int(value) and 1800 <= value <= 2099:
            return None
    else:
        u = unit.strip()
        kind = u if _CURRENCY.fullmatch(u) else _UNIT_KINDS.get(u.lower(), "n")
    if subject and _PLACE_SUBJECT.search(subject):
        return None
    return f"{kind}:{float(value)!r}"


def figure_keys(keys) -> frozenset[str]:
    """A story's figure keys, each with its value's mark (``"*:<value>"``), which a figure of unknown
    unit matches: see :func:`shared_figures`.  One string object per key, however many stories and
    events hold it (as the terms)."""
    return frozenset(map(intern, chain.from_iterable((k, "*" + k[k.index(":"):]) for k in keys)))


def saved_figures(saved) -> list[str]:
    """Figure keys as a linker state holds them; a number alone (states saved before figures had units)
    becomes the key and mark of a figure without a unit, which matches that value in any unit."""
    out = []
    for k in saved:
        if isinstance(k, str):
            out.append(intern(k))
        elif k is not None and notable(float(k)):
            v = f":{float(k)!r}"
            out += (intern(v), intern("*" + v))
    return out


def shared_figures(mine, theirs) -> int:
    """How many of a story's figures (:func:`figure_keys`) another story or an event (anything holding
    such keys) also gives: the same value of the same kind, or the same value where either side is a
    plain figure ("45 million" and "$45 million").  The same value in two currencies, or as a share and
    as an amount, is not shared."""
    n = 0
    for k in mine:
        if k[0] == "*":
            continue
        if k[0] == ":":
            n += ("*" + k) in theirs
        else:
            n += k in theirs or k[k.index(":"):] in theirs
    return n


def day_number(iso: str | None) -> int | None:
    """Day ordinal of an ISO date ``YYYY-MM-DD[...]``; None when missing or malformed."""
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


BACKGROUND_LANGUAGES = frozenset({None, "en", "zh"})  # the languages the shipped background covers


class DocFreq:
    """Document frequencies of the stream seen so far (the idf of an online TF-IDF), blended with a
    background: ``prior`` (term -> share of stories containing it) counts as ``prior_docs`` stories
    (see :mod:`.background`); without it a young stream makes every word look rare.

    A story in a language the background does not cover (Portuguese, Spanish...) takes its idf over
    the stories seen in its own language (``by_language``): its common words ("Estados Unidos",
    "presidente") are common among those few stories, however rare among the whole archive's."""

    __slots__ = ("n_docs", "df", "prior", "prior_docs", "by_language", "max_terms", "touched", "forgot")

    def __init__(self, n_docs: int = 0, df: dict[str, int] | None = None, *,
                 prior: Mapping[str, float] | None = None, prior_docs: float = 0.0,
                 by_language: dict[str, int] | None = None, max_terms: int = 0):
        self.max_terms = max_terms
        self.touched: set[str] | None = None  # when a set: terms counted since a save last cleared it (see persist)
        self.forgot = False  # terms were forgotten since the caller last cleared it
        self.n_docs = n_docs
        self.df: dict[str, int] = df if df is not None else {}
        self.prior: Mapping[str, float] = prior if prior is not None and prior_docs > 0 else {}
        self.prior_docs = float(prior_docs) if self.prior else 0.0
        self.by_language: dict[str, int] = by_language if by_language is not None else {}

    def add(self, terms: set[str] | frozenset[str], language: str | None = None) -> None:
        self.n_docs += 1
        if language not in BACKGROUND_LANGUAGES:
            self.by_language[language] = self.by_language.get(language, 0) + 1
        df = self.df
        for t in terms:
            df[t] = df.get(t, 0) + 1
        if self.touched is not None:
            self.touched.update(terms)
        if self.max_terms and len(df) > self.max_terms:
            self.forget()

    def forget(self) -> None:
        """Drop the rarest terms until at most half of ``max_terms`` remain (a whole count level
        at a time, so which terms go does not depend on the dict's order).  A rare term's idf is
        near the maximum whether its count is 0 or a few: what is lost is small, the memory is bounded."""
        counts = np.fromiter(self.df.values(), dtype=np.int64, count=len(self.df))
        keep = self.max_terms // 2
        cut = int(np.partition(counts, len(counts) - keep - 1)[len(counts) - keep - 1])  # drop counts <= cut
        self.df = {t: c for t, c in self.df.items() if c > cut}
        self.forgot = True

    def idfs(self, terms: Iterable[str], language: str | None = None) -> list[float]:
        """:meth:`idf` of each term, the same figures, in one call (the linker weighs every story's terms)."""
        get, log = self.df.get, math.log
        if language not in BACKGROUND_LANGUAGES and language in self.by_language:
            n = self.by_language[language]
            return [log((n + 2) / (min(get(t, 0), n) + 1)) + 1.0 for t in terms]
        k = self.prior_docs
        if k:
            top, prior = self.n_docs + k + 2, self.prior.get
            return [log(top / (get(t, 0) + k * prior(t, 0.0) + 1)) + 1.0 for t in terms]
        top = self.n_docs + 2
        return [log(top / (get(t, 0) + 1)) + 1.0 for t in terms]

    def idf(self, term: str, language: str | None = None) -> float:
        if language not in BACKGROUND_LANGUAGES and language in self.by_language:
            n = self.by_language[language]  # a term shared with other languages counts at most n times
            return math.log((n + 2) / (min(self.df.get(term, 0), n) + 1)) + 1.0
        k = self.prior_docs
        if k:
            return math.log((self.n_docs + k + 2) / (self.df.get(term, 0) + k * self.prior.get(term, 0.0) + 1)) + 1.0
        return math.log((self.n_docs + 2) / (self.df.get(term, 0) + 1)) + 1.0


@dataclass(frozen=True, slots=True)
class Features:
    """What the linker compares: a unit-length term vector and the side signals."""

    vector: "dict[str, float] | Packed"  # a dict, or Packed in the linker's re-clustering records
    terms: frozenset[str]
    entities: frozenset[str]
    numbers: frozenset[str]  # figure keys (figure_key)
    day: int | None
    short: bool  # headline-only (or very short) text: use the short-text threshold
    names: frozenset[str] = frozenset()  # folded words capitalised mid-sentence (see names_in)
    years: frozenset[str] = frozenset()  # years written in the text ("2013")
    n_words: int = 0  # content words in headline + body start
    headline_only: bool = False  # no body text at all
    language: str | None = None  # ISO 639-1 code of the story, when known
    head: tuple[str, ...] = ()  # the headline as headline_frame reads it (series_pair)
    outlet: str | None = None  # the story's house: its outlet, site or board (online.house; the same-outlet rules)
    rubric: frozenset[str] = frozenset()  # its headline's words its outlet files many stories under (.beat)
    leads: tuple[str, ...] = ()  # the people the story is about (lead.lead_people)


class Packed:
    """A story vector as the linker keeps it for re-clustering: its terms (the interned strings, shared
    with the document frequencies and centroids) and weights in two flat sequences, in the order of the
    dict it was made from, so that sums over it add the same products in the same order.  About 16
    bytes a term where the dict with its float objects takes about 90: the re-clustering records of a
    busy month are most of the linker's memory otherwise.  Read-only: ``items()``, ``in``, ``len``."""

    __slots__ = ("terms", "weights")

    def __init__(self, vector: "Mapping[str, float] | Packed"):
        if isinstance(vector, Packed):
            self.terms, self.weights = vector.terms, vector.weights
        else:
            self.terms = tuple(vector)
            self.weights = array("d", vector.values())

    def items(self):
        return zip(self.terms, self.weights)

    def __iter__(self):
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, term: object) -> bool:  # a few headline words per pair (scoring._outlet_words)
        return term in self.terms

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Packed):
            return self.terms == other.terms and self.weights == other.weights
        return isinstance(other, dict) and dict(self.items()) == other

    def as_dict(self) -> dict[str, float]:
        return dict(self.items())


def weigh(counts: Counter[str], df: DocFreq, *, max_terms: int, language: str | None = None) -> dict[str, float]:
    """Sublinear-tf x idf weights (the idf of ``language``'s stories, see :class:`DocFreq`),
    L2-normalised, keeping the ``max_terms`` heaviest."""
    log = math.log
    w = {t: (1.0 + log(c)) * i for (t, c), i in zip(counts.items(), df.idfs(counts, language))}
    if len(w) > max_terms:
        w = dict(sorted(w.items(), key=lambda kv: kv[1], reverse=True)[:max_terms])
    norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
    return {t: v / norm for t, v in w.items()}


def term_counts(headline: str | None, text: str, *, headline_weight: int, body_chars: int,
                bigrams: bool = True, years: bool = False, name_boost: int = 0,
                language: str | None = None) -> Counter[str]:
    """Token counts of headline (repeated ``headline_weight`` times) and the body's start.

    ``years``: each year written in the text (1800-2099) becomes a term ``"y:2013"``, so stories
    about a similar event in another year drift apart.  ``name_boost``: words written with a
    capital inside a sentence (names of people, places, organisations) count this much more.
    """
    body = text[:body_chars]
    stop = stop_set(language)
    counts: Counter[str] = Counter(tokens(body, bigrams=bigrams, stop=stop))
    if headline:
        for t in tokens(headline, bigrams=bigrams, stop=stop):
            counts[t] += headline_weight
    if years:
        for y in _YEAR.findall(f"{headline or ''}\n{body}"):
            counts["y:" + y] += 1
    if name_boost:
        for w in names_in(body, stop):
            if w in counts:
                counts[w] += name_boost
    return counts


_YEAR = re.compile(r"(?<![\w.,])(1[89]\d\d|20\d\d)(?![\w.,]\d)")
_NAME = re.compile(r"(?<=[a-z,;:\)]\s)([A-Z][a-z][\w'’\-]*)")


def years_in(text: str) -> frozenset[str]:
    """Years written in ``text`` (1800-2099), not parts of longer numbers."""
    return frozenset(_YEAR.findall(text or ""))


def names_in(text: str, stop: frozenset[str] = ENGLISH) -> list[str]:
    """Stemmed words capitalised in mid-sentence (a cheap stand-in for named entities)."""
    out = []
    for m in _NAME.finditer(text):
        w = surface(m.group(1).lower())
        if len(w) > 1 and w not in stop:
            out.append(stem(w))
    return out


def cosine(a: "dict[str, float] | Packed", b: "dict[str, float] | Packed") -> float:
    """Dot product of two sparse vectors (cosine for unit ones), looped in C: the same products
    summed in the same order as ``sum(v * b.get(t, 0.0) for t, v in a.items())``, bit for bit."""
    if len(a) > len(b):
        a, b = b, a
    if type(b) is Packed:  # looked up: a dict for this call (a packed event's centroid stays packed)
        b = b.as_dict()
    return sum(map(mul, a.weights if type(a) is Packed else a.values(), map(b.get, a, repeat(0.0))))


_HEAD_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
                         r"|[^\W_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+(?:['’.\-][^\W_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)*")


def headline_frame(headline: str | None) -> tuple[str, ...]:
    """A headline as :func:`series_pair` compares it: words as written (capitals kept), each CJK
    character on its own, every number as ``#`` (one day's figure is not another template)."""
    return tuple("#" if t[0].isdigit() else intern(t) for t in _HEAD_TOKEN.findall(headline or ""))  # events keep them


@lru_cache(maxsize=50_000)
def head_words(head: tuple[str, ...], language: str | None = None) -> frozenset[str]:
    """The content tokens (as :func:`tokens` makes them: stems, CJK character pairs) of a headline
    frame from :func:`headline_frame` (its figures left out)."""
    text = "".join(t if _CJK.match(t) else f" {t} " for t in head if t != "#")
    return frozenset(tokens(text, stop=stop_set(language)))


def _filler(toks: tuple[str, ...], start: int) -> bool:
    """Words that fill a template's slot: a name (capitalised after the first word), a code that
    mixes letters and digits (``v201509``), or CJK characters."""
    for k, t in enumerate(toks):
        if _CJK.match(t) or (t[0].isupper() and start + k > 0) or (t != "#" and any(c.isdigit() for c in t)):
            return True
    return False


def series_pair(a: tuple[str, ...], b: tuple[str, ...], frame: float = 0.5) -> bool:
    """Two headlines of one template with another name in its slot ("Clima en Rosario hoy: ..." /
    "Clima en Ushuaia hoy: ...", "江西师范大学...开通" / "山西师范大学...开通", "AdWords API v201509
    sunset reminder" / "... v201506 ..."): at least ``frame`` of the longer one is shared in order, and
    a part of each that is not shared, in the same place, is a name, code or CJK word.  Restatements
    of one story add or drop words ("(图)", "及展望") or change figures; they do not swap a name."""
    if not a or not b or a == b:
        return False
    need = frame * max(len(a), len(b))
    if sum((Counter(a) & Counter(b)).values()) < need:  # cheap bound: the shared words in any order
        return False
    from difflib import SequenceMatcher

    sm = SequenceMatcher(None, a, b, autojunk=False)
    if sum(m.size for m in sm.get_matching_blocks()) < need:
        return False
    return any(tag == "replace" and _filler(a[i1:i2], i1) and _filler(b[j1:j2], j1)
               for tag, i1, i2, j1, j2 in sm.get_opcodes())
