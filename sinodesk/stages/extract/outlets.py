"""Outlet registry: who publishes what, who owns it, and which family it belongs to.

The data lives in ``sinodesk/data/outlets.toml`` (reviewed by hand; see its header).
``load_registry()`` reads it once per call; callers keep the returned registry (it is
immutable) and pass it on.  Lookups:

* ``match(name)``   -- exact name or alias, case-insensitive, English or Chinese
  (traditional and simplified spellings both work);
* ``by_url(url)``   -- the outlet whose domain is the URL's host or a parent of it;
* ``family_of(x)``  -- owner family ("PRC state", "Taiwan", ...) of an id or name.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from ...errors import ConfigError

FAMILIES = (
    "PRC state",
    "PRC commercial",
    "Hong Kong",
    "Taiwan",
    "Singapore press",
    "overseas Chinese / exile",
    "think tank / monitor",
    "Western press",
    "Indian press",
    "Asian press",
    "Russian state",
    "security vendor",
    "government",
    "social platform",
)

_REQUIRED = ("id", "name")
_LISTS = ("aliases", "domains", "sources")
_TEXTS = ("region", "owner", "family", "alignment")


@dataclass(frozen=True, slots=True)
class Outlet:
    id: str
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    region: str
    owner: str
    family: str
    alignment: str
    sources: tuple[str, ...]


@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """Normalise a name for lookup: NFKC, curly quotes, case, "the", spacing, punctuation."""
    s = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‘", "'")
    s = s.casefold().strip()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[\s\.\-_,:;()\"]+", " ", s).strip()
    return _to_simplified(s)


def _to_simplified(s: str) -> str:
    if not any("\u4e00" <= ch <= "\u9fff" for ch in s):
        return s
    return _T2S.convert(s)


class _LazyT2S:
    """OpenCC traditional->simplified converter, built on first use (its import is slow)."""

    __slots__ = ("_cc",)

    def __init__(self) -> None:
        self._cc = None

    def convert(self, s: str) -> str:
        if self._cc is None:
            from opencc import OpenCC

            self._cc = OpenCC("t2s")
        return self._cc.convert(s)


_T2S = _LazyT2S()


def simplified(s: str) -> str:
    """``s`` in simplified characters (OpenCC t2s, loaded on first use)."""
    return _T2S.convert(s)


class OutletRegistry:
    """Immutable collection of outlets with name, alias and domain indexes."""

    def __init__(self, outlets: tuple[Outlet, ...]):
        self._outlets = outlets
        self._by_id = {o.id: o for o in outlets}
        self._by_name: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        self._by_path: list[tuple[str, str, Outlet]] = []
        for o in outlets:
            for n in (o.name, *o.aliases):
                self._by_name.setdefault(name_key(n), o)
            self._by_name.setdefault(name_key(o.id.replace("-", " ")), o)
            for d in o.domains:
                if "/" in d:
                    host, path = d.split("/", 1)
                    self._by_path.append((host, "/" + path, o))
                else:
                    self._by_domain.setdefault(d.lower(), o)

    def __len__(self) -> int:
        return len(self._outlets)

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self._outlets)

    def __contains__(self, outlet_id: object) -> bool:
        return outlet_id in self._by_id

    def get(self, outlet_id: str) -> Outlet | None:
        return self._by_id.get(outlet_id)

    def match(self, name: str) -> Outlet | None:
        """Outlet whose name or alias equals ``name`` (case-insensitive, any script)."""
        if not name or not name.strip():
            return None
        key = name_key(name)
        hit = self._by_name.get(key)
        if hit is None and key.endswith(" website"):
            hit = self._by_name.get(key[: -len(" website")])
        return hit

    def names_of(self, name: str) -> tuple[str, ...]:
        """Every name of the outlet called ``name`` (its name and aliases); () if unknown."""
        o = self.match(name)
        return (o.name, *o.aliases) if o else ()

    def by_url(self, url: str) -> Outlet | None:
        """Outlet owning the URL's host (or a parent domain of it)."""
        if not url:
            return None
        parts = urlsplit(url if "//" in url else "//" + url)
        host = (parts.hostname or "").lower()
        if host.startswith("www."):
            host = host[4:]
        for phost, ppath, o in self._by_path:
            if (host == phost or host.endswith("." + phost)) and parts.path.startswith(ppath):
                return o
        labels = host.split(".")
        for i in range(len(labels) - 1):
            hit = self._by_domain.get(".".join(labels[i:]))
            if hit is not None:
                return hit
        return None

    def resolve(self, id_or_name: str) -> Outlet | None:
        """The outlet given by id, name, alias (any script) or URL/domain; None if unknown."""
        o = self.get(id_or_name) or self.match(id_or_name)
        if o is None and ("." in id_or_name and " " not in id_or_name.strip()):
            o = self.by_url(id_or_name)
        return o

    def family_of(self, id_or_name: str) -> str | None:
        """Owner family of an outlet given by id, name, alias or URL; None if unknown."""
        o = self.resolve(id_or_name)
        return o.family if o else None

    def stored_names(self, id_or_name: str, stored: Iterable[str]) -> tuple[str, ...]:
        """Those of the ``stored`` outlet names (as stories carry them) that are the outlet
        ``id_or_name`` names: ``rfa`` and ``自由亞洲電台`` both give every story of Radio Free Asia."""
        o = self.resolve(id_or_name)
        key = name_key(id_or_name)
        return tuple(n for n in stored if name_key(n) == key or (o is not None and self.resolve(n) is o))

    def family_names(self, family: str, stored: Iterable[str]) -> tuple[str, ...]:
        """Those of the ``stored`` outlet names whose owner family is ``family`` (case-insensitive);
        an outlet the registry does not know is a family of its own."""
        key = family.casefold()
        return tuple(n for n in stored if (self.family_of(n) or n).casefold() == key)


