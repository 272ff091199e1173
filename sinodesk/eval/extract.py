"""Score the extract stage through the product path, on four labelled sets.

Every set is ingested into a fresh archive with default settings (``eval/harness.py``) and
scored on what ``export`` returns -- the stories the segmenter produced, their language from
the language stage, their dates from what the input carries:

* ``seeds``   -- stories of the five shared seed digests (``seeds.jsonl``, ``seeds_dev.jsonl``),
  located by anchor strings; the seed files are ingested as they are, and the facts of the
  produced stories that fall inside a gold story's span are scored against it;
* ``written`` -- short stories written for the project (``written.jsonl``, ``written_dev.jsonl``),
  each ingested as a plain text file;
* ``dev``     -- items of the public sets outside the held-out pool, labelled by the
  extractor's developers (``dev/*.jsonl``, format in ``FORMAT.md``);
* ``devzh``   -- Chinese headlines (THUCNews) outside the held-out pool, labelled by the extractor's
  developers (``devzh/*.jsonl``): a development set for Chinese names, kept apart from ``dev``;
* ``devzh2``  -- 100 more such headlines (``devzh2/*.jsonl``), labelled the same way;
* ``devzh3``  -- 60 more (``devzh3/*.jsonl``), labelled the same way, from ``tools/devzh3/labels.txt``;
* ``devzh4``  -- 80 more (``devzh4/*.jsonl``), labelled the same way, from ``tools/devzh4/labels.txt``;
* ``heldout`` -- items of the held-out pool labelled independently (``heldout/*.jsonl``).
  Nobody tunes on it; until its folder exists ``--set heldout`` says so.
* ``heldout2`` -- a second, fresh blind set from the held-out pool (``heldout2/*.jsonl``), made
  after ``heldout`` had been scored many times; scored only when asked for (not in ``all``).
* ``heldout3`` -- a third, fresh blind set from the held-out pool (``heldout3/*.jsonl``), made after
  ``heldout2`` had been scored many times; scored only when asked for (not in ``all``).
* ``heldout4`` -- a fourth, fresh blind set from the held-out pool (``heldout4/*.jsonl``), made after
  ``heldout3`` had been scored several times; scored only when asked for (not in ``all``).
* ``heldout5`` -- a fifth, fresh blind set from the held-out pool (``heldout5/*.jsonl``), made after
  ``heldout4`` had been scored four times; scored only when asked for (not in ``all``).

All of ``seeds``, ``written``, ``dev`` and ``devzh``-``devzh4`` were looked at while building the extractor:
they are development figures.  Only ``heldout`` and ``heldout2``-``heldout5`` are independent checks.

Provenance is checked against the DOCUMENT text stored in the archive and against the
original input (the file's decoded text, the JSONL line's text, the feed entry's body).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadInput, NothingToDo
from .public_items import PublicItem, load_item

FIELDS = ("entities", "attributions", "numbers", "dates")
SETS = ("seeds", "written", "dev", "devzh", "devzh2", "devzh3", "devzh4", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")
ON_REQUEST = ("heldout2", "heldout3", "heldout4", "heldout5")  # left out of ``--set all``: scored once per branch, not on every run
HELDOUT = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5")
GOLD_DIR = Path(__file__).resolve().parent / "gold" / "extract"
_FILES = {"seeds": ("seeds.jsonl", "seeds_dev.jsonl"), "written": ("written.jsonl", "written_dev.jsonl")}


@dataclass
class GoldItem:
    id: str
    kind: str  # "seed" | "written" | "public"
    labels: dict
    seed: str | None = None  # seed file name (kind "seed")
    text: str | None = None  # the written story (kind "written")
    item: PublicItem | None = None  # (kind "public")
    span: tuple[int, int] | None = None  # gold story span in the seed file
    path: Path | None = None  # the seed file (kind "seed")

    @property
    def lang(self) -> str:
        if self.kind == "public":
            return self.labels.get("lang") or "en"
        sample = self.text if self.text is not None else self.labels.get("start", "")
        return "zh" if re.search(r"[\u4e00-\u9fff]", sample[:40]) else "en"


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

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold


@dataclass
class ExtractReport:
    name: str = ""
    stories: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    loose_attributions: FieldScore = field(default_factory=FieldScore)
    dates_strict: FieldScore = field(default_factory=FieldScore)  # public items: exact date text (the main figure allows overlap)
    by_lang: dict[str, dict[str, FieldScore]] = field(default_factory=dict)
    peer_entities: FieldScore | None = None
    peer_tried: bool = False
    published_ok: int = 0
    published_n: int = 0
    outlet_ok: int = 0
    outlet_n: int = 0
    date_precision_ok: int = 0
    mentions: int = 0
    provenance_doc: int = 0  # mentions whose offsets re-read exactly in the stored document text
    provenance_orig: int = 0  # ... and in the original input
    provenance_orig_n: int = 0  # mentions whose original input could be re-read (not HTML pages)
    misses: list[str] = field(default_factory=list)
    # public sets: each gold entity by its class -> counts of "found", "wrong type" (its text predicted
    # under another class), "boundary" (a prediction holds it or lies inside it) and "not found"
    entity_kinds: dict[str, dict[str, int]] = field(default_factory=dict)
    # every set: each gold number by the kind of its unit (``numbers.UNIT_KINDS``) -> counts of "found", "other unit"
    # (its value predicted with another unit), "other value" (a prediction's text holds it or lies inside it) and
    # "not found"; "extra" counts the predictions no gold number took, by the kind of their own unit
    number_kinds: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        d = {
            "set": self.name,
            "stories": self.stories,
            "published_accuracy": self.published_ok / self.published_n if self.published_n else None,
            "outlet_accuracy": self.outlet_ok / self.outlet_n if self.outlet_n else None,
            "provenance_document": self.provenance_doc / self.mentions if self.mentions else 1.0,
            "provenance_original": self.provenance_orig / self.provenance_orig_n if self.provenance_orig_n else 1.0,
            "date_precision_accuracy": self.date_precision_ok / self.fields["dates"].tp if self.fields["dates"].tp else None,
            "attributions_loose": _score_dict(self.loose_attributions),
            "dates_strict_text": _score_dict(self.dates_strict) if self.dates_strict.gold else None,
            "by_language": {lang: {f: _score_dict(s) for f, s in fs.items()} for lang, fs in sorted(self.by_lang.items())},
            "entities_by_class": {c: dict(k) for c, k in sorted(self.entity_kinds.items())},
            "numbers_by_outcome": {c: dict(k) for c, k in sorted(self.number_kinds.items())},
        }
        for name, s in self.fields.items():
            d[name] = _score_dict(s)
        if self.peer_entities is not None:
            d["peer_spacy_entities"] = _score_dict(self.peer_entities)
        return d


def _score_dict(s: FieldScore) -> dict:
    return {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4), "tp": s.tp, "pred": s.pred, "gold": s.gold}


# -- loading ------------------------------------------------------------------------------------


def _read_jsonl(path: Path) -> list[tuple[int, dict]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise BadInput(f"{path} line {n}: not JSON ({exc.msg}); fix the line") from None
    return rows


def load_set(name: str, shared: Path | None, gold_dir: Path = GOLD_DIR) -> list[GoldItem]:
    """The gold items of set ``name`` (see the module docstring)."""
    if name not in SETS:
        raise BadInput(f"unknown extraction set {name!r} (known: {', '.join(SETS)})")
    if name in _FILES:
        return _load_story_files(name, shared, gold_dir)
    folder = Path(gold_dir) / name
    files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
    if not files:
        if name in HELDOUT:
            raise NothingToDo(
                f"{folder}: no held-out labels yet (the folder of *.jsonl files labelled independently is missing); "
                "it is filled by the held-out labeller following FORMAT.md -- score --set seeds, written or dev meanwhile"
            )
        raise NothingToDo(f"{folder}: no *.jsonl gold files (label items as FORMAT.md says)")
    if shared is None:
        raise BadInput(f"--set {name} reads the public sets: pass --data pointing at the shared folder or set SINODESK_SHARED")
    items = []
    for path in files:
        for n, row in _read_jsonl(path):
            item = load_item(row.get("dataset", ""), str(row.get("id", "")), shared)
            if row.get("text_sha1") and row["text_sha1"] != item.sha1:
                raise BadInput(f"{path.name} line {n}: reference text of {item.dataset}:{item.id} changed (sha1 differs); re-check the labels' offsets")
            items.append(GoldItem(f"{item.dataset}:{item.id}", "public", row, item=item))
    return items


def _load_story_files(name: str, shared: Path | None, gold_dir: Path) -> list[GoldItem]:
    seeds_dir = Path(shared) / "seeds" if shared is not None else None
    items = []
    for fname in _FILES[name]:
        path = Path(gold_dir) / fname
        for n, row in _read_jsonl(path):
            if "text" in row:
                items.append(GoldItem(row["id"], "written", row, text=row["text"]))
                continue
            if seeds_dir is None or not (seeds_dir / row["seed"]).exists():
                raise BadInput(f"--set seeds needs the seed digests: {seeds_dir} is missing (pass --data pointing at the shared folder)")
            text = (seeds_dir / row["seed"]).read_text(encoding="utf-8")
            s = text.find(row["start"])
            e = text.find(row["end"], max(s, 0))
            if s < 0 or e < 0:
                raise BadInput(f"{fname} line {n}: anchors of {row['id']} not found in {row['seed']} (update the anchors)")
            items.append(GoldItem(row["id"], "seed", row, seed=row["seed"], span=(s, e + len(row["end"])), path=seeds_dir / row["seed"]))
    return items


# -- running through ingest -------------------------------------------------------------------------


@dataclass
class Produced:
    """What export returned for one gold item: its stories' facts, and the texts to re-read them in."""

    stories: list[dict]
    doc_text: dict[str, str]
    original: str | None  # the original input text the offsets point into (None: not re-readable)
    lo: int = 0
    hi: int = 1 << 60
    restrict_to: str | None = None  # count predictions only when their text occurs here (HTML pages)

    def facts(self, name: str) -> list[dict]:
        out = []
        for s in self.stories:
            for m in s["dates" if name == "dates" else name]:
                if self.lo <= m["start"] and m["end"] <= self.hi and (self.restrict_to is None or m["text"] in self.restrict_to):
                    out.append(m)
        return out


