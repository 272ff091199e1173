"""Attribution claims on sentences written for sinodesk (tests/data/incidents/written_claims.tsv):
the claimant, the actor and the stance, read as a cyber story through the whole stage."""

from __future__ import annotations

import pytest

from sinodesk.stages.incidents import StoryView, find_incidents

from .conftest import ROOT

ROWS = [line.split("\t") for line in (ROOT / "tests" / "data" / "incidents" / "written_claims.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith(("#", "lang\t"))]


def test_the_set_has_both_languages_and_negatives_in_each():
    assert len(ROWS) >= 30 and {r[0] for r in ROWS} == {"en", "zh"}
    # negatives: no one named as the doer, a hypothetical, bare "hackers", a blame that is not an attack
    assert sum(r[1] == "-" for r in ROWS) >= 8 and {r[0] for r in ROWS if r[1] == "-"} == {"en", "zh"}
    assert {r[2] for r in ROWS if r[1] != "-"} >= {"asserts", "denies", "hedges"}


@pytest.mark.parametrize("lang,claims,stance,text", ROWS, ids=[f"claim-{n}" for n in range(len(ROWS))])
def test_written_claim(lang, claims, stance, text):
    incs = find_incidents(StoryView(text, 0, len(text), lang, topics=("cyber",)))
    got = [(a["claimant"], a["actor"], a["stance"]) for i in incs for a in i["attributions"]]
    want = [] if claims == "-" else [tuple(c.split("=>")) for c in claims.split(";")]
    assert [(c, a) for c, a, _s in got] == want
    if want:
        assert got[0][2] == stance


@pytest.mark.parametrize("text,claimant,kind", [
    ("Britain's National Cyber Security Centre said Russian military intelligence was behind the cyber attack on the grid.", "National Cyber Security Centre", "government"),
    ("South Korea blamed North Korean hackers for the cyber attack that paralysed the networks of banks.", "South Korea", "government"),
    ("A ransomware attack shut down the council's computers. According to researchers at Mandiant, the intrusion was the work of APT41.", "Mandiant", "security_firm"),
    ("Researchers at security firm Vexbridge said a Chinese state-sponsored group had broken into the networks of telecom operators.", "Vexbridge", "security_firm"),
], ids=["government-agency", "government-country", "vendor-staff", "unknown-vendor-staff"])
def test_a_government_statement_and_a_vendor_report_are_told_apart(text, claimant, kind):
    claims = [a for i in find_incidents(StoryView(text, 0, len(text), "en", topics=("cyber",))) for a in i["attributions"]]
    assert [(a["claimant"], a["claimant_type"]) for a in claims][:1] == [(claimant, kind)]


@pytest.mark.parametrize("text,attackers", [
    ("The retailer filed two lawsuits in a federal court in Ohio against unnamed defendants who forged e-mails in its name.", ["unnamed defendants"]),
    ("A husband and wife have been convicted of sending thousands of junk e-mails, prosecutors said.", ["A husband and wife"]),
    ("The suit was brought by Fabrikam, which alleged that Mr Grant and his associates sent millions of spam messages through hijacked computers.", ["Mr Grant"]),
    ("The software maker sued two resellers over counterfeit licence labels.", []),
], ids=["lawsuit-defendants", "convicted-pair", "alleged-sender", "not-a-cyber-suit"])
def test_the_people_a_lawsuit_or_conviction_names_are_the_attackers(text, attackers):
    incs = find_incidents(StoryView(text, 0, len(text), "en", topics=("cyber",)))
    assert [a["name"] for i in incs for a in i["attackers"]] == attackers


@pytest.mark.parametrize("text,claims", [
    ("Teen admits writing Sasser worm", [("Teen", "Teen", "attacker")]),
    ("Police arrest teenager over Sasser worm", [("Police", "teenager", "government")]),
], ids=["owning-up", "arrest"])
def test_a_headline_doer_is_a_claim_actor_not_an_attacker(text, claims):
    # a headline's article-less doer stands for the person the story names in its own words: the claim only
    incs = find_incidents(StoryView(text, 0, len(text), "en", topics=("cyber",)))
    assert [(a["claimant"], a["actor"], a["claimant_type"]) for i in incs for a in i["attributions"]] == claims
    assert [a["name"] for i in incs for a in i["attackers"]] == []


def test_a_named_person_said_to_have_done_the_deed_through_ingest():
    # the extract stage's PERSON before a deed ("Smith, 24, hacked into ...") or a charge ("was convicted of sending junk e-mails")
    from sinodesk.eval.harness import ingest_items

    texts = ["The Justice Department said Smith, 24, hacked into the computers of a defence contractor.",
             "Prosecutors said John Smith was convicted of sending millions of junk e-mails.",
             "Police said John Smith was arrested on Tuesday after the website was hacked."]
    run = ingest_items([{"text": t} for t in texts])
    got = {n: [(a["claimant"], a["actor"]) for s in stories for i in s["incidents"] for a in i["attributions"]] for n, stories in run.by_line().items()}
    assert got == {1: [("Justice Department", "Smith")], 2: [("Prosecutors", "John Smith")], 3: []}


def test_a_claimant_named_short_and_in_full_is_one_claimant():
    text = "Initech sues spammers\n\nInitech.com has filed three lawsuits against unnamed defendants who forged e-mails in its name."
    incs = find_incidents(StoryView(text, 0, len(text), "en", topics=("cyber",)))
    assert {a["claimant"] for i in incs for a in i["attributions"]} == {"Initech.com"}


def test_a_person_and_their_title_are_one_claimant():
    """'The Ruritania attorney general said ...' and later 'said Jane Roe, Ruritania attorney general': one claimant, named
    as the story first names it; a person with no such title stays a claimant of their own."""
    text = ("Ruritania sues spammers\n\nThe Ruritania attorney general said it took legal action because junk e-mails sent by the alleged spammers broke state law. "
            "\"Illegal spam must stop,\" said Jane Roe, Ruritania attorney general, announcing the legal action. "
            "Lawyers for the alleged spammers said the lawsuit was groundless.")
    claims = {a["claimant"] for i in find_incidents(StoryView(text, 0, len(text), "en", topics=("cyber",))) for a in i["attributions"]}
    assert "The Ruritania attorney general" in claims and "Jane Roe" not in claims
    alone = text.replace("The Ruritania attorney general said", "Officials said")  # no title form before her: she is named
    claims = {a["claimant"] for i in find_incidents(StoryView(alone, 0, len(alone), "en", topics=("cyber",))) for a in i["attributions"]}
    assert "Jane Roe" in claims
