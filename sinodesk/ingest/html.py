"""HTML to text, in one place: pages (one article or many stories) and feed fragments.

* :func:`page_text` decides what a saved page is.  trafilatura extracts the page's *main
  content* as one article; when that main content holds two or more headed stories and opens
  on one of them (no article lead before the first heading), the page is a digest and its
  text is :func:`render_html`'s, which keeps every story; otherwise it is one article and its
  text is trafilatura's.  Sidebars, newsletter sign-ups and comment forms ("Thanks for
  signing up!", "Share your thoughts") are outside the main content, so they neither make a
  page a digest nor end up in its text.
* :func:`render_html` walks the DOM once: every heading, paragraph and list item becomes one
  line, blocks are separated by a blank line (two before a heading), and an item that opens
  with bold text (``<li><strong>Headline</strong> body``) becomes ``• Headline: body`` so the
  text segmenter sees the same shapes it sees in plain-text digests.  It returns None for a
  page with fewer than two headed stories.
* :func:`fragment_text` turns a feed entry's HTML summary into lines of text.
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
            links = el.findall(".//a[@href]") + [a for a in el.iterancestors() if a.tag == "a" and a.get("href")]
            linked = any(not a.get("href", "").startswith(("#", "javascript:")) for a in links)
            self.lines.append(("h" + tag[1] + ("a" if linked else ""), _norm(el.text_content())))
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


def _render_lines(html: str) -> list[tuple[str, str]] | None:
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
    return r.lines


def render_html(html: str, lines: list[tuple[str, str]] | None = None) -> str | None:
    """Plain-text rendering of a multi-story HTML page, or None for a single-article page."""
    r = _Renderer()
    r.lines = lines if lines is not None else (_render_lines(html) or [])
    if _stories(r.lines) < 2:
        return None
    # the page title (a lone h1 above lower headings) is the document's title, not a story
    if sum(k[:2] == "h1" for k, _ in r.lines) == 1 and sum(k[0] == "h" and k[:2] != "h1" for k, _ in r.lines) >= 2:
        r.lines = [(k, t) for k, t in r.lines if k[:2] != "h1"]
    out: list[str] = []
    for kind, text in r.lines:
        if kind.startswith("h") and out:
            out.append("")
        out.append(text)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


LEAD_CHARS = 200  # this much main text before the first story heading: an article's lead


def main_text(html: str, url: str | None = None) -> str:
    """trafilatura's main-content text of a page (one article), or ""."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=False, include_comments=False, include_tables=True)
    return (extracted.text if extracted is not None else "") or ""


def page_text(html: str, url: str | None = None) -> tuple[str, bool | None]:
    """(text, digest) of a saved page.  The DOM rendering when the page's main content is two or
    more headed stories opening right at its top -- ``digest`` True when two or more of those
    headings link to their story (a digest's headlines do; an article's sub-headings do not),
    False when the segmenter must still judge (an article with sub-headings looks the same);
    else the main article's text and ``digest`` None (one article)."""
    lines = _render_lines(html) or []
    rendered = render_html(html, lines) if lines else None
    main = main_text(html, url)
    if rendered is None:
        return main, None
    if not main.strip():
        return rendered, False
    flat = _norm(main)
    heads = []
    linked = 0
    for k, (kind, text) in enumerate(lines):
        # the story's first paragraph: a byline or a date line may stand between it and the heading
        body = next((t for kd, t in lines[k + 1:k + 4] if not kd.startswith("h") and len(t) >= MIN_BODY_CHARS), "") if kind.startswith("h") else ""
        if kind == "li" and text.startswith("• ") and ": " in text:
            head, body = text[2:].split(": ", 1)
        elif kind.startswith("h") and len(body) >= MIN_BODY_CHARS:
            head = text
        else:
            continue
        at = flat.find(_norm(head)[:60])
        if at >= 0 and _norm(body)[:60] in flat:
            heads.append(at)
            linked += kind.endswith("a")
    if len(heads) < 2 or min(heads) >= LEAD_CHARS:
        return main, None
    return rendered, linked >= 2


_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article", "ul", "ol", "table", "pre"}


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries): block elements become line breaks."""
    if "<" not in fragment:
        return re.sub(r"[ \t]+", " ", fragment).strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on broken fragments; fall back to tag stripping
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCK:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCK:
            parts.append("\n")

    walk(root)
    text = "".join(parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.splitlines()]
    out, blank = [], False
    for ln in lines:
        if ln:
            out.append(ln)
            blank = False
        elif not blank and out:
            out.append("")
            blank = True
    return "\n".join(out).strip()
