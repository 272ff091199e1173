"""Text prepared for full-text search, English and Chinese.

SQLite's unicode61 tokenizer treats a run of Chinese characters as one token, and the
trigram tokenizer needs queries of three or more characters (on SQLite 3.40 a two-character
``LIKE`` on a trigram table silently finds nothing).  Most Chinese words have two
characters, so Chinese is indexed here as overlapping character *bigrams* (a phrase query
of consecutive bigrams is an exact substring match, for any length >= 2) and as single
characters (for one-character queries).  Traditional characters are folded to Simplified
on both sides, so 網絡 finds 网络.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
CJK_RUN = re.compile(f"[{_CJK}]+")
_TOKEN = re.compile(rf'"[^"]*"|[{_CJK}]+|[^\s"{_CJK}]+')


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text) if CJK_RUN.search(text) else text


def cjk_index_columns(text: str) -> tuple[str, str]:
    """(bigrams, unigrams): space-separated tokens of every Chinese run in ``text``."""
    bigrams: list[str] = []
    unigrams: list[str] = []
    for run in CJK_RUN.findall(text):
        run = to_simplified(run)
        unigrams.extend(run)
        if len(run) == 1:
            bigrams.append(run)
        bigrams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(bigrams), " ".join(unigrams)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_query(query: str) -> str:
    """A safe FTS5 MATCH expression for a user's query.

    Terms are AND-ed; "double quotes" make a phrase; a trailing * makes a prefix; OR between
    two terms is kept.  Chinese runs become bigram phrases (or a unigram for one character).
    """
    parts: list[str] = []
    for tok in _TOKEN.findall(query):
        if tok == "OR" and parts and parts[-1] != "OR":
            parts.append("OR")
            continue
        phrase = tok[1:-1] if tok.startswith('"') else tok
        if not phrase.strip():
            continue
        sub: list[str] = []
        for piece in re.split(f"([{_CJK}]+)", phrase):
            if not piece.strip():
                continue
            if CJK_RUN.fullmatch(piece):
                run = to_simplified(piece)
                if len(run) == 1:
                    sub.append(f"zh_uni : {_quote(run)}")
                else:
                    sub.append("zh_bi : " + _quote(" ".join(run[i : i + 2] for i in range(len(run) - 1))))
            else:
                words = re.findall(r"\w+\*?", piece)
                if not words:
                    continue
                prefix = words[-1].endswith("*")
                body = " ".join(w.rstrip("*") for w in words)
                sub.append("{headline body} : " + _quote(body) + ("*" if prefix else ""))
        if sub:
            parts.append(sub[0] if len(sub) == 1 else "(" + " AND ".join(sub) + ")")
    while parts and parts[-1] == "OR":
        parts.pop()
    if not parts:
        return ""
    out: list[str] = []
    for p in parts:
        if p == "OR":
            out.append("OR")
        else:
            if out and out[-1] != "OR":
                out.append("AND")
            out.append(p)
    return " ".join(out)
