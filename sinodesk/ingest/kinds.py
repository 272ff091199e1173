"""What kind of input a blob of bytes is (feed, OPML, HTML, JSONL, WARC, URL list or text).

Shared by the file/directory expansion (:mod:`.sources`) and the fetcher (:mod:`.fetch`), so
neither imports the other for it.
"""

from __future__ import annotations

import re

_FEED_RX = re.compile(rb"<(rss|rdf:RDF|feed)[\s>]", re.I)
_OPML_RX = re.compile(rb"<opml[\s>]", re.I)
_HTML_RX = re.compile(rb"<(!doctype html|html|head|body|div|p|article)[\s>]", re.I)
_SCHEMED = re.compile(rb"^[a-z][a-z0-9+.-]*://\S+$", re.I)


def sniff_kind(data: bytes, name: str = "", content_type: str | None = None) -> str:
    """Guess the input kind from its name, its content type and its first bytes."""
    lname = name.lower().split("?")[0]
    ctype = (content_type or "").lower()
    if lname.endswith((".warc", ".warc.gz")) or data[:4] == b"WARC":
        return "warc"
    if lname.endswith((".jsonl", ".ndjson")) or "ndjson" in ctype or "jsonl" in ctype:
        return "jsonl"
    head = data[:2048].lstrip()
    if lname.endswith(".opml") or _OPML_RX.search(head):
        return "opml"
    if lname.endswith((".rss", ".atom", ".rdf")) or "rss" in ctype or "atom" in ctype or _FEED_RX.search(head):
        return "feed"
    if lname.endswith((".html", ".htm", ".xhtml")) or "html" in ctype or _HTML_RX.search(head[:512]):
        return "html"
    if lname.endswith((".urls", ".lst")) or _looks_like_url_list(data):
        return "urls"
    if head.startswith(b"{") and lname.endswith(".json"):
        return "jsonl"
    return "text"


def _looks_like_url_list(data: bytes) -> bool:
    """Most lines are a single scheme://... token (so a list with a bad line is still a list)."""
    if len(data) > 2_000_000:
        return False
    lines = [ln.strip() for ln in data.splitlines() if ln.strip() and not ln.strip().startswith(b"#")]
    if not lines:
        return False
    schemed = sum(1 for ln in lines if _SCHEMED.match(ln))
    return schemed >= max(1, 0.6 * len(lines)) and any(re.match(rb"^https?://", ln, re.I) for ln in lines)
