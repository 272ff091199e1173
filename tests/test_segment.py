"""Segment stage on written test digests: structure, cohesion, HTML, offsets, options."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from sinodesk.records import Document
from sinodesk.stages.clean import clean
from sinodesk.ingest.html import render_html
from sinodesk.stages.segment import SegmentOptions, segment
from sinodesk.stages.segment.headline import generate_headline, inline_headline, is_title_like
from sinodesk.stages.segment.text import is_source_line

DATA = Path(__file__).parent / "data" / "segment"


def _split(text: str, kind: str = "text", **opts):
    doc = Document(doc_id="t", raw_id="t", source="t", kind=kind, text=text)
    return segment(clean(doc), SegmentOptions(**opts))


def _read(name: str) -> str:
    return (DATA / name).read_bytes().decode("utf-8")


def _assert_offsets(text: str, segs) -> None:
    for s in segs:
        assert 0 <= s.start < s.end <= len(text)
        if s.headline_span:
            a, b = s.headline_span
            assert text[a:b] == s.headline
            assert s.start <= a < b <= s.end
        for line in s.text.split("\n")[:3]:
            assert line[:20] in text[s.start:s.end]


def test_crlf_markdown_items_with_sections():
    text = _read("bullets_crlf.txt")
    assert "\r\n" in text
    segs = _split(text)
    assert [s.headline for s in segs] == [
        "Port of Ningbo Adds Night Shifts", "Copper Smelters Agree to Cut Output",
        "Chip Designer Lists in Shanghai", "Satellite Internet Firm Launches Test Batch",
    ]
    assert [s.section for s in segs] == ["ECONOMY", "ECONOMY", "TECHNOLOGY", "TECHNOLOGY"]
    assert segs[0].text.startswith("Container traffic at the port")
    assert not any("\r" in s.text or "Share this" in s.text or "Copyright" in s.text for s in segs)
    _assert_offsets(text, segs)
    assert text[segs[-1].start:segs[-1].end].startswith("- **Satellite")


def test_datelines_without_headlines_get_generated_ones():
    text = _read("datelines.txt")
    segs = _split(text)
    assert [text[s.start:s.end].split(",")[0] for s in segs] == ["BEIJING", "SHANGHAI", "HONG KONG", "TAIPEI"]
    assert all(s.headline_generated and s.headline_span is None for s in segs)
    assert segs[0].headline.startswith("The national legislature opened its annual session")
    assert "Xinhua" not in segs[0].headline


def test_chinese_bracket_headlines():
    segs = _split(_read("chinese.txt"))
    assert [(s.section, s.headline) for s in segs] == [
        ("国内新闻", "北京地铁新线开通"), ("国内新闻", "长江流域进入主汛期"), ("国际新闻", "多国代表出席气候会议"),
    ]
    assert segs[0].text.startswith("北京地铁一条新线路")
    assert not any("分享" in s.text for s in segs)


def test_roundup_sources_subheadings_and_boilerplate():
    text = _read("roundup_sources.txt")
    segs = _split(text)
    assert [s.headline for s in segs] == [
        "Drone Maker Opens Plant in Guangdong",
        "Regulator Publishes Draft Rules on Facial Recognition",
        "Game Studio Wins Approval for Ten New Titles",
    ]
    assert segs[0].source_line == "Source: South Daily, April 2, 2024"
    assert segs[0].url == "https://example.com/news/drone-plant"
    assert segs[2].url is None
    # the sub-heading stays inside its story; source lines and boilerplate stay out of the text
    assert "What the draft requires" in segs[1].text
    assert text[segs[1].start:segs[1].end].rstrip().endswith("https://example.com/news/face-rules")
    for s in segs:
        assert "Source:" not in s.text and "http" not in s.text
        assert "Related posts" not in s.text and "cookies" not in s.text and "Lin Wei" not in s.text
    _assert_offsets(text, segs)


def test_html_newsletter_renders_and_splits():
    text = render_html(_read("newsletter.html"))
    assert text is not None
    assert "var x" not in text and "Home" not in text and "Subscribe" not in text
    segs = _split(text, kind="html")
    assert [(s.section, s.headline) for s in segs] == [
        ("Politics", "Provincial Leaders Reshuffled"), ("Politics", "New Rules for Local Debt"),
        ("Quick takes", "Rail freight"), ("Quick takes", "Tourism"),
    ]
    assert segs[0].text.endswith("previously worked in the central bank.")
    assert segs[3].text.startswith("Outbound trips during the May holiday")
    _assert_offsets(text, segs)


def test_single_article_html_is_left_to_trafilatura():
    assert render_html(_read("single_article.html")) is None
    assert render_html("") is None


def test_headline_only_titles_are_optional():
    text = ("Tag Archives: Trade\nTariff talks end without a deal\n"
            "Exporters face new checks at the border\n"
            "Customs officers began new checks on containers this week, and exporters said delays at the border had doubled.\n"
            "Ports ask for more staff\n"
            "Port operators asked the ministry for extra inspectors to clear the backlog before the holiday.\n")
    default = _split(text)
    assert [s.headline for s in default] == ["Exporters face new checks at the border", "Ports ask for more staff"]
    kept = _split(text, keep_headline_only=True)
    assert [(s.headline, s.text) for s in kept][0] == ("Tariff talks end without a deal", "")


def test_single_plain_article_is_one_story():
    text = ("Factory Output Rises Again\n\nIndustrial output grew faster than expected in April, official data showed.\n\n"
            "Output rose six percent from a year earlier, the statistics bureau said, led by cars and machinery.\n")
    segs = _split(text)
    assert len(segs) == 1
    assert segs[0].headline == "Factory Output Rises Again" and not segs[0].headline_generated
    assert segs[0].text.startswith("Industrial output")


def test_empty_and_boilerplate_only_documents_have_no_stories():
    assert _split("") == ()
    assert _split("Skip to content\n\nShare this\n") == ()


def test_line_helpers():
    assert is_title_like("China’s Hidden Tech Revolution")
    assert not is_title_like("The clip is now spreading because of what was said.")
    assert not is_title_like("• A bullet item")
    assert is_source_line("Source: HKET, March 23, 2022")
    assert is_source_line("1. Epoch Times, March 28, 2022")
    assert is_source_line("“Glory to Hong Kong,” WIkipedia, retrieved February 20, 2024")
    assert not is_source_line("Sources say the talks will resume in May, officials said on Monday.")
    ih = inline_headline("  • Exports Grow: Exports rose for the eighth year in a row, the customs office said.")
    assert ih is not None and "  • Exports Grow: ..."[ih.start:ih.end] == "Exports Grow"
    assert inline_headline("HKET: Report on Surge in Cyberattacks against NATO") is None
    assert generate_headline("BEIJING, May 1 (Xinhua) -- China's factory activity grew in April, according to an official survey released on Tuesday.") == "China's factory activity grew in April"


def test_fixture_labels_all_right():
    from sinodesk.eval.segment import load_labelled, score_digests, segment_text

    rep = score_digests(load_labelled(DATA, DATA / "fixtures.json"), segment_text)
    assert [p for r in rep.results for p in r.problems] == []
    assert rep.f1 == 1.0 and rep.headline_accuracy == 1.0 and rep.leaked_lines == 0
    assert len(json.loads((DATA / "fixtures.json").read_text())) == 8


def test_cohesion_similarity_and_openings():
    import numpy as np

    from sinodesk.stages.segment.cohesion import CohesionParams, boundary_prior, similarity

    x = np.array([[2, 1, 0, 0], [1, 1, 0, 0], [0, 0, 3, 1], [0, 0, 1, 1], [0, 0, 0, 0]])
    s = similarity(x)
    assert np.allclose(s, s.T) and np.allclose(np.diag(s), 0.0)
    assert s[0, 1] > 0 > s[0, 2] and s[2, 3] > 0  # alike pairs rewarded, unlike pairs penalised
    assert not s[4].any() and not s[:, 4].any()  # a unit sharing no term is no evidence
    assert (similarity(x, margin=0.5) < s).all(where=~np.eye(5, dtype=bool) & (s != 0))
    p = CohesionParams()
    prior = boundary_prior([
        "Officials met in Brussels on Wednesday to discuss tariffs.",
        "Q: How do you respond to the report?",
        "A: The investigation follows the law.",
        "BEIJING, March 3 (Xinhua) -- The session opened.",
        "The ferry opened on Saturday, cutting the crossing time.",
        "Harbour officials said the terminal was ready.",
    ], p)
    assert list(prior) == [-p.lead_bonus, -p.dateline_bonus, p.anaphora_cost, -p.dateline_bonus, -p.lead_bonus, 0.0]


def test_dirichlet_prior_splits_sentences_by_topic():
    from sinodesk.stages.segment.cohesion import CohesionParams, split_units

    tea = ["Tea growers picked the spring leaves early this year.", "The tea harvest in the hills was large.",
           "Growers dried the tea leaves in bamboo trays.", "Buyers paid more for early spring tea leaves."]
    rail = ["The railway line through the mountains opened.", "Trains on the new railway run every hour.",
            "The railway tunnels cut the journey to the mountains.", "Railway staff sold tickets for trains at the station."]
    # toy texts: the single-article guards (length, shuffle test) are off here
    for p in (CohesionParams(min_story_terms=0, shuffles=0),
              CohesionParams(length_weight=1.0, dirichlet=0.3, similarity_weight=4.0, similarity_margin=0.0, lead_bonus=0.0,
                             min_story_terms=0, shuffles=0)):
        assert split_units(tea + rail, p) == [0, 4]


def _invented_articles(n_articles: int, paragraphs: int) -> list[str]:
    """Paragraphs of articles that share no word: each draws its words from a vocabulary of its own."""
    import random

    rng = random.Random(3)

    def word() -> str:
        return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))

    units = []
    for _ in range(n_articles):
        vocab = [word() for _ in range(40)]
        units += [" ".join(rng.choice(vocab) for _ in range(14)).capitalize() + "." for _ in range(paragraphs)]
    return units


def test_long_text_is_split_a_window_at_a_time_with_the_same_boundaries(monkeypatch):
    # A 30 MB plain-text file (133,585 paragraphs) asked for a paragraphs x paragraphs matrix of
    # similarities (133 GiB) and was rejected whole; a run longer than WINDOW units is now split
    # window by window. Here 12 articles of 50 paragraphs, windows of 160: the boundaries that fall
    # near a window's edge are found too, the same as with one window over the whole run.
    from sinodesk.stages.segment import cohesion

    units = _invented_articles(12, 50)
    whole = cohesion.split_units(units)
    assert whole == list(range(0, 600, 50))
    monkeypatch.setattr(cohesion, "WINDOW", 160)
    assert cohesion.split_units(units) == whole
    # a window with no boundary in it ends a story at its edge; every unit is still in a story
    monkeypatch.setattr(cohesion, "WINDOW", 30)
    starts = cohesion.split_units(units)
    assert starts[0] == 0 and starts == sorted(set(starts)) and starts[-1] < len(units)
    assert set(whole) <= set(starts)


def test_segment_options_match_cohesion_defaults():
    # ``sinodesk eval segment`` scores the BBC concatenations with CohesionParams(); the
    # pipeline builds its params from SegmentOptions: the two defaults must agree.
    from sinodesk.stages.segment.cohesion import CohesionParams

    opts, params = SegmentOptions(), CohesionParams()
    shared = {f.name for f in dataclasses.fields(CohesionParams)} & {f.name for f in dataclasses.fields(SegmentOptions)}
    assert shared >= {"length_weight", "similarity_weight", "similarity_margin", "dateline_bonus", "lead_bonus"}
    assert {k: getattr(opts, k) for k in shared} == {k: getattr(params, k) for k in shared}


def test_digest_check_keeps_an_article_with_sub_heads_whole():
    # The finders propose a story at each sub-head; the document-level decision sees the same
    # names (Wang, Qingdao) carried through and keeps one story.  A digest of unrelated
    # stories in the same plain layout is still split.
    article, digest = _read("subheads_article.txt"), _read("plain_digest.txt")
    assert [s.headline for s in _split(article, digest_check=False)] == [
        "Harbour authority opens a third container terminal", "Cranes and crews", "What shippers say", "Next steps"]
    assert len(_split(article)) == 1
    assert len(_split(digest)) == len(_split(digest, digest_check=False)) == 3
    assert len(_split(article, digest_threshold=0.0)) == 4  # a threshold of 0 trusts the finders


def test_digest_model_round_trip_and_file_errors(tmp_path):
    from sinodesk.errors import ConfigError
    from sinodesk.stages.segment.digest import FEATURES, DigestModel, load_digest_model

    packaged = load_digest_model()
    saved = tmp_path / "digest.json"
    saved.write_text(packaged.to_json(), encoding="utf-8")
    again = load_digest_model(str(saved))
    x = [0.9, 0.1, 0.2, 6.0, 1.1, 0.0, 0.0, 0.0, 0.5, 1.0]
    assert len(x) == len(FEATURES) and again.probability(x) == pytest.approx(packaged.probability(x), abs=1e-6)
    assert len(_split(_read("subheads_article.txt"), digest_model=str(saved))) == 1
    with pytest.raises(ConfigError, match=r"^digest model .*missing\.json: file not found \(set segment\.digest_model to a file written by tools/train_digest\.py, or leave it empty\)$"):
        load_digest_model(str(tmp_path / "missing.json"))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"features": ["a"]}), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^digest model features \['a'\] do not match .* \(retrain with tools/train_digest\.py\)$"):
        DigestModel.from_json(bad.read_text(encoding="utf-8"))


def test_feed_entry_opening_with_a_dateline_keeps_its_list_inside():
    """A feed entry whose text opens with a dateline is one article: its list of "Name, role, team:"
    items is part of it, not a digest's stories (a listicle split in seven became a false event)."""
    lead = ("LISBON (AP) — The harbour authority named five new pilots on Monday, the largest intake in a decade, "
            "after a winter in which two tankers ran aground near the river mouth.\n\n"
            "\"We needed people who know the sandbanks,\" the authority's director said at the quay.\n\n"
            "The new pilots start in May and will share night shifts with the senior crews.\n\n"
            "The others named:\n\n")
    items = ("—Rita Sousa, pilot, Setúbal station: Twelve years on coastal ferries before the exam. She grew up in "
             "the port and learned the tides from her father, who piloted there for thirty years.\n\n"
             "—Tomás Reis, pilot, Leixões station: Trained on container ships in Rotterdam. He moved back last year "
             "and passed the written test with the highest mark of his year.\n\n"
             "—Inês Mota, pilot, Sines station: The first woman to pass the deep-water test there. She will guide "
             "the liquefied gas carriers that call at the terminal twice a week.\n\n")
    text = lead + items
    segs = _split(text, kind="feed-entry")
    assert len(segs) == 1 and "Inês Mota" in segs[0].text
    # the same items with no dateline lead above them stay a digest's stories
    assert len(_split(items, kind="feed-entry")) == 3


