"""``sinodesk eval events``: event linking and near-duplicates, through ingest into fresh archives."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from .common import config_option, eval_sets_dir


@click.command("events")
@click.option("--set", "set_name", type=click.Choice(["ecbplus", "gvc", "uci", "bbc-dups", "coldstart", "all"]),
              default="all", show_default=True, help="Labelled set to measure on ('coldstart': first N stories fresh vs warm).")
@click.option("--data", type=click.Path(file_okay=False), default=None, show_default="$SINODESK_SHARED or ../shared",
              help="The shared data folder (holding eval/), or its eval folder.")
@click.option("--orders", default="file,date,shuffle-1,shuffle-2,shuffle-3", show_default=True,
              help="Arrival orders for ECB+ test topics and GVC (comma-separated: file, date, shuffle-N).")
@click.option("--no-peer", is_flag=True, help="Skip re-measuring the scikit-learn peer baseline.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--fit-model", "fit_model", type=click.Path(dir_okay=False), default=None,
              help="Refit the learned merge decision on the training splits only and write it to this JSON file.")
@click.option("--tune", "tune_target", type=click.Choice(["ecbplus", "uci", "gvc"]), default=None,
              help="Grid-search event options on this set's training split only (ECB+ topics 1-35, the first 45% "
                   "of UCI, GVC validation) instead of scoring.")
@click.option("--grid", "grid", multiple=True, metavar="NAME=V1,V2",
              help="With --tune: values to try for one event option (repeat for more options).")
@config_option
def eval_events(set_name: str, data: str | None, orders: str, no_peer: bool, as_json: bool, fit_model: str | None,
                tune_target: str | None, grid: tuple[str, ...], config: str | None) -> None:
    """Score event linking (B-cubed P/R/F1, ARI) and near-duplicates as a user gets them.

    Each set is written as JSONL ({url, title, date, text}, one item a line), ingested into a
    fresh archive with default settings (or those of --config: the whole file for scoring, its
    [events] table for --tune and --fit-model), and the exported event_id of each line is scored
    against the gold.  ECB+ test topics and GVC run in several arrival orders (mean and worst
    shown).  The peer baseline (TF-IDF + average-linkage agglomerative over the whole set at
    once, or single pass for the UCI stream) is re-measured in the same run.

    \b
    Example:
      sinodesk eval events --set ecbplus --data ../shared
      sinodesk eval events --set gvc --config my-events.toml
      sinodesk eval events --set coldstart
      sinodesk eval events --fit-model /tmp/merge_model.json
      sinodesk eval events --tune gvc --grid time_scale_days=30,60,120 --grid threshold=0.08,0.10,0.12
    """
    from ..eval import events as ev
    from ..settings import load_settings

    root = eval_sets_dir(data)
    settings = load_settings(config)
    opts = settings.events
    if grid and not tune_target:
        raise click.UsageError("--grid needs --tune TARGET (the training split to search on)")
    if tune_target:
        _tune(root, opts, tune_target, grid, as_json)
        return
    if fit_model:
        doc = ev.fit_merge_models(root, opts, out=fit_model)
        click.echo(f"wrote {fit_model}: training F1 {doc['train_f1']}, pairs {doc['n_pairs']}")
        return
    order_list = tuple(o.strip() for o in orders.split(",") if o.strip())
    for o in order_list:
        ev.arrange([], o)  # an unknown order is an error before anything runs
    names = ev.SETS + ("coldstart",) if set_name == "all" else (set_name,)
    reports = []
    for name in names:
        if name == "ecbplus":
            reports += ev.eval_ecbplus(root, settings, peer=not no_peer, orders=order_list)
        elif name == "gvc":
            reports += ev.eval_gvc(root, settings, peer=not no_peer, orders=order_list)
        elif name == "uci":
            reports += ev.eval_uci(root, settings, peer=not no_peer)
        elif name == "bbc-dups":
            reports.append(ev.eval_bbc_dups(root, settings))
        else:
            reports.append(ev.cold_start(root, settings))
    if as_json:
        click.echo(json.dumps([_as_json(r) for r in reports], indent=2))
        return
    for r in reports:
        click.echo("\n".join(_cold_lines(r) if isinstance(r, list) else r.lines()))


def _as_json(r) -> dict:
    if isinstance(r, list):
        return {"report": "ColdStart", "rows": [asdict(x) for x in r]}
    return {"report": type(r).__name__, **asdict(r)}


def _cold_lines(rows) -> list[str]:
    out, stream = ["Cold start: B-cubed on the first N stories, fresh archive vs after a warm-up"], None
    for row in rows:
        if row.stream != stream:
            stream = row.stream
            out.append(f" {stream}")
        out.append(f"  first {row.n:>4}  fresh F1 {row.fresh.f1:.3f}  warm F1 {row.warm.f1:.3f}  "
                   f"gap {row.fresh.f1 - row.warm.f1:+.3f}")
    return out


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


def _tune(root, opts, target: str, grid: tuple[str, ...], as_json: bool) -> None:
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
    click.echo(f"training split of {target} (through ingest): B-cubed F1 per setting, best first")
    for f, setting in results:
        click.echo(f"  {f:.4f}  " + " ".join(f"{k}={v}" for k, v in setting.items()))
    if robust:
        click.echo("mean over the thresholds tried (prefer a setting that wins across the band):")
        for f, setting in robust:
            click.echo(f"  {f:.4f}  " + " ".join(f"{k}={v}" for k, v in setting.items()))


def register(main: click.Group, eval_group: click.Group) -> None:
    eval_group.add_command(eval_events)
