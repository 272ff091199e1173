"""One event as the linker keeps it: the summed vectors of its stories and counts of their signals.

An :class:`Event` never holds story texts: a summed term vector (the centroid times its size, cut to
its heaviest terms), counts of canonical entities, notable numbers, names, years and languages, and
its first and last day.  ``members`` lists its story ids while it is small and recent enough to be
re-clustered (None once frozen).
"""

from __future__ import annotations

import math
from sys import intern

from .features import Features, Packed, saved_figures


def add_into(acc: dict, vec: dict) -> None:
    """``acc += vec`` for sparse vectors and counters held as dicts."""
    for t, w in vec.items():
        acc[t] = acc.get(t, 0) + w


def heaviest(vec: dict[str, float], n: int) -> dict[str, float]:
    """``vec`` cut to its ``n`` heaviest terms once it holds more than twice that many."""
    if len(vec) <= n * 2:
        return vec
    return dict(sorted(vec.items(), key=lambda kv: kv[1], reverse=True)[:n])


class Event:
    __slots__ = ("eid", "order", "size", "centroid", "norm", "first_day", "last_day", "entities", "numbers", "indexed",
                 "names", "years", "members", "languages", "heads", "outlets", "leads")

    max_heads = 8  # headlines kept (with their outlet) to tell a template series from the event

    def __init__(self, eid: str, order: int = 0):
        self.eid = eid
        self.order = order  # creation sequence number: the older event survives a merge
        self.size = 0
        self.centroid: dict[str, float] = {}
        self.norm = 1.0
        self.first_day: int | None = None
        self.last_day: int | None = None
        self.entities: dict[str, int] = {}
        self.numbers: dict[str, int] = {}  # figure keys (features.figure_key)
        self.indexed: tuple[str, ...] = ()  # the terms the candidate index holds it under
        self.names: dict[str, int] = {}
        self.years: dict[str, int] = {}
        # member story ids while the event is small enough to be re-clustered (None: too large, frozen)
        self.members: list[str] | None = []
        self.languages: dict[str, int] = {}  # stories per language
        # [outlet, headline frame] of the first max_heads stories with an outlet or no body (see online._series)
        self.heads: list[list] = []
        self.outlets: dict[str, int] = {}  # stories per outlet (those with a known outlet)
        self.leads: dict[str, int] = {}  # stories per lead person (those that have one, see .lead)

    def pack(self) -> None:
        """Keep the centroid compactly (:class:`~.features.Packed`) while the event is idle: it is
        read (scored, indexed) as before, and becomes a dict again when a story joins it."""
        if type(self.centroid) is dict:
            self.centroid = Packed(self.centroid)

    def _unpack(self) -> None:
        if type(self.centroid) is not dict:
            self.centroid = self.centroid.as_dict()

    def add(self, feats: Features, centroid_terms: int) -> None:
        """Count one story in (its vector, signals and day); members are the linker's business."""
        self.size += 1
        self._unpack()
        add_into(self.centroid, feats.vector)
        self.trim(centroid_terms)
        for counts, values in ((self.entities, feats.entities), (self.numbers, feats.numbers),
                               (self.names, feats.names), (self.years, feats.years)):
            for v in values:
                counts[v] = counts.get(v, 0) + 1
        if feats.language:
            self.languages[feats.language] = self.languages.get(feats.language, 0) + 1
        if feats.outlet:
            self.outlets[feats.outlet] = self.outlets.get(feats.outlet, 0) + 1
        if feats.head and (feats.outlet or feats.headline_only) and len(self.heads) < self.max_heads:
            self.heads.append([feats.outlet, list(feats.head)])
        for p in feats.leads:
            self.leads[p] = self.leads.get(p, 0) + 1
        if feats.day is not None:
            self._span(feats.day, feats.day)

    def absorb(self, gone: "Event", centroid_terms: int) -> None:
        """Fold another event's vector, counts and days into this one."""
        self._unpack()
        add_into(self.centroid, gone.centroid)
        self.size += gone.size
        for mine, theirs in ((self.entities, gone.entities), (self.numbers, gone.numbers), (self.names, gone.names),
                             (self.years, gone.years), (self.languages, gone.languages), (self.outlets, gone.outlets),
                             (self.leads, gone.leads)):
            add_into(mine, theirs)
        if gone.first_day is not None:
            self._span(gone.first_day, gone.last_day)
        self.heads = (self.heads + gone.heads)[: self.max_heads]
        self.trim(centroid_terms)

    def _span(self, first: int, last: int) -> None:
        self.first_day = first if self.first_day is None else min(self.first_day, first)
        self.last_day = last if self.last_day is None else max(self.last_day, last)

    def trim(self, n: int) -> None:
        self._unpack()
        self.centroid = heaviest(self.centroid, n)
        self.norm = math.sqrt(sum(v * v for v in self.centroid.values())) or 1.0

    def day_gap(self, day: int) -> int:
        """Days between ``day`` and the event's span (0 inside it)."""
        if day < self.first_day:
            return self.first_day - day
        if day > self.last_day:
            return day - self.last_day
        return 0

    def to_json(self) -> dict:
        return {"eid": self.eid, "order": self.order, "size": self.size, "centroid": dict(self.centroid.items()), "norm": self.norm,
                "first": self.first_day, "last": self.last_day, "entities": self.entities,
                "numbers": [[k, v] for k, v in self.numbers.items()], "names": self.names, "years": self.years,
                "members": self.members, "languages": self.languages, "heads": self.heads,
                "outlets": self.outlets, **({"leads": self.leads} if self.leads else {})}

    @classmethod
    def from_json(cls, d: dict) -> "Event":
        ev = cls(d["eid"], d["order"])
        ev.size = d["size"]
        ev.centroid = dict(zip(map(intern, d["centroid"]), d["centroid"].values()))  # terms shared, as add() makes them
        ev.norm = d.get("norm") or math.sqrt(sum(v * v for v in ev.centroid.values())) or 1.0
        ev.first_day, ev.last_day = d["first"], d["last"]
        ev.entities = d["entities"]
        ev.numbers = {}  # figure keys; a number alone in states saved before figures had units (see saved_figures)
        for k, v in d["numbers"]:
            for key in saved_figures((k,)):  # (None: an infinity orjson wrote)
                ev.numbers[key] = ev.numbers.get(key, 0) + v
        ev.names = d.get("names", {})  # absent in states saved before the learned decision
        ev.years = d.get("years", {})
        ev.members = d.get("members")  # None (frozen) in states saved before local re-clustering
        ev.languages = d.get("languages", {})
        ev.heads = [[o, [intern(w) for w in h]] for o, h in d.get("heads", [])]
        ev.outlets = d.get("outlets", {})
        ev.leads = {intern(k): v for k, v in d.get("leads", {}).items()}  # absent in states saved before leads
        return ev
