"""The trainable learner behind every topic model: TF-IDF + a linear SVM blended with naive Bayes.

``fit_linear`` trains one binary model per label (so it is multi-label by construction) and
returns a single weight matrix: the SVM weights plus ``nb_weight`` times the naive-Bayes
log-count ratios of the same features (the NBSVM idea of Wang & Manning 2012, used here as
an ensemble of the two linear scorers).  Scoring a story is then one sparse product.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from ...options import setting


@dataclass(frozen=True, slots=True)
class LearnerOptions:
    C: float = setting(0.5, "SVM regularisation (higher fits the training data more closely); used when choose is off")
    nb_weight: float = setting(0.15, "weight of the naive-Bayes log-count ratios added to the SVM weights; used when choose is off")
    nb_alpha: float = setting(0.1, "naive-Bayes smoothing added to every feature count")
    min_df: int = setting(1, "keep features seen in at least this many training texts")
    max_features: int = setting(400_000, "keep at most this many features (the most frequent)")
    class_weight: str | None = setting(None, "\"balanced\" to weight rare labels up, or none")
    sublinear_tf: bool = setting(True, "use 1 + log(count) instead of the raw count of a feature in a text")
    choose: bool = setting(True, "choose C among C_choices and nb_weight among nb_weight_choices by the out-of-fold label-ranking average precision on the training data (the calibration folds); false: use C and nb_weight as set")
    C_choices: tuple[float, ...] = setting((0.5, 1.0, 2.0, 4.0), "the C values tried when choose is on")
    nb_weight_choices: tuple[float, ...] = setting((0.0, 0.05, 0.1, 0.15, 0.25, 0.5, 1.0), "the nb_weight values tried when choose is on (trying more costs almost nothing)")
    calibration_folds: int = setting(5, "folds of the training data whose held-out scores calibrate each topic's score and choose its threshold (fewer is faster)")


class Vectorizer:
    """Feature strings -> sublinear TF-IDF rows, L2-normalised (sparse CSR)."""

    def __init__(self, vocab: dict[str, int], idf: np.ndarray, sublinear_tf: bool = True):
        self.vocab = vocab
        self.idf = idf.astype(np.float32)
        self.sublinear_tf = sublinear_tf

    @classmethod
    def fit(cls, docs: Sequence[Sequence[str]], opts: LearnerOptions) -> "Vectorizer":
        df: Counter[str] = Counter()
        for feats in docs:
            df.update(set(feats))
        kept = [(f, c) for f, c in df.items() if c >= opts.min_df]
        kept.sort(key=lambda fc: (-fc[1], fc[0]))
        kept = sorted(kept[: opts.max_features])
        vocab = {f: i for i, (f, _) in enumerate(kept)}
        n = len(docs)
        idf = np.array([math.log((1 + n) / (1 + c)) + 1.0 for _, c in kept], dtype=np.float32)
        return cls(vocab, idf, opts.sublinear_tf)

    def transform_one(self, feats: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """One text's non-zero (feature indices, TF-IDF values): the fast path for single stories."""
        return self.tfidf(self.counts(feats))

    def counts(self, feats: Sequence[str]) -> Counter[int]:
        """Vocabulary index -> count of one text's known features (in order of first occurrence)."""
        return Counter(i for i in map(self.vocab.get, feats) if i is not None)

    def tfidf(self, counts: Counter[int] | dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
        """(feature indices, L2-normalised TF-IDF values) of one text's ``counts``."""
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        vals = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        if self.sublinear_tf:
            vals = 1.0 + np.log(vals)
        vals = vals * self.idf[idx]
        norm = float(np.sqrt(vals @ vals))
        return idx, (vals / norm if norm else vals)

    def scores(self, rows: Sequence[Counter[int] | dict[int, int]], W: np.ndarray) -> np.ndarray:
        """(len(rows), W's columns): each text's TF-IDF row (from its ``counts``, as ``tfidf``
        makes it) times ``W[:V]``, for a few texts at once without building a sparse matrix."""
        lens = np.array([len(c) for c in rows])
        out = np.zeros((len(rows), W.shape[1]))
        total = int(lens.sum())
        if not total:
            return out
        idx = np.fromiter((k for c in rows for k in c.keys()), dtype=np.int64, count=total)
        vals = np.fromiter((v for c in rows for v in c.values()), dtype=np.float32, count=total)
        if self.sublinear_tf:
            vals = 1.0 + np.log(vals)
        vals = vals * self.idf[idx]
        live = np.flatnonzero(lens)
        starts = np.concatenate([[0], np.cumsum(lens)[:-1]])[live]
        norms = np.sqrt(np.add.reduceat(vals * vals, starts))
        vals = vals / np.repeat(np.where(norms > 0, norms, 1.0).astype(np.float32), lens[live])
        out[live] = np.add.reduceat(vals[:, None] * W[idx], starts, axis=0)
        return out

    def transform(self, docs: Iterable[Sequence[str]]) -> sparse.csr_matrix:
        vocab = self.vocab
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for feats in docs:
            counts = Counter(i for i in map(vocab.get, feats) if i is not None)
            indices.extend(counts.keys())
            if self.sublinear_tf:
                data.extend(1.0 + math.log(c) for c in counts.values())
            else:
                data.extend(counts.values())
            indptr.append(len(indices))
        X = sparse.csr_matrix(
            (np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int64)),
            shape=(len(indptr) - 1, len(vocab)),
        )
        X = X.multiply(self.idf).tocsr()
        norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.diags(1.0 / norms).dot(X).tocsr().astype(np.float32)


