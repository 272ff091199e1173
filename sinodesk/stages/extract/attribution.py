"""Attributions: who a story says its information comes from, with the cue that says so.

Counted: *named* sources -- people, organisations, outlets, governments, platforms -- that
a cue ties to the information: "according to X", "X said / told / reported / announced
...", "said X", "told the Global Times", "in an interview with X", "data from X", "a study
by X", "Source: X, date" lines (and numbered source lists, bare "X, date" lines), Chinese
据X报道 / X称 / X表示.  Unnamed sources ("an official said", "the report notes") are not
attributions here: there is nothing an analyst could look up.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .entities import GazMatch
from .gazetteer import Gazetteer, trie_regex
from .outlets import OutletRegistry

_SPEECH = (
    r"said|says|say|told|tells|reported|reports|announced|announces|stated|states|noted|notes|indicated|"
    r"warned|warns|claimed|claims|revealed|disclosed|confirmed|added|emphasized|emphasised|pointed out|"
    r"highlighted|argued|wrote|cited|showed|shows|found|estimated|urged|stressed|explained|published|released|"
    r"highlighting|noting|saying|citing|warning|reporting|claiming|arguing|"
    r"alleged|accused|declared|insisted|predicted|unveiled|issued|recorded|observed|acknowledged|"
    r"believes|believe|admitted|admits|demanded|demands|hinted|recommends|recommended|"
    r"insists|urges|confirms|reveals|argues|accuses|announce|warn"
)
# "a Microsoft spokesman said", "Pentagon officials have said", "Yukos lawyers say": the
# organisation before a role noun is the source.
_ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson spokespeople official officials lawyer lawyers executive executives chief "
    "chiefs source sources representative representatives analyst analysts economist economists researcher "
    "researchers scientist scientists engineer engineers staff director directors boss bosses manager managers "
    "leader leaders members member officers officer investigators prosecutors".split()
)
_ADVERBS = r"(?:(?:recently|also|further|officially|just|has|have|had|previously|later|earlier|publicly|then|once|again|reportedly|first) )*"
_ADVERB_WORDS = tuple(_ADVERBS[len("(?:(?:") : -len(") )*")].split("|"))
_ADVERB_SUFFIXES = tuple(w + " " for w in _ADVERB_WORDS)
# The cue patterns start with a literal or a character class and check "not inside a
# word" after their first character (see scan.py); comments give the plain spelling.
_NOT_AFTER_WORD = r"(?<!\w[\s\S])"
# \b(said|says|...)\b -- scanned as "[^\w](said|...)\b" (a speech verb after a non-word
# character: far fewer places to try than every letter that starts a verb), plus the
# verb at the very start of the text, which has no character before it.
_CUE_AFTER = re.compile(r"(" + trie_regex(_SPEECH.split("|")) + r")\b")
_CUE_AFTER_SEP = re.compile(r"[^\w](" + trie_regex(_SPEECH.split("|")) + r")\b")
_SAID_WORDS = frozenset("said|added|says|noted|explained|continued|wrote".split("|"))
_CONTINUED = re.compile(r"continued(?<!\wcontinued)\s+")  # \bcontinued\s+ (not a speech verb)
_SPACES = re.compile(r"\s+")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_ACCORDING_KEYS = ("ccording to",)
_INTERVIEW = re.compile(r"\b(?:[Ii]n an? (?:exclusive |recent )?interview with|speaking to|in a statement to|quoted by|cited by)\s+(?:the\s+)?")
_INTERVIEW_KEYS = ("nterview with", "speaking to", "in a statement to", "quoted by", "cited by")
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
_URL_LINE = re.compile(r"^\s*https?://")
_FOUR_DIGITS = re.compile(r"\d{4}")
_HAS_HAN = re.compile(r"[\u4e00-\u9fff]")
# What may stand between "according to" / "data from" and the named source: an appositive
# noun phrase ("cybersecurity firm", "Singapore's state-run broadcaster", "a 2023 report by").
# Judged by the shape of its words (lower-case words, possessives, years, nationality
# adjectives), not by a list of nouns: a clause word (that, which, said ...) ends it.
_GAP_WORD = re.compile(r"(?:[a-z][\w-]*|[A-Z][\w.-]*['’]s|\d{4}|[A-Z]\.[A-Z]\.|[A-Z]{2,3}|[A-Z][a-z]+(?:an|ese|ish|ian|i|ch))$")
_GAP_BREAK = frozenset("that which who whom whose said says say when while where and or but as if because after before "
                       "since than with without to in on at into over under".split())
_GAP_MAX_WORDS = 7
_CAPSEQ = re.compile(r"(?:[A-Z][\w’'&.-]*|[A-Z]{2,})(?: (?:[A-Z][\w’'&.-]*|of|and|for|the))*(?<! of)(?<! and)(?<! for)(?<! the)")
_ZH_JU = re.compile(r"[据據](?P<src>[^，。,！？\n]{2,24}?)(?P<cue>报道|报导|报導|報導|報道|消息|称|稱|表示|介绍|介紹|统计|統計|显示|顯示|披露|通报|通報)")
_ZH_DATELINE = re.compile(r"^(?P<src>[\u4e00-\u9fff]{2,8}?)(?:[\u4e00-\u9fff]{2,6})?\d{1,2}月\d{1,2}日(?P<cue>电|電|讯|訊|消息|报道|報導)", re.M)
# A lead crediting an outlet: "荆楚网消息（通讯员…）", "央视网消息（新闻联播）：", "国际在线报道（记者…）："
# (the credited name ends like an outlet's: 网/报/社/台/在线/客户端/频道/新闻/周刊/杂志).
_ZH_LEAD = re.compile(
    r"^[ \t\u3000]*(?P<src>[\u4e00-\u9fff]{1,10}?(?:网|網|报|報|社|台|在线|在線|客户端|客戶端|频道|頻道|新闻|新聞|周刊|週刊|杂志|雜誌))"
    r"(?P<cue>消息|报道|報導|讯|訊)(?=[（(：:])", re.M)
_ZH_AFTER = re.compile(r"(表示|称|稱|指出|说|說|透露|坦言|强调|強調|认为|認為|报道|報導|宣布|发布|發布|通报|通報)")
_SOURCE_HEAD = re.compile(r"^[ \t]*(?:Sources?\s*:|来源[:：]|來源[:：]|消息来源[:：])[ \t]*(.*)$", re.M)
_NUMBERED = re.compile(r"^[ \t]*\d{1,2}\.[ \t]*(.+?)[ \t]*$")
_NAME_DATE = re.compile(r"^(?:“[^”]{1,200}”[ \t]*,?[ \t]*|\"[^\"]{1,200}\"[ \t]*,?[ \t]*)?(?P<name>[^,，\n]{2,80}?)(?:[,，][ \t]*(?:retrieved[ \t]+|accessed[ \t]+)?(?P<date>[^\n]{4,40}?))?[ \t]*$")
_OK_LABELS = ("PERSON", "ORG", "GPE", "THREAT_ACTOR", "PRODUCT")
# Chinese subject ... cue with a gap: "工业和信息化部19日称", "国家安全部17日在微信公众号发文称",
# "陈茂波26日在立法会发表财政预算案时表示".  The gap is a day, then an optional adverbial phrase
# (at most 30 characters, no punctuation) that starts with a preposition or time word.
_ZH_GAP = re.compile(
    r"(?:\d{1,2}月\d{1,2}日|\d{1,2}日|今日|昨日|昨天|今天|近日|日前|当天|當天|当日|當日)?(?:晚间|晚間|上午|下午|晚上|早些时候)?"
    r"(?:(?:在|於|于|通过|通過|透过|透過|接受|向|对|對|就|也|还|還|则|則|亦|再次|同日|随后|隨後)[^，。！？；：,\n“”「」]{0,30}?)?"
    r"(?:(?:发文|發文|发布|發布|撰文|发表|發表)[^，。！？；：,\n“”「」]{0,8}?)?(?:称|稱|表示|说|說|指出|透露|宣布|通报|通報|强调|強調)"
)
_ZH_PREPOSITIONS = ("在", "于", "於", "通过", "通過", "透过", "透過")
_ZH_CLAUSE_START = "，。！？；\n：:"
# Title-case headline cue: "White House Says ...", "Huawei Warns ...".
_HEAD_CUE = re.compile(r" (Says|Said|Warns|Tells|Claims)\b")
_PLACE_PREP_BEFORE = re.compile(r"(?:^|\s)(?:on|in)(?: [a-z][\w-]*){0,4} $")
# "PARIS, May 6 (Xinhua) --": dateline with the agency in brackets.
# "PARIS, May 6 (Xinhua) --", "LONDON (CBS.MW) --", "LITTLE ROCK, Ark. (KTHV) –": a city,
# optionally a region and a date, then the agency in brackets and a dash.
_DATELINE = re.compile(
    r"([A-Z][A-Za-z.'’ -]{1,30}?)(?:, [A-Z][A-Za-z. ]{1,20}?)?(?:, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)? \((?P<agency>[^()\n]{2,30})\) ?(?:--|—|–|-)"
)
# After an entity, what sets it off as the subject of a later speech verb: a comma or bracket,
# maybe after a few lower-case words ("the IEA watchdog, which advises ..., said").
_SUBJECT_SET_OFF = re.compile(r"(?: [a-z][\w-]*){0,3}(?:, (?:[a-z\d(]|[A-Z][a-z]*-based)| \()")
# Between "said" and the name: a role ("said energy analyst Orin Middleton").
_ROLE_BEFORE_NAME = re.compile(r"(?:[a-z][\w-]* ){1,4}")


@dataclass(frozen=True, slots=True)
class AttrHit:
    start: int
    end: int
    source: str
    cue: str
    outlet_id: str | None
    canonical: str | None = None


@dataclass(frozen=True, slots=True)
class SourceLine:
    start: int  # offsets of the source name inside the line
    end: int
    name: str
    date_text: str | None
    outlet_id: str | None


def _canonical_source(surface: str, canonical: str | None, gaz: Gazetteer, reg: OutletRegistry) -> tuple[str, str | None]:
    o = reg.match(surface)
    if o is None and canonical and canonical.startswith("org:"):
        o = reg.get(canonical[4:])
    if o is None and canonical is None:
        c = gaz.lookup(surface)
        if c and c.startswith("org:"):
            o = reg.get(c[4:])
        canonical = c
    if o is not None:
        return o.name, o.id
    if canonical:
        return gaz.display(canonical), None
    return surface, None


def _sentence_bounds(text: str, pos: int, s0: int, e0: int) -> tuple[int, int]:
    a = max(text.rfind(". ", s0, pos), text.rfind("\n", s0, pos), text.rfind("。", s0, pos), text.rfind("? ", s0, pos))
    start = s0 if a < 0 else a + 1
    ends = [i for i in (text.find(". ", pos, e0), text.find("\n", pos, e0), text.find("。", pos, e0)) if i >= 0]
    return start, (min(ends) if ends else e0)


def find_source_lines(text: str, s0: int, e0: int) -> list[SourceLine]:
    """'Source: X, date' lines, numbered lists under 'Sources:', and bare 'X, date' lines."""
    from .dates import _RX as DATE_RX

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
        if not head and not (in_list and _NUMBERED.match(line)) and not has_date:
            continue
        ns, ne = body_start + m.start("name"), body_start + m.end("name")
        while ne > ns and text[ne - 1].isspace():
            ne -= 1
        while ns < ne and text[ns].isspace():
            ns += 1
        out.append(SourceLine(ns, ne, text[ns:ne], date_text if has_date else None, None))
    return out


class _Ents:
    """The story's entities sorted by start (non-overlapping), with the look-ups cue rules need."""

    __slots__ = ("ents", "starts", "ends", "ends_sorted")

    def __init__(self, ents: list[GazMatch]):
        self.ents = sorted(ents, key=lambda e: e.start)
        self.starts = [e.start for e in self.ents]
        self.ends = [e.end for e in self.ents]
        self.ends_sorted = all(a <= b for a, b in zip(self.ends, self.ends[1:]))

    def before(self, pos: int, text: str) -> GazMatch | None:
        """The entity ending at ``pos`` or one blank before it (scanning back from the last one)."""
        ents = self.ents
        if self.ends_sorted:
            i = bisect_left(self.ends, pos + 1)  # ents[:i] end at or before pos
            while i > 0:
                i -= 1
                e = ents[i]
                if pos - e.end <= 1 and text[e.end : pos].strip() == "":
                    return e
                if e.end < pos - 2:
                    return None
            return None
        for e in reversed(ents):
            if e.end <= pos and pos - e.end <= 1 and text[e.end : pos].strip() == "":
                return e
            if e.end < pos - 2:
                break
        return None

    def at(self, pos: int) -> GazMatch | None:
        """The first entity starting exactly at ``pos``."""
        i = bisect_left(self.starts, pos)
        return self.ents[i] if i < len(self.ents) and self.starts[i] == pos else None

    def appositive_subject(self, text: str, sent_start: int, cue: int) -> GazMatch | None:
        """Sentence subject set off by a comma or bracket ("Zheng, a professor at ..., said")."""
        best = None
        for i in range(bisect_left(self.starts, sent_start), bisect_left(self.starts, cue)):
            e = self.ents[i]
            if e.end > cue or e.label not in ("PERSON", "ORG"):
                continue
            if _SUBJECT_SET_OFF.match(text, e.end, cue + 30) is not None:
                if best is None or (e.label == "PERSON" and best.label != "PERSON"):
                    best = e
                    if e.label == "PERSON":
                        break
        return best

    def after(self, text: str, pos: int, limit: int, allow_gap: bool) -> GazMatch | None:
        """The first entity at or after ``pos`` (before ``limit``) if only filler words lie between."""
        i = bisect_left(self.starts, pos)
        if i == len(self.ents):
            return None
        e = self.ents[i]
        if e.start >= limit:
            return None
        gap = text[pos : e.start]
        if gap.strip() == "" or (allow_gap and _appositive_gap(gap)):
            return e if e.label in _OK_LABELS else None
        return None


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


