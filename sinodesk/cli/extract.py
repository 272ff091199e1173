"""CLI for the extract stage: ``sinodesk eval extract`` and ``sinodesk outlets``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import config_option, outlets_of


@click.command("extract")
@click.option("--gold", "gold_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Directory of gold *.jsonl files (default: tests/data/extract).")
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Seed digests the seed labels point into (default: ../shared/seeds or $SINODESK_SHARED/seeds).")
@click.option("--spacy", "use_spacy", is_flag=True, help="Add spaCy NER to the gazetteer and rules.")
@click.option("--misses", is_flag=True, help="List every missed and extra item.")
@click.option("--heldout", is_flag=True, help="Score the held-out set (heldout_*.jsonl, labelled blind) instead.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_extract(gold_dir: Path | None, seeds_dir: Path | None, use_spacy: bool, misses: bool, heldout: bool,
                 as_json: bool) -> None:
    """Precision/recall of entities, attributions, numbers and dates on the gold set.

    \b
    Example:
      sinodesk eval extract --misses
      sinodesk eval extract --spacy --json
      sinodesk eval extract --heldout --misses
    """
    import os

    from ..eval.extract import default_gold_dir, evaluate, format_report, load_gold
    from ..stages.extract import ExtractOptions

    if seeds_dir is None:
        shared = Path(os.environ.get("SINODESK_SHARED", Path(__file__).resolve().parents[3] / "shared"))
        seeds_dir = shared / "seeds"
    stories = load_gold(gold_dir or default_gold_dir(), seeds_dir if seeds_dir.exists() else None, heldout=heldout)
    rep = evaluate(stories, ExtractOptions(use_spacy=use_spacy))
    if as_json:
        click.echo(json.dumps(rep.as_dict(), indent=2))
    else:
        label = "(spaCy)" if use_spacy else "(gazetteer + rules)"
        click.echo(format_report(rep, f"{label} held-out" if heldout else label))
    if misses:
        for line in rep.misses:
            click.echo(line)


@click.command("outlets")
@click.argument("name", required=False)
@click.option("--family", default=None, help="Only outlets of this owner family, e.g. 'PRC state'.")
@click.option("--json", "as_json", is_flag=True, help="Print outlets as JSON lines.")
@config_option
def outlets_cmd(name: str | None, family: str | None, as_json: bool, config: str | None) -> None:
    """List the outlet registry, or look one outlet up by name, alias, id or URL.

    \b
    Example:
      sinodesk outlets 環球時報
      sinodesk outlets --family "Taiwan"
    """
    from dataclasses import asdict

    from ..errors import NotFound
    reg = outlets_of(config)
    if name:
        o = reg.get(name) or reg.match(name) or reg.by_url(name)
        if o is None:
            raise NotFound(f"outlet {name!r}: no outlet with that id, name, alias or domain (try 'sinodesk outlets' to list them)")
        rows = [o]
    else:
        rows = [o for o in reg if family is None or o.family == family]
    for o in rows:
        if as_json:
            click.echo(json.dumps(asdict(o), ensure_ascii=False))
        else:
            click.echo(f"{o.id:<28} {o.family:<26} {o.name}")


def register(main: click.Group, eval_group: click.Group) -> None:
    eval_group.add_command(eval_extract)
    main.add_command(outlets_cmd)
