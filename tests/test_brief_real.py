"""Briefings on real data through the product path: GVC articles in two ingest batches, UCI headlines,
the five seed digests with the bundled sample, and the summary-quality floors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import feedparser
import pytest

from sinodesk.archive import open_archive
from sinodesk.brief import build_briefing, load_sections, render, save_briefing
from sinodesk.brief.build import Desk
from sinodesk.brief.sections import story_matches
from sinodesk.eval.brief import everything_sections, gvc_items, uci_items
from sinodesk.eval.harness import write_jsonl
from sinodesk.pipeline import Runner
from sinodesk.settings import Settings

from .conftest import EVAL, ROOT, SEEDS, need_shared


def _check_verbatim(archive, briefing):
    n = 0
    for it in briefing.items():
        assert it.sentences, it.headline
        for s in it.sentences:
            story = archive.get_story(s.story_id)
            assert story.text[s.start:s.end] == s.text
            assert it.citations[s.ref - 1].story_id == s.story_id
            n += 1
    return n


@pytest.fixture(scope="module")
def gvc_two_batches(tmp_path_factory):
    """GVC: the first day's reports of every incident in batch 1, the later reports in batch 2."""
    items = gvc_items(need_shared(EVAL))
    first_day = {}
    for it in items:
        first_day[it["gold"]] = min(first_day.get(it["gold"], it["date"]), it["date"])
    early = [it for it in items if it["date"] == first_day[it["gold"]]]
    late = [it for it in items if it["date"] != first_day[it["gold"]]]
    tmp = tmp_path_factory.mktemp("gvc")
    db = str(tmp / "gvc.db")
    archive = open_archive(db)
    runner = Runner(archive, Settings(db=db))
    strip = lambda its: [{k: v for k, v in it.items() if k != "gold"} for it in its]  # noqa: E731
    runner.ingest([str(write_jsonl(strip(early), tmp / "batch1.jsonl"))])
    first = save_briefing(archive, build_briefing(archive, None, "2100-01-01", everything_sections()))
    runner.ingest([str(write_jsonl(strip(late), tmp / "batch2.jsonl"))])
    second = build_briefing(archive, None, "2100-01-01", everything_sections())
    yield archive, first, second, early, late
    archive.close()


def test_gvc_what_changed_across_two_batches(gvc_two_batches):
    archive, first, second, early, late = gvc_two_batches
    assert second.previous_id == first.briefing_id
    before = {sid for it in first.items() for sid in it.story_ids}
    batch2 = {s.story_id for s in archive.iter_stories() if s.source.endswith("batch2.jsonl")}
    statuses = {"new": 0, "grew": 0, "ongoing": 0}
    for it in second.items():
        mine = set(it.story_ids)
        statuses[it.change.status] += 1
        if it.change.status == "new":
            assert not mine & before
        else:
            prev = [p for p in first.items() if set(p.story_ids) & mine or p.event_id == it.event_id]
            added = mine - set().union(*(set(p.story_ids) for p in prev))
            assert it.change.added == len(added)
            assert (it.change.status == "grew") == bool(added)
            assert added <= batch2 | (mine - before)
    assert statuses["grew"] >= 5 and statuses["new"] >= 1 and statuses["ongoing"] >= 10
    # every batch-2 report is a follow-up of a briefed incident; the share shown as growth is the
    # linker's recall across days in a fresh 152-story archive (18 of 48 when pinned: its cold-start
    # raise doubles the join threshold in a small archive)
    grew_stories = {sid for it in second.items() if it.change.status == "grew" for sid in it.story_ids}
    assert sum(sid in grew_stories for sid in batch2) / len(batch2) >= 0.35
    assert _check_verbatim(archive, second) >= 100


def test_uci_headlines_sections_and_citations(tmp_path):
    items = uci_items(need_shared(EVAL), clusters=15, per_cluster=30)
    db = str(tmp_path / "uci.db")
    archive = open_archive(db)
    Runner(archive, Settings(db=db)).ingest([str(write_jsonl([{k: v for k, v in it.items() if k != "gold"} for it in items],
                                                             tmp_path / "uci.jsonl"))])
    rules = load_sections()
    b = build_briefing(archive, "2014-03-10", "2014-03-10", rules, previous=None)
    desk = Desk()
    assert b.n_stories == len(items) - sum(1 for _ in archive.iter_rejects())
    for sec in b.sections:
        rule = rules.get(sec.id)
        for it in sec.items:
            stories = [archive.get_story(sid) for sid in it.story_ids]
            if not rule.fallback:
                assert sum(story_matches(rule, s, desk.family(s)) for s in stories) / len(stories) >= rule.min_share
            assert it.sentences  # near-identical headlines are one sentence, not two
            assert all(c.url and c.url.startswith("http") for c in it.citations)
    multi = [len(it.sentences) for it in b.items() if it.n_stories >= 3]
    assert sum(multi) / len(multi) >= 2
    assert _check_verbatim(archive, b) >= 20
    econ = next(sec for sec in b.sections if sec.id == "economy")
    assert econ.items and econ.items[0].n_stories >= 5 and len(econ.items[0].families) >= 3
    # headlines of many outlets: the summary cites several of them
    assert max(len({c.outlet for c in it.citations}) for it in b.items()) >= 3
    archive.close()


