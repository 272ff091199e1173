"""Cyber incident verbs: ``sinodesk incidents``, ``sinodesk incident ID``, ``sinodesk eval incidents``."""

from __future__ import annotations

import json

import click

from .common import GUESSED_DATE, db_option, default_shared


def _filter(since, until, actor, technique, type_, victim, limit):
    from ..tracker import IncidentFilter
    from .common import parse_window

    since, until = parse_window(since, until)
    return IncidentFilter(since=since, until=until, actor=actor, technique=technique, type=type_, victim=victim, limit=limit)


def filter_options(f):
    for opt in reversed((
        click.option("--since", help="Only incidents reported on/after this ISO date, or e.g. 30d."),
        click.option("--until", help="Only incidents first reported on/before this ISO date."),
        click.option("--actor", help="Only incidents with this attacker or claimed actor (any alias: Winnti finds APT41)."),
        click.option("--technique", help="Only incidents with this ATT&CK technique (T1498 also finds T1498.002)."),
        click.option("--type", "type_", type=click.Choice(["ddos", "data_breach", "espionage", "ransomware", "disruption", "influence_operation",
                                                           "vulnerability", "other"]), help="Only incidents of this type."),
        click.option("--victim", help="Only incidents with a victim whose name contains this."),
        click.option("--limit", type=int, help="At most this many incidents."),
    )):
        f = opt(f)
    return f


@click.command("incidents")
@db_option
@filter_options
@click.option("--json", "as_json", is_flag=True, help="One JSON record per line (every field with its evidence).")
def incidents_cmd(db, since, until, actor, technique, type_, victim, limit, as_json):
    """List cyber incidents: id, first report, types, title, sources.

    \b
    Example:
      sinodesk incidents --db desk.db --since 30d --technique T1498
      sinodesk incidents --db desk.db --actor "Volt Typhoon" --json
    """
    from ..archive import open_archive
    from ..tracker import list_incidents

    archive = open_archive(db, create=False)
    rows = list_incidents(archive, _filter(since, until, actor, technique, type_, victim, limit))
    for r in rows:
        if as_json:
            click.echo(json.dumps(r, ensure_ascii=False))
        else:
            techs = ",".join(t["id"] for t in r["techniques"][:4])
            seen = (r["first_seen"] or "-") + ("*" if r.get("seen_dates") == "ingested" else "")
            click.echo(f"{r['incident_id']}  {seen:11} {','.join(r['types']):20}  {r['title']}"
                       f"  [{len(r['sources'])} source{'s' if len(r['sources']) != 1 else ''}{'; ' + techs if techs else ''}]")
    if not as_json and any(r.get("seen_dates") == "ingested" for r in rows):
        click.echo("* no source story gives a date: the day it was ingested", err=True)
    if not rows:
        click.echo("no incidents match", err=True)


