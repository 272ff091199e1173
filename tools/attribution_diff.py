"""What the attribution rules find on unlabelled English news, to compare two versions of the extractor.

    python tools/attribution_diff.py dump --n 2000 > /tmp/b.jsonl       # this checkout's attributions
    PYTHONPATH=/path/to/main python tools/attribution_diff.py dump --n 2000 > /tmp/a.jsonl  # main's code
    python tools/attribution_diff.py diff /tmp/a.jsonl /tmp/b.jsonl      # what changed, in context

Items: BBC and AG News texts of ``tools/names_audit.py`` (outside the held-out pool and the dev gold
set, in its seeded order) and ECB+ and GVC documents outside the held-out pool and every gold set.
The stage is called directly (``stages.extract.extract`` on one story spanning the text).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1]))  # (after PYTHONPATH: another checkout's code can be dumped with this file)
import sinodesk  # noqa: E402,F401  (bound before names_audit puts this checkout first)

GOLD = Path(__file__).resolve().parents[1] / "sinodesk/eval/gold/extract"


def _items(shared: Path, n: int, seed: int) -> list[tuple[str, str]]:
    from sinodesk.eval.public_items import in_heldout_pool

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from names_audit import _items_en, _labelled

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
    n_docs = min(len(docs), n // 4)
    return _items_en(shared, n - n_docs, seed) + docs[:n_docs]


def dump(args) -> None:
    from sinodesk.records import Document, Segment
    from sinodesk.stages.extract import ExtractOptions, extract

    opts = ExtractOptions(numbers=False, dates=False)
    print(f"dumping with {Path(sinodesk.__file__).parent}", file=sys.stderr)
    for key, text in _items(args.shared, args.n, args.seed):
        doc = Document(doc_id=key, raw_id=key, source=key, kind="text", text=text)
        ex = extract(doc, Segment(0, len(text), text), "en", opts)
        attrs = [(a.start, a.end, a.source, a.cue) for a in ex.attributions]
        print(json.dumps({"id": key, "text": text, "attrs": attrs}, ensure_ascii=False))


def diff(args) -> None:
    a = {d["id"]: d for d in map(json.loads, open(args.a, encoding="utf-8"))}
    b = {d["id"]: d for d in map(json.loads, open(args.b, encoding="utf-8"))}
    added = removed = changed = 0
    for key in a:
        text = a[key]["text"]
        old = {tuple(x) for x in a[key]["attrs"]}
        new = {tuple(x) for x in b[key]["attrs"]}
        changed += old != new
        for sign, group in (("-", old - new), ("+", new - old)):
            for s, e, source, cue in sorted(group):
                ctx = f"{text[max(0, s - 60) : s]}[[{text[s:e]}]]{text[e : e + 50]}".replace("\n", " ")
                print(f"{sign} {key:24} {source} <{cue}> | {ctx}")
                added += sign == "+"
                removed += sign == "-"
    print(f"{len(a)} items, {changed} changed: {removed} attributions removed, {added} added")


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--n", type=int, default=2000)
    d.add_argument("--seed", type=int, default=21)
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
