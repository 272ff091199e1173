"""Segmentation quality: metrics, labelled sets and the runs behind ``sinodesk eval segment``.

Metrics (re-implemented from the papers):

* ``pk`` -- Beeferman, Berger & Lafferty (1999): the chance that two units ``k`` apart are
  wrongly judged to be in the same / different segments; ``k`` = half the mean gold
  segment length.
* ``window_diff`` -- Pevzner & Hearst (2002): the share of windows whose boundary count
  differs.
* boundary precision / recall / F1: a predicted story start counts when it is on the
  same line (unit) as a gold start; the first start of a document is not counted.
* headline exact match and boilerplate leakage (boilerplate lines inside story text).

Data sets are read where they lie (``../shared/eval``); nothing from them is copied.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import BadInput, NothingToDo

# ------------------------------------------------------------------ metrics


def _labels(starts: list[int], n: int) -> list[int]:
    """Segment number of every unit, from the segments' start indices."""
    s = sorted(set(starts) | {0})
    out = []
    seg = -1
    k = 0
    for u in range(n):
        while k < len(s) and s[k] <= u:
            seg += 1
            k += 1
        out.append(seg)
    return out


def _window(gold: list[int], n: int) -> int:
    g = sorted(set(gold) | {0})
    return max(2, round(n / len(g) / 2))


def pk(gold: list[int], pred: list[int], n: int, k: int | None = None) -> float:
    """Pk error (lower is better) for segment starts ``gold`` / ``pred`` over ``n`` units."""
    if n < 2:
        return 0.0
    k = k or _window(gold, n)
    k = min(k, n - 1)
    g, p = _labels(gold, n), _labels(pred, n)
    wrong = sum((g[i] == g[i + k]) != (p[i] == p[i + k]) for i in range(n - k))
    return wrong / (n - k)


def window_diff(gold: list[int], pred: list[int], n: int, k: int | None = None) -> float:
    """WindowDiff error (lower is better)."""
    if n < 2:
        return 0.0
    k = k or _window(gold, n)
    k = min(k, n - 1)
    g, p = _labels(gold, n), _labels(pred, n)
    wrong = sum((g[i + k] - g[i]) != (p[i + k] - p[i]) for i in range(n - k))
    return wrong / (n - k)


@dataclass(slots=True)
class BoundaryCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: list[int], pred: list[int]) -> None:
        g, p = set(gold) - {0}, set(pred) - {0}
        self.tp += len(g & p)
        self.fp += len(p - g)
        self.fn += len(g - p)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# ------------------------------------------------------------------ cohesion sets


@dataclass(slots=True)
class CohesionSample:
    """A run of units (sentences or paragraphs) with the gold story starts."""

    sample_id: str
    units: list[str]
    gold: list[int]
    group: str  # the subset the sample belongs to ("3-11", "same-category", ...)


def load_choi(path: Path, limit: int | None = None) -> list[CohesionSample]:
    """Choi's samples (``choi.jsonl``); units are sentences."""
    if not Path(path).is_file():
        raise BadInput(f"{path}: Choi data not found (expected choi.jsonl from ../shared/eval/choi-segmentation)")
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            units, gold = [], []
            for seg in row["segments"]:
                gold.append(len(units))
                units.extend(seg)
            out.append(CohesionSample(row["id"], units, gold, row["range"]))
            if limit and len(out) >= limit:
                break
    return out


