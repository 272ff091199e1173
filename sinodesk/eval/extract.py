"""Score the extract stage against the hand-labelled gold set in tests/data/extract.

Each gold story is extracted on its own segment; per field we count true positives,
predictions and gold items (see tests/data/extract/README.md for the matching rules) and
report precision, recall and F1, plus accuracy of the story date and outlet, and a
provenance check (``doc.text[start:end] == text`` for every mention).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadInput, NothingToDo
from ..records import Document, Extraction, Segment

FIELDS = ("entities", "attributions", "numbers", "dates")


@dataclass(frozen=True)
class GoldStory:
    id: str
    text: str  # the whole document text
    start: int
    end: int
    labels: dict


@dataclass
class FieldScore:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ExtractReport:
    stories: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    published_ok: int = 0
    outlet_ok: int = 0
    mentions: int = 0
    provenance_ok: int = 0
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        d = {
            "stories": self.stories,
            "published_accuracy": self.published_ok / self.stories if self.stories else 0.0,
            "outlet_accuracy": self.outlet_ok / self.stories if self.stories else 0.0,
            "provenance": self.provenance_ok / self.mentions if self.mentions else 1.0,
        }
        for name, s in self.fields.items():
            d[name] = {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                       "tp": s.tp, "pred": s.pred, "gold": s.gold}
        return d


def default_gold_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "tests" / "data" / "extract"


def load_gold(gold_dir: Path, seeds_dir: Path | None, *, heldout: bool = False) -> list[GoldStory]:
    """Written stories always; seed stories when ``seeds_dir`` exists.

    ``heldout=True`` reads only the ``heldout_*.jsonl`` files (labelled blind, never used for
    tuning); the default reads every other file, so the two sets never mix.
    """
    gold_dir = Path(gold_dir)
    files = sorted(p for p in gold_dir.glob("*.jsonl") if p.name.startswith("heldout_") == heldout)
    if not files:
        raise NothingToDo(f"{gold_dir}: no gold *.jsonl files (pass --gold pointing at tests/data/extract)")
    out: list[GoldStory] = []
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BadInput(f"{path.name} line {n}: not JSON ({exc.msg}); fix the line") from None
            if "text" in row:
                out.append(GoldStory(row["id"], row["text"], 0, len(row["text"]), row))
                continue
            if seeds_dir is None or not (Path(seeds_dir) / row["seed"]).exists():
                continue
            text = (Path(seeds_dir) / row["seed"]).read_text(encoding="utf-8")
            s = text.find(row["start"])
            e = text.find(row["end"], max(s, 0))
            if s < 0 or e < 0:
                raise BadInput(f"{path.name} line {n}: anchors of {row['id']} not found in {row['seed']} (update the anchors)")
            out.append(GoldStory(row["id"], text, s, e + len(row["end"]), row))
    return out


def _keys(field_name: str, items) -> Counter:
    if field_name == "entities":
        return Counter(set(items))
    if field_name == "attributions":
        return Counter(t.strip() for t in items)
    if field_name == "numbers":
        return Counter((round(float(v), 6), u) for _t, v, u in items)
    return Counter(iso for _t, iso in items)


_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_]+")


def _tokens(s: str) -> tuple[str, ...]:
    """Words (Latin, digits) and single CJK characters, case-folded; punctuation dropped."""
    return tuple(t.casefold() for t in _TOKEN.findall(s))


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return n > 0 and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def surfaces_match(a: str, b: str) -> bool:
    """Two attribution surfaces name the same source: equal, or one's whole tokens are a run of
    the other's ("2025 Spring Festival Travel Working Group" ~ "Spring Festival Travel Working
    Group"; "Xi" does not match "Xinhua", "Taiwan" does not match "Taiwan's" ... only as a token).
    """
    if a == b:
        return True
    ta, tb = _tokens(a), _tokens(b)
    return _contains(ta, tb) or _contains(tb, ta)


def _partial_tp(gold: Counter, pred: Counter) -> int:
    """Attribution surfaces match by whole tokens (see ``surfaces_match``), one prediction per gold item."""
    left = Counter(pred)
    tp = 0
    for g, n in gold.items():
        for _ in range(n):
            hit = next((p for p in left if left[p] > 0 and p == g), None) or next(
                (p for p in left if left[p] > 0 and surfaces_match(p, g)), None)
            if hit is not None:
                left[hit] -= 1
                tp += 1
    return tp


def _pred_items(field_name: str, x: Extraction):
    if field_name == "entities":
        return [e.canonical for e in x.entities]
    if field_name == "attributions":
        return [a.text for a in x.attributions]
    if field_name == "numbers":
        return [(n.text, n.value, n.unit) for n in x.numbers]
    return [(d.text, d.iso) for d in x.dates]


def evaluate(stories: list[GoldStory], opts=None, resources=None) -> ExtractReport:
    from ..stages.extract import ExtractOptions, extract

    opts = opts or ExtractOptions()
    rep = ExtractReport()
    for g in stories:
        doc = Document(doc_id=g.id, raw_id=g.id, source=g.id, kind="text", text=g.text, published=g.labels.get("doc_published"))
        seg = Segment(start=g.start, end=g.end, text=g.text[g.start : g.end])
        lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in g.text[g.start : g.start + 40]) else "en"
        x = extract(doc, seg, lang, opts, resources=resources)
        rep.stories += 1
        rep.published_ok += x.published == g.labels.get("published")
        rep.outlet_ok += x.outlet_id == g.labels.get("outlet_id")
        for m in (*x.entities, *x.attributions, *x.numbers, *x.dates):
            rep.mentions += 1
            rep.provenance_ok += g.text[m.start : m.end] == m.text
        for f in FIELDS:
            gold = _keys(f, g.labels.get(f, []))
            pred = _keys(f, _pred_items(f, x))
            tp = _partial_tp(gold, pred) if f == "attributions" else sum((gold & pred).values())
            s = rep.fields[f]
            s.tp += tp
            s.pred += sum(pred.values())
            s.gold += sum(gold.values())
            for k in (gold - pred):
                rep.misses.append(f"{g.id} {f} missed {k}")
            for k in (pred - gold):
                rep.misses.append(f"{g.id} {f} extra {k}")
    return rep


def format_report(rep: ExtractReport, label: str = "") -> str:
    d = rep.as_dict()
    lines = [f"extract eval {label}".rstrip() + f": {d['stories']} stories"]
    lines.append(f"{'field':<14}{'precision':>10}{'recall':>10}{'f1':>8}{'tp':>6}{'pred':>6}{'gold':>6}")
    for f in FIELDS:
        s = d[f]
        lines.append(f"{f:<14}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>8.3f}{s['tp']:>6}{s['pred']:>6}{s['gold']:>6}")
    lines.append(f"published accuracy {d['published_accuracy']:.3f}   outlet accuracy {d['outlet_accuracy']:.3f}   provenance {d['provenance']:.3f}")
    return "\n".join(lines)
