"""Merge scores: a story against an event, two events, and every pair of a few stories.

* :func:`story_score` -- mean cosine with the event's members (average linkage, from the event's
  summed vector; headline-only stories use a softer size normalisation), plus shared canonical
  entities (across languages, where no word can match) and shared notable numbers, times a time
  decay over the day gap.  Undated stories and events are not decayed.
* :func:`event_similarity` -- the same average linkage between two events.
* :func:`pair_scores` -- the matrix of :func:`story_score` between single stories, for re-clustering.
* :func:`cold_factor` -- how much the word similarity is deflated while the archive is young.
"""

from __future__ import annotations

import math
import re
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

from .event import Event
from .features import Features, Packed, cosine, head_words, series_pair, shared_figures, stop_set, tokens
from .lead import lead_conflict, leads_apart

if TYPE_CHECKING:  # pragma: no cover
    from scipy import sparse

    from .options import EventOptions


def cold_factor(opts: "EventOptions", n_docs: int, short: bool) -> float:
    """> 1 while the document frequencies are immature (``cold_start_raise[_short]`` > 0).

    With a handful of documents every shared word looks rare; the shipped background statistics
    (``background_docs``) stand in for full-text stories, while short stories, whose own vocabulary
    matters more than any background, keep a deflation that fades by ``cold_start_docs``.  The
    learned decision reads the cosines deflated so (as it was fitted) beside the archive's
    immaturity as a feature of its own (:func:`coldness`); the limit for merging two events a story
    bridges is raised by it only for stories the hand-tuned 'score' decision takes.
    """
    raise_ = opts.cold_start_raise_short if short else opts.cold_start_raise
    if not raise_ or opts.cold_start_docs <= 0 or n_docs >= opts.cold_start_docs:
        return 1.0
    return 1.0 + raise_ * (1.0 - n_docs / opts.cold_start_docs)


def coldness(opts: "EventOptions", n_docs: int) -> float:
    """Immaturity of the document frequencies in [0, 1] (a feature of the learned decision)."""
    if opts.cold_start_docs <= 0 or n_docs >= opts.cold_start_docs:
        return 0.0
    return 1.0 - n_docs / opts.cold_start_docs


def other_language(language: str | None, event_languages: dict[str, int]) -> bool:
    """The story is in a language none of the event's stories is in (so words cannot match)."""
    return bool(language and event_languages and language not in event_languages)


def decay(gap: float, opts: "EventOptions") -> float:
    return math.exp(-gap / opts.time_scale_days) if gap else 1.0


def undated_anchor(feats: Features, ev: Event) -> bool:
    """A headline-only story and an event share a canonical entity or a headline figure: what an
    undated pair needs besides near-identical wording (``undated_anchor``)."""
    if any(e in ev.entities for e in feats.entities):
        return True
    return any(t.startswith("n:") and t in ev.centroid for t in feats.vector)


BOARD = "board:"  # the house of a discussion board's posts (see online.house)
# a post of a discussion board, by the address of its thread: Dvbbs/Discuz/phpBB/vBulletin pages, bbs./forum.
# hosts and /forum(s)/ paths, a Baidu Tieba thread, a Reddit comments page
_BOARD_URL = re.compile(r"(?i)^[a-z]+://(?:[^/?#]*[.@])?(?:bbs|forums?|tieba)\.|/(?:bbs|forums?)/|/r/[^/]+/comments/"
                        r"|/(?:dispbbs|viewthread|showthread|viewtopic|forumdisplay|showtopic)\.(?:asp|aspx|php)\b"
                        r"|[?&]mod=viewthread\b|/thread-\d+-\d+-\d+\.html")


def board_post(url: str | None) -> bool:
    """The story is a post of a discussion board (its URL is a forum thread's)."""
    return bool(url and _BOARD_URL.search(url))


def boards_only(feats: Features, ev: Event) -> bool:
    """A board's post and an event made only of board posts (``forum_posts``): sale offers and
    opinions on a board are not reports, and two of them are not one event.  A post that copies a
    news report may still join that report's event."""
    return bool(feats.outlet and feats.outlet.startswith(BOARD) and ev.size and sum(
        n for o, n in ev.outlets.items() if o.startswith(BOARD)) == ev.size)


