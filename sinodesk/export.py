"""Export stories in the contract formats: JSONL (every field), CSV and Parquet (flat fields)."""

from __future__ import annotations

import csv
import io
import json
import sys

from .archive import Archive
from .serialize import FLAT_FIELDS, story_to_dict


def _flat(d: dict) -> dict:
    out = {k: d[k] for k in FLAT_FIELDS}
    out["topics"] = ",".join(d["topics"])
    return out


def write_export(archive: Archive, fmt: str, output: str = "-") -> int:
    """Write every story to ``output`` ('-' = stdout); return how many."""
    dicts = (story_to_dict(s) for s in archive.iter_stories())
    n = 0
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [_flat(d) for d in dicts]
        n = len(rows)
        table = pa.Table.from_pylist(rows, schema=pa.schema([(k, pa.int64() if k in ("start", "end") else pa.string()) for k in FLAT_FIELDS]))
        if output == "-":
            buf = io.BytesIO()
            pq.write_table(table, buf)
            sys.stdout.buffer.write(buf.getvalue())
            sys.stdout.buffer.flush()
        else:
            pq.write_table(table, output)
        return n
    fh = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")
    try:
        if fmt == "jsonl":
            for d in dicts:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
                n += 1
        elif fmt == "csv":
            w = csv.DictWriter(fh, fieldnames=list(FLAT_FIELDS))
            w.writeheader()
            for d in dicts:
                w.writerow(_flat(d))
                n += 1
        else:
            from .errors import ConfigError

            raise ConfigError(f"--format {fmt!r}: stories export as jsonl, csv or parquet (stix is for --what incidents)")
    finally:
        if fh is not sys.stdout:
            fh.close()
    return n
