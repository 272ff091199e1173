"""Fitting the segmenter's two learned parts on licence-clean texts.

* The line labeller (:mod:`sinodesk.stages.segment.layout`) on generated layouts: used by
  ``tools/train_layout.py`` (the shipped model, all layouts) and by ``sinodesk eval segment
  --set layouts`` (one model per fold, fitted on the layouts that fold does not hold out).
  Each line's gold label comes from the role the generator gave it when it wrote the line.
* The digest decision (:mod:`sinodesk.stages.segment.digest`) on plain texts: used by
  ``tools/train_digest.py`` and the tests.  The calibration texts are single articles and
  concatenations of articles from sets whose licences allow a shipped model
  (:func:`sinodesk.eval.pools.plain_articles`): one story (label 0) is every GVC article
  (CC BY 4.0) in every plain-text form and every English gold article body of the Zyte
  benchmark (MIT) in the forms without a title; several stories (label 1) are GVC articles of
  different incidents one after the other, in the same forms (all about shootings: the hard
  case of stories that share their vocabulary).  Only documents for which the finders propose
  several stories and whose layout says nothing are rows: the model decides nothing else.
  ECB+ and BBC articles, the BBC concatenations, Choi, the digest layouts and the seeds are
  never read here: they measure the result.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..records import Cleaned, Document, RawItem
from ..stages.clean import clean
from ..stages.segment import SegmentOptions, plan_stories
from ..stages.segment.assemble import build_segments
from ..stages.segment.digest import FEATURES, DigestModel, features, words_decide
from ..stages.segment.layout import LABELS, LineModel, _second, _shapes, _softmax, base_features
from .layouts import LayoutDoc
from .segment_layouts import norm

ROLE = {name: k for k, name in enumerate(LABELS)}


def stored_document(doc: LayoutDoc) -> Document:
    """The document ingest stores for a generated file (HTML rendered as ingest renders it)."""
    if doc.name.endswith(".html"):
        from ..ingest.readers import html_document

        raw = RawItem(source=doc.name, data=doc.body.encode("utf-8"), kind="html")
        return html_document(doc.body, raw=raw, url=None)
    return Document(doc_id=doc.name, raw_id=doc.name, source=doc.name, kind="text", text=doc.body)


def line_labels(doc: LayoutDoc, cleaned: Cleaned) -> tuple[list[int], list[int | None]]:
    """(non-blank line indices, gold label of each or None when the line was not written as one)."""
    roles = [(norm(t), ROLE[r]) for t, r in doc.roles]
    idx = [i for i, ln in enumerate(cleaned.lines) if ln.kind != "blank"]
    out: list[int | None] = []
    k = 0
    for i in idx:
        t = norm(cleaned.lines[i].text)
        hit = None
        for j in range(k, min(len(roles), k + 12)):
            if roles[j][0] == t or (len(t) > 12 and (t in roles[j][0] or roles[j][0] in t) and roles[j][0]):
                hit = j
                break
        if hit is None:
            out.append(None)
            continue
        out.append(roles[hit][1])
        k = hit + 1
    return idx, out


@dataclass(slots=True)
class Prepared:
    """One training document: its first-pass features and the gold labels of the lines that have one."""

    layout: str
    x1: np.ndarray
    keep: list[int]
    y: np.ndarray


def prepare(docs: list[LayoutDoc]) -> list[Prepared]:
    """Features and gold labels of ``docs`` (computed once, shared by every fold)."""
    out = []
    for doc in docs:
        cleaned = clean(stored_document(doc))
        _, x1 = base_features(cleaned.lines)
        _, lab = line_labels(doc, cleaned)
        keep = [k for k, y in enumerate(lab) if y is not None]
        if keep:
            out.append(Prepared(doc.layout, x1, keep, np.array([lab[k] for k in keep])))
    return out


def _standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column means and scales (a constant column keeps scale 1)."""
    mean = x.mean(0)
    scale = x.std(0)
    scale[scale < 1e-6] = 1.0
    return mean, scale


