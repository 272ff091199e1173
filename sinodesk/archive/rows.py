"""How stories and documents sit in the SQLite archive's rows, and the SQL that filters them."""

from __future__ import annotations

import datetime as dt

import orjson

from ..records import Story
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


def story_of_row(row) -> Story:
    data, event_id, duplicate_of = row
    return story_from_dict(orjson.loads(data) | {"event_id": event_id, "duplicate_of": duplicate_of})


def story_json(s: Story) -> str:
    d = story_to_dict(s)
    del d["event_id"], d["duplicate_of"]
    return orjson.dumps(d).decode("utf-8")


def index_columns(headline: str | None, text: str) -> tuple[str, str, str, str]:
    """What the full-text index holds for a story: headline, body, Chinese bigrams and characters."""
    return (headline or "", text, *cjk_index_columns((headline or "") + "\n" + text))


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


