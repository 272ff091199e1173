"""The JSON API's shapes, for the OpenAPI document.  A story is the export contract
(:mod:`sinodesk.serialize`): ``tests/test_web_api.py`` checks that the Story schema has exactly the
contract's fields and that real responses validate against the document served."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class EntityOut(BaseModel):
    text: str
    label: str = Field(description="PERSON, ORG, GPE, LOC, PRODUCT, MALWARE, LAW ...")
    canonical: str = Field(description="canonical id, e.g. person:xi-jinping")
    start: int = Field(description="offset into the document text")
    end: int


class AttributionOut(BaseModel):
    source: str = Field(description="canonical name of who the information comes from")
    text: str
    start: int
    end: int
    cue: str
    outlet_id: str | None


class NumberOut(BaseModel):
    text: str
    value: float
    unit: str | None
    start: int
    end: int
    subject: str | None


class DateOut(BaseModel):
    text: str
    iso: str
    start: int
    end: int
    precision: str = Field("day", description="day, week, month, quarter, year or decade")
    guessed: bool = Field(False, description="a relative date ('Thursday') with no full date to read it against: the day is a guess")


class StoryOut(BaseModel):
    """One story in the export contract's fields (what 'sinodesk export --format jsonl' writes)."""

    story_id: str
    doc_id: str
    source: str = Field(description="the path or URL exactly as given to ingest")
    outlet: str | None
    url: str | None
    start: int = Field(description="offset of the story in its document's text")
    end: int
    headline: str | None
    section: str | None
    text: str
    language: str | None
    published: str | None = Field(description="ISO 8601 date")
    published_source: str | None = Field(description="where the date came from: container, source-line, dateline, document or ingested")
    topics: list[str]
    entities: list[EntityOut]
    attributions: list[AttributionOut]
    numbers: list[NumberOut]
    incidents: list[dict[str, Any]]
    event_id: str | None
    duplicate_of: str | None
    headline_generated: bool
    source_line: str | None
    topic_scores: dict[str, float]
    dates: list[DateOut]


class PageLinks(BaseModel):
    page: int
    per_page: int
    next: str | None = Field(description="URL of the next page, or null on the last")
    prev: str | None


class StoryPage(PageLinks):
    items: list[StoryOut]


class SearchHitOut(BaseModel):
    story: StoryOut
    score: float | None = Field(description="relevance (higher is better); null when listing without a query")
    snippet: str = Field(description="the matched words between [ and ]")


class FacetValue(BaseModel):
    value: str
    count: int
    name: str | None = None


class SearchPage(PageLinks):
    query: str
    items: list[SearchHitOut]
    total: int = Field(description="stories that match (near-duplicates counted apart; the hits fold them into the story they copy)")
    total_exact: bool = Field(description="false when a filtered search has more matches than were counted: total is then a lower bound")
    facets: dict[str, list[FacetValue]] = Field(description="topic, outlet, family, lang, entity: counts over the sampled matches")
    sampled: int = Field(description="matching stories the facet counts were taken over: all, or the most recently added")


class FamilyOut(BaseModel):
    family: str
    outlets: list[str]
    stories: list[dict[str, Any]]
    headlines: list[str]
    sources: list[dict[str, Any]]
    numbers: list[dict[str, Any]]
    distinctive_words: list[dict[str, Any]]
    omits_entities: list[dict[str, Any]]
    omits_quantities: list[dict[str, Any]]


class EventOut(BaseModel):
    """How each owner family framed one event ('sinodesk compare --json')."""

    event_id: str | None
    n_stories: int
    first: str | None
    last: str | None
    families: list[FamilyOut]
    number_conflicts: list[dict[str, Any]]


class ExplainOut(BaseModel):
    """Whether two stories are in one event and why ('sinodesk explain --json')."""

    same_event: bool
    via: str = Field(description="pair (the pair alone links), event (linked through the event's other stories), copy, apart, unlinked")
    summary: str
    a: dict[str, Any]
    b: dict[str, Any]
    signals: dict[str, Any] = Field(description="word similarity and shared words, entities, figures (with units), names, years, days apart")
    checks: list[dict[str, Any]] = Field(description="the rules that zero or cut a score, and whether each fired")
    pair: dict[str, Any] = Field(description="the decision rule for the pair: rule, value, threshold, passed")
    a_against_event_of_b: dict[str, Any] | None
    b_against_event_of_a: dict[str, Any] | None
    near_duplicate: bool


