"""Incidents stage: cyber incident mentions in one story, every field with its evidence span.

``find_incidents(view, tables, opts)`` is a pure function of a :class:`StoryView` -- the
document text, the story's span and what the earlier stages found (language, topics, the
extract stage's entities, attributions, numbers and dates).  It returns plain dicts (the
``incidents`` field of a story in the export contract); every ``span`` is
``{"start", "end", "text"}`` with ``doc.text[start:end] == text``.

A story is read when it is classified ``cyber`` or, with ``lexical_gate`` on, when a cyber word
occurs in it (the topic model misses short headlines): a word only cyber news uses, or a cue word
("attack", "virus", "security") in a cyber sense.  The gate is a few substring tests on the
lower-cased story (a pattern runs only when a cue word is there), so other stories cost next to
nothing.  Cross-story merging into incident records is done by the
runner (:mod:`sinodesk.tracker`), like event linking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .actors import a_class, attributions, country_of
from .rules import LEGAL, Hit, Sentence, find_techniques, read_sentence, sector_of, sentences
from .tables import CyberTables, alias_key
from ...options import setting

__all__ = ["IncidentOptions", "StoryView", "CyberTables", "default_tables", "find_incidents", "gate"]


@dataclass(frozen=True, slots=True)
class IncidentOptions:
    enabled: bool = setting(True, "find cyber incidents in stories classified cyber (or passing the lexical gate)")
    lexical_gate: bool = setting(True, "also read stories the topic model did not classify cyber when a cyber word occurs in them")
    background: bool = setting(True, "keep incidents a story mentions only for context (role 'background') as records of their own")
    max_background: int = setting(6, "at most this many background incidents per story")
    max_incidents: int = setting(8, "at most this many incidents reported per story (a roundup gives one record per incident)")
    require_event: bool = setting(False, "opt-in: a record with no specific anchor (named malware, group, victim or doer, a claim, malware at work) needs a sentence where something happened, so attacks spoken of only in general are no incident (more precise, but it loses true incidents: recall fell on both held-out sets)")
    merge_days: int = setting(30, "stories about one incident are merged only when published within this many days of its last report")


@dataclass(frozen=True, slots=True)
class StoryView:
    """What the incidents stage reads of one story (all offsets into ``text``, the document text)."""

    text: str
    start: int
    end: int
    language: str | None = None
    headline: str | None = None
    published: str | None = None
    topics: tuple[str, ...] = ()
    entities: tuple = ()
    attributions: tuple = ()
    numbers: tuple = ()
    dates: tuple = ()


@lru_cache(maxsize=1)
def default_tables() -> CyberTables:
    """The packaged tables, compiled on first use."""
    return CyberTables()


def _zh(view: StoryView) -> bool:
    return (view.language or "").startswith("zh")


def gate(view: StoryView, tables: CyberTables, opts: IncidentOptions = IncidentOptions()) -> str | None:
    """Why the story is read: 'topic', 'lexical', or None (skipped)."""
    if not opts.enabled:
        return None
    if "cyber" in view.topics:
        return "topic"
    if opts.lexical_gate and _cyber_words(view, tables):
        return "lexical"
    return None


def _cyber_words(view: StoryView, tables: CyberTables) -> bool:
    """The lexical gate: a cyber-only word, or a cue word that the gate pattern finds in a cyber sense."""
    words, cues, rx = tables.gate["zh" if _zh(view) else "en"]
    low = view.text[view.start:view.end].lower()
    if any(w in low for w in words):
        return True
    if any(c in low for c in cues):
        if rx.search(view.text, view.start, view.end) is not None:
            return True
        if any(c in low for c in _NAME_CUES) and _names_known(view, tables):
            return True
    # a malware word the pattern did not place ("arrested for writing the Sasser worm", "Microsoft warns
    # of new worm"): read when the story names known malware or speaks of computers anywhere
    if any(w in low for w in _MALWARE_CUES):
        zh = _zh(view)
        return (tables.disease["zh" if zh else "en"][1].search(view.text, view.start, view.end) is not None
                or bool(CyberTables.scan(tables.malware_scan, view.text, view.start, view.end)))
    return False


_MALWARE_CUES = ("virus", "worm", "病毒")
def _names_known(view: StoryView, tables: CyberTables) -> bool:
    """A threat group or malware the tables name, written as a name ("attributed the NotPetya attack to
    ...", "traced the intrusions to Unit 61398"); names that are also ordinary words do not count.  English:
    runs of capitalised words (or words with digits) looked up as alias keys, up to four words; Chinese: the
    name scanners."""
    if _zh(view):
        hits = (*CyberTables.scan(tables.group_scan, view.text, view.start, view.end), *CyberTables.scan(tables.malware_scan, view.text, view.start, view.end))
        return any(alias_key(view.text[a:b]) not in tables.ambiguous for a, b in hits)
    for run in _NAME_RUN.findall(view.text, view.start, view.end):
        words = [_VARIANT_TAIL.sub("", w) for w in run.split()]
        if any(alias_key("".join(words[i:j])) in tables.name_keys for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1)):
            return True
    return False


_NAME_RUN = re.compile(r"(?:\b[A-Z][\w.-]*|\b[a-z]*\d[\w.-]*)(?:\s+(?:[A-Z][\w.-]*|[a-z]*\d[\w.-]*))*")  # words written as names
_VARIANT_TAIL = re.compile(r"(?<=\w)[.-](?:[A-Za-z0-9]{1,2})?$|[.,]$")  # "MyDoom-U", "Sasser.B", a full stop
_NAME_CUES = ("attack", "intru", "breach", "espionage", "spy", "infect", "compromised", "hijack", "攻击", "入侵", "间谍", "窃取")  # the name scan runs only then


def find_incidents(view: StoryView, tables: CyberTables | None = None, opts: IncidentOptions = IncidentOptions()) -> tuple[dict, ...]:
    """Incident mentions of one story (main first, then background), or () when it reports none."""
    t = tables or default_tables()
    why = gate(view, t, opts)
    if why is None:
        return ()
    zh = _zh(view)
    sents: list[Sentence] = []
    mal = CyberTables.scan(t.malware_scan, view.text, view.start, view.end)  # names and trigger words found once per story
    grp = CyberTables.scan(t.group_scan, view.text, view.start, view.end)
    trig = [(m.start(), m.group()) for m in t.trigger["zh" if zh else "en"].finditer(view.text, view.start, view.end)]
    legal = False  # an earlier sentence reported legal action over a cyber deed
    # a word only cyber news uses, anywhere in the story, or an earlier sentence's trigger with a computer in sight: then
    # every trigger word is read in its cyber sense
    cyber_story = zh or t.cyber_only.search(view.text, view.start, view.end) is not None or _security_firm_named(view, t)
    for a, b in sentences(view.text, view.start, view.end):
        names = ([h for h in mal if a <= h[0] and h[1] <= b], [h for h in grp if a <= h[0] and h[1] <= b], [w for p, w in trig if a <= p < b])
        sents.append(read_sentence(view.text, a, b, t, zh, view, after_incident=any(x.relevant for x in sents[-3:]), names=names, legal_story=legal,
                                   cyber_story=cyber_story))
        legal = legal or (sents[-1].trigger and LEGAL.search(sents[-1].text) is not None)
        cyber_story = cyber_story or sents[-1].trigger  # a sentence of computers spoke of the deed: later ones speak of it too
    units = _units(sents, t, zh, opts)
    mains = [ss for role, ss in units if role == "main"]
    if mains:  # what the story's other sentences describe is the doing of the incident spoken of before them (the first, before any)
        used = {id(x) for ss in mains for x in ss}
        bg = t.background["zh" if zh else "en"]
        extra = [s for s in sents if id(s) not in used and not s.relevant and not bg.search(s.text)]
        for s in extra:
            s.techniques = find_techniques(view.text, s.start, s.end, t, zh)
            if s.techniques:
                owner = max((ss for ss in mains if ss[0].start < s.start), key=lambda ss: ss[0].start, default=mains[0])
                owner.append(s)
        for ss in mains:
            ss.sort(key=lambda x: x.start)
    out = []
    for role, ss in units:
        rec = _record(role, ss, view, t, zh, opts.require_event)
        if rec is not None:
            rec["gate"] = why
            out.append(rec)
    return tuple(out)


def _security_firm_named(view: StoryView, t: CyberTables) -> bool:
    """A security firm of the claimant table speaks in the story ("Sophos said the attack ..."): its attacks are cyber ones
    (names that are also words, "Rising", do not count)."""
    for a, b in CyberTables.scan(t.claimant_scan, view.text, view.start, view.end):
        c = t.claimant_of(view.text[a:b])
        if c is not None and c.type == "security_firm" and alias_key(view.text[a:b]) not in t.ambiguous:
            return True
    return False


def _keys(s: Sentence) -> set[str]:
    """What names an incident in a sentence: malware families, groups, CVEs, named victims."""
    keys = {h.value for h in (*s.malware, *s.groups, *s.vulns) if h.value}
    return keys | {"victim:" + alias_key(v.text) for v in s.victims if _NAMED.search(v.text)}


_NAMED = re.compile(r"(?:^|\s)[A-Z0-9]|[\u3400-\u9fff]")
_DOMAIN = re.compile(r"\w\.(?:com|org|net|gov|edu|co\.uk|cn)\b")  # a site named by its address ("georgewbush.com")


def _units(sents: list[Sentence], t: CyberTables, zh: bool, opts: IncidentOptions) -> list[tuple[str, list[Sentence]]]:
    """The story's sentences grouped by incident: main incidents in order, then background ones.

    A story reports one incident unless a sentence names something new *and* opens with a cue of a
    further case ("In June, the X virus ...", "Also ...", "Separately ..."): then a roundup gives one
    record per incident.  A sentence naming what an earlier incident named joins it; a sentence
    naming nothing joins the incident spoken of last (sentences before the first name join the first)."""
    units: list[tuple[set[str], list[Sentence]]] = []
    lead: list[Sentence] = []
    cur: tuple[set[str], list[Sentence]] | None = None
    new_case = t.new_incident["zh" if zh else "en"]
    for s in sents:
        if not s.relevant or s.background:
            continue
        keys = _keys(s) if s.anchored else set()
        if not keys:
            (cur[1] if cur is not None else lead).append(s)
            continue
        unit = next((u for u in units if u[0] & keys), None)
        if unit is None and (cur is None or (cur[0] and new_case.match(s.text) and len(units) < opts.max_incidents)):
            unit = (set(), [])
            units.append(unit)
        unit = unit or cur
        unit[0].update(keys)
        unit[1].append(s)
        cur = unit
    if lead:
        if units:
            units[0][1][:0] = lead
        else:
            units.append((set(), lead))
    out = [("main", ss) for _keys_, ss in units if any(x.anchored for x in ss)]
    if opts.background:
        out += [("background", [s]) for s in sents if s.background and s.anchored][:opts.max_background]
    return out


def span(h: Hit | Sentence) -> dict:
    return {"start": h.start, "end": h.end, "text": h.text}


def _uniq(hits: list[Hit], key=lambda h: h.text.casefold()) -> list[Hit]:
    seen, out = set(), []
    for h in hits:
        k = key(h)
        if k not in seen:
            seen.add(k)
            out.append(h)
    return out


def _words(name: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in re.findall(r"[\u3400-\u9fff]|[A-Za-z0-9]+", name))


def _outer(hits: list[Hit]) -> list[Hit]:
    """Names not inside a longer name of the same list ("NATO" beside "NATO countries")."""
    words = [_words(h.text) for h in hits]

    def inside(a, b):
        return len(a) < len(b) and any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))

    return [h for h, w in zip(hits, words) if not any(inside(w, o) for o in words)]


def _record(role: str, ss: list[Sentence], view: StoryView, t: CyberTables, zh: bool, require_event: bool = False) -> dict | None:
    pick = lambda attr: [h for s in ss for h in getattr(s, attr)]  # noqa: E731
    malware = _uniq(pick("malware"))
    groups = _uniq(pick("groups"), key=lambda h: h.value)
    victims = _outer(_uniq(pick("victims"), key=lambda h: _words(h.text)))  # "cyber criminals" = "cyber-criminals"
    if any(_NAMED.search(v.text) for v in victims):  # a class ("users", "government targets") is the victim only when no one is named
        victims = [v for v in victims if _NAMED.search(v.text)]
    # the people a charge or a lawsuit names ("lawsuits against unidentified defendants") are the doers as reported
    doers = [h for h in pick("accused") if h.extra.get("doer") and not a_class(h.text)]
    attackers = _outer(_uniq(pick("attackers") + doers, key=lambda h: _words(h.text)))
    claims = [{**c, "claimant_entity": _entity_of(view, c["claimant_span"])} for c in attributions(ss, t)]
    # flaws spoken of in general ("patches to fix numerous security holes", "known vulnerabilities") anchor nothing
    flaws = bool(pick("vulns")) and (zh or not all(_flaws_in_general(view.text, v, s) for s in ss for v in s.vulns))
    # a flaw in something that is no computer ("exposed the vulnerability of the grid to single points of failure", "a design
    # flaw in ageing substations") is no cyber flaw: in a story that names no software, system, device or cyber deed it anchors nothing
    flaws = flaws and (zh or _CYBER_THING.search(view.text, view.start, view.end) is not None)
    if not (flaws or malware or groups or victims or attackers or claims or any(s.threat for s in ss)):
        return None
    specific = (malware or groups or claims or any(_NAMED.search(v.text) or _DOMAIN.search(v.text) for v in victims)
                or any(not a_class(a.text) for a in attackers) or any(_malware_at_work(s, t, zh) for s in ss))
    if require_event and not specific and not any(_reports_event(s, t, zh, bool(pick("vulns"))) for s in ss):
        return None  # attacks spoken of in general (a trend, survey, product, law, advice or opinion piece): no incident
    techniques = _uniq(pick("techniques"), key=lambda h: h.value)
    types = _uniq(pick("types"), key=lambda h: h.value)
    if {h.value for h in types} == {"vulnerability"} and not (malware or groups or attackers or claims or any(s.threat for s in ss)):
        # a flaw with no attack has no victim country ("Taiwan" of a story on a utility's flaw): its owner is a product or firm
        victims = [v for v in victims if not _a_country(v.text, t)]
        if not (flaws or victims):
            return None
    techniques += _implied_techniques(types, techniques, t)
    evidence = next((s for s in ss if s.anchored and s.trigger), ss[0])
    rec = {
        "role": role,
        "title": "",
        "types": [h.value for h in types] or ["other"],
        "type_evidence": [{"type": h.value, "span": span(h)} for h in types],
        "evidence": span(evidence),
        "victims": [{"name": v.text, "sector": sector_of(v.text, t), "country": country_of(v.text, t), "span": span(v)} for v in victims],
        "attackers": [{"name": g.text, "group": g.value, "category": "state-affiliated" if g.extra.get("country") else "non-state group",
                       "country": g.extra.get("country"), "span": span(g)} for g in groups]
                     + [{"name": a.text, "group": None, "category": "unknown", "country": a.extra.get("country"), "span": span(a)} for a in attackers],
        "attributions": claims,
        "techniques": [{"id": h.value, "name": h.extra["name"], "tactic": h.extra["tactic"], "basis": h.extra["basis"], "span": span(h)} for h in techniques],
        "malware": [{"name": m.text, "family": m.extra.get("family"), "id": m.value, "kind": m.extra.get("kind"), "span": span(m)} for m in malware],
        "vulnerabilities": [_vulnerability(v, ss, view.text, t) for v in _uniq(pick("vulns"))],
        "numbers": [{"value": n.value, "unit": n.unit, "span": {"start": n.start, "end": n.end, "text": n.text}}
                    for n in view.numbers if any(s.start <= n.start and n.end <= s.end for s in ss)],
        "dates": [{"value": d.iso, "kind": _date_kind(view.text, d.start), "guessed": getattr(d, "guessed", False),
                   "span": {"start": d.start, "end": d.end, "text": d.text}}
                  for d in view.dates if any(s.start <= d.start and d.end <= s.end for s in ss)],
    }
    rec["title"] = _title(rec, view, t)
    return rec


# What a flaw must be found in to be a cyber flaw: a story that names none of these (software, a computer, a system of
# computers, a device, an attack on one) speaks of a flaw of something else -- a power grid, a bridge, an economy.
_CYBER_THING = re.compile(
    r"\b(?:software|computers?|PCs?|laptops?|servers?|browsers?|Windows|operating\s+systems?|apps?|applications?|programs?|programmes?|"
    r"code|firmware|routers?|web\s?sites?|web|internet|online|e-?mails?|databases?|encryption|passwords?|"
    r"security\s+(?:holes?|flaws?|bugs?|vulnerabilit(?:y|ies)|patch\w*|updates?)|hack\w*|cyber\w*|exploit\w*|patch\w*|malware|"
    r"virus\w*|worms?|CVE|zero[\s-]day|attackers|processors?|chips?|devices?|(?:smart)?phones?|handsets?|iOS|Android|Linux|Mac|"
    r"Microsoft|Apple|Google|Oracle|Adobe|Cisco|Java|Intel|plug-?ins?|networks?\s+(?:equipment|software|devices?)|computer\s+networks?|"
    r"(?:IT|control|computer|computeri[sz]ed|management|billing|metering|booking|payment|banking)\s+systems?|"
    r"systems?\s+(?:software|flaw|bug))\b", re.I)


def _a_country(name: str, t: CyberTables) -> bool:
    """A victim that is a country as a whole ("Taiwan", "the US"): the country table's name and nothing more."""
    bare_name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    return any(rx.fullmatch(bare_name) for rx in t.countries.values())


# Flaws in the plural that name nothing: no product or vendor just before them ("IE flaws") or after them ("vulnerabilities
# ... in Windows XP"), no count ("10 vulnerabilities"), no CVE in the sentence -- "numerous security holes in a number of
# applications", "plugging security holes in their networks", "machines compromised via known vulnerabilities".
_PLURAL_FLAWS = re.compile(r"(?:vulnerabilities|holes|flaws|bugs|loopholes)$", re.I)
_NAMED_BEFORE = re.compile(r"(?:\b(?:[A-Z][\w.&-]*|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?)\s+(?:[\w-]+\s+){0,2})$")
_NAMED_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:in|of|affecting|within|for)\s+(?:(?:the|its|their)\s+)?(?:[\w.-]+\s+)?[A-Z0-9]")
_CVE_ANY = re.compile(r"\bCVE\s*-\s*\d{4}", re.I)


