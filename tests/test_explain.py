"""Why two stories are, or are not, in one event (``sinodesk explain``, ``/api/explain``), and the figures
the linker counts as shared (a figure in its unit; no year, place fact, phone number or date).

The archives are real: seed 004 (ten Global Times stories in one undated digest, ../shared/seeds) and
the day of news in tests/data/events (the same talks in English and Chinese), each built by ``ingest``."""

from __future__ import annotations

import hashlib
import itertools
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from sinodesk.records import NumberClaim
from sinodesk.stages.cluster import EventLinker, EventOptions, LinkItem
from sinodesk.stages.cluster.features import figure_key, figure_keys, numbers_in, shared_figures
from tests.conftest import ROOT, SEEDS, need_shared

DAY = ROOT / "tests" / "data" / "events" / "desk_day.jsonl"
TALKS_ZH, TALKS_EN, BOTNET_ZH = "8b47be0d4a51", "0164221282d9", "fae36bad6997"
# seed 004: the premier's talks with Singapore's prime minister and a Malaysian minister on technology, both
# undated (no date in the digest), linked at cohesion 0.31; the RFA story is another event
TALKS_SG, TECH_MY, RFA = "3132ddbd98e2", "a4e00282cd03", "beca5831967f"


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sinodesk", *map(str, args)], capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> str:
    seed = need_shared(SEEDS / "004_bc2b2a5a18de83ad.txt")
    db = str(tmp_path_factory.mktemp("explain") / "seed004.db")
    r = _cli("ingest", seed, "--db", db)
    assert (r.returncode, r.stdout.decode().strip()) == (0, "ingested 1 document (10 stories), rejected 0"), r.stderr.decode()
    return db


@pytest.fixture(scope="module")
def day_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("explain") / "day.db")
    r = _cli("ingest", DAY, "--db", db)
    assert r.returncode == 0, r.stderr.decode()
    return db


def _explain(db: str, a: str, b: str) -> dict:
    r = _cli("explain", a, b, "--db", db, "--json")
    assert r.returncode == 0, r.stderr.decode()
    return json.loads(r.stdout)


# -- figures ------------------------------------------------------------------------------------------


def test_a_figure_is_its_value_in_its_unit():
    assert figure_key(400, "people") == "n:400.0"  # a count, whatever noun the extractor took for its unit
    assert figure_key(45e6, "USD") == "USD:45000000.0" and figure_key(45, "percent") == figure_key(45, "per cent") == "%:45.0"
    assert figure_key(5.6) == ":5.6"  # no unit written
    assert figure_key(10, "people") is None and figure_key(31) is None  # small whole numbers: every story has them
    assert figure_key(2014) is None and figure_key(2014, "valid responses") == "n:2014.0"  # a bare year is a date
    # a place's population is the place's, which two events there share
    assert figure_key(100000, None, "a free trade zone with a population") is None
    assert figure_key(float("inf")) is None


def test_the_same_value_in_another_unit_is_not_shared():
    people, percent, usd = (figure_keys([figure_key(45, u)]) for u in ("people", "percent", "USD"))
    assert shared_figures(people, percent) == shared_figures(people, usd) == shared_figures(percent, usd) == 0
    assert shared_figures(people, figure_keys([figure_key(45, "people")])) == 1
    assert shared_figures(people, figure_keys([figure_key(45, "others")])) == 1  # one count, told with another noun
    assert shared_figures(usd, figure_keys([figure_key(45, "EUR")])) == 0
    # a figure written without a unit matches the same value in any unit ("a 5.6 quake", "magnitude 5.6")
    bare, magnitude = figure_keys([figure_key(5.6)]), figure_keys([figure_key(5.6, "magnitude")])
    assert shared_figures(bare, magnitude) == shared_figures(magnitude, bare) == 1
    assert shared_figures(bare, figure_keys([figure_key(5.7, "magnitude")])) == 0


def test_phone_numbers_dates_and_codes_are_no_figures():
    text = "Call Crime Stoppers at 419-255-1111 or (419) 255-1111. On 03/10/2014 at 5:30, 45 people and 1,200 more."
    assert numbers_in(text) == (45.0, 1200.0)


