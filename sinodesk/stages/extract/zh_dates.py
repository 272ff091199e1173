"""Chinese dates the main scan (dates.py) leaves: months in Chinese numerals (七月, 十二月), months with a
part (3月份, 3月底, 年底), relative months, weeks and weekdays (下月, 上周, 下周六, 星期三), a bare day of the
month (23日) and ranges of days (16日至17日), quarters (三季度, 第一季度, 首季, 前三季度), fiscal years (2011财年) and festivals (情人节, 国庆,
重阳).  Every hit carries its precision; relative ones are read against the story date.

Lunar festivals (春节, 中秋, 重阳 ...) move in the solar calendar and nothing here converts them: they
are read as a day of the story's year and carry that year only (precision "year")."""

from __future__ import annotations

import datetime as dt
import re

_ZH_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12,
           "首": 1, "1": 1, "2": 2, "3": 3, "4": 4}
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5}
# festivals on a fixed day of the solar calendar, and lunar ones (read as their year only)
_SOLAR = {"元旦": (1, 1), "情人节": (2, 14), "妇女节": (3, 8), "愚人节": (4, 1), "劳动节": (5, 1), "五一": (5, 1),
          "儿童节": (6, 1), "国庆": (10, 1), "国庆节": (10, 1), "光棍节": (11, 11), "双十一": (11, 11), "万圣节": (10, 31),
          "平安夜": (12, 24), "圣诞": (12, 25), "圣诞节": (12, 25)}
_LUNAR = ("春节", "元宵", "元宵节", "端午", "端午节", "七夕", "中秋", "中秋节", "重阳", "重阳节", "除夕", "清明", "清明节")

_ZH_DATE = re.compile(
    r"(?P<cnmonth>(?<![一二三四五六七八九十第个個])(?:十[一二]|[一二三四五六七八九十])月"
    r"(?:份|底|初|末|中旬|上旬|下旬|(?![份底初末中\d一二三四五六七八九十亮光饼餅球台牙])))"
    r"|(?P<mpart>(?<![\d年./-])\d{1,2}月(?:份|底|初|末|中旬|上旬|下旬))"
    r"|(?P<ypart>(?<![今去明前后後])(?:年底|年初|年末|岁末|歲末|年中|上半年|下半年))"
    r"|(?P<relm>(?:下个?月|下個?月|上月|下周[一二三四五六日末]?|下週[一二三四五六日末]?|上周[一二三四五六日末]|上週[一二三四五六日末]|"
    r"本周[一二三四五六日末]|本週[一二三四五六日末]|下星期[一二三四五六日天]?|上星期[一二三四五六日天]?|今晚|昨晚|明晚|今早|昨夜|今夜|后天|後天|前年|后年|後年))"
    r"|(?P<wd>(?<![一二三四五六七八九十两\d上下本每个個])(?:(?:周|週|星期)[一二三四五六日]|星期天|礼拜天|禮拜天|礼拜[一二三四五六日]|禮拜[一二三四五六日])(?![年岁歲刊报報边邊]))"
    r"|(?P<cnmd>(?<![一二三四五六七八九十第个個])(?P<cnm>十[一二]|[一二三四五六七八九十])月(?P<cnd>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号號])"
    r"|(?P<drange>(?<![\d月/.\-年第])(?:[12]\d|3[01]|[1-9])日?(?:至|到|-|—|－|~|～)(?:[12]\d|3[01]|[1-9])日)"
    r"|(?P<day>(?<![\d月/.\-年第])(?:[12]\d|3[01]|[1-9])日(?![游遊内內均元语語本系军軍电電报報圆圓薪产產]))"
    r"|(?P<quarter>(?:前|第)?[一二三四1-4]季度|首季度?)"
    r"|(?P<fy>(?:19|20)\d\d财年|(?:19|20)\d\d財年)"
    r"|(?P<fest>元旦|情人节|妇女节|愚人节|劳动节|五一(?=[节假长黄]|期间)|儿童节|国庆节?|光棍节|双十一|万圣节|平安夜|圣诞节?"
    r"|春节|元宵节?|端午节?|七夕|中秋节?|重阳节?|除夕|清明节?)(?P<night>夜)?"
)


