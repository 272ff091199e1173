"""Segment stage: split a cleaned document into its stories.

Three ways, tried in order (``structure`` and ``cohesion`` modules):

1. *items*: lines that open with a headline -- ``• Headline: body``, ``【标题】正文``,
   ``**Headline** body`` -- each start a story; title-like lines between them are
   section headings;
2. *headlines*: title-like lines followed by paragraphs (with standfirsts, section
   headings, closing "Source:" lines and URLs, sub-headings inside a story);
3. *cohesion*: text with no visible structure is split where the vocabulary changes
   (``cohesion.split_units``) and each story gets a generated headline;
4. *briefs*: what cohesion leaves whole may still be short briefs glued with blank lines,
   one or two paragraphs each, no two sharing a name (``briefs.brief_starts``).

Prose above the first story that no rule kept out is a story of its own, never dropped.

HTML pages reach this stage as text: ``sinodesk.ingest.html`` renders a multi-story page
so that it keeps its structure, and the same three ways apply to it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, fields, replace

from ...records import Cleaned, Line, Segment
from .assemble import build_segments
from .briefs import brief_starts
from .cohesion import CohesionParams, split_units
from .digest import continuing, digest_probability, load_digest_model
from .headline import DATELINE, DATELINE_ZH, inline_headline, is_bullet, is_prose, is_title_like, strip_bullet
from .layout import bag, furniture, load_model
from .text import is_closing, visible_len
from .structure import MASTHEAD_MAX_CHARS, Plan, Start, _is_masthead, _runs, find_headlines, find_items, continued_lines, paragraph_runs, paragraph_text, wrapped_lines
from ...options import setting

__all__ = ["SegmentOptions", "segment", "plan_stories"]


@dataclass(frozen=True, slots=True)
class SegmentOptions:
    structure: bool = setting(True, "split on visible structure (item headlines, headline lines) when there is any")
    layout: bool = setting(True, "label every line (headline, body, metadata, section, furniture, separator) with the learned layout model and split at the headlines it finds")
    layout_threshold: float = setting(0.5, "how sure the layout model must be that a line is furniture, a separator or metadata before it is kept out of every story")
    layout_model: str = setting("", "a line-labeller model file written by tools/train_layout.py (empty: the packaged model)")
    cohesion: bool = setting(True, "split text with no visible structure where its vocabulary changes")
    briefs: bool = setting(True, "split text with no visible structure into short briefs (one or two paragraphs each) when no two of them share a name or many words")
    min_cohesion_units: int = setting(4, "fewest paragraphs a text needs before cohesion splitting is tried")
    length_weight: float = setting(2.25, "cost of each extra story in cohesion splitting (higher: fewer, longer stories)")
    similarity_weight: float = setting(16.0, "how much paragraphs that resemble each other (tf-idf cosine) hold a story together")
    dirichlet: float = setting(0.0, "0 smooths word counts add-one (paragraphs); above 0, a Dirichlet prior of this weight per term (short units such as sentences, e.g. 0.3)")
    continuation_cost: float = setting(6.0, "how much a paragraph opening with a name the previous paragraph used forbids a new story")
    similarity_margin: float = setting(0.15, "how much more alike than an average pair two paragraphs must be to count as one story (in standard deviations)")
    dateline_bonus: float = setting(12.0, "how much a dateline opening (\"BEIJING, March 3 (Xinhua) --\") or a question the next paragraph answers invites a new story")
    lead_bonus: float = setting(6.0, "how much a lead sentence that dates its event by the day (\"on Monday\", 周三) invites a new story")
    anaphora_cost: float = setting(8.0, "how much an opening that points back (\"He said\", \"However\") forbids a new story")
    min_story_terms: int = setting(80, "fewest content terms (words, names, word pairs) a story found by cohesion may have")
    shuffles: int = setting(3, "cohesion splits a text only if it splits much better in order than in this many random shuffles of its paragraphs (0: no test)")
    shuffle_ratio: float = setting(1.25, "how many times better than the best shuffled order the split must be (higher: single articles stay whole more often)")
    shuffle_margin: float = setting(40.0, "and by how many nats more (higher: fewer splits of short texts)")
    shuffle_ratio_cjk: float = setting(1.0, "shuffle_ratio for text written mostly in Chinese characters (its terms are character pairs, whose shuffled orders split better than English words do)")
    digest_check: bool = setting(True, "a plain-text file whose proposed stories show no digest layout (items, numbers, source lines, separators, bylines, datelines) is split only if its words say it holds several articles; else it is one story")
    digest_threshold: float = setting(0.4, "how likely (0-1) the words must make it that such a file holds several articles before it is split")
    digest_model: str = setting("", "a digest model file written by tools/train_digest.py (empty: the packaged model)")
    keep_headline_only: bool = setting(False, "keep a headline with no teaser or body as a story with empty text")
    generate_headlines: bool = setting(True, "give stories with no headline one made from their lead sentence")


def cohesion_params(opts: SegmentOptions) -> CohesionParams:
    """The cohesion splitter's parameters: every field the two share, taken from ``opts``."""
    shared = {f.name for f in fields(CohesionParams)} & {f.name for f in fields(SegmentOptions)}
    return CohesionParams(**{name: getattr(opts, name) for name in shared})


