"""The words and patterns that tie information to a source, and the scans that find them.

English speech verbs ("said", "told", "warned" ...), "according to", "in an interview with",
"data from" / "a study by", the appositive gap between a cue and a name ("cybersecurity firm",
"Singapore's state-run broadcaster"), Chinese 据X报道 / X表示 / datelines, and the plain
``str.find`` scans that stand in for slower regex searches (see ``scan.py``).
"""

from __future__ import annotations

import re

from ..gazetteer import trie_regex

_SPEECH = (
    r"said|says|say|told|tells|reported|reports|announced|announces|stated|states|noted|notes|indicated|"
    r"warned|warns|claimed|claims|revealed|disclosed|confirmed|added|emphasized|emphasised|pointed out|"
    r"highlighted|argued|wrote|cited|showed|shows|found|estimated|urged|stressed|explained|published|released|"
    r"highlighting|noting|saying|citing|warning|reporting|claiming|arguing|"
    r"alleged|accused|declared|insisted|predicted|unveiled|issued|recorded|observed|acknowledged|"
    r"believes|believe|admitted|admits|demanded|demands|hinted|recommends|recommended|"
    r"insists|urges|confirms|reveals|argues|accuses|announce|warn|predicts|detailed|details|outlined|outlines|"
    r"telling|adding|explaining|insisting|stressing|announcing|confirming|"
    r"suggested|suggests|replied|replies|commented|cautioned|cautions|tweeted|tweets|reiterated|asserted|contended|"
    r"testified|lamented|complained"
)
# "a Microsoft spokesman said", "Pentagon officials have said", "Yukos lawyers say": the
# organisation before a role noun is the source.
_ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson spokespeople official officials lawyer lawyers executive executives chief "
    "chiefs source sources representative representatives analyst analysts economist economists researcher "
    "researchers scientist scientists engineer engineers staff director directors boss bosses manager managers "
    "leader leaders members member officers officer investigators prosecutors management negotiators insiders".split()
)
_ADVERBS = r"(?:(?:recently|also|both|further|officially|just|has|have|had|previously|later|earlier|publicly|then|once|again|reportedly|first|always|repeatedly|consistently|long|still|meanwhile|however|though|too|separately|subsequently|similarly|initially|originally|privately|immediately) )*"
# the day a statement was made, written between the speaker and the verb ("T-Mobile today announced",
# "The company on Monday said")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY_ADVERBS = ("today", "yesterday", "tonight") + tuple(f"on {d}" for d in _WEEKDAYS) + _WEEKDAYS + (
    "late", "early")  # (wire style: "Microsoft Corp. Tuesday said", "Six Flags late Monday reported")
_ADVERB_WORDS = tuple(_ADVERBS[len("(?:(?:") : -len(") )*")].split("|")) + _DAY_ADVERBS
_ADVERB_SUFFIXES = tuple(w + " " for w in _ADVERB_WORDS)
# The cue patterns start with a literal or a character class and check "not inside a
# word" after their first character (see scan.py); comments give the plain spelling.
# \b(said|says|...)\b -- scanned as "[^\w](said|...)\b" (a speech verb after a non-word
# character: far fewer places to try than every letter that starts a verb), plus the
# verb at the very start of the text, which has no character before it.
_CUE_AFTER = re.compile(r"(" + trie_regex(_SPEECH.split("|")) + r")\b")
_CUE_AFTER_SEP = re.compile(r"[^\w](" + trie_regex(_SPEECH.split("|")) + r")\b")
_SAID_WORDS = frozenset("said|added|says|noted|explained|continued|wrote".split("|"))
# verbs that name their speaker after them only right after a closing quote ('"...," warned John
# Harbinson'; "Biden warned Putin", "Relatives, ..., insisted Gigante suffered" name no speaker after the verb)
_TAIL_WORDS = frozenset("warned|insisted|argued|cautioned|replied|stressed|claimed|asserted|suggested|reiterated|"
                        "explained|admitted|acknowledged|confirmed|announced|declared|stated|predicted|tweeted".split("|"))
_CONTINUED = re.compile(r"continued(?<!\wcontinued)\s+")  # \bcontinued\s+ (not a speech verb)
_SPACES = re.compile(r"\s+")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_ACCORDING_KEYS = ("ccording to",)
# (also a passive reporting verb with its agent: "was first reported by X", "the cuts announced by X on Monday",
# "as revealed by X", "the deaths were confirmed by X": the agent gave the information)
_INTERVIEW = re.compile(r"\b(?:[Ii]n an? (?:exclusive |recent )?interview with|[Ss]peaking to|in a statement to|quoted by|cited by|"
                        r"(?:first )?(?:reported|announced|revealed|disclosed|confirmed) by)\s+(?:the\s+)?")
