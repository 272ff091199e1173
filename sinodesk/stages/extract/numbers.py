"""Numeric claims: surface text, exact scaled value, unit and (when visible) subject.

What counts as a claim: a quantity someone asserts -- an amount of money, a percentage, a
multiplier ("over 100 times"), or a count or measure of something ("1,466 attacks",
"205 million trips", "3万人", "30 years").  Not claims: calendar years and dates, times of
day, ordinals ("eighth", "31st"), phone and country codes ("+86"), identifiers and numbers
inside names ("Article 14", "Unit 61398", "COVID-19", "DeepSeek-R1", "G20") and list
markers.  Spelled-out numbers count only with a scale, "percent" or "times" ("one
percent", "three times").  A range "1,000 to 2,000 yuan" gives two claims with the
shared unit.  Approximators ("over", "about", "nearly") are part of the surface text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from decimal import Decimal

from .numwords import HYPHEN_NORMAL, HYPHEN_UNIT
from .zh_numbers import chinese_claims

_SCALE = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "mn": 10**6, "bn": 10**9, "tn": 10**12, "k": 10**3, "m": 10**6, "bln": 10**9, "mln": 10**6, "mio": 10**6, "dozen": 12, "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,
    "千": 10**3, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "万亿": 10**12, "萬億": 10**12,
    "百万": 10**6, "千万": 10**7, "千万亿": 10**15, "千萬億": 10**15,
}
_CURRENCY_PREFIX = {
    "US$": "USD", "$": "USD", "#36;": "USD", "USD": "USD", "RMB": "CNY", "Rmb": "CNY", "¥": "CNY", "€": "EUR", "£": "GBP",
    "HK$": "HKD", "NT$": "TWD", "S$": "SGD", "A$": "AUD", "C$": "CAD", "Rs": "INR", "Rs.": "INR", "₹": "INR",
}
_CURRENCY_WORD = {
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY", "usd": "USD", "dollars": "USD",
    "dollar": "USD", "dlrs": "USD", "dlr": "USD", "us dollars": "USD", "u.s. dollars": "USD", "rupees": "INR", "rupee": "INR",
    "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yen": "JPY", "won": "KRW", "roubles": "RUB",
    "rubles": "RUB", "hong kong dollars": "HKD", "hk dollars": "HKD", "taiwan dollars": "TWD",
    "nt dollars": "TWD", "ringgit": "MYR", "hkd": "HKD", "twd": "TWD", "inr": "INR", "eur": "EUR",
    "indian rupees": "INR", "kronor": "SEK", "swedish kronor": "SEK", "swiss francs": "CHF", "francs": "CHF",
    "baht": "THB", "rand": "ZAR", "rupiah": "IDR", "shekels": "ILS", "dinars": "DZD", "riyals": "SAR", "pesos": "MXN", "australian dollars": "AUD", "canadian dollars": "CAD",
    "singapore dollars": "SGD", "sterling": "GBP", "stg": "GBP", "pence": "GBP", "yuan renminbi": "CNY", "gbp": "GBP", "jpy": "JPY",
    "元": "CNY", "块": "CNY", "塊": "CNY", "镑": "GBP", "鎊": "GBP", "欧": "EUR", "歐": "EUR", "英镑": "GBP", "英鎊": "GBP", "澳元": "AUD", "加元": "CAD", "卢布": "RUB", "盧布": "RUB", "韩元": "KRW", "韓元": "KRW",
    "新加坡元": "SGD", "美金": "USD", "瑞郎": "CHF", "人民币": "CNY", "人民幣": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD",
    "新台币": "TWD", "新台幣": "TWD", "欧元": "EUR", "日元": "JPY", "卢比": "INR", "盧比": "INR",
}
_UNIT_NORMAL = {
    "分": "points", "死": "dead", "伤": "injured", "傷": "injured", "percent": "percent", "per cent": "percent", "%": "percent", "％": "percent", "percentage points": "percentage points",
    "percentage point": "percentage points", "个百分点": "percentage points", "個百分點": "percentage points", "百分点": "percentage points",
    "百分點": "percentage points", "times": "times", "fold": "times", "倍": "times",
    "people": "people", "persons": "people", "person": "people", "人": "people", "名": "people",
    "人次": "trips", "tons": "tonnes", "tonnes": "tonnes", "ton": "tonnes", "tonne": "tonnes", "吨": "tonnes", "噸": "tonnes",
    "起": "cases", "家": "companies", "个": None, "個": None, "次": "times", "年": "years", "天": "days",
    # Chinese measure words name what is counted
    "台": "units", "辆": "vehicles", "輛": "vehicles", "架次": "sorties", "架": "aircraft", "艘": "vessels",
    "座": "facilities", "所": "institutions", "款": "models", "部": "units", "件": "items", "项": "items", "項": "items",
    "篇": "articles", "条": "items", "條": "items", "套": "sets", "张": "sheets", "張": "sheets", "平方米": "square metres",
    "平米": "square metres", "公里": "km", "公斤": "kg", "岁": "years", "歲": "years", "股": "shares", "点": "points", "點": "points",
    "折": "percent", "斤": "jin", "寸": "inches", "平": "square metres", "周年": "years", "週年": "years", "公分": "cm",
    "港仙": "HKD", "场": "games", "場": "games", "层": "floors", "層": "floors", "枪": "shots", "槍": "shots", "Hz": "hz", "GHz": "ghz", "MHz": "mhz", "mAh": "mah", "日": "days", "级": "magnitude", "級": "magnitude",
    # durations and lengths after a Chinese numeral or digits (两天, 三个月, 一万米)
    "个月": "months", "個月": "months", "小时": "hours", "小時": "hours", "分钟": "minutes", "分鐘": "minutes",
    "周": "weeks", "週": "weeks", "千米": "km", "米": "metres",
    "厘米": "cm", "毫米": "mm", "平方公里": "square km", "公顷": "hectares", "公頃": "hectares", "立方米": "cubic metres", "千克": "kg",
    "户": "households", "戶": "households", "种": "kinds", "種": "kinds", "双": "pairs", "雙": "pairs", "株": "plants", "发": "rounds",
    "發": "rounds", "亩": "mu", "畝": "mu", "桶": "barrels", "秒": "seconds", "手": "lots", "国": "countries", "校": "schools", "省": "provinces",
    "旬": "years", "英寸": "inches", "具": "bodies", "站": "stations", "重伤": "injured", "重傷": "injured", "轻伤": "injured", "輕傷": "injured",
    "栋": "buildings", "幢": "buildings", "席": "seats", "國": "countries",
    # wire shorthand: "Shr 42 cts vs 35 cts"
    "cts": "cents",
}
# Words that may follow a counted noun but are not the noun ("89 lawmakers present").
_POST_NOUN = frozenset({
    "present", "worldwide", "nationwide", "abroad", "overseas", "globally", "annually", "combined", "altogether",
    "online", "apiece", "each", "total", "nationally", "locally", "daily", "weekly", "monthly", "yearly", "alone",
})
_STOP = {
    "of", "in", "to", "for", "from", "and", "or", "by", "per", "at", "on", "with", "that", "which", "who",
    "were", "was", "are", "is", "be", "been", "have", "has", "had", "will", "would", "across", "than", "since",
    "as", "the", "a", "an", "its", "their", "this", "these", "those", "while", "when", "into", "over", "under",
    "more", "less", "higher", "lower", "up", "down", "ago", "each", "every", "against", "compared", "after",
    "before", "during", "between", "among", "via", "using", "out", "but", "so", "if", "it", "they", "he", "she",
    "we", "you", "i", "not", "no", "all", "about", "around", "some", "only", "just", "there", "here", "year-on-year",
    "respectively", "alone", "total", "overall", "vs", "versus", "also", "still", "already", "even", "then", "now", "oneself", "themselves", "itself", "himself", "herself", "ourselves",
}
_PARTICIPLE_ADJ = {
    "confirmed", "registered", "infected", "detained", "imprisoned", "jailed", "affected", "listed", "wounded",
    "injured", "armed", "skilled", "unemployed", "employed", "aged", "added", "estimated", "missing", "existing",
    "leading", "remaining", "working", "operating", "visiting", "outstanding", "emerging", "advanced",
    "elected", "suspected", "reported", "displaced", "disabled", "unarmed", "trained", "qualified", "licensed", "vaccinated",
    "documented", "uninsured", "insured", "paid", "unpaid", "named", "accused", "convicted", "abducted",
    "kidnapped", "trapped", "stranded", "evacuated", "arrested", "wanted", "undocumented", "dedicated", "protected",
}
_NON_UNIT = {"a.m", "p.m", "am", "pm", "and", "to", "or"}
_VERBISH = re.compile(r"^(?:\w+ed|\w+ing|said|says|rose|fell|grew|went|came|took|made|left|became|saw|met|paid|held|won|lost|spent|got|gave|sent"
                      r"|struck|fled|told|began|broke|fought|stood|ran|drove|threw|wrote|sank|spoke|stole|shook|swept|brought|caught|taught|slept)$")

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_APPROX = r"(?:(?:more than|less than|fewer than|at least|at most|up to|as many as|as much as|over|nearly|almost|about|around|approximately|roughly|some|under|above|below|just over|just under|close to)\s+)"
_SCALE_WORDS = r"(?:thousand|million|billion|trillion|mn|bn|tn|bln|mln|lakhs?|crores?)"
# letter codes only as whole words: "offers 3,000" is not rupees
_CUR_PRE = r"(?:(?:US\$|HK\$|NT\$|S\$|A\$|C\$) ?|\$|#36;|¥|€|£|₹|(?<![A-Za-z])(?:USD ?|RMB ?|Rmb ?|Rs\.? ?))"
_CUR_WORDS = "|".join(sorted((re.escape(k) for k in _CURRENCY_WORD if k.isascii()), key=len, reverse=True))
# The number itself: not glued to a word, "+", "#", "/" or "." before it, nor to "X-" / "X.".
# Written to start with \d (the look-behinds follow the first digit) so ``re`` skips text
# without digits in C; same matches as (?<![\w+#/.])(?<![A-Za-z][-.])(?P<num>{_NUM})(?!\d).
_CORE = re.compile(
    r"(?P<num>\d(?<![\w+#/.]\d)(?<![A-Za-z][-.]\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))(?!\d)"
)
assert _NUM == r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # _CORE spells it out
# _PREFIX can only match something non-empty when the text before the number (spaces
# stripped) ends with the last word of an approximator or with a currency sign/code.
_PREFIX_ENDS = (
    "than", "least", "most", "to", "as", "over", "nearly", "almost", "about", "around", "approximately",
    "roughly", "some", "under", "above", "below", "$", "¥", "€", "£", "₹", "usd", "rmb", "rs", "rs.", "#36;",
)
_PREFIX = re.compile(rf"(?P<approx>{_APPROX})?(?P<cur>{_CUR_PRE})?$", re.I)
# "1m barrels", "294.3m", "$2bn": a one- or two-letter scale glued to the digits
_GLUED_SCALE = re.compile(r"(?:m|bn|mn|tn)(?!\w|\.\w)")
# Measures written with a symbol, glued or not: "3.5mm", "256MB", "2.7GHz", "a 3.2-megapixel camera"
_MEASURES = {u.lower(): u for u in "mm cm km kg mg ml KB MB GB TB Hz kHz MHz GHz kW MW GW kWh MWh GWh mph".split()}
_MEASURES.update({"ft": "feet", "megapixel": "megapixels", "megapixels": "megapixels", "inch": "inches", "inches": "inches",
                  "foot": "feet", "feet": "feet", "kbps": "kbps", "mbps": "Mbps", "gbps": "Gbps",
                  # weights written short: "a 250lb bomb", "3 lbs of rice" (the labels write the measure out: pounds)
                  "lb": "pounds", "lbs": "pounds"})
_KNOWN_UNITS = frozenset(v for v in _UNIT_NORMAL.values() if v) | frozenset(u.lower() for u in _MEASURES.values()) | frozenset(
    _MEASURES) | frozenset("percent fraction times magnitude dozen".split())
_MEASURE_RX = r"(?:[ -]?(?P<measure>" + "|".join(sorted(_MEASURES, key=len, reverse=True)) + r")\b)"
_GLUED_MEASURE = re.compile(_MEASURE_RX, re.I)
_TAIL = re.compile(
    rf"(?:(?P<sp> - |[ -]?|\n(?=\S))(?P<scale>{_SCALE_WORDS})\b|(?P<glued>(?:m|bn|mn|tn)(?![\w]|\.\w)))?"
    rf"{_MEASURE_RX}?"
    rf"(?P<pct>\s?(?:%|percent\b|per cent\b|pct\b|percentage points?\b))?"
    rf"(?P<times>(?:[ -]|\n(?=\S))(?:times|fold)\b)?"
    rf"(?P<curw>(?:[ -]|\n(?=\S))(?:{_CUR_WORDS})\b)?",
    re.I,
)


_RANGE_JOIN = re.compile(r"^\s*(?:to|-|–|and|or|至|到|~|～|[-–] (?:to|or|and))\s*$")  # (a suspended hyphen: "10- to 15-minute")
_ID_WORDS = (
    "Article", "Section", "Chapter", "No.", "Unit", "Level", "Tier", "Phase", "Model", "Type", "Class", "Category",
    "Item", "Paragraph", "Rule", "Route", "Highway", "Flight", "Room", "Vol.", "Issue", "Page", "p.", "pp.", "Figure",
    "Table", "COVID", "Covid", "G", "Su", "J", "Z",
)


def _id_before(before: str) -> bool:
    """``_ID_BEFORE.search(before)``: ends with an identifier word, maybe + " " or "-" (and "$"'s newline)."""
    if before.endswith("\n"):
        before = before[:-1]
    if before.endswith((" ", "-")):
        before = before[:-1]
    return before.endswith(_ID_WORDS)


_ID_BEFORE = re.compile(r"(?:Article|Section|Chapter|No\.|Unit|Level|Tier|Phase|Model|Type|Class|Category|Item|Paragraph|Rule|Route|Highway|Flight|Room|Vol\.|Issue|Page|p\.|pp\.|Figure|Table|COVID|Covid|G|Su|J|Z)[ -]?$")


class _Blocked:
    """Does a span overlap any of a fixed set of spans?  O(log n) per question."""

    __slots__ = ("_starts", "_maxend")

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._maxend = list(accumulate((e for _, e in ordered), max))

    def __call__(self, s: int, e: int) -> bool:
        i = bisect_left(self._starts, e)  # spans [0, i) start before e
        return i > 0 and self._maxend[i - 1] > s


@dataclass(frozen=True, slots=True)
class NumHit:
    start: int
    end: int
    value: float
    unit: str | None
    subject: str | None


def _scaled(num: str, scale: str | None) -> float:
    v = Decimal(num.replace(",", ""))
    if scale:
        v *= _SCALE[scale.lower() if scale.isascii() else scale]
    return float(v)


# (a hard-wrapped line -- wire copy -- may break between the number and its words: "lost 4.6\nbillion dlrs")
# (a word may be a compound written with a spaced hyphen, as tokenised text does: "co - workers", "part - time")
_COMPOUND_FIRST = ("co|semi|non|anti|ex|self|part|full|half|first|second|third|high|low|big|major|minor|well|long|short|worst|best|"
                   "top|mid|multi|pre|post|sub|all|front|home|hard|dual|single|double|triple|middle|upper|lower|under|over|cross")
_W = rf"((?:{_COMPOUND_FIRST}) - [a-z][A-Za-z-]*|[A-Za-z][A-Za-z-]*)"
_NEXT_WORDS = re.compile(rf"(?:(?:[ -]|\n(?=\S)){_W})(?:(?: |\n(?=\S)){_W})?(?:(?: |\n(?=\S)){_W})?(?:(?: |\n(?=\S)){_W})?")
_HAS_WORD = re.compile(r"[A-Za-z\u4e00-\u9fff]")
_HAS_HAN = re.compile(r"[\u4e00-\u9fff]")
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b")
_CLOCK_AFTER = re.compile(r"\s?(?:[aApP]\.?[mM]\b|[aApP]\.[mM]\.|:\s?\d)")
_LIST_DOT = re.compile(r"\.\s")
_WORD_CHAR = re.compile(r"\w")
_SCALE_IN = re.compile(r"(thousand|million|billion|trillion)", re.I)


# people counted by where they are from: "120 Tibetans", "three Americans", "two Britons", "11 Israelis"
_DEMONYMS = re.compile(r"[A-Z][a-z]+(?:ans|ons|is|ers)$")


# an initialism in the plural counts too short for _is_plural_noun: "five MPs", "46 KOs", "two MEPs"
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,4}s")
_MORE_NOUN = re.compile(r" (?:more|fewer) (?!than\b|and\b|or\b|of\b|in\b|on\b|to\b|for\b|at\b|by\b|from\b|with\b|as\b|the\b|a\b|an\b|this\b|that\b)[A-Za-z]")