def _content(lines: tuple[Line, ...]) -> list[int]:
    return [i for i, ln in enumerate(lines) if ln.kind == "text"]


def plan_stories(cleaned: Cleaned, opts: SegmentOptions = SegmentOptions()) -> Plan:
    """Decide where stories start (the plan ``segment`` turns into records)."""
    lines = cleaned.lines
    content = _content(lines)
    if not content:
        return Plan("single", [])
    excluded: set[int] = _contents_list(lines, content) | mail_headers(lines, content)
    meta: set[int] = set()
    doubtful: set[int] = set()
    content = [i for i in content if i not in excluded]
    if opts.layout and content:
        junk, meta, doubtful = furniture(lines, load_model(opts.layout_model), opts.layout_threshold)
        # hard-wrapped paragraphs, judged whole by both checks below (only needed when the
        # labeller took anything for furniture or metadata)
        groups = paragraph_runs(lines, content, wrapped_lines(lines, content)) if junk or meta else {}
        junk, meta = _whole_paragraphs(lines, groups, junk, meta)
        if cleaned.doc.kind in SINGLE_ARTICLE_KINDS:
            junk = _outside_the_prose(lines, content, groups, junk)
        # metadata that closes a story (a source line, a URL) stays: the closing logic reads it
        meta = {i for i in meta if not is_closing(lines[i].text)}
        junk |= repeated_lines(lines, content, figures=cleaned.doc.kind not in SINGLE_ARTICLE_KINDS)
        kept = [i for i in content if i not in junk and i not in meta]
        if kept:  # a document the clean stage kept text in is never furniture from top to bottom
            excluded |= junk
            content = kept
        else:
            meta, doubtful = set(), set()
    if not content:
        return Plan("single", [])
    titled = cleaned.doc.title if cleaned.doc.kind in TITLED_KINDS else None
    plan = _plan(lines, content, opts, titled)
    plan.excluded, plan.meta = excluded | _trailer(lines, plan, doubtful), meta
    return plan


def _outside_the_prose(lines: tuple[Line, ...], content: list[int], groups: dict[int, list[int]], junk: set[int]) -> set[int]:
    """In one article (a JSONL item, a feed entry, a page), the labeller's furniture between its
    first and last paragraph of prose is the article's own: a list, a table, a team sheet, a
    fixture list, a short sentence ("Terms were not disclosed.").  Page furniture sits above and
    below the text ("Read or Share this story", "(c) 2016 KHOU"); so does a recurring line.  A
    hard-wrapped paragraph is judged whole (``groups``, from ``paragraph_runs``): its lines are
    not prose one by one."""
    if not junk:
        return junk
    judged: dict[int, bool] = {}
    prose = []
    for i in content:
        group = groups.get(i) or [i]
        if group[0] not in judged:
            judged[group[0]] = is_prose(paragraph_text(lines, group))
        if judged[group[0]]:
            prose.append(i)
    if len(prose) < 2:
        return junk
    return {i for i in junk if not prose[0] < i < prose[-1]}


