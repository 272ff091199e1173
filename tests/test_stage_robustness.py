"""No story stops a stage, whatever day it is read against.

Dates in news are read relative to the story's own day ("30日", "last Tuesday", "next month"), so a
rule can hold on the days it was tried on and fail on another (a bare "30日" read on 8 March is
February's, which has no 30th: the whole story's extraction stopped).  Real headlines and sentences,
English and Chinese, each read against every day of a leap year and of a common year."""

from __future__ import annotations

import datetime as dt
import json
import re

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract

from .conftest import EVAL, need_shared


# the days where reading relative to the story's day crosses a month or a year: a month's first
# week (a late day of the month is last month's), the month ends, 29 February and the turn of the year
def _tricky_days() -> list[str]:
    out = []
    for year in (2024, 2023):  # a leap year and a common one
        for month in range(1, 13):
            first = dt.date(year, month, 1)
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            out += [first.isoformat(), (first + dt.timedelta(days=5)).isoformat(), last.isoformat()]
    return out


_DATED = re.compile(r"\d{1,2}日|[一二三四五六七八九十]+月|[上下本]周|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
                    r"|January|February|March|April|May|June|July|August|September|October|November|December)\b|\b\d{1,2}(?:st|nd|rd|th)\b")


def _texts() -> list[tuple[str, str]]:
    """Real headlines (Chinese, three a story, so that a figure of one meets the words of the next) and
    BBC leads, those with a date a story's day is needed to read."""
    zh = [ln.split("\t")[0] for ln in open(need_shared(EVAL / "thucnews-headlines-zh" / "dev.txt"), encoding="utf-8")]
    stories = [("zh", "。".join(zh[i : i + 3]) + "。") for i in range(0, len(zh) - 3, 3)]
    bbc = [json.loads(x) for x in open(need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl"), encoding="utf-8")]
    stories += [("en", d["title"] + "\n" + d["text"][:500]) for d in bbc]
    zh_dated = [t for t in stories if t[0] == "zh" and _DATED.search(t[1])][:40]
    en_dated = [t for t in stories if t[0] == "en" and _DATED.search(t[1])][:15]
    return zh_dated + en_dated


def test_every_dated_story_extracts_against_the_days_where_months_and_years_turn():
    days, texts = _tricky_days(), _texts()
    assert len(days) == 72 and len(texts) == 55
    failed = []
    for day in days:
        for lang, text in texts:
            doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
            try:
                got = extract(doc, Segment(start=0, end=len(text), text=text), lang, fallback_date=day)
            except Exception as exc:  # noqa: BLE001 - every failure is collected and shown
                failed.append(f"{day} {text[:40]!r}: {type(exc).__name__}: {exc}")
                continue
            assert all(d.iso for d in got.dates), (day, text[:40], got.dates)
    assert not failed, failed[:5]
