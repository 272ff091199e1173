"""``sinodesk eval events``: each labelled set through ingest into a fresh archive, in several arrival
orders, scored on what ``export`` gives back, with the peer baseline beside it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from . import baselines
from .metrics import ClusterScore, mean_score, score
from .run import Config, link
from .sets import ORDERS, EvalItem, arrange, load_ecbplus, load_gvc, load_uci


@dataclass(frozen=True, slots=True)
class EvalReport:
    name: str
    ours: ClusterScore  # mean over the arrival orders
    peer: ClusterScore | None
    peer_setting: str
    by_order: dict[str, ClusterScore] = field(default_factory=dict)
    note: str = ""

    @property
    def worst(self) -> ClusterScore:
        return min(self.by_order.values(), key=lambda s: s.f1) if self.by_order else self.ours

    def lines(self) -> list[str]:
        what = "mean over orders" if len(self.by_order) > 1 else "through ingest"
        out = [self.name, f"  sinodesk ({what})  {self.ours.line()}"]
        if len(self.by_order) > 1:
            out.append("  by arrival order   " + "  ".join(f"{k} {v.f1:.3f}" for k, v in self.by_order.items())
                       + f"  (worst {self.worst.f1:.3f})")
        if self.note:
            out.append(f"  {self.note}")
        if self.peer is not None:
            out.append(f"  peer baseline      {self.peer.line()}  [{self.peer_setting}]")
        return out


Keep = Callable[[EvalItem], bool]


def _scored(items: Sequence[EvalItem], opts: Config, orders: Sequence[str],
            parts: dict[str, Keep]) -> tuple[dict[str, dict[str, ClusterScore]], Counter]:
    """Ingest ``items`` once per arrival order; score each part (name -> which items count) per order."""
    out: dict[str, dict[str, ClusterScore]] = defaultdict(dict)
    health: Counter = Counter()
    for order in orders:
        arranged = arrange(items, order)
        linked = link(arranged, opts)
        labels = linked.labels()
        health["rejected"] = max(health["rejected"], len(linked.rejected))
        health["split"] = max(health["split"], linked.split_lines)
        for name, keep in parts.items():
            idx = [i for i, it in enumerate(arranged) if keep(it)]
            out[name][order] = score([labels[i] for i in idx], [arranged[i].gold for i in idx])
    return out, health


def _note(health: Counter) -> str:
    bits = [f"{health['rejected']} lines rejected" if health["rejected"] else "",
            f"{health['split']} lines cut into several stories (first story scored)" if health["split"] else ""]
    return "; ".join(b for b in bits if b)


def _peer_for(items: Sequence[EvalItem], keep: Keep, distance: float) -> ClusterScore:
    labels = baselines.agglomerative([baselines.text_of(d) for d in items], distance)
    idx = [i for i, d in enumerate(items) if keep(d)]
    return score([labels[i] for i in idx], [items[i].gold for i in idx])


def eval_ecbplus(root, opts: Config = None, *, peer: bool = True,
                 orders: Sequence[str] = ORDERS, with_all: bool = True) -> list[EvalReport]:
    """Held-out test topics 36-45 in every arrival order; training topics 1-35 (tuned on) and all
    topics in file order (``with_all`` False: not all topics, a quicker check).  Each run is its own
    fresh archive."""
    items = load_ecbplus(root)
    test = [d for d in items if not d.train]
    train = [d for d in items if d.train]
    runs = [("ECB+ test topics 36-45 (held out)", test, orders),
            ("ECB+ training topics 1-35 (tuned on)", train, ("file",)),
            ("ECB+ all topics", items, ("file",))][: 3 if with_all else 2]
    dist = baselines.tune_distance(train) if peer else 0.0
    setting = f"distance {dist:.2f} tuned on topics 1-35"
    reports = []
    for name, part, ords in runs:
        got, health = _scored(part, opts, ords, {"all": lambda d: True})
        reports.append(EvalReport(name, mean_score(list(got["all"].values())),
                                  _peer_for(part, lambda d: True, dist) if peer else None, setting, got["all"],
                                  _note(health)))
    return reports


def eval_gvc(root, opts: Config = None, *, peer: bool = True,
             orders: Sequence[str] = ORDERS) -> list[EvalReport]:
    """The whole subset as one dated stream in every arrival order, scored on all of it, on its
    validation split (where ``time_scale_days`` was chosen) and on its held-out test split."""
    items = load_gvc(root)
    parts: dict[str, Keep] = {"GVC subset (all shootings)": lambda d: True,
                              "GVC validation split (tuned on)": lambda d: d.train,
                              "GVC test split (held out)": lambda d: not d.train}
    got, health = _scored(items, opts, orders, parts)
    dist = baselines.tune_distance([d for d in load_ecbplus(root) if d.train]) if peer else 0.0
    setting = f"distance {dist:.2f} tuned on ECB+ topics 1-35"
    return [EvalReport(name, mean_score(list(got[name].values())), _peer_for(items, keep, dist) if peer else None,
                       setting, got[name], _note(health) if i == 0 else "")
            for i, (name, keep) in enumerate(parts.items())]


def eval_uci(root, opts: Config = None, *, peer: bool = True, limit: int | None = None) -> list[EvalReport]:
    """Every headline as a title-only line in timestamp order; scored on the test part (after the
    first 45% of the time range).  ``limit``: only the first N headlines (a quicker check)."""
    items = load_uci(root)[:limit] if limit else load_uci(root)
    keep: Keep = lambda d: not d.train  # noqa: E731
    got, health = _scored(items, opts, ("file",), {"test": keep})
    peer_s, setting = None, ""
    if peer:
        sim = baselines.tune_similarity([d for d in items if d.train])
        setting = f"single pass, similarity {sim:.2f} tuned on the first 45%"
        texts = [baselines.text_of(d) for d in items]
        labels = baselines.single_pass(texts, sim, [t for t, d in zip(texts, items) if d.train])
        idx = [i for i, d in enumerate(items) if keep(d)]
        peer_s = score([labels[i] for i in idx], [items[i].gold for i in idx])
    return [EvalReport("UCI headline stream, test part (last 55% of time; title-only lines)", got["test"]["file"],
                       peer_s, setting, got["test"], _note(health))]
