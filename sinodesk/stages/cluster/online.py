"""Online event linking: each arriving story joins an existing event or opens a new one.

In arrival order, no re-clustering of the archive.  For each story:

1. near-duplicate check (:mod:`.dedup`); a copy joins the event of the story it copies;
2. a TF-IDF vector of headline + body over the document frequencies seen so far, blended with the
   shipped background statistics while the archive is young (:mod:`.features`, :mod:`.background`);
3. candidate events from an inverted index over each event's heaviest centroid terms
   (:mod:`.index`: only events sharing a heavy term are looked at, never the whole archive; events
   idle for more than ``max_age_days`` leave the index);
4. a merge score per candidate (:func:`.scoring.story_score`); join the best candidate when the
   score reaches the threshold (a separate threshold for headline-only stories).  Stories with no
   body at all (headline streams) use instead a learned decision (:mod:`.decision`): join the
   candidate with the highest P(same event) from a logistic regression over pair features;
5. local repair: other candidate events that the story also matched are folded into its event when
   their average linkage with it reaches ``merge_threshold``;
6. local re-clustering (full-text stories, :mod:`.recluster`): when candidate events score near the
   threshold, the story and their members (up to ``recluster_events`` events of at most
   ``recluster_cap`` stories each) are clustered again by average linkage over story-pair scores,
   and the clusters keep the old event ids.  Stories that change event are reported in
   ``LinkResult.moved``.  Larger or idle events are frozen (their members' vectors are dropped) and
   only grow or merge.

The decision parameters in :class:`~sinodesk.stages.cluster.options.EventOptions` were tuned on
training data only (ECB+ topics 1-35, the first 45% of the UCI stream, GVC validation), see
:mod:`sinodesk.eval.events`.
"""

from __future__ import annotations

import hashlib
import math
from heapq import nlargest
from operator import itemgetter
from sys import intern

from collections import Counter
from dataclasses import dataclass, replace

from courlan import extract_domain

from ...errors import BadInput
from . import scoring
from .persist import LinkerPersistence
from .store import RowStore, SpillMap, dump, load
from .background import load_background
from .beat import OutletBeat
from .decision import load_models, pair_features
from .dedup import DuplicateIndex, normalise_url
from .event import Event
from .features import DocFreq, Features, Packed, cosine, day_number, figure_key, figure_keys, head_words, headline_frame, numbers_in, series_pair, weigh, years_in
from .index import CandidateIndex
from .lead import lead_people
from .options import EventOptions
from .prepare import Prepared, raw_terms
from .recluster import average_linkage, groups_of, keep_ids


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
    outlet: str | None = None  # the outlet's name (its beat is learnt per outlet, see .beat)
    publisher: str | None = None  # the outlet of the feed, page or line the story came in (may carry another's copy)
    entities: tuple[str, ...] = ()  # canonical ids
    # the extractor's number claims (value, unit, subject); None: not extracted (numbers are read from the
    # text then); plain values are matched by value alone
    numbers: "tuple | None" = None
    people: tuple[str, ...] = ()  # the canonical id of each person mention, repeats kept (see .lead)
    speakers: tuple[str, ...] = ()  # the sources of its attributions (who said or reported it)
    prepared: Prepared | None = None  # what the linker reads from the story alone, if worked out already (see .prepare)


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


def _event_id(story_id: str) -> str:
    return "ev-" + hashlib.sha1(story_id.encode("utf-8")).hexdigest()[:12]


def _notable(numbers) -> frozenset[str]:
    """The figures worth matching, as :func:`.features.figure_key` keys them: a claim the extractor
    made (its value, unit and subject), or a bare number (its value alone)."""
    keys = (figure_key(n.value, n.unit, n.subject) if hasattr(n, "value") else figure_key(float(n)) for n in numbers)
    return figure_keys(k for k in keys if k is not None)


