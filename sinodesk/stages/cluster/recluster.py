"""Local re-clustering: average linkage over a neighbourhood's pair scores, and who keeps which id.

A single pass cannot undo an early story that bridged two similar events.  When a full-text story
arrives near a few small events, the linker clusters the story and their members again
(:func:`average_linkage`) and the new clusters take over the old event ids (:func:`keep_ids`).
"""

from __future__ import annotations

from collections import Counter

import numpy as np


def average_linkage(sim: np.ndarray, threshold: float, *, split_ratio: float = 0.0, split_min: int = 2,
                    days: np.ndarray | None = None, split_days: int = -1) -> list[int]:
    """Average-linkage clusters of a similarity matrix, merged while mean similarity >= threshold.

    With ``split_ratio`` > 0 a merge above the threshold is still undone when both halves hold at
    least ``split_min`` stories and their mean cross similarity is below ``split_ratio`` x the
    mean similarity inside the less cohesive half: two similar events (two quakes in one province,
    two product launches) are each far more alike inside than across, even when the topic words
    they share lift every cross pair over an absolute threshold.

    With ``split_days`` >= 0 and ``days`` (each story's day number, NaN when undated), two halves
    of which half or more of the stories are dated, their median days at most ``split_days`` apart,
    are not split that way (:func:`same_days`): reports of the same days that tell one event from
    two angles (the check-in, then the walk-out) are one event, however apart their words.

    A few loose stories merged last do not hide two events below them (:func:`_cut`).
    """
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    n = len(sim)
    if n == 1:
        return [1]
    sim = (sim + sim.T) / 2.0
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    root = _tree(linkage(squareform(dist, checks=False), method="average"))
    limit = 1.0 - threshold + 1e-12

    def inside(ids: list[int]) -> float:
        block = sim[np.ix_(ids, ids)]
        return float((block.sum() - np.trace(block)) / (len(ids) * (len(ids) - 1)))

    def two_events(node) -> bool:
        a, b = node.left.pre_order(), node.right.pre_order()
        if not split_ratio or min(len(a), len(b)) < max(2, split_min):
            return False
        if split_days >= 0 and days is not None and same_days(days[a], days[b], split_days):
            return False
        return float(sim[np.ix_(a, b)].mean()) < split_ratio * min(inside(a), inside(b))

    labels = [0] * n
    for label, ids in enumerate(_cut(root, limit, two_events, sim, few=max(2, split_min) if split_ratio else 0), 1):
        for i in ids:
            labels[i] = label
    return labels


def _tree(merges: np.ndarray):
    """The root of the merge tree of a linkage matrix, as scipy's ``to_tree`` builds it, without its
    check of a matrix that scipy's own ``linkage`` has just made (a third of the time it took)."""
    from scipy.cluster.hierarchy import ClusterNode

    n = len(merges) + 1
    nodes = [ClusterNode(i) for i in range(n)]
    for i, (a, b, dist, _count) in enumerate(merges.tolist()):
        nodes.append(ClusterNode(n + i, nodes[int(a)], nodes[int(b)], dist))
    return nodes[-1]


def _cut(root, limit: float, two_events, sim: np.ndarray, *, few: int) -> list[list[int]]:
    """The clusters of the tree, left to right: a node above the threshold is one cluster unless it
    is two events (``two_events``), or one of its sides holds fewer than ``few`` stories (too few for
    that test) and the other side splits into events: then the few go, as a block, with the part they
    are closest to (mean similarity).  One loose report merged last must not hide two events below it
    (ECB+ topic 7: two loose reports of one title fight at the root, that fight and another one
    below it).  ``few`` 0: no such look below."""

    def walk(node) -> list[list[int]]:
        if node.is_leaf():
            return [node.pre_order()]
        if node.dist > limit or two_events(node):
            return walk(node.left) + walk(node.right)
        whole = [node.pre_order()]
        small, big = (node.left, node.right) if node.left.count < node.right.count else (node.right, node.left)
        if small.count >= few or big.is_leaf():
            return whole
        parts = walk(big)
        if len(parts) == 1:
            return whole
        ids = small.pre_order()
        best = max(range(len(parts)), key=lambda k: float(sim[np.ix_(ids, parts[k])].mean()))
        parts[best] = parts[best] + ids
        return parts

    return walk(root)


def same_days(a: np.ndarray, b: np.ndarray, within: int) -> bool:
    """Half or more of the stories of each group are dated (``a``, ``b``: day numbers, NaN when
    undated) and the groups' median days are at most ``within`` days apart."""
    da, db = a[~np.isnan(a)], b[~np.isnan(b)]
    if not len(da) or not len(db) or 2 * len(da) < len(a) or 2 * len(db) < len(b):
        return False
    return abs(float(np.median(da)) - float(np.median(db))) <= within


def groups_of(labels: list[int]) -> dict[int, list[int]]:
    """label -> positions holding it, in order."""
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(lab, []).append(i)
    return groups


def keep_ids(groups: dict[int, list[int]], ids: list[str], old: dict[str, str], order: dict[str, int]) -> dict[int, str]:
    """Which old event id each new cluster keeps: the id most of its members had (older events win
    ties), largest clusters choosing first; a cluster of only new or already-claimed members gets none."""
    taken: dict[int, str] = {}
    for lab, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0])):
        votes = Counter(old[ids[i]] for i in members if ids[i] in old and old[ids[i]] not in taken.values())
        if votes:
            taken[lab] = min(votes, key=lambda e: (-votes[e], order[e]))
    return taken
