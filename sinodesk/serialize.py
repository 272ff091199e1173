"""Stories to and from plain dicts: the export contract (keep it stable)."""

from __future__ import annotations

from dataclasses import asdict

from .records import Attribution, DateMention, Entity, NumberClaim, Story

CONTRACT_FIELDS = (
    "story_id", "doc_id", "source", "outlet", "url", "start", "end", "headline", "section", "text",
    "language", "published", "topics", "entities", "attributions", "numbers", "incidents", "event_id",
    "duplicate_of",
)
EXTRA_FIELDS = ("headline_generated", "source_line", "topic_scores", "dates", "published_source")
FLAT_FIELDS = (
    "story_id", "doc_id", "source", "outlet", "url", "start", "end", "headline", "section", "language",
    "published", "topics", "event_id", "duplicate_of", "text",
)


def story_to_dict(s: Story) -> dict:
    d = {
        "story_id": s.story_id,
        "doc_id": s.doc_id,
        "source": s.source,
        "outlet": s.outlet,
        "url": s.url,
        "start": s.start,
        "end": s.end,
        "headline": s.headline,
        "section": s.section,
        "text": s.text,
        "language": s.language,
        "published": s.published,
        "topics": list(s.topics),
        "entities": [{"text": e.text, "label": e.label, "canonical": e.canonical, "start": e.start, "end": e.end} for e in s.entities],
        "attributions": [
            {"source": a.source, "text": a.text, "start": a.start, "end": a.end, "cue": a.cue, "outlet_id": a.outlet_id} for a in s.attributions
        ],
        "numbers": [
            {"text": n.text, "value": n.value, "unit": n.unit, "start": n.start, "end": n.end, "subject": n.subject} for n in s.numbers
        ],
        "incidents": [dict(i) for i in s.incidents],
        "event_id": s.event_id,
        "duplicate_of": s.duplicate_of,
        "headline_generated": s.headline_generated,
        "source_line": s.source_line,
        "topic_scores": dict(s.topic_scores),
        "dates": [asdict(d) for d in s.dates],
        "published_source": s.published_source,
    }
    return d


def story_from_dict(d: dict) -> Story:
    return Story(
        story_id=d["story_id"],
        doc_id=d["doc_id"],
        source=d["source"],
        start=d["start"],
        end=d["end"],
        text=d["text"],
        headline=d.get("headline"),
        headline_generated=bool(d.get("headline_generated")),
        section=d.get("section"),
        language=d.get("language"),
        published=d.get("published"),
        published_source=d.get("published_source"),
        outlet=d.get("outlet"),
        url=d.get("url"),
        source_line=d.get("source_line"),
        topics=tuple(d.get("topics") or ()),
        topic_scores=dict(d.get("topic_scores") or {}),
        entities=tuple(Entity(**e) for e in d.get("entities") or ()),
        attributions=tuple(Attribution(**a) for a in d.get("attributions") or ()),
        numbers=tuple(NumberClaim(**n) for n in d.get("numbers") or ()),
        dates=tuple(DateMention(**x) for x in d.get("dates") or ()),
        incidents=tuple(d.get("incidents") or ()),
        event_id=d.get("event_id"),
        duplicate_of=d.get("duplicate_of"),
    )
