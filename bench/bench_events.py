"""Speed of online event linking: stories per second over a synthesised 100k-story stream.

The stream is built at run time from the shared eval texts (UCI headlines, ECB+ and GVC article
leads, BBC articles), each reused with a varied prefix word and spread over 365 days, so that
events recur and the index grows.  The peer (single-pass brute-force TF-IDF centroid clustering,
what a plain scikit-learn user writes) is timed in the same run on a prefix of the same stream.

The same stream is also linked without the shipped background statistics (``background_docs=0``,
the linker before the warm start) in the same run, for the speed ratio of the warm start, and
without the outlet rules (``beat_share=0, series_frame=0, same_outlet_raise=0, same_outlet_headline=False``; each story is
given one of 40 outlets) for theirs.

    .venv/bin/python bench/bench_events.py [--n 100000] [--peer-n 5000] [--data ../shared]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import time
import zlib
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import orjson

from sinodesk.cli.common import default_shared
from sinodesk.eval.events import eval_root
from sinodesk.eval.events.baselines import single_pass as baseline_single_pass
from sinodesk.stages.cluster import EventLinker, EventOptions, LinkItem


def load_texts(root: Path) -> list[tuple[str, str]]:
    out = []
    with (root / "uci-news-aggregator-sample" / "uci_news_aggregator_first6366.csv").open(encoding="utf-8") as fh:
        out += [(r["TITLE"], "") for r in csv.DictReader(fh)]
    for line in (root / "ecbplus-event-clusters" / "ecbplus_docs.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        out.append(("", d["text"][:1500]))
    for line in (root / "gvc-event-clusters-subset" / "gvc_docs.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        out.append((d["title"], d["text"][:1500]))
    for line in (root / "bbc-news-topics" / "bbc_news.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        out.append((d["title"], d["text"][:1500]))
    return out


def stream(texts: list[tuple[str, str]], n: int, seed: int = 0) -> list[LinkItem]:
    rng = random.Random(seed)
    start = date(2025, 1, 1)
    words = ["Update:", "Report:", "Analysis:", "Breaking:", "Brief:", "Exclusive:", "Live:", "Explainer:"]
    items = []
    for i in range(n):
        head, text = texts[rng.randrange(len(texts))]
        day = start + timedelta(days=int(365 * i / n))
        w = words[rng.randrange(len(words))]
        items.append(LinkItem(f"s{i}", f"{w} {head}" if head else None, f"{w} {text}" if text else "",
                              published=day.isoformat(), outlet=f"outlet {zlib.crc32(str(i).encode()) % 40}"))
    return items


def run(items: list[LinkItem], opts: EventOptions, name: str) -> tuple[EventLinker, float]:
    lk = EventLinker(opts)
    t0 = time.perf_counter()
    marks = {}
    for i, it in enumerate(items, 1):
        lk.add(it)
        if i in (1_000, 10_000, 50_000) or i == len(items):
            marks[i] = time.perf_counter() - t0
    total = time.perf_counter() - t0
    print(f"{name}: {len(items):,} stories in {total:.1f}s = {len(items) / total:,.0f} stories/s ({lk.n_events:,} events)")
    prev_i, prev_t = 0, 0.0
    for i, t in marks.items():
        print(f"  stories {prev_i + 1:>7,}-{i:>7,}: {(i - prev_i) / (t - prev_t):,.0f} stories/s")
        prev_i, prev_t = i, t
    return lk, total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--peer-n", type=int, default=5_000)
    ap.add_argument("--data", default=None, help="the shared folder (default $SINODESK_SHARED or ../shared)")
    a = ap.parse_args()
    texts = load_texts(eval_root(a.data or default_shared()))
    items = stream(texts, a.n)
    lk, total = run(items, EventOptions(), "sinodesk EventLinker")
    _, bare = run(items, EventOptions(background_docs=0), "without the background statistics (baseline)")
    print(f"  warm start speed ratio: {bare / total:.2f}x the baseline's stories/s")
    _, plain = run(items, EventOptions(series_frame=0, beat_share=0, same_outlet_raise=0, same_outlet_headline=False),
                   "without the outlet rules (beat, template series, same-outlet raise and headline; baseline)")
    print(f"  outlet rules speed ratio: {plain / total:.2f}x the baseline's stories/s")
    t1 = time.perf_counter()
    blob = lk.to_bytes()
    t2 = time.perf_counter()
    EventLinker.from_bytes(blob, EventOptions())
    t3 = time.perf_counter()
    print(f"  state: {len(blob) / 1e6:.1f} MB, to_bytes {t2 - t1:.1f}s, from_bytes {t3 - t2:.1f}s")
    # baseline in the same run: the same state in the earlier layout (json + a deflated zip member)
    with np.load(io.BytesIO(blob)) as z:
        state, sigs = orjson.loads(zlib.decompress(z["state_z"].tobytes())), z["sigs"].astype(np.uint64)
    t4 = time.perf_counter()
    old = io.BytesIO()
    np.savez_compressed(old, state=np.frombuffer(json.dumps(state, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
                        sigs=sigs)
    t5 = time.perf_counter()
    with np.load(io.BytesIO(old.getvalue())) as z:
        json.loads(z["state"].tobytes().decode("utf-8"))
    t6 = time.perf_counter()
    print(f"  earlier layout (json + deflate), same state: {len(old.getvalue()) / 1e6:.1f} MB, write {t5 - t4:.1f}s "
          f"(ratio {(t5 - t4) / (t2 - t1):.1f}x), parse only {t6 - t5:.1f}s")

    peer_items = items[: a.peer_n]
    ptexts = [f"{it.headline or ''}\n{it.text}" for it in peer_items]
    t4 = time.perf_counter()
    baseline_single_pass(ptexts, 0.3, ptexts)
    pt = time.perf_counter() - t4
    t5 = time.perf_counter()
    lk2 = EventLinker(EventOptions())
    for it in peer_items:
        lk2.add(it)
    ot = time.perf_counter() - t5
    print(f"peer single pass (TF-IDF, exact cosine to every centroid) on first {len(peer_items):,}: "
          f"{len(peer_items) / pt:,.0f} stories/s; sinodesk on the same prefix: {len(peer_items) / ot:,.0f} stories/s "
          f"(ratio {pt / ot:.2f}x)")
    print("target: >= 300 stories/s over 100k:", "MET" if len(items) / total >= 300 else "NOT MET")


if __name__ == "__main__":
    main()
