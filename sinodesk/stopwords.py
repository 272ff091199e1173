"""One stop-word list per language for every stage that needs one (linking, ``compare``, segmentation).

English and Chinese are sinodesk's own lists (``data/stopwords/``, see its README); other languages
come from the ``stopwordsiso`` package (MIT).  Lists are read once and returned as frozensets.

    >>> "the" in stop_words("en"), "的" in stop_words("zh"), "para" in stop_words("es")
    (True, True, True)
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["stop_words", "ENGLISH"]


def _own(lang: str) -> frozenset[str] | None:
    path = resources.files("sinodesk").joinpath("data", "stopwords", f"{lang}.txt")
    if not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@cache
def stop_words(lang: str | None) -> frozenset[str]:
    """Stop words of ``lang`` (ISO 639-1); an unknown or missing language has none.

    English and Chinese are sinodesk's lists; every other language is stopwordsiso's, lower-cased.
    """
    if not lang:
        return frozenset()
    own = _own(lang)
    if own is not None:
        return own
    import stopwordsiso

    return frozenset(w.lower() for w in stopwordsiso.stopwords(lang)) if stopwordsiso.has_lang(lang) else frozenset()


ENGLISH = stop_words("en")
