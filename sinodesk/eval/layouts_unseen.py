"""Digest layouts the segmenter was never built or tuned on (``sinodesk eval segment --set unseen``).

The 19 layouts of :mod:`sinodesk.eval.layouts` are what the line labeller is fitted on (its
licence-clean training texts laid out in them) and what the rules were tuned against.  Users
paste digests in other shapes; these generators lay the same research-only measuring texts
(BBC, Reuters, AG News, the QQ feed: :func:`sinodesk.eval.pools.load_pool`, "measure-*";
nothing is copied into the package) out in families of what China-watchers receive and that
none of the 19 covers:

* ``telegram-channel`` -- a Telegram channel export: "Channel, [dd.mm.yyyy hh:mm]" post
  headers, an emoji before a bold headline, the post, a "#tags" line;
* ``morning-brief`` -- an e-mail "morning brief": every item one paragraph that opens on a
  bold lead-in ("**Headline.** body"), no blank lines between items;
* ``forwarded-email`` -- a digest forwarded by e-mail: "---------- Forwarded message
  ---------" headers, every line quoted with "> ", the forwarder's note on top;
* ``toc-digest`` -- a contents list first (numbered titles), then the stories repeating the
  titles, each closed by "Back to top";
* ``agency-wrap`` -- a news-agency wrap: headline, a dateline lead, "(MORE)" between takes of
  one story, "-- ENDS --" after each story;
* ``briefs-en`` / ``briefs-zh`` -- short briefs of one or two paragraphs glued with blank
  lines and no headlines, in English and in Chinese.

A bilingual digest (Chinese headline + English summary of the same story) is not here: no
public set in ``../shared/eval`` pairs the two.

Held out: ``telegram-channel`` and ``agency-wrap`` were measured on main's code first and
never looked at while the segmenter was changed (see ``HELD_OUT``); the others were measured on
main first too, then worked on.
"""

from __future__ import annotations

import random
from pathlib import Path

from ..errors import BadInput
from .layouts import _NAMES, GoldStory, LayoutDoc, _date, _Doc, _pick, _snip
from .pools import load_pool

_CHANNELS = ["China Desk", "Beijing Brief", "Asia Markets Watch", "The Sinosphere"]
_EMOJI = ["🔴", "⚡️", "🇨🇳", "📌", "📈", "❗️", "🗞"]
_TAGS = ["#China", "#economy", "#trade", "#politics", "#tech", "#markets", "#Asia", "#breaking"]


def _stamp(rng: random.Random) -> str:
    return f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.choice([2021, 2023, 2024])} {rng.randint(6, 23):02d}:{rng.randint(0, 59):02d}"


def telegram_channel(arts, rng):
    """A Telegram channel export: post header, emoji + bold headline, the post, a "#tags" line."""
    d = _Doc()
    channel = rng.choice(_CHANNELS)
    bold = rng.random() < 0.5
    for a in arts:
        d.meta(f"{channel}, [{_stamp(rng)}]")
        head = f"**{a.headline}**" if bold else a.headline
        d.head(f"{rng.choice(_EMOJI)} {head}")
        for p in a.paras[:2]:
            d.add(p)
        d.meta(" ".join(rng.sample(_TAGS, rng.randint(1, 3))))
        d.add("")
        d.story(a, a.headline, list(a.paras[:2]))
    return d, ".txt"


def morning_brief(arts, rng):
    """A morning brief: each item one paragraph opening on a bold lead-in, no blank lines."""
    d = _Doc()
    d.furniture(f"Good morning. It's {_date(rng, 'us')}. Here's what you need to know.")
    for a in arts:
        body = " ".join(a.paras[:2])
        lead = a.headline.rstrip(".")
        d.head(f"**{lead}.** {body}")
        d.stories.append(GoldStory(lead, _snip(body, True), _snip(body, False)))
    d.furniture("That's it for today. Reply to this e-mail to tell us what we missed.",
                "Unsubscribe | Manage preferences")
    return d, ".txt"


def forwarded_email(arts, rng):
    """A digest forwarded by e-mail: the forwarder's note, the forward headers, every line quoted."""
    d = _Doc()
    who = rng.choice(_NAMES)
    d.furniture("FYI -- worth a read, especially the second item.", "")
    d.furniture("---------- Forwarded message ---------", "From: Daily Brief <brief@news.example.org>",
                f"Date: {_date(rng, 'us')}", "Subject: Today's China headlines", f"To: {who} <reader@example.com>", "")
    gap = rng.choice([">", ""])
    for a in arts:
        d.head(f"> {a.headline}")
        d.add(gap)
        for p in a.paras[:3]:
            d.add(f"> {p}", gap)
        d.story(a, a.headline, list(a.paras[:3]))
    d.furniture("> You are receiving this because you subscribed to Daily Brief.", "")
    return d, ".txt"


def toc_digest(arts, rng):
    """A contents list of numbered titles first, then the stories repeating the titles."""
    d = _Doc()
    d.title(f"Weekly China Reader, issue {rng.randint(20, 400)}", "")
    d.furniture("In this issue:")
    for k, a in enumerate(arts, 1):
        d.add(f"{k}. {a.headline}", role="boilerplate")  # contents: no story, though its lines are titles
    d.add("")
    for a in arts:
        d.head(a.headline, "")
        for p in a.paras[:3]:
            d.add(p, "")
        d.furniture("Back to top", "")
        d.story(a, a.headline, list(a.paras[:3]))
    d.furniture("Forward to a friend | Unsubscribe")
    return d, ".txt"