def _count_unit(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """Head noun of the words right after a number: "1,466 attacks per ..." -> attacks."""
    if text.startswith(("-plus ", "-odd ", " or so ", " odd "), pos):
        pos = text.index(" ", pos + 1) if text[pos] == "-" else pos + (6 if text.startswith(" or so", pos) else 4)
        # "10,000-plus fans", "20-odd people", "20 or so people": an approximation, then the counted noun
    hy = HYPHEN_UNIT.match(text[pos:limit])
    if hy:
        w = hy.group(1).lower()
        return HYPHEN_NORMAL.get(w, w + "s"), pos + hy.end()
    sp = _SPACED_MEASURE.match(text, pos, limit)
    if sp is not None:
        return sp.group(1).lower() + "s", sp.end(1)  # "a two year deal", "24 hour rental": a duration written without its hyphen
    if text.startswith((" more ", " fewer "), pos) and _MORE_NOUN.match(text, pos, limit) is not None:
        return _count_unit(text, text.index(" ", pos + 1), limit)  # "two more victims", "four more penalties"
    m = _NEXT_WORDS.match(text[pos:limit])
    if not m:
        return None, pos
    words, end = [], pos
    for i in (1, 2, 3, 4):
        w = m.group(i)
        if w is None or (w.lower() in _STOP and not (words and w[0].isupper())) or (
                words and w.lower() in _POST_NOUN and (_is_plural_noun(words[-1]) or words[-1].lower() in _PLURAL_WITHOUT_S)):
            break  # (not at "A" inside a name, "20 Serie A appearances", or "daily" before the noun, "three daily newspapers")
        if words and (_is_plural_noun(words[-1]) or words[-1].lower() in _PEOPLE_WORDS or words[-1] == "cts" or (words[-1] == "stone" and not _is_plural_noun(w))):
            break  # the head noun came first: "20 organisations worldwide", "1,466 attacks weekly", "his seven children Saturday"
        if _VERBISH.match(w.lower()) and w.lower() not in _PARTICIPLE_ADJ and w.lower() not in ("cases", "times", "buildings", "things"):
            nxt = m.group(i + 1) if i < 4 else None
            if not (w.islower() and w.endswith(("ing", "ized", "ised")) and nxt is not None and _is_plural_noun(nxt) and nxt.islower()):
                # "273 phishing e-mails", "two power running backs": an -ing word before the counted noun names its kind;
                # "six industrialized nations", "20 specialised units": an -ized adjective describes it
                break
        words.append(w)
        end = pos + m.end(i)
    demonym = words[0] if words and _DEMONYMS.match(words[0]) else None
    titled = list(words) if words and len(words) <= 3 and all(w[0].isupper() and not w.isupper() and w.isalpha() for w in words) else None
    while words and (words[-1][0].isupper() or words[-1].lower() in _NON_UNIT):
        words.pop()
    if not words and demonym is not None:
        return demonym.lower(), pos + text[pos:end].find(demonym) + len(demonym)  # "over 120 Tibetans", "three Americans"
    if not words and titled is not None and (_is_plural_noun(titled[-1]) or _ACRONYM_PLURAL.fullmatch(titled[-1])) and _titled_ends(text, pos + m.end(len(titled)), limit) and (
            _PROSE_BEFORE.search(text, max(0, pos - 40), pos) is not None or (_WORD_BEFORE_IN_LINE.search(text, max(0, pos - 60), pos) is not None
                                                                             and title_line(text, pos))):
        # "three Grand Slams", "won two Oscars", "5 Thoughts on ...": a counted noun written with capitals;
        # "Microsoft To Cut 3,000 Jobs": a Title Case headline capitalises every noun
        if _PROSE_BEFORE.search(text, max(0, pos - 40), pos) is None:
            return _title_unit(text, titled, pos + m.end(len(titled)), limit)
        return " ".join(titled).lower(), pos + m.end(len(titled))
    if not words:
        return None, pos
    if len(words) == 1 and _VERBISH.match(words[0].lower()) and words[0].lower() not in ("cases", "times"):
        return None, pos
    head = words[-1].lower().replace(" - ", "-")
    if _VERBISH.match(head) and head not in ("percentage",):
        return None, pos
    if words[0].lower() == "square" and len(words) > 1:
        return f"square {head}", pos + text[pos:end].rfind(words[-1]) + len(words[-1])  # "1.5 million square feet"
    end = pos + text[pos:end].rfind(words[-1]) + len(words[-1])
    if head in _UNIT_NORMAL:
        return _UNIT_NORMAL[head], end
    if len(words) > 1 and _noun_modifier(words[-2]) and _is_plural_noun(words[-1]):
        return f"{words[-2].lower().replace(' - ', '-')} {head}", end  # "three cable systems", "two crew members", "3 machine guns"
    return head, end


# Title Case headlines capitalise every word, so a capital there says nothing of a name: "IBM Buys Two Danish
# Services Firms", "Oil Prices Fall 5 Percent".  A line is one when it is short, holds no sentence break, and every
# word of four letters or more (and most shorter ones, small function words apart) starts with a capital.
_TITLE_SMALL = frozenset("a an the of in on at to for and or but by with as from vs via is are its per into off up out over".split())
_TITLE_MAX_WORDS = 18


# a word before the number on its line: "IBM Buys Two Danish Firms", not a list headline opening with its count
# ("Three Important Revelations for China": the seed labels leave those out)
_WORD_BEFORE_IN_LINE = re.compile(r"[A-Za-z][^\s]* [^\s]+$")
_TITLE_NEXT = re.compile(r" ([A-Z][a-z]+)\b(?![-'’])")


def _title_unit(text: str, titled: list[str], end: int, limit: int) -> tuple[str, int]:
    """The counted noun of a Title Case headline: the last plural of the capitalised words after the number
    ("Two Danish Services Firms" -> firms); a lower-cased noun modifier before it stays ("3 Machine Guns")."""
    words = list(titled)
    while len(words) < 3:
        nx = _TITLE_NEXT.match(text, end, limit)
        if nx is None or not _is_plural_noun(nx.group(1)) or nx.group(1).lower() in _STOP:
            break
        words.append(nx.group(1))
        end = nx.end()
    head = words[-1].lower()
    if len(words) > 1 and _noun_modifier(words[-2].lower()):
        return f"{words[-2].lower()} {head}", end
    return head, end


def title_line(text: str, pos: int) -> bool:
    """Is the line holding ``pos`` a Title Case headline?"""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    if b < 0:
        b = len(text)
    if b - a > 160:
        return False
    return _title_words(text[a:b])


def _title_words(line: str) -> bool:
    words = [w.strip("\"'“”‘’()[],:;!?") for w in line.split()]
    if len(words) > _TITLE_MAX_WORDS or ". " in line.rstrip(". "):
        return False
    content = [w for w in words if w[:1].isalpha() and w.lower() not in _TITLE_SMALL]
    if len(content) + sum(w[:1].isdigit() for w in words) < 4:
        return False  # "Vickery out of Six Nations": too short to tell a headline's capitals from a name's
    return all(w[0].isupper() for w in content if len(w) >= 4) and sum(w[0].isupper() for w in content) >= 0.9 * len(content)


# a lower-case word before the number: prose, not a Title Case headline ("Three Important Revelations for China")
_PROSE_BEFORE = re.compile(r"\b[a-z]+ (?:(?:more than|about|nearly|almost|over|some|at least) )?\S+$")
_WORD_AFTER = re.compile(r"['’]s|[ -]([a-z][a-z-]*)")


def _titled_ends(text: str, pos: int, limit: int) -> bool:
    """Does a capitalised counted noun end at ``pos`` -- no possessive, no lower-case noun after it ("two Texas hotels")?"""
    m = _WORD_AFTER.match(text, pos, limit)
    if m is None:
        return True
    w = m.group(1)
    return w is not None and (w in _STOP or w in _POST_NOUN or _VERBISH.match(w) is not None)


_SPACED_MEASURE = re.compile(r" (year|month|week|day|hour|minute|mile)(?= (?!old\b|ago\b|of\b|and\b|or\b|to\b|in\b|on\b|at\b|for\b|is\b|was\b|the\b|a\b|an\b|as\b|by\b|with\b|from\b)[a-z]{3,}\b)")
_PEOPLE_WORDS = frozenset(("people", "men", "women", "children"))


# Words before a counted noun that describe it rather than name a kind of it ("two new factories",
# "three other people"): the counted noun alone is the unit.
_DESCRIBING = frozenset("""
new old other more most big small large major minor top key young senior junior local few many several extra additional
further different separate similar main same whole full high low long short good bad best worst great last first next
early late former possible total real hot cold free open general public private national international foreign domestic
special single double triple average annual only own such various certain entire recent current previous potential actual
likely known unknown female male older younger bigger smaller larger higher lower fewer greater better worse newer earlier
later straight consecutive successive individual available possible capable valuable reliable responsible eligible visible
notable sizeable sizable considerable
""".split())
_DESCRIBING_END = ("ous", "ive", "ic", "ical", "ful", "less", "ed", "est", "ish", "ese", "ian", "ern", "al", "ly")


# Plural nouns that do not end in "s", and units written in the singular after any number.
_PLURAL_WITHOUT_S = frozenset("""
people men women children police staff personnel cattle sheep fish deer stone aircraft crew feet teeth mice geese data media
criteria phenomena yen won yuan baht rand renminbi sterling euro pence kronor hertz head offspring youth clergy infantry
cavalry livestock poultry spacecraft hovercraft swine bison moose salmon trout squid shrimp elk
""".split())


def _singular_count(unit: str | None, value: float) -> bool:
    """A counted noun in the singular after a number other than one ("the 18 certificate", "a 3 network",
    "four car pile-up", "Week 16 match"): the number names or modifies something, it counts nothing."""
    if unit is None or value == 1:
        return False
    head = unit.rsplit(" ", 1)[-1]
    return (head.replace("-", "").isalpha() and head.islower() and not head.endswith("s") and head not in _PLURAL_WITHOUT_S
            and head not in _KNOWN_UNITS and not _compound_plural(head))


def _compound_plural(w: str) -> bool:
    """"stepchildren", "grandchildren", "gunmen", "policewomen", "businesspeople": a plural compound of an irregular plural."""
    return w.endswith(("children", "people")) or (w.endswith("men") and len(w) > 4 and not w.endswith(("imen", "abdomen", "omen")) or w.endswith("women"))


_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand dozen".split())


def _noun_modifier(w: str) -> bool:
    """A lower-case singular word that names a kind of the counted noun after it ("cable", "crew",
    "machine", "stage"), not one that describes it ("new", "armed", "political", "other")."""
    lw = w.lower()
    return (w.isalpha() and w.islower() and len(lw) > 2 and lw not in _DESCRIBING and lw not in _NUMBER_WORDS and lw not in _STOP and lw not in _PARTICIPLE_ADJ
            and not lw.endswith(_DESCRIBING_END) and not _is_plural_noun(lw) and lw not in _UNIT_NORMAL)


def _is_plural_noun(w: str) -> bool:
    lw = w.lower()
    return len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and lw not in _STOP


_SUBJ_CUT = re.compile(r"(?:[,;:()—–]|\bwhile\b|\bwhereas\b|\bthat\b|\bwhich\b|\band\b|\d)")
_TRAIL_WORDS = (
    "has|have|had|was|were|is|are|will|would|also|only|of|at|to|by|with|from|reached|reaching|increased|"
    "rose|grew|fell|dropped|declined|climbed|jumped|surged|plunged|shrunk|shrank|soared|stood|totaled|totalled|"
    "accounted|for|up|down|about|over|nearly|around|than|more|less|some|an|a|the|increase|decrease|rise|growth|"
    "been|reported|recorded|carried|gathering|collected|approved|distributed|in|on|its|their|of|nearly|roughly|"
    "approximately|almost|at least|higher|lower|price|has dropped|dropped to|plunged"
)
# Filler words (verbs, prepositions, articles) between a subject and its number, stripped
# from the end of the clause: "exports rose by" -> "exports".
_SUBJ_TRAIL = re.compile(r"(?:\s+(?:" + _TRAIL_WORDS + r"))+\s*$", re.I)
_TRAIL_ONE = frozenset(w for w in _TRAIL_WORDS.split("|") if " " not in w)
_TRAIL_TWO = frozenset(w for w in _TRAIL_WORDS.split("|") if " " in w)
# _SUBJ_CUT spelt backwards: its first match in the reversed text is its last match.
# Written to start with a character class (see scan.py): (?:[,;:()—–]|\belihw\b|\bsaerehw\b|
# \btaht\b|\bhcihw\b|\bdna\b|\d).
_SUBJ_CUT_REV = re.compile(
    r"[,;:()—–\dehstd](?:(?<=[,;:()—–\d])|(?<!\w[ehstd])(?:(?<=e)lihw|(?<=s)aerehw|(?<=t)aht|(?<=h)cihw|(?<=d)na)\b)"
)
_NONSPACE = re.compile(r"\S+")
_RE_I_SPECIAL = frozenset("İıſK")  # non-ASCII letters re.I matches to ASCII ones


def _strip_trail(clause: str) -> str:
    """``_SUBJ_TRAIL.sub("", clause)`` without trying the pattern at every position.

    The pattern removes the longest run of whole filler words (each after whitespace, a
    two-word entry joined by one space) that ends the clause: walk the words from the end.
    """
    if not clause.isascii() and not _RE_I_SPECIAL.isdisjoint(clause):
        return _SUBJ_TRAIL.sub("", clause)
    words = clause.split()
    n = len(words)
    valid_next = True  # words[j+1:] are all filler
    best = None
    for j in range(n - 1, -1, -1):
        w = words[j].lower()
        if j + 1 < n and w + " " + words[j + 1].lower() in _TRAIL_TWO:
            return _strip_trail_spans(clause)  # a two-word entry: needs the exact spacing
        ok = w in _TRAIL_ONE and valid_next
        if ok:
            best = j
        elif not valid_next:
            break
        valid_next = ok
    if best is None:
        return clause
    if best == 0:
        return "" if clause[:1].isspace() else _strip_first_kept(clause, words)
    return clause.rsplit(None, n - best)[0]


def _strip_first_kept(clause: str, words: list[str]) -> str:
    """All words are filler but the first has no whitespace before it: it stays."""
    return clause.rsplit(None, len(words) - 1)[0] if len(words) > 1 else clause


def _strip_trail_spans(clause: str) -> str:
    """The general case of _strip_trail, with word offsets (two-word entries)."""
    toks = [m.span() for m in _NONSPACE.finditer(clause)]
    words = [clause[a:b].lower() for a, b in toks]
    n = len(toks)
    valid = [False] * (n + 2)
    valid[n] = True
    best = None
    for j in range(n - 1, -1, -1):
        ok = words[j] in _TRAIL_ONE and valid[j + 1]
        if not ok and j + 1 < n and clause[toks[j][1] : toks[j + 1][0]] == " ":
            ok = words[j] + " " + words[j + 1] in _TRAIL_TWO and valid[j + 2]
        valid[j] = ok
        if ok:
            if j > 0 or toks[0][0] > 0:  # needs whitespace before the first stripped word
                best = j
        elif not valid[j + 1]:
            break
    if best is None:
        return clause
    return clause[: toks[best - 1][1] if best > 0 else 0]


def _subject(text: str, sent_start: int, num_start: int) -> str | None:
    """Noun phrase before the verb that introduces the number, within the clause."""
    before = text[sent_start:num_start]
    last = _SUBJ_CUT_REV.search(before[::-1])
    clause = before[len(before) - last.start() :] if last else before
    clause = _strip_trail(clause).strip(" \"“”'")
    words = clause.split()
    if not words:
        return None
    words = words[-6:]
    subj = " ".join(words).strip(" ,.")
    return subj if _HAS_WORD.search(subj) else None


def _named_before(text: str, lo: int, ns: int) -> bool:
    """Is the word right before the number (one space between) a name with a capital inside
    or at its start, mid-sentence?  Then the number is part of the name."""
    if ns - 2 < lo or text[ns - 1] != " ":
        return False
    i = ns - 1
    while i > lo and not text[i - 1].isspace():
        i -= 1
    word = text[i : ns - 1]
    if not word.isalpha() or not any(ch.isupper() for ch in word):
        return False
    if word.isupper() and len(word) <= 4:
        return False  # "RMB 3", "USD 5" are handled as currencies; "GDP 5" is rare
    before = text[max(lo, i - 2) : i]
    sentence_start = i == lo or before.endswith((". ", "\n", "! ", "? ")) or before.strip() == ""
    return not sentence_start or not word[0].isupper() or any(ch.isupper() for ch in word[1:])


def _plain_capital_before(text: str, ns: int) -> bool:
    """Is the word before the number (one space between) capitalised and nothing more ("Cut", not "PhoneMax", "iPhone", "NASA")?"""
    i = ns - 1
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    word = text[i : ns - 1]
    return len(word) >= 2 and word.isalpha() and word[0].isupper() and word[1:].islower()


def _sentence_start(text: str, pos: int, floor: int) -> int:
    i = max(text.rfind(". ", floor, pos), text.rfind("\n", floor, pos), text.rfind("。", floor, pos))
    return floor if i < 0 else i + 1


def find_numbers(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> list[NumHit]:
    """Numeric claims in ``text[start:end]``; ``blocked`` spans (dates, names) are skipped."""
    is_blocked = _Blocked(blocked)
    hits = _digit_claims(text, start, end, is_blocked)
    hits += _word_claims(text, start, end, is_blocked)
    if not text.isascii() and _HAS_HAN.search(text, start, end):
        hits += chinese_claims(text, start, end, is_blocked)
    hits = _share_range_units(text, _dedupe(hits))
    if any(h.unit in (_ELIDED, "others", "other") or (h.unit is None and h.value >= 1000) for h in hits):
        hits = _resolve_elided(text, hits)
    return [NumHit(h.start, h.end, h.value, h.unit, _subject(text, _sentence_start(text, h.start, start), h.start)) for h in hits]


def _digit_claims(text: str, start: int, end: int, is_blocked: _Blocked) -> list[NumHit]:
    """Numbers written in digits, with approximator, currency, scale and unit."""
    hits = []
    taken = start
    for core in _CORE.finditer(text, start, end):
        ns, ne = core.span()
        if ns < taken:
            continue  # the digits after a spaced separator ("099" of "$1, 099")
        num = core.group()
        if text.startswith((", ", ". "), ne):
            ne = _spaced_end(text, start, ns, ne, end)
            num = text[ns:ne].replace(" ", "")
            taken = ne
        mixed = _MIXED_FRACTION.match(text, ne, end) if text.startswith(("-", " "), ne) and num.isdigit() else None
        if mixed is not None and int(mixed.group(1)) < int(mixed.group(2)) and _unit_follows(text, mixed.end(), end):
            # "a 5-1/2 pct coupon", "a 3 1/2-inch advantage": a whole number and a fraction are one number
            num = str(Decimal(num) + Decimal(mixed.group(1)) / Decimal(mixed.group(2)))
            ne = taken = mixed.end()
        elif text.startswith((" and", "-and"), ne) and num.isdigit():
            half = _AND_A_HALF.match(text, ne, end)
            if half is not None:
                num, ne = str(Decimal(num) + Decimal("0.5")), half.end()  # "2 and a half years": 2.5 years
                taken = ne
        if text[ne : ne + 1] in ("x", "X", "×") and _GLUED_X.match(text, ne) is not None:
            if not is_blocked(ns, ne + 1) and 1 < float(num.replace(",", "")) <= 1000 and not _named_before(text, start, ns) and text[ns - 1 : ns] not in ("x", "X", "×"):
                hits.append(NumHit(_with_approx(text, start, ns), ne + 1, _scaled(num, None), "times", None))  # "a 30X zoom", "grew 10x"
            continue
        if text.startswith("st", ne) and num.isdigit():
            hit = _stone(text, start, ns, ne, num, is_blocked)
            if hit is not None:
                hits.append(hit)
                continue
        if _GLUED_PENCE.match(text, ne) is not None:
            hit = _pence(text, start, ns, ne, num, is_blocked)
            if hit is not None:
                hits.append(hit)
            continue
        if not _digits_may_claim(text, start, ns, ne, is_blocked):
            continue
        hit = _digit_claim(text, start, end, ns, ne, num, is_blocked)
        if hit is not None:
            hits.append(hit)
    return hits


# "two and a half years", "six-and-a-half hours", "3 and a half times": a half more, before a period, a measure,
# "times" or "percent" (not "two and a half-time show", "one and a half of them")
_AND_A_HALF = re.compile(r"(?: and an? |-and-an?-)half(?=[ -](?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|"
                         r"times|percent|per cent|miles|km|kilometres|kilometers|metres|meters|feet|inches|points|goals|games|stone|pounds|litres)\b)")


# "5-1/2", "3 1/2": a whole number and a fraction of halves, quarters, eighths ... (wire copy writes rates and prices so)
_MIXED_FRACTION = re.compile(r"[- ]([1-9]|1[0-5])/(2|3|4|8|16|32)(?![\d/])")
_AFTER_MIXED = re.compile(r"\s?(?:%|pct\b|per ?cent\b|percent\b|(?:mln|bln|million|billion)\b)", re.I)


def _unit_follows(text: str, pos: int, end: int) -> bool:
    """A percent, a scale or a hyphenated unit right after a mixed fraction (not a bare price "rose 3-1/4 to 45")."""
    return _AFTER_MIXED.match(text, pos, end) is not None or HYPHEN_UNIT.match(text, pos, end) is not None


# a multiplier glued to its "x": "a 30X optical zoom", "10x faster", "15X光学变焦" (not "1920x1080", "4x4", "5X5")
_GLUED_X = re.compile(r"[xX×](?![\w.-]\w|\w)|[xX×](?=[\u4e00-\u9fff])")


# a weight in stones written short: "12st 4lb", "11st 7lbs" (the pounds are read as a number of their own), or "12st"
# after a verb of weight ("weighed in at 15st"); not the ordinals "21st", "1st"
_STONE_LB = re.compile(r" ?\d{1,2}(?:\.\d+)? ?lbs?\b")
_STONE = re.compile(r"st(?= ?\d{1,2}(?:\.\d+)? ?lbs?\b)|st\b(?![-'’])")
_STONE_BEFORE = re.compile(r"\b(?:weigh(?:s|ed|ing)?(?: in)?(?: at)?|weight of|tipped the scales at|(?:lost|losing|lose|loses|shed|shedding|gained|gaining|"
                           r"put on|piled on))(?: (?:about|around|nearly|almost|over|under|some|just|roughly|more than|less than))? $", re.I)


def _stone(text: str, start: int, ns: int, ne: int, num: str, is_blocked: _Blocked) -> NumHit | None:
    m = _STONE.match(text, ne)
    if m is None or not 3 <= int(num) < 60 or is_blocked(ns, m.end()):
        return None
    s = _with_approx(text, start, ns)
    if _STONE_LB.match(text, ne + 2) is not None or _STONE_BEFORE.search(text, max(start, s - 30), s) is not None:
        return NumHit(s, m.end(), float(num), "stone", None)
    return None  # "the 21st", "his 31st birthday": an ordinal


# pence and cents glued to the digits: "113.5p", "300p a share", "fell 42c" (not "720p" video, "3c" model names); pence are
# read in pounds, as "300 pence" is
_GLUED_PENCE = re.compile(r"[pc](?![\w'’-])")
_CENTS_CONTEXT = re.compile(r"\b(?:rose|fell|gained|lost|dropped|added|climbed|slipped|eased|jumped|slid|shed|up|down|at|to|from|by|of|paid|pays|cost|costs|paying|price)\s$", re.I)
# "paid about 80p", "for 70p?", "it is 60p.": a price in pence after an approximator or a plain verb or preposition
_PENCE_BEFORE = re.compile(r"\b(?:about|around|nearly|almost|just|only|over|under|than|for|is|was|are|were|costs?|charged?|charging|extra|another|pay|paying) $", re.I)
_PER_AFTER = re.compile(r" (?:a|per) (?:share|litre|liter|gallon|kilo|kg|pound|unit|head|minute|day|week|month|year)\b")
_VIDEO_LINES = frozenset(("240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"))


def _pence(text: str, start: int, ns: int, ne: int, num: str, is_blocked: _Blocked) -> NumHit | None:
    """"113.5p" (pence: £1.135) and "42c" (cents; which currency's the text seldom says) after a verb of price or before "a share"."""
    if is_blocked(ns, ne + 1) or num in _VIDEO_LINES or len(num.replace(",", "")) > 7 or text[ns - 1 : ns] in _CUR_SIGNS:
        return None
    priced = _PER_AFTER.match(text, ne + 1) is not None or _CENTS_CONTEXT.search(text, max(start, ns - 12), ns) is not None
    if text[ne] == "c" and not priced:
        return None
    if text[ne] == "p" and not (priced or "." in num or _PRICE_NEAR.search(text, max(start, ns - 60), ns) is not None
                                or _PENCE_BEFORE.search(text, max(start, ns - 12), ns) is not None):
        return None
    s = _with_approx(text, start, ns)
    if text[ne] == "p":
        return NumHit(s, ne + 1, _scaled(num, None) / 100, "GBP", None)
    return NumHit(s, ne + 1, _scaled(num, None), "cents", None)


_PRICE_NEAR = re.compile(r"\b(?:shares?|price[sd]?|pence|dividend|offer|bid|valu(?:e|ed|ing)|stock)\b", re.I)


# Text tokenised word by word (ECB+ and other corpora) writes separators with a space after them:
# "$1, 099", "4, 051 yards", "up to 2. 7GHz", "$2. 6 - million".  A ", ddd" group is a thousands
# group (one only) unless the numbers form a list ("147, 156, 156") or a pair after a dash ("5 - 11, 220");
# ". d" is a decimal part only when a measure, scale or percent follows it at once.
_SPACED_THOUSANDS = re.compile(r", \d{3}(?![\d.,]\d|\d|, ?\d)")
_SPACED_DECIMAL = re.compile(
    r"\. \d+(?=(?:" + "|".join(sorted(_MEASURES, key=len, reverse=True)) + r"|m|bn|%)\b|%| ?(?:- )?(?:million|billion|percent)\b)", re.I
)
_LIST_BEFORE = re.compile(r"(?:\d, ?|- )$")


def _spaced_end(text: str, start: int, ns: int, ne: int, end: int) -> int:
    """End of a number written with spaced separators from ``ns`` (``ne`` when there is none)."""
    if "," in text[ns:ne] or _LIST_BEFORE.search(text, max(start, ns - 3), ns) is not None:
        return ne
    m = _SPACED_THOUSANDS.match(text, ne, end) if ne - ns <= 3 and "." not in text[ns:ne] else None
    if m is not None:
        ne = m.end()
    d = _SPACED_DECIMAL.match(text, ne, end) if "." not in text[ns:ne] else None
    return d.end() if d is not None else ne


def _digits_may_claim(text: str, start: int, ns: int, ne: int, is_blocked: _Blocked) -> bool:
    """Cheap rejections that need only the digits: blocked, ordinals, clock times, identifiers, list markers."""
    if is_blocked(ns, ne):
        return False
    after = text[ne : ne + 4]
    if _ORDINAL_AFTER.match(after) or _CLOCK_AFTER.match(after):
        return False
    if _id_before(text[max(start, ns - 12) : ns]):
        return False
    if _LIST_DOT.match(text, ne, ne + 2) and text[text.rfind("\n", 0, ns) + 1 : ns].strip() == "":
        return False  # list marker "1. "
    if text[max(0, ns - 1) : ns] in ("+", "#"):
        return False
    if ns >= 2 and _clock_or_phone(text, start, ns, ne):
        return False  # "6: 05" (a clock time written with a spaced colon), "313 - 223 - 4759" (a phone number)
    if _SPACED_SCORE.match(text, ne) is not None and ne - ns <= 2 or _SPACED_SCORE_BEFORE.search(text, max(start, ns - 6), ns) is not None and ne - ns <= 2:
        if _PLURAL_AFTER.match(text, ne) is None and _PLURAL_AFTER.match(text, ne + 5) is None and not _age_range(text, start, ns, ne, text[ns:ne]):
            return False  # "beat the Chiefs 20 - 13", "a 7 - 0 lead": a result written with a spaced hyphen
    if ne - ns <= 2 and _is_score(text, ns, ne) and not _age_range(text, start, ns, ne, text[ns:ne]):
        return False  # (not "aged 16-24": a range of ages)
    return (not _WORD_CHAR.match(text[ne : ne + 1] or " ") or _GLUED_SCALE.match(text, ne) is not None
            or _GLUED_MEASURE.match(text, ne) is not None or _dollar_b(text, ns, ne)
            or (_GLUED_INCH.match(text, ne) is not None and _FEET_BEFORE.search(text, max(start, ns - 12), ns) is not None))


_B_AFTER = re.compile(r"[Bb](?![\w.]\w|\w)")


def _dollar_b(text: str, ns: int, ne: int) -> bool:
    """"\\$1B", "$2.5b": billions of dollars written with a glued B (headlines)."""
    return text[ns - 1 : ns] == "$" and _B_AFTER.match(text, ne) is not None


_CLOCK_BEFORE = re.compile(r"\d: ?$")
_PHONE = re.compile(r"(?<![\d,.])(?:\(\d{3}\) ?|\d{3} ?[-–] ?)\d{3} ?[-–] ?\d{4}(?![\d,])")


def _clock_or_phone(text: str, start: int, ns: int, ne: int) -> bool:
    """"6: 05" (a clock time written with a spaced colon), "313 - 223 - 4759" (a phone number)."""
    if _CLOCK_BEFORE.search(text, max(start, ns - 3), ns) is not None:
        return True
    if ne - ns not in (3, 4) or text.find("-", max(start, ns - 12), min(len(text), ne + 12)) < 0:
        return False
    return any(m.start() <= ns and ne <= m.end() for m in _PHONE.finditer(text, max(start, ns - 16), min(len(text), ne + 14)))


_SPACED_SCORE = re.compile(r" [-–] \d{1,2}(?![\d.,]\d|\d| ?[-–]? ?(?:year|month|week|day|hour|minute|yard|inch|foot|mile|point)|%| percent)")
_SPACED_SCORE_BEFORE = re.compile(r"(?<![\d.,])\d{1,2} [-–] $")
_SCORE_AFTER = re.compile(r"-\d{1,2}(?![\d.,]\d|\d)")
_SCORE_BEFORE = re.compile(r"(?<![\d.,])\d{1,2}-$")
_PLURAL_AFTER = re.compile(r" [a-z]*[a-rt-z]s\b")  # not "a 24-13 loss"


def _is_score(text: str, ns: int, ne: int) -> bool:
    """One side of a result "1-0", "3-1" (small numbers joined by a hyphen, no counted noun after:
    "5-10 years" is a range)."""
    m = _SCORE_AFTER.match(text, ne)
    if m is not None:
        return _PLURAL_AFTER.match(text, m.end()) is None and _RANGE_UNIT_AFTER.match(text, m.end()) is None and text[ns - 1 : ns] not in _CUR_SIGNS
    if ns >= 1 and text[ns - 1] == "-" and _SCORE_BEFORE.search(text, max(0, ns - 4), ns) is not None:
        return (_PLURAL_AFTER.match(text, ne) is None and _RANGE_UNIT_AFTER.match(text, ne) is None
                and text[max(0, ns - 4) : ns - 1].rstrip("0123456789.")[-1:] not in _CUR_SIGNS)
    return False


# after a range "5-10": a percent, a scale or a measure makes it a range of amounts, not a result ("5-10%", "$5-10 billion")
_RANGE_UNIT_AFTER = re.compile(r"\s?(?:%|per ?cent\b|pct\b|percentage points?\b|(?:thousand|million|billion|trillion|bn|mn|m)\b"
                               r"|(?:km|kg|mm|cm|mph|metres|meters|miles|degrees)\b"
                               # "a 3-5 year plan": a period written in the singular before the noun it measures
                               r"| (?:year|month|week|day|hour|minute)(?= [a-z]{3,}))", re.I)
_CUR_SIGNS = ("$", "£", "€", "¥", "₹")
_CUR_CODES = frozenset(_CURRENCY_PREFIX.values())


_PERSON_NOUNS = ("man|woman|boy|girl|actress|actor|singer|star|rapper|victim|suspect|driver|gunman|shooter|mother|father|son|"
                 "daughter|wife|husband|brother|sister|teenager|teen|student|officer|player|resident|worker|owner|pilot|"
                 "model|veteran|mayor|senator|governor|musician|comedian|director|founder|chef|doctor|nurse|teacher|"
                 "maker|manager|coach|chairman|chairwoman|executive|minister|lawyer|writer|author|artist|businessman|"
                 "businesswoman|grandmother|grandfather|striker|midfielder|defender|goalkeeper|captain|priest|farmer|soldier")
# "ages 8 and 14", "aged 5, 7 and 9", "aged between 18 and 25": the later ages of a list; ", both 65 and": an age two people share
_AGE_BEFORE = re.compile(rf"(?:[A-Z][\w'’.-]*|\b(?:{_PERSON_NOUNS})), $|, both $|\b[Aa]ge[ds] (?:between |from )?(?:\d{{1,3}}, )*(?:\d{{1,3}},? (?:and|or|to) )?$")
# "aged 5 and 18 months": the first age takes the unit of the last when it is the smaller (not "aged 21 and 144 days",
# one age in years and days)
_AGE_PAIR_UNIT = re.compile(r" (?:and|or|to) (\d{1,2}) (months|weeks)\b")
_AGE_AFTER = re.compile(r"(?:,|\)| and\b| who\b|;|[ \t]*(?:\n|$)|\.(?:\s|$))")
# "He was 77.", "LaRue was 75.": a person's age closing a sentence
_AGE_CLOSING = re.compile(r"(?:\b(?:[Hh]e|[Ss]he|I)|(?<![\w.])[A-Z][a-z]+(?:[A-Z][a-z]+)?) (?:was|is) $")
# "at the age of 93", "died aged 81"
_AGE_OF = re.compile(r"\b(?:at|by|from|since|until|till) the age of $"
                     # "raise the pension age for council workers from 60 to 65", "the school leaving age to 18"
                     r"|\bage (?:(?:for|of) (?:[a-z]+ ){1,3})?(?:from (?:\d{1,3} to )?|to )$")


# a sentence led by "At 23," and a name or pronoun: an age
_AT_LEAD = re.compile(r"(?:^|[.!?][\"”’]?\s+|\n)At $")
_AGE_LEAD = re.compile(r", (?:[A-Z][a-z]|[Hh]e\b|[Ss]he\b)")


# a range of ages: "aged 16 to 24", "aged between 18 and 25", "aged 16-24" (both ends ages, whatever follows the second:
# "aged from 16 to 24 took part")
_AGED_FIRST = re.compile(r"\b[Aa]ge[ds] (?:between |from )?$")
_AGE_RANGE_AFTER = re.compile(r"(?: to | and | or |\s?[-–]\s?)(\d{1,3})(?![\d%]|[.,]\d)")
_AGED_SECOND = re.compile(r"\b[Aa]ge[ds] (?:between |from )?(\d{1,3})(?: to | and | or |\s?[-–]\s?)$")


def _age_range(text: str, lo: int, ns: int, ne: int, num: str) -> bool:
    """Is ``num`` an end of a range of ages after "aged"/"ages" (the first end the smaller)?"""
    if text.find("ge", max(lo, ns - 24), ns) < 0:
        return False  # a plain find first: most numbers have no "aged" before them
    if _AGED_FIRST.search(text, max(lo, ns - 14), ns) is not None:
        m = _AGE_RANGE_AFTER.match(text, ne)
        return m is not None and int(num) < int(m.group(1)) < 120
    m = _AGED_SECOND.search(text, max(lo, ns - 24), ns)
    return m is not None and int(m.group(1)) < int(num)


def _is_age(text: str, lo: int, ns: int, ne: int, num: str) -> bool:
    """"Scott Sullivan, 42, said", "the actress, 26, would", "aged 63", "He was 77.": a person's age (in years)."""
    if not (num.isdigit() and 0 < int(num) < 120):
        return False
    if _AGE_BEFORE.search(text, max(lo, ns - 30), ns) is not None and _AGE_AFTER.match(text, ne) is not None:
        return True
    if _age_range(text, lo, ns, ne, num):
        return True
    if _AGE_OF.search(text, max(lo, ns - 48), ns) is not None:
        return True
    if 13 <= int(num) < 110 and _AGE_LEAD.match(text, ne) is not None and _AT_LEAD.search(text, max(lo, ns - 6), ns) is not None:
        return True  # "At 23, Henson has the rugby world at his feet"
    return text[ne : ne + 1] in (".", ",", ";") and _AGE_CLOSING.search(text, max(lo, ns - 24), ns) is not None


# race distances written with a glued "m" (metres, not millions) in a story about a race
_TRACK_DISTANCES = frozenset("60 100 110 200 300 400 800 1000 1500 1,500 3000 3,000 5000 5,000 10000 10,000".split())
_TRACK_WORDS = re.compile(r"(?i)\b(?:race|record|final|heat|title|champion|championships?|hurdles|relay|sprint|run|ran|runner|medal|indoor|"
                          r"outdoor|olympics?|athletics|freestyle|backstroke|breaststroke|butterfly|medley|steeplechase|dash|marathon|seconds|swim)")


def _track_distance(text: str, start: int, end: int, ns: int, ne: int, num: str) -> bool:
    return num in _TRACK_DISTANCES and _TRACK_WORDS.search(text, max(start, ns - 80), min(end, ne + 80)) is not None


def _digit_claim(text: str, start: int, end: int, ns: int, ne: int, num: str, is_blocked: _Blocked) -> NumHit | None:
    lo = max(start, ns - 40)
    pre = _PREFIX.search(text, lo, ns) if text[lo:ns].rstrip().lower().endswith(_PREFIX_ENDS) else None
    approx, cur = pre.group("approx", "cur") if pre is not None else (None, None)
    tail = _TAIL.match(text, ne)
    scale, pct, times, curw = tail.group("scale", "pct", "times", "curw")
    scale = scale or tail.group("glued")
    if cur and not scale and _dollar_b(text, ns, ne):
        return NumHit(pre.start("approx") if approx else pre.start("cur"), ne + 1, _scaled(num, "bn"), _CURRENCY_PREFIX.get(cur.strip(), "USD"), None)
    if scale == "m" and not cur and tail.group("glued") and _track_distance(text, start, end, ns, ne, num):
        return NumHit(pre.start("approx") if approx else ns, ne + 1, _scaled(num, None), "metres", None)  # "the women's 5,000m"
    if _YEAR.fullmatch(num) is not None and not (scale or pct or cur or curw or tail.group("measure") or _year_counts(text, lo, ns, ne, approx)):
        return None  # a calendar year
    s = pre.start("approx") if approx else (pre.start("cur") if cur else ns)
    m_end = tail.end()
    if scale and not (cur or curw or pct) and text.startswith((" pound", "-pound"), m_end) and not text[m_end + 6 : m_end + 7].isalpha():
        curw, m_end = "pounds", m_end + 6  # "a 93.6 billion pound aid package": after a scale, "pound" is sterling
    measure = tail.group("measure")
    if not (scale or pct or cur or curw or measure) and _NOT_A_QUANTITY.match(text, ne) is not None:
        return None  # "the 6100 block of South Kimbark Avenue", "a 911 call": an address or a phone number
    if not (measure or scale or pct or cur or curw) and num.isdigit() and int(num) < 12 and _FEET_BEFORE.search(text, max(start, ns - 12), ns) is not None:
        inch = _GLUED_INCH.match(text, ne)
        if inch is not None:
            return NumHit(ns, inch.end(), float(num), "inches", None)  # "5ft 9in", "6ft 2ins": a height's inches
    unit, e = (_MEASURES[measure.lower()], m_end) if measure and not (pct or cur or curw) else _tail_unit(text, end, m_end, cur, pct, times, curw)
    if unit == "GBP" and not cur and not scale and curw and curw.strip(" \n-").lower() in ("pounds", "pound") and _WEIGHT_BEFORE.search(text, max(start, s - 24), s):
        unit = "pounds"  # "weighing 135 pounds": a weight, not sterling
    old = _OLD.match(text, ne) if not (scale or pct or cur or curw or measure) else None
    if old is not None:
        unit, e = "years", old.end()  # "my 13 year old granddaughter" (written without hyphens)
    elif not (scale or pct or cur or curw) and _MAGNITUDE.search(text, max(start, ns - 16), ns) is not None:
        unit, e = "magnitude", ne  # "a preliminary magnitude of 4.4 struck"
    elif not (scale or pct or cur or curw or measure) and text.startswith((" magnitude", " Magnitude"), ne):
        unit, e = "magnitude", ne + 10  # "a 7.1 magnitude earthquake"
    if not (pct or cur or curw or times or measure) and old is None and text[ne : ne + 1] != "-" and _singular_count(unit, _scaled(num, scale)):
        unit, e = None, (tail.end() if scale else ne)
    if unit is None and not scale and (_casualties(text, start, s, ne) or _CASUALTY_AFTER.match(text, ne) is not None):
        unit, e = "people", ne  # "killed 12 and injured 40", "police arrested 7"
    elif unit is None and not scale and _PARENT_OF.search(text, max(start, s - 16), s) is not None:
        unit, e = "children", ne  # "a mother of 13"
    if unit is None and not (scale and (cur or curw)) and _TOLL_BEFORE.search(text, max(start, ns - 45), ns) is not None:
        unit, e = "deaths", e  # "the death toll rose to 45", "Death toll climbs over 100,000"
    if unit is None and not scale and _is_age(text, start, ns, ne, num):
        pair = _AGE_PAIR_UNIT.match(text, ne) if text.startswith("age", max(start, ns - 5)) else None
        unit, e = (pair.group(2) if pair is not None and int(num) < int(pair.group(1)) else "years"), ne
    if unit is None and not scale and num.isdigit() and _age_at(text, ns, ne, num) and _LIFE_AT.search(text, max(start, ns - 30), ns):
        unit, e = "years", ne  # "dies at 75", "left school at 16,", "at age 85" (not "come in at 57.", "put the toll at 40,")
    if unit is None and not (scale or pct or cur or curw or times) and text.startswith(" of ", ne):
        part = _PART_OF_WHOLE.match(text, ne, min(end, ne + 60))
        if part is not None and num.isdigit() and _whole_value(part.group(1)) > int(num):
            unit = _count_unit(text, part.end(), end)[0]  # "1 of 13 passes", "20 of his 31 points": a part of a counted whole
            unit = None if unit is None or _singular_count(unit, 2) else unit
        elif part is None and num.isdigit() and int(num) >= 2 and not _year_like(num):
            group = _PART_OF_GROUP.match(text, ne, min(end, ne + 60))
            unit = _count_unit(text, group.end() - 1, end)[0] if group is not None else None
            # "more than 100 of the iconic models", "12 of its stores": a part of a group named by a plural noun
            unit = None if unit is None or _singular_count(unit, 2) or unit in _NOT_A_GROUP else unit
    if text[ne : ne + 1] == "-" and text[ne + 1 : ne + 2].isupper() and HYPHEN_UNIT.match(text, ne) is None and not (scale or pct or cur or measure):
        return None  # "7-Eleven", "F-16": a name
    if (unit is None or (text[ne : ne + 1] == " " and text[ne + 1 : ne + 2].isupper())) and not scale and _named_before(text, start, ns) and not (
            unit is not None and _plain_capital_before(text, ns) and title_line(text, ns)):
        return None  # "PhoneMax 7", "Mate 60", "Windows 11": a number that is part of a name (not "To Cut 3,000 Jobs" in a headline)
    if (unit is None and not scale and _bare_small(num) and _ELIDED_COUNT.match(text, ne) is None and not _age_at(text, ns, ne, num)
            and _RANGE_NEXT.match(text, ne) is None and not _market_move(text, start, ns, ne)):
        return None  # "won 13-7", "Chapter 5", "route 66": a small number counting nothing is no claim
    if is_blocked(s, e) and not is_blocked(ns, ne):
        e = ne if not scale else tail.end("scale" if tail.group("scale") else "glued")
    s, value = _signed(text, start, s, _scaled(num, scale))
    if curw and curw.strip(" \n-").lower() == "pence":
        value /= 100  # "300 pence": £3 (money is in the currency's unit, FORMAT.md)
    return NumHit(s, e, value, unit, None)


# A market's move written as a bare number ("Stocks bounce up 18", "the Dow fell 50 to 10,400", "Nikkei closes down
# 120"): points, or a percentage whose sign the source lost; a number all the same (the labels: no unit)
_MOVE_BEFORE = re.compile(r"\b(?:up|down|rose|rises|rise|fell|falls|fall|gained|gains|gain|lost|loses|jumped|jumps|climbed|climbs|dropped|drops|"
                          r"slipped|slips|added|adds|shed|sheds|eased|eases|surged|surges|plunged|plunges|tumbled|tumbles|rallied|rallies|"
                          r"sank|sinks|slid|slides|soared|soars)(?: by)? (?:(?:about|nearly|almost|more than|over|some) )?$", re.I)
_MOVE_AFTER = re.compile(r"(?:[.,;:!?)]|[ \t]*(?:\n|$)| (?:to|at|on|in|as|after|from|points?|pts)\b)")
_MARKET_WORDS = re.compile(r"\b(?:stocks?|shares?|index|indices|indexes|Dow|Nasdaq|FTSE|Nikkei|S&P|Hang Seng|DAX|CAC|Kospi|Sensex|markets?|"
                           r"bourse|Wall Street|futures|bonds?|Treasur(?:y|ies))\b", re.I)


def _market_move(text: str, start: int, ns: int, ne: int) -> bool:
    if text[ns - 1 : ns] != " " or _MOVE_AFTER.match(text, ne) is None or _MOVE_BEFORE.search(text, max(start, ns - 30), ns) is None:
        return False
    a = max(start, text.rfind("\n", start, ns) + 1, text.rfind(". ", start, ns) + 1)
    return _MARKET_WORDS.search(text, a, ns) is not None


# after a number that could be a year: a plural noun it counts ("1800 people", "about 1500 troops")
_YEAR_COUNT_AFTER = re.compile(r" (?:[a-z]+ )?(?:people|troops|soldiers|workers|jobs|staff|employees|homes|houses|students|km|miles|metres|meters|feet|tonnes|tons|barrels|cases|deaths|units|vehicles|cars|flights|acres|hectares|votes|members)\b")
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|of|since|from|until|till|by|to|the|and|or|between|before|after|during|around|early|late|mid|spring|summer|autumn|fall|winter)|[A-Z][a-z]+,?) $")


