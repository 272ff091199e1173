"""Why two stories are, or are not, in one event: the signals the linker reads and the rule that decides.

:func:`explain_link` reads both stories as the linker now weighs them (its document frequencies and
outlet beats as the archive holds them; nothing is counted or changed) and answers with what an
analyst needs to trust a link or to doubt it:

* the signals: word similarity and the words that make it, shared canonical entities, shared figures
  with their units (money only in the same currency, a share only as a share, a count only as a count;
  no year, population, phone number or date: see :func:`.features.figure_key`), shared
  names and years, days apart and the time decay, same outlet, languages;
* the checks that cut or zero a score (names that differ, years that differ without dates, the same
  outlet's beat, a template series, another language with too little in common);
* the decision rule for the pair as the linker applies it to a story and a one-story event -- the
  merge score against ``threshold`` for stories with a body, the learned P(same event) against its
  cut for headline-only ones -- with its value and threshold;
* each story against the other's event as it stands now (the same rule), and a copy when one is a
  near-duplicate of the other.

The linker decides online, story by story, against events as they were then (and re-clusters small
neighbourhoods), so two stories can share an event through others while the pair alone falls short:
the answer says so (``via``).  JSON-ready; :func:`render_explain` prints it for a terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import scoring
from .event import Event
from .features import cosine, figure_key, figure_keys, shared_figures

if TYPE_CHECKING:  # pragma: no cover
    from .features import Features
    from .online import EventLinker, LinkItem


def _story(item: "LinkItem", feats: "Features", event_id: str | None) -> dict:
    return {"story_id": item.story_id, "headline": item.headline or None, "event_id": event_id,
            "published": item.published, "outlet": feats.outlet, "language": item.language,
            "headline_only": feats.headline_only}


def _shared_words(fa: "Features", fb: "Features", n: int = 10) -> list[dict]:
    """The terms that make most of the word similarity (their products of weights), heaviest first."""
    small, big = (fa.vector, fb.vector) if len(fa.vector) <= len(fb.vector) else (fb.vector, fa.vector)
    big = dict(big.items())
    parts = [(t, w * big[t]) for t, w in small.items() if t in big]
    parts.sort(key=lambda tw: (-tw[1], tw[0]))
    return [{"term": t, "share": round(p, 4)} for t, p in parts[:n]]


def _figures(item: "LinkItem", other: "Features") -> list[dict]:
    """The story's figures (with units) that the other story gives too (:func:`.features.shared_figures`)."""
    out, seen = [], set()
    for c in item.numbers or ():
        if not hasattr(c, "value"):
            continue
        key = figure_key(c.value, c.unit, c.subject)
        if key is None or key in seen or not shared_figures(figure_keys([key]), other.numbers):
            continue
        seen.add(key)
        out.append({"text": c.text, "value": c.value, "unit": c.unit})
    return out


def _entity_bonus(fa: "Features", fb: "Features", ev_b: Event, gap: int | None, o) -> float:
    """What the shared canonical entities add to the merge score (as :func:`.scoring.story_score` adds
    it): across languages, where no word can match, ``cross_entity_weight`` times their share when
    they are enough; within one language ``entity_weight`` (0 by default: they are terms already)."""
    if not fa.entities or not fb.entities:
        return 0.0
    shared = len(fa.entities & fb.entities)
    share = shared / min(len(fa.entities), len(fb.entities))
    if scoring.other_language(fa.language, ev_b.languages):
        enough = (gap is None or gap <= o.cross_max_days) and (
            shared >= o.cross_entity_min or (shared and gap is not None and gap <= 1))
        return o.cross_entity_weight * share if enough else 0.0
    return o.entity_weight * share


def _one_story_event(feats: "Features", linker: "EventLinker") -> Event:
    ev = Event("pair", 0)
    ev.add(feats, linker.opts.centroid_terms)
    return ev


