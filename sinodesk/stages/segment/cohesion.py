"""Cohesion-driven splitting for text with no visible structure.

The core is the statistical model of Utiyama & Isahara (2001): every segment is a bag of
words drawn from its own Laplace-smoothed unigram distribution, and a segment costs the
description length of its words plus ``log(n)`` (n = words in the text).  Dynamic
programming finds the split of least total cost, so the number of stories falls out of
the optimisation: two stories about different things are cheaper to describe apart.

On top of that, news-specific priors per boundary (in nats):

* a dateline opening such as ``BEIJING, March 3 (Xinhua) --`` or ``新华社北京3月3日电``
  makes a boundary cheaper;
* a lead whose first sentence dates its event by the day ("on Monday", 周三)
  or a paragraph that asks a question the next one answers (a Q&A item) makes a boundary
  cheaper too;
* an opening that points back (``He said``, ``However``, ``A:``) makes one dearer;
* names (capitalised words inside a sentence) count once more, so a change of people and
  places weighs more than a change of common words.

The description length only sees how often each word recurs inside a segment.  A second
score, in the spirit of C99 (Choi 2000) and of Fragkou, Petridis & Kehagias (2004), looks at
which units resemble which: the tf-idf cosine of every pair of units, centred a little above
the document's mean pair (``similarity_margin`` standard deviations), summed over the pairs
inside each segment.  A segment whose units are more alike than that earns a reward
(``similarity_weight`` nats per unit of cosine) and one that joins unlike units pays, so a
boundary is drawn where the units on either side stop resembling each other even when few
words recur exactly.  Centring above the mean matters for digests where most stories share
a theme (China and its partners): two neighbours as alike as an average pair are kept apart.

A single article is not a digest, yet any text has parts less alike than others, so the
optimum of one text almost always has several segments.  Two guards keep one article whole:
every story must hold ``min_story_terms`` terms, and a split is kept only when what it saves
against one story beats, by ``shuffle_ratio`` times plus ``shuffle_margin`` nats, the best
saving found on ``shuffles`` random orders of the same units (a permutation test: an
article's paragraphs shuffled split about as well as in order; articles side by side split
far better in order than shuffled).

For short units (sentences) the add-one smoothing of U00 is too strong; ``dirichlet`` > 0
replaces it by a symmetric Dirichlet prior (the segment's marginal likelihood, as in
Eisenstein & Barzilay 2008).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln

from .headline import ANAPHORIC_START, DATELINE, DATELINE_ZH
from .text import CJK, capitalised, terms_many

_NAME = re.compile(r"\b[A-Z][a-z]{2,}(?:[A-Z][a-z]+)?\b")
# When the event happened, told in the lead sentence relative to the day of writing (the
# "when" of a news lead): "on Monday", "Monday local time", 周三.  Calendar dates and a bare
# weekday are not used: later paragraphs give them as often as leads do (ECB+ singles split).
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
LEAD_TIME = re.compile(rf"\b(?:on|from)\s+{_DAY}\b|\b{_DAY},?\s+local time\b|(?:周|星期)[一二三四五六日天]")
_COMMON_OPENERS = frozenset(
    "the this that these those there then when while after before since during in on at for from with "
    "as but and also however meanwhile mr mrs ms dr according some many most more one two first last "
    "new other despite although though if it its".split()
)


@dataclass(frozen=True, slots=True)
class CohesionParams:
    """Settings of the splitter; the defaults suit news paragraphs (``SENTENCE_OPTIONS`` in
    ``sinodesk.eval.segment`` are the ones for sentences, as in Choi's benchmark)."""

    length_weight: float = 2.25  # weight of the log(n) cost of each extra segment
    dirichlet: float = 0.0  # 0: Laplace (add-one) smoothing as in U00; > 0: Dirichlet prior of this weight per term
    similarity_weight: float = 16.0  # nats per unit of centred cosine summed over the pairs inside a segment
    similarity_margin: float = 0.15  # centre the cosines this many standard deviations above their mean
    dateline_bonus: float = 12.0  # nats saved by a boundary before a dateline opening or a question the next paragraph answers
    lead_bonus: float = 6.0  # nats saved by a boundary before a lead sentence that dates its event
    anaphora_cost: float = 8.0  # nats added by a boundary before an opening that points back
    continuation_cost: float = 6.0  # nats added when a unit opens with a name the previous unit used
    name_weight: int = 1  # extra counts for each capitalised name
    min_story_terms: int = 80  # fewest terms (content words, names, bigrams) a story may have
    shuffles: int = 3  # significance test: split only if the best split saves more than on this many shuffles of the units
    shuffle_ratio: float = 1.25  # ... more than this many times the best saving on a shuffled order
    shuffle_margin: float = 40.0  # ... plus this many nats
    shuffle_ratio_cjk: float = 1.0  # the ratio for text written mostly in Chinese characters
    story_cost: float = 0.0  # nats every boundary pays on top of the rest (a prior on the number of stories)
    max_units: int = 400  # longest segment considered, in units (bounds the work on long texts)


# Chinese function characters (particles, prepositions, copulas, common adverbs and measure words).
_FUNCTION_CHARS = frozenset("的了在是和与及并也都而已将对为以于等这那其之个称说被把让向到由就要会能有不")


def _mostly_cjk(units: list[str]) -> bool:
    """Are most letters of the units Chinese characters?"""
    text = "".join(units[:40])
    cjk = len(CJK.findall(text))
    return cjk > 0 and cjk >= sum(c.isalpha() for c in text) - cjk


def count_matrix(units: list[str], p: CohesionParams) -> tuple[np.ndarray, np.ndarray, int]:
    """(counts of repeated terms per unit, tokens per unit, vocabulary size)."""
    ids: defaultdict[str, int] = defaultdict()
    ids.default_factory = ids.__len__  # a new term gets the next id
    cols: list[int] = []
    lens: list[int] = []
    cjk = any(CJK.search(u) for u in units)
    for u, ts in zip(units, terms_many(units)):
        if cjk:  # a character pair with a function character ("的运", "已连") spans two words: no topic in it
            ts = [t for t in ts if len(t) != 2 or not (_FUNCTION_CHARS.intersection(t) and CJK.match(t))]
        if p.name_weight:
            ts += ["@" + w for w in capitalised(u)] * p.name_weight
        cols += [ids[t] for t in ts]
        lens.append(len(ts))
    n, v = len(units), max(1, len(ids))
    rows = np.repeat(np.arange(n, dtype=np.int64), lens)
    terms = np.asarray(cols, dtype=np.int64)
    sizes = np.asarray(lens, dtype=float)
    # A term found in one unit only adds the same cost whatever the split: only its token
    # count matters, so the matrix keeps the terms shared by two units or more (counted on the
    # (unit, term) pairs, so no units x vocabulary matrix is built: a long text has a large one).
    shared = np.bincount(np.unique(rows * v + terms) % v, minlength=v) >= 2
    if not shared.any():
        return np.zeros((n, 1), dtype=np.int32), sizes, v
    keep = shared[terms]
    column = np.cumsum(shared) - 1  # a shared term's column, in the order of the terms' ids
    width = int(column[-1]) + 1
    x = np.bincount(rows[keep] * width + column[terms[keep]], minlength=n * width).reshape(n, width)
    return x.astype(np.int32), sizes, v


def boundary_prior(units: list[str], p: CohesionParams) -> np.ndarray:
    """Cost (nats) of a segment starting at each unit; negative where a start is likely."""
    prior = np.zeros(len(units))
    for k, unit in enumerate(units):
        u = unit[:160]  # openings are short: the patterns need not see the whole paragraph
        if _dateline(u) or _asks(units, k):
            prior[k] -= p.dateline_bonus
        elif ANAPHORIC_START.match(u):
            prior[k] += p.anaphora_cost
        elif k and p.continuation_cost:
            opening = {w.lower() for w in _NAME.findall(u[:60])} - _COMMON_OPENERS
            if opening and opening <= {w.lower() for w in _NAME.findall(units[k - 1])}:
                prior[k] += p.continuation_cost
        lead = unit[:400].split(". ", 1)[0].split("。", 1)[0]  # the first sentence
        if p.lead_bonus and ("day" in lead or "周" in lead or "星期" in lead) and LEAD_TIME.search(lead):
            prior[k] -= p.lead_bonus
    return prior


def _dateline(unit: str) -> bool:
    return bool(DATELINE.match(unit[:160]) or DATELINE_ZH.match(unit[:160]))


def _asks(units: list[str], k: int) -> bool:
    """A paragraph that is a question answered by the next one opens a Q&A item (a transcript
    of a press conference or an interview): its shape, not its label, says so."""
    ask = units[k].rstrip().rstrip("\"'”’」） )").endswith(("?", "？"))
    return ask and k + 1 < len(units) and not units[k + 1].rstrip().endswith(("?", "？"))


def similarity(x: np.ndarray, margin: float = 0.0) -> np.ndarray:
    """Pairwise tf-idf cosine of the units, centred ``margin`` standard deviations above the
    mean pair; 0 on the diagonal and for units that share no term with any other."""
    n = x.shape[0]
    if n < 3:
        return np.zeros((n, n))
    xf = x.astype(float)
    df = np.count_nonzero(x, axis=0)
    xf *= np.log(n / np.maximum(df, 1))
    norm = np.linalg.norm(xf, axis=1)
    norm[norm == 0] = 1.0
    xf /= norm[:, None]
    s = xf @ xf.T
    off = s[~np.eye(n, dtype=bool)]
    s -= off.mean() + margin * off.std()
    np.fill_diagonal(s, 0.0)
    blank = ~x.any(1)  # a unit sharing no term with any other is no evidence either way
    s[blank] = 0.0
    s[:, blank] = 0.0
    return s


def best_split(x: np.ndarray, sizes: np.ndarray, vocab: int, prior: np.ndarray, p: CohesionParams) -> tuple[list[int], float]:
    """Start indices (first is 0) of the least-cost split, and what it saves (nats) against
    one story for the whole text."""
    n = x.shape[0]
    sim = np.zeros((n + 1, n + 1))
    if p.similarity_weight:
        sim[1:, 1:] = similarity(x, p.similarity_margin).cumsum(0).cumsum(1) * p.similarity_weight
    # Columns in order of first use: the terms seen before unit j are a prefix of the row.
    first = (x > 0).argmax(0)
    order = np.argsort(first, kind="stable")
    seen = np.searchsorted(first[order], np.arange(n + 1), side="left")
    cx = np.zeros((n + 1, x.shape[1]), dtype=np.int32)
    cx[1:] = x[:, order].cumsum(0)
    counts = np.arange(int(cx[-1].max()) + 1 if cx.size else 1, dtype=float)
    a = p.dirichlet
    if a:
        flogf = gammaln(counts + a) - gammaln(a)
    else:
        flogf = counts * np.log1p(counts)  # f * log(f + 1) for every possible count
    cs = np.zeros(n + 1)
    cs[1:] = sizes.cumsum()
    if cs[n] < 2 * p.min_story_terms and not (prior[1:] < 0).any():
        return [0], 0.0  # no room for two stories and no cue for one
    seg_cost = p.length_weight * np.log(max(2.0, cs[-1]))
    start = np.concatenate(([0.0], prior[1:n] + p.story_cost))  # no price for the first story's start
    uncued = np.concatenate((prior[:n] >= 0, [True]))  # a story opening on a cue (a dateline) may be short
    best = np.full(n + 1, np.inf)
    best[0] = 0.0
    back = np.zeros(n + 1, dtype=int)
    diag = sim.diagonal().copy()  # sim[i, i]: the prefix sums of the blocks that end before i
    log_m = (lambda m: gammaln(m + vocab * a) - gammaln(vocab * a)) if a else (lambda m: m * np.log(m + vocab))
    for j in range(1, n + 1):
        lo = max(0, j - p.max_units)  # candidate starts lo..j-1 (slices, not index arrays: this loop is hot)
        c = seen[j]
        f = cx[j, :c] - cx[lo:j, :c]
        cost = log_m(cs[j] - cs[lo:j]) - flogf[f].sum(1)
        cost -= sim[j, j] - sim[lo:j, j] - sim[j, lo:j] + diag[lo:j]  # similarity reward of the block i..j
        total = best[lo:j] + cost + start[lo:j]
        if p.min_story_terms:  # a story too short to be an article of its own cannot be one
            total[(cs[j] - cs[lo:j] < p.min_story_terms) & uncued[lo:j]] = np.inf
        k = int(total.argmin())
        best[j] = total[k] + seg_cost
        back[j] = lo + k
    if not np.isfinite(best[n]):
        return [0], 0.0
    whole = log_m(cs[n]) - flogf[cx[n]].sum() - sim[n, n] + seg_cost
    starts = []
    j = n
    while j > 0:
        starts.append(int(back[j]))
        j = back[j]
    return sorted(starts), float(whole - best[n])


def split_units(units: list[str], p: CohesionParams = CohesionParams()) -> list[int]:
    """Start indices of the stories in a run of units (paragraphs or sentences).

    A run longer than ``WINDOW`` units is split a window at a time (the pairwise similarities
    of a whole 30 MB file would not fit in memory): each window's last story may run on past its
    end, so the next window starts where that story starts.  A window with no boundary in it
    ends a story at its edge (a story is at most ``max_units`` units anyway)."""
    if len(units) <= WINDOW:
        return _split_run(units, p)
    starts: list[int] = []
    a = 0
    while True:
        end = min(len(units), a + WINDOW)
        local = _split_run(units[a:end], p)
        if end == len(units):
            return starts + [a + k for k in local]
        if len(local) > 1:
            starts += [a + k for k in local[:-1]]
            a += local[-1]
        else:
            starts.append(a)
            a = end


WINDOW = 1500  # units split together at most (a story of up to max_units fits well inside)


def _split_run(units: list[str], p: CohesionParams) -> list[int]:
    if len(units) < 2:
        return [0]
    x, sizes, vocab = count_matrix(units, p)
    prior = boundary_prior(units, p)
    starts, gain = best_split(x, sizes, vocab, prior, p)
    if len(starts) < 2 or not p.shuffles or all(_dateline(units[k]) for k in starts[1:]):
        # every story opens on a dateline: no test needed.  A question or a weekday is no such
        # proof: in a text written one sentence a line, many sentences of one article have them
        return starts
    # Significance: a single article split into parts looks the same with its units shuffled
    # (any order has some parts more alike than others); stories side by side do not.
    rng = np.random.default_rng(len(units))
    null = 0.0
    for _ in range(p.shuffles):
        perm = rng.permutation(len(units))
        null = max(null, best_split(x[perm], sizes[perm], vocab, np.maximum(prior[perm], 0.0), p)[1])
    # Chinese terms are character pairs: a shuffled order of a Chinese text saves more than an
    # English one's (pairs that span two words fall anywhere), so the ratio is calibrated apart
    # (tests/test_segment_zh_glued.py: written Chinese articles glued and alone)
    ratio = p.shuffle_ratio_cjk if _mostly_cjk(units) else p.shuffle_ratio
    return starts if gain > ratio * null + p.shuffle_margin else [0]