def test_chinese_byline_line_is_no_headline():
    from sinodesk.stages.segment.headline import is_title_like

    for line in ("半月谈记者 史卫燕", "新华社记者 张三 李四", "本报记者：王五 通讯员 赵六", "（记者 刘明）"):
        assert not is_title_like(line), line
    for line in ("中国记者协会成立七十周年", "“数字”赋能农业", "外交部：欢迎记者采访"):
        assert is_title_like(line), line


def test_hard_wrapped_lines_are_read_as_their_paragraph():
    from sinodesk.records import Line
    from sinodesk.stages.segment.structure import continued_lines, paragraph_runs

    texts = ["Proposals for a secondary market for", "the resale of farm loans are gaining support,",
             "officials said.", "", "Markets rally", "Shares rose 2 pct on Monday.", "", "1. First item", "2. Second item"]
    lines, at = [], 0
    for t in texts:
        lines.append(Line(at, at + len(t), t, "text" if t else "blank", ""))
        at += len(t) + 1
    lines = tuple(lines)
    content = [i for i, ln in enumerate(lines) if ln.kind == "text"]
    groups = paragraph_runs(lines, content)
    assert groups[0] == groups[2] == [0, 1, 2]
    assert groups[4] == [4] and groups[5] == [5] and groups[7] == [7] and groups[8] == [8]
    assert continued_lines(lines, content) == frozenset({0, 1, 2})


