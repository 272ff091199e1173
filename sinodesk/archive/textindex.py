"""Text prepared for full-text search, English and Chinese, and the user's query parsed into FTS5.

SQLite's unicode61 tokenizer treats a run of Chinese characters as one token, and the
trigram tokenizer needs queries of three or more characters (on SQLite 3.40 a two-character
``LIKE`` on a trigram table silently finds nothing).  Most Chinese words have two
characters, so Chinese is indexed here as overlapping character *bigrams* (a phrase query
of consecutive bigrams is an exact substring match, for any length >= 2) and as single
characters (for one-character queries).  Both sides are folded with OpenCC's ``tw2sp``
(Traditional to Simplified with Taiwan phrases turned into mainland ones), so 網絡 finds 网络
and Taiwan and mainland wording find each other where OpenCC's phrase tables map them (網路 and
网络, 駭客 and 黑客, 軟體 and 软件).  Folding one way on both sides needs no ``s2twp`` variants
per query (loading that config costs 70 ms per process; ``tw2sp`` 2 ms).

Query syntax (:func:`fts_query`): words are AND-ed; ``"a phrase"``; ``a OR b``; ``NOT a`` or
``-a`` excludes; ``( ... )`` groups; ``NEAR(a b, 10)`` finds English words close together;
``word*`` is a prefix; ``headline:word`` looks in headlines only.  Anything the index cannot
take raises :class:`~sinodesk.errors.BadInput` saying why, never an empty result.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..errors import BadInput

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
CJK_RUN = re.compile(f"[{_CJK}]+")
_TEXT_COLUMNS = "{headline body}"
# names users try as fields; each maps to the option that does the job
_NOT_FIELDS = {"title": "headline:", "outlet": "--outlet", "source": "--outlet", "lang": "--lang", "language": "--lang",
               "date": "--since/--until", "topic": "--topic", "family": "--family", "body": "a plain word", "text": "a plain word"}


@lru_cache(maxsize=4)
def _converter(config: str):
    from opencc import OpenCC

    return OpenCC(config)


def to_simplified(text: str) -> str:
    """Character by character to Simplified (lengths kept: for finding a hit in a story's text)."""
    return _converter("t2s").convert(text) if CJK_RUN.search(text) else text


def fold(text: str) -> str:
    """What the index holds for Chinese text: Simplified, Taiwan phrases in mainland wording."""
    return _converter("tw2sp").convert(text) if CJK_RUN.search(text) else text


def cjk_index_columns(text: str) -> tuple[str, str]:
    """(bigrams, unigrams): space-separated tokens of every Chinese run in ``text``."""
    bigrams: list[str] = []
    unigrams: list[str] = []
    for run in CJK_RUN.findall(text):
        run = fold(run)
        unigrams.extend(run)
        if len(run) == 1:
            bigrams.append(run)
        bigrams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(bigrams), " ".join(unigrams)


# -- the query language ----------------------------------------------------------------------

_LEX = re.compile(r'\s+|(?P<q>-?"[^"]*"?)|(?P<near>NEAR\()|(?P<lp>-?\()|(?P<rp>\))|(?P<w>[^\s"()]+)')


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "q" (quoted phrase), "near", "lp", "rp", "w" (word or operator)
    text: str
    neg: bool = False


def _lex(query: str) -> list[_Tok]:
    out = []
    for m in _LEX.finditer(query):
        kind = m.lastgroup
        if kind is None:
            continue
        text = m.group(kind)
        neg = kind in ("q", "lp") and text.startswith("-")
        if kind == "w" and text.startswith("-") and len(text) > 1:
            neg, text = True, text[1:]
        out.append(_Tok(kind, text[1:] if neg and kind in ("q", "lp") else text, neg))
    return out


# the parsed query: a small tree that renders to an FTS5 expression (:func:`fts_query`) or to a
# query of the search index beside the archive (:mod:`sinodesk.archive.sideindex`)

@dataclass(frozen=True, slots=True)
class Words:
    """Latin-script words as one phrase in ``column`` ("{headline body}" or "headline"); the last a prefix if ``prefix``."""

    column: str
    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Chars:
    """A Chinese run, folded as the index is: consecutive bigrams (``zh_bi``) or one character (``zh_uni``)."""

    column: str
    grams: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Near:
    """English words within ``distance`` tokens of each other (FTS5's default 10), in any order."""

    words: tuple[str, ...]
    distance: int | None = None


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every part, none of ``excluded``."""

    parts: tuple
    excluded: tuple = ()


@dataclass(frozen=True, slots=True)
class AnyOf:
    parts: tuple


class _Parser:
    """query := or ; or := and ("OR" and)* ; and := unary+ ; unary := ["NOT" | "-"] primary"""

    def __init__(self, query: str):
        self.query = query
        self.toks = _lex(query)
        self.i = 0

    def fail(self, why: str) -> BadInput:
        return BadInput(f"search {self.query!r}: {why}")

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def is_op(self, tok: _Tok | None, *ops: str) -> bool:
        return tok is not None and tok.kind == "w" and not tok.neg and tok.text in ops

    def parse(self):
        if not self.toks:
            raise self.fail('nothing to search for (give a word, a "phrase" or Chinese characters)')
        expr = self.or_expr()
        if self.peek() is not None:
            raise self.fail("a closing parenthesis has no opening one; remove it")
        return expr

    def or_expr(self):
        parts = [self.and_expr()]
        while self.is_op(self.peek(), "OR"):
            self.i += 1
            parts.append(self.and_expr("OR"))
        return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))

    def and_expr(self, after: str | None = None):
        pos: list = []
        neg: list = []
        while True:
            tok = self.peek()
            if tok is None or tok.kind == "rp" or self.is_op(tok, "OR"):
                break
            if self.is_op(tok, "AND"):
                self.i += 1
                nxt = self.peek()
                if not (pos or neg) or nxt is None or nxt.kind == "rp" or self.is_op(nxt, "OR", "AND"):
                    raise self.fail("AND needs a term on each side")
                continue
            negate = tok.neg
            if self.is_op(tok, "NOT"):
                self.i += 1
                negate = True
                if self.peek() is None or self.is_op(self.peek(), "OR", "AND", "NOT"):
                    raise self.fail("NOT needs a term after it (NOT botnet, or -botnet)")
            term = self.primary()
            if term is not None:
                (neg if negate else pos).append(term)
        if not pos:
            if neg:
                raise self.fail("a search cannot only exclude words; add a word to look for, e.g. 'DeepSeek -botnet'")
            if after:
                raise self.fail(f"{after} needs a term on each side")
            tok = self.peek()
            if tok is not None and tok.kind == "rp":
                raise self.fail("a closing parenthesis has no opening one; remove it")
            if tok is not None and self.is_op(tok, "OR"):
                raise self.fail("OR needs a term on each side")
            raise self.fail('nothing to search for (give a word, a "phrase" or Chinese characters)')
        return pos[0] if len(pos) == 1 and not neg else AllOf(tuple(pos), tuple(neg))

    def primary(self):
        tok = self.toks[self.i]
        self.i += 1
        if tok.kind == "lp":
            inner = self.or_expr()
            if self.peek() is None or self.peek().kind != "rp":
                raise self.fail("a parenthesis is not closed; close it or remove it")
            self.i += 1
            return inner
        if tok.kind == "rp":
            raise self.fail("a closing parenthesis has no opening one; remove it")
        if tok.kind == "near":
            return self.near()
        if tok.kind == "q":
            return _term(tok.text.strip('"'), _TEXT_COLUMNS)
        column = _TEXT_COLUMNS
        text = tok.text
        field = re.fullmatch(r"([A-Za-z]+):(.*)", text)
        if field and field.group(1).lower() in ("headline", *_NOT_FIELDS):
            name = field.group(1).lower()
            if name != "headline":
                raise self.fail(f"'{field.group(1)}:' is not a search field (use {_NOT_FIELDS[name]})")
            column, text = "headline", field.group(2)
            nxt = self.peek()
            if not text and nxt is not None and nxt.kind == "q" and not nxt.neg:
                self.i += 1
                text = nxt.text.strip('"')
        return _term(text, column)

    def near(self) -> Near:
        raw: list[str] = []
        while True:
            tok = self.peek()
            if tok is None:
                raise self.fail("NEAR( is not closed; write NEAR(word word) or NEAR(word word, 10)")
            self.i += 1
            if tok.kind == "rp":
                break
            raw.append(tok.text)
        m = re.fullmatch(r"(.*?)(?:,\s*(\d+))?\s*", " ".join(raw), re.S)
        inner, dist = m.group(1), m.group(2)
        if CJK_RUN.search(inner):
            raise self.fail("NEAR works on English words only; for Chinese, search the words together "
                            "('网络攻击') or apart ('网络 攻击')")
        words = re.findall(r"\w+", inner)
        if len(words) < 2:
            raise self.fail("NEAR needs two or more words: NEAR(DeepSeek botnet) or NEAR(DeepSeek botnet, 5)")
        return Near(tuple(words), int(dist) if dist else None)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _term(text: str, column: str):
    """One word or phrase: Latin words to a phrase in ``column``, a Chinese run (folded as the
    index is) to a phrase of bigrams, or a single-character match; pieces are AND-ed.  None when
    ``text`` holds nothing to look for."""
    sub: list = []
    for piece in re.split(f"([{_CJK}]+)", text):
        if not piece.strip():
            continue
        if CJK_RUN.fullmatch(piece):
            run = fold(piece)
            if len(run) == 1:
                sub.append(Chars("zh_uni", (run,)))
            else:
                sub.append(Chars("zh_bi", tuple(run[i : i + 2] for i in range(len(run) - 1))))
        else:
            words = re.findall(r"\w+\*?", piece)
            if not words:
                continue
            sub.append(Words(column, tuple(w.rstrip("*") for w in words), words[-1].endswith("*")))
    return sub[0] if len(sub) == 1 else AllOf(tuple(sub)) if sub else None


def parse_query(query: str):
    """The user's query as a tree (:class:`Words`, :class:`Chars`, :class:`Near`, :class:`AllOf`,
    :class:`AnyOf`); BadInput (saying why) if there is nothing to search for."""
    return _Parser(query).parse()


def render_fts(node) -> str:
    """The FTS5 MATCH expression of a parsed query."""
    if isinstance(node, Words):
        return f"{node.column} : " + _quote(" ".join(node.words)) + ("*" if node.prefix else "")
    if isinstance(node, Chars):
        return f"{node.column} : " + _quote(" ".join(node.grams))
    if isinstance(node, Near):
        quoted = " ".join(_quote(w) for w in node.words)
        return f"{_TEXT_COLUMNS} : NEAR({quoted}{', ' + str(node.distance) if node.distance is not None else ''})"
    if isinstance(node, AnyOf):
        return "(" + " OR ".join(render_fts(p) for p in node.parts) + ")"
    pos = [render_fts(p) for p in node.parts]
    expr = pos[0] if len(pos) == 1 else "(" + " AND ".join(pos) + ")"
    if node.excluded:
        neg = [render_fts(p) for p in node.excluded]
        expr += " NOT " + (neg[0] if len(neg) == 1 else "(" + " OR ".join(neg) + ")")
    return expr


def fts_query(query: str) -> str:
    """A safe FTS5 MATCH expression for a user's query; BadInput (saying why) if there is none."""
    return render_fts(parse_query(query))


