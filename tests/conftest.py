"""Shared fixtures: where the shared seeds and eval data are, and fresh archives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SINODESK_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"


def need_shared(path: Path) -> Path:
    """Return ``path``; if ../shared is missing, skip with a clear reason -- or fail under CI.

    ``.ci/run`` sets ``SINODESK_REQUIRE_SHARED=1``: there a missing data set is an error, since a
    skipped quality test would leave its floor unchecked."""
    if not path.exists():
        msg = f"{path} is missing: put the shared data beside the repository or set SINODESK_SHARED"
        if os.environ.get("SINODESK_REQUIRE_SHARED"):
            pytest.fail(msg + " (SINODESK_REQUIRE_SHARED is set: CI needs it)")
        pytest.skip(msg)
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return need_shared(SEEDS)


@pytest.fixture
def eval_dir() -> Path:
    return need_shared(EVAL)


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(need_shared(SEEDS).glob("*.txt"))


@pytest.fixture
def http_server(tmp_path):
    """A real HTTP server on 127.0.0.1 serving files from a temporary directory."""
    import functools
    import http.server
    import threading

    root = tmp_path / "www"
    root.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            if self.path.startswith("/redirect-loop"):
                self.send_response(302)
                self.send_header("Location", "/redirect-loop")
                self.end_headers()
                return
            super().do_GET()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.root = root
    server.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def run_cli(tmp_path):
    """Run the real ``sinodesk`` CLI in a subprocess; returns CompletedProcess.  ``timeout``
    (seconds) only guards against a hung command: a large real ingest on a loaded machine asks
    for more than the default."""
    import subprocess
    import sys

    def run(*args, input=None, cwd=None, timeout=300):
        return subprocess.run(
            [sys.executable, "-m", "sinodesk", *map(str, args)],
            input=input, capture_output=True, cwd=cwd or tmp_path, timeout=timeout,
        )

    return run


@pytest.fixture
def desk(tmp_path, run_cli):
    """An archive with the bundled sample (examples/) ingested: 9 stories."""
    db = tmp_path / "desk.db"
    r = run_cli("ingest", ROOT / "examples", "--db", db)
    assert r.returncode == 0, r.stderr.decode()
    return db


def assert_field_floor(report, field: str, floors: dict, label: str = "") -> None:
    """An extraction report's precision and recall for ``field`` reach ``floors[field]``."""
    p_floor, r_floor = floors[field]
    s = report.fields[field]
    assert s.precision >= p_floor, f"{label}{field} precision {s.precision:.3f} < {p_floor}"
    assert s.recall >= r_floor, f"{label}{field} recall {s.recall:.3f} < {r_floor}"


def assert_story_floors(report, *, published: float, outlet: float) -> None:
    """Every mention's offsets round-trip, and story dates / outlets are right often enough."""
    d = report.as_dict()
    assert d["provenance"] == 1.0
    assert d["published_accuracy"] >= published
    assert d["outlet_accuracy"] >= outlet


def outlet_toml(id: str, name: str, aliases: list[str], domains: list[str], *, family: str, owner: str,
                region: str = "Hong Kong", alignment: str = "written for the sinodesk tests",
                sources: tuple[str, ...] = ("written for the sinodesk tests",)) -> str:
    """One ``[[outlet]]`` table for a user's own registry file (JSON strings are TOML strings)."""
    import json

    fields = {"id": id, "name": name, "aliases": aliases, "domains": domains, "region": region, "owner": owner,
              "family": family, "alignment": alignment, "sources": list(sources)}
    return "[[outlet]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in fields.items()) + "\n"


HOSTILE_TITLE = "<script>alert('pwned')</script> Hostile headline & co"


CONFLICTING_REPORTS = [
    {"title": "Rare earth exports rise 12 percent in May", "outlet": "Xinhua News Agency", "date": "2025-06-09",
     "url": "https://example.org/re1", "text": "China's exports of rare earth magnets rose 12 percent in May from a year earlier, "
     "customs data showed on Monday, as shipments to Europe recovered. The General Administration of Customs said "
     "shipments reached 5,000 tonnes."},
    {"title": "China's rare earth magnet exports jump 21 percent in May", "outlet": "Reuters", "date": "2025-06-09",
     "url": "https://example.org/re2", "text": "China's exports of rare earth magnets rose 21 percent in May from a year "
     "earlier, customs data showed on Monday, as shipments to Europe recovered after licences were issued. Shipments "
     "reached 5,000 tonnes, the General Administration of Customs said."},
]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    """A real archive for the web tests: the bundled examples, the five seed digests, one JSONL story
    whose title and text carry markup (it must show as text) and two reports of one event that
    disagree on a figure, ingested as 'sinodesk ingest' does."""
    import json

    from sinodesk.archive import open_archive
    from sinodesk.pipeline import Runner
    from sinodesk.settings import Settings

    tmp = tmp_path_factory.mktemp("web")
    hostile = tmp / "hostile.jsonl"
    hostile.write_text(json.dumps({
        "title": HOSTILE_TITLE, "outlet": "Radio Free Asia", "date": "2025-03-10", "url": "https://example.org/hostile",
        "text": "A notice whose title tries to run a script. <img src=x onerror=alert(1)> "
                "Whatever its title and text hold must show as plain text on every page."}) + "\n", encoding="utf-8")
    # two reports of one event giving different figures for the same quantity (a flagged conflict)
    conflict = tmp / "conflict.jsonl"
    conflict.write_text("".join(json.dumps(d) + "\n" for d in CONFLICTING_REPORTS), encoding="utf-8")
    burst = tmp / "burst.jsonl"
    burst.write_text("".join(json.dumps(d) + "\n" for d in cyber_burst(need_shared(EVAL))), encoding="utf-8")
    db = tmp / "web.db"
    archive = open_archive(str(db), create=True)
    try:
        Runner(archive, Settings(db=str(db))).ingest([str(ROOT / "examples"), str(need_shared(SEEDS)), str(hostile), str(conflict),
                                                      str(burst)])
        _store_briefings(archive)
    finally:
        archive.close()
    return db


BURST_DAY = "2025-05-29"


def cyber_burst(eval_dir: Path) -> list[dict]:
    """Real AG News Sci/Tech stories about hackers and viruses, dated one every fourth day for four
    weeks and then twelve on one day (:data:`BURST_DAY`): a spike for the trends page to mark."""
    import csv
    import datetime as dt

    with open(eval_dir / "ag-news-test" / "test.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh) if len(r) >= 3 and r[0] == "4"
                and any(w in (r[1] + " " + r[2]).lower() for w in ("hacker", "virus", "worm", "phishing", "spyware"))]
    outlets = ["Reuters", "BBC News", "The Register", "Wired", "CyberScoop", "The Record", "BleepingComputer", "Caixin"]
    first = dt.date.fromisoformat(BURST_DAY) - dt.timedelta(days=28)
    days = [first + dt.timedelta(days=4 * i) for i in range(7)] + [dt.date.fromisoformat(BURST_DAY)] * 12
    return [{"title": r[1], "text": r[2].replace("\\", " "), "date": d.isoformat(), "outlet": outlets[i % len(outlets)],
             "url": f"https://example.org/burst/{i}"} for i, (r, d) in enumerate(zip(rows, days))]


def _store_briefings(archive) -> None:
    """Two briefings as 'sinodesk brief' stores them, the second compared with the first."""
    from sinodesk.brief import build_briefing, load_sections, save_briefing

    for since, until in (("2025-01-01", "2025-03-10"), ("2025-01-01", "2025-06-10")):
        save_briefing(archive, build_briefing(archive, since, until, load_sections()))
