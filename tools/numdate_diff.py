"""Numbers and dates on UNLABELLED text, dumped for a before/after comparison, through ingest.

    python tools/numdate_diff.py dump before.json            # with one checkout's code
    python tools/numdate_diff.py dump after.json             # with another's
    python tools/numdate_diff.py diff before.json after.json # every mark that changed, with its context

Items: BBC, AG News and ECB+ items (``--en`` in all, a third each) and THUCNews headlines (``--zh``), drawn with
``--seed`` from outside the held-out pool and outside every gold set (as ``numdate_audit.py``).  Nothing here is
labelled: it is for reading what a change of rules moves.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sinodesk.eval.harness import ingest_items  # noqa: E402
from sinodesk.eval.public_items import in_heldout_pool  # noqa: E402
from tools.numdate_audit import _gold_ids  # noqa: E402


def draw(data: Path, n_en: int, n_zh: int, seed: int) -> list[dict]:
    ev = data / "eval"
    rnd = random.Random(seed)
    taken = _gold_ids()
    items = []
    bbc = [json.loads(x) for x in (ev / "bbc-news-topics" / "bbc_news.jsonl").read_text(encoding="utf-8").splitlines()]
    bbc = [r for r in bbc if not in_heldout_pool("bbc", r["id"]) and f"bbc:{r['id']}" not in taken]
    for r in rnd.sample(bbc, n_en // 3):
        items.append({"title": r["title"], "text": r["title"] + "\n\n" + r["text"], "_id": "bbc:" + r["id"]})
    with open(ev / "ag-news-test" / "test.csv", encoding="utf-8", newline="") as f:
        ag = [(str(i), r) for i, r in enumerate(csv.DictReader(f))]
    ag = [(i, r) for i, r in ag if not in_heldout_pool("agnews", i) and f"agnews:{i}" not in taken]
    for i, r in rnd.sample(ag, n_en // 3):
        items.append({"title": r["title"], "text": r["title"] + "\n\n" + r["description"], "_id": "agnews:" + i})
    ecb = [json.loads(x) for x in (ev / "ecbplus-event-clusters" / "ecbplus_docs.jsonl").read_text(encoding="utf-8").splitlines()]
    ecb = [r for r in ecb if not in_heldout_pool("ecbplus", r["doc_id"]) and f"ecbplus:{r['doc_id']}" not in taken]
    for r in rnd.sample(ecb, n_en - 2 * (n_en // 3)):
        items.append({"text": r["text"], "_id": "ecbplus:" + r["doc_id"]})
    zh = []
    for part in ("test", "dev"):
        for n, line in enumerate((ev / "thucnews-headlines-zh" / f"{part}.txt").read_text(encoding="utf-8").splitlines()):
            key = f"{part}:{n}"
            if not in_heldout_pool("thucnews", key) and f"thucnews:{key}" not in taken:
                zh.append((key, line.split("\t")[0]))
    for key, head in rnd.sample(zh, n_zh):
        items.append({"title": head, "text": head, "_id": "thucnews:" + key})
    return items


def dump(args) -> None:
    items = draw(args.data, args.en, args.zh, args.seed)
    run = ingest_items([{k: v for k, v in it.items() if not k.startswith("_")} for it in items])
    by_line = run.by_line()
    out = {}
    for n, it in enumerate(items, 1):
        marks = []
        for s in by_line.get(n, []):
            text = run.doc_text(s["doc_id"])
            for m in s["numbers"]:
                marks.append(["N", m["start"], m["end"], m["text"], m["value"], m["unit"], _ctx(text, m["start"], m["end"])])
            for m in s["dates"]:
                marks.append(["D", m["start"], m["end"], m["text"], m["iso"], m.get("precision"), _ctx(text, m["start"], m["end"])])
        out[it["_id"]] = sorted(marks)
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(items)} items, {sum(len(v) for v in out.values())} marks -> {args.out}")


def _ctx(text: str, s: int, e: int, w: int = 50) -> str:
    return re.sub(r"\s+", " ", text[max(0, s - w):s] + "[[" + text[s:e] + "]]" + text[e:e + w])


def diff(args) -> None:
    a = json.loads(Path(args.before).read_text(encoding="utf-8"))
    b = json.loads(Path(args.after).read_text(encoding="utf-8"))
    n = 0
    for key in a:
        old = {tuple(m[:6]): m[6] for m in a[key]}
        new = {tuple(m[:6]): m[6] for m in b.get(key, [])}
        for m in sorted(set(old) - set(new)):
            print(f"- {key}\t{m[0]} {m[3]!r} {m[4]} {m[5]}\t{old[m]}")
            n += 1
        for m in sorted(set(new) - set(old)):
            print(f"+ {key}\t{m[0]} {m[3]!r} {m[4]} {m[5]}\t{new[m]}")
            n += 1
    print(f"{n} changed marks")


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    d.add_argument("--en", type=int, default=420)
    d.add_argument("--zh", type=int, default=2000)
    d.add_argument("--seed", type=int, default=19)
    f = sub.add_parser("diff")
    f.add_argument("before")
    f.add_argument("after")
    args = ap.parse_args()
    dump(args) if args.cmd == "dump" else diff(args)


if __name__ == "__main__":
    main()
