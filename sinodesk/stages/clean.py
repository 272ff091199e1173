"""Clean stage: split a document into lines and mark the boilerplate ones.

Offsets never change: cleaning only *labels* lines (``Line.kind`` is ``"text"``,
``"blank"`` or ``"boilerplate"`` with the rule's name in ``Line.reason``), so every later
offset still points into ``Document.text``.

Two kinds of rules:

* line rules: one line on its own is navigation, a share bar, a subscribe form, a
  "Read More" link, a related-posts heading, a cookie notice, a copyright line ...;
* a footer rule: a marker such as a credit label waiting for a name ("Written by",
  "Compiled by"), "About the author" or
  "Subscribe now to our newsletter" near the end of the document starts a footer region,
  and every line after it is boilerplate as long as no story-closing source line follows.
"""

from __future__ import annotations

import re

from ..records import Cleaned, Document, Line

_I = re.I


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"^\s*(?:" + pattern + r")\s*$", _I)


# (reason, pattern matched against the whole stripped line)
LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("navigation", _rx(r"skip to (?:the )?(?:main )?(?:content|navigation)|menu|main menu|home|search|"
                       r"search for:?|back to top|toggle navigation|close|open menu|跳到内容|返回顶部|首页")),
    ("navigation", _rx(r"(?:[^|»›>]{1,25}\s*[|»›>]\s*){3,}[^|»›>]{0,25}")),  # Home | News | World ...
    ("navigation", _rx(r"[^|.!?。]{1,15}(?:\s\|\s[^|.!?。]{1,15}){1,2}")),  # a short menu: Sign in | Register
    ("subscribe", _rx(r"subscribe(?: now)?\b.{0,80}|sign up\b.{0,80}(?:newsletter|updates|alerts).{0,40}|"
                      r"(?:please )?enter (?:your|a valid) e-?mail(?: address)?\b.{0,80}|"
                      r"join (?:our|the) (?:mailing list|newsletter).{0,40}|get (?:our|the) newsletter.{0,40}|订阅.{0,20}")),
    ("share", _rx(r"share(?: (?:this|on|via|the|article|story|post|page))*:?"
                  r"(?:\s+(?:facebook|twitter|x|linkedin|e-?mail|whatsapp|weibo|wechat)[\s,|]*)*|tweet|print|e-?mail|whatsapp|"
                  r"(?:(?:facebook|twitter|x|linkedin|reddit|telegram|weibo|wechat|email|whatsapp|pinterest)"
                  r"[\s,|/]*){2,}|分享到?.{0,20}")),
    ("related", _rx(r"(?:related|recommended|more|further)\s+(?:postings?|posts|articles|stories|reading|news|"
                    r"coverage)\b.{0,60}|related:?|(?:see also|also read|read also)\b.{0,80}|"
                    r"you (?:may|might) also (?:like|be interested in).{0,40}|相关(?:阅读|文章|新闻).{0,20}")),
    ("read-more", _rx(r"[—–-]?\s*(?:read more|continue reading|read the (?:full|whole) (?:story|article)|"
                      r"more\s*»|阅读全文|查看更多|点击查看)\s*[»›>…]*")),
    ("tag-archive", _rx(r"(?:tag|category|author|monthly) archives?:.*|posts? tagged.{0,60}|"
                        r"filed under:?.{0,80}|tags?:.{0,120}|categories:.{0,120}")),
    ("cookie", re.compile(r"^.*\b(?:we use cookies|uses cookies|accept (?:all )?cookies|cookie (?:policy|settings))\b.*$", _I)),
    ("copyright", _rx(r"(?:©|\(c\)|copyright\b).{0,160}|all rights reserved\.?.{0,80}|版权所有.{0,60}")),
    ("comments", _rx(r"leave a (?:comment|reply)|\d+ comments?|comments? (?:are )?closed\.?|"
                     r"posted (?:in|on|by)\b.{0,80}|(?:previous|next) (?:post|article|story)\b.{0,120}|"
                     r"(?:older|newer) (?:posts|entries)|page \d+ of \d+|load more")),
    ("advert", _rx(r"advertisement|sponsored(?: content)?|广告|推广")),
    ("separator", re.compile(r"^[\W_]*[^\w\s][\W_]*$")),  # rules and ornaments: "-----", "* * *", "═══", "——"
)

# A marker that starts a footer region when it comes near the end of the document.
LONG_LINE = 400  # longer lines are running text: only the cookie rule is tried on them
FOOTER_MARKERS = re.compile(
    r"^\s*(?:[a-z]+(?:\s+[a-z]+)?\s+by|about the authors?|about us|contact us|follow us\b.*|"
    r"subscribe now\b.*|disclaimer:?|editor'?s note:?|责任编辑.*|作者简介.*)\s*:?\s*$",
    _I,
)
# A line after the footer marker that shows the region still holds stories.
_STORY_SIGNAL = re.compile(r"^\s*(?:sources?|来源)\s*[:：]", _I)
FOOTER_MAX_SHARE = 0.30  # the footer region is at most this share of the document's characters
FOOTER_MAX_CHARS = 4000  # ... or at most this many characters, whichever is larger


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, line breaks (``\\n``, ``\\r\\n``, ``\\r``) excluded."""
    spans = []
    pos = 0
    n = len(text)
    for m in re.finditer(r"\r\n|\r|\n", text):
        spans.append((pos, m.start()))
        pos = m.end()
    if pos < n:
        spans.append((pos, n))
    return spans


def classify_line(line: str) -> tuple[str, str]:
    """``(kind, reason)`` of one line judged on its own."""
    if not line.strip():
        return "blank", ""
    if len(line) > LONG_LINE:  # only a cookie notice can be this long
        rules = [r for r in LINE_RULES if r[0] == "cookie"]
    else:
        rules = LINE_RULES
    for reason, rx in rules:
        if rx.match(line):
            return "boilerplate", reason
    return "text", ""


def _footer_start(lines: list[Line], total: int) -> int | None:
    """Index of the line that starts the footer region, or None."""
    limit = max(FOOTER_MAX_CHARS, int(total * FOOTER_MAX_SHARE))
    for i, ln in enumerate(lines):
        if ln.kind == "blank" or not FOOTER_MARKERS.match(ln.text):
            continue
        if total - ln.start > limit:
            continue
        if any(_STORY_SIGNAL.match(later.text) for later in lines[i + 1:]):
            continue
        return i
    return None


def clean(doc: Document) -> Cleaned:
    """Label every line of ``doc.text``; never changes the text or its offsets."""
    lines = []
    for start, end in split_lines(doc.text):
        t = doc.text[start:end]
        kind, reason = classify_line(t)
        lines.append(Line(start, end, t, kind, reason))
    foot = _footer_start(lines, len(doc.text))
    if foot is not None:
        for i in range(foot, len(lines)):
            if lines[i].kind == "text":
                ln = lines[i]
                lines[i] = Line(ln.start, ln.end, ln.text, "boilerplate", "footer")
    return Cleaned(doc, tuple(lines))
