"""Chinese names: jieba's part-of-speech tags, the gazetteer, and how Chinese names are built.

* gazetteer aliases (simplified and traditional) are jieba user words, so known names come out
  whole and get their canonical ids;
* a person is a jieba ``nr`` word that starts with a common surname or is written in the
  characters used to transliterate foreign names (鲁尼, 内贾德), or a surname jieba split from its
  given name (汪/nr 全胜 -> 汪全胜); otherwise only next to a title, role or speech verb -- as is
  a two-character word jieba's dictionary tags nr but counts often (祝贺, 文明, 兰花);
* an organisation is a run of name words ending in an organisation word (普洱/市/思茅/区法院,
  春城/晚报, 黑龙江省/社会科学院): suffixes such as 研究院, 大学, 委员会, 公司, 法院, 日报;
* a place is a jieba ``ns`` word in the gazetteer, ending in a place suffix, or of three or
  more characters; a known place with its administrative suffix keeps the suffix (天津市).
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from .gazetteer import Gazetteer, GazMatch, has_cjk, label_of, slug
from .outlets import simplified

ZH_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石"
    "廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁"
    "岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤"
    "阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞"
    "敖巩明佘池查麻苑迟邝張劉陳楊黃趙吳週孫馬鄭謝葉蘇魏呂盧鍾譚陸範賈韋鄒龔錢嚴湯溫齊喬龐顏聶魯歐關蘭蕭"
    "傅洪赖萧郁阎贝闻谈邰鞠蔺芮储惠邸揭钮郜胥逯戈丘禹賴閻貝聞談藺儲鈕"
    "满冀廉计伏班仝茅薄荆晋鄂阙厉粟禄雍郦冼钭訾宦井尉滿鄺酈"
)


def pinyin_id(han: str, prefix: str) -> str:
    """Canonical id from Chinese characters: 张汉晖 -> person:zhang-hanhui."""
    from pypinyin import lazy_pinyin

    syl = [s if s.isascii() and s.isalpha() and s.islower() else slug(s) for s in lazy_pinyin(han) if s.strip()]  # "索尼 S2100": s2100
    syl = [s for s in syl if s]
    if not syl:
        return f"{prefix}:{slug(han) or han}"
    if prefix == "person" and len(syl) >= 2:
        return f"person:{syl[0]}-{''.join(syl[1:])}"
    return f"{prefix}:{'-'.join(syl)}"


# CLDR territory codes that name no place news writes about (the world, test and unknown regions, the
# euro area) or that the gazetteer holds as an organisation (the UN, the EU)
_NOT_TERRITORIES = frozenset("001 XA XB ZZ QO EZ UN EU".split())
# names news mostly writes for something else: 中美 and 中非 for China and the US or Africa (中美关系, 中非合作),
# 查德 (Taiwan's Chad) for a person
_AMBIGUOUS_TERRITORY_NAMES = frozenset("中美 中非 查德".split())


@lru_cache(maxsize=1)
def territory_names() -> dict[str, str]:
    """Chinese names of countries, territories and world regions (海地, 黎巴嫩, 东南亚) -> canonical id
    built from the English name (gpe:haiti, loc:southeast-asia), so a Chinese and an English story
    name the same place.  From the Unicode CLDR as the PyPI package ``babel`` (BSD-3-Clause; CLDR under
    the Unicode licence) ships it, simplified and traditional; empty without babel."""
    try:
        from babel import Locale
    except ImportError:
        return {}
    english = Locale("en").territories
    out: dict[str, str] = {}
    for loc in ("zh", "zh_Hant"):
        for code, name in Locale.parse(loc).territories.items():
            if code in _NOT_TERRITORIES or code not in english or not _HAN_ONLY.fullmatch(name) or name in _AMBIGUOUS_TERRITORY_NAMES:
                continue
            prefix = "loc" if code.isdigit() else "gpe"
            out.setdefault(name, f"{prefix}:{slug(english[code])}")
    return out


# CLDR's exemplar cities that name no place in news (research stations, the unknown city), or that news writes mostly
# for a person, a thing or a smaller place (达尔文 Darwin, 凤凰城 and 万象 in estate and mall names, 金边 "gold edge")
_NOT_CITIES = frozenset(
    "未知地点 昭和 达尔文 戴维斯 帕尔默 莫森 沃斯托克 卡塞 林德曼 道森 斯坦利 诺福克 威克 朱诺 图勒 特罗尔 罗瑟拉 乌拉尔 卡宴 朱巴 "
    "圣诞岛 复活节岛 中途岛 凤凰城 万象 金边 可可斯 开曼 下太子区 大坎普 中科雷姆斯克 大特克 剑桥湾 古斯湾 兰今湾 纳尔逊堡 "
    "圣约翰斯 斯威夫特卡伦特 瓦利斯 加那利 法罗 门多萨 奇瓦瓦 埃达克 诺姆 基洛夫 圣托马斯 圣文森特 圣路易斯 圣胡安 圣地亚哥 "
    "巴伊亚 帕劳 斯坦利 马德拉 努克 伊努维克 雷索卢特 克雷斯顿 布辛根 洛罗尼亚 依伦尼贝 科布多 帝力 甘比尔 马克萨斯 威纳马克".split())


@lru_cache(maxsize=1)
def city_names() -> dict[str, str]:
    """Chinese names of the world's cities CLDR names time zones after (巴格达, 喀布尔, 拉各斯, 温哥华) -> gpe id
    from the English name (gpe:baghdad), simplified and traditional; from ``babel`` as territory_names; empty
    without it.  Only looked up for a whole jieba word, like the territories."""
    try:
        from babel import Locale
    except ImportError:
        return {}
    english = Locale("en").time_zones
    out: dict[str, str] = {}
    for loc in ("zh", "zh_Hant"):
        for zone, names in Locale.parse(loc).time_zones.items():
            city = names.get("city")
            en = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")  # Asia/Baghdad: Baghdad
            if (not city or not en or zone.startswith(("Antarctica/", "Etc/")) or not _HAN_ONLY.fullmatch(city) or "·" in city
                    or len(city) < 2 or simplified(city) in _NOT_CITIES):
                continue
            out.setdefault(city, f"gpe:{slug(en)}")
    return out


@lru_cache(maxsize=1)
def foreign_places() -> dict[str, str]:
    """territory_names and city_names together (a territory's id wins: 新加坡, 科威特)."""
    return {**city_names(), **territory_names()}


class ChineseTagger:
    """jieba POS tagger with the gazetteer's Chinese aliases as user words.

    An explicit object (not jieba's module-level default): build it once and pass it in.
    """

    def __init__(self, gazetteer: Gazetteer):
        self._gaz = gazetteer

    @cached_property
    def _posseg(self):
        import logging

        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tok.initialize()
        total = tok.total
        for alias in self._gaz.aliases:
            if has_cjk(alias):
                tok.add_word(alias, freq=200000)
        # add_word also adds each count to the dictionary's total, which divides every other word's
        # probability by it (~2,000 aliases: 7.5 times): jieba then prefers fewer, longer words and cuts
        # names it finds with the plain dictionary (歌手/黎础宁/为 became 黎础/宁为).  The aliases keep their
        # own high counts; the total stays the dictionary's.
        tok.total = total
        return _pos_tokenizer(tok)

    def common_two(self, w: str) -> bool:
        """A two-character word jieba's dictionary holds as a person (nr) that is most often an
        ordinary word there (祝贺, 文明, 兰花, 胡来: its nr tags are noisy)."""
        return len(w) == 2 and self._posseg.tokenizer.FREQ.get(w, 0) >= COMMON_TWO_FREQ

    def freq(self, w: str) -> int:
        """The word's count in jieba's dictionary (0 when it lacks the word)."""
        return self._posseg.tokenizer.FREQ.get(w, 0) or 0

    def known(self, w: str) -> bool:
        """The word is in jieba's dictionary (not a word its HMM made up from unknown characters),
        also when written in traditional characters (來源: 来源)."""
        freq = self._posseg.tokenizer.FREQ
        return freq.get(w, 0) > 0 or (not w.isascii() and freq.get(simplified(w), 0) > 0)

    def county(self, w: str) -> bool:
        """A two-character word jieba's dictionary also holds, as a place, with an administrative
        suffix (益阳 -> 益阳市, 昭通 -> 昭通市, 宁德 -> 宁德市): the bare name of a city, county or
        district, as news writes it; words of another tag need to be rare there (平安 -> 平安县,
        和平 -> 和平区 are ordinary words)."""
        if len(w) != 2:
            return False
        tab = self._posseg.word_tag_tab
        if not any(tab.get(w + suf) == "ns" for suf in "市县区"):
            return False
        freq = self._posseg.tokenizer.FREQ.get(w, 0)
        return freq < (COUNTY_FREQ_NS if tab.get(w) == "ns" else COUNTY_FREQ)

    def tag_of(self, w: str) -> str | None:
        """The part-of-speech tag jieba's dictionary gives the word (None when it lacks it)."""
        return self._posseg.word_tag_tab.get(w)

    def tag(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, flag) of every word in text[start:end]."""
        out = []
        pos = start
        for pair in self._posseg.cut(text[start:end], HMM=True):
            w, flag = pair.word, pair.flag
            out.append((pos, pos + len(w), flag))
            pos += len(w)
        return out


# jieba dictionary count from which a two-character nr word needs a person cue (a title, role or
# speech verb) beside it (chosen on dev + seeds: 5 and 20 also cut a real name, 500 fewer false ones)
COMMON_TWO_FREQ = 50
# jieba dictionary count of a three-character nr word's first two characters from which they are a common word of their
# own (黄金 in 黄金周, 高中 in 高中生): the word is then no name unless something says "person"
COMMON_HEAD_FREQ = 1000
# jieba dictionary counts below which a county name (ChineseTagger.county) reads as a place: any tag,
# and jieba's own place tag (平原, 高原, 东北 count in the thousands)
COUNTY_FREQ = 300
COUNTY_FREQ_NS = 3000
# tags of words re-read as a county name (ChineseTagger.county): a name's, not a plain noun's (双城展
# "a two-city show": 双城/n is also 双城市)
_COUNTY_FLAGS = ("nr", "nrt", "nrfg", "nz")


def _pos_tokenizer(tok):
    """``jieba.posseg.POSTokenizer(tok)`` sharing the word -> tag table that importing
    ``jieba.posseg`` has already read (its module-level tagger reads jieba's dictionary at import:
    350,000 entries, 42 MB; a second copy for this tagger cost as much again and 0.35 s).  The
    gazetteer's aliases are added to ``tok`` without tags, so nothing writes to the shared table;
    a tokenizer on another dictionary reads its own."""
    import jieba.posseg

    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tok
    if tok.dictionary == jieba.posseg.dt.tokenizer.dictionary:
        pos.word_tag_tab = jieba.posseg.dt.word_tag_tab
    else:
        pos.load_word_tag(tok.get_dict_file())
    return pos


def chinese_candidates(text: str, s0: int, e0: int, gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """Entity candidates in the Han runs of ``text[s0:e0]`` (see the module docstring)."""
    from .entities import resolve_overlaps
    from .zh_bodies import government_bodies
    from .zh_context import (japanese_names, club_short_names, clubs_by_context, colon_heads, hosted_events, estates_before_sales, fund_house_names, prize_names, word_brands, companies_by_kind, country_organs, named_by_context, places_by_kind, estates_before_homes,
                             estates_after_districts, developer_joined_estates, facility_names, joined_foreign_names, kind_word_names, latin_names,
                             law_names, model_products, people_after_roles, short_names_before_shares, short_names_in_markets, stock_names)

    out: list[GazMatch] = book_titles(text, s0, e0, gaz)
    out += [GazMatch(m.start(), m.end(), pinyin_id(m.group(), "event"), "EVENT") for m in _PLENUM.finditer(text, s0, e0)]
    all_words: list[tuple[int, int, str]] = []
    stocks: list[GazMatch] = []
    for m in _HAN_ONLY.finditer(text, s0, e0):
        rs, re_ = m.span()
        if re_ - rs < 2:
            continue
        realty = _realty_line(text, rs, re_, s0, e0)
        words = _full_names_as_people(text, tagger.tag(text, rs, re_), tagger)
        words = _demote_common_two(text, words, rs, re_, tagger)
        words = [(s, e, "ns" if (f in _COUNTY_FLAGS or _plain_county_opening(text, s, e, f, rs, tagger)) and tagger.county(text[s:e])
                  and not _person_context(text, s, e, rs, re_) and not _dotted_part(text, s, e) else f)
                 for s, e, f in words]  # 宁德/nr, 昭通/nz: the bare name of a city or county; 顺义/n opening a headline
        words = _counties_after_provinces(text, words, tagger)
        words = _join_place_government(text, words, gaz)
        listed = stock_names(text, words, rs, re_, gaz)
        if listed:  # a name before its stock code is that company, whatever else the words read as
            out = [c for c in out if c.end <= listed[0].start or c.start >= listed[0].end]
            stocks += listed
        out += short_names_before_shares(text, words, rs, gaz, tagger)
        out += short_names_in_markets(text, words, rs, gaz, tagger)
        out += government_bodies(text, words, gaz, tagger)
        out += _org_chains(text, words, gaz, tagger)
        out += fund_house_names(text, words, gaz)
        out += prize_names(text, words, gaz, tagger)
        out += kind_word_names(text, words, gaz, tagger)
        out += _suffix_names(text, words, gaz)
        out += _split_names(text, words, re_, tagger)
        out += compound_surname_names(text, words, tagger)
        out += japanese_names(text, words, gaz, tagger)
        out += _cut_given_names(text, words, gaz, tagger)
        out += _dotted_names(text, words, gaz)
        out += _transliterated_people(text, words, gaz, tagger)
        out += regnal_names(text, words, gaz, tagger)
        out += country_abbreviations(text, words, gaz, tagger)
        out += people_after_roles(text, words, gaz, tagger)
        out += country_organs(text, words, gaz)
        out += estates_before_homes(text, words, rs, gaz, tagger)
        out += estates_after_districts(text, words, rs, gaz, tagger, realty)
        out += estates_before_sales(text, words, rs, gaz, tagger, realty)
        out += facility_names(text, words, gaz, tagger)
        out += law_names(text, words, gaz)
        out += colon_heads(text, words, rs, re_, gaz, tagger)
        out += named_by_context(text, words, rs, re_, gaz, tagger)
        out += places_by_kind(text, words, rs, re_, gaz, tagger)
        out += companies_by_kind(text, words, rs, gaz, tagger)
        all_words += words
        for k, (s, e, flag) in enumerate(words):
            hit = _word_candidate(text, s, e, flag, rs, re_, gaz, tagger)
            if hit is not None and not (realty and hit.label == "PERSON" and _estate_part(text, s, e, flag, rs, re_, gaz, tagger)) \
                    and not (hit.label == "ORG" and _opens_guessed_place(text, words, k, tagger)):
                out.append(hit)
    # Aliases mixing Han and other characters ("香港01") never come out of the Han-only runs.
    out += [g for g in gaz.scan_cjk(text, s0, e0) if not _HAN_ONLY.fullmatch(text, g.start, g.end)]
    out += word_brands(text, all_words, s0, e0, gaz)
    out += developer_joined_estates(text, all_words, gaz, tagger)
    out += model_products(text, out, e0)
    out += latin_names(text, s0, e0, out, gaz)
    if stocks:
        out = stocks + [c for c in out if all(c.end <= st.start or c.start >= st.end for st in stocks)]
    out += joined_foreign_names(text, all_words, gaz, tagger)
    clubs = club_short_names(text, all_words, s0, e0, out, gaz)
    if clubs:  # a club's word is the club, not the person jieba read in it (蓝军/nr: the surname 蓝)
        out = [c for c in out if all(c.end <= k.start or c.start >= k.end for k in clubs)] + clubs
    out.sort(key=lambda c: (c.start, -(c.end - c.start)))
    return _found_again(text, s0, e0, hosted_events(text, clubs_by_context(text, _listed_not_people(text, resolve_overlaps(out), gaz), gaz)))


# what follows a listed company's name in market news and never a person's: its share price, its trading, its results
_MARKET_AFTER = re.compile(r"(?:盘中|盤中|股价|股價|市值|开盘|開盤|收盘|收盤|净利|淨利|营收|營收|财报|財報|季报|季報|年报|年報|股票|股东|股東|"
                           r"(?:\d季度|第[一二三四]季度|[一二三四]季度)|涨幅|漲幅|跌幅|大涨|大漲|大跌|暴跌|暴涨|暴漲|跌停|涨停|漲停|上市|挂牌|掛牌)")


def _listed_not_people(text: str, kept: list[GazMatch], gaz: Gazetteer) -> list[GazMatch]:
    """A foreign name (most characters transliteration characters) read as a person, jieba's guess and no list's, but
    followed by what only a listed company has (麦考林/盘中, 麦德龙/股票, 诺华/股价): the company (not 张菲/股票, a
    Chinese name: her shares)."""
    out = []
    for c in kept:
        if (c.label == "PERSON" and c.canonical.startswith("person:") and 2 <= c.end - c.start <= 5 and _MARKET_AFTER.match(text, c.end)
                and sum(ch in _TRANSLIT for ch in text[c.start : c.end]) >= 0.6 * (c.end - c.start) and gaz.lookup(text[c.start : c.end]) is None):
            c = GazMatch(c.start, c.end, pinyin_id(text[c.start : c.end], "org"), "ORG")
        out.append(c)
    return out


_AGAIN_LABELS = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "EVENT"})


def _found_again(text: str, s0: int, e0: int, kept: list[GazMatch]) -> list[GazMatch]:
    """A name found once in the story (beside a role, a speech verb, a kind word) is that name wherever else
    the story writes it, where nothing else was found (周立波 after 作家, then 周立波 alone): people of two
    characters or more, organisations, facilities, products and events of three or more."""
    from .entities import resolve_overlaps

    seen: dict[str, GazMatch] = {}
    for c in kept:
        n = c.end - c.start
        if c.label in _AGAIN_LABELS and (n >= 3 or (n == 2 and c.label == "PERSON")) and _HAN_ONLY.fullmatch(text, c.start, c.end):
            seen.setdefault(text[c.start : c.end], c)
    if not seen:
        return kept
    taken = {(c.start, c.end) for c in kept}
    extra = []
    for w, c in seen.items():
        p = text.find(w, s0, e0)
        while p >= 0:
            if (p, p + len(w)) not in taken:
                extra.append(GazMatch(p, p + len(w), c.canonical, c.label))
            p = text.find(w, p + len(w), e0)
    return resolve_overlaps(kept + extra) if extra else kept


# a county or district name jieba tags as a plain noun (顺义/n, 房山/n, 大兴/b) is the place when it opens a clause
# and is rare in jieba's dictionary; these plain nouns are also county names (外省, 灯塔) and stay nouns
PLAIN_COUNTY_FREQ = 200
_PLAIN_NOUN_COUNTIES = frozenset("外省 老城 灯塔 麒麟 百强 草坪 双桥 高台 石棉 新民 爱民 富民 政和 民和 板桥 海盐 天台 城厢 三水 樟树 磐石 铜鼓 大厂".split())


def _dotted_part(text: str, s: int, e: int) -> bool:
    """The word is joined to the next or the one before by the interpunct: part of a foreign name (乔治·华盛顿大学,
    not 乔治 the county name of 乔治市)."""
    return text[e : e + 1] == "·" or (s > 0 and text[s - 1] == "·")


def _plain_county_opening(text: str, s: int, e: int, f: str, rs: int, tagger: ChineseTagger) -> bool:
    return (f in ("n", "b") and (s == rs or text[s - 1] in " \u3000") and tagger.freq(text[s:e]) < PLAIN_COUNTY_FREQ
            and text[s:e] not in _PLAIN_NOUN_COUNTIES)


def _full_names_as_people(text: str, words: list[tuple[int, int, str]], tagger: ChineseTagger) -> list[tuple[int, int, str]]:
    """jieba's ``nrfg`` words (full names its dictionary holds: 梁咏琪, 杨澜, 郑裕彤, 伍皓) read as its person tag ``nr``
    when they have a person's shape: two or three characters opening with a common surname, not after a digit (21/万自建
    is 210,000 self-built).  The person rules then weigh them as any name jieba tags (a common word, a title beside it)."""
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(words):
        s, e, f = words[k]
        k += 1
        if f == "nrfg" and 2 <= e - s <= 3 and text[s] in ZH_SURNAMES and not (s > 0 and text[s - 1].isdigit()):
            if text[s] in _ADVERB_SURNAMES and e - s == 2 and tagger.freq(text[s:e]) == 0:
                out.append((s, e, f))
                continue  # 曾/飙: "once soared", a word jieba's model made up, not 曾 the surname
            f = "nr"
            if e - s == 2 and k < len(words) and words[k][1] - words[k][0] == 1 and words[k][2] in _GIVEN_CUT_FLAGS:
                e = words[k][1]  # 谭咏/麟, 李家/鼎: the given name's last character, which jieba cut off
                k += 1
        out.append((s, e, f))
    return out


# surnames that are also adverbs or prepositions opening a clause's verb (曾 once, 向 towards)
_ADVERB_SURNAMES = frozenset("曾向于和连同")
# tags of a one-character word after a full name of two characters that make it the name's last character (麟/ng, 昌/nr)
_GIVEN_CUT_FLAGS = ("ng", "nr", "nrfg", "i")


def _demote_common_two(text: str, words: list[tuple[int, int, str]], rs: int, re_: int, tagger: ChineseTagger) -> list[tuple[int, int, str]]:
    """A two-character word jieba tags as a person but counts often (ChineseTagger.common_two: 祝贺, 文明)
    is a plain word unless something says "person": a title, role or speech verb beside it, a dotted
    name (马丁·路德·金), or another person's name after it (成龙李连杰, 王刚PK刘威)."""
    out = []
    for k, (s, e, f) in enumerate(words):
        if (f in _PERSON_FLAGS and tagger.common_two(text[s:e]) and not _person_context(text, s, e, rs, re_)
                and "·" not in text[max(rs, s - 1) : e + 1] and not _beside_person(text, words, k, tagger)):
            f = "n"
        out.append((s, e, f))
    return out


