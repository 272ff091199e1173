"""The JSON API and the pages as HTTP: schema, contract fields, pagination, errors, escaping,
security headers, the write token and 'serve --get' -- over a real archive (examples + seeds)."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from sinodesk.serialize import CONTRACT_FIELDS, EXTRA_FIELDS

from .conftest import HOSTILE_TITLE


@pytest.fixture(scope="module")
def client(web_db):
    from starlette.testclient import TestClient

    from sinodesk.web import create_app

    with TestClient(create_app(str(web_db)), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="module")
def exported(web_db) -> dict[str, dict]:
    """What 'sinodesk export --format jsonl' writes, by story id."""
    import contextlib
    import io

    from sinodesk.archive import open_archive
    from sinodesk.export import write_export

    a = open_archive(str(web_db), create=False)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        write_export(a, "jsonl")
    a.close()
    return {d["story_id"]: d for d in map(json.loads, buf.getvalue().splitlines())}


@pytest.fixture(scope="module")
def spec(client) -> dict:
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    return r.json()


def _validator(spec: dict, path: str, method: str = "get", status: str = "200"):
    import jsonschema

    schema = spec["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
    return jsonschema.Draft202012Validator({**schema, "components": spec["components"]})


def _any_event(client) -> str:
    return client.get("/api/events", params={"min_size": 2}).json()["items"][0]["event_id"]


# -- the schema --------------------------------------------------------------------------------


def test_openapi_lists_every_endpoint(spec):
    assert spec["openapi"].startswith("3.")
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/search", "/api/events", "/api/events/{event_id}",
                 "/api/incidents", "/api/incidents/{incident_id}", "/api/briefings", "/api/briefings/latest",
                 "/api/briefings/{briefing_id}", "/api/trends", "/api/sources", "/api/rejects"):
        assert "get" in spec["paths"][path], path
    assert not any(path.startswith("/api/stories/{story_id}/labels") for path in spec["paths"])  # no token: no write endpoint
    assert not any(p.startswith(("/search", "/stories")) for p in spec["paths"])  # pages are not API


def test_story_schema_is_the_export_contract(spec):
    props = spec["components"]["schemas"]["StoryOut"]["properties"]
    assert set(props) == set(CONTRACT_FIELDS) | set(EXTRA_FIELDS)
    assert set(spec["components"]["schemas"]["StoryOut"]["required"]) == set(CONTRACT_FIELDS) | set(EXTRA_FIELDS)


def test_real_responses_validate_against_the_served_schema(client, spec, exported):
    sid = next(iter(exported))
    eid = _any_event(client)
    iid = client.get("/api/incidents").json()["items"][0]["incident_id"]
    cases = [("/api/stories", {"per_page": 50}), (f"/api/stories/{sid}", {}), ("/api/search", {"q": "China"}),
             ("/api/search", {"q": "网络攻击"}), ("/api/events", {}), (f"/api/events/{eid}", {}), ("/api/incidents", {}),
             (f"/api/incidents/{iid}", {}), ("/api/briefings", {}), ("/api/briefings/latest", {}), ("/api/briefings/1", {}),
             ("/api/trends", {"topic": "cyber", "family": "Western press", "entity": "DeepSeek", "since": "2025-01-01",
                              "until": "2025-06-30"}), ("/api/sources", {}), ("/api/rejects", {})]
    paths = {"/api/stories": "/api/stories", f"/api/stories/{sid}": "/api/stories/{story_id}", "/api/search": "/api/search",
             "/api/events": "/api/events", f"/api/events/{eid}": "/api/events/{event_id}", "/api/incidents": "/api/incidents",
             f"/api/incidents/{iid}": "/api/incidents/{incident_id}", "/api/briefings": "/api/briefings",
             "/api/briefings/latest": "/api/briefings/latest", "/api/briefings/1": "/api/briefings/{briefing_id}",
             "/api/trends": "/api/trends", "/api/sources": "/api/sources", "/api/rejects": "/api/rejects"}
    for url, params in cases:
        r = client.get(url, params=params)
        assert r.status_code == 200, (url, r.text)
        errors = list(_validator(spec, paths[url]).iter_errors(r.json()))
        assert not errors, (url, errors[0].message)
    bad = client.get("/api/stories/nope")
    assert not list(_validator(spec, "/api/stories/{story_id}", status="404").iter_errors(bad.json()))


def test_a_story_is_what_export_writes(client, exported):
    for sid in list(exported)[:10]:
        assert client.get(f"/api/stories/{sid}").json() == exported[sid]


def test_stories_page_through_every_story_once(client, exported):
    seen, url, pages = [], "/api/stories?per_page=7", 0
    while url:
        body = client.get(url).json()
        seen += [s["story_id"] for s in body["items"]]
        url = body["next"]
        pages += 1
    assert sorted(seen) == sorted(exported) and len(seen) == len(set(seen))
    assert pages == -(-len(exported) // 7)
    dates = [exported[s]["published"] or "" for s in seen]
    assert dates == sorted(dates, reverse=True)  # newest first, undated last
    second = client.get("/api/stories?per_page=7&page=2").json()
    assert second["prev"].endswith("page=1&per_page=7") and second["page"] == 2


def test_search_english_and_chinese(client):
    en = client.get("/api/search", params={"q": "gallium"}).json()
    assert {h["story"]["headline"] for h in en["items"]} >= {"Export Controls on Gallium Tightened Again"}
    assert all("[" in h["snippet"] for h in en["items"])
    zh = client.get("/api/search", params={"q": "网络攻击"}).json()
    assert zh["items"][0]["story"]["headline"] == "网络攻击导致杭州云服务中断"
    trad = client.get("/api/search", params={"q": "網絡攻擊"}).json()
    assert trad["items"][0]["story"]["story_id"] == zh["items"][0]["story"]["story_id"]


def test_search_facets_count_and_filter(client):
    body = client.get("/api/search", params={"q": "China", "per_page": 100}).json()
    langs = dict((f["value"], f["count"]) for f in body["facets"]["lang"])
    assert sum(langs.values()) == body["sampled"] == body["total"] >= len(body["items"]) > 20
    topic, n = body["facets"]["topic"][0]["value"], body["facets"]["topic"][0]["count"]
    narrowed = client.get("/api/search", params={"q": "China", "topic": topic, "per_page": 100}).json()
    assert narrowed["total"] == n and all(topic in h["story"]["topics"] for h in narrowed["items"])
    assert {h["story"]["story_id"] for h in narrowed["items"]} <= {h["story"]["story_id"] for h in body["items"]}
    fam = client.get("/api/search", params={"q": "China", "family": "overseas Chinese / exile", "per_page": 100}).json()
    assert fam["items"] and all(h["story"]["outlet"] in ("Radio Free Asia", "The Epoch Times", "Aboluo News") for h in fam["items"])
    assert fam["total"] == dict((f["value"], f["count"]) for f in body["facets"]["family"])["overseas Chinese / exile"]
    unknown = client.get("/api/search", params={"q": "网络攻击", "family": "示例新闻"}).json()  # an outlet the registry lacks
    assert [h["story"]["outlet"] for h in unknown["items"]] == ["示例新闻"]
    ent = body["facets"]["entity"][0]
    assert ent["name"] and ent["name"] != ent["value"]
    only = client.get("/api/search", params={"q": "China", "entity": ent["value"], "per_page": 100}).json()
    assert only["total"] == ent["count"]
    assert all(any(e["canonical"] == ent["value"] for e in h["story"]["entities"]) for h in only["items"])
    dated = client.get("/api/stories", params={"since": "2025-03-04", "until": "2025-03-06", "per_page": 100}).json()["items"]
    assert dated and all("2025-03-04" <= s["published"] <= "2025-03-06" for s in dated)


@pytest.mark.parametrize("url, status, message", [
    ("/api/stories/nope", 404, "story 'nope' is not in"),
    ("/api/events/ev-nope", 404, "event 'ev-nope' is not in this archive (list events at /events or with 'sinodesk events')"),
    ("/api/search?q=", 400, "q is empty: give words to search for (list stories without a query at /api/stories)"),
    ("/api/search", 422, "q: Field required"),
    ("/api/stories?since=March", 400, "since='March': expected an ISO date like 2025-03-01"),
    ("/api/stories?since=2025-03-02&until=2025-03-01", 400, "since=2025-03-02 is after until=2025-03-01: swap the two dates"),
    ("/api/stories?page=0", 422, "page: Input should be greater than or equal to 1 (got '0')"),
    ("/api/stories?per_page=500", 422, "per_page: Input should be less than or equal to 100 (got '500')"),
    ("/api/nothing-here", 404, "/api/nothing-here: no such page (start at / or see /api for the API)"),
    ("/api/search?q=%22unclosed", 200, None),
    ("/api/trends?since=soon", 400, "since='soon': expected an ISO date (2025-03-01), a span like 7d, 4w, 6m, 1y, or 'all'"),  # was "since= 'soon'"
    ("/api/trends?since=2025-03-09&until=2025-03-01", 400, "since=2025-03-09 is after until=2025-03-01 (give an earlier since)"),
])
def test_api_errors_are_json_with_a_message(client, url, status, message):
    r = client.get(url)
    assert r.status_code == status, r.text
    if message:
        assert r.headers["content-type"] == "application/json"
        assert r.json()["error"]["status"] == status
        assert r.json()["error"]["message"].startswith(message)


def test_filters_take_what_the_cli_takes_and_refuse_what_matches_nothing(client):
    """A topic, outlet or entity nothing could match is a 400 naming the fix, as in the CLI (it was
    an empty list, which reads as 'no such stories'); an outlet by its registry id or alias and an
    entity by its name find what the stored name and the canonical id find."""
    def ids(url, **params):
        r = client.get(url, params={"per_page": 100, **params})
        assert r.status_code == 200, r.text
        return [s.get("story", s)["story_id"] for s in r.json()["items"]]

    by_name = ids("/api/stories", outlet="Radio Free Asia")
    assert by_name and ids("/api/stories", outlet="rfa") == by_name == ids("/api/stories", outlet="自由亞洲電台")
    assert ids("/api/search", q="China", outlet="rfa") == ids("/api/search", q="China", outlet="Radio Free Asia")
    assert ids("/api/stories", outlet="示例新闻")  # an outlet the registry lacks, as stored
    china = ids("/api/stories", entity="gpe:china")
    assert china and ids("/api/stories", entity="China") == china == ids("/api/stories", entity="中国")
    for url, message in [
        ("/api/stories?topic=cats", "topic='cats': not a topic (known: cyber, "),
        ("/api/search?q=China&topic=cats", "topic='cats': not a topic (known: cyber, "),
        ("/api/stories?outlet=Daily%20Planet", "outlet='Daily Planet': no outlet by that id, name or alias in the registry "
                                               "or in this archive (look it up at /sources)"),
        ("/api/stories?entity=Atlantis", "entity='Atlantis': not a name the gazetteer knows; give the entity's canonical id "
                                         "(gpe:china, org:huawei), as the entity facet of /api/search lists them"),
        # an outlet given as a family was an empty list where the CLI says it is an error (qa19)
        ("/api/search?q=China&family=Radio%20Free%20Asia", "family='Radio Free Asia': an outlet, not an owner family "
                                                           "(give outlet=rfa, or family=overseas Chinese / exile, its family)"),
        ("/api/stories?family=Mainland%20press", "family='Mainland press': not an owner family (one of: PRC state, PRC commercial, "),
    ]:
        r = client.get(url)
        assert (r.status_code, r.json()["error"]["message"][: len(message)]) == (400, message), r.text
    r = client.get("/search?q=China&topic=cats")
    assert r.status_code == 400 and "topic=&#39;cats&#39;: not a topic" in r.text


def test_page_errors_are_pages(client):
    r = client.get("/stories/nope")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "story &#39;nope&#39; is not in" in r.text
    assert client.get("/no/such/page").status_code == 404
    r = client.get("/search?since=yesterday")
    assert r.status_code == 400 and "since=&#39;yesterday&#39;: expected an ISO date like 2025-03-01" in r.text


# -- security ------------------------------------------------------------------------------------


def _inline_code(page: str) -> list[str]:
    """Inline scripts, style attributes or elements, event-handler attributes, external resources."""
    tree = lxml_html.fromstring(page)
    found = [f"<script> without src" for _ in tree.xpath("//script[not(@src)]")] + ["<style>" for _ in tree.xpath("//style")]
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        found += [f"{el.tag} {k}=" for k in el.attrib if k == "style" or k.startswith("on")]
        found += [f"{el.tag} {k}={v}" for k, v in el.attrib.items() if k in ("src", "href") and el.tag in ("script", "link", "img")
                  and not v.startswith("/")]
    return found


def test_strict_csp_and_no_inline_code(client, exported):
    sid = next(iter(exported))
    iid = client.get("/api/incidents").json()["items"][0]["incident_id"]
    for url in ("/search", "/search?q=China", f"/stories/{sid}", "/events", f"/events/{_any_event(client)}", "/incidents",
                f"/incidents/{iid}", "/briefings", "/briefings/1", "/trends?since=2025-01-01&until=2025-06-30", "/sources",
                "/rejects", "/api", "/api/stories", "/no/such/page"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp, url
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        if r.headers["content-type"].startswith("text/html"):
            assert _inline_code(r.text) == [], url


def test_markup_in_a_story_is_escaped(client, exported):
    sid = next(s for s, d in exported.items() if d["headline"] == HOSTILE_TITLE)
    for url in (f"/stories/{sid}", "/search?q=hostile", "/search?q=%3Cscript%3E"):
        page = client.get(url).text
        assert "<script>alert" not in page and "<img src=x" not in page
        tree = lxml_html.fromstring(page)
        assert not tree.xpath("//script[not(@src)]") and not tree.xpath("//img")
    story = lxml_html.fromstring(client.get(f"/stories/{sid}").text)
    assert story.xpath("string(//h1)").strip() == HOSTILE_TITLE
    assert "<img src=x onerror=alert(1)>" in story.xpath("string(//div[@id='story-text'])")


def test_raw_input_is_served_as_inert_text(client, exported):
    sid = next(s for s, d in exported.items() if d["headline"] == "镓出口管制再次收紧")
    page = lxml_html.fromstring(client.get(f"/stories/{sid}").text)
    href = page.xpath("//a[@id='raw-link']/@href")[0]
    r = client.get(href)
    assert r.headers["content-type"] == "text/plain; charset=gb18030"
    assert "sandbox" in r.headers["content-security-policy"]
    assert "镓出口管制再次收紧" in r.content.decode("gb18030")
    assert client.get(href.split("?")[0] + "?charset=klingon").status_code == 400


def test_no_write_endpoint_without_a_token(client, exported):
    sid = next(iter(exported))
    r = client.post(f"/api/stories/{sid}/labels", json={"topics": ["cyber"]})
    assert r.status_code == 405
    assert r.json()["error"]["message"].endswith("not allowed (this server is read-only unless started with --token)")


def test_labels_with_the_token(web_db, tmp_path, exported):
    import shutil

    from starlette.testclient import TestClient

    from sinodesk.archive import open_archive
    from sinodesk.web import create_app

    db = tmp_path / "copy.db"
    shutil.copy(web_db, db)
    sid = next(iter(exported))
    with TestClient(create_app(str(db), token="s3cret")) as c:
        assert "/api/stories/{story_id}/labels" in c.get("/api/openapi.json").json()["paths"]
        assert c.post(f"/api/stories/{sid}/labels", json={"topics": ["cyber"]}).status_code == 401
        wrong = c.post(f"/api/stories/{sid}/labels", json={"topics": ["cyber"]}, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
        auth = {"Authorization": "Bearer s3cret"}
        bad = c.post(f"/api/stories/{sid}/labels", json={"topics": ["cats"]}, headers=auth)
        assert bad.status_code == 400 and "unknown topic 'cats'" in bad.json()["error"]["message"]
        broken = c.post(f"/api/stories/{sid}/labels", content=b"topics=cyber", headers={**auth, "Content-Type": "application/json"})
        assert (broken.status_code, broken.json()["error"]["message"]) == (  # was "0: JSON decode error (got {})"
            422, "body: not valid JSON (Expecting value at character 0); send a JSON object as /api/openapi.json describes it")
        ok = c.post(f"/api/stories/{sid}/labels", json={"topics": ["cyber", "law_regulation"]}, headers=auth)
        assert ok.json() == {"story_id": sid, "topics": ["cyber", "law_regulation"]}
    a = open_archive(str(db), create=False)
    assert a.labels()[sid] == ("cyber", "law_regulation")
    a.close()


# -- pages as HTML -------------------------------------------------------------------------------


def test_story_page_marks_every_fact_at_its_offsets(client, web_db, exported):
    from sinodesk.archive import open_archive

    a = open_archive(str(web_db), create=False)
    checked = 0
    for sid, d in exported.items():
        if not d["entities"]:
            continue
        doc = a.get_document(d["doc_id"]).text
        tree = lxml_html.fromstring(client.get(f"/stories/{sid}").text)
        marks = tree.xpath("//div[@id='story-text']//mark")
        for m in marks:
            s, e = int(m.get("data-start")), int(m.get("data-end"))
            assert m.text_content() == doc[s:e], (sid, m.get("data-kind"), s, e)
        whole = {(m.get("data-kind"), int(m.get("data-start")), int(m.get("data-end"))) for m in marks if not m.get("data-piece")}
        expected = {("entity", x["start"], x["end"]) for x in d["entities"]} | {("number", x["start"], x["end"]) for x in d["numbers"]}
        cut = {(m.get("data-kind"), int(m.get("data-start"))) for m in marks if m.get("data-piece")}
        assert {x for x in expected if (x[0], x[1]) not in cut} <= whole
        assert tree.xpath("string(//div[@id='story-text'])") == doc[d["start"]:d["end"]]
        checked += 1
    a.close()
    assert checked >= 20


def test_search_fragment_for_htmx(client):
    full = client.get("/search?q=gallium")
    part = client.get("/search?q=gallium", headers={"HX-Request": "true"})
    assert "<html" in full.text and "<html" not in part.text
    assert part.text.strip().startswith('<div id="results"') and "Export Controls on Gallium Tightened Again" in part.text
    assert full.headers["vary"] == "HX-Request"
    restore = client.get("/search?q=gallium", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in restore.text


def test_event_page_sets_families_side_by_side(client):
    eid = _any_event(client)
    comparison = client.get(f"/api/events/{eid}").json()
    tree = lxml_html.fromstring(client.get(f"/events/{eid}").text)
    assert [h.text_content() for h in tree.xpath("//section[contains(@class,'family-col')]/h2")] == [f["family"] for f in comparison["families"]]


def test_event_page_flags_number_conflicts(client):
    sid = client.get("/api/search", params={"q": "rare earth magnets"}).json()["items"][0]["story"]["story_id"]
    eid = client.get(f"/api/stories/{sid}").json()["event_id"]
    c = client.get(f"/api/events/{eid}").json()
    assert [sorted(v["text"] for v in cf["values"]) for cf in c["number_conflicts"]] == [["12 percent", "21 percent"]]
    tree = lxml_html.fromstring(client.get(f"/events/{eid}").text)
    flagged = sorted(li.text_content().split(" (")[0].strip() for li in tree.xpath("//li[@class='conflict']"))
    assert flagged == ["12 percent", "21 percent"]
    assert "5,000 tonnes" not in " ".join(flagged)
    assert tree.xpath("string(//section[@class='conflicts']//li)").split(":")[0].strip() == "china's exports rare earth magnets [percent]"  # the words before the figure, as written


def test_incidents_list_filters_and_evidence(client, web_db):
    from sinodesk.archive import open_archive
    from sinodesk.tracker import list_incidents

    a = open_archive(str(web_db), create=False)
    everything = list_incidents(a)
    assert [r["incident_id"] for r in client.get("/api/incidents?per_page=100").json()["items"]] == \
        [r["incident_id"] for r in reversed(everything)]
    ddos = client.get("/api/incidents", params={"type": "ddos"}).json()["items"]
    assert ddos and all("ddos" in r["types"] for r in ddos)
    t1498 = client.get("/api/incidents", params={"technique": "T1498"}).json()["items"]
    assert {r["incident_id"] for r in t1498} == {r["incident_id"] for r in everything if any(t["id"].startswith("T1498") for t in r["techniques"])}
    assert client.get("/api/incidents?type=burglary").json()["error"]["message"].startswith("type='burglary': not an incident type (known: ddos,")
    rec = max(everything, key=lambda r: len(r["victims"]) + len(r["techniques"]))
    tree = lxml_html.fromstring(client.get(f"/incidents/{rec['incident_id']}").text)
    links = tree.xpath("//ul[@class='evidence']/li")
    assert len(links) >= len(rec["victims"]) + len(rec["techniques"])
    for li in links:  # every field's evidence opens its story with those words outlined
        quoted = li.xpath("string(q)")
        story = lxml_html.fromstring(client.get(li.xpath("a/@href")[0]).text)
        marked = story.xpath("//div[@id='story-text']//mark[@data-kind='evidence']")
        assert len(marked) == 1 and marked[0].text_content() == quoted
    sid = rec["sources"][0]["story_id"]
    page = lxml_html.fromstring(client.get(f"/stories/{sid}").text)
    assert rec["incident_id"] in [h.rsplit("/", 1)[1] for h in page.xpath("//a[@class='incident-link']/@href")]
    assert client.get(f"/stories/{sid}?hl=5-2").status_code == 400
    a.close()


def test_briefings_as_stored(client, web_db):
    from sinodesk.archive import open_archive

    a = open_archive(str(web_db), create=False)
    stored = a.get_briefing(2)
    a.close()
    latest = client.get("/api/briefings/latest").json()
    assert latest["briefing_id"] == 2 and latest["previous_id"] == 1
    assert latest["sections"] == [{**sec, "items": [{**it, "n_stories": len(it["story_ids"])} for it in sec["items"]]}
                                  for sec in stored["sections"]]
    assert [b["briefing_id"] for b in client.get("/api/briefings").json()] == [2, 1]
    assert client.get("/api/briefings/9").json()["error"]["message"].startswith("briefing 9 is not in")
    assert client.get("/api/briefings/latest?name=nope").json()["error"]["message"] == \
        "no briefing of section set 'nope' is stored in this archive yet (make one with 'sinodesk brief --db ARCHIVE')"
    page = lxml_html.fromstring(client.get("/briefings").text)
    items = [it for sec in latest["sections"] for it in sec["items"]]
    assert [h.text_content().strip() for h in page.xpath("//article[@class='b-item']/h3/a")] == [it["headline"] for it in items]
    for art, it in zip(page.xpath("//article[@class='b-item']"), items):
        assert art.xpath(".//span[@class='sentence']/text()") == [s["text"] for s in it["sentences"]]
        cited = [a.get("href") for a in art.xpath(".//ol[@class='sources']/li/a[@class='citation']")]
        assert cited == [f"/stories/{c['story_id']}" for c in it["citations"]]
        for ref in art.xpath(".//sup[@class='ref']/a/@href"):  # each [n] leads to its citation
            assert art.xpath(f".//li[@id='{ref[1:]}']")
    assert [a.text_content().split()[0] for a in page.xpath("//aside[@class='older']//a")] == ["#2", "#1"]


def test_trends_chart_marks_the_spike(client):
    from .conftest import BURST_DAY

    series = client.get("/api/trends", params={"topic": "cyber", "since": "2025-04-01", "until": "2025-06-30"}).json()[0]
    spikes = [sp["day"] for sp in series["spikes"]]
    assert BURST_DAY in spikes
    assert series["counts"][series["days"].index(BURST_DAY)] >= 3
    page = lxml_html.fromstring(client.get("/trends", params={"topic": "cyber", "since": "2025-04-01", "until": "2025-06-30"}).text)
    bars = page.xpath("//svg//rect")
    assert sum(int(b.xpath("string(title)").split(": ")[1].split()[0]) for b in bars) == series["total"]
    assert [b.get("data-day") for b in page.xpath("//svg//rect[@class='spike-bar']")] == spikes
    assert page.xpath("//ul[@class='spikes']/li/strong/text()") == spikes
    everything = lxml_html.fromstring(client.get("/trends", params={"since": "2025-04-01", "until": "2025-06-30"}).text)
    assert len(everything.xpath("//section[@class='trend']")) == 11  # every topic when none is chosen
    assert client.get("/api/trends?topic=cats").json()["error"]["message"].startswith("topic 'cats': not a topic (known: cyber,")
    assert client.get("/api/trends?since=2020-01-01&until=2025-01-01").status_code == 400


def test_serve_get_prints_a_page_and_fails_on_errors(run_cli, web_db):
    ok = run_cli("serve", "--db", web_db, "--get", "/api/search?q=gallium")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["items"][0]["story"]["headline"]
    bad = run_cli("serve", "--db", web_db, "--get", "/api/stories/nope")
    assert bad.returncode == 1
    assert bad.stderr.decode().strip().splitlines()[-1].startswith("Error: GET /api/stories/nope answered 404: story 'nope' is not in ")
    rel = run_cli("serve", "--db", web_db, "--get", "search")
    assert rel.returncode == 2 and "give a path starting with '/'" in rel.stderr.decode()
    missing = run_cli("serve", "--db", "missing.db", "--get", "/")
    assert missing.returncode == 1 and "missing.db: no archive here" in missing.stderr.decode()


def test_events_page_ranks_as_the_cli_does_with_the_same_settings(web_db, run_cli, tmp_path):
    """The events list of the web and of 'sinodesk events' come from one summary with one setting
    (a non-default background weight changes each event's cohesion, so a list built with other
    settings shows other figures)."""
    from starlette.testclient import TestClient

    from sinodesk.settings import load_settings
    from sinodesk.web import create_app

    config = tmp_path / "sinodesk.toml"
    config.write_text("[events]\nbackground_docs = 0\n", encoding="utf-8")
    cli = [json.loads(x) for x in run_cli("events", "--db", web_db, "--config", config, "--min-size", "2", "--json").stdout.decode().splitlines()]
    with TestClient(create_app(str(web_db), settings=load_settings(config, db=str(web_db))), base_url="http://127.0.0.1") as c:
        web = c.get("/api/events", params={"min_size": 2}).json()["items"]
    assert len(cli) >= 2
    assert [(e["event_id"], e["cohesion"]) for e in web][:len(cli)] == [(e["event_id"], e["cohesion"]) for e in cli]
