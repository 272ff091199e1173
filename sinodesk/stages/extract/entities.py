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
from functools import lru_cache

from .gazetteer import Gazetteer, GazMatch, has_cjk, label_of, slug, trie_regex
from .name_shapes import GEO_LAST, geo_headed, maker_models, role_before_name, strong_head_type, wider_name
from .scan import guard_after_first
from .zh_names import ChineseTagger, chinese_candidates  # noqa: F401  (ChineseTagger: re-exported)

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
_LEADING = re.compile(r"^(?:The|the|A|An|a|an|Both|both|In|On|At|By|For|From|With|As|After|Before|Since|While|When|Under|Meanwhile|However|China’s|China's) ")
_NOT_SURNAME_CONTEXT = {
    "Ma": ("Ma Ying-jeou", "Ma Huateng", "Ma Yun"),
}
_GENERIC_CAPS = {
    "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "In", "On", "At", "As",
    "Source", "Sources", "Related", "Read", "More", "Here", "There", "What", "When", "Why", "How", "Who",
    "Chinese", "American", "Russian", "Indian", "Taiwanese", "Japanese", "Western", "Asian", "European",
    "State", "National", "Central", "General", "Communist", "People", "Global", "International",
}


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


def _rule_candidates(text: str, s0: int, e0: int, gaz: Gazetteer | None = None) -> list[GazMatch]:
    out: list[GazMatch] = []
    for m in _PINYIN_NAME.finditer(text, s0, e0):
        given, third = m.group(2), m.group(3)
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
    head_end = _title_case_headline_end(text, s0, e0)
    for rx in (_ORG_OF, _ORG_PHRASE):
        for m in rx.finditer(text, s0, e0):
            if m.start(1) < head_end:
                continue  # "Sinopec and CATL Expand Battery Swap Network": a title-case headline
            for s, e in split_name_span(text, *m.span(1)):
                s, e = _strip_leading(text, s, e)
                k = text.rfind(" and ", s, e)
                if k > s and _is_place(text[text.rfind(" ", s, k) + 1 : k], gaz):
                    e = k  # "the University of Utah and Harvard": a place's name ends the first name
                k = text.find(" and ", s, e)
                if k > s and gaz is not None and gaz.lookup(text[_strip_leading(text, s, k)[0] : k]):
                    s = k + 5  # "Both the IMF and World Bank": a known name before "and" is a name of its own
                phrase = text[s:e]
                words = phrase.split()
                head = words[0] if rx is _ORG_OF else words[-1]  # "Institute of Latin American Studies": the head comes first
                if len(words) < 2 or words[0] in _GENERIC_CAPS and len(words) < 3 or head not in _ORG_HEAD_SET:
                    continue
                out.append(GazMatch(s, e, (gaz.lookup(phrase) if gaz else None) or f"org:{slug(phrase)}", "ORG"))
    places = _PLACE.finditer(text, s0, e0) if any(text.find(k, s0, e0) >= 0 for k in _PLACE_KEYS) else ()
    for m in places:
        s, e = _strip_leading(text, *m.span(1))
        if len(text[s:e].split()) < 2 or text[s:e].split()[0] in _GENERIC_CAPS:
            continue
        out.append(GazMatch(s, e, f"gpe:{slug(text[s:e])}", "GPE"))
    return out


def _is_place(word: str, gaz: Gazetteer | None) -> bool:
    """A country, state or city: the gazetteer's or GeoNames' (name_lists.place_names)."""
    from .name_lists import place_names

    return word in place_names() or gaz is not None and label_of(gaz.lookup(word) or "x:") in ("GPE", "LOC")


_ORG_HEAD_SET = frozenset(_ORG_HEADS.split("|")) | frozenset(_ORG_OF_HEADS.split("|"))
_ABBREV_BEFORE_DOT = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "Co", "Inc", "Ltd", "Corp", "No", "Gen", "Jr", "Sr", "Prof", "Rep", "Sen", "Gov", "Lt", "Col", "Capt"})


def _cut_sentence(text: str, s: int, e: int) -> int:
    """End of the span cut at the first sentence end inside it ("Security. In" -> "Security").

    A ". " after a single letter or an abbreviation ("U.S. State", "Dr. Zheng") is no sentence end.
    """
    i = text.find(". ", s, e)
    while i >= 0:
        w0 = i
        while w0 > s and not text[w0 - 1].isspace():
            w0 -= 1
        word = text[w0:i]
        if len(word) > 1 and "." not in word and word not in _ABBREV_BEFORE_DOT:
            return i
        i = text.find(". ", i + 2, e)
    return e


