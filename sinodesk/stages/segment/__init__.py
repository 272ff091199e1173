"""Segment stage, first version: one story per document (the segmentation issue replaces it)."""

from __future__ import annotations

from dataclasses import dataclass

from ...records import Cleaned, Segment


@dataclass(frozen=True, slots=True)
class SegmentOptions:
    min_story_chars: int = 80  # help: stories shorter than this are merged into a neighbour


def render_html(html: str) -> str | None:
    """Text rendering of a multi-story HTML page, or None to use trafilatura's text."""
    return None


def segment(cleaned: Cleaned, opts: SegmentOptions = SegmentOptions()) -> tuple[Segment, ...]:
    lines = [ln for ln in cleaned.lines if ln.kind == "text"]
    if not lines:
        return ()
    return (Segment(start=lines[0].start, end=lines[-1].end, text="\n".join(ln.text.strip() for ln in lines)),)
