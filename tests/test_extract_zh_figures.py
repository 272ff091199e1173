"""Extract stage, issue 14 (session extract9zh): Chinese numbers and dates the rules missed -- years
written with 年 after a Chinese character (宁夏2010年) or with two digits and a leading zero (09年),
ages, shares, index points, discounts, weights and screen sizes.  Sentences written for these tests,
each with negatives (each positive fails with its rule taken out)."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _facts(text: str):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    x = extract(doc, Segment(start=0, end=len(text), text=text), "zh")
    return [(m.text, m.iso, m.precision) for m in x.dates], [(n.text, n.value, n.unit) for n in x.numbers]


@pytest.mark.parametrize("sentence,want", [
    # a year with 年 right after a Chinese character (a Latin letter before the digits still makes a name)
    ("宁夏2010年高招录取工作结束", [("2010年", "2010", "year")]),
    ("西北大学2009年招生简章公布", [("2009年", "2009", "year")]),
    ("型号A2010年内上市", []),
    # two digits with their leading zero are a year of this century, not a number of years
    ("上投摩根09年投资策略出炉", [("09年", "2009", "year")]),
])
def test_chinese_years(sentence, want):
    dates, numbers = _facts(sentence)
    assert dates == want and not [n for n in numbers if n[2] == "years"]


@pytest.mark.parametrize("sentence,want", [
    ("19岁少女获救", [("19岁", 19.0, "years")]),
    ("三岁男孩走失", [("三岁", 3.0, "years")]),
    ("大洋集团回购6万股", [("6万股", 60000.0, "shares")]),
    ("沪指收涨报2000点", [("2000点", 2000.0, "points")]),
    ("现房全款96折", [("96折", 96.0, "percent")]),
    ("留学一年瘦了40斤", [("一年", 1.0, "years"), ("40斤", 40.0, "jin")]),  # one year abroad: a duration (extract10zh)
    ("42寸液晶电视降价", [("42寸", 42.0, "inches")]),
    # negatives: a time of day, a one-digit discount, words that open with these characters
    ("下午3点召开会议", []),
    ("全场8折优惠", [("8折", 80.0, "percent")]),  # one digit: tenths of the price paid, as 96折 is hundredths
    ("股东大会召开", []),
    ("姚明20+10岁月恐成历史", []),
])
def test_chinese_units(sentence, want):
    assert _facts(sentence)[1] == want


@pytest.mark.parametrize("sentence,want", [
    # a noun counted after the number (and a measure word): its English unit
    ("华泰证券新增代销4基金", [("4基金", 4.0, "funds")]),
    ("仍有500万用户受威胁", [("500万用户", 5000000.0, "users")]),
    ("1210万像素入门卡片", [("1210万像素", 12100000.0, "pixels")]),
    ("易建联砍下10个篮板", [("10个篮板", 10.0, "rebounds")]),
    # 名 counts people whatever the noun (FORMAT.md); an ordinal is no count
    ("5名学生受伤", [("5名", 5.0, "people")]),
    ("第3基金发行", []),
    # magnitudes before an earthquake word; a half after a duration
    ("印尼发生6.4级地震", [("6.4级", 6.4, "magnitude")]),
    ("男子获刑2年半", [("2年半", 2.5, "years")]),
    ("门前有3级台阶", []),
])
def test_chinese_counted_nouns(sentence, want):
    assert _facts(sentence)[1] == want