def split_name_span(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A capitalised span cut into the names it holds.

    * never across a sentence end ("Penghu. The U.S. State Department" -> "Penghu");
    * a possessive ends a name: "Hong Kong's Legislative Council" -> "Legislative Council"
      (the owner is found on its own by the gazetteer);
    * " and " between two names that each end in an organisation head noun is a
      coordination ("CCP Central Committee and the State Council" -> two names), while
      "Ministry of Industry and Information Technology" stays one name.
    """
    e = _cut_sentence(text, s, e)
    while e > s and text[e - 1] in ".,":
        e -= 1
    piece = text[s:e]
    for mark in ("'s ", "’s "):
        k = piece.rfind(mark)
        if k > 0:
            s, piece = s + k + len(mark), piece[k + len(mark):]
    k = piece.find(" and ")
    if k > 0:
        left, right = piece[:k].split(), piece[k + 5:].split()
        if left and right and left[-1] in _ORG_HEAD_SET and right[-1] in _ORG_HEAD_SET:
            return [(s, s + k)] + split_name_span(text, s + k + 5, e)
    return [(s, e)] if e > s else []


def _title_case_headline_end(text: str, s0: int, e0: int) -> int:
    """End of the story's first line when it is a title-case headline (most words capitalised), else s0."""
    nl = text.find("\n", s0, e0)
    if nl < 0:
        return s0
    words = [w for w in text[s0:nl].split() if w[:1].isalpha()]
    if len(words) < 4:
        return s0
    caps = sum(w[0].isupper() for w in words if w.lower() not in ("of", "and", "the", "in", "on", "for", "to", "a", "as", "at", "by", "with"))
    small = sum(w.lower() in ("of", "and", "the", "in", "on", "for", "to", "a", "as", "at", "by", "with") for w in words)
    return nl if caps >= 0.8 * (len(words) - small) else s0


# Unknown personal names in speech constructions: "said Maya Okonkwo", "Daniel Brenner said",
# "Daniel Brenner, chief strategist at UBS, said ...".  Only looked for around speech verbs
# (found with plain str.find), which are few per story.
_NAME_WORDS = r"[A-Z][a-z]+(?:-[a-z]+)?(?: [A-Z]\.)?(?: [A-Z][a-z]+(?:-[a-z]+)?){1,2}"
_NAME_AFTER = re.compile(rf" ({_NAME_WORDS})(?![\w’'-])")
# lower-case words between a speech verb and a name ("said energy analyst X", "says team doctor X")
_ROLE_AFTER_VERB = re.compile(r"(?: [a-z][a-z-]+){1,3}(?= [A-Z])")
_ROLE_STOP = frozenset("that which who when while where and or but as if because after before since than with without to in on at "
                       "into over under by for from of the a an this last next week month year day night morning today yesterday "
                       "he she they it we you there was is were are has had have would will could".split())
_NAME_TOKEN_RX = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]\.")
_AUX_BEFORE_VERB = frozenset({"has ", "had ", "also ", "then ", "later ", "previously "})
_NOT_NAME_WORDS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "House", "Office",
    "Ministry", "Department", "Bureau", "Group", "Company", "Times", "News", "Daily", "Post", "Says", "Said", "Told",
    "Street", "Square", "Party", "Court", "Council", "Committee", "Agency", "Institute", "University", "Bank",
    "Mr", "Mrs", "Ms", "Dr",
})


def _plausible_name(text: str, s: int, e: int, gaz: Gazetteer | None) -> bool:
    if strong_head_type(text[s:e]):
        return False  # "the Securities Trading Act said": no person's name ends so
    words = text[s:e].replace(".", " ").split()
    if any(w in _GENERIC_CAPS or w in _NOT_NAME_WORDS for w in words):
        return False
    if gaz is not None and any(gaz.lookup(w) for w in words if len(w) > 2 and w not in _SURNAME_SET):
        return False  # "Beijing Daily", "Taiwan Power": known place/organisation words
    return True


_SPEECH_VERB_WORDS = tuple(" " + w for w in "said|says|told|tells|added|noted|wrote|warned|stressed|explained|insisted|argued|replied|cautioned".split("|"))


def _speech_verb_spans(text: str, s0: int, e0: int) -> list[tuple[int, int]]:
    """(start, end) of each whole-word speech verb after a space: plain ``str.find`` per verb."""
    out = []
    for w in _SPEECH_VERB_WORDS:
        p = text.find(w, s0, e0)
        while p >= 0:
            q = p + len(w)
            if q >= e0 or not (text[q].isalnum() or text[q] == "_"):
                out.append((p + 1, q))
            p = text.find(w, q, e0)
    out.sort()
    return out