_INTERVIEW_KEYS = ("nterview with", "peaking to", "in a statement to", "quoted by", "cited by", "reported by", "announced by",
                   "revealed by", "disclosed by", "confirmed by")
# \b(?:[Dd]ata|[Ff]igures|...|[Pp]oll) (?:from|by|released by|published by|conducted by)\s+
_DATA_FROM = re.compile(
    r"[DdFfSsRrAaPp](?<!\w[\s\S])(?:(?<=[Dd])ata|(?<=[Ff])igures|(?<=[Ss])tatistics|(?<=[Rr])eport|(?<=[Ss])tudy"
    r"|(?<=[Ss])urvey|(?<=[Aa])nalysis|(?<=[Rr])esearch|(?<=[Pp])oll) (?:from|by|released by|published by|conducted by)\s+"
)
_DATA_NOUN_TAILS = ("ata ", "igures ", "tatistics ", "eport ", "tudy ", "urvey ", "nalysis ", "esearch ", "oll ")
_DATA_PREPS = ("from", "by", "released by", "published by", "conducted by")


def _data_from_possible(text: str, s0: int, e0: int) -> bool:
    """Could _DATA_FROM match?  Its noun, a space and its preposition must occur together."""
    for tail in _DATA_NOUN_TAILS:
        if text.find(tail, s0, e0) >= 0 and any(text.find(tail + p, s0, e0) >= 0 for p in _DATA_PREPS):
            return True
    return False


_ARTICLE = re.compile(r"(?:the |a |an )?")
_OBJECT_GAP = re.compile(r"\s+(?:the\s+)?")
_HAS_HAN = re.compile(r"[\u4e00-\u9fff]")
# What may stand between "according to" / "data from" and the named source: an appositive
# noun phrase ("cybersecurity firm", "Singapore's state-run broadcaster", "a 2023 report by").
# Judged by the shape of its words (lower-case words, possessives, years, nationality
# adjectives), not by a list of nouns: a clause word (that, which, said ...) ends it.
_GAP_WORD = re.compile(r"(?:[a-z][\w-]*|\d{1,3}-years?-old|[A-Z][\w.-]*['’]s|\d{4}|[A-Z]\.[A-Z]\.|[A-Z]{2,3}|[A-Z][a-z]+(?:an|ese|ish|ian|i|ch)|[A-Z][\w.]*-based)$")
_GAP_BREAK = frozenset("that which who whom whose said says say when while where and or but as if because after before "
                       "since than with without to in on at into over under he she they it we i you".split())
_GAP_MAX_WORDS = 7
_CAPSEQ = re.compile(r"(?:[A-Z][\w’'&.-]*|[A-Z]{2,})(?: (?:[A-Z][\w’'&.-]*|of|and|for|the))*(?<! of)(?<! and)(?<! for)(?<! the)")
# (not the 据 of 数据/证据/依据/占据: "利物浦恐怖数据源自...堪称完美")
_ZH_JU = re.compile(r"(?<![数數证證依占割盘盤字收单單票])[据據](?P<src>[^，。,！？\n \u3000“”\"]{2,24}?)(?<![堪号號简簡俗统統名并職职人])(?P<cue>报道|报导|报導|報導|報道|消息|称|稱|表示|介绍|介紹|透露|统计|統計|显示|顯示|披露|通报|通報)")
# the cue of 据X... right after an organisation whose name holds a cue word ("据国家统计局介绍": not 据国家 + 统计)
_ZH_JU_CUE_AT = re.compile(r"(?P<cue>报道|报导|报導|報導|報道|消息|称|稱|表示|介绍|介紹|透露|统计|統計|显示|顯示|披露|通报|通報)")
# "记者从市交通局获悉", "从国家卫健委了解到": the body a reporter learnt it from
_ZH_LEARNT_FROM = re.compile(r"(?<=[从從])[\u4e00-\u9fffA-Za-z]{2,20}?(?P<cue>获悉|獲悉|了解到|得知)")
_ZH_DATELINE = re.compile(r"^(?P<src>[\u4e00-\u9fff]{2,8}?)(?:[\u4e00-\u9fff]{2,6})?\d{1,2}月\d{1,2}日(?P<cue>电|電|讯|訊|消息|报道|報導)", re.M)
# A lead crediting an outlet: "荆楚网消息（通讯员…）", "央视网消息（新闻联播）：", "国际在线报道（记者…）："
# (the credited name ends like an outlet's: 网/报/社/台/在线/客户端/频道/新闻/周刊/杂志).
_ZH_LEAD = re.compile(
    r"^[ \t\u3000]*(?P<src>[\u4e00-\u9fff]{1,10}?(?:网|網|报|報|社|台|在线|在線|客户端|客戶端|频道|頻道|新闻|新聞|周刊|週刊|杂志|雜誌))"
    r"(?P<cue>消息|报道|報導|讯|訊)(?=[（(：:])", re.M)
