"""Extract stage, issue 14 (session zhnames19): Chinese names of kinds the rules missed -- Japanese names, two-character
and rare surnames, names called with 阿, clubs' nicknames, games, one-character countries before more side words, a
foreign name after a role whatever jieba's tag, a foreign town facing a club.  Sentences written for these tests,
each group with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _ents(text: str):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    x = extract(doc, Segment(start=0, end=len(text), text=text), "zh", fallback_date="2024-05-15")
    return [(e.text, e.label) for e in x.entities]


@pytest.mark.parametrize("sentence,name", [
    ("福原爱晋级女单八强", "福原爱"),              # surname, then one character that ends given names
    ("浅田真央赛后落泪", "浅田真央"),              # jieba cuts 浅/田/真央
    ("内田笃人伤愈归队", "内田笃人"),
    ("木村拓哉主演新剧", "木村拓哉"),              # one jieba word opening with the surname
])
def test_japanese_names(sentence, name):
    assert (name, "PERSON") in _ents(sentence)


@pytest.mark.parametrize("sentence,not_a_person", [
    ("山本表示将辞职", "山本表示"),                # a common word after the surname is no given name
    ("田中称不满", "田中称"),
])
def test_japanese_surname_before_a_plain_word(sentence, not_a_person):
    assert all(text != not_a_person for text, _label in _ents(sentence))


@pytest.mark.parametrize("sentence,name", [
    ("欧阳夏丹主持元宵晚会", "欧阳夏丹"),          # 欧阳/ns 夏丹/nr
    ("上官云珠的电影人生", "上官云珠"),
    ("蒿俊闵伤愈复出", "蒿俊闵"),                  # a rare surname jieba tags with its given name
    ("阿娇复出拍戏", "阿娇"),                      # a name called with 阿 jieba's dictionary lacks
])
def test_surnames_the_common_list_lacks(sentence, name):
    assert (name, "PERSON") in _ents(sentence)


def test_kinship_words_with_a_are_no_names():
    assert ("阿姨", "PERSON") not in _ents("阿姨每天早上去菜场买菜")


@pytest.mark.parametrize("sentence,club", [
    ("红魔客场取胜 鲁尼梅开二度", "红魔"),
    ("枪手主帅赛后表示满意", "枪手"),
    ("英超：蓝军三球大胜 兰帕德破门", "蓝军"),     # 蓝军/nr: not a person either
    ("蓝黑军团客场告负", "蓝黑军团"),              # a run of jieba words
    ("火箭新秀表现抢眼", "火箭"),                  # a basketball word in the story
])
def test_club_names_in_a_story_about_the_game(sentence, club):
    ents = _ents(sentence)
    assert (club, "ORG") in ents
    assert (club, "PERSON") not in ents


@pytest.mark.parametrize("sentence,word", [
    ("枪手闯入超市开枪 三人受伤", "枪手"),
    ("演习中蓝军获胜", "蓝军"),
    ("火箭发射成功 卫星进入轨道", "火箭"),
])
def test_nicknames_outside_sport_are_words(sentence, word):
    assert (word, "ORG") not in _ents(sentence)


def test_a_foreign_town_facing_a_club_is_the_club():
    assert ("美因茨", "ORG") in _ents("德甲：多特蒙德客场2-0美因茨")


@pytest.mark.parametrize("sentence,product", [
    ("英雄联盟新版本今日上线", "英雄联盟"),
    ("魔兽争霸3地图大赛开幕", "魔兽争霸3"),        # the number in the series
    ("星际争霸12周年纪念活动", "星际争霸"),        # a count of years is no part of the title
])
def test_games(sentence, product):
    assert (product, "PRODUCT") in _ents(sentence)


@pytest.mark.parametrize("sentence,country", [
    ("韩片将推导演剪辑版", "韩"),
    ("美专家：经济明年将复苏", "美"),
    ("日外相召见中国大使", "日"),                  # one jieba word opening a clause
])
def test_one_character_countries_before_side_words(sentence, country):
    ents = _ents(sentence)
    assert (country, "GPE") in ents
    assert not any(label == "ORG" and text.startswith(country) and len(text) > 1 for text, label in ents)


@pytest.mark.parametrize("sentence", ["中片市场回暖", "今日外相会谈"])
def test_no_country_from_chinese_films_or_today(sentence):
    assert not any(label == "GPE" for _text, label in _ents(sentence))


def test_a_foreign_name_after_a_role_whatever_its_tag():
    assert ("阿德尔曼", "PERSON") in _ents("火箭主帅阿德尔曼赛后表示")


def test_a_verb_and_a_plain_word_after_a_role_are_no_person():
    assert not any(label == "PERSON" for _text, label in _ents("专家谈流感 教授谈养生"))


def test_a_nickname_in_the_lists_and_the_country_it_opens():
    assert ("阿联", "PERSON") in _ents("阿联砍下20分 篮网客场取胜")
    ents = _ents("阿联酋航空开通新航线")
    assert ("阿联", "PERSON") not in ents
