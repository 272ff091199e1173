"""The desk verbs as an analyst uses them (issue 20, points 6-10): exact outputs and exit codes.

Items are written here for the tests (fictional).  Exit codes: 0 done or nothing to do, 1 an
error or nothing could be ingested, 2 usage, 3 a bug (see sinodesk/cli/common.py).
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import click
import pytest

from .conftest import ROOT

NEWS = [
    {"title": "Botnet hits cloud provider in Hangzhou", "outlet": "Radio Free Asia", "date": "2025-03-02",
     "url": "https://www.rfa.org/english/news/china/botnet-hangzhou.html",
     "text": "A botnet flooded a Hangzhou cloud provider with traffic on Sunday, knocking payment services offline for six hours, engineers at the company said."},
    {"title": "DeepSeek service slowed by attacks", "outlet": "Global Times", "date": "2025-01-30",
     "url": "https://www.globaltimes.cn/page/202501/deepseek-attacks.shtml",
     "text": "DeepSeek said its chat service slowed after a wave of attacks from abroad; the company limited new sign-ups for two days while engineers filtered the traffic."},
    {"title": "DeepSeek model tops app charts", "outlet": "Taipei Times", "date": "2025-01-28",
     "url": "https://www.taipeitimes.com/News/biz/archives/2025/01/28/deepseek-charts",
     "text": "DeepSeek's new reasoning model topped app store charts in several countries this week, overtaking rival chat apps for the first time."},
    {"title": "駭客攻擊政府網路系統", "outlet": "中央社", "date": "2025-02-10", "url": "https://www.cna.com.tw/news/aipl/202502100001.aspx",
     "text": "一群駭客週一攻擊多個政府機關的網路系統，資安單位表示已經封鎖可疑連線，並提醒民眾更新密碼。"},
    {"title": "黑客攻击多个网络平台", "outlet": "环球时报", "date": "2025-02-12", "url": "https://www.huanqiu.com/article/hacker-platforms",
     "text": "一群黑客周三攻击了多个网络平台，有关部门表示已阻断可疑连接并展开调查，提醒用户及时修改密码。"},
    # the RFA item again, from another outlet a day later: a near-duplicate
    {"title": "Botnet hits cloud provider in Hangzhou", "outlet": "The Guardian", "date": "2025-03-03",
     "url": "https://www.theguardian.com/world/2025/mar/03/botnet-hangzhou-cloud",
     "text": "A botnet flooded a Hangzhou cloud provider with traffic on Sunday, knocking payment services offline for six hours, engineers at the company said."},
    {"title": "Rail freight volumes rise again", "outlet": "Northern Provinces Logistics and Freight Weekly Review",
     "text": "Rail freight volumes rose again in the spring as ports reopened, a logistics group said in its monthly note to members."},
]
RFA, GT_DEEPSEEK, TT_DEEPSEEK, CNA_ZH, GT_ZH, GUARDIAN, FREIGHT = (
    "4651e928aaec", "e2e4e0458c86", "cd90c1aa160c", "9c1b5f22a352", "0c9225a22bd2", "03b5bf3e6fc1", "b6800a8b470c")


def _cli(*args, cwd, input=None, user=None):
    """The real CLI in a subprocess; ``user`` runs it as that uid and gid (root only, with setpriv)."""
    as_user = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups"] if user is not None else []
    return subprocess.run([*as_user, sys.executable, "-m", "sinodesk", *map(str, args)], input=input, capture_output=True,
                          cwd=cwd, timeout=300)


def _out(r) -> list[str]:
    return r.stdout.decode().splitlines()


def _err(r) -> str:
    return r.stderr.decode().strip()


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    d = tmp_path_factory.mktemp("desk")
    (d / "news.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in NEWS) + "\n", encoding="utf-8")
    r = _cli("ingest", "news.jsonl", "--db", "desk.db", cwd=d)
    assert (r.returncode, _out(r)) == (0, ["ingested 7 documents (7 stories), rejected 0"]), _err(r)
    assert _err(r) == ""  # no progress bar when not at a terminal
    return d


def search_ids(desk, *args):
    r = _cli("search", *args, "--db", "desk.db", "--json", cwd=desk)
    assert r.returncode == 0, _err(r)
    return [json.loads(x)["story_id"] for x in _out(r)]


# -- 6. read-only and shared archives ---------------------------------------------------------

@pytest.fixture
def shared_folder(desk):
    """The archive copied into a folder only root may write to, read by another user."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to read the archive as another user (chmod does not stop the owner)")
    probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", "import sinodesk"],
                           capture_output=True, cwd="/", timeout=60)
    if probe.returncode != 0:
        pytest.skip("another user cannot import this checkout's sinodesk (cloned into a private folder such as mktemp -d)")
    folder = Path(tempfile.mkdtemp(dir="/tmp", prefix="sinodesk-shared-"))
    try:
        shutil.copy(desk / "desk.db", folder / "desk.db")
        folder.chmod(0o755)
        (folder / "desk.db").chmod(0o644)
        yield folder
    finally:
        shutil.rmtree(folder)


