"""What keeps topical-but-different stories apart: an outlet's beat, template series, one outlet's
second report, cross-language links weeks apart (headlines written for these tests)."""

from __future__ import annotations

import pytest

from sinodesk.stages.cluster import EventLinker, EventOptions, LinkItem
from sinodesk.stages.cluster.beat import OutletBeat
from sinodesk.stages.cluster.features import headline_frame, series_pair


@pytest.mark.parametrize("a, b, series", [
    ("Weather in Leeds today: showers and a cool wind for 3 May", "Weather in North York today: showers and a cool wind for 3 May", True),
    ("Lottery results of the Northern Draw for 12 June", "Lottery results of the Coastal Draw for 12 June", True),
    ("Billing API v2024 sunset reminder", "Billing API v2023 sunset reminder", True),
    ("浙江大学2025年录取结果查询开通", "湖南大学2025年录取结果查询开通", True),
    ("秋季家居促销盘点之北欧风", "秋季家居促销盘点之红木坊", True),
    # restatements of one story: words added or dropped, figures changed -- not a series
    ("Death toll from the Lisbon floods rises to 40", "Death toll from the Lisbon floods rises to 52", False),
    ("Port strike ends after talks", "Port strike ends after overnight talks (photos)", False),
    ("北京新楼盘开盘均价3万", "北京新楼盘开盘均价3万(图)", False),
    ("市场一周回顾及展望", "市场一周回顾", False),
    # too little in common to be one template
    ("Minister resigns over contracts", "Storm closes the harbour for a day", False),
])
def test_series_pair_tells_a_template_series_from_a_restatement(a, b, series):
    assert series_pair(headline_frame(a), headline_frame(b)) is series
    assert series_pair(headline_frame(b), headline_frame(a)) is series


def test_outlet_beat_counts_per_outlet_and_stays_bounded():
    beat = OutletBeat(0.3, 10, prune_every=20)
    for i in range(40):
        beat.add("Weather Daily", {"forecast", "rain", f"town{i}"})
        beat.add("Other Paper", {"forecast", f"story{i}", f"word{i}"} if i % 10 == 0 else {f"story{i}"})
    beat.add(None, {"forecast"})  # no outlet: not counted
    assert beat.among("Weather Daily", {"forecast", "rain", "town3"}) == {"forecast", "rain"}
    assert beat.among("Other Paper", {"forecast", "story3"}) == frozenset()  # 4 of 40: not its beat
    assert beat.among(None, {"forecast"}) == frozenset() and beat.among("Unknown", {"forecast"}) == frozenset()
    assert len(beat.outlets["Weather Daily"][1]) == 2  # the one-off town names were pruned
    assert OutletBeat(0.3, 50).among("x", {"a"}) == frozenset()  # too few stories: no beat yet
    back = OutletBeat.from_json(beat.to_json(), 0.3, 10)
    assert back.among("Weather Daily", {"rain"}) == {"rain"}


def _forecast(i: int, town: str) -> LinkItem:
    return LinkItem(f"w{i}", f"Weather in {town} today: forecast for the third of May",
                    f"The forecast for the town of {town} says the sky will be cloudy in the morning with light rain "
                    "spreading from the west, according to the National Weather Office, and temperatures between "
                    "nine and fifteen degrees; winds from the south at twenty kilometres an hour.",
                    published="2025-05-03", language="en", outlet="Weather Daily")


def test_one_outlets_forecasts_for_different_towns_are_not_one_event():
    towns = ["Leeds", "York", "Derby", "Bath", "Hull", "Ripon", "Ely", "Wells"]
    lk = EventLinker(EventOptions(cold_start_docs=0))
    items = [_forecast(i, t) for i, t in enumerate(towns)]
    lk.expect(items)
    events = {lk.add(it).event_id for it in items}
    assert len(events) == len(towns)
    # with the template rule, the beat and the same-outlet raise off, the same stories are one event
    off = EventLinker(EventOptions(cold_start_docs=0, series_frame=0, beat_share=0, same_outlet_raise=0))
    assert len({off.add(it).event_id for it in items}) < len(towns)


def test_stories_in_two_languages_weeks_apart_do_not_link_on_the_same_names():
    lk = EventLinker(EventOptions(cold_start_docs=0))
    en = LinkItem("en1", "Leader visits the port city", "The leader toured the harbour and met workers.",
                  published="2025-03-01", language="en", entities=("Q1", "Q2"))
    pt = LinkItem("pt1", "Líder visita a cidade portuária", "O líder visitou o porto e falou com trabalhadores.",
                  published="2025-03-20", language="pt", entities=("Q1", "Q2"))
    near = LinkItem("pt2", "Líder visita a cidade portuária", "O líder visitou o porto e falou com trabalhadores.",
                    published="2025-03-02", language="pt", entities=("Q1", "Q2"))
    first = lk.add(en).event_id
    assert lk.add(pt).event_id != first  # 19 days apart: the same names are a topic
    lk = EventLinker(EventOptions(cold_start_docs=0))
    first = lk.add(en).event_id
    assert lk.add(near).event_id == first  # the next day: a foreign report of the same visit


