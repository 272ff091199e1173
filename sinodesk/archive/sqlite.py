"""SQLite archive: one file, WAL mode, FTS5 search over English and Chinese."""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path

from ..errors import ArchiveError, NotFound
from ..records import Document, RawItem, Rejection, Story
from ..serialize import story_from_dict, story_to_dict
from .base import Archive, BriefingInfo, SearchHit, StoryFilter
from .textindex import cjk_index_columns, fts_query

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS batches (
    batch_id INTEGER PRIMARY KEY, started REAL, finished REAL, args TEXT,
    documents INTEGER DEFAULT 0, stories INTEGER DEFAULT 0, rejected INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS raw (
    raw_id TEXT PRIMARY KEY, seq INTEGER, source TEXT NOT NULL, kind TEXT NOT NULL, url TEXT,
    content_type TEXT, data BLOB NOT NULL, batch_id INTEGER, received REAL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, raw_id TEXT NOT NULL REFERENCES raw(raw_id), source TEXT, kind TEXT,
    item_key TEXT, text TEXT NOT NULL, title TEXT, url TEXT, outlet TEXT, published TEXT, author TEXT,
    encoding TEXT, batch_id INTEGER, ingested REAL);
CREATE TABLE IF NOT EXISTS stories (
    story_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id), seq INTEGER,
    published TEXT, outlet TEXT, language TEXT, headline TEXT, topics TEXT, event_id TEXT,
    duplicate_of TEXT, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS stories_doc ON stories(doc_id, seq);
CREATE INDEX IF NOT EXISTS stories_event ON stories(event_id);
CREATE INDEX IF NOT EXISTS stories_published ON stories(published);
CREATE VIRTUAL TABLE IF NOT EXISTS stories_fts USING fts5(
    story_id UNINDEXED, headline, body, zh_bi, zh_uni, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS rejects (
    reject_id INTEGER PRIMARY KEY, batch_id INTEGER, source TEXT, item TEXT, stage TEXT, reason TEXT,
    data BLOB, raw_id TEXT, at REAL);
CREATE TABLE IF NOT EXISTS labels (
    story_id TEXT, kind TEXT, labels TEXT, at REAL, PRIMARY KEY (story_id, kind));
CREATE TABLE IF NOT EXISTS models (
    kind TEXT, version TEXT, blob BLOB, meta TEXT, created REAL, active INTEGER DEFAULT 1,
    PRIMARY KEY (kind, version));
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS incidents (
    incident_id TEXT PRIMARY KEY, first_seen TEXT, last_seen TEXT, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS incidents_last ON incidents(last_seen);
CREATE TABLE IF NOT EXISTS briefings (
    briefing_id INTEGER PRIMARY KEY, name TEXT NOT NULL, created REAL, since TEXT, until TEXT, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS briefings_name ON briefings(name, briefing_id);
"""


_FILTERS = (
    ("since", "s.published >= ?"),
    ("until", "s.published <= ?"),
    ("outlet", "lower(s.outlet) = lower(?)"),
    ("language", "s.language = ?"),
    ("event_id", "s.event_id = ?"),
    ("doc_id", "s.doc_id = ?"),
    ("topic", "(',' || s.topics || ',') LIKE ?"),
)


class SQLiteArchive(Archive):
    def __init__(self, path: str, *, create: bool = True):
        self.location = path
        p = Path(path)
        if not create and not p.exists():
            raise ArchiveError(f"{path}: no archive here (run 'sinodesk ingest ... --db {path}' first, or pass the right --db)")
        if p.exists() and p.is_dir():
            raise ArchiveError(f"{path}: is a directory, not an archive file (pass a file path to --db)")
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.executescript(SCHEMA)
            self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"{path}: not a sinodesk archive ({exc}); pass another --db or move the file away") from None
        self._in_batch = False

    # transactions -------------------------------------------------------------------------
    @contextmanager
    def batch(self, args: list[str]):
        self.conn.execute("BEGIN IMMEDIATE")
        self._in_batch = True
        try:
            cur = self.conn.execute("INSERT INTO batches (started, args) VALUES (?, ?)", (time.time(), json.dumps(args)))
            yield cur.lastrowid
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        finally:
            self._in_batch = False

    @contextmanager
    def _tx(self):
        if self._in_batch:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def finish_batch(self, batch_id, *, documents, stories, rejected):
        self.conn.execute(
            "UPDATE batches SET finished=?, documents=?, stories=?, rejected=? WHERE batch_id=?",
            (time.time(), documents, stories, rejected, batch_id),
        )

    # raw ------------------------------------------------------------------------------------
    def has_raw(self, raw_id):
        return self.conn.execute("SELECT 1 FROM raw WHERE raw_id=?", (raw_id,)).fetchone() is not None

    def put_raw(self, raw, batch_id):
        rid = raw.sha256
        if self.has_raw(rid):
            return False
        seq = self.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM raw").fetchone()[0]
        self.conn.execute(
            "INSERT INTO raw VALUES (?,?,?,?,?,?,?,?,?)",
            (rid, seq, raw.source, raw.kind, raw.url, raw.content_type, raw.data, batch_id, time.time()),
        )
        return True

    def iter_raw(self):
        for source, kind, url, ctype, data in self.conn.execute("SELECT source, kind, url, content_type, data FROM raw ORDER BY seq"):
            yield RawItem(source=source, data=bytes(data), kind=kind, url=url, content_type=ctype)

    # documents ------------------------------------------------------------------------------
    def has_document(self, doc_id):
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id=?", (doc_id,)).fetchone() is not None

    def put_document(self, doc, batch_id):
        self.conn.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.doc_id, doc.raw_id, doc.source, doc.kind, doc.item_key, doc.text, doc.title, doc.url, doc.outlet,
             doc.published, doc.author, doc.encoding, batch_id, time.time()),
        )

    def get_document(self, doc_id):
        row = self.conn.execute(
            "SELECT doc_id, raw_id, source, kind, text, title, url, outlet, published, author, encoding, item_key FROM documents WHERE doc_id=?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"document {doc_id!r} is not in {self.location} (see 'sinodesk stories')")
        return Document(*row[:11], html=None, item_key=row[11] or "")

    # stories --------------------------------------------------------------------------------
    def put_stories(self, stories):
        with self._tx():
            for seq, s in enumerate(stories):
                d = story_to_dict(s)
                self.conn.execute(
                    "INSERT OR REPLACE INTO stories VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (s.story_id, s.doc_id, seq, s.published, s.outlet, s.language, s.headline, ",".join(s.topics),
                     s.event_id, s.duplicate_of, json.dumps(d, ensure_ascii=False)),
                )
                bi, uni = cjk_index_columns((s.headline or "") + "\n" + s.text)
                self.conn.execute("DELETE FROM stories_fts WHERE story_id=?", (s.story_id,))
                self.conn.execute("INSERT INTO stories_fts VALUES (?,?,?,?,?)", (s.story_id, s.headline or "", s.text, bi, uni))

    def update_links(self, links):
        with self._tx():
            for sid, (event_id, dup) in links.items():
                row = self.conn.execute("SELECT data FROM stories WHERE story_id=?", (sid,)).fetchone()
                if row is None:
                    continue
                d = json.loads(row[0])
                d["event_id"], d["duplicate_of"] = event_id, dup
                self.conn.execute(
                    "UPDATE stories SET event_id=?, duplicate_of=?, data=? WHERE story_id=?",
                    (event_id, dup, json.dumps(d, ensure_ascii=False), sid),
                )

    def merge_events(self, mapping):
        with self._tx():
            for old, new in mapping.items():
                if old == new:
                    continue
                rows = self.conn.execute("SELECT story_id, data FROM stories WHERE event_id=?", (old,)).fetchall()
                self._set_events((sid, data, new) for sid, data in rows)

    def move_stories(self, mapping):
        with self._tx():
            for sid, new in mapping.items():
                row = self.conn.execute("SELECT data FROM stories WHERE story_id=?", (sid,)).fetchone()
                if row is not None:
                    self._set_events([(sid, row[0], new)])

    def _set_events(self, rows) -> None:
        for sid, data, new in rows:
            d = json.loads(data)
            d["event_id"] = new
            self.conn.execute("UPDATE stories SET event_id=?, data=? WHERE story_id=?",
                              (new, json.dumps(d, ensure_ascii=False), sid))

    def get_story(self, story_id):
        row = self.conn.execute("SELECT data FROM stories WHERE story_id=?", (story_id,)).fetchone()
        if row is None:
            rows = self.conn.execute("SELECT data FROM stories WHERE story_id LIKE ? LIMIT 2", (story_id + "%",)).fetchall()
            if len(rows) == 1 and len(story_id) >= 4:
                row = rows[0]
            else:
                raise NotFound(f"story {story_id!r} is not in {self.location} (list ids with 'sinodesk stories')")
        return story_from_dict(json.loads(row[0]))

    def iter_stories(self, flt=StoryFilter()):
        where, args = [], []
        for attr, cond in _FILTERS:
            value = getattr(flt, attr)
            if value:
                if flt.dated_by_ingest and attr in ("since", "until"):
                    cond = cond.replace("s.published", "COALESCE(s.published, date(d.ingested, 'unixepoch'))")
                where.append(cond)
                args.append(f"%,{value},%" if attr == "topic" else value)
        sql = "SELECT s.data FROM stories s JOIN documents d ON d.doc_id = s.doc_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.ingested, d.rowid, s.seq"
        if flt.limit:
            sql += f" LIMIT {int(flt.limit)}"
        for (data,) in self.conn.execute(sql, args).fetchall():
            yield story_from_dict(json.loads(data))

    def count(self):
        q = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "raw": q("SELECT COUNT(*) FROM raw"),
            "documents": q("SELECT COUNT(*) FROM documents"),
            "stories": q("SELECT COUNT(*) FROM stories"),
            "rejects": q("SELECT COUNT(*) FROM rejects"),
            "events": q("SELECT COUNT(DISTINCT event_id) FROM stories WHERE event_id IS NOT NULL"),
        }

    def search(self, query, *, limit=20):
        expr = fts_query(query)
        if not expr:
            return []
        try:
            rows = self.conn.execute(
                "SELECT s.data, bm25(stories_fts, 0, 4.0, 1.0, 1.0, 1.0) AS score,"
                " snippet(stories_fts, 2, '[', ']', ' … ', 12) FROM stories_fts"
                " JOIN stories s ON s.story_id = stories_fts.story_id"
                " WHERE stories_fts MATCH ? ORDER BY score LIMIT ?",
                (expr, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            from ..errors import BadInput

            raise BadInput(f"search {query!r}: cannot run this query ({exc}); simplify it or quote phrases") from None
        hits = []
        for data, score, snip in rows:
            story = story_from_dict(json.loads(data))
            if not snip.strip() or "[" not in snip:
                snip = _cjk_snippet(story, query)
            hits.append(SearchHit(story, -score, snip))
        return hits

    def clear_derived(self):
        with self._tx():
            self.conn.execute("DELETE FROM stories_fts")
            self.conn.execute("DELETE FROM stories")
            self.conn.execute("DELETE FROM documents")
            self.conn.execute("DELETE FROM rejects WHERE raw_id IS NOT NULL")
            self.conn.execute("DELETE FROM state WHERE key LIKE 'linker%'")
            self.conn.execute("DELETE FROM incidents")

    # incidents ------------------------------------------------------------------------------
    def put_incidents(self, incidents):
        with self._tx():
            for inc in incidents:
                self.conn.execute("INSERT OR REPLACE INTO incidents VALUES (?,?,?,?)",
                                  (inc["incident_id"], inc.get("first_seen"), inc.get("last_seen"), json.dumps(inc, ensure_ascii=False)))

    def iter_incidents(self, since=None):
        sql = "SELECT data FROM incidents"
        args: tuple = ()
        if since:
            sql += " WHERE last_seen IS NULL OR last_seen >= ?"
            args = (since,)
        for (data,) in self.conn.execute(sql + " ORDER BY COALESCE(first_seen, ''), rowid", args).fetchall():
            yield json.loads(data)

    def get_incident(self, incident_id):
        rows = self.conn.execute("SELECT data FROM incidents WHERE incident_id=?", (incident_id,)).fetchall()
        if not rows and len(incident_id) >= 4:
            rows = self.conn.execute("SELECT data FROM incidents WHERE incident_id LIKE ? LIMIT 2", (incident_id + "%",)).fetchall()
        if len(rows) != 1:
            raise NotFound(f"incident {incident_id!r} is not in {self.location} (list ids with 'sinodesk incidents')")
        return json.loads(rows[0][0])

    # rejects --------------------------------------------------------------------------------
    def add_reject(self, rej, batch_id):
        self.conn.execute(
            "INSERT INTO rejects (batch_id, source, item, stage, reason, data, raw_id, at) VALUES (?,?,?,?,?,?,?,?)",
            (batch_id, rej.source, rej.item, rej.stage, rej.reason, rej.data, rej.raw_id, time.time()),
        )

    def iter_rejects(self):
        for rid, source, item, stage, reason, data, raw_id, at in self.conn.execute(
            "SELECT reject_id, source, item, stage, reason, data, raw_id, at FROM rejects ORDER BY reject_id"
        ):
            yield rid, Rejection(source, stage, reason, bytes(data or b""), item or "", raw_id), time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(at))

    # labels, models, state ------------------------------------------------------------------
    def add_label(self, story_id, labels, kind="topics"):
        self.get_story(story_id)
        with self._tx():
            self.conn.execute("INSERT OR REPLACE INTO labels VALUES (?,?,?,?)", (story_id, kind, json.dumps(list(labels)), time.time()))

    def labels(self, kind="topics"):
        return {sid: tuple(json.loads(lab)) for sid, lab in self.conn.execute("SELECT story_id, labels FROM labels WHERE kind=? ORDER BY at", (kind,))}

    def save_model(self, kind, version, blob, meta):
        with self._tx():
            self.conn.execute("UPDATE models SET active=0 WHERE kind=?", (kind,))
            self.conn.execute("INSERT OR REPLACE INTO models VALUES (?,?,?,?,?,1)", (kind, version, blob, json.dumps(meta), time.time()))

    def load_model(self, kind):
        row = self.conn.execute("SELECT version, blob, meta FROM models WHERE kind=? AND active=1 ORDER BY created DESC LIMIT 1", (kind,)).fetchone()
        return None if row is None else (row[0], bytes(row[1]), json.loads(row[2]))

    def list_models(self, kind):
        return [
            {"version": v, "created": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(c)), "active": bool(a), "meta": json.loads(m)}
            for v, c, a, m in self.conn.execute("SELECT version, created, active, meta FROM models WHERE kind=? ORDER BY created", (kind,))
        ]

    def get_state(self, key):
        row = self.conn.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def set_state(self, key, value):
        with self._tx():
            if value is None:
                self.conn.execute("DELETE FROM state WHERE key=?", (key,))
            else:
                self.conn.execute("INSERT OR REPLACE INTO state VALUES (?,?)", (key, value))

    # briefings ------------------------------------------------------------------------------
    def save_briefing(self, name, since, until, data):
        with self._tx():
            cur = self.conn.execute("INSERT INTO briefings (name, created, since, until, data) VALUES (?,?,?,?,?)",
                                    (name, time.time(), since, until, json.dumps(data, ensure_ascii=False)))
        return cur.lastrowid

    def get_briefing(self, briefing_id):
        row = self.conn.execute("SELECT data FROM briefings WHERE briefing_id=?", (int(briefing_id),)).fetchone()
        if row is None:
            raise NotFound(f"briefing {briefing_id} is not in {self.location} (list them with 'sinodesk brief --list')")
        return json.loads(row[0])

    def list_briefings(self, name=None):
        sql = "SELECT briefing_id, name, created, since, until FROM briefings"
        rows = self.conn.execute(sql + (" WHERE name=? ORDER BY briefing_id" if name else " ORDER BY briefing_id"),
                                 (name,) if name else ()).fetchall()
        return [BriefingInfo(bid, n, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(c)), s, u) for bid, n, c, s, u in rows]

    def close(self):
        self.conn.close()


def _cjk_snippet(story: Story, query: str, width: int = 30) -> str:
    from .textindex import CJK_RUN, to_simplified

    text = story.text
    simp = to_simplified(text)
    for run in CJK_RUN.findall(query):
        i = simp.find(to_simplified(run))
        if i >= 0:
            a, b = max(0, i - width), min(len(text), i + len(run) + width)
            return ("… " if a else "") + text[a:i] + "[" + text[i : i + len(run)] + "]" + text[i + len(run) : b] + (" …" if b < len(text) else "")
    return text[: 2 * width].replace("\n", " ")
