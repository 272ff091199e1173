"""One threat actor under several names is one actor: in the tracker's records and listing, and one STIX intrusion-set
with the alias table's aliases (inc21).

Invented stories (none copied from any set), through the real path: ingest into a SQLite archive file, then what the
tracker lists and the STIX export gives.  The stories are months apart, so each is an incident of its own."""

from __future__ import annotations

import json

import pytest

from sinodesk.stages.incidents import default_tables
from sinodesk.tracker import IncidentFilter, list_incidents

STORIES = [
    ("Fancy Bear hackers broke into the mail servers of a German party",
     "Hackers of the Fancy Bear group broke into the mail servers of the Christian Democratic Union and stole thousands of "
     "messages, the party said on Tuesday.", "2026-01-13"),
    ("Sofacy group targets defence ministry with phishing mail",
     "The Sofacy group sent phishing emails to staff at the Danish defence ministry and infected several computers with a "
     "backdoor, researchers at ESET said.", "2026-03-20"),
    ("Microsoft says Strontium hackers attacked election campaigns",
     "Microsoft said the Strontium hacking group attacked the computer networks of more than 200 election campaigns.",
     "2026-06-11"),
    ("Hidden Cobra hackers stole $81m from a central bank",
     "The FBI said hackers known as Hidden Cobra broke into the network of the Bangladesh central bank and stole $81 million.",
     "2026-02-01"),
    ("Lazarus Group hits cryptocurrency exchange",
     "The Lazarus Group hacked the servers of a Seoul cryptocurrency exchange and stole coins worth $40 million, researchers "
     "said.", "2026-08-15"),
    ("OceanLotus hackers target car makers",
     "Hackers from the OceanLotus group broke into the computer networks of two German car makers, a broadcaster reported.",
     "2026-04-10"),
    ("APT32 phishing campaign hits ministry",
     "The APT32 group sent phishing emails to officials at a ministry in Hanoi and planted malware on their computers, a "
     "security firm said.", "2026-10-22"),
    ("海莲花组织攻击我国科研机构",
     "奇安信威胁情报中心称，境外APT组织“海莲花”近日对我国多家科研机构发动网络攻击，窃取了大量数据。", "2026-12-01"),
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    from sinodesk.archive import open_archive
    from sinodesk.pipeline import Runner
    from sinodesk.settings import Settings

    tmp = tmp_path_factory.mktemp("actors")
    src = tmp / "stories.jsonl"
    src.write_text("".join(json.dumps({"url": f"https://news.example/{i}", "title": title, "text": title + "\n\n" + text,
                                       "date": date}, ensure_ascii=False) + "\n"
                           for i, (title, text, date) in enumerate(STORIES)), encoding="utf-8")
    db = str(tmp / "actors.db")
    arch = open_archive(db)
    Runner(arch, Settings(db=db), workers=0).ingest([str(src)])
    return arch


def _by_group(archive) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for inc in list_incidents(archive):
        for gid in {a["group"] for a in inc["attackers"] if a.get("group")}:
            out.setdefault(gid, []).append(inc)
    return out


def test_every_alias_is_one_attacker_under_the_table_name(archive):
    groups = _by_group(archive)
    assert {g: len(v) for g, v in groups.items()} == {"apt28": 3, "lazarus": 2, "oceanlotus": 3}
    names = {g: {a["name"] for inc in v for a in inc["attackers"] if a.get("group") == g} for g, v in groups.items()}
    assert names == {"apt28": {"APT28"}, "lazarus": {"Lazarus Group"}, "oceanlotus": {"APT32 (OceanLotus)"}}
    written = {g: sorted({n for inc in v for a in inc["attackers"] if a.get("group") == g for n in a["names"]}) for g, v in groups.items()}
    assert written == {"apt28": ["Fancy Bear", "Sofacy", "Strontium"], "lazarus": ["Hidden Cobra", "Lazarus Group"],
                       "oceanlotus": ["APT32", "OceanLotus", "海莲花"]}
    # the evidence keeps the words as written
    assert {ev["text"] for inc in groups["apt28"] for a in inc["attackers"] if a.get("group") == "apt28" for ev in a["evidence"]} == \
        {"Fancy Bear", "Sofacy", "Strontium"}


def test_titles_and_the_actor_filter_fold_the_aliases(archive):
    groups = _by_group(archive)
    assert all(" by APT28" in inc["title"] for inc in groups["apt28"])
    assert all(" by Lazarus Group" in inc["title"] for inc in groups["lazarus"])
    want = {inc["incident_id"] for inc in groups["apt28"]}
    for alias in ("Fancy Bear", "sofacy", "STRONTIUM", "Forest Blizzard"):
        assert {i["incident_id"] for i in list_incidents(archive, IncidentFilter(actor=alias))} == want
    assert {i["incident_id"] for i in list_incidents(archive, IncidentFilter(actor="海莲花"))} == {i["incident_id"] for i in groups["oceanlotus"]}


def test_claimed_actors_fold_too(archive):
    claims = [c for inc in list_incidents(archive) for c in inc["attributions"] if c.get("actor_group") == "apt28"]
    assert claims and {c["actor"] for c in claims} == {"APT28"}
    assert {n for c in claims for n in c["actor_names"]} <= {"Fancy Bear", "Sofacy", "Strontium"}


def test_stix_one_intrusion_set_per_group_with_its_aliases(archive):
    import stix2

    from sinodesk.export_incidents import to_stix

    incs = list_incidents(archive)
    parsed = stix2.parse(to_stix(incs).serialize(), allow_custom=True)
    sets = {o.name: o for o in parsed.objects if o.type == "intrusion-set"}
    assert set(sets) == {"APT28", "Lazarus Group", "APT32 (OceanLotus)"}
    t = default_tables()
    for gid, name in (("apt28", "APT28"), ("lazarus", "Lazarus Group"), ("oceanlotus", "APT32 (OceanLotus)")):
        assert sets[name].aliases == list(t.groups[gid].aliases + t.groups[gid].zh)
    assert {"Fancy Bear", "Sofacy", "STRONTIUM"} <= set(sets["APT28"].aliases)
    assert {"Hidden Cobra", "Lazarus"} <= set(sets["Lazarus Group"].aliases)
    assert {"OceanLotus", "APT32", "海莲花"} <= set(sets["APT32 (OceanLotus)"].aliases)
    assert [r.external_id for r in sets["APT28"].external_references] == ["G0007"]
    # every relationship resolves; each incident of APT28 is tied to the one intrusion-set
    ids = {o.id for o in parsed.objects}
    rels = [o for o in parsed.objects if o.type == "relationship"]
    assert rels and all(r.source_ref in ids and r.target_ref in ids for r in rels)
    reports = [o for o in parsed.objects if o.type == "report" and sets["APT28"].id in o.object_refs]
    assert len(reports) == 3
    assert any(r.relationship_type == "attributed-to" and r.target_ref == sets["APT28"].id for r in rels)
    assert not [o for o in parsed.objects if o.type == "threat-actor" and o.name in ("Fancy Bear", "Sofacy", "Strontium", "APT28")]


def test_stix_a_class_of_doers_is_a_threat_actor_of_its_own_incident(archive):
    import stix2

    from sinodesk.export_incidents import to_stix

    incs = list_incidents(archive)
    with_hackers = [i for i in incs if any(a["name"].lower() == "hackers" for a in i["attackers"])]
    assert len(with_hackers) >= 2
    parsed = stix2.parse(to_stix(incs).serialize(), allow_custom=True)
    actors = [o for o in parsed.objects if o.type == "threat-actor" and o.name.lower() == "hackers"]
    assert len(actors) == len(with_hackers)  # "hackers" in two incidents are two actors, not one


def test_the_added_rows_fold_their_aliases_and_element_names_need_a_group_word():
    from sinodesk.stages.incidents import StoryView, find_incidents

    t = default_tables()
    for names, gid in ((("Energetic Bear", "Berserk Bear", "Dragonfly"), "dragonfly"), (("Shuckworm", "Primitive Bear", "Gamaredon"), "gamaredon"),
                       (("APT34", "Helix Kitten", "OilRig"), "oilrig"), (("Seedworm", "Static Kitten"), "muddywater"),
                       (("BlueNoroff", "APT38"), "apt38"), (("Octo Tempest", "UNC3944"), "scattered-spider")):
        assert {t.group_of(n).id for n in names} == {gid}
    assert t.group_of("Lazarus").id != t.group_of("Andariel").id != t.group_of("APT38").id  # kept apart, as ATT&CK does

    def groups(text):
        return [a["group"] for m in find_incidents(StoryView(text, 0, len(text), "en", topics=("cyber",))) for a in m["attackers"] if a["group"]]

    # names that are also words (a browser, a metal, a planet) name no group without a group word beside them
    assert groups("Attackers exploited a flaw in Chromium to take over the browsers of visitors.") == []
    assert groups("Hackers broke into the network of a nickel miner in Western Australia.") == []
    assert groups("The Mercury hacking group broke into the networks of two telecom firms, researchers said.") == ["muddywater"]
