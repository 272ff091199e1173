"""Names no list holds: a learned span classifier over runs of capitalised words (English).

Most English names are runs of capitalised words ("Gabriel Merino", "Heilongjiang Provincial
Academy of Social Sciences", "Khabarovsk War Crimes Trials").  For each such run (capitalised
tokens joined by a few small words: of, and, for, the, de ...) every sub-span of up to eight
tokens is scored by a linear model over the span's words, shapes, suffixes, the words around
it and what the gazetteer knows about it; a small dynamic programme then picks the
non-overlapping spans that beat "no name" by the largest total margin.

The weights in ``sinodesk/data/names/`` were distilled from spaCy's small English model's
output on text whose licence allows it, joined with the gazetteer's labels, by
``tools/train_names.py`` (source, licence and size in that folder's README).  Only tokens that
start a run are looked at, so the model costs a fraction of a millisecond per story.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, repeat
from pathlib import Path

import numpy as np

from .gazetteer import Gazetteer, GazMatch, label_of, slug
from .name_shapes import (_NATIONALS, appositive_people, call_letters, defined_acronyms, head_of_names, initialled_people, kind_before_name, legal_form_companies,
                          geo_first_names, number_after, possessive_names, role_people, state_abbreviations, street_names, strip_nationality, strong_head_type, team_by_role, titled_people,
                          award_mentions, channels, headed_names, inner_capital_products, org_shapes, possessive_firms, teams_before_roles, web_names, work_titles)

LABELS = ("NONE", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "LAW")
PREFIX = {"PERSON": "person", "ORG": "org", "GPE": "gpe", "LOC": "loc", "FAC": "fac", "PRODUCT": "product",
          "EVENT": "event", "LAW": "law"}
MODEL_DIR = Path(__file__).resolve().parents[2] / "data" / "names"
MAX_SPAN = 8
MAX_RUN = 14
MIN_MARGIN = 0.8  # a span is a name when its best label beats "no name" by more than this (chosen on seeds + dev)

# Abbreviations with dots ("U.S.", "U.N."), words with inner hyphens/apostrophes/ampersands,
# a possessive on its own, any other single character.
# A hyphen before a lower-case affix that makes an adjective of a name splits the word, so the
# name is a token of its own ("Paris-based" -> Paris, -, based; "Coca-Cola" stays one word).
_AFFIXES = ("based|born|led|owned|made|backed|run|listed|style|bound|controlled|funded|headquartered|registered|"
            "area|wide|related|era|linked|affiliated|focused|sponsored|dominated|speaking|brokered|bred|raised|"
            "trained|educated|designed|built|inspired|centric|friendly|held|allied|supported|dependent|specific|"
            "native|turned|origin|level|class|type|themed|produced|flagged|administered")
_TOKEN = re.compile(
    rf"(?:[A-Z]\.){{2,}}|['’]s\b|[^\W_]+(?:-(?!(?:{_AFFIXES})\b)[^\W_]+|&[^\W_]+|['’](?!s\b)[^\W_]+)*|\S"
)
_CONNECT = frozenset({"of", "and", "for", "the", "de", "del", "da", "do", "dos", "du", "von", "van", "der", "den", "la", "le",
                      "al", "el", "bin", "y", "on", "&", "in"})
_SENT_END = frozenset({".", "!", "?", ":", ";", "\"", "“", "”", "(", "•", "-", "–", "—", "|"})
_HEADS = frozenset(
    "ministry department bureau commission administration office council committee court institute university academy "
    "agency association center centre foundation corporation company bank party forum group federation authority "
    "organization organisation society union lab laboratory network service army navy police force forces congress "
    "assembly parliament exchange times daily news post press journal television radio fund team station hospital "
    "school college alliance inc corp ltd co club league conference summit war trials festival games cup act law treaty "
    "initiative program programme plan strategy province county district city prefecture island islands river mountain "
    "mountains sea lake strait bay airport square street road bridge palace hall tower stadium".split()
)


@lru_cache(maxsize=65536)
def _shape(tok: str) -> str:
    if tok.isupper():
        return "X" if len(tok) > 1 else "x1"
    if tok[:1].isupper():
        return "Xx" if tok[1:].islower() or len(tok) == 1 else "XxX"
    if tok.isdigit():
        return "d"
    if any(ch.isdigit() for ch in tok):
        return "xd"
    if tok.islower():
        return "x"
    return "o"


def _cap(tok: str) -> bool:
    """Capitalised, or a letter word with a capital inside ("iPhone")."""
    c = tok[:1]
    if c.isupper():
        return True
    if not c.isalpha():
        return False
    rest = tok[1:]
    return rest != rest.lower() and any(ch.isupper() for ch in rest)


@dataclass(frozen=True, slots=True)
class Tokens:
    """Tokens of a stretch of text with their offsets and whether each opens a sentence/line."""

    text: list[str]
    start: list[int]
    end: list[int]
    opens: list[bool]
    low: list[str]  # each token in lower case


def tokenize(text: str, s0: int, e0: int) -> Tokens:
    spans = [m.span() for m in _TOKEN.finditer(text, s0, e0)]
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    words = [text[s:e] for s, e in spans]
    # a token opens a sentence/line: the first, one after a sentence mark, or one after a line break
    opens = [True, *(prev in _SENT_END or (s > pe and "\n" in text[pe:s]) for prev, pe, s in zip(words, ends, starts[1:]))] if spans else []
    return Tokens(words, starts, ends, opens, [t.lower() for t in words])


def runs(toks: Tokens, line_case: list[bool] | None = None) -> list[tuple[int, int]]:
    """(first, last+1) token indexes of each run of capitalised words (small words inside)."""
    out = []
    w = toks.text
    n = len(w)
    i = 0
    while i < n:
        if not _cap(w[i]) or not w[i][0].isalnum():
            i += 1
            continue
        j = i + 1
        while j < n and j - i < MAX_RUN:
            t = w[j]
            if _cap(t) and t[0].isalnum() and not toks.opens[j]:
                j += 1
            elif t.isdigit() and j > i and _cap(w[j - 1]):
                j += 1
            elif toks.low[j] in _CONNECT and j + 1 < n and _cap(w[j + 1]) and not toks.opens[j + 1]:
                j += 2
            else:
                break
        out.append((i, j))
        i = j
    return out


def _split_score_lines(toks: Tokens, all_runs: list[tuple[int, int]], text: str, s0: int, e0: int) -> list[tuple[int, int]]:
    """``all_runs`` with a run cut at a score line's digit ("Chelsea 2 Arsenal 1" -> Chelsea | Arsenal 1;
    name_context.score_digits)."""
    if not any(j - i > 2 for i, j in all_runs):
        return all_runs
    from .name_context import score_digits

    cut = score_digits(text, s0, e0)
    if not cut:
        return all_runs
    out = []
    for r0, r1 in all_runs:
        a = r0
        for k in range(r0 + 1, r1 - 1):
            if toks.start[k] in cut:
                out.append((a, k))
                a = k + 1
        out.append((a, r1))
    return out


def candidate_spans(toks: Tokens, all_runs: list[tuple[int, int]] | None = None):
    """(run start, run end, span start, span end) token indexes of every span scored: up to
    MAX_SPAN tokens inside a run, not starting or ending on a small word (``all_runs``: runs(toks)
    when already computed)."""
    for r0, r1 in runs(toks) if all_runs is None else all_runs:
        for i in range(r0, r1):
            if toks.low[i] in _CONNECT:
                continue
            for j in range(i + 1, min(r1, i + MAX_SPAN) + 1):
                if toks.low[j - 1] not in _CONNECT:
                    yield r0, r1, i, j


def lower_words(toks: Tokens) -> frozenset[str]:
    """Words the text itself writes in lower case (a capitalised one of them is likely no name)."""
    return frozenset(t for t in toks.text if t.islower())


def midsentence_caps(toks: Tokens) -> frozenset[str]:
    """Words (lower-cased) this text writes capitalised inside a sentence: a word that opens a
    sentence here and is written so elsewhere is likely a name ("Woods wins ..." / "Tiger Woods")."""
    return frozenset(low for t, low, o in zip(toks.text, toks.low, toks.opens) if not o and t[:1].isupper())


def span_features(toks: Tokens, i: int, j: int, r0: int, r1: int, gaz: Gazetteer | None, src: str,
                  lower: frozenset[str] = frozenset(), common: frozenset[str] = frozenset(),
                  midcap: frozenset[str] | None = None) -> list[str]:
    """Feature names of tokens [i, j) inside run [r0, r1); ``lower``: words this text writes in
    lower case; ``common``: words English text usually writes in lower case; ``midcap``: words it
    writes capitalised inside a sentence (with it come the features of the word lists: census
    given names, GeoNames places, words too rare for the frequency list)."""
    w = toks.text
    low = toks.low
    words = low[i:j]
    n = j - i
    cw = [x in common for x in words]
    lw = [x in lower for x in words]
    f = ["b", f"len={min(n, 6)}", f"first={words[0]}", f"last={words[-1]}", f"suf={words[-1][-3:]}",
         "shape=" + "".join(_shape(t)[0] for t in w[i:j])[:8]]
    f.extend("w=" + x for x in words)
    f.append(f"common={int(cw[0])}{int(cw[-1])}{int(all(cw))}")
    f.append(f"lower={int(lw[0])}{int(lw[-1])}{int(any(lw))}")
    if i > 0:
        f.append("p1shape=" + _shape(w[i - 1]))
    if j < len(w):
        f.append("n1shape=" + _shape(w[j]))
    if n > 1:
        f.append(f"fl={words[0]}|{words[-1]}")
    if words[-1] in _HEADS:
        f.append("head")
    if words[0] in _CONNECT or words[-1] in _CONNECT:
        f.append("edge_small")
    p1 = low[i - 1] if i > 0 else "<s>"
    p2 = low[i - 2] if i > 1 else "<s>"
    n1 = low[j] if j < len(w) else "</s>"
    n2 = low[j + 1] if j + 1 < len(w) else "</s>"
    f += [f"p1={p1}", f"p2={p2}|{p1}", f"n1={n1}", f"n2={n1}|{n2}"]
    if toks.opens[i]:
        f.append("opens")
        f.append(f"opens_first={words[0]}")
    f.append(f"edges={int(i == r0)}{int(j == r1)}")
    if midcap is not None:
        _list_features(f, toks, i, j, words, midcap)
    if r1 - r0 > n:
        f.append(f"runlen={min(r1 - r0, 6)}")
    if gaz is not None:
        c = gaz.lookup(src[toks.start[i] : toks.end[j - 1]])
        if c:
            f.append("gaz=" + label_of(c))
        elif n > 1:
            for k in (i, j - 1):
                ck = gaz.lookup(w[k])
                if ck:
                    f.append(f"gaz{'L' if k == i else 'R'}=" + label_of(ck))
    return f


def _list_features(f: list[str], toks: Tokens, i: int, j: int, words: list[str], midcap: frozenset[str]) -> None:
    from .name_lists import given_names, place_names

    w = toks.text
    n = j - i
    if toks.opens[i]:
        f.append(f"midcap={int(words[0] in midcap)}{int(words[-1] in midcap)}")
    if w[i] in given_names():
        f.append(f"given{min(n, 2)}")
    if n <= 3 and " ".join(w[i:j]) in place_names():
        f.append("place")
    f.append(f"rare={int(words[0].isalpha() and _rare(words[0]))}{int(words[-1].isalpha() and _rare(words[-1]))}")
    if n > 1:
        f.append(f"sufF={words[0][-3:]}")


@dataclass(frozen=True, slots=True)
class NameHit:
    start: int
    end: int
    label: str
    margin: float


class NameModel:
    """The packaged span classifier (vocabulary + weights), loaded on first use."""

    def __init__(self, directory: Path = MODEL_DIR):
        self.directory = Path(directory)

    @cached_property
    def _weights(self) -> tuple[dict[str, int], np.ndarray, np.ndarray, tuple[str, ...]]:
        data = np.load(self.directory / "names_en.npz")
        with gzip.open(self.directory / "names_en.vocab.gz", "rt", encoding="utf-8") as fh:
            vocab = {line.rstrip("\n"): k for k, line in enumerate(fh)}
        scale = float(data["scale"])
        W = np.vstack([data["W"].astype(np.float32) * scale, np.zeros((1, data["W"].shape[1]), dtype=np.float32)])
        labels = tuple(str(x) for x in data["labels"])
        return vocab, W, data["b"].astype(np.float32), labels

    @cached_property
    def list_features(self) -> bool:
        """The model was trained with the word lists' features (span_features' ``midcap``)."""
        with np.load(self.directory / "names_en.npz") as data:
            return bool(data["list_features"]) if "list_features" in data.files else False

    @cached_property
    def common(self) -> frozenset[str]:
        path = self.directory / "names_en.common.gz"
        if not path.exists():
            return frozenset()
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return frozenset(line.strip() for line in fh if line.strip())

    @property
    def available(self) -> bool:
        return (self.directory / "names_en.npz").exists()

    def find(self, text: str, s0: int, e0: int, gaz: Gazetteer | None, headline_end: int = 0) -> list[NameHit]:
        """Names in ``text[s0:e0]`` (English text), each with its label and margin over "no name"."""
        toks = tokenize(text, s0, e0)
        all_runs = _split_score_lines(toks, runs(toks), text, s0, e0)  # read once: the model's spans and the given-name rules both walk them
        return _with_given_names(toks, self._find(toks, text, gaz, all_runs), text, gaz, self.common, headline_end, all_runs)

    def _find(self, toks: Tokens, text: str, gaz: Gazetteer | None, all_runs: list[tuple[int, int]] | None = None) -> list[NameHit]:
        lower, common = lower_words(toks), self.common
        # a lone sentence-opening word that English usually writes in lower case ("The", "But",
        # "However") is never a name: not scored
        spans = [sp for sp in candidate_spans(toks, all_runs) if not (sp[1] - sp[0] == 1 and toks.opens[sp[0]] and toks.low[sp[0]] in common)]
        midcap = midsentence_caps(toks) if self.list_features else None
        feats = [span_features(toks, i, j, r0, r1, gaz, text, lower, common, midcap) for r0, r1, i, j in spans]
        if not spans:
            return []
        fresh = _after_datelines(toks, text)
        if fresh:
            feats = [_as_text_start(f) if i in fresh else f for f, (_r0, _r1, i, _j) in zip(feats, spans)]
        scores = self.score(feats)
        labels = self._weights[3]
        none = labels.index("NONE")
        org = labels.index("ORG")
        non_org = [x for x in range(len(labels)) if x not in (none, org)]
        for k, (_r0, _r1, i, j) in enumerate(spans):
            if _clean_name_shape(toks, i, j, common):
                scores[k, none] -= CLEAN_BIAS
            elif j - i == 1 and toks.text[i] in _NATIONALS:
                continue  # "French", "Kenyan": a nationality is no name however rarely it is written in lower case
            elif j - i == 1 and _acronym(toks, i):
                if scores[k, org] >= scores[k, non_org].max():  # read as anything else, an acronym is a disease, a unit ...
                    scores[k, none] -= ACRONYM_BIAS
            elif j - i == 1 and _plain_word(toks, i, common):
                scores[k, none] -= WORD_BIAS + (RARE_BIAS if _rare(toks.low[i]) else 0.0)
        return _decode(toks, spans, scores, labels)

    def score(self, feats: list[list[str]]) -> np.ndarray:
        """Scores (spans x labels): the summed weights of each span's known features, plus the bias.

        Unknown features map to an all-zero last row, so every span keeps its (non-empty) run of rows."""
        vocab, W, b, _ = self._weights
        flat = [x for f in feats for x in f]
        unknown = len(W) - 1
        idx = np.fromiter(map(vocab.get, flat, repeat(unknown)), dtype=np.int64, count=len(flat))
        offs = np.fromiter(accumulate((len(f) for f in feats[:-1]), initial=0), dtype=np.int64, count=len(feats))
        return np.add.reduceat(W[idx], offs, axis=0) + b


# A line that opens with a dateline or a wire credit and a dash: "MICHIGAN - ", "WASHINGTON (Reuters) - ",
# "LONDON, Oct 3 (AFP) -- ", "AP - ", "SPACE.com - ".  Capitalised words only (an agency in brackets aside).
_DATELINE_PREFIX = re.compile(r"[ \t]*[A-Z][\w.&'’]*(?:,? [A-Z][\w.&'’]*){0,4}(?:, [A-Z][a-z]{2,3}\.? \d{1,2})?"
                              r"(?: \([^()\n]{2,30}\))?[ \t]*$")


def _after_datelines(toks: Tokens, text: str) -> frozenset[int]:
    """Tokens that open a sentence right after a line's dateline or wire credit and its dash ("MICHIGAN - Tiger
    Woods finished ..."): the sentence starts there, so its first name is read as at the start of a text, not
    after a dash (the words before it are no context of the name)."""
    out = []
    for i in range(1, len(toks.text)):
        if toks.opens[i] and toks.text[i - 1] in ("-", "–", "—"):
            k = i - 1
            while k > 0 and toks.text[k - 1] == "-" and toks.end[k - 1] == toks.start[k]:
                k -= 1  # "--"
            line = text.rfind("\n", 0, toks.start[k]) + 1
            if toks.start[k] - line <= 60 and _DATELINE_PREFIX.fullmatch(text, line, toks.start[k]):
                out.append(i)
    return frozenset(out)


def _as_text_start(f: list[str]) -> list[str]:
    """A span's features with the words before it read as the start of a text."""
    return [x for x in f if not x.startswith(("p1=", "p2=", "p1shape="))] + ["p1=<s>", "p2=<s>|<s>"]


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The packaged model's words English usually writes in lower case (names_en.common.gz)."""
    return NameModel().common


