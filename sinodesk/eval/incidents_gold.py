"""The hand-labelled cyber-incident gold set (``sinodesk/eval/gold/incidents``): texts and checks.

The gold files hold ids, anchors and short labelled spans only -- never the research-only
texts.  This module rebuilds each item's text from the shared eval data (``--data DIR``,
default ``$SINODESK_SHARED`` or ``../shared``) exactly as the README describes, and checks
that every evidence span still reads ``text[start:end] == span["text"]``.

    python -m sinodesk.eval.incidents_gold check            # every span, enum and the split
    python -m sinodesk.eval.incidents_gold stats            # counts per dataset / language / field
    python -m sinodesk.eval.incidents_gold reanchor FILE    # fill/repair offsets from span texts
    python -m sinodesk.eval.incidents_gold split            # rewrite tune/test from the seed

This is labelling infrastructure, not an extractor: nothing here predicts a label.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..errors import BadInput

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "incidents"
SPLIT_SEED = 20250131
SPLITS = ("tune", "test")  # the seeded halves
HELDOUT = ("heldout2",)  # labelled later from items in neither half, kept out of the seeded split
EXTRA_TUNE = ("tune2", "tune3", "tune4", "tune5")  # more tune stories labelled later (public texts in no other file), kept out of the seeded split

DATASETS = ("seeds", "bbc", "ag_news", "ecbplus", "feeds", "thucnews", "uci", "trafilatura")
TYPES = {"ddos", "data_breach", "espionage", "ransomware", "disruption", "influence_operation", "vulnerability", "other"}
EUREPOC_TYPES = {"Data theft", "Data theft & Doxing", "Disruption", "Hijacking with Misuse", "Hijacking without Misuse", "Ransomware"}
SECTORS = {  # EuRepoC receiver_category
    "Critical infrastructure", "State institutions / political system", "Corporate Targets", "Social groups",
    "Media", "Education", "Science", "International / supranational organization", "End user(s) / specially protected groups",
    "Other", "Unknown",
}
ATTACKER_CATEGORIES = {"state", "state-affiliated", "non-state group", "individual", "unknown"}  # EuRepoC initiator_category, simplified
CLAIMANT_TYPES = {"government", "security_firm", "media", "company", "victim", "researcher", "expert", "attacker", "court", "other"}
STANCES = {"asserts", "hedges", "denies"}
DATE_KINDS = {"start", "end", "occurred", "disclosed", "reported"}
MALWARE_KINDS = {"botnet", "worm", "virus", "trojan", "backdoor", "ransomware", "spyware", "keylogger", "exploit", "tool", "other"}
TECHNIQUE_BASES = {"named", "described"}
ROLES = {"main", "background", "sidebar"}
TECH_ID = re.compile(r"^T\d{4}(\.\d{3})?$")
COUNTRY = re.compile(r"^[A-Z]{2}$")


# -- texts ----------------------------------------------------------------------------------

class Texts:
    """Rebuilds item texts from the shared folder (``shared/seeds`` and ``shared/eval``)."""

    def __init__(self, shared: str | Path):
        self.shared = Path(shared)
        self._cache: dict[str, object] = {}

    def _need(self, rel: str) -> Path:
        p = self.shared / rel
        if not p.exists():
            raise BadInput(f"{p} is missing: point --data (or $SINODESK_SHARED) at the shared folder holding seeds/ and eval/")
        return p

    def _load(self, name: str):
        if name in self._cache:
            return self._cache[name]
        ev = "eval/"
        if name == "bbc":
            val = {r["id"]: r for r in map(json.loads, self._need(ev + "bbc-news-topics/bbc_news.jsonl").open(encoding="utf-8"))}
        elif name == "ag_news":
            with self._need(ev + "ag-news-test/test.csv").open(encoding="utf-8", newline="") as fh:
                val = list(csv.DictReader(fh))
        elif name == "ecbplus":
            val = {r["doc_id"]: r for r in map(json.loads, self._need(ev + "ecbplus-event-clusters/ecbplus_docs.jsonl").open(encoding="utf-8"))}
        elif name == "uci":
            with self._need(ev + "uci-news-aggregator-sample/uci_news_aggregator_first6366.csv").open(encoding="utf-8", newline="") as fh:
                val = {r["ID"]: r for r in csv.DictReader(fh)}
        else:
            raise KeyError(name)
        self._cache[name] = val
        return val

    def text(self, item: dict) -> str:
        ds, key = item["dataset"], item["id"]
        try:
            return self._text(ds, key, item)
        except (KeyError, IndexError, ValueError) as exc:
            raise BadInput(f"gold item {ds}:{key}: not found in the shared data ({exc!r}); check the id") from None

    def _text(self, ds: str, key: str, item: dict) -> str:
        if ds == "seeds":
            fname, _, start = key.partition("#")
            whole = self._need("seeds/" + fname).read_text(encoding="utf-8")
            s = whole.index(start)
            e = whole.index(item["anchor_end"], s) + len(item["anchor_end"])
            return whole[s:e]
        if ds == "bbc":
            r = self._load("bbc")[key]
            return r["title"] + "\n\n" + r["text"]
        if ds == "ag_news":
            r = self._load("ag_news")[int(key)]
            return r["title"] + "\n\n" + r["description"]
        if ds == "ecbplus":
            return self._load("ecbplus")[key]["text"]
        if ds == "uci":
            return self._load("uci")[key]["TITLE"]
        if ds == "thucnews":
            split, _, line = key.partition(":")
            lines = self._need(f"eval/thucnews-headlines-zh/{split}.txt").read_text(encoding="utf-8").splitlines()
            return lines[int(line) - 1].split("\t")[0]
        if ds == "feeds":
            return _feed_text(self._need("eval/news-feeds/feeds/" + key.partition("#")[0]), int(key.partition("#")[2]))
        if ds == "trafilatura":
            return _html_text(self._need(f"eval/trafilatura-eval/html/{key}.gz"), key)
        raise KeyError(f"unknown dataset {ds!r}")


def _feed_text(path: Path, index: int) -> str:
    """Title + blank line + body of feed entry ``index`` (0-based), as sinodesk's feed reader stores them."""
    from ..ingest.readers import read_feed
    from ..records import RawItem

    docs = {d.item_key: d for d in read_feed(RawItem(source=path.name, data=path.read_bytes(), kind="feed")).documents}
    d = docs[f"entry {index + 1}"]
    return (d.title or "") + "\n\n" + d.text


