"""Export incident records: STIX 2.1 (the ``stix2`` library), CSV with EuRepoC column names, JSONL.

STIX mapping, per incident: an ``incident`` object (its evidence in the description), a
``report`` over everything below, an ``identity`` per victim and per claimant, an
``intrusion-set`` per threat group of the alias table (its aliases and ATT&CK group id) or a
``threat-actor`` for an actor the story names otherwise ("overseas hackers"; one per incident: "hackers" in two incidents
are not one actor), a ``malware`` per
family, an ``attack-pattern`` per technique with its ``mitre-attack`` external reference, and
relationships: actor ``targets`` victim, actor ``uses`` malware/attack-pattern, incident
``attributed-to`` actor (one per claim, ``created_by_ref`` = the claimant, stance and basis in
the description).  Object ids are UUIDv5 of their names, so an export is stable and one group
seen in two incidents is one object: every alias of the table's row ("APT28", "Fancy Bear", "Sofacy", "Strontium") is
one ``intrusion-set`` with the row's aliases.
"""

from __future__ import annotations

import csv
import json
import sys
import uuid
from collections.abc import Iterable

from .archive import Archive
from .tracker import IncidentFilter, list_incidents

_NS = uuid.UUID("6b0f5d53-3c1e-4d1e-9d07-6e2a3b1f5a10")

EUREPOC_COLUMNS = (
    "incident_id", "name", "description", "start_date", "end_date", "incident_type", "receiver_name", "receiver_category",
    "receiver_country", "initiator_name", "initiator_category", "initiator_country", "attributing_actor", "attribution_type",
    "attribution_basis", "attributed_initiator", "attributed_initiator_country", "MITRE_initial_access", "MITRE_impact",
    "MITRE_other", "malware", "zero_days", "sources_url", "source_story_ids",
)


def _sid(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(_NS, kind + ':' + key.casefold())}"


def _evidence_text(items: list[dict]) -> str:
    return "; ".join(f"story {e['story_id']} [{e['start']}:{e['end']}] \"{e['text']}\"" for e in items[:6])


def _describe(inc: dict) -> str:
    lines = [f"Types: {', '.join(inc['types'])}. Evidence: {_evidence_text(inc['evidence'])}"]
    for field in ("victims", "attackers", "techniques", "malware"):
        for it in inc[field]:
            label = it.get("id") or it.get("name")
            lines.append(f"{field[:-1]} {label}: {_evidence_text(it['evidence'])}")
    for a in inc["attributions"]:
        lines.append(f"claim: {a['claimant']} ({a['claimant_type']}) {a['stance']} {a['actor']}: {_evidence_text(a['evidence'])}")
    return "\n".join(lines)


