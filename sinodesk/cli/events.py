"""``sinodesk eval events``: event clustering and near-duplicate quality against labelled sets."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click


def _default_data() -> str:
    return str(Path(__file__).resolve().parents[2].parent / "shared" / "eval")


@click.command("events")
@click.option("--set", "set_name", type=click.Choice(["ecbplus", "gvc", "uci", "bbc-dups", "all"]), default="all",
              show_default=True, help="Labelled set to measure on.")
@click.option("--data", type=click.Path(file_okay=False), default=_default_data, show_default="../shared/eval",
              help="Folder holding the shared evaluation sets.")
@click.option("--no-peer", is_flag=True, help="Skip re-measuring the scikit-learn peer baseline.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--fit-model", "fit_model", type=click.Path(dir_okay=False), default=None,
              help="Refit the learned merge decision on the training splits only and write it to this JSON file.")
def eval_events(set_name: str, data: str, no_peer: bool, as_json: bool, fit_model: str | None) -> None:
    """Score online event linking (B-cubed P/R/F1, ARI) and near-duplicate detection.

    The peer baseline (TF-IDF + average-linkage agglomerative, or single pass for the UCI
    stream) is re-measured in the same run and printed beside sinodesk's figures.

    \b
    Example:
      sinodesk eval events --set ecbplus --data ../shared/eval
      sinodesk eval events --fit-model /tmp/merge_model.json
    """
    from ..eval import events as ev
    from ..stages.cluster import EventOptions

    root = Path(data)
    opts = EventOptions()
    if fit_model:
        doc = ev.fit_merge_models(root, opts, out=Path(fit_model))
        click.echo(f"wrote {fit_model}: training F1 {doc['train_f1']}, pairs {doc['n_pairs']}")
        return
    names = ev.SETS if set_name == "all" else (set_name,)
    reports = []
    for name in names:
        if name == "ecbplus":
            reports += ev.eval_ecbplus(root, opts, peer=not no_peer)
        elif name == "gvc":
            reports += ev.eval_gvc(root, opts, peer=not no_peer)
        elif name == "uci":
            reports += ev.eval_uci(root, opts, peer=not no_peer)
        else:
            reports.append(ev.eval_bbc_dups(root, opts))
    if as_json:
        click.echo(json.dumps([{"report": type(r).__name__, **asdict(r)} for r in reports], indent=2))
        return
    for r in reports:
        click.echo("\n".join(r.lines()))


def register(main: click.Group, eval_group: click.Group) -> None:
    eval_group.add_command(eval_events)
