"""Shared CLI plumbing: error reporting and common options."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import SinodeskError


def run_guarded(cmd: click.Group) -> None:
    """Run the click group; library errors become ``Error: ...`` and exit 1."""
    debug = "--debug" in sys.argv[1:]
    try:
        cmd.main(standalone_mode=False)
    except SinodeskError as exc:
        if debug:
            raise
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug: say so plainly, traceback only with --debug
        if debug:
            raise
        click.echo(f"Error: internal error ({type(exc).__name__}: {exc}); run again with --debug and report the traceback", err=True)
        sys.exit(2)


def db_option(f):
    return click.option(
        "--db",
        default=lambda: os.environ.get("SINODESK_DB", "sinodesk.db"),
        show_default="sinodesk.db or $SINODESK_DB",
        help="Archive database file.",
    )(f)


_REPO = Path(__file__).resolve().parents[2]


def default_shared() -> Path:
    """The shared seeds/eval folder: $SINODESK_SHARED, else ../shared beside the cwd or the repo."""
    env = os.environ.get("SINODESK_SHARED")
    if env:
        return Path(env)
    for base in (Path.cwd(), _REPO):
        if (base.parent / "shared").is_dir():
            return base.parent / "shared"
    return _REPO.parent / "shared"


def read_text_input(path: str, what: str = "a text file") -> tuple[str, Path | None]:
    """Text of ``path`` (or stdin for '-') in whatever encoding it declares or implies."""
    from ..errors import BadInput
    from ..ingest.decode import decode_bytes

    if path == "-":
        return decode_bytes(sys.stdin.buffer.read(), name="stdin")[0], None
    p = Path(path)
    if not p.is_file():
        raise BadInput(f"{path}: no such file (give {what}, or '-' for stdin)")
    return decode_bytes(p.read_bytes(), name=path)[0], p


config_option = click.option("--config", type=click.Path(dir_okay=False), default=None,
                             help="Settings file (default: ./sinodesk.toml if present).")


def outlets_of(config: str | None):
    """The outlet registry with the user's own outlet files named in the settings."""
    from ..pipeline import load_outlets
    from ..settings import load_settings

    return load_outlets(load_settings(config))
