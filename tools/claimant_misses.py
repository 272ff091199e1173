"""Why gold attribution claimants are missed: counts by cause, through the product path.

    python tools/claimant_misses.py --set tune3 --items     # each missed claimant with its cause (tune sets only)
    python tools/claimant_misses.py --set heldout2          # counts only: the held-out sets stay unseen item by item

Each gold claimant that ``sinodesk eval incidents`` counts as missed gets one cause, the first that holds:

* ``no-record``: the stage reported no incident for the item at all;
* ``other-role``: the name is predicted, but as a victim or an attacker of the item;
* ``form``: a claimant is predicted whose words overlap the gold name's, but the eval's name match fails
  (matching, not extraction);
* ``speaker-no-claim``: the claimant finder finds the speaker in the gold span's sentence (read alone), but no
  claim was made of it (no actor, no claim cue, a hypothetical ...);
* ``not-found``: the claimant finder does not find the speaker in that sentence (extraction).

Missed technique ids are counted the same way (``technique:``): ``no-record``, ``phrase-found-not-kept`` (a phrase row finds
the id on the gold span's sentence read alone, but the record does not carry it), ``phrase-found-other-sub-id`` / ``other-id``,
``no-phrase`` (no row finds anything there: the phrase table lacks the wording).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sinodesk.eval import incidents as E  # noqa: E402
from sinodesk.eval import incidents_gold as G  # noqa: E402
from sinodesk.eval.harness import ingest_fresh  # noqa: E402
from sinodesk.stages.incidents import default_tables  # noqa: E402
from sinodesk.stages.incidents.actors import find_claimants  # noqa: E402
from sinodesk.stages.incidents.rules import find_techniques, sentences  # noqa: E402

HELD_OUT = ("test", "heldout2")


def _stories_of(it: dict, texts: G.Texts, by_line, by_source, line_of) -> list[dict]:
    if it["dataset"] == "seeds":
        name, _, anchor = it["id"].partition("#")
        whole = (texts.shared / "seeds" / name).read_text(encoding="utf-8")
        s = whole.index(anchor)
        e = whole.index(it["anchor_end"], s) + len(it["anchor_end"])
        return [st for st in by_source.get(name, []) if st["start"] < e and st["end"] > s]
    return by_line.get(line_of[(it["dataset"], it["id"])], [])


def causes(split: str, shared: str) -> tuple[list[tuple[str, str, str]], E.Report]:
    """The missed claimants with their causes, and the eval's per-field scores of the same ingest (one read of the set)."""
    texts = G.Texts(shared)
    items = G.load(split)
    tmp = Path(tempfile.mkdtemp(prefix="sinodesk-claimant-misses-"))
    try:
        paths, line_of = E._inputs(items, texts, tmp)
        run = ingest_fresh(paths)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    by_line = run.by_line()
    by_source = {Path(src).name: stories for src, stories in run.by_source().items()}
    t = default_tables()
    out = []
    rep = E.Report(split=split)
    for it in items:
        incs = [i for st in _stories_of(it, texts, by_line, by_source, line_of) for i in st["incidents"]]
        pred = E.pred_values(incs)
        rep.items += 1
        E.score_item(rep, f"{it['dataset']}:{it['id']}", E.gold_values(it), pred)
        golds = [a["claimant"] for i in it["incidents"] for a in i["attributions"] if a.get("claimant")]
        seen = set()
        _tp, missed, _extra = E._match_names(E.gold_values(it)["claimant"], pred["claimant"])
        text = texts.text(it) if it["dataset"] != "seeds" else None
        for g in golds:
            if g["text"] not in missed or g["text"].casefold() in seen:
                continue
            seen.add(g["text"].casefold())
            where = f"{it['dataset']}:{it['id']}"
            if not incs:
                out.append((where, g["text"], "no-record"))
            elif any(E.names_match(g["text"], p) for p in pred["victim"] + pred["attacker"]):
                out.append((where, g["text"], "other-role"))
            elif any(set(E.tokens(g["text"])) & set(E.tokens(p)) - {"the", "a", "an", "of"} for p in pred["claimant"]):
                out.append((where, g["text"], "form"))
            else:
                out.append((where, g["text"], _finder(text, g, t, it["language"] == "zh")))
        for g in (x for i in it["incidents"] for x in i["techniques"]):
            if g["id"] in pred["technique"]:
                continue
            where = f"{it['dataset']}:{it['id']}"
            out.append((where, g["id"], "technique:" + ("no-record" if not incs else _technique_cause(text, g, t, it["language"] == "zh"))))
    return out, rep


def _technique_cause(text: str | None, g: dict, t, zh: bool) -> str:
    """A missed technique id: does a phrase row find it on the gold span's sentence read alone?"""
    sp = g.get("span") or {}
    if text is None or sp.get("start") is None:
        return "unknown"
    for a, b in sentences(text, 0, len(text)):
        if a <= sp["start"] < b:
            ids = {h.value for h in find_techniques(text, a, b, t, zh)}
            if g["id"] in ids:
                return "phrase-found-not-kept"
            if any(i.split(".")[0] == g["id"].split(".")[0] for i in ids):
                return "phrase-found-other-sub-id"
            return "phrase-found-other-id" if ids else "no-phrase"
    return "unknown"


def _finder(text: str | None, g: dict, t, zh: bool) -> str:
    """Whether the claimant finder, on the gold span's sentence read alone, finds a speaker over the gold span."""
    if text is None:  # a seed story: its offsets point into the item text, rebuilt the same way
        return "speaker-unknown"
    for a, b in sentences(text, 0, len(text)):
        if a <= g["start"] < b:
            hits = find_claimants(text, a, b, t, (), (), zh)
            return "speaker-no-claim" if any(h.start < g["end"] and g["start"] < h.end for h in hits) else "not-found"
    return "not-found"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="tune", choices=G.SPLITS + G.EXTRA_TUNE + G.HELDOUT)
    ap.add_argument("--data", default="../shared")
    ap.add_argument("--items", action="store_true", help="list each missed claimant (tune sets only)")
    args = ap.parse_args(argv)
    if args.items and args.set in HELD_OUT:
        print(f"--items lists held-out items: refused for {args.set!r} (counts only)", file=sys.stderr)
        return 2
    rows, rep = causes(args.set, args.data)
    for line in rep.lines()[2:]:
        if not line.startswith("merge_pairs"):  # the seeds' unlabelled stories and merging are scored by the eval itself
            print(line)
    for what, mine in (("claimant", [r for r in rows if not r[2].startswith("technique:")]),
                       ("technique", [r for r in rows if r[2].startswith("technique:")])):
        print(f"missed {what}s: {len(mine)}")
        for cause, n in Counter(c.removeprefix("technique:") for _w, _g, c in mine).most_common():
            print(f"  {cause:<26}{n:>4}")
    if args.items:
        for where, name, cause in rows:
            print(f"{cause:<18} {where} {name!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