def _default_path() -> Path:
    return Path(str(resources.files("sinodesk") / "data" / "outlets.toml"))


def _outlet_from(entry: dict, where: str) -> Outlet:
    """One ``[[outlet]]`` table: ``id`` and ``name`` are required; without a ``family`` the outlet
    is a family of its own (as an outlet the registry does not know)."""
    missing = [k for k in _REQUIRED if not entry.get(k)]
    if missing:
        raise ConfigError(f"{where}: missing field(s) {', '.join(missing)} (every outlet needs at least id and name)")
    for key in _LISTS:
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key} must be a list of strings, e.g. {key} = [\"...\"]")
    for key in _TEXTS:
        if not isinstance(entry.get(key, ""), str):
            raise ConfigError(f"{where}: {key} must be a string")
    name = str(entry["name"])
    family = entry.get("family") or name
    if "family" in entry and family not in FAMILIES:
        raise ConfigError(
            f"{where}: family {entry['family']!r} is not one of {', '.join(FAMILIES)} (use one of them or leave it out)"
        )
    return Outlet(
        id=str(entry["id"]),
        name=name,
        aliases=tuple(entry.get("aliases", ())),
        domains=tuple(d.lower() for d in entry.get("domains", ())),
        region=entry.get("region", ""),
        owner=entry.get("owner", ""),
        family=family,
        alignment=entry.get("alignment", ""),
        sources=tuple(entry.get("sources", ())),
    )


def _read_outlets(p: Path, missing: str = "reinstall sinodesk or pass an existing file") -> list[Outlet]:
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{p}: outlet registry not found ({missing})") from None
    except OSError as exc:
        raise ConfigError(f"{p}: outlet registry cannot be read ({exc.strerror or exc}; {missing})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: not valid TOML ({exc}); fix the file") from None
    outlets = []
    seen: set[str] = set()
    for i, entry in enumerate(data.get("outlet", []), 1):
        o = _outlet_from(entry, f"{p.name} outlet #{i} ({entry.get('id', '?')})")
        if o.id in seen:
            raise ConfigError(f"{p.name}: outlet id {o.id!r} appears twice (ids must be unique)")
        seen.add(o.id)
        outlets.append(o)
    if not outlets:
        raise ConfigError(f"{p}: no [[outlet]] tables found (the registry needs at least one outlet)")
    return outlets


def load_registry(path: str | Path | None = None, *, extra: Sequence[str | Path] = ()) -> OutletRegistry:
    """Read the outlet registry (default: the packaged ``data/outlets.toml``), then the user's
    ``extra`` registry files in order: an outlet whose id is already known replaces it (a
    different family, more aliases), a new id is added, and their names, aliases and domains win
    over the packaged ones."""
    packaged = _read_outlets(Path(path) if path is not None else _default_path())
    own: dict[str, Outlet] = {}
    for more in extra:
        for o in _read_outlets(Path(more), "fix the 'outlets' list in your settings file"):
            own[o.id] = o
    # the user's outlets first: where a name, alias or domain is claimed twice, theirs wins
    return OutletRegistry(tuple(own.values()) + tuple(o for o in packaged if o.id not in own))
