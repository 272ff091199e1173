"""Digests in many layouts, generated from real articles, with gold spans (``eval segment --set layouts``).

Real newsletters, blogs and digest sites lay the same kind of content out in many ways.
Each function in :data:`LAYOUTS` lays a list of real articles (read at run time from
``../shared/eval``; nothing is copied into the package) out the way one family of real
pages does -- numbered lists, teaser archives, Chinese 来源/【】 digests, e-mail
newsletters, PDF-extracted reports, press reviews, HTML cards, liveblogs, markdown
bullets, dateline wire copy, wire sheets ... -- with its page furniture (navigation,
subscription prompts, share bars, separators, footers).  Generation is deterministic
(one seeded ``random.Random`` per document).

The article pools come from :mod:`sinodesk.eval.pools`.  Every generated document carries
its gold: for each story the headline line (or none: the segmenter must generate one), the
first and last body text, and the furniture lines that must never end up in a story
(``boilerplate``) and the separator lines (``separators``).  Gold is expressed as *text* the scorer finds in the stored document,
so it holds for HTML pages (rendered by ingest) as well as plain text.

The furniture wording is written for this generator (generic phrases of the kind such
pages carry); the article texts are the evaluation sets' own.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from ..errors import BadInput
from .pools import Article, load_pool


@dataclass(slots=True)
class GoldStory:
    headline: str | None  # exact headline a reader sees (without numbering or markup); None: generated
    first: str  # the start of the story's first body paragraph
    last: str  # the end of its last body paragraph


@dataclass(slots=True)
class LayoutDoc:
    name: str  # file name (its suffix tells ingest how to read it)
    layout: str
    body: str  # the file's content
    stories: list[GoldStory] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)  # lines that must not be inside any story
    separators: list[str] = field(default_factory=list)  # separator lines, likewise
    roles: list[tuple[str, str]] = field(default_factory=list)  # (line as written, role) for training a line labeller


class _Doc:
    """Collects lines and the gold while a layout writes a document."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.roles: list[tuple[str, str]] = []  # (line, role) of every non-blank line written
        self.stories: list[GoldStory] = []
        self.boiler: list[str] = []
        self.seps: list[str] = []

    def add(self, *lines: str, role: str = "body") -> None:
        self.lines.extend(lines)
        self.roles.extend((ln, role) for ln in lines if ln.strip())

    def head(self, *lines: str) -> None:
        """A headline line (or an item line that opens with its headline); blank lines may follow."""
        self.add(*lines, role="headline")

    def title(self, *lines: str) -> None:
        """The page's own title, a standfirst or a section heading: no story's headline."""
        self.add(*lines, role="section")

    def furniture(self, *lines: str) -> None:
        self.add(*lines, role="boilerplate")
        self.boiler.extend(ln for ln in lines if ln.strip())

    def meta(self, *lines: str) -> None:
        """Bylines, datelines, source and time lines: a story's metadata, neither body nor furniture."""
        self.add(*lines, role="meta")

    def sep(self, line: str) -> None:
        self.add(line, role="separator")
        self.seps.append(line)

    def story(self, art: Article, headline: str | None, paras: list[str] | None = None) -> None:
        ps = list(paras if paras is not None else art.paras)
        self.stories.append(GoldStory(headline, _snip(ps[0], head=True), _snip(ps[-1], head=False)))

    def trim(self, head: bool, tail: bool) -> None:
        """Drop the furniture above the first / below the last other line: some pages of a
        family have none there (a forwarded newsletter, a page saved without its footer)."""
        if len(self.roles) != sum(1 for ln in self.lines if ln.strip()):
            return  # an HTML page: one markup string, its roles listed apart
        keep = [k for k, (_, r) in enumerate(self.roles) if r not in ("boilerplate", "separator")]
        if not keep:
            return
        lo = keep[0] if head else 0
        hi = keep[-1] + 1 if tail else len(self.roles)
        dropped = self.roles[:lo] + self.roles[hi:]
        nonblank = [k for k, ln in enumerate(self.lines) if ln.strip()]
        first = nonblank[lo]
        last = nonblank[hi - 1]
        self.lines = self.lines[first:last + 1]
        self.roles = self.roles[lo:hi]
        for line, _ in dropped:
            for bucket in (self.boiler, self.seps):
                if line in bucket:
                    bucket.remove(line)

    def done(self, name: str, layout: str, crlf: bool = False) -> LayoutDoc:
        body = "\n".join(self.lines).rstrip("\n") + "\n"
        if crlf:
            body = body.replace("\n", "\r\n")
        return LayoutDoc(name, layout, body, self.stories, self.boiler, self.seps, self.roles)


