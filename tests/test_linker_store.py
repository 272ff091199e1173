"""The event linker kept in the archive row by row (sinodesk/stages/cluster/store.py): it resumes
exactly where a one-shot run would be, holds only live events in memory, and takes over the
whole-state blob of an archive written before it."""

from __future__ import annotations

import gzip
import json
import random
import shutil
import sqlite3
from datetime import date, timedelta

import pytest

from sinodesk.archive.sqlite import SQLiteArchive
from sinodesk.stages.cluster import EventLinker, EventOptions, LinkItem
from sinodesk.stages.cluster.store import MemoryRows
from tests.conftest import EVAL, ROOT, need_shared

MAIN_ARCHIVE = ROOT / "tests" / "data" / "events" / "main_archive"


def _bbc_stream(n: int = 700, days: int = 600) -> list[LinkItem]:
    """BBC articles dated over ``days`` (so events go idle and leave the index), one in ten a
    trimmed copy of a recent one from another URL, and a few undated."""
    path = need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rnd = random.Random(5)
    start = date(2024, 1, 1)
    out: list[LinkItem] = []
    for i in range(n):
        day = start + timedelta(days=days * i // n)
        if i % 10 == 9:
            src = out[rnd.randrange(max(0, len(out) - 40), len(out))]
            out.append(LinkItem(f"c{i}", src.headline, src.text[: int(len(src.text) * 0.9)], src.published,
                                url=f"https://copies.example/{i}", outlet="Copier"))
            continue
        r = rows[rnd.randrange(len(rows))]
        out.append(LinkItem(f"s{i}", r["title"], r["text"], None if i % 37 == 0 else day.isoformat(),
                            url=f"https://bbc.example/{i}", outlet="BBC" if i % 2 else "Other"))
    return out


BATCH = 90


@pytest.fixture
def sweep_often(monkeypatch):
    # idle events leave the index at the end of every batch (a one-shot run sweeps at the same points)
    monkeypatch.setattr(EventLinker, "sweep_every", BATCH)


def _one_shot(items, opts):
    """One linker in memory over the whole stream, told each batch ahead as the runner does."""
    lk = EventLinker(opts)
    results = {}
    for start in range(0, len(items), BATCH):
        lk.expect(items[start : start + BATCH])
        results.update({it.story_id: lk.add(it) for it in items[start : start + BATCH]})
    return lk, {sid: lk.event_of(sid) for sid in results}, {sid: r.duplicate_of for sid, r in results.items()}


def test_a_stored_linker_resumes_batch_by_batch_as_one_run_and_keeps_only_live_events(sweep_often):
    opts = EventOptions(max_age_days=60, recluster_age_days=20)
    items = _bbc_stream()
    whole, events, dups = _one_shot(items, opts)
    store = MemoryRows()
    got_events, got_dups, in_memory = {}, {}, []
    for start in range(0, len(items), BATCH):  # a new process for every batch: open, add, save
        lk = EventLinker.open(store, opts)
        for ev in lk.events.values():  # what is held after opening: only events the index can find
            assert ev.indexed and (ev.last_day is None or ev.last_day >= lk.latest_day - opts.max_age_days)
        in_memory.append(len(lk.events))
        batch = items[start : start + BATCH]
        lk.expect(batch)
        for it in batch:
            got_dups[it.story_id] = lk.add(it).duplicate_of
        got_events.update({it.story_id: lk.event_of(it.story_id) for it in batch})
        lk.save()
        assert not lk.story_event.new and not lk.aliases.new  # written, not held
    final = EventLinker.open(store, opts)
    got_events = {sid: final.event_of(sid) for sid in got_events}
    assert got_events == events
    assert got_dups == dups and sum(d is not None for d in dups.values()) >= 50
    # the idle events left memory: far fewer held than the run made, every one of them stored
    assert len(set(events.values())) > 3 * max(in_memory)
    assert set(events.values()) <= set(store.rows["event"])


def test_one_shot_and_expect_per_batch_give_the_same_events_in_an_archive(tmp_path, sweep_often):
    """The same through the SQLite archive (rows in linker_rows, written in the batch's transaction)."""
    opts = EventOptions(max_age_days=60, recluster_age_days=20)
    items = _bbc_stream(400)
    _, events, _ = _one_shot(items, opts)
    db = tmp_path / "a.db"
    for start in range(0, len(items), BATCH):
        archive = SQLiteArchive(str(db))
        lk = EventLinker.open(archive, opts)
        lk.expect(items[start : start + BATCH])
        for it in items[start : start + BATCH]:
            lk.add(it)
        lk.save()
        archive.close()
    archive = SQLiteArchive(str(db))
    lk = EventLinker.open(archive, opts)
    assert {sid: lk.event_of(sid) for sid in events} == events
    assert archive.get_state("linker") is None
    kinds = {k for k, in archive.conn.execute("SELECT DISTINCT kind FROM linker_rows")}
    assert {"core", "event", "story", "dup-url", "dup-exact", "dup-sig"} <= kinds


def test_a_whole_state_blob_is_taken_over_and_linking_goes_on(sweep_often):
    """An archive of the earlier layout (one 'linker' blob, as EventLinker.to_bytes writes it): the
    first open reads it, the first save writes it as rows and drops the blob, the events go on."""
    opts = EventOptions(max_age_days=60, recluster_age_days=20)
    items = _bbc_stream(300)
    _, events, _ = _one_shot(items, opts)
    old = EventLinker(opts)
    for start in (0, 90):
        old.expect(items[start : start + BATCH])
        for it in items[start : start + BATCH]:
            old.add(it)
    store = MemoryRows()
    store.set_state("linker", old.to_bytes())
    for start in (180, 270):
        lk = EventLinker.open(store, opts)
        lk.expect(items[start : start + BATCH])
        for it in items[start : start + BATCH]:
            lk.add(it)
        lk.save()
        assert store.get_state("linker") is None and "core" in store.rows
    lk = EventLinker.open(store, opts)
    assert {sid: lk.event_of(sid) for sid in events} == events


def test_an_archive_written_by_the_earlier_sinodesk_opens_and_keeps_linking(tmp_path, run_cli):
    """``archive_main_0b85d97.db.gz``: main at 0b85d97 ingested part1.jsonl (two reports of a dam
    breach, one of chip rules; the cached topic model removed to keep the file small).  Ingesting
    part2.jsonl into it links the follow-up to the breach's event, as a fresh archive of both does."""
    db = tmp_path / "old.db"
    with gzip.open(MAIN_ARCHIVE / "archive_main_0b85d97.db.gz") as src, open(db, "wb") as dst:
        shutil.copyfileobj(src, dst)
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT length(value) FROM state WHERE key = 'linker'").fetchone()[0] > 1000
        old = dict(c.execute("SELECT headline, event_id FROM stories"))
    r = run_cli("ingest", MAIN_ARCHIVE / "part2.jsonl", "--db", db, "--workers", "1")
    assert r.returncode == 0, r.stderr.decode()
    fresh = tmp_path / "fresh.db"
    for part in ("part1.jsonl", "part2.jsonl"):
        r = run_cli("ingest", MAIN_ARCHIVE / part, "--db", fresh, "--workers", "1")
        assert r.returncode == 0, r.stderr.decode()
    with sqlite3.connect(db) as c, sqlite3.connect(fresh) as f:
        got = dict(c.execute("SELECT headline, event_id FROM stories"))
        want = dict(f.execute("SELECT headline, event_id FROM stories"))
        assert c.execute("SELECT COUNT(*) FROM state WHERE key = 'linker'").fetchone()[0] == 0
        assert c.execute("SELECT COUNT(*) FROM linker_rows WHERE kind = 'event'").fetchone()[0] >= 3
    dam = old["Dam breach floods three villages in Hunan"]
    assert {h: e for h, e in got.items() if h in old} == old  # the stored events keep their ids
    assert got["Missing villagers found alive after Hunan dam breach"] == dam
    assert got["Copper ends week higher on supply worries"] not in set(old.values())
    assert got == want


def test_the_band_index_finds_the_candidates_datasketch_lsh_finds():
    """BandIndex (108 bytes per story) against datasketch's MinHashLSH (4.4 KB) with the same bands
    and rows: the same candidate set for every query, across merges of the pending keys."""
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from sinodesk.stages.cluster.dedup import BandIndex, _lsh_params

    b, r = _lsh_params(0.8, 128)
    rng = np.random.default_rng(3)
    ref = MinHashLSH(num_perm=128, params=(b, r))
    bands = BandIndex(b, r, merge_at=50)
    sigs = []
    for i in range(600):
        if sigs and i % 3 == 0:  # a near-copy: some values of an earlier signature changed
            sig = sigs[rng.integers(len(sigs))].copy()
            sig[rng.choice(128, size=int(rng.integers(1, 60)), replace=False)] = rng.integers(0, 2**32, 1)
        else:
            sig = rng.integers(0, 2**32, 128, dtype=np.uint64)
        keys = bands.band_keys(sig)
        got = bands.query(keys)
        want = {int(k) for k in ref.query(MinHash(num_perm=128, hashvalues=sig, scheme="affine32"))}
        assert got == want, i
        bands.insert(keys, i)
        ref.insert(str(i), MinHash(num_perm=128, hashvalues=sig, scheme="affine32"))
        sigs.append(sig)
    assert sum(1 for i in range(600) if i % 3 == 0) and len(bands) == 600 * b


def _stored_run(items, opts, store, on_open=None, after_save=None) -> dict:
    """Batch by batch through a linker opened from ``store`` each time (a new process per batch);
    the copies it reports.  ``on_open(lk)`` after each open, ``after_save(start)`` after each save."""
    got = {}
    for start in range(0, len(items), BATCH):
        lk = EventLinker.open(store, opts)
        if on_open:
            on_open(lk)
        lk.expect(items[start : start + BATCH])
        got.update({it.story_id: lk.add(it).duplicate_of for it in items[start : start + BATCH]})
        lk.save()
        if after_save:
            after_save(start)
    return got


def test_band_segments_are_merged_and_a_reopened_linker_finds_the_same_copies(sweep_often, monkeypatch):
    from sinodesk.stages.cluster import persist

    monkeypatch.setattr(persist, "_SMALL_SEGMENTS", 2)
    opts = EventOptions(max_age_days=60, recluster_age_days=20)
    items = _bbc_stream(500)
    _, events, dups = _one_shot(items, opts)
    store = MemoryRows()

    def on_disk(lk):  # signatures stay on disk
        assert not lk.dups.held and lk.dups.n_rows == len(store.rows.get("dup-sig", {}))

    got = _stored_run(items, opts, store, on_open=on_disk)
    assert got == dups and sum(d is not None for d in dups.values()) >= 30
    segments = sorted(store.rows["dup-band"])
    assert 1 <= len(segments) <= 3 < len(range(0, len(items), BATCH))  # six saves, merged
    lk = EventLinker.open(store, opts)
    assert len(lk.dups.bands) == lk.dups.n_rows * lk.dups.bands.bands


def test_an_archive_from_before_the_band_segments_builds_them_once(sweep_often):
    """An archive kept row by row before the band segments (no 'dup_rows' in its core, no 'dup-band'
    rows; the document frequencies inside the core): opening it reads every signature once, the next
    save writes the segments and the counts' own rows."""
    from sinodesk.stages.cluster import persist, state

    opts = EventOptions(max_age_days=60, recluster_age_days=20)
    items = _bbc_stream(360)
    _, events, dups = _one_shot(items, opts)
    store = MemoryRows()

    def earlier_layout(start):
        if start == BATCH:  # make it look like the earlier layout
            core, sigs = state.unpack(store.rows["core"]["state"])
            del core["dup_rows"]
            core.pop("version")
            core["df"] = persist._load_df(store, core)  # the counts inside the core, no df rows
            del core["df_deltas"], store.rows["df"]
            store.rows.pop("df-delta", None)
            store.rows["core"]["state"] = state.pack(core, sigs, version=state.CORE_VERSION)
            del store.rows["dup-band"]

    got = _stored_run(items, opts, store, after_save=earlier_layout)
    assert got == dups
    assert "dup-band" in store.rows and "df" in store.rows
    lk = EventLinker.open(store, opts)
    assert {sid: lk.event_of(sid) for sid in events} == events


def test_live_events_are_bounded_and_a_cap_never_reached_changes_nothing(sweep_often):
    items = _bbc_stream(540)
    base = EventOptions(max_age_days=60, recluster_age_days=20, max_live_events=0)
    _, events, dups = _one_shot(items, base)
    _, same, _ = _one_shot(items, EventOptions(max_age_days=60, recluster_age_days=20, max_live_events=10_000))
    assert same == events
    capped = EventOptions(max_age_days=60, recluster_age_days=20, max_live_events=40)
    store = MemoryRows()
    live, held = [], []

    def count(lk):
        live.append(sum(1 for ev in lk.events.values() if ev.indexed))
        held.append(len(lk.events))

    got_dups = _stored_run(items, capped, store, on_open=count)
    assert max(live) == 40  # held at the cap from the second batch on
    assert max(held) == 40  # evicted events leave memory too
    assert got_dups == dups  # copies are found whatever the index holds


@pytest.mark.parametrize("cap", [0, 20_000], ids=["all_terms", "forgetting"])
def test_document_frequencies_are_saved_as_changes_and_snapshots(sweep_often, monkeypatch, cap):
    """A save writes the counts its batch changed; every _DF_DELTAS saves, or when terms were
    forgotten, the whole table.  Reopened batch by batch, the counts and events are the one-shot run's."""
    from sinodesk.stages.cluster import persist

    monkeypatch.setattr(persist, "_DF_DELTAS", 2)
    opts = EventOptions(max_age_days=60, recluster_age_days=20, df_max_terms=cap)
    items = _bbc_stream(450)
    whole, events, _ = _one_shot(items, opts)
    store = MemoryRows()
    deltas = []
    _stored_run(items, opts, store, after_save=lambda start: deltas.append(len(store.rows.get("df-delta", {}))))
    lk = EventLinker.open(store, opts)
    assert lk.df.df == whole.df.df and lk.df.n_docs == whole.df.n_docs
    assert {sid: lk.event_of(sid) for sid in events} == events
    if cap:
        assert len(whole.df.df) <= cap and deltas == [0, 0, 0, 0, 0]  # each batch forgot terms: snapshots only
    else:
        assert deltas == [0, 1, 2, 0, 1]  # a snapshot, two changes, a snapshot again


def test_candidate_index_single_event_postings_behave_as_ordered_sets():
    """A term of one event is stored as the bare id, of several as an ordered set: lookups give the same
    candidates in the same order as plain ordered sets would, through re-indexing and removal."""
    import random

    from sinodesk.stages.cluster.event import Event
    from sinodesk.stages.cluster.index import CandidateIndex

    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(60)]
    idx, ref = CandidateIndex(), {}  # ref: term -> {eid: None}, the plain ordered sets
    events = {}
    for step in range(400):
        eid = f"e{rng.randrange(40)}"
        ev = events.setdefault(eid, Event(eid))
        if ev.indexed and rng.random() < 0.2:
            for t in ev.indexed:
                ref[t].pop(eid, None)
            idx.unindex(ev)
            continue
        ev.centroid = {t: rng.random() for t in rng.sample(vocab, 8)}
        before = set(ev.indexed)
        idx.index(ev, 5)
        for t in before - set(ev.indexed):
            ref[t].pop(eid, None)
        for t in set(ev.indexed) - before:
            ref.setdefault(t, {})[eid] = None
        query = [(t, rng.random()) for t in rng.sample(vocab, 10)]
        expect: dict[str, float] = {}
        for t, w in query:
            for e in ref.get(t, {}):
                expect[e] = expect.get(e, 0.0) + w
        assert idx.lookup(query, max_postings=5000, max_candidates=1000) == list(expect), step
    shapes = {type(p) for p in idx.postings.values()}
    assert shapes == {str, dict}  # both kinds occurred
    assert all(len(p) >= 2 for p in idx.postings.values() if type(p) is dict)
    assert idx.lookup([("w1", 1.0)], max_postings=0, max_candidates=10) == []


