"""Framing comparison of one event across outlet families, and event summaries.

:func:`compare_event` answers, for the stories of one event grouped by owner family:
what headline each family ran, whom it quotes or cites, which numbers it gives (flagging the
same quantity reported with different values), which words set its coverage apart from the
other families' (weighted log-odds ratio with an informative Dirichlet prior, Monroe, Colaresi
& Quinn 2008, "Fightin' Words"), and which entities and quantities others mention that it
leaves out.  The result is a JSON-ready dict; :func:`render_compare` prints it for a terminal.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ...errors import BadInput
from ...records import NumberClaim, Story
from ...stopwords import stop_words
from .features import WORD, stem, stop_set, surface

_CONTEXT = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)
# words around a number that say nothing about what it counts (its subject is the rest)
_CONTEXT_STOP = frozenset({"the", "a", "an", "of", "to", "in", "on", "by", "for", "and", "at", "from", "with",
                           "was", "were", "is", "are", "has", "have", "had", "about", "some", "least", "over",
                           "than", "more", "nearly", "almost", "around", "up", "down", "its", "their", "his",
                           "her", "it", "as", "per", "cent", "percent", "rose", "fell", "grew", "increased",
                           "decreased", "reached", "reaching", "totalled", "totaled", "said", "says", "that"})
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


@functools.cache
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def framing_words(text: str, language: str | None = None, *, surfaces: dict[str, Counter] | None = None) -> list[str]:
    """Words for the log-odds comparison: Chinese as jieba words of two or more characters (not the
    character bigrams the linker uses: '镓出', '口管' frame nothing), other text as stems of the words that
    are neither English stop words nor stop words of the story's ``language`` (a Spanish story's 'para'
    and 'los' frame nothing either).  ``surfaces`` collects stem -> the words it came from, for display."""
    zh_stop = stop_words("zh")
    out = [w for run in _HAN_RUN.findall(text) for w in _jieba().lcut(run) if len(w) >= 2 and w not in zh_stop]
    stop = stop_set(language)
    for m in WORD.finditer(_HAN_RUN.sub(" ", text).lower()):
        w = surface(m.group())
        if len(w) < 2 or w[0].isdigit() or w in stop:
            continue
        st = stem(w)
        out.append(st)
        if surfaces is not None:
            surfaces.setdefault(st, Counter())[w] += 1
    return out


def _entity_labels(stories: Sequence[Story], display: Callable[[str], str] | None) -> dict[str, str]:
    """A readable name for each canonical entity: its commonest Latin-script mention, else the
    gazetteer's display name (so 海关 reads 'General Administration of Customs' beside an English
    report; a pinyin id reads as its romanisation), else its commonest mention."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for s in stories:
        for e in s.entities:
            seen[e.canonical][e.text] += 1
    out = {}
    for canonical, texts in seen.items():
        latin = [t for t, _ in texts.most_common() if not _HAN_RUN.search(t)]
        if latin:
            out[canonical] = latin[0]
        elif display is not None:
            out[canonical] = display(canonical)
        else:
            out[canonical] = texts.most_common(1)[0][0]
    return out


def _outlet_names(outlet: str | None, aliases: Callable[[str], Iterable[str]] | None) -> set[str]:
    """An outlet's name and (from the registry, when given) its aliases, case-folded."""
    if not outlet:
        return set()
    return {outlet.casefold(), *(a.casefold() for a in (aliases(outlet) if aliases else ()))}


def _own_outlet_entities(stories: Sequence[Story], aliases: Callable[[str], Iterable[str]] | None) -> set[str]:
    """Entities that are the event's own outlets ('South China Morning Post', 'SCMP' in its own
    report): a family does not leave out a fact by not naming another family's newspaper."""
    names = set().union(*(_outlet_names(s.outlet, aliases) for s in stories))
    return {e.canonical for s in stories for e in s.entities if e.text.casefold() in names}


def _family(story: Story, family_of: Callable[[str | None], str | None]) -> str:
    return family_of(story.outlet) or story.outlet or "unknown outlet"


def _claim_context(story: Story, claim: NumberClaim) -> tuple[str, str]:
    """What a number counts: (key, label) from the claim's subject, or the content words just before it
    in the story.  The key is the sorted word stems (so 'exports dropped' and 'dropped exports' meet),
    the label the words as written."""
    if claim.subject:
        words = _CONTEXT.findall(claim.subject.lower())
    else:
        pos = story.text.find(claim.text)
        words = _CONTEXT.findall(story.text[max(0, pos - 80): pos].lower()) if pos >= 0 else []
    words = [w for w in words if w not in _CONTEXT_STOP]
    if not claim.subject:
        words = words[-3:]
    return " ".join(sorted(stem(w) for w in words)), " ".join(words)


