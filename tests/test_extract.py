"""Extract stage: provenance on every seed story, canonicalisation, numbers, dates, quality floors."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import ExtractOptions, extract
from tests.conftest import SEEDS, need_shared


def _doc(text: str, **kw) -> Document:
    return Document(doc_id="t", raw_id="t", source="t", kind="text", text=text, **kw)


def _run(text: str, language: str = "en", **kw):
    doc = _doc(text, **kw)
    return extract(doc, Segment(start=0, end=len(text), text=text), language)


def _seed_segments(path):
    from sinodesk.stages.clean import clean
    from sinodesk.stages.segment import segment

    text = path.read_text(encoding="utf-8")
    doc = _doc(text)
    segs = list(segment(clean(doc)))
    segs.append(Segment(start=0, end=len(text), text=text))  # whole document as one story too
    return doc, segs


def test_provenance_on_every_seed_story():
    paths = sorted(need_shared(SEEDS).glob("*.txt"))
    assert len(paths) >= 5
    checked = 0
    for path in paths:
        doc, segs = _seed_segments(path)
        for seg in segs:
            x = extract(doc, seg, "en")
            for m in (*x.entities, *x.attributions, *x.numbers, *x.dates):
                assert doc.text[m.start : m.end] == m.text, (path.name, m)
                assert seg.start <= m.start < m.end <= seg.end
                checked += 1
    assert checked > 500


def test_chinese_and_english_spellings_share_one_id():
    x = _run("习近平会见外宾。習近平指出合作重要。")
    y = _run("Xi Jinping met the envoy. President Xi said ties matter, and Xi left.")
    ids = {e.canonical for e in (*x.entities, *y.entities) if e.label == "PERSON"}
    assert ids == {"person:xi-jinping"}
    surfaces = {e.text for e in (*x.entities, *y.entities)}
    assert {"习近平", "習近平", "Xi Jinping", "President Xi", "Xi"} <= surfaces
    us = _run("The U.S. and the United States, or US, are one country.")
    assert {e.canonical for e in us.entities} == {"gpe:united-states"}


def test_xian_is_not_xi():
    x = _run("Officials in Xi'an said the plan was ready.")
    assert [e.canonical for e in x.entities] == ["gpe:xian"]


def test_romanised_names_and_surname_mentions_link():
    x = _run("Zhang Hanhui, the ambassador, told firms to act. Later, Zhang said more.")
    assert [(e.text, e.canonical) for e in x.entities] == [
        ("Zhang Hanhui", "person:zhang-hanhui"),
        ("Zhang", "person:zhang-hanhui"),
    ]
    zh = _run("外交部发言人毛宁表示，张汉晖大使出席。", "zh")
    assert "person:zhang-hanhui" in {e.canonical for e in zh.entities}


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("Exports reached 25.45 trillion yuan last year.", 2.545e13, "CNY"),
        ("The government approved $1.88 billion for minerals.", 1.88e9, "USD"),
        ("Exports increased by 7.1 percent year-on-year.", 7.1, "percent"),
        ("There were 1,466 attacks per organisation per week.", 1466, "attacks"),
        ("Attacks exceeded earlier levels by over 100 times.", 100, "times"),
        ("补贴总额为5.13亿元。", 5.13e8, "CNY"),
        ("约3万人参加。", 30000, "people"),
        ("Roads carried 196.71 million trips.", 196.71e6, "trips"),
    ],
)
def test_number_values_are_exact(sentence, value, unit):
    x = _run(sentence, "zh" if sentence[0] > "\u4e00" else "en")
    assert [(n.value, n.unit) for n in x.numbers] == [(value, unit)]


def test_years_dates_phones_ordinals_are_not_claims():
    x = _run("On March 3, 2024, the eighth round in 2023 allowed +86 numbers, said Article 14 of COVID-19 rules, at 8 a.m. on the 31st.")
    assert x.numbers == ()


def test_ranges_share_their_unit():
    x = _run("Subsidies ranged from 1,000 to 2,000 yuan.")
    assert [(n.text, n.value, n.unit) for n in x.numbers] == [("1,000", 1000.0, "CNY"), ("2,000 yuan", 2000.0, "CNY")]


def test_source_line_sets_published_outlet_and_relative_dates():
    text = "Beijing Reports Cases\n\nOn Thursday, officials said cases rose last year.\n\nSource: Epoch Times, March 28, 2022\nhttps://www.epochtimes.com/x"
    x = _run(text)
    assert (x.published, x.outlet_id) == ("2022-03-28", "epoch-times")
    assert [(d.text, d.iso) for d in x.dates] == [("Thursday", "2022-03-24"), ("last year", "2021"), ("March 28, 2022", "2022-03-28")]
    src = [a for a in x.attributions if a.cue == "Source:"]
    assert [(a.text, a.outlet_id) for a in src] == [("Epoch Times", "epoch-times")]


def test_fallbacks_doc_date_and_url_outlet():
    from sinodesk.pipeline import DocDates, story_date

    x = _run("A short story with no source line and no date. It happened on Friday.", published="2024-05-06",
             url="https://www.scmp.com/news/x")
    assert (x.published, x.outlet_id) == (None, "scmp")  # the story names no date of its own
    assert [(d.text, d.iso) for d in x.dates] == [("Friday", "2024-05-03")]  # read against the document's date
    assert story_date(DocDates("2024-05-06", None, "2030-01-01"), x) == ("2024-05-06", "container")
    assert story_date(DocDates(None, "2024-05-01", "2030-01-01"), x) == ("2024-05-01", "document")
    assert story_date(DocDates(None, None, "2030-01-01"), x) == ("2030-01-01", "ingested")


@pytest.mark.parametrize("line, own", [
    ("Tuesday, March 4, 2025", "2025-03-04"),  # a stamp line dates the story
    ("Posted: Wed, Apr 9, 2025 at 11: 47 AM EDT", "2025-04-09"),
    ("Published at 12: 45, Tuesday, 3 June 2025 | Updated 1: 32 pm", "2025-06-03"),
    ("HARBOUR CITY, Westland, May 6, 2025", "2025-05-06"),
    ("The singer was born in Riverton, Ohio, on May 2, 1931.", None),  # a birth date is no report date
    ("The coroner believes he died Sunday, June 1, 2025, of natural causes.", None),
    ("The company's fiscal quarter, which will end Jan. 31, 2026.", None),
])
def test_only_a_date_stamp_line_dates_an_undated_story(line, own):
    """A bare 'X, date' line dates the story only when what follows the comma is a date stamp
    (the date, a weekday, a clock time); a sentence that mentions a date is the story's text."""
    body = ("A singer whose songs topped the charts for a decade died on Sunday at a hospital, her family said.\n"
            f"{line}\nShe is survived by two daughters and a son.")
    assert _run(body).published == own


