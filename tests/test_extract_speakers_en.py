"""Extract stage, issue 14 (session extract10en): English speakers, names and counts no list holds.
Sentences written for these tests, each rule with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _run(text: str):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return extract(doc, Segment(start=0, end=len(text), text=text), "en")


def _sources(text: str) -> list[str]:
    return [a.text for a in _run(text).attributions]


def _ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in _run(text).entities]


@pytest.mark.parametrize("sentence,want", [
    # a lone unlisted surname opening its clause before a speech verb: after a dateline's dash, a
    # closing quote, a sentence end, "but"/"as", or a comma when the verb ends the clause
    ("WASHINGTON — Harbinson said the deal would close next week.", ["Harbinson"]),
    ('"We are not worried," Okonkwo said.', ["Okonkwo"]),
    ("The talks failed. Kuznetsova told reporters the plan was dead.", ["Kuznetsova"]),
    ("The plan is risky, Kuznetsova says.", ["Kuznetsova"]),
    ("Costs rose, as Mbeki noted in March.", ["Mbeki"]),
    ("Jones said the vote was close.", ["Jones"]),  # a census surname ending in s
    # the conjunction opening the sentence is no part of the name
    ("But Maria Harbinson warned that costs would rise.", ["Maria Harbinson"]),
    # negatives: words English writes in lower case, plurals, nationalities
    ('"It is over," Officials said.', []),
    ("Democrats said the bill would pass.", []),
    ("Americans said yes.", []),
])
def test_lone_speakers(sentence, want):
    assert _sources(sentence) == want


def test_lone_speaker_is_a_person_unless_the_model_reads_otherwise():
    assert ("Harbinson", "PERSON") in _ents("WASHINGTON — Harbinson said the deal would close.")
    assert ("Nvidia", "ORG") in _ents("Nvidia said on Tuesday its revenue rose 20 percent.")


@pytest.mark.parametrize("sentence,want", [
    ('"It will fail," John Harbinson cautioned.', ["John Harbinson"]),
    ('"It will fail," warned John Harbinson, a lawyer.', ["John Harbinson"]),
    ("John Harbinson testified that the plan would fail.", ["John Harbinson"]),
    # negatives: the object of a verb that names no speaker after it; a company recalling cars
    ("Toyota recalled 1 million cars.", []),
    ("Relatives, including his brother, insisted John Harbinson was ill.", []),
])
def test_reporting_verbs(sentence, want):
    assert _sources(sentence) == want


def test_one_label_per_unlisted_name():
    # the model alone reads "The Harbinson" as an organisation; the story's other mentions are a person
    ents = _ents('"No," Harbinson said. Harbinson said no. The Harbinson said.')
    assert {label for text, label in ents if text == "Harbinson"} == {"PERSON"}


def test_names_ending_in_a_body_word_are_organisations():
    assert ("Stockton Police", "ORG") in _ents("The Stockton Police said the suspect fled.")


@pytest.mark.parametrize("sentence,want", [
    # the kind word of a counted noun is part of its unit; a describing word is not
    ("Three cable systems failed.", [(3.0, "cable systems")]),
    ("Two crew members were hurt.", [(2.0, "crew members")]),
    ("Police seized 3 machine guns.", [(3.0, "machine guns")]),
    ("They built three new factories.", [(3.0, "factories")]),
    ("About 20 political parties ran.", [(20.0, "parties")]),
    ("Exports rose 40 percent.", [(40.0, "percent")]),
    # "one" counts people, or anything after an approximator; not idioms
    ("One person died in the blast.", [(1.0, "people")]),
    ("Police found at least one handgun.", [(1.0, "handgun")]),
    ("One day he left. It was a one-off. One involves risk.", []),
    # a part of a counted whole takes the whole's noun; not "one of the biggest firms"
    ("Seven of the 12 judges agreed.", [(7.0, "judges"), (12.0, "judges")]),
    ("It is one of the biggest firms.", []),
])
def test_number_units(sentence, want):
    assert [(n.value, n.unit) for n in _run(sentence).numbers] == want


def _dates(text: str) -> list[tuple[str, str, str]]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text, published="2024-06-12")
    return [(d.text, d.iso, d.precision) for d in extract(doc, Segment(start=0, end=len(text), text=text), "en",
                                                          context_date="2024-06-12").dates]


@pytest.mark.parametrize("sentence,want", [
    # a day or month, then "in"/"of" and a year: one date in that year
    ("On May 31 in 1944, troops landed.", [("May 31 in 1944", "1944-05-31", "day")]),
    ("In March of 2019 it rained.", [("March of 2019", "2019-03", "month")]),
    # a range of years after a capitalised "Between"/"From"
    ("Between 2015 and 2018 prices rose.", [("2015 and 2018", "2015/2018", "year")]),
    # negatives: a date that has its year; a day that does not exist in the year named
    ("It happened on March 3, 1998 in Paris.", [("March 3, 1998", "1998-03-03", "day")]),
    ("On Feb 29 in 2023 nothing happened.", [("Feb 29", "2024-02-29", "day"), ("2023", "2023", "year")]),
])
def test_dates_in_a_named_year(sentence, want):
    assert _dates(sentence) == want
