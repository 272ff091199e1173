"""What frames a story and credits its source: "Source: X, date" lines, datelines
("PARIS, May 6 (Xinhua) --"), wire credits ("(Reuters)", "AP - ") and outlets named by their
kind ("newspaper Variety reported").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..outlets import OutletRegistry

_URL_LINE = re.compile(r"^\s*https?://")
_FOUR_DIGITS = re.compile(r"\d{4}")
# A word of prose in what follows the comma of a bare "X, date" line: a stamp holds the date, a
# weekday, a clock time and its zone ("Tue March 3, 2009 8: 28 PM EST", "11 Nov 2011 at 09: 56");
# "Tennessee on April 22, 1923." or "July 24, 2004, of natural causes." is a sentence that mentions
# a date (a birth, a death), not the line that dates the story.
_PROSE_WORD = re.compile(r"(?<![A-Za-z])(?!(?:am|pm|at)(?![A-Za-z]))[a-z]{2,}(?![A-Za-z])")
_SOURCE_HEAD = re.compile(r"^[ \t]*(?:Sources?\s*:|来源[:：]|來源[:：]|消息来源[:：])[ \t]*(.*)$", re.M)
_NUMBERED = re.compile(r"^[ \t]*\d{1,2}\.[ \t]*(.+?)[ \t]*$")
_NAME_DATE = re.compile(r"^(?:“[^”]{1,200}”[ \t]*,?[ \t]*|\"[^\"]{1,200}\"[ \t]*,?[ \t]*)?(?P<name>[^,，\n]{2,80}?)(?:[,，][ \t]*(?:retrieved[ \t]+|accessed[ \t]+)?(?P<date>[^\n]{4,40}?))?[ \t]*$")
# "PARIS, May 6 (Xinhua) --": dateline with the agency in brackets.
# "PARIS, May 6 (Xinhua) --", "LONDON (CBS.MW) --", "LITTLE ROCK, Ark. (KTHV) –": a city,
# optionally a region and a date, then the agency in brackets and a dash.
_DATELINE = re.compile(
    r"([A-Z][A-Za-z.'’ -]{1,30}?)(?:, [A-Z][A-Za-z. ]{1,20}?)?(?:, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)? \((?P<agency>[^()\n]{2,30})\) ?(?:--|—|–|-)"
)


@dataclass(frozen=True, slots=True)
class SourceLine:
    start: int  # offsets of the source name inside the line
    end: int
    name: str
    date_text: str | None
    outlet_id: str | None


def find_source_lines(text: str, s0: int, e0: int) -> list[SourceLine]:
    """'Source: X, date' lines, numbered lists under 'Sources:', and bare 'X, date' lines."""
    from ..dates import _RX as DATE_RX

    out: list[SourceLine] = []
    lines = []
    ls = s0
    while ls <= e0:
        le = text.find("\n", ls, e0)
        if le < 0:
            le = e0
        if not text[ls:le].isspace() and le > ls:
            lines.append((ls, le))
        ls = le + 1
    in_list = False
    for ls, le in lines:
        line = text[ls:le]
        head = _SOURCE_HEAD.match(line)
        body_start = ls
        if head:
            in_list = True
            body_start = ls + head.start(1)
            if not head.group(1).strip():
                continue
        else:
            num = _NUMBERED.match(line)
            if num and in_list:
                body_start = ls + num.start(1)
            elif _URL_LINE.match(line):
                continue
            else:
                in_list = False
                if len(line) > 110:
                    continue
        body = text[body_start:le]
        m = _NAME_DATE.match(body)
        if not m:
            continue
        date_text = m.group("date")
        has_date = bool(date_text and DATE_RX.search(date_text) and _FOUR_DIGITS.search(date_text))
        bare = not head and not (in_list and _NUMBERED.match(line))
        if bare and has_date and _PROSE_WORD.search(date_text):
            has_date = False
        if bare and not has_date:
            continue
        ns, ne = body_start + m.start("name"), body_start + m.end("name")
        while ne > ns and text[ne - 1].isspace():
            ne -= 1
        while ns < ne and text[ns].isspace():
            ns += 1
        out.append(SourceLine(ns, ne, text[ns:ne], date_text if has_date else None, None))
    return out


def find_dateline(text: str, s0: int, e0: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """((city start, end), (agency start, end)) of a "PARIS, May 6 (Xinhua) --" dateline
    that opens a line in the story's first 400 characters."""
    lim = min(e0, s0 + 400)
    p = s0
    while p < lim:
        while p < lim and text[p] in " \t":
            p += 1
        m = _DATELINE.match(text, p, e0)
        if m is not None:
            return m.span(1), m.span("agency")
        nl = text.find("\n", p, lim)
        if nl < 0:
            return None
        p = nl + 1
    return None