def test_read_only_archive_opens_for_reading(shared_folder):
    nobody = 65534
    db = shared_folder / "desk.db"
    r = _cli("stories", "--db", db, "--limit", "3", cwd=shared_folder, user=nobody)
    # the undated story has the ingest day, starred, and the star is explained on stderr
    assert (r.returncode, _err(r)) == (0, "* no date found in the story or its source: the day it was ingested"), _err(r)
    assert [ln.split()[0] for ln in _out(r)] == [FREIGHT, RFA, GT_ZH]
    r = _cli("search", "DeepSeek", "--db", db, cwd=shared_folder, user=nobody)
    assert r.returncode == 0 and _out(r)[0].startswith(TT_DEEPSEEK)
    r = _cli("show", RFA, "--db", db, cwd=shared_folder, user=nobody)
    assert r.returncode == 0 and _out(r)[0] == "Botnet hits cloud provider in Hangzhou"
    r = _cli("export", "--db", db, cwd=shared_folder, user=nobody)
    assert r.returncode == 0 and len(_out(r)) == 7
    r = _cli("ingest", "-", "--db", db, cwd=shared_folder, user=nobody, input=b"A short item about rail freight volumes.\n")
    assert (r.returncode, _err(r)) == (1, (
        f"Error: {db}: cannot write to this archive (the file or its folder is read-only for you); reading commands "
        "(stories, search, show, export) still work: copy it somewhere writable to change it"))
    assert sorted(p.name for p in shared_folder.iterdir()) == ["desk.db"]  # nothing written beside it


def test_files_that_are_not_archives_say_so(tmp_path, desk):
    (tmp_path / "notes.txt").write_text("meeting notes\n", encoding="utf-8")
    r = _cli("stories", "--db", "notes.txt", cwd=tmp_path)
    assert (r.returncode, _err(r)) == (1, "Error: notes.txt: not a sinodesk archive (the file is not a SQLite database); "
                                          "pass the archive's path to --db")
    other = sqlite3.connect(tmp_path / "other.db")
    other.execute("CREATE TABLE bookmarks (url TEXT)")
    other.commit()
    other.close()
    for verb in (("stories",), ("ingest", "-")):
        r = _cli(*verb, "--db", "other.db", cwd=tmp_path, input=b"x\n")
        assert (r.returncode, _err(r)) == (1, "Error: other.db: a SQLite database, but not a sinodesk archive (it has no stories "
                                              "table); pass the archive's path to --db")
    r = _cli("ingest", "-", "--db", "no/such/folder/desk.db", cwd=tmp_path, input=b"x\n")
    assert (r.returncode, _err(r)) == (1, "Error: no/such/folder/desk.db: folder no/such/folder does not exist (create it, or pass "
                                          "another --db)")
    (tmp_path / "empty.db").write_bytes(b"")
    r = _cli("search", "x", "--db", "empty.db", cwd=tmp_path)
    assert (r.returncode, _err(r)) == (1, "Error: empty.db: empty file, not a sinodesk archive (pass the archive's path to --db)")


_V1_STORY = "story_id, doc_id, seq, published, outlet, language, headline, topics, event_id, duplicate_of, data"


