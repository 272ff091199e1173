"""Names typed and bounded by their shape and the words beside them (issue 14): head words no
person's name ends in, sports roles, numbers after product names, AP state abbreviations, names
defined by a bracketed acronym, honorifics, speakers before ", who said" and after a lower-case
role, and transliterated Chinese people.  Sentences written for these tests, each with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract
from sinodesk.stages.extract.name_shapes import (defined_acronyms, number_after, role_before_name, state_abbreviations,
                                                 strong_head_type, titled_people)


def _run(text: str, language: str = "en"):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return extract(doc, Segment(start=0, end=len(text), text=text), language)


def _ents(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in _run(text, language).entities]


def _sources(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(a.text, a.cue) for a in _run(text, language).attributions]


@pytest.mark.parametrize("name,want", [
    ("Sun Microsystems", "ORG"), ("Stata Labs", "ORG"), ("Charlton Athletic", "ORG"), ("Jewish Chronicle", "ORG"),
    ("India Petrochemicals Limited", "ORG"), ("Securities Trading Act", "LAW"), ("FC Porto", "ORG"),
    ("Tyler County Hospital", "FAC"), ("Edinburgh Festival", "EVENT"),
    # a person's name, a single word, or a first word that is no club prefix in lower case
    ("Anna Berg", None), ("Microsystems", None), ("Fc Porto", None), ("Stuart Hall", None),
])
def test_head_words_no_person_name_ends_in(name, want):
    assert strong_head_type(name) == want


def test_head_words_type_names_the_model_reads_as_people():
    assert _ents("Engineers at Stata Labs built the tool. Sun Microsystems said it would buy Stata Labs.") == [
        ("Stata Labs", "ORG"), ("Sun Microsystems", "ORG"), ("Stata Labs", "ORG")]


def test_a_sports_role_after_a_name_makes_it_a_team_in_the_whole_story():
    assert _ents("Chelsea manager Jose Mourinho praised the defence. Chelsea won the match.") == [
        ("Chelsea", "ORG"), ("Jose Mourinho", "PERSON"), ("Chelsea", "ORG")]
    # supporters and fans follow people too; without a role the place stays a place
    assert ("Trump", "PERSON") in _ents("Trump supporters gathered in the square.")
    assert all(label != "ORG" for _, label in _ents("Chelsea is a district of west London."))


@pytest.mark.parametrize("name,after,label,want", [
    ("Halo", " 2, out now", "PRODUCT", "Halo 2"), ("BBC Radio", " 4 said", "ORG", "BBC Radio 4"),
    ("Windows", " 2000 users", "PRODUCT", "Windows 2000"),
    # a unit, a scale, a digit group, a long number after an organisation, a person, a score: no name's number
    ("Apple", " 2 percent", "ORG", "Apple"), ("Sony", " 3 million", "ORG", "Sony"), ("Halo", " 2,000", "PRODUCT", "Halo"),
    ("Boeing", " 2005 results", "ORG", "Boeing"), ("Smith", " 2 goals", "PERSON", "Smith"), ("Halo", " 2-1", "PRODUCT", "Halo"),
])
def test_a_number_after_a_product_or_organisation_belongs_to_its_name(name, after, label, want):
    text = name + after
    assert text[: number_after(text, len(name), len(text), label)] == want


def test_ap_state_abbreviations_after_a_city_are_places():
    x = _run("SPRINGFIELD, Mo. (AP) — A man was arrested on Friday.")
    assert [(e.text, e.label, e.canonical) for e in x.entities] == [
        ("SPRINGFIELD", "GPE", "gpe:springfield"), ("Mo.", "GPE", "gpe:missouri"), ("AP", "ORG", "org:ap")]
    assert [a.text for a in x.attributions] == ["AP"]  # the agency after the state is not the state's acronym
    t = "She lives in Rancho Mirage, Calif., with her family."
    assert [t[g.start : g.end] for g in state_abbreviations(t, 0, len(t))] == ["Calif."]
    # no city before it, or a word that only looks like one
    for t in ("Mo. is a short name.", "they said no, Mo. answered", "The brand, Ga. Inc., grew"):
        assert state_abbreviations(t, 0, len(t)) == []


def test_a_bracketed_acronym_defines_the_name_before_it():
    text = "Engineers of India Petrochemicals Limited (IPCL) met on Monday. IPCL later said the plant was safe."
    assert _ents(text) == [("India Petrochemicals Limited", "ORG"), ("IPCL", "ORG"), ("IPCL", "ORG")]
    assert _sources(text) == [("IPCL", "said")]

    def spans(t):
        return [(t[a:b], t[c:d]) for a, b, c, d in defined_acronyms(t, 0, len(t))]

    assert spans("a study by the Chinese Academy of Social Sciences (CASS) found") == [("Chinese Academy of Social Sciences", "CASS")]
    assert spans("the Chinese Communist Party's (CCP) leaders") == [("Chinese Communist Party", "CCP")]
    # letters the name does not spell, a mixed-case term, one capital only
    assert spans("said John Smith (IBM) on Monday") == []
    assert spans("a Distributed Denial of Service (DDoS) attack") == []
    assert spans("the Social Democrats (Sd) won") == []


def test_an_honorific_makes_the_words_after_it_a_person():
    text = "Mr Ebbers' trial went on. Mr Ebbers, 63, has always insisted that he knew nothing."
    assert _ents(text) == [("Ebbers", "PERSON"), ("Ebbers", "PERSON")]
    assert _sources(text) == [("Ebbers", "insisted")]
    assert _sources("Dr Kuznetsov said the virus spreads slowly.") == [("Kuznetsov", "said")]
    t = "Sir Alex Ferguson met Ms McDonald and Dr Ann B. Okafor."
    assert [t[s:e] for s, e in titled_people(t, 0, len(t))] == ["Alex Ferguson", "McDonald", "Ann B. Okafor"]
    # no capitalised word after the title
    assert titled_people("Mr big and Dr no", 0, 16) == []


def test_the_speaker_before_who_and_an_age():
    assert _sources("The film stars Imelda Staunton, 49, who told reporters she was surprised.") == [("Imelda Staunton", "told")]
    assert _sources("They hired Bob Jones, who said the deal was done.") == [("Bob Jones", "said")]
    # no speech cue after "who"
    assert _sources("They met Bob Jones, who was tired after the flight.") == []


def test_one_name_after_a_lower_case_role_before_a_speech_verb():
    assert ("Guti", "told") in _sources("Madrid midfielder Guti told a radio station that he was shocked.")
    text = "The city's police chief Biehl said the road was closed."
    assert _sources(text) == [("Biehl", "said")]
    p = text.index(" said")
    assert role_before_name(text, 0, p) == (p - len("Biehl"), p)
    # a function word or a capitalised word before the name is no role
    for t in ("It was when Biehl said so.", "In Madrid Guti said so.", "The chief BIEHL said so."):
        assert role_before_name(t, 0, t.index(" said")) is None


def test_transliterated_chinese_people_jieba_misses():
    assert ("希尔顿", "PERSON") in _ents("记者昨天在机场见到了希尔顿。", "zh")
    assert ("费尔德斯坦", "PERSON") in _ents("费尔德斯坦认为美国应该放弃这个计划。", "zh")
    assert _sources("费尔德斯坦认为美国应该放弃这个计划。", "zh") == [("费尔德斯坦", "认为")]
    # a known place written in the same characters stays a place; ordinary words stay out
    assert ("巴基斯坦", "GPE") in _ents("巴基斯坦总理昨天访问北京。", "zh")
    assert [e for e in _ents("他们昨天讨论了这个计划。", "zh") if e[1] == "PERSON"] == []


def test_a_wider_place_or_person_around_a_known_name():
    ents = _run("Storms crossed East Africa and reached the Horn of Africa by Monday.").entities
    assert ("East Africa", "LOC") in [(e.text, e.label) for e in ents]
    # a part of a known region keeps the region's id: a search for the region finds it
    assert {e.canonical for e in ents if e.text == "East Africa"} == {e.canonical for e in _run("Storms crossed Africa.").entities}
    assert ("Leon Washington", "PERSON") in _ents("The Jets signed Leon Washington on Friday.")
    # no given name or compass word before the known name: it stays the gazetteer's
    assert ("Washington", "GPE") in _ents("The talks in Washington ended on Friday.")
