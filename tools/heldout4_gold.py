"""Draw, compile and check the fourth blind held-out extraction gold set (``heldout4``).

``tools/heldout2_gold.py --set heldout4``: the same notation, compiler, checks and draw rules as
``heldout2`` with seed 1404; labels in ``tools/heldout4/*.ann``, output
``sinodesk/eval/gold/extract/heldout4/heldout4.jsonl``.

    python3 tools/heldout4_gold.py draw    [--data ../shared]
    python3 tools/heldout4_gold.py show    ITEM_KEY ...
    python3 tools/heldout4_gold.py render  [ITEM_KEY ...]
    python3 tools/heldout4_gold.py compile
    python3 tools/heldout4_gold.py verify
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import heldout2_gold  # noqa: E402

if __name__ == "__main__":
    sys.exit(heldout2_gold.main(name="heldout4"))
