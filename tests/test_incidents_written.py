"""The technique table family by family, on sentences written for sinodesk (tests/data/incidents/
written_techniques.tsv): each sentence's ATT&CK ids exactly, whole stories where the row asks, and
negatives that use the same words in another sense (legal 'denial of service', 'phishing for
compliments', 'virus' meaning a disease, the Diaoyu islands)."""

from __future__ import annotations

from collections import Counter

import pytest

from sinodesk.stages.incidents import StoryView, default_tables, find_incidents
from sinodesk.stages.incidents.rules import find_techniques, sentences

from .conftest import ROOT

ROWS = []
for _line in (ROOT / "tests" / "data" / "incidents" / "written_techniques.tsv").read_text(encoding="utf-8").splitlines():
    if _line and not _line.startswith(("#", "family\t")):
        _family, _lang, _ids, _story, _text = _line.split("\t")
        ROWS.append((_family, _lang, frozenset() if _ids == "-" else frozenset(_ids.split(",")), _story, _text))


def test_the_set_covers_the_families_it_is_for():
    families = Counter(r[0] for r in ROWS)
    assert len(ROWS) >= 40 and families["negative"] >= 10
    assert {"dos", "phishing", "supply-chain", "valid-accounts", "brute-force", "exploit-public", "drive-by", "client-exploit", "ransomware",
            "destruction", "defacement", "exfiltration", "credential-dumping", "lateral-movement", "remote-services", "scanning", "removable-media",
            "malicious-app", "spyware", "c2-proxy", "botnet", "account-hijack", "sim-swap", "bec", "cryptojacking", "firmware"} <= set(families)
    assert {r[1] for r in ROWS} == {"en", "zh"}


def _ids(text: str, lang: str) -> set[str]:
    t = default_tables()
    return {h.value for a, b in sentences(text, 0, len(text)) for h in find_techniques(text, a, b, t, lang == "zh")}


@pytest.mark.parametrize("family,lang,ids,story,text", ROWS, ids=[f"{r[0]}-{n}" for n, r in enumerate(ROWS)])
def test_written_sentence(family, lang, ids, story, text):
    assert _ids(text, lang) == ids
    if story == "incident":  # read as a cyber story, it reports an incident carrying exactly these ids
        incs = find_incidents(StoryView(text, 0, len(text), lang, topics=("cyber",)))
        assert incs and {x["id"] for i in incs for x in i["techniques"]} == ids
    elif story == "none":  # read through the lexical gate (not classified cyber), it reports nothing
        assert find_incidents(StoryView(text, 0, len(text), lang, topics=())) == ()