def _year_counts(text: str, lo: int, ns: int, ne: int, approx: str | None) -> bool:
    """"an 1800 km ride", "killed 1900 people", "about 1500 troops": digits that look like a year count something."""
    if _YEAR_COUNT_AFTER.match(text, ne) is None:
        return False
    return approx is not None or _YEAR_BEFORE.search(text, lo, ns) is None


_NOT_A_QUANTITY = re.compile(r" (?:block of\b|(?<=911 )call|(?<=911 )dispatch|(?<=911 )operator"
                             r"|(?:[NSEW]\.? )?(?:[A-Z][a-z]+ ){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Blvd|Boulevard|Lane|Ln|Way|Court|Ct|Place|Pl|Pike|Highway|Parkway|Terrace)\b)")
_OLD = re.compile(r" years? old\b")
_FEET_BEFORE = re.compile(r"\d ?(?:ft|feet|foot)\.? $")
_GLUED_INCH = re.compile(r"ins?\b")
_WEIGHT_BEFORE = re.compile(r"\b(?:weigh(?:s|ed|ing)?|weight of|tipped the scales at)(?: (?:about|around|nearly|almost|over|under|some|just|roughly|more than|less than))? $", re.I)
# ... or a passive verb of casualties right after it: "3,000 were killed", "two have been arrested", "five died"
_CASUALTY_AFTER = re.compile(r" (?:(?:were|have been|had been|are|was) (?:killed|injured|wounded|arrested|hurt|evacuated|rescued|detained|"
                             r"hospitali[sz]ed|taken to hospital|shot|stabbed|dead)|died|drowned|(?:killed|injured|wounded|dead|hurt|arrested)(?=[,;.:]|\s*$| in\b| as\b| after\b| at\b))\b", re.I)