def _html_text(path: Path, name: str) -> str:
    """The document text sinodesk's HTML reader makes of the page (what ``ingest page.html`` stores)."""
    from ..ingest.readers import read_html
    from ..records import RawItem

    res = read_html(RawItem(source=name, data=gzip.open(path).read(), kind="html"))
    if not res.documents:
        raise ValueError(f"{name}: the HTML reader produced no document")
    return res.documents[0].text


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# -- files ----------------------------------------------------------------------------------

def read_items(path: Path) -> list[dict]:
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise BadInput(f"{Path(path).name} line {n}: not JSON ({exc.msg}); fix the line") from None
    return out


def write_items(path: Path, items: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")


def load(split: str | None = None, gold_dir: Path = GOLD_DIR) -> list[dict]:
    """Items of one split (``tune`` or ``test``) or of both, in file order."""
    names = SPLITS if split is None else (split,)
    if split is not None and split not in SPLITS + EXTRA_TUNE + HELDOUT:
        raise BadInput(f"no incident gold set {split!r}: use one of {', '.join(SPLITS + EXTRA_TUNE + HELDOUT)}")
    return [it for s in names for it in read_items(Path(gold_dir) / f"{s}.jsonl")]


def spans(item: dict) -> Iterator[tuple[str, dict]]:
    """(path, span) for every evidence span of an item; a span is ``{"text", "start", "end"}``."""
    for i, inc in enumerate(item.get("incidents", [])):
        for key, val in inc.items():
            yield from _walk(f"incidents[{i}].{key}", val)


_SPAN_KEYS = {"text", "start", "end", "occ"}


def _walk(path: str, val) -> Iterator[tuple[str, dict]]:
    if isinstance(val, dict):
        if "text" in val and set(val) <= _SPAN_KEYS:
            yield path, val
            return
        for k, v in val.items():
            yield from _walk(f"{path}.{k}", v)
    elif isinstance(val, list):
        for j, v in enumerate(val):
            yield from _walk(f"{path}[{j}]", v)


def reanchor(item: dict, text: str) -> list[str]:
    """Set ``start``/``end`` of each span from its text: keep offsets that still match, else take
    occurrence ``occ`` (1-based, default 1) or, for a moved span, the occurrence nearest the old start."""
    problems = []
    for path, sp in spans(item):
        st = sp.get("start")
        if isinstance(st, int) and text[st:st + len(sp["text"])] == sp["text"] and "occ" not in sp:
            sp["end"] = st + len(sp["text"])
            continue
        found = [m.start() for m in re.finditer(re.escape(sp["text"]), text)]
        if not found:
            problems.append(f"{item['dataset']}:{item['id']} {path}: {sp['text']!r} is not in the text")
            continue
        if "occ" in sp:
            k = sp.pop("occ")
            if k > len(found):
                problems.append(f"{item['dataset']}:{item['id']} {path}: {sp['text']!r} occurs {len(found)} times, not {k}")
                continue
            pos = found[k - 1]
        elif isinstance(st, int):
            pos = min(found, key=lambda p: abs(p - st))
        else:
            pos = found[0]
        sp["start"], sp["end"] = pos, pos + len(sp["text"])
    item["text_len"], item["text_sha1"] = len(text), sha1(text)
    return problems


# -- checks ---------------------------------------------------------------------------------

def _enum(problems: list, where: str, value, allowed, *, null_ok: bool = False) -> None:
    if value is None and null_ok:
        return
    if value not in allowed:
        problems.append(f"{where}: {value!r} is not one of {sorted(allowed)}")


def _span_or_null(problems: list, where: str, value) -> None:
    if value is not None and not (isinstance(value, dict) and "text" in value):
        problems.append(f"{where}: expected a span {{text, start, end}} or null, got {value!r}")


def check_item(item: dict, text: str) -> list[str]:
    """Everything wrong with one item (empty list = fine)."""
    where = f"{item.get('dataset')}:{item.get('id')}"
    p: list[str] = []
    _enum(p, where + " dataset", item.get("dataset"), set(DATASETS))
    _enum(p, where + " language", item.get("language"), {"en", "zh"})
    if item.get("text_len") != len(text) or item.get("text_sha1") != sha1(text):
        p.append(f"{where}: the rebuilt text differs from the labelled one (length {len(text)} vs {item.get('text_len')}); "
                 "the source data or the text recipe changed -- relabel or run reanchor")
    if not isinstance(item.get("group"), str) or not item["group"]:
        p.append(f"{where}: missing 'group' (the split unit)")
    for path, sp in spans(item):
        s, e = sp.get("start"), sp.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and text[s:e] == sp["text"] and sp["text"]):
            p.append(f"{where} {path}: text[{s}:{e}] = {text[s:e] if isinstance(s, int) and isinstance(e, int) else None!r}, "
                     f"label says {sp.get('text')!r} (run reanchor)")
    for i, inc in enumerate(item.get("incidents", [])):
        w = f"{where} incidents[{i}]"
        if not inc.get("title"):
            p.append(f"{w}: missing title")
        _enum(p, w + " role", inc.get("role"), ROLES)
        if not inc.get("types"):
            p.append(f"{w}: at least one type is needed")
        for t in inc.get("types", []):
            _enum(p, w + " type", t, TYPES)
        for t in inc.get("eurepoc_incident_type", []):
            _enum(p, w + " eurepoc_incident_type", t, EUREPOC_TYPES)
        _span_or_null(p, w + " evidence", inc.get("evidence"))
        for d in inc.get("dates", []):
            _enum(p, w + " date kind", d.get("kind"), DATE_KINDS)
            if d.get("value") is not None and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", d["value"]):
                p.append(f"{w}: date value {d['value']!r} is not ISO (YYYY, YYYY-MM or YYYY-MM-DD)")
        for role in ("victims", "attackers"):
            for j, v in enumerate(inc.get(role, [])):
                ww = f"{w} {role}[{j}]"
                _span_or_null(p, ww + " name", v.get("name"))
                if v.get("country") is not None and not COUNTRY.match(v["country"]):
                    p.append(f"{ww}: country {v['country']!r} is not an ISO 3166 alpha-2 code")
                if v.get("country") is None and v.get("country_span") is not None:
                    p.append(f"{ww}: a country span without a country code")
                if role == "victims":
                    _enum(p, ww + " sector", v.get("sector"), SECTORS, null_ok=True)
                else:
                    _enum(p, ww + " category", v.get("category"), ATTACKER_CATEGORIES)
        for j, a in enumerate(inc.get("attributions", [])):
            ww = f"{w} attributions[{j}]"
            _enum(p, ww + " claimant_type", a.get("claimant_type"), CLAIMANT_TYPES)
            _enum(p, ww + " stance", a.get("stance"), STANCES)
            if not isinstance(a.get("own_voice"), bool):
                p.append(f"{ww}: own_voice must be true or false")
            if a.get("own_voice") and a.get("claimant") is not None:
                p.append(f"{ww}: an attribution in the story's own voice has no claimant span")
            if a.get("actor") is None and a.get("actor_country") is None:
                p.append(f"{ww}: an attribution names an actor or at least a country")
        for j, t in enumerate(inc.get("techniques", [])):
            ww = f"{w} techniques[{j}]"
            if not TECH_ID.match(t.get("id", "")):
                p.append(f"{ww}: {t.get('id')!r} is not an ATT&CK technique id (T1234 or T1234.001)")
            elif t["id"] not in ATTACK_NAMES:
                p.append(f"{ww}: {t['id']} is not in ATTACK_NAMES (add it with its ATT&CK name after checking)")
            elif t.get("name") != ATTACK_NAMES[t["id"]]:
                p.append(f"{ww}: name {t.get('name')!r} should be {ATTACK_NAMES[t['id']]!r}")
            _enum(p, ww + " basis", t.get("basis"), TECHNIQUE_BASES)
            if not isinstance(t.get("span"), dict):
                p.append(f"{ww}: a technique needs its evidence span")
        for j, m in enumerate(inc.get("malware", [])):
            _enum(p, f"{w} malware[{j}] kind", m.get("kind"), MALWARE_KINDS)
    return p


