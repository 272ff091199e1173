"""Products and team sheets by their shape (issue 14, names18): the listed products of English news
(products_en.tsv), a model designation after a listed maker or product, a listed product and the
capitalised words read with it, the word for a product's kind, and team sheets of initials and
substitutes.  Sentences written for these tests, each with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract
from sinodesk.stages.extract.gazetteer import GazMatch
from sinodesk.stages.extract.name_shapes import maker_models


def _ents(text: str) -> list[tuple[str, str]]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return [(e.text, e.label) for e in extract(doc, Segment(start=0, end=len(text), text=text), "en").entities]


def _models(text: str, end: int, label: str = "ORG") -> list[str]:
    return [text[m.start : m.end] for m in maker_models(text, len(text), [GazMatch(0, end, "x:y", label)])]


@pytest.mark.parametrize("text,end,label,want", [
    ("Boeing 787 Dreamliner jets", 6, "ORG", ["Boeing 787"]),
    ("Boeing 737-800 planes", 6, "ORG", ["Boeing 737-800"]),
    ("Boeing 777s, she said", 6, "ORG", ["Boeing 777s"]),
    ("Airbus A380 superjumbo", 6, "ORG", ["Airbus A380"]),
    ("Intel Core i7 chips", 5, "ORG", ["Intel Core i7"]),
    ("Xbox 2 console", 4, "PRODUCT", ["Xbox 2"]),
    ("Linux Desktop 9 OS", 5, "PRODUCT", ["Linux Desktop 9"]),
    ("Apple PowerBook laptop", 5, "ORG", ["Apple PowerBook"]),
    # a count, a year, a channel, a team's score, a headline, a dateline, Formula One
    ("Xbox 2 million units", 4, "PRODUCT", []),
    ("Toyota 300 cars", 6, "ORG", []),
    ("Sony 2005 profits", 4, "ORG", []),
    ("BBC Radio 4 listeners", 3, "ORG", []),
    ("Trail Blazers 112-88 (AP)", 13, "ORG", []),
    ("Lakers 102 Suns 98", 6, "ORG", []),
    ("Morgan Stanley Profit Falls 34 Percent", 14, "ORG", []),
    ("Reuters Athens Aug 23: a sprinter", 7, "ORG", []),
    ("Renault F1 team", 7, "ORG", []),
    ("Sony Pictures said", 4, "ORG", []),
])
def test_a_model_designation_after_a_maker_or_a_product(text, end, label, want):
    assert _models(text, end, label) == want


def test_listed_products_and_their_versions_are_products():
    got = _ents("Users running Windows XP should install the patch before opening Internet Explorer. "
                "The Xbox 2 will face the PlayStation 3 and the Nintendo DS.")
    for name in ("Windows XP", "Internet Explorer", "Xbox 2", "PlayStation 3", "Nintendo DS"):
        assert (name, "PRODUCT") in got
    # the maker of a listed product stays the maker
    got = _ents("Analysts said the Apple iPod outsold every rival this year.")
    assert ("Apple", "ORG") in got and ("iPod", "PRODUCT") in got


def test_a_maker_and_its_model_number_are_one_product():
    got = _ents("Ryanair has placed an order for 70 Boeing 737-800 planes, the airline said.")
    assert ("Boeing 737-800", "PRODUCT") in got and ("Boeing", "ORG") not in got
    got = _ents("Boeing said 300 staff would move to Chicago.")
    assert ("Boeing", "ORG") in got and all(label != "PRODUCT" for _, label in got)


def test_the_word_for_a_product_kind_before_a_name():
    assert ("Tysabri", "PRODUCT") in _ents("Regulators halted sales of the multiple sclerosis drug Tysabri on Monday.")
    assert all(label != "PRODUCT" for _, label in _ents("He is developing a laptop PC that sells for less than $100."))


def test_a_team_sheet_with_initials_and_substitutes_is_people():
    got = _ents("Harbour won 3-1 on Saturday.\n\nHarbour: Lowther, Pennick, Garvey (Stoat 61), Okafor, Drummond, "
                "T Ashcombe, Brindle, Quarry, Fenwick (Moss 80), Calloway, Haldane.\n\n"
                "Subs: Wexley, Pargeter, Ruddock, Strand, R Ashcombe, Tolland, Abney.")
    for name in ("T Ashcombe", "Stoat", "Moss", "R Ashcombe", "Tolland", "Abney"):
        assert (name, "PERSON") in got
    # a list of places in a sentence stays what its members are
    got = _ents("The firm has offices in Paris, Madrid, Lisbon and Athens.")
    assert all(label != "PERSON" for _, label in got)