def _flaws_in_general(text: str, v: Hit, s: Sentence) -> bool:
    if not _PLURAL_FLAWS.search(v.text) or _CVE_ANY.search(s.text):
        return False
    before = text[max(s.start, v.start - 60):v.start]
    after = text[v.end:min(s.end, v.end + 80)]
    return _NAMED_BEFORE.search(before) is None and _NAMED_AFTER.match(after) is None


# A record typed by a cue that itself names the technique ("a DDoS", "denial of service", "flooded with traffic") carries
# that technique when no phrase row gave one: the type's evidence span is the technique's (the gold codes every DDoS
# incident T1498 from such words).  Only the DoS family: other types ("ransom", "breach", "spying") do not say how.
_IMPLIED = {"ddos": ("T1498", ("T1498", "T1499"))}


def _implied_techniques(types: list[Hit], techniques: list[Hit], t: CyberTables) -> list[Hit]:
    out = []
    for h in types:
        tid, family = _IMPLIED.get(h.value, (None, ()))
        if tid and not any(x.value.split(".")[0] in family for x in techniques + out):
            tech = next(x for x in t.techniques if x.id == tid)
            out.append(Hit(h.start, h.end, h.text, tid, {"name": tech.name, "tactic": tech.tactic, "basis": "described"}))
    return out