def run_items(items: list[GoldItem], settings=None) -> dict[str, Produced]:
    """Ingest every gold item the way a user would and collect what export gives back per item."""
    from .harness import ingest_fresh, ingest_texts

    out: dict[str, Produced] = {}
    seeds = [g for g in items if g.kind == "seed"]
    if seeds:
        paths = sorted({g.path for g in seeds})
        run = ingest_fresh(paths, settings)
        by_src = run.by_source()
        for g in seeds:
            path = g.path
            stories = by_src.get(str(path), [])
            original = Path(path).read_text(encoding="utf-8")
            s, e = g.span
            hit = [st for st in stories if st["start"] < e and s < st["end"]]
            out[g.id] = Produced(hit, {d: run.doc_text(d) for d in {st["doc_id"] for st in hit}}, original, s, e)
    written = [g for g in items if g.kind == "written"]
    if written:
        run = ingest_texts({f"{g.id}.txt": g.text for g in written}, settings)
        by_src = run.by_source()
        for g in written:
            stories = by_src.get(f"{g.id}.txt", [])
            out[g.id] = Produced(stories, {d: run.doc_text(d) for d in {st["doc_id"] for st in stories}}, g.text)
    public = [g for g in items if g.kind == "public"]
    if public:
        out.update(_run_public(public, settings))
    return out


