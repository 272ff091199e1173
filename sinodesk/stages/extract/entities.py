"""Entities from the gazetteer plus rules for names general lists cannot hold.

Rules (all offsets stay in ``doc.text``):

* romanised Chinese personal names: a common surname followed by a pinyin given name
  ("Wang Xiaojun", "Zhang Hanhui") or a Wade-Giles/Taiwan hyphenated one ("Lai Ching-te");
* titled names: "Minister Ram Chandra Prasad Singh", "Professor Zheng";
* capitalised organisation names ending in a head noun ("... Working Group", "... Institute");
* "<Name> Province/County/District/City" places;
* Chinese text: jieba POS tags nr/ns/nt (person/place/organisation) with pinyin ids;
* within a story, a later surname-only or acronym mention ("Zheng", "GAC") takes the id of
  the full name it abbreviates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property, lru_cache

from .gazetteer import Gazetteer, GazMatch, has_cjk, slug, trie_regex
from .scan import guard_after_first

SURNAMES = (
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng "
    "Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Du Ye "
    "Cheng Wei Su Lyu Lu Lv Ding Ren Shen Yao Cui Zhong Tan Fan Wan Shi Jin Fu Kang Qin Gu Hou "
    "Shao Meng Long Duan Lei Qian Yin Yi Qiao Lai Gong Wen Zou Xiong Bai Ou Yan Mo Kong Xiang Niu "
    "Qi Mao Ji Hao Bo Dai Geng Guan Hong Jia Liao Mei Miao Ning Qiu Sheng Tao Wei Xia Xing Xue "
    "Zhan Zhuang Chang Chiang Chou Chu Hsu Hsieh Hsiao Kuo Ko Tsai Tseng Yeh Chuang Chung Lo Wong "
    "Leung Cheung Chan Ng Ho Lam Tsang Kwok Yip Lau Tse Chow Fung Tsui Hung Chiu Lee Teo Tan Goh"
).split()
_SURNAME_SET = set(SURNAMES)
ZH_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石"
    "廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁"
    "岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤"
    "阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞"
    "敖巩明佘池查麻苑迟邝張劉陳楊黃趙吳週孫馬鄭謝葉蘇魏呂盧鍾譚陸範賈韋鄒龔錢嚴湯溫齊喬龐顏聶魯歐關蘭蕭"
)
_PINYIN_SYL = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v|ü)"
)
_PINYIN_GIVEN = re.compile(rf"(?:{_PINYIN_SYL}){{1,2}}")
_NAME_TOKEN = r"[A-Z][a-zü]+"
# Patterns below start with a literal or a character class and put their "not inside a
# word" look-behind after the first character (scan.py explains why); the comments give
# the plain spelling they are equivalent to.
_NOT_AFTER_WORD = r"(?<!\w[\s\S])"  # \b before a word character, checked after it
_NOT_AFTER_NAME_CHAR = r"(?<![\w'’.-][\s\S])"
# (?<![\w'’.-])(Surname) (Given)( Given)?(?![\w'’-])
_PINYIN_NAME = re.compile(
    rf"({trie_regex(sorted(_SURNAME_SET), guard=_NOT_AFTER_NAME_CHAR)}) ({_NAME_TOKEN}(?:-[a-z]+)?)(?: ({_NAME_TOKEN}))?(?![\w'’-])"
)
_TITLES = (
    "President|Premier|Vice Premier|Vice President|Chairman|General Secretary|Minister|Foreign Minister|"
    "Defense Minister|Ambassador|Professor|Prof\\.|Dr\\.|Mr\\.|Ms\\.|Mrs\\.|Governor|Mayor|Senator|"
    "Secretary|Spokesperson|spokesperson|spokesman|Director|Chancellor|Prime Minister|Chief Executive|"
    "Commissioner|General|Admiral|Judge|CEO|founder|Founder|Chairwoman|Chair"
)
# \b(?:Title) (Name)
_TITLED_NAME = re.compile(
    rf"{guard_after_first(_TITLES.split('|'), _NOT_AFTER_WORD)} ((?:[A-Z]\.? )?{_NAME_TOKEN}(?:[ -]{_NAME_TOKEN}){{0,3}})(?![\w'’])"
)
# The same without the titles written in lower case ("spokesman", "founder"), whose first
# letters are everywhere: used when none of them occurs (then both find the same names).
_LOWER_TITLES = tuple(t for t in _TITLES.split("|") if t[0].islower())
_TITLED_NAME_UPPER = re.compile(
    rf"{guard_after_first([t for t in _TITLES.split('|') if not t[0].islower()], _NOT_AFTER_WORD)} ((?:[A-Z]\.? )?{_NAME_TOKEN}(?:[ -]{_NAME_TOKEN}){{0,3}})(?![\w'’])"
)
_PLACE_KEYS = ("rovince", "ounty", "istrict", "City", "refecture")  # every _PLACE match has one
_ORG_HEADS = (
    "Ministry|Department|Bureau|Commission|Administration|Office|Council|Committee|Court|Institute|"
    "Institutes|University|Academy|Agency|Association|Center|Centre|Foundation|Corporation|Company|"
    "Bank|Party|Forum|Observatory|Magazine|Group|Division|Federation|Authority|Organization|"
    "Organisation|Society|Union|Lab|Laboratory|Labs|Network|Service|Army|Navy|Police|Force|Forces|"
    "Congress|Assembly|Parliament|Exchange|Times|Daily|News|Post|Press|Journal|Televison|Television|"
    "Radio|Agency|Fund|Council|Bureau|Branch|Team|Division|Station|Hospital|School|College|Alliance"
)
_CAP = r"(?:[A-Z][\w’'&.-]*|[A-Z]{2,})"
# (?<![\w])((?:{_CAP} )(?:(?:{_CAP}|of|...) ){0,7}(?:{_ORG_HEADS}))(?:'s|’s)?(?![\w-])
_ORG_PHRASE = re.compile(
    rf"([A-Z](?<!\w[A-Z])(?:[\w’'&.-]*|[A-Z]{{1,}}) (?:(?:{_CAP}|of|and|for|on|the|in|de|&|of the) ){{0,7}}(?:{_ORG_HEADS}))(?:'s|’s)?(?![\w-])"
)
_ORG_OF_HEADS = "Ministry|Department|Bureau|Institute|University|Academy|Office|Commission|Center|Centre|Committee|Council|Administration"
# (?<![\w])((?:Ministry|...) (?:of|for) (?:the )?Name...)
_ORG_OF = re.compile(
    rf"({guard_after_first(_ORG_OF_HEADS.split('|'), _NOT_AFTER_WORD)} (?:of|for) (?:the )?{_CAP}(?: (?:{_CAP}|of|and|for|the)){{0,6}}(?<!of)(?<!and)(?<!for)(?<!the))"
)
# (?<![\w])((?:{_NAME_TOKEN} ){1,2}(?:Province|...))(?![\w])
_PLACE = re.compile(
    rf"([A-Z](?<!\w[A-Z])[a-zü]+ (?:{_NAME_TOKEN} )?(?:Province|province|County|county|District|district|City|Prefecture|prefecture))(?![\w])"
)
_PAREN_ACRONYM = re.compile(r"\s?\(([A-Z][A-Za-z&]{1,9})\)")
_LEADING = re.compile(r"^(?:The|the|A|An|a|an|In|On|At|By|For|From|With|As|After|Before|Since|While|When|Under|Meanwhile|However|China’s|China's) ")
_NOT_SURNAME_CONTEXT = {
    "Ma": ("Ma Ying-jeou", "Ma Huateng", "Ma Yun"),
}
_GENERIC_CAPS = {
    "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "In", "On", "At", "As",
    "Source", "Sources", "Related", "Read", "More", "Here", "There", "What", "When", "Why", "How", "Who",
    "Chinese", "American", "Russian", "Indian", "Taiwanese", "Japanese", "Western", "Asian", "European",
    "State", "National", "Central", "General", "Communist", "People", "Global", "International",
}


def pinyin_id(han: str, prefix: str) -> str:
    """Canonical id from Chinese characters: 张汉晖 -> person:zhang-hanhui."""
    from pypinyin import lazy_pinyin

    syl = [s for s in lazy_pinyin(han) if s.strip()]
    if not syl:
        return f"{prefix}:{slug(han) or han}"
    if prefix == "person" and len(syl) >= 2:
        return f"person:{syl[0]}-{''.join(syl[1:])}"
    return f"{prefix}:{'-'.join(syl)}"


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
        for alias in self._gaz.aliases:
            if has_cjk(alias):
                tok.add_word(alias, freq=200000)
        return _pos_tokenizer(tok)

    def tag(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, flag) of every word in text[start:end]."""
        out = []
        pos = start
        for pair in self._posseg.cut(text[start:end], HMM=True):
            w, flag = pair.word, pair.flag
            out.append((pos, pos + len(w), flag))
            pos += len(w)
        return out


