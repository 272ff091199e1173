"""A tantivy index beside the SQLite file, so that a search ranks its best matches without
scoring every one.

FTS5 ranks by BM25 only after it has read every matching row: at a million stories a common word
matches 100,000 of them and costs 50-150 ms.  tantivy (a Rust search library, PyPI ``tantivy``,
MIT) skips blocks of postings that cannot reach the top k (block-max WAND): the same queries take
a millisecond or two.  The archive's FTS5 index stays the index of record (facet counts, and every
search when this one is missing or out of step); this one holds what ranking needs: the text
columns as FTS5 tokenizes them (Unicode words, case and diacritics folded; Chinese as the same
bigram and single-character columns), headline weight 4, and the filter columns a search narrows
by most (day, outlet, language).  Every hit is checked against the archive's own filter before it
is shown, so those only need to let through a superset.

Keeping the two in step: each write transaction that changes stories counts up a sequence number
in the archive (``state`` key ``search_seq``, with a random id of the archive, so that another
archive's index at the same count is not taken for this one's), in the same transaction.  The changed stories go
into this index while the archive's write lock is still held, and a marker file records the
number only when this index held the previous one, so any gap (a crash between the two, a writer
that could not get this index) leaves it marked out of step.  An index out of step is not used;
the next process that writes to the archive rebuilds it from the stories.
"""

from __future__ import annotations

import itertools
import os
import shutil
from .textindex import AllOf, AnyOf, Chars, Near, Words

LAYOUT = 1  # bump when the fields change: an index of another layout is rebuilt
HEADLINE_WEIGHT = 4.0  # as bm25(stories_fts, 4.0, 1.0, 1.0, 1.0)
_MARKER = "sinodesk-seq"


def location(db_path: str) -> str:
    return db_path + ".search"


def day_of(published: str | None) -> int | None:
    """20250601 for '2025-06-01...' (what ``since``/``until`` compare), None when undated."""
    if not published or len(published) < 10:
        return None
    digits = published[:4] + published[5:7] + published[8:10]
    return int(digits) if digits.isdigit() else None


