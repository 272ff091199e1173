"""Event summaries for ``sinodesk events``: one row per event, ranked by spread *and* cohesion.

Ranking by how many owner families an event spans alone puts wrong merges on top: a false
cross-language merge spans several families by construction.  Each event of two or more stories
gets a cohesion in [0, 1]: the mean similarity of its story pairs -- the TF-IDF cosine of their
words (idf from the stories listed, blended with the shipped background statistics) for two stories
in one language, the share of canonical entities they have in common for two stories in different
languages (a translation names the same people and places; its words cannot match).  Events are
ranked by ``families x cohesion``, then size: a report carried by three families that all tell
the same story comes before a loose bundle spanning five.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from itertools import combinations

from ...records import Story
from .background import load_background
from .beat import OutletBeat
from .features import DocFreq, cosine, stop_set, tokens, weigh
from .options import EventOptions

def _representative(ss: Sequence[Story]) -> str | None:
    """The headline sharing the most words with the event's other headlines and texts."""
    heads = [s for s in ss if s.headline]
    if not heads:
        return None
    pool = Counter(t for s in ss for t in set(tokens(f"{s.headline or ''} {s.text[:600]}")))
    return max(heads, key=lambda s: (sum(pool[t] for t in set(tokens(s.headline))), -len(s.headline))).headline


def _counts(s: Story) -> Counter:
    stop = stop_set(s.language)
    c = Counter(tokens(s.text[:3000], stop=stop))
    c.update({t: 2 for t in tokens(s.headline or "", stop=stop)})
    return c


def _entity_share(a: frozenset, b: frozenset) -> float:
    """Jaccard of two stories' canonical entities (one shared place among several is little)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def _drop_beats(stories: Sequence[Story], counts: dict[str, Counter], outlets: set[str]) -> None:
    """Leave each outlet's beat (words in many of its stories, see :mod:`.beat`) out of ``counts``,
    as the linker does: a template shared by an outlet's weather pages is no sign of one event."""
    opts = EventOptions()
    beat = OutletBeat(opts.beat_share, opts.beat_min_stories)
    for s in stories:
        if s.outlet in outlets:
            beat.add(s.outlet, counts[s.story_id] if s.story_id in counts else _counts(s))
    for s in stories:
        if s.story_id in counts and (drop := beat.among(s.outlet, counts[s.story_id])):
            counts[s.story_id] = Counter({t: c for t, c in counts[s.story_id].items() if t not in drop}) or counts[s.story_id]


def _with_places(s: Story) -> frozenset:
    """A story's canonical entities and the places its Chinese government bodies name (深圳市政府 is
    org:shenzhen--government: a mention of Shenzhen too, which a report in another language names).  The body
    stays beside its place, so one shared place among few names still counts as little."""
    from ..extract.zh_bodies import org_place

    ids = {e.canonical for e in s.entities}
    return frozenset(ids | {p for c in ids if (p := org_place(c))})


def cohesion(ss: Sequence[Story], vectors: dict[str, dict[str, float]], max_pairs: int = 2000) -> float:
    """Mean pair similarity of an event's stories (see the module docstring); pairs beyond
    ``max_pairs`` are skipped evenly (a large event is judged on a sample of its pairs)."""
    ents = {s.story_id: _with_places(s) for s in ss}
    pairs = list(combinations(ss, 2))
    step = max(1, math.ceil(len(pairs) / max_pairs))
    sims = []
    for a, b in pairs[::step]:
        if a.language and b.language and a.language != b.language:
            sims.append(_entity_share(ents[a.story_id], ents[b.story_id]))
        else:
            sims.append(cosine(vectors[a.story_id], vectors[b.story_id]))
    return sum(sims) / len(sims) if sims else 0.0


def summarise_events(
    stories: Sequence[Story],
    family_of: Callable[[str | None], str | None] | None = None,
    *,
    background_docs: float = EventOptions().background_docs,
) -> list[dict]:
    """One row per event: size, outlets, families spread, cohesion, first/last date, a representative
    headline.  Sorted by families x cohesion, then size.  Stories without an event id are skipped."""
    by: dict[str, list[Story]] = defaultdict(list)
    for s in stories:
        if s.event_id:
            by[s.event_id].append(s)
    multi = [s for ss in by.values() if len(ss) > 1 for s in ss]
    counts = {s.story_id: _counts(s) for s in multi}
    _drop_beats(stories, counts, {s.outlet for s in multi if s.outlet})
    df = DocFreq(prior=load_background(), prior_docs=background_docs)
    language = {s.story_id: s.language for s in multi}
    for sid, c in counts.items():
        df.add(set(c), language[sid])
    vectors = {sid: weigh(c, df, max_terms=1000, language=language[sid]) for sid, c in counts.items()}
    rows = []
    for eid, ss in by.items():
        fams = sorted({(family_of(s.outlet) if family_of else None) or s.outlet or "unknown outlet" for s in ss})
        dates = sorted(s.published for s in ss if s.published)
        coh = cohesion(ss, vectors) if len(ss) > 1 else None
        rows.append({
            "event_id": eid,
            "size": len(ss),
            "duplicates": sum(1 for s in ss if s.duplicate_of),
            "outlets": sorted({s.outlet for s in ss if s.outlet}),
            "families": fams,
            "n_families": len(fams),
            "languages": sorted({s.language for s in ss if s.language}),
            "cohesion": None if coh is None else round(coh, 3),
            "first": dates[0] if dates else None,
            "last": dates[-1] if dates else None,
            "headline": _representative(ss),
        })
    rows.sort(key=lambda r: (-(r["n_families"] * (r["cohesion"] or 0.0)), -r["size"], r["first"] or "", r["event_id"]))
    return rows