def check(items_by_split: dict[str, list[dict]], texts: Texts) -> list[str]:
    """Problems across the whole set: each item, unique keys, seeds only in tune, groups not split."""
    problems: list[str] = []
    seen: dict[tuple, str] = {}
    group_split: dict[tuple, str] = {}
    for split, items in items_by_split.items():
        for it in items:
            key = (it.get("dataset"), it.get("id"))
            if key in seen:
                problems.append(f"{key[0]}:{key[1]} appears twice ({seen[key]} and {split})")
            seen[key] = split
            if it.get("dataset") == "seeds" and split != "tune":
                problems.append(f"seeds:{it['id']} is in {split}; seed stories belong to tune")
            g = (it.get("dataset"), it.get("group"))
            side = "tune" if split in EXTRA_TUNE else split  # more tune stories may join a tune group, never a held-out one
            if group_split.setdefault(g, side) != side:
                problems.append(f"group {g[1]!r} of {g[0]} is split across {group_split[g]} and {side}")
            try:
                problems += check_item(it, texts.text(it))
            except BadInput as exc:
                problems.append(str(exc))
    return problems


# -- split ----------------------------------------------------------------------------------

def assign_split(items: list[dict], seed: int = SPLIT_SEED) -> dict[tuple, str]:
    """Seeded half split, stratified by dataset, whole groups at a time; seed stories -> tune.

    Per dataset: groups are sorted by name, shuffled with ``random.Random(f"{seed}:{dataset}")``
    and each goes to the half that has fewer items so far (ties to whichever the coin picks)."""
    out: dict[tuple, str] = {}
    by_ds: dict[str, dict[str, list[dict]]] = {}
    for it in items:
        by_ds.setdefault(it["dataset"], {}).setdefault(it["group"], []).append(it)
    for ds in sorted(by_ds):
        groups = by_ds[ds]
        if ds == "seeds":
            for members in groups.values():
                for it in members:
                    out[(ds, it["id"])] = "tune"
            continue
        rng = random.Random(f"{seed}:{ds}")
        names = sorted(groups)
        rng.shuffle(names)
        size = {"tune": 0, "test": 0}
        for g in names:
            if size["tune"] == size["test"]:
                half = rng.choice(SPLITS)
            else:
                half = min(SPLITS, key=lambda s: size[s])
            size[half] += len(groups[g])
            for it in groups[g]:
                out[(ds, it["id"])] = half
    return out