class SideIndex:
    """The search index of one archive; ``None`` from :meth:`open` when there is none to read."""

    def __init__(self, path: str, index, schema):
        self.path = path
        self.index = index
        self.schema = schema
        self._analyzer = _analyzer()

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str, *, create: bool) -> "SideIndex | None":
        import tantivy

        schema = _schema()
        if not os.path.exists(os.path.join(path, "meta.json")) or _layout(path) != LAYOUT:
            if not create:
                return None
            shutil.rmtree(path, ignore_errors=True)
            os.makedirs(path)
            with open(os.path.join(path, "sinodesk-layout"), "w") as fh:
                fh.write(str(LAYOUT))
        try:
            index = tantivy.Index(schema, path=path)
        except (OSError, ValueError):
            if not create:
                return None
            raise
        index.register_tokenizer("words", _analyzer())
        return cls(path, index, schema)

    def seq(self) -> str | None:
        """The archive's ``search_seq`` (its id and count of commits) this index holds everything
        up to, None if unknown."""
        try:
            with open(os.path.join(self.path, _MARKER)) as fh:
                return fh.read().strip()
        except OSError:
            return None

    def set_seq(self, seq: str | None) -> None:
        marker = os.path.join(self.path, _MARKER)
        if seq is None:
            if os.path.exists(marker):
                os.remove(marker)
            return
        tmp = marker + ".tmp"
        with open(tmp, "w") as fh:
            fh.write(str(seq))
        os.replace(tmp, marker)

    # -- writing -------------------------------------------------------------------------------
    def write(self, added: dict[int, tuple], *, clear: bool = False, replace: bool = True) -> None:
        """Apply one transaction's changes: ``added`` maps a story's key to (headline, text, Chinese
        bigrams, Chinese characters, published, outlet, language) and replaces any row of that key
        (unless ``replace`` is False: the keys are known to be new); ``clear`` empties it first.
        (Stories leave the archive only all at once, so there is nothing to remove one by one.)"""
        import tantivy

        writer = self.index.writer(heap_size=64_000_000, num_threads=1)
        try:
            if clear:
                writer.delete_all_documents()
            if replace and not clear:
                for rid in added:
                    writer.delete_documents_by_term("rid", rid)
            for rid, (headline, text, bi, uni, published, outlet, language) in added.items():
                doc = tantivy.Document()
                doc.add_integer("rid", rid)
                doc.add_text("headline", headline or "")
                doc.add_text("body", text or "")
                if bi:
                    doc.add_text("zh_bi", bi)
                    doc.add_text("zh_uni", uni)
                day = day_of(published)
                if day is not None:
                    doc.add_integer("day", day)
                if outlet:
                    doc.add_text("outlet", outlet.lower())
                if language:
                    doc.add_text("language", language)
                writer.add_document(doc)
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        self.index.reload()

    # -- searching -----------------------------------------------------------------------------
    def top(self, node, flt, n: int, *, within: list[int] | None = None) -> list[tuple[int, float]]:
        """The ``n`` best (key, score) for a parsed query, narrowed by the filter columns held here
        (a superset of what ``flt`` lets through), or only among the keys ``within``."""
        query = self._filtered(node, flt, within)
        if query is None:
            return []
        searcher = self.index.searcher()
        found = searcher.search(query, n, count=False)
        return [(searcher.doc(addr)["rid"][0], score) for score, addr in found.hits]

    def _filtered(self, node, flt, within: list[int] | None):
        import tantivy

        must = [self._query(node)]
        since, until = day_of(flt.since), day_of(flt.until)
        if (since or until) and not flt.dated_by_ingest:
            must.append(tantivy.Query.range_query(self.schema, "day", tantivy.FieldType.Integer, since, until,
                                                  use_inverted_index=True))
        if flt.outlets is not None and not flt.outlets:
            return None
        outlets = {o.lower() for o in (flt.outlets or ())} | ({flt.outlet.lower()} if flt.outlet else set())
        if outlets:
            must.append(tantivy.Query.term_set_query(self.schema, "outlet", sorted(outlets)))
        if flt.language:
            must.append(tantivy.Query.term_query(self.schema, "language", flt.language))
        if within is not None:
            if not within:
                return None
            must.append(tantivy.Query.term_set_query(self.schema, "rid", sorted(within)))
        if len(must) == 1:
            return must[0]
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, must[0])] + [(tantivy.Occur.Must, tantivy.Query.const_score_query(q, 0.0)) for q in must[1:]])

    def count(self) -> int:
        return self.index.searcher().num_docs

    def _query(self, node):
        import tantivy

        q = tantivy.Query
        if isinstance(node, AnyOf):
            return q.boolean_query([(tantivy.Occur.Should, self._query(p)) for p in node.parts])
        if isinstance(node, AllOf):
            return q.boolean_query([(tantivy.Occur.Must, self._query(p)) for p in node.parts]
                                   + [(tantivy.Occur.MustNot, self._query(p)) for p in node.excluded])
        if isinstance(node, Chars):
            return self._phrase(node.column, list(node.grams))
        if isinstance(node, Near):
            toks = self._tokens(" ".join(node.words))
            dist = 10 if node.distance is None else node.distance
            orders = [toks] if len(toks) > 3 else [list(p) for p in itertools.permutations(toks)]
            return self._columns("{headline body}", lambda col: q.boolean_query(
                [(tantivy.Occur.Should, q.phrase_query(self.schema, col, o, slop=dist)) for o in orders]))
        toks = self._tokens(" ".join(node.words))
        if not toks:
            return q.empty_query()
        if node.prefix:
            if len(toks) == 1:
                return self._columns(node.column, lambda col: q.regex_query(self.schema, col, _regex_escape(toks[0]) + ".*"))
            return self._columns(node.column, lambda col: q.phrase_prefix_query(self.schema, col, toks))
        return self._columns(node.column, lambda col: self._phrase(col, toks))

    def _columns(self, column: str, make):
        """``make(col)`` over the text columns ``column`` names, the headline weighted as in FTS5."""
        import tantivy

        if column == "headline":
            return make("headline")
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, tantivy.Query.boost_query(make("headline"), HEADLINE_WEIGHT)),
                                            (tantivy.Occur.Should, make("body"))])

    def _phrase(self, col: str, toks: list[str]):
        import tantivy

        if len(toks) == 1:
            return tantivy.Query.term_query(self.schema, col, toks[0])
        return tantivy.Query.phrase_query(self.schema, col, toks)

    def _tokens(self, text: str) -> list[str]:
        return self._analyzer.analyze(text)


def _regex_escape(tok: str) -> str:
    return "".join("\\" + c if c in r".^$*+?()[]{}|\-&~#@<>\"" else c for c in tok)


def _layout(path: str) -> int | None:
    try:
        with open(os.path.join(path, "sinodesk-layout")) as fh:
            return int(fh.read().strip())
    except (OSError, ValueError):
        return None


def _analyzer():
    """Words as FTS5's unicode61 tokenizer (remove_diacritics 2) makes them: split at anything
    not a letter or digit, lower-cased, accents folded."""
    import tantivy

    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold()).build())


def _schema():
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("rid", stored=True, indexed=True, fast=True)
    for name in ("headline", "body"):
        sb.add_text_field(name, tokenizer_name="words", index_option="position")
    for name in ("zh_bi", "zh_uni"):
        sb.add_text_field(name, tokenizer_name="whitespace", index_option="position")
    sb.add_integer_field("day", indexed=True, fast=True)
    for name in ("outlet", "language"):
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic")
    return sb.build()
