"""The topic taxonomy (``sinodesk/data/topics.toml``) and its weighted lexicon matcher."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from ...errors import ConfigError
from .features import normalize, tokens


@dataclass(frozen=True, slots=True)
class Topic:
    label: str
    name_zh: str
    description: str
    en: dict[str, float]
    zh: dict[str, float]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    version_date: str

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(t.label for t in self.topics)

    def to_dict(self) -> dict:
        return {
            "version_date": self.version_date,
            "topics": [
                {"label": t.label, "name_zh": t.name_zh, "description": t.description, "en": t.en, "zh": t.zh}
                for t in self.topics
            ],
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Taxonomy":
        return cls(tuple(Topic(**t) for t in d["topics"]), d["version_date"])


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Read a taxonomy TOML file (the packaged ``topics.toml`` when ``path`` is None)."""
    if path is None:
        raw = resources.files("sinodesk.data").joinpath("topics.toml").read_bytes()
        where = "sinodesk/data/topics.toml"
    else:
        where = str(path)
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise ConfigError(f"{where}: cannot read the topic taxonomy ({exc.strerror}); give an existing TOML file") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{where}: not valid UTF-8 TOML ({exc}); fix the syntax of the taxonomy file") from exc
    topics = []
    for label, body in data.get("topics", {}).items():
        missing = [k for k in ("name_zh", "description") if k not in body]
        if missing:
            raise ConfigError(f"{where}: topic '{label}' lacks {', '.join(missing)}; add them to [topics.{label}]")
        for lang in ("en", "zh"):
            for term, weight in body.get(lang, {}).items():
                if not isinstance(weight, (int, float)) or weight <= 0:
                    raise ConfigError(f"{where}: topic '{label}' term '{term}' has weight {weight!r}; use a positive number")
                toks = tokens(normalize(term))
                if not toks or (lang == "zh" and len(toks) != 1):
                    raise ConfigError(
                        f"{where}: topic '{label}' {lang} term '{term}' does not read as one "
                        f"{'run of Chinese characters' if lang == 'zh' else 'word sequence'}; reword or drop it"
                    )
        topics.append(
            Topic(label, body["name_zh"], body["description"], dict(body.get("en", {})), dict(body.get("zh", {})))
        )
    if not topics:
        raise ConfigError(f"{where}: no [topics.NAME] tables; add at least one topic")
    return Taxonomy(tuple(topics), str(data.get("meta", {}).get("version_date", "unknown")))


class Lexicon:
    """Weighted term matcher: per-topic lexicon scores of a text (English words + Chinese substrings)."""

    def __init__(self, taxonomy: Taxonomy):
        self.n_labels = len(taxonomy.topics)
        self.en: dict[tuple[str, ...], list[tuple[int, float]]] = {}
        self.zh: dict[str, list[tuple[int, float]]] = {}
        for j, topic in enumerate(taxonomy.topics):
            for term, w in topic.en.items():
                self.en.setdefault(tuple(tokens(normalize(term))), []).append((j, float(w)))
            for term, w in topic.zh.items():
                self.zh.setdefault(normalize(term), []).append((j, float(w)))
        self.en_max = max((len(k) for k in self.en), default=1)
        self.en_starts = {k[0] for k in self.en if len(k) > 1}
        self.zh_lens = sorted({len(k) for k in self.zh})

    def raw_scores(self, text: str, toks: list[str] | None = None) -> np.ndarray:
        """Sum of term weights per topic, each term counted at most 3 times (``toks``: tokens of the normalised text, if known)."""
        return self.scores_of(self.hits(tokens(normalize(text)) if toks is None else toks))

    def hits(self, toks: list[str]) -> dict[object, int]:
        """Term -> how often it occurs in the tokens (English terms as word tuples within runs of
        Latin words, Chinese terms as substrings of a Chinese run), in order of first occurrence."""
        hits: dict[object, int] = {}
        latin: list[str] = []
        for tok in toks + [""]:
            if tok and tok[0] < "\u3400":
                latin.append(tok)
                continue
            en, starts = self.en, self.en_starts
            for i, word in enumerate(latin):
                key = (word,)
                if key in en:
                    hits[key] = hits.get(key, 0) + 1
                if word in starts:
                    for n in range(2, min(self.en_max, len(latin) - i) + 1):
                        key = tuple(latin[i : i + n])
                        if key in en:
                            hits[key] = hits.get(key, 0) + 1
            latin = []
            if tok:
                for n in self.zh_lens:
                    for i in range(len(tok) - n + 1):
                        sub = tok[i : i + n]
                        if sub in self.zh:
                            hits[sub] = hits.get(sub, 0) + 1
        return hits

    def joined_hits(self, parts: list[list[str]], part_hits: list[dict[object, int]]) -> dict[object, int]:
        """``hits`` of the concatenated tokens of ``parts`` from each part's own ``part_hits``: their
        sum plus the English terms that run across a joint (a term of several words that starts in
        one part and ends in a later one, inside one run of Latin words)."""
        out: dict[object, int] = {}
        for h in part_hits:
            for key, c in h.items():
                out[key] = out.get(key, 0) + c
        if self.en_max < 2:
            return out
        toks = [t for part in parts for t in part]
        begin, joints = 0, []
        for part in parts[:-1]:
            begin += len(part)
            joints.append(begin)
        prev = 0
        for g in joints:  # a term is counted at the first joint it crosses: it starts after the previous one
            for i in range(max(prev, g - self.en_max + 1), g):
                if toks[i] not in self.en_starts or any(t[0] >= "\u3400" for t in toks[i:g]):
                    continue
                for n in range(g - i + 1, self.en_max + 1):
                    if i + n > len(toks) or toks[i + n - 1][0] >= "\u3400":
                        break
                    key = tuple(toks[i : i + n])
                    if key in self.en:
                        out[key] = out.get(key, 0) + 1
            prev = g
        return out

    def scores_of(self, hits: dict[object, int]) -> np.ndarray:
        """Per topic, the sum of its terms' weights times their counts (at most 3) in ``hits``."""
        out = np.zeros(self.n_labels, dtype=np.float64)
        for key, count in hits.items():
            entries = self.en[key] if isinstance(key, tuple) else self.zh[key]
            for j, w in entries:
                out[j] += w * min(count, 3)
        return out

    @staticmethod
    def shaped(raw: np.ndarray) -> np.ndarray:
        """(L, 2) lexicon features from raw per-topic scores (see ``features``)."""
        share = raw / (raw.sum() + 3.0)
        top = raw.max()
        rel = raw / top if top > 0 else raw
        return np.stack([share, rel], axis=1)

    def features(self, text: str, toks: list[str] | None = None) -> np.ndarray:
        """(L, 2), both independent of text length: the topic's share of all lexicon weight in
        the text, and its weight relative to the best-scoring topic."""
        return self.shaped(self.raw_scores(text, toks))
