"""Event summaries for ``sinodesk events``: one row per event, ranked.

"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from ...records import Story
from .features import tokens


def _representative(ss: Sequence[Story]) -> str | None:
    """The headline sharing the most words with the event's other headlines and texts."""
    heads = [s for s in ss if s.headline]
    if not heads:
        return None
    pool = Counter(t for s in ss for t in set(tokens(f"{s.headline or ''} {s.text[:600]}")))
    return max(heads, key=lambda s: (sum(pool[t] for t in set(tokens(s.headline))), -len(s.headline)) ).headline


def summarise_events(
    stories: Sequence[Story],
    family_of: Callable[[str | None], str | None] | None = None,
) -> list[dict]:
    """One row per event: size, outlets, families spread, first/last date, a representative headline.

    Sorted by families spread, then size (largest first).  Stories without an event id are skipped.
    """
    by: dict[str, list[Story]] = defaultdict(list)
    for s in stories:
        if s.event_id:
            by[s.event_id].append(s)
    rows = []
    for eid, ss in by.items():
        fams = sorted({(family_of(s.outlet) if family_of else None) or s.outlet or "unknown outlet" for s in ss})
        dates = sorted(s.published for s in ss if s.published)
        rows.append({
            "event_id": eid,
            "size": len(ss),
            "duplicates": sum(1 for s in ss if s.duplicate_of),
            "outlets": sorted({s.outlet for s in ss if s.outlet}),
            "families": fams,
            "n_families": len(fams),
            "first": dates[0] if dates else None,
            "last": dates[-1] if dates else None,
            "headline": _representative(ss),
        })
    rows.sort(key=lambda r: (-r["n_families"], -r["size"], r["first"] or "", r["event_id"]))
    return rows
