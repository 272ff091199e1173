"""The second blind held-out extraction set (sinodesk/eval/gold/extract/heldout2/): it loads,
every label re-reads in the reference text, every item is a held-out-pool item that no other
gold file names.  No quality floor here: the lead pins one after the single scoring run."""

from __future__ import annotations

from sinodesk.eval.extract import GOLD_DIR, SETS, load_set
from sinodesk.eval.public_items import in_heldout_pool
from tests.blind_sets import FIELDS, other_gold_keys, reread_problems, rows
from tests.conftest import SHARED, need_shared

HELDOUT2 = GOLD_DIR / "heldout2" / "heldout2.jsonl"


def _rows() -> list[dict]:
    return rows(HELDOUT2)


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
    assert reread_problems(_rows(), SHARED) == []


def test_heldout2_items_are_in_the_pool_and_in_no_other_gold_file():
    rows = _rows()
    assert all(in_heldout_pool(r["dataset"], r["id"]) for r in rows)
    other = other_gold_keys("heldout2")
    assert len(other) > 500
    assert sorted((r["dataset"], r["id"]) for r in rows if (r["dataset"], r["id"]) in other) == []

