"""Whose stories are held together by the same-outlet rules, and what is no event at all: agency copy
on a newspaper's site, two stories that share only one person, posts of a discussion board (stories
and addresses written for these tests)."""

from __future__ import annotations

import pytest

from sinodesk.stages.cluster import EventLinker, EventOptions, LinkItem
from sinodesk.stages.cluster.online import house
from sinodesk.stages.cluster.scoring import board_post

OPTS = EventOptions(cold_start_docs=0)
PAPER = EventOptions(cold_start_docs=0, same_publisher=False)  # the credited outlet's rules


@pytest.mark.parametrize("url, outlet, publisher, expected", [
    ("https://eleicoes.exemplo.com.br/2.html", "Associated Press", "Exemplo Notícias", "Exemplo Notícias"),  # agency copy in a paper's feed
    ("https://www.daily-paper.co.uk/news/3", "Daily Paper", "Daily Paper", "Daily Paper"),
    ("https://feeds.feedproxy.example/~r/daily/4", "Daily Paper", None, "Daily Paper"),  # no publisher: the credit, not the host
    ("https://www.daily-paper.co.uk/news/3", None, None, None),  # no outlet at all: no same-outlet rules (ECB+, GVC lines)
    ("http://www.coins-board.net/dispbbs.asp?BoardID=3&ID=88", "Coin board", "Coin board", "board:coins-board.net"),
    ("https://bbs.example.cn/thread-12-1-1.html", None, None, "board:example.cn"),  # a board's post, outlet or not
])
def test_the_house_of_a_story_is_its_publisher_or_its_board(url, outlet, publisher, expected):
    item = LinkItem("s", "Head", "Body", url=url, outlet=outlet, publisher=publisher)
    assert house(item, OPTS) == expected
    if outlet and not expected.startswith("board:"):  # off: the credited outlet's name
        assert house(item, EventOptions(same_publisher=False, forum_posts=False)) == outlet


@pytest.mark.parametrize("url, board", [
    ("http://www.coins-board.net/dispbbs.asp?BoardID=3&ID=88&Page=1", True),
    ("https://forum.example.org/viewtopic.php?f=4&t=25", True),
    ("https://example.org/forums/cars/1405-new-engine.html", True),
    ("https://www.example.com/forum.php?mod=viewthread&tid=7", True),
    ("https://www.reddit.com/r/worldnews/comments/abc123/some_title/", True),
    ("https://www.example-news.com/world/2025/05/02/forum-on-trade-opens", False),
    ("https://www.lanacion.com.ar/agencias/alcalde-de-ciudad-calcula", False),
    (None, False),
])
def test_board_posts_are_known_by_their_address(url, board):
    assert board_post(url) is board


def _site(sid: str, outlet: str, head: str, body: str) -> LinkItem:
    return LinkItem(sid, head, body, published="2025-04-06", language="en", outlet=outlet, publisher="Harbour Gazette",
                    url=f"https://feeds.proxy.example/harbour/{sid}")


def test_agency_copy_in_a_papers_feed_is_held_to_the_papers_rules():
    """A paper's feed carries its own roundup and an agency's report of another thing of the same war:
    credited to two outlets, published by one paper, they share its beat -- two stories, not one event.
    Off, the two credits make them strangers, and the shared war words link them."""
    war = ("The war in the north went on as the army shelled the port city of Varnik and the coastal villages, "
           "the government counted the dead and the foreign ministers met to discuss sanctions and gas. ")
    roundup = _site("g1", "Harbour Gazette", "THE LATEST: Ministers weigh a ban on imported gas",
                    war + "The ministers said a ban on gas imports was not on the table for now.")
    report = _site("g2", "Associated Press", "Mayor says thousands died in the siege",
                   war + "The mayor of Varnik said thousands of civilians died during the siege of the city.")
    for opts, apart in ((OPTS, True), (PAPER, False)):
        lk = EventLinker(opts)
        assert (lk.add(roundup).event_id != lk.add(report).event_id) is apart
    # a second report of one event on the site still links (its headline names the event's subject)
    follow = _site("g3", "Associated Press", "Ban on imported gas not on the table, ministers say",
                   war + "The ministers said a ban on gas imports was not on the table for now, officials added.")
    lk = EventLinker(OPTS)
    assert lk.add(roundup).event_id == lk.add(follow).event_id


def _paper(sid: str, head: str, body: str, entities: tuple[str, ...]) -> LinkItem:
    return LinkItem(sid, head, body, published="2025-01-03", language="en", outlet="Lusitania Daily",
                    entities=entities)


