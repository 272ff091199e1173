"""Extract stage, issue 14 (session num20): numbers and dates of kinds the tune sets and an audit of unlabelled
public-set text (BBC, AG News, ECB+, GVC, Reuters-21578, feeds and THUCNews items outside every gold set and the
held-out pool; ``tools/numdate_audit.py``, ``tools/numdate_diff.py``) showed missed.  Sentences written for these
tests, each rule with negatives."""

from __future__ import annotations

import pytest

from tests.extract_cases import _dates, _nums


@pytest.mark.parametrize("sentence,want", [
    # an initialism in the plural is a counted noun, however short
    ("A group of five MPs wrote to the minister.", [("five MPs", 5.0, "mps")]),
    ("The boxer has won 31 fights, with 27 KOs, since he turned professional.", [("31 fights", 31.0, "fights"), ("27 KOs", 27.0, "kos")]),
    ("The plant built 400 SUVs and the dealer sold two.", [("400 SUVs", 400.0, "suvs")]),
    # negatives: an initialism in the singular names something, a plural that is a name's part stays out
    ("The 12 MP3 players were stolen from a van.", []),
])
def test_initialism_plurals_are_counted_nouns(sentence, want):
    assert [n for n in _nums(sentence) if n[0] != "two"] == want


@pytest.mark.parametrize("sentence,want", [
    # the later ages of a list after "ages"/"aged"; the first age takes the unit the last one writes
    ("She leaves two sons, ages 9 and 12, and a daughter.", [("two sons", 2.0, "sons"), ("9", 9.0, "years"), ("12", 12.0, "years")]),
    ("The twins, aged 3 and 3, were unhurt.", [("3", 3.0, "years"), ("3", 3.0, "years")]),
    ("Their children, aged 4 and 10 months, were asleep upstairs.", [("4", 4.0, "months"), ("10 months", 10.0, "months")]),
    ("Aged between 18 and 25, the cadets trained for six weeks.", [("18", 18.0, "years"), ("25", 25.0, "years"), ("six weeks", 6.0, "weeks")]),
    # (not one age in years and days)
    ("He won the seat aged 23 and 150 days.", [("23", 23.0, "years"), ("150 days", 150.0, "days")]),
    # ", both 71 and": an age two people share; an age after an agent noun; "I was 15," closing a clause
    ("John Reed and Mary Hale, both 71 and of Leeds, were charged.", [("71", 71.0, "years")]),
    ("The award-winning film-maker, 57, spoke at the festival.", [("57", 57.0, "years")]),
    ("\"When I was 15, I left home,\" she said.", [("15", 15.0, "years")]),
    # negatives: a list of ages needs "ages"/"aged"; "both" alone before a number and a noun; a room number
    ("Rooms 9 and 12 reopened on Monday.", []),
    ("The two sides, both 3 points clear, met on Sunday.", [("two sides", 2.0, "sides"), ("3 points", 3.0, "points")]),
    ("I was 15 minutes late.", [("15 minutes", 15.0, "minutes")]),
])
def test_ages_in_lists_pairs_and_clauses(sentence, want):
    assert _nums(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # a height in feet and inches: the inches glued to their digits after the feet
    ("The 6ft 3in lock is the tallest player in the squad.", [("6ft", 6.0, "feet"), ("3in", 3.0, "inches")]),
    ("The fence is 8ft 6ins high.", [("8ft", 8.0, "feet"), ("6ins", 6.0, "inches")]),
    # negatives: "in" after digits with no feet before them is a word, not inches
    ("He scored 2 in the first half.", []),
    ("The 7ft in the corner was flooded.", [("7ft", 7.0, "feet")]),
])
def test_heights_in_feet_and_inches(sentence, want):
    assert _nums(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # a period after an approximator is a duration ...
    ("He has waited more than a year for the ruling.", [("more than a year", 1.0, "years")]),
    # ... not a comparison base or a date before now
    ("It will be about a month before the report is out.", [("about a month", 1.0, "months")]),
    ("Exports were 8% higher than a year earlier.", [("8%", 8.0, "percent")]),
    ("The mine closed more than a year ago.", []),
])
def test_a_period_is_no_comparison_base(sentence, want):
    assert _nums(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # a range of days whose first day has no 日 of its own
    ("高考将于6月7至8日举行", [("6月7至8日", "2024-06-07/2024-06-08", "day")]),
    ("展会于4月12-14日在上海举办", [("4月12-14日", "2024-04-12/2024-04-14", "day")]),
    # the written form with both 日 still reads the same; a single day stays a day
    ("考试定于6月7日至8日举行", [("6月7日至8日", "2024-06-07/2024-06-08", "day")]),
    ("考试定于6月7日举行", [("6月7日", "2024-06-07", "day")]),
])
def test_zh_day_ranges_without_the_first_day_mark(sentence, want):
    assert _dates(sentence, "zh") == want


