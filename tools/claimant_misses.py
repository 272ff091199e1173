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
from sinodesk.stages.incidents.rules import sentences  # noqa: E402

HELD_OUT = ("test", "heldout2")


def _stories_of(it: dict, texts: G.Texts, by_line, by_source, line_of) -> list[dict]:
    if it["dataset"] == "seeds":
        name, _, anchor = it["id"].partition("#")
        whole = (texts.shared / "seeds" / name).read_text(encoding="utf-8")
        s = whole.index(anchor)
        e = whole.index(it["anchor_end"], s) + len(it["anchor_end"])
        return [st for st in by_source.get(name, []) if st["start"] < e and st["end"] > s]
    return by_line.get(line_of[(it["dataset"], it["id"])], [])


def causes(split: str, shared: str) -> list[tuple[str, str, str]]:
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
    for it in items:
        incs = [i for st in _stories_of(it, texts, by_line, by_source, line_of) for i in st["incidents"]]
        pred = E.pred_values(incs)
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
    return out


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
    rows = causes(args.set, args.data)
    for cause, n in Counter(c for _w, _g, c in rows).most_common():
        print(f"{cause:<18}{n:>4}")
    print(f"{'missed':<18}{len(rows):>4}")
    if args.items:
        for where, name, cause in rows:
            print(f"{cause:<18} {where} {name!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
