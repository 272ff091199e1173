"""Expand command-line inputs (paths, directories, '-', URLs) into RawItems."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import FetchFailed
from ..records import RawItem, Rejection
from .fetch import Fetcher, is_url

_FEED_RX = re.compile(rb"<(rss|rdf:RDF|feed)[\s>]", re.I)
_OPML_RX = re.compile(rb"<opml[\s>]", re.I)
_HTML_RX = re.compile(rb"<(!doctype html|html|head|body|div|p|article)[\s>]", re.I)
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}


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
    if len(data) > 2_000_000:
        return False
    lines = [ln.strip() for ln in data.splitlines() if ln.strip() and not ln.strip().startswith(b"#")]
    if not lines or any(b" " in ln for ln in lines):
        return False
    schemed = sum(1 for ln in lines if re.match(rb"^[a-z][a-z0-9+.-]*://", ln, re.I))
    return schemed >= max(1, 0.8 * len(lines)) and any(re.match(rb"^https?://", ln, re.I) for ln in lines)


def expand(
    args: list[str], fetcher: Fetcher, *, stdin=None, max_file_bytes: int = 50_000_000
) -> Iterator[RawItem | Rejection]:
    """Yield a RawItem for every input found, or a Rejection for one that cannot be read."""
    for arg in args:
        if arg == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            yield RawItem(source="-", data=data, kind=sniff_kind(data))
        elif is_url(arg):
            try:
                yield fetcher.fetch_raw(arg)
            except FetchFailed as exc:
                yield Rejection(source=arg, stage="fetch", reason=str(exc))
        elif re.match(r"^[a-z][a-z0-9+.-]*://", arg, re.I):
            yield Rejection(source=arg, stage="read", reason=f"{arg}: unsupported URL scheme (expected http:// or https://)")
        elif os.path.isdir(arg):
            found = False
            for path in _walk(arg):
                found = True
                yield from _read_file(path, max_file_bytes)
            if not found:
                yield Rejection(source=arg, stage="read", reason=f"{arg}: directory has no files to ingest")
        else:
            yield from _read_file(arg, max_file_bytes)


def _walk(root: str) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in sorted(filenames):
            if fn.startswith(".") or fn in _SKIP_NAMES:
                continue
            yield os.path.join(dirpath, fn)


def _read_file(path: str, max_bytes: int) -> Iterator[RawItem | Rejection]:
    p = Path(path)
    if not p.exists():
        yield Rejection(source=path, stage="read", reason=f"{path}: no such file or directory (check the path)")
        return
    try:
        size = p.stat().st_size
        if size > max_bytes:
            yield Rejection(source=path, stage="read", reason=f"{path}: file is {size} bytes, over the {max_bytes}-byte limit (split it or raise [ingest] max_file_bytes)")
            return
        data = p.read_bytes()
    except OSError as exc:
        yield Rejection(source=path, stage="read", reason=f"{path}: cannot read file ({exc.strerror}); check its permissions")
        return
    if not data.strip():
        yield Rejection(source=path, stage="read", reason=f"{path}: file is empty (nothing to ingest)", data=data)
        return
    yield RawItem(source=path, data=data, kind=sniff_kind(data, path))

