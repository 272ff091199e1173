"""Command-line interface: thin verbs over library functions.

Each module listed in ``EXTENSIONS`` has ``register(main, eval_group)`` that adds its
click commands; every command parses its options, makes one library call and prints.
The modules are imported lazily, in order, only until the command asked for is there:
``sinodesk search`` imports ``core`` alone, ``sinodesk --help`` all of them.
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
    "sinodesk.cli.explain",
    "sinodesk.cli.incidents",
    "sinodesk.cli.brief",
    "sinodesk.cli.web",
)


class _LazyGroup(click.Group):
    """A group whose commands come from EXTENSIONS, registered on first need."""

    def get_command(self, ctx, name):
        _register(until=(self, name))
        return super().get_command(ctx, name)

    def list_commands(self, ctx):
        _register()
        return super().list_commands(ctx)


_PENDING = list(EXTENSIONS)


def _register(until: tuple[click.Group, str] | None = None) -> None:
    """Register the EXTENSIONS not yet registered, all or until ``group`` has command ``name``."""
    while _PENDING and (until is None or until[1] not in until[0].commands):
        importlib.import_module(_PENDING.pop(0)).register(main, eval_group)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


@main.group("eval", cls=_LazyGroup)
def eval_group() -> None:
    """Measure a stage against a labelled set.

    \b
    Example:
      sinodesk eval segment --choi ../shared/eval/choi-segmentation/choi.jsonl
    """


def all_commands() -> click.Group:
    """``main`` with every extension registered (for tools that walk the command tree)."""
    _register()
    return main


def entry() -> None:
    run_guarded(main)
