"""Attribution audit on short texts written for it, through the product path (one JSONL line each).

    python tools/attribution_audit.py                      # the cases in tools/attribution_audit_cases.txt
    python tools/attribution_audit.py --cases FILE --all   # also list the cases that pass

A case is a block of lines separated by a blank line; its last line ``=> A | B`` lists the sources
(surface as written) a reader would count, ``=>`` alone when the text names none (a precision case).
A line ``# kind`` before a block names the kind of the cases after it.  Each case is scored with the
strict matcher of ``sinodesk eval extract``; the tool prints per-kind hits, misses and extras.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sinodesk.eval.extract import _attr_strict, _greedy  # noqa: E402
from sinodesk.eval.harness import ingest_fresh, write_jsonl  # noqa: E402

HERE = Path(__file__).resolve().parent


def read_cases(path: Path) -> list[tuple[str, str, list[str]]]:
    """(kind, text, expected sources) per case."""
    kind = "-"
    out = []
    block: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.rstrip()
        if line.startswith("# ") and not block:
            kind = line[2:].strip()
            continue
        if line:
            block.append(line)
            continue
        if block:
            if not block[-1].startswith("=>"):
                sys.exit(f"case without a '=>' line: {block[0][:60]!r}")
            want = [s.strip() for s in block[-1][2:].split("|") if s.strip()]
            out.append((kind, "\n".join(block[:-1]), want))
            block = []
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=Path, default=HERE / "attribution_audit_cases.txt")
    ap.add_argument("--all", action="store_true")
    args = ap.parse_args()
    cases = read_cases(args.cases)
    with tempfile.TemporaryDirectory(prefix="attr-audit-") as tmp:
        path = write_jsonl([{"text": t} for _, t, _ in cases], Path(tmp) / "cases.jsonl")
        run = ingest_fresh([path])
    lines = run.by_line()
    per_kind: dict[str, Counter] = {}
    for n, (kind, text, want) in enumerate(cases, 1):
        got = [(a["source"], a["text"]) for s in lines.get(n, []) for a in s["attributions"]]
        gold = [(w, w) for w in want]
        tp, missed, extra = _greedy(gold, got, _attr_strict)
        c = per_kind.setdefault(kind, Counter())
        c["gold"] += len(gold)
        c["pred"] += len(got)
        c["tp"] += tp
        if missed or extra or args.all:
            flat = text.replace("\n", " / ")
            print(f"[{kind}] {flat[:150]}\n    missed {[m[0] for m in missed]}  extra {extra}")
    tot = Counter()
    print()
    for kind, c in per_kind.items():
        tot.update(c)
        print(f"{kind:28} gold {c['gold']:3}  pred {c['pred']:3}  tp {c['tp']:3}")
    p = tot["tp"] / tot["pred"] if tot["pred"] else 1.0
    r = tot["tp"] / tot["gold"] if tot["gold"] else 1.0
    print(f"{'all':28} gold {tot['gold']:3}  pred {tot['pred']:3}  tp {tot['tp']:3}  P {p:.3f} R {r:.3f}")


if __name__ == "__main__":
    main()
