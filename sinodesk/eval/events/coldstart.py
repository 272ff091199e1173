"""The cold start, measured: B-cubed on the first N stories of a stream in a fresh archive, beside
the same N stories arriving in an archive that has already seen other news (warm).

Streams: ECB+'s odd-numbered topics in a seeded shuffle, warmed on the even-numbered topics (other
events, so a warm story can only be misled, not helped, by what it finds there); the UCI test part
in time order, warmed on the training part (earlier headlines, some of the same stories).  Each run
is one fresh archive through ingest; the warm-up lines come first in the same file.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from .metrics import ClusterScore, score
from .run import Config, link
from .sets import EvalItem, load_ecbplus, load_uci


@dataclass(frozen=True, slots=True)
class ColdRow:
    stream: str
    n: int
    fresh: ClusterScore
    warm: ClusterScore


def streams(root) -> list[tuple[str, list[EvalItem], list[EvalItem]]]:
    """(name, stream, warm-up) for each stream measured."""
    ecb = load_ecbplus(root)
    odd = [d for d in ecb if int(d.gold.split("_")[0]) % 2 == 1]
    even = [d for d in ecb if int(d.gold.split("_")[0]) % 2 == 0]
    random.Random(7).shuffle(odd)
    uci = load_uci(root)
    return [(f"ECB+ odd topics, shuffled ({len(odd)} stories; warm: the {len(even)} of the even topics)", odd, even),
            ("UCI test part, in time order (warm: the training part's 2,868 headlines)",
             [d for d in uci if not d.train], [d for d in uci if d.train])]


def first_n(stream: Sequence[EvalItem], warmup: Sequence[EvalItem], n: int,
            opts: Config = None) -> tuple[ClusterScore, ClusterScore]:
    part = list(stream[:n])
    gold = [d.gold for d in part]
    fresh = score(link(part, opts).labels(), gold)
    warm = score(link(list(warmup) + part, opts).labels()[len(warmup):], gold)
    return fresh, warm


def cold_start(root, opts: Config = None, ns: Sequence[int] = (100, 200, 500)) -> list[ColdRow]:
    rows = []
    for name, stream, warmup in streams(root):
        for n in sorted({min(n, len(stream)) for n in ns}):  # a shorter stream: all of it as the last row
            rows.append(ColdRow(name, n, *first_n(stream, warmup, n, opts)))
    return rows
