"""Extract stage on text nobody listed in advance (issue 14): money and measures in their
common spellings, ages, scores, bare numbers, wire credits, spokesmen of organisations,
dates of undated stories.  Sentences written for these tests, each with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _run(text: str, language: str = "en", context_date: str | None = None, fallback_date: str | None = None):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return extract(doc, Segment(start=0, end=len(text), text=text), language, context_date=context_date, fallback_date=fallback_date)


def _nums(text: str) -> list[tuple[str, float, str | None]]:
    return [(n.text, n.value, n.unit) for n in _run(text).numbers]


@pytest.mark.parametrize("sentence,want", [
    # money: wire abbreviations, currency words after a scale, a "$" that lost its "&" ("&#36;" -> "#36;")
    ("Exports reached 40 bln dollars last quarter.", [("40 bln dollars", 40e9, "USD")]),
    ("The ticket cost 300 Swiss francs at the gate.", [("300 Swiss francs", 300.0, "CHF")]),
    ("Shares of the miner lost 12 mln euros in value.", [("12 mln euros", 12e6, "EUR")]),
    ("The start-up raised #36;25 million in its first round.", [("#36;25 million", 25e6, "USD")]),
    # measures written as one hyphenated adjective
    ("A 12-person crew reached the 40-storey tower.", [("12-person", 12.0, "people"), ("40-storey", 40.0, "storeys")]),
    ("After a six-month delay the bridge opened.", [("six-month", 6.0, "months")]),
    # a number joined to its unit by a hyphen takes that unit, not the noun after it
    ("The firm sells a 13-inch tablet and a 17-inch laptop.", [("13-inch", 13.0, "inches"), ("17-inch", 17.0, "inches")]),
    ("The two-time winner ran a 40-yard dash in a 90-minute session.", [("two-time", 2.0, "times"), ("40-yard", 40.0, "yards"), ("90-minute", 90.0, "minutes")]),
    # an age written without hyphens; a magnitude; feet and inches
    ("Her 9 year old son waited outside.", [("9 year old", 9.0, "years")]),
    ("A quake of magnitude 5.2 shook the coast.", [("5.2", 5.2, "magnitude")]),
    ("The suspect is 6 feet 2 inches tall.", [("6 feet", 6.0, "feet"), ("2 inches", 2.0, "inches")]),
    # a person's age in apposition, or closing a clause after "at"
    ("Anna Berg, 34, said the ferry was late.", [("34", 34.0, "years")]),
    ("She left school at 16, then moved north.", [("16", 16.0, "years")]),
    # measures written with a symbol, glued or spaced
    ("It has a 3.5mm jack, 256MB of memory and a 3.2-megapixel camera.", [("3.5mm", 3.5, "mm"), ("256MB", 256.0, "MB"), ("3.2-megapixel", 3.2, "megapixels")]),
    ("The farm makes 40 MW from a site 5 km away.", [("40 MW", 40.0, "MW"), ("5 km", 5.0, "km")]),
    # multipliers in words
    ("Sales were twice as high as a year before.", [("twice", 2.0, "times")]),
    ("Profits nearly doubled and costs were more than double the plan.", [("nearly doubled", 2.0, "times"), ("more than double", 2.0, "times")]),
    # a count whose noun is elided stays a claim
    ("Of the 44 journalists jailed, 19 were women.", [("44 journalists", 44.0, "journalists"), ("19", 19.0, None)]),
])
def test_numbers_in_common_spellings(sentence, want):
    assert _nums(sentence) == want


@pytest.mark.parametrize("sentence", [
    "The Lions won 3-1 on Sunday.",  # a score
    "See page 12 for the details.",  # a small number counting nothing
    "The meeting opens at 9.",  # a clock time, not an age
    "Room 7, on the left, is closed.",  # not an age: no name before it
    "The X5 uses a 4G network.",  # digits inside names
    "They booked a double room near the triple-jump pit.",  # "double" as an adjective
    "Police were called to the 4200 block of Elm Street.",  # an address
    "A neighbour made a 911 call at dawn.",  # a phone number
])
def test_bare_numbers_scores_and_times_are_not_claims(sentence):
    assert _nums(sentence) == []


def test_a_range_with_a_counted_noun_is_not_a_score():
    assert ("10 years", 10.0, "years") in _nums("The plan takes 5-10 years to finish.")


def _sources(text: str) -> list[tuple[str, str]]:
    return [(a.text, a.cue) for a in _run(text).attributions]


def test_organisation_before_a_role_noun_is_the_source():
    assert _sources("A Microsoft spokesman said on Monday that the update was ready.") == [("Microsoft", "said")]
    assert _sources("Labour campaign chiefs say the poll is wrong.") == [("Labour", "say")]
    # no organisation before the role noun: no named source
    assert _sources("The new spokesman said nothing more.") == []


def test_wire_credits_are_sources_and_organisations():
    x = _run("Oil prices climb (Reuters)\nReuters - Oil prices rose on Tuesday as supply tightened.")
    assert [(a.text, a.cue) for a in x.attributions] == [("Reuters", "dateline"), ("Reuters", "dateline")]
    assert {(e.text, e.label) for e in x.entities} == {("Reuters", "ORG")}
    # a web domain credited in the headline and echoed by the body
    y = _run("Probe lands on a comet (SPACE.com)\nSPACE.com - A probe landed on Tuesday.")
    assert [a.text for a in y.attributions] == ["SPACE.com", "SPACE.com"]
    # brackets and dashes that credit nobody
    assert _sources("Talks resume (again)\nOfficials met - briefly - on Monday.") == []


def test_commitments_are_not_attributions():
    assert _sources("Peng vowed to keep in touch with both families.") == []
    assert _sources("The mayor welcomed the visitors at the station.") == []


def test_undated_story_reads_relative_dates_against_its_own_date():
    text = "On August 25, 2004, the council met. It voted again yesterday."
    dates = lambda x: [(d.text, d.iso) for d in x.dates]  # noqa: E731
    assert dates(_run(text, fallback_date="2026-01-01")) == [("August 25, 2004", "2004-08-25"), ("yesterday", "2004-08-24")]
    # a date the container gives wins over the text's own
    assert ("yesterday", "2010-05-04") in dates(_run(text, context_date="2010-05-05", fallback_date="2026-01-01"))
    # no date anywhere: the ingest day
    assert dates(_run("The council voted yesterday.", fallback_date="2026-01-01")) == [("yesterday", "2025-12-31")]


def test_full_dates_in_capitals_are_read_and_anchor_relative_dates():
    text = "Port talks stall\n\nMARCH 3, 2011 -- The union walked out yesterday."
    x = _run(text, fallback_date="2026-01-01")
    assert [(d.text, d.iso, d.precision) for d in x.dates] == [("MARCH 3, 2011", "2011-03-03", "day"), ("yesterday", "2011-03-02", "day")]
    assert [(d.text, d.iso) for d in _run("Filed 2 P.M. OCT. 9, 2012 by the desk.").dates] == [("OCT. 9, 2012", "2012-10-09")]
    # a month in capitals without a day and year is no date
    assert _run("MARCH FOR JOBS draws a crowd.", fallback_date="2026-01-01").dates == ()


def test_a_place_in_capitals_opening_a_line_is_a_place():
    x = _run("Ferry fares rise\n\nTOLEDO - The operator raised prices on Monday.")
    assert [(e.text, e.label, e.canonical) for e in x.entities] == [("TOLEDO", "GPE", "gpe:toledo")]
    # a capitalised word that is no place stays out
    assert not [e for e in _run("Ferry fares rise\n\nUPDATE - The operator raised prices on Monday.").entities if e.label == "GPE"]


def test_a_title_before_an_unknown_name_after_according_to_is_cut():
    x = _run("The road stays shut, according to Sergeant Wilma Oduya of the county force.")
    assert [a.text for a in x.attributions] == ["Wilma Oduya"]


def test_common_chinese_words_jieba_tags_as_names_are_no_people():
    x = _run("全市各界热烈祝贺大会召开，并发来贺信，倡导文明新风。", language="zh")
    assert [e.text for e in x.entities if e.label == "PERSON"] == []
    # beside a title the same shape is a person; an unknown name stays one
    assert "高峰" in [e.text for e in _run("公司总裁高峰表示，销量上升。", language="zh").entities if e.label == "PERSON"]


def test_chinese_lead_crediting_an_outlet():
    zh = lambda t: [(a.text, a.cue) for a in _run(t, "zh").attributions]  # noqa: E731
    assert zh("荆楚网消息（通讯员张三）9月17日，活动在武汉开幕。") == [("荆楚网", "消息")]
    assert zh("东方日报讯：市政府宣布新规。") == [("东方日报", "讯")]
    # "消息" after words that name no outlet
    assert zh("他们得到消息（很快）后离开。") == []
    assert zh("会议消息：明天开会。") == []


def test_chinese_names_written_with_the_interpunct():
    ents = lambda t: [(e.text, e.label) for e in _run(t, "zh").entities]  # noqa: E731
    assert ("皮特·鲍泰利", "PERSON") in ents("美国学者皮特·鲍泰利坦言中国发展很快。")
    assert ("马丁·路德·金", "PERSON") in ents("马丁·路德·金的演讲被多次引用。")
    assert ("约翰·霍普金斯大学", "ORG") in ents("约翰·霍普金斯大学教授表示支持。")
    # two places joined by the dot are two places, not a person
    assert ents("北京·上海双城展开幕。") == [("北京", "GPE"), ("上海", "GPE")]
    assert [a.text for a in _run("美国学者皮特·鲍泰利坦言中国发展很快。", "zh").attributions] == ["皮特·鲍泰利"]


def test_an_office_named_after_its_holder_is_one_organisation():
    x = _run("Deputies from the Tyler County Sheriff's Office said the road was closed.")
    assert [(e.text, e.label) for e in x.entities] == [("Tyler County Sheriff's Office", "ORG")]
    assert [a.text for a in x.attributions] == ["Tyler County Sheriff's Office"]
    assert ("Manhattan District Attorney’s Office", "ORG") in [(e.text, e.label) for e in _run(
        "The Manhattan District Attorney’s Office filed the charges.").entities]
    # lower case, or "The" opening the sentence, is not part of the name
    assert _run("It was the sheriff's office that called.").entities == ()
    assert [e.text for e in _run("The Sheriff's Department of Cook County opened.").entities][:1] == ["Sheriff's Department"]


def test_titles_are_cut_from_names_the_model_finds():
    from sinodesk.stages.extract.names import strip_titles

    assert strip_titles(0, "Officer Michelle Tannehill") == (8, "Michelle Tannehill")
    assert strip_titles(5, "Prime Minister Tony Blair") == (20, "Tony Blair")
    assert strip_titles(0, "Mr. Blair") == (4, "Blair")
    # not a title, or a title with no name after it
    assert strip_titles(0, "Gary Hargrove") == (0, "Gary Hargrove")
    assert strip_titles(0, "Sheriff") == (0, "Sheriff")
    assert strip_titles(0, "Coroner of Ohio") == (0, "Coroner of Ohio")
    x = _run("Coroner Gary Hargrove said the autopsy was finished on Friday.")
    assert [a.text for a in x.attributions] == ["Gary Hargrove"]


def test_a_name_before_an_adjective_affix_is_a_token_of_its_own():
    from sinodesk.stages.extract.names import tokenize

    text = "The Paris-based firm bought a Coca-Cola plant from a London-listed group."
    words = tokenize(text, 0, len(text)).text
    assert "Paris" in words and "based" in words and "London" in words
    assert "Coca-Cola" in words  # a hyphenated name stays one word


def test_said_then_a_role_then_the_speaker():
    assert _sources('"Prices will fall," said energy analyst Orin Middleton of a London bank.') == [("Orin Middleton", "said")]
    # the organisation's role word names the person after it, not the organisation
    assert _sources('"He was shaken," said Everton spokesman Ian Ross.') == [("Ian Ross", "said")]
    # prepositions and time words after the verb are no role
    assert _sources("The plan, he said in London on Monday, was ready.") == []


def test_parts_of_days_and_weekends_are_relative_dates():
    dates = lambda t: [(d.text, d.iso, d.precision) for d in _run(t, context_date="2024-05-08").dates]  # noqa: E731
    assert dates("Police said last night that the road would reopen this weekend.") == [
        ("last night", "2024-05-07", "day"), ("this weekend", "2024-W19", "week")]
    assert dates("He spoke this morning; the mayor speaks tonight.") == [("this morning", "2024-05-08", "day"), ("tonight", "2024-05-08", "day")]
    # "the last evening train", "night-time" name no day
    assert dates("The last evening train left; this night-time rule applies.") == []


def test_counted_periods_ago_are_dates_not_numbers():
    x = _run("Two years ago the plant shut; a decade ago it hired staff, and three months ago it sold a site.",
             context_date="2024-05-08")
    assert [(d.text, d.iso, d.precision) for d in x.dates] == [
        ("Two years ago", "2022", "year"), ("a decade ago", "2014", "year"), ("three months ago", "2024-02", "month")]
    assert x.numbers == ()
    # a duration that is not "ago" stays a number
    assert [(n.text, n.unit) for n in _run("The plant ran for two years.", context_date="2024-05-08").numbers] == [("two years", "years")]


def test_an_outlet_named_by_its_kind_is_a_source():
    x = _run("The film will be shot there, showbusiness newspaper Variety reported.")
    assert [(a.text, a.cue) for a in x.attributions] == [("Variety", "reported")]
    assert [(e.text, e.label) for e in x.entities] == [("Variety", "ORG")]
    assert _sources("State broadcaster CCTV said the bridge had opened.") == [("CCTV", "said")]
    # the kind word with no name after it
    assert _sources("He read the newspaper every day; the paper I wrote said little.") == []
