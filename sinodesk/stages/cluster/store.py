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
``keys-K``     sequence number       hashes of the keys of kind K (``story``, ``alias``,
                                     ``dup-url``, ``dup-exact``) a save wrote: what
                                     :class:`KeyFilter` is rebuilt from
=============  ====================  =====================================================

:class:`MemoryRows` is the same interface over dicts (tests; a linker without an archive).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from hashlib import blake2b
from typing import Protocol

import numpy as np
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


def key_hash(key: str) -> int:
    """A key's 64-bit hash, the same in every process and run (``hash()`` of a str is not)."""
    return int.from_bytes(blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def key_hashes(keys: Iterable[str]) -> np.ndarray:
    return np.fromiter((key_hash(k) for k in keys), dtype=np.uint64)


_LOW = 0xFFFFFFFF


class KeyFilter:
    """Which keys a kind of rows *may* hold (a Bloom filter over :func:`key_hash`, 10 bits and 7
    probes a key: about 1% of absent keys answer "maybe"): "no" is certain, so a lookup of a key the
    store has never held costs no read.  At a million stories the store's pages are mostly not in
    memory, and the lookups of new stories' ids, addresses and digests -- almost never there -- were
    a quarter of the writing process's time, in page reads (py-spy, 2 workers, 350,000 stories)."""

    __slots__ = ("capacity", "count", "m", "bits")
    PROBES = 7
    BITS_PER_KEY = 10

    def __init__(self, hashes: np.ndarray, capacity: int = 0):
        n = len(hashes)
        self.capacity = max(capacity, 2 * n, 1 << 14)
        self.count = n
        self.m = self.capacity * self.BITS_PER_KEY
        flags = np.zeros(self.m, dtype=bool)
        for pos in self._positions(hashes):
            flags[pos] = True
        self.bits = bytearray(np.packbits(flags, bitorder="little").tobytes())

    def _positions(self, hashes: np.ndarray):
        low = hashes & np.uint64(_LOW)
        step = (hashes >> np.uint64(32)) | np.uint64(1)
        m = np.uint64(self.m)
        for i in range(self.PROBES):
            yield ((low + np.uint64(i) * step) % m).astype(np.int64)

    def add(self, hashes: np.ndarray) -> None:
        bits = np.frombuffer(self.bits, dtype=np.uint8)  # a view: writes go to self.bits
        for pos in self._positions(hashes):
            np.bitwise_or.at(bits, pos >> 3, np.left_shift(1, pos & 7).astype(np.uint8))
        self.count += len(hashes)

    def may_hold(self, h: int) -> bool:
        low, step, m, bits = h & _LOW, (h >> 32) | 1, self.m, self.bits
        for i in range(self.PROBES):
            p = (low + i * step) % m
            if not bits[p >> 3] >> (p & 7) & 1:
                return False
        return True

    def may_hold_many(self, hashes: np.ndarray) -> np.ndarray:
        bits = np.frombuffer(self.bits, dtype=np.uint8)
        out = np.ones(len(hashes), dtype=bool)
        for pos in self._positions(hashes):
            out &= (bits[pos >> 3] >> (pos & 7).astype(np.uint8)) & 1 == 1
        return out

    @property
    def full(self) -> bool:
        return self.count > self.capacity


# the key-hash rows of a kind: one per save that wrote keys; past this many they are merged into one
_KEY_ROWS = 64


def _hashes_in(rows: list[tuple[str, bytes]]) -> np.ndarray:
    """The key hashes of ``keys-<kind>`` rows, all together."""
    return np.concatenate([np.frombuffer(v, dtype=np.uint64) for _, v in rows]) if rows else np.zeros(0, np.uint64)


class SpillMap:
    """A str -> str mapping of which only the entries added since the last :meth:`flush` are held in
    memory; the others are rows of ``kind`` in ``store`` (read on demand; what :meth:`prefetch`
    found is kept until the flush).  Keys that :meth:`prefetch` found missing from the store answer
    without asking it again until the flush.  With ``keyed`` the map keeps a :class:`KeyFilter` of
    every key it has written (rows of kind ``keys-<kind>``), and asks the store only about keys the
    filter may hold."""

    __slots__ = ("kind", "store", "new", "absent", "found", "filter", "key_rows")

    def __init__(self, kind: str, store: RowStore, new: dict[str, str] | None = None, *, keyed: bool = False):
        self.kind = kind
        self.store = store
        self.new: dict[str, str] = dict(new or {})
        self.absent: set[str] = set()
        self.found: dict[str, str] = {}
        self.filter: KeyFilter | None = None
        self.key_rows: list[str] = []
        if keyed:
            self._load_filter()

    def _load_filter(self, capacity: int = 0) -> None:
        rows = list(self.store.scan_rows(f"keys-{self.kind}"))
        self.key_rows = [k for k, _ in rows]
        self.filter = KeyFilter(_hashes_in(rows), capacity)

    def index_keys(self) -> None:
        """Write the hashes of every key of this kind the store holds (an archive from before the
        filters were kept, once), and keep the filter from now on."""
        keys = [k for k, _ in self.store.scan_rows(self.kind)]
        self.store.delete_rows(f"keys-{self.kind}", [k for k, _ in self.store.scan_rows(f"keys-{self.kind}")])
        self.store.put_rows(f"keys-{self.kind}", {f"{0:06d}": key_hashes(keys).tobytes()})
        self._load_filter()

    def prefetch(self, keys: Iterable[str]) -> None:
        """Ask the store once about many keys (a batch's, before it is linked): a new story's id,
        address and text digest are looked up a few times each, and are almost never there."""
        keys = [k for k in dict.fromkeys(keys) if k not in self.new and k not in self.absent and k not in self.found]
        if keys and self.filter is not None:
            maybe = self.filter.may_hold_many(key_hashes(keys))
            self.absent.update(k for k, m in zip(keys, maybe) if not m)
            keys = [k for k, m in zip(keys, maybe) if m]
        if keys:
            found = self.store.get_rows(self.kind, keys)
            self.absent.update(k for k in keys if k not in found)
            self.found.update((k, v.decode("utf-8")) for k, v in found.items())

    def get(self, key: str, default=None):
        if key in self.new:
            return self.new[key]
        if key in self.found:
            return self.found[key]
        if key in self.absent or (self.filter is not None and not self.filter.may_hold(key_hash(key))):
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
        self.found.pop(key, None)

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
            if self.filter is not None:
                self._write_hashes(key_hashes(self.new))
            self.new.clear()
        self.absent.clear()
        self.found.clear()

    def _write_hashes(self, hashes: np.ndarray) -> None:
        kind = f"keys-{self.kind}"
        seq = int(self.key_rows[-1]) + 1 if self.key_rows else 0
        self.store.put_rows(kind, {f"{seq:06d}": hashes.tobytes()})
        self.key_rows.append(f"{seq:06d}")
        self.filter.add(hashes)
        if len(self.key_rows) > _KEY_ROWS or self.filter.full:
            rows = list(self.store.scan_rows(kind))
            merged = np.unique(_hashes_in(rows))
            self.store.delete_rows(kind, [k for k, _ in rows])
            self.store.put_rows(kind, {f"{0:06d}": merged.tobytes()})
            self.key_rows = [f"{0:06d}"]
            if self.filter.full:
                self.filter = KeyFilter(merged, 2 * len(merged))