# -- stats ----------------------------------------------------------------------------------

FIELDS = ("victims", "attackers", "attributions", "techniques", "malware", "vulnerabilities", "numbers", "dates")


def stats(items_by_split: dict[str, list[dict]]) -> dict:
    out: dict = {}
    for split, items in items_by_split.items():
        c = Counter()
        for it in items:
            c["items"] += 1
            c[f"dataset:{it['dataset']}"] += 1
            c[f"language:{it['language']}"] += 1
            c["with_incidents" if it["incidents"] else "without_incidents"] += 1
            for inc in it["incidents"]:
                c["incidents"] += 1
                c[f"role:{inc['role']}"] += 1
                for t in inc["types"]:
                    c[f"type:{t}"] += 1
                for f in FIELDS:
                    c[f"field:{f}"] += len(inc.get(f, []))
                c["field:victim_names"] += sum(1 for v in inc.get("victims", []) if v.get("name"))
                c["field:attacker_names"] += sum(1 for v in inc.get("attackers", []) if v.get("name"))
                c["field:claimants"] += sum(1 for a in inc.get("attributions", []) if a.get("claimant"))
                c["field:technique_ids_distinct"] += len({t["id"] for t in inc.get("techniques", [])})
        out[split] = dict(sorted(c.items()))
    return out