def _old_layout(desk, db, version: int):
    """Copy the desk's archive to ``db`` in the layout of schema ``version`` (1: no integer key, the
    index keyed by story_id; 3: the web UI's, the entity index added): every text in full -- in the
    story's JSON, in the index, in its document -- and no pending mark on raw items.  Returns the
    stories and document texts the current archive reads back."""
    from sinodesk.archive import open_archive
    from sinodesk.archive.textindex import cjk_index_columns
    from sinodesk.serialize import story_to_dict

    shutil.copy(desk / "desk.db", db)
    current = open_archive(str(db), read_only=True)
    stories = list(current.iter_stories())
    doc_texts = {d: current.get_document(d).text for d in {x.doc_id for x in stories}}
    current.close()
    c = sqlite3.connect(db)
    key = "story_id UNINDEXED, " if version == 1 else ""
    c.executescript(f"""
        CREATE TABLE s1 (
            story_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id), seq INTEGER, published TEXT,
            outlet TEXT, language TEXT, headline TEXT, topics TEXT, event_id TEXT, duplicate_of TEXT, data TEXT NOT NULL);
        INSERT INTO s1 SELECT {_V1_STORY} FROM stories;
        CREATE VIRTUAL TABLE f1 USING fts5({key}headline, body, zh_bi, zh_uni, tokenize = 'unicode61 remove_diacritics 2');""")
    rids = dict(c.execute("SELECT story_id, rid FROM stories"))
    for x in stories:
        c.execute("UPDATE s1 SET data = ? WHERE story_id = ?", (json.dumps(story_to_dict(x), ensure_ascii=False), x.story_id))
        cols = (x.headline or "", x.text, *cjk_index_columns((x.headline or "") + "\n" + x.text))
        c.execute(f"INSERT INTO f1 VALUES ({','.join('?' * (len(cols) + 1))})" if version == 1 else
                  "INSERT INTO f1 (rowid, headline, body, zh_bi, zh_uni) VALUES (?,?,?,?,?)", (x.story_id if version == 1 else rids[x.story_id], *cols))
    c.executemany("UPDATE documents SET text = ? WHERE doc_id = ?", [(t, d) for d, t in doc_texts.items()])
    c.executescript("ALTER TABLE documents DROP COLUMN item_at; ALTER TABLE documents DROP COLUMN item_len; DROP TABLE stories_fts;"
                    " ALTER TABLE f1 RENAME TO stories_fts;")
    if version == 1:
        c.executescript("""
            CREATE TABLE r1 (raw_id TEXT PRIMARY KEY, seq INTEGER, source TEXT NOT NULL, kind TEXT NOT NULL, url TEXT,
                content_type TEXT, data BLOB NOT NULL, batch_id INTEGER, received REAL);
            INSERT INTO r1 SELECT raw_id, seq, source, kind, url, content_type, data, batch_id, received FROM raw;
            DROP TABLE stories; DROP TABLE raw; DROP TABLE story_entities; DROP INDEX IF EXISTS documents_raw;
            ALTER TABLE s1 RENAME TO stories; ALTER TABLE r1 RENAME TO raw;""")
    else:  # the stories table as it is; their JSON holds the text and the linker's two columns
        c.executescript("""
            UPDATE stories SET data = (SELECT data FROM s1 WHERE s1.story_id = stories.story_id);
            DROP TABLE s1; DROP INDEX stories_search; ALTER TABLE raw DROP COLUMN pending;""")
    c.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    c.commit()
    c.close()
    return stories, doc_texts


def _reads_back_after_an_ingest(db, tmp_path, stories, doc_texts):
    from sinodesk.archive import open_archive
    from sinodesk.archive.schema import SCHEMA_VERSION
    from sinodesk.serialize import story_to_dict

    r = _cli("ingest", "-", "--db", db, cwd=tmp_path, input="Beijing, May 2 -- Rail freight volumes rose again.\n".encode())
    assert r.returncode == 0, _err(r)
    r = _cli("search", "DeepSeek", "--db", db, "--json", cwd=tmp_path)
    assert [json.loads(x)["story_id"] for x in _out(r)] == [TT_DEEPSEEK, GT_DEEPSEEK]
    assert sqlite3.connect(db).execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    upgraded = open_archive(str(db), read_only=True)  # every story and document reads back as it was
    assert [story_to_dict(x) for x in upgraded.iter_stories()][: len(stories)] == [story_to_dict(x) for x in stories]
    assert {d: upgraded.get_document(d).text for d in doc_texts} == doc_texts
    return upgraded


def test_an_archive_of_schema_1_is_upgraded_on_first_write(tmp_path, desk):
    db = tmp_path / "old.db"
    stories, doc_texts = _old_layout(desk, db, 1)
    r = _cli("search", "DeepSeek", "--db", db, cwd=tmp_path)
    assert (r.returncode, _err(r)) == (1, f"Error: {db}: this archive was written by an older sinodesk; open it once with write "
                                          "access (any 'sinodesk ingest' or 'sinodesk reprocess' upgrades it) to search it")
    assert len(_out(_cli("stories", "--db", db, cwd=tmp_path))) == 6  # reading stories needs no upgrade
    _reads_back_after_an_ingest(db, tmp_path, stories, doc_texts)