def test_gvc_summary_floors():
    """Pinned floors on GVC through the eval command's path (measured: validation R1 0.353 R2 0.335,
    held-out test R1 0.379 R2 0.361; lead peer 0.316/0.237 and 0.355/0.267)."""
    from sinodesk.eval.brief import eval_set

    val, test = eval_set("gvc", need_shared(EVAL))
    for r, (r1, r2) in ((val, (0.34, 0.32)), (test, (0.36, 0.34))):
        assert r.items >= 20 and r.verbatim == 1.0
        assert r.rouge1["sinodesk"] >= r1 and r.rouge2["sinodesk"] >= r2
        assert r.rouge2["sinodesk"] > max(r.rouge2["lead"], r.rouge2["centroid"])
        assert r.redundancy["sinodesk"] == 0.0 < r.redundancy["centroid"]


@pytest.fixture(scope="module")
def seeds_briefing(tmp_path_factory):
    need_shared(SEEDS)
    tmp = tmp_path_factory.mktemp("seeds")
    db = str(tmp / "desk.db")
    archive = open_archive(db)
    Runner(archive, Settings(db=db)).ingest([str(SEEDS), str(ROOT / "examples")])
    b = build_briefing(archive, "2022-01-01", None, previous=None)
    yield archive, b
    archive.close()


def test_seeds_and_sample_read_like_a_digest(seeds_briefing):
    archive, b = seeds_briefing
    titles = {sec.id: [it.headline for it in sec.items] for sec in b.sections}
    assert titles["watch"][0] == "Chinese Media Reports on India’s Mineral Industry Development Plan"
    assert "India Plans to Double Russian Coking Coal Imports" in titles["watch"]
    assert "Cyberattacks Against DeepSeek Surge Through Botnets" in titles["cyber"]
    botnet = next(it for it in b.items() if it.headline == "Botnet Floods Hangzhou Cloud Provider")
    assert [c.outlet for c in botnet.citations] == ["Caixin", "示例新闻"]
    assert [s.language for s in botnet.sentences][-1] == "zh"
    assert botnet.sentences[-1].text.startswith("据奇虎360称")
    gallium = next(it for it in b.items() if "Gallium" in it.headline)
    assert gallium in next(sec for sec in b.sections if sec.id == "economy").items
    assert _check_verbatim(archive, b) >= 60
    md = render(b, "md")
    assert "## INDIA WATCH" in md and "## CYBER" in md
    assert "[2, zh]" in md
    assert "Sources: [1] Caixin, 2025-03-04, story " in md
    for line in md.splitlines():
        if line.startswith("- **"):
            assert line.rstrip().endswith("]")  # every item's last sentence ends with its citation


def test_brief_cli_formats_and_errors(seeds_briefing, run_cli, tmp_path):
    archive, _ = seeds_briefing
    db = archive.location
    for fmt in ("rss", "atom"):
        r = run_cli("brief", "--since", "2022-01-01", "--db", db, "--format", fmt, "--no-save")
        assert r.returncode == 0, r.stderr.decode()
        feed = feedparser.parse(r.stdout)
        assert feed.bozo == 0 and len(feed.entries) >= 20
    out = tmp_path / "b.html"
    r = run_cli("brief", "--since", "2022-01-01", "--db", db, "--format", "html", "-o", out)
    assert r.returncode == 0 and "wrote " in r.stderr.decode()
    assert out.read_text(encoding="utf-8").count("<article") >= 20
    data = json.loads(run_cli("brief", "--since", "2022-01-01", "--db", db, "--json").stdout)
    assert data["previous_id"] == 1 and data["sections"][0]["items"][0]["sentences"][0]["ref"] == 1
    assert {"text", "ref", "story_id", "start", "end", "language"} == set(data["sections"][0]["items"][0]["sentences"][0])
    data = json.loads(run_cli("brief", "--since", "2022-01-01", "--db", db, "--json", "--watch", "Taiwan").stdout)
    assert [s["title"] for s in data["sections"] if s["id"].startswith("watch")] == ["Taiwan Watch"]
    assert data["previous_id"] is None  # another section set: compared only with its own briefings
    r = run_cli("brief", "--list", "--db", db)
    assert r.stdout.decode().startswith("#1  ")
    r = run_cli("brief", "--show", "1", "--db", db)
    assert r.returncode == 0 and r.stdout.decode().startswith("# China briefing — 2022-01-01 to ")
    r = run_cli("brief", "--show", "99", "--db", db)
    assert (r.returncode, r.stderr.decode().strip()) == (1, f"Error: briefing 99 is not in {db} (list them with 'sinodesk brief --list')")
    r = run_cli("brief", "--since", "last week", "--db", db)
    assert (r.returncode, r.stderr.decode().strip()) == (
        1, "Error: --since 'last week': expected an ISO date (2025-03-01), a span like 7d, 4w, 6m, 1y, or 'all'")
    r = run_cli("brief", "--db", str(tmp_path / "missing.db"))
    assert r.returncode == 1 and "no archive here" in r.stderr.decode()
    r = run_cli("brief", "--since", "2022-01-01", "--db", db, "-o", tmp_path)
    assert (r.returncode, r.stderr.decode().strip()) == (
        1, f"Error: -o {tmp_path}: is a directory (give a file name, e.g. {tmp_path / 'briefing.html'})")
    assert len(archive.list_briefings()) == 3  # nothing stored for the refused run
    r = run_cli("brief", "--since", "1990-01-01", "--until", "1990-12-31", "--db", db)
    today = dt.date.today().isoformat()  # the seeds' undated stories are dated by their ingest day
    assert (r.returncode, r.stderr.decode().strip()) == (
        0, f"no stories between 1990-01-01 and 1990-12-31: the newest story in the archive is of {today} (the day it was ingested) "
           f"(try --until {today} or --since all); nothing stored")
    assert r.stdout.decode().startswith("# China briefing — 1990-01-01 to 1990-12-31")
    assert len(archive.list_briefings()) == 3  # an empty briefing is not stored: the next one is compared with the last real one
