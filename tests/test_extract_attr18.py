"""Extract stage, issue 14 (session attr18): speakers set off from their cue by a document noun, a role after
an acronym, a dash appositive, a bare conjunction, or named after "says the BBC's". Sentences written for these
tests, each rule with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _hits(text: str) -> list[tuple[str, str]]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return [(a.source, a.text) for a in extract(doc, Segment(start=0, end=len(text), text=text), "en").attributions]


def _texts(text: str) -> list[str]:
    return [t for _, t in _hits(text)]


@pytest.mark.parametrize("sentence,want", [
    # a body's document speaks for the body; a person's own statement for the person
    ("The Siemens statement said the plant would close by the end of the year.", ["Siemens"]),
    ("Mr Harbinson's statement said the board had not been told of the loans.", ["Harbinson"]),
    # negatives: a document with no name before it; a person's report is not his statement
    ("The report said the plant would close.", []),
    ("A joint statement said the talks would go on.", []),
])
def test_document_of_a_named_body(sentence, want):
    assert _texts(sentence) == want


def test_possessive_read_into_a_name_is_dropped_from_the_source():
    assert _hits("Mr Okonkwo's statement said the accounts were in order.") == [("Okonkwo", "Okonkwo")]


@pytest.mark.parametrize("sentence,want", [
    ("An SFA spokesman said the appeal would be heard next week.", ["SFA"]),
    ("\"We will look again,\" a KNPC official said.", ["KNPC"]),
    # negatives: an acronym that names no body (a role, a country), a role with no acronym
    ("A US official said the talks had ended.", []),
    ("The CEO said the talks had ended.", []),
])
def test_acronym_before_a_role(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("Maria Harbinson - a former governor of the colony - said the deal was a betrayal.", ["Maria Harbinson"]),
    ("But Mr Okonkwo - who ran his own campaign - said he was not convinced.", ["Okonkwo"]),
    # negatives: the dashes set off a phrase after an object, not the subject; a hyphen inside words
    ("The court fined Maria Harbinson - a former governor - and said she must pay.", []),
    ("The two - year - old was found safe, police said.", []),
])
def test_dash_appositive(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("But Mr Okonkwo rejected the claims and said the accounts were in order.", ["Okonkwo"]),
    ("Mr Harbinson promised a \"firm but fair\" policy and said he would stand again.", ["Harbinson"]),
    # negatives: no named subject; a second person between subject and cue
    ("But the minister rejected the claims and said the accounts were in order.", []),
    ("But Mr Okonkwo met Maria Harbinson and said the accounts were in order.", []),
])
def test_coordinated_subject_after_a_bare_conjunction(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("Growth has slowed, says the BBC's Maria Harbinson in Beijing.", ["Maria Harbinson"]),
    ('"It was a long night," said the BBC\'s Europe correspondent Maria Harbinson.', ["Maria Harbinson"]),
    # negative: the person is the subject of what was said
    ("The minister said the BBC's Maria Harbinson had been told.", []),
])
def test_person_of_a_named_body_after_the_verb(sentence, want):
    assert _texts(sentence) == want


def test_post_nominal_is_no_part_of_the_source():
    assert _texts("Committee chairman Peter Okonkwo MP, said the report was damning.") == ["Peter Okonkwo"]


@pytest.mark.parametrize("sentence,want", [
    # after a named subject the verb has its speaker: the name after it is what was said
    ("The Gazette said Okonkwo, who also received a fine, offered no apology.", ["Gazette"]),
    ("Harbinson said Okonkwo usually worked alone.", ["Harbinson"]),
    # the speaker after the verb still counts after a quote
    ('"It was a long night," said Okonkwo, who had waited since noon.', ["Okonkwo"]),
    # not reporting: a reflexive after "found", a passive participle, a possessive modifier
    ("The Harbinson Foundation found itself on the defensive again on Tuesday.", []),
    ("The grant includes the sum from the Harbinson Foundation announced by its chairman.", []),
    ("Mr Okonkwo's reported views were presented as party policy.", []),
])
def test_what_is_no_speaker(sentence, want):
    assert _texts(sentence) == want


def test_companies_joined_by_and_both_speak():
    assert _texts("Northrop Grumman Corp. and Boeing Co. said on Monday they would team up.") == ["Northrop Grumman Corp.", "Boeing Co."]
    assert _texts("Sales at Northrop Grumman Corp. and Boeing Co. rose, the report said.") == []


def test_post_nominal_after_a_comma():
    assert _texts("Judge Peter Okonkwo, QC told the hearing that fraud was widespread.") == ["Peter Okonkwo"]


def test_one_body_whose_name_holds_and_is_one_speaker():
    assert "Texas Parks" not in _texts("The boy was hunting with his family, the Texas Parks and Wildlife Department said.")


@pytest.mark.parametrize("sentence,want", [
    ("Spam made up 60% of all mail, according to a roundup published Wednesday by security firm Harbinson Labs.", ["Harbinson Labs"]),
    ("The plant will close in May, according to Siemens spokesman Peter Okafor.", ["Peter Okafor"]),
    ('"We will appeal," said a statement from Siemens.', ["Siemens"]),
    # negatives: the document has no named author; "according to" a place's statement
    ("Two men were arrested, according to a police statement.", []),
])
def test_according_to_a_document_or_a_role(sentence, want):
    assert _texts(sentence) == want


def test_channel_is_part_of_the_outlet():
    assert _texts("The manager told BBC Radio 5 Live that he would not resign.") == ["BBC Radio 5 Live"]


@pytest.mark.parametrize("sentence,want", [
    ("She said Okonkwo and his wife grew up on the island.", []),
    ("Germany's Securities Trading Act says the regulator must pass such cases on.", []),
    ("The leader of Sinn Fein, the political ally of the Irish Republican Army (IRA), said he was hopeful.", []),
    ("Posted: Thursday, July 29, 2004\nPeter Okafor was found dead in a hotel.", []),
    # still a speaker: a person set off by an appositive that holds "of"
    ("Peter Okafor, the head of the Harbinson Foundation, said the money was safe.", ["Peter Okafor"]),
])
def test_more_non_speakers(sentence, want):
    assert _texts(sentence) == want


def _zh(text: str) -> list[str]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return [a.text for a in extract(doc, Segment(start=0, end=len(text), text=text), "zh").attributions]


@pytest.mark.parametrize("headline,want", [
    ("刘德华澄清：我从未说过那句话", ["刘德华"]),
    ("商务部就美方加征关税表态", ["商务部"]),
    # negatives: no speech verb; a colon after a plain verb phrase
    ("刘德华观看中网比赛并看望青少年球员", []),
    ("刘德华携子进京感恩：找到失散三年的朋友", []),
])
def test_zh_headline_speech_verbs(headline, want):
    assert _zh(headline) == want


@pytest.mark.parametrize("sentence,want", [
    ("Party spokesman Peter Okafor meanwhile said the plan had failed.", ["Peter Okafor"]),
    ("Maria Lopez of the UN Relief and Works Agency (UNRWA) said the school was full.", ["Maria Lopez"]),
    ("Analyst Maria Lopez of Lopez Group in Silicon Valley said the patch was late.", ["Maria Lopez"]),
    # negative: the person after "of" belongs to the unnamed speaker's description
    ("The wife of Peter Okafor from Leeds said the house was empty.", []),
])
def test_adverb_and_affiliation_between_speaker_and_cue(sentence, want):
    assert _texts(sentence) == want
