"""Briefing verbs: brief (cited, sectioned digest of a window) and trends (stories per day, spikes)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .common import config_option, db_option


def _check_output(output: str) -> None:
    """Refuse an unusable -o before any work is done (and before a briefing is stored)."""
    from ..errors import ConfigError

    if output == "-":
        return
    p = Path(output)
    if p.is_dir():
        raise ConfigError(f"-o {output}: is a directory (give a file name, e.g. {p / 'briefing.html'})")
    if not p.parent.is_dir():
        raise ConfigError(f"-o {output}: the folder {p.parent} does not exist (create it or write elsewhere)")


def _write(text: str, output: str) -> None:
    if output == "-":
        sys.stdout.write(text)
        return
    Path(output).write_text(text, encoding="utf-8")
    click.echo(f"wrote {output}", err=True)


@click.command()
@db_option
@click.option("--since", default="7d", show_default=True,
              help="First day: an ISO date, a span before --until (7d, 4w, 6m, 1y) or 'all'.")
@click.option("--until", default=None, help="Last day (ISO date; default today).")
@click.option("--sections", "sections_file", type=click.Path(dir_okay=False), default=None,
              help="Section rules (TOML; default: the packaged sinodesk/data/sections.toml).")
@click.option("--watch", multiple=True, metavar="NAME",
              help="Replace the watch section with '<NAME> Watch' over that entity (repeat for more).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "rss", "atom"]), default="md", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="The briefing as data: sections, items, sentences, citations.")
@click.option("--output", "-o", default="-", show_default=True, help="File to write ('-' for stdout).")
@click.option("--no-save", is_flag=True, help="Do not store this briefing (the next one is compared with the last stored).")
@click.option("--show", "show_id", type=int, default=None, help="Render the stored briefing N instead of building one.")
@click.option("--list", "list_only", is_flag=True, help="List the stored briefings.")
@config_option
def brief(db, since, until, sections_file, watch, fmt, as_json, output, no_save, show_id, list_only, config):
    """A briefing: events of the window in sections, each with a cited extractive summary.

    Every sentence is quoted from a story and ends with the number of its citation (outlet, date,
    URL or story id). Items are marked new, grown or with changed figures against the previous
    briefing of the same sections, which is stored in the archive.

    \b
    Example:
      sinodesk brief --since 7d --db desk.db --format html -o briefing.html
      sinodesk brief --since 2025-03-01 --until 2025-03-07 --watch Taiwan --db desk.db
    """
    from ..archive import open_archive
    from ..brief import Briefing, build_briefing, load_sections, render, save_briefing, window
    from ..settings import load_settings
    from .common import outlets_of
    from .progress import LazyProgress

    _check_output(output)
    settings = load_settings(config)
    archive = open_archive(db, create=False)
    if list_only:
        infos = archive.list_briefings()
        for i in infos:
            click.echo(f"#{i.briefing_id}  {i.created}  {i.name}  {i.since or '…'} .. {i.until}")
        if not infos:
            click.echo("no briefings stored yet (make one with 'sinodesk brief')", err=True)
        return
    if show_id is not None:
        b = Briefing.from_dict(archive.get_briefing(show_id))
        import dataclasses

        b = dataclasses.replace(b, briefing_id=show_id)
    else:
        sections = load_sections(sections_file, watch=watch)
        start, end = window(since, until)
        with LazyProgress("briefing") as progress:
            b = build_briefing(archive, start, end, sections, opts=settings.brief, registry=outlets_of(config),
                               progress=progress)
        if b.n_stories == 0:  # an empty briefing is not stored (the next one would be compared with nothing)
            click.echo(_empty_window_note(archive, start, end), err=True)
            _write(render(b, "json" if as_json else fmt, opts=settings.brief), output)
            return
        if not no_save:
            b = save_briefing(archive, b)
        n = len(b.items())
        click.echo(f"briefing{' #' + str(b.briefing_id) if b.briefing_id else ''}: {n} item{'s' if n != 1 else ''} from "
                   f"{b.n_stories} stories ({b.since or 'all'} .. {b.until})", err=True)
    _write(render(b, "json" if as_json else fmt, opts=settings.brief), output)


def _empty_window_note(archive, start: str | None, end: str) -> str:
    """What to do when no story falls in the window: where the archive's newest story is."""
    from ..archive import StoryFilter

    newest = next(iter(archive.iter_stories(StoryFilter(newest_first=True, limit=1))), None)
    head = f"no stories between {start} and {end}" if start else f"no stories up to {end}"
    if newest is None:
        return f"{head}: the archive holds no stories yet (sinodesk ingest FILES --db ... first); nothing stored"
    if not newest.published:
        return f"{head}; nothing stored"
    ingested = " (the day it was ingested)" if newest.published_source == "ingested" else ""
    return f"{head}: the newest story in the archive is of {newest.published}{ingested} (try --until {newest.published} or --since all); nothing stored"