_PARENT_OF = re.compile(r"\b(?:father|mother|dad|mom|mum|parent|grandfather|grandmother|grandparent)s? of $", re.I)
# a verb of casualties or arrests right before a number that names no noun: the number counts people
_CASUALTY_VERB = re.compile(r"\b(?:kill(?:s|ed|ing)?|injur(?:es|ed|ing)|wound(?:s|ed|ing)|arrest(?:s|ed|ing)|detain(?:s|ed|ing)|rescu(?:es|ed|ing)|"
                            r"evacuat(?:es|ed|ing)|hospitali[sz](?:es|ed|ing)|hurt(?:s|ing)?) $", re.I)


def _casualties(text: str, start: int, s: int, ne: int) -> bool:
    """"killed 12 and injured 40", "police arrested 7", "killing three": a casualty or arrest count with its noun left out."""
    if text.startswith((" of ", "-", " -", "%", " per", " times"), ne) or text[ne : ne + 1].isalnum():
        return False
    return text.find(" ", max(start, s - 20), s) >= 0 and _CASUALTY_VERB.search(text, max(start, s - 16), s) is not None
# a death toll before the number, in the same clause: the number counts deaths
_TOLL_BEFORE = re.compile(r"\b(?:death|[Dd]eath|DEATH) (?:toll|Toll|TOLL)(?:['’]s)?(?: of|(?: [\w-]+){0,4}? (?:to|at|past|over|above|beyond|from|by|"
                          r"[Rr]each(?:es|ed)?|[Hh]it|[Hh]its|is|was|stands|stood|tops|topped|pass(?:es|ed)|exceed(?:s|ed)|near(?:s|ed)))"
                          r"(?: (?:more than|nearly|almost|about|around|over|at least|some|roughly))? $")
