"""Decode one RawItem into Documents, by kind.

Each reader returns a :class:`ReadResult`: the documents, the rejections (an item that
cannot be read is recorded and the rest goes on) and, for OPML and URL lists, the RawItems
fetched from the URLs they name.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import re
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from ..errors import BadInput, DecodeFailed, FetchFailed
from ..records import Document, RawItem, Rejection
from .decode import decode_bytes
from .fetch import Fetcher, is_url
from .html import fragment_text, page_text


@dataclass
class ReadResult:
    documents: list[Document] = field(default_factory=list)
    rejects: list[Rejection] = field(default_factory=list)
    children: list[RawItem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Item:
    """A document as read, with the bytes of its own item when it is one of many in its input
    (a JSONL line): what a rejection of the document keeps, rather than the whole input."""

    doc: Document
    data: bytes = b""
    at: int = -1  # where ``data`` starts in the raw input's bytes (-1: not a slice of them)


def _id(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_raw(raw: RawItem, fetcher: Fetcher | None = None, *, fetch_children: bool = True) -> ReadResult:
    """Documents of one raw item.  ``fetch_children=False`` (reprocess) skips OPML/URL lists."""
    reader = _READERS[raw.kind]
    res = reader(raw, fetcher, fetch_children) if raw.kind in ("opml", "urls") else reader(raw)
    if raw.outlet:  # named with 'ingest --outlet': every document and fetched child is from it
        res.documents = [replace(d, outlet=raw.outlet) for d in res.documents]
        res.children = [replace(c, outlet=raw.outlet) for c in res.children]
    return res


def iter_read(raw: RawItem, fetcher: Fetcher | None = None, *, fetch_children: bool = True) -> Iterator[Item | Rejection | RawItem]:
    """What one raw item holds, as it is read: Items, Rejections and (OPML, URL lists) the
    RawItems fetched from the URLs it names.  A JSONL file is read line by line, so its
    documents never all sit in memory at once."""
    if raw.kind == "jsonl":
        yield from iter_jsonl(raw)
        return
    res = read_raw(raw, fetcher, fetch_children=fetch_children)
    yield from res.rejects
    yield from res.children
    whole = raw.data if raw.kind in ("text", "html") else b""  # the document is the whole input
    for doc in res.documents:
        yield Item(doc, whole)


def _reject(raw: RawItem, exc: Exception, stage: str | None = None, item: str = "") -> Rejection:
    return Rejection(
        source=raw.source, stage=stage or getattr(exc, "stage", "read"), reason=str(exc), data=raw.data, item=item, raw_id=raw.sha256
    )


def _decode_or_reject(raw: RawItem, res: ReadResult) -> tuple[str, str] | None:
    try:
        return decode_bytes(raw.data, name=raw.source, content_type=raw.content_type)
    except DecodeFailed as exc:
        res.rejects.append(_reject(raw, exc))
        return None


# -- plain text ------------------------------------------------------------------------------

def read_text(raw: RawItem) -> ReadResult:
    try:
        text, enc = decode_bytes(raw.data, name=raw.source, content_type=raw.content_type)
    except DecodeFailed as exc:
        return ReadResult(rejects=[_reject(raw, exc)])
    if not text.strip():
        return ReadResult(rejects=[_reject(raw, BadInput(f"{raw.source}: no text after decoding (nothing to ingest)"))])
    doc = Document(doc_id=_id(raw.sha256), raw_id=raw.sha256, source=raw.source, kind="text", text=text, url=raw.url, encoding=enc)
    return ReadResult(documents=[doc])


# -- HTML ------------------------------------------------------------------------------------

def html_document(html: str, *, raw: RawItem, url: str | None, item_key: str = "", kind: str = "html", enc: str | None = None) -> Document:
    import trafilatura

    meta = None
    try:
        meta = trafilatura.extract_metadata(html, default_url=url)
    except Exception:  # trafilatura's metadata pass is best-effort; the text still counts
        meta = None
    text, digest = page_text(html, url)
    if kind == "html" and digest is None:
        kind = "html-article"  # the page's main content is one article: trafilatura's text, never split
    elif kind == "html" and digest:
        kind = "html-digest"  # linked headlines of stories in the main content: a multi-story page
    if not text.strip():
        raise BadInput(f"{raw.source}{' ' + item_key if item_key else ''}: no main text found in the HTML page (is it a script-rendered page? save the rendered HTML)", stage="extract")
    title = getattr(meta, "title", None) if meta else None
    return Document(
        doc_id=_id(raw.sha256, item_key),
        raw_id=raw.sha256,
        source=raw.source,
        kind=kind,
        text=text,
        title=title or None,
        url=(getattr(meta, "url", None) if meta else None) or url,
        outlet=(getattr(meta, "sitename", None) if meta else None) or None,
        published=(getattr(meta, "date", None) if meta else None) or None,
        author=(getattr(meta, "author", None) if meta else None) or None,
        encoding=enc,
        html=html,
        item_key=item_key,
    )


def read_html(raw: RawItem) -> ReadResult:
    try:
        html, enc = decode_bytes(raw.data, name=raw.source, content_type=raw.content_type)
        return ReadResult(documents=[html_document(html, raw=raw, url=raw.url, enc=enc)])
    except BadInput as exc:
        return ReadResult(rejects=[_reject(raw, exc)])


# -- feeds -----------------------------------------------------------------------------------

def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, time.struct_time):
        try:
            return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except ValueError:
            return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()[:10]
    s = str(value).strip()
    if not s:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    import dateparser

    d = dateparser.parse(s, languages=["en", "zh"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return d.date().isoformat() if d else None


def read_feed(raw: RawItem) -> ReadResult:
    import feedparser

    headers = {"content-type": raw.content_type} if raw.content_type else {}
    parsed = feedparser.parse(raw.data, response_headers=headers)
    res = ReadResult()
    entries = parsed.get("entries", [])
    if parsed.get("bozo") and not entries:
        exc = parsed.get("bozo_exception")
        res.rejects.append(_reject(raw, BadInput(f"{raw.source}: not a readable feed ({type(exc).__name__}: {exc}); check that the URL or file is RSS/Atom"), stage="parse"))
        return res
    if not entries:
        res.rejects.append(_reject(raw, BadInput(f"{raw.source}: feed has no entries (nothing to ingest)"), stage="parse"))
        return res
    feed_title = fragment_text(parsed.feed.get("title", "") or "") or None
    skipped = 0
    for n, entry in enumerate(entries, 1):
        where = f"entry {n}"
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry["content"]), key=len)
        if len(entry.get("summary", "") or "") > len(body):
            body = entry["summary"]
        text = fragment_text(body)
        title = fragment_text(entry.get("title", "") or "") or None
        link = entry.get("link") or None
        if not text and not title:
            res.rejects.append(_reject(raw, BadInput(f"{raw.source} {where}: entry has neither title nor text (skipped)"), stage="parse", item=where))
            skipped += 1
            continue
        if not text:
            text = title or ""
        key = entry.get("id") or link or ""
        with warnings.catch_warnings():  # feedparser warns about its updated->published fallback
            warnings.simplefilter("ignore", DeprecationWarning)
            published = _iso(entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published") or entry.get("updated"))
        res.documents.append(
            Document(
                doc_id=_id("entry", key, title or "", text),
                raw_id=raw.sha256,
                source=raw.source,
                kind="feed-entry",
                text=text,
                title=title,
                url=link,
                outlet=feed_title,
                published=published,
                author=entry.get("author") or None,
                encoding=parsed.get("encoding"),
                item_key=where,
            )
        )
    if parsed.get("bozo"):
        res.rejects.append(_reject(raw, BadInput(_malformed_message(raw, parsed.get("bozo_exception"), len(entries), skipped)), stage="malformed"))
    return res


_ENTRY_TAG = re.compile(rb"<(?:[A-Za-z][\w.-]*:)?(?:item|entry)[\s/>]")
_DECLARATION_ONLY = ("CharacterEncodingOverride", "NonXMLContentType")  # feedparser read the whole feed anyway


def _malformed_message(raw: RawItem, exc: BaseException | None, parsed: int, skipped: int = 0) -> str:
    """What a feed that parsed with an error lost, counted: the entries the loose parser gave back
    against the entry tags in the bytes, less those skipped for having neither title nor text (each
    rejected on its own), so "read N of M" is what was ingested.  A wrong encoding or content-type
    declaration loses nothing but may garble the text, which is what the reader should check."""
    what = f"{type(exc).__name__}: {exc}"
    declaration = type(exc).__name__ in _DECLARATION_ONLY
    total = parsed if declaration else max(parsed, len(_ENTRY_TAG.findall(raw.data)))
    lost, read = total - parsed, parsed - skipped
    counts = f"all {total} entries were read" if read == total else f"{read} of its {total} entries were read"
    if skipped:
        counts += f", {skipped} skipped (neither title nor text)"
    if lost:
        counts += f", {lost} {'is' if lost == 1 else 'are'} lost"
    if declaration:
        return (f"{raw.source}: feed declares the wrong encoding or type ({what}); {counts}, "
                "check that their text reads right — ask the publisher to fix the declaration")
    return f"{raw.source}: feed is malformed ({what}); {counts} — ask the publisher to fix the feed"


# -- OPML and URL lists ----------------------------------------------------------------------

def read_opml(raw: RawItem, fetcher: Fetcher | None, fetch_children: bool) -> ReadResult:
    from lxml import etree

    res = ReadResult()
    try:
        root = etree.fromstring(raw.data, parser=etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        res.rejects.append(_reject(raw, BadInput(f"{raw.source}: not readable OPML ({exc}); check the file"), stage="parse"))
        return res
    urls = [o.get("xmlUrl") for o in (root.iter("outline") if root is not None else []) if o.get("xmlUrl")]
    if not urls:
        res.rejects.append(_reject(raw, BadInput(f"{raw.source}: OPML file lists no feeds (no outline has an xmlUrl)"), stage="parse"))
        return res
    for n, url in enumerate(urls, 1):
        url = url.strip()
        if not is_url(url):  # a file name or a relative link: no fetch can take it (as a URL list's line)
            res.rejects.append(Rejection(raw.source, "read", f"{raw.source} outline {n}: {url!r} is not a URL (expected http:// or https://; "
                                         "ingest a feed file by its path)", url.encode(), f"outline {n}", raw.sha256))
        elif fetch_children:
            _fetch_child(raw, url, f"outline {n}", fetcher, res, kind_hint="feed")
    return res


def read_urls(raw: RawItem, fetcher: Fetcher | None, fetch_children: bool) -> ReadResult:
    res = ReadResult()
    decoded = _decode_or_reject(raw, res)
    if decoded is None:
        return res
    for n, line in enumerate(decoded[0].splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if not is_url(s):
            res.rejects.append(
                Rejection(raw.source, "read", f"{raw.source} line {n}: {s!r} is not a URL (expected http:// or https://)", s.encode(), f"line {n}", raw.sha256)
            )
            continue
        if fetch_children:
            _fetch_child(raw, s, f"line {n}", fetcher, res)
    return res


def _fetch_child(raw: RawItem, url: str, where: str, fetcher: Fetcher | None, res: ReadResult, kind_hint: str | None = None) -> None:
    if fetcher is None:
        return
    try:
        res.children.append(fetcher.fetch_raw(url, kind_hint=kind_hint))
    except FetchFailed as exc:
        res.rejects.append(Rejection(url, "fetch", f"{raw.source} {where}: {exc}", b"", where, raw.sha256))


# -- JSONL -----------------------------------------------------------------------------------

_EOL = re.compile(rb"\r\n|\r|\n")


def _jsonl_lines(raw: RawItem) -> tuple[str, Iterator[tuple[int, bytes, str, int]]] | DecodeFailed:
    """The file's encoding and (line number, the line's bytes, its text, where its bytes start
    in the file or -1) for every line.

    UTF-8 (the JSON Lines norm, checked over the whole file in 1 MB steps without holding its
    text) is decoded line by line; another encoding is decoded whole, as any text file is.
    Lines end at \\n, \\r\\n or \\r: a U+2028 inside a JSON string does not split its line.
    """
    data = raw.data
    start = 3 if data.startswith(codecs.BOM_UTF8) else 0
    view = memoryview(data)
    check = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        for i in range(start, len(data), 1 << 20):
            check.decode(view[i : i + (1 << 20)])
        check.decode(b"", final=True)
        utf8 = True
    except UnicodeDecodeError:
        utf8 = False
    if not utf8:
        try:
            text, enc = decode_bytes(data, name=raw.source, content_type=raw.content_type)
        except DecodeFailed as exc:
            return exc
        return enc, ((n, line.encode(enc, "replace"), line, -1) for n, line in enumerate(re.split(r"\r\n|\r|\n", text), 1))

    def lines() -> Iterator[tuple[int, bytes, str, int]]:
        pos, n = start, 0
        for m in _EOL.finditer(data, start):
            n += 1
            line = data[pos : m.start()]
            yield n, line, line.decode("utf-8"), pos
            pos = m.end()
        if pos < len(data):
            line = data[pos:]
            yield n + 1, line, line.decode("utf-8"), pos

    return ("utf-8-sig" if start else "utf-8"), lines()


# the keys feeds, APIs and scrapers write a line's outlet under, first found wins (README "JSONL input");
# "source" and "publisher" may be objects with a "name" (NewsAPI writes {"source": {"id", "name"}})
JSONL_OUTLET_KEYS = ("outlet", "source_name", "source", "publisher", "site_name", "site")
_URL_OR_PATH = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//|^[^\s]*[/\\][^\s]*$", re.I)  # a URL, or a path with no space


def _jsonl_outlet(obj: dict) -> str | None:
    """A JSONL line's outlet: the first of :data:`JSONL_OUTLET_KEYS` holding a name (a URL or a path is no name,
    the next key is tried).  A line that has "outlet" says it, even null: sinodesk's own export writes "source" as
    the path the story was read from, and an export read back keeps its outlets."""
    if "outlet" in obj:
        value = obj["outlet"]
        return value.strip() or None if isinstance(value, str) else None
    for key in JSONL_OUTLET_KEYS[1:]:
        value = obj.get(key)
        if isinstance(value, dict) and key in ("source", "publisher"):
            value = value.get("name")
        if isinstance(value, str) and value.strip() and not _URL_OR_PATH.search(value.strip()):
            return value.strip()
    return None


def iter_jsonl(raw: RawItem) -> Iterator[Item | Rejection]:
    """Each line of a JSONL file as it is read (one object per line, needs a "text" string):
    an :class:`Item` holding the line's bytes, or a Rejection naming the line."""
    read = _jsonl_lines(raw)
    if isinstance(read, DecodeFailed):
        yield _reject(raw, read)
        return
    enc, lines = read
    raw_id = raw.sha256
    found = False
    for n, data, line, at in lines:
        if not line.strip():
            continue
        found = True
        where = f"line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(raw.source, "parse", f"{raw.source} {where}: not valid JSON ({exc.msg} at column {exc.colno}); fix the line", data, where, raw_id)
            continue
        if not isinstance(obj, dict):
            yield Rejection(raw.source, "parse", f"{raw.source} {where}: expected a JSON object with a \"text\" field, got {type(obj).__name__}", data, where, raw_id)
            continue
        body = obj.get("text")
        title = obj.get("title") if isinstance(obj.get("title"), str) and obj["title"].strip() else None
        if not isinstance(body, str) or not body.strip():
            if title is None:
                yield Rejection(raw.source, "parse", f"{raw.source} {where}: neither \"text\" nor \"title\" (each line needs a non-empty \"text\" or \"title\" string)", data, where, raw_id)
                continue
            body = title  # a headline-only item (aggregators, title-only feeds): the headline is all the text there is
        kind = "headline" if body is title else "jsonl"
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        doc = Document(
            doc_id=_id("jsonl", url or "", title or "", body),
            raw_id=raw_id,
            source=raw.source,
            kind=kind,
            text=body,
            title=title,
            url=url,
            outlet=raw.outlet or _jsonl_outlet(obj),
            published=_iso(obj.get("date") or obj.get("published")),
            author=obj.get("author") if isinstance(obj.get("author"), str) else None,
            encoding=enc,
            item_key=where,
        )
        yield Item(doc, data, at)
    if not found:
        yield _reject(raw, BadInput(f"{raw.source}: JSONL file has no lines (nothing to ingest)"))