# A wire credit: a headline ending in "(Reuters)" / "(AP)" / "(SPACE.com)", and a body line
# opening "Reuters - " / "SPACE.com - " (AG News, many aggregators).
_TITLE_CREDIT = re.compile(r"\(([A-Z][\w.&' -]{1,28}|[a-z][\w-]*\.(?:com|net|org|co\.uk))\)[ \t]*$")
_BODY_CREDIT = re.compile(r"[ \t]*([A-Za-z][\w.&']*(?: [A-Z][\w.&']*){0,3}) (?:--|-|–|—) ")
_DOMAIN = re.compile(r"[\w-]+\.(?:com|net|org|co\.uk|com\.au)")


def find_credits(text: str, s0: int, e0: int, reg: OutletRegistry) -> list[tuple[int, int]]:
    """(start, end) of the outlet names a story is credited to: a first line ending in
    "(Name)" and the next line opening "Name - ".  A name counts when the outlet registry
    knows it, it is a web domain ("SPACE.com"), or the headline and the body line both give it."""
    lines = []
    p = s0
    while p < e0 and len(lines) < 2:
        nl = text.find("\n", p, e0)
        nl = e0 if nl < 0 else nl
        if text[p:nl].strip():
            lines.append((p, nl))
        p = nl + 1
    if len(lines) < 1:
        return []
    out = []
    title_name = None
    ls, le = lines[0]
    m = _TITLE_CREDIT.search(text, ls, le)
    if m is not None:
        name = m.group(1)
        title_name = name
        echoed = len(lines) > 1 and text[lines[1][0] : lines[1][1]].lstrip().startswith(name + " -")
        if reg.match(name) or _DOMAIN.fullmatch(name) or echoed:
            out.append(m.span(1))
    if len(lines) > 1:
        bs, be = lines[1]
        m = _BODY_CREDIT.match(text, bs, be)
        if m is not None:
            name = m.group(1)
            if reg.match(name) or _DOMAIN.fullmatch(name) or name == title_name:
                out.append(m.span(1))
    return out


# An outlet named by what it is, then a reporting verb: "showbusiness newspaper Variety reported",
# "state broadcaster CCTV said", "the German magazine Der Spiegel reports".
_OUTLET_ROLE = re.compile(
    r"\b(?:newspaper|paper|daily|weekly|magazine|broadcaster|tabloid|website|news agency|agency|channel|radio station|station|programme|program)"
    r" ((?:[A-Z][\w.&'’-]*)(?: (?:[A-Z][\w.&'’-]*|\d{1,2})){0,3})"
    r",? (reported|reports|said|says|quoted|cited|revealed|claimed)\b"
)
_OUTLET_KEYS = ("paper", "daily", "weekly", "magazine", "broadcaster", "tabloid", "website", "agency", "channel", "station", "program",
                "TV", "television", "radio")


# The name, then what it is: "The Times newspaper has announced", "the Reuters news agency reported", "Time
# magazine said"; not after an indefinite article ("a Khartoum daily reported", "A Beijing newspaper said": a
# place's paper, left unnamed).
_OUTLET_NAME_KIND = re.compile(
    r"\b(?<![Aa] )(?<![Aa]n )(?<![Oo]ne )(?<!nother )(?:[Tt]he )?((?!(?:The|A|An|One|Another)\b)[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}) (?:newspaper|daily|weekly|magazine|broadcaster|tabloid|"
    r"website|news agency|news website|news channel|TV|television|radio)"
    r"(?: (?:has|have|had|also|first|later|earlier|previously|recently|on [A-Z][a-z]+day|today|yesterday))* "
    r"(reported|reports|said|says|announced|revealed|claimed|quoted|cited|wrote|writes)\b"
)


def find_outlet_mentions(text: str, s0: int, e0: int) -> list[tuple[int, int, str]]:
    """(start, end, verb) of outlets a story reports from by their kind ("newspaper Variety reported",
    "The Times newspaper has announced")."""
    if not any(text.find(w, s0, e0) >= 0 for w in _OUTLET_KEYS):
        return []
    out = [(m.start(1), m.end(1), m.group(2)) for m in _OUTLET_ROLE.finditer(text, s0, e0)]
    out += [(m.start(1), m.end(1), m.group(2)) for m in _OUTLET_NAME_KIND.finditer(text, s0, e0)]
    return sorted(set(out))


def title_case_headline_end(text: str, s0: int, e0: int) -> int:
    from ..entities import _title_case_headline_end

    return _title_case_headline_end(text, s0, e0)


def cut_name_end(text: str, s: int, e: int) -> int:
    from ..entities import _cut_sentence

    return _cut_sentence(text, s, e)