def to_stix(incidents: Iterable[dict]):
    """A ``stix2.Bundle`` of the given incident records (``tracker.list_incidents`` output)."""
    import stix2

    from .stages.incidents import default_tables

    tables = default_tables()
    objs: dict[str, object] = {}

    def put(obj):
        objs.setdefault(obj.id, obj)
        return objs[obj.id]

    rels: list = []
    for inc in incidents:
        refs: list[str] = []
        incident = put(stix2.Incident(id=_sid("incident", inc["incident_id"]), name=inc["title"], description=_describe(inc),
                                      allow_custom=True, x_sinodesk_incident_id=inc["incident_id"], x_sinodesk_types=inc["types"]))
        refs.append(incident.id)
        victims = []
        for v in inc["victims"]:
            victims.append(put(stix2.Identity(id=_sid("identity", "victim:" + v["name"]), name=v["name"], identity_class="organization",
                                              sectors=[v["sector"].lower().replace(" ", "-").replace("/", "").replace("--", "-")] if v.get("sector") else None,
                                              description="Victim named in the news. Evidence: " + _evidence_text(v["evidence"]))))
        actors = {}
        for a in inc["attackers"]:
            actors[a.get("group") or a["name"]] = _actor(stix2, tables, inc["incident_id"], a.get("group"), a["name"], a.get("country"), a["evidence"], put)
        for c in inc["attributions"]:
            key = c.get("actor_group") or c["actor"]
            if key not in actors:
                actors[key] = _actor(stix2, tables, inc["incident_id"], c.get("actor_group"), c["actor"], c.get("actor_country"), c["evidence"], put)
        malware = [put(stix2.Malware(id=_sid("malware", m.get("family") or m["name"]), name=m.get("family") or m["name"], is_family=True,
                                     malware_types=[_MALWARE_TYPES.get(m.get("kind") or "", "unknown")],
                                     description="Evidence: " + _evidence_text(m["evidence"]))) for m in inc["malware"]]
        patterns = [put(stix2.AttackPattern(id=_sid("attack-pattern", t["id"]), name=t["name"], external_references=[
            {"source_name": "mitre-attack", "external_id": t["id"], "url": tables.attack_url(t["id"])}])) for t in inc["techniques"]]
        for actor in actors.values():
            rels += [stix2.Relationship(actor, "targets", v, id=_sid("relationship", f"{actor.id}>targets>{v.id}")) for v in victims]
            rels += [stix2.Relationship(actor, "uses", x, id=_sid("relationship", f"{actor.id}>uses>{x.id}")) for x in malware + patterns]
        for x in malware:
            rels += [stix2.Relationship(x, "targets", v, id=_sid("relationship", f"{x.id}>targets>{v.id}")) for v in victims]
        for c in inc["attributions"]:
            claimant = put(stix2.Identity(id=_sid("identity", "claimant:" + c["claimant"]), name=c["claimant"],
                                          identity_class="individual" if c["claimant_type"] == "expert" else "organization",
                                          description=f"Claimant ({c['claimant_type']})"))
            actor = actors[c.get("actor_group") or c["actor"]]
            rels.append(stix2.Relationship(incident, "attributed-to", actor, created_by_ref=claimant.id,
                                           id=_sid("relationship", f"{inc['incident_id']}>{claimant.id}>{actor.id}>{c['stance']}"),
                                           description=f"{c['claimant']} {c['stance']} that {c['actor']} is responsible. Basis: \"{c['basis']['text']}\" "
                                                       f"(story {c['basis']['story_id']} [{c['basis']['start']}:{c['basis']['end']}])",
                                           confidence={"asserts": 70, "hedges": 30, "denies": 5}[c["stance"]]))
            refs.append(claimant.id)
        refs += [o.id for o in victims + list(actors.values()) + malware + patterns]
        published = (inc.get("first_seen") or "1970-01-01") + "T00:00:00Z"
        ext = [{"source_name": s.get("outlet") or "sinodesk story", "external_id": s["story_id"], **({"url": s["url"]} if s.get("url") else {}),
                "description": s.get("headline") or ""} for s in inc["sources"]]
        put(stix2.Report(id=_sid("report", inc["incident_id"]), name=inc["title"], published=published, report_types=["threat-report"],
                         object_refs=list(dict.fromkeys(refs)), external_references=ext, description=_describe(inc)))
    for r in rels:
        put(r)
    return stix2.Bundle(objects=list(objs.values()), id=_sid("bundle", ",".join(sorted(objs))), allow_custom=True)


_MALWARE_TYPES = {"botnet": "bot", "worm": "worm", "virus": "virus", "trojan": "trojan", "backdoor": "backdoor", "ransomware": "ransomware",
                  "spyware": "spyware", "keylogger": "keylogger", "exploit": "exploit-kit", "tool": "remote-access-trojan"}


