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
@click.option("--tune", "tune_target", type=click.Choice(["ecbplus", "uci", "gvc"]), default=None,
              help="Grid-search event options on this set's training split only (ECB+ topics 1-35, the first 45% "
                   "of UCI, GVC validation) instead of scoring.")
@click.option("--grid", "grid", multiple=True, metavar="NAME=V1,V2",
              help="With --tune: values to try for one event option (repeat for more options).")
def eval_events(set_name: str, data: str, no_peer: bool, as_json: bool, fit_model: str | None,
                tune_target: str | None, grid: tuple[str, ...]) -> None:
    """Score online event linking (B-cubed P/R/F1, ARI) and near-duplicate detection.

    The peer baseline (TF-IDF + average-linkage agglomerative, or single pass for the UCI
    stream) is re-measured in the same run and printed beside sinodesk's figures.

    \b
    Example:
      sinodesk eval events --set ecbplus --data ../shared/eval
      sinodesk eval events --fit-model /tmp/merge_model.json
      sinodesk eval events --tune gvc --grid time_scale_days=30,60,120 --grid threshold=0.08,0.10,0.12
    """
    from ..eval import events as ev
    from ..stages.cluster import EventOptions

    root = Path(data)
    opts = EventOptions()
    if grid and not tune_target:
        raise click.UsageError("--grid needs --tune TARGET (the training split to search on)")
    if tune_target:
        _tune(root, opts, tune_target, grid, as_json)
        return
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


def _parse_grid(grid: tuple[str, ...], opts) -> dict[str, list]:
    from dataclasses import fields

    from ..errors import BadInput

    types = {f.name: type(getattr(opts, f.name)) for f in fields(opts)}
    out: dict[str, list] = {}
    for spec in grid:
        name, sep, values = spec.partition("=")
        name = name.strip()
        if not sep or not values.strip():
            raise BadInput(f"eval events --grid {spec!r}: write NAME=V1,V2 (for example threshold=0.08,0.10)")
        if name not in types:
            raise BadInput(f"eval events --grid {spec!r}: {name!r} is not an event option "
                           f"(known: {', '.join(sorted(types))})")
        if name in out:
            raise BadInput(f"eval events --grid {spec!r}: {name} is given twice (list all its values in one --grid)")
        kind = float if types[name] is type(None) else types[name]  # merge_prob: None or a probability
        bools = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}
        try:
            out[name] = [bools[v.strip().lower()] if kind is bool else kind(v.strip()) for v in values.split(",")]
        except (ValueError, KeyError):
            raise BadInput(f"eval events --grid {spec!r}: {name} takes {kind.__name__} values") from None
    return out


def _tune(root: Path, opts, target: str, grid: tuple[str, ...], as_json: bool) -> None:
    from ..eval import events as ev

    space = _parse_grid(grid, opts)
    if not space:
        raise click.UsageError("--tune needs at least one --grid NAME=V1,V2")
    results = ev.tune(root, opts, space, target=target)
    robust = ev.robust_ranking(results, "threshold") if "threshold" in space and len(space) > 1 else []
    if as_json:
        click.echo(json.dumps({"target": target, "results": [{"f1": f, "settings": s} for f, s in results],
                               "mean_over_thresholds": [{"f1": f, "settings": s} for f, s in robust]}, indent=2))
        return
    click.echo(f"training split of {target}: B-cubed F1 per setting, best first")
    for f, setting in results:
        click.echo(f"  {f:.4f}  " + " ".join(f"{k}={v}" for k, v in setting.items()))
    if robust:
        click.echo("mean over the thresholds tried (prefer a setting that wins across the band):")
        for f, setting in robust:
            click.echo(f"  {f:.4f}  " + " ".join(f"{k}={v}" for k, v in setting.items()))


def register(main: click.Group, eval_group: click.Group) -> None:
    eval_group.add_command(eval_events)
