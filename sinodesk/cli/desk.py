"""Desk verbs over linked stories: events (list by size and spread) and compare (framing)."""

from __future__ import annotations

import json

import click

from .common import config_option, db_option, outlets_of


@click.command()
@db_option
@click.option("--since", help="Only stories published on/after this ISO date, or a span like 7d.")
@click.option("--min-size", type=int, default=1, show_default=True, help="Only events with at least this many stories.")
@click.option("--limit", type=int, default=30, show_default=True, help="At most this many events.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event.")
@config_option
def events(db, since, min_size, limit, as_json, config):
    """List events by spread across owner families times cohesion, then size.

    Cohesion (0-1) is how alike an event's stories are: the mean similarity of their words, or of
    the people and places they name when two stories are in different languages.  A loose bundle
    that spans many families ranks below a tight report carried by a few.

    \b
    Example:
      sinodesk events --since 7d --min-size 2 --db desk.db
    """
    from ..archive import StoryFilter, open_archive
    from ..pipeline import family_lookup
    from ..settings import load_settings
    from ..stages.cluster import summarise_events
    from .core import _since

    archive = open_archive(db, read_only=True)
    registry = outlets_of(config)
    settings = load_settings(config)
    stories = list(archive.iter_stories(StoryFilter(since=_since(since))))
    rows = [r for r in summarise_events(stories, family_lookup(registry), background_docs=settings.events.background_docs)
            if r["size"] >= min_size][:limit]
    for r in rows:
        if as_json:
            click.echo(json.dumps(r, ensure_ascii=False))
        else:
            coh = "" if r["cohesion"] is None else f"  cohesion {r['cohesion']:.2f}"
            click.echo(f"{r['event_id']}  {r['size']:>3} {'story' if r['size'] == 1 else 'stories':7}  {r['n_families']} famil{'ies' if r['n_families'] != 1 else 'y'}{coh}  "
                       f"{r['first'] or '?'}..{r['last'] or '?'}  {r['headline'] or ''}")
            click.echo(f"    {'; '.join(r['families'])}")
    if not rows:
        click.echo("no events match", err=True)


@click.command()
@click.argument("event_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The comparison as JSON (what the web UI uses).")
@config_option
def compare(event_id, db, as_json, config):
    """Compare how owner families framed one event: headlines, sources, numbers, words, omissions.

    \b
    Example:
      sinodesk compare ev-3f9a1c2b7d4e --db desk.db
    """
    from ..archive import StoryFilter, open_archive
    from ..errors import NotFound
    from ..pipeline import family_lookup
    from ..stages.cluster import compare_event, render_compare
    from ..stages.extract.gazetteer import display_name, display_names

    archive = open_archive(db, read_only=True)
    stories = list(archive.iter_stories(StoryFilter(event_id=event_id)))
    if not stories:
        raise NotFound(f"event {event_id!r} is not in {db} (list events with 'sinodesk events')")
    registry = outlets_of(config)
    names = display_names(registry)
    d = compare_event(stories, family_lookup(registry), display=lambda c: display_name(names, c),
                      outlet_aliases=registry.names_of)
    click.echo(json.dumps(d, ensure_ascii=False, indent=2) if as_json else render_compare(d))


def register(main: click.Group, eval_group: click.Group) -> None:
    main.add_command(events)
    main.add_command(compare)