def test_every_technique_row_has_all_its_columns():
    """A row without its (empty) exclude column would read its note as the exclude pattern: 'a flood of traffic' then
    kept T1498 off the very sentences it names, 'business e-mail compromise' kept T1656 off its own name."""
    rows = [line.split("\t") for line in (ROOT / "sinodesk" / "data" / "cyber" / "techniques.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert len(rows) > 150 and all(len(r) == len(rows[0]) == 9 for r in rows)


@pytest.mark.parametrize("text,vuln", [
    ("Users of the forum software are at risk from remote attacks due to a bug in its search page.", True),
    ("A hole in the mail server lets hackers read other users' messages.", True),
    ("A bug in the phone makes its ring tone far too loud, Siemens said.", False),
    ("Golfers complained about a hole on the ninth green after the storm.", False),
])
def test_a_bug_or_hole_open_to_attack_is_a_flaw(text, vuln):
    incs = find_incidents(StoryView(text, 0, len(text), "en", topics=("cyber",)))
    assert any(i["vulnerabilities"] for i in incs) is vuln


@pytest.mark.parametrize("text,lang,ids", [
    # a record typed DDoS by a word the phrase rows leave alone ("a DoS") carries T1498 from that word
    ("Hackers hit the bank's website with a DoS on Monday, knocking it offline.", "en", {"T1498"}),
    # a crackdown or dragnet against spammers and phishers is legal action: an incident
    ("The Justice Department launched a crackdown on spammers and phishers.", "en", {"T1566"}),
    # a police case against phishing, hacking or malware is a concrete event in Chinese too
    ("警方破获一起网络钓鱼案", "zh", {"T1566"}),
    ("警方捣毁一个黑客团伙", "zh", set()),
])
def test_typed_records_and_police_cases(text, lang, ids):
    incs = find_incidents(StoryView(text, 0, len(text), lang, topics=("cyber",)))
    assert incs and {x["id"] for i in incs for x in i["techniques"]} == ids


@pytest.mark.parametrize("text,lang", [
    ("网络钓鱼日益猖獗，专家提醒用户提高警惕。", "zh"),  # a trend: no case, no incident
    ("A judge said the crackdown on drug dealers would continue.", "en"),
    ("警方破获一起盗窃案", "zh"),  # a theft case with no computer in it
])
def test_no_incident_without_a_case(text, lang):
    assert find_incidents(StoryView(text, 0, len(text), lang, topics=("cyber",))) == ()


def test_an_implied_technique_only_when_no_dos_technique_is_found():
    text = "Attackers swamped the exchange's servers with bogus requests in a DoS that lasted hours."
    incs = find_incidents(StoryView(text, 0, len(text), "en", topics=("cyber",)))
    techs = [x for i in incs for x in i["techniques"]]
    assert [x["id"] for x in techs] == ["T1498"] and techs[0]["span"]["text"] != "DoS"


@pytest.mark.parametrize("text,names", [
    ("安全厂商提醒，“盗号精灵”新变种正在网上传播。", ["盗号精灵"]),
    ("“熊猫烧香”病毒的新变种出现。", ["熊猫烧香"]),
    ("记者获悉，“开心农场”新版本上线。", []),
], ids=["new-variant", "virus-word", "not-a-variant"])
def test_a_quoted_name_before_a_new_variant_is_malware(text, names):
    incs = find_incidents(StoryView(text, 0, len(text), "zh", topics=("cyber",)))
    assert [m["name"] for i in incs for m in i["malware"]] == names


@pytest.mark.parametrize("text,doers", [
    ("一名大学生在网上盗取他人游戏币，获利数万元。", ["大学生"]),
    ("男子盗用他人网银账号转走存款。", ["男子"]),
    ("男子盗取百万公款后潜逃。", []),
], ids=["online-theft", "account-misuse", "not-cyber"])
def test_a_person_doing_a_cyber_deed_in_a_chinese_headline_is_the_doer(text, doers):
    incs = find_incidents(StoryView(text, 0, len(text), "zh", topics=("cyber",)))
    assert [a["name"] for i in incs for a in i["attackers"]] == doers


@pytest.mark.parametrize("text,found", [
    ("Oracle posted patches to fix numerous security holes in a number of applications.", False),
    ("IT managers are tired of constantly plugging security holes in their networks.", False),
    ("The service helps customers find and remove potential vulnerabilities.", False),
    ("Microsoft released patches for 10 vulnerabilities on Tuesday.", True),
    ("Several new vulnerabilities have been found in Windows XP Service Pack 2.", True),
    ("Oracle fixed critical flaws in its database software.", True),
    ("A security hole in the mail server lets attackers read other users' messages.", True),
], ids=["numerous-holes", "holes-in-networks", "potential", "count", "in-product", "vendor-fixed", "singular"])
def test_flaws_spoken_of_in_general_are_no_incident(text, found):
    """Flaws in the plural that name no product, vendor, count or CVE anchor no record (by default): a patch schedule,
    a product that finds 'potential vulnerabilities', advice about 'plugging security holes' report no flaw."""
    incs = find_incidents(StoryView(text, 0, len(text), "en", topics=("cyber",)))
    assert bool(incs) is found

