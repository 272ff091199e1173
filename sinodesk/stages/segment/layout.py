"""A learned line labeller: what each line of a digest *is*, from its shape and its document.

Every non-blank line gets one of :data:`LABELS` -- a story's headline, body, metadata
(byline, source, time stamp, credit), a section heading or the page's own title, page
furniture (boilerplate) or a separator -- from features that hold no text:

* the line's shape: length, script, how it opens (numbering, bullet, ``#``, ``**``, 【) and
  how it ends, capitals, digits, URLs, dates and times, pipes and arrows, and what the
  rule-based helpers say of it (title-like, prose, source line, inline headline, a clean
  rule);
* its document: how often the same line, the same opening words and the same shape recur
  (a digest repeats its furniture and its headline shape once per story), where it stands
  (before the first / after the last paragraph of prose), the blank lines around it and the
  shape of its neighbours.

The model is a multinomial logistic regression (a matrix product at run time), applied in
two passes: the second sees the first pass's label probabilities of the neighbouring lines
and of the lines sharing its shape, so "this shape is a headline everywhere in this
document" can decide a doubtful line.  It is trained by ``tools/train_layout.py`` on
digests generated from texts whose licences allow a shipped model (see
``sinodesk/data/segment/README.md``); the weights hold no text.
"""

from __future__ import annotations

import json
import math
import re
import string
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ...errors import ConfigError
from ...records import Line
from .headline import BULLET, DATELINE, DATELINE_ZH, MD_HEADING, inline_headline, is_prose, is_title_like
from .text import CJK, CJK_RUN, DATE, STOPWORDS, URL, is_closing, is_url_line, sentences, visible_len

LABELS = ("body", "headline", "section", "meta", "boilerplate", "separator")
BODY, HEADLINE, SECTION, META, BOILERPLATE, SEPARATOR = range(len(LABELS))

_TERMINAL = re.compile(r"[.!?。！？][\"'”’」』)）\]]*$")
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}\s*[.)、．:]|[（(]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])")
_NO_NUMBER = re.compile(r"^\s*(?:No\.?|Nr\.?|#|Number)\s*\d{1,3}\b", re.I)
_BULLET_CHAR = re.compile(r"^\s*[•·▪◦●○■□►▶‣⁃∙◆◇★☆✓✔➢➤→*+\-–—](?=\s)")
_EMPH = re.compile(r"^\s*(?:\*\*|__)\S")
_BRACKET = re.compile(r"^\s*[【\[]")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?:\s*(?:am|pm|GMT|UTC|BST|EST|CET|HKT|CST|ET|PT))?", re.I)
_ARROWS = re.compile(r"[»›→←«‹|·•]")
_ALNUM = re.compile(r"[^\W_]", re.UNICODE)
_WORD = re.compile(r"[^\s]+")
# Words that introduce a story's metadata on every kind of site (not one outlet's wording).
_META_CUE = re.compile(r"^\s*[(\[*_]*(?:by|posted|published|updated|filed|source|sources|via|credit|credits|photo|"
                       r"reporting|editing|written|link|来源|作者|记者|编辑|责任编辑|发布时间|更新时间)\b", re.I)
_DIGITS = re.compile(r"\d+")
_DATE = re.compile(DATE)
_DIGIT = re.compile(r"\d")
SAMPLE_CHARS = 120
BAG_CHARS = 600  # the words of a line are read on its first 600 characters
_BAG_WORD = re.compile(r"[a-z\u00e0-\u024f]{4,}")


def _shape_key(t: str) -> str:
    """The line with digits folded, for counting repeats of the same furniture."""
    return _DIGITS.sub("0", " ".join(t.lower().split()))


def _opening(t: str) -> str:
    """The first two words (digits folded): "posted on", "source: x", "0) ..." recur per story."""
    words = _DIGITS.sub("0", t.lower()).split()[:2]
    return " ".join(words) if not CJK.search(t[:4]) else _DIGITS.sub("0", t.strip()[:3])


def _end_class(t: str) -> int:
    s = t.rstrip()
    if not s:
        return 0
    if _TERMINAL.search(s):
        return 1
    if s[-1] in ":：":
        return 2
    if _ALNUM.match(s[-1]):
        return 3
    return 4


