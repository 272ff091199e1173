"""Train the packaged line labeller (sinodesk/data/segment/layout_model.json).

    .venv/bin/python tools/train_layout.py [--data ../shared] [--out sinodesk/data/segment/layout_model.json]

Lays the licence-clean article sets out in every layout of ``sinodesk.eval.layouts`` (ECB+
CC BY 3.0 and GVC CC BY 4.0 for English; the Chinese pages of trafilatura-eval, Apache-2.0,
and of the Zyte set, MIT) and fits the two-pass logistic regression on the roles the
generator gave each line.  The research-only sets (BBC, Reuters, AG News, THUCNews, the QQ
feed, Choi) are never read here: they are what ``sinodesk eval segment --set layouts``
measures on.  The model's features hold no text, so the file holds none either.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("SINODESK_SHARED", str(ROOT.parent / "shared")))
    ap.add_argument("--out", default=str(ROOT / "sinodesk/data/segment/layout_model.json"))
    ap.add_argument("--docs", type=int, default=10, help="digests per layout")
    ap.add_argument("--singles", type=int, default=2, help="one-story documents per layout")
    args = ap.parse_args()
    from threadpoolctl import threadpool_limits

    from sinodesk.eval.segment_fit import fit, prepare
    from sinodesk.eval.layouts import layout_set

    sets = layout_set(Path(args.data), "train", docs=args.docs, singles=args.singles)
    with threadpool_limits(1):
        rows = prepare([d for docs in sets.values() for d in docs])
        model = fit(rows, about=f"tools/train_layout.py: {len(sets)} layouts x ({args.docs} digests + {args.singles} singles), "
                                f"{sum(len(r.keep) for r in rows)} labelled lines; texts: ECB+ (CC BY 3.0), GVC (CC BY 4.0), "
                                "trafilatura-eval and Zyte Chinese pages (Apache-2.0, MIT)")
    Path(args.out).write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {args.out}: {model.about}")


if __name__ == "__main__":
    main()