def _outlet_words(head: tuple[str, ...], language: str | None, vector) -> frozenset[str]:
    """The content words of a headline frame that are in a story or event vector (an outlet's beat
    words, left out of its vectors, do not count)."""
    return frozenset(w for w in head_words(head, language) if w in vector)


PLACE_KINDS = ("gpe:", "loc:")  # countries, regions, cities, seas: where a story happened, not what


def _one_person(entities: frozenset[str], words: frozenset[str], language: str | None, places: bool = False) -> bool:
    """All that two stories share as a subject is one person: a single canonical entity that is a
    person, and no headline word but his name (two Trump stories of one feed, one on a fire, one on
    a nuclear button: a leader is in many of an outlet's stories about different events).  With
    ``places`` (``same_outlet_place``), the places they share (beside him, or alone) are no subject
    either, and no headline word but their names: a war's region and its president are in every item one paper
    files on the war that day (the gas embargo, the siege's dead), and a second report of one event
    shares more (an organisation, another person, a word of what happened)."""
    where = frozenset(e for e in entities if e.startswith(PLACE_KINDS)) if places else frozenset()
    rest = entities - where
    if len(rest) > 1 or not entities or (rest and not next(iter(rest)).startswith("person:")):
        return False  # two people, an organisation, an event...: a subject (nothing shared: the words decide)
    return words <= _name_words(entities, language)


def _name_words(entities: frozenset[str], language: str | None) -> frozenset[str]:
    """The content tokens of the names in canonical ids (``person:volodymyr-zelensky`` -> its stems)."""
    stop = stop_set(language)
    return frozenset(t for e in entities for t in tokens(e.split(":", 1)[1].replace("-", " "), stop=stop))


def _subject_shared(entities: frozenset[str], words: frozenset[str], language: str | None,
                    one_person: bool, places: bool = False) -> bool:
    """Two stories of one outlet share a subject: a canonical entity or a headline content word --
    and, with ``one_person`` (``same_outlet_person``), more than one person's name alone (with
    ``places``, the places shared beside him aside: :func:`_one_person`)."""
    if not entities and not words:
        return False
    return not (one_person and _one_person(entities, words, language, places))


def outlet_subject(feats: Features, ev: Event, one_person: bool = False, places: bool = False) -> bool:
    """False when ``ev`` holds only stories of the story's own outlet (all their headlines known)
    and the story's headline shares no content word with theirs and no canonical entity with the
    event: one outlet's two stories on its beat, not two reports of one event (``same_outlet_headline``).
    With ``one_person``, sharing one person (his entity, his name in the headlines) is not enough;
    with ``places`` too, nor is sharing one person and places (:func:`_one_person`)."""
    if not feats.outlet or not feats.head or ev.outlets.get(feats.outlet) != ev.size or len(ev.heads) < ev.size:
        return True
    ents = frozenset(e for e in feats.entities if e in ev.entities)
    if ents and not one_person:
        return True
    mine = _outlet_words(feats.head, feats.language, feats.vector) - feats.rubric
    words = frozenset().union(*(mine & _outlet_words(tuple(h), feats.language, ev.centroid)
                                for o, h in ev.heads if o == feats.outlet))
    return _subject_shared(ents, words, feats.language, one_person, places)


def _year_conflicts(recs: list[Features], days: np.ndarray) -> np.ndarray:
    """:func:`year_conflict` for every pair of full-text stories of which one at least is undated."""
    full = np.array([not r.short for r in recs])
    undated = np.isnan(days)
    given = np.array([bool(r.years) for r in recs])
    both = full & given
    return both[:, None] & both[None, :] & (undated[:, None] | undated[None, :]) & (gram([r.years for r in recs]) == 0)


