"""Date mentions: regexes find candidates, dateparser resolves them against the story date.

What counts as a date mention: a day ("March 23, 2022", "23 March 2022", "2022-03-23",
"2024年3月22日", "March 20", "on Thursday", "yesterday"), a week ("last week", "上周"), a month
("January 2020", "in January", "mid-February"), a quarter ("the first quarter of 2024"), a
year ("in 2024", "last year", "2024年", "the end of 2020"), a decade ("the 1990s", "the 90s", "90年代") or
a range of years ("2019-2020", "between 1939 and 1945").  ``iso`` is ISO 8601 at the precision
written -- YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY, or an interval "1990/1999" for decades,
quarters and ranges -- and ``precision`` names it.  Years inside names ("Euro 2024",
"Sword-2024B") and years of numbers with units are not dates.

dateparser is slow (about 1 ms a call), so resolutions are memoised in a ``DateResolver``
(an explicit cache the caller owns), keyed by the normalised candidate and, for relative
or year-less candidates, the base date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .date_context import ago, centuries, english_spans, future_clause, day_of_named_year, month_of_relative_year, next_weekday
from .zh_dates import chinese_composites, chinese_dates
from .date_stamps import stamp_date
from .scan import finditer_at

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MON_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_M = rf"(?:{MONTHS}|(?:{MON_ABBR})\.?)"
_ORD = r"(?:st|nd|rd|th)?"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"

# Order matters: longer forms first; one combined regex keeps a single scan per story.
_PATTERNS = [
    ("mdy", rf"{_M} \d{{1,2}}{_ORD},? \d{{4}}"),
    ("dmy", rf"\d{{1,2}}{_ORD} (?:of )?{_M},? \d{{4}}"),
    ("iso", r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"),
    ("zh_ymd", r"\d{4}年\d{1,2}月\d{1,2}[日号]"),
    ("zh_ym", r"\d{4}年\d{1,2}月(?!\d)"),
    ("zh_md", r"(?<![\d年])\d{1,2}月\d{1,2}[日号]"),
    ("zh_m", r"(?<![\d年./-])\d{1,2}月(?![\d份底初末])"),
    ("my", rf"{_M},? \d{{4}}"),
    ("md", rf"{_M} \d{{1,2}}{_ORD}(?![\d,]\d|\d)"),
    ("dm", rf"\d{{1,2}}{_ORD} (?:of )?{_M}"),
    ("wd", rf"(?P<wd_day>{WEEKDAYS})\b"),
    ("month", rf"(?P<month_name>{MONTHS})(?![\w-])"),
    ("rel_part", r"\b(?<![Tt]he )(?:(?:[Ll]ast|[Tt]his|[Tt]omorrow) (?:night|morning|afternoon|evening)|[Tt]onight)\b(?!-)(?! (?:train|bus|flight|show|news|session|edition|shift|paper)s?\b)"),
    ("rel_day", r"\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow)\b"),
    ("rel", r"\b(?<![Tt]he )(?:[Ll]ast|[Tt]his|[Nn]ext) (?:year|month|week|weekend)\b(?! of\b)"),
    ("zh_rel_m", r"(?:去年|今年|明年)\d{1,2}月(?!\d{1,2}[日号])"),
    ("zh_rel", r"(?:昨天|昨日|今天|今日|明天|明日|前天|前日|去年|今年|明年|上周|本周|上个月|本月)"),
]
# Every alternative starts at a word start: the leading look-behind skips mid-word positions fast.
_RX = re.compile(r"(?<![A-Za-z])(?:" + "|".join(f"(?P<{name}>{rx})" for name, rx in _PATTERNS) + ")")
# Where _RX can start: a digit run of 1-2 digits before a space, ordinal suffix or 月, or of
# 4 digits before "-" or 年; a CJK relative-date character; a capital that begins a month
# or weekday name; the first letter of yesterday/today/tomorrow/last/this/next -- never
# right after a Latin letter.  A one-character probe (a superset of _RX's starts) that
# begins with a character class, so ``re`` skips everything else in C (see scan.py).
_CAND = re.compile(
    r"[\dJFMASONDTWYLytln去今明昨上本前](?<![A-Za-z][\s\S])"
    r"(?:(?<=\d)(?:(?=\d?[ snrt月日])|(?=\d{3}[-年]))|(?<=[去今明昨上本前])"
    r"|(?<=[JFMASONDTW])(?=an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec|on|ue|ed|hu|ri|at)"
    r"|(?<=[ytlnYTLN])(?=esterday|oday|omorrow|onight|ast |his |ext ))"
)
_SPACES = re.compile(r"\s+")
_SEPT = re.compile(r"\bSept\b")
# _CAND without the lower-case starts, for text that has none of those words (most text:
# t, l, n and y start many words, and each would be tried).
_CAND_NO_LOWER = re.compile(
    r"[\dJFMASONDTW去今明昨上本前](?<![A-Za-z][\s\S])"
    r"(?:(?<=\d)(?:(?=\d?[ snrt月日])|(?=\d{3}[-年]))|(?<=[去今明昨上本前])"
    r"|(?<=[JFMASONDTW])(?=an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec|on|ue|ed|hu|ri|at))"
)
# "two days earlier", "3 days ago": found from " day" by plain string search (rare), matched here.
_REL_N = re.compile(r"(?:one|two|three|four|five|six|seven|\d{1,2}) days? (?:earlier|ago|later|before)\b")
_LOWER_STARTS = ("yesterday", "today", "tomorrow", "tonight") + tuple(
    f"{w} {u}" for w in ("last", "this", "next") for u in ("year", "month", "week")
) + tuple(f"{w} {u}" for w in ("last", "this") for u in ("night", "morning", "afternoon", "evening"))
_LOWER_STARTS += tuple(w[0].upper() + w[1:] for w in _LOWER_STARTS)  # "Yesterday, ...", "Last week ..." opening a sentence
# A relative date written with a capital is a date only where a sentence opens ("Today" in "the Today
# programme", "USA Today", "Last Night of the Proms" is a name), and never "Today" (see find_dates).
_OPENS_BEFORE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“(‘'—–-]\s*)$")
_WEEKDAY_WORD_BEFORE = re.compile(r"\b([Nn]ext|[Ll]ast|[Cc]oming) $")
_MONTH_CUE_BEFORE = re.compile(r"(?:\b(?:in|since|by|until|till|from|to|early|late|mid|of|during|last|this|next|through|before|after) |mid-)$")


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    iso: str
    precision: str = "day"  # day / week / month / quarter / year / decade


def _iso(d: dt.datetime, period: str) -> str:
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.strftime("%Y-%m-%d")


def _shift(base: dt.datetime, n: int, unit: str) -> str:
    """The year, month or day ``n`` units from ``base``, at that precision (ISO)."""
    if unit == "year":
        return f"{base.year + n:04d}"
    if unit == "month":
        m = base.month - 1 + n
        return f"{base.year + m // 12:04d}-{m % 12 + 1:02d}"
    return (base + dt.timedelta(days=n)).strftime("%Y-%m-%d")


def _closest_year(d: dt.datetime, base: dt.datetime) -> dt.datetime:
    """For a date written without a year, the year that puts it nearest the base date (the
    base's own year on a tie)."""
    best = d
    for y in (base.year, base.year - 1, base.year + 1):
        try:
            c = d.replace(year=y)
        except ValueError:
            continue
        if abs((c - base).days) < abs((best - base).days):
            best = c
    return best


class DateResolver:
    """Memoised dateparser front end.  One per worker; not shared across threads."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str, str | None], tuple[str, str] | None] = {}
        self._raw: dict[tuple[str, str, dt.datetime | None], str | None] = {}  # exact surface -> result
        self._parsers: dict[tuple[str, str | None], object] = {}

    def _parser(self, lang: str, base: dt.datetime | None):
        key = (lang, base.date().isoformat() if base else None)
        p = self._parsers.get(key)
        if p is None:
            from dateparser.date import DateDataParser

            settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
            if base is not None:
                settings["RELATIVE_BASE"] = base
            p = DateDataParser(languages=[lang], settings=settings)
            if len(self._parsers) > 64:
                self._parsers.clear()
            self._parsers[key] = p
        return p

    def resolve(self, text: str, kind: str, base: dt.datetime | None) -> str | None:
        raw_key = (text, kind, base)
        hit = self._raw.get(raw_key, self)
        if hit is not self:
            return hit
        iso = self._resolve_normalised(text, kind, base)
        if len(self._raw) > 100_000:
            self._raw.clear()
        self._raw[raw_key] = iso
        return iso

    def _resolve_normalised(self, text: str, kind: str, base: dt.datetime | None) -> str | None:
        lang = "zh" if kind.startswith("zh") else "en"
        absolute = kind in ("mdy", "dmy", "iso", "zh_ymd", "zh_ym", "my")
        norm = _SPACES.sub(" ", text.strip().rstrip(".,"))
        norm = _SEPT.sub("Sep", norm)
        key = (norm, kind, None if absolute or base is None else base.date().isoformat())
        if key in self._cache:
            hit = self._cache[key]
            return hit[0] if hit else None
        iso = self._resolve(norm, kind, lang, absolute, base)
        self._cache[key] = (iso,) if iso else None
        return iso

    def _resolve(self, norm: str, kind: str, lang: str, absolute: bool, base: dt.datetime | None) -> str | None:
        if kind == "rel_part":  # "last night", "this morning", "tonight": a part of a day
            if base is None:
                return None
            first = norm.lower().split()[0]
            return (base + dt.timedelta(days={"last": -1, "tomorrow": 1}.get(first, 0))).date().isoformat()
        if kind == "rel":
            if base is None:
                return None
            word, unit = norm.lower().split()
            step = {"last": -1, "this": 0, "next": 1}[word]
            if unit in ("week", "weekend"):
                y, w, _ = (base + dt.timedelta(days=7 * step)).isocalendar()
                return f"{y:04d}-W{w:02d}"
            return _shift(base, step, unit)
        if kind == "zh_rel":
            if base is None:
                return None
            table = {"昨天": (-1, "day"), "昨日": (-1, "day"), "今天": (0, "day"), "今日": (0, "day"), "明天": (1, "day"),
                     "明日": (1, "day"), "前天": (-2, "day"), "前日": (-2, "day"), "去年": (-1, "year"), "今年": (0, "year"),
                     "明年": (1, "year"), "上周": (-1, "week"), "本周": (0, "week"), "上个月": (-1, "month"), "本月": (0, "month")}
            n, unit = table[norm]
            if unit == "week":
                y, w, _ = (base + dt.timedelta(days=7 * n)).isocalendar()
                return f"{y:04d}-W{w:02d}"
            return _shift(base, n, unit)
        if not absolute and base is None:
            return None
        if kind in ("zh_md", "zh_m", "rel_n"):
            return _resolve_counted(norm, kind, base)
        if kind == "wd" and base is not None and base.strftime("%A") == norm.capitalize():
            return base.strftime("%Y-%m-%d")  # "on Thursday" in a story dated that Thursday
        if kind == "zh_rel_m":
            n = {"去": -1, "今": 0, "明": 1}[norm[0]]
            month = int(re.search(r"(\d{1,2})月", norm).group(1))
            return f"{base.year + n:04d}-{month:02d}" if 1 <= month <= 12 else None
        parsed = norm
        if kind == "dm" or kind == "md" or kind == "dmy" or kind == "mdy":
            parsed = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", parsed).replace(" of ", " ")
        fast = _fast_english(parsed, kind) if lang == "en" else None
        if fast is not None:
            d, period = fast
        else:
            data = self._parser(lang, None if absolute else base).get_date_data(parsed)
            d = data.date_obj if data else None
            if d is None:
                return None
            period = data.period or "day"
        if kind == "month":
            period = "month"
        if not absolute and kind in ("md", "dm", "zh_md", "month") and base is not None:
            d = _closest_year(d, base) if kind != "month" else _closest_month(d, base)
        return _iso(d, period)


_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _resolve_counted(norm: str, kind: str, base: dt.datetime) -> str | None:
    """Chinese month/day written with digits (dateparser cannot read "4月20日" without a year),
    a bare month "9月", and "two days earlier" -- all against the story date.  (A bare day
    "22日" is not counted as a date mention: it only says "on the 22nd" of the dateline's month.)"""
    nums = [int(x) for x in re.findall(r"\d+", norm)]
    if kind == "rel_n":
        word = norm.split()[0].lower()
        n = _NUM_WORDS.get(word) or int(word)
        sign = 1 if norm.lower().endswith("later") else -1
        return (base + dt.timedelta(days=sign * n)).strftime("%Y-%m-%d")
    try:
        if kind == "zh_md":
            d = dt.datetime(base.year, nums[0], nums[1])
            if (d - base).days > 31:  # news looks back: a date well after the story is last year's
                d = d.replace(year=base.year - 1)
            return d.strftime("%Y-%m-%d")
        if kind == "zh_m":
            if not 1 <= nums[0] <= 12:
                return None
            return _iso(_closest_month(dt.datetime(base.year, nums[0], 1), base), "month")
        return None
    except ValueError:
        return None


def _closest_month(d: dt.datetime, base: dt.datetime) -> dt.datetime:
    """A bare month ("in January") is the nearest such month not after the base month + 1."""
    year = base.year if d.month <= base.month + 1 else base.year - 1
    return d.replace(year=year, day=1)


def find_dates(text: str, start: int, end: int, base: dt.datetime | None, resolver: DateResolver) -> list[DateHit]:
    out: list[DateHit] = []
    lower = any(text.find(w, start, end) >= 0 for w in _LOWER_STARTS)
    for m in finditer_at(_CAND if lower else _CAND_NO_LOWER, _RX, text, start, end):
        kind = m.lastgroup
        s, e = m.span()
        if kind in ("wd", "month"):
            inner_group = "wd_day" if kind == "wd" else "month_name"
            inner = m.group(inner_group)
            cue = _MONTH_CUE_BEFORE.search(text, max(0, s - 8), s) is not None
            if kind == "month" and inner == "May" and not cue:
                continue  # "may" as a modal verb
            if kind == "month" and not cue and _month_is_name(text, s, e):
                continue
            s, e = m.span(inner_group)
            surface = text[s:e]
        else:
            surface = text[s:e]
            if surface[0].isupper() and kind in ("rel_day", "rel_part", "rel") and (surface == "Today" or _OPENS_BEFORE.search(text, max(start, s - 3), s) is None):
                continue  # (a sentence opened by "Today, ..." means "nowadays" as often as this day)
        iso = resolver.resolve(surface, kind, base)
        if iso and kind == "wd" and base is not None:
            said = _WEEKDAY_WORD_BEFORE.search(text, max(start, s - 14), s)
            said = said.group(1).lower() if said is not None else None
            if said in ("next", "coming"):
                iso = next_weekday(base, surface)  # "next Monday", "this coming Monday": the one after the story's day
            elif said == "last" and iso >= base.strftime("%Y-%m-%d"):
                iso = (dt.date.fromisoformat(iso) - dt.timedelta(days=7)).isoformat()  # "last Friday" on a Friday: a week before
            elif said != "last" and iso < base.strftime("%Y-%m-%d") and future_clause(text, start, s):
                iso = next_weekday(base, surface)
        if iso:
            out.append(DateHit(s, e, iso, _KIND_PRECISION.get(kind) or precision_of(iso)))
    if base is not None:
        p = text.find(" day", start, end)
        while p >= 0:
            ws = text.rfind(" ", start, p) + 1
            if ws > start and (ws == 0 or not text[ws - 1].isalnum()):
                m = _REL_N.match(text, ws, end)
                if m is not None and (ws == start or not text[ws - 1].isalnum()):
                    iso = _resolve_counted(m.group(), "rel_n", base)
                    if iso:
                        out.append(DateHit(ws, m.end(), iso, "day"))
            p = text.find(" day", p + 4, end)
    if base is not None and text.find(" ago", start, end) >= 0:
        out += ago(text, start, end, base)
    if _CAPS_MONTH.search(text, start, end) is not None:
        out += _caps_dates(text, start, end, base, resolver, out)
    out += year_forms(text, start, end, base, out)
    cjk = _CJK_CHAR.search(text, start, end) is not None
    if cjk:
        out += chinese_dates(text, start, end, base, out)
    if text.find("entury", start, end) >= 0:
        out += centuries(text, start, end, out)
    out.sort(key=lambda h: h.start)
    if cjk:
        out = chinese_composites(text, start, end, base, out)
    return english_spans(text, start, end, base, day_of_named_year(text, month_of_relative_year(text, out)))






# Full dates in capitals, as wire datelines write them ("AUGUST 25, 2004 --"), read in title case;
# day-precise forms only: a month alone in capitals is often a headline word ("MARCH ON ...").
_CAPS_M = "|".join(m.upper() for m in (MONTHS + "|" + MON_ABBR).split("|"))
_CAPS_MONTH = re.compile(rf"\b(?:{_CAPS_M})\b")
_CAPS_DATE = re.compile(rf"\b(?:(?P<mdy>(?:{_CAPS_M})\.? \d{{1,2}}(?:ST|ND|RD|TH)?,? \d{{4}})"
                        rf"|(?P<dmy>\d{{1,2}} (?:{_CAPS_M})\.?,? \d{{4}}))(?![\w])")
_MONTH_WORD = re.compile(r"[a-z]{3,}")  # in a lower-cased date, the month (ordinal suffixes have two letters)


def _caps_dates(text: str, start: int, end: int, base: dt.datetime | None, resolver: DateResolver, taken: list[DateHit]) -> list[DateHit]:
    out = []
    for m in _CAPS_DATE.finditer(text, start, end):
        s, e = m.span()
        if any(h.start < e and s < h.end for h in taken):
            continue
        iso = resolver.resolve(_MONTH_WORD.sub(lambda w: w.group().title(), m.group().lower()), m.lastgroup, base)
        if iso:
            out.append(DateHit(s, e, iso, "day"))
    return out


_KIND_PRECISION = {"wd": "day", "rel_day": "day", "rel_part": "day", "month": "month", "zh_m": "month", "zh_rel_m": "month", "my": "month", "zh_ym": "month"}


def _month_is_name(text: str, s: int, e: int) -> bool:
    """A bare capitalised month inside a name ("March for Science") is not a date."""
    after = text[e : e + 2]
    return after[:1] == " " and after[1:2].isupper()


_EXPLICIT_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def text_anchor(text: str, hits: list[DateHit]) -> dt.datetime | None:
    """The date a story's own text gives for reading its relative dates: its latest full date
    written with a year ("August 25, 2004"), else mid-year of the year it names most often
    (the latest on a tie), else None."""
    days, years = [], {}
    for h in hits:
        if _EXPLICIT_YEAR.search(text, h.start, h.end) is None:
            continue
        if h.precision == "day" and len(h.iso) == 10:
            days.append(h.iso)
        elif h.precision == "year" and len(h.iso) == 4:
            years[h.iso] = years.get(h.iso, 0) + 1
    try:
        if days:
            return dt.datetime.fromisoformat(max(days))
        if years:
            y = max(years, key=lambda k: (years[k], k))
            return dt.datetime(int(y), 7, 1)
    except ValueError:
        return None
    return None


def parse_one(text: str, resolver: DateResolver, base: dt.datetime | None = None) -> str | None:
    """ISO date of the first full date in ``text`` (used for Source lines and headers)."""
    for h in find_dates(text, 0, len(text), base, resolver):
        if len(h.iso) == 10:
            return h.iso
    return None


_MONTH_NUMBER = {
    name: i
    for i, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")), 1)
    for name in names
}
_FAST_TOKENS = re.compile(r"[A-Za-z]+|\d+")


def _fast_english(text: str, kind: str) -> tuple[dt.datetime, str] | None:
    """'March 23, 2022', '23 March 2022', 'March 2022', 'March 23' without dateparser (which
    costs ~10 ms a call); None for anything else, which then goes to dateparser."""
    if kind not in ("mdy", "dmy", "my", "md", "dm"):
        return None
    words = _FAST_TOKENS.findall(text)
    months = [_MONTH_NUMBER[w.lower()] for w in words if w.lower() in _MONTH_NUMBER]
    nums = [w for w in words if w.isdigit()]
    if len(months) != 1 or len(months) + len(nums) != len(words):
        return None
    month = months[0]
    years = [int(n) for n in nums if len(n) == 4]
    days = [int(n) for n in nums if len(n) <= 2]
    if len(years) > 1 or len(days) > 1 or len(years) + len(days) != len(nums):
        return None
    year = years[0] if years else dt.date.today().year
    if kind == "my":
        if days or not years:
            return None
        return dt.datetime(year, month, 1), "month"
    if not days or (kind in ("mdy", "dmy") and not years) or (kind in ("md", "dm") and years):
        return None
    try:
        return dt.datetime(year, month, days[0]), "day"
    except ValueError:
        return None


# -- years, decades, ranges, parts of a year, quarters (a second, rarer scan) ------------------------
_Y = r"(?:1[89]|20)\d\d"
# Every alternative starts at a digit or "Q", so the scan jumps from digit to digit in C; the
# words that may come before ("between", "the end of", "early", "上世纪") are checked in code.
_YEAR_FORMS = re.compile(
    rf"(?P<ymd>{_Y}(?P<ymd_sep>[/.-])(?:1[0-2]|0?[1-9])(?P=ymd_sep)(?:[12]\d|3[01]|0?[1-9]))(?![\d/.-]\d|\d)"
    rf"|(?P<range>(?P<ra>{_Y})\s?[-–]\s?(?P<rb>{_Y}|\d\d)(?![\d-]))"
    rf"|(?P<span>(?P<sa>{_Y}) (?:and|to|until|through) (?P<sb>{_Y}))(?![\d-])"
    r"|(?P<decade>(?P<dy>(?:1[89]|20)\d0)s)\b"
    rf"|(?P<qshort>Q(?P<qn>[1-4])[ -]?(?P<qny>{_Y}))\b"
    r"|(?P<qalone>Q(?P<qa>[1-4]))(?![\w-]|\.\d)"
    r"|(?P<numeric>\d{1,2} ?/ ?\d{1,2} ?/ ?(?:\d{4}|\d{2})(?![\d/]))"
    r"|(?P<zh_range>(?P<za>\d{4})年?(?:至|到|-|—|－|~)(?P<zb>\d{4})年)"
    r"|(?P<sdecade>(?P<sd>[3-9]0)s)(?![\w'’-])"
    r"|(?P<zh_decade>(?P<zd>\d0)年代)"
    r"|(?P<zh_year>\d{4}年|0\d年)(?!\d{1,2}月|代)"
    rf"|(?P<year>{_Y}(?![\w-]|\.\d|,\d))"
)
_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_YEAR_ONLY = re.compile(rf"{_Y}(?![\w-]|\.\d|,\d)")
_YEAR_PROBE = re.compile(r"[\dQ]")
_NOT_BEFORE = {"year": "$£€¥.,/-", "numeric": "/.", "zh_year": "", "ymd": "$£€¥.,/-"}  # besides letters, digits and "_"
_PART_BEFORE = re.compile(r"(?:the )?((?:end|beginning|start|middle|first half|second half) of |(?:early|late|mid)[ -]?)$")
_SPAN_BEFORE = ("between ", "from ", "Between ", "From ")
_ZH_CENTURY = re.compile(r"(?:上世纪|上世紀|20世纪|20世紀|二十世纪|二十世紀)$")
# "the third quarter of 2023", "fourth-quarter profit", "first-quarter 2005 sales"
_QUARTER = re.compile(rf"(?:the )?(?P<quarter>(?P<q>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th)[ -]quarter(?: of (?P<qy>{_Y})|(?<=-quarter) (?P<qy2>{_Y})(?![\d,.]))?)\b")
_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_YEAR_FORM_KEYS = ("19", "20", "quarter", "Q", "/", "年", "0s")  # 年: "0年代", "09年"; "the 90s"
# a decade written short ("the 90s", "the mid-80s", "the '70s", "the 80s and 90s"; not "in his 40s", an age): the
# twentieth century's, as the corpus's news writes it
_SDECADE_BEFORE = re.compile(r"(?:\b[Tt]he |\b(?:[3-9]0s|decades?) (?:and|or|to) )(?P<part>(?:early|late|mid)(?:-| ))?['’]?$")
_NAMEISH_BEFORE = re.compile(r"(?:^|[\s(])([A-Z][\w-]*) $")
_NOT_NAME_BEFORE = frozenset({"In", "Since", "By", "Until", "From", "To", "Before", "After", "During", "Through", "The",
                              "Of", "And", "Or", "Between", "Until", "At", "On", "Copyright"} | set(MONTHS.split("|")))  # "(Copyright 2015 The Associated Press"


def precision_of(iso: str, kind: str = "") -> str:
    """day / week / month / quarter / year / decade for an ISO value (intervals by their kind)."""
    if "/" in iso:
        return {"decade": "decade", "sdecade": "decade", "zh_decade": "decade", "quarter": "quarter", "qshort": "quarter", "qalone": "quarter"}.get(kind, "year")
    if "W" in iso:
        return "week"
    return {10: "day", 7: "month", 4: "year"}.get(len(iso), "day")


def _quarter(year: int, q: int) -> str:
    return f"{year:04d}-{3 * q - 2:02d}/{year:04d}-{3 * q:02d}"


def year_forms(text: str, start: int, end: int, base: dt.datetime | None, taken: list[DateHit]) -> list[DateHit]:
    """Years, decades, ranges, "end of 2020", quarters not already inside a date in ``taken``."""
    if not any(text.find(k, start, end) >= 0 for k in _YEAR_FORM_KEYS):
        return []
    out = []
    for s, e, kind, iso in [*_quarters(text, start, end, base), *_digit_forms(text, start, end, base)]:
        if iso is None or any(h.start < e and s < h.end for h in taken) or any(h.start < e and s < h.end for h in out):
            continue
        if kind == "year" and (_year_in_name(text, start, s, e) or text.startswith(" block", e)):
            continue  # "Euro 2024"; "the 2000 block of Harrison Street" (an address)
        out.append(DateHit(s, e, iso, precision_of(iso, kind)))
    return out


def _digit_forms(text: str, start: int, end: int, base: dt.datetime | None):
    """(start, end, kind, iso) of the year forms that begin at a digit or "Q"."""
    pos = start
    while True:
        p = _YEAR_PROBE.search(text, pos, end)
        if p is None:
            return
        p = p.start()
        prev = text[p - 1 : p] if p > start else ""
        m = None if prev.isdigit() or prev == "_" else _YEAR_FORMS.match(text, p, end)
        if m is None:
            pos = p + 1
            continue
        kind = _outer(m)
        if kind == "sdecade":
            before = _SDECADE_BEFORE.search(text, max(start, p - 30), p)
            if before is None:
                pos = m.end()
                continue
            yield (before.start("part") if before.group("part") else p), m.end(), kind, f"19{m.group('sd')}/19{m.group('sd')[0]}9"
            pos = m.end()
            continue
        if kind == "qalone" and (prev.isalnum() or prev in "-_/"):
            pos = m.end()
            continue  # "FAQ1", "A-Q4": part of a code
        # a letter before the digits makes them part of a word ("A380", "MP3"); a Chinese character does not (宁夏2010年)
        bad_before = (prev.isalpha() and not ((kind.startswith("zh_") or kind == "ymd") and _CJK_CHAR.match(prev))) or (prev and prev in _NOT_BEFORE.get(kind, ""))
        if kind in _NOT_BEFORE and bad_before and not (prev == "-" and text.endswith("mid-", start, p)):
            pos = m.end()
            continue
        s, e = m.span(kind)
        if kind == "span" and not text.endswith(_SPAN_BEFORE, start, s):
            y = _YEAR_ONLY.match(text, s, end)  # "1939 and 1945" without "between": two years
            kind, e, m = "year", y.end(), y
            iso = y.group()
        else:
            iso = _year_form_iso(m, kind, base)
        if kind in ("year", "decade"):
            part = _PART_BEFORE.search(text, max(start, s - 25), s)
            if part is not None:
                s, kind = part.start(1), ("part" if kind == "year" else kind)
        if kind == "zh_decade":
            c = _ZH_CENTURY.search(text, max(start, s - 5), s)
            s = c.start() if c else s
            iso = _zh_decade(int(m.group("zd")), c is not None)
        yield s, e, kind, iso
        pos = e


def _quarters(text: str, start: int, end: int, base: dt.datetime | None):
    p = text.find("quarter", start, end)
    while p >= 0:
        lo = max(start, p - 11)
        for m in _QUARTER.finditer(text, lo, min(end, p + 20)):
            if m.start("quarter") <= p < m.end("quarter"):
                y = m.group("qy") or m.group("qy2")
                if y is None and _GAME_WORDS.search(text, max(start, p - 200), min(end, p + 200)) is not None:
                    break  # "late in the fourth quarter" of a game, not of a year
                q = _Q[m.group("q").lower()]
                iso = _quarter(int(y), q) if y else (_quarter(_quarter_year(text, start, m.start(), base, q), q) if base else None)
                yield m.start("quarter"), m.end("quarter"), "quarter", iso
                break
        p = text.find("quarter", p + 7, end)


def _quarter_year(text: str, start: int, s: int, base: dt.datetime, q: int) -> int:
    """The year of a quarter named without one: the story's.  (Not the year before when the quarter has not begun
    by the story's day: an undated story's day is a guess early in its year, and the dev set's Q4 results, BBC
    stories dated by their text, went to the wrong year.)"""
    return base.year


# words of a match around "the fourth quarter": a game's quarter (American football, basketball)
_GAME_WORDS = re.compile(r"\b(?:touchdowns?|field goals?|quarterbacks?|yards|rushing|overtime|halftime|interceptions?|rebounds|"
                         r"free throws?|three-pointers?|tied? the game|kickoff|punts?|fumbles?)\b", re.I)


def _zh_decade(d: int, century_said: bool) -> str:
    century = 1900 if century_said or d >= 30 else 2000
    return f"{century + d}/{century + d + 9}"


_OUTER = ("ymd", "range", "span", "decade", "qshort", "qalone", "numeric", "sdecade", "zh_range", "zh_decade", "zh_year", "year")


def _outer(m: re.Match) -> str:
    return next(k for k in _OUTER if m.group(k) is not None)


def _year_form_iso(m: re.Match, kind: str, base: dt.datetime | None) -> str | None:
    g = m.group
    if kind == "ymd":  # "2024/5/12", "2024.5.12", "2024-5-12": year, month, day
        y, mo, d = (int(x) for x in re.split(r"[/.-]", g("ymd")))
        try:
            return dt.date(y, mo, d).isoformat()
        except ValueError:
            return None
    if kind == "range":
        a, b = g("ra"), g("rb")
        b = a[:2] + b if len(b) == 2 else b
        return f"{a}/{b}" if a < b else None
    if kind == "span":
        return f"{g('sa')}/{g('sb')}" if g("sa") < g("sb") else None
    if kind == "decade":
        return f"{g('dy')}/{int(g('dy')) + 9}"
    if kind == "qshort":
        return _quarter(int(g("qny")), int(g("qn")))
    if kind == "qalone":  # "Q3" with no year: the story's year (a quarter still to come in it: the year before)
        return _quarter(_quarter_year(m.string, 0, m.start(), base, int(g("qa"))), int(g("qa"))) if base is not None else None
    if kind == "numeric":  # "8/2/13": month first (US order) unless the first number cannot be a month
        a, b, y = (int(x) for x in re.findall(r"\d+", g("numeric")))
        month, day = (a, b) if a <= 12 else (b, a)
        year = y if y >= 100 else (2000 + y if y < 50 else 1900 + y)
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    if kind == "year":
        return g("year")
    if kind == "zh_range":
        return f"{g('za')}/{g('zb')}" if g("za") < g("zb") else None
    if kind == "zh_decade":
        return _zh_decade(int(g("zd")), False)
    y = g("zh_year")
    return "20" + y[:2] if len(y) == 3 else y[:4]  # "09年": a year written with two digits and its leading zero


def _year_in_name(text: str, start: int, s: int, e: int) -> bool:
    """"Euro 2024", "Vision 2030", "Sword-2024B": a year right after a capitalised word mid-sentence."""
    m = _NAMEISH_BEFORE.search(text, max(start, s - 30), s)
    if m is None or m.group(1) in _NOT_NAME_BEFORE:
        return False
    w0 = m.start(1)
    before = text[max(start, w0 - 2) : w0]
    return not (w0 == start or before.endswith(("\n", ". ")) or before.strip() == "")


# a clock time, with "at" before it and am/pm after it: not a word of the line it stands in
_CLOCK = re.compile(r"(?:\bat\s+)?\b\d{1,2}\s?[:.]\s?\d{2}(?:\s?[ap]\.?\s?m\b\.?)?", re.I)


def document_date(text: str, resolver: DateResolver, lines: int = 10) -> str | None:
    """The date a document gives itself: a line among its first or last ``lines`` non-blank
    lines that is a date stamp (:func:`.date_stamps.stamp_date`: "26 September 2013, 10: 00 (GMT+05: 00)")
    or a full date and at most two other words ("31 January 2025", "CiCM 31st January 2025") -- a
    digest's issue line.  Lines with a colon ("Source: X, May 6, 2024")
    belong to one story, not to the document."""
    rows = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for line in rows[:lines] + rows[-lines:]:
        stamp = stamp_date(line)
        if stamp is not None:
            return stamp
        line = _CLOCK.sub(" ", line).strip()  # a timestamp line: "8/2/13 at 1:30 PM"
        if len(line) > 60 or ":" in line or "：" in line:
            continue
        for h in find_dates(line, 0, len(line), None, resolver):
            rest = (line[: h.start] + " " + line[h.end :]).split()
            if len(h.iso) == 10 and len(rest) <= 2:
                return h.iso
    return None


# A story's own dateline dates it when the date carries its year: "TAIPEI, March 12, 2026 -- ...",
# "WASHINGTON, D.C., 12 March 2026 (Reuters) - ...", "March 12, 2026 — ...", "2026-03-12: ...", a line that
# is only the date, "本报北京2026年3月12日电". Before the date: nothing, or a place of at most four capitalised
# words (and a region) with its comma; after it: an agency in brackets and a dash, colon or slash, or the line's
# end. A date inside the lead's sentence ("On March 12, 2026 the ministry ...") is the event's, not the story's.
_CAP = r"[A-Z][\w.'’-]*"
_DATELINE_BEFORE = re.compile(rf"[ \t]*(?:(?:{_CAP}[ \t]+){{0,3}}{_CAP},[ \t]*(?:(?:{_CAP}[ \t]+){{0,2}}{_CAP},[ \t]*)?)?$"
                              r"|[ \t]*[\u4e00-\u9fff]{0,12}$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{2,40}\)[ \t]*)?(?:(?:--|[-–—:/|])[ \t]|[ \t]*$)|[ \t]*(?:电|讯)")
_WRITTEN_YEAR = re.compile(r"(?:19|20)\d\d")


def dateline_date(text: str, s0: int, e0: int, resolver: DateResolver, lines: int = 2) -> str | None:
    """The day a story's dateline gives, with its year written (see the patterns above), in the
    story's first ``lines`` non-blank lines (the first may be its headline); else None."""
    p, seen = s0, 0
    while p < e0 and seen < lines:
        nl = text.find("\n", p, e0)
        nl = e0 if nl < 0 else nl
        line = text[p:nl]
        if line.strip():
            seen += 1
            if stamp_date(line, labelled=True) is not None:
                break  # a date stamp line ("Posted: ...") is document dating's to read or leave (document_date)
            head = line[:160]
            for h in find_dates(head, 0, len(head), None, resolver):
                if (len(h.iso) == 10 and _WRITTEN_YEAR.search(head, h.start, h.end)
                        and _DATELINE_BEFORE.match(head[: h.start]) and _DATELINE_AFTER.match(head, h.end)):
                    return h.iso
                break  # only the line's first date can be its dateline
        p = nl + 1
    return None