_MAGNITUDE = re.compile(r"\bmagnitude (?:of )?$", re.I)


# "Out of 44 journalists, 19 were Uyghurs", "3 of them died": a count whose noun is elided
_ELIDED_COUNT = re.compile(r" (?:were|are|have|had|died|remain|remained|survived|of)\b")


_AT_AGE = re.compile(r"\b(?:at|aged|age)\s$")
_LIFE_AT = re.compile(r"\b(?:(?:age|aged)|(?:died|dies|dead|retired|retires|married|marries|school|debut|born|passed away|death|killed)(?: [a-z]+){0,3} at)\s$", re.I)


def _age_at(text: str, ns: int, ne: int, num: str) -> bool:
    """"left school at 16,", "married at 21.": an age closing a clause (13-119: "at 9." reads as a clock time)."""
    return 13 <= int(num) < 120 and text[ne : ne + 1] in (",", ".", ";", "\n", "") and _AT_AGE.search(text, max(0, ns - 5), ns) is not None


def _bare_small(num: str) -> bool:
    """A whole number below 1,000 (with no unit, scale or currency it states no quantity a reader
    could check: scores, clock times, page and route numbers, list positions)."""
    return num.isdigit() and int(num) < 1000


def _tail_unit(text: str, end: int, m_end: int, cur, pct, times, curw) -> tuple[str | None, int]:
    """Unit of a number from its percent, "times", currency sign or word, or counted noun; and where it ends."""
    if pct:
        return ("percentage points" if "point" in pct.lower() else "percent"), m_end
    if times:
        return "times", m_end
    if cur:
        return _CURRENCY_PREFIX.get(cur.strip(), "USD"), m_end
    if curw:
        return _CURRENCY_WORD[curw.strip(" \n-").lower()], m_end
    unit, e2 = _count_unit(text, m_end, end)
    return unit, (max(e2, m_end) if unit else m_end)


