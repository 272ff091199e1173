"""Score the incident tracker against the hand-labelled gold (``sinodesk/eval/gold/incidents``).

Through the product path: each split's items are ingested into a *fresh* archive with default
settings (:mod:`sinodesk.eval.harness`) -- the public-set texts as one JSONL line each (the line's
``text`` is the gold text, so offsets agree), the seed stories as the whole digest files a user
would ingest -- and what ``export`` returns is scored: each story's ``incidents`` field.

Scoring is per item (a gold story): the set of values over all its incidents (main, background
and sidebar) against the set over the incidents of the stories the segmenter made of it.  Names
(victim, attacker, claimant) match when one's words are a run of the other's words and the
shorter has at least half the words of the longer ("NATO" ~ "NATO countries"; "花旗" !~
"传花旗在公布"); each gold name takes at most one prediction.  Technique ids match exactly (and,
in a second figure, rolled up to the parent id); malware names match case-insensitively with
spaces, dots and hyphens ignored; types match exactly.  Predictions in seed stories that the gold
does not list (the digests' non-cyber stories) count as false positives.

Also reported: the gate's recall (gold positives whose stories the stage reads at all) and merge
quality as pairwise precision/recall of "same incident" over items (two items are predicted the
same when their stories' mentions carry a shared merged ``incident_id``; gold when both hold
incidents and share the gold ``group``).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadInput
from ..settings import Settings
from . import incidents_gold as G
from .extract import FieldScore as Score

FIELDS = ("victim", "attacker", "claimant", "technique", "technique_parent", "malware", "type", "incident")
_TOKEN = re.compile(r"[\u3400-\u9fff]|[A-Za-z0-9]+")


@dataclass
class Report:
    split: str
    items: int = 0
    fields: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    gate: Counter = field(default_factory=Counter)  # how the gold positives' stories were read
    gate_read: Counter = field(default_factory=Counter)  # gold positives whose stories pass the stage's gate: 'read' / 'missed'
    merge: Score = field(default_factory=Score)  # pairs of items: predicted "same incident" vs the gold's groups
    extra_seed_incidents: int = 0
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"split": self.split, "items": self.items, "gate": dict(self.gate), "extra_seed_incidents": self.extra_seed_incidents,
                "gate_recall": round(self.gate_recall, 4), "gate_read": dict(self.gate_read),
                "merge_pairs": {"precision": round(self.merge.precision, 4), "recall": round(self.merge.recall, 4), "f1": round(self.merge.f1, 4),
                                "tp": self.merge.tp, "pred": self.merge.pred, "gold": self.merge.gold},
                **{f: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                       "tp": s.tp, "pred": s.pred, "gold": s.gold} for f, s in self.fields.items()}}

    @property
    def gate_recall(self) -> float:
        n = sum(self.gate_read.values())
        return self.gate_read["read"] / n if n else 0.0

    def lines(self) -> list[str]:
        out = [f"incidents eval, {self.split}: {self.items} items (gold positives read via {dict(self.gate)}; "
               f"{self.extra_seed_incidents} incidents in unlabelled seed stories)",
               f"gate recall {self.gate_recall:.3f} ({self.gate_read['read']} of {sum(self.gate_read.values())} gold positives pass the gate)",
               f"{'field':<18}{'precision':>10}{'recall':>9}{'f1':>8}{'tp':>6}{'pred':>6}{'gold':>6}"]
        for f, s in [*self.fields.items(), ("merge_pairs", self.merge)]:
            out.append(f"{f:<18}{s.precision:>10.3f}{s.recall:>9.3f}{s.f1:>8.3f}{s.tp:>6}{s.pred:>6}{s.gold:>6}")
        return out


def tokens(s: str) -> tuple[str, ...]:
    return tuple(t.casefold() for t in _TOKEN.findall(s or ""))


def names_match(a: str, b: str) -> bool:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(small) * 2 < len(big):
        return False
    n = len(small)
    return any(big[i:i + n] == small for i in range(len(big) - n + 1))


def malware_key(name: str) -> str:
    return re.sub(r"[\s.\-_/]+", "", name or "").casefold()


def _match_names(gold: list[str], pred: list[str]) -> tuple[int, list[str], list[str]]:
    left = list(pred)
    tp, missed = 0, []
    for g in gold:
        hit = next((p for p in left if names_match(p, g)), None)
        if hit is None:
            missed.append(g)
        else:
            left.remove(hit)
            tp += 1
    return tp, missed, left


def _uniq(values) -> list:
    seen, out = set(), []
    for v in values:
        k = v.casefold() if isinstance(v, str) else v
        if v and k not in seen:
            seen.add(k)
            out.append(v)
    return out


def gold_values(item: dict) -> dict[str, list]:
    incs = item["incidents"]
    techs = _uniq(t["id"] for i in incs for t in i["techniques"])
    return {
        "victim": _uniq(v["name"]["text"] for i in incs for v in i["victims"] if v.get("name")),
        "attacker": _uniq(a["name"]["text"] for i in incs for a in i["attackers"] if a.get("name")),
        "claimant": _uniq(a["claimant"]["text"] for i in incs for a in i["attributions"] if a.get("claimant")),
        "technique": techs,
        "technique_parent": _uniq(t.split(".")[0] for t in techs),
        "malware": _uniq(malware_key(m["name"]["text"]) for i in incs for m in i["malware"]),
        "type": _uniq(t for i in incs for t in i["types"]),
        "incident": [1] if incs else [],
    }


def pred_values(incs: list[dict]) -> dict[str, list]:
    techs = _uniq(t["id"] for i in incs for t in i["techniques"])
    return {
        "victim": _uniq(v["name"] for i in incs for v in i["victims"]),
        "attacker": _uniq(a["name"] for i in incs for a in i["attackers"]),
        "claimant": _uniq(a["claimant"] for i in incs for a in i["attributions"] if a.get("claimant")),
        "technique": techs,
        "technique_parent": _uniq(t.split(".")[0] for t in techs),
        "malware": _uniq(malware_key(m["name"]) for i in incs for m in i["malware"]),
        "type": _uniq(t for i in incs for t in i["types"]),
        "incident": [1] if incs else [],
    }


def score_item(rep: Report, where: str, gold: dict[str, list], pred: dict[str, list]) -> None:
    for f in FIELDS:
        g, p = gold[f], pred[f]
        if f in ("victim", "attacker", "claimant"):
            tp, missed, extra = _match_names(g, p)
        else:
            tp = len(set(g) & set(p))
            missed, extra = [x for x in g if x not in p], [x for x in p if x not in g]
        s = rep.fields[f]
        s.tp += tp
        s.pred += len(p)
        s.gold += len(g)
        rep.misses += [f"{where} {f} missed {x!r}" for x in missed] + [f"{where} {f} extra {x!r}" for x in extra]


def _passes_gate(story: dict, doc_text: str, opts) -> bool:
    """Whether the incidents stage reads this exported story (its gate, on what the story carries)."""
    from ..stages.incidents import StoryView, default_tables, gate

    view = StoryView(doc_text, story["start"], story["end"], story.get("language"), story.get("headline"), topics=tuple(story.get("topics") or ()))
    return gate(view, default_tables(), opts) is not None


def score_merge(rep: Report, merged: list[tuple[str, str | None, set[str]]]) -> None:
    """Pairwise "same incident" over items: predicted when two items' stories share a merged incident
    id, gold when both items hold incidents and share the gold ``group``."""
    for i, (wa, ga, ia) in enumerate(merged):
        for wb, gb, ib in merged[i + 1:]:
            pred, gold = bool(ia & ib), ga is not None and ga == gb
            rep.merge.pred += pred
            rep.merge.gold += gold
            rep.merge.tp += pred and gold
            if pred != gold:
                rep.misses.append(f"{wa} ~ {wb} merge {'extra' if pred else 'missed'}")


def _inputs(items: list[dict], texts: G.Texts, tmp: Path) -> tuple[list[Path], dict]:
    """Files to ingest: one JSONL of the public-set items (line n = item), the seed digests whole."""
    from .harness import write_jsonl

    rows, where, seeds = [], {}, set()
    for it in items:
        if it["dataset"] == "seeds":
            seeds.add(it["id"].partition("#")[0])
            continue
        rows.append({"text": texts.text(it), "date": it.get("published")})
        where[(it["dataset"], it["id"])] = len(rows)
    paths = [write_jsonl(rows, tmp / "items.jsonl")] if rows else []
    for name in sorted(seeds):
        src = texts.shared / "seeds" / name
        if not src.exists():
            raise BadInput(f"{src} is missing: point --data (or $SINODESK_SHARED) at the shared folder holding seeds/")
        shutil.copy(src, tmp / name)
        paths.append(tmp / name)
    return paths, where


def evaluate(split: str, shared: str | Path, *, settings=None, gold_dir: Path = G.GOLD_DIR) -> Report:
    """Ingest one split's items into a fresh archive and score the exported incidents."""
    from .harness import ingest_fresh

    texts = G.Texts(shared)
    items = G.load(split, gold_dir)
    tmp = Path(tempfile.mkdtemp(prefix="sinodesk-eval-incidents-"))
    try:
        paths, line_of = _inputs(items, texts, tmp)
        run = ingest_fresh(paths, settings)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    by_line = run.by_line()
    by_source = {Path(src).name: stories for src, stories in run.by_source().items()}
    rep = Report(split=split)
    opts = (settings or Settings()).incidents
    used: set[str] = set()
    merged: list[tuple[str, str | None, set[str]]] = []
    for it in items:
        rep.items += 1
        if it["dataset"] == "seeds":
            name, _, anchor = it["id"].partition("#")
            whole = (texts.shared / "seeds" / name).read_text(encoding="utf-8")
            s = whole.index(anchor)
            e = whole.index(it["anchor_end"], s) + len(it["anchor_end"])
            stories = [st for st in by_source.get(name, []) if st["start"] < e and st["end"] > s]
        else:
            stories = by_line.get(line_of[(it["dataset"], it["id"])], [])
        used.update(st["story_id"] for st in stories)
        incs = [i for st in stories for i in st["incidents"]]
        where = f"{it['dataset']}:{it['id']}"
        if it["incidents"]:
            rep.gate[next((i["gate"] for i in incs), "none")] += 1
            read = any(_passes_gate(st, run.doc_text(st["doc_id"]), opts) for st in stories)
            rep.gate_read["read" if read else "missed"] += 1
            if not read:
                rep.misses.append(f"{where} gate missed the story")
        score_item(rep, where, gold_values(it), pred_values(incs))
        merged.append((where, it["group"] if it["incidents"] else None, {i.get("incident_id") for i in incs} - {None}))
    score_merge(rep, merged)
    for name, stories in by_source.items():
        if name.endswith(".txt"):
            for st in stories:
                if st["story_id"] not in used and st["incidents"]:
                    rep.extra_seed_incidents += len(st["incidents"])
                    rep.fields["incident"].pred += 1
                    rep.misses.append(f"seeds:{name} story {st['story_id']} ({(st['headline'] or '')[:50]}) extra incident(s)")
    return rep
