"""Digest layouts the segmenter was not built on (``sinodesk eval segment --set unseen``).

Figures behind the floors (7 layouts x 12 digests + 4 single articles, default settings, through
ingest; the fast harness below gives the same stories).  Main's code before this work, measured
first (the honest held-out figure for all seven): boundary F1 telegram-channel 0.98, morning-brief
0.33, forwarded-email 1.00 (headlines 0.83, boilerplate leaked 0.49), toc-digest 0.99 (headlines
0.93), agency-wrap 0.99, briefs-en 0.42, briefs-zh 0.58; mean F1 0.758, headlines 0.471.  After
(the first five and the briefs worked on; telegram-channel and agency-wrap held out): see FLOORS
(the fast harness; through ingest the figures differ by at most 0.01 to 0.03 where ingest keeps one
copy of a text two digests of a layout share).
"""

from __future__ import annotations

import pytest

from sinodesk.errors import BadInput
from sinodesk.eval import layouts_unseen as U
from sinodesk.eval import segment_layouts as S
from sinodesk.eval.layouts import LAYOUTS
from sinodesk.settings import Settings

from tests.conftest import EVAL, SHARED, need_shared


@pytest.fixture(scope="module")
def unseen():
    need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl")
    return U.run_unseen(SHARED, harness="fast")["ours"]


def test_unseen_layouts_are_new_and_their_gold_is_in_the_text():
    need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl")
    assert not set(U.UNSEEN_LAYOUTS) & set(LAYOUTS)
    assert set(U.HELD_OUT) < set(U.UNSEEN_LAYOUTS)
    docs = U.unseen_set(SHARED, docs=4, singles=2)
    again = U.unseen_set(SHARED, docs=4, singles=2, layouts=["briefs-zh"])
    assert [d.body for d in again["briefs-zh"]] == [d.body for d in docs["briefs-zh"]]
    for name, ds in docs.items():
        assert len(ds) == 6 and sum(len(d.stories) == 1 for d in ds) == 2, name
        for d in ds:
            flat = S.norm(d.body)
            assert all(S.norm(g.first) in flat and S.norm(g.last) in flat for g in d.stories), d.name
            assert all(S.norm(b) in flat for b in d.boilerplate), d.name


def test_unknown_unseen_layout_is_a_clear_error():
    with pytest.raises(BadInput, match=r"^layout 'nope': unknown \(known: telegram-channel, morning-brief, "):
        U.generate_unseen("nope", [], 1)


def test_fast_harness_gives_the_stories_ingest_gives():
    need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl")
    docs = U.unseen_set(SHARED, docs=2, singles=1, layouts=["morning-brief", "forwarded-email", "briefs-en", "briefs-zh"])
    sample = [d for ds in docs.values() for d in ds]
    fast, slow = S.segment_fast(sample, Settings()), S.segment_ingest(sample, Settings())
    keys = ("start", "end", "headline", "headline_generated", "text")
    for d in sample:
        assert [tuple(s[k] for k in keys) for s in fast[d.name][1]] == [tuple(s[k] for k in keys) for s in slow[d.name][1]], d.name


# measured here (fast harness): F1, headline accuracy, boilerplate leakage; main before this work, through ingest, in brackets
FLOORS = {
    "telegram-channel": (0.97, 0.94, 0.01),  # held out: 0.982 [0.982], 0.946 [0.00: an emoji opened every headline; the
    # fix was written on this file's own posts, the layout's figure is no longer held out for headlines], 0.00
    "morning-brief": (0.99, 0.99, 0.2),  # 1.000 [0.333], 1.000 [0.000], 0.167 [0.625]
    "forwarded-email": (0.99, 0.99, 0.06),  # 1.000 [1.000], 1.000 [0.831], 0.045 [0.491]
    "toc-digest": (0.98, 0.97, 0.01),  # 0.991 [0.991], 0.983 [0.932], 0.00
    "agency-wrap": (0.98, 0.98, 0.01),  # held out: 0.993 [0.993], 0.985 [0.985], 0.00
    "briefs-en": (0.8, 0.66, 0.01),  # 0.812 [0.421], 0.683 [0.267]
    "briefs-zh": (0.6, 0.3, 0.01),  # 0.615 [0.584], 0.317 [0.283]: the briefs rule leaves Chinese text alone
    # (any outlet's dateline, 19th session: through ingest 0.62 -> 0.64, P 0.90 -> 0.94)
}