def _entity_of(view: StoryView, sp: dict) -> str | None:
    """The canonical id of the extract stage's entity that names the claimant (most overlap), so one claimant written
    two ways ("Microsoft", "Microsoft Corp.") is one entity across stories."""
    best, size = None, 0
    for x in view.entities:
        n = min(x.end, sp["end"]) - max(x.start, sp["start"])
        if n > size and x.label in ("ORG", "PERSON", "GPE", "NORP", "FAC") and getattr(x, "canonical", None):
            best, size = x.canonical, n
    return best


def _clause_before(text: str, pos: int) -> str:
    """The words of the clause before ``pos`` (back to a comma, semicolon, dash or the sentence start; 80 characters at most)."""
    before = text[max(0, pos - 80):pos]
    return re.split(r"[,;:\u2014\uff0c\uff1b]|\s--?\s", before)[-1]


def _in_general(text: str, pos: int, t: CyberTables, zh: bool) -> bool:
    """What is said at ``pos`` is a habit, a hypothetical, a future or a negation: a generic word among the four words
    (Chinese: six characters) before it ("will issue", "can be breached", "to fix", "has never been"), or a habit word in
    its clause ("every time a flaw is announced")."""
    _ev, _dis, generic, habit, _trend, _future, _head = t.event["zh" if zh else "en"]
    clause = _clause_before(text, pos)
    near = clause[-6:] if zh else " ".join(clause.split()[-4:])
    return generic.search(near) is not None or habit.search(clause) is not None


