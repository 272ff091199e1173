"""Extract stage, issue 14 (session zh21): Chinese names of kinds the rules missed -- a listed company's short name
opening a market headline (its share price, a limit move, a halt, a stake change), a foreign name of jieba's dictionary
before a headline's colon (the speaker), a foreign name joined by the interpunct to an organisation word (one
organisation, not a county), and a town whose name ends in 庄 or 村 that jieba's dictionary holds as a person.
Sentences written for these tests, each group with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _result(text: str):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return extract(doc, Segment(start=0, end=len(text), text=text), "zh", fallback_date="2024-05-15")


def _ents(text: str):
    return [(e.text, e.label) for e in _result(text).entities]


@pytest.mark.parametrize("sentence,company", [
    ("重钢股价一度下挫百分之五", "重钢"),           # 重钢/n: a rare noun of jieba's dictionary
    ("中青宝复牌后连续跌停", "中青宝"),             # 中青宝/nr: no surname opens it
    ("光控遭大股东减持", "光控"),                  # the passive between the name and the stake change
    ("攀钢钢钒今日停牌", "攀钢钢钒"),               # two words, a time word before the halt
    ("唯冠国际午后停牌待公告", "唯冠国际"),
])
def test_a_short_name_opening_a_market_headline_is_the_company(sentence, company):
    assert (company, "ORG") in _ents(sentence)


@pytest.mark.parametrize("sentence,not_company", [
    ("沪铜再封涨停 期市全线走强", "沪铜"),          # a commodity: common words
    ("橡胶跌停 空头获利了结", "橡胶"),
    ("基金增持银行股", "基金"),                     # a common noun: who holds, not a company's name
    ("公司股价创出新高", "公司"),
    ("弱市复牌连续跌停 基金面临抉择", "弱市"),     # the market's state, words jieba lacks
    ("次新股涨停 资金追捧", "次新股"),              # a class of shares
])
def test_common_words_before_a_market_word_are_no_company(sentence, not_company):
    assert not any(text == not_company and label == "ORG" for text, label in _ents(sentence))


def test_a_person_increasing_a_stake_stays_a_person():
    ents = _ents("李兆基增持旗下地产股")
    assert ("李兆基", "PERSON") in ents
    assert not any(label == "ORG" and text == "李兆基" for text, label in ents)


@pytest.mark.parametrize("sentence,speaker", [
    ("齐达内：球队需要时间", "齐达内"),              # 齐达内/nz opening the headline
    ("皇马主帅难掩失望 齐达内：我们输在细节", "齐达内"),  # the second clause after a space
])
def test_a_foreign_name_before_a_headline_colon_is_the_speaker(sentence, speaker):
    result = _result(sentence)
    assert (speaker, "PERSON") in [(e.text, e.label) for e in result.entities]
    assert any(a.text == speaker and a.cue == "：" for a in result.attributions)


@pytest.mark.parametrize("sentence", [
    "巴西：世界杯场馆建设提速",                      # a country the lists know
    "球迷：这场比赛太精彩",                          # a plain word
])
def test_other_words_before_a_colon_are_no_foreign_speaker(sentence):
    head = sentence.split("：")[0]
    assert (head, "PERSON") not in _ents(sentence)


@pytest.mark.parametrize("sentence,org", [
    ("乔治·华盛顿大学发布民调结果", "乔治·华盛顿大学"),   # 乔治 alone is also the county name of 乔治市
    ("约翰·霍普金斯大学公布最新数据", "约翰·霍普金斯大学"),
])
def test_a_dotted_foreign_name_and_an_organisation_word_are_one_organisation(sentence, org):
    ents = _ents(sentence)
    assert (org, "ORG") in ents
    assert not any(label == "GPE" for _text, label in ents)


@pytest.mark.parametrize("sentence,town", [
    ("亦庄房价半年上涨两成", "亦庄"),                # 亦庄/nr, 9 in jieba's dictionary
])
def test_a_town_ending_in_zhuang_jieba_reads_as_a_person_is_a_place(sentence, town):
    assert (town, "GPE") in _ents(sentence)


def test_a_phrase_with_a_verb_before_a_limit_move_is_no_company():
    assert not any(label == "ORG" for _text, label in _ents("券商股蓄势冲击涨停"))
    assert not any(label == "ORG" and text.startswith("蓄势") for text, label in _ents("蓄势冲击涨停 成交放大"))


@pytest.mark.parametrize("sentence,title,label", [
    ("银监会发布《商业银行理财业务操作指引》", "商业银行理财业务操作指引", "LAW"),   # a regulator's guidelines
    ("交易所公布《融资融券交易实施细则》", "融资融券交易实施细则", "LAW"),
    ("《江湖指南》今晚首播", "江湖指南", "PRODUCT"),                                 # a programme's title stays a work
])
def test_guidelines_and_implementing_rules_in_title_marks_are_laws(sentence, title, label):
    assert (title, label) in _ents(sentence)


@pytest.mark.parametrize("sentence,area,estate", [
    ("金融街建邦礼仕阁精装公寓样板间开放", "金融街", "建邦礼仕阁"),   # 金融街/n, 17 in jieba's dictionary
    ("菜市口中信城二三居下月开盘", "菜市口", "中信城"),               # before the kind of home it sells
    ("方庄美景东方两居在售", "方庄", "美景东方"),
])
def test_a_rare_area_word_opening_a_realty_headline_is_the_place_before_the_estate(sentence, area, estate):
    ents = _ents(sentence)
    assert (estate, "FAC") in ents
    assert any(text == area and label in ("GPE", "LOC") for text, label in ents)


def test_a_common_word_opening_a_realty_headline_is_no_area():
    ents = _ents("城市花园精装两居在售")   # 城市 is common: the estate's own name
    assert not any(text == "城市" for text, _label in ents)


@pytest.mark.parametrize("sentence,word", [
    ("书香名邸两居花园洋房在售", "书香"),        # a rare word opening the estate's own name
    ("低密度首邑溪谷下月开盘", "低密度"),        # what the homes are like
])
def test_a_rare_word_not_shaped_as_an_area_is_no_place(sentence, word):
    assert not any(text == word and label in ("GPE", "LOC") for text, label in _ents(sentence))


@pytest.mark.parametrize("sentence,person", [
    ("英王威廉四世的后代出任首相", "威廉四世"),      # 威廉/nrt is a common word to jieba's counts
    ("伊丽莎白二世访问加拿大", "伊丽莎白二世"),
    ("阿基诺三世在马尼拉发表讲话", "阿基诺三世"),
])
def test_a_foreign_name_and_its_regnal_number_are_one_person(sentence, person):
    assert (person, "PERSON") in _ents(sentence)


@pytest.mark.parametrize("sentence", [
    "欧洲十六世纪的艺术珍品展出",     # a century
    "《四世同堂》重拍版开机",          # four generations under one roof
])
def test_a_century_or_generations_are_no_regnal_number(sentence):
    assert not any(label == "PERSON" and "世" in text for text, label in _ents(sentence))
