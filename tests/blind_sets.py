"""What the tests of the blind extraction sets (heldout2-heldout5) check alike: their rows, every
label with its field, labels that re-read in the reference text, and the (dataset, id) keys that
the project's other gold files name."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from sinodesk.eval.extract import GOLD_DIR
from sinodesk.eval.public_items import load_item

GOLD_ROOT = GOLD_DIR.parent
FIELDS = ("entities", "attributions", "numbers", "dates")


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def labels(row: dict):
    """(field, label) for every label of an item: required, optional and the nationality words."""
    for field in FIELDS:
        for x in row[field]:
            yield field, x
        for x in row.get("optional", {}).get(field, []):
            yield field, x
    for x in row.get("norp", []):
        yield "norp", x


def reread_problems(items: list[dict], shared: Path, *, outer_space: bool = False) -> list[str]:
    """Each problem found re-reading the items against ``load_item``: a changed reference text, a
    different ``published``, a label whose offsets do not give its text (or fall outside the item's
    labelled scope), and with ``outer_space`` a label with spaces around it."""
    problems = []
    for r in items:
        item = load_item(r["dataset"], r["id"], shared)
        text = item.text
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != r["text_sha1"] or len(text) != r["chars"]:
            problems.append(f"{r['dataset']}:{r['id']}: reference text changed")
            continue
        if r["published"] != item.date:
            problems.append(f"{r['dataset']}:{r['id']}: published {r['published']} != {item.date}")
        hi = r.get("scope_end", len(text))
        for field, x in labels(r):
            if text[x["start"]:x["end"]] != x["text"] or not 0 <= x["start"] < x["end"] <= hi:
                problems.append(f"{r['dataset']}:{r['id']} {field} {x['text']!r} at {x['start']}")
            if outer_space and x["text"] != x["text"].strip():
                problems.append(f"{r['dataset']}:{r['id']} {field} {x['text']!r}: outer whitespace")
    return problems


def key(dataset: str, item) -> tuple[str, str]:
    return {"ag_news": "agnews"}.get(dataset, dataset), str(item)


def other_gold_keys(own: str, skip_lists: tuple[Path, ...] = ()) -> set[tuple[str, str]]:
    """Every (dataset, id) a gold file outside the set ``own`` names (extract, incidents, topics),
    plus the items listed in ``skip_lists`` (``dataset:id`` first on each line)."""
    files = [p for p in (GOLD_ROOT / "extract").glob("*/*.jsonl") if p.parent.name != own]
    files += [*(GOLD_ROOT / "incidents").glob("*.jsonl"), *(GOLD_ROOT / "topics").glob("*.jsonl")]
    assert any(p.parent.name == "heldout" for p in files) and any(p.parent.name == "incidents" for p in files)
    keys = set()
    for p in files:
        for line in p.read_text(encoding="utf-8").splitlines():
            d = json.loads(line) if line.strip() else {}
            if d.get("dataset") and d.get("id") is not None:
                keys.add(key(d["dataset"], d["id"]))
    for skips in skip_lists:
        for line in skips.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                keys.add(tuple(line.split("\t")[0].split(":", 1)))
    return keys


def draw_tool():
    """``tools/heldout2_gold.py`` (which draws, compiles and checks every blind set) loaded as a module,
    for a module-scoped fixture: ``yield from draw_tool()``."""
    pytest.importorskip("feedparser")
    tools = Path(__file__).resolve().parents[1] / "tools"
    sys.path.insert(0, str(tools))
    spec = importlib.util.spec_from_file_location("heldout2_gold", tools / "heldout2_gold.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # the tool's dataclass looks its module up there
    try:
        spec.loader.exec_module(mod)
        yield mod
    finally:
        sys.modules.pop(spec.name, None)
        sys.path.remove(str(tools))


def skipped_keys(name: str) -> set[str]:
    """The "<dataset>:<id>" keys a blind set's annotator skipped (``tools/<name>/skips.tsv``)."""
    path = Path(__file__).resolve().parents[1] / "tools" / name / "skips.tsv"
    return {line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}


def compiled_draw(tool, name: str, shared: Path) -> tuple[list[str], list[dict]]:
    """(the keys of the set's seeded draw, what the compiler makes of its typed labels in that order),
    and checks the typed labels cover the draw exactly."""
    hg = tool.hg
    hg.ANN_DIR = Path(__file__).resolve().parents[1] / "tools" / name
    order = [d["key"] for d in tool.draw(tool.BLIND_SETS[name], shared, hg.load_skips())]
    blocks = hg.all_blocks()
    assert set(order) == set(blocks)
    return order, [hg.compile_item(shared, k, blocks[k][1], blocks[k][0]) for k in order]
