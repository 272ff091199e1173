"""Items of the public evaluation sets, addressed by (dataset, id), and their reference text.

The extraction gold sets (``sinodesk/eval/gold/extract/FORMAT.md``) label single items of the
public sets in ``../shared/eval`` by dataset and id.  This module is the one definition of

* which item a (dataset, id) pair names and what its *reference text* is (the text the labels'
  offsets point into; its sha1 is stored with the labels so drift is caught);
* the *held-out pool*: items whose ``sha1("dataset:id") % 4 == 0`` are reserved for the
  independent held-out set; development labels and tuning use only the other items;
* how an item reaches ``sinodesk ingest`` for measurement (:func:`ingest_input`).

The data itself is read from the shared folder at run time and never shipped.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import BadInput

DATASETS = ("bbc", "agnews", "ecbplus", "gvc", "thucnews", "feeds", "zyte", "trafilatura")


def in_heldout_pool(dataset: str, item_id: str) -> bool:
    """True for items reserved for the held-out set (never to be used for development)."""
    return int(hashlib.sha1(f"{dataset}:{item_id}".encode()).hexdigest(), 16) % 4 == 0


@dataclass(frozen=True)
class PublicItem:
    dataset: str
    id: str
    text: str  # the reference text the labels point into
    title: str | None = None
    date: str | None = None  # the container's date (feed pubDate, GVC dct), ISO, or None
    path: Path | None = None  # the original file, for datasets ingested as files (feeds, pages)
    lang: str | None = None

    @property
    def sha1(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()


def _eval_dir(shared: Path) -> Path:
    d = Path(shared) / "eval"
    if not d.is_dir():
        raise BadInput(f"{d}: shared evaluation data not found (pass --data pointing at the shared folder or set SINODESK_SHARED)")
    return d


@lru_cache(maxsize=16)
def _jsonl_by_id(path: Path, key: str) -> dict[str, dict]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                out[str(row[key])] = row
    return out


@lru_cache(maxsize=2)
def _agnews_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=4)
def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@lru_cache(maxsize=32)
def _feed_entries(path: Path) -> list:
    import feedparser

    return feedparser.parse(path.read_bytes()).get("entries", [])


def _feed_item(ev: Path, item_id: str) -> PublicItem:
    from ..ingest.readers import _iso, fragment_text

    name, _, idx = item_id.rpartition("#")
    path = ev / "news-feeds" / "feeds" / name
    if not path.is_file() or not idx.isdigit():
        raise BadInput(f"feeds item {item_id!r}: expected '<file in news-feeds/feeds>#<0-based entry index>'")
    entries = _feed_entries(path)
    if int(idx) >= len(entries):
        raise BadInput(f"feeds item {item_id!r}: {name} has {len(entries)} entries")
    entry = entries[int(idx)]
    body = ""
    if entry.get("content"):
        body = max((c.get("value", "") for c in entry["content"]), key=len)
    if len(entry.get("summary", "") or "") > len(body):
        body = entry["summary"]
    title = fragment_text(entry.get("title", "") or "") or None
    text = fragment_text(body) or title or ""
    date = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
    return PublicItem("feeds", item_id, text, title, date, path)


def load_item(dataset: str, item_id: str, shared: Path) -> PublicItem:
    """The item ``item_id`` of ``dataset`` with its reference text (see FORMAT.md for each recipe)."""
    ev = _eval_dir(shared)
    if dataset == "bbc":
        row = _jsonl_by_id(ev / "bbc-news-topics" / "bbc_news.jsonl", "id").get(item_id)
        if row is not None:
            return PublicItem(dataset, item_id, f"{row['title']}\n\n{row['text']}", row["title"], lang="en")
    elif dataset == "agnews":
        rows = _agnews_rows(ev / "ag-news-test" / "test.csv")
        if item_id.isdigit() and int(item_id) < len(rows):
            row = rows[int(item_id)]
            return PublicItem(dataset, item_id, f"{row['title']}\n\n{row['description']}", row["title"], lang="en")
    elif dataset == "ecbplus":
        row = _jsonl_by_id(ev / "ecbplus-event-clusters" / "ecbplus_docs.jsonl", "doc_id").get(item_id)
        if row is not None:
            return PublicItem(dataset, item_id, row["text"], lang="en")
    elif dataset == "gvc":
        row = _jsonl_by_id(ev / "gvc-event-clusters-subset" / "gvc_docs.jsonl", "doc_id").get(item_id)
        if row is not None:
            return PublicItem(dataset, item_id, f"{row['title']}\n\n{row['text']}", row["title"], row.get("dct") or None, lang="en")
    elif dataset == "thucnews":
        split, _, n = item_id.partition(":")
        if split in ("test", "dev") and n.isdigit():
            lines = _lines(ev / "thucnews-headlines-zh" / f"{split}.txt")
            if int(n) < len(lines):
                return PublicItem(dataset, item_id, lines[int(n)].split("\t")[0], lang="zh")
    elif dataset == "feeds":
        return _feed_item(ev, item_id)
    elif dataset == "zyte":
        gt = _jsonl_like_json(ev / "zyte-article-extraction" / "ground-truth.json")
        if item_id in gt:
            path = ev / "zyte-article-extraction" / "html" / f"{item_id}.html.gz"
            return PublicItem(dataset, item_id, gt[item_id]["articleBody"], path=path)
    elif dataset == "trafilatura":
        path = ev / "trafilatura-eval" / "html" / item_id
        if path.is_file():
            import trafilatura

            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
            text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
            return PublicItem(dataset, item_id, text, path=path)
    else:
        raise BadInput(f"unknown dataset {dataset!r} (known: {', '.join(DATASETS)})")
    raise BadInput(f"{dataset} item {item_id!r} not found in {ev} (check the id: see FORMAT.md for how ids are written)")


@lru_cache(maxsize=1)
def _jsonl_like_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
