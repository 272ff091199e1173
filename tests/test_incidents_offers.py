"""No incident from a protection offer, a flaw found in no computer, or an attack in words or in court (inc20).

Invented texts (none copied from any set), through the real path: ingest into a SQLite archive file, then what the
export gives each story; single sentences through ``find_incidents`` for the finer cases and their negatives."""

from __future__ import annotations

import json

import pytest

from sinodesk.stages.incidents import StoryView, find_incidents

STORIES = {
    # protection offered, sold or promised: the doers are what one is kept safe from, nothing happened
    "vpn": ("Two years of a private VPN for under $3 a month",
            "Hotel and cafe Wi-Fi is convenient, but a VPN lets you protect yourself from snoopers and hackers eager to "
            "copy your logins and card numbers. This week the two-year plan costs $2.89 a month and covers up to eight "
            "devices. The offer ends on Sunday."),
    "law": ("Assembly passes online privacy law",
            "The state assembly on Thursday passed a law that protects consumers from hackers and identity thieves, "
            "requiring shops to encrypt the card numbers they keep. It takes effect in July."),
    # a flaw of a power grid: no software, no computer, no attack
    "grid": ("Island utility to spend billions hardening grid after outages",
             "The island's state-run power company said on Wednesday it would invest $18 billion over ten years to upgrade "
             "substations and transmission lines, after two blackouts last year exposed the vulnerability of the grid to "
             "single points of failure. A faulty breaker at one substation had cut power to millions of homes."),
    "country": ("Grid weakness leaves Taiwan exposed, utility says",
                "A design flaw in ageing substations left Taiwan exposed to island-wide blackouts, the state power utility "
                "said on Monday. The weakness was laid bare in August when one faulty breaker cut power to six million homes."),
    # attacks in words and in court
    "patents": ("Programmers rally against patent plan",
                "Free software developers have led an attack on a European plan for software patents, saying it would hand "
                "large firms a weapon against small ones."),
    "suits": ("Swap sites move on",
              "The record labels' legal attacks on file-swapping hubs have pushed users towards new services, a researcher "
              "said on Friday."),
    "critics": ("Chip maker's buyout plan draws fire",
                "The buyout of the chip designer has been attacked by critics in parliament as a giveaway of national "
                "know-how."),
    # what must stay incidents
    "failed": ("Shop fined over breach",
               "The regulator said the online shop failed to protect its customers from hackers who stole 40,000 card "
               "numbers from its servers in March."),
    "router": ("Router maker patches flaw",
               "A vulnerability in the firmware of a popular home router lets attackers take over the device, its maker "
               "said on Tuesday, and it released a patch."),
    "website": ("Bank site knocked offline",
                "Hackers launched an attack on the bank's website on Monday, knocking it offline for hours, the bank said."),
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    from sinodesk.archive import open_archive
    from sinodesk.pipeline import Runner
    from sinodesk.settings import Settings

    tmp = tmp_path_factory.mktemp("offers")
    src = tmp / "stories.jsonl"
    src.write_text("".join(json.dumps({"url": f"https://news.example/{key}", "title": title, "text": title + "\n\n" + text,
                                       "date": f"2026-11-{10 + i}"}) + "\n"
                           for i, (key, (title, text)) in enumerate(STORIES.items())), encoding="utf-8")
    db = str(tmp / "offers.db")
    arch = open_archive(db)
    Runner(arch, Settings(db=db), workers=0).ingest([str(src)])
    return arch


def _mentions(archive, key: str) -> list[dict]:
    (story,) = [s for s in archive.iter_stories() if s.url == f"https://news.example/{key}"]
    return list(story.incidents)


@pytest.mark.parametrize("key", ["vpn", "law", "grid", "country", "patents", "suits", "critics"])
def test_no_incident_from_offers_flaws_in_no_computer_or_attacks_in_words(archive, key):
    assert _mentions(archive, key) == []


@pytest.mark.parametrize("key, types, attackers", [
    ("failed", ["other"], ["hackers"]),
    ("router", ["vulnerability"], ["attackers"]),
    ("website", ["other"], ["Hackers"]),
])
def test_failed_protection_real_flaws_and_real_attacks_stay_incidents(archive, key, types, attackers):
    (m,) = _mentions(archive, key)
    assert (m["types"], [a["name"] for a in m["attackers"]]) == (types, attackers)


def _found(text: str) -> list[dict]:
    return list(find_incidents(StoryView(text, 0, len(text), "en", topics=("cyber",))))


@pytest.mark.parametrize("text, attackers", [
    ("The free suite claims to guard families against hackers and scammers who prey on older users.", None),
    ("The new service keeps your photos safe from hackers, the company says.", None),
    ("The firm sells firewalls that shield small offices from intruders.", None),
    ("Many firms admit their systems are little protection against skilled attackers.", None),
    # the protection failed, or the doers did something: still the doers of an incident
    ("The regulator said the shop failed to protect its customers from hackers who stole their card numbers.", ["hackers"]),
    ("The hospital's records were not protected from hackers, who stole the files of 3,000 patients last week.", ["hackers"]),
    ("The bank said its defences against hackers that broke into its network in May had since been rebuilt.", ["hackers"]),
    ("Hackers broke into the payroll system of the city council last week.", ["Hackers"]),
], ids=["guard-against", "safe-from", "shield-from", "little-protection", "failed", "not-protected", "doers-did", "plain"])
def test_doers_one_is_kept_safe_from_are_no_attackers(text, attackers):
    found = _found(text)
    assert ([a["name"] for m in found for a in m["attackers"]] if found else None) == attackers


@pytest.mark.parametrize("text, found", [
    ("The music industry's legal attacks on file-sharing services have driven users to new ones.", False),
    ("The studios launched legal attacks on Tuesday on the operators of computer servers that index pirated films.", False),
    ("Open source leaders have led an attack on software patents in Europe, saying they stifle small firms.", False),
    ("The software maker launched an attack on its larger rival, claiming that it had held back innovation.", False),
    ("The senator renewed her attack on the copyright bill on Monday.", False),
    ("The new film has been attacked by critics as a tired remake.", False),
    ("The move was meant to head off an attack on the election's legitimacy.", False),
    # attacks on computers, or with something of computers in the sentence, stay
    ("Hackers launched an attack on the bank's website, knocking it offline for hours.", True),
    ("The group launched an attack on government servers, claiming responsibility on a forum.", True),
    ("A denial-of-service attack on the exchange made its site unusable for five hours.", True),
    ("An attack on the Acme Corp. payroll system last week exposed staff records.", True),
], ids=["legal", "legal-servers", "patents", "rival", "bill", "critics", "legitimacy", "website", "servers", "dos", "payroll"])
def test_an_attack_in_words_or_in_court_is_no_incident(text, found):
    assert bool(_found(text)) is found


@pytest.mark.parametrize("text, found", [
    ("A design flaw in ageing bridges left the city exposed to floods, engineers said on Monday.", False),
    ("The blackout exposed the vulnerability of the grid to a single failed transformer.", False),
    ("Researchers reported a flaw in the mail server software that lets attackers read other users' messages.", True),
    ("A vulnerability in the browser was fixed in Tuesday's security update, the company said.", True),
    ("The maker of the smart meters said a flaw in their firmware had been fixed.", True),
], ids=["bridges", "grid", "mail-server", "browser", "firmware"])
def test_a_flaw_found_in_no_computer_is_no_incident(text, found):
    assert bool(_found(text)) is found


def test_a_country_is_no_victim_of_a_flaw_with_no_attack():
    text = ("The state utility said the fault affected Taiwan, and blamed a vulnerability in its ageing grid software that it "
            "has since fixed.")
    (m,) = _found(text)
    assert (m["types"], m["victims"]) == (["vulnerability"], [])
    # with an attack, the country stays the victim
    text = "Hackers attacked Taiwan's power grid software through a vulnerability that the utility has since fixed."
    (m,) = _found(text)
    assert "vulnerability" in m["types"] and m["attackers"]