def test_container_date_wins_over_dates_in_the_text(tmp_path):
    """A feed item dated 2018-09-18 whose headline names 1931-09-18 keeps the feed's date."""
    from sinodesk.eval.harness import ingest_fresh

    feed = tmp_path / "f.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>September 18, 1931: the Mukden incident remembered</title><link>https://example.org/a</link>"
        "<pubDate>Tue, 18 Sep 2018 08:00:00 GMT</pubDate><description>On September 18, 1931, an explosion near "
        "Mukden was the pretext for the invasion. Ceremonies were held in Shenyang on Tuesday.</description></item>"
        "</channel></rss>", encoding="utf-8")
    text = tmp_path / "undated.txt"
    text.write_text("Port fees cut\n\nThe port authority in Tianjin said it would cut harbour fees by a tenth.\n", encoding="utf-8")
    run = ingest_fresh([feed, text])
    by = {s["source"]: s for s in run.stories}
    assert (by[str(feed)]["published"], by[str(feed)]["published_source"]) == ("2018-09-18", "container")
    import datetime as dt

    assert (by[str(text)]["published"], by[str(text)]["published_source"]) == (dt.date.today().isoformat(), "ingested")


def test_attribution_cues_and_outlet_links():
    text = (
        "According to cybersecurity firm XLab, attacks surged. Wang Youming, a research fellow, "
        "told the Global Times that ties were good. The MSS said in a WeChat post that spies were active. "
        "据新华社报道，会议召开。"
    )
    x = _run(text)
    got = [(a.text, a.cue, a.outlet_id) for a in x.attributions]
    assert ("XLab", "according to", "xlab") in got
    assert ("Wang Youming", "told", None) in got
    assert ("Global Times", "told", "global-times") in got
    assert ("MSS", "said", None) in got
    assert ("新华社", "据…报道", "xinhua") in got
    assert not any(a.text in ("The MSS", "a research fellow") for a in x.attributions)


