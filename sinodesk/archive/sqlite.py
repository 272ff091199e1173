"""SQLite archive: one file, WAL mode, FTS5 search over English and Chinese."""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import replace

from ..errors import NotFound
from ..records import Document, RawItem, Rejection, Story
from .base import Archive, BriefingInfo, StoryFilter
from .rows import (COPY_JOIN, STORY_COLUMNS, copy_of, filter_sql, finish_story, index_columns, pack_json, pack_story, story_dict,
                   text_of_line, unpack_json)
from .schema import is_readonly_error, open_connection, readonly_error
from .search import FullTextSearch, SideIndexUpkeep


class SQLiteArchive(SideIndexUpkeep, FullTextSearch, Archive):
    def __init__(self, path: str, *, create: bool = True, read_only: bool = False, search_index: bool = True):
        self.location = path
        self.read_only = read_only
        self.conn, self.version = open_connection(path, create=create, read_only=read_only)
        self._in_batch = False
        self._init_side_index(search_index and path != ":memory:")

    # transactions -------------------------------------------------------------------------
    @contextmanager
    def _writing(self):
        try:
            yield
        except sqlite3.OperationalError as exc:
            if is_readonly_error(exc):
                raise readonly_error(self.location) from None
            raise

    @contextmanager
    def batch(self, args: list[str]):
        with self._writing():
            self.conn.execute("BEGIN IMMEDIATE")
            self._in_batch = True
            try:
                cur = self.conn.execute("INSERT INTO batches (started, args) VALUES (?, ?)", (time.time(), json.dumps(args)))
                yield cur.lastrowid
                self._commit()
            except BaseException:
                self._rollback()
                raise
            finally:
                self._in_batch = False

    @contextmanager
    def _tx(self):
        if self._in_batch:
            yield
            return
        with self._writing():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._commit()
            except BaseException:
                self._rollback()
                raise

    def checkpoint(self):
        if not self._in_batch:
            return
        with self._writing():
            self._commit()
            self.conn.execute("BEGIN IMMEDIATE")

    def _commit(self):
        """COMMIT, the search index beside the archive kept in step (see :mod:`.sideindex`)."""
        seq = self._side_before_commit()
        self.conn.execute("COMMIT")
        self._side_after_commit(seq)

    def _rollback(self):
        self.conn.execute("ROLLBACK")
        self._side_forget()

    def finish_batch(self, batch_id, *, documents, stories, rejected):
        self.conn.execute(
            "UPDATE batches SET finished=?, documents=?, stories=?, rejected=? WHERE batch_id=?",
            (time.time(), documents, stories, rejected, batch_id),
        )

    # raw ------------------------------------------------------------------------------------
    def has_raw(self, raw_id):
        return self.conn.execute("SELECT 1 FROM raw WHERE raw_id=?", (raw_id,)).fetchone() is not None

    def raw_state(self, raw_id):
        row = self.conn.execute("SELECT pending FROM raw WHERE raw_id=?", (raw_id,)).fetchone()
        return None if row is None else "pending" if row[0] else "done"

    def put_raw(self, raw, batch_id):
        """Store the bytes once.  Earlier rejections of the same source for being unreadable or
        unfetchable are dropped: it has been read now."""
        rid = raw.sha256
        with self._tx():
            self.conn.execute("DELETE FROM rejects WHERE source=? AND (raw_id IS NULL OR stage='fetch')", (raw.source,))
            if self.has_raw(rid):
                return False
            seq = self.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM raw").fetchone()[0]
            self.conn.execute(
                "INSERT INTO raw (raw_id, seq, source, kind, url, content_type, data, batch_id, received, outlet, pending)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,1)",
                (rid, seq, raw.source, raw.kind, raw.url, raw.content_type, raw.data, batch_id, time.time(), raw.outlet),
            )
        return True

    def raw_done(self, raw_id):
        self.conn.execute("UPDATE raw SET pending=NULL WHERE raw_id=? AND pending IS NOT NULL", (raw_id,))

    def raw_ids(self):
        return [r for (r,) in self.conn.execute("SELECT raw_id FROM raw ORDER BY seq")]

    def get_raw(self, raw_id):
        row = self.conn.execute("SELECT source, kind, url, content_type, data, outlet FROM raw WHERE raw_id=?", (raw_id,)).fetchone()
        if row is None:
            raise NotFound(f"raw input {raw_id!r} is not in {self.location} (a story's page links to the raw input it came from)")
        source, kind, url, ctype, data, outlet = row
        return RawItem(source=source, data=bytes(data), kind=kind, url=url, content_type=ctype, outlet=outlet, digest=raw_id)

    # documents ------------------------------------------------------------------------------
    def has_document(self, doc_id):
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id=?", (doc_id,)).fetchone() is not None

    def was_rejected(self, raw_id):
        return self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM rejects WHERE raw_id=?) AND NOT EXISTS (SELECT 1 FROM documents WHERE raw_id=?)",
            (raw_id, raw_id)).fetchone()[0] == 1

    def put_document(self, doc, batch_id, *, item: bytes = b"", at: int = -1):
        """Store a document.  A JSONL document whose text is its line's "text" as stored in the
        raw input (``item``: the line's bytes, at byte ``at`` of the input) keeps only where
        that line is, and its text is read back from the raw bytes."""
        text, size = doc.text, None
        if at >= 0 and item and doc.kind == "jsonl" and doc.encoding in ("utf-8", "utf-8-sig") and text_of_line(item) == doc.text:
            text, size = "", len(item)
        self.conn.execute(
            "INSERT INTO documents (doc_id, raw_id, source, kind, item_key, text, title, url, outlet, published, author, encoding,"
            " batch_id, ingested, item_at, item_len) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.doc_id, doc.raw_id, doc.source, doc.kind, doc.item_key, text, doc.title, doc.url, doc.outlet,
             doc.published, doc.author, doc.encoding, batch_id, time.time(), at if size else None, size),
        )

    def get_document(self, doc_id):
        row = self.conn.execute(
            "SELECT doc_id, raw_id, source, kind, text, title, url, outlet, published, author, encoding, item_key, "
            + ("item_at, item_len" if self.version >= 4 else "NULL, NULL") + " FROM documents WHERE doc_id=?", (doc_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"document {doc_id!r} is not in {self.location} (see 'sinodesk stories')")
        doc = Document(*row[:11], html=None, item_key=row[11] or "")
        if row[13]:
            doc = replace(doc, text=self._doc_texts([doc_id])[doc_id])
        return doc

    def _doc_texts(self, doc_ids) -> dict[str, str]:
        """The texts of these documents; those kept as a line of their raw input are read from it."""
        out: dict[str, str] = {}
        ids = list(doc_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows = self.conn.execute(
                "SELECT d.doc_id, d.text, d.item_at, d.item_len, r.rowid FROM documents d JOIN raw r ON r.raw_id = d.raw_id"
                f" WHERE d.doc_id IN ({','.join('?' * len(chunk))}) ORDER BY r.rowid, d.item_at", chunk).fetchall()
            blob, blob_of = None, None
            try:
                for doc_id, text, at, size, raw_rowid in rows:
                    if not size:
                        out[doc_id] = text
                        continue
                    if blob_of != raw_rowid:
                        if blob is not None:
                            blob.close()
                        blob, blob_of = self.conn.blobopen("raw", "data", raw_rowid, readonly=True), raw_rowid
                    blob.seek(at)
                    out[doc_id] = text_of_line(blob.read(size))
            finally:
                if blob is not None:
                    blob.close()
        return out

    def _stories(self, rows) -> list[Story]:
        """Stories from (data, event_id, duplicate_of) rows, texts kept as pieces joined from their documents."""
        dicts = [story_dict(r) for r in rows]
        texts = self._doc_texts({d["doc_id"] for d in dicts if "tp" in d})
        return [finish_story(d, texts.get(d["doc_id"])) for d in dicts]

    # stories --------------------------------------------------------------------------------
    def put_stories(self, stories, doc=None, packed=None):
        """Insert new stories, replace stored ones.  Only a story that was already there has an
        index row to delete (found by its integer key, not by scanning the index).  A story's text
        is kept as pieces of its document's text (``doc``, or the stored one) where it can be."""
        texts = {doc.doc_id: doc.text} if doc is not None else {}
        with self._tx():
            for seq, s in enumerate(stories):
                done = packed[seq] if packed is not None else None
                if done is None:
                    if s.doc_id not in texts:
                        texts.update(self._doc_texts([s.doc_id]))
                    done = pack_story(s, texts.get(s.doc_id))
                row = (s.doc_id, seq, s.published, s.outlet, s.language, s.headline, ",".join(s.topics),
                       s.event_id, s.duplicate_of, done.row)
                old = self.conn.execute(f"SELECT rid, {STORY_COLUMNS} FROM stories s WHERE story_id=?", (s.story_id,)).fetchone()
                if old is None:
                    rid = self.conn.execute(
                        "INSERT INTO stories (story_id, doc_id, seq, published, outlet, language, headline, topics, event_id,"
                        " duplicate_of, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)", (s.story_id, *row)).lastrowid
                else:
                    rid = old[0]
                    self.conn.execute(
                        "UPDATE stories SET doc_id=?, seq=?, published=?, outlet=?, language=?, headline=?, topics=?, event_id=?,"
                        " duplicate_of=?, data=? WHERE rid=?", (*row, rid))
                    gone = self._stories([old[1:]])[0]  # the index keeps no text: its row is deleted by what was indexed
                    self.conn.execute("INSERT INTO stories_fts (stories_fts, rowid, headline, body, zh_bi, zh_uni) VALUES ('delete',?,?,?,?,?)",
                                      (rid, *index_columns(gone.headline, gone.text)))
                cols = (s.headline or "", s.text, done.zh_bi, done.zh_uni)  # = index_columns(s.headline, s.text)
                self.conn.execute("INSERT INTO stories_fts (rowid, headline, body, zh_bi, zh_uni) VALUES (?,?,?,?,?)", (rid, *cols))
                self._side_changed(rid, s, cols)
                if old is not None:
                    self.conn.execute("DELETE FROM story_entities WHERE rid=?", (rid,))
                self.conn.executemany("INSERT OR IGNORE INTO story_entities (canonical, rid) VALUES (?,?)",
                                      [(c, rid) for c in {e.canonical for e in s.entities}])

    def update_links(self, links):
        with self._tx():
            self.conn.executemany("UPDATE stories SET event_id=?, duplicate_of=? WHERE story_id=?",
                                  [(event_id, dup, sid) for sid, (event_id, dup) in links.items()])

    def merge_events(self, mapping):
        with self._tx():
            self.conn.executemany("UPDATE stories SET event_id=? WHERE event_id=?", [(new, old) for old, new in mapping.items() if old != new])

    def move_stories(self, mapping):
        with self._tx():
            self.conn.executemany("UPDATE stories SET event_id=? WHERE story_id=?", [(new, sid) for sid, new in mapping.items()])

    def get_story(self, story_id):
        row = self.conn.execute(f"SELECT {STORY_COLUMNS} FROM stories s WHERE story_id=?", (story_id,)).fetchone()
        if row is None:
            rows = self.conn.execute(f"SELECT {STORY_COLUMNS} FROM stories s WHERE story_id LIKE ? LIMIT 2", (story_id + "%",)).fetchall()
            if len(rows) == 1 and len(story_id) >= 4:
                row = rows[0]
            else:
                raise NotFound(f"story {story_id!r} is not in {self.location} (list ids with 'sinodesk stories')")
        return self._stories([row])[0]

    def iter_stories(self, flt=StoryFilter()):
        """Stories in order, read a few hundred at a time (an export of a million stories holds
        their ids, not their data)."""
        if flt.entity:
            self._need_version(3, "to filter it by entity")
        if flt.limit is not None and flt.limit <= 0:
            return
        where, args = filter_sql(flt)
        if flt.collapse_copies:
            inner, inner_args = filter_sql(flt, "o")
            where.append("(s.duplicate_of IS NULL OR NOT EXISTS (SELECT 1 FROM stories o WHERE "
                         + " AND ".join([copy_of("s"), *inner]) + "))")
            args.extend(inner_args)
        sql = "SELECT s.rowid FROM stories s JOIN documents d ON d.doc_id = s.doc_id"  # (rid in schema 2 on; rowid reads schema 1)
        if where:
            sql += " WHERE " + " AND ".join(where)
        # newest first: the date index walked backwards (a descending sort puts undated stories last),
        # ties most recently stored first; sorting on the documents' columns instead read every row
        sql += " ORDER BY " + ("s.published DESC, s.rowid DESC" if flt.newest_first else "d.ingested, d.rowid, s.seq")
        if flt.limit is not None:
            sql += f" LIMIT {int(flt.limit)}"
        rids = [r for (r,) in self.conn.execute(sql, args)]
        for i in range(0, len(rids), 500):
            chunk = rids[i : i + 500]
            rows = {r[0]: r[1:] for r in self.conn.execute(
                f"SELECT rowid, {STORY_COLUMNS} FROM stories s WHERE rowid IN ({','.join('?' * len(chunk))})", chunk)}
            yield from self._stories([rows[rid] for rid in chunk])

    def count(self):
        q = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "raw": q("SELECT COUNT(*) FROM raw"),
            "documents": q("SELECT COUNT(*) FROM documents"),
            "stories": q("SELECT COUNT(*) FROM stories"),
            "rejects": q("SELECT COUNT(*) FROM rejects"),
            "events": q("SELECT COUNT(DISTINCT event_id) FROM stories WHERE event_id IS NOT NULL"),
        }

    def outlet_counts(self):
        return dict(self.conn.execute("SELECT outlet, COUNT(*) FROM stories WHERE outlet IS NOT NULL GROUP BY outlet"))

    def copies_of(self, story_id):
        found, frontier = [], [story_id]
        seen = {story_id}
        while frontier:
            marks = ",".join("?" * len(frontier))
            rows = self.conn.execute(f"SELECT c.story_id, {STORY_COLUMNS.replace('s.', 'c.')} FROM stories c JOIN stories o ON {COPY_JOIN}"
                                     f" WHERE c.duplicate_of IN ({marks}) ORDER BY c.rid", frontier).fetchall()
            frontier = [r[0] for r in rows if r[0] not in seen]
            seen.update(frontier)
            found.extend(self._stories([r[1:] for r in rows if r[0] in frontier]))
        return found

    def copy_counts(self, story_ids):
        out: dict[str, int] = {}
        for i in range(0, len(story_ids), 500):
            chunk = story_ids[i : i + 500]
            out.update(self.conn.execute(
                f"SELECT c.duplicate_of, COUNT(*) FROM stories c JOIN stories o ON {COPY_JOIN}"
                f" WHERE c.duplicate_of IN ({','.join('?' * len(chunk))}) GROUP BY c.duplicate_of",
                chunk))
        return out

    def clear_derived(self):
        with self._tx():
            self.conn.execute("INSERT INTO stories_fts (stories_fts) VALUES ('delete-all')")
            self._side_cleared()
            self.conn.execute("DELETE FROM story_entities")
            self.conn.execute("DELETE FROM stories")
            self.conn.execute("DELETE FROM documents")
            self.conn.execute("DELETE FROM rejects WHERE raw_id IS NOT NULL")
            self.conn.execute("DELETE FROM state WHERE key LIKE 'linker%'")
            self.conn.execute("DELETE FROM linker_rows")
            self.conn.execute("DELETE FROM incidents")

    # incidents ------------------------------------------------------------------------------
    def put_incidents(self, incidents):
        with self._tx():
            for inc in incidents:
                self.conn.execute("INSERT OR REPLACE INTO incidents VALUES (?,?,?,?)",
                                  (inc["incident_id"], inc.get("first_seen"), inc.get("last_seen"), json.dumps(inc, ensure_ascii=False)))

    def set_incident_ids(self, ids):
        with self._tx():
            for sid, inc_ids in ids.items():
                row = self.conn.execute("SELECT data FROM stories WHERE story_id=?", (sid,)).fetchone()
                if row is None:
                    continue
                d = unpack_json(row[0])
                for mention, inc_id in zip(d.get("incidents") or (), inc_ids):
                    mention["incident_id"] = inc_id
                self.conn.execute("UPDATE stories SET data=? WHERE story_id=?", (pack_json(d), sid))

    def iter_incidents(self, since=None):
        sql = "SELECT data FROM incidents"
        args: tuple = ()
        if since:
            sql += " WHERE last_seen IS NULL OR last_seen >= ?"
            args = (since,)
        for (data,) in self.conn.execute(sql + " ORDER BY COALESCE(first_seen, ''), rowid", args).fetchall():
            yield json.loads(data)

    def incidents_of(self, story_id):
        """Records whose JSON holds the id (a text scan, no JSON parsing), checked against their sources."""
        rows = self.conn.execute("SELECT data FROM incidents WHERE instr(data, ?) > 0 ORDER BY COALESCE(first_seen, ''), rowid",
                                 (json.dumps(story_id),)).fetchall()
        recs = [json.loads(data) for (data,) in rows]
        return [r for r in recs if any(src.get("story_id") == story_id for src in r.get("sources", ()))]

    def get_incident(self, incident_id):
        rows = self.conn.execute("SELECT data FROM incidents WHERE incident_id=?", (incident_id,)).fetchall()
        if not rows and len(incident_id) >= 4:
            rows = self.conn.execute("SELECT data FROM incidents WHERE incident_id LIKE ? LIMIT 2", (incident_id + "%",)).fetchall()
        if len(rows) != 1:
            raise NotFound(f"incident {incident_id!r} is not in {self.location} (list ids with 'sinodesk incidents')")
        return json.loads(rows[0][0])

    # rejects --------------------------------------------------------------------------------
    def add_reject(self, rej, batch_id):
        with self._tx():
            cur = self.conn.execute(
                "UPDATE rejects SET batch_id=?, stage=?, reason=?, data=?, at=? WHERE source=? AND item=? AND raw_id IS ?",
                (batch_id, rej.stage, rej.reason, rej.data, time.time(), rej.source, rej.item, rej.raw_id),
            )
            if cur.rowcount == 0:
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

    def drop_active_model(self, kind):
        with self._tx():
            row = self.conn.execute("SELECT version FROM models WHERE kind=? AND active=1 ORDER BY created DESC LIMIT 1", (kind,)).fetchone()
            if row is None:
                return None, None
            self.conn.execute("DELETE FROM models WHERE kind=? AND version=?", (kind, row[0]))
            prev = self.conn.execute("SELECT version FROM models WHERE kind=? ORDER BY created DESC LIMIT 1", (kind,)).fetchone()
            if prev is not None:
                self.conn.execute("UPDATE models SET active=1 WHERE kind=? AND version=?", (kind, prev[0]))
            return row[0], None if prev is None else prev[0]

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

    # the event linker's rows (sinodesk/stages/cluster/store.py) -----------------------------
    def get_rows(self, kind, keys):
        keys = list(dict.fromkeys(keys))
        out = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            out.update(self.conn.execute(f"SELECT key, value FROM linker_rows WHERE kind = ? AND key IN ({','.join('?' * len(chunk))})",
                                         (kind, *chunk)))
        return {k: bytes(v) for k, v in out.items()}

    def scan_rows(self, kind):
        for k, v in self.conn.execute("SELECT key, value FROM linker_rows WHERE kind = ? ORDER BY key", (kind,)):
            yield k, bytes(v)

    def put_rows(self, kind, rows):
        with self._tx():
            self.conn.executemany("INSERT OR REPLACE INTO linker_rows VALUES (?,?,?)", ((kind, k, v) for k, v in rows.items()))

    def delete_rows(self, kind, keys):
        with self._tx():
            self.conn.executemany("DELETE FROM linker_rows WHERE kind = ? AND key = ?", ((kind, k) for k in keys))

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
