"""Date stamp lines: the line a news page prints under its headline to say when it was published
("Posted: Nov 27, 2005 8:20 AM ET", "Updated: January 6, 2011, 11:34 AM ET", "On Tue, 16/08/2011 -
13:42", "26 September 2013, 10:00 (GMT+05:00)", "2013-09-26", "2 A.M. FEB. 4, 2009").

A stamp line is a full date (with its year) and nothing else but stamp words: a weekday, clock
times with am/pm and a zone, and separators -- at most two capitalised words besides (the outlet:
"Valley Herald Mar 14, 2016, 09.30AM IST").  Word-tokenised text writes its separators spaced
("2013 - 09 - 26", "8: 20 AM"); they are closed up first.  A sentence that mentions a date ("Hale
was born on March 14, 1931, in Riverton") has prose words and is no stamp; nor is a field ("Born:
<date>"), a span of two dates, or a date without its year.  Stamps with a label (posted,
published, updated, created, edited, "last updated at") are read only with ``labelled=True``:
document dating leaves them off (they lowered ECB+ topics 1-35, see README "Story dates").  When
a line holds several stamps ("Posted: ... Updated: ..."), the first (the publishing date) is read.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_RX = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
             r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_YEAR = r"(?:19|20)\d\d"
# spaced separators of tokenised text, closed up: "2013 - 09 - 26", "8: 20", "08. 07. 2012", "A. M."
_SPACED = re.compile(r"(?<=\d) ?([:/.-]) ?(?=\d)|(?<=\b[AaPp])\. ?(?=[Mm]\b)")
_DATE = re.compile(
    rf"(?P<mdy>(?P<m1>{_MONTH_RX})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,? |, ?| ?- ?)(?P<y1>{_YEAR}))"
    rf"|(?P<dmy>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m2>{_MONTH_RX})\.?,? (?P<y2>{_YEAR}))"
    rf"|(?P<ymd>(?P<y3>{_YEAR})(?P<s3>[-/.])(?P<m3>\d{{1,2}})(?P=s3)(?P<d3>\d{{1,2}}))"
    rf"|(?P<num>(?P<a4>\d{{1,2}})(?P<s4>[-/.])(?P<b4>\d{{1,2}})(?P=s4)(?P<y4>{_YEAR}|\d\d))",
    re.I,
)
_DATE_EDGES = re.compile(r"(?<![\w/.:-])(?:" + _DATE.pattern + r")(?![\w/:]|\.\d)", re.I)
# what else a stamp line may hold: weekdays, "at"/"on", am/pm, zones; and the labels (posted, updated ...)
_STAMP_WORD = re.compile(
    r"(?i:on|at|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|am|pm|a\.m|p\.m|hrs|noon|local|utc|gmt|release|date|dated)\.?$"
    r"|[A-Z]{1,3}[SD]?T$",  # a time zone: ET, EDT, GMT, IST, AEST, AKDT
)
_LABEL = re.compile(r"(?i)\b(?:(?:first|last|story|article) )?(?:published|posted|updated|created|edited|modified)"
                    r"(?: (?:on|at|time))?\b")
# clock times ("8:20", "6:07:15", "05.51AM", "5:55p", "2 A.M.") and zone offsets ("GMT+05:00")
_CLOCK = re.compile(r"(?<![\w.:])(?:\d{1,2}(?:[:.]\d{2}){1,2} ?(?:[ap]\.?m?\.?(?!\w))?|\d{1,2} ?[ap]\.?m\b\.?"
                    r"|(?:utc|gmt)?[+-]\d{1,2}(?::\d{1,2})?)(?![\w:])", re.I)
_TOKEN = re.compile(r"[^\s,|/@()\[\]–—:-]+")
_CAPITALISED = re.compile(r"[A-Z][\w.&'’]*$")
_MAX_LINE = 120  # a stamp line is short: two stamps with clock and zone fit in 90 characters
# a year of four digits, or a numeric date with a two-digit one ("05 / 02 / 07")
_YEAR_PROBE = re.compile(r"(?:19|20)\d\d|\d ?([/.-]) ?\d\d? ?\1 ?\d\d")
_FIELD_BEFORE = re.compile(r"(\w+)\.?\s*[:：]\s*$")  # "Born: <date>", "Deadline: <date>": a field, not a stamp


def stamp_date(line: str, *, labelled: bool = False) -> str | None:
    """ISO day of a date stamp line, else None.  With ``labelled``, lines whose stamp carries a
    label ("Posted: ...", "Updated ...", "21 July 2013 Last updated at 11:11 GMT") count too."""
    if len(line) > _MAX_LINE or _YEAR_PROBE.search(line) is None:
        return None  # (a paragraph, or no year: the cheap test first, most lines are one or the other)
    line = _SPACED.sub(lambda m: m.group(1) or ".", line.strip())
    dates = list(_DATE_EDGES.finditer(line))
    if not dates:
        return None
    has_label = _LABEL.search(line) is not None
    if has_label and not labelled:
        return None
    rest, pos = [], 0
    for m in dates:
        gap = line[pos : m.start()]
        if pos and _LABEL.search(gap) is None:
            return None  # two dates with no label between: a span ("April 22, 1923 - December 11, 2008")
        field = _FIELD_BEFORE.search(gap)
        if field is not None and not _STAMP_WORD.match(field.group(1)) and not _LABEL.search(gap):
            return None
        rest.append(gap)
        pos = m.end()
    rest.append(line[pos:])
    others = 0
    for tok in _TOKEN.findall(_CLOCK.sub(" ", _LABEL.sub(" ", " ".join(rest)))):
        if _STAMP_WORD.match(tok) or not any(c.isalnum() for c in tok):
            continue
        if not _CAPITALISED.match(tok):
            return None  # a word of prose: a sentence that mentions a date
        others += 1
    if others > 2:
        return None
    return _iso(dates[0])


def _iso(m: re.Match) -> str | None:
    g = m.group
    if g("mdy"):
        y, mo, d = int(g("y1")), _month(g("m1")), int(g("d1"))
    elif g("dmy"):
        y, mo, d = int(g("y2")), _month(g("m2")), int(g("d2"))
    elif g("ymd"):
        y, mo, d = int(g("y3")), int(g("m3")), int(g("d3"))
    else:  # slashes: month first (US) unless it cannot be; dots and dashes: day first
        a, b, y = int(g("a4")), int(g("b4")), int(g("y4"))
        y = y if y >= 100 else 2000 + y if y < 50 else 1900 + y
        month_first = a <= 12 if g("s4") == "/" else b > 12
        mo, d = (a, b) if month_first else (b, a)
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _month(word: str) -> int:
    return _MONTHS.index(word[:3].lower()) + 1