def _mentions_needed(n_other: int, min_mentions: int) -> int:
    """Stories of other families that must name a thing before its absence is a gap: ``min_mentions``,
    but never more than a quarter of those stories (in a small event one mention is enough)."""
    return max(1, min(min_mentions, math.ceil(0.25 * n_other)))


def _quantity(claim: NumberClaim) -> bool:
    """A claim worth comparing: it has a unit.  Bare numbers are mostly names ("CSI 300"), wire
    update markers ("(2)") or list numbers, not quantities an outlet chose to report."""
    return bool(claim.unit)


def log_odds(counts: dict[str, Counter[str]], *, prior_weight: float = 500.0) -> dict[str, list[tuple[str, float]]]:
    """Weighted log-odds z-scores of each group's words against all other groups (Monroe et al. 2008).

    The informative Dirichlet prior is the pooled word distribution of all groups, scaled to
    ``prior_weight`` pseudo-counts, which shrinks rare words toward zero.
    """
    pooled: Counter[str] = Counter()
    for c in counts.values():
        pooled.update(c)
    total = sum(pooled.values())
    if len(pooled) < 2:  # one word (or none) in the whole event: nothing sets a group apart
        return {g: [] for g in counts}
    a0 = min(prior_weight, float(total))  # never let the prior outweigh a small event's own words
    alpha = {w: a0 * n / total for w, n in pooled.items()}
    out = {}
    for g, c in counts.items():
        n_i = sum(c.values())
        n_j = total - n_i
        scores = []
        for w, a in alpha.items():
            y_i = c.get(w, 0)
            y_j = pooled[w] - y_i
            d = math.log((y_i + a) / (n_i + a0 - y_i - a)) - math.log((y_j + a) / (n_j + a0 - y_j - a))
            z = d / math.sqrt(1.0 / (y_i + a) + 1.0 / (y_j + a))
            scores.append((w, z))
        scores.sort(key=lambda x: x[1], reverse=True)
        out[g] = scores
    return out


@dataclass
class _Quantities:
    """Quantities with a unit, keyed by (unit, subject stems): who gives which, in which language."""

    rows: dict[tuple[str, str], list[dict]] = field(default_factory=lambda: defaultdict(list))
    label: dict[tuple[str, str], str] = field(default_factory=dict)
    by_family: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # stories giving each
    languages: dict[tuple[str, str], set] = field(default_factory=lambda: defaultdict(set))


def _collect_quantities(groups: dict[str, list[Story]]) -> _Quantities:
    q = _Quantities()
    for g, ss in groups.items():
        for s in ss:
            for c in s.numbers:
                if not _quantity(c):
                    continue
                ctx, label = _claim_context(s, c)
                if not ctx:
                    continue
                key = ((c.unit or "").lower(), ctx)
                q.rows[key].append({"family": g, "outlet": s.outlet, "story_id": s.story_id, "value": c.value, "text": c.text})
                q.label.setdefault(key, label)
                q.by_family[g][key] += 1
                q.languages[key].add(s.language)
    return q


def _number_conflicts(q: _Quantities) -> list[dict]:
    """Quantities given with different values (more than 1% apart) by different outlets."""
    conflicts = []
    for key, rows in q.rows.items():
        values = {round(r["value"], 6) for r in rows}
        outlets = {r["outlet"] or r["story_id"] for r in rows}
        if len(values) > 1 and len(outlets) > 1:
            lo, hi = min(values), max(values)
            if hi and (hi - lo) / abs(hi) > 0.01:
                conflicts.append({"unit": key[0] or None, "subject": q.label[key], "values": rows})
    conflicts.sort(key=lambda c: (-len(c["values"]), c["subject"]))
    return conflicts


def _cited_sources(ss: Sequence[Story], outlet_aliases) -> Counter:
    sources: Counter[str] = Counter()
    for s in ss:
        itself = _outlet_names(s.outlet, outlet_aliases)
        for a in s.attributions:
            if a.source.casefold() not in itself:  # an outlet naming itself cites no one
                sources[a.source] += 1
    return sources


def _judged(ss: Sequence[Story]) -> bool:
    """A family whose stories are all headlines (no body) leaves nothing out: there is nothing to judge."""
    return any(s.text.strip() for s in ss)


