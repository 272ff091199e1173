"""Quality gates for event linking and near-duplicates (pinned floors; lowering one is a reviewed change).

Data is read from ../shared/eval at test time (research licences: never copied here).
Figures measured when the floors were pinned are in the comments.
"""

from __future__ import annotations

import pytest
from sklearn.metrics import adjusted_rand_score

from sinodesk.eval import events as ev
from sinodesk.stages.cluster import EventOptions
from tests.conftest import EVAL, ROOT, need_shared


def test_bcubed_and_ari_on_known_cases():
    gold = ["a", "a", "a", "b", "b"]
    assert ev.bcubed(gold, gold) == (1.0, 1.0, 1.0)
    p, r, f = ev.bcubed(["1", "2", "3", "4", "5"], gold)
    assert (p, round(r, 4)) == (1.0, round((3 * (1 / 3) + 2 * (1 / 2)) / 5, 4))
    p, r, _ = ev.bcubed(["x"] * 5, gold)
    assert r == 1.0 and round(p, 4) == round((3 * 3 / 5 + 2 * 2 / 5) / 5, 4)
    pred = ["1", "1", "2", "2", "2"]
    assert ev.ari(pred, gold) == pytest.approx(adjusted_rand_score(gold, pred))
    assert ev.ari(gold, gold) == 1.0


def test_bcubed_rejects_mismatched_lengths():
    with pytest.raises(ev.BadInput, match="2 predicted labels for 3 gold labels"):
        ev.bcubed(["a", "b"], ["a", "b", "c"])


def test_ecbplus_test_topics_floor():
    need_shared(EVAL / "ecbplus-event-clusters")
    (test, whole) = ev.eval_ecbplus(EVAL, EventOptions(), peer=False)
    # measured F1 0.902 (P 0.871, R 0.935; arrival orders 1-3: 0.893, 0.916, 0.916) with the
    # two-events split in re-clustering; 0.891 without it; single pass 0.845; first version 0.766;
    # peer agglomerative baseline (offline, whole set at once) 0.883.  All topics 0.914 (peer 0.882)
    assert test.ours.f1 >= 0.895
    assert test.ours.n == 210
    assert whole.ours.f1 >= 0.905


def test_gvc_floor():
    need_shared(EVAL / "gvc-event-clusters-subset")
    whole, val, test = ev.eval_gvc(EVAL, EventOptions(), peer=False)
    assert (whole.ours.n, val.ours.n, test.ours.n) == (152, 78, 74)
    # measured F1 0.986 (P 1.000, R 0.971) with time_scale_days 120 chosen on the validation split
    # (val 1.000; held-out test 0.970, P 1.000); 0.966 with 30 days; first version 0.936; peer 0.986
    assert whole.ours.f1 >= 0.98 and whole.ours.precision >= 0.98
    assert test.ours.f1 >= 0.96 and test.ours.precision >= 0.98


def test_two_similar_events_are_split_where_a_threshold_merges_them():
    # ECB+ topic 37: the West Papua quakes of January 2009 and the Aceh quake of July 2013, both
    # magnitude 6.1 in Indonesia.  Every cross pair shares the quake words, so average linkage at the
    # join threshold keeps one cluster; the two-events test sees that each is far more alike inside
    # than across (it also cuts the Aceh reports in two: recall 0.67, measured).
    import json as _json

    from sinodesk.stages.cluster import EventLinker, LinkItem
    from sinodesk.stages.cluster.online import _average_linkage

    path = need_shared(EVAL / "ecbplus-event-clusters" / "ecbplus_docs.jsonl")
    rows = [_json.loads(line) for line in path.open(encoding="utf-8")]
    opts = EventOptions()
    lk = EventLinker(opts)
    lk.prime(r["text"] for r in rows if r["topic"] <= 35)
    topic = [r for r in rows if r["topic"] == 37]
    items = [ev.extracted(LinkItem(r["doc_id"], None, r["text"])) for r in topic]
    for it in items:  # the topic's own words counted first, as they are once its stories have arrived
        lk.features(it)
    sim = lk._pair_scores([lk.features(it) for it in items])
    gold = [r["event_cluster"] for r in topic]
    merged = _average_linkage(sim, opts.threshold)
    split = _average_linkage(sim, opts.threshold, split_ratio=opts.split_ratio, split_min=opts.split_min)
    assert ev.bcubed([str(x) for x in merged], gold)[0] < 0.6
    p, r, _ = ev.bcubed([str(x) for x in split], gold)
    assert p == 1.0 and r >= 0.65


def test_average_linkage_split_needs_both_groups_large_and_apart():
    import numpy as np

    from sinodesk.stages.cluster.online import _average_linkage

    def blocks(n_a: int, n_b: int, inside: float, across: float) -> np.ndarray:
        n = n_a + n_b
        sim = np.full((n, n), across)
        sim[:n_a, :n_a] = inside
        sim[n_a:, n_a:] = inside
        np.fill_diagonal(sim, 1.0)
        return sim

    # over the 0.10 threshold everywhere: one cluster without the test, two with it
    assert len(set(_average_linkage(blocks(5, 6, 0.40, 0.20), 0.10))) == 1
    assert _average_linkage(blocks(5, 6, 0.40, 0.20), 0.10, split_ratio=0.75, split_min=5) == [1] * 5 + [2] * 6
    # the cross similarity is 0.8 of the inside one: above the 0.75 ratio, kept together
    assert len(set(_average_linkage(blocks(5, 6, 0.40, 0.32), 0.10, split_ratio=0.75, split_min=5))) == 1
    # a group of 4 is too small to count as an event of its own
    assert len(set(_average_linkage(blocks(4, 6, 0.40, 0.20), 0.10, split_ratio=0.75, split_min=5))) == 1
    # below the threshold the clusters part whatever the ratio
    assert len(set(_average_linkage(blocks(5, 6, 0.40, 0.05), 0.10))) == 2


