"""``sinodesk explain``: why two stories are, or are not, in one event (stages/cluster/explain.py)."""

from __future__ import annotations

import json

import click

from .common import config_option, db_option


@click.command()
@click.argument("story_a")
@click.argument("story_b")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The explanation as JSON (what the web API returns).")
@config_option
def explain(story_a, story_b, db, as_json, config):
    """Say whether two stories are in the same event, and why: the signals the linker reads (shared
    words, entities, figures with their units, names, years, days apart), the checks that cut a score,
    and the decision rule with its value and threshold -- for the pair, and for each story against
    the other's event.

    \b
    Example:
      sinodesk explain 3132ddbd98e2 a4e00282cd03 --db desk.db
    """
    from ..archive import open_archive
    from ..settings import load_settings
    from ..stages.cluster.explain import explain_stories, render_explain

    settings = load_settings(config)
    archive = open_archive(db, read_only=True)
    try:
        d = explain_stories(archive, story_a, story_b, settings.events)
    finally:
        archive.close()
    click.echo(json.dumps(d, ensure_ascii=False, indent=2) if as_json else render_explain(d))


def register(main: click.Group, eval_group: click.Group) -> None:
    main.add_command(explain)
