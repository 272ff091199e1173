"""Online event linking: each arriving story joins an existing event or opens a new one.

In arrival order, no re-clustering of the archive.  For each story:

1. near-duplicate check (:mod:`.dedup`); a copy joins the event of the story it copies;
2. a TF-IDF vector of headline + body over the document frequencies seen so far;
3. candidate events from an inverted index over each event's heaviest centroid terms
   (only events sharing a heavy term are looked at, never the whole archive; events idle
   for more than ``max_age_days`` leave the index);
4. a merge score per candidate: mean cosine with the event's members (average linkage,
   from the event's summed vectors; headline-only stories use a softer size normalisation),
   plus shared canonical entities and shared numbers, times a time decay over the day gap;
   join the best candidate when the score reaches the threshold (a separate threshold for
   headline-only stories).  Stories with no body at all (headline streams) use instead a
   learned decision (:mod:`.decision`): join the candidate with the highest P(same event)
   from a logistic regression over pair features, when it reaches the model's cut.  While fewer than ``cold_start_docs`` texts have been seen the
   thresholds are raised, since an immature idf makes common words look rare;
5. local repair: other candidate events that the story also matched are folded into its
   event when their average linkage with it reaches ``merge_threshold``;
6. local re-clustering (full-text stories): when candidate events score near the threshold,
   the story and their members (up to ``recluster_events`` events of at most ``recluster_cap``
   stories each) are clustered again by average linkage over story-pair scores, and the
   clusters keep the old event ids.  A story that once bridged two similar events no longer
   holds them together once their own reports arrive; stories that change event are reported
   in ``LinkResult.moved``.  Only that neighbourhood is touched, never the archive; larger or
   idle events are frozen (their members' vectors are dropped) and only grow or merge.  A merge
   the threshold allows is still undone when both halves are large and far more alike inside than
   across (``split_ratio``): two similar events of one topic, two quakes in one province.

The decision parameters in :class:`~sinodesk.stages.cluster.EventOptions` were tuned on
training data only (ECB+ topics 1-35, the first 45% of the UCI stream, GVC validation), see
:mod:`sinodesk.eval.events`.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import zlib
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import orjson

from ...errors import BadInput
from .dedup import DuplicateIndex
from .decision import load_models, pair_features
from .features import (DocFreq, Features, cosine, day_number, names_in, numbers_in, term_counts, weigh,
                       years_in)

if TYPE_CHECKING:  # pragma: no cover
    from . import EventOptions

STATE_VERSION = 1


@dataclass(frozen=True, slots=True)
class LinkItem:
    """What the linker needs from a story (built by the runner from a Story)."""

    story_id: str
    headline: str | None
    text: str
    published: str | None = None  # ISO date
    language: str | None = None
    url: str | None = None
    outlet_family: str | None = None
    entities: tuple[str, ...] = ()  # canonical ids
    numbers: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class LinkResult:
    """Where a story went.  ``merged``: older event ids folded into ``event_id`` by this story
    (the runner relabels their stories: ``UPDATE ... SET event_id = :event_id WHERE event_id IN merged``);
    ``moved``: earlier stories whose event changed when the neighbourhood was re-clustered (the runner
    sets each to :meth:`EventLinker.event_of`)."""

    event_id: str
    duplicate_of: str | None = None
    merged: tuple[str, ...] = ()
    moved: tuple[str, ...] = ()  # earlier stories that local re-clustering moved to another event (ask event_of)


class _Event:
    __slots__ = ("eid", "order", "size", "centroid", "norm", "first_day", "last_day", "entities", "numbers", "indexed",
                 "names", "years", "members", "languages")

    def __init__(self, eid: str, order: int = 0):
        self.eid = eid
        self.order = order  # creation sequence number: the older event survives a merge
        self.size = 0
        self.centroid: dict[str, float] = {}
        self.norm = 1.0
        self.first_day: int | None = None
        self.last_day: int | None = None
        self.entities: dict[str, int] = {}
        self.numbers: dict[float, int] = {}
        self.indexed: frozenset[str] = frozenset()
        self.names: dict[str, int] = {}
        self.years: dict[str, int] = {}
        # member story ids while the event is small enough to be re-clustered (None: too large, frozen)
        self.members: list[str] | None = []
        self.languages: dict[str, int] = {}  # stories per language

    def to_json(self) -> dict:
        return {"eid": self.eid, "order": self.order, "size": self.size, "centroid": self.centroid, "norm": self.norm,
                "first": self.first_day,
                "last": self.last_day, "entities": self.entities,
                "numbers": [[k, v] for k, v in self.numbers.items()], "names": self.names, "years": self.years, "members": self.members,
                "languages": self.languages}

    @classmethod
    def from_json(cls, d: dict) -> "_Event":
        ev = cls(d["eid"], d["order"])
        ev.size = d["size"]
        ev.centroid = d["centroid"]
        ev.norm = d.get("norm") or math.sqrt(sum(v * v for v in ev.centroid.values())) or 1.0
        ev.first_day, ev.last_day = d["first"], d["last"]
        ev.entities = d["entities"]
        ev.numbers = {float(k): v for k, v in d["numbers"] if k is not None}  # None: an infinity orjson wrote
        ev.names = d.get("names", {})  # absent in states saved before the learned decision
        ev.years = d.get("years", {})
        ev.members = d.get("members")  # None (frozen) in states saved before local re-clustering
        ev.languages = d.get("languages", {})
        return ev


def _add_into(acc: dict[str, float], vec: dict[str, float]) -> None:
    for t, w in vec.items():
        acc[t] = acc.get(t, 0.0) + w


def _heaviest(vec: dict[str, float], n: int) -> dict[str, float]:
    """``vec`` cut to its ``n`` heaviest terms once it holds more than twice that many."""
    if len(vec) <= n * 2:
        return vec
    return dict(sorted(vec.items(), key=lambda kv: kv[1], reverse=True)[:n])


def _sparse(rows: list) -> "sparse.csr_matrix":
    from scipy import sparse

    vocab: dict = {}
    ind, val, ptr = [], [], [0]
    for r in rows:
        for t, w in (r.items() if isinstance(r, dict) else ((t, 1.0) for t in r)):
            ind.append(vocab.setdefault(t, len(vocab)))
            val.append(w)
        ptr.append(len(ind))
    return sparse.csr_matrix((np.asarray(val, dtype=float), np.asarray(ind, dtype=np.int64), np.asarray(ptr)),
                             shape=(len(rows), max(1, len(vocab))))


def _gram(rows: list) -> np.ndarray:
    """Dot products of every pair of rows: sparse vectors (cosines, for unit vectors) or sets
    (each member weighs 1, so the sizes of the intersections)."""
    x = _sparse(rows)
    return (x @ x.T).toarray()


def _share(sets: list) -> np.ndarray:
    """|A & B| / min(|A|, |B|) for every pair of sets (0 when either is empty)."""
    shared = _gram(sets)
    sizes = np.array([len(s) for s in sets], dtype=float)
    low = np.minimum.outer(sizes, sizes)
    return np.divide(shared, low, out=np.zeros_like(shared), where=low > 0)


def _average_linkage(sim: np.ndarray, threshold: float, *, split_ratio: float = 0.0, split_min: int = 2) -> list[int]:
    """Average-linkage clusters of a similarity matrix, merged while mean similarity >= threshold.

    With ``split_ratio`` > 0 a merge above the threshold is still undone when both halves hold at
    least ``split_min`` stories and their mean cross similarity is below ``split_ratio`` x the
    mean similarity inside the less cohesive half: two similar events (two quakes in one province,
    two product launches) are each far more alike inside than across, even when the topic words
    they share lift every cross pair over an absolute threshold.
    """
    from scipy.cluster.hierarchy import linkage, to_tree
    from scipy.spatial.distance import squareform

    n = len(sim)
    if n == 1:
        return [1]
    sim = (sim + sim.T) / 2.0
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    root = to_tree(linkage(squareform(dist, checks=False), method="average"))
    limit = 1.0 - threshold + 1e-12

    def inside(ids: list[int]) -> float:
        block = sim[np.ix_(ids, ids)]
        return float((block.sum() - np.trace(block)) / (len(ids) * (len(ids) - 1)))

    def two_events(node) -> bool:
        a, b = node.left.pre_order(), node.right.pre_order()
        if not split_ratio or min(len(a), len(b)) < max(2, split_min):
            return False
        return float(sim[np.ix_(a, b)].mean()) < split_ratio * min(inside(a), inside(b))

    labels = [0] * n
    stack, label = [root], 0
    while stack:
        node = stack.pop()
        if node.is_leaf() or (node.dist <= limit and not two_events(node)):
            label += 1
            for i in node.pre_order():
                labels[i] = label
        else:
            stack += [node.right, node.left]
    return labels


def _other_language(language: str | None, event_languages: dict[str, int]) -> bool:
    """The story is in a language none of the event's stories is in (so words cannot match)."""
    return bool(language and event_languages and language not in event_languages)


