"""Event linking and near-duplicate evaluation, every figure through ingest into a fresh archive.

==============  =========================================================================
metrics.py      B-cubed P/R/F1, ARI (scikit-learn)
sets.py         the labelled sets as JSONL lines in file order, arrival orders
run.py          ingest the lines into a fresh archive, read each line's exported event back
reports.py      ECB+, GVC, UCI reports by arrival order, the peer beside them
baselines.py    the peer: TF-IDF + average-linkage agglomerative, single pass for UCI
dups.py         BBC near-duplicates through ingest
coldstart.py    first N stories fresh vs warm
tuning.py       grid search on training splits only
fitting.py      refit the learned merge decision (writes only where told)
==============  =========================================================================
"""

from __future__ import annotations

from .coldstart import ColdRow, cold_start
from .dups import DupReport, eval_bbc_dups
from .fitting import fit_merge_models
from .metrics import ClusterScore, ari, bcubed, score
from .reports import EvalReport, eval_ecbplus, eval_gvc, eval_uci
from .sets import ORDERS, SETS, EvalItem, arrange, eval_root
from .tuning import TUNE_TARGETS, robust_ranking, tune

__all__ = ["ClusterScore", "ColdRow", "DupReport", "EvalItem", "EvalReport", "ORDERS", "SETS", "TUNE_TARGETS", "ari",
           "arrange", "bcubed", "cold_start", "eval_bbc_dups", "eval_ecbplus", "eval_gvc", "eval_root", "eval_uci",
           "fit_merge_models", "robust_ranking", "score", "tune"]
