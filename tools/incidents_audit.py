"""Audit the incidents stage on UNLABELLED English news: every incident mention the product path finds, one JSON line per
story, for comparing two versions of the code (run this file under each and diff the outputs).

    PYTHONPATH=. python tools/incidents_audit.py --out after.jsonl [--data ../shared] [--agnews 0] [--feeds 40]
    PYTHONPATH=. python tools/incidents_audit.py --fresh 3000 --out fresh.jsonl   # the second, fresh set
    python tools/incidents_audit.py --diff before.jsonl after.jsonl

Texts: BBC News (all of it) and AG News (test file) items outside the held-out pool and outside every gold file of the
project (incidents, extract development sets, topics), and English feed entries outside the pool; they go through
``ingest`` into a fresh archive with default settings, and what ``export`` returns is printed (types, attackers,
victims, malware, the evidence sentence).  Nothing here is labelled: the diff is for reading, change by change.

``--fresh N``: a second set no audit had read before session 21 -- the first N Reuters-21578 stories of prose (no gold
file of the project holds a Reuters item; those the held-out pool test reserves are left out too) and the entries of
the English feeds the first set does not read (phys.org, heise developer, the Google Ads blog, Reddit).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sinodesk.eval.harness import ingest_items  # noqa: E402
from sinodesk.eval.public_items import in_heldout_pool, load_item  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "sinodesk" / "eval" / "gold"
_DEV_SETS = ("incidents", "extract/dev", "extract/devzh", "extract/seeds.jsonl", "extract/seeds_dev.jsonl", "topics")
_NAMES = {"ag_news": "agnews"}
_FEEDS = ("guardian_us.rss", "livemint_news.xml", "macworld.rss")
_FRESH_FEEDS = ("phys_org_scitech.rss", "heise_developer.atom", "google_ads_dev_blogger.atom", "reddit_front.rss")


def _taken() -> set[str]:
    """dataset:id of every item a development or incidents gold file names (the held-out sets are pool items, excluded
    by the pool test, and never opened here)."""
    ids = set()
    for rel in _DEV_SETS:
        p = GOLD / rel
        for f in ([p] if p.is_file() else sorted(p.rglob("*.jsonl")) if p.is_dir() else []):
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    if "dataset" in r:
                        ds = _NAMES.get(r["dataset"], r["dataset"])
                        ids.add(f"{ds}:{r['id']}")
                        ids.update(f"{ds}:{d}" for d in r.get("duplicates") or ())
    return ids


def items(data: Path, agnews: int | None, feeds: int) -> list[dict]:
    ev = data / "eval"
    taken = _taken()
    out = []
    for line in (ev / "bbc-news-topics" / "bbc_news.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if not in_heldout_pool("bbc", r["id"]) and f"bbc:{r['id']}" not in taken:
            out.append({"title": r["title"], "text": r["title"] + "\n\n" + r["text"], "_id": "bbc:" + r["id"]})
    with open(ev / "ag-news-test" / "test.csv", encoding="utf-8", newline="") as fh:
        ag = [(str(i), r) for i, r in enumerate(csv.DictReader(fh))]
    ag = [(i, r) for i, r in ag if not in_heldout_pool("agnews", i) and f"agnews:{i}" not in taken]
    for i, r in ag[:agnews] if agnews else ag:
        out.append({"title": r["title"], "text": r["title"] + "\n\n" + r["description"], "_id": "agnews:" + i})
    for name in _FEEDS:
        for n in range(feeds):
            key = f"{name}#{n}"
            if in_heldout_pool("feeds", key) or f"feeds:{key}" in taken:
                continue
            try:
                it = load_item("feeds", key, data)
            except Exception:  # noqa: BLE001 -- fewer entries than asked
                break
            out.append({"text": it.text, "date": it.date, "_id": "feeds:" + key})
    return out


def fresh_items(data: Path, n: int) -> list[dict]:
    """The fresh set: Reuters-21578 stories of prose (at most ``n``) outside the held-out pool, and every entry of the
    English feeds the first set does not read, outside the pool and every gold file."""
    out, taken = [], _taken()
    with open(data / "eval" / "reuters21578-modapte" / "reuters21578_modapte.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n:
                break
            r = json.loads(line)
            text, title = (r.get("text") or "").strip(), (r.get("title") or "").strip()
            if not title or len(text) < 200 or in_heldout_pool("reuters", str(r["newid"])):
                continue
            title = title.title() if title.isupper() else title
            out.append({"title": title, "text": title + "\n\n" + text, "_id": f"reuters:{r['newid']}"})
    for name in _FRESH_FEEDS:
        for k in range(200):
            key = f"{name}#{k}"
            if in_heldout_pool("feeds", key) or f"feeds:{key}" in taken:
                continue
            try:
                it = load_item("feeds", key, data)
            except Exception:  # noqa: BLE001 -- the feed has fewer entries
                break
            if it.text.strip():
                out.append({"text": it.text, "date": it.date, "_id": "feeds:" + key})
    return out


def run(data: Path, agnews: int | None, feeds: int, out: Path, fresh: int = 0) -> None:
    its = fresh_items(data, fresh) if fresh else items(data, agnews, feeds)
    ingested = ingest_items([{k: v for k, v in it.items() if not k.startswith("_") and v} for it in its])
    by_line = ingested.by_line()
    with out.open("w", encoding="utf-8") as fh:
        for n, it in enumerate(its, 1):
            for s in by_line.get(n, []):
                incs = [{"role": m.get("role"), "types": m["types"], "attackers": [a["name"] for a in m["attackers"]],
                         "victims": [v["name"] for v in m["victims"]], "malware": [x["name"] for x in m["malware"]],
                         "claims": [(c["claimant"], c["actor"]) for c in m["attributions"]], "evidence": m["evidence"]["text"]}
                        for m in s.get("incidents") or ()]
                fh.write(json.dumps({"id": it["_id"], "story": s.get("headline") or s.get("title"), "incidents": incs},
                                    ensure_ascii=False) + "\n")
    print(f"{len(its)} items, {len(ingested.stories)} stories -> {out}", file=sys.stderr)


def diff(before: Path, after: Path) -> None:
    def load(p: Path) -> dict:
        d = {}
        for line in p.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            d.setdefault(r["id"], []).append(r)
        return d

    a, b = load(before), load(after)
    n_a = sum(len(s["incidents"]) for v in a.values() for s in v)
    n_b = sum(len(s["incidents"]) for v in b.values() for s in v)
    changed = [k for k in sorted(set(a) | set(b)) if json.dumps(a.get(k)) != json.dumps(b.get(k))]
    print(f"items {len(a)} / {len(b)}; incident mentions {n_a} -> {n_b}; items changed {len(changed)}")
    for k in changed:
        print(f"== {k}")
        for s in a.get(k, []):
            for m in s["incidents"]:
                print(f"  - {json.dumps(m, ensure_ascii=False)}")
        for s in b.get(k, []):
            for m in s["incidents"]:
                print(f"  + {json.dumps(m, ensure_ascii=False)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--agnews", type=int, default=0, help="at most this many AG News items (0: all outside the pool)")
    ap.add_argument("--feeds", type=int, default=60, help="the first N entries of each English feed (outside the pool)")
    ap.add_argument("--fresh", type=int, default=0, help="read the fresh set instead: this many Reuters-21578 stories and the other English feeds")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--diff", type=Path, nargs=2)
    args = ap.parse_args()
    if args.diff:
        diff(*args.diff)
    else:
        run(args.data, args.agnews or None, args.feeds, args.out, args.fresh)


if __name__ == "__main__":
    main()