class CountingRows(MemoryRows):
    def __init__(self):
        super().__init__()
        self.asked = 0

    def get_rows(self, kind, keys):
        self.asked += 1
        return super().get_rows(kind, keys)


def test_a_prefetched_batch_asks_the_store_once_and_forgets_at_the_flush():
    from sinodesk.stages.cluster.store import SpillMap

    rows = CountingRows()
    rows.put_rows("story", {"old": b"ev-1"})
    spill = SpillMap("story", rows)
    spill.prefetch(["old", "a", "b"])
    assert rows.asked == 1
    assert spill.get("a") is None and "b" not in spill and rows.asked == 1  # known missing: not asked again
    assert spill.get("old") == "ev-1" and "old" in spill and rows.asked == 1  # found keys are kept until the flush
    spill["a"] = "ev-2"
    assert spill["a"] == "ev-2" and spill.setdefault("b", "ev-3") == "ev-3" and spill.get("b") == "ev-3"
    spill["old"] = "ev-9"
    assert spill["old"] == "ev-9"  # a new value wins over what the prefetch found
    spill.flush()
    assert rows.rows["story"] == {"old": b"ev-9", "a": b"ev-2", "b": b"ev-3"}
    assert spill.absent == set() and not spill.found and spill.get("b") == "ev-3"  # read back from the store after the flush
    assert rows.asked == 2