def _run_public(items: list[GoldItem], settings) -> dict[str, Produced]:
    from .harness import ingest_fresh, write_jsonl

    as_json = [g for g in items if g.item.path is None]
    files = {}
    with tempfile.TemporaryDirectory(prefix="sinodesk-eval-extract-") as tmp:
        inputs = []
        if as_json:
            lines = []
            for g in as_json:
                line = {"title": g.item.title, "text": g.item.text}
                if g.item.date:
                    line["date"] = g.item.date
                lines.append({k: v for k, v in line.items() if v})
            inputs.append(write_jsonl(lines, Path(tmp) / "items.jsonl"))
        for g in items:
            if g.item.path is None or str(g.item.path) in files:
                continue
            src = Path(g.item.path)
            if src.name.endswith(".gz"):
                import gzip

                dest = Path(tmp) / src.name[:-3].replace(".html", "") / (src.name[: -len(".gz")] if src.name.endswith(".html.gz") else src.name[:-3] + ".html")
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(gzip.decompress(src.read_bytes()))
            else:
                dest = src
            files[str(src)] = dest
            inputs.append(dest)
        run = ingest_fresh(inputs, settings)
    lines = run.by_line()
    by_src = run.by_source()
    out: dict[str, Produced] = {}
    for n, g in enumerate(as_json, 1):
        stories = lines.get(n, [])
        # a long item labelled only up to ``scope_end`` (FORMAT.md additions): facts after it are not scored
        out[g.id] = Produced(stories, {d: run.doc_text(d) for d in {s["doc_id"] for s in stories}}, g.item.text,
                             hi=g.labels.get("scope_end") or (1 << 60))
    for g in items:
        if g.item.path is None:
            continue
        stories = by_src.get(str(files[str(g.item.path)]), [])
        if g.item.dataset == "feeds":
            entry = f"entry {int(g.item.id.rpartition('#')[2]) + 1}"
            stories = [s for s in stories if run.documents[s["doc_id"]]["item_key"] == entry]
            out[g.id] = Produced(stories, {d: run.doc_text(d) for d in {s["doc_id"] for s in stories}}, g.item.text)
        else:
            out[g.id] = Produced(stories, {d: run.doc_text(d) for d in {s["doc_id"] for s in stories}}, None, restrict_to=g.item.text)
    return out