def house(item: "LinkItem", opts: EventOptions) -> str | None:
    """Whose stories the same-outlet rules hold together: with ``same_publisher``, the outlet that
    published the story (its feed's, its page's, its input line's, the one named with ``ingest
    --outlet``) when known, else the outlet it is credited to.  A newspaper's feed carries agency copy
    credited to AP or Europa Press; in that feed it shares the paper's beat and style as the paper's
    own stories do.  The publisher comes from the input, not the URL: feed proxies and aggregators put
    many outlets on one host.  With ``forum_posts``, a post of a discussion board is the board's
    (``board:`` and the domain), with or without an outlet (see :func:`.scoring.board_post`)."""
    if opts.forum_posts and scoring.board_post(item.url):
        return scoring.BOARD + (extract_domain(item.url) or item.url)
    if opts.same_publisher and item.publisher:
        return item.publisher
    return item.outlet


def _beat_terms(counts, names, rubric=()) -> set[str]:
    """What an outlet's beat is counted over: a story's terms, its names (kept apart as ``m:``) and its
    headline's content words (``h:``, for the outlet's rubric: see :mod:`.beat`)."""
    return set(counts) | {intern("m:" + n) for n in names} | {intern("h:" + w) for w in rubric}


def _head_terms(item: "LinkItem", opts: EventOptions) -> frozenset[str]:
    """The content words of a story's headline, as the same-outlet rules read them (none when those
    rules are off, or the story has no outlet)."""
    if not (opts.same_outlet_headline and opts.rubric_share and item.outlet and item.headline):
        return frozenset()
    return head_words(headline_frame(item.headline), item.language)


def _series(feats: Features, ev: Event, frame: float) -> bool:
    """The story's headline and one of the event's, from the same outlet, fill one template with
    different names: a series (the forecast for another city, the next API version), not this event.
    Stories of no known outlet are held to it only when both are headline-only (a title stream from an
    unnamed source); with a body and no outlet the rule stays off (it cost ECB+ topics 1-35 0.005)."""
    if feats.outlet is None and not feats.headline_only:
        return False
    return any(outlet == feats.outlet and series_pair(feats.head, tuple(head), frame) for outlet, head in ev.heads)


def _dated_pair(feats: Features, ev: Event) -> bool:
    return feats.day is not None and ev.first_day is not None


def _other_figures(feats: Features, ev: Event) -> bool:
    """A headline and an event that both give figures and share none -- or, without dates to tell the
    days apart, a figure of the headline the event never gave: a series (one day's turnover, the next
    day's; the 1 September column, the 29th's), not one event (``headline_numbers`` puts a headline's
    figures in its vector).  Dated headlines of one story often round a figure differently, so for
    them one shared figure is enough (chosen on the first 45% of UCI: 0.850 vs 0.840 for all)."""
    mine = [t for t in feats.vector if t.startswith("n:")]
    if not mine or not any(t.startswith("n:") for t in ev.centroid):
        return False
    if _dated_pair(feats, ev):
        return not any(t in ev.centroid for t in mine)
    return not all(t in ev.centroid for t in mine)


