"""Chinese numeric claims (see numbers.py for what counts as a claim): digits or numerals with
万/亿 scales and a unit or measure word ("3万人", "一万两千人", "两艘"), durations and lengths
(两天, 三个月, 一万米), games, floors and shots (停赛三场, 13层, 连开3枪), ages (19岁), shares (6万股), index points (2000点; not 3点 o'clock), discounts
read as the percentage paid (95折 95, 8折 and 九折 tenths: 80 and 90, 八五折 85), tenths read as percentages (3成),
百分之 percentages, and two neighbouring numerals as a range's two ends (七八个国家: 7 and 8 countries, 两三百人)."""

from __future__ import annotations

import re
from decimal import Decimal

_ZH = re.compile(
    r"(?P<approx>超过|逾|近|约|超|達|达)?(?P<num>\d+(?:\.\d+)?)(?:多|余|餘)?(?P<scale>千万亿|千萬億|万亿|萬億|千万|百万|亿|億|万|萬|千)?(?:多|余|餘)?"
    r"(?P<unit>%|％|元|人民币|人民幣|美元|港元|港币|新台币|新台幣|欧元|日元|英镑|英鎊|澳元|加元|卢布|盧布|韩元|韓元|新加坡元|美金|瑞郎|人次|人|名|吨|噸|倍|起(?![购購价價售租步])|家|个百分点|個百分點|百分点|百分點|个月|個月|个|個|架次|次|台|辆|輛|架|艘|座|所|款|部|件|项|項|篇|条|條|套|张|張|平方米|平米|公里|公斤|千米|个月|個月|小时|小時|分钟|分鐘|天|厘米|毫米|公顷|公頃|户(?![口籍型])|戶(?![口籍型])|种(?![子植类類])|種(?![子植類])|双(?![方向重手])|雙(?![方向重手])|株|亩|畝|旬(?=[男女老])|校(?![园園区區长長友服庆慶内內外])|省(?![级級委长長会會内內外份])|米(?![饭飯粉酒])|(?<!\d{4})年(?![级級代底初月])"
    r"|级(?=地震|强震|強震|余震|餘震)|級(?=地震|強震|餘震)|岁(?!月)|歲(?!月)|股(?![东東票市份权權民])|点(?![钟鐘半多左前后後])|點(?![鐘半多左前後])|折(?![扣旧舊合叠疊射腾騰算返纸紙页頁])|斤|寸|平(?![方米均台安衡稳穩价價静靜和等常])|周年|週年|公分|港仙|厘米|毫米|平方公里|公顷|公頃|立方米|千克|英寸|周(?![年岁歲边邊末一二三四五六日刊])|週(?![年歲邊末刊])|具(?=.{0,6}?(?:遗体|尸体|遺體|屍體))|站(?![长長点點台内內外上])|户(?![口籍型])|戶(?![口籍型])|种(?![子植类類])|種(?![子植類])|双(?![方向重手])|雙(?![方向重手])|株|发(?=子弹|子彈|炮弹|炮彈)|發(?=子彈|炮彈)|亩|畝|桶|秒(?!杀|殺)|手(?=[大小]?[豆麦麥玉棉糖铜銅铝鋁锌鋅期合股])|镑|鎊|(?<=[万萬亿億])欧|(?<=[万萬亿億])歐|块(?=钱|錢)|塊(?=錢)|(?<!(?:19|20)\d\d)国(?=$|[\s，,。、；;：:！？!?）)”]|外长|外長|领导人|領導人|元首|首脑|首腦|联军|聯軍|集团|集團|峰会|峰會|[的和与與间間代签簽合共均中将將已])|校(?![园園区區长長友服庆慶内內外])|省(?![级級委长長会會内內外份])|场(?![所地面景合次上下内內外馆館子均])|場(?![所地面景合次上下內外館子均])|层(?![次面级級含意])|層(?![次面級含意])|枪(?![手支械杀殺击擊战戰])|槍(?![手支械殺擊戰])|分(?=$|[\s，,。！？、；:：（(]|\d|[篮籃助帽抢搶板]|领先|領先|优势|優勢|险胜|險勝|大胜|大勝|惜败|惜敗)|(?:重|轻|輕)?[死伤傷](?=$|[\s，,。！？、；]|\d|[一二两兩三四五六七八九十])|栋|幢|席(?![位卷])|Hz|GHz|MHz|mAh|[Xx×](?=光学|光學|光变|光變|变焦|變焦|数码|數碼|放大|长焦|長焦))?"
)
_ZH_PCT = re.compile(r"百分之(?P<num>\d+(?:\.\d+)?|[零〇一二两兩三四五六七八九十百千]+(?:[点點][零〇一二两兩三四五六七八九]+)?)"
                     r"(?![零〇一二两兩三四五六七八九十百千万萬亿億点點\d])")
