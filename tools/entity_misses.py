"""Why gold entities are missed: counts by kind, through the product path (English by default).

    python tools/entity_misses.py --set dev --items      # each miss with its kind (tune/dev sets only)
    python tools/entity_misses.py --set heldout          # counts only: held-out sets stay unseen item by item

Each gold entity that ``sinodesk eval extract`` counts as missed gets one kind, the first that holds:

* ``wrong-type``: the same text is predicted, with another label;
* ``boundary``: a prediction overlaps the gold mention's words (one's words are a run of the other's) but
  the text differs ("Barclays" for "Barclays Capital");
* ``not-found``: nothing predicted overlaps it.

Predictions the gold set does not hold (``extra``) are counted the same way: ``wrong-type``, ``boundary``,
``spurious`` (no gold entity shares a word).  Counts are also given by the gold label's class.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sinodesk.eval.extract import HELDOUT, entity_class, load_set, norm, run_items, surfaces_match  # noqa: E402


def classify(gold: list[tuple[tuple[str, ...], str]], pred: list[tuple[str, str]]):
    """(kind, gold-or-pred) for each missed gold entity and each extra prediction."""
    left = list(pred)
    missed = []
    for g in gold:
        k = next((i for i, p in enumerate(left) if p[0] in g[0] and p[1] == g[1]), None)
        if k is None:
            missed.append(g)
        else:
            left.pop(k)
    out = []
    for g in missed:
        if any(p[1] == g[1] for p in pred):
            out.append(("miss", "wrong-type", g))
        elif any(surfaces_match(p[1], g[1]) for p in pred):
            out.append(("miss", "boundary", g))
        else:
            out.append(("miss", "not-found", g))
    for p in left:
        if any(p[1] == g[1] for g in gold):
            out.append(("extra", "wrong-type", p))
        elif any(surfaces_match(p[1], g[1]) for g in gold):
            out.append(("extra", "boundary", p))
        else:
            out.append(("extra", "spurious", p))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="dev")
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--items", action="store_true", help="list each miss (refused for held-out sets)")
    args = ap.parse_args()
    if args.items and args.set in HELDOUT:
        sys.exit("--items lists a held-out set's misses one by one: counts only for held-out sets")
    items = [g for g in load_set(args.set, args.data) if g.kind == "public" and g.lang == args.lang]
    produced = run_items(items)
    kinds, by_class = Counter(), Counter()
    n_gold = 0
    for g in items:
        opt = {(entity_class(e["label"]), norm(e["text"])) for e in (g.labels.get("optional") or {}).get("entities", [])}
        gold = sorted({(tuple(sorted({entity_class(x) for x in [e["label"], *e.get("alt_labels", ())]})), norm(e["text"]))
                       for e in g.labels.get("entities", [])})
        pred = sorted({(entity_class(e["label"]), norm(e["text"])) for e in produced[g.id].facts("entities")} - opt)
        n_gold += len(gold)
        for side, kind, x in classify(gold, pred):
            kinds[side, kind] += 1
            if side == "miss":
                by_class[x[0][0], kind] += 1
            else:
                by_class["extra:" + x[0], kind] += 1
            if args.items:
                other = [p for p in pred if p[1] == x[1] or surfaces_match(p[1], x[1])] if side == "miss" else []
                print(f"{g.id}\t{side}\t{kind}\t{x}\t{other}")
    print(f"{args.set} ({args.lang}): {len(items)} items, {n_gold} gold entities")
    for (side, kind), c in sorted(kinds.items()):
        print(f"  {side:5} {kind:11} {c}")
    for (cls, kind), c in sorted(by_class.items()):
        print(f"    {cls:14} {kind:11} {c}")


if __name__ == "__main__":
    main()
