"""Text -> features for topic models: normalisation, tokens, n-grams.

English (and other Latin-script) text gives lower-cased word tokens (with a light plural
strip) and word bigrams; Chinese gives character n-grams of each CJK run after converting
traditional characters to simplified ones (OpenCC's character table, applied with
``str.translate`` so it costs almost nothing).  Optional extras: jieba words for Chinese,
character n-grams inside Latin words, and the SentencePiece pieces the static embedding cuts a
text into (``pieces``; word-like units in both scripts, cached per word by the embedder), which
by default (-1) a model trained on 2,000 or more examples, mostly Chinese, takes (``resolved``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from ...options import setting

_TOKEN = re.compile(r"[a-z0-9]+(?:['’\-.&][a-z0-9]+)*|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class FeatureOptions:
    word_bigrams: int = setting(-1, "add bigrams of consecutive Latin-script words: 1 (or true) yes, 0 (or false) no, -1 (auto) yes unless the model's training texts are long (a median of LONG_TEXT_CHARS = 400 characters or more: full articles, where single words do better)", choices=(-1, 0, 1))
    cjk_ngrams: tuple[int, int] = setting((1, 3), "character n-gram sizes taken from each run of Chinese characters")
    cjk_words: bool = setting(False, "also add jieba word segmentation for Chinese (slower; helps short headlines)")
    cjk_word_bigrams: bool = setting(False, "with cjk_words, also add bigrams of jieba words")
    latin_chars: tuple[int, int] = setting((0, 0), "character n-gram sizes inside Latin words, (0, 0) for none")
    cjk_whole_text: bool = setting(False, "take Chinese character n-grams over the whole text (punctuation, digits and Latin letters included) instead of per run of Chinese characters")
    max_chars: int = setting(6000, "only the first this many characters of a story are read")
    pieces: int = setting(-1, "also add the static embedding's SentencePiece pieces of the text as features (the word-like units multilingual-e5 cuts English and Chinese into; computed for the embedding anyway): 1 pieces, 2 pieces and bigrams of consecutive Chinese pieces (Chinese has no word bigrams otherwise), 0 none, -1 (auto) 2 when the model is trained on at least 2,000 examples, half of them or more in Chinese, else 0 (they help thousands of Chinese examples, not English ones, and hurt a few hundred)")
    embedding: float = setting(1.0, "weight of the static English+Chinese embedding (sinodesk/data/embed, distilled from multilingual-e5-small) appended to the n-gram features; 0 for none")


PIECES_MIN_EXAMPLES = 2000  # pieces=-1: measured +.005/+.008 (THUCNews dev folds, 6.7k examples) and -.02 (the shipped 342, gold set)
LONG_TEXT_CHARS = 400  # word_bigrams=-1: off when the median training text is this long (medians: shipped 104, AG News 231, Reuters 530, BBC 1,965)


def resolved(opts: FeatureOptions, texts: Sequence[str]) -> FeatureOptions:
    """``opts`` with its automatic choices made for a training set (what a model stores): pieces
    (-1) become 2 when there are at least PIECES_MIN_EXAMPLES texts and at least half of them hold
    Chinese (English has word unigrams and bigrams already: on AG News they gave +.000/+.005 on
    training folds and cost a held-out fold .007), else 0; word_bigrams (-1) become 0 when the
    median text (up to max_chars) is LONG_TEXT_CHARS or longer, else 1."""
    if opts.pieces < 0:
        chinese = sum(1 for t in texts if _CJK.search(t[: opts.max_chars]))
        on = len(texts) >= PIECES_MIN_EXAMPLES and 2 * chinese >= len(texts)
        opts = dataclasses.replace(opts, pieces=2 if on else 0)
    if opts.word_bigrams < 0:
        lengths = sorted(min(len(t), opts.max_chars) for t in texts)
        long = bool(lengths) and lengths[len(lengths) // 2] >= LONG_TEXT_CHARS
        opts = dataclasses.replace(opts, word_bigrams=not long)  # a bool, as stored before -1 existed (same model versions)
    return opts


@functools.cache
def _trad_to_simp() -> dict[int, str]:
    """Character table traditional -> simplified: OpenCC's t2s applied to each CJK character alone
    (one character per line, so no phrase rule applies), kept where it changes the character."""
    from opencc import OpenCC

    chars = [chr(c) for c in range(0x3400, 0xA000)] + [chr(c) for c in range(0xF900, 0xFB00)]
    converted = OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return {ord(a): b for a, b in zip(chars, converted) if len(b) == 1 and b != a}


def normalize(text: str) -> str:
    """NFKC, lower case, traditional Chinese characters to simplified."""
    text = unicodedata.normalize("NFKC", text).lower()
    if _CJK.search(text):
        text = text.translate(_trad_to_simp())
    return text


@functools.lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A light plural strip so 'hackers' meets 'hacker' (not a real stemmer on purpose)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Normalised tokens: stemmed Latin words and whole CJK runs, in order."""
    out = []
    for tok in _TOKEN.findall(text):
        out.append(tok if "\u3400" <= tok[0] else stem(tok.replace("’", "'")))
    return out


@functools.cache
def _jieba():
    import jieba

    jieba.setLogLevel(60)
    return jieba


def analyze(text: str, opts: FeatureOptions = FeatureOptions()) -> list[str]:
    """Features of one text (already joined headline + body) as strings."""
    norm = normalize(text[: opts.max_chars])
    return analyze_normalized(norm, tokens(norm), opts)


def analyze_normalized(norm: str, toks: list[str], opts: FeatureOptions) -> list[str]:
    """Features from a normalised text and its tokens (see ``analyze``)."""
    feats: list[str] = []
    lo, hi = opts.cjk_ngrams
    whole = opts.cjk_whole_text and _CJK.search(norm) is not None
    if whole:
        flat = " ".join(norm.split())
        for n in range(lo, hi + 1):
            feats.extend("c:" + flat[i : i + n] for i in range(len(flat) - n + 1))
    if opts.pieces > 0:
        from .embed import StaticEmbedder

        model = StaticEmbedder.packaged()
        ids = model.piece_ids(norm)
        feats.extend(f"p:{i}" for i in ids)
        if opts.pieces > 1 and len(ids) > 1:
            han = model.han.take(ids)
            feats.extend(f"p:{a}_{b}" for a, b, ha, hb in zip(ids, ids[1:], han, han[1:]) if ha and hb)
    clo, chi = opts.latin_chars
    prev = ""
    for tok in toks:
        if "\u3400" <= tok[0]:
            prev = ""
            n_chars = len(tok)
            for n in range(lo, hi + 1 if not whole else lo):
                feats.extend(tok[i : i + n] for i in range(n_chars - n + 1))
            if opts.cjk_words:
                words = [w for w in _jieba().lcut(tok) if len(w) > 1]
                feats.extend("w:" + w for w in words)
                if opts.cjk_word_bigrams:
                    feats.extend(f"w:{a}_{b}" for a, b in zip(words, words[1:]))
            continue
        feats.append(tok)
        if opts.word_bigrams and prev:  # -1 (not resolved for a training set) reads as on
            feats.append(prev + " " + tok)
        prev = tok
        if clo:
            padded = f"<{tok}>"
            for n in range(clo, chi + 1):
                feats.extend("#" + padded[i : i + n] for i in range(len(padded) - n + 1))
    return feats