def _reports_event(s: Sentence, t: CyberTables, zh: bool, vuln: bool) -> bool:
    """The sentence says something happened: an attack done or being done (or, for a flaw, that it was reported,
    found or fixed, or the flaw stated as a fact outside a habit or a future), not as a habit, a hypothetical, a future
    or a negation, nor as a count in aggregate."""
    event, disclosed, _generic, _habit, trend, future, headline = t.event["zh" if zh else "en"]
    if trend.search(s.text):
        return False
    if vuln and s.vulns and future.search(s.text) is None:
        return True  # a flaw stated as a fact ("a hole in the mail server lets hackers read ...")
    if any(not _in_general(s.text, m.start(), t, zh) for rx in ((event, disclosed) if vuln else (event,)) for m in rx.finditer(s.text)):
        return True
    return _HEADLINE_LIKE.fullmatch(s.text.strip()) is not None and any(
        not _in_general(s.text, m.start(), t, zh) and (zh or _verb_in_headline(s.text, m)) for m in headline.finditer(s.text))


def _verb_in_headline(line: str, m: re.Match) -> bool:
    """A headline's word is a verb with a subject and an object ("Virus Hits Banks"), not a plural noun ("Big Jump In
    Attacks", "Xbox hacks"): a word before it that is no preposition, article or qualifier, and a word after it."""
    before = line[:m.start()].split()
    return bool(before) and before[-1].lower().strip("'\"‘’“”") not in _NOT_SUBJECT_WORD and re.match(r"\s+[\w'‘“\"]", line[m.end():]) is not None