# -- matching -----------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_]+")
_CLASS = {"PERSON": "PERSON", "ORG": "ORG", "THREAT_ACTOR": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
          "PRODUCT": "PRODUCT", "MALWARE": "PRODUCT", "EVENT": "EVENT", "LAW": "LAW"}


def entity_class(label: str) -> str:
    return _CLASS.get(label, label)


def norm(s: str | None) -> str:
    """Case-folded, spaces collapsed, no leading "the ", no trailing possessive, simplified Chinese."""
    if not s:
        return ""
    t = " ".join(s.split()).casefold()
    t = re.sub(r"^the ", "", t)
    t = re.sub(r"(?:'s|’s)$", "", t)
    if re.search(r"[\u3400-\u9fff]", t):
        from ..stages.extract.outlets import _to_simplified as to_simplified

        t = to_simplified(t)
    return t


def _tokens(s: str) -> tuple[str, ...]:
    return tuple(t.casefold() for t in _TOKEN.findall(s))


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return n > 0 and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def surfaces_match(a: str, b: str) -> bool:
    """LOOSE match (reported apart): one surface's whole tokens are a run of the other's."""
    if a == b:
        return True
    ta, tb = _tokens(a), _tokens(b)
    return _contains(ta, tb) or _contains(tb, ta)


def _greedy(golds: list, preds: list, match) -> tuple[int, list, list]:
    """One prediction per gold item: (true positives, unmatched gold, unmatched predictions)."""
    left = list(preds)
    missed = []
    tp = 0
    for g in golds:
        k = next((i for i, p in enumerate(left) if match(g, p)), None)
        if k is None:
            missed.append(g)
        else:
            left.pop(k)
            tp += 1
    return tp, missed, left


def _unit(u) -> str:
    u = (u or "").strip().lower()
    return u[:-1] if u.endswith("s") and len(u) > 3 else u


def _num_match(g, p) -> bool:
    try:
        gv, pv = float(g[0]), float(p[0])
    except (TypeError, ValueError):  # an optional label such as a score "16-9" has no single value
        return False
    close = gv == pv or (gv != 0 and abs(gv - pv) <= 1e-3 * abs(gv))
    gu, pu = _unit(g[1]), _unit(p[1])
    # the same unit, or one names the other's head word ("critics and broadcasters" ~ "critics")
    return close and (gu == pu or (bool(gu) and bool(pu) and (_unit(gu.split()[0]) == pu or _unit(pu.split()[-1]) == gu)))


