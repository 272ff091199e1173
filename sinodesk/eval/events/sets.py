"""The labelled sets, as the JSONL lines a user would ingest, in file order, with their gold labels.

Read at run time from the shared evaluation folder (``--data``; never copied into the package):

* ``ecbplus``  982 articles, 2 similar events per topic; train = topics 1-35, test = 36-45 (no dates,
  no headlines: each line is ``{"url", "text"}``);
* ``gvc``      152 articles about 71 shootings, ``{"title", "date", "text"}``; validation split (78,
  where the time decay was chosen) and held-out test split (74), Bugert et al.'s;
* ``uci``      6,366 headlines with dates and publishers, title-only lines ``{"title", "date", "url",
  "outlet"}`` in timestamp order; train = the first 45% of the time range, scored on the rest;
* ``bbc-dups`` 2,225 BBC articles ``{"title", "text"}``: 98 exact copies + 35 copies under a rewritten
  headline.

Arrival orders (:func:`arrange`): ``file``, ``date`` (stable: undated lines keep their place after
the dated ones, as the runner links them) and ``shuffle-N`` (seeded).
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ...errors import BadInput, NotFound

SETS = ("ecbplus", "gvc", "uci", "bbc-dups")
FOLDERS = {
    "ecbplus": ("ecbplus-event-clusters", "ecbplus_docs.jsonl"),
    "gvc": ("gvc-event-clusters-subset", "gvc_docs.jsonl"),
    "uci": ("uci-news-aggregator-sample", "uci_news_aggregator_first6366.csv"),
    "bbc-dups": ("bbc-news-topics", "bbc_news.jsonl"),
}
UCI_TRAIN_SHARE = 0.45  # the first 45% of the UCI time range is training


@dataclass(frozen=True, slots=True)
class EvalItem:
    line: dict  # the JSONL object a user would write: url / title / date / text / outlet
    gold: str
    train: bool  # in the training split (tuned on); False: held out
    key: str  # the set's own id for the item


def eval_root(data: str | Path) -> Path:
    """The folder holding the set folders: ``data/eval`` when ``data`` is the shared folder, else ``data``."""
    data = Path(data)
    return data / "eval" if (data / "eval").is_dir() else data


def data_path(root: str | Path, name: str) -> Path:
    if name not in FOLDERS:
        raise BadInput(f"eval events: unknown set {name!r} (choose one of {', '.join(SETS)})")
    folder, file = FOLDERS[name]
    path = eval_root(root) / folder / file
    if not path.exists():
        raise NotFound(f"eval events: {path} is missing: put the shared data beside the repository, set "
                       "SINODESK_SHARED or pass --data DIR")
    return path


def _jsonl(root, name: str) -> list[dict]:
    return [json.loads(line) for line in data_path(root, name).open(encoding="utf-8")]


def load_ecbplus(root) -> list[EvalItem]:
    """ECB+ in file order (topic by topic); training = topics 1-35."""
    return [EvalItem({"url": d.get("url"), "text": d["text"]}, d["event_cluster"], d["topic"] <= 35, d["doc_id"])
            for d in _jsonl(root, "ecbplus")]


def load_gvc(root) -> list[EvalItem]:
    """GVC in file order; ``train`` marks the validation split (where the time decay was chosen)."""
    return [EvalItem({"title": d["title"], "date": d["dct"], "text": d["text"]}, str(d["incident_id"]),
                     d["split"] == "val", d["doc_id"]) for d in _jsonl(root, "gvc")]


def load_uci(root, *, train_share: float = UCI_TRAIN_SHARE) -> list[EvalItem]:
    """UCI headlines in timestamp order as title-only lines; the first ``train_share`` of the time range is training."""
    with data_path(root, "uci").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows.sort(key=lambda r: (int(r["TIMESTAMP"]), int(r["ID"])))
    t0, t1 = int(rows[0]["TIMESTAMP"]), int(rows[-1]["TIMESTAMP"])
    cut = t0 + train_share * (t1 - t0)
    out = []
    for r in rows:
        ts = int(r["TIMESTAMP"])
        day = datetime.fromtimestamp(ts / 1000, tz=timezone.utc).date().isoformat()
        line = {"title": r["TITLE"], "date": day, "url": r["URL"], "outlet": r["PUBLISHER"]}
        out.append(EvalItem(line, r["STORY"], ts < cut, f"uci-{r['ID']}"))
    return out


def load_bbc(root) -> list[EvalItem]:
    """BBC articles in file order; ``gold``: the id of the first article with the same body (itself if none)."""
    out, first = [], {}
    for d in _jsonl(root, "bbc-dups"):
        key = " ".join(d["text"].split())
        first.setdefault(key, d["id"])
        out.append(EvalItem({"title": d["title"], "text": d["text"]}, first[key], True, d["id"]))
    return out


LOADERS = {"ecbplus": load_ecbplus, "gvc": load_gvc, "uci": load_uci, "bbc-dups": load_bbc}
ORDERS = ("file", "date", "shuffle-1", "shuffle-2", "shuffle-3")


def arrange(items: Sequence[EvalItem], order: str) -> list[EvalItem]:
    """``items`` in an arrival order: 'file', 'date' (stable, undated last) or 'shuffle-N' (seed N)."""
    if order == "file":
        return list(items)
    if order == "date":
        return sorted(items, key=lambda it: it.line.get("date") or "9999")
    if order.startswith("shuffle-") and order[8:].isdigit():
        out = list(items)
        random.Random(int(order[8:])).shuffle(out)
        return out
    raise BadInput(f"eval events: unknown arrival order {order!r} (use file, date or shuffle-N)")