_DICT_LINE = re.compile(r"^([^ \n]+) [^ \n]+ ([^ \n]+)\r?$", re.M)


def _pos_tokenizer(tok):
    """``jieba.posseg.POSTokenizer(tok)``, with its word -> tag table read in one regex pass.

    jieba parses its 350,000-line dictionary line by line in Python (about 0.7 s, paid on
    the first Chinese story of every process); one ``re.findall`` over the file gives the
    same table in about half the time.  Any line it cannot read -> jieba's own loader.
    """
    import jieba.posseg

    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tok
    f = tok.get_dict_file()
    try:
        data = f.read().decode("utf-8")
    finally:
        f.close()
    rows = _DICT_LINE.findall(data)
    if len(rows) != sum(1 for line in data.splitlines() if line.strip()):
        pos.load_word_tag(tok.get_dict_file())
    else:
        pos.word_tag_tab = dict(rows)
    return pos


def _strip_leading(text: str, s: int, e: int) -> tuple[int, int]:
    while True:
        m = _LEADING.match(text[s:e])
        if not m or m.end() >= e - s:
            return s, e
        s += m.end()


_SHORT_SYLLABLE = re.compile(r"[a-z]{1,6}")


@lru_cache(maxsize=8192)
def _valid_given(given: str) -> bool:
    g = given.lower()
    if "-" in g:
        return all(_SHORT_SYLLABLE.fullmatch(p) for p in g.split("-"))
    return _PINYIN_GIVEN.fullmatch(g) is not None


