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
    x = _run("A short story with no source line and no date.", published="2024-05-06", url="https://www.scmp.com/news/x")
    assert (x.published, x.outlet_id) == ("2024-05-06", "scmp")


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


def test_every_option_is_documented():
    import inspect

    import sinodesk.stages.extract as ex

    src = inspect.getsource(ex.ExtractOptions)
    for name in ex.ExtractOptions.__dataclass_fields__:
        line = next(ln for ln in src.splitlines() if ln.strip().startswith(f"{name}:"))
        assert "# help:" in line, name