def _omitted(g: str, groups: dict[str, list[Story]], have: dict[str, Counter], exclude: set,
             need: int, usable=lambda key: True) -> Counter:
    """Things other families name in at least ``need`` stories and family ``g`` never does."""
    missing: Counter = Counter()
    for h in groups:
        if h == g:
            continue
        for x in set(have[h]) - set(have[g]) - exclude:
            if usable(x):
                missing[x] += have[h][x]
    return Counter({x: n for x, n in missing.items() if n >= need})


def _name_parts(canonicals) -> set[str]:
    """Each single word of the people named ('person:li' for 'person:li-qiang'): a family that names
    Li Qiang does not leave out the 'Li' another report cites by surname."""
    return {f"person:{w}" for c in canonicals if c.startswith("person:") for w in c[7:].split("-")} - set(canonicals)


def _same_figure(q: _Quantities, given: set) -> Callable[[tuple[str, str]], bool]:
    """Whether a family gives a quantity's value in its unit somewhere (in other words): "two countries"
    is not missing from a report that says "two countries" about another flight route."""
    return lambda key: any((key[0], round(r["value"], 6)) in given for r in q.rows[key])


def _distinctive(groups: dict[str, list[Story]]) -> dict[str, list[tuple[str, float]]]:
    """Each family's words by weighted log-odds against the others, shown as the commonest word behind each stem."""
    surfaces: dict[str, Counter] = {}
    words = {g: Counter(t for s in ss for t in framing_words(f"{s.headline or ''}\n{s.text}", s.language, surfaces=surfaces))
             for g, ss in groups.items()}
    odds = log_odds(words) if len(groups) > 1 else {g: [] for g in groups}
    show = lambda w: surfaces[w].most_common(1)[0][0] if w in surfaces else w  # noqa: E731
    return {g: [(show(w), z) for w, z in scored] for g, scored in odds.items()}


def compare_event(
    stories: Sequence[Story],
    family_of: Callable[[str | None], str | None],
    *,
    top_words: int = 8,
    min_z: float = 0.3,
    min_mentions: int = 2,
    display: Callable[[str], str] | None = None,
    outlet_aliases: Callable[[str], Iterable[str]] | None = None,
) -> dict:
    """Side-by-side framing of one event's stories, grouped by outlet owner family (JSON-ready).

    Numbers are compared when they carry a unit.  A family "omits" an entity, or "gives no figure
    for" a quantity, that other families name in at least ``min_mentions`` stories, or in a
    quarter of their stories when there are few (one passing mention in a large event is no gap);
    a family of headlines only omits nothing.  Only stories in a language the family writes in count:
    extraction finds different things in each language, and a quantity is matched by its unit and the
    words before it.  ``display``: canonical id -> readable name (the gazetteer's), for entities only
    ever mentioned in Chinese; ``outlet_aliases``: outlet -> its other names (the registry's), so
    that 'SCMP' in the Post's own report is neither a source it cites nor a fact others leave out.
    """
    if not stories:
        raise BadInput("compare: the event has no stories (pick an event id listed by 'sinodesk events')")
    groups: dict[str, list[Story]] = defaultdict(list)
    for s in stories:
        groups[_family(s, family_of)].append(s)
    ev = _EventView(groups=groups, words=_distinctive(groups),
                    ent_stories={g: _entity_story_counts(ss) for g, ss in groups.items()},
                    ent_label=_entity_labels(stories, display), own_outlets=_own_outlet_entities(stories, outlet_aliases),
                    q=_collect_quantities(groups), min_mentions=min_mentions, outlet_aliases=outlet_aliases)
    families = [_family_row(ev, g, top_words=top_words, min_z=min_z) for g in sorted(groups, key=lambda k: (-len(groups[k]), k))]
    dates = sorted(s.published for s in stories if s.published)
    ids = {s.event_id for s in stories}
    return {
        "event_id": ids.pop() if len(ids) == 1 else None,
        "n_stories": len(stories),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "families": families,
        "number_conflicts": _number_conflicts(ev.q),
    }


def _entity_story_counts(ss: Sequence[Story]) -> Counter:
    """Canonical entity -> how many of the stories name it."""
    return Counter(c for s in ss for c in {e.canonical for e in s.entities})


@dataclass(frozen=True)
class _EventView:
    """What :func:`compare_event` works out once per event and each family's row reads."""

    groups: dict[str, list[Story]]
    words: dict[str, list[tuple[str, float]]]
    ent_stories: dict[str, Counter]
    ent_label: dict[str, str]
    own_outlets: set[str]
    q: _Quantities
    min_mentions: int
    outlet_aliases: Callable[[str], Iterable[str]] | None


