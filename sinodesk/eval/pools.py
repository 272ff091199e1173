"""Real texts to lay out or to split, read at run time from the shared eval folder (``--data``).

Nothing here is copied into the package: each loader reads one of the public sets in
``../shared/eval`` and returns plain records.

* :func:`load_pool` -- articles (headline + paragraphs) for the digest layouts of
  :mod:`sinodesk.eval.layouts`: "measure-*" pools from the research-only sets (measured on,
  never trained on), "train-*" pools from sets whose licences allow a shipped model.
* :func:`plain_articles` -- single real articles as plain-text files a user might hold (one
  paragraph a line, blank lines between paragraphs, one sentence a line, a title on top), and
  :func:`plain_concatenations` -- several such articles one after the other in one file: the
  calibration data of the digest decision (``sinodesk.stages.segment.digest``).
"""

from __future__ import annotations

import json
import random
import re
import textwrap
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import BadInput


@dataclass(frozen=True, slots=True)
class Article:
    headline: str
    paras: tuple[str, ...]
    outlet: str = ""
    lang: str = "en"



# --------------------------------------------------------------------------- article pools for layouts

_PARA_RX = re.compile(r"\n\s*\n|\n(?=\s{2,}\S)")


def _clean_paras(text: str, max_paras: int) -> tuple[str, ...]:
    paras = [" ".join(p.split()) for p in _PARA_RX.split(text)]
    return tuple(p for p in paras if len(p) > 30)[:max_paras]


def _outlet(rng: random.Random) -> str:
    return rng.choice(["BBC News", "Reuters", "The Guardian", "South China Morning Post", "Nikkei Asia",
                       "Caixin", "Associated Press", "Financial Times"])