def test_tune_on_gvc_validation_reports_each_setting(run_cli):
    need_shared(EVAL / "gvc-event-clusters-subset")
    r = run_cli("eval", "events", "--data", EVAL, "--tune", "gvc", "--grid", "time_scale_days=30,120",
                "--grid", "threshold=0.10", "--json")
    assert r.returncode == 0, r.stderr.decode()
    import json as _json

    doc = _json.loads(r.stdout)
    assert doc["target"] == "gvc"
    assert sorted(x["settings"]["time_scale_days"] for x in doc["results"]) == [30.0, 120.0]
    assert all(0.9 <= x["f1"] <= 1.0 for x in doc["results"])
    best = max(x["f1"] for x in doc["mean_over_thresholds"])  # 120 days ranks first (ties allowed)
    assert {"time_scale_days": 120.0} in [x["settings"] for x in doc["mean_over_thresholds"] if x["f1"] == best]


def test_tune_errors_name_the_fix(run_cli):
    r = run_cli("eval", "events", "--data", EVAL, "--tune", "gvc", "--grid", "bogus=1")
    assert r.returncode == 1
    assert r.stderr.decode().startswith("Error: eval events --grid 'bogus=1': 'bogus' is not an event option (known: ")
    r = run_cli("eval", "events", "--data", EVAL, "--tune", "gvc", "--grid", "split_min=x")
    assert (r.returncode, r.stderr.decode().strip()) == (1, "Error: eval events --grid 'split_min=x': split_min takes int values")
    r = run_cli("eval", "events", "--data", EVAL, "--tune", "gvc", "--grid", "threshold")
    assert (r.returncode, r.stderr.decode().strip()) == (
        1, "Error: eval events --grid 'threshold': write NAME=V1,V2 (for example threshold=0.08,0.10)")
    r = run_cli("eval", "events", "--data", EVAL, "--tune", "gvc", "--grid", "bigrams=ture")
    assert (r.returncode, r.stderr.decode().strip()) == (1, "Error: eval events --grid 'bigrams=ture': bigrams takes bool values")
    r = run_cli("eval", "events", "--data", EVAL, "--tune", "gvc", "--grid", "threshold=0.1", "--grid", "threshold=0.2")
    assert (r.returncode, r.stderr.decode().strip()) == (
        1, "Error: eval events --grid 'threshold=0.2': threshold is given twice (list all its values in one --grid)")
    r = run_cli("eval", "events", "--grid", "threshold=0.1")
    assert r.returncode == 2 and "Error: --grid needs --tune TARGET (the training split to search on)" in r.stderr.decode()
    r = run_cli("eval", "events", "--data", EVAL, "--tune", "gvc")
    assert r.returncode == 2 and "Error: --tune needs at least one --grid NAME=V1,V2" in r.stderr.decode()


def test_uci_stream_floor_beats_single_pass_peer():
    need_shared(EVAL / "uci-news-aggregator-sample")
    (r,) = ev.eval_uci(EVAL, EventOptions(), peer=False)
    # measured F1 0.851 (P 0.916, R 0.795) with the learned headline decision (logistic regression
    # fitted on the first 45% only); 0.802 with the hand threshold; peer single pass 0.491
    assert r.ours.f1 >= 0.84


def test_bbc_duplicates_floor():
    need_shared(EVAL / "bbc-news-topics")
    r = ev.eval_bbc_dups(EVAL, EventOptions())
    # measured P 0.889, R 1.000 (136 copies with identical body); peer exact hash P 1.000 R 0.735
    assert r.gold == 136
    assert r.recall >= 0.98 and r.recall_exact == 1.0
    assert r.precision >= 0.87
    # the 17 flags outside the strict gold are light rewrites (same headline, exact word 5-gram
    # Jaccard 0.92-1.00: a re-cased phrase, a two-word edit); against copies-or-rewrites
    # (found exhaustively, Jaccard >= 0.9) measured P 1.000, R 0.994 (153 of 154)
    assert r.gold_rewrites >= r.gold
    assert r.precision_rewrites >= 0.98 and r.recall_rewrites >= 0.98


def test_run_linker_reports_where_stories_are_now_not_where_they_first_went():
    # the bridge stream: re-clustering moves earlier stories, so labels taken at arrival would be stale
    import json as _json

    from sinodesk.stages.cluster import LinkItem

    rows = [_json.loads(line) for line in (ROOT / "tests" / "data" / "events" / "bridge_stream.jsonl").open()]
    docs = [ev.EvalDoc(LinkItem(r["story_id"], None, r["text"]), r["story_id"][0], False, i) for i, r in enumerate(rows)]
    pred = ev.run_linker(docs, EventOptions(cold_start_docs=0))
    by = dict(zip((d.item.story_id for d in docs), pred))
    assert by["x1"] == by["x2"] == by["x3"] != by["y1"] == by["y2"] == by["y3"]
