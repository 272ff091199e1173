"""What the Chinese name stage finds on unlabelled headlines, to compare two versions of the extractor.

    python tools/zh_names_audit.py dump --n 3000 > /tmp/a.jsonl          # this checkout's entities
    PYTHONPATH=/path/to/other/checkout python /path/to/other/checkout/tools/zh_names_audit.py dump --n 3000 > /tmp/b.jsonl
    python tools/zh_names_audit.py diff /tmp/b.jsonl /tmp/a.jsonl          # what changed, in context

Items are THUCNews headlines of the dev split outside the held-out pool (``in_heldout_pool``) and outside
every development gold set (``dev``, ``devzh``-``devzh4``), taken in a fixed seeded order: text nobody
labelled, for reading what a rule adds or takes away.  The stage is called directly
(``stages.extract.extract`` on one story spanning the headline).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _items(shared: Path, n: int, seed: int) -> list[tuple[str, str]]:
    from sinodesk.eval.public_items import in_heldout_pool

    gold = Path(__file__).resolve().parents[1] / "sinodesk/eval/gold/extract"
    labelled = set()
    for name in ("dev", "devzh", "devzh2", "devzh3", "devzh4"):
        for f in (gold / name).glob("*.jsonl"):
            labelled |= {(d["dataset"], d["id"]) for d in (json.loads(x) for x in f.read_text(encoding="utf-8").splitlines() if x.strip())}
    out = []
    with open(shared / "eval/thucnews-headlines-zh/dev.txt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            key = ("thucnews", f"dev:{i}")
            if line.strip() and not in_heldout_pool(*key) and key not in labelled:
                out.append((f"dev:{i}", line.rsplit("\t", 1)[0].strip()))
    random.Random(seed).shuffle(out)
    return out[:n]


def dump(args) -> None:
    from sinodesk.records import Document, Segment
    from sinodesk.stages.extract import ExtractOptions, extract

    opts = ExtractOptions(attributions=False, numbers=False, dates=False)
    for key, text in _items(args.shared, args.n, args.seed):
        doc = Document(doc_id=key, raw_id=key, source=key, kind="text", text=text)
        ex = extract(doc, Segment(0, len(text), text), "zh", opts)
        ents = [(e.start, e.end, e.label) for e in ex.entities]
        print(json.dumps({"id": key, "text": text, "ents": ents}, ensure_ascii=False))


def diff(args) -> None:
    a = {d["id"]: d for d in map(json.loads, open(args.a, encoding="utf-8"))}
    b = {d["id"]: d for d in map(json.loads, open(args.b, encoding="utf-8"))}
    added = removed = changed = 0
    for key in a:
        text = a[key]["text"]
        old = {tuple(x) for x in a[key]["ents"]}
        new = {tuple(x) for x in b[key]["ents"]}
        if old == new:
            continue
        changed += 1
        print(f"{key:12} {text}")
        for sign, group in (("-", old - new), ("+", new - old)):
            for s, e, label in sorted(group):
                print(f"    {sign} {label:8} {text[s:e]}")
                added += sign == "+"
                removed += sign == "-"
    print(f"{len(a)} headlines, {changed} changed: {removed} entities removed, {added} added")


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--n", type=int, default=3000)
    d.add_argument("--seed", type=int, default=19)
    d.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    d.set_defaults(fn=dump)
    f = sub.add_parser("diff")
    f.add_argument("a")
    f.add_argument("b")
    f.set_defaults(fn=diff)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
