"""Chinese government bodies named with their place: one organisation mention over the whole span.

浙江人大常委会, 深圳市政府, 浙江温岭市纪委, 普洱市思茅区法院, 意大利参议院, 罗马尼亚政府: the labelled sets (and an
analyst) read each as one organisation, as English writes "the Zhejiang provincial people's congress".  The
place is not a mention of its own inside it; the linker, which matches a Chinese and an English report by the
entities they share, reads it back from the organisation's id (:func:`org_place`) and links by the place, as it
did when the place was the mention.

The id is the place's and the body's English name, apart by "--" (which no slug holds): 深圳市政府 ->
org:shenzhen--government, 浙江温岭市纪委 -> org:wen-ling--discipline-inspection-commission (the body's own place
is the last one; the province before it only says where that is); a body the gazetteer knows keeps its id
(香港特区政府 -> org:hong-kong-government).  Called from
``zh_names.chinese_candidates`` on its jieba words."""

from __future__ import annotations

import re

from .gazetteer import Gazetteer, GazMatch

# body word -> its English name in the id.  Longer words first in the pattern (人大常委会 before 人大).
_BODIES = {
    **dict.fromkeys("政府 人民政府 特区政府 特區政府".split(), "government"),
    **dict.fromkeys("当局 當局".split(), "authorities"),
    "警方": "police",
    **dict.fromkeys("公安局".split(), "public-security-bureau"),
    **dict.fromkeys("公安厅 公安廳".split(), "public-security-department"),
    **dict.fromkeys("省委 市委 县委 縣委 区委 區委 州委 党委 黨委".split(), "party-committee"),
    **dict.fromkeys("纪委 紀委".split(), "discipline-inspection-commission"),
    **dict.fromkeys("人大常委会 人大常委會".split(), "peoples-congress-standing-committee"),
    "人大": "peoples-congress",
    **dict.fromkeys("政协 政協".split(), "political-consultative-conference"),
    **dict.fromkeys("法院 人民法院".split(), "court"),
    **dict.fromkeys("中级人民法院 中級人民法院 中院".split(), "intermediate-court"),
    **dict.fromkeys("高级人民法院 高級人民法院 高院".split(), "high-court"),
    **dict.fromkeys("检察院 人民检察院 檢察院 人民檢察院".split(), "procuratorate"),
    **dict.fromkeys("议会 議會".split(), "parliament"),
    **dict.fromkeys("国会 國會".split(), "congress"),
    **dict.fromkeys("参议院 參議院".split(), "senate"),
    **dict.fromkeys("众议院 眾議院".split(), "house-of-representatives"),
    "下议院": "house-of-commons",
    "上议院": "house-of-lords",
}
_BODY = re.compile("|".join(sorted(_BODIES, key=len, reverse=True)))
# a body word that opens a longer jieba word ends there when the rest is a post or a part of it (益阳/市委书记/瞿海)
_POST_AFTER = re.compile(r"(?:副?书记|副?書記|常委|副?主任|委员|委員|副?主席|秘书长|秘書長|副?院长|副?院長|检察长|檢察長|副?局长|副?局長|"
                         r"副?厅长|副?廳長|发言人|發言人|新闻办|新聞辦|办公厅|辦公廳|宣传部|宣傳部|组织部|組織部)")
_ADMIN = re.compile(r"(?:特别行政区|特別行政區|自治区|自治區|自治州|自治县|自治縣|省|市|县|縣|区|區)$")
# words before a body that are no place of its own (各级政府, 地方政府, 当地警方, 中央政府: the central one is no place)
_NOT_PLACE = frozenset("各级 各級 地方 当地 當地 中央 基层 基層 本地 外地 全国 全國 人民 联邦 聯邦 临时 臨時 过渡 過渡 新 该 該".split())


