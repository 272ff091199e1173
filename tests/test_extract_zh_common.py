"""Extract stage, issue 14 (session zhnames16): Chinese names by general patterns -- the gazetteer's Chinese list
(zh_common.tsv), world cities from CLDR, estates after the district in a realty headline, descriptions that are no
names (顶尖大学, 全资子公司), dictionary words jieba tags as people that are not (季后赛, 黄金周, 石景山), market
column labels, a role before a name, rare company words, cups and the Expo.  Sentences written for these tests,
each group with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _ents(text: str):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return [(e.text, e.label) for e in extract(doc, Segment(start=0, end=len(text), text=text), "zh", fallback_date="2024-05-15").entities]


@pytest.mark.parametrize("sentence,want", [
    # firms, fund houses, universities and bodies the Chinese list holds (jieba cut them or typed them as other things)
    ("中国平安发布年报", [("中国平安", "ORG")]),
    ("方正证券拟增发新股", [("方正证券", "ORG")]),
    ("复旦公布复试分数线", [("复旦", "ORG")]),
    ("哈马斯领导人发表讲话", [("哈马斯", "ORG")]),
    ("人保部将调整养老金", [("人保部", "ORG")]),
    # a fund house the list knows with 基金 after it is one name
    ("泰达荷银基金看好后市", [("泰达荷银基金", "ORG")]),
])
def test_chinese_list_names(sentence, want):
    assert _ents(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # world cities from CLDR's time-zone names: a place, not a person jieba's tag guessed
    ("巴格达再次发生爆炸", [("巴格达", "GPE")]),
    ("喀布尔街头恢复平静", [("喀布尔", "GPE")]),
    # names CLDR lists that news writes for something else are left out (达尔文 the naturalist)
    ("达尔文的进化论", []),
])
def test_world_cities(sentence, want):
    assert [e for e in _ents(sentence) if e[1] == "GPE"] == want


@pytest.mark.parametrize("sentence,want", [
    # the estate named right after the district that opens a realty headline
    ("顺义碧水云苑预计下月开盘", [("顺义", "GPE"), ("碧水云苑", "FAC")]),
    ("通州金桥嘉园三居在售均价两万", [("通州", "GPE"), ("金桥嘉园", "FAC")]),
    # "the new development" between them is no part of the name
    ("昌平新盘翠湖花园年底推新", [("昌平", "GPE"), ("翠湖花园", "FAC")]),
    # negatives: no realty words, a station, a phrase about many estates
    ("顺义碧水云苑举办活动", [("顺义", "GPE")]),
    ("十大房企新开盘项目减少", []),
])
def test_estates_after_districts(sentence, want):
    assert [e for e in _ents(sentence) if e[1] in ("GPE", "FAC")] == want


@pytest.mark.parametrize("sentence,want", [
    # descriptions of a kind of body, not names
    ("该公司拟设立全资子公司", []),
    ("他考上了顶尖大学", []),
    ("部分国家驻华使馆公布电话", []),
    ("秘鲁恐怖组织头目被捕", [("秘鲁", "GPE")]),
    ("美国研究机构发布报告", [("美国", "GPE")]),
    ("非政府组织呼吁停火", []),
    # a place jieba joined with the word after it into one 'place'
    ("北京自考报名开始", [("北京", "GPE")]),
    # a company before 宣布 stays a company
    ("金山宣布回购股票", [("金山", "ORG")]),
    # names of bodies made of plain words still are names: a scope word opens them, a ministry, a newspaper
    ("国际刑事法庭作出裁决", [("国际刑事法庭", "ORG")]),
    ("国土部发布通知", [("国土部", "ORG")]),
    # rare dictionary words ending in a school's or a company's word
    ("对外经贸大学公布招生计划", [("对外经贸大学", "ORG")]),
    ("电广传媒预计净利润增长", [("电广传媒", "ORG")]),
])
def test_descriptions_and_names_of_bodies(sentence, want):
    assert _ents(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # dictionary words jieba tags as people that are things, contests, compounds or places
    ("湖人季后赛首场告负", [("湖人", "ORG")]),
    ("黄金周旅游收入创新高", []),
    ("石景山发布新规", [("石景山", "GPE")]),
    ("油价创下15周低点", []),
    ("遏制地王频出", []),
    ("两市小幅高开", []),
    # a place before the title is no name; the name after the title is one, whole
    ("韩国前总统出席仪式", [("韩国", "GPE")]),
    ("韩国前总理韩明淑被起诉", [("韩国", "GPE"), ("韩明淑", "PERSON")]),
    # market column labels before a colon are no names; a foreign name before one is a person
    ("午评：沪指震荡上行", []),
    ("鲁比尼：经济恐将二次探底", [("鲁比尼", "PERSON")]),
    # a person's name ending in 桥 before a colon is no bridge
    ("陈天桥：从跌倒的地方爬起来", [("陈天桥", "PERSON")]),
])
def test_false_people_and_real_ones(sentence, want):
    assert [e for e in _ents(sentence) if e[1] != "PRODUCT"] == want


@pytest.mark.parametrize("sentence,want", [
    ("上海世博会门票开售", [("上海世博会", "EVENT")]),
    ("亚洲杯首战告捷", [("亚洲杯", "EVENT")]),
    ("他买了一个保温杯", []),
    # a model code after a maker and the kind of device
    ("佳能数码相机IXUS220降价", [("佳能", "ORG"), ("IXUS220", "PRODUCT")]),
])
def test_events_and_models(sentence, want):
    assert _ents(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # party plenums and congress sessions by their term and number: one event, the party inside it
    ("中共十七届五中全会开幕", [("中共十七届五中全会", "EVENT")]),
    ("十二届全国人大一次会议举行", [("十二届全国人大一次会议", "EVENT")]),
    ("学习党的十九大精神", [("十九大", "EVENT")]),
    ("十八大学生参加比赛", []),
])
def test_plenums(sentence, want):
    assert _ents(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # a developer the lists know and the estate's name after it, in a realty headline: one estate
    ("万科翠湖苑下月开盘", [("万科翠湖苑", "FAC")]),
    # the company itself, or no realty words: the developer alone
    ("万科集团开盘热销", [("万科集团", "ORG")]),
    ("万科翠湖苑举办活动", [("万科", "ORG")]),
])
def test_developer_estates(sentence, want):
    assert _ents(sentence) == want