@click.command()
@db_option
@click.option("--topic", "topics", multiple=True, help="A topic id (repeat for more series).")
@click.option("--entity", "entities", multiple=True, help="An entity: a name or canonical id (DeepSeek, 印度, gpe:india).")
@click.option("--family", "families", multiple=True, help="An outlet owner family ('PRC state', 'Western press' ...).")
@click.option("--since", default="90d", show_default=True, help="First day: an ISO date or a span before --until (90d, 12w, 6m).")
@click.option("--until", default=None, help="Last day (ISO date; default today).")
@click.option("--chart", type=click.Path(dir_okay=False), default=None, help="Also draw the series to this .svg or .png file.")
@click.option("--daily", is_flag=True, help="Also print the count of every day.")
@click.option("--json", "as_json", is_flag=True, help="The series, spikes and their events as JSON.")
@config_option
def trends(db, topics, entities, families, since, until, chart, daily, as_json, config):
    """Stories per day about topics, entities or outlet families, with spikes and the events behind them.

    A spike is a day far above the series' own recent baseline (robust z-score and Poisson tail
    over the previous weeks; see [brief] trend_* settings).

    \b
    Example:
      sinodesk trends --entity DeepSeek --since 90d --db desk.db --chart deepseek.png
      sinodesk trends --topic cyber --family "PRC state" --since 2025-01-01 --until 2025-03-31
    """
    from ..archive import open_archive
    from ..brief import SeriesKey, trend_series, window
    from ..brief.trends import render_table
    from ..errors import ConfigError
    from ..settings import load_settings
    from .common import outlets_of
    from .progress import LazyProgress

    if not (topics or entities or families):  # a missing argument is a usage error (exit 2), as click's own
        raise click.UsageError("trends: name at least one series (--topic, --entity or --family)")
    settings = load_settings(config)
    keys = [SeriesKey("topic", t) for t in topics] + [SeriesKey("entity", e) for e in entities] + \
        [SeriesKey("family", f) for f in families]
    start, end = window(since, until)
    if start is None:
        raise ConfigError("trends --since all: give a first day or a span (e.g. 90d)")
    archive = open_archive(db, create=False)
    with LazyProgress("counting stories") as progress:
        series = trend_series(archive, keys, start, end, opts=settings.brief, registry=outlets_of(config), progress=progress)
    if as_json:
        click.echo(json.dumps([s.to_dict() for s in series], ensure_ascii=False, indent=2))
    else:
        click.echo(render_table(series, daily=daily))
    from ..brief.sections import resolve_entity

    for s in series:  # a typo draws a flat zero like an entity no one wrote about: say which it is
        if s.kind == "entity" and not s.total and resolve_entity(s.key) is None:
            click.echo(f"note: no story from {start} to {end} names {s.key!r} and the gazetteer does not know it "
                       f"(check the spelling; 'sinodesk search {s.key}' finds it in any story)", err=True)
    if chart:
        from ..brief.chart import write_chart

        write_chart(series, chart, opts=settings.brief, title=f"Stories per day, {start} to {end}")
        click.echo(f"wrote {chart}", err=True)


@click.command("brief")
@click.option("--set", "set_name", type=click.Choice(["gvc", "ecbplus", "uci", "all"]), default="all", show_default=True,
              help="Set of real multi-story events to summarise.")
@click.option("--data", type=click.Path(file_okay=False), default=None, show_default="$SINODESK_SHARED or ../shared",
              help="The shared folder holding eval/ (or the eval folder itself).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_brief(set_name, data, as_json):
    """Summary quality: ROUGE-1/2 against the leads of each event's stories, redundancy, family coverage.

    Each set goes through ingest into a fresh archive and a briefing of every event; the lead and
    centroid peers are scored in the same run on the same events.

    \b
    Example:
      sinodesk eval brief --set gvc
    """
    from dataclasses import asdict

    from ..eval.brief import SETS, eval_set
    from .common import eval_sets_dir

    root = eval_sets_dir(data)
    reports = [r for name in (SETS if set_name == "all" else (set_name,)) for r in eval_set(name, root)]
    if as_json:
        click.echo(json.dumps([asdict(r) for r in reports], indent=2))
        return
    for r in reports:
        click.echo("\n".join(r.lines()))


def register(main: click.Group, eval_group: click.Group) -> None:
    main.add_command(brief)
    main.add_command(trends)
    eval_group.add_command(eval_brief)
