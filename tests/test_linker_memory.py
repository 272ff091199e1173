"""The linker's compact forms (re-clustering records and idle events' centroids packed) change
nothing it decides: the same stream gives the same events, bit for bit, packed or not."""

from __future__ import annotations

import itertools

from sinodesk.stages.cluster import EventLinker, LinkItem
from sinodesk.stages.cluster.features import Packed, cosine

# six subjects, each reported five times in different words; undated (the sweep then only packs)
_SUBJECTS = [
    ("port strike", "Dock workers at the Rotterdam container port walked out over pay, halting cranes and ships"),
    ("rail link", "A new high-speed rail link between Shenzhen and Zhongshan opened under the Pearl River estuary"),
    ("flood", "Heavy rain flooded villages along the Yangtze in Hubei province and thousands were evacuated"),
    ("chip export", "Officials tightened export controls on advanced chips and lithography machines to Chinese buyers"),
    ("election", "Voters in Taiwan chose a new legislature as turnout reached a record in the southern cities"),
    ("vaccine", "Regulators approved a nasal vaccine made in Tianjin after trials with twelve thousand volunteers"),
]
_TWISTS = ["officials said on state television", "according to a local newspaper", "witnesses told reporters",
           "the ministry confirmed in a statement", "analysts expect more to follow"]


def _stream() -> list[LinkItem]:
    items = []
    for i, ((topic, body), twist) in enumerate(itertools.product(_SUBJECTS, _TWISTS)):  # one subject after another
        items.append(LinkItem(f"s{i:02d}", f"{topic.title()} update {i}", f"{body}, {twist}. {body.split()[-1]} again."))
    return items


def _run(sweep_every: int) -> EventLinker:
    lk = EventLinker()
    lk.sweep_every = sweep_every
    for item in _stream():
        lk.add(item)
    return lk


def test_packed_vectors_give_the_same_dot_products_bit_for_bit():
    a = {"port": 0.5, "strike": 0.25, "rotterdam": 0.125, "crane": 0.0625}
    b = {"strike": 0.3, "port": 0.7, "ship": 0.1}
    for x, y in ((a, b), (b, a)):
        assert cosine(Packed(x), y) == cosine(x, Packed(y)) == cosine(Packed(x), Packed(y)) == cosine(x, y)
    p = Packed(a)
    assert "port" in p and "ship" not in p and len(p) == 4 and list(p) == list(a)
    assert p == Packed(a) and p == a and p.as_dict() == a and Packed(p) == p


def test_idle_events_are_packed_and_decide_exactly_as_unpacked_ones():
    packed, plain = _run(sweep_every=4), _run(sweep_every=10**9)
    assert packed.story_event == plain.story_event
    assert len(set(plain.story_event.values())) < len(plain.story_event)  # stories did join events
    assert any(type(ev.centroid) is Packed for ev in packed.events.values())
    assert all(type(ev.centroid) is dict for ev in plain.events.values())
    for eid, ev in plain.events.items():
        assert packed.events[eid].to_json() == ev.to_json()  # the same sums, order and all
    assert any(type(r.vector) is Packed for r in plain.records.values())


def test_a_story_joining_a_packed_event_unpacks_it_and_the_state_round_trips():
    lk = _run(sweep_every=4)
    ev = next(ev for ev in lk.events.values() if type(ev.centroid) is Packed)
    sid = next(s for s, e in lk.story_event.items() if e == ev.eid)
    item = next(i for i in _stream() if i.story_id == sid)
    again = lk.add(LinkItem("late", item.headline, item.text))
    assert lk.resolve(again.event_id) == ev.eid and type(lk.events[ev.eid].centroid) is dict
    back = EventLinker.from_bytes(lk.to_bytes())
    assert {e: v.to_json() for e, v in back.events.items()} == {e: v.to_json() for e, v in lk.events.items()}
    assert back.records == lk.records
