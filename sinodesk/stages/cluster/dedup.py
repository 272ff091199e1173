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
from dataclasses import dataclass
from urllib.parse import urlsplit

import numpy as np
from datasketch import MinHash, MinHashLSH

from ...records import pickled_by_fields

_SCHEME = "affine32"
_HOST_PREFIX = re.compile(r"^(www\d?|m|mobile|amp)\.")
_TOKEN = re.compile(r"[\u3400-\u9fff]|[^\W_]+", re.UNICODE)


@functools.lru_cache(maxsize=8192)  # a batch's addresses are normalised twice: looked up ahead (online._prefetch), then checked
def normalise_url(url: str | None) -> str | None:
    """A canonical form of ``url`` for identity checks; None for empty or non-http input.

    courlan's normalisation (lower-case host, tracking parameters dropped, query sorted), then what
    identity needs on top and courlan leaves alone: the scheme, the fragment and a
    ``www.``/``m.``/``amp.`` host prefix (a mobile and a desktop copy are one article) and a
    trailing slash are ignored.  Not courlan's strict mode: it keeps only the query parameters of
    its short list (``id``, ``page`` ...), so every page a site addresses by another parameter
    (``fullpage.html?res=...``, ``duboard.php?address=...``, ``?newsid=...``) became one URL, and
    each new article there a "copy" of the first (ECB+: New York Times reports of an earthquake
    and a basketball coach, two forum posts on a quake and a mob boss).

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
        parts = urlsplit(normalize_url(url.strip()))
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


_MAX_WORDS = 600  # copies are recognised from their first 600 words


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int):
    return MinHash(num_perm=num_perm, seed=7, scheme=_SCHEME).permutations


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class CopyKey:
    """What near-duplicate detection reads from a story alone: the digest of its word sequence (None
    when it has no words) and, when it is long enough to compare by MinHash, its signature."""

    digest: str | None
    signature: np.ndarray | None = None


def copy_key(headline: str | None, text: str, *, min_words: int, shingle_words: int, num_perm: int) -> CopyKey:
    """A story's :class:`CopyKey` (the same wherever it is computed)."""
    words = word_sequence(text) if text and text.strip() else word_sequence(headline or "")
    if not words:
        return CopyKey(None)
    if len(words) < min_words and text and text.strip():
        # a short body ("Continue reading...", "Read more") copies another only with its headline
        words = word_sequence(headline or "") + words
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=12).hexdigest()
    if len(words) < min_words:
        return CopyKey(digest)
    m = MinHash(num_perm=num_perm, permutations=_permutations(num_perm), scheme=_SCHEME, hashfunc=zlib.crc32)
    m.update_batch(shingles(words[:_MAX_WORDS], shingle_words))
    return CopyKey(digest, m.hashvalues)


@functools.lru_cache(maxsize=8)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's optimal (bands, rows), computed once per process: its search integrates
    numerically (~0.1 s), which otherwise runs every time an index is built or loaded."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


