"""The Archive interface shared by every storage backend."""

from __future__ import annotations

import abc
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass

from ..records import Document, RawItem, Rejection, Story


@dataclass(frozen=True, slots=True)
class StoryFilter:
    since: str | None = None  # ISO date: published on/after
    until: str | None = None  # ISO date: published on/before
    outlet: str | None = None  # one outlet name as stored (case-insensitive)
    outlets: tuple[str, ...] | None = None  # any of these outlet names as stored; () matches nothing
    topic: str | None = None
    language: str | None = None
    event_id: str | None = None
    doc_id: str | None = None
    limit: int | None = None  # None: no limit; 0: nothing
    newest_first: bool = False  # by date, newest first (the same date: latest stored first), undated last (default: the order of ingest)
    collapse_copies: bool = False  # leave out a near-duplicate when the story it copies is listed too
    dated_by_ingest: bool = False  # since/until: a story with no published date counts as of its ingest day
    entity: str | None = None  # stories naming this canonical entity (e.g. org:huawei)


@dataclass(frozen=True, slots=True)
class FacetCounts:
    """How many matching stories have each outlet, language, topic and canonical entity."""

    total: int  # stories that match (at least this many when ``exact`` is False)
    sampled: int  # stories the counts are taken over: all that match, or the most recently added
    outlets: dict[str, int]
    languages: dict[str, int]
    topics: dict[str, int]
    entities: dict[str, int]  # the most frequent only
    exact: bool = True


@dataclass(frozen=True, slots=True)
class SearchHit:
    story: Story
    score: float
    snippet: str
    copies: tuple[str, ...] = ()  # ids of the near-duplicates folded into this hit


@dataclass(frozen=True, slots=True)
class BriefingInfo:
    briefing_id: int
    name: str
    created: str  # ISO 8601 UTC timestamp
    since: str | None
    until: str | None