# A Chinese numeral followed by a unit or measure word: "一万两千人", "三千多名", "五十亿元", "两艘".
_ZH_WORD_UNIT = re.compile(
    r"(?:多|余|餘)?(?P<unit>%|％|元|人民币|人民幣|美元|港元|港币|新台币|新台幣|欧元|日元|英镑|英鎊|澳元|加元|卢布|盧布|韩元|韓元|新加坡元|美金|瑞郎|场(?![所地面景合次上下内內外馆館子均])|場(?![所地面景合次上下內外館子均])|层(?![次面级級含意])|層(?![次面級含意])|枪(?![手支械杀殺击擊战戰])|槍(?![手支械殺擊戰])|人次|人|名|吨|噸|倍|起|家|个百分点|個百分點|百分点|百分點|架次|次|台|辆|輛|架|艘|座|所|款|部|件|项|項|篇|条|條|岁(?!月)|歲(?!月)"
    r"|公里|公斤|千米|个月|個月|小时|小時|分钟|分鐘|天|厘米|毫米|公顷|公頃|户(?![口籍型])|戶(?![口籍型])|种(?![子植类類])|種(?![子植類])|双(?![方向重手])|雙(?![方向重手])|株|亩|畝|旬(?=[男女老])|校(?![园園区區长長友服庆慶内內外])|省(?![级級委长長会會内內外份])|(?:重|轻|輕)?[死伤傷](?=$|[\s，,。！？、；]|\d|[一二两兩三四五六七八九十])|栋|幢|席(?![位卷])|斤|国(?![演杀殺志时時际際集内內外庆慶企有产產债債籍旗歌花家])|國(?![演殺志時際集內外慶企有產債籍旗歌花家])|周(?![年岁歲边邊末一二三四五五六日])|週(?![年歲邊末])|米(?![饭飯粉酒])|周年|週年|年(?![级級代底初月前後后])|日(?![报報本元军軍电電])|公分)"
)
# half of a whole: 半数 (not 半数以 ... read as part of a longer phrase), 过半/近半/逾半/超半 (not 近半年, 过半场), 一半 (not 一半天)
_ZH_HALF = re.compile(r"(?:(?:过|過|近|逾|超过|超過|超|约|約|近一|大)?半数|半數|(?:过|過|近|逾|超)一?半|一半)(?![年月日天场場程决決岛島山导導径徑夜路身边邊价價])")
# two neighbouring numerals, the second one more, are "seven or eight" (七八个国家, 两三百人, 三四十岁), not 78
_ZH_PAIR = re.compile(r"(?P<a>[二两兩三四五六七八])(?P<b>[三四五六七八九])(?P<scale>[十百千万萬亿億]?)")
_ZH_DIGIT = {"二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_SCALE = {"": 1, "十": 10, "百": 100, "千": 1000, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}


def _with_pairs(text: str, start: int, end: int, pairs: dict):
    """``numwords.chinese_runs``, but a pair of neighbouring numerals (七八, 两三百) read as its second end, its first
    kept in ``pairs`` by its start."""
    from .numwords import _ZH_RUN, zh_value

    for r in _ZH_RUN.finditer(text, start, end):
        s, e = r.span()
        if text[e : e + 1] in ("线", "線") and e - s == 2:
            continue  # 一二线城市, 三四线城市: tiers of cities, no count
        m = _ZH_PAIR.fullmatch(text, s, e)
        if m is not None and _ZH_DIGIT[m.group("b")] == _ZH_DIGIT[m.group("a")] + 1:
            scale = _ZH_SCALE[m.group("scale")]
            pairs[s] = float(_ZH_DIGIT[m.group("a")] * scale)
            yield s, e, float(_ZH_DIGIT[m.group("b")] * scale)
            continue
        value = zh_value(r.group())
        if value is not None:
            yield s, e, value


def _split_pairs(hits: list, pairs: dict) -> list:
    """A hit that starts at a pair of numerals becomes two, the first end one character long, both with its unit."""
    from .numbers import NumHit

    out = []
    for h in hits:
        if h.start in pairs:
            out.append(NumHit(h.start, h.start + 1, pairs[h.start], h.unit, None))
            out.append(NumHit(h.start + 1, h.end, h.value, h.unit, None))
        else:
            out.append(h)
    return out


# a discount written in numerals: 九折 (90% of the price), 八五折 (85%); not 一波三折 "twists and turns", 七折八扣,
# 三折叠 "tri-fold", 百折不挠
_ZH_DISCOUNT = re.compile(r"(?<![一二三四五六七八九十百千万萬两兩波几幾第])(?P<num>[一二三四五六七八九])(?P<tenth>[一二三四五六七八九])?折"
                          r"(?![扣旧舊合叠疊射腾騰算返纸紙页頁一二三四五六七八九十])")


_DISCOUNT_RANGE = re.compile(r"[-–~～至到](\d(?:\.\d)?|\d\d)折")


def _tenths(num: str) -> bool:
    return len(num) == 1 or "." in num


def _discount(num: str) -> float | None:
    """The share of the price paid, in percent, of a discount written 折 (FORMAT.md's reading of 95折: 95 percent):
    one digit is tenths (8折 80, 7.5折 75, 九折 90), two digits are hundredths (95折 95, 八五折 85)."""
    if not num or num[0] == "0":
        return None
    if len(num) == 1 or (len(num) == 3 and num[1] == "."):
        return float(Decimal(num) * 10)
    if len(num) == 2 and num.isdigit():
        return float(num)
    return None


# "三成", "7成": tenths, read as a percentage (not 一成不变, 建成, 成为)
_ZH_TENTHS = re.compile(r"(?P<num>\d(?:\.\d)?|[一二两兩三四五六七八九])成(?![为為员員长長功立就交本果绩績不型年群])")


def chinese_claims(text: str, start: int, end: int, is_blocked) -> list:
    """Chinese amounts: digits or numerals with 万/亿 scales and a unit or measure word; 百分之 percentages."""
    from .numbers import NumHit, _scaled
    from .numwords import chinese_runs, zh_value

    hits = []
    for m in _ZH.finditer(text, start, end):
        if m.start() > start and text[m.start() - 1] < "\x80" and text[m.start() - 1].isalpha():
            continue  # "Xbox360游戏", "S100售价": the digits are part of a model name
        if text[m.start() - 1 : m.start()] == "第" and m.start() > start:
            continue  # 第3站, 第5名: an ordinal
        if "." in m.group("num") and not m.group("scale") and text.startswith(("版", "新版", "正式版"), m.end("num")):
            continue  # "3.0版浏览器", "3.0新版任务系统": a version, not a quantity
        if len(m.group("num")) == 2 and m.group("num")[0] == "0" and not (m.group("scale") or m.group("unit")):
            continue  # "09国家公务员考试": the year 2009 written short, not a count
        if not (m.group("scale") or m.group("unit")) and _ZH_RANGE_NEXT.match(text, m.end()) is not None and not is_blocked(m.start("num"), m.end("num")):
            off = _DISCOUNT_RANGE.match(text, m.end())
            if off is not None and _discount(m.group("num")) is not None and _tenths(m.group("num")) == _tenths(off.group(1)):
                hits.append(NumHit(m.start(), m.end(), _discount(m.group("num")), "percent", None))  # 3-5折: both ends discounts
                continue
            hits.append(NumHit(m.start(), m.end(), _scaled(m.group("num"), None), None, None))  # "180-300平": the unit comes from the other end
            continue
        if m.group("unit") == "分" and text[max(start, m.start() - 1) : m.start()] in ("点", "點", "时", "時", ":", "："):
            continue  # "3点10分": a time of day
        noun = _counted_noun(text, m, end)
        if noun is not None and not is_blocked(m.start("num"), m.end("num")):
            hits.append(NumHit(m.start(), noun[0], _scaled(m.group("num"), m.group("scale")), noun[1], None))
            continue
        if not (m.group("scale") or m.group("unit")) or is_blocked(m.start("num"), m.end("num")):
            continue
        nxt = text[m.end() : m.end() + 1]
        if nxt and nxt in "年月日号" and not m.group("unit") or len(m.group("num")) == 4 and m.group("unit") == "年":
            continue
        if m.group("unit") == "年" and len(m.group("num")) == 2 and m.group("num")[0] == "0":
            continue  # "09年": the year 2009 (dates.py), not nine years
        unit_raw = m.group("unit")
        m_end = m.end()
        if unit_raw in ("起",) and m.group("scale"):
            unit_raw, m_end = None, m.start("unit")  # 总价480万起: "from" a price, not cases
        if unit_raw in ("个", "個", "次") and not m.group("scale"):
            continue
        if unit_raw in ("点", "點") and len(m.group("num").split(".")[0]) < 3 and not m.group("scale") and not text[
                max(start, m.start() - 1) : m.start()] in ("跌", "涨", "漲", "升", "降", "落"):
            continue  # "3点": a time of day, not index points
        if unit_raw == "折":
            value = _discount(m.group("num")) if not m.group("scale") and not m.group("approx") else None
            if value is not None and not is_blocked(m.start("num"), m.end("num")):
                hits.append(NumHit(m.start(), m.end(), value, "percent", None))
            continue
        value, stop = _scaled(m.group("num"), m.group("scale")), m_end
        unit = _zh_unit(unit_raw)
        if unit_raw in ("港仙",):
            value = value / 100
        elif unit_raw in ("套",) and _HOMES_AFTER.match(text, stop, end) is not None:
            unit = "apartments"  # 5套特价房, 推出100套房源: homes for sale, not sets
        elif unit is None and unit_raw is None and (_money_beside(text, m.start(), stop, start, end) or _bare_sum(text, m.start(), stop, start, end, m.group("scale"))):
            unit = "CNY"  # 总价230万, 3520亿非法资金, 工资29万, 盗刷近20万: an amount of money with the yuan left out
        if unit_raw in ("年", "个月", "個月", "小时", "小時") and text[stop : stop + 1] == "半":
            value, stop = value + 0.5, stop + 1  # "2年半": two and a half years
        hits.append(NumHit(m.start(), stop, value, unit, None))
    for m in _PRICE.finditer(text, start, end):
        if not is_blocked(m.start("num"), m.end("num")):
            hits.append(NumHit(m.start("num"), m.end("num"), float(m.group("num")), "CNY", None))
    pairs = {}
    for s, e, value in _with_pairs(text, start, end, pairs):
        if is_blocked(s, e) or text[s - 1 : s] == "第":
            continue
        c = _COUNTED_NOUN.match(text, e, end)
        if c is not None and (value >= 2 or any(ch in "十百千万萬亿億" for ch in text[s:e])):
            hits.append(NumHit(s, c.end(), value, _COUNTED[c.group("noun")], None))  # 两专业, 二十多位女子, 千万像素
            continue
        u = _ZH_WORD_UNIT.match(text, e)
        if u is None:
            if (value >= 10000 and e - s > 1 and any(ch in "万萬亿億" for ch in text[s:e])
                    and (_money_beside(text, s, e, start, end) or _bare_sum(text, s, e, start, end, "万"))):
                hits.append(NumHit(s, e, value, "CNY", None))  # 给男方家百万, 没有一亿, 百亿保险资金
            continue
        if (value == 1 and u.group("unit") in _DURATIONS and text[s:e] == "一" and text[s - 1 : s] not in _NOT_ONE_BEFORE
                and not text.startswith(("一度", "一次", "一届", "一屆"), u.end())):  # 一年一度: "yearly"
            half = _HALF_MORE.match(text, u.end()) is not None and u.group("unit") in _HALVED
            hits.append(NumHit(s, u.end() + half, 1.5 if half else 1.0, _zh_unit(u.group("unit")), None))  # 一天, 一年: one of a duration is a count; 一年半 1.5
            continue
        if value < 2 and not any(ch in "十百千万萬亿億" for ch in text[s:e]) and u.group("unit") not in ("死", "伤", "傷"):
            continue  # 一名, 一家: "a", not a count (一死一伤 is: one dead, one injured)
        if u.group("unit") == "年" and (value >= 1000 or any(ch in "〇零" for ch in text[s:e])):
            continue  # 二〇一八年: a year written in numerals
        if u.group("unit") in ("年", "天", "个月", "個月", "周", "週") and text[max(start, s - 2) : s].endswith(("近", "过去", "過去", "这", "這", "最近")):
            continue  # 近三年来, 过去两天: the period a statement covers, not a quantity
        if u.group("unit") == "旬":
            value *= 10  # 五旬女子: a woman in her fifties
        half = _HALF_MORE.match(text, u.end()) is not None and u.group("unit") in _HALVED and value == int(value)
        hits.append(NumHit(s, u.end() + half, value + 0.5 * half, _zh_unit(u.group("unit")), None))  # 三年半: 3.5 years
    if text.find("折", start, end) >= 0:
        for m in _ZH_DISCOUNT.finditer(text, start, end):
            if not is_blocked(m.start(), m.end()) and not text.startswith("五一", m.start()):  # 五一折上折: a May Day discount
                value = _discount(str(int(zh_value(m.group("num")))) + (str(int(zh_value(m.group("tenth")))) if m.group("tenth") else ""))
                if value is not None:
                    hits.append(NumHit(m.start(), m.end(), value, "percent", None))  # 九折, 八五折
    if pairs:
        hits = _split_pairs(hits, pairs)
    for m in _ZH_TENTHS.finditer(text, start, end):
        num = m.group("num")
        if not is_blocked(m.start(), m.end()) and (m.start() == start or not text[m.start() - 1].isdigit()) and text[m.start() - 1 : m.start()] != "第":
            value = float(Decimal(num)) if num[0].isdigit() else zh_value(num)
            if value is not None:
                hits.append(NumHit(m.start(), m.end(), value * 10, "percent", None))
    if text.find("半", start, end) >= 0:
        for m in _AND_A_HALF_ZH.finditer(text, start, end):
            num = m.group("num")
            value = float(num) if num.isdigit() else zh_value(num)
            if value is not None and not is_blocked(m.start(), m.end()):
                hits.append(NumHit(m.start(), m.end(), value + 0.5, "hours" if m.group("unit") != "月" else "months", None))  # 两个半小时 2.5 hours
        for m in _ZH_HALF.finditer(text, start, end):
            if not is_blocked(m.start(), m.end()):
                hits.append(NumHit(m.start(), m.end(), 0.5, "fraction", None))  # 半数成员, 过半, 近一半: half of a whole
    for m in _ZH_PCT.finditer(text, start, end):
        num = m.group("num")
        value = float(Decimal(num)) if num[0].isdigit() else zh_value(num)
        if value is not None:
            hits.append(NumHit(m.start(), m.end(), value, "percent", None))
    return hits


# nouns news counts after a number (and a measure word other than 名/人, which count people), with the English
# unit the labelled sets write: "25只基金" funds, "500万用户" users, "1210万像素" pixels, "10个篮板" rebounds
_COUNTED = {"专业": "majors", "應屆生": "graduates", "应届生": "graduates", "岗位": "jobs", "主题": "themes", "基金": "funds", "用户": "users", "像素": "pixels", "客人": "guests", "学生": "students", "球迷": "fans",
            "观众": "viewers", "游客": "tourists", "员工": "employees", "企业": "companies", "公司": "companies", "家庭": "households",
            "城市": "cities", "国家": "countries", "项目": "projects", "车辆": "vehicles", "汽车": "cars", "手机": "phones",
            "病例": "cases", "患者": "patients", "儿童": "children", "女子": "women", "男子": "men", "士兵": "soldiers",
            "人质": "hostages", "篮板": "rebounds", "助攻": "assists", "进球": "goals", "股票": "stocks", "合约": "contracts",
            "居民": "residents", "村民": "villagers", "农民": "farmers", "农民工": "migrant workers", "工人": "workers", "职工": "workers",
            "医生": "doctors", "护士": "nurses", "教师": "teachers", "老师": "teachers", "考生": "candidates", "毕业生": "graduates",
            "大学生": "students", "学校": "schools", "医院": "hospitals", "银行": "banks", "会员": "members", "网民": "netizens",
            "乘客": "passengers", "旅客": "passengers", "选手": "players", "球员": "players", "官员": "officials", "部门": "departments",
            "机构": "institutions", "门店": "stores", "网站": "websites", "产品": "products", "品牌": "brands", "案件": "cases",
            "事故": "accidents", "航班": "flights", "卫星": "satellites", "导弹": "missiles", "球队": "teams", "子弹": "bullets",
            "游戏": "games", "电影": "films", "影片": "films", "图书": "books", "楼盘": "projects", "房源": "homes", "住房": "homes",
            "房屋": "homes", "省份": "provinces", "地区": "regions", "村庄": "villages", "家长": "parents", "孩子": "children",
            "学生家长": "parents", "志愿者": "volunteers", "嫌疑人": "suspects", "犯罪嫌疑人": "suspects", "遇难者": "victims",
            "警察": "police officers", "民警": "police officers", "民众": "people", "民眾": "people", "军人": "soldiers", "代表": "delegates", "专家": "experts",
            "学者": "scholars", "科学家": "scientists", "运动员": "athletes", "记者": "journalists", "消费者": "consumers",
            "投资者": "investors", "股民": "investors", "客户": "customers", "车主": "car owners", "司机": "drivers", "病人": "patients",
            "学员": "trainees", "学子": "students", "研究生": "graduate students", "留学生": "students", "摄像头": "cameras",
            "金牌": "gold medals", "奖牌": "medals", "冠军": "titles", "席位": "seats", "座位": "seats", "套房": "apartments",
            "城市": "cities", "工厂": "factories", "煤矿": "coal mines", "矿工": "miners", "渔民": "fishermen", "难民": "refugees"}
_COUNTED.update({"因素": "factors", "变化": "changes", "挑战": "challenges", "问题": "problems", "任务": "tasks", "领域": "areas",
                 "行业": "industries", "措施": "measures", "举措": "measures", "原因": "reasons", "亮点": "highlights", "目标": "goals",
                 "优势": "advantages", "难题": "problems", "风险": "risks", "趋势": "trends", "看点": "highlights", "理由": "reasons",
                 "银行": "banks", "券商": "brokerages", "机场": "airports", "港口": "ports", "板块": "sectors",
                 "特点": "features", "学科": "subjects", "院校": "colleges", "学院": "colleges", "學院": "colleges", "高校": "universities", "大学": "universities",
                 "建筑": "buildings", "建筑物": "buildings", "议员": "lawmakers", "部委": "ministries", "央企": "state firms",
                 "景区": "scenic spots", "小区": "housing estates", "楼盘": "projects", "场馆": "venues",
                 "战役": "battles", "球星": "stars", "明星": "stars", "车型": "models",
                 "机型": "models", "新品": "new products", "基地": "bases", "园区": "parks", "口岸": "ports", "航线": "routes"})
# more nouns headlines count (num19: from unmarked numerals in THUCNews headlines outside every gold set and the pool;
# not 男生/女生, which follow school grades -- 初三男生, 大二女生 --, nor 技术 after a score -- 3-2曼城技术统计)
_COUNTED.update({"粉丝": "fans", "粉丝团": "fan clubs", "网友": "netizens", "歌迷": "fans", "影迷": "fans", "演员": "actors", "歌手": "singers", "导演": "directors",
                 "嘉宾": "guests", "老人": "elderly people", "家族": "families",
                 "职业": "professions", "事实": "facts", "疑问": "questions", "误区": "misconceptions",
                 "条件": "conditions", "方面": "aspects", "奖项": "awards", "大奖": "awards", "分店": "branches",
                 "电视网": "TV networks", "电视网络": "TV networks", "电视台": "TV stations", "新股": "new shares", "黄金股": "gold stocks",
                 "个股": "stocks", "国企": "state firms", "车企": "carmakers", "房企": "developers", "药企": "drugmakers",
                 "工程": "projects", "法案": "bills", "条例": "regulations", "政策": "policies", "建议": "proposals",
                 "提案": "proposals", "文件": "documents", "报告": "reports", "协议": "agreements", "合同": "contracts", "订单": "orders",
                 "专家组": "expert panels", "名校": "top schools", "中学": "middle schools", "小学": "primary schools", "幼儿园": "kindergartens",
                 "景点": "attractions", "酒店": "hotels", "餐厅": "restaurants", "商场": "malls", "超市": "supermarkets", "门票": "tickets",
                 "房间": "rooms", "航母": "aircraft carriers", "战机": "fighter jets", "客机": "airliners", "火车": "trains",
                 "列车": "trains", "船只": "ships", "渔船": "fishing boats", "坦克": "tanks", "军舰": "warships", "潜艇": "submarines",
                 "死者": "dead", "伤者": "injured", "幸存者": "survivors", "罪犯": "criminals", "歹徒": "gunmen", "劫匪": "robbers",
                 "官兵": "troops", "将军": "generals", "部长": "ministers", "市长": "mayors", "候选人": "candidates", "议席": "seats"})
# a numeral, maybe 大 ("three major ..."), a measure word and the noun: 三大挑战, 5大因素, 两家银行
# (a word of one or two characters may stand between: 两只债券基金, 5财险公司, 4保本基金 -- not a time, an ordinal, a particle
# or a measure word: 四类考生 counts kinds, 五旬女子 is an age)
_MODIFIER = r"(?:(?![年月日天号號第期个個名人次的了在是和与與及等将將已被为為中类類种種旬岁歲批届屆成倍])[\u4e00-\u9fff]){1,2}?"
_COUNTED_NOUN = re.compile(r"(?:多|余|餘)?(?:大)?(?:只|個|个|位|家|户|戶|款|部|辆|輛|支|张|張)?(?:" + _MODIFIER + r")?(?P<noun>"
                           + "|".join(sorted(_COUNTED, key=len, reverse=True)) + ")")


# 半 after a period written with a numeral is a half more (一年半, 三个月半; not 半场, 半岛)
_HALF_MORE = re.compile(r"半(?![场場岛島决決程价價数數山夜天])")
_AND_A_HALF_ZH = re.compile(r"(?<![\d第])(?P<num>\d{1,3}|[一二两兩三四五六七八九十]{1,3})[个個]半(?P<unit>小时|小時|钟头|鐘頭|月)")
_HALVED = frozenset(("年", "个月", "個月", "小时", "小時"))
_NOT_ONE_BEFORE = tuple("这這那同每某哪另统統唯任")  # 这一天 "that day", 同一年 "the same year", 每一天 "every day"
_DURATIONS = ("天", "日", "年", "个月", "個月", "小时", "小時", "周", "週", "分钟", "分鐘")
# words of money beside an amount written without 元: a price, a sum paid, raised, given or lost
_MONEY_BEFORE = re.compile(r"(?:(?<!身)价|(?<!身)價|售|优惠|優惠|送|捐|募|赚|賺|亏|虧|罚|罰|赔|賠|斥资|斥資|投资|投資|融资|融資|营收|營收|收入|利润|利潤|工资|工資|"
                           r"月薪|年薪|薪酬|薪水|学费|學費|奖金|獎金|补贴|補貼|贷款|貸款|成交额|成交額|市值|总额|總額|资金|資金|贪污|貪污|受贿|受賄|挪用|诈骗|詐騙|骗取|騙取|索赔|索賠|赔偿|賠償|获赔|獲賠)(?:[约近超逾达達仅僅共]|高达|高達|超过|超過)?$")
_MONEY_AFTER = re.compile(r"(?:非法)?(?:起(?=[购購价價售租])|[均年月]?薪|资金|資金|工资|工資|合同|奖金|獎金|现金|現金|存款|贷款|貸款|资产|資產|土地出让|土地出讓|补贴|補貼|罚款|罰款|税|稅|投入|经费|經費|预算|預算|赔偿|賠償|善款|赃款|贓款)")
# a price written in digits alone after a word of price (均价17500, 降至2368, 跌2000): yuan
_PRICE = re.compile(r"(?:均价|均價|单价|單價|售价|售價|报价|報價|总价|總價|仅售|僅售|降至|直降|跌|降价|降價|低至|优惠|優惠|起价|起價|特价|特價|开价|開價|租金|月租|促销|促銷|现价|現價)"
                    r"(?P<num>[1-9]\d{2,5})(?![\d.%％万萬亿億千元块塊年月日号點点平米个個次名人岁歲度倍折股手只台])")


_PLACES_OF_SO = frozenset(("colleges", "universities", "schools", "middle schools", "primary schools", "kindergartens", "hospitals", "top schools"))
# what 套 counts in a property headline: flats (5套特价房, 100套房源, 3套住宅; not 3套方案)
_HOMES_AFTER = re.compile(r"[^\s，,。；;！!？?]{0,4}?(?:房|住宅|公寓|别墅|別墅|住房)")
_ZH_RANGE_NEXT = re.compile(r"[-–~～至到]\d")
# a quantity word before a scaled amount: what it counts is not money (观影人数超200万, 访问量逾400万, 出货量将达2千万);
# a player's value or fee: money, in a currency the text does not say (球员身价800万)
_COUNT_BEFORE = re.compile(r"(?:人数|人口|数量|數量|量|用户|用戶|观众|觀眾|网友|網友|网民|網民|粉丝|粉絲|访问|訪問|点击|點擊|下载|下載|票数|票數|"
                           r"销量|銷量|产量|產量|库存|庫存|面积|面積|人次|游客|遊客|考生|学生|學生|员工|員工|身价|身價|转会费|轉會費)(?:[约近超逾达達仅僅共将將已]|高达|高達|超过|超過|已达|已達|突破|将达|將達)*$")
# what may follow a sum of money written without 元: the end, punctuation, a space, a bracket, or a word of money or paying
_SUM_AFTER = re.compile(r"(?:$|[\s\d，,。！？!?、；;：:（(“”\"]|[费費款投包赔賠奖獎捐罚罰税稅借贷貸买買卖賣购購有将將被的或已入用到砸建赚賺亏虧损損花换換给給存左以])")


def _bare_sum(text: str, s: int, e: int, lo: int, hi: int, scale: str | None) -> bool:
    """An amount scaled by 万/亿 with nothing counted after it and no quantity word before it is a sum of money
    (the labelled sets' reading: no currency word -> CNY): 盗刷近20万, 逆市热销2.3亿, 净省1000万."""
    if not scale or scale == "千":
        return False
    if _SUM_AFTER.match(text, e, hi) is None:
        return False
    return _COUNT_BEFORE.search(text, max(lo, s - 8), s) is None


def _money_beside(text: str, s: int, e: int, lo: int, hi: int) -> bool:
    """An amount with a scale (万, 亿) and no unit is money when a word of money stands right before or after it."""
    return _MONEY_BEFORE.search(text, max(lo, s - 4), s) is not None or _MONEY_AFTER.match(text, e, hi) is not None


def _counted_noun(text: str, m: re.Match, end: int) -> tuple[int, str] | None:
    """(end, unit) of a counted noun right after the number of ``m`` (its scale, an approximator and a
    measure word between), when ``m`` has no unit of its own or only a measure word."""
    unit_raw = m.group("unit")
    if unit_raw is None and not m.group("scale") and re.fullmatch(r"(?:19|20)\d\d", m.group("num")):
        return None  # 2018国家网络安全宣传周: a year before a name
    if unit_raw not in (None, "个", "個", "家", "项", "項", "所") or text[m.start() - 1 : m.start()] == "第":
        return None  # 名 and 人 count people whatever the noun (FORMAT.md); 第3: an ordinal
    c = _COUNTED_NOUN.match(text, m.end() if unit_raw is None else m.end("unit"), end)
    if c is None or (unit_raw is not None and c.group().startswith(("只", "個", "个", "位", "家"))):
        return None
    if unit_raw == "所" and _COUNTED[c.group("noun")] not in _PLACES_OF_SO:
        return None  # 所 counts schools and hospitals: 8所部委属高校, not 20所硕士研究生招生单位 (units that enrol students)
    return c.end(), _COUNTED[c.group("noun")]


def _zh_unit(unit_raw: str | None) -> str | None:
    from .numbers import _CURRENCY_WORD, _UNIT_NORMAL

    if not unit_raw:
        return None
    if unit_raw in ("X", "x", "×"):
        return "times"  # 15X光学变焦: a zoom's multiplier
    return _CURRENCY_WORD.get(unit_raw) or _UNIT_NORMAL.get(unit_raw)
