"""Near-duplicate detection: normalised-URL identity, exact text identity, then MinHash LSH.

A story is a *copy* of an earlier one when

1. its normalised URL is the same (courlan's normalisation; ``www.``/``m.``, scheme, fragment,
   tracking parameters and trailing slash ignored), or
2. its normalised word sequence is the same (a syndicated copy, whatever its URL), or
3. the Jaccard similarity of its word 5-gram shingles with an earlier story, estimated by
   MinHash and retrieved through datasketch's LSH index, reaches ``dup_threshold``
   (light rewrites: a changed headline, a trimmed last paragraph, a different byline).

The index keeps signatures as a numpy array so :meth:`DuplicateIndex.state` can be stored
without pickling and rebuilt by :meth:`DuplicateIndex.from_state`.
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from urllib.parse import urlsplit

import numpy as np
from datasketch import MinHash, MinHashLSH

_SCHEME = "affine32"
_HOST_PREFIX = re.compile(r"^(www\d?|m|mobile|amp)\.")
_TOKEN = re.compile(r"[\u3400-\u9fff]|[^\W_]+", re.UNICODE)


def normalise_url(url: str | None) -> str | None:
    """A canonical form of ``url`` for identity checks; None for empty or non-http input.

    courlan's strict normalisation (lower-case host, no fragment, tracking parameters dropped,
    query sorted), then what identity needs on top and courlan leaves alone: the scheme and a
    ``www.``/``m.``/``amp.`` host prefix (a mobile and a desktop copy are one article) and a
    trailing slash are ignored.

    >>> normalise_url("HTTPS://www.Example.com/a/b/?utm_source=x&id=3#top")
    'example.com/a/b?id=3'
    """
    from courlan import normalize_url

    if not url or not url.strip():
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    if scheme and scheme not in ("http", "https"):
        return None
    try:
        parts = urlsplit(normalize_url(url.strip(), strict=True))
    except ValueError:
        return None
    host = _HOST_PREFIX.sub("", (parts.hostname or "").lower())
    if not host:
        return None
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/")
    return host + path + (f"?{parts.query}" if parts.query else "")


def word_sequence(text: str) -> list[str]:
    """Lower-cased words (each CJK character counts as a word), punctuation dropped."""
    return _TOKEN.findall(text.lower())


def shingles(words: list[str], k: int) -> set[bytes]:
    if len(words) <= k:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


@functools.lru_cache(maxsize=8)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's optimal (bands, rows), computed once per process: its search integrates
    numerically (~0.1 s), which otherwise runs every time an index is built or loaded."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


class DuplicateIndex:
    """Remembers stories already seen and answers 'is this one a copy, and of which?'."""

    def __init__(self, *, threshold: float, num_perm: int, shingle_words: int, min_words: int):
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.min_words = min_words
        self.max_words = 600  # copies are recognised from their first 600 words
        self._perm = MinHash(num_perm=num_perm, seed=7, scheme=_SCHEME).permutations
        # LSH at a slightly lower threshold than the decision, then verify the estimate.
        self._lsh = MinHashLSH(threshold=max(0.3, threshold - 0.1), num_perm=num_perm, params=_lsh_params(max(0.3, threshold - 0.1), num_perm))
        self.urls: dict[str, str] = {}
        self.exact: dict[str, str] = {}
        self.keys: list[str] = []
        self._sigs: list[np.ndarray] = []
        self._row: dict[str, int] = {}

    def signature(self, words: list[str]) -> MinHash:
        m = MinHash(num_perm=self.num_perm, permutations=self._perm, scheme=_SCHEME, hashfunc=zlib.crc32)
        m.update_batch(shingles(words[: self.max_words], self.shingle_words))
        return m

    def check_add(self, story_id: str, url: str | None, headline: str | None, text: str) -> str | None:
        """Record the story; return the id of the earlier story it copies, or None."""
        nurl = normalise_url(url)
        if nurl is not None:
            first = self.urls.setdefault(nurl, story_id)
            if first != story_id:
                return first
        words = word_sequence(text) if text and text.strip() else word_sequence(headline or "")
        if not words:
            return None
        if len(words) < self.min_words and text and text.strip():
            # a short body ("Continue reading...", "Read more") copies another only with its headline
            words = word_sequence(headline or "") + words
        digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=12).hexdigest()
        first = self.exact.setdefault(digest, story_id)
        if first != story_id:
            return first
        if len(words) < self.min_words:
            return None
        m = self.signature(words)
        best, best_j = None, self.threshold
        for key in self._lsh.query(m):
            j = float(np.mean(self._sigs[self._row[key]] == m.hashvalues))
            if j >= best_j and (best is None or j > best_j or self._row[key] < self._row[best]):
                best, best_j = key, j
        self._insert(story_id, m.hashvalues)
        return best

    def _insert(self, story_id: str, hashvalues: np.ndarray) -> None:
        if story_id in self._row:
            return
        self._row[story_id] = len(self.keys)
        self.keys.append(story_id)
        self._sigs.append(np.asarray(hashvalues, dtype=np.uint64))
        m = MinHash(num_perm=self.num_perm, hashvalues=hashvalues, permutations=self._perm, scheme=_SCHEME,
                    hashfunc=zlib.crc32)
        self._lsh.insert(story_id, m, check_duplication=False)

    def state(self) -> tuple[dict, np.ndarray]:
        """JSON-ready dict plus the signature matrix (rows follow ``keys``)."""
        sigs = np.vstack(self._sigs) if self._sigs else np.zeros((0, self.num_perm), dtype=np.uint64)
        return {"urls": self.urls, "exact": self.exact, "keys": self.keys}, sigs

    @classmethod
    def from_state(cls, d: dict, sigs: np.ndarray, **kw) -> "DuplicateIndex":
        idx = cls(**kw)
        idx.urls = dict(d["urls"])
        idx.exact = dict(d["exact"])
        if sigs.shape[0] and sigs.shape[1] != idx.num_perm:
            from ...errors import ConfigError

            raise ConfigError(
                f"stored duplicate index has {sigs.shape[1]} MinHash permutations but dup_num_perm is "
                f"{idx.num_perm}: set dup_num_perm back to {sigs.shape[1]} or rebuild the event state"
            )
        for key, row in zip(d["keys"], sigs):
            idx._insert(key, row)
        return idx
