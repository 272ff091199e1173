"""Search over the archive's full-text index: score first, fetch the hits after, snippets in Python
(the index keeps no copy of the text)."""

from __future__ import annotations

import sqlite3

import orjson

from ..records import Story
from .base import FacetCounts, SearchHit, StoryFilter
from .rows import COPY_JOIN, STORY_COLUMNS, filter_sql
from .textindex import fold, fts_query, query_runs, snippet, to_simplified


RANK_WINDOW = 20_000  # a query matching more stories is ranked among the newest this many (see FullTextSearch.search)


class FullTextSearch:
    """The search methods of :class:`~sinodesk.archive.sqlite.SQLiteArchive`."""

    def search(self, query, *, limit=20, flt=StoryFilter()):
        """Score first, fetch after: the index ranks its rows (joined by integer key to the story
        columns a filter needs), and only the hits kept are read and given snippets.

        BM25 costs a look-up per matching row, so a query that matches more than
        :data:`RANK_WINDOW` stories is ranked among the newest ``RANK_WINDOW`` of them (by order
        of ingest: the index lists matches by key, and finding where that window starts scores
        nothing); the window widens when a filter or folded copies leave fewer hits than asked."""
        expr = fts_query(query)
        if limit <= 0:
            return []
        self._need_version(2 if not flt.entity else 3, "to search it")
        where, args = filter_sql(flt)
        sql = "SELECT stories_fts.rowid, bm25(stories_fts, 4.0, 1.0, 1.0, 1.0) AS score FROM stories_fts"
        if where:  # (the covering index: filtering a hit does not load its row)
            sql += " JOIN stories s INDEXED BY stories_search ON s.rid = stories_fts.rowid"
        sql += " WHERE stories_fts MATCH ?" + "".join(" AND " + w for w in where)
        want = limit + 5  # a few spare: copies fold into their originals; more are fetched if many fold
        window = RANK_WINDOW
        while True:
            first = self._run(query, "SELECT rowid FROM stories_fts WHERE stories_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                              [expr, window - 1])
            if first:
                ranked = self._run(query, sql + " AND stories_fts.rowid >= ? ORDER BY score LIMIT ?", [expr, *args, first[0][0], want])
            else:  # no more matches than the window holds: rank them all
                ranked = self._run(query, sql + " ORDER BY score LIMIT ?", [expr, *args, want])
            picked = self._fold_copies(ranked, expr, flt)
            if len(picked) >= limit:
                return self._hits(picked[:limit], expr, query)
            if len(ranked) < want:
                if not first:
                    return self._hits(picked, expr, query)
                window *= 8
            else:
                want *= 4

    def _run(self, query: str, sql: str, args: list) -> list:
        try:
            return self.conn.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            from ..errors import BadInput

            raise BadInput(f"search {query!r}: the index cannot run this query ({exc}); simplify it or quote phrases") from None

    def _need_version(self, version: int, why: str) -> None:
        if self.version < version:
            from ..errors import ArchiveError

            raise ArchiveError(f"{self.location}: this archive was written by an older sinodesk; open it once with write access "
                               f"(any 'sinodesk ingest' or 'sinodesk reprocess' upgrades it) {why}")

    def facet_counts(self, query="", flt=StoryFilter(), *, sample=1000, entities=30):
        """Outlet, language and topics of the ``sample`` most recent matches (highest keys: the index
        walks its rows newest first and stops there), read from columns, no JSON; their entities from
        the entity index.  The total is exact when every match was seen or nothing is filtered (the
        index counts alone); a filtered query with more matches than ``sample`` says "at least"."""
        self._need_version(3, "to count its facets")
        where, args = filter_sql(flt)
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
            " GROUP BY canonical ORDER BY n DESC, canonical LIMIT ?", (orjson.dumps(rids).decode(), entities))) if rids else {}
        return FacetCounts(total, len(rows), outlets, languages, topics, ents, exact)

    def _fold_copies(self, ranked: list[tuple[int, float]], expr: str, flt: StoryFilter) -> list[tuple[int, float]]:
        """A near-duplicate gives its place to the story it copies when that one is a hit too."""
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        dup_of = dict(self.conn.execute(
            f"SELECT c.rid, c.duplicate_of FROM stories c JOIN stories o ON {COPY_JOIN} WHERE c.rid IN ({marks})", [r for r, _ in ranked]))
        originals: dict[str, int] = {}
        if dup_of:
            where, args = filter_sql(flt)
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
        rows = self.conn.execute(f"SELECT rid, {STORY_COLUMNS} FROM stories s WHERE rid IN ({marks})", rids).fetchall()
        stories = dict(zip((r[0] for r in rows), self._stories([r[1:] for r in rows])))
        copies: dict[str, list[str]] = {}
        ids = [s.story_id for s in stories.values()]
        for sid, orig in self.conn.execute(
            f"SELECT c.story_id, c.duplicate_of FROM stories c JOIN stories o ON {COPY_JOIN}"
            f" WHERE c.duplicate_of IN ({','.join('?' * len(ids))}) ORDER BY c.rid", ids
        ):
            copies.setdefault(orig, []).append(sid)
        hits = []
        for rid, score in picked:
            story = stories[rid]
            snip = snippet(story.text, query) or _cjk_snippet(story, query)
            hits.append(SearchHit(story, -score, snip, tuple(copies.get(story.story_id, ()))))
        return hits


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