_ZH_AFTER = re.compile(r"(表示|(?<![堪号號简簡俗统統名并職职人])(?:称|稱)(?![赞讚号號为為作之霸王职職心谓謂])|指出|说|說|透露|坦言|强调|強調|认为|認為|(?:介绍|介紹)(?=[，,：:]|说|說)|报道|報導|宣布|发布|發布|通报|通報|"
                       r"(?<![出极極的以到予])(?:回应|回應)|辟谣|闢謠)")
_OK_LABELS = ("PERSON", "ORG", "GPE", "THREAT_ACTOR", "PRODUCT")
# Chinese subject ... cue with a gap: "工业和信息化部19日称", "国家安全部17日在微信公众号发文称",
# "陈茂波26日在立法会发表财政预算案时表示".  The gap is a day, then an optional adverbial phrase
# (at most 30 characters, no punctuation) that starts with a preposition or time word.
_ZH_GAP = re.compile(
    r"(?:(?:有关|有關|相关|相關)?(?:官员|官員|发言人|發言人|负责人|負責人|人士)|方面|官方)?"  # "联合国官员称", "外交部发言人表示": the organisation speaks
    r"(?:当地时间|當地時間|北京时间|北京時間)?(?:\d{1,2}月\d{1,2}日|\d{1,2}日|今日|昨日|昨天|今天|近日|日前|当天|當天|当日|當日|(?:上|本)?(?:周|週|星期)[一二三四五六日天])?(?:晚间|晚間|上午|下午|晚上|早些时候)?"
    r"(?:首次|首度|再次|正式|公开|公開|紧急|緊急|亲自|親自|终于|終於|连夜|連夜|罕见|罕見|高调|高調|也|还|還|已|再|又)?"
    r"(?:(?:在|於|于|通过|通過|透过|透過|接受|向|对|對|就|也|还|還|则|則|亦|再次|同日|随后|隨後)[^，。！？；：,\n“”「」]{0,30}?)?"
    r"(?:(?:发文|發文|发布|發布|撰文|发表|發表)[^，。！？；：,\n“”「」]{0,8}?)?(?:称|稱|表示|说|說|指出|透露|坦言|认为|認為|宣布|通报|通報|强调|強調|(?<![出极極的以到予])(?:回应|回應)|辟谣|闢謠)"
)
_ZH_PREPOSITIONS = ("在", "于", "於", "通过", "通過", "透过", "透過")
_ZH_CLAUSE_START = "，。！？；\n：:"
# Title-case headline cue: "White House Says ...", "Huawei Warns ...".
_HEAD_CUE = re.compile(r" (Says|Said|Warns|Tells|Claims)\b")
# (a conjunction ends the place phrase: "... in the past but Oppal said" names its subject; also "Shops all over the UK
# reported", "Retailers across Europe said")
_PLACE_PREP_BEFORE = re.compile(r"(?:^|\s)(?:on|in|across|throughout|all over)(?: (?!(?:but|and|or|yet|so|while|when|as|because|although|though|after|before|until|since|then)\b)[a-z][\w-]*){0,4} $")
# After an entity, what sets it off as the subject of a later speech verb: a comma or bracket,
# maybe after a few lower-case words ("the IEA watchdog, which advises ..., said").
_SUBJECT_SET_OFF = re.compile(r"(?: (?:MP|MEP|MSP|QC|KC))?(?: [a-z][\w-]*){0,3}(?:, (?:[a-z\d(]|[A-Z][a-z]*-based|[A-Z][\w.&-]*['’]s [a-z]|[A-Z][a-z]+(?:an|ish|ese|ch|i) [a-z]|[RDI]-[A-Z]|(?:[A-Z][a-z]+ ){1,3}(?:at|of|for|with) |(?:MP|MEP|MSP|AM|TD) (?:for|of) )| \()")
# ... and an organisation's name before the role ("Betsy Loyless, National Audubon Society senior vice president for
# advocacy, said"): not before a participle cue, whose appositive may be a clause ("during the Congress, General
# Secretary Xi Jinping laid out ..., saying")
_SUBJECT_SET_OFF_ORG_ROLE = re.compile(r", (?:[A-Z][\w.&'’-]* )(?:(?:[A-Z][\w.&'’-]*|\d{1,3}) ){0,3}[a-z]+ [a-z][^,]*, $")  # ("BBC News 24 political correspondent")
# Between "said" and the name: a role ("said energy analyst Orin Middleton").
_ROLE_BEFORE_NAME = re.compile(r"(?:[a-z][\w-]* ){1,4}")