def test_a_keyed_map_never_asks_the_store_about_keys_it_never_wrote():
    """The key filter: lookups of keys no save wrote cost no read; written keys are found, by this map
    and by one opened later over the same store (the filter's hashes are rows too)."""
    from sinodesk.stages.cluster.store import SpillMap

    rows = CountingRows()
    spill = SpillMap("story", rows, keyed=True)
    spill.prefetch([f"new-{i}" for i in range(500)])
    assert all(spill.get(f"new-{i}") is None for i in range(500)) and "other" not in spill
    assert rows.asked == 0
    for i in range(300):
        spill[f"s{i}"] = f"ev-{i}"
    spill.flush()
    assert set(rows.rows["keys-story"]) == {"000000"}
    again = SpillMap("story", rows, keyed=True)
    assert all(again.get(f"s{i}") == f"ev-{i}" for i in range(300))
    asked = rows.asked
    assert sum(again.get(f"never-{i}") is not None for i in range(2000)) == 0
    assert rows.asked - asked < 60  # about 1% of absent keys are asked about (the filter's false positives)


def test_a_key_filter_has_no_false_negatives_as_it_grows_and_merges_its_rows():
    from sinodesk.stages.cluster.store import _KEY_ROWS, KeyFilter, SpillMap, key_hash, key_hashes

    rows = CountingRows()
    spill = SpillMap("dup-url", rows, keyed=True)
    start_capacity = spill.filter.capacity
    keys = [f"https://example.org/{i}" for i in range(40_000)]
    for start in range(0, len(keys), 400):  # 100 saves: more than _KEY_ROWS rows, past the filter's capacity
        for k in keys[start : start + 400]:
            spill[k] = "s"
        spill.flush()
    assert spill.filter.capacity > start_capacity and len(rows.rows["keys-dup-url"]) <= _KEY_ROWS
    assert all(spill.filter.may_hold(key_hash(k)) for k in keys)
    assert spill.filter.may_hold_many(key_hashes(keys)).all()
    reopened = SpillMap("dup-url", rows, keyed=True)
    assert reopened.filter.may_hold_many(key_hashes(keys)).all()
    absent = key_hashes(f"https://elsewhere.example/{i}" for i in range(20_000))
    assert reopened.filter.may_hold_many(absent).mean() < 0.03
    assert KeyFilter(key_hashes([])).may_hold(key_hash("x")) is False


