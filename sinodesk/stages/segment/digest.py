"""Is a plain-text file a digest at all?  The document-level decision that keeps one article whole.

The finders split wherever a text *could* hold several stories: a title-like line before
paragraphs, a change of vocabulary.  One article offers both -- sub-heads, a short quoted
line, a turn from the event to its background, a text written one sentence a line -- so a
plain-text document for which they propose several stories is judged as a whole before they
are kept:

1. *Layout.*  A digest repeats the marks of a boundary between stories: items that open with
   their headline, numbered or bulleted headlines, source lines and links that close each
   story, separators and furniture between stories, a byline under each headline, datelines
   that open stories.  When at least half of the proposed boundaries carry one (or the page
   is an archive that lists posts), the layout says digest and nothing else is asked.
2. *Words,* when the layout says nothing.  A single article keeps returning to its people and
   places, has one dateline and one lead; a digest's stories each bring their own names.  A
   logistic regression (:class:`DigestModel`) over a few document features -- the share of
   name mentions that are new where each proposed story begins (overall and in the story
   that brings the most), how many of each story's main names and terms were already used
   before it, the length and the number of stories, how much prose comes before the first
   headline, whether the stories come from a change of vocabulary alone, how many stories
   open like a news lead (a dateline, an event dated by the day, a question and its answer),
   how many headlines are short sub-head-like lines -- gives the chance that the text holds
   several articles; below ``digest_threshold`` the document is one story.

The model is fitted by ``tools/train_digest.py`` on licence-clean texts (see
``sinodesk/data/segment/README.md``); its weights hold no text.  Text mostly in Chinese has
no capitalised names to follow and is left to the finders.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ...errors import ConfigError
from ...records import Cleaned, Line, Segment
from .cohesion import LEAD_TIME
from .headline import DATELINE, DATELINE_ZH, NUMBERED_HEAD, is_bullet, is_prose
from .layout import model_file_text
from .structure import Plan, closes_story
from .text import CJK, STOPWORDS, terms_many, word_len

FEATURES = ("name_local", "name_seen", "term_seen", "log_words", "log_stories", "log_lead", "cohesion", "short_heads",
            "cued", "name_local_max")
MARKED_SHARE = 0.5  # this share of the boundaries marked by layout: a digest, whatever its words
TOP_NAMES = 3  # a story's main names: its three most mentioned
CARRIED_NAMES = 2  # a story whose main names the story before used this often carries it on
MIN_MENTIONS = 4  # a story with fewer name mentions tells nothing by the share of new ones
SUBHEAD_WORDS = 4  # a headline this short is sub-head-like ("Reactions", "Three Husbands")
CJK_SHARE = 0.3  # a text with this share of CJK characters has no capitalised names to follow

_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april "
                      "may june july august september october november december".split())
_CAP = re.compile(r"\b[A-Z][A-Za-z\-]{2,}\b")
_INNER_CAP = re.compile(r"(?<=[a-z,;:]\s)[A-Z][A-Za-z\-]{2,}")


# ---------------------------------------------------------------------------- layout marks


def boundary_marks(lines: tuple[Line, ...], plan: Plan) -> list[bool]:
    """For every proposed story after the first: does the layout mark its start?"""
    out = []
    for prev_start, st in zip(plan.starts, plan.starts[1:]):
        out.append(_marked(lines, plan, prev_start.line, st))
    return out


def _marked(lines: tuple[Line, ...], plan: Plan, lo: int, st) -> bool:
    text = lines[st.line].text
    if st.inline is not None or is_bullet(text) or NUMBERED_HEAD.match(text):
        return True  # an item, a numbered or bulleted headline
    skip = plan.excluded | plan.sections | plan.meta
    prev = next((i for i in range(st.line - 1, lo - 1, -1) if lines[i].kind == "text" and i not in skip), None)
    if prev is not None and (closes_story(lines, prev, st.line) or any(
            lines[i].kind == "boilerplate" or i in plan.excluded or i in plan.meta for i in range(prev + 1, st.line))):
        return True  # a source line, a link, a separator, furniture or metadata closes the story before
    body = next((i for i in range(st.line + (st.headline is not None), len(lines)) if lines[i].kind == "text"), None)
    if body is None:
        return False
    if st.headline is not None and body in plan.meta:
        return True  # a byline or a time stamp under the headline
    return bool(DATELINE.match(lines[body].text[:160]) or DATELINE_ZH.match(lines[body].text[:160]))


# The header of a page that lists posts ("Tag Archives: China", "Posts tagged trade"): only
# digests have one (the clean stage keeps it out of every story).
ARCHIVE_HEADER = re.compile(r"^\s*(?:(?:tag|category|author|monthly|daily|yearly) archives?\s*:|posts? tagged\b)", re.I)


def layout_says_digest(lines: tuple[Line, ...], plan: Plan) -> bool:
    """At least half of the proposed boundaries marked, or the header of an archive page."""
    marks = boundary_marks(lines, plan)
    if marks and sum(marks) >= MARKED_SHARE * len(marks):
        return True
    return any(ln.kind == "boilerplate" and ARCHIVE_HEADER.match(ln.text) for ln in lines)


# ---------------------------------------------------------------------------- word features


def names(text: str) -> Counter:
    """Mentions of the names in ``text``: capitalised words that are capitalised inside a
    sentence somewhere in it (so a sentence's first word counts only when it is a name)."""
    inner = {w.lower() for w in _INNER_CAP.findall(text)}
    return Counter(w for w in (m.lower() for m in _CAP.findall(text))
                   if w in inner and w not in STOPWORDS and w not in _CALENDAR)


def _carried(bags: list[Counter], top: int = TOP_NAMES) -> tuple[float, float, float]:
    """(share of the mentions in stories 2..n of items not used before that story, mean share
    of each such story's ``top`` most used items that were used before it, highest share of
    new mentions in one such story that has a few)."""
    seen: Counter = Counter()
    new = old = 0
    carried, shares = [], []
    for k, bag in enumerate(bags):
        if k:
            fresh = sum(c for w, c in bag.items() if w not in seen)
            new, old = new + fresh, old + sum(bag.values()) - fresh
            main = [w for w, _ in bag.most_common(top)]
            carried.append(sum(w in seen for w in main) / len(main) if main else 0.0)
            if sum(bag.values()) >= MIN_MENTIONS:
                shares.append(fresh / sum(bag.values()))
        seen.update(bag)
    return new / max(1, new + old), sum(carried) / max(1, len(carried)), max(shares, default=0.5)


def continuing(segs: tuple[Segment, ...]) -> set[int]:
    """Stories (by index, from 1) that carry on the one before: most of their main names
    (:data:`CARRIED_NAMES` of the top :data:`TOP_NAMES`) were used in it."""
    bags = [names(p) for p in story_texts(segs)]
    out = set()
    for k in range(1, len(bags)):
        main = [w for w, _ in bags[k].most_common(TOP_NAMES)]
        if main and sum(w in bags[k - 1] for w in main) >= min(CARRIED_NAMES, len(main)):
            out.add(k)
    return out


def story_texts(segs: tuple[Segment, ...]) -> list[str]:
    return [(s.headline + "\n" if s.headline and not s.headline_generated else "") + s.text for s in segs]


def features(cleaned: Cleaned, plan: Plan, segs: tuple[Segment, ...]) -> list[float]:
    """The document features the model reads (in :data:`FEATURES` order)."""
    parts = story_texts(segs)
    name_local, name_seen, local_max = _carried([names(p) for p in parts])
    term_seen = _carried([Counter(ts) for ts in terms_many(parts)])[1]
    words = sum(len(p.split()) for p in parts)
    first = cleaned.lines[plan.starts[0].line].start
    lead = sum(len(ln.text) for ln in cleaned.lines if ln.kind == "text" and ln.end <= first and is_prose(ln.text))
    heads = [s.headline for s in segs[1:] if s.headline and not s.headline_generated]
    short = sum(1 for h in heads if word_len(h) <= SUBHEAD_WORDS)
    cued = sum(1 for s in segs[1:] if _opens_like_a_lead(s.text))
    return [name_local, name_seen, term_seen, math.log1p(words), math.log(len(segs)), math.log1p(lead),
            float(plan.mode == "cohesion"), short / (len(segs) - 1), cued / (len(segs) - 1), local_max]


def _opens_like_a_lead(body: str) -> bool:
    """A story that opens on a dateline, on a lead that dates its event by the day ("on
    Friday", 周三) or on a question the next paragraph answers."""
    first, _, rest = body.partition("\n")
    lead = first[:400].split(". ", 1)[0].split("。", 1)[0]
    return bool(DATELINE.match(first[:160]) or DATELINE_ZH.match(first[:160]) or LEAD_TIME.search(lead)
                or (first.rstrip().endswith(("?", "？")) and rest.strip() and not rest.split("\n", 1)[0].rstrip().endswith(("?", "？"))))


# ---------------------------------------------------------------------------- the model


@dataclass(frozen=True, slots=True)
class DigestModel:
    """Logistic regression over :data:`FEATURES` (standardised); weights only, no text."""

    mean: np.ndarray
    scale: np.ndarray
    w: np.ndarray
    b: float
    lo: np.ndarray  # feature ranges seen in calibration: inputs are clipped to them, so a
    hi: np.ndarray  # document unlike any calibration text cannot push the score to an extreme
    about: str = ""

    def probability(self, x: list[float]) -> float:
        z = float(((np.clip(x, self.lo, self.hi) - self.mean) / self.scale) @ self.w + self.b)
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> str:
        arrays = {k: np.round(getattr(self, k), 6).tolist() for k in _ARRAYS}
        return json.dumps({"features": FEATURES, "about": self.about, **arrays, "b": round(self.b, 6)}, indent=1)

    @classmethod
    def from_json(cls, text: str) -> "DigestModel":
        d = json.loads(text)
        if tuple(d.get("features", ())) != FEATURES:
            raise ConfigError(f"digest model features {d.get('features')} do not match {FEATURES} (retrain with tools/train_digest.py)")
        return cls(**{k: np.asarray(d[k], dtype=float) for k in _ARRAYS}, b=float(d["b"]), about=d.get("about", ""))


_ARRAYS = ("mean", "scale", "w", "lo", "hi")


@lru_cache(maxsize=4)
def load_digest_model(path: str = "") -> DigestModel:
    """The packaged model, or the one at ``path`` (``SegmentOptions.digest_model``)."""
    return DigestModel.from_json(model_file_text(path, "digest", "train_digest.py"))


def words_decide(cleaned: Cleaned, plan: Plan, segs: tuple[Segment, ...]) -> bool:
    """Whether the model is asked: several stories proposed, a layout that says nothing, and
    a text that is not mostly Chinese (no capitalised names to follow: the finders decide)."""
    if len(segs) < 2 or layout_says_digest(cleaned.lines, plan):
        return False
    head = cleaned.doc.text[:4000]
    return len(CJK.findall(head)) < CJK_SHARE * len(head)


def digest_probability(cleaned: Cleaned, plan: Plan, segs: tuple[Segment, ...], model: DigestModel) -> float:
    """How likely the proposed stories are several articles (1.0 when the words need not decide)."""
    return model.probability(features(cleaned, plan, segs)) if words_decide(cleaned, plan, segs) else 1.0