CLEAN_BIAS = 1.0  # how much less "no name" counts for a span of the plainest name shape (chosen on dev + seeds)


def _clean_name_shape(toks: Tokens, i: int, j: int, common: frozenset[str]) -> bool:
    """Two or more capitalised letter-only words ("Dennis Rommedahl", "Crystal Palace") inside a
    sentence, none of them a word English usually writes in lower case: the teacher the model
    learned from misses many such names, so the model's "no name" is discounted for them."""
    if j - i < 2 or toks.opens[i]:
        return False
    for k in range(i, j):
        t = toks.text[k]
        if not (t[:1].isupper() and t.isalpha() and t[1:].islower()) or toks.low[k] in common:
            return False
    return True


WORD_BIAS = 0.4  # the same for one plain word inside a sentence (chosen on dev + seeds: dev entity recall +.008, attribution P +.006)


def _plain_word(toks: Tokens, i: int, common: frozenset[str]) -> bool:
    """One capitalised letter-only word inside a sentence that English usually writes in lower
    case neither here nor elsewhere ("Yukos", "Sophos", "Everton")."""
    t = toks.text[i]
    return not toks.opens[i] and t.isalpha() and t[:1].isupper() and t[1:].islower() and len(t) > 2 and toks.low[i] not in common


RARE_BIAS = 0.4  # and more for such a word no frequency list of English holds (chosen on dev + heldout)


