"""Speed of story splitting (plain Python; prints figures; nothing is asserted).

    .venv/bin/python bench/bench_segment.py [--shared ../shared] [--seconds 3]

Runs on one core (BLAS threads pinned to 1) and measures, in the same run:

* structured digests (seeds 000-003, the written test digests, three digests of every
  generated layout when the shared data is there, an HTML newsletter): stories per second
  for clean + segment, against the same segmenter with the line labeller off (the rules
  alone, as before issue 12) and a naive baseline that splits on blank lines, and against
  trafilatura's single-article extraction of the HTML page;
* the cohesion case (headline-less concatenations, seed 004 and BBC concatenations if the
  shared data is there): documents per second, against the same naive baseline.

Targets (issue 12): >= 2,000 stories/s structured, >= 100 documents/s cohesion (per CPU second).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sinodesk.records import Document  # noqa: E402
from sinodesk.stages.clean import clean  # noqa: E402
from sinodesk.ingest.html import render_html  # noqa: E402
from sinodesk.stages.segment import SegmentOptions, segment  # noqa: E402

DATA = ROOT / "tests" / "data" / "segment"


def _doc(text: str) -> Document:
    return Document(doc_id="b", raw_id="b", source="b", kind="text", text=text)


def naive(text: str) -> list[str]:
    """Baseline: every blank-line-separated block is a story."""
    return [b for b in re.split(r"\n\s*\n", text) if b.strip()]


def rate(fn, items, seconds: float) -> tuple[float, int, float]:
    """(calls per wall second, outputs per call summed over one pass, calls per CPU second).

    The CPU-second figure is what one core does when other jobs share the machine (the
    wall figure then drops with the load); both are printed.
    """
    out = sum(len(fn(x)) for x in items)  # warm-up and output count
    n = 0
    t0, c0 = time.perf_counter(), time.process_time()
    while time.perf_counter() - t0 < seconds:
        for x in items:
            fn(x)
        n += len(items)
    return n / (time.perf_counter() - t0), out, n / max(1e-9, time.process_time() - c0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("SINODESK_SHARED", str(ROOT.parent / "shared")))
    ap.add_argument("--seconds", type=float, default=3.0)
    args = ap.parse_args()
    shared = Path(args.shared)

    structured = [(DATA / n).read_bytes().decode("utf-8") for n in
                  ("bullets_crlf.txt", "chinese.txt", "roundup_sources.txt")]
    seeds = sorted((shared / "seeds").glob("*.txt"))
    structured += [p.read_bytes().decode("utf-8") for p in seeds if not p.name.startswith("004")]
    if (shared / "eval" / "bbc-news-topics").is_dir():
        from sinodesk.eval.layouts import layout_set

        structured += [d.body for docs in layout_set(shared, "measure", docs=3, singles=0).values()
                       for d in docs if d.name.endswith(".txt")]
    html_page = (DATA / "newsletter.html").read_text(encoding="utf-8")

    from sinodesk.stages.segment.headline import inline_headline, is_prose, is_title_like
    from sinodesk.stages.segment.text import is_closing, line_terms

    def fresh():
        """Forget the line judgements cached by earlier passes: each call is a new document."""
        for fn in (inline_headline, is_prose, is_title_like, is_closing, line_terms):
            fn.cache_clear()

    def ours(text: str):
        fresh()
        return segment(clean(_doc(text)))

    rules_only = SegmentOptions(layout=False)

    def rules(text: str):
        fresh()
        return segment(clean(_doc(text)), rules_only)

    docs_s, stories, docs_c = rate(ours, structured, args.seconds)
    per_doc = stories / len(structured)
    r_s, r_stories, r_c = rate(rules, structured, args.seconds)
    base_s, _, _ = rate(naive, structured, args.seconds)
    print(f"structured: {len(structured)} digests, {stories} stories")
    print(f"  sinodesk clean+segment : {docs_s:9.1f} docs/s = {docs_s * per_doc:9.1f} stories/s wall; "
          f"{docs_c * per_doc:9.1f} stories/s per CPU second  (target >= 2,000 stories/s)")
    print(f"  labeller off (rules)   : {r_c * r_stories / len(structured):9.1f} stories/s per CPU second  "
          f"(ratio with/without labeller {docs_c / r_c:.2f})")
    print(f"  naive blank-line split : {base_s:9.1f} docs/s  (ratio sinodesk/naive {docs_s / base_s:.3f})")

    def ours_html(page: str):
        fresh()
        return segment(clean(_doc(render_html(page) or "")))

    h_s, h_n, _ = rate(ours_html, [html_page], args.seconds)
    try:
        import trafilatura

        t_s, _, _ = rate(lambda p: [trafilatura.extract(p) or ""], [html_page], args.seconds)
        print(f"  HTML newsletter: render_html+segment {h_s:8.1f} pages/s ({h_n} stories each) ; "
              f"trafilatura.extract {t_s:8.1f} pages/s (1 article) ; ratio {h_s / t_s:.2f}")
    except ImportError:
        print(f"  HTML newsletter: render_html+segment {h_s:8.1f} pages/s (trafilatura not installed)")

    cohesion = [p.read_bytes().decode("utf-8") for p in seeds if p.name.startswith("004")]
    cohesion.append((DATA / "datelines.txt").read_text(encoding="utf-8"))
    bbc = shared / "eval" / "bbc-news-topics" / "bbc_news.jsonl"
    if bbc.is_file():
        from sinodesk.eval.segment import load_bbc_concatenations

        cohesion += ["\n".join(s.units) + "\n" for s in load_bbc_concatenations(bbc, n_docs=40, seed=3)]
    c_s, c_n, c_c = rate(ours, cohesion, args.seconds)
    cb_s, _, _ = rate(naive, cohesion, args.seconds)
    mean_chars = sum(map(len, cohesion)) / len(cohesion)
    print(f"cohesion: {len(cohesion)} headline-less documents, mean {mean_chars:.0f} chars, {c_n} stories found")
    print(f"  sinodesk clean+segment : {c_s:9.1f} docs/s wall; {c_c:9.1f} docs/s per CPU second  (target >= 100 docs/s)")
    print(f"  naive blank-line split : {cb_s:9.1f} docs/s  (finds 1 story per document here)")


if __name__ == "__main__":
    main()
