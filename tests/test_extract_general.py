"""Extract stage, issue 14 (session extract12na): numbers and attributions by general patterns of news
English and Chinese found in an audit of unlabelled texts.  Sentences written for these tests, each rule
with negatives."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _run(text: str, language: str = "en"):
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return extract(doc, Segment(start=0, end=len(text), text=text), language)


def _nums(text: str, language: str = "en") -> list[tuple[str, float, str | None]]:
    return [(n.text, n.value, n.unit) for n in _run(text, language).numbers]


def _sources(text: str) -> list[str]:
    return [a.text for a in _run(text).attributions]


@pytest.mark.parametrize("sentence,want", [
    # a singular noun after a number other than one is not what it counts: the number names or modifies it
    ("She earned an 18 certificate and a four car pile-up followed.", []),
    ("It is a re-creation of the Nintendo 64 classic with new levels.", []),
    # ... but a hyphen makes it the unit ("a two-screen device"), and plurals and one count
    ("A two-screen device won three awards.", [("two-screen device", 2.0, "device"), ("three awards", 3.0, "awards")]),
    ("Police found at least one handgun.", [("at least one handgun", 1.0, "handgun")]),
    # an -ing word before the counted noun names its kind
    ("The filter caught 273 phishing e-mails and two power running backs signed.",
     [("273 phishing e-mails", 273.0, "phishing e-mails"), ("two power running backs", 2.0, "running backs")]),
    # square measures
    ("The show covers 1.5 million square feet.", [("1.5 million square feet", 1.5e6, "square feet")]),
    # a fraction whose numerator is not below its denominator is a count
    ("The economy has grown for six quarters.", [("six quarters", 6.0, "quarters")]),
    ("Almost three-quarters of messages were junk.", [("Almost three-quarters", 0.75, "fraction")]),
    # ranges: the first end takes the unit of the second
    ("Prices rose over the last 10 - 20 years.", [("10", 10.0, "years"), ("20 years", 20.0, "years")]),
    ("Four or five central defenders are out.", [("Four", 4.0, "defenders"), ("five central defenders", 5.0, "defenders")]),
    ("There were two or three occasions.", [("two", 2.0, "occasions"), ("three occasions", 3.0, "occasions")]),
    # a part of a group named by a plural noun
    ("Gunmen wounded two of his bodyguards.", [("two", 2.0, "bodyguards")]),
    ("It was one of the biggest firms.", []),
    # ages
    ("The singer has died at the age of 93.", [("93", 93.0, "years")]),
    ("Mark Felt was 95.", [("95", 95.0, "years")]),
    ("Fred LaRue, top Nixon aide, dies at 75\n\nHe was found dead.", [("75", 75.0, "years")]),
    ("The score was 95.", []),
    # clock times with a spaced colon, phone numbers, street addresses, results with a spaced hyphen
    ("The drive ate up 6: 05 of the clock.", []),
    ("Call 313 - 223 - 4759 or (281) 422 - 8371 with tips.", []),
    ("Shots were fired at 2111 Bragg St. on Monday.", []),
    ("The Colts beat the Chiefs 20 - 13 and led 7 - 0 early.", []),
    # digits that look like a year but count something
    ("They rode an 1800 km course.", [("1800 km", 1800.0, "km")]),
    ("The 2004 elections were close.", []),
    # a glued B after a dollar sign; a scaled amount in words whatever it counts
    ("Mills Grabs $1B Portfolio", [("$1B", 1e9, "USD")]),
    ("It stopped more than two million phishing related e-mail messages.", [("more than two million", 2e6, None)]),
    # people counted by where they are from
    ("Over 120 Tibetans protested.", [("Over 120 Tibetans", 120.0, "tibetans")]),
])
def test_english_numbers(sentence, want):
    assert _nums(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    ("英国政府推出5亿英镑就业刺激计划", [("5亿英镑", 5e8, "GBP")]),
    ("09国家公务员考试解析", []),  # the year 2009 written short
    ("金融世家180-300平精装房在售", [("180", 180.0, "square metres"), ("300平", 300.0, "square metres")]),
    ("现房清盘起价12800", [("12800", 12800.0, "CNY")]),
    ("奇才新援10分钟5分5助攻", [("10分钟", 10.0, "minutes"), ("5分", 5.0, "points"), ("5助攻", 5.0, "assists")]),
    ("3点10分开盘", []),  # a time of day
    ("军医开枪获刑9个月", [("9个月", 9.0, "months")]),
    ("枪击案3死11伤 一死一伤", [("3死", 3.0, "dead"), ("11伤", 11.0, "injured"), ("一死", 1.0, "dead"), ("一伤", 1.0, "injured")]),
    ("厂长涉嫌贪污243万 套装促销7280", [("243万", 2.43e6, "CNY"), ("7280", 7280.0, "CNY")]),
    ("他死于车祸", []),
])
def test_chinese_numbers(sentence, want):
    assert _nums(sentence, "zh") == want


@pytest.mark.parametrize("sentence,want", [
    # a name after "said" followed by a verb is the subject of what was said, not the speaker
    ("Michael Howard said Lord Butler had given damaging testimony.", ["Michael Howard"]),
    ("Gutierrez's brother, Andre Mehler, said his brother had dated Daylee Newman for a year.", ["Andre Mehler"]),
    # a participle's subject is the clause's subject, not the name before its comma
    ("Bill Gates has opened the Consumer Electronics Show (CES) in Las Vegas, saying gadgets work together.", ["Bill Gates"]),
    # the speaker named after the verb: no appositive subject before it
    ("Two directors, Bert Roberts and Francesco Galesi, remain defendants, said the newspaper.", []),
    # a named person whose role is given for a body speaks, not the body
    ("Patricia Sanders, spokeswoman for the Disaster Emergency Committee said it was aware of the site.", ["Patricia Sanders"]),
    ("A spokeswoman for Beaumont Hospital said the boy was stable.", ["Beaumont Hospital"]),
    # an appositive that opens with a nationality adjective
    ("Cory Doctorow, European outreach coordinator for Electronic Fronter Foundation, said Google was right.", ["Cory Doctorow"]),
    # releasing, unveiling, showing: an act, not a statement, unless a document or a body reports
    ("Search engine firm Google has released a trial tool.", []),
    ("Microsoft released a statement on the flaw.", ["Microsoft"]),
    ("Murphy said Rodriguez showed him three guns.", ["Murphy"]),
    # an unlisted name opening the sentence before an appositive and the cue
    ("Nextel Communications, the nation's fifth-largest wireless provider, said its profit rose.", ["Nextel Communications"]),
    ("Officials, speaking on condition of anonymity, said the talks failed.", []),
    # a capitalised role before the person after "said"; party tags after a name
    ("It was a shock, said Wayne County Prosecutor Kym Worthy at a news conference.", ["Kym Worthy"]),
    ("Nick Rahall, D-W.Va., said he would seek to overturn the rules.", ["Nick Rahall"]),
    # an unlisted acronym or capitalised name right before the cue
    ("Prices rose. BAA also says it has attempted to involve communities.", ["BAA"]),
    ("The biggest insurance broker Marsh & McLennan said it would pay.", ["Marsh & McLennan"]),
    ("In a statement, the CEO said it was fine.", []),
    ("Tim Crawford, Group Economist at Halifax, said the value rose.", ["Tim Crawford"]),
    # the outlet told is a source whichever rule finds the speaker
    ("Reliance Globalcom, a communications provider in India, told Bloomberg News there was no time frame.",
     ["Reliance Globalcom", "Bloomberg News"]),
    ("A spokesman for Beaumont Hospital told Reuters the boy was stable.", ["Beaumont Hospital", "Reuters"]),
    # a document by a name no list holds
    ("The planet is plundered, according to a report by WWF.", ["WWF"]),
    # a place that only says whose statement it is
    ("The inmate escaped, according to a Texas prison statement.", []),
])
def test_english_attributions(sentence, want):
    assert _sources(sentence) == want
