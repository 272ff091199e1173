"""Archive: SQLite file in WAL mode, FTS5 search in English and Chinese (1-, 2-, 3+-character)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from sinodesk.archive import open_archive
from sinodesk.archive.rows import pack_json, unpack_json
from sinodesk.archive.schema import SCHEMA_VERSION
from sinodesk.archive.textindex import cjk_index_columns, fts_query
from sinodesk.errors import ArchiveError, BadInput, NotFound
from sinodesk.records import Story


def _story(sid, headline, text, **kw):
    return Story(story_id=sid, doc_id="d1", source="x", start=0, end=len(text), text=text, headline=headline, **kw)


@pytest.fixture
def archive(tmp_path):
    a = open_archive(str(tmp_path / "a.db"))
    from sinodesk.records import Document, RawItem

    raw = RawItem("x", b"raw", "text")
    with a.batch(["x"]) as b:
        a.put_raw(raw, b)
        a.put_document(Document("d1", raw.sha256, "x", "text", "raw"), b)
    a.put_stories([
        _story("s1", "Cyberattacks against DeepSeek surge", "A botnet attacked the DeepSeek service, security firm XLab said."),
        _story("s2", "网络攻击激增", "据报道，针对深度求索的网络攻击激增，僵尸网络参与其中。"),
        _story("s3", "網絡安全新規", "國家互聯網信息辦公室發布網絡數據安全管理條例。"),
        _story("s4", "Trade figures", "Exports rose 7.1 percent; the network of ports was busy."),
    ])
    return a


def test_wal_mode_and_file(tmp_path, archive):
    assert archive.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert (tmp_path / "a.db").exists()


def test_sqlite_trigram_limits_are_real(tmp_path):
    """Why sinodesk indexes bigrams: a trigram table cannot find two-character Chinese words."""
    c = sqlite3.connect(":memory:")
    c.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    c.execute("INSERT INTO t VALUES ('针对深度求索的网络攻击激增')")
    assert c.execute("SELECT count(*) FROM t WHERE t MATCH '网络攻'").fetchone()[0] == 1
    two = c.execute("SELECT count(*) FROM t WHERE x LIKE '%网络%'").fetchone()[0]
    match_two = c.execute("SELECT count(*) FROM t WHERE t MATCH '网络'").fetchone()[0]
    assert match_two == 0  # trigram MATCH needs 3+ characters
    assert two in (0, 1)  # 0 on SQLite 3.40 (silently), 1 on versions that fall back to a scan


@pytest.mark.parametrize(
    "query, expected",
    [
        ("DeepSeek", ["s1"]),
        ("deepseek botnet", ["s1"]),
        ("网络攻击", ["s2"]),
        ("网络", ["s2", "s3"]),  # two characters; 網絡 folded to 网络
        ("網絡", ["s2", "s3"]),
        ("网", ["s2", "s3"]),  # one character
        ("攻", ["s2"]),
        ("数据安全", ["s3"]),
        ('"security firm"', ["s1"]),
        ("network", ["s4"]),
        ("DeepSeek OR 僵尸网络", ["s1", "s2"]),
        ("netw*", ["s4"]),
    ],
)
def test_search(archive, query, expected):
    assert sorted(h.story.story_id for h in archive.search(query)) == expected


def test_search_snippet_marks_chinese_hit(archive):
    (hit,) = archive.search("激增")
    assert "[激增]" in hit.snippet


def test_cjk_bigram_columns():
    assert cjk_index_columns("据报道 DeepSeek 習近平") == ("据报 报道 习近 近平", "据 报 道 习 近 平")
    assert fts_query("攻击") == 'zh_bi : "攻击"'
    assert fts_query("网络攻击") == 'zh_bi : "网络 络攻 攻击"'
    # Taiwan wording is folded into mainland wording on both sides (OpenCC tw2sp): 網路 -> 网络
    assert fts_query("網路攻擊") == fts_query("網絡攻擊") == 'zh_bi : "网络 络攻 攻击"'
    assert cjk_index_columns("駭客")[0] == "黑客"
    assert fts_query('x"y') == '({headline body} : "x" AND {headline body} : "y")'


def test_errors(tmp_path, archive):
    with pytest.raises(NotFound, match=r"story 'nope' is not in .* \(list ids with 'sinodesk stories'\)"):
        archive.get_story("nope")
    with pytest.raises(ArchiveError, match="no archive here"):
        open_archive(str(tmp_path / "missing.db"), create=False)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ArchiveError, match="not a sinodesk archive"):
        open_archive(str(bad))


def test_batch_is_one_transaction(tmp_path):
    from sinodesk.records import RawItem

    a = open_archive(str(tmp_path / "t.db"))
    with pytest.raises(RuntimeError):
        with a.batch(["x"]) as b:
            a.put_raw(RawItem("x", b"bytes", "text"), b)
            raise RuntimeError("interrupted")
    assert a.count()["raw"] == 0


def test_labels_models_state(archive):
    archive.add_label("s1", ("cyber", "tech_ai"))
    assert archive.labels() == {"s1": ("cyber", "tech_ai")}
    archive.save_model("topics", "v1", b"blob1", {"n": 1})
    archive.save_model("topics", "v2", b"blob2", {"n": 2})
    assert archive.load_model("topics") == ("v2", b"blob2", {"n": 2})
    archive.set_state("k", b"v")
    assert archive.get_state("k") == b"v"


def test_briefings_are_stored_by_section_set(archive):
    assert archive.list_briefings() == []
    a = archive.save_briefing("default", "2025-03-01", "2025-03-07", {"sections": [], "title": "简报"})
    b = archive.save_briefing("cyber", None, "2025-03-07", {"sections": []})
    c = archive.save_briefing("default", "2025-03-08", "2025-03-14", {"sections": [1]})
    assert [i.briefing_id for i in archive.list_briefings("default")] == [a, c]
    assert [(i.name, i.since, i.until) for i in archive.list_briefings()] == [
        ("default", "2025-03-01", "2025-03-07"), ("cyber", None, "2025-03-07"), ("default", "2025-03-08", "2025-03-14")]
    assert archive.get_briefing(a) == {"sections": [], "title": "简报"}
    assert archive.list_briefings()[1].briefing_id == b
    with pytest.raises(NotFound, match=r"^briefing 99 is not in .* \(list them with 'sinodesk brief --list'\)$"):
        archive.get_briefing(99)


def test_undated_stories_by_ingest_day(archive):
    from sinodesk.archive import StoryFilter

    dated = Story("s9", "d1", "x", 0, 4, "text", published="2001-01-01")
    archive.put_stories([dated])
    assert [s.story_id for s in archive.iter_stories(StoryFilter(since="2020-01-01"))] == []
    later = [s.story_id for s in archive.iter_stories(StoryFilter(since="2020-01-01", dated_by_ingest=True))]
    assert "s1" in later and "s9" not in later  # s1 has no date: it counts as of today, its ingest day


def test_get_raw_returns_the_bytes_unchanged(archive):
    from sinodesk.records import RawItem

    raw = RawItem("x", b"raw", "text")
    got = archive.get_raw(raw.sha256)
    assert (got.source, got.data, got.kind) == ("x", b"raw", "text")
    with pytest.raises(NotFound, match=r"raw input 'feed' is not in .*a\.db \(a story's page links to the raw input it came from\)"):
        archive.get_raw("feed")


def test_incidents_of_a_story(archive):
    recs = [{"incident_id": "inc-1", "first_seen": "2025-01-31", "last_seen": "2025-01-31",
             "sources": [{"story_id": "s1"}, {"story_id": "s2"}], "title": "DDoS on DeepSeek"},
            {"incident_id": "inc-2", "first_seen": None, "last_seen": None, "sources": [{"story_id": "s2"}],
             "victims": [{"name": "s1"}], "title": "names s1 as a victim, not as a source"}]
    archive.put_incidents(recs)
    assert [r["incident_id"] for r in archive.incidents_of("s2")] == ["inc-2", "inc-1"]
    assert [r["incident_id"] for r in archive.incidents_of("s1")] == ["inc-1"]
    assert archive.incidents_of("s3") == []


def _entity(canonical, text="x"):
    from sinodesk.records import Entity

    return Entity(text, "ORG", canonical, 0, 1)


@pytest.fixture
def faceted(archive):
    archive.put_stories([
        _story("e1", "Huawei phones", "Huawei sold phones in Shenzhen.", outlet="Caixin", language="en", topics=("tech_ai",),
               entities=(_entity("org:huawei"), _entity("gpe:shenzhen"), _entity("org:huawei"))),
        _story("e2", "Huawei chips", "Huawei chips face export controls.", outlet="Reuters", language="en",
               topics=("tech_ai", "economy_trade"), entities=(_entity("org:huawei"),)),
        _story("e3", "华为手机", "华为在深圳发布新手机。", outlet="Caixin", language="zh", topics=("tech_ai",),
               entities=(_entity("org:huawei"), _entity("gpe:shenzhen"))),
    ])
    return archive


def test_entity_filter_uses_the_entity_index(faceted):
    from sinodesk.archive import StoryFilter

    assert [s.story_id for s in faceted.iter_stories(StoryFilter(entity="gpe:shenzhen"))] == ["e1", "e3"]
    assert [h.story.story_id for h in faceted.search("Huawei", flt=StoryFilter(entity="gpe:shenzhen"))] == ["e1"]
    faceted.put_stories([_story("e1", "Huawei phones", "Huawei sold phones.", outlet="Caixin", language="en",
                                entities=(_entity("org:huawei"),))])  # replaced: its old entities go
    assert [s.story_id for s in faceted.iter_stories(StoryFilter(entity="gpe:shenzhen"))] == ["e3"]
    faceted.clear_derived()
    assert faceted.conn.execute("SELECT count(*) FROM story_entities").fetchone()[0] == 0


def test_facet_counts(faceted):
    from sinodesk.archive import StoryFilter

    f = faceted.facet_counts("Huawei")
    assert (f.total, f.sampled) == (2, 2)
    assert f.outlets == {"Caixin": 1, "Reuters": 1} and f.languages == {"en": 2}
    assert f.topics == {"tech_ai": 2, "economy_trade": 1}
    assert f.entities == {"org:huawei": 2, "gpe:shenzhen": 1}
    every = faceted.facet_counts("", StoryFilter(outlet="Caixin"))
    assert (every.total, every.languages, every.entities) == (2, {"en": 1, "zh": 1}, {"gpe:shenzhen": 2, "org:huawei": 2})
    newest = faceted.facet_counts("", sample=1)
    assert (newest.total, newest.sampled, newest.outlets, newest.exact) == (7, 1, {"Caixin": 1}, True)  # the latest added
    assert faceted.facet_counts("Huawei", sample=1).total == 2
    bounded = faceted.facet_counts("Huawei", StoryFilter(topic="tech_ai"), sample=1)
    assert (bounded.total, bounded.exact) == (1, False)  # at least one: counting all would join every match
    assert faceted.facet_counts("华为").languages == {"zh": 1}
    with pytest.raises(BadInput, match="a parenthesis is not closed"):
        faceted.facet_counts("(Huawei")


def test_schema_2_is_upgraded_with_an_entity_index(tmp_path, faceted):
    import shutil

    from sinodesk.archive import StoryFilter

    faceted.close()
    db = tmp_path / "v2.db"
    shutil.copy(tmp_path / "a.db", db)
    c = sqlite3.connect(db)
    c.executescript("DROP TABLE story_entities; UPDATE meta SET value = '2' WHERE key = 'schema_version';")
    for rid, data in c.execute("SELECT rid, data FROM stories").fetchall():  # a schema-2 file holds its rows as JSON text
        c.execute("UPDATE stories SET data = ? WHERE rid = ?", (json.dumps(unpack_json(data)), rid))
    c.commit()
    c.close()
    old = open_archive(str(db), read_only=True)
    assert sorted(h.story.story_id for h in old.search("Huawei")) == ["e1", "e2"]  # search needs schema 2 only
    with pytest.raises(ArchiveError, match=r"open it once with write access .* to count its facets$"):
        old.facet_counts("Huawei")
    old.close()
    upgraded = open_archive(str(db))
    assert [s.story_id for s in upgraded.iter_stories(StoryFilter(entity="gpe:shenzhen"))] == ["e1", "e3"]
    assert upgraded.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_story_rows_are_stored_packed_and_plain_json_rows_still_read(tmp_path, faceted):
    rows = faceted.conn.execute("SELECT story_id, data FROM stories ORDER BY rid").fetchall()
    assert rows and all(isinstance(data, bytes) and data[0] == 1 for _, data in rows)
    first = unpack_json(rows[0][1])
    assert first["story_id"] == rows[0][0] and pack_json(first) == rows[0][1]
    plain = json.dumps(first, ensure_ascii=False)
    assert len(rows[0][1]) < len(plain.encode()) / 2  # the dictionary's keys and values cost next to nothing
    before = faceted.get_story(rows[0][0])
    faceted.conn.execute("UPDATE stories SET data = ? WHERE story_id = ?", (plain, rows[0][0]))  # a row written before packing
    assert faceted.get_story(rows[0][0]) == before


def test_a_schema_4_archive_reads_as_it_is_and_is_numbered_5_on_first_write(tmp_path, faceted):
    from sinodesk.archive import StoryFilter

    before = [s for s in faceted.iter_stories(StoryFilter())]
    faceted.close()
    db = str(tmp_path / "a.db")
    c = sqlite3.connect(db)
    for rid, data in c.execute("SELECT rid, data FROM stories").fetchall():  # schema 4 wrote JSON text
        c.execute("UPDATE stories SET data = ? WHERE rid = ?", (json.dumps(unpack_json(data), ensure_ascii=False), rid))
    c.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    c.commit()
    c.close()
    old = open_archive(db, read_only=True)
    assert list(old.iter_stories(StoryFilter())) == before
    old.close()
    upgraded = open_archive(db)
    assert upgraded.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "5" == str(SCHEMA_VERSION)
    upgraded.put_stories([_story("e4", "Huawei again", "Huawei sold more phones.", outlet="Caixin", language="en")])
    kinds = dict(upgraded.conn.execute("SELECT story_id, typeof(data) FROM stories"))
    assert set(kinds.values()) == {"text", "blob"} and [k for k, v in kinds.items() if v == "blob"] == ["e4"]
    assert [s for s in upgraded.iter_stories(StoryFilter()) if s.story_id != "e4"] == before
    upgraded.close()
    c = sqlite3.connect(db)
    c.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    c.commit()
    c.close()
    with pytest.raises(ArchiveError, match=r"^archive schema 6 was written by a newer sinodesk \(this one reads up to 5\); upgrade sinodesk$"):
        open_archive(db)