def test_unseen_layout_floors(unseen):
    assert set(unseen) == set(FLOORS)
    for name, (f1, heads, leak) in FLOORS.items():
        s = unseen[name]
        assert s.f1 >= f1, (name, s.f1, s.problems[:5])
        assert s.headline_accuracy >= heads, (name, s.headline_accuracy)
        assert s.boiler_leakage <= leak, (name, s.boiler_leakage)
        assert s.sep_leakage == 0.0, name
    assert sum(s.f1 for s in unseen.values()) / len(unseen) >= 0.91  # 0.913 [0.758]
    assert min(s.whole_rate for s in unseen.values()) == 1.0


# ----------------------------------------------------------------------------- the rules, on texts written here

from sinodesk.records import Document  # noqa: E402
from sinodesk.stages.clean import clean  # noqa: E402
from sinodesk.stages.segment import SegmentOptions, segment  # noqa: E402
from sinodesk.stages.segment.briefs import brief_starts  # noqa: E402


def _split(text: str, **opts):
    return segment(clean(Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)), SegmentOptions(**opts))


BRIEFS = [
    "Harbin Electric won a contract to build two turbines for a hydropower plant in Laos, the company told the "
    "Shenzhen exchange, without giving the value of the order.",
    "Floods in the south of Guangxi closed three highways and forced the evacuation of about 4,000 villagers, local "
    "officials said, as rivers rose after a week of heavy rain.",
    "The central bank of Chile kept its benchmark rate unchanged at its monthly meeting and said inflation was "
    "slowing faster than it had expected in the spring.",
    "Volvo Cars recalled some 12,000 sedans in Sweden and Norway to replace a seat-belt sensor that may fail in "
    "very cold weather, a spokeswoman for the carmaker said.",
]


def test_short_briefs_without_headlines_are_split_and_nothing_is_lost():
    text = "\n\n".join(BRIEFS) + "\n"
    segs = _split(text)
    assert [text[s.start:s.end].split(",")[0] for s in segs] == [b.split(",")[0] for b in BRIEFS]
    assert all(s.headline_generated for s in segs)
    assert len(_split(text, briefs=False)) == 1  # the setting turns it off


def test_an_article_that_keeps_to_its_names_is_not_briefs():
    article = [
        "Harbin Electric won a contract to build two turbines for a hydropower plant in Laos, the company said.",
        "The order is the first for Harbin Electric in the country since a rail link to Laos opened last year.",
        "Analysts said the turbines could be worth about 300 million yuan, a large order for a plant of its size.",
        "Shares in Harbin Electric rose 3 percent in Hong Kong after the announcement.",
    ]
    assert brief_starts(article) == [0]
    assert brief_starts(BRIEFS[:2]) == [0]  # two parts of a short text: as often one article's halves
    assert brief_starts(BRIEFS[:3]) == [0, 1, 2]
    points_back = "He said the first of the two turbines would be shipped from the factory early next year."
    assert brief_starts([BRIEFS[0], points_back, BRIEFS[1], BRIEFS[2]]) == [0, 2, 3]
    assert brief_starts([BRIEFS[0], points_back, "It will be the third such order.", BRIEFS[1]]) == [0]  # not all prose


def test_bold_lead_in_items_without_blank_lines():
    text = ("Good morning. Here is the news.\n"
            "**Rates cut in Chile.** The central bank of Chile lowered its benchmark rate by a quarter point, citing slower inflation.\n"
            "**Floods close highways.** Floods in the south of Guangxi closed three highways and forced thousands of villagers from their homes.\n"
            "**Volvo recalls sedans.** Volvo Cars recalled some 12,000 sedans to replace a seat-belt sensor that may fail in the cold.\n")
    segs = _split(text)
    assert [s.headline for s in segs] == ["Rates cut in Chile", "Floods close highways", "Volvo recalls sedans"]
    assert segs[0].text.startswith("The central bank of Chile")