def _whole_paragraphs(lines: tuple[Line, ...], groups: dict[int, list[int]], junk: set[int], meta: set[int]) -> tuple[set[int], set[int]]:
    """Lines of a hard-wrapped paragraph the labeller took for furniture or metadata: a
    paragraph of prose is never dropped on the model's word alone (``layout.furniture``), and
    its lines are judged as the paragraph ("Proposals for a secondary market for", short and
    unpunctuated, looks like a menu item on its own).  ``groups``: the document's hard-wrapped
    paragraphs (``paragraph_runs``)."""
    if not junk and not meta:
        return junk, meta
    back: set[int] = set()
    for i in junk | meta:
        group = groups.get(i)
        if group and len(group) > 1 and (is_prose(paragraph_text(lines, group)) or any(k not in junk and k not in meta for k in group)):
            back.update(group)
    return junk - back, meta - back


def _key(text: str) -> str:
    return " ".join(strip_bullet(text)[1].lower().split()).strip("*_#:： ")


def _contents_list(lines: tuple[Line, ...], content: list[int]) -> set[int]:
    """A table of contents ("Key events", "In this issue"): lines that repeat a later title-like
    line (a headline is written once, its earlier copy lists it), with the heading right above
    them."""
    later: dict[str, int] = {}
    for i in content:
        if is_title_like(lines[i].text):
            later[_key(lines[i].text)] = i
    nxt = dict(zip(content, content[1:]))
    toc = {i for i in content if len(lines[i].text) < 200 and later.get(_key(lines[i].text), i) > i
           and not (i in nxt and is_prose(lines[nxt[i]].text))}  # a copy with its own body is a story
    for i in sorted(toc):
        k = content.index(i)
        if k and content[k - 1] not in toc and is_title_like(lines[content[k - 1]].text) and not is_prose(lines[content[k - 1]].text):
            toc.add(content[k - 1])
    return toc


_MAIL_HEADER = re.compile(r"^[>\s]*(?:From|To|Cc|Bcc|Date|Sent|Subject|Reply-To)\s*:\s*\S", re.I)
_MAIL_FORWARD = re.compile(r"^[>\s]*-{2,}\s*(?:Forwarded message|Original message|Begin forwarded message)\s*-*\s*$", re.I)


def mail_headers(lines: tuple[Line, ...], content: list[int]) -> set[int]:
    """The header block of a forwarded or quoted e-mail ("---------- Forwarded message
    ---------", "From: ...", "Date: ...", "Subject: ...", "To: ..."): at least two header lines
    in a row (or one under the forward line), never a story's headline or text."""
    out: set[int] = set()
    block: list[int] = []
    for i in content + [-1]:
        if i >= 0 and (_MAIL_HEADER.match(lines[i].text) or (not block and _MAIL_FORWARD.match(lines[i].text))):
            if block and i != block[-1] + 1:
                out.update(block if len(block) >= 2 else ())
                block = []
            block.append(i)
            continue
        if len(block) >= 2:
            out.update(block)
        block = []
    return out


