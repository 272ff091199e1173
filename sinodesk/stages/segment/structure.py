"""Structure-driven splitting: item lines with inline headlines, and headline lines.

Both finders look only at the lines the clean stage kept as ``text`` and return a
``Plan``: where each story starts, which line is its headline, which section it is in.
``assemble`` turns the plan into ``Segment`` records.

Headline mode works on *runs*: consecutive title-like lines followed by prose.  In a
run, the first line may be a section heading, the headline is the first line that shares
words with the body (a line before it is a cited title or a headline with no teaser),
and lines after it are the story's standfirst.  When the document closes its stories
with source lines or "Read More" links, only a run that follows such a closing starts a
story; other runs are sub-headings inside the current story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...records import Line
from .headline import InlineHeadline, inline_headline, is_bullet, is_prose, is_section_like, is_title_like, MD_HEADING
from .text import is_closing, terms, visible_len

READ_MORE_TAIL = re.compile(r"(?:\s*[—–-]?\s*(?:read more|continue reading|阅读全文)\s*[»›>…]*\s*)$", re.I)
MASTHEAD_MAX_CHARS = 160  # a headed "story" before a digest's first item with less body is its masthead (CJK counted double)
POSITION_PRIOR = 1.5  # shared words a later title-like line needs per place, to be the headline instead


@dataclass(slots=True)
class Start:
    """One story in a plan."""

    line: int  # index (into Cleaned.lines) of the story's first line
    headline: int | None = None  # index of the whole-line headline, if any
    inline: InlineHeadline | None = None  # headline inside the first line
    section: str | None = None
    stop: int | None = None  # index where the story must end (exclusive), if before the next start


@dataclass(slots=True)
class Plan:
    mode: str  # "items" | "headlines" | "cohesion" | "briefs" | "single"
    starts: list[Start]
    cited: set[int] = field(default_factory=set)  # title-like lines that cite an article in a source block
    orphans: list[int] = field(default_factory=list)  # headlines with no teaser
    sections: set[int] = field(default_factory=set)  # section-heading lines
    excluded: set[int] = field(default_factory=set)  # furniture and separator lines the labeller found
    meta: set[int] = field(default_factory=set)  # bylines, source, time and credit lines: never story text


def closes_story(lines: tuple[Line, ...], prev: int | None, upto: int) -> bool:
    """Whether the story before line ``upto`` was closed (source line, URL, Read More or a rule)."""
    if prev is None:
        return False
    if is_closing(lines[prev].text) or READ_MORE_TAIL.search(lines[prev].text):
        return True
    return any(lines[k].kind == "boilerplate" and lines[k].reason in ("read-more", "separator") for k in range(prev + 1, upto))


def find_items(lines: tuple[Line, ...], content: list[int], wrapped: frozenset[int] = frozenset()) -> Plan | None:
    """Items like ``• Headline: body``, ``【标题】正文``, ``**Headline** body``."""
    found: dict[int, InlineHeadline] = {}
    marked = 0
    for i in content:
        ih = inline_headline(lines[i].text)
        if ih is None:
            continue
        found[i] = ih
        t = lines[i].text
        if is_bullet(t) or t[ih.start - 1:ih.start] in ("【", "*", "_", "["):
            marked += 1
    if len(found) < 2:
        return None
    prose = sum(1 for i in content if is_prose(lines[i].text)) if marked < 2 else 0
    if marked < 2 and len(found) < max(3, prose // 2):
        return None
    # Title-like lines followed by prose that is not an item are headlines of ordinary stories.
    # A short title + note opening the document, before the first item, is its masthead.
    first_item = min(found)
    headed = {
        run[-1] for run, body in _runs(lines, content, wrapped)
        if body not in found
        and not _is_masthead(lines, content, run, body, first_item)
    }
    plan = Plan("items", [])
    section: str | None = None
    for i in content:
        if i in found:
            plan.starts.append(Start(i, inline=found[i], section=section))
        elif i in headed:
            plan.starts.append(Start(i, headline=i, section=section))
        elif is_title_like(lines[i].text) and not is_prose(lines[i].text):
            section = MD_HEADING.sub(r"\2", lines[i].text).strip().strip("*_ ") or None
            plan.sections.add(i)
            if plan.starts and plan.starts[-1].stop is None:
                plan.starts[-1].stop = i
    return plan


def _is_masthead(lines: tuple[Line, ...], content: list[int], run: list[int], body: int, first_item: int) -> bool:
    """A lone title opening the document with a one-line short note, then the items."""
    if len(run) != 1 or run[0] != content[0] or body > first_item:
        return False
    k = content.index(body)
    nxt = content[k + 1] if k + 1 < len(content) else None
    return visible_len(lines[body].text.strip()) < MASTHEAD_MAX_CHARS and (nxt is None or is_title_like(lines[nxt].text) or nxt == first_item)


def _overlap(a: str, body: set[str]) -> int:
    return len(set(terms(a)) & body)


def wrapped_lines(lines: tuple[Line, ...], content: list[int]) -> frozenset[int]:
    """Lines of hard-wrapped paragraphs (text extracted from a PDF, fixed-width e-mail): when
    many lines end near one width, a line that reaches it and goes on in the next line, and
    that next line, belong to a paragraph -- neither is a headline, whatever its own shape."""
    lens = sorted(len(lines[i].text.rstrip()) for i in content)
    if len(lens) < 12:
        return frozenset()
    ends = [lines[i].text.rstrip().rstrip("\"'”’」』) ")[-1:] for i in content]
    if sum(e in ".!?。！？" for e in ends) >= SENTENCE_LINES_SHARE * len(content):
        # one sentence a line (a transcript, a text split into sentences): a question or an
        # exclamation is one of its sentences, not a headline
        return frozenset(i for i, e in zip(content, ends) if e in "!?！？")
    width = lens[int(0.9 * (len(lens) - 1))]
    full = {i for i in content if len(lines[i].text.rstrip()) >= WRAP_FULL * width}
    if width > WRAP_MAX_WIDTH or len(full) < WRAP_SHARE * len(content):
        return frozenset()
    out = set()
    for i in full:
        if i + 1 < len(lines) and lines[i + 1].kind == "text":
            out.update((i, i + 1))
    return frozenset(out)


WRAP_FULL, WRAP_MAX_WIDTH, WRAP_SHARE = 0.8, 110, 0.4

_SENTENCE_END = frozenset(".!?:;。！？：；\"'”’」』)")
# a line that ends on an abbreviation ("U.S.", "Inc.", "Mr.") before a line that opens on a lower-case
# word breaks off mid-sentence ("... and several lines have added calls, U.S." / "officials said.")
_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Z]\.){2,4}|\b(?:Inc|Corp|Co|Ltd|Bros|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Jr|Sr|No|vs)\.)$")
_LOWER_WORD = re.compile(r"^\s*[a-z][a-z'-]*\b")


def _abbreviation_break(line: str, nxt: str) -> bool:
    return _ABBREVIATION_END.search(line) is not None and _LOWER_WORD.match(nxt) is not None


_LOWER_OPENING = re.compile(r"^\s*(?:[a-z][a-z'-]*(?=[\s,;.]|$)|\d+(?:[.,]\d+)*(?=\s|$))")  # a lower-case word or a figure ("iPhone", "eBay" may open a body)
# a line that ends on a comma or a word that cannot end a sentence breaks off mid-sentence
_OPEN_ENDING = frozenset("and or but of the a an to in on at for with by from that which who as is are was were be been "
                         "its their his her than into about said".split())


def _title_cased(t: str) -> bool:
    """Most longer words capitalised ("Dutch Oilseeds Imports Rose In 1986", "U.S. FARM LOAN"): a
    headline, even when the body under it opens in lower case."""
    words = [w for w in t.split() if len(w) >= 4 and w[:1].isalpha()]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


# a line that opens on the verb of the line above ("Arizona Silver Corp" / "said it ..."): no body
# under a headline opens so
_VERB_OPENING = re.compile(r"^\s*(?:said|says|reported|announced|told|has|have|had|is|are|was|were|will|would|plans|agreed)\b")


def _breaks_off(t: str) -> bool:
    """``t`` (right-stripped) ends on a comma or on a word no sentence ends on."""
    return t.endswith(",") or t[-8:].rpartition(" ")[2] in _OPEN_ENDING


def paragraph_runs(lines: tuple[Line, ...], content: list[int], wrapped: frozenset[int] = frozenset()) -> dict[int, list[int]]:
    """Each content line's paragraph when the text is hard-wrapped: adjacent lines where the
    first breaks off mid-sentence (no closing punctuation) and the next goes on with it -- the
    next opens with a lower-case word or a figure ("... secondary market for" / "the resale of
    ..."), the first ends on a comma or a word no sentence ends on ("and", "of", "the"), or both
    are lines of a wrapped block (``wrapped_lines``) -- unless the first opens the paragraph in
    title case, reaches no wrap width, ends on no "and" and the next does not go on with its verb
    (a headline over a body that opens in lower case).  A line on its own is its own paragraph.
    Judging such a line alone ("study was released earlier today.", "Proposals for a secondary
    market for") takes a paragraph's last or first line for a short trailer line, a headline or
    furniture."""
    groups: dict[int, list[int]] = {}
    run: list[int] = []
    for i in content:
        if run:
            j = run[-1]
            t = lines[j].text.rstrip()
            linked = False
            if i == j + 1 and (t[-1:] not in _SENTENCE_END or _abbreviation_break(t, lines[i].text)) and not (
                    len(run) == 1 and _title_cased(t) and not _breaks_off(t) and not (j in wrapped and i in wrapped)
                    and not _VERB_OPENING.match(lines[i].text)):
                nxt = lines[i].text
                lower = _LOWER_OPENING.match(nxt) is not None
                linked = (lower or _breaks_off(t) or (j in wrapped and i in wrapped)) and (lower or not is_bullet(nxt))
            if not linked:
                for k in run:
                    groups[k] = run
                run = []
        run.append(i)
    for k in run:
        groups[k] = run
    return groups


def paragraph_text(lines: tuple[Line, ...], group: list[int]) -> str:
    return " ".join(lines[k].text.strip() for k in group)


def continued_lines(lines: tuple[Line, ...], content: list[int]) -> frozenset[int]:
    """Lines of hard-wrapped paragraphs (``paragraph_runs``; short texts too, which
    ``wrapped_lines`` cannot measure a width in): a line broken off mid-sentence is no headline."""
    out: set[int] = set()
    for group in {id(g): g for g in paragraph_runs(lines, content).values()}.values():
        if len(group) > 1:
            out.update(group)
    return frozenset(out)


SENTENCE_LINES_SHARE = 0.7  # this share of lines ending a sentence: a text written one sentence a line


def _runs(lines: tuple[Line, ...], content: list[int], wrapped: frozenset[int] = frozenset()) -> list[tuple[list[int], int]]:
    """Runs of title-like content lines followed by a prose line: (run, index of the prose line)."""
    out = []
    run: list[int] = []
    for i in content:
        t = lines[i].text
        if i not in wrapped and is_title_like(t):
            if run and any(lines[k].kind == "text" for k in range(run[-1] + 1, i)):
                run = []  # a contents list or furniture kept out between them: the page's title is no headline's
            run.append(i)
            continue
        if run and (i in wrapped or is_prose(t) or (is_bullet(t) and len(t) > 40)):
            out.append((run, i))
        run = []
    return out


def find_headlines(lines: tuple[Line, ...], content: list[int], wrapped: frozenset[int] = frozenset()) -> Plan | None:
    """Headline lines followed by paragraphs; None when fewer than two stories are found."""
    pos = {i: k for k, i in enumerate(content)}
    runs = _runs(lines, content, wrapped)
    masthead: list[int] = []
    if len(runs) >= 2 and _is_masthead(lines, content, runs[0][0], runs[0][1], runs[1][0][0]):
        masthead = runs[0][0] + [runs[0][1]]  # the page's title and its note, before the first story
        runs = runs[1:]
    if not runs:
        return None
    closed = []
    for run, _ in runs:
        k = pos[run[0]]
        while k and is_section_like(lines[content[k - 1]].text):  # a section heading between two stories
            k -= 1
        prev = content[k - 1] if k else None
        closed.append(closes_story(lines, prev, run[0]))
    n_closed = sum(closed[1:])
    closure_mode = n_closed >= 2 and n_closed >= 0.5 * (len(runs) - 1)

    plan = Plan("headlines", [])
    plan.sections.update(masthead)
    section: str | None = None
    for r, ((run, body_line), was_closed) in enumerate(zip(runs, closed)):
        if closure_mode and r > 0 and not was_closed:
            continue  # a sub-heading inside the current story
        rest = list(run)
        if len(rest) >= 2 and (is_section_like(lines[rest[0]].text) or _short_before_long(lines, rest)):
            s = rest.pop(0)
            section = MD_HEADING.sub(r"\2", lines[s].text).strip().strip("*_ ")
            plan.sections.add(s)
        if len(rest) > 1:
            k = pos[body_line]
            body_terms: set[str] = set()
            for j in content[k:k + 3]:
                if j != body_line and is_title_like(lines[j].text):
                    break
                body_terms.update(terms(lines[j].text))
            # the first line is the headline unless a later one shares clearly more words with the body
            scores = [_overlap(lines[i].text, body_terms) - POSITION_PRIOR * n for n, i in enumerate(rest)]
            pick = max(range(len(rest)), key=lambda n: (scores[n], -n))
        else:
            pick = 0
        head = rest[pick]
        for i in rest[:pick]:
            if was_closed and is_closing(lines[content[pos[run[0]] - 1]].text):
                plan.cited.add(i)
            else:
                plan.orphans.append(i)
        first = head
        plan.starts.append(Start(first, headline=head, section=section))
    for st in plan.starts:
        if plan.sections or plan.orphans:
            later = [i for i in sorted(plan.sections | set(plan.orphans)) if i > st.line]
            st.stop = later[0] if later else None
    if len(plan.starts) < 2:
        return None
    return plan


def _short_before_long(lines: tuple[Line, ...], run: list[int]) -> bool:
    """A short first line (a section name) before a much longer headline."""
    from .text import word_len

    a, b = word_len(lines[run[0]].text), word_len(lines[run[1]].text)
    return a <= 3 and b >= a + 2
