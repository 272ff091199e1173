"""How the event linker is kept: whole, as bytes (a linker in memory), or row by row in an
archive (:mod:`.store`): the persistence half of :class:`~sinodesk.stages.cluster.online.EventLinker`."""

from __future__ import annotations

from sys import intern
from typing import TYPE_CHECKING

import numpy as np

from . import state
from .beat import OutletBeat
from .dedup import DuplicateIndex
from .event import Event
from .options import EventOptions
from .store import RowStore, SpillMap, dump, load

if TYPE_CHECKING:
    from .online import EventLinker


class LinkerPersistence:
    """Mixed into :class:`~sinodesk.stages.cluster.online.EventLinker`."""

    # -- whole, as bytes --------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """The whole state as bytes (:mod:`.state`), for a linker kept in memory (one kept in an
        archive writes its rows with :meth:`save`)."""
        if self.store is not None:
            raise ValueError("to_bytes() is for a linker kept in memory; this one is kept in a store: save() it")
        dup_state, sigs = self.dups.state()
        return state.pack({
            "n_docs": self.df.n_docs,
            "df": self.df.df,
            "df_languages": self.df.by_language,
            "events": [ev.to_json() for ev in self.events.values()],
            "story_event": self.story_event,
            "aliases": self.aliases,
            "opened": self._opened,
            "latest_day": self.latest_day,
            "dups": dup_state,
            "records": {sid: state.record_json(f) for sid, f in self.records.items()},
            "beat": self.beat.to_json(),
        }, sigs)

    @classmethod
    def from_bytes(cls, b: bytes, opts: EventOptions | None = None) -> "EventLinker":
        """Rebuild a linker saved by :meth:`to_bytes` (the options may differ from the saved run)."""
        saved, sigs = state.unpack(b)
        lk = cls(opts)
        lk.df = lk._docfreq(saved["n_docs"], _interned(saved["df"]), saved.get("df_languages"))
        for d in saved["events"]:
            ev = Event.from_json(d)
            lk.events[ev.eid] = ev
        lk.story_event = saved["story_event"]
        lk.aliases = saved["aliases"]
        lk._opened = saved["opened"]
        lk.latest_day = saved["latest_day"]
        lk.records = {sid: state.record_from_json(r) for sid, r in saved.get("records", {}).items()}
        o = lk.opts
        lk.beat = OutletBeat.from_json(saved.get("beat"), o.beat_share, o.beat_min_stories, o.rubric_share)
        lk.dups = DuplicateIndex.from_state(saved["dups"], sigs, threshold=o.dup_threshold, num_perm=o.dup_num_perm,
                                            shingle_words=o.dup_shingle_words, min_words=o.dup_min_words)
        for ev in lk.events.values():  # the sweep counts adds within one run; batches are often smaller
            if not lk._settle(ev):
                lk.index.index(ev, o.index_terms)
        return lk


    # -- kept in an archive, row by row (see .store) ---------------------------------------
    @classmethod
    def open(cls, store: RowStore, opts: EventOptions | None = None) -> "EventLinker":
        """The linker kept in ``store`` (an archive): its live events, document frequencies and
        re-clustering records; the rest is read when needed.  A state saved whole by an earlier
        sinodesk (one ``linker`` blob) is taken over, and written as rows by the next :meth:`save`."""
        core = store.get_rows("core", ("state",)).get("state")
        if core is None:
            legacy = store.get_state("linker")
            lk = cls.from_bytes(legacy, opts) if legacy else cls(opts)
            lk._attach(store, migrate=legacy is not None)
            return lk
        saved, _ = state.unpack(core)
        lk = cls(opts)
        lk.df = lk._docfreq(saved["n_docs"], _load_df(store, saved), saved.get("df_languages"))
        lk._df_deltas = saved.get("df_deltas", -1)
        lk._opened = saved["opened"]
        lk.latest_day = saved["latest_day"]
        o = lk.opts
        lk.beat = OutletBeat.from_json(saved.get("beat"), o.beat_share, o.beat_min_stories, o.rubric_share)
        for eid, row in store.get_rows("event", saved["live"]).items():
            lk.events[eid] = Event.from_json(load(row))
        lk.events = {eid: lk.events[eid] for eid in saved["live"] if eid in lk.events}  # their saved order
        members = [sid for ev in lk.events.values() if ev.members for sid in ev.members]
        lk.records = {sid: state.record_from_json(load(r)) for sid, r in store.get_rows("record", members).items()}
        if "dup_rows" in saved:
            lk._bands_saved = _load_bands(lk.dups, store, saved["dup_rows"])
        else:  # written before the band index was kept (sinodesk before 2026-12-06): build it once
            for _, row in store.scan_rows("dup-sig"):
                sid, sig = _sig_row(row)
                lk.dups._insert(sid, sig)
            lk.dups.written()
        lk._attach(store)
        if not saved.get("keyed"):  # kept by a sinodesk before the key filters (2026-12-07): hash its keys once
            for m in (lk.story_event, lk.aliases, lk.dups.urls, lk.dups.exact):
                m.index_keys()
        for ev in list(lk.events.values()):
            if lk._settle(ev):
                lk._evict(ev)
            else:
                lk.index.index(ev, o.index_terms)
        lk._bound_live()
        return lk

    def _attach(self, store: RowStore, migrate: bool = False) -> None:
        """Keep this linker in ``store`` from now on; ``migrate``: everything it holds is new there."""
        self.store = store
        self.df.touched = set()  # a save writes only the counts that changed (see _save_df)
        self.story_event = SpillMap("story", store, self.story_event if migrate else None, keyed=True)
        self.aliases = SpillMap("alias", store, self.aliases if migrate else None, keyed=True)
        self.dups.urls = SpillMap("dup-url", store, self.dups.urls if migrate else None, keyed=True)
        self.dups.exact = SpillMap("dup-exact", store, self.dups.exact if migrate else None, keyed=True)
        self.dups.fetch = lambda rows: {int(k): _sig_row(v) for k, v in
                                        store.get_rows("dup-sig", [f"{r:012d}" for r in rows]).items()}
        if migrate:
            self._dirty = set(self.events)
            self._records_new = set(self.records)
            self._migrated = True
            for ev in list(self.events.values()):
                if not ev.indexed:  # out of the index when the state was loaded (see from_bytes)
                    self._evict(ev)

    def save(self) -> None:
        """Write what changed since the last save (an archive-backed linker, see :meth:`open`)."""
        store = self.store
        if store is None:
            raise ValueError("save() needs a linker opened from a store (EventLinker.open)")
        store.put_rows("event", {eid: dump(self.events[eid].to_json()) for eid in self._dirty if eid in self.events})
        store.delete_rows("event", self._gone - set(self.events))
        store.put_rows("record", {sid: dump(state.record_json(self.records[sid])) for sid in self._records_new})
        store.delete_rows("record", self._records_gone)
        self._dirty, self._gone, self._records_new, self._records_gone = set(), set(), set(), set()
        for m in (self.story_event, self.aliases, self.dups.urls, self.dups.exact):
            m.flush()
        store.put_rows("dup-sig", {f"{i:012d}": sid.encode("utf-8") + b"\0" + sig.astype(np.uint32).tobytes()
                                   for i, sid, sig in self.dups.written()})
        self._bands_saved = _save_bands(self.dups, store, self._bands_saved)
        self._df_deltas = _save_df(self.df, store, self._df_deltas)
        store.put_rows("core", {"state": state.pack({
            "n_docs": self.df.n_docs,
            "df_deltas": self._df_deltas,
            "df_languages": self.df.by_language,
            "opened": self._opened,
            "latest_day": self.latest_day,
            "beat": self.beat.to_json(),
            "live": list(self.events),
            "dup_rows": self.dups.n_rows,
            "keyed": True,  # the story, alias and copy maps keep their key filters (store.KeyFilter)
        }, np.zeros((0, 0), dtype=np.uint64), version=2)})
        if getattr(self, "_migrated", False):
            store.set_state("linker", None)  # the whole-state blob of an earlier sinodesk, now rows
            self._migrated = False


# -- the near-duplicate index's band keys, as segments of signature rows ------------------------
# A segment row (kind "dup-band", key: its first signature row) holds the band keys (uint64) and
# rows (uint32) of the signatures first...next segment's first.  Each save adds one; once there are
# more than _SMALL_SEGMENTS small ones, the small ones are merged into one, so an archive of a
# million stories opens by reading a few dozen rows.
_SMALL_SEGMENTS = 32
_SMALL_ENTRIES = 400_000


def _sig_row(value: bytes) -> tuple[str, np.ndarray]:
    sid, sig = value.split(b"\0", 1)
    return sid.decode("utf-8"), np.frombuffer(sig, dtype=np.uint32).astype(np.uint64)


def _segment(keys: np.ndarray, where: np.ndarray) -> bytes:
    return keys.astype(np.uint64).tobytes() + where.astype(np.uint32).tobytes()


def _load_bands(dups: DuplicateIndex, store: RowStore, n_rows: int) -> list[tuple[int, int]]:
    """Read the band segments into ``dups`` (``n_rows`` signatures, all stored); returns the
    segments as (first row, entries)."""
    keys, where, segments = [], [], []
    for k, v in store.scan_rows("dup-band"):
        n = len(v) // 12
        keys.append(np.frombuffer(v, dtype=np.uint64, count=n))
        where.append(np.frombuffer(v, dtype=np.uint32, offset=8 * n))
        segments.append((int(k), n))
    if keys:
        dups.bands.add_sorted(np.concatenate(keys), np.concatenate(where))
    dups.n_rows = dups.first_held = dups.bands_saved = n_rows
    return segments


def _save_bands(dups: DuplicateIndex, store: RowStore, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Write the band keys of the signature rows added since they were last written (one new
    segment); merge the tail of small segments into one once it is longer than _SMALL_SEGMENTS."""
    first, stop = dups.bands_saved, dups.n_rows
    if first >= stop:
        return segments
    keys, where = dups.bands.between(first, stop)
    segments = segments + [(first, len(keys))]
    store.put_rows("dup-band", {f"{first:012d}": _segment(keys, where)})
    dups.bands_saved = stop
    tail = 0
    while tail < len(segments) and segments[-1 - tail][1] < _SMALL_ENTRIES:
        tail += 1
    if tail <= _SMALL_SEGMENTS:
        return segments
    start = segments[-tail][0]
    keys, where = dups.bands.between(start, stop)
    store.delete_rows("dup-band", [f"{seg:012d}" for seg, _ in segments[-tail:]])
    store.put_rows("dup-band", {f"{start:012d}": _segment(keys, where)})
    return segments[:-tail] + [(start, len(keys))]