def test_options_turn_fields_off():
    x = extract(_doc("Xi Jinping said exports rose 5 percent on Monday."), Segment(0, 50, ""), "en",
                ExtractOptions(entities=False, numbers=False, dates=False))
    assert (x.entities, x.numbers, x.dates) == ((), (), ())
    assert [a.text for a in x.attributions] == ["Xi Jinping"]


# The fast path rewrites several patterns so ``re`` can skip ahead (see stages/extract/scan.py);
# these tests pin each rewrite to the plain spelling it replaces, on text built to hit the
# edge cases (word boundaries, text start/end, lower-case aliases, two-word fillers).
_EDGE_TEXT = (
    "said the Pentagon. He said, and Xi Jinping also has said that 5 the White House reported; "
    "iPhone sales rose over 12 percent (Table 5) while Chinese exports, Article 14, reached "
    "2,000 yuan at least in March 2024 and on Thursday. The Ministry of State Security warned "
    "Zhang Wei, spokesperson Mao Ning continued  to say data from XLab, the Party, Xi'an said"
)


def test_fast_gazetteer_scan_matches_single_pattern():
    from sinodesk.stages.extract import default_resources

    gaz = default_resources().gazetteer
    for text in (_EDGE_TEXT, "The Pentagon and the White House met.", "Central bank Beijing"):
        for s0 in (0, 1, 5):
            e0 = len(text)
            plain = [(m.span(), m.group()) for m in gaz._latin.finditer(text, s0, e0)]
            assert [(m.span(), m.group()) for m in gaz._latin_matches(text, s0, e0)] == plain


def test_fast_cue_scans_match_plain_patterns():
    import re

    from sinodesk.stages.extract.attribution import cues as A
    from sinodesk.stages.extract.gazetteer import trie_regex

    cue = re.compile(r"\b(" + trie_regex(A._SPEECH.split("|")) + r")\b")
    said = re.compile(r"\b(said|added|says|noted|explained|continued|wrote)\s+")
    for text in (_EDGE_TEXT, "said it", "x said", "continued said noted"):
        for s0 in range(0, 6):
            e0 = len(text)
            cues = A._cue_verbs(text, s0, e0)
            assert cues == [(m.start(1), m.end(), m.group(1)) for m in cue.finditer(text, s0, e0)]
            assert A._said_before_name(text, s0, e0, cues) == [(m.end(), m.group(1)) for m in said.finditer(text, s0, e0)]
    adverbs = re.compile(r"(?:(?:" + "|".join(A._ADVERB_WORDS) + r") )*$")
    for text in ("It has also said", "reportedly first said", "xalso then said", "said"):
        cue_at = text.rfind("said")
        for lo in {0, min(3, cue_at)}:
            assert A._adverbs_start(text, lo, cue_at) == adverbs.search(text, lo, cue_at).start()


def test_fast_number_helpers_match_plain_patterns():
    import re

    from sinodesk.stages.extract import numbers as N

    core = re.compile(rf"(?<![\w+#/.])(?<![A-Za-z][-.])(?P<num>{N._NUM})(?![\d])")
    assert [m.span() for m in N._CORE.finditer(_EDGE_TEXT)] == [m.span() for m in core.finditer(_EDGE_TEXT)]
    for clause in (" exports rose by", " prices were at least", "Growth of", " it  has dropped to", " the price of the", ""):
        assert N._strip_trail(clause) == N._SUBJ_TRAIL.sub("", clause), clause
    for before in ("Article ", "see Table\n", "Table\n\n", "Unit-", "pp.", "COVID-", "the", "Su"):
        assert N._id_before(before) == bool(N._ID_BEFORE.search(before)), before


def test_fast_date_candidates_match_plain_scan():
    from sinodesk.stages.extract import dates as D
    from sinodesk.stages.extract.scan import finditer_at

    text = _EDGE_TEXT + " 12 March, 2024-03-05, 2024年3月5日, 去年3月, yesterday, last week, Mon 4th June"
    assert [m.span() for m in finditer_at(D._CAND, D._RX, text, 0, len(text))] == [m.span() for m in D._RX.finditer(text)]
    no_lower = text.replace("yesterday", "Monday").replace("last week", "in May").replace("this year", "")
    assert not any(w in no_lower for w in D._LOWER_STARTS)
    got = [m.span() for m in finditer_at(D._CAND_NO_LOWER, D._RX, no_lower, 0, len(no_lower))]
    assert got == [m.span() for m in D._RX.finditer(no_lower)]


