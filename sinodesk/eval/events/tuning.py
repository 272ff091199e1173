"""Grid search of event options on training splits only, through ingest (``--tune``).

'ecbplus': topics 1-35 in file order and one shuffled order; 'uci': the first 45% of the stream;
'gvc': the validation split.  Test data is never touched.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ...errors import BadInput
from ...stages.cluster import EventOptions
from .metrics import bcubed
from .run import link
from .sets import EvalItem, arrange, load_ecbplus, load_gvc, load_uci

TUNE_TARGETS = ("ecbplus", "uci", "gvc")


def training_runs(root, target: str) -> list[list[EvalItem]]:
    """The training streams of ``target``, each one fresh archive."""
    if target == "ecbplus":
        train = [d for d in load_ecbplus(root) if d.train]
        return [arrange(train, "file"), arrange(train, "shuffle-1")]
    if target == "uci":
        return [[d for d in load_uci(root) if d.train]]
    if target == "gvc":
        return [[d for d in load_gvc(root) if d.train]]
    raise BadInput(f"eval events --tune: cannot tune on {target!r} (tune on {', '.join(TUNE_TARGETS)} training data)")


def training_f1(runs: Sequence[Sequence[EvalItem]], opts: EventOptions) -> float:
    """Mean B-cubed F1 over the training runs, each through ingest into a fresh archive."""
    return float(np.mean([bcubed(link(items, opts).labels(), [d.gold for d in items])[2] for items in runs]))


def tune(root, base: EventOptions, grid: dict[str, Sequence], *, target: str) -> list[tuple[float, dict]]:
    """(training B-cubed F1, settings) for every combination in ``grid``, best first."""
    for key in grid:
        if key not in EventOptions.__dataclass_fields__:
            raise BadInput(f"eval events --tune: {key!r} is not an event option "
                           f"(known: {', '.join(sorted(EventOptions.__dataclass_fields__))})")
    runs = training_runs(root, target)
    keys = list(grid)
    results = []
    for values in itertools.product(*(grid[k] for k in keys)):
        setting = dict(zip(keys, values))
        results.append((training_f1(runs, replace(base, **setting)), setting))
    results.sort(key=lambda x: x[0], reverse=True)
    return results


def robust_ranking(results: Sequence[tuple[float, dict]], over: str) -> list[tuple[float, dict]]:
    """Mean training F1 of each setting of the other keys across every value of ``over``: a setting
    that only wins at one threshold is a lucky draw, one that wins across the band is not."""
    groups: dict[tuple, list[float]] = defaultdict(list)
    for f, setting in results:
        groups[tuple(sorted((k, v) for k, v in setting.items() if k != over))].append(f)
    ranked = [(float(np.mean(fs)), dict(key)) for key, fs in groups.items()]
    ranked.sort(key=lambda x: x[0], reverse=True)
    return ranked