def _word_claims(text: str, start: int, end: int, is_blocked: _Blocked) -> list[NumHit]:
    """Numbers in English words ("seventeen percent", "two Mirai-variant botnets") and fractions."""
    from .numwords import dozens, english_runs, fractions

    hits = []
    for f in fractions(text, start, end):
        if not is_blocked(f.start, f.end):
            hits.append(NumHit(_with_approx(text, start, f.start), f.end, f.value, f.unit, None))
    for m in (_A_PERIOD.finditer(text, start, end) if text.find(" a", start, end) >= 0 else ()):
        if not is_blocked(m.start(), m.end()):
            hits.append(NumHit(m.start(), m.end(), *_a_period(m)))
    for m in (_AGE_DECADE.finditer(text, start, end) if text.find("s ", start, end) >= 0 else ()):
        if not is_blocked(m.start("age"), m.end("age")):
            tens = m.group("tens")
            value = float(tens[:-1]) if tens[0].isdigit() else float(_DECADE_WORDS[tens.lower()])
            hits.append(NumHit(m.start("age"), m.end("age"), value, "years", None))  # "in his 40s": an age, its decade's first year
    for m in (_TWICE.finditer(text, start, end) if any(text.find(w, start, end) >= 0 for w in _TWICE_KEYS) else ()):
        if not is_blocked(m.start(), m.end()):
            hits.append(NumHit(_with_approx(text, start, m.start()), m.end(), _MULTIPLIER[(m.group(1) or m.group(2)).lower()], "times", None))
    for m in (_FOLD.finditer(text, start, end) if text.find("fold", start, end) >= 0 else ()):
        if not is_blocked(m.start(), m.end()):
            hits.append(NumHit(_with_approx(text, start, m.start()), m.end(), _FOLD_VALUE[m.group(1).lower()], "times", None))
    runs = list(english_runs(text, start, end))
    dozen = list(dozens(text, start, end)) if runs or text.find("ozen", start, end) >= 0 else []
    if dozen:
        # "two dozen people" is 24 people: the run "two" inside a dozen gives way to it
        runs = [r for r in runs if not any(d[0] <= r[0] < d[1] for d in dozen)]
    for s, e, value in [*runs, *dozen]:
        if is_blocked(s, e):
            continue
        if text.startswith((" and", "-and"), e) and value == int(value):
            half = _AND_A_HALF.match(text, e, end)
            if half is not None:
                value, e = value + 0.5, half.end()  # "two and a half years", "six-and-a-half hours"
        if s - 5 >= start and text[s - 5 : s].lower() == "half " and text[s : s + 2].lower() == "a " and value >= 1000:
            s, value = s - 5, value / 2  # "half a million people"
        parent = value >= 2 and _PARENT_OF.search(text, max(start, s - 16), s) is not None  # "the father of two was killed": children
        elided = not parent and (_casualties(text, start, _with_approx(text, start, s), e) or _CASUALTY_AFTER.match(text, e) is not None) and value >= 1
        if elided or parent:
            tail = _TAIL.match(text, e)
            if not any(tail.groups()) and _count_unit(text, e, end)[0] is None:
                # "killing three", "Kills Two"; "the father of four"
                hits.append(NumHit(_with_approx(text, start, s), e, value, "people" if elided else "children", None))
                continue
        headline = False
        if _capitalised_mid_sentence(text, start, s):
            if value < 2 or text[max(start, s - 4) : s].lower() == "big " or text[max(start, s - 3) : s].lower() == "of " or not title_line(text, s):
                continue  # (not "Group of Seven", "Out of Six Nations", "the Big Four": a name)
            headline = True  # "IBM Buys Two Danish Services Firms": counts only with a counted noun or a unit (below)
        tail = _TAIL.match(text, e)
        scale, pct, times, curw = tail.group("scale", "pct", "times", "curw")
        scale = scale or ("dozen" if text[s:e].lower().endswith("dozen") else None)
        if scale and scale != "dozen":
            value *= _SCALE[scale.lower()]
        measure = tail.group("measure")
        if measure and not (pct or curw):
            unit, e2 = _MEASURES[measure.lower()], tail.end()  # "five feet", "two inches", "ten km": the measure the tail read
        else:
            unit, e2 = _tail_unit(text, end, tail.end(), None, pct, times, curw)
        if not (pct or times or curw) and text[e : e + 1] != "-" and _singular_count(unit, value):
            unit, e2 = None, tail.end()
        if headline and unit is None:
            continue  # "the Big Four", "Formula One" in a headline: a name
        if unit is None and not scale and value >= 1000 and _SCALE_IN.search(text, s, e) is not None:
            hits.append(NumHit(_with_approx(text, start, s), e, value, None, None))
            continue  # "more than two million phishing related e-mail messages": a scaled amount, whatever it counts
        if unit is None and not curw and value >= 2 and _TOLL_BEFORE.search(text, max(start, s - 45), s) is not None:
            hits.append(NumHit(_with_approx(text, start, s), e, value, "deaths", None))  # "the death toll rose to seven"
            continue
        if unit is None and not scale:
            part = _PART_OF.match(text, e, min(end, e + 60)) if value >= 2 else None  # not "one of the biggest firms"
            if part is None and value >= 2:
                group = _PART_OF_GROUP.match(text, e, min(end, e + 60))
                unit, _ = _count_unit(text, group.end() - 1, end) if group is not None else (None, 0)
                if unit is not None and not _singular_count(unit, value) and unit not in _NOT_A_GROUP:
                    hits.append(NumHit(_with_approx(text, start, s), e, value, unit, None))  # "two of his bodyguards": two bodyguards
                    continue
            if part is None:
                if _RANGE_NEXT.match(text, e) is not None and value >= 1:
                    hits.append(NumHit(_with_approx(text, start, s), e, value, None, None))  # the unit comes from the range's other end
                elif value >= 2 and value == int(value) and value < 1000 and _elided(text, start, s, e):
                    e3 = e + 5 if text.startswith(" more", e) and not text[e + 5 : e + 6].isalpha() else e
                    hits.append(NumHit(_with_approx(text, start, s), e3, value, _ELIDED, None))  # "won two", "the two were"
                continue
            unit, _ = _count_unit(text, part.end(), end)  # "Seven of the 12 judges": seven judges
            if unit is None or (part.group(1).isdigit() and float(part.group(1).replace(",", "")) <= value):
                continue
            hits.append(NumHit(_with_approx(text, start, s), e, value, unit, None))
            continue
        counted = not (pct or times or scale or curw)
        if counted and ((value < 1.5 and not _one_counted(text, start, s, e, unit)) or text.startswith(" of ", tail.end())):
            continue  # "one day", "one of them", "a man": not a count someone claims ("one person died", "at least one handgun" are)
        s, value = _signed(text, start, _with_approx(text, start, s), value)
        hits.append(NumHit(s, e2, value, unit + "s" if unit in _PERIODS else unit, None))
    return hits


