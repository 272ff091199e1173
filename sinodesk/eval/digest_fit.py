"""Fitting the digest decision (:mod:`sinodesk.stages.segment.digest`) on licence-clean plain texts.

Used by ``tools/train_digest.py`` (the packaged model) and by the tests.  The calibration
texts are single articles and concatenations of articles from sets whose licences allow a
shipped model (:func:`sinodesk.eval.pools.plain_articles`):

* one story (label 0): every GVC article (CC BY 4.0) in every plain-text form, and every
  English gold article body of the Zyte benchmark (MIT) in the forms without a title;
* several stories (label 1): GVC articles of different incidents one after the other, in the
  same forms (all about shootings: the hard case of stories that share their vocabulary).

Only documents for which the finders propose several stories and whose layout says nothing
are rows: the model decides nothing else.  ECB+ and BBC articles, the BBC concatenations,
Choi, the digest layouts and the seeds are never read here: they measure the result.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..records import Document
from ..stages.clean import clean
from ..stages.segment import SegmentOptions, plan_stories
from ..stages.segment.assemble import build_segments
from ..stages.segment.digest import FEATURES, DigestModel, features, words_decide

TITLELESS_FORMS = ("lines", "blank", "sentences", "wrapped")


@dataclass(slots=True)
class Calibration:
    singles: list[tuple[str, str]]  # (name, text): one story each
    digests: list[tuple[str, str, list[int]]]  # (name, text, line where each article starts)


def calibration(shared, concatenations: int = 240, seed: int = 7, teasers: float = 0.5) -> Calibration:
    """The calibration texts (see the module docstring)."""
    from .pools import PLAIN_FORMS, plain_articles, plain_concatenations, plain_singles

    gvc = plain_articles(shared, "gvc")
    zyte = plain_articles(shared, "zyte")
    singles = plain_singles(gvc, PLAIN_FORMS) + plain_singles(zyte, TITLELESS_FORMS)
    return Calibration(singles, plain_concatenations(gvc, concatenations, seed=seed, forms=PLAIN_FORMS, teasers=teasers))


def candidate(name: str, text: str, opts: SegmentOptions = SegmentOptions()) -> list[float] | None:
    """The features of a plain-text file the model would be asked about, or None when it
    would not be (one story proposed, a digest layout, mostly Chinese)."""
    cleaned = clean(Document(doc_id=name, raw_id=name, source=name, kind="text", text=text))
    plan = plan_stories(cleaned, opts)
    segs = build_segments(cleaned, plan, keep_headline_only=opts.keep_headline_only, generate=opts.generate_headlines)
    return features(cleaned, plan, segs) if words_decide(cleaned, plan, segs) else None


def rows(cal: Calibration, opts: SegmentOptions = SegmentOptions()) -> tuple[np.ndarray, np.ndarray]:
    """(feature matrix, labels) of the calibration documents the model is asked about."""
    x, y = [], []
    for label, items in ((0, cal.singles), (1, cal.digests)):
        for item in items:
            f = candidate(item[0], item[1], opts)
            if f is not None:
                x.append(f)
                y.append(label)
    return np.array(x, dtype=float).reshape(-1, len(FEATURES)), np.array(y)


def fit(x: np.ndarray, y: np.ndarray, c: float = 1.0, about: str = "") -> DigestModel:
    """A logistic regression with balanced classes (a single article and a digest weigh alike)."""
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(0)
    scale = x.std(0)
    scale[scale < 1e-6] = 1.0
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=1000).fit((x - mean) / scale, y)
    return DigestModel(mean, scale, clf.coef_[0].copy(), float(clf.intercept_[0]), x.min(0), x.max(0), about=about)
