"""Expand command-line inputs (paths, directories, .zip archives, '-', URLs) into RawItems.

Inside a directory or a .zip archive only files named like news are read (:data:`NEWS_FILES`),
less the files every project folder has (:data:`NOT_NEWS`); ``--include``/``--exclude`` globs
add and remove files, and every file left out is reported as :class:`Skipped`.  A file named
on the command line is always read.  Compressed files are unpacked (:mod:`.unpack`).
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadInput, FetchFailed
from ..records import RawItem, Rejection
from .fetch import Fetcher, is_url
from .kinds import sniff_kind
from .unpack import Member, compression_of, inner_name, unpack_stream, unpack_zip

_SKIP_NAMES = {".DS_Store", "Thumbs.db"}

# the rule for files found inside a directory or a .zip (see the module docstring)
NEWS_FILES = ("*.txt", "*.text", "*.html", "*.htm", "*.xhtml", "*.shtml", "*.xml", "*.rss", "*.atom", "*.rdf",
              "*.opml", "*.jsonl", "*.ndjson", "*.warc", "*.urls", "*.lst", "*.zip")
COMPRESSED = (".gz", ".bz2", ".xz")
NOT_NEWS = ("LICENSE*", "LICENCE*", "COPYING*", "NOTICE*", "README*", "CHANGELOG*", "CHANGES*", "AUTHORS*",
            "CONTRIBUTING*", "CITATION*", "requirements*.txt", "robots.txt")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file inside a directory or .zip left out by the include/exclude rule."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class FileRule:
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def skip_reason(self, rel: str) -> str | None:
        """Why the file at ``rel`` (path inside its directory or zip) is left out; None to read it."""
        name = rel.rsplit("/", 1)[-1]

        def hit(globs: Iterable[str]) -> bool:
            return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in globs)

        if hit(self.exclude):
            return "matches --exclude"
        if hit(self.include):
            return None
        lname = name.lower()
        for suffix in COMPRESSED:
            if lname.endswith(suffix):
                lname = lname[: -len(suffix)]
        if not any(fnmatch.fnmatch(lname, g) for g in NEWS_FILES):
            return "not named like news"
        if any(fnmatch.fnmatch(name.upper(), g.upper()) for g in NOT_NEWS):
            return "a project file, not news"
        return None


def expand(args: list[str], fetcher: Fetcher, *, stdin=None, opts=None) -> Iterator[RawItem | Rejection | Skipped]:
    """Yield a RawItem for every input found, a Rejection for one that cannot be read and a
    Skipped for a file a directory or zip holds that the include/exclude rule leaves out.
    ``opts`` is the ``[ingest]`` settings (sizes, include/exclude globs)."""
    limits = _Limits.of(opts)
    for arg in args:
        if arg == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _from_stdin(stream, limits)
        elif is_url(arg):
            try:
                yield fetcher.fetch_raw(arg)
            except FetchFailed as exc:
                yield Rejection(source=arg, stage="fetch", reason=str(exc))
        elif re.match(r"^https?://", arg, re.I):  # the scheme is right: the rest is not an address
            yield Rejection(source=arg, stage="read",
                            reason=f"{arg}: not a web address (it needs a host and no spaces, e.g. https://example.org/feed.xml)")
        elif re.match(r"^[a-z][a-z0-9+.-]*://", arg, re.I):
            yield Rejection(source=arg, stage="read", reason=f"{arg}: unsupported URL scheme (expected http:// or https://)")
        elif os.path.isdir(arg):
            yield from _expand_dir(arg, limits)
        else:
            yield from _read_file(arg, limits)


@dataclass(frozen=True, slots=True)
class _Limits:
    max_file_bytes: int = 50_000_000
    max_unpacked_bytes: int = 500_000_000
    rule: FileRule = FileRule()

    @classmethod
    def of(cls, opts) -> _Limits:
        if opts is None:
            return cls()
        return cls(opts.max_file_bytes, opts.max_unpacked_bytes, FileRule(tuple(opts.include), tuple(opts.exclude)))


def _expand_dir(root: str, limits: _Limits) -> Iterator[RawItem | Rejection | Skipped]:
    taken, skipped = 0, []
    for path in _walk(root):
        rel = Path(path).relative_to(root).as_posix()
        why = limits.rule.skip_reason(rel)
        if why:
            skipped.append(rel)
            yield Skipped(path, why)
            continue
        taken += 1
        yield from _read_file(path, limits)
    if not taken:
        more = f" (skipped {len(skipped)}: {', '.join(skipped[:3])}{', …' if len(skipped) > 3 else ''}; --include GLOB takes them)" if skipped else ""
        yield Rejection(source=root, stage="read", reason=f"{root}: directory has no news files to ingest{more}")


def _walk(root: str) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in sorted(filenames):
            if fn.startswith(".") or fn in _SKIP_NAMES:
                continue
            yield os.path.join(dirpath, fn)


def _read_file(path: str, limits: _Limits) -> Iterator[RawItem | Rejection | Skipped]:
    p = Path(path)
    if not p.exists():
        yield Rejection(source=path, stage="read", reason=f"{path}: no such file or directory (check the path)")
        return
    max_bytes = limits.max_file_bytes
    try:
        size = p.stat().st_size
        if size > max_bytes:
            yield Rejection(source=path, stage="read", reason=f"{path}: file is {size} bytes, over the {max_bytes}-byte limit (split it or raise [ingest] max_file_bytes)")
            return
        data = p.read_bytes()
    except OSError as exc:
        yield Rejection(source=path, stage="read", reason=f"{path}: cannot read file ({exc.strerror}); check its permissions")
        return
    if not data.strip():
        yield Rejection(source=path, stage="read", reason=f"{path}: file is empty (nothing to ingest)", data=data)
        return
    yield from _from_bytes(path, data, limits)


def _from_stdin(stream, limits: _Limits) -> Iterator[RawItem | Rejection | Skipped]:
    """What came in on stdin, held to the size limit of a file (read no further than past it)."""
    cap = limits.max_file_bytes
    data = stream.read(cap + 1)
    if len(data) > cap:
        yield Rejection(source="-", stage="read", data=data[:4096],
                        reason=f"-: stdin gave more than {cap} bytes, over the {cap}-byte limit (split it or raise [ingest] max_file_bytes)")
        return
    if not data.strip():
        yield Rejection(source="-", stage="read", reason="-: stdin is empty (nothing to ingest)", data=data)
        return
    yield from _from_bytes("-", data, limits)


def _from_bytes(source: str, data: bytes, limits: _Limits, name: str | None = None) -> Iterator[RawItem | Rejection | Skipped]:
    """The raw item(s) in ``data``: itself, its unpacked bytes, or each file of a zip."""
    name = source if name is None else name
    suffix = compression_of(data, name)
    try:
        if suffix == ".zip":
            yield from _zip_members(source, data, limits)
            return
        if suffix is not None:
            data = unpack_stream(data, source, suffix, limits.max_file_bytes)
            name = inner_name(name)
    except BadInput as exc:
        yield Rejection(source=source, stage="read", reason=str(exc), data=data[:4096])
        return
    yield RawItem(source=source, data=data, kind=sniff_kind(data, name))


def _zip_members(source: str, data: bytes, limits: _Limits) -> Iterator[RawItem | Rejection | Skipped]:
    taken = failed = 0
    for member in unpack_zip(data, source, member_cap=limits.max_file_bytes, total_cap=limits.max_unpacked_bytes):
        if isinstance(member, BadInput):
            failed += 1
            yield Rejection(source=source, stage="read", reason=str(member))
            continue
        where = f"{source}/{member.name}"
        why = limits.rule.skip_reason(member.name)
        if why:
            yield Skipped(where, why)
            continue
        taken += 1
        if not member.data.strip():
            yield Rejection(source=where, stage="read", reason=f"{where}: file is empty (nothing to ingest)")
            continue
        yield from _unpacked_member(where, member, limits)
    if not taken and not failed:  # an unreadable zip (or member) has said why already
        yield Rejection(source=source, stage="read", reason=f"{source}: the zip holds no news files to ingest (--include GLOB takes its files)")


def _unpacked_member(where: str, member: Member, limits: _Limits) -> Iterator[RawItem | Rejection | Skipped]:
    if compression_of(member.data, member.name) == ".zip":
        yield Rejection(source=where, stage="read", reason=f"{where}: a zip inside a zip; unzip the outer one and ingest the folder")
        return
    yield from _from_bytes(where, member.data, limits, name=member.name)
