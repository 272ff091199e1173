"""Scoring the segmenter on generated layouts (``sinodesk eval segment --set layouts``).

A document of :mod:`sinodesk.eval.layouts` carries its gold as text; here that text is found
in the stored document (plain text as written, HTML as ingest rendered it) and every story
the segmenter returned is judged:

* boundaries: a found story *starts right* when its first line lies between the end of the
  previous gold story and the gold story's headline (or first body line when it has no
  headline) -- furniture, time stamps and numbers between two stories may go with either;
  every gold story counts once, extra stories are false starts (P/R/F1 over all stories);
* Pk over the non-blank lines (gold starts at the headline lines);
* headline accuracy: the matched story's headline equals the gold one (numbering and
  markup removed), or is generated where the gold story has none;
* boilerplate / separator leakage: the share of gold furniture / separator lines found as a
  line of a story's text or as its headline;
* single articles: one-story documents of the layout that come back as exactly one story.

Peers measured in the same run on the same texts: *title rules* (a story at every short,
capitalised, unpunctuated line before a longer one), *blank lines* (every blank-line
separated block), *TextTiling* (Hearst 1997, block comparison over word windows).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from .layouts import LayoutDoc
from .segment import BoundaryCounts, pk

_WS = re.compile(r"\s+")
_MARK = re.compile(r"^[\s#*_>•\-]+|[\s*_]+$")


def norm(text: str | None) -> str:
    return _MARK.sub("", _WS.sub(" ", text or "")).strip()


def _share(part: int, whole: int, empty: float) -> float:
    return part / whole if whole else empty


@dataclass(slots=True)
class LayoutScore(BoundaryCounts):
    """Counts for one layout (or any set of documents), summed over its documents; boundary
    P/R/F1 come from :class:`BoundaryCounts` (every story start counts, the first too)."""

    layout: str = ""
    docs: int = 0
    pk_sum: float = 0.0
    heads_right: int = 0
    gold_stories: int = 0
    boiler: int = 0
    boiler_leaked: int = 0
    seps: int = 0
    seps_leaked: int = 0
    singles: int = 0
    singles_whole: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def pk(self) -> float:
        return _share(self.pk_sum, self.docs, 0.0)

    @property
    def headline_accuracy(self) -> float:
        return _share(self.heads_right, self.gold_stories, 1.0)

    @property
    def boiler_leakage(self) -> float:
        return _share(self.boiler_leaked, self.boiler, 0.0)

    @property
    def sep_leakage(self) -> float:
        return _share(self.seps_leaked, self.seps, 0.0)

    @property
    def whole_rate(self) -> float:
        return _share(self.singles_whole, self.singles, 1.0)

    def row(self) -> dict:
        return {"layout": self.layout, "docs": self.docs, "precision": self.precision, "recall": self.recall,
                "f1": self.f1, "pk": self.pk, "headline_accuracy": self.headline_accuracy,
                "boilerplate_leakage": self.boiler_leakage, "separator_leakage": self.sep_leakage,
                "single_whole_rate": self.whole_rate, "singles": self.singles}


def _line_spans(text: str) -> list[tuple[int, int]]:
    from ..stages.clean import split_lines

    return split_lines(text)


def _find(lines: list[str], needle: str, start: int, stop: int | None = None, step: int = 1) -> int | None:
    n = norm(needle)
    rng = range(start, len(lines) if stop is None else stop, step) if step > 0 else range(start, stop, -1)
    for i in rng:
        if n and n in norm(lines[i]):
            return i
    return None


def score_doc(doc: LayoutDoc, text: str, stories: list[dict], into: LayoutScore) -> None:
    """Add one document's figures to ``into``.  ``stories``: dicts with start, end, headline,
    headline_generated and text (what ``export`` gives), in document order."""
    spans = _line_spans(text)
    lines = [text[a:b] for a, b in spans]
    starts_at = [a for a, _ in spans]
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    stories = sorted(stories, key=lambda s: s["start"])
    if len(doc.stories) == 1:
        into.singles += 1
        into.singles_whole += len(stories) == 1
        if len(stories) != 1:
            into.problems.append(f"{doc.name}: one article came back as {len(stories)} stories")
    # gold ranges
    ranges: list[tuple[int, int, int]] = []  # (lo, hi, gold index)
    cursor, prev_last = 0, -1
    for g, gs in enumerate(doc.stories):
        body = _find(lines, gs.first, cursor)
        if body is None:
            into.problems.append(f"{doc.name}: gold story {g + 1} not found in the stored text")
            continue
        hi = body
        if gs.headline is not None:
            h = _find(lines, gs.headline, body, prev_last, step=-1)
            hi = h if h is not None else body
        last = _find(lines, gs.last, body)
        last = body if last is None else last
        ranges.append((prev_last + 1, hi, g))
        cursor, prev_last = last + 1, last
    pred_lines = []
    for s in stories:
        i = max(0, bisect.bisect_right(starts_at, s["start"]) - 1)
        while i < len(lines) - 1 and not lines[i].strip():
            i += 1
        pred_lines.append(i)
    matched: dict[int, int] = {}  # gold index -> story index
    for k, i in enumerate(pred_lines):
        hit = next((g for lo, hi, g in ranges if lo <= i <= hi and g not in matched), None)
        if hit is None:
            if len(doc.stories) > 1:
                into.fp += 1
                into.problems.append(f"{doc.name}: a story starts at {lines[i].strip()[:50]!r}")
        else:
            matched[hit] = k
    if len(doc.stories) > 1:
        into.docs += 1
        into.tp += len(matched)
        into.fn += len(ranges) - len(matched)
        into.gold_stories += len(doc.stories)
        unit = {i: k for k, i in enumerate(nonblank)}

        def u(i: int) -> int:
            later = [unit[j] for j in nonblank if j >= i]
            return later[0] if later else max(0, len(nonblank) - 1)

        into.pk_sum += pk(sorted({u(hi) for _, hi, _ in ranges}), sorted({u(i) for i in pred_lines}), len(nonblank))
        for lo, hi, g in ranges:
            if g not in matched:
                into.problems.append(f"{doc.name}: story {g + 1} ({(doc.stories[g].headline or doc.stories[g].first)[:40]!r}) not started")
                continue
            s = stories[matched[g]]
            want = doc.stories[g].headline
            ok = bool(s.get("headline_generated")) if want is None else (norm(s.get("headline")) == norm(want) and not s.get("headline_generated"))
            into.heads_right += ok
            if not ok:
                into.problems.append(f"{doc.name}: headline {s.get('headline')!r}, expected {want!r}")
    story_lines = Counter()
    for s in stories:
        story_lines.update(norm(x) for x in (s.get("text") or "").split("\n"))
        story_lines[norm(s.get("headline"))] += 1
    sep_lines = Counter()
    for s in stories:
        sep_lines.update(x.strip() for x in (s.get("text") or "").split("\n"))
    for gold, kind, found in ((doc.boilerplate, "boiler", story_lines), (doc.separators, "seps", sep_lines)):
        key = norm if kind == "boiler" else str.strip
        for line, count in Counter(key(x) for x in gold).items():
            if not line:
                continue
            leaked = min(count, found.get(line, 0))
            setattr(into, kind, getattr(into, kind) + count)
            setattr(into, kind + "_leaked", getattr(into, kind + "_leaked") + leaked)
            if leaked:
                into.problems.append(f"{doc.name}: {'boilerplate' if kind == 'boiler' else 'separator'} in a story: {line[:50]!r}")


# --------------------------------------------------------------------------- peers


def _as_stories(text: str, spans: list[tuple[int, int]], heads: list[str | None]) -> list[dict]:
    out = []
    for (a, b), h in zip(spans, heads):
        body = [ln for ln in text[a:b].splitlines() if ln.strip()]
        if h is not None and body and body[0].strip() == h.strip():
            body = body[1:]
        out.append({"start": a, "end": b, "headline": h, "headline_generated": h is None, "text": "\n".join(body)})
    return out


def peer_blank_lines(text: str) -> list[dict]:
    """Every block between blank lines is a story; its first line is the headline when short."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?![ \t\r]*\n))*", text)]
    heads = [(text[a:b].splitlines()[0] if len(text[a:b].splitlines()[0]) < 120 and "\n" in text[a:b] else None) for a, b in spans]
    return _as_stories(text, spans, heads)


