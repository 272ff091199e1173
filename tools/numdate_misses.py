"""Why gold numbers and dates are missed, and what the extras are: counts by kind, through the product path.

    python tools/numdate_misses.py --set dev --items          # each miss and extra with its kind (tune/dev sets only)
    python tools/numdate_misses.py --set dev,devzh,seeds,written
    python tools/numdate_misses.py --set heldout              # counts only: held-out sets stay unseen item by item

Matching is the scorer's (``sinodesk eval extract``): numbers by (value, unit), dates by span overlap and ISO value
(seeds and written: the ISO value).  Each unmatched gold item gets one kind, the first that holds:

* numbers: ``unit`` (a prediction with the same value overlaps it, another unit), ``value`` (an overlapping
  prediction with another value), ``not-found``; and a shape: ``zh``, ``words`` (no digits), ``range``,
  ``currency``, ``percent``, ``fraction``, ``times``, ``count``;
* dates: ``value`` (an overlapping prediction, another ISO value), ``not-found``; and a shape: ``relative``,
  ``range``, ``zh``, ``year``, ``month``, ``day``, ... (the gold precision);

extras the same way (``unit``/``value`` when a gold item overlaps, else ``spurious``).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sinodesk.eval.extract import HELDOUT, _date_overlap, _greedy, _num_match, load_set, norm, run_items  # noqa: E402

_HAN = re.compile(r"[\u4e00-\u9fff]")
_RANGE = re.compile(r"\d\s*(?:-|–|to|至|到|~|and)\s*\d|\b(?:to|and|or)\b|至|到")
_REL = re.compile(r"(?i)\b(?:yesterday|today|tomorrow|last|this|next|ago|earlier|later|monday|tuesday|wednesday|thursday|"
                  r"friday|saturday|sunday)\b|[昨今明去本上下前]")


def num_shape(text: str, unit) -> str:
    if _HAN.search(text or ""):
        return "zh"
    if text and not re.search(r"\d", text):
        return "words"
    if _RANGE.search(text or ""):
        return "range"
    u = (unit or "")
    if len(u) == 3 and u.isupper():
        return "currency"
    if u in ("percent", "percentage points", "fraction", "times"):
        return u
    return "count" if u else "no-unit"


def date_shape(text: str, precision) -> str:
    if _RANGE.search(text or ""):
        return "range"
    if _REL.search(text or ""):
        return "relative" + ("-zh" if _HAN.search(text) else "")
    return (precision or "?") + ("-zh" if _HAN.search(text or "") else "")


def _overlap(a, b) -> bool:
    if a[3] is not None and b[3] is not None:
        return a[3] < b[4] and b[3] < a[4]
    ta, tb = set(re.findall(r"\w+", (a[2] or "").lower())), set(re.findall(r"\w+", (b[2] or "").lower()))
    return bool(ta & tb)


def _context(g, s, e, width=60) -> str:
    text = g.item.text if g.kind == "public" else (g.text or "")
    if s is None or not text:
        return ""
    return text[max(0, s - width) : s].replace("\n", " ") + "[[" + text[s:e] + "]]" + text[e : e + width].replace("\n", " ")


def classify_numbers(g, prod):
    L = g.labels
    public = g.kind == "public"
    gold = ([(n["value"], n["unit"], n["text"], n["start"], n["end"]) for n in L.get("numbers", [])] if public
            else [(v, u, t, None, None) for t, v, u in L.get("numbers", [])])
    opt = [(n["value"], n["unit"], n["text"], n.get("start"), n.get("end")) for n in (L.get("optional") or {}).get("numbers", [])]
    pred = [(n["value"], n["unit"], n["text"], n["start"], n["end"]) for n in prod.facts("numbers")]
    if opt:
        _, _, pred = _greedy(opt, pred, _num_match)
    _, missed, extra = _greedy(gold, pred, _num_match)
    out = []
    for m in missed:
        near = [p for p in pred if _overlap(m, p)]
        kind = "unit" if any(_close(m[0], p[0]) for p in near) else ("value" if near else "not-found")
        out.append(("miss", kind, num_shape(m[2], m[1]), m, near))
    for p in extra:
        near = [x for x in gold if _overlap(x, p)]
        kind = "unit" if any(_close(x[0], p[0]) for x in near) else ("value" if near else "spurious")
        out.append(("extra", kind, num_shape(p[2], p[1]), p, near))
    return out, len(gold), len(pred)


def _close(a, b) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return a == b or (a != 0 and abs(a - b) <= 1e-3 * abs(a))


def classify_dates(g, prod):
    L = g.labels
    public = g.kind == "public"
    if public:
        gold = [(norm(d["text"]), d.get("iso"), d.get("precision"), d["start"], d["end"]) for d in L.get("dates", [])]
        opt = [(norm(d["text"]), d.get("iso"), d.get("precision"), d["start"], d["end"]) for d in (L.get("optional") or {}).get("dates", [])]
        pred = [(norm(d["text"]), d["iso"], d.get("precision"), d["start"], d["end"]) for d in prod.facts("dates")]
        if opt:
            _, _, pred = _greedy(opt, pred, _date_overlap)
        match = _date_overlap
    else:
        gold = [(t, iso, None, None, None) for t, iso in L.get("dates", [])]
        pred = [(d["text"], d["iso"], d.get("precision"), None, None) for d in prod.facts("dates")]
        match = lambda a, b: a[1] == b[1] if a[1] is not None else a[0] == b[0]  # noqa: E731
    _, missed, extra = _greedy(gold, pred, match)
    out = []
    for m in missed:
        near = [p for p in pred if _dover(m, p)]
        out.append(("miss", "value" if near else "not-found", date_shape(m[0], m[2]), m, near))
    for p in extra:
        near = [x for x in gold if _dover(x, p)]
        out.append(("extra", "value" if near else "spurious", date_shape(p[0], p[2]), p, near))
    return out, len(gold), len(pred)


def _dover(a, b) -> bool:
    if a[3] is not None and b[3] is not None:
        return a[3] < b[4] and b[3] < a[4]
    return norm(a[0]) == norm(b[0])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="dev", help="comma-separated sets")
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--field", default="numbers,dates")
    ap.add_argument("--items", action="store_true", help="list each miss and extra (refused for held-out sets)")
    args = ap.parse_args()
    for name in args.set.split(","):
        if args.items and name in HELDOUT:
            sys.exit("--items lists a held-out set's misses one by one: counts only for held-out sets")
        items = load_set(name, args.data)
        produced = run_items(items)
        for fieldname in args.field.split(","):
            kinds = Counter()
            n_gold = n_pred = 0
            lines = []
            for g in items:
                fn = classify_numbers if fieldname == "numbers" else classify_dates
                rows, ng, npred = fn(g, produced[g.id])
                n_gold += ng
                n_pred += npred
                for side, kind, shape, x, near in rows:
                    kinds[side, kind, shape] += 1
                    if args.items:
                        s, e = x[3], x[4]
                        lines.append(f"{side}\t{kind}\t{shape}\t{g.id}\t{x[:3]}\tnear={[n[:3] for n in near]}\t{_context(g, s, e)}")
            missed = sum(c for (side, _, _), c in kinds.items() if side == "miss")
            extra = sum(c for (side, _, _), c in kinds.items() if side == "extra")
            tp = n_gold - missed
            print(f"== {name} {fieldname}: gold {n_gold} pred {n_pred} tp {tp}  P {tp / n_pred if n_pred else 1:.3f} R {tp / n_gold if n_gold else 1:.3f}")
            for (side, kind, shape), c in sorted(kinds.items(), key=lambda kv: (kv[0][0], -kv[1])):
                print(f"  {side:5} {kind:9} {shape:18} {c}")
            for line in sorted(lines):
                print("   ", line)


if __name__ == "__main__":
    main()
