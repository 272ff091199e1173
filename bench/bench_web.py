"""Web search speed: requests/s and p50/p95/p99 latency with N concurrent clients on loopback.

    nice -n 10 .venv/bin/python bench/web_corpus.py --db /tmp/web100k.db --n 100000   # once: the archive
    .venv/bin/python bench/bench_web.py --db /tmp/web100k.db [--clients 8] [--requests 4000]

Starts ``sinodesk serve`` (the command a user runs) on a free 127.0.0.1 port and drives it with a
bounded asyncio loop of httpx clients: each of ``--clients`` workers sends its share of
``--requests`` requests back to back (so at most that many are in flight), and the run also stops
after ``--max-seconds``.  Requests are full search pages (``/search?q=...``: HTML with results,
snippets and facet counts), as a browser asks for them, from queries made of words (English
content words: no stop words) and Chinese character pairs drawn from the archive's own headlines
as often as the headlines use them; some carry a facet or ask for page 2, and some
are the htmx fragment a keystroke asks for.  Measured in the same run, under the same load:

* ``static``: a 6 KB static file (the floor of the server and client, with no archive work);
* ``library``: ``archive.search()`` + facet counts called in-process, one thread, no HTTP;
* ``api``: ``/api/search`` for the same queries (JSON, same work as the page).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_queries(db: str, n: int, seed: int = 5) -> list[str]:
    """Search URLs from words of the archive's headlines (English words of 4+ letters, Chinese pairs)."""
    import sqlite3
    from urllib.parse import urlencode

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    heads = [h for (h,) in conn.execute("SELECT headline FROM stories WHERE headline IS NOT NULL ORDER BY rowid LIMIT 20000")]
    topics = [t for (t,) in conn.execute("SELECT DISTINCT topics FROM stories WHERE topics != '' LIMIT 50")]
    conn.close()
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    rnd = random.Random(seed)
    # words as people search them: content words of 4+ letters, drawn as often as headlines use them
    en = [w.lower() for h in heads for w in re.findall(r"[A-Za-z]{4,}", h) if w.lower() not in ENGLISH_STOP_WORDS]
    zh = [run[i : i + 2] for h in heads for run in re.findall(r"[\u4e00-\u9fff]{2,}", h) for i in range(len(run) - 1)]
    urls = []
    for _ in range(n):
        r = rnd.random()
        if r < 0.15 and zh:
            q = {"q": rnd.choice(zh)}
        elif r < 0.55:
            q = {"q": rnd.choice(en)}
        else:
            q = {"q": f"{rnd.choice(en)} {rnd.choice(en)}" if r < 0.7 else rnd.choice(en)}
        k = rnd.random()
        if k < 0.15 and topics:
            q["topic"] = rnd.choice(topics).split(",")[0]
        elif k < 0.25:
            q["lang"] = "zh" if rnd.random() < 0.3 else "en"
        elif k < 0.32:
            q["page"] = "2"
        urls.append("/search?" + urlencode(q))
    return urls


async def drive(base: str, urls: list[str], clients: int, max_seconds: float, headers: dict | None = None) -> dict:
    import httpx

    latencies: list[float] = []
    statuses: dict[int, int] = {}
    queue = list(enumerate(urls))
    stop_at = time.perf_counter() + max_seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0, headers=headers or {}) as client:
        async def worker() -> None:
            while queue and time.perf_counter() < stop_at:
                _, url = queue.pop()
                t = time.perf_counter()
                r = await client.get(url)
                await r.aread()
                latencies.append(time.perf_counter() - t)
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        wall = time.perf_counter() - t0
    return summarise(latencies, wall) | {"status": statuses}


def summarise(latencies: list[float], wall: float) -> dict:
    lat = sorted(latencies)
    if not lat:
        return {"n": 0}

    def pct(p: float) -> float:
        return round(1000 * lat[min(len(lat) - 1, int(p / 100 * len(lat)))], 2)

    return {"n": len(lat), "rps": round(len(lat) / wall, 1), "p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99),
            "mean_ms": round(1000 * statistics.fmean(lat), 2)}


def library(db: str, urls: list[str]) -> dict:
    """The same searches through sinodesk.web.queries.search in-process (no HTTP), one thread."""
    from urllib.parse import parse_qsl, urlsplit

    from sinodesk.settings import Settings
    from sinodesk.web.desk import Desk
    from sinodesk.web.queries import SearchParams, search

    desk = Desk(db=db, settings=Settings(db=db))
    lat = []
    t0 = time.perf_counter()
    for url in urls:
        q = dict(parse_qsl(urlsplit(url).query))
        if "page" in q:
            q["page"] = int(q["page"])
        t = time.perf_counter()
        search(desk, SearchParams(**q))
        lat.append(time.perf_counter() - t)
    return summarise(lat, time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=4000)
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument("--max-seconds", type=float, default=240.0)
    ap.add_argument("--json", dest="json_out", help="Also write the figures to this file.")
    a = ap.parse_args()
    if not Path(a.db).exists():
        sys.exit(f"Error: {a.db}: no archive here (build one with bench/web_corpus.py first)")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    urls = make_queries(a.db, a.requests + a.warmup)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "sinodesk", "serve", "--db", a.db, "--port", str(port)], env=env,
                            stderr=subprocess.PIPE)
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/static/style.css", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"Error: the server did not start: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
        asyncio.run(drive(base, urls[: a.warmup], a.clients, a.max_seconds))
        out = {"db": a.db, "clients": a.clients}
        out["static"] = asyncio.run(drive(base, ["/static/style.css"] * min(a.requests, 2000), a.clients, a.max_seconds))
        out["search_page"] = asyncio.run(drive(base, urls[a.warmup :], a.clients, a.max_seconds))
        out["htmx_fragment"] = asyncio.run(drive(base, urls[a.warmup :][: a.requests // 2], a.clients, a.max_seconds,
                                                 headers={"HX-Request": "true"}))
        api_urls = [u.replace("/search?", "/api/search?") for u in urls[a.warmup :][: a.requests // 2]]
        out["api_search"] = asyncio.run(drive(base, api_urls, a.clients, a.max_seconds))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    out["library_one_thread"] = library(a.db, urls[a.warmup :][: min(a.requests, 1000)])
    for k, v in out.items():
        if isinstance(v, dict):
            print(f"{k:>20}: " + "  ".join(f"{kk} {vv}" for kk, vv in v.items()))
    if out["search_page"].get("p95_ms") is not None:
        print(f"search page p95 {out['search_page']['p95_ms']} ms with {a.clients} clients (target < 100 ms); "
              f"{out['search_page']['p95_ms'] / out['static']['p95_ms']:.1f}x the static-file p95 under the same load")
    if a.json_out:
        Path(a.json_out).write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
