"""The fourth blind held-out extraction set (sinodesk/eval/gold/extract/heldout4/): it loads, every
label re-reads in the reference text, every item is a held-out-pool item that no other gold file
names (heldout3's included, nor an earlier blind set's skip list), the file is what the compiler
makes of the typed labels, and the set is scored only when named.  No quality floor here: the set
is scored rarely, by the lead, figures only (each read is listed in its README)."""

from __future__ import annotations

import json

import pytest

from sinodesk.eval.extract import GOLD_DIR, HELDOUT, ON_REQUEST, SETS, load_set
from sinodesk.eval.public_items import in_heldout_pool
from tests.blind_sets import FIELDS, compiled_draw, draw_tool, other_gold_keys, reread_problems, rows, skipped_keys
from tests.conftest import ROOT, SHARED, need_shared

HELDOUT4 = GOLD_DIR / "heldout4" / "heldout4.jsonl"
TOOLS = ROOT / "tools"
# what the README's counts table says: items per dataset
COUNTS = {"thucnews": 35, "agnews": 32, "bbc": 15, "ecbplus": 16, "gvc": 2}
# the length cap of the draw per dataset (README: "How the items were drawn")
MAX_CHARS = {"bbc": 2000, "ecbplus": 1500, "gvc": 3100}


def _rows() -> list[dict]:
    return rows(HELDOUT4)


def test_heldout4_is_a_blind_set_scored_only_when_named():
    assert "heldout4" in SETS and "heldout4" in HELDOUT and "heldout4" in ON_REQUEST
    assert (GOLD_DIR / "heldout4" / "README.md").is_file()


def test_heldout4_rows_have_every_format_field_and_the_readme_counts():
    rows = _rows()
    per = {}
    for r in rows:
        per[r["dataset"]] = per.get(r["dataset"], 0) + 1
        assert {"dataset", "id", "lang", "text_sha1", "chars", "published", *FIELDS} <= set(r), r["id"]
        assert all(isinstance(r[f], list) for f in FIELDS)
        assert r["lang"] == ("zh" if r["dataset"] == "thucnews" else "en"), r["id"]
        assert "scope_end" not in r and r["chars"] <= MAX_CHARS.get(r["dataset"], 2500), r["id"]  # labelled whole
        assert any(r[f] for f in FIELDS), r["id"]  # items with nothing of the four kinds were skipped
    assert per == COUNTS
    assert len({(r["dataset"], r["id"]) for r in rows}) == len(rows) == 100


def test_heldout4_loads_through_the_eval_harness():
    need_shared(SHARED / "eval")
    items = load_set("heldout4", SHARED)
    assert len(items) == len(_rows())
    assert all(g.kind == "public" for g in items)


def test_heldout4_offsets_and_text_sha1_reread_against_load_item():
    need_shared(SHARED / "eval")
    assert reread_problems(_rows(), SHARED, outer_space=True) == []


def test_heldout4_items_are_in_the_pool_and_in_no_other_gold_file():
    rows = _rows()
    assert [r["id"] for r in rows if not in_heldout_pool(r["dataset"], r["id"])] == []
    skips = tuple(TOOLS / f"heldout{n}" / "skips.tsv" for n in ("", "2", "3"))
    other = other_gold_keys("heldout4", skips)
    assert len(other) > 900
    # the check can fail: heldout3's items and earlier skipped items are among the keys compared
    h3 = json.loads((GOLD_DIR / "heldout3" / "heldout3.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert (h3["dataset"], h3["id"]) in other
    assert ("agnews", "951") in other and ("agnews", "1688") in other
    assert sorted((r["dataset"], r["id"]) for r in rows if (r["dataset"], r["id"]) in other) == []


def test_heldout4_skips_are_not_labelled():
    skipped = skipped_keys("heldout4")
    assert len(skipped) == 8
    assert skipped.isdisjoint(f"{r['dataset']}:{r['id']}" for r in _rows())


@pytest.fixture(scope="module")
def tool():
    yield from draw_tool()


def test_heldout4_file_is_the_seeded_draw_compiled_from_the_typed_labels(tool):
    """The JSONL is exactly what tools/heldout4_gold.py compiles from tools/heldout4/*.ann, in the
    order of the seeded draw (nobody edited the file by hand, no item was chosen outside the draw)."""
    need_shared(SHARED / "eval")
    assert tool.BLIND_SETS["heldout4"].seed == 1404 and tool.BLIND_SETS["heldout4"].max_chars == MAX_CHARS
    order, compiled = compiled_draw(tool, "heldout4", SHARED)
    assert len(order) == 100
    assert compiled == _rows()


@pytest.mark.parametrize("name", ["heldout2", "heldout3"])
def test_earlier_draws_are_unchanged_by_the_later_set(tool, name):
    """Adding heldout4 (its gold file, skips and the draw's per-dataset length cap) does not move
    heldout2's or heldout3's draw."""
    need_shared(SHARED / "eval")
    hg = tool.hg
    hg.ANN_DIR = TOOLS / name
    order = [d["key"] for d in tool.draw(tool.BLIND_SETS[name], SHARED, hg.load_skips())]
    earlier = rows(GOLD_DIR / name / f"{name}.jsonl")
    assert order == [f"{r['dataset']}:{r['id']}" for r in earlier]
