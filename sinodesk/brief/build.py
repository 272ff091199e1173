"""Build a briefing from the archive: stories in a window -> events -> sections -> cited items.

    >>> b = build_briefing(archive, since="2025-03-01", until="2025-03-07")   # doctest: +SKIP
    >>> save_briefing(archive, b).briefing_id                                  # doctest: +SKIP

Every sentence of an item is a verbatim span of the story it cites; notes on disagreements
between owner families come from :func:`sinodesk.stages.cluster.compare_event`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from functools import cached_property

from ..archive import Archive, StoryFilter
from ..errors import ConfigError
from ..records import Story
from .changes import change_for, dropped, quantities
from .model import Briefing, Citation, Item, Note, SectionResult, Sentence
from .options import BriefOptions
from .sections import SectionRule, SectionSet, assign, expand_outlets, load_sections
from .select import EventGroup, TermWeights, group_events, novelty, top_events
from .summarise import summarise

FRAMING_Z = 1.5  # a family's word must stand out at least this much (log-odds z) to be called framing
FRAMING_WORDS = 3
COMPARE_PER_FAMILY = 8
COMPARE_FAMILIES = 6


class Desk:
    """The outlet registry and what is derived from it, loaded once per briefing."""

    def __init__(self, registry=None):
        from ..pipeline import family_lookup, load_outlets

        self.registry = registry if registry is not None else load_outlets()
        self.family_of_outlet = family_lookup(self.registry)
        self._families: dict[str | None, str] = {}

    def family(self, s: Story) -> str:
        """The story's owner family; an unknown outlet is a family of its own (as in compare)."""
        fam = self._families.get(s.outlet)
        if fam is None:
            fam = self._families[s.outlet] = self.family_of_outlet(s.outlet) or s.outlet or "unknown outlet"
        return fam

    @cached_property
    def display(self) -> Callable[[str], str]:
        from ..stages.extract.gazetteer import display_name, display_names

        names = display_names(self.registry)
        return lambda c: display_name(names, c)


def latest_briefing(archive: Archive, name: str) -> Briefing | None:
    """The last briefing stored for section set ``name``, or None."""
    infos = archive.list_briefings(name)
    if not infos:
        return None
    b = Briefing.from_dict(archive.get_briefing(infos[-1].briefing_id))
    return dataclasses.replace(b, briefing_id=infos[-1].briefing_id)


def save_briefing(archive: Archive, briefing: Briefing) -> Briefing:
    """Store the briefing (the next one of its section set is compared with it); returns it with its id."""
    bid = archive.save_briefing(briefing.name, briefing.since, briefing.until, briefing.to_dict())
    return dataclasses.replace(briefing, briefing_id=bid)


def window(since: str | None, until: str | None = None, *, today: dt.date | None = None) -> tuple[str | None, str]:
    """(since, until) as ISO dates: ``since`` an ISO date, a span before ``until`` (7d, 4w, 6m, 1y) or
    None/'all' (no lower bound); ``until`` an ISO date, default today."""
    import re

    try:
        end = dt.date.fromisoformat(until[:10]) if until else (today or dt.date.today())
    except ValueError:
        raise ConfigError(f"--until {until!r}: expected an ISO date such as 2025-03-07") from None
    if not since or since.strip().lower() == "all":
        return None, end.isoformat()
    m = re.fullmatch(r"(\d+)([dwmy])", since.strip())
    if m:
        return (end - dt.timedelta(days=int(m[1]) * {"d": 1, "w": 7, "m": 30, "y": 365}[m[2]])).isoformat(), end.isoformat()
    try:
        start = dt.date.fromisoformat(since.strip())
    except ValueError:
        raise ConfigError(f"--since {since!r}: expected an ISO date (2025-03-01), a span like 7d, 4w, 6m, 1y, or 'all'") from None
    if start > end:
        raise ConfigError(f"--since {since} is after --until {end.isoformat()} (give an earlier --since)")
    return start.isoformat(), end.isoformat()


