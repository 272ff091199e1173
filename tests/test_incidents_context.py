"""A cyber incident needs a computer, a network or data in sight (inc21): in a story that uses no word only cyber news
uses, a sentence whose trigger words all have other senses (sporting, physical, military, verbal, commercial) reports no
incident unless it names something of computers, networks or data.

Invented sentences (none copied from any set); stories read as classified ``cyber``, so the rule holds even where the
topic model says cyber."""

from __future__ import annotations

import pytest

from sinodesk.stages.incidents import StoryView, find_incidents
from sinodesk.stages.incidents.rules import no_computer_context


def _found(text: str) -> list[dict]:
    return list(find_incidents(StoryView(text, 0, len(text), "en", topics=("cyber",))))


@pytest.mark.parametrize("text", [
    "Holders Rovers were knocked out of the cup by a second-division side on Saturday.",
    "Two protesters broke into the debating chamber of the parliament on Tuesday, a security breach that led to a review of the guards.",
    "Gunmen attacked a hotel in the capital overnight, killing 12 guests, the army said.",
    "Details of the spending plans were leaked to a newspaper a day before the minister's speech.",
    "The retailer attacked the union's leaders in a statement on its website, calling the strike reckless.",
    "The bank is targeting small businesses with a new range of accounting software.",
    "A cheaper handset targeted at teenagers goes on sale next week, the maker said.",
    "Thieves stole paintings worth $2m from the museum after disabling an alarm.",
    "A militant website posted footage of an ambush on an army convoy, the ministry said.",
    "A studio group is widening its legal battle against film pirates by launching attacks on the operators of index servers.",
    "For years he was a party hack, knocking out speeches for any minister who asked.",
    "Washington says the exporters' pricing is a breach of the computer software trade agreement signed last year.",
], ids=["sport", "parliament", "gunmen", "budget-leak", "medium", "marketing", "targeted-at", "art-theft", "site-shows",
        "legal-battle", "a-hack", "breach-of-pact"])
def test_no_incident_where_nothing_of_computers_is_in_sight(text):
    assert _found(text) == []


@pytest.mark.parametrize("text", [
    "Intruders broke into the bank's computer network last week and stole customer records.",
    "The attack knocked the airline's booking website offline for six hours, the airline said.",
    "Thieves stole two laptops holding the personal details of 20,000 staff from the ministry.",
    "Someone broke into the council's servers and leaked the files of 4,000 tenants.",
    # a word only cyber news uses elsewhere in the story: the other sentences keep their cyber sense
    "Hackers hit the ministry on Monday. The attack lasted three days and halted payments to pensioners.",
    "State-backed accounts posing as voters are targeting candidates on social media platforms, the report said.",
    "An attack on the city's payroll system last month exposed staff records.",
    "A breach of the clinic's patient database exposed the records of 9,000 people.",
], ids=["network", "website", "laptops", "servers", "cyber-story", "social-media", "payroll", "breach-of-database"])
def test_incidents_with_computers_networks_or_data_stay(text):
    assert _found(text)


@pytest.mark.parametrize("sentence, words, none", [
    ("The striker was knocked out in the second round.", ["knocked out"], True),
    ("Hackers were knocked out of the server.", ["Hackers", "knocked out"], False),  # a word only cyber news uses
    ("The raid disrupted the company's payment systems.", ["disrupted"], False),
    ("The firm attacked the plan on its own website.", ["attacked"], True),  # where the words were published is no target
    ("The firm is targeting young buyers with its new phones.", ["targeting"], True),
    ("The group targeted the phones of 30 reporters.", ["targeted"], False),
])
def test_no_computer_context(sentence, words, none):
    assert no_computer_context(sentence, words) is none
