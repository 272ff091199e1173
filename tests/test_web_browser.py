"""The web UI in a real browser: Debian's chromium driven by Playwright, against a real uvicorn
server on a free loopback port, over a real archive (the bundled examples and the five seeds).

One server and one browser for the module; each test opens its own page.  Set
``SINODESK_SCREENSHOTS=DIR`` to keep screenshots of the pages visited.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest

from .conftest import HOSTILE_TITLE

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]


def _need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        msg = f"{CHROMIUM} is missing: apt-get install -y chromium fonts-wqy-microhei (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)


@pytest.fixture(scope="module")
def server(web_db):
    """uvicorn serving the app on 127.0.0.1, on a port the OS chose; stopped after the module."""
    import uvicorn

    from sinodesk.web import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(str(web_db)), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start in 30 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    _need_chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]' brings playwright")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that fails the test on a Content-Security-Policy violation, a script error or a dialog."""
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()
    assert problems == []


def _shot(pg, name: str) -> None:
    where = os.environ.get("SINODESK_SCREENSHOTS")
    if where:
        Path(where).mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(Path(where) / f"{name}.png"), full_page=True)


def _hits(pg) -> list[str]:
    return pg.locator("#results .hit h2 a").all_inner_texts()


def test_search_in_english_updates_as_you_type(page):
    page.goto("/search")
    page.evaluate("window.__same_document = true")
    page.locator("#q").press_sequentially("gallium", delay=20)
    page.wait_for_url(re.compile(r"q=gallium"))
    page.wait_for_selector("#results .hit")
    assert "Export Controls on Gallium Tightened Again" in _hits(page)
    assert page.evaluate("window.__same_document") is True  # htmx swapped the results: no page load
    marks = page.locator("#results mark.hit-word").all_inner_texts()
    assert marks and all(m.lower() == "gallium" for m in marks)
    _shot(page, "search-en")
    page.reload()  # the URL holds the query
    assert page.locator("#q").input_value() == "gallium" and "Export Controls on Gallium Tightened Again" in _hits(page)


def test_search_in_chinese(page):
    page.goto("/search")
    page.locator("#q").fill("网络攻击")
    page.wait_for_url(re.compile(r"q=%E7%BD%91"))
    page.wait_for_selector("#results .hit")
    assert _hits(page)[0] == "网络攻击导致杭州云服务中断"
    page.goto("/search?q=" + "殭屍網絡")  # Traditional finds Simplified, marked in the snippet
    assert _hits(page)[0] == "网络攻击导致杭州云服务中断"
    assert page.locator("#results mark.hit-word").first.inner_text() == "僵尸网络"
    _shot(page, "search-zh")


def test_facets_narrow_the_results(page):
    page.goto("/search?per_page=100")
    before = len(_hits(page))
    page.locator("#f-lang").select_option("zh")
    page.wait_for_url(re.compile(r"lang=zh"))
    page.wait_for_selector("#results .chips")
    assert 0 < len(_hits(page)) < before
    assert all(lang == "zh" for lang in page.locator("#results article.hit").evaluate_all("els => els.map(e => e.lang)"))
    page.locator("#results .chips a").first.click()  # remove the filter again
    page.wait_for_url(lambda url: "lang=zh" not in url)
    assert len(_hits(page)) == before


def test_page_through_results(page):
    page.goto("/search?q=China&per_page=5")
    first = _hits(page)
    assert len(first) == 5
    page.locator("a[rel=next]").click()
    page.wait_for_url(re.compile(r"page=2"))
    second = _hits(page)
    assert len(second) == 5 and not set(first) & set(second)
    assert page.locator(".pager [aria-current=page]").inner_text() == "Page 2"
    page.keyboard.press("n")  # the keyboard shortcut for the next page
    page.wait_for_url(re.compile(r"page=3"))
    third = _hits(page)
    assert third and not set(third) & (set(first) | set(second))
    page.keyboard.press("p")
    page.wait_for_url(re.compile(r"page=2"))
    assert _hits(page) == second