def government_bodies(text: str, words: list[tuple[int, int, str]], gaz: Gazetteer, tagger) -> list[GazMatch]:
    """Places (one to three, the first one known) followed by a government body word (see _BODIES): one ORG."""
    if not words or _BODY.search(text, words[0][0], words[-1][1]) is None:
        return []
    rs, re_ = words[0][0], words[-1][1]
    starts = {s for s, _, _ in words}
    ends = {e: k for k, (_, e, _) in enumerate(words)}
    out = []
    for m in _BODY.finditer(text, rs, re_):
        b, be = m.span()
        if be not in ends and not _body_ends_in_word(text, words, be):
            continue  # 政府网, 人大代表: the body word opens another word
        places = _places_before(text, b, rs, gaz, tagger)
        while places and not places[0][2]:
            places.pop(0)  # the first place must be one we know
        if len(places) > 2:
            places = places[-1:]  # 安徽/黄山市/黄山区委: a province and a city say where the district's body is
        if not places or places[0][0] not in starts:
            continue
        surface = text[places[0][0] : be]
        canonical = gaz.lookup(surface)
        if canonical is None:
            place = places[-1][3]
            canonical = f"org:{place.split(':', 1)[1]}--{_BODIES[m.group()]}"
        out.append(GazMatch(places[0][0], be, canonical, "ORG"))
    return out


def _body_ends_in_word(text: str, words: list[tuple[int, int, str]], be: int) -> bool:
    """``be`` falls inside a jieba word whose rest is a post (市委/书记)."""
    for s, e, _ in words:
        if s < be < e:
            return _POST_AFTER.match(text, be, e) is not None and _POST_AFTER.match(text, be, e).end() == e
    return False


def _places_before(text: str, b: int, rs: int, gaz: Gazetteer, tagger) -> list[tuple[int, int, bool, str]]:
    """(start, end, known, canonical) of the places written right before offset ``b``, left to right."""
    out: list[tuple[int, int, bool, str]] = []
    pos = b
    while pos > rs and len(out) < 3:
        best = None
        for n in range(min(9, pos - rs), 1, -1):
            hit = _place(text[pos - n : pos], gaz, tagger)
            if hit is not None and (best is None or (hit[0] and not best[2])):
                best = (pos - n, pos, *hit)
                if hit[0]:
                    break
        if best is None:
            break
        out.insert(0, best)
        pos = best[0]
    return out


def _place(w: str, gaz: Gazetteer, tagger) -> tuple[bool, str] | None:
    """(known, canonical) when ``w`` reads as a place: one the gazetteer or the territory list knows, or the bare
    name of a county, with or without its administrative word (known); a name of two or three characters
    with an administrative word (not known: it needs a known place before it, 普洱市/思茅区)."""
    from .zh_names import _HAN_ONLY, foreign_places, pinyin_id

    if w in _NOT_PLACE or not _HAN_ONLY.fullmatch(w) or "·" in w:
        return None
    c = gaz.lookup(w) or foreign_places().get(w)
    if c is not None:
        return (True, c) if c.startswith(("gpe:", "loc:")) else None
    suf = _ADMIN.search(w)
    if suf is None:
        return (True, pinyin_id(w, "gpe")) if tagger.county(w) else None
    name = w[: suf.start()]
    if len(name) < 2 or name in _NOT_PLACE:
        return None
    c = gaz.lookup(name) or foreign_places().get(name)
    if c is not None:
        return (True, c) if c.startswith(("gpe:", "loc:")) else None
    if tagger.county(name) or tagger.tag_of(w) == "ns":
        return True, pinyin_id(name, "gpe")
    return (False, pinyin_id(name, "gpe")) if len(name) <= 3 else None


def org_place(canonical: str) -> str | None:
    """The place a government body's id names (org:shenzhen--government -> gpe:shenzhen), else None.  Only the
    ids this module makes hold "--" (slugs never do), so a curated id is never read as a place (org:us-congress)."""
    if not canonical.startswith("org:"):
        return None
    place, sep, _body = canonical[4:].rpartition("--")
    return f"gpe:{place}" if sep and place else None
