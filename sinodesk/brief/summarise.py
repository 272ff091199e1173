"""Extractive summaries: 2-4 sentences taken verbatim from an event's stories.

Sentences are scored by centrality -- TF-IDF cosine with the centroid of the event's stories in
the same language (MEAD, Radev et al. 2004) -- plus a bonus for a story's opening sentences, and
chosen greedily by maximal marginal relevance (Carbonell & Goldstein 1998): a sentence too like
one already chosen is skipped, and one from an owner family not yet cited gets a bonus, so the
summary covers the event rather than one outlet's copy of it.  Chinese stories are summarised
with their own sentences (no translation); an event reported in several languages gets one
sentence in each of the others.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..records import Story
from ..stages.cluster.features import tokens
from ..stages.segment.text import CJK, sentences, word_len
from .options import BriefOptions

_URL = re.compile(r"https?://|www\.", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_BULLETS = "•·▪●◦‣-–—*"
_CLOSERS = "\"'”’)]」』"


@dataclass(frozen=True, slots=True)
class Candidate:
    story: Story
    start: int  # offsets into story.text
    end: int
    index: int  # position of the sentence in its story
    family: str

    @property
    def text(self) -> str:
        return self.story.text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Summary:
    headline: str
    headline_story: Story
    picks: tuple[Candidate, ...]


def split_sentences(story: Story) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the story text, paragraph by paragraph, trimmed of spaces."""
    out = []
    pos = 0
    for para in story.text.split("\n"):
        for a, b in sentences(para):
            while b < len(para) and para[b] in _CLOSERS:  # keep the closing quote with its sentence
                b += 1
            piece = para[a:b]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece.rstrip())
            if trail > lead:
                out.append((pos + a + lead, pos + a + trail))
        pos += len(para) + 1
    return out


def usable(text: str, *, headline_only: bool = False) -> bool:
    """A sentence fit to quote: long enough to say something, not a link, a label or a caption."""
    if _URL.search(text) or text.rstrip().endswith(":") or not _LETTER.search(text):
        return False
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return False  # part of a quotation that runs over several sentences: out of context alone
    if text[0] in _BULLETS or (text[0] in "(（" and text.rstrip(" .。")[-1:] in ")）"):
        return False  # a list entry (quoted comments, sources) or an aside in brackets
    cjk = len(CJK.findall(text))
    if cjk:
        return 8 <= cjk <= 200
    words = len(text.split())
    if text.isupper() and words > 2:
        return False
    return (3 if headline_only else 6) <= words <= 80


def candidates(stories: Sequence[Story], family_of: Callable[[Story], str]) -> list[Candidate]:
    out = []
    for s in stories:
        spans = split_sentences(s)
        short = len(spans) <= 1 and len(s.text) < 300  # a headline-only story: its text is one line
        kept = [(a, b) for a, b in spans if usable(s.text[a:b], headline_only=short)]
        fam = family_of(s)
        out.extend(Candidate(s, a, b, i, fam) for i, (a, b) in enumerate(kept))
    return out


