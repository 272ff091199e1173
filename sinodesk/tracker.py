"""The incident tracker: story mentions merged into incident records, and the read API.

The incidents stage finds mentions per story (``Story.incidents``); after event linking the
runner calls :func:`update_incidents`, which folds each new mention into an existing incident
record or opens a new one.  A threat group of the alias table
(``sinodesk/data/cyber/groups.tsv``) is one attacker (and one claimed actor) under the table's name whatever an outlet
called it ("Fancy Bear", "Sofacy", "Strontium" -> APT28), with the names as written in ``names`` (``actor_names``).
Two mentions are the same incident when they share the event the
linker gave their stories and agree on something concrete, or share two concrete keys (a named
victim, malware family, threat group, CVE or -- for dated stories -- a product with a flaw), or
one key and an incident type, or one named key within three days -- always within ``merge_days``.  Attributions from
different sources are kept side by side (never overwritten): each keeps its claimant, stance and
evidence.  Every value in a record carries ``evidence``: ``{story_id, doc_id, start, end,
text}`` with ``start``/``end`` offsets into that document's text.  Each story mention gets the
``incident_id`` of the record it joined (so a story's exported ``incidents`` name their records).

Library API (for the CLI and a web UI): :func:`list_incidents`, :func:`get_incident`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .archive import Archive
from .records import Story


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    since: str | None = None  # ISO date: last seen on/after
    until: str | None = None  # ISO date: first seen on/before
    actor: str | None = None  # a group alias ("Winnti" finds APT41), attacker or claimed actor, case-insensitive
    technique: str | None = None  # an ATT&CK id; T1498 also finds T1498.002
    type: str | None = None  # ddos, data_breach, espionage, ...
    victim: str | None = None  # words in a victim's name
    limit: int | None = None


# -- merging ------------------------------------------------------------------------------------

def _ev(story: Story, sp: dict) -> dict:
    return {"story_id": story.story_id, "doc_id": story.doc_id, "start": sp["start"], "end": sp["end"], "text": sp["text"]}


def _norm(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name or "").strip().casefold()


_ROLE = re.compile(r"\s+(?:CEO|boss|chief|executive|founder|chairman|president|head|director|owner|website|site|network|systems?|servers?|"
                   r"accounts?|blog|users|customers|staff|employees|countries)\b.*$", re.I)


_VENDOR = re.compile(r"(?:Microsoft|Apple|Google|Adobe|Oracle|Cisco|Windows|Android|iOS|Mac|Linux|Java)(?:['’]s)?")


def victim_key(name: str) -> str | None:
    """A named victim as a merge key: its capitalised words without a trailing role or asset
    ("Mt. Gox CEO", "MtGox boss" and "MtGox" give 'mtgox'); None for an unnamed victim."""
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    if re.search(r"[\u3400-\u9fff]", name):
        return _norm(name)
    caps = " ".join(w for w in name.split() if w[:1].isupper() or w[:1].isdigit())
    core = _ROLE.sub("", caps) or caps
    return re.sub(r"[\W_]+", "", core).casefold() or None


def mention_keys(m: dict) -> set[str]:
    """Concrete keys of a mention: named victims, malware families, groups, CVEs, products with a flaw."""
    keys = {"malware:" + _norm(x.get("family") or x["name"]) for x in m["malware"]}
    keys |= {"group:" + a["group"] for a in m["attackers"] if a.get("group")}
    keys |= {"cve:" + v["cve"] for v in m["vulnerabilities"] if v.get("cve")}
    keys |= {"product:" + _norm(p) for v in m["vulnerabilities"] for p in v.get("products", ()) if not _VENDOR.fullmatch(p)}
    keys |= {"victim:" + k for k in map(victim_key, (v["name"] for v in m["victims"])) if k}
    return keys


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
    except (TypeError, ValueError):
        return None


def _same(rec: dict, m: dict, story: Story, event_id: str | None, merge_days: int) -> bool:
    if any(src["story_id"] == story.story_id for src in rec["sources"]):
        return False
    gap = _days(_dated(story), rec.get("dated_last"))
    if gap is not None and gap > merge_days:
        return False
    shared = set(rec["keys"]) & mention_keys(m)
    if gap is None:  # a product with a flaw names an incident only within days: many flaws share a product
        shared = {k for k in shared if not k.startswith("product:")}
    same_event = event_id is not None and event_id in rec["event_ids"]
    types = set(rec["types"]) & set(m["types"]) - {"other"}
    # the link stage's event is evidence with a key in common, or a type -- but not between a dated and an
    # undated report: the undated one joined the event on wording alone, and a type such as 'vulnerability' says little
    mixed = (_dated(story) is None) != (rec.get("dated_last") is None)
    if same_event and m["role"] == "main" and (shared or (types and not mixed)):
        return True
    close = gap is not None and gap <= 3
    named = any(k.startswith(("victim:", "malware:", "group:", "cve:")) for k in shared)
    return len(shared) >= 2 or (bool(shared) and bool(types)) or (named and close)


def _dated(story: Story) -> str | None:
    """The story's own date (from its text, feed or page), not the day it was ingested."""
    return story.published if story.published_source != "ingested" else None


