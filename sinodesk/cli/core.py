"""Core verbs: ingest, reprocess, stories, show, search, export, rejects (label and train: ``cli/topics.py``).

Reading verbs (stories, show, search, export, rejects) open the archive read-only."""

from __future__ import annotations

import json

import click

from ..errors import ConfigError, NothingToDo
from .common import GUESSED_DATE, config_option, db_option, filter_options, ingested_note, parse_day, story_filter, story_rows


def _settings(db: str, config: str | None):
    from ..settings import load_settings

    return load_settings(config, db=db)


def _archive(db: str, *, create: bool = False, read_only: bool = False):
    from ..archive import open_archive

    return open_archive(db, create=create, read_only=read_only)


def _since(value: str | None) -> str | None:  # kept for verbs that import it
    return parse_day(value, "--since")


@click.command()
@click.argument("inputs", nargs=-1)
@db_option
@config_option
@click.option("--outlet", help="The outlet of everything read in this run: a registry id, name or alias (a story's own 'Source:' line still wins).")
@click.option("--include", multiple=True, metavar="GLOB", help="Also take these files from directories and .zip archives (repeatable), e.g. '*.md'.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Leave these files out of directories and .zip archives (repeatable), e.g. 'drafts/*'.")
@click.option("--workers", type=click.IntRange(min=0), help="Processes that run the per-document stages (default: one per core; 0 too). The archive is the same for any number.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def ingest(inputs, db, config, outlet, include, exclude, workers, as_json):
    """Take in files, directories, feeds, OPML, JSONL, URL lists, WARC, URLs or '-' (stdin).

    Raw bytes are stored unchanged first; re-ingesting the same input adds nothing.
    Items that cannot be read are recorded (see 'sinodesk rejects') and the batch goes on.
    .gz, .bz2, .xz and .zip inputs are unpacked (sizes capped). Inside a directory or a .zip only
    files named like news are read (*.txt *.html *.htm *.xml *.rss *.atom *.rdf *.opml *.jsonl
    *.ndjson *.warc *.urls, maybe compressed), not LICENSE*, README*, COPYING*, NOTICE*...;
    --include/--exclude change that, and the summary says what was skipped.
    Exit 0 when something was ingested or all was already there; 1 when nothing could be;
    2 when no input is named.

    \b
    Example:
      sinodesk ingest digests/ feeds.opml https://example.org/feed.xml --db desk.db
      sinodesk ingest rfa_pages/ --outlet rfa --include '*.md' --db desk.db
      sinodesk ingest big.jsonl --workers 2 --db desk.db
    """
    import dataclasses

    from ..pipeline import Runner, load_outlets
    from .progress import LazyProgress

    if not inputs:  # a missing argument is a usage error (exit 2), caught before an empty archive is made
        raise click.UsageError("no inputs given (name files, directories, URLs or '-' for stdin)")
    settings = _settings(db, config)
    if include or exclude:
        ing = settings.ingest
        settings = dataclasses.replace(settings, ingest=dataclasses.replace(
            ing, include=tuple(ing.include) + include, exclude=tuple(ing.exclude) + exclude))
    outlet_name = None
    if outlet:
        o = load_outlets(settings).resolve(outlet)
        if o is None:
            raise ConfigError(f"--outlet {outlet!r}: not in the outlet registry (look it up with 'sinodesk outlets NAME'; to add "
                              "your own, write an [[outlet]] with id and name to a file listed in sinodesk.toml's outlets)")
        outlet_name = o.name
    archive = _archive(settings.db, create=True)
    with LazyProgress("ingesting") as progress:
        summary = Runner(archive, settings, progress=progress, workers=workers).ingest(list(inputs), outlet=outlet_name)
    if as_json:
        click.echo(json.dumps({k: v for k, v in vars(summary).items() if k not in ("rejections", "skipped")}
                              | {"rejections": [r.reason for r in summary.rejections], "skipped": [k.source for k in summary.skipped]},
                              ensure_ascii=False))
    else:
        click.echo(summary.line())
    for rej in summary.rejections[:10]:
        click.echo(f"  {rej.stage}: {rej.reason}", err=True)
    if len(summary.rejections) > 10:
        click.echo(f"  ... and {len(summary.rejections) - 10} more", err=True)
    if summary.failed:
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


_LIMIT = click.IntRange(min=0)


@click.command()
@db_option
@filter_options
@click.option("--event", "event_id", help="Only stories of this event.")
@click.option("--copies", is_flag=True, help="List near-duplicate copies too (by default each folds into the story it copies).")
@click.option("--limit", type=_LIMIT, help="At most this many stories (0: none).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def stories(db, event_id, copies, limit, as_json, **filters):
    """List stories, newest first (undated last): id, date, outlet, headline.

    A near-duplicate (the same story from another feed or outlet) folds into the first story
    it copies, marked '(+N copies)'; 'sinodesk show ID' lists the copies, --copies lists them here.

    \b
    Example:
      sinodesk stories --db desk.db --topic cyber --since 30d
      sinodesk stories --db desk.db --outlet rfa --until 2024-12-31
    """
    from ..serialize import story_to_dict

    archive = _archive(db, read_only=True)
    flt = story_filter(archive, event_id=event_id, limit=limit, newest_first=True, collapse_copies=not copies, **filters)
    listed = list(archive.iter_stories(flt))
    if as_json:
        for s in listed:
            click.echo(json.dumps(story_to_dict(s), ensure_ascii=False))
    else:
        counts = {} if copies else archive.copy_counts([s.story_id for s in listed])
        for row in story_rows(listed, counts):
            click.echo(row)
        ingested_note(listed)
    if not listed and limit != 0:
        click.echo("no stories match", err=True)


@click.command()
@click.argument("story_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The story as JSON (export format).")
def show(story_id, db, as_json):
    """One story with its provenance: source, offsets, every extracted fact, and its copies.

    \b
    Example:
      sinodesk show 3f9a1c2b7d4e --db desk.db
    """
    from ..serialize import story_to_dict
    from ..settings import load_settings
    from ..topics_admin import topics_line

    archive = _archive(db, read_only=True)
    s = archive.get_story(story_id)
    if as_json:
        click.echo(json.dumps(story_to_dict(s), ensure_ascii=False, indent=2))
        return
    doc = archive.get_document(s.doc_id)
    click.echo(click.style(s.headline or "(no headline)", bold=True) + (" [generated headline]" if s.headline_generated else ""))
    for k, v in (("story", s.story_id), ("section", s.section), ("outlet", s.outlet), ("published", _published_line(s)), ("language", s.language),
                 ("topics", topics_line(s, archive.labels("topics").get(s.story_id), load_settings().topics)), ("event", s.event_id),
                 ("duplicate of", s.duplicate_of), ("url", s.url), ("source line", s.source_line)):
        if v:
            click.echo(f"{k:>12}: {v}")
    click.echo(f"{'document':>12}: {doc.doc_id} ({doc.kind}) from {doc.source}{' ' + doc.item_key if doc.item_key else ''}, characters {s.start}-{s.end}")
    dups = archive.copies_of(s.story_id)
    if dups:
        click.echo(f"{'copies':>12}: {len(dups)} near-duplicate{'s' if len(dups) != 1 else ''} of this story")
        for row in story_rows(dups):
            click.echo(" " * 14 + row)
        ingested_note(dups)
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
        click.echo(f"  date        {d.start:>6}-{d.end:<6} {d.text!r} = {d.iso}{'*' if d.guessed else ''}")
    if any(d.guessed for d in s.dates):
        click.echo(f"  {GUESSED_DATE}")


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("query")
@db_option
@filter_options
@click.option("--limit", type=_LIMIT, default=20, show_default=True, help="At most this many hits (0: none).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit: id, score, date, outlet, URL, event, snippet...")
def search(query, db, limit, as_json, **filters):
    """Full-text search over headlines and text, English and Chinese (any length, 网 or 网络攻击).

    \b
    Words are AND-ed.  "quotes" make a phrase; a OR b; NOT b or -b leaves out stories with b;
    ( ) group; NEAR(a b) or NEAR(a b, 5) finds English words close together; a trailing * is
    a prefix; headline:word looks in headlines only.  Traditional and Simplified Chinese find
    each other, and so do Taiwan and mainland wording where OpenCC maps them (網路/网络, 駭客/黑客).
    A near-duplicate folds into the story it copies.  A query the index cannot take is an error
    saying why, not an empty result.

    \b
    Example:
      sinodesk search "DeepSeek -botnet" --db desk.db --since 30d
      sinodesk search 网络攻击 --db desk.db --family "PRC state"
    """
    archive = _archive(db, read_only=True)
    flt = story_filter(archive, **filters)
    hits = archive.search(query, limit=limit, flt=flt)
    if as_json:
        for h in hits:
            s = h.story
            click.echo(json.dumps({"story_id": s.story_id, "score": round(h.score, 4), "published": s.published, "outlet": s.outlet,
                                   "url": s.url, "event_id": s.event_id, "language": s.language, "topics": list(s.topics),
                                   "headline": s.headline, "snippet": h.snippet, "copies": list(h.copies)}, ensure_ascii=False))
    else:
        rows = story_rows([h.story for h in hits], {h.story.story_id: len(h.copies) for h in hits})
        for h, row in zip(hits, rows):
            click.echo(row)
            click.echo("    " + " ".join(h.snippet.split()))
        ingested_note([h.story for h in hits])
    if not hits and limit:
        near = " (NEAR finds words at most 10 apart; widen it: NEAR(a b, 30))" if "NEAR(" in query else ""
        click.echo(f"no stories match {query!r}{near}", err=True)


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
    import sys
    from pathlib import Path

    from ..export import write_export

    if output != "-":
        out = Path(output)
        if out.is_dir():
            raise ConfigError(f"export -o {output}: is a folder; give a file name, e.g. -o {out / ('stories.' + fmt)}")
        if not out.parent.is_dir():
            raise ConfigError(f"export -o {output}: folder {out.parent} does not exist (create it first or pick another path)")
    elif fmt == "parquet" and sys.stdout.isatty():
        raise ConfigError("export --format parquet: Parquet is binary; write it to a file with -o stories.parquet")
    archive = _archive(db, read_only=True)
    if what == "incidents":
        from ..export_incidents import write_incidents

        n = write_incidents(archive, fmt, output)
        click.echo(f"exported {n} incident{'' if n == 1 else 's'}", err=True)
        return
    n = write_export(archive, fmt, output)
    click.echo(f"exported {n} stor{'y' if n == 1 else 'ies'}", err=True)


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per rejection.")
def rejects(db, as_json):
    """What could not be ingested, and why (an item rejected again replaces its earlier record).

    \b
    Example:
      sinodesk rejects --db desk.db
    """
    archive = _archive(db, read_only=True)
    n = 0
    for rid, rej, at in archive.iter_rejects():
        n += 1
        if as_json:
            click.echo(json.dumps({"id": rid, "at": at, "source": rej.source, "item": rej.item, "stage": rej.stage, "reason": rej.reason, "bytes": len(rej.data)}, ensure_ascii=False))
        else:
            click.echo(f"#{rid}  {at}  {rej.stage:9} {rej.reason}")
    if n == 0:
        click.echo("no rejects", err=True)


def register(main: click.Group, eval_group: click.Group) -> None:
    for cmd in (ingest, reprocess, stories, show, search, export, rejects):
        main.add_command(cmd)


def _published_line(s) -> str | None:
    if s.published and s.published_source == "ingested":
        return f"{s.published} (the day it was ingested: no date found in the story or its source)"
    return s.published
