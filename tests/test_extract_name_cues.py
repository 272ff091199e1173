"""Names the words around them say are names (issue 14, English, names17): sites by their domain, titles of works
after the words that introduce them, runs of capitalised words ended by a type-fixing head, teams before a sports
role, awards written as their statuette, call letters in a dateline's brackets, and abbreviations that are never
names.  Sentences written for these tests, each with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract
from sinodesk.stages.extract.name_shapes import (award_mentions, call_letters, headed_names, teams_before_roles, web_names,
                                                 work_titles)
from sinodesk.stages.extract.names import common_words


def _ents(text: str) -> list[tuple[str, str]]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return [(e.text, e.label) for e in extract(doc, Segment(start=0, end=len(text), text=text), "en").entities]


def _spans(found, text):
    return [(text[g.start : g.end], g.label) for g in found]


def test_a_site_by_its_domain_is_an_organisation_not_in_a_url_or_an_address():
    t = ("Most of Roomfinder.com's growth came from flats. A report via harbourtimes.com said so. Write to "
         "desk@harbourtimes.com or see www.harbourtimes.com/news; the dot.com boom is over.")
    assert _spans(web_names(t, 0, len(t)), t) == [("Roomfinder.com", "ORG"), ("harbourtimes.com", "ORG")]


def test_titles_of_works_after_the_words_that_introduce_them():
    t = ("She is starring in A Quiet Harbour Affair, shot in Leeds. He had two nominations for Salt and Vinegar and "
         "Lantern Row. Their 1998 hit Paper Boats Home sold well. Mira Cole played Ada in Glass Orchards for the "
         "Kestrel Company. The minister told Radio 9's Morning Desk programme he was sure. It is a sequel to Iron "
         "Lanterns.")
    assert _spans(work_titles(t, 0, len(t)), t) == [
        ("A Quiet Harbour Affair", "PRODUCT"), ("Lantern Row", "PRODUCT"), ("Salt and Vinegar", "PRODUCT"),
        ("Paper Boats Home", "PRODUCT"), ("Glass Orchards", "PRODUCT"), ("Iron Lanterns", "PRODUCT"),
        ("Morning Desk", "PRODUCT")]


@pytest.mark.parametrize("text", [
    "He was nominated for Best Supporting Actor.",               # a category
    "She was nominated for the Nobel Peace Prize.",              # a prize (lower-case article)
    "It won a nomination for Martin Scorsese, who never won.",   # a person
    "Ireland are playing Switzerland in Dublin on Sunday.",      # a match
    "It is a remake of Hollywood classic King Kong.",            # a describer of the work
    "He told the BBC World Service programme Go Digital.",       # a broadcaster before the programme word
    "It was the TV show of the year.",                           # a medium
    "The storm hit Florida on Monday.",                          # "hit" a verb
])
def test_no_title_where_the_words_name_something_else(text):
    assert work_titles(text, 0, len(text)) == []


def test_a_head_word_fixes_a_names_type_inside_a_sentence():
    t = ("Robinson is without two Harbour Cup winners. The play won Northern Theatre director Ann Lee a prize. Its "
         "Coastal Fisheries Act says so. Funds went to the Columbus Division of Police. Money came from the "
         "International Committee of the Green Cross.")
    assert _spans(headed_names(t, 0, len(t)), t) == [
        ("Harbour Cup", "EVENT"), ("Northern Theatre", "ORG"), ("Coastal Fisheries Act", "LAW")]


@pytest.mark.parametrize("text", [
    "Harbour Cup tickets sold out.",                     # opens a sentence: capitalised for that alone
    "They saw the CCP's Propaganda Department act.",     # a possessive: the name began before it
    "It was the Chinese Spring Festival.",               # a nationality before the name
    "Staff of Bell & Lois Eskenazi Hospital said.",      # the name began before the ampersand
])
def test_no_head_word_name_where_it_began_earlier(text):
    assert headed_names(text, 0, len(text)) == []


def test_a_team_named_before_a_sports_role_and_a_person():
    t = ("The change sees Harriers flanker Tom Reade replacing Dan Moy. Ulster wing Ben Gale could travel. English "
         "striker Wayne Cole scored. New coach Tony Lester said. Fund manager Ann Hale sold.")
    assert _spans(teams_before_roles(t, 0, len(t), common_words()), t) == [("Harriers", "ORG"), ("Ulster", "ORG")]


def test_an_award_written_as_its_statuette_is_the_event():
    t = "She had three Oscar nominations and a Bafta nod. Oscar Lind said he was tired."
    assert _spans(award_mentions(t, 0, len(t)), t) == [("Oscar", "EVENT"), ("Bafta", "EVENT")]


def test_call_letters_in_a_datelines_brackets_and_a_stations_brand_number():
    t = "SPRINGDALE, Ark. (KXBT) – A fire broke out. Stay with THV11 for more. The WWDC keynote (WWDC) is on Monday."
    assert _spans(call_letters(t, 0, len(t)), t) == [("THV11", "ORG"), ("KXBT", "ORG")]


def test_through_the_stage_abbreviations_that_are_never_names_are_dropped_and_the_rules_win():
    t = ("Police said the driver was arrested on suspicion of DUI at 3pm GMT. She is currently starring in A Quiet "
         "Harbour Affair. A report via harbourtimes.com said the Harbour Cup final was moved.")
    ents = _ents(t)
    assert ("A Quiet Harbour Affair", "PRODUCT") in ents and ("harbourtimes.com", "ORG") in ents
    assert ("Harbour Cup", "EVENT") in ents
    assert not {e for e in ents if e[0] in ("DUI", "GMT")}
