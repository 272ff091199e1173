"""How stories and documents sit in the SQLite archive's rows, and the SQL that filters them."""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass

import orjson

from ..records import Story, pickled_by_fields
from ..serialize import story_from_dict, story_to_dict
from .base import StoryFilter
from .textindex import cjk_index_columns

FILTERS = (
    ("since", "{a}.published >= ?"),
    ("until", "{a}.published < ?"),
    ("outlet", "lower({a}.outlet) = lower(?)"),
    ("language", "{a}.language = ?"),
    ("event_id", "{a}.event_id = ?"),
    ("doc_id", "{a}.doc_id = ?"),
    ("topic", "(',' || {a}.topics || ',') LIKE ?"),
    ("entity", "{a}.rid IN (SELECT rid FROM story_entities WHERE canonical = ?)"),
)


# story ``c`` is a near-duplicate of story ``o``: the linker says so and they come from different
# documents (stories split from one document share its URL but are not copies of each other)
def copy_of(c: str = "c", o: str = "o") -> str:
    return f"{c}.duplicate_of = {o}.story_id AND {c}.doc_id != {o}.doc_id"


COPY_JOIN = copy_of()


# a story is read from its JSON and the two columns the linker changes (kept out of the JSON, so
# linking a story writes two columns, not its whole row)
STORY_COLUMNS = "s.data, s.event_id, s.duplicate_of"


# A story's row JSON is stored deflated against a preset dictionary of the keys and values every
# story repeats (1.8 KB of JSON -> about 0.55 KB on generated news; without the dictionary 0.85 KB).
# The first byte names the dictionary: rows written with one must stay readable, so a dictionary is
# never edited -- a better one is added under the next byte.  Rows written as plain JSON text (by
# versions before this) are read as they are.
_DICTIONARIES = {
    1: (
        b'"dates":[{"text":"","iso":"20","start":,"end":,"precision":"day"},{"precision":"year"'
        b'"numbers":[{"text":"","value":,"unit":"percent","start":,"end":,"subject":""},'
        b'"attributions":[{"source":"","text":"","start":,"end":,"cue":"said","outlet_id":null},'
        b'"incidents":[],"headline_generated":false,"source_line":null,"published_source":"container","tp":[0,'
        b'"topic_scores":{"cyber":0.0,"tech_ai":0.0,"economy_trade":0.0,"politics_governance":0.0,"foreign_relations":0.0,'
        b'"military_security":0.0,"law_regulation":0.0,"society_censorship":0.0,"health":0.0,"history_culture":0.0,'
        b'"environment_energy":0.0},"entities":[{"text":"","label":"PERSON","canonical":"person:","start":,"end":},'
        b'{"text":"","label":"ORG","canonical":"org:","start":,"end":},{"text":"","label":"GPE","canonical":"gpe:","start":,"end":}],'
        b'{"story_id":"","doc_id":"","source":"","outlet":"","url":"https://www.","start":0,"end":,"headline":"",'
        b'"section":null,"language":"en","published":"20","topics":["'
    ),
}
_PACK_WITH = 1


def pack_json(d: dict) -> bytes:
    """``d`` as the stored bytes of a story row (see ``_DICTIONARIES``)."""
    z = zlib.compressobj(6, zlib.DEFLATED, -15, zdict=_DICTIONARIES[_PACK_WITH])
    return bytes((_PACK_WITH,)) + z.compress(orjson.dumps(d)) + z.flush()


def unpack_json(data: bytes | str) -> dict:
    """The dict of a stored story row, packed by :func:`pack_json` or plain JSON text."""
    if isinstance(data, str):
        return orjson.loads(data)
    z = zlib.decompressobj(-15, zdict=_DICTIONARIES[data[0]])
    return orjson.loads(z.decompress(data[1:]) + z.flush())


def story_dict(row) -> dict:
    """The export dict of a stored story; its text may still be pieces of its document's ("tp")."""
    data, event_id, duplicate_of = row
    return unpack_json(data) | {"event_id": event_id, "duplicate_of": duplicate_of}