def _trailer(lines: tuple[Line, ...], plan: Plan, doubtful: set[int] = frozenset()) -> set[int]:
    """The page's trailer after the last story: short lines that are neither prose nor a
    source line after the last paragraph ("More headlines »", "Share | Unsubscribe"); in a
    list of items, everything after the last item; in a digest whose stories open on
    headlines, what follows the last separator without a headline of its own."""
    if plan.mode not in ("items", "headlines", "single") or not plan.starts:
        return set()
    last = plan.starts[-1].line
    tail = [i for i in range(last + 1, len(lines)) if lines[i].kind == "text" and i not in plan.excluded]
    # paragraphs the labeller doubts at the very end that share no word with their story
    # ("Thanks for reading", "You are receiving this e-mail because ...") are the page's
    story_words = set().union(*(bag(lines[i].text) for i in [last] + tail if i not in doubtful)) if tail else set()
    # a line of a hard-wrapped paragraph is judged with its paragraph ("study was released
    # earlier today." ends one; alone it is a short line, not prose)
    in_prose: set[int] = set()
    if tail:
        content = [i for i, ln in enumerate(lines) if ln.kind == "text" and i not in plan.excluded]
        groups = paragraph_runs(lines, content, wrapped_lines(lines, content))
        in_prose = {i for i in tail if is_prose(paragraph_text(lines, groups.get(i, [i])))}
    dropped: set[int] = set()
    while True:
        prose = [i for i in tail if i in in_prose and i not in dropped]
        if not prose or prose[-1] not in doubtful or bag(lines[prose[-1]].text) & story_words:
            break
        dropped.add(prose[-1])
    short_tail = {i for i in tail if prose and i > prose[-1] and not is_closing(lines[i].text)} | dropped
    if plan.mode == "single" and is_bullet(lines[last].text) and inline_headline(lines[last].text):
        # one item, whole in its line: what follows it and shares no word with it is the trailer
        words = bag(lines[last].text)
        while tail and not bag(lines[tail[-1]].text) & words:
            short_tail.add(tail.pop())
        return short_tail
    if plan.starts[-1].inline is not None and all(st.inline is not None for st in plan.starts):
        # a list of items, each whole in its line: what follows the last item (and is not its
        # source line) is the page's trailer
        tail = [i for i in range(last + 1, len(lines)) if lines[i].kind == "text"]
        keep = 0
        while keep < len(tail) and is_closing(lines[tail[keep]].text):
            keep += 1
        if keep < len(tail):
            plan.starts[-1].stop = tail[keep]
        return set(tail[keep:])
    if plan.mode == "single" or not seps_after(lines, last):
        return short_tail
    cut = seps_after(lines, last)[-1]
    if plan.starts[-1].stop is None or plan.starts[-1].stop > cut:
        plan.starts[-1].stop = cut
    return {i for i in range(cut, len(lines)) if lines[i].kind == "text"} | short_tail


def seps_after(lines: tuple[Line, ...], start: int) -> list[int]:
    return [i for i in range(start + 1, len(lines)) if lines[i].reason == "separator"]


REPEAT_MAX_CHARS = 100  # a short line that recurs is page furniture; a long one may be a quote


def repeated_lines(lines: tuple[Line, ...], content: list[int], figures: bool = True) -> set[int]:
    """Short lines that recur in the document (digits folded): a headline or a paragraph is
    written once, furniture ("Share", "Continue reading", "Updated at 10.32") once per story.
    Source lines and URLs recur too but close stories: they are kept; so does a hard-wrapped
    sentence's last line that opens in lower case ("officials said." after "... U.S.").
    ``figures``: lines that differ only in their figures recur too ("Updated at 10.32" under
    every story of a page); not in one article, where they are a table's rows for two periods
    ("Shr 34 cts vs 1.19 dlrs", then "Shr 1.12 dlrs vs 2.05 dlrs" for the year)."""
    keys: dict[str, list[int]] = {}
    for i in content:
        t = lines[i].text.strip()
        if len(t) <= REPEAT_MAX_CHARS and not is_closing(t) and not is_prose(t) and not t[:1].islower():
            key = " ".join(t.lower().split())
            keys.setdefault(re.sub(r"\d+", "0", key) if figures else key, []).append(i)
    return {i for ks in keys.values() if len(ks) >= 2 for i in ks}


