"""Build the event linker's background term statistics from wordfreq (run once, offline).

The result, ``sinodesk/data/background/terms.tsv.gz``, gives each linking term of common English
and Chinese (a Snowball stem, or a CJK character bigram, as ``sinodesk.stages.cluster.features.tokens``
makes them) the share of news stories expected to contain it.  A fresh archive's own document
frequencies say that every word is rare; the linker blends these in while the archive is young
(``EventOptions.background_docs``), so "China" or "police" look common from the first story.

Source: wordfreq 3.1.1 word frequencies (code Apache-2.0; data CC BY-SA 4.0, compiled by Robyn Speer
from Wikipedia, subtitles, news, books, web text and more).  The derived file is therefore shared
under CC BY-SA 4.0 (see ``sinodesk/data/background/README.md``).  Only frequencies are used, no text.

How: the top ``--english`` English words and ``--chinese`` Chinese words are tokenised as the linker
tokenises; a term's relative frequency p is the sum over the words that give it (Chinese: each word's
character bigrams, Simplified and, through OpenCC, Traditional), and the share of stories of
``--length`` words that contain it is 1 - exp(-p * length) (a Poisson draw).  Shares below
``--floor`` are left out (they would count as unseen anyway).

Reproduce (wordfreq is build-time only, not a runtime dependency)::

    pip install wordfreq==3.1.1 && python tools/build_background.py
"""

from __future__ import annotations

import argparse
import gzip
import math
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "sinodesk" / "data" / "background" / "terms.tsv.gz"


def shares(english: int, chinese: int, length: float) -> dict[str, float]:
    import opencc
    import wordfreq

    from sinodesk.stages.cluster.features import tokens

    p: dict[str, float] = defaultdict(float)
    for w in wordfreq.top_n_list("en", english):
        toks = tokens(w)
        if len(toks) == 1:  # stop words and multi-token entries give nothing
            p[toks[0]] += wordfreq.word_frequency(w, "en")
    s2t = opencc.OpenCC("s2t")
    for w in wordfreq.top_n_list("zh", chinese):
        f = wordfreq.word_frequency(w, "zh")
        for t in set(tokens(w)) | set(tokens(s2t.convert(w))):  # a Traditional story has the word as often
            p[t] += f
    return {t: 1.0 - math.exp(-v * length) for t, v in p.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--english", type=int, default=100_000, help="most frequent English words read")
    ap.add_argument("--chinese", type=int, default=60_000, help="most frequent Chinese words read")
    ap.add_argument("--length", type=float, default=400.0, help="words in a typical story")
    ap.add_argument("--floor", type=float, default=1e-5, help="smallest share kept")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    import wordfreq

    got = shares(args.english, args.chinese, args.length)
    rows = sorted(((t, round(v * 1e6)) for t, v in got.items() if v >= args.floor), key=lambda r: (-r[1], r[0]))
    header = (f"# sinodesk background term statistics: term<TAB>stories per million containing it (a {args.length:.0f}-word "
              f"story)\n# derived from wordfreq {getattr(wordfreq, '__version__', '3.1.1')} frequencies (data CC BY-SA 4.0); "
              f"built by tools/build_background.py --english {args.english} --chinese {args.chinese} --length "
              f"{args.length:.0f} --floor {args.floor:g}\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(header)
        fh.writelines(f"{t}\t{v}\n" for t, v in rows)
    print(f"wrote {args.out}: {len(rows)} terms, {args.out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