def _date_overlap(g, p) -> bool:
    """Spans overlap and the value agrees (a gold date with no value -- undated item -- takes any)."""
    return g[3] < p[4] and p[3] < g[4] and (g[1] is None or g[1] == p[1])


def _drop_optional(preds: list, optional: list, match, golds: list) -> list:
    """Predictions left after taking out those that match an optional gold label (FORMAT.md
    additions: a label a careful annotator could leave out is neither a hit nor a miss).  The
    required labels take their predictions first: a prediction that matches both a required and
    an optional label ("Andrew Marr said" twice, once optional) is the required one's hit, not
    dropped with the optional one (which left the required label missed)."""
    if not optional:
        return preds
    _, _, extra = _greedy(golds, preds, match)
    _, _, kept = _greedy(optional, extra, match)
    gone = Counter(map(repr, extra)) - Counter(map(repr, kept))
    out = []
    for p in preds:
        if gone[repr(p)] > 0:
            gone[repr(p)] -= 1
        else:
            out.append(p)
    return out


def _attr_strict(g, p) -> bool:
    gs, gt = g
    ps, pt = p
    return bool(norm(gs)) and (norm(ps) == norm(gs) or norm(pt) == norm(gs) or (bool(gt) and norm(pt) == norm(gt)))


def score_item(g: GoldItem, prod: Produced, rep: ExtractReport, registry=None) -> None:
    """Add one item's counts to ``rep`` (and to its language's counts)."""
    lang = rep.by_lang.setdefault(g.lang, {f: FieldScore() for f in FIELDS})
    L = g.labels
    public = g.kind == "public"
    ents = prod.facts("entities")
    opt = L.get("optional") or {}
    if public:
        # a gold entity may allow other labels (``alt_labels``): any of its classes matches
        gold_e = sorted({(tuple(sorted({entity_class(x) for x in [e["label"], *e.get("alt_labels", ())]})), norm(e["text"])) for e in L.get("entities", [])})
        pred_e = sorted({(entity_class(e["label"]), norm(e["text"])) for e in ents})
        optional = {(entity_class(e["label"]), norm(e["text"])) for e in opt.get("entities", [])}
        pred_e = [p for p in pred_e if p not in optional]
        _count(rep, lang, g.id, "entities", gold_e, pred_e, lambda a, b: b[0] in a[0] and a[1] == b[1])
        _entity_kinds(rep, gold_e, pred_e)
    else:
        gold_e = sorted(set(L.get("entities", [])))
        pred_e = sorted({e["canonical"] for e in ents})
        _count(rep, lang, g.id, "entities", gold_e, pred_e, lambda a, b: a == b)
    attrs = prod.facts("attributions")
    gold_a = [(a["source"], a.get("text")) for a in L.get("attributions", [])] if public else [(a, None) for a in L.get("attributions", [])]
    pred_a = _drop_optional([(a["source"], a["text"]) for a in attrs], [(a["source"], a.get("text")) for a in opt.get("attributions", [])], _attr_strict, gold_a)
    _count(rep, lang, g.id, "attributions", gold_a, pred_a, _attr_strict)
    tp, _, _ = _greedy(gold_a, pred_a, lambda gg, p: surfaces_match(p[1], gg[1] or gg[0]) or surfaces_match(p[0], gg[0]))
    rep.loose_attributions.add(tp, len(pred_a), len(gold_a))
    nums = prod.facts("numbers")
    gold_n = [(n["value"], n["unit"], n["text"]) for n in L.get("numbers", [])] if public else [(v, u, t) for t, v, u in L.get("numbers", [])]
    pred_n = _drop_optional([(n["value"], n["unit"], n["text"]) for n in nums], [(n["value"], n["unit"], n["text"]) for n in opt.get("numbers", [])], _num_match, gold_n)
    _count(rep, lang, g.id, "numbers", gold_n, pred_n, _num_match)
    _number_kinds(rep, gold_n, pred_n)
    dates = prod.facts("dates")
    if public:
        # the span matches when it overlaps the gold span ("Monday morning" ~ "Monday"); the value when
        # the gold has one.  ``dates_strict`` in the report keeps the exact-text figure beside it.
        gold_d = [(norm(d["text"]), d.get("iso"), d.get("precision"), d["start"], d["end"]) for d in L.get("dates", [])]
        pred_d = [(norm(d["text"]), d["iso"], d.get("precision"), d["start"], d["end"]) for d in dates]
        pred_d = _drop_optional(pred_d, [(norm(d["text"]), d.get("iso"), d.get("precision"), d["start"], d["end"]) for d in opt.get("dates", [])], _date_overlap, gold_d)
        strict = lambda a, b: a[0] == b[0] and (a[1] is None or a[1] == b[1])  # noqa: E731
        tp, _, _ = _greedy(gold_d, pred_d, strict)
        rep.dates_strict.add(tp, len(pred_d), len(gold_d))
        match = _date_overlap
    else:
        gold_d = [(t, iso, None) for t, iso in L.get("dates", [])]
        pred_d = [(d["text"], d["iso"], d.get("precision")) for d in dates]
        match = lambda a, b: a[1] == b[1] if a[1] is not None else a[0] == b[0]  # noqa: E731  (null: the story has no date to read it against)
    tp_d = _count(rep, lang, g.id, "dates", gold_d, pred_d, match)
    rep.date_precision_ok += tp_d[1]
    rep.stories += 1
    _story_level(g, prod, rep, registry)
    _provenance(prod, rep)


