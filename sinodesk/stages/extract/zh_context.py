"""Chinese names no list holds, found by the words around them: a person after a role word (记者阚枫,
总裁蒉莺春), a company or a housing estate named by the word for its kind (东吴/证券, 三普/药业,
同馨/家园), a model code after a maker's name (佳能 | EOS 5D, 尼康 | D700), and a club's short name
that is also an ordinary word in a story about the game (火箭, 掘金, 奇才), a country's organ written with
its one-character name (欧央行, 美证交会), and a housing estate named before the kind of home it sells
(望京 | 保利中央公园 | 精装房, 昌平 | 山水上苑 | 独栋别墅).  Called from
``zh_names.chinese_candidates`` on its jieba words."""

from __future__ import annotations

import re

from .gazetteer import Gazetteer, GazMatch, label_of, slug
from .zh_names import (_ABBREV_FULL, _ABBREV_SIDE, _HAN_ONLY, _TRANSLIT, _ZH_SPEAKS, _NAME_FLAGS, _NOT_GIVEN_SECOND, _NOT_IN_NAME, _PERSON_FLAGS, ZH_SURNAMES, ChineseTagger,
                       _PLACE_END_CHARS, _known_place_with_suffix, foreign_places, pinyin_id, territory_names)

# a role word that a person's name follows (记者阚枫, 副区长谢文征, 歌手王菲)
_ZH_ROLE_END = re.compile(
    r"(?:记者|記者|编辑|編輯|通讯员|通訊員|区长|區長|县长|縣長|镇长|鎮長|村长|村長|市长|市長|省长|省長|书记|書記|主任|局长|局長|"
    r"厅长|廳長|处长|處長|部长|部長|院长|院長|校长|校長|董事长|董事長|总经理|總經理|总裁|總裁|教授|研究员|研究員|发言人|發言人|"
    r"歌手|演员|演員|导演|導演|主持人|球员|球員|教练|教練|主帅|主帥|选手|選手|作家|律师|律師|法官|大使|专家|專家|"
    r"总理|總理|总统|總統|主席|首相|外长|外長|防长|防長|议长|議長|国务卿|國務卿|议员|議員|"
    r"国王|國王|女王|王储|王儲|亲王|親王|王子|公主|秘书长|秘書長|首席执行官|首席執行官|总监|總監|创始人|創始人|主编|主編|社长|社長|"
    r"行长|行長|会长|會長|理事长|理事長|司令|司令员|司令員|政委|门将|門將|前锋|前鋒|后卫|後衛|中锋|中鋒|球星|影星|歌星|影后|影帝|"
    r"模特|画家|畫家|诗人|詩人|经济学家|經濟學家|科学家|科學家|分析师|分析師|检察官|檢察官|警官|院士|老师|老師|编剧|編劇|制片人|製片人)$"
)
_NOT_GIVEN_FLAGS = ("x", "v", "p", "c", "u", "uj", "ul", "d", "m", "q", "f", "r", "t", "y")
# characters that end women's and men's given names often (a role word, a surname and a given character, then one of these:
# 总理/韩明/淑)
_GIVEN_CHARS = frozenset("淑华華明伟偉军軍平林英芳娟敏静靜丽麗强強磊洋勇艳豔杰傑涛濤超秀霞刚剛辉輝玲兰蘭凤鳳梅琴云雲莲蓮雪荣榮爱愛香月媛娥萍"
                         "红紅娜琳晶妍茜秋珊莎青倩婷婉颖穎瑶瑤怡丹蓉君蕊薇菁岚嵐馨韵韻欣宁寧冰爽菲芸亮峰鹏鵬飞飛斌彬浩宇军俊毅鑫昊"
                         "萱璐琪蕾雯娇嬌婕妮瑾瑜琦璇晨曦彤涵菡潇瀟莹瑩瑛淼昕睿哲轩軒楠桦樺鸿鴻翔琛璟霖")


