"""What the pages and the API show, computed once over the Archive interface (no HTML here).

Each function takes the :class:`~sinodesk.web.desk.Desk` and plain parameters and returns plain
records or dicts; :mod:`.pages` renders them as HTML and :mod:`.api` returns them as JSON.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, fields, replace

from ..archive import StoryFilter
from ..errors import BadInput, NotFound
from ..records import Story
from .desk import Desk

PER_PAGE = 20
MAX_PER_PAGE = 100
FACET_SAMPLE = 1000  # facets are counted over all matches, or over this many of the most recently added


def _stripped(params):
    """``params`` (a frozen dataclass of URL parameters) with every text value stripped."""
    return replace(params, **{f.name: getattr(params, f.name).strip() for f in fields(params) if isinstance(getattr(params, f.name), str)})


def _query_args(params, per_page: int, change: dict) -> dict[str, str]:
    """The URL parameters of ``params`` with ``change`` applied (page 1 unless given), empty and
    default values left out."""
    d = {f.name: getattr(params, f.name) for f in fields(params)} | {"page": 1} | change
    return {k: str(v) for k, v in d.items()
            if v not in ("", None) and not (k == "page" and v == 1) and not (k == "per_page" and v == per_page)}


@dataclass(frozen=True, slots=True)
class SearchParams:
    """A search as the URL holds it: the query, the facets chosen, the page."""

    q: str = ""
    topic: str = ""
    outlet: str = ""
    family: str = ""
    lang: str = ""
    since: str = ""
    until: str = ""
    entity: str = ""
    page: int = 1
    per_page: int = PER_PAGE

    FACETS = ("topic", "outlet", "family", "lang", "since", "until", "entity")

    def checked(self) -> "SearchParams":
        """The same search with every value checked; a bad one raises BadInput naming the fix."""
        for name in ("since", "until"):
            value = getattr(self, name).strip()
            if value:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    raise BadInput(f"{name}={value!r}: expected an ISO date like 2025-03-01") from None
        if self.page < 1:
            raise BadInput(f"page={self.page}: pages are numbered from 1")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise BadInput(f"per_page={self.per_page}: choose 1 to {MAX_PER_PAGE}")
        if self.since and self.until and self.since.strip() > self.until.strip():
            raise BadInput(f"since={self.since} is after until={self.until}: swap the two dates")
        return _stripped(self)

    def query_args(self, **change) -> dict[str, str]:
        """The non-empty URL parameters of this search with ``change`` applied (page 1 unless given)."""
        return _query_args(self, PER_PAGE, change)

    @property
    def filtered(self) -> bool:
        return any(getattr(self, f) for f in self.FACETS)


@dataclass(frozen=True, slots=True)
class Hit:
    story: Story
    snippet: str  # with the matched words between [ and ]
    score: float | None


@dataclass
class SearchResult:
    params: SearchParams
    hits: list[Hit]
    has_next: bool
    facets: dict[str, list[tuple[str, int]]]  # facet -> (value, matching stories among those counted)
    total: int  # stories that match (at least this many when not total_exact)
    sampled: int  # stories the facets were counted over
    entity_names: dict[str, str]
    total_exact: bool = True


def story_filter(p: SearchParams, desk: Desk, *, limit: int | None = None, newest_first: bool = False) -> StoryFilter:
    """The archive filter for a search's facets (a family is the registry's outlets of that family,
    or the outlet itself when the registry does not know it: an unknown outlet is its own family)."""
    outlets = None
    if p.family:
        outlets = desk.outlets_of_family(p.family)
        if not outlets and desk.registry.match(p.family) is None:
            outlets = (p.family,)
    outlet = p.outlet or None
    names = _outlet_names(desk, p.outlet) if p.outlet else None
    if names is not None:
        outlet, outlets = None, names if outlets is None else tuple(n for n in outlets if n in names)
    return StoryFilter(since=p.since or None, until=p.until or None, outlet=outlet, outlets=outlets,
                       topic=p.topic or None, language=p.lang or None, entity=p.entity or None, limit=limit,
                       newest_first=newest_first)


def _outlet_names(desk: Desk, outlet: str) -> tuple[str, ...] | None:
    """The outlet names stories carry for ``outlet`` when it is a registry id, name or alias in any
    script (``rfa``, ``自由亞洲電台``): the outlet's name and aliases; None for a name as stored."""
    o = desk.registry.resolve(outlet)
    return None if o is None else tuple(dict.fromkeys((outlet, o.name, *o.aliases)))


def _resolved(desk: Desk, p: SearchParams) -> SearchParams:
    """``p`` with an entity's name made its canonical id; a topic or entity nothing could match is
    a BadInput naming the fix (an empty list would read as 'no such stories')."""
    if p.topic and p.topic not in desk.topic_labels:
        raise BadInput(f"topic={p.topic!r}: not a topic (known: {', '.join(desk.topic_labels)})")
    if p.family:
        _check_family(desk, p.family)
    if p.entity and ":" not in p.entity:
        from ..brief.sections import resolve_entity

        canonical = resolve_entity(p.entity)
        if canonical is None:
            raise BadInput(f"entity={p.entity!r}: not a name the gazetteer knows; give the entity's canonical id "
                           "(gpe:china, org:huawei), as the entity facet of /api/search lists them")
        p = replace(p, entity=canonical)
    return p