# ----------------------------------------------------------------------------- an item's own title; a hard-wrapped lead

def test_an_items_title_is_its_headline_and_its_first_lines_stay_in_the_text(tmp_path, run_cli):
    """A JSONL item (or feed entry) brings its headline: a short first line of its text that does
    not repeat it (a results table's first row, a venue line) is text, not the headline, and the
    lines above such a line are never dropped as a masthead.  Before: the headline was the table's
    second row and the first rows were lost."""
    items = [
        {"title": "Harbour Logistics posts higher third-quarter profit",
         "text": "Shr 41 cts vs 33 cts\nNet 12.4 mln vs 9.8 mln\nRevs 310.2 mln vs 287.5 mln\n"
                 "Note: the quarter includes a one-time gain of 1.1 mln dlrs from the sale of a warehouse.\n"},
        {"title": "Shenzhen v Guangzhou (Sat)",
         "text": "Universiade Stadium\n\nSaturday, 14 March\n\n1930 local time\n\nShenzhen go into the derby two points "
                 "clear at the top after a run of five wins, and their coach said on Thursday that the squad was fit.\n"},
        {"title": "Ferry operator adds routes",
         "text": "Ferry operator adds routes\n\nA Xiamen ferry operator said on Monday it would add three routes to "
                 "outlying islands from April, citing a rise in weekend visitors since the new year.\n"},
        # a standfirst shares words with its title and says more: the lead of the text, not the headline
        # (before: a feed's standfirsts were taken for two in three of its headlines)
        {"title": "Island ferry fares rise as winter routes are cut",
         "text": "Commuters on three islands say the cut routes and higher fares will cost them dearly\n\n"
                 "The ferry company said on Tuesday that fares would rise by 8% from December.\n"},
        # the title written again with the outlet's name after it is the headline all the same
        {"title": "Port strike ends after pay deal - Harbour Daily",
         "text": "Port strike ends after pay deal\n\nDockers returned to work on Friday after the union accepted "
                 "a two-year pay offer, the port authority said.\n"},
    ]
    (tmp_path / "items.jsonl").write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    assert run_cli("ingest", "items.jsonl", "--db", "d.db").returncode == 0
    out = run_cli("export", "--db", "d.db")
    stories = {s["headline"]: s for s in map(json.loads, out.stdout.decode().splitlines())}
    assert sorted(stories) == sorted([i["title"] for i in items[:4]] + ["Port strike ends after pay deal"])
    assert stories[items[0]["title"]]["text"].startswith("Shr 41 cts vs 33 cts\nNet 12.4 mln")
    assert stories[items[1]["title"]]["text"].startswith("Universiade Stadium")
    assert stories[items[2]["title"]]["text"].startswith("A Xiamen ferry operator")  # the repeated title is no text
    assert stories[items[3]["title"]]["text"].startswith("Commuters on three islands say")
    assert stories["Port strike ends after pay deal"]["text"].startswith("Dockers returned")


