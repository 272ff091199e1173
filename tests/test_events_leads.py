"""Whom a story is about (stages/cluster/lead.py): two reports that lead with different people are
less likely one event -- the team's next arrest, another player put on injured reserve, told in the
same words (``lead_conflict``)."""

from __future__ import annotations

import pytest

from sinodesk.stages.cluster import EventLinker, EventOptions, LinkItem, scoring
from sinodesk.stages.cluster.event import Event
from sinodesk.stages.cluster.lead import lead_conflict, lead_people
from sinodesk.stages.cluster.state import record_from_json, record_json

ON = EventOptions(cold_start_docs=0, lead_conflict=0.3)  # off by default (see the option's help)
DELANE = ("person:marco-delane", "person:delane", "person:delane", "person:delane")


@pytest.mark.parametrize("people, headline, speakers, expected", [
    # the headline names him (by his surname alone): he leads, whoever else the story names
    (DELANE + ("person:oskar-brandt",) * 4, "Gulls receiver Delane arrested", (), ("marco-delane",)),
    # no one in the headline: the one named most, three times or more and twice as often as anyone
    (DELANE + ("person:oskar-brandt",), "Receiver arrested on the coast road", (), ("marco-delane",)),
    (DELANE + ("person:oskar-brandt",) * 2, "Receiver arrested on the coast road", (), ("marco-delane",)),  # 4 vs 2
    (DELANE + ("person:oskar-brandt",) * 3, "Receiver arrested on the coast road", (), ()),  # two people: neither
    (("person:marco-delane", "person:delane"), "Receiver arrested on the coast road", (), ()),  # named twice only
    # who tells the news is not whom it is about
    (DELANE + ("person:ivo-tarrow",), "Coach Tarrow says Delane will play", ("Ivo Tarrow",), ("marco-delane",)),
    (("person:ivo-tarrow",) * 5, "Tarrow announced the signing", ("Ivo Tarrow",), ()),
    (("person:ivo-tarrow",) * 5, "Tarrow has reported the signing", ("Ivo Tarrow",), ()),
    # ... but the subject of the headline who speaks in the body still leads
    (DELANE, "Gulls receiver Delane arrested", ("Marco Delane",), ("marco-delane",)),
    (DELANE, "Receiver arrested on the coast road", ("Marco Delane",), ()),
    ((), "Delane arrested", (), ()),
])
def test_a_story_leads_with_the_people_its_headline_names_else_the_one_it_names_most(people, headline, speakers,
                                                                                     expected):
    assert lead_people(people, headline, 3, 2.0, speakers) == expected


def test_an_event_leads_with_the_people_most_of_its_stories_lead_with():
    leads = {"marco-delane": 3, "oskar-brandt": 1}
    assert not lead_conflict(("delane",), leads)  # his surname alone is the same person
    assert lead_conflict(("oskar-brandt",), leads)  # one story of four led with him: not whom the event is about
    assert lead_conflict(("ana-ruiz",), leads)
    assert not lead_conflict(("ana-ruiz", "marco-delane"), leads)  # a headline naming both
    assert not lead_conflict((), leads) and not lead_conflict(("ana-ruiz",), {})


ARREST = ("{full}, the {role} of the Harbour City Gulls, was arrested on suspicion of drunken driving early on Sunday "
          "after the highway patrol stopped his car on the coast road, the team said. {sur} was released on bail; the "
          "Gulls said {sur} would play in the playoff game against the Northport Rams next week. {sur} declined to comment.")


def _arrest(sid: str, full: str, role: str, headline: str) -> LinkItem:
    sur = full.split()[-1]
    people = ("person:" + full.lower().replace(" ", "-"),) + ("person:" + sur.lower(),) * 3
    return LinkItem(sid, headline, ARREST.format(full=full, sur=sur, role=role), language="en", people=people,
                    entities=tuple(sorted(set(people))))


def test_the_same_words_about_another_player_score_lower_and_pairs_agree():
    """Undated: the arrest of another player of the team, in the same words, scores (1 - lead_conflict) as
    much as with the rule off; a second report of the first arrest is not touched.  With a threshold
    between the two scores, the other player's arrest is another event only with the rule on."""
    first = _arrest("a1", "Marco Delane", "wide receiver", "Gulls receiver Delane arrested on suspicion of drunken driving")
    again = _arrest("a2", "Marco Delane", "receiver", "Delane held on drunken driving charge, will play")
    other = _arrest("b1", "Oskar Brandt", "defensive tackle", "Gulls tackle Brandt arrested on suspicion of drunken driving")
    on, off = ON, EventOptions(cold_start_docs=0, lead_conflict=0)
    lk = EventLinker(on)
    ev = lk.events[lk.add(first).event_id]
    f_other, f_again = lk.features(other), lk.features(again)
    assert on.lead_conflict > 0 and f_other.leads == ("oskar-brandt",) and ev.leads == {"marco-delane": 1}
    assert scoring.story_score(f_other, ev, on, 1.0) == pytest.approx(
        scoring.story_score(f_other, ev, off, 1.0) * (1 - on.lead_conflict))
    assert scoring.story_score(f_again, ev, on, 1.0) == scoring.story_score(f_again, ev, off, 1.0)
    recs = [lk.records["a1"], f_other, f_again]
    assert scoring.pair_scores(recs, on, 1.0)[0, 1] == pytest.approx(
        scoring.pair_scores(recs, off, 1.0)[0, 1] * (1 - on.lead_conflict))
    assert scoring.pair_scores(recs, on, 1.0)[0, 2] == pytest.approx(scoring.pair_scores(recs, off, 1.0)[0, 2])
    cut = (scoring.story_score(f_other, ev, on, 1.0) + scoring.story_score(f_other, ev, off, 1.0)) / 2
    for opts, apart in ((EventOptions(cold_start_docs=0, threshold=cut, lead_conflict=0.3), True),
                        (EventOptions(cold_start_docs=0, threshold=cut, lead_conflict=0), False)):
        lk = EventLinker(opts)
        a = lk.add(first).event_id
        assert lk.add(again).event_id == a
        assert (lk.add(other).event_id != a) is apart


def test_leads_are_kept_with_events_and_records():
    lk = EventLinker(ON)
    first = _arrest("a1", "Marco Delane", "wide receiver", "Gulls receiver Delane arrested")
    ev = lk.events[lk.add(first).event_id]
    assert Event.from_json(ev.to_json()).leads == {"marco-delane": 1}
    assert "leads" not in Event("ev-x").to_json()  # with the rule off (the default) the rows are as before
    assert record_from_json(record_json(lk.records["a1"])).leads == ("marco-delane",)


def test_the_pipeline_gives_the_linker_every_person_mention_and_the_speakers():
    from sinodesk.pipeline import link_item_for
    from sinodesk.records import Attribution, Entity, Story

    ents = (Entity("Marco Delane", "PERSON", "person:marco-delane", 0, 12),
            Entity("Gulls", "ORG", "org:gulls", 30, 35),
            Entity("Delane", "PERSON", "person:delane", 40, 46), Entity("Delane", "PERSON", "person:delane", 60, 66))
    story = Story("s1", "d1", "x.jsonl", 0, 80, "x" * 80, headline="Delane arrested", entities=ents,
                  attributions=(Attribution("Ivo Tarrow", "Tarrow", 70, 76, "said"),))
    item = link_item_for(story, lambda outlet: None)
    assert item.people == ("person:marco-delane", "person:delane", "person:delane")
    assert item.speakers == ("Ivo Tarrow",)