def _checks(fa: "Features", fb: "Features", ev_b: Event, linker: "EventLinker") -> list[dict]:
    """The rules that zero or cut the merge score of story a against story b, and whether each fired."""
    o = linker.opts
    from .online import _series  # the linker's own test of a template series

    cross = scoring.other_language(fa.language, ev_b.languages)
    shared_ents = len(fa.entities & fb.entities)
    gap = abs(fa.day - fb.day) if fa.day is not None and fb.day is not None else None
    rows = [
        ("other_language", cross and not (
            (gap is None or gap <= o.cross_max_days) and (shared_ents >= o.cross_entity_min or (shared_ents and gap is not None and gap <= 1))),
         "score 0", "stories in different languages need cross_entity_min shared entities (or one within a day), "
                    "within cross_max_days"),
        ("name_conflict", bool(o.name_conflict and fa.names and fb.names and not fa.names & fb.names),
         "score 0", "both name people or places mid-sentence and share none (a series, not this event)"),
        ("same_outlet_headline", bool(o.same_outlet_headline and not scoring.outlet_subject(fa, ev_b, o.same_outlet_person, o.same_outlet_place)),
         "score 0", "one outlet's two stories whose headlines share no subject"),
        ("series", bool(fa.head and o.series_frame and _series(fa, ev_b, o.series_frame)),
         "never one event", "one outlet's headlines fill one template with different names"),
        ("same_outlet_raise", bool(o.same_outlet_raise and fa.outlet and fa.outlet == fb.outlet),
         f"word similarity / {1 + o.same_outlet_raise:g}", "the same outlet's stories share its beat: more words must match"),
        ("year_conflict", bool(o.year_conflict and not fa.short and (fa.day is None or fb.day is None)
                               and scoring.year_conflict(fa, ev_b)),
         f"score x {1 - o.year_conflict:g}", "no dates to tell them apart, and the years they write differ"),
    ]
    return [{"name": n, "fired": bool(f), "effect": e, "why": w} for n, f, e, w in rows]


def _decision(fa: "Features", ev: Event, linker: "EventLinker", *, pair: bool) -> dict:
    """The rule the linker applies to story a and event ``ev``: its value, threshold and outcome."""
    from .online import _dated_pair, _other_figures

    o = linker.opts
    if (o.decision_short if fa.headline_only else o.decision) == "learned":
        model = linker._models()["short" if fa.short else "full"]
        cut = o.merge_prob_short if fa.short else o.merge_prob
        cut = model.threshold if cut is None else cut
        p = linker.probability(fa, ev)
        out = {"rule": "learned P(same event) >= cut", "value": round(p, 4), "threshold": round(cut, 4), "passed": p >= cut,
               **({"event_size": ev.size} if not pair else {})}
        if fa.headline_only:
            extra = []
            if _other_figures(fa, ev):
                extra.append("the headline's figures differ from the event's (a daily series)")
            if not _dated_pair(fa, ev):
                mean = cosine(fa.vector, ev.centroid) / ev.size
                if mean < o.undated_short_min:
                    extra.append(f"undated: mean word similarity {mean:.3f} under undated_short_min {o.undated_short_min:g}")
                elif o.undated_anchor and not scoring.undated_anchor(fa, ev):
                    extra.append("undated: no shared entity or headline figure (undated_anchor)")
            if extra:
                out["passed"] = False
                out["blocked_by"] = extra
        return out
    threshold = o.threshold_short if fa.short else o.threshold
    s = linker.score(fa, ev)
    return {"rule": "merge score >= threshold" if not fa.short else "merge score >= threshold_short",
            "value": round(s, 4), "threshold": threshold, "passed": s >= threshold,
            **({"event_size": ev.size} if not pair else {})}


def _against_event(fa: "Features", event_id: str | None, linker: "EventLinker") -> dict | None:
    """Story a scored against an event as the archive now holds it (None when the event is not kept)."""
    if not event_id:
        return None
    try:
        ev = linker._event(linker.resolve(event_id))
    except KeyError:
        return None
    return _decision(fa, ev, linker, pair=False)