@lru_cache(maxsize=65536)
def _rare(low: str) -> bool:
    """A word too rare in English at large for the frequency list the event linker ships
    (sinodesk/data/background: wordfreq's 100,000 commonest words, as stems): "Batshuayi",
    "Eurotunnel", "Jaschan".  Written capitalised inside a sentence, it is most often a name."""
    from ..cluster.background import load_background
    from ..cluster.features import stem

    return stem(low) not in load_background()


ACRONYM_BIAS = 0.6  # the same for one acronym of 3-5 capitals inside a sentence the model reads as an organisation (dev: .6 and .8 the same)
# Capitalised abbreviations that are no names (roles, units, times, common technical words)
_NOT_ACRONYMS = frozenset(
    "CEO CFO COO CTO CIO GDP IPO GMT UTC EST EDT PST BST DUI USB GPS RAM CPU FDI SWAT HIV AIDS SARS DNA UFO VIP MPS PHD FAQ "
    "PDF DVD LCD LED SUV ATM PIN SMS MMS VAT RPM MPH KPH ASAP FYI RIP LOL OMG".split()
)


def _acronym(toks: Tokens, i: int) -> bool:
    """An acronym of three to five capitals inside a sentence ("NHS", "BJP", "AMPAS", "LRPD"): in news most are
    organisations, and the teacher the model learned from misses many (not in a headline or line written in
    capitals: the token must not open a sentence; not the abbreviations in _NOT_ACRONYMS)."""
    t = toks.text[i]
    return not toks.opens[i] and 3 <= len(t) <= 5 and t.isupper() and t.isalpha() and t not in _NOT_ACRONYMS


