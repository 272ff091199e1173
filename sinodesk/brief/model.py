"""The briefing as data: frozen records, JSON-ready both ways (stored in the archive, served as ``--json``).

::

    Briefing
     ├── sections: SectionResult (id, title)
     │    └── items: Item (one event)
     │         ├── sentences: Sentence   text taken verbatim from story ``ref`` (1-based into citations)
     │         ├── notes: Note           where outlet families disagree (numbers, framing), with refs
     │         ├── citations: Citation   outlet, date, URL, story id
     │         └── change: Change        new / grew / ongoing since the previous briefing, numbers that changed
     └── previous: the briefing this one was compared with
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields


@dataclass(frozen=True, slots=True)
class Citation:
    story_id: str
    outlet: str | None
    family: str
    published: str | None
    url: str | None
    source: str  # the file or URL the story was ingested from
    headline: str | None = None
    language: str | None = None
    dated_by_ingest: bool = False  # the story gave no date: `published` is the day it was ingested

    @property
    def who(self) -> str:
        """The outlet, else the name of the file or page the story came from."""
        return self.outlet or self.source.rstrip("/").rsplit("/", 1)[-1]

    def label(self) -> str:
        """'Caixin, 2025-03-04' -- who and when ('undated, ingested 2026-12-06' when only the ingest day is known)."""
        if self.dated_by_ingest or not self.published:
            return f"{self.who}, undated" + (f", ingested {self.published}" if self.published else "")
        return f"{self.who}, {self.published}"


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str  # exactly story.text[start:end]
    ref: int  # 1-based index into Item.citations
    story_id: str
    start: int  # offsets into the cited story's text
    end: int
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Note:
    kind: str  # "numbers" | "framing"
    text: str
    refs: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with a unit reported in the event (what 'numbers that changed' compares)."""

    key: str  # unit + the words it is about
    value: float
    text: str
    story_id: str
    published: str | None = None


@dataclass(frozen=True, slots=True)
class NumberChange:
    key: str
    before: str
    now: str
    ref: int  # citation of the story giving the new figure


@dataclass(frozen=True, slots=True)
class Change:
    status: str  # "new" | "grew" | "ongoing"
    added: int = 0  # stories not in the previous briefing's item
    before: int = 0  # stories the previous briefing's item had
    numbers: tuple[NumberChange, ...] = ()


@dataclass(frozen=True, slots=True)
class Item:
    event_id: str
    headline: str
    headline_story: str
    sentences: tuple[Sentence, ...]
    citations: tuple[Citation, ...]
    story_ids: tuple[str, ...]
    families: tuple[str, ...]
    languages: tuple[str, ...]
    first: str | None
    last: str | None
    score: float
    cohesion: float
    notes: tuple[Note, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    change: Change | None = None
    loose: tuple[str, ...] = ()  # stories linked to the event that do not cohere with it (not summarised)

    @property
    def n_stories(self) -> int:
        return len(self.story_ids)


@dataclass(frozen=True, slots=True)
class SectionResult:
    id: str
    title: str
    items: tuple[Item, ...]
    matched: int  # events that matched the section's rules (items shows the best of them)
    languages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Briefing:
    name: str  # the section set; briefings of one name are compared with each other
    title: str
    since: str | None
    until: str | None
    created: str
    sections: tuple[SectionResult, ...]
    n_stories: int
    n_events: int
    previous_id: int | None = None
    previous_created: str | None = None
    dropped: tuple[str, ...] = ()  # headlines of the previous briefing's items with no story here
    briefing_id: int | None = None
    undated: int = 0  # stories with no date, placed by their ingest day
    extra: dict = field(default_factory=dict)

    def items(self) -> list[Item]:
        return [it for sec in self.sections for it in sec.items]

    def to_dict(self) -> dict:
        d = asdict(self)
        for sec, sd in zip(self.sections, d["sections"]):
            for it, idict in zip(sec.items, sd["items"]):
                idict["n_stories"] = it.n_stories
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Briefing:
        def build(klass, data):
            kw = {f.name: data[f.name] for f in fields(klass) if f.name in data}
            return klass(**kw)

        sections = []
        for sd in d["sections"]:
            items = []
            for idict in sd["items"]:
                change = idict.get("change")
                if change is not None:
                    change = build(Change, {**change, "numbers": tuple(build(NumberChange, n) for n in change.get("numbers", ()))})
                items.append(build(Item, {
                    **idict,
                    "sentences": tuple(build(Sentence, s) for s in idict["sentences"]),
                    "citations": tuple(build(Citation, c) for c in idict["citations"]),
                    "notes": tuple(build(Note, {**n, "refs": tuple(n.get("refs", ()))}) for n in idict.get("notes", ())),
                    "quantities": tuple(build(Quantity, q) for q in idict.get("quantities", ())),
                    "story_ids": tuple(idict["story_ids"]),
                    "loose": tuple(idict.get("loose", ())),
                    "families": tuple(idict["families"]),
                    "languages": tuple(idict["languages"]),
                    "change": change,
                }))
            sections.append(build(SectionResult, {**sd, "items": tuple(items), "languages": tuple(sd.get("languages", ()))}))
        return build(cls, {**d, "sections": tuple(sections), "dropped": tuple(d.get("dropped", ()))})
