"""What a headline looks like, headlines inside item lines, and generated headlines."""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from .text import has_cjk, is_closing, sentences, visible_len, word_len

BULLET = re.compile(
    r"^\s*(?:[•·▪◦●○■□►▶‣⁃∙◆◇★☆✓✔➢➤→*+\-–—]|\(?\d{1,3}[.)、．]|[（(]\d{1,3}[)）]|"
    r"[a-zA-Z][.)](?=\s)|[一二三四五六七八九十]{1,3}[、.．])\s*"
)
LINE_CACHE = 8192  # line judgements are pure functions of the line: the finders share them

# A list number before a headline ("1) ", "2. ", "No. 3 -- ", "#4 ", "（5）", "六、").
NUMBERED_HEAD = re.compile(r"^\s*(?:(?:No\.?|Nr\.?|#)\s*\d{1,3}\s*[—–:.\-]?\s*|\d{1,3}\s*[.)、．]\s*|[（(]\d{1,3}[)）]\s*|"
                           r"[一二三四五六七八九十]{1,3}[、.．]\s*)(?=\S)")
MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_TERMINAL = ".;,:。；，：、"
_CLOSE_QUOTES = "\"'”’」』)）]"
DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*){0,3})"  # place, e.g. BEIJING / Hong Kong
    r"(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)?"  # optional region / country
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"  # optional date: March 3
    r"\s*(?:\((?:[A-Z][A-Za-z .]*)\))?\s*(?:--|—|–|-)\s+"  # (Xinhua) --
)
# A Chinese dateline: a known agency, or any outlet's name (ending 社/网/报/台/客户端/在线) before an
# optional place and date and 电/讯/消息/报道 ("春城晚报9月17日消息，", "央视网消息（新闻联播）：",
# "中新网客户端9月18日电(记者X)"); not a citation ("据新华社报道，").
DATELINE_ZH = re.compile(
    r"^\s*(?:(?:新华社|中新社|中新网|人民网|央视网|本报|路透社|美联社)[^，,。]{0,20}(?:电|讯|报道)"
    r"|(?![据从向对在和与被])[\u4e00-\u9fff]{1,8}(?:社|网|报|台|客户端|在线)[^，,。：:；;]{0,16}(?:电|讯|消息|报道)(?=[（(：:，,\s]))")
# A Chinese byline on its own line: an outlet or desk, 记者 and the reporters' names ("半月谈记者 史卫燕",
# "新华社记者 张三 李四", "本报记者：王五 通讯员 赵六"): the story's metadata, never its headline.
_NAME_ZH = r"[\u4e00-\u9fff·]{2,5}"
BYLINE_ZH = re.compile(r"^[（(]?[\u4e00-\u9fff]{0,10}?(?:特约|实习|见习|首席|驻[\u4e00-\u9fff]{1,6})?(?:记者|通讯员)[\s：:]+"
                       rf"{_NAME_ZH}(?:[\s、，,]+(?:(?:记者|通讯员)[\s：:]*)?{_NAME_ZH}){{0,5}}(?:\s*(?:报道|摄影?))?[)）]?$")
ANAPHORIC_START = re.compile(
    r"^\s*[\"“]?(?:he|she|they|it|its|his|her|their|this|these|those|that|such|there|additionally|"
    r"also|however|meanwhile|moreover|furthermore|but|and|so|yet|still|then|besides|in addition|"
    r"in response|in this regard|in contrast|on the other hand|as a result|for example|"
    r"for instance|otherwise|thus|therefore|the (?:minister|president|company|firm|report|survey|"
    r"agency|official|spokesperson|expert|scholar|meeting|statement|announcement|move|case|study)|"
    r"a(?=\s*[:：])|他|她|他们|她们|此外|同时|但是|不过|对此|因此)\b",
    re.I,
)


def strip_bullet(text: str) -> tuple[int, str]:
    """(characters removed, rest) after a leading bullet or list number."""
    m = BULLET.match(text)
    if not m:
        return 0, text
    return m.end(), text[m.end():]


def is_bullet(text: str) -> bool:
    return BULLET.match(text) is not None and bool(text[BULLET.match(text).end():].strip())


def _core(text: str) -> str:
    t = text.strip()
    m = MD_HEADING.match(t)
    if m:
        t = m.group(2)
    t = t.strip("*_ ")
    return t


@lru_cache(maxsize=LINE_CACHE)
def is_title_like(text: str) -> bool:
    """A line that could be a headline or a heading (not a sentence, not a list item)."""
    raw = text.strip()
    if not raw:
        return False
    if MD_HEADING.match(raw):
        return True
    t = _core(raw)
    m = NUMBERED_HEAD.match(t)
    if m and m.end() < len(t):  # "1) Headline", "2. Headline", "No. 3 -- Headline": a numbered headline
        t = t[m.end():].strip()
        raw = t
    if not t or is_closing(t) or is_bullet(raw):
        return False
    cjk = has_cjk(t)
    if cjk and len(t) <= 40 and BYLINE_ZH.match(t):
        return False
    if cjk and visible_len(t) > 90:
        return False
    if not cjk and (len(t) > 200 or word_len(t) > 28):
        return False
    end = t.rstrip(_CLOSE_QUOTES + " ")  # ``She said so. '' ends on its full stop
    if not end:
        return False
    if end[-1] in _TERMINAL:
        last = end.split()[-1] if end.split() else ""
        if not (end[-1] == "." and re.fullmatch(r"(?:[A-Z]\.){2,}", last)):
            return False
    if t[0].islower() or t[0] in "(,;":
        return False
    if len(sentences(t)) > 1 and not cjk:
        return False
    return True