_TITLE = re.compile(r"^\s*[\"“']?[A-Z0-9\u4e00-\u9fff].{2,140}$")


def peer_title_rules(text: str) -> list[dict]:
    """A story at every short, capitalised line without closing punctuation that a longer line follows."""
    spans = _line_spans(text)
    lines = [text[a:b] for a, b in spans]
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    starts = []
    for k, i in enumerate(nonblank[:-1]):
        t, nxt = lines[i].strip(), lines[nonblank[k + 1]].strip()
        if _TITLE.match(t) and t[-1] not in ".:;,。：" and len(nxt) > len(t) + 20:
            starts.append(i)
    if not starts:
        return [{"start": 0, "end": len(text), "headline": None, "headline_generated": True, "text": text}]
    bounds = [spans[i][0] for i in starts] + [len(text)]
    return _as_stories(text, list(zip(bounds, bounds[1:])), [lines[i].strip() for i in starts])


def peer_texttiling(text: str, w: int = 20, k: int = 6) -> list[dict]:
    """TextTiling (Hearst 1997): cosine of adjacent blocks of ``k`` word windows of ``w`` words;
    boundaries at depth scores above mean - sd/2, snapped to the next line start."""
    import numpy as np

    words = [(m.start(), m.group().lower()) for m in re.finditer(r"\w+", text)]
    if len(words) < 2 * w * 2:
        return [{"start": 0, "end": len(text), "headline": None, "headline_generated": True, "text": text}]
    seqs = [words[i:i + w] for i in range(0, len(words), w)]
    vocab: dict[str, int] = {}
    mat = np.zeros((len(seqs), 1 + len({t for _, t in words})))
    for r, seq in enumerate(seqs):
        for _, t in seq:
            mat[r, vocab.setdefault(t, len(vocab))] += 1
    gaps = []
    for g in range(1, len(seqs)):
        a, b = mat[max(0, g - k):g].sum(0), mat[g:g + k].sum(0)
        den = np.linalg.norm(a) * np.linalg.norm(b)
        gaps.append(float(a @ b / den) if den else 0.0)
    depth = []
    for i, s in enumerate(gaps):
        left = max(gaps[: i + 1])
        right = max(gaps[i:])
        depth.append(left - s + right - s)
    d = np.array(depth)
    cut = d.mean() - d.std() / 2
    spans = _line_spans(text)
    line_starts = [a for a, _ in spans if text[a:a + 1].strip()]
    bounds = [0]
    for i, v in enumerate(depth):
        if v > cut and (i == 0 or v >= depth[i - 1]) and (i + 1 >= len(depth) or v >= depth[i + 1]):
            off = seqs[i + 1][0][0]
            j = bisect.bisect_left(line_starts, off)
            if j < len(line_starts) and line_starts[j] > bounds[-1]:
                bounds.append(line_starts[j])
    bounds.append(len(text))
    return _as_stories(text, list(zip(bounds, bounds[1:])), [None] * (len(bounds) - 1))


