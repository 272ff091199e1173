"""Incidents an analyst can trust (qa19): no incident from a deal that offers protection from hackers, no
'vulnerability' incident from a flaw in something that is no computer, no country as the victim of a flaw,
and one actor for one story's descriptions of its doers.  Invented texts (none copied), through the real
path: ingest into a SQLite archive file, then what the exports give."""

from __future__ import annotations

import json

import pytest

from sinodesk.stages.incidents.actors import described, fold_actors

STORIES = {
    # a consumer VPN offer: hackers are what the product keeps you from, nothing happened
    "vpn": ("Two years of a private VPN for under $3 a month",
            "Hotel and cafe Wi-Fi is convenient, but a VPN lets you protect yourself from snoopers and hackers eager to "
            "copy your logins and card numbers. This week the two-year plan of a well-known VPN service costs $2.89 a "
            "month and covers up to eight devices, with servers in 70 countries. The offer ends on Sunday."),
    "antivirus": ("Free security suite for home PCs",
                  "The free suite claims to guard families against hackers and scammers who prey on older users. It "
                  "installs in a minute and updates itself every night."),
    # a power utility's weakness: a flaw of the grid, no software, no attack
    "grid": ("Island utility to spend billions hardening grid after outages",
             "The island's state-run power company said on Wednesday it would invest $18 billion over ten years to upgrade "
             "substations and transmission lines, after two blackouts last year exposed the vulnerability of the grid to "
             "single points of failure. A faulty breaker at one substation had cut power to millions of homes."),
    "taiwan-grid": ("Grid weakness leaves Taiwan exposed, utility says",
                    "A design flaw in ageing substations left Taiwan exposed to island-wide blackouts, the state power "
                    "utility said on Monday. The vulnerability was laid bare in August when one faulty breaker cut power "
                    "to six million households."),
    # a software flaw blamed for an outage: a vulnerability, but the country is no victim of it (no attack)
    "country": ("Utility flaw", "The state utility said the outbreak affected Taiwan, and blamed a vulnerability in ageing grid "
                "software that it has since fixed."),
    # what must stay incidents
    "router": ("Router maker patches flaw",
               "A vulnerability in the firmware of a popular home router lets attackers take over the device, its maker "
               "said on Tuesday, and it released a patch."),
    "failed": ("Shop fined over breach",
               "The regulator said the online shop failed to protect its customers from hackers who stole 40,000 card "
               "numbers from its servers in March."),
    # one actor written three ways: the headline, the lead, a pronoun-like noun phrase
    "airline": ("Chinese Hackers Breach Regional Airline",
                "Chinese hackers broke into the booking system of Pacific Crest Airways, the carrier said on Thursday. A "
                "hacking group linked to China stole the passport details of about 40,000 passengers, and the intruders "
                "had been inside its network since August, the airline said."),
    # two groups the table names are two actors
    "two-groups": ("Two hacking groups hit the same ministry",
                   "APT41 and the Lazarus Group both broke into the networks of the ministry of finance of a small "
                   "island nation this year, security researchers said on Friday."),
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    from sinodesk.archive import open_archive
    from sinodesk.pipeline import Runner
    from sinodesk.settings import Settings

    tmp = tmp_path_factory.mktemp("trust")
    src = tmp / "stories.jsonl"
    src.write_text("".join(json.dumps({"url": f"https://news.example/{key}", "title": title, "text": text, "date": f"2026-11-{10 + i}"}) + "\n"
                           for i, (key, (title, text)) in enumerate(STORIES.items())), encoding="utf-8")
    db = str(tmp / "trust.db")
    arch = open_archive(db)
    Runner(arch, Settings(db=db), workers=0).ingest([str(src)])
    return arch


def _mentions(archive, key: str) -> list[dict]:
    (story,) = [s for s in archive.iter_stories() if s.url == f"https://news.example/{key}"]
    return list(story.incidents)


@pytest.mark.parametrize("key", ["vpn", "antivirus", "grid", "taiwan-grid"])
def test_no_incident_from_protection_offers_or_flaws_in_no_computer(archive, key):
    assert _mentions(archive, key) == []


@pytest.mark.parametrize("key, types", [("router", ["vulnerability"]), ("failed", ["other"])])
def test_real_flaws_and_failed_protection_stay_incidents(archive, key, types):
    (m,) = _mentions(archive, key)
    assert m["types"] == types
    if key == "failed":
        assert [a["name"] for a in m["attackers"]] == ["hackers"]


def test_a_country_is_no_victim_of_a_flaw_with_no_attack(archive):
    (m,) = _mentions(archive, "country")
    assert (m["types"], m["victims"]) == (["vulnerability"], [])


def test_one_story_describing_its_doers_three_ways_is_one_actor(archive):
    (m,) = _mentions(archive, "airline")
    (actor,) = m["attackers"]
    words = {actor["name"], *(x["text"] for x in actor["mentions"])}
    assert words == {"Chinese hackers", "A hacking group linked to China", "the intruders"}
    assert actor["country"] == "CN"
    from sinodesk.export_incidents import to_stix
    from sinodesk.tracker import list_incidents

    (inc,) = [i for i in list_incidents(archive) if any(s["url"] == "https://news.example/airline" for s in i["sources"])]
    (rec_actor,) = inc["attackers"]
    assert len(rec_actor["evidence"]) == 3  # each way of writing it is evidence of the one actor
    bundle = json.loads(to_stix([inc]).serialize())
    actors = [o for o in bundle["objects"] if o["type"] in ("threat-actor", "intrusion-set")]
    assert [a["name"] for a in actors] == [actor["name"]]


def test_two_named_groups_stay_two_actors(archive):
    (m,) = _mentions(archive, "two-groups")
    assert sorted(a["group"] for a in m["attackers"]) == ["apt41", "lazarus"]


@pytest.mark.parametrize("names, folded", [
    ([("Chinese Hackers", False), ("a hacking group linked to China", False)], [0, 0]),  # no name: the first with a country
    ([("hackers", False), ("a hacking group linked to China", False)], [1, 1]),
    ([("APT41", True), ("Chinese hackers", False), ("the intruders", False)], [0, 0, 0]),  # one group named: its descriptions
    ([("APT41", True), ("Lazarus Group", True), ("hackers", False)], [0, 1, 2]),  # two groups: the description stands apart
    ([("John Smith", False), ("the hacker", False)], [0, 0]),
    ([("John Smith", False), ("Jane Doe", False)], [0, 1]),  # two people named are two doers
])
def test_fold_actors(names, folded):
    assert fold_actors(names) == folded


@pytest.mark.parametrize("name, is_description", [
    ("Chinese Hackers", True), ("a hacking group linked to China", True), ("the intruders", True), ("hackers", True),
    ("North Korean hackers", True), ("Lazarus Group", False), ("John Smith", False), ("Anonymous", False), ("APT41", False),
])
def test_described(name, is_description):
    assert described(name) is is_description


@pytest.mark.parametrize("text, found", [
    ("Open source leaders have led an attack on software patents in Europe, saying they stifle small firms.", False),
    ("The music industry's legal attacks on file-sharing services have driven users to new ones.", False),
    ("The software maker launched an attack on its larger rival, claiming that it had held back innovation.", False),
    ("The senator renewed her attack on the copyright bill on Monday.", False),
    ("Hackers launched an attack on the bank's website, knocking it offline for hours.", True),
    ("The group launched an attack on government servers, claiming responsibility on a forum.", True),
    ("A denial-of-service attack on the exchange made its site unusable for five hours.", True),
], ids=["patents", "legal", "rival", "bill", "website", "servers", "dos"])
def test_an_attack_in_words_or_in_court_is_no_incident(text, found):
    """Business and tech stories 'attack' patents, rivals and bills (three such in 300 unlabelled BBC/AG items, qa19)."""
    from sinodesk.stages.incidents import StoryView, find_incidents

    view = StoryView(text, 0, len(text), "en", topics=("cyber",))
    assert bool(find_incidents(view)) is found