def explain_link(linker: "EventLinker", a: "LinkItem", b: "LinkItem", event_a: str | None, event_b: str | None,
                 *, duplicate_a: str | None = None, duplicate_b: str | None = None) -> dict:
    """Whether stories ``a`` and ``b`` are in one event and why (see the module docstring).

    ``event_a``/``event_b``: each story's event in the archive; ``duplicate_a``/``duplicate_b``: the
    story each is a near-duplicate of, if any.  Reads ``linker`` only (:meth:`.online.EventLinker.read`)."""
    o = linker.opts
    fa, fb = linker.read(a), linker.read(b)
    ev_b = _one_story_event(fb, linker)
    same = bool(event_a) and event_a == event_b
    words = cosine(fa.vector, fb.vector)
    gap = abs(fa.day - fb.day) if fa.day is not None and fb.day is not None else None
    figures = _figures(a, fb)
    n_figures = shared_figures(fa.numbers, fb.numbers) if fa.numbers and fb.numbers else 0
    signals = {
        "word_similarity": round(words, 4),
        "cold_start_factor": round(linker._cold_factor(fa), 4),
        "shared_words": _shared_words(fa, fb),
        "shared_entities": sorted(fa.entities & fb.entities),
        "entities": [len(fa.entities), len(fb.entities)],
        "entity_bonus": round(_entity_bonus(fa, fb, ev_b, gap, o), 4),
        "shared_figures": figures,
        "figure_bonus": round(o.number_weight * min(1.0, n_figures / 2.0), 4) if n_figures else 0.0,
        "shared_names": sorted(fa.names & fb.names),
        "years": {"a": sorted(fa.years), "b": sorted(fb.years), "shared": sorted(fa.years & fb.years)},
        "days_apart": gap,
        "time_decay": round(scoring.decay(gap, o), 4) if gap is not None else None,
        "undated": [s for s, f in (("a", fa), ("b", fb)) if f.day is None],
        "same_outlet": bool(fa.outlet and fa.outlet == fb.outlet),
        "languages": [a.language, b.language],
    }
    pair = _decision(fa, ev_b, linker, pair=True)
    copy = (duplicate_a == b.story_id) or (duplicate_b == a.story_id)
    out = {
        "same_event": same,
        "a": _story(a, fa, event_a),
        "b": _story(b, fb, event_b),
        "signals": signals,
        "checks": _checks(fa, fb, ev_b, linker),
        "pair": pair,
        "a_against_event_of_b": None if same else _against_event(fa, event_b, linker),
        "b_against_event_of_a": None if same else _against_event(linker.read(b), event_a, linker),
        "near_duplicate": copy,
    }
    out["via"] = _via(out)
    out["summary"] = _summary(out)
    return out


class _ReadOnlyRows:
    """The archive as the linker's row store, with its writes left undone: opening a linker tidies
    its saved state (events idle past the window leave the index and are written back), which an
    explanation must not do -- it reads, and the archive may be opened read-only."""

    def __init__(self, archive) -> None:
        self._archive = archive

    def __getattr__(self, name):
        return getattr(self._archive, name)

    def put_rows(self, kind, rows) -> None:
        pass

    def delete_rows(self, kind, keys) -> None:
        pass

    def set_state(self, key, value) -> None:
        pass


def open_linker(archive, opts=None) -> "EventLinker":
    """The linker ``archive`` keeps, opened for reading (its tidying on opening is not written)."""
    from .online import EventLinker

    return EventLinker.open(_ReadOnlyRows(archive), opts)


def explain_stories(archive, story_a: str, story_b: str, opts=None, linker=None) -> dict:
    """:func:`explain_link` for two stories of ``archive`` (ids, or unique prefixes of at least 4
    characters), read with the linker the archive keeps and the event options ``opts`` (default: the
    defaults).  ``sinodesk explain`` and ``/api/explain``; ``linker``: that linker opened already
    (:func:`open_linker`), which the server keeps until the archive changes."""
    from ...errors import BadInput
    from ...pipeline import link_item_for

    a, b = archive.get_story(story_a), archive.get_story(story_b)
    if a.story_id == b.story_id:
        raise BadInput(f"explain: {story_a!r} and {story_b!r} are the same story {a.story_id!r} (give two different story ids)")
    if linker is None:
        linker = open_linker(archive, opts)
    no_family = lambda outlet: None  # noqa: E731 -- the linker does not read owner families
    return explain_link(linker, link_item_for(a, no_family), link_item_for(b, no_family), a.event_id, b.event_id,
                        duplicate_a=a.duplicate_of, duplicate_b=b.duplicate_of)


def _via(d: dict) -> str:
    """How the link came about (or what kept the stories apart), in one word."""
    if d["near_duplicate"]:
        return "copy"
    if d["same_event"]:
        return "pair" if d["pair"]["passed"] else "event"
    if not d["a"]["event_id"] or not d["b"]["event_id"]:
        return "unlinked"
    return "apart"


