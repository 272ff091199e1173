"""Briefings: sections, cited extractive summaries, what changed, and every output format.

Archives are built through the product path (the Runner that 'sinodesk ingest' uses) from JSONL
items written for these tests, and from real UCI headlines in test_brief_real.py.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import feedparser
import pytest

from sinodesk.archive import open_archive
from sinodesk.brief import Briefing, build_briefing, load_sections, render, save_briefing, window
from sinodesk.brief.changes import quantities
from sinodesk.brief.sections import assign, story_matches
from sinodesk.brief.select import EventGroup, TermWeights, measure_cohesion
from sinodesk.brief.summarise import split_sentences, usable
from sinodesk.brief.options import BriefOptions
from sinodesk.errors import ConfigError
from sinodesk.eval.harness import write_jsonl
from sinodesk.pipeline import Runner
from sinodesk.records import Entity, Story
from sinodesk.settings import Settings

# Items written for these tests (fictional): a flood reported by two outlets on day 1, a follow-up
# with a higher toll on day 2, a cyber story, and an unrelated Taiwan story.
def _news(title, date, outlet, url, text):
    return {"title": title, "date": date, "outlet": outlet, "url": f"https://example.org/{url}", "text": text}


DAY1 = [
    _news("Floods in Guangxi kill 12", "2025-06-02", "Reuters", "r/1",
          "Floods in Guangxi have killed 12 people, officials said on Monday. Rivers burst their banks after three days "
          "of heavy rain in the south of the region. Rescue teams moved more than 3,000 residents to schools and sports halls."),
    _news("Guangxi floods leave 12 dead", "2025-06-02", "Global Times", "gt/1",
          "Floods in Guangxi have killed 12 people, the regional government said on Monday. Heavy rain has fallen for three "
          "days across the south of the region. Local authorities organised the transfer of residents to safe places."),
    _news("Ransomware hits Shenzhen hospital network", "2025-06-02", "Caixin", "cx/1",
          "A ransomware attack disrupted the computer systems of four hospitals in Shenzhen on Monday, according to the city's "
          "health commission. Patient records were encrypted and appointments were moved to paper. The attackers demanded "
          "payment in bitcoin, security firm Qihoo 360 said."),
]
DAY2 = [
    _news("Guangxi flood toll rises", "2025-06-03", "Reuters", "r/2",
          "Floods in Guangxi have killed 15 people, officials said on Tuesday, as rescuers found three more bodies. Rivers "
          "burst their banks after days of heavy rain in the south of the region. More than 5,000 residents have left their homes."),
    _news("Taiwan Coast Guard tracks Chinese ships near Kinmen", "2025-06-03", "CNA", "cna/1",
          "Taiwan's Coast Guard Administration said four Chinese coast guard ships entered restricted waters near Kinmen on "
          "Tuesday. The ships left after two hours. It was the fifth such incursion this month, the agency said."),
]


@pytest.fixture(scope="module")
def two_days(tmp_path_factory):
    """An archive with day 1 ingested, briefed and stored, then day 2 ingested: (archive, first briefing)."""
    tmp = tmp_path_factory.mktemp("brief")
    db = str(tmp / "desk.db")
    archive = open_archive(db)
    runner = Runner(archive, Settings(db=db))
    runner.ingest([str(write_jsonl(DAY1, tmp / "day1.jsonl"))])
    first = save_briefing(archive, build_briefing(archive, "2025-06-02", "2025-06-02"))
    runner.ingest([str(write_jsonl(DAY2, tmp / "day2.jsonl"))])
    yield archive, first
    archive.close()


def _item(b: Briefing, word: str):
    return next(it for it in b.items() if word in it.headline)


def test_sentences_are_verbatim_and_cited(two_days):
    archive, first = two_days
    b = build_briefing(archive, "2025-06-02", "2025-06-03", previous=None)
    assert b.items()
    for it in b.items():
        assert 1 <= len(it.sentences) <= 4
        for s in it.sentences:
            story = archive.get_story(s.story_id)
            assert story.text[s.start:s.end] == s.text
            assert it.citations[s.ref - 1].story_id == s.story_id
        assert {c.story_id for c in it.citations} <= set(it.story_ids) | set(it.loose)
    flood = _item(b, "Guangxi")
    assert {c.outlet for c in flood.citations} == {"Reuters", "Global Times"}
    assert flood.families == ("PRC state", "Western press")


def test_what_changed_across_two_briefings(two_days):
    archive, first = two_days
    assert first.previous_id is None and first.briefing_id is not None
    second = build_briefing(archive, "2025-06-02", "2025-06-03")  # compared with the stored first one
    assert second.previous_id == first.briefing_id
    flood = _item(second, "Guangxi")
    assert flood.change.status == "grew"
    assert (flood.change.added, flood.change.before) == (1, 2)
    assert [(n.before, n.now) for n in flood.change.numbers] == [("12 people", "15 people")]
    cited = flood.citations[flood.change.numbers[0].ref - 1]
    assert cited.url == "https://example.org/r/2"
    assert _item(second, "Kinmen").change.status == "new"
    assert _item(second, "Ransomware").change.status == "ongoing"
    md = render(second, "md")
    assert "Grew since the last briefing: 1 more story (2 before). Figures changed:" in md
    assert "12 people → 15 people" in md
    assert "1 new, 1 grew, 1 with changed figures" in md


def test_sections_hold_what_their_rules_say(two_days):
    archive, _ = two_days
    rules = load_sections(watch=["Taiwan"])
    b = build_briefing(archive, "2025-06-02", "2025-06-03", rules, previous=None)
    by_section = {sec.id: [it.headline for it in sec.items] for sec in b.sections}
    assert by_section["watch-taiwan"] == ["Taiwan Coast Guard tracks Chinese ships near Kinmen"]
    assert by_section["cyber"] == ["Ransomware hits Shenzhen hospital network"]
    assert [sec.title for sec in b.sections if sec.id.startswith("watch")] == ["Taiwan Watch"]
    ids = [it.event_id for it in b.items()]
    assert len(ids) == len(set(ids))
    from sinodesk.brief.build import Desk

    desk = Desk()
    for sec in b.sections:
        rule = rules.get(sec.id)
        for it in sec.items:
            stories = [archive.get_story(sid) for sid in it.story_ids]
            share = sum(story_matches(rule, s, desk.family(s)) for s in stories) / len(stories)
            assert share >= (rule.min_share if not rule.fallback else 0.0)


def test_formats_validate(two_days):
    archive, _ = two_days
    b = build_briefing(archive, "2025-06-02", "2025-06-03", previous=None)
    n = len(b.items())
    for fmt in ("rss", "atom"):
        feed = feedparser.parse(render(b, fmt))
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert len(feed.entries) == n
        assert feed.entries[0].link.startswith("https://example.org/")
        assert "[1]" in feed.entries[0].summary
    html = render(b, "html")

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.seen = []

        def handle_starttag(self, tag, attrs):
            self.seen.append(tag)

    p = Tags()
    p.feed(html)
    assert p.seen.count("article") == n
    assert "@media print" in html and "<main" in html
    data = json.loads(render(b, "json"))
    assert Briefing.from_dict(data) == b
    assert {"sections", "n_stories", "created"} <= set(data)
    assert data["sections"][0]["items"] == [] or "sentences" in data["sections"][0]["items"][0]


def test_html_escapes_story_text():
    s = Story("s1", "d1", "x.txt", 0, 60, "A <script>alert(1)</script> appeared in the page of a Beijing court today, officials said.",
              headline="Court <b>page</b>", language="en", published="2025-06-02")
    from sinodesk.brief.build import Desk, make_item

    ev = EventGroup("story:s1", [s], ["unknown outlet"])
    measure_cohesion(ev, TermWeights([s]), BriefOptions())
    it = make_item(ev, Desk(), BriefOptions(), None)
    from sinodesk.brief.model import SectionResult

    b = Briefing("t", "T", "2025-06-02", "2025-06-02", "2025-06-02T00:00:00Z", (SectionResult("x", "X", (it,), 1),), 1, 1)
    html = render(b, "html")
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "Court &lt;b&gt;page&lt;/b&gt;" in html
    assert "\\<script\\>" in render(b, "md")


def test_incoherent_event_does_not_rank_by_spread():
    """A wrong merge (three unrelated stories in three families) ranks below a real two-family event."""
    def st(sid, text, outlet, lang="en", ents=()):
        return Story(sid, "d", "x", 0, len(text), text, headline=text[:40], language=lang, outlet=outlet, published="2025-06-02",
                     event_id="ev-a" if sid.startswith("a") else "ev-b",
                     entities=tuple(Entity(e, "GPE", e, 0, 1) for e in ents))
    wrong = [st("a1", "Premier Li Qiang held talks with Singapore's prime minister in Beijing on Monday.", "Xinhua", ents=("gpe:singapore",)),
             st("a2", "La Covid-19 sigue en Rusia con nuevos casos registrados este lunes en Moscú.", "La Nacion", "es", ("gpe:russia",)),
             st("a3", "O Dow Jones fecha em baixa de 0,68% nesta segunda-feira em Nova York.", "Folha", "pt", ("gpe:united-states",))]
    real = [st("b1", "A typhoon hit Hainan on Monday, cutting power to 200,000 homes, officials said.", "Reuters", ents=("gpe:hainan",)),
            st("b2", "Typhoon cuts power to 200,000 homes in Hainan, the provincial grid said on Monday.", "Global Times", ents=("gpe:hainan",))]
    fam = {"Xinhua": "PRC state", "La Nacion": "La Nacion", "Folha": "Folha", "Reuters": "Western press", "Global Times": "PRC state"}
    from sinodesk.brief.select import top_events

    evs = [EventGroup("ev-a", wrong, [fam[s.outlet] for s in wrong]), EventGroup("ev-b", real, [fam[s.outlet] for s in real])]
    weights = TermWeights(wrong + real)
    top = top_events(evs, 2, weights, BriefOptions())
    assert [e.event_id for e in top] == ["ev-b", "ev-a"]
    assert len(top[1].core) == 1 and len(top[1].loose) == 2


def test_sentence_splitting_keeps_quotes_and_offsets():
    text = "Officials called it “a breakthrough.” Markets rose 2 percent on Monday.\n网络攻击导致服务中断。约4万家企业客户受到影响。"
    s = Story("s", "d", "x", 0, len(text), text)
    parts = [text[a:b] for a, b in split_sentences(s)]
    assert parts == ["Officials called it “a breakthrough.”", "Markets rose 2 percent on Monday.", "网络攻击导致服务中断。",
                     "约4万家企业客户受到影响。"]
    assert not usable("Source: HKET, March 23, 2022") and not usable("https://bit.ly/3JKnEvf")
    assert usable("Markets rose 2 percent on Monday in Shanghai.")
    assert not usable("I, Zhao Gang, make this choice: to demand democracy and establish a new China.”")  # inside a quotation
    assert usable("He said the plan was “a breakthrough” for the region.")
    assert not usable("• “America, please come and rescue the investors in deep trouble.”")  # a list entry
    assert not usable("(Weibo is a Chinese social media platform)")  # an aside


def test_quantities_key_by_unit_and_subject(two_days):
    archive, _ = two_days
    stories = sorted((s for s in archive.iter_stories() if "Guangxi" in (s.headline or "")), key=lambda s: s.published)
    q = {x.key: x.text for x in quantities(stories)}
    assert any(v == "15 people" for v in q.values())


def test_window_errors():
    import datetime as dt

    assert window("7d", "2025-03-07") == ("2025-02-28", "2025-03-07")
    assert window("all", "2025-03-07") == (None, "2025-03-07")
    assert window(None, None, today=dt.date(2025, 1, 2)) == (None, "2025-01-02")
    with pytest.raises(ConfigError, match=r"^--since 'yesterday': expected an ISO date \(2025-03-01\), a span like 7d, 4w, 6m, 1y, or 'all'$"):
        window("yesterday", "2025-03-07")
    with pytest.raises(ConfigError, match=r"^--since 2025-04-01 is after --until 2025-03-07 \(give an earlier --since\)$"):
        window("2025-04-01", "2025-03-07")


@pytest.mark.parametrize("toml,message", [
    ('[[section]]\nid = "x"\ntitle = "X"\ntopics = ["cyberr"]\n', r"section 1 \(x\): unknown topic\(s\) cyberr in 'topics' \(known: cyber, "),
    ('[[section]]\nid = "x"\ntitle = "X"\ncolour = "red"\n', r"section 1 \(x\): unknown field\(s\) colour \(known: "),
    ('title = "only a title"\n', r"no \[\[section\]\] tables \(define at least one section\)$"),
    ('[[section]]\nid = "x"\ntitle = "X"\nfamilies = ["PRC stat"]\n', r"unknown owner family PRC stat \(known: PRC state, "),
    ('[[section]]\nid = "x"\ntitle = "X"\nmin_share = 2\n', r"section 1 \(x\): 'min_share' must be in \(0, 1\], got 2$"),
    ('[[section]]\nid = "x"\ntitle = "X"\n[[section]]\nid = "x"\ntitle = "Y"\n', r"section id 'x' is used twice"),
])
def test_section_file_errors(tmp_path, toml, message):
    bad = tmp_path / "s.toml"
    bad.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as err:
        load_sections(bad)
    assert str(err.value).startswith(f"{bad}")  # the message names the file


def test_watch_needs_a_watch_section(tmp_path):
    no_watch = tmp_path / "w.toml"
    no_watch.write_text('[[section]]\nid = "x"\ntitle = "X"\nfallback = true\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"--watch needs a section marked 'watch = true' to replace \(add one\)$"):
        load_sections(no_watch, watch=["India"])


def test_assign_prefers_priority_then_share():
    rules = load_sections()

    def st(sid, topics, ents=()):
        return Story(sid, "d", "x", 0, 1, "x", topics=topics, topic_scores={t: 0.9 for t in topics},
                     entities=tuple(Entity(e, "GPE", e, 0, 1) for e in ents))

    india = EventGroup("e1", [st("a", ("economy_trade",), ("gpe:india",))], ["x"])
    cyber = EventGroup("e2", [st("b", ("cyber", "tech_ai"))], ["x"])
    none = EventGroup("e3", [st("c", ())], ["x"])
    placed = assign([india, cyber, none], rules, lambda s: "x")
    assert [e.event_id for e in placed["watch"]] == ["e1"]
    assert [e.event_id for e in placed["other"]] == ["e3"]
    assert [e.event_id for e in placed["cyber"]] == ["e2"] and placed["tech"] == []  # equal share and score: the earlier section


def test_a_citation_dated_only_by_ingest_says_so():
    from sinodesk.brief.model import Citation

    dated = Citation("s1", "Caixin", "caixin", "2025-03-04", None, "in.jsonl")
    ingested = Citation("s2", None, "", "2026-12-06", None, "/x/004_digest.txt", dated_by_ingest=True)
    assert dated.label() == "Caixin, 2025-03-04"
    assert ingested.label() == "004_digest.txt, undated, ingested 2026-12-06"
    assert Citation("s3", "RFA", "rfa", None, None, "f").label() == "RFA, undated"