ENTITY_OUTCOMES = ("found", "wrong type", "boundary", "not found")


def entity_outcome(gold: tuple[tuple[str, ...], str], preds: list[tuple[str, str]]) -> str:
    """What became of one gold entity ``(classes, normalised text)`` among an item's predictions
    ``(class, normalised text)``: found; its text predicted under another class (wrong type); a
    prediction that holds it or lies inside it ("Fish" for "Fish and Wildlife Service": boundary);
    or nothing (not found)."""
    classes, text = gold
    if any(c in classes and t == text for c, t in preds):
        return "found"
    if any(t == text for _, t in preds):
        return "wrong type"
    if any(t and (t in text or text in t) for _, t in preds):
        return "boundary"
    return "not found"


def _entity_kinds(rep: ExtractReport, gold_e, pred_e) -> None:
    for g in gold_e:
        kinds = rep.entity_kinds.setdefault(g[0][0], dict.fromkeys(ENTITY_OUTCOMES, 0))
        kinds[entity_outcome(g, pred_e)] += 1


NUMBER_OUTCOMES = ("found", "other unit", "other value", "not found", "extra")


def number_outcomes(golds: list[tuple], preds: list[tuple]) -> tuple[list[str], list[tuple]]:
    """What became of each gold number ``(value, unit, text)`` among an item's predictions (the same shape),
    matched as the score matches them: found; its value predicted with another unit ("other unit");
    a prediction whose text holds it or lies inside it with another value ("other value": "aged 16 to 24"
    read as one number, "12st 4lb" as 12); or nothing ("not found").  Also the predictions left over."""
    left = list(preds)
    hit = []
    for g in golds:  # the score's greedy match (``_count``)
        k = next((i for i, p in enumerate(left) if _num_match(g, p)), None)
        hit.append(k is not None)
        if k is not None:
            left.pop(k)
    out = []
    for g, ok in zip(golds, hit):
        if ok:
            out.append("found")
        elif any(_num_match((g[0], p[1]), p) for p in left):
            out.append("other unit")
        elif any(p[2] and g[2] and (p[2] in g[2] or g[2] in p[2]) for p in left):
            out.append("other value")
        else:
            out.append("not found")
    return out, left


def _number_kinds(rep: ExtractReport, gold_n, pred_n) -> None:
    from ..stages.extract.numbers import unit_kind

    outcomes, extra = number_outcomes(gold_n, pred_n)
    for g, o in zip(gold_n, outcomes):
        rep.number_kinds.setdefault(unit_kind(g[1]), dict.fromkeys(NUMBER_OUTCOMES, 0))[o] += 1
    for p in extra:
        rep.number_kinds.setdefault(unit_kind(p[1]), dict.fromkeys(NUMBER_OUTCOMES, 0))["extra"] += 1