def read_jsonl(raw: RawItem) -> ReadResult:
    res = ReadResult()
    for got in iter_jsonl(raw):
        if isinstance(got, Item):
            res.documents.append(got.doc)
        else:
            res.rejects.append(got)
    return res


# -- WARC ------------------------------------------------------------------------------------

def read_warc(raw: RawItem) -> ReadResult:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    res = ReadResult()
    try:
        for n, rec in enumerate(ArchiveIterator(io.BytesIO(raw.data)), 1):
            if rec.rec_type != "response":
                continue
            uri = rec.rec_headers.get_header("WARC-Target-URI") or f"record {n}"
            ctype = rec.http_headers.get_header("Content-Type") if rec.http_headers else None
            body = rec.content_stream().read()
            if ctype and "html" not in ctype.lower():
                continue
            try:
                html, enc = decode_bytes(body, name=f"{raw.source} {uri}", content_type=ctype)
                res.documents.append(html_document(html, raw=raw, url=uri, item_key=uri, kind="warc-record", enc=enc))
            except BadInput as exc:
                res.rejects.append(Rejection(raw.source, exc.stage, str(exc), body, uri, raw.sha256))
    except ArchiveLoadFailed as exc:
        res.rejects.append(_reject(raw, BadInput(f"{raw.source}: not a readable WARC file ({exc}); check the file"), stage="parse"))
    if not res.documents and not res.rejects:
        res.rejects.append(_reject(raw, BadInput(f"{raw.source}: WARC file has no HTML responses (nothing to ingest)")))
    return res


_READERS = {
    "text": read_text,
    "html": read_html,
    "feed": read_feed,
    "opml": read_opml,
    "urls": read_urls,
    "jsonl": read_jsonl,
    "warc": read_warc,
}
