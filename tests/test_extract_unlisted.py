"""Extract stage, issue 14 (session of extract7): names no list holds, Chinese first.  Sentences
written for these tests, each rule with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _ents(text: str, language: str = "zh") -> list[tuple[str, str]]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return [(e.text, e.label) for e in extract(doc, Segment(start=0, end=len(text), text=text), language).entities]


@pytest.mark.parametrize("sentence,want", [
    # the bare name of a city, county or district (jieba's dictionary holds it with 市/县/区)
    ("益阳的发展正在加速。", [("益阳", "GPE")]),
    ("昭通今年脱贫。", [("昭通", "GPE")]),
    ("北京·上海双城展开幕。", [("北京", "GPE"), ("上海", "GPE")]),
    ("宁德今年引进三个项目。", [("宁德", "GPE")]),
    # the place opens an organisation written with its administrative word apart
    ("普洱市思茅区法院作出判决。", [("普洱市思茅区法院", "ORG")]),
    # negatives: a person of the same name beside a speech verb; ordinary words with a county of the
    # same name (和平区, 平安县); two characters ending in 市/区/村 that are common nouns
    ("记者宁德表示将继续跟进。", [("宁德", "PERSON")]),
    ("大家都盼望和平与平安。", []),
    ("城市社区和农村都要参与。", []),
])
def test_bare_county_names(sentence, want):
    assert _ents(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # people whose surname is common but was missing from the list (傅, 洪, 赖)
    ("傅盛和洪涛出席了发布会。", [("傅盛", "PERSON"), ("洪涛", "PERSON")]),
    ("赖小民表示认罪。", [("赖小民", "PERSON")]),
    # negatives: words that open with the same characters
    ("宿舍楼旁是一片丘陵。", []),
    ("洪水退去后，储蓄恢复。", []),
])
def test_more_surnames(sentence, want):
    assert _ents(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # the gazetteer's words must not change how jieba cuts the rest: a name before 为 stays whole
    ("演员蔡晓宁为角色减重十公斤。", [("蔡晓宁", "PERSON")]),
    ("歌手林若宁为新专辑宣传。", [("林若宁", "PERSON")]),
    # the gazetteer's own names still come out whole
    ("国资委和发改委联合发文。", [("国资委", "ORG"), ("发改委", "ORG")]),
])
def test_gazetteer_words_keep_jieba_counts(sentence, want):
    assert _ents(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # Chinese short names (简称) of firms, regulators, sports bodies and clubs
    ("中移动与中电信的竞争加剧。", [("中移动", "ORG"), ("中电信", "ORG")]),
    ("申花客场战平泰达。", [("申花", "ORG"), ("泰达", "ORG")]),
    ("体育总局和足协回应质疑。", [("体育总局", "ORG"), ("足协", "ORG")]),
    # negatives: the same characters inside ordinary words (其中/行业, 加工/行业, 外交/行动)
    ("其中行业龙头表现最好。", []),
    ("加工行业和外交行动都在增长。", []),
])
def test_chinese_short_names(sentence, want):
    assert _ents(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # two-character words ending in 部/局/厅/署 are ordinary words, not the end of an organisation
    ("该公司收购德国食品全部权益。", [("德国", "GPE")]),
    ("各级领导干部要带头。", []),
    ("行业格局生变，餐厅布局调整。", []),
    # a department's name still ends in 部 (宣传部), and a bureau's in 局
    ("中共浙江省委宣传部召开会议。", [("中共浙江省委宣传部", "ORG")]),
    ("温岭市公安局通报了案情。", [("温岭市公安局", "ORG")]),
])
def test_two_character_words_ending_in_an_office_word(sentence, want):
    assert _ents(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # after a role word, a rare surname jieba tags alone and two given-name characters it left apart
    ("公司总裁蒉莺春出席了论坛。", [("蒉莺春", "PERSON")]),
    ("该院院长苌晓阳介绍说。", [("苌晓阳", "PERSON")]),
    # negatives: a role word followed by ordinary words
    ("总裁说好。", []),
    ("主任也来了。", []),
])
def test_rare_surname_after_a_role(sentence, want):
    assert _ents(sentence) == want


def _en(text: str) -> list[tuple[str, str]]:
    return _ents(text, "en")


@pytest.mark.parametrize("sentence,want", [
    # a nationality before a person's name is no part of it (and titles after it go too)
    ("The lead grew over Norwegian Petter Solberg on Saturday.", [("Petter Solberg", "PERSON")]),
    ("He lost to Frenchman Benoit Peschier in the final.", [("Benoit Peschier", "PERSON")]),
    ("In the final, Italian Marco Tardelli scored twice.", [("Marco Tardelli", "PERSON")]),
    ("The deal was backed by German Finance Minister Eichel on Monday.", [("Eichel", "PERSON")]),
    # negatives: a given name that ends like a nationality; a name that is not a nationality
    ("The show starred Declan Donnelly and Kodi Prunner.", [("Declan Donnelly", "PERSON"), ("Kodi Prunner", "PERSON")]),
])
def test_nationality_before_a_name(sentence, want):
    assert [x for x in _en(sentence) if x[1] == "PERSON"] == want