def test_an_archive_kept_before_the_key_filters_hashes_its_keys_once_when_opened():
    """A linker state saved without key filters (no ``keyed`` in its core): opening it hashes the keys
    already stored, so stories linked before are still found, not linked again."""
    from sinodesk.stages.cluster import state

    opts = EventOptions()
    items = _bbc_stream(120)
    store = MemoryRows()
    lk = EventLinker.open(store, opts)
    lk.expect(items)
    before = {it.story_id: lk.add(it).event_id for it in items}
    lk.save()
    for kind in [k for k in store.rows if k.startswith("keys-")]:
        del store.rows[kind]
    saved, sigs = state.unpack(store.rows["core"]["state"])
    del saved["keyed"]
    saved.pop("version", None)
    store.rows["core"]["state"] = state.pack(saved, sigs, version=2)
    reopened = EventLinker.open(store, opts)
    assert {k for k in store.rows if k.startswith("keys-")} == {"keys-story", "keys-alias", "keys-dup-url", "keys-dup-exact"}
    assert {it.story_id: reopened.add(it).event_id for it in items} == {sid: reopened.resolve(e) for sid, e in before.items()}
    assert all(reopened.story_event.get(it.story_id) is not None for it in items)


def test_linking_a_batch_asks_the_archive_for_each_story_once_not_per_lookup(tmp_path):
    arc = SQLiteArchive(tmp_path / "a.db")
    linker = EventLinker.open(arc, EventOptions())
    asked = []
    get_rows = arc.get_rows

    def counting(kind, keys):
        keys = list(keys)
        asked.append((kind, len(keys)))
        return get_rows(kind, keys)

    arc.get_rows = counting
    items = [LinkItem(story_id=f"s{i}", headline=f"Flood closes bridge {i}", text=f"Water rose over the bridge in town {i} on Monday.",
                      url=f"https://example.org/{i}", published="2024-05-01") for i in range(40)]
    linker.expect(items)
    for item in items:
        linker.add(item)
    # a fresh archive: the key filters know no key is there, so none of these is asked about at all
    assert [kind for kind, _ in asked if kind in ("story", "alias", "dup-url", "dup-exact")] == [], asked
    linker.save()
    asked.clear()
    linker = EventLinker.open(arc, EventOptions())
    linker.expect(items)  # the same stories again: their keys are there, asked about once per kind
    for item in items:
        linker.add(item)
    single = [n for kind, n in asked if kind in ("story", "alias", "dup-url") and n == 1]
    assert [kind for kind, n in asked if n == 40 and kind in ("story", "alias", "dup-url")] == ["story", "dup-url"], asked
    assert len(single) == 0, asked
