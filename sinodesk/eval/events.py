"""Event clustering and near-duplicate evaluation: metrics, labelled sets, the peer baseline.

Metrics (implemented here, checked against scikit-learn in the tests):

* B-cubed precision / recall / F1 over documents (Bagga & Baldwin 1998);
* adjusted Rand index (Hubert & Arabie 1985) from the contingency table.

Sets (read at run time from ``../shared/eval``; never copied into the repository):

* ``ecbplus``  982 articles, 2 similar events per topic; train = topics 1-35, test = 36-45;
* ``gvc``      152 articles about 71 different shootings; validation split (78, where the time
  decay was chosen) and held-out test split (74), Bugert et al.'s; idf primed with ECB+ 1-35;
* ``uci``      6,366 headlines in timestamp order; train = first 45% of the time range;
* ``bbc-dups`` 2,225 BBC articles, 98 exact copies + 35 copies under a rewritten headline.

Our linker runs *online* (one story at a time, in time order).  The peer baseline is what a
plain scikit-learn user writes: TF-IDF word 1-2-grams (sublinear tf, English stop words),
cosine, average-linkage agglomerative clustering with its distance threshold tuned on ECB+
topics 1-35; for the UCI stream a single-pass centroid clusterer over the same TF-IDF.
"""

from __future__ import annotations

import csv
import json
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from ..errors import BadInput, NotFound
from ..stages.cluster import EventOptions
from ..stages.cluster.online import EventLinker, LinkItem

SETS = ("ecbplus", "gvc", "uci", "bbc-dups")
FOLDERS = {
    "ecbplus": ("ecbplus-event-clusters", "ecbplus_docs.jsonl"),
    "gvc": ("gvc-event-clusters-subset", "gvc_docs.jsonl"),
    "uci": ("uci-news-aggregator-sample", "uci_news_aggregator_first6366.csv"),
    "bbc-dups": ("bbc-news-topics", "bbc_news.jsonl"),
}


# -- metrics ------------------------------------------------------------------------------
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


def _pairs(counts: Iterable[int]) -> float:
    return float(sum(c * (c - 1) / 2 for c in counts))


def ari(pred: Sequence[str], gold: Sequence[str]) -> float:
    """Adjusted Rand index of two labelings (1 = identical, about 0 = chance)."""
    n = len(pred)
    if n < 2:
        return 1.0
    index = _pairs(Counter(zip(pred, gold)).values())
    a = _pairs(Counter(pred).values())
    b = _pairs(Counter(gold).values())
    expected = a * b / (n * (n - 1) / 2)
    top = (a + b) / 2
    if top == expected:
        return 1.0
    return (index - expected) / (top - expected)


def score(pred: Sequence[str], gold: Sequence[str]) -> ClusterScore:
    p, r, f = bcubed(pred, gold)
    return ClusterScore(len(pred), len(set(gold)), len(set(pred)), p, r, f, ari(pred, gold))


# -- labelled sets ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EvalDoc:
    item: LinkItem
    gold: str
    train: bool
    order: float  # arrival time (timestamp, day, or a seeded shuffle position)


def data_path(root: Path, name: str) -> Path:
    if name not in FOLDERS:
        raise BadInput(f"eval events: unknown set {name!r} (choose one of {', '.join(SETS)})")
    folder, file = FOLDERS[name]
    path = Path(root) / folder / file
    if not path.exists():
        raise NotFound(f"eval events: {path} is missing: put ../shared/eval beside the repository or pass --data DIR")
    return path


def extracted(item: LinkItem) -> LinkItem:
    """``item`` with the canonical entities and numbers the extract stage finds in it, as the
    runner gives them to the linker (``pipeline.link_item_for``), so the eval measures what ships."""
    entities, numbers = _extract(item.story_id, item.headline, item.text, item.published)
    return replace(item, entities=entities, numbers=numbers)