def _name_ending_at(text: str, lo: int, p: int) -> tuple[int, int] | None:
    """The 2-3 capitalised words ("Maya Okonkwo", "Daniel J. Brenner") ending exactly at ``p``.

    Plain string work backwards from ``p`` (no regex search over the window: see scan.py).
    """
    w0 = text.rfind(" ", max(lo, p - 20), p) + 1
    if w0 <= 0 or not text[w0 : w0 + 1].isupper():
        return None  # the word before is not capitalised: most "he said", "officials said"
    words = text[max(lo, p - 50) : p].split(" ")
    if len(words) < 2:
        return None
    take = 0
    for w in reversed(words[-3:]):
        if _NAME_TOKEN_RX.fullmatch(w) is None:
            break
        take += 1
    if take < 2 or _NAME_TOKEN_RX.fullmatch(words[-1]) is None or words[-1].endswith("."):
        return None
    if words[-take].lower() in _LINKS:
        take -= 1  # "But Harbinson warned": the conjunction opening the sentence is no part of the name
        if take < 2:
            return None
    ns = p - len(" ".join(words[-take:]))
    if ns > lo and (text[ns - 1].isalnum() or text[ns - 1] in ".’'-"):
        return None
    return ns, p


_CLAUSE_OPENERS = frozenset(".!?:;(\"“”—–-\n")
# Words that open a clause before its subject ("But Harbinson warned", "as Okonkwo said")
_LINKS = frozenset("and but yet so then now still meanwhile also as while when because although though where later".split())
_LONE_NAME = re.compile(r"[A-Z][a-z]+(?:['’][A-Z][a-z]+|-[A-Z][a-z]+)?")


def _lone_name_ending_at(text: str, lo: int, p: int, tail: bool = False) -> tuple[int, int] | None:
    """One capitalised word ending at ``p`` that opens its clause -- at a sentence start, after a
    dateline's dash, a closing quote or a word such as "but" or "as" ("WASHINGTON — Harbinson
    said", '"...," Okonkwo said', "as Mbeki noted"), or after a comma when the speech verb ends
    the clause (``tail``: "The plan is risky, Kuznetsova says.") -- and that English does not write in lower case ("Officials said") nor is a plural
    ("Democrats say"; a census surname such as "Jones" is no plural): a speaker no list holds.  The learned model's reading of the same word
    wins (names.py: "Nvidia said" stays an organisation)."""
    w0 = text.rfind(" ", max(lo, p - 24), p) + 1
    if w0 <= 0 and lo > 0:
        return None
    word = text[w0:p]
    if len(word) < 3 or _LONE_NAME.fullmatch(word) is None or word in _NOT_NAME_WORDS or word in _GENERIC_CAPS:
        return None
    before = text[max(lo, w0 - 3) : w0].rstrip(" ")
    if before and before[-1] not in _CLAUSE_OPENERS and not (before[-1] == "," and (tail or text[w0 - 3 : w0 - 2] in "\"”'’")):
        link = text[max(lo, w0 - 10) : w0 - 1].rsplit(" ", 1)[-1].lstrip("\"“")
        if link.lower() not in _LINKS or text[w0 - 1 : w0] != " ":
            return None
    from .name_shapes import _NATIONALS
    from .names import common_words

    low = word.lower()
    common = common_words()
    if word in _NATIONALS or low in common:
        return None
    if low.endswith("s") and not low.endswith("ss"):
        from .name_lists import surnames_ending_in_s

        if word not in surnames_ending_in_s():
            return None  # "Democrats say", "Socialists said": a plural, not a person ("Jones said" is one)
    return w0, p