def people_after_roles(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A name of two or three characters right after a role word: a word jieba tags as a person
    whatever its first character (记者/阚枫), or a surname it split from a given name (副区长/谢 文征)."""
    out = []
    for k in range(len(words) - 1):
        s, e, _ = words[k]
        if _ZH_ROLE_END.search(text, s, e) is None:
            continue
        ns, ne, nf = words[k + 1]
        if (ne - ns == 1 and nf in ("d", "p", "c")) or (text[ns] in "曾向将將" and tagger.tag_of(text[ns + 1 : ne]) in ("v", "vn", "d")):
            continue  # 科学家/曾/密谋: "once plotted", 曾 an adverb here, not a surname
        if nf == "nrt" and ne - ns == 4 and not gaz.lookup(text[ns:ne]):
            out.append(GazMatch(ns, ne, pinyin_id(text[ns:ne], "person"), "PERSON"))  # 国王/阿卜杜拉: a foreign name of four
        elif nf in _PERSON_FLAGS and 2 <= ne - ns <= 3 and not gaz.lookup(text[ns:ne]):
            if (ne - ns == 2 and text[ns] in ZH_SURNAMES and k + 2 < len(words) and words[k + 2][1] - words[k + 2][0] == 1
                    and text[ne] in _GIVEN_CHARS and words[k + 2][2] not in _NOT_GIVEN_FLAGS):
                ne += 1  # 总理/韩明/淑: the given name's last character jieba cut off
            out.append(GazMatch(ns, ne, pinyin_id(text[ns:ne], "person"), "PERSON"))
        elif (run := _transliterated_run(text, words, k + 1, gaz, tagger)) is not None:
            out.append(GazMatch(ns, run, pinyin_id(text[ns:run], "person"), "PERSON"))  # 主帅/温格/n, 主帅/阿/德尔曼: a foreign name
        elif ne - ns == 1 and (text[ns] in ZH_SURNAMES or nf == "nr") and k + 2 < len(words):
            # the given name: one word of one or two characters, or two one-character words jieba
            # could not place (总裁/蒉/莺/春: a rare surname jieba tags nr)
            g = k + 2
            gs, ge, gf = words[g]
            if ge - gs == 1 and nf == "nr" and g + 1 < len(words) and words[g + 1][1] - words[g + 1][0] == 1 and words[g + 1][2] not in _NOT_GIVEN_FLAGS:
                g += 1
                ge = words[g][1]
            after = words[g + 1] if g + 1 < len(words) else None
            if nf in ("v", "vn") and tagger.freq(text[gs:ge]) >= COMMON_GIVEN_WORD_FREQ:
                continue  # 专家/谈/v 流感: a verb and a common word after the role (experts talk about flu), not 谈 the surname
            if 1 <= ge - gs <= 2 and gf not in _NOT_GIVEN_FLAGS and _HAN_ONLY.fullmatch(text, gs, ge) and (after is None or after[2] in ("x", "v", "p", "c", "uj", "d")):
                out.append(GazMatch(ns, ge, pinyin_id(text[ns:ge], "person"), "PERSON"))
    return out


COMMON_GIVEN_WORD_FREQ = 100  # jieba dictionary count from which a word after a role and a surname that is a verb there is a plain word
# tags of the words a foreign name after a role is made of (温格/n, 阿/j 德尔曼/nr, 穆里尼奥/nrt)
_TRANSLIT_RUN_FLAGS = ("n", "nz", "ns", "nr", "nrt", "nrfg", "j", "ng")
TRANSLIT_WORD_FREQ = 100  # a dictionary word this common is a word (阿姨 276), not a foreign name's part (温格 71)


def _transliterated_run(text: str, words: list[tuple[int, int, str]], j: int, gaz: Gazetteer, tagger: ChineseTagger) -> int | None:
    """The end of a foreign name of two to five characters opening word j: adjacent words of name tags written only
    in the characters used to transliterate names, none a common dictionary word, none a name the lists hold."""
    end, n = None, 0
    for i in range(j, min(len(words), j + 3)):
        s, e, f = words[i]
        if (i > j and s != words[i - 1][1]) or f not in _TRANSLIT_RUN_FLAGS or any(ch not in _TRANSLIT for ch in text[s:e]):
            break
        if e - s >= 2 and (tagger.freq(text[s:e]) >= TRANSLIT_WORD_FREQ or gaz.lookup(text[s:e])):
            return None
        n += e - s
        end = e
    if end is None or not 2 <= n <= 5 or gaz.lookup(text[words[j][0] : end]):
        return None
    return end


# jieba dictionary count from which a word jieba tags as a name is an ordinary word (城市/ns: 25,084) that
# names no company or estate before a kind word (kind_word_names; 东吴 381, 海淀 103)
NAME_WORD_FREQ = 3000
_SECTOR_ENDS = frozenset("电子 電子 科技 投资 投資 国际 國際 实业 實業 股份 网络 網絡 软件 軟件 能源 物流 电器 電器 电气 電氣 通信 航空 食品 医药 醫藥 "
                         "生物 资本 資本 创投 創投".split())
# words a company's (东吴/证券, 三普/药业, 链家/地产) or a housing estate's name (东亚/马赛/公馆, 城美/维多利亚/公寓)
# ends in, when they stand as a word of their own after at most two words of which one is a name (a name tag,
# or a word jieba's dictionary lacks); plain nouns before them name a sector or a kind (金融/地产, 城市/花园),
# and words ending in them are other words (房地产, 双保险)
_KIND_ENDS = {**dict.fromkeys("证券 證券 保险 保險 控股 地产 地產 置业 置業 置地 药业 藥業 制药 製藥 传媒 傳媒 期货 期貨".split(), "org"),
              # sector words: after a place they name the sector there (中国/投资, 国际/能源), so the name must be no place
              **dict.fromkeys(_SECTOR_ENDS, "org"),
              **dict.fromkeys("公馆 公館 公寓 花园 花園 家园 家園 嘉园 嘉園 华府 華府 名苑 雅苑 山庄 山莊 庄园 莊園 大厦 大廈 "
                              "华庭 華庭 豪庭 花苑 佳苑 丽苑 麗苑 华苑 華苑 名邸".split(), "fac")}


# kind words that also follow what is traded (白糖/期货 sugar futures): the word right before is the name (天琪/期货)
_GOODS_KINDS = frozenset("期货 期貨".split())


def kind_word_names(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A company or a housing estate: one or two words, one of them a name, then the word for its
    kind (see _KIND_ENDS)."""
    out = []
    for j, (s, e, _flag) in enumerate(words):
        kind = _KIND_ENDS.get(text[s:e]) if j else None
        if kind is None:
            continue
        k = j
        named = False
        while k > 0 and j - k < 2:
            ps, pe, pf = words[k - 1]
            w = text[ps:pe]
            if (pf not in _NAME_FLAGS and pf != "nrfg") or w in _NOT_IN_NAME or pe - ps < 2 or (
                    text[s:e] in _SECTOR_ENDS and (_plain_place(w, gaz, tagger) or _known_place_with_suffix(w, gaz))):
                break
            named = named or _named_word(text, words[k - 1], gaz, tagger)
            k -= 1
        if k < j and named and not (text[s:e] in _GOODS_KINDS and not _named_word(text, words[j - 1], gaz, tagger)):
            if j - k == 2 and _chain_opener(text, words[k], gaz, tagger):
                k += 1  # 丰台/同馨/家园, 新盘/凌云/名苑: the place or plain noun before the name is no part of it
            surface = text[words[k][0] : e]
            canonical = gaz.lookup(surface) or pinyin_id(surface, kind)
            out.append(GazMatch(words[k][0], e, canonical, label_of(canonical)))
    return out


def _chain_opener(text: str, word: tuple[int, int, str], gaz: Gazetteer, tagger: ChineseTagger) -> bool:
    """The first of two words before a kind word stands apart from the name: a place the gazetteer knows,
    the bare name of a county, a place with its administrative word, a ring road, or a plain dictionary noun."""
    s, e, f = word
    w = text[s:e]
    return (_plain_place(w, gaz, tagger) or _known_place_with_suffix(w, gaz) or w in _DEVELOPMENT_WORDS
            or (f == "ns" and len(w) >= 3 and w[-1] in "市区县") or (f == "n" and tagger.known(w)))


def _plain_place(w: str, gaz: Gazetteer, tagger: ChineseTagger) -> bool:
    """A place the gazetteer knows, the bare name of a county or district (昌平, 益阳), or a ring road."""
    known = gaz.lookup(w)
    return bool(known and known.startswith(("gpe:", "loc:"))) or tagger.county(w) or _RING_ROAD.fullmatch(w) is not None


# a city's ring road as a place of its own (北二环, 东四环路)
_RING_ROAD = re.compile(r"[东南西北東]?[二三四五六七]环(?:路)?|[东南西北東]?[二三四五六七]環(?:路)?")


# a model code written after a maker's name (佳能EOS 5D Mark II, 尼康D700, 富士S2000, 卡西欧H5, 佳能600D): letters and
# digits, a series word before them; digits with a unit after them are a measure, not a model (戴尔4G, 15X光变)
_MODEL_CODE = re.compile(r" ?(?:[A-Z]{2,5} ?)?(?:[A-Za-z]{1,4}-?\d{1,5}[A-Za-z]{0,3}|\d{1,4}[A-Za-z]{1,3})(?: ?Mark ?I{1,3}| I{2,3}\b)?")
_UNIT_CODE = re.compile(r"\d+(?:G|GB|M|MB|K|T|TB|W|V|P|X|x|mm|cm|Hz|GHz|MHz|mAh|s)")


# the kind of device news writes between a maker's name and its model code (佳能数码相机IXUS220, 联想笔记本Y460)
_DEVICE_KIND = re.compile(r"(?:数码相机|數碼相機|相机|相機|单反|單反|卡片机|卡片機|手机|手機|智能手机|智能手機|笔记本|筆記本|上网本|上網本|"
                          r"平板电脑|平板電腦|平板|液晶电视|液晶電視|电视|電視|显示器|顯示器|投影机|投影機|打印机|打印機|播放器|镜头|鏡頭|"
                          r"摄像机|攝像機|新机|新機|新款)")


def model_products(text: str, cands: list[GazMatch], e0: int) -> list[GazMatch]:
    """A maker the gazetteer knows (an organisation) with a model code right after it: the code is the
    product (三星 | PL120, as the labelled sets write it), its id names the maker too."""
    out = []
    for c in cands:
        if c.label != "ORG" or c.end >= e0:
            continue
        m = _MODEL_CODE.match(text, c.end, e0)
        kind = _DEVICE_KIND.match(text, c.end, e0) if m is None else None
        if kind is not None:
            m = _MODEL_CODE.match(text, kind.end(), e0)  # 佳能/数码相机/IXUS220: the kind of device between maker and code
            if m is not None and text[m.start()] == " ":
                m = None
        if m is None or _UNIT_CODE.fullmatch(m.group().strip()) or (m.end() < e0 and text[m.end()].isalnum() and text[m.end()].isascii()):
            continue
        start = m.start() + (text[m.start()] == " ")
        out.append(GazMatch(start, m.end(), pinyin_id(f"{text[c.start : c.end]} {text[start : m.end()]}", "product"), "PRODUCT"))
    return out


# NBA clubs' short names that are also ordinary words (火箭 rocket, 掘金 gold-digging, 魔术 magic): a club
# only in a story about the game; the full names are in the gazetteer (sports.tsv), which gives the id
_CLUB_SHORT = {"火箭": "休斯敦火箭", "热火": "迈阿密热火", "骑士": "克利夫兰骑士", "公牛": "芝加哥公牛", "小牛": "达拉斯小牛",
               "独行侠": "达拉斯独行侠", "勇士": "金州勇士", "魔术": "奥兰多魔术", "太阳": "菲尼克斯太阳", "掘金": "丹佛掘金",
               "爵士": "犹他爵士", "快船": "洛杉矶快船", "雷霆": "俄克拉荷马城雷霆", "猛龙": "多伦多猛龙", "活塞": "底特律活塞",
               "步行者": "印第安纳步行者", "奇才": "华盛顿奇才", "国王": "萨克拉门托国王", "老鹰": "亚特兰大老鹰",
               "开拓者": "波特兰开拓者", "灰熊": "孟菲斯灰熊", "黄蜂": "夏洛特黄蜂", "雄鹿": "密尔沃基雄鹿", "超音速": "西雅图超音速"}
# the league and the clubs whose short names are no ordinary words (in the gazetteer under these names)
_NBA_NAMES = ("NBA", "美职篮", "湖人", "凯尔特人", "尼克斯", "篮网", "76人", "马刺", "森林狼")
# words of a basketball story: the league, the season and its games, what a club does in them, its players' positions
# and roles, and what a match reporter writes of a game (单节 a quarter, 绝杀 a winning shot, 抢七 a seventh game)
_GAME_WORDS = re.compile(r"NBA|美职篮|季后赛|常规赛|新赛季|本赛季|赛季|总决赛|总冠军|主场|客场|主帅|主教练|球队|篮板|三分球|东区|西区|"
                         r"东部第|西部第|连胜|连败|击败|战胜|不敌|负于|加时赛|选秀|新秀|状元秀|队友|中锋|前锋|后卫|控卫|内线|扣篮|"
                         r"首发|单节|两双|三双|抢七|绝杀|球员|球星|篮球|执教")
# clubs' nicknames, ordinary words or a surname and a word elsewhere (蓝军 the "blue army" of war games, 枪手 a gunman,
# 红魔 a red devil): the club only in a story about football or basketball (_FOOTBALL_WORDS, _GAME_WORDS); the id is the club's, by its name in
# the gazetteer (sports.tsv)
_CLUB_NICKNAMES = {"红魔": "曼联", "紅魔": "曼联", "枪手": "阿森纳", "槍手": "阿森纳", "兵工厂": "阿森纳", "蓝军": "切尔西", "藍軍": "切尔西",
                   "蓝黑军团": "国米", "蓝黑军": "国米", "斑马军团": "尤文", "红黑军团": "AC米兰", "银河战舰": "皇马", "绿军": "凯尔特人",
                   "绿衫军": "凯尔特人", "南大王": "拜仁"}
_NICKNAME = re.compile("|".join(sorted(_CLUB_NICKNAMES, key=len, reverse=True)))
_FOOTBALL_WORDS = re.compile(r"英超|意甲|西甲|德甲|法甲|欧冠|欧联|足总杯|联赛|主场|客场|主帅|主教练|球队|进球|破门|射门|转会|前锋|中场|"
                             r"后卫|门将|球员|球迷|球星|名宿|赛季|德比|逼平|战平|击败|战胜|不敌|负于|加时|点球|帽子戏法|梅开二度|\d-\d")


def club_short_names(text: str, words: list[tuple[int, int, str]], s0: int, e0: int, cands: list[GazMatch], gaz: Gazetteer) -> list[GazMatch]:
    """A club's short name that is also an ordinary word (see _CLUB_SHORT), as a whole jieba word, in a
    story with a word of the game or an NBA club the gazetteer knows in it (火箭/主场/击败/掘金, 掘金/篮网/交易), and a
    club's nickname (_CLUB_NICKNAMES) in a story about football (红魔/客场/告负, 枪手/主帅/温格)."""
    found = [(s, e, _CLUB_SHORT[text[s:e]]) for s, e, _f in words if text[s:e] in _CLUB_SHORT]
    if found:
        nba = {gaz.lookup(name) for name in (*_CLUB_SHORT.values(), *_NBA_NAMES)}
        if _GAME_WORDS.search(text, s0, e0) is None and not any(c.canonical in nba for c in cands):
            found = []  # two short names alone are no story about the game: 火箭发射成功，太阳照常升起
    nick = []
    if _NICKNAME.search(text, s0, e0):
        starts, ends = {s for s, _e, _f in words}, {e for _s, e, _f in words}
        nick = [(m.start(), m.end(), _CLUB_NICKNAMES[m.group()]) for m in _NICKNAME.finditer(text, s0, e0)
                if m.start() in starts and m.end() in ends]  # whole words, or a run of them (蓝黑/军团)
    if nick and (_FOOTBALL_WORDS.search(text, s0, e0) is not None or _GAME_WORDS.search(text, s0, e0) is not None):
        found += nick
    out = []
    for s, e, full in found:
        canonical = gaz.lookup(full)
        if canonical:
            out.append(GazMatch(s, e, canonical, label_of(canonical)))
    return out


_ORGAN_COUNTRY = {**_ABBREV_FULL, "欧": "欧洲"}


def country_organs(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer) -> list[GazMatch]:
    """A one-character country name (美, 日, 欧 ...) standing as a word before an organisation's short
    name jieba tags as an abbreviation or organisation (欧/央行, 美/证交会, 日/央行): one organisation,
    that country's (央行 alone is China's central bank in the gazetteer; 欧央行 is Europe's)."""
    out = []
    for k in range(len(words) - 1):
        s, e, _f = words[k]
        ns, ne, nf = words[k + 1]
        ch = text[s]
        if e - s != 1 or ch not in _ORGAN_COUNTRY or ns != e or nf not in ("j", "nt") or not 2 <= ne - ns <= 4:
            continue
        if s > 0 and (text[s - 1] in _ORGAN_COUNTRY or (ch == "日" and (text[s - 1].isdigit() or text[s - 1] in "月今昨明前每当當次翌"))):
            continue  # 中美/央行: two countries' banks; 5日/央行: a day
        organ = gaz.lookup(text[ns:ne])
        if not (organ and organ.startswith("org:")) and not text[ne - 1] in "会會行局部院署":
            continue
        surface = text[s:ne]
        out.append(GazMatch(s, ne, gaz.lookup(_ORGAN_COUNTRY[ch] + text[ns:ne]) or pinyin_id(surface, "org"), "ORG"))
    return out


# the kind of home an estate sells, which property news writes right after the estate's name (…山水上苑/独栋别墅,
# …林溪碧肯山/双拼别墅, …中信城/二三居): these words open the word after the name
_HOME_WORDS = re.compile(r"独栋|联排|双拼|叠拼|别墅|公寓|洋房|现房|准现房|期房|精装|毛坯|[一二两三四五][居室]|二三居|三四居|商铺|写字楼|底商|板楼|"
                         r"开盘|開盤|均价|均價|在售|待售|加推|热销|熱銷|认筹|認籌|交房|售罄|起价|起價")
# words an estate's name is made of: names, nouns, words jieba's dictionary lacks (山水/ns 上苑/ns, 中央公园/nt, 中信/nz 城/n)
_ESTATE_FLAGS = ("ns", "nr", "nrt", "nz", "nt", "n", "j", "eng", "i", "l", "ng")
# the last word of an estate's name when it is no name itself (中信/城, 温榆河/格拉斯/小镇); not a plain noun
# of what the home has (华侨城/景观, 回龙观/优质)
_ESTATE_END = re.compile(r"(?:公园|社区|小镇|家园|花园|广场|中心|国际|公馆|大厦|[城园苑府湾镇庭郡墅邸汇里院岛湖山])$")


_RANK = re.compile(r"[一二两三四五六七八九十百千]+[大强家座个]")


def estates_before_homes(text: str, words: list[tuple[int, int, str]], rs: int, gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A housing estate (FAC) named by the words between the opening of a clause and the kind of home it
    sells (see _HOME_WORDS); a district or area before the name is a place (望京/保利/中央公园/精装房 ->
    望京 | 保利中央公园, 昌平/山水/上苑/独栋 -> 昌平 | 山水上苑).  At most three words, two to eight
    characters; the first word opens the clause (the start of the Han run or after a space or mark)."""
    out = []
    for j, (s, e, _f) in enumerate(words):
        if not j or _HOME_WORDS.match(text, s) is None:
            continue
        k = j
        while k > 0 and j - k < 3:
            ps, pe, pf = words[k - 1]
            if pf not in _ESTATE_FLAGS or text[ps:pe] in _NOT_IN_NAME or _HOME_WORDS.match(text, ps):
                break
            k -= 1
        if k == j or not (words[k][0] == 0 or text[words[k][0] - 1] in " \u3000，。：；、,:;"):
            continue  # the name does not open a clause: "…开盘/现房…", "某某的/公寓", "150平/开间"
        if text[s - 1] == "新" or _RANK.match(text, words[k][0]):
            continue  # "…新开盘" (newly opened), "十大房企…": a phrase about many estates, no name
        first = words[k]
        place = k + 1 < j and (_area_word(text, first, gaz, tagger) or _rare_area(text, first, gaz, tagger))
        start = words[k + 1][0] if place else first[0]
        name = words[k + 1 if place else k : j]
        named = [_named_word(text, w, gaz, tagger) for w in name]
        if (not 2 <= s - start <= 8 or gaz.lookup(text[start:s]) is not None or not any(named)
                or not (named[-1] or _ESTATE_END.search(text, name[-1][0], name[-1][1]))
                or (len(name) == 1 and name[0][2] in _PERSON_FLAGS)):
            continue  # a name the gazetteer knows (a developer, a place), plain words, a person's house (郭德纲/别墅)
        out.append(GazMatch(start, s, pinyin_id(text[start:s], "fac"), "FAC"))
        if place:
            w = text[first[0] : first[1]]
            canonical = gaz.lookup(w) or pinyin_id(w, "fac" if _RING_ROAD.fullmatch(w) else "gpe")
            out.append(GazMatch(first[0], first[1], canonical, label_of(canonical)))
    return out


def _named_word(text: str, word: tuple[int, int, str], gaz: Gazetteer, tagger: ChineseTagger) -> bool:
    """A word that can make a name: a name tag and not common in jieba's dictionary, or a word it lacks."""
    s, e, f = word
    w = text[s:e]
    if f == "n" and tagger.tag_of(w) in _PERSON_FLAGS and w[-1] not in "镇鎮村城乡鄉区區县縣市":
        f = "nr"  # a name word _demote_common_two made a plain noun when no person stood beside it (方正, 凤凰)
    return (f != "n" and f in _NAME_FLAGS and (tagger.freq(w) < NAME_WORD_FREQ or gaz.lookup(w) is not None)) or not tagger.known(w)


def _area_word(text: str, word: tuple[int, int, str], gaz: Gazetteer, tagger: ChineseTagger) -> bool:
    """The word before an estate's name is the district or area it lies in: a place the gazetteer knows,
    the bare name of a county or district (昌平, 顺义), a word jieba tags a place (望京/ns, 燕郊/ns), a ring road."""
    s, e, f = word
    return _plain_place(text[s:e], gaz, tagger) or (f == "ns" and 2 <= e - s <= 3)


# a Latin-script name written inside Chinese text (NYMEX原油, 传Groupon提前, ESPN：, IGG Inc.登陆): a word with a capital
# letter (or a lower-case one with a capital inside: iPhone) next to a Han character or a full-width mark.  Common
# abbreviations that name no one are left alone (CEO, GDP, PK, APP, 5G), and so is a code after a digit (30X, 4G).
_LATIN_NAME = re.compile(r"(?<![A-Za-z0-9&.'’-])(?:[A-Z][A-Za-z0-9&'’-]*[A-Za-z0-9]|[a-z]+[A-Z][A-Za-z0-9]*)(?:\.com)?"
                         r"(?: [A-Z][A-Za-z0-9&'’-]*[A-Za-z0-9]\.?)*(?![A-Za-z0-9&'’-])")
_NOT_LATIN_NAMES = frozenset(
    "CEO CFO CTO COO CIO VP PK VS APP App PC TV DV DC CD DVD VCD MV MP3 MP4 USB GPS LED LCD OLED CPU GPU RAM ROM SIM SMS "
    "IT AI VR AR IP ID OK NO HD DIY VIP MBA EMBA PhD DNA CBD SUV KTV GDP CPI PPI PMI IPO QFII QDII RQFII ETF LOF FOF ERP CRM "
    "SaaS PaaS IaaS OEM ODM HR PR QQ ST PE PB EPS ROE AAA AA BBB BB UFO BBS WAP WiFi Wi-Fi WLAN LTE GSM CDMA TD 3G 4G 5G "
    "NO.1 No TOP Top MVP VS. Mr Ms Dr Mark II III IV EX OL SE GT Plus Pro Max Mini Online VC PVC PTA LOFT BOSS".split())
# words after a Latin name that belong to a company's name (CDC软件, Google公司 is the name and a plain word: left out)
_LATIN_ORG_TAIL = re.compile(r"软件|軟件|科技|集团|集團|控股|网络|網絡|传媒|傳媒|资本|資本|电子|電子|通讯|通訊|证券|證券|银行|銀行|汽车|汽車")
_PRODUCT_AFTER = re.compile(r"(?:浏览器|瀏覽器|手机|手機|平板|电脑|電腦|笔记本|筆記本|游戏|遊戲|网游|網遊|相机|相機|系统|系統|芯片|播放器|客户端|"
                            r"版|系列)")
_ORG_AFTER = re.compile(r"(?:公司|集团|集團|银行|銀行|基金|证券|證券|报告|報告|报道|報道|数据|數據|称|稱|表示|宣布|发布|發佈|发布|CEO|总裁|總裁)")
_I_PRODUCT = re.compile(r"[a-z][A-Z][a-z]")  # iPhone, iPad, eReader (iDC is a company)
_CJK_SIDE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef《》“”]")


def latin_names(text: str, s0: int, e0: int, cands: list[GazMatch], gaz: Gazetteer) -> list[GazMatch]:
    """Latin-script names in Chinese text that no other rule found: an organisation (NYMEX, ESPN, Groupon,
    IGG Inc.), a product when a word for a kind of product follows (Firefox浏览器) or when it is written
    as products are (iPhone, CSOL: an online game's "OL").  The gazetteer's id when it knows the name."""
    out = []
    taken = [(c.start, c.end) for c in cands]
    for m in _LATIN_NAME.finditer(text, s0, e0):
        s, e = m.span()
        w = m.group()
        if all(p.rstrip(".") in _NOT_LATIN_NAMES or p.upper() in _NOT_LATIN_NAMES for p in w.split()) or len(w) < 2 or any(
                a < e and s < b for a, b in taken):
            continue
        if not (_cjk_side(text, s - 1, s0, e0, -1) and _cjk_side(text, e, s0, e0, 1)):
            continue  # a name inside Chinese text: a Han character or a mark (or the text's edge) on both sides
        if any(ch.isdigit() for ch in w):
            continue  # a code (S2000, HD90, G20): model_products reads a model after its maker
        canonical = gaz.lookup(w)
        if canonical:
            out.append(GazMatch(s, e, canonical, label_of(canonical)))
            continue
        tail = _LATIN_ORG_TAIL.match(text, e, e0)
        if tail is not None:
            out.append(GazMatch(s, tail.end(), f"org:{slug(text[s : tail.end()])}", "ORG"))
            continue
        product = (_I_PRODUCT.match(w) or w.endswith("OL") or _PRODUCT_AFTER.match(text, e, e0) is not None
                   or _after_maker(text, s, s0, cands, gaz)) and not _ORG_AFTER.match(text, e, e0)
        kind = "product" if product else "org"
        out.append(GazMatch(s, e, f"{kind}:{slug(w)}", kind.upper()))
    return out


def _after_maker(text: str, s: int, s0: int, cands: list[GazMatch], gaz: Gazetteer) -> bool:
    """The Latin name right after a company the lists know (宾得KR, 苹果 MacBook Pro, 联想ThinkPad): that company's product."""
    p = s - 1 if s - 1 > s0 and text[s - 1] == " " else s
    return any(c.end == p and c.label == "ORG" and ((gaz.lookup(text[c.start : c.end]) or "").startswith("org:") or text[c.start : c.end] in _WORD_BRANDS)
               for c in cands)


def _cjk_side(text: str, i: int, s0: int, e0: int, step: int) -> bool:
    """The character at ``i`` (one space skipped, in the direction ``step``) is Han or a full-width mark, or the text ends there."""
    if text[i : i + 1] == " ":
        i += step
    return not s0 <= i < e0 or text[i] in "\n" or _CJK_SIDE.match(text, i) is not None


# the last word of a facility's name: roads, bridges, stations, buildings, halls (春熙路, 长江/隧桥, 奥本山/宫殿, 织金/洞)
_FAC_END = re.compile(r"(?:路|街|大街|大道|桥|橋|大桥|大橋|隧道|隧桥|隧橋|机场|機場|车站|車站|火车站|火車站|码头|碼頭|广场|廣場|大厦|大廈|大楼|大樓|"
                      r"宫殿|宮殿|宫|宮|洞|寺|体育场|體育場|体育馆|體育館|博物馆|博物館|纪念馆|紀念館|公园|公園)$")
_FAC_BEFORE_FLAGS = ("ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "eng")
RARE_NAME_WORD_FREQ = 100  # a plain noun this rare in jieba's dictionary (织金 20, 猎德 0) can be a name
_NOT_FAC_BEFORE = frozenset("马路 道路 公路 铁路 高速 街道 小区 社区 城市 农村 山区 景区 地区 市区 郊区".split())


def facility_names(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """Facilities and villages named by a name word and the word for their kind (成都/春熙路, 长江/隧桥, 奥本山/宫殿,
    猎德/村), a city's ring road (南三环, 西六环路), and cups and leagues named by their words (建桥/杯)."""
    out = []
    for j, (s, e, f) in enumerate(words):
        w = text[s:e]
        if _RING_ROAD.fullmatch(w):
            out.append(GazMatch(s, e, pinyin_id(w, "fac"), "FAC"))
            continue
        cup = w in ("杯", "盃")
        fac = _FAC_END.search(w) is not None
        if not (fac or cup or w in ("村", "庄", "莊")):
            continue
        if (fac and e - s >= 3 and not tagger.known(w[:-1]) and tagger.freq(w) < RARE_NAME_WORD_FREQ and gaz.lookup(w) is None and f != "v"
                and not (f in _PERSON_FLAGS and e - s == 3 and w[0] in ZH_SURNAMES and (text[e : e + 1] in ("：", ":") or _ZH_SPEAKS.match(text, e)))):
            out.append(GazMatch(s, e, pinyin_id(w, "fac"), "FAC"))  # 春熙路/i: a name jieba holds as one rare word
            continue
        if not j or (fac and tagger.known(w) and not _FAC_END.fullmatch(w)):
            continue  # "虹桥", "道路": a word that ends in a facility word is a name or a word of its own
        if j + 1 < len(words) and words[j + 1][0] == e and _ESTATE_LAST.search(text, *words[j + 1][:2]) and words[j + 1][1] - words[j + 1][0] >= 2:
            continue  # 金桥/嘉园, 金桥/国际: the name runs on into an estate's word
        ps, pe, pf = words[j - 1]
        prev = text[ps:pe]
        if pe != s or not 2 <= pe - ps <= 4 or prev in _NOT_IN_NAME or prev in _NOT_FAC_BEFORE or _RING_ROAD.fullmatch(prev):
            continue
        if not (pf in _FAC_BEFORE_FLAGS or (pf in ("n", "i", "l", "ng") and tagger.freq(prev) < (NAME_WORD_FREQ if cup else RARE_NAME_WORD_FREQ))):
            continue
        surface = text[ps:e]
        kind = "event" if cup else "gpe" if w in ("村", "庄", "莊") else "fac"
        canonical = gaz.lookup(surface) or pinyin_id(surface, kind)
        out.append(GazMatch(ps, e, canonical, label_of(canonical)))
    return out


# the last word of a law, treaty or code named without 《》 (南海/行为准则, 巴黎/协定, 日内瓦/公约, 联合国/宪章)
_LAW_END = re.compile(r"(?:准则|準則|条例|條例|公约|公約|条约|條約|协定|協定|法案|宪章|憲章)$")


def law_names(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer) -> list[GazMatch]:
    """A law, treaty or code named by a place or body and up to two plain words before its kind word."""
    out = []
    for j, (s, e, _f) in enumerate(words):
        if not j or _LAW_END.search(text, s, e) is None or words[j - 1][1] != s:
            continue
        k = j
        while k > 0 and j - k < 3:
            ps, pe, pf = words[k - 1]
            if pf not in _NAME_FLAGS or text[ps:pe] in _NOT_IN_NAME or pe - ps < 2:
                break
            k -= 1
            if pf in ("ns", "nt", "nz", "j"):
                break  # the place or body opens the name
        if k == j or words[k][2] not in ("ns", "nt", "nz", "j"):
            continue
        surface = text[words[k][0] : e]
        out.append(GazMatch(words[k][0], e, gaz.lookup(surface) or pinyin_id(surface, "law"), "LAW"))
    return out


# the words a name before a colon ends in when it is a company's (金百灵投资：, 海利得：)
_COLON_ORG_END = re.compile(r"(?:投资|投資|证券|證券|基金|银行|銀行|集团|集團|控股|科技|股份|公司|传媒|傳媒|地产|地產|置业|置業|药业|藥業|"
                            r"[日晚周週]?报|[日晚周週]?報|周刊|週刊|杂志|雜誌)$")  # a paper before a colon: its column (中国经营报：)


# sector words listed companies' short names end in (七星电子, 广船国际, 华能国际, 上海电气): a company before a colon when
# what comes before the sector word is a name, no plain word of the dictionary (石油化工, 有色金属: the industry)
_COLON_SECTOR_END = re.compile(r"(?:电子|電子|国际|國際|电力|電力|电气|電氣|能源|重工|汽车|汽車|钢铁|鋼鐵|化工|医药|醫藥|航空|通信|软件|軟件|网络|網絡|"
                               r"实业|實業|机械|機械|电器|電器|矿业|礦業|物流|期货|期貨|资本|資本|信托|信託|保险|保險|租赁|租賃|农业|農業|水泥|建设|建設)$")
SECTOR_HEAD_FREQ = 1000  # 七星 172, 东吴 381; 石油 4,930, 金融 6,455


def colon_heads(text: str, words: list[tuple[int, int, str]], rs: int, re_: int, gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A line that opens with a short name and a colon: the speaker or the company the line is about, as
    headlines write them (理柏：QFII…, 陶短房：在加拿大…, 金百灵投资：静候IPO).  The name is what no word of
    jieba's dictionary covers -- a word it lacks, or single characters it could not join (陶/短/房, 海利/得) --
    of two to four characters (up to six ending in a company word); a person when three characters open with
    a surname jieba cut off alone, or one word it tags a person opens with one, else an organisation."""
    if text[re_ : re_ + 1] not in ("：", ":") or not words:
        return []
    n = re_ - rs
    w = text[rs:re_]
    if not (rs == 0 or text[rs - 1] == "\n"):
        # after a space, a headline's second clause: only a foreign name the dictionary holds (皇马大胜 齐达内：...)
        return _foreign_speaker(text, words, rs, re_, w, gaz) if text[rs - 1] in " \u3000" else []
    org_end = _COLON_ORG_END.search(w) is not None
    if not org_end and (sector := _COLON_SECTOR_END.search(w)) is not None and sector.start() >= 2 and len(words) >= 2:
        head = w[: sector.start()]  # 七星/电子：, 广船/国际：: a listed company's short name and its sector (not 石油/化工：, an industry)
        org_end = tagger.freq(head) < SECTOR_HEAD_FREQ and tagger.tag_of(head) not in ("n", "v", "vn", "a", "ad", "d", "m")
    if not (2 <= n <= 4 or (org_end and n <= 6)) or gaz.lookup(w) is not None or "·" in w:
        return []
    if w[0] in _ABBREV_FULL and _ABBREV_SIDE.fullmatch(w, 1):
        return []  # 美专家：, 日媒：, 英首相：: a country's one-character name and who speaks for it (country_abbreviations)
    unknown = any(not tagger.known(text[s:e]) for s, e, _ in words)
    singles = len(words) >= 2 and any(e - s == 1 for s, e, _ in words)
    if len(words) == 1 and words[0][2] == "nt" and not org_end:
        return [GazMatch(rs, re_, pinyin_id(w, "org"), "ORG")]  # 广船国际/nt：: a name jieba's dictionary holds as an organisation
    if not org_end and (speaker := _foreign_speaker(text, words, rs, re_, w, gaz)):
        return speaker  # 齐达内/nz：, 鲁梅尼格/nr：: a foreign name the dictionary holds
    if not (unknown or singles or (org_end and len(words) >= 2)):
        return []  # one word of the dictionary (专访：, 快讯：) or words it knows (热点/观察：, 西甲/趣闻：)
    if any(f in ("tg", "t", "q", "f") and e - s == 1 for s, e, f in words):
        return []  # a time, measure or direction character: a market column's label (午/评：, 早/盘：)
    if any(f in ("v", "vn", "d", "p", "c", "m", "x", "r", "uj", "a", "ad") and e - s >= 2 for s, e, f in words if not org_end or f != "vn"):
        return []  # a verb or function word of the dictionary: a phrase (重磅/出击：, 专家/指导：)
    person = n <= 3 and text[rs] in ZH_SURNAMES and not org_end and (
        (n == 3 and words[0][1] - words[0][0] == 1) or (len(words) == 1 and words[0][2] in _PERSON_FLAGS))  # 陶/短/房, 洪波/nr
    person = person or (n >= 3 and not org_end and all(ch in _TRANSLIT for ch in w))  # 鲁比/尼：, 斯蒂格利茨：a foreign name
    return [GazMatch(rs, re_, pinyin_id(w, "person" if person else "org"), "PERSON" if person else "ORG")]


def _foreign_speaker(text: str, words: list[tuple[int, int, str]], rs: int, re_: int, w: str, gaz: Gazetteer) -> list[GazMatch]:
    """The words before a headline's colon are one word of jieba's dictionary it tags a person or a proper noun, of three
    to five transliteration characters, that no list holds as a place or anything else: a foreign speaker (齐达内/nz：)."""
    if (len(words) == 1 and 3 <= re_ - rs <= 5 and words[0][2] in _PERSON_FLAGS + ("nz",) and all(ch in _TRANSLIT for ch in w)
            and gaz.lookup(w) is None and w not in foreign_places()):
        return [GazMatch(rs, re_, pinyin_id(w, "person"), "PERSON")]
    return []


# what comes right after a person's name: a speech or reporting verb, an act of office, or the title the
# person holds (王晓梅表示, 陈家乐出席, 吴启明报道, 杨文昌教授)
_AFTER_NAME = re.compile(
    r"表示|称|稱|说|說|指出|认为|認為|强调|強調|透露|介绍|介紹|坦言|回应|回應|告诉|告訴|报道|報道|出席|会见|會見|主持|宣布|提出|"
    r"建议|建議|解释|解釋|坦承|直言|呼吁|呼籲|"
    r"教授|主席|部长|部長|总理|總理|总统|總統|主任|书记|書記|市长|市長|省长|省長|局长|局長|院长|院長|校长|校長|董事长|董事長|"
    r"总裁|總裁|总经理|總經理|先生|女士|博士|研究员|研究員|律师|律師|医生|醫生|教练|教練|导演|導演|委员|委員|代表")
# what comes right before one: 据 ("according to"), a role word (see _ZH_ROLE_END and the titles), "and"
_BEFORE_NAME = re.compile(r"(?:据|據|和|与|與|及|、|" + _ZH_ROLE_END.pattern[3:-2] + r"|主席|总理|總理|总统|總統|董事|副)$")
# characters no given name holds in news (function words, "某", the title's own characters)
_NOT_IN_GIVEN = frozenset("的了是在和与與也都就又还還被把对對向将將已等们們某说說称稱表示先生女士称为其之这這那此该該个個")


def named_by_context(text: str, words: list[tuple[int, int, str]], rs: int, re_: int, gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A person's name of two or three characters that jieba did not read as one (陈家/乐, 林/更新, 徐海/涛):
    a common surname and one or two given characters, between what comes before a name (the start of a
    clause, 据, a role word, 和) and what comes after one (a speech verb, an act of office, a title).  Not a
    word of the dictionary that is no name (高层/表示, 方面/称), nor a place or organisation the gazetteer knows."""
    out = []
    starts = {s for s, _, _ in words}
    for m in _AFTER_NAME.finditer(text, rs, re_):
        p = m.start()
        for n in (3, 2):
            s = p - n
            if s < rs or text[s] not in ZH_SURNAMES or any(ch in _NOT_IN_GIVEN for ch in text[s + 1 : p]) or (n == 2 and text[s + 1] in _NOT_GIVEN_SECOND):
                continue
            if not (s == rs or s in starts and _BEFORE_NAME.search(text, max(rs, s - 4), s)):
                continue
            w = text[s:p]
            if gaz.lookup(w) is not None or w in foreign_places() or (tagger.known(w) and tagger.tag_of(w) not in _PERSON_FLAGS):
                continue
            if w[0] in _ABBREV_FULL and _ABBREV_SIDE.match(w, 1):
                continue  # 韩媒/称, 美方/表示: a country's media or side (country_abbreviations), not a surname and a given name
            if n == 3 and (gaz.lookup(text[s : s + 2]) is not None or text[s : s + 2] in foreign_places()):
                continue  # a place and a word after it: 韩国/前/总统
            if n == 3 and tagger.known(text[s + 1 : p]) and tagger.tag_of(text[s + 1 : p]) not in _PERSON_FLAGS + ("nz", None) and tagger.freq(text[s + 1 : p]) > 2000:
                continue  # a surname-like character before a common word: 高/速度, 林/业务
            out.append(GazMatch(s, p, pinyin_id(w, "person"), "PERSON"))
            break
    return out


# the kind word closing a place's or a street's name (泉交河/镇, 长胜/村, 青石/街, 幸福/小区) and the label it gives
_PLACE_KIND = re.compile(r"街道|小区|小區|花园|花園|广场|廣場|社区|社區|大道|公园|公園|镇|鎮|村|乡|鄉|县|縣|区|區|路|街")
_PLACE_KIND_LABEL = {**dict.fromkeys("街道 社区 社區 镇 鎮 村 乡 鄉 县 縣 区 區".split(), "gpe"),
                     **dict.fromkeys("小区 小區 花园 花園 广场 廣場 大道 公园 公園 路 街".split(), "fac")}
# tags of the word before the name that end what came before (a verb, preposition, conjunction, particle, adverb,
# direction, pronoun) -- or a place the name lies in
_OPENS_NAME = ("v", "p", "c", "uj", "ul", "ud", "d", "f", "r", "x", "vn", "ns")
# characters no place name holds (function words, "this/that/each/whole/our", 之: 星战之路 "the road to")
_NOT_IN_PLACE = frozenset("的了是在和与與也都就又还還被把对對向将將已等们們这這那该該每各全本此其我你他她它某个個之")
# words before a kind word that make a common noun, not a name (城市/广场, 中心/广场, 农村/社区, 老/城区)
_PLAIN_PLACE_HEADS = frozenset("城市 中心 农村 農村 乡村 鄉村 地区 地區 市区 市區 城区 城區 郊区 郊區 山区 山區 景区 景區 老城 新城 城中 "
                               "附近 周边 周邊 当地 當地 各地 商业 商業 步行 高速 公路 马路 道路 街头 街頭 小区 社区 "
                               "居民 住宅 安置 拆迁 拆遷 保障房 廉租房 试点 試點 示范 示範 开发 開發 工业 工業 经济 經濟 保护 保護 "
                               "行政 自治 特区 特區 辖区 轄區 管辖 管轄 受灾 受災 贫困 偏远 偏遠 边远 邊遠 新建 新增 现有 現有 事发 事發 涉事 商品房".split())
_NOT_NAME_TAGS = ("b", "z", "a", "ad", "v", "vn", "l", "i", "t", "m")  # 高档/b, 湿地/z, 美丽/a: what a place is like, not its name
RARE_PLACE_NAME_FREQ = 3000  # a dictionary word this rare can name a place before a kind word (长胜, 桃源); 城市 is 25,084


def places_by_kind(text: str, words: list[tuple[int, int, str]], rs: int, re_: int, gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A town, village, district, street or estate no list holds: two or three characters and the kind word
    after them (泉交河镇, 长胜村, 青石街, 幸福小区), where the kind word ends a jieba word (not 镇长, 区委) and the
    name opens after a verb, preposition or particle, a place, or the clause's start; the name holds a word
    jieba's dictionary lacks, a name it tags, or a rare word, and is no common noun (城市广场, 农村社区)."""
    out = []
    starts = {s: k for k, (s, _, _) in enumerate(words)}
    ends = {e for _, e, _ in words}
    for m in _PLACE_KIND.finditer(text, rs, re_):
        p, pe = m.span()
        if pe not in ends:
            continue  # 镇长, 区委, 路线: the kind word opens a longer word
        for n in (3, 2):
            s = p - n
            if s < rs or s not in starts:
                continue
            name = text[s:p]
            k = starts[s]
            if any(ch in _NOT_IN_PLACE for ch in name) or name in _PLAIN_PLACE_HEADS or name in _NOT_IN_NAME or not _HAN_ONLY.fullmatch(name):
                continue
            if not (s == rs or words[k - 1][2] in _OPENS_NAME or text[words[k - 1][0] : words[k - 1][1]] in ("住", "至", "到", "往")):
                continue
            inside = [w for w in words[k:] if w[1] <= p]
            if not inside or inside[-1][1] != p:
                continue  # the name's last word runs on into the kind word
            kind = _PLACE_KIND_LABEL[m.group()]
            if not any(_place_name_word(text, w, tagger, kind == "gpe") for w in inside) or any(w[2] in _NOT_NAME_TAGS for w in inside):
                continue
            surface = text[s:pe]
            if tagger.known(surface) and tagger.tag_of(surface) not in ("ns", "nz", "nt", None):
                continue  # a word of the dictionary: 开发区, 商业街, 城中村
            known = gaz.lookup(surface)
            out.append(GazMatch(s, pe, known or pinyin_id(surface, kind), label_of(known) if known else kind.upper()))
            break
    return out


def _place_name_word(text: str, word: tuple[int, int, str], tagger: ChineseTagger, town: bool) -> bool:
    """A word that can name a place: one jieba tags a name and counts rarely, one it lacks, or (for a town,
    village or district) any rare word of two characters or more (长胜/村); 城市, 幸福 are too common."""
    s, e, f = word
    w = text[s:e]
    if not tagger.known(w):
        return True
    if tagger.freq(w) >= RARE_PLACE_NAME_FREQ:
        return False
    return f in ("ns", "nr", "nz", "nrt", "nt", "j") or (town and e - s >= 2 and f not in ("v", "d", "p", "c", "r", "m", "q", "u"))


# the word closing a company's name (海利得/公司, 金百灵/投资, 恒瑞/科技)
_COMPANY_KIND = frozenset("公司 集团 集團 银行 銀行 科技 股份 投资 投資 证券 證券 传媒 傳媒 控股 药业 藥業 地产 地產 置业 置業 电子 電子 网络 網絡 "
                          "实业 實業 能源 物流 资本 資本 创投 創投 电器 電器".split())
# tags of a name's piece that say it is no part of a name (pronoun, adverb, preposition, particle, number, measure, direction)
_NOT_COMPANY_PIECE = ("r", "d", "p", "u", "uj", "ul", "ud", "uz", "ug", "uv", "m", "q", "x", "f", "c", "y", "e", "o", "t")


def companies_by_kind(text: str, words: list[tuple[int, int, str]], rs: int, gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A company no list holds: two to four characters and the word for its kind (海利得公司, 金百灵投资, 理柏基金…),
    the name opening after a verb, preposition or particle, a place or the clause's start, made of pieces that
    can name (a word jieba lacks, a name it tags, a rare word, a character it could not join) with at least one
    that does name (not a rare plain word alone: 金融/投资, 风险/投资 are kinds of business)."""
    out = []
    for j, (s, e, _f) in enumerate(words):
        if not j or text[s:e] not in _COMPANY_KIND:
            continue
        k = j
        while k > 0 and s - words[k - 1][0] <= 4:
            ps, pe, pf = words[k - 1]
            if pf in _NOT_COMPANY_PIECE or pf in _NOT_NAME_TAGS or (pe - ps >= 2 and tagger.freq(text[ps:pe]) >= RARE_PLACE_NAME_FREQ) or text[ps:pe] in _NOT_IN_NAME:
                break
            k -= 1
        while k < j and not (words[k][0] == rs or words[k - 1][2] in _OPENS_NAME):
            k += 1  # the name opens after a verb, a preposition, a particle, a place or the clause's start
        if k == j or not 2 <= s - words[k][0] <= 4:
            continue
        pieces = words[k:j]
        if not any(not tagger.known(text[a:b]) or f in ("ns", "nr", "nz", "nrt", "nt", "j", "eng") or b - a == 1 for a, b, f in pieces):
            continue
        if len(pieces) == 1 and (gaz.lookup(text[pieces[0][0] : pieces[0][1]]) or pieces[0][2] == "ns" or tagger.county(text[pieces[0][0] : pieces[0][1]])):
            continue  # a place or a known name before a sector word: 中国/投资, 苏州/科技 (kind_word_names reads known makers)
        surface = text[words[k][0] : e]
        out.append(GazMatch(words[k][0], e, gaz.lookup(surface) or pinyin_id(surface, "org"), "ORG"))
    return out


# words that say a headline is about homes for sale (a realty headline names its estate right after the district)
_REALTY_CUE = re.compile(r"平米|平方米|平起|户型|戶型|楼盘|樓盤|新盘|新盤|均价|均價|开盘|開盤|在售|推新|加推|现房|現房|别墅|別墅|样板间|"
                         r"[一二两三四五\d]居|\d+折|折后|折後|全款|起价|起價|售罄|认筹|認籌|交房")
# the last character or word of an estate's name (金谷香郡, 北美佳苑, 罗兰香谷, 天地凤凰城, 芭蕾雨悦都, 玲珑山, 御府, 长安山麓)
_ESTATE_LAST = re.compile(r"(?:国际|國際|公馆|公館|花园|花園|家园|家園|广场|廣場|中心|小镇|小鎮|大道|世家|公寓|庄园|莊園|山庄|山莊|华府|華府|"
                          r"天地|首府|壹号|一号|半岛|半島|[郡苑城谷都山岛島府园園湾灣院汇匯墅邸庭里阁閣轩軒岸港馆館庄莊寓麓])$")
# tags of the words that end an estate's name: verbs, adverbs, numbers, measures, particles, time and direction words
_ESTATE_STOP_FLAGS = ("v", "vn", "d", "p", "c", "m", "q", "x", "uj", "ul", "u", "t", "tg", "f", "r", "y", "vd")


_DEVELOPMENT_WORDS = frozenset("新盘 新盤 楼盘 樓盤 项目 項目 纯新盘 純新盤".split())


def estates_after_districts(text: str, words: list[tuple[int, int, str]], rs: int, gaz: Gazetteer, tagger: ChineseTagger,
                            realty: bool) -> list[GazMatch]:
    """In a headline about homes for sale (``realty``: see _REALTY_CUE), the estate named right after the district
    that opens a clause (石景山 | 金谷香郡 | 预计…开盘, 通州 | 北美佳苑 | 叠拼…): one to three name words, two to six
    characters, ending in an estate's word (see _ESTATE_LAST), up to a verb, number or home word.  A name of one
    common word takes the district in (北京半岛: the estate, not the peninsula); a developer the gazetteer knows
    opens the name (保利罗兰香谷)."""
    if not realty:
        return []
    out = []
    n = len(words)
    for k in range(n - 1):
        ps, pe, pf = words[k]
        maker = gaz.lookup(text[ps:pe])
        if maker and maker.startswith("org:"):
            hit = _developer_estate(text, words, k, gaz, tagger)
            if hit is not None:
                out.append(hit)
            continue
        if not (ps == rs or text[ps - 1] in " \u3000，。：；、,:;") or not (_district(text, words[k], gaz, tagger) or _rare_area(text, words[k], gaz, tagger)):
            continue
        j = k + 1
        while j < n and j - k <= 4 and (_estate_piece(text, words[j]) or gaz.lookup(text[words[j][0] : words[j][1]]))  \
                and _HOME_WORDS.match(text, words[j][0]) is None and _HAN_ONLY.fullmatch(text, words[j][0], words[j][1]):
            j += 1  # name words; a name the gazetteer knows (a developer: 富力/x) is one whatever jieba's tag
        j = _estate_end(text, words, k, j)  # the name ends in an estate's word: 芭蕾/雨悦/都 (not 天地/凤凰/城/50)
        if j is None:
            continue
        if text[words[k + 1][0] : words[k + 1][1]] in _DEVELOPMENT_WORDS and j > k + 2:
            k += 1  # 门头沟/新盘/西山博苑: "the new development" stands between the district and the name
        s, e = words[k + 1][0], words[j - 1][1]
        if not 2 <= e - s <= 6:
            continue
        name = words[k + 1 : j]
        if len(name) == 1 and tagger.known(text[s:e]) and tagger.tag_of(text[s:e]) not in ("ns", "nz", "nt"):
            if tagger.freq(text[s:e]) < 100 or not 3 <= e - ps <= 6:
                continue
            s = ps  # 北京/半岛: a common word after the place is the estate's name with it
        elif gaz.lookup(text[s:e]) is not None or not any(_named_word(text, w, gaz, tagger) or tagger.freq(text[w[0]:w[1]]) < 100 for w in name):
            continue
        out.append(GazMatch(s, e, pinyin_id(text[s:e], "fac"), "FAC"))
        if s > ps:
            w = text[ps:pe]
            canonical = gaz.lookup(w) or pinyin_id(w, "fac" if _RING_ROAD.fullmatch(w) else "gpe")
            out.append(GazMatch(ps, pe, canonical, label_of(canonical)))
    return out


_RARE_AREA_FLAGS = ("n", "nr", "ns", "nz")
# the last character of a neighbourhood's or a town's name (金融街, 菜市口, 方庄, 西红门, 回龙观, 三里屯): a street, a
# crossing, a village, a gate, a temple; a rare word ending otherwise opens the estate's own name (书香名邸, 亲水雅园) or
# says what the homes are like (低密度, 抄底)
_AREA_LAST = frozenset("街口庄莊门門观觀村屯营營桥橋坊庙廟井坡塘寨堡")


def _rare_area(text: str, word: tuple[int, int, str], gaz: Gazetteer, tagger: ChineseTagger) -> bool:
    """A word of jieba's dictionary it counts rarely (below RARE_NAME_WORD_FREQ) and tags a noun or a name, opening a realty
    headline before an estate's name: the area the estate lies in, which the dictionary holds as a plain word (金融街 17,
    菜市口 23, 方庄 23) and ending as such names do (see _AREA_LAST), not a word it made up from an unknown name (合生/v,
    汤臣: a developer's or an estate's own)."""
    s, e, f = word
    w = text[s:e]
    return (2 <= e - s <= 3 and f in _RARE_AREA_FLAGS and w[-1] in _AREA_LAST and 0 < tagger.freq(w) < RARE_NAME_WORD_FREQ
            and gaz.lookup(w) is None and _HAN_ONLY.fullmatch(w) is not None)


def _estate_end(text: str, words: list[tuple[int, int, str]], k: int, j: int) -> int | None:
    """The index past the last name word of an estate that starts at ``words[k + 1]`` and runs at most to ``words[j - 1]``:
    cut back to a word that ends an estate's name (see _ESTATE_LAST).  None when no word does, when the name runs on
    into a word that is no stop, or when a station or a street follows (黄村/枣园/站)."""
    while j > k + 1 and _ESTATE_LAST.search(text, words[k + 1][0], words[j - 1][1]) is None:
        j -= 1
    if j == k + 1:
        return None
    e = words[j - 1][1]
    if j < len(words) and words[j][0] == e and words[j][2] not in _ESTATE_STOP_FLAGS and _HOME_WORDS.match(text, e) is None:
        return None  # the name runs on into a word that is no stop
    return None if text[e : e + 1] in ("站", "路", "街") else j


def _estate_piece(text: str, word: tuple[int, int, str]) -> bool:
    """A word that can be a piece of an estate's name: no verb, number or function word (a Han character jieba could not
    read, 醍/x, is one)."""
    return word[2] not in _ESTATE_STOP_FLAGS or (word[2] == "x" and _HAN_ONLY.fullmatch(text, word[0], word[1]) is not None)


def _developer_estate(text: str, words: list[tuple[int, int, str]], k: int, gaz: Gazetteer, tagger: ChineseTagger) -> GazMatch | None:
    """A developer the gazetteer knows and the name words after it, ending in an estate's word, in a realty headline: the
    estate, the developer's name its first part (万科/幸福汇, 龙湖/香醍/溪岸, 首开/铂郡, 富力/湾)."""
    ps, pe, _ = words[k]
    j = k + 1
    while j < len(words) and j - k <= 4 and _estate_piece(text, words[j]) and _HOME_WORDS.match(text, words[j][0]) is None \
            and _HAN_ONLY.fullmatch(text, words[j][0], words[j][1]) and gaz.lookup(text[words[j][0] : words[j][1]]) is None:
        j += 1
    j = _estate_end(text, words, k, j) or _coined_estate_end(text, words, k, j, tagger)
    if j is None or words[k + 1][0] != pe or not 1 <= words[j - 1][1] - pe <= 5:
        return None
    e = words[j - 1][1]
    if text[pe:e] in _DEVELOPMENT_WORDS or text[pe:e] in ("集团", "集團", "地产", "地產", "公司", "置业", "置業", "中心", "国际", "國際"):
        return None  # 万科/集团: the company itself
    return GazMatch(ps, e, pinyin_id(text[ps:e], "fac"), "FAC")


# the mark between a developer's name and its estate's (华远•九都汇, 领秀·慧谷), as feeds write it or leave it escaped
_ESTATE_JOINER = re.compile(r"[•·‧・]|&#8226;|&#183;|&middot;|&bull;")


def developer_joined_estates(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A developer's name, a joining mark, then the estate's own name (金隅&#8226;长安山麓, 龙湖•香醍溪岸): the whole is
    the estate, as property news names it.  The name is one to three words, two to five characters, ending in an
    estate's word (see _ESTATE_LAST), or coined (see _coined_estate_end) after a developer the gazetteer knows.  The
    word before the mark is a name word of two to four characters (not a foreign given name: those are people,
    皮特·鲍泰利, and end in no estate's word).  ``words`` are all the Han runs' words: the name comes in the next run."""
    if not words or _ESTATE_JOINER.search(text, words[0][0], words[-1][1]) is None:
        return []
    out = []
    for k in range(len(words) - 1):
        ps, pe, _ = words[k]
        j = _ESTATE_JOINER.match(text, pe)
        if j is None or words[k + 1][0] != j.end():
            continue
        maker = gaz.lookup(text[ps:pe])
        known = bool(maker and maker.startswith("org:"))
        if not known and not (2 <= pe - ps <= 4 and _estate_piece(text, words[k]) and words[k][2] != "x"):
            continue
        n = k + 1
        while n < len(words) and n - k <= 4 and words[n][0] == (words[n - 1][1] if n > k + 1 else j.end()) and _estate_piece(text, words[n]) \
                and _HOME_WORDS.match(text, words[n][0]) is None:
            n += 1
        n = _estate_end(text, words, k, n) or (_coined_estate_end(text, words, k, n, tagger) if known else None)
        if n is None or not 2 <= words[n - 1][1] - j.end() <= 5:
            continue
        out.append(GazMatch(ps, words[n - 1][1], pinyin_id(text[ps:pe] + text[j.end() : words[n - 1][1]], "fac"), "FAC"))
    return out


# a plain word this common is no piece of a coined estate name (万科/业绩, 保利/新/项目)
COINED_PIECE_FREQ = 200


def _coined_estate_end(text: str, words: list[tuple[int, int, str]], k: int, j: int, tagger: ChineseTagger) -> int | None:
    """The end of an estate's name after a developer when it ends in no estate's word: a coined name no dictionary
    holds (金地/朗/悦, 旭辉/奥都), one or two words of two to four characters, none a common word of two or more
    characters (合生/世界/村 is lost: 世界 is one), and right after it a stop (a verb, a number, an adverb), a home
    word or the end of the run (金地朗悦/最新; 旭辉奥都/店 is no stop)."""
    if not k + 1 < j <= k + 3:
        return None
    s, e = words[k + 1][0], words[j - 1][1]
    if not 2 <= e - s <= 4 or tagger.known(text[s:e]) or text[s:e] in _DEVELOPMENT_WORDS:
        return None
    for ws, we, wf in words[k + 1 : j]:
        if we - ws > 1 and tagger.freq(text[ws:we]) >= COINED_PIECE_FREQ and wf not in ("ns", "nt", "nz", "nr", "nrt", "j"):
            return None  # a plain word: 万科/业绩, 保利/新
    if j < len(words) and words[j][0] == e and words[j][2] not in _ESTATE_STOP_FLAGS and _HOME_WORDS.match(text, e) is None:
        return None
    return j


def _district(text: str, word: tuple[int, int, str], gaz: Gazetteer, tagger: ChineseTagger) -> bool:
    """A district, county or city that opens a realty headline (昌平, 通州, 石景山, 河北, 北京)."""
    s, e, _f = word
    w = text[s:e]
    return _area_word(text, word, gaz, tagger) or (2 <= e - s <= 3 and any(tagger.tag_of(w + suf) == "ns" for suf in "区市县"))


# marks that join the parts of a foreign name written in Chinese: the interpunct as keyboards and feeds write it (the
# katakana middle dot, the bullet, the hyphenation point) and the hyphen many Chinese sites put in its place (劳尔-卡斯特罗)
_NAME_JOINERS = frozenset("-－‐‧・•･")
# tags of a word that can be a part of a foreign name: jieba's person tags, and its place, proper-noun and unknown tags
# (it holds many transliterated names as places: 奥巴马/ns)
_FOREIGN_PART_FLAGS = ("nr", "nrt", "nrfg", "ns", "nz", "x")
# share of transliteration characters from which joined parts read as a foreign name (梅根-福克斯 4 of 5; 林志玲-周杰伦,
# two Chinese names side by side, 3 of 6)
FOREIGN_NAME_SHARE = 0.6
# the longest part of a joined foreign name, in characters (伊丽莎白, 史蒂芬尼, 德尔埃斯特罗)
FOREIGN_PART_CHARS = 6


def joined_foreign_names(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A foreign person's name whose parts are joined by a hyphen or a middle dot other than "·" (which jieba's runs
    hold: zh_names._dotted_names): 劳尔-卡斯特罗, 妮可-里奇, 吉姆・罗杰斯, 马丁-路德-金 -- one person over the whole
    span, not a person per part.  Each part is a jieba word (or two it split: 库特/尼) that reads as a name: a person,
    place, proper-noun or unknown tag, or all transliteration characters; no part is a place, club or body the lists
    know (曼联-利物浦 is a match, 中国-东盟 two parties), nor a word of the dictionary of another kind (图文-, 调查-:
    a column's label); most characters are transliteration characters (two Chinese names side by side are two
    people).  An organisation word right after it makes it an organisation (伯克希尔-哈撒韦公司); a place word after
    it (…省, …州) makes it no person, and it is left alone."""
    out: list[GazMatch] = []
    by_start = {s: k for k, (s, _, _) in enumerate(words)}
    k = 0
    n = len(words)
    while k < n:
        s, e, _f = words[k]
        if e >= len(text) or text[e] not in _NAME_JOINERS or e + 1 not in by_start or not _foreign_part(text, words[k], gaz, tagger):
            k += 1
            continue
        first = k
        while first > 0 and words[first - 1][1] == words[first][0] and e - words[first - 1][0] <= FOREIGN_PART_CHARS \
                and _foreign_piece(text, words[first - 1], gaz, tagger):
            first -= 1  # 伯克/希尔-, 库特/尼-: a name jieba cut in two
        parts = 1
        j = by_start[e + 1]
        end = None
        while j < n and _foreign_part(text, words[j], gaz, tagger):
            ps, pe = words[j][0], words[j][1]
            while j + 1 < n and words[j + 1][0] == pe and words[j + 1][1] - ps <= FOREIGN_PART_CHARS and _foreign_piece(text, words[j + 1], gaz, tagger):
                j += 1  # -安/德伍德, -卡斯特/罗: a name jieba cut in two
                pe = words[j][1]
            end, parts = pe, parts + 1
            if pe < len(text) and text[pe] in _NAME_JOINERS and pe + 1 in by_start and parts < 4:
                j = by_start[pe + 1]
                continue
            if pe + 1 < len(text) and text[pe] in _NAME_JOINERS and text[pe + 1] in _TRANSLIT and not _HAN_ONLY.match(text, pe + 2):
                end = pe + 2  # -金: a one-character last part, a Han run of its own that jieba was not given
            break
        if end is None:
            k += 1
            continue
        start = words[first][0]
        han = [ch for ch in text[start:end] if ch not in _NAME_JOINERS]
        if sum(ch in _TRANSLIT or ch in _MORE_TRANSLIT for ch in han) < FOREIGN_NAME_SHARE * len(han) or text[end : end + 1] in _PLACE_AFTER_NAME:
            k = j + 1
            continue
        label, stop = "PERSON", end
        nxt = j + 1 if j + 1 < n and words[j + 1][0] == end else None
        if nxt is not None and _ORG_AFTER_NAME.fullmatch(text, words[nxt][0], words[nxt][1]):
            label, stop = "ORG", words[nxt][1]
        surface = text[start:stop]
        plain = "".join(ch for ch in surface if ch not in _NAME_JOINERS)
        out.append(GazMatch(start, stop, gaz.lookup(surface) or pinyin_id(plain, label.lower()), label))
        k = j + 1
    return out


_PLACE_AFTER_NAME = frozenset("省州市县縣区區镇鎮村岛島")
_ORG_AFTER_NAME = re.compile(r"公司|集团|集團|大学|大學|学院|學院|基金会|基金會|银行|銀行|研究所|研究院|俱乐部|俱樂部|乐队|樂隊|组合|組合")


def _foreign_part(text: str, word: tuple[int, int, str], gaz: Gazetteer, tagger: ChineseTagger) -> bool:
    """One part of a joined foreign name (see joined_foreign_names)."""
    s, e, f = word
    w = text[s:e]
    if not 1 <= e - s <= FOREIGN_PART_CHARS or not _HAN_ONLY.fullmatch(w) or "·" in w:
        return False
    known = gaz.lookup(w)
    if (known and not known.startswith("person:")) or w in foreign_places() or w in _CLUB_SHORT:
        return False
    translit = all(ch in _TRANSLIT or ch in _MORE_TRANSLIT for ch in w)
    if e - s == 1:
        return translit  # 本-拉登, 扬-莱玛: a one-character given name, whatever jieba makes of it alone
    if not translit:
        return f in _PERSON_FLAGS + ("nrfg",) and not tagger.known(w) or tagger.tag_of(w) in _PERSON_FLAGS  # 梅根/nr; not 短讯/nz, 图文/n
    return f in _FOREIGN_PART_FLAGS or not tagger.known(w) or tagger.tag_of(w) in _NAME_TAGS_OR_NONE


def _foreign_piece(text: str, word: tuple[int, int, str], gaz: Gazetteer, tagger: ChineseTagger) -> bool:
    """A word of transliteration characters only that jieba cut off a foreign name's part (伯克/希尔, 安/德伍德)."""
    s, e, f = word
    w = text[s:e]
    return (all(ch in _TRANSLIT or ch in _MORE_TRANSLIT for ch in w) and _HAN_ONLY.fullmatch(w) is not None and "·" not in w
            and w not in foreign_places() and not (e - s > 1 and gaz.lookup(w))
            and (e - s == 1 or f in _FOREIGN_PART_FLAGS or not tagger.known(w)))


# characters of women's and other foreign given names beyond zh_names._TRANSLIT (杰西卡-阿尔芭, 妮可, 梅根, 劳拉-费琪, 马丁-路德)
_MORE_TRANSLIT = frozenset("芭琪可根瑞甘丁路")
_NAME_TAGS_OR_NONE = ("nr", "nrt", "nrfg", "ns", "nz", None)


# a listed company's stock code in brackets right after its short name: 天山股份（000877）, 海螺水泥(600585.SH),
# 腾讯控股(00700.HK), 中国平安（股票代码：601318）, 万科A（000002）
_STOCK_CODE = re.compile(r"[（(](?:(?:股票)?代码|代碼|证券代码|證券代碼)?[：:]?\s?(?:\d{6}(?:\.(?:SH|SZ|sh|sz|SS))?|\d{4,5}\.(?:HK|hk))[)）]")
# characters a listed company's short name may open with before its Han name (*ST天一, ST金泰)
_ST_MARK = re.compile(r"\*?ST$|S\*?ST$")
# the longest short name of a listed company before its code (4 is the rule on the mainland exchanges; names of
# companies listed in Hong Kong run longer: 腾讯控股, 中国海洋石油)
STOCK_NAME_CHARS = 6


def stock_names(text: str, words: list[tuple[int, int, str]], rs: int, re_: int, gaz: Gazetteer) -> list[GazMatch]:
    """A listed company named right before its stock code in brackets (see _STOCK_CODE): the words that end the Han
    run, two to six characters from a word's start, the shortest reach of four or more (天山/股份 | （000877）, not 今日
    公告/天山股份); a name the gazetteer knows inside keeps its id when it is the whole name."""
    m = _STOCK_CODE.match(text, re_)
    if m is None or not words:
        return []
    starts = [s for s, _, _ in words if re_ - s >= 2]
    best = None
    for s in reversed(starts):
        if re_ - s > STOCK_NAME_CHARS:
            break
        best = s
        if re_ - s >= 4:
            break
    if best is None:
        return []
    surface = text[best:re_]
    known = gaz.lookup(surface)
    canonical = known if known and known.startswith("org:") else pinyin_id(surface, "org")
    return [GazMatch(best, re_, canonical, "ORG")]


# a two-character short name and 股份, the word many listed companies end their short names in (亿城股份, 川润股份):
# the two characters are no word of another kind (部分/股份, 增持/股份, 游戏/股份: a part, a purchase, a stake) and
# no name the lists know (腾讯/股份 is a stake in Tencent); they open a word of jieba's
_SHARES = "股份"
# tags of a two-character dictionary word that can be a short name before 股份 (a name, a plain or proper noun)
_SHORT_NAME_FLAGS = ("nr", "nrt", "ns", "nz", "nt", "j", "n", "ng")
# jieba dictionary count from which a plain noun before 股份 says whose shares they are, not which company (公司/股份)
SHORT_NAME_NOUN_FREQ = 1000
_NOT_IN_SHORT_NAME = frozenset("的了是在和与與也都就又还還被把对對向将將已等们們这這那该該每各全本此其我你他她它之所持有总總")


def short_names_before_shares(text: str, words: list[tuple[int, int, str]], rs: int, gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A listed company's short name of two characters and 股份 (see _SHARES): 亿城股份, 大元股份, 川润股份."""
    out = []
    starts = {s for s, _, _ in words}
    for s, e, _f in words:
        if text[s:e] != _SHARES or s - 2 < rs or s - 2 not in starts:
            continue
        name = text[s - 2 : s]
        if any(ch in _NOT_IN_SHORT_NAME for ch in name) or not _HAN_ONLY.fullmatch(name) or gaz.lookup(name) or name in foreign_places():
            continue
        if tagger.known(name) and (tagger.tag_of(name) not in _SHORT_NAME_FLAGS or tagger.freq(name) >= SHORT_NAME_NOUN_FREQ):
            continue  # 部分, 增持, 公司, 游戏: a word of the dictionary that is no company's name
        if s - 3 >= rs and (s - 3) in starts and tagger.known(text[s - 3 : s]):
            continue  # 防守性/股份: the two characters end a longer word
        surface = text[s - 2 : e]
        out.append(GazMatch(s - 2, e, gaz.lookup(surface) or pinyin_id(surface, "org"), "ORG"))
    return out


# what a listed company's short name opens a market headline before: its share price, a limit move, a halt or a
# resumption of trading, a change in a holder's stake (重钢股价, 中青宝复牌后跌停, 光控遭减持)
_MARKET_MOVE = re.compile(r"股价|股價|涨停|漲停|跌停|停牌|复牌|復牌|增持|减持|減持|大股东|大股東")
# what may stand between the name and that word: when, how, and the passive (逆势涨停, 午后停牌, 复牌后跌停, 遭减持)
_MARKET_FILLER = re.compile(r"(?:逆势|逆勢|午后|午後|盘中|盤中|早盘|早盤|尾盘|尾盤|今日|今天|明日|周[一二三四五]|週[一二三四五]|连续|連續|"
                            r"再度|一字|临时|臨時|遭|获|獲|复牌后|復牌後|复牌|復牌)*")
# what a person does to a company's shares as well (李兆基增持, 马化腾减持): a name of a person's shape is left to the person rules
_HOLDER_MOVES = frozenset("增持 减持 減持 大股东 大股東".split())
# the name's first word: one jieba's dictionary lacks or counts this rarely (重钢 3, 光控 4, 攀钢 24), or a proper noun it
# counts fewer times than the next
MARKET_NAME_FREQ = 100
MARKET_PROPER_FREQ = 1000
_NOT_MARKET_NAME_FLAGS = ("p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "m", "q", "f", "t", "tg", "x", "y", "e", "o", "a", "ad")
_NOT_MARKET_NAME_LATER = ("v", "vn", "vd", "i", "l")
# what ends a market's or a class of shares' word, no company's name (弱市, 熊市, 次新股, 权重股, 地产板块, 创业板)
_MARKET_JARGON_ENDS = ("市", "股", "板", "板块", "板塊", "指数", "指數", "概念", "基金")


def short_names_in_markets(text: str, words: list[tuple[int, int, str]], rs: int, gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A listed company's short name of two to four characters opening a clause of market news, right before its
    share price, a limit move, a halt or a stake change (see _MARKET_MOVE): 重钢/股价, 中青宝/复牌后跌停, 光控/遭减持.
    The name's first word is rare in jieba's dictionary or a proper noun (a commodity, 沪铜 or 橡胶/涨停, is made of
    common words), no word in it is a function word or a name the lists hold (中国联通 is found by the lists)."""
    if not words or words[0][0] != rs:
        return []
    s0, e0, f0 = words[0]
    first = text[s0:e0]
    if not (tagger.freq(first) < MARKET_NAME_FREQ or (f0 in ("nr", "nrt", "nz", "ns", "nt", "j") and tagger.freq(first) < MARKET_PROPER_FREQ)):
        return []
    for i in range(1, min(len(words), 4)):
        p = words[i][0]
        if not 2 <= p - rs <= 4:
            continue
        filler = _MARKET_FILLER.match(text, p)
        move = _MARKET_MOVE.match(text, filler.end())
        if move is None:
            continue
        name = text[rs:p]
        if (any(f in _NOT_MARKET_NAME_FLAGS for _, _, f in words[:i]) or any(f in _NOT_MARKET_NAME_LATER for _, _, f in words[1:i])
                or any(gaz.lookup(text[s:e]) or text[s:e] in foreign_places() for s, e, _ in words[:i])):
            return []  # 蓄势/冲击/涨停: a verb after the first word makes a phrase (a rare verb opens 攀钢/v 钢钒)
        if gaz.lookup(name) or name in foreign_places() or name.endswith(_MARKET_JARGON_ENDS):
            return []
        st = rs >= 2 and _ST_MARK.search(text, max(0, rs - 4), rs) is not None
        if (not st and move.group() in _HOLDER_MOVES and i == 1 and f0 in ("nr", "nrt", "nrfg") and text[rs] in ZH_SURNAMES):
            return []  # 李兆基/增持: a person's stake
        return [GazMatch(rs, p, pinyin_id(name, "org"), "ORG")]
    return []


# what follows a club's name in sports news and never a person's: its coach, its ground, its players, its officials
_CLUB_AFTER = re.compile(r"主帅|主帥|主教练|主教練|少帅|少帥|主场|主場|客场|客場|球员|球員|门将|門將|前锋|前鋒|中场|中場|后卫|後衛|"
                         r"官方|俱乐部|俱樂部|青训|青訓|新援|旧将|舊將|名宿|高层|高層|老板|老闆|董事会|董事會|更衣室|锋线|鋒線|队(?![友员員长長])|隊(?![友员員长長])")
# what stands between two sides of a match: "vs", a score, a result verb (巴萨2-2贝蒂斯, 米兰vs拉齐奥, 国米击败热那亚)
_MATCH_BETWEEN = re.compile(r"\s*(?:主场|主場|客场|客場)?(?:[vV][sS]?\.?|对阵|對陣|迎战|迎戰|挑战|挑戰|击败|擊敗|战胜|戰勝|力克|负于|負於|不敌|不敵|逼平|战平|戰平|"
                            r"完胜|完勝|大胜|大勝|狂胜|狂勝|险胜|險勝|绝杀|絕殺|横扫|橫掃|"
                            r"\d{1,2} ?[-:：比] ?\d{1,2}(?:[胜负平勝負]|逆转|逆轉|绝杀|絕殺|力克|击败|擊敗|战胜|戰勝)?)\s*$")
# the longest text between the two sides of a match (多特蒙德/客场2-0/美因茨: where the first side played, then the score)
MATCH_GAP_CHARS = 8


def clubs_by_context(text: str, kept: list[GazMatch], gaz: Gazetteer) -> list[GazMatch]:
    """A foreign name read as a person (a guess, no list's) that is a club: before a word only a club has (杜堡/官方,
    马拉加/主帅, 贝蒂斯/球员), or facing a club in a match (巴萨 2-2 贝蒂斯, 国米/击败/热那亚); a foreign city facing a club in a
    match is its club too (米兰vs拉齐奥), and so is a foreign town jieba guessed (多特蒙德客场2-0美因茨).  A country stays the
    country: national teams are written as one; so does a place the lists do not hold written in other characters."""
    out = []
    for i, c in enumerate(kept):
        w = text[c.start : c.end]
        guess = c.label == "PERSON" and c.canonical.startswith("person:") and gaz.lookup(w) is None
        city = c.label == "GPE" and w not in territory_names() and (
            (gaz.lookup(w) or foreign_places().get(w) or "").startswith("gpe:")
            or (gaz.lookup(w) is None and w not in foreign_places() and len(w) >= 3
                and sum(ch in _TRANSLIT for ch in w) >= FOREIGN_NAME_SHARE * len(w)))  # 美因茨/ns: jieba's guess of a foreign town
        if (guess or city) and _HAN_ONLY.fullmatch(w) and (
                (guess and _CLUB_AFTER.match(text, c.end)) or _faces_club(text, kept, i, i - 1) or _faces_club(text, kept, i, i + 1)):
            c = GazMatch(c.start, c.end, pinyin_id(w, "org"), "ORG")
        out.append(c)
    return out


def _faces_club(text: str, kept: list[GazMatch], i: int, j: int) -> bool:
    if not 0 <= j < len(kept) or kept[j].label != "ORG":
        return False
    a, b = (kept[j], kept[i]) if j < i else (kept[i], kept[j])
    return b.start - a.end <= MATCH_GAP_CHARS and _MATCH_BETWEEN.match(text[a.end : b.start]) is not None


# fund houses' short names that are also ordinary words or other names (国泰 Cathay, 南方 the south, 长城 the Great Wall,
# 中银 the Bank of China): a house only before the name of one of its funds, which ends in 基金 (融通/内需/驱动/基金)
_FUND_HOUSE_SHORT = frozenset("国泰 融通 大成 富国 华安 银华 长盛 南方 华夏 长城 招商 建信 天弘 信诚 金鹰 天治 益民 泰信 长信 华富 中银 万家 "
                              "东方 中海 银河 新华 中欧 华商 中邮 诺德 兴全".split())
_FUND = ("基金",)
# words a fund's name is not made of: particles, conjunctions, pronouns, adverbs, numbers, measures, time and place words
_NOT_FUND_NAME_FLAGS = ("u", "uj", "ul", "uz", "ud", "ug", "uv", "c", "p", "r", "d", "m", "q", "x", "y", "f", "t", "tg", "mq")
# the most words of a fund's name between its house and 基金 (金鹿/保本, 超短债/证券/投资)
FUND_NAME_WORDS = 4


def fund_house_names(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer) -> list[GazMatch]:
    """A fund house's short name (see _FUND_HOUSE_SHORT) as a whole jieba word that opens a fund's name: up to
    FUND_NAME_WORDS name words, then 基金 (国泰/金鹿/保本/基金, 中银/蓝筹/混合/基金); the house's id is its full name's."""
    out = []
    for k, (s, e, _f) in enumerate(words):
        w = text[s:e]
        if w not in _FUND_HOUSE_SHORT:
            continue
        for j in range(k + 1, min(len(words), k + 2 + FUND_NAME_WORDS)):
            js, je, jf = words[j]
            if words[j - 1][1] != js:
                break
            if text[js:je].endswith(_FUND) and j > k + 1:
                out.append(GazMatch(s, e, gaz.lookup(w + "基金") or pinyin_id(w + "基金", "org"), "ORG"))
                break
            if jf in _NOT_FUND_NAME_FLAGS or not _HAN_ONLY.fullmatch(text, js, je) or text[js:je] in ("等", "旗下"):
                break
    return out


# companies whose Chinese short name is an ordinary word (苹果 an apple): the company in a story about what it makes or
# does as a company, never beside a word of the ordinary thing (苹果汁, 果农, 吃苹果); the full name is in the gazetteer
_WORD_BRANDS = {"苹果": "苹果公司", "蘋果": "苹果公司"}
_BRAND_STORY = re.compile(r"iPhone|iPad|iPod|iTunes|iOS|iCloud|Mac|App ?Store|Apple|Siri|乔布斯|喬布斯|库克|庫克|手机|手機|平板|电脑|電腦|"
                          r"笔记本|筆記本|芯片|软件|軟件|应用商店|應用商店|发布会|發佈會|专卖店|專賣店|零售店|操作系统|谷歌|微软|微軟|三星|诺基亚|"
                          r"諾基亞|安卓|Android|游戏机|遊戲機|科技|股价|股價|市值|专利|專利|财报|財報|季度|CEO|新品|平板|智能")
_BRAND_THING = re.compile(r"苹果[汁树樹园園醋派干乾酱醬皮核脸臉]|[吃削个個斤箱颗顆]苹果|水果|果农|果農|果园|果園|红富士|紅富士|蔬菜|果汁|梨|香蕉|橙|葡萄|"
                          r"栽培|种植|種植|产区|產區|收购价|收購價|丰收|豐收")


def word_brands(text: str, words: list[tuple[int, int, str]], s0: int, e0: int, gaz: Gazetteer) -> list[GazMatch]:
    """A company named by an ordinary word (see _WORD_BRANDS), as a whole jieba word, in a story with a word of what it
    makes or of its business in it and no word of the ordinary thing (苹果/MacBook, 苹果被指刁难亚裔顾客…纽约)."""
    found = [(s, e) for s, e, _f in words if text[s:e] in _WORD_BRANDS]
    if not found or _BRAND_STORY.search(text, s0, e0) is None or _BRAND_THING.search(text, s0, e0) is not None:
        return []
    return [GazMatch(s, e, gaz.lookup(_WORD_BRANDS[text[s:e]]) or pinyin_id(text[s:e], "org"), "ORG") for s, e in found]


# what follows an estate's name in a realty headline when the name ends in no estate's word (房山/提香草堂/双拼, 顺义/清锦源
# /620平起, 房山/瑞雪春堂/推特价房, 固安/橘洲/40-260平米): its homes, their size or price, their sale
_SALE_AFTER = re.compile(r"\d+(?:[-－]\d+)?(?:平|㎡|万|萬|元|套|居)|\d+[-－]\d+月|均价|均價|在售|待售|开盘|開盤|推出|待推|加推|推新|推特价|现房|現房|"
                         r"准现房|準現房|期房|样板间|樣板間|独栋|獨棟|联排|聯排|双拼|雙拼|叠拼|疊拼|别墅|別墅|精装|精裝|[一二两三四五]居|全款|排号|排號|认筹|認籌|"
                         r"售罄|交房|入住")
# realty nouns that name no estate (楼市 the market, 房价 prices, 小户型 small flats)
_NOT_ESTATE_WORDS = frozenset("楼市 樓市 房价 房價 新盘 新盤 楼盘 樓盤 项目 項目 小户型 大户型 户型 戶型 房源 二手房 商品房 住宅 豪宅 土地 地块 地塊 房产 房產 "
                              "市场 市場 写字楼 寫字樓 商铺 商舖 公寓 板楼 板樓 低密 高端 纯新盘 純新盤 经济适用房 限价房 两限房 保障房 廉租房 楼王 樓王 "
                              "首付 房贷 房貸 房子 新房 现房 現房 别墅 別墅 精装房 精裝房 特价房 特價房 尾房 新城 老城 城区 城區 区域 區域".split())
# jieba dictionary count below which a word can be a piece of an estate's name that no other word marks as one
RARE_ESTATE_WORD_FREQ = 500


def estates_before_sales(text: str, words: list[tuple[int, int, str]], rs: int, gaz: Gazetteer, tagger: ChineseTagger,
                         realty: bool) -> list[GazMatch]:
    """In a headline about homes for sale, the estate named between the district that opens a clause and what is sold
    there (see _SALE_AFTER), when its name ends in no estate's word (estates_after_districts reads those): one to three
    words, two to five characters, no verb, number or realty noun among them and one of them a name or a rare word;
    the district is a place."""
    if not realty:
        return []
    out = []
    n = len(words)
    for k in range(n - 1):
        ps, pe, _pf = words[k]
        if not (ps == rs or text[ps - 1] in " \u3000，。：；、,:;") or not (_district(text, words[k], gaz, tagger) or _rare_area(text, words[k], gaz, tagger)):
            continue
        j = k + 1
        while j < n and j - k <= 3 and words[j][0] == words[j - 1][1] and _estate_piece(text, words[j]) \
                and _HAN_ONLY.fullmatch(text, words[j][0], words[j][1]) and text[words[j][0] : words[j][1]] not in _NOT_ESTATE_WORDS \
                and _SALE_AFTER.match(text, words[j][0]) is None and gaz.lookup(text[words[j][0] : words[j][1]]) is None:
            j += 1
        if j == k + 1:
            continue
        s, e = pe, words[j - 1][1]
        if not 2 <= e - s <= 5 or _SALE_AFTER.match(text, e) is None or _ESTATE_LAST.search(text, s, e) is not None:
            continue
        name = words[k + 1 : j]
        if not any(_named_word(text, w, gaz, tagger) or tagger.freq(text[w[0] : w[1]]) < RARE_ESTATE_WORD_FREQ for w in name):
            continue
        if len(name) == 1 and name[0][2] in _PERSON_FLAGS and tagger.known(text[s:e]):
            continue  # a person's house (郭德纲/别墅)
        out.append(GazMatch(s, e, pinyin_id(text[s:e], "fac"), "FAC"))
        w = text[ps:pe]
        canonical = gaz.lookup(w) or pinyin_id(w, "fac" if _RING_ROAD.fullmatch(w) else "gpe")
        out.append(GazMatch(ps, pe, canonical, label_of(canonical)))
    return out


def prize_names(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A prize or an award named by a word jieba reads as a name, then 奖 as a word of its own (金翎/奖, 金鹰/奖): the
    award (an EVENT, as award ceremonies are); not a plain word before it (年终/奖, 歌曲/奖)."""
    out = []
    for k in range(1, len(words)):
        s, e, _f = words[k]
        if text[s:e] not in ("奖", "獎"):
            continue
        ps, pe, pf = words[k - 1]
        w = text[ps:pe]
        if (pe != s or not 2 <= pe - ps <= 4 or not _HAN_ONLY.fullmatch(w) or not ((pf in _NAME_FLAGS and pf != "n") or not tagger.known(w))
                or tagger.freq(w) >= NAME_WORD_FREQ):
            continue  # 华语/歌曲/奖, 公益金/奖: a plain noun names the kind of prize
        out.append(GazMatch(ps, e, gaz.lookup(text[ps:e]) or pinyin_id(text[ps:e], "event"), "EVENT"))
    return out


# games and fairs a host city names (北京奥运, 伦敦奥运会, 广州亚运, 上海世博会): the city and the games are one event
_HOSTED_EVENTS = frozenset("event:olympic-games event:asian-games event:winter-olympics event:chinese-national-games".split())


def hosted_events(text: str, kept: list[GazMatch]) -> list[GazMatch]:
    """A city right before the games it hosts (see _HOSTED_EVENTS) is that edition's name: one EVENT (北京奥运, not
    北京 | 奥运); a country before them stays a country (中国奥运 is China at the games)."""
    out: list[GazMatch] = []
    for c in kept:
        p = out[-1] if out else None
        if (p is not None and p.end == c.start and p.label == "GPE" and c.canonical in _HOSTED_EVENTS
                and text[p.start : p.end] not in territory_names() and _HAN_ONLY.fullmatch(text, p.start, c.end)):
            out[-1] = GazMatch(p.start, c.end, pinyin_id(text[p.start : c.end], "event"), "EVENT")
            continue
        out.append(c)
    return out


# Japanese surnames news writes before a Japanese given name (福原爱, 浅田真央, 内田笃人): family names that are no
# ordinary Chinese word, place or company (中山, 山口, 田中, 清水, 小池, 北川, 千叶, 福冈 and 铃木, 本田 the makers are left out)
_JA_SURNAMES = frozenset(
    "佐藤 高桥 渡边 伊藤 加藤 吉田 佐佐木 松本 井上 木村 山崎 池田 阿部 桥本 石川 前田 藤田 冈田 后藤 长谷川 石井 村上 近藤 坂本 "
    "远藤 青木 藤井 西村 三浦 藤原 冈本 竹内 宫本 内田 安藤 谷口 藤本 武田 杉山 增田 菅原 松井 樱井 野口 松尾 菊地 野村 福原 浅田 "
    "北野 苍井 泷泽 鸠山 小泽 麻生 安倍 小泉 野田 前原 岸田 石原 桥下 香川 长友 川岛 宫里 绫濑 长泽 深田 仲间 宇多田 滨崎 仓木 "
    "堀北 新垣 泽尻 松岛 上户 反町 织田 妻夫木 福山 小栗 二宫 酒井 工藤 横山 中岛 久保 小野寺 宫泽 细川 海部 森喜 羽生 "
    "锦织 伊达 杉田 吉川 宫崎 远藤 稻田 石破 枝野 仙谷 玄叶 前泽 孙正".split()) - {"孙正", "森喜"}
_JA_NOT_GIVEN_FLAGS = ("p", "c", "u", "uj", "ul", "m", "q", "x", "y", "r")
_JA_SURNAME = re.compile("|".join(sorted(_JA_SURNAMES, key=len, reverse=True)))
COMMON_JA_GIVEN_FREQ = 100  # jieba dictionary count from which two characters after a surname are a word of their own (表示)


def japanese_names(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    """A Japanese surname (_JA_SURNAMES; a whole jieba word or a run of them: 福原/爱, 浅/田/真央) and the given name after
    it, to the end of a word: two characters that are no common word of jieba's dictionary (真央, 笃人), or one that ends
    given names often (爱; not 山本/称, 田中/表示)."""
    if not words or not _JA_SURNAME.search(text, words[0][0], words[-1][1]):
        return []
    starts, ends = {s for s, _e, _f in words}, {e: f for _s, e, f in words}
    flag_at = {}
    for s, e, f in words:
        for i in range(s, e):
            flag_at[i] = f
    out = []
    for m in _JA_SURNAME.finditer(text, words[0][0], words[-1][1]):
        s, e = m.span()
        if s not in starts or e not in ends or gaz.lookup(m.group()):
            continue
        for n in (2, 1):
            g = text[e : e + n]
            if (len(g) != n or e + n not in ends or not _HAN_ONLY.fullmatch(g) or any(ch in _NOT_IN_GIVEN for ch in g)
                    or any(flag_at.get(i) in _JA_NOT_GIVEN_FLAGS for i in range(e, e + n))):
                continue
            if (n == 2 and tagger.freq(g) < COMMON_JA_GIVEN_FREQ) or (n == 1 and g not in _PLACE_END_CHARS
                                                                     and (g in _GIVEN_CHARS or flag_at.get(e) in _PERSON_FLAGS)):
                out.append(GazMatch(s, e + n, pinyin_id(text[s : e + n], "person"), "PERSON"))
                break
    for s, e, f in words:  # 木村拓哉/nr, 泷泽秀明/ns, 石原慎太郎/nr: jieba's word for the whole name
        m = _JA_SURNAME.match(text, s, e)
        if m and 1 <= e - m.end() <= 3 and f in _JA_NAME_FLAGS and _HAN_ONLY.fullmatch(text, s, e) and not gaz.lookup(text[s:e]):
            out.append(GazMatch(s, e, pinyin_id(text[s:e], "person"), "PERSON"))
    return out


_JA_NAME_FLAGS = ("nr", "nrt", "nrfg", "ns", "nz")
