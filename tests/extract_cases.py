"""What the tests of numbers and dates read off one story: the extract stage run on a sentence
(as one story spanning it), its numbers as (text, value, unit) and its dates as (text, iso,
precision), against a fixed ingest day so relative dates are stable."""

from __future__ import annotations

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract

def _run(text: str, language: str = "en", context_date: str | None = "2024-05-15"):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return extract(doc, Segment(start=0, end=len(text), text=text), language, context_date=context_date)


def _nums(text: str, language: str = "en") -> list[tuple[str, float, str | None]]:
    return [(n.text, n.value, n.unit) for n in _run(text, language).numbers]


def _dates(text: str, language: str = "en", context_date: str | None = "2024-05-15") -> list[tuple[str, str, str]]:
    return [(d.text, d.iso, d.precision) for d in _run(text, language, context_date).dates]