def query_runs(query: str) -> list[str]:
    """The forms of each Chinese run of ``query`` to look for in a story's text (for snippets)."""
    return [form for run in CJK_RUN.findall(query) for form in dict.fromkeys((fold(run), to_simplified(run)))]


# -- snippets (the index keeps no copy of the text, so they are cut here, as FTS5's snippet() would) --

_WORD_TOKEN = re.compile(r"\w+")
_OPERATORS = {"OR", "AND", "NOT"}


def _plain(word: str) -> str:
    """A token as the index's unicode61 tokenizer compares it: case and diacritics folded."""
    if word.isascii():
        return word.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


def query_words(query: str) -> list[tuple[str, bool]]:
    """The words a query looks for, folded, each with whether it is a prefix (``word*``); words
    it excludes, operators and NEAR's distance are left out."""
    out: list[tuple[str, bool]] = []
    toks = _lex(query)
    for i, tok in enumerate(toks):
        if tok.neg or tok.kind not in ("w", "q") or tok.text in _OPERATORS:
            continue
        if i and toks[i - 1].kind == "w" and toks[i - 1].text == "NOT":
            continue
        if tok.kind == "w" and tok.text.isdigit() and i and toks[i - 1].text.endswith(","):
            continue  # NEAR(a b, 20)
        text = re.sub(r"^[A-Za-z]+:", "", tok.text)
        for m in re.finditer(r"(\w+)(\*?)", text):
            if not CJK_RUN.fullmatch(m.group(1)):
                out.append((_plain(m.group(1)), bool(m.group(2))))
    return out