def _summary(d: dict) -> str:
    p = d["pair"]
    rule = f"{p['rule'].split(' >=')[0]} {p['value']:.3f} {'>=' if p['value'] >= p['threshold'] else '<'} {p['threshold']:g}"
    fired = [c["name"] for c in d["checks"] if c["fired"]]
    tail = f"; checks that fired: {', '.join(fired)}" if fired else ""
    blocked = f"; blocked: {'; '.join(p['blocked_by'])}" if p.get("blocked_by") else ""
    if d["via"] == "copy":
        return f"same event: one story is a near-duplicate of the other (pair {rule}{tail})"
    if d["via"] == "pair":
        return f"same event: the pair alone links ({rule}{tail})"
    if d["via"] == "event":
        return (f"same event, through its other stories: the pair alone would not link ({rule}{tail}{blocked}); each "
                "joined the event, or was re-clustered into it, by its score against the event's stories as they were then")
    if d["via"] == "unlinked":
        return f"not linked: a story has no event (linking was off when it was ingested); the pair: {rule}{tail}"
    sides = [s for s in (d["a_against_event_of_b"], d["b_against_event_of_a"]) if s]
    best = max(sides, key=lambda s: s["value"] - s["threshold"]) if sides else None
    against = (f"; best against the other's event: {best['rule'].split(' >=')[0]} {best['value']:.3f} < {best['threshold']:g}"
               if best and not best["passed"] else "")
    return f"different events: {('the pair alone would link (' + rule + ') but the events it would join were decided apart') if p['passed'] else 'the pair does not link (' + rule + ')'}{tail}{blocked}{against}"


def render_explain(d: dict) -> str:
    """Plain-text rendering of :func:`explain_link` for the terminal."""
    s = d["signals"]
    lines = [d["summary"][:1].upper() + d["summary"][1:], ""]
    for side in ("a", "b"):
        st = d[side]
        lines.append(f" {side}: {st['story_id']}  {st['event_id'] or '(no event)'}  {st['published'] or 'undated'}  "
                     f"{st['outlet'] or ''}  {(st['headline'] or '')[:70]}")
    lines.append("")
    lines.append(f" word similarity   {s['word_similarity']:.3f}" + (f" (deflated / {s['cold_start_factor']:g}: young archive)" if s["cold_start_factor"] != 1 else ""))
    if s["shared_words"]:
        lines.append("   shared words    " + ", ".join(w["term"] for w in s["shared_words"]))
    lines.append(f" shared entities   {', '.join(s['shared_entities']) or 'none'} (of {s['entities'][0]} and {s['entities'][1]})"
                 + (f" (bonus +{s['entity_bonus']:g})" if s["entity_bonus"] else ""))
    if s["languages"][0] and s["languages"][1] and s["languages"][0] != s["languages"][1]:
        lines.append(f" languages         {s['languages'][0]} and {s['languages'][1]}: words cannot match, the entities they share count")
    figs = ", ".join(f"{f['text']}" + (f" [{f['unit']}]" if f["unit"] else "") for f in s["shared_figures"])
    lines.append(f" shared figures    {figs or 'none'}" + (f" (bonus +{s['figure_bonus']:g})" if s["figure_bonus"] else ""))
    if s["shared_names"]:
        lines.append(f" shared names      {', '.join(s['shared_names'])}")
    y = s["years"]
    if y["a"] or y["b"]:
        lines.append(f" years             a {', '.join(y['a']) or '-'}; b {', '.join(y['b']) or '-'}")
    lines.append(" days apart        " + (f"{s['days_apart']} (time decay x{s['time_decay']:g})" if s["days_apart"] is not None
                                         else f"unknown ({' and '.join(s['undated'])} undated: no decay)"))
    p = d["pair"]
    lines.append(f" pair rule         {p['rule']}: {p['value']:.4f} vs {p['threshold']:g} -> {'links' if p['passed'] else 'does not link'}")
    for c in d["checks"]:
        if c["fired"]:
            lines.append(f"   fired: {c['name']} ({c['effect']}): {c['why']}")
    for key, label in (("a_against_event_of_b", "a vs b's event"), ("b_against_event_of_a", "b vs a's event")):
        e = d.get(key)
        if e:
            lines.append(f" {label:<17} {e['rule']}: {e['value']:.4f} vs {e['threshold']:g} (event of {e.get('event_size', '?')} "
                         f"stor{'y' if e.get('event_size') == 1 else 'ies'}) -> {'would join' if e['passed'] else 'stays apart'}")
    return "\n".join(lines)


__all__ = ["explain_link", "explain_stories", "render_explain"]
