"""Audit numbers and dates on UNLABELLED text: every digit run, English number word and Chinese numeral
the extractor left unmarked (neither a number nor a date), with its context, through ingest.

    python tools/numdate_audit.py --en 60 --zh 200 --seed 3 > audit.txt

Texts come from public sets outside the held-out pool and outside every gold set (BBC, Reuters-21578,
THUCNews; with ``--more``, GVC, ECB+ and AG News; with ``--feeds``, feed entries); nothing here is labelled, it is for reading.  ``--marked`` also prints what was marked.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sinodesk.eval.extract import GOLD_DIR  # noqa: E402
from sinodesk.eval.harness import ingest_items  # noqa: E402
from sinodesk.eval.public_items import in_heldout_pool  # noqa: E402

_TOKENS = re.compile(r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                     r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half|third|quarter|dozen|dozens|hundreds|thousands)\b"
                     r"|[零一二两三四五六七八九十百千万亿半]+", re.I)


def _gold_ids() -> set[str]:
    ids = set()
    for p in GOLD_DIR.rglob("*.jsonl"):
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                if "dataset" in r:
                    ids.add(f"{r['dataset']}:{r['id']}")
    return ids


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--en", type=int, default=40)
    ap.add_argument("--zh", type=int, default=150)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--marked", action="store_true")
    ap.add_argument("--feeds", type=int, default=0, help="also the first N entries of three feeds (outside the pool)")
    ap.add_argument("--more", type=int, default=0, help="also this many GVC, ECB+ and AG News items each")
    args = ap.parse_args()
    ev = args.data / "eval"
    rnd = random.Random(args.seed)
    taken = _gold_ids()
    items = []
    bbc = [json.loads(x) for x in (ev / "bbc-news-topics" / "bbc_news.jsonl").read_text(encoding="utf-8").splitlines()]
    bbc = [r for r in bbc if not in_heldout_pool("bbc", r["id"]) and f"bbc:{r['id']}" not in taken]
    for r in rnd.sample(bbc, args.en // 2):
        items.append({"title": r["title"], "text": r["title"] + "\n\n" + r["text"], "date": None, "_id": "bbc:" + r["id"]})
    reu = [json.loads(x) for x in (ev / "reuters21578-modapte" / "reuters21578_modapte.jsonl").read_text(encoding="utf-8").splitlines()]
    reu = [r for r in reu if len(r.get("text") or "") > 300]
    for r in rnd.sample(reu, args.en - args.en // 2):
        items.append({"title": r["title"].title(), "text": r["text"], "date": None, "_id": f"reuters:{r['newid']}"})
    if args.more:
        gvc = [json.loads(x) for x in (ev / "gvc-event-clusters-subset" / "gvc_docs.jsonl").read_text(encoding="utf-8").splitlines()]
        gvc = [r for r in gvc if not in_heldout_pool("gvc", r["doc_id"]) and f"gvc:{r['doc_id']}" not in taken]
        for r in rnd.sample(gvc, min(len(gvc), args.more)):
            items.append({"title": r["title"], "text": r["title"] + "\n\n" + r["text"], "date": r.get("dct"), "_id": "gvc:" + r["doc_id"]})
        ecb = [json.loads(x) for x in (ev / "ecbplus-event-clusters" / "ecbplus_docs.jsonl").read_text(encoding="utf-8").splitlines()]
        ecb = [r for r in ecb if not in_heldout_pool("ecbplus", r["doc_id"]) and f"ecbplus:{r['doc_id']}" not in taken]
        for r in rnd.sample(ecb, min(len(ecb), args.more)):
            items.append({"text": r["text"], "_id": "ecbplus:" + r["doc_id"]})
        import csv
        with open(ev / "ag-news-test" / "test.csv", encoding="utf-8", newline="") as f:
            ag = [(str(i), r) for i, r in enumerate(csv.DictReader(f))]
        ag = [(i, r) for i, r in ag if not in_heldout_pool("agnews", i) and f"agnews:{i}" not in taken]
        for i, r in rnd.sample(ag, args.more):
            items.append({"title": r["title"], "text": r["title"] + "\n\n" + r["description"], "_id": "agnews:" + i})
    if args.feeds:
        from sinodesk.eval.public_items import load_item

        for name in ("qq_news_china_domestic_gb2312.xml", "guardian_us.rss", "livemint_news.xml"):
            for i in range(args.feeds):
                key = f"{name}#{i}"
                if in_heldout_pool("feeds", key) or f"feeds:{key}" in taken:
                    continue
                try:
                    it = load_item("feeds", key, args.data)
                except Exception:  # noqa: BLE001 -- fewer entries than asked
                    break
                items.append({"text": it.text, "date": it.date, "_id": "feeds:" + key})
    zh = []
    for part in ("test", "dev"):
        for n, line in enumerate((ev / "thucnews-headlines-zh" / f"{part}.txt").read_text(encoding="utf-8").splitlines()):
            key = f"{part}:{n}"
            if not in_heldout_pool("thucnews", key) and f"thucnews:{key}" not in taken and re.search(r"[\d零一二两三四五六七八九十百千万亿半]", line):
                zh.append((key, line.split("\t")[0]))
    for key, head in rnd.sample(zh, args.zh):
        items.append({"title": head, "text": head, "_id": "thucnews:" + key})
    lines = [{k: v for k, v in it.items() if not k.startswith("_") and v} for it in items]
    run = ingest_items(lines)
    by_line = run.by_line()
    for n, it in enumerate(items, 1):
        stories = by_line.get(n, [])
        marks = []
        for s in stories:
            text = run.doc_text(s["doc_id"])
            for kind in ("numbers", "dates", "entities"):
                for m in s[kind]:
                    marks.append((m["start"], m["end"], kind, m))
        if not stories:
            continue
        text = run.doc_text(stories[0]["doc_id"])
        out = []
        for t in _TOKENS.finditer(text):
            if any(a < t.end() and t.start() < b for a, b, _, _ in marks):
                continue
            s, e = t.span()
            out.append("   MISS? " + text[max(0, s - 50):s].replace("\n", " ") + "[[" + text[s:e] + "]]" + text[e:e + 40].replace("\n", " "))
        if args.marked:
            for a, b, kind, m in sorted(marks):
                if kind == "numbers":
                    out.append(f"   NUM  {text[a:b]!r} {m['value']} {m['unit']}")
                elif kind == "dates":
                    out.append(f"   DATE {text[a:b]!r} {m['iso']} {m.get('precision')}")
        if out:
            print(it["_id"])
            print("\n".join(out))


if __name__ == "__main__":
    main()
