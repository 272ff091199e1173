"""Search over the archive: the ranked hits from the search index beside it (tantivy, see
:mod:`.sideindex`) or from its FTS5 index, fetched after scoring; snippets in Python (neither
index keeps a copy of the text); facet counts from FTS5 (tantivy counted them no faster: it
too visits every match to find the newest and to count them)."""

from __future__ import annotations

import secrets
import sqlite3
import sys

import orjson

from ..records import Story
from .base import FacetCounts, SearchHit, StoryFilter
from .rows import COPY_JOIN, STORY_COLUMNS, filter_sql, index_columns
from .textindex import fold, fts_query, parse_query, query_runs, render_fts, snippet, to_simplified


RANK_WINDOW = 20_000  # a query matching more stories is ranked among the newest this many (see FullTextSearch.search)
SIDE_PENDING = 20_000  # stories one transaction changes that are written to the search index as they are; more: rebuilt
SIDE_MAX = 20_000  # a filter the search index does not hold that leaves fewer hits than asked among this many: FTS5 joins it


class SideIndexUpkeep:
    """Keeping the search index beside the archive in step with its stories (the protocol is in
    :mod:`.sideindex`); the methods :class:`~sinodesk.archive.sqlite.SQLiteArchive` calls as it
    writes and commits."""

    def _init_side_index(self, enabled: bool) -> None:
        self._side_enabled = enabled
        self._side = None
        self._side_seen: str | None = None
        self._side_added: dict[int, tuple] = {}
        self._side_rebuild = False

    def _side_changed(self, rid: int, story: Story, cols: tuple[str, str, str, str]) -> None:
        """``cols``: what the FTS5 index was given (headline, body, Chinese bigrams, characters)."""
        if self._side_enabled and not self._side_rebuild:
            self._side_added[rid] = (*cols, story.published, story.outlet, story.language)
            if len(self._side_added) > SIDE_PENDING:  # a huge transaction: read them back at its end instead
                self._side_cleared()

    def _side_cleared(self) -> None:
        """Every story changes (or a great many): the index is rebuilt from the stories at COMMIT."""
        if self._side_enabled:
            self._side_added, self._side_rebuild = {}, True

    def _side_forget(self) -> None:
        self._side_added, self._side_rebuild = {}, False

    def sync_search_index(self) -> bool:
        """Bring the search index beside the archive in step, rebuilding it from the stories if it
        is not (any write that changes stories does this too); False when there can be none."""
        if not self._side_enabled or self.read_only:
            return False
        if self._side_for_reading() is None:
            with self._tx():
                self._side_rebuild = True
        return self._side_for_reading() is not None

    def _archive_seq(self) -> str:
        """'<this archive's random id> <count of story-changing commits>' ('' before the first)."""
        row = self.conn.execute("SELECT value FROM state WHERE key='search_seq'").fetchone()
        return bytes(row[0]).decode() if row else ""

    def _side_before_commit(self) -> str | None:
        """With the write lock held, before COMMIT: count up the archive's sequence number and
        write this transaction's changes into the search index (all of it, rebuilt, when it was
        not in step).  The sequence number to mark once COMMIT went through, or None."""
        if not (self._side_added or self._side_rebuild):
            return None
        added, rebuild = self._side_added, self._side_rebuild
        self._side_forget()
        before = self._archive_seq()
        ident, _, n = before.partition(" ")
        after = f"{ident or secrets.token_hex(8)} {int(n or 0) + 1}"
        self.conn.execute("INSERT OR REPLACE INTO state VALUES ('search_seq', ?)", (after.encode(),))
        try:
            from .sideindex import SideIndex, location

            side = self._side if self._side is not None else SideIndex.open(location(self.location), create=True)
            in_step = side.seq() == before and not rebuild
            side.set_seq(None)  # until COMMIT has gone through
            if in_step:
                side.write(added)
            else:
                self._rebuild_side(side)
        except Exception as exc:  # the archive's write goes on; searches use FTS5 until a rebuild works
            print(f"sinodesk: the search index beside {self.location} could not be updated ({exc}); searches use the "
                  "archive's own index until the next write rebuilds it", file=sys.stderr)
            self._side = None
            return None
        self._side = side
        return after

    def _side_after_commit(self, seq: str | None) -> None:
        if seq is not None and self._side is not None:
            self._side.set_seq(seq)

    def _rebuild_side(self, side) -> None:
        """Every story into the search index, a few thousand at a time (inside the write transaction)."""
        rids = [r for (r,) in self.conn.execute("SELECT rid FROM stories ORDER BY rid")]
        n = len(rids)
        if n > 20_000:
            print(f"sinodesk: building the search index beside {self.location} ({n:,} stories) ...", file=sys.stderr)
        clear = True
        for i in range(0, max(n, 1), 5_000):
            chunk = rids[i : i + 5_000]
            rows = self.conn.execute(f"SELECT rid, {STORY_COLUMNS} FROM stories s WHERE rid IN ({','.join('?' * len(chunk))})",
                                     chunk).fetchall() if chunk else []
            stories = self._stories([r[1:] for r in rows])
            side.write({r[0]: (*index_columns(st.headline, st.text), st.published, st.outlet, st.language)
                        for r, st in zip(rows, stories)},
                       clear=clear, replace=False)
            clear = False

    def _side_for_reading(self):
        """The search index when it holds exactly the archive's stories, else None (FTS5 answers)."""
        if not self._side_enabled:
            return None
        seq = self._archive_seq()
        if self._side is None:
            try:
                from .sideindex import SideIndex, location

                self._side = SideIndex.open(location(self.location), create=False)
            except Exception:
                self._side = None
            if self._side is None:
                return None
            self._side_seen = seq
        if self._side.seq() != seq:
            return None
        if self._side_seen != seq:
            self._side.index.reload()
            self._side_seen = seq
        return self._side


