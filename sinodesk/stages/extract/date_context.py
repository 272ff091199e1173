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


# -- ranges, seasons and parts of the current year, read from the hits around them ------------------------------
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_RANGE_SEP = frozenset(("-", "–", " - ", " – ", " to ", " and ", " through ", " until ", " till "))
_RANGE_OPEN = re.compile(r"(?:\b(?:[Bb]etween|[Ff]rom)) $")
_MONTH_DASH_BEFORE = re.compile(rf"\b({'|'.join(_MONTHS)}) ?[-–] ?$")
_DAY_DASH_BEFORE = re.compile(r"(?<![\d.,/-])([12]\d|3[01]|0?[1-9]) ?[-–] ?$")
_DAY_DASH_AFTER = re.compile(r" ?[-–] ?([12]\d|3[01]|0?[1-9])(?![\d.,:/-]| ?(?:%|per|pm|am|p\.m|a\.m))")
# "over the weekend", "at the weekend": the weekend just past (or the next one, in a clause about what is to come)
_THE_WEEKEND = re.compile(r"\b(?:[Oo]ver|[Aa]t|[Dd]uring|[Aa]cross|[Tt]hrough|[Tt]hroughout|[Oo]n|[Tt]his past) the (weekend)\b(?!['’-])")
_PART_OF_NOW = re.compile(r"\b(?P<part>end|beginning|start|middle|turn) of the (?P<u>year|month)\b")


def english_spans(text: str, start: int, end: int, base: dt.datetime | None, hits: list) -> list:
    """Month and day ranges ("January-March", "between January and March", "May 3-8", "3-8 May", "from
    March 9 to March 30, 1987") and "the end of the year", put in place of the pieces the scans found.
    (English seasons are left as the scans read them: the seed labels read "summer 2024" as the year.)"""
    from .dates import DateHit

    out: list = []
    k = 0
    while k < len(hits):
        a = hits[k]
        b = hits[k + 1] if k + 1 < len(hits) else None
        joined = _join(text, start, a, b) if b is not None else None
        if joined is not None:
            out.extend(joined if isinstance(joined, list) else [joined])
            k += 2
            continue
        out.append(_dash_extended(text, start, end, a))
        k += 1
    extra = []
    if base is not None and text.find("the weekend", start, end) >= 0:
        for m in _THE_WEEKEND.finditer(text, start, end):
            if future_clause(text, start, m.start()):
                day = base + dt.timedelta(days=max(0, 5 - base.weekday()))  # the weekend to come
            else:
                day = base - dt.timedelta(days=0 if base.weekday() >= 5 else base.weekday() + 1)  # the one just past
            y, w, _ = day.isocalendar()
            extra.append(DateHit(m.start(1), m.end(1), f"{y:04d}-W{w:02d}", "week"))
    if base is not None and text.find(" of the ", start, end) >= 0:
        for m in _PART_OF_NOW.finditer(text, start, end):
            iso = f"{base.year:04d}" if m.group("u") == "year" else f"{base.year:04d}-{base.month:02d}"
            extra.append(DateHit(m.start(), m.end(), iso, m.group("u")))
    if base is not None and text.find("decade", start, end) >= 0:
        extra += _relative_decades(text, start, end, base)
    if text.find(" half of ", start, end) >= 0 or text.find(" months of ", start, end) >= 0:
        extra += _year_parts(text, start, end, base)
    if extra:
        out = [h for h in out if not any(x.start < h.end and h.start < x.end for x in extra)] + extra
        out.sort(key=lambda h: h.start)
    return out


def _join(text: str, start: int, a, b):
    """Two months or two days joined as a range, as one date (None when they are not)."""
    from .dates import DateHit

    sep = text[a.end : b.start]
    if sep not in _RANGE_SEP or a.precision != b.precision or a.precision not in ("month", "day"):
        return None
    if sep.strip() in ("to", "and", "until", "till", "through") and _RANGE_OPEN.search(text, max(start, a.start - 9), a.start) is None:
        return None  # "January and March" without "between": two months
    n = 7 if a.precision == "month" else 10
    if len(a.iso) != n or len(b.iso) != n:
        return None
    a_iso, b_iso = a.iso, b.iso
    a_year, b_year = (any(text[i : i + 4].isdigit() for i in range(h.start, h.end - 3)) for h in (a, b))
    if b_year and not a_year:
        a_iso = b_iso[:4] + a_iso[4:]  # "from March 9 to March 30, 1987": the first end has the second's year
        if a_iso > b_iso:
            a_iso = f"{int(b_iso[:4]) - 1:04d}" + a_iso[4:]
    elif not b_year:
        b_iso = a_iso[:4] + b_iso[4:]  # "from May to July": the second end follows the first
        if b_iso < a_iso:
            b_iso = f"{int(a_iso[:4]) + 1:04d}" + b_iso[4:]
    if a_iso >= b_iso:
        return None
    if a.precision == "day":
        # two days stay two mentions ("from March 28 to April 1"); the first is read in the second's year
        return [DateHit(a.start, a.end, a_iso, "day"), b]
    return DateHit(a.start, b.end, f"{a_iso}/{b_iso}", a.precision)