def find_attributions(
    text: str,
    s0: int,
    e0: int,
    ents: list[GazMatch],
    gaz: Gazetteer,
    reg: OutletRegistry,
    source_lines: list[SourceLine] | None = None,
) -> list[AttrHit]:
    """Attributions in ``text[s0:e0]``; ``source_lines`` (from find_source_lines) if already found."""
    scan = _Scan(text, s0, e0, _Ents(ents), gaz, reg)
    scan.according_to()
    scan.interviews_and_data()
    cues = _cue_verbs(text, s0, e0)
    scan.speech_verbs(cues)
    scan.said_before_name(cues)
    if not text.isascii() and _HAS_HAN.search(text, s0, e0) is not None:
        scan.chinese()
    scan.headline_cues()
    for sl in source_lines if source_lines is not None else find_source_lines(text, s0, e0):
        scan.add(sl.start, sl.end, "Source:", gaz.lookup(sl.name))
    return _dedupe(scan.hits)


class _Scan:
    """One story's attribution scan: each method finds one kind of cue and adds its sources."""

    def __init__(self, text: str, s0: int, e0: int, index: _Ents, gaz: Gazetteer, reg: OutletRegistry):
        self.text, self.s0, self.e0, self.index, self.gaz, self.reg = text, s0, e0, index, gaz, reg
        self.hits: list[AttrHit] = []
        self.head_end = title_case_headline_end(text, s0, e0)

    def add(self, s: int, e: int, cue: str, canonical: str | None) -> None:
        source, oid = _canonical_source(self.text[s:e], canonical, self.gaz, self.reg)
        self.hits.append(AttrHit(s, e, source, cue, oid, canonical))

    def according_to(self) -> None:
        """"according to (a noun phrase) X"; an unknown capitalised name after it counts too."""
        text, s0, e0 = self.text, self.s0, self.e0
        for m in _ACCORDING.finditer(text, s0, e0) if _present(text, s0, e0, _ACCORDING_KEYS) else ():
            _, send = _sentence_bounds(text, m.end(), s0, e0)
            limit = min(send, m.end() + 90)
            ent = self.index.after(text, m.end(), limit, allow_gap=True)
            if ent:
                self.add(ent.start, ent.end, "according to", ent.canonical)
                continue
            span = _capseq_after(text, m.end(), limit) if m.start() >= self.head_end else None  # not "According to Officials and Scholars"
            if span:
                self.add(span[0], cut_name_end(text, *span), "according to", None)

    def interviews_and_data(self) -> None:
        """"in an interview with X", "data from X", "a study by X"."""
        text, s0, e0 = self.text, self.s0, self.e0
        for rx, cue, possible in ((_INTERVIEW, "interview with", _present(text, s0, e0, _INTERVIEW_KEYS)),
                                  (_DATA_FROM, None, _data_from_possible(text, s0, e0))):
            for m in rx.finditer(text, s0, e0) if possible else ():
                _, send = _sentence_bounds(text, m.end(), s0, e0)
                ent = self.index.after(text, m.end(), min(send, m.end() + 60), allow_gap=True)
                if ent:
                    self.add(ent.start, ent.end, cue or m.group().strip(), ent.canonical)

    def speech_verbs(self, cues: list[tuple[int, int, str]]) -> None:
        """"X said", "X, a professor at Y, said", "X told (the outlet) Z"."""
        text, s0, e0, index = self.text, self.s0, self.e0, self.index
        for c_start, c_end, verb in cues:
            pos = _adverbs_start(text, max(s0, c_start - 120), c_start)
            sent_start, _ = _sentence_bounds(text, c_start, s0, e0)
            ent = index.before(pos, text)
            if ent is None and text[max(s0, pos - 20) : pos].rstrip().endswith((",", ")")):
                ent = index.appositive_subject(text, sent_start, pos)
            if ent is None:
                ent = _organisation_of_role(text, max(s0, sent_start), pos, index)
            if ent is not None and ent.label in _OK_LABELS and not _object_of_preposition(text, ent.start, s0):
                self.add(ent.start, ent.end, verb, ent.canonical)
            if verb in ("told", "tells"):
                after = _OBJECT_GAP.match(text, c_end, e0)
                obj = index.at(after.end() if after else c_end)
                if obj is not None and (self.reg.match(text[obj.start : obj.end]) or (obj.canonical.startswith("org:") and obj.canonical[4:] in self.reg)):
                    self.add(obj.start, obj.end, "told", obj.canonical)

    def said_before_name(self, cues: list[tuple[int, int, str]]) -> None:
        """"said X", "said energy analyst X"."""
        text, e0, index = self.text, self.e0, self.index
        for said_end, verb in _said_before_name(text, self.s0, e0, cues):
            obj = index.at(said_end)
            if obj is not None:  # "said Everton spokesman Ian Ross": the person after the organisation's role word
                role = _ROLE_BEFORE_NAME.match(text, obj.end + 1, min(e0, obj.end + 40)) if text.startswith(" ", obj.end) else None
                person = index.at(role.end()) if role is not None and _appositive_gap(role.group()) else None
                obj = person if person is not None and person.label == "PERSON" else obj
            if obj is None:
                role = _ROLE_BEFORE_NAME.match(text, said_end, min(e0, said_end + 50))
                obj = index.at(role.end()) if role is not None and _appositive_gap(role.group()) else None
                obj = obj if obj is not None and obj.label == "PERSON" else None
            if obj is not None and obj.label in ("PERSON", "ORG"):
                self.add(obj.start, obj.end, verb, obj.canonical)

    def chinese(self) -> None:
        """据X报道, "新华社北京11月5日电", X表示/称/指出 (also after a day or an adverbial phrase)."""
        text, s0, e0, index = self.text, self.s0, self.e0, self.index
        for m in _ZH_JU.finditer(text, s0, e0):
            ss, se = m.span("src")
            inner = [e for e in index.ents if e.start >= ss and e.end <= se]
            if inner:
                self.add(inner[-1].start, inner[-1].end, "据…" + m.group("cue"), inner[-1].canonical)
            else:
                self.add(ss, se, "据…" + m.group("cue"), None)
        for m in _ZH_DATELINE.finditer(text, s0, e0):
            first = index.at(m.start("src"))
            if first is not None:
                self.add(first.start, first.end, m.group("cue"), first.canonical)
        for m in _ZH_LEAD.finditer(text, s0, e0):
            first = index.at(m.start("src"))
            if first is not None and first.end == m.end("src"):
                self.add(first.start, first.end, m.group("cue"), first.canonical)
            else:
                self.add(m.start("src"), m.end("src"), m.group("cue"), None)
        for m in _ZH_AFTER.finditer(text, s0, e0):
            ent = index.before(m.start(), text)
            taken = {h.start for h in self.hits}
            if ent is not None and ent.label in _OK_LABELS and ent.start not in taken:
                if not text.endswith(_ZH_PREPOSITIONS, max(s0, ent.start - 2), ent.start):  # not "在微信公众号发文称"
                    self.add(ent.start, ent.end, m.group(1), ent.canonical)
                    continue
            ent = _zh_gap_subject(text, m.start(), s0, index)
            if ent is not None and ent.start not in taken:
                self.add(ent.start, ent.end, m.group(1), ent.canonical)

    def headline_cues(self) -> None:
        """A title-case headline "Huawei Warns of ..."."""
        if self.head_end <= self.s0:
            return
        for m in _HEAD_CUE.finditer(self.text, self.s0, self.head_end):
            ent = self.index.before(m.start(), self.text)
            if ent is not None and ent.label in _OK_LABELS:
                self.add(ent.start, ent.end, m.group(1).lower(), ent.canonical)