# A count whose noun is left out ("Mary Poppins won two", "added three more on punt returns", "the two were
# visiting family", "wounding two others"): it counts what a count just before it counted (the labelling
# guidelines: the noun the text gives nearby), found once all numbers of the text are known.
_ELIDED = "\x00elided"
_ELIDED_END = re.compile(r"(?:[.,;:!?)]|[\"”’]|[ \t]*(?:\n|$))")
_ELIDED_MORE = re.compile(r" (?:more(?=[.,;:!?)]| (?:on|in|at|to|for|from|with|this|that|before|after|during|as|and|but|were|are|was|had|have|will|would|could|"
                          r"since|last|next|later|earlier)\b)|others\b)")
_ELIDED_AFTER_THE = re.compile(r" (?:were|are|was|is|have|had|has|will|would|could|can|did|do|also|both|then|later|who|remain(?:ed)?|died|[a-z]{2,}(?<!e)ed|"
                               r"began|fled|met|went|came|took|made|left|became|saw|held|won|lost|spent|got|gave|told|ran|fought|stood|spoke)\b")
_CLAUSE_BEFORE = re.compile(r"(?:^|\. |\n|\b(?:and|but|while|whereas) )$")
_ELIDED_AUX = re.compile(r" (?:were|are|have|had|remain|remained|survived|died)\b")
_THE_BEFORE = re.compile(r"(?:^|[^\w])(?:[Tt]he|[Aa]ll|[Bb]oth|[Tt]hese|[Tt]hose|[Tt]heir|[Oo]ther|[Ff]inal|[Ll]ast|[Ff]irst) $")
# words before a bare number word that make it a rank, a clock time, a name or a list position, not a count
_NOT_ELIDED_BEFORE = re.compile(r"(?:\b(?:at|number|no|No|page|chapter|the|The|of|one|and|or|to|from|by|in|on|is|was|are|were|be|been)|[A-Z][\w.'’-]*|[,(\-–—]) $")
_VERB_BEFORE = re.compile(r"\b(?:[a-z]+ed|won|wins|win|got|gets|scored|scores|added|adds|took|takes|has|had|have|made|makes|sold|sells|lost|loses|saw|sees|just|only|with|than|another|over|under|about|nearly|almost|some|least|most) $")


def _year_like(num: str) -> bool:
    return _YEAR.fullmatch(num) is not None


def _elided(text: str, start: int, s: int, e: int) -> bool:
    """Does the number word at ``text[s:e]`` stand alone for a counted noun left out?"""
    lo = max(start, s - 30)
    if _THE_BEFORE.search(text, lo, s) is not None or _CLAUSE_BEFORE.search(text, lo, s) is not None and _ELIDED_AUX.match(text, e) is not None:
        return _ELIDED_AFTER_THE.match(text, e) is not None or _ELIDED_END.match(text, e) is not None  # "the two were", "between the two."
    if _ELIDED_MORE.match(text, e) is not None:
        return _NOT_ELIDED_BEFORE.search(text, lo, s) is None or text[s - 4 : s] in ("and ", "ing ")  # "added three more"
    if _OF_THEM.match(text, e) is not None:
        return True  # "seven bullets entered his body, three of them from the rear"
    if _ELIDED_END.match(text, e) is None or text[e : e + 1] == "-":
        return False
    return _VERB_BEFORE.search(text, lo, s) is not None and _NOT_ELIDED_BEFORE.search(text, max(start, s - 12), s) is None


# (a list of parts after its whole -- "19 modular hospitals, including eight in Changchun, ten in Jilin" -- is left
# alone: the seed labels leave those parts out)
_OF_THEM = re.compile(r" of (?:them|those|these)\b")
_NO_COUNT = frozenset(("percent", "percentage points", "fraction", "times", "magnitude", _ELIDED, "others", "other"))


def _resolve_elided(text: str, hits: list[NumHit]) -> list[NumHit]:
    """Give each count with its noun left out the unit of the nearest count of things before it (within a few
    sentences; not a period, age or measure); "others" with none before counts people."""
    out = []
    for i, h in enumerate(hits):
        if h.unit is None and h.value >= 1000:
            out.append(_elided_amount(text, h, out))
            continue
        if h.unit not in (_ELIDED, "others", "other"):
            out.append(h)
            continue
        unit = None
        for prev in reversed(out[max(0, i - 6) :]):
            if h.start - prev.end > 400:
                break
            if prev.unit is None or prev.unit in _NO_COUNT or prev.unit in _CUR_CODES or prev.unit in _NOT_A_GROUP:
                continue  # ages, periods and measures ("a 14-year-old ... the two were playing") count no one
            unit = prev.unit
            break
        if unit is None and h.unit != _ELIDED:
            unit = "people"  # "300 others" injured
        if unit is not None:
            out.append(NumHit(h.start, h.end, h.value, unit, h.subject))
    return out


def _elided_amount(text: str, h: NumHit, before: list[NumHit]) -> NumHit:
    """A large amount with no unit takes the unit of the amount with a unit just before it when that
    counts things within two sentences ("an average of 10.9m viewers ... a peak of 15.3m"; "Amicus has 1.2
    million members and the TGWU has 800,000"), or is money in the same sentence and this amount has a
    scale word ("rose to £5.2bn from 4.8bn"); a percentage or anything else in between leaves it alone
    ("rose 2.3% to 80,600")."""
    if not before or _AMOUNT_ENDS.match(text, h.end) is None or _POPULATION.search(text, max(0, h.start - 25), h.start) is not None:
        return h  # "1300 GMT", "5400 rpm", "27,000 taped conversations", "a population of 120,000"
    prev = before[-1]
    gap = text[prev.end : h.start]
    if prev.unit is not None and len(gap) <= 300 and gap.count(". ") + gap.count("\n") <= 2:
        if prev.unit in _CUR_CODES:
            same_sentence = ". " not in gap and "\n" not in gap
            scaled = _SCALE_IN.search(text, h.start, h.end) is not None or _GLUED_SCALE.search(text, h.start, h.end) is not None
            return NumHit(h.start, h.end, h.value, prev.unit, h.subject) if same_sentence and scaled else h
        if prev.unit in _NO_COUNT or prev.unit.lower() in _NOT_A_GROUP or _MONEY_BEFORE.search(text, max(0, h.start - 30), h.start) is not None:
            return h  # (not "171 arrests - and estimates it saved 65m": money)
        return NumHit(h.start, h.end, h.value, prev.unit, h.subject)
    return h


# what may follow an amount whose noun is left out: the clause goes on without a noun
_AMOUNT_ENDS = re.compile(r"(?:[.,;:!?]|[ \t]*(?:\n|$)| (?:in|by|from|to|for|at|on|a year|last|this|next|and|or|compared|are|were|was|is|will|would|"
                          r"have|had|of them|of those|of which|apiece|each)\b|(?: more| fewer| less)(?=[.,;:]| (?:than|by|in|from|to|for|on|at)\b))")
_MONEY_BEFORE = re.compile(r"\b(?:sav(?:e|ed|es|ing)|cost(?:s|ing)?|paid|pay(?:s|ing)?|rais(?:e|ed|es|ing)|sp[ea]nt|spend(?:s|ing)?|worth|earn(?:s|ed|ing)?|"
                           r"profits?|revenues?|turnover|fined?|budget|prices?|valued|deficit|debts?|losses)\b[^.\n]*$", re.I)
_POPULATION = re.compile(r"\bpopulations? (?:of )?(?:(?:about|around|some|nearly|almost|more than|over|just over|roughly) )?$", re.I)


# An age given by its decade ("a man in his 40s", "in her early fifties", "both in their mid-20s"): the decade's first
# year, in years, as the labels read 五旬 (FORMAT.md: ages are numbers)
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80,
                 "nineties": 90}
_AGE_DECADE = re.compile(r"\b(?:[Ii]n|aged) (?:his|her|their) (?P<age>(?:(?:early|mid|late)(?:-| - | ))?"
                         r"(?P<tens>[2-9]0s|[Tt]wenties|[Tt]hirties|[Ff]orties|[Ff]ifties|[Ss]ixties|[Ss]eventies|[Ee]ighties|[Nn]ineties))(?![\w'’-])")


# One period after an approximator ("more than a week", "nearly a year"), and the quarter or half of a century
# ("nearly a quarter of a century", "half a century"): a duration someone states; not a comparison base or a date
# ("5% more than a year earlier", "more than a year ago")
_A_PERIOD = re.compile(
    r"(?<![\w-])(?:(?P<approx>more than|less than|nearly|almost|about|around|over|under|at least|just over|just under|roughly) an? "
    r"(?P<unit>year|month|week|day|decade|century)(?! (?:earlier|ago)\b)|(?P<part_approx>(?:more than|nearly|almost|about|around|over|roughly) )?"
    r"(?P<part>(?:a )?quarter(?: of a | ?- ?)|half a )century)(?![\w-])", re.I)


def _a_period(m: re.Match) -> tuple[float, str | None, None]:
    if m.group("unit"):
        u = m.group("unit").lower()
        return 1.0, ("centuries" if u == "century" else u + "s"), None
    return (25.0 if "quarter" in m.group("part").lower() else 50.0), "years", None