def is_section_like(text: str) -> bool:
    """A section heading on its own: all capitals, or a short title with no verb-like ending."""
    t = _core(text)
    if len(t.split()) > 8 or has_cjk(t):  # without CJK, word_len is the number of words
        return False
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 3 and all(not c.islower() for c in letters)


@lru_cache(maxsize=LINE_CACHE)
def is_prose(text: str) -> bool:
    """A paragraph of running text."""
    t = text.strip()
    if not t or is_closing(t):
        return False
    _, rest = strip_bullet(t)
    rest = rest.strip()
    if has_cjk(rest):
        return visible_len(rest) >= 50 or (visible_len(rest) >= 24 and rest.rstrip(_CLOSE_QUOTES)[-1:] in "。！？")
    end = rest.rstrip(_CLOSE_QUOTES)
    if len(rest) >= 140:
        return True
    return len(rest) >= 50 and word_len(rest) >= 8 and end[-1:] in ".!?"


@dataclass(frozen=True, slots=True)
class InlineHeadline:
    """A headline that opens an item line: ``• Headline: body`` or ``【标题】正文``."""

    start: int  # offset of the headline inside the line
    end: int
    body_start: int  # offset of the body inside the line


_BRACKET = re.compile(r"^(?P<h>【[^】]{2,60}】|\[[^\]]{3,120}\])\s*")
_BOLD = re.compile(r"^(?P<h>\*\*[^*]{3,160}\*\*|__[^_]{3,160}__)\s*[:：.\-–—]?\s*")
_BOLD_OPENING = re.compile(r"^\s*(?:\*\*[^*\s]|__[^_\s])")
_COLON = re.compile(r"^(?P<h>[^:：]{3,160}?)\s*[:：]\s+(?=\S)|^(?P<hz>[^:：]{2,40}?)[：]")
_DASH = re.compile(r"^(?P<h>[^–—]{3,120}?)\s+[–—]\s+(?=[A-Z\"“])")


@lru_cache(maxsize=LINE_CACHE)
def inline_headline(line: str) -> InlineHeadline | None:
    """Find a headline at the start of an item line, or None."""
    # a bold lead-in ("**Rates rise.** The bank ...") opens on its markup, not on a "*" bullet
    skip, rest = (0, line) if _BOLD_OPENING.match(line) else strip_bullet(line)
    lead = len(rest) - len(rest.lstrip())
    skip += lead
    rest = rest.lstrip()
    for rx in (_BRACKET, _BOLD, _COLON, _DASH):
        m = rx.match(rest)
        if not m:
            continue
        name = "hz" if m.groupdict().get("hz") else "h"
        body = rest[m.end():]
        if rx is _BRACKET:
            h0, h1 = skip + m.start(name) + 1, skip + m.end(name) - 1
        elif rx is _BOLD:
            h0, h1 = skip + m.start(name) + 2, skip + m.end(name) - 2
            if line[h1 - 1:h1] in (".", ":", "：") and line[h1 - 3:h1 - 2] != ".":
                h1 -= 1  # a bold lead-in closes on its stop ("**Rates rise.** The bank ..."), not "U.S."
        else:
            h0, h1 = skip + m.start(name), skip + m.end(name)
        htext = line[h0:h1].strip()
        if not htext or is_closing(htext) or not is_prose(body):
            continue
        if rx in (_COLON, _DASH):
            min_words = 1 if skip else 2  # a bulleted item may open with a one-word label
            if not has_cjk(htext) and (word_len(htext) > 22 or word_len(htext) < min_words):
                continue
            if has_cjk(htext) and visible_len(htext) > 70:
                continue
            if htext.rstrip(_CLOSE_QUOTES)[-1:] in ".!?。" or len(sentences(htext)) > 1:
                continue
        return InlineHeadline(h0, h1, skip + m.end())
    return None


_QA_LABEL = re.compile(r"^\s*(?:Q|Question|问)\s*[:：]\s*")
_LEAD_CUT = re.compile(r",\s+(?:according to|said|says|told|noting|adding|as|which|while|who)\b|，|;|；|\s+--\s+")


def generate_headline(body: str, max_words: int = 14) -> str:
    """A headline for a story that has none: its lead sentence, shortened at a clause break."""
    t = body.strip()[:600]  # the lead sentence is at the top (and gets cut to 14 words)
    m = DATELINE.match(t) or DATELINE_ZH.match(t)
    if m and m.end() < len(t) // 2:
        t = t[m.end():].lstrip("，, ")
    t = _QA_LABEL.sub("", t, count=1)  # a Q&A item: the question, without its label
    spans = sentences(t)
    lead = t[spans[0][0]:spans[0][1]] if spans else t
    lead = lead.strip().rstrip(".。!！")
    if has_cjk(lead):
        return lead if len(lead) <= 30 else lead[:30] + "…"
    cut = _LEAD_CUT.search(lead)
    if cut and len(lead[:cut.start()].split()) >= 5:
        lead = lead[:cut.start()]
    words = lead.split()
    if len(words) > max_words:
        words = words[:max_words]
        while words and words[-1].lower().strip(",") in {"the", "a", "an", "of", "to", "and", "in", "on", "for", "with", "by", "at", "from", "that", "its", "their"}:
            words.pop()
        return " ".join(words).rstrip(",;:") + "…"
    return " ".join(words)