# --- Rules added for the held-out misses (examples written for these tests) ---------------


def _ids(x):
    return {e.canonical for e in x.entities}


def _sources(x):
    return [a.text for a in x.attributions]


def test_entity_spans_stop_at_sentence_ends_and_possessives():
    x = _run("Officials met at the Ministry of Public Security. In Shanghai, Macau's Legislative Assembly voted.")
    ids = _ids(x)
    assert all(". In" not in e.text for e in x.entities)
    assert "org:ministry-of-public-security" in ids
    assert any(e.text == "Legislative Assembly" for e in x.entities)
    assert not any(e.text.startswith("Macau's") for e in x.entities)


def test_coordinated_organisations_are_split_but_compound_names_kept():
    x = _run("The notice came from the Central Military Commission and the State Council on Friday.")
    texts = {e.text for e in x.entities}
    assert "State Council" in texts and not any(" and " in t for t in texts)
    y = _run("The Ministry of Industry and Information Technology set new rules.")
    assert "org:miit" in _ids(y) or any(e.text == "Ministry of Industry and Information Technology" for e in y.entities)


def test_title_case_headline_makes_no_org_phrase():
    x = _run("Lenovo and Xiaomi Launch Joint Retail Network\n\nThe two firms said the plan covers 40 cities.")
    assert not any("Launch" in e.text for e in x.entities)


def test_unknown_person_in_speech_construction_is_person_and_source():
    x = _run("Exports will slow next year, said Maya Okonkwo, an economist at Goldman Sachs.")
    assert "person:maya-okonkwo" in _ids(x) and "Maya Okonkwo" in _sources(x)
    y = _run("Daniel Brenner, chief strategist at UBS, said the yuan would weaken.")
    assert "person:daniel-brenner" in _ids(y) and "Daniel Brenner" in _sources(y)
    z = _run("The White House said on Monday that talks would resume.")
    assert not any(e.canonical.startswith("person:") for e in z.entities)


def test_broadened_gazetteer_categories():
    x = _run("Vivo and Verizon were named; Morgan Stanley and the Enforcement Directorate commented, and PlugX was found.")
    assert {"org:vivo", "org:verizon", "org:morgan-stanley", "org:enforcement-directorate", "malware:plugx"} <= _ids(x)
    y = _run("安天称，海莲花组织近期活跃。中国科学院和蔚来也被提及。", "zh")
    assert {"threat-actor:oceanlotus", "org:antiy", "org:nio"} <= _ids(y)


def test_chinese_attribution_with_a_day_and_adverbial_gap():
    x = _run("商务部12日在例行发布会上表示，将继续扩大开放。", "zh")
    assert "商务部" in _sources(x)
    y = _run("海关总署3月8日发布数据称，出口增长。", "zh")
    assert "海关总署" in _sources(y)


def test_chinese_guesses_need_context_and_places_are_not_people():
    x = _run("代表团随后飞往夏威夷，并将在关岛停留。", "zh")
    ids = _ids(x)
    assert "gpe:hawaii" in ids and not any(i.startswith("person:") for i in ids)
    y = _run("中国科学院发布报告。", "zh")
    assert "gpe:china" not in _ids(y)


