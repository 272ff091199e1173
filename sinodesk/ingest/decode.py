"""Decode bytes in whatever encoding they declare or imply.

Order: a byte-order mark; the declared charset (HTTP header, XML declaration, HTML meta);
strict UTF-8; then charset-normalizer's best guess among plausible encodings.  GB2312 and
GBK are decoded as GB18030 (a superset, so nothing is lost); Big5 as Big5-HKSCS.
"""

from __future__ import annotations

import codecs
import re

from ..errors import DecodeFailed

_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030",
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "cp950": "big5hkscs",
    "latin-1": "cp1252", "latin1": "cp1252", "iso-8859-1": "cp1252", "us-ascii": "utf-8", "ascii": "utf-8",
}
_DECL = [
    re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""", re.I),
    re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._-]+)""", re.I),
]


def normalise_encoding(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_encoding(data: bytes, content_type: str | None = None) -> str | None:
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", content_type, re.I)
        if m:
            return m.group(1)
    head = data[:4096]
    for rx in _DECL:
        m = rx.search(head)
        if m:
            return m.group(1).decode("ascii", "replace")
    return None


def decode_bytes(data: bytes, *, name: str = "input", content_type: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``.  The text keeps line endings exactly; a BOM is dropped."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict") if _ok(data[3:], "utf-8") else data[3:].decode("utf-8", "replace"), "utf-8-sig"
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc
    declared = normalise_encoding(declared_encoding(data, content_type))
    if declared and _ok(data, declared):
        return data.decode(declared), declared
    if _ok(data, "utf-8"):
        return data.decode("utf-8"), "utf-8"
    guess = _cjk_guess(data)
    if guess:
        return data.decode(guess), guess
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5hkscs", "cp1252", "utf_16", "shift_jis", "euc_kr", "cp1251", "euc_jp", "iso8859_2"]).best()
    if best is not None:
        enc = normalise_encoding(best.encoding) or best.encoding
        if _ok(data, enc):
            return data.decode(enc), enc
    if b"\x00" in data[:1024]:
        raise DecodeFailed(f"{name}: looks like a binary file, not text (give a text, HTML, feed, JSONL or WARC file)")
    raise DecodeFailed(
        f"{name}: cannot tell the text encoding (declare it, e.g. <meta charset=\"gb18030\">, or convert the file to UTF-8)"
    )


def _ok(data: bytes, enc: str) -> bool:
    try:
        data.decode(enc)
        return True
    except (UnicodeDecodeError, LookupError):
        return False


def _cjk_guess(data: bytes) -> str | None:
    """GB18030 or Big5 for undeclared Chinese bytes, judged by how many characters fall in
    each encoding's block of *frequent* characters (GB2312 level 1: lead bytes 0xB0-0xD7;
    Big5 frequent characters: 0xA440-0xC67E).  Statistical detectors misjudge short texts."""
    scores = {}
    for enc, lo, hi in (("gb18030", 0xB0, 0xD7), ("big5hkscs", 0xA4, 0xC6)):
        if not _ok(data, enc):
            continue
        pairs = common = 0
        i, n = 0, len(data)
        while i < n:
            b = data[i]
            if b < 0x80:
                i += 1
                continue
            pairs += 1
            if lo <= b <= hi:
                common += 1
            i += 2
        if pairs:
            scores[enc] = common / pairs
    if not scores:
        return None
    best = max(scores, key=scores.get)
    return best if scores[best] >= 0.6 else None
