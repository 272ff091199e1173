"""Which events a briefing shows: stories grouped into events, ranked by size, spread and novelty.

Spread alone misleads: a wrong merge of unrelated stories in several languages spans many owner
families (issue 20 saw Li Qiang's talks, "Covid-19 en Rusia" and a Dow Jones report as one
"event").  So each story of an event is checked against the event's other stories -- TF-IDF
cosine of its words, or of its canonical entities (stories in different languages share no
words but do share who and where) -- and only the stories that cohere count towards the event's
size and spread; the rest are shown as loosely linked.

Ranking uses an upper bound (every story coherent) so that cohesion is computed only for the
events that could make a section's top items (Fagin's threshold algorithm).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..records import Story
from ..stages.cluster.features import day_number, tokens
from .options import BriefOptions

LEAD_CHARS = 600  # story text used for the event vectors (headline + the start of the body)


@dataclass
class EventGroup:
    """The stories of one event inside the briefing window (a story with no event is its own)."""

    event_id: str
    stories: list[Story]
    families: list[str]  # owner family of each story
    novelty: float = 0.0
    upper: float = 0.0
    score: float | None = None
    cohesion: float = 1.0
    similarity: list[float] = field(default_factory=list)  # of each story to the others
    core: list[Story] = field(default_factory=list)  # the stories that cohere
    loose: list[Story] = field(default_factory=list)  # linked, but unlike the rest

    @property
    def size(self) -> int:
        return len(self.stories)

    @property
    def dates(self) -> list[str]:
        return sorted(s.published for s in self.stories if s.published)


def group_events(stories: Sequence[Story], family_of: Callable[[Story], str]) -> list[EventGroup]:
    """Stories grouped by ``event_id`` (stories without one stand alone), each group in date order."""
    by: dict[str, list[Story]] = defaultdict(list)
    for s in stories:
        by[s.event_id or f"story:{s.story_id}"].append(s)
    out = []
    for eid, ss in by.items():
        ss.sort(key=lambda s: (s.published or "9999", s.story_id))
        out.append(EventGroup(eid, ss, [family_of(s) for s in ss]))
    return out


class TermWeights:
    """Inverse document frequencies over the briefing window (words and canonical entities), estimated
    on an even sample of at most ``sample`` stories (idf settles long before a week of 10,000)."""

    def __init__(self, stories: Sequence[Story], sample: int = 3000):
        step = max(1, -(-len(stories) // sample))
        picked = stories[::step]
        self.n = len(picked)
        self.df: Counter[str] = Counter()
        self._words: dict[str, Counter[str]] = {}
        for s in picked:
            self.df.update(self.words(s).keys())
            self.df.update({"@" + c for c in {e.canonical for e in s.entities}})

    def words(self, s: Story) -> Counter[str]:
        w = self._words.get(s.story_id)
        if w is None:
            w = Counter(tokens(f"{s.headline or ''}\n{s.text[:LEAD_CHARS]}"))
            self._words[s.story_id] = w
        return w

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def vector(self, counts: Counter[str] | dict[str, int]) -> dict[str, float]:
        v = {t: (1.0 + math.log(c)) * self.idf(t) for t, c in counts.items() if c > 0}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    def story_vectors(self, s: Story) -> tuple[dict[str, float], dict[str, float]]:
        ents = Counter({"@" + c: 1 for c in {e.canonical for e in s.entities}})
        return self.vector(self.words(s)), self.vector(ents)


def _loo_similarity(vectors: list[dict[str, float]]) -> list[float]:
    """Cosine of each vector with the sum of all the others (leave-one-out centroid)."""
    total: dict[str, float] = defaultdict(float)
    for v in vectors:
        for t, x in v.items():
            total[t] += x
    out = []
    for v in vectors:
        rest = {t: total[t] - v.get(t, 0.0) for t in total}
        norm = math.sqrt(sum(x * x for x in rest.values()))
        out.append(sum(x * rest.get(t, 0.0) for t, x in v.items()) / norm if norm > 1e-12 else 0.0)
    return out


def measure_cohesion(ev: EventGroup, weights: TermWeights, opts: BriefOptions) -> None:
    """Fill ``similarity``, ``cohesion``, ``core`` and ``loose`` of a multi-story event."""
    if ev.size == 1:
        ev.similarity, ev.cohesion, ev.core, ev.loose = [1.0], 1.0, list(ev.stories), []
        return
    pairs = [weights.story_vectors(s) for s in ev.stories]
    by_words = _loo_similarity([w for w, _ in pairs])
    by_entities = _loo_similarity([e for _, e in pairs])
    ev.similarity = [max(a, b) for a, b in zip(by_words, by_entities)]
    ev.cohesion = sum(ev.similarity) / ev.size
    ev.core = [s for s, x in zip(ev.stories, ev.similarity) if x >= opts.coherent_min]
    if not ev.core:  # nothing coheres: keep the story most like the others as the event
        ev.core = [max(zip(ev.stories, ev.similarity), key=lambda p: p[1])[0]]
    core_ids = {s.story_id for s in ev.core}
    ev.loose = [s for s in ev.stories if s.story_id not in core_ids]


def _score(n: int, families: int, novelty: float, opts: BriefOptions) -> float:
    return (opts.size_weight * math.log2(1 + n) + opts.spread_weight * math.log2(max(1, families))
            + opts.novelty_weight * novelty)


def upper_bound(ev: EventGroup, opts: BriefOptions) -> float:
    return _score(ev.size, len(set(ev.families)), ev.novelty, opts)


def exact_score(ev: EventGroup, weights: TermWeights, opts: BriefOptions) -> float:
    if ev.score is None:
        measure_cohesion(ev, weights, opts)
        core_ids = {s.story_id for s in ev.core}
        fams = {f for s, f in zip(ev.stories, ev.families) if s.story_id in core_ids}
        ev.score = _score(len(ev.core), len(fams), ev.novelty, opts)
    return ev.score


def top_events(events: Sequence[EventGroup], k: int, weights: TermWeights, opts: BriefOptions) -> list[EventGroup]:
    """The ``k`` best events by exact score, computing cohesion only where the bound requires it."""
    for ev in events:
        ev.upper = upper_bound(ev, opts)
    pending = sorted(events, key=lambda e: (-e.upper, e.dates[0] if e.dates else "", e.event_id))
    best: list[EventGroup] = []
    for ev in pending:
        if len(best) >= k and ev.upper < best[k - 1].score - 1e-12:
            break
        exact_score(ev, weights, opts)
        best.append(ev)
        best.sort(key=lambda e: (-e.score, -e.size, _newest_first(e), e.event_id))
    return best[:k]


def _newest_first(ev: EventGroup) -> int:
    return -(day_number(ev.dates[-1]) or 0) if ev.dates else 0


def novelty(ev: EventGroup, previous_stories: set[str] | None, recent_from: str | None) -> float:
    """Share of the event's stories that are new: not in the previous briefing when there is one,
    else published in the last part of the window (from ``recent_from``)."""
    if previous_stories is not None:
        new = [s for s in ev.stories if s.story_id not in previous_stories]
    elif recent_from:
        new = [s for s in ev.stories if (s.published or "") >= recent_from]
    else:
        return 0.0
    return len(new) / ev.size