def test_an_archive_of_the_web_schema_3_is_read_then_upgraded(tmp_path, desk):
    """Schema 3 (the entity index) kept the text in the index and every document; 4 does not."""
    from sinodesk.archive import StoryFilter, open_archive

    db = tmp_path / "v3.db"
    stories, doc_texts = _old_layout(desk, db, 3)
    entity = next(e.canonical for x in stories for e in x.entities)
    naming = [x.story_id for x in stories if entity in {e.canonical for e in x.entities}]
    old = open_archive(str(db), read_only=True)  # read as it is: search, facets, entities, documents
    assert [h.story.story_id for h in old.search("DeepSeek")] == [TT_DEEPSEEK, GT_DEEPSEEK]
    assert old.facet_counts("DeepSeek").total == 2
    assert [x.story_id for x in old.iter_stories(StoryFilter(entity=entity))] == naming
    assert {d: old.get_document(d).text for d in doc_texts} == doc_texts
    old.close()
    upgraded = _reads_back_after_an_ingest(db, tmp_path, stories, doc_texts)
    assert [x.story_id for x in upgraded.iter_stories(StoryFilter(entity=entity))][: len(naming)] == naming
    assert "content = ''" in upgraded.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'stories_fts'").fetchone()[0]
    assert upgraded.conn.execute("SELECT count(*) FROM raw WHERE pending IS NOT NULL").fetchone()[0] == 0
    upgraded.close()
    r = _cli("reprocess", "--db", db, cwd=tmp_path)  # the index rows copied over are deleted and rebuilt
    assert r.returncode == 0, _err(r)
    r = _cli("search", "DeepSeek", "--db", db, "--json", cwd=tmp_path)
    assert [json.loads(x)["story_id"] for x in _out(r)] == [TT_DEEPSEEK, GT_DEEPSEEK]


# -- 7. search ----------------------------------------------------------------------------------

def test_search_operators(desk):
    assert search_ids(desk, "DeepSeek") == [TT_DEEPSEEK, GT_DEEPSEEK]
    assert search_ids(desk, "DeepSeek -attacks") == [TT_DEEPSEEK]
    assert search_ids(desk, "DeepSeek NOT attacks") == [TT_DEEPSEEK]
    assert search_ids(desk, "-attacks DeepSeek") == [TT_DEEPSEEK]
    assert search_ids(desk, "NEAR(DeepSeek attacks)") == [GT_DEEPSEEK]
    assert search_ids(desk, "(charts OR sign-ups) DeepSeek") == [TT_DEEPSEEK, GT_DEEPSEEK]
    assert search_ids(desk, "headline:tops") == [TT_DEEPSEEK]
    r = _cli("search", "NEAR(DeepSeek botnet)", "--db", "desk.db", cwd=desk)
    assert (r.returncode, _out(r), _err(r)) == (
        0, [], "no stories match 'NEAR(DeepSeek botnet)' (NEAR finds words at most 10 apart; widen it: NEAR(a b, 30))")


@pytest.mark.parametrize("query, why", [
    ("NEAR(网络 攻击)", "NEAR works on English words only; for Chinese, search the words together ('网络攻击') or apart ('网络 攻击')"),
    ("NEAR(DeepSeek)", "NEAR needs two or more words: NEAR(DeepSeek botnet) or NEAR(DeepSeek botnet, 5)"),
    ("-botnet", "a search cannot only exclude words; add a word to look for, e.g. 'DeepSeek -botnet'"),
    ("*", 'nothing to search for (give a word, a "phrase" or Chinese characters)'),
    ("(DeepSeek", "a parenthesis is not closed; close it or remove it"),
    ("DeepSeek)", "a closing parenthesis has no opening one; remove it"),
    ("DeepSeek OR", "OR needs a term on each side"),
    ("DeepSeek AND", "AND needs a term on each side"),
    ("title:DeepSeek", "'title:' is not a search field (use headline:)"),
    ("outlet:rfa botnet", "'outlet:' is not a search field (use --outlet)"),
])
def test_search_syntax_the_index_cannot_take_is_explained(desk, query, why):
    r = _cli("search", query, "--db", "desk.db", cwd=desk)
    assert (r.returncode, _err(r)) == (1, f"Error: search {query!r}: {why}")


def test_search_filters(desk):
    assert search_ids(desk, "DeepSeek", "--since", "2025-01-29") == [GT_DEEPSEEK]
    assert search_ids(desk, "DeepSeek", "--until", "2025-01-29") == [TT_DEEPSEEK]
    assert search_ids(desk, "DeepSeek", "--outlet", "taipei-times") == [TT_DEEPSEEK]
    assert search_ids(desk, "DeepSeek", "--family", "PRC state") == [GT_DEEPSEEK]
    assert search_ids(desk, "密码", "--lang", "zh", "--topic", "cyber") == [CNA_ZH, GT_ZH]
    assert search_ids(desk, "DeepSeek", "--lang", "zh") == []
    r = _cli("search", "DeepSeek", "--db", "desk.db", "--since", "last week", cwd=desk)
    assert (r.returncode, _err(r)) == (1, "Error: --since 'last week': expected an ISO date (2024-03-01) or a span like 7d, 4w, 6m")