# "said Mr Blair had lost": after an honorific the name is more often the subject of what was said
_HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady".split())
# capitalised roles before a name that PERSON_TITLES does not hold ("said Wayne County Prosecutor Kym Worthy")
_ROLE_TITLES = frozenset("prosecutor attorney spokesman spokeswoman spokesperson lawyer analyst economist strategist "
                         "investigator commander administrator supervisor president secretary".split())
_AUXILIARIES = frozenset("had has have was were is are would will could should can may might must did does do been being".split())
_ROLE_WORD = re.compile(r"([A-Za-z\d][\w-]*(?:['’]s)?)(\.?) ")  # (a possessive before the role: "said Pruner's friend Zachary Rees")


# a finite verb right after the capitalised name _BODY_BEFORE_ROLE read: a speech verb or a past tense ("Lord Goldsmith
# warned", "Lord Goldsmith advised"); a role word does not end so, save the adjectives of _ROLE_PARTICIPLES
_ROLE_PARTICIPLES = frozenset("retired disgraced embattled acclaimed celebrated renowned respected noted jailed detained exiled ousted "
                              "elected appointed designated qualified licensed certified registered chartered trained talented "
                              "unnamed named".split())
_VERB_AFTER_BODY = re.compile(r"(?:" + trie_regex(_SPEECH.split("|")) + r"|told|tells|(?!(?:" + "|".join(sorted(_ROLE_PARTICIPLES)) + r")\b)[a-z]+ed) ")
_BODY_BEFORE_ROLE = re.compile(r"(?!(?:The|A|An|He|She|It|They|We|I)\b)(?:[A-Z][\w&'’.-]* ){2,5}(?=[a-z][\w-]* (?:[a-z][\w-]* )?[A-Z])")


def _is_title(word: str) -> bool:
    from ..names import PERSON_TITLES

    low = word.lower()
    return (low in PERSON_TITLES or low in _ROLE_TITLES) and low not in _HONORIFICS


def person_after_role(text: str, pos: int, limit: int, index) -> object | None:
    """The person named after a role of one to four words from ``pos`` ("energy analyst Orin Middleton",
    "Troy police Lt. Gerry Scherlinck", "General Manager Ann Smith"): lower-case words, titles, and a
    capitalised word before a lower-case one (the place or body the role belongs to)."""
    from ..names import PERSON_TITLES

    start = pos
    body = _BODY_BEFORE_ROLE.match(text, pos, limit)  # "said Soul City Boxing Gym owner Roshawn Jones": the body's name first
    if body is not None and index.at(pos) is None:
        pos = body.end()
        if _VERB_AFTER_BODY.match(text, pos, limit) is not None:
            return None  # "says Lord Goldsmith warned Tony Blair": a verb after the name, whose object is no speaker
    for _ in range(4):
        m = _ROLE_WORD.match(text, pos, limit)
        if m is None:
            return None
        word = m.group(1)
        nxt = _ROLE_WORD.match(text, m.end(), limit)
        if word == "and" and pos > start and nxt is not None and nxt.group(1).islower() and nxt.group(1) not in _GAP_BREAK:
            pos = m.end()  # "said Anchorage businessman and blogger Andrew Halcro": two roles
            continue
        place_before_role = word[:1].isupper() and nxt is not None and nxt.group(1).islower()  # "Troy police Lt."
        title = (word.lower() in PERSON_TITLES or word.lower() in _ROLE_TITLES) and word.lower() not in _HONORIFICS
        if not title and word[:1].isupper() and nxt is not None and nxt.group(1)[:1].isupper() and _is_title(nxt.group(1)):
            title = True  # a portfolio or rank before its title: "Culture Secretary Tessa Jowell", "Assistant Chief Constable X"
        if word.lower() in _GAP_BREAK or word in _AUXILIARIES or not (_GAP_WORD.match(word + m.group(2)) or title or place_before_role):
            return None  # (not "said his brother had dated Daylee Newman": a clause, not a role)
        pos = m.end()
        person = index.at(pos)
        if person is not None and text[person.start : person.end].lower() not in PERSON_TITLES:  # a title read as a name: walk on
            if person.label == "PERSON":
                return person
            if person.label != "GPE" or text[person.end : person.end + 1] != " ":
                return None  # (a place before the role walks on: "said Moscow-based US lawyer Jamie Firestone")
    return None


