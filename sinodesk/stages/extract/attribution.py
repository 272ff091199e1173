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
from dataclasses import dataclass

from .entities import GazMatch
from .gazetteer import Gazetteer, slug, trie_regex
from .outlets import OutletRegistry

_SPEECH = (
    r"said|says|say|told|tells|reported|reports|announced|announces|stated|states|noted|notes|indicated|"
    r"warned|warns|claimed|claims|revealed|disclosed|confirmed|added|emphasized|emphasised|pointed out|"
    r"highlighted|argued|wrote|cited|showed|shows|found|estimated|urged|stressed|explained|published|released|"
    r"highlighting|noting|saying|citing|warning|reporting|claiming|arguing|"
    r"alleged|accused|declared|insisted|predicted|unveiled|issued|recorded|observed|acknowledged|denied"
)
_ADVERBS = r"(?:(?:recently|also|further|officially|just|has|have|had|previously|later|earlier|publicly|then|once|again|reportedly|first) )*"
_ADVERBS_END = re.compile(_ADVERBS + r"$")
_CUE_AFTER = re.compile(r"\b(" + trie_regex(_SPEECH.split("|")) + r")\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_INTERVIEW = re.compile(r"\b(?:[Ii]n an? (?:exclusive |recent )?interview with|speaking to|in a statement to|quoted by|cited by)\s+(?:the\s+)?")
_DATA_FROM = re.compile(r"\b(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Rr]eport|[Ss]tudy|[Ss]urvey|[Aa]nalysis|[Rr]esearch|[Pp]oll) (?:from|by|released by|published by|conducted by)\s+")
_SAID_BEFORE_NAME = re.compile(r"\b(said|added|says|noted|explained|continued|wrote)\s+")
_GAP_OK = re.compile(r"^(?:(?:the|a|an|its|their|new|recent|latest|cybersecurity|security|research|consultancy|firm|company|group|agency|outlet|media|news|site|website|newspaper|daily|magazine|think|tank|report|study|survey|data|official|officials|spokesperson|of|by|from|state|state-run|state-owned|Chinese|US|U\.S\.|American|British|Taiwanese|Indian|Japanese|Singapore’s|Singapore's|[\w-]+'s|[\w-]+’s|\d{4}|monitor|watchdog|analyst|analysts|expert|experts|professor|scholar|institute|data-analytics|intelligence|threat|vendor|provider|platform|broadcaster|tabloid|portal|network) )*$")
_CAPSEQ = re.compile(r"(?:[A-Z][\w’'&.-]*|[A-Z]{2,})(?: (?:[A-Z][\w’'&.-]*|of|and|for|the))*(?<! of)(?<! and)(?<! for)(?<! the)")
_ZH_JU = re.compile(r"据(?P<src>[^，。,！？\n]{2,24}?)(?P<cue>报道|报导|报導|消息|称|稱|表示|介绍|介紹|统计|統計|显示|顯示|披露|通报|通報)")
_ZH_DATELINE = re.compile(r"^(?P<src>[\u4e00-\u9fff]{2,8}?)(?:[\u4e00-\u9fff]{2,6})?\d{1,2}月\d{1,2}日(?P<cue>电|電|讯|訊)", re.M)
_ZH_AFTER = re.compile(r"(表示|称|稱|指出|说|說|透露|报道|報導|宣布|发布|發布|通报|通報)")
_SOURCE_HEAD = re.compile(r"^[ \t]*(?:Sources?\s*:|来源[:：]|來源[:：]|消息来源[:：])[ \t]*(.*)$", re.M)
_NUMBERED = re.compile(r"^[ \t]*\d{1,2}\.[ \t]*(.+?)[ \t]*$")
_NAME_DATE = re.compile(r"^(?:“[^”]{1,200}”[ \t]*,?[ \t]*|\"[^\"]{1,200}\"[ \t]*,?[ \t]*)?(?P<name>[^,，\n]{2,80}?)(?:[,，][ \t]*(?:retrieved[ \t]+|accessed[ \t]+)?(?P<date>[^\n]{4,40}?))?[ \t]*$")
_OK_LABELS = ("PERSON", "ORG", "GPE", "THREAT_ACTOR", "PRODUCT")


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
    for m in re.finditer(r"[^\n]*", text[s0:e0]):
        if m.group().strip():
            lines.append((s0 + m.start(), s0 + m.end()))
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
            elif re.match(r"^\s*https?://", line):
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
        has_date = bool(date_text and DATE_RX.search(date_text) and re.search(r"\d{4}", date_text))
        if not head and not (in_list and _NUMBERED.match(line)) and not has_date:
            continue
        ns, ne = body_start + m.start("name"), body_start + m.end("name")
        while ne > ns and text[ne - 1].isspace():
            ne -= 1
        while ns < ne and text[ns].isspace():
            ns += 1
        out.append(SourceLine(ns, ne, text[ns:ne], date_text if has_date else None, None))
    return out


def _entity_before(ents: list[GazMatch], pos: int, text: str) -> GazMatch | None:
    for e in reversed(ents):
        if e.end <= pos and pos - e.end <= 1 and text[e.end : pos].strip() == "":
            return e
        if e.end < pos - 2:
            break
    return None


def _appositive_subject(ents: list[GazMatch], text: str, sent_start: int, cue: int) -> GazMatch | None:
    best = None
    for e in ents:
        if e.start < sent_start or e.end > cue:
            continue
        if e.label not in ("PERSON", "ORG"):
            continue
        nxt = text[e.end : e.end + 2]
        if nxt.startswith(",") or nxt == " (":
            if best is None or (e.label == "PERSON" and best.label != "PERSON"):
                best = e
                if e.label == "PERSON":
                    break
    return best


def _entity_after(ents: list[GazMatch], text: str, pos: int, limit: int, allow_gap: bool) -> GazMatch | None:
    for e in ents:
        if e.start < pos:
            continue
        if e.start >= limit:
            return None
        gap = text[pos : e.start]
        if gap.strip() == "" or (allow_gap and _GAP_OK.match(gap)):
            return e if e.label in _OK_LABELS else None
        return None
    return None


def _capseq_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    m = re.match(r"(?:the |a |an )?", text[pos:limit])
    p = pos + (m.end() if m else 0)
    cm = _CAPSEQ.match(text, p, limit)
    if cm and cm.end() > p and text[p:cm.end()] not in ("The", "A", "An", "He", "She", "It", "They"):
        return p, cm.end()
    return None


def find_attributions(
    text: str, s0: int, e0: int, ents: list[GazMatch], gaz: Gazetteer, reg: OutletRegistry
) -> list[AttrHit]:
    ents = sorted(ents, key=lambda e: e.start)
    hits: list[AttrHit] = []

    def add(s: int, e: int, cue: str, canonical: str | None) -> None:
        surface = text[s:e]
        source, oid = _canonical_source(surface, canonical, gaz, reg)
        hits.append(AttrHit(s, e, source, cue, oid, canonical))

    for m in _ACCORDING.finditer(text, s0, e0):
        _, send = _sentence_bounds(text, m.end(), s0, e0)
        limit = min(send, m.end() + 90)
        ent = _entity_after(ents, text, m.end(), limit, allow_gap=True)
        if ent:
            add(ent.start, ent.end, "according to", ent.canonical)
            continue
        span = _capseq_after(text, m.end(), limit)
        if span:
            add(*span, "according to", None)
    for rx, cue in ((_INTERVIEW, "interview with"), (_DATA_FROM, None)):
        for m in rx.finditer(text, s0, e0):
            _, send = _sentence_bounds(text, m.end(), s0, e0)
            ent = _entity_after(ents, text, m.end(), min(send, m.end() + 60), allow_gap=True)
            if ent:
                add(ent.start, ent.end, cue or m.group().strip(), ent.canonical)
    for m in _CUE_AFTER.finditer(text, s0, e0):
        verb = m.group(1)
        lo = max(s0, m.start() - 120)
        adv = _ADVERBS_END.search(text, lo, m.start())
        pos = m.start() - (len(adv.group()) if adv else 0)
        sent_start, send = _sentence_bounds(text, m.start(), s0, e0)
        ent = _entity_before(ents, pos, text)
        if ent is None and text[max(s0, pos - 20) : pos].rstrip().endswith((",", ")")):
            ent = _appositive_subject(ents, text, sent_start, pos)
        if ent is None and verb in ("told",) or ent is None and verb in ("said", "says", "added", "noted"):
            pass
        if ent is not None and ent.label in _OK_LABELS:
            add(ent.start, ent.end, verb, ent.canonical)
        if verb in ("told", "tells"):
            after = re.match(r"\s+(?:the\s+)?", text[m.end() : e0])
            p = m.end() + (after.end() if after else 0)
            obj = next((e for e in ents if e.start == p), None)
            if obj is not None and (reg.match(text[obj.start : obj.end]) or (obj.canonical.startswith("org:") and obj.canonical[4:] in reg)):
                add(obj.start, obj.end, "told", obj.canonical)
    for m in _SAID_BEFORE_NAME.finditer(text, s0, e0):
        obj = next((e for e in ents if e.start == m.end()), None)
        if obj is not None and obj.label in ("PERSON", "ORG"):
            add(obj.start, obj.end, m.group(1), obj.canonical)
    for m in _ZH_JU.finditer(text, s0, e0):
        ss, se = m.span("src")
        inner = [e for e in ents if e.start >= ss and e.end <= se]
        if inner:
            e = inner[-1]
            add(e.start, e.end, "据…" + m.group("cue"), e.canonical)
        else:
            add(ss, se, "据…" + m.group("cue"), None)
    for m in _ZH_DATELINE.finditer(text, s0, e0):
        ss, se = m.span("src")
        inner = [e for e in ents if e.start == ss]
        if inner:
            add(inner[0].start, inner[0].end, m.group("cue"), inner[0].canonical)
    if re.search(r"[\u4e00-\u9fff]", text[s0:e0]):
        for m in _ZH_AFTER.finditer(text, s0, e0):
            ent = _entity_before(ents, m.start(), text)
            if ent is not None and ent.label in _OK_LABELS and not any(h.start == ent.start for h in hits):
                add(ent.start, ent.end, m.group(1), ent.canonical)
    for sl in find_source_lines(text, s0, e0):
        canonical = gaz.lookup(sl.name)
        add(sl.start, sl.end, "Source:", canonical)
    return _dedupe(hits)


def _dedupe(hits: list[AttrHit]) -> list[AttrHit]:
    seen = set()
    out = []
    for h in sorted(hits, key=lambda h: (h.start, h.end)):
        key = (h.start, h.end, h.cue)
        if key in seen or any(h.start == o.start and h.end == o.end for o in out):
            continue
        seen.add(key)
        out.append(h)
    return out


def source_slug(name: str) -> str:
    return slug(name)