@click.command("incident")
@click.argument("incident_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The record as JSON.")
def incident_cmd(incident_id, db, as_json):
    """One incident with every field and the evidence (story, offsets, words) it came from.

    \b
    Example:
      sinodesk incident inc-4659a4a796 --db desk.db
    """
    from ..archive import open_archive
    from ..tracker import get_incident

    rec = get_incident(open_archive(db, create=False), incident_id)
    if as_json:
        click.echo(json.dumps(rec, ensure_ascii=False, indent=2))
        return
    click.echo(click.style(rec["title"], bold=True))
    click.echo(f"{'incident':>12}: {rec['incident_id']}   types: {', '.join(rec['types'])}   reported {rec['first_seen'] or '-'} .. {rec['last_seen'] or '-'}"
               + (" (the days it was ingested: no source story gives a date)" if rec.get("seen_dates") == "ingested" else ""))
    for ev in rec["evidence"]:
        click.echo(f"{'evidence':>12}: {_ev(ev)}")
    for label, field, fmt in (
        ("victim", "victims", lambda x: f"{x['name']}" + (f" [{x['sector']}]" if x.get("sector") else "") + (f" ({x['country']})" if x.get("country") else "")),
        ("attacker", "attackers", lambda x: f"{x['name']} ({x['category']}{', ' + x['country'] if x.get('country') else ''})"),
        ("technique", "techniques", lambda x: f"{x['id']} {x['name']} ({x['tactic']}, {x['basis']})"),
        ("malware", "malware", lambda x: f"{x['name']} ({x.get('kind') or '?'})"),
        ("vulnerability", "vulnerabilities", lambda x: (x.get("cve") or "flaw") + (" zero-day" if x.get("zero_day") else "")),
        ("number", "numbers", lambda x: f"{x['value']:g} {x['unit'] or ''}"),
        ("date", "dates", lambda x: f"{x['value']}{'*' if x.get('guessed') else ''} ({x['kind']})"),
    ):
        for x in rec[field]:
            click.echo(f"{label:>12}: {fmt(x)}")
            for ev in x["evidence"][:3]:
                click.echo(f"{'':>14}{_ev(ev)}")
    for a in rec["attributions"]:
        click.echo(f"{'claim':>12}: {a['claimant']} ({a['claimant_type']}) {a['stance']} {a['actor']}{' (' + a['actor_country'] + ')' if a.get('actor_country') else ''}")
        click.echo(f"{'':>14}basis {_ev(a['basis'])}")
    for s in rec["sources"]:
        click.echo(f"{'source':>12}: {s['story_id']}  {s.get('published') or '-'}  {s.get('outlet') or '-'}  {s.get('headline') or ''}  ({s['role']})")
    if any(d.get("guessed") for d in rec["dates"]):
        click.echo(f"{'':>12}  {GUESSED_DATE}")


def _ev(ev: dict) -> str:
    return f"story {ev['story_id']} [{ev['start']}:{ev['end']}] {ev['text'][:120]!r}"


@click.command("incidents")
@click.option("--set", "set_name", type=click.Choice(["tune", "tune2", "tune3", "tune4", "tune5", "test", "heldout2", "all"]), default="tune", show_default=True,
              help="Gold set: 'tune' (developed on), 'tune2' to 'tune5' (more tune stories, labelled later), 'test' (the first held-out half, read "
                   "in aggregate during development) or 'heldout2' (labelled later, scored once per branch: the held-out figure); "
                   "'all' reports each.")
@click.option("--data", default=None, help="The shared folder holding seeds/ and eval/ (default $SINODESK_SHARED or ../shared).")
@click.option("--misses", is_flag=True, help="List every missed and extra value (tune and tune2 to tune5 only: the held-out sets stay unseen).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_incidents(set_name, data, misses, as_json):
    """Per-field precision/recall of the incident tracker on the hand-labelled gold, through ingest + export.

    \b
    Example:
      sinodesk eval incidents --set tune --misses
      sinodesk eval incidents --set heldout2 --json
    """
    from ..errors import BadInput
    from ..eval.incidents import evaluate

    if misses and set_name not in ("tune", "tune2", "tune3", "tune4", "tune5"):
        raise BadInput(f"eval incidents --misses --set {set_name}: per-item errors are shown for the tune sets only "
                       "(the other sets are held out); drop --misses or use --set tune, tune2, tune3, tune4 or tune5")
    shared = data or str(default_shared())
    reports = [evaluate(s, shared) for s in (("tune", "tune2", "tune3", "tune4", "tune5", "test", "heldout2") if set_name == "all" else (set_name,))]
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in reports], indent=2))
    else:
        for r in reports:
            click.echo("\n".join(r.lines()))
    if misses:
        for r in reports:
            for line in r.misses:
                click.echo(line)


def register(main: click.Group, eval_group: click.Group) -> None:
    main.add_command(incidents_cmd)
    main.add_command(incident_cmd)
    eval_group.add_command(eval_incidents)