class BandIndex:
    """MinHash LSH buckets in 12 bytes per band per story: each band of ``rows`` values is hashed to
    one 64-bit key (the band's number mixed in), kept with its signature row in sorted numpy arrays
    and found with ``searchsorted``; recent inserts wait in a small dict until the next merge.

    datasketch's ``MinHashLSH`` answers the same (a story whose band equals an earlier story's band
    is a candidate; two different bands hash to one key with odds of about 2^-64, and candidates are
    verified anyway) but holds about 4.4 KB of Python objects per story (9 bands of 13 rows at
    128 permutations): 4.4 GB at a million stories.  This holds 108 bytes per story."""

    __slots__ = ("bands", "rows", "keys", "where", "pending", "merge_at")

    def __init__(self, bands: int, rows: int, merge_at: int = 32768):
        self.bands, self.rows = bands, rows
        self.keys = np.zeros(0, dtype=np.uint64)  # sorted
        self.where = np.zeros(0, dtype=np.uint32)  # the signature row of each key
        self.pending: dict[int, list[int]] = {}
        self.merge_at = merge_at

    def band_keys(self, hashvalues: np.ndarray) -> np.ndarray:
        """One uint64 key per band (a multiply-add hash of its values, different per band)."""
        h = np.asarray(hashvalues, dtype=np.uint64)[: self.bands * self.rows].reshape(self.bands, self.rows)
        return (h * _MIX[: self.rows]).sum(axis=1, dtype=np.uint64) ^ _BAND[: self.bands]

    def __len__(self) -> int:
        return len(self.keys) + sum(len(v) for v in self.pending.values())

    def query(self, keys: np.ndarray) -> set[int]:
        """Signature rows sharing at least one band key with ``keys``."""
        out: set[int] = set()
        if len(self.keys):
            lo = np.searchsorted(self.keys, keys, "left")
            hi = np.searchsorted(self.keys, keys, "right")
            for a, b in zip(lo.tolist(), hi.tolist()):
                if b > a:
                    out.update(self.where[a:b].tolist())
        for k in keys.tolist():
            out.update(self.pending.get(k, ()))
        return out

    def insert(self, keys: np.ndarray, row: int) -> None:
        for k in keys.tolist():
            self.pending.setdefault(k, []).append(row)
        if len(self.pending) >= self.merge_at:
            self.merge()

    def merge(self) -> None:
        """Fold the pending keys into the sorted arrays."""
        if not self.pending:
            return
        keys = np.fromiter((k for k, rows in self.pending.items() for _ in rows), dtype=np.uint64)
        where = np.fromiter((r for rows in self.pending.values() for r in rows), dtype=np.uint32)
        self.pending = {}
        self.add_sorted(keys, where)

    def add_sorted(self, keys: np.ndarray, where: np.ndarray) -> None:
        """Merge ``keys`` (any order) and their rows into the sorted arrays."""
        order = np.argsort(keys, kind="stable")
        keys, where = keys[order], where[order]
        at = np.searchsorted(self.keys, keys, "right")
        self.keys = np.insert(self.keys, at, keys)
        self.where = np.insert(self.where, at, where)

    def between(self, first: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """The (keys, rows) of signature rows ``first <= row < stop`` (pending ones merged first)."""
        self.merge()
        mask = (self.where >= first) & (self.where < stop)
        return self.keys[mask], self.where[mask]


_MIX = np.random.default_rng(20261206).integers(1, 2**63, size=64, dtype=np.uint64) | np.uint64(1)
_BAND = np.random.default_rng(6).integers(0, 2**63, size=64, dtype=np.uint64)


class DuplicateIndex:
    """Remembers stories already seen and answers 'is this one a copy, and of which?'.

    Signatures are numbered rows.  Kept in memory, every row stays here; kept in an archive
    (:meth:`attach`), only rows not yet written do, and an earlier row is read back through
    ``fetch`` when a band of a new story matches it (a few stories in ten, not every story)."""

    def __init__(self, *, threshold: float, num_perm: int, shingle_words: int, min_words: int):
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.min_words = min_words
        # LSH at a slightly lower threshold than the decision, then verify the estimate.
        self.bands = BandIndex(*_lsh_params(max(0.3, threshold - 0.1), num_perm))
        self.urls: dict[str, str] = {}
        self.exact: dict[str, str] = {}
        self.n_rows = 0  # signature rows so far
        self.first_held = 0  # rows before this one are not held here (see fetch)
        self.held: list[tuple[str, np.ndarray]] = []  # (story id, signature) of rows first_held...
        self.fetch = None  # rows -> {row: (story id, signature)} for rows not held (an archive's)
        self.bands_saved = 0  # rows whose band keys an archive holds (see persist._save_bands)

    def check_add(self, story_id: str, url: str | None, headline: str | None, text: str,
                  key: CopyKey | None = None) -> str | None:
        """Record the story; return the id of the earlier story it copies, or None.  ``key``: the
        story's :func:`copy_key` when it was worked out already (in a worker)."""
        nurl = normalise_url(url)
        if nurl is not None:
            first = self.urls.setdefault(nurl, story_id)
            if first != story_id:
                return first
        if key is None:
            key = copy_key(headline, text, min_words=self.min_words, shingle_words=self.shingle_words, num_perm=self.num_perm)
        if key.digest is None:
            return None
        first = self.exact.setdefault(key.digest, story_id)
        if first != story_id:
            return first
        if key.signature is None:
            return None
        hv = key.signature
        keys = self.bands.band_keys(hv)
        best, best_row, best_j = None, -1, self.threshold
        for row, (sid, sig) in sorted(self._rows(self.bands.query(keys)).items()):  # the earliest wins a tie
            j = float(np.mean(sig == hv))
            if j > best_j or (j == best_j and best is None):
                best, best_row, best_j = sid, row, j
        self._insert(story_id, hv, keys)
        return best

    def _rows(self, rows: set[int]) -> dict[int, tuple[str, np.ndarray]]:
        out = {r: self.held[r - self.first_held] for r in rows if r >= self.first_held}
        old = [r for r in rows if r < self.first_held]
        if old:
            out.update(self.fetch(old))
        return out

    def _insert(self, story_id: str, hashvalues: np.ndarray, keys: np.ndarray | None = None) -> None:
        hv = np.asarray(hashvalues, dtype=np.uint64)
        self.bands.insert(self.bands.band_keys(hv) if keys is None else keys, self.n_rows)
        self.held.append((story_id, hv))
        self.n_rows += 1

    def written(self) -> list[tuple[int, str, np.ndarray]]:
        """The rows held since the last call (row, story id, signature), which the caller has now
        stored: they leave memory and are read back through ``fetch`` when needed."""
        out = [(self.first_held + i, sid, sig) for i, (sid, sig) in enumerate(self.held)]
        self.first_held, self.held = self.n_rows, []
        return out

    def state(self) -> tuple[dict, np.ndarray]:
        """JSON-ready dict plus the signature matrix (rows follow ``keys``) of an index in memory."""
        if self.first_held:
            raise ValueError("state() is for a duplicate index held in memory; this one is kept in a store")
        sigs = np.vstack([s for _, s in self.held]) if self.held else np.zeros((0, self.num_perm), dtype=np.uint64)
        return {"urls": self.urls, "exact": self.exact, "keys": [k for k, _ in self.held]}, sigs

    @classmethod
    def from_state(cls, d: dict, sigs: np.ndarray, **kw) -> "DuplicateIndex":
        idx = cls(**kw)
        idx.urls = dict(d["urls"])
        idx.exact = dict(d["exact"])
        idx.check_perm(sigs)
        for key, row in zip(d["keys"], sigs):
            idx._insert(key, row)
        return idx

    def check_perm(self, sigs: np.ndarray) -> None:
        if sigs.ndim == 2 and sigs.shape[0] and sigs.shape[1] != self.num_perm:
            from ...errors import ConfigError

            raise ConfigError(
                f"stored duplicate index has {sigs.shape[1]} MinHash permutations but dup_num_perm is "
                f"{self.num_perm}: set dup_num_perm back to {sigs.shape[1]} or rebuild the event state"
            )