class SentenceSpace:
    """TF-IDF over the event's stories (document frequencies per story)."""

    def __init__(self, stories: Sequence[Story]):
        self.n = len(stories)
        self.df: Counter[str] = Counter()
        self._counts = {s.story_id: Counter(tokens(f"{s.headline or ''}\n{s.text}")) for s in stories}
        for c in self._counts.values():
            self.df.update(c.keys())

    def story_vector(self, s: Story) -> dict[str, float]:
        return self.weigh(self._counts[s.story_id])

    def vector(self, text: str) -> dict[str, float]:
        return self.weigh(Counter(tokens(text)))

    def weigh(self, counts: Counter[str]) -> dict[str, float]:
        v = {t: (1.0 + math.log(c)) * (math.log((self.n + 1) / (self.df.get(t, 0) + 1)) + 1.0) for t, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def _centroid(vectors: list[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for v in vectors:
        for t, x in v.items():
            total[t] += x
    norm = math.sqrt(sum(x * x for x in total.values())) or 1.0
    return {t: x / norm for t, x in total.items()}


def _budgets(languages: list[str], opts: BriefOptions) -> dict[str, int]:
    """Sentences per language: the first (most stories) takes the rest after one for each other."""
    if not languages:
        return {}
    others = languages[1:][: max(0, opts.max_sentences - 2)]
    return {languages[0]: opts.max_sentences - len(others), **{lang: 1 for lang in others}}


def _select(cands: list[Candidate], vecs: list[dict[str, float]], scores: list[float], budget: int,
            opts: BriefOptions, covered: set[str]) -> list[int]:
    """Greedy maximal marginal relevance with a redundancy cut and an owner-family bonus."""
    top = max(scores) if scores else 1.0
    top = top if top > 0 else 1.0
    chosen: list[int] = []
    seen_texts: set[str] = set()
    words = 0
    while len(chosen) < budget and (len(chosen) < opts.min_sentences or words < opts.max_words):
        best, best_val = None, -math.inf
        for i, c in enumerate(cands):
            if i in chosen or c.text in seen_texts:
                continue
            sim = max((cosine(vecs[i], vecs[j]) for j in chosen), default=0.0)
            if sim >= opts.redundancy_max:
                continue
            val = scores[i] / top - opts.diversity * sim + (opts.coverage_bonus if c.family not in covered else 0.0)
            if val > best_val:
                best, best_val = i, val
        if best is None:
            break
        chosen.append(best)
        words += word_len(cands[best].text)
        seen_texts.add(cands[best].text)
        covered.add(cands[best].family)
    return chosen


def summarise(stories: Sequence[Story], family_of: Callable[[Story], str], opts: BriefOptions) -> Summary:
    """Headline and 2-4 verbatim sentences for one event (``stories`` in date order, at least one)."""
    space = SentenceSpace(stories)
    by_lang: dict[str, list[Story]] = defaultdict(list)
    for s in stories:
        by_lang[s.language or "und"].append(s)
    languages = sorted(by_lang, key=lambda lang: (-len(by_lang[lang]), lang != "en", lang))
    budgets = _budgets(languages, opts)
    covered: set[str] = set()
    picks: list[Candidate] = []
    centroids = {}
    for lang in languages:
        ss = by_lang[lang]
        centroid = _centroid([space.story_vector(s) for s in ss])
        centroids[lang] = centroid
        cands = candidates(ss, family_of)
        if not cands or not budgets.get(lang):
            continue
        vecs = [space.vector(c.text) for c in cands]
        central = [cosine(v, centroid) for v in vecs]
        peak = max(central) or 1.0
        scores = [x + opts.position_weight * peak / (1 + c.index) for x, c in zip(central, cands)]
        chosen = _select(cands, vecs, scores, budgets[lang], opts, covered)
        if chosen:  # the best sentence's story first, then in date order; each story's in reading order
            lead = cands[chosen[0]].story.story_id
            order = {s.story_id: i for i, s in enumerate(ss)}
            picks.extend(sorted((cands[i] for i in chosen),
                                key=lambda c: (c.story.story_id != lead, order[c.story.story_id], c.start)))
    if not picks:  # nothing passes the filters: quote the opening of the first story that has text
        s = next((s for s in stories if split_sentences(s)), stories[0])
        spans = split_sentences(s) or [(0, len(s.text.rstrip()))]
        picks.append(Candidate(s, spans[0][0], spans[0][1], 0, family_of(s)))
    headline, hstory = _headline(by_lang[languages[0]], space, centroids.get(languages[0], {}))
    return Summary(headline, hstory, tuple(picks))


def _headline(stories: list[Story], space: SentenceSpace, centroid: dict[str, float]) -> tuple[str, Story]:
    """The headline closest to the centre of the event, written ones before generated ones."""
    def key(s: Story):
        return (not s.headline_generated, cosine(space.vector(s.headline or ""), centroid))

    with_head = [s for s in stories if s.headline]
    if not with_head:
        s = stories[0]
        first = split_sentences(s)
        text = s.text[first[0][0]:first[0][1]] if first else s.text
        return (text if len(text) <= 120 else text[:117].rsplit(" ", 1)[0] + "…"), s
    best = max(with_head, key=key)
    return best.headline, best
