"""Frozen records passed between pipeline stages.

Data flows one way::

    RawItem --read--> Document --clean--> Cleaned --segment--> Segment
        --extract/classify--> Story --link--> Story(event_id, duplicate_of)

Every offset (``start``/``end``) anywhere in these records is a character offset into
``Document.text`` -- the text of the whole document -- so any fact can be checked with
``doc.text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def pickled_by_fields(cls):
    """Pickle a frozen, slotted dataclass as the tuple of its fields' values.  What ``dataclass``
    itself installs for such a class works out its fields again for every object pickled and for
    every one loaded; the records workers send the writing process (a story with its entities,
    numbers, dates, ...) are thousands per batch, and this makes their round trip about a third
    cheaper.  Apply it on top of ``@dataclass(frozen=True, slots=True)``."""
    import operator
    from dataclasses import fields

    names = tuple(f.name for f in fields(cls))
    get = operator.attrgetter(*names) if len(names) > 1 else (lambda obj, one=operator.attrgetter(names[0]): (one(obj),))
    put = object.__setattr__

    def __getstate__(self):
        return get(self)

    def __setstate__(self, state):
        for name, value in zip(names, state):
            put(self, name, value)

    cls.__getstate__, cls.__setstate__ = __getstate__, __setstate__
    return cls


@dataclass(frozen=True, slots=True)
class RawItem:
    """Bytes exactly as received, before any decoding.  Stored first, never modified."""

    source: str  # path or URL exactly as given to ingest (joined for files inside a dir)
    data: bytes
    kind: str  # "text" | "html" | "feed" | "opml" | "jsonl" | "urls" | "warc"
    url: str | None = None
    content_type: str | None = None
    outlet: str | None = None  # the outlet named with 'ingest --outlet', for every document read from it
    digest: str = field(default="", repr=False, compare=False)  # sha256 of ``data``, computed once on first use

    @property
    def sha256(self) -> str:
        """Hex sha256 of the bytes: hashed once per item, however often it is asked for."""
        if not self.digest:
            import hashlib

            object.__setattr__(self, "digest", hashlib.sha256(self.data).hexdigest())
        return self.digest


@dataclass(frozen=True, slots=True)
class Document:
    """One decoded document.  ``text`` is what every offset points into."""

    doc_id: str
    raw_id: str  # sha256 of the RawItem the document came from
    source: str
    kind: str  # "text" | "html" | "feed-entry" | "jsonl" | "headline" (a JSONL item with a title and no text) | "warc-record"
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date (YYYY-MM-DD) or None
    author: str | None = None
    encoding: str | None = None
    html: str | None = None  # decoded HTML for HTML pages (for DOM-aware segmentation)
    item_key: str = ""  # position of the document inside its raw item ("" for whole-file)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of ``Document.text`` as the clean stage judged it."""

    start: int
    end: int  # end of the line's content, excluding the line break
    text: str
    kind: str  # "text" | "blank" | "boilerplate"
    reason: str = ""  # for boilerplate: which rule matched


@dataclass(frozen=True, slots=True)
class Cleaned:
    doc: Document
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    """One story found in a document (before extraction)."""

    start: int
    end: int
    text: str  # the story's cleaned text (boilerplate lines removed)
    headline: str | None = None
    headline_generated: bool = False
    section: str | None = None
    source_line: str | None = None  # e.g. "Source: HKET, March 23, 2022"
    url: str | None = None  # URL closing the story, if any
    headline_span: tuple[int, int] | None = None  # offsets of the headline in doc text


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str  # PERSON ORG GPE LOC PRODUCT MALWARE LAW ...
    canonical: str  # canonical id, e.g. "person:xi-jinping"
    start: int
    end: int


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Attribution:
    source: str  # canonical name of who the information comes from
    text: str  # surface text of the source mention
    start: int
    end: int
    cue: str = ""  # "according to", "said", "Source:", "据...报道" ...
    outlet_id: str | None = None  # id in the outlet registry when it is an outlet


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class NumberClaim:
    text: str
    value: float
    unit: str | None
    start: int
    end: int
    subject: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    iso: str  # ISO 8601 at the precision written: YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY, or an interval "1990/1999"
    start: int
    end: int
    precision: str = "day"  # day / week / month / quarter / year / decade
    # a relative date ("Thursday", "last month") read against the day the story was ingested, because
    # neither the story, its text nor its source gives a date: the day is a guess, and said so
    guessed: bool = False


@dataclass(frozen=True, slots=True)
class Extraction:
    entities: tuple[Entity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    numbers: tuple[NumberClaim, ...] = ()
    dates: tuple[DateMention, ...] = ()
    published: str | None = None  # story publication date found in the story
    outlet_id: str | None = None  # the outlet the story comes from, if known
    published_from: str | None = None  # where `published` was found: "source-line" or "dateline"


@dataclass(frozen=True, slots=True)
class TopicResult:
    labels: tuple[str, ...] = ()
    scores: dict[str, float] = field(default_factory=dict)
    model_version: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Story:
    """A single story with everything the stages found.  Mirrors the export contract."""

    story_id: str
    doc_id: str
    source: str
    start: int
    end: int
    text: str
    headline: str | None = None
    headline_generated: bool = False
    section: str | None = None
    language: str | None = None
    published: str | None = None
    published_source: str | None = None  # where `published` came from: container / source-line / dateline / document / ingested
    outlet: str | None = None
    url: str | None = None
    source_line: str | None = None
    publisher: str | None = None  # the outlet of the feed/page/line the story came in (its credits aside); linking only, not stored
    topics: tuple[str, ...] = ()
    topic_scores: dict[str, float] = field(default_factory=dict)
    entities: tuple[Entity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    numbers: tuple[NumberClaim, ...] = ()
    dates: tuple[DateMention, ...] = ()
    incidents: tuple[dict[str, Any], ...] = ()
    event_id: str | None = None
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An item that could not be taken in: where it came from, at which stage, and why."""

    source: str
    stage: str  # "read" | "fetch" | "decode" | "parse" | "process" ...
    reason: str  # names the item, the problem and the fix
    data: bytes = b""
    item: str = ""  # position inside the source, e.g. "line 3" or an entry link
    raw_id: str | None = None
