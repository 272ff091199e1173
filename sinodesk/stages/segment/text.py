"""Small text helpers shared by the segmenters: CJK-aware lengths, sentences, terms, and the
lines that close a story ("Source: ..." lines, bare citations and URLs)."""

from __future__ import annotations

import re
from functools import lru_cache

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_RUN = _CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’\-]*")
# Sentence ends: Latin punctuation followed by space + capital/quote/digit, or CJK stops.
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|(?<=[。！？])[”’」』]*")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|St|Jr|Sr|Inc|Ltd|Co|Corp|No|vs|U\.S|U\.K|"
                     r"Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mt)|\b[A-Z])\.$")

_POSSESSIVE = re.compile(r"'s\b")
# Segmentation keeps this narrower list (a subset of the shared one in sinodesk/stopwords.py): with the
# shared list, whose extra words include news/report/today/week/day and the number words, the line
# labeller's word-overlap features lose the cues that tie a line to its story -- held-out layouts
# (2026-12-06, 19 leave-layouts-out folds): pdf-report F1 0.88 -> 0.83, ECB+ singles left whole
# 0.983 -> 0.980; only the BBC concatenations gained (0.877 -> 0.880).
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told according one two three new year years
    percent mr mrs ms per cent like well even still many much may might must shall us also however
    would could last first since within among around including without across toward towards upon yet
    get got make made going go goes went take taken come came see seen back way""".split()
)


def has_cjk(text: str) -> bool:
    return CJK.search(text) is not None


def word_len(text: str) -> int:
    """Words in ``text``; a CJK character counts as half a word (two make a word)."""
    cjk = len(CJK.findall(text))
    if not cjk:
        return len(text.split())
    return len(CJK.sub(" ", text).split()) + (cjk + 1) // 2


def visible_len(text: str) -> int:
    """Length with CJK characters counted double (a CJK character carries about a word)."""
    return len(text) + len(CJK.findall(text))


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph.

    Our own splitter rather than pysbd: on 1,324 BBC paragraphs pysbd 0.3.4 (unreleased since
    2021) took 75x as long, and where the two differed (12%) its character spans mostly lost a
    sentence outright; offsets must hold for provenance.
    """
    out = []
    pos = 0
    for m in _SENT_END.finditer(text):
        cut = m.start()
        piece = text[pos:cut].rstrip()
        if _ABBREV.search(piece) and not text[pos:cut].rstrip().endswith(("。", "！", "？")):
            continue
        if piece.strip():
            out.append((pos, pos + len(piece)))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text.rstrip())))
    return out


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


_LOWER_WORD = re.compile(r"[a-z\u00df-\u024f]+(?:[-'][a-z\u00df-\u024f]+)*")


def _words(text: str) -> list[str]:
    low = _POSSESSIVE.sub("", text.lower().replace("’", "'"))
    return [w for w in _LOWER_WORD.findall(low) if len(w) > 2 and w not in STOPWORDS]


def _bigrams(text: str) -> list[str]:
    out = []
    for run in _CJK_RUN.findall(text):
        out.extend(run[i:i + 2] for i in range(max(1, len(run) - 1)))
    return out


def terms(text: str) -> list[str]:
    """Content terms of ``text``: stemmed non-stopwords, plus CJK character bigrams."""
    words = _words(text)
    out = _stemmer().stemWords(words) if words else []
    return out + _bigrams(text) if CJK.search(text) else out


@lru_cache(maxsize=8192)
def line_terms(line: str) -> tuple[str, ...]:
    """Stemmed content words of one line (a pure function of the line: kept for the run)."""
    words = _words(line)
    return tuple(_stemmer().stemWords(words)) if words else ()


def terms_many(texts: list[str]) -> list[list[str]]:
    """``terms`` of many texts.  Words are read line by line (no word spans a line) and kept per
    line: the cohesion splitter and the digest decision read the same paragraphs, once as
    units and once as stories."""
    return [[w for ln in t.split("\n") for w in line_terms(ln)] + (_bigrams(t) if CJK.search(t) else []) for t in texts]


_CAPITALISED = re.compile(r"(?<=[a-z,;:]\s)[A-Z][a-zA-Z\-]{2,}")


def capitalised(text: str) -> list[str]:
    """Capitalised words that are not the first of a sentence (names, places, organisations)."""
    return [w for w in map(str.lower, _CAPITALISED.findall(text)) if w not in STOPWORDS]


# ---------------------------------------------------------------------------- closing lines

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|"
        r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|\d{4}年\d{1,2}月\d{1,2}日)")

SOURCE_PREFIX = re.compile(r"^\s*(?:\d+[.)]\s*)?(?:sources?|source link|via|credits?|原文|来源|出处|消息来源)\s*[:：]", re.I)
URL_LINE = re.compile(r"^\s*(?:\d+[.)]\s*)?(?:<)?(?:https?://|www\.)\S+?(?:>)?\s*$", re.I)
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'”’)\]]+", re.I)
# "RFA, January 19, 2024" / "1. Epoch Times, March 28, 2022" / "“Title,” Wikipedia, retrieved February 20, 2024"
CITATION = re.compile(
    rf"^\s*(?:\d+[.)]\s*)?(?P<who>\S.{{0,140}}?)[,，]\s*(?:(?:retrieved|accessed|published|updated)\s+(?:on\s+)?)?{DATE}\s*\.?\s*$",
    re.I,
)
CITATION_MAX_CHARS = 200


def is_url_line(text: str) -> bool:
    return URL_LINE.match(text) is not None


def is_source_line(text: str) -> bool:
    """A "Source: ..." line or a bare citation of an outlet and a date."""
    if SOURCE_PREFIX.match(text):
        return True
    t = text.strip()
    return len(t) <= CITATION_MAX_CHARS and CITATION.match(t) is not None


@lru_cache(maxsize=8192)  # pure: the labeller and every finder ask about the same lines
def is_closing(text: str) -> bool:
    """Any line that may close a story: source line, citation or URL."""
    return is_url_line(text) or is_source_line(text)


def first_url(text: str) -> str | None:
    m = URL.search(text)
    return m.group(0).rstrip(".,;") if m else None