@pytest.mark.parametrize("line, title, repeats", [
    ("Ferry operator adds routes", "Ferry operator adds routes", True),
    ("Port strike ends after pay deal", "Port strike ends after pay deal - Harbour Daily", True),
    ("商品名称：纪念币一套", "纪念币一套", True),
    ("Commuters on three islands say the cut routes and higher fares will cost them dearly",
     "Island ferry fares rise as winter routes are cut", False),
    ("收：生肖卡6卷，142元/枚", "收：生肖卡，猴，狗，兔", False),
    ("", "Ferry operator adds routes", False),
])
def test_a_first_line_is_the_title_again_only_when_most_words_are_shared(line, title, repeats):
    from sinodesk.stages.segment import repeats_title

    assert repeats_title(line, title) is repeats


def test_a_hard_wrapped_lead_above_a_title_like_line_is_not_a_masthead():
    """A plain-text article wrapped at a fixed width: its lead sentence above a second paragraph
    whose first line looks like a title ("The new tariff applies to steel and") is the article's
    lead, not a page title to drop.  Before: the lead sentence was lost."""
    text = ("Guangdong Port Group said it would raise\n"
            "handling charges at two container terminals by\n"
            "eight pct from the start of next month.\n"
            "    The Increase Applies To Reefer And\n"
            "oversized boxes as well as standard containers,\n"
            "a company spokesman told reporters in Guangzhou.\n")
    segs = _split(text)
    assert len(segs) == 1 and segs[0].start == 0
    assert segs[0].text.startswith("Guangdong Port Group said")