@lru_cache(maxsize=None)
def _extract(story_id: str, headline: str | None, text: str, published: str | None
             ) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Canonical entities and number values of one eval document (cached: every set is loaded often)."""
    from ..records import Document, Segment
    from ..stages.extract import ExtractOptions, extract

    full = f"{headline}\n{text}" if headline else text
    doc = Document(story_id, "eval", "eval", "text", full, published=published)
    ex = extract(doc, Segment(0, len(full), full, headline=headline), "en", ExtractOptions(attributions=False, dates=False))
    return tuple(sorted({e.canonical for e in ex.entities})), tuple(n.value for n in ex.numbers)


def load_ecbplus(root: Path, *, seed: int = 0) -> list[EvalDoc]:
    """ECB+ documents in a seeded random arrival order (the set has no publication times),
    with the extract stage's entities and numbers."""
    docs = [json.loads(line) for line in data_path(root, "ecbplus").open(encoding="utf-8")]
    rng = random.Random(seed)
    rng.shuffle(docs)
    return [
        EvalDoc(extracted(LinkItem(d["doc_id"], None, d["text"], url=d.get("url"))), d["event_cluster"],
                d["topic"] <= 35, i)
        for i, d in enumerate(docs)
    ]


def load_gvc(root: Path, *, split: str | None = None) -> list[EvalDoc]:
    """GVC documents by creation date; ``split``: only 'val' (where the time decay was chosen) or
    'test' (held out).  ``EvalDoc.train`` marks the validation documents."""
    docs = [json.loads(line) for line in data_path(root, "gvc").open(encoding="utf-8")]
    if split is not None:
        docs = [d for d in docs if d["split"] == split]
    docs.sort(key=lambda d: (d["dct"] or "", d["doc_id"]))
    return [
        EvalDoc(extracted(LinkItem(d["doc_id"], d["title"], d["text"], published=d["dct"])), str(d["incident_id"]),
                d["split"] == "val", i)
        for i, d in enumerate(docs)
    ]


def load_uci(root: Path, *, train_share: float = 0.45) -> list[EvalDoc]:
    """UCI headlines sorted by timestamp; the first ``train_share`` of the time range is training."""
    with data_path(root, "uci").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows.sort(key=lambda r: (int(r["TIMESTAMP"]), int(r["ID"])))
    t0, t1 = int(rows[0]["TIMESTAMP"]), int(rows[-1]["TIMESTAMP"])
    cut = t0 + train_share * (t1 - t0)
    out = []
    for r in rows:
        ts = int(r["TIMESTAMP"])
        day = datetime.fromtimestamp(ts / 1000, tz=timezone.utc).date().isoformat()
        item = LinkItem(f"uci-{r['ID']}", r["TITLE"], "", published=day, url=r["URL"])
        out.append(EvalDoc(item, r["STORY"], ts < cut, ts))
    return out


def load_bbc(root: Path) -> tuple[list[LinkItem], dict[str, str]]:
    """BBC articles in file order and the gold copies: id -> id of the first identical body."""
    items, gold, first = [], {}, {}
    for line in data_path(root, "bbc-dups").open(encoding="utf-8"):
        d = json.loads(line)
        items.append(LinkItem(d["id"], d["title"], d["text"]))
        key = " ".join(d["text"].split())
        if key in first:
            gold[d["id"]] = first[key]
        else:
            first[key] = d["id"]
    return items, gold


# -- running --------------------------------------------------------------------------------
def run_linker(docs: Sequence[EvalDoc], opts: EventOptions, *, prime: Sequence[str] = ()) -> list[str]:
    """Feed ``docs`` one by one in arrival order; return the event id of each (input order)."""
    lk = EventLinker(opts)
    if prime:
        lk.prime(prime)
    for i in sorted(range(len(docs)), key=lambda i: docs[i].order):
        lk.add(docs[i].item)
    # where each story is now: events merged since, and stories moved by re-clustering, count
    return [lk.event_of(d.item.story_id) for d in docs]


def _text(item: LinkItem) -> str:
    return f"{item.headline or ''}\n{item.text}".strip()


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


def baseline_agglomerative(texts: Sequence[str], distance: float, *, dist: np.ndarray | None = None) -> list[str]:
    """The peer baseline: TF-IDF 1-2-grams, cosine, average-linkage agglomerative clustering.

    (The cosine distances are precomputed from the sparse TF-IDF matrix: same clustering as
    ``metric="cosine"`` without densifying a vocabulary-wide matrix.)
    """
    from sklearn.cluster import AgglomerativeClustering

    if len(texts) < 2:
        return ["0"] * len(texts)
    d = _cosine_distances(texts) if dist is None else dist
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=distance)
    return [str(v) for v in model.fit_predict(d)]


