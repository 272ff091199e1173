"""Briefings and trends: what the archive says, in cited sections, and what is rising.

::

    archive --build_briefing--> Briefing --render(fmt)--> Markdown | HTML | RSS | Atom | JSON
              (sections.py: rules; select.py: events and their rank; summarise.py: extractive,
               cited sentences; changes.py: against the previous briefing)
    archive --trend_series--> Series --detect_spikes--> Spike (with the events behind it)

A library for the CLI (``sinodesk brief``, ``sinodesk trends``) and for the web UI alike.
"""

from __future__ import annotations

from .build import build_briefing, latest_briefing, save_briefing, window
from .model import Briefing, Change, Citation, Item, Note, NumberChange, Quantity, SectionResult, Sentence
from .options import BriefOptions
from .render import FORMATS, render
from .sections import SectionRule, SectionSet, load_sections
from .trends import Series, SeriesKey, Spike, detect_spikes, sparkline, trend_series

__all__ = [
    "FORMATS",
    "BriefOptions",
    "Briefing",
    "Change",
    "Citation",
    "Item",
    "Note",
    "NumberChange",
    "Quantity",
    "SectionResult",
    "SectionRule",
    "SectionSet",
    "Sentence",
    "build_briefing",
    "latest_briefing",
    "load_sections",
    "render",
    "save_briefing",
    "Series",
    "SeriesKey",
    "Spike",
    "detect_spikes",
    "sparkline",
    "trend_series",
    "window",
]
