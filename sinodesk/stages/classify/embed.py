"""Static sentence embeddings for English stories: numpy + ``tokenizers``, no neural network at run time.

``sinodesk/data/embed/`` holds one 96-dim vector per word piece of all-MiniLM-L6-v2 (Apache-2.0),
distilled once by ``tools/distill_minilm.py`` (model2vec's method: each piece through the
transformer alone, mean-pooled, PCA, SIF-weighted), stored as int8 with a per-dimension scale.
A text's vector is the mean of its pieces' vectors, L2-normalised (the pieces of its English
words as sinodesk tokenises them: lower case, light plural strip, no punctuation): dense
features that know "lawmakers" and "parliament" are related even when no training story used both.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources

import numpy as np

from .features import normalize, tokens

MAX_PIECES = 512  # the distilled model read at most this many pieces per text (as model2vec does)
MAX_CHARS = 6000  # characters read per text (as FeatureOptions.max_chars)
CACHE_WORDS = 200_000  # words whose pieces are remembered


class StaticEmbedder:
    """Word-piece tokenizer + one vector per piece; ``embed(texts)`` -> (n, dims) float32, rows L2-normalised."""

    def __init__(self, tokenizer, vectors: np.ndarray):
        self.tokenizer = tokenizer
        self.vectors = vectors
        self.dims = vectors.shape[1]
        self._pieces: dict[str, list[int]] = {}  # word -> its piece ids: words repeat, so tokenize each once

    @classmethod
    @functools.cache
    def packaged(cls) -> "StaticEmbedder":
        """The packaged model, read once per process (only its word-piece cache grows)."""
        from tokenizers import Tokenizer

        folder = resources.files("sinodesk.data").joinpath("embed")
        tok = Tokenizer.from_str(folder.joinpath("tokenizer.json").read_text(encoding="utf-8"))
        tok.no_padding()
        with folder.joinpath("minilm_static.npz").open("rb") as fh, np.load(fh) as z:
            vectors = z["vectors"].astype(np.float32) * z["scale"]
        return cls(tok, vectors)

    def piece_ids(self, toks: Sequence[str]) -> list[int]:
        """Word-piece ids of a text's first MAX_PIECES pieces, from its sinodesk tokens
        (``features.tokens``); runs of Chinese characters are skipped (the model is English)."""
        ids: list[int] = []
        cache = self._pieces
        for tok in toks:
            pieces = cache.get(tok)
            if pieces is None:
                pieces = [] if tok[0] >= "\u3400" else self.tokenizer.encode(tok, add_special_tokens=False).ids
                if len(cache) < CACHE_WORDS:
                    cache[tok] = pieces
            ids.extend(pieces)
            if len(ids) >= MAX_PIECES:
                return ids[:MAX_PIECES]
        return ids

    def embed_tokens(self, docs: Sequence[Sequence[str]]) -> np.ndarray:
        """(n, dims) float32: per text (a list of sinodesk tokens) the mean of its pieces' vectors,
        L2-normalised; a zero row when nothing is English."""
        out = np.zeros((len(docs), self.dims), dtype=np.float32)
        for i, toks in enumerate(docs):
            ids = self.piece_ids(toks)
            if ids:
                v = self.vectors.take(ids, axis=0).sum(axis=0)
                out[i] = v / np.sqrt(v @ v)
        return out

    def embed(self, texts: Sequence[str], max_chars: int = MAX_CHARS) -> np.ndarray:
        """``embed_tokens`` of raw texts (normalised and tokenised as the topic features are)."""
        return self.embed_tokens([tokens(normalize(t[:max_chars])) for t in texts])


def dense_features(texts: Sequence[str], weight: float, max_chars: int = MAX_CHARS) -> np.ndarray | None:
    """``weight`` x the packaged embedding of each text, or None when ``weight`` is 0 (no embedding)."""
    if not weight:
        return None
    return weight * StaticEmbedder.packaged().embed(texts, max_chars)