def load_bbc_concatenations(path: Path, n_docs: int = 200, seed: int = 13, min_articles: int = 3,
                            max_articles: int = 8) -> list[CohesionSample]:
    """Documents built from BBC articles with no headlines and no blank lines between them.

    Half put articles of one category next to each other ("same-category"), half mix
    categories ("mixed").  Units are paragraphs; titles are dropped (the 004 case).
    """
    if not Path(path).is_file():
        raise BadInput(f"{path}: BBC data not found (expected bbc_news.jsonl from ../shared/eval/bbc-news-topics)")
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    seen: set[str] = set()
    by_label: dict[str, list[list[str]]] = {}
    for row in rows:
        paras = [p.strip() for p in row["text"].split("\n") if p.strip()]
        key = " ".join(paras)[:300]
        if key in seen or len(paras) < 2:
            continue
        seen.add(key)
        by_label.setdefault(row["label"], []).append(paras)
    labels = sorted(by_label)
    rng = random.Random(seed)
    out = []
    for d in range(n_docs):
        k = rng.randint(min_articles, max_articles)
        if d % 2 == 0:
            group, pool = "same-category", by_label[labels[d // 2 % len(labels)]]
            arts = rng.sample(pool, k)
        else:
            group = "mixed"
            arts = [rng.choice(by_label[rng.choice(labels)]) for _ in range(k)]
        units, gold = [], []
        for paras in arts:
            gold.append(len(units))
            units.extend(paras)
        out.append(CohesionSample(f"bbc/{d}", units, gold, group))
    return out


@dataclass(slots=True)
class CohesionReport:
    """Scores of the cohesion segmenter on a set of samples, per group and overall."""

    name: str
    samples: int = 0
    pk: dict[str, float] = field(default_factory=dict)
    window_diff: dict[str, float] = field(default_factory=dict)
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    mean_gold_segments: float = 0.0
    mean_pred_segments: float = 0.0
    seconds: float = 0.0


def score_cohesion(name: str, samples: list[CohesionSample], split, overall: str = "all") -> CohesionReport:
    """Run ``split(units) -> starts`` on every sample and score it."""
    if not samples:
        raise NothingToDo(f"{name}: no samples to score (check the data path and --limit)")
    rep = CohesionReport(name, len(samples))
    pks: dict[str, list[float]] = {}
    wds: dict[str, list[float]] = {}
    counts = BoundaryCounts()
    gsum = psum = 0
    t0 = time.perf_counter()
    for s in samples:
        pred = split(s.units)
        n = len(s.units)
        for g in (s.group, overall):
            pks.setdefault(g, []).append(pk(s.gold, pred, n))
            wds.setdefault(g, []).append(window_diff(s.gold, pred, n))
        counts.add(s.gold, pred)
        gsum += len(s.gold)
        psum += len(pred)
    rep.seconds = time.perf_counter() - t0
    rep.pk = {g: sum(v) / len(v) for g, v in sorted(pks.items())}
    rep.window_diff = {g: sum(v) / len(v) for g, v in sorted(wds.items())}
    rep.precision, rep.recall, rep.f1 = counts.precision, counts.recall, counts.f1
    rep.mean_gold_segments = gsum / len(samples)
    rep.mean_pred_segments = psum / len(samples)
    return rep


# ------------------------------------------------------------------ single articles


def _part(k: int, part: str) -> bool:
    """Rows by position: "tune" the even ones, "test" the odd ones, "all" every one."""
    return part == "all" or (k % 2 == 0) == (part == "tune")


def load_single_articles(path: Path, n: int = 300, part: str = "all", with_title: bool = False) -> list[tuple[str, str]]:
    """(id, text) of single real articles, as a plain-text file would hold them.

    Reads BBC (``bbc_news.jsonl``: paragraphs split by blank lines) or ECB+
    (``ecbplus_docs.jsonl``: one sentence a line); ``part`` picks the tuning rows (even
    positions), the test rows (odd) or all; ``with_title`` puts a BBC title line first.
    Every article is one story, so a segmenter should leave each of them whole.  A text seen
    before is skipped (BBC holds duplicate copies; ingest keeps one of each).
    """
    if part not in {"all", "tune", "test"}:
        raise BadInput(f"part {part!r}: unknown (use all, tune or test)")
    if not Path(path).is_file():
        raise BadInput(f"{path}: article file not found (expected bbc_news.jsonl or ecbplus_docs.jsonl from ../shared/eval)")
    out, seen = [], set()
    with open(path, encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if not _part(k, part):
                continue
            row = json.loads(line)
            text = row["text"].strip() + "\n"
            if with_title and row.get("title"):
                text = row["title"].strip() + "\n\n" + text
            if text in seen:
                continue
            seen.add(text)
            out.append((str(row.get("id") or row.get("doc_id")), text))
            if len(out) >= n:
                break
    return out


@dataclass(slots=True)
class SingleReport:
    """How often single articles come out as one story."""

    name: str
    docs: int = 0
    whole: int = 0
    whole_rate: float = 0.0
    mean_stories: float = 0.0
    stories_histogram: dict[int, int] = field(default_factory=dict)  # stories found -> articles
    seconds: float = 0.0


def score_singles(name: str, items: list[tuple[str, str]], split=None, settings=None) -> SingleReport:
    """Count the single articles left whole (no story found counts as not whole).

    By default each article is a plain-text file ingested into a fresh archive with
    ``settings`` (default: a new user's) and its stories are read back, as a user gets them;
    ``split(name, text) -> segments`` runs a splitter directly instead."""
    if not items:
        raise NothingToDo(f"{name}: no articles to score (check the data path and the count)")
    t0 = time.perf_counter()
    if split is None:
        counts = ingested_story_counts([text for _, text in items], settings)
    else:
        counts = [len(split(doc_id, text)) for doc_id, text in items]
    rep = SingleReport(name, len(items))
    hist: dict[int, int] = {}
    for k in counts:
        hist[k] = hist.get(k, 0) + 1
    rep.seconds = time.perf_counter() - t0
    rep.whole = hist.get(1, 0)
    rep.whole_rate = rep.whole / len(items)
    rep.mean_stories = sum(k * v for k, v in hist.items()) / len(items)
    rep.stories_histogram = dict(sorted(hist.items()))
    return rep


def ingested_story_counts(texts: list[str], settings=None) -> list[int]:
    """How many stories each text, ingested as its own plain-text file into one fresh archive, becomes."""
    from .harness import ingest_texts

    names = [f"{k:05d}.txt" for k in range(len(texts))]
    by = ingest_texts(dict(zip(names, texts)), settings).by_source()
    return [len(by.get(n, [])) for n in names]


# ------------------------------------------------------------------ labelled digests


@dataclass(slots=True)
class DigestResult:
    """One labelled digest: what was found against the labels."""

    name: str
    gold_stories: int
    found_stories: int
    starts_right: int
    ends_right: int
    headlines_right: int
    sections_right: int
    leaked_lines: list[int] = field(default_factory=list)
    pk: float = 0.0
    problems: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DigestReport:
    results: list[DigestResult]
    precision: float
    recall: float
    f1: float
    end_accuracy: float
    headline_accuracy: float
    section_accuracy: float
    leaked_lines: int
    mean_pk: float


def score_digest(name: str, text: str, label: dict, segments) -> DigestResult:
    """Score the segments of one digest against its hand label (1-based line numbers)."""
    nl = "\n" if "\n" in text else "\r"
    line_of = lambda off: text.count(nl, 0, off) + 1  # noqa: E731
    gold = label["stories"]
    found = [(line_of(s.start), line_of(max(s.start, s.end - 1)), s) for s in segments]
    by_first = {f: (l, s) for f, l, s in found}
    res = DigestResult(name, len(gold), len(found), 0, 0, 0, 0)
    for g in gold:
        hit = by_first.get(g["first"])
        if hit is None:
            res.problems.append(f"line {g['first']}: story not started here")
            continue
        res.starts_right += 1
        last, seg = hit
        if last == g["last"]:
            res.ends_right += 1
        else:
            res.problems.append(f"line {g['first']}: story ends on line {last}, expected {g['last']}")
        want = g.get("headline")
        if want is None:
            ok = seg.headline_generated and bool(seg.headline)
        else:
            ok = seg.headline == want and not seg.headline_generated
        if ok:
            res.headlines_right += 1
        else:
            res.problems.append(f"line {g['first']}: headline {seg.headline!r}, expected {want!r}")
        if seg.section == g.get("section"):
            res.sections_right += 1
        else:
            res.problems.append(f"line {g['first']}: section {seg.section!r}, expected {g.get('section')!r}")
    golds = {g["first"] for g in gold}
    for f, _, _ in found:
        if f not in golds:
            res.problems.append(f"line {f}: a story starts here but should not")
    lines = text.split(nl)
    for n in label.get("boilerplate_lines", []):
        t = lines[n - 1].strip()
        if t and any(t in s.text for s in segments):
            res.leaked_lines.append(n)
            res.problems.append(f"line {n}: boilerplate inside a story: {t[:60]!r}")
    nonblank = [k + 1 for k, ln in enumerate(lines) if ln.strip()]
    index = {ln: k for k, ln in enumerate(nonblank)}

    def unit(line: int) -> int:
        later = [index[x] for x in nonblank if x >= line]
        return later[0] if later else len(nonblank) - 1

    res.pk = pk(sorted({unit(g["first"]) for g in gold}), sorted({unit(f) for f, _, _ in found}), len(nonblank))
    return res


def score_digests(items: list[tuple[str, str, dict]], split) -> DigestReport:
    """Score ``split(name, text) -> segments`` on (name, text, label) triples."""
    if not items:
        raise NothingToDo("no labelled digests to score (check --seeds and --labels)")
    results = [score_digest(name, text, label, split(name, text)) for name, text, label in items]
    gold = sum(r.gold_stories for r in results)
    found = sum(r.found_stories for r in results)
    right = sum(r.starts_right for r in results)
    p = right / found if found else 1.0
    r_ = right / gold if gold else 1.0
    return DigestReport(
        results,
        precision=p,
        recall=r_,
        f1=2 * p * r_ / (p + r_) if p + r_ else 0.0,
        end_accuracy=sum(r.ends_right for r in results) / gold,
        headline_accuracy=sum(r.headlines_right for r in results) / gold,
        section_accuracy=sum(r.sections_right for r in results) / gold,
        leaked_lines=sum(len(r.leaked_lines) for r in results),
        mean_pk=sum(r.pk for r in results) / len(results),
    )


def load_labelled(texts_dir: Path, labels_path: Path) -> list[tuple[str, str, dict]]:
    """(name, text, label) for every labelled file that exists in ``texts_dir``."""
    labels_path, texts_dir = Path(labels_path), Path(texts_dir)
    if not labels_path.is_file():
        raise BadInput(f"{labels_path}: label file not found (expected a JSON file like sinodesk/eval/gold/segment/seeds.json)")
    if not texts_dir.is_dir():
        raise BadInput(f"{texts_dir}: folder of digests not found (pass --seeds ../shared/seeds)")
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    out = []
    for name, label in sorted(labels.items()):
        if name.startswith("_"):
            continue
        path = texts_dir / name
        if not path.is_file():
            raise BadInput(f"{path}: labelled in {labels_path.name} but missing (check --seeds)")
        out.append((name, path.read_bytes().decode("utf-8"), label))
    return out


def segment_text(name: str, text: str, opts=None):
    """The pipeline's view of one plain-text file: clean, then segment."""
    from ..records import Document
    from ..stages.clean import clean
    from ..stages.segment import SegmentOptions, segment

    doc = Document(doc_id=name, raw_id=name, source=name, kind="text", text=text)
    return segment(clean(doc), opts or SegmentOptions())


# ------------------------------------------------------------------ presets and baselines

# Sentences one per line (Choi): no news cues, no structure, a Dirichlet prior instead of
# add-one smoothing.  Every key is a ``SegmentOptions`` field: a user splitting such text sets
# the same values under ``[segment]`` in sinodesk.toml.  Chosen on the first 30% of every Choi
# set (similarity_weight 0-8, dirichlet 0.1-1, length_weight 0.7-3).  Like ``shuffles=0``,
# ``digest_check=False`` says the text is known to hold several passages: split it.
SENTENCE_OPTIONS = dict(structure=False, layout=False, min_cohesion_units=2, length_weight=1.0, dirichlet=0.3,
                        similarity_weight=4.0, similarity_margin=0.0, dateline_bonus=0.0, anaphora_cost=0.0,
                        continuation_cost=0.0, lead_bonus=0.0, min_story_terms=0, shuffles=0, digest_check=False)


def seeds_gold() -> Path:
    """The hand labels of the five seed digests, shipped with the package."""
    from importlib import resources

    return Path(str(resources.files("sinodesk.eval").joinpath("gold/segment/seeds.json")))


def pipeline_splitter(opts=None):
    """``split(units) -> starts``: the units written one per line as a plain-text file and split
    by the pipeline's own stages (clean, segment) with ``opts`` (default: the defaults)."""
    from ..stages.segment import SegmentOptions

    opts = opts or SegmentOptions()

    def split(units: list[str]) -> list[int]:
        text = "\n".join(u.replace("\n", " ") for u in units) + "\n"
        line_starts, pos = [], 0
        for u in units:
            line_starts.append(pos)
            pos += len(u.replace("\n", " ")) + 1
        import bisect

        starts = {max(0, bisect.bisect_right(line_starts, seg.start) - 1) for seg in segment_text("units", text, opts)}
        return sorted(starts | {0})

    return split


def even_baseline(units: list[str], every: int = 8) -> list[int]:
    """A naive baseline: a new story every ``every`` units."""
    return list(range(0, len(units), every))


def report_dict(obj) -> dict:
    return asdict(obj)
