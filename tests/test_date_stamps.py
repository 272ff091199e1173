"""Date stamp lines date an undated story (written lines in the shapes of news pages, word-tokenised
text with spaced separators as in ECB+; none copied from a data set)."""

import pytest

from sinodesk.stages.extract.date_stamps import stamp_date

_LEAD = "Flood waters rose across the river valley overnight, and the county opened two shelters, officials said."
_TAIL = "Crews expect the river to crest on Thursday, and the county asked drivers to stay off low roads."


@pytest.mark.parametrize("line, iso", [
    ("14 March 2016, 09: 30 (GMT+03: 00)", "2016-03-14"),  # a clock time and a bracketed zone after the date
    ("2016 - 03 - 14", "2016-03-14"),  # spaced separators of tokenised text
    ("Mon, 14 / 03 / 2016 - 09: 30", "2016-03-14"),  # weekday + numeric date (day first: 14 cannot be a month)
    ("3 / 14 / 2016 4: 05: 19 PM", "2016-03-14"),  # US numeric order, clock with seconds
    ("14. 03. 2016", "2016-03-14"),  # dotted numeric dates are day first
    ("Monday March 14, 2016 @ 9: 30am PDT", "2016-03-14"),
    ("Mon., Mar. 14, 2016 11: 45 AM EDT", "2016-03-14"),
    ("4 P. M. MAR. 14, 2016", "2016-03-14"),  # an hour with spaced A. M. / P. M., a capitals month
    ("on Mar 14 2016, 4: 05p", "2016-03-14"),
    ("Sunday, March 13 - 2016 at 16: 12", "2016-03-13"),
    ("Valley Herald Mar 14, 2016, 09. 30AM IST", "2016-03-14"),  # the outlet's name before the stamp
])
def test_stamp_lines_are_read(line, iso):
    assert stamp_date(line) == iso


@pytest.mark.parametrize("line", [
    "The council will vote on 14 March 2016 at 9: 30 in the town hall.",  # a sentence that mentions a date
    "Hale was born on March 14, 1931, in Riverton.",
    "Hale died March 14, 2016.",  # two words, one of them prose: a sentence, however short
    "Born: March 14, 1931, Riverton",  # a birth date in a bio line
    "Deadline: 14 / 03 / 2016",  # a field that is not the page's date
    "Ada Hale, March 14, 1931 - June 2, 2009",  # a life span: two dates and no label between
    "Mar. 14 5: 59 PM EDT",  # no year
    "Posted: Mar 14, 2016 8: 20 AM ET",  # a labelled stamp is read only when asked (see below)
])
def test_lines_that_are_no_date_stamp(line):
    assert stamp_date(line) is None


@pytest.mark.parametrize("line, iso", [
    ("Posted: Mar 14, 2016 8: 20 AM ET Last Updated: Mar 15, 2016 8: 10 PM ET", "2016-03-14"),  # the first: published
    ("Updated: March 15, 2016, 11: 34 AM ET", "2016-03-15"),
    ("14 March 2016 Last updated at 11: 11 GMT", "2016-03-14"),
])
def test_labelled_stamps_when_asked(line, iso):
    """Read with ``labelled=True``; off in document dating (it lowered ECB+ topics 1-35, see README)."""
    assert stamp_date(line, labelled=True) == iso


def test_stamp_line_dates_an_undated_story_through_ingest():
    """Through ingest into a fresh archive: a text-only JSONL line (no date field) whose second line
    is a stamp takes the stamp's day as ``published`` ("document"); one whose only date is in a
    sentence, or in a bio line, stays undated (the ingest day, "ingested")."""
    from sinodesk.eval.harness import ingest_items

    texts = {
        "stamp": f"River floods two towns\n14 March 2016, 09: 30 (GMT+03: 00)\n{_LEAD}\n{_TAIL}",
        "numeric": f"Shelters open as river rises\nOn Mon, 14 / 03 / 2016 - 09: 30\n{_LEAD}\n{_TAIL}",
        "sentence": f"Council to vote on flood plan\nThe council will vote on 14 March 2016 in the town hall.\n{_LEAD}",
        "bio": f"Flood engineer honoured\nBorn: March 14, 1931, Riverton\n{_LEAD}",
    }
    run = ingest_items([{"url": f"https://example.org/{k}", "text": v} for k, v in texts.items()])
    got = {k: (ss[0]["published"], ss[0]["published_source"]) for k, ss in zip(texts, (run.by_line()[i + 1] for i in range(len(texts))))}
    assert got["stamp"] == ("2016-03-14", "document")
    assert got["numeric"] == ("2016-03-14", "document")
    assert got["sentence"][1] == "ingested"
    assert got["bio"][1] == "ingested"


@pytest.mark.parametrize("text, iso", [
    ("TAIPEI, March 12, 2026 -- The coast guard said two vessels entered the zone.", "2026-03-12"),
    ("Coast guard reports vessels\nTAIPEI, March 12, 2026 (CNA) - The coast guard said ...", "2026-03-12"),  # under a headline
    ("WASHINGTON, D.C., 12 March 2026 (Reuters) - Officials said ...", "2026-03-12"),  # a region, day first, an agency
    ("March 12, 2026 — The ministry said ...", "2026-03-12"),  # no place
    ("2026-03-12: The ministry said ...", "2026-03-12"),
    ("本报北京2026年3月12日电 记者从市政府获悉", "2026-03-12"),
    ("On March 12, 2026 the ministry said ...", None),  # the lead's own sentence: the event's date
    ("BEIJING, March 3 (Xinhua) -- China said ...", None),  # no year written: not taken
    ("TAIPEI -- Officials said on March 12, 2026 that ...", None),
    ("The report, published March 12, 2026, said ...", None),
    ("Hale was born on March 14, 1931, in Riverton.", None),
])
def test_dateline_dates(text, iso):
    from sinodesk.stages.extract import default_resources
    from sinodesk.stages.extract.dates import dateline_date

    assert dateline_date(text, 0, len(text), default_resources().dates) == iso


def test_dateline_dates_a_story_through_ingest():
    """A story whose dateline writes the date with its year is dated by it ("dateline"), not by the
    ingest day; a date in the lead's sentence does not date the story; a container date still wins."""
    from sinodesk.eval.harness import ingest_items

    texts = {
        "dateline": f"River floods two towns\nRIVERTON, March 14, 2016 -- {_LEAD}\n{_TAIL}",
        "sentence": f"Council to vote on flood plan\nOn March 14, 2016 the council voted on a flood plan. {_LEAD}",
    }
    items = [{"url": f"https://example.org/{k}", "text": v} for k, v in texts.items()]
    items.append({"url": "https://example.org/feed", "text": texts["dateline"].replace("River", "Rain"), "date": "2016-03-15"})
    run = ingest_items(items)
    got = [(ss[0]["published"], ss[0]["published_source"]) for ss in (run.by_line()[i + 1] for i in range(3))]
    assert got[0] == ("2016-03-14", "dateline")
    assert got[1][1] == "ingested"
    assert got[2] == ("2016-03-15", "container")
