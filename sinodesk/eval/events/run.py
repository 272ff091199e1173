"""Linking as a user gets it: the items written as one JSONL file, ingested into a fresh archive with
default settings (or settings a user can put in ``sinodesk.toml``), and the exported ``event_id`` read
back for each line (:func:`sinodesk.eval.harness.ingest_items`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from ...settings import Settings
from ...stages.cluster import EventOptions
from ..harness import ingest_items
from .sets import EvalItem


@dataclass
class Linked:
    """What ingest made of each line, in the order the items were given."""

    stories: list[list[dict]]  # the exported stories of each line ([] when the line was rejected)
    rejected: list[str]  # the reasons lines were rejected

    def labels(self) -> list[str]:
        """One event per line: its first story's (a line that became no story is a cluster of its own)."""
        return [ss[0]["event_id"] or f"none-{i}" if ss else f"rejected-{i}" for i, ss in enumerate(self.stories)]

    @property
    def split_lines(self) -> int:
        """Lines that became more than one story (one article cut in pieces by the segmenter)."""
        return sum(1 for ss in self.stories if len(ss) > 1)


Config = EventOptions | Settings | None  # the [events] table (other tables default), whole settings, or the defaults


def settings_for(opts: Config = None) -> Settings:
    """Default settings, with ``opts`` as the ``[events]`` table when given (what ``sinodesk.toml`` can set);
    whole settings (a settings file read by ``eval events --config``) as they are."""
    if isinstance(opts, Settings):
        return opts
    return Settings() if opts is None else dataclasses.replace(Settings(), events=opts)


def link(items: Sequence[EvalItem], opts: Config = None) -> Linked:
    """Ingest ``items`` (in this order) into a fresh archive and read back each line's stories."""
    run = ingest_items([it.line for it in items], settings_for(opts))
    by_line = run.by_line()
    return Linked([by_line.get(i + 1, []) for i in range(len(items))], [r.reason for r in run.rejections])