def _sentence_bounds(text: str, pos: int, s0: int, e0: int) -> tuple[int, int]:
    a = max(text.rfind(". ", s0, pos), text.rfind("\n", s0, pos), text.rfind("。", s0, pos), text.rfind("? ", s0, pos))
    start = s0 if a < 0 else a + 1
    q = max(text.rfind('." ', max(s0, start), pos), text.rfind(".” ", max(s0, start), pos))
    if q >= 0:
        start = q + 2  # a sentence that ended inside its closing quote ('... communities." BBC political editor Andrew Marr said')
    ends = [i for i in (text.find(". ", pos, e0), text.find("\n", pos, e0), text.find("。", pos, e0)) if i >= 0]
    return start, (min(ends) if ends else e0)


def _appositive_gap(gap: str) -> bool:
    """Is ``gap`` a short noun phrase ending in a space (see _GAP_WORD)?"""
    if not gap.endswith(" ") or "\n" in gap:
        return False
    words = gap.split()
    return len(words) <= _GAP_MAX_WORDS and all(_GAP_WORD.match(w) and w.lower() not in _GAP_BREAK for w in words)


def _capseq_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    m = _ARTICLE.match(text[pos:limit])
    p = pos + (m.end() if m else 0)
    cm = _CAPSEQ.match(text, p, limit)
    if cm and cm.end() > p and text[p:cm.end()] not in ("The", "A", "An", "He", "She", "It", "They"):
        return p, cm.end()
    return None


def _present(text: str, s0: int, e0: int, keys: tuple[str, ...]) -> bool:
    return any(text.find(k, s0, e0) >= 0 for k in keys)


def _cue_verbs(text: str, s0: int, e0: int) -> list[tuple[int, int, str]]:
    """(start, end, verb) of every whole-word speech verb in ``text[s0:e0]``, in order."""
    out = []
    if s0 == 0:
        m = _CUE_AFTER.match(text, 0, e0)
        if m is not None:
            out.append((0, m.end(), m.group(1)))
    for m in _CUE_AFTER_SEP.finditer(text, max(s0 - 1, 0), e0):
        if m.start(1) >= s0:
            out.append((m.start(1), m.end(), m.group(1)))
    return out


