"""Topics from the analyst's side (issue 20): no guess for unsupported languages, corrections that
show at once, 'none' as a label, a retraining preview and an undo.  Exact output and exit codes."""

from __future__ import annotations

import json
import re

SLOVAK = ("Počasie na Slovensku: v piatok bude prevažne oblačno, miestami dážď, na horách sneženie. Najvyššia denná "
          "teplota 4 až 9 stupňov, v noci mráz do mínus 3 stupňov. Vietor slabý, juhovýchodný.\n")
WEIBO = "51ef1debabd2"  # "Weibo Removes Posts About Flooded Village" in the bundled sample digest


def _export(run_cli, db) -> dict[str, dict]:
    return {r["story_id"]: r for r in map(json.loads, run_cli("export", "--db", db).stdout.decode().splitlines())}


def _topics_line(run_cli, db, story_id) -> str:
    out = run_cli("show", story_id, "--db", db).stdout.decode().splitlines()
    return next(line for line in out if line.strip().startswith("topics:"))


def test_a_story_in_a_language_the_model_does_not_read_gets_no_topic(desk, run_cli):
    r = run_cli("ingest", "-", "--db", desk, input=SLOVAK.encode())
    assert (r.returncode, r.stdout.decode().strip()) == (0, "ingested 1 document (1 story), rejected 0")
    story = next(s for s in _export(run_cli, desk).values() if s["source"] == "-")
    assert story["topics"] == [] and story["topic_scores"] == {}
    assert _topics_line(run_cli, desk, story["story_id"]) == \
        f"      topics: none (unsupported language: {story['language']}; the topic model reads en, zh)"
    listed = run_cli("stories", "--db", desk, "--topic", "cyber").stdout.decode()
    assert story["story_id"] not in listed and "Botnet Floods Hangzhou Cloud Provider" in listed
    r = run_cli("topics", "-", "--json", input=SLOVAK.encode())
    out = json.loads(r.stdout)
    assert (r.returncode, out["topics"], out["scores"], out["unsupported_language"]) == (0, [], {}, True)
    r = run_cli("topics", "-", input=SLOVAK.encode())
    assert r.stdout.decode() == f"none (unsupported language: {out['language']}; the topic model reads en, zh)\n"
    # the same text declared English is classified (the gate is the language, not the words)
    r = run_cli("topics", "-", "--json", "--language", "en", input=SLOVAK.encode())
    assert json.loads(r.stdout)["unsupported_language"] is False and len(json.loads(r.stdout)["scores"]) == 11


def test_a_correction_shows_at_once_and_none_is_a_label(desk, run_cli):
    r = run_cli("label", WEIBO, "none", "--db", desk)
    assert (r.returncode, r.stdout.decode()) == (0, f"labelled {WEIBO}: none\n")
    assert _topics_line(run_cli, desk, WEIBO) == "      topics: none (your correction)"
    assert _export(run_cli, desk)[WEIBO]["topics"] == []
    r = run_cli("label", WEIBO, "environment_energy,society_censorship", "--db", desk)
    assert r.returncode == 0
    assert _topics_line(run_cli, desk, WEIBO) == "      topics: environment_energy, society_censorship (your correction)"
    assert _export(run_cli, desk)[WEIBO]["topics"] == ["environment_energy", "society_censorship"]
    # the correction survives a rebuild of every story from the raw bytes
    assert run_cli("reprocess", "--db", desk).returncode == 0
    assert _export(run_cli, desk)[WEIBO]["topics"] == ["environment_energy", "society_censorship"]
    r = run_cli("label", WEIBO, "none,cyber", "--db", desk)
    assert (r.returncode, r.stderr.decode()) == (1, "Error: labels 'none,cyber': 'none' means no topic applies; give it alone\n")
    r = run_cli("label", WEIBO, "weather", "--db", desk)
    assert r.returncode == 1
    assert r.stderr.decode().startswith("Error: labels 'weather': unknown topic 'weather' (known: cyber, tech_ai, ")
    assert r.stderr.decode().endswith(", or 'none'; extend sinodesk/data/topics.toml to add one)\n")