def _new_id(story: Story, n: int) -> str:
    return "inc-" + hashlib.sha1(f"{story.story_id}:{n}".encode()).hexdigest()[:10]


def new_record(story: Story, m: dict, n: int, event_id: str | None) -> dict:
    rec = {"incident_id": _new_id(story, n), "title": m["title"], "types": [], "first_seen": story.published, "last_seen": story.published,
           "victims": [], "attackers": [], "attributions": [], "techniques": [], "malware": [], "vulnerabilities": [], "numbers": [],
           "dates": [], "evidence": [], "sources": [], "event_ids": [], "keys": [], "dated_last": None}
    merge_into(rec, story, m, event_id)
    return rec


def _add(items: list[dict], key, value: dict, evidence: list[dict]) -> None:
    for it in items:
        if it["_key"] == key:
            it["evidence"] += [e for e in evidence if e not in it["evidence"]]
            return
    items.append({"_key": key, **value, "evidence": evidence})


def group_name(group_id: str | None) -> str | None:
    """The alias table's name of a threat group id ('apt28' -> 'APT28'), None for no group or one the table lacks."""
    if not group_id:
        return None
    from .stages.incidents import default_tables

    g = default_tables().groups.get(group_id)
    return g.name if g is not None else None


def _as_written(items: list[dict], key, field: str, name: str) -> None:
    """Add ``name`` (as an outlet wrote it) to the item's list ``field``, once."""
    it = next(x for x in items if x["_key"] == key)
    names = it.setdefault(field, [])
    if name not in names:
        names.append(name)


def merge_into(rec: dict, story: Story, m: dict, event_id: str | None) -> None:
    """Fold one story mention into an incident record (attributions side by side)."""
    rec["types"] = list(dict.fromkeys(rec["types"] + m["types"]))
    if "other" in rec["types"] and len(rec["types"]) > 1:
        rec["types"].remove("other")
    for d in (story.published,):
        if d:
            rec["first_seen"] = min(filter(None, [rec["first_seen"], d]))
            rec["last_seen"] = max(filter(None, [rec["last_seen"], d]))
    if _dated(story):
        rec["dated_last"] = max(filter(None, [rec.get("dated_last"), _dated(story)]))
    rec["evidence"].append(_ev(story, m["evidence"]))
    for v in m["victims"]:
        _add(rec["victims"], _norm(v["name"]), {k: v[k] for k in ("name", "sector", "country")}, [_ev(story, v["span"])])
    for a in m["attackers"]:
        # a threat group of the alias table is one attacker under its table name, whatever the outlet called it ("Fancy Bear",
        # "Sofacy" -> APT28); the names as written are kept beside it
        gname = group_name(a.get("group"))
        _add(rec["attackers"], a.get("group") or _norm(a["name"]), {k: a[k] for k in ("name", "group", "category", "country")} | {"name": gname or a["name"]},
             [_ev(story, a["span"])])
        if gname:
            _as_written(rec["attackers"], a["group"], "names", a["name"])
    for a in m["attributions"]:
        # one claimant written two ways in two outlets ("Microsoft", "Microsoft Corp.") is one claimant: its table id or entity
        key = (a.get("claimant_id") or a.get("claimant_entity") or _norm(a["claimant"]), a.get("actor_group") or _norm(a["actor"]), a["stance"])
        ev = [_ev(story, a["claimant_span"]), _ev(story, a["actor_span"])]
        gname = group_name(a.get("actor_group"))
        _add(rec["attributions"], key, {k: a.get(k) for k in ("claimant", "claimant_id", "claimant_entity", "claimant_type", "actor", "actor_group", "actor_country", "stance")}
             | {"basis": _ev(story, a["basis"]), "actor": gname or a["actor"]}, ev)
        if gname:
            _as_written(rec["attributions"], key, "actor_names", a["actor"])
    for t in m["techniques"]:
        _add(rec["techniques"], t["id"], {k: t[k] for k in ("id", "name", "tactic", "basis")}, [_ev(story, t["span"])])
    for x in m["malware"]:
        _add(rec["malware"], _norm(x.get("family") or x["name"]), {k: x[k] for k in ("name", "family", "kind")}, [_ev(story, x["span"])])
    for v in m["vulnerabilities"]:
        _add(rec["vulnerabilities"], v.get("cve") or _norm(v["span"]["text"]), {"cve": v.get("cve"), "zero_day": v.get("zero_day"), "product": v.get("product")},
             [_ev(story, v["span"])])
    for x in m["numbers"]:
        _add(rec["numbers"], (x["value"], x["unit"]), {"value": x["value"], "unit": x["unit"]}, [_ev(story, x["span"])])
    for x in m["dates"]:
        _add(rec["dates"], (x["value"], x["kind"]), {"value": x["value"], "kind": x["kind"], "guessed": bool(x.get("guessed"))}, [_ev(story, x["span"])])
    rec["sources"].append({"story_id": story.story_id, "doc_id": story.doc_id, "outlet": story.outlet, "url": story.url,
                           "headline": story.headline, "published": story.published, "event_id": event_id, "role": m["role"]})
    if event_id and event_id not in rec["event_ids"]:
        rec["event_ids"].append(event_id)
    rec["keys"] = sorted(set(rec["keys"]) | mention_keys(m))
    if m["role"] == "main" and all(s["role"] != "main" for s in rec["sources"][:-1]):
        rec["title"] = m["title"]


