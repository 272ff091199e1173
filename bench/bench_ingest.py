"""Ingest speed: documents/s through the whole pipeline vs a read-and-store baseline.

    python bench/bench_ingest.py --repeat 5
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SINODESK_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))


def run_sinodesk(inputs: list[Path]) -> tuple[float, int, int]:
    from sinodesk.archive import open_archive
    from sinodesk.pipeline import Runner
    from sinodesk.settings import Settings

    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "b.db")
        runner = Runner(open_archive(db), Settings(db=db))  # models load outside the timing
        # warm-up on the bundled sample: jieba's dictionaries and date parsers load on first use
        runner.ingest([str(ROOT / "examples")])
        t = time.perf_counter()
        s = runner.ingest([str(p) for p in inputs])
        return time.perf_counter() - t, s.documents, s.stories


def run_baseline(inputs: list[Path]) -> tuple[float, int]:
    """What a plain script does: parse feeds with feedparser / read text, one INSERT per document."""
    import feedparser

    files = []
    for p in inputs:
        files.extend(sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p])
    with tempfile.TemporaryDirectory() as d:
        c = sqlite3.connect(os.path.join(d, "b.db"))
        c.execute("CREATE TABLE docs (title TEXT, text TEXT)")
        t = time.perf_counter()
        n = 0
        for f in files:
            data = f.read_bytes()
            if b"<rss" in data[:2048] or b"<feed" in data[:2048] or b"<rdf" in data[:2048]:
                for e in feedparser.parse(data).entries:
                    c.execute("INSERT INTO docs VALUES (?, ?)", (e.get("title"), e.get("summary")))
                    n += 1
            else:
                c.execute("INSERT INTO docs VALUES (?, ?)", (f.name, data.decode("utf-8", "replace")))
                n += 1
        c.commit()
        return time.perf_counter() - t, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    sets = {"seeds": [SHARED / "seeds"], "news-feeds": [SHARED / "eval" / "news-feeds" / "feeds"]}
    for name, inputs in sets.items():
        if not inputs[0].exists():
            print(f"{name}: skipped ({inputs[0]} missing)")
            continue
        ours, base, ratios = [], [], []
        for _ in range(args.repeat):
            t, docs, stories = run_sinodesk(inputs)
            tb, nb = run_baseline(inputs)
            ours.append(docs / t)
            base.append(nb / tb)
            ratios.append(t / tb)
        print(
            f"{name}: sinodesk {statistics.median(ours):.1f} docs/s ({docs} documents, {stories} stories); "
            f"baseline read+insert {statistics.median(base):.1f} docs/s; time ratio sinodesk/baseline {statistics.median(ratios):.1f}x "
            f"(median of {args.repeat})"
        )


if __name__ == "__main__":
    main()