@pytest.mark.parametrize("sentence,want", [
    # an age given by its decade: the decade's first year
    ("Police arrested a man in his 40s on Friday night.", [("40s", 40.0, "years")]),
    ("A woman in her mid-30s and a man in his late twenties were hurt.", [("mid-30s", 30.0, "years"), ("late twenties", 20.0, "years")]),
    # negatives: a decade of the calendar, a temperature
    ("He loved the music of the 60s.", []),
    ("Temperatures reached the high 90s in Phoenix.", []),
])
def test_ages_by_decade(sentence, want):
    assert _nums(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # a decade written short after "the" (with its part), and the second of a pair
    ("He played in a punk band in the 70s.", [("70s", "1970/1979", "decade")]),
    ("Prices soared in the late 80s and early 90s.", [("late 80s", "1980/1989", "decade"), ("early 90s", "1990/1999", "decade")]),
    ("It recalls the '60s protest songs.", [("60s", "1960/1969", "decade")]),
    # negatives: an age, a bare count of tens
    ("The suspect is in his 50s.", []),
    ("Scores in 70s are common there.", []),
])
def test_short_decades(sentence, want):
    assert _dates(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # 场 counts games, 层 floors, 枪 shots (not 场所/场次, 层次/含义, 枪手)
    ("主队近6场比赛保持不败 客队过去4场仅得1分", [("近6场", 6.0, "games"), ("4场", 4.0, "games"), ("1分", 1.0, "points")]),
    ("前锋被停赛三场", [("三场", 3.0, "games")]),
    ("男子从12层楼坠下", [("12层", 12.0, "floors")]),
    ("歹徒连开两枪后逃离", [("两枪", 2.0, "shots")]),
    ("全市新增5场所", []),
    ("此话有两层含义", []),
    ("湖人输掉第5场", []),
])
def test_zh_games_floors_shots(sentence, want):
    assert _nums(sentence, "zh") == want


@pytest.mark.parametrize("sentence,want", [
    # 套 before a word for homes counts flats; 所/家 before 学院 colleges; 民众 people
    ("楼盘本周推出8套特价房", [("8套", 8.0, "apartments")]),
    ("开发商加推60套房源", [("60套", 60.0, "apartments")]),
    ("全省12家学院获批招生", [("12家学院", 12.0, "colleges")]),
    ("逾百万民众联署请愿", [("百万民众", 1000000.0, "people")]),
    ("当地3000民众自发清理街道", [("3000民众", 3000.0, "people")]),
    # negatives: 套 of plans stays sets; a version number counts nothing
    ("专家组提出3套方案", [("3套", 3.0, "sets")]),
    ("公司发布2.0版客户端", []),
    ("游戏4.0新版任务系统详解", []),
])
def test_zh_homes_colleges_people_versions(sentence, want):
    assert _nums(sentence, "zh") == want


@pytest.mark.parametrize("sentence,want", [
    # an age a rule sets: "age ... from 60 to 65", "the leaving age to 18"
    ("Ministers want to raise the retirement age for civil servants from 60 to 66.", [("60", 60.0, "years"), ("66", 66.0, "years")]),
    ("The bill lifts the school leaving age to 17.", [("17", 17.0, "years")]),
    # negatives: a price after a name with Age in it, a period after "to"
    ("Shares in Stone Age Media rose to 18p.", [("18p", 0.18, "GBP")]),
])
def test_ages_a_rule_sets(sentence, want):
    assert _nums(sentence) == want


@pytest.mark.parametrize("sentence,want", [
    # 所 counts schools and hospitals by their noun; other nouns after it leave the measure word's reading
    ("全省15所高职院校获准扩招", [("15所高职院校", 15.0, "colleges")]),
    ("本市30所研究生招生单位公布名单", [("30所", 30.0, "institutions")]),
])
def test_zh_suo_counts_schools(sentence, want):
    assert _nums(sentence, "zh") == want
