"""Cohesion-driven splitting for text with no visible structure.

The core is the statistical model of Utiyama & Isahara (2001): every segment is a bag of
words drawn from its own Laplace-smoothed unigram distribution, and a segment costs the
description length of its words plus ``log(n)`` (n = words in the text).  Dynamic
programming finds the split of least total cost, so the number of stories falls out of
the optimisation: two stories about different things are cheaper to describe apart.

On top of that, news-specific priors per boundary (in nats):

* a dateline opening such as ``BEIJING, March 3 (Xinhua) --`` or ``新华社北京3月3日电``
  makes a boundary cheaper;
* an opening that points back (``He said``, ``However``, ``A:``) makes one dearer;
* names (capitalised words inside a sentence) count once more, so a change of people and
  places weighs more than a change of common words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .headline import ANAPHORIC_START, DATELINE, DATELINE_ZH
from .text import capitalised, terms_many

_NAME = re.compile(r"\b[A-Z][a-z]{2,}(?:[A-Z][a-z]+)?\b")
_COMMON_OPENERS = frozenset(
    "the this that these those there then when while after before since during in on at for from with "
    "as but and also however meanwhile mr mrs ms dr according some many most more one two first last "
    "new other despite although though if it its".split()
)


@dataclass(frozen=True, slots=True)
class CohesionParams:
    length_weight: float = 1.0  # weight of the log(n) cost of each extra segment
    dateline_bonus: float = 8.0  # nats saved by a boundary before a dateline opening
    anaphora_cost: float = 8.0  # nats added by a boundary before an opening that points back
    continuation_cost: float = 6.0  # nats added when a unit opens with a name the previous unit used
    name_weight: int = 1  # extra counts for each capitalised name
    max_units: int = 400  # longest segment considered, in units (bounds the work on long texts)


def count_matrix(units: list[str], p: CohesionParams) -> tuple[np.ndarray, np.ndarray, int]:
    """(counts of repeated terms per unit, tokens per unit, vocabulary size)."""
    bags = []
    for u, ts in zip(units, terms_many(units)):
        c = Counter(ts)
        if p.name_weight:
            for w in capitalised(u):
                c["@" + w] += p.name_weight
        bags.append(c)
    df: Counter[str] = Counter()
    for b in bags:
        df.update(b.keys())
    # A term found in one unit only adds the same cost whatever the split: only its token
    # count matters, so the matrix keeps the terms shared by two units or more.
    vocab = {t: k for k, t in enumerate(t for t, f in df.items() if f >= 2)}
    x = np.zeros((len(units), max(1, len(vocab))), dtype=np.int32)
    sizes = np.zeros(len(units))
    for r, b in enumerate(bags):
        sizes[r] = sum(b.values())
        for t, f in b.items():
            k = vocab.get(t)
            if k is not None:
                x[r, k] = f
    return x, sizes, max(1, len(df))


def boundary_prior(units: list[str], p: CohesionParams) -> np.ndarray:
    """Cost (nats) of a segment starting at each unit; negative where a start is likely."""
    prior = np.zeros(len(units))
    for k, u in enumerate(units):
        if DATELINE.match(u) or DATELINE_ZH.match(u):
            prior[k] -= p.dateline_bonus
        elif ANAPHORIC_START.match(u):
            prior[k] += p.anaphora_cost
        elif k and p.continuation_cost:
            opening = {w.lower() for w in _NAME.findall(u[:60])} - _COMMON_OPENERS
            if opening and opening <= {w.lower() for w in _NAME.findall(units[k - 1])}:
                prior[k] += p.continuation_cost
    return prior


def best_split(x: np.ndarray, sizes: np.ndarray, vocab: int, prior: np.ndarray, p: CohesionParams) -> list[int]:
    """Start indices (first is 0) of the least-cost split."""
    n = x.shape[0]
    cx = np.zeros((n + 1, x.shape[1]), dtype=np.int32)
    cx[1:] = x.cumsum(0)
    counts = np.arange(int(cx[-1].max()) + 1 if cx.size else 1, dtype=float)
    flogf = counts * np.log1p(counts)  # f * log(f + 1) for every possible count
    cs = np.zeros(n + 1)
    cs[1:] = sizes.cumsum()
    seg_cost = p.length_weight * np.log(max(2.0, cs[-1]))
    best = np.full(n + 1, np.inf)
    best[0] = 0.0
    back = np.zeros(n + 1, dtype=int)
    for j in range(1, n + 1):
        i = np.arange(max(0, j - p.max_units), j)
        f = cx[j][None, :] - cx[i]
        m = cs[j] - cs[i]
        cost = m * np.log(m + vocab) - flogf[f].sum(1)
        start = np.where(i == 0, 0.0, prior[np.minimum(i, n - 1)])
        total = best[i] + cost + seg_cost + start
        k = int(np.argmin(total))
        best[j] = total[k]
        back[j] = i[k]
    starts = []
    j = n
    while j > 0:
        starts.append(int(back[j]))
        j = back[j]
    return sorted(starts)


def split_units(units: list[str], p: CohesionParams = CohesionParams()) -> list[int]:
    """Start indices of the stories in a run of units (paragraphs or sentences)."""
    if len(units) < 2:
        return [0]
    x, sizes, vocab = count_matrix(units, p)
    return best_split(x, sizes, vocab, boundary_prior(units, p), p)
