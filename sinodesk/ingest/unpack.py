"""Compressed inputs: .gz, .bz2 and .xz files and .zip archives, read with the unpacked size capped.

Crawls and saved pages often come compressed.  A compressed file is unpacked before anything
else reads it, like an HTTP body sent with ``Content-Encoding: gzip``: the stored raw bytes are
the unpacked ones.  Reading stops one byte past the cap, so a zip bomb costs at most the cap.
A ``.warc.gz`` stays as it is (WARC readers take gzip records as they come).
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import BadInput

_STREAMS = {".gz": ("gzip", lambda fh: gzip.GzipFile(fileobj=fh)), ".bz2": ("bzip2", bz2.BZ2File), ".xz": ("xz", lzma.LZMAFile)}
_MAGIC = ((b"\x1f\x8b", ".gz"), (b"BZh", ".bz2"), (b"\xfd7zXZ\x00", ".xz"), (b"PK\x03\x04", ".zip"))
_TAR_NAMES = (".tar", ".tgz", ".tbz2", ".txz", ".tar.gz", ".tar.bz2", ".tar.xz")


@dataclass(frozen=True, slots=True)
class Member:
    """One file unpacked from a compressed input: its name (the inner file name) and bytes."""

    name: str
    data: bytes


def compression_of(data: bytes, name: str = "") -> str | None:
    """'.gz', '.bz2', '.xz' or '.zip' when ``data`` is compressed (by name or first bytes), else None."""
    lname = name.lower()
    if lname.endswith((".warc.gz", ".warc")) or data[:4] == b"WARC":
        return None
    for suffix in (".gz", ".bz2", ".xz", ".zip"):
        if lname.endswith(suffix):
            return suffix
    for magic, suffix in _MAGIC:
        if data.startswith(magic):
            if suffix == ".gz" and _gzip_holds_warc(data):
                return None
            return suffix
    return None


def _gzip_holds_warc(data: bytes) -> bool:
    try:
        return zlib.decompressobj(wbits=31).decompress(data[:4096], 5) == b"WARC/"
    except zlib.error:
        return False


def inner_name(name: str) -> str:
    """``page.html.gz`` -> ``page.html`` (the name the unpacked bytes are sniffed by)."""
    lname = name.lower()
    for suffix in (".gz", ".bz2", ".xz"):
        if lname.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _capped_read(fh, cap: int, name: str, what: str) -> bytes:
    try:
        data = fh.read(cap + 1)
    except (OSError, EOFError, lzma.LZMAError, zlib.error, zipfile.BadZipFile) as exc:
        raise BadInput(f"{name}: not a readable {what} file ({exc}); re-download or re-compress it") from None
    if len(data) > cap:
        raise BadInput(
            f"{name}: unpacks to more than {cap:,} bytes (limit: [ingest] max_file_bytes); it may be a zip bomb: "
            "unpack it yourself and check it, or raise the limit"
        )
    return data


def unpack_stream(data: bytes, name: str, suffix: str, cap: int) -> bytes:
    """The unpacked bytes of a .gz, .bz2 or .xz file, at most ``cap`` of them."""
    if name.lower().endswith(_TAR_NAMES):
        raise BadInput(f"{name}: a tar archive (sinodesk reads .zip archives and single .gz/.bz2/.xz files); unpack it and ingest the folder")
    what, opener = _STREAMS[suffix]
    return _capped_read(opener(io.BytesIO(data)), cap, name, what)


def unpack_zip(data: bytes, name: str, *, member_cap: int, total_cap: int) -> Iterator[Member | BadInput]:
    """Each file of a .zip archive (folders skipped), in the archive's order; a member that cannot
    be read is yielded as the BadInput saying why, and the rest goes on."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        yield BadInput(f"{name}: not a readable zip file ({exc}); re-download or re-compress it")
        return
    total = 0
    for info in zf.infolist():
        if info.is_dir():
            continue
        where = f"{name}/{info.filename}"
        if info.flag_bits & 0x1:
            yield BadInput(f"{where}: encrypted (sinodesk cannot read password-protected zip files); unzip it yourself")
            continue
        if info.filename.lower().endswith(".zip"):
            yield BadInput(f"{where}: a zip inside a zip; unzip the outer one and ingest the folder")
            continue
        try:
            with zf.open(info) as fh:
                body = _capped_read(fh, min(member_cap, total_cap - total), where, "zip")
        except BadInput as exc:
            if total_cap - total < member_cap and "unpacks to more" in str(exc):
                yield BadInput(
                    f"{name}: its files unpack to more than {total_cap:,} bytes in all (limit: [ingest] max_unpacked_bytes); "
                    "it may be a zip bomb: unpack it yourself and check it, or raise the limit"
                )
                return
            yield exc
            continue
        except (NotImplementedError, RuntimeError) as exc:  # unsupported compression method
            yield BadInput(f"{where}: cannot unpack ({exc}); unzip it yourself")
            continue
        total += len(body)
        yield Member(info.filename, body)
