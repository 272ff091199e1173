"""Extract stage, issue 14 (session attr16): attribution kinds found missing on unlabelled public text
(tools/attribution_scan.py) -- speakers after the verb, wire-style company names, outlets told, Chinese
headline speakers -- and the false sources next to them.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from sinodesk.records import Document, Segment
from sinodesk.stages.extract import extract


def _sources(text: str, lang: str = "en") -> list[str]:
    doc = Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)
    return [a.text for a in extract(doc, Segment(start=0, end=len(text), text=text), lang).attributions]


@pytest.mark.parametrize("text,want", [
    # an honorific between "said" and the name; not when the name opens what was said
    ('Storm hits coast\n\nPaul Kerrigan runs the port. "The sea wall held," said Mr Kerrigan.', ["Kerrigan"]),
    ("Budget\n\nAides said Mr Osborne had lost the argument.", []),
    # a place before the role after "said"; a possessive after "said" opens the reported clause
    ('Bank deal\n\n"The assets are pledged," said Moscow-based US lawyer Jamie Firestone.', ["Jamie Firestone"]),
    ("Oil deal\n\nLegal experts said Rosneft's purchase of the unit would include the debts.", []),
    # a person or place after "for" / "of" belongs to the unnamed speaker's description
    ("Election\n\nThe MP for Sittingbourne and Sheppey said the campaign was long.", []),
    # a participle right before a noun modifies it; narrating is not reporting
    ("Weather\n\nOne Napa County reporting station saw no rain.", []),
    ("Film\n\nWolf Brother tells the story of a young hunter.", []),
    # an outlet named before its kind word
    ("Paper\n\nThe Times newspaper has announced that it will print in a compact size.", ["Times"]),
    # the organisation of an unnamed role after "said"
    ('Roaming\n\n"The market is competitive," said a Vodafone spokesman.', ["Vodafone"]),
    # a quoted speaker no list holds, right after the verb
    ('Golf\n\n"I had to go through all the gears," said McIlroy.', ["McIlroy"]),
    # a headline opening with its speaker and a colon
    ("Merkel: Europe must stand together\n\nAngela Merkel spoke in Berlin on Thursday.", ["Merkel"]),
    ("Iraq: bombing kills 20\n\nThe attack hit a market in Baghdad.", []),  # a place is no speaker
    # wire style: the legal suffix, a ticker in brackets and a bare weekday between the company and the cue
    ("Patches\n\nMicrosoft Corp. Tuesday said it would release eight patches.", ["Microsoft Corp."]),
    ("Profit\n\nSix Flags late Monday reported net income of $56 million.", ["Six Flags"]),
    # an outlet told, by the shape of its name
    ('Markets\n\n"There are two things to know," he told Business Insider.', ["Business Insider"]),
])
def test_english_kinds(text, want):
    assert _sources(text) == want


@pytest.mark.parametrize("text,want", [
    ("香港娱乐圈教父林建岳：陈冠希是犯了罪的小孩", ["林建岳"]),  # a role before the person and the colon
    ("渣打银行梁大伟：黄金明年冲破1200美元", ["梁大伟"]),  # the person speaks, not the bank
    ("科比绝杀雄鹿为何不包夹 阿泰：他没干好自己的活", ["阿泰"]),  # a colon clause after a space
    ("奥巴马西点军校演讲称美不能在全球独自行动", ["奥巴马"]),  # speaker, a short verb phrase, 称
    ("“爱心大使”王雅捷重阳敬老 称关爱老人应趁早", ["王雅捷"]),  # a clause opening with 称
    ("腾讯官方回应兼容问题：仍有500万用户受威胁", ["腾讯"]),  # 回应 is a cue
    # negatives: a column's name before the colon, 数据 ... 堪称, 称赞, an elided subject that is not the person
    ("详讯：嘉欣淡紫色礼服华贵艳丽 与爱郎十指紧扣", []),
    ("利物浦恐怖数据源自超级组合 红军三头怪堪称完美", []),
    ("胡锦涛肯定香港应对金融危机努力 称赞施政团队", []),
    ("星皓公司否认林嘉欣退出娱乐圈 称新合作更自由", []),
    ("韩国敦促朝鲜对无核化会谈作出积极回应", []),
])
def test_chinese_headline_kinds(text, want):
    assert _sources(text, "zh") == want
