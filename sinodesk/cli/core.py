"""Core verbs: ingest, reprocess, stories, show, search, export, rejects, label, train."""

from __future__ import annotations

import json

import click

from ..errors import NothingToDo
from .common import config_option, db_option


def _settings(db: str, config: str | None):
    from ..settings import load_settings

    return load_settings(config, db=db)


def _archive(db: str, *, create: bool = False):
    from ..archive import open_archive

    return open_archive(db, create=create)




@click.command()
@click.argument("inputs", nargs=-1)
@db_option
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def ingest(inputs, db, config, as_json):
    """Take in files, directories, feeds, OPML, JSONL, URL lists, WARC, URLs or '-' (stdin).

    Raw bytes are stored unchanged first; re-ingesting the same input adds nothing.
    Items that cannot be read are recorded (see 'sinodesk rejects') and the batch goes on.

    \b
    Example:
      sinodesk ingest digests/ feeds.opml https://example.org/feed.xml --db desk.db
    """
    from ..pipeline import Runner
    from .progress import LazyProgress

    settings = _settings(db, config)
    archive = _archive(settings.db, create=True)
    with LazyProgress("ingesting") as progress:
        summary = Runner(archive, settings, progress=progress).ingest(list(inputs))
    if as_json:
        click.echo(json.dumps({k: v for k, v in vars(summary).items() if k != "rejections"} | {"rejections": [r.reason for r in summary.rejections]}, ensure_ascii=False))
    else:
        click.echo(summary.line())
    for rej in summary.rejections[:10]:
        click.echo(f"  {rej.stage}: {rej.reason}", err=True)
    if len(summary.rejections) > 10:
        click.echo(f"  ... and {len(summary.rejections) - 10} more", err=True)
    if summary.documents == 0 and summary.unchanged == 0 and summary.new_raw == 0:
        raise NothingToDo("nothing could be ingested (see the reasons above, fix the inputs and run again)")


@click.command()
@db_option
@config_option
def reprocess(db, config):
    """Rebuild every document and story from the stored raw bytes (after an upgrade).

    \b
    Example:
      sinodesk reprocess --db desk.db
    """
    from ..pipeline import Runner
    from .progress import LazyProgress

    settings = _settings(db, config)
    archive = _archive(settings.db)
    with LazyProgress("reprocessing") as progress:
        summary = Runner(archive, settings, progress=progress).reprocess()
    click.echo("re" + summary.line())


def _fmt_row(s) -> str:
    from rich.cells import set_cell_size  # pads by display width: a Chinese character takes two cells

    return f"{s.story_id}  {(s.published or '-'):10}  {set_cell_size(s.outlet or '-', 22)}  {s.headline or '(no headline)'}"