def test_figures_saved_as_plain_numbers_read_back_as_figures_without_a_unit():
    from sinodesk.stages.cluster.event import Event
    from sinodesk.stages.cluster.state import record_from_json

    # an event and a re-clustering record kept by a sinodesk before figures had units (None: an infinity)
    ev = Event.from_json({"eid": "ev-1", "order": 1, "size": 2, "centroid": {}, "first": None, "last": None,
                          "entities": {}, "numbers": [[45.0, 2], [None, 1], [5.0, 1]]})
    assert ev.numbers == {":45.0": 2, "*:45.0": 2}
    rec = record_from_json({"v": {}, "e": [], "x": [45.0, 1200.0], "m": [], "y": [], "d": None, "s": False, "w": 3, "h": False})
    assert rec.numbers == figure_keys([":45.0", ":1200.0"])
    assert shared_figures(figure_keys([figure_key(45, "USD")]), ev.numbers) == shared_figures(rec.numbers, ev.numbers) == 1


def _linker_features(numbers, text="Police said the shooting happened on Main Street late on Saturday.") -> frozenset:
    lk = EventLinker(EventOptions())
    return lk.features(LinkItem("s1", "Shooting on Main Street", text, numbers=numbers)).numbers


def test_the_linker_keys_claims_by_unit_and_reads_no_phone_number_from_the_text():
    # the extractor's claims: 45 people and 45% are two figures; a bare 2014 is none
    claims = (NumberClaim("45 people", 45.0, "people", 0, 9), NumberClaim("45%", 45.0, "percent", 10, 13),
              NumberClaim("2014", 2014.0, None, 14, 18), NumberClaim("58 km", 58.0, "km", 19, 24))
    assert _linker_features(claims) == figure_keys(["n:45.0", "%:45.0", "n:58.0"])
    assert _linker_features(()) == frozenset()  # extracted, none found: the text's digits are not read instead
    # not extracted (numbers None): the text's figures, but not the pieces of a phone number or a year
    assert _linker_features(None, "Anyone with information should call 419-255-1111. It happened in 2014.") == frozenset()
    assert _linker_features(None, "Police said 45 people were hurt.") == figure_keys([":45.0"])


def test_pair_scores_count_shared_figures_as_the_story_score_does():
    from sinodesk.stages.cluster.event import Event
    from sinodesk.stages.cluster.scoring import pair_scores, story_score

    opts = EventOptions()
    lk = EventLinker(opts)
    text = "The company said revenue rose in the quarter and it would hire more engineers in the city."
    recs = [lk.features(LinkItem(f"s{i}", "Company results", text, numbers=nums)) for i, nums in enumerate((
        (NumberClaim("$45 million", 45e6, "USD", 0, 1), NumberClaim("5.6", 5.6, None, 2, 3)),
        (NumberClaim("45 million", 45e6, None, 0, 1), NumberClaim("5.6%", 5.6, "percent", 2, 3)),
        (NumberClaim("45 million euros", 45e6, "EUR", 0, 1),)))]
    sim = pair_scores(recs, opts, 1.0)
    for i, j in itertools.permutations(range(3), 2):
        ev = Event("e")
        ev.add(recs[j], opts.centroid_terms)
        assert sim[i, j] == pytest.approx(story_score(recs[i], ev, opts, 1.0), abs=1e-12), (i, j)
    # the figures' part: 0 and 1 share both figures (a bare one matches any unit); 0 and 2 none (dollars are not
    # euros); 1 and 2 the 45 million that 1 gives without a unit
    bonus = sim - pair_scores(recs, replace(opts, number_weight=0.0), 1.0)
    assert [round(bonus[i, j], 9) for i, j in ((0, 1), (0, 2), (1, 2))] == [opts.number_weight, 0.0, opts.number_weight / 2]


# -- sinodesk explain ---------------------------------------------------------------------------------