def _gaps(ev: _EventView, g: str) -> tuple[Counter, Counter]:
    """(entities, quantity keys) other families name and family ``g`` leaves out.  Only what other
    families say in a language g writes in counts: entity extraction finds different things in each
    language, and quantity context words cannot match across languages."""
    ss = ev.groups[g]
    if not _judged(ss):
        return Counter(), Counter()
    languages = {s.language for s in ss}
    peers = {h: [s for s in hs if s.language in languages] for h, hs in ev.groups.items() if h != g}
    need = _mentions_needed(sum(len(hs) for hs in peers.values()), ev.min_mentions)
    same_lang = {h: _entity_story_counts(hs) for h, hs in peers.items()}
    exclude = ev.own_outlets | _name_parts(ev.ent_stories[g])
    omitted = _omitted(g, {g: ss, **peers}, {g: ev.ent_stories[g], **same_lang}, exclude, need)
    given = {((c.unit or "").lower(), round(c.value, 6)) for s in ss for c in s.numbers if _quantity(c)}
    same = _same_figure(ev.q, given)
    missing_q = _omitted(g, ev.groups, ev.q.by_family, set(), need, lambda k: bool(ev.q.languages[k] & languages) and not same(k))
    return omitted, missing_q


def _family_row(ev: _EventView, g: str, *, top_words: int, min_z: float) -> dict:
    """One family's side of the comparison: its stories, headlines, sources, numbers, words and gaps."""
    ss = ev.groups[g]
    omitted, missing_q = _gaps(ev, g)
    return {
        "family": g,
        "outlets": sorted({s.outlet or "unknown" for s in ss}),
        "stories": [{"story_id": s.story_id, "outlet": s.outlet, "headline": s.headline,
                     "published": s.published, "url": s.url} for s in ss],
        "headlines": [s.headline for s in ss if s.headline],
        "sources": [{"source": k, "mentions": v} for k, v in _cited_sources(ss, ev.outlet_aliases).most_common()],
        "numbers": [{"story_id": s.story_id, "text": c.text, "value": c.value, "unit": c.unit,
                     "subject": c.subject} for s in ss for c in s.numbers if _quantity(c)],
        "distinctive_words": [{"word": w, "z": round(z, 2)} for w, z in ev.words[g][:top_words] if z >= min_z],
        "omits_entities": [{"entity": e, "text": ev.ent_label.get(e, e), "mentioned_by": n}
                           for e, n in sorted(omitted.items(), key=lambda kv: (-kv[1], kv[0]))[:10]],
        "omits_quantities": [{"unit": k[0] or None, "subject": ev.q.label[k], "mentioned_by": n}
                             for k, n in sorted(missing_q.items(), key=lambda kv: (-kv[1], ev.q.label[kv[0]]))[:10]],
    }


def render_compare(d: dict) -> str:
    """Plain-text rendering of :func:`compare_event` output for the terminal."""
    lines = [f"Event {d.get('event_id') or '(mixed)'}: {d['n_stories']} stories, "
             f"{len(d['families'])} families, {d.get('first') or '?'} .. {d.get('last') or '?'}"]
    for f in d["families"]:
        lines.append("")
        lines.append(f"== {f['family']}  ({', '.join(f['outlets'])}; {len(f['stories'])} stor{'y' if len(f['stories']) == 1 else 'ies'})")
        for h in f["headlines"][:5]:
            lines.append(f"   headline: {h}")
        if f["sources"]:
            lines.append("   cites:    " + ", ".join(f"{s['source']} ({s['mentions']})" for s in f["sources"][:8]))
        if f["numbers"]:
            lines.append("   numbers:  " + ", ".join(n["text"] for n in f["numbers"][:10]))
        if f["distinctive_words"]:
            lines.append("   words:    " + ", ".join(f"{w['word']} ({w['z']:+.1f})" for w in f["distinctive_words"]))
        if f["omits_entities"]:
            lines.append("   omits:    " + ", ".join(e["text"] for e in f["omits_entities"]))
        if f["omits_quantities"]:
            lines.append("   no figure for: " + ", ".join(q["subject"] + (f" [{q['unit']}]" if q["unit"] else "") for q in f["omits_quantities"][:5]))
    if d["number_conflicts"]:
        lines.append("")
        lines.append("!! Same quantity, different values:")
        for c in d["number_conflicts"]:
            vals = "; ".join(f"{v['family']}: {v['text']}" for v in c["values"])
            lines.append(f"   {c['subject']}{' [' + c['unit'] + ']' if c['unit'] else ''}: {vals}")
    return "\n".join(lines)