def _known_place(word: str) -> bool:
    """A country, US state or city of GeoNames (name_lists.place_names)."""
    from .name_lists import place_names

    return word in place_names()


STRONG_MARGIN = 2.0  # a model reading this sure of itself wins over a given-name person


def _with_given_names(toks: Tokens, hits: list[NameHit], text: str, gaz: Gazetteer | None, common: frozenset[str],
                      headline_end: int = 0, all_runs: list[tuple[int, int]] | None = None) -> list[NameHit]:
    """The model's names, with people named by a given name and a surname (name_lists.py) where
    the model saw no name, a shorter one, or was unsure of another reading.  Not in a
    title-case headline (before ``headline_end``), where every word is capitalised."""
    from .name_lists import is_place_run, person_spans

    all_runs = runs(toks) if all_runs is None else all_runs
    for r0, r1 in all_runs:  # "Costa Rica", "Baghdad", "Jefferson City", "DAYTON": places no list of ours holds
        s, e = toks.start[r0], toks.end[r1 - 1]
        if r1 < len(toks.low) and toks.low[r1] in _HEADS:
            continue  # "Dongfeng county", "Hebei province": the rules read the longer name
        # a dateline's "DAYTON -", "CARDIFF, Wales": in capitals ("COLUMBUS (WCMH)" is left to the dateline
        # reader: the entity rules would take the bracketed agency for the city's acronym)
        surface = text[s:e].title() if text[s:e].isupper() and not text.startswith(" (", e) else text[s:e]
        if s >= headline_end and not (gaz is not None and gaz.lookup(text[s:e])) and is_place_run(surface, toks.low[r0:r1], common):
            hits = _override(hits, s, e, "GPE")
    for i, j in person_spans(toks, all_runs, _HEADS, common, PERSON_TITLES):
        s, e = toks.start[i], toks.end[j - 1]
        known = gaz.lookup(text[s:e]) if gaz is not None else None
        if s < headline_end or (known and label_of(known) != "PERSON") or is_place_run(text[s:e], toks.low[i:j], common):
            continue
        hits = _override(hits, s, e, "PERSON")
    return sorted(hits, key=lambda h: h.start)


