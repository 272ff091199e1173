"""Quality gates for topics: the hand-labelled gold set and the trainable path on public sets.

Floors sit a little below what was measured (noted beside each); lowering one is a reviewed
change.  Public sets are read from ../shared/eval at test time (research-use licences) and the
tests skip when it is missing.  Full runs (all folds, with the peer) are `sinodesk eval topics --set all`.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from sinodesk.errors import BadInput
from sinodesk.eval import topics as ev
from sinodesk.settings import load_settings
from sinodesk.stages.classify import LearnerOptions

from .conftest import EVAL, ROOT, SEEDS, need_shared

GOLD = ev.default_gold()


# Floors a little below what was measured (beside each); lowering one is a reviewed change.
GOLD_FLOOR, GOLD_EN_FLOOR, GOLD_ZH_FLOOR = 0.90, 0.87, 0.95  # measured 0.911 / 0.883 / 0.968 through ingest with [topics] passages (0.896 / 0.861 / 0.968 without)
# the gold split (ev.GOLD_TUNE_SEEDS): tune seeds / held-out seeds / held-out written, measured 0.874 / 0.663 / 0.941
# through ingest with [topics] passages (0.722 / 0.642 / 0.941 without; the held-out seeds were read twice, see README)
GOLD_PART_FLOORS = {"tune seeds": 0.86, "held-out seeds": 0.65, "held-out written": 0.93}
CROSSLANG_TOP1_FLOOR, CROSSLANG_MRR_FLOOR = 0.9, 0.95  # measured 1.000 / 1.000 (0.917 / 0.958 with the 19 MB embedding); chance top-1 0.083
# public sets, default settings with calibration_folds 2 (full runs: `sinodesk eval topics --set all`); the figures
# beside them were measured with the fixed C 0.5 / nb_weight 0.15, before [topic_learner] choose (default since
# 2026-12-06; full runs with it: THUCNews 0.874, AG 5-fold 0.892)
THUC_FLOOR = 0.89  # measured 0.898 on the first 3,000 test headlines with the CV choice (C 2, nb_weight 0.5); 0.893 fixed (all 10,000, 5 calibration folds: 0.874, peer 0.870)
AG_FLOOR = 0.882  # measured 0.888 on fold 1 with the CV choice (C 4, nb_weight 1); 0.885 with the fixed C 0.5 / 0.15 (peer 0.869)
BBC_FLOOR = 0.972  # measured 0.981 on fold 1 with word_bigrams automatic (off for these long texts) and the CV choice (C 4, nb_weight 0.05); 0.972 with bigrams (5-fold, 5 calibration folds: 0.981, peer 0.978)
REUTERS_FLOOR, REUTERS_MACRO_FLOOR = 0.876, 0.505  # measured 0.884 / 0.518 with settings/topics-long-articles.toml, 2 calibration folds and [topics] max_topics 0 (0.878 / 0.493 with at most 3); 1.20 labels/story vs the test set's 1.24. Default settings, 5 folds: 0.883 / 0.513 (peer 0.882 / 0.507)


def test_multilabel_f1_by_hand():
    gold = [("a",), ("a", "b"), ("b",), ("c",)]
    pred = [("a",), ("a",), ("b", "c"), ("c",)]
    m = ev.multilabel_f1(gold, pred, ["a", "b", "c", "d"])
    # a: P 1, R 1 -> 1;  b: P 1, R 1/2 -> 2/3;  c: P 1/2, R 1 -> 2/3;  d has no support and is left out
    assert m["macro_f1"] == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    assert m["micro_f1"] == pytest.approx(2 * 4 / (2 * 4 + 1 + 1))
    assert m["per_label"]["d"]["support"] == 0


def test_gold_set_size_languages_and_seed_stories():
    examples = ev.load_gold(GOLD, need_shared(SEEDS))
    assert len(examples) >= 150
    langs = [ex.language for ex in examples]
    assert langs.count("en") >= 100 and langs.count("zh") >= 50
    deepseek = next(ex for ex in examples if ex.text.startswith("Cyberattacks Against DeepSeek"))
    assert "botnet-driven attacks" in deepseek.text
    assert "China's Exports Coverage" not in deepseek.text  # stops at the next bullet
    ncp = next(ex for ex in examples if ex.text.startswith("The Standing Committee of the 14th"))
    assert "Q: US President" not in ncp.text  # stops at the next anchored story
    assert all(1 <= len(ex.labels) <= 3 for ex in examples)


def test_gold_missing_seed_is_a_clear_error(tmp_path):
    with pytest.raises(BadInput, match=r"seed .*000_9365d856f0199413.txt is missing; point --seeds at the shared seeds folder"):
        ev.load_gold(GOLD, tmp_path)


def test_gold_through_ingest_floor_and_cardinality():
    # the product path: seeds and written stories ingested into a fresh archive, topics read from export
    report = ev.eval_gold_ingest(GOLD, need_shared(SEEDS))
    assert report["n"] == 178 and report["unmatched"] == []
    assert report["macro_f1"] >= GOLD_FLOOR
    assert report["by_language"]["en"]["macro_f1"] >= GOLD_EN_FLOOR
    assert report["by_language"]["zh"]["macro_f1"] >= GOLD_ZH_FLOOR
    # every topic a story is about: predicted labels per story within 15% of the gold's 1.30
    assert abs(report["cardinality_pred"] / report["cardinality_gold"] - 1) <= 0.15
    assert report["cardinality_pred"] > 1.22  # measured 1.26 with passages (1.20 without; 1.13 with one global threshold): a second topic is given
    parts = report["by_part"]
    assert {k: v["n"] for k, v in parts.items()} == {"tune seeds": 23, "held-out seeds": 20, "held-out written": 135}
    for name, floor in GOLD_PART_FLOORS.items():
        assert parts[name]["macro_f1"] >= floor, name


def test_gold_split_parts_by_hand():
    rows = ev.read_gold_rows(GOLD)
    assert [ev.gold_part(r) for r in ({"seed": "001_101e9e4c1d6c043d.txt"}, {"seed": "004_bc2b2a5a18de83ad.txt"}, {"text": "x"})] == list(ev.GOLD_PARTS)
    assert {r["seed"] for r in rows if "seed" in r} >= set(ev.GOLD_TUNE_SEEDS)  # every tune digest is referenced
    ex = [ev.LabelledExample("a", None, "en", ("cyber",)), ev.LabelledExample("b", None, "en", ("cyber", "health")),
          ev.LabelledExample("c", None, "en", ("health",))]
    report = ev.gold_report(ex, [("cyber",), ("cyber",), ("cyber",)], ("cyber", "health"), ["tune seeds", "tune seeds", "held-out written"])
    assert report["by_part"]["tune seeds"] == {"n": 2, "macro_f1": 0.5, "micro_f1": 0.8, "cardinality_pred": 1.0, "cardinality_gold": 1.5}
    assert report["by_part"]["held-out written"]["macro_f1"] == 0.0 and report["by_part"]["held-out seeds"]["n"] == 0


def test_gold_old_harness_matches_the_ingest_path_closely():
    old = ev.eval_gold(ev.load_gold(GOLD, need_shared(SEEDS)))
    new = ev.eval_gold_ingest(GOLD, need_shared(SEEDS))
    assert abs(old["macro_f1"] - new["macro_f1"]) <= 0.02


def test_crosslang_pairs_find_their_translation():
    report = ev.eval_crosslang()
    assert report["pairs"] == 12
    assert report["top1"] >= CROSSLANG_TOP1_FLOOR and report["mrr"] >= CROSSLANG_MRR_FLOOR
    assert report["cos_same_event_mean"] >= report["cos_other_mean"] + 0.2


FAST = LearnerOptions(calibration_folds=2)  # a documented setting ([topic_learner] calibration_folds): keeps the suite quick


def test_thucnews_trainable_path_floor():
    report = ev.eval_thucnews(need_shared(EVAL / "thucnews-headlines-zh").parent, with_peer=False, limit_test=3000, learner=FAST)
    assert report["train"] == 10_000 and report["test"] == 3000
    assert report["ours"] >= THUC_FLOOR


def test_ag_news_one_fold_floor():
    report = ev.eval_ag_news(need_shared(EVAL / "ag-news-test").parent, max_folds=1, with_peer=False, learner=FAST)
    assert report["folds"] == 1 and report["n"] == 7600
    assert report["ours"] >= AG_FLOOR


def test_bbc_one_fold_floor():
    report = ev.eval_bbc(need_shared(EVAL / "bbc-news-topics").parent, max_folds=1, with_peer=False, learner=FAST)
    assert report["n"] == 2125  # 2,225 less the copies that are identical up to whitespace
    assert report["ours"] >= BBC_FLOOR


def test_reuters_micro_f1_floor():
    # the documented settings file for long articles (what `sinodesk eval topics --set reuters --config` reads)
    long = load_settings(ROOT / "settings" / "topics-long-articles.toml")
    report = ev.eval_reuters(need_shared(EVAL / "reuters21578-modapte").parent, with_peer=False,
                             features=long.topic_features, learner=replace(long.topic_learner, calibration_folds=2))
    assert report["test"] == 3019
    assert report["ours"] >= REUTERS_FLOOR and report["ours_macro_f1"] >= REUTERS_MACRO_FLOOR
    # every topic a story is about: labels per story within 15% of the test set's (default settings with the naive-Bayes blend fixed at 0.15 gave 1.03)
    assert abs(report["ours_cardinality"] / report["gold_cardinality"] - 1) <= 0.15


def test_eval_line_names_the_automatic_choices_a_trained_model_made():
    from sinodesk.cli.topics import _fmt

    report = {"set": "bbc", "metric": "accuracy", "ours": 0.98, "peer": 0.978, "seconds_ours": 1.0, "seconds_peer": 0.1, "folds": 2, "of_folds": 5,
              "chosen_per_fold": [{"C": 2.0, "nb_weight": 0.1, "pieces": 0, "word_bigrams": False}, {"C": 4.0, "nb_weight": 0.0, "pieces": 0, "word_bigrams": True}]}
    assert _fmt(report).endswith("folds 2/5  C/nb_weight 2/0.1, 4/0  pieces 0, 0  word bigrams off, on")


@pytest.mark.parametrize("name", ["ag_news", "thucnews"])
def test_trainable_path_gives_the_labels_ingest_gives(name):
    # The public sets are scored on the trainable path (a model built as `train topics` builds it, its
    # scores read directly): allowed because, on a sample, the model saved in a fresh archive (as `train
    # topics` saves it) and the lines ingested as a user writes them give the same topics, and the same best
    # topic (what accuracy reads), in what export returns.  AG News as {"title", "text"} lines, THUCNews
    # headlines as title-only lines.  A small model (1,500 training stories) is enough to compare labels.
    import csv

    import numpy as np

    from sinodesk.eval.harness import ingest_items

    if name == "ag_news":
        with need_shared(EVAL / "ag-news-test" / "test.csv").open(encoding="utf-8", newline="") as fh:
            rows = [(r["title"], r["description"].replace("\\", " "), int(r["label"]) - 1) for r in csv.DictReader(fh)]
        lines = [{"title": t, "text": d} for t, d, _ in rows]
        texts = [f"{t}\n{d}" for t, d, _ in rows]  # what eval_ag_news scores
    else:
        rows = []
        for line in need_shared(EVAL / "thucnews-headlines-zh" / "dev.txt").read_text(encoding="utf-8").splitlines():
            if line.strip():
                text, cls = line.rsplit("\t", 1)
                rows.append((text, None, int(cls)))
        lines = [{"title": t} for t, _, _ in rows]
        texts = [t for t, _, _ in rows]  # what eval_thucnews scores
    ys = [y for _, _, y in rows]
    Y = ev._onehot(ys, max(ys) + 1)
    train, test = slice(0, 7600, 5), slice(1, 7600, 38)  # 1,520 training stories, 200 others
    split = ev.Split(texts[train], Y[train], texts[test], Y[test])
    path = ev.TrainablePath(range(Y.shape[1]), learner=FAST)
    scores = path(split)
    run = ingest_items(lines[test], topic_model=path.model)
    by_line = run.by_line()
    assert sorted(by_line) == list(range(1, 201)) and all(len(ss) == 1 for ss in by_line.values())
    got = [by_line[n][0] for n in range(1, 201)]
    assert [tuple(s["topics"]) for s in got] == path.decide(scores)
    labels = path.model.labels
    assert [max(labels, key=lambda k: s["topic_scores"][k]) for s in got] == [labels[j] for j in np.argmax(scores, axis=1)]
