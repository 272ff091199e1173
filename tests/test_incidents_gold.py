"""The hand-labelled cyber-incident gold (sinodesk/eval/gold/incidents): spans, split, checker."""

from __future__ import annotations

import copy
import shutil

import pytest

from sinodesk.eval import incidents_gold as G

from .conftest import ROOT, SHARED, need_shared


def _all() -> dict[str, list[dict]]:
    return {s: G.read_items(G.GOLD_DIR / f"{s}.jsonl") for s in G.SPLITS}


def test_split_is_the_seeded_group_split_and_keeps_seeds_in_tune():
    by_split = _all()
    items = [it for s in G.SPLITS for it in by_split[s]]
    where = G.assign_split(items)
    for s in G.SPLITS:
        for it in by_split[s]:
            assert where[(it["dataset"], it["id"])] == s, (it["dataset"], it["id"])
    assert all(it["dataset"] != "seeds" for it in by_split["test"])
    groups = {}
    for s in G.SPLITS:
        for it in by_split[s]:
            assert groups.setdefault((it["dataset"], it["group"]), s) == s


def test_gold_covers_the_issue_minimums():
    items = [it for s in G.SPLITS for it in _all()[s]]
    keys = [(it["dataset"], it["id"]) for it in items]
    assert len(keys) == len(set(keys))
    real = [it for it in items if it["dataset"] != "seeds"]
    assert len(real) >= 60
    assert sum(1 for it in real if it["language"] == "zh") >= 8
    assert sum(1 for it in items if it["dataset"] == "seeds") >= 7
    # both halves hold positives and negatives, so precision and recall can be measured on each
    for s, part in _all().items():
        assert any(it["incidents"] for it in part) and any(not it["incidents"] for it in part), s


def test_every_span_reads_back_from_the_rebuilt_text():
    need_shared(SHARED / "eval")
    problems = G.check(_all(), G.Texts(SHARED))
    assert problems == []


def _toy() -> tuple[dict, str]:
    text = "Hackers hit Acme Corp. Acme said hackers used phishing."
    item = {
        "dataset": "bbc", "id": "toy", "language": "en", "group": "toy", "incidents": [{
            "title": "toy", "role": "main", "types": ["other"], "evidence": {"text": "Hackers hit Acme Corp"},
            "victims": [{"name": {"text": "Acme", "occ": 2}, "sector": "Corporate Targets", "country": None}],
            "attackers": [], "attributions": [],
            "techniques": [{"id": "T1566", "name": "Phishing", "span": {"text": "phishing"}, "basis": "named"}],
            "malware": [], "numbers": [], "dates": [],
        }],
    }
    return item, text


def test_reanchor_fills_offsets_and_honours_occurrence():
    item, text = _toy()
    assert G.reanchor(item, text) == []
    assert item["incidents"][0]["victims"][0]["name"] == {"text": "Acme", "start": 23, "end": 27}
    assert G.check_item(item, text) == []


def test_reanchor_reports_a_span_missing_from_the_text():
    item, text = _toy()
    item["incidents"][0]["evidence"] = {"text": "Hackers hit Beta Corp"}
    assert G.reanchor(item, text) == ["bbc:toy incidents[0].evidence: 'Hackers hit Beta Corp' is not in the text"]


def test_check_catches_a_shifted_span_a_bad_enum_and_a_bad_technique():
    item, text = _toy()
    G.reanchor(item, text)
    bad = copy.deepcopy(item)
    bad["incidents"][0]["evidence"]["start"] += 1
    bad["incidents"][0]["types"] = ["hack"]
    bad["incidents"][0]["techniques"][0]["id"] = "T1566.9"
    problems = G.check_item(bad, text)
    assert "bbc:toy incidents[0].evidence: text[1:21] = 'ackers hit Acme Corp', label says 'Hackers hit Acme Corp' (run reanchor)" in problems
    assert any(p.startswith("bbc:toy incidents[0] type: 'hack' is not one of") for p in problems)
    assert "bbc:toy incidents[0] techniques[0]: 'T1566.9' is not an ATT&CK technique id (T1234 or T1234.001)" in problems


