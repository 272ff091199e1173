"""Why gold attributions are missed (and extra ones made): counts by kind, through the product path.

    python tools/attribution_misses.py --set dev --items     # each miss with its kind (tune/dev sets only)
    python tools/attribution_misses.py --set seeds,written,dev,devzh,devzh2,devzh3
    python tools/attribution_misses.py --set heldout         # counts only: held-out sets stay unseen item by item

Scoring is ``sinodesk eval extract``'s strict matcher.  Each missed gold attribution gets one kind, the
first that holds:

* ``cut-or-canonical``: a prediction matches it loosely (whole tokens) but not strictly -- an outlet
  cut short ("Wall Street" for "the Wall Street Journal"), a canonical name that is not the gold source;
* ``no-entity``: the gold name (source or text) is not the text of any predicted entity of the story --
  the name model missed the speaker, so no cue rule could tie it;
* ``entity-no-cue``: the name is an entity but no cue rule tied it.

Each is also given the shape of its cue, read from the gold offsets where the item has them (public
items): ``zh`` (Chinese), ``headline`` (first line), ``according``, ``told``, ``verb-after`` ("said X"),
``verb-before`` ("X said"), ``other``.  Extra predictions are ``loose`` (they loosely match a gold item),
``named-elsewhere`` (their surface is a gold source of another mention: a double count), ``spurious``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sinodesk.eval.extract import HELDOUT, _attr_strict, load_set, norm, run_items, surfaces_match  # noqa: E402

_HAN = re.compile(r"[\u4e00-\u9fff]")


def cue_shape(g: dict, text: str | None) -> str:
    if _HAN.search(g.get("source") or ""):
        return "zh"
    cue = (g.get("cue") or "").lower()
    if text is None or "start" not in g:
        return "no-offsets"
    if text.find("\n", 0, g["start"]) < 0 and "\n" in text:
        return "headline"
    if "according" in cue:
        return "according"
    if cue in ("told", "tells", "telling"):
        return "told"
    before = text[max(0, g["start"] - 40) : g["start"]].lower()
    if cue and re.search(re.escape(cue) + r"\W+(?:[\w.-]+\W+){0,5}$", before):
        return "verb-after"
    if cue:
        return "verb-before"
    return "other"


def classify(gold: list[dict], pred: list[tuple[str, str]], ents: set[str], text: str | None):
    """(side, kind, shape, item) for each missed gold attribution and each extra prediction."""
    left = list(pred)
    missed = []
    for g in gold:
        key = (g["source"], g.get("text"))
        k = next((i for i, p in enumerate(left) if _attr_strict(key, p)), None)
        if k is None:
            missed.append(g)
        else:
            left.pop(k)
    out = []
    for g in missed:
        names = {norm(g["source"]), norm(g.get("text") or "")} - {""}
        shape = cue_shape(g, text)
        if any(surfaces_match(p[1], g.get("text") or g["source"]) or surfaces_match(p[0], g["source"]) for p in left):
            out.append(("miss", "cut-or-canonical", shape, g))
        elif not names & ents:
            out.append(("miss", "no-entity", shape, g))
        else:
            out.append(("miss", "entity-no-cue", shape, g))
    gold_names = {norm(g["source"]) for g in gold} | {norm(g.get("text") or "") for g in gold}
    for p in left:
        if any(surfaces_match(p[1], g.get("text") or g["source"]) or surfaces_match(p[0], g["source"]) for g in missed):
            out.append(("extra", "loose", "", p))
        elif norm(p[0]) in gold_names or norm(p[1]) in gold_names:
            out.append(("extra", "named-elsewhere", "", p))
        else:
            out.append(("extra", "spurious", "", p))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="dev", help="one set or several, comma-separated")
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--items", action="store_true", help="list each miss (refused for held-out sets)")
    args = ap.parse_args()
    names = args.set.split(",")
    if args.items and any(n in HELDOUT for n in names):
        sys.exit("--items lists a held-out set's misses one by one: counts only for held-out sets")
    for name in names:
        items = load_set(name, args.data)
        produced = run_items(items)
        kinds, shapes = Counter(), Counter()
        n_gold = 0
        for g in items:
            prod = produced[g.id]
            public = g.kind == "public"
            text = g.item.text if public else None
            gold = [dict(a) for a in g.labels.get("attributions", [])] if public else [{"source": a} for a in g.labels.get("attributions", [])]
            opt = [(a["source"], a.get("text")) for a in (g.labels.get("optional") or {}).get("attributions", [])]
            pred = []
            for a in prod.facts("attributions"):
                p = (a["source"], a["text"])
                k = next((i for i, o in enumerate(opt) if _attr_strict(o, p)), None)
                if k is None:
                    pred.append(p)
                else:
                    opt.pop(k)
            ents = {norm(e["text"]) for e in prod.facts("entities")} | {norm(e.get("canonical_name") or "") for e in prod.facts("entities")}
            n_gold += len(gold)
            for side, kind, shape, x in classify(gold, pred, ents, text):
                kinds[side, kind] += 1
                if side == "miss":
                    shapes[kind, shape] += 1
                if args.items:
                    ctx = ""
                    if side == "miss" and text is not None and "start" in x:
                        ctx = text[max(0, x["start"] - 70) : x["end"] + 50].replace("\n", " / ")
                    item = (x["source"], x.get("text"), x.get("cue")) if side == "miss" else x
                    print(f"{g.id}\t{side}\t{kind}\t{shape}\t{item}\t{ctx}")
        print(f"{name}: {len(items)} items, {n_gold} gold attributions")
        for (side, kind), c in sorted(kinds.items()):
            print(f"  {side:5} {kind:17} {c}")
        for (kind, shape), c in sorted(shapes.items()):
            print(f"    {kind:17} {shape:12} {c}")


if __name__ == "__main__":
    main()
