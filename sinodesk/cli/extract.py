"""CLI for the extract stage: ``sinodesk eval extract`` and ``sinodesk outlets``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import config_option, default_shared, outlets_of


@click.command("extract")
@click.option("--set", "set_name", type=click.Choice(["all", "seeds", "written", "dev", "devzh", "devzh2", "devzh3", "devzh4", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"]),
              default="all", show_default=True,
              help="Labelled set to score; 'all' prints every set that exists side by side (heldout2-heldout5 only when named).")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The shared folder holding seeds/ and eval/ (default: $SINODESK_SHARED, else ../shared).")
@click.option("--gold", "gold_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of gold files (default: the labels shipped in sinodesk/eval/gold/extract).")
@click.option("--peer/--no-peer", default=True, show_default=True,
              help="Also score spaCy's small English model alone on the same texts (when it is installed).")
@click.option("--misses", is_flag=True, help="List every missed and extra item.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@config_option
def eval_extract(set_name: str, data_dir: Path | None, gold_dir: Path | None, peer: bool, misses: bool, as_json: bool,
                 config: str | None) -> None:
    """Entities, attributions, numbers and dates, measured through ingest into a fresh archive.

    Sets: seeds (labelled stories of the five seed digests), written (stories written for the
    project), dev (public-set items outside the held-out pool), devzh, devzh2, devzh3 and devzh4
    (Chinese headlines outside the held-out pool), heldout (independently labelled public-set items; nobody
    tunes on it), heldout2, heldout3, heldout4 and heldout5 (a second, third, fourth and fifth fresh blind
    set; scored only when named).
    seeds, written, dev and devzh-devzh4 were looked at while building the extractor.

    \b
    Example:
      sinodesk eval extract
      sinodesk eval extract --set dev --misses
      sinodesk eval extract --set heldout --json
    """
    from ..errors import NothingToDo
    from ..eval.extract import GOLD_DIR, ON_REQUEST, SETS, evaluate_set, format_reports
    from ..settings import load_settings

    settings = load_settings(config)
    shared = data_dir or default_shared()
    if shared is not None and not Path(shared).is_dir():
        shared = None
    model = settings.extract.spacy_model if peer else None
    names = tuple(s for s in SETS if s not in ON_REQUEST) if set_name == "all" else (set_name,)
    reps, missing = [], {}
    for name in names:
        try:
            reps.append(evaluate_set(name, shared, settings=settings, peer_model=model, gold_dir=gold_dir or GOLD_DIR))
        except NothingToDo as exc:
            if set_name != "all":
                raise
            missing[name] = str(exc).split(";")[0]
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in reps], indent=2, ensure_ascii=False))
    else:
        click.echo(format_reports(reps, missing))
    if misses:
        for r in reps:
            for line in r.misses:
                click.echo(f"[{r.name}] {line}")


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