def test_keyboard_navigation(page):
    page.goto("/sources")
    page.keyboard.press("/")  # from any page: go to search
    page.wait_for_url(re.compile(r"/search"))
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("gallium")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=gallium"))
    page.wait_for_selector("#results .hit")
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    first = page.evaluate("document.activeElement.textContent")
    assert first == _hits(page)[0]
    if len(_hits(page)) > 1:
        page.keyboard.press("j")
        assert page.evaluate("document.activeElement.textContent") == _hits(page)[1]
        page.keyboard.press("k")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/stories/"))
    assert page.locator("h1").inner_text() == first
    page.keyboard.press("Tab")  # the skip link comes first, and leads to the content
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_story_shows_every_fact_highlighted(page):
    page.goto("/search?q=gallium&lang=en")
    page.get_by_role("link", name="Export Controls on Gallium Tightened Again").click()
    page.wait_for_url(re.compile(r"/stories/"))
    story = page.evaluate("location.pathname.split('/').pop()")
    data = page.request.get(f"/api/stories/{story}").json()
    marks = page.locator("#story-text mark.fact")
    found = marks.evaluate_all("els => els.map(e => [e.dataset.kind, +e.dataset.start, +e.dataset.end, e.textContent])")
    for e in data["entities"]:
        assert ["entity", e["start"], e["end"], e["text"]] in found
    for n in data["numbers"]:
        assert ["number", n["start"], n["end"], n["text"]] in found
    for a in data["attributions"]:
        assert any(k == "attribution" and s == a["start"] for k, s, _, _ in found)
    assert {k for k, *_ in found} >= {"entity", "number", "attribution"}
    gallium = page.locator("#story-text mark.fact[data-canonical='product:gallium']").first
    gallium.focus()  # focus shows the kind and canonical form
    tip = gallium.evaluate("e => getComputedStyle(e, '::after').content")
    assert tip == '"entity PRODUCT → product:gallium"'
    assert gallium.get_attribute("aria-description") == "entity PRODUCT → product:gallium"
    gallium.evaluate("e => e.blur()")
    assert gallium.evaluate("e => getComputedStyle(e, '::after').content") in ("none", "normal")
    _shot(page, "story")
    raw = page.locator("#raw-link").get_attribute("href")
    assert page.request.get(raw).status == 200


def test_event_comparison(page):
    page.goto("/search?q=" + "镓")
    page.get_by_role("link", name="镓出口管制再次收紧").click()
    page.locator("#event-link").click()
    page.wait_for_url(re.compile(r"/events/ev-"))
    _shot(page, "event")
    columns = page.locator(".compare .family-col")
    assert columns.count() == 2
    assert sorted(columns.locator("h2").all_inner_texts()) == ["Hong Kong", "示例新闻"]
    boxes = [columns.nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[0]["x"] != boxes[1]["x"]  # side by side
    hk = columns.filter(has=page.locator("h2", has_text="Hong Kong"))
    assert "Ministry of Commerce" in hk.inner_text() and "48 percent" in hk.inner_text()
    assert page.locator(".conflicts").count() == 0  # 48 percent and 百分之四十八 agree
    page.goto("/search?q=rare+earth+magnets")
    page.locator("#results .hit h2 a").first.click()
    page.locator("#event-link").click()
    page.wait_for_url(re.compile(r"/events/ev-"))
    assert page.get_by_role("heading", name="⚠ Same quantity, different figures").is_visible()
    flagged = page.locator(".family-col li.conflict")
    assert sorted(t.split(" (")[0] for t in flagged.all_inner_texts()) == ["12 percent", "21 percent"]
    assert flagged.first.locator(".flag").inner_text() == "conflicts with another family"
    _shot(page, "event-conflict")


def test_incident_with_evidence(page):
    page.goto("/incidents?type=ddos")
    page.get_by_role("link", name="DDoS on DeepSeek (Mirai, HailBot, RapperBot)").click()
    page.wait_for_url(re.compile(r"/incidents/inc-"))
    victims = page.locator("section[aria-labelledby=h-victims] ul.fields > li")
    assert victims.first.locator("strong").inner_text() == "DeepSeek"
    _shot(page, "incident")
    victims.first.locator("ul.evidence a").first.click()
    page.wait_for_url(re.compile(r"/stories/.*hl="))
    evidence = page.locator("#story-text mark[data-kind=evidence]")
    assert evidence.count() == 1 and evidence.inner_text() == "DeepSeek"
    assert evidence.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert page.locator("a.incident-link").first.inner_text() == "DDoS on DeepSeek (Mirai, HailBot, RapperBot)"


def test_briefing_sections_and_citations(page):
    page.goto("/search")
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Briefing").click()
    page.wait_for_url(re.compile(r"/briefings"))
    data = page.request.get("/api/briefings/latest").json()
    sections = [sec for sec in data["sections"] if sec["items"]]
    assert [t.lower() for t in page.locator(".b-section > h2").all_inner_texts()] == [sec["title"].lower() for sec in sections]
    _shot(page, "briefing")
    first_sentence = sections[0]["items"][0]["sentences"][0]
    page.locator("article.b-item").first.locator("sup.ref a").first.click()  # a citation number jumps to its source
    target = page.evaluate("location.hash")
    assert target == f"#{sections[0]['id']}-1-c{first_sentence['ref']}"
    cited = page.locator(target).locator("a.citation")
    assert cited.get_attribute("href") == f"/stories/{first_sentence['story_id']}"
    cited.click()
    page.wait_for_url(re.compile(r"/stories/" + first_sentence["story_id"]))
    shown = " ".join(page.locator("#story-text").inner_text().split())
    assert " ".join(first_sentence["text"].split()) in shown
    page.go_back()
    page.get_by_role("link", name=re.compile(r"^#1 ")).click()
    page.wait_for_url(re.compile(r"/briefings/1$"))
    assert page.locator("aside.older [aria-current=page]").inner_text().startswith("#1")


def test_trends_mark_spikes(page):
    from .conftest import BURST_DAY

    page.goto("/trends")
    page.locator("#t-topic").select_option(["cyber", "health"])
    page.locator("#t-since").fill("2025-04-01")
    page.locator("#t-until").fill("2025-06-30")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"topic=cyber"))
    charts = page.locator("section.trend")
    assert charts.count() == 2
    cyber = charts.filter(has=page.locator("h2", has_text="topic: cyber"))
    spike = cyber.locator(f"rect.spike-bar[data-day='{BURST_DAY}']")
    assert spike.count() == 1 and spike.get_attribute("fill") == "#b2182b"
    box = spike.bounding_box()
    others = [b for b in cyber.locator("rect:not(.spike-bar)").evaluate_all("els => els.map(e => e.getBBox().height)")]
    assert box["height"] > 0 and all(h < spike.evaluate("e => e.getBBox().height") for h in others)
    assert BURST_DAY in cyber.locator("ul.spikes").inner_text()
    _shot(page, "trends")