_INLINE_MARK = re.compile(r"[:：】\]*_–—]")


def _has_inline(t: str) -> bool:
    """An item line that opens with its headline (only lines with a mark early on can)."""
    return len(t) < 2000 and _INLINE_MARK.search(t, 0, 180) is not None and inline_headline(t) is not None


_NO_LETTERS = str.maketrans("", "", string.ascii_letters)  # ASCII letters and capitals are counted by deletion
_NO_UPPER = str.maketrans("", "", string.ascii_uppercase)
_YEAR = re.compile(r"\d{4}")  # every date form ``text.DATE`` knows has a four-digit year
_TIME_HINT = re.compile(r"\d[:.]\d")


def _own(t: str, kind: str) -> list[float]:
    s = t.strip()
    n = visible_len(s)  # a CJK character counts as two: it carries about a word
    head = s[:SAMPLE_CHARS]  # ratios are read on the opening of a long paragraph
    words = head.split()
    size = len(head)
    letters = size - len(head.translate(_NO_LETTERS))  # counted by deletion: no list of matches
    cjk = len(CJK.findall(head))
    upper = size - len(head.translate(_NO_UPPER))
    caps_words = sum(1 for w in words if w[:1].isupper())
    digits = len(_DIGIT.findall(head))
    end = _end_class(s)
    sents = len(sentences(s)) if n < 300 else 5
    digit = digits > 0 or _DIGIT.search(s, 0, 160) is not None
    has_url = ("http" in s or "www." in s) and URL.search(s) is not None
    dated = digit and _YEAR.search(s, 0, 160) is not None and _DATE.search(s, 0, 160) is not None
    timed = digit and _TIME_HINT.search(s, 0, 160) is not None and _TIME.search(s, 0, 160) is not None
    return [
        math.log1p(n) / 6, math.log1p(len(s.split()) if len(s) > SAMPLE_CHARS else len(words)) / 5, cjk / max(1, size),
        end == 1, end == 2, end == 3, end == 4,
        bool(_NUMBERED.match(s)), bool(_NO_NUMBER.match(s)), bool(_BULLET_CHAR.match(s)),
        bool(MD_HEADING.match(s)), bool(_EMPH.match(s)), bool(_BRACKET.match(s)),
        s[:1].islower(), upper / max(1, letters), caps_words / max(1, len(words)),
        has_url, has_url and is_url_line(s), dated, timed,
        min(3, len(_ARROWS.findall(s))) / 3, not _ALNUM.search(s),
        is_title_like(s), is_prose(s), is_closing(s), _has_inline(t),
        kind == "boilerplate", s[:1] in "([（", math.log1p(sents) / 3,
        bool(DATELINE.match(s) or DATELINE_ZH.match(s)), digits / max(1, size), bool(_META_CUE.match(s)),
        (len(t) - len(t.lstrip())) > 1, n < 40, 40 <= n < 100, 100 <= n < 200, n >= 400,
    ]


N_OWN = 38
_CTX_OWN = (0, 3, 22, 23, 24, 31, 7, 10)  # own features repeated for the neighbours


_ARRAYS = ("mean1", "scale1", "w1", "b1", "mean2", "scale2", "w2", "b2", "lo1", "hi1", "lo2", "hi2")
MIN_LINES = 8  # a shorter document has too few lines to show a layout (repeats, rhythm)