def test_chinese_government_body_with_its_place_is_one_organisation_and_customs():
    # a government body named with its place is one organisation mention over the whole span (the
    # gold convention: 深圳市政府, 浙江省委, 台湾当局), whose id names the place and the body in English,
    # apart by "--"; the linker reads the place back from the id (org_place), never from a curated id.  "海关" is the customs administration,
    # not a place
    from sinodesk.stages.extract.zh_bodies import org_place

    text = "深圳市政府推出平台。浙江省委表示支持。台湾当局回应。海关数据显示出口下降。"
    x = _run(text, "zh")
    got = [(text[e.start:e.end], e.label, e.canonical) for e in x.entities]
    assert ("深圳市政府", "ORG", "org:shenzhen--government") in got
    assert ("浙江省委", "ORG", "org:zhejiang--party-committee") in got
    assert ("台湾当局", "ORG", "org:taiwan--authorities") in got
    assert not any(label == "GPE" for _, label, _ in got)  # no place mention inside the organisations
    assert ("海关", "ORG", "org:general-administration-of-customs") in got
    assert [org_place(c) for _, _, c in got[:3]] == ["gpe:shenzhen", "gpe:zhejiang", "gpe:taiwan"]
    assert org_place("org:general-administration-of-customs") is None and org_place("gpe:shenzhen") is None
    assert org_place("org:us-congress") is None and org_place("org:hong-kong-government") is None
    from sinodesk.stages.extract.gazetteer import display_name

    assert display_name({}, "org:shenzhen--government") == "Shenzhen Government"  # a source's name, read from the id


def test_export_controlled_minerals_share_one_id_across_languages():
    zh = _ids(_run("商务部表示，镓和锗产品出口商必须申报最终用户。", "zh"))
    en = _ids(_run("Exporters of gallium and germanium products must report end users, the Ministry of Commerce said."))
    assert {"product:gallium", "product:germanium", "org:ministry-of-commerce"} <= zh & en


def test_crore_lakh_and_head_noun_units():
    x = _run("The agency seized assets worth 1,234 crore rupees and 5 lakh rupees; 42 delegates present voted.")
    got = {(n.value, n.unit) for n in x.numbers}
    assert (12340000000.0, "INR") in got and (500000.0, "INR") in got and (42.0, "delegates") in got


def test_chinese_percent_in_chinese_numerals_and_peta_scale():
    from sinodesk.stages.extract.numwords import zh_value

    text = "平台提供3000千万亿次算力，租金低百分之三十。镓出口下降百分之四十八，增长百分之十五点五，占百分之一百零五。"
    got = [(n.text, n.value, n.unit) for n in _run(text, "zh").numbers]
    assert ("百分之三十", 30.0, "percent") in got and ("百分之四十八", 48.0, "percent") in got
    assert ("百分之十五点五", 15.5, "percent") in got and ("百分之一百零五", 105.0, "percent") in got
    assert ("3000千万亿次", 3e18, "times") in got  # 千万亿 is 10^15, not 千万 (10^7) followed by 亿
    assert [zh_value(x) for x in ("十", "二十一", "两百", "一千零五", "十五點五", "十十", "一十百", "百分", "一万两千", "三千五百万")] == [
        10.0, 21.0, 200.0, 1005.0, 15.5, None, None, None, 12000.0, 35000000.0]
    got = [(n.text, n.value) for n in _run("增长百分之一千，下降百分之十五點五；百分之三万不是百分数。", "zh").numbers]
    assert ("百分之一千", 1000.0) in got and ("百分之十五點五", 15.5) in got and not any(v == 3.0 for _, v in got)


def test_chinese_names_nobody_listed():
    text = "春城晚报9月17日消息，李艳萍担任出纳期间挪用救灾款。普洱市思茅区法院公开审理此案，原副区长汪全胜，获内贾德批准。"
    got = {(text[e.start:e.end], e.label) for e in _run(text, "zh").entities}
    assert {("春城晚报", "ORG"), ("普洱市思茅区法院", "ORG"), ("汪全胜", "PERSON"), ("内贾德", "PERSON")} <= got


def test_numbers_in_words_fractions_and_large_chinese_numerals():
    got = [(n.text, n.value, n.unit) for n in _run(
        "Hackers used two Mirai-variant botnets; seventeen percent of servers were hit, fourteen times more than "
        "in March. About one-third of firms and more than half of workers said so; six in ten agreed, three-fifths "
        "did not. One of them said one day the Formula One race would return.").numbers]
    assert got == [("two Mirai-variant botnets", 2.0, "botnets"), ("seventeen percent", 17.0, "percent"),
                   ("fourteen times", 14.0, "times"), ("About one-third", 0.3333, "fraction"),
                   ("more than half", 0.5, "fraction"), ("six in ten", 0.6, "fraction"), ("three-fifths", 0.6, "fraction")]
    zh = [(n.text, n.value, n.unit) for n in _run("警方抓获一万两千人，涉案金额五十亿元，查扣两艘船；第三名嫌犯和一名记者在场。", "zh").numbers]
    assert zh == [("一万两千人", 12000.0, "people"), ("五十亿元", 5e9, "CNY"), ("两艘", 2.0, "vessels")]


