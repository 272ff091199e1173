"""Language stage: which language each story is in.

Scripts settle most cases without a model (Han without kana -> zh, kana -> ja, Hangul -> ko);
Latin-script text thick with English function words (and with none of French, German, Spanish
or Portuguese) is English without asking lingua; everything else goes to lingua, restricted to
the languages the desk cares about.  The English shortcut decides about 80% of the public eval
texts (AG News, BBC, Reuters, ECB+, GVC, feeds, extraction pages: 25,507) at 1/20 of lingua's
cost, and agrees with lingua on all but 3 of the 20,631 it decides -- English texts that lingua
calls German (a Bundesliga report, "Zeitgeist") or Spanish (an all-caps weather table).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property

_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
# closed-class words: English ones, and those of the other Latin-script languages most often
# met in news that would rule English out (words shared across them, like "a" or "de", are left out)
_EN_WORDS = frozenset("the of and to in is was for that on with by as at from it he said has have are be will an this "
                      "which its who not but after were had their they been would than also more about his or".split())
_OTHER_WORDS = (
    frozenset("le les des et est une du dans pour qui sur pas au avec sont ce cette il elle nous vous ont été".split()),  # fr
    frozenset("der die das und ist nicht mit den dem ein eine auf für sich des von zu im auch es sind wird wurde".split()),  # de
    frozenset("el los las y que en por con una del se para es al lo como más pero sus fue".split()),  # es
    frozenset("os que em do da não um uma para com no na dos das ao se por mais foi como".split()),  # pt
)


def plainly_english(sample: str) -> bool:
    """At least 3 English function words, 12% of the words, and 4x (+2) those of any other language."""
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 8:
        return False
    en = sum(w in _EN_WORDS for w in words)
    if en < 3 or en < 0.12 * len(words):
        return False
    return en >= 4 * max(sum(w in other for w in words) for other in _OTHER_WORDS) + 2


MODELS = ("compact", "full")


class LanguageDetector:
    """A lingua detector for a fixed set of ISO 639-1 codes, built once per run.

    ``models="compact"`` is lingua's low-accuracy mode (trigram models only): an ingest process holds
    ~12 MB of them instead of ~160 MB for the 1- to 5-gram models of ``"full"``.  Measured on the 444
    stories of the 14 labelled-language feeds in ``../shared/eval/news-feeds`` (headline + text, as
    ingested): both right on 444; on their headlines alone, full 435 and compact 419 -- the compact
    models are weaker only on texts of a few words.  On 2,937 stories of the feeds, trafilatura and
    Zyte pages, ECB+ and GVC the two disagree on one (a Slovak text, a language outside the set).
    """

    def __init__(self, languages: tuple[str, ...], models: str = "compact"):
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        if models not in MODELS:
            raise ValueError(f"language models {models!r}: choose one of {', '.join(MODELS)}")
        codes = [getattr(IsoCode639_1, c.upper()) for c in languages if hasattr(IsoCode639_1, c.upper())]
        self.languages = languages
        self.models = models
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes) if len(codes) >= 2 else None
        if builder is not None and models == "compact":
            builder = builder.with_low_accuracy_mode()
        self._detector = builder.build() if builder is not None else None

    def __call__(self, text: str) -> str | None:
        return detect_language(text, self)

    @cached_property
    def english_words(self) -> Mapping[str, float]:
        """Common English words (and stems) for :func:`short_english`: the linker's background table."""
        from .cluster.background import load_background

        return load_background()

    def lingua(self, text: str) -> str | None:
        if self._detector is None:
            return self.languages[0] if self.languages else None
        if self.models == "compact":
            self.english_words  # noqa: B018 - read with lingua's models, on first use: a warm-up before forking loads both
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
    if "en" in detector.languages and plainly_english(s):
        return "en"
    lang = detector.lingua(s)
    if lang != "en" and detector.models == "compact" and "en" in detector.languages and short_english(s, detector.english_words):
        return "en"
    return lang


def short_english(text: str, known: Mapping[str, float] | None = None, max_chars: int = 120, min_words: int = 2,
                  share: float = 0.8) -> bool:
    """A few words (a headline alone) that are English by vocabulary: unaccented, none a function word
    of French, German, Spanish or Portuguese, and ``share`` of them common English words (stems in the
    linker's background table, see :mod:`sinodesk.stages.cluster.background`).

    Trigrams alone (lingua's compact models) read "Hackers knock Hangzhou cloud provider offline" as
    German.  With this check, the compact models name English headlines as well as the full ones:
    Reuters titles 12,229 of 12,834 right (full 12,191, compact alone 10,596), BBC 2,186 of 2,225 (full
    2,155, compact 1,910).  The cost is on non-English titles of a few words: 603 of 701 German, French,
    Spanish and Portuguese page titles of the trafilatura set (full 636, compact alone 619).
    (Designed on feed, UCI and AG headlines; the figures above are on sets it was not built on, except
    ``min_words``: one-word titles such as "Geschichte" were seen failing there.)
    """
    if len(text) >= max_chars:
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < min_words or not all(w.isascii() for w in words):
        return False
    if any(w in other for other in _OTHER_WORDS for w in words):
        return False
    from .cluster.features import stem

    if known is None:
        from .cluster.background import load_background

        known = load_background()
    return sum(w in known or stem(w) in known for w in words) >= share * len(words)