def chinese_dates(text: str, start: int, end: int, base: dt.datetime | None, taken: list) -> list:
    """DateHits of the forms above that overlap none of ``taken``."""
    from .dates import DateHit

    out = []
    for m in _ZH_DATE.finditer(text, start, end):
        s, e = m.span()
        if any(h.start < e and s < h.end for h in taken):
            continue
        kind = m.lastgroup if m.lastgroup != "night" else "fest"
        hit = _read(m, kind, base)
        if hit is not None:
            out.append(DateHit(s, e, *hit))
    return out


def _read(m: re.Match, kind: str, base: dt.datetime | None) -> tuple[str, str] | None:
    """(iso, precision) of one match; the story date stands in for what the text leaves out."""
    w = m.group()
    if kind == "fy":
        return w[:4], "year"
    if base is None:
        return None  # relative to a date the story does not have
    b = base
    if kind == "cnmonth":
        month = _ZH_NUM[w[: w.index("月")]]
        return _month(b, month), "month"
    if kind == "mpart":
        return _month(b, int(w[: w.index("月")])), "month"
    if kind == "ypart":  # a half-year is an interval of months, the year's end or start the year itself
        if w.endswith("半年"):
            first = 1 if w[0] == "上" else 7
            return f"{b.year:04d}-{first:02d}/{b.year:04d}-{first + 5:02d}", "month"
        return f"{b.year:04d}", "year"
    if kind == "relm":
        return _relative(w, b)
    if kind == "cnmd":  # 十月一日, 三月八日: a day written in Chinese numerals, read as 9月17日 is
        try:
            d = dt.datetime(b.year, _ZH_NUM[m.group("cnm")], _zh_day(m.group("cnd")))
        except ValueError:
            return None
        if (d - b).days > 31:  # news looks back (dates._resolve_counted)
            d = d.replace(year=b.year - 1)
        return d.strftime("%Y-%m-%d"), "day"
    if kind == "wd":  # the weekday of the story's week; one after the story's day is last week's unless the clause looks ahead
        d = b + dt.timedelta(days=_WEEKDAY[w[-1]] - b.weekday())
        if d > b and _ZH_FUTURE.search(m.string, max(0, m.start() - 12), m.start()) is None:
            d -= dt.timedelta(days=7)
        return d.strftime("%Y-%m-%d"), "day"
    if kind == "day":  # no date when that day is not in the month it falls in ("30日" read in early March)
        iso = _day(b, int(w[:-1]))
        return (iso, "day") if iso else None
    if kind == "drange":
        a, z = (_day(b, int(x)) for x in re.findall(r"\d+", w))
        return (f"{a}/{z}", "day") if a and z and a <= z else None
    if kind == "quarter":
        q = _ZH_NUM[w[-3] if w.endswith("季度") else "首"] if not w.startswith("首") else 1
        first = 1 if w.startswith("前") else 3 * q - 2
        return f"{b.year:04d}-{first:02d}/{b.year:04d}-{3 * q:02d}", "quarter"
    name = m.group("fest")
    if name in _SOLAR:
        month, day = _SOLAR[name]
        return f"{b.year:04d}-{month:02d}-{day:02d}", "day"
    return f"{b.year:04d}", "year"


# a clause about what is to come, right before a weekday: 将于周五, 计划下周, 定于星期天
_ZH_FUTURE = re.compile(r"(?:将|將|拟|擬|计划|計劃|预计|預計|定于|定於|届时|屆時|准备|準備|打算|下周|下週)[^，,。！？；;]{0,8}$")


def _zh_day(w: str) -> int:
    """一 .. 三十一 (a day of the month in Chinese numerals)."""
    return _zh_small(w) or 0


def _day(b: dt.datetime, day: int) -> str | None:
    """A bare day of the month ("23日") in the story's month; news looks back, so a day well after the story's is last month's."""
    month = b if day <= b.day + 7 else b.replace(day=1) - dt.timedelta(days=1)
    try:
        return month.replace(day=day).strftime("%Y-%m-%d")
    except ValueError:
        return None