def test_chinese_glyphs_render(page):
    """Each Chinese character draws its own glyph: with no CJK font, all would be the same empty box."""
    page.goto("/search?q=网络攻击")
    head = page.locator("#results .hit h2 a").first
    assert head.inner_text() == "网络攻击导致杭州云服务中断"
    shots = []
    for ch in "网络攻击":
        page.evaluate("""ch => { let s = document.getElementById('glyph'); if (!s) { s = document.createElement('span');
                          s.id = 'glyph'; document.querySelector('main h1').append(s); } s.textContent = ch; }""", ch)
        shots.append(page.locator("#glyph").screenshot())
    assert len(set(shots)) == 4
    from io import BytesIO

    from PIL import Image

    for png in shots:
        img = Image.open(BytesIO(png)).convert("L")
        ink = sum(1 for v in img.get_flattened_data() if v < 128)
        assert ink > 20, "a glyph with (almost) no dark pixels"
    head_png = Image.open(BytesIO(head.screenshot())).convert("L")
    assert sum(1 for v in head_png.get_flattened_data() if v < 160) > 200


def test_markup_in_a_title_shows_as_text(page):
    page.goto("/search?q=hostile")
    assert HOSTILE_TITLE in _hits(page)
    page.get_by_role("link", name=HOSTILE_TITLE).click()
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert "<img src=x onerror=alert(1)>" in page.locator("#story-text").inner_text()
    assert page.locator("#story-text img").count() == 0


def test_reading_works_without_javascript(browser, server):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    pg = context.new_page()
    pg.goto("/search")
    pg.locator("#q").fill("gallium")
    pg.get_by_role("button", name="Search").click()
    pg.wait_for_url(re.compile(r"q=gallium"))
    assert "Export Controls on Gallium Tightened Again" in _hits(pg)
    pg.get_by_role("link", name="Export Controls on Gallium Tightened Again").click()
    assert pg.locator("#story-text mark.fact").count() > 5
    pg.locator("#event-link").click()
    assert pg.locator(".compare .family-col").count() == 2
    context.close()


def test_landmarks_and_labels(page):
    for url in ("/search?q=China", "/briefings", "/events", "/trends?since=2025-04-01&until=2025-06-30", "/incidents", "/sources",
                "/rejects"):
        page.goto(url)
        assert page.locator("header").count() == 1 and page.locator("main").count() == 1 and page.locator("footer").count() == 1
        assert page.locator("nav[aria-label]").count() >= 1 and page.locator("h1").count() == 1
        unlabeled = page.evaluate("""() => [...document.querySelectorAll('input, select')].filter(el =>
            !el.labels || el.labels.length === 0).map(el => el.name || el.id)""")
        assert unlabeled == [], url
    page.goto("/search")
    assert page.get_by_role("search").count() == 1
    assert page.get_by_label("Topic").count() == 1


CONTRAST = """els => els.map(el => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                                       .reduce((acc, v, i) => acc + v * [0.2126, 0.7152, 0.0722][i], 0);
  let bg = null;
  for (let e = el; e && !bg; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length < 4 || c[3] > 0) bg = c;
  }
  const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg || [255, 255, 255]);
  return [el.tagName + '.' + el.className, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
})"""


def test_text_contrast_meets_wcag_aa(page):
    """Every kind of text the pages show reaches 4.5:1 against its background (WCAG 2 AA)."""
    page.goto("/search?q=gallium")
    ratios = page.locator("h1, label, .hint, .meta, .count, .hit h2 a, .snippet, mark.hit-word, button, .top nav a, .foot")\
        .evaluate_all(CONTRAST)
    page.get_by_role("link", name="Export Controls on Gallium Tightened Again").click()
    ratios += page.locator("#story-text mark.fact, .facts-table dt, .facts-table dd").evaluate_all(CONTRAST)
    low = [(what, round(r, 2)) for what, r in ratios if r < 4.5]
    assert len(ratios) > 30 and low == []
