"""Clean stage: every line labelled, text and offsets untouched, boilerplate caught."""

from __future__ import annotations

from sinodesk.records import Document
from sinodesk.stages.clean import clean, split_lines

from tests.conftest import SEEDS, need_shared


def _doc(text: str) -> Document:
    return Document(doc_id="t", raw_id="t", source="t", kind="text", text=text)


def test_split_lines_handles_every_line_break():
    text = "one\r\ntwo\nthree\rfour"
    assert [text[s:e] for s, e in split_lines(text)] == ["one", "two", "three", "four"]
    assert split_lines("a\n\nb\n") == [(0, 1), (2, 2), (3, 4)]


def test_lines_round_trip_with_crlf():
    text = "Headline\r\n\r\nBody line.\r\nShare this\r\n"
    c = clean(_doc(text))
    assert [ln.text for ln in c.lines] == ["Headline", "", "Body line.", "Share this"]
    for ln in c.lines:
        assert text[ln.start:ln.end] == ln.text
        assert "\r" not in ln.text
    assert [ln.kind for ln in c.lines] == ["text", "blank", "text", "boilerplate"]
    assert c.lines[3].reason == "share"


def test_boilerplate_rules_name_their_reason():
    text = "\n".join([
        "Skip to content",
        "Home | World | Business | Tech",
        "Related postings on Chinascope:",
        "— Read More",
        "Tag Archives: China",
        "We use cookies to improve your experience.",
        "© 2025 Example Media. All rights reserved.",
        "Please enter a valid email address.",
        "Shares of Tencent fell five percent in Hong Kong on Monday.",
        "More than twenty countries have joined the programme.",
    ])
    kinds = [(ln.kind, ln.reason) for ln in clean(_doc(text)).lines]
    assert kinds[:8] == [
        ("boilerplate", "navigation"), ("boilerplate", "navigation"), ("boilerplate", "related"),
        ("boilerplate", "read-more"), ("boilerplate", "tag-archive"), ("boilerplate", "cookie"),
        ("boilerplate", "copyright"), ("boilerplate", "subscribe"),
    ]
    # news sentences that start like boilerplate words stay text
    assert kinds[8:] == [("text", ""), ("text", "")]


def test_footer_region_after_marker_near_the_end():
    body = "A long paragraph about the economy that goes on for a while. " * 20
    text = f"Story Headline\n\n{body}\n\nPrepared By\n\nJane Doe studies Chinese at a university.\n\nCiCM 1 January 2025\n"
    lines = clean(_doc(text)).lines
    footer = [ln.text for ln in lines if ln.reason == "footer"]
    assert footer == ["Prepared By", "Jane Doe studies Chinese at a university.", "CiCM 1 January 2025"]
    assert lines[2].kind == "text"


def test_footer_marker_followed_by_sources_is_not_a_footer():
    text = "Prepared by\nSome story text that continues.\nSource: Xinhua, May 2, 2024\n"
    assert all(ln.reason != "footer" for ln in clean(_doc(text)).lines)


def test_seed_000_footer_and_form_are_boilerplate():
    path = need_shared(SEEDS) / "000_9365d856f0199413.txt"
    text = path.read_bytes().decode("utf-8")
    lines = clean(_doc(text)).lines
    assert "".join(text[ln.start:ln.end] for ln in lines) == text.replace("\n", "")
    by_text = {ln.text.strip(): ln for ln in lines if ln.text.strip()}
    for t in ("Prepared By", "Subscribe now to our newsletter !", "Looks good.", "Please accept the terms to continue."):
        assert by_text[t].kind == "boilerplate", t
    assert by_text["NEWS IN CHINA"].kind == "text"