def _snip(text: str, head: bool, n: int = 40) -> str:
    t = " ".join(text.split())
    return t[:n] if head else t[-n:]


# --------------------------------------------------------------------------- furniture

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


def _date(rng: random.Random, style: str = "long") -> str:
    y, m, d = rng.choice([2014, 2017, 2018, 2019, 2021, 2023]), rng.randint(1, 12), rng.randint(1, 28)
    if style == "iso":
        return f"{y}-{m:02d}-{d:02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    if style == "us":
        return f"{_MONTHS[m - 1]} {d}, {y}"
    if style == "short":
        return f"{_MONTHS[m - 1][:3]} {d}, {y}"
    return f"{d} {_MONTHS[m - 1]} {y}"


_NAMES = ["Mei Lin", "James Porter", "Ana Ruiz", "Tom Keller", "Priya Nair", "Li Wei", "Sarah Cohen",
          "David Osei", "Hannah Brandt", "Kenji Sato"]
_SLUG = "abcdefghijkmnpqrstuvwxyz23456789"


def _short_url(rng: random.Random) -> str:
    host = rng.choice(["bit.ly", "t.co", "ow.ly", "trib.al"])
    return f"https://{host}/" + "".join(rng.choice(_SLUG) for _ in range(7))


def _long_url(rng: random.Random, art: Article) -> str:
    words = re.findall(r"[a-z0-9]+", art.headline.lower())[:6] or ["story"]
    host = rng.choice(["www.example-news.com", "news.example.org", "www.dailywire.example"])
    return f"https://{host}/{rng.randint(2014, 2023)}/{rng.randint(1, 12):02d}/" + "-".join(words)


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), width) or [text]


def _pick(rng: random.Random, arts: list[Article], k: int) -> list[Article]:
    return rng.sample(arts, k) if len(arts) >= k else [rng.choice(arts) for _ in range(k)]


def _style(rng: random.Random) -> tuple[bool, bool]:
    """Per document: (a date/byline line under each headline, a source line closing each story).
    Sites of one family differ in these; a document keeps one choice throughout."""
    return rng.random() < 0.5, rng.random() < 0.4


def _dateline_meta(d: "_Doc", rng: random.Random) -> None:
    d.meta(rng.choice([f"{_date(rng, 'us')}", f"By {rng.choice(_NAMES)}, {_date(rng, 'short')}",
                       f"Updated {_date(rng, 'short')}", f"{rng.choice(_NAMES)} | {_date(rng)}"]))


def _source_meta(d: "_Doc", rng: random.Random, a: Article, *after: str) -> None:
    d.meta(rng.choice([f"Source: {a.outlet}", f"Via {a.outlet}", f"({a.outlet})", f"Source: {a.outlet}, {_date(rng, 'us')}"]), *after)


# --------------------------------------------------------------------------- layouts
# Each takes (articles, rng) and returns (_Doc, file suffix).


def numbered_paren(arts, rng):
    """"1) Headline", body paragraphs, "Source: Outlet" and a short link; breadcrumb chrome."""
    d = _Doc()
    d.furniture("Home » Newsletter » Daily Digest", "")
    d.title(f"Daily Digest — {_date(rng, 'us')}", "")
    d.furniture("Share this issue: Facebook | Twitter | Email", "")
    for k, a in enumerate(arts, 1):
        d.head(f"{k}) {a.headline}", "")
        for p in a.paras:
            d.add(p, "")
        d.meta(f"Source: {a.outlet}", _short_url(rng), "")
        d.story(a, a.headline)
    d.furniture("Forward this digest to a colleague", "Unsubscribe | Update your preferences | View in browser")
    return d, ".txt"


