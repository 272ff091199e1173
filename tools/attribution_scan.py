"""Unlabelled attribution audit: sentences with a speech cue in public-set items outside the held-out
pool (and outside the dev labels), with what the product path attributed in them.

    python tools/attribution_scan.py --dataset gvc --n 40            # every cue sentence, hits marked
    python tools/attribution_scan.py --dataset thucnews --n 400 --unattributed

Items are drawn deterministically (sorted by sha1 of "dataset:id", skipping the held-out pool and the
items the dev/devzh sets label), ingested as one JSONL file (title + text, as ``sinodesk eval extract``
sends them), and each sentence holding a cue word is printed with the attributions whose offsets fall
in it.  For reading by eye: it scores nothing.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sinodesk.eval.harness import ingest_fresh, write_jsonl  # noqa: E402
from sinodesk.eval.public_items import in_heldout_pool, load_item  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "sinodesk" / "eval" / "gold" / "extract"
_CUE = re.compile(r"\b(?:said|says|told|tells|according to|reported|reports|announced|warned|added|stated|confirmed|"
                  r"claimed|noted|explained|wrote|Says|Warns|Tells)\b|[称稱表示指出透露说說据據：]|报道|宣布|回应")
_SENT = re.compile(r"[^.!?。！？\n]+[.!?。！？]?[\"”’]?")


def ids(dataset: str, shared: Path) -> list[str]:
    ev = shared / "eval"
    if dataset == "bbc":
        return [json.loads(x)["id"] for x in open(ev / "bbc-news-topics" / "bbc_news.jsonl", encoding="utf-8")]
    if dataset == "agnews":
        with open(ev / "ag-news-test" / "test.csv", encoding="utf-8") as fh:
            return [str(i) for i, _ in enumerate(csv.DictReader(fh))]
    if dataset == "ecbplus":
        return [json.loads(x)["doc_id"] for x in open(ev / "ecbplus-event-clusters" / "ecbplus_docs.jsonl", encoding="utf-8")]
    if dataset == "gvc":
        return [json.loads(x)["doc_id"] for x in open(ev / "gvc-event-clusters-subset" / "gvc_docs.jsonl", encoding="utf-8")]
    if dataset == "thucnews":
        out = []
        for split in ("test", "dev"):
            n = sum(1 for _ in open(ev / "thucnews-headlines-zh" / f"{split}.txt", encoding="utf-8"))
            out += [f"{split}:{i}" for i in range(n)]
        return out
    if dataset == "zyte":
        return sorted(json.loads((ev / "zyte-article-extraction" / "ground-truth.json").read_text(encoding="utf-8")))
    if dataset == "feeds":
        import feedparser

        out = []
        for f in sorted((ev / "news-feeds" / "feeds").iterdir()):
            out += [f"{f.name}#{i}" for i in range(len(feedparser.parse(f.read_bytes()).entries))]
        return out
    sys.exit(f"unknown dataset {dataset}")


def labelled() -> set[str]:
    out = set()
    for folder in ("dev", "devzh", "devzh2", "devzh3"):
        for p in (GOLD / folder).glob("*.jsonl"):
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    out.add(f"{row['dataset']}:{row['id']}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--skip", type=int, default=0, help="skip the first SKIP drawn items (a fresh sample)")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--unattributed", action="store_true", help="only cue sentences with no attribution")
    args = ap.parse_args()
    seen = labelled()
    pool = [i for i in ids(args.dataset, args.data) if not in_heldout_pool(args.dataset, i) and f"{args.dataset}:{i}" not in seen]
    pool.sort(key=lambda i: hashlib.sha1(f"audit:{args.dataset}:{i}".encode()).hexdigest())
    items = [load_item(args.dataset, i, args.data) for i in pool[args.skip : args.skip + args.n]]
    with tempfile.TemporaryDirectory(prefix="attr-scan-") as tmp:
        rows = [{k: v for k, v in {"title": it.title, "text": it.text, "date": it.date}.items() if v} for it in items]
        run = ingest_fresh([write_jsonl(rows, Path(tmp) / "items.jsonl")])
    lines = run.by_line()
    for n, it in enumerate(items, 1):
        stories = lines.get(n, [])
        attrs = [(a, run.doc_text(s["doc_id"])) for s in stories for a in s["attributions"]]
        docs = {s["doc_id"] for s in stories}
        for d in docs:
            text = run.doc_text(d)
            for m in _SENT.finditer(text):
                sent = m.group()
                if not _CUE.search(sent):
                    continue
                hits = [f"{a['source']}<{a['text']}|{a['cue']}>" for a, t in attrs if t is text and m.start() <= a["start"] < m.end()]
                if args.unattributed and hits:
                    continue
                print(f"{it.dataset}:{it.id}\t{' ; '.join(hits) or '-'}\t{sent.strip()[:260]}")


if __name__ == "__main__":
    main()
