"""The candidate index: each event is found by its heaviest centroid terms, never by a scan.

A story looks up the events that share one of its heaviest terms (and, across languages, one of its
canonical entities); terms shared by more than ``max_postings`` events are skipped as uninformative.
"""

from __future__ import annotations

from heapq import nlargest
from operator import itemgetter

from .event import Event


class CandidateIndex:
    __slots__ = ("postings",)

    def __init__(self) -> None:
        self.postings: dict[str, dict[str, None]] = {}  # term -> event ids (an ordered set)

    def index(self, ev: Event, terms: int) -> None:
        """(Re)index ``ev`` under its ``terms`` heaviest centroid terms."""
        top = frozenset(t for t, _ in nlargest(terms, ev.centroid.items(), key=itemgetter(1)))  # = sorted(...)[:terms]
        for t in ev.indexed - top:
            post = self.postings.get(t)
            if post is not None:
                post.pop(ev.eid, None)
        for t in top - ev.indexed:
            self.postings.setdefault(t, {})[ev.eid] = None
        ev.indexed = top

    def unindex(self, ev: Event) -> None:
        for t in ev.indexed:
            post = self.postings.get(t)
            if post is not None:
                post.pop(ev.eid, None)
                if not post:
                    del self.postings[t]
        ev.indexed = frozenset()

    def lookup(self, query: list[tuple[str, float]], *, max_postings: int, max_candidates: int) -> list[str]:
        """Event ids sharing a query term, the ``max_candidates`` with the most query weight first."""
        acc: dict[str, float] = {}
        for term, w in query:
            post = self.postings.get(term)
            if not post or len(post) > max_postings:
                continue
            for eid in post:
                acc[eid] = acc.get(eid, 0.0) + w
        if len(acc) > max_candidates:
            return [e for e, _ in sorted(acc.items(), key=lambda kv: kv[1], reverse=True)[:max_candidates]]
        return list(acc)