def _organisation_of_role(text: str, lo: int, pos: int, index: "_Ents") -> GazMatch | None:
    """The organisation naming the speakers of "a Microsoft spokesman said", "Labour campaign
    chiefs say", "French and U.N. officials said" (a role noun, at most two lower-case words
    between it and the name)."""
    end = pos
    while end > lo and text[end - 1] == " ":
        end -= 1
    w0 = text.rfind(" ", lo, end) + 1
    if w0 <= lo or text[w0:end] not in _ROLE_NOUNS:
        return None
    p = w0
    for _ in range(3):
        ent = index.before(p, text)
        if ent is not None:
            return ent if ent.label == "ORG" else None
        q = text.rfind(" ", lo, p - 1) + 1
        word = text[q : p - 1]
        if q <= lo or not word.islower() or not word.isalpha():
            return None
        p = q
    return None


def _object_of_preposition(text: str, start: int, s0: int) -> bool:
    """"a clip on the video platform Douyin showed", "protesters in Beijing said": the entity
    closes a place phrase (on/in + lower-case words) and is not the subject."""
    if text.find(" on ", max(s0, start - 40), start) < 0 and text.find(" in ", max(s0, start - 40), start) < 0:
        return False  # cheap probe: no place preposition near
    return _PLACE_PREP_BEFORE.search(text, max(s0, start - 40), start) is not None