def _beside_person(text: str, words: list[tuple[int, int, str]], k: int, tagger: ChineseTagger) -> bool:
    """Word k has a person's name right after it (成龙/李连杰: three characters), or before or after it with
    "PK" or "VS" between (two or three): a name jieba tags nr, opening with a common surname, that is no
    common word itself.  Not a name right before it: what follows a name is mostly what it does or has
    (章子怡/沙滩, 孔蒂/盛赞, 校长/从政)."""
    for j in (k + 1, k - 2, k + 2):
        if not 0 <= j < len(words) or (abs(j - k) == 2 and text[words[(j + k) // 2][0] : words[(j + k) // 2][1]].upper() not in ("PK", "VS")):
            continue
        s, e, f = words[j]
        if f == "nr" and (e - s == 3 or (e - s == 2 and j != k + 1)) and text[s] in ZH_SURNAMES and not tagger.common_two(text[s:e]):
            return True  # right after it, three characters: two could be a verb jieba tags nr (明星/齐聚)
    return False


# China's provinces and regions as news writes them before a county or city in it (广东陆丰, 浙江省温岭)
_PROVINCES = frozenset(
    "河北 山西 辽宁 遼寧 吉林 黑龙江 黑龍江 江苏 江蘇 浙江 安徽 福建 江西 山东 山東 河南 湖北 湖南 广东 廣東 海南 四川 贵州 貴州 云南 雲南 "
    "陕西 陝西 甘肃 甘肅 青海 台湾 臺灣 台灣 内蒙古 內蒙古 广西 廣西 西藏 宁夏 寧夏 新疆".split())


def _counties_after_provinces(text: str, words: list[tuple[int, int, str]], tagger: ChineseTagger) -> list[tuple[int, int, str]]:
    """The bare name of a county or city right after its province is that place whatever jieba's tag (广东/陆丰/n,
    河北/固安): a word ChineseTagger.county knows, not a verb or a word of function."""
    out = list(words)
    for k in range(1, len(words)):
        ps, pe, _ = words[k - 1]
        s, e, f = words[k]
        if (f != "ns" and pe == s and f[:1] in "njab" and text[ps:pe].removesuffix("省") in _PROVINCES and tagger.county(text[s:e])):
            out[k] = (s, e, "ns")
    return out


def _opens_guessed_place(text: str, words: list[tuple[int, int, str]], k: int, tagger: ChineseTagger) -> bool:
    """Word k runs straight into a place name jieba guessed (a word its dictionary lacks, tagged ns): the company's
    name opens the name of what it built or runs there (旭辉/奥都店, a branch named by the estate), not the company."""
    if k + 1 >= len(words) or words[k + 1][0] != words[k][1]:
        return False
    s, e, f = words[k + 1]
    return f == "ns" and e - s >= 2 and not tagger.known(text[s:e]) and text[s] not in _COUNT_OPENERS  # 北约/五国: a count


_COUNT_OPENERS = frozenset("一二两兩三四五六七八九十百千万萬几幾多数數各诸諸")


def _join_place_government(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """A known place and the government word after it as one word, as jieba's dictionary cuts
    most of them ("浙江/省委" -> 浙江省委, "台湾/当局" -> 台湾当局): the place stays the place."""
    out: list[tuple[int, int, str]] = []
    for w in words:
        if out and out[-1][1] == w[0] and _known_place_with_suffix(text[out[-1][0] : w[1]], gaz) and gaz.lookup(text[out[-1][0] : out[-1][1]]):
            out[-1] = (out[-1][0], w[1], "ns")
        else:
            out.append(w)
    return out


# the longest line read as a headline about homes for sale (a paragraph of an article is not one)
REALTY_LINE_CHARS = 80


def _realty_line(text: str, rs: int, re_: int, s0: int, e0: int) -> bool:
    """The line holding ``text[rs:re_]`` is short and about homes for sale (see zh_context._REALTY_CUE)."""
    from .zh_context import _REALTY_CUE

    ls = text.rfind("\n", s0, rs) + 1 or s0
    le = text.find("\n", re_, e0)
    le = e0 if le < 0 else le
    return le - max(ls, s0) <= REALTY_LINE_CHARS and _REALTY_CUE.search(text, max(ls, s0), le) is not None


def _estate_part(text: str, s: int, e: int, flag: str, rs: int, re_: int, gaz: Gazetteer, tagger: ChineseTagger) -> bool:
    """In a headline about homes for sale, a rare word jieba tags as a person before the word of an estate, an area or a
    station (汤泉/nr 墅, 丽泽/nr 商圈, 金竹/nr 首府, 霍营/nr 站), with nothing beside it that says "person" (a title, a speech
    verb, a colon), is a part of that name.  A person's house stays a person's (郭德纲/别墅)."""
    if flag not in _PERSON_FLAGS or gaz.lookup(text[s:e]) is not None or _person_context(text, s, e, rs, re_):
        return False
    return tagger.freq(text[s:e]) < COMMON_TWO_FREQ and _ESTATE_WORD_AFTER.match(text, e) is not None


# what follows a word of an estate's or an area's name (汤泉/墅, 丽泽/商圈, 金竹/首府); a person's house is 别墅 (郭德纲别墅)
_ESTATE_WORD_AFTER = re.compile(r"墅(?!区)|商圈|首府|公馆|公館|花园|花園|家园|家園|小区|小區|社区|社區|新城|国际|國際|公寓|大厦|大廈|[苑郡站]")


def _common_halves(w: str, tagger: ChineseTagger) -> bool:
    """``w`` opens and ends with words jieba's dictionary counts often and holds as no place or body (成人 | 高考, 热烈 |
    祝贺: its person tags of common words are noisy)."""
    return all(tagger.freq(h) >= COMMON_HALF_FREQ and tagger.tag_of(h) not in ("ns", "nt", "nz", "j", None) for h in (w[:2], w[-2:]))


COMMON_HALF_FREQ = 300  # 祝贺 560, 热烈 1963; 克什 (克什米尔) 10


# names the lists hold that jieba also joins out of a verb and the next word's first character (推 | 特价房 read as
# 推特 Twitter): the characters after which the word is not that name
_ALIAS_NOT_BEFORE = {"推特": "价價惠"}


def _word_candidate(text: str, s: int, e: int, flag: str, rs: int, re_: int, gaz: Gazetteer, tagger: ChineseTagger) -> GazMatch | None:
    w = text[s:e]
    if w in _ALIAS_NOT_BEFORE and e < len(text) and text[e] in _ALIAS_NOT_BEFORE[w]:
        return None  # 推特/价房, 推特/惠: "launches special-price flats", not Twitter
    canonical = gaz.lookup(w) or foreign_places().get(w)
    if not canonical and _known_place_with_suffix(w, gaz):  # "深圳市政府", "浙江省": one jieba word
        suf = _ZH_PLACE_SUFFIX.search(w)
        admin = _ZH_ADMIN.match(w, suf.start())
        canonical, e = gaz.lookup(w[: suf.start()]), s + (admin.end() if admin else suf.start())
    if canonical:
        if canonical.startswith("org:"):
            suf = _ZH_COMPANY_SUFFIX.match(text, e, re_)  # "比亚迪股份有限公司": the full company name
            e = suf.end() if suf else e
        elif canonical.startswith("product:") and (seq := _SEQUEL.match(text, e)) is not None:
            e = seq.end()  # 最终幻想13, 魔兽争霸3: the product and its number in the series
        return GazMatch(s, e, canonical, label_of(canonical))
    if flag in _PERSON_FLAGS and 2 <= len(w) <= 3 and not _person_context(text, s, e, rs, re_) and (
            any(tagger.tag_of(w + suf) == "ns" for suf in "区市县") or (len(w) == 2 and w[1] in _PLACE_LAST and tagger.freq(w) < PLACE_LAST_FREQ)):
        # 石景山/nr is 石景山区, 黄村/nr a village, 亦庄/nr (9 in jieba's dictionary) a town: a place, not a person
        return GazMatch(s, e, pinyin_id(w, "gpe"), "GPE")
    if (flag in _PERSON_FLAGS and len(w) == 3 and tagger.known(w) and tagger.tag_of(w[:2]) not in _PERSON_FLAGS + ("nz", None)
            and tagger.freq(w[:2]) >= COMMON_HEAD_FREQ and w[:2] != "王国" and not all(ch in _TRANSLIT for ch in w)
            and not _person_context(text, s, e, rs, re_)):
        return None  # 黄金周, 高中生: a word of jieba's dictionary tagged nr that opens with a common word is that word's compound
        # (王国 is the exception: 王国华, 王国强 are names)
    if flag in _PERSON_FLAGS and len(w) == 2 and w[1] in _UNKNOWN_PLACE_LAST and not tagger.known(w) and not _person_context(text, s, e, rs, re_):
        return None
    if flag == "ns" and len(w) == 4 and w[-1] not in _PLACE_END_CHARS and tagger.freq(w) < COMMON_TWO_FREQ:
        place = gaz.lookup(w[:2]) or foreign_places().get(w[:2])
        if place and place.startswith(("gpe:", "loc:")) and tagger.known(w[2:]) and tagger.tag_of(w[2:]) not in _NAME_TAGS:
            return GazMatch(s, s + 2, place, label_of(place))  # 北京自考/ns: the place and a word after it (自考)
    if flag == "ns" and len(w) >= 4 and w[-1] not in _PLACE_END_CHARS and _common_halves(w, tagger):
        return None  # 成人高考/ns, 特大城市/ns: jieba's dictionary holds compounds of two common words as places
    if (4 <= len(w) <= 6 and w.endswith(_COMPANY_KIND_ENDS) and flag in ("l", "n", "nz", "i") and tagger.known(w)
            and tagger.freq(w) < RARE_COMPANY_WORD_FREQ and w[:2] not in _KIND_OPENERS
            and (tagger.freq(w[:2]) < COMMON_HEAD_FREQ or tagger.tag_of(w[:2]) in _NAME_TAGS)):
        return GazMatch(s, e, _known_company(w, gaz) or pinyin_id(w, "org"), "ORG")  # 电广传媒/l: a rare dictionary word ending in a company's kind word
    if flag in _PERSON_FLAGS and len(w) == 2 and w[0] == "阿" and w[1] not in _NOT_GIVEN_SECOND and not tagger.known(w):
        return GazMatch(s, e, pinyin_id(w, "person"), "PERSON")  # 阿娇, 阿杜: a name called with 阿 (阿姨, 阿婆 are dictionary words)
    if flag == "ns" and w[-1] == "店" and not tagger.known(w):
        return None  # 奥都店/ns, 中关村店: a shop or a branch named by where it is, a guess jieba's dictionary lacks
    if flag == "ns" and 3 <= len(w) <= 5 and all(ch in _TRANSLIT for ch in w) and _person_context(text, s, e, rs, re_):
        flag = "nr"  # a foreign name jieba's dictionary holds as a place, with a title or speech verb beside it: 总统/奥巴马, 奥巴马/称
    if 2 <= len(w) <= 12 and flag in ("nr", "ns", "nt") and (_zh_guess_ok(text, s, e, flag, rs, re_) or (flag == "ns" and tagger.county(w))):
        prefix = {"nr": "person", "ns": "gpe", "nt": "org"}[flag]
        return GazMatch(s, e, pinyin_id(w, prefix), {"nr": "PERSON", "ns": "GPE", "nt": "ORG"}[flag])
    return None


# a number in a series right after a product's name (最终幻想13, 魔兽争霸3, 使命召唤II): one or two digits or a Roman
# numeral that no more digits or a unit follow (星际争霸12周年, 魔兽世界3月 are a count and a date)
_SEQUEL = re.compile(r"(?:\d{1,2}|II|III|IV)(?![\d年月日号號万萬亿億%％个個周週岁歲天次部款])")


# the last character of a place's name of four or more characters (a jieba place guess needs one)
_PLACE_END_CHARS = frozenset("省市县縣区區州镇鎮乡鄉村庄莊屯山河湖海江岛島湾灣港洲亚亞国國城门門关關坡口峡峽原岭嶺峰谷台滩灘洋川道岸林宫宮寺园園")
_ZH_ADMIN = re.compile(r"特别行政区|特別行政區|自治区|自治區|市|省|县|縣|区|區")
_ZH_ORG_END = re.compile(
    r"(?:法院|检察院|檢察院|区委|區委|市委|省委|县委|縣委|研究院|研究所|研究中心|科学院|科學院|大学|大學|学院|學院|委员会|委員會|"
    r"银行|銀行|公司|集团|集團|协会|協會|学会|學會|联合会|聯合會|红十字会|紅十字會|基金会|基金會|日报|日報|晚报|晚報|时报|時報|"
    r"电视台|電視台|通讯社|通訊社|新闻社|新聞社|俱乐部|俱樂部|医院|醫院|办公室|辦公室|法庭|研究会|研究會|组织|組織|机构|機構|部|局|厅|廳|署)$"
)
# organisation words after which plain words belong to the name when a place or a body opens it (上海/生命科学/研究院,
# 清华大学/公共/管理/学院, 中国食品工业协会/坚果/炒货/专业/委员会), and the tags of those plain words and of that opener
_ZH_STRONG_ORG_END = re.compile(r"(?:研究院|研究所|研究中心|科学院|科學院|大学|大學|学院|學院|委员会|委員會|协会|協會|学会|學會|联合会|聯合會|基金会|基金會|"
                                r"研究会|研究會|法庭|组织|組織|机构|機構)$")
_PLAIN_IN_ORG = ("l", "vn", "b", "v", "a")
_ORG_OPENER_FLAGS = ("ns", "nt", "nz", "j")
# words opening a jieba organisation word that name a kind of body, not one (外资银行, 国有银行, 商业银行)
_KIND_OPENERS = ("外资", "中资", "国有", "民营", "商业", "股份制", "政策性", "中小", "部分", "驻华", "驻港", "驻京", "驻沪", "非政府")
# organisation words that end the names of many kinds of body as well (研究机构, 恐怖组织): plain words before them
# describe a kind even after a place
_WEAK_ORG_ENDS = ("组织", "組織", "机构", "機構")
# tags of the plain words that, common in jieba's dictionary, only describe the kind of an organisation before its word
# (顶尖/n 大学, 全资/n 子公司, 私人/n 电视台); their count from which they do (顶尖 183, 全资 69)
_PLAIN_FLAGS = ("n", "a", "b", "vn", "v", "an", "d")
PLAIN_ORG_WORD_FREQ = 50
_NAME_TAGS = ("nr", "nrt", "ns", "nt", "nz", "j", None)
# plain words that open the names of international and national bodies (国际/刑事法庭, 全国/总工会), not a description
_SCOPE_WORDS = frozenset("国际 國際 世界 全国 全國 中华 中華 全球 国家 國家 亚洲 亞洲 欧洲 歐洲 联合国 聯合國".split())
# a whole dictionary word ending in a strong organisation word this rare is a name (对外经贸大学 7)
RARE_ORG_WORD_FREQ = 100
# ... and a company's kind word (电广传媒 2; 大众传媒, 高新科技 are common)
RARE_COMPANY_WORD_FREQ = 20
_COMPANY_KIND_ENDS = ("传媒", "傳媒", "科技", "股份", "控股", "地产", "地產", "置业", "置業", "药业", "藥業", "证券", "證券", "实业", "實業")
# two-character words ending in 部/局/厅/署 that end an organisation's name (国家/体育/总局, 公安局/某某/分局)
_TWO_CHAR_ORG_ENDS = frozenset("总局 分局 支局 警局 支部 党部 黨部 公署 警署".split())
_NAME_FLAGS = ("ns", "nt", "nz", "nr", "n", "j", "nrt", "eng")
_NOT_IN_NAME = frozenset("我们 他们 这个 这些 那些 有关 相关 当地 国家 地方 政府 全国 各地 记者 本报 该 其 原 新 前".split()) | frozenset(
    "部分 多家 各大 一些 其他 其它 主要 大型 中小 外资 中资 国有 民营 商业 股份制 政策性 非政府".split())  # a kind of body: 部分/银行, 外资银行
_TRANSLIT = frozenset(
    "阿埃艾安奥巴拜贝本比彼波伯布查达戴丹德迪蒂杜多厄恩尔法菲费芬弗福盖冈戈格古圭哈海汉赫亨胡霍基吉加贾杰金卡凯坎康"
    "柯科克肯库奎拉莱赖兰朗劳勒雷里利莉林琳卢鲁伦罗洛马玛迈麦曼梅门蒙米明莫默姆穆纳娜奈内妮尼纽努诺欧帕佩彭皮珀普奇乔切"
    "琼萨塞桑森沙尚舍施什斯苏索塔泰坦汤特提托瓦威韦维温沃乌伍西希谢辛休雅亚扬耶伊因尤约泽扎詹兹佐顿夫娃娅莎丝茨"
    "隆墨齐瓜登鲍翰蕾丽露黛芙茜薇贡豪绍瑟斐赞祖灵"
)


# people named by what they are or do, which stand before a body's name but are no part of it (秘鲁总统/要求/耶鲁大学)
_PEOPLE_WORDS = tuple("总统 總統 总理 總理 主席 首相 部长 部長 市长 市長 省长 省長 局长 局長 院长 院長 校长 校長 教授 博导 博導 博士 "
                          "学生 學生 男生 女生 大学生 研究生 医生 醫生 护士 護士 记者 記者 网友 網友 市民 村民 农民 農民 工人 民工 男子 女子 "
                          "老人 儿童 兒童 家长 家長 考生 律师 律師 专家 專家 学者 學者 官员 官員 员工 員工 职工 職工 议员 議員 股民 球迷 歌迷".split())


def _org_chains(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """Organisation names built from jieba words: name words, then an organisation word."""
    out = []
    for j, (s, e, flag) in enumerate(words):
        if _ZH_ORG_END.search(text, s, e) is None or _known_place_with_suffix(text[s:e], gaz):
            continue  # "浙江省委", "台湾当局": a known place and its government stay the place (cross-language ids)
        if e - s == 2 and text[e - 1] in "部局厅廳署" and text[s:e] not in _TWO_CHAR_ORG_ENDS:
            continue  # "全部", "格局", "餐厅", "部署": two-character words ending so are ordinary words
        k = j
        has_place = False
        strong = _ZH_STRONG_ORG_END.search(text, s, e) is not None
        plain = []  # the words of a kind other than a name's (生命科学/l, 公共/b 管理/vn) taken into the chain
        whole = flag == "nt" and e - s >= 3  # a body jieba's dictionary holds whole (耶鲁大学, 卫生局): no verb opens it
        while k > 0 and j - k < 4:
            ps, pe, pf = words[k - 1]
            w = text[ps:pe]
            extra = strong and pf in _PLAIN_IN_ORG and pe - ps >= 2
            if not (pf in _NAME_FLAGS or w in "市省区县" or extra) or w in _NOT_IN_NAME or (pf == "n" and len(w) < 2 and w not in "市省区县"):
                break
            if (whole and pf == "v") or w.endswith(_PEOPLE_WORDS):
                if whole:
                    k = j  # 博导/投师/四川大学: what a person does to a body is no part of its name either
                break  # 秘鲁/总统/要求/耶鲁大学, 北科大/男生/抢银行: a person or what one does is no part of a body's name
            if extra and pf not in _NAME_FLAGS:
                plain.append(k - 1)
            if k < j and pf == "ns" and (has_place or (len(w) >= 3 and w[-1] in "省市")) and text[words[k][0] : words[k][1]] not in "市省区县":
                break  # "安徽/黄山市/黄山/区委", "云南/普洱/市/红十字会": the organisation starts after the wider place
            has_place = has_place or pf == "ns"
            k -= 1
        if plain and words[k][2] not in _ORG_OPENER_FLAGS:
            k = max(plain) + 1  # plain words need a place or a body before them (清华大学/公共/管理/学院; not 公共/管理/学院)
        if (j - k >= 2 or (j - k == 1 and e - s >= 4)) and text[s:e].endswith(_COMPANY_ENDS) and text[words[k][0] : words[k][1]] in territory_names():
            k += 1  # 英国/斯芬克斯/公司, 美国/苹果公司: a country before a company's name says where it is from, no part of the name
        elif j - k == 1 and text[s:e] in _COMPANY_ENDS and text[words[k][0] : words[k][1]] in territory_names():
            continue  # 中国/公司, 美国/公司: companies of a country, none named
        standalone = k == j and flag in ("nt", "nz") and e - s >= 3 and not text.startswith(_KIND_OPENERS, s, e)
        if k == j and not standalone and strong and e - s >= 5 and flag not in ("nr", "ns") and tagger.freq(text[s:e]) < RARE_ORG_WORD_FREQ:
            standalone = True  # 对外经贸大学/l: a rare dictionary word ending in a school's or an institute's word
        if k == j and not standalone:
            continue
        start = words[k][0]
        surface = text[start:e]
        chain = words[k:j]
        if text[s:e].endswith(_WEAK_ORG_ENDS):
            if any(ce - cs < 2 for cs, ce, _ in chain):
                continue  # 驻/阿/机构: a one-character word before them is no name
            while len(chain) > 1 and chain[0][2] == "ns":
                chain = chain[1:]  # 美国/研究/机构: a place before plain words does not make a body of a kind a name
        head = text[s : _ZH_ORG_END.search(text, s, e).start()]
        if (chain and all(f == "ns" for _, _, f in chain) and len(head) >= 2 and text[s:e].endswith(("组织", "組織", "机构", "機構")) and tagger.tag_of(head) not in _NAME_TAGS
                and tagger.freq(head) >= COMMON_HEAD_FREQ):
            continue  # 秘鲁/恐怖组织: a place before a common word for a kind of body (恐怖 + 组织) names none
        if k < j and e - s >= 2 and text[e - 1] not in "报報" and not (text[words[k][0] : words[k][1]] in _SCOPE_WORDS and (j - k >= 2 or e - s >= 3)) and all(f in _PLAIN_FLAGS and ce - cs >= 2 and tagger.freq(text[cs:ce]) >= PLAIN_ORG_WORD_FREQ for cs, ce, f in chain) and not gaz.lookup(surface):
            continue  # 顶尖/大学, 全资/子公司, 影视/公司: plain, common words before the organisation word describe a kind (国土/部 a ministry, 期货/日报 a newspaper: names)
        out.append(GazMatch(start, e, gaz.lookup(surface) or _known_company(surface, gaz) or pinyin_id(surface, "org"), "ORG"))
    return out


def _known_company(surface: str, gaz: Gazetteer) -> str | None:
    """The id of a company the gazetteer knows by its name without the company word (三星集团 -> 三星)."""
    for end in _COMPANY_ENDS:
        if surface.endswith(end) and len(surface) - len(end) >= 2:
            known = gaz.lookup(surface[: -len(end)])
            return known if known and known.startswith("org:") else None
    return None


_COMPANY_ENDS = ("公司", "集团", "集團")


# a party plenum or a session of the congress, named by its term and number (中共十七届四中全会, 十一届全国人大三次会议,
# 党的十八大): one event, the party or congress inside it
_PLENUM = re.compile(r"(?:中共|中國共產黨|中国共产党)?(?:第)?[一二三四五六七八九十]{1,3}届(?:中央委员会|中央委員會)?(?:第)?[一二三四五六七八九]中全会"
                     r"|(?:第)?[一二三四五六七八九十]{1,3}届全国(?:人大|政协|政協)(?:常委会)?(?:第)?[一二三四五六七八九十]{1,3}次(?:全体)?会议"
                     r"|(?:中共|(?<=党的|黨的))[一二三四五六七八九十]{2,3}大(?![学學会會使])")
# 《…》 (书名号) marks the title of a work, a programme, a law or a publication
_BOOK_TITLE = re.compile(r"《([^《》\n]{2,40})》")
_ZH_LAW_END = re.compile(r"(?:法|条例|條例|规划|規劃|规定|規定|办法|辦法|准则|準則|纲要|綱要|决定|決定|意见|意見|公约|公約|条约|條約|协定|協定|"
                         r"指引|细则|細則)$")  # a regulator's guidelines and implementing rules (…交易指引, …实施细则)
# words that end a named event ("2018世界人工智能大会", "迪拜大师赛", "冬奥会")
_ZH_EVENT_END = re.compile(
    r"(?:大会|大會|峰会|峰會|论坛|論壇|博览会|博覽會|运动会|運動會|锦标赛|錦標賽|大师赛|大師賽|公开赛|公開賽|世界杯|世博会|世博會|奥运会|奧運會|冬奥会|冬奧會|"
    r"联赛|聯賽|亚运会|亞運會|研讨会|研討會|展览会|展覽會|交易会|交易會|电影节|電影節|艺术节|藝術節|音乐节|音樂節|文化节|文化節|健康周|活动周|活動週)$"
)
_ZH_PLACE_WORDS = frozenset("区 區 县 縣 镇 鎮 乡 鄉 村 街道".split())
_ZH_NEWS_LEAD = re.compile(r"消息|讯|訊")
_NAME_WORD_FLAGS = ("ns", "nr", "nz", "nt", "j", "nrt")


def book_titles(text: str, s0: int, e0: int, gaz: Gazetteer) -> list[GazMatch]:
    """The title inside 《…》: a product (work, programme, game, app), a law when it ends in a law
    word (法, 条例, 规划 ...), or what the gazetteer knows it as (《人民日报》: the newspaper)."""
    out = []
    if text.find("《", s0, e0) < 0:
        return out
    for m in _BOOK_TITLE.finditer(text, s0, e0):
        title = m.group(1)
        known = gaz.lookup(title)
        if known:
            out.append(GazMatch(m.start(1), m.end(1), known, label_of(known)))
        else:
            bare = re.sub(r"\s*[(（][^()（）]*[)）]$", "", title)  # "…工作规划(2018-2023)": the years after the name
            prefix, label = ("law", "LAW") if _ZH_LAW_END.search(bare) else ("product", "PRODUCT")
            out.append(GazMatch(m.start(1), m.end(1), pinyin_id(title, prefix), label))
    return out


def _suffix_names(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer) -> list[GazMatch]:
    """Names made of a name word and a suffix word jieba keeps apart:

    * a place: a name word and an administrative word (延庆/ns 区 -> 延庆区, 乐安/nr 镇, 城东/ns 街道);
    * an event: name words ending in an event word (2018/m 世界/n 人工智能/n 大会, 迪拜/ns 大师赛);
    * a news site opening a story: a word ending in 网 before 消息/讯 (荆楚网消息).
    """
    out = []
    for j, (s, e, flag) in enumerate(words):
        w = text[s:e]
        prev = words[j - 1] if j else None
        if w in _ZH_PLACE_WORDS and prev is not None and prev[2] in _NAME_WORD_FLAGS and 2 <= prev[1] - prev[0] <= 3:
            if text[prev[0] : prev[1]] not in _NOT_IN_NAME:
                surface = text[prev[0] : e]
                out.append(GazMatch(prev[0], e, gaz.lookup(surface) or pinyin_id(surface, "gpe"), "GPE"))
        elif _ZH_EVENT_END.search(w):
            k = j
            while k > 0 and j - k < 5:
                ps, pe, pf = words[k - 1]
                if not (pf in _NAME_FLAGS or pf == "vn") or text[ps:pe] in _NOT_IN_NAME or (pf == "nr" and k == j and text[ps] in ZH_SURNAMES and gaz.lookup(w)):
                    break  # a person before an event the lists know is no part of it (聂远/世界杯)
                k -= 1
                if pf == "ns":
                    break  # a place opens the name: "迪拜/ns 大师赛", not "莫卡问鼎迪拜大师赛"
            named = any(f != "n" for _, _, f in words[k:j]) or j - k >= 2
            if (k < j and named) or (k == j and e - s >= 3 and flag != "n"):
                start = words[k][0]
                year = re.search(r"(?<!\d)(?:19|20)\d\d$", text[max(0, start - 4) : start])
                start -= 4 if year else 0  # "2018世界人工智能大会": the year before the Han run
                surface = text[start:e]
                out.append(GazMatch(start, e, gaz.lookup(surface) or pinyin_id(surface, "event"), "EVENT"))
        elif w[-1] in "杯盃" and 3 <= e - s <= 6 and _cup_named(w[:-1], gaz):
            out.append(GazMatch(s, e, gaz.lookup(w) or pinyin_id(w, "event"), "EVENT"))  # 亚洲杯, 中国杯: a cup named by a place
        elif w.endswith(("网", "網")) and 3 <= e - s <= 6 and j + 1 < len(words) and _ZH_NEWS_LEAD.fullmatch(text, *words[j + 1][:2]):
            out.append(GazMatch(s, e, gaz.lookup(w) or pinyin_id(w, "org"), "ORG"))
    return out


def _cup_named(head: str, gaz: Gazetteer) -> bool:
    """The words before 杯 name a place or a region the lists know (亚洲, 中国, 欧洲): a cup, not a cup of tea (保温杯)."""
    known = gaz.lookup(head) or foreign_places().get(head)
    return bool(known and known.startswith(("gpe:", "loc:")))


def _dotted_names(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer) -> list[GazMatch]:
    """A foreign name written with the interpunct, one person ("皮特·鲍泰利", "弗拉基米尔·普京"), or an
    organisation when its last word is one ("约翰·霍普金斯大学").  The first part must read as a
    given name (jieba's person tags, or transliteration characters only), so "北京·上海" is no name."""
    out = []
    k = 1
    while k < len(words) - 1:
        ds, de, _ = words[k]
        ls, le, lf = words[k - 1]
        first = text[ls:le]
        if text[ds:de] != "·" or not (lf in ("nr", "nrt") or all(ch in _TRANSLIT for ch in first)) or not _HAN_ONLY.fullmatch(first):
            k += 1
            continue
        j = k
        while j + 1 < len(words) and text[words[j][0] : words[j][1]] == "·" and _HAN_ONLY.fullmatch(text, words[j + 1][0], words[j + 1][1]):
            j += 2  # "·part" repeated: "马丁·路德·金"
        end = words[j - 1][1]
        is_org = _ZH_ORG_END.search(text, words[j - 1][0], end) is not None
        if not is_org and j < len(words) and _ZH_ORG_END.fullmatch(text, words[j][0], words[j][1]):
            end, is_org = words[j][1], True
        surface = text[ls:end]
        prefix, label = ("org", "ORG") if is_org else ("person", "PERSON")
        out.append(GazMatch(ls, end, gaz.lookup(surface) or pinyin_id(surface.replace("·", ""), prefix), label))
        k = j + 1
    return out


_PERSON_FLAGS = ("nr", "nrt")
_TRANSLIT_FLAGS = ("nr", "nrt", "ns")
# a monarch's or a pope's number after the name (威廉四世, 伊丽莎白二世, 阿基诺三世); not a century (十六世纪), the world, a
# generation (四世同堂)
_REGNAL = re.compile(r"[一二三四五六七八九十]{1,3}世(?![纪紀界代同])")


def regnal_names(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A foreign given name and its regnal number, one person (威廉/nrt 四世/nrt, 伊丽莎白/nr 二世): a word jieba tags a
    person or written in transliteration characters only, of two to five characters, that no list holds as a place or a
    body (a person the lists know by the given name alone is another person: 威廉 | 威廉四世)."""
    out = []
    for s, e, flag in words:
        if not 2 <= e - s <= 5 or (m := _REGNAL.match(text, e)) is None:
            continue
        w = text[s:e]
        if (not (flag in _PERSON_FLAGS + ("nrfg",) or tagger.tag_of(w) in _PERSON_FLAGS or all(ch in _TRANSLIT for ch in w))
                or not _HAN_ONLY.fullmatch(w) or "·" in w):  # 威廉/nrt, made a plain word as a common one (_demote_common_two)
            continue
        full = text[s : m.end()]
        known = gaz.lookup(full)
        alone = gaz.lookup(w)
        if known is None and ((alone is not None and not alone.startswith("person:")) or w in foreign_places()):
            continue  # a place or a body the lists know, and a number after it
        out.append(GazMatch(s, m.end(), known or pinyin_id(full, "person"), label_of(known) if known else "PERSON"))
    return out


def _transliterated_people(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """Foreign people written in transliteration characters that jieba's person tag misses:
    a word it tags ``nrt`` (默克尔, 巴菲特), or two such words it split (费尔/nr 德斯坦/ns ->
    费尔德斯坦) when one of them reads as a person and neither is a name the gazetteer knows, or a person
    word and the one character jieba cut off its end (库比/nrt 卡/n), or a word of two or three characters it tags
    as a place but hardly knows, with no place word beside it (伊布/ns, 加内特/ns; not 印尼/苏拉威西)."""
    out = []
    k = 0
    while k < len(words):
        s, e, flag = words[k]
        w = text[s:e]
        if flag not in _TRANSLIT_FLAGS or not all(ch in _TRANSLIT for ch in w) or gaz.lookup(w) or w in foreign_places():
            k += 1
            continue
        if k + 1 < len(words):
            ns, ne, nf = words[k + 1]
            nxt = text[ns:ne]
            if (nf in _TRANSLIT_FLAGS and (flag in _PERSON_FLAGS or nf in _PERSON_FLAGS) and 4 <= ne - s <= 7
                    and all(ch in _TRANSLIT for ch in nxt) and not gaz.lookup(nxt) and nxt not in foreign_places()):
                out.append(GazMatch(s, ne, pinyin_id(text[s:ne], "person"), "PERSON"))
                k += 2
                continue
        if (flag in _PERSON_FLAGS and 2 <= e - s <= 3 and k + 1 < len(words) and words[k + 1][1] - words[k + 1][0] == 1
                and words[k + 1][2] in _CUT_LAST_FLAGS and text[e] in _TRANSLIT):
            out.append(GazMatch(s, e + 1, pinyin_id(text[s : e + 1], "person"), "PERSON"))  # 贝斯/nr 克/m, 库什/nr 内/f
            k += 2
            continue
        if flag == "nrt" and 2 <= e - s <= 5:
            out.append(GazMatch(s, e, pinyin_id(w, "person"), "PERSON"))
        elif (flag == "ns" and 2 <= e - s <= 3 and tagger.freq(w) < RARE_FOREIGN_PLACE_FREQ and not _after_place(text, words, k, gaz)
              and not _name_goes_on(text, words, k + 1, tagger, True) and not _name_goes_on(text, words, k - 1, tagger, False)
              and not _LATIN_NEXT.match(text, e) and not _PLACE_NEXT.match(text, e)
              and not (k > 0 and text[words[k - 1][0] : s] in _GO_PLACE_WORDS)):
            # 伊布/ns, 罗本/ns, 加内特/ns: a word of transliteration characters only that jieba tags a place but hardly knows
            # (its foreign places are known words or in the lists): a person, unless a place word is beside it
            out.append(GazMatch(s, e, pinyin_id(w, "person"), "PERSON"))
        k += 1
    return out


# tags of a one-character word jieba cut off the end of a transliterated name (贝斯/克 read as grams, 库什/内 as inside)
_CUT_LAST_FLAGS = ("m", "n", "f", "ng", "q")
# jieba dictionary count below which a word of transliteration characters it tags as a place is no place it knows
RARE_FOREIGN_PLACE_FREQ = 50
_LATIN_NEXT = re.compile(r"[A-Za-z0-9]")  # 纽曼Super: a brand before its model
# what follows a place's name and not a person's (a suffix, a port, an airport)
_PLACE_NEXT = re.compile(r"[省州市县縣区區镇鎮村岛島港湾灣河湖山城峡峽谷]|地区|地區|机场|機場|一带|一帶|附近|以[东西南北]|当局|當局|政府|警方")
# words of going to or being in a place, before its name
_GO_PLACE_WORDS = frozenset("在 于 於 赴 到 抵 抵达 抵達 访问 訪問 前往 飞往 飛往 从 從 离开 離開 途经 途經 来自 來自 位于 位於".split())


def _after_place(text: str, words: list[tuple[int, int, str]], k: int, gaz: Gazetteer) -> bool:
    """Word k follows a place the lists know (印尼/苏拉威西: a place inside a country)."""
    if not k or words[k - 1][1] != words[k][0]:
        return False
    w = text[words[k - 1][0] : words[k - 1][1]]
    known = gaz.lookup(w) or foreign_places().get(w) or ""
    return known.startswith(("gpe:", "loc:"))


def _name_goes_on(text: str, words: list[tuple[int, int, str]], j: int, tagger: ChineseTagger, after: bool) -> bool:
    """Word j, beside a transliterated name, may be more of it: it starts (after the name) or ends (before it) with
    a transliteration character and is one character or a word jieba's dictionary lacks (德尔/内里, 蓝星安/迪苏; not
    罗本/奇迹, a word of its own, nor 韦德/波什, a name it knows)."""
    if not 0 <= j < len(words):
        return False
    s, e, _f = words[j]
    w = text[s:e]
    return (w[0] if after else w[-1]) in _TRANSLIT and (e - s == 1 or not tagger.known(w))


# One-character country and region names (中 China, 美 the US, 台 Taiwan ...), written for their
# full names in two shapes only: a pair of them (中美, 朝韩, 中日关系) and one before a word that
# says "its side / its media / its army / its officials" (美方, 日媒, 俄军, 美专家).
_ABBREV_FULL = {"中": "中国", "美": "美国", "日": "日本", "韩": "韩国", "俄": "俄罗斯", "英": "英国", "法": "法国", "德": "德国",
                "台": "台湾", "朝": "朝鲜", "印": "印度", "港": "香港", "越": "越南", "菲": "菲律宾", "澳": "澳大利亚",
                "韓": "韓國", "臺": "臺灣", "飛": "菲律宾", "意": "意大利"}
_CLAUSE_OPEN = frozenset(" \t\u3000\n，。：；！？、,:;!?")
_ABBREV_SIDE = re.compile(r"(?:方|媒|首相|总理|總理|女王|国王|國王|王(?![国國朝子牌者道])|军|軍|企|股|籍|资|資|总统|總統|政府|官员|官員|专家|專家|议员|議員|国务卿|國務卿|外长|外長|防长|防長|驻|駐"
                          r"|外相|财长|財長|财相|財相|防相|大使|学者|學者|网民|網民|片|剧|劇)")


_NOT_CHINA_SIDES = frozenset("片 剧 劇".split())  # 中片, 中剧: rare for Chinese films, and 中 opens too many words


def country_abbreviations(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """One-character country names at the start of a jieba word, in a pair of two different ones
    (中美, 中日关系: the pair opens one word, or each is a word) or before a side word (美方,
    美专家, 日媒), or standing alone as the subject opening a clause, before a verb, adverb or preposition
    (美/撤离, 俄/称, 英/拟).  中 and 日 are also a preposition and a day: for them only the one-character
    side words, and never 日 after a digit or 月.  A country with 军 is its armed forces, one organisation (英军,
    日军 -> org:united-kingdom--military; the linker reads the country back from the id, zh_bodies.org_place)."""
    out = []
    n = len(words)
    for k, (s, e, _flag) in enumerate(words):
        ch = text[s]
        went = _went_to(text, words, k, tagger)
        if went is not None:
            full = _GO_FULL[text[went]]
            canonical = gaz.lookup(full) or pinyin_id(full, "gpe")
            out.append(GazMatch(went, went + 1, canonical, label_of(canonical)))
            continue
        if ch not in _ABBREV_FULL or (ch == "日" and s > 0 and (text[s - 1].isdigit() or text[s - 1] in "月今昨明前每当當次翌")):
            continue
        nxt = words[k + 1] if k + 1 < n else None
        follow = s + 1 if e - s > 1 else (nxt[0] if nxt is not None and nxt[0] == e else -1)
        if follow < 0 or follow >= len(text):
            continue
        second = text[follow]
        if second in _ABBREV_FULL and second != ch and (e - s <= 2 or follow == s + 1):
            spans = [s, follow]  # "中美", "朝韩", "中日关系"
        elif (side := _ABBREV_SIDE.match(text, follow)) is not None and (
                (ch not in "中日" or side.end() - follow == 1) and not (ch == "中" and side.group() in _NOT_CHINA_SIDES)
                or (ch == "日" and e - s > 1 and side.end() == e and (s == 0 or text[s - 1] in _CLAUSE_OPEN))):
            spans = [s]  # "美方", "美专家", "日媒", "韩片"; "日外相" as one word opening a clause
        elif (e - s == 1 and ch not in "中日" and nxt is not None
              and (nxt[2][:1] in "vdp" and nxt[2] != "vn" or (_flag in ("ns", "j") and not tagger.known(text[s : s + 2])))
              and (s == 0 or text[s - 1] in _CLAUSE_OPEN or (k > 0 and text[words[k - 1][0] : e - 1] in _SPEECH_WORDS))):
            # a clause opening with the country as its subject ("美/撤离…", "俄/称…", "称/美/不能…"), or with the
            # country jieba tags a place or an abbreviation before any word ("澳/ns 技术移民", "俄/j 巨富"; not 美/ns 女主播,
            # whose first two characters are a word)
            spans = [s]
        else:
            continue
        if e - s > 1 and follow == s + 1 and len(spans) == 1 and e > (side.end() if side else e):
            continue  # the side word is only the start of a longer word
        army = _army_end(text, words, k) if len(spans) == 1 and ch != "中" else None
        for p in spans:
            full = _ABBREV_FULL[text[p]]
            canonical = gaz.lookup(full) or pinyin_id(full, "gpe")
            if army is not None and canonical.startswith("gpe:"):
                out.append(GazMatch(p, army, f"org:{canonical[4:]}--military", "ORG"))  # 英军, 美/军: the country's armed forces
                continue
            out.append(GazMatch(p, p + 1, canonical, label_of(canonical)))
    return out


def _army_end(text: str, words: list[tuple[int, int, str]], k: int) -> int | None:
    """The end of a one-character country's army word at word k: the word is the country and 军 (英军/j, 日军/n), or the
    country stands alone and the next word is 军 alone; not 军 opening a longer word (美/军舰, 韩/军方, 美军/事)."""
    s, e, _ = words[k]
    if e - s == 1 and k + 1 < len(words) and words[k + 1][0] == e and words[k + 1][1] == e + 1 and text[e] in "军軍":
        e, k = e + 1, k + 1
    elif e - s != 2 or text[s + 1] not in "军軍":
        return None
    if k + 1 < len(words) and words[k + 1][0] == e and words[k + 1][1] == e + 1 and text[e] in "机機舰艦车車":
        return None  # 美军/机, 美军/舰: an aircraft or a ship of it (the country stays the country)
    return e


# a one-character place after a word of going or being somewhere (在京, 在台, 赴美, 访华, 抵京, 回京): the
# country names above and 京 (Beijing), 沪 (Shanghai), 华 (China), which stand for a place only so
_GO_FULL = {**_ABBREV_FULL, "京": "北京", "沪": "上海", "华": "中国", "華": "中国"}
_GO_WORDS = frozenset("在 赴 访 訪 来 來 抵 离 離 返 回 到 进 進 驻 駐".split())
_GO_JAPAN = frozenset("赴 访 訪 抵 离 離".split())  # 来日 and 在日 are also "days to come" and "on the day"
_SPEECH_WORDS = frozenset("称 稱 说 說 表示 指出 认为 認為 强调 強調 警告 批评 批評 宣称 宣稱".split())


def _went_to(text: str, words: list[tuple[int, int, str]], k: int, tagger: ChineseTagger) -> int | None:
    """The offset of a one-character place that word k holds or is, after a word of going (see _GO_WORDS):
    a one-character word after such a word (在/京), or a two-character word made of both (访华, 赴美)."""
    s, e, flag = words[k]
    if e - s == 1 and k > 0 and words[k - 1][1] == s and text[words[k - 1][0] : s] in _GO_WORDS:
        go, place = text[s - 1], s
    elif e - s == 2 and text[s] in _GO_WORDS and flag in ("v", "vn", "ns"):
        go, place = text[s], s + 1
    elif (k > 0 and words[k - 1][1] == s and text[words[k - 1][0] : s] in _GO_WORDS and e - s == 2 and not tagger.known(text[s:e])
          and text[s] != "意"):
        go, place = text[s - 1], s  # 赴/澳考: the place opens a word jieba made up of it and the next character
    else:
        return None
    ch = text[place]
    if ch not in _GO_FULL or ch == "中" or (ch == "日" and go not in _GO_JAPAN):
        return None
    if e - s == 1 and tagger.known(text[place : place + 2]):
        return None  # "在/美/食…": the character opens a word jieba could not read as a place
    return place


def _known_place_with_suffix(w: str, gaz: Gazetteer) -> bool:
    suf = _ZH_PLACE_SUFFIX.search(w)
    place = gaz.lookup(w[: suf.start()]) if suf and suf.start() >= 2 else None
    return bool(place and place.startswith(("gpe:", "loc:")))


def _split_names(text: str, words: list[tuple[int, int, str]], hi: int, tagger: ChineseTagger) -> list[GazMatch]:
    """A surname jieba tagged alone, with the one- or two-character given name after it (汪/nr 全胜/n)."""
    out = []
    for k in range(len(words) - 1):
        s, e, flag = words[k]
        ns, ne, nf = words[k + 1]
        if flag != "nr" or e - s != 1 or text[s] not in ZH_SURNAMES or not 1 <= ne - ns <= 2 or nf in ("v", "x", "uj", "p", "d", "m"):
            continue
        if s > 0 and text[s - 1].isdigit():
            continue  # 15/周/低点: weeks, not a surname
        if k and words[k - 1] == (s - 1, s, words[k - 1][2]) and tagger.freq(text[s - 1 : s + 1]) >= 10:
            continue  # 地/王/频生: the character and the one before it are a word (地王, land sold at a record price)
        after = words[k + 2] if k + 2 < len(words) else None
        adverb = after is not None and text[after[0] : after[1]] in _SPLIT_NAME_ADVERBS
        if adverb and text[after[0] : after[1]] not in ("等", "等人") and tagger.freq(text[ns:ne]) >= COMMON_GIVEN_FREQ:
            continue  # 港股/周/跌幅/仍: a week's fall, a common word after the character, not a given name
        if after is None or after[2] in ("x", "v", "vn", "p", "c", "u", "uj") or adverb:
            out.append(GazMatch(s, ne, pinyin_id(text[s:ne], "person"), "PERSON"))
    return out


# what follows a split name that is no verb to jieba: 等 ("and others") and the adverbs that open a clause's verb
# (周/宇文/将, 王/小川/也)
_SPLIT_NAME_ADVERBS = frozenset("等 等人 将 將 也 还 還 已 曾 再 又 都 正 仍 却 卻 竟 则 則 首次 再次 终于 終於 昨天 今天 昨日 今日".split())


COMMON_GIVEN_FREQ = 100  # jieba dictionary count from which a word after a lone surname is a plain word (跌幅), not its given name


def _cut_given_names(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A three-character name jieba cut after its second character (卓文/nr 萱/n): a two-character person word its
    dictionary lacks, opening with a common surname, then a one-character noun that is a common given name's character
    and opens no word with what follows it."""
    from .zh_context import _GIVEN_CHARS

    out = []
    for k in range(len(words) - 1):
        s, e, f = words[k]
        ns, ne, nf = words[k + 1]
        if (f not in _PERSON_FLAGS or e - s != 2 or ns != e or ne - ns != 1 or nf not in ("n", "ng", "nr") or text[s] not in ZH_SURNAMES
                or text[ns] not in _GIVEN_CHARS or tagger.known(text[s:e]) or gaz.lookup(text[s:e]) or tagger.known(text[ns : ns + 2])):
            continue
        out.append(GazMatch(s, ne, pinyin_id(text[s:ne], "person"), "PERSON"))
    return out


# an administrative suffix, and what follows it in one jieba word ("市政府", "省委", "区法院")
_ZH_PLACE_SUFFIX = re.compile(r"(?:特别行政区|特別行政區|自治区|自治區|市|省|县|縣|区|區)(?:政府|委|人大|政协|政協|法院|警方|当局|當局)?$"
                              r"|(?:政府|当局|當局|警方)$")
_ZH_COMPANY_SUFFIX = re.compile(r"(?:股份有限公司|有限责任公司|有限責任公司|有限公司|控股有限公司|集团|集團|控股|基金(?!经理|經理))")
_HAN_ONLY = re.compile(r"[\u3400-\u9fff\uf900-\ufaff·]+")
# A jieba person guess (nr) is kept only next to something that says "person": a title or
# role before or after it, or a speech verb after it; an organisation guess (nt) only when it
# ends in an organisation suffix.  Otherwise common words jieba tags nr/nt ("荣光" glory,
# "民建联" abbreviations) would become pinyin ids.
_ZH_PERSON_BEFORE = re.compile(
    r"(?:主席|总统|總統|总理|總理|部长|部長|副|发言人|發言人|主任|司长|司長|局长|局長|署长|署長|书记|書記|省长|省長|市长|市長|"
    r"大使|教授|研究员|研究員|记者|記者|董事长|董事長|总裁|總裁|经理|經理|议员|議員|委员|委員|主委|院长|院長|校长|校長|先生|女士|"
    r"创始人|創始人|首席|分析师|分析師|专家|專家|学者|學者|律师|律師|法官|将军|將軍|上将|上將)$"
)
_ZH_PERSON_AFTER = re.compile(
    r"(?:\d{1,2}日|\d{1,2}月\d{1,2}日|在|也|还|還|则|則|更|曾|已|亦|对|對|向|今天|昨天|昨日|今日|近日|当天|當天|随后|隨後)?"
    r"(?:表示|称|稱|说|說|指出|认为|認為|强调|強調|透露|介绍|介紹|坦言|回应|回應|发文|發文|发表|發表|会见|會見|主持|出席|"
    r"呼吁|呼籲|警告|批评|批評|暗示|"
    r"先生|女士|教授|主席|总统|總統|等人|等|、|和|与|與|及|：|:)"
)
# a speech verb right after a name: the name is the speaker (萨日娜/吐露, 某某/表示)
_ZH_SPEAKS = re.compile(r"(?:表示|称|稱|说|說|指出|认为|認為|强调|強調|透露|吐露|坦言|回应|回應|承认|承認|否认|否認|呼吁|呼籲|直言|笑称|笑稱)")
_ZH_ORG_SUFFIX = (
    "部", "局", "院", "会", "會", "委", "所", "中心", "公司", "集团", "集團", "银行", "銀行", "大学", "大學", "协会", "協會",
    "联盟", "聯盟", "党", "黨", "办", "辦", "署", "厅", "廳", "处", "處", "社", "台", "报", "報", "网", "網", "军", "軍", "队", "隊",
    "使馆", "使館", "领事馆", "領事館", "军校", "軍校", "党校", "黨校", "卫视", "衛視",
)


# the second character of a two-character word jieba tags as a person that makes it a title, a form of address, a
# school year or a plain word (王妃, 张总, 穆帅, 高二, 范儿), not a surname and a given name
_NOT_GIVEN_SECOND = frozenset("妃总總哥姐叔婶嬸嫂氏帅帥董老爷爺一二三四五六七八九十儿兒")
# words of market reports jieba's tagger reads as names (高开 opened higher, 低开, 高走 went higher)
_MARKET_WORDS = frozenset("高开 高開 低开 低開 高走 低走 平开 平開 冲高 衝高 探底".split())
# the last character of a three-character word jieba tags as a person that makes it a thing, a contest, a place, a
# festival, a story or a prize (季后赛 the play-offs, 明星脸, 黄绿色, 林周县, 白鹿村, 万圣节, 清真寺, 白蛇传): given names do not end so
_NOT_GIVEN_LAST = frozenset("赛賽色脸臉县縣村站局厂廠店馆館楼樓路街镇鎮乡鄉屯港湾灣股节節寺塔传傳奖獎")
# the last character of a two-character word jieba made up and tagged as a person that makes it a bridge, a town or
# an estate's name part (丁桥, 尚城): no person, and too little to say what it is
_UNKNOWN_PLACE_LAST = frozenset("桥橋城园園苑府湾灣")
# the last character of a two-character word jieba tags as a person that makes it a village or town (黄村, 李庄)
_PLACE_LAST = frozenset("村庄莊屯镇鎮乡鄉")
# jieba dictionary count below which such a word is the place even when the dictionary holds it as a person (亦庄 9,
# 田庄 74, 周庄 100: towns; jieba's nr tags of them are its guesses)
PLACE_LAST_FREQ = 300


# two-character surnames (复姓) that are rarely anything else; 东方 (the east), 南宫, 西门 (places), 独孤 and 百里 are left out
COMPOUND_SURNAMES = frozenset("欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 慕容 令狐 皇甫 尉迟 尉遲 公孙 公孫 夏侯 长孙 長孫 宇文 司徒 端木 澹台 "
                              "轩辕 軒轅 呼延 闻人 聞人 申屠 钟离 鍾離 万俟 東郭 东郭".split())
# surnames too rare for ZH_SURNAMES (whose members open any two- or three-character name jieba tags) that open no common
# word: a three-character word jieba tags as a person and opening with one is a name (蒿俊闵, 阚清子, 逄丹)
RARE_SURNAMES = frozenset("蒿郗笪逄眭禚邴隗扈昝郇佴亓仉晁郏阚蒯荀宓璩濮庹谯雒缑谌郤鄢鄞羿竺闾嵇乜糜殳")


def compound_surname_names(text: str, words: list[tuple[int, int, str]], tagger: ChineseTagger) -> list[GazMatch]:
    """A two-character surname jieba cut from its given name (欧阳/ns 夏丹/nr, 司马/nr 南/nr): the surname word, then a
    one- or two-character word jieba tags as a person or does not know (a given name), then no more of the name."""
    out = []
    for k in range(len(words) - 1):
        s, e, _f = words[k]
        ns, ne, nf = words[k + 1]
        if text[s:e] not in COMPOUND_SURNAMES or ns != e or not 1 <= ne - ns <= 2 or not _HAN_ONLY.fullmatch(text, ns, ne):
            continue
        if nf in _PERSON_FLAGS + ("nrfg",) or (ne - ns == 2 and not tagger.known(text[ns:ne])):
            out.append(GazMatch(s, ne, pinyin_id(text[s:ne], "person"), "PERSON"))
    return out


def _person_context(text: str, s: int, e: int, lo: int, hi: int) -> bool:
    return bool(_ZH_PERSON_BEFORE.search(text, max(lo, s - 4), s)) or bool(_ZH_PERSON_AFTER.match(text, e, min(hi, e + 8)))


def _zh_guess_ok(text: str, s: int, e: int, flag: str, lo: int, hi: int) -> bool:
    w = text[s:e]
    if flag == "nr":
        if w[:2] in _MARKET_WORDS and not _person_context(text, s, e, lo, hi):
            return False  # 高开, 高开高(走): a market's open, not a person
        if 2 <= len(w) <= 4 and all(ch in _TRANSLIT for ch in w):
            return True  # a transliterated foreign name: 鲁尼, 内贾德
        if len(w) > 4 or (len(w) == 2 and w[1] in _NOT_GIVEN_SECOND):
            return False
        if len(w) == 2 and w[0] != w[1] and w[0] in _ABBREV_FULL and w[1] in _ABBREV_FULL and not _person_context(text, s, e, lo, hi):
            return False  # 韩日, 中俄: two countries' one-character names (country_abbreviations), not a person
        if len(w) == 3 and w[2] in _NOT_GIVEN_LAST and not _person_context(text, s, e, lo, hi):
            return False  # 季后赛, 明星脸, 林周县: jieba's dictionary holds many such words as names
        if (w[:2] in COMPOUND_SURNAMES and 3 <= len(w) <= 4) or (len(w) == 3 and w[0] in RARE_SURNAMES):
            return True  # 上官云珠, 欧阳夏丹; 蒿俊闵, 阚清子: a two-character surname, or a rare one jieba tagged with its given name
        if w[0] not in ZH_SURNAMES:
            # a name of a rarer surname or of a minority (萨日娜): only as the one who speaks right after it
            return len(w) == 3 and _ZH_SPEAKS.match(text, e, min(hi, e + 4)) is not None
        if len(w) in (2, 3):
            return True
        return bool(_ZH_PERSON_BEFORE.search(text, max(lo, s - 4), s)) or bool(_ZH_PERSON_AFTER.match(text, e, min(hi, e + 8)))
    if flag == "nt":
        return w.endswith(_ZH_ORG_SUFFIX) and not w.startswith(_KIND_OPENERS)
    # ns: jieba's place guesses are noisy when short; two characters ending in 市, 区, 镇, 村 are mostly common nouns
    # (城市, 社区, 农村: a real one, 益阳, is a county name, ChineseTagger.county)
    return len(w) >= 3 or w[-1] in "县州岛山河湖江海"

