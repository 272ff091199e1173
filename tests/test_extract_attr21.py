"""Extract stage, issue 14 (session attr21): headlines that end with their speaker after a dash, the agent of a passive
reporting verb ("announced by X", "confirmed by X"), "speaking to" an outlet (as "told"), the kind of a source before
its name after "according to", speakers joined in lists or behind their bracketed acronyms, no source for a place's
unnamed paper ("a Khartoum daily reported"), and the cue as written.  Sentences written for these tests, each rule
with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _attrs(text: str, lang: str = "en") -> list:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return extract(doc, Segment(start=0, end=len(text), text=text), lang).attributions


def _texts(text: str) -> list[str]:
    return [a.text for a in _attrs(text)]


@pytest.mark.parametrize("text,want", [
    ("Pension reform cannot wait - Okafor\n\nFinance minister Daniel Okafor said the system would run out of money.",
     ["Okafor", "Daniel Okafor"]),
    ("Harbour plan to go ahead -- Brannigan\n\nThe port will be rebuilt, Kieran Brannigan said on Monday.",
     ["Brannigan", "Kieran Brannigan"]),
    ("Carmaker boss to quit -WSJ\n\nThe chief executive of the carmaker will step down next year.", ["WSJ"]),
    # negatives: nobody named after the dash, a headline with no body, a subtitle after the dash
    ("Troops enter border town - witnesses\n\nTanks moved into the town on Friday.", []),
    ("Fish stocks hit by anglers -- Study\n\nAnglers take more fish than was thought.", []),
    ("Pension reform cannot wait - Okafor", []),
    ("Night Harbour - Director's Cut review\n\nThe film returns with twenty minutes more.", []),
])
def test_headline_dash_speaker(text, want):
    assert _texts(text) == want


def test_headline_dash_cue_is_the_dash():
    hits = _attrs("Carmaker boss to quit -- WSJ\n\nThe chief executive will step down next year.")
    assert [(a.text, a.cue, a.outlet_id) for a in hits] == [("WSJ", "--", "wsj")]


@pytest.mark.parametrize("sentence,want", [
    ("Growth was revised up. The new figure, announced by the Commerce Department on Friday, beat forecasts.", ["Commerce Department"]),
    ("The phones sold out. The new models were officially announced by Apple at its conference.", ["Apple"]),
    ("The gangster died in prison. His death was confirmed by the FBI on Tuesday.", ["FBI"]),
    # the person after a body's role
    ("Logging rules were eased as part of the changes announced by Interior Secretary Mark Kemperman in the final days of his term.",
     ["Mark Kemperman"]),
    # negatives: an appointment awaiting its vote, an unnamed agent, an act ("published by", "released by")
    ("The nominee was named on Monday. She must first be confirmed by the Senate.", []),
    ("The nominee was named on Monday. If confirmed by the Senate, she will take office in May.", []),
    ("The results were announced by the electoral commission on Friday.", []),
    ("The novel was published by Penguin in 1998.", []),
    ("The hostages were released by the rebels on Sunday.", []),
])
def test_passive_reporting_agent(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("Speaking to the Guardian, Mr Delaney said the club would appeal.", ["Guardian", "Delaney"]),
    ("The minister, speaking to the BBC, said the talks had failed.", ["BBC"]),
    # a person spoken to is heard from, as "in an interview with"
    ("The race went badly. I was speaking to Paula Kerrigan before the start and she said her knee was sore.", ["Paula Kerrigan"]),
    # negatives: speaking to an audience, not an outlet
    ("Speaking to Parliament on Monday, the home secretary defended the law.", []),
    ("But, speaking to the Treasury Select Committee, the chancellor defended his rules.", []),
])
def test_speaking_to_an_outlet(sentence, want):
    assert _texts(sentence) == want


def test_cue_as_written():
    hits = _attrs("The row deepened. In an interview with the Financial Times, Mr Delaney said the club would appeal.")
    assert [(a.text, a.cue) for a in hits] == [("Financial Times", "In an interview with"), ("Delaney", "said")]
    hits = _attrs("Oil prices rose, as reported by the Reuters news agency.")
    assert [(a.text, a.cue) for a in hits] == [("Reuters", "reported by")]


@pytest.mark.parametrize("sentence,want", [
    ("Output fell by 2%, according to oil industry analysts Brantwell-Hughes.", ["Brantwell-Hughes"]),
    ("Sales rose by 5%, according to market research firm Kantar.", ["Kantar"]),
    # negatives: a place after a plain noun, a name that runs into the next sentence
    ("Shops were looted, according to witnesses in Baghdad.", []),
    ("More handsets were sold, according to analysts Brantwell More than 100 million were sold.", []),
])
def test_kind_before_the_name_after_according_to(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("Mr Blair and Mr Brown said they would campaign together.", ["Blair", "Brown"]),
    ("Sales rose in March. Toyota, Honda and Nissan said demand was strong.", ["Toyota", "Honda", "Nissan"]),
    ("Lending slowed. The Council of Mortgage Lenders (CML) and the British Bankers Association (BBA) both said demand was weak.",
     ["Council of Mortgage Lenders", "British Bankers Association"]),
    ("Lending slowed. The British Bankers Association (BBA) said demand was weak.", ["British Bankers Association"]),
    # negatives: the speaker's organisation behind "from the", names inside what was said
    ('"It will change the way we work," Jeff Tanaka, from the Consumer Electronics Association (CEA) told reporters.', ["Jeff Tanaka"]),
    ("The board said that Toyota, Honda and Nissan had cut prices.", []),
    ("The format gains backers. Kestrel, Philips and Sony have added more electronics makers to the group.", []),
    ("The format gains backers. Kestrel, Philips and Sony added support for the disc.", []),
])
def test_listed_and_bracketed_speakers(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("Sudan's army has retaken the town, a Khartoum daily reported on Sunday.", []),
    ("A Nairobi newspaper reported that fuel prices would rise.", []),
    # negatives: an outlet named before its kind
    ("The Times newspaper has reported that the deal is off.", ["Times"]),
    ("Fuel prices will rise, the Nation newspaper reported.", ["Nation"]),
])
def test_place_before_an_unnamed_outlet(sentence, want):
    assert _texts(sentence) == want
