"""A rich progress bar on stderr that only appears once work has taken more than a second.

It counts items (documents: feed entries, JSONL lines, pages), not input files: a file stands
for one item until it is read, then for what it held.  It stays quiet unless both stdout and
stderr are terminals: piped output or a log file gets no bar.
"""

from __future__ import annotations

import sys
import time


def progress_wanted(stdout=None, stderr=None) -> bool:
    """A bar only for a person at a terminal: both streams are ttys."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    return all(getattr(s, "isatty", lambda: False)() for s in (out, err))


class LazyProgress:
    def __init__(self, label: str, *, enabled: bool | None = None, delay: float = 1.0, console=None):
        self.label = label
        self.enabled = progress_wanted() if enabled is None else enabled
        self.delay = delay
        self.console = console
        self._t0 = time.monotonic()
        self._total: int | None = None
        self._done = 0
        self._bar = None
        self._task = None

    def total(self, n: int) -> None:
        self._total = n
        self._refresh()

    def grow(self, n: int) -> None:
        """``n`` more items than counted so far (a file turned out to hold several)."""
        self._total = (self._total or 0) + n
        self._refresh()

    def advance(self, n: int = 1) -> None:
        self._done += n
        if not self.enabled:
            return
        if self._bar is None and time.monotonic() - self._t0 >= self.delay:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("items"),
                                 TimeElapsedColumn(), console=self.console or Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self._total, completed=self._done)
        self._refresh()

    def _refresh(self) -> None:
        if self._bar is not None:
            self._bar.update(self._task, total=self._total, completed=self._done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