class FullTextSearch:
    """The search methods of :class:`~sinodesk.archive.sqlite.SQLiteArchive`."""

    def search(self, query, *, limit=20, flt=StoryFilter()):
        """Score first, fetch after: the index ranks its rows (joined by integer key to the story
        columns a filter needs), and only the hits kept are read and given snippets.

        BM25 costs a look-up per matching row, so a query that matches more than
        :data:`RANK_WINDOW` stories is ranked among the newest ``RANK_WINDOW`` of them (by order
        of ingest: the index lists matches by key, and finding where that window starts scores
        nothing); the window widens when a filter or folded copies leave fewer hits than asked.

        With the search index beside the archive in step (:mod:`.sideindex`), that index ranks
        instead: it skips what cannot reach the top, so every match competes."""
        node = parse_query(query)
        expr = render_fts(node)
        if limit <= 0:
            return []
        self._need_version(2 if not flt.entity else 3, "to search it")
        side = self._side_for_reading()
        if side is not None:
            hits = self._side_search(side, node, expr, query, limit, flt)
            if hits is not None:
                return hits
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
            picked = self._fold_copies(ranked, lambda ids: self._fts_originals(ids, expr, flt))
            if len(picked) >= limit:
                return self._hits(picked[:limit], expr, query)
            if len(ranked) < want:
                if not first:
                    return self._hits(picked, expr, query)
                window *= 8
            else:
                want *= 4

    def _side_search(self, side, node, expr: str, query: str, limit: int, flt: StoryFilter) -> list[SearchHit] | None:
        """The search index's best matches, checked against the whole filter here; more are asked
        for while the filter or folded copies leave fewer than ``limit``; None (FTS5 answers) when
        a filter the index does not hold is too narrow for that."""
        want = limit + 5
        while want <= SIDE_MAX:
            found = side.top(node, flt, want)
            ranked = self._passing([(rid, -score) for rid, score in found], flt)
            picked = self._fold_copies(ranked, lambda ids: self._side_originals(side, node, ids, flt))
            if len(picked) >= limit or len(found) < want:  # enough, or every match seen
                return self._hits(picked[:limit], expr, query)
            want *= 4
        return None

    def _passing(self, ranked: list[tuple[int, float]], flt: StoryFilter) -> list[tuple[int, float]]:
        """The hits (in their order) that the whole filter lets through."""
        where, args = filter_sql(flt)
        if not where or not ranked:
            return ranked
        marks = ",".join("?" * len(ranked))
        keep = {r for (r,) in self.conn.execute(
            f"SELECT s.rid FROM stories s JOIN documents d ON d.doc_id = s.doc_id WHERE s.rid IN ({marks}) AND "
            + " AND ".join(where), [r for r, _ in ranked] + args)}
        return [(r, sc) for r, sc in ranked if r in keep]

    def _side_originals(self, side, node, story_ids: list[str], flt: StoryFilter) -> dict[str, int]:
        marks = ",".join("?" * len(story_ids))
        rid_of = dict(self.conn.execute(f"SELECT story_id, rid FROM stories WHERE story_id IN ({marks})", story_ids))
        matched = self._passing(side.top(node, flt, len(rid_of), within=list(rid_of.values())), flt)
        hit = {r for r, _ in matched}
        return {sid: rid for sid, rid in rid_of.items() if rid in hit}

    def _fts_originals(self, story_ids: list[str], expr: str, flt: StoryFilter) -> dict[str, int]:
        where, args = filter_sql(flt)
        marks = ",".join("?" * len(story_ids))
        return dict(self.conn.execute(
            f"SELECT s.story_id, s.rid FROM stories s JOIN stories_fts ON stories_fts.rowid = s.rid WHERE stories_fts MATCH ?"
            f" AND s.story_id IN ({marks})" + "".join(" AND " + w for w in where), [expr, *story_ids, *args]))

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

    def _fold_copies(self, ranked: list[tuple[int, float]], originals_of) -> list[tuple[int, float]]:
        """A near-duplicate gives its place to the story it copies when that one is a hit too
        (``originals_of(story_ids)``: those of them that match, by story id, with their keys)."""
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        dup_of = dict(self.conn.execute(
            f"SELECT c.rid, c.duplicate_of FROM stories c JOIN stories o ON {COPY_JOIN} WHERE c.rid IN ({marks})", [r for r, _ in ranked]))
        originals = originals_of(list(set(dup_of.values()))) if dup_of else {}
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