def _outlet_subjects(recs: list[Features], sim: np.ndarray, floor: float, one_person: bool,
                     places: bool = False) -> np.ndarray:
    """:func:`outlet_subject` for every pair of stories of one outlet scoring at least ``floor``."""
    for i, j in zip(*np.nonzero(np.triu(sim >= floor, 1))):
        a, b = recs[i], recs[j]
        if a.outlet and a.outlet == b.outlet and a.head and b.head and not _subject_shared(
                a.entities & b.entities,
                (_outlet_words(a.head, a.language, a.vector) & _outlet_words(b.head, a.language, b.vector))
                - a.rubric - b.rubric,
                a.language, one_person, places):
            sim[i, j] = sim[j, i] = 0.0
    return sim


def _lead_conflicts(recs: list[Features], sim: np.ndarray, opts: "EventOptions") -> np.ndarray:
    """:func:`.lead.lead_conflict` between single full-text stories: their leads differ."""
    led = [i for i, r in enumerate(recs) if r.leads and not r.short]
    for a, i in enumerate(led):
        for j in led[a + 1:]:
            if leads_apart(recs[i].leads, recs[j].leads):
                sim[i, j] = sim[j, i] = sim[i, j] * (1.0 - opts.lead_conflict)
    return sim


def story_score(feats: Features, ev: Event, opts: "EventOptions", cold: float) -> float:
    """Merge score of a story against an event (the threshold decides); ``cold``: :func:`cold_factor`."""
    if opts.same_outlet_headline and not outlet_subject(feats, ev, opts.same_outlet_person, opts.same_outlet_place):
        return 0.0  # one outlet's second post on its beat, its headline about something else
    if opts.name_conflict and feats.names and ev.names and not any(n in ev.names for n in feats.names):
        return 0.0  # the same words about other people and places: a series (one forecast per city), not this event
    # size_exponent 1: mean cosine with the members (online average linkage); 0 with the norm: centroid cosine
    exponent = opts.size_exponent_short if feats.short else opts.size_exponent
    # while the idf is immature the word part is deflated (the entity and number bonuses do not depend on it)
    s = cosine(feats.vector, ev.centroid) / (ev.size ** exponent if exponent else ev.norm) / cold
    if opts.same_outlet_raise and feats.outlet and ev.outlets.get(feats.outlet) == ev.size:
        s /= 1.0 + opts.same_outlet_raise  # one outlet's stories share its beat: more words must match
    if other_language(feats.language, ev.languages):
        # across languages only the people and places can match: enough of them, close enough in time
        shared = sum(1 for e in feats.entities if e in ev.entities)
        gap = ev.day_gap(feats.day) if feats.day is not None and ev.first_day is not None else None
        if (gap is not None and gap > opts.cross_max_days) or not (
                shared >= opts.cross_entity_min or (shared and gap is not None and gap <= 1)):
            return 0.0  # one name in common, or the same leader weeks apart: a topic, not one event
        s += opts.cross_entity_weight * shared / min(len(feats.entities), len(ev.entities))
    elif feats.entities and ev.entities:
        shared = sum(1 for e in feats.entities if e in ev.entities)
        if opts.entity_weight:
            s += opts.entity_weight * shared / min(len(feats.entities), len(ev.entities))
    if feats.numbers and ev.numbers:
        s += opts.number_weight * min(1.0, shared_figures(feats.numbers, ev.numbers) / 2.0)
    if opts.year_conflict and not feats.short and (feats.day is None or ev.first_day is None) and year_conflict(feats, ev):
        s *= 1.0 - opts.year_conflict  # no dates to tell this year's quake from another's but the years written
    if opts.lead_conflict and not feats.short and lead_conflict(feats.leads, ev.leads):
        s *= 1.0 - opts.lead_conflict  # the same words about another person: the next arrest, not this one
    if feats.day is not None and ev.first_day is not None:
        s *= decay(ev.day_gap(feats.day), opts)
    return s


def year_conflict(feats: Features, ev: Event) -> bool:
    """The story and the event both write years and share none (``year_conflict``)."""
    return bool(feats.years and ev.years and not any(y in ev.years for y in feats.years))


def event_similarity(a: Event, b: Event, opts: "EventOptions") -> float:
    """Mean story-to-story similarity of two events (average linkage), with the time decay."""
    s = cosine(a.centroid, b.centroid) / (a.size * b.size)
    if a.first_day is not None and b.first_day is not None:
        s *= decay(max(0, a.first_day - b.last_day, b.first_day - a.last_day), opts)
    return s