def numbered_dot(arts, rng):
    """"1. Headline" with separators between stories and a subscription prompt at the end."""
    d = _Doc()
    d.title("THE WEEK IN REVIEW", "")
    d.furniture("Menu", "Search", "")
    dated, sourced = _style(rng)
    for k, a in enumerate(arts, 1):
        if k > 1:
            d.sep("-" * rng.choice([3, 10, 40]))
            d.add("")
        d.head(f"{k}. {a.headline}")
        if dated:
            _dateline_meta(d, rng)
        for p in a.paras:
            d.add(p)
        if sourced:
            _source_meta(d, rng, a)
        d.add("")
        d.story(a, a.headline)
    d.sep("-" * 40)
    d.furniture("", "Enter your email address to subscribe to this newsletter and receive new issues by email.",
                "Email Address", "Subscribe", "")
    return d, ".txt"


def number_sign(arts, rng):
    """A countdown: "No. 5 — Headline" lines, a teaser, a "Read the full story" link."""
    d = _Doc()
    d.title(f"Top {len(arts)} stories this week", "")
    _, sourced = _style(rng)
    for k, a in zip(range(len(arts), 0, -1), arts):
        d.head(f"No. {k} — {a.headline}", "")
        d.add(a.paras[0], "")
        if sourced:
            _source_meta(d, rng, a, "")
        d.furniture("Read the full story »", "")
        d.story(a, a.headline, [a.paras[0]])
    d.furniture("Previous issues | Archive | Contact", "© 2019 The Weekly Countdown. All rights reserved.")
    return d, ".txt"


def teaser_archive(arts, rng):
    """A WordPress tag archive: headline, "Posted on ... by", teaser, "Continue reading", the tag line."""
    d = _Doc()
    d.furniture("Skip to content", "")
    d.title("China Watch Blog", "Notes on politics, trade and technology", "")
    d.furniture("Tag Archives: China", "")
    for a in arts:
        author = rng.choice(_NAMES)
        d.head(a.headline)
        d.meta(f"Posted on {_date(rng)} by {author}")
        d.add("")
        d.add(a.paras[0], "")
        d.furniture("Continue reading →", "")
        tags = ", ".join(rng.sample(["China", "trade", "politics", "economy", "tech", "Asia"], 2))
        d.furniture(f"Posted in {rng.choice(['World', 'Business', 'Analysis'])} | Tagged {tags} | Leave a comment", "")
        d.story(a, a.headline, [a.paras[0]])
    d.furniture("← Older posts", "", "Blog at WordPress.com.")
    return d, ".txt"


def byline_cards(arts, rng):
    """Headline, "By Agency in City | date" byline, body; a sidebar of links at the end."""
    d = _Doc()
    d.furniture("Sign in | Register", "")
    _, sourced = _style(rng)
    for a in arts:
        d.head(a.headline)
        d.meta(f"By {rng.choice(['Associated Press', 'Reuters', rng.choice(_NAMES)])} in "
               f"{rng.choice(['Palm Beach, Florida', 'Beijing', 'Hong Kong', 'London'])} | {_date(rng)}")
        d.add("")
        for p in a.paras:
            d.add(p, "")
        if sourced:
            _source_meta(d, rng, a, "")
        d.story(a, a.headline)
    d.furniture("Most popular", "Most viewed this week", "Newsletters", "")
    return d, ".txt"


