"""Render a multi-story HTML page as text that keeps its structure.

trafilatura extracts *one* article from a page, which loses the stories of a newsletter.
Here the DOM is walked once: every heading, paragraph and list item becomes one line,
blocks are separated by a blank line (two before a heading), and an item that opens with
bold text (``<li><strong>Headline</strong> body``) becomes ``• Headline: body`` so the
text segmenter sees the same shapes it sees in plain-text digests.

``render_html`` returns None for a page that does not look like a digest (fewer than
two headed stories), so the ingest can fall back to trafilatura's single-article text.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html
from lxml.etree import ParserError

DROP = {"script", "style", "noscript", "template", "svg", "nav", "form", "button", "select", "iframe",
        "header", "footer", "aside", "head", "figure"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = HEADINGS | {"p", "div", "section", "article", "li", "ul", "ol", "table", "tr", "td", "th",
                     "blockquote", "main", "body", "dl", "dt", "dd", "pre", "hr", "center", "tbody", "thead"}
BOLD = {"strong", "b"}
_WS = re.compile(r"\s+")
MIN_BODY_CHARS = 60  # a story's body under its heading must have at least this many characters


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


class _Renderer:
    def __init__(self) -> None:
        self.lines: list[tuple[str, str]] = []  # (kind, text): kind "h", "p", "li"
        self.buf: list[str] = []

    def flush(self, kind: str = "p") -> None:
        text = _norm("".join(self.buf))
        self.buf = []
        if text:
            self.lines.append((kind, text))

    def walk(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if tag in DROP or not tag:
            if el.tail:
                self.buf.append(el.tail)
            return
        if tag == "br":
            self.flush()
            if el.tail:
                self.buf.append(el.tail)
            return
        if tag in HEADINGS:
            self.flush()
            self.lines.append(("h" + tag[1], _norm(el.text_content())))
        elif tag == "li":
            self.flush()
            self._item(el)
        elif tag in BLOCKS:
            self.flush()
            if el.text:
                self.buf.append(el.text)
            for child in el:
                self.walk(child)
            self.flush()
        else:
            if el.text:
                self.buf.append(el.text)
            for child in el:
                self.walk(child)
        if el.tail:
            self.buf.append(el.tail)

    def _item(self, li) -> None:
        lead = None
        children = list(li)
        if children and (li.text is None or not li.text.strip()) and str(children[0].tag).lower() in BOLD:
            lead = _norm(children[0].text_content())
        if lead:
            rest_parts = [children[0].tail or ""]
            nested = []
            for child in children[1:]:
                if str(child.tag).lower() in {"ul", "ol", "p", "div"}:
                    nested.append(child)
                else:
                    rest_parts.append(child.text_content() + (child.tail or ""))
            rest = _norm("".join(rest_parts)).lstrip(":：-–— ")
            head = lead.rstrip(":：.-–— ")
            self.lines.append(("li", f"• {head}: {rest}" if rest else f"• {head}"))
            for child in nested:
                self.walk(child)
                self.flush()
            return
        self.buf.append("• ")
        if li.text:
            self.buf.append(li.text)
        for child in li:
            self.walk(child)
        self.flush("li")


def _stories(lines: list[tuple[str, str]]) -> int:
    """Headed stories: headings followed by enough body text, or bold-led items."""
    n = 0
    for k, (kind, text) in enumerate(lines):
        if kind.startswith("h"):
            body = 0
            for kind2, text2 in lines[k + 1:]:
                if kind2.startswith("h"):
                    break
                body += len(text2)
            n += body >= MIN_BODY_CHARS
        elif kind == "li" and re.match(r"• [^:]{3,160}: \S.{40,}", text):
            n += 1
    return n


def render_html(html: str) -> str | None:
    """Plain-text rendering of a multi-story HTML page, or None for a single-article page."""
    if not html or not html.strip():
        return None
    try:
        root = lxml_html.fromstring(html)
    except (ParserError, ValueError):
        return None
    body = root.find(".//body")
    r = _Renderer()
    r.walk(body if body is not None else root)
    r.flush()
    if _stories(r.lines) < 2:
        return None
    # the page title (a lone h1 above lower headings) is the document's title, not a story
    if sum(k == "h1" for k, _ in r.lines) == 1 and sum(k[0] == "h" and k != "h1" for k, _ in r.lines) >= 2:
        r.lines = [(k, t) for k, t in r.lines if k != "h1"]
    out: list[str] = []
    for kind, text in r.lines:
        if kind.startswith("h") and out:
            out.append("")
        out.append(text)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
