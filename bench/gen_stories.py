"""Build N realistic news items as JSONL files from the public texts in ../shared/eval.

    python bench/gen_stories.py --n 1000000 --out /tmp/stories-1m      # default N is 1,000,000

Nothing generated here is committed: the texts belong to their publishers (research use).
Each item recombines real text: an English headline from one article (AG News, BBC, Reuters)
over the body of another, or ~10% Chinese (a THUCNews headline over 3-6 others as its body);
an outlet from sinodesk's registry (real names, by a skewed share as real desks see); a date
that moves forward over two years with a few days' jitter (items arrive roughly in time order,
as a stream does); a URL of the outlet's domain; ~10% are near-duplicates of a recent item (the
same story from another outlet a day or two later, a word changed and its last sentence cut).
Files hold ``--per-file`` items each (the default 20,000 stays under ingest's 50 MB file limit).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SINODESK_SHARED", ROOT.parent / "shared"))


def load_texts(shared: Path = SHARED) -> tuple[list[tuple[str, str]], list[str]]:
    """(headline, body) pairs in English and Chinese headlines, from the public eval sets."""
    ev = shared / "eval"
    en: list[tuple[str, str]] = []
    with open(ev / "ag-news-test" / "test.csv", encoding="utf-8") as fh:
        en += [(row[1], row[2].replace("\\", " ")) for row in csv.reader(fh) if len(row) >= 3 and row[0] != "label"]
    for line in open(ev / "bbc-news-topics" / "bbc_news.jsonl", encoding="utf-8"):
        d = json.loads(line)
        en.append((d["title"], d["text"]))
    for line in open(ev / "reuters21578-modapte" / "reuters21578_modapte.jsonl", encoding="utf-8"):
        d = json.loads(line)
        if d.get("text") and d.get("title"):
            en.append((d["title"].title(), d["text"]))
    zh = [ln.split("\t")[0] for name in ("dev.txt", "test.txt")
          for ln in open(ev / "thucnews-headlines-zh" / name, encoding="utf-8") if "\t" in ln]
    return en, zh


def load_outlets() -> list[tuple[str, str, str]]:
    """(name, domain, family) of the registry's outlets that have a domain."""
    data = tomllib.loads((ROOT / "sinodesk" / "data" / "outlets.toml").read_text(encoding="utf-8"))
    return [(o["name"], o["domains"][0], o.get("family", "")) for o in data["outlet"] if o.get("domains")]


def _slug(headline: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", headline.lower()).strip("-")[:60] or "story"


def generate(n: int, seed: int = 2024, shared: Path = SHARED):
    """Yield ``n`` item dicts (title, text, outlet, url, date)."""
    en, zh = load_texts(shared)
    outlets = load_outlets()
    zh_outlets = [o for o in outlets if o[2] in ("PRC state", "PRC commercial", "Hong Kong", "Taiwan", "overseas Chinese / exile")]
    rnd = random.Random(seed)
    weights = [1.0 / (k + 1) ** 0.8 for k in range(len(outlets))]  # a few outlets carry most of the stream
    start = dt.date(2024, 1, 1)
    recent: list[dict] = []
    for i in range(n):
        day = start + dt.timedelta(days=int(730 * i / max(1, n)) + rnd.randint(-3, 3))
        r = rnd.random()
        if r < 0.10 and recent:  # a near-duplicate of a recent item, from another outlet
            src = rnd.choice(recent)
            name, domain, _ = rnd.choice(outlets)
            sentences = re.split(r"(?<=[.!?。])\s*", src["text"].strip())
            text = " ".join(s for s in sentences[:-1] if s) if len(sentences) > 3 else src["text"]
            text = re.sub(r"\bsaid\b", "told reporters", text, count=1)
            date = dt.date.fromisoformat(src["date"]) + dt.timedelta(days=rnd.randint(0, 2))
            item = {"title": src["title"], "text": text, "outlet": name, "date": date.isoformat(),
                    "url": f"https://www.{domain}/{date:%Y/%m/%d}/{_slug(src['title'])}-{i}"}
        elif r < 0.20:  # Chinese
            name, domain, _ = rnd.choice(zh_outlets)
            title = rnd.choice(zh)
            text = "。".join(rnd.choice(zh) for _ in range(rnd.randint(3, 6))) + "。"
            item = {"title": title, "text": text, "outlet": name, "date": day.isoformat(), "url": f"https://www.{domain}/{day:%Y%m%d}/{i}.html"}
        else:
            name, domain, _ = rnd.choices(outlets, weights)[0]
            title = rnd.choice(en)[0]
            text = rnd.choice(en)[1]
            item = {"title": title, "text": text, "outlet": name, "date": day.isoformat(),
                    "url": f"https://www.{domain}/{day:%Y/%m/%d}/{_slug(title)}-{i}"}
        recent.append(item)
        if len(recent) > 2000:
            recent = recent[-1000:]
        yield item


def write(n: int, out: Path, per_file: int = 20_000, seed: int = 2024, shared: Path = SHARED) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    fh = None
    for i, item in enumerate(generate(n, seed, shared)):
        if i % per_file == 0:
            if fh:
                fh.close()
            paths.append(out / f"stories-{len(paths):04d}.jsonl")
            fh = open(paths[-1], "w", encoding="utf-8")
        fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    if fh:
        fh.close()
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--out", type=Path, required=True, help="folder to write into (use a temporary one; never commit it)")
    ap.add_argument("--per-file", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=2024)
    args = ap.parse_args()
    paths = write(args.n, args.out, args.per_file, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{args.n} items in {len(paths)} files, {size / 1e6:.1f} MB, in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