PEERS = {"title rules": peer_title_rules, "blank lines": peer_blank_lines, "TextTiling": peer_texttiling}


# --------------------------------------------------------------------------- the leave-one-layout-out run


@dataclass(slots=True)
class LayoutsReport:
    """Held-out figures per layout (each measured with a labeller fitted without that layout)
    and the peers on the same documents."""

    ours: dict[str, LayoutScore]
    peers: dict[str, dict[str, LayoutScore]]  # peer name -> layout -> score
    harness: str = "ingest"
    seconds: float = 0.0

    def mean(self, metric: str, peer: str | None = None) -> float:
        rows = list((self.peers[peer] if peer else self.ours).values())
        return sum(getattr(r, metric) for r in rows) / len(rows) if rows else 0.0


def segment_fast(docs: list[LayoutDoc], settings) -> dict[str, tuple[str, list[dict]]]:
    """file name -> (stored text, stories) by the stages alone (read, clean, segment): what
    ingest gives, without the archive (``tests/test_segment_layouts.py`` checks they agree)."""
    from ..stages.clean import clean
    from ..stages.segment import segment
    from .segment_fit import stored_document

    out = {}
    for d in docs:
        doc = stored_document(d)
        segs = segment(clean(doc), settings.segment)
        out[d.name] = (doc.text, [{"start": s.start, "end": s.end, "headline": s.headline,
                                   "headline_generated": s.headline_generated, "text": s.text} for s in segs])
    return out


