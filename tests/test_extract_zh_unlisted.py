"""Extract stage, issue 14 (session extract10zh): Chinese names, numbers and dates no list holds --
Latin-script names inside Chinese text, facilities and villages by their kind word, ring roads, county
names jieba reads as plain nouns, companies by their sector word, one-character countries; money with
the yuan left out, counted nouns after Chinese numerals, measures; months in numerals, relative weeks
and months, bare days, quarters, fiscal years and festivals.  Sentences written for these tests, each
group with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _x(text: str):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return extract(doc, Segment(start=0, end=len(text), text=text), "zh", fallback_date="2024-05-15")


def _ents(text: str):
    return [(e.text, e.label) for e in _x(text).entities]


@pytest.mark.parametrize("sentence,want", [
    ("传Zynga将收购一家游戏公司", [("Zynga", "ORG")]),
    ("MSCI宣布调整指数成分", [("MSCI", "ORG")]),
    ("Opera浏览器推出新版", [("Opera", "PRODUCT")]),
    ("用户可以在iPad上阅读", [("iPad", "PRODUCT")]),
    ("XYZ软件完成新一轮融资", [("XYZ软件", "ORG")]),
    # common abbreviations, codes and Latin words in English text are no names here
    ("公司CEO表示GDP增长放缓 5G手机与APP", []),
    ("型号HD200已经停产", []),
])
def test_latin_names_in_chinese_text(sentence, want):
    assert [e for e in _ents(sentence) if e[0].isascii() or "软件" in e[0]] == want


def test_latin_name_in_english_text_is_left_to_the_english_rules():
    from sinodesk.stages.extract import default_resources
    from sinodesk.stages.extract.zh_context import latin_names

    text = "The firm Zynga said 中国 was a market."
    assert latin_names(text, 0, len(text), [], default_resources().gazetteer) == []


@pytest.mark.parametrize("sentence,want", [
    ("游客涌入杭州河坊街", ("河坊街", "FAC")),
    ("市民在泉城广场跳舞", ("泉城广场", "FAC")),
    ("东莞石排村发生火灾", ("石排村", "GPE")),
    ("车辆驶上东四环后拥堵", ("东四环", "FAC")),
    ("大风吹倒了潮白河大桥的护栏", ("潮白河大桥", "FAC")),
])
def test_facilities_villages_and_ring_roads(sentence, want):
    assert want in _ents(sentence)


@pytest.mark.parametrize("sentence", ["他走在马路上", "公交车站人很多", "这座桥很长", "喝一杯水", "道路维修", "去农村"])
def test_plain_words_ending_in_a_facility_word_are_no_names(sentence):
    assert _ents(sentence) == []


def test_county_jieba_reads_as_a_noun_opens_a_headline():
    assert ("房山", "GPE") in _ents("房山新盘加推200套")
    assert _ents("灯塔下的人") == []


def test_company_by_sector_word_not_after_a_place():
    assert ("汇博电子", "ORG") in _ents("汇博电子发布年报")
    assert not [e for e in _ents("中国投资增长放缓") if e[1] == "ORG"]


@pytest.mark.parametrize("sentence,want", [
    ("意媒称球队将换帅", ("意", "GPE")),
    ("英王访问加拿大", ("英", "GPE")),
    ("学生赴澳读研人数增加", ("澳", "GPE")),
])
def test_one_character_countries(sentence, want):
    assert want in _ents(sentence)


def test_one_character_country_words_that_are_plain_words():
    assert _ents("我同意他的意见") == [] and _ents("王国的故事") == []


@pytest.mark.parametrize("sentence,want", [
    ("王妃出席活动", []), ("高二学生参加考试", []), ("他很有范儿", []),
])
def test_titles_and_school_years_are_no_people(sentence, want):
    assert [e for e in _ents(sentence) if e[1] == "PERSON"] == want


def _nums(text: str):
    return [(n.text, n.value, n.unit) for n in _x(text).numbers]


@pytest.mark.parametrize("sentence,want", [
    ("购房送8万", [("8万", 80000.0, "CNY")]),
    ("5200亿资金流入", [("5200亿", 520000000000.0, "CNY")]),
    ("新盘均价26500", [("26500", 26500.0, "CNY")]),
    ("球员身价800万", [("800万", 8000000.0, None)]),  # no word of money: the currency is unknown
    ("每股派息8港仙", [("8港仙", 0.08, "HKD")]),
    ("90平两居室", [("90平", 90.0, "square metres")]),
    ("公司成立20周年", [("20周年", 20.0, "years")]),
    ("身高185公分", [("185公分", 185.0, "cm")]),
    ("三专业停招", [("三专业", 3.0, "majors")]),
    ("百名学生", [("百名", 100.0, "people")]),
    ("他一天没吃饭", [("一天", 1.0, "days")]),
    ("这一天终于来了", []),
    ("一年一度的盛会", []),
    ("首募超50亿", [("超50亿", 5000000000.0, "CNY")]),
])
def test_chinese_numbers(sentence, want):
    assert _nums(sentence) == want


def _dates(text: str):
    return [(d.text, d.iso, d.precision) for d in _x(text).dates]


@pytest.mark.parametrize("sentence,want", [
    ("他们十月结婚", [("十月", "2023-10", "month")]),
    ("项目三月份动工", [("三月份", "2024-03", "month")]),
    ("新楼盘年底交房", [("年底", "2024", "year")]),
    ("上半年利润增长", [("上半年", "2024-01/2024-06", "month")]),
    ("总统下月访华", [("下月", "2024-06", "month")]),
    ("比赛下周六举行", [("下周六", "2024-05-25", "day")]),
    ("油价12日上涨", [("12日", "2024-05-12", "day")]),
    ("会议13日至14日举行", [("13日至14日", "2024-05-13/2024-05-14", "day")]),
    ("三季度净利增长", [("三季度", "2024-07/2024-09", "quarter")]),
    ("公司前三季度营收", [("前三季度", "2024-01/2024-09", "quarter")]),
    ("2012财年预算", [("2012财年", "2012", "year")]),
    ("情人节鲜花涨价", [("情人节", "2024-02-14", "day")]),
    ("中秋节月饼热销", [("中秋节", "2024", "year")]),  # a lunar festival: its year only
    # not dates: a season of the year, a month count, an anniversary, the 3rd (ordinal)
    ("四季生产", []), ("一月一次", []), ("成立十周年", []), ("第3日", []),
])
def test_chinese_dates(sentence, want):
    assert _dates(sentence) == want


def test_a_bare_day_the_month_it_falls_in_does_not_have_is_no_date():
    """Read on 8 March, "30日" is well after the story's day, so last month's -- and February has no 30th:
    no date, and the story is extracted (this stopped the whole story with a TypeError)."""
    text = "美小麦30日收盘全线重挫，9月合约跌幅8.9%。"
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    got = extract(doc, Segment(start=0, end=len(text), text=text), "zh", fallback_date="2024-03-08")
    assert [(d.text, d.iso) for d in got.dates] == [("9月", "2023-09")]
    got = extract(doc, Segment(start=0, end=len(text), text=text), "zh", fallback_date="2024-03-31")
    assert ("30日", "2024-03-30") in [(d.text, d.iso) for d in got.dates]


@pytest.mark.parametrize("sentence,want", [
    ("北京大学光华管理学院发布报告", ("北京大学光华管理学院", "ORG")),
    ("美国退出巴黎协定", ("巴黎协定", "LAW")),
    ("违反日内瓦公约", ("日内瓦公约", "LAW")),
])
def test_bodies_and_laws_named_by_their_kind_word(sentence, want):
    assert want in _ents(sentence)


@pytest.mark.parametrize("sentence", ["公共管理学院的学生", "遵守行为准则", "签署贸易协定"])
def test_kind_words_without_a_place_or_body_are_no_names(sentence):
    assert _ents(sentence) == []


# Session extract11zh: government bodies with their place (one ORG over the whole span, the lead's decision
# on the gold convention), places and a known province before the body's own place
@pytest.mark.parametrize("sentence,want", [
    ("浙江人大常委会通过一批任免", ("浙江人大常委会", "ORG")),
    ("近日，浙江温岭市纪委通报了一起案件", ("浙江温岭市纪委", "ORG")),
    ("益阳市委书记瞿海认为", ("益阳市委", "ORG")),
    ("意大利参议院周二展开辩论", ("意大利参议院", "ORG")),
    ("罗马尼亚政府欲改名", ("罗马尼亚政府", "ORG")),
    ("长沙市中级人民法院作出判决", ("长沙市中级人民法院", "ORG")),
    ("深圳警方破获一起案件", ("深圳警方", "ORG")),
])
def test_government_bodies_with_their_place(sentence, want):
    got = _ents(sentence)
    assert want in got
    assert not any(label == "GPE" and text in want[0] for text, label in got)


@pytest.mark.parametrize("sentence", ["各级政府要重视", "地方政府要求整改", "当地警方介入调查", "中央政府表示", "市政府门口"])
def test_government_words_without_a_named_place_are_no_bodies(sentence):
    assert not any(label == "ORG" for _, label in _ents(sentence))


def test_a_district_body_after_its_province_and_city_takes_only_the_district():
    assert _ents("安徽黄山市黄山区委召开会议") == [("安徽", "GPE"), ("黄山市", "GPE"), ("黄山区委", "ORG")]


@pytest.mark.parametrize("sentence,want", [
    ("理柏：QFII前三季度业绩升幅55%", ("理柏", "ORG")),  # a word jieba's dictionary lacks
    ("海利得：避开普通丝竞争做足差别化", ("海利得", "ORG")),  # characters it could not join
    ("陶短房：在加拿大买包能贵到多少钱", ("陶短房", "PERSON")),  # a surname cut off alone
    ("金百灵投资：静候IPO这只靴子", ("金百灵投资", "ORG")),  # a company word closes it
    ("洪波：楼市调控仍将持续", ("洪波", "PERSON")),
])
def test_a_name_opening_a_line_before_a_colon(sentence, want):
    assert want in _ents(sentence)


@pytest.mark.parametrize("sentence", ["专访：某位作家谈创作", "热点观察：楼市何去何从", "重磅出击：新品发布", "专家指导：如何填报志愿",
                                      "特别提醒：注意安全", "释解学生疑惑：留学怎么选"])
def test_a_phrase_before_a_colon_is_no_name(sentence):
    assert not any(text in sentence.split("：")[0] for text, _ in _ents(sentence))


def test_a_name_of_a_rare_surname_before_a_speech_verb_is_a_person():
    assert ("萨日娜", "PERSON") in _ents("萨日娜吐露演妈妈的秘籍")
    assert ("萨日娜", "PERSON") not in _ents("萨日娜的新作上映")  # no speech verb: nothing says "person"


def test_a_country_before_a_company_name_is_a_place_of_its_own():
    assert _ents("艾睿电子收购英国斯芬克斯公司")[-2:] == [("英国", "GPE"), ("斯芬克斯公司", "ORG")]
    assert [e for e in _x("韩国三星集团发布新机").entities if e.label == "ORG"][0].canonical == "org:samsung"
    assert ("美国公司", "ORG") not in _ents("不少美国公司撤出")  # companies of a country, none named


def test_a_name_found_once_is_found_again_in_the_story():
    text = "作家周立波写了这本书。多年后，周立波的故乡仍在。"
    assert [(e.text, e.start) for e in _x(text).entities if e.label == "PERSON"] == [("周立波", 2), ("周立波", 15)]


@pytest.mark.parametrize("sentence,name", [
    ("陈家乐表示，公司将继续投资。", "陈家乐"),  # jieba: 陈家/乐
    ("据徐海涛介绍，项目已经完工。", "徐海涛"),  # 徐海/涛 (a place otherwise)
    ("记者吴启明报道", "吴启明"),  # 吴启/明报/道
    ("市长黄子韬出席了会议", "黄子韬"),
    ("唐嫣称，目前情况稳定。", "唐嫣"),
    ("郑恺主席会见了代表团", "郑恺"),
])
def test_a_surname_and_given_name_jieba_split_between_name_contexts(sentence, name):
    assert (name, "PERSON") in _ents(sentence)


@pytest.mark.parametrize("sentence", ["高层表示将加大投入", "方面称问题已解决", "双方表示满意", "林业部门表示", "黄金价格称上涨",
                                      "马上表示同意", "何时宣布结果", "严重指出问题"])
def test_words_of_the_dictionary_before_a_speech_verb_are_no_people(sentence):
    assert not any(label == "PERSON" for _, label in _ents(sentence))


@pytest.mark.parametrize("sentence,want", [
    ("记者来到泉交河镇，看到居民正在清扫。", ("泉交河镇", "GPE")),  # jieba: 泉/交河/镇
    ("南洲街道发生一起火灾。", ("南洲街道", "GPE")),
    ("家住金桥小区的张先生说", ("金桥小区", "FAC")),
    ("白沙路发生一起火灾。", ("白沙路", "FAC")),
])
def test_places_by_their_kind_word(sentence, want):
    assert want in _ents(sentence)


@pytest.mark.parametrize("sentence", ["高档小区的房价上涨", "记者来到事发小区", "湿地公园开放了", "开发区建设加快", "走在路上",
                                      "在小区门口等候", "农村社区建设", "RTS星战之路开赛"])
def test_common_nouns_before_a_kind_word_are_no_places(sentence):
    assert not any(label in ("GPE", "FAC") for _, label in _ents(sentence))


@pytest.mark.parametrize("sentence,want", [
    ("投资者关注金百灵证券的业绩。", ("金百灵证券", "ORG")),  # jieba: 金/nr 百灵/n 证券
    ("据悉，理柏传媒已完成融资。", ("理柏传媒", "ORG")),  # a word jieba lacks
])
def test_companies_by_their_kind_word(sentence, want):
    assert want in _ents(sentence)


@pytest.mark.parametrize("sentence,not_a_name", [
    ("把钱存进银行", "钱存进银行"), ("分析称德克夏银行分拆", "称德克夏银行"), ("风险投资活跃", "风险投资"), ("到银行办理业务", "到银行"),
    ("该公司称业绩下滑", "该公司"),
])
def test_words_before_a_company_word_that_name_no_company(sentence, not_a_name):
    assert (not_a_name, "ORG") not in _ents(sentence)
