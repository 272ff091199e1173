"""Extract stage, issue 14 (session zh20): Chinese names of kinds the rules missed -- a one-character country with 军
(its armed forces, one organisation), the bare name of a county right after its province, and Hong Kong's and
Taiwan's districts and counties named alone.  Sentences written for these tests, each group with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract
from sinodesk.stages.extract.zh_bodies import org_place


def _found(text: str):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return extract(doc, Segment(start=0, end=len(text), text=text), "zh", fallback_date="2024-05-15").entities


def _ents(text: str):
    return [(e.text, e.label) for e in _found(text)]


@pytest.mark.parametrize("sentence,army,canonical", [
    ("美军宣布增派两艘航母", "美军", "org:united-states--military"),   # one jieba word
    ("俄军在边境举行演习", "俄军", "org:russia--military"),
    ("日军侵华史料展在南京开幕", "日军", "org:japan--military"),
    ("台军下月举行年度演习", "台军", "org:taiwan--military"),
    ("英军上校出席纪念仪式", "英军", "org:united-kingdom--military"),
])
def test_a_one_character_country_with_its_army_word_is_the_army(sentence, army, canonical):
    found = {(e.text, e.label): e for e in _found(sentence)}
    assert (army, "ORG") in found
    assert found[(army, "ORG")].canonical == canonical
    assert (army[0], "GPE") not in found
    assert org_place(canonical) is not None and org_place(canonical).startswith("gpe:")  # the linker reads the country back


@pytest.mark.parametrize("sentence,country", [
    ("美军舰驶近南海岛礁", "美"),       # 美/军舰: a warship of it, no army word
    ("美军机抵近侦察", "美"),           # 美军/机: an aircraft of it
    ("美军事专家：局势将缓和", "美"),   # 美/军事
    ("韩军方称朝鲜发射导弹", "韩"),     # 韩/军方
])
def test_a_country_before_a_longer_military_word_stays_the_country(sentence, country):
    ents = _ents(sentence)
    assert (country, "GPE") in ents
    assert not any(label == "ORG" and text.startswith(country) for text, label in ents)


def test_chinese_army_word_is_not_read_as_a_country():
    assert not any(text.startswith("中军") for text, _label in _ents("中军帐内灯火通明"))


@pytest.mark.parametrize("sentence,county", [
    ("广东陆丰查获一批走私冻肉", "陆丰"),   # 陆丰/nr, made a plain noun as a common two-character word
    ("河北固安一工厂发生火灾", "固安"),     # 固安/a
])
def test_a_county_right_after_its_province_is_a_place(sentence, county):
    assert (county, "GPE") in _ents(sentence)


def test_a_common_word_after_a_province_is_no_county():
    ents = _ents("广东检查食品安全")
    assert not any(text == "检查" for text, _label in ents)


@pytest.mark.parametrize("sentence,place,canonical", [
    ("旺角街头发生冲突", "旺角", "gpe:mong-kok"),
    ("元朗一村屋起火", "元朗", "gpe:yuen-long"),
    ("花莲外海发生6.1级地震", "花莲", "gpe:hualien"),
    ("彰化县长参选连任", "彰化", "gpe:changhua"),
    ("阿里山小火车恢复通车", "阿里山", "loc:alishan"),   # not 阿里 the company
])
def test_hong_kong_and_taiwan_districts(sentence, place, canonical):
    found = {e.text: e for e in _found(sentence)}
    assert place in found and found[place].canonical == canonical


@pytest.mark.parametrize("sentence,not_a_place", [
    ("知名人士林某称将起诉", "士林"),        # 人士/林某: no list word cut out of 人士林
    ("东北投资环境持续改善", "北投"),
    ("湖南投资集团发布年报", "南投"),
])
def test_no_district_cut_out_of_other_words(sentence, not_a_place):
    assert all(text != not_a_place for text, _label in _ents(sentence))


@pytest.mark.parametrize("sentence,estate", [
    ("通州金地雅悦最新户型曝光均价2万", "金地雅悦"),   # a developer, then a coined name no dictionary holds
    ("昌平金地悦澜下月开盘", "金地悦澜"),
])
def test_a_coined_estate_name_after_a_developer_in_a_realty_headline(sentence, estate):
    ents = _ents(sentence)
    assert (estate, "PLACE") in ents or (estate, "FAC") in ents
    assert ("金地", "ORG") not in ents


def test_a_plain_word_after_a_developer_is_no_estate():
    ents = _ents("万科业绩大增 均价回落")
    assert ("万科", "ORG") in ents
    assert not any(text.startswith("万科") and text != "万科" for text, _label in ents)


@pytest.mark.parametrize("sentence,estate", [
    ("保利•茉莉公馆三期加推", "保利•茉莉公馆"),
    ("万科·翡翠山麓三期开盘", "万科·翡翠山麓"),          # 麓 ends estates' names
    ("京北领峰&#8226;云杉苑本周加推", "领峰&#8226;云杉苑"),  # the mark as some feeds leave it escaped; a developer no list holds
])
def test_a_developer_a_joining_mark_and_the_estate_are_one_estate(sentence, estate):
    assert estate in [text for text, _label in _ents(sentence)]


def test_a_joined_foreign_name_is_still_a_person():
    assert ("皮特·鲍泰利", "PERSON") in _ents("皮特·鲍泰利加盟新球队")


def test_a_branch_named_by_its_estate_is_neither_the_company_nor_a_place():
    ents = _ents("中介门店：万科紫台店成交回暖")
    assert ("万科", "ORG") not in ents
    assert not any(text.endswith("店") for text, _label in ents)


@pytest.mark.parametrize("sentence,company", [
    ("合景泰富上半年销售额增长三成", "合景泰富"),   # not 景泰 the county
    ("九龙仓拿下杭州地块", "九龙仓"),               # not 九龙
])
def test_developers_jieba_reads_as_places(sentence, company):
    assert (company, "ORG") in _ents(sentence)