def _zh_gap_subject(text: str, cue: int, s0: int, index: "_Ents") -> GazMatch | None:
    """The entity opening the clause of a Chinese cue when only a day/adverbial gap lies between."""
    lo = max(s0, cue - 60)
    cs = lo
    for ch in _ZH_CLAUSE_START:
        i = text.rfind(ch, lo, cue)
        if i + 1 > cs:
            cs = i + 1
    i = bisect_left(index.starts, cs)
    best = None
    while i < len(index.ents) and index.ents[i].end <= cue:
        e = index.ents[i]
        if e.label in ("PERSON", "ORG", "GPE") and not text.endswith(_ZH_PREPOSITIONS, max(s0, e.start - 2), e.start):
            g = _ZH_GAP.match(text, e.end, cue + 12)
            if g is not None and g.end() > cue and e.end < cue:
                best = e  # the last such entity: "财政司司长陈茂波26日...表示" -> 陈茂波
        i += 1
    return best


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


_OUTLET_KEYS = ("paper", "daily", "weekly", "magazine", "broadcaster", "tabloid", "website", "agency", "channel", "station", "program")


def find_outlet_mentions(text: str, s0: int, e0: int) -> list[tuple[int, int, str]]:
    """(start, end, verb) of outlets a story reports from by their kind ("newspaper Variety reported")."""
    if not any(text.find(w, s0, e0) >= 0 for w in _OUTLET_KEYS):
        return []
    return [(m.start(1), m.end(1), m.group(2)) for m in _OUTLET_ROLE.finditer(text, s0, e0)]