def _sparse(rows: list) -> "sparse.csr_matrix":
    """Rows (sparse vectors, or sets whose members weigh 1) as a CSR matrix, each row's entries in
    its own order and columns numbered as the terms first appear (the loops run in C)."""
    from scipy import sparse

    terms = [t for r in rows for t in r]
    vocab = {t: i for i, t in enumerate(dict.fromkeys(terms))}
    ind = np.fromiter(map(vocab.__getitem__, terms), dtype=np.int64, count=len(terms))
    if rows and all(isinstance(r, (dict, Packed)) for r in rows):
        val = np.fromiter(chain.from_iterable(r.weights if type(r) is Packed else r.values() for r in rows),
                          dtype=float, count=len(terms))
    else:
        val = np.ones(len(terms))
    ptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(r) for r in rows], out=ptr[1:])
    return sparse.csr_matrix((val, ind, ptr), shape=(len(rows), max(1, len(vocab))))


# up to this many rows a product without scipy is cheaper than scipy's fixed cost per call
# (measured in CPU time: 5 vectors of 100 terms 87 vs 149 us, 13 about even; 5 sets of 6 11 vs 174 us, 32 even)
SMALL_VECTORS, SMALL_SETS = 12, 32


def gram(rows: list) -> np.ndarray:
    """Dot products of every pair of rows: sparse vectors (cosines, for unit vectors) or sets
    (each member weighs 1, so the sizes of the intersections).

    A re-clustering neighbourhood holds a handful of stories (median 5, 90% at most 13 on generated
    news), where building a sparse matrix costs more than the products: a few rows are multiplied
    without it, bit for bit what scipy's product gives (:func:`_small_gram`)."""
    if len(rows) <= SMALL_SETS:
        small = _small_gram(rows, vectors=len(rows) <= SMALL_VECTORS)
        if small is not None:
            return small
    x = _sparse(rows)
    return (x @ x.T).toarray()


def _small_gram(rows: list, vectors: bool = True) -> np.ndarray | None:
    """:func:`gram` without scipy, or None for rows of mixed kinds (and for vectors unless ``vectors``).

    Entry (i, j) of scipy's CSR product adds row i's products in row i's own order; here a term row j
    lacks adds 0.0, which leaves the sum as it is, so the figures are the same to the last bit (a test
    compares them).  Sets: intersection sizes, whole numbers either way."""
    n = len(rows)
    out = np.zeros((n, n))
    if vectors and all(type(r) is Packed or type(r) is dict for r in rows):
        # every row laid out densely over the neighbourhood's terms; row i's products with all rows,
        # in row i's order, summed left to right (accumulate is sequential, as scipy's loop is)
        lens = [len(r) for r in rows]
        terms = [t for r in rows for t in r]
        vocab = {t: k for k, t in enumerate(dict.fromkeys(terms))}
        ind = np.fromiter(map(vocab.__getitem__, terms), dtype=np.intp, count=len(terms))
        val = np.fromiter(chain.from_iterable(r.weights if type(r) is Packed else r.values() for r in rows),
                          dtype=float, count=len(terms))
        dense = np.zeros((n, max(1, len(vocab))))
        dense[np.repeat(np.arange(n), lens), ind] = val
        start = 0
        for i, size in enumerate(lens):
            if size:
                cols = ind[start:start + size]
                out[i] = np.add.accumulate(dense[:, cols] * val[start:start + size], axis=1)[:, -1]
            start += size
        return out
    if all(type(r) is frozenset or type(r) is set for r in rows):
        for i, r in enumerate(rows):
            out[i] = [len(r & o) for o in rows]
        return out
    return None


def share(sets: list, shared: np.ndarray | None = None) -> np.ndarray:
    """|A & B| / min(|A|, |B|) for every pair of sets (0 when either is empty); ``shared``: their
    :func:`gram`, when already made."""
    shared = gram(sets) if shared is None else shared
    sizes = np.array([len(s) for s in sets], dtype=float)
    low = np.minimum.outer(sizes, sizes)
    return np.divide(shared, low, out=np.zeros_like(shared), where=low > 0)