def _plan(lines, content: list[int], opts: SegmentOptions, title: str | None = None) -> Plan:
    """``title``: the headline the item came with (a JSONL item's "title", a feed entry's title; only the kinds of
    ``TITLED_KINDS`` pass one): a title-like line at the top of its text is its headline only when
    it repeats that title (``repeats_title``) and is not the first line of a hard-wrapped paragraph."""
    continued = continued_lines(lines, content)
    if opts.structure:
        wrapped = wrapped_lines(lines, content) | continued
        plan = find_items(lines, content, wrapped) or find_headlines(lines, content, wrapped)
        if plan is not None:
            return plan
    head: int | None = None
    content = _after_masthead(lines, content, continued, title)
    body = content
    if (is_title_like(lines[content[0]].text) and len(content) > 1 and content[0] not in continued  # (not a wrapped paragraph's first line)
            and (title is None or (repeats_title(lines[content[0]].text, title) and content[1] not in continued))):
        head, body = content[0], content[1:]
    if opts.cohesion and len(body) >= opts.min_cohesion_units:
        params = cohesion_params(opts)
        starts = split_units([lines[i].text for i in body], params)
        if len(starts) > 1:
            plan = Plan("cohesion", [Start(body[k]) for k in starts])
            if head is not None:
                plan.starts[0] = Start(head, headline=head)
            return plan
    if opts.cohesion and opts.briefs and head is None:
        starts = brief_starts([lines[i].text for i in body])
        if len(starts) > 1:
            return Plan("briefs", [Start(body[k]) for k in starts])
    return Plan("single", [Start(content[0], headline=head)])


# a word, a number, or one CJK character (a Chinese title's words are not spaced)
_TITLE_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_]+")


def repeats_title(line: str, title: str, share: float = 0.6) -> bool:
    """The text's first line is the item's own title written again ("Ad sales boost Time Warner
    profit" above its story; "商品名称：辛亥革命2原卷" under "辛亥革命2原卷"): most of the title's
    words are in the line and most of the line's words in the title, or one holds the other
    whole (a label before it, the outlet's name after it).  A standfirst shares a few
    words with its title and says more ("Former Miami Heat player died in crash in Los Angeles on
    Wednesday" under "Rasual Butler, 13-year NBA veteran, killed in car crash aged 38"): it is the
    story's lead, not its headline."""
    a = _TITLE_TOKEN.findall(line.lower())
    b = _TITLE_TOKEN.findall(title.lower())
    if not a or not b:
        return False
    if " ".join(b) in " ".join(a) or " ".join(a) in " ".join(b):
        return True
    shared = sum((Counter(a) & Counter(b)).values())
    return shared >= share * len(a) and shared >= share * len(b)


def _after_masthead(lines: tuple[Line, ...], content: list[int], continued: frozenset[int],
                    title: str | None = None) -> list[int]:
    """Content from the first headline on, when what comes before it is a short page title or
    note (a masthead) rather than the article's own lead; ``continued``: the content's lines of
    hard-wrapped paragraphs (``continued_lines``), no headline; ``title``: the item's own
    headline (``_plan``): then there is no masthead (a line there that shares words with the text
    was taken for the headline and the lines above it dropped: the first line of a hard-wrapped
    lead, a table's first rows)."""
    runs = _runs(lines, content, continued)
    if not runs:
        return content
    if title is not None:
        return content  # an item's text under its own title: its first line is its headline or its lead
    run, body = runs[0]
    if len(runs) >= 2 and _is_masthead(lines, content, run, body, runs[1][0][0]):
        return [i for i in content if i >= runs[1][0][0]]  # the page's title and its note, then the article
    if run[0] == content[0]:
        # a run of title-like lines at the top: the headline is the line that shares words with
        # the body ("Sign in | Register" above "Quake hits ..." shares none); lines above it go
        words = bag(lines[body].text)
        pick = next((i for i in run if bag(lines[i].text) & words), run[0])
        return [i for i in content if i >= pick]
    first = run[0]
    above = [lines[i].text.strip() for i in content if i < first]
    lead = sum(visible_len(t) for t in above)  # a CJK character carries about a word
    if lead >= MASTHEAD_MAX_CHARS or is_prose(" ".join(above)):
        return content  # a sentence above the first title-like line is the article's lead (hard-wrapped), no masthead
    return [i for i in content if i >= first]