def test_search_json_hits_carry_date_outlet_url_event(desk):
    r = _cli("search", "botnet", "--db", "desk.db", "--json", cwd=desk)
    (hit,) = [json.loads(x) for x in _out(r)]
    assert list(hit) == ["story_id", "score", "published", "outlet", "url", "event_id", "language", "topics", "headline",
                         "snippet", "copies"]
    assert (hit["story_id"], hit["published"], hit["outlet"], hit["url"], hit["copies"]) == (
        RFA, "2025-03-02", "Radio Free Asia", "https://www.rfa.org/english/news/china/botnet-hangzhou.html", [GUARDIAN])
    assert hit["event_id"].startswith("ev-") and hit["snippet"].startswith("A [botnet] flooded")


@pytest.mark.parametrize("query", ["网络", "網路", "網絡", "黑客", "駭客"])
def test_taiwan_and_mainland_wording_find_each_other(desk, query):
    # 網路 (Taiwan) / 网络 (mainland) and 駭客 / 黑客: OpenCC's tw2sp phrase tables, on both sides
    assert sorted(search_ids(desk, query)) == sorted([CNA_ZH, GT_ZH])


# -- 8. outlets and near-duplicates -------------------------------------------------------------

def test_outlet_by_id_alias_and_family(desk):
    def listed(*args):
        r = _cli("stories", "--db", "desk.db", *args, cwd=desk)
        assert r.returncode == 0, _err(r)
        return [ln.split()[0] for ln in _out(r)]

    assert listed("--outlet", "rfa") == [RFA]
    assert listed("--outlet", "環球時報") == [GT_ZH, GT_DEEPSEEK]  # stored as "Global Times"
    assert listed("--outlet", "Northern Provinces Logistics and Freight Weekly Review") == [FREIGHT]
    assert listed("--family", "taiwan") == [CNA_ZH, TT_DEEPSEEK]
    assert listed("--family", "Western press") == [GUARDIAN]  # its original is not listed: it stands alone
    r = _cli("stories", "--db", "desk.db", "--outlet", "rfaa", cwd=desk)
    assert (r.returncode, _err(r)) == (1, "Error: --outlet 'rfaa': no outlet by that id, name or alias in the registry or in this "
                                          "archive (look it up with 'sinodesk outlets NAME')")
    r = _cli("stories", "--db", "desk.db", "--family", "Mainland press", cwd=desk)
    assert r.returncode == 1 and _err(r).startswith("Error: --family 'Mainland press': not an owner family (one of: PRC state, ")


def test_stories_newest_first_copies_folded_no_column_cut(desk):
    r = _cli("stories", "--db", "desk.db", cwd=desk)
    import datetime as dt

    today = dt.date.today().isoformat()  # an undated story takes the ingest day (published_source "ingested")
    assert _out(r) == [
        f"{FREIGHT}  {today}* Northern Provinces Logistics and Freight Weekly Review  Rail freight volumes rise again",
        f"{RFA}  2025-03-02  Radio Free Asia      Botnet hits cloud provider in Hangzhou  (+1 copy)",
        f"{GT_ZH}  2025-02-12  Global Times         黑客攻击多个网络平台",
        f"{CNA_ZH}  2025-02-10  Central News Agency  駭客攻擊政府網路系統",
        f"{GT_DEEPSEEK}  2025-01-30  Global Times         DeepSeek service slowed by attacks",
        f"{TT_DEEPSEEK}  2025-01-28  Taipei Times         DeepSeek model tops app charts",
    ]
    assert _err(r) == "* no date found in the story or its source: the day it was ingested"
    assert [ln.split()[0] for ln in _out(_cli("stories", "--db", "desk.db", "--copies", cwd=desk))][:3] == [FREIGHT, GUARDIAN, RFA]
    r = _cli("stories", "--db", "desk.db", "--limit", "0", cwd=desk)
    assert (r.returncode, r.stdout, r.stderr) == (0, b"", b"")
    assert [ln.split()[0] for ln in _out(_cli("stories", "--db", "desk.db", "--limit", "2", cwd=desk))] == [FREIGHT, RFA]
    assert _cli("stories", "--db", "desk.db", "--limit", "-1", cwd=desk).returncode == 2


def test_show_lists_the_copies(desk):
    out = _out(_cli("show", RFA, "--db", "desk.db", cwd=desk))
    assert out[out.index("      copies: 1 near-duplicate of this story") + 1] == (
        f"              {GUARDIAN}  2025-03-03  The Guardian  Botnet hits cloud provider in Hangzhou")
    assert f"duplicate of: {RFA}" in _out(_cli("show", GUARDIAN, "--db", "desk.db", cwd=desk))


