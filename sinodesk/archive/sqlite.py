"""SQLite archive: one file, WAL mode, FTS5 search over English and Chinese."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from contextlib import contextmanager

from ..errors import ArchiveError, NotFound
from ..records import Document, RawItem, Rejection, Story
from ..serialize import story_from_dict, story_to_dict
from .base import Archive, BriefingInfo, FacetCounts, SearchHit, StoryFilter
from .schema import is_readonly_error, open_connection, readonly_error
from .textindex import cjk_index_columns, fold, fts_query, query_runs, to_simplified

_FILTERS = (
    ("since", "{a}.published >= ?"),
    ("until", "{a}.published < ?"),
    ("outlet", "lower({a}.outlet) = lower(?)"),
    ("language", "{a}.language = ?"),
    ("event_id", "{a}.event_id = ?"),
    ("doc_id", "{a}.doc_id = ?"),
    ("topic", "(',' || {a}.topics || ',') LIKE ?"),
    ("entity", "{a}.rid IN (SELECT rid FROM story_entities WHERE canonical = ?)"),
)


# story ``c`` is a near-duplicate of story ``o``: the linker says so and they come from different
# documents (stories split from one document share its URL but are not copies of each other)
def _copy_of(c: str = "c", o: str = "o") -> str:
    return f"{c}.duplicate_of = {o}.story_id AND {c}.doc_id != {o}.doc_id"


_COPY = _copy_of()


def _filter_sql(flt: StoryFilter, a: str = "s") -> tuple[list[str], list]:
    """WHERE conditions (on the stories table called ``a``) and their arguments."""
    where, args = [], []
    for attr, cond in _FILTERS:
        value = getattr(flt, attr)
        if value:
            if flt.dated_by_ingest and attr in ("since", "until") and a == "s":
                # a story with no published date counts as of its document's ingest day
                cond = cond.replace("{a}.published", "COALESCE({a}.published, date(d.ingested, 'unixepoch'))")
            where.append(cond.format(a=a))
            if attr == "topic":
                value = f"%,{value},%"
            elif attr == "until":  # on/before the day, whatever time of day is stored
                value = (dt.date.fromisoformat(value[:10]) + dt.timedelta(days=1)).isoformat()
            args.append(value)
    if flt.outlets is not None:
        where.append(f"{a}.outlet IN ({','.join('?' * len(flt.outlets))})" if flt.outlets else "0")
        args.extend(flt.outlets)
    return where, args


class SQLiteArchive(Archive):
    def __init__(self, path: str, *, create: bool = True, read_only: bool = False):
        self.location = path
        self.read_only = read_only
        self.conn, self.version = open_connection(path, create=create, read_only=read_only)
        self._in_batch = False

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
        with self._writing():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    def checkpoint(self):
        if not self._in_batch:
            return
        with self._writing():
            self.conn.execute("COMMIT")
            self.conn.execute("BEGIN IMMEDIATE")

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
        """Insert new stories, replace stored ones.  Only a story that was already there has an
        index row to delete (found by its integer key, not by scanning the index)."""
        with self._tx():
            for seq, s in enumerate(stories):
                row = (s.doc_id, seq, s.published, s.outlet, s.language, s.headline, ",".join(s.topics),
                       s.event_id, s.duplicate_of, json.dumps(story_to_dict(s), ensure_ascii=False))
                old = self.conn.execute("SELECT rid FROM stories WHERE story_id=?", (s.story_id,)).fetchone()
                if old is None:
                    rid = self.conn.execute(
                        "INSERT INTO stories (story_id, doc_id, seq, published, outlet, language, headline, topics, event_id,"
                        " duplicate_of, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)", (s.story_id, *row)).lastrowid
                else:
                    rid = old[0]
                    self.conn.execute(
                        "UPDATE stories SET doc_id=?, seq=?, published=?, outlet=?, language=?, headline=?, topics=?, event_id=?,"
                        " duplicate_of=?, data=? WHERE rid=?", (*row, rid))
                    self.conn.execute("DELETE FROM stories_fts WHERE rowid=?", (rid,))
                bi, uni = cjk_index_columns((s.headline or "") + "\n" + s.text)
                self.conn.execute("INSERT INTO stories_fts (rowid, headline, body, zh_bi, zh_uni) VALUES (?,?,?,?,?)",
                                  (rid, s.headline or "", s.text, bi, uni))
                if old is not None:
                    self.conn.execute("DELETE FROM story_entities WHERE rid=?", (rid,))
                self.conn.executemany("INSERT OR IGNORE INTO story_entities (canonical, rid) VALUES (?,?)",
                                      [(c, rid) for c in {e.canonical for e in s.entities}])

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
        if flt.entity:
            self._need_version(3, "to filter it by entity")
        if flt.limit is not None and flt.limit <= 0:
            return
        where, args = _filter_sql(flt)
        if flt.collapse_copies:
            inner, inner_args = _filter_sql(flt, "o")
            where.append("(s.duplicate_of IS NULL OR NOT EXISTS (SELECT 1 FROM stories o WHERE "
                         + " AND ".join([_copy_of("s"), *inner]) + "))")
            args.extend(inner_args)
        sql = "SELECT s.data FROM stories s JOIN documents d ON d.doc_id = s.doc_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        # newest first: the date index walked backwards (a descending sort puts undated stories last),
        # ties most recently stored first; sorting on the documents' columns instead read every row
        sql += " ORDER BY " + ("s.published DESC, s.rowid DESC" if flt.newest_first else "d.ingested, d.rowid, s.seq")
        if flt.limit is not None:
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

    def outlet_counts(self):
        return dict(self.conn.execute("SELECT outlet, COUNT(*) FROM stories WHERE outlet IS NOT NULL GROUP BY outlet"))

    def copies_of(self, story_id):
        found, frontier = [], [story_id]
        seen = {story_id}
        while frontier:
            marks = ",".join("?" * len(frontier))
            rows = self.conn.execute(f"SELECT c.story_id, c.data FROM stories c JOIN stories o ON {_COPY}"
                                     f" WHERE c.duplicate_of IN ({marks}) ORDER BY c.rid", frontier).fetchall()
            frontier = [sid for sid, _ in rows if sid not in seen]
            seen.update(frontier)
            found.extend(story_from_dict(json.loads(data)) for sid, data in rows if sid in frontier)
        return found

    def copy_counts(self, story_ids):
        out: dict[str, int] = {}
        for i in range(0, len(story_ids), 500):
            chunk = story_ids[i : i + 500]
            out.update(self.conn.execute(
                f"SELECT c.duplicate_of, COUNT(*) FROM stories c JOIN stories o ON {_COPY}"
                f" WHERE c.duplicate_of IN ({','.join('?' * len(chunk))}) GROUP BY c.duplicate_of",
                chunk))
        return out

    def search(self, query, *, limit=20, flt=StoryFilter()):
        """Score first, fetch after: the index ranks its rows (joined by integer key to the story
        columns a filter needs), and only the hits kept are read and given snippets."""
        expr = fts_query(query)
        if limit <= 0:
            return []
        self._need_version(2 if not flt.entity else 3, "to search it")
        where, args = _filter_sql(flt)
        sql = "SELECT stories_fts.rowid, bm25(stories_fts, 4.0, 1.0, 1.0, 1.0) AS score FROM stories_fts"
        if where:
            sql += " JOIN stories s ON s.rid = stories_fts.rowid"
        sql += " WHERE stories_fts MATCH ?" + "".join(" AND " + w for w in where) + " ORDER BY score LIMIT ?"
        want = limit + 5  # a few spare: copies fold into their originals; more are fetched if many fold
        while True:
            try:
                ranked = self.conn.execute(sql, [expr, *args, want]).fetchall()
            except sqlite3.OperationalError as exc:
                from ..errors import BadInput

                raise BadInput(f"search {query!r}: the index cannot run this query ({exc}); simplify it or quote phrases") from None
            picked = self._fold_copies(ranked, expr, flt)
            if len(picked) >= limit or len(ranked) < want:
                return self._hits(picked[:limit], expr, query)
            want *= 4

    def _need_version(self, version: int, why: str) -> None:
        if self.version < version:
            raise ArchiveError(f"{self.location}: this archive was written by an older sinodesk; open it once with write access "
                               f"(any 'sinodesk ingest' or 'sinodesk reprocess' upgrades it) {why}")

    def facet_counts(self, query="", flt=StoryFilter(), *, sample=1000, entities=30):
        """Outlet, language and topics of the ``sample`` most recent matches (highest keys: the index
        walks its rows newest first and stops there), read from columns, no JSON; their entities from
        the entity index.  The total is exact when every match was seen or nothing is filtered (the
        index counts alone); a filtered query with more matches than ``sample`` says "at least"."""
        self._need_version(3, "to count its facets")
        where, args = _filter_sql(flt)
        if query.strip():  # the index walks its rows newest first and stops after ``sample``
            expr = fts_query(query)
            base = " FROM stories_fts JOIN stories s ON s.rid = stories_fts.rowid WHERE stories_fts MATCH ?"
            args, order = [expr, *args], "stories_fts.rowid"
            count_sql = "SELECT count(*) FROM stories_fts WHERE stories_fts MATCH ?"  # the index alone, no join
        else:
            base, order, count_sql = " FROM stories s WHERE 1", "s.rid", "SELECT count(*) FROM stories"
        base += "".join(" AND " + w for w in where)
        try:
            rows = self.conn.execute(f"SELECT s.rid, s.outlet, s.language, s.topics{base} ORDER BY {order} DESC LIMIT ?",
                                     [*args, sample]).fetchall()
            if len(rows) < sample:  # every match was seen
                total, exact = len(rows), True
            elif not where:
                total, exact = self.conn.execute(count_sql, args[:1]).fetchone()[0], True
            else:  # counting every filtered match would join them all to their stories: say "more than"
                total, exact = len(rows), False
        except sqlite3.OperationalError as exc:
            from ..errors import BadInput

            raise BadInput(f"search {query!r}: the index cannot run this query ({exc}); simplify it or quote phrases") from None
        outlets: dict[str, int] = {}
        languages: dict[str, int] = {}
        topics: dict[str, int] = {}
        for _, outlet, lang, tops in rows:
            if outlet:
                outlets[outlet] = outlets.get(outlet, 0) + 1
            if lang:
                languages[lang] = languages.get(lang, 0) + 1
            for t in (tops or "").split(","):
                if t:
                    topics[t] = topics.get(t, 0) + 1
        rids = [r[0] for r in rows]
        ents = dict(self.conn.execute(
            "SELECT canonical, count(*) AS n FROM story_entities WHERE rid IN (SELECT value FROM json_each(?))"
            " GROUP BY canonical ORDER BY n DESC, canonical LIMIT ?", (json.dumps(rids), entities))) if rids else {}
        return FacetCounts(total, len(rows), outlets, languages, topics, ents, exact)

    def _fold_copies(self, ranked: list[tuple[int, float]], expr: str, flt: StoryFilter) -> list[tuple[int, float]]:
        """A near-duplicate gives its place to the story it copies when that one is a hit too."""
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        dup_of = dict(self.conn.execute(
            f"SELECT c.rid, c.duplicate_of FROM stories c JOIN stories o ON {_COPY} WHERE c.rid IN ({marks})", [r for r, _ in ranked]))
        originals: dict[str, int] = {}
        if dup_of:
            where, args = _filter_sql(flt)
            marks = ",".join("?" * len(dup_of))
            originals = dict(self.conn.execute(
                f"SELECT s.story_id, s.rid FROM stories s JOIN stories_fts ON stories_fts.rowid = s.rid WHERE stories_fts MATCH ?"
                f" AND s.story_id IN ({marks})" + "".join(" AND " + w for w in where), [expr, *dup_of.values(), *args]))
        out, seen = [], set()
        for rid, score in ranked:
            rid = originals.get(dup_of.get(rid, ""), rid)
            if rid not in seen:
                seen.add(rid)
                out.append((rid, score))
        return out

    def _hits(self, picked: list[tuple[int, float]], expr: str, query: str) -> list[SearchHit]:
        if not picked:
            return []
        rids = [r for r, _ in picked]
        marks = ",".join("?" * len(rids))
        stories = {rid: story_from_dict(json.loads(data))
                   for rid, data in self.conn.execute(f"SELECT rid, data FROM stories WHERE rid IN ({marks})", rids)}
        snippets = dict(self.conn.execute(
            f"SELECT rowid, snippet(stories_fts, 1, '[', ']', ' … ', 12) FROM stories_fts WHERE stories_fts MATCH ? AND rowid IN ({marks})",
            [expr, *rids]))
        copies: dict[str, list[str]] = {}
        ids = [s.story_id for s in stories.values()]
        for sid, orig in self.conn.execute(
            f"SELECT c.story_id, c.duplicate_of FROM stories c JOIN stories o ON {_COPY}"
            f" WHERE c.duplicate_of IN ({','.join('?' * len(ids))}) ORDER BY c.rid", ids
        ):
            copies.setdefault(orig, []).append(sid)
        hits = []
        for rid, score in picked:
            story = stories[rid]
            snip = snippets.get(rid) or ""
            if not snip.strip() or "[" not in snip:
                snip = _cjk_snippet(story, query)
            hits.append(SearchHit(story, -score, snip, tuple(copies.get(story.story_id, ()))))
        return hits

    def clear_derived(self):
        with self._tx():
            self.conn.execute("DELETE FROM stories_fts")
            self.conn.execute("DELETE FROM story_entities")
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
    text = story.text
    folded = fold(text)
    simp = folded if len(folded) == len(text) else to_simplified(text)  # offsets must stay those of the text
    for run in query_runs(query):
        i = simp.find(run)
        if i >= 0:
            a, b = max(0, i - width), min(len(text), i + len(run) + width)
            return ("… " if a else "") + text[a:i] + "[" + text[i : i + len(run)] + "]" + text[i + len(run) : b] + (" …" if b < len(text) else "")
    return text[: 2 * width].replace("\n", " ")
