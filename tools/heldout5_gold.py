"""Draw, compile and check the fifth blind held-out extraction gold set (``heldout5``).

``tools/heldout2_gold.py --set heldout5``: the same notation, compiler, checks and draw rules as
``heldout2``-``heldout4`` with seed 1405; labels in ``tools/heldout5/*.ann``, output
``sinodesk/eval/gold/extract/heldout5/heldout5.jsonl``.

    python3 tools/heldout5_gold.py draw    [--data ../shared]
    python3 tools/heldout5_gold.py show    ITEM_KEY ...
    python3 tools/heldout5_gold.py render  [ITEM_KEY ...]
    python3 tools/heldout5_gold.py compile
    python3 tools/heldout5_gold.py verify
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import heldout2_gold  # noqa: E402

if __name__ == "__main__":
    sys.exit(heldout2_gold.main(name="heldout5"))