@click.command()
@db_option
@click.option("--since", help="Only stories published on/after this ISO date, or e.g. 7d.")
@click.option("--outlet", help="Only stories from this outlet.")
@click.option("--topic", help="Only stories with this topic.")
@click.option("--event", "event_id", help="Only stories of this event.")
@click.option("--limit", type=int, help="At most this many stories.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def stories(db, since, outlet, topic, event_id, limit, as_json):
    """List stories: id, date, outlet, headline.

    \b
    Example:
      sinodesk stories --db desk.db --topic cyber --since 30d
    """
    from ..archive import StoryFilter
    from ..serialize import story_to_dict

    archive = _archive(db)
    flt = StoryFilter(since=_since(since), outlet=outlet, topic=topic, event_id=event_id, limit=limit)
    n = 0
    for s in archive.iter_stories(flt):
        n += 1
        click.echo(json.dumps(story_to_dict(s), ensure_ascii=False) if as_json else _fmt_row(s))
    if n == 0:
        click.echo("no stories match", err=True)


def _since(value: str | None) -> str | None:
    if not value:
        return None
    import datetime as dt
    import re

    m = re.fullmatch(r"(\d+)([dwmy])", value.strip())
    if m:
        days = int(m[1]) * {"d": 1, "w": 7, "m": 30, "y": 365}[m[2]]
        return (dt.date.today() - dt.timedelta(days=days)).isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        from ..errors import ConfigError

        raise ConfigError(f"--since {value!r}: expected an ISO date (2024-03-01) or a span like 7d, 4w, 6m") from None


@click.command()
@click.argument("story_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The story as JSON (export format).")
def show(story_id, db, as_json):
    """One story with its provenance: source, offsets, and every extracted fact.

    \b
    Example:
      sinodesk show 3f9a1c2b7d4e --db desk.db
    """
    from ..serialize import story_to_dict

    archive = _archive(db)
    s = archive.get_story(story_id)
    if as_json:
        click.echo(json.dumps(story_to_dict(s), ensure_ascii=False, indent=2))
        return
    doc = archive.get_document(s.doc_id)
    click.echo(click.style(s.headline or "(no headline)", bold=True) + (" [generated headline]" if s.headline_generated else ""))
    for k, v in (("story", s.story_id), ("section", s.section), ("outlet", s.outlet), ("published", s.published), ("language", s.language),
                 ("topics", ", ".join(f"{t} ({s.topic_scores.get(t, 0):.2f})" for t in s.topics) or None), ("event", s.event_id),
                 ("duplicate of", s.duplicate_of), ("url", s.url), ("source line", s.source_line)):
        if v:
            click.echo(f"{k:>12}: {v}")
    click.echo(f"{'document':>12}: {doc.doc_id} ({doc.kind}) from {doc.source}{' ' + doc.item_key if doc.item_key else ''}, characters {s.start}-{s.end}")
    click.echo("")
    click.echo(s.text)
    if s.entities or s.attributions or s.numbers or s.dates:
        click.echo("")
    for e in s.entities:
        click.echo(f"  entity      {e.start:>6}-{e.end:<6} {e.label:8} {e.text!r} -> {e.canonical}")
    for a in s.attributions:
        click.echo(f"  attribution {a.start:>6}-{a.end:<6} {a.cue or '':14} {a.text!r} -> {a.source}")
    for nm in s.numbers:
        click.echo(f"  number      {nm.start:>6}-{nm.end:<6} {nm.text!r} = {nm.value:g} {nm.unit or ''}{' (' + nm.subject + ')' if nm.subject else ''}")
    for d in s.dates:
        click.echo(f"  date        {d.start:>6}-{d.end:<6} {d.text!r} = {d.iso}")


@click.command()
@click.argument("query")
@db_option
@click.option("--limit", type=int, default=20, show_default=True, help="At most this many hits.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
def search(query, db, limit, as_json):
    """Full-text search over headlines and text, English and Chinese (any length, 网 or 网络攻击).

    Terms are AND-ed; "quotes" make a phrase; OR between terms; a trailing * is a prefix.
    Traditional and Simplified Chinese find each other.

    \b
    Example:
      sinodesk search "DeepSeek" --db desk.db
      sinodesk search 网络攻击 --db desk.db
    """
    archive = _archive(db)
    hits = archive.search(query, limit=limit)
    for h in hits:
        if as_json:
            click.echo(json.dumps({"story_id": h.story.story_id, "score": round(h.score, 4), "headline": h.story.headline, "snippet": h.snippet}, ensure_ascii=False))
        else:
            click.echo(_fmt_row(h.story))
            click.echo("    " + " ".join(h.snippet.split()))
    if not hits:
        click.echo(f"no stories match {query!r}", err=True)


@click.command()
@db_option
@click.option("--what", type=click.Choice(["stories", "incidents"]), default="stories", show_default=True, help="Stories, or cyber incident records.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "stix"]), default="jsonl", show_default=True,
              help="jsonl, csv, parquet (stories); jsonl, csv (EuRepoC columns), stix (STIX 2.1 bundle) for incidents.")
@click.option("--output", "-o", default="-", show_default=True, help="File to write ('-' for stdout).")
def export(db, what, fmt, output):
    """Write every story in the export contract (JSONL: all fields; CSV/Parquet: flat fields), or every incident.

    \b
    Example:
      sinodesk export --db desk.db --format jsonl > stories.jsonl
      sinodesk export --db desk.db --what incidents --format stix > incidents.json
    """
    archive = _archive(db)
    if what == "incidents":
        from ..export_incidents import write_incidents

        n = write_incidents(archive, fmt, output)
        click.echo(f"exported {n} incidents", err=True)
        return
    from ..export import write_export

    n = write_export(archive, fmt, output)
    click.echo(f"exported {n} stories", err=True)


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per rejection.")
def rejects(db, as_json):
    """What could not be ingested, and why.

    \b
    Example:
      sinodesk rejects --db desk.db
    """
    archive = _archive(db)
    n = 0
    for rid, rej, at in archive.iter_rejects():
        n += 1
        if as_json:
            click.echo(json.dumps({"id": rid, "at": at, "source": rej.source, "item": rej.item, "stage": rej.stage, "reason": rej.reason, "bytes": len(rej.data)}, ensure_ascii=False))
        else:
            click.echo(f"#{rid}  {at}  {rej.stage:9} {rej.reason}")
    if n == 0:
        click.echo("no rejects", err=True)


@click.command()
@click.argument("story_id")
@click.argument("labels")
@db_option
def label(story_id, labels, db):
    """Record the right topics for a story (comma-separated); 'sinodesk train topics' learns from them.

    \b
    Example:
      sinodesk label 3f9a1c2b7d4e cyber,law_regulation --db desk.db
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
@click.option("--jsonl", "extra", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Labelled JSONL ({text, headline?, language?, topics}) to train on too.")
@click.option("--reclassify/--no-reclassify", default=True, show_default=True, help="Re-run topics on every story with the new model.")
def train_topics(db, extra, reclassify):
    """Retrain the topic model from 'sinodesk label' corrections (+ labelled JSONL); used from then on.

    \b
    Example:
      sinodesk train topics --db desk.db --jsonl my_labels.jsonl
    """
    from ..topics_admin import train_from_archive

    archive = _archive(db)
    report = train_from_archive(archive, list(extra), reclassify=reclassify)
    click.echo(report)


def register(main: click.Group, eval_group: click.Group) -> None:
    for cmd in (ingest, reprocess, stories, show, search, export, rejects, label, train):
        main.add_command(cmd)