_NOT_SUBJECT_WORD = frozenset("in of on for the a an by vs vs. and or with new more big against from to over after before about into cyber web "
                              "online internet computer network virus worm denial-of-service ddos dos hacker spam".split())


# a headline: one short line with no full stop ("Hackers Exploit IE Flaw", "黑客攻击索尼网站")
_HEADLINE_LIKE = re.compile(r"[^\n.!?。！？]{3,100}")


def _malware_at_work(s: Sentence, t: CyberTables, zh: bool) -> bool:
    """Unnamed malware does something in the sentence, not denied ("there is almost no spyware that targets the Mac")
    nor counted in aggregate ("spyware attacks rose by 11%")."""
    if not s.threat or t.event["zh" if zh else "en"][4].search(s.text):
        return False
    m = t.threat["zh" if zh else "en"].search(s.text)
    return m is None or _DENIED.search(_clause_before(s.text, m.start()) + " " + m.group()) is None


_DENIED = re.compile(r"\b(?:no|never|not)\b|n['\u2019]t\b|没有|并未|从未")


def _date_kind(text: str, pos: int) -> str:
    before = text[max(0, pos - 12):pos].lower()
    return "start" if "since" in before or "from" in before else "occurred"


def _vulnerability(v: Hit, ss: list[Sentence], text: str, t: CyberTables) -> dict:
    """A flaw with the products its sentence names ("a flaw in Microsoft's JPEG processing")."""
    sent = next((s for s in ss if s.start <= v.start < s.end), None)
    products = [m.group() for m in t.product_names.finditer(text, sent.start, sent.end) if m.group()[:1].isupper()] if sent else []
    return {"cve": v.value or None, "zero_day": v.extra.get("zero_day", False), "product": products[0] if products else None,
            "products": list(dict.fromkeys(products)), "span": span(v)}


_TYPE_LABEL = {"ddos": "DDoS", "data_breach": "Data breach", "espionage": "Espionage", "ransomware": "Ransomware", "disruption": "Disruption",
               "influence_operation": "Influence operation", "vulnerability": "Vulnerability", "other": "Cyber incident"}


def _title(rec: dict, view: StoryView, t: CyberTables) -> str:
    label = _TYPE_LABEL.get(rec["types"][0], "Cyber incident")
    parts = [label]
    if rec["victims"]:
        parts.append(("on " if rec["types"][0] != "vulnerability" else "affecting ") + rec["victims"][0]["name"])
    # a threat group by its table name, whatever the story calls it ("by APT28" for "Fancy Bear" or "Sofacy"): one actor in listings
    actor = next((t.groups[a["group"]].name if a["group"] in t.groups else a["name"] for a in rec["attackers"] if a["group"]), None)
    if actor:
        parts.append("by " + actor)
    title = " ".join(parts)
    if rec["malware"]:
        title += " (" + ", ".join(dict.fromkeys(m["name"] for m in rec["malware"][:3])) + ")"
    if len(parts) == 1 and not rec["malware"] and view.headline:
        title += ": " + view.headline[:80]
    return title