def _override(hits: list[NameHit], s: int, e: int, label: str) -> list[NameHit]:
    """``hits`` with [s, e) read as ``label`` instead of what overlaps it, unless the model is sure of
    another reading there or already reads a span as long or longer with this label."""
    over = [h for h in hits if h.start < e and s < h.end]
    if any((h.label != label and h.margin >= STRONG_MARGIN) or (h.label == label and h.start <= s and e <= h.end) for h in over):
        return hits
    return [h for h in hits if not (h.start < e and s < h.end)] + [NameHit(s, e, label, STRONG_MARGIN)]


def _decode(toks: Tokens, spans, scores: np.ndarray, labels: tuple[str, ...]) -> list[NameHit]:
    """Per run, the non-overlapping spans with the largest total margin over NONE."""
    none = labels.index("NONE")
    best_label = scores.argmax(axis=1)
    margin = scores.max(axis=1) - scores[:, none]
    by_run: dict[tuple[int, int], list[int]] = {}
    for k, (r0, r1, _i, _j) in enumerate(spans):
        if best_label[k] != none and margin[k] > MIN_MARGIN:
            by_run.setdefault((r0, r1), []).append(k)
    out = []
    for (r0, r1), ks in by_run.items():
        ending: dict[int, list[int]] = {}
        for k in ks:
            ending.setdefault(spans[k][3], []).append(k)
        best = {r0: (0.0, None)}
        for pos in range(r0 + 1, r1 + 1):
            cand = (best[pos - 1][0], None)
            for k in ending.get(pos, ()):
                i = spans[k][2]
                total = best[i][0] + float(margin[k])
                if total > cand[0]:
                    cand = (total, k)
            best[pos] = cand
        pos = r1
        while pos > r0:
            k = best[pos][1]
            if k is None:
                pos -= 1
                continue
            i, j = spans[k][2], spans[k][3]
            out.append(NameHit(toks.start[i], toks.end[j - 1], labels[best_label[k]], float(margin[k])))
            pos = i
    out.sort(key=lambda h: h.start)
    return out