def test_forwarded_mail_headers_are_no_story():
    stories = [("Rates cut in Chile", "The central bank of Chile lowered its benchmark rate by a quarter point on Tuesday, "
                "citing slower inflation and a weaker outlook for copper exports over the rest of the year."),
               ("Floods close highways in Guangxi", "Floods in the south of Guangxi closed three highways and forced "
                "thousands of villagers from their homes after a week of heavy rain across the region."),
               ("Volvo recalls sedans", "Volvo Cars recalled some 12,000 sedans in Sweden and Norway to replace a "
                "seat-belt sensor that may fail in very cold weather, a spokeswoman for the carmaker said.")]
    text = ("FYI, see below.\n\n---------- Forwarded message ---------\nFrom: Desk <desk@example.org>\n"
            "Date: March 3, 2026\nSubject: Morning headlines\nTo: Reader <r@example.org>\n\n"
            + "".join(f"> {h}\n>\n> {b}\n>\n" for h, b in stories))
    segs = _split(text)
    assert [s.headline for s in segs] == [h for h, _ in stories]
    assert not any("From:" in s.text or "Subject:" in s.text or "Forwarded" in s.text for s in segs)


def test_emoji_and_bold_markup_around_a_headline_are_not_its_words():
    posts = [("📌 **Port of Ningbo adds night shifts**", "Port of Ningbo adds night shifts"),
             ("⚡️ Typhoon season may start early", "Typhoon season may start early"),
             ("🇨🇳 Regulator fines three online lenders 👀", "Regulator fines three online lenders"),
             ("🧑🏽‍💻 Coders flock to Hangzhou ★", "Coders flock to Hangzhou")]
    body = ("Officials said on Thursday that the change would take effect next month and would be reviewed "
            "after a year, and that the public could comment on the draft until the end of April.")
    text = "".join(f"Harbour Notes, [03.04.2025 09:{k:02d}]\n{h}\n{body} ({k})\n#news\n\n" for k, (h, _) in enumerate(posts))
    segs = _split(text)
    assert [s.headline for s in segs] == [want for _, want in posts]
    assert all(text[s.headline_span[0]:s.headline_span[1]] == s.headline for s in segs)


def test_split_keeps_the_lead_above_numbered_sub_heads(tmp_path, run_cli):
    lead = ("The city council approved a new budget on Tuesday after months of debate over spending on schools, roads "
            "and the police. The vote was seven to four, with the mayor casting no vote.")
    text = (lead + "\n\n"
            "1. Schools get more money\nThe school district will receive an extra 12 million dollars, most of it for "
            "teacher salaries and new classrooms in the north of the city.\n\n"
            "2. Roads and bridges\nRepairs to the Main Street bridge will begin in the spring. Engineers have warned "
            "for years that the bridge is in poor condition.\n\n"
            "3. Police staffing\nThe police department will hire 20 new officers. The police chief said the new hires "
            "would cut response times across the city.\n")
    segs = _split(text)
    assert segs[0].start == 0 and segs[0].text == lead and segs[0].headline_generated
    assert [s.headline for s in segs[1:]] == ["Schools get more money", "Roads and bridges", "Police staffing"]
    (tmp_path / "budget.txt").write_text(text, encoding="utf-8")
    r = run_cli("split", tmp_path / "budget.txt")
    assert r.returncode == 0
    assert r.stdout.decode().splitlines()[0].startswith("  1. The city council approved a new budget")


def test_eval_segment_unseen_cli(tmp_path, run_cli):
    need_shared(EVAL / "bbc-news-topics" / "bbc_news.jsonl")
    import json

    r = run_cli("eval", "segment", "--set", "unseen", "--docs", "1", "--layout-singles", "1", "--fast", "--json", "--data", SHARED)
    assert r.returncode == 0, r.stderr.decode()
    out = json.loads(r.stdout)["unseen"]
    assert out["held_out"] == ["telegram-channel", "agency-wrap"] and out["harness"] == "fast"
    assert list(out["layouts"]) == list(U.UNSEEN_LAYOUTS) and out["layouts"]["morning-brief"]["f1"] == 1.0
    r = run_cli("eval", "segment", "--set", "unseen", "--data", tmp_path)
    assert r.returncode == 1
    assert r.stderr.decode().strip() == (f"Error: {tmp_path}/eval/bbc-news-topics/bbc_news.jsonl: eval data not found "
                                         "(pass --data pointing at the shared folder)")