def _recent_from(since: str | None, until: str | None) -> str | None:
    """Start of the last third of the window (novelty when there is no previous briefing)."""
    if not since or not until:
        return None
    a, b = dt.date.fromisoformat(since[:10]), dt.date.fromisoformat(until[:10])
    return (b - (b - a) * 1 / 3).isoformat()


def build_briefing(
    archive: Archive,
    since: str | None,
    until: str | None = None,
    sections: SectionSet | None = None,
    *,
    opts: BriefOptions = BriefOptions(),
    registry=None,
    previous: Briefing | None | str = "latest",
    progress=None,
) -> Briefing:
    """A briefing of the stories published from ``since`` to ``until`` (ISO dates, inclusive).

    Stories with no date count as of the day they were ingested.  ``previous``: the briefing to
    mark changes against -- ``"latest"`` (the last one stored for the same section set), a
    :class:`Briefing`, or None.  ``progress``: an object with ``total(n)`` and ``advance()``.
    """
    sections = sections or load_sections()
    desk = Desk(registry)
    sections = expand_outlets(sections, desk.registry.names_of)
    until = until or dt.date.today().isoformat()
    if previous == "latest":
        previous = latest_briefing(archive, sections.name)
    stories = list(archive.iter_stories(StoryFilter(since=since, until=until, dated_by_ingest=True)))
    groups = group_events(stories, desk.family)
    prev_ids = {sid for it in previous.items() for sid in it.story_ids} if previous is not None else None
    recent = _recent_from(since or min((s.published for s in stories if s.published), default=None), until)
    for ev in groups:
        ev.novelty = novelty(ev, prev_ids, recent)
    weights = TermWeights(stories)
    placed = assign(groups, sections, desk.family)
    chosen: list[tuple[SectionRule, list[EventGroup], int]] = []
    for rule in sections.sections:
        evs = [_in_languages(ev, rule) for ev in placed[rule.id]]
        chosen.append((rule, top_events(evs, rule.max_items or opts.max_items, weights, opts), len(evs)))
    if progress is not None:
        progress.total(sum(len(top) for _, top, _ in chosen))
    prev_items = previous.items() if previous is not None else []
    results = []
    for rule, top, matched in chosen:
        items = []
        for ev in top:
            items.append(make_item(ev, desk, opts, prev_items if previous is not None else None))
            if progress is not None:
                progress.advance()
        results.append(SectionResult(rule.id, rule.title, tuple(items), matched, rule.languages))
    all_items = [it for r in results for it in r.items]
    return Briefing(
        name=sections.name,
        title=sections.title,
        since=since,
        until=until,
        created=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        sections=tuple(results),
        n_stories=len(stories),
        n_events=len(groups),
        previous_id=previous.briefing_id if previous is not None else None,
        previous_created=previous.created if previous is not None else None,
        dropped=dropped(all_items, previous),
        undated=sum(1 for s in stories if not s.published),
        extra={"sections": {r.id: r.describe() for r in sections.sections}},
    )


def _in_languages(ev: EventGroup, rule: SectionRule) -> EventGroup:
    if not rule.languages:
        return ev
    keep = [(s, f) for s, f in zip(ev.stories, ev.families) if s.language in rule.languages]
    return EventGroup(ev.event_id, [s for s, _ in keep], [f for _, f in keep], novelty=ev.novelty)


class _Citer:
    """Citations of one item, numbered in order of first use."""

    def __init__(self, stories: Sequence[Story], desk: Desk):
        self.by_id = {s.story_id: s for s in stories}
        self.desk = desk
        self.refs: dict[str, int] = {}
        self.citations: list[Citation] = []

    def __call__(self, story_id: str) -> int:
        if story_id not in self.refs:
            s = self.by_id[story_id]
            self.citations.append(Citation(s.story_id, s.outlet, self.desk.family(s), s.published, s.url, s.source,
                                           s.headline, s.language, s.published_source == "ingested"))
            self.refs[story_id] = len(self.citations)
        return self.refs[story_id]