class Archive(abc.ABC):
    """Everything the runner, CLI and web layer need from storage."""

    location: str

    # transactions -----------------------------------------------------------------------
    @abc.abstractmethod
    def batch(self, args: list[str]) -> AbstractContextManager[int]:
        """One transaction for a whole ingest batch; yields the batch id."""

    @abc.abstractmethod
    def finish_batch(self, batch_id: int, *, documents: int, stories: int, rejected: int) -> None: ...

    @abc.abstractmethod
    def checkpoint(self) -> None:
        """Inside :meth:`batch`: commit what is written so far and go on in a new transaction."""

    # raw inputs -------------------------------------------------------------------------
    @abc.abstractmethod
    def has_raw(self, raw_id: str) -> bool: ...

    @abc.abstractmethod
    def raw_state(self, raw_id: str) -> str | None:
        """None if the raw item is not stored; "pending" while a run that stored it has not yet
        taken in all its documents (it was interrupted); "done" once it has."""

    @abc.abstractmethod
    def put_raw(self, raw: RawItem, batch_id: int) -> bool:
        """Store raw bytes unchanged, pending until :meth:`raw_done`; False if they were already there."""

    @abc.abstractmethod
    def raw_done(self, raw_id: str) -> None:
        """Every document of the raw item has been stored (or rejected)."""

    @abc.abstractmethod
    def raw_ids(self) -> list[str]:
        """Ids of every raw item, in the order received."""

    def iter_raw(self) -> Iterator[RawItem]:
        """Every raw item in the order it was received (one in memory at a time)."""
        for raw_id in self.raw_ids():
            yield self.get_raw(raw_id)

    @abc.abstractmethod
    def get_raw(self, raw_id: str) -> RawItem:
        """One raw item by its id (the sha256 of its bytes); raises NotFound."""

    # documents and stories --------------------------------------------------------------
    @abc.abstractmethod
    def has_document(self, doc_id: str) -> bool: ...

    @abc.abstractmethod
    def was_rejected(self, raw_id: str) -> bool:
        """Whether the stored raw item ``raw_id`` gave no document and was rejected."""

    @abc.abstractmethod
    def put_document(self, doc: Document, batch_id: int, *, item: bytes = b"", at: int = -1) -> None:
        """Store a document; ``item`` is its own bytes in the raw input, starting at byte ``at``
        (a JSONL line), which a backend may keep in place of a copy of the text."""

    @abc.abstractmethod
    def get_document(self, doc_id: str) -> Document: ...

    @abc.abstractmethod
    def put_stories(self, stories: list[Story], doc: Document | None = None, packed=None) -> None:
        """Insert or replace stories (``doc``: their document, when the caller has it at hand;
        ``packed``: per story, its :class:`~sinodesk.archive.rows.PackedStory` or None, when an
        ingest worker has already packed it)."""

    @abc.abstractmethod
    def update_links(self, links: dict[str, tuple[str | None, str | None]]) -> None:
        """Set (event_id, duplicate_of) for the given story ids."""

    @abc.abstractmethod
    def merge_events(self, mapping: dict[str, str]) -> None:
        """Give every story of event ``old`` the event id ``mapping[old]``."""

    @abc.abstractmethod
    def move_stories(self, mapping: dict[str, str]) -> None:
        """Give story ``sid`` the event id ``mapping[sid]`` (stories moved by local re-clustering)."""

    @abc.abstractmethod
    def get_story(self, story_id: str) -> Story: ...

    @abc.abstractmethod
    def iter_stories(self, flt: StoryFilter = StoryFilter()) -> Iterator[Story]: ...

    @abc.abstractmethod
    def count(self) -> dict[str, int]: ...

    @abc.abstractmethod
    def outlet_counts(self) -> dict[str, int]:
        """Every outlet name stored on a story, with its number of stories."""

    @abc.abstractmethod
    def copies_of(self, story_id: str) -> list[Story]:
        """The near-duplicates of a story (copies of its copies too), in the order they came."""

    @abc.abstractmethod
    def copy_counts(self, story_ids: list[str]) -> dict[str, int]:
        """How many near-duplicates copy each of ``story_ids`` directly (ids without copies left out)."""

    @abc.abstractmethod
    def facet_counts(self, query: str = "", flt: StoryFilter = StoryFilter(), *, sample: int = 1000,
                     entities: int = 30) -> FacetCounts:
        """Counts of the stories matching ``query`` (all stories when empty) and ``flt``: over all of
        them when at most ``sample`` match, else over the ``sample`` most recently added; the total is
        a lower bound (``exact`` False) when a filtered query has more matches than that."""

    @abc.abstractmethod
    def search(self, query: str, *, limit: int = 20, flt: StoryFilter = StoryFilter()) -> list[SearchHit]:
        """Best hits first; ``flt`` narrows them, near-duplicates fold into the story they copy."""

    @abc.abstractmethod
    def clear_derived(self) -> None:
        """Drop documents, stories and non-fetch rejects (reprocess rebuilds them from raw)."""

    # cyber incidents (merged across stories by the runner; see sinodesk.tracker) ----------
    @abc.abstractmethod
    def put_incidents(self, incidents: list[dict]) -> None:
        """Insert or replace incident records (plain dicts keyed by ``incident_id``)."""

    @abc.abstractmethod
    def set_incident_ids(self, ids: dict[str, list[str | None]]) -> None:
        """Give mention ``n`` of story ``sid`` the incident id ``ids[sid][n]`` (the record it merged into)."""

    @abc.abstractmethod
    def iter_incidents(self, since: str | None = None) -> Iterator[dict]:
        """Incident records last seen on/after ``since`` (ISO date), oldest first."""

    @abc.abstractmethod
    def incidents_of(self, story_id: str) -> list[dict]:
        """The incident records that cite the story ``story_id`` among their sources."""

    @abc.abstractmethod
    def get_incident(self, incident_id: str) -> dict:
        """One incident by id (or a unique prefix of 4+ characters); NotFound otherwise."""

    # rejects ----------------------------------------------------------------------------
    @abc.abstractmethod
    def add_reject(self, rej: Rejection, batch_id: int) -> None:
        """Record a rejection; the same item rejected again replaces its earlier record."""

    @abc.abstractmethod
    def iter_rejects(self) -> Iterator[tuple[int, Rejection, str]]: ...

    # labels, models, state --------------------------------------------------------------
    @abc.abstractmethod
    def add_label(self, story_id: str, labels: tuple[str, ...], kind: str = "topics") -> None: ...

    @abc.abstractmethod
    def labels(self, kind: str = "topics") -> dict[str, tuple[str, ...]]: ...

    @abc.abstractmethod
    def save_model(self, kind: str, version: str, blob: bytes, meta: dict) -> None: ...

    @abc.abstractmethod
    def load_model(self, kind: str) -> tuple[str, bytes, dict] | None: ...

    @abc.abstractmethod
    def drop_active_model(self, kind: str) -> tuple[str | None, str | None]:
        """Delete the active model of ``kind`` and make the one saved before it active.
        Returns (dropped version or None when there was none, now-active version or None)."""

    @abc.abstractmethod
    def get_state(self, key: str) -> bytes | None: ...

    @abc.abstractmethod
    def set_state(self, key: str, value: bytes | None) -> None: ...

    # the event linker's state, row by row (see sinodesk/stages/cluster/store.py) -----------
    @abc.abstractmethod
    def get_rows(self, kind: str, keys) -> dict[str, bytes]:
        """The stored rows of ``kind`` among ``keys`` (absent keys are left out)."""

    @abc.abstractmethod
    def scan_rows(self, kind: str) -> Iterator[tuple[str, bytes]]:
        """Every row of ``kind``, by key."""

    @abc.abstractmethod
    def put_rows(self, kind: str, rows: dict[str, bytes]) -> None: ...

    @abc.abstractmethod
    def delete_rows(self, kind: str, keys) -> None: ...

    # briefings ---------------------------------------------------------------------------
    @abc.abstractmethod
    def save_briefing(self, name: str, since: str | None, until: str | None, data: dict) -> int:
        """Store one briefing (JSON-ready ``data``) under ``name`` (its section set); returns its id."""

    @abc.abstractmethod
    def get_briefing(self, briefing_id: int) -> dict:
        """The stored briefing ``briefing_id`` (raises NotFound)."""

    @abc.abstractmethod
    def list_briefings(self, name: str | None = None) -> list[BriefingInfo]:
        """Stored briefings (of section set ``name``, or all), oldest first."""

    @abc.abstractmethod
    def close(self) -> None: ...
