"""``sinodesk events`` and ``compare`` on a day of news written for these tests (tests/data/events/desk_day.jsonl):
the same talks reported in English by two families and in Chinese by a third, a botnet attack in English and
Chinese on the same day whose extracted entities share one place, and unrelated Spanish and Portuguese items."""

from __future__ import annotations

import json

from tests.conftest import ROOT

DAY = ROOT / "tests" / "data" / "events" / "desk_day.jsonl"
TALKS = "ev-c47a35ba356c"


def _desk(run_cli, tmp_path) -> str:
    db = str(tmp_path / "day.db")
    r = run_cli("ingest", DAY, "--db", db)
    assert (r.returncode, r.stdout.decode().strip()) == (0, "ingested 7 documents (7 stories), rejected 0")
    return db


def test_events_rank_a_translated_report_and_keep_unrelated_languages_apart(run_cli, tmp_path):
    db = _desk(run_cli, tmp_path)
    r = run_cli("events", "--db", db, "--min-size", "2")
    assert r.returncode == 0
    assert r.stdout.decode() == (
        f"{TALKS}    3 stories  3 families  cohesion 0.54  2025-06-24..2025-06-25  "
        "Chinese Premier Li Qiang holds talks with Singapore's Lawrence Wong in Beijing\n"
        "    PRC state; Singapore press; Western press\n"
        "ev-4cde3de22e63    2 stories  2 families  cohesion 0.50  2025-06-24..2025-06-24  杭州云服务商遭僵尸网络攻击\n"
        "    PRC commercial; PRC state\n")
    singles = run_cli("events", "--db", db).stdout.decode().splitlines()[4:]
    assert [line.split()[1:6] for line in singles[::2]] == [["1", "story", "1", "family", "2025-06-24..2025-06-24"]] * 2
    assert singles[0].index("1 family") == r.stdout.decode().index("3 families") - r.stdout.decode().index("ev-")  # columns line up
    rows = [json.loads(x) for x in run_cli("events", "--db", db, "--json").stdout.decode().splitlines()]
    assert [(r["size"], r["languages"]) for r in rows] == [(3, ["en", "zh"]), (2, ["en", "zh"]), (1, ["es"]), (1, ["pt"])]
    assert [r["cohesion"] for r in rows] == [0.541, 0.5, None, None]


def test_compare_claims_no_omission_across_languages(run_cli, tmp_path):
    # nor a surname the family names in full (Reuters's "Li" is the Straits Times's Li Qiang), nor a
    # figure the family gives in other words ("two countries" in both English reports)
    db = _desk(run_cli, tmp_path)
    r = run_cli("compare", TALKS, "--db", db)
    assert r.returncode == 0
    assert r.stdout.decode() == """Event ev-c47a35ba356c: 3 stories, 3 families, 2025-06-24 .. 2025-06-25

== PRC state  (Xinhua News Agency; 1 story)
   headline: 李强同新加坡总理黄循财在北京会谈
   cites:    Li Qiang (1), Lawrence Wong (1)
   numbers:  两国, 两国
   words:    新加坡 (+1.6), 李强 (+1.3), 总理 (+1.3), 会谈 (+1.1), 黄循财 (+1.1), 合作 (+1.1), 中国 (+1.1), 黄循 (+0.8)

== Singapore press  (The Straits Times; 1 story)
   headline: PM Lawrence Wong and Li Qiang agree to upgrade China-Singapore trade pact
   cites:    Lawrence Wong (1)
   numbers:  two countries
   words:    pm (+0.8), china-singapore (+0.8), pact (+0.8), add (+0.8), reporters (+0.8), help (+0.8), firms (+0.8), expected (+0.8)
   omits:    Asia
   no figure for: into southeast asia [governments], wong beijing tuesday [leaders]

== Western press  (Reuters; 1 story)
   headline: Chinese Premier Li Qiang holds talks with Singapore's Lawrence Wong in Beijing
   cites:    Li (1), Lawrence Wong (1)
   numbers:  two leaders, two countries, two governments
   words:    holds (+0.7), held (+0.7), singaporean (+0.7), tuesday (+0.7), leaders (+0.7), deepen (+0.7), cooperation (+0.7), digital (+0.7)
"""
    r = run_cli("compare", "ev-000000000000", "--db", db)
    assert (r.returncode, r.stderr.decode().strip()) == (
        1, f"Error: event 'ev-000000000000' is not in {db} (list events with 'sinodesk events')")


def test_compare_words_skip_the_stop_words_of_the_story_language():
    from sinodesk.stages.cluster.compare import framing_words

    words = framing_words("Los pronósticos para la semana: lluvias en el norte y en la ciudad de Salta", "es")
    assert not {"los", "para", "la", "el", "en", "de", "y"} & set(words)
    assert {"lluvia", "salta"} <= set(words)


def test_cross_language_cohesion_reads_the_place_a_chinese_body_names():
    """深圳市政府 is one organisation mention (org:shenzhen--government); an English report of the same event
    names "Shenzhen": their cohesion counts the place (the linker reads it so), and the body stays beside it."""
    from sinodesk.records import Entity, Story
    from sinodesk.stages.cluster.summary import cohesion

    en = Story("a", "d1", "s", 0, 10, "The Shenzhen municipal government launched a platform, the Global Times reported.",
               language="en", entities=(Entity("Shenzhen", "GPE", "gpe:shenzhen", 4, 12),
                                        Entity("Global Times", "ORG", "org:global-times", 60, 72)))
    zh = Story("b", "d2", "s", 0, 10, "深圳市政府推出共享算力平台。", language="zh",
               entities=(Entity("深圳市政府", "ORG", "org:shenzhen--government", 0, 5),))
    assert cohesion([en, zh], {}) == 1 / 3  # {shenzhen} of {shenzhen, global-times, shenzhen--government}
    other = Story("c", "d3", "s", 0, 10, "北京市政府表示。", language="zh",
                  entities=(Entity("北京市政府", "ORG", "org:beijing--government", 0, 5),))
    assert cohesion([en, other], {}) == 0.0
