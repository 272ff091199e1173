"""The archive: raw inputs, documents, stories, rejects, labels, models and state.

Stages never touch it; the runner in :mod:`sinodesk.pipeline` does.  :class:`Archive`
is the one small interface every backend implements (SQLite + FTS5 is the default; a
PostgreSQL backend for teams plugs in behind the same methods).
"""

from __future__ import annotations

from .base import Archive, BriefingInfo, FacetCounts, SearchHit, StoryFilter
from .sqlite import SQLiteArchive


def open_archive(location: str, *, create: bool = True, read_only: bool = False, search_index: bool = True) -> Archive:
    """Open the archive at ``location`` (a file path; ``postgresql://`` URLs are reserved).

    ``read_only`` opens it for reading only (an archive on a read-only disk or another user's
    file); ``create=False`` refuses a missing file instead of starting a new archive;
    ``search_index=False`` leaves the search index beside the archive alone (FTS5 ranks)."""
    if location.startswith(("postgresql://", "postgres://")):
        from ..errors import ArchiveError

        raise ArchiveError(f"{location}: the PostgreSQL backend is not available in this version (use a SQLite file path)")
    return SQLiteArchive(location, create=create, read_only=read_only, search_index=search_index)


__all__ = ["Archive", "BriefingInfo", "FacetCounts", "SQLiteArchive", "SearchHit", "StoryFilter", "open_archive"]
