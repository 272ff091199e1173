"""The candidate index: each event is found by its heaviest centroid terms, never by a scan.

A story looks up the events that share one of its heaviest terms (and, across languages, one of its
canonical entities); terms shared by more than ``max_postings`` events are skipped as uninformative.
"""

from __future__ import annotations

from heapq import nlargest
from operator import itemgetter

from .event import Event


class CandidateIndex:
    """Postings: term -> the id of its one event (a plain string), or an ordered set of ids (a dict)
    once two or more events share it.  Most index terms belong to one event only, and a one-entry
    dict costs ~230 bytes where the id alone costs nothing more (it is the event's own string)."""

    __slots__ = ("postings",)

    def __init__(self) -> None:
        self.postings: dict[str, str | dict[str, None]] = {}

    def _add(self, term: str, eid: str) -> None:
        post = self.postings.get(term)
        if post is None:
            self.postings[term] = eid
        elif type(post) is str:
            if post != eid:
                self.postings[term] = {post: None, eid: None}
        else:
            post[eid] = None

    def _remove(self, term: str, eid: str) -> None:
        post = self.postings.get(term)
        if post is None:
            return
        if type(post) is str:
            if post == eid:
                del self.postings[term]
            return
        post.pop(eid, None)
        if len(post) == 1:
            self.postings[term] = next(iter(post))
        elif not post:
            del self.postings[term]

    def index(self, ev: Event, terms: int) -> None:
        """(Re)index ``ev`` under its ``terms`` heaviest centroid terms."""
        top = frozenset(t for t, _ in nlargest(terms, ev.centroid.items(), key=itemgetter(1)))  # = sorted(...)[:terms]
        was = frozenset(ev.indexed)
        for t in was - top:
            self._remove(t, ev.eid)
        for t in top - was:
            self._add(t, ev.eid)
        ev.indexed = tuple(top)  # kept as a tuple: a fifth of a frozenset's memory, and it is only iterated

    def unindex(self, ev: Event) -> None:
        for t in ev.indexed:
            self._remove(t, ev.eid)
        ev.indexed = ()

    def lookup(self, query: list[tuple[str, float]], *, max_postings: int, max_candidates: int) -> list[str]:
        """Event ids sharing a query term, the ``max_candidates`` with the most query weight first."""
        acc: dict[str, float] = {}
        for term, w in query:
            post = self.postings.get(term)
            if post is None:
                continue
            if type(post) is str:
                if max_postings >= 1:
                    acc[post] = acc.get(post, 0.0) + w
                continue
            if len(post) > max_postings:
                continue
            for eid in post:
                acc[eid] = acc.get(eid, 0.0) + w
        if len(acc) > max_candidates:
            return [e for e, _ in sorted(acc.items(), key=lambda kv: kv[1], reverse=True)[:max_candidates]]
        return list(acc)
