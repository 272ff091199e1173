"""Extract stage, issue 14 (session attr19): speakers behind a capitalised rank, appositives with digits, "MP for"
or an open "of/from" phrase, a conjunction after a place phrase, sentences ending inside a closing quote, outlets
joined with their articles, dash appositives opening with an adjective, clause openers, possessive roles after
"said", collective role nouns, and a Chinese headline's body + role + person. Sentences written for these tests,
each rule with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _texts(text: str, lang: str = "en") -> list[str]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return [a.text for a in extract(doc, Segment(start=0, end=len(text), text=text), lang).attributions]


@pytest.mark.parametrize("sentence,want", [
    # a portfolio or rank before its title, after "said" or opening a coordinated subject
    ('The shops agreed. "They deserve to be protected," said Culture Secretary Tessa Jowell after the meeting.', ["Tessa Jowell"]),
    ("The march was calm. But Assistant Chief Constable David Warcup has met several groups and said all talks had gone well.",
     ["David Warcup"]),
    # a title the name model read as a name before the person: the person speaks
    ('The row deepened. "It is a disgrace," said Shadow Home Secretary David Davis.', ["David Davis"]),
    # negatives: the capitalised words after "said" are what was said; a rank with no name after it
    ("The report said Health Minister posts had been cut.", []),
    ('The row deepened. "It is a disgrace," said the Home Secretary.', []),
])
def test_capitalised_rank_before_a_name(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ('Polls open on Thursday. Carol Walker, BBC News 24 political correspondent, added: "It could hurt the campaign."',
     ["Carol Walker"]),
    ('Polls open on Thursday. Policy chief David Cameron, MP for Witney, added: "It would be funny."', ["David Cameron"]),
    ("The firm was sold. Peter Misselbrook, executive partner of Tods Murray said the deal had been agreed.", ["Peter Misselbrook"]),
    ("Strikes loom. Mark Serwotka, from the Public and Commercial Services union said a strike was likely.", ["Mark Serwotka"]),
    # negatives: the open phrase holds a clause; the appositive names someone else's speaker
    ("Strikes loom. Mark Serwotka, from the union that Jane Hollis leads said a strike was likely.", []),
    ("The firm was sold to Peter Misselbrook, executive partner of Tods Murray and the board said it was pleased.", []),
])
def test_appositives_before_the_cue(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("The inquiry had stalled in the past but Oppal said he would reopen it.", ["Oppal"]),
    # negative: the name closes a place phrase ("protesters in Beijing said")
    ("Many protesters in central Beijing said they would return.", []),
])
def test_conjunction_ends_a_place_phrase(sentence, want):
    assert _texts(sentence) == want


def test_sentence_ending_inside_a_closing_quote():
    text = ('Labour\'s aim is full employment, "not just tackling idleness but promoting good health and sustainable '
            'communities." BBC political editor Andrew Marr said that the article was "a warning shot" to Mr Blair.')
    assert "Andrew Marr" in _texts(text)


@pytest.mark.parametrize("sentence,want", [
    ("AOL is reorganizing itself into four units, the Wall Street Journal and the Washington Post reported on Tuesday.",
     ["Wall Street Journal", "Washington Post"]),
    # negative: the first body is the object of a preposition, not a speaker
    ("Sales rose at the Daily Mail and the Washington Post reported a loss.", ["Washington Post"]),
])
def test_two_outlets_with_their_articles(sentence, want):
    assert [t.removeprefix("the ") for t in _texts(sentence)] == want


@pytest.mark.parametrize("sentence,want", [
    ("Markets rose. A day earlier, Mr Yushchenko - keen to reassure investors - had said only 30 firms would be sold.",
     ["Yushchenko"]),
    ('Students rallied. "It has been a fantastic few weeks," said 20-year-old politics student Nick Vaughan.', ["Nick Vaughan"]),
    ('"It definitely hurts," said Pruner\'s friend Zachary Rees.', ["Zachary Rees"]),
    ('The row grew. CNN management said: "We have made sure his reporting is on health."', ["CNN"]),
    # negatives: a possessive after "said" opening what was said; 20 people are no role
    ("The minister said Rosneft's purchase of Yugansk would go ahead.", []),
    ("The officer said 20 people had been hurt.", []),
])
def test_roles_before_and_after_the_cue(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("line,want", [
    ("雅虎CEO巴茨获8成股东支持 称与阿里谈判有进展", ["巴茨"]),
    # negative: the body's role names no person ("发言人"); the first clause opens with a body and its product
    ("雅虎发言人获股东支持 称与阿里谈判有进展", []),
])
def test_zh_headline_body_role_person(line, want):
    assert _texts(line, "zh") == want


@pytest.mark.parametrize("sentence,want", [
    ("The data had been unavailable via API reporting.", []),
    # a name before the participle with no preposition before it is its subject
    ("The fire spread quickly, with CNN reporting that 20 homes were lost.", ["CNN"]),
])
def test_participle_after_a_prepositions_object(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("line,want", [
    ("商品名称：辛亥革命2原卷", []),  # a form's field, not a speaker
    ("周华健澄清：我从未说过那句话", ["周华健"]),
])
def test_zh_field_name_before_a_colon(line, want):
    assert _texts(line, "zh") == want


def test_possessive_after_a_title_keeps_the_person_after_the_role():
    text = '"Our hearts go out to the family," said Paulding County Sheriff\'s spokesperson Ashley Hensen.'
    assert _texts(text) == ["Ashley Hensen"]