def test_one_outlets_stories_that_share_only_one_person_are_two_stories():
    """Two stories one outlet files the same day about its president -- a fire, a nuclear threat --
    share his name and title and nothing else: not one event.  Two reports of the fire do link."""
    title = "The President of the Republic, Ana Ferreira, "
    fire = _paper("f1", "Ferreira declares a disaster in the south after the forest fires",
                  title + "declared a state of disaster in the southern provinces after the forest fires of December.",
                  ("person:ana-ferreira",))
    threat = _paper("t1", "Ferreira says her army is far stronger than the rebels believe",
                    title + "told the rebel commander on Tuesday that her army was larger and stronger than his.",
                    ("person:ana-ferreira",))
    fire2 = _paper("f2", "Ferreira visits the southern provinces hit by the forest fires",
                   title + "visited the southern provinces on Wednesday, where the forest fires burned for a week.",
                   ("person:ana-ferreira",))
    for opts, apart in ((OPTS, True), (EventOptions(cold_start_docs=0, same_outlet_person=False), False)):
        lk = EventLinker(opts)
        assert (lk.add(fire).event_id != lk.add(threat).event_id) is apart
    lk = EventLinker(OPTS)
    assert lk.add(fire).event_id == lk.add(fire2).event_id


def _post(sid: str, head: str, body: str, url: str) -> LinkItem:
    return LinkItem(sid, head, body, published="2025-12-01", language="zh", outlet="钱币论坛交易区", url=url)


def test_posts_of_a_board_form_no_event_but_may_join_a_report():
    """Two sale offers posted on a coin board are alike and are not one event; off, they link.  A post
    that copies a news report still joins that report's event."""
    board = "http://www.coins-board.net/dispbbs.asp?BoardID=3&ID={}"
    a = _post("b1", "熊猫纪念币原封一盒12元/枚，运费到付", "熊猫纪念币原封一盒，十二元一枚，运费到付，有意请电联。", board.format(1))
    b = _post("b2", "熊猫纪念币原封一盒13元/枚，运费到付", "熊猫纪念币原封一盒，十三元一枚，运费到付，有意请电联。", board.format(2))
    for opts, apart in ((OPTS, True), (EventOptions(cold_start_docs=0, forum_posts=False), False)):
        lk = EventLinker(opts)
        assert (lk.add(a).event_id != lk.add(b).event_id) is apart
    news = ("中国人民银行今天发行熊猫纪念币一套，共两枚，面额分别为十元和五十元，由上海造币厂铸造，"
            "各地银行网点自即日起办理兑换，每人限兑五枚。")
    report = LinkItem("n1", "人民银行发行熊猫纪念币", news, published="2025-12-01", language="zh", outlet="金融日报",
                      url="https://www.finance-daily.cn/news/1.html")
    copy = _post("b3", "转：人民银行发行熊猫纪念币", news + "（转自金融日报）", board.format(3))
    lk = EventLinker(OPTS)
    assert lk.add(report).event_id == lk.add(copy).event_id


def test_a_feeds_outlet_is_the_publisher_of_the_agency_copy_it_carries(tmp_path):
    """Through ingest: a paper's feed carries its roundup and an AP report (credited by its dateline) of
    another thing of the same war.  The feed's outlet reaches the linker as their publisher, so the
    paper's rules hold both (two events); keyed on the credits (same_publisher off) they link."""
    import dataclasses

    from sinodesk.eval.harness import ingest_fresh
    from sinodesk.settings import Settings

    war = ("The war in the north went on as the army shelled the port city of Varnik and the coastal villages, "
           "the government counted the dead and the foreign ministers met to discuss sanctions and gas. ")
    items = [("THE LATEST: Ministers weigh a ban on imported gas", "https://harbour-gazette.example/live/1",
              war + "The ministers said a ban on gas imports was not on the table for now."),
             ("Mayor says thousands died in the siege", "https://harbour-gazette.example/agencies/2",
              "VARNIK, April 6 (AP) -- " + war + "The mayor of Varnik said thousands of civilians died during the siege.")]
    feed = tmp_path / "gazette.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>' + "".join(
        f"<item><title>{h}</title><link>{u}</link><pubDate>Sun, 06 Apr 2025 08:00:00 GMT</pubDate>"
        f"<description>{b}</description></item>" for h, u, b in items) + "</channel></rss>", encoding="utf-8")
    for same_publisher, apart in ((True, True), (False, False)):
        settings = dataclasses.replace(Settings(), events=dataclasses.replace(Settings().events, same_publisher=same_publisher))
        stories = ingest_fresh([feed], settings).stories
        assert sorted(s["outlet"] for s in stories) == ["Associated Press", "Harbour Gazette"]
        assert (stories[0]["event_id"] != stories[1]["event_id"]) is apart


def _war_item(sid: str, outlet: str, head: str, body: str, entities: tuple[str, ...]) -> LinkItem:
    return LinkItem(sid, head, body, published="2025-04-06", language="en", outlet=outlet, publisher="Harbour Gazette",
                    url=f"https://feeds.proxy.example/harbour/{sid}", entities=entities)


WAR = ("The war in the north went on as the army shelled the port city of Varnik and the coastal villages of "
       "Ostrava Bay, the government counted the dead and the foreign ministers met to discuss sanctions and gas. "
       "President Oleh Marenko said the army would hold the coast. ")
BAY_AND_PRESIDENT = ("loc:ostrava-bay", "person:oleh-marenko")