def test_undated_headlines_that_name_nothing_are_a_column_not_one_event():
    """Without dates, near-identical headlines that name no one and give no figure are a recurring
    column's title (one issue a week); with a shared figure or name they are one item restated."""
    column = [LinkItem("c1", "Weekly review of the news that moves the market", ""),
              LinkItem("c2", "Weekly review of the news that moves the market, and the outlook", "")]
    listing = [LinkItem("l1", "Riverside Gardens opens its second tower at 17500 a square metre", ""),
               LinkItem("l2", "Riverside Gardens opens its second tower at 17500 a square metre (photos)", "")]
    for opts, apart in ((EventOptions(), True), (EventOptions(undated_anchor=False), False)):
        lk = EventLinker(opts)
        assert (lk.add(column[0]).event_id != lk.add(column[1]).event_id) is apart
        assert lk.add(listing[0]).event_id == lk.add(listing[1]).event_id


def _post(sid: str, head: str, body: str) -> LinkItem:
    return LinkItem(sid, head, body, published="2025-11-28", language="en", outlet="Gadget Weekly")


def test_one_outlets_posts_on_its_beat_need_a_shared_subject_in_their_headlines():
    """Two roundups one outlet posts the same day share its beat words, not an event; its second
    report of one event names the event's subject in its headline."""
    body = ("Retailers cut prices on laptops, tablets, phones and headphones for the holiday weekend, and "
            "several shops matched each other's discounts on televisions and smart speakers until midnight.")
    a = _post("r1", "Holiday deals: the best discounts on laptops and tablets", body)
    b = _post("r2", "The bargains are not over yet", body.replace("until midnight", "through Monday"))
    strike = [_post("p1", "Chip plant strike ends after overnight talks",
                    "Workers at the Norrvik chip plant returned after managers agreed a pay rise of six percent."),
              _post("p2", "Norrvik workers back on the line as the chip plant strike ends",
                    "The Norrvik chip plant restarted its lines on Friday after the pay deal ended the strike.")]
    for opts, apart in ((EventOptions(cold_start_docs=0), True),
                        (EventOptions(cold_start_docs=0, same_outlet_headline=False), False)):
        lk = EventLinker(opts)
        assert (lk.add(a).event_id != lk.add(b).event_id) is apart
        assert lk.add(strike[0]).event_id == lk.add(strike[1]).event_id


def test_undated_stories_that_write_other_years_score_lower_and_pairs_agree():
    """With no dates, the years written are the clue to which year's quake a story reports: an
    undated pair that writes years and shares none scores (1 - year_conflict) as much; a dated
    pair, or one sharing a year, is not touched; re-clustering's pair scores say the same."""
    from sinodesk.stages.cluster import scoring

    body = ("A strong earthquake shook the island of Qeshm in the Gulf on Sunday, destroying villages and "
            "killing at least ten people, officials said; rescuers searched the rubble through the night, in {y}.")
    lk = EventLinker(EventOptions(cold_start_docs=0))
    first = lk.add(LinkItem("q1", "Quake kills ten on Qeshm island", body.format(y=2005), language="en"))
    ev = lk.events[first.event_id]
    other = lk.features(LinkItem("q2", "Quake kills ten on Qeshm island", body.format(y=2008), language="en"))
    same = lk.features(LinkItem("q3", "Quake kills ten on Qeshm island", body.format(y=2005), language="en"))
    on, off = EventOptions(cold_start_docs=0), EventOptions(cold_start_docs=0, year_conflict=0)
    assert on.year_conflict > 0 and scoring.story_score(other, ev, off, 1.0) > on.threshold  # a pair that would link
    assert scoring.story_score(other, ev, on, 1.0) == pytest.approx(scoring.story_score(other, ev, off, 1.0) * (1 - on.year_conflict))
    assert scoring.story_score(same, ev, on, 1.0) == scoring.story_score(same, ev, off, 1.0)
    recs = [lk.records["q1"], other, same]
    assert scoring.pair_scores(recs, on, 1.0)[0, 1] == pytest.approx(scoring.pair_scores(recs, off, 1.0)[0, 1] * (1 - on.year_conflict))
    assert scoring.pair_scores(recs, on, 1.0)[0, 2] == pytest.approx(scoring.pair_scores(recs, off, 1.0)[0, 2])
    dated = lk.features(LinkItem("q4", "Quake kills ten on Qeshm island", body.format(y=2008), published="2008-09-10",
                                 language="en"))
    ev.first_day = ev.last_day = dated.day  # both dated: the time decay tells the years apart, not this rule
    assert scoring.story_score(dated, ev, on, 1.0) == scoring.story_score(dated, ev, off, 1.0)
