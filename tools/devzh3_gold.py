"""Compile tools/devzh3/labels.txt (typed labels, one THUCNews headline a line) into
sinodesk/eval/gold/extract/devzh3/devzh3.jsonl (format: sinodesk/eval/gold/extract/FORMAT.md);
``tools/devzh4_gold.py`` compiles devzh4 the same way.

Each label is placed at the first occurrence of its text in the headline (after the previous
label of the same text, when a text is labelled twice).  Run from the repository root:
``python3 tools/devzh3_gold.py [--data ../shared]``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sinodesk.eval.public_items import in_heldout_pool, load_item

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "sinodesk" / "eval" / "gold" / "extract"
FIELD = {"E": "entities", "N": "numbers", "D": "dates", "A": "attributions"}


def _value(v: str):
    return None if v == "null" else float(v) if "." in v else int(v)


def compile_labels(data: Path, name: str = "devzh3") -> list[dict]:
    rows = []
    for line in (HERE / name / "labels.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        item_id, _, spec = line.partition("\t")
        assert not in_heldout_pool("thucnews", item_id), item_id
        item = load_item("thucnews", item_id, data)
        text = item.text
        row = {"dataset": "thucnews", "id": item_id, "lang": "zh", "text_sha1": item.sha1, "chars": len(text),
               "published": None, "entities": [], "attributions": [], "numbers": [], "dates": []}
        opt: dict[str, list] = {}
        used: dict[tuple[str, str], int] = {}
        for lab in filter(None, (p.strip() for p in spec.split(" | "))):
            kind, body = lab.split(" ", 1)
            optional = kind.startswith("?")
            kind = kind.lstrip("?")
            parts = body.split("/")
            surface = parts[1] if kind == "A" else parts[0]
            key = (kind, surface)  # an attribution's name is also an entity: each field places its own
            start = text.index(surface, used.get(key, 0))
            used[key] = start + 1
            span = {"start": start, "end": start + len(surface)}
            if kind == "E":
                lab_d = {"text": surface, "label": parts[1], **span}
            elif kind == "N":
                lab_d = {"text": surface, "value": _value(parts[1]), "unit": None if parts[2] == "null" else parts[2], **span}
            elif kind == "D":
                lab_d = {"text": surface, "iso": None if parts[1] == "null" else parts[1], "precision": parts[2], **span}
                if lab_d["iso"] is None:
                    lab_d["relative"] = True
            else:
                lab_d = {"source": parts[0], "text": surface, "cue": parts[2], **span}
            assert text[lab_d["start"] : lab_d["end"]] == surface
            (opt.setdefault(FIELD[kind], []) if optional else row[FIELD[kind]]).append(lab_d)
        if opt:
            row["optional"] = opt
        rows.append(row)
    return rows


def main(name: str = "devzh3") -> None:
    ap = argparse.ArgumentParser(description=f"Compile tools/{name}/labels.txt into the {name} gold file.")
    ap.add_argument("--data", type=Path, default=Path("../shared"))
    args = ap.parse_args()
    rows = compile_labels(args.data, name)
    out = GOLD / name / f"{name}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} items -> {out}")


if __name__ == "__main__":
    main()
