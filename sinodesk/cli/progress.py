"""A rich progress bar on stderr that only appears once work has taken more than a second."""

from __future__ import annotations

import sys
import time


class LazyProgress:
    def __init__(self, label: str, *, enabled: bool | None = None, delay: float = 1.0):
        self.label = label
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.delay = delay
        self._t0 = time.monotonic()
        self._total: int | None = None
        self._done = 0
        self._bar = None
        self._task = None

    def total(self, n: int) -> None:
        self._total = n
        if self._bar is not None:
            self._bar.update(self._task, total=n)

    def advance(self, n: int = 1) -> None:
        self._done += n
        if not self.enabled:
            return
        if self._bar is None and time.monotonic() - self._t0 > self.delay:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self._total, completed=self._done)
        elif self._bar is not None:
            self._bar.update(self._task, completed=self._done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
