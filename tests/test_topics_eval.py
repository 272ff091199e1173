"""Quality gates for topics: the hand-labelled gold set and the trainable path on public sets.

Floors sit a little below what was measured (noted beside each); lowering one is a reviewed
change.  Public sets are read from ../shared/eval at test time (research-use licences) and the
tests skip when it is missing.  Full runs (all folds, with the peer) are `sinodesk eval topics --set all`.
"""

from __future__ import annotations

import pytest

from sinodesk.errors import BadInput
from sinodesk.eval import topics as ev

from .conftest import EVAL, ROOT, SEEDS, need_shared

GOLD = ROOT / "tests" / "data" / "topics" / "gold.jsonl"


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


def test_gold_macro_f1_floor():
    report = ev.eval_gold(ev.load_gold(GOLD, need_shared(SEEDS)))
    assert report["macro_f1"] >= 0.88  # measured 0.886 (0.872 before the static embedding; 0.890 with 256 dims)
    assert report["by_language"]["en"]["macro_f1"] >= 0.85  # measured 0.855 (0.860 with 256 dims)
    assert report["by_language"]["zh"]["macro_f1"] >= 0.94  # measured 0.954


def test_thucnews_trainable_path_floor():
    report = ev.eval_thucnews(need_shared(EVAL / "thucnews-headlines-zh").parent, with_peer=False)
    assert report["train"] == 10_000 and report["test"] == 10_000
    assert report["ours"] >= 0.875  # measured 0.883; peer TF-IDF char 1-3 + LinearSVC 0.870


def test_ag_news_one_fold_floor():
    report = ev.eval_ag_news(need_shared(EVAL / "ag-news-test").parent, max_folds=1, with_peer=False)
    assert report["folds"] == 1 and report["n"] == 7600
    assert report["ours"] >= 0.885  # measured 0.890 on fold 1 (peer 0.869); 5-fold 0.896 vs 0.879


def test_bbc_one_fold_floor():
    report = ev.eval_bbc(need_shared(EVAL / "bbc-news-topics").parent, max_folds=1, with_peer=False)
    assert report["n"] == 2125  # 2,225 less the copies that are identical up to whitespace
    assert report["ours"] >= 0.97  # measured 0.981 on fold 1; 5-fold 0.982 vs peer 0.978


def test_reuters_micro_f1_floor():
    # thresholds from 2 folds of the training split here (4 in `sinodesk eval topics`: 0.890 vs peer 0.882)
    report = ev.eval_reuters(need_shared(EVAL / "reuters21578-modapte").parent, threshold_folds=2, with_peer=False)
    assert report["test"] == 3019
    assert report["ours"] >= 0.885  # measured 0.889
    assert report["ours_margin0_micro_f1"] >= 0.878  # measured 0.8815 without the thresholds
