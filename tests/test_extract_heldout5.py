"""The fifth blind held-out extraction set (sinodesk/eval/gold/extract/heldout5/): it loads, every
label re-reads in the reference text, every item is a held-out-pool item that no other gold file
names (heldout4's included, nor an earlier blind set's skip list), the file is what the compiler
makes of the typed labels in the order of the seeded draw, and the set is scored only when named.
No quality floor here: the set is scored rarely, by the lead, figures only (each read is listed in
its README)."""

from __future__ import annotations

import json

import pytest

from sinodesk.eval.extract import GOLD_DIR, HELDOUT, ON_REQUEST, SETS, load_set
from sinodesk.eval.public_items import in_heldout_pool
from tests.blind_sets import FIELDS, compiled_draw, draw_tool, other_gold_keys, reread_problems, rows, skipped_keys
from tests.conftest import ROOT, SHARED, need_shared

HELDOUT5 = GOLD_DIR / "heldout5" / "heldout5.jsonl"
TOOLS = ROOT / "tools"
# what the README's counts table says: items per dataset
COUNTS = {"thucnews": 30, "agnews": 28, "bbc": 8, "ecbplus": 12, "gvc": 1}
# the length cap of the draw per dataset (README: "How the items were drawn")
MAX_CHARS = {"bbc": 2000, "ecbplus": 1500, "gvc": 5600}


def _rows() -> list[dict]:
    return rows(HELDOUT5)


def test_heldout5_is_a_blind_set_scored_only_when_named():
    assert "heldout5" in SETS and "heldout5" in HELDOUT and "heldout5" in ON_REQUEST
    assert (GOLD_DIR / "heldout5" / "README.md").is_file()


def test_heldout5_rows_have_every_format_field_and_the_readme_counts():
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
    assert len({(r["dataset"], r["id"]) for r in rows}) == len(rows) == 79


def test_heldout5_loads_through_the_eval_harness():
    need_shared(SHARED / "eval")
    items = load_set("heldout5", SHARED)
    assert len(items) == len(_rows())
    assert all(g.kind == "public" for g in items)


def test_heldout5_offsets_and_text_sha1_reread_against_load_item():
    need_shared(SHARED / "eval")
    assert reread_problems(_rows(), SHARED, outer_space=True) == []


def test_heldout5_items_are_in_the_pool_and_in_no_other_gold_file():
    rows = _rows()
    assert [r["id"] for r in rows if not in_heldout_pool(r["dataset"], r["id"])] == []
    skips = tuple(TOOLS / f"heldout{n}" / "skips.tsv" for n in ("", "2", "3", "4"))
    other = other_gold_keys("heldout5", skips)
    assert len(other) > 1000
    # the check can fail: heldout4's items and its skipped items are among the keys compared
    h4 = json.loads((GOLD_DIR / "heldout4" / "heldout4.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert (h4["dataset"], h4["id"]) in other
    assert ("thucnews", "test:7160") in other and ("agnews", "951") in other
    assert sorted((r["dataset"], r["id"]) for r in rows if (r["dataset"], r["id"]) in other) == []


def test_heldout5_skips_are_not_labelled():
    skipped = skipped_keys("heldout5")
    assert len(skipped) == 7
    assert skipped.isdisjoint(f"{r['dataset']}:{r['id']}" for r in _rows())


@pytest.fixture(scope="module")
def tool():
    yield from draw_tool()


def test_heldout5_file_is_the_seeded_draw_compiled_from_the_typed_labels(tool):
    """The JSONL is exactly what tools/heldout5_gold.py compiles from tools/heldout5/*.ann, in the
    order of the seeded draw (nobody edited the file by hand, no item was chosen outside the draw)."""
    need_shared(SHARED / "eval")
    assert tool.BLIND_SETS["heldout5"].seed == 1405 and tool.BLIND_SETS["heldout5"].max_chars == MAX_CHARS
    order, compiled = compiled_draw(tool, "heldout5", SHARED)
    assert len(order) == 79
    assert compiled == _rows()


@pytest.mark.parametrize("name", ["heldout2", "heldout3", "heldout4"])
def test_earlier_draws_are_unchanged_by_the_later_set(tool, name):
    """Adding heldout5 (its gold file, skips and draw entry) does not move an earlier set's draw."""
    need_shared(SHARED / "eval")
    hg = tool.hg
    hg.ANN_DIR = TOOLS / name
    order = [d["key"] for d in tool.draw(tool.BLIND_SETS[name], SHARED, hg.load_skips())]
    earlier = rows(GOLD_DIR / name / f"{name}.jsonl")
    assert order == [f"{r['dataset']}:{r['id']}" for r in earlier]


def test_sweep_lists_only_what_no_label_covers(tool):
    """The second pass's reading aid (``sweep``) lists capitalised words, digits, number words, date
    words and speech cues outside every label, and nothing inside one."""
    need_shared(SHARED / "eval")
    hg = tool.hg
    rec = next(r for r in _rows() if r["dataset"] == "agnews" and r["id"] == "3600")
    hits = [line.split()[0] for line in hg.sweep(SHARED, rec)]
    assert "'said'" in hits and "'39'" in hits  # a cue and the digits of the source's "#39;"
    assert not any("Oracle" in h or "Catz" in h or "Delaware" in h for h in hits)  # labelled names are covered
