"""What the name stage finds on unlabelled news, to compare two versions of the extractor.

    python tools/names_audit.py dump --n 400 > /tmp/a.jsonl            # this checkout's entities
    PYTHONPATH=/path/to/other/checkout python /path/to/other/checkout/tools/names_audit.py dump --n 400 > /tmp/b.jsonl
    python tools/names_audit.py diff /tmp/b.jsonl /tmp/a.jsonl          # what changed, in context
    python tools/names_audit.py dump --lang zh --n 3000 > /tmp/zh.jsonl # Chinese headlines instead
    python tools/names_audit.py dump --what attributions --n 2000 > /tmp/at.jsonl  # who is cited instead

English items (``--lang en``) are BBC and AG News texts outside the held-out pool (``in_heldout_pool``)
and outside the dev gold set; Chinese items (``--lang zh``) are THUCNews dev headlines outside the
held-out pool and every development gold set (``dev``, ``devzh``-``devzh4``).  Both are taken in a
fixed seeded order: text nobody labelled, for reading what a rule adds or takes away.  With
``--what attributions`` a quarter of the English items are ECB+ and GVC documents outside the
held-out pool and every gold set instead.  The stage is called directly (``stages.extract.extract``
on one story spanning the text).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))  # after PYTHONPATH: another checkout's code can be dumped with this file
import sinodesk  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "sinodesk/eval/gold/extract"


def _labelled(*sets: str) -> set[tuple[str, str]]:
    keys = set()
    for name in sets:
        for f in (GOLD / name).glob("*.jsonl"):
            keys |= {(d["dataset"], d["id"]) for d in (json.loads(x) for x in f.read_text(encoding="utf-8").splitlines() if x.strip())}
    return keys


def _items_en(shared: Path, n: int, seed: int) -> list[tuple[str, str]]:
    from sinodesk.eval.public_items import in_heldout_pool

    dev = _labelled("dev")
    out = []
    with open(shared / "eval/bbc-news-topics/bbc_news.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out.append(("bbc", d["id"], f"{d.get('title') or ''}\n\n{d.get('text') or ''}"))
    with open(shared / "eval/ag-news-test/test.csv", encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            out.append(("agnews", str(i), f"{row.get('Title') or row.get('title') or ''}\n\n{row.get('Description') or row.get('description') or ''}"))
    out = [x for x in out if not in_heldout_pool(x[0], x[1]) and (x[0], x[1]) not in dev]
    random.Random(seed).shuffle(out)
    bbc = [x for x in out if x[0] == "bbc"][: n // 2]
    ag = [x for x in out if x[0] == "agnews"][: n - len(bbc)]
    return [(f"{d}:{i}", t) for d, i, t in bbc + ag]


def _items_zh(shared: Path, n: int, seed: int) -> list[tuple[str, str]]:
    from sinodesk.eval.public_items import in_heldout_pool

    labelled = _labelled("dev", "devzh", "devzh2", "devzh3", "devzh4")
    out = []
    with open(shared / "eval/thucnews-headlines-zh/dev.txt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            key = ("thucnews", f"dev:{i}")
            if line.strip() and not in_heldout_pool(*key) and key not in labelled:
                out.append((f"dev:{i}", line.rsplit("\t", 1)[0].strip()))
    random.Random(seed).shuffle(out)
    return out[:n]


def _items_events(shared: Path, n: int, seed: int) -> list[tuple[str, str]]:
    """ECB+ and GVC documents outside the held-out pool and the dev gold set, in a seeded order."""
    from sinodesk.eval.public_items import in_heldout_pool

    labelled = _labelled("dev")
    docs = []
    for folder, fname, title in (("ecbplus-event-clusters", "ecbplus_docs.jsonl", False), ("gvc-event-clusters-subset", "gvc_docs.jsonl", True)):
        ds = "ecbplus" if folder.startswith("ecb") else "gvc"
        with open(shared / "eval" / folder / fname, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                key = (ds, d["doc_id"])
                if in_heldout_pool(*key) or key in labelled:
                    continue
                text = f"{d.get('title') or ''}\n\n{d['text']}" if title else d["text"]
                docs.append((f"{ds}:{d['doc_id']}", text))
    random.Random(seed).shuffle(docs)
    return docs[:n]


def dump(args) -> None:
    from sinodesk.records import Document, Segment
    from sinodesk.stages.extract import ExtractOptions, extract

    print(f"dumping with {Path(sinodesk.__file__).parent}", file=sys.stderr)
    seed = args.seed if args.seed is not None else (19 if args.lang == "zh" else 18)
    if args.what == "attributions":
        opts = ExtractOptions(numbers=False, dates=False)
        n_docs = args.n // 4
        events = _items_events(args.shared, n_docs, seed)
        items = _items_en(args.shared, args.n - len(events), seed) + events
    else:
        opts = ExtractOptions(attributions=False, numbers=False, dates=False)
        items = (_items_zh if args.lang == "zh" else _items_en)(args.shared, args.n, seed)
    for key, text in items:
        doc = Document(doc_id=key, raw_id=key, source=key, kind="text", text=text)
        ex = extract(doc, Segment(0, len(text), text), args.lang, opts)
        if args.what == "attributions":
            facts = [(a.start, a.end, a.source, f"<{a.cue}>") for a in ex.attributions]
        else:
            facts = [(e.start, e.end, e.label) for e in ex.entities]
        print(json.dumps({"id": key, "text": text, "facts": facts}, ensure_ascii=False))


def diff(args) -> None:
    a = {d["id"]: d for d in map(json.loads, open(args.a, encoding="utf-8"))}
    b = {d["id"]: d for d in map(json.loads, open(args.b, encoding="utf-8"))}
    added = removed = changed = 0
    for key in a:
        text = a[key]["text"]
        old = {tuple(x) for x in a[key]["facts"]}
        new = {tuple(x) for x in b[key]["facts"]}
        changed += old != new
        for sign, group in (("-", old - new), ("+", new - old)):
            for s, e, *what in sorted(group):
                ctx = f"{text[max(0, s - 50) : s]}[[{text[s:e]}]]{text[e : e + 40]}".replace("\n", " ")
                print(f"{sign} {' '.join(what):24} {key:18} {ctx}")
                added += sign == "+"
                removed += sign == "-"
    print(f"{len(a)} items, {changed} changed: {removed} facts removed, {added} added")


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--lang", choices=("en", "zh"), default="en")
    d.add_argument("--what", choices=("entities", "attributions"), default="entities",
                   help="the names the stage finds, or the sources it cites (English)")
    d.add_argument("--n", type=int, default=400)
    d.add_argument("--seed", type=int, default=None, help="order of the draw (default: 18 for en, 19 for zh)")
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
