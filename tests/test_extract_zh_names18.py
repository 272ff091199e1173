"""Extract stage, issue 14 (session zhnames18): Chinese names of headline kinds the rules missed -- transliterated
people jieba reads as rare places or cuts short, foreign clubs read as people, fund houses before their funds,
listed companies before a colon, estates before what is sold there, makers' products, awards.  Sentences written for
these tests, each group with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _ents(text: str):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    x = extract(doc, Segment(start=0, end=len(text), text=text), "zh", fallback_date="2024-05-15")
    return [(e.text, e.label) for e in x.entities]


@pytest.mark.parametrize("sentence,name", [
    ("伊布梅开二度 米兰客场取胜", "伊布"),          # 伊布/ns: a place jieba hardly knows
    ("罗本伤愈归队 拜仁迎来强援", "罗本"),
    ("加内特宣布下赛季继续效力", "加内特"),
    ("库比卡伤愈后重返围场", "库比卡"),            # 库比/nrt 卡: one character cut off
    ("新秀比斯利赛后接受采访", "比斯利"),
])
def test_transliterated_people_jieba_misreads(sentence, name):
    ents = _ents(sentence)
    assert (name, "PERSON") in ents
    assert not any(label in ("GPE", "LOC") and text == name for text, label in ents)


@pytest.mark.parametrize("sentence,not_a_person", [
    ("纽曼Super播放器降价促销", "纽曼"),           # a brand before its model
    ("蓝星安迪苏公布招股计划", "迪苏"),            # the end of a longer name jieba cut
])
def test_transliterated_words_that_are_no_people(sentence, not_a_person):
    assert (not_a_person, "PERSON") not in _ents(sentence)


@pytest.mark.parametrize("sentence,club", [
    ("杜堡官方宣布签下两名新援", "杜堡"),           # a word only a club has after it
    ("[西甲]贝蒂斯3-1巴萨 主队爆冷", "贝蒂斯"),      # facing a club in a match
    ("意甲焦点战 米兰vs拉齐奥首发公布", "米兰"),     # a city facing a club: its club
])
def test_foreign_clubs(sentence, club):
    assert (club, "ORG") in _ents(sentence)


def test_a_national_team_stays_its_country():
    ents = _ents("热身赛：法国2-0巴萨 本泽马梅开二度")
    assert ("法国", "GPE") in ents


@pytest.mark.parametrize("sentence,house", [
    ("融通新蓝筹基金本周分红", "融通"),
    ("国泰金牛保本基金下月开放申购", "国泰"),
    ("中邮基金公布年度业绩", "中邮基金"),
    ("诺安稳健配置基金暂停大额申购", "诺安"),
])
def test_fund_houses(sentence, house):
    assert (house, "ORG") in _ents(sentence)


def test_a_house_short_name_alone_is_no_fund_house():
    ents = _ents("南方暴雨持续 多地启动应急响应")
    assert ("南方", "ORG") not in ents


@pytest.mark.parametrize("sentence,company", [
    ("七星电子：新产品订单饱满", "七星电子"),       # a short name and its sector before a colon
    ("广船国际：船舶订单回暖", "广船国际"),         # jieba's organisation tag
    ("天琪期货：铜价短线震荡", "天琪期货"),
])
def test_companies_opening_a_headline(sentence, company):
    assert (company, "ORG") in _ents(sentence)


def test_an_industry_before_a_colon_is_no_company():
    ents = _ents("石油化工：行业景气回升")
    assert not any(label == "ORG" for _text, label in ents)


def test_a_commodity_before_futures_is_no_company():
    ents = _ents("大商所白糖期货继续反弹")
    assert ("大商所白糖期货", "ORG") not in ents


@pytest.mark.parametrize("sentence,estate,district", [
    ("顺义碧溪源580平起独栋别墅在售", "碧溪源", "顺义"),
    ("固安橘园40-120平米1-3居均价6000元", "橘园", "固安"),
    ("房山瑞丰春堂推特价房85平起", "瑞丰春堂", "房山"),
])
def test_estates_before_what_is_sold(sentence, estate, district):
    ents = _ents(sentence)
    assert (estate, "FAC") in ents
    assert (district, "GPE") in ents


def test_launching_special_price_flats_is_no_twitter():
    assert not any(text == "推特" for text, _label in _ents("房山瑞丰春堂推特价房85平起"))
    assert ("推特", "PRODUCT") in _ents("推特用户数突破两亿")


def test_a_realty_phrase_after_a_district_is_no_estate():
    ents = _ents("顺义楼市均价上涨 二手房成交回暖")
    assert not any(label == "FAC" for _text, label in ents)


@pytest.mark.parametrize("sentence,maker,product", [
    ("宾得KX新机上市 套机售价4000元", "宾得", "KX"),
    ("联想ThinkCentre商用台式机促销", "联想", "ThinkCentre"),
])
def test_a_latin_name_after_its_maker_is_its_product(sentence, maker, product):
    ents = _ents(sentence)
    assert (maker, "ORG") in ents
    assert (product, "PRODUCT") in ents


def test_apple_the_company_and_apple_the_fruit():
    assert ("苹果", "ORG") in _ents("苹果MacBook Air新款笔记本降价")
    assert ("苹果", "ORG") not in _ents("苹果价格上涨 果农喜获丰收")


def test_game_makers_consoles_and_awards():
    ents = _ents("任天堂公布新款Wii 金帆奖评选揭晓")
    assert ("任天堂", "ORG") in ents
    assert ("Wii", "PRODUCT") in ents
    assert ("金帆奖", "EVENT") in ents
    assert not any(text.endswith("歌曲奖") for text, _label in _ents("华语歌曲奖揭晓"))


@pytest.mark.parametrize("sentence,not_a_person", [
    ("万圣节狂欢夜活动开启", "万圣节"),
    ("韩媒称两国将重启谈判", "韩媒"),
])
def test_words_that_are_no_people(sentence, not_a_person):
    assert (not_a_person, "PERSON") not in _ents(sentence)


def test_a_name_jieba_cut_after_its_second_character():
    assert ("卓文萱", "PERSON") in _ents("张震岳将与卓文萱合唱新歌")


def test_a_place_inside_a_country_stays_a_place():
    ents = _ents("印尼苏拉威西岛发生强烈地震")
    assert not any(label == "PERSON" for _text, label in ents)