def _said_before_name(text: str, s0: int, e0: int, cues: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    """(end, verb) of \\b(said|added|says|noted|explained|continued|wrote)\\s+ in ``text[s0:e0]``, and of
    the verbs of _TAIL_WORDS right after a closing quote ('"...," warned John Harbinson').

    All of these but "continued" are speech verbs already in ``cues``.
    """
    out = []
    for c_start, c_end, verb in cues:
        if verb in _SAID_WORDS or (verb in _TAIL_WORDS and text[max(s0, c_start - 3) : c_start].rstrip(" ").endswith(('"', "”"))):
            sp = _SPACES.match(text, c_end, e0)
            if sp is not None:
                out.append((c_end, sp.end(), verb))
    if text.find("continued", s0, e0) >= 0:
        for m in _CONTINUED.finditer(text, s0, e0):
            out.append((m.start(), m.end(), "continued"))
        out.sort()
    return [(e, verb) for _, e, verb in out]


# "Imelda Staunton, 49, who told BBC News 24 ...", "Smith, who said ...": the name before a relative "who"
_WHO_BEFORE = re.compile(r"(?:, \d{1,3})?,? who $")


def who_subject_end(text: str, lo: int, pos: int) -> int | None:
    """Where the name before ", (age,) who" ends, when ``pos`` follows such a "who"."""
    if not text.endswith("who ", lo, pos):
        return None
    m = _WHO_BEFORE.search(text, max(lo, pos - 12), pos)
    return m.start() if m else None


def _adverbs_start(text: str, lo: int, cue: int) -> int:
    """Start of the run of adverbs + space ("has also ") that ends at ``cue`` (not before ``lo``)."""
    pos = cue
    while text.endswith(_ADVERB_SUFFIXES, lo, pos):
        for suffix in _ADVERB_SUFFIXES:
            if text.endswith(suffix, lo, pos):
                pos -= len(suffix)
                break
    return pos


# "told (the) (private Spanish) radio station Cadena Ser", "told the BBC programme Go Digital": an
# outlet named by its kind after "told" is a source whatever the name model typed it as.
_TOLD_OUTLET_KIND = re.compile(
    r"\s+(?:the\s+)?(?:[A-Za-z][a-z]+\s+){0,3}?(?:newspaper|paper|daily|weekly|magazine|broadcaster|tabloid|website|news agency|"
    r"agency|channel|radio station|station|radio|programme|program|show|network)\s+(?=[A-Z])"
)
# An organisation whose name ends in a media word is an outlet ("BBC News 24", "Greater Manchester Radio").
_MEDIA_WORDS = frozenset("News Radio TV Television Times Post Journal Daily Herald Tribune Gazette Chronicle Magazine "
                         "Network Channel Online Today Telegraph Guardian Observer Express Mirror Mail Star Press".split())
# "MSNBC is reporting", "the FBI is warning": a progressive speech verb after its auxiliary.
_PROGRESSIVE_AUX = ("is ", "are ", "was ", "were ")


def outlet_after_told(text: str, c_end: int, e0: int) -> int | None:
    """Where the outlet's name starts after "told" when an outlet kind word stands before it."""
    m = _TOLD_OUTLET_KIND.match(text, c_end, min(e0, c_end + 60))
    return m.end() if m is not None else None


# A company's legal suffix and a ticker in brackets between its name and the cue: "Microsoft Corp. said",
# "Nike Inc. (NKE.N: Quote, Profile, Research) on Monday reported", "QUALCOMM Incorporated (Nasdaq: QCOM) said".
_TICKER_TAIL = re.compile(r" ?\((?:[A-Z][\w.&]*(?::[^()]{0,50})?|[A-Z][a-z]+: ?[A-Z][\w.]*)\) ?$")
_CORP_TAIL = re.compile(r",? (?:Inc|Corp|Corporation|Incorporated|Co|Ltd|Plc|PLC|LLC|AG|SA|NV|SpA|Group|Holdings)\.? ?$")


def company_tail(text: str, lo: int, pos: int) -> tuple[int, int]:
    """(where the company's name ends before its legal suffix, where the suffix ends) when a suffix and maybe a
    ticker in brackets end at ``pos``; else (pos, pos)."""
    p = pos
    m = _TICKER_TAIL.search(text, max(lo, p - 64), p)
    if m is not None:
        p = m.start()
    m = _CORP_TAIL.search(text, max(lo, p - 16), p)
    if m is None:
        return pos, pos
    end = m.end()
    while end > m.start() and text[end - 1] == " ":
        end -= 1
    return m.start(), end


def progressive_start(text: str, lo: int, pos: int, verb: str) -> int:
    """``pos`` moved back over "is "/"are " ... before an -ing speech verb ("MSNBC is reporting")."""
    if verb.endswith("ing"):
        for aux in _PROGRESSIVE_AUX:
            if text.endswith(aux, lo, pos):
                return pos - len(aux)
    return pos

# A line opening with a speaker and a colon ("费尔德斯坦：美国应放弃医改", "美国驻华使馆签证官：..."):
# the name, at most a short role word, then a full-width or ASCII colon.
_ZH_COLON_AFTER = re.compile(r"(?:[\u4e00-\u9fff]{0,4}?|(?:相关|相關|有关|有關|新闻|新聞)?(?:负责人|負責人|发言人|發言人|官员|官員|人士))[：:]")
# "…人类新华社上海9月17日电…": a dateline inside a line (feeds that flatten the lead into one paragraph)
_ZH_DATE_DISPATCH = re.compile(r"\d{1,2}月\d{1,2}日(?P<cue>电|電)")
