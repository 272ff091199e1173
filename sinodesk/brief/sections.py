"""Briefing sections: rules over topics, entities, outlets, owner families and languages.

A :class:`SectionSet` is read from TOML (the packaged ``sinodesk/data/sections.toml`` or the
user's own file; the format is described at the top of the packaged one).  :func:`assign`
places each event in at most one section: the matching section of highest priority.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from ..records import Story


@dataclass(frozen=True, slots=True)
class SectionRule:
    id: str
    title: str
    topics: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()  # canonical ids (names are resolved when the file is read)
    entity_texts: tuple[str, ...] = ()  # names the gazetteer does not know: matched on the mention, case-folded
    outlets: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    exclude_topics: tuple[str, ...] = ()
    exclude_entities: tuple[str, ...] = ()
    priority: int = 0
    min_share: float = 0.5
    max_items: int | None = None
    fallback: bool = False
    watch: bool = False

    def describe(self) -> str:
        """The rule in words (shown under the section title in HTML and in --json)."""
        parts = []
        for label, values in (("topics", self.topics), ("entities", self.entities + self.entity_texts),
                              ("outlets", self.outlets), ("families", self.families), ("languages", self.languages)):
            if values:
                parts.append(f"{label}: {', '.join(values)}")
        if self.fallback:
            parts.append("everything no other section takes")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class SectionSet:
    name: str
    title: str
    sections: tuple[SectionRule, ...]
    source: str  # the file it was read from

    def get(self, section_id: str) -> SectionRule:
        return next(s for s in self.sections if s.id == section_id)


_LIST_FIELDS = ("topics", "entities", "outlets", "families", "languages", "exclude_topics", "exclude_entities")
_KNOWN = {f.name for f in dataclasses.fields(SectionRule)} - {"entity_texts"}


@cache
def _aliases() -> dict[str, str]:
    """Case-folded gazetteer alias -> canonical id (the curated lists only; no scanner compiled)."""
    from ..stages.extract.gazetteer import read_lists

    out: dict[str, str] = {}
    for canonical, aliases, _where, _display in read_lists(Path(str(resources.files("sinodesk.data") / "gazetteer"))):
        out.setdefault(canonical.casefold(), canonical)
        for a in aliases:
            out.setdefault(a.casefold(), canonical)
    return out


def resolve_entity(name: str) -> str | None:
    """The canonical id for a name or id the gazetteer knows ('India', '印度', 'gpe:india'), else None."""
    return _aliases().get(name.strip().casefold())


def _strings(value, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of names, got {value!r}")
    return tuple(v.strip() for v in value)


def _rule(entry: dict, where: str, topics: Sequence[str], families: Sequence[str]) -> SectionRule:
    unknown = sorted(set(entry) - _KNOWN)
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(unknown)} (known: {', '.join(sorted(_KNOWN))})")
    for key in ("id", "title"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ConfigError(f"{where}: every section needs '{key}' (a non-empty string)")
    kw: dict = {"id": entry["id"].strip(), "title": entry["title"].strip()}
    for key in _LIST_FIELDS:
        if key in entry:
            kw[key] = _strings(entry[key], where, key)
    for key in ("topics", "exclude_topics"):
        bad = [t for t in kw.get(key, ()) if t not in topics]
        if bad:
            raise ConfigError(f"{where}: unknown topic(s) {', '.join(bad)} in '{key}' (known: {', '.join(topics)})")
    bad = [f for f in kw.get("families", ()) if f not in families]
    if bad:
        raise ConfigError(f"{where}: unknown owner famil{'ies' if len(bad) > 1 else 'y'} {', '.join(bad)} "
                          f"(known: {', '.join(families)})")
    ids, texts = [], []
    for name in kw.get("entities", ()):
        canonical = resolve_entity(name)
        (ids if canonical else texts).append(canonical or name.casefold())
    kw["entities"], kw["entity_texts"] = tuple(ids), tuple(texts)
    kw["exclude_entities"] = tuple(resolve_entity(n) or n.casefold() for n in kw.get("exclude_entities", ()))
    for key, kind in (("priority", int), ("max_items", int), ("min_share", (int, float)), ("fallback", bool), ("watch", bool)):
        if key in entry:
            if not isinstance(entry[key], kind) or (kind is int and isinstance(entry[key], bool)):
                raise ConfigError(f"{where}: '{key}' must be {'a number' if key == 'min_share' else kind.__name__}, got {entry[key]!r}")
            kw[key] = entry[key]
    if not 0 < float(kw.get("min_share", 0.5)) <= 1:
        raise ConfigError(f"{where}: 'min_share' must be in (0, 1], got {kw['min_share']!r}")
    if kw.get("max_items") is not None and kw["max_items"] < 1:
        raise ConfigError(f"{where}: 'max_items' must be at least 1, got {kw['max_items']!r}")
    return SectionRule(**kw)


def _vocabularies() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from ..stages.classify.taxonomy import load_taxonomy
    from ..stages.extract.outlets import FAMILIES

    return load_taxonomy().labels, FAMILIES


def load_sections(path: str | Path | None = None, *, watch: Iterable[str] = ()) -> SectionSet:
    """Read a section set (the packaged default when ``path`` is None).

    ``watch``: entity names; the section(s) marked ``watch = true`` are replaced by one
    "<Name> Watch" section per name (e.g. ``watch=["Taiwan"]`` gives "Taiwan Watch").
    """
    if path is None:
        raw = resources.files("sinodesk.data").joinpath("sections.toml").read_text(encoding="utf-8")
        where = "sinodesk/data/sections.toml"
    else:
        where = str(path)
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"{where}: cannot read the sections file ({exc.strerror}); give an existing TOML file") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML ({exc}); fix the file") from None
    extra = sorted(set(data) - {"name", "title", "section"})
    if extra:
        raise ConfigError(f"{where}: unknown top-level key(s) {', '.join(extra)} (known: name, title, [[section]])")
    entries = data.get("section")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{where}: no [[section]] tables (define at least one section)")
    topics, families = _vocabularies()
    rules = [_rule(e, f"{where} section {i}" + (f" ({e.get('id')})" if isinstance(e, dict) and e.get("id") else ""), topics, families)
             for i, e in enumerate(entries, 1)]
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise ConfigError(f"{where}: section id {r.id!r} is used twice (give each section its own id)")
        seen.add(r.id)
    watch = [w for w in watch if w.strip()]
    if watch:
        rules = _with_watch(rules, watch, where)
    name = str(data.get("name") or Path(where).stem)
    return SectionSet(name=name + "".join(f"+{w.casefold()}" for w in watch), title=str(data.get("title") or "Briefing"),
                      sections=tuple(rules), source=where)


def _with_watch(rules: list[SectionRule], names: list[str], where: str) -> list[SectionRule]:
    from ..stages.extract.gazetteer import display_name, display_names

    template = next((r for r in rules if r.watch), None)
    if template is None:
        raise ConfigError(f"{where}: --watch needs a section marked 'watch = true' to replace (add one)")
    new = []
    for n in names:
        canonical = resolve_entity(n)
        title = display_name(display_names(), canonical) if canonical else n.strip()
        new.append(dataclasses.replace(template, id=f"watch-{(canonical or n).split(':')[-1].casefold()}",
                                       title=f"{title} Watch", entities=(canonical,) if canonical else (),
                                       entity_texts=() if canonical else (n.strip().casefold(),)))
    i = rules.index(template)
    return [r for r in rules[:i] if not r.watch] + new + [r for r in rules[i + 1:] if not r.watch]


# matching ---------------------------------------------------------------------------------------

def story_matches(rule: SectionRule, story: Story, family: str) -> bool:
    """Whether one story satisfies every criterion ``rule`` gives (``family``: the story's owner family)."""
    if rule.languages and story.language not in rule.languages:
        return False
    if rule.exclude_topics and set(story.topics) & set(rule.exclude_topics):
        return False
    if rule.exclude_entities and any(e.canonical in rule.exclude_entities or e.text.casefold() in rule.exclude_entities
                                     for e in story.entities):
        return False
    if rule.topics and not set(story.topics) & set(rule.topics):
        return False
    if (rule.entities or rule.entity_texts) and not any(
            e.canonical in rule.entities or e.text.casefold() in rule.entity_texts for e in story.entities):
        return False
    if rule.families and family not in rule.families:
        return False
    if rule.outlets and not _outlet_in(story.outlet, rule.outlets):
        return False
    return True


def _outlet_in(outlet: str | None, wanted: tuple[str, ...]) -> bool:
    if not outlet:
        return False
    from ..stages.extract.outlets import name_key

    key = name_key(outlet)
    return any(name_key(w) == key for w in wanted)


def expand_outlets(rules: SectionSet, names_of: Callable[[str], Iterable[str]]) -> SectionSet:
    """Each rule's outlets with every name the registry knows for them (so 'SCMP' or the registry id
    'scmp' matches a story from 'South China Morning Post')."""
    out = []
    for r in rules.sections:
        if r.outlets:
            r = dataclasses.replace(r, outlets=tuple(sorted({n for o in r.outlets for n in (o, *names_of(o))})))
        out.append(r)
    return dataclasses.replace(rules, sections=tuple(out))


def _strength(rule: SectionRule, stories: Sequence[Story]) -> float:
    """How strongly matching stories carry the rule's topics (mean of the best topic score)."""
    if not rule.topics or not stories:
        return 1.0
    return sum(max(s.topic_scores.get(t, 0.0) for t in rule.topics) for s in stories) / len(stories)


def assign(events: Sequence, rules: SectionSet, family_of: Callable[[Story], str]) -> dict[str, list]:
    """section id -> the events placed there (each event at most once).

    ``events`` are objects with a ``stories`` list.  An event matches a section when at least the
    section's ``min_share`` of its stories in the section's languages match its rule; it goes to the
    matching section with the highest priority, then the largest share, then the earliest in the file.
    Fallback sections take the events nothing else took (in their languages).
    """
    placed: dict[str, list] = {r.id: [] for r in rules.sections}
    order = {r.id: i for i, r in enumerate(rules.sections)}
    regular = [r for r in rules.sections if not r.fallback]
    fallbacks = [r for r in rules.sections if r.fallback]
    for ev in events:
        best = None
        for r in regular:
            pool = [s for s in ev.stories if not r.languages or s.language in r.languages]
            if not pool:
                continue
            hits = [s for s in pool if story_matches(r, s, family_of(s))]
            share = len(hits) / len(pool)
            if share >= r.min_share:
                key = (r.priority, share, _strength(r, hits), -order[r.id])
                if best is None or key > best[0]:
                    best = (key, r)
        if best is None:
            for r in fallbacks:
                if any((not r.languages or s.language in r.languages) and story_matches(r, s, family_of(s)) for s in ev.stories):
                    best = (None, r)
                    break
        if best is not None:
            placed[best[1].id].append(ev)
    return placed