# -- the document frequencies: a snapshot row and the changes since -----------------------------
# A million counts are ~7 MB packed (0.18 s): written with the core every batch, the core's packing
# was 3.6% of the ingest's CPU at 110,000 stories.  A save writes the counts its batch changed as a "df-delta" row; every
# _DF_DELTAS saves, or when terms were forgotten (a delta cannot say that), the whole table
# becomes the "df" snapshot and the deltas go.  Opening reads the snapshot, then the deltas in order.
_DF_DELTAS = 24


def _load_df(store: RowStore, core: dict) -> dict[str, int]:
    if "df" in core:  # kept in the core by sinodesk before 2026-12-06 (second stop)
        return _interned(core["df"])
    snap = store.get_rows("df", ("snapshot",)).get("snapshot")
    df = load(snap) if snap is not None else {}
    for _, row in store.scan_rows("df-delta"):
        df.update(load(row))
    return _interned(df)


def _interned(counts: dict[str, int]) -> dict[str, int]:
    """``counts`` with its terms interned: one string per term, shared with the events' centroids."""
    return dict(zip(map(intern, counts), counts.values()))


def _delta_key(i: int) -> str:
    return f"{i:06d}"


def _save_df(df, store: RowStore, deltas: int) -> int:
    """Write what changed in ``df`` (a DocFreq) since the last save; returns the deltas now stored
    since the snapshot (-1 before any snapshot: the next save writes one)."""
    if deltas < 0 or deltas >= _DF_DELTAS or df.forgot:
        store.put_rows("df", {"snapshot": dump(df.df)})
        store.delete_rows("df-delta", [_delta_key(i) for i in range(max(deltas, 0))])
        deltas = 0
    elif df.touched:
        counts = df.df
        store.put_rows("df-delta", {_delta_key(deltas): dump({t: counts[t] for t in df.touched if t in counts})})
        deltas += 1
    df.touched, df.forgot = set(), False
    return deltas
