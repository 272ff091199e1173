"""Quality gates for story splitting, with pinned floors (floors only go up).

Measured with ``sinodesk eval segment`` (full sets) on 2025-11-25:
  seeds: boundary F1 0.927, headlines 0.905, 0 boilerplate lines leaked (004 is the miss)
  Choi (920 samples, number unknown): Pk 3-11 0.122, 3-5 0.157, 6-8 0.082, 9-11 0.069
  BBC concatenations (400 docs): boundary F1 0.898, Pk 0.080
The tests below use subsets so they stay fast; their floors sit a little below the
subset figures measured the same day.
"""

from __future__ import annotations

import pytest

from sinodesk.eval import segment as ev

from tests.conftest import EVAL, SEEDS, need_shared

from pathlib import Path

LABELS = Path(__file__).parent / "data" / "segment" / "seeds.json"


def test_pk_and_window_diff_known_values():
    gold = [0, 5]
    assert ev.pk(gold, gold, 10) == 0.0
    assert ev.window_diff(gold, gold, 10) == 0.0
    # no boundary at all: every window that straddles the gold boundary is wrong
    assert ev.pk(gold, [0], 10, k=2) == pytest.approx(2 / 8)
    assert ev.window_diff(gold, [0, 2, 5, 7], 10, k=2) == pytest.approx(4 / 8)
    c = ev.BoundaryCounts()
    c.add([0, 5, 9], [0, 5, 7])
    assert (c.tp, c.fp, c.fn) == (1, 1, 1) and c.f1 == pytest.approx(0.5)


@pytest.fixture(scope="module")
def seed_report():
    need_shared(SEEDS)
    return ev.score_digests(ev.load_labelled(SEEDS, LABELS), ev.segment_text)


@pytest.mark.parametrize("name", ["000_9365d856f0199413.txt", "001_101e9e4c1d6c043d.txt",
                                  "002_efa7bb368a2e99de.txt", "003_61be8fa96a00f509.txt"])
def test_structured_seeds_are_split_exactly(seed_report, name):
    r = next(r for r in seed_report.results if r.name == name)
    assert r.problems == []
    assert r.found_stories == r.gold_stories == r.starts_right == r.headlines_right == r.ends_right


def test_seed_floors(seed_report):
    assert seed_report.leaked_lines == 0
    assert seed_report.f1 >= 0.90
    assert seed_report.headline_accuracy >= 0.88
    assert seed_report.section_accuracy >= 0.88
    r004 = next(r for r in seed_report.results if r.name.startswith("004"))
    assert r004.starts_right >= 6  # 10 stories, cohesion only; see the report for the misses
    assert r004.pk <= 0.22


def test_choi_floor():
    path = need_shared(EVAL / "choi-segmentation" / "choi.jsonl")
    samples = [s for s in ev.load_choi(path) if s.sample_id.startswith("3/")][:120]
    rep = ev.score_cohesion("choi", samples, ev.cohesion_splitter(**ev.SENTENCE_PARAMS))
    base = ev.score_cohesion("even", samples, ev.even_baseline)
    assert rep.pk["all"] <= 0.14
    assert rep.pk["all"] < base.pk["all"] / 3


def test_bbc_concatenation_floor():
    path = need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl")
    samples = ev.load_bbc_concatenations(path, n_docs=120, seed=5)
    rep = ev.score_cohesion("bbc", samples, ev.cohesion_splitter(**ev.PARAGRAPH_PARAMS))
    assert rep.f1 >= 0.85
    assert rep.pk["same-category"] <= 0.13 and rep.pk["mixed"] <= 0.10