def speech_names(text: str, s0: int, e0: int, gaz: Gazetteer | None = None) -> list[GazMatch]:
    """PERSON candidates for unknown names next to a speech verb (see the comment above)."""
    from .names import strip_titles

    out: list[GazMatch] = []
    if not text.isascii() and has_cjk(text, s0, e0) and text.count(" ", s0, e0) < (e0 - s0) // 20:
        return out  # Chinese text
    for vs, ve in _speech_verb_spans(text, s0, e0):
        p = vs - 1
        w0 = text.rfind(" ", max(s0, p - 12), p) + 1
        if w0 > 0 and text[w0:vs] in _AUX_BEFORE_VERB:
            p = w0 - 1
        if text[p - 1 : p] == ",":  # "Daniel Brenner, strategist at UBS, said": name before the first comma
            c = text.rfind(",", max(s0, p - 92), p - 1)
            p = c if c > s0 and "." not in text[c:p] and "\n" not in text[c:p] else -1
        span = (_name_ending_at(text, s0, p) or role_before_name(text, s0, p)
                or _lone_name_ending_at(text, s0, p, ve >= e0 or text[ve : ve + 1] in ".,;")) if p > s0 else None
        if span is not None and _plausible_name(text, *span, gaz):
            ns = strip_titles(span[0], text[span[0] : span[1]])[0]  # "Coroner Gary Hargrove said" -> Gary Hargrove
            out.append(GazMatch(ns, span[1], f"person:{slug(text[ns:span[1]])}", "PERSON"))
        q = ve
        if text.startswith(" ", ve) and text[ve + 1 : ve + 2].islower():  # "said energy analyst Orin Middleton"
            r = _ROLE_AFTER_VERB.match(text, ve, min(e0, ve + 50))
            q = r.end() if r is not None and not _ROLE_STOP.intersection(r.group().split()) else -1
        if q > 0 and text.startswith(" ", q) and text[q + 1 : q + 2].isupper():
            ve = q
            m = _NAME_AFTER.match(text, ve, min(e0, ve + 60))
            if m is not None:
                ns, ne = m.span(1)
                ns = strip_titles(ns, text[ns:ne])[0]
                if _plausible_name(text, ns, ne, gaz):
                    out.append(GazMatch(ns, ne, f"person:{slug(text[ns:ne])}", "PERSON"))
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
    text: str, start: int, end: int, gaz: Gazetteer, tagger: ChineseTagger | None, extra: list[GazMatch] = (),
    learned: list[GazMatch] = (),
) -> list[GazMatch]:
    """Entities in ``text[start:end]``: the gazetteer (canonical ids) first, then names the
    learned model finds (``learned``, see names.py), then rules, then ``extra`` (spaCy).

    A longer span wins over a gazetteer name inside it when it is an organisation, event,
    law or facility that adds information ("Heilongjiang Provincial Academy of Social
    Sciences" over "Heilongjiang")."""
    gaz_hits = gaz.scan_latin(text, start, end)
    cjk: list[GazMatch] = []
    if has_cjk(text, start, end):
        cjk = chinese_candidates(text, start, end, gaz, tagger) if tagger else gaz.scan_cjk(text, start, end)
    rules = _rule_candidates(text, start, end, gaz)
    rules += speech_names(text, start, end, gaz)
    ordered = sorted(gaz_hits + cjk, key=lambda c: (c.start, -(c.end - c.start)))
    # (not a reading that joins two names with "and the": "Ministry of Agriculture and Rural Affairs and the Department")
    longer = [wider_name(text, r, ordered) or r for r in [*learned, *rules]
              if r.label in _WRAPPING and _wraps_any(r, ordered) and text.find(" and the ", r.start, r.end) < 0
              or wider_name(text, r, ordered) or r.label == "LOC" and _geo_over_listed(text, r, ordered)]
    models = (maker_models(text, end, ordered) + _product_lines(text, learned, ordered)) if gaz_hits else []
    ents = resolve_overlaps(models + longer + ordered + list(learned) + rules + list(extra))
    if gaz_hits and any(_BARE_GEO.fullmatch(text, g.start, g.end) for g in gaz_hits):
        ents = _bare_geo_words(text, ents)
    return _corefer(text, start, end, ents)


# A listed name that is only a kind of water or land with "the" ("the Strait": the Taiwan Strait in China news)
_BARE_GEO = re.compile(r"(?:[Tt]he )?(" + "|".join(w.capitalize() for w in GEO_LAST) + r")")


def _bare_geo_words(text: str, ents: list[GazMatch]) -> list[GazMatch]:
    """A listed bare kind word ("the Strait") in a story that names another one of its kind ("the Strait of Hormuz",
    "Bass Strait") is that one, not the listed one; before "of" and a name it is the start of another name, and
    no mention of the listed one."""
    out = []
    for e in ents:
        m = _BARE_GEO.fullmatch(text, e.start, e.end)
        if m is None or e.label not in ("LOC", "GPE"):
            out.append(e)
            continue
        if re.match(r" of (?:the )?[A-Z]", text[e.end : e.end + 12]):
            continue  # "the Strait of Hormuz" where no longer name was read: not the Taiwan Strait
        kind = m.group(1)
        others = {o.canonical for o in ents if o is not e and o.canonical != e.canonical and o.label == "LOC"
                  and kind in text[o.start : o.end].split() and text[o.start : o.end] != m.group(0)}
        if len(others) == 1:
            out.append(GazMatch(e.start, e.end, others.pop(), "LOC"))  # "the Strait" after "the Strait of Hormuz"
        elif not others:
            out.append(e)
    return out


