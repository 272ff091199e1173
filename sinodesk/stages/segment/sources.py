"""Lines that close a story: "Source: ..." lines, bare citations and URLs."""

from __future__ import annotations

import re
from functools import lru_cache

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