@dataclass(frozen=True, slots=True)
class LineModel:
    """Two-pass multinomial logistic regression over line features (weights only, no text)."""

    mean1: np.ndarray
    scale1: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    mean2: np.ndarray
    scale2: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    lo1: np.ndarray  # feature ranges seen in training: inputs are clipped to them, so a
    hi1: np.ndarray  # document unlike any training one cannot push a linear score to extremes
    lo2: np.ndarray
    hi2: np.ndarray
    about: str = ""

    def probabilities(self, x1: np.ndarray) -> np.ndarray:
        """Label probabilities of the lines whose first-pass features are ``x1``."""
        x1 = np.clip(x1, self.lo1, self.hi1)
        p1 = _softmax(((x1 - self.mean1) / self.scale1) @ self.w1 + self.b1)
        x2 = np.clip(_second(x1, p1, _shapes(x1)), self.lo2, self.hi2)
        return _softmax(((x2 - self.mean2) / self.scale2) @ self.w2 + self.b2)

    def to_json(self) -> str:
        return json.dumps({"labels": LABELS, "about": self.about,
                           **{k: np.round(getattr(self, k), 6).tolist() for k in _ARRAYS}})

    @classmethod
    def from_json(cls, text: str) -> "LineModel":
        d = json.loads(text)
        if tuple(d.get("labels", ())) != LABELS:
            raise ConfigError(f"layout model labels {d.get('labels')} do not match {LABELS} (retrain with tools/train_layout.py)")
        return cls(**{k: np.asarray(d[k], dtype=float) for k in _ARRAYS},
                   about=d.get("about", ""))


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def bag(text: str) -> set[str]:
    """Content words of a line (lower-cased, four letters or more) and CJK character pairs."""
    low = text[:BAG_CHARS].lower()
    out = {w for w in _BAG_WORD.findall(low) if w not in STOPWORDS}
    if CJK.search(low) is not None:
        for run in CJK_RUN.findall(low):
            out.update(run[i:i + 2] for i in range(max(1, len(run) - 1)))
    return out


def base_features(lines: tuple[Line, ...]) -> tuple[list[int], np.ndarray]:
    """(indices of the non-blank lines, first-pass feature matrix)."""
    idx = [i for i, ln in enumerate(lines) if ln.kind != "blank"]
    if not idx:
        return idx, np.zeros((0, 1))
    texts = [lines[i].text for i in idx]
    own = np.array([_own(t, lines[i].kind) for t, i in zip(texts, idx)], dtype=float)
    n = len(idx)
    keys = [_shape_key(t) if len(t) < 200 else t for t in texts]  # a long paragraph is never furniture that recurs
    opens = [_opening(t[:60]) for t in texts]
    ends = [_end_class(t) for t in texts]
    flags = own[:, [7, 8, 9, 10, 11, 12, 22, 23]].tolist()
    shapes = [tuple(f) + (e,) for f, e in zip(flags, ends)]
    ck, co, cs = Counter(keys), Counter(opens), Counter(shapes)
    prose_flags = own[:, 23].tolist()
    title_flags = own[:, 22].tolist()
    prose = [k for k in range(n) if prose_flags[k]]
    first_prose = prose[0] if prose else n
    last_prose = prose[-1] if prose else -1
    bags = [bag(t) for t in texts]
    rows = []
    for k, i in enumerate(idx):
        # vocabulary shared with the lines around: a story's lines talk about the same things,
        # furniture talks about the page
        own_words = bags[k]
        size = max(1, len(own_words))
        before = len(own_words & set().union(*bags[max(0, k - 3):k])) if own_words and k else 0
        after = len(own_words & set().union(*bags[k + 1:k + 4])) if own_words else 0
        rows.append((
            math.log(ck[keys[k]]), math.log(co[opens[k]]), math.log(cs[shapes[k]]) / 2, math.log1p(n) / 5,
            k / max(1, n - 1), 0.0, 0.0, k < first_prose, k > last_prose,
            i == 0 or lines[i - 1].kind == "blank", i + 1 >= len(lines) or lines[i + 1].kind == "blank",
            cs[shapes[k]] >= 2 and bool(title_flags[k]), k + 1 < n and bool(prose_flags[k + 1]) and not prose_flags[k],
            before / size, after / size,
        ))
    sel = own[:, list(_CTX_OWN)]
    pad = np.zeros((1, sel.shape[1]))
    prev = np.vstack([pad, sel[:-1]])
    nxt = np.vstack([sel[1:], pad])
    nxt2 = np.vstack([sel[2:], pad, pad])[:n]
    return idx, np.hstack([own, np.array(rows, dtype=float), prev, nxt, nxt2])


