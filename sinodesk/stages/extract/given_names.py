"""People named by a given name and a surname no list holds: "Marie Gonzalez", "Diego Maradona".

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
* (names.py) the span is a place name (places.py), lies in a title-case headline, or the model
  is sure of another reading.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_NOT_GIVEN = frozenset(
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday Christmas Easter".split()
)
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
            if w[i] not in first or not w[i][1:].islower() or low[i] in common or (i > r0 and not _may_precede(low[i - 1], common, titles)):
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