def _rule_candidates(text: str, s0: int, e0: int) -> list[GazMatch]:
    out: list[GazMatch] = []
    for m in _PINYIN_NAME.finditer(text, s0, e0):
        sur, given, third = m.group(1), m.group(2), m.group(3)
        if not _valid_given(given):
            continue
        end = m.end(2)
        if third and (_valid_given(third) or third[0].isupper()) and _PINYIN_GIVEN.fullmatch(third.lower()):
            end = m.end(3)
        name = text[m.start(1) : end]
        out.append(GazMatch(m.start(1), end, f"person:{slug(name)}", "PERSON"))
    lower_title = any(text.find(t, s0, e0) >= 0 for t in _LOWER_TITLES)
    for m in (_TITLED_NAME if lower_title else _TITLED_NAME_UPPER).finditer(text, s0, e0):
        s, e = m.span(1)
        words = text[s:e].split()
        while words and words[-1] in _GENERIC_CAPS:
            words.pop()
            e = s + len(" ".join(words))
        if not words or words[0] in _GENERIC_CAPS:
            continue
        out.append(GazMatch(s, e, f"person:{slug(text[s:e])}", "PERSON"))
    for rx in (_ORG_OF, _ORG_PHRASE):
        for m in rx.finditer(text, s0, e0):
            s, e = _strip_leading(text, *m.span(1))
            phrase = text[s:e]
            if len(phrase.split()) < 2 or phrase.split()[0] in _GENERIC_CAPS and len(phrase.split()) < 3:
                continue
            out.append(GazMatch(s, e, f"org:{slug(phrase)}", "ORG"))
    places = _PLACE.finditer(text, s0, e0) if any(text.find(k, s0, e0) >= 0 for k in _PLACE_KEYS) else ()
    for m in places:
        s, e = _strip_leading(text, *m.span(1))
        if len(text[s:e].split()) < 2 or text[s:e].split()[0] in _GENERIC_CAPS:
            continue
        out.append(GazMatch(s, e, f"gpe:{slug(text[s:e])}", "GPE"))
    return out


def _chinese_candidates(text: str, s0: int, e0: int, gaz: Gazetteer, tagger: ChineseTagger) -> list[GazMatch]:
    out: list[GazMatch] = []
    for m in re.finditer(r"[\u3400-\u9fff\uf900-\ufaff·]+", text[s0:e0]):
        rs, re_ = s0 + m.start(), s0 + m.end()
        if re_ - rs < 2:
            continue
        for s, e, flag in tagger.tag(text, rs, re_):
            w = text[s:e]
            canonical = gaz.lookup(w)
            if canonical:
                out.append(GazMatch(s, e, canonical, _label(canonical)))
            elif 2 <= len(w) <= 12 and flag in ("nr", "ns", "nt") and (flag != "nr" or (len(w) <= 4 and w[0] in ZH_SURNAMES)):
                prefix = {"nr": "person", "ns": "gpe", "nt": "org"}[flag]
                out.append(GazMatch(s, e, pinyin_id(w, prefix), {"nr": "PERSON", "ns": "GPE", "nt": "ORG"}[flag]))
    return out