def _second(x1: np.ndarray, p1: np.ndarray, shapes: list) -> np.ndarray:
    """Second-pass features: first-pass probabilities of the line, its neighbours and its shape-mates."""
    n = len(p1)
    pad = np.zeros((1, p1.shape[1]))
    prev = np.vstack([pad, p1[:-1]])
    nxt = np.vstack([p1[1:], pad])
    mates = np.zeros_like(p1)
    groups: dict = {}
    for k, s in enumerate(shapes):
        groups.setdefault(s, []).append(k)
    for ks in groups.values():
        mates[ks] = p1[ks].mean(0)
    return np.hstack([x1, p1, prev, nxt, mates])


def _shapes(x1: np.ndarray) -> list:
    return [tuple(row) for row in x1[:, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 22, 23, 24, 31, 33]].round(3)]


def predict(model: LineModel, lines: tuple[Line, ...]) -> tuple[list[int], np.ndarray]:
    """(indices of the non-blank lines, label probabilities, one row per such line)."""
    idx, x1 = base_features(lines)
    if not idx:
        return idx, np.zeros((0, len(LABELS)))
    return idx, model.probabilities(x1)


def model_file_text(path: str, what: str, tool: str) -> str:
    """The text of the ``what`` model file at ``path`` (setting ``segment.<what>_model``, written
    by ``tools/<tool>``), or of the packaged ``sinodesk/data/segment/<what>_model.json``."""
    if not path:
        return resources.files("sinodesk.data").joinpath(f"segment/{what}_model.json").read_text(encoding="utf-8")
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"{what} model {path}: file not found (set segment.{what}_model to a file written by tools/{tool}, or leave it empty)")
    return p.read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def load_model(path: str = "") -> LineModel:
    """The packaged model, or the one at ``path`` (``SegmentOptions.layout_model``)."""
    return LineModel.from_json(model_file_text(path, "layout", "train_layout.py"))


PROSE_DOUBT = 0.9  # a paragraph the model is this sure is furniture is doubtful
PROSE_THRESHOLD = 2.0  # prose is never dropped on the model's word alone (rules and the trailer logic catch prose furniture)


def furniture(lines: tuple[Line, ...], model: LineModel, threshold: float = 0.5) -> tuple[set[int], set[int], set[int]]:
    """(furniture and separator lines, metadata lines, doubtful prose): the lines the model is
    at least ``threshold`` sure are no story's headline or body, and the paragraphs of prose it
    takes for furniture (kept unless they also share no words with their story: see
    ``segment._trailer``)."""
    # only short lines and non-prose can be furniture or metadata (prose and items are kept
    # whatever the model says): a text of paragraphs alone needs no labelling
    if sum(1 for ln in lines if ln.kind != "blank") < MIN_LINES or all(
            ln.kind != "text" or is_prose(ln.text) or _has_inline(ln.text) for ln in lines):
        return set(), set(), set()
    idx, prob = predict(model, lines)
    junk = prob[:, BOILERPLATE] + prob[:, SEPARATOR]
    # A paragraph of prose, a title-like line (a headline or a section) and an item that opens
    # with its headline are what stories are made of: the model must be far surer before it
    # calls one furniture, and an item never is.
    nxt = {a: b for a, b in zip(idx, idx[1:])}
    sure = [2.0 if inline_headline(lines[i].text) else
            PROSE_THRESHOLD if is_prose(lines[i].text) or (is_title_like(lines[i].text) and i in nxt and is_prose(lines[nxt[i]].text))
            else threshold for i in idx]
    excluded = {i for i, p, t in zip(idx, junk, sure) if p >= t}
    doubtful = {i for i, p, t in zip(idx, junk, sure) if t == PROSE_THRESHOLD and p >= PROSE_DOUBT and is_prose(lines[i].text)}
    meta = {i for i, p, t in zip(idx, prob[:, META], sure) if p >= threshold and t < 2.0 and i not in excluded
            and not is_prose(lines[i].text) and _meta_trait(lines[i].text)}
    return excluded, meta, doubtful


def _meta_trait(text: str) -> bool:
    """Metadata carries a date, a time, a link, a figure, a cue word ("By", "Source", 来源) or a
    marker (parentheses, pipes, middle dots); a plain title-like line without any is no byline."""
    t = text.strip()
    return bool(_DATE.search(t) or _TIME.search(t) or URL.search(t) or _META_CUE.match(t)
                or _DIGITS.search(t) or t[:1] in "([（" or _ARROWS.search(t))