@pytest.mark.parametrize("opening, dateline", [
    ("新华社北京3月3日电 记者张三报道", True),
    ("春城晚报3月17日消息，市政府昨天宣布", True),  # any outlet: a name ending 报/网/社/台/客户端/在线, then 电/讯/消息
    ("央视网消息（新闻联播）：今天起", True),
    ("中新网客户端3月18日电(记者李四)最高人民法院", True),
    ("本台消息：今年春运", True),
    ("据新华社报道，今年春运", False),  # a citation inside an article, not its dateline
    ("中国网络电视台播出了专题片", False),
    ("他在电话中说，", False),
])
def test_chinese_datelines_of_any_outlet(opening, dateline):
    from sinodesk.stages.segment.headline import DATELINE_ZH

    assert bool(DATELINE_ZH.match(opening)) is dateline


def test_an_articles_rows_for_two_periods_and_a_wrapped_sentences_last_line_are_not_furniture():
    """Lines that recur with other figures ("Shr 41 cts vs 33 cts" for the quarter, "Shr 1.52 dlrs
    vs 1.20 dlrs" for the year) are a table's rows inside one article, not page furniture; a
    hard-wrapped sentence's last line that opens in lower case ("officials said.") is text however
    often it recurs.  Before: both were dropped from the story."""
    item = ("Shr 41 cts vs 33 cts\nNet 12.4 mln vs 9.8 mln\nRevs 310.2 mln vs 287.5 mln\nNine mths\n"
            "Shr 1.52 dlrs vs 1.20 dlrs\nNet 45.9 mln vs 36.1 mln\nRevs 902.7 mln vs 861.0 mln\n")
    doc = Document(doc_id="t", raw_id="t", source="t", kind="jsonl", text=item, title="Harbour Logistics quarterly results")
    segs = segment(clean(doc), SegmentOptions())
    assert len(segs) == 1 and segs[0].text.count("Shr ") == 2 and segs[0].text.count("Revs ") == 2
    wrapped = ("Port operators in Ningbo expect container volumes to keep rising this spring as exporters rush\n"
               "to ship orders before new tariffs take effect, and several lines have added calls, U.S.\n"
               "officials said.\n"
               "    The rush could strain crane crews already working long shifts, and some shippers have\n"
               "booked space weeks ahead of their usual schedule to be sure of a slot on the U.S.\n"
               "officials said.\n")
    segs = _split(wrapped, kind="jsonl")
    assert len(segs) == 1 and segs[0].text.count("officials said.") == 2


