"""The CLI end to end in a subprocess: outputs, export contract, errors by exact message and exit code."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sinodesk.serialize import CONTRACT_FIELDS

from .conftest import ROOT, outlet_toml


def test_ingest_summary_and_stories(desk, run_cli, tmp_path):
    r = run_cli("ingest", ROOT / "examples", "--db", desk)
    assert r.returncode == 0
    assert r.stdout.decode().strip() == "ingested 0 documents (0 stories), rejected 0, 3 already in the archive"
    out = run_cli("stories", "--db", desk).stdout.decode()
    assert "网络攻击导致杭州云服务中断" in out and "Botnet Floods Hangzhou Cloud Provider" in out


def test_search_english_and_chinese(desk, run_cli):
    zh = run_cli("search", "网络攻击", "--db", desk).stdout.decode()
    assert "网络攻击导致杭州云服务中断" in zh
    en = run_cli("search", "gallium", "--db", desk, "--json").stdout.decode().splitlines()
    assert [json.loads(x)["headline"] for x in en] == ["Export Controls on Gallium Tightened Again"]


def test_export_jsonl_contract_and_offsets(desk, run_cli, tmp_path):
    r = run_cli("export", "--db", desk, "--format", "jsonl")
    rows = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert len(rows) == 4 + 3 + 2  # digest items (its masthead is not a story), feed entries, JSONL lines
    digest_rows = [r for r in rows if r["source"].endswith("weekly_digest.txt")]
    assert [(r["section"], r["headline"]) for r in digest_rows] == [
        ("TECHNOLOGY AND CYBER", "Botnet Floods Hangzhou Cloud Provider"),
        ("TECHNOLOGY AND CYBER", "Shenzhen Opens Public Computing Platform for AI Start-ups"),
        ("ECONOMY AND TRADE", "Export Controls on Gallium Tightened Again"),
        ("SOCIETY", "Weibo Removes Posts About Flooded Village"),
    ]
    assert [r["outlet"] for r in digest_rows] == ["Caixin", "Global Times", "South China Morning Post", "Radio Free Asia"]
    assert not any("Subscribe" in r["text"] or "Share on" in r["text"] for r in rows)
    for row in rows:
        assert set(CONTRACT_FIELDS) <= set(row)
        for key in ("topics", "entities", "attributions", "numbers", "incidents"):
            assert isinstance(row[key], list)
        assert isinstance(row["start"], int) and isinstance(row["end"], int)
    digest = ROOT / "examples" / "weekly_digest.txt"
    text = digest.read_text(encoding="utf-8")
    for row in rows:
        if row["source"] == str(digest):
            assert text[row["start"] : row["end"]].startswith(("•", row["headline"] or "")), row
            for fact in row["entities"] + row["attributions"] + row["numbers"]:
                assert text[fact["start"] : fact["end"]] == fact["text"]


def test_export_csv_and_parquet(desk, run_cli, tmp_path):
    rows = list(csv.DictReader(io.StringIO(run_cli("export", "--db", desk, "--format", "csv").stdout.decode())))
    assert rows and {"story_id", "headline", "start", "end", "topics"} <= set(rows[0])
    out = tmp_path / "s.parquet"
    assert run_cli("export", "--db", desk, "--format", "parquet", "-o", out).returncode == 0
    import pyarrow.parquet as pq

    t = pq.read_table(out)
    assert t.num_rows == len(rows) and t.schema.field("start").type.bit_width == 64


def test_show_has_provenance(desk, run_cli):
    sid = run_cli("stories", "--db", desk).stdout.decode().split()[0]
    out = run_cli("show", sid, "--db", desk).stdout.decode()
    assert f"story: {sid}" in out and "characters" in out


def test_error_messages_and_exit_codes(tmp_path, run_cli, desk):
    r = run_cli("stories", "--db", tmp_path / "none.db")
    assert r.returncode == 1
    assert r.stderr.decode().strip() == f"Error: {tmp_path / 'none.db'}: no archive here (run 'sinodesk ingest ... --db {tmp_path / 'none.db'}' first, or pass the right --db)"
    r = run_cli("show", "zzzz", "--db", desk)
    assert (r.returncode, r.stderr.decode().strip()) == (1, f"Error: story 'zzzz' is not in {desk} (list ids with 'sinodesk stories')")
    r = run_cli("ingest", tmp_path / "missing.txt", "--db", tmp_path / "x.db")
    assert r.returncode == 1
    err = r.stderr.decode()
    assert f"read: {tmp_path / 'missing.txt'}: no such file or directory (check the path)" in err
    assert err.strip().endswith("Error: nothing could be ingested (see the reasons above, fix the inputs and run again)")
    assert r.stdout.decode().strip() == "ingested 0 documents (0 stories), rejected 1 — see 'sinodesk rejects'"
    r = run_cli("rejects", "--db", tmp_path / "x.db")
    assert "no such file or directory" in r.stdout.decode()
    r = run_cli("ingest", "--db", tmp_path / "y.db")  # a missing argument is a usage error (README: exit 2), no archive made
    assert (r.returncode, r.stderr.decode().strip().splitlines()[-1]) == (
        2, "Error: no inputs given (name files, directories, URLs or '-' for stdin)")
    assert not (tmp_path / "y.db").exists()
    r = run_cli("stories", "--since", "yesterday", "--db", desk)
    assert (r.returncode, r.stderr.decode().strip()) == (1, "Error: --since 'yesterday': expected an ISO date (2024-03-01) or a span like 7d, 4w, 6m")
    assert "Traceback" not in r.stderr.decode()


def test_stdin_ingest(tmp_path, run_cli):
    r = run_cli("ingest", "-", "--db", tmp_path / "i.db", input="Beijing, May 2 -- A short item about rail freight volumes rising again.\n".encode())
    assert r.returncode == 0 and r.stdout.decode().startswith("ingested 1 document (1 story)")


def test_every_verb_help_ends_with_example(run_cli):
    from sinodesk.cli import all_commands

    main = all_commands()

    def walk(group, prefix):
        for name, cmd in group.commands.items():
            yield prefix + [name], cmd
            if hasattr(cmd, "commands"):
                yield from walk(cmd, prefix + [name])

    for path, cmd in walk(main, []):
        assert "Example:" in (cmd.help or ""), " ".join(path)
        tail = (cmd.help or "").split("Example:")[-1].strip()
        assert tail.startswith("sinodesk"), " ".join(path)


def test_label_then_train_changes_topics(desk, run_cli, tmp_path):
    rows = [json.loads(x) for x in run_cli("export", "--db", desk).stdout.decode().splitlines()]
    target = next(r for r in rows if r["headline"] == "Weibo Removes Posts About Flooded Village")
    r = run_cli("label", target["story_id"], "environment_energy,nonsense", "--db", desk)
    assert r.returncode == 1
    assert r.stderr.decode().startswith("Error: labels 'environment_energy,nonsense': unknown topic 'nonsense' (known: cyber, ")
    r = run_cli("train", "topics", "--db", desk)
    assert (r.returncode, r.stderr.decode().strip()) == (
        1, "Error: no corrections to train on (record some with 'sinodesk label STORY_ID topic,...' or pass --jsonl FILE)")
    before = target["topics"]
    assert "environment_energy" not in before
    assert run_cli("label", target["story_id"], "environment_energy", "--db", desk).returncode == 0
    extra = tmp_path / "mine.jsonl"
    extra.write_text("\n".join(json.dumps({"text": t, "topics": ["environment_energy"]}) for t in (
        "Floods in the village destroyed homes and posts about the flood damage were removed.",
        "Residents moved to schools after flood water covered the village fields.",
        "Heavy rain and floods hit villages in the province; officials moved families to safety.",
    )), encoding="utf-8")
    r = run_cli("train", "topics", "--db", desk, "--jsonl", extra)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.decode().startswith("trained topic model topics-")
    after = json.loads(run_cli("show", target["story_id"], "--db", desk, "--json").stdout.decode())
    assert "environment_energy" in after["topics"]
    # the new model is used from then on: a new story about floods is classified with it
    r = run_cli("ingest", "-", "--db", desk, input="Floods hit three villages in Hunan; officials moved 800 residents to schools and removed posts about the damage.\n".encode())
    assert r.returncode == 0
    rows = [json.loads(x) for x in run_cli("export", "--db", desk).stdout.decode().splitlines()]
    assert "environment_energy" in next(r for r in rows if r["source"] == "-")["topics"]


def test_sample_links_each_english_story_to_its_chinese_report(desk, run_cli):
    # the sample feed reports three of the digest's stories in Chinese; no word is shared, so the
    # links rest on the canonical entities (杭州/Hangzhou, 深圳市政府 -> Shenzhen, 镓/gallium)
    r = run_cli("events", "--db", desk, "--min-size", "2", "--json")
    assert r.returncode == 0, r.stderr.decode()
    events = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert sorted((e["size"], tuple(sorted(e["outlets"]))) for e in events) == [
        (2, ("Caixin", "示例新闻")), (2, ("Global Times", "示例新闻")), (2, ("South China Morning Post", "示例新闻"))]
    assert {e["headline"] for e in events} == {"网络攻击导致杭州云服务中断", "深圳开放人工智能公共算力平台", "镓出口管制再次收紧"}


_OWN_OUTLETS = outlet_toml(
    "songhua-courier", "Songhua River Courier", ["松花江信使报", "Courier"], ["songhua-courier.example"],
    family="PRC commercial", owner="a provincial media group (fictional, for this test)", region="Heilongjiang",
) + outlet_toml(
    "scmp", "South China Morning Post", ["SCMP", "南华早报"], ["scmp.com"], family="PRC commercial",
    owner="Alibaba Group",
    alignment="owned by a mainland company since 2016: grouped with the mainland commercial press here",
)


def test_own_outlet_files_add_and_replace_outlets(tmp_path, run_cli):
    (tmp_path / "mine.toml").write_text(_OWN_OUTLETS, encoding="utf-8")
    (tmp_path / "desk.toml").write_text('outlets = ["mine.toml"]\n', encoding="utf-8")
    cfg = tmp_path / "desk.toml"
    r = run_cli("outlets", "松花江信使报", "--config", cfg, "--json")
    assert r.returncode == 0, r.stderr.decode()
    assert json.loads(r.stdout)["family"] == "PRC commercial"
    assert json.loads(run_cli("outlets", "SCMP", "--config", cfg, "--json").stdout)["owner"] == "Alibaba Group"
    assert json.loads(run_cli("outlets", "SCMP", "--json").stdout)["family"] == "Hong Kong"  # without the file
    (tmp_path / "in.jsonl").write_text(json.dumps({
        "title": "Harbin opens ice festival early", "outlet": "Songhua River Courier", "date": "2025-01-05",
        "text": "The Harbin ice festival opened two days early this year, organisers told the Courier, after a cold snap."
    }) + "\n", encoding="utf-8")
    db = tmp_path / "own.db"
    r = run_cli("ingest", tmp_path / "in.jsonl", "--db", db, "--config", cfg)
    assert r.returncode == 0, r.stderr.decode()
    row = json.loads(run_cli("events", "--db", db, "--config", cfg, "--json").stdout.decode().splitlines()[0])
    assert row["families"] == ["PRC commercial"] and row["outlets"] == ["Songhua River Courier"]
    assert json.loads(run_cli("events", "--db", db, "--json").stdout.decode().splitlines()[0])["families"] == [
        "Songhua River Courier"]  # an unregistered outlet is its own family


def test_own_outlet_file_errors_name_the_file_and_the_fix(tmp_path, run_cli):
    cfg = tmp_path / "desk.toml"
    cfg.write_text('outlets = ["absent.toml"]\n', encoding="utf-8")
    r = run_cli("outlets", "--config", cfg)
    assert (r.returncode, r.stderr.decode().strip()) == (
        1, f"Error: {tmp_path / 'absent.toml'}: outlet registry not found (fix the 'outlets' list in your settings file)")
    (tmp_path / "bad.toml").write_text(_OWN_OUTLETS.replace('"PRC commercial"', '"Mainland press"', 1), encoding="utf-8")
    cfg.write_text('outlets = ["bad.toml"]\n', encoding="utf-8")
    r = run_cli("outlets", "--config", cfg)
    assert r.returncode == 1
    assert r.stderr.decode().startswith(
        "Error: bad.toml outlet #1 (songhua-courier): family 'Mainland press' is not one of PRC state, PRC commercial, ")
    cfg.write_text("outlets = 3\n", encoding="utf-8")
    r = run_cli("outlets", "--config", cfg)
    assert (r.returncode, r.stderr.decode().strip()) == (
        1, f"Error: {cfg}: setting 'outlets' must be a list of file paths, got 3")


def test_eval_data_may_name_the_shared_folder_or_its_eval_folder(tmp_path, monkeypatch):
    from sinodesk.cli.common import eval_sets_dir

    (tmp_path / "shared" / "eval").mkdir(parents=True)
    assert eval_sets_dir(tmp_path / "shared") == tmp_path / "shared" / "eval"
    assert eval_sets_dir(tmp_path / "shared" / "eval") == tmp_path / "shared" / "eval"
    monkeypatch.setenv("SINODESK_SHARED", str(tmp_path / "shared"))
    assert eval_sets_dir(None) == tmp_path / "shared" / "eval"


def test_a_date_that_is_only_the_ingest_day_is_marked(run_cli, tmp_path):
    (tmp_path / "note.txt").write_text("Harbour pilots in Ningbo began a work-to-rule protest over new night shifts, "
                                       "the port authority said in a statement.\n", encoding="utf-8")
    (tmp_path / "dated.jsonl").write_text(json.dumps({"title": "Qingdao ferry resumes", "date": "2024-05-02",
                                                      "text": "The Qingdao ferry to Dalian resumed on Thursday."}) + "\n")
    db = tmp_path / "d.db"
    assert run_cli("ingest", tmp_path / "note.txt", tmp_path / "dated.jsonl", "--db", db).returncode == 0
    r = run_cli("stories", "--db", db)
    rows = r.stdout.decode().splitlines()
    undated = next(x for x in rows if "Harbour pilots" in x)
    dated = next(x for x in rows if "Qingdao ferry" in x)
    assert undated.split()[1].endswith("*") and undated.split()[1][:-1] == rows[0].split()[1][:-1]
    assert dated.split()[1] == "2024-05-02"  # a story's own date has no star, and the columns stay aligned
    assert dated.index("Qingdao") == undated.index("Harbour")
    assert r.stderr.decode() == "* no date found in the story or its source: the day it was ingested\n"
    shown = run_cli("show", undated.split()[0], "--db", db).stdout.decode()
    assert "(the day it was ingested: no date found in the story or its source)" in shown
    assert run_cli("stories", "--db", db, "--since", "2024-05-01", "--until", "2024-05-03").stderr.decode() == ""


def test_settings_file_errors_are_user_errors_naming_the_fix(tmp_path, run_cli):
    """A settings file a user got wrong is exit 1 with the fix, never exit 3 (a bug): one saved in
    another encoding, a glob where a list is wanted, a negative size, true for a number."""
    (tmp_path / "a.txt").write_text("Taiwan Grid Hacked\n\nTaipower said on Monday that 14 servers were hit.\n", encoding="utf-8")
    cfg = tmp_path / "desk.toml"
    cases = [
        ("[ingest]\ninclude = '*.md'\n".encode("utf-16"),
         f"Error: {cfg}: not UTF-8 text (TOML files are UTF-8); save it as UTF-8"),
        (b"[ingest]\ninclude = '*.md'\n",
         f"Error: {cfg} [ingest]: setting 'include' must be a list of text (include = ['*.md']), got '*.md'"),
        (b"[ingest]\ninclude = [3]\n",
         f"Error: {cfg} [ingest]: setting 'include' must be a list of text (include = ['...']), got [3]"),
        (b"[ingest]\nmax_file_bytes = -5\n",
         f"Error: {cfg} [ingest]: setting 'max_file_bytes' must be 0 or more, got -5"),
        (b"[ingest]\nworkers = true\n",
         f"Error: {cfg} [ingest]: setting 'workers' must be a whole number, got True"),
        (b"[fetch]\ntimeout = 'soon'\n",
         f"Error: {cfg} [fetch]: setting 'timeout' must be a number, got 'soon'"),
        (b"[ingest]\nlink = 1\n",
         f"Error: {cfg} [ingest]: setting 'link' must be true or false, got 1"),
        (b"[topic_features]\nword_bigrams = 2\n",
         f"Error: {cfg} [topic_features]: setting 'word_bigrams' must be one of -1, 0, 1, got 2"),
    ]
    for content, message in cases:
        cfg.write_bytes(content)
        r = run_cli("ingest", tmp_path / "a.txt", "--db", tmp_path / "d.db", "--config", cfg)
        assert (r.returncode, r.stderr.decode().strip()) == (1, message), content


def test_a_switch_with_an_automatic_setting_takes_true_and_false():
    """word_bigrams is -1 (automatic), 0 or 1, and its help says true and false do too: the settings
    file shipped for long articles writes 'word_bigrams = false' (it was refused once true stopped
    counting as a number)."""
    from sinodesk.settings import load_settings

    assert load_settings(ROOT / "settings" / "topics-long-articles.toml").topic_features.word_bigrams is False


def test_a_window_that_ends_before_it_starts_is_an_error_in_every_verb(desk, run_cli):
    """--since after --until is a user error (exit 1, the fix named) in stories, search and
    incidents, as in brief and trends: it used to answer 'no stories match', exit 0."""
    want = "Error: --since 2025-03-06 is after --until 2025-03-01 (give an earlier --since)"
    for args in (("stories",), ("search", "gallium"), ("incidents",), ("brief",), ("trends", "--topic", "cyber")):
        r = run_cli(*args, "--db", desk, "--since", "2025-03-06", "--until", "2025-03-01")
        assert (r.returncode, r.stderr.decode().strip(), r.stdout.decode()) == (1, want, ""), args
    r = run_cli("stories", "--db", desk, "--since", "2025-03-06", "--until", "2025-03-06")
    assert r.returncode == 0 and "Export Controls on Gallium" in r.stdout.decode()


def test_a_broken_zip_is_one_reject_that_says_so(tmp_path, run_cli):
    """A .zip that cannot be opened is rejected once, as unreadable; it used to get a second reject
    telling the user to take its files with --include (there were none to take)."""
    (tmp_path / "digests.zip").write_bytes(b"PK\x03\x04 the rest of the download never arrived")
    r = run_cli("ingest", "digests.zip", "--db", tmp_path / "d.db")
    assert (r.returncode, r.stdout.decode(), r.stderr.decode().splitlines()) == (
        1, "ingested 0 documents (0 stories), rejected 1 — see 'sinodesk rejects'\n",
        ["  read: digests.zip: not a readable zip file (File is not a zip file); re-download or re-compress it",
         "Error: nothing could be ingested (see the reasons above, fix the inputs and run again)"])


def test_stdin_is_held_to_the_file_size_limit_and_says_when_it_is_empty(tmp_path, run_cli):
    """Text piped in is held to [ingest] max_file_bytes as a file is (it was read whole, whatever its
    size), and nothing on stdin is said so (it was 'no text after decoding')."""
    cfg = tmp_path / "small.toml"
    cfg.write_text("[ingest]\nmax_file_bytes = 1000\n", encoding="utf-8")
    story = "Taiwan Grid Hacked\n\nTaipower said on Monday that 14 servers were hit by intruders.\n" * 20
    r = run_cli("ingest", "-", "--db", tmp_path / "d.db", "--config", cfg, input=story.encode())
    assert (r.returncode, r.stderr.decode().splitlines()) == (1, [
        "  read: -: stdin gave more than 1000 bytes, over the 1000-byte limit (split it or raise [ingest] max_file_bytes)",
        "Error: nothing could be ingested (see the reasons above, fix the inputs and run again)"])
    r = run_cli("ingest", "-", "--db", tmp_path / "d.db", "--config", cfg, input=story[:900].encode())
    assert (r.returncode, r.stdout.decode()) == (0, "ingested 1 document (1 story), rejected 0\n")
    r = run_cli("ingest", "-", "--db", tmp_path / "d.db", input=b"")
    assert (r.returncode, r.stderr.decode().splitlines()[0]) == (1, "  read: -: stdin is empty (nothing to ingest)")


def test_export_counts_in_words_that_agree(tmp_path, run_cli):
    (tmp_path / "a.txt").write_text("Taiwan Grid Hacked\n\nTaipower said on Monday that 14 servers were hit.\n", encoding="utf-8")
    assert run_cli("ingest", "a.txt", "--db", "d.db").returncode == 0
    r = run_cli("export", "--db", "d.db", "-o", "s.jsonl")
    assert (r.returncode, r.stderr.decode()) == (0, "exported 1 story\n")  # was '1 stories'
    r = run_cli("export", "--db", "d.db", "--what", "incidents", "-o", "i.jsonl")
    assert (r.returncode, r.stderr.decode()) == (0, "exported 1 incident\n")  # the hacked grid


def test_trends_says_when_an_entity_is_unknown_and_unnamed(desk, run_cli):
    """An entity no story in the window names and the gazetteer does not know (a typo, most often)
    drew a flat zero series and said nothing; now a note on stderr says so (exit 0: the table is out)."""
    r = run_cli("trends", "--entity", "Huaweii", "--entity", "Huawei", "--db", desk, "--since", "2025-03-01", "--until", "2025-03-09")
    assert r.returncode == 0 and "entity Huaweii" in r.stdout.decode()
    assert r.stderr.decode() == ("note: no story from 2025-03-01 to 2025-03-09 names 'Huaweii' and the gazetteer does not know it "
                                 "(check the spelling; 'sinodesk search Huaweii' finds it in any story)\n")
    r = run_cli("trends", "--entity", "Huawei", "--db", desk, "--since", "2025-03-01", "--until", "2025-03-09")
    assert (r.returncode, r.stderr.decode()) == (0, "")  # known to the gazetteer: a zero is a zero


def test_a_malformed_web_address_is_not_called_an_unsupported_scheme(tmp_path, run_cli):
    """'http://' or an address with a space was 'unsupported URL scheme (expected http:// or
    https://)', though it was http; now it says what is wrong, and other schemes keep their reason."""
    for arg, reason in [
        ("http://", "http://: not a web address (it needs a host and no spaces, e.g. https://example.org/feed.xml)"),
        ("https://exa mple.org/", "https://exa mple.org/: not a web address (it needs a host and no spaces, e.g. https://example.org/feed.xml)"),
        ("ftp://example.org/x.txt", "ftp://example.org/x.txt: unsupported URL scheme (expected http:// or https://)"),
    ]:
        r = run_cli("ingest", arg, "--db", tmp_path / "d.db")
        assert (r.returncode, r.stderr.decode().splitlines()[0]) == (1, f"  read: {reason}"), arg


