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

from ...errors import BadInput
from ...records import NumberClaim, Story
from .features import fold, tokens

_CONTEXT = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)
_CONTEXT_STOP = frozenset({"the", "a", "an", "of", "to", "in", "on", "by", "for", "and", "at", "from", "with",
                           "was", "were", "is", "are", "has", "have", "had", "about", "some", "least", "over",
                           "than", "more", "nearly", "almost", "around", "up", "down", "its", "their", "his",
                           "her", "it", "as", "per", "cent", "percent", "rose", "fell", "grew", "increased",
                           "decreased", "reached", "reaching", "totalled", "totaled", "said", "says", "that"})


_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# two-character Chinese words that frame nothing (verbs of saying, time and degree words)
_ZH_STOP = frozenset("表示 认为 指出 称为 今后 已经 可以 一个 我们 他们 这个 这些 那些 没有 进行 目前 以及 因为 所以 但是 "
                     "如果 由于 对于 关于 其中 之后 之前 同时 此外 今年 去年 记者 报道 消息 数据 显示 必须 需要 可能 "
                     "每一 一批 一月 二月 三月".split())


@functools.cache
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def framing_words(text: str) -> list[str]:
    """Words for the log-odds comparison: Chinese as jieba words of two or more characters (not the
    character bigrams the linker uses: '镓出', '口管' frame nothing), other text as :func:`tokens`."""
    zh = [w for run in _HAN_RUN.findall(text) for w in _jieba().lcut(run) if len(w) >= 2 and w not in _ZH_STOP]
    return zh + tokens(_HAN_RUN.sub(" ", text))


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


def _claim_context(story: Story, claim: NumberClaim) -> str:
    """The claim's subject, or the content words just before it in the story text."""
    if claim.subject:
        words = [fold(w) for w in _CONTEXT.findall(claim.subject.lower())]
        return " ".join(sorted(w for w in words if w not in _CONTEXT_STOP))
    pos = story.text.find(claim.text)
    if pos < 0:
        return ""
    before = [fold(w) for w in _CONTEXT.findall(story.text[max(0, pos - 80) : pos].lower())]
    words = [w for w in before if w not in _CONTEXT_STOP][-3:]
    return " ".join(sorted(words))


def _mentions_needed(n_other: int, min_mentions: int) -> int:
    """Stories of other families that must name a thing before its absence is a gap: ``min_mentions``,
    but never more than a quarter of those stories (in a small event one mention is enough)."""
    return max(1, min(min_mentions, math.ceil(0.25 * n_other)))


def _quantity(claim: NumberClaim) -> bool:
    """A claim worth comparing: it has a unit.  Bare numbers are mostly names ("CSI 300"), wire
    update markers ("(2)") or list numbers, not quantities an outlet chose to report."""
    return bool(claim.unit)


