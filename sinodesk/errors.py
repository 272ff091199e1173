"""Exceptions raised by sinodesk.  Every message names the item, the problem and the fix.

::

    SinodeskError
     ├── BadInput          input that cannot be read or understood (item-level)
     │    └── DecodeFailed bytes that decode in no plausible encoding
     ├── FetchFailed       a URL that could not be fetched
     ├── ArchiveError      the archive cannot be opened or is inconsistent
     ├── NotFound          a story, event or document id that is not in the archive
     ├── ConfigError       a bad sinodesk.toml or option value
     ├── NothingToDo       a command that could do nothing at all
     └── EvalBroken        an evaluation whose ingest hit a sinodesk bug (its figures would be wrong)
"""

from __future__ import annotations


class SinodeskError(Exception):
    exit_code = 1


class BadInput(SinodeskError):
    stage = "read"

    def __init__(self, message: str, *, stage: str | None = None):
        super().__init__(message)
        if stage:
            self.stage = stage


class DecodeFailed(BadInput):
    stage = "decode"


class FetchFailed(BadInput):
    stage = "fetch"


class ArchiveError(SinodeskError):
    pass


class NotFound(SinodeskError):
    pass


class ConfigError(SinodeskError):
    pass


class NothingToDo(SinodeskError):
    pass


class EvalBroken(SinodeskError):
    pass
