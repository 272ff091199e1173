"""Regex scanning helpers that keep Python's ``re`` on its fast path.

CPython's regex engine skips quickly over positions that cannot start a match only when
the pattern *begins* with a literal, a character class or an alternation of literals: it
then scans for those characters in a tight C loop.  A pattern that begins with a
look-behind or ``\\b`` (``(?<!\\w)Ministry``) is instead tried at every position, which
costs about as much as a dozen small regexes.  The helpers here keep patterns in the
fast shape without changing what they match:

* ``guard_after_first`` moves a one-character look-behind guard behind the first literal
  character of every alternative (``(?<!\\w)President`` -> ``P(?<!\\w.)resident``);
* ``finditer_at`` runs a pattern only where a cheap candidate pattern says it could
  start, with exactly the results of ``rx.finditer`` (leftmost, non-overlapping).
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def guard_after_first(alternatives: list[str], guard: str) -> str:
    """``(?:a<guard>rest|...)``: each alternative's first character, then ``guard``.

    ``alternatives`` are regex sources whose first character is a plain literal (letters,
    digits, CJK); ``guard`` is a look-behind written for the position *after* that
    character, e.g. ``(?<!\\w.)`` for a word boundary before it.
    """
    parts = []
    for alt in alternatives:
        first = alt[0]
        if first in "\\[(.^$*+?{|":
            raise ValueError(f"alternative {alt!r} must start with a literal character")
        parts.append(re.escape(first) + guard + alt[1:])
    return "(?:" + "|".join(parts) + ")"


def finditer_at(cand: re.Pattern, rx: re.Pattern, text: str, start: int, end: int) -> Iterator[re.Match]:
    """Same matches as ``rx.finditer(text, start, end)``, trying ``rx`` only where ``cand`` matches.

    ``cand`` must match (as a zero- or one-character probe) at every position where ``rx``
    can start a match; its own match may be a superset.  ``rx`` must not match the empty
    string.
    """
    pos = start
    search, match = cand.search, rx.match
    while pos < end:
        c = search(text, pos, end)
        if c is None:
            return
        p = c.start()
        m = match(text, p, end)
        if m is None:
            pos = p + 1
            continue
        yield m
        pos = m.end()
