"""Refit the learned merge decision (``merge_model.json``) on training splits only (``--fit-model PATH``).

The training stories are ingested first (default settings, a fresh archive), so the pair features are
made from exactly what the product gives the linker (language, entities, numbers, dates).  Then a
teacher-forced replay: each story, in the order the runner links, is compared with the candidate
events the index retrieves (label 1 when the candidate is its gold event) and joins its gold event,
so the events later stories see are clean.  Each model's probability cut is chosen by B-cubed F1 of
the whole stream, through ingest, on the same training data.  The result is written to the path given:
never into the installed package (copy it over ``sinodesk/stages/cluster/merge_model.json`` by hand,
or point ``[events] model_path`` at it).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ...errors import BadInput
from ...pipeline import link_item_for
from ...serialize import story_from_dict
from ...stages.cluster import EventLinker, EventOptions
from .run import link
from .sets import EvalItem
from .tuning import training_f1, training_runs

CUTS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def pair_examples(items: Sequence[EvalItem], opts: EventOptions) -> tuple[list[list[float]], list[int]]:
    """Teacher-forced pair features and labels of a training stream (see the module docstring)."""
    linked = link(items, opts)
    stories = [(story_from_dict(ss[0]), it.gold) for it, ss in zip(items, linked.stories) if ss]
    stories.sort(key=lambda sg: sg[0].published or "9999")  # the runner's linking order
    lk = EventLinker(replace(opts, decision="score", decision_short="score"))
    gold_event: dict[str, object] = {}
    x: list[list[float]] = []
    y: list[int] = []
    for story, gold in stories:
        item = link_item_for(story, lambda outlet: None)
        feats = lk.features(item)
        target = gold_event.get(gold)
        for ev in lk.candidates(feats):
            x.append(lk.pair(feats, ev))
            y.append(int(ev is target))
        if target is None:
            target = gold_event[gold] = lk._new_event(item.story_id)
        lk._join(target, feats, item.story_id)
    return x, y


def fit_merge_models(root, opts: EventOptions, *, out: Path | str | None, cuts: Sequence[float] = CUTS) -> dict:
    """Fit 'full' on ECB+ topics 1-35 and 'short' on the first 45% of UCI; choose each cut by training
    B-cubed F1 through ingest; write the model JSON to ``out`` (required) and return it."""
    from ...stages.cluster.decision import FEATURES, fit_logistic, load_models

    if out is None:
        raise BadInput("eval events --fit-model: give the file to write the refitted model to "
                       "(the installed package is never written)")
    path = Path(out)
    ecb, uci = training_runs(root, "ecbplus"), training_runs(root, "uci")
    x, y = [], []
    for run in ecb:
        xi, yi = pair_examples(run, opts)
        x += xi
        y += yi
    xs, ys = pair_examples(uci[0], opts)
    doc = {
        "comment": "Learned merge decision of sinodesk.stages.cluster (see decision.py). 'full': fitted on ECB+ "
                   "topics 1-35 only (CC BY 3.0); 'short' (headline-only stories): fitted on the first 45% of "
                   "the UCI news aggregator sample only (CC BY 4.0), both as ingested with default settings. "
                   "Test splits never read. Refit: sinodesk eval events --fit-model PATH",
        "features": list(FEATURES),
        "n_pairs": {"full": len(y), "full_positive": sum(y), "short": len(ys), "short_positive": sum(ys)},
        "models": {"full": fit_logistic(x, y).to_json(), "short": fit_logistic(xs, ys).to_json()},
    }
    tried = {}
    for kind, key, runs in (("full", "merge_prob", ecb), ("short", "merge_prob_short", uci)):
        best = (-1.0, 0.5)
        for cut in cuts:
            path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
            load_models.cache_clear()
            learned = {"decision": "learned"} if kind == "full" else {"decision_short": "learned"}
            o = replace(opts, model_path=str(path), **learned, **{key: cut})
            f = training_f1(runs, o)
            tried[f"{kind} {cut}"] = round(f, 4)
            best = max(best, (f, cut))
        doc["models"][kind]["threshold"] = best[1]
        doc["train_f1"] = {**doc.get("train_f1", {}), kind: round(best[0], 4)}
    path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    load_models.cache_clear()
    doc["grid"] = tried
    return doc