def test_one_papers_items_on_a_war_that_share_only_its_region_and_president_are_two_stories():
    """A paper's roundup and the agency report it carries on another thing of the same war, the same day,
    both name the war's region and its president, and their headlines nothing in common: not one event
    (``same_outlet_place``).  Off, the region and the president make a shared subject and they link.  A
    second report of the gas ban that also names the ministry links either way."""
    roundup = _war_item("p1", "Harbour Gazette", "THE LATEST: Ministers weigh a ban on imported gas",
                        WAR + "The ministers said a ban on gas imports was not on the table for now.",
                        BAY_AND_PRESIDENT + ("org:energy-ministry",))
    report = _war_item("p2", "Associated Press", "Mayor says thousands died in the siege",
                       WAR + "The mayor of Varnik said thousands of civilians died during the siege of the city.",
                       BAY_AND_PRESIDENT)
    for opts, apart in ((OPTS, True), (EventOptions(cold_start_docs=0, same_outlet_place=False), False)):
        lk = EventLinker(opts)
        assert (lk.add(roundup).event_id != lk.add(report).event_id) is apart
    follow = _war_item("p3", "Associated Press", "Energy ministry rules out an import ban for now",
                       WAR + "The ministers said a ban on gas imports was not on the table for now, the ministry added.",
                       BAY_AND_PRESIDENT + ("org:energy-ministry",))
    lk = EventLinker(OPTS)
    assert lk.add(roundup).event_id == lk.add(follow).event_id


def test_scoring_reads_places_and_one_person_as_no_subject():
    from sinodesk.stages.cluster.scoring import _subject_shared

    both = frozenset(BAY_AND_PRESIDENT)
    assert not _subject_shared(both, frozenset(), "en", True, places=True)
    assert not _subject_shared(frozenset({"loc:ostrava-bay"}), frozenset({"ostrava", "bay"}), "en", True, places=True)
    assert _subject_shared(both, frozenset(), "en", True, places=False)  # off: two entities are a subject
    assert _subject_shared(both | {"org:energy-ministry"}, frozenset(), "en", True, places=True)
    assert _subject_shared(both | {"person:ana-ferreira"}, frozenset(), "en", True, places=True)  # two people
    assert _subject_shared(both, frozenset({"siege"}), "en", True, places=True)  # a word of what happened
    assert not _subject_shared(frozenset(), frozenset(), "en", True, places=True)


def _shop(n: int, head: str, body: str) -> LinkItem:
    return LinkItem(f"m{n}", head, body, published="2025-11-30", language="en", outlet="Gadget Weekly",
                    publisher="Gadget Weekly", url=f"https://gadget-weekly.example/{n}")


def test_an_outlets_rubric_in_two_headlines_is_no_shared_subject():
    """A gadget site files its sale roundups under one rubric ("Winter Sale deals: ...") among its other
    posts.  Two roundups share the rubric and the words of any sale (prices, discounts, save) and
    nothing else: two stories (``rubric_share``); off, the rubric is a shared headline subject and they
    link.  A headline word in fewer of the site's headlines still makes a subject."""
    sale = ("Prices were cut across the store for the winter sale, with discounts of up to half off, free "
            "shipping on orders over a set amount and bundles that save you more when you buy two. ")
    first = _shop(1, "Winter Sale deals: the best discounts on laptops and tablets",
                  sale + "Laptops and tablets from the big makers are cheaper than they have been all year.")
    second = _shop(2, "Winter Sale deals: headphones and speakers that truly save you money",
                   sale + "Headphones and speakers from the big makers are cheaper than they have been all year.")
    rubric = [_shop(10 + k, f"Winter Sale deals: {what}", sale + f"{what.capitalize()} are cheaper this week.")
              for k, what in enumerate(("smart watches", "phone cases", "game consoles"))]
    others = [_shop(20 + k, f"{topic} review: {verdict}", f"We tested the {topic} for a week. {verdict}.")
              for k, (topic, verdict) in enumerate(
                  (("Lumen phone", "bright but slow"), ("Arden laptop", "light and quiet"), ("Vega tablet", "a fine screen"),
                   ("Orbit speaker", "loud enough"), ("Pike router", "fast at last"), ("Nova watch", "a week of battery"),
                   ("Quill pen", "smooth writing"), ("Rally mouse", "good for gaming"), ("Sable keyboard", "clicky keys"),
                   ("Tide earbuds", "snug fit"), ("Umbra monitor", "rich colours"), ("Vale camera", "sharp photos"),
                   ("Wren drone", "steady flight"), ("Yarrow lamp", "warm light"), ("Zephyr fan", "quiet nights")))]
    for opts, apart in ((OPTS, True), (EventOptions(cold_start_docs=0, rubric_share=0.0), False)):
        lk = EventLinker(opts)
        lk.expect(others + rubric + [first, second])
        for item in others + rubric:
            lk.add(item)
        assert (lk.add(first).event_id != lk.add(second).event_id) is apart
        feats = lk.read(first)
        assert feats.rubric == (frozenset({"winter", "sale", "deal"}) if apart else frozenset())