def test_a_team_sheet_inside_one_article_is_its_own_text_not_furniture():
    """The line labeller, fitted on digests, calls short lines furniture ("Booked: Chen.", "Goals:
    Wang 12, 70."); between an article's paragraphs of prose they are the article's own (a team
    sheet, a list of measures).  Page furniture below the text still goes.  Before: the two lines
    were dropped from the story."""
    paras = ["The home side came from behind on Saturday evening to win the derby, their coach said, after a "
             "first half in which they barely kept the ball for more than a few passes.",
             "Harbin: Wang, Li, Zhou, Chen, Sun.", "Subs not used: Liu, Zhao.", "Booked: Chen.", "Goals: Wang 12, 70.",
             "Att: 31,204",
             "The win lifts Harbin to third place, two points behind the leaders, with a game in hand before the "
             "league breaks for the national team's qualifiers next month.",
             "Read or Share this story: http://example.com/x1"]
    doc = Document(doc_id="t", raw_id="t", source="t", kind="jsonl", text="\n\n".join(paras) + "\n", title="Harbin win derby")
    segs = segment(clean(doc), SegmentOptions())
    assert len(segs) == 1
    assert "Booked: Chen.\nGoals: Wang 12, 70." in segs[0].text
    assert "Read or Share" not in segs[0].text


def test_a_short_line_between_hard_wrapped_paragraphs_is_the_articles_own():
    """A wire story wrapped at 60-odd characters has no line that is prose on its own, so the
    paragraphs around a short line ("Terms were not released.") are judged whole
    (``paragraph_runs``).  Before: the short line was dropped as the labeller's furniture."""
    text = ("Harbour Freight Lines Inc said it agreed to buy the\n"
            "container terminal business of Eastgate Holdings for an\n"
            "undisclosed amount of cash and shares, adding two berths\n"
            "at the port of Tianjin to its network.\n"
            "    Terms were not released.\n"
            "    The company said the purchase would be completed by\n"
            "the end of June, subject to approval by regulators in\n"
            "China, and would add to earnings in the first full year.\n")
    segs = _split(text, kind="jsonl")
    assert len(segs) == 1
    assert "Terms were not released." in segs[0].text