def _label(canonical: str) -> str:
    from .gazetteer import label_of

    return label_of(canonical)


def resolve_overlaps(cands: list[GazMatch]) -> list[GazMatch]:
    """Keep earlier-listed candidates first, then longer ones; drop anything overlapping a kept one."""
    kept: list[GazMatch] = []
    # Kept spans never overlap, so sorted by start their ends are sorted too: a new span
    # overlaps a kept one iff the last kept span starting before its end reaches past its start.
    starts: list[int] = []
    ends: list[int] = []
    for c in cands:
        if c.end <= c.start:
            continue
        i = bisect_left(starts, c.end)
        if i and ends[i - 1] > c.start:
            continue
        kept.append(c)
        starts.insert(i, c.start)
        ends.insert(i, c.end)
    return sorted(kept, key=lambda c: c.start)


def find_entities(
    text: str, start: int, end: int, gaz: Gazetteer, tagger: ChineseTagger | None, extra: list[GazMatch] = ()
) -> list[GazMatch]:
    """Entities in ``text[start:end]``: gazetteer first, then rules, then ``extra`` (spaCy)."""
    gaz_hits = gaz.scan_latin(text, start, end)
    cjk: list[GazMatch] = []
    if has_cjk(text, start, end):
        cjk = _chinese_candidates(text, start, end, gaz, tagger) if tagger else gaz.scan_cjk(text, start, end)
    rules = _rule_candidates(text, start, end)
    # A rule span that strictly contains a gazetteer span ("Ministry of ..." around "MSS") loses
    # unless it is an organisation phrase ending in a head noun that adds information.
    ordered = sorted(gaz_hits + cjk, key=lambda c: (c.start, -(c.end - c.start)))
    longer_rules = [r for r in rules if r.label == "ORG" and any(r.start <= g.start and g.end < r.end for g in ordered)]
    ents = resolve_overlaps(longer_rules + ordered + rules + list(extra))
    return _corefer(text, start, end, ents)


def _corefer(text: str, start: int, end: int, ents: list[GazMatch]) -> list[GazMatch]:
    """Surname-only and acronym mentions take the id of the full name seen in the story."""
    short: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for e in ents:
        surface = text[e.start : e.end]
        labels[e.canonical] = e.label
        if e.label == "PERSON" and " " in surface.strip():
            toks = surface.split()
            for t in {toks[0], toks[-1].split("-")[0] if "-" in toks[-1] and len(toks) == 2 else toks[-1]}:
                if t[:1].isupper() and len(t) > 1 and t not in _GENERIC_CAPS:
                    short.setdefault(t, set()).add(e.canonical)
        if e.label in ("ORG", "GPE", "LAW", "PRODUCT"):
            m = _PAREN_ACRONYM.match(text, e.end)
            if m:
                short.setdefault(m.group(1), set()).add(e.canonical)
    usable = {k: next(iter(v)) for k, v in short.items() if len(v) == 1}
    if not usable:
        return ents
    extra = []
    for s, k in _whole_word_hits(text, start, end, usable):
        c = usable[k]
        extra.append(GazMatch(s, s + len(k), c, labels[c]))
    return resolve_overlaps(ents + extra)


def _is_word_char(ch: str) -> bool:
    """``re``'s \\w for str patterns."""
    return ch.isalnum() or ch == "_"


def _whole_word_hits(text: str, start: int, end: int, keys) -> list[tuple[int, str]]:
    """(start, key) as ``re.finditer`` of (?<![\\w'’-])(k1|k2|... longest first)(?![\\w-]) finds them.

    Plain ``str.find`` per key instead of compiling a fresh pattern for every story; at a
    position the longest key wins, then the scan resumes after it.
    """
    found = []
    for k in keys:
        n = len(k)
        p = text.find(k, start, end)
        while p >= 0:
            before = text[p - 1] if p > 0 else ""
            after = text[p + n] if p + n < end else ""
            if not (before and (_is_word_char(before) or before in "'’-")) and not (
                after and (_is_word_char(after) or after == "-")
            ):
                found.append((p, k))
            p = text.find(k, p + 1, end)
    found.sort(key=lambda h: (h[0], -len(h[1])))
    out = []
    last_end = start
    for p, k in found:
        if p >= last_end:
            out.append((p, k))
            last_end = p + len(k)
    return out
