"""Quality gates for story splitting, with pinned floors (floors only go up).

Measured with ``sinodesk eval segment`` (full sets) on 2026-11-25, after the cohesion
splitter gained the tf-idf similarity reward, the Dirichlet prior for sentences and the
weekday-lead / "Q:" cues (before -> after, same machine, same day):
  seeds: boundary F1 0.927 -> 1.000, headlines 0.905 -> 1.000, 0 boilerplate lines leaked;
         004: 6 -> 10 of 10 starts right, Pk 0.196 -> 0.000
  Choi (920 samples, number unknown): Pk 3-11 0.122 -> 0.097, 3-5 0.157 -> 0.114,
         6-8 0.082 -> 0.088, 9-11 0.069 -> 0.082 (tuned on the first 30% of each set:
         3-11 0.130 -> 0.099; the other 70%: 0.119 -> 0.096)
  BBC concatenations (400 docs): boundary F1 0.898 -> 0.935, Pk 0.080 -> 0.045
The tests below use subsets so they stay fast; their floors sit a little below the
subset figures measured the same day (Choi subset Pk 0.099, BBC subset F1 0.914,
Pk same-category 0.069 / mixed 0.061).
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
    assert seed_report.f1 >= 0.97  # measured 1.000; one 004 miss would give 0.976
    assert seed_report.headline_accuracy >= 0.97
    assert seed_report.section_accuracy >= 0.97
    r004 = next(r for r in seed_report.results if r.name.startswith("004"))
    assert r004.starts_right >= 9  # 10 stories, cohesion only; measured 10
    assert r004.found_stories <= 11
    assert r004.pk <= 0.05


def test_choi_floor():
    path = need_shared(EVAL / "choi-segmentation" / "choi.jsonl")
    samples = [s for s in ev.load_choi(path) if s.sample_id.startswith("3/")][:120]
    rep = ev.score_cohesion("choi", samples, ev.cohesion_splitter(**ev.SENTENCE_PARAMS))
    base = ev.score_cohesion("even", samples, ev.even_baseline)
    assert rep.pk["all"] <= 0.105  # measured 0.099
    assert rep.pk["all"] < base.pk["all"] / 4


def test_bbc_concatenation_floor():
    path = need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl")
    samples = ev.load_bbc_concatenations(path, n_docs=120, seed=5)
    rep = ev.score_cohesion("bbc", samples, ev.cohesion_splitter(**ev.PARAGRAPH_PARAMS))
    # Floor lowered 0.90 -> 0.87 on purpose (2026-11-25, reviewed): the new single-article
    # guards (length + shuffle test) keep real single articles whole (BBC 0.393 -> 1.000) at the
    # cost of rejecting a few true splits here (measured 0.885; 400 docs 0.909; target 0.85).
    assert rep.f1 >= 0.87
    assert rep.pk["same-category"] <= 0.13 and rep.pk["mixed"] <= 0.10  # lowered with the F1 floor above (measured 0.125, 0.078)


def test_single_articles_stay_whole():
    # Single real articles, each a plain-text file, are one story.  Before the length guard
    # and the shuffle test (2026-11-25) the first 300 BBC articles stayed whole 0.393 of the
    # time and ECB+ 0.180; after: BBC 1.000, ECB+ 0.927 with cohesion only (structure off),
    # 0.717 through the pipeline (the headline finder splits sentence-per-line ECB+ text).
    from sinodesk.stages.segment import SegmentOptions

    bbc = ev.load_single_articles(need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl"), 80, part="test")
    ecb = ev.load_single_articles(need_shared(EVAL / "ecbplus-event-clusters" / "ecbplus_docs.jsonl"), 80, part="test")
    cohesion_only = SegmentOptions(structure=False)
    rep = ev.score_singles("bbc", bbc)
    assert rep.whole_rate >= 0.97 and rep.mean_stories <= 1.05  # measured 1.000, 1.00
    rep = ev.score_singles("ecb", ecb, lambda n, t: ev.segment_text(n, t, cohesion_only))
    assert rep.whole_rate >= 0.90  # measured 0.938 on this subset
    rep = ev.score_singles("ecb", ecb)
    assert rep.whole_rate >= 0.70  # measured 0.738
