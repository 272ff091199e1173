"""Victims on sentences written for sinodesk (tests/data/incidents/written_victims.tsv): the names
exactly, read as a cyber story through the whole stage, and negatives that must name no one."""

from __future__ import annotations

import pytest

from sinodesk.stages.incidents import StoryView, find_incidents

from .conftest import ROOT

ROWS = [line.split("\t") for line in (ROOT / "tests" / "data" / "incidents" / "written_victims.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith(("#", "lang\t"))]


def test_the_set_has_both_languages_and_negatives_in_each():
    assert len(ROWS) >= 25 and {r[0] for r in ROWS} == {"en", "zh"}
    assert sum(r[1] == "-" for r in ROWS) >= 8 and {r[0] for r in ROWS if r[1] == "-"} == {"en", "zh"}


@pytest.mark.parametrize("lang,victims,text", ROWS, ids=[f"victim-{n}" for n in range(len(ROWS))])
def test_written_victim(lang, victims, text):
    incs = find_incidents(StoryView(text, 0, len(text), lang, topics=("cyber",)))
    got = sorted({v["name"] for i in incs for v in i["victims"]})
    assert got == ([] if victims == "-" else sorted(victims.split(";")))
