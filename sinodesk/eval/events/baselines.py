"""The peer baselines, re-measured in every run beside sinodesk's figures.

What a plain scikit-learn user writes: TF-IDF word 1-2-grams (sublinear tf, English stop words),
cosine, average-linkage agglomerative clustering over the whole set at once, its distance threshold
tuned on ECB+ topics 1-35; for the UCI stream a single-pass centroid clusterer over the same TF-IDF,
its threshold tuned on the first 45%.  (Offline and given every text at once: the peer does not
face arrival order, a young archive or a cold start.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from .metrics import bcubed
from .sets import EvalItem


def text_of(item: EvalItem) -> str:
    return f"{item.line.get('title') or ''}\n{item.line.get('text') or ''}".strip()


def _tfidf(texts: Sequence[str], fit_on: Sequence[str] | None = None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english")
    vec.fit(fit_on if fit_on is not None else texts)
    return vec.transform(texts)


def _cosine_distances(texts: Sequence[str]) -> np.ndarray:
    x = _tfidf(texts)
    d = 1.0 - (x @ x.T).toarray()
    np.clip(d, 0.0, 2.0, out=d)
    np.fill_diagonal(d, 0.0)
    return d


def agglomerative(texts: Sequence[str], distance: float, *, dist: np.ndarray | None = None) -> list[str]:
    """TF-IDF 1-2-grams, cosine, average-linkage agglomerative clustering (distances precomputed from
    the sparse matrix: the same clustering as ``metric="cosine"`` without a dense vocabulary matrix)."""
    from sklearn.cluster import AgglomerativeClustering

    if len(texts) < 2:
        return ["0"] * len(texts)
    d = _cosine_distances(texts) if dist is None else dist
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=distance)
    return [str(v) for v in model.fit_predict(d)]


def single_pass(texts: Sequence[str], similarity: float, fit_on: Sequence[str]) -> list[str]:
    """Single pass: each text joins the most similar centroid at or above ``similarity``, else opens one.

    Exact brute-force cosine to every centroid; an inverted index only skips centroids that share no
    term with the text (their cosine is 0), so the result is the same.
    """
    x = _tfidf(texts, fit_on).tocsr()
    labels: list[str] = []
    sums: list[dict[int, float]] = []
    norms: list[float] = []
    postings: dict[int, set[int]] = defaultdict(set)
    for i in range(x.shape[0]):
        row = x.getrow(i)
        v = dict(zip(row.indices.tolist(), row.data.tolist()))
        cands = set().union(*(postings[t] for t in v)) if v else set()
        best, best_s = -1, similarity
        for j in cands:
            c = sums[j]
            s = sum(w * c.get(t, 0.0) for t, w in v.items()) / norms[j]
            if s >= best_s:
                best, best_s = j, s
        if best < 0:
            sums.append({})
            norms.append(1.0)
            best = len(sums) - 1
        c = sums[best]
        for t, w in v.items():
            c[t] = c.get(t, 0.0) + w
            postings[t].add(best)
        norms[best] = float(np.sqrt(sum(w * w for w in c.values()))) or 1.0
        labels.append(str(best))
    return labels


def tune_distance(train: Sequence[EvalItem]) -> float:
    """Agglomerative distance threshold with the best B-cubed F1 on ``train``."""
    texts = [text_of(d) for d in train]
    gold = [d.gold for d in train]
    dist = _cosine_distances(texts)
    grid = np.round(np.arange(0.5, 1.0, 0.02), 2)
    return float(max(grid, key=lambda t: bcubed(agglomerative(texts, float(t), dist=dist), gold)[2]))


def tune_similarity(train: Sequence[EvalItem]) -> float:
    """Single-pass similarity threshold with the best B-cubed F1 on the training part of a stream."""
    texts = [text_of(d) for d in train]
    gold = [d.gold for d in train]
    grid = np.round(np.arange(0.1, 0.8, 0.05), 2)
    return float(max(grid, key=lambda t: bcubed(single_pass(texts, float(t), texts), gold)[2]))
