"""Search speed: p50/p95/p99 over 200 varied queries, beside bare FTS5 on the same index.

    python bench/bench_search.py --n 100000          # archive of N stories built from ../shared/eval texts
    python bench/bench_search.py --n 1000000 --json search.json --keep /somewhere/big   # keeps the archive for the next run

Four ways to answer each query, timed in the same run on the same archive:

* ``sinodesk``   -- ``archive.search()``: the tantivy index beside the archive ranks (top-k, block-max),
  each hit is checked against the filter in SQLite, then the hits kept are read and snippeted;
* ``FTS5 ranks`` -- the same with the archive opened with ``search_index=False``: FTS5 bm25 over the
  newest 20,000 matches, joined by integer key only where a filter needs story columns;
* ``full bm25`` -- the same archive's index ranking every match by BM25 and cutting to 20 (what
  search did before it stopped scoring every matching row); its hits are the reference the
  ``sinodesk`` hits are compared with;
* ``bare FTS5``  -- ``SELECT rowid ... ORDER BY bm25 LIMIT 20`` with the same MATCH expression
  and no filter: the floor any FTS5-based search pays.

Also: building the archive with ``put_stories`` beside a bare FTS5 insert of the same rows, the
schema-1 insert pattern (a DELETE by story_id on the index before each new story) on a prefix,
and ``sinodesk search`` as a process beside a bare Python process that runs the same SQL.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SINODESK_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

OUTLETS = ("Xinhua News Agency", "Global Times", "South China Morning Post", "Radio Free Asia", "Reuters", "The Guardian",
           "Central News Agency", "Caixin", "BBC News", "Nikkei Asia", "环球时报", "Taipei Times")


def load_texts() -> tuple[list[tuple[str, str]], list[str]]:
    """(headline, body) pairs in English, and Chinese headlines, from the public eval sets."""
    ev = SHARED / "eval"
    en: list[tuple[str, str]] = []
    with open(ev / "ag-news-test" / "test.csv", encoding="utf-8") as fh:
        en += [(row[1], row[2]) for row in csv.reader(fh) if len(row) >= 3]
    for line in open(ev / "bbc-news-topics" / "bbc_news.jsonl", encoding="utf-8"):
        d = json.loads(line)
        en.append((d["title"], d["text"][:1500]))
    for line in open(ev / "reuters21578-modapte" / "reuters21578_modapte.jsonl", encoding="utf-8"):
        d = json.loads(line)
        if d.get("text"):
            en.append((d.get("title") or "", d["text"][:1500]))
    zh = [ln.split("\t")[0] for name in ("dev.txt", "test.txt")
          for ln in open(ev / "thucnews-headlines-zh" / name, encoding="utf-8") if "\t" in ln]
    return en, zh


def make_stories(n: int, seed: int = 7):
    """N stories recombined from the texts (headline of one, body of another; ~10% Chinese),
    real outlet names, dates over two years."""
    import datetime as dt

    from sinodesk.records import Story

    en, zh = load_texts()
    rnd = random.Random(seed)
    start = dt.date(2024, 1, 1)
    for i in range(n):
        if rnd.random() < 0.1:
            headline = rnd.choice(zh)
            text = "。".join(rnd.choice(zh) for _ in range(4)) + "。"
            lang = "zh"
        else:
            headline, _ = rnd.choice(en)
            text = rnd.choice(en)[1]
            lang = "en"
        published = (start + dt.timedelta(days=rnd.randrange(730))).isoformat()
        yield Story(story_id=f"b{i:011d}", doc_id="bench", source="bench", start=0, end=len(text), text=text,
                    headline=headline, language=lang, published=published, outlet=rnd.choice(OUTLETS))


def build(db: str, n: int) -> dict:
    from sinodesk.archive import open_archive
    from sinodesk.archive.textindex import cjk_index_columns
    from sinodesk.records import Document, RawItem

    a = open_archive(db)
    raw = RawItem("bench", b"bench", "text")
    with a.batch(["bench"]) as b:
        a.put_raw(raw, b)
        a.put_document(Document("bench", raw.sha256, "bench", "text", "bench"), b)
    stories = list(make_stories(n))
    t = time.perf_counter()
    for i in range(0, n, 1000):
        a.put_stories(stories[i : i + 1000])
    ours = time.perf_counter() - t
    bare = sqlite3.connect(os.path.join(os.path.dirname(db), "bare.db"), isolation_level=None)
    bare.execute("PRAGMA journal_mode=WAL")
    bare.execute("CREATE VIRTUAL TABLE f USING fts5(headline, body, zh_bi, zh_uni, tokenize = 'unicode61 remove_diacritics 2')")
    t = time.perf_counter()
    for i in range(0, n, 1000):
        bare.execute("BEGIN")
        for s in stories[i : i + 1000]:
            bi, uni = cjk_index_columns((s.headline or "") + "\n" + s.text)
            bare.execute("INSERT INTO f (headline, body, zh_bi, zh_uni) VALUES (?,?,?,?)", (s.headline, s.text, bi, uni))
        bare.execute("COMMIT")
    bare_s = time.perf_counter() - t
    # the schema-1 pattern: a DELETE by story_id (an UNINDEXED column: a scan of the index) before each insert
    prefix = min(n, 5_000)
    old = sqlite3.connect(":memory:", isolation_level=None)
    old.execute("CREATE VIRTUAL TABLE f USING fts5(story_id UNINDEXED, headline, body, zh_bi, zh_uni)")
    t = time.perf_counter()
    old.execute("BEGIN")
    for s in stories[:prefix]:
        bi, uni = cjk_index_columns((s.headline or "") + "\n" + s.text)
        old.execute("DELETE FROM f WHERE story_id=?", (s.story_id,))
        old.execute("INSERT INTO f VALUES (?,?,?,?,?)", (s.story_id, s.headline, s.text, bi, uni))
    old.execute("COMMIT")
    old_s = time.perf_counter() - t
    t = time.perf_counter()
    bare.execute("BEGIN")
    for s in stories[:prefix]:
        bi, uni = cjk_index_columns((s.headline or "") + "\n" + s.text)
        bare.execute("INSERT INTO f (headline, body, zh_bi, zh_uni) VALUES (?,?,?,?)", (s.headline, s.text, bi, uni))
    bare.execute("ROLLBACK")
    bare_prefix = time.perf_counter() - t
    a.conn.execute("INSERT INTO stories_fts(stories_fts) VALUES ('optimize')")
    bare.execute("INSERT INTO f(f) VALUES ('optimize')")
    a.close()
    bare.close()
    return {"stories": n, "put_stories_s": ours, "bare_insert_s": bare_s, "prefix": prefix, "schema1_insert_prefix_s": old_s,
            "bare_insert_prefix_s": bare_prefix}


def make_queries(n_queries: int = 200, seed: int = 11) -> list[tuple[str, dict]]:
    en, zh = load_texts()
    rnd = random.Random(seed)
    counts: dict[str, int] = {}
    for h, b in en[:20000]:
        for w in re.findall(r"[A-Za-z]{4,}", h + " " + b):
            counts[w.lower()] = counts.get(w.lower(), 0) + 1
    ranked = [w for w, _ in sorted(counts.items(), key=lambda kv: -kv[1])]
    common, mid, rare = ranked[50:500], ranked[500:5000], ranked[5000:20000]
    words = lambda: rnd.choice(rnd.choice((common, mid, rare)))  # noqa: E731
    qs: list[str] = []
    qs += [words() for _ in range(50)]
    qs += [f"{words()} {words()}" for _ in range(30)]
    for _ in range(20):
        h = rnd.choice(en)[0].split()
        i = rnd.randrange(max(1, len(h) - 1))
        qs.append('"' + " ".join(h[i : i + 2]) + '"')
    qs += [rnd.choice(mid)[:5] + "*" for _ in range(10)]
    qs += [f"{rnd.choice(common)} -{rnd.choice(common)}" for _ in range(10)]
    qs += [f"NEAR({rnd.choice(common)} {rnd.choice(mid)}, 20)" for _ in range(5)]
    for k in (1, 2, 3):
        for _ in range(25):
            h = re.sub(r"[^\u4e00-\u9fff]", "", rnd.choice(zh))
            i = rnd.randrange(max(1, len(h) - k))
            qs.append(h[i : i + k] or "中国")
    out = []
    for i, q in enumerate(qs[:n_queries]):
        flt = {}
        if i % 4 == 1:
            flt["since"] = "2025-06-01"
        if i % 7 == 3:
            flt["outlets"] = ("Reuters", "The Guardian")
        out.append((q, flt))
    return out


def _pct(xs: list[float]) -> dict:
    xs = sorted(xs)
    q = lambda p: xs[min(len(xs) - 1, int(p * len(xs)))] * 1000  # noqa: E731
    return {"p50_ms": round(q(0.50), 2), "p95_ms": round(q(0.95), 2), "p99_ms": round(q(0.99), 2),
            "mean_ms": round(statistics.mean(xs) * 1000, 2)}


def _by_rid(a, rids: list[int]) -> list:
    from sinodesk.archive.rows import STORY_COLUMNS

    if not rids:
        return []
    rows = a.conn.execute(f"SELECT {STORY_COLUMNS} FROM stories s WHERE rid IN ({','.join('?' * len(rids))})", rids).fetchall()
    return a._stories(rows)


def time_queries(db: str, queries, limit: int = 20) -> dict:
    """Each query four ways, in the same pass: ``archive.search()`` (the search index beside the
    archive ranks); the same with FTS5 ranking (the archive opened with ``search_index=False``);
    the full BM25 ranking of every match by FTS5 (the reference both are compared with); bare FTS5
    on a plain table of the same text."""
    from sinodesk.archive import StoryFilter, open_archive
    from sinodesk.archive.rows import filter_sql
    from sinodesk.archive.textindex import fts_query

    a = open_archive(db, read_only=True)
    f5 = open_archive(db, read_only=True, search_index=False)
    bare = sqlite3.connect(os.path.join(os.path.dirname(db), "bare.db"))
    times: dict[str, list[float]] = {"sinodesk": [], "FTS5 ranks": [], "full bm25": [], "bare FTS5": [], "facets": []}
    agree: dict[str, list[float]] = {"sinodesk": [], "FTS5 ranks": []}
    slow = []
    for q, f in queries + queries:  # the first pass warms the page cache; only the second is kept
        flt = StoryFilter(**f)
        expr = fts_query(q)
        t = time.perf_counter()
        ours = a.search(q, limit=limit, flt=flt)
        t1 = time.perf_counter()
        fts = f5.search(q, limit=limit, flt=flt)
        t1b = time.perf_counter()
        where, args = filter_sql(flt)
        sql = "SELECT stories_fts.rowid, bm25(stories_fts, 4.0, 1.0, 1.0, 1.0) AS score FROM stories_fts"
        if where:
            sql += " JOIN stories s ON s.rid = stories_fts.rowid"
        ref = a.conn.execute(sql + " WHERE stories_fts MATCH ?" + "".join(" AND " + w for w in where) + " ORDER BY score LIMIT ?",
                             [expr, *args, limit]).fetchall()
        t2 = time.perf_counter()
        bare.execute("SELECT rowid FROM f WHERE f MATCH ? ORDER BY bm25(f, 4.0, 1.0, 1.0, 1.0) LIMIT ?", (expr, limit)).fetchall()
        t3 = time.perf_counter()
        a.facet_counts(q, flt)
        times["facets"].append(time.perf_counter() - t3)
        times["sinodesk"].append(t1 - t)
        times["FTS5 ranks"].append(t1b - t1)
        times["full bm25"].append(t2 - t1b)
        times["bare FTS5"].append(t3 - t2)
        # many stories share a text (recombined from one pool), so ties make ids an unfair test: compare texts
        want = {(h.headline, h.text) for h in _by_rid(a, [r for r, _ in ref])}
        for name, hits in (("sinodesk", ours), ("FTS5 ranks", fts)):
            got = [(h.story.headline, h.story.text) for h in hits]
            agree[name].append(sum(1 for g in got if g in want) / max(1, len(want)) if want else float(not got))
        slow.append((t1 - t, q, f))
    n = len(queries)
    out = {k: _pct(v[n:]) for k, v in times.items()}
    filtered = [i for i, (_, f) in enumerate(queries) if f]
    for k, v in times.items():
        out[k + ", unfiltered"] = _pct([v[n + i] for i in range(n) if i not in filtered])
        out[k + ", filtered"] = _pct([v[n + i] for i in filtered])
    out["agreement"] = {k: round(statistics.mean(v[n:]), 3) for k, v in agree.items()}
    out["slowest"] = [(round(t * 1000, 1), q, f) for t, q, f in sorted(slow[n:], key=lambda x: -x[0])[:8]]
    return out


def time_process(db: str, repeat: int = 9) -> dict:
    """``sinodesk search`` as a process vs a bare Python process running the same FTS5 query."""
    bare = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(c.execute('SELECT rowid FROM stories_fts WHERE "
            "stories_fts MATCH ? ORDER BY bm25(stories_fts) LIMIT 20', (sys.argv[2],)).fetchall())")
    runs: dict[str, list[float]] = {"sinodesk search": [], "python + sqlite3": []}
    for _ in range(repeat):
        for name, cmd in (("sinodesk search", [sys.executable, "-m", "sinodesk", "search", "market", "--db", db]),
                          ("python + sqlite3", [sys.executable, "-c", bare, db, '{headline body} : "market"'])):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True, cwd=str(ROOT))
            runs[name].append(time.perf_counter() - t)
    return {k: round(statistics.median(v) * 1000, 1) for k, v in runs.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="stories in the archive")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--window", type=int, help="RANK_WINDOW to use (default: sinodesk's)")
    ap.add_argument("--keep", metavar="DIR", help="build the archive in DIR and keep it; an archive of --n stories already "
                    "there is reused (building 1M stories takes a while)")
    args = ap.parse_args()
    if args.window:
        import sinodesk.archive.search as search

        search.RANK_WINDOW = args.window
    with tempfile.TemporaryDirectory() as tmp:
        d = args.keep or tmp
        os.makedirs(d, exist_ok=True)
        db = os.path.join(d, "bench.db")
        done = os.path.join(d, "built.json")
        if args.keep and os.path.exists(done) and json.loads(Path(done).read_text())["stories"] == args.n:
            built = json.loads(Path(done).read_text())
        else:
            for f in (db, db + "-wal", db + "-shm", os.path.join(d, "bare.db")):
                if os.path.exists(f):
                    os.remove(f)
            built = build(db, args.n)
            Path(done).write_text(json.dumps(built))
        if "search_index_s" not in built:
            from sinodesk.archive import open_archive

            t = time.perf_counter()
            a = open_archive(db)
            a.sync_search_index()
            a.close()
            built["search_index_s"] = time.perf_counter() - t
            Path(done).write_text(json.dumps(built))
        print(f"search index beside the archive: built from the stories in {built['search_index_s']:.1f} s"
              if built.get("search_index_s") else "")
        print(f"archive: {args.n:,} stories ({os.path.getsize(db) / 1e6:.0f} MB); put_stories {built['put_stories_s']:.1f} s vs "
              f"bare FTS5 insert {built['bare_insert_s']:.1f} s (x{built['put_stories_s'] / built['bare_insert_s']:.2f})")
        print(f"first {built['prefix']:,} stories, index writes only: schema-1 pattern (DELETE by story_id + INSERT) "
              f"{built['schema1_insert_prefix_s']:.1f} s vs INSERT alone {built['bare_insert_prefix_s']:.2f} s")
        lat = time_queries(db, make_queries(args.queries))
        same, slowest = lat.pop("agreement"), lat.pop("slowest")
        print(f"\n{args.queries} queries, top 20; share of the full FTS5 BM25 top 20 (by text) also found: "
              + ", ".join(f"{k} {v:.3f}" for k, v in same.items()))
        print(f"{'':12} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean ms':>8}   p95 vs bare FTS5")
        base = lat["bare FTS5"]["p95_ms"]
        for name, v in sorted(lat.items(), key=lambda kv: ("unf" in kv[0], "filt" in kv[0])):
            print(f"{name:12} {v['p50_ms']:8.2f} {v['p95_ms']:8.2f} {v['p99_ms']:8.2f} {v['mean_ms']:8.2f}   x{v['p95_ms'] / base:.2f}")
        print("slowest (sinodesk): " + "; ".join(f"{t} ms {q!r}{' ' + str(f) if f else ''}" for t, q, f in slowest))
        lat["agreement"], lat["slowest"] = same, slowest
        proc = time_process(db)
        print("\nprocess, median wall time: " + ", ".join(f"{k} {v} ms" for k, v in proc.items()))
        if args.json:
            Path(args.json).write_text(json.dumps({"build": built, "latency": lat, "process_ms": proc}, indent=2))


if __name__ == "__main__":
    main()
