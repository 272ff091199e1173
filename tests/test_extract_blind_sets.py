"""The blind held-out extraction sets heldout2-heldout5 (sinodesk/eval/gold/extract/heldoutN/): each
loads through the eval harness, every label re-reads in the reference text, every item is a
held-out-pool item that no other gold file names (nor an earlier set's skip list), each set is
scored only when named, and heldout3-heldout5 are exactly what the compiler makes of the typed
labels, in the order of their seeded draw.  No quality floor here: scoring a blind set in the suite
would spend its blindness; the lead scores them rarely, figures only (each read is listed in the
set's README)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from sinodesk.eval.extract import GOLD_DIR, HELDOUT, ON_REQUEST, SETS, load_set
from sinodesk.eval.public_items import in_heldout_pool
from tests.blind_sets import FIELDS, compiled_draw, draw_tool, other_gold_keys, reread_problems, rows, skipped_keys
from tests.conftest import ROOT, SHARED, need_shared

TOOLS = ROOT / "tools"


@dataclass(frozen=True)
class Spec:
    """What a blind set's README says of it, and what its pool check compares against."""

    name: str
    seed: int
    counts: dict  # items per dataset (the README's counts table)
    skipped: int  # lines of tools/<name>/skips.tsv
    earlier_skips: tuple  # the skip lists of earlier sets its items must avoid ("" = the first set's)
    min_other: int  # at least this many keys in the other gold files (the check sees them)
    probes: tuple  # keys the other-gold check must hold, so that it can fail
    max_chars: dict = field(default_factory=dict)  # the draw's length cap per dataset (default 2500)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def path(self):
        return GOLD_DIR / self.name / f"{self.name}.jsonl"


COMPILED = {
    s.name: s
    for s in (
        Spec("heldout3", 1403, {"thucnews": 50, "agnews": 40, "bbc": 25, "ecbplus": 18, "gvc": 8, "feeds": 9},
             skipped=14, earlier_skips=("", "2"), min_other=800, probes=(("agnews", "951"),)),
        Spec("heldout4", 1404, {"thucnews": 35, "agnews": 32, "bbc": 15, "ecbplus": 16, "gvc": 2},
             skipped=8, earlier_skips=("", "2", "3"), min_other=900, probes=(("agnews", "951"), ("agnews", "1688")),
             max_chars={"bbc": 2000, "ecbplus": 1500, "gvc": 3100}),
        Spec("heldout5", 1405, {"thucnews": 30, "agnews": 28, "bbc": 8, "ecbplus": 12, "gvc": 1},
             skipped=7, earlier_skips=("", "2", "3", "4"), min_other=1000,
             probes=(("thucnews", "test:7160"), ("agnews", "951")),
             max_chars={"bbc": 2000, "ecbplus": 1500, "gvc": 5600}),
    )
}
ALL = ["heldout2", *COMPILED]


def _earlier(name: str) -> str:
    return ALL[ALL.index(name) - 1]


@pytest.mark.parametrize("name", ALL)
def test_blind_set_is_known_with_its_readme(name):
    assert name in SETS and (GOLD_DIR / name / "README.md").is_file()


@pytest.mark.parametrize("name", COMPILED)
def test_blind_set_is_scored_only_when_named(name):
    assert name in HELDOUT and name in ON_REQUEST


@pytest.mark.parametrize("name", ALL)
def test_blind_set_loads_through_the_eval_harness(name):
    need_shared(SHARED / "eval")
    items = load_set(name, SHARED)
    assert len(items) == len(rows(GOLD_DIR / name / f"{name}.jsonl"))
    assert all(g.kind == "public" for g in items)


@pytest.mark.parametrize("name", ALL)
def test_blind_set_offsets_and_text_sha1_reread_against_load_item(name):
    need_shared(SHARED / "eval")
    # heldout2 predates the rule that no label has spaces around it
    assert reread_problems(rows(GOLD_DIR / name / f"{name}.jsonl"), SHARED, outer_space=name != "heldout2") == []


def test_heldout2_rows_have_every_format_field():
    got = rows(GOLD_DIR / "heldout2" / "heldout2.jsonl")
    assert len(got) >= 150 and sum(r["lang"] == "zh" for r in got) >= 45
    for r in got:
        assert {"dataset", "id", "lang", "text_sha1", "chars", "published", *FIELDS} <= set(r), r["id"]
        assert all(isinstance(r[f], list) for f in FIELDS)
    assert len({(r["dataset"], r["id"]) for r in got}) == len(got)


def test_heldout2_items_are_in_the_pool_and_in_no_other_gold_file():
    got = rows(GOLD_DIR / "heldout2" / "heldout2.jsonl")
    assert all(in_heldout_pool(r["dataset"], r["id"]) for r in got)
    other = other_gold_keys("heldout2")
    assert len(other) > 500
    assert sorted((r["dataset"], r["id"]) for r in got if (r["dataset"], r["id"]) in other) == []