def test_an_opml_outline_that_is_no_url_is_rejected_as_a_url_list_line_is(tmp_path, run_cli):
    """An outline whose xmlUrl is a file name went to the HTTP client and came back as its own words
    ("UnsupportedProtocol: Request URL is missing an 'http://' or 'https://' protocol ... check your
    network"); now it is rejected as a bad line of a URL list is, without a fetch."""
    (tmp_path / "subs.opml").write_text('<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>'
                                        '<outline text="local" type="rss" xmlUrl="feeds/desk.rss"/></body></opml>', encoding="utf-8")
    r = run_cli("ingest", "subs.opml", "--db", tmp_path / "d.db")
    assert (r.returncode, r.stderr.decode().splitlines()) == (1, [
        "  read: subs.opml outline 1: 'feeds/desk.rss' is not a URL (expected http:// or https://; "
        "ingest a feed file by its path)",
        "Error: nothing could be ingested (see the reasons above, fix the inputs and run again)"])


def test_html_and_feed_briefings_do_not_pass_the_ingest_day_off_as_the_story_date(tmp_path, run_cli):
    """A story with no date is cited 'undated, ingested DAY' in Markdown; the HTML page, the RSS/Atom
    entries (one template) and the web UI's briefing gave the bare ingest day, as if the story said it."""
    import datetime as _dt

    from starlette.testclient import TestClient

    from sinodesk.web import create_app

    (tmp_path / "a.txt").write_text("Taiwan Grid Hacked\n\nTaipower said on Monday that 14 servers were hit by intruders.\n", encoding="utf-8")
    assert run_cli("ingest", "a.txt", "--db", "d.db").returncode == 0
    today = _dt.date.today().isoformat()
    want = f"a.txt, undated, ingested {today}"
    md = run_cli("brief", "--since", "7d", "--db", "d.db").stdout.decode()
    assert want in md
    for fmt in ("html", "rss", "atom"):
        r = run_cli("brief", "--since", "7d", "--format", fmt, "-o", f"b.{fmt}", "--db", "d.db")
        assert r.returncode == 0, r.stderr.decode()
        text = (tmp_path / f"b.{fmt}").read_text(encoding="utf-8")
        assert want in text and f"a.txt, {today}" not in text, fmt
    with TestClient(create_app(str(tmp_path / "d.db")), base_url="http://127.0.0.1") as c:
        page = c.get("/briefings").text
    assert want in page and f"a.txt, {today}" not in page


