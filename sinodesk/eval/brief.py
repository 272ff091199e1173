"""``sinodesk eval brief``: summary quality of briefing items on real multi-story events.

Each set is ingested into a fresh archive through the product path (:mod:`.harness`); a
briefing with one catch-all section and room for every event is built from it, and each item of
two or more stories is scored:

* ROUGE-1/2 F1 (``rouge-score``) of the summary against the *lead* (first sentence) of each of
  the event's stories, averaged over those references;
* redundancy: the share of summary sentence pairs with TF-IDF cosine above 0.8 (scikit-learn's
  vectoriser fitted on the event's sentences -- not the summariser's own representation);
* family coverage: owner families cited by the summary / min(families in the event, sentences).

Peers in the same run, the same number of sentences per item: *lead* (the opening sentences of
the event's first story) and *centroid* (the most central sentences, no redundancy cut or family
bonus; MEAD without its redundancy step).  Sets: GVC (validation split = tuning, test = held
out), ECB+ (topics 1-35 tuning, 36-45 held out), UCI headlines (publishers as outlets; held out,
never tuned on).
"""

from __future__ import annotations

import csv
import json
import re
import statistics
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from ..records import Story

SETS = ("gvc", "ecbplus", "uci")
_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class SummaryScores:
    name: str
    items: int = 0
    rouge1: dict[str, float] = field(default_factory=dict)  # system -> mean F1
    rouge2: dict[str, float] = field(default_factory=dict)
    redundancy: dict[str, float] = field(default_factory=dict)
    coverage: dict[str, float] = field(default_factory=dict)
    sentences: float = 0.0
    verbatim: float = 1.0  # share of our summary sentences found verbatim in their cited story

    def lines(self) -> list[str]:
        out = [f"{self.name}: {self.items} events of 2+ stories, {self.sentences:.2f} sentences per summary, "
               f"verbatim {self.verbatim:.3f}"]
        out.append(f"  {'system':10} {'ROUGE-1':>8} {'ROUGE-2':>8} {'redund.':>8} {'families':>8}")
        for sys_ in self.rouge1:
            out.append(f"  {sys_:10} {self.rouge1[sys_]:8.3f} {self.rouge2[sys_]:8.3f} {self.redundancy[sys_]:8.3f} "
                       f"{self.coverage[sys_]:8.3f}")
        return out


def tokenize(text: str) -> list[str]:
    """ROUGE tokens: lower-cased Latin words and digits, and each Chinese character."""
    low = text.lower()
    return _LATIN_WORD.findall(_CJK_CHAR.sub(" ", low)) + _CJK_CHAR.findall(low)


class _Tokenizer:
    def tokenize(self, text: str) -> list[str]:
        return tokenize(text)


def _scorer():
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        raise ConfigError("eval brief needs the rouge-score package (pip install -e '.[test]')") from None
    return rouge_scorer.RougeScorer(["rouge1", "rouge2"], tokenizer=_Tokenizer())


# data --------------------------------------------------------------------------------------------

def _need(path: Path) -> Path:
    if not path.exists():
        raise ConfigError(f"{path} is missing (pass --data pointing at the shared folder with eval/)")
    return path


def gvc_items(root: Path, split: str | None = None) -> list[dict]:
    rows = [json.loads(x) for x in _need(root / "gvc-event-clusters-subset" / "gvc_docs.jsonl").open(encoding="utf-8")]
    return [{"title": r["title"], "text": r["text"], "date": r["dct"], "gold": r["incident_id"]}
            for r in rows if split is None or r["split"] == split]


def ecbplus_items(root: Path, topics: range | None = None) -> list[dict]:
    rows = [json.loads(x) for x in _need(root / "ecbplus-event-clusters" / "ecbplus_docs.jsonl").open(encoding="utf-8")]
    out = []
    for r in rows:
        if topics is not None and r["topic"] not in topics:
            continue
        host = re.match(r"https?://(?:www\.)?([^/]+)", r["url"] or "")
        out.append({"text": r["text"], "url": r["url"], "outlet": host[1] if host else None, "gold": r["event_cluster"]})
    return out