def update_incidents(archive: Archive, stories: Iterable[Story], *, merge_days: int = 30) -> int:
    """Merge the incident mentions of newly stored stories into the archive's incident records.

    Returns how many records were opened or changed.  Stories are taken in time order; each
    story's event id is read back from the archive (the linker has just set it)."""
    todo = sorted((s for s in stories if s.incidents), key=lambda s: (s.published or "9999", s.story_id))
    if not todo:
        return 0
    earliest = min((s.published for s in todo if s.published), default=None)
    since = (dt.date.fromisoformat(earliest[:10]) - dt.timedelta(days=merge_days)).isoformat() if earliest else None
    records = list(archive.iter_incidents(since=since))
    changed: dict[str, dict] = {}
    ids: dict[str, list[str]] = {}
    for s in todo:
        event_id = archive.get_story(s.story_id).event_id
        for n, m in enumerate(s.incidents):
            rec = next((r for r in records if _same(r, m, s, event_id, merge_days)), None)
            if rec is None:
                rec = new_record(s, m, n, event_id)
                records.append(rec)
            else:
                merge_into(rec, s, m, event_id)
            changed[rec["incident_id"]] = rec
            ids.setdefault(s.story_id, []).append(rec["incident_id"])
    archive.put_incidents(list(changed.values()))
    archive.set_incident_ids(ids)
    return len(changed)


# -- reading ------------------------------------------------------------------------------------

def public(rec: dict) -> dict:
    """A record as users see it (internal merge keys dropped)."""
    out = {k: v for k, v in rec.items() if k not in ("keys", "dated_last")}
    # first_seen/last_seen are ingest days when no source story gives a date of its own
    out["seen_dates"] = "story" if rec.get("dated_last") or not rec.get("first_seen") else "ingested"
    for field in ("victims", "attackers", "attributions", "techniques", "malware", "vulnerabilities", "numbers", "dates"):
        out[field] = [{k: v for k, v in it.items() if k != "_key"} for it in rec.get(field, [])]
    return out


def _actor_match(rec: dict, actor: str, tables) -> bool:
    want = actor.casefold()
    group = tables.group_of(actor) if tables is not None else None
    for a in rec["attackers"] + [{"name": x["actor"], "group": x.get("actor_group")} for x in rec["attributions"]]:
        if group is not None and a.get("group") == group.id:
            return True
        if want in (a.get("name") or "").casefold():
            return True
    return False


def matches(rec: dict, flt: IncidentFilter, tables=None) -> bool:
    if flt.since and rec.get("last_seen") and rec["last_seen"] < flt.since:
        return False
    if flt.until and rec.get("first_seen") and rec["first_seen"] > flt.until:
        return False
    if flt.type and flt.type not in rec["types"]:
        return False
    if flt.technique:
        tid = flt.technique.upper()
        if not any(t["id"] == tid or t["id"].startswith(tid + ".") for t in rec["techniques"]):
            return False
    if flt.victim and not any(flt.victim.casefold() in v["name"].casefold() for v in rec["victims"]):
        return False
    return not flt.actor or _actor_match(rec, flt.actor, tables)


def list_incidents(archive: Archive, flt: IncidentFilter = IncidentFilter()) -> list[dict]:
    """Incident records matching ``flt``, oldest first (each as :func:`public` gives it)."""
    from .stages.incidents import default_tables

    tables = default_tables() if flt.actor else None
    out = []
    for rec in archive.iter_incidents(since=flt.since):
        if matches(rec, flt, tables):
            out.append(public(rec))
            if flt.limit and len(out) >= flt.limit:
                break
    return out


def get_incident(archive: Archive, incident_id: str) -> dict:
    """One incident record with every field's evidence (NotFound names the fix)."""
    return public(archive.get_incident(incident_id))
