"""Build, draw and check the hand-labelled held-out gold set for the extract stage.

The gold file lives in ``sinodesk/eval/gold/extract/heldout/`` (format: ``../FORMAT.md``);
this script is the annotator's tool, not part of the package.  It never extracts anything: it

* rebuilds the reference text of an item of ``../shared/eval`` (``text_of``: the recipes of
  FORMAT.md),
* repeats the seeded draw of the items (``draw``),
* turns the annotator's hand-written label files (``tools/heldout/*.ann``) into JSONL with
  character offsets (``compile``): it places each label the annotator wrote at the occurrences
  of its surface text that the annotator selected, and converts the annotator's notation
  (TIMEX3-style date values, roles) into the FORMAT.md fields,
* prints an item with its labels inline for reading back (``render``), and
* checks every offset by re-reading ``text[start:end]`` (``verify``).

    python3 tools/heldout_gold.py draw    [--data ../shared]
    python3 tools/heldout_gold.py show    ITEM_KEY ...
    python3 tools/heldout_gold.py render  [ITEM_KEY ...]
    python3 tools/heldout_gold.py compile
    python3 tools/heldout_gold.py verify
    python3 tools/heldout_gold.py sweep   [ITEM_KEY ...]

ITEM_KEY is ``<dataset>:<id>`` (``bbc:tech/237``, ``thucnews:dev:55``).  Feed entries need
``feedparser`` and sinodesk's own ``fragment_text`` (the reference text of a feed entry is the
body as sinodesk stores it), so run it where sinodesk is installed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANN_DIR = HERE / "heldout"
OUT_FILE = HERE.parent / "sinodesk" / "eval" / "gold" / "extract" / "heldout" / "heldout.jsonl"
SEED = 14  # issue 14

# -- items and reference texts ---------------------------------------------------------------------


def eligible(dataset: str, item: str | int) -> bool:
    """The held-out pool: sha1("<dataset>:<id>") % 4 == 0."""
    return int(hashlib.sha1(f"{dataset}:{item}".encode()).hexdigest(), 16) % 4 == 0


_CACHE: dict = {}


def _load(root: Path, what: str):
    if what in _CACHE:
        return _CACHE[what]
    E = root / "eval"
    if what == "bbc":
        v = {d["id"]: d for d in map(json.loads, (E / "bbc-news-topics" / "bbc_news.jsonl").open(encoding="utf-8"))}
    elif what == "agnews":
        with (E / "ag-news-test" / "test.csv").open(encoding="utf-8", newline="") as fh:
            v = list(csv.DictReader(fh))
    elif what == "ecbplus":
        v = {d["doc_id"]: d for d in map(json.loads, (E / "ecbplus-event-clusters" / "ecbplus_docs.jsonl").open(encoding="utf-8"))}
    elif what == "gvc":
        v = {d["doc_id"]: d for d in map(json.loads, (E / "gvc-event-clusters-subset" / "gvc_docs.jsonl").open(encoding="utf-8"))}
    elif what == "thucnews":
        v = {}
        for split in ("test", "dev"):
            lines = (E / "thucnews-headlines-zh" / f"{split}.txt").read_text(encoding="utf-8").splitlines()
            for i, line in enumerate(lines):
                head, _, cls = line.partition("\t")
                v[f"{split}:{i}"] = (head, int(cls))
    elif what.startswith("feed:"):
        import feedparser

        v = feedparser.parse((E / "news-feeds" / "feeds" / what[5:]).read_bytes()).get("entries", [])
    else:
        raise KeyError(what)
    _CACHE[what] = v
    return v


def text_of(root: Path, dataset: str, item: str) -> dict:
    """{"text", "published", "label"} of one item: the FORMAT.md reference text."""
    if dataset == "bbc":
        d = _load(root, "bbc")[item]
        return {"text": d["title"] + "\n\n" + d["text"], "published": None, "label": d["label"]}
    if dataset == "agnews":
        r = _load(root, "agnews")[int(item)]
        return {"text": r["title"] + "\n\n" + r["description"], "published": None,
                "label": {"1": "world", "2": "sports", "3": "business", "4": "scitech"}[r["label"]]}
    if dataset == "ecbplus":
        d = _load(root, "ecbplus")[item]
        return {"text": d["text"], "published": None, "label": d["event_cluster"]}
    if dataset == "gvc":
        d = _load(root, "gvc")[item]
        return {"text": d["title"] + "\n\n" + d["text"], "published": d.get("dct") or None, "label": d["incident_id"]}
    if dataset == "thucnews":
        head, cls = _load(root, "thucnews")[item]
        names = (root / "eval" / "thucnews-headlines-zh" / "class.txt").read_text(encoding="utf-8").split()
        return {"text": head, "published": None, "label": names[cls]}
    if dataset == "feeds":
        from sinodesk.ingest.readers import _iso, fragment_text  # the body as sinodesk stores it

        fname, _, idx = item.rpartition("#")
        e = _load(root, "feed:" + fname)[int(idx)]
        body = ""
        if e.get("content"):
            body = max((c.get("value", "") for c in e["content"]), key=len)
        if len(e.get("summary", "") or "") > len(body):
            body = e["summary"]
        title = fragment_text(e.get("title", "") or "") or None
        return {"text": fragment_text(body) or title or "", "title": title, "label": fname,
                "published": _iso(e.get("published_parsed") or e.get("updated_parsed"))}
    raise KeyError(dataset)


def scope_end(text: str, at: int = 1500, whole_up_to: int = 2500) -> int:
    """Whole text when it is at most ``whole_up_to`` chars; else the end of the line (paragraph,
    or ECB+ sentence) that contains character ``at``."""
    if len(text) <= whole_up_to:
        return len(text)
    nl = text.find("\n", at)
    return len(text) if nl < 0 else nl


# -- the draw --------------------------------------------------------------------------------------

QUOTAS = {
    "bbc": {"business": 7, "entertainment": 7, "politics": 7, "sport": 7, "tech": 7},
    "agnews": {"world": 10, "business": 9, "scitech": 8, "sports": 8},
    "thucnews": {"politics": 5, "society": 5, "finance": 5, "stocks": 5, "science": 5, "education": 5,
                 "realty": 5, "sports": 4, "entertainment": 3, "game": 3},
}
N_ECB, N_GVC = 25, 15
FEEDS = {"qq_news_china_domestic_gb2312.xml": 99, "livemint_news.xml": 99, "guardian_us.rss": 4}


def take(root: Path, out: list[dict], seed: int, dataset: str, ids, quota_of=None, quotas=None, limit=None,
         group_of=None, keep=lambda key, t: True) -> None:
    """Shuffle ``ids`` with ``random.Random(f"{seed}:{dataset}")`` and append items to ``out`` until the
    quota is met: ``quotas`` per ``quota_of(text record)`` stratum, or ``limit`` items in all (at most
    one per ``group_of(id)``).  Exact duplicate texts count once; ``keep(key, text record)`` false
    passes an item over (skipped, or excluded by the draw)."""
    ids = list(ids)
    random.Random(f"{seed}:{dataset}").shuffle(ids)
    got, groups, seen_text = {}, set(), set()
    for i in ids:
        key = f"{dataset}:{i}"
        t = text_of(root, dataset, str(i))
        if t["text"] in seen_text or not keep(key, t):  # exact duplicate copies (BBC) count once
            continue
        if quotas is not None:
            q = quota_of(t)
            if q not in quotas or got.get(q, 0) >= quotas[q]:
                continue
            got[q] = got.get(q, 0) + 1
        else:
            if group_of is not None:
                g = group_of(i)
                if g in groups:
                    continue
                groups.add(g)
            got["_"] = got.get("_", 0) + 1
        seen_text.add(t["text"])
        out.append({"key": key, "dataset": dataset, "item": str(i), "stratum": t["label"] if quotas else None})
        if quotas is not None and all(got.get(k, 0) >= v for k, v in quotas.items()):
            break
        if limit is not None and got.get("_", 0) >= limit:
            break


def draw(root: Path, skips: dict[str, str]) -> list[dict]:
    """The seeded draw (see the README).  ``skips`` maps item keys the annotator rejected while
    reading (no name, number or date at all) to the reason; the draw then takes the next item."""
    out: list[dict] = []

    def take_(dataset, ids, quota_of=None, quotas=None, limit=None, group_of=None):
        take(root, out, SEED, dataset, ids, quota_of, quotas, limit, group_of, keep=lambda key, t: key not in skips)

    bbc = _load(root, "bbc")
    take_("bbc", sorted(i for i in bbc if eligible("bbc", i)), lambda t: t["label"], QUOTAS["bbc"])
    ag = _load(root, "agnews")
    take_("agnews", [i for i in range(len(ag)) if eligible("agnews", i)], lambda t: t["label"], QUOTAS["agnews"])
    ecb = _load(root, "ecbplus")
    take_("ecbplus", sorted(i for i in ecb if eligible("ecbplus", i)), limit=N_ECB, group_of=lambda i: ecb[i]["topic"])
    gvc = _load(root, "gvc")
    take_("gvc", sorted(i for i in gvc if eligible("gvc", i)), limit=N_GVC, group_of=lambda i: gvc[i]["incident_id"])
    thu = _load(root, "thucnews")
    take_("thucnews", [k for k in thu if eligible("thucnews", k)], lambda t: t["label"], QUOTAS["thucnews"])
    for fname, n in FEEDS.items():
        entries = _load(root, "feed:" + fname)
        take_("feeds", [f"{fname}#{i}" for i in range(len(entries)) if eligible("feeds", f"{fname}#{i}")], limit=n)
    return out


# -- the annotator's label files -------------------------------------------------------------------

ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
                "MALWARE", "THREAT_ACTOR"}
OUT_LABEL = {"WORK_OF_ART": "PRODUCT"}  # FORMAT.md: named works are PRODUCT
ID_PREFIX = {"PERSON": "person", "ORG": "org", "GPE": "gpe", "LOC": "loc", "NORP": "norp", "FAC": "fac",
             "EVENT": "event", "PRODUCT": "product", "WORK_OF_ART": "work", "LAW": "law", "MALWARE": "malware",
             "THREAT_ACTOR": "threat-actor"}
MODS = {"APPROX", "MORE_THAN", "LESS_THAN", "AT_LEAST", "AT_MOST", "START", "MID", "END"}
ROLES = {"speaker", "channel", "credit"}


class AnnError(ValueError):
    pass


def _cjk(c: str) -> bool:
    return ord(c) >= 0x2E80


def _word(c: str) -> bool:
    return c.isalnum() and not _cjk(c)


def _bounded(text: str, s: int, e: int) -> bool:
    """A match must not start or end inside a Latin word or a number."""
    a, b = text[s], text[e - 1]
    if _word(a) and s > 0:
        p = text[s - 1]
        if _word(p):
            return False
        if a.isdigit() and p in ".," and s > 1 and text[s - 2].isdigit():
            return False
    if _word(b) and e < len(text):
        n = text[e]
        if _word(n):
            return False
        if b.isdigit() and n in ".," and e + 1 < len(text) and text[e + 1].isdigit():
            return False
    return True


def find_all(text: str, needle: str, lo: int, hi: int, bounded: bool = True) -> list[int]:
    out, i = [], text.find(needle, lo)
    while 0 <= i and i + len(needle) <= hi:
        if not bounded or _bounded(text, i, i + len(needle)):
            out.append(i)
        i = text.find(needle, i + 1)
    return out


def slug(s: str) -> str:
    s = re.sub(r"['’]s\b", "", s.lower())
    return re.sub(r"[^\w\u2e80-\U0002ffff]+", "-", s).strip("-")


_LINE = re.compile(r"^(?P<kind>[A-Z_]+(?::[a-z]+)?)(?P<opt>\?)?\s+(?P<rest>.+)$")


def _split(rest: str) -> dict:
    """``surface [= spec]`` then, in any order: ``{ctx}`` ``@1,2`` ``/ALT,ALT`` ``~MOD`` ``<cue>``."""
    out: dict = {"occ": None, "alt": [], "mod": None, "ctx": None, "cue": None}
    pats = [
        ("mod", r"\s~([A-Z_]+)\s*$"),
        ("alt", r"\s/([A-Z_,]+)\s*$"),
        ("occ", r"\s@([\d,]+)\s*$"),
        ("ctx", r"\s\{([^{}]+)\}\s*$"),
        ("cue", r"\s<([^<>]+)>\s*$"),
    ]
    changed = True
    while changed:
        changed = False
        for name, rx in pats:
            m = re.search(rx, rest)
            if m:
                v = m.group(1)
                out[name] = [int(x) for x in v.split(",")] if name == "occ" else v.split(",") if name == "alt" else v
                rest = rest[: m.start()]
                changed = True
    spec = None
    if " = " in rest:
        rest, spec = rest.split(" = ", 1)
        spec = spec.strip()
    out["surface"], out["spec"] = rest.strip(), spec
    return out


def _place(text: str, hi: int, surface: str, ctx: str | None, occ: list[int] | None) -> list[tuple[int, int]]:
    spans = []
    if ctx is not None:
        if "[[" in ctx:
            pre, _, tail = ctx.partition("[[")
            mark, _, post = tail.partition("]]")
            if surface not in ("_", "", mark):
                raise AnnError(f"marked [[{mark}]] is not the surface {surface!r}")
            for i in find_all(text, pre + mark + post, 0, hi, bounded=False):
                spans.append((i + len(pre), i + len(pre) + len(mark)))
        else:
            if surface not in ctx:
                raise AnnError(f"surface {surface!r} is not inside context {{{ctx}}}")
            for i in find_all(text, ctx, 0, hi, bounded=False):
                js = find_all(text, surface, i, i + len(ctx)) or find_all(text, surface, i, i + len(ctx), bounded=False)
                spans.append((js[0], js[0] + len(surface)))
        if not spans:
            raise AnnError(f"context {{{ctx}}} not found in scope")
    else:
        spans = [(i, i + len(surface)) for i in find_all(text, surface, 0, hi)]
        if not spans:
            raise AnnError(f"surface {surface!r} not found (as a whole word) in scope")
    if occ:
        try:
            spans = [spans[k - 1] for k in occ]
        except IndexError:
            raise AnnError(f"occurrence {occ} out of range ({len(spans)} found)") from None
    return spans


def _number(spec: str) -> tuple[float | int | str, str | None]:
    """``VALUE UNIT`` (UNIT ``-`` for none). VALUE: 5.5e9, 1/3 (kept to 4 places), or a score 2-1."""
    parts = spec.split(None, 1)
    v, unit = parts[0], (parts[1].strip() if len(parts) > 1 else "-")
    if re.fullmatch(r"\d+-\d+", v):
        value: float | int | str = v
    elif re.fullmatch(r"\d+/\d+", v):
        a, b = v.split("/")
        value = round(int(a) / int(b), 4)
    else:
        f = float(v)
        value = int(f) if f.is_integer() else f
    return value, (None if unit == "-" else unit)


# -- date values: the annotator writes TIMEX3-style values; FORMAT.md wants ISO 8601 ----------------

_SEASON = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def timex_to_iso(value: str) -> tuple[str | None, str]:
    """TIMEX3-style value -> (ISO 8601 value or None when a part is unknown, precision)."""
    if "/" in value:
        a, b = value.split("/", 1)
        ia, pa = timex_to_iso(a)
        ib, pb = timex_to_iso(b)
        order = ["century", "decade", "year", "season", "quarter", "month", "week", "day"]
        prec = max(pa, pb, key=order.index)
        if ia is None or ib is None:
            return None, prec
        return f"{ia.split('/')[0]}/{ib.split('/')[-1]}", prec
    m = re.fullmatch(r"(\d{4}|XXXX)-W(\d{2}|XX)-([1-7])", value)
    if m:
        if "X" in value:
            return None, "day"
        return dt.date.fromisocalendar(int(m[1]), int(m[2]), int(m[3])).isoformat(), "day"
    for rx, prec in ((r"(\d{4}|XXXX)-(\d{2}|XX)-(\d{2}|XX)", "day"), (r"(\d{4}|XXXX)-(\d{2}|XX)", "month"),
                     (r"\d{4}|XXXX", "year"), (r"(\d{4}|XXXX)-W(\d{2}|XX)", "week")):
        if re.fullmatch(rx, value):
            return (None if "X" in value else value), prec
    if value in ("XXX", "XX"):
        return None, "decade" if value == "XXX" else "century"
    if re.fullmatch(r"\d{3}", value):
        return f"{value}0/{value}9", "decade"
    if re.fullmatch(r"\d{2}", value):
        return f"{value}00/{value}99", "century"
    m = re.fullmatch(r"(\d{4}|XXXX)-Q([1-4])", value)
    if m:
        if "X" in value:
            return None, "quarter"
        q = int(m[2])
        return f"{m[1]}-{3 * q - 2:02d}/{m[1]}-{3 * q:02d}", "quarter"
    m = re.fullmatch(r"(\d{4}|XXXX)-H([12])", value)
    if m:
        if "X" in value:
            return None, "month"
        return (f"{m[1]}-01/{m[1]}-06" if m[2] == "1" else f"{m[1]}-07/{m[1]}-12"), "month"
    m = re.fullmatch(r"(\d{4}|XXXX)-(SP|SU|FA|WI)", value)
    if m:
        if "X" in value:
            return None, "season"
        a, b = _SEASON[m[2]]
        y = int(m[1])
        return f"{y}-{a:02d}/{y + (1 if b < a else 0)}-{b:02d}", "season"
    raise AnnError(f"date value {value!r} is not a TIMEX3-style value this set uses")


# -- cues and number spans --------------------------------------------------------------------------

CUES = ["according to", "said", "says", "say", "saying", "told", "tells", "added", "adds", "announced", "announces",
        "stated", "states", "reported", "reports", "wrote", "writes", "warned", "warns", "argued", "argues",
        "claimed", "claims", "claiming", "confirmed", "confirms", "denied", "denies", "insisted", "explained",
        "estimated", "estimates", "predicted", "described", "called", "calls", "urged", "urges", "praised",
        "praises", "welcomed", "criticised", "criticized", "accused", "accuses", "revealed", "hinted", "vowed",
        "demanded", "believes", "responded", "defended", "showing", "showed", "shows", "found", "spoke",
        "indicate", "interview", "statement", "quoted", "cited", "citing", "announcement", "asked", "noted",
        "suggested", "suggests", "finds", "reporting", "revealing", "termed", "acknowledged", "admitted", "agreed", "added", "contended", "alleged",
        "据", "报道", "报告", "称", "表示", "说", "指出", "透露", "回应", "辟谣", "发布", "认为", "宣布", "：", ":"]


def derive_cue(ctx: str, surface: str) -> str | None:
    """The cue word of the annotator's context string: the first one after the source name, else
    the last one before it."""
    flat = ctx.replace("[[", "").replace("]]", "")
    i = flat.find(surface)
    i, j = (i, i + len(surface)) if i >= 0 else (0, 0)
    hits = []
    for c in CUES:
        rx = re.escape(c) if (_cjk(c[0]) or not c[0].isalnum()) else r"(?<![A-Za-z])" + re.escape(c) + r"(?![A-Za-z])"
        for m in re.finditer(rx, flat, flags=re.I):
            if not (m.end() <= i or m.start() >= j):
                continue
            hits.append((m.start(), -len(c), flat[m.start():m.end()]))
    after = sorted(h for h in hits if h[0] >= j)
    before = sorted(h for h in hits if h[0] < i)
    return after[0][2] if after else before[-1][2] if before else None


_LEFT = ["more than", "less than", "fewer than", "at least", "at most", "up to", "as many as", "as much as",
         "just over", "just under", "almost", "nearly", "about", "around", "approximately", "roughly", "some",
         "over", "above", "under", "below", "only", "约", "近", "超过", "逾", "最高", "多达"]


_MEASURE = ["平方米", "平米", "厘米", "分钟", "公里", "像素", "人次", "平", "米", "人", "名", "位", "口", "个", "件", "张",
            "道", "级", "条", "家", "起", "岁", "年", "天", "日", "台", "辆", "套", "只", "所", "项", "次", "倍", "点", "大"]


def number_span(text: str, s: int, e: int, unit: str | None, mod: str | None) -> tuple[int, int]:
    """FORMAT.md number text: from the approximator (when the label has a mod) to the unit word."""
    if mod and mod not in ("START", "MID", "END"):
        for w in _LEFT:
            if _cjk(w[0]):
                if text[max(0, s - len(w)):s] == w:
                    s -= len(w)
                    break
            elif text[max(0, s - len(w) - 1):s].lower() == w + " " and (s - len(w) - 1 == 0 or not _word(text[s - len(w) - 2])):
                s -= len(w) + 1
                break
    if unit and unit not in ("percent", "fraction", "score") and not re.fullmatch(r"[A-Z]{3}", unit) and e < len(text) and _cjk(text[e]):
        for w in _MEASURE:  # Chinese: the measure word or unit right after the numeral
            if text.startswith(w, e):
                e += len(w)
                break
    elif unit and unit not in ("percent", "fraction", "score") and not re.fullmatch(r"[A-Z]{3}", unit) and not _cjk(text[e - 1]):
        # English unit word: within the next three words (hyphen or space separated)
        stem = unit.split()[-1].lower()
        stems = {stem, stem.rstrip("s"), stem[:-2] if stem.endswith("es") else stem, stem[:-3] + "y" if stem.endswith("ies") else stem}
        m = re.match(r"((?:-plus)?(?:[\s-]+[A-Za-z][\w'’-]*){1,4})", text[e:])
        if m:
            pos = e
            for w in re.finditer(r"[\s-]+([A-Za-z][\w'’]*)", m.group(1)):
                word = w.group(1).lower()
                if word in ("and", "or", "to", "than", "of"):
                    break
                if word in stems or word.rstrip("s") in stems:
                    pos = e + w.end()
                    break
            e = pos
    return s, e


# -- compile ------------------------------------------------------------------------------------------


def parse_ann(path: Path) -> dict[str, list[tuple[int, str]]]:
    blocks: dict[str, list[tuple[int, str]]] = {}
    cur = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("== "):
            cur = line[3:].strip()
            if cur in blocks:
                raise AnnError(f"{path.name}:{n}: item {cur} labelled twice")
            blocks[cur] = []
            continue
        if cur is None:
            raise AnnError(f"{path.name}:{n}: label before any '== item' line")
        blocks[cur].append((n, line.strip()))
    return blocks


def _resolve_overlaps(recs: list[dict], field: str, key: str, where: str) -> list[dict]:
    """Within one kind the longer span wins; a label left with no occurrence is an error."""
    chosen: list[dict] = []
    for r in sorted(recs, key=lambda r: (-(r["end"] - r["start"]), r["start"])):
        clash = [c for c in chosen if r["start"] < c["end"] and c["start"] < r["end"]]
        if not clash:
            chosen.append(r)
            continue
        same = [c for c in clash if (c["start"], c["end"]) == (r["start"], r["end"])]
        if same and {k: v for k, v in same[0].items() if k != "_line"} != {k: v for k, v in r.items() if k != "_line"}:
            raise AnnError(f"{where}:{r['_line']}: {key}: {field} {r['text']!r} at {r['start']} labelled twice "
                           f"differently (see line {same[0]['_line']})")
    lost = {r["_line"] for r in recs} - {r["_line"] for r in chosen}
    if lost:
        raise AnnError(f"{where}:{min(lost)}: {key}: every occurrence of this {field} label lies inside a longer one")
    return sorted(chosen, key=lambda r: (r["start"], r["end"]))


def compile_item(root: Path, key: str, lines: list[tuple[int, str]], where: str) -> dict:
    dataset, _, item = key.partition(":")
    t = text_of(root, dataset, item)
    text = t["text"]
    hi = scope_end(text)
    notes = []
    cand: dict[str, list[dict]] = {"entities": [], "attributions": [], "numbers": [], "dates": []}
    for n, line in lines:
        try:
            if line.startswith("scope "):
                hi = int(line.split()[1])
                continue
            if line.startswith("note "):
                notes.append(line[5:].strip())
                continue
            m = _LINE.match(line)
            if not m:
                raise AnnError(f"cannot read label line {line!r}")
            kind, opt = m.group("kind"), bool(m.group("opt"))
            a = _split(m.group("rest"))
            for s, e in _place(text, hi, a["surface"], a["ctx"], a["occ"]):
                if (kind in ENTITY_TYPES or kind.startswith("A")) and re.match(r"[Tt]he ", text[s:e]):
                    s += 4  # FORMAT.md: no leading "the" in a name, even when the name's own form has it
                rec: dict = {"text": text[s:e], "start": s, "end": e}
                if kind in ENTITY_TYPES:
                    rec.update(label=kind, ref=a["spec"] or f"{ID_PREFIX[kind]}:{slug(text[s:e])}")
                    if a["alt"]:
                        rec["alt_labels"] = a["alt"]
                    field = "entities"
                elif kind == "A" or kind.startswith("A:"):
                    role = kind[2:] if ":" in kind else "speaker"
                    if role not in ROLES:
                        raise AnnError(f"unknown attribution role {role}")
                    cue = a["cue"] or ("dateline" if role == "credit" else derive_cue(a["ctx"] or "", rec["text"]))
                    if not cue:
                        raise AnnError(f"attribution {rec['text']!r}: no cue word in the context; add <cue>")
                    rec.update(cue=cue, role=role)
                    field = "attributions"
                elif kind == "N":
                    if a["spec"] is None:
                        raise AnnError("number without '= VALUE UNIT'")
                    value, unit = _number(a["spec"])
                    if a["mod"] and a["mod"] not in MODS:
                        raise AnnError(f"unknown mod {a['mod']}")
                    s2, e2 = number_span(text, s, e, unit, a["mod"])
                    rec = {"text": text[s2:e2], "value": value, "unit": unit, "start": s2, "end": e2}
                    if a["mod"]:
                        rec["mod"] = a["mod"]
                    field = "numbers"
                elif kind in ("D", "DR"):
                    if a["spec"] is None:
                        raise AnnError("date without '= VALUE'")
                    bits = a["spec"].split()
                    iso, prec = timex_to_iso(bits[0])
                    rec.update(iso=iso, precision=prec, relative=kind == "DR" or "rel" in bits[1:])
                    if a["mod"]:
                        rec["mod"] = a["mod"]
                    field = "dates"
                else:
                    raise AnnError(f"unknown label kind {kind}")
                rec["_line"] = n
                rec["_optional"] = opt
                cand[field].append(rec)
        except AnnError as exc:
            raise AnnError(f"{where}:{n}: {key}: {exc}") from None
    out: dict = {}
    for field, recs in cand.items():
        if field == "attributions":
            chosen = sorted(recs, key=lambda r: (r["start"], r["end"]))
            for x, y in zip(chosen, chosen[1:]):
                if (x["start"], x["end"]) == (y["start"], y["end"]):
                    raise AnnError(f"{where}:{y['_line']}: {key}: attribution {y['text']!r} at {y['start']} given twice")
        else:
            chosen = _resolve_overlaps(recs, field, key, where)
        out[field] = chosen
    # attributions: the fullest name of the same source (the longest mention with the same ref)
    refs = {(e["start"], e["end"]): e["ref"] for e in out["entities"]}
    longest: dict[str, str] = {}
    for e in out["entities"]:
        if len(e["text"]) > len(longest.get(e["ref"], "")):
            longest[e["ref"]] = e["text"]
    for x in out["attributions"]:
        ref = refs.get((x["start"], x["end"]))
        x["source"] = longest.get(ref, x["text"]) if ref else x["text"]
        if ref:
            x["ref"] = ref
    rec = {
        "dataset": dataset, "id": item,
        "lang": "zh" if sum(map(_cjk, text)) > len(text) / 4 else "en",
        "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(), "chars": len(text),
        "published": t["published"],
    }
    extra: dict = {"optional": {k: [] for k in cand}, "norp": []}
    for field in ("entities", "attributions", "numbers", "dates"):
        rec[field] = []
        for x in out[field]:
            opt = x.pop("_optional")
            x.pop("_line")
            if field == "entities" and x["label"] == "NORP":
                x.pop("ref")
                extra["norp"].append(x)
                continue
            if field == "entities":
                x["label"] = OUT_LABEL.get(x["label"], x["label"])
                x["alt_labels"] = [OUT_LABEL.get(y, y) for y in x.get("alt_labels", [])]
                if not x["alt_labels"] or x["alt_labels"] == [x["label"]]:
                    x.pop("alt_labels")
            (extra["optional"][field] if opt else rec[field]).append(x)
    if notes:
        rec["note"] = " ".join(notes)
    if hi < len(text):
        rec["scope_end"] = hi
    rec["optional"] = {k: v for k, v in extra["optional"].items() if v}
    rec["norp"] = extra["norp"]
    rec["stratum"] = t["label"]
    return rec


# -- output, review and checks -----------------------------------------------------------------------


def load_skips() -> dict[str, str]:
    return load_skips_of(ANN_DIR / "skips.tsv")


def load_skips_of(p: Path) -> dict[str, str]:
    out = {}
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                k, _, why = line.partition("\t")
                out[k.strip()] = why.strip()
    return out


def all_blocks() -> dict[str, tuple[str, list]]:
    out: dict[str, tuple[str, list]] = {}
    for f in sorted(ANN_DIR.glob("*.ann")):
        for k, lines in parse_ann(f).items():
            if k in out:
                raise AnnError(f"{f.name}: item {k} also labelled in {out[k][0]}")
            out[k] = (f.name, lines)
    return out


def _all_labels(rec: dict):
    for field in ("entities", "attributions", "numbers", "dates"):
        for x in rec[field]:
            yield field, x, False
        for x in rec.get("optional", {}).get(field, []):
            yield field, x, True
    for x in rec.get("norp", []):
        yield "norp", x, False


def render(root: Path, rec: dict) -> str:
    """The text with every label inline: [span|LABEL] ^source^ <<number|value unit>> {{date|iso}};
    '?' marks an optional label."""
    t = text_of(root, rec["dataset"], rec["id"])["text"]
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for field, x, opt in _all_labels(rec):
        q = "?" if opt else ""
        if field in ("entities", "norp"):
            o, c = "[", f"|{x.get('label', 'NORP')}{q}]"
        elif field == "attributions":
            o, c = "^", f"^{'' if x['role'] == 'speaker' else x['role']}({x['cue']}){q}"
        elif field == "numbers":
            o, c = "<<", f"|{x['value']} {x['unit'] or '-'}{' ' + x['mod'] if x.get('mod') else ''}{q}>>"
        else:
            o, c = "{{", f"|{x['iso']} {x['precision']}{' rel' if x['relative'] else ''}{q}}}}}"
        opens.setdefault(x["start"], []).append(o)
        closes.setdefault(x["end"], []).insert(0, c)
    hi = rec.get("scope_end", len(t))
    out = []
    for i, ch in enumerate(t[:hi] + "\0"):
        out.extend(closes.get(i, []))
        if i == hi:
            break
        out.extend(opens.get(i, []))
        out.append(ch)
    if hi < len(t):
        out.append(f"\n  ... [unlabelled beyond scope end {hi} of {len(t)}]")
    return "".join(out)


def verify(root: Path, path: Path) -> list[str]:
    problems = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        rec = json.loads(line)
        text = text_of(root, rec["dataset"], rec["id"])["text"]
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != rec["text_sha1"] or len(text) != rec["chars"]:
            problems.append(f"{path.name}:{n} {rec['dataset']}:{rec['id']}: text does not rebuild (sha1 differs)")
            continue
        if not eligible(rec["dataset"], rec["id"]):
            problems.append(f"{rec['dataset']}:{rec['id']}: not in the held-out pool")
        hi = rec.get("scope_end", len(text))
        for field, x, _ in _all_labels(rec):
            if text[x["start"]:x["end"]] != x["text"]:
                problems.append(f"{rec['id']} {field} {x}: text[start:end] = {text[x['start']:x['end']]!r}")
            if not (0 <= x["start"] < x["end"] <= hi):
                problems.append(f"{rec['id']} {field} {x}: outside the labelled scope")
            if x["text"] != x["text"].strip():
                problems.append(f"{rec['id']} {field} {x}: span has outer whitespace")
    return problems


_SWEEP = re.compile(
    r"\b[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*"  # capitalised words (runs of them)
    r"|\d[\d.,:/]*"  # digits
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
    r"thousand|million|billion|dozens?|half|third|quarter|once|twice|double|triple)\b"  # number words
    r"|\b(?:today|tonight|yesterday|tomorrow|morning|night|week|month|year|decade|century|season|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|spring|summer|autumn|winter|ago|earlier|later|last|next)\b"  # date words
    r"|\b(?:said|says|say|told|tells|added|according|announced|reported|wrote|stated|claimed|warned|believes|"
    r"insisted|confirmed|denied|argued|revealed|statement)\b"  # speech cues
    r"|[一二三四五六七八九十百千万亿两]+|[年月日周]|今[天日年]|昨[天日]|明[天日年]|去年|上周|[称说：]|表示|指出|透露|宣布|据")


def sweep(root: Path, rec: dict) -> list[str]:
    """A reading aid for the second pass: the capitalised words, digits, number words, date words and
    speech cues of an item that no label (required, optional or NORP) covers.  A plain regular
    expression: it decides nothing, the annotator reads each hit in its sentence."""
    t = text_of(root, rec["dataset"], rec["id"])["text"]
    hi = rec.get("scope_end", len(t))
    covered = [(x["start"], x["end"]) for _, x, _ in _all_labels(rec)]
    out = []
    for m in _SWEEP.finditer(t, 0, hi):
        if any(s < m.end() and m.start() < e for s, e in covered):
            continue
        a, b = max(0, m.start() - 30), min(len(t), m.end() + 30)
        out.append(f"{m.group()!r:28} ...{t[a:b]}...".replace("\n", " "))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cmd", choices=["draw", "show", "compile", "render", "verify", "sweep"])
    ap.add_argument("keys", nargs="*")
    ap.add_argument("--data", default="../shared", help="the shared folder (holds eval/)")
    a = ap.parse_args(argv)
    root = Path(a.data)
    if a.cmd == "draw":
        for d in draw(root, load_skips()):
            print(d["key"], d["stratum"] or "", sep="\t")
        return 0
    if a.cmd == "show":
        for k in a.keys:
            ds, _, it = k.partition(":")
            t = text_of(root, ds, it)
            hi = scope_end(t["text"])
            print(f"== {k}  ({t['label']}, published {t['published']}, {len(t['text'])} chars, scope end {hi})")
            if t.get("title"):
                print(f"[feed title, not part of the text: {t['title']}]")
            print(t["text"][:hi])
            if hi < len(t["text"]):
                print(f"  ... [{len(t['text']) - hi} more chars, not labelled]")
            print()
        return 0
    if a.cmd == "verify":
        problems = verify(root, OUT_FILE)
        for p in problems:
            print(p)
        print(f"{len(problems)} problems")
        return 1 if problems else 0
    blocks = all_blocks()
    order = [d["key"] for d in draw(root, load_skips())]
    stray = sorted(set(blocks) - set(order))
    if stray:
        print(f"Error: labelled items not in the draw: {stray}", file=sys.stderr)
        return 1
    keys = a.keys or [k for k in order if k in blocks]
    recs = [compile_item(root, k, blocks[k][1], blocks[k][0]) for k in keys]
    if a.cmd == "sweep":
        for r in recs:
            print(f"== {r['dataset']}:{r['id']}")
            for line in sweep(root, r):
                print("  " + line)
        return 0
    if a.cmd == "render":
        for r in recs:
            print(f"== {r['dataset']}:{r['id']}  ({r['stratum']}, published {r['published']})")
            print(render(root, r))
            print()
        return 0
    OUT_FILE.parent.mkdir(parents=True, exist_ok=True)
    with OUT_FILE.open("w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(recs)} items written to {OUT_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