def test_ingest_outlet_sets_the_outlet_of_plain_files(tmp_path):
    (tmp_path / "note.txt").write_text("Fishing fleets returned early as a typhoon neared the coast, port officials said on Monday.\n",
                                       encoding="utf-8")
    r = _cli("ingest", "note.txt", "--outlet", "環球時報", "--db", "o.db", cwd=tmp_path)
    assert r.returncode == 0, _err(r)
    (row,) = [json.loads(x) for x in _out(_cli("export", "--db", "o.db", cwd=tmp_path))]
    assert row["outlet"] == "Global Times"
    assert _cli("reprocess", "--db", "o.db", cwd=tmp_path).returncode == 0  # the outlet is kept with the raw bytes
    assert json.loads(_out(_cli("export", "--db", "o.db", cwd=tmp_path))[0])["outlet"] == "Global Times"
    r = _cli("ingest", "note.txt", "--outlet", "Harbin Evening Post", "--db", "o.db", cwd=tmp_path)
    assert (r.returncode, _err(r)) == (1, (
        "Error: --outlet 'Harbin Evening Post': not in the outlet registry (look it up with 'sinodesk outlets NAME'; to add "
        "your own, write an [[outlet]] with id and name to a file listed in sinodesk.toml's outlets)"))
    (tmp_path / "mine.toml").write_text('[[outlet]]\nid = "harbin-post"\nname = "Harbin Evening Post"\n', encoding="utf-8")
    (tmp_path / "sinodesk.toml").write_text('outlets = ["mine.toml"]\n', encoding="utf-8")
    (tmp_path / "note2.txt").write_text("Ice sculptors began work on the festival's main hall, organisers said.\n", encoding="utf-8")
    r = _cli("ingest", "note2.txt", "--outlet", "harbin-post", "--db", "o.db", cwd=tmp_path)
    assert r.returncode == 0, _err(r)
    r = _cli("stories", "--db", "o.db", "--family", "Harbin Evening Post", "--json", cwd=tmp_path)
    assert [json.loads(x)["outlet"] for x in _out(r)] == ["Harbin Evening Post"]


# -- 9. exit codes and messages -----------------------------------------------------------------

def test_version_and_usage_exit_codes(tmp_path):
    from sinodesk import __version__

    r = _cli("--version", cwd=tmp_path)
    assert (r.returncode, _out(r)) == (0, [f"sinodesk {__version__}"])
    r = _cli("stories", "--bogus", cwd=tmp_path)
    assert r.returncode == 2 and _err(r).endswith("Error: No such option '--bogus'.")


def _guarded(exc: BaseException, capsys) -> tuple[int, str]:
    from sinodesk.cli.common import run_guarded

    @click.group()
    def grp():
        pass

    @grp.command()
    def boom():
        raise exc

    with pytest.raises(SystemExit) as ended:
        run_guarded(grp, ["boom"])
    return ended.value.code, capsys.readouterr().err.strip()


def test_bugs_exit_3_and_path_mistakes_are_user_errors(capsys):
    assert _guarded(KeyError("x"), capsys) == (
        3, "Error: internal error (KeyError: 'x'); run again with --debug and report the traceback")
    assert _guarded(PermissionError(13, "Permission denied", "/srv/out.jsonl"), capsys) == (
        1, "Error: /srv/out.jsonl: Permission denied (check the path and its permissions)")


def test_export_to_a_folder_is_a_user_error(desk):
    r = _cli("export", "--db", "desk.db", "-o", ".", cwd=desk)
    assert (r.returncode, _err(r)) == (1, "Error: export -o .: is a folder; give a file name, e.g. -o stories.jsonl")
    r = _cli("export", "--db", "desk.db", "-o", "no/such/dir/x.csv", "--format", "csv", cwd=desk)
    assert (r.returncode, _err(r)) == (1, "Error: export -o no/such/dir/x.csv: folder no/such/dir does not exist (create it first or "
                                          "pick another path)")


