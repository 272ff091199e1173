"""What every page and API call shares: the archive (one connection per worker thread), the
outlet registry, the topic labels and the optional write token."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from ..archive import Archive, open_archive
from ..settings import Settings


@dataclass
class Desk:
    """The served archive and the knowledge read once at start-up.

    SQLite connections belong to the thread that opened them, and FastAPI runs plain ``def``
    routes on a pool of worker threads, so each thread opens its own (read) connection on
    first use.  ``token``: when set, the write endpoints exist and need it as a Bearer token.
    """

    db: str
    settings: Settings
    token: str | None = None
    _local: threading.local = field(default_factory=threading.local, repr=False)
    _opened: list[Archive] = field(default_factory=list, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _families: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        from ..pipeline import family_lookup, load_outlets
        from ..stages.classify import taxonomy_labels

        self.registry = load_outlets(self.settings)
        self.family_of: Callable[[str | None], str | None] = family_lookup(self.registry)
        self.topic_labels: tuple[str, ...] = tuple(taxonomy_labels())
        self.families: tuple[str, ...] = tuple(sorted({o.family for o in self.registry}))
        from ..stages.extract.gazetteer import display_names

        self.entity_names: dict[str, str] = display_names(self.registry)
        self._open().close()  # fail at start-up, not on the first request

    def _open(self) -> Archive:
        """Read-only unless the write endpoints are on (a token): the server never writes otherwise."""
        return open_archive(self.db, create=False, read_only=self.token is None)

    def entity_name(self, canonical: str) -> str:
        """A canonical entity id as people read it (the gazetteer's name, else the id made readable)."""
        from ..stages.extract.gazetteer import display_name

        return display_name(self.entity_names, canonical)

    @property
    def archive(self) -> Archive:
        a = getattr(self._local, "archive", None)
        if a is None:
            a = self._open()
            self._local.archive = a
            with self._lock:
                self._opened.append(a)
        return a

    def linker(self):
        """The archive's event linker for /api/explain, opened once per worker thread (it reads
        that thread's connection) and again when another connection has written to the archive
        (SQLite's data_version): opening it reads every live event, most of an explanation's time."""
        from ..stages.cluster.explain import open_linker

        archive = self.archive
        conn = getattr(archive, "conn", None)
        version = conn.execute("PRAGMA data_version").fetchone()[0] if conn is not None else None
        kept = getattr(self._local, "linker", None)
        if kept is not None and version is not None and kept[0] == version:
            return kept[1]
        linker = open_linker(archive, self.settings.events)
        self._local.linker = (version, linker)
        return linker

    def family(self, outlet: str | None) -> str:
        """An outlet's owner family; an outlet the registry does not know is a family of its own."""
        fam = self._families.get(outlet)
        if fam is None:  # remembered: outlets are few, and every hit and facet asks
            fam = self._families[outlet] = self.family_of(outlet) or outlet or "unknown outlet"
        return fam

    def outlets_of_family(self, family: str) -> tuple[str, ...]:
        """Every name and alias of the registry's outlets in ``family`` (stories store outlets by name)."""
        key = family.casefold()  # as the CLI's --family: 'western press' is 'Western press'
        return tuple(n for o in self.registry if (o.family or "").casefold() == key for n in (o.name, *o.aliases))

    def close(self) -> None:
        with self._lock:
            for a in self._opened:
                try:
                    a.close()
                except sqlite3.ProgrammingError:  # a connection owned by another thread: the process ends anyway
                    pass
            self._opened.clear()