def uci_items(root: Path, *, clusters: int | None = None, per_cluster: int | None = None) -> list[dict]:
    """UCI headlines as JSONL items (publisher as outlet, crawl day as date), in time order."""
    import datetime as dt

    path = _need(root / "uci-news-aggregator-sample" / "uci_news_aggregator_first6366.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    if clusters is not None:
        keep = list(dict.fromkeys(r["STORY"] for r in rows))[:clusters]
        rows = [r for r in rows if r["STORY"] in set(keep)]
    if per_cluster is not None:
        taken: dict[str, int] = {}
        kept = []
        for r in rows:
            if taken.get(r["STORY"], 0) < per_cluster:
                taken[r["STORY"]] = taken.get(r["STORY"], 0) + 1
                kept.append(r)
        rows = kept
    rows.sort(key=lambda r: int(r["TIMESTAMP"]))
    return [{"title": r["TITLE"], "text": r["TITLE"], "url": r["URL"], "outlet": r["PUBLISHER"], "gold": r["STORY"],
             "date": dt.datetime.fromtimestamp(int(r["TIMESTAMP"]) / 1000, dt.timezone.utc).date().isoformat()}
            for r in rows]


# scoring ----------------------------------------------------------------------------------------

def _lead(story: Story) -> str | None:
    from ..brief.summarise import split_sentences

    spans = split_sentences(story)
    return story.text[spans[0][0]:spans[0][1]] if spans else None


def _redundancy(sentences: Sequence[str]) -> float | None:
    if len(sentences) < 2:
        return None
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    try:
        m = TfidfVectorizer(tokenizer=tokenize, lowercase=False, token_pattern=None).fit_transform(sentences)
    except ValueError:  # no tokens at all
        return None
    sim = cosine_similarity(m)
    pairs = [(i, j) for i in range(len(sentences)) for j in range(i + 1, len(sentences))]
    return sum(sim[i, j] > 0.8 for i, j in pairs) / len(pairs)


def peer_summaries(stories: Sequence[Story], k: int, family: Callable[[Story], str]) -> dict[str, list[Story | str]]:
    """The two peers' sentences (as (story, text) pairs) for an event, ``k`` sentences each."""
    from ..brief.summarise import SentenceSpace, candidates, cosine

    cands = candidates(stories, family)
    first = [c for c in cands if c.story.story_id == stories[0].story_id][:k]
    space = SentenceSpace(stories)
    vecs = [space.vector(c.text) for c in cands]
    centroid: dict[str, float] = {}
    for s in stories:
        for t, x in space.story_vector(s).items():
            centroid[t] = centroid.get(t, 0.0) + x
    ranked = sorted(range(len(cands)), key=lambda i: -cosine(vecs[i], centroid))[:k]
    return {"lead": [(c.story, c.text) for c in first], "centroid": [(cands[i].story, cands[i].text) for i in ranked]}


def score_briefing_items(name: str, items: Sequence, stories: dict[str, Story], family: Callable[[Story], str]) -> SummaryScores:
    """Score the briefing ``items`` (2+ stories) against the leads of their stories, beside the peers."""
    scorer = _scorer()
    acc: dict[str, dict[str, list[float]]] = {s: {"r1": [], "r2": [], "red": [], "cov": []} for s in ("sinodesk", "lead", "centroid")}
    n_sent, verbatim, n = [], [], 0
    for it in items:
        core = [stories[sid] for sid in it.story_ids]
        if len(core) < 2:
            continue
        refs = [x for x in (_lead(s) for s in core) if x]
        if not refs:
            continue
        n += 1
        ours = [(stories[s.story_id], s.text) for s in it.sentences]
        verbatim.extend(s.text in stories[s.story_id].text and stories[s.story_id].text[s.start:s.end] == s.text
                        for s in it.sentences)
        n_sent.append(len(ours))
        systems = {"sinodesk": ours, **peer_summaries(core, len(ours), family)}
        fams = {family(s) for s in core}
        for sys_, picked in systems.items():
            text = " ".join(t for _, t in picked)
            r = [scorer.score(ref, text) for ref in refs]
            acc[sys_]["r1"].append(statistics.mean(x["rouge1"].fmeasure for x in r))
            acc[sys_]["r2"].append(statistics.mean(x["rouge2"].fmeasure for x in r))
            red = _redundancy([t for _, t in picked])
            if red is not None:
                acc[sys_]["red"].append(red)
            if picked:
                acc[sys_]["cov"].append(len({family(s) for s, _ in picked}) / min(len(fams), len(picked)))
    mean = lambda xs: round(statistics.mean(xs), 4) if xs else 0.0  # noqa: E731
    return SummaryScores(
        name=name, items=n,
        rouge1={k: mean(v["r1"]) for k, v in acc.items()}, rouge2={k: mean(v["r2"]) for k, v in acc.items()},
        redundancy={k: mean(v["red"]) for k, v in acc.items()}, coverage={k: mean(v["cov"]) for k, v in acc.items()},
        sentences=mean(n_sent), verbatim=mean([float(v) for v in verbatim]) if verbatim else 1.0,
    )


def everything_sections():
    """One catch-all section with room for every event (what the summary eval scores)."""
    from ..brief.sections import SectionRule, SectionSet

    return SectionSet("eval", "Evaluation", (SectionRule("all", "All events", fallback=True, max_items=1_000_000),), "eval")


def brief_items(items: Sequence[dict], opts=None):
    """Ingest ``items`` into a fresh archive (the product path) and brief every event: (items, stories)."""
    from ..archive import open_archive
    from ..brief import BriefOptions, build_briefing
    from ..pipeline import Runner
    from ..settings import Settings
    from .harness import write_jsonl

    with tempfile.TemporaryDirectory(prefix="sinodesk-eval-brief-") as tmp:
        db = str(Path(tmp) / "eval.db")
        archive = open_archive(db)
        try:
            Runner(archive, Settings(db=db)).ingest([str(write_jsonl([{k: v for k, v in it.items() if k != "gold"} for it in items],
                                                                     Path(tmp) / "items.jsonl"))])
            b = build_briefing(archive, None, "2100-01-01", everything_sections(), opts=opts or BriefOptions(), previous=None)
            stories = {s.story_id: s for s in archive.iter_stories()}
        finally:
            archive.close()
    return b.items(), stories


def eval_set(name: str, root: Path, opts=None) -> list[SummaryScores]:
    from ..brief.build import Desk

    family = Desk().family
    if name == "gvc":
        parts = [("GVC validation (tuning)", gvc_items(root, "val")), ("GVC test (held out)", gvc_items(root, "test"))]
    elif name == "ecbplus":
        parts = [("ECB+ topics 1-35 (tuning)", ecbplus_items(root, range(1, 36))),
                 ("ECB+ topics 36-45 (held out)", ecbplus_items(root, range(36, 46)))]
    elif name == "uci":
        parts = [("UCI headlines (held out)", uci_items(root))]
    else:
        raise ConfigError(f"eval brief --set {name!r}: unknown set (use {', '.join(SETS)} or all)")
    out = []
    for label, items in parts:
        its, stories = brief_items(items, opts)
        out.append(score_briefing_items(label, its, stories, family))
    return out

