"""Language stage: which language each story is in.

Scripts settle most cases without a model (Han without kana -> zh, kana -> ja, Hangul -> ko);
everything else goes to lingua, restricted to the languages the desk cares about.
"""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")


class LanguageDetector:
    """A lingua detector for a fixed set of ISO 639-1 codes, built once per run."""

    def __init__(self, languages: tuple[str, ...]):
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        codes = [getattr(IsoCode639_1, c.upper()) for c in languages if hasattr(IsoCode639_1, c.upper())]
        self.languages = languages
        self._detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build() if len(codes) >= 2 else None

    def __call__(self, text: str) -> str | None:
        return detect_language(text, self)

    def lingua(self, text: str) -> str | None:
        if self._detector is None:
            return self.languages[0] if self.languages else None
        lang = self._detector.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang is not None else None


def detect_language(text: str, detector: LanguageDetector, sample: int = 600) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when there is no text to judge."""
    s = text[:sample]
    letters = len(_LETTER.findall(s))
    if letters == 0:
        return None
    han, kana, hangul = len(_HAN.findall(s)), len(_KANA.findall(s)), len(_HANGUL.findall(s))
    if kana >= 0.1 * letters and "ja" in detector.languages:
        return "ja"
    if hangul >= 0.3 * letters and "ko" in detector.languages:
        return "ko"
    if han >= 0.3 * letters and "zh" in detector.languages:
        return "zh"
    return detector.lingua(s)