# Kinds that hold one article each (a feed entry, a JSONL item, a page trafilatura extracted):
# only visible digest structure may split them; lexical cohesion alone is no evidence there.
SINGLE_ARTICLE_KINDS = frozenset({"feed-entry", "jsonl", "html", "warc-record"})
# Kinds whose title is a field of the item itself (not a page's <title>): the text's first line
# is its headline only when it repeats that title (``_plan``).  Feed entries too (else a Guardian
# entry's standfirst is taken for its headline); their titles reach the event linker, which reads
# an outlet's rubric ("Cyber Monday deals: ...") as no shared subject (``[events] rubric_share``;
# the judged list of tests/test_events_feeds.py holds).
TITLED_KINDS = frozenset({"feed-entry", "jsonl"})
# A page whose main content ingest found to be one article (``ingest.html.page_text``): one story.
WHOLE_KINDS = frozenset({"html-article"})
# A plain-text file may hold one article or a digest: the document-level decision (``digest``) tells.
DIGEST_CHECK_KINDS = frozenset({"text"})
LEAD_PROSE_CHARS = 200  # this much prose before the first headline: an article with sub-heads
LEAD_KEEP_CHARS = 100  # this much prose above the first story is kept as a story (a greeting line is not)


def check_models(opts: SegmentOptions) -> None:
    """Load the model files ``opts`` names (cached for the run), so a missing or stale file is a
    setting to fix (:class:`~sinodesk.errors.ConfigError`) found before any input is read."""
    if opts.layout:
        load_model(opts.layout_model)
    if opts.digest_check:
        load_digest_model(opts.digest_model)


def segment(cleaned: Cleaned, opts: SegmentOptions = SegmentOptions()) -> tuple[Segment, ...]:
    """Split one cleaned document into stories (offsets into ``cleaned.doc.text``)."""
    head = _headline_only(cleaned)
    if head is not None:
        return (head,)
    if cleaned.doc.kind in WHOLE_KINDS:
        opts = replace(opts, structure=False, cohesion=False, layout=False)
    single = cleaned.doc.kind in SINGLE_ARTICLE_KINDS
    if single and opts.cohesion:
        opts = replace(opts, cohesion=False)
    plan = plan_stories(cleaned, opts)
    segs = build_segments(cleaned, plan, keep_headline_only=opts.keep_headline_only, generate=opts.generate_headlines)
    if single and len(segs) > 1 and not _digest_like(cleaned, segs):
        # sub-heads, captions or FAQ questions inside one article, not a digest's stories
        plan = plan_stories(cleaned, replace(opts, structure=False))
        segs = build_segments(cleaned, plan, keep_headline_only=opts.keep_headline_only, generate=opts.generate_headlines)
    elif len(segs) > 1 and opts.digest_check and cleaned.doc.kind in DIGEST_CHECK_KINDS:
        plan, segs = _unless_one_article(cleaned, plan, segs, opts)
    return _with_lead(cleaned, plan, segs, opts)