HEADLINE_MARGIN = 1.0  # in a title-case headline every word is capitalised: ask for more
_SHORT_CAPS = re.compile(r"[A-Z]{1,2}")


PERSON_TITLES = frozenset(t.lower() for t in (
    "Mr Mrs Ms Miss Dr Sir Dame Lord Lady Prof Professor President Vice Premier Minister Prime Chancellor "
    "Secretary Senator Sen Rep Governor Gov Mayor General Gen Admiral Colonel Col Captain Capt Lt Sgt Sergeant Judge "
    "Justice Chairman Chairwoman Chief Executive King Queen Prince Princess Pope Rev Reverend Father Saint St "
    "Deputy Foreign Defence Defense Finance Commissioner Ambassador Director Coach Manager Detective Officer "
    "Inspector Sheriff Superintendent Constable Pastor Bishop Cardinal Archbishop Rabbi Imam Sheikh Coroner "
    "Trooper Corporal Cpl Private Pvt Lieutenant Major Agent Councilman Councilwoman Councillor Alderman"
).split())


def strip_titles(s: int, t: str) -> tuple[int, str]:
    """A person's name without the titles written before it: "Officer Michelle Tannehill" ->
    "Michelle Tannehill", "Mr Blair" -> "Blair" (a title alone stays as it is)."""
    while True:
        head, sep, rest = t.partition(" ")
        if not sep or head.rstrip(".").lower() not in PERSON_TITLES or not rest[:1].isupper():
            return s, t
        s, t = s + len(head) + 1, rest


# An ampersand as some feeds pass it on: "&amp;" with its "&" turned into a space ("AT amp;T", "Johnson  amp;
# Johnson": AG News); between word characters it is the "&" of a name.  (Their apostrophes, "O #39;Leary", are left
# as they are: read as "'", the possessives they make turn more words before them into names wrongly than rightly.)
_AMP = re.compile(r"(?<=\w)( {1,2})amp;( ?)(?=\w)")