def test_train_dry_run_previews_then_undo_restores(desk, run_cli, tmp_path):
    before = {sid: s["topics"] for sid, s in _export(run_cli, desk).items()}
    r = run_cli("train", "topics", "--db", desk, "--undo")
    assert (r.returncode, r.stderr.decode()) == (1, "Error: no trained topic model to undo (the packaged default is in use)\n")
    assert run_cli("label", WEIBO, "environment_energy", "--db", desk).returncode == 0
    extra = tmp_path / "floods.jsonl"
    extra.write_text("\n".join(json.dumps({"text": t, "labels": ["environment_energy"]}) for t in (
        "Floods in the village destroyed homes and posts about the flood damage were removed.",
        "Residents moved to schools after flood water covered the village fields.",
    )) + "\n" + json.dumps({"text": "The team won the cup after extra time.", "labels": ["none"]}) + "\n", encoding="utf-8")

    r = run_cli("train", "topics", "--db", desk, "--jsonl", extra, "--dry-run")
    assert r.returncode == 0, r.stderr.decode()
    lines = r.stdout.decode().splitlines()
    m = re.fullmatch(r"would train topic model (topics-\d{8}-[0-9a-f]{12}) on (\d+) examples \(1 corrections, 3 from JSONL, "
                     r"the rest shipped\); (\d+) of 9 stories would change topics", lines[0])
    assert m, lines[0]
    assert lines[-1] == "nothing saved (run without --dry-run to train)"
    assert len(lines) == 2 + int(m[3])  # one line per story that would change
    assert {sid: s["topics"] for sid, s in _export(run_cli, desk).items()} == before | {WEIBO: ["environment_energy"]}

    r = run_cli("train", "topics", "--db", desk, "--jsonl", extra)
    assert r.stdout.decode() == (f"trained topic model {m[1]} on {m[2]} examples (1 corrections, 3 from JSONL, the rest shipped); "
                                 f"{m[3]} of 9 stories changed topics ('sinodesk train topics --undo' goes back to the previous model)\n")
    r = run_cli("train", "topics", "--db", desk, "--undo")
    assert r.returncode == 0
    assert r.stdout.decode() == f"removed topic model {m[1]}; now using the packaged default model; {m[3]} of 9 stories changed topics\n"
    # back to the default model's topics; the correction still stands
    assert {sid: s["topics"] for sid, s in _export(run_cli, desk).items()} == before | {WEIBO: ["environment_energy"]}
    r = run_cli("train", "topics", "--db", desk, "--undo", "--dry-run")
    assert (r.returncode, r.stderr.decode().splitlines()[-1]) == (2, "Error: --undo takes no --dry-run or --jsonl")



def test_one_added_label_moves_only_what_it_should(run_cli, tmp_path):
    """'train topics' after one correction retrained with a CV choice of C and nb_weight the packaged model does not
    make: one 'none' label on 300 BBC/AG stories moved 84 of them (qa19).  Corrections alone now keep the packaged
    model's learner and the shipped examples' calibration folds: a few stories move, not a quarter."""
    import csv

    from .conftest import SHARED, need_shared

    need_shared(SHARED / "eval" / "ag-news-test")
    with (SHARED / "eval" / "ag-news-test" / "test.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["label"] in ("3", "4")][:200]
    src = tmp_path / "ag.jsonl"
    src.write_text("".join(json.dumps({"url": f"https://ag.example/{i}", "title": r["title"], "text": r["description"]}) + "\n"
                           for i, r in enumerate(rows)), encoding="utf-8")
    db = tmp_path / "t.db"
    assert run_cli("ingest", src, "--db", db, "--workers", "0").returncode == 0
    untopiced = [sid for sid, s in _export(run_cli, db).items() if not s["topics"]]
    assert run_cli("label", untopiced[0], "none", "--db", db).returncode == 0  # what the model said already
    r = run_cli("train", "topics", "--dry-run", "--db", db)
    m = re.match(r"would train topic model \S+ on \d+ examples \(1 corrections, the rest shipped\); (\d+) of 200 stories would change", r.stdout.decode())
    assert m, r.stdout.decode() + r.stderr.decode()
    assert int(m[1]) <= 8, r.stdout.decode()
