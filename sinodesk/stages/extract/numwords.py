"""Numbers written in words: English number words and fractions, Chinese numerals.

The values come from libraries -- ``text2num`` for English number words ("seventeen",
"twenty-five", "three hundred"), ``cn2an`` for Chinese numerals ("一万两千", "三千五百万") --
while this module finds where a number written in words starts and ends, which libraries
do not report, and what it counts.  Own code only for fractions ("one-third", "six in ten",
"more than half"), which neither library reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# a number joined to its unit by a hyphen, as an adjective: "a 15-inch screen", "a three-time champion",
# "a 170,000-square-foot plant" (tokenised text writes the hyphen with spaces: "15 - inch")
HYPHEN_UNIT = re.compile(
    r" ?- ?((?i:person|people|member|strong|man|seat|bed|year|day|month|week|hour|minute|second|km|kilometre|kilometer|mile|"
    r"metre|meter|storey|story|inch|foot|feet|yard|acre|pound|stone|game|time|point|magnitude|square(?: - |[ -])foot|square(?: - |[ -])mile))\b"
)
HYPHEN_NORMAL = {"magnitude": "magnitude", "person": "people", "people": "people", "strong": "people", "man": "people", "kilometre": "km",
                 "kilometer": "km", "story": "storeys", "meter": "metres", "metre": "metres", "inch": "inches",
                 "foot": "feet", "feet": "feet", "stone": "stone", "square-foot": "square feet", "square foot": "square feet",
                 "square-mile": "square miles", "square mile": "square miles",
                 "square - foot": "square feet", "square - mile": "square miles"}

_UNITS_EN = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
             "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred").split()
_WORD = "|".join(sorted(_UNITS_EN + ["thousand", "million", "billion"], key=len, reverse=True))
_DOZEN = re.compile(r"(?<![\w-])(?P<n>a|one|two|three|four|five|six|half a) dozen(?![\w-])", re.I)
# A run of number words: "seventeen", "twenty-five", "three hundred and five", "a hundred".
_EN_RUN = re.compile(
    rf"(?<![\w-])(?:(?P<a>a) )?(?P<run>(?:{_WORD})(?:(?:[ -]|\sand\s)(?:{_WORD}))*)(?![\w])",
    re.I,
)
_ORDINAL_FRACTION = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}
_DEN_STEMS = ("third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
# "one-third", "two thirds", "three-fifths", "a quarter of"
_FRACTION = re.compile(
    r"(?<![\w-])(?P<num>one|two|three|four|five|six|seven|eight|nine|a|an)[ -](?P<den>half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)(?![\w-])",
    re.I,
)
# "six in ten", "one in five", "three out of four" (the second number written in words or digits)
_IN_N = re.compile(
    rf"(?<![\w-])(?P<num>{_WORD}|\d+) (?:in|out of) (?P<den>{_WORD}|\d+)(?![\w-])(?! (?:years?|months?|days?|weeks?|percent))",
    re.I,
)
# where "six in ten" can be: " in "/" out of " before a number word or a number of at most three digits
# (a plain space first, so the scan is fast; read on the lower-cased copy)
_IN_N_GATE = re.compile(rf" (?:in|out of) (?:{_WORD}|\d{{1,3}}(?!\d))")
_APPROX_HALF = re.compile(
    r"(?<![\w-])(?P<approx>(?:more than|less than|fewer than|nearly|almost|about|around|roughly|over|under|just over|just under|at least) )(?P<half>half)(?![\w-])",
    re.I,
)
# a change by a share: "fell by a third", "cut costs by nearly a quarter"
_BY_BEFORE = re.compile(r"\b(?:by|By) (?:(?:nearly|almost|about|around|roughly|some|more than|less than|over|just over|just under) )?$")
_HALF_OF = re.compile(r"(?<![\w-])(?<!first )(?<!second )(?<!First )(?<!Second )(?P<half>[Hh]alf) (?:of (?:the|all|its|their|those|these|them|us|all)|the|its|their|all)\b")

ZH_NUMERAL_CHARS = "零〇一二两兩三四五六七八九十百千万萬亿億"
_ZH_RUN = re.compile(rf"[{ZH_NUMERAL_CHARS}]+(?:[点點][零〇一二三四五六七八九]+)?")


@dataclass(frozen=True, slots=True)
class WordNumber:
    start: int
    end: int
    value: float
    unit: str | None  # "fraction" for fractions, else None (the caller finds the counted noun)


@lru_cache(maxsize=4096)
def en_value(words: str) -> float | None:
    """Value of an English number-word run ("twenty-five" 25, "a hundred" 100), by text2num."""
    from text_to_num import text2num

    w = " ".join(words.lower().replace("-", " ").split())
    if w.startswith(("a ", "an ")):
        w = "one " + w.split(" ", 1)[1]
    try:
        return float(text2num(w, "en"))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def zh_value(numeral: str) -> float | None:
    """Value of a Chinese numeral ("一万两千" 12000, "十五点五" 15.5), by cn2an; None if it is not one."""
    import cn2an

    if numeral[:1] in "百千万萬亿億":
        numeral = "一" + numeral  # 百名, 千万像素, 万人: a scale word alone counts one of it
    try:
        v = cn2an.cn2an(numeral.replace("兩", "两").replace("萬", "万").replace("億", "亿").replace("點", "点"), "normal")
    except (ValueError, KeyError, TypeError):
        return None
    return float(v)


def english_runs(text: str, start: int, end: int):
    """(start, end, value) of each run of English number words in ``text[start:end]``."""
    for m in _EN_RUN.finditer(text, start, end):
        run = m.group("run")
        words = run.lower().replace("-", " ").split()
        if words[-1] == "and" or (words[0] in ("thousand", "million", "billion") and not m.group("a")):
            continue
        scaled_a = m.group("a") and words[0] in ("hundred", "thousand", "million", "billion")  # "a hundred"; not "a six-month"
        value = en_value(("a " if scaled_a else "") + run)
        if value is None:
            if " and " in run.lower() or "\nand" in run.lower():
                yield from _and_parts(m)  # "two and three jobs", "four and five": two numbers, not "three hundred and five"
            continue
        s = m.start("a") if scaled_a else m.start("run")
        yield s, m.end(), value


_AND = re.compile(r"\sand\s", re.I)


def _and_parts(m: re.Match):
    """(start, end, value) of each number in a run joined by "and" that is no one number ("two and three")."""
    run, base, at = m.group("run"), m.start("run"), 0
    parts = []
    for sep in [*_AND.finditer(run), None]:
        stop = sep.start() if sep is not None else len(run)
        value = en_value(run[at:stop])
        if value is not None and run[at:stop].lower().split()[0] not in ("thousand", "million", "billion", "hundred"):
            parts.append((base + at, base + stop, value, run[at:stop].lower().split()))
        if sep is not None:
            at = sep.end()
    # "five and six hundred", "two and three million": the scale word of the last number scales the bare ones before it
    last = parts[-1][3][-1] if parts else None
    scale = _RANGE_SCALE.get(last) if len(parts) > 1 and len(parts[-1][3]) >= 2 else None
    for s, e, value, words in parts:
        if scale and len(words) == 1 and value < 100 and value * scale < parts[-1][2] * 10:
            value *= scale
        yield s, e, value


_RANGE_SCALE = {"hundred": 100.0, "thousand": 1000.0, "million": 1e6, "billion": 1e9}


def dozens(text: str, start: int, end: int):
    """(start, end, value) of "a dozen", "two dozen"; "dozens of" is no number."""
    if text.find("ozen", start, end) < 0 and text.find("OZEN", start, end) < 0:
        return  # a plain find first: most stories have none (the pattern is tried at every position)
    for m in _DOZEN.finditer(text, start, end):
        n = m.group("n").lower()
        yield m.start(), m.end(), 6.0 if n == "half a" else 12.0 * (_SMALL.get(n) or 1)


def fractions(text: str, start: int, end: int) -> list[WordNumber]:
    """Fractions written in words, valued as ratios: one-third 0.3333, six in ten 0.6, more than half 0.5."""
    out = []
    # plain finds first: the patterns below are tried at every position, and most stories hold no
    # denominator word (the lower-cased copy only answers whether a word occurs; no offset is read from it)
    low = text[start:end].lower()
    halves = "half" in low
    dens = halves or "halves" in low or any(d in low for d in _DEN_STEMS)
    for m in _FRACTION.finditer(text, start, end) if dens else ():
        num = _SMALL[m.group("num").lower()]
        den = _ORDINAL_FRACTION[m.group("den").lower()]
        if m.group("num").lower() in ("a", "an") and not re.match(r" of\b", text[m.end() : m.end() + 3]) and (
                _BY_BEFORE.search(text, max(start, m.start() - 24), m.start()) is None or text[m.end() : m.end() + 1] in ("-", "")):
            continue  # "a quarter" of an hour / a year's quarter: only "a third of ..." or "cut by a third" is a share
        if num >= den:
            continue  # "six quarters", "four thirds of a game": a count of periods or parts, not a share
        out.append(WordNumber(m.start(), m.end(), round(num / den, 4), "fraction"))
    for m in _IN_N.finditer(text, start, end) if _IN_N_GATE.search(low) else ():
        a, b = (en_value(x) if not x.isdigit() else float(x) for x in (m.group("num"), m.group("den")))
        if a is None or not b or a >= b or b > 100:
            continue
        out.append(WordNumber(m.start(), m.end(), round(a / b, 4), "fraction"))
    for m in _APPROX_HALF.finditer(text, start, end) if halves else ():
        out.append(WordNumber(m.start(), m.end("half"), 0.5, "fraction"))
    for m in _HALF_OF.finditer(text, start, end) if halves else ():
        out.append(WordNumber(m.start("half"), m.end("half"), 0.5, "fraction"))
    return out


def chinese_runs(text: str, start: int, end: int):
    """(start, end, value) of each Chinese numeral in ``text[start:end]`` that cn2an reads."""
    for m in _ZH_RUN.finditer(text, start, end):
        value = zh_value(m.group())
        if value is not None:
            yield m.start(), m.end(), value
