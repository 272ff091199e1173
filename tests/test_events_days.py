"""Two groups of reports of the same days are one event: local re-clustering's split test
(``split_ratio``) does not part them when their stories are dated within ``split_days`` of each
other (stories written for these tests, English and Chinese)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sinodesk.stages.cluster import EventLinker, EventOptions, LinkItem

# one event told from two angles on two days: the check-in to rehab, then the walk-out the day after
CHECKIN = [
 ("Actress Dana Wells checks into rehab in Malibu", "Actress Dana Wells checked into a rehab clinic in Malibu on Thursday to begin a 90-day stay ordered by a Los Angeles judge, her lawyer said. The judge had given Wells until noon to report to the clinic after she pleaded no contest to reckless driving. Her lawyer told the court the actress arrived at the clinic in the morning with her sister and signed in for treatment."),
 ("Dana Wells begins court-ordered rehab stay", "Dana Wells began her court-ordered rehab stay on Thursday, arriving at a Malibu clinic hours before the deadline set by the Los Angeles judge. The 90-day treatment replaces a jail term for reckless driving, her lawyer said after the hearing. Wells signed in with her sister, according to the lawyer."),
 ("Lawyer: Wells arrives at Malibu rehab clinic", "The lawyer for actress Dana Wells said on Thursday that she had arrived at a rehab clinic in Malibu, meeting the deadline a Los Angeles judge set when he sentenced her to 90 days of treatment for reckless driving. The actress was driven to the clinic by her sister."),
 ("Wells enters rehab to avoid jail", "Actress Dana Wells entered a Malibu rehab clinic on Thursday to serve a 90-day sentence instead of jail for reckless driving, her lawyer told a Los Angeles judge. The judge had warned she would go to jail if she missed the noon deadline at the clinic."),
 ("Dana Wells in rehab on deadline day", "On the day of her deadline Dana Wells checked into treatment at a rehab clinic in Malibu, her lawyer told the Los Angeles court on Thursday. The 90-day stay was ordered after her plea to reckless driving, and the judge accepted that she had arrived."),
]
WALKOUT = [
 ("Dana Wells walks out of Malibu rehab within minutes", "Dana Wells left the Malibu rehab clinic minutes after arriving, prosecutors told a Los Angeles judge on Friday, saying the facility was not licensed and the actress had driven away to a hotel. Prosecutor Maria Ortiz asked for a warrant; the judge ordered her lawyer to find an approved facility by Monday."),
 ("Prosecutor: Wells fled unlicensed facility", "Prosecutor Maria Ortiz said on Friday that actress Dana Wells fled the unlicensed Malibu facility within minutes and spent the night at a hotel. Ortiz asked the Los Angeles judge for a warrant, and the judge gave Wells until Monday to enter an approved program."),
 ("Judge gives Wells until Monday after rehab walkout", "A Los Angeles judge on Friday gave Dana Wells until Monday to enter an approved program after prosecutors said she walked out of an unlicensed Malibu facility and drove to a hotel. Prosecutor Maria Ortiz had asked for a warrant for the actress."),
 ("Wells skipped rehab for a hotel, prosecutors say", "Dana Wells spent the night at a hotel after leaving an unlicensed rehab facility in Malibu within minutes, prosecutor Maria Ortiz told the Los Angeles court on Friday. The judge refused a warrant but set a Monday deadline for an approved program."),
 ("Warrant sought as Wells leaves facility", "Prosecutors sought a warrant on Friday for actress Dana Wells, who they said left an unlicensed Malibu facility within minutes of arriving and checked into a hotel. The Los Angeles judge set a new deadline of Monday for an approved facility, said prosecutor Maria Ortiz."),
]

# a typhoon's landfall, then the next day's power cuts and rescue
LANDFALL = [
 ("台风“海鸥”在湛江登陆", "今年第9号台风“海鸥”于周二上午在广东湛江沿海登陆，登陆时中心附近最大风力14级。广东省气象台发布台风红色预警，湛江、茂名两市停课停工，沿海渔船全部回港避风。省防总启动防风一级应急响应。"),
 ("“海鸥”登陆湛江 广东启动一级应急响应", "受台风“海鸥”影响，广东省防总周二启动防风一级应急响应。台风上午在湛江登陆，最大风力14级，湛江和茂名停课停工，渔船回港避风，气象台维持红色预警。"),
 ("台风海鸥登陆 湛江茂名停课停工", "台风“海鸥”周二上午登陆广东湛江，中心风力14级。湛江、茂名宣布停课停工，全省沿海渔船回港。广东省气象台发布今年首个台风红色预警，省防总启动一级应急响应。"),
 ("14级台风“海鸥”正面袭击湛江", "周二上午，14级台风“海鸥”在湛江沿海登陆。广东省气象台发布红色预警，湛江茂名两地停课停工，省防总启动一级应急响应，沿海渔船全部回港避风。"),
 ("广东发布台风红色预警 “海鸥”登陆", "广东省气象台周二发布台风红色预警，第9号台风“海鸥”上午在湛江登陆，登陆时风力14级。湛江、茂名停课停工，省防总启动防风一级应急响应，渔船回港。"),
]
AFTERMATH = [
 ("“海鸥”过境湛江 二十万户停电", "第9号台风“海鸥”周二上午在广东湛江登陆，风力14级。台风“海鸥”过境后，湛江周三仍有二十万户停电，南方电网调集三千名抢修人员赶赴灾区。民政部门紧急转移安置群众五万人，倒塌房屋一百余间，救援队伍正在清理道路上的倒伏树木。"),
 ("南方电网三千人抢修湛江电力", "第9号台风“海鸥”周二上午在广东湛江登陆，风力14级。南方电网周三调集三千名抢修人员赶赴湛江，台风“海鸥”造成当地二十万户停电。民政部门转移安置五万群众，倒塌房屋一百余间，道路上的倒伏树木正在清理。"),
 ("湛江转移安置五万群众", "第9号台风“海鸥”周二上午在广东湛江登陆，风力14级。台风“海鸥”过境后，湛江民政部门周三表示已转移安置五万群众，倒塌房屋一百余间。二十万户停电，南方电网三千名抢修人员正在恢复供电，救援队伍清理倒伏树木。"),
 ("台风过后湛江全力抢修", "第9号台风“海鸥”周二上午在广东湛江登陆，风力14级。周三，湛江全力开展台风“海鸥”灾后抢修。南方电网三千人抢修队伍恢复二十万停电户的供电，民政部门安置五万群众，一百余间倒塌房屋正在统计，倒伏树木正被清理。"),
 ("湛江灾后：停电户逐步恢复供电", "第9号台风“海鸥”周二上午在广东湛江登陆，风力14级。台风“海鸥”过境一天后，湛江二十万停电户正逐步恢复供电。南方电网派出三千名抢修人员，民政部门转移安置五万群众，倒塌房屋一百余间，救援队伍清理倒伏树木。"),
]

INTERLEAVED = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9]


def _events(stories, language: str, days: tuple[str | None, str | None], order, opts: EventOptions) -> list[int]:
    """Link the ten stories (the first five on ``days[0]``, the others on ``days[1]``) in ``order``; each
    story's event, numbered by first appearance."""
    lk = EventLinker(opts)
    for i in order:
        head, text = stories[i]
        lk.add(LinkItem(f"s{i}", head, text, published=days[0] if i < 5 else days[1], language=language))
    ids = [lk.event_of(f"s{i}") for i in range(len(stories))]
    return [list(dict.fromkeys(ids)).index(e) for e in ids]


CASES = [(CHECKIN + WALKOUT, "en", ("2024-05-02", "2024-05-03")),
         (LANDFALL + AFTERMATH, "zh", ("2024-09-03", "2024-09-04"))]


@pytest.mark.parametrize("stories, language, days", CASES, ids=["en", "zh"])
@pytest.mark.parametrize("order", [list(range(10)), INTERLEAVED], ids=["grouped", "interleaved"])
def test_reports_of_the_same_days_are_one_event(stories, language, days, order):
    assert _events(stories, language, days, order, EventOptions()) == [0] * 10
    # without the rule the split test parts the two angles: two events
    off = replace(EventOptions(), split_days=-1)
    assert _events(stories, language, days, order, off) == [0] * 5 + [1] * 5


@pytest.mark.parametrize("stories, language, days", CASES, ids=["en", "zh"])
def test_undated_or_mostly_undated_groups_keep_the_split_test(stories, language, days):
    # no dates: nothing tells the days apart, so two groups this far apart inside stay two events
    assert _events(stories, language, (None, None), range(10), EventOptions()) == [0] * 5 + [1] * 5
    # the second group undated: the same
    assert _events(stories, language, (days[0], None), range(10), EventOptions()) == [0] * 5 + [1] * 5
