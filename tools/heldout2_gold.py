"""Draw, compile and check the second blind held-out extraction gold set (``heldout2``).

Same annotator notation, compiler and checks as ``tools/heldout_gold.py`` (see
``tools/heldout/README.md``); only the draw, the label folder (``tools/heldout2/*.ann``) and
the output file (``sinodesk/eval/gold/extract/heldout2/heldout2.jsonl``) differ.  The draw takes
only held-out-pool items that no other gold file of the project names (by dataset and id).

    python3 tools/heldout2_gold.py draw    [--data ../shared]
    python3 tools/heldout2_gold.py show    ITEM_KEY ...
    python3 tools/heldout2_gold.py render  [ITEM_KEY ...]
    python3 tools/heldout2_gold.py compile
    python3 tools/heldout2_gold.py verify
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import heldout_gold as hg  # noqa: E402

GOLD = HERE.parent / "sinodesk" / "eval" / "gold"
SEED = 1402  # issue 14, second held-out set
MAX_CHARS = 2500  # long items (BBC, ECB+, GVC) are passed over: every drawn item is labelled whole

QUOTAS = {
    "thucnews": {"politics": 5, "society": 5, "finance": 5, "stocks": 5, "science": 5, "education": 5,
                 "realty": 5, "sports": 5, "entertainment": 5, "game": 5},
    "agnews": {"world": 10, "business": 10, "scitech": 10, "sports": 10},
    "bbc": {"business": 5, "entertainment": 5, "politics": 5, "sport": 5, "tech": 5},
}
N_ECB, N_GVC = 15, 10
FEEDS = {"guardian_us.rss": 6, "phys_org_scitech.rss": 2, "macworld.rss": 2}
_DATASET_NAMES = {"ag_news": "agnews"}


def used_keys() -> set[str]:
    """``dataset:id`` of every item any other gold file of the project names."""
    files = [*(GOLD / "extract").glob("*/*.jsonl"), *(GOLD / "incidents").glob("*.jsonl"), *(GOLD / "topics").glob("*.jsonl")]
    out = set()
    for f in files:
        if f.parent.name == "heldout2":
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            d = json.loads(line) if line.strip() else {}
            if d.get("dataset") and d.get("id") is not None:
                out.add(f"{_DATASET_NAMES.get(d['dataset'], d['dataset'])}:{d['id']}")
    return out | set(hg.load_skips_of(HERE / "heldout" / "skips.tsv"))


def draw(root: Path, skips: dict[str, str]) -> list[dict]:
    """The seeded draw (see ``sinodesk/eval/gold/extract/heldout2/README.md``)."""
    used = used_keys()
    out: list[dict] = []

    def keep(key: str, t: dict) -> bool:
        return key not in skips and key not in used and len(t["text"]) <= MAX_CHARS and bool(t["text"].strip())

    def take(dataset, ids, quotas=None, limit=None, group_of=None):
        hg.take(root, out, SEED, dataset, ids, lambda t: t["label"], quotas, limit, group_of, keep=keep)

    thu = hg._load(root, "thucnews")
    take("thucnews", [k for k in thu if hg.eligible("thucnews", k)], QUOTAS["thucnews"])
    ag = hg._load(root, "agnews")
    take("agnews", [i for i in range(len(ag)) if hg.eligible("agnews", i)], QUOTAS["agnews"])
    bbc = hg._load(root, "bbc")
    take("bbc", sorted(i for i in bbc if hg.eligible("bbc", i)), QUOTAS["bbc"])
    ecb = hg._load(root, "ecbplus")
    take("ecbplus", sorted(i for i in ecb if hg.eligible("ecbplus", i)), limit=N_ECB, group_of=lambda i: ecb[i]["topic"])
    gvc = hg._load(root, "gvc")
    take("gvc", sorted(i for i in gvc if hg.eligible("gvc", i)), limit=N_GVC, group_of=lambda i: gvc[i]["incident_id"])
    for fname, n in FEEDS.items():
        entries = hg._load(root, "feed:" + fname)
        take("feeds", [f"{fname}#{i}" for i in range(len(entries)) if hg.eligible("feeds", f"{fname}#{i}")], limit=n)
    return out


def main(argv=None) -> int:
    hg.ANN_DIR = HERE / "heldout2"
    hg.OUT_FILE = GOLD / "extract" / "heldout2" / "heldout2.jsonl"
    hg.draw = draw
    return hg.main(argv)


if __name__ == "__main__":
    sys.exit(main())