def _check_family(desk: Desk, family: str) -> None:
    """A family no outlet could belong to is a BadInput naming the fix, as ``--family`` is in the CLI (it was an
    empty list): an owner family of the registry, or an outlet the registry does not know as stored (its own family)."""
    from ..stages.extract.outlets import FAMILIES

    if family.casefold() in {f.casefold() for f in (*FAMILIES, *desk.families)}:
        return
    if desk.registry.family_names(family, desk.archive.outlet_counts()):
        return
    o = desk.registry.resolve(family)
    if o is not None:
        raise BadInput(f"family={family!r}: an outlet, not an owner family (give outlet={o.id}, or family={o.family or o.name}, its family)")
    raise BadInput(f"family={family!r}: not an owner family (one of: {', '.join(FAMILIES)}; "
                   "an outlet the registry does not know is a family of its own)")


def _check_outlet(desk: Desk, p: SearchParams) -> None:
    """An outlet neither the registry nor the archive knows is a BadInput (asked only when nothing
    matched: a stored name is the common case, and listing the stored names reads every story)."""
    if p.outlet and desk.registry.resolve(p.outlet) is None and \
            p.outlet.casefold() not in {name.casefold() for name in desk.archive.outlet_counts()}:
        raise BadInput(f"outlet={p.outlet!r}: no outlet by that id, name or alias in the registry or in this archive "
                       "(look it up at /sources)")


def _facets(desk: Desk, counts) -> tuple[dict[str, list[tuple[str, int]]], dict[str, str]]:
    families: Counter = Counter()
    for outlet, n in counts.outlets.items():
        families[desk.family(outlet)] += n

    def top(d, n: int = 30) -> list[tuple[str, int]]:
        return sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    facets = {"topic": top(counts.topics), "outlet": top(counts.outlets), "family": top(families),
              "lang": top(counts.languages), "entity": top(counts.entities, 15)}
    return facets, {c: desk.entity_name(c) for c, _ in facets["entity"]}


def search(desk: Desk, p: SearchParams) -> SearchResult:
    """One page of stories matching the query (best first) or, without a query, the newest stories;
    facet counts over all matches (or the :data:`FACET_SAMPLE` most recently added)."""
    p = _resolved(desk, p.checked())
    archive = desk.archive
    want = p.page * p.per_page + 1
    if p.q:
        hits = [Hit(h.story, h.snippet, h.score) for h in archive.search(p.q, limit=want, flt=story_filter(p, desk))]
    else:
        hits = [Hit(s, _lead(s), None) for s in archive.iter_stories(story_filter(p, desk, limit=want, newest_first=True))]
    if not hits:
        _check_outlet(desk, p)
    counts = archive.facet_counts(p.q, story_filter(p, desk), sample=FACET_SAMPLE)
    facets, names = _facets(desk, counts)
    first = (p.page - 1) * p.per_page
    return SearchResult(p, hits[first : first + p.per_page], len(hits) > first + p.per_page, facets, counts.total,
                        counts.sampled, names, counts.exact)


def _lead(s: Story, n: int = 220) -> str:
    text = " ".join(s.text.split())
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"