@pytest.mark.parametrize("spec", COMPILED.values(), ids=list(COMPILED))
def test_blind_set_rows_have_every_format_field_and_the_readme_counts(spec):
    per = {}
    got = rows(spec.path)
    for r in got:
        per[r["dataset"]] = per.get(r["dataset"], 0) + 1
        assert {"dataset", "id", "lang", "text_sha1", "chars", "published", *FIELDS} <= set(r), r["id"]
        assert all(isinstance(r[f], list) for f in FIELDS)
        assert r["lang"] == ("zh" if r["dataset"] == "thucnews" else "en"), r["id"]
        assert "scope_end" not in r and r["chars"] <= spec.max_chars.get(r["dataset"], 2500), r["id"]  # labelled whole
        assert any(r[f] for f in FIELDS), r["id"]  # items with nothing of the four kinds were skipped
    assert per == spec.counts
    assert len({(r["dataset"], r["id"]) for r in got}) == len(got) == spec.total


@pytest.mark.parametrize("spec", COMPILED.values(), ids=list(COMPILED))
def test_blind_set_items_are_in_the_pool_and_in_no_other_gold_file(spec):
    got = rows(spec.path)
    assert [r["id"] for r in got if not in_heldout_pool(r["dataset"], r["id"])] == []
    other = other_gold_keys(spec.name, tuple(TOOLS / f"heldout{n}" / "skips.tsv" for n in spec.earlier_skips))
    assert len(other) > spec.min_other
    # the check can fail: the earlier set's items and earlier skipped items are among the keys compared
    last = rows(GOLD_DIR / _earlier(spec.name) / f"{_earlier(spec.name)}.jsonl")[-1]
    assert (last["dataset"], last["id"]) in other
    assert all(p in other for p in spec.probes)
    assert sorted((r["dataset"], r["id"]) for r in got if (r["dataset"], r["id"]) in other) == []


@pytest.mark.parametrize("spec", COMPILED.values(), ids=list(COMPILED))
def test_blind_set_skips_are_not_labelled(spec):
    skipped = skipped_keys(spec.name)
    assert len(skipped) == spec.skipped
    assert skipped.isdisjoint(f"{r['dataset']}:{r['id']}" for r in rows(spec.path))


@pytest.fixture(scope="module")
def tool():
    yield from draw_tool()


@pytest.mark.parametrize("spec", COMPILED.values(), ids=list(COMPILED))
def test_blind_set_file_is_the_seeded_draw_compiled_from_the_typed_labels(tool, spec):
    """The JSONL is exactly what tools/<name>_gold.py compiles from tools/<name>/*.ann, in the order
    of the seeded draw (nobody edited the file by hand, no item was chosen outside the draw)."""
    need_shared(SHARED / "eval")
    assert tool.BLIND_SETS[spec.name].seed == spec.seed
    assert tool.BLIND_SETS[spec.name].max_chars == spec.max_chars
    order, compiled = compiled_draw(tool, spec.name, SHARED)
    assert len(order) == spec.total
    assert compiled == rows(spec.path)


def test_heldout2_draw_is_unchanged_by_the_later_sets(tool):
    """Adding heldout3-heldout5 (gold files, skips, draw entries) does not move heldout2's draw, which
    was labelled before the compiler existed."""
    need_shared(SHARED / "eval")
    hg = tool.hg
    hg.ANN_DIR = TOOLS / "heldout2"
    order = [d["key"] for d in tool.draw(tool.BLIND_SETS["heldout2"], SHARED, hg.load_skips())]
    assert order == [f"{r['dataset']}:{r['id']}" for r in rows(GOLD_DIR / "heldout2" / "heldout2.jsonl")]


def test_tool_refuses_an_unknown_set(tool, capsys):
    assert tool.main(["--set", "heldout9", "draw"]) == 2
    assert capsys.readouterr().err == "Error: unknown blind set 'heldout9' (known: heldout2, heldout3, heldout4, heldout5)\n"


def test_sweep_lists_only_what_no_label_covers(tool):
    """The second pass's reading aid (``sweep``) lists capitalised words, digits, number words, date
    words and speech cues outside every label, and nothing inside one."""
    need_shared(SHARED / "eval")
    rec = next(r for r in rows(COMPILED["heldout5"].path) if r["dataset"] == "agnews" and r["id"] == "3600")
    hits = [line.split()[0] for line in tool.hg.sweep(SHARED, rec)]
    assert "'said'" in hits and "'39'" in hits  # a cue and the digits of the source's "#39;"
    assert not any("Oracle" in h or "Catz" in h or "Delaware" in h for h in hits)  # labelled names are covered
