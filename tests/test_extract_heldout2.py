"""The second blind held-out extraction set (sinodesk/eval/gold/extract/heldout2/): it loads,
every label re-reads in the reference text, every item is a held-out-pool item that no other
gold file names.  No quality floor here: the lead pins one after the single scoring run."""

from __future__ import annotations

import hashlib
import json

from sinodesk.eval.extract import GOLD_DIR, SETS, load_set
from sinodesk.eval.public_items import in_heldout_pool, load_item
from tests.conftest import SHARED, need_shared

HELDOUT2 = GOLD_DIR / "heldout2" / "heldout2.jsonl"
GOLD_ROOT = GOLD_DIR.parent
FIELDS = ("entities", "attributions", "numbers", "dates")


def _rows() -> list[dict]:
    return [json.loads(line) for line in HELDOUT2.read_text(encoding="utf-8").splitlines() if line.strip()]


def _labels(row: dict):
    for field in FIELDS:
        for x in row[field]:
            yield field, x
        for x in row.get("optional", {}).get(field, []):
            yield field, x
    for x in row.get("norp", []):
        yield "norp", x


def test_heldout2_is_a_known_set_with_its_readme():
    assert "heldout2" in SETS
    assert (GOLD_DIR / "heldout2" / "README.md").is_file()


def test_heldout2_rows_have_every_format_field():
    rows = _rows()
    assert len(rows) >= 150
    assert sum(r["lang"] == "zh" for r in rows) >= 45
    for r in rows:
        assert {"dataset", "id", "lang", "text_sha1", "chars", "published", *FIELDS} <= set(r), r["id"]
        assert all(isinstance(r[f], list) for f in FIELDS)
    assert len({(r["dataset"], r["id"]) for r in rows}) == len(rows)


def test_heldout2_loads_through_the_eval_harness():
    need_shared(SHARED / "eval")
    items = load_set("heldout2", SHARED)
    assert len(items) == len(_rows())
    assert all(g.kind == "public" for g in items)


def test_heldout2_offsets_and_text_sha1_reread_against_load_item():
    need_shared(SHARED / "eval")
    problems = []
    for r in _rows():
        item = load_item(r["dataset"], r["id"], SHARED)
        text = item.text
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != r["text_sha1"] or len(text) != r["chars"]:
            problems.append(f"{r['dataset']}:{r['id']}: reference text changed")
            continue
        if r["published"] != item.date:
            problems.append(f"{r['dataset']}:{r['id']}: published {r['published']} != {item.date}")
        hi = r.get("scope_end", len(text))
        for field, x in _labels(r):
            if text[x["start"]:x["end"]] != x["text"] or not 0 <= x["start"] < x["end"] <= hi:
                problems.append(f"{r['dataset']}:{r['id']} {field} {x['text']!r} at {x['start']}")
    assert problems == []


def _other_gold_keys() -> set[tuple[str, str]]:
    files = [p for p in (GOLD_ROOT / "extract").glob("*/*.jsonl") if p.parent.name != "heldout2"]
    files += [*(GOLD_ROOT / "incidents").glob("*.jsonl"), *(GOLD_ROOT / "topics").glob("*.jsonl")]
    assert any(p.parent.name == "heldout" for p in files) and any(p.parent.name == "incidents" for p in files)
    keys = set()
    for p in files:
        for line in p.read_text(encoding="utf-8").splitlines():
            d = json.loads(line) if line.strip() else {}
            if d.get("dataset") and d.get("id") is not None:
                keys.add(({"ag_news": "agnews"}.get(d["dataset"], d["dataset"]), str(d["id"])))
    return keys


def test_heldout2_items_are_in_the_pool_and_in_no_other_gold_file():
    rows = _rows()
    assert all(in_heldout_pool(r["dataset"], r["id"]) for r in rows)
    other = _other_gold_keys()
    assert len(other) > 500
    assert sorted((r["dataset"], r["id"]) for r in rows if (r["dataset"], r["id"]) in other) == []

