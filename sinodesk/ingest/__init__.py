"""Readers: turn what the user names on the command line into RawItems, then Documents.

``expand`` walks paths, directories, stdin and URLs into :class:`~sinodesk.records.RawItem`
objects (bytes exactly as received); ``read_raw`` decodes one RawItem into Documents.
"""

from .decode import decode_bytes
from .kinds import sniff_kind
from .readers import read_raw
from .sources import Skipped, expand

__all__ = ["Skipped", "decode_bytes", "expand", "read_raw", "sniff_kind"]