def _month(b: dt.datetime, month: int) -> str:
    if not 1 <= month <= 12:
        return f"{b.year:04d}"
    year = b.year if month <= b.month + 1 else b.year - 1  # as dates._closest_month
    return f"{year:04d}-{month:02d}"


def _relative(w: str, b: dt.datetime) -> tuple[str, str]:
    if w.endswith(("月",)):
        n = 1 if w.startswith("下") else -1
        m = b.month - 1 + n
        return f"{b.year + m // 12:04d}-{m % 12 + 1:02d}", "month"
    if w in ("前年", "后年", "後年"):
        return f"{b.year + (-2 if w == '前年' else 2):04d}", "year"
    if w in ("今晚", "今早", "今夜", "昨晚", "昨夜", "明晚", "后天", "後天"):
        n = {"今": 0, "昨": -1, "明": 1, "后": 2, "後": 2}[w[0]]
        return (b + dt.timedelta(days=n)).strftime("%Y-%m-%d"), "day"
    step = {"下": 1, "上": -1, "本": 0}[w[0]]
    d = b + dt.timedelta(days=7 * step)
    last = w[-1]
    if last in _WEEKDAY and not w.endswith(("周", "週", "星期")):
        return (d + dt.timedelta(days=_WEEKDAY[last] - d.weekday())).strftime("%Y-%m-%d"), "day"
    y, wk, _ = d.isocalendar()
    return f"{y:04d}-W{wk:02d}", "week"


# Chinese dates the scans above find in pieces or read in the wrong year: a quarter, a half-year or a season
# after a year (2023年第三季度, 明年一季度, 今年上半年, 去年夏天: read in that year, the year staying its own
# mention); ranges of months (1至8月, 今年1-8月, 3月至5月) and of days (5月1日至7日, 6月25至26日, 5月30日至6月2日); and
# counts before now (三天前, 60年前, 两个月前).
_SEP = "(?:至|到|-|—|－|~|～)"
_ZH_COMPOSITE = re.compile(
    r"(?P<y>(?<!\d)(?:19|20)\d\d年|今年|去年|明年|前年)?"
    r"(?:(?P<q>(?:前|第)?[一二三四1-4]季度|首季度?)"
    r"|(?P<h>上半年|下半年)"
    rf"|(?P<mr>(?<![\d./-])(?P<ma>1[0-2]|0?[1-9])月?{_SEP}(?P<mb>1[0-2]|0?[1-9])月(?:份)?(?![\d日号號]))"
    rf"|(?P<dr>(?<![\d./-])(?P<dm>1[0-2]|0?[1-9])月(?P<da>[12]\d|3[01]|0?[1-9])[日号號]?{_SEP}(?:(?P<dm2>1[0-2]|0?[1-9])月)?(?P<db>[12]\d|3[01]|0?[1-9])[日号號])"
    r"|(?P<se>春季|夏季|秋季|冬季|春天|夏天|秋天|冬天)"
    r"|(?P<yp>(?<=[今去明前]年)(?:年底|年初|年末|年中)))"
    r"|(?P<ago>(?<![\d.])(?P<an>\d{1,3}|[一二两兩三四五六七八九十]{1,3})(?P<au>天|周|週|个月|個月|年)(?:前|以前)(?![夕后後]))"
)
_SEASON_MONTHS = {"春": 3, "夏": 6, "秋": 9, "冬": 12}
_COMPOSITE_KEYS = ("季", "半年", "至", "到", "-", "~", "～", "—", "－", "前", "天", "年年", "年中")


