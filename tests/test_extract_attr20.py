"""Extract stage, issue 14 (session attr20): who is *not* the speaker of a reported clause (the object of a verb inside
it, a name modifying its subject), nouns that look like cues ("an official warning", "added a second"), people whose
surname is a law word, places closing "across"/"all over" phrases, Chinese public bodies written after their place
(北京市交通委), and the display name of an English source.  Sentences written for these tests, each rule with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _attrs(text: str, lang: str = "en") -> list:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return extract(doc, Segment(start=0, end=len(text), text=text), lang).attributions


def _texts(text: str, lang: str = "en") -> list[str]:
    return [a.text for a in _attrs(text, lang)]


@pytest.mark.parametrize("sentence,want", [
    # the object of a verb in what was said is no speaker; the one who said it is
    ("The inquiry resumed. Dame Ruth Pallister QC, for the families, says Lord Ashworth warned Peter Crane that the plan was unlawful.",
     ["Ruth Pallister", "Lord Ashworth"]),
    ("The inquiry resumed. The barrister said Lord Ashworth advised Peter Crane that the plan was lawful.", []),
    # negatives: a role after the body still leads to its person
    ('The gym reopened. "It is a fresh start," said Harbour Street Boxing Club owner Dennis Okafor.', ["Dennis Okafor"]),
    ('Shares fell. "It is a blow," said Fenwick Capital analyst Moira Dunleavy in a note.', ["Moira Dunleavy"]),
])
def test_object_of_a_reported_verb_is_no_speaker(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # a name modifying the subject of what was said ("Home Office staff had been told")
    ("Cuts loom. A spokesman for the union said Home Office staff had been told to expect redundancies.", []),
    ("Cuts loom. Union leaders said Home Office workers were angry about the plans.", []),
    # negatives: the body or the person after its role speaks
    ('Cuts loom. "We will consult," said Home Office minister Tony McNulty.', ["Tony McNulty"]),
    ('Cuts loom. "We will consult," said the Home Office in a statement.', ["Home Office"]),
    ('Cuts loom. "We will consult," said the Home Office on Tuesday.', ["Home Office"]),
    # negative: a body after "said the" that opens what was said
    ("Cuts loom. The union said the Home Office in London would close.", []),
])
def test_name_modifying_the_reported_subject(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("The governing body sent the IAAF an official warning about the tests.", []),
    ("Doping rules were tightened. The IAAF gave its final warning to the two sprinters.", []),
    ("Gloucester led early. Hodgson converted and added a penalty for a 10-3 lead.", []),
    ("Roberts scored 20 points for the Bulldogs while Carter added 12.", []),
    ("The portal was revamped. Yahoo added a search feature for shoppers.", []),
    # negatives: the participle and "added" of speech
    ("Mr Brennan left the court, warning that he would appeal.", ["Brennan"]),
    ('Mr Brennan added: "We will appeal."', ["Brennan"]),
    ("Mr Brennan added the ruling would be appealed.", ["Brennan"]),
])
def test_nouns_and_acts_that_look_like_cues(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("The charity backed the ban. Jack Law, chief executive of the charity, said the comment was ill-advised.", ["Jack Law"]),
    ("The premiere was packed. Jude Law said he was delighted by the reviews.", ["Jude Law"]),
    # negative: a law's text is no speaker
    ("Stakes must be disclosed. Germany's Securities Trading Act says holders must report within a week.", []),
])
def test_a_surname_that_is_a_law_word(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("Christmas trading was strong. Shops all over the UK reported record sales on Saturday.", []),
    ("Demand slowed. Retailers across Europe said sales were weak in December.", []),
    # negative: the place is the subject
    ("Demand slowed. Norway said sales were weak in December.", ["Norway"]),
])
def test_places_closing_across_phrases(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("记者从杭州市交通委了解到，地铁二号线将延长运营。", ["杭州市交通委"]),
    ("据湖南省卫健委通报，全省新增病例3例。", ["湖南省卫健委"]),
    ("浙江省教育厅表示，今年将新增学位两万个。", ["浙江省教育厅"]),
    # negatives: a company after its place keeps its own name; an organisation read whole stays whole
    ("记者从深圳市公安局获悉，嫌疑人已被抓获。", ["深圳市公安局"]),
])
def test_chinese_public_body_after_its_place(sentence, want):
    assert _texts(sentence, "zh") == want


def test_english_story_names_its_source_in_english():
    attrs = _attrs("Talks stalled. Another Hamas leader, Khaled Rahim, said the group would fight on. Hamas said it would not disarm.")
    by_text = {a.text: a.source for a in attrs}
    assert by_text.get("Hamas") == "Hamas"


@pytest.mark.parametrize("sentence,want", [
    ("The budget was delayed. Sources close to Gordon Brown said he was furious.", []),
    ("The budget was delayed. Aides to Tony Blair said he was relaxed about it.", []),
    ("The deal collapsed. A source close to Microsoft said the talks had ended.", []),
    # negatives: the named person speaks; a body set off by "of" speaks through its spokesman
    ("The budget was delayed. Gordon Brown said he was furious.", ["Gordon Brown"]),
])
def test_people_close_to_a_name_are_unnamed(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("The row deepened. But Downing Street said she was speaking as a lawyer.", ["Downing Street"]),
    # negative: the street as a place
    ("The row deepened. Protesters gathered in Downing Street said they would stay.", []),
])
def test_seat_of_government_speaks(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("The risk doubled, according to a study by researchers from the University of Utah and Harvard.",
     ["University of Utah", "Harvard"]),
    ("Growth will slow, according to figures from the IMF and the World Bank.", ["IMF", "the World Bank"]),
    # negative: a possessive after "and" names someone else's people
    ("Growth will slow, according to Microsoft and Google's rivals.", ["Microsoft"]),
])
def test_two_bodies_credited_with_a_document(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("据市政市容委的消息 北京供暖期限有望延长", ["市政市容委"]),
    ("吉尔吉斯前总统胞弟称巴基耶夫近期不会回国", []),
    ("热点辣评：高考改革理当问政于民", []),
    # negatives: the person speaks; an outlet's report
    ("俄罗斯总统普京称近期不会访华", ["普京"]),
    ("据新华社的报道，会议闭幕。", ["新华社"]),
])
def test_chinese_possessive_kin_and_columns(sentence, want):
    assert _texts(sentence, "zh") == want


@pytest.mark.parametrize("sentence,want", [
    ("Sales fell. Peter Okafor and Jane Whitfield both said the outlook was grim.", ["Peter Okafor", "Jane Whitfield"]),
    # negative: "both" inside what was said
    ("Sales fell. The board said both Peter Okafor and Jane Whitfield had resigned.", []),
])
def test_both_before_the_cue(sentence, want):
    assert _texts(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("美国国务卿布林肯当地时间15日表示，美方愿意对话。", ["布林肯"]),
    ("英国首相约翰逊当地时间周二宣布，将放宽限制。", ["约翰逊"]),
    ("苹果公司上周五表示，新产品将推迟发布。", ["苹果公司"]),
    # negative: a person mentioned in the clause before another speaker's cue
    ("记者采访了约翰逊，其助理周二表示，首相身体健康。", []),
])
def test_chinese_local_time_and_weekday_before_the_cue(sentence, want):
    assert _texts(sentence, "zh") == want