def _with_lead(cleaned: Cleaned, plan: Plan, segs: tuple[Segment, ...], opts: SegmentOptions) -> tuple[Segment, ...]:
    """Prose before the first story that no rule kept out (an article's lead above sub-heads
    numbered like a digest's headlines) is never dropped: it becomes a story of its own."""
    if not segs or not plan.starts or plan.mode not in ("items", "headlines"):
        return segs
    skip = plan.excluded | plan.meta | plan.sections | plan.cited | set(plan.orphans)
    first = plan.starts[0].line
    lead = [i for i in range(first) if cleaned.lines[i].kind == "text" and i not in skip]
    if sum(visible_len(cleaned.lines[i].text.strip()) for i in lead if is_prose(cleaned.lines[i].text)) < LEAD_KEEP_CHARS:
        return segs
    plan = replace(plan, starts=[Start(lead[0], stop=first)] + plan.starts)
    return build_segments(cleaned, plan, keep_headline_only=opts.keep_headline_only, generate=opts.generate_headlines)


def _unless_one_article(cleaned: Cleaned, plan: Plan, segs: tuple[Segment, ...], opts: SegmentOptions) -> tuple[Plan, tuple[Segment, ...]]:
    """The stories of a plain-text file, once the document-level decision (``digest``) has
    seen them.  Headlines with no digest layout, in words that keep to one article, are its
    sub-heads: the text may still split where its vocabulary changes.  A change of vocabulary
    doubted as a whole loses the boundaries across which a story's main names carry on (one
    story's background, a table of results); what is left is asked again; else one story."""
    if plan.mode == "briefs":
        return plan, segs  # the briefs rule judged the whole text already (no two briefs share a name)
    model = load_digest_model(opts.digest_model)
    for fallback in (replace(opts, structure=False), replace(opts, structure=False, cohesion=False)):
        if len(segs) < 2 or digest_probability(cleaned, plan, segs, model) >= opts.digest_threshold:
            break
        if plan.mode == "cohesion" and fallback.cohesion:
            carried = continuing(segs)
            if carried and len(carried) < len(segs) - 1:
                fewer = Plan("cohesion", [st for k, st in enumerate(plan.starts) if k not in carried],
                             excluded=plan.excluded, meta=plan.meta)
                kept = build_segments(cleaned, fewer, keep_headline_only=opts.keep_headline_only, generate=opts.generate_headlines)
                if digest_probability(cleaned, fewer, kept, model) >= opts.digest_threshold:
                    return fewer, kept
            continue
        plan = plan_stories(cleaned, fallback)
        segs = build_segments(cleaned, plan, keep_headline_only=opts.keep_headline_only, generate=opts.generate_headlines)
    return plan, segs


def _headline_only(cleaned: Cleaned) -> Segment | None:
    """A headline-only item (a JSONL line with a title and no text; the reader made the title its
    text): one story, the headline with an empty body, its span the headline itself."""
    doc = cleaned.doc
    title = (doc.title or "").strip()
    if doc.kind != "headline" or not title or title not in doc.text:
        return None
    start = doc.text.index(title)
    return Segment(start=start, end=start + len(title), text="", headline=title, headline_span=(start, start + len(title)))


def _dateline_lead(text: str, seg: Segment) -> bool:
    """The story opens with a dateline, its headline cut from it (or none)."""
    opening = text[seg.start : seg.start + 160]
    return bool(DATELINE.match(opening) or DATELINE_ZH.match(opening))


def _digest_like(cleaned: Cleaned, segs: tuple[Segment, ...]) -> bool:
    """Stories of a digest open right at the top and are bullet items or close with sources.  A
    first story that opens with a dateline ("NUEVA YORK (AP) —", "新华社北京3月3日电") has no headline of
    its own: it is the article's lead, and what follows it is the article's list or sub-heads."""
    text = cleaned.doc.text
    first = segs[0].end if _dateline_lead(text, segs[0]) else segs[0].start
    lead = sum(len(ln.text.strip()) for ln in cleaned.lines if ln.kind == "text" and ln.end <= first)
    if lead >= LEAD_PROSE_CHARS:
        return False
    closed = sum(1 for s in segs if s.source_line or s.url)
    inline = sum(1 for s in segs if s.headline_span and text[s.headline_span[1] : s.headline_span[1] + 1] not in ("\n", "\r", ""))
    return 2 * max(closed, inline) >= len(segs)