def agency_wrap(arts, rng):
    """A news-agency wrap: headline, dateline lead, "(MORE)" between takes, "-- ENDS --" after each."""
    d = _Doc()
    cities = ["BEIJING", "SHANGHAI", "HONG KONG", "TAIPEI", "GENEVA", "WASHINGTON"]
    agency = rng.choice(["Xinhua", "CNA", "Kyodo", "AFP"])
    for a in arts:
        paras = list(a.paras[:4])
        paras[0] = f"{rng.choice(cities)}, {_date(rng, 'short')[:-6]} ({agency}) -- {paras[0]}"
        d.head(a.headline, "")
        for k, p in enumerate(paras):
            d.add(p, "")
            if k == 1 and len(paras) > 2:
                d.meta("(MORE)", "")
        d.sep("-- ENDS --")
        d.add("")
        d.story(a, a.headline, paras)
    return d, ".txt"


def briefs(arts, rng):
    """Short briefs of one or two paragraphs glued with blank lines, no headlines."""
    d = _Doc()
    for a in arts:
        paras = list(a.paras[:rng.choice([1, 2])])
        for p in paras:
            d.add(p, "")
        d.story(a, None, paras)
    return d, ".txt"


UNSEEN_LAYOUTS = {
    "telegram-channel": telegram_channel,
    "morning-brief": morning_brief,
    "forwarded-email": forwarded_email,
    "toc-digest": toc_digest,
    "agency-wrap": agency_wrap,
    "briefs-en": briefs,
    "briefs-zh": briefs,
}
ZH_UNSEEN = frozenset({"briefs-zh"})
HELD_OUT = ("telegram-channel", "agency-wrap")  # never looked at while the segmenter changed


def generate_unseen(layout: str, pool, docs: int, seed: int = 18, singles: int = 0) -> list[LayoutDoc]:
    """``docs`` digests (3-7 stories) and ``singles`` one-story documents in ``layout``, deterministic."""
    if layout not in UNSEEN_LAYOUTS:
        raise BadInput(f"layout {layout!r}: unknown (known: {', '.join(UNSEEN_LAYOUTS)})")
    if not pool:
        raise BadInput(f"layout {layout}: no articles to lay out (check the data folder)")
    out = []
    used: set[str] = set()
    for k in range(docs + singles):
        rng = random.Random(f"{seed}/{layout}/{k}")
        n = 1 if k >= docs else rng.randint(3, 7)
        # a single article none of the digests holds (ingest keeps one copy of a text it has seen)
        arts = _pick(rng, pool if k < docs else [a for a in pool if a.paras[0] not in used] or pool, n)
        used.update(a.paras[0] for a in arts)
        d, suffix = UNSEEN_LAYOUTS[layout](arts, rng)
        kind = "single" if n == 1 else "digest"
        out.append(d.done(f"{layout}-{kind}-{k:03d}{suffix}", layout))
    return out


def _distinct(pool):
    """The pool without repeated articles (the QQ feed carries the same item under several titles):
    a digest that held one text twice would have gold no scorer can place."""
    seen, out = set(), []
    for a in pool:
        key = _snip(a.paras[0], True, 12)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def unseen_set(shared: Path, docs: int = 12, singles: int = 4, layouts: list[str] | None = None,
               seed: int = 18) -> dict[str, list[LayoutDoc]]:
    """Documents of every unseen layout from the "measure" pools (research-only texts)."""
    en = _distinct(load_pool(shared, "measure-en"))
    zh = _distinct(load_pool(shared, "measure-zh"))
    return {name: generate_unseen(name, zh if name in ZH_UNSEEN else en, docs, seed=seed, singles=singles)
            for name in (layouts or list(UNSEEN_LAYOUTS))}


def run_unseen(shared, docs: int = 12, singles: int = 4, layouts: list[str] | None = None,
               harness: str = "ingest", settings=None) -> dict:
    """Score the segmenter with its *default* settings (the shipped line labeller, fitted on the
    19 known layouts only) on the unseen layouts: layout -> LayoutScore, plus the peers."""
    from ..settings import Settings
    from .segment_layouts import PEERS, LayoutScore, score_doc, segment_fast, segment_ingest

    measure = unseen_set(shared, docs=docs, singles=singles, layouts=layouts)
    run = segment_ingest if harness == "ingest" else segment_fast
    ours: dict[str, LayoutScore] = {}
    peers = {p: {} for p in PEERS}
    for name, ds in measure.items():
        got = run(ds, settings or Settings())
        ours[name] = LayoutScore(layout=name)
        for p in PEERS:
            peers[p][name] = LayoutScore(layout=name)
        for d in ds:
            text, stories = got[d.name]
            score_doc(d, text, stories, ours[name])
            for p, fn in PEERS.items():
                score_doc(d, text, fn(text), peers[p][name])
    return {"ours": ours, "peers": peers}