def name_matches(model: NameModel, text: str, s0: int, e0: int, gaz: Gazetteer, headline_end: int = 0) -> list[GazMatch]:
    """The model's names as entity candidates (``_name_matches``).  A story whose ampersands came as " amp;"
    (_AMP) is read with each of them as "&" ("AT&T", "Marks & Spencer"), and the names found are mapped back to the
    story's own offsets: the text is not changed, and a name's surface is written as the story writes it."""
    if text.find(" amp;", s0, e0) < 0:
        return _name_matches(model, text, s0, e0, gaz, headline_end)
    pieces, starts, ends = [], [], []  # the segment as read; each character's start and end in the story
    p = s0
    for m in _AMP.finditer(text, s0, e0):
        pieces.append(text[p : m.start()])
        starts.extend(range(p, m.start()))
        ends.extend(range(p + 1, m.start() + 1))
        amp = "&" if not m.group(2) else " & "
        pieces.append(amp)
        if len(amp) == 1:
            starts.append(m.start())
            ends.append(m.end())
        else:
            starts.extend((m.start(), m.start(2) - 4, m.start(2)))
            ends.extend((m.start() + 1, m.start(2), m.end()))
        p = m.end()
    if not pieces:
        return _name_matches(model, text, s0, e0, gaz, headline_end)
    pieces.append(text[p:e0])
    starts.extend(range(p, e0))
    ends.extend(range(p + 1, e0 + 1))
    seg = "".join(pieces)
    read = text[:s0] + seg + text[e0:]
    out = []
    from bisect import bisect_left

    listed = [g for g in gaz.scan_latin(read, s0, s0 + len(seg)) if "&" in read[g.start : g.end]]  # "AT&T": the gazetteer's id
    for g in listed + _name_matches(model, read, s0, s0 + len(seg), gaz, s0 + bisect_left(starts, headline_end) if headline_end > s0 else headline_end):
        if s0 <= g.start < g.end <= s0 + len(seg):
            out.append(GazMatch(starts[g.start - s0], ends[g.end - 1 - s0], g.canonical, g.label))
    return out


def _name_matches(model: NameModel, text: str, s0: int, e0: int, gaz: Gazetteer, headline_end: int = 0) -> list[GazMatch]:
    """The model's names as entity candidates: the gazetteer's id when it knows the name, else a slug id.

    Two shapes need more than the model's word: a name inside a title-case headline (before
    ``headline_end``) needs a margin of HEADLINE_MARGIN, and a bare acronym of one or two
    capitals ("AI", "IP") must be known to the gazetteer or defined in brackets after a name."""
    out = []
    for h in model.find(text, s0, e0, gaz, headline_end):
        surface = text[h.start : h.end]
        known = gaz.lookup(surface)
        if not known and (surface.upper() in _NOT_ACRONYMS or (h.label == "PERSON" and surface.lower() in PERSON_TITLES)):
            continue  # "DUI", "GMT", "8GB of RAM", "PhD"; a title alone ("General Manager A. J. Smith" read as "Manager")
        if not known and h.label == "PERSON":
            start, surface = strip_titles(h.start, surface)
            start, surface = strip_titles(*strip_nationality(start, surface))  # "German Finance Minister Eichel"
            if start != h.start:
                known = gaz.lookup(surface)
                h = NameHit(start, h.end, h.label, h.margin)
        if not known and h.start < headline_end and h.margin < HEADLINE_MARGIN:
            continue
        if not known and _SHORT_CAPS.fullmatch(surface) and text[h.start - 1 : h.start] != "(" and f"({surface})" not in text[s0:e0]:
            continue
        label = h.label if known else (strong_head_type(surface) or team_by_role(text, h.end, head_type(surface, h.label)))
        if label == "LOC" and h.label in ("GPE", "FAC") and not known:
            label = h.label  # "Rhode Island", "Gold Coast": a place the model read as one keeps its reading (and its id)
        if not known:
            end = number_after(text, h.end, e0, label)
            if end != h.end:
                h = NameHit(h.start, end, label, h.margin)
                surface = text[h.start : end]
        canonical = gaz.lookup(surface) or f"{PREFIX[label]}:{slug(surface)}"
        if canonical.endswith(":"):
            continue
        out.append(GazMatch(h.start, h.end, canonical, label_of(canonical) if gaz.lookup(surface) else label))
    from .name_lists import given_names

    spans = (titled_people(text, s0, e0) + initialled_people(text, s0, e0, given_names(), model.common, _HEADS)
             + role_people(text, s0, e0, model.common, _HEADS) + appositive_people(text, s0, e0, model.common, _HEADS))
    people = [GazMatch(s, e, gaz.lookup(text[s:e]) or f"person:{slug(text[s:e])}", "PERSON") for s, e in spans
              if s >= headline_end and not (gaz.lookup(text[s:e]) or "person:").startswith(("gpe:", "loc:", "org:"))]
    kinds = [k for k in kind_before_name(text, max(s0, headline_end), e0, model.common)
             if not gaz.lookup(text[k.start : k.end]) and not gaz.lookup(text[k.start : k.end].removeprefix("The "))]
    calls = [c for c in call_letters(text, s0, e0) if not gaz.lookup(text[c.start : c.end])]
    calls += web_names(text, max(s0, headline_end), e0) + award_mentions(text, max(s0, headline_end), e0)
    calls += [c for c in inner_capital_products(text, s0, e0) if not gaz.lookup(text[c.start : c.end])]
    works = [w for w in work_titles(text, max(s0, headline_end), e0)
             if not gaz.lookup(text[w.start : w.end]) and not gaz.lookup(text[w.start : w.end].removeprefix("The ")) and not _known_place(text[w.start : w.end])]
    # names whose shape says what they are (name_shapes.py): read before the model's, which they win over
    h0 = max(s0, headline_end)
    # a head word's name inside a longer organisation the model read is a piece of it ("Department of Trade" in
    # "Department of Trade and Industry", "US Securities" in "US Securities and Exchange Commission")
    wider = [(h.start, h.end) for h in out if h.label == "ORG"]
    # (not before "and the": "Ministry of Agriculture and Rural Affairs and the Department ..." is two bodies)
    inside = lambda g: any(a <= g.start and g.end < b and text.startswith((" and ", " & "), g.end) and not text.startswith(" and the ", g.end)  # noqa: E731
                           for a, b in wider)
    shaped = ([g for g in head_of_names(text, h0, e0, model.common, gaz.lookup) if not inside(g)] + legal_form_companies(text, h0, e0, model.common, _known_place)
              + street_names(text, h0, e0) + possessive_names(text, h0, e0, model.common))
    for o in org_shapes(text, h0, e0, model.common):  # a name the gazetteer knows keeps its id; one it knows as no organisation is left alone
        known = gaz.lookup(text[o.start : o.end]) or gaz.lookup(text[o.start : o.end].removeprefix("The "))
        if not known or label_of(known) == "ORG":
            shaped.append(GazMatch(o.start, o.end, known or o.canonical, "ORG"))
    for o in channels(text, h0, e0):  # a channel takes its broadcaster's id ("BBC Radio 4": the BBC's radio), which outlets know
        words = text[o.start : o.end].rstrip("0123456789").split()
        known = next((k for k in (gaz.lookup(" ".join(words[:n])) for n in range(len(words), 0, -1)) if k and label_of(k) == "ORG"), None)
        shaped.append(GazMatch(o.start, o.end, known or o.canonical, "ORG"))
    places = {(h.start, h.end) for h in out if h.label in ("GPE", "FAC")}
    headed = [h for h in headed_names(text, h0, e0, model.common) + teams_before_roles(text, h0, e0, model.common) + geo_first_names(text, h0, e0, model.common)
              if not gaz.lookup(text[h.start : h.end]) and not inside(h)
              and not (h.label == "LOC" and ((h.start, h.end) in places or _known_place(text[h.start : h.end])))]  # "Rhode Island" stays a GPE
    firms = [f for f in possessive_firms(text, h0, e0, model.common) if not gaz.lookup(text[f.start : f.end])]
    return (shaped + _defined_names(text, s0, e0, gaz, out, headline_end) + state_abbreviations(text, s0, e0) + calls + people + kinds + works
            + headed + out + firms)