# -- the ATT&CK Enterprise ids the labels use, with their names (from memory of ATT&CK v15;
#    review against attack.mitre.org before relying on a name) ---------------------------------

ATTACK_NAMES = {
    "T1005": "Data from Local System",
    "T1027": "Obfuscated Files or Information",
    "T1036": "Masquerading",
    "T1046": "Network Service Discovery",
    "T1056.001": "Keylogging",
    "T1078": "Valid Accounts",
    "T1078.001": "Default Accounts",
    "T1105": "Ingress Tool Transfer",
    "T1114": "Email Collection",
    "T1189": "Drive-by Compromise",
    "T1190": "Exploit Public-Facing Application",
    "T1195.002": "Compromise Software Supply Chain",
    "T1203": "Exploitation for Client Execution",
    "T1204.001": "Malicious Link",
    "T1204.002": "Malicious File",
    "T1210": "Exploitation of Remote Services",
    "T1486": "Data Encrypted for Impact",
    "T1491.002": "External Defacement",
    "T1498": "Network Denial of Service",
    "T1498.002": "Reflection Amplification",
    "T1499.002": "Service Exhaustion Flood",
    "T1499.004": "Application or System Exploitation",
    "T1562.001": "Disable or Modify Tools",
    "T1562.004": "Disable or Modify System Firewall",
    "T1565.001": "Stored Data Manipulation",
    "T1566": "Phishing",
    "T1566.001": "Spearphishing Attachment",
    "T1566.002": "Spearphishing Link",
    "T1566.003": "Spearphishing via Service",
    "T1570": "Lateral Tool Transfer",
    "T1583.001": "Domains",
    "T1583.005": "Botnet",
    "T1584.005": "Botnet",
    "T1585.001": "Social Media Accounts",
    "T1586": "Compromise Accounts",
    "T1588.002": "Tool",
    "T1593.002": "Search Engines",
    "T1595": "Active Scanning",
    "T1656": "Impersonation",
    "T1657": "Financial Theft",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m sinodesk.eval.incidents_gold", description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["check", "stats", "reanchor", "split"])
    ap.add_argument("files", nargs="*", help="reanchor: JSONL files to rewrite in place (default: tune and test)")
    ap.add_argument("--data", help="the shared folder (seeds/ and eval/); default $SINODESK_SHARED or ../shared")
    ap.add_argument("--gold", default=str(GOLD_DIR), help="folder holding tune.jsonl and test.jsonl")
    args = ap.parse_args(argv)
    from ..cli.common import default_shared

    gold = Path(args.gold)
    texts = Texts(args.data or default_shared())
    try:
        if args.command == "reanchor":
            problems = []
            for f in [Path(f) for f in args.files] or [gold / f"{s}.jsonl" for s in SPLITS]:
                items = read_items(f)
                for it in items:
                    problems += reanchor(it, texts.text(it))
                write_items(f, items)
            print("\n".join(problems) or "all spans anchored", file=sys.stderr if problems else sys.stdout)
            return 1 if problems else 0
        by_split = {s: read_items(gold / f"{s}.jsonl") for s in SPLITS}
        later = {s: read_items(gold / f"{s}.jsonl") for s in EXTRA_TUNE + HELDOUT if (gold / f"{s}.jsonl").exists()}
        if args.command == "split":
            allitems = [it for s in SPLITS for it in by_split[s]]
            where = assign_split(allitems)
            new = {s: [it for it in allitems if where[(it["dataset"], it["id"])] == s] for s in SPLITS}
            for s in SPLITS:
                write_items(gold / f"{s}.jsonl", new[s])
            print({s: len(v) for s, v in new.items()})
            return 0
        if args.command == "stats":
            print(json.dumps(stats(by_split), indent=1, ensure_ascii=False))
            return 0
        problems = check({**by_split, **later}, texts)
        allitems = [it for s in SPLITS for it in by_split[s]]
        where = assign_split(allitems)
        problems += [f"{it['dataset']}:{it['id']} is in {s} but the seeded split puts it in {where[(it['dataset'], it['id'])]} (run split)"
                     for s in SPLITS for it in by_split[s] if where[(it["dataset"], it["id"])] != s]
        if problems:
            print("\n".join(problems), file=sys.stderr)
            print(f"Error: {len(problems)} problem(s) in the incident gold; fix the labels or run reanchor", file=sys.stderr)
            return 1
        every = {**by_split, **later}
        print(f"ok: {sum(len(v) for v in every.values())} items, {sum(1 for _ in (sp for v in every.values() for it in v for sp in spans(it)))} spans")
        return 0
    except BadInput as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
