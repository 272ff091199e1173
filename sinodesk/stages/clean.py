"""Clean stage: split a document into lines and mark boilerplate ones (offsets never change)."""

from __future__ import annotations

import re

from ..records import Cleaned, Document, Line

_BOILERPLATE = [
    ("navigation", re.compile(r"^\s*(skip to (main )?content|menu|home|search|back to top)\s*$", re.I)),
    ("subscribe", re.compile(r"^\s*(subscribe( now)?\b.*|please enter .*|looks good\.?)\s*$", re.I)),
    ("share", re.compile(r"^\s*(share( this)?( on)?\b.{0,40}|tweet|print|email)\s*$", re.I)),
    ("related", re.compile(r"^\s*related (postings|posts|articles|stories)\b.*$", re.I)),
]


def clean(doc: Document) -> Cleaned:
    lines = []
    for m in re.finditer(r"[^\r\n]*", doc.text):
        t = m.group()
        if m.start() > 0 and m.start() == m.end() and doc.text[m.start() - 1 : m.start()] in "\r\n" and m.start() == len(doc.text):
            break
        kind, reason = ("blank", "") if not t.strip() else ("text", "")
        for r, rx in _BOILERPLATE:
            if kind == "text" and rx.match(t):
                kind, reason = "boilerplate", r
        lines.append(Line(m.start(), m.end(), t, kind, reason))
    return Cleaned(doc, tuple(ln for ln in lines if ln.kind != "blank" or ln.start != ln.end or True))
