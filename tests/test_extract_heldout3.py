"""The third blind held-out extraction set (sinodesk/eval/gold/extract/heldout3/): it loads, every
label re-reads in the reference text, every item is a held-out-pool item that no other gold file
names (nor an earlier blind set's skip list), the file is what the compiler makes of the typed
labels, and the set is scored only when named.  No quality floor here: the set is scored once."""

from __future__ import annotations

import json

import pytest

from sinodesk.eval.extract import GOLD_DIR, HELDOUT, ON_REQUEST, SETS, load_set
from sinodesk.eval.public_items import in_heldout_pool
from tests.blind_sets import FIELDS, compiled_draw, draw_tool, other_gold_keys, reread_problems, rows, skipped_keys
from tests.conftest import ROOT, SHARED, need_shared

HELDOUT3 = GOLD_DIR / "heldout3" / "heldout3.jsonl"
TOOLS = ROOT / "tools"
# what the README's counts table says: items per dataset
COUNTS = {"thucnews": 50, "agnews": 40, "bbc": 25, "ecbplus": 18, "gvc": 8, "feeds": 9}


def _rows() -> list[dict]:
    return rows(HELDOUT3)


def test_heldout3_is_a_blind_set_scored_only_when_named():
    assert "heldout3" in SETS and "heldout3" in HELDOUT and "heldout3" in ON_REQUEST
    assert (GOLD_DIR / "heldout3" / "README.md").is_file()


def test_heldout3_rows_have_every_format_field_and_the_readme_counts():
    rows = _rows()
    per = {}
    for r in rows:
        per[r["dataset"]] = per.get(r["dataset"], 0) + 1
        assert {"dataset", "id", "lang", "text_sha1", "chars", "published", *FIELDS} <= set(r), r["id"]
        assert all(isinstance(r[f], list) for f in FIELDS)
        assert r["lang"] == ("zh" if r["dataset"] == "thucnews" else "en"), r["id"]
        assert "scope_end" not in r and r["chars"] <= 2500, r["id"]  # every item labelled whole
        assert any(r[f] for f in FIELDS), r["id"]  # items with nothing of the four kinds were skipped
    assert per == COUNTS
    assert len({(r["dataset"], r["id"]) for r in rows}) == len(rows) == 150


def test_heldout3_loads_through_the_eval_harness():
    need_shared(SHARED / "eval")
    items = load_set("heldout3", SHARED)
    assert len(items) == len(_rows())
    assert all(g.kind == "public" for g in items)


def test_heldout3_offsets_and_text_sha1_reread_against_load_item():
    need_shared(SHARED / "eval")
    assert reread_problems(_rows(), SHARED, outer_space=True) == []


def test_heldout3_items_are_in_the_pool_and_in_no_other_gold_file():
    rows = _rows()
    assert [r["id"] for r in rows if not in_heldout_pool(r["dataset"], r["id"])] == []
    other = other_gold_keys("heldout3", (TOOLS / "heldout" / "skips.tsv", TOOLS / "heldout2" / "skips.tsv"))
    assert len(other) > 800
    # the check can fail: heldout2's items and an earlier skipped item are among the keys compared
    h2 = json.loads((GOLD_DIR / "heldout2" / "heldout2.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert (h2["dataset"], h2["id"]) in other and ("agnews", "951") in other
    assert sorted((r["dataset"], r["id"]) for r in rows if (r["dataset"], r["id"]) in other) == []


def test_heldout3_skips_are_not_labelled():
    skipped = skipped_keys("heldout3")
    assert len(skipped) == 14
    assert skipped.isdisjoint(f"{r['dataset']}:{r['id']}" for r in _rows())


@pytest.fixture(scope="module")
def tool():
    yield from draw_tool()


def test_heldout3_file_is_the_seeded_draw_compiled_from_the_typed_labels(tool):
    """The JSONL is exactly what tools/heldout3_gold.py compiles from tools/heldout3/*.ann, in the
    order of the seeded draw (nobody edited the file by hand, no item was chosen outside the draw)."""
    need_shared(SHARED / "eval")
    order, compiled = compiled_draw(tool, "heldout3", SHARED)
    assert len(order) == 150
    assert compiled == _rows()


def test_heldout2_draw_is_unchanged_by_the_later_set(tool):
    """Adding heldout3 (its gold file and skips) does not move heldout2's draw."""
    need_shared(SHARED / "eval")
    hg = tool.hg
    hg.ANN_DIR = TOOLS / "heldout2"
    order = [d["key"] for d in tool.draw(tool.BLIND_SETS["heldout2"], SHARED, hg.load_skips())]
    h2 = [json.loads(line) for line in (GOLD_DIR / "heldout2" / "heldout2.jsonl").read_text(encoding="utf-8").splitlines()]
    assert order == [f"{r['dataset']}:{r['id']}" for r in h2]


def test_tool_refuses_an_unknown_set(tool, capsys):
    assert tool.main(["--set", "heldout9", "draw"]) == 2
    assert capsys.readouterr().err == "Error: unknown blind set 'heldout9' (known: heldout2, heldout3, heldout4, heldout5)\n"
