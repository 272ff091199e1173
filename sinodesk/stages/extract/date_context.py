"""Dates read from the words around them (used by dates.find_dates): the weekday of a clause about
what is to come, a month in a relative year ("April last year"), centuries ("the 20th century"),
counts of units ago ("two years ago")."""

from __future__ import annotations

import datetime as dt
import re

# A clause about what is to come ("will appear in court Thursday", "is scheduled to resume Monday"):
# its weekday is the next one, not the last.
_FUTURE_CUE = re.compile(r"\b(?:will|shall|is to|are to|scheduled|set to|due to|expected to|plans? to|planning to|going to)\b|['’]ll\b")
_CLAUSE_BREAK = re.compile(r"[.!?;\n]")


def future_clause(text: str, start: int, s: int) -> bool:
    lo = max(start, s - 100)
    before = text[lo:s]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0)
    return _FUTURE_CUE.search(before, cut) is not None


def next_weekday(base: dt.datetime, name: str) -> str:
    from .dates import WEEKDAYS

    want = WEEKDAYS.split("|").index(name.capitalize())
    ahead = (want - base.weekday()) % 7 or 7
    return (base + dt.timedelta(days=ahead)).strftime("%Y-%m-%d")


_REL_YEAR = frozenset({"last year", "this year", "next year"})


def month_of_relative_year(text: str, hits: list) -> list:
    """"April last year", "March this year": the month is in the year the relative words name (both
    stay mentions: the month, and the year the words name)."""
    from .dates import DateHit

    for k in range(len(hits) - 1):
        a, b = hits[k], hits[k + 1]
        if (a.precision == "month" and len(a.iso) == 7 and b.start == a.end + 1 and text[a.end] == " "
                and text[b.start : b.end].lower() in _REL_YEAR and len(b.iso) == 4):
            hits[k] = DateHit(a.start, a.end, f"{b.iso}-{a.iso[5:7]}", "month")
    return hits


def day_of_named_year(text: str, hits: list) -> list:
    """"May 31 in 1944", "March of 2019": a day or month written without its year, then "in"/"of"
    and a year, is one date in that year (not the day in the year the story is read against)."""
    import datetime as dt

    from .dates import DateHit

    out, k = [], 0
    while k < len(hits):
        a = hits[k]
        b = hits[k + 1] if k + 1 < len(hits) else None
        if (b is not None and a.precision in ("day", "month") and len(a.iso) in (7, 10) and b.precision == "year"
                and len(b.iso) == 4 and b.iso.isdigit() and text[a.end : b.start] in (" in ", " of ", ", in ")
                and not any(ch.isdigit() and text[i : i + 4].isdigit() for i, ch in enumerate(text[a.start : a.end], a.start))):
            iso = b.iso + a.iso[4:]
            try:
                dt.date.fromisoformat(iso if len(iso) == 10 else iso + "-01")
            except ValueError:
                out.append(a)
                k += 1
                continue
            out.append(DateHit(a.start, b.end, iso, a.precision))
            k += 2
            continue
        out.append(a)
        k += 1
    return out


_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                  "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
                  "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}
# "the 20th century", "the nineteenth century", "the 21st-century" (an adjective: no date), "上世纪" is in year_forms
_CENTURY = re.compile(r"\b(?P<n>[12]?\d)(?:st|nd|rd|th)|\b(?P<w>(?:" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
                      + r"))", re.I)
_CENTURY_AFTER = re.compile(r" century\b(?!-)")


def centuries(text: str, start: int, end: int, taken: list) -> list:
    """Centuries written with an ordinal, 10th to 21st, "century" in lower case (the "2nd Century Fund" is a
    name): "the 20th century" -> 1900/1999."""
    from .dates import DateHit

    out = []
    for m in _CENTURY.finditer(text, start, end):
        after = _CENTURY_AFTER.match(text, m.end(), end)
        if after is None or any(h.start < after.end() and m.start() < h.end for h in taken):
            continue
        n = int(m.group("n")) if m.group("n") else _ORDINAL_WORDS[m.group("w").lower()]
        if not 10 <= n <= 21:
            continue  # "the first century of the club": a low ordinal counts from something else
        y = (n - 1) * 100
        out.append(DateHit(m.start(), after.end(), f"{y:04d}/{y + 99:04d}", "century"))
    return out


# "two years ago", "a decade ago", "three months ago", "a week ago" (days: dates._REL_N)
_AGO = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (week|month|year|decade)s? ago\b", re.I)


_AGO_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def ago(text: str, start: int, end: int, base: dt.datetime) -> list:
    """"two years ago", "three months ago": the period that many units before ``base``."""
    from .dates import DateHit

    out = []
    for m in _AGO.finditer(text, start, end):
        word, unit = m.group(1).lower(), m.group(2).lower()
        n = _AGO_WORDS[word] if word in _AGO_WORDS else int(word)
        if unit == "week":
            y, w, _ = (base - dt.timedelta(days=7 * n)).isocalendar()
            out.append(DateHit(m.start(), m.end(), f"{y:04d}-W{w:02d}", "week"))
        elif unit == "month":
            k = base.year * 12 + base.month - 1 - n
            out.append(DateHit(m.start(), m.end(), f"{k // 12:04d}-{k % 12 + 1:02d}", "month"))
        else:
            out.append(DateHit(m.start(), m.end(), f"{base.year - n * (10 if unit == 'decade' else 1):04d}", "year"))
    return out