class EventRow(BaseModel):
    event_id: str
    size: int
    duplicates: int
    outlets: list[str]
    families: list[str]
    n_families: int
    first: str | None
    last: str | None
    headline: str | None


class EventPage(PageLinks):
    items: list[EventRow]


class OutletOut(BaseModel):
    id: str
    name: str
    aliases: list[str]
    domains: list[str]
    region: str
    owner: str
    family: str
    alignment: str
    sources: list[str]


class RejectOut(BaseModel):
    id: int
    at: str
    source: str
    item: str
    stage: str
    reason: str
    bytes: int
    raw_id: str | None


class RejectPage(PageLinks):
    items: list[RejectOut]


class EvidenceOut(BaseModel):
    """Where a value was read: ``text`` is ``document text[start:end]`` of the story's document."""

    story_id: str
    doc_id: str
    start: int
    end: int
    text: str


class IncidentField(BaseModel):
    """One value of an incident field (victim, attacker, technique ...) with the words it came from."""

    model_config = {"extra": "allow"}
    evidence: list[EvidenceOut]


class IncidentOut(BaseModel):
    """A cyber incident record ('sinodesk incident ID --json'): every field with its evidence."""

    model_config = {"extra": "allow"}
    incident_id: str
    title: str
    types: list[str]
    first_seen: str | None
    last_seen: str | None
    victims: list[IncidentField]
    attackers: list[IncidentField]
    attributions: list[dict[str, Any]] = Field(description="claims side by side: claimant, stance, actor, basis and evidence")
    techniques: list[IncidentField]
    malware: list[IncidentField]
    vulnerabilities: list[IncidentField]
    numbers: list[IncidentField]
    dates: list[IncidentField]
    evidence: list[EvidenceOut]
    sources: list[dict[str, Any]]
    event_ids: list[str]


class IncidentPage(PageLinks):
    items: list[IncidentOut]


class BriefingInfoOut(BaseModel):
    briefing_id: int
    name: str = Field(description="the section set")
    created: str
    since: str | None
    until: str | None


class CitationOut(BaseModel):
    model_config = {"extra": "allow"}
    story_id: str
    outlet: str | None
    family: str
    published: str | None
    url: str | None
    source: str


class SentenceOut(BaseModel):
    model_config = {"extra": "allow"}
    text: str = Field(description="exactly the cited story's text[start:end]")
    ref: int = Field(description="1-based index into the item's citations")
    story_id: str
    start: int
    end: int


class ItemOut(BaseModel):
    model_config = {"extra": "allow"}
    event_id: str
    headline: str
    sentences: list[SentenceOut]
    citations: list[CitationOut]
    story_ids: list[str]
    families: list[str]
    n_stories: int
    notes: list[dict[str, Any]]
    change: dict[str, Any] | None


class SectionOut(BaseModel):
    model_config = {"extra": "allow"}
    id: str
    title: str
    items: list[ItemOut]
    matched: int


class BriefingOut(BaseModel):
    """A briefing ('sinodesk brief --json'): sections of cited items."""

    model_config = {"extra": "allow"}
    briefing_id: int | None
    name: str
    title: str
    since: str | None
    until: str | None
    created: str
    sections: list[SectionOut]
    n_stories: int
    n_events: int
    previous_id: int | None


class SpikeOut(BaseModel):
    model_config = {"extra": "allow"}
    day: str
    count: int
    baseline: float
    z: float
    p_value: float
    events: list[dict[str, Any]]


class SeriesOut(BaseModel):
    """Stories per day of one series ('sinodesk trends --json')."""

    kind: str = Field(description="topic, entity or family")
    key: str
    label: str
    days: list[str]
    counts: list[int]
    spikes: list[SpikeOut]
    total: int


class LabelsIn(BaseModel):
    topics: list[str] = Field(description="the story's right topics (labels of the taxonomy)")


class LabelsOut(BaseModel):
    story_id: str
    topics: list[str]


class ErrorBody(BaseModel):
    status: int
    message: str = Field(description="what went wrong, with which item, and how to fix it")


class ErrorOut(BaseModel):
    error: ErrorBody