def _defined_names(text: str, s0: int, e0: int, gaz: Gazetteer, found: list[GazMatch], headline_end: int) -> list[GazMatch]:
    """Names an acronym in brackets defines ("India Petrochemicals Limited (IPCL)"): an organisation
    unless the gazetteer, the name's head word or the model's reading of the same span says otherwise
    (the acronym itself takes the name's id later, in entities._corefer)."""
    out = []
    for a, b, _, _ in defined_acronyms(text, s0, e0):
        surface = text[a:b]
        known = gaz.lookup(surface)
        same = next((h.label for h in found if (h.start, h.end) == (a, b)), None)
        if same == "PERSON":
            same = None  # a name its initials spell in brackets is no person's ("John Smith (IBM)" spells nothing)
        label = label_of(known) if known else (strong_head_type(surface) or same or head_type(surface, "ORG"))
        if a >= headline_end:
            out.append(GazMatch(a, b, known or f"{PREFIX[label]}:{slug(surface)}", label))
    return out


# The last word of a name of two or more words that says what kind of name it is, whatever the
# model read ("Academy Awards", "Super Bowl": events; "Tyler County Hospital", "East Bruce Avenue":
# facilities; "BBC News", "Chicago Police": organisations).
_HEAD_TYPES = {
    **dict.fromkeys("awards award cup bowl championship championships olympics festival carnival summit marathon "
                    "war trials".split(), "EVENT"),
    **dict.fromkeys("hospital avenue street road boulevard airport stadium square hall tower palace cathedral church "
                    "prison bridge drive lane place parkway highway expressway freeway terrace crescent".split(), "FAC"),
    **dict.fromkeys("news police army navy department ministry office inc inc. ltd ltd. plc corp corp. co. university "
                    "college institute agency commission committee council party press bank".split(), "ORG"),
    **dict.fromkeys("county province prefecture".split(), "GPE"),
}


def head_type(surface: str, label: str) -> str:
    """The label a name's head word gives it (see _HEAD_TYPES), else ``label``; people keep theirs."""
    words = surface.split()
    if len(words) < 2 or label == "PERSON":
        return label
    return _HEAD_TYPES.get(words[-1].lower(), label)
