"""Turn a plan (where stories start) into ``Segment`` records with exact offsets."""

from __future__ import annotations

import re
import unicodedata

from ...records import Cleaned, Line, Segment
from .headline import MD_HEADING, generate_headline
from .text import DATE, first_url, is_closing, is_source_line, is_url_line
from .structure import READ_MORE_TAIL, Plan, Start

_SPACE = re.compile(r"[ \t\u3000]{2,}|[\t\u3000]")  # runs of spaces, tabs, ideographic spaces


# A list number, "No. 3 --", or an "Outlet (date):" prefix before a headline: not part of it.
_HEAD_PREFIX = re.compile(
    rf"^\s*(?:(?:No\.?|Nr\.?|#)\s*\d{{1,3}}\s*[—–:.\-]?\s+|\d{{1,3}}\s*[.)、．:]\s*|[（(]\d{{1,3}}[)）]\s*|"
    rf"[^\s:：(（][^:：()（）]{{1,60}}[(（][^()（）]*(?:{DATE}|\d{{1,2}},? \d{{4}})[^()（）]*[)）]\s*[:：—–-]\s+)"
)


def _pictograph(ch: str) -> bool:
    """An emoji or a symbol a channel puts before or after a headline ("📌", "⚡️", "🇨🇳", "★"):
    symbols, their variation selectors, skin tones and joiners, never a letter or punctuation."""
    return (unicodedata.category(ch) in ("So", "Cf") or ch in "\ufe0e\ufe0f"
            or "\U0001f3fb" <= ch <= "\U0001f3ff")


def _strip_span(line: Line, lo: int = 0, hi: int | None = None, numbering: bool = False) -> tuple[int, int]:
    """Document offsets of ``line.text[lo:hi]`` without surrounding spaces and markup (and,
    with ``numbering``, without a list number or an "Outlet (date):" prefix)."""
    t = line.text
    hi = len(t) if hi is None else hi
    m = MD_HEADING.match(t[lo:hi])
    if m:
        lo += m.start(2)
        hi = lo + len(m.group(2))
    if numbering:
        while lo < hi and (t[lo].isspace() or t[lo] in "*_"):
            lo += 1
        m = _HEAD_PREFIX.match(t[lo:hi])
        if m and m.end() < hi - lo:
            lo += m.end()
    while lo < hi and (t[lo].isspace() or t[lo] in "*_>" or _pictograph(t[lo])):  # ">": a quoted e-mail's line
        lo += 1
    while hi > lo and (t[hi - 1].isspace() or t[hi - 1] in "*_" or _pictograph(t[hi - 1])):
        hi -= 1
    return line.start + lo, line.start + hi


_TAIL = 40  # a "Read More" tail fits in the last characters of a line


_QUOTED = re.compile(r"^(?:>[ \t]?)+")  # "> " before every line of a quoted or forwarded e-mail


def _body_text(t: str) -> str:
    t = t.strip()
    if t[:1] == ">":
        t = _QUOTED.sub("", t)
    if len(t) > _TAIL:  # the tail pattern scans from every position: run it on the end only
        tail = t[-_TAIL:]
        if READ_MORE_TAIL.search(tail):
            t = (t[:-_TAIL] + READ_MORE_TAIL.sub("", tail)).rstrip()
    else:
        t = READ_MORE_TAIL.sub("", t).rstrip()
    if "  " in t or "\t" in t or "\u3000" in t:
        return _SPACE.sub(" ", t).strip()
    return t


def _closing_block(lines: tuple[Line, ...], first: int, last: int, cited: set[int]) -> list[int]:
    """Indices of the source / citation / URL lines that close the story ``first..last``."""
    block: list[int] = []
    k = last
    while k > first:
        ln = lines[k]
        if ln.kind == "text":
            if is_closing(ln.text) or k in cited:
                block.append(k)
            else:
                break
        k -= 1
    return sorted(block)


def build_one(cleaned: Cleaned, st: Start, limit: int, plan: Plan, *, generate: bool) -> Segment | None:
    lines = cleaned.lines
    last = limit - 1
    while last >= st.line and (lines[last].kind != "text" or last in plan.excluded):
        last -= 1
    if last < st.line:
        return None
    closing = set(_closing_block(lines, st.line, last, plan.cited))
    body: list[str] = []
    headline = None
    span = None
    for k in range(st.line, last + 1):
        ln = lines[k]
        if ln.kind != "text" or k in closing or k in plan.sections or k in plan.excluded:
            continue
        if k in plan.meta:
            if k != st.headline and is_source_line(ln.text):
                closing.add(k)
            continue
        if k == st.headline:
            span = _strip_span(ln, numbering=True)
            continue
        if k == st.line and st.inline is not None:
            span = (ln.start + st.inline.start, ln.start + st.inline.end)
            text = _body_text(ln.text[st.inline.body_start:])
        else:
            text = _body_text(ln.text)
        if text:
            body.append(text)
    doc = cleaned.doc
    if span is not None:
        headline = doc.text[span[0]:span[1]].strip()
    text = "\n".join(body)
    generated = False
    if headline is None and plan.mode == "single" and doc.title:
        headline = doc.title.strip() or None
    if headline is None and generate and text:
        headline, generated = generate_headline(text), True
    sources = [lines[k].text.strip() for k in sorted(closing) if not is_url_line(lines[k].text)]
    src_lines = [s for s in sources if is_source_line(s) or s]
    url = None
    for k in sorted(closing):
        url = first_url(lines[k].text)
        if url:
            break
    return Segment(
        start=lines[st.line].start,
        end=lines[last].end,
        text=text,
        headline=headline,
        headline_generated=generated,
        section=st.section,
        source_line="\n".join(src_lines) or None,
        url=url,
        headline_span=span,
    )


def build_segments(cleaned: Cleaned, plan: Plan, *, keep_headline_only: bool = False,
                   generate: bool = True) -> tuple[Segment, ...]:
    out = []
    n = len(cleaned.lines)
    for k, st in enumerate(plan.starts):
        limit = plan.starts[k + 1].line if k + 1 < len(plan.starts) else n
        if st.stop is not None and st.line < st.stop < limit:
            limit = st.stop
        seg = build_one(cleaned, st, limit, plan, generate=generate)
        if seg is not None and (seg.text or keep_headline_only):
            out.append(seg)
    if keep_headline_only:
        for i in plan.orphans:
            ln = cleaned.lines[i]
            s, e = _strip_span(ln)
            out.append(Segment(start=ln.start, end=ln.end, text="", headline=cleaned.doc.text[s:e],
                               headline_span=(s, e)))
        out.sort(key=lambda s: s.start)
    return tuple(out)
