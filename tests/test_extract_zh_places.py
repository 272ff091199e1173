"""Extract stage, issue 14 (session extract9zh): Chinese places and people no curated list holds --
the CLDR's Chinese names of countries and world regions (with the English name's id), a one-character
place after a word of going (在京, 访华, 赴美) or opening what a speaker said (称美不能), and a common
two-character person word beside another person's name (成龙李连杰).  Sentences written for these tests,
each rule with negatives (each positive fails with its rule taken out)."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _entities(text: str, lang: str = "zh") -> list[tuple[str, str, str]]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    x = extract(doc, Segment(start=0, end=len(text), text=text), lang)
    return [(e.text, e.label, e.canonical) for e in x.entities]


@pytest.mark.parametrize("sentence,want", [
    # countries the gazetteer lacks, whatever jieba tags them (海地/s, 约旦/d, 黎巴嫩/nr, 科威特/nr)
    ("救援人员在海地获释", [("海地", "GPE", "gpe:haiti")]),
    ("约旦与也门举行会谈", [("约旦", "GPE", "gpe:jordan"), ("也门", "GPE", "gpe:yemen")]),
    ("黎巴嫩总理抵达科威特", [("黎巴嫩", "GPE", "gpe:lebanon"), ("科威特", "GPE", "gpe:kuwait")]),
    # world regions are LOC
    ("东南亚多国增长放缓", [("东南亚", "LOC", "loc:southeast-asia")]),
    # negatives: 世界 is no place; a territory's name inside a longer word is not read
    ("世界经济论坛闭幕", [("世界经济论坛", "EVENT", "event:shi-jie-jing-ji-lun-tan")]),
    ("增加纳税人负担", []),
    # 中美 and 中非 are China and the US or Africa, not Central America or Africa
    ("双方称中美可建立更紧密关系", [("中", "GPE", "gpe:china"), ("美", "GPE", "gpe:united-states")]),
])
def test_territory_names(sentence, want):
    assert _entities(sentence) == want


def test_territory_id_matches_english():
    zh = {c for _, _, c in _entities("海地发生地震")}
    en = {c for _, _, c in _entities("An earthquake struck Haiti on Tuesday.", "en")}
    assert zh == {"gpe:haiti"} and "gpe:haiti" in en


@pytest.mark.parametrize("sentence,want", [
    ("比赛在京正式启动", [("京", "GPE")]),
    ("双方将在台修建试验网", [("台", "GPE")]),
    ("普京下月访华", [("普京", "PERSON"), ("华", "GPE")]),
    ("总统明日赴美", [("美", "GPE")]),
    ("代表团昨日抵京", [("京", "GPE")]),
    ("首相下周访日", [("日", "GPE")]),
    # a country opening what a speaker said
    ("总统演讲称美不能独自行动", [("美", "GPE")]),
    # a clause opening with a country jieba tags a place or an abbreviation, before any word
    ("澳技术移民新规生效", [("澳", "GPE")]),
    ("俄巨富求购球队", [("俄", "GPE")]),
    ("法治建设取得进展", []),
    ("美不胜收的风景", []),
    # negatives: 来日 and 在日 are also "days to come"; a character opening a longer word; 在中 is no place
    ("来日方长", []),
    ("我们来日再谈", []),
    ("大家在美食节上相聚", []),
    ("他在中学读书", []),
    ("这种说法称不上准确", []),
])
def test_one_character_places(sentence, want):
    assert [(t, lab) for t, lab, _ in _entities(sentence)] == want


@pytest.mark.parametrize("sentence,want", [
    # a two-character person word that is also an ordinary word (成龙 "become a dragon") beside another person
    ("刘德华：我去好莱坞早过成龙李连杰", ["刘德华", "成龙", "李连杰"]),
    ("王刚PK刘威技高一筹", ["王刚", "刘威"]),
    # negatives: the same words alone, or beside a word that is no person
    ("望子成龙是父母的心愿", []),
    ("精神文明建设取得成效", []),
    ("高峰时段王朝酒店客满", []),
])
def test_common_person_words_beside_a_person(sentence, want):
    assert [t for t, lab, _ in _entities(sentence) if lab == "PERSON"] == want


@pytest.mark.parametrize("sentence,want", [
    # companies and brands by their Chinese names (gazetteer brands.tsv), with the English name's id
    ("丰田和本田销量下滑", [("丰田", "ORG", "org:toyota"), ("本田", "ORG", "org:honda")]),
    ("索尼S2100行货仅888元", [("索尼", "ORG", "org:sony"), ("S2100", "PRODUCT", "product:suo-ni-s2100")]),
    ("惠誉下调吉百利评级", [("惠誉", "ORG", "org:fitch"), ("吉百利", "ORG", "org:cadbury")]),
    # negatives: names that are also ordinary words are not in the list
    ("大众普遍关心苹果价格", []),
    ("通用标准适用于现代社会", []),
])
def test_brands_zh(sentence, want):
    assert _entities(sentence) == want


def test_brand_id_matches_english():
    assert _entities("安踏")[0][2] == "org:anta"
    en = {c for _, _, c in _entities("Shares of Toyota and Sony rose.", "en")}
    zh = {c for _, _, c in _entities("丰田和索尼股价上涨")}
    assert zh == {"org:toyota", "org:sony"} and zh <= en


@pytest.mark.parametrize("sentence,want", [
    # well-known people whose names jieba counts as common words (gazetteer people.tsv)
    ("姚明5犯中国遭逆转", [("姚明", "PERSON", "person:yao-ming"), ("中国", "GPE", "gpe:china")]),
    ("刘翔伤愈复出", [("刘翔", "PERSON", "person:liu-xiang")]),
    # negatives: the idiom holding one of them stays a word
    ("望子成龙是父母的心愿", []),
])
def test_well_known_people_zh(sentence, want):
    assert _entities(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # an NBA club's short name that is also an ordinary word, in a story about the game
    ("火箭主场击败掘金", [("火箭", "org:houston-rockets"), ("掘金", "org:denver-nuggets")]),
    ("奇才新赛季直指东区第四", [("奇才", "org:washington-wizards")]),
    ("掘金与篮网达成交易", [("掘金", "org:denver-nuggets"), ("篮网", "org:new-jersey-nets")]),
    # negatives: the same words with nothing of the game around them, even two of them
    ("火箭发射成功，太阳照常升起", []),
    ("国王访问了这座城市", []),
])
def test_club_short_names(sentence, want):
    assert [(t, c) for t, _, c in _entities(sentence)] == want


@pytest.mark.parametrize("sentence,want", [
    # a country's organ written with its one-character name: one organisation, not China's central bank
    ("欧央行维持利率不变", [("欧央行", "ORG", "org:european-central-bank")]),
    ("美证交会预算将增", [("美证交会", "ORG", "org:mei-zheng-jiao-hui")]),
    # negatives: a day before 央行, two countries before it, 央行 alone
    ("3月5日央行宣布降息", [("央行", "ORG", "org:pboc")]),
    ("中美央行同时降息", [("中", "GPE", "gpe:china"), ("美", "GPE", "gpe:united-states"), ("央行", "ORG", "org:pboc")]),
])
def test_country_organs(sentence, want):
    assert _entities(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # a housing estate named before the kind of home it sells; the district or area before it is a place
    ("望京保利中央公园精装房在售", [("望京", "GPE"), ("保利中央公园", "FAC")]),
    ("昌平山水上苑独栋别墅8月开盘", [("昌平", "GPE"), ("山水上苑", "FAC")]),
    ("温榆河格拉斯小镇联排别墅热销", [("温榆河格拉斯小镇", "FAC")]),
    # negatives: plain words, a person's house, a name not opening a clause, digits before the words
    ("市场调查：公寓销量下滑", []),
    ("郭德纲别墅违建已拆除", [("郭德纲", "PERSON")]),
    ("他买了一套独栋别墅", []),
    ("150平开间现房在售", []),
    ("优质景观现房板楼均价上涨", []),
])
def test_estates_before_homes(sentence, want):
    assert [(t, lab) for t, lab, _ in _entities(sentence)] == want


@pytest.mark.parametrize("sentence,want", [
    # a foreign name jieba's dictionary holds as a place, with a speech verb or title beside it, is a person
    ("丹尼斯表示将继续执教", [("丹尼斯", "PERSON")]),
    ("教练丹尼尔斯称球队状态良好", [("丹尼尔斯", "PERSON")]),
    ("前往伊比利亚度假", [("伊比利亚", "GPE")]),
    # a school jieba tags as an organisation
    ("西点军校举行毕业典礼", [("西点军校", "ORG")]),
    # leaders by their Chinese names, with their English names' ids
    ("奥巴马在白宫发表讲话", [("奥巴马", "PERSON"), ("白宫", "ORG")]),
])
def test_foreign_people_and_schools(sentence, want):
    assert [(t, lab) for t, lab, _ in _entities(sentence)] == want


def test_leader_id_is_the_english_names():
    assert _entities("奥巴马在白宫发表讲话")[0][2] == "person:barack-obama"


def test_chinese_only_lines_show_their_english_display_name():
    from sinodesk.stages.extract.gazetteer import display_name, display_names

    names = display_names()
    assert [display_name(names, c) for c in ("org:sony", "person:barack-obama", "product:hang-seng-index")] == \
        ["Sony", "Barack Obama", "Hang Seng Index"]
    # an English story's speaker keeps an English source name when the id is one of those lines
    text = 'Gordon Brown said the budget would hold.'
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    x = extract(doc, Segment(start=0, end=len(text), text=text), "en")
    assert [a.source for a in x.attributions] == ["Gordon Brown"]


@pytest.mark.parametrize("sentence,want", [
    # a kind of body is no organisation's name (部分银行, 外资银行, 国有银行); a bank's own name is
    ("希腊欲将部分银行国有化", [("希腊", "GPE")]),
    ("外资银行进入中国", [("中国", "GPE")]),
    ("国有银行改革提速", []),
    ("民生银行上调利率", [("民生银行", "ORG")]),
])
def test_kinds_of_bodies_are_no_names(sentence, want):
    assert [(t, lab) for t, lab, _ in _entities(sentence)] == want
