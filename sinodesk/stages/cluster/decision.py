"""Learned merge decision: P(story and candidate event report the same event).

A small logistic regression over pair features between one arriving story and one candidate
event (:func:`pair_features`).  The coefficients ship in ``merge_model.json`` beside this module:

* ``full`` (stories with a body): fitted on ECB+ topics 1-35 only (ECB+ is CC BY 3.0), by
  teacher-forced replay: each training story is compared with the candidate events the index
  retrieves, labelled by whether the candidate is its gold event, then joins its gold event;
* ``short`` (headline-only stories): fitted the same way on the first 45% of the UCI news
  aggregator stream only (UCI catalogue, CC BY 4.0).

Refit with ``sinodesk eval events --fit-model`` (training splits only; the test splits are
never read).  Plain coefficients, no pickle: the file is reviewable and diffable.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .features import shared_figures

MODEL_PATH = Path(__file__).with_name("merge_model.json")

FEATURES = (
    "mean_cos",  # dot(story, event sum) / size: mean cosine with the members (average linkage)
    "cent_cos",  # cosine with the event centroid
    "name_share",  # share of the story's mid-sentence names the event also has
    "name_shared",  # log(1 + names shared)
    "year_match",  # both give years and share one
    "year_conflict",  # both give years and share none
    "num_shared",  # notable numbers shared (capped at 3)
    "num_conflict",  # both give notable numbers and share none
    "entity_share",  # share of canonical entities shared
    "gap",  # log(1 + day gap to the event's span)
    "no_day",  # story or event has no date
    "log_size",  # log(event size)
    "log_words",  # log(1 + story content words)
    "cold",  # 1 at the first story, 0 once document frequencies are mature
)


def pair_features(feats, ev, dot: float, cold: float) -> list[float]:
    """The :data:`FEATURES` of a story (``Features``) against a candidate event (``_Event``).

    ``dot``: dot product of the story vector with the event's summed vector (computed once by
    the caller); ``cold``: the immaturity of the document frequencies in [0, 1].
    """
    size = max(1, ev.size)
    names = feats.names
    shared_names = sum(1 for n in names if n in ev.names) if names and ev.names else 0
    years = feats.years
    if years and ev.years:
        ymatch = 1.0 if any(y in ev.years for y in years) else 0.0
        yconf = 1.0 - ymatch
    else:
        ymatch = yconf = 0.0
    nums = feats.numbers
    shared_nums = shared_figures(nums, ev.numbers) if nums and ev.numbers else 0
    nconf = 1.0 if nums and ev.numbers and not shared_nums else 0.0
    ents = feats.entities
    ent_share = (sum(1 for e in ents if e in ev.entities) / min(len(ents), len(ev.entities))
                 if ents and ev.entities else 0.0)
    if feats.day is not None and ev.first_day is not None:
        gap = max(0, ev.first_day - feats.day, feats.day - ev.last_day)
        no_day = 0.0
    else:
        gap, no_day = 0, 1.0
    return [
        dot / size,
        dot / (ev.norm or 1.0),
        shared_names / len(names) if names else 0.0,
        math.log1p(shared_names),
        ymatch,
        yconf,
        float(min(shared_nums, 3)),
        nconf,
        ent_share,
        math.log1p(gap),
        no_day,
        math.log(size),
        math.log1p(feats.n_words),
        cold,
    ]


@dataclass(frozen=True, slots=True)
class LogisticModel:
    """Standardised logistic regression: p = sigmoid(b + sum w_i (x_i - mu_i) / sd_i)."""

    coef: tuple[float, ...]
    intercept: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float = 0.5

    def prob(self, x: list[float]) -> float:
        z = self.intercept
        for w, v, m, s in zip(self.coef, x, self.mean, self.scale):
            z += w * (v - m) / s
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict:
        return {"coef": list(self.coef), "intercept": self.intercept, "mean": list(self.mean),
                "scale": list(self.scale), "threshold": self.threshold}

    @classmethod
    def from_json(cls, d: dict) -> "LogisticModel":
        return cls(tuple(d["coef"]), float(d["intercept"]), tuple(d["mean"]), tuple(d["scale"]),
                   float(d.get("threshold", 0.5)))


@lru_cache(maxsize=4)
def load_models(path: str | None = None) -> dict[str, LogisticModel]:
    """The shipped models by kind ('full', 'short'); a model whose feature list differs is refused."""
    from ...errors import ArchiveError

    p = Path(path) if path else MODEL_PATH
    try:
        d = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ArchiveError(f"merge model {p} cannot be read ({exc}): refit it with 'sinodesk eval events --fit-model'"
                           ) from exc
    if tuple(d.get("features", ())) != FEATURES:
        raise ArchiveError(f"merge model {p} was fitted on other features: refit it with "
                           "'sinodesk eval events --fit-model'")
    return {k: LogisticModel.from_json(v) for k, v in d["models"].items()}


def fit_logistic(x: list[list[float]], y: list[int], *, c: float = 1.0) -> LogisticModel:
    """Fit a standardised, L2-regularised logistic regression (scikit-learn)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    a = np.asarray(x, dtype=float)
    mu = a.mean(axis=0)
    sd = a.std(axis=0)
    sd[sd == 0] = 1.0
    m = LogisticRegression(C=c, max_iter=2000)
    m.fit((a - mu) / sd, np.asarray(y))
    return LogisticModel(tuple(round(float(v), 6) for v in m.coef_[0]), round(float(m.intercept_[0]), 6),
                         tuple(round(float(v), 6) for v in mu), tuple(round(float(v), 6) for v in sd))
