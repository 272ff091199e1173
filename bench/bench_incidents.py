"""What the incidents stage costs: per-document pipeline time with it on and off, in the same run.

Documents: BBC articles that are not in the tech category (the stories the stage must not slow
down: the topic model does not call them cyber and the lexical gate is one regex search), and
the BBC tech category (where cyber stories are) as a second row.  Each document runs through
every per-document stage (``process_document``) with ``incidents.enabled`` true and false, in
alternating passes; the figure is the ratio of medians (on / off).

    taskset -c 0 .venv/bin/python bench/bench_incidents.py [--n 300] [--passes 5]

Reads ../shared/eval/bbc-news-topics/bbc_news.jsonl at run time (research-only licence).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sinodesk.pipeline import build_context, process_document  # noqa: E402
from sinodesk.records import Document  # noqa: E402
from sinodesk.settings import Settings  # noqa: E402
from sinodesk.stages.incidents import IncidentOptions  # noqa: E402


def load(n: int, tech: bool) -> list[Document]:
    shared = Path(os.environ.get("SINODESK_SHARED", ROOT.parent / "shared"))
    path = shared / "eval" / "bbc-news-topics" / "bbc_news.jsonl"
    if not path.exists():
        sys.exit(f"{path} is missing: put the shared data beside the repository or set SINODESK_SHARED")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = [r for r in rows if (r["id"].startswith("tech/")) == tech][:n]
    return [Document(doc_id=r["id"], raw_id=r["id"], source=r["id"], kind="text", text=r["title"] + "\n\n" + r["text"]) for r in rows]


def run(docs, ctx) -> tuple[float, int]:
    t0 = time.perf_counter()
    found = 0
    for d in docs:
        found += sum(len(s.incidents) for s in process_document(d, ctx))
    return time.perf_counter() - t0, found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--passes", type=int, default=5)
    args = ap.parse_args()
    on = Settings()
    off = dataclasses.replace(on, incidents=IncidentOptions(enabled=False))
    ctx_on = build_context(on)
    ctx_off = build_context(off)
    ctx_off.topic_model = ctx_on.topic_model
    for label, tech in (("BBC non-tech (not cyber)", False), ("BBC tech", True)):
        docs = load(args.n, tech)
        run(docs[:20], ctx_on)
        run(docs[:20], ctx_off)
        t_on, t_off = [], []
        found = 0
        for _ in range(args.passes):
            dt, found = run(docs, ctx_on)
            t_on.append(dt)
            t_off.append(run(docs, ctx_off)[0])
        m_on, m_off = statistics.median(t_on), statistics.median(t_off)
        print(f"{label:26} {len(docs)} docs: stage on {len(docs) / m_on:7.1f} docs/s, off {len(docs) / m_off:7.1f} docs/s, "
              f"ratio on/off time {m_on / m_off:.3f} ({found} incidents found)")


if __name__ == "__main__":
    main()