_WRAPPING = frozenset({"ORG", "EVENT", "LAW", "FAC"})


def _product_lines(text: str, learned: list[GazMatch], ordered: list[GazMatch]) -> list[GazMatch]:
    """A listed product and the capitalised words the name model read with it are one product, whatever
    type the model gave the whole: a product line or edition ("Windows Messenger", "Xbox Live Arcade",
    "BlackBerry Curve"); not a person's title after it ("Windows Chief ...")."""
    from .names import PERSON_TITLES

    products = {g.start: g for g in ordered if g.label == "PRODUCT"}
    out = []
    for r in learned:
        g = products.get(r.start)
        if g is None or r.end <= g.end or text[g.end : g.end + 1] != " ":
            continue
        words = text[g.end : r.end].split()
        if all(w[:1].isupper() and w.lower() not in PERSON_TITLES for w in words):
            out.append(GazMatch(r.start, r.end, f"product:{slug(text[r.start : r.end])}", "PRODUCT"))
    return out


def _geo_over_listed(text: str, r: GazMatch, listed: list[GazMatch]) -> bool:
    """True when land or water named by its head word ("Mount Kenya", "Sea of Japan", "Strait of Hormuz") holds
    a listed name, or a listed name written with "the" runs into it ("the Strait" of "the Strait of Hormuz")."""
    if not any(r.start <= g.end and g.start <= r.end for g in listed) or not geo_headed(text[r.start : r.end]):
        return False
    return _wraps_any(r, listed) or any(g.start < r.start < g.end <= r.end and text[g.start : r.start] in ("the ", "The ")
                                        for g in listed)


def _wraps_any(r: GazMatch, inner: list[GazMatch]) -> bool:
    return any(r.start <= g.start and g.end <= r.end and (g.start, g.end) != (r.start, r.end) for g in inner)


_FIRM_PARTNERS = re.compile(r",? +(?:&|amp;) *")


def _corefer(text: str, start: int, end: int, ents: list[GazMatch]) -> list[GazMatch]:
    """Surname-only and acronym mentions take the id of the full name seen in the story; the first partner's
    name, that of a firm named by its partners ("Marsh" after "Marsh & McLennan")."""
    short: dict[str, set[str]] = {}
    partners: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for e in ents:
        surface = text[e.start : e.end]
        labels[e.canonical] = e.label
        if e.label == "PERSON" and " " in surface.strip():
            # the whole name too, wherever else the story writes it (a headline the model was not sure of):
            # else its words would be found one by one there ("Picked Ellen DeGeneres As Host")
            short.setdefault(surface, set()).add(e.canonical)
            toks = surface.split()
            for t in {toks[0], toks[-1].split("-")[0] if "-" in toks[-1] and len(toks) == 2 else toks[-1]}:
                if t[:1].isupper() and len(t) > 1 and t not in _GENERIC_CAPS and not (len(t) == 2 and t[1] == "."):  # "A." of "A. J. Smith"
                    short.setdefault(t, set()).add(e.canonical)
        if e.label == "ORG" and ("&" in surface or " amp; " in surface):
            first = _FIRM_PARTNERS.split(surface, 1)[0].split()
            if len(first) == 1 and first[0][:1].isupper() and first[0][1:].islower():
                partners.setdefault(first[0], set()).add(e.canonical)  # "Marsh" after "Marsh & McLennan": the firm
        if e.label in ("ORG", "GPE", "LAW", "PRODUCT"):
            m = _PAREN_ACRONYM.match(text, e.end)
            # the acronym starts with one of the name's initials ("Mo. (AP)" is a dateline's agency)
            if m and m.group(1)[0] in {w[:1].upper() for w in surface.split()}:
                short.setdefault(m.group(1), set()).add(e.canonical)
    for k, v in partners.items():
        short.setdefault(k, v)  # a person's surname stays the person's ("Henman" of "Tim Henman", not of "Henman & Murray")
    usable = {k: next(iter(v)) for k, v in short.items() if len(v) == 1}
    if not usable:
        return ents
    extra = []
    for s, k in _whole_word_hits(text, start, end, usable):
        c = usable[k]
        extra.append(GazMatch(s, s + len(k), c, labels[c]))
    # the short form of a name in this story wins over another reading of the same span ("added Zhang"); a
    # whole name only fills a place where nothing was read
    same = {(x.start, x.end): x for x in extra if " " not in text[x.start : x.end]}
    return resolve_overlaps([same.get((e.start, e.end), e) for e in ents] + extra)


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
