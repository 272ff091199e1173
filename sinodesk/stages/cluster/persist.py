"""How the event linker is kept: whole, as bytes (a linker in memory), or row by row in an
archive (:mod:`.store`): the persistence half of :class:`~sinodesk.stages.cluster.online.EventLinker`."""

from __future__ import annotations

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
        lk.df = lk._docfreq(saved["n_docs"], saved["df"], saved.get("df_languages"))
        for d in saved["events"]:
            ev = Event.from_json(d)
            lk.events[ev.eid] = ev
        lk.story_event = saved["story_event"]
        lk.aliases = saved["aliases"]
        lk._opened = saved["opened"]
        lk.latest_day = saved["latest_day"]
        lk.records = {sid: state.record_from_json(r) for sid, r in saved.get("records", {}).items()}
        o = lk.opts
        lk.beat = OutletBeat.from_json(saved.get("beat"), o.beat_share, o.beat_min_stories)
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
        lk.df = lk._docfreq(saved["n_docs"], saved["df"], saved.get("df_languages"))
        lk._opened = saved["opened"]
        lk.latest_day = saved["latest_day"]
        o = lk.opts
        lk.beat = OutletBeat.from_json(saved.get("beat"), o.beat_share, o.beat_min_stories)
        for eid, row in store.get_rows("event", saved["live"]).items():
            lk.events[eid] = Event.from_json(load(row))
        lk.events = {eid: lk.events[eid] for eid in saved["live"] if eid in lk.events}  # their saved order
        members = [sid for ev in lk.events.values() if ev.members for sid in ev.members]
        lk.records = {sid: state.record_from_json(load(r)) for sid, r in store.get_rows("record", members).items()}
        for _, row in store.scan_rows("dup-sig"):
            sid, sig = row.split(b"\0", 1)
            lk.dups._insert(sid.decode("utf-8"), np.frombuffer(sig, dtype=np.uint32).astype(np.uint64))
        lk._attach(store)
        lk._sigs_saved = len(lk.dups.keys)
        for ev in list(lk.events.values()):
            if lk._settle(ev):
                lk._evict(ev)
            else:
                lk.index.index(ev, o.index_terms)
        return lk

    def _attach(self, store: RowStore, migrate: bool = False) -> None:
        """Keep this linker in ``store`` from now on; ``migrate``: everything it holds is new there."""
        self.store = store
        self.story_event = SpillMap("story", store, self.story_event if migrate else None)
        self.aliases = SpillMap("alias", store, self.aliases if migrate else None)
        self.dups.urls = SpillMap("dup-url", store, self.dups.urls if migrate else None)
        self.dups.exact = SpillMap("dup-exact", store, self.dups.exact if migrate else None)
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
        keys, sigs = self.dups.keys, self.dups._sigs
        store.put_rows("dup-sig", {f"{i:012d}": keys[i].encode("utf-8") + b"\0" + sigs[i].astype(np.uint32).tobytes()
                                   for i in range(self._sigs_saved, len(keys))})
        self._sigs_saved = len(keys)
        store.put_rows("core", {"state": state.pack({
            "n_docs": self.df.n_docs,
            "df": self.df.df,
            "df_languages": self.df.by_language,
            "opened": self._opened,
            "latest_day": self.latest_day,
            "beat": self.beat.to_json(),
            "live": list(self.events),
        }, np.zeros((0, 0), dtype=np.uint64), version=2)})
        if getattr(self, "_migrated", False):
            store.set_state("linker", None)  # the whole-state blob of an earlier sinodesk, now rows
            self._migrated = False