def test_check_command_fails_with_exit_1_on_a_broken_gold_copy(tmp_path, capsys):
    need_shared(SHARED / "eval")
    for s in G.SPLITS:
        shutil.copy(G.GOLD_DIR / f"{s}.jsonl", tmp_path / f"{s}.jsonl")
    assert G.main(["check", "--data", str(SHARED), "--gold", str(tmp_path)]) == 0
    items = G.read_items(tmp_path / "tune.jsonl")
    first = next(it for it in items if it["incidents"])
    first["incidents"][0]["evidence"]["start"] += 3
    G.write_items(tmp_path / "tune.jsonl", items)
    capsys.readouterr()
    assert G.main(["check", "--data", str(SHARED), "--gold", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Error: 1 problem(s) in the incident gold; fix the labels or run reanchor" in err


def test_missing_shared_folder_is_a_clear_error(tmp_path, capsys):
    assert G.main(["check", "--data", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert "is missing: point --data (or $SINODESK_SHARED) at the shared folder holding seeds/ and eval/" in err


@pytest.mark.parametrize("split", G.SPLITS)
def test_load_reads_one_split(split):
    assert G.load(split) == G.read_items(G.GOLD_DIR / f"{split}.jsonl")


def test_heldout2_is_new_checked_and_outside_the_seeded_halves():
    later = G.read_items(G.GOLD_DIR / "heldout2.jsonl")
    halves = {(it["dataset"], it["id"]) for s in G.SPLITS for it in _all()[s]}
    halves |= {(it["dataset"], d) for s in G.SPLITS for it in _all()[s] for d in it.get("duplicates", [])}
    keys = [(it["dataset"], it["id"]) for it in later]
    assert len(keys) == len(set(keys)) >= 40 and not set(keys) & halves
    assert sum(it["language"] == "zh" for it in later) >= 10
    assert any(it["incidents"] for it in later) and any(not it["incidents"] for it in later)
    assert G.load("heldout2") == later
    need_shared(SHARED / "eval")
    assert G.check({"heldout2": later}, G.Texts(SHARED)) == []


def test_load_names_the_sets_for_an_unknown_one():
    with pytest.raises(G.BadInput) as exc:
        G.load("heldout9")
    assert str(exc.value) == "no incident gold set 'heldout9': use one of tune, test, tune2, tune3, tune4, tune5, heldout2"


def test_tune2_is_new_checked_and_in_no_other_file():
    """tune2: more tune stories with claims, labelled later from public texts that no other gold file
    holds (ids checked against every file and its listed duplicates)."""
    more = G.read_items(G.GOLD_DIR / "tune2.jsonl")
    others = [it for s in G.SPLITS + G.HELDOUT for it in G.read_items(G.GOLD_DIR / f"{s}.jsonl")]
    taken = {(it["dataset"], it["id"]) for it in others} | {(it["dataset"], d) for it in others for d in it.get("duplicates", [])}
    keys = [(it["dataset"], it["id"]) for it in more]
    assert len(keys) == len(set(keys)) >= 15 and not set(keys) & taken
    assert sum(1 for it in more for i in it["incidents"] for a in i["attributions"] if a.get("claimant")) >= 6
    assert G.load("tune2") == more
    need_shared(SHARED / "eval")
    assert G.check({"tune2": more}, G.Texts(SHARED)) == []


def test_tune3_is_new_checked_and_in_no_other_file():
    """tune3: 40+ more tune stories (AG News, BBC tech, THUCNews) labelled by hand before the rules written for them,
    from public texts that no other gold file holds (ids and listed duplicates checked against every file); two items
    join tune groups of the same real incident (never a held-out group)."""
    more = G.read_items(G.GOLD_DIR / "tune3.jsonl")
    others = [it for s in G.SPLITS + G.HELDOUT + ("tune2",) for it in G.read_items(G.GOLD_DIR / f"{s}.jsonl")]
    taken = {(it["dataset"], it["id"]) for it in others} | {(it["dataset"], d) for it in others for d in it.get("duplicates", [])}
    keys = [(it["dataset"], it["id"]) for it in more]
    assert len(keys) == len(set(keys)) >= 40 and not set(keys) & taken
    assert sum(1 for it in more for i in it["incidents"] for a in i["attributions"] if a.get("claimant")) >= 15
    assert any(it["incidents"] for it in more) and sum(not it["incidents"] for it in more) >= 15
    held_groups = {(it["dataset"], it["group"]) for s in ("test",) + G.HELDOUT for it in G.read_items(G.GOLD_DIR / f"{s}.jsonl")}
    assert not {(it["dataset"], it["group"]) for it in more} & held_groups
    assert G.load("tune3") == more
    need_shared(SHARED / "eval")
    assert G.check({"tune3": more}, G.Texts(SHARED)) == []


def test_tune4_is_new_checked_and_in_no_other_file():
    """tune4: 44 more tune stories (AG News, BBC tech, THUCNews; 8 with incidents) labelled by hand before main's rules
    were run on them, from public texts in no other gold file; two join tune groups, none a held-out group."""
    more = G.read_items(G.GOLD_DIR / "tune4.jsonl")
    others = [it for s in G.SPLITS + G.HELDOUT + ("tune2", "tune3") for it in G.read_items(G.GOLD_DIR / f"{s}.jsonl")]
    taken = {(it["dataset"], it["id"]) for it in others} | {(it["dataset"], d) for it in others for d in it.get("duplicates", [])}
    keys = [(it["dataset"], it["id"]) for it in more]
    dups = [(it["dataset"], d) for it in more for d in it.get("duplicates", [])]
    assert len(keys) == len(set(keys)) >= 40 and not (set(keys) | set(dups)) & taken
    assert sum(bool(it["incidents"]) for it in more) >= 8 and sum(not it["incidents"] for it in more) >= 30
    held_groups = {(it["dataset"], it["group"]) for s in ("test",) + G.HELDOUT for it in G.read_items(G.GOLD_DIR / f"{s}.jsonl")}
    assert not {(it["dataset"], it["group"]) for it in more} & held_groups
    assert G.load("tune4") == more
    need_shared(SHARED / "eval")
    assert G.check({"tune4": more}, G.Texts(SHARED)) == []


def test_tune5_is_new_checked_and_in_no_other_file():
    """tune5: 67 more tune stories (41 AG News, 12 BBC with two duplicates listed, 14 THUCNews; 8 with incidents) labelled
    by hand before any rule was run on them, from public texts in no other gold file; stories of the held-out groups'
    incidents (Mt. Gox, the 2008 IE flaw, Lycos, Skulls, ShadowCrew, the JPEG flaw, FTC v. Wallace, Yoran's resignation)
    were left out, and none joins a held-out group."""
    more = G.read_items(G.GOLD_DIR / "tune5.jsonl")
    others = [it for s in G.SPLITS + G.HELDOUT + ("tune2", "tune3", "tune4") for it in G.read_items(G.GOLD_DIR / f"{s}.jsonl")]
    taken = {(it["dataset"], it["id"]) for it in others} | {(it["dataset"], d) for it in others for d in it.get("duplicates", [])}
    keys = [(it["dataset"], it["id"]) for it in more]
    dups = [(it["dataset"], d) for it in more for d in it.get("duplicates", [])]
    assert len(keys) == len(set(keys)) >= 60 and not (set(keys) | set(dups)) & taken
    assert sum(bool(it["incidents"]) for it in more) >= 8 and sum(not it["incidents"] for it in more) >= 50
    assert sum(len(i["techniques"]) for it in more for i in it["incidents"]) >= 7
    held_groups = {(it["dataset"], it["group"]) for s in ("test",) + G.HELDOUT for it in G.read_items(G.GOLD_DIR / f"{s}.jsonl")}
    assert not {(it["dataset"], it["group"]) for it in more} & held_groups
    assert G.load("tune5") == more
    need_shared(SHARED / "eval")
    assert G.check({"tune5": more}, G.Texts(SHARED)) == []


def _claimant_misses_tool():
    import importlib.util

    spec = importlib.util.spec_from_file_location("claimant_misses", ROOT / "tools" / "claimant_misses.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_misses_tool_lists_no_held_out_item(capsys):
    tool = _claimant_misses_tool()
    assert tool.main(["--set", "heldout2", "--items"]) == 2
    assert capsys.readouterr().err == "--items lists held-out items: refused for 'heldout2' (counts only)\n"


def test_the_misses_tool_tells_a_missing_phrase_from_a_dropped_one():
    from sinodesk.stages.incidents import default_tables

    tool, t = _claimant_misses_tool(), default_tables()
    text = "Officials met on Monday. The attackers flooded the portal with junk requests. Nobody knows why."
    at = text.index("flooded")
    assert tool._technique_cause(text, {"id": "T1498", "span": {"start": at, "end": at + 7}}, t, False) == "phrase-found-not-kept"
    assert tool._technique_cause(text, {"id": "T1566", "span": {"start": at, "end": at + 7}}, t, False) == "phrase-found-other-id"
    assert tool._technique_cause(text, {"id": "T1566", "span": {"start": 0, "end": 9}}, t, False) == "no-phrase"