def test_exit_1_only_when_nothing_could_be_ingested(tmp_path):
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    r = _cli("ingest", "blob.txt", "--db", "x.db", cwd=tmp_path)
    assert r.returncode == 1 and _out(r) == ["ingested 0 documents (0 stories), rejected 1 — see 'sinodesk rejects'"]
    r = _cli("ingest", "blob.txt", "--db", "x.db", cwd=tmp_path)  # the same bytes again: still nothing ingested
    assert (r.returncode, _out(r)) == (1, ["ingested 0 documents (0 stories), rejected 0, 1 rejected before and unchanged — see "
                                           "'sinodesk rejects'"])
    (tmp_path / "ok.txt").write_text("Beijing, May 2 -- Rail freight volumes rose again as ports reopened.\n", encoding="utf-8")
    r = _cli("ingest", "blob.txt", "ok.txt", "missing.txt", "--db", "x.db", cwd=tmp_path)
    assert r.returncode == 0 and _out(r)[0].startswith("ingested 1 document (1 story), rejected 1")
    r = _cli("ingest", "ok.txt", "--db", "x.db", cwd=tmp_path)  # nothing to do
    assert (r.returncode, _out(r)) == (0, ["ingested 0 documents (0 stories), rejected 0, 1 already in the archive"])


def test_rejects_do_not_grow_with_retries_and_a_bad_url_line_spares_the_rest(tmp_path, http_server):
    (http_server.root / "a.html").write_text(
        "<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1><p>The port of Ningbo reopened on "
        "Tuesday after a two-day closure for a storm, its operator said, and ships began to unload.</p></article></body></html>",
        encoding="utf-8")
    (tmp_path / "list.txt").write_text(
        f"# my sources\n{http_server.base}/a.html\nnot a url at all\n{http_server.base}/missing.html\n", encoding="utf-8")
    for _ in range(2):
        r = _cli("ingest", "list.txt", "missing.txt", "--db", "u.db", cwd=tmp_path)
        assert r.returncode == 0, _err(r)
    rejects = [json.loads(x) for x in _out(_cli("rejects", "--db", "u.db", "--json", cwd=tmp_path))]
    assert [(x["item"], x["reason"]) for x in rejects] == [
        ("line 3", "list.txt line 3: 'not a url at all' is not a URL (expected http:// or https://)"),
        ("line 4", f"list.txt line 4: {http_server.base}/missing.html: server answered HTTP 404 (check the URL)"),
        ("", "missing.txt: no such file or directory (check the path)"),
    ]
    assert [json.loads(x)["headline"] for x in _out(_cli("export", "--db", "u.db", cwd=tmp_path))] == ["Port reopens"]


def test_progress_counts_items_and_stays_quiet_when_piped(tmp_path):
    from sinodesk.archive import open_archive
    from sinodesk.cli.progress import LazyProgress, progress_wanted
    from sinodesk.pipeline import Runner
    from sinodesk.settings import Settings

    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert progress_wanted(Tty(), Tty()) is True
    assert progress_wanted(io.StringIO(), Tty()) is False  # stdout piped
    assert progress_wanted(Tty(), io.StringIO()) is False  # stderr to a file

    (tmp_path / "news.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in NEWS[:5]) + "\n", encoding="utf-8")
    (tmp_path / "one.txt").write_text("Beijing, May 2 -- Rail freight volumes rose again as ports reopened.\n", encoding="utf-8")

    class Counting(LazyProgress):
        pass

    progress = Counting("ingesting", enabled=False)
    db = str(tmp_path / "p.db")
    Runner(open_archive(db), Settings(db=db), progress=progress).ingest([str(tmp_path / "news.jsonl"), str(tmp_path / "one.txt")])
    assert (progress._total, progress._done) == (6, 6)  # 5 JSONL lines + 1 file, not 2 files


# -- 10. folders and compressed inputs ----------------------------------------------------------

PAGE = ("<html><head><title>Typhoon closes ports</title></head><body><article><h1>Typhoon closes ports</h1><p>Ports in Fujian "
        "closed on Monday as a typhoon approached, and fishing fleets were ordered back to harbour, officials said.</p></article>"
        "</body></html>")
FEED = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Coast Desk</title><item><title>Ferries "
        "suspended</title><link>https://coast.example/ferries</link><description>Ferries to the islands were suspended for a "
        "second day as waves rose, the operator said.</description></item></channel></rss>")


