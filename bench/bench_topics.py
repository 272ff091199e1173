"""Topic classification speed: stories/s for sinodesk's classifier beside a TF-IDF + LinearSVC peer.

Both are trained on the same shipped examples (sinodesk/data/topic_train) and run over the same
stories (the topic gold set: written stories + seed-digest stories, repeated to --stories).
Per-core figures: run pinned, ``taskset -c 0 .venv/bin/python bench/bench_topics.py``.

Usage: python bench/bench_topics.py [--stories 3000] [--repeat 3]

It also times the same model without the static English+Chinese embedding (n-grams and lexicon
only, ``FeatureOptions(embedding=0)``), to show what the embedding costs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sinodesk.errors import BadInput  # noqa: E402
from sinodesk.eval.topics import default_gold, load_gold  # noqa: E402
from sinodesk.stages.classify import FeatureOptions, TopicOptions, classify, load_default_model, load_taxonomy, shipped_examples  # noqa: E402
from sinodesk.stages.classify.model import build_model, story_text  # noqa: E402


def stories(n: int) -> list[tuple[str, str | None]]:
    shared = Path(os.environ.get("SINODESK_SHARED", ROOT.parent / "shared"))
    try:
        gold = load_gold(default_gold(), shared / "seeds")
    except BadInput:
        print("(seeds missing: timing the shipped training texts instead)", file=sys.stderr)
        gold = shipped_examples()
    items = [(ex.text, ex.headline) for ex in gold]
    return [items[i % len(items)] for i in range(n)]


def peer_model():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.preprocessing import MultiLabelBinarizer
    from sklearn.svm import LinearSVC

    ex = shipped_examples()
    mlb = MultiLabelBinarizer()
    Y = mlb.fit_transform([e.labels for e in ex])
    vec = TfidfVectorizer()
    clf = OneVsRestClassifier(LinearSVC()).fit(vec.fit_transform([story_text(e.text, e.headline) for e in ex]), Y)
    return vec, clf


def rate(fn, n: int, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return n / statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    items = stories(args.stories)
    chars = sum(len(t) + len(h or "") for t, h in items) / len(items)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    t0 = time.perf_counter()
    model = load_default_model()
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    vec, clf = peer_model()
    peer_build = time.perf_counter() - t0
    opts = TopicOptions()
    texts = [story_text(t, h) for t, h in items]

    ours_single = rate(lambda: [classify(t, h, "en", model, opts) for t, h in items], len(items), args.repeat)
    ours_batch = rate(lambda: model.classify_many(items, opts), len(items), args.repeat)
    peer_single = rate(lambda: [clf.decision_function(vec.transform([t])) for t in texts], len(items), args.repeat)
    peer_batch = rate(lambda: clf.decision_function(vec.transform(texts)), len(items), args.repeat)

    print(f"stories: {len(items)} (mean {chars:.0f} chars), cores available: {cores}, repeat {args.repeat} (median)")
    print(f"model build at first use: ours {build:.2f}s (incl. imports), peer {peer_build:.2f}s")
    print(f"one story per call : ours {ours_single:8.0f} stories/s   peer {peer_single:8.0f} stories/s   ratio {ours_single / peer_single:.2f}")
    print(f"batch              : ours {ours_batch:8.0f} stories/s   peer {peer_batch:8.0f} stories/s   ratio {ours_batch / peer_batch:.2f}")
    print(f"target >= 1000 stories/s per core (one story per call): {'met' if ours_single >= 1000 else 'NOT met'}")
    plain = build_model(load_taxonomy(), shipped_examples(), features=FeatureOptions(embedding=0.0), date="20250601")
    plain_single = rate(lambda: [plain.classify(t, h, None, opts) for t, h in items], len(items), args.repeat)
    plain_batch = rate(lambda: plain.classify_many(items, opts), len(items), args.repeat)
    print(f"ours without the static embedding: one story per call {plain_single:8.0f} stories/s, batch {plain_batch:8.0f} stories/s")


if __name__ == "__main__":
    main()
