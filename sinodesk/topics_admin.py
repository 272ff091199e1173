"""Analyst corrections for topics: record labels, retrain (with a preview), undo, re-classify (runner-side I/O).

A correction (``sinodesk label``) is the story's topics from that moment: it is written to the
story at once and survives every retraining.  ``none`` records that a story is about none of the
taxonomy's topics (a negative example for all of them).  Training saves a new model and keeps the
ones before it, so ``undo_training`` can go back; ``dry_run`` shows what would change and saves
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .archive import Archive
from .errors import BadInput, NothingToDo

PREVIEW_ROWS = 20  # changed stories listed by a dry run


def taxonomy_labels() -> tuple[str, ...]:
    from .stages import classify as cl

    return tuple(cl.taxonomy_labels())


def parse_labels(labels: str, known: tuple[str, ...]) -> tuple[str, ...]:
    """'cyber,tech_ai' -> ('cyber', 'tech_ai'); 'none' -> ('none',); unknown names are a BadInput."""
    from .stages.classify import NONE_LABEL

    labs = tuple(dict.fromkeys(x.strip() for x in labels.split(",") if x.strip()))
    if not labs:
        raise BadInput(f"labels {labels!r}: give one or more topics separated by commas, or '{NONE_LABEL}' (known: {', '.join(known)})")
    if NONE_LABEL in labs and len(labs) > 1:
        raise BadInput(f"labels {labels!r}: '{NONE_LABEL}' means no topic applies; give it alone")
    bad = [x for x in labs if x not in known and x != NONE_LABEL]
    if bad:
        raise BadInput(f"labels {labels!r}: unknown topic {bad[0]!r} (known: {', '.join(known)}, or '{NONE_LABEL}'; "
                       "extend sinodesk/data/topics.toml to add one)")
    return labs


def story_topics(labels: tuple[str, ...]) -> tuple[str, ...]:
    """The topics a story shows for a correction (``none`` shows as no topic)."""
    from .stages.classify import NONE_LABEL

    return () if labels == (NONE_LABEL,) else labels


def topics_line(story, correction: tuple[str, ...] | None, opts=None) -> str:
    """How ``show`` reports a story's topics, saying why when there are none."""
    from .stages.classify import TopicOptions, unsupported_language

    opts = opts or TopicOptions()
    if correction is not None:
        return (", ".join(story_topics(correction)) or "none") + " (your correction)"
    if story.topics:
        return ", ".join(f"{t} ({story.topic_scores.get(t, 0):.2f})" for t in story.topics)
    if unsupported_language(story.language, opts):
        return f"none (unsupported language: {story.language or 'unknown'}; the topic model reads {', '.join(opts.languages)})"
    return "none (no topic reached its threshold)"


def record_label(archive: Archive, story_id: str, labels: str) -> tuple[str, tuple[str, ...]]:
    """Store the correction and write it to the story at once; returns (story id, labels)."""
    labs = parse_labels(labels, taxonomy_labels())
    story = archive.get_story(story_id)
    archive.add_label(story.story_id, labs)
    archive.put_stories([replace(story, topics=story_topics(labs))])
    return story.story_id, labs


def _read_jsonl(path: str, known: tuple[str, ...]):
    from .stages.classify import NONE_LABEL, read_labelled_jsonl

    with open(path, encoding="utf-8") as fh:
        examples = read_labelled_jsonl(fh.read(), path)
    for n, ex in enumerate(examples, 1):
        bad = [x for x in ex.labels if x not in known and x != NONE_LABEL]
        if bad:
            raise BadInput(f"{path} example {n}: unknown topic {bad[0]!r} (known: {', '.join(known)}, or '{NONE_LABEL}')")
    return examples


