"""The event linker's state as the archive grows: `sinodesk ingest --workers 1` of this checkout
beside an earlier one (the baseline), both run at the same time on the same items, each into a
fresh archive.

    git worktree add --detach /tmp/base main     # the baseline checkout
    nice python bench/bench_linker_state.py --baseline /tmp/base --n 50000 --json linker.json

Items come from ``gen_stories.py`` (BBC + AG News + Chinese headlines, recombined, dated over two
years, ~10% near-duplicates), written to a temporary folder as one JSONL file.  Both commands run
concurrently (so they meet the same load) as processes of this Python with ``PYTHONPATH`` pointing
at each checkout.  Reported per checkout: CPU seconds (user + system, from the kernel's accounting
of the finished process), stories per CPU second, peak RSS, and RSS sampled every second beside
the archive's story count, so the growth per 1,000 archived stories is read between two points of
one run (``--at``, default 10,000, and the end); then the ratios this/baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_stories import write  # noqa: E402


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _stories(db: Path) -> int | None:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as c:
            return c.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    except sqlite3.Error:
        return None


class Run:
    def __init__(self, name: str, checkout: Path, items: Path, db: Path):
        self.name, self.db = name, db
        env = dict(os.environ, PYTHONPATH=str(checkout), PYTHONDONTWRITEBYTECODE="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "sinodesk", "ingest", str(items), "--db", str(db), "--workers", "1"],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=db.parent)
        self.samples: list[tuple[int, int]] = []  # (stories archived, RSS kB)
        self.peak = 0
        self.rusage = None
        self.out = b""
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while self.proc.poll() is None:
            rss = _rss_kb(self.proc.pid)
            self.peak = max(self.peak, rss)
            n = _stories(self.db)
            if n is not None and rss:
                self.samples.append((n, rss))
            time.sleep(1.0)

    def wait(self) -> None:
        _, status, self.rusage = os.wait4(self.proc.pid, 0)
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        self.out = self.proc.stdout.read() + self.proc.stderr.read()
        self.thread.join()

    def rss_at(self, n: int) -> tuple[int, int] | None:
        """The last sample with fewer than ``n`` stories archived, and its RSS (kB)."""
        below = [s for s in self.samples if s[0] <= n]
        return below[-1] if below else None

    def figures(self, at: int) -> dict:
        stories = _stories(self.db) or 0
        cpu = self.rusage.ru_utime + self.rusage.ru_stime
        first, last = self.rss_at(at), self.samples[-1] if self.samples else None
        growth = None
        if first and last and last[0] > first[0]:
            growth = (last[1] - first[1]) / 1024 / ((last[0] - first[0]) / 1000)
        return {"checkout": self.name, "exit": self.proc.returncode, "stories": stories, "cpu_s": round(cpu, 1),
                "stories_per_cpu_s": round(stories / cpu, 1) if cpu else None,
                "peak_rss_mb": round(max(self.peak, self.rusage.ru_maxrss) / 1024, 1),
                "rss_mb_at": [round(first[1] / 1024, 1), first[0]] if first else None,
                "rss_mb_end": [round(last[1] / 1024, 1), last[0]] if last else None,
                "rss_growth_mb_per_1000": round(growth, 2) if growth is not None else None,
                "archive_mb": round(self.db.stat().st_size / 1e6, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", type=Path, required=True, help="an earlier sinodesk checkout (e.g. a worktree of main)")
    ap.add_argument("--n", type=int, default=50_000, help="items to generate")
    ap.add_argument("--at", type=int, default=10_000, help="stories archived where the RSS growth is measured from")
    ap.add_argument("--inputs", type=Path, help="a JSONL file of your own instead of generated items")
    ap.add_argument("--json", type=Path, help="write the figures here too")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-linker-"))
    try:
        items = args.inputs or write(args.n, tmp / "items", per_file=max(args.n, 1))[0]
        runs = [Run("baseline", args.baseline.resolve(), items, tmp / "base.db"), Run("this", ROOT, items, tmp / "this.db")]
        for r in runs:
            r.wait()
            if r.proc.returncode:
                sys.exit(f"{r.name}: ingest failed ({r.proc.returncode}): {r.out.decode(errors='replace')[-2000:]}")
        base, this = (r.figures(args.at) for r in runs)
        ratio = {k: round(this[k] / base[k], 3) for k in ("cpu_s", "stories_per_cpu_s", "peak_rss_mb")
                 if base.get(k) and this.get(k)}
        print(f"{'':10} {'stories':>8} {'CPU s':>8} {'st/CPU-s':>9} {'peak RSS MB':>12} {'RSS MB at':>16} {'RSS MB end':>16} {'MB/1000 st':>11}")
        for f in (base, this):
            at = f"{f['rss_mb_at'][0]} @{f['rss_mb_at'][1]}" if f["rss_mb_at"] else "-"
            end = f"{f['rss_mb_end'][0]} @{f['rss_mb_end'][1]}" if f["rss_mb_end"] else "-"
            print(f"{f['checkout']:10} {f['stories']:>8} {f['cpu_s']:>8} {f['stories_per_cpu_s']:>9} {f['peak_rss_mb']:>12} "
                  f"{at:>16} {end:>16} {f['rss_growth_mb_per_1000']!s:>11}")
        print("this / baseline:", ", ".join(f"{k} {v}" for k, v in ratio.items()))
        if args.json:
            args.json.write_text(json.dumps({"n": args.n, "baseline": base, "this": this, "ratio": ratio}, indent=2))
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
