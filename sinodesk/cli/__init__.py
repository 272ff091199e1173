"""Command-line interface: thin verbs over library functions.

Each module listed in ``EXTENSIONS`` has ``register(main, eval_group)`` that adds its
click commands; every command parses its options, makes one library call and prints.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__
from .common import run_guarded

EXTENSIONS = (
    "sinodesk.cli.core",
    "sinodesk.cli.desk",
    "sinodesk.cli.segment",
    "sinodesk.cli.topics",
    "sinodesk.cli.extract",
    "sinodesk.cli.events",
    "sinodesk.cli.incidents",
    "sinodesk.cli.brief",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="sinodesk", message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """sinodesk: a news desk for people who follow China.

    Exit codes: 0 done (or nothing to do); 1 an error, or nothing could be ingested;
    2 wrong usage; 3 a bug in sinodesk (please report it).

    \b
    Example:
      sinodesk ingest examples/ --db desk.db && sinodesk stories --db desk.db
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@main.group("eval")
def eval_group() -> None:
    """Measure a stage against a labelled set.

    \b
    Example:
      sinodesk eval segment --choi ../shared/eval/choi-segmentation/choi.jsonl
    """


for _name in EXTENSIONS:
    importlib.import_module(_name).register(main, eval_group)


def entry() -> None:
    run_guarded(main)
