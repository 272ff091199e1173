"""One way to declare a setting: its default and its help line, kept together as field metadata.

Every stage's options class declares its fields with :func:`setting`; ``sinodesk settings`` and
the README table read the help back with :func:`help_of`.
"""

from __future__ import annotations

import dataclasses
from typing import Any


def setting(default: Any, help: str) -> Any:  # noqa: A002 - the word users see in the table
    """A dataclass field with ``default`` and a one-line ``help`` (required: every setting is documented)."""
    if not help.strip():
        raise ValueError("a setting needs a help line")
    return dataclasses.field(default=default, metadata={"help": help})


def help_of(f: dataclasses.Field) -> str:
    """The help line declared with a field ("" when there is none)."""
    return f.metadata.get("help", "")