def _count(rep, lang, item_id, name, golds, preds, match):
    left = list(preds)
    tp = prec_ok = 0
    for g in golds:
        k = next((i for i, p in enumerate(left) if match(g, p)), None)
        if k is None:
            rep.misses.append(f"{item_id} {name} missed {g}")
            continue
        p = left.pop(k)
        tp += 1
        if name == "dates" and len(g) > 2 and g[2] and g[2] == p[2]:
            prec_ok += 1
    for p in left:
        rep.misses.append(f"{item_id} {name} extra {p}")
    rep.fields[name].add(tp, len(preds), len(golds))
    lang[name].add(tp, len(preds), len(golds))
    return tp, prec_ok


def _story_level(g: GoldItem, prod: Produced, rep: ExtractReport, registry) -> None:
    if g.kind == "public" or not prod.stories:
        if g.kind != "public":
            rep.published_n += 1
            rep.outlet_n += 1
        return
    s0, e0 = g.span or (0, 1 << 60)
    main = max(prod.stories, key=lambda st: min(st["end"], e0) - max(st["start"], s0))
    rep.published_n += 1
    want_date = g.labels.get("published")  # null: the story carries no date, so the ingest day stands in
    rep.published_ok += main["published"] == want_date if want_date else main.get("published_source") == "ingested"
    rep.outlet_n += 1
    want = g.labels.get("outlet_id")
    o = registry.get(want) if (registry is not None and want) else None
    rep.outlet_ok += (main["outlet"] is None and want is None) or (o is not None and main["outlet"] == o.name)


def _provenance(prod: Produced, rep: ExtractReport) -> None:
    for st in prod.stories:
        doc = prod.doc_text.get(st["doc_id"], "")
        for name in ("entities", "attributions", "numbers", "dates"):
            for m in st[name]:
                rep.mentions += 1
                rep.provenance_doc += doc[m["start"] : m["end"]] == m["text"]
                if prod.original is not None:
                    rep.provenance_orig_n += 1
                    rep.provenance_orig += prod.original[m["start"] : m["end"]] == m["text"]


# -- the spaCy peer ---------------------------------------------------------------------------------

_SPACY_TO_LABEL = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "PRODUCT": "PRODUCT",
                   "EVENT": "EVENT", "LAW": "LAW", "WORK_OF_ART": "PRODUCT"}


