"""Topic verbs: ``sinodesk topics`` (classify a text), ``label``, ``train topics`` and ``sinodesk eval topics``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import config_option, db_option, default_shared, read_text_input
from ..errors import BadInput

SETS = ("gold", "crosslang", "thucnews", "ag", "bbc", "reuters")


def _archive(db: str):
    from ..archive import open_archive

    return open_archive(db, create=False)


def _read_text(path: str) -> str:
    return read_text_input(path, "a text file")[0]


@click.command("topics")
@click.argument("path")
@click.option("--headline", default=None, help="The story's headline, if it is not the first line of the text.")
@click.option("--model", "model_path", type=click.Path(dir_okay=False), default=None, help="A saved topic model file (TopicModel.to_bytes); default: the packaged model.")
@click.option("--threshold", type=float, default=None, help="Assign topics scoring at least this (default from TopicOptions).")
@click.option("--language", default=None, help="The story's language (ISO 639-1); default: detected as ingest does.")
@click.option("--json", "as_json", is_flag=True, help="Print labels, every score, the language and the model version as JSON.")
@config_option
def topics_cmd(path, headline, model_path, threshold, language, as_json, config):
    """Classify one story (a text file or '-' for stdin) into topics and show the scores.

    \b
    Example:
      sinodesk topics story.txt --headline "Ministry email servers breached" --json
    """
    from dataclasses import replace

    from ..settings import load_settings
    from ..stages.classify import TopicModel, classify, unsupported_language
    from ..stages.language import LanguageDetector, detect_language

    settings = load_settings(config)
    text = _read_text(path)
    if not text.strip():
        raise BadInput(f"{path}: the text is empty; give a story to classify")
    model = None
    if model_path:
        p = Path(model_path)
        if not p.is_file():
            raise BadInput(f"{model_path}: no such model file; save one with TopicModel.to_bytes() or omit --model")
        model = TopicModel.from_bytes(p.read_bytes())
    opts = settings.topics if threshold is None else replace(settings.topics, threshold=threshold)
    language = language or detect_language((headline or "") + "\n" + text, LanguageDetector(settings.ingest.languages, settings.ingest.language_models))
    result = classify(text, headline, language, model, opts)
    unsupported = unsupported_language(language, opts)
    if as_json:
        click.echo(json.dumps({"topics": list(result.labels), "scores": result.scores, "language": language,
                               "unsupported_language": unsupported, "model_version": result.model_version}, ensure_ascii=False))
        return
    if unsupported:
        click.echo(f"none (unsupported language: {language or 'unknown'}; the topic model reads {', '.join(opts.languages)})")
    else:
        click.echo(", ".join(result.labels) or "none (no topic reached its threshold)")
    for label, score in sorted(result.scores.items(), key=lambda kv: -kv[1]):
        click.echo(f"  {label:22} {score:.3f}")
    click.echo(f"model {result.model_version}", err=True)


def _fmt(report: dict) -> str:
    name = report["set"]
    if name == "gold":
        langs = ", ".join(f"{k} {v['macro_f1']:.3f} (n={v['n']})" for k, v in report["by_language"].items())
        where = "through ingest" if report.get("path") == "ingest" else "old harness"
        unmatched = f"  unmatched {len(report['unmatched'])}" if report.get("unmatched") else ""
        parts = "".join(f"\n  {name:16} macro-F1 {v['macro_f1']:.3f}  micro-F1 {v['micro_f1']:.3f}  topics/story {v['cardinality_pred']:.2f} "
                        f"(gold {v['cardinality_gold']:.2f})  n={v['n']}" for name, v in report.get("by_part", {}).items())
        return (f"gold      ({where}) macro-F1 {report['macro_f1']:.3f}  micro-F1 {report['micro_f1']:.3f}  exact {report['exact_match']:.3f}  "
                f"topics/story {report['cardinality_pred']:.2f} (gold {report['cardinality_gold']:.2f})  n={report['n']}{unmatched}  [{langs}]{parts}")
    if name == "crosslang":
        return (f"crosslang {report['pairs']} EN/ZH pairs: same event ranked first {report['top1']:.3f} (chance {report['chance_top1']:.3f}), "
                f"MRR {report['mrr']:.3f}, beats the same-topic event {report['beats_same_topic']:.3f}; cosine same event "
                f"mean {report['cos_same_event_mean']:.2f} min {report['cos_same_event_min']:.2f}, other pairs mean "
                f"{report['cos_other_mean']:.2f} max {report['cos_other_max']:.2f}")
    extra = ""
    if name == "reuters":
        extra = (f"  (macro-F1 ours {report['ours_macro_f1']:.3f}, peer {report['peer_macro_f1']:.3f}; "
                 f"labels/story ours {report['ours_cardinality']:.2f}, gold {report['gold_cardinality']:.2f}; "
                 f"ours with [topics] min_topics = 1: {report['ours_min_topics_1']:.3f})")
    if "folds" in report:
        extra += f"  folds {report['folds']}/{report['of_folds']}"
    chosen = report.get("chosen_per_fold") or [report.get("chosen") or {}]
    if chosen and chosen[0]:
        extra += "  C/nb_weight " + ", ".join(f"{c['C']:g}/{c['nb_weight']:g}" for c in chosen)
        extra += "  pieces " + ", ".join(str(c.get("pieces")) for c in chosen)
        extra += "  word bigrams " + ", ".join({True: "on", False: "off"}.get(c.get("word_bigrams"), str(c.get("word_bigrams"))) for c in chosen)
    # the trainable path's scores: the labels ingest gives with the model saved in the archive
    # (tests/test_topics_eval.py::test_trainable_path_gives_the_labels_ingest_gives)
    return (f"{name:9} {report['metric']} ours {report['ours']:.3f}  peer {report['peer']:.3f}  "
            f"(train {report['seconds_ours']:.1f}s vs {report['seconds_peer']:.1f}s; trainable path = ingest's labels, tested){extra}")


@click.command("topics")
@click.option("--set", "sets", multiple=True, type=click.Choice(SETS + ("all",)), default=("gold",), show_default=True,
              help="Which labelled set(s) to measure; repeat the option or use 'all'.")
@click.option("--gold", "gold_path", default=None, help="The hand-labelled gold set (JSONL; default: the packaged sinodesk/eval/gold/topics/gold.jsonl).")
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None,
              help="The shared folder with seeds/ and eval/ (default: $SINODESK_SHARED, else ../shared beside the working directory).")
@click.option("--seeds", "seeds_dir", default=None, help="Folder of seed digests that gold rows refer to (default: DATA/seeds).")
@click.option("--eval-dir", default=None, help="Folder of public eval sets (default: DATA/eval).")
@click.option("--folds", type=int, default=5, show_default=True, help="Folds for AG News and BBC.")
@click.option("--max-folds", type=int, default=None, help="Run only this many of the folds (quicker).")
@click.option("--errors", "show_errors", is_flag=True, help="List the gold stories whose topics differ from the gold labels.")
@click.option("--json", "as_json", is_flag=True, help="Print each report as one JSON line.")
@config_option
def eval_topics(sets, gold_path, data_dir, seeds_dir, eval_dir, folds, max_folds, show_errors, as_json, config):
    """Measure topic classification: gold macro-F1 and the trainable path vs a TF-IDF+LinearSVC peer.

    \b
    Example:
      sinodesk eval topics --set gold --set thucnews
      sinodesk eval topics --set all --json --data ../shared
      sinodesk eval topics --set thucnews --config settings/topics-zh-headlines.toml
    """
    from ..eval import topics as ev
    from ..settings import load_settings

    settings = load_settings(config)
    shared = Path(data_dir) if data_dir else default_shared()
    eval_dir = Path(eval_dir) if eval_dir else shared / "eval"
    seeds = Path(seeds_dir) if seeds_dir else shared / "seeds"
    gold_path = gold_path or ev.default_gold()
    train = {"features": settings.topic_features, "learner": settings.topic_learner}
    chosen = SETS if "all" in sets else tuple(dict.fromkeys(sets))
    reports = []
    for name in chosen:
        if name == "gold":
            reports.append(ev.eval_gold_ingest(gold_path, seeds) | {"set": "gold"})
            reports.append(ev.eval_gold(ev.load_gold(gold_path, seeds)) | {"set": "gold", "path": "old harness"})
        elif name == "crosslang":
            reports.append(ev.eval_crosslang())
        elif name == "thucnews":
            reports.append(ev.eval_thucnews(eval_dir, **train))
        elif name == "ag":
            reports.append(ev.eval_ag_news(eval_dir, folds=folds, max_folds=max_folds, **train))
        elif name == "bbc":
            reports.append(ev.eval_bbc(eval_dir, folds=folds, max_folds=max_folds, **train))
        else:
            reports.append(ev.eval_reuters(eval_dir, **train))
        for report in reports:
            if as_json:
                click.echo(json.dumps({k: v for k, v in report.items() if k != "errors" or show_errors}, ensure_ascii=False))
                continue
            click.echo(_fmt(report))
            if report["set"] == "gold" and show_errors and report.get("path") == "ingest":
                for err in report["errors"]:
                    click.echo(f"  {err['story']!r}: gold {','.join(err['gold'])}  got {','.join(err['pred'])}")
        reports.clear()


@click.command()
@click.argument("story_id")
@click.argument("labels")
@db_option
def label(story_id, labels, db):
    """Record the right topics for a story (comma-separated, or 'none' when no topic applies).

    The story shows them at once ('sinodesk show'); 'sinodesk train topics' learns from them.

    \b
    Example:
      sinodesk label 3f9a1c2b7d4e cyber,law_regulation --db desk.db
      sinodesk label 9d01e2f3a4b5 none --db desk.db
    """
    from ..topics_admin import record_label

    archive = _archive(db)
    story_id, labs = record_label(archive, story_id, labels)
    click.echo(f"labelled {story_id}: {', '.join(labs)}")


@click.group()
def train():
    """Retrain a model from your corrections.

    \b
    Example:
      sinodesk train topics --db desk.db
    """


@train.command("topics")
@db_option
@config_option
@click.option("--jsonl", "extra", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Labelled JSONL ({text, headline?, language?, topics}) to train on too.")
@click.option("--reclassify/--no-reclassify", default=True, show_default=True, help="Re-run topics on every story with the new model.")
@click.option("--dry-run", is_flag=True, help="Train and show which stories would change topics; save nothing.")
@click.option("--undo", is_flag=True, help="Remove the latest trained model and go back to the one before (or the packaged default).")
def train_topics(db, config, extra, reclassify, dry_run, undo):
    """Retrain the topic model from 'sinodesk label' corrections (+ labelled JSONL); used from then on.

    Earlier models are kept: '--undo' goes back one step.

    \b
    Example:
      sinodesk train topics --db desk.db --dry-run
      sinodesk train topics --db desk.db --jsonl my_labels.jsonl
      sinodesk train topics --db desk.db --undo
    """
    from ..settings import load_settings
    from ..topics_admin import train_from_archive, undo_training

    if undo and (dry_run or extra):
        raise click.UsageError("--undo takes no --dry-run or --jsonl")
    settings = load_settings(config, db=db)
    archive = _archive(db)
    if undo:
        click.echo(undo_training(archive, opts=settings.topics))
        return
    click.echo(train_from_archive(archive, list(extra), reclassify=reclassify, dry_run=dry_run, settings=settings))


def register(main: click.Group, eval_group: click.Group) -> None:
    main.add_command(topics_cmd)
    main.add_command(label)
    main.add_command(train)
    eval_group.add_command(eval_topics)