def test_explain_the_undated_pair_seed_004_links(seed_db):
    d = _explain(seed_db, TALKS_SG, TECH_MY)
    assert d["same_event"] and d["via"] == "pair" and not d["near_duplicate"]
    assert d["a"]["event_id"] == d["b"]["event_id"] and d["a"]["published"] is None
    s = d["signals"]
    # no date on either: no time decay; what links them is the words of diplomacy and cooperation, China, Beijing and the BRI
    assert (s["days_apart"], s["time_decay"], s["undated"]) == (None, None, ["a", "b"])
    assert {"gpe:china", "gpe:beijing", "law:belt-and-road-initiative"} <= set(s["shared_entities"])
    assert "cooper" in [w["term"] for w in s["shared_words"][:3]]
    assert (s["shared_figures"], s["figure_bonus"]) == ([], 0.0)
    assert not [c["name"] for c in d["checks"] if c["fired"]]
    p = d["pair"]
    assert (p["rule"], p["threshold"], p["passed"]) == ("merge score >= threshold", 0.1, True)
    assert p["value"] == pytest.approx(s["word_similarity"], abs=1e-4)  # undated, one language, no figure: the words alone
    text = _cli("explain", TALKS_SG, TECH_MY, "--db", seed_db).stdout.decode()
    assert text.splitlines()[0] == f"Same event: the pair alone links (merge score {p['value']:.3f} >= 0.1)"
    assert " days apart        unknown (a and b undated: no decay)" in text.splitlines()


def test_explain_says_why_two_stories_are_apart(seed_db):
    d = _explain(seed_db, TALKS_SG, RFA)
    assert not d["same_event"] and d["via"] == "apart" and d["a"]["event_id"] != d["b"]["event_id"]
    assert not d["pair"]["passed"] and d["pair"]["value"] < d["pair"]["threshold"]
    for side, size in (("a_against_event_of_b", 1), ("b_against_event_of_a", 2)):
        assert (d[side]["event_size"], d[side]["passed"]) == (size, False)
    first = _cli("explain", TALKS_SG, RFA, "--db", seed_db).stdout.decode().splitlines()[0]
    assert first.startswith(f"Different events: the pair does not link (merge score {d['pair']['value']:.3f} < 0.1)")


def test_every_pair_of_seed_004_is_explained_as_the_archive_holds_it(seed_db):
    from sinodesk.archive import open_archive
    from sinodesk.stages.cluster.explain import explain_stories

    archive = open_archive(seed_db, read_only=True)
    try:
        stories = list(archive.iter_stories())
        assert len(stories) == 10
        vias = []
        for a, b in itertools.combinations(stories, 2):
            d = explain_stories(archive, a.story_id, b.story_id)
            assert d["same_event"] == (a.event_id == b.event_id)
            vias.append(d["via"])
            if not d["same_event"]:  # stories the linker kept apart do not link as a pair either
                assert not d["pair"]["passed"], (a.story_id, b.story_id, d["pair"])
    finally:
        archive.close()
    assert sorted(set(vias)) == ["apart", "pair"] and vias.count("pair") == 2


def test_explain_a_translation_by_the_entities_it_shares(day_db):
    d = _explain(day_db, TALKS_ZH, TALKS_EN)
    s = d["signals"]
    assert d["same_event"] and d["via"] == "pair" and s["languages"] == ["zh", "en"]
    assert s["shared_entities"] == ["gpe:china", "gpe:singapore", "person:lawrence-wong", "person:li-qiang"]
    assert s["days_apart"] == 0 and s["entity_bonus"] > 0
    assert d["pair"]["value"] == pytest.approx(s["word_similarity"] + s["entity_bonus"], abs=2e-4)
    assert not next(c for c in d["checks"] if c["name"] == "other_language")["fired"]
    apart = _explain(day_db, TALKS_ZH, BOTNET_ZH)
    assert not apart["same_event"] and apart["signals"]["shared_entities"] == []


def test_explain_writes_nothing(seed_db):
    before = hashlib.sha256(Path(seed_db).read_bytes()).hexdigest()
    assert _cli("explain", TALKS_SG, TECH_MY, "--db", seed_db).returncode == 0
    assert hashlib.sha256(Path(seed_db).read_bytes()).hexdigest() == before