def _record_json(f: Features) -> dict:
    return {"v": f.vector, "e": sorted(f.entities),
            "x": sorted(f.numbers), "m": sorted(f.names), "y": sorted(f.years), "d": f.day, "s": f.short,
            "w": f.n_words, "h": f.headline_only, "g": f.language}


def _record_from_json(d: dict) -> Features:
    return Features(vector=d["v"], terms=frozenset(), entities=frozenset(d["e"]), numbers=frozenset(d["x"]),
                    day=d["d"], short=d["s"], names=frozenset(d["m"]), years=frozenset(d["y"]), n_words=d["w"],
                    headline_only=d["h"], language=d.get("g"))


def _event_id(story_id: str) -> str:
    return "ev-" + hashlib.sha1(story_id.encode("utf-8")).hexdigest()[:12]


def _notable(numbers) -> frozenset[float]:
    """Numbers worth matching: not the small counts and day numbers every story has (nor an
    overflowed digit run: JSON has no infinity)."""
    return frozenset(float(n) for n in numbers if math.isfinite(n) and (n > 31 or n != int(n)))


class EventLinker:
    """Stateful online linker.  ``add`` stories in time order; store ``to_bytes()`` between batches."""

    sweep_every = 1000  # stories between two sweeps of idle events (see _maybe_sweep)

    def __init__(self, opts: "EventOptions | None" = None):
        if opts is None:
            from . import EventOptions

            opts = EventOptions()
        self.opts = opts
        self.df = DocFreq()
        self.events: dict[str, _Event] = {}
        self.story_event: dict[str, str] = {}
        self.aliases: dict[str, str] = {}  # merged event id -> the event it was folded into
        self._opened = 0
        self.postings: dict[str, dict[str, None]] = {}
        self.dups = DuplicateIndex(threshold=opts.dup_threshold, num_perm=opts.dup_num_perm,
                                   shingle_words=opts.dup_shingle_words, min_words=opts.dup_min_words)
        self.latest_day: int | None = None
        self._adds_since_sweep = 0
        # features of the members of small events, for local re-clustering (see _add_by_reclustering)
        self.records: dict[str, Features] = {}

    # -- public API -------------------------------------------------------------------
    def prime(self, texts) -> None:
        """Learn document frequencies from past text without creating events (warm start)."""
        o = self.opts
        for text in texts:
            self.df.add(set(term_counts(None, text or "", headline_weight=o.headline_weight, body_chars=o.body_chars,
                                        bigrams=o.bigrams, years=o.year_terms)))

    def add(self, item: LinkItem) -> LinkResult:
        """Assign ``item`` to an event (existing or new); mark it as a copy when it is one."""
        if not item.story_id:
            raise BadInput("link: a story without story_id cannot be linked (give every story an id)", stage="link")
        if item.story_id in self.story_event:
            return LinkResult(self.resolve(self.story_event[item.story_id]), None)
        text = item.text or ""
        dup = self.dups.check_add(item.story_id, item.url, item.headline, text)
        feats = self.features(item)
        others: list[_Event] = []
        if dup is not None and dup in self.story_event:
            ev = self.events[self.resolve(self.story_event[dup])]
        else:
            dup = None
            scored = None
            if self._reclusters(feats):
                scored = self._scored(feats)
                result = self._add_by_reclustering(item.story_id, feats, scored)
                if result is not None:
                    self._maybe_sweep(feats.day)
                    return result
            scored = self._matching_events(feats, scored)
            if scored:
                ev, others = scored[0], scored[1:]
            else:
                ev = self._new_event(item.story_id)
        self._join(ev, feats, item.story_id)
        merged = self._merge_close(ev, others, feats.short) if others else ()
        self.story_event[item.story_id] = ev.eid
        self._maybe_sweep(feats.day)
        return LinkResult(ev.eid, dup, merged)

    def event_of(self, story_id: str) -> str:
        """The current event id of a story already added."""
        return self.resolve(self.story_event[story_id])

    def resolve(self, event_id: str) -> str:
        """The current id of an event (events merged into another answer with the survivor's id)."""
        while event_id in self.aliases:
            event_id = self.aliases[event_id]
        return event_id

    def features(self, item: LinkItem) -> Features:
        o = self.opts
        counts = term_counts(item.headline, item.text or "", headline_weight=o.headline_weight,
                             body_chars=o.body_chars, bigrams=o.bigrams, years=o.year_terms,
                             name_boost=o.name_boost)
        if o.entity_terms:  # canonical entities as terms: the idf tells a rare name from "United States"
            for e in item.entities:
                counts["e:" + e] += o.entity_terms
        terms = frozenset(counts)
        self.df.add(terms)
        nums = item.numbers or numbers_in(f"{item.headline or ''} {(item.text or '')[: o.body_chars]}")
        n_words = sum(c for t, c in counts.items() if " " not in t)
        short = not (item.text or "").strip() or n_words < o.short_words
        body = (item.text or "")[: o.body_chars]
        names = names_in(body)
        return Features(
            vector=weigh(counts, self.df, max_terms=o.max_terms),
            terms=terms,
            entities=frozenset(item.entities),
            numbers=_notable(nums),
            day=day_number(item.published),
            short=short,
            names=frozenset(names),
            language=item.language,
            years=years_in(f"{item.headline or ''}\n{body}"),
            n_words=n_words,
            headline_only=not (item.text or "").strip(),
        )

    def score(self, feats: Features, ev: _Event) -> float:
        """Merge score of a story against an event (the threshold decides)."""
        o = self.opts
        # size_exponent 1: mean cosine with the members (online average linkage);
        # 0 with the norm: cosine with the centroid.
        exponent = o.size_exponent_short if feats.short else o.size_exponent
        # while the idf is immature every shared word looks rare: the word part is deflated
        # (the entity and number bonuses do not depend on the idf)
        s = cosine(feats.vector, ev.centroid) / (ev.size ** exponent if exponent else ev.norm) / self._cold_factor()
        weight = o.cross_entity_weight if _other_language(feats.language, ev.languages) else o.entity_weight
        if weight and feats.entities and ev.entities:
            shared = sum(1 for e in feats.entities if e in ev.entities)
            s += weight * shared / min(len(feats.entities), len(ev.entities))
        if feats.numbers and ev.numbers:
            shared = sum(1 for n in feats.numbers if n in ev.numbers)
            s += o.number_weight * min(1.0, shared / 2.0)
        if feats.day is not None and ev.first_day is not None:
            if feats.day < ev.first_day:
                gap = ev.first_day - feats.day
            elif feats.day > ev.last_day:
                gap = feats.day - ev.last_day
            else:
                gap = 0
            if gap:
                s *= math.exp(-gap / o.time_scale_days)
        return s

    @property
    def n_events(self) -> int:
        return len(self.events)

    # -- internals ----------------------------------------------------------------------
    def candidates(self, feats: Features) -> list[_Event]:
        o = self.opts
        query = sorted(feats.vector.items(), key=lambda kv: kv[1], reverse=True)[: o.query_terms]
        if o.entity_terms:  # entities always look up: across languages they are the only shared terms
            picked = {t for t, _ in query}
            query += [(t, w) for t, w in feats.vector.items() if t.startswith("e:") and t not in picked]
        acc: dict[str, float] = {}
        for term, w in query:
            post = self.postings.get(term)
            if not post or len(post) > o.max_postings:
                continue
            for eid in post:
                acc[eid] = acc.get(eid, 0.0) + w
        if len(acc) > o.max_candidates:
            top = sorted(acc.items(), key=lambda kv: kv[1], reverse=True)[: o.max_candidates]
            return [self.events[e] for e, _ in top]
        return [self.events[e] for e in acc]

    def probability(self, feats: Features, ev: _Event) -> float:
        """P(same event) of a story and an event under the learned merge model."""
        model = self._models()["short" if feats.short else "full"]
        return model.prob(self.pair(feats, ev))

    def pair(self, feats: Features, ev: _Event) -> list[float]:
        """Pair features of a story and an event for the learned decision.

        While the document frequencies are immature every shared word looks rare, so the cosines
        are deflated by the cold-start factor (as the hand thresholds are raised by it).
        """
        return pair_features(feats, ev, cosine(feats.vector, ev.centroid) / self._cold_factor(), self._coldness())

    def _models(self):
        return load_models(self.opts.model_path or None)

    def _coldness(self) -> float:
        o = self.opts
        if o.cold_start_docs <= 0 or self.df.n_docs >= o.cold_start_docs:
            return 0.0
        return 1.0 - self.df.n_docs / o.cold_start_docs

    def _scored(self, feats: Features) -> list[tuple[float, _Event]]:
        """(merge score, event) for every candidate event, best first (older events win ties)."""
        scored = [(self.score(feats, ev), ev) for ev in self.candidates(feats)]
        scored.sort(key=lambda x: (-x[0], x[1].order))
        return scored

    def _matching_events(self, feats: Features, scored: list[tuple[float, _Event]] | None = None) -> list[_Event]:
        """Candidate events that the decision accepts, best first (``scored``: :meth:`_scored`, if known)."""
        if (self.opts.decision_short if feats.headline_only else self.opts.decision) == "learned":
            model = self._models()["short" if feats.short else "full"]
            cut = self.opts.merge_prob_short if feats.short else self.opts.merge_prob
            cut = model.threshold if cut is None else cut
            probs = []
            for ev in self.candidates(feats):
                p = model.prob(self.pair(feats, ev))
                if p >= cut:
                    probs.append((p, ev))
            probs.sort(key=lambda x: x[0], reverse=True)
            return [ev for _, ev in probs]
        threshold = self.opts.threshold_short if feats.short else self.opts.threshold
        return [ev for sc, ev in (scored if scored is not None else self._scored(feats)) if sc >= threshold]

    def _cold_factor(self) -> float:
        """> 1 while the document frequencies are immature (few stories seen, nothing primed).

        With a handful of documents every shared word looks rare, so unrelated stories that share
        common words ("China", "Russia") score high; their word similarity is deflated by this factor
        until the idf settles (the entity and number bonuses are not).
        """
        o = self.opts
        if o.cold_start_docs <= 0 or self.df.n_docs >= o.cold_start_docs:
            return 1.0
        return 1.0 + o.cold_start_raise * (1.0 - self.df.n_docs / o.cold_start_docs)

    def event_similarity(self, a: _Event, b: _Event) -> float:
        """Mean story-to-story similarity of two events (average linkage), with the time decay."""
        s = cosine(a.centroid, b.centroid) / (a.size * b.size)
        if a.first_day is not None and b.first_day is not None:
            gap = max(0, a.first_day - b.last_day, b.first_day - a.last_day)
            if gap:
                s *= math.exp(-gap / self.opts.time_scale_days)
        return s

    def _merge_close(self, ev: _Event, others: list[_Event], short: bool) -> tuple[str, ...]:
        """Fold into ``ev`` the other matching events now as close as the merge threshold.

        This repairs the order effects of a single pass (two halves of one event opened before
        the story that bridges them arrived) without re-clustering anything else.
        """
        merged = []
        limit = (self.opts.merge_threshold_short if short else self.opts.merge_threshold) * self._cold_factor()
        for other in others:
            if other.eid == ev.eid or other.eid not in self.events:
                continue
            if self.event_similarity(ev, other) < limit:
                continue
            # the older event (opened first) keeps its id
            keep, gone = (ev, other) if ev.order <= other.order else (other, ev)
            self._absorb(keep, gone)
            merged.append(gone.eid)
            ev = keep
        return tuple(merged) if merged else ()

    def _absorb(self, keep: _Event, gone: _Event) -> None:
        _add_into(keep.centroid, gone.centroid)
        keep.size += gone.size
        if keep.members is not None and gone.members is not None and keep.size <= self.opts.recluster_cap:
            keep.members.extend(gone.members)
        else:
            self._freeze(keep)
            self._freeze(gone)
        for e, n in gone.entities.items():
            keep.entities[e] = keep.entities.get(e, 0) + n
        for x, n in gone.numbers.items():
            keep.numbers[x] = keep.numbers.get(x, 0) + n
        for w, n in gone.names.items():
            keep.names[w] = keep.names.get(w, 0) + n
        for y, n in gone.years.items():
            keep.years[y] = keep.years.get(y, 0) + n
        for g, n in gone.languages.items():
            keep.languages[g] = keep.languages.get(g, 0) + n
        if gone.first_day is not None:
            keep.first_day = gone.first_day if keep.first_day is None else min(keep.first_day, gone.first_day)
            keep.last_day = gone.last_day if keep.last_day is None else max(keep.last_day, gone.last_day)
        self._unindex(gone)
        del self.events[gone.eid]
        self.aliases[gone.eid] = keep.eid
        self._trim(keep)
        self._index(keep)

    def _new_event(self, story_id: str) -> _Event:
        eid = _event_id(story_id)
        while eid in self.events or eid in self.aliases:  # an id once used (even by an event since emptied) is never reused
            eid = _event_id(eid)
        self._opened += 1
        ev = _Event(eid, self._opened)
        self.events[eid] = ev
        return ev

    def _join(self, ev: _Event, feats: Features, story_id: str | None = None) -> None:
        ev.size += 1
        if ev.members is not None:
            if story_id is None or ev.size > self.opts.recluster_cap:
                self._freeze(ev)
            else:
                ev.members.append(story_id)
                self.records[story_id] = replace(feats, terms=frozenset())  # the terms are only for the idf
        _add_into(ev.centroid, feats.vector)
        self._trim(ev)
        for e in feats.entities:
            ev.entities[e] = ev.entities.get(e, 0) + 1
        for n in feats.numbers:
            ev.numbers[n] = ev.numbers.get(n, 0) + 1
        for w in feats.names:
            ev.names[w] = ev.names.get(w, 0) + 1
        for y in feats.years:
            ev.years[y] = ev.years.get(y, 0) + 1
        if feats.language:
            ev.languages[feats.language] = ev.languages.get(feats.language, 0) + 1
        if feats.day is not None:
            ev.first_day = feats.day if ev.first_day is None else min(ev.first_day, feats.day)
            ev.last_day = feats.day if ev.last_day is None else max(ev.last_day, feats.day)
            self.latest_day = feats.day if self.latest_day is None else max(self.latest_day, feats.day)
        self._index(ev)

    def _trim(self, ev: _Event) -> None:
        n = self.opts.centroid_terms
        ev.centroid = _heaviest(ev.centroid, n)
        ev.norm = math.sqrt(sum(v * v for v in ev.centroid.values())) or 1.0

    def _index(self, ev: _Event) -> None:
        k = self.opts.index_terms
        top = frozenset(t for t, _ in sorted(ev.centroid.items(), key=lambda kv: kv[1], reverse=True)[:k])
        for t in ev.indexed - top:
            post = self.postings.get(t)
            if post is not None:
                post.pop(ev.eid, None)
        for t in top - ev.indexed:
            self.postings.setdefault(t, {})[ev.eid] = None
        ev.indexed = top

    def _unindex(self, ev: _Event) -> None:
        for t in ev.indexed:
            post = self.postings.get(t)
            if post is not None:
                post.pop(ev.eid, None)
                if not post:
                    del self.postings[t]
        ev.indexed = frozenset()

    def _maybe_sweep(self, day: int | None) -> None:
        """Every so often, freeze events idle for ``recluster_age_days`` (their members are no longer
        re-clustered) and take those idle for ``max_age_days`` out of the candidate index."""
        self._adds_since_sweep += 1
        if self._adds_since_sweep < self.sweep_every or self.latest_day is None:
            return
        self._adds_since_sweep = 0
        for ev in self.events.values():
            if self._settle(ev):
                self._unindex(ev)

    def _settle(self, ev: _Event) -> bool:
        """Freeze ``ev`` if it has been idle for ``recluster_age_days``; True when it has been idle
        for ``max_age_days`` and belongs out of the candidate index (the one place these rules live:
        the periodic sweep and loading a saved state both ask it)."""
        if ev.last_day is None or self.latest_day is None:
            return False
        if ev.last_day < self.latest_day - self.opts.recluster_age_days:
            self._freeze(ev)
        return ev.last_day < self.latest_day - self.opts.max_age_days

    def _freeze(self, ev: _Event) -> None:
        """Stop keeping the members of ``ev`` (too large or idle): it can still grow and merge,
        but is no longer re-clustered."""
        if ev.members is not None:
            for sid in ev.members:
                self.records.pop(sid, None)
            ev.members = None

    # -- local re-clustering ------------------------------------------------------------------
    def _reclusters(self, feats: Features) -> bool:
        o = self.opts
        return o.recluster_events > 1 and not feats.short and o.decision == "score"

    def _add_by_reclustering(self, story_id: str, feats: Features,
                             scored: list[tuple[float, _Event]]) -> LinkResult | None:
        """Add a story by re-clustering its neighbourhood (average linkage), not the archive.

        The neighbourhood is the story plus the members of the (at most ``recluster_events``)
        candidate events that score at least ``recluster_floor`` x the threshold with it (``scored``:
        :meth:`_scored`).  Its
        stories are clustered again by average linkage over pair scores, with the same threshold
        as the join decision, and the clusters take over the old event ids (each the id most of
        its members had; older events win ties).  This undoes the order effects of a single pass
        (an early story that bridged two similar events) within the neighbourhood, at a cost
        bounded by ``recluster_events`` x ``recluster_cap`` stories.  Returns None when fewer than
        ``recluster_min`` events qualify or one is frozen (then the single-pass decision applies).
        """
        o = self.opts
        threshold = o.threshold
        hood = [ev for sc, ev in scored[: o.recluster_events] if sc >= threshold * o.recluster_floor]
        if len(hood) < self.opts.recluster_min or any(ev.members is None for ev in hood):
            return None
        ids = [sid for ev in hood for sid in ev.members]
        recs = [self.records[sid] for sid in ids] + [feats]
        labels = _average_linkage(self._pair_scores(recs), threshold, split_ratio=o.split_ratio, split_min=o.split_min)
        ids.append(story_id)
        old = {sid: ev.eid for ev in hood for sid in ev.members}
        by_order = {ev.eid: ev.order for ev in hood}
        groups: dict[int, list[int]] = {}
        for i, lab in enumerate(labels):
            groups.setdefault(lab, []).append(i)
        taken: dict[int, str] = {}
        for lab, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0])):
            votes = Counter(old[ids[i]] for i in members if ids[i] in old and old[ids[i]] not in taken.values())
            if votes:
                taken[lab] = min(votes, key=lambda e: (-votes[e], by_order[e]))
        fresh = {ev.eid: _Event(ev.eid, ev.order) for ev in hood if ev.eid in taken.values()}
        for ev in hood:
            self._unindex(ev)
            del self.events[ev.eid]
        self.events.update(fresh)
        for lab, members in groups.items():
            ev = fresh[taken[lab]] if lab in taken else self._new_event(ids[members[0]])
            for i in members:
                self._join(ev, recs[i], ids[i])
                self.story_event[ids[i]] = ev.eid
        for ev in hood:  # an event that vanished answers with the id most of its stories went to
            if ev.eid not in self.events:
                went = Counter(self.story_event[sid] for sid in ev.members)
                self.aliases[ev.eid] = went.most_common(1)[0][0]
        moved = tuple(sid for sid in ids[:-1] if self.story_event[sid] != old[sid])
        return LinkResult(self.story_event[story_id], None, (), moved)

    def _pair_scores(self, recs: list[Features]) -> np.ndarray:
        """Pair scores of stories, as :meth:`score` scores a story against a one-story event."""
        o = self.opts
        sim = _gram([r.vector for r in recs]) / self._cold_factor()  # as in score: the word part only
        if (o.entity_weight or o.cross_entity_weight) and any(r.entities for r in recs):
            langs = np.array([r.language or "" for r in recs])
            known = langs != ""
            cross = (langs[:, None] != langs[None, :]) & known[:, None] & known[None, :]
            sim += np.where(cross, o.cross_entity_weight, o.entity_weight) * _share([r.entities for r in recs])
        if o.number_weight and any(r.numbers for r in recs):
            shared = _gram([r.numbers for r in recs])
            sim += o.number_weight * np.minimum(1.0, shared / 2.0)
        days = np.array([np.nan if r.day is None else r.day for r in recs], dtype=float)
        if not np.isnan(days).all():
            gap = np.abs(days[:, None] - days[None, :])
            sim *= np.where(np.isnan(gap), 1.0, np.exp(-np.nan_to_num(gap) / o.time_scale_days))
        return sim

    # -- persistence --------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """The whole state as bytes (numpy .npz, no pickle) for the archive."""
        dup_state, sigs = self.dups.state()
        state = {
            "version": STATE_VERSION,
            "n_docs": self.df.n_docs,
            "df": self.df.df,
            "events": [ev.to_json() for ev in self.events.values()],
            "story_event": self.story_event,
            "aliases": self.aliases,
            "opened": self._opened,
            "latest_day": self.latest_day,
            "dups": dup_state,
            "records": {sid: _record_json(f) for sid, f in self.records.items()},
        }
        # orjson and zlib level 1: 5x faster than json + the zip's level-6 deflate, 12% larger
        # (30k-story stream: to_bytes 5.0 s -> about 1 s); see bench/bench_events.py
        raw = np.frombuffer(zlib.compress(orjson.dumps(state), 1), dtype=np.uint8)
        buf = io.BytesIO()
        if not sigs.size or int(sigs.max()) <= 0xFFFFFFFF:  # MinHash values are 32-bit: half the bytes
            sigs = sigs.astype(np.uint32)
        np.savez(buf, state_z=raw, sigs=sigs)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, b: bytes, opts: "EventOptions | None" = None) -> "EventLinker":
        """Rebuild a linker saved by :meth:`to_bytes` (the options may differ from the saved run)."""
        from ...errors import ArchiveError

        try:
            with np.load(io.BytesIO(b), allow_pickle=False) as z:
                if "state_z" in z.files:
                    state = orjson.loads(zlib.decompress(z["state_z"].tobytes()))
                else:  # saved before the state was written with orjson + zlib
                    state = json.loads(z["state"].tobytes().decode("utf-8"))
                sigs = z["sigs"].astype(np.uint64)
        except (ValueError, TypeError, OSError, KeyError, UnicodeDecodeError, zlib.error) as exc:
            raise ArchiveError(
                f"event-linker state ({len(b)} bytes) cannot be read ({exc}): rebuild it with 'sinodesk reprocess'"
            ) from exc
        if state.get("version") != STATE_VERSION:
            raise ArchiveError(
                f"event-linker state has version {state.get('version')}, expected {STATE_VERSION}: "
                "rebuild it with 'sinodesk reprocess'"
            )
        lk = cls(opts)
        lk.df = DocFreq(state["n_docs"], state["df"])
        for d in state["events"]:
            ev = _Event.from_json(d)
            lk.events[ev.eid] = ev
        lk.story_event = state["story_event"]
        lk.aliases = state["aliases"]
        lk._opened = state["opened"]
        lk.latest_day = state["latest_day"]
        lk.records = {sid: _record_from_json(r) for sid, r in state.get("records", {}).items()}
        o = lk.opts
        lk.dups = DuplicateIndex.from_state(state["dups"], sigs, threshold=o.dup_threshold, num_perm=o.dup_num_perm,
                                            shingle_words=o.dup_shingle_words, min_words=o.dup_min_words)
        for ev in lk.events.values():  # the sweep counts adds within one run; batches are often smaller
            if not lk._settle(ev):
                lk._index(ev)
        return lk