def title_case_headline_end(text: str, s0: int, e0: int) -> int:
    from .entities import _title_case_headline_end

    return _title_case_headline_end(text, s0, e0)


def cut_name_end(text: str, s: int, e: int) -> int:
    from .entities import _cut_sentence

    return _cut_sentence(text, s, e)


def _dedupe(hits: list[AttrHit]) -> list[AttrHit]:
    """One attribution per span: the first found (rule order) among equal spans."""
    seen = set()
    out = []
    for h in sorted(hits, key=lambda h: (h.start, h.end)):
        if (h.start, h.end) in seen:
            continue
        seen.add((h.start, h.end))
        out.append(h)
    return out


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
    """(end, verb) of \\b(said|added|says|noted|explained|continued|wrote)\\s+ in ``text[s0:e0]``.

    All of these but "continued" are speech verbs already in ``cues``.
    """
    out = []
    for _, c_end, verb in cues:
        if verb in _SAID_WORDS:
            sp = _SPACES.match(text, c_end, e0)
            if sp is not None:
                out.append((c_end, sp.end(), verb))
    if text.find("continued", s0, e0) >= 0:
        for m in _CONTINUED.finditer(text, s0, e0):
            out.append((m.start(), m.end(), "continued"))
        out.sort()
    return [(e, verb) for _, e, verb in out]


def _adverbs_start(text: str, lo: int, cue: int) -> int:
    """Start of the run of adverbs + space ("has also ") that ends at ``cue`` (not before ``lo``)."""
    pos = cue
    while text.endswith(_ADVERB_SUFFIXES, lo, pos):
        for suffix in _ADVERB_SUFFIXES:
            if text.endswith(suffix, lo, pos):
                pos -= len(suffix)
                break
    return pos