def _lr(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    mean, scale = _standardise(x)
    clf = LogisticRegression(C=c, max_iter=500, class_weight="balanced")
    xs = (x - mean) / scale
    # every label must be a column even when a training set lacks it
    present = sorted(set(y.tolist()))
    clf.fit(xs, y)
    w = np.zeros((x.shape[1], len(LABELS)))
    b = np.full(len(LABELS), -30.0)
    for col, lab in enumerate(clf.classes_):
        w[:, lab] = clf.coef_[col] if len(present) > 2 else (clf.coef_[0] if col else -clf.coef_[0])
        b[lab] = clf.intercept_[col] if len(present) > 2 else (clf.intercept_[0] if col else -clf.intercept_[0])
    return mean, scale, w, b


def fit(rows: list[Prepared], c: float = 0.5, about: str = "") -> LineModel:
    """A two-pass line model fitted on prepared documents; the second pass is fitted on
    first-pass probabilities cross-fitted over two halves of the documents (so it learns how
    far to trust the first pass on a document it has not seen)."""
    x_all = np.vstack([r.x1[r.keep] for r in rows])
    y_all = np.concatenate([r.y for r in rows])
    m1, s1, w1, b1 = _lr(x_all, y_all, c)
    x2s, y2s = [], []
    for h in (0, 1):
        train = rows[1 - h::2]
        hm, hs, hw, hb = _lr(np.vstack([r.x1[r.keep] for r in train]), np.concatenate([r.y for r in train]), c)
        for r in rows[h::2]:
            p1 = _softmax(((r.x1 - hm) / hs) @ hw + hb)
            x2s.append(_second(r.x1, p1, _shapes(r.x1))[r.keep])
            y2s.append(r.y)
    x2_all = np.vstack(x2s)
    m2, s2, w2, b2 = _lr(x2_all, np.concatenate(y2s), c)
    return LineModel(m1, s1, w1, b1, m2, s2, w2, b2, x_all.min(0), x_all.max(0), x2_all.min(0), x2_all.max(0), about=about)


# --------------------------------------------------------------------------- the digest decision

TITLELESS_FORMS = ("lines", "blank", "sentences", "wrapped")


@dataclass(slots=True)
class Calibration:
    singles: list[tuple[str, str]]  # (name, text): one story each
    digests: list[tuple[str, str, list[int]]]  # (name, text, line where each article starts)


def calibration(shared, concatenations: int = 300, seed: int = 7, teasers: float = 0.5) -> Calibration:
    """The digest decision's calibration texts (see the module docstring)."""
    from .pools import PLAIN_FORMS, plain_articles, plain_concatenations, plain_singles

    gvc = plain_articles(shared, "gvc")
    zyte = plain_articles(shared, "zyte")
    singles = plain_singles(gvc, PLAIN_FORMS) + plain_singles(zyte, TITLELESS_FORMS)
    return Calibration(singles, plain_concatenations(gvc, concatenations, seed=seed, forms=PLAIN_FORMS, teasers=teasers))


def candidate(name: str, text: str, opts: SegmentOptions = SegmentOptions()) -> list[float] | None:
    """The features of a plain-text file the digest model would be asked about, or None when
    it would not be (one story proposed, a digest layout, mostly Chinese)."""
    cleaned = clean(Document(doc_id=name, raw_id=name, source=name, kind="text", text=text))
    plan = plan_stories(cleaned, opts)
    segs = build_segments(cleaned, plan, keep_headline_only=opts.keep_headline_only, generate=opts.generate_headlines)
    return features(cleaned, plan, segs) if words_decide(cleaned, plan, segs) else None


def digest_rows(cal: Calibration, opts: SegmentOptions = SegmentOptions()) -> tuple[np.ndarray, np.ndarray]:
    """(feature matrix, labels) of the calibration documents the digest model is asked about."""
    x, y = [], []
    for label, items in ((0, cal.singles), (1, cal.digests)):
        for item in items:
            f = candidate(item[0], item[1], opts)
            if f is not None:
                x.append(f)
                y.append(label)
    return np.array(x, dtype=float).reshape(-1, len(FEATURES)), np.array(y)


def fit_digest(x: np.ndarray, y: np.ndarray, c: float = 1.0, about: str = "") -> DigestModel:
    """A logistic regression with balanced classes (a single article and a digest weigh alike)."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = _standardise(x)
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=1000).fit((x - mean) / scale, y)
    return DigestModel(mean, scale, clf.coef_[0].copy(), float(clf.intercept_[0]), x.min(0), x.max(0), about=about)