def _quantity_key(story: Story, claim: NumberClaim) -> tuple[str, str] | None:
    if not _quantity(claim):
        return None
    ctx = _claim_context(story, claim)
    if not ctx:
        return None
    return ((claim.unit or "").lower(), ctx)


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
    quarter of their stories when there are few (one passing mention in a large event is no gap).
    A quantity is matched by its unit and the words before it, so a family is only said to give no
    figure for quantities reported in a language its own stories use.  ``display``: canonical id ->
    readable name (the gazetteer's), for entities only ever mentioned in Chinese;
    ``outlet_aliases``: outlet -> its other names (the registry's), so that 'SCMP' in the Post's
    own report is neither a source it cites nor a fact others leave out.
    """
    if not stories:
        raise BadInput("compare: the event has no stories (pick an event id listed by 'sinodesk events')")
    groups: dict[str, list[Story]] = defaultdict(list)
    for s in stories:
        groups[_family(s, family_of)].append(s)

    words = {g: Counter(t for s in ss for t in framing_words(f"{s.headline or ''}\n{s.text}")) for g, ss in groups.items()}
    odds = log_odds(words) if len(groups) > 1 else {g: [] for g in groups}

    ent_stories = {g: Counter(c for s in ss for c in {e.canonical for e in s.entities}) for g, ss in groups.items()}
    ents = {g: set(c) for g, c in ent_stories.items()}
    ent_label = _entity_labels(stories, display)
    own_outlets = _own_outlet_entities(stories, outlet_aliases)
    languages = {g: {s.language for s in ss} for g, ss in groups.items()}
    quantity_language: dict[tuple[str, str], set] = defaultdict(set)

    quantities: dict[tuple[str, str], list[dict]] = defaultdict(list)
    fam_quant: dict[str, set] = defaultdict(set)
    fam_quant_stories: dict[str, Counter] = defaultdict(Counter)  # stories of each family giving each quantity
    for g, ss in groups.items():
        for s in ss:
            for c in s.numbers:
                key = _quantity_key(s, c)
                if key is None:
                    continue
                quantities[key].append({"family": g, "outlet": s.outlet, "story_id": s.story_id,
                                        "value": c.value, "text": c.text})
                fam_quant[g].add(key)
                quantity_language[key].add(s.language)
                fam_quant_stories[g][key] += 1
    conflicts = []
    for (unit, ctx), rows in quantities.items():
        values = {round(r["value"], 6) for r in rows}
        outlets = {r["outlet"] or r["story_id"] for r in rows}
        if len(values) > 1 and len(outlets) > 1:
            lo, hi = min(values), max(values)
            if hi and (hi - lo) / abs(hi) > 0.01:
                conflicts.append({"unit": unit or None, "subject": ctx, "values": rows})
    conflicts.sort(key=lambda c: (-len(c["values"]), c["subject"]))

    families = []
    for g in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        ss = groups[g]
        sources: Counter[str] = Counter()
        for s in ss:
            itself = _outlet_names(s.outlet, outlet_aliases)
            for a in s.attributions:
                if a.source.casefold() not in itself:  # an outlet naming itself cites no one
                    sources[a.source] += 1
        others = [h for h in groups if h != g]
        omitted = Counter()  # entities other families name in at least min_mentions stories
        for h in others:
            for e in ents[h] - ents[g] - own_outlets:
                omitted[e] += ent_stories[h][e]
        need = _mentions_needed(sum(len(groups[h]) for h in others), min_mentions)
        omitted = Counter({e: n for e, n in omitted.items() if n >= need})
        missing_q = Counter()  # quantities other families give in at least min_mentions stories
        for h in others:
            for q in fam_quant[h] - fam_quant[g]:
                if quantity_language[q] & languages[g]:  # context words cannot match across languages
                    missing_q[q] += fam_quant_stories[h][q]
        missing_q = Counter({q: n for q, n in missing_q.items() if n >= need})
        families.append({
            "family": g,
            "outlets": sorted({s.outlet or "unknown" for s in ss}),
            "stories": [{"story_id": s.story_id, "outlet": s.outlet, "headline": s.headline,
                         "published": s.published, "url": s.url} for s in ss],
            "headlines": [s.headline for s in ss if s.headline],
            "sources": [{"source": k, "mentions": v} for k, v in sources.most_common()],
            "numbers": [{"story_id": s.story_id, "text": c.text, "value": c.value, "unit": c.unit,
                         "subject": c.subject} for s in ss for c in s.numbers if _quantity(c)],
            "distinctive_words": [{"word": w, "z": round(z, 2)} for w, z in odds[g][:top_words] if z >= min_z],
            "omits_entities": [{"entity": e, "text": ent_label.get(e, e), "mentioned_by": n}
                               for e, n in sorted(omitted.items(), key=lambda kv: (-kv[1], kv[0]))[:10]],
            "omits_quantities": [{"unit": u or None, "subject": c, "mentioned_by": n}
                                 for (u, c), n in sorted(missing_q.items(), key=lambda kv: (-kv[1], kv[0]))[:10]],
        })
    dates = sorted(s.published for s in stories if s.published)
    ids = {s.event_id for s in stories}
    return {
        "event_id": ids.pop() if len(ids) == 1 else None,
        "n_stories": len(stories),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "families": families,
        "number_conflicts": conflicts,
    }


def render_compare(d: dict) -> str:
    """Plain-text rendering of :func:`compare_event` output for the terminal."""
    lines = [f"Event {d.get('event_id') or '(mixed)'}: {d['n_stories']} stories, "
             f"{len(d['families'])} families, {d.get('first') or '?'} .. {d.get('last') or '?'}"]
    for f in d["families"]:
        lines.append("")
        lines.append(f"== {f['family']}  ({', '.join(f['outlets'])}; {len(f['stories'])} stories)")
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


def _representative(ss: Sequence[Story]) -> str | None:
    """The headline sharing the most words with the event's other headlines and texts."""
    heads = [s for s in ss if s.headline]
    if not heads:
        return None
    pool = Counter(t for s in ss for t in set(tokens(f"{s.headline or ''} {s.text[:600]}")))
    return max(heads, key=lambda s: (sum(pool[t] for t in set(tokens(s.headline))), -len(s.headline)) ).headline


def summarise_events(
    stories: Sequence[Story],
    family_of: Callable[[str | None], str | None] | None = None,
) -> list[dict]:
    """One row per event: size, outlets, families spread, first/last date, a representative headline.

    Sorted by families spread, then size (largest first).  Stories without an event id are skipped.
    """
    by: dict[str, list[Story]] = defaultdict(list)
    for s in stories:
        if s.event_id:
            by[s.event_id].append(s)
    rows = []
    for eid, ss in by.items():
        fams = sorted({(family_of(s.outlet) if family_of else None) or s.outlet or "unknown outlet" for s in ss})
        dates = sorted(s.published for s in ss if s.published)
        rows.append({
            "event_id": eid,
            "size": len(ss),
            "duplicates": sum(1 for s in ss if s.duplicate_of),
            "outlets": sorted({s.outlet for s in ss if s.outlet}),
            "families": fams,
            "n_families": len(fams),
            "first": dates[0] if dates else None,
            "last": dates[-1] if dates else None,
            "headline": _representative(ss),
        })
    rows.sort(key=lambda r: (-r["n_families"], -r["size"], r["first"] or "", r["event_id"]))
    return rows