def test_currency_letter_codes_only_as_whole_words():
    got = [(n.text, n.value, n.unit) for n in _run(
        "The platform offers 3,000 petaflops; the fine was Rs 5,000 and the grant RMB 30 million.").numbers]
    assert got == [("3,000 petaflops", 3000.0, "petaflops"), ("Rs 5,000", 5000.0, "INR"),
                   ("RMB 30 million", 30000000.0, "CNY")]


def test_chinese_measure_words_are_units():
    x = _run("去年共交付8.2万辆汽车，出货量达1200万台，海警派出5艘舰船和12架次飞机。", "zh")
    got = {(n.value, n.unit) for n in x.numbers}
    assert {(82000.0, "vehicles"), (12000000.0, "units"), (5.0, "vessels"), (12.0, "sorties")} <= got


def test_number_inside_a_product_name_is_not_a_claim():
    x = _run("Fans queued for the launch of the PhoneMax 7 in Shenzhen.")
    assert not x.numbers


def test_chinese_and_relative_dates():
    x = _run("据报道，该公司3月15日宣布裁员，7月再次调整。昨日股价下跌。", "zh", published="2024-08-02")
    isos = {d.iso for d in x.dates}
    assert {"2024-03-15", "2024-07", "2024-08-01"} <= isos
    y = _run("The ministry had warned two days earlier.", published="2024-05-10")
    assert "2024-05-08" in {d.iso for d in y.dates}


def test_dateline_gives_outlet_attribution_and_place():
    x = _run("China, France sign deals\n\nBEIJING, Oct. 3 (Xinhua) -- The two sides signed 12 agreements.")
    assert x.outlet_id == "xinhua"
    assert any(a.outlet_id == "xinhua" for a in x.attributions)
    assert "gpe:beijing" in _ids(x)


def test_headline_cue_and_false_cues():
    x = _run("Huawei Warns of Chip Shortage\n\nA post on the social platform Douyin showed queues. Beijing has denied it.")
    srcs = _sources(x)
    assert "Huawei" in srcs and "Douyin" not in srcs and "Beijing" not in srcs
    y = _run("According to Diplomats and Analysts, Talks Stall\n\nNo one commented.")
    assert not y.attributions


def test_attribution_matchers_strict_and_loose():
    from sinodesk.eval.extract import _attr_strict, surfaces_match

    # loose: whole-token runs (reported apart)
    assert not surfaces_match("Xi", "Xinhua")
    assert surfaces_match("Spring Festival Travel Working Group", "2025 Spring Festival Travel Working Group")
    assert not surfaces_match("Li", "Liberty Times")
    # strict: canonical source or the full name span, nothing shorter
    assert _attr_strict(("Global Times", None), ("Global Times", "the Global Times"))
    assert not _attr_strict(("Global Times", None), ("the", "the"))
    assert not _attr_strict(("the Global Times", None), ("The", "the"))
    assert not _attr_strict(("Gabriel Merino", "Merino"), ("Merino Group", "Merino Group"))
    assert _attr_strict(("Gabriel Merino", "Merino"), ("Gabriel Merino", "Merino"))


def test_fast_english_dates_match_dateparser():
    """The dateparser-free path for common English dates gives exactly what dateparser gives."""
    import datetime as dt

    from sinodesk.stages.extract import dates as D

    base = dt.datetime(2024, 3, 15)
    cases = [("March 23, 2022", "mdy"), ("23 March 2022", "dmy"), ("Sept. 3, 2021", "mdy"), ("March 2022", "my"),
             ("Jan 4", "md"), ("4 January", "dm"), ("December 30", "md"), ("February 30, 2023", "mdy")]
    for text, kind in cases:
        fast = D.DateResolver().resolve(text, kind, base)
        orig = D._fast_english
        D._fast_english = lambda t, k: None
        try:
            slow = D.DateResolver().resolve(text, kind, base)
        finally:
            D._fast_english = orig
        assert fast == slow, (text, fast, slow)
    assert D._fast_english("March 23, 2022", "mdy")[0] == dt.datetime(2022, 3, 23)
    assert D._fast_english("the March 23 meeting", "md") is None  # anything unusual goes to dateparser