def day_numbers(recs: list[Features]) -> np.ndarray:
    """Each story's day number, NaN when it is undated."""
    return np.array([np.nan if r.day is None else r.day for r in recs], dtype=float)


def _figures_shared(recs: list[Features]) -> np.ndarray:
    """:func:`.features.shared_figures` for every pair of stories (the more of the two directions): the
    pairs that share a value at all are found at once, the units compared only for those."""
    marks = [frozenset(k for k in r.numbers if k[0] == "*") for r in recs]
    same_value = gram(marks)
    out = np.zeros_like(same_value)
    for i, j in zip(*np.nonzero(np.triu(same_value, 1))):
        a, b = recs[i].numbers, recs[j].numbers
        out[i, j] = out[j, i] = max(shared_figures(a, b), shared_figures(b, a))
    return out


def pair_scores(recs: list[Features], opts: "EventOptions", cold: float) -> np.ndarray:
    """Pair scores of stories, as :func:`story_score` scores a story against a one-story event."""
    sim = gram([r.vector for r in recs]) / cold  # as in story_score: the word part only
    if opts.same_outlet_raise and any(r.outlet for r in recs):
        outlets = np.array([r.outlet or "" for r in recs])
        same = (outlets[:, None] == outlets[None, :]) & (outlets != "")[:, None]
        sim = np.where(same, sim / (1.0 + opts.same_outlet_raise), sim)
    days = day_numbers(recs)
    gap = np.abs(days[:, None] - days[None, :])
    langs = np.array([r.language or "" for r in recs])
    known = langs != ""
    cross = (langs[:, None] != langs[None, :]) & known[:, None] & known[None, :]
    if cross.any() or opts.entity_weight:
        sets = [r.entities for r in recs]
        shared = gram(sets)
        enough = ((shared >= opts.cross_entity_min) | ((shared >= 1) & (np.nan_to_num(gap, nan=99.0) <= 1))) & ~(
            np.nan_to_num(gap, nan=0.0) > opts.cross_max_days)
        sim += np.where(cross, opts.cross_entity_weight * enough, opts.entity_weight) * share(sets, shared)
        sim = np.where(cross & ~enough, 0.0, sim)  # as in story_score: not enough in common across languages
    if opts.number_weight and any(r.numbers for r in recs):
        sim += opts.number_weight * np.minimum(1.0, _figures_shared(recs) / 2.0)
    if opts.name_conflict and any(r.names for r in recs):
        named = np.array([bool(r.names) for r in recs])
        apart = named[:, None] & named[None, :] & (gram([r.names for r in recs]) == 0)
        sim = np.where(apart, 0.0, sim)
    if opts.year_conflict and np.isnan(days).any() and any(r.years for r in recs):
        sim = np.where(_year_conflicts(recs, days), sim * (1.0 - opts.year_conflict), sim)
    if opts.lead_conflict and sum(1 for r in recs if r.leads and not r.short) > 1:
        sim = _lead_conflicts(recs, sim, opts)
    if opts.same_outlet_headline and any(r.outlet for r in recs):
        sim = _outlet_subjects(recs, sim, opts.threshold * opts.recluster_floor, opts.same_outlet_person,
                              opts.same_outlet_place)
    if opts.forum_posts and any(r.outlet and r.outlet.startswith(BOARD) for r in recs):
        board = np.array([bool(r.outlet and r.outlet.startswith(BOARD)) for r in recs])
        sim = np.where(board[:, None] & board[None, :], 0.0, sim)
    if opts.series_frame:
        for i, j in zip(*np.nonzero(np.triu(sim >= opts.threshold * opts.recluster_floor, 1))):
            a, b = recs[i], recs[j]
            if a.head and b.head and a.outlet == b.outlet and (a.outlet or (a.headline_only and b.headline_only)) \
                    and series_pair(a.head, b.head, opts.series_frame):
                sim[i, j] = sim[j, i] = 0.0
    if not np.isnan(days).all():
        sim *= np.where(np.isnan(gap), 1.0, np.exp(-np.nan_to_num(gap) / opts.time_scale_days))
    return sim
