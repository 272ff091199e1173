"""Time to brief a week of ~10,000 stories, beside baselines measured in the same run.

The archive is built once through the product path (the Runner 'sinodesk ingest' uses) from the
shared eval texts -- UCI headlines, BBC articles, ECB+ and GVC articles, THUCNews Chinese
headlines -- each given a date in one week (a deterministic spread), and kept in
``$TMPDIR/sinodesk-bench-brief-N.db`` for later runs.

Baselines in the same run, over the same window:
  * read: iterating the window's stories out of the archive (what any briefing must pay);
  * events: ``summarise_events`` (the 'sinodesk events' listing) over those stories.

Usage: python bench/bench_brief.py [--n 10000] [--repeat 3] [--rebuild]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sinodesk.archive import StoryFilter, open_archive  # noqa: E402
from sinodesk.brief import build_briefing  # noqa: E402
from sinodesk.eval.harness import write_jsonl  # noqa: E402
from sinodesk.pipeline import Runner, family_lookup, load_outlets  # noqa: E402
from sinodesk.settings import Settings  # noqa: E402
from sinodesk.stages.cluster import summarise_events  # noqa: E402

EVAL = Path(os.environ.get("SINODESK_SHARED", ROOT.parent / "shared")) / "eval"
WEEK = [(dt.date(2025, 3, 1) + dt.timedelta(days=i)).isoformat() for i in range(7)]


def items(n: int) -> list[dict]:
    out: list[dict] = []
    with open(EVAL / "uci-news-aggregator-sample" / "uci_news_aggregator_first6366.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            out.append({"title": r["TITLE"], "text": r["TITLE"], "url": r["URL"], "outlet": r["PUBLISHER"]})
    for line in open(EVAL / "bbc-news-topics" / "bbc_news.jsonl", encoding="utf-8"):
        d = json.loads(line)
        out.append({"title": d["title"], "text": d["text"], "outlet": "BBC"})
    for line in open(EVAL / "ecbplus-event-clusters" / "ecbplus_docs.jsonl", encoding="utf-8"):
        d = json.loads(line)
        out.append({"text": d["text"], "url": d["url"]})
    for line in open(EVAL / "gvc-event-clusters-subset" / "gvc_docs.jsonl", encoding="utf-8"):
        d = json.loads(line)
        out.append({"title": d["title"], "text": d["text"]})
    for line in open(EVAL / "thucnews-headlines-zh" / "test.txt", encoding="utf-8"):
        if len(out) >= n:
            break
        title = line.split("\t")[0].strip()
        out.append({"title": title, "text": title, "outlet": "THUCNews"})
    out = out[:n]
    for i, it in enumerate(out):  # a deterministic spread over the week, rows of one source interleaved
        it["date"] = WEEK[(i * 5) % 7]
    return out


def build_archive(n: int, rebuild: bool) -> str:
    db = Path(tempfile.gettempdir()) / f"sinodesk-bench-brief-{n}.db"
    if db.exists() and not rebuild:
        return str(db)
    for p in (db, Path(str(db) + "-wal"), Path(str(db) + "-shm")):
        p.unlink(missing_ok=True)
    src = Path(tempfile.mkdtemp()) / "week.jsonl"
    write_jsonl(items(n), src)
    t = time.perf_counter()
    archive = open_archive(str(db))
    summary = Runner(archive, Settings(db=str(db))).ingest([str(src)])
    archive.close()
    print(f"built {db}: {summary.line()} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return str(db)


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rebuild", action="store_true")
    a = ap.parse_args()
    db = build_archive(a.n, a.rebuild)
    archive = open_archive(db, create=False)
    flt = StoryFilter(since=WEEK[0], until=WEEK[-1], dated_by_ingest=True)
    family = family_lookup(load_outlets())
    read_t, stories = timed(lambda: list(archive.iter_stories(flt)), a.repeat)
    events_t, _ = timed(lambda: summarise_events(list(archive.iter_stories(flt)), family), a.repeat)
    brief_t, b = timed(lambda: build_briefing(archive, WEEK[0], WEEK[-1], previous=None), a.repeat)
    print(f"week of {len(stories)} stories in {b.n_events} events; briefing of {len(b.items())} items")
    print(f"  brief (build_briefing)      {brief_t:6.2f} s   (target < 5 s)")
    print(f"  read the window's stories   {read_t:6.2f} s   brief / read   = {brief_t / read_t:.1f}x")
    print(f"  events listing              {events_t:6.2f} s   brief / events = {brief_t / events_t:.1f}x")


if __name__ == "__main__":
    main()