def segment_ingest(docs: list[LayoutDoc], settings) -> dict[str, tuple[str, list[dict]]]:
    """file name -> (stored text, exported stories), through ingest into a fresh archive."""
    from .harness import ingest_texts

    run = ingest_texts({d.name: d.body for d in docs}, settings)
    by_source = run.by_source()
    texts = {v["source"]: v["text"] for v in run.documents.values()}
    return {d.name: (texts.get(d.name, d.body), by_source.get(d.name, [])) for d in docs}


def run_layouts(shared, docs: int = 12, singles: int = 4, layouts: list[str] | None = None,
                harness: str = "ingest", settings=None, progress=None) -> LayoutsReport:
    """Leave one layout out: for every layout, fit the line labeller on the *other* layouts
    (laid out from the licence-clean training texts), then segment that layout's documents
    (laid out from the research-only measuring texts) with it, through ``harness``."""
    import dataclasses
    import tempfile
    import time
    from pathlib import Path

    from threadpoolctl import threadpool_limits

    from ..settings import Settings
    from .segment_fit import fit, prepare
    from .layouts import LAYOUTS, layout_set

    t0 = time.perf_counter()
    names = layouts or list(LAYOUTS)
    measure = layout_set(shared, "measure", docs=docs, singles=singles, layouts=names)
    train = layout_set(shared, "train", docs=10, singles=2)
    with threadpool_limits(1):
        rows = prepare([d for ds in train.values() for d in ds])
    base = settings or Settings()
    run = segment_ingest if harness == "ingest" else segment_fast
    rep = LayoutsReport({}, {p: {} for p in PEERS}, harness)
    with tempfile.TemporaryDirectory(prefix="sinodesk-layouts-") as tmp:
        for name in names:
            with threadpool_limits(1):
                model = fit([r for r in rows if r.layout != name], about=f"fold without {name}")
            path = Path(tmp) / f"{name}.json"
            path.write_text(model.to_json(), encoding="utf-8")
            fold = dataclasses.replace(base, segment=dataclasses.replace(base.segment, layout_model=str(path)))
            got = run(measure[name], fold)
            score = LayoutScore(layout=name)
            peer_scores = {p: LayoutScore(layout=name) for p in PEERS}
            for d in measure[name]:
                text, stories = got[d.name]
                score_doc(d, text, stories, score)
                for p, fn in PEERS.items():
                    score_doc(d, text, fn(text), peer_scores[p])
            rep.ours[name] = score
            for p in PEERS:
                rep.peers[p][name] = peer_scores[p]
            if progress:
                progress(name)
    rep.seconds = time.perf_counter() - t0
    return rep


# --------------------------------------------------------------------------- saved article pages

# Headlines that are page chrome, never a story's (issue 20: seen on the Zyte pages before).
CHROME_HEADLINES = ("Thanks for signing up!", "See All Newsletters", "Share your thoughts Cancel reply",
                    "Leave a Comment Cancel Reply", "Comments", "Popular", "Advert")


def score_saved_pages(pages, settings=None) -> dict:
    """Ingest saved pages (one article each) into a fresh archive as they are stored -- a folder's
    ``*.html`` and ``*.html.gz`` files, or a list of such files; ingest unpacks ``.gz`` itself --
    and count the pages that come back as exactly one story."""
    from pathlib import Path

    from ..errors import BadInput
    from .harness import ingest_fresh

    if isinstance(pages, (str, Path)):
        folder = Path(pages)
        files = sorted(folder.glob("*.html.gz")) + sorted(folder.glob("*.html"))
        if not files:
            raise BadInput(f"{folder}: no saved pages (*.html or *.html.gz) found (pass --data pointing at the shared folder)")
    else:
        files = [Path(p) for p in pages]
    run = ingest_fresh(files, settings)
    by = run.by_source()
    counts = {p.name.removesuffix(".gz"): len(by.get(str(p), [])) for p in files}
    heads = [s.get("headline") or "" for s in run.stories]
    one = sum(1 for n in counts.values() if n == 1)
    return {"pages": len(files), "one_story": one, "one_story_rate": one / max(1, len(files)), "stories": len(run.stories),
            "chrome_headlines": sum(1 for h in heads if h.strip() in CHROME_HEADLINES),
            "short_stories": sum(1 for s in run.stories if len(s.get("text") or "") < 200),
            "split_pages": sorted((n, c) for n, c in counts.items() if c != 1),
            "rejected": [r.reason for r in run.rejections]}