def _dash_extended(text: str, start: int, end: int, h):
    """"January-March" (the first month is not found alone), "May 3-8", "3-8 May": a range around one hit."""
    from .dates import DateHit

    if h.precision == "month" and len(h.iso) == 7:
        m = _MONTH_DASH_BEFORE.search(text, max(start, h.start - 12), h.start)
        if m is not None:
            first = _MONTHS.index(m.group(1)) + 1
            year = int(h.iso[:4]) - (1 if first > int(h.iso[5:7]) else 0)
            return DateHit(m.start(1), h.end, f"{year:04d}-{first:02d}/{h.iso}", "month")
        return h
    if h.precision != "day" or len(h.iso) != 10:
        return h
    word = text[h.start : h.end]
    if word[:1].isdigit():  # "3-8 May": the hit is "8 May"
        m = _DAY_DASH_BEFORE.search(text, max(start, h.start - 4), h.start)
        if m is not None and int(m.group(1)) < int(h.iso[8:10]):
            return DateHit(m.start(1), h.end, f"{h.iso[:8]}{int(m.group(1)):02d}/{h.iso}", "day")
        return h
    if word[:1].isalpha() and word[-1:].isdigit() and not any(word[i : i + 4].isdigit() for i in range(len(word) - 3)):
        m = _DAY_DASH_AFTER.match(text, h.end, end)  # "May 3-8"
        if m is not None and int(m.group(1)) > int(h.iso[8:10]):
            return DateHit(h.start, m.end(), f"{h.iso}/{h.iso[:8]}{int(m.group(1)):02d}", "day")
    return h


# the decade running up to the story's day or from it ("the past decade", "the coming decade").  (Seasons named
# from it -- "last summer" -- are left out: the seed labels do not mark them, s002-7.)
_REL_DECADE = re.compile(r"\b(?:[Tt]he )?(?P<w>past|last|previous|coming|next) decade\b(?!['’-])")


def _relative_decades(text: str, start: int, end: int, base: dt.datetime) -> list:
    from .dates import DateHit

    out = []
    for m in _REL_DECADE.finditer(text, start, end):
        y = base.year
        iso = f"{y:04d}/{y + 10:04d}" if m.group("w") in ("coming", "next") else f"{y - 10:04d}/{y:04d}"
        out.append(DateHit(m.start("w"), m.end(), iso, "decade"))
    return out


# A part of a year named by its months: "the first half of 2024", "the second half of the year", "the first nine
# months of 2004", "the first three months of the year" (the labels: "first three months of 2005" -> 2005-01/2005-03)
_COUNT_WORD = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11}
_YEAR_PART = re.compile(r"\b(?P<part>(?P<half>[Ff]irst|[Ss]econd) half|(?P<fl>[Ff]irst|[Ll]ast) (?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01]) "
                        r"months) of (?P<y>(?:the|this|last|next) year|(?:19|20)\d\d)\b(?![-/]\d)")
_REL_YEAR_OFFSET = {"the": 0, "this": 0, "last": -1, "next": 1}


def _year_parts(text: str, start: int, end: int, base: dt.datetime | None) -> list:
    from .dates import DateHit

    out = []
    for m in _YEAR_PART.finditer(text, start, end):
        y = m.group("y")
        if y[:1].isdigit():
            year = int(y)
        elif base is None:
            continue  # "the first half of the year" in an undated story: no year to put it in (a fiscal year is not the calendar's)
        else:
            year = base.year + _REL_YEAR_OFFSET[y.split()[0]]
        if m.group("half"):
            a, b, precision = (1, 6, "month") if m.group("half").lower() == "first" else (7, 12, "month")
        else:
            n = _COUNT_WORD.get(m.group("n")) or int(m.group("n"))
            a, b = (1, n) if m.group("fl").lower() == "first" else (13 - n, 12)
            precision = "quarter" if n == 3 else "month"
        out.append(DateHit(m.start("part"), m.end(), f"{year:04d}-{a:02d}/{year:04d}-{b:02d}", precision))
    return out
