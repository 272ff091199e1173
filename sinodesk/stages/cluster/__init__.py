"""Link stage (cross-document): near-duplicates and events; the events issue fills it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventOptions:
    enabled: bool = True  # help: link stories into events and mark near-duplicates while ingesting