def nb_part(X: sparse.csr_matrix, Y: np.ndarray, opts: LearnerOptions, sw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The naive-Bayes scorer per column of ``Y`` -> log-count ratios (V x L) and their bias (L):
    multinomial log probabilities when every text has exactly one label, else binary ratios."""
    V, L = X.shape[1], Y.shape[1]
    R = np.zeros((V, L), dtype=np.float32)
    rb = np.zeros(L, dtype=np.float32)
    Xw = sparse.diags(sw).dot(X).tocsr()
    if bool((Y.sum(axis=1) == 1).all()) and L > 2:
        counts = np.asarray((Xw.T @ sparse.csr_matrix(Y.astype(np.float32))).todense()) + opts.nb_alpha
        R[:] = np.log(counts / counts.sum(axis=0, keepdims=True))
        R -= R.mean(axis=1, keepdims=True)
        rb[:] = np.log(np.maximum((sw[:, None] * Y).sum(axis=0), 1e-9) / sw.sum())
        R[:, ~_live(Y)] = 0.0
        rb[~_live(Y)] = 0.0
        return R, rb
    total = np.asarray(Xw.sum(axis=0)).ravel()
    for j in range(L):
        y = Y[:, j].astype(bool)
        if not y.any() or y.all():
            continue
        pos = np.asarray(Xw[y].sum(axis=0)).ravel() + opts.nb_alpha
        neg = total - pos + 2 * opts.nb_alpha
        R[:, j] = np.log(pos / pos.sum()) - np.log(neg / neg.sum())
        rb[j] = math.log(sw[y].sum() / sw[~y].sum())
    return R, rb


def _live(Y: np.ndarray) -> np.ndarray:
    """Labels with both positive and negative texts (the others get no learned weights)."""
    return Y.any(axis=0) & ~Y.all(axis=0)


def svm_part(Xsvm: sparse.csr_matrix, Y: np.ndarray, C: float, opts: LearnerOptions, sw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One binary linear SVM per column of ``Y`` -> weights (features x L), bias (L); a label with no
    positive (or no negative) text gets bias -5 (+5) and no weights."""
    from sklearn.svm import LinearSVC

    L = Y.shape[1]
    W = np.zeros((Xsvm.shape[1], L), dtype=np.float32)
    b = np.zeros(L, dtype=np.float32)
    for j in range(L):
        y = Y[:, j].astype(bool)
        if not y.any() or y.all():
            b[j] = 5.0 if y.any() else -5.0
            continue
        svm = LinearSVC(C=C, class_weight=opts.class_weight, random_state=0, max_iter=5000)
        svm.fit(Xsvm, y.astype(int), sample_weight=sw)
        W[:, j] = svm.coef_.ravel()
        b[j] = svm.intercept_[0]
    return W, b


def with_dense(X: sparse.csr_matrix, dense: np.ndarray | None) -> sparse.csr_matrix:
    """The SVM's features: the sparse rows, with the dense columns appended when given."""
    return X if dense is None else sparse.hstack([X, sparse.csr_matrix(dense)], format="csr")


def fit_linear(
    X: sparse.csr_matrix, Y: np.ndarray, opts: LearnerOptions, sample_weight: np.ndarray | None = None,
    dense: np.ndarray | None = None, C: float | None = None, nb_weight: float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """One binary SVM + naive Bayes per column of ``Y`` (n x L, 0/1) -> weights (V x L), bias (L).

    ``dense`` (n x D), when given, is appended to the SVM's features (the naive-Bayes part reads
    only the sparse counts); its D weight rows come last in the returned matrix.  ``C`` and
    ``nb_weight`` default to the options' own.
    """
    C = opts.C if C is None else C
    nb_weight = opts.nb_weight if nb_weight is None else nb_weight
    sw = np.ones(X.shape[0]) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    W, b = svm_part(with_dense(X, dense), Y, C, opts, sw)
    if nb_weight:
        R, rb = nb_part(X, Y, opts, sw)
        W[: X.shape[1]] += nb_weight * R
        b += nb_weight * rb
    return W, b


def fold_ids(n: int, k: int, seed: int = 0) -> np.ndarray:
    """Deterministic fold number (0..k-1) for each of ``n`` items."""
    rng = np.random.default_rng(seed)
    ids = np.arange(n) % k
    rng.shuffle(ids)
    return ids


def fit_scorer(docs: Sequence[Sequence[str]], Y: np.ndarray, opts: LearnerOptions,
               sample_weight: np.ndarray | None = None, dense: np.ndarray | None = None,
               C: float | None = None, nb_weight: float | None = None) -> tuple[Vectorizer, np.ndarray, np.ndarray]:
    """Vectorizer + ``fit_linear`` on feature lists (and optional dense rows) -> (vectorizer, W, b)."""
    vec = Vectorizer.fit(docs, opts)
    W, b = fit_linear(vec.transform(docs), Y, opts, sample_weight, dense, C, nb_weight)
    return vec, W, b


def linear_scores(vec: Vectorizer, W: np.ndarray, b: np.ndarray, docs: Iterable[Sequence[str]],
                  dense: np.ndarray | None = None) -> np.ndarray:
    """Margins (n x L) of a ``fit_scorer`` model; ``dense`` as at training (its rows of W come last)."""
    V = len(vec.vocab)
    out = np.asarray(vec.transform(docs) @ W[:V]) + b
    if dense is not None and W.shape[0] > V:
        out += dense @ W[V:]
    return out


def out_of_fold(docs: Sequence[Sequence[str]], Y: np.ndarray, opts: LearnerOptions, sw: np.ndarray,
                dense: np.ndarray | None, folds: np.ndarray | None = None) -> tuple[np.ndarray, float, float]:
    """Out-of-fold margins (n x L) over ``opts.calibration_folds`` folds, and the C and nb_weight
    they were made with: with ``opts.choose``, the pair of ``C_choices`` x ``nb_weight_choices``
    whose margins rank each text's labels best (label-ranking average precision, weighted by
    ``sw``; ties go to the earlier choice), else ``opts.C`` and ``opts.nb_weight``.  The SVM is
    fitted once per fold and C; the naive-Bayes part once per fold (its weight is a blend)."""
    from sklearn.metrics import label_ranking_average_precision_score

    Cs = opts.C_choices if opts.choose and opts.C_choices else (opts.C,)
    ws = opts.nb_weight_choices if opts.choose and opts.nb_weight_choices else (opts.nb_weight,)
    svm = np.zeros((len(Cs), *Y.shape))
    nb = np.zeros(Y.shape)
    folds = fold_ids(len(docs), opts.calibration_folds) if folds is None else folds
    for k in range(opts.calibration_folds):
        tr, te = folds != k, folds == k
        if not te.any() or not tr.any():
            continue
        vec = Vectorizer.fit([d for d, t in zip(docs, tr) if t], opts)
        Xtr = vec.transform(d for d, t in zip(docs, tr) if t)
        Xte = vec.transform(d for d, t in zip(docs, te) if t)
        R, rb = nb_part(Xtr, Y[tr], opts, sw[tr])
        nb[te] = np.asarray(Xte @ R) + rb
        Str, Ste = with_dense(Xtr, None if dense is None else dense[tr]), with_dense(Xte, None if dense is None else dense[te])
        for i, C in enumerate(Cs):
            W, b = svm_part(Str, Y[tr], C, opts, sw[tr])
            svm[i, te] = np.asarray(Ste @ W) + b
    best, best_score = (0, ws[0]), -1.0
    if len(Cs) * len(ws) > 1:
        for i in range(len(Cs)):
            for w in ws:
                score = label_ranking_average_precision_score(Y, svm[i] + w * nb, sample_weight=sw)
                if score > best_score + 1e-9:
                    best, best_score = (i, w), score
    i, w = best
    return svm[i] + w * nb, float(Cs[i]), float(w)
