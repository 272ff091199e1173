"""Train the packaged digest decision (sinodesk/data/segment/digest_model.json).

    .venv/bin/python tools/train_digest.py [--data ../shared] [--out sinodesk/data/segment/digest_model.json]

Writes the licence-clean calibration texts of ``sinodesk.eval.segment_fit`` as plain-text
files (GVC articles, CC BY 4.0, and the English gold article bodies of the Zyte benchmark,
MIT, one article a file in eight plain-text forms; GVC articles of different incidents one
after the other as digests), lets the finders propose stories, and fits the logistic
regression on the documents whose layout says nothing.  ECB+, BBC, Choi, the digest layouts
and the seeds are never read here: ``sinodesk eval segment`` measures on them.  The model's
features hold no text, so the file holds none either.
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
    ap.add_argument("--out", default=str(ROOT / "sinodesk/data/segment/digest_model.json"))
    ap.add_argument("--digests", type=int, default=300, help="GVC concatenations to build")
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    args = ap.parse_args()
    from sinodesk.eval.segment_fit import calibration, digest_rows, fit_digest

    cal = calibration(Path(args.data), concatenations=args.digests)
    x, y = digest_rows(cal)
    model = fit_digest(x, y, c=args.c, about=(
        f"tools/train_digest.py: {len(cal.singles)} single-article files and {len(cal.digests)} concatenations; "
        f"{int((y == 0).sum())} + {int((y == 1).sum())} of them with several stories proposed and no digest layout; "
        "texts: GVC (CC BY 4.0), Zyte benchmark article bodies (MIT)"))
    Path(args.out).write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {model.about}")


if __name__ == "__main__":
    main()
