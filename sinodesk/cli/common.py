"""Shared CLI plumbing: error reporting, exit codes and common options.

Exit codes, the one rule every verb follows (README "Exit codes"):

* 0 -- done: something was ingested, found or written, or there was nothing to do;
* 1 -- ``Error: ...`` on stderr: nothing could be ingested, or a user error (a bad path, id,
  option value or archive), each message naming the fix;
* 2 -- usage: an unknown option, a missing argument, a value of the wrong type (click's message);
* 3 -- an internal error, a bug in sinodesk (the message asks for a report; ``--debug`` shows
  the traceback);
* 130 -- interrupted (Ctrl-C).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import SinodeskError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def run_guarded(cmd: click.Group, args: list[str] | None = None) -> None:
    """Run the click group; library errors become ``Error: ...`` and exit 1 (see the rule above)."""
    argv = sys.argv[1:] if args is None else args
    debug = "--debug" in argv
    try:
        cmd.main(args=argv, prog_name="sinodesk", standalone_mode=False)
    except SystemExit as exc:
        # click ends a write to a closed pipe (sinodesk stories | head) with exit 1 and wraps
        # stdout to keep quiet; the reader going away is not an error
        if exc.code == 1 and type(sys.stdout).__name__ == "_PacifyFlushWrapper":
            sys.exit(EXIT_OK)
        raise
    except SinodeskError as exc:
        if debug:
            raise
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE if isinstance(exc, click.UsageError) else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (sinodesk stories | head): not an error
        sys.exit(EXIT_OK)
    except OSError as exc:
        # a path the user gave that cannot be written or read (a folder for a file, no such
        # folder, no permission): the user's to fix, not a bug
        if debug or not exc.filename:
            raise
        click.echo(f"Error: {exc.filename}: {exc.strerror or exc} (check the path and its permissions)", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # a bug: say so plainly, traceback only with --debug
        if debug:
            raise
        click.echo(f"Error: internal error ({type(exc).__name__}: {exc}); run again with --debug and report the traceback", err=True)
        sys.exit(EXIT_BUG)


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


def eval_sets_dir(data: str | Path | None) -> Path:
    """The folder of public eval sets: ``--data`` may name the shared folder or its ``eval/`` itself."""
    from ..eval.events.sets import eval_root

    return eval_root(data or default_shared())


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


def registry_for(config: str | None):
    """As :func:`outlets_of`, without reading settings when there is no settings file to read
    (loading the settings imports every stage: a second and a half)."""
    if config is None and not os.environ.get("SINODESK_CONFIG") and not Path("sinodesk.toml").exists():
        from ..stages.extract.outlets import load_registry

        return load_registry()
    return outlets_of(config)


# -- story filters shared by 'stories' and 'search' -------------------------------------------

def filter_options(f):
    """--since/--until/--outlet/--family/--topic/--lang (+ --config for the user's outlets)."""
    opts = [
        click.option("--since", help="Only stories published on/after this date (2024-03-01) or within a span (7d, 4w, 6m, 1y)."),
        click.option("--until", help="Only stories published on/before this date (or before a span ago, e.g. 30d)."),
        click.option("--outlet", help="Only this outlet: a registry id, name or alias (rfa, 環球時報, 'Global Times') or a name as stored."),
        click.option("--family", help="Only outlets of this owner family ('PRC state', 'Taiwan', 'Western press'...; see 'sinodesk outlets')."),
        click.option("--topic", help="Only stories with this topic (cyber, tech_ai, ...)."),
        click.option("--lang", "language", help="Only stories in this language (ISO 639-1: en, zh, ...)."),
        config_option,
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def parse_day(value: str | None, option: str) -> str | None:
    """An ISO date, or a span back from today (7d, 4w, 6m, 1y), as YYYY-MM-DD."""
    if not value:
        return None
    import datetime as dt
    import re

    m = re.fullmatch(r"(\d+)([dwmy])", value.strip())
    if m:
        days = int(m[1]) * {"d": 1, "w": 7, "m": 30, "y": 365}[m[2]]
        return (dt.date.today() - dt.timedelta(days=days)).isoformat()
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        from ..errors import ConfigError

        raise ConfigError(f"{option} {value!r}: expected an ISO date (2024-03-01) or a span like 7d, 4w, 6m") from None


def parse_window(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """--since and --until as YYYY-MM-DD (see :func:`parse_day`); a window that ends before it
    starts is a user error (as in brief and trends), not an empty list."""
    from ..errors import ConfigError

    since, until = parse_day(since, "--since"), parse_day(until, "--until")
    if since and until and since > until:
        raise ConfigError(f"--since {since} is after --until {until} (give an earlier --since)")
    return since, until


def story_filter(archive, *, since=None, until=None, outlet=None, family=None, topic=None, language=None, config=None, **more):
    """The StoryFilter the options ask for; outlet and family are resolved through the outlet
    registry into the outlet names the archive's stories carry.  A value nothing could match is
    a user error naming the fix (a typo should not look like an empty archive)."""
    from ..archive import StoryFilter
    from ..errors import ConfigError

    outlets = None
    if config is not None and not Path(config).is_file():  # a --config path that is not there is an error, used or not
        from ..settings import load_settings

        load_settings(config)
    if outlet or family:
        from ..stages.extract.outlets import FAMILIES

        reg = registry_for(config)
        stored = list(archive.outlet_counts())
        names = set(stored)
        if outlet:
            hit = reg.stored_names(outlet, stored)
            if not hit and reg.resolve(outlet) is None:
                raise ConfigError(f"--outlet {outlet!r}: no outlet by that id, name or alias in the registry or in this archive "
                                  "(look it up with 'sinodesk outlets NAME')")
            names &= set(hit)
        if family:
            in_family = reg.family_names(family, stored)
            if not in_family and family.casefold() not in {f.casefold() for f in FAMILIES}:
                o = reg.resolve(family)
                if o is not None:  # an outlet given as a family: name both fixes
                    raise ConfigError(f"--family {family!r}: an outlet, not an owner family (give --outlet {o.id}, "
                                      f"or --family {(o.family or o.name)!r}, its family)")
                raise ConfigError(f"--family {family!r}: not an owner family (one of: {', '.join(FAMILIES)}; "
                                  "an outlet the registry does not know is a family of its own)")
            names &= set(in_family)
        outlets = tuple(sorted(names))
    if topic:
        from ..topics_admin import taxonomy_labels

        known = taxonomy_labels()
        if topic not in known:
            raise ConfigError(f"--topic {topic!r}: not a topic (known: {', '.join(known)})")
    since, until = parse_window(since, until)
    return StoryFilter(since=since, until=until, outlets=outlets, topic=topic,
                       language=language.lower() if language else None, **more)


def story_rows(stories, copies: dict[str, int] | None = None) -> list[str]:
    """id, date, outlet, headline: the outlet column as wide as the longest name listed (up to
    32 cells; a longer name runs on rather than being cut); ``copies`` adds '(+N copies)'."""
    from rich.cells import cell_len

    width = max((w for w in (cell_len(s.outlet or "-") for s in stories) if w <= 32), default=1)
    rows = []
    for s in stories:
        outlet = s.outlet or "-"
        n = (copies or {}).get(s.story_id, 0)
        more = f"  (+{n} cop{'ies' if n != 1 else 'y'})" if n else ""
        rows.append(f"{s.story_id}  {_date_cell(s):11} {outlet}{' ' * max(0, width - cell_len(outlet))}  "
                    f"{s.headline or '(no headline)'}{more}")
    return rows


INGESTED_NOTE = "* no date found in the story or its source: the day it was ingested"
GUESSED_DATE = "* a relative date with no full date to read it against (the story and its source give none): the day is a guess"


def _date_cell(story) -> str:
    """The story's date; a date that is only the day of the ingest run is starred (see INGESTED_NOTE)."""
    if not story.published:
        return "-"
    return story.published + ("*" if story.published_source == "ingested" else "")


def ingested_note(stories) -> None:
    """Under a listing with starred dates, what the star means (on stderr: the rows stay parseable)."""
    if any(s.published and s.published_source == "ingested" for s in stories):
        click.echo(INGESTED_NOTE, err=True)
