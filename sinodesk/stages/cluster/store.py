"""Where the event linker keeps what it does not hold in memory: rows by kind and key.

An archive-backed linker (:meth:`~sinodesk.stages.cluster.online.EventLinker.open`) holds in memory
only the events the candidate index can still find (those active within ``max_age_days``), the
stories of the current batch and what re-clustering needs; everything else is a row in the
archive's ``linker_rows`` table, read when asked for, and each batch writes only the rows it
changed:

=============  ====================  =====================================================
kind           key                   value
=============  ====================  =====================================================
``core``       ``state``             document frequencies, outlet beats, re-clustering
                                     records, counters, the ids of the live events
                                     (:func:`.state.pack`, version 2)
``event``      event id              one event (:meth:`.event.Event.to_json`, zlib'd orjson)
``story``      story id              the event id the story joined (before merges)
``alias``      retired event id      the event it went into
``dup-url``    normalised URL        the first story seen with it
``dup-exact``  word-sequence digest  the first story with that text
``dup-sig``    row number            story id and its MinHash signature (for the LSH index)
=============  ====================  =====================================================

:class:`MemoryRows` is the same interface over dicts (tests; a linker without an archive).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from typing import Protocol

import orjson


class RowStore(Protocol):
    def get_rows(self, kind: str, keys: Iterable[str]) -> dict[str, bytes]: ...

    def scan_rows(self, kind: str) -> Iterator[tuple[str, bytes]]: ...

    def put_rows(self, kind: str, rows: dict[str, bytes]) -> None: ...

    def delete_rows(self, kind: str, keys: Iterable[str]) -> None: ...

    def get_state(self, key: str) -> bytes | None: ...

    def set_state(self, key: str, value: bytes | None) -> None: ...


class MemoryRows:
    """:class:`RowStore` over dicts."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, bytes]] = {}
        self.state: dict[str, bytes] = {}

    def get_rows(self, kind, keys):
        have = self.rows.get(kind, {})
        return {k: have[k] for k in keys if k in have}

    def scan_rows(self, kind):
        yield from sorted(self.rows.get(kind, {}).items())

    def put_rows(self, kind, rows):
        self.rows.setdefault(kind, {}).update(rows)

    def delete_rows(self, kind, keys):
        have = self.rows.get(kind, {})
        for k in keys:
            have.pop(k, None)

    def get_state(self, key):
        return self.state.get(key)

    def set_state(self, key, value):
        if value is None:
            self.state.pop(key, None)
        else:
            self.state[key] = value


def dump(obj) -> bytes:
    return zlib.compress(orjson.dumps(obj), 1)


def load(b: bytes):
    return orjson.loads(zlib.decompress(b))


class SpillMap:
    """A str -> str mapping of which only the entries added since the last :meth:`flush` are held in
    memory; the others are rows of ``kind`` in ``store`` (read on demand, never cached).  Keys that
    :meth:`prefetch` found missing from the store answer without asking it again until the flush."""

    __slots__ = ("kind", "store", "new", "absent")

    def __init__(self, kind: str, store: RowStore, new: dict[str, str] | None = None):
        self.kind = kind
        self.store = store
        self.new: dict[str, str] = dict(new or {})
        self.absent: set[str] = set()

    def prefetch(self, keys: Iterable[str]) -> None:
        """Ask the store once about many keys (a batch's, before it is linked): a new story's id,
        address and text digest are looked up a few times each, and are almost never there."""
        keys = [k for k in keys if k not in self.new and k not in self.absent]
        if keys:
            found = self.store.get_rows(self.kind, keys)
            self.absent.update(k for k in keys if k not in found)

    def get(self, key: str, default=None):
        if key in self.new:
            return self.new[key]
        if key in self.absent:
            return default
        row = self.store.get_rows(self.kind, (key,)).get(key)
        return default if row is None else row.decode("utf-8")

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: str) -> None:
        self.new[key] = value
        self.absent.discard(key)

    def setdefault(self, key: str, value: str) -> str:
        have = self.get(key)
        if have is None:
            self.new[key] = have = value
            self.absent.discard(key)
        return have

    def flush(self) -> None:
        """Write the new entries and forget them (and what :meth:`prefetch` learnt)."""
        if self.new:
            self.store.put_rows(self.kind, {k: v.encode("utf-8") for k, v in self.new.items()})
            self.new.clear()
        self.absent.clear()
