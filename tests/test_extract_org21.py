"""English organisations (issue 14, org21): bodies whose names hold "and" or a list ("Health and Safety Executive",
"Centers for Disease Control and Prevention", "Department for Environment, Food and Rural Affairs"), firms named with
"&" ("Marks & Spencer") also where a feed passed the ampersand on as " amp;", a capitalised government's name, and the listed "the Strait" in a story about another strait.
Sentences written for these tests, each with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract
from sinodesk.stages.extract.name_shapes import field_word, head_of_names, legal_form_companies, org_shapes
from sinodesk.stages.extract.names import _known_place, common_words


def _run(text: str):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return extract(doc, Segment(start=0, end=len(text), text=text), "en")


def _ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in _run(text).entities]


def _sources(text: str) -> list[str]:
    return [a.text for a in _run(text).attributions]


@pytest.mark.parametrize("sentence,name", [
    ("The Health and Safety Executive said on Friday it would look into the fall at the Tarnley depot.",
     "Health and Safety Executive"),
    ("Doctors at the Centers for Disease Control and Prevention said the strain was new.",
     "Centers for Disease Control and Prevention"),
    ("A letter from the Department for Environment, Food and Rural Affairs reached farmers in Cumbria on Monday.",
     "Department for Environment, Food and Rural Affairs"),
    ("Figures from the Ministry of Agriculture, Fisheries and Food showed a fall.", "Ministry of Agriculture, Fisheries and Food"),
    ("The Standards and Privileges Committee will meet again in March.", "Standards and Privileges Committee"),
])
def test_a_body_whose_name_holds_and_or_a_list_is_one_name(sentence, name):
    ents = _ents(sentence)
    assert (name, "ORG") in ents
    assert not any(label == "PERSON" for _, label in ents)


def test_the_body_named_with_and_speaks():
    assert _sources("The Health and Safety Executive said on Friday it would look into the fall.") == ["Health and Safety Executive"]


@pytest.mark.parametrize("sentence,want", [
    # negatives: two bodies, a body and a firm, a body and a place; the list is of names, not of fields
    ("Both the IMF and World Bank cut their forecasts on Tuesday.", [("IMF", "ORG"), ("World Bank", "ORG")]),
    ("The study came from the University of Utah and Harvard.", [("University of Utah", "ORG"), ("Harvard", "ORG")]),
    ("Officials at the Department of Justice and Microsoft met on Monday.", [("Department of Justice", "ORG"), ("Microsoft", "ORG")]),
])
def test_coordinated_names_stay_apart(sentence, want):
    assert _ents(sentence) == want


def test_a_list_of_names_after_a_body_is_no_part_of_it():
    t = "Officials at the Department of Justice, Microsoft and Google met on Monday."
    assert [(t[g.start : g.end], g.label) for g in head_of_names(t, 0, len(t), common_words())] == [("Department of Justice", "ORG")]


def test_field_words():
    common = common_words()
    assert all(field_word(w, common) for w in ("Prevention", "Fisheries", "Food", "Affairs"))
    assert not any(field_word(w, common) for w in ("Microsoft", "Harvard", "Ohio", "Marion"))


@pytest.mark.parametrize("text,want", [
    ("Shares in Marks & Spencer fell while Procter & Gamble gained.", [("Marks & Spencer", "ORG"), ("Procter & Gamble", "ORG")]),
    ("The bid for Tibbett & Britten was raised.", [("Tibbett & Britten", "ORG")]),
    # negatives: two ordinary words, two places, two people, glued initials
    ("He buys Bread & Butter pudding.", []),
    ("Flights to Trinidad & Tobago resumed.", []),
    ("Viewers of Richard & Judy wrote in.", []),
    ("Spending on R&D rose.", []),
])
def test_a_firm_named_with_an_ampersand(text, want):
    assert [(text[g.start : g.end], g.label) for g in org_shapes(text, 0, len(text), common_words())] == want


@pytest.mark.parametrize("text,name", [
    ("Shares of Marks  amp; Spencer fell 2 percent on Tuesday.", "Marks  amp; Spencer"),
    ("Cingular agreed to buy AT amp;T Wireless for 41 billion dollars.", "AT amp;T"),
    ("The buyout is led by Clayton, Dubilier  amp; Rice Inc., the New York firm.", "Clayton, Dubilier  amp; Rice Inc."),
    ("The buyout is led by Hollins, Pardew & Rice Inc., the New York firm.", "Hollins, Pardew & Rice Inc."),
])
def test_an_ampersand_passed_on_as_amp_is_read_as_one(text, name):
    x = _run(text)
    assert (name, "ORG") in [(e.text, e.label) for e in x.entities]
    assert all(text[e.start : e.end] == e.text for e in x.entities)  # the story's own text and offsets


@pytest.mark.parametrize("text,want", [
    # a firm named by a list of partners begins before the first comma (it used to be left out: "the name began earlier")
    ("Partners at Hallam, Voss & Pike Inc. agreed.", [("Hallam, Voss & Pike Inc.", "ORG")]),
    ("Hallam, Voss & Pike Inc. agreed.", [("Hallam, Voss & Pike Inc.", "ORG")]),
    # negatives: a capitalised word before the list opens a longer name; a place, a list of several words
    ("Partners at Ferrand Hallam, Voss & Pike Inc. agreed.", []),
    ("Offices in New York, Voss & Pike Inc. agreed.", []),
])
def test_a_firm_named_by_its_partners(text, want):
    assert [(text[g.start : g.end], g.label) for g in legal_form_companies(text, 0, len(text), common_words(), _known_place)] == want


def test_amp_elsewhere_changes_nothing():
    t = "Prices rose 3 percent amp; more, the bank said on Monday in London."
    assert _ents(t) == _ents(t.replace(" amp;", " xxx;"))


def test_a_seat_of_government_as_a_place_is_no_speaker():
    assert _sources("The row deepened. Protesters gathered in Downing Street said they would stay.") == []


def test_a_capitalised_government_is_an_organisation():
    ents = _ents("Critics say the Howard Government and the Blair Cabinet lost support.")
    assert ("Howard Government", "ORG") in ents and ("Blair Cabinet", "ORG") in ents
    assert not any(label == "PERSON" for _, label in ents)
    # negative: a nation's government as before, and a lower-case "government" is no part of a name
    assert ("Irish Government", "ORG") in _ents("The Irish Government said it would act.")
    assert not any("government" in t for t, _ in _ents("Critics of the Bush government said it would act."))


def test_the_listed_strait_is_the_strait_the_story_names():
    x = _run("Tankers slowed in the Strait of Hormuz. Traffic through the Strait fell by half, officials said.")
    ids = {e.text: e.canonical for e in x.entities}
    assert ids["Strait of Hormuz"] == ids["the Strait"] != "loc:taiwan-strait"
    # negative: a story naming no other strait keeps the listed one
    y = _run("Warships crossed the Strait on Sunday, Taipei said.")
    assert {e.canonical for e in y.entities if e.text == "the Strait"} == {"loc:taiwan-strait"}


def test_the_first_partner_alone_is_the_firm():
    x = _run('An adviser at the broker Hallworth & Pike admitted the charge. "We are shocked," Hallworth said on Friday.')
    ids = {e.text: (e.label, e.canonical) for e in x.entities}
    assert ids["Hallworth"] == ids["Hallworth & Pike"] == ("ORG", "org:hallworth-pike")
    # negative: a person's surname is no firm's short form when no firm of that name is in the story
    y = _run('"We are shocked," Hallworth said on Friday.')
    assert all(e.label == "PERSON" for e in y.entities if e.text == "Hallworth")


def test_a_body_after_a_persons_name_and_of():
    ents = _ents('"Prices will hold," said energy analyst Orin Madderly of Barclays Capital.')
    assert ("Orin Madderly", "PERSON") in ents and ("Barclays Capital", "ORG") in ents
    # negative: a body's own "of" stays in its name
    assert ("Columbus Division of Police", "ORG") in _ents("He spoke to the Columbus Division of Police on Monday.")


@pytest.mark.parametrize("sentence,name", [
    ("The game comes from developers Brightwell, who made its first part.", "Brightwell"),
    ("Mobile operators Telvanta and Orlix cut their prices on Monday.", "Telvanta"),
    ("He told private radio station Onda Verde that he would stay.", "Onda Verde"),
])
def test_a_kind_plural_or_a_station_before_a_name(sentence, name):
    assert (name, "ORG") in _ents(sentence)


def test_no_kind_word_no_organisation():
    # negative: a plural that is no kind of organisation ("rivals", "fans") types nothing
    assert ("Brightwell", "ORG") not in _ents("The game worried rivals Brightwell, who made its first part.")
