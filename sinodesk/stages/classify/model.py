"""TopicModel: vocabulary + linear weights + calibration, trained from labelled examples.

Scores are calibrated per topic by stacking: out-of-fold linear scores and the topic's
lexicon features go through a small logistic regression, fitted on the training data, so
``scores[label]`` reads as the probability that the label applies.  Each topic then gets its
own decision threshold, chosen on the same out-of-fold scores for that topic's F1 (SCut), so a
story gets every topic it is about -- a second or third topic as well as the first -- and none
when no score reaches its topic's threshold.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources

import numpy as np

from ...errors import BadInput, ConfigError
from ...records import TopicResult
from .features import LONG_TEXT_CHARS, FeatureOptions, analyze, analyze_normalized, normalize, resolved, tokens
from .embed import MAX_PIECES, StaticEmbedder, dense_features, fingerprint
from .learner import LearnerOptions, Vectorizer, fit_scorer, out_of_fold
from .taxonomy import Lexicon, Taxonomy
from ...options import setting

FORMAT = "sinodesk-topic-model/2"
DEFAULT_MAX_TOPICS = 3  # [topics] max_topics = 0: at most this many topics, or more when training examples carried more
REVISION = "5"  # bump when features, learner or calibration change (part of the version hash)


@dataclass(frozen=True, slots=True)
class LabelledExample:
    """One story with its topics, for training or evaluation."""

    text: str
    headline: str | None
    language: str | None
    labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TopicOptions:
    threshold: float | None = setting(None, "a topic is assigned when its calibrated score is at least this; unset: each topic's own threshold, chosen on the training data for that topic's F1")
    max_topics: int = setting(0, "at most this many topics per story; 0: 3, or as many as the most any of the model's training examples carries when that is more (a model trained on Reuters-like data, where one story can carry 5-15 topics)")
    min_topics: int = setting(0, "at least this many topics per story (the best scores, even below the threshold); 0 gives a story no topic when none reaches its threshold")
    fallback: float = setting(0.5, "when no topic reaches its threshold, the best topic is still given if its score reaches this share of its own threshold (short headlines score low); 0 gives such a story no topic")
    languages: tuple[str, ...] = setting(("en", "zh"), "languages the topic model reads (ISO 639-1); a story in another language gets no topic (shown as \"unsupported language\") instead of a guess; empty: classify every story")
    passages: int = setting(-1, "also read a story of LONG_STORY_CHARS = 1,000 characters or more passage by passage (whole sentences packed into passages of about passage_chars): each topic scores at least the score two of its passages, and a quarter of them, reach, so a topic a good part of the story is about counts even where the whole text dilutes it (a long story's second topic); 1 on, 0 off, -1 (auto) on when the model's median training text is shorter than 400 characters (the packaged model: 105), off for a model trained on full articles")
    passage_chars: int = setting(300, "with passages on, the length a passage is filled up to with whole sentences (about the length of the packaged model's training stories)")

    def __post_init__(self) -> None:
        t = self.threshold
        if t is not None and (isinstance(t, bool) or not isinstance(t, (int, float)) or not 0.0 <= t <= 1.0):
            raise ConfigError(f"topics: setting 'threshold' must be a number from 0 to 1 (or left out for each topic's own), got {t!r}")
        if self.max_topics < 0:
            raise ConfigError(f"topics: setting 'max_topics' must be 0 (automatic) or more, got {self.max_topics!r}")
        if self.passages not in (-1, 0, 1):
            raise ConfigError(f"topics: setting 'passages' must be 1 (on), 0 (off) or -1 (automatic), got {self.passages!r}")
        if self.passage_chars < 50:
            raise ConfigError(f"topics: setting 'passage_chars' must be at least 50 characters, got {self.passage_chars!r}")


def story_text(text: str, headline: str | None) -> str:
    """What the model reads: the headline (when not already the text's first line) and the text."""
    if headline and not text.lstrip().startswith(headline.strip()):
        return f"{headline}\n{text}"
    return text


@dataclass(frozen=True, eq=False)
class TopicModel:
    taxonomy: Taxonomy
    features: FeatureOptions
    vectorizer: Vectorizer
    weights: np.ndarray  # (V, L) linear weights
    bias: np.ndarray  # (L,)
    calibration: np.ndarray  # (L, 4): weights of [linear score, lexicon share, lexicon score relative to the best topic] and a bias
    thresholds: np.ndarray  # (L,): a topic is assigned at or above its calibrated score here (``choose_thresholds``)
    version: str
    trained_on: dict = field(default_factory=dict)
    lexicon: Lexicon = field(init=False, repr=False)
    labels: tuple[str, ...] = field(init=False, repr=False)  # the taxonomy's labels, kept (asked once per story)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lexicon", Lexicon(self.taxonomy))
        object.__setattr__(self, "labels", self.taxonomy.labels)

    # scoring -------------------------------------------------------------------------
    def score_texts(self, texts: Sequence[str], opts: TopicOptions = TopicOptions()) -> np.ndarray:
        """Calibrated scores (n, L) for already-joined story texts; with ``opts.passages`` (see
        ``reads_passages``) a long text's score of each topic is at least the score that two of its
        passages, and a quarter of them (PASSAGE_SHARE), reach."""
        if not self.reads_passages(opts):
            return self.whole_scores(texts)
        cut = [passages(t[: self.features.max_chars], opts.passage_chars) if len(t) >= LONG_STORY_CHARS else [] for t in texts]
        cut = [parts if len(parts) >= 2 else [] for parts in cut]
        short = [i for i, parts in enumerate(cut) if not parts]
        if len(short) == len(texts):
            return self.whole_scores(texts)
        probs = np.zeros((len(texts), len(self.labels)))
        if short:
            probs[short] = self.whole_scores([texts[i] for i in short])
        for i, parts in enumerate(cut):
            if parts:
                scored = self.story_and_passages(texts[i], parts)
                kth = max(2, -(-len(parts) // PASSAGE_SHARE))  # at least two passages, and a quarter of a long story's
                probs[i] = np.maximum(scored[0], np.partition(scored[1:], -kth, axis=0)[-kth])
        return probs

    def story_and_passages(self, text: str, parts: Sequence[str]) -> np.ndarray:
        """Calibrated scores of a long story read whole (row 0) and of each of its ``passages``
        (rows 1...), from one reading of the passages.  Passages are whole sentences cut where no
        token runs across, so the story's tokens are theirs in order, and its feature counts,
        lexicon hits and embedding pieces are theirs summed, plus the word bigrams and lexicon
        terms that run across a joint: the same scores as ``whole_scores`` reading the story again."""
        F, vec, lexicon = self.features, self.vectorizer, self.lexicon
        norms = [normalize(p) for p in parts]
        toks = [tokens(n) for n in norms]
        counts = [vec.counts(analyze_normalized(n, t, F)) for n, t in zip(norms, toks)]
        if F.cjk_whole_text or F.pieces > 0:  # features of the whole text that passages do not add up to
            whole = vec.counts(analyze_normalized(normalize(text[: F.max_chars]), [t for part in toks for t in part], F))
        else:
            whole = {}
            for c in counts:
                for k, v in c.items():
                    whole[k] = whole.get(k, 0) + v
            if F.word_bigrams:  # the bigram of the last word before a joint and the first after it
                prev = ""
                for part in toks:
                    if part:
                        if prev and part[0][0] < "\u3400":
                            k = vec.vocab.get(prev + " " + part[0])
                            if k is not None:
                                whole[k] = whole.get(k, 0) + 1
                        prev = part[-1] if part[-1][0] < "\u3400" else ""
        rows = [whole, *counts]
        lin = vec.scores(rows, self.weights[: len(vec.vocab)]) + self.bias
        if self.weights.shape[0] > len(vec.vocab):
            model = StaticEmbedder.packaged()
            lin += F.embedding * model.embed_joined([model.piece_ids(n) for n in norms]) @ self.weights[len(vec.vocab) :]
        hits = [lexicon.hits(t) for t in toks]
        lex = np.stack([lexicon.shaped(lexicon.scores_of(h)) for h in [lexicon.joined_hits(toks, hits), *hits]])
        return calibrated(lin, lex, self.calibration)

    def reads_passages(self, opts: TopicOptions) -> bool:
        """``opts.passages``; automatic (-1): on when the model's median training text is shorter
        than LONG_TEXT_CHARS (a model that learned from short stories), off for one trained on full
        articles or trained before the median was recorded."""
        if opts.passages >= 0:
            return bool(opts.passages)
        median = self.trained_on.get("median_chars")
        return median is not None and median < LONG_TEXT_CHARS

    def whole_scores(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated scores (n, L) of each text read as a whole."""
        L = len(self.labels)
        lin = np.zeros((len(texts), L))
        lex = np.zeros((len(texts), L, 2))
        docs, norms = [], []
        for i, text in enumerate(texts):
            norm = normalize(text[: self.features.max_chars])
            toks = tokens(norm)
            docs.append(analyze_normalized(norm, toks, self.features))
            norms.append(norm)
            lex[i] = self.lexicon.features(norm, toks)
        V = len(self.vectorizer.vocab)
        if len(docs) <= 16:  # a few stories: dense rows of the weights, no sparse-matrix overhead
            for i, feats in enumerate(docs):
                idx, vals = self.vectorizer.transform_one(feats)
                lin[i] = vals @ self.weights[idx] + self.bias
        elif docs:
            lin = np.asarray(self.vectorizer.transform(docs) @ self.weights[:V]) + self.bias
        if self.weights.shape[0] > V:  # trained with the static embedding: its weights come last
            lin += self.features.embedding * StaticEmbedder.packaged().embed_normalized(norms) @ self.weights[V:]
        return calibrated(lin, lex, self.calibration)

    def classify(
        self, text: str, headline: str | None = None, language: str | None = None, opts: TopicOptions = TopicOptions()
    ) -> TopicResult:
        """Topics of one story.  ``language`` is accepted for the record: features cover English and Chinese alike."""
        return self.result(self.score_texts([story_text(text, headline)], opts)[0], opts)

    def classify_many(self, items: Iterable[tuple[str, str | None]], opts: TopicOptions = TopicOptions()) -> list[TopicResult]:
        """Topics of many ``(text, headline)`` pairs in one pass (faster than one call each)."""
        probs = self.score_texts([story_text(t, h) for t, h in items], opts)
        return [self.result(p, opts) for p in probs]

    def max_topics(self, opts: TopicOptions) -> int:
        """``opts.max_topics``, or for 0 the larger of DEFAULT_MAX_TOPICS and the most labels a training example carried."""
        return opts.max_topics or max(DEFAULT_MAX_TOPICS, int(self.trained_on.get("max_labels", 0)))

    def result(self, probs: np.ndarray, opts: TopicOptions) -> TopicResult:
        order = np.argsort(-probs, kind="stable")
        th = self.thresholds if opts.threshold is None else np.full(len(probs), opts.threshold)
        most = self.max_topics(opts)
        chosen = [j for j in order[:most] if probs[j] >= th[j]]
        if not chosen and opts.fallback and probs[order[0]] >= opts.fallback * th[order[0]]:
            chosen = [order[0]]
        for j in order[: min(opts.min_topics, most)]:
            if j not in chosen:
                chosen.append(j)
        scores = {label: round(float(p), 4) for label, p in zip(self.labels, probs)}
        return TopicResult(tuple(self.labels[j] for j in chosen), scores, self.version)

    # storage -------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        vocab = sorted(self.vectorizer.vocab, key=self.vectorizer.vocab.__getitem__)
        meta = {
            "format": FORMAT,
            "version": self.version,
            "taxonomy": self.taxonomy.to_dict(),
            "features": asdict(self.features),
            "trained_on": self.trained_on,
            "embedding": fingerprint() if self.weights.shape[0] > len(vocab) else None,
            "vocab": vocab,
        }
        buf = io.BytesIO()
        np.savez_compressed(
            buf,
            meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
            idf=self.vectorizer.idf,
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            calibration=self.calibration.astype(np.float64),
            thresholds=self.thresholds.astype(np.float64),
        )
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes) -> "TopicModel":
        try:
            with np.load(io.BytesIO(blob), allow_pickle=False) as z:
                meta = json.loads(z["meta"].tobytes().decode("utf-8"))
                arrays = {k: z[k] for k in ("idf", "weights", "bias", "calibration", "thresholds")}
        except (ValueError, KeyError, OSError, UnicodeDecodeError, EOFError) as exc:
            raise BadInput(f"topic model blob ({len(blob)} bytes): not a sinodesk topic model ({exc}); retrain it with 'sinodesk train topics'", stage="classify") from exc
        if meta.get("format") != FORMAT:
            raise BadInput(f"topic model blob: format {meta.get('format')!r}, expected {FORMAT!r}; retrain it with 'sinodesk train topics'", stage="classify")
        feats = meta["features"]
        feats = FeatureOptions(**{k: tuple(v) if isinstance(v, list) else v for k, v in feats.items()})
        vocab = {f: i for i, f in enumerate(meta["vocab"])}
        extra = arrays["weights"].shape[0] - len(vocab)  # rows for the static embedding, if it was used
        if extra > 0 and (meta.get("embedding") != fingerprint() or extra != StaticEmbedder.packaged().dims):
            raise BadInput(f"topic model blob: trained with the embedding {meta.get('embedding')!r} ({extra} dimensions), the installed "
                           f"one is {fingerprint()!r} ({StaticEmbedder.packaged().dims}); retrain it with 'sinodesk train topics'", stage="classify")
        return cls(
            Taxonomy.from_dict(meta["taxonomy"]),
            feats,
            Vectorizer(vocab, arrays["idf"]),
            arrays["weights"],
            arrays["bias"],
            arrays["calibration"],
            arrays["thresholds"],
            meta["version"],
            meta.get("trained_on", {}),
        )


LONG_STORY_CHARS = 1000  # [topics] passages: a story this long or longer is also read passage by passage
PASSAGE_SHARE = 4  # ... and a topic counts when two passages and a quarter of them (1/PASSAGE_SHARE) reach it
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？；])|\n+")


def passages(text: str, size: int) -> list[str]:
    """``text`` cut into passages of whole sentences, each filled up to about ``size`` characters
    (a sentence longer than that is a passage of its own); each passage is a slice of ``text``."""
    marks = list(_SENTENCE_END.finditer(text))
    ends = [m.start() for m in marks] + [len(text)]
    starts = [0] + [m.end() for m in marks]
    out: list[str] = []
    begin = None
    for start, end in zip(starts, ends):
        if not text[start:end].strip():
            continue
        if begin is not None and end - begin > size:
            out.append(text[begin:last].strip())
            begin = None
        if begin is None:
            begin = start
        last = end
    if begin is not None:
        out.append(text[begin:last].strip())
    return out


def calibrated(lin: np.ndarray, lex: np.ndarray, calib: np.ndarray) -> np.ndarray:
    z = lin * calib[:, 0] + lex[:, :, 0] * calib[:, 1] + lex[:, :, 1] * calib[:, 2] + calib[:, 3]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


NONE_LABEL = "none"  # a story about none of the taxonomy's topics: a negative example for every topic


def label_matrix(examples: Sequence[LabelledExample], taxonomy: Taxonomy, where: str) -> np.ndarray:
    index = {label: j for j, label in enumerate(taxonomy.labels)}
    Y = np.zeros((len(examples), len(index)), dtype=np.int8)
    for i, ex in enumerate(examples):
        if not ex.labels:
            raise BadInput(f"{where} example {i + 1} ({(ex.headline or ex.text)[:40]!r}): no labels; give at least one topic, "
                           f"or '{NONE_LABEL}' for a story about none of them", stage="classify")
        if ex.labels == (NONE_LABEL,):
            continue
        for label in ex.labels:
            if label not in index:
                raise BadInput(
                    f"{where} example {i + 1}: unknown topic '{label}'; use one of {', '.join(taxonomy.labels)} "
                    "or add it to the taxonomy file",
                    stage="classify",
                )
            Y[i, index[label]] = 1
    return Y


# Low values matter for rare topics, whose calibrated scores seldom reach 0.1 even when right.
THRESHOLD_GRID = np.round(np.concatenate([[0.02, 0.03, 0.04, 0.05, 0.06, 0.08], np.arange(0.10, 0.91, 0.025)]), 3)
MIN_POSITIVES = 5  # a topic with fewer training positives keeps 0.5 on a fixed sigmoid of its margin (the SVM's own decision)


def fit_calibration(lin_oof: np.ndarray, lex: np.ndarray, Y: np.ndarray, sw: np.ndarray) -> np.ndarray:
    """Per label: logistic regression on [out-of-fold linear score, lexicon share, relative lexicon score]."""
    from sklearn.linear_model import LogisticRegression

    L = Y.shape[1]
    calib = np.zeros((L, 4))
    for j in range(L):
        y = Y[:, j]
        if y.sum() < MIN_POSITIVES or (1 - y).sum() < MIN_POSITIVES:
            calib[j] = [2.0, 0.0, 0.0, 0.0]  # too few examples to fit: a fixed sigmoid of the linear score
            continue
        F = np.column_stack([lin_oof[:, j], lex[:, j, 0], lex[:, j, 1]])
        lr = LogisticRegression(C=1.0, max_iter=1000).fit(F, y, sample_weight=sw)
        calib[j, :3] = lr.coef_.ravel()
        calib[j, 3] = lr.intercept_[0]
    return calib


def choose_thresholds(probs: np.ndarray, Y: np.ndarray, sw: np.ndarray) -> np.ndarray:
    """Per topic: the grid threshold with the best (weighted) F1 of that topic on out-of-fold
    calibrated scores (SCut, Yang 2001); ties go to the threshold nearest 0.5."""
    order = np.argsort(np.abs(THRESHOLD_GRID - 0.5), kind="stable")
    grid = THRESHOLD_GRID[order]
    th = np.full(Y.shape[1], 0.5)
    for j in range(Y.shape[1]):
        y = Y[:, j] == 1
        if y.sum() < MIN_POSITIVES:
            continue
        pred = probs[:, j][:, None] >= grid[None, :]
        tp = ((pred & y[:, None]) * sw[:, None]).sum(axis=0)
        f1 = 2 * tp / ((pred * sw[:, None]).sum(axis=0) + (y * sw).sum())
        th[j] = grid[int(np.argmax(f1))]
    return th


def build_model(
    taxonomy: Taxonomy,
    examples: Sequence[LabelledExample],
    sample_weight: Sequence[float] | None = None,
    *,
    features: FeatureOptions = FeatureOptions(),
    learner: LearnerOptions = LearnerOptions(),
    date: str,
    where: str = "training data",
    folds: Sequence[int] | None = None,
) -> TopicModel:
    """Train a calibrated TopicModel.  Deterministic: the same inputs give the same model and version.
    ``folds``: each example's calibration fold (default ``learner.fold_ids`` over the examples in order)."""
    if len(examples) < 2:
        raise BadInput(f"{where}: {len(examples)} labelled example(s); give at least 2 to train a topic model", stage="classify")
    Y = label_matrix(examples, taxonomy, where)
    sw = np.ones(len(examples)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    texts = [story_text(ex.text, ex.headline) for ex in examples]
    features = resolved(features, texts)
    docs = [analyze(t, features) for t in texts]
    dense = dense_features(texts, features.embedding, features.max_chars)
    lexicon = Lexicon(taxonomy)
    lex = np.stack([lexicon.features(t[: features.max_chars]) for t in texts])
    oof, C, nb_weight = out_of_fold(docs, Y, learner, sw, dense, folds=None if folds is None else np.asarray(folds))
    calib = fit_calibration(oof, lex, Y, sw)
    oof_probs = calibrated(oof, lex, calib)
    thresholds = choose_thresholds(oof_probs, Y, sw)
    vec, W, b = fit_scorer(docs, Y, learner, sw, dense, C, nb_weight)
    digest = hashlib.sha256()
    digest.update(json.dumps([FORMAT, REVISION, taxonomy.to_dict(), asdict(features), asdict(learner)], sort_keys=True, ensure_ascii=False).encode())
    for ex, w in zip(examples, sw):
        digest.update(json.dumps([ex.text, ex.headline, sorted(ex.labels), float(w)], ensure_ascii=False).encode())
    if folds is not None:  # folds given (a user's corrections beside the shipped examples) make another model
        digest.update(json.dumps([int(f) for f in folds]).encode())
    version = f"topics-{date}-{digest.hexdigest()[:12]}"
    counts = {label: int(c) for label, c in zip(taxonomy.labels, Y.sum(axis=0))}
    lengths = sorted(len(t) for t in texts)
    predicted = (oof_probs >= thresholds).sum(axis=1)
    trained_on = {"examples": len(examples), "per_label": counts, "none": int((Y.sum(axis=1) == 0).sum()),
                  "cardinality": round(float(Y.sum(axis=1).mean()), 3), "max_labels": int(Y.sum(axis=1).max()),
                  "predicted_cardinality_oof": round(float(predicted.mean()), 3), "C": C, "nb_weight": nb_weight,
                  "pieces": features.pieces, "median_chars": lengths[len(lengths) // 2]}
    return TopicModel(taxonomy, features, vec, W, b, calib, thresholds, version, trained_on)


def read_labelled_jsonl(data: str, where: str) -> list[LabelledExample]:
    """Parse JSONL lines ``{"text", "headline"?, "language"?, "labels" (or "topics"): [...] or "a,b"}``."""
    out = []
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadInput(f"{where} line {n}: not JSON ({exc.msg}); write one JSON object per line", stage="classify") from exc
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
            raise BadInput(f"{where} line {n}: no \"text\" string; each line needs \"text\" and \"labels\"", stage="classify")
        labels = row.get("labels", row.get("topics"))
        if isinstance(labels, str):
            labels = [x.strip() for x in labels.split(",") if x.strip()]
        if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
            raise BadInput(f"{where} line {n}: \"labels\" must be a non-empty list of topic names (or \"a,b\")", stage="classify")
        out.append(LabelledExample(row["text"], row.get("headline"), row.get("language"), tuple(labels)))
    return out


def shipped_examples() -> list[LabelledExample]:
    """The training examples shipped in ``sinodesk/data/topic_train/*.jsonl`` (written for sinodesk)."""
    folder = resources.files("sinodesk.data").joinpath("topic_train")
    out: list[LabelledExample] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".jsonl"):
            out.extend(read_labelled_jsonl(entry.read_text(encoding="utf-8"), f"sinodesk/data/topic_train/{entry.name}"))
    return out


def today() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d")
