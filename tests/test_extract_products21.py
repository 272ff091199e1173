"""Products, works and events by their shape (issue 14, English, prod21): tournaments, games and fairs by their
last word ("French Open", "Chinese Grand Prix", "Commonwealth Games", "Pro Bowl", "Electronic Entertainment Expo",
"Geneva Motor Show"), brands written with a lower-case opening and an inner capital ("iPod", "eDonkey"), titles
after "film version of" and its kin.  Sentences written for these tests, each with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract
from sinodesk.stages.extract.name_shapes import headed_names, inner_capital_products, work_titles
from sinodesk.stages.extract.names import common_words


def _ents(text: str) -> list[tuple[str, str]]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return [(e.text, e.label) for e in extract(doc, Segment(start=0, end=len(text), text=text), "en").entities]


def _spans(found, text):
    return [(text[g.start : g.end], g.label) for g in found]


def test_tournaments_games_and_fairs_by_their_last_word():
    t = ("Kovac lost in the Danish Open final. Ruiz won the 1998 Harbour Open and reached the last eight at the "
         "Coastal Open. Mills is a former Portuguese Open champion. Nash took the Brazilian Grand Prix by a lap. She "
         "ran at the 2002 Commonwealth Games in Manchester. He played in the Pro Bowl twice. Tarn shows the phone at "
         "the Mobile Gadget Expo, not the Lisbon Motor Show.")
    assert _spans(headed_names(t, 0, len(t), common_words()), t) == [
        ("Danish Open", "EVENT"), ("Harbour Open", "EVENT"), ("Coastal Open", "EVENT"), ("Portuguese Open", "EVENT"),
        ("Brazilian Grand Prix", "EVENT"), ("Commonwealth Games", "EVENT"), ("Pro Bowl", "EVENT"),
        ("Mobile Gadget Expo", "EVENT"), ("Lisbon Motor Show", "EVENT")]


@pytest.mark.parametrize("text", [
    "Shares in Rockstar Games rose.",                    # "Games" ending a company's name: no "the" before it
    "She was a guest on The Harry Dunn Show in May.",    # a programme, not a fair
    "They want to keep Tarnia Open, he said.",           # "Open" with no tournament word around it
    "Harbour Open tickets sold out.",                    # opens a sentence: capitalised for that alone
])
def test_no_event_where_the_last_word_ends_something_else(text):
    assert headed_names(text, 0, len(text), common_words()) == []


def test_an_event_head_through_the_extractor():
    t = "Mills, 24, reached the semi-finals of the Harbour Open in Perth last week, his best run this year."
    assert ("Harbour Open", "EVENT") in _ents(t)


def test_brands_with_a_lower_case_opening_and_an_inner_capital():
    t = ("Users of eTrove and iQuill 2 can swap files. Security firm iWarden said owners of older xPads were at risk. "
         "The plant uses 40 kWh a day; the mRNA study is new; write to news@eTrove.net or see eTrove.com.\niThe list ends.")
    assert _spans(inner_capital_products(t, 0, len(t)), t) == [
        ("eTrove", "PRODUCT"), ("iQuill 2", "PRODUCT"), ("iWarden", "ORG"), ("xPads", "PRODUCT")]


def test_a_brand_with_an_inner_capital_through_the_extractor():
    t = "Sales of the iQuill rose by a third, the firm said, and users of eTrove doubled."
    ents = _ents(t)
    assert ("iQuill", "PRODUCT") in ents and ("eTrove", "PRODUCT") in ents


def test_titles_after_a_version_or_an_edition_of():
    t = ("He will direct a film version of The Salt Harbour next year. NBC showed the US version of Glass Orchards. "
         "There will be a celebrity edition of Lantern Row.")
    assert _spans(work_titles(t, 0, len(t)), t) == [
        ("The Salt Harbour", "PRODUCT"), ("Glass Orchards", "PRODUCT"), ("Lantern Row", "PRODUCT")]


@pytest.mark.parametrize("text", [
    "He starred in the film version of Rogers and Hammerstein classic tunes.",   # the run is longer than a title
    "It is a new version of the software.",                                        # no title
    "She starred in the film version of Bizet's opera Carmen.",                    # an owner before the work
])
def test_no_title_after_a_version_of_where_none_is_written(text):
    assert work_titles(text, 0, len(text)) == []


def test_names_after_called_dubbed_a_code_name_and_a_record_word():
    from sinodesk.stages.extract.name_shapes import kind_before_name

    t = ("A mobile virus called Quillbug spread fast. The console, codenamed Harrow, is due in May. Her latest single "
         "Paper Over Glass reached number two. The band's album includes the track Lowtide. A firm called Tessaro Labs "
         "bought it. The studio uses an editing tool called FrameLoom. He can't make teen soap Harbour Lane.")
    assert _spans(kind_before_name(t, 0, len(t), common_words()), t) == [
        ("Quillbug", "PRODUCT"), ("Harrow", "PRODUCT"), ("Paper Over Glass", "PRODUCT"), ("Lowtide", "PRODUCT"),
        ("Tessaro Labs", "ORG"), ("FrameLoom", "PRODUCT"), ("Harbour Lane", "PRODUCT")]


@pytest.mark.parametrize("text", [
    "There is no single EU market for it.",                 # "single" an adjective
    "The party called Anna Berg a liar.",                   # a person called something
    "The firm called Brandt to testify.",                   # a person called on
    "The raid, codenamed Operation Lantern, began.",        # an operation
    "They stayed on track Sunday.",                         # "on track", no record
])
def test_no_name_after_those_words_where_they_do_something_else(text):
    from sinodesk.stages.extract.name_shapes import kind_before_name

    assert kind_before_name(text, 0, len(text), common_words()) == []


def test_a_name_before_a_cast_or_crew_role_is_the_work_in_every_mention():
    # a film named after its heroine, read as a person by the name model
    t = ("With Martha Keane star Ada Brennan nominated, the race is open. Martha Keane took $3m in its first week. "
         "Arsenal director Danny Fiszman and US actor Ossie Davis were there.")
    ents = _ents(t)
    assert ents.count(("Martha Keane", "PRODUCT")) == 2 and ("Martha Keane", "PERSON") not in ents
    assert ("Ada Brennan", "PERSON") in ents and ("Arsenal", "ORG") in ents and ("Danny Fiszman", "PERSON") in ents


def test_golf_and_tennis_tournaments_by_their_last_word():
    t = ("He won the Tarn Invitational at Firestone. She played in the Kooralla Classic. He lost in the Vesper Swiss "
         "Masters. Sotheby's sold Old Masters. Drinkers prefer Fizzco Classic.")
    assert _spans(headed_names(t, 0, len(t), common_words()), t) == [
        ("Tarn Invitational", "EVENT"), ("Kooralla Classic", "EVENT"), ("Vesper Swiss Masters", "EVENT")]