def test_names_no_list_holds_and_their_attributions():
    """People, organisations and events the gazetteer does not know (the learned name model)."""
    text = ("Gabriel Merino, a researcher at the Institute of Latin American Studies, told the Global Times that "
            "the trials were rarely taught. \"It matters,\" said Patricio Giusto, director of "
            "a consultancy in Buenos Aires. Stephan Grabherr said the embassy would host the meeting.")
    x = _run(text)
    got = {(e.text, e.label) for e in x.entities}
    assert {("Gabriel Merino", "PERSON"), ("Patricio Giusto", "PERSON"), ("Stephan Grabherr", "PERSON"),
            ("Institute of Latin American Studies", "ORG")} <= got
    sources = [(a.text, a.cue) for a in x.attributions]
    assert ("Gabriel Merino", "told") in sources and ("Patricio Giusto", "said") in sources
    assert ("Stephan Grabherr", "said") in sources and ("Global Times", "told") in sources
    assert all(text[e.start:e.end] == e.text for e in x.entities)


def test_names_model_can_be_turned_off():
    text = "A meeting with Gabriel Merino was held in the embassy on Monday."
    on = {e.text for e in _run(text).entities}
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    off = {e.text for e in extract(doc, Segment(0, len(text), text), "en", ExtractOptions(names_model=False)).entities}
    assert "Gabriel Merino" in on and "Gabriel Merino" not in off


def test_people_by_given_name_and_what_is_not_one():
    """A census given name and a surname the model never saw make a person; places and
    organisations that open with a given name, and a longer titled name, stay what they are."""
    text = ("Argentine soccer legend Diego Maradona finally departed for Cuba on Monday. "
            "Police in Jefferson City said Minister Ram Chandra Prasad Singh met Dennis Rommedahl at the Tyler County Hospital.")
    got = {(e.text, e.label) for e in _run(text).entities}
    assert {("Diego Maradona", "PERSON"), ("Dennis Rommedahl", "PERSON"), ("Ram Chandra Prasad Singh", "PERSON")} <= got
    assert not any(label == "PERSON" and t in ("Jefferson City", "Jefferson", "Chandra Prasad Singh", "Tyler County Hospital", "Tyler")
                   for t, label in got)


def test_chinese_titles_places_events_and_news_sites():
    """《…》 titles (a law when it ends in 规划/法/条例), a name word with an administrative word
    jieba keeps apart, named events with their year, and a news site opening a story."""
    text = ("荆楚网消息（通讯员彭鹏）安化县乐安镇大禾村的村民昨天收看了《新闻联播》。"
            "最高人民法院印发《关于在司法解释中全面贯彻社会主义核心价值观的工作规划(2018-2023)》。"
            "他致信祝贺2018世界人工智能大会开幕。")
    got = {(e.text, e.label) for e in _run(text, "zh").entities}
    assert {("荆楚网", "ORG"), ("乐安镇", "GPE"), ("大禾村", "GPE"), ("新闻联播", "PRODUCT"),
            ("关于在司法解释中全面贯彻社会主义核心价值观的工作规划(2018-2023)", "LAW"), ("2018世界人工智能大会", "EVENT")} <= got


def test_places_no_list_holds():
    """Countries, US states and cities from GeoNames; not a month, not a one-word small town,
    not the name before a lower-case place word that the rules read whole."""
    text = ("Marie Gonzalez moved from Costa Rica to Jefferson City, Missouri, in March. "
            "A bomb went off in Baghdad on Monday. Officials in Dongfeng county said Foley scored twice.")
    got = {(e.text, e.label) for e in _run(text).entities}
    assert {("Costa Rica", "GPE"), ("Jefferson City", "GPE"), ("Missouri", "GPE"), ("Baghdad", "GPE"),
            ("Marie Gonzalez", "PERSON"), ("Dongfeng county", "GPE")} <= got
    assert not any(t in ("March", "Monday", "Foley", "Dongfeng") and label == "GPE" for t, label in got)


def test_attributions_to_outlets_told_progressive_and_appositives():
    text = ("Madrid midfielder Guti told private Spanish radio station Cadena Ser that he was shocked. "
            "MSNBC is reporting that the navy captured 23 pirates. "
            "Jonathan Wright, Interoute's director of wholesale products, said in a telephone interview that cables were cut. "
            "The check-in was first reported by Reuters on Thursday.")
    sources = {a.text for a in _run(text).attributions}
    assert {"Cadena Ser", "MSNBC", "Jonathan Wright", "Reuters"} <= sources


