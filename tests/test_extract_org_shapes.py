"""Organisations named by their shape (issue 14, English, orgs19): public bodies named by what they are for ("Ministry
of X", "Office of X"), bodies, firms and papers by their last word ("Wine Standards Board", "Evolution Securities"),
a newspaper's masthead after "The", a legislature by its one word, continental clubs by their first word.  Sentences
written for these tests, each with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract
from sinodesk.stages.extract.name_shapes import head_of_names, headed_names, org_shapes
from sinodesk.stages.extract.names import common_words


def _ents(text: str) -> list[tuple[str, str]]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return [(e.text, e.label) for e in extract(doc, Segment(start=0, end=len(text), text=text), "en").entities]


def _spans(found, text):
    return [(text[g.start : g.end], g.label) for g in found]


def test_a_body_named_by_what_it_is_for():
    t = ("Staff at the Ministry of Fisheries said. A letter from the Office of Water Supply came. The Dorrin Institute of "
         "Mining spoke. The University of Carrow Hospital opened. Britain's Office of Road Safety agreed.")
    assert _spans(head_of_names(t, 0, len(t)), t) == [
        ("Ministry of Fisheries", "ORG"), ("Office of Water Supply", "ORG"), ("Dorrin Institute of Mining", "ORG"),
        ("University of Carrow Hospital", "FAC"), ("Office of Road Safety", "ORG")]


def test_a_body_whose_of_part_is_a_coordination_is_left_to_the_model():
    t = "A report from the Department of Trade and Industry said so."
    assert head_of_names(t, 0, len(t)) == []
    assert ("Department of Trade", "ORG") not in _ents(t)


def test_bodies_firms_and_papers_by_their_last_word():
    t = ("He told the Orrin Standards Board and the Road Safety Trust. Ann Lee, an analyst at Kestrel Securities, said. "
         "Funds came from Marlow Capital. Tarn Records said it would appeal. Local Police said so. Loans from the Dorset "
         "Club rose.")
    assert _spans(headed_names(t, 0, len(t), common_words()), t) == [
        ("Orrin Standards Board", "ORG"), ("Road Safety Trust", "ORG"), ("Kestrel Securities", "ORG"),
        ("Marlow Capital", "ORG"), ("Tarn Records", "ORG"), ("Dorset Club", "ORG")]


def test_a_sentence_opening_name_needs_a_first_word_no_text_writes_in_lower_case():
    t = "They left. Local Records were lost. Several Studios closed."
    assert headed_names(t, 0, len(t), common_words()) == []
    assert headed_names("They left. Tarn Records said.", 0, 29) == []  # without the common words: as before


def test_a_masthead_a_legislature_and_a_continental_club():
    t = ("He told The Times on Monday. She wrote in the Telegraph. MPs in the Commons voted, and Parliament rose. "
         "Real Carrow beat Sporting Lisbon.  He said Real Carrow won.")
    assert _spans(org_shapes(t, 0, len(t)), t) == [
        ("The Times", "ORG"), ("Telegraph", "ORG"), ("Commons", "ORG"), ("Parliament", "ORG"),
        ("Sporting Lisbon", "ORG"), ("Real Carrow", "ORG")]


@pytest.mark.parametrize("text", [
    "The Times were hard.",                       # opens a sentence
    "He read The Times Literary Supplement.",     # a longer name
    "It was in the times of old.",                # lower case
    "It was the sun.",                            # lower case, and no masthead after a lower-case "the" but the safe ones
    "He joined the European Parliament.",         # a longer name the model reads
    "He sat in the House of Commons.",            # read whole by the head rules
    "MPs backed Scotland's Parliament.",          # a possessive: the name began before it
    "He sang Real To Me at the Lokomotiv Stadium.",  # no club: a short word, a stadium
])
def test_no_masthead_legislature_or_club(text):
    assert org_shapes(text, 0, len(text)) == []


def test_through_the_stage():
    ents = _ents("Mr Hale told The Observer that the Ministry of Fisheries and the Road Safety Trust would act.")
    assert ("The Observer", "ORG") in ents and ("Ministry of Fisheries", "ORG") in ents and ("Road Safety Trust", "ORG") in ents


def test_channels_and_stations_by_their_number():
    from sinodesk.stages.extract.name_shapes import channels

    t = ("She told BBC Radio 4's Today programme. It airs on BBC One, ITV1 and Channel Five. He told Radio Five Live. "
         "Staff at BBC News 24 agreed. Radio 4 Today. The Radio Four Seasons hotel. Channel 9 aired it.")
    assert _spans(channels(t, 0, len(t)), t) == [
        ("BBC Radio 4", "ORG"), ("BBC One", "ORG"), ("ITV1", "ORG"), ("Channel Five", "ORG"), ("Radio Five Live", "ORG"),
        ("BBC News 24", "ORG")]
    assert ("BBC Radio 4", "ORG") in _ents(t) and ("BBC Radio", "ORG") not in _ents(t)


def test_a_listed_firm_and_an_organisation_after_a_nationality():
    t = ("Studios such as Paramount, Carrow Pictures and others. The Palestinian Authority said. He served in the Royal "
         "Lancer Regiment. It was the Chinese Spring Festival. He met the Russian Federation envoy. Golden Globes, Dorrin "
         "and Tarn Awards.")
    assert _spans(headed_names(t, 0, len(t), common_words()), t) == [
        ("Carrow Pictures", "ORG"), ("Palestinian Authority", "ORG"), ("Royal Lancer Regiment", "ORG")]


def test_a_company_before_a_possessive_and_a_word_only_a_company_has():
    from sinodesk.stages.extract.name_shapes import possessive_firms

    t = ("Ann Lee, Dorrin's chief executive, said. The talks stalled as Tarnwick Foods's board met. John Smith's board "
         "met. France's shares fell. Its board met. Next's shares fell. Carrow's spokesman said.")
    assert _spans(possessive_firms(t, 0, len(t), common_words()), t) == [
        ("Dorrin", "ORG"), ("Tarnwick Foods", "ORG")]
