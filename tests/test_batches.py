"""Bounded batches and worker processes: the same archive for any number of workers, an
interrupted run taken up where it stopped, rejects that keep their own line, documents read
back from the raw input."""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass

import pytest

from sinodesk.archive import open_archive
from sinodesk.pipeline import Runner
from sinodesk.records import pickled_by_fields
from sinodesk.serialize import story_to_dict
from sinodesk.settings import IngestOptions, Settings

from .conftest import EVAL, need_shared


def _items(n_en: int = 150, n_zh: int = 30) -> list[dict]:
    """Real texts: BBC articles over 60 days, 15 near-copies of them under other outlets, THUCNews
    headlines as Chinese stories, and two lines the reader rejects."""
    bbc = [json.loads(x) for x in open(need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl"), encoding="utf-8")][:n_en]
    zh = [ln.split("\t")[0] for ln in open(need_shared(EVAL / "thucnews-headlines-zh" / "dev.txt"), encoding="utf-8")][:n_zh * 4]
    items = [{"title": d["title"], "text": d["text"], "outlet": "BBC News", "date": f"2025-03-{1 + i % 28:02d}"}
             for i, d in enumerate(bbc)]
    items += [{"title": d["title"] + " (update)", "text": d["text"].replace("said", "told reporters", 1), "outlet": "The Guardian",
               "date": f"2025-03-{1 + (3 * i) % 28:02d}"} for i, d in enumerate(bbc[:15])]
    items += [{"title": zh[4 * i], "text": "。".join(zh[4 * i + 1 : 4 * i + 4]) + "。", "outlet": "新华社", "date": f"2025-04-{1 + i % 28:02d}"}
              for i in range(n_zh)]
    items.insert(40, {"url": "https://example.org/no-text", "title": "  "})  # neither text nor a title
    items.insert(90, {"text": "   "})
    return items


def _write(path, items, extra_lines=()):
    with open(path, "w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
        for line in extra_lines:
            fh.write(line + "\n")
    return path


def _run(db, inputs, *, workers: int, batch: int):
    settings = Settings(db=str(db), ingest=IngestOptions(batch_documents=batch))
    archive = open_archive(str(db))
    summary = Runner(archive, settings, workers=workers).ingest([str(p) for p in inputs])
    return archive, summary


def _snapshot(archive) -> dict:
    stories = [story_to_dict(s) for s in archive.iter_stories()]
    docs = {d: archive.get_document(d).text for d in sorted({s["doc_id"] for s in stories})}
    rejects = [(r.source, r.item, r.stage, r.reason, r.data) for _, r, _ in archive.iter_rejects()]
    return {"stories": stories, "docs": docs, "rejects": rejects}


def test_two_workers_make_the_same_archive_as_one_process(tmp_path):
    src = _write(tmp_path / "news.jsonl", _items())
    one, s1 = _run(tmp_path / "one.db", [src], workers=1, batch=64)
    two, s2 = _run(tmp_path / "two.db", [src], workers=2, batch=64)
    a, b = _snapshot(one), _snapshot(two)
    assert (s1.documents, s1.stories, s1.rejected) == (s2.documents, s2.stories, s2.rejected) == (195, 195, 2)
    assert len(a["stories"]) == 195
    for x, y in zip(a["stories"], b["stories"]):  # story by story, every field, event ids included
        assert x == y
    assert a == b
    events = {s["event_id"] for s in a["stories"]}
    assert len(events) < 195 and sum(1 for s in a["stories"] if s["duplicate_of"]) >= 10  # linking did happen
    assert {s["language"] for s in a["stories"]} == {"en", "zh"}


def _stored(db) -> tuple[list, list]:
    """Every story's stored row, and every term the full-text index holds, where and in which column."""
    c = sqlite3.connect(db)
    c.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, stories_fts, instance)")
    rows = c.execute("SELECT story_id, doc_id, seq, topics, data FROM stories ORDER BY story_id").fetchall()
    terms = c.execute("SELECT term, doc, col, offset FROM temp.terms ORDER BY doc, col, offset").fetchall()
    c.close()
    return rows, terms


def test_rows_the_workers_pack_are_the_rows_the_writer_would_pack(tmp_path, monkeypatch):
    """The workers pack each story's row and Chinese index columns (the writer only stores them): the
    archive holds the same bytes and the same index as when the writing process packs them itself."""
    import sinodesk.archive.rows as rows

    src = _write(tmp_path / "news.jsonl", _items(40, 20))
    _run(tmp_path / "workers.db", [src], workers=2, batch=32)
    packed_by_workers = _stored(tmp_path / "workers.db")
    monkeypatch.setattr(rows, "pack_story", lambda s, doc_text: None)  # nothing packed: the writer packs every story
    _run(tmp_path / "writer.db", [src], workers=2, batch=32)
    packed_by_writer = _stored(tmp_path / "writer.db")
    assert len(packed_by_workers[0]) == 75 and any(t for t, _, col, _ in packed_by_workers[1] if col == "zh_bi")
    assert packed_by_workers == packed_by_writer


def test_the_writer_lets_go_of_the_models_once_the_workers_hold_them(tmp_path):
    """With workers, the runner's process only writes and links: it drops the models after forking
    them, sends every later batch (small ones too) to the workers, and loads the models again for its
    next run; the archive is still the one a single process makes."""
    from sinodesk.stages.classify.embed import StaticEmbedder
    from sinodesk.stages.segment.layout import load_model

    items = _items(60, 10)
    first = _write(tmp_path / "first.jsonl", items[:50])
    second = _write(tmp_path / "second.jsonl", items[50:])  # 37 lines: a full batch of 32, then 5
    settings = lambda db: Settings(db=str(db), ingest=IngestOptions(batch_documents=32))  # noqa: E731

    one = Runner(open_archive(str(tmp_path / "one.db")), settings(tmp_path / "one.db"), workers=1)
    two = Runner(open_archive(str(tmp_path / "two.db")), settings(tmp_path / "two.db"), workers=2)
    one.ingest([str(first)])
    two.ingest([str(first)])
    assert one.ctx.topic_model is not None and one.ctx.extract_resources is not None  # one process keeps them
    assert two._dropped and two.ctx.topic_model is None and two.ctx.extract_resources is None and two.ctx.detector is None
    assert two.ctx.outlets is not None  # the writer still tells outlet families apart
    assert load_model.cache_info().currsize == 0 and StaticEmbedder.packaged.cache_info().currsize == 0  # caches emptied
    s1, s2 = one.ingest([str(second)]), two.ingest([str(second)])
    assert (s1.documents, s1.stories, s1.rejected) == (s2.documents, s2.stories, s2.rejected) == (36, 36, 1)
    assert _snapshot(one.archive) == _snapshot(two.archive)


def test_a_context_given_to_the_runner_stays_whole(tmp_path):
    from sinodesk.pipeline import build_context

    src = _write(tmp_path / "news.jsonl", _items(60, 0))
    db = tmp_path / "a.db"
    settings, archive = Settings(db=str(db), ingest=IngestOptions(batch_documents=32)), open_archive(str(db))
    ctx = build_context(settings, archive)
    runner = Runner(archive, settings, ctx=ctx, workers=2)
    runner.ingest([str(src)])
    assert runner.ctx is ctx and ctx.topic_model is not None and ctx.extract_resources is not None and not runner._dropped


def test_an_interrupted_run_is_taken_up_where_it_stopped(tmp_path, monkeypatch):
    src = _write(tmp_path / "news.jsonl", _items(n_en=100, n_zh=0))
    whole, _ = _run(tmp_path / "whole.db", [src], workers=1, batch=40)
    real_write = Runner._write
    written = []

    def failing(self, item, raw, outcome, batch_id, summary):
        if len(written) == 60:  # in the second batch of 40
            raise KeyboardInterrupt
        written.append(item)
        return real_write(self, item, raw, outcome, batch_id, summary)

    monkeypatch.setattr(Runner, "_write", failing)
    with pytest.raises(KeyboardInterrupt):
        _run(tmp_path / "cut.db", [src], workers=1, batch=40)
    monkeypatch.setattr(Runner, "_write", real_write)
    cut = open_archive(str(tmp_path / "cut.db"))
    assert cut.count()["stories"] == 40  # the first batch was committed, the second rolled back
    assert cut.raw_state(cut.raw_ids()[0]) == "pending"
    again, summary = _run(tmp_path / "cut.db", [src], workers=1, batch=40)
    assert (summary.resumed, summary.documents, summary.unchanged) == (40, 75, 0)
    assert "40 items already stored by an interrupted run" in summary.line()
    assert again.raw_state(again.raw_ids()[0]) == "done"
    assert [s.story_id for s in again.iter_stories()] == [s.story_id for s in whole.iter_stories()]
    _, third = _run(tmp_path / "cut.db", [src], workers=1, batch=40)
    assert (third.unchanged, third.documents, third.resumed) == (1, 0, 0)


def test_a_rejected_line_keeps_its_own_bytes_and_a_document_reads_its_text_from_the_raw_input(tmp_path):
    good = {"title": "Port strike ends", "text": "Dock workers in Rotterdam ended a three-day strike on Friday after a pay deal.\u2028"
            "The union said cargo would move again by Monday."}
    bad_json = '{"title": "broken", "text": "no closing brace"'
    no_text = json.dumps({"url": "https://example.org/a", "text": " "})  # neither text nor a title
    src = _write(tmp_path / "in.jsonl", [good], extra_lines=[bad_json, no_text])
    archive, summary = _run(tmp_path / "a.db", [src], workers=1, batch=10)
    assert (summary.documents, summary.rejected) == (1, 2)
    rejects = {r.item: r.data for _, r, _ in archive.iter_rejects()}
    assert rejects == {"line 2": bad_json.encode(), "line 3": no_text.encode()}  # not the whole file
    story = next(archive.iter_stories())
    doc = archive.get_document(story.doc_id)
    assert doc.text == good["text"] and doc.item_key == "line 1"  # U+2028 inside a string does not split the line
    c = sqlite3.connect(tmp_path / "a.db")
    assert c.execute("SELECT text, item_at, item_len FROM documents").fetchone() == ("", 0, len(json.dumps(good, ensure_ascii=False).encode()))


def test_the_parent_loads_what_the_workers_share_before_forking():
    """The warm-up before the fork loads the stages' models in the parent, the background term table of
    the short-English check included, so two workers do not each read their own copy."""
    from sinodesk.batches import Stages
    from sinodesk.pipeline import build_context
    from sinodesk.stages.cluster.background import load_background

    load_background.cache_clear()
    stages = Stages(build_context(Settings()), workers=2)
    try:
        stages._start()
        assert load_background.cache_info().currsize == 1
    finally:
        stages.close()


def test_workers_leave_ctrl_c_to_the_main_process():
    """Ctrl-C reaches the whole process group: each forked worker printed 'Process ForkPoolWorker-N:'
    and its KeyboardInterrupt traceback before the main process's 'Aborted.'. The workers ignore
    SIGINT; the main process stops them (Pool.terminate) and exits 130.  The test gives this process
    Python's own Ctrl-C handler first, as a terminal does: a shell's background job (a CI run started
    with '&') inherits SIGINT ignored, and then every worker would ignore it with or without the fix
    (an end-to-end version that interrupted a real ingest exited 0 there for that reason)."""
    import signal

    from sinodesk.batches import Stages
    from sinodesk.pipeline import build_context

    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    stages = Stages(build_context(Settings()), workers=2)
    try:
        pool = stages._start()
        assert pool.apply(signal.getsignal, (signal.SIGINT,)) == signal.SIG_IGN
    finally:
        stages.close()
        signal.signal(signal.SIGINT, before)


def _anon_mb() -> int:
    for line in open("/proc/self/status"):
        if line.startswith("RssAnon"):
            return int(line.split()[1]) // 1024
    raise AssertionError("no RssAnon in /proc/self/status")


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads this process's memory from /proc (Linux)")
def test_release_free_memory_returns_the_pages_freed_objects_left_behind():
    from sinodesk.batches import release_free_memory

    texts = [bytes(1000) + i.to_bytes(4, "little") for i in range(100_000)]  # ~100 MB from the C heap
    kept = texts[::10]  # one in ten stays alive, so the heap cannot simply shrink from its top
    del texts
    before = _anon_mb()
    assert release_free_memory() is True
    assert before - _anon_mb() >= 25, "the freed 90 MB stayed with the process"
    assert len(kept) == 10_000


def test_worker_outcomes_round_trip_through_pickle_unchanged():
    """What a worker sends the writing process (stories with every fact, the linker's inputs, the
    packed rows) comes back equal, field by field, through the pickled-by-fields records."""
    import pickle
    from dataclasses import fields

    import numpy

    from sinodesk.batches import run_documents
    from sinodesk.pipeline import build_context
    from sinodesk.records import Document

    items = _items(n_en=12, n_zh=3)
    docs = [Document(f"d{i}", "r", "s", "jsonl", it["text"], title=it.get("title"), outlet=it.get("outlet"),
                     published=it.get("date")) for i, it in enumerate(items) if it.get("text", "").strip()]
    outcomes = run_documents(docs, build_context(Settings()))
    assert sum(len(o.stories) for o in outcomes) >= len(docs)
    assert all(o.prepared and o.packed for o in outcomes if o.stories)
    back = pickle.loads(pickle.dumps(outcomes, protocol=pickle.HIGHEST_PROTOCOL))
    assert [(o.stories, o.packed, o.stage, o.reason) for o in back] == [(o.stories, o.packed, o.stage, o.reason) for o in outcomes]
    for got, want in zip((p for o in back for p in o.prepared), (p for o in outcomes for p in o.prepared)):
        assert (got.terms, got.counts, got.names) == (want.terms, want.counts, want.names)
        assert [(k, v) for k, v in zip(fields(got.copy), got.copy.__getstate__()) if not hasattr(v, "shape")] == \
            [(k, v) for k, v in zip(fields(want.copy), want.copy.__getstate__()) if not hasattr(v, "shape")]
        assert all(numpy.array_equal(a, b) for a, b in zip(got.copy.__getstate__(), want.copy.__getstate__()) if hasattr(a, "shape"))
    story = back[0].stories[0]
    assert story.__getstate__() == tuple(getattr(story, f.name) for f in fields(story))
    assert story.entities and type(story.entities[0]).__getstate__ is not None
    assert pickle.loads(pickle.dumps(_One(7))) == _One(7) and _One(7).__getstate__() == (7,)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class _One:
    """A record of one field: its state is still a tuple."""

    only: int