def _actor(stix2, tables, incident_id, group_id, name, country, evidence, put):
    """The group's intrusion-set (one for all its aliases, across incidents), else a threat-actor of this incident."""
    g = tables.groups.get(group_id) if group_id else None
    if g is not None:
        refs = [{"source_name": "mitre-attack", "external_id": gid, "url": f"https://attack.mitre.org/groups/{gid}/"} for gid in g.attack_ids]
        return put(stix2.IntrusionSet(id=_sid("intrusion-set", g.id), name=g.name, aliases=list(g.aliases + g.zh) or None,
                                      external_references=refs or None,
                                      description=f"Publicly linked to {g.country or 'an unknown country'}. Evidence: {_evidence_text(evidence)}"))
    return put(stix2.ThreatActor(id=_sid("threat-actor", incident_id + ":" + name), name=name, threat_actor_types=["unknown"],
                                 description=f"Actor as the story names it{(' (country ' + country + ')') if country else ''}. Evidence: {_evidence_text(evidence)}"))


def csv_row(inc: dict) -> dict:
    """One incident as a row of EuRepoC-named columns (several values joined with '; ')."""
    j = lambda xs: "; ".join(dict.fromkeys(str(x) for x in xs if x))  # noqa: E731
    dates = sorted(d["value"] for d in inc["dates"] if d.get("value") and not d.get("guessed"))  # a guessed day is no start date
    by_tactic = lambda want: [t["id"] for t in inc["techniques"] if (t.get("tactic") == want) == True]  # noqa: E712,E731
    return {
        "incident_id": inc["incident_id"], "name": inc["title"], "description": _evidence_text(inc["evidence"]),
        "start_date": dates[0] if dates else inc.get("first_seen") or "", "end_date": dates[-1] if len(dates) > 1 else "",
        "incident_type": j(inc["types"]), "receiver_name": j(v["name"] for v in inc["victims"]),
        "receiver_category": j(v.get("sector") for v in inc["victims"]), "receiver_country": j(v.get("country") for v in inc["victims"]),
        "initiator_name": j(a["name"] for a in inc["attackers"]), "initiator_category": j(a.get("category") for a in inc["attackers"]),
        "initiator_country": j(a.get("country") for a in inc["attackers"]),
        "attributing_actor": j(a["claimant"] for a in inc["attributions"]), "attribution_type": j(a["stance"] for a in inc["attributions"]),
        "attribution_basis": j(a["basis"]["text"] for a in inc["attributions"]),
        "attributed_initiator": j(a["actor"] for a in inc["attributions"]), "attributed_initiator_country": j(a.get("actor_country") for a in inc["attributions"]),
        "MITRE_initial_access": j(by_tactic("initial-access")), "MITRE_impact": j(by_tactic("impact")),
        "MITRE_other": j(t["id"] for t in inc["techniques"] if t.get("tactic") not in ("initial-access", "impact")),
        "malware": j(m.get("family") or m["name"] for m in inc["malware"]),
        "zero_days": "yes" if any(v.get("zero_day") for v in inc["vulnerabilities"]) else "no",
        "sources_url": j(s.get("url") for s in inc["sources"]), "source_story_ids": j(s["story_id"] for s in inc["sources"]),
    }


def write_incidents(archive: Archive, fmt: str, output: str = "-", flt: IncidentFilter = IncidentFilter()) -> int:
    """Write the archive's incidents to ``output`` ('-' = stdout) as stix, csv or jsonl; return how many."""
    incs = list_incidents(archive, flt)
    if fmt not in ("stix", "csv", "jsonl"):
        from .errors import ConfigError

        raise ConfigError(f"--format {fmt!r}: incidents export as stix, csv or jsonl")
    fh = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")
    try:
        if fmt == "stix":
            fh.write(to_stix(incs).serialize(pretty=True) + "\n")
        elif fmt == "jsonl":
            for inc in incs:
                fh.write(json.dumps(inc, ensure_ascii=False) + "\n")
        else:
            w = csv.DictWriter(fh, fieldnames=list(EUREPOC_COLUMNS))
            w.writeheader()
            for inc in incs:
                w.writerow(csv_row(inc))
    finally:
        if fh is not sys.stdout:
            fh.close()
    return len(incs)