def snippet(text: str, query: str, tokens: int = 12) -> str | None:
    """About ``tokens`` words of ``text`` around the most query words, each found word in
    [brackets], cut ends marked ' … '; None when no word of the query is in the text."""
    words = query_words(query)
    if not words:
        return None
    exact = {w for w, prefix in words if not prefix}
    prefixes = tuple(w for w, prefix in words if prefix)
    toks = list(_WORD_TOKEN.finditer(text))
    hits = [i for i, m in enumerate(toks) if (w := _plain(m.group())) in exact or (prefixes and w.startswith(prefixes))]
    if not hits:
        return None
    best, most = 0, -1
    for h in hits:  # the window that holds the most hits, starting just before one of them
        start = max(0, min(h - 2, len(toks) - tokens))
        n = sum(1 for x in hits if start <= x < start + tokens)
        if n > most:
            best, most = start, n
    end = min(len(toks), best + tokens)
    marked = set(hits)
    parts, pos = [], toks[best].start()
    for i in range(best, end):
        m = toks[i]
        parts.append(text[pos : m.start()])
        parts.append(f"[{m.group()}]" if i in marked else m.group())
        pos = m.end()
    body = "".join(parts).replace("\n", " ")
    return ("… " if best > 0 else "") + body + (" …" if end < len(toks) else "")