def finish_story(d: dict, doc_text: str | None) -> Story:
    """The Story of :func:`story_dict`, its text joined from the pieces of ``doc_text``."""
    if "tp" in d:
        tp = d.pop("tp")
        d["text"] = "".join(doc_text[tp[i] : tp[i + 1]] for i in range(0, len(tp), 2))
    return story_from_dict(d)


def text_pieces(text: str, doc_text: str, start: int, end: int) -> list[int] | None:
    """Offsets [a1, b1, a2, b2, ...] into ``doc_text`` whose slices, joined, are ``text`` (a story's
    cleaned text is its span less the lines cleaning dropped), or None if it cannot be so written."""
    if doc_text[start:end] == text:
        return [start, end]
    out: list[int] = []
    pos = start
    lines = text.split("\n")
    for i, line in enumerate(lines):
        for piece in (line, "\n") if i < len(lines) - 1 else (line,):
            if not piece:
                continue
            k = doc_text.find(piece, pos, end)
            if k < 0:
                return None
            if out and out[-1] == k:
                out[-1] = k + len(piece)
            else:
                out += [k, k + len(piece)]
            pos = k + len(piece)
    if "".join(doc_text[out[i] : out[i + 1]] for i in range(0, len(out), 2)) != text or len(out) > 64:
        return None
    return out


def story_row(s: Story, doc_text: str | None = None) -> bytes:
    """The story's stored row: the export dict less the linker's columns, and its text as pieces of
    its document's text where it can be (the text is then stored once, in the document), packed."""
    d = story_to_dict(s)
    del d["event_id"], d["duplicate_of"]
    tp = text_pieces(s.text, doc_text, s.start, s.end) if doc_text is not None else None
    if tp is not None:
        del d["text"]
        d["tp"] = tp
    return pack_json(d)


def index_columns(headline: str | None, text: str) -> tuple[str, str, str, str]:
    """What the full-text index holds for a story: headline, body, Chinese bigrams and characters."""
    return (headline or "", text, *cjk_index_columns((headline or "") + "\n" + text))


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class PackedStory:
    """What :meth:`put_stories` would work out for a story from it alone -- its stored row
    (:func:`story_row`) and its Chinese index columns -- worked out where there is CPU to spare
    (in an ingest worker, while the one writing process links).  Valid for that story only: a
    story changed after it was packed is packed again by the writer."""

    row: bytes
    zh_bi: str
    zh_uni: str


def pack_story(s: Story, doc_text: str | None) -> PackedStory:
    """:class:`PackedStory` of ``s`` (``doc_text``: its document's text, that the row points into)."""
    return PackedStory(story_row(s, doc_text), *cjk_index_columns((s.headline or "") + "\n" + s.text))


def text_of_line(line: bytes) -> str | None:
    """The "text" of one UTF-8 JSONL line (None if it has none)."""
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    return obj.get("text") if isinstance(obj, dict) else None


def filter_sql(flt: StoryFilter, a: str = "s") -> tuple[list[str], list]:
    """WHERE conditions (on the stories table called ``a``) and their arguments."""
    where, args = [], []
    for attr, cond in FILTERS:
        value = getattr(flt, attr)
        if value:
            if flt.dated_by_ingest and attr in ("since", "until") and a == "s":
                # a story with no published date counts as of its document's ingest day
                cond = cond.replace("{a}.published", "COALESCE({a}.published, date(d.ingested, 'unixepoch'))")
            where.append(cond.format(a=a))
            if attr == "topic":
                value = f"%,{value},%"
            elif attr == "until":  # on/before the day, whatever time of day is stored
                value = (dt.date.fromisoformat(value[:10]) + dt.timedelta(days=1)).isoformat()
            args.append(value)
    if flt.outlets is not None:
        where.append(f"{a}.outlet IN ({','.join('?' * len(flt.outlets))})" if flt.outlets else "0")
        args.extend(flt.outlets)
    return where, args


