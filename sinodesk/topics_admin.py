"""Analyst corrections for topics: record labels, retrain, re-classify (runner-side I/O)."""

from __future__ import annotations

from dataclasses import replace

from .archive import Archive
from .errors import BadInput, NothingToDo


def taxonomy_labels() -> tuple[str, ...]:
    from .stages import classify as cl

    return tuple(cl.taxonomy_labels())


def record_label(archive: Archive, story_id: str, labels: str) -> tuple[str, tuple[str, ...]]:
    known = taxonomy_labels()
    labs = tuple(dict.fromkeys(x.strip() for x in labels.split(",") if x.strip()))
    if not labs:
        raise BadInput(f"labels {labels!r}: give one or more topics separated by commas (known: {', '.join(known)})")
    bad = [x for x in labs if x not in known]
    if bad:
        raise BadInput(f"labels {labels!r}: unknown topic {bad[0]!r} (known: {', '.join(known)}; extend sinodesk/data/topics.toml to add one)")
    story = archive.get_story(story_id)
    archive.add_label(story.story_id, labs)
    return story.story_id, labs


def _read_jsonl(path: str, known: tuple[str, ...]):
    from .stages.classify import read_labelled_jsonl

    with open(path, encoding="utf-8") as fh:
        examples = read_labelled_jsonl(fh.read(), path)
    for n, ex in enumerate(examples, 1):
        bad = [x for x in ex.labels if x not in known]
        if bad:
            raise BadInput(f"{path} example {n}: unknown topic {bad[0]!r} (known: {', '.join(known)})")
    return examples


def train_from_archive(archive: Archive, extra_jsonl: list[str], *, reclassify: bool = True) -> str:
    """Train a topic model from the archive's corrections plus labelled JSONL; store and apply it."""
    from .stages.classify import LabelledExample, TopicOptions, classify, train_topic_model

    known = taxonomy_labels()
    examples = []
    for sid, labs in archive.labels("topics").items():
        s = archive.get_story(sid)
        examples.append(LabelledExample(text=s.text, headline=s.headline, language=s.language, labels=labs))
    n_corrections = len(examples)
    for path in extra_jsonl:
        examples.extend(_read_jsonl(path, known))
    if not examples:
        raise NothingToDo("no corrections to train on (record some with 'sinodesk label STORY_ID topic,...' or pass --jsonl FILE)")
    model = train_topic_model(examples)
    archive.save_model("topics", model.version, model.to_bytes(), {"corrections": n_corrections, "examples": len(examples), "jsonl": extra_jsonl})
    changed = 0
    if reclassify:
        opts = TopicOptions()
        updated = []
        for s in archive.iter_stories():
            r = classify(s.text, s.headline, s.language, model, opts)
            if r.labels != s.topics:
                changed += 1
            updated.append(replace(s, topics=r.labels, topic_scores=dict(r.scores)))
        archive.put_stories(updated)
    return f"trained topic model {model.version} on {len(examples)} examples ({n_corrections} corrections); {changed} stories changed topics"