def bullet_items(arts, rng):
    """Bulleted items that open with their headline ("• Headline: body"), under capitalised sections."""
    d = _Doc()
    bullet = rng.choice(["•", "◆", "▪", "-"])
    for k, a in enumerate(arts):
        if k % 3 == 0:
            d.title(["TOP NEWS", "ECONOMY AND TRADE", "SOCIETY"][(k // 3) % 3], "")
        body = " ".join(a.paras[:2])
        d.head(f"  {bullet} {a.headline}: {body}", "")
        d.stories.append(GoldStory(a.headline, _snip(body, True), _snip(body, False)))
    d.furniture("This briefing is compiled by our editors from public sources.", "",
                "Share this briefing", "Subscribe to the weekly briefing", "")
    return d, ".txt"


def zh_source(arts, rng):
    """"1. 标题", body, "来源：腾讯新闻 2018-09-17 18:08:41"; channel chrome."""
    d = _Doc()
    d.furniture("腾讯新闻 · 国内", "")
    for k, a in enumerate(arts, 1):
        d.head(f"{k}. {a.headline}")
        for p in a.paras:
            d.add(p)
        d.meta(f"来源：{a.outlet or '腾讯新闻'} {_date(rng, 'iso')}")
        d.add("")
        d.story(a, a.headline)
    d.furniture("分享到：微信 微博 QQ空间", "关注我们", "")
    return d, ".txt"


def zh_bracket(arts, rng):
    """【标题】正文 items under ■ sections, with （来源：…） at the end of each item."""
    d = _Doc()
    d.title(f"每日简报 第{rng.randint(100, 999)}期", "")
    sections = ["■ 国内", "■ 国际", "■ 财经"]
    for k, a in enumerate(arts):
        if k % 2 == 0:
            d.title(sections[(k // 2) % len(sections)], "")
        body = "".join(a.paras)
        d.head(f"【{a.headline}】{body}（来源：{a.outlet or '新华网'}）", "")
        d.stories.append(GoldStory(a.headline, _snip(body, True, 20), _snip(body, False, 20)))
    d.furniture("扫码关注公众号，获取更多资讯", "")
    return d, ".txt"


def email_newsletter(arts, rng):
    """An e-mail newsletter: preheader, greeting, SECTION/Headline/body/"Read more", long footer."""
    d = _Doc()
    d.furniture("View this email in your browser", "")
    d.title("Good morning. Here is what you need to know today.", "")
    sections = ["TOP STORIES", "BUSINESS", "TECHNOLOGY", "WORLD"]
    dated, _ = _style(rng)
    for k, a in enumerate(arts):
        if k % 2 == 0:
            d.title(sections[(k // 2) % len(sections)], "")
        d.head(a.headline, "")
        if dated:
            _dateline_meta(d, rng)
            d.add("")
        for p in a.paras[:2]:
            d.add(p, "")
        d.furniture("Read more »", "")
        d.story(a, a.headline, list(a.paras[:2]))
    d.furniture("Thanks for reading. Forward this email to a friend.",
                "You are receiving this email because you signed up for our newsletter.",
                "Unsubscribe | Manage your email preferences", "Enter your email address", "Sign up", "")
    return d, ".txt"


def pdf_report(arts, rng):
    """Text extracted from a PDF report: hard-wrapped lines, running heads and page numbers."""
    d = _Doc()
    title = "China Economic Monitor"
    width = rng.choice([72, 80, 90])
    page, used = 1, 0
    d.title(title, f"Weekly report, {_date(rng, 'us')}", "")

    def page_break():
        nonlocal page, used
        d.furniture("", f"{title} | Page {page}")
        d.add("\f", role="separator")
        page += 1
        used = 0

    for a in arts:
        d.head(a.headline, "")
        for p in a.paras:
            for ln in _wrap(p, width):
                d.add(ln)
                used += 1
                if used >= 45:
                    page_break()
            d.add("")
        wrapped = [ln for p in a.paras for ln in _wrap(p, width)]
        d.story(a, a.headline, [wrapped[0], wrapped[-1]])  # the gold ends on the last wrapped line
    d.furniture(f"{title} | Page {page}")
    return d, ".txt"


def press_review(arts, rng):
    """A press review: "Outlet (date): Headline" lines, a summary paragraph, a "Link:" line."""
    d = _Doc()
    d.title(f"PRESS REVIEW — {_date(rng, 'us')}", "")
    d.furniture("Compiled by the press office. For internal use only.", "")
    for a in arts:
        head = f"{a.outlet} ({_date(rng, 'short')}): {a.headline}"
        d.head(head)
        d.add(a.paras[0])
        d.meta(f"Link: {_long_url(rng, a)}", "")
        d.stories.append(GoldStory(a.headline, _snip(a.paras[0], True), _snip(a.paras[0], False)))
    d.furniture("Contact the press office | Unsubscribe", "")
    return d, ".txt"


def html_cards(arts, rng):
    """An HTML news page of cards: <h3><a>headline</a></h3>, meta line, teaser, "Read more" link."""
    d = _Doc()
    nav = "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/business'>Business</a></nav>"
    parts = ["<html><head><title>Latest news</title></head><body>", nav, "<main><h1>Latest news</h1>"]
    for a in arts:
        url = _long_url(rng, a)
        meta = f"{_date(rng, 'short')} · {rng.choice(_NAMES)}"
        parts.append(f"<div class='card'><h3><a href='{url}'>{escape(a.headline)}</a></h3>"
                     f"<p class='meta'>{meta}</p><p>{escape(a.paras[0])}</p><a href='{url}'>Read more</a></div>")
        d.roles += [(a.headline, "headline"), (meta, "meta"), (a.paras[0], "body"), ("Read more", "boilerplate")]
        d.story(a, a.headline, [a.paras[0]])
    signup = "Get our free newsletter every morning"
    parts.append(f"</main><div class='signup'><h2>{signup}</h2><p>Sign up for our newsletter and never miss a story.</p>"
                 "</div><footer><p>© 2021 Example News Ltd.</p><p>Privacy | Terms | Contact</p></footer></body></html>")
    d.boiler += [signup, "Sign up for our newsletter and never miss a story.", "Read more"]
    d.roles = [("Home World Business", "boilerplate"), ("Latest news", "section")] + d.roles + [
        (signup, "boilerplate"), ("Sign up for our newsletter and never miss a story.", "boilerplate"),
        ("© 2021 Example News Ltd.", "boilerplate"), ("Privacy | Terms | Contact", "boilerplate")]
    d.lines = ["".join(parts)]
    return d, ".html"


def liveblog(arts, rng):
    """A liveblog: "Key events" list, entries opened by a time stamp, a share line after each."""
    d = _Doc()
    d.title("Live: the day's developments", "")
    d.furniture("Key events")
    d.add(*(f"• {a.headline}" for a in arts[:3]), "", role="boilerplate")  # a table of contents: no story, but its lines are headlines
    h, m = rng.randint(8, 12), rng.randint(0, 59)
    for a in reversed(arts):
        m += rng.randint(7, 40)
        h, m = h + m // 60, m % 60
        d.meta(f"{h:02d}:{m:02d} GMT")
        d.head(a.headline)
        for p in a.paras[:2]:
            d.add(p)
        d.furniture("Share  Updated at " + f"{h:02d}.{m:02d} GMT")
        d.add("")
        d.story(a, a.headline, list(a.paras[:2]))
    return d, ".txt"


def markdown_bullets(arts, rng):
    """Markdown: "## Section" and "- **Headline**: body" bullets, "[Read more](url)" links."""
    d = _Doc()
    d.title("# Morning Briefing", "")
    for k, a in enumerate(arts):
        if k % 3 == 0:
            d.title(f"## {['Politics', 'Economy', 'Technology'][(k // 3) % 3]}", "")
        d.head(f"- **{a.headline}**: {a.paras[0]} [Read more]({_long_url(rng, a)})", "")
        d.story(a, a.headline, [a.paras[0]])
    d.sep("---")
    d.furniture("*You received this because you subscribed to Morning Briefing.*", "")
    return d, ".txt"


def dateline_wire(arts, rng):
    """Wire copy without headlines: each story opens on a dateline, ends on a credit line."""
    d = _Doc()
    cities = ["BEIJING", "SHANGHAI", "HONG KONG", "WASHINGTON", "LONDON", "TOKYO", "SINGAPORE"]
    for a in arts:
        city = rng.choice(cities)
        paras = list(a.paras[:4])
        paras[0] = f"{city}, {_date(rng, 'short')[:-6]} ({rng.choice(['Reuters', 'AP', 'AFP'])}) - {paras[0]}"
        d.add(*paras)
        d.meta(f"(Reporting by {rng.choice(_NAMES)}; Editing by {rng.choice(_NAMES)})")
        d.story(a, None, paras)
    return d, ".txt"


def wire_sheet(arts, rng):
    """A wire sheet: slug line, headline in capitals, body, "(END)" with a time, "=====" rules."""
    d = _Doc()
    for a in arts:
        slug = "BC-" + "-".join(w.capitalize() for w in re.findall(r"[A-Za-z]+", a.headline)[:2]) + f",{rng.randint(300, 900):04d}"
        d.meta(slug)
        d.head(a.headline.upper(), "")
        for p in a.paras:
            d.add("   " + p)
        d.meta(f"(END) {_date(rng, 'iso')} GMT")
        d.sep("=" * 30)
        d.add("")
        d.story(a, a.headline.upper())
    return d, ".txt"


def markdown_headings(arts, rng):
    """Markdown "### Headline", an italic date line, paragraphs, "***" rules between stories."""
    d = _Doc()
    d.title("# Reading list", "")
    _, sourced = _style(rng)
    for k, a in enumerate(arts):
        if k:
            d.sep("***")
            d.add("")
        d.head(f"### {a.headline}", "")
        d.meta(f"*Published {_date(rng)}*", "")
        for p in a.paras:
            d.add(p, "")
        if sourced:
            _source_meta(d, rng, a, "")
        d.story(a, a.headline)
    return d, ".txt"


def link_list(arts, rng):
    """A compact link list: headline, one-line teaser, "Outlet · date", no blank lines."""
    d = _Doc()
    d.title("Headlines")
    for a in arts:
        d.head(a.headline)
        d.add(a.paras[0])
        d.meta(f"{a.outlet} · {_date(rng, 'short')}")
        d.story(a, a.headline, [a.paras[0]])
    d.furniture("More headlines »")
    return d, ".txt"


def caps_sections(arts, rng):
    """Telex style: "*** SECTION ***" rules, headline in capitals, body, "--" under each story."""
    d = _Doc()
    d.title(f"MARKET NEWSLETTER {_date(rng, 'us').upper()}", "")
    _, sourced = _style(rng)
    for k, a in enumerate(arts):
        if k % 2 == 0:
            d.title(f"*** {['MARKETS', 'COMPANIES', 'POLICY'][(k // 2) % 3]} ***", "")
        d.head(a.headline.upper())
        for p in a.paras:
            d.add(p)
        if sourced:
            _source_meta(d, rng, a)
        d.sep("--")
        d.add("")
        d.story(a, a.headline.upper())
    d.furniture("To unsubscribe reply STOP.")
    return d, ".txt"


LAYOUTS = {
    "numbered-paren": numbered_paren,
    "numbered-dot": numbered_dot,
    "number-sign": number_sign,
    "teaser-archive": teaser_archive,
    "byline-cards": byline_cards,
    "bullet-items": bullet_items,
    "zh-source": zh_source,
    "zh-bracket": zh_bracket,
    "email-newsletter": email_newsletter,
    "pdf-report": pdf_report,
    "press-review": press_review,
    "html-cards": html_cards,
    "liveblog": liveblog,
    "markdown-bullets": markdown_bullets,
    "dateline-wire": dateline_wire,
    "wire-sheet": wire_sheet,
    "markdown-headings": markdown_headings,
    "link-list": link_list,
    "caps-sections": caps_sections,
}
ZH_LAYOUTS = frozenset({"zh-source", "zh-bracket"})


def generate(layout: str, pool: list[Article], docs: int, seed: int = 12, singles: int = 0,
             min_stories: int = 3, max_stories: int = 7) -> list[LayoutDoc]:
    """``docs`` digests (and ``singles`` one-story pages) in ``layout``, deterministic for a seed."""
    if layout not in LAYOUTS:
        raise BadInput(f"layout {layout!r}: unknown (known: {', '.join(LAYOUTS)})")
    if not pool:
        raise BadInput(f"layout {layout}: no articles to lay out (check the data folder)")
    out = []
    for k in range(docs + singles):
        rng = random.Random(f"{seed}/{layout}/{k}")
        n = 1 if k >= docs else rng.randint(min_stories, max_stories)
        d, suffix = LAYOUTS[layout](_pick(rng, pool, n), rng)
        d.trim(head=rng.random() < 0.4, tail=rng.random() < 0.5)
        kind = "single" if n == 1 else "digest"
        out.append(d.done(f"{layout}-{kind}-{k:03d}{suffix}", layout, crlf=(layout == "numbered-dot" and k % 3 == 0)))
    return out


def layout_set(shared: Path, purpose: str = "measure", docs: int = 12, singles: int = 4,
               layouts: list[str] | None = None, seed: int = 12) -> dict[str, list[LayoutDoc]]:
    """Documents of every layout, from the "measure" or the "train" article pools."""
    en = load_pool(shared, f"{purpose}-en")
    zh = load_pool(shared, f"{purpose}-zh")
    return {name: generate(name, zh if name in ZH_LAYOUTS else en, docs, seed=seed, singles=singles)
            for name in (layouts or list(LAYOUTS))}