_MARK = re.compile(r"\[([^\[\]]*)\]")


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, matched) pieces: the archive marks matched words with [ and ]."""
    out, pos = [], 0
    for m in _MARK.finditer(snippet):
        if m.start() > pos:
            out.append((snippet[pos : m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(snippet):
        out.append((snippet[pos:], False))
    return out


# -- one story, one event -----------------------------------------------------------------------


@dataclass
class StoryView:
    story: Story
    doc_source: str
    doc_kind: str
    item_key: str
    raw_id: str
    encoding: str | None
    marked: list  # highlight.mark_text output
    family: str
    event_size: int
    counts: dict[str, int]  # facts of each kind
    incidents: list[dict]  # the incident records citing the story
    evidence: tuple[int, int] | None  # a span asked for with ?hl=START-END (an incident field's evidence)


def _span(hl: str, s: Story) -> tuple[int, int] | None:
    m = re.fullmatch(r"(\d+)-(\d+)", hl.strip())
    if not m or not s.start <= int(m[1]) < int(m[2]) <= s.end:
        raise BadInput(f"hl={hl!r}: give START-END, character offsets inside the story ({s.start}-{s.end})")
    return int(m[1]), int(m[2])


def story_view(desk: Desk, story_id: str, hl: str = "") -> StoryView:
    """A story with its facts marked; ``hl`` = 'START-END' marks one more span (evidence of an incident field)."""
    from .highlight import Fact, mark_text, story_facts

    archive = desk.archive
    s = archive.get_story(story_id)
    doc = archive.get_document(s.doc_id)
    size = 0
    if s.event_id:
        size = sum(1 for _ in archive.iter_stories(StoryFilter(event_id=s.event_id)))
    counts = {"entity": len(s.entities), "attribution": len(s.attributions), "number": len(s.numbers), "date": len(s.dates)}
    facts = story_facts(s)
    span = _span(hl, s) if hl else None
    if span:  # outermost, so every fact inside it still nests
        facts.insert(0, Fact("evidence", span[0], span[1], doc.text[span[0]:span[1]], "", "asked for"))
        facts.sort(key=lambda f: (f.start, -f.end, f.kind != "evidence"))
    marked = mark_text(doc.text[s.start : s.end], s.start, facts)
    return StoryView(s, doc.source, doc.kind, doc.item_key, doc.raw_id, doc.encoding, marked, desk.family(s.outlet), size, counts,
                     story_incidents(desk, s.story_id), span)


def event_comparison(desk: Desk, event_id: str) -> dict:
    """:func:`~sinodesk.stages.cluster.compare_event` for one event, as ``sinodesk compare --json`` prints it."""
    from ..stages.cluster import compare_event
    from ..stages.extract.gazetteer import display_name, display_names

    stories = list(desk.archive.iter_stories(StoryFilter(event_id=event_id)))
    if not stories:
        raise NotFound(f"event {event_id!r} is not in this archive (list events at /events or with 'sinodesk events')")
    names = display_names(desk.registry)
    return compare_event(stories, desk.family_of, display=lambda c: display_name(names, c), outlet_aliases=desk.registry.names_of)


def conflict_keys(comparison: dict) -> set[tuple[str, str]]:
    """(story id, number text) of every number that is part of a flagged conflict."""
    return {(v["story_id"], v["text"]) for c in comparison["number_conflicts"] for v in c["values"]}


def events_list(desk: Desk, since: str = "", until: str = "", min_size: int = 2) -> list[dict]:
    """Events with at least ``min_size`` stories published in the window, by spread then size."""
    from ..stages.cluster import summarise_events

    p = SearchParams(since=since, until=until).checked()
    stories = desk.archive.iter_stories(StoryFilter(since=p.since or None, until=p.until or None))
    rows = summarise_events(list(stories), desk.family_of, background_docs=desk.settings.events.background_docs)
    return [r for r in rows if r["size"] >= min_size]  # ranked as 'sinodesk events' ranks them, with the same settings


def rejects_page(desk: Desk, page: int, per_page: int = 50) -> tuple[list[dict], bool]:
    if page < 1:
        raise BadInput(f"page={page}: pages are numbered from 1")
    rows = []
    first = (page - 1) * per_page
    for n, (rid, rej, at) in enumerate(desk.archive.iter_rejects()):
        if n >= first + per_page:
            return rows, True
        if n >= first:
            rows.append({"id": rid, "at": at, "source": rej.source, "item": rej.item, "stage": rej.stage,
                         "reason": rej.reason, "bytes": len(rej.data), "raw_id": rej.raw_id})
    return rows, False


# -- cyber incidents ----------------------------------------------------------------------------

INCIDENT_TYPES = ("ddos", "data_breach", "espionage", "ransomware", "disruption", "influence_operation", "vulnerability", "other")


@dataclass(frozen=True, slots=True)
class IncidentParams:
    """The incident list's filters as the URL holds them (those of 'sinodesk incidents')."""

    since: str = ""
    until: str = ""
    actor: str = ""
    technique: str = ""
    type: str = ""
    victim: str = ""
    page: int = 1
    per_page: int = 50

    def checked(self) -> "IncidentParams":
        SearchParams(since=self.since, until=self.until, page=self.page, per_page=min(self.per_page, MAX_PER_PAGE)).checked()
        if self.type and self.type not in INCIDENT_TYPES:
            raise BadInput(f"type={self.type!r}: not an incident type (known: {', '.join(INCIDENT_TYPES)})")
        return _stripped(self)

    def query_args(self, **change) -> dict[str, str]:
        return _query_args(self, 50, change)


def incidents(desk: Desk, p: IncidentParams) -> tuple[list[dict], bool]:
    """One page of incident records (newest first report first) matching the filters."""
    from ..tracker import IncidentFilter, list_incidents

    p = p.checked()
    flt = IncidentFilter(since=p.since or None, until=p.until or None, actor=p.actor or None, technique=p.technique or None,
                         type=p.type or None, victim=p.victim or None)
    rows = list_incidents(desk.archive, flt)
    rows.reverse()
    first = (p.page - 1) * p.per_page
    return rows[first : first + p.per_page], len(rows) > first + p.per_page


def incident_view(desk: Desk, incident_id: str) -> dict:
    from ..tracker import get_incident

    return get_incident(desk.archive, incident_id)


def story_incidents(desk: Desk, story_id: str) -> list[dict]:
    return [{"incident_id": r["incident_id"], "title": r["title"], "types": r["types"]} for r in desk.archive.incidents_of(story_id)]