def load_pool(shared: Path, which: str, limit: int = 400) -> list[Article]:
    """Articles to lay out.  ``which``: "measure-en" (BBC, Reuters, AG News: research-only
    sets, measured on, never trained on), "measure-zh" (the QQ News feed), "train-en"
    (ECB+ CC BY 3.0 and GVC CC BY 4.0: texts whose licences allow a shipped model),
    "train-zh" (trafilatura-eval Chinese pages, Apache-2.0)."""
    shared = Path(shared)
    rng = random.Random(which)
    arts: list[Article] = []
    try:
        if which == "measure-en":
            for line in _lines(shared / "eval/bbc-news-topics/bbc_news.jsonl", limit // 2):
                r = json.loads(line)
                if paras := _clean_paras(r["text"], 5):
                    arts.append(Article(r["title"].strip(), paras, _outlet(rng)))
            for line in _lines(shared / "eval/reuters21578-modapte/reuters21578_modapte.jsonl", limit * 3):
                r = json.loads(line)
                paras = _clean_paras(r.get("text") or "", 4)
                prose = all(len(p) >= 60 and p.rstrip("\"' ")[-1:] in ".!?" for p in paras)  # not a table of figures
                if r.get("title") and len(paras) >= 2 and prose and len(arts) < limit * 3 // 4:
                    arts.append(Article(r["title"].strip().title(), paras, "Reuters"))
            import csv

            with open(shared / "eval/ag-news-test/test.csv", encoding="utf-8") as fh:
                for k, r in enumerate(csv.DictReader(fh)):
                    if k >= limit // 4:
                        break
                    desc = re.sub(r"\s+", " ", r["description"].replace("\\", " ")).strip()
                    if len(desc) > 60:
                        arts.append(Article(r["title"].strip(), (desc,), _outlet(rng)))
        elif which == "measure-zh":
            import feedparser

            from ..ingest.html import fragment_text

            raw = (shared / "eval/news-feeds/feeds/qq_news_china_domestic_gb2312.xml").read_bytes()
            for e in feedparser.parse(raw).entries:
                text = fragment_text(e.get("summary", ""))
                sents = [s + "。" for s in text.replace("\u3000", "").split("。") if len(s) > 8]
                if e.get("title") and sents:
                    half = max(1, len(sents) // 2)
                    paras = ("".join(sents[:half]), "".join(sents[half:])) if len(sents) > 1 else ("".join(sents),)
                    arts.append(Article(e.title.strip(), paras, "腾讯新闻", "zh"))
        elif which == "train-en":
            for line in _lines(shared / "eval/gvc-event-clusters-subset/gvc_docs.jsonl", limit):
                r = json.loads(line)
                if (paras := _clean_paras(r["text"].replace("\n", "\n\n"), 5)) and r.get("title"):
                    arts.append(Article(r["title"].strip(), paras, _outlet(rng)))
            for line in _lines(shared / "eval/ecbplus-event-clusters/ecbplus_docs.jsonl", limit * 3):
                r = json.loads(line)
                sents = [s.strip() for s in r["text"].split("\n") if s.strip()]
                if r["subtopic"] != "ecbplus" or len(sents) < 4 or len(sents[0]) > 120:
                    continue
                body = [s for s in sents[1:] if len(s) > 40]
                paras = tuple(" ".join(body[i:i + 2]) for i in range(0, min(len(body), 8), 2))
                if paras and len(arts) < limit * 2:
                    arts.append(Article(sents[0], paras, _outlet(rng)))
        elif which == "train-zh":
            arts = _trafilatura_zh(shared)
        else:
            raise BadInput(f"article pool {which!r}: unknown (use measure-en, measure-zh, train-en or train-zh)")
    except FileNotFoundError as exc:
        raise BadInput(f"{exc.filename}: eval data not found (pass --data pointing at the shared folder)") from None
    return arts


def _lines(path: Path, limit: int):
    with open(path, encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k >= limit:
                return
            yield line


def _trafilatura_zh(shared: Path) -> list[Article]:
    """Chinese articles made from the Chinese pages of the trafilatura-eval set (Apache-2.0)
    and the Zyte set (MIT): each run of sentences is an article, its first clause the headline."""
    import gzip

    import trafilatura

    texts = []
    meta = json.loads((shared / "eval/trafilatura-eval/evaldata.json").read_text(encoding="utf-8"))
    for item in meta.values():
        if any(re.search(r"[\u4e00-\u9fff]", w) for w in item.get("with", [])):
            html = gzip.open(shared / "eval/trafilatura-eval/html" / (item["file"] + ".gz")).read()
            texts.append(trafilatura.extract(html) or "")
    gt = json.loads((shared / "eval/zyte-article-extraction/ground-truth.json").read_text(encoding="utf-8"))
    texts += [v["articleBody"] for v in gt.values()]
    sents = []
    for text in texts:
        if len(re.findall(r"[\u4e00-\u9fff]", text)) < 0.3 * max(1, len(text)):
            continue
        sents += [s + "。" for s in re.split(r"[。！？]", text.replace("\n", "")) if len(re.findall(r"[\u4e00-\u9fff]", s)) > 12]
    out = []
    for i in range(0, len(sents) - 3, 4):
        head = re.split(r"[，：；、（(]", sents[i])[0][:24]
        if len(head) >= 6:
            out.append(Article(head, ("".join(sents[i:i + 2]), "".join(sents[i + 2:i + 4])), "新华网", "zh"))
    return out


# --------------------------------------------------------------------------- plain-text articles

# How a plain-text file may hold an article: one paragraph a line, paragraphs between blank
# lines, one sentence a line (as ECB+ ships its texts), paragraphs hard-wrapped at a fixed
# width (e-mail, text taken from a PDF), each with or without a title on top.
PLAIN_FORMS = ("lines", "blank", "sentences", "wrapped", "title+lines", "title+blank", "title+sentences", "title+wrapped")
_ENGLISH = frozenset("the and of to a in is that for on with was".split())


@dataclass(frozen=True, slots=True)
class PlainArticle:
    doc_id: str
    title: str | None
    paras: tuple[str, ...]
    group: str  # articles of one group report the same event (a concatenation takes one per group)


def plain_articles(shared: Path, which: str) -> list[PlainArticle]:
    """Single real articles: "gvc" (the GVC subset, CC BY 4.0: shooting reports with their
    titles) or "zyte" (the Zyte benchmark's gold article bodies in English, MIT: 159 pages of
    news, blogs, reviews and how-tos, no titles)."""
    shared = Path(shared)
    out = []
    try:
        if which == "gvc":
            for line in open(shared / "eval/gvc-event-clusters-subset/gvc_docs.jsonl", encoding="utf-8"):
                r = json.loads(line)
                if paras := _paras(r["text"]):
                    out.append(PlainArticle(f"gvc/{r['doc_id']}", (r.get("title") or "").strip() or None, paras, r["incident_id"]))
        elif which == "zyte":
            gt = json.loads((shared / "eval/zyte-article-extraction/ground-truth.json").read_text(encoding="utf-8"))
            for key, item in sorted(gt.items()):
                paras = _paras(item["articleBody"])
                if paras and _english(" ".join(paras)):
                    out.append(PlainArticle(f"zyte/{key[:12]}", None, paras, key))
        else:
            raise BadInput(f"article set {which!r}: unknown (use gvc or zyte)")
    except FileNotFoundError as exc:
        raise BadInput(f"{exc.filename}: eval data not found (pass --data pointing at the shared folder)") from None
    return out


def _paras(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("\n") if p.strip())


def _english(text: str) -> bool:
    words = text.lower().split()
    return sum(w in _ENGLISH for w in words) >= 0.08 * max(1, len(words))


def plain_lines(art: PlainArticle, form: str) -> list[str]:
    """The lines of one article written in ``form`` (one of :data:`PLAIN_FORMS`)."""
    from ..stages.segment.text import sentences

    if form not in PLAIN_FORMS:
        raise BadInput(f"form {form!r}: unknown (use {', '.join(PLAIN_FORMS)})")
    body = form.removeprefix("title+")
    if body == "sentences":
        lines = [p[a:b] for p in art.paras for a, b in sentences(p)]
    elif body == "wrapped":
        width = 64 + 4 * (sum(map(ord, art.doc_id)) % 7)  # 64-88 characters, fixed per article
        lines = [x for p in art.paras for x in textwrap.wrap(p, width) + [""]]
    elif body == "blank":
        lines = [x for p in art.paras for x in (p, "")]
    else:
        lines = list(art.paras)
    if form.startswith("title+") and art.title:
        lines = [art.title, ""] + lines if body in ("blank", "wrapped") else [art.title] + lines
    return lines


def plain_singles(arts: list[PlainArticle], forms: tuple[str, ...] = PLAIN_FORMS) -> list[tuple[str, str]]:
    """(name, text) of every article in every form: files that hold one story each."""
    return [(f"{a.doc_id}/{form}", "\n".join(plain_lines(a, form)).rstrip("\n") + "\n") for a in arts for form in forms]


def plain_concatenations(arts: list[PlainArticle], docs: int, seed: int = 7, min_articles: int = 2, max_articles: int = 6,
                         forms: tuple[str, ...] = PLAIN_FORMS, teasers: float = 0.0) -> list[tuple[str, str, list[int]]]:
    """(name, text, line index where each article starts): articles of different groups one
    after the other in one file, written in the same form, with nothing between them.  A
    ``teasers`` share of the files with titles keep only each article's first one or two
    paragraphs under them (a list of headlines and teasers is no longer than one article)."""
    rng = random.Random(seed)
    out = []
    for d in range(docs):
        form = forms[d % len(forms)]
        want = rng.randint(min_articles, max_articles)
        short = form.startswith("title+") and rng.random() < teasers  # headlines over teasers
        picked, groups = [], set()
        for a in rng.sample(arts, len(arts)):
            if a.group not in groups:
                picked.append(replace(a, paras=a.paras[:rng.randint(1, 2)]) if short else a)
                groups.add(a.group)
            if len(picked) == want:
                break
        lines: list[str] = []
        starts = []
        for a in picked:
            starts.append(len(lines))
            lines += plain_lines(a, form)
        out.append((f"concat/{d}/{form}{'/teasers' if short else ''}", "\n".join(lines).rstrip("\n") + "\n", starts))
    return out
