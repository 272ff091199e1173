"""A large archive for the web benchmark, built through ``ingest`` from public texts recombined.

Items are made at run time from the shared eval sets (never stored in the repository): an English
item takes the headline of one text (AG News, BBC, Reuters, ECB+, GVC) and the body of another; a
Chinese item (about one in eight) takes a THUCNews headline and four more as its body.  Each item
gets an outlet name from the packaged registry (so owner families are real), a date spread over
two years and its own URL.  The items are written as JSONL files of ``--chunk`` lines and each file
is ingested into the archive with the same :class:`~sinodesk.pipeline.Runner` as ``sinodesk
ingest`` (default settings: extraction, topics and event linking all run), so the archive holds
what a user's would.

    nice -n 10 .venv/bin/python bench/web_corpus.py --db /tmp/web100k.db --n 100000

Re-running with the same ``--db`` continues where it stopped (a file already ingested adds
nothing: ingest keys raw inputs by their hash).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SINODESK_SHARED", ROOT.parent / "shared"))


def load_texts(ev: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """(headline, body) pairs in English, and Chinese headlines."""
    en: list[tuple[str, str]] = []
    with open(ev / "ag-news-test" / "test.csv", encoding="utf-8") as fh:
        en += [(row[1], row[2].replace("\\", " ")) for row in csv.reader(fh) if len(row) >= 3 and row[0] != "label"]
    for name, title in (("bbc-news-topics/bbc_news.jsonl", "title"), ("reuters21578-modapte/reuters21578_modapte.jsonl", "title"),
                        ("ecbplus-event-clusters/ecbplus_docs.jsonl", None), ("gvc-event-clusters-subset/gvc_docs.jsonl", "title")):
        for line in open(ev / name, encoding="utf-8"):
            d = json.loads(line)
            text = " ".join((d.get("text") or "").split())
            if len(text) > 80:
                en.append(((d.get(title) or "").title() if title else "", text[:1500]))
    zh = [ln.split("\t")[0] for name in ("dev.txt", "test.txt")
          for ln in open(ev / "thucnews-headlines-zh" / name, encoding="utf-8") if "\t" in ln]
    return en, zh


def make_items(n: int, ev: Path, seed: int = 19):
    """``n`` JSONL items, deterministic for a given seed."""
    from sinodesk.stages.extract.outlets import load_registry

    en, zh = load_texts(ev)
    heads = [h for h, _ in en if h]
    outlets = sorted(o.name for o in load_registry())
    rnd = random.Random(seed)
    start = dt.date(2024, 1, 1)
    for i in range(n):
        if rnd.random() < 0.125:
            title = rnd.choice(zh)
            text = "。".join(rnd.choice(zh) for _ in range(4)) + "。"
        else:
            title, text = rnd.choice(heads), rnd.choice(en)[1]
        yield {"title": title, "text": text, "url": f"https://bench.example/{seed}/{i}",
               "date": (start + dt.timedelta(days=rnd.randrange(730))).isoformat(), "outlet": rnd.choice(outlets)}


def build(db: str, n: int, chunk: int, ev: Path) -> None:
    from sinodesk.archive import open_archive
    from sinodesk.pipeline import Runner
    from sinodesk.settings import Settings

    archive = open_archive(db, create=True)
    runner = Runner(archive, Settings(db=db))
    items = list(make_items(n, ev))
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sinodesk-web-bench-") as tmp:
        for k in range(0, n, chunk):
            path = Path(tmp) / f"items_{k // chunk:04d}.jsonl"
            path.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items[k : k + chunk]), encoding="utf-8")
            t = time.perf_counter()
            summary = runner.ingest([str(path)])
            done = k + chunk
            print(f"{min(done, n):>7,} items  {summary.line()}  ({chunk / (time.perf_counter() - t):.0f} items/s; "
                  f"{time.perf_counter() - t0:.0f} s so far)", flush=True)
    print(json.dumps(archive.count()))
    archive.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--chunk", type=int, default=5_000)
    ap.add_argument("--data", default=str(SHARED / "eval"))
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    build(a.db, a.n, a.chunk, Path(a.data))


if __name__ == "__main__":
    main()