def test_chinese_colon_leads_and_organisation_roles():
    x = _run("联合国官员称3520亿非法资金拯救多家银行\n美国驻华使馆签证官：留美学生签证要证明三点", "zh")
    assert {("联合国", "称"), ("美国驻华使馆", "：")} <= {(a.text, a.cue) for a in x.attributions}


def test_head_word_gives_the_kind_of_an_unknown_name():
    from sinodesk.stages.extract.names import head_type

    assert head_type("Olivier Awards", "ORG") == "EVENT" and head_type("Super Bowl", "GPE") == "EVENT"
    assert head_type("Tyler County Hospital", "ORG") == "FAC" and head_type("East Bruce Avenue", "ORG") == "FAC"
    assert head_type("Nathan Lane", "PERSON") == "PERSON" and head_type("Awards", "ORG") == "ORG"


def test_chinese_dispatch_inside_a_line():
    x = _run("习近平致信祝贺大会开幕新华社上海9月17日电大会17日在上海开幕。", "zh")
    assert ("新华社", "电") in {(a.text, a.cue) for a in x.attributions}


def test_speakers_read_from_the_cue_when_no_model_named_them():
    x = _run("The golfer finished two shots clear. McIlroy said he was delighted. Last month Wenger said he was hopeful. "
             "Rory Read took over in August. \"We are in that business to stay,\" Read said. Lord Nicholls said the law was clear. "
             "Organisers said the race would go ahead. Nobody said a word. The Chancellor said no.")
    got = {(a.source, a.text) for a in x.attributions}
    assert {("McIlroy", "McIlroy"), ("Wenger", "Wenger"), ("Rory Read", "Read")} <= got
    assert any(t == "Lord Nicholls" for _, t in got)
    assert not {t for _, t in got} & {"Organisers", "Nobody", "Chancellor"}


def test_possessive_roles_coordinated_verbs_and_documents_by_a_role():
    x = _run("Toyota's spokesman said production would resume. Barclays' chief economist said rates would fall. "
             "Egypt FA spokesman Methat Shalaby welcomed the apology and said no one had put pressure on him. "
             "Police arrested John Smith on Friday and said he would be charged. "
             "The market grew by 100%, according to a recent report by analysts Screen Digest. "
             "More phones will be sold this year, says a report from analysts Gartner.")
    got = {a.text for a in x.attributions}
    assert {"Toyota", "Barclays", "Methat Shalaby", "Screen Digest", "Gartner"} <= got
    assert "John Smith" not in got


def test_chinese_sources_learnt_from_and_introduced():
    x = _run("据国家统计局介绍，收入增长5.9%。记者从市交通局获悉，地铁将于年底通车。国家发改委有关负责人坦言，部分地区仍存在困难。"
             "张明介绍，展览将持续到下月底。李华介绍了新产品。", "zh")
    got = {(a.text, a.cue) for a in x.attributions}
    assert {("国家统计局", "据…介绍"), ("市交通局", "获悉"), ("国家发改委", "坦言"), ("张明", "介绍")} <= got
    assert "国家" not in {t for t, _ in got} and "李华" not in {t for t, _ in got}


def test_a_surname_is_not_an_outlet_named_with_the():
    x = _run("Sun Weidong met the envoy on Monday. Sun said the talks were candid. Hill said he agreed. "
             "Rachel Reeves told The Times she would not raise taxes.")
    got = {a.text: (a.source, a.outlet_id) for a in x.attributions}
    assert got["Sun"] == ("Sun Weidong", None) and got["Hill"][1] is None
    assert got["The Times"][1] == "the-times"


def test_appositives_left_open_and_passive_quotes():
    x = _run("Robert McFarlane, an assistant state attorney general said Tuesday that it was over. "
             "Alan Milburn, Labour's election strategist told Radio 4 that he was confident. Peter Smith was quoted as saying he was sorry. "
             "Police found John Brown, a local man the officers said.")
    got = {a.text for a in x.attributions}
    assert {"Robert McFarlane", "Alan Milburn", "Peter Smith"} <= got and "John Brown" not in got