def test_explain_reads_an_archive_whose_linker_tidies_old_events_on_opening(tmp_path):
    """All five seeds (stories from 1993 to the ingest day): opening the saved linker moves events idle
    past the window out of memory, which writes them back in a writing run; explain opens the archive
    read-only and must neither fail on that nor write it."""
    db = tmp_path / "seeds.db"
    r = _cli("ingest", need_shared(SEEDS), "--db", db)
    assert r.returncode == 0, r.stderr.decode()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    pair = _explain(str(db), TALKS_SG, TECH_MY)
    assert pair["same_event"] and pair["via"] == "pair"
    old = [line.split()[0] for line in _cli("stories", "--db", db, "--since", "2022-03-18", "--until", "2022-03-19").stdout.decode().splitlines()]
    assert len(old) == 2 and _explain(str(db), old[0], old[1])["a"]["event_id"]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_explain_errors_by_message_and_exit_code(seed_db, tmp_path):
    r = _cli("explain", TALKS_SG, "nope", "--db", seed_db)
    assert (r.returncode, r.stdout, r.stderr.decode()) == (
        1, b"", f"Error: story 'nope' is not in {seed_db} (list ids with 'sinodesk stories')\n")
    r = _cli("explain", TALKS_SG[:4], TALKS_SG, "--db", seed_db)
    assert (r.returncode, r.stderr.decode()) == (
        1, f"Error: explain: '{TALKS_SG[:4]}' and '{TALKS_SG}' are the same story '{TALKS_SG}' (give two different story ids)\n")
    r = _cli("explain", TALKS_SG, "--db", seed_db)
    assert r.returncode == 2 and r.stderr.decode().endswith("Error: Missing argument 'STORY_B'.\n")
    missing = tmp_path / "none.db"
    r = _cli("explain", TALKS_SG, TECH_MY, "--db", missing)
    assert (r.returncode, r.stderr.decode()) == (
        1, f"Error: {missing}: no archive here (run 'sinodesk ingest ... --db {missing}' first, or pass the right --db)\n")


def test_api_explain_is_the_cli_json(seed_db):
    from starlette.testclient import TestClient

    from sinodesk.web import create_app

    with TestClient(create_app(seed_db), base_url="http://127.0.0.1") as c:
        r = c.get("/api/explain", params={"a": TALKS_SG, "b": TECH_MY})
        assert r.status_code == 200 and r.json() == _explain(seed_db, TALKS_SG, TECH_MY)
        assert "/api/explain" in c.get("/api/openapi.json").json()["paths"]
        r = c.get("/api/explain", params={"a": TALKS_SG, "b": "nope"})
        assert (r.status_code, r.json()["error"]["message"]) == (
            404, f"story 'nope' is not in {seed_db} (list ids with 'sinodesk stories')")
        r = c.get("/api/explain", params={"a": TALKS_SG, "b": TALKS_SG})
        assert r.status_code == 400 and "give two different story ids" in r.json()["error"]["message"]


def test_api_explain_keeps_the_linker_until_the_archive_changes(tmp_path):
    """The server opens the stored linker once per worker thread (opening it was most of each call:
    on a 2,000-story archive /api/explain took ~215 ms, ~10 ms kept) and opens it again when another
    process writes: every answer is what a fresh linker gives, before and after an ingest."""
    from starlette.testclient import TestClient

    from sinodesk.archive import open_archive
    from sinodesk.stages.cluster.explain import explain_stories
    from sinodesk.web import create_app

    db = tmp_path / "seed004.db"
    r = _cli("ingest", need_shared(SEEDS / "004_bc2b2a5a18de83ad.txt"), "--db", db)
    assert r.returncode == 0, r.stderr.decode()

    def fresh(a: str, b: str) -> dict:
        archive = open_archive(str(db), create=False, read_only=True)
        try:
            return json.loads(json.dumps(explain_stories(archive, a, b)))
        finally:
            archive.close()

    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as c:
        ids = [row["story_id"] for row in c.get("/api/stories", params={"per_page": 100}).json()["items"]]
        pairs = list(itertools.combinations(ids, 2))[:12]
        first = {p: c.get("/api/explain", params={"a": p[0], "b": p[1]}).json() for p in pairs}
        assert all(first[p] == fresh(*p) for p in pairs)
        again = {p: c.get("/api/explain", params={"a": p[0], "b": p[1]}).json() for p in reversed(pairs)}
        assert again == first
        before = first[(TALKS_SG, TECH_MY)] if (TALKS_SG, TECH_MY) in first else c.get(
            "/api/explain", params={"a": TALKS_SG, "b": TECH_MY}).json()
        r = _cli("ingest", DAY, "--db", db)  # another process adds a day of news: the linker's counts move
        assert r.returncode == 0, r.stderr.decode()
        after = c.get("/api/explain", params={"a": TALKS_SG, "b": TECH_MY}).json()
        assert after == fresh(TALKS_SG, TECH_MY) and after["signals"] != before["signals"]