def baseline_single_pass(texts: Sequence[str], similarity: float, fit_on: Sequence[str]) -> list[str]:
    """The peer stream baseline: single pass, join the most similar centroid above ``similarity``.

    Exact brute-force cosine to every centroid; an inverted index only skips centroids that
    share no term with the document (their cosine is 0), so the result is the same.
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


def tune_baseline_distance(train: Sequence[EvalDoc]) -> float:
    """Distance threshold of the agglomerative baseline that maximises B-cubed F1 on ``train``."""
    texts = [_text(d.item) for d in train]
    gold = [d.gold for d in train]
    dist = _cosine_distances(texts)
    grid = np.round(np.arange(0.5, 1.0, 0.02), 2)
    return float(max(grid, key=lambda t: bcubed(baseline_agglomerative(texts, float(t), dist=dist), gold)[2]))


def tune_baseline_similarity(docs: Sequence[EvalDoc]) -> float:
    """Single-pass similarity threshold that maximises B-cubed F1 on the training part of a stream."""
    train = [d for d in docs if d.train]
    texts = [_text(d.item) for d in train]
    gold = [d.gold for d in train]
    grid = np.round(np.arange(0.1, 0.8, 0.05), 2)
    return float(max(grid, key=lambda t: bcubed(baseline_single_pass(texts, float(t), texts), gold)[2]))


@dataclass(frozen=True, slots=True)
class EvalReport:
    name: str
    ours: ClusterScore
    peer: ClusterScore | None
    peer_setting: str

    def lines(self) -> list[str]:
        out = [f"{self.name}", f"  sinodesk (online)  {self.ours.line()}"]
        if self.peer is not None:
            out.append(f"  peer baseline      {self.peer.line()}  [{self.peer_setting}]")
        return out


def _sub(pred: Sequence[str], docs: Sequence[EvalDoc], keep) -> tuple[list[str], list[str]]:
    idx = [i for i, d in enumerate(docs) if keep(d)]
    return [pred[i] for i in idx], [docs[i].gold for i in idx]


def eval_ecbplus(root: Path, opts: EventOptions, *, peer: bool = True, seeds: Sequence[int] = (0,)) -> list[EvalReport]:
    """Test topics 36-45 (idf primed with the training topics' text) and all topics."""
    reports: dict[str, list[ClusterScore]] = defaultdict(list)
    for seed in seeds:
        docs = load_ecbplus(root, seed=seed)
        train = [d for d in docs if d.train]
        test = [d for d in docs if not d.train]
        pred = run_linker(test, opts, prime=[_text(d.item) for d in train])
        reports["test"].append(score(pred, [d.gold for d in test]))
        pred_all = run_linker(docs, opts)
        reports["all"].append(score(pred_all, [d.gold for d in docs]))
    peer_test = peer_all = None
    setting = ""
    if peer:
        docs = load_ecbplus(root)
        dist = tune_baseline_distance([d for d in docs if d.train])
        setting = f"distance {dist:.2f} tuned on topics 1-35"
        test = [d for d in docs if not d.train]
        peer_test = score(baseline_agglomerative([_text(d.item) for d in test], dist), [d.gold for d in test])
        peer_all = score(baseline_agglomerative([_text(d.item) for d in docs], dist), [d.gold for d in docs])
    return [
        EvalReport("ECB+ test topics 36-45", _mean(reports["test"]), peer_test, setting),
        EvalReport("ECB+ all topics", _mean(reports["all"]), peer_all, setting),
    ]


def _background(ecb_train: Sequence[EvalDoc]) -> list[str]:
    """Background idf for GVC: training text only (ECB+ topics 1-35), as the product primes from its archive."""
    return [_text(d.item) for d in ecb_train]


def eval_gvc(root: Path, opts: EventOptions, *, peer: bool = True) -> list[EvalReport]:
    """The whole subset as one dated stream, scored on all of it, on its validation split (where
    ``time_scale_days`` was chosen: ``--tune gvc``) and on its held-out test split."""
    docs = load_gvc(root)
    ecb_train = [d for d in load_ecbplus(root) if d.train]
    pred = run_linker(docs, opts, prime=_background(ecb_train))
    peer_pred, setting = None, ""
    if peer:
        dist = tune_baseline_distance(ecb_train)
        setting = f"distance {dist:.2f} tuned on ECB+ topics 1-35"
        peer_pred = baseline_agglomerative([_text(d.item) for d in docs], dist)
    parts = [("GVC subset (all shootings)", lambda d: True), ("GVC validation split (tuned on)", lambda d: d.train),
             ("GVC test split (held out)", lambda d: not d.train)]
    return [EvalReport(name, score(*_sub(pred, docs, keep)), score(*_sub(peer_pred, docs, keep)) if peer else None,
                       setting) for name, keep in parts]


def eval_uci(root: Path, opts: EventOptions, *, peer: bool = True, limit: int | None = None) -> list[EvalReport]:
    """Stream every headline in timestamp order; score the test part (after the first 45%)."""
    docs = load_uci(root)
    if limit:
        docs = docs[:limit]
    pred = run_linker(docs, opts)
    ours = score(*_sub(pred, docs, lambda d: not d.train))
    peer_s, setting = None, ""
    if peer:
        sim = tune_baseline_similarity(docs)
        setting = f"single pass, similarity {sim:.2f} tuned on the first 45%"
        texts = [_text(d.item) for d in docs]
        fit = [_text(d.item) for d in docs if d.train]
        peer_s = score(*_sub(baseline_single_pass(texts, sim, fit), docs, lambda d: not d.train))
    return [EvalReport("UCI headline stream, test part (last 55% of time)", ours, peer_s, setting)]


@dataclass(frozen=True, slots=True)
class DupReport:
    n: int
    gold: int
    flagged: int
    correct: int
    precision: float
    recall: float
    recall_exact: float
    peer_precision: float
    peer_recall: float
    # second gold: copies *or light rewrites* (exact word 5-gram Jaccard >= rewrite_jaccard)
    gold_rewrites: int = 0
    correct_rewrites: int = 0
    precision_rewrites: float = 0.0
    recall_rewrites: float = 0.0
    rewrite_jaccard: float = 0.9

    def lines(self) -> list[str]:
        return [
            "BBC near-duplicates (copies = identical body; 98 also share the headline)",
            f"  sinodesk          P {self.precision:.3f}  R {self.recall:.3f}  (flagged {self.flagged}, "
            f"correct {self.correct}, gold {self.gold}; recall on the 98 exact copies {self.recall_exact:.3f})",
            f"  peer (exact hash of headline+body)  P {self.peer_precision:.3f}  R {self.peer_recall:.3f}",
            f"  copies or light rewrites (exact word 5-gram Jaccard >= {self.rewrite_jaccard:.2f} with an earlier "
            f"article, found exhaustively): gold {self.gold_rewrites}",
            f"  sinodesk          P {self.precision_rewrites:.3f}  R {self.recall_rewrites:.3f}  "
            f"(correct {self.correct_rewrites})",
        ]


def _shingle_sets(items: Sequence[LinkItem], k: int = 5) -> dict[str, set[str]]:
    from ..stages.cluster.dedup import word_sequence

    out = {}
    for it in items:
        w = word_sequence(it.text)
        out[it.story_id] = {" ".join(w[i : i + k]) for i in range(max(1, len(w) - k + 1))}
    return out


def rewrite_pairs(items: Sequence[LinkItem], jaccard: float = 0.9) -> dict[str, set[str]]:
    """Every later article -> the earlier articles whose exact word 5-gram Jaccard reaches ``jaccard``.

    Exhaustive (an inverted index over shingles finds every pair sharing one; the Jaccard is
    then computed exactly), so it is an independent check of the MinHash estimate.
    """
    sets = _shingle_sets(items)
    order = {it.story_id: i for i, it in enumerate(items)}
    postings: dict[str, list[str]] = defaultdict(list)
    out: dict[str, set[str]] = defaultdict(set)
    for it in items:
        sid = it.story_id
        s = sets[sid]
        shared: Counter[str] = Counter()
        for sh in s:
            for other in postings.get(sh, ()):
                shared[other] += 1
        for other, inter in shared.items():
            if inter / (len(s) + len(sets[other]) - inter) >= jaccard and order[other] < order[sid]:
                out[sid].add(other)
        for sh in s:
            postings[sh].append(sid)
    return dict(out)


def eval_bbc_dups(root: Path, opts: EventOptions, *, rewrite_jaccard: float = 0.9) -> DupReport:
    """Near-duplicate precision/recall against two golds.

    Strict gold: a later article whose whitespace-normalised body is identical to an earlier one.
    Rewrite gold: the strict copies plus every later article whose exact word 5-gram Jaccard with an
    earlier one reaches ``rewrite_jaccard`` (the light rewrites the detector is meant to catch: a
    re-cased phrase, a two-word edit).  A flag is correct when it names such an earlier article.
    """
    items, gold = load_bbc(root)
    lk = EventLinker(opts)
    flagged = {}
    for it in items:
        res = lk.add(it)
        if res.duplicate_of is not None:
            flagged[it.story_id] = res.duplicate_of
    body = {it.story_id: " ".join(it.text.split()) for it in items}
    head = {it.story_id: it.headline for it in items}
    correct = sum(1 for s, t in flagged.items() if s in gold and body[t] == body[s])
    exact = {s for s, t in gold.items() if head[s] == head[t]}
    p = correct / len(flagged) if flagged else 0.0
    r = correct / len(gold) if gold else 0.0
    re_ = sum(1 for s in exact if s in flagged) / len(exact) if exact else 0.0
    peer_flag = set()
    seen = set()
    for it in items:
        key = (it.headline, body[it.story_id])
        if key in seen:
            peer_flag.add(it.story_id)
        seen.add(key)
    pp = sum(1 for s in peer_flag if s in gold) / len(peer_flag) if peer_flag else 0.0
    pr = sum(1 for s in peer_flag if s in gold) / len(gold) if gold else 0.0
    rw = rewrite_pairs(items, rewrite_jaccard)
    for s, t in gold.items():
        rw.setdefault(s, set()).add(t)
    ok = sum(1 for s, t in flagged.items() if t in rw.get(s, ()) or (s in gold and body[t] == body[s]))
    return DupReport(len(items), len(gold), len(flagged), correct, p, r, re_, pp, pr, len(rw), ok,
                     ok / len(flagged) if flagged else 0.0, ok / len(rw) if rw else 0.0, rewrite_jaccard)


def _mean(scores: Sequence[ClusterScore]) -> ClusterScore:
    if len(scores) == 1:
        return scores[0]
    f = lambda name: float(np.mean([getattr(s, name) for s in scores]))  # noqa: E731
    return ClusterScore(scores[0].n, scores[0].n_gold, round(f("n_pred")), f("precision"), f("recall"), f("f1"), f("ari"))


# -- tuning on training data only -------------------------------------------------------------
TUNE_TARGETS = ("ecbplus", "uci", "gvc")


def tune(root: Path, base: EventOptions, grid: dict[str, Sequence], *, target: str) -> list[tuple[float, dict]]:
    """Grid search on the training split of ``target``: 'ecbplus' topics 1-35 (two arrival orders),
    'uci' the first 45% of the stream, 'gvc' the validation split (primed with ECB+ topics 1-35).

    Returns (training B-cubed F1, settings) pairs, best first.  Test data is never touched.
    """
    import itertools

    prime: list[str] = []
    if target == "ecbplus":
        seeds = (0, 1)
        splits = [[d for d in load_ecbplus(root, seed=s) if d.train] for s in seeds]
    elif target == "uci":
        splits = [[d for d in load_uci(root) if d.train]]
    elif target == "gvc":
        splits = [load_gvc(root, split="val")]
        prime = _background([d for d in load_ecbplus(root) if d.train])
    else:
        raise BadInput(f"eval events --tune: cannot tune on {target!r} (tune on {', '.join(TUNE_TARGETS)} training data)")
    for key in grid:
        if key not in EventOptions.__dataclass_fields__:
            raise BadInput(f"eval events --tune: {key!r} is not an event option "
                           f"(known: {', '.join(sorted(EventOptions.__dataclass_fields__))})")
    keys = list(grid)
    results = []
    for values in itertools.product(*(grid[k] for k in keys)):
        opts = replace(base, **dict(zip(keys, values)))
        f = float(np.mean([bcubed(run_linker(docs, opts, prime=prime), [d.gold for d in docs])[2] for docs in splits]))
        results.append((f, dict(zip(keys, values))))
    results.sort(key=lambda x: x[0], reverse=True)
    return results


def robust_ranking(results: Sequence[tuple[float, dict]], over: str) -> list[tuple[float, dict]]:
    """Mean training F1 of each setting of the other keys across every value of ``over``: a
    setting that only wins at one threshold is a lucky draw, one that wins across the band is not
    (how ``time_scale_days`` was chosen on GVC validation, where several scales tie at their best)."""
    groups: dict[tuple, list[float]] = defaultdict(list)
    for f, setting in results:
        groups[tuple(sorted((k, v) for k, v in setting.items() if k != over))].append(f)
    ranked = [(float(np.mean(fs)), dict(key)) for key, fs in groups.items()]
    ranked.sort(key=lambda x: x[0], reverse=True)
    return ranked


# -- the learned merge decision (training splits only) ------------------------------------------
def pair_examples(docs: Sequence[EvalDoc], opts: EventOptions, *, prime: Sequence[str] = ()
                  ) -> tuple[list[list[float]], list[int], list[bool]]:
    """Teacher-forced replay: story-vs-candidate pair features, labels and the story's ``short`` flag.

    Each story (in arrival order) is compared with the candidate events the index retrieves
    (label 1 when the candidate is its gold event), then joins its gold event, so the events
    seen by later stories are clean.  Run only on training splits.
    """
    lk = EventLinker(replace(opts, decision="score", decision_short="score"))
    if prime:
        lk.prime(prime)
    gold_event: dict[str, object] = {}
    x: list[list[float]] = []
    y: list[int] = []
    short: list[bool] = []
    for d in sorted(docs, key=lambda d: d.order):
        feats = lk.features(d.item)
        target = gold_event.get(d.gold)
        for ev in lk.candidates(feats):
            x.append(lk.pair(feats, ev))
            y.append(int(ev is target))
            short.append(feats.short)
        if target is None:
            target = gold_event[d.gold] = lk._new_event(d.item.story_id)
        lk._join(target, feats, d.item.story_id)
    return x, y, short


def fit_merge_models(root: Path, opts: EventOptions, *, out: Path | None = None,
                     grid: Sequence[float] = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)) -> dict:
    """Fit the 'full' model on ECB+ topics 1-35 and the 'short' one on the first 45% of UCI; pick each
    model's probability cut by online B-cubed F1 on the same training data; write the JSON to ``out``.
    """
    from ..stages.cluster.decision import FEATURES, MODEL_PATH, fit_logistic, load_models

    ecb = [[d for d in load_ecbplus(root, seed=s) if d.train] for s in (0, 1)]
    x, y = [], []
    for i, docs in enumerate(ecb):
        xi, yi, _ = pair_examples(docs, opts, prime=[_text(d.item) for d in docs] if i else ())
        x += xi
        y += yi
    full = fit_logistic(x, y)
    uci = [d for d in load_uci(root) if d.train]
    xs, ys, _ = pair_examples(uci, opts)
    short = fit_logistic(xs, ys)
    path = Path(out) if out else MODEL_PATH
    doc = {
        "comment": "Learned merge decision of sinodesk.stages.cluster (see decision.py). 'full': fitted on ECB+ "
                   "topics 1-35 only (CC BY 3.0); 'short' (headline-only stories): fitted on the first 45% of "
                   "the UCI news aggregator sample only (CC BY 4.0). Test splits never read. Refit: "
                   "sinodesk eval events --fit-model",
        "features": list(FEATURES),
        "n_pairs": {"full": len(y), "full_positive": sum(y), "short": len(ys), "short_positive": sum(ys)},
        "models": {"full": full.to_json(), "short": short.to_json()},
    }
    tuned = {}
    for kind, key, splits in (("full", "merge_prob", ecb), ("short", "merge_prob_short", [uci])):
        best = (-1.0, 0.5)
        for cut in grid:
            path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
            load_models.cache_clear()
            o = replace(opts, decision="learned", decision_short="learned", model_path=str(path), **{key: cut})
            f = float(np.mean([bcubed(run_linker(s, o), [d.gold for d in s])[2] for s in splits]))
            tuned[f"{kind} {cut}"] = round(f, 4)
            best = max(best, (f, cut))
        doc["models"][kind]["threshold"] = best[1]
        doc["train_f1"] = {**doc.get("train_f1", {}), kind: round(best[0], 4)}
    path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    load_models.cache_clear()
    doc["grid"] = tuned
    return doc
