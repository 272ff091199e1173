"""The curated cyber tables in ``sinodesk/data/cyber``: ATT&CK phrases, groups, malware, claimants.

Loaded once into a :class:`CyberTables` (compiled regular expressions and alias maps); stages
receive it through their resources, never as a module-level global.  Each table is a TSV with a
commented header (see ``sinodesk/data/cyber/README.md`` for sources and licences).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ...errors import ConfigError

_PART = re.compile(r"@(\w+)@")


def data_dir() -> Path:
    """The packaged tables (``sinodesk/data/cyber``)."""
    return Path(str(resources.files("sinodesk") / "data" / "cyber"))


@dataclass(frozen=True, slots=True)
class Technique:
    id: str
    name: str
    tactic: str
    lang: str
    basis: str  # 'named' (the phrase names the technique) or 'described'
    pattern: re.Pattern
    require: tuple[re.Pattern, ...]  # each must also occur in the sentence
    exclude: re.Pattern | None  # must not occur in the sentence


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    attack_ids: tuple[str, ...]
    country: str | None
    aliases: tuple[str, ...]
    zh: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Malware:
    id: str
    name: str
    kind: str
    attack_id: str | None
    aliases: tuple[str, ...]
    zh: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Claimant:
    id: str
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...]
    zh: tuple[str, ...]


def alias_key(name: str) -> str:
    """Case-folded name with spaces, hyphens, dots and slashes dropped: 'Wicked-Panda' = 'wicked panda'."""
    return re.sub(r"[\s\-._/]+", "", name).casefold()


def _rows(name: str, path: Path) -> list[tuple[int, list[str]]]:
    text = path.read_text(encoding="utf-8")
    out, header = [], None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        if len(cols) < len(header) - 1:
            raise ConfigError(f"{name} line {n}: expected {len(header)} tab-separated columns ({', '.join(header)}), got {len(cols)}")
        out.append((n, cols + [""] * (len(header) - len(cols))))
    return out


def _split(cell: str) -> tuple[str, ...]:
    cell = cell.strip()
    return () if cell in ("", "-") else tuple(a.strip() for a in cell.split("|") if a.strip())


def _compile(rx: str, where: str, flags: int = re.I) -> re.Pattern:
    try:
        return re.compile(rx, flags)
    except re.error as exc:
        raise ConfigError(f"{where}: bad regular expression ({exc}); fix the pattern") from None


def _names_rx(names: list[str], *, fold: bool) -> re.Pattern | None:
    """One alternation over ``names`` (longest first), whole words for Latin names."""
    if not names:
        return None
    latin, cjk = [], []
    for a in sorted(set(names), key=len, reverse=True):
        esc = re.escape(a).replace(r"\ ", r"[\s-]+")
        (cjk if re.search(r"[\u3400-\u9fff]", a) else latin).append(esc)
    # a Latin name is a whole word among Latin letters and digits (Chinese may touch it: APT41组织); a short
    # variant suffix may follow ("MyDoom-U", read by the malware finder), a longer hyphenated word may not
    parts = [rf"(?<![A-Za-z0-9_$])(?:{'|'.join(latin)})(?![A-Za-z0-9_$]|-(?!variant|based|like|style|[A-Za-z0-9]{{1,2}}\b)[A-Za-z0-9])"] if latin else []
    return re.compile("|".join(parts + cjk), re.I if fold else 0)


class CyberTables:
    """Everything the incidents stage looks up, compiled once."""

    def __init__(self, folder: str | Path | None = None):
        base = Path(folder) if folder else data_dir()

        def rows(name):
            return _rows(name, base / name)

        lex_text = (base / "lexicon.toml").read_text(encoding="utf-8")
        try:
            lex = tomllib.loads(lex_text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"lexicon.toml: not valid TOML ({exc}); fix the file") from None
        self.lex = lex
        parts = lex.get("parts", {})

        def expand(rx: str, where: str) -> str:
            def one(m: re.Match) -> str:
                if m.group(1) not in parts:
                    raise ConfigError(f"{where}: '@{m.group(1)}@' is not a part in lexicon.toml [parts] (known: {', '.join(sorted(parts))})")
                return "(?:" + parts[m.group(1)] + ")"
            return _PART.sub(one, rx)

        self.techniques: list[Technique] = []
        self.attack_names: dict[str, str] = {}
        self.tactics: dict[str, str] = {}
        for n, (tid, name, tactic, lang, basis, phrase, require, exclude, *_note) in rows("techniques.tsv"):
            where = f"techniques.tsv line {n}"
            if not re.fullmatch(r"T\d{4}(?:\.\d{3})?", tid):
                raise ConfigError(f"{where}: {tid!r} is not an ATT&CK technique id (T1234 or T1234.001)")
            if self.attack_names.setdefault(tid, name) != name:
                raise ConfigError(f"{where}: {tid} is named {name!r} here but {self.attack_names[tid]!r} above")
            if lang not in ("en", "zh"):
                raise ConfigError(f"{where}: language {lang!r} is not 'en' or 'zh'")
            if basis not in ("named", "described"):
                raise ConfigError(f"{where}: basis {basis!r} is not 'named' or 'described'")
            self.tactics[tid] = tactic
            need = tuple(_compile(expand(rx, where), where) for rx in require.split(" && ") if rx.strip())
            avoid = _compile(expand(exclude, where), where) if exclude.strip() else None
            self.techniques.append(Technique(tid, name, tactic, lang, basis, _compile(expand(phrase, where), where), need, avoid))
        # every phrase of a language in one pattern: a sentence it does not match matches no row (most sentences), so the
        # rows are tried one by one only where one of them can match
        self.technique_any = {lang: re.compile("|".join(f"(?:{x.pattern.pattern})" for x in self.techniques if x.lang == lang) or "(?!)", re.I)
                              for lang in ("en", "zh")}

        self.groups: dict[str, Group] = {}
        self.group_alias: dict[str, str] = {}
        for n, (gid, name, attack, country, aliases, zh, *_note) in rows("groups.tsv"):
            g = Group(gid, name, _split(attack.replace(";", "|")), None if country in ("", "-") else country, _split(aliases), _split(zh))
            self.groups[gid] = g
            for a in (*g.aliases, *g.zh, name):
                k = alias_key(a)
                if self.group_alias.setdefault(k, gid) != gid:
                    raise ConfigError(f"groups.tsv line {n}: alias {a!r} already names group {self.group_alias[k]!r} (an alias names one group)")

        self.malware: dict[str, Malware] = {}
        self.malware_alias: dict[str, str] = {}
        for n, (mid, name, kind, attack, aliases, zh, *_rest) in rows("malware.tsv"):
            m = Malware(mid, name, kind, None if attack in ("", "-") else attack, _split(aliases), _split(zh))
            self.malware[mid] = m
            for a in (*m.aliases, *m.zh):
                k = alias_key(a)
                if self.malware_alias.setdefault(k, mid) != mid:
                    raise ConfigError(f"malware.tsv line {n}: alias {a!r} already names {self.malware_alias[k]!r}")

        self.claimants: dict[str, Claimant] = {}
        self.claimant_alias: dict[str, str] = {}
        for n, (cid, name, ctype, country, aliases, zh, *_rest) in rows("claimants.tsv"):
            c = Claimant(cid, name, ctype, None if country in ("", "-") else country, _split(aliases), _split(zh))
            self.claimants[cid] = c
            for a in (*c.aliases, *c.zh):
                self.claimant_alias.setdefault(alias_key(a), cid)

        c = lambda rx, where, flags=re.I: _compile(rx, f"lexicon.toml [{where}]", flags)  # noqa: E731
        g = lex["gate"]
        self.gate = {lang: (tuple(w.lower() for w in g[f"{lang}_words"]), tuple(w.lower() for w in g[f"{lang}_cues"]), c(g[lang], "gate"))
                     for lang in ("en", "zh")}
        # the gate's cyber-only words as whole-word starts, for a story's sense of its trigger words ("hack" only as the
        # deed: "hacked", "hackers", "hacking" -- not "a party hack", "Hackney", "hacked off")
        self.cyber_only = re.compile(r"\b(?:" + "|".join(r"hack(?:ed|ers?|ing)\b(?!\s+(?:off|cough|away))" if w == "hack" else re.escape(w).replace(r"\ ", r"\s+")
                                                    for w in self.gate["en"][0]) + ")", re.I)
        self.trigger = {lang: c(lex["trigger"][lang], "trigger") for lang in ("en", "zh")}
        self.types = {t: {lang: c(rx, f"types.{t}") for lang, rx in v.items()} for t, v in lex["types"].items()}
        self.background = {lang: c(lex["background"][lang], "background", re.I | re.M) for lang in ("en", "zh")}
        self.follows = {lang: c(lex["follows"][lang], "follows") for lang in ("en", "zh")}
        dis = lex["disease"]
        self.disease = {lang: (c(dis[lang], "disease"), c(dis["computer"][lang], "disease.computer"), c(dis["bio"][lang], "disease.bio")) for lang in ("en", "zh")}
        self.threat = {lang: c(lex["threat"][lang], "threat") for lang in ("en", "zh")}
        ev = lex["event"]
        self.event = {lang: tuple(c(ev[k][lang] if k else ev[lang], "event" + (k and "." + k)) for k in ("", "disclosed", "generic", "habit", "trend", "future", "headline"))
                      for lang in ("en", "zh")}
        self.products = c(lex["victims"]["products"], "victims.products", 0)
        self.product_names = c(parts["client"] + "|" + parts["server"], "parts.client|server", 0)  # products a flaw is in (capitalised hits)
        self.new_incident = {lang: c(lex["new_incident"][lang], "new_incident") for lang in ("en", "zh")}
        self.attacker_rx = {"en": c(lex["attackers"]["en"], "attackers", 0), "zh": c(lex["attackers"]["zh"], "attackers")}
        self.countries = {cc: c(rx, f"countries.{cc}", 0) for cc, rx in lex["countries"].items()}
        self.sectors = [(name, c(rx, f"sectors.{name}")) for name, rx in lex["sectors"].items()]
        self.stance = {k: c(lex["stance"][k], f"stance.{k}") for k in ("hedges", "denies", "claim", "modal")}
        self.ambiguous = {alias_key(a) for a in lex["ambiguous"]["names"]}
        self.ambiguous_cue = c(lex["ambiguous"]["cue"], "ambiguous.cue")

        # one scanning regex per table (Latin names whole-word, case-insensitive from 5 letters)
        def scanners(alias_map_items):
            long_, short = [], []
            for a in alias_map_items:
                (long_ if len(a) >= 5 or re.search(r"[\u3400-\u9fff]", a) else short).append(a)
            return _names_rx(long_, fold=True), _names_rx(short, fold=False)

        # the Latin group and malware names that are no ordinary words, as alias keys: the gate's quick look
        self.name_keys = frozenset(alias_key(a) for a in (*self.group_alias_names(), *[x for m in self.malware.values() for x in m.aliases])
                                   if a.strip() and not re.search(r"[\u3400-\u9fff]", a) and alias_key(a) not in self.ambiguous)
        self.group_scan = scanners([a for g in self.groups.values() for a in (*g.aliases, *g.zh)])
        self.malware_scan = scanners([a for m in self.malware.values() for a in (*m.aliases, *m.zh)])
        self.claimant_scan = (_names_rx([a for cl in self.claimants.values() for a in cl.zh], fold=True),
                              _names_rx([a for cl in self.claimants.values() for a in cl.aliases], fold=False))

    # lookups ---------------------------------------------------------------------------------
    def group_alias_names(self) -> list[str]:
        return [a for g in self.groups.values() for a in (*g.aliases, g.name)]

    def group_of(self, name: str) -> Group | None:
        gid = self.group_alias.get(alias_key(name))
        return self.groups.get(gid) if gid else None

    def malware_of(self, name: str) -> Malware | None:
        mid = self.malware_alias.get(alias_key(name))
        return self.malware.get(mid) if mid else None

    def claimant_of(self, name: str) -> Claimant | None:
        cid = self.claimant_alias.get(alias_key(name))
        if cid is None:
            cid = self.claimant_alias.get(alias_key(re.sub(r"^(?:the|The)\s+|['’]s$", "", name.strip())))
        return self.claimants.get(cid) if cid else None

    def attack_url(self, tid: str) -> str:
        return "https://attack.mitre.org/techniques/" + tid.replace(".", "/") + "/"

    @staticmethod
    def scan(pair, text: str, start: int, end: int):
        """Matches of both halves of a scanner pair in ``text[start:end]``, longest first at a position."""
        hits = []
        for rx in pair:
            if rx is not None:
                hits += [(m.start(), m.end()) for m in rx.finditer(text, start, end)]
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out, last = [], -1
        for s, e in hits:
            if s >= last:
                out.append((s, e))
                last = e
        return out