def spacy_peer(items: list[GoldItem], model: str, text_of) -> FieldScore | None:
    """Entity P/R of spaCy's model alone over each item's text (None when it cannot be loaded)."""
    try:
        import spacy

        nlp = spacy.load(model, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
    except (ImportError, OSError):
        return None
    from ..stages.extract import default_resources
    from ..stages.extract.gazetteer import slug

    gaz = default_resources().gazetteer
    score = FieldScore()
    for g in items:
        text, lo, hi = text_of(g)
        ents = [(e.label_, re.sub(r"^(?:the|The) ", "", e.text)) for e in nlp(text[lo:hi]).ents if e.label_ in _SPACY_TO_LABEL]
        if g.kind == "public":  # scored exactly as ours: alternative labels, optional labels
            gold = {(tuple(sorted({entity_class(x) for x in [e["label"], *e.get("alt_labels", ())]})), norm(e["text"]))
                    for e in g.labels.get("entities", [])}
            optional = {(entity_class(e["label"]), norm(e["text"])) for e in (g.labels.get("optional") or {}).get("entities", [])}
            pred = {(entity_class(_SPACY_TO_LABEL[lab]), norm(t)) for lab, t in ents} - optional
            tp, _, _ = _greedy(sorted(gold), sorted(pred), lambda a, b: b[0] in a[0] and a[1] == b[1])
            score.add(tp, len(pred), len(gold))
            continue
        else:
            gold = set(g.labels.get("entities", []))
            prefix = {"PERSON": "person", "ORG": "org", "GPE": "gpe", "LOC": "loc", "FAC": "loc", "PRODUCT": "product",
                      "EVENT": "event", "LAW": "law", "WORK_OF_ART": "product"}
            pred = {gaz.lookup(re.sub(r"(?:'s|’s)$", "", t)) or f"{prefix[lab]}:{slug(t)}" for lab, t in ents}
        score.add(len(gold & pred), len(pred), len(gold))
    return score


# -- the whole evaluation ---------------------------------------------------------------------------


def evaluate_set(name: str, shared: Path | None, *, settings=None, peer_model: str | None = None, gold_dir: Path = GOLD_DIR) -> ExtractReport:
    """Load set ``name``, ingest it into a fresh archive, score what export returns."""
    from ..pipeline import load_outlets

    items = load_set(name, shared, gold_dir)
    produced = run_items(items, settings)
    registry = load_outlets(settings)
    rep = ExtractReport(name=name)
    for g in items:
        score_item(g, produced[g.id], rep, registry)
    if peer_model:
        def text_of(g: GoldItem):
            if g.kind == "seed":
                return g.path.read_text(encoding="utf-8"), g.span[0], g.span[1]
            t = g.text if g.kind == "written" else g.item.text
            return t, 0, min(len(t), g.labels.get("scope_end") or len(t))  # the peer reads what was labelled

        rep.peer_tried = True
        rep.peer_entities = spacy_peer(items, peer_model, text_of)
    return rep


def format_reports(reps: list[ExtractReport], missing: dict[str, str] | None = None) -> str:
    """Sets side by side: P/R/F1 per field, the loose attribution match, the spaCy peer's entities."""
    lines = []
    head = f"{'set':<9}{'items':>6}  " + "".join(f"{f:>22}" for f in FIELDS) + f"{'attr loose':>12}{'spaCy ents':>22}"
    lines.append(head)
    lines.append(f"{'':<15}  " + "".join(f"{'P     R     F1':>22}" for _ in FIELDS) + f"{'F1':>12}{'P     R     F1':>22}")
    for r in reps:
        cells = "".join(f"{r.fields[f].precision:>10.3f}{r.fields[f].recall:>6.3f}{r.fields[f].f1:>6.3f}" for f in FIELDS)
        peer = r.peer_entities
        peer_cell = f"{peer.precision:>10.3f}{peer.recall:>6.3f}{peer.f1:>6.3f}" if peer else f"{'(not installed)' if r.peer_tried else '(off)':>22}"
        lines.append(f"{r.name:<9}{r.stories:>6}  {cells}{r.loose_attributions.f1:>12.3f}{peer_cell}")
    for name, why in (missing or {}).items():
        lines.append(f"{name:<9}{'-':>6}  {why}")
    lines.append("")
    for r in reps:
        d = r.as_dict()
        extra = []
        if d["published_accuracy"] is not None:
            extra.append(f"published {d['published_accuracy']:.3f}")
        if d["outlet_accuracy"] is not None:
            extra.append(f"outlet {d['outlet_accuracy']:.3f}")
        if d["date_precision_accuracy"] is not None and r.name in ("dev", "devzh", "devzh2", "devzh3", "devzh4", *HELDOUT):
            extra.append(f"date precision field {d['date_precision_accuracy']:.3f}")
        if r.dates_strict.gold:
            extra.append(f"dates with exact text P {r.dates_strict.precision:.3f} R {r.dates_strict.recall:.3f}")
        langs = ", ".join(f"{lang} ents R {fs['entities'].recall:.3f}" for lang, fs in sorted(r.by_lang.items()))
        lines.append(
            f"{r.name}: provenance {d['provenance_document']:.3f} (document) {d['provenance_original']:.3f} (original input, "
            f"{r.provenance_orig_n} of {r.mentions} mentions re-readable); {'; '.join(extra + [langs])}"
        )
        if r.entity_kinds:
            lines.append(f"{r.name}: gold entities by class, " + "; ".join(
                f"{c} {sum(k.values())}: " + ", ".join(f"{o} {k[o]}" for o in ENTITY_OUTCOMES)
                for c, k in sorted(r.entity_kinds.items(), key=lambda ck: -sum(ck[1].values()))))
        if r.number_kinds:
            lines.append(f"{r.name}: gold numbers by unit kind, " + "; ".join(
                f"{c} {sum(k.values()) - k['extra']}: " + ", ".join(f"{o} {k[o]}" for o in NUMBER_OUTCOMES)
                for c, k in sorted(r.number_kinds.items(), key=lambda ck: -sum(ck[1].values()))))
    return "\n".join(lines)