def chinese_composites(text: str, start: int, end: int, base: dt.datetime | None, hits: list) -> list:
    """``hits`` with each composite date above put in place of the pieces it covers."""
    from .dates import DateHit

    if not any(text.find(k, start, end) >= 0 for k in _COMPOSITE_KEYS):
        return hits
    found = []
    for m in _ZH_COMPOSITE.finditer(text, start, end):
        if m.group("y") is None and m.group("mr") is None and m.group("dr") is None and m.group("ago") is None:
            continue  # a quarter, half-year or season alone: the scans above read it (or it is too vague)
        read = _composite(m, base)
        if read is not None:
            # the year stays its own mention (今年 / 2023年: found by the main scan); what follows it is read in that year
    # (but 去年年底, 今年年初 are one mention: the part of the year is that year)
            first = m.start() if m.group("yp") is not None else (m.end("y") if m.group("y") is not None else m.start())
            found.append(DateHit(first, m.end(), *read))  # 去年年底 is one mention
    if not found:
        return hits
    kept = [h for h in hits if not any(f.start < h.end and h.start < f.end for f in found)]
    return sorted(kept + found, key=lambda h: h.start)


def _year_of(y: str | None, base: dt.datetime | None) -> int | None:
    if y is None or not y[0].isdigit():
        if base is None:
            return None
        return base.year + {None: 0, "今年": 0, "去年": -1, "明年": 1, "前年": -2}[y]
    return int(y[:4])


def _composite(m: re.Match, base: dt.datetime | None) -> tuple[str, str] | None:
    g = m.group
    if g("ago") is not None:
        if base is None:
            return None
        n = int(g("an")) if g("an").isdigit() else _zh_small(g("an"))
        if not n:
            return None
        unit = g("au")
        if unit in ("天",):
            return (base - dt.timedelta(days=n)).strftime("%Y-%m-%d"), "day"
        if unit in ("周", "週"):
            y, w, _ = (base - dt.timedelta(days=7 * n)).isocalendar()
            return f"{y:04d}-W{w:02d}", "week"
        if unit in ("个月", "個月"):
            k = base.year * 12 + base.month - 1 - n
            return f"{k // 12:04d}-{k % 12 + 1:02d}", "month"
        return f"{base.year - n:04d}", "year"
    year = _year_of(g("y"), base)
    if year is None:
        return None
    if g("q") is not None:
        w = g("q")
        q = 1 if w.startswith("首") else _ZH_NUM[w[-3]]
        first = 1 if w.startswith("前") else 3 * q - 2
        return f"{year:04d}-{first:02d}/{year:04d}-{3 * q:02d}", "quarter"
    if g("h") is not None:
        first = 1 if g("h")[0] == "上" else 7
        return f"{year:04d}-{first:02d}/{year:04d}-{first + 5:02d}", "month"
    if g("yp") is not None:  # 去年年底: the end of last year is last year
        return f"{year:04d}", "year"
    if g("se") is not None:
        a = _SEASON_MONTHS[g("se")[0]]
        z_year, z = (year + 1, 2) if a == 12 else (year, a + 2)
        return f"{year:04d}-{a:02d}/{z_year:04d}-{z:02d}", "season"
    if g("mr") is not None:
        a, z = int(g("ma")), int(g("mb"))
        if a >= z:
            return None
        if g("y") is None and base is not None and z > base.month + 1:
            year -= 1  # news looks back: months after the story's are last year's
        return f"{year:04d}-{a:02d}/{year:04d}-{z:02d}", "month"
    ma, da, db = int(g("dm")), int(g("da")), int(g("db"))
    mb = int(g("dm2")) if g("dm2") else ma
    if g("y") is None and base is not None and (ma - base.month) % 12 > 1 and ma > base.month:
        year -= 1
    try:
        a_iso, z_iso = dt.date(year, ma, da), dt.date(year, mb, db)
    except ValueError:
        return None
    if a_iso >= z_iso:
        return None
    return f"{a_iso.isoformat()}/{z_iso.isoformat()}", "day"


def _zh_small(w: str) -> int | None:
    """一 .. 九十九 written in Chinese numerals."""
    digits = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if w == "十":
        return 10
    if "十" in w:
        a, _, b = w.partition("十")
        if (a and a not in digits) or (b and b not in digits):
            return None
        return (digits[a] if a else 1) * 10 + (digits[b] if b else 0)
    return digits.get(w) if len(w) == 1 else None
