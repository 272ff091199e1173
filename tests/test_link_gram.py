"""The re-clustering pair products without scipy give scipy's figures to the last bit.

Event assignments depend on exact comparisons with thresholds, so the small-neighbourhood path of
``scoring.gram`` must not move a single bit: compared here with the sparse product on seeded random
vectors (dicts and packed records mixed, empty rows among them) and sets.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from sinodesk.stages.cluster import scoring
from sinodesk.stages.cluster.features import Packed


def sparse_gram(rows):
    x = scoring._sparse(rows)
    return (x @ x.T).toarray()


def unit(weights: dict) -> dict:
    norm = sum(v * v for v in weights.values()) ** 0.5 or 1.0
    return {t: v / norm for t, v in weights.items()}


@pytest.mark.parametrize("seed", range(6))
def test_small_vector_products_equal_scipys_to_the_bit(seed):
    rng = random.Random(seed)
    for _ in range(150):
        n = rng.randrange(1, scoring.SMALL_VECTORS + 1)
        vocab = [f"w{k}" for k in range(rng.randrange(8, 300))]
        rows = []
        for _ in range(n):
            vec = unit({t: rng.random() ** 3 for t in rng.sample(vocab, rng.randrange(0, min(len(vocab), 120)))})
            rows.append(Packed(vec) if rng.random() < 0.7 else vec)
        mine = scoring._small_gram(rows)
        assert mine is not None
        assert np.array_equal(mine, sparse_gram(rows))  # not allclose: the same bits
        assert np.array_equal(scoring.gram(rows), mine)


def test_small_set_products_count_shared_members():
    rng = random.Random(11)
    for _ in range(200):
        n = rng.randrange(1, scoring.SMALL_SETS + 1)
        sets = [frozenset(rng.sample(range(40), rng.randrange(0, 9))) for _ in range(n)]
        assert np.array_equal(scoring.gram(sets), sparse_gram(sets))
    a, b, c = frozenset({"x", "y"}), frozenset({"y", "z"}), frozenset()
    assert scoring.gram([a, b, c]).tolist() == [[2, 1, 0], [1, 2, 0], [0, 0, 0]]


def test_larger_or_mixed_rows_take_the_sparse_product():
    rows = [unit({f"w{i}": 1.0, f"w{i + 1}": 2.0}) for i in range(scoring.SMALL_VECTORS + 1)]
    assert scoring._small_gram(rows, vectors=False) is None
    assert np.array_equal(scoring.gram(rows), sparse_gram(rows))
    assert scoring._small_gram([frozenset({"a"}), {"a": 1.0}]) is None  # mixed kinds: scipy decides
    assert scoring.gram([]).shape == (0, 0)


def test_share_reuses_the_products_it_is_given():
    sets = [frozenset({"a", "b"}), frozenset({"b"}), frozenset()]
    shared = scoring.gram(sets)
    assert np.array_equal(scoring.share(sets, shared), scoring.share(sets))
    assert scoring.share(sets).tolist() == [[1.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 0.0]]


def test_merge_tree_is_scipys():
    from scipy.cluster.hierarchy import linkage, to_tree
    from scipy.spatial.distance import squareform

    from sinodesk.stages.cluster.recluster import _tree

    rng = np.random.default_rng(5)
    for n in (2, 3, 7, 20):
        sim = rng.random((n, n))
        dist = np.clip(1.0 - (sim + sim.T) / 2.0, 0.0, None)
        np.fill_diagonal(dist, 0.0)
        merges = linkage(squareform(dist, checks=False), method="average")
        mine, theirs = _tree(merges), to_tree(merges)
        stack = [(mine, theirs)]
        while stack:
            a, b = stack.pop()
            assert (a.id, a.count, a.dist, a.is_leaf()) == (b.id, b.count, b.dist, b.is_leaf())
            if not a.is_leaf():
                stack += [(a.left, b.left), (a.right, b.right)]
        assert mine.pre_order() == theirs.pre_order()


@pytest.mark.parametrize("language", [None, "en", "zh", "fr"])
def test_idfs_are_idf_term_by_term(language):
    from sinodesk.stages.cluster.features import DocFreq

    rng = random.Random(3)
    for prior_docs in (0, 50):
        df = DocFreq(0, prior={f"w{k}": rng.random() for k in range(0, 300, 3)} if prior_docs else None, prior_docs=prior_docs)
        for _ in range(40):
            df.add(frozenset(f"w{rng.randrange(300)}" for _ in range(20)), rng.choice([None, "en", "zh", "fr"]))
        terms = [f"w{k}" for k in range(0, 400, 7)]
        assert df.idfs(terms, language) == [df.idf(t, language) for t in terms]  # the same floats, not close ones