# Multipliers in words: "twice", "profits doubled", "more than double" ("double" alone is too often
# an adjective -- "a double room" -- so it needs an approximator before it)
_MULTIPLIER = {"twice": 2.0, "thrice": 3.0, "doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0,
               "double": 2.0, "triple": 3.0}
_TWICE_KEYS = ("wice", "hrice", "ouble", "riple", "rebled", "uadrupled")  # a plain find first: most stories have none
_TWICE = re.compile(r"(?:(?<=more than )|(?<=almost )|(?<=nearly )|(?<=roughly ))(double|triple)\b(?!-)"
                    r"|\b([Tt]wice|[Tt]hrice|doubled|tripled|trebled|quadrupled)\b")


# a multiplier written as one word: "rose fourfold", "a tenfold increase" ("three-fold" is read with the number words)
_FOLD_VALUE = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0,
               "twenty": 20.0, "hundred": 100.0, "thousand": 1000.0}
_FOLD = re.compile(r"(?<![\w-])(" + "|".join(_FOLD_VALUE) + r")fold\b", re.I)


# a part of a counted whole: "Seven of the 12 judges", "two of the three suspects"
_PART_OF = re.compile(r" of (?:the|its|their|these|those|our|his|her|my|your) (?:(?:last|first|next|past|previous|final|other|top) )?(\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"twenty|thirty|forty|fifty|hundred)(?= [a-z])")


# a part of a whole counted in digits or words: "1 of 13 passes", "20 of his 31 points", "eight of their last 13 matches"
_PART_OF_WHOLE = re.compile(r" of (?:(?:the|its|their|his|her|our|my|your) )?(?:(?:last|first|next|past|previous|final|top) )?"
                            r"(\d{1,3}(?:,\d{3})*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)(?= [a-z])")
_WHOLE_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}


def _whole_value(w: str) -> int:
    return _WHOLE_WORDS.get(w) or int(w.replace(",", ""))


# units that name no group a part can be taken from ("two of its years", "three of the km"): measures, periods,
# shares and multipliers (counted things such as "plants", "schools", "stations" are groups: "two of its plants")
_NOT_A_GROUP = frozenset(u.lower() for u in _MEASURES.values()) | frozenset(_MEASURES) | frozenset(
    "percent fraction times magnitude dozen years months weeks days hours minutes seconds points tonnes metres cm mm km kg "
    "square metres cubic metres hectares mu jin inches percentage points decades centuries".split())


# a part of a group named by a plural noun: "two of his bodyguards", "three of our citizens", "two of the witnesses"
_PART_OF_GROUP = re.compile(r" of (?:(?:the|his|her|their) [a-z]+['’]s|the|its|their|his|her|our|my|your|these|those|(?:[A-Z][\w.-]* ){0,2}[A-Z][\w.-]*['’]s) (?=[a-z])")


_NO_ONE = re.compile(r"\b(?:no|any|every|some|the|that|this)\s$", re.I)
_ONE_CASUALTY_AFTER = re.compile(r"(?: [a-z-]+){1,2} (?:(?:is|was|has been) (?:dead|killed|injured|wounded|hurt|shot|stabbed|arrested|detained|missing|"
                                 r"hospitali[sz]ed)|died)\b")


def _one_counted(text: str, start: int, s: int, e: int, unit: str | None) -> bool:
    """"one" as a count someone claims: one person (a casualty, an arrest: "One person died"), or
    one of anything after an approximator ("at least one handgun"); not "one day", "one-off",
    "One involves", "a man"."""
    if text[s:e].lower() != "one":
        return False
    if text.startswith("-", e):
        return unit in _PERIODS_PLURAL  # "a one-year contract", "a one-day strike" (not "one-off", "one-man show")
    if (unit in _PERIODS or unit in _PERIODS_PLURAL) and _ONE_PERIOD_BEFORE.search(text, max(start, s - 8), s) is not None:
        return True  # "only one day after", "for one year", "within one week": a duration someone states
    if unit == "people" or _with_approx(text, start, s) != s:
        return True
    if unit is not None and unit != "else" and _NO_ONE.search(text, max(start, s - 8), s) is None and (_ONE_CASUALTY_AFTER.match(text, e) is not None or _CASUALTY_VERB.search(text, max(start, s - 16), s) is not None):
        return True  # "One man is dead", "killing one male employee", "arrested one suspect" (the labelling guidelines count them)
    return _one_thing(text, start, s, e, unit)


# "one" before a noun counts it when the text stresses the number ("only one set", "just one change", "made only one
# appearance") or the noun is a charge ("charged with one count of murder", "pleaded guilty to one charge"); a
# plain "one" before a noun reads as an article too often ("from one device to another", "blind in one eye")
_ONE_STRESSED = re.compile(r"\b(?:only|just|exactly|merely|a single|single)\s$", re.I)
_ONE_CHARGED = re.compile(r"\b(?:with|to|admitted|faces|facing|on|of)\s$")
_CHARGES = frozenset(("count", "charge"))
_ONE_NOT_COUNTED = frozenset("point thing way side hand time another reason example kind sort type bit lot part piece".split())


def _one_thing(text: str, start: int, s: int, e: int, unit: str | None) -> bool:
    """"only one set", "just one change", "charged with one count of manslaughter", "one felony count": "one"
    counting a noun (the labelling guidelines count "one" unless it is a pronoun, an article or a rank)."""
    if unit is None or not unit.replace("-", "").isalpha() or not unit.islower() or unit in _ONE_NOT_COUNTED or unit.endswith("s"):
        return False
    before = text[max(start, s - 12) : s]
    if _ONE_STRESSED.search(before) is not None:
        return not text.startswith((" of ", " another", " or "), e)
    return unit.rsplit(" ", 1)[-1] in _CHARGES and _ONE_CHARGED.search(before) is not None


_PERIODS = frozenset(("day", "week", "month", "year", "hour", "minute"))
_PERIODS_PLURAL = frozenset(p + "s" for p in _PERIODS)
_ONE_PERIOD_BEFORE = re.compile(r"\b(?:only|just|for|within|than|in) $", re.I)


def _signed(text: str, start: int, s: int, value: float) -> tuple[int, float]:
    """"minus ten degrees": the sign word joins the number."""
    if s - 6 >= start and text[s - 6 : s].lower() == "minus ":
        return s - 6, -value
    return s, value


def _capitalised_mid_sentence(text: str, start: int, s: int) -> bool:
    """"Formula One", "the Two Sessions": a capitalised number word inside a sentence is a name."""
    if not text[s : s + 1].isupper():
        return False
    before = text[max(start, s - 2) : s]
    return not (s == start or before.endswith(("\n", ". ", "! ", "? ", "“", '"', "– ", "— ", ": ", "(")) or before.strip() == "")


def _with_approx(text: str, start: int, s: int) -> int:
    """Start of an approximator ("more than", "about") right before ``s``, else ``s``."""
    lo = max(start, s - 30)
    if not text[lo:s].rstrip().lower().endswith(_PREFIX_ENDS):
        return s
    m = _PREFIX.search(text, lo, s)
    return m.start("approx") if m is not None and m.group("approx") else s


def _dedupe(hits: list[NumHit]) -> list[NumHit]:
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[NumHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out


# a number followed by the second end of a range ("10 - 20 years", "four or five defenders", "two and three jobs")
_RANGE_NEXT = re.compile(r"(?: or | to |\s?[-–]\s?| and |[至到~～](?=\d)|[-–] (?:to|or|and) )(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                         r"fifteen|twenty|thirty|forty|fifty|hundred)\b)", re.I)


def _scaled_as(text: str, a: NumHit, b: NumHit) -> float | None:
    """A range's first end times the scale word only its second end is written with ("15 to 20 billion"); None
    when the second has none, the first has its own, or the first is already large."""
    if a.value >= 1000 or _SCALE_IN.search(text, a.start, a.end) is not None:
        return None
    m = _SCALE_IN.search(text, b.start, b.end)
    if m is None and a.value < 100 and b.value >= 100 and _HUNDRED_IN.search(text, b.start, b.end) is not None and a.value * 100 <= b.value * 10:
        return a.value * 100  # "five or six hundred people"
    return float(Decimal(str(a.value)) * _SCALE[m.group(1).lower()]) if m is not None else None


_HUNDRED_IN = re.compile(r"[a-z] hundred\b", re.I)


def _share_range_units(text: str, hits: list[NumHit]) -> list[NumHit]:
    """"1,000 to 2,000 yuan", "23.3 and 19.2 percent", "four or five defenders": the first number takes the unit.
    A small number kept only as a range's first end that gets no unit is dropped ("won 20 - 13")."""
    out = list(hits)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        joined = _RANGE_JOIN.match(text[a.end : b.start]) is not None
        scaled = _scaled_as(text, a, b)
        if a.unit is None and b.unit is None and joined and scaled is not None:
            out[i] = NumHit(a.start, a.end, scaled, None, a.subject)  # "15 to 20 billion"
        elif a.unit is None and b.unit is not None and joined and not (b.unit in ("percent", "percentage points") and a.value >= 1000):
            # (not "peaked at 11.9m and 49.2% of the audience": a scaled amount is no percentage)
            value = a.value if scaled is None else scaled
            if b.unit == "GBP" and scaled is None and text[b.start : b.end].endswith(("p", "pence")) and text[a.start : a.end].replace(".", "").isdigit():
                value = a.value / 100  # "rose 5 to 120p": pence, read in pounds as the other end is
            out[i] = NumHit(a.start, a.end, value, b.unit, a.subject)
        elif a.unit in _CUR_CODES and b.unit is None and text[a.end : b.start] in ("-", "–", " to ", " - ") and scaled is not None:
            # "$5-10 billion", "£2 to 3 million": the first end's currency and the second's scale are both ends'
            out[i] = NumHit(a.start, a.end, scaled, a.unit, a.subject)
            out[i + 1] = NumHit(b.start, b.end, b.value, a.unit, b.subject)
    return [h for h in out if not (h.unit is None and h.value < 1000 and h.value == int(h.value) and _RANGE_NEXT.match(text, h.end) is not None
                                   and not _SCALE_IN.search(text, h.start, h.end) and _ELIDED_COUNT.match(text, h.end) is None)]


# -- kinds of units (``sinodesk eval extract`` breaks its number figures down by them) -------------

UNIT_KINDS = ("money", "percent", "ratio", "durations and ages", "measures", "people", "counted nouns", "no unit")
_DURATION_UNITS = frozenset("year month week day hour minute second decade century".split())
_PEOPLE_UNITS = frozenset(["people", "person", *_PEOPLE_WORDS, *(w + "s" for w in _PERSON_NOUNS.split("|")),
                           "men", "women", "children", "boys", "girls", "policemen", "gunmen", "chairmen", "businessmen"])
_MEASURE_UNITS = frozenset(u.lower() for u in [*_MEASURES, *_MEASURES.values(), *HYPHEN_NORMAL.values()]) | frozenset(
    "tonne metre meter mile kilometre kilometer km kg acre hectare barrel litre liter gallon pound ounce stone lb jin mu inch "
    "foot feet yard degree cm mm square cubic ft hz mah kwh calorie gram".split())


def unit_kind(unit: str | None) -> str:
    """Which of ``UNIT_KINDS`` a number's unit is (gold or predicted): an ISO currency code or cents is money,
    percent and percentage points are percent, fractions and multipliers ratio, "years" of an age or a duration
    durations and ages, measures (km, tonnes, stone, square feet), people (people and the nouns of persons),
    any other counted noun, or no unit."""
    if not unit:
        return "no unit"
    u = unit.strip()
    if u in _CUR_CODES or (len(u) == 3 and u.isupper() and u.isalpha()) or u.lower() in ("cents", "cent", "pence"):
        return "money"
    low = u.lower()
    if low in ("percent", "percentage points", "percentage point"):
        return "percent"
    if low in ("fraction", "times"):
        return "ratio"
    head = low.split()[-1]
    sing = head[:-1] if head.endswith("s") and len(head) > 3 else head
    if sing in _DURATION_UNITS:
        return "durations and ages"
    if low in _PEOPLE_UNITS or head in _PEOPLE_UNITS or _compound_plural(head):
        return "people"
    if low in _MEASURE_UNITS or head in _MEASURE_UNITS or sing in _MEASURE_UNITS or low.split()[0] in ("square", "cubic"):
        return "measures"
    return "counted nouns"
