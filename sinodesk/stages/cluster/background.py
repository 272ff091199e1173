"""Background term statistics shipped with the package: the linker's warm start.

A fresh archive's document frequencies say that every word is rare, so two unrelated stories that
share "China" or "police" look alike.  ``data/background/terms.tsv.gz`` holds, for about 146,000
linking terms of common English and Chinese (Snowball stems and CJK character bigrams, as
:func:`~sinodesk.stages.cluster.features.tokens` makes them), the share of news stories expected to
contain each.  It is derived once from wordfreq's word frequencies by ``tools/build_background.py``
(data CC BY-SA 4.0; see the folder's README).

:class:`~sinodesk.stages.cluster.features.DocFreq` blends it in as ``background_docs`` pseudo-stories:
the idf of a term is ``log((n + K + 2) / (df + K * share + 1)) + 1`` for an archive of ``n`` stories,
so the background decides while ``n`` is small against ``K`` and the archive's own counts take over
as it grows (at 10 x K stories the background moves an idf by a few percent at most).
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

PATH = ("data", "background", "terms.tsv.gz")


@cache
def load_background() -> Mapping[str, float]:
    """term -> share of stories containing it (read-only, loaded once)."""
    ref = resources.files("sinodesk").joinpath(*PATH)
    out: dict[str, float] = {}
    with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            term, _, ppm = line.rstrip("\n").partition("\t")
            out[term] = int(ppm) / 1e6
    return MappingProxyType(out)
