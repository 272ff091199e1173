"""Clustering metrics: B-cubed precision / recall / F1 (Bagga & Baldwin 1998) and the adjusted Rand
index (scikit-learn's ``adjusted_rand_score``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ...errors import BadInput


@dataclass(frozen=True, slots=True)
class ClusterScore:
    n: int
    n_gold: int
    n_pred: int
    precision: float
    recall: float
    f1: float
    ari: float

    def line(self) -> str:
        return (f"B3 P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  ARI {self.ari:.3f}  "
                f"({self.n} docs, {self.n_pred} clusters, gold {self.n_gold})")


def bcubed(pred: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering ``pred`` against ``gold`` labels."""
    if len(pred) != len(gold):
        raise BadInput(f"bcubed: {len(pred)} predicted labels for {len(gold)} gold labels (give one per document)")
    if not pred:
        return 0.0, 0.0, 0.0
    joint = Counter(zip(pred, gold))
    psize = Counter(pred)
    gsize = Counter(gold)
    # Every document in cell (p, g) has |p & g| correct neighbours out of |p| (precision) and |g| (recall).
    p = sum(c * c / psize[pl] for (pl, _), c in joint.items()) / len(pred)
    r = sum(c * c / gsize[gl] for (_, gl), c in joint.items()) / len(pred)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def ari(pred: Sequence[str], gold: Sequence[str]) -> float:
    """Adjusted Rand index of two labelings (1 = identical, about 0 = chance)."""
    from sklearn.metrics import adjusted_rand_score

    if len(pred) < 2:
        return 1.0
    return float(adjusted_rand_score(list(gold), list(pred)))


def score(pred: Sequence[str], gold: Sequence[str]) -> ClusterScore:
    p, r, f = bcubed(pred, gold)
    return ClusterScore(len(pred), len(set(gold)), len(set(pred)), p, r, f, ari(pred, gold))


def mean_score(scores: Sequence[ClusterScore]) -> ClusterScore:
    """The mean of several runs (arrival orders) as one score."""
    if len(scores) == 1:
        return scores[0]
    f = lambda name: float(np.mean([getattr(s, name) for s in scores]))  # noqa: E731
    return ClusterScore(scores[0].n, scores[0].n_gold, round(f("n_pred")), f("precision"), f("recall"), f("f1"), f("ari"))
