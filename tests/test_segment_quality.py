"""Quality gates for story splitting, with pinned floors (floors only go up).

The figures behind each floor are in the comments of the test itself, measured with
``sinodesk eval segment`` through the pipeline's own stages (clean + segment, with options a
user can set); held-out layout figures are in ``test_segment_layouts.py``.
"""

from __future__ import annotations

import pytest

from sinodesk.eval import segment as ev

from tests.conftest import EVAL, SEEDS, SHARED, need_shared

LABELS = ev.seeds_gold()


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
    from sinodesk.stages.segment import SegmentOptions

    path = need_shared(EVAL / "choi-segmentation" / "choi.jsonl")
    samples = [s for s in ev.load_choi(path) if s.sample_id.startswith("3/")][:120]
    rep = ev.score_cohesion("choi", samples, ev.pipeline_splitter(SegmentOptions(**ev.SENTENCE_OPTIONS)))
    base = ev.score_cohesion("even", samples, ev.even_baseline)
    assert rep.pk["all"] <= 0.105  # measured 0.099 (sentences one a line, clean + segment, SENTENCE_OPTIONS)
    assert rep.pk["all"] < base.pk["all"] / 4


def test_bbc_concatenation_floor():
    path = need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl")
    samples = ev.load_bbc_concatenations(path, n_docs=120, seed=5)
    rep = ev.score_cohesion("bbc", samples, ev.pipeline_splitter())
    # Measured as a plain-text file through clean + segment with the default options (the same
    # stories as ingest: test_direct_stages_give_the_stories_ingest_gives), these 120 documents,
    # 2026-12-06 (events9): F1 0.853, Pk same-category 0.138 / mixed 0.095.  When first measured
    # this way (issue 13): F1 0.869, Pk 0.143 / 0.078; the cohesion splitter alone on the same
    # paragraphs gave 0.884 / 0.125 / 0.077 (the structure finders take a few short paragraphs for
    # headlines).  Floors moved with the measurement (reviewed change), not with the code.
    assert rep.f1 >= 0.85
    assert rep.pk["same-category"] <= 0.16 and rep.pk["mixed"] <= 0.10


def test_single_articles_stay_whole():
    # Single real articles (test half, 80 each), each a plain-text file ingested into a fresh
    # archive and read back: one story each.  Neither set is read by any training tool.
    from sinodesk.stages.segment import SegmentOptions

    bbc = ev.load_single_articles(need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl"), 80, part="test")
    ecb = ev.load_single_articles(need_shared(EVAL / "ecbplus-event-clusters" / "ecbplus_docs.jsonl"), 80, part="test")
    rep = ev.score_singles("bbc", bbc)
    assert rep.docs == 80 and rep.whole_rate >= 0.98 and rep.mean_stories <= 1.02  # measured 1.000, 1.00 (0.988 before the digest decision)
    rep = ev.score_singles("ecb", ecb)
    assert rep.docs == 80 and rep.whole_rate >= 0.98  # measured 1.000 (0.900 before the digest decision); all 300: 0.983
    cohesion_only = SegmentOptions(structure=False)
    rep = ev.score_singles("ecb", ecb, lambda n, t: ev.segment_text(n, t, cohesion_only))
    assert rep.whole_rate >= 0.98  # measured 1.000 (0.925 before)


def test_digest_decision_on_its_calibration_texts():
    # The documents the digest model is asked about (several stories proposed, no digest
    # layout) from an eighth of the GVC/Zyte single articles and a sixth of the GVC
    # concatenations: the packaged model and a model fitted here both tell them apart.
    import numpy as np

    from sinodesk.eval.segment_fit import Calibration, calibration, digest_rows, fit_digest
    from sinodesk.stages.segment import SegmentOptions
    from sinodesk.stages.segment.digest import load_digest_model

    need_shared(EVAL / "gvc-event-clusters-subset")
    cal = calibration(SHARED)
    x, y = digest_rows(Calibration(cal.singles[::8], cal.digests[::6]))
    assert (y == 0).sum() >= 20 and (y == 1).sum() >= 30
    threshold = SegmentOptions().digest_threshold
    for model in (load_digest_model(), fit_digest(x, y)):
        split = np.array([model.probability(r) for r in x]) >= threshold
        assert (~split[y == 0]).mean() >= 0.7 and split[y == 1].mean() >= 0.9  # packaged: 0.767 kept, 0.975 split


def test_direct_stages_give_the_stories_ingest_gives():
    # `eval segment` scores the seeds, Choi and the BBC concatenations with clean + segment called
    # directly (fast); that is allowed only because it yields the stories ingest yields: here a sample
    # of each (the five seeds, 6 Choi samples with SENTENCE_OPTIONS as a user's [segment] table, 6 BBC
    # concatenations) is also ingested as plain-text files into a fresh archive, and the stored document
    # text and every story's span must be the same
    import dataclasses

    from sinodesk.eval.harness import ingest_texts
    from sinodesk.settings import Settings
    from sinodesk.stages.segment import SegmentOptions

    need_shared(SEEDS)
    lines = lambda units: "\n".join(u.replace("\n", " ") for u in units) + "\n"  # as pipeline_splitter writes them  # noqa: E731
    sentences = SegmentOptions(**ev.SENTENCE_OPTIONS)
    choi = [s for s in ev.load_choi(need_shared(EVAL / "choi-segmentation" / "choi.jsonl")) if s.sample_id.startswith("3/")][:6]
    bbc = ev.load_bbc_concatenations(need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl"), n_docs=6, seed=5)
    groups = [({name: text for name, text, _ in ev.load_labelled(SEEDS, LABELS)}
               | {f"bbc{k}.txt": lines(s.units) for k, s in enumerate(bbc)}, None),
              ({f"choi{k}.txt": lines(s.units) for k, s in enumerate(choi)}, sentences)]
    spans = 0
    for texts, opts in groups:
        run = ingest_texts(texts, Settings() if opts is None else dataclasses.replace(Settings(), segment=opts))
        by = run.by_source()
        assert set(by) == set(texts)
        for name, text in texts.items():
            assert run.doc_text(by[name][0]["doc_id"]) == text
            assert [(s["start"], s["end"]) for s in by[name]] == [(s.start, s.end) for s in ev.segment_text(name, text, opts)]
            spans += len(by[name])
    assert spans >= 100  # measured 136: 42 seed stories, 32 of the concatenations, 62 of Choi
