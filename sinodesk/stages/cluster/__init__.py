"""Link stage: near-duplicates and online event clustering (cross-document, stateful).

::

    LinkItem --EventLinker.add--> LinkResult(event_id, duplicate_of)     (online.py)
                 |-- DuplicateIndex: URL identity, exact text, MinHash LSH (dedup.py)
                 |-- tokens, idf blended with shipped background stats   (features.py, background.py)
                 |-- Event: one event's summed vector and counts          (event.py)
                 |-- CandidateIndex: events by their heaviest terms       (index.py)
                 |-- merge scores, pair scores, cold start                (scoring.py)
                 |-- local re-clustering by average linkage               (recluster.py)
                 |-- learned merge decision, merge_model.json             (decision.py)
                 '-- the linker state as bytes for the archive            (state.py)
    list[Story] --compare_event / summarise_events--> JSON-ready dicts    (compare.py, summary.py)
    two stories + the kept linker --explain_link--> why (not) one event (explain.py)

Options: :class:`EventOptions` (options.py).
"""

from __future__ import annotations

from .compare import compare_event, render_compare
from .online import EventLinker, LinkItem, LinkResult
from .options import EventOptions
from .summary import summarise_events

__all__ = [
    "EventOptions",
    "EventLinker",
    "LinkItem",
    "LinkResult",
    "compare_event",
    "render_compare",
    "summarise_events",
]
