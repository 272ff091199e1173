"""Extract stage, issue 14 (session extract8): names no list held -- Chinese companies and housing estates
named by the word for their kind, model codes after makers, one-character countries opening a clause,
transliterated people -- and the gazetteer's sports, companies and regions lists.  Sentences written for these tests,
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
    ("北二环府上嘉园在售", [("府上嘉园", "FAC")]),
    ("澳门金来大厦发生火警", [("澳门", "GPE"), ("金来大厦", "FAC")]),
    # negatives: ordinary words before the kind word (城市/ns is frequent; 幸福, 人民 are plain nouns)
    ("城市花园建设加快", []),
    ("幸福家园里的故事", []),
    ("人民大厦前的广场", []),
])
def test_housing_estates(sentence, want):
    assert _facts(sentence)[0] == want


@pytest.mark.parametrize("sentence,want", [
    # global companies and products (gazetteer companies.tsv), English and Chinese
    ("The deal with Time Warner was signed, Sony said.", [("Time Warner", "ORG"), ("Sony", "ORG")]),
    ("Novell will ship Linux desktops.", [("Novell", "ORG"), ("Linux", "PRODUCT")]),
    # negative: a surname that is also a maker's short name stays the person's
    ("Harrison Ford met the press.", [("Harrison Ford", "PERSON")]),
])
def test_companies_en(sentence, want):
    assert _en(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("索尼与雅虎宣布合作，丰田和本田销量上升。", [("索尼", "ORG"), ("雅虎", "ORG"), ("丰田", "ORG"), ("本田", "ORG")]),
    # negative: short names that are ordinary words (大众 the public, 现代 modern) are not in the list
    ("大众关心的问题得到解决，现代社会发展迅速。", []),
])
def test_companies_zh(sentence, want):
    assert _facts(sentence)[0] == want


def test_regions():
    # first-level regions of other countries (gazetteer regions.tsv; GeoNames gives countries, US states, cities)
    assert _en("Floods hit Kerala and Karnataka while Goa stayed dry.") == [("Kerala", "GPE"), ("Karnataka", "GPE"), ("Goa", "GPE")]
    assert _facts("车臣和达吉斯坦发生冲突。")[0] == [("车臣", "GPE"), ("达吉斯坦", "GPE")]


@pytest.mark.parametrize("sentence,want", [
    # a model code after a maker the gazetteer knows: the code is the product, the maker stays the organisation
    ("再战佳能5D II 尼康D700豪华套装", [("佳能", "ORG"), ("5D II", "PRODUCT"), ("尼康", "ORG"), ("D700", "PRODUCT")]),
    ("佳能EOS 5D MarkII热销", [("佳能", "ORG"), ("EOS 5D MarkII", "PRODUCT")]),
    # negatives: a measure after the maker (4G memory, 42 inches) is no model
    ("戴尔4G内存促销", [("戴尔", "ORG")]),
    ("海信42寸液晶降价", [("海信", "ORG")]),
])
def test_model_codes_after_makers(sentence, want):
    assert _facts(sentence)[0] == want


def test_indices_and_games():
    # market indices are products (as the labelled sets write them); multi-sport games are events
    assert _facts("权重股拖累沪指再失2000点，亚运会开幕")[0] == [("沪指", "PRODUCT"), ("亚运会", "EVENT")]
    assert _en("The Dow Jones Industrial Average rose as the Olympics opened.") == [
        ("Dow Jones Industrial Average", "PRODUCT"), ("Olympics", "EVENT")]


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
    ("他在美读书", []),
])
def test_country_opening_a_clause(sentence, want):
    assert _facts(sentence)[0] == want