class EventLinker(LinkerPersistence):
    """Stateful online linker.  ``add`` stories in time order.  Kept in an archive (:meth:`open`, then
    :meth:`save` after each batch: only what changed is written, idle events leave memory), or whole
    as bytes (:meth:`to_bytes` / :meth:`from_bytes`)."""

    sweep_every = 1000  # stories between two sweeps of idle events (see _maybe_sweep)

    def __init__(self, opts: EventOptions | None = None):
        self.opts = opts = opts if opts is not None else EventOptions()
        self.df = self._docfreq()
        self.events: dict[str, Event] = {}
        self.story_event: dict[str, str] = {}
        self.aliases: dict[str, str] = {}  # merged event id -> the event it was folded into
        self._opened = 0
        self.index = CandidateIndex()
        self.dups = DuplicateIndex(threshold=opts.dup_threshold, num_perm=opts.dup_num_perm,
                                   shingle_words=opts.dup_shingle_words, min_words=opts.dup_min_words)
        self.latest_day: int | None = None
        self._adds_since_sweep = 0
        # features of the members of small events, for local re-clustering (see _add_by_reclustering)
        self.records: dict[str, Features] = {}
        self.beat = OutletBeat(opts.beat_share, opts.beat_min_stories, head_share=opts.rubric_share)
        self._expected: dict[str, tuple[Counter, frozenset[str]]] = {}  # see expect()
        self.store: RowStore | None = None  # set by open(): the rows of what is not held in memory
        self._dirty: set[str] = set()  # events changed since the last save
        self._hot: set[str] = set()  # events changed since the last sweep (the others are packed)
        # events this process built by adding their members' records one by one, in member order, and
        # nothing else: re-clustering that leaves one's members as they are can keep it (_add_by_reclustering)
        self._summed: set[str] = set()
        self._gone: set[str] = set()  # events deleted (merged away, emptied) since the last save
        self._records_new: set[str] = set()
        self._records_gone: set[str] = set()
        self._df_deltas = -1  # document-frequency deltas stored since the snapshot (see persist._save_df)
        self._bands_saved: list[tuple[int, int]] = []  # the near-duplicate index's band segments (see persist)

    def _docfreq(self, n_docs: int = 0, df: dict[str, int] | None = None,
                 by_language: dict[str, int] | None = None) -> DocFreq:
        k = self.opts.background_docs
        return DocFreq(n_docs, df, prior=load_background() if k > 0 else None, prior_docs=k, by_language=by_language,
                       max_terms=self.opts.df_max_terms)

    # -- public API -------------------------------------------------------------------
    def add(self, item: LinkItem) -> LinkResult:
        """Assign ``item`` to an event (existing or new); mark it as a copy when it is one."""
        if not item.story_id:
            raise BadInput("link: a story without story_id cannot be linked (give every story an id)", stage="link")
        if item.story_id in self.story_event:
            return LinkResult(self.resolve(self.story_event[item.story_id]), None)
        dup = self.dups.check_add(item.story_id, item.url, item.headline, item.text or "",
                                  item.prepared.copy if item.prepared is not None else None)
        feats = self.features(item)
        others: list[Event] = []
        copied = self.story_event.get(dup) if dup is not None else None
        if copied is not None:
            ev = self._event(self.resolve(copied))
        else:
            dup = None
            scored = None
            if self._reclusters(feats):
                scored = self._scored(feats)
                result = self._add_by_reclustering(item.story_id, feats, scored)
                if result is not None:
                    self._maybe_sweep()
                    return result
            matching = self._matching_events(feats, scored)
            if matching:
                ev, others = matching[0], matching[1:]
            else:
                ev = self._new_event(item.story_id)
        self._join(ev, feats, item.story_id)
        merged = self._merge_close(ev, others, feats) if others else ()
        self.story_event[item.story_id] = ev.eid
        self._maybe_sweep()
        return LinkResult(ev.eid, dup, merged)

    def event_of(self, story_id: str) -> str:
        """The current event id of a story already added."""
        return self.resolve(self.story_event[story_id])

    def resolve(self, event_id: str) -> str:
        """The current id of an event (events merged into another answer with the survivor's id)."""
        while event_id not in self.events:  # a live event is never an alias
            merged_into = self.aliases.get(event_id)  # one lookup, not "in" and then "[]"
            if merged_into is None:
                return event_id
            event_id = merged_into
        return event_id

    def expect(self, items) -> None:
        """Count the outlets' beat over stories about to be added (a batch, before its first
        :meth:`add`), so that the first stories of a feed already know what the feed repeats."""
        items = list(items)
        self._prefetch(items)
        for item in items:
            if item.story_id and item.story_id not in self.story_event and item.story_id not in self._expected:
                raw = self._expected[item.story_id] = self._raw_terms(item)
                self.beat.add(item.outlet, _beat_terms(*raw, _head_terms(item, self.opts)))

    def _prefetch(self, items: list) -> None:
        """Look up, a batch at a time, the keys each new story would otherwise ask the archive for one
        by one: its id, the id a new event of its would take, its address and its text digest."""
        ids = [item.story_id for item in items if item.story_id]
        for spill, keys in ((self.story_event, ids), (self.aliases, map(_event_id, ids)),
                            (self.dups.urls, filter(None, (normalise_url(item.url) for item in items))),
                            (self.dups.exact, (item.prepared.copy.digest for item in items
                                               if item.prepared is not None and item.prepared.copy is not None
                                               and item.prepared.copy.digest is not None))):
            if isinstance(spill, SpillMap):
                spill.prefetch(keys)

    def _raw_terms(self, item: LinkItem) -> tuple[Counter, frozenset[str]]:
        """The story's term counts and its mid-sentence names, before any weighting."""
        p = item.prepared
        if p is None:
            counts, names = raw_terms(item.headline, item.text or "", item.language, item.entities, self.opts)
            terms, values = counts, counts.values()
        else:
            terms, values, names = p.terms, p.counts, p.names
        # one string object per term, however many stories, centroids, postings and counts hold it
        return Counter(dict(zip(map(intern, terms), values))), frozenset(map(intern, names))

    def features(self, item: LinkItem) -> Features:
        """The story's vector and side signals (its terms are counted into the document frequencies;
        the words and names of its outlet's beat are left out, see :mod:`.beat`)."""
        raw = self._expected.pop(item.story_id, None)
        if raw is None:
            raw = self._raw_terms(item)
            self.beat.add(item.outlet, _beat_terms(*raw, _head_terms(item, self.opts)))
        terms = frozenset(raw[0])
        self.df.add(terms, item.language)
        return self._features(item, raw, terms)

    def read(self, item: LinkItem) -> Features:
        """The story's features as the linker now weighs them, counting nothing (its terms are not added
        to the document frequencies, nor its words to its outlet's beat): for explaining a link."""
        raw = self._raw_terms(item)
        return self._features(item, raw, frozenset(raw[0]))

    def _features(self, item: LinkItem, raw: tuple[Counter, frozenset[str]], terms: frozenset[str]) -> Features:
        o = self.opts
        counts, names = raw
        nums = item.numbers if item.numbers is not None else numbers_in(f"{item.headline or ''} {(item.text or '')[: o.body_chars]}")
        n_words = sum(c for t, c in counts.items() if " " not in t)
        body = (item.text or "")[: o.body_chars]
        beat = self.beat.among(item.outlet, _beat_terms(counts, names, _head_terms(item, o)))
        rubric = frozenset(t[2:] for t in beat if t.startswith("h:"))
        if beat:
            counts = Counter({t: c for t, c in counts.items() if t not in beat}) or counts
            names = frozenset(n for n in names if "m:" + n not in beat)
        return Features(
            vector=weigh(counts, self.df, max_terms=o.max_terms, language=item.language),
            terms=terms,
            entities=frozenset(item.entities),
            numbers=_notable(nums),
            day=day_number(item.published),
            short=not (item.text or "").strip() or n_words < o.short_words,
            names=names,
            language=item.language,
            years=years_in(f"{item.headline or ''}\n{body}"),
            n_words=n_words,
            headline_only=not (item.text or "").strip(),
            head=headline_frame(item.headline) if o.series_frame else (),
            outlet=house(item, o),
            rubric=rubric,
            leads=lead_people(item.people, item.headline, o.lead_mentions, o.lead_ratio, item.speakers) if o.lead_conflict else (),
        )

    def score(self, feats: Features, ev: Event) -> float:
        """Merge score of a story against an event (the threshold decides)."""
        return scoring.story_score(feats, ev, self.opts, self._cold_factor(feats))

    def candidates(self, feats: Features) -> list[Event]:
        o = self.opts
        query = nlargest(o.query_terms, feats.vector.items(), key=itemgetter(1))  # = sorted(..., reverse=True)[:n]
        if o.entity_terms:  # entities always look up: across languages they are the only shared terms
            picked = {t for t, _ in query}
            query += [(t, w) for t, w in feats.vector.items() if t.startswith("e:") and t not in picked]
        found = [self.events[e] for e in self.index.lookup(query, max_postings=o.max_postings,
                                                           max_candidates=o.max_candidates)]
        return [ev for ev in found if not _series(feats, ev, o.series_frame)] if feats.head else found

    def probability(self, feats: Features, ev: Event) -> float:
        """P(same event) of a story and an event under the learned merge model."""
        model = self._models()["short" if feats.short else "full"]
        return model.prob(self.pair(feats, ev))

    def pair(self, feats: Features, ev: Event) -> list[float]:
        """Pair features of a story and an event for the learned decision (the cosines deflated by
        the cold-start factor, as the model was fitted, beside its own ``cold`` feature)."""
        dot = cosine(feats.vector, ev.centroid) / scoring.cold_factor(self.opts, self.df.n_docs, feats.short)
        return pair_features(feats, ev, dot, scoring.coldness(self.opts, self.df.n_docs))

    @property
    def n_events(self) -> int:
        return len(self.events)

    # -- deciding -------------------------------------------------------------------------
    def _models(self):
        return load_models(self.opts.model_path or None)

    def _cold_factor(self, feats: Features) -> float:
        """How much a young archive deflates this story's word similarity, and raises the limit for
        merging two events it bridges (:func:`.scoring.cold_factor`), under the hand-tuned 'score'
        decision; 1 for a story the learned decision takes: the model has already weighed the young
        archive (its ``cold`` feature, on cosines deflated as it was fitted) when it found the story
        matches both events, and raising the merge limit on top of that counted it twice (the
        fragments of one event stayed apart through a fresh archive's first stories)."""
        o = self.opts
        if (o.decision_short if feats.headline_only else o.decision) == "learned":
            return 1.0
        return scoring.cold_factor(o, self.df.n_docs, feats.short)

    def _scored(self, feats: Features) -> list[tuple[float, Event]]:
        """(merge score, event) for every candidate event, best first (older events win ties)."""
        scored = [(self.score(feats, ev), ev) for ev in self.candidates(feats)]
        scored.sort(key=lambda x: (-x[0], x[1].order))
        return scored

    def _matching_events(self, feats: Features, scored: list[tuple[float, Event]] | None = None) -> list[Event]:
        """Candidate events that the decision accepts, best first (``scored``: :meth:`_scored`, if known)."""
        o = self.opts
        if (o.decision_short if feats.headline_only else o.decision) == "learned":
            model = self._models()["short" if feats.short else "full"]
            cut = o.merge_prob_short if feats.short else o.merge_prob
            cut = model.threshold if cut is None else cut
            probs = [(p, ev) for ev in self.candidates(feats) if (p := model.prob(self.pair(feats, ev))) >= cut]
            probs.sort(key=lambda x: x[0], reverse=True)
            found = [ev for _, ev in probs]
        else:
            threshold = o.threshold_short if feats.short else o.threshold
            found = [ev for sc, ev in (scored if scored is not None else self._scored(feats)) if sc >= threshold]
        if o.forum_posts and feats.outlet and feats.outlet.startswith(scoring.BOARD):
            found = [ev for ev in found if not scoring.boards_only(feats, ev)]  # two board posts: no event
        if feats.headline_only:
            found = [ev for ev in found if not _other_figures(feats, ev) and (
                     _dated_pair(feats, ev) or (cosine(feats.vector, ev.centroid) / ev.size >= o.undated_short_min
                                                and (not o.undated_anchor or scoring.undated_anchor(feats, ev))))]
        return found

    def _merge_close(self, ev: Event, others: list[Event], feats: Features) -> tuple[str, ...]:
        """Fold into ``ev`` the other matching events now as close as the merge threshold.

        This repairs the order effects of a single pass (two halves of one event opened before
        the story that bridges them arrived) without re-clustering anything else.
        """
        merged = []
        limit = (self.opts.merge_threshold_short if feats.short else self.opts.merge_threshold) * self._cold_factor(feats)
        for other in others:
            if other.eid == ev.eid or other.eid not in self.events:
                continue
            if scoring.event_similarity(ev, other, self.opts) < limit:
                continue
            keep, gone = (ev, other) if ev.order <= other.order else (other, ev)  # the older event keeps its id
            self._absorb(keep, gone)
            merged.append(gone.eid)
            ev = keep
        return tuple(merged)

    # -- changing events --------------------------------------------------------------------
    def _event(self, eid: str) -> Event:
        """The event ``eid``, read back from the store when it left memory."""
        ev = self.events.get(eid)
        if ev is None and self.store is not None:
            row = self.store.get_rows("event", (eid,)).get(eid)
            if row is not None:
                ev = self.events[eid] = Event.from_json(load(row))
        if ev is None:
            raise KeyError(eid)
        return ev

    def _taken(self, eid: str) -> bool:
        """An id in use, or once used (by an event since merged away or emptied)."""
        return eid in self.events or eid in self.aliases or (
            self.store is not None and bool(self.store.get_rows("event", (eid,))))

    def _drop(self, ev: Event) -> None:
        del self.events[ev.eid]
        self._summed.discard(ev.eid)
        self._gone.add(ev.eid)
        self._dirty.discard(ev.eid)

    def _absorb(self, keep: Event, gone: Event) -> None:
        if keep.members is not None and gone.members is not None and keep.size + gone.size <= self.opts.recluster_cap:
            keep.members.extend(gone.members)
        else:
            self._freeze(keep)
            self._freeze(gone)
        keep.absorb(gone, self.opts.centroid_terms)
        self._summed.discard(keep.eid)  # its vector now adds another event's sum, not its members one by one
        self._dirty.add(keep.eid)
        self._hot.add(keep.eid)
        self.index.unindex(gone)
        self._drop(gone)
        self.aliases[gone.eid] = keep.eid
        self.index.index(keep, self.opts.index_terms)

    def _new_event(self, story_id: str) -> Event:
        eid = _event_id(story_id)
        while self._taken(eid):  # an id once used (even by an event since emptied) is never reused
            eid = _event_id(eid)
        self._opened += 1
        ev = Event(eid, self._opened)
        self.events[eid] = ev
        self._gone.discard(eid)
        self._dirty.add(eid)
        self._summed.add(eid)
        return ev

    def _join(self, ev: Event, feats: Features, story_id: str | None = None) -> None:
        if ev.members is not None:
            if story_id is None or ev.size + 1 > self.opts.recluster_cap:
                self._freeze(ev)
            else:
                ev.members.append(story_id)
                self.records[story_id] = replace(feats, terms=frozenset(), vector=Packed(feats.vector))  # terms: only for the idf
                self._records_new.add(story_id)
                self._records_gone.discard(story_id)
        ev.add(feats, self.opts.centroid_terms)
        self._dirty.add(ev.eid)
        self._hot.add(ev.eid)
        if feats.day is not None:
            self.latest_day = feats.day if self.latest_day is None else max(self.latest_day, feats.day)
        self.index.index(ev, self.opts.index_terms)

    def _maybe_sweep(self) -> None:
        """Every so often, freeze events idle for ``recluster_age_days`` (their members are no longer
        re-clustered) and take those idle for ``max_age_days`` out of the candidate index."""
        self._adds_since_sweep += 1
        if self._adds_since_sweep % self.sweep_every == 0:
            self._pack_idle()
        if self._adds_since_sweep < self.sweep_every or self.latest_day is None:
            return
        self._adds_since_sweep = 0
        for ev in list(self.events.values()):
            if self._settle(ev):
                self.index.unindex(ev)
                self._evict(ev)
        self._bound_live()

    def _pack_idle(self) -> None:
        """Events no story joined since the last sweep keep their centroids packed (a fifth of the
        memory; see :meth:`.event.Event.pack`): most events are idle most of the time."""
        hot = self._hot
        for ev in self.events.values():
            if ev.eid not in hot:
                ev.pack()
        self._hot = set()

    def _bound_live(self) -> None:
        """Past ``max_live_events`` indexed events, the least recently active (oldest last day, then
        oldest opened; undated ones first) leave the index as if idle."""
        cap = self.opts.max_live_events
        live = [ev for ev in self.events.values() if ev.indexed]
        if not cap or len(live) <= cap:
            return
        live.sort(key=lambda ev: (ev.last_day is not None, ev.last_day or 0, ev.order))
        for ev in live[: len(live) - cap]:
            self._freeze(ev)
            self.index.unindex(ev)
            self._evict(ev)

    def _evict(self, ev: Event) -> None:
        """An event out of the candidate index leaves memory (archive-backed linkers only): it is
        written if it changed and read back only if a copy of one of its stories arrives."""
        if self.store is None:
            return
        if ev.eid in self._dirty:
            self.store.put_rows("event", {ev.eid: dump(ev.to_json())})
            self._dirty.discard(ev.eid)
        del self.events[ev.eid]
        self._summed.discard(ev.eid)

    def _settle(self, ev: Event) -> bool:
        """Freeze ``ev`` if it has been idle for ``recluster_age_days``; True when it has been idle
        for ``max_age_days`` and belongs out of the candidate index (the one place these rules live:
        the periodic sweep and loading a saved state both ask it)."""
        if ev.last_day is None or self.latest_day is None:
            return False
        if ev.last_day < self.latest_day - self.opts.recluster_age_days:
            self._freeze(ev)
        return ev.last_day < self.latest_day - self.opts.max_age_days

    def _freeze(self, ev: Event) -> None:
        """Stop keeping the members of ``ev`` (too large or idle): it can still grow and merge,
        but is no longer re-clustered."""
        if ev.members is not None:
            for sid in ev.members:
                if self.records.pop(sid, None) is not None:
                    self._records_gone.add(sid)
                    self._records_new.discard(sid)
            ev.members = None
            self._dirty.add(ev.eid)

    # -- local re-clustering ------------------------------------------------------------------
    def _reclusters(self, feats: Features) -> bool:
        o = self.opts
        return o.recluster_events > 1 and not feats.short and o.decision == "score"

    def _add_by_reclustering(self, story_id: str, feats: Features,
                             scored: list[tuple[float, Event]]) -> LinkResult | None:
        """Add a story by re-clustering its neighbourhood (average linkage), not the archive.

        The neighbourhood is the story plus the members of the (at most ``recluster_events``)
        candidate events that score at least ``recluster_floor`` x the threshold with it (``scored``:
        :meth:`_scored`).  Its stories are clustered again with the same threshold as the join
        decision (:func:`.recluster.average_linkage`), and the clusters take over the old event ids
        (:func:`.recluster.keep_ids`).  The cost is bounded by ``recluster_events`` x
        ``recluster_cap`` stories.  Returns None when fewer than ``recluster_min`` events qualify or
        one is frozen (then the single-pass decision applies).
        """
        o = self.opts
        hood = [ev for sc, ev in scored[: o.recluster_events] if sc >= o.threshold * o.recluster_floor]
        if len(hood) < o.recluster_min or any(ev.members is None for ev in hood):
            return None
        ids = [sid for ev in hood for sid in ev.members]
        recs = [self.records[sid] for sid in ids] + [feats]
        sim = scoring.pair_scores(recs, o, scoring.cold_factor(o, self.df.n_docs, False))
        days = scoring.day_numbers(recs) if o.split_days >= 0 else None
        groups = groups_of(average_linkage(sim, o.threshold, split_ratio=o.split_ratio, split_min=o.split_min,
                                           days=days, split_days=o.split_days))
        ids.append(story_id)
        old = {sid: ev.eid for ev in hood for sid in ev.members}
        taken = keep_ids(groups, ids, old, {ev.eid: ev.order for ev in hood})
        # An event that comes out with the same members, in the same order (the story perhaps added
        # last), would be rebuilt into what it is: kept as it is, if it is such a sum (_summed); most
        # re-clusterings change nothing (88% of 2,449 on 6,000 generated stories).
        by_id = {ev.eid: ev for ev in hood}
        kept = {lab: by_id[taken[lab]] for lab, members in groups.items()
                if lab in taken and taken[lab] in self._summed
                and [ids[i] for i in members if i != len(ids) - 1] == by_id[taken[lab]].members}
        staying = {ev.eid for ev in kept.values()}
        fresh = {ev.eid: Event(ev.eid, ev.order) for ev in hood if ev.eid in taken.values() and ev.eid not in staying}
        for ev in hood:
            self.index.unindex(ev)
            if ev.eid not in staying:
                self._drop(ev)
        self.events.update(fresh)
        self._gone.difference_update(fresh)
        self._summed.update(fresh)
        for lab, members in groups.items():
            if lab in kept:  # indexed again in the same turn as if rebuilt: the postings keep the same order
                ev = kept[lab]
                if members[-1] == len(ids) - 1:
                    self._join(ev, recs[-1], story_id)
                    self.story_event[story_id] = ev.eid
                else:
                    self.index.index(ev, self.opts.index_terms)
                self._hot.add(ev.eid)
                continue
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
