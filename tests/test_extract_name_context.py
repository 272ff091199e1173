"""Extract stage, issue 14 (extract11en): lone unlisted English names typed by the words around them
(stages/extract/name_context.py).  Sentences written for these tests, each rule with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract
from sinodesk.stages.extract.name_context import score_digits, score_line_teams


def _ents(text: str) -> list[tuple[str, str]]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return [(e.text, e.label) for e in extract(doc, Segment(start=0, end=len(text), text=text), "en").entities]


@pytest.mark.parametrize("sentence,name", [
    ("The award went to New Zealand singer Lorde last night.", "Lorde"),
    ("It was Brazilian striker Ronaldo who scored first.", "Ronaldo"),
    ("He came with his wife Anne-Aymone to the concert.", "Anne-Aymone"),
])
def test_a_person_role_types_one_unlisted_word(sentence, name):
    assert (name, "PERSON") in _ents(sentence)


@pytest.mark.parametrize("sentence,word", [
    ("The report quoted official Sudanese media on the fighting.", "Sudanese"),  # a nationality
    ("Sales grew, said chief executive Google hired in May.", "Google"),  # a name the gazetteer knows
])
def test_no_person_from_a_role_before_a_nationality_or_a_known_name(sentence, word):
    assert all(t != word or label != "PERSON" for t, label in _ents(sentence))


def test_a_kind_word_after_names_types_them_and_the_names_joined_to_them():
    ents = _ents("Jaschan wrote the Netsky and Sasser viruses, police said. IBM launches Power5 servers.")
    assert ("Netsky", "PRODUCT") in ents and ("Sasser", "PRODUCT") in ents and ("Power5", "PRODUCT") in ents


@pytest.mark.parametrize("sentence,absent", [
    ("Most firms now sell US-made servers abroad.", "US-made"),  # a name with an affix is no product
    ("The plant makes Ivy Bridge processors for laptops.", "Bridge"),  # not the last word of a longer name
    ("Prices fell. Tablet sales rose.", "Tablet"),  # a word English writes in lower case
])
def test_no_product_from_a_kind_word_after_a_part_or_a_plain_word(sentence, absent):
    assert all(t != absent for t, _ in _ents(sentence))


def test_a_score_line_is_two_teams_and_every_other_mention_is_the_team():
    text = "Results\n\nChelsea 2 Arsenal 1 was the derby score on Sunday. Chelsea fans sang for an hour."
    ents = _ents(text)
    assert ents.count(("Chelsea", "ORG")) == 2 and ("Arsenal", "ORG") in ents
    assert not any(" 2 " in t for t, _ in ents)


def test_score_line_readers_and_their_negatives():
    text = "Crystal Palace 0, Charlton Athletic 1. He played Halo 2 on Windows 2000. Apollo 11 landed."
    assert [text[t.start : t.end] for t in score_line_teams(text, 0, len(text), None)] == ["Crystal Palace", "Charlton Athletic"]
    assert score_digits(text, 0, len(text)) == frozenset({text.index("0,")})
    assert score_line_teams("Sales rose 5 percent.", 0, 21, None) == [] and score_digits("No digits here", 0, 14) == frozenset()


def test_an_org_of_a_place_ends_before_and_and_a_role_after_a_dash_opens_the_name():
    ents = _ents("A study by researchers from the University of Utah and Harvard found it.")
    assert ("University of Utah", "ORG") in ents
    assert ("Department of Health and Human Services", "ORG") in _ents("The Department of Health and Human Services said so.")
    assert ("Sam Katz", "PERSON") in _ents("NEW YORK (Reuters) - Businessman Sam Katz tried to tap in.")


def test_a_list_of_single_names_takes_the_type_most_of_its_found_members_have():
    text = ("Ireland: Murphy, Horgan, D'Arcy, Hickie, O'Gara, Stringer, Corrigan, Byrne, Hayes, O'Kelly, O'Connell.\n"
            "Replacements: Sheahan, Horan, O'Callaghan, Miller, Humphreys, Dempsey.")
    ents = _ents(text)
    assert ("Hayes", "PERSON") in ents and ("Hickie", "PERSON") in ents and ("O'Gara", "PERSON") in ents


@pytest.mark.parametrize("sentence,name,label", [
    # the list's first name is longer than one word: its last word is no member
    ("Members of the Quad – the United States, Japan and Australia – met.", "States", None),
    # calendar words are no members
    ("Shops open on Monday, Tuesday and Friday in Paris, Lyon and Rome.", "Tuesday", None),
])
def test_no_list_member_from_a_longer_name_or_a_calendar_word(sentence, name, label):
    assert all(t != name for t, _ in _ents(sentence))


def test_a_word_too_rare_for_the_frequency_list_is_a_name_sooner():
    from sinodesk.stages.extract.names import _rare

    assert _rare("mobinil") and not _rare("talks") and not _rare("orange")
    assert ("Mobinil", "ORG") in _ents("The talks with Mobinil went on all week.")
    assert _ents("The talks with Management went on all week.") == []  # a word English writes in lower case


def test_a_known_name_before_and_is_cut_off_an_organisation_phrase():
    ents = _ents("Both the IMF and World Bank have urged Egypt to act.")
    assert ("IMF", "ORG") in ents and ("World Bank", "ORG") in ents
    assert ("Department of Trade and Industry", "ORG") in _ents("The Department of Trade and Industry said so.")


def test_a_kind_word_before_a_name_that_opens_with_the():
    ents = _ents("New York electro-rock band The Bravery have come top. He starred in the film The Chorus last year.")
    assert ("The Bravery", "ORG") in ents and ("The Chorus", "PRODUCT") in ents
    assert not any(t.startswith("The") for t, _ in _ents("He sold the band The same year."))  # "same": a lower-case word


@pytest.mark.parametrize("sentence,word,label", [
    ("There was a revival in the Welsh game that year.", "Welsh", "PRODUCT"),  # a nationality describes
    ("Graphics-intensive PC games need more memory.", "PC", "PRODUCT"),  # an acronym describes
    ("Demand fell after the killer SARS virus spread.", "SARS", "PRODUCT"),
    ("Five died in a Dubai airport accident.", "Dubai", "FAC"),  # a place's airport is not the place
])
def test_no_kind_after_a_word_that_describes_the_thing(sentence, word, label):
    assert (word, label) not in _ents(sentence)


def test_no_score_line_from_capitals_or_goal_minutes():
    text = "PITCAIRN TRIAL FINDS 5 OF 7 GUILTY"
    assert score_line_teams(text, 0, len(text), None) == [] and score_digits(text, 0, len(text)) == frozenset()
    text = "Goals: Riggott 74, Graham 86. Riggott's header came late."
    ents = _ents(text)
    assert ("Riggott", "ORG") not in ents and ("Graham", "ORG") not in ents
