"""Extract stage, issue 14 (session zhnames17): shapes of Chinese names no list holds -- foreign people whose
parts are joined by a hyphen or a middle dot other than "·".  Sentences written for these tests, each group with
negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _x(text: str):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return extract(doc, Segment(start=0, end=len(text), text=text), "zh", fallback_date="2024-05-15")


def _ents(text: str):
    return [(e.text, e.label) for e in _x(text).entities]


@pytest.mark.parametrize("sentence,name", [
    ("组图：妮可-里奇携女儿出游", "妮可-里奇"),
    ("劳尔-卡斯特罗拟下月出访", "劳尔-卡斯特罗"),
    ("美国投资家吉姆・罗杰斯看好商品", "吉姆・罗杰斯"),
    ("英国首相戴维•卡梅伦抵达北京", "戴维•卡梅伦"),
    ("纪念马丁-路德-金 民众游行", "马丁-路德-金"),
    ("巴基斯坦否认本-拉登藏身其境内", "本-拉登"),
    ("女星凯莉-安德伍德新专辑发售", "凯莉-安德伍德"),
])
def test_foreign_people_joined_by_a_hyphen_or_a_middle_dot(sentence, name):
    ents = _ents(sentence)
    assert (name, "PERSON") in ents
    parts = [p for p in name.replace("・", "-").replace("•", "-").split("-")]
    assert not any((p, "PERSON") in ents for p in parts)  # one person, not one per part


@pytest.mark.parametrize("sentence,not_a_name", [
    ("图文-里奇率队训练", "图文-里奇"),            # a column's label before the name
    ("短讯-纽卡斯尔开启转会谈判", "短讯-纽卡斯尔"),
    ("英超-曼联主场迎战利物浦", "英超-曼联"),       # a league and a club the lists know
    ("曼联-利物浦赛前发布会", "曼联-利物浦"),        # a match, two clubs
    ("中国-东盟博览会开幕", "中国-东盟"),
    ("林志玲-周杰伦合作新歌", "林志玲-周杰伦"),      # two Chinese names side by side
])
def test_joined_words_that_are_no_foreign_name(sentence, not_a_name):
    assert not any(t == not_a_name for t, _ in _ents(sentence))


@pytest.mark.parametrize("sentence,name", [
    ("杨澜回顾二十年职业生涯", "杨澜"),           # a full name jieba's dictionary holds (nrfg)
    ("梁咏琪首次执导短片", "梁咏琪"),
    ("谭咏麟计划内地开唱", "谭咏麟"),             # the last character jieba cut off (谭咏/麟)
])
def test_full_names_jieba_holds_are_people(sentence, name):
    assert (name, "PERSON") in _ents(sentence)


@pytest.mark.parametrize("sentence,not_a_name", [
    ("远东金源异动曾飙逾五成", "曾飙"),             # 曾 "once": an adverb, not the surname
    ("网友晒21万自建别墅", "万自建"),               # after a digit: 210,000
])
def test_full_name_shapes_that_are_no_people(sentence, not_a_name):
    assert not any(t == not_a_name for t, _ in _ents(sentence))


def test_a_person_before_an_event_the_lists_know_is_no_part_of_it():
    ents = _ents("聂远世界杯拉五星红旗")
    assert ("聂远", "PERSON") in ents and ("世界杯", "EVENT") in ents


@pytest.mark.parametrize("sentence,name", [
    ("天山股份（000877）今日公告", "天山股份"),      # 天山 alone is a mountain range
    ("今日公告：海螺水泥(600585.SH)业绩预增", "海螺水泥"),
    ("大秦铁路(601006)：底部启动", "大秦铁路"),      # a company, not the railway
    ("亿城股份向灾区捐款", "亿城股份"),              # a short name jieba cut into single characters
])
def test_listed_companies_by_their_stock_code_or_shares_word(sentence, name):
    assert (name, "ORG") in _ents(sentence)


@pytest.mark.parametrize("sentence,not_a_name", [
    ("盛大收购华友世纪部分股份", "部分股份"),
    ("新加坡政府增持游戏股份", "游戏股份"),
    ("拟继续增持不超总股份2%", "超总股份"),
])
def test_shares_after_plain_words_name_no_company(sentence, not_a_name):
    assert not any(t == not_a_name for t, _ in _ents(sentence))


@pytest.mark.parametrize("sentence,want,not_a_name", [
    ("秘鲁总统要求耶鲁大学归还文物", ("耶鲁大学", "ORG"), "秘鲁总统要求耶鲁大学"),
    ("北师大博导投师四川大学重读博士", ("四川大学", "ORG"), "北师大博导投师四川大学"),
])
def test_a_person_and_what_one_does_are_no_part_of_a_body(sentence, want, not_a_name):
    ents = _ents(sentence)
    assert want in ents and not any(t == not_a_name for t, _ in ents)


def test_two_one_character_country_names_jieba_tags_as_a_person_are_two_countries():
    ents = _ents("韩国政府称韩日舰艇对峙不会影响关系")
    assert ("韩", "GPE") in ents and ("日", "GPE") in ents and ("韩日", "PERSON") not in ents


@pytest.mark.parametrize("sentence,name", [
    ("泰国举国庆贺国王普密蓬生日", "普密蓬"),
    ("沙特国王阿卜杜拉表示支持", "阿卜杜拉"),        # a foreign name of four characters after a role
    ("著名画家何水法举办画展", "何水法"),
])
def test_people_after_more_role_words(sentence, name):
    assert (name, "PERSON") in _ents(sentence)


def test_an_adverb_after_a_role_word_opens_no_name():
    assert not any(label == "PERSON" for _, label in _ents("与基地有联系的科学家曾密谋发动袭击"))


def test_the_arab_world_is_a_region_not_a_person():
    ents = _ents("希拉里称美国愿意与阿拉伯世界合作")
    assert ("阿拉伯世界", "LOC") in ents and ("阿拉伯", "PERSON") not in ents


def test_a_foreign_name_before_market_words_is_a_listed_company():
    assert ("麦考林", "ORG") in _ents("麦考林盘中最大跌幅47%")
    ents = _ents("张菲股票大跌 弟弟不敢说太多")  # a Chinese name: her shares
    assert ("张菲", "ORG") not in ents


@pytest.mark.parametrize("sentence,name", [
    ("商品市场遭遇雷曼冲击波", "雷曼"),              # was read as a person
    ("美林维持买入评级 目标价48港元", "美林"),
    ("浦银安盛沪深300指数基金获批", "浦银安盛"),     # a joint fund house, not AXA (安盛) inside it
])
def test_foreign_firms_by_their_short_chinese_names(sentence, name):
    assert (name, "ORG") in _ents(sentence)