@dataclass
class Retopic:
    """What re-classifying the archive with a model does: every story whose topics change."""

    total: int = 0
    changes: list[tuple[str, tuple[str, ...], tuple[str, ...], str]] = field(default_factory=list)  # (id, old, new, headline)
    updated: list = field(default_factory=list)

    def preview(self, rows: int = PREVIEW_ROWS) -> list[str]:
        out = [f"  {sid}  {','.join(old) or '-'} -> {','.join(new) or '-'}  {headline}" for sid, old, new, headline in self.changes[:rows]]
        if len(self.changes) > rows:
            out.append(f"  ... and {len(self.changes) - rows} more")
        return out


def retopic(archive: Archive, model, opts) -> Retopic:
    """Topics of every story under ``model`` (None: the packaged default); corrections win."""
    from .stages.classify import classify

    corrections = archive.labels("topics")
    out = Retopic()
    for s in archive.iter_stories():
        out.total += 1
        r = classify(s.text, s.headline, s.language, model, opts)
        topics = story_topics(corrections[s.story_id]) if s.story_id in corrections else r.labels
        if topics != s.topics:
            out.changes.append((s.story_id, s.topics, topics, s.headline or "(no headline)"))
        out.updated.append(replace(s, topics=topics, topic_scores=dict(r.scores)))
    return out


def _examples(archive: Archive, extra_jsonl: list[str]):
    from .stages.classify import LabelledExample

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
    return examples, n_corrections


def train_from_archive(archive: Archive, extra_jsonl: list[str], *, reclassify: bool = True, dry_run: bool = False, settings=None) -> str:
    """Train a topic model from the archive's corrections plus labelled JSONL; store and apply it
    (``dry_run``: only report what would change).  ``settings``: topic options, features, learner."""
    from .settings import Settings
    from .stages.classify import train_topic_model

    settings = settings or Settings()
    opts = settings.topics
    examples, n_corrections = _examples(archive, extra_jsonl)
    learner = settings.topic_learner
    if not extra_jsonl and learner == type(learner)():
        # corrections alone refine the packaged model: train with its learner (C and nb_weight as set for it), not a
        # CV choice made anew -- that swapped the learner, so one added label moved 84 of 300 stories (qa19); a JSONL
        # training set, or [topic_learner] settings of the user's own, still get the CV choice
        from .stages.classify import DEFAULT_MODEL_LEARNER

        learner = DEFAULT_MODEL_LEARNER
    model = train_topic_model(examples, features=settings.topic_features, learner=learner)
    jsonl = len(examples) - n_corrections
    what = (f"topic model {model.version} on {model.trained_on['examples']} examples ({n_corrections} corrections"
            + (f", {jsonl} from JSONL" if jsonl else "") + ", the rest shipped)")
    if dry_run:
        change = retopic(archive, model, opts)
        lines = [f"would train {what}; {len(change.changes)} of {change.total} stories would change topics", *change.preview(),
                 "nothing saved (run without --dry-run to train)"]
        return "\n".join(lines)
    archive.save_model("topics", model.version, model.to_bytes(), {"corrections": n_corrections, "examples": len(examples), "jsonl": extra_jsonl})
    if not reclassify:
        return f"trained {what}; stories not re-classified ('sinodesk train topics --undo' goes back to the previous model)"
    change = retopic(archive, model, opts)
    archive.put_stories(change.updated)
    return (f"trained {what}; {len(change.changes)} of {change.total} stories changed topics "
            "('sinodesk train topics --undo' goes back to the previous model)")


def undo_training(archive: Archive, *, opts=None) -> str:
    """Drop the latest trained model, go back to the one before (or the packaged default) and re-classify."""
    from .pipeline import load_topic_model
    from .stages.classify import TopicOptions

    dropped, now = archive.drop_active_model("topics")
    if dropped is None:
        raise NothingToDo("no trained topic model to undo (the packaged default is in use)")
    change = retopic(archive, load_topic_model(archive), opts or TopicOptions())
    archive.put_stories(change.updated)
    return (f"removed topic model {dropped}; now using {now or 'the packaged default model'}; "
            f"{len(change.changes)} of {change.total} stories changed topics")
