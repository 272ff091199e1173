"""The linker state as bytes for the archive, and back (numpy .npz of zlib'd orjson, no pickle).

Story features kept for re-clustering are written compactly (:func:`record_json`); MinHash
signatures go in their own 32-bit array.  orjson + zlib level 1 is about 5x faster than json and the
zip's level-6 deflate and 12% larger (30k-story stream: about 1 s to write; bench/bench_events.py).
"""

from __future__ import annotations

import io
import json
import zlib
from sys import intern

import numpy as np
import orjson

from ...errors import ArchiveError
from .features import Features, Packed, saved_figures

STATE_VERSION = 1  # the whole state in one blob (EventLinker.to_bytes)
CORE_VERSION = 2  # the core of a linker kept row by row (EventLinker.save, see .store)


def record_json(f: Features) -> dict:
    return {"v": dict(f.vector.items()), "e": sorted(f.entities),
            "x": sorted(f.numbers), "m": sorted(f.names), "y": sorted(f.years), "d": f.day, "s": f.short,
            "w": f.n_words, "h": f.headline_only, "g": f.language, "t": list(f.head), "o": f.outlet,
            "l": list(f.leads), "r": sorted(f.rubric)}


def record_from_json(d: dict) -> Features:
    vector = Packed(dict(zip(map(intern, d["v"]), d["v"].values())))  # terms shared, as the linker makes them
    return Features(vector=vector, terms=frozenset(), entities=frozenset(d["e"]), numbers=frozenset(saved_figures(d["x"])),
                    day=d["d"], short=d["s"], names=frozenset(d["m"]), years=frozenset(d["y"]), n_words=d["w"],
                    headline_only=d["h"], language=d.get("g"), head=tuple(d.get("t", ())), outlet=d.get("o"),
                    leads=tuple(d.get("l", ())), rubric=frozenset(d.get("r", ())))


def pack(state: dict, sigs: np.ndarray, version: int = STATE_VERSION) -> bytes:
    raw = np.frombuffer(zlib.compress(orjson.dumps({"version": version, **state}), 1), dtype=np.uint8)
    buf = io.BytesIO()
    if not sigs.size or int(sigs.max()) <= 0xFFFFFFFF:  # MinHash values are 32-bit: half the bytes
        sigs = sigs.astype(np.uint32)
    np.savez(buf, state_z=raw, sigs=sigs)
    return buf.getvalue()


def unpack(b: bytes) -> tuple[dict, np.ndarray]:
    """(state dict, MinHash signatures) from :func:`pack`'s bytes, or an ArchiveError naming the fix."""
    try:
        with np.load(io.BytesIO(b), allow_pickle=False) as z:
            if "state_z" in z.files:
                state = orjson.loads(zlib.decompress(z["state_z"].tobytes()))
            else:  # saved before the state was written with orjson + zlib
                state = json.loads(z["state"].tobytes().decode("utf-8"))
            sigs = z["sigs"].astype(np.uint64)
    except (ValueError, TypeError, OSError, KeyError, UnicodeDecodeError, zlib.error) as exc:
        raise ArchiveError(
            f"event-linker state ({len(b)} bytes) cannot be read ({exc}): rebuild it with 'sinodesk reprocess'"
        ) from exc
    if state.get("version") not in (STATE_VERSION, CORE_VERSION):
        raise ArchiveError(
            f"event-linker state has version {state.get('version')}, expected {STATE_VERSION}: "
            "rebuild it with 'sinodesk reprocess'"
        )
    return state, sigs
