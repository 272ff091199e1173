"""Relative dates with nothing but the ingest day (or a bare year) to read them against are
marked as guesses: in the records, the export, `show`, the incident records and their CSV."""

from __future__ import annotations

import datetime as dt
import json

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _dates(text: str, **kw):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    x = extract(doc, Segment(start=0, end=len(text), text=text), "en", **kw)
    return [(d.text, d.iso, d.guessed) for d in x.dates]


def test_relative_dates_read_against_the_ingest_day_are_guesses():
    text = "The ministry said on Thursday that exports fell in June and would recover next year."
    assert _dates(text, fallback_date="2026-12-07") == [
        ("Thursday", "2026-12-03", True), ("June", "2026-06", True), ("next year", "2027", True)]


def test_the_same_words_read_against_a_date_of_the_story_are_not_guesses():
    text = "The ministry said on Thursday that exports fell in June and would recover next year."
    assert _dates(text, context_date="2025-07-14", fallback_date="2026-12-07") == [
        ("Thursday", "2025-07-10", False), ("June", "2025-06", False), ("next year", "2026", False)]


def test_a_full_date_in_the_text_anchors_its_relative_dates():
    text = "On August 25, 2004 the port reopened. A day earlier, on Tuesday, the strike had ended."
    got = _dates(text, fallback_date="2026-12-07")
    assert ("August 25, 2004", "2004-08-25", False) in got
    assert ("Tuesday", "2004-08-24", False) in got


def test_a_bare_year_anchors_months_as_written_but_weekdays_are_guesses():
    text = ("Talks held in 2024 ran from May 13 to the summer. The envoy flew home on Tuesday, and last year's deal stood. "
            "The talks resumed three days ago.")
    got = {t: (iso, g) for t, iso, g in _dates(text, fallback_date="2026-12-07")}
    assert got["2024"] == ("2024", False)  # written out
    assert got["May 13"] == ("2024-05-13", False)  # the month and day are written: only the year is read from the text
    assert got["Tuesday"][1] is True  # which Tuesday of 2024 nobody can say
    assert got["last year"] == ("2023", False)  # a year read against a year
    assert got["three days ago"][1] is True  # days counted back from the middle of a year


def test_written_dates_are_never_guesses_and_chinese_relative_days_are():
    text = "2021年5月3日，该公司称，上周有黑客入侵其系统。"
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    x = extract(doc, Segment(start=0, end=len(text), text=text), "zh", fallback_date="2026-12-07")
    assert [(d.text, d.guessed) for d in x.dates] == [("2021年5月3日", False), ("上周", False)]
    text2 = "该公司称，上周有黑客入侵其系统。"
    doc2 = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text2)
    x2 = extract(doc2, Segment(start=0, end=len(text2), text=text2), "zh", fallback_date="2026-12-07")
    assert [(d.text, d.guessed) for d in x2.dates] == [("上周", True)]


def test_show_export_and_incident_say_which_dates_are_guesses(tmp_path, run_cli):
    story = tmp_path / "undated.txt"
    story.write_text(
        "Hackers hit the port of Harbourtown\n\n"
        "Hackers shut down the cargo systems of the port of Harbourtown on Thursday in a ransomware attack, "
        "the port authority said. The attackers demanded a ransom in bitcoin and encrypted its servers.\n",
        encoding="utf-8")
    db = tmp_path / "d.db"
    assert run_cli("ingest", story, "--db", db).returncode == 0
    exported = [json.loads(line) for line in run_cli("export", "--db", db).stdout.decode().splitlines()]
    (s,) = exported
    thursday = [d for d in s["dates"] if d["text"] == "Thursday"]
    today = dt.date.today()
    expect = (today - dt.timedelta(days=(today.weekday() - 3) % 7 or 7)).isoformat()
    assert [(d["iso"], d["guessed"]) for d in thursday] == [(expect, True)]
    shown = run_cli("show", s["story_id"], "--db", db).stdout.decode()
    assert f"'Thursday' = {expect}*" in shown
    assert ("  * a relative date with no full date to read it against (the story and its source give none): the day is a guess"
            in shown.splitlines())
    (inc,) = [json.loads(line) for line in run_cli("incidents", "--db", db, "--json").stdout.decode().splitlines()]
    assert [(d["value"], d["guessed"]) for d in inc["dates"]] == [(expect, True)]
    assert inc["seen_dates"] == "ingested"
    text = run_cli("incident", inc["incident_id"], "--db", db).stdout.decode()
    assert f"date: {expect}* (occurred)" in text


def test_a_guessed_day_is_no_start_date_in_the_csv():
    from sinodesk.export_incidents import csv_row

    inc = {"incident_id": "inc-1", "title": "t", "types": ["ransomware"], "first_seen": "2026-12-07", "evidence": [],
           "victims": [], "attackers": [], "attributions": [], "techniques": [], "malware": [], "vulnerabilities": [],
           "numbers": [], "sources": [],
           "dates": [{"value": "2026-12-03", "kind": "occurred", "guessed": True, "evidence": []}]}
    assert csv_row(inc)["start_date"] == "2026-12-07"
    inc["dates"][0]["guessed"] = False
    assert csv_row(inc)["start_date"] == "2026-12-03"
