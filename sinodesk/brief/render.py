"""Render a briefing as Markdown, HTML (Jinja2 templates in ``templates/``), RSS, Atom or JSON.

Feeds are written with feedgen: one entry per item, its content the same HTML fragment the page
uses (sentences with their citation numbers and the list of sources).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache

from ..errors import ConfigError
from .model import Briefing, Citation, Item
from .options import BriefOptions

FORMATS = ("md", "html", "rss", "atom", "json")
_MD_SPECIAL = re.compile(r"([\\`*\[\]<>])|(?<!\w)_|_(?!\w)")


def md_escape(text: str) -> str:
    """Text safe inside Markdown: emphasis, link and HTML characters escaped, newlines folded."""
    text = " ".join(text.split())
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def change_line(it: Item) -> str:
    """'New.' / 'Grew: 3 more stories (5 before).' / '... Figures changed: toll 12 -> 15 [2].'"""
    c = it.change
    if c is None:
        return ""
    if c.status == "new":
        text = "New since the last briefing."
    elif c.status == "grew":
        text = f"Grew since the last briefing: {c.added} more stor{'y' if c.added == 1 else 'ies'} ({c.before} before)."
    else:
        text = "In the last briefing too; no new stories."
    if c.numbers:
        text += " Figures changed: " + "; ".join(f"{n.key}: {n.before} → {n.now} [{n.ref}]" for n in c.numbers) + "."
    return text


def count(n: int, one: str, many: str) -> str:
    """'1 story', '3 stories'."""
    return f"{n} {one if n == 1 else many}"


def cite_md(c: Citation) -> str:
    where = f"<{c.url}>" if c.url else f"story {c.story_id}"
    return f"{md_escape(c.label())}, {where}"


def period(b: Briefing) -> str:
    if b.since and b.until:
        return f"{b.since} to {b.until}"
    return f"until {b.until}" if b.until else "all dates"


def counts(b: Briefing) -> dict[str, int]:
    items = b.items()
    return {
        "new": sum(1 for it in items if it.change and it.change.status == "new"),
        "grew": sum(1 for it in items if it.change and it.change.status == "grew"),
        "numbers": sum(1 for it in items if it.change and it.change.numbers),
    }


@cache
def _env(autoescape: bool):
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("sinodesk.brief", "templates"), autoescape=autoescape,
                      undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=False)
    env.filters.update(md=md_escape, change_line=change_line, cite_md=cite_md, count=count)
    return env


def _context(b: Briefing) -> dict:
    return {"b": b, "period": period(b), "counts": counts(b)}


def render_markdown(b: Briefing) -> str:
    text = _env(False).get_template("briefing.md.j2").render(**_context(b))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_html(b: Briefing) -> str:
    return _env(True).get_template("briefing.html.j2").render(**_context(b))


def _item_html(it: Item, anchor: str) -> str:
    macro = _env(True).get_template("item.html.j2").module.item_body
    return str(macro(it, anchor))


def _when(iso: str | None, fallback: str) -> dt.datetime:
    text = iso or fallback
    try:
        d = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        d = dt.datetime.fromisoformat(fallback.replace("Z", "+00:00"))
    return d if d.tzinfo else d.replace(tzinfo=dt.timezone.utc)


def render_feed(b: Briefing, fmt: str, base_url: str) -> str:
    """RSS 2.0 or Atom 1.0: one entry per item, newest briefing first in a reader."""
    from feedgen.feed import FeedGenerator

    base = base_url if base_url.endswith("/") else base_url + "/"
    page = f"{base}briefings/{b.briefing_id}" if b.briefing_id else f"{base}briefings/latest"
    fg = FeedGenerator()
    fg.id(page)
    fg.title(f"{b.title} — {period(b)}")
    fg.link(href=page, rel="alternate")
    fg.description(f"{b.n_stories} stories in {b.n_events} events; every sentence cites its story.")
    fg.author({"name": "sinodesk"})
    fg.generator("sinodesk")
    fg.updated(_when(b.created, b.created))
    for sec in b.sections:
        for i, it in enumerate(sec.items, 1):
            fe = fg.add_entry(order="append")
            first_url = next((c.url for c in it.citations if c.url), None)
            fe.id(f"{page}#{sec.id}-{it.event_id}")
            fe.title(f"[{sec.title}] {it.headline}")
            fe.link(href=first_url or f"{base}events/{it.event_id}")
            body = _item_html(it, f"{sec.id}-{i}")
            fe.content(body, type="html")
            fe.description(body)
            fe.category(term=sec.id, label=sec.title)
            fe.published(_when(it.last, b.created))
            fe.updated(_when(it.last, b.created))
    return (fg.rss_str(pretty=True) if fmt == "rss" else fg.atom_str(pretty=True)).decode("utf-8")


def render(b: Briefing, fmt: str = "md", *, opts: BriefOptions = BriefOptions()) -> str:
    """The briefing as text in ``fmt``: md, html, rss, atom or json."""
    if fmt == "md":
        return render_markdown(b)
    if fmt == "html":
        return render_html(b)
    if fmt in ("rss", "atom"):
        return render_feed(b, fmt, opts.base_url)
    if fmt == "json":
        return json.dumps(b.to_dict(), ensure_ascii=False, indent=2) + "\n"
    raise ConfigError(f"briefing format {fmt!r} is not known (use one of {', '.join(FORMATS)})")
