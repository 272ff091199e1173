"""Compile tools/devzh4/labels.txt (typed labels, one THUCNews headline a line) into
sinodesk/eval/gold/extract/devzh4/devzh4.jsonl, as tools/devzh3_gold.py does for devzh3.
Run from the repository root: ``python3 tools/devzh4_gold.py [--data ../shared]``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devzh3_gold import main  # noqa: E402

if __name__ == "__main__":
    main("devzh4")
