"""An outlet's beat: the words (and names) that recur across many of one outlet's stories.

A feed is topical: a developer blog's posts all say "AdWords API", a forum's sale posts all say
"包邮", a newspaper's weather pages all say "pronóstico del tiempo" and name the "Servicio
Meteorológico Nacional".  Across the whole archive those words are rare, so their idf is high and
two posts of the same outlet look alike -- about the same *beat* or *template*, not the same event.
:class:`OutletBeat` counts, per outlet, in how many of its stories each term occurs; a term in at
least ``share`` of an outlet's stories (once the outlet has ``min_stories``) is that outlet's beat and
is left out of the outlet's story vectors and names (:meth:`EventLinker.features`).  Stories with no
outlet are not counted (a pile of unknown sources has no beat).

The counts are bounded: every ``prune_every`` stories of an outlet, terms counted in fewer than
half the beat share of its stories are dropped (a term that frequent survives; one dropped and
seen again starts over, so a rare term can only be under-counted, never made beat).

An outlet's **rubric** is counted the same way: the content words of its headlines (terms ``h:``
and the word), at their own share ``head_share``.  A feed files its sales, live blogs and roundups
under the same words ("Cyber Monday deals: ...", "Black Friday/Cyber Monday deals: ...", "LIVE: ..."):
headline words in that many of one outlet's headlines are its rubric, not the subject of one event,
and two of its headlines that share only those share no subject (``.scoring.outlet_subject``).
"""

from __future__ import annotations

from collections.abc import Iterable


class OutletBeat:
    """Per-outlet document frequencies of the terms that may be beat words (see the module docstring)."""

    __slots__ = ("share", "min_stories", "prune_every", "outlets", "head_share")

    def __init__(self, share: float, min_stories: int, prune_every: int = 50,
                 outlets: dict[str, list] | None = None, head_share: float = 0.0):
        self.share = share
        self.head_share = head_share if 0 < head_share <= 1 else share  # headline words (h:...): the rubric
        self.min_stories = min_stories
        self.prune_every = prune_every
        self.outlets: dict[str, list] = outlets if outlets is not None else {}  # outlet -> [n, {term: df}]

    @property
    def enabled(self) -> bool:
        return 0 < self.share <= 1

    def add(self, outlet: str | None, terms: Iterable[str]) -> None:
        """Count one story of ``outlet`` (its distinct terms)."""
        if not outlet or not self.enabled:
            return
        entry = self.outlets.setdefault(outlet, [0, {}])
        entry[0] += 1
        df = entry[1]
        for t in set(terms):
            df[t] = df.get(t, 0) + 1
        if entry[0] % self.prune_every == 0:
            floor, head_floor = self.share * entry[0] / 2, self.head_share * entry[0] / 2
            entry[1] = {t: c for t, c in df.items() if c >= (head_floor if t.startswith("h:") else floor)}

    def among(self, outlet: str | None, terms: Iterable[str]) -> frozenset[str]:
        """Those of ``terms`` that are the beat of ``outlet``: in at least ``share`` of its stories
        (headline words, ``h:``, in at least ``head_share``: its rubric; none while it has fewer than
        ``min_stories``)."""
        if not outlet or not self.enabled:
            return frozenset()
        entry = self.outlets.get(outlet)
        if entry is None or entry[0] < self.min_stories:
            return frozenset()
        cut, head_cut, df = self.share * entry[0], self.head_share * entry[0], entry[1]
        return frozenset(t for t in terms if df.get(t, 0) >= (head_cut if t.startswith("h:") else cut))

    def to_json(self) -> dict:
        return self.outlets

    @classmethod
    def from_json(cls, d: dict | None, share: float, min_stories: int, head_share: float = 0.0) -> "OutletBeat":
        return cls(share, min_stories, outlets={k: [v[0], dict(v[1])] for k, v in (d or {}).items()},
                   head_share=head_share)
