"""Trends: spikes found against each series' own baseline, both ways (a burst is found, a flat series gives none)."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest

from sinodesk.brief import SeriesKey, detect_spikes, sparkline, trend_series
from sinodesk.errors import ConfigError

from .conftest import EVAL, need_shared


@pytest.mark.parametrize("rate", [0.3, 2.0, 5.0, 20.0])
def test_flat_series_gives_no_spike(rate):
    rng = np.random.default_rng(11)
    for _ in range(20):
        counts = rng.poisson(rate, 120).tolist()
        assert detect_spikes(counts) == []
    assert detect_spikes([int(rate)] * 120) == []


@pytest.mark.parametrize("rate,burst", [(0.3, 6), (2.0, 12), (5.0, 20), (20.0, 45)])
def test_injected_burst_is_detected(rate, burst):
    rng = np.random.default_rng(5)
    for _ in range(20):
        counts = rng.poisson(rate, 120).tolist()
        before = {s.index for s in detect_spikes(counts)}
        counts[90] += burst
        spikes = {s.index: s for s in detect_spikes(counts)}
        assert set(spikes) == before | {90}  # found, and nothing else changes
        assert spikes[90].z >= 3.5 and spikes[90].p_value < 1e-4


def test_spike_needs_history_and_a_minimum_count():
    assert detect_spikes([0, 0, 9] + [0] * 10) == []  # 2 days of history are too few
    assert detect_spikes([0] * 30 + [2]) == []  # 2 stories are never a spike
    assert detect_spikes([0] * 30 + [5]) == []  # P(X >= 5 | 0.5) = 1.7e-4: not yet
    assert [s.index for s in detect_spikes([0] * 30 + [6])] == [30]
    wide = [10, 30] * 20 + [45]  # a series that swings widely needs a wider swing
    assert detect_spikes(wide) == []


def test_sparkline():
    assert sparkline([0, 1, 2, 4, 8]) == "▁▂▃▅█"
    assert sparkline([0, 0, 0]) == "▁▁▁"
    assert len(sparkline(list(range(300)), width=100)) == 100


@pytest.fixture(scope="module")
def burst_archive(tmp_path_factory):
    """Real texts with dates set for the test: the GVC articles spread over 60 days, and 15 UCI headlines
    of one business story all on day 50 (the burst)."""
    from sinodesk.archive import open_archive
    from sinodesk.eval.brief import gvc_items, uci_items
    from sinodesk.eval.harness import write_jsonl
    from sinodesk.pipeline import Runner
    from sinodesk.settings import Settings

    root = need_shared(EVAL)
    rnd = random.Random(7)
    start = dt.date(2025, 1, 1)
    items = [{"title": it["title"], "text": it["text"], "outlet": "Local paper",
              "date": (start + dt.timedelta(days=rnd.randrange(60))).isoformat()} for it in gvc_items(root)]
    clusters: dict[str, list[dict]] = {}
    for u in uci_items(root):
        clusters.setdefault(u["gold"], []).append(u)
    burst = next(v for v in clusters.values() if any("ECB" in x["title"] for x in v) and len(v) >= 15)[:15]
    items += [{"title": u["title"], "text": u["text"], "url": u["url"], "outlet": u["outlet"],
               "date": (start + dt.timedelta(days=50)).isoformat()} for u in burst]
    tmp = tmp_path_factory.mktemp("trends")
    db = str(tmp / "t.db")
    archive = open_archive(db)
    Runner(archive, Settings(db=db)).ingest([str(write_jsonl(items, tmp / "items.jsonl"))])
    yield archive, db, {u["title"] for u in burst}
    archive.close()


def test_trend_series_finds_the_burst_and_explains_it(burst_archive):
    archive, _db, burst_titles = burst_archive
    econ, law = trend_series(archive, [SeriesKey("topic", "economy_trade"), SeriesKey("topic", "law_regulation")],
                             "2025-01-01", "2025-03-01")
    assert len(econ.days) == 60 and econ.days[0] == "2025-01-01"
    assert [s.day for s in econ.spikes] == ["2025-02-20"]
    spike = econ.spikes[0]
    assert spike.count == econ.counts[50] >= 10
    assert spike.events and all(e.headline in burst_titles for e in spike.events)
    assert sum(e.stories for e in spike.events) <= spike.count
    assert law.total > 0 and law.spikes == ()  # the background topic is flat


def test_trends_cli_table_chart_and_errors(burst_archive, run_cli, tmp_path):
    _archive, db, _ = burst_archive
    png = tmp_path / "econ.png"
    r = run_cli("trends", "--topic", "economy_trade", "--since", "2025-01-01", "--until", "2025-03-01", "--db", db,
                "--chart", png)
    out = r.stdout.decode()
    assert r.returncode == 0, r.stderr.decode()
    assert out.splitlines()[0].split()[:6] == ["series", "total", "last", "7d", "max/day", "spikes"]
    assert "spike  topic economy_trade  2025-02-20:" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = tmp_path / "econ.svg"
    assert run_cli("trends", "--topic", "economy_trade", "--since", "60d", "--until", "2025-03-01", "--db", db,
                   "--chart", svg).returncode == 0
    assert "<svg" in svg.read_text(encoding="utf-8")[:500]
    r = run_cli("trends", "--topic", "economy_trade", "--since", "60d", "--until", "2025-03-01", "--db", db, "--chart", tmp_path / "x.jpg")
    assert (r.returncode, r.stderr.decode().strip()) == (1, f"Error: --chart {tmp_path / 'x.jpg'}: give a file ending in .svg or .png")
    r = run_cli("trends", "--since", "60d", "--db", db)  # a missing argument is a usage error (README: exit 2)
    assert (r.returncode, r.stderr.decode().strip().splitlines()[-1]) == (
        2, "Error: trends: name at least one series (--topic, --entity or --family)")
    r = run_cli("trends", "--topic", "cyberr", "--since", "60d", "--db", db)
    assert r.returncode == 1 and r.stderr.decode().startswith("Error: trends --topic 'cyberr': not a topic (known: cyber, ")
    r = run_cli("trends", "--family", "PRC stat", "--since", "60d", "--db", db)
    assert r.returncode == 1 and r.stderr.decode().startswith("Error: trends --family 'PRC stat': not an owner family (known: ")


def test_entity_series_by_name_or_id(burst_archive):
    archive, _db, _ = burst_archive
    a, b, c = trend_series(archive, [SeriesKey("entity", "United States"), SeriesKey("entity", "gpe:united-states"),
                                     SeriesKey("entity", "美国")], "2025-01-01", "2025-03-01")
    assert a.counts == b.counts == c.counts and a.label == b.label == c.label == "United States"
    assert a.total > 0
    with pytest.raises(ConfigError, match=r"^trends: --until 2025-01-01 is before --since 2025-03-01 \(swap them\)$"):
        trend_series(archive, [SeriesKey("topic", "cyber")], "2025-03-01", "2025-01-01")
