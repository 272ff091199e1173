"""Extract stage, issue 14 (session extract8): names no list held -- Chinese companies and housing estates
named by the word for their kind, model codes after makers, one-character countries opening a clause,
transliterated people -- and the gazetteer's sports and regions lists.  Sentences written for these tests,
each rule with negatives (each positive fails with its rule taken out)."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _facts(text: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    x = extract(doc, Segment(start=0, end=len(text), text=text), "zh")
    return [(e.text, e.label) for e in x.entities], [(a.text, a.cue) for a in x.attributions]


@pytest.mark.parametrize("sentence,want", [
    # a name word (or a word jieba's dictionary lacks) and a company word of its own
    ("华信证券发布了年度报告。", [("华信证券", "ORG")]),
    ("明德药业进军海外市场", [("明德药业", "ORG")]),
    # negatives: a sector written with plain nouns; words that only end in a company word
    ("金融地产板块走强", []),
    ("煤炭地产继续领跌", []),
    ("房地产市场趋于平稳", []),
    ("双保险机制启动", []),
    # the same in traditional characters: 銀行, 電子 are dictionary words once folded to simplified
    ("銀行地產板塊走強", []),
    ("電子藥業進軍海外", []),
])
def test_company_words(sentence, want):
    assert _facts(sentence)[0] == want


def _en(text: str) -> list[tuple[str, str]]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return [(e.text, e.label) for e in extract(doc, Segment(start=0, end=len(text), text=text), "en").entities]


@pytest.mark.parametrize("sentence,want", [
    # clubs, leagues and sports bodies (gazetteer sports.tsv), Chinese short names included
    ("湖人客场击败凯尔特人，篮网输给尼克斯。", [("湖人", "ORG"), ("凯尔特人", "ORG"), ("篮网", "ORG"), ("尼克斯", "ORG")]),
    ("国米主帅称球队将在意甲争冠。", [("国米", "ORG"), ("意甲", "ORG")]),
    # negatives: short names that are ordinary words are not in the list
    ("火箭发射成功，太阳照常升起，勇士归来。", []),
])
def test_sports_names_zh(sentence, want):
    assert _facts(sentence)[0] == want


def test_sports_names_en():
    assert _en("The Lakers beat the Celtics as Manchester City drew with Real Madrid in the Champions League.") == [
        ("Lakers", "ORG"), ("Celtics", "ORG"), ("Manchester City", "ORG"), ("Real Madrid", "ORG"), ("Champions League", "EVENT")]


@pytest.mark.parametrize("sentence,want", [
    # foreign people written with transliteration characters the set lacked (齐, 隆, 墨)
    ("萨科齐访问印度。", [("萨科齐", "PERSON"), ("印度", "GPE")]),
    ("阿隆索赢得了比赛。", [("阿隆索", "PERSON")]),
    ("墨菲加盟新球队。", [("墨菲", "PERSON")]),
    # negatives: ordinary words made with the same characters
    ("典礼隆重举行，场面美丽壮观。", []),
    ("登山队员齐心协力。", []),
])
def test_more_transliteration_characters(sentence, want):
    assert _facts(sentence)[0] == want


@pytest.mark.parametrize("sentence,want", [
    # a housing estate: a name and the word for its kind (公馆, 家园, 大厦 ...); a district, ring road or
    # known place before it stays apart
    ("丰台同馨家园本月开盘", [("丰台", "GPE"), ("同馨家园", "FAC")]),
    ("北二环府上嘉园在售", [("北二环", "FAC"), ("府上嘉园", "FAC")]),  # a ring road is a facility of its own (extract10zh)
    ("澳门金来大厦发生火警", [("澳门", "GPE"), ("金来大厦", "FAC")]),
    # negatives: ordinary words before the kind word (城市/ns is frequent; 幸福, 人民 are plain nouns)
    ("城市花园建设加快", []),
    ("幸福家园里的故事", []),
    ("人民大厦前的广场", []),
])
def test_housing_estates(sentence, want):
    assert _facts(sentence)[0] == want


def test_regions():
    # first-level regions of other countries (gazetteer regions.tsv; GeoNames gives countries, US states, cities)
    assert _en("Floods hit Kerala and Karnataka while Goa stayed dry.") == [("Kerala", "GPE"), ("Karnataka", "GPE"), ("Goa", "GPE")]
    assert _facts("车臣和达吉斯坦发生冲突。")[0] == [("车臣", "GPE"), ("达吉斯坦", "GPE")]


@pytest.mark.parametrize("sentence,want", [
    # a model code after a maker the gazetteer knows: the code is the product, the maker stays the organisation
    ("三星PL120相机降价", [("三星", "ORG"), ("PL120", "PRODUCT")]),
    ("联想X220促销", [("联想", "ORG"), ("X220", "PRODUCT")]),
    # negatives: a measure after the maker (4G memory, 42 inches) is no model
    ("联想4G内存促销", [("联想", "ORG")]),
    ("三星42寸液晶降价", [("三星", "ORG")]),
])
def test_model_codes_after_makers(sentence, want):
    assert _facts(sentence)[0] == want


def test_multi_sport_games():
    assert _facts("亚运会开幕，奥运临近")[0] == [("亚运会", "EVENT"), ("奥运", "EVENT")]
    assert _en("The Olympics opened.") == [("Olympics", "EVENT")]


def test_english_clubs():
    # clubs not named after their city alone, by full name and by a nickname that is no ordinary word
    assert _en("Colts quarterback Peyton Manning beat the Chargers, and Everton drew with Aston Villa.") == [
        ("Colts", "ORG"), ("Peyton Manning", "PERSON"), ("Chargers", "ORG"), ("Everton", "ORG"), ("Aston Villa", "ORG")]


@pytest.mark.parametrize("sentence,want", [
    # a one-character country name as the subject opening a clause, before a verb, adverb or preposition
    ("美撤离部分使馆人员", [("美", "GPE")]),
    ("英拟调整签证政策", [("英", "GPE")]),
    # negatives: the same character opening a longer word, or not opening the clause
    ("美女主播走红", []),
    ("美丽乡村建设", []),
    ("法院判决生效", []),
    ("他在美读书", [("美", "GPE")]),  # not opening the clause, but after 在 (test_extract_zh_places: a word of going)
])
def test_country_opening_a_clause(sentence, want):
    assert _facts(sentence)[0] == want