def _folder(root: Path) -> None:
    (root / "notes").mkdir(parents=True)
    (root / "LICENSE").write_text("MIT License\n\nPermission is hereby granted...\n", encoding="utf-8")
    (root / "LICENSE.rss-parser.MIT.txt").write_text("MIT License\n", encoding="utf-8")
    (root / "README.md").write_text("# A crawl\n\nPages saved in May.\n", encoding="utf-8")
    (root / "manifest.json").write_text('[{"file": "page.html.gz"}]\n', encoding="utf-8")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (root / "notes" / "digest.txt").write_text("Beijing, May 2 -- Rail freight volumes rose again as ports reopened.\n", encoding="utf-8")
    (root / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (root / "feed.xml.bz2").write_bytes(bz2.compress(FEED.encode()))
    (root / "items.jsonl.xz").write_bytes(lzma.compress((json.dumps(NEWS[2]) + "\n").encode()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("crawl/page2.html", PAGE.replace("Typhoon closes ports", "Second typhoon closes ports"))
        zf.writestr("crawl/LICENSE", "MIT License\n")
    (root / "bundle.zip").write_bytes(buf.getvalue())


def test_folder_rule_skips_what_is_not_news_and_says_so(tmp_path):
    _folder(tmp_path / "in")
    r = _cli("ingest", "in", "--db", "f.db", "--json", cwd=tmp_path)
    assert r.returncode == 0, _err(r)
    summary = json.loads(r.stdout)
    assert summary["skipped"] == ["in/LICENSE", "in/LICENSE.rss-parser.MIT.txt", "in/README.md", "in/bundle.zip/crawl/LICENSE",
                                  "in/logo.png", "in/manifest.json"]
    assert (summary["documents"], summary["rejected"]) == (5, 0)  # zip page, feed entry, JSONL line, digest, gzip page
    rows = [json.loads(x) for x in _out(_cli("export", "--db", "f.db", cwd=tmp_path))]
    assert sorted(r["source"] for r in rows) == ["in/bundle.zip/crawl/page2.html", "in/feed.xml.bz2", "in/items.jsonl.xz",
                                                 "in/notes/digest.txt", "in/page.html.gz"]
    r = _cli("ingest", "in", "--db", "g.db", "--include", "*.md", "--exclude", "notes/*", cwd=tmp_path)
    assert r.returncode == 0
    assert _out(r) == ["ingested 5 documents (5 stories), rejected 0, skipped 6 files not taken as news (LICENSE, "
                       "LICENSE.rss-parser.MIT.txt, LICENSE, …; --include GLOB takes them)"]  # README.md in, notes/ out


def test_compressed_inputs_are_capped(tmp_path):
    (tmp_path / "sinodesk.toml").write_text("[ingest]\nmax_file_bytes = 100000\nmax_unpacked_bytes = 150000\n", encoding="utf-8")
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"0" * 200_000))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(3):
            zf.writestr(f"part{i}.txt", f"Item {i}: ".encode() + b"freight " * 9_000)
    (tmp_path / "many.zip").write_bytes(buf.getvalue())
    r = _cli("ingest", "bomb.txt.gz", "many.zip", "--db", "b.db", cwd=tmp_path)
    reasons = [json.loads(x)["reason"] for x in _out(_cli("rejects", "--db", "b.db", "--json", cwd=tmp_path))]
    assert reasons == [
        "bomb.txt.gz: unpacks to more than 100,000 bytes (limit: [ingest] max_file_bytes); it may be a zip bomb: unpack it "
        "yourself and check it, or raise the limit",
        "many.zip: its files unpack to more than 150,000 bytes in all (limit: [ingest] max_unpacked_bytes); it may be a zip "
        "bomb: unpack it yourself and check it, or raise the limit",
    ]
    assert r.returncode == 0 and _out(r)[0].startswith("ingested 2 documents")  # the two parts within the cap


def test_a_compressed_feed_by_url_is_unpacked(tmp_path, http_server):
    (http_server.root / "coast.xml.gz").write_bytes(gzip.compress(FEED.encode()))
    r = _cli("ingest", f"{http_server.base}/coast.xml.gz", "--db", "c.db", cwd=tmp_path)
    assert (r.returncode, _out(r)) == (0, ["ingested 1 document (1 story), rejected 0"]), _err(r)
    (row,) = [json.loads(x) for x in _out(_cli("export", "--db", "c.db", cwd=tmp_path))]
    assert (row["headline"], row["outlet"], row["url"]) == ("Ferries suspended", "Coast Desk", "https://coast.example/ferries")


def test_an_input_whose_items_were_all_seen_before_is_not_a_failure(tmp_path):
    lines = "\n".join(json.dumps(x, ensure_ascii=False) for x in NEWS[1:3]) + "\n"
    (tmp_path / "a.jsonl").write_text(lines, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(lines + "\n", encoding="utf-8")  # other bytes, the same two items
    assert _cli("ingest", "a.jsonl", "--db", "r.db", cwd=tmp_path).returncode == 0
    r = _cli("ingest", "b.jsonl", "--db", "r.db", cwd=tmp_path)
    assert (r.returncode, _out(r)) == (0, ["ingested 0 documents (0 stories), rejected 0, 2 repeated items (same content as one "
                                           "already in)"])
    r = _cli("ingest", "b.jsonl", "--db", "r.db", cwd=tmp_path)
    assert (r.returncode, _out(r)) == (0, ["ingested 0 documents (0 stories), rejected 0, 1 already in the archive"])