def test_usage_errors_follow_the_readme_rule(desk, run_cli, tmp_path):
    """README: a missing argument is a usage error, exit 2, for every verb (ingest and trends said 1); a bad value
    stays 1. An outlet given as a family names both fixes, as the API does (qa19)."""
    r = run_cli("trends", "--since", "30d", "--db", desk)
    assert (r.returncode, r.stderr.decode().strip().splitlines()[-1]) == (
        2, "Error: trends: name at least one series (--topic, --entity or --family)")
    for args in (("show",), ("search",), ("label", "abc"), ("explain", "abc"), ("compare",), ("incident",)):
        r = run_cli(*args, "--db", desk)
        assert r.returncode == 2 and r.stderr.decode().strip().splitlines()[-1].startswith("Error: Missing argument"), args
    r = run_cli("stories", "--family", "Radio Free Asia", "--db", desk)
    assert (r.returncode, r.stderr.decode().strip()) == (
        1, "Error: --family 'Radio Free Asia': an outlet, not an owner family (give --outlet rfa, "
           "or --family 'overseas Chinese / exile', its family)")


def test_missing_config_names_where_its_path_came_from(desk, run_cli, tmp_path):
    """A --config path that is not there was told to 'unset SINODESK_CONFIG' (qa19); the variable's path still is."""
    import os
    import subprocess
    import sys

    missing = tmp_path / "missing.toml"
    r = run_cli("stories", "--db", desk, "--config", missing)
    assert (r.returncode, r.stderr.decode().strip()) == (
        1, f"Error: {missing}: config file not found (named by --config: create it or give the path of an existing settings file)")
    env = {**os.environ, "SINODESK_CONFIG": str(missing)}
    r = subprocess.run([sys.executable, "-m", "sinodesk", "ingest", str(ROOT / "examples"), "--db", str(tmp_path / "e.db")],
                       capture_output=True, cwd=tmp_path, env=env, timeout=300)
    assert (r.returncode, r.stderr.decode().strip()) == (1, f"Error: {missing}: config file not found (create it or unset SINODESK_CONFIG)")