def make_item(ev: EventGroup, desk: Desk, opts: BriefOptions, previous: Sequence[Item] | None) -> Item:
    """One briefing item: headline, cited extractive summary, notes, quantities, change."""
    core = ev.core or ev.stories
    summary = summarise(core, desk.family, opts)
    cite = _Citer(ev.stories, desk)
    sentences = tuple(Sentence(c.text, cite(c.story.story_id), c.story.story_id, c.start, c.end, c.story.language)
                      for c in summary.picks)
    notes = family_notes(core, desk, cite)
    fams = sorted({desk.family(s) for s in core})
    dates = sorted(s.published for s in core if s.published)
    item = Item(
        event_id=ev.event_id,
        headline=summary.headline,
        headline_story=summary.headline_story.story_id,
        sentences=sentences,
        citations=(),
        story_ids=tuple(s.story_id for s in core),
        families=tuple(fams),
        languages=tuple(sorted({s.language or "und" for s in core})),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        score=round(ev.score if ev.score is not None else ev.upper, 4),
        cohesion=round(ev.cohesion, 4),
        notes=notes,
        quantities=quantities(core),
        loose=tuple(s.story_id for s in ev.loose),
    )
    change = change_for(item, previous, cite) if previous is not None else None
    return dataclasses.replace(item, change=change, citations=tuple(cite.citations))


def family_notes(stories: Sequence[Story], desk: Desk, cite: Callable[[str], int]) -> tuple[Note, ...]:
    """Where owner families disagree: the same quantity with different values, and the words that set
    each family's coverage apart (framing), compared within the event's main language."""
    from ..stages.cluster import compare_event

    langs = [s.language for s in stories]
    main = max(set(langs), key=langs.count)
    per_family: dict[str, list[Story]] = {}
    for s in stories:
        if s.language == main:
            per_family.setdefault(desk.family(s), []).append(s)
    if len(per_family) < 2:
        return ()
    # a large event is compared on the first stories of its largest families (the word statistics
    # settle long before; a crowd of one-story families says little about framing)
    biggest = sorted(per_family.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:COMPARE_FAMILIES]
    same = [s for _fam, ss in biggest for s in ss[:COMPARE_PER_FAMILY]]
    d = compare_event(same, desk.family_of_outlet, display=desk.display, outlet_aliases=desk.registry.names_of)
    notes = []
    for c in d["number_conflicts"]:
        by_family: dict[str, list[dict]] = {}
        for v in c["values"]:
            by_family.setdefault(v["family"], []).append(v)
        if len(by_family) < 2:
            continue
        parts = []
        for fam, vals in by_family.items():
            texts = list(dict.fromkeys(v["text"] for v in vals))
            parts.append(f"{fam}: {', '.join(texts)}")
        refs = tuple(dict.fromkeys(cite(v["story_id"]) for v in c["values"]))
        unit = f" [{c['unit']}]" if c["unit"] else ""
        notes.append(Note("numbers", f"Figures differ on {c['subject']}{unit}: " + "; ".join(parts) + ".", refs))
    framed = [(f, [w["word"] for w in f["distinctive_words"] if w["z"] >= FRAMING_Z][:FRAMING_WORDS]) for f in d["families"]]
    framed = [(f, words) for f, words in framed if words]
    if len(framed) >= 2:
        parts, refs = [], []
        for f, words in framed:
            parts.append(f"{f['family']} stresses " + ", ".join(f"“{w}”" for w in words))
            refs.extend(cite(s["story_id"]) for s in f["stories"][:2])
        notes.append(Note("framing", "Framing: " + "; ".join(parts) + ".", tuple(dict.fromkeys(refs))))
    return tuple(notes)
