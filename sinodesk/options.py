"""One way to declare a setting: its default and its help line, kept together as field metadata.

Every stage's options class declares its fields with :func:`setting`; ``sinodesk settings`` and
the README table read the help back with :func:`help_of`.
"""

from __future__ import annotations

import dataclasses
from typing import Any


def setting(default: Any, help: str, choices: tuple = ()) -> Any:  # noqa: A002 - the word users see in the table
    """A dataclass field with ``default`` and a one-line ``help`` (required: every setting is documented);
    ``choices``: the only values a config file may give it."""
    if not help.strip():
        raise ValueError("a setting needs a help line")
    if choices and default not in choices:
        raise ValueError(f"default {default!r} is not one of the choices {choices!r}")
    return dataclasses.field(default=default, metadata={"help": help, "choices": tuple(choices)})


def choices_of(f: dataclasses.Field) -> tuple:
    """The values a field is limited to (() when any value of its type will do)."""
    return f.metadata.get("choices", ())


def help_of(f: dataclasses.Field) -> str:
    """The help line declared with a field ("" when there is none)."""
    return f.metadata.get("help", "")
