"""The search index beside the archive (tantivy): the same hits as FTS5, kept in step with every
write, never used when out of step."""

from __future__ import annotations

import os
import shutil

import pytest

from sinodesk.archive import StoryFilter, open_archive
from sinodesk.archive.sideindex import day_of, location
from sinodesk.records import Document, RawItem, Story

# every kind of query the language has, English and Chinese, Traditional and Simplified
QUERIES = [
    "China", "china taiwan", "botnet", '"South China"', "cyber*", "attack -DeepSeek", "NEAR(Hong Kong, 3)", "NEAR(police protest)",
    "trade OR tariffs", "(trade OR tariffs) -Japan", "headline:China", 'headline:"Hong Kong"', "military", "percent",
    "网络", "網絡", "攻击", "中国", "台", "僵尸网络", "習近平", "香港 -警察", "semiconductor* OR 芯片", "Huawei", "café", "cafe",
]


def _ids(archive, query, **flt):
    return sorted(h.story.story_id for h in archive.search(query, limit=500, flt=StoryFilter(**flt)))


def test_same_hits_as_fts5(web_db):
    """Through a real archive (the bundled examples, the five seeds and real news texts, ingested as
    'sinodesk ingest' does): every query finds the same stories either way, filtered or not."""
    side = open_archive(str(web_db), read_only=True)
    fts = open_archive(str(web_db), read_only=True, search_index=False)
    assert side._side_for_reading() is not None and fts._side_for_reading() is None
    found = 0
    for q in QUERIES:
        for flt in ({}, {"since": "2025-03-01"}, {"until": "2025-03-31", "language": "en"}, {"outlet": "radio free asia"},
                    {"topic": "cyber"}):
            got = _ids(side, q, **flt)
            assert got == _ids(fts, q, **flt), (q, flt)
            found += len(got)
    assert found > 250  # the queries do find things (273 when written)


def test_ranks_headline_matches_first(web_db):
    side = open_archive(str(web_db), read_only=True)
    hits = side.search("botnet", limit=5)
    assert hits and "botnet" in (hits[0].story.headline or "").lower()
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def _archive(path):
    a = open_archive(str(path))
    raw = RawItem("x", b"raw", "text")
    with a.batch(["x"]) as b:
        a.put_raw(raw, b)
        a.put_document(Document("d1", raw.sha256, "x", "text", "raw"), b)
    return a


def _story(sid, headline, text, **kw):
    return Story(story_id=sid, doc_id="d1", source="x", start=0, end=len(text), text=text, headline=headline, **kw)


def test_kept_in_step_with_writes(tmp_path):
    a = _archive(tmp_path / "a.db")
    a.put_stories([_story("s1", "Port strike", "Dock workers in Busan walked out."),
                   _story("s2", "港口罢工", "釜山码头工人罢工。")])
    assert a._side_for_reading() is not None
    assert _ids(a, "Busan") == ["s1"] and _ids(a, "码头") == ["s2"]
    # a story stored again with other text: the old words are gone from the index
    a.put_stories([_story("s1", "Port strike ends", "Dock workers in Incheon went back to work.")])
    assert _ids(a, "Busan") == [] and _ids(a, "Incheon") == ["s1"]
    assert a._side.count() == 2
    # a write that fails changes neither the archive nor the index
    with pytest.raises(RuntimeError):
        with a.batch(["y"]):
            a.put_stories([_story("s3", "Ferry", "A ferry sailed from Incheon.")])
            raise RuntimeError("interrupted")
    assert _ids(a, "Incheon") == ["s1"] and _ids(a, "ferry") == []
    assert a._side_for_reading() is not None
    # another process's archive handle sees the new stories at once
    b = open_archive(str(tmp_path / "a.db"), read_only=True)
    assert _ids(b, "Incheon") == ["s1"]
    a.put_stories([_story("s4", "Ferry", "A ferry sailed from Incheon.")])
    assert _ids(b, "Incheon") == ["s1", "s4"]
    assert b._side_for_reading() is not None
    a.clear_derived()
    assert _ids(a, "Incheon") == [] and a._side.count() == 0


def test_out_of_step_index_is_not_used_and_is_rebuilt(tmp_path):
    a = _archive(tmp_path / "a.db")
    a.put_stories([_story("s1", "Port strike", "Dock workers in Busan walked out.")])
    side_dir = location(str(tmp_path / "a.db"))
    # a crash between the archive's commit and the index's marker: the marker is missing
    os.remove(os.path.join(side_dir, "sinodesk-seq"))
    b = open_archive(str(tmp_path / "a.db"))
    assert b._side_for_reading() is None
    assert _ids(b, "Busan") == ["s1"]  # FTS5 answers
    b.put_stories([_story("s2", "Strike spreads", "Workers in Ulsan joined the Busan strike.")])
    assert b._side_for_reading() is not None  # the write rebuilt it from every story
    assert b._side.count() == 2 and _ids(b, "Busan") == ["s1", "s2"]
    # an archive from before the index (none beside it) gets one at its first write, or when asked
    shutil.rmtree(side_dir)
    c = open_archive(str(tmp_path / "a.db"))
    assert c._side_for_reading() is None and _ids(c, "Ulsan") == ["s2"]
    assert c.sync_search_index() is True
    assert c._side_for_reading() is not None and _ids(c, "Ulsan") == ["s2"]


def test_another_archives_index_is_not_taken(tmp_path):
    """An archive file put where another one was (a restored copy) at the same count of writes:
    the index beside it belongs to the other and is not used."""
    a = _archive(tmp_path / "a.db")
    a.put_stories([_story("s1", "Port strike", "Dock workers in Busan walked out.")])
    a.close()
    b = _archive(tmp_path / "b.db")
    b.put_stories([_story("s1", "Ferry", "A ferry sailed from Incheon.")])
    b.close()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(f"{tmp_path}/b.db{suffix}"):
            shutil.copy(f"{tmp_path}/b.db{suffix}", f"{tmp_path}/a.db{suffix}")
    c = open_archive(str(tmp_path / "a.db"), read_only=True)
    assert c._side_for_reading() is None and _ids(c, "Incheon") == ["s1"] and _ids(c, "Busan") == []


def test_filters_the_index_does_not_hold_are_exact(tmp_path):
    a = _archive(tmp_path / "a.db")
    a.put_stories([_story(f"s{i}", f"Rates story {i}", "The central bank changed rates.", topics=("economy",) if i % 5 == 0 else (),
                          published=f"2025-01-{i + 1:02d}", outlet="Reuters" if i % 2 else "Caixin", language="en")
                   for i in range(30)])
    assert _ids(a, "rates", topic="economy") == ["s0", "s10", "s15", "s20", "s25", "s5"]
    assert _ids(a, "rates", outlet="CAIXIN", since="2025-01-25") == ["s24", "s26", "s28"]
    assert _ids(a, "rates", until="2025-01-02") == ["s0", "s1"]
    assert [h.story.story_id for h in a.search("rates", limit=3, flt=StoryFilter(topic="economy"))]  # narrow filter, small limit
    assert _ids(a, "rates", outlets=()) == []


def test_day_of():
    assert day_of("2025-06-01") == 20250601 and day_of("2025-06-01T08:00:00+08:00") == 20250601
    assert day_of(None) is None and day_of("June 2025") is None
