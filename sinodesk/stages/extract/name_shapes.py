"""What the shape of an English name and the words beside it say about its type and extent.

The learned name model (names.py) copies its teacher's habits: a product's number left outside
its name ("Halo 2", "BBC Radio 4"), a company with a person's reading ("Sun Microsystems",
"Stata Labs"), a club read as a person or a place ("Aston Villa manager David O'Leary").  These
rules look at what the model cannot: the word that ends the name, the number after it, the role
noun after it, and the brackets after a long name.  They are written from how English news
writes names, not from any one story.
"""

from __future__ import annotations

import re

from ...stopwords import ENGLISH
from .dates import MONTHS, WEEKDAYS
from .gazetteer import GazMatch, slug
from .name_lists import given_names, place_names

GEO_LAST = ("river sea ocean strait straits gulf bay lake lagoon estuary reef coast peninsula island islands isles "
            "archipelago mountains hills heights highlands lowlands valley canyon desert glacier plateau basin falls").split()
# First words of a mountain's, a lake's or a river's name ("Mount Kenya", "Lake Tanganyika", "River Thames")
GEO_FIRST = frozenset("Mount Mt. Lake River".split())

# Last words no person's name ends in: the name is of the type they say even when the model read
# a person ("Sun Microsystems", "Securities Trading Act", "Charlton Athletic"; "the Howard Government", "the Blair
# Cabinet" written capitalised are the government's name; "the Blair government" is the man's name and a noun).
_STRONG_HEADS = {
    **dict.fromkeys("act acts code charter treaty convention".split(), "LAW"),
    **dict.fromkeys("inc inc. ltd ltd. limited plc corp corp. co. llc gmbh ag sa s.a. labs laboratories microsystems systems "
                    "technologies airlines airways motors pictures studios records entertainment holdings telecom "
                    "communications networks pharmaceuticals industries university institute ministry commission "
                    "committee council agency athletic rovers wanderers albion hotspur fc afc chronicle herald tribune gazette "
                    "telegraph police department bureau administration corporation association federation party army navy "
                    "school college government cabinet".split(), "ORG"),
    **dict.fromkeys("hospital airport stadium avenue boulevard cathedral prison".split(), "FAC"),
    **dict.fromkeys("awards championship championships olympics festival summit marathon trials".split(), "EVENT"),
    # land and water by the word that says what they are ("River Thames" and "Bass Strait" are no people, "Sahara
    # Desert" and "Sierra Nevada Mountains" no organisations); not "Mountain" ("Brokeback Mountain", "Cold Mountain"),
    # "Forest" ("Nottingham Forest"), "Park", "Channel" or "Sound", which end clubs', films', channels' and bands' names
    **dict.fromkeys(GEO_LAST, "LOC"),
}
# First words that open a club's or a company's name ("FC Barcelona", "Real Sociedad" is left alone:
# "Real" opens other names too)
_STRONG_FIRST = {"fc": "ORG", "afc": "ORG", "ac": "ORG", "as": "ORG", "sc": "ORG"}
# Words that open a street's or a square's name in French, Italian, Spanish and Portuguese ("Place Vendôme",
# "Rue de Castiglione", "Via Veneto", "Plaza de Mayo"), capitalised as written
_STREET_FIRST = frozenset("Rue Place Via Viale Piazza Plaza Calle Avenida Rua Praça Boulevard Quai Largo Corso".split())


def strong_head_type(surface: str) -> str | None:
    """The type a name's first or last word fixes whatever else is read, else None."""
    words = surface.split()
    if len(words) < 2:
        return None
    if words[0] in _STREET_FIRST and (words[1][:1].isupper() or words[1] in ("de", "du", "des", "della", "del", "di", "da", "do", "dos")):
        return "FAC"
    label = (_STRONG_HEADS.get(words[-1].lower()) or (_STRONG_FIRST.get(words[0].lower()) if words[0].isupper() else None)
             or ("LOC" if len(words) == 2 and words[0] in GEO_FIRST and _geo_first_name(words[1]) else None))
    if label == "LOC" and "of" in words[1:]:  # "University of the Highlands and Islands": the body before "of" names it
        return _HEAD_OF.get(words[words.index("of") - 1], label)
    return label


# words after "Lake" or "Mount" that make another kind of name: "Lake County", "Lake City", "Mount Pleasant Road"
_NOT_GEO_SECOND = frozenset("County City Village Town Park Regional District Township Borough Street Road".split())


def _geo_first_name(word: str) -> bool:
    return word[:1].isupper() and word not in _NOT_GEO_SECOND


def geo_headed(surface: str) -> bool:
    """True when a name of two or more words is land or water by its first or last word ("Mount Kenya",
    "Sea of Japan", "Bass Strait"; see GEO_LAST, GEO_FIRST and the LOC heads of _HEAD_OF)."""
    words = surface.split()
    return len(words) > 1 and (words[-1].lower() in GEO_LAST or words[0] in GEO_FIRST
                               or words[1] == "of" and _HEAD_OF.get(words[0]) == "LOC")


# A sports role right after a name makes the name a team's: "Aston Villa manager", "Madrid
# midfielder Guti", "Wasps flanker", "Charlton boss".  Every other mention of that name in the
# story is the team too ("Chelsea" after "Chelsea manager Jose Mourinho").
_TEAM_ROLE = re.compile(
    r" (?:manager|boss|coach|head coach|striker|midfielder|defender|goalkeeper|keeper|winger|full-back|centre-back|"
    r"center-back|flanker|fly-half|scrum-half|lock|prop|hooker|quarterback|linebacker|running back|wide receiver|"
    r"pitcher|shortstop|outfielder|point guard)\b"
)
_TEAM_FROM = frozenset({"PERSON", "GPE", "LOC"})


def team_by_role(text: str, end: int, label: str) -> str:
    """``ORG`` when a sports role follows a name the model read as a person or a place."""
    if label in _TEAM_FROM and _TEAM_ROLE.match(text, end):
        return "ORG"
    return label


def teams_in_story(text: str, ents: list[GazMatch]) -> list[GazMatch]:
    """``ents`` with every mention of a name that a sports role follows somewhere in the story
    read as that team (an organisation), whatever the gazetteer or the model read there."""
    teams = {text[e.start : e.end] for e in ents if e.label in _TEAM_FROM | {"ORG"} and _TEAM_ROLE.match(text, e.end)}
    if not teams:
        return ents
    return [GazMatch(e.start, e.end, f"org:{slug(text[e.start:e.end])}", "ORG")
            if e.label in _TEAM_FROM and text[e.start : e.end] in teams else e for e in ents]


def one_label_per_name(text: str, ents: list[GazMatch], gaz) -> list[GazMatch]:
    """``ents`` with every mention of the same unlisted name read one way in the story: the label
    most of its mentions got (the first mention's on a tie).  The model reads each mention on
    its own context ("Mbeki noted" an organisation, "Mbeki said" a person); a reader takes the
    name as one thing.  Names the gazetteer knows keep their own ids."""
    seen: dict[str, dict[str, int]] = {}
    for e in ents:
        seen.setdefault(text[e.start : e.end], {}).setdefault(e.label, 0)
        seen[text[e.start : e.end]][e.label] += 1
    mixed = {k: max(v, key=v.get) for k, v in seen.items() if len(v) > 1 and not gaz.lookup(k)}
    if not mixed:
        return ents
    out = []
    for e in ents:
        surface = text[e.start : e.end]
        label = mixed.get(surface)
        if label is None or label == e.label:
            out.append(e)
            continue
        same = next((x.canonical for x in ents if x.label == label and text[x.start : x.end] == surface), None)
        out.append(GazMatch(e.start, e.end, same or e.canonical, label))
    return out


# A number of one to four digits right after a product's or an organisation's name belongs to it
# ("Halo 2", "PlayStation 2", "Windows 2000", "BBC Radio 4", "BBC News 24", "Linux Desktop 9");
# not when a unit, a count noun or a date word follows ("Apple 2 percent", "Sony 3 million").
_NUMBER_AFTER = re.compile(r" (\d{1,4})(?![\w%/-]|[.,:]\d| ?(?:%|percent|per cent|million|billion|bn|m\b|years?\b|months?\b|"
                           r"days?\b|weeks?\b|hours?\b|times\b|points?\b|games?\b|goals?\b|people\b|units\b|shares\b|-))")
_NUMBER_LABELS = frozenset({"PRODUCT", "ORG", "EVENT"})


def number_after(text: str, end: int, e0: int, label: str) -> int:
    """The end of the name with the number after it (see _NUMBER_AFTER), else ``end``."""
    if label not in _NUMBER_LABELS:
        return end
    m = _NUMBER_AFTER.match(text, end, e0)
    if m is not None and label == "ORG":
        from .name_context import _SCORE_LINE

        if _SCORE_LINE.match(text, m.start(1)) or text[max(0, end - 40) : end].rstrip(" ,").rsplit(" ", 1)[0][-2:].strip(" ,").isdigit():
            return end  # a score line's team: "Charlton Athletic 1", "Chelsea 2 Arsenal 1"
    if m is None or (label == "ORG" and len(m.group(1)) > 2):
        return end  # "Microsoft 2005": an organisation's number is short ("BBC Radio 4", "BBC News 24")
    return m.end()


# AP-style abbreviations of US states after a city ("Springfield, Mo.", "LITTLE ROCK, Ark.") and
# the state each names (canonical ids as the full name would get them).
_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}
_STATE_AFTER_CITY = re.compile(r", (" + "|".join(re.escape(k) for k in sorted(_STATES, key=len, reverse=True)) + r")(?![\w.])")


def state_abbreviations(text: str, s0: int, e0: int) -> list[GazMatch]:
    """US states written the AP way after a city: places (ids of the full state name)."""
    if text.find(".", s0, e0) < 0:
        return []
    out = []
    for m in _STATE_AFTER_CITY.finditer(text, s0, e0):
        prev = text.rfind(" ", s0, m.start()) + 1
        if text[m.start() - 1 : m.start()].isalpha() and text[prev : prev + 1].isupper():  # "Springfield, Mo."
            out.append(GazMatch(m.start(1), m.end(1), f"gpe:{slug(_STATES[m.group(1)])}", "GPE"))
    return out


# US broadcasters' call letters: K or W and two or three more capitals.  With a band suffix
# ("KTVI-TV", "WISH - TV" as tokenised text writes it) always; bare ("KHOU", "WJBK") only where
# the words around say a station is meant (a station/affiliate word or "told" before it, a
# copyright line), since WBO, WBC and WWDC have the same shape; there also a station's brand of capitals and
# its channel number ("Stay with THV11", "told WCNC6").
_CALL_SUFFIXED = re.compile(r"(?<![\w-])[KW][A-Z]{2,3} ?- ?(?:TV|FM|AM|DT)(?![\w-])")
_CALL_DATELINE = re.compile(r"\(([KW][A-Z]{2,3})\) ?[-–—]")  # a dateline's station: "LITTLE ROCK, Ark. (KTHV) –"
_CALL_BARE = re.compile(r"(?:(?:station|affiliate|channel|told|[Ss]tay with|watch) |© \d{4} )([KW][A-Z]{3}|[A-Z]{3,4}\d{1,2})(?![\w-])")


def call_letters(text: str, s0: int, e0: int) -> list[GazMatch]:
    """Broadcasters named by their call letters (organisations)."""
    if text.find("K", s0, e0) < 0 and text.find("W", s0, e0) < 0:
        return []
    spans = [m.span() for m in _CALL_SUFFIXED.finditer(text, s0, e0)]
    spans += [m.span(1) for m in _CALL_BARE.finditer(text, s0, e0)]
    spans += [m.span(1) for m in _CALL_DATELINE.finditer(text, s0, e0)]
    return [GazMatch(s, e, f"org:{slug(text[s:e])}", "ORG") for s, e in spans]


# A long name and the acronym that follows it in brackets: "India Petrochemicals Limited (IPCL)",
# "Chinese Academy of Social Sciences (CASS)".  Both are names when the acronym's letters are the
# first letters of the name's last words, in order (each word may give more letters from inside
# it: "Petrochemicals" -> "PC"; "of", "and", "the" may give none).
_DEFINED = re.compile(r"(?<![\w'’&.-])((?:[A-Z][\w'’&.-]*|of|and|for|the|on|de|in)(?: (?:[A-Z][\w'’&.-]*|of|and|for|the|on|de|in)){1,9}) \(([A-Z][A-Za-z&]{1,7})\)$")
_SMALL = frozenset("of and for the on de in".split())
_ACRONYM_IN_BRACKETS = re.compile(r" \([A-Z][A-Za-z&]{1,7}\)")


def _spells(acr: str, words: list[str]) -> bool:
    """Whether ``acr`` (lower case) is the words' letters picked in order, each content word giving
    its first letter and maybe more of its own, small words giving none or their first."""
    if not acr:
        return not words or all(w in _SMALL for w in words)
    if not words:
        return False
    w, rest = words[0], words[1:]
    if w in _SMALL and _spells(acr, rest):
        return True
    if acr[0] != w[0]:
        return False
    # take 1..n letters from w: the first and then a subsequence of the rest of the word
    k, pos = 1, 1
    while True:
        if _spells(acr[k:], rest):
            return True
        if k >= len(acr):
            return False
        nxt = w.find(acr[k], pos)
        if nxt < 0:
            return False
        k, pos = k + 1, nxt + 1


def defined_acronyms(text: str, s0: int, e0: int) -> list[tuple[int, int, int, int]]:
    """(name start, name end, acronym start, acronym end) of every name defined by a bracketed acronym."""
    if text.find(" (", s0, e0) < 0:
        return []
    out = []
    # only the stretch before each bracketed acronym is read (the name regex tries every capitalised word)
    found = [_DEFINED.search(text, max(s0, a.start() - 160), a.end()) for a in _ACRONYM_IN_BRACKETS.finditer(text, s0, e0)]
    for m in found:
        if m is None:
            continue
        name_end = m.end(1) - 2 if m.group(1).endswith(("'s", "’s")) else m.end(1)  # "the Party's (CCP)"
        words = text[m.start(1) : name_end].split(" ")
        if not m.group(2).replace("&", "").isupper():
            continue  # "Distributed Denial of Service (DDoS)": a term's mixed-case short form, not a name's
        acr = m.group(2).replace("&", "").lower()
        low = [w.lower() for w in words]
        for k in range(len(words) - 1, -1, -1):  # the shortest run of last words that spells it
            if low[k] not in _SMALL and words[k][:1].isupper() and _spells(acr, low[k:]):
                start = m.start(1) + sum(len(w) + 1 for w in words[:k])
                out.append((start, name_end, m.start(2), m.end(2)))
                break
    return out


# An honorific before capitalised words makes them a person's name, wherever it stands ("Mr Ebbers,
# 63, has always insisted", "Dr Kuznetsov said", "Sir Alex Ferguson"); the title is not part of it.
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\.? ((?:Mc|Mac|O['’]|D['’])?[A-Z][a-z][A-Za-z'’-]*(?<!['’])"
                     r"(?: (?:(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z][A-Za-z'’-]*(?<!['’])|[A-Z]\.)){0,2})")


def titled_people(text: str, s0: int, e0: int) -> list[tuple[int, int]]:
    """(start, end) of each name written after an honorific (see _TITLED)."""
    out = []
    for m in _TITLED.finditer(text, s0, e0):
        s, e = m.span(1)
        while text[s:e].endswith("."):  # "Dr J. Smith ... ended with an initial": cut a trailing initial
            e = text.rfind(" ", s, e)
            if e < 0:
                break
        if e > s:
            out.append((s, e))
    return out


# A role written in lower case right before one capitalised word makes that word a person's name
# when a speech verb follows ("Madrid midfielder Guti told", "police spokesman Biehl said").
_PERSON_ROLES = frozenset(
    "spokesman spokeswoman spokesperson official lawyer attorney executive chief analyst economist researcher scientist "
    "director manager leader officer minister president chairman chairwoman editor professor coach captain striker "
    "midfielder defender goalkeeper winger forward quarterback senator governor mayor sheriff detective sergeant "
    "lieutenant inspector commissioner founder author actor actress singer star player secretary ambassador "
    "prosecutor judge superintendent councillor councilman councilwoman colleague teammate".split()
)
_ONE_NAME = re.compile(r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")


def role_before_name(text: str, lo: int, p: int) -> tuple[int, int] | None:
    """(start, end) of the one capitalised word ending at ``p`` after a lower-case person role."""
    w0 = text.rfind(" ", max(lo, p - 25), p) + 1
    if w0 <= lo or not _ONE_NAME.fullmatch(text, w0, p):
        return None
    r0 = text.rfind(" ", max(lo, w0 - 20), w0 - 1) + 1
    return (w0, p) if text[r0 : w0 - 1] in _PERSON_ROLES else None


# A lower-case person role right before two or three plainly capitalised words makes them a
# person's name wherever it stands ("striker Wayne Rooney", "actress Imelda Staunton"); a role
# opening a sentence may be capitalised ("Golfer Tiger Woods won").
_NAME_ROLES = _PERSON_ROLES | frozenset(
    "golfer boxer skier cyclist jockey batsman pitcher outfielder linebacker tailback receiver sprinter swimmer "
    "rapper comedian presenter novelist writer poet filmmaker producer designer chef historian activist dissident "
    "blogger journalist reporter correspondent columnist candidate challenger champion pianist guitarist drummer "
    "businessman businesswoman tycoon billionaire entrepreneur playwright composer conductor".split()
)
_ROLE_NAME = re.compile(r"(?<![\w'’-])([A-Za-z]+) ((?:Mc|Mac|O['’])?[A-Z][a-z]+(?: (?:Mc|Mac|O['’])?[A-Z][a-z]+){1,2})(?![\w'’&-]|\.\w)")


def role_people(text: str, s0: int, e0: int, common: frozenset[str], heads: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of names after a person role (see _NAME_ROLES): not when a word of the name is
    one English usually writes in lower case or a head word of an organisation or place."""
    out = []
    for m in _ROLE_NAME.finditer(text, s0, e0):
        role = m.group(1)
        if role.lower() not in _NAME_ROLES or not (role.islower() or _opens_sentence(text, s0, m.start())):
            continue
        words = m.group(2).lower().split()
        if not any(w in common or w in heads for w in words):
            out.append(m.span(2))
    return out


def _opens_sentence(text: str, s0: int, p: int) -> bool:
    before = text[max(s0, p - 3) : p].rstrip(" \"“")
    return p == s0 or before == "" or before[-1] in ".!?\n" or before[-1] in "-–—" and text[p - 3 : p - 2] == " "


# A place or a person the model reads around a shorter name the gazetteer knows is the name meant:
# a region named by a compass word or a size word before a place ("North America", "East Africa",
# "Little Italy"), or a given name before a place's name ("Leon Washington", "Paris Hilton").
_PLACE_PREFIXES = frozenset("North South East West Central Northern Southern Eastern Western Little Upper Lower Greater "
                            "Inner Outer".split())


def wider_name(text: str, m: GazMatch, known: list[GazMatch]) -> GazMatch | None:
    """``m`` when the model's reading should win over a gazetteer name inside it (see _PLACE_PREFIXES),
    else None.  A part of a known region keeps the region's id ("East Asia" is searched as Asia);
    anything else gets its own."""
    if m.label not in ("GPE", "LOC", "PERSON") or text.find(" ", m.start, m.end) < 0:
        return None
    words = text[m.start : m.end].split()
    inner = [g for g in known if m.start <= g.start and g.end <= m.end and (g.start, g.end) != (m.start, m.end)]
    if not inner:
        return None
    if m.label in ("GPE", "LOC") and words[0] in _PLACE_PREFIXES:
        return GazMatch(m.start, m.end, inner[0].canonical, "LOC") if inner[0].label == "LOC" else m
    if m.label == "PERSON" and len(words) <= 3 and words[0] in given_names() and words[-1][:1].isupper():
        return m
    return None


# A lower-case word that says what kind of thing the capitalised name after it is: "oil giant Yukos",
# "software firm Novell", "financial watchdog BaFin" (organisations); "the film Hotel Rwanda", "the
# video game Halo", "the worm Netsky" (products and works).  Not words that are also common verbs or
# adjectives before a name ("play", "show", "single").
_ORG_KINDS = ("company|firm|group|giant|maker|carmaker|automaker|chipmaker|retailer|bank|lender|insurer|airline|carrier|"
              "operator|watchdog|regulator|broadcaster|newspaper|magazine|tabloid|publisher|developer|manufacturer|"
              "conglomerate|start-up|startup|outfit|studio|label|chain|supermarket|brewer|club|charity|consultancy|"
              "agency|organisation|organization|party|union|university|school|band|station|"
              # the plural before the first name of a list ("developers Blizzard", "rivals" is no kind: "banks HSBC and Barclays")
              "companies|firms|groups|giants|makers|carmakers|automakers|chipmakers|retailers|banks|lenders|insurers|airlines|"
              "carriers|operators|regulators|broadcasters|newspapers|publishers|developers|manufacturers|studios|labels|"
              "chains|supermarkets|brewers|clubs|charities|agencies|parties|unions|universities|bands|stations")
_PRODUCT_KINDS = ("film|movie|musical|series|sitcom|drama|album|song|novel|book|game|software|browser|"
                  "handset|smartphone|phone|console|app|application|website|site|virus|worm|trojan|malware|programme|program|"
                  "drug|painkiller|antidepressant|vaccine|jet|jetliner|airliner|handheld|gadget|laptop|tablet|processor|"
                  "soap|cartoon|single|track|tool|technology|robot")
# a record after its kind only with a word that makes the kind a noun ("hit single One Night", "her latest single
# More Than A Woman", "the track Mosh"; not "a single EU customs administration", "on track Sunday")
_RECORD_KINDS = frozenset(("single", "track"))
_RECORD_BEFORE = re.compile(r"(?i:\b(?:hit|latest|new|debut|solo|first|second|third|next|forthcoming|current|lead|title|the|her|his|their|its)"
                            r"|\w['’]s?) $")
# "called", "dubbed" or a code name between the kind and the name ("a Windows virus called Bofra", "a firm called
# Swarm Systems", "a tool called EdgeScape"; "codenamed Xenon" alone names a product too, not an operation)
_KIND_NAME = re.compile(
    rf"(?<![\w-])(?:({_ORG_KINDS})|({_PRODUCT_KINDS}|code-?named))(?: (?:called|dubbed|code-?named))? ((?:Mc|Mac|O['’])?[A-Z](?:[\w&-]|\.(?=\w))*"
    r"(?: (?:[A-Z](?:[\w&-]|\.(?=\w)|['’](?!s\b)(?=\w))*|\d{1,2}))*!?)"
    r"(?=['’]s\b|[^\w&'’-]|$)"
)
_NOT_KIND_NAME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september "
    "october november december i the a an this that it he she they we pc pcs".split()
)


def kind_before_name(text: str, s0: int, e0: int, common: frozenset[str]) -> list[GazMatch]:
    """Names after a lower-case word for their kind (see _KIND_NAME): organisations and products.
    Not a calendar word, a title, a pronoun, or a word English usually writes in lower case."""
    from .gazetteer import slug
    from .names import PERSON_TITLES

    out = []
    for m in _KIND_NAME.finditer(text, s0, e0):
        name = m.group(3).rstrip(".")
        first = name.split(" ", 1)[0].lower()
        if first == "the" and " " in name and (m.group(2) or m.group(1) == "band") and name.split(" ", 2)[1].lower() not in common:
            # "the film The Chorus", "the band The Bravery": the article is the name's own (not after other
            # organisation words: "the firm The Times quoted" leaves out a "that")
            first = name.split(" ", 2)[1].lower()
        record = m.group(2) in _RECORD_KINDS
        if record and not _RECORD_BEFORE.search(text, max(s0, m.start() - 12), m.start()):
            continue  # "a single EU customs administration": "single" an adjective
        if first in _NOT_KIND_NAME or first in PERSON_TITLES or first.endswith(("ese", "ian", "ish")) or first in common and not (
                record and " " in name):  # a song's title may open with any word ("her single More Than A Woman")
            continue
        if " called " in m.group(0) and (name.split(" ", 1)[0] in given_names() or text.startswith(" to ", m.end(3))):
            continue  # "the firm called Smith to testify", "the party called Ann Lee": a person called on
        if m.group(2) and m.group(2).startswith("code") and first in ("operation", "project"):
            continue  # "an offensive codenamed Operation ...": an operation, not a product
        label = "ORG" if m.group(1) else "PRODUCT"
        s = m.start(3)
        out.append(GazMatch(s, s + len(name), f"{label.lower()}:{slug(name)}", label))
    return out


# A person written with middle initials: "Daylee N. Newman", "Samuel L Jackson", "A. J. Smith", "T. Y. Hilton"
# (word-tokenised text: "A. J."); the name model's runs stop at the initial's full stop.
_INITIALLED = re.compile(
    r"(?<![\w.])(?:([A-Z][a-z]+)|[A-Z]\.)((?: [A-Z]\.?){1,2}) ((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-]|\.\w)"
)
_NOT_INITIALS = frozenset({"U. S.", "U. K.", "U. N.", "E. U.", "D. C."})


def initialled_people(text: str, s0: int, e0: int, given: frozenset[str], common: frozenset[str], heads: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of people written with initials (see _INITIALLED): the first word a given name, or
    a capitalised word English does not write in lower case before a dotted initial, or an initial
    itself ("Manager A. J. Smith": the name starts at the initials); the surname neither a word
    English usually writes in lower case nor an organisation or place word ("U. S. Army")."""
    out = []
    for m in _INITIALLED.finditer(text, s0, e0):
        first = m.group(1)
        if first is not None and not (first in given or (first.lower() not in common and m.group(2).count(".") == 1 == len(m.group(2).split()))):
            m = _INITIALLED.match(text, m.start(2) + 1, e0)  # the name may start at the initials
            if m is None or m.group(1) is not None:
                continue
        first, inits, surname = m.group(1), m.group(2), m.group(3)
        if first is None and (text[m.start() : m.start() + 2] + inits)[:5] in _NOT_INITIALS:
            continue
        if first is None and inits.count(".") < len(inits.split()):
            continue  # "A. J Smith": initials without their dots only after a given name
        if surname.lower() in common or surname.lower() in heads:
            continue
        out.append(m.span())
    return out


# A nationality written before a person's name ("Norwegian Petter Solberg", "Briton Tim Henman",
# "Russian Maria Sharapova") is no part of the name.  A closed list: guessing from word endings
# (-ian, -an, -i) cuts given names no census list holds (Declan, Kodi, Desean).
_NATIONALS = frozenset("""
American British English Scottish Welsh Irish French German Italian Spanish Portuguese Dutch Belgian Swiss Austrian
Swedish Norwegian Danish Finnish Icelandic Polish Czech Slovak Hungarian Romanian Bulgarian Greek Turkish Russian
Ukrainian Belarusian Serbian Croatian Bosnian Slovenian Albanian Estonian Latvian Lithuanian Georgian Armenian Israeli
Palestinian Lebanese Syrian Iraqi Iranian Saudi Egyptian Moroccan Algerian Tunisian Libyan Nigerian Kenyan Ethiopian
Ghanaian Cameroonian Senegalese Ivorian Zimbabwean Zambian Chinese Japanese Korean Taiwanese Vietnamese Thai Malaysian
Indonesian Filipino Singaporean Indian Pakistani Afghan Bangladeshi Nepalese Australian Canadian Mexican Brazilian
Argentine Argentinian Chilean Colombian Peruvian Venezuelan Uruguayan Paraguayan Ecuadorian Bolivian Cuban Jamaican
Briton Spaniard Frenchman Frenchwoman Englishman Englishwoman Scot Welshman Irishman Dutchman Dane Swede Finn Pole Turk
Kiwi Aussie""".split())


def strip_nationality(s: int, t: str) -> tuple[int, str]:
    """``(start, surface)`` of a person's name without a nationality before it (see _NATIONALS)."""
    head, sep, rest = t.partition(" ")
    if sep and head in _NATIONALS and rest[:1].isupper():
        return s + len(head) + 1, rest
    return s, t


# A company's legal form after capitalised words makes them one organisation's name, with the
# abbreviation's full stop ("Reliance Globalcom Ltd.", "France Telecom SA", "Vodafone Group Plc",
# "TallGrass Distribution Ltd., a wholesaler"): the model scores such names one word at a time and
# often leaves the form, or the whole name after a capitalised role ("CEO of ..."), outside.
_LEGAL_FORMS = "Inc|Ltd|Corp|Co|Plc|PLC|LLC|LLP|SA|S\\.A|NV|GmbH|Limited|Bhd|Pty Ltd|SpA|AB|ASA|Oyj"
_COMPANY = re.compile(
    rf"(?<![\w'’&.-])((?:(?:Mc|Mac|O['’])?[A-Z][\w'’&-]*\w(?:\.com)? |& ){{1,4}}(?:{_LEGAL_FORMS}))(\.)?(?![\w&-]|['’](?!s\b)|\.\w)"
)
_FORM_DOT = frozenset({"Inc", "Ltd", "Corp", "Co", "S.A", "Pty Ltd"})
_COMPANY_HINT = re.compile(rf" (?:{_LEGAL_FORMS})\b")


def legal_form_companies(text: str, s0: int, e0: int, common: frozenset[str], known) -> list[GazMatch]:
    """Organisations named with a legal form (see _COMPANY): leading words that are roles, titles, or
    words English writes in lower case are cut ("CEO of" never matches: "of" is no name word; "The
    Walt Disney Co." -> "Walt Disney Co."); not when a known place is all that is left before the
    form (``known``: "Texas Co.", "Las Vegas NV", "Calgary AB")."""
    if _COMPANY_HINT.search(text, s0, e0) is None:
        return []
    out = []
    for m in _COMPANY.finditer(text, s0, e0):
        s, e = m.span(1)
        prev = text[max(s0, s - 12) : s].rstrip(" ").rpartition(" ")[2]
        if prev == "of":
            b = text.rfind(" ", max(s0, s - 24), s - 4) + 1
            before = text[b : s - 4]
            opens = b <= s0 or text[b - 2 : b - 1] in ".!?\n" or text[b - 1 : b] == "\n"
            if before[:1].isupper() and before not in _ROLE_CAPS and not opens:
                continue  # "Bank of America Corp": the name began before "of" (head_of_names)
        if text[s - 2 : s] == ", " and " & " in text[s:e]:
            s = _partners_start(text, s0, s)  # "Clayton, Dubilier & Rice Inc.": the partners' names before are the name's
            if s < 0:
                continue
        elif text[s - 2 : s] == "& " or prev.startswith("amp;") or (prev[-1:].isalnum() and prev != prev.lower()):
            continue  # "AT&amp;T Wireless Inc.": the name began earlier
        words = text[s:e].split(" ")
        form = words[-1]
        if m.group(2) and (form in _FORM_DOT or form.endswith("Ltd")):
            e = m.end(2)
        name = words[:-1]
        owner = next((k for k in range(len(name) - 1, -1, -1) if name[k].endswith(("'s", "’s"))), None)
        if owner is not None:  # "France's Pinault-Printemps-Redoute SA", "Britain's Vodafone Group Plc": the owner is no part of it
            s += sum(len(w) + 1 for w in name[: owner + 1])
            name = name[owner + 1 :]
        while name and (name[0].lower() in common or name[0] in _ROLE_CAPS or name[0] == "&" or _LOWER_AFFIXED.fullmatch(name[0])):
            s += len(name[0]) + 1
            name = name[1:]
        if not name or known(" ".join(name)):
            continue
        out.append(GazMatch(s, e, f"org:{slug(text[s:e].rstrip('.'))}", "ORG"))
    return out


_PARTNER = re.compile(r"(?:Mc|Mac|O['’])?[A-Z][a-z]+")


def _partners_start(text: str, s0: int, s: int) -> int:
    """Where a firm named by its partners begins when its name before " & " is a list ("Clayton, Dubilier & Rice",
    "Skadden, Arps, Slate, Meagher & Flom"): up to three single surname-shaped words, each before a comma, the
    first opening its sentence or after a lower-case word; -1 when the words before are no such list."""
    for _ in range(3):
        k = max(text.rfind(" ", s0, s - 2), text.rfind("\n", s0, s - 2)) + 1
        if not _PARTNER.fullmatch(text, k, s - 2):
            return -1
        s = k
        if text[s - 2 : s] != ", ":
            before = text[max(s0, s - 20) : s].rstrip()
            ok = s <= s0 or text[s - 1] == "\n" or not before or before[-1] in ".!?:\n\"“" or before.rsplit(" ", 1)[-1].islower()
            return s if ok else -1
    return -1


_LOWER_AFFIXED = re.compile(r"[\w.]+-[a-z]+")  # "UK-based Turner & Newall Plc": a word that describes the firm
_ROLE_CAPS = frozenset("CEO CFO COO CTO MD Chairman Chief Executive President Director Head Founder Analyst Former New The "
                       "A An At In Of For By From With And But".split())



# A street, a road or a numbered route named in full ("Wall Street", "E. Markison Avenue", "North Taylor
# Street", "State Route 94", "Interstate 95"): a place, whatever the words before the head are ("Wall", "Main"
# are words English writes in lower case; the model leaves such names out).  Not when a capitalised word
# follows (the street names something else: "Wall Street Journal"); "Lane" and "Way" end people's and other
# names too ("Nathan Lane", "Milky Way") and are left to the model.
_STREET = re.compile(
    r"(?<![\w'’.&-])((?:[NSEW]\. |(?:North|South|East|West) )?(?:(?:Mc|Mac|O['’])?[A-Z][\w'’-]*\w ){1,3}"
    r"(?:Street|Avenue|Road|Boulevard|Drive|Square|Parkway|Highway|Expressway|Freeway)"
    r"|(?:(?:State|U\.S\.|US|County|[Ss]tate) )?(?:Route|Highway|Interstate|[Rr]oute) \d{1,4})(?![\w&-]|['’](?!s\b)| [A-Z&]| \d)"
)
_STREET_HINT = re.compile(r" (?:Street|Avenue|Road|Boulevard|Drive|Square|Parkway|Highway|Expressway|Freeway|[Rr]oute|Interstate)\b")
_NOT_STREET_FIRST = frozenset("The A An This That In On At Of By From For To And But Its His Her Their Our".split())


def _cut_first(s: int, words: list[str], drop, keep: int = 1) -> tuple[int, list[str]]:
    """(start, words) without the leading words ``drop`` says are no part of the name ("The", "On Friday",
    "Reporter"), keeping at least ``keep`` words."""
    while len(words) > keep and drop(words[0]):
        s += len(words[0]) + 1
        words = words[1:]
    return s, words


# A club's name by its last word ("Dundee United", "Charlton Athletic", "Bristol Rovers", "Tottenham
# Hotspur"): no person's or place's name ends so.
_CLUB_HEADS = ("United", "Rovers", "Athletic", "Wanderers", "Albion", "Hotspur", "Argyle", "Academicals", "Harriers")
_CLUB = re.compile(r"(?<![\w'’.&-])((?:(?:Mc|Mac|O['’])?[A-Z][\w'’-]*\w ){1,2}(?:" + "|".join(_CLUB_HEADS) + r"))(?![\w&-]|['’](?!s\b)| [A-Z])")


def street_names(text: str, s0: int, e0: int) -> list[GazMatch]:
    """Streets, roads and numbered routes (see _STREET) as facilities; clubs (see _CLUB) as organisations."""
    out = []
    if any(text.find(h, s0, e0) >= 0 for h in _CLUB_HEADS):
        for m in _CLUB.finditer(text, s0, e0):
            s, e = m.span(1)
            s, words = _cut_first(s, text[s:e].split(" "), _NOT_STREET_FIRST.__contains__)
            if len(words) > 1:
                out.append(GazMatch(s, e, f"org:{slug(text[s:e])}", "ORG"))
    if _STREET_HINT.search(text, s0, e0) is None:
        return out
    for m in _STREET.finditer(text, s0, e0):
        s, e = m.span(1)
        s, words = _cut_first(s, text[s:e].split(" "), _NOT_STREET_FIRST.__contains__)
        if len(words) < 2:
            continue
        out.append(GazMatch(s, e, f"fac:{slug(text[s:e])}", "FAC"))
    return out


# A name with a possessive inside: a place named after its owner ("Shenanigan's Bar", "Joe's Diner"),
# an institution named after the people it serves ("Comer Children's Hospital", "Women's College"),
# a day ("Father's Day", "St Patrick's Day").  The tokenizer cuts names at "'s"; these heads mend them.
_OWNED = {**dict.fromkeys("Bar Pub Restaurant Cafe Café Diner Grill Tavern Lounge Saloon Bakery Deli".split(), "FAC")}
_SERVED = {**dict.fromkeys("Hospital Home Church Cathedral Market".split(), "FAC"),
           **dict.fromkeys("School College Club".split(), "ORG"), **dict.fromkeys("Day Eve".split(), "EVENT")}
_POSSESSIVE_NAME = re.compile(
    r"(?<![\w'’.&-])((?:(?:Mc|Mac|O['’])?[A-Z][\w-]*\w |St\.? ){0,2}([A-Z][a-z]+))['’]s ([A-Z][a-zé]+)(?![\w'’-]| [A-Z])"
)


def possessive_names(text: str, s0: int, e0: int, common: frozenset[str]) -> list[GazMatch]:
    """Names with a possessive inside (see _POSSESSIVE_NAME): any owner before a place of food and drink, a
    word English writes in lower case (or a saint) before a hospital, a school or a day."""
    if text.find("s ", s0, e0) < 0:
        return []
    out = []
    for m in _POSSESSIVE_NAME.finditer(text, s0, e0):
        owner, head = m.group(2), m.group(3)
        label = _OWNED.get(head)
        if label is None:
            label = _SERVED.get(head)
            if label is None or not (owner.lower() in common or m.group(1).split(" ")[-2:-1] in (["St"], ["St."])):
                continue
        s, e = m.start(1), m.end(3)
        s, _words = _cut_first(s, text[s : m.end(1)].split(" "), _NOT_STREET_FIRST.__contains__)
        out.append(GazMatch(s, e, f"{label.lower()}:{slug(text[s:e])}", label))
    return out


# A head word, "of" and a capitalised name: one name of the head's kind ("the Rally of Britain", "League of
# Ireland club", "Royal Bank of Scotland", "Gulf of Aden", "State of the Union address"): the model ends such
# names at "of" or keeps only the place after it.  Capitalised words before the head belong to the name.
# Public bodies, schools and companies named by what they are for ("Ministry of Defence", "Office of Fair Trading",
# "Institute of Directors", "University of Utah"); a body's "of" part may be a coordination ("Department of Trade and
# Industry"), so one followed by "and" and a capitalised word is left to the model's reading.
_OF_BODIES = frozenset("Ministry Department Bureau Office Institute Commission Council Committee Agency Academy University College "
                       "Trust Foundation Fund Authority Organisation Organization Confederation Secretariat Directorate Inspectorate "
                       "Corporation Party".split())
_HEAD_OF = {**dict.fromkeys("League Society Federation Association Union Bank Board Chamber Order House Church Court".split(), "ORG"),
            **dict.fromkeys(_OF_BODIES, "ORG"),
            **dict.fromkeys("Rally Battle Siege Tour Festival".split(), "EVENT"),
            **dict.fromkeys(("Treaty",), "LAW"),
            **dict.fromkeys("Museum Cathedral Palace Tower".split(), "FAC"),
            **dict.fromkeys("Republic Kingdom".split(), "GPE"),
            **dict.fromkeys("Isle Gulf Bay Sea Cape Lake Strait Straits".split(), "LOC")}
_HEAD_OF_RX = re.compile(
    r"(?<![\w'’.&-])((?:(?:Mc|Mac|O['’])?[A-Z][\w'’-]*\w(?<!['’]s) ){0,3}?(?:" + "|".join(_HEAD_OF) + r"|State(?= of the Union)) of (?:the )?"
    r"[A-Z][\w'’-]*\w(?: [A-Z][\w'’-]*\w){0,2})(?![\w&-]|['’](?!s\b)| [A-Z]| of [A-Z])"
)


# A body "for" what it serves: "Office for National Statistics", "Centers for Disease Control" (bodies only: "a
# House for Sale" is none)
_FOR_BODIES = _OF_BODIES | frozenset("Center Centre Centers Centres Council Commission Fund Alliance Coalition".split())
_BODY_FOR_RX = re.compile(
    r"(?<![\w'’.&-])((?:(?:Mc|Mac|O['’])?[A-Z][\w'’-]*\w(?<!['’]s) ){0,3}?(?:" + "|".join(sorted(_FOR_BODIES)) + r") for (?:the )?"
    r"[A-Z][\w'’-]*\w(?: [A-Z][\w'’-]*\w){0,2})(?![\w&-]|['’](?!s\b)| [A-Z]| of\b)"
)
# what a body's "of"/"for" part may go on with: "and" and ordinary words capitalised ("Department of Trade and
# Industry", "Centers for Disease Control and Prevention", "Ministry of Agriculture and Rural Affairs"), a list of
# them before the "and" ("Department for Environment, Food and Rural Affairs", "Ministry of Agriculture, Fisheries
# and Food"); not "and the ..." (a second name) nor a name of its own ("the Department of Justice and Microsoft")
_AND_TAIL = re.compile(r"((?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?){0,3}),? and ([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?![\w'’&-]| [A-Z]| of\b| for\b)")
# endings of the words English names a field of work or a public task with ("Prevention", "Fisheries",
# "Nationality", "Development", "Welfare"): such a word in a body's name is no name of its own when English uses
# it at large (names._rare)
_FIELD_ENDINGS = ("tion", "sion", "ment", "ity", "ness", "ance", "ence", "ism", "ies", "ics", "ogy", "ure", "fare", "ships")


def field_word(word: str, common: frozenset[str]) -> bool:
    """A capitalised word of a body's "and" part that is no name: one English writes in lower case
    (``common``), or a word for a field of work by its ending (_FIELD_ENDINGS) that English uses at large."""
    low = word.lower()
    if low in common:
        return True
    from .names import _rare

    return low.endswith(_FIELD_ENDINGS) and not _rare(low) and word not in given_names() and word not in place_names()


def head_of_names(text: str, s0: int, e0: int, common: frozenset[str] = frozenset(), known=None) -> list[GazMatch]:
    """Names of a head word, "of" and a capitalised name (see _HEAD_OF), and bodies "for" what they serve
    (_BODY_FOR_RX); a body's part after "of"/"for" goes on with "and" and ordinary words (_AND_TAIL) unless
    ``known`` (a look-up) knows them as a name of their own."""
    if text.find(" of ", s0, e0) < 0 and text.find(" for ", s0, e0) < 0:
        return []
    out = []
    matches = list(_HEAD_OF_RX.finditer(text, s0, e0))
    if text.find(" for ", s0, e0) >= 0:
        matches += list(_BODY_FOR_RX.finditer(text, s0, e0))
    for m in matches:
        s, e = m.span(1)
        s, words = _cut_first(s, text[s:e].split(" "), lambda w: w in _NOT_STREET_FIRST or w in _ROLE_CAPS, keep=0)
        link = "of" if "of" in words else "for"
        head = words[words.index(link) - 1]
        if link == "for" and (words[words.index(link) + 1] in _CALENDAR or text.endswith((" and", " &"), s0, max(s0, s - 1))):
            continue  # "the Commerce Department for November"; "UN Relief and Works Agency for ...": the name began earlier
        label = "EVENT" if head == "State" else strong_head_type(" ".join(words)) or _HEAD_OF.get(head) or ("ORG" if head in _FOR_BODIES else None)
        if label == "LOC" and _HEAD_OF.get(head, "LOC") != "LOC":
            label = _HEAD_OF[head]  # "University of the Highlands and Islands": land or water after "of" names the body
        if label is None:
            continue
        if head in _FOR_BODIES and text.startswith((" and ", " & "), e) and text[e + 5 : e + 6].isupper():
            t = _AND_TAIL.match(text, e, e0) if common else None
            tail = t.group(2).split() if t else []
            if not tail or any(not field_word(w, common) for w in tail) or known is not None and known(t.group(2)):
                continue  # "Department of Trade and Sony": the coordination is read elsewhere
            e = t.end(2)
        elif head in _FOR_BODIES and text.startswith(", ", e) and text[e + 2 : e + 3].isupper() and common:
            t = _AND_TAIL.match(text, e, e0)  # "Department for Environment, Food and Rural Affairs": a list in the name
            parts = [p.strip() for p in t.group(1).split(",") if p.strip()] + [t.group(2)] if t and t.group(1) else []
            if parts and all(field_word(w, common) for p in parts for w in p.split()) and not (known is not None and any(known(p) for p in parts)):
                e = t.end(2)
        out.append(GazMatch(s, e, f"{label.lower()}:{slug(text[s:e])}", label))
    return out


# Two or three capitalised words set off by a comma and described as a person: an age ("Wangari Maathai, 64,"),
# or "a/an/the" + up to three modifiers + a person role or a nationality ("John Pickering, a spokesman for",
# "Wangari Maathai, a Kenyan who", "Jane Doe, the former chief executive of").
_APPOSITIVE = re.compile(
    r"(?<![\w'’&.-])((?:Mc|Mac|O['’])?[A-Z][a-z][\w'’-]*(?: (?:(?:de|da|van|von|bin|al|del|le|la|di) )?(?:Mc|Mac|O['’])?[A-Z][a-z][\w'’-]*){1,2}), "
    r"(?:(\d{1,3}),|(?:a|an|the) ((?:[\w-]+ ){0,3}?)([A-Za-z]+)(?= (?:who|whose|of|at|for|from|in|with|and|on|to)\b|[,.;]))"
)
_APPOSITIVE_MODIFIERS = frozenset(
    "former retired veteran senior junior chief deputy top leading prominent local longtime long-time well-known "
    "famous respected renowned young new assistant associate acting interim vice executive general".split()
)


def appositive_people(text: str, s0: int, e0: int, common: frozenset[str], heads: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of names a comma-apposition describes as a person (see _APPOSITIVE): an age, a person role
    (_NAME_ROLES) or a nationality, after modifiers that are nationalities, _APPOSITIVE_MODIFIERS or "N-year-old".
    Not when a word of the name is one English usually writes in lower case or an organisation's or place's head
    word ("The Company, a unit of", "Acme Corp, a maker of")."""
    out = []
    for m in _APPOSITIVE.finditer(text, s0, e0):
        if m.group(2) is None:
            noun = m.group(4)
            if not (noun.lower() in _NAME_ROLES or noun in _NATIONALS):
                continue
            mods = m.group(3).split()
            if not all(w in _NATIONALS or w.lower() in _APPOSITIVE_MODIFIERS or w.endswith("-year-old") for w in mods):
                continue
        elif not 10 <= int(m.group(2)) <= 110:
            continue
        s, e = m.span(1)
        # "On Friday Jane Okoro, ...", "Reporter Tim Lee, ..."
        s, words = _cut_first(s, m.group(1).split(), lambda w: w.lower() in _NAME_ROLES or w in _CALENDAR or w in _NATIONALS, keep=2)
        low = [w.lower() for w in words]
        if low[0] in ("the", "a", "an") or words[0] in _CALENDAR or any(w in common or w in heads for w in low):
            continue
        out.append((s, e))
    return out


_CALENDAR = frozenset(f"{WEEKDAYS}|{MONTHS}".split("|"))


# A site named by its domain ("Booking.com", "NBC4i.com", "fredericksburg.com"): a web name is its owner's
# name, an organisation.  Not inside a URL or an e-mail address (the character before it is none of
# "@ / . : -"), not a file name (".html"), not a domain of two letters or one.
_WEB_NAME = re.compile(r"(?<![\w@/.:-])([A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]\.(?:com|net|org|gov|co\.uk|tv|info))(?![\w-]|\.\w)")


_WEB_HINT = re.compile(r"\.(?:com|net|org|gov|co\.uk|tv|info)\b")


def web_names(text: str, s0: int, e0: int) -> list[GazMatch]:
    """Sites written as their domain name (see _WEB_NAME): organisations."""
    if _WEB_HINT.search(text, s0, e0) is None:
        return []  # no ".com", ".org" ...: the full pattern (which tries every letter) is not run
    return [GazMatch(m.start(1), m.end(1), f"org:{slug(m.group(1))}", "ORG") for m in _WEB_NAME.finditer(text, s0, e0)
            if m.group(1).lower() != "dot.com"]  # "the dot.com boom": a word


# A word that opens with one or two lower-case letters and goes on with a capital is a brand, and mostly a
# product's: "iPod", "iTunes", "eDonkey", "iPhoto", "iPods", "iLife 05" (not "kWh" or "mRNA": a capital and two or
# more lower-case letters after it; not an address or a domain; not a stray letter glued to a stop word: "iThe").
# A word the gazetteer knows keeps its reading ("eBay"); after a lower-case word for an organisation it is one
# ("security firm iDefence").
_INNER_CAP = re.compile(r"[a-z][A-Z][a-z]")
_INNER_CAP_WORD = re.compile(r"[a-z]{1,2}[A-Z][a-z]{2,}[A-Za-z]*\d*(?![\w@/&-]|\.\w|['’][a-z])")
_ORG_KIND_BEFORE = re.compile(r"(?:^|\s)(?:" + "|".join(
    "company firm group giant maker retailer bank operator developer start-up startup outfit studio label chain".split()) + r") $")


def inner_capital_products(text: str, s0: int, e0: int) -> list[GazMatch]:
    """Brands written with a lower-case opening and an inner capital (see _INNER_CAP_WORD): products, or
    organisations after an organisation word."""
    out = []
    p = s0
    while True:
        m = _INNER_CAP.search(text, p, e0)
        if m is None:
            return out
        p = m.end()
        s = m.start() - 1 if m.start() > s0 and "a" <= text[m.start() - 1] <= "z" else m.start()
        if s > s0 and (text[s - 1].isalnum() or text[s - 1] in "@/.:'’-_"):
            continue  # inside a word, an address or a hyphenated name
        w = _INNER_CAP_WORD.match(text, s, e0)
        if w is None or w.end() <= m.end() - 1:
            continue
        if text[m.start() + 1 : w.end()].lower() in ENGLISH:
            continue  # "iThe U.S. Department ...": a bullet's letter glued to a sentence's first word
        label = "ORG" if _ORG_KIND_BEFORE.search(text, max(s0, s - 12), s) else "PRODUCT"
        e = number_after(text, w.end(), e0, label) if label == "PRODUCT" else w.end()  # "iLife 05": its version
        out.append(GazMatch(s, e, f"{label.lower()}:{slug(text[s:e])}", label))
        p = e


# Titles of works after the words news writes before them: "starring in A Very Long Engagement", "starred in
# All's Well That Ends Well", "nominated for Endgame", "nominations for Secrets and Lies", "Eric Clapton's
# 1991 hit Tears In Heaven", "played Emilia in Othello", "sequels to Halo", "an adaptation of The Da Vinci
# Code"; and before a programme word: "BBC Radio 4's Today programme", "The Wright Stuff programme".  The
# title: capitalised words, small words between them ("of", "and", "the" ...), an opening "The".
_TITLE_WORD = r"(?:Mc|Mac|O['’])?[A-Z][\w'’-]*[\w!]|[A-Z]"
_TITLE_SMALL = r"(?:of|and|the|a|an|in|to|&)"  # not "for", "at", "with": "played Emilia in Othello for the RSC"
_TITLE = rf"(?:The )?(?:{_TITLE_WORD})(?: (?:{_TITLE_SMALL} )*(?:{_TITLE_WORD})){{0,7}}"
# lower-case words after a name that make it a describer of a work, not its title ("Hollywood classic King Kong")
_WORK_NOUNS = ("classics?|novels?|books?|films?|movies?|documentar(?:y|ies)|series|plays?|musicals?|characters?|stars?|fans?|"
               "games?|franchise|sequels?|stor(?:y|ies)|tales?|trilogy|saga|cast|roles?|director|producer|actor|actress|version|"
               "comedy|comedies|drama|thriller|cartoons?|shows?")
_WORK_CUE = re.compile(
    r"(?<![\w'’-])(?:starr(?:ing|ed)(?: role)? in|nominat(?:ed|ion|(ions)) for|(?:sequel|prequel|(sequels|prequels)) to|"
    r"(?:adaptation|remake|production|revival|staging) of|play(?:s|ed|ing)? ((?:Mc|Mac|O['’])?[A-Z][a-z]+) in|"
    r"(?:film|movie|stage|screen|TV|television|cover|live|recut|celebrity|HD|US|UK|British|American) (?:version|edition)s? of|"
    r"(?:['’]s|his|her|their|its|\d{4}) (?:\d{4} )?(?:hit|smash|blockbuster)) "
    rf"({_TITLE})(?![\w'’-]| [A-Z0-9]| (?:{_WORK_NOUNS})\b|, \d)"
)
_CUT_TITLE = re.compile(r" (?:and|&|of|to|in|on|a|an|the|at|for|with)(?: [a-z]+){0,3} [A-Z]")
_WORK_BEFORE_KIND = re.compile(
    rf"(?:(?<= the )|(?<=['’]s )|(?<=[a-z] on )|(?<=[a-z] in ))({_TITLE}) (?:programme|show|sitcom|soap|documentary)(?![\w-]| [A-Z])"
)
_WORK_HINT = ("starr", "nominat", "quel", "adaptation", "remake", "production", "revival", "staging", "play", "hit ", "smash", "blockbuster",
              " version", " edition")
_WORK_KIND_HINT = (" programme", " show", " sitcom", " soap", " documentary")
_NOT_WORK_FIRST = frozenset("Best Outstanding Most Mr Mrs Ms Dr Sir Dame Lord Lady Eve".split())
_NOT_WORK_LAST = frozenset("Award Awards Prize Medal Oscar Oscars Bafta Baftas Grammy Grammys Emmy Emmys Globe Globes Trophy".split())


def work_titles(text: str, s0: int, e0: int) -> list[GazMatch]:
    """Titles of films, plays, songs, shows and games after the words that introduce them (see _WORK_CUE,
    _WORK_BEFORE_KIND): products.  Not an award or a category ("nominated for Best Actor", "nominated for
    the Nobel Peace Prize"), not a calendar word, not a name that describes a work named after it ("remake of
    Hollywood classic King Kong", "adaptation of Lemony Snicket novels"), not a person ("nominated for Staunton,
    49,"), not a team ("playing Switzerland in Dublin"); before a programme word, not the broadcaster ("BBC
    Radio 4's Today programme" is Today, "the BBC World Service programme Go Digital" no title before the word)."""
    out = []
    for rx, hint in ((_WORK_CUE, _WORK_HINT), (_WORK_BEFORE_KIND, _WORK_KIND_HINT)):
        if not any(text.find(w, s0, e0) >= 0 for w in hint):
            continue  # none of the pattern's words: the full pattern (which tries every position) is not run
        for m in rx.finditer(text, s0, e0):
            title = m.group(rx.groups)
            s, e = m.span(rx.groups)
            if rx is _WORK_CUE and m.group(3) is not None and m.group(3) in place_names():
                continue  # "playing Switzerland in Dublin": a match, not a role
            if rx is _WORK_CUE and (" version" in m.group(0) or " edition" in m.group(0)) and _CUT_TITLE.match(text, e):
                continue  # "a film version of Rogers and Hammerstein's classic": the run is longer than any title read
            k = max(title.rfind("'s "), title.rfind("’s "))
            if k >= 0 and (rx is _WORK_BEFORE_KIND or not title.startswith("The ") and title[:k].count(" ") == 1):
                # "Wednesday's Today programme", "BBC's Newsnight programme", "an adaptation of Philip Pullman's His Dark
                # Materials": the title follows the owner or the author
                title, s = title[k + 3 :], s + k + 3
            if title.endswith((" TV", " Tv")):
                title, e = title[:-3], e - 3  # "the Jimmy Kimmel Live TV show"
            if not title or title.split()[0] in given_names() and title.count(" ") == 1 or title.split()[0] in _NATIONALS:
                continue  # "a nomination for Martin Scorsese", "nominations for Don Cheadle": a person; "for British talent"
            if rx is _WORK_BEFORE_KIND:
                if text[s - 4 : s] in (" on ", " in ") and not text[text.rfind(" ", s0, s - 4) + 1 : s - 4][:1].islower():
                    continue  # "the BBC's Focus on Africa programme": "on" inside the title
                if title.split()[0].isupper() and len(title.split()[0]) > 1 or title[:1].isdigit():
                    continue  # "the BBC World Service programme", "the ITV1 show": a broadcaster
            elif title.endswith(("'s", "’s")) or title.split()[-1].isupper() and len(title.split()[-1]) <= 3 and " " in title:
                continue  # "a remake of Roald Dahl's classic ...": the title is after the owner
            # "nominations for Eternal Sunshine of the Spotless Mind and Vera Drake", "sequels to Halo and Half-Life",
            # "Secrets and Lies and Topsy Turvy": after a plural, or with two "and"s, the last "and" joins two titles
            plural = rx is _WORK_CUE and (m.group(1) or m.group(2))
            if title.count(" and ") > 1 or plural and " and " in title:
                k = title.rindex(" and ")
                out.append(GazMatch(s + k + 5, e, f"product:{slug(title[k + 5 :])}", "PRODUCT"))
                title, e = title[:k], s + k
            k = title.rfind(" in ")
            if k > 0 and title[k + 4 :] in place_names():  # "Jack and the Beanstalk in Birmingham": the place is no part of it
                title, e = title[:k], s + k
            words = title.split()
            bare = words[1:] if words[0] == "The" and len(words) > 1 else words
            if len(bare) == 1 and bare[0].isupper() and len(bare[0]) <= 3:
                continue  # "the TV show", "the BBC series": a medium or a broadcaster, no title
            if bare[0] in _NOT_WORK_FIRST or words[-1] in _NOT_WORK_LAST or bare[0] in _CALENDAR or words[-1] in _CALENDAR:
                continue
            out.append(GazMatch(s, e, f"product:{slug(title)}", "PRODUCT"))
    return out


# A run of capitalised words ending in a head word that fixes the type (_STRONG_HEADS, and a few more) is
# that kind of name even where the model saw none, mostly because its first words are ordinary words
# ("Ryder Cup", "World Cup", "National Theatre", "Securities Trading Act", "Notting Hill Carnival",
# "Sony Pictures").  Inside a sentence only (a headline in title case has every word capitalised); not
# "Code", "Convention" or "Charter", which end titles of books and halls as often as laws.
_HEADED_EXTRA = {"cup": "EVENT", "carnival": "EVENT", "theatre": "ORG", "theater": "ORG",
                 # tournaments, games and fairs by their last word ("French Open", "Brazilian Grand Prix", "Commonwealth
                 # Games", "Pro Bowl", "Electronic Entertainment Expo", "Geneva Motor Show"; see _EVENT_AFTER_NATIONAL,
                 # _GAMES_BEFORE and _SHOW_KINDS for when they hold)
                 **dict.fromkeys("open prix games bowl expo show classic invitational masters".split(), "EVENT"),
                 # bodies, firms and papers by their last word ("Wine Standards Board", "Energy Savings Trust",
                 # "Evolution Securities", "Atticus Capital", "Mersey TV" is left to the model: "digital TV")
                 **dict.fromkeys("board trust foundation authority securities capital investments software partners club energy "
                                 "exchange alliance tribunal court group network studios magazine times post journal "
                                 "observer express regiment brigade battalion squadron corps petroleum chemicals foods bancorp".split(), "ORG"),
                 # a nation's or a region's government by an adjective ("Irish Government", "Scottish Executive",
                 # "Kurdish Regional Government"; see _BY_NATION), not "Bush Government"
                 **dict.fromkeys(("government", "executive"), "ORG")}
_BY_NATION = frozenset(("Government", "Executive"))
_HEADED_TYPES = {k: v for k, v in {**_STRONG_HEADS, **_HEADED_EXTRA}.items()
                 if k not in ("code", "convention", "charter", "championship", "championships", "limited", "inc", "ltd", "corp", "llc", "plc", "gmbh", "ag", "sa", "fc", "afc")
                 and k.isalpha()}  # legal forms: legal_form_companies
_HEADED = re.compile(
    r"(?<![\w'’.&-])((?:(?:Mc|Mac|O['’])?[A-Z][\w'’&-]*\w )(?:(?:of|the|and|de|for) )?(?:[A-Z][\w'’&-]*\w ){0,3}"
    r"(" + "|".join(sorted((k.capitalize() for k in _HEADED_TYPES), key=len, reverse=True)) + r"))(?![\w'’&-]| [A-Z]| (?:of|for) (?:the )?[A-Z])"
)
_HEADED_HINT = re.compile(r" (?:" + "|".join(sorted((k.capitalize() for k in _HEADED_TYPES), key=len, reverse=True)) + r")\b")
# event heads a nationality may open ("Australian Open", "Chinese Grand Prix", "Asian Games")
_EVENT_AFTER_NATIONAL = frozenset("Open Prix Games Classic Invitational Masters".split())
# tournament heads that end other names too ("Rockstar Games", "keep Britain Open", "Coca-Cola Classic", "Old Masters")
_TOURNAMENT_HEADS = frozenset("Games Open Classic Invitational Masters".split())
# "Games" ends a company's name too ("Rockstar Games"): an event after "the", a year or a possessive only
_GAMES_BEFORE = re.compile(r"(?:\b[Tt]he|['’]s|\b(?:1[89]|20)\d\d) $")
# ... and "Open" after them or before a word of the tournament ("French Open champion", "US Open final")
_OPEN_AFTER = re.compile(r" (?:title|final|champion|winner|semi|quarter|crown|singles|doubles|draw|round|tournament|victory|win)")
# a show is a trade fair after these words ("Geneva Motor Show", "Consumer Electronics Show", "Paris Air Show",
# "Chelsea Flower Show"); other shows are programmes ("The Daily Show") and left to the other rules
_SHOW_KINDS = frozenset("Motor Auto Car Air Airshow Electronics Boat Trade Flower Fashion Games Toy Book Horse".split())
_NOT_AFTER_NATIONAL = frozenset("Federation Union Group Exchange Capital Times Post Journal Observer Express Energy Club Network Trust".split())
_NOT_HEADED_FIRST = frozenset("The A An This That These Those Its His Her Their Our My Your Last Next Every Each On In At By For From "
                              "With To As After Before When While If But And Or So".split())


_WORK_KINDS = frozenset(_PRODUCT_KINDS.split("|")) | frozenset("show play programme documentary".split())


def _before_word(text: str, s0: int, s: int) -> str:
    """The word right before ``s`` (lower-cased), or ""."""
    k = text.rfind(" ", s0, max(s0, s - 1))
    return text[k + 1 : s - 1].lower() if s - 1 > s0 and text[s - 1] == " " else ""


def headed_names(text: str, s0: int, e0: int, common: frozenset[str] = frozenset()) -> list[GazMatch]:
    """Names whose last word says what they are (see _HEADED), the words before them that open a
    sentence, a calendar word or a determiner cut off ("The World Cup", "On Sunday Ryder Cup").  An
    organisation's name may open a sentence when its first word is no word written in lower case
    (``common``): "Blackground Records said", not "Local Police said"."""
    if _HEADED_HINT.search(text, s0, e0) is None:
        return []
    out = []
    for m in _HEADED.finditer(text, s0, e0):
        s = m.start(1)
        words = m.group(1).split()
        while len(words) > 1 and (words[0] in _NOT_HEADED_FIRST or words[0] in _CALENDAR or words[0] in ("of", "the", "and", "de", "for")):
            s += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or any(w.endswith(("'s", "’s")) for w in words):
            continue  # "the CCP's Propaganda Department": the name begins before the possessive
        if words[-1] == "Show" and words[-2] not in _SHOW_KINDS or words[-1] in _TOURNAMENT_HEADS and not (
                _GAMES_BEFORE.search(text, max(s0, s - 6), s) or words[-1] != "Games" and _OPEN_AFTER.match(text, m.end(1))) or words[-2:] == ["Old", "Masters"]:
            continue  # "The Jerry Springer Show" (a programme), "Rockstar Games" (a company), "keep Britain Open", "Old Masters"
        if words[-1] == "Prix" and words[-2] != "Grand":
            continue  # "Prix" ends a tournament's name as "Grand Prix" only
        if words[-1] in _EVENT_AFTER_NATIONAL or words[-1] in ("Bowl", "Expo", "Show"):
            if "for" in words:  # "Safin stops Youzhny for China Open title": no tournament's name holds "for"
                k = len(words) - 1 - words[::-1].index("for")
                s += len(" ".join(words[: k + 1])) + 1
                words = words[k + 1 :]
                if len(words) < 2:
                    continue
            if m.group(1).startswith("The ") and s > s0 and m.start(1) > s0 and text[m.start(1) - 1] == " " and text[m.start(1) - 2] not in ".!?:\n\"“”|":
                continue  # "to promote The Goldfish Bowl, her new book": a capital "The" inside a sentence opens a title
        if (words[0] in _NATIONALS or words[0].endswith("ese")) and words[-1] not in _EVENT_AFTER_NATIONAL and (
                _HEADED_TYPES[words[-1].lower()] not in ("ORG", "LOC") or words[-1] in _NOT_AFTER_NATIONAL):
            continue  # "Chinese Spring Festival", "Russian Federation"; an organisation or a sea may open with one ("Palestinian Authority", "Iraqi Army", "Irish Sea")
        if _HEADED_TYPES[words[-1].lower()] == "LOC" and ("and" in words or _before_word(text, s0, s) in _WORK_KINDS):
            continue  # "the Bosphorus and Dardanelles Straits": two; "her book Small Island", "the series British Isles": works
        if words[-1] in _BY_NATION and not (words[0] in _NATIONALS or words[0].endswith(("ese", "ish", "ian", "ean")) and words[0][1:].islower()
                                            or "and" in words and common and all(w == "and" or field_word(w, common) for w in words[:-1])):
            continue  # "Irish Government", "Kurdish Regional Government", "Health and Safety Executive" (a body named by its
            # fields); "Northern Ireland Executive" is the model's, "Bush Government" no body's name
        k = s - 1
        while k > s0 and text[k - 1] == " ":
            k -= 1
        if s != m.start(1):
            pass  # "Its Coastal Fisheries Act", "On Sunday Ryder Cup": the cut words open the sentence, not the name
        elif k <= s0 or text[k - 1] in ".!?:\n\"“”|" or text[k - 1 : k + 1] == "\n ":
            if not common or _HEADED_TYPES[words[-1].lower()] != "ORG" or words[0].lower() in common or not words[0][1:].islower():
                continue  # opens a sentence: its first word may be capitalised for that alone
        before = re.split(r"[.!?](?=[A-Z])", text[text.rfind(" ", s0, k) + 1 : k])[-1]  # "stations.Gurugram": two sentences glued
        if k <= s0 or text[k - 1] in ".!?:\n\"“”|":
            pass  # the sentence opener kept above
        elif s == m.start(1) and before[:1].isupper() and before not in ("The", "A", "An") and not (before.endswith((",", ";")) and _HEADED_TYPES[words[-1].lower()] == "ORG"
                                                                and not _SMALL.intersection(words)) or before in ("&", "amp;") or before.endswith(("'s", "’s")):
            if not (len(words) > 3 and words[1] in ("of", "at") and words[0] not in _HEAD_OF and before not in _HEAD_OF
                    and before[:1].isupper() and not before.endswith(("'s", "’s"))):
                continue  # the name begins earlier ("Columbus Division of Police", "Sidney & Lois Eskenazi Hospital", "Nixon's Committee")
            s += len(words[0]) + len(words[1]) + 2  # "analyst Orin Middleton of Barclays Capital": the person's name ends before "of"
            words = words[2:]
        label = _HEADED_TYPES[words[-1].lower()]
        surface = " ".join(words)
        out.append(GazMatch(s, m.end(1), f"{label.lower()}:{slug(surface)}", label))
    return out


# A mountain, a lake or a river by the word that opens its name ("Mount Kenya", "Mt. Hood", "Lake Tanganyika",
# "River Thames"): land or water even where the model saw a country or nothing; not the first words of a longer
# name ("Mount Sinai Hospital", "Lake Forest College": the head rules read those).
_GEO_FIRST = re.compile(r"(?<![\w'’.&-])((?:Mount|Mt\.|Lake|River) [A-Z][\w'’-]*\w)(?![\w'’&-]|['’](?!s\b)| [A-Z]| of\b)")


def geo_first_names(text: str, s0: int, e0: int, common: frozenset[str] = frozenset()) -> list[GazMatch]:
    """Land and water named by their first word (see _GEO_FIRST); not before a word English writes in lower
    case ("the hotel's River Room", "Mount Pleasant Road" is the street rule's)."""
    out = []
    for m in _GEO_FIRST.finditer(text, s0, e0):
        second = m.group(1).split()[1]
        if second.lower() in common or not _geo_first_name(second):
            continue
        before = text[text.rfind(" ", s0, max(s0, m.start(1) - 1)) + 1 : m.start(1)].strip()
        if before[:1].isupper() and not before.endswith((".", ":", ",", ";")) and before not in _NOT_HEADED_FIRST:
            continue  # a longer name: "Salt Lake City", "South Lake Tahoe", "Hidden Valley Lake"
        out.append(GazMatch(m.start(1), m.end(1), f"loc:{slug(m.group(1))}", "LOC"))
    return out


# Organisations whose written form alone says what they are, where the model sees an ordinary word:
# a newspaper's masthead after a capitalised "The" inside a sentence ("told The Times", "wrote in The
# Observer", "The Mail on Sunday"; after a lower-case "the" only the mastheads that are no common noun:
# "the Telegraph", "the Economist"); a legislature by its one word inside a sentence ("MPs in the
# Commons", "Parliament rose", "the Senate voted"; not after a capitalised word, "European Parliament",
# "Creative Commons", which the model or the head rules read whole); a club by the word that opens
# continental clubs' names ("Real Sociedad", "Sporting Lisbon", "Dynamo Kiev").
_MASTHEADS = ("Times|Observer|Guardian|Independent|Economist|Scotsman|Spectator|Telegraph|Herald|Mirror|Sun|Post|Journal|"
              "Express|Mail|Star|Standard|Tribune|Chronicle|Globe|Gazette|Inquirer|Age|Australian|Hindu|Nation|Register|"
              "Mail on Sunday|Sunday Times|Sunday Telegraph|Financial Times|Wall Street Journal|New York Times|Washington Post")
# (the patterns open with their words, not a look-behind, so that the regex engine skips to their first letters; the
# letter before is checked in org_shapes)
_MASTHEAD = re.compile(r"(?:(The (?:" + _MASTHEADS + r"))|the (Times|Observer|Telegraph|Economist|Scotsman|Spectator))"
                       r"(?![\w&-]|['’](?!s\b)| [A-Z]| of\b)")
_HOUSES = re.compile(r"(Commons|Parliament|Congress|Senate|Bundestag|Duma|Knesset)(?![\w&-]|['’](?!s\b)| [A-Z]| of\b)")
_CLUB_FIRST = re.compile(r"((?:Real|Atletico|Atlético|Sporting|Olympique|Dynamo|Dinamo|Borussia|Deportivo|Hapoel|Maccabi|"
                         r"Spartak|Lokomotiv|Steaua|Partizan) [A-Z][a-zé]{3,}(?: [A-Z][a-z]+)?)(?![\w&-]|['’](?!s\b)| [A-Z])")
_NOT_CLUB_LAST = frozenset("Stadium Arena Park Ground Stadion Street Road Estate World Time Life Story Love Thing Deal".split())
# a firm named by its founders or its trades joined by "&" ("Marks & Spencer", "Procter & Gamble", "Standard & Poor's",
# "Clayton, Dubilier & Rice" is read from its legal form): not two ordinary words ("Arts & Crafts") nor places
# ("Trinidad & Tobago") nor two given names ("Richard & Judy"; "Johnson & Johnson" is a firm)
_AMPERSAND_FIRM = re.compile(r"((?:[A-Z][\w'’-]*\w )?[A-Z][\w'’-]*\w & [A-Z][\w'’-]*\w)(?![\w&-]|['’](?!s\b)| [A-Z]| of\b)")


def _glued(text: str, p: int) -> bool:
    """Whether the word at ``p`` continues a word before it ("Gazette", "U.S.Congress", "Anti-Commons")."""
    return p > 0 and (text[p - 1].isalnum() or text[p - 1] in "_'’.&-")


def _inside_sentence(text: str, s0: int, p: int) -> bool:
    """Whether the word at ``p`` is neither the first of its sentence nor of a line, quote or bracket."""
    k = p
    while k > s0 and text[k - 1] == " ":
        k -= 1
    return k > s0 and text[k - 1] not in ".!?:\n\"“”'‘(|-–—•"


def org_shapes(text: str, s0: int, e0: int, common: frozenset[str] = frozenset()) -> list[GazMatch]:
    """Newspapers, legislatures, clubs and firms named by their written form (see _MASTHEAD, _AMPERSAND_FIRM;
    firms only with ``common``, the words English writes in lower case)."""
    out = []
    if common and text.find(" & ", s0, e0) >= 0:
        for m in _AMPERSAND_FIRM.finditer(text, s0, e0):
            s, e = m.span(1)
            if _glued(text, s):
                continue
            left, right = text[s : text.find(" & ", s)].split(), text[s:e].split()[-1]
            if len(left) == 2 and (left[0].lower() in common or not _inside_sentence(text, s0, s)):
                s, left = s + len(left[0]) + 1, left[1:]  # "Rival Marks & Spencer", "Shares Marks & Spencer": the name is the last word
            words = [*left, right]
            if all(w.lower() in common for w in words) or any(w in place_names() for w in words) \
                    or words[0] != right and words[0] in given_names() and right in given_names():
                continue  # "Arts & Crafts", "Trinidad & Tobago"; "Richard & Judy", "Bonnie & Clyde": two people
            out.append(GazMatch(s, e, f"org:{slug(text[s:e])}", "ORG"))
    if text.find("The ", s0, e0) >= 0 or text.find("the ", s0, e0) >= 0:
        for m in _MASTHEAD.finditer(text, s0, e0):
            s, e = m.span(1) if m.group(1) else m.span(2)
            if _inside_sentence(text, s0, s) and not _glued(text, m.start()):
                out.append(GazMatch(s, e, f"org:{slug(text[s:e].removeprefix('The '))}", "ORG"))
    for rx in (_HOUSES, _CLUB_FIRST):
        for m in rx.finditer(text, s0, e0):
            s, e = m.span(1)
            if _glued(text, s) or not _inside_sentence(text, s0, s):
                continue
            before = text[text.rfind(" ", s0, s - 1) + 1 : s - 1]
            if rx is _CLUB_FIRST and text[s:e].split()[-1] in _NOT_CLUB_LAST:
                continue  # "Lokomotiv Stadium", "Real Estate"
            if rx is _HOUSES and (before[:1].isupper() or before.endswith(("'s", "’s")) or before in ("&", "of")):
                continue  # "European Parliament", "the US Congress", "Scotland's Parliament", "House of Commons": read whole elsewhere
            out.append(GazMatch(s, e, f"org:{slug(text[s:e])}", "ORG"))
    return out


# A name with a possessive and a word only a company has is a company: "Lazard's board", "Next's shares", "BT's chief
# executive", "United's chief executive" (not a person's spokesman or stake: people have those too; not a place's or a
# person's name, not a sentence's first common word).  Read last: a name the model or a rule read otherwise stays so.
_FIRM_OWNS = re.compile(
    r"((?:[A-Z][\w&.-]*\w )?[A-Z][\w&.-]*\w)['’]s (?:board|shares|shareholders|share price|chief executive|chief financial officer|"
    r"directors|subsidiary|pre-tax profits?|annual profits?|profits?|quarterly|market value|takeover)\b"
)
_FIRM_HINT = re.compile(r"['’]s (?:board|shares|shareholders|share price|chief|directors|subsidiary|pre-tax|annual|profit|quarterly|market value|takeover)")


def possessive_firms(text: str, s0: int, e0: int, common: frozenset[str]) -> list[GazMatch]:
    """Companies named before a possessive and a word only a company has (see _FIRM_OWNS)."""
    if _FIRM_HINT.search(text, s0, e0) is None:
        return []
    out = []
    for m in _FIRM_OWNS.finditer(text, s0, e0):
        s, e = m.span(1)
        words = text[s:e].split()
        if _glued(text, s) or words[0] in _NOT_HEADED_FIRST or words[0] in _CALENDAR:
            s, words = (s + len(words[0]) + 1, words[1:]) if len(words) > 1 else (s, [])
        if not words or words[0] in given_names() or text[s:e] in place_names() or words[0] in _NATIONALS or words[-1] in _ROLE_CAPS:
            continue  # "John Smith's board", "Britain's shares", "Chairman's"
        if words[0].lower() in common and not _inside_sentence(text, s0, s):
            continue  # "Its board", "Last year's profits"
        out.append(GazMatch(s, e, f"org:{slug(text[s:e])}", "ORG"))
    return out


# British broadcasters' channels and stations by their number, written in figures or in words: "BBC Radio 4", "BBC
# Radio Five Live", "BBC News 24", "BBC One", "BBC1", "ITV1", "Channel Five", "Channel 4 News", "Radio 4", "Sky Sports 2"
# (the model and the gazetteer stop at "BBC Radio" or read "BBC1" as a person).
_NUM = r"(?:[1-5]|One|Two|Three|Four|Five)"
_CHANNEL = re.compile(
    r"(?<![\w'’.&-])((?:BBC ?(?:Radio (?:" + _NUM + r"(?: Live)?|Scotland|Wales|Ulster)|News ?24|World Service|" + _NUM + r")|BBC[1-4]|ITV[1-4]|"
    r"Channel (?:4|5|Four|Five)(?: News)?|Radio " + _NUM + r"(?: Live)?|Five Live|Sky (?:News|One|Sports(?: [1-3])?))"
    r")(?![\w&-]|['’](?!s\b)|[.,:]\d| [A-Z][a-z])"
)
_CHANNEL_HINT = ("BBC", "ITV", "Channel ", "Radio ", "Five Live", "Sky ")


def channels(text: str, s0: int, e0: int) -> list[GazMatch]:
    """Broadcasters' channels and stations named by their number (see _CHANNEL)."""
    if not any(text.find(h, s0, e0) >= 0 for h in _CHANNEL_HINT):
        return []
    out = []
    for m in _CHANNEL.finditer(text, s0, e0):
        s, e = m.span(1)
        out.append(GazMatch(s, e, f"org:{slug(text[s:e])}", "ORG"))
    return out


# A capitalised name right before a sports role and a person's name is the person's team: "Wasps flanker
# Johnny O'Connor", "Ulster wing Tommy Bowe", "Leicester tight-head Julian White" (team_by_role retypes a team
# the model found; this finds one it left out).
_TEAM_BEFORE_ROLE = re.compile(
    r"(?<![\w'’.&-])((?:Mc|Mac|O['’])?[A-Z][a-z][\w'’-]*\w(?: [A-Z][a-z][\w'’-]*\w)?)"
    r"(?=" + _TEAM_ROLE.pattern.removesuffix(r")\b") + r"|wing|centre|center|tight-head|loose-head|number eight|scrum half|fly half)"
    r" (?:Mc|Mac|O['’])?[A-Z][a-z])"
)


_TEAM_ROLE_HINT = re.compile(_TEAM_ROLE.pattern.removesuffix(r")\b") + r"|wing|centre|center|tight-head|loose-head|number eight|scrum half|fly half) [A-Z]")
# words that make a kind of role, not a team, of the role word after them ("New coach", "Fund manager")
_ROLE_PREFIXES = frozenset("New Assistant Fund Former Interim Caretaker Acting Deputy Head Team Club General Chief Senior Junior "
                           "Youth Reserve Hedge Portfolio Campaign Project Sales Marketing Branch Store Office Stage Floor Property "
                           "Investment Money Tour Programme Program Brand Product Media Account Road Goalkeeping Defensive "
                           "Offensive Specialist Star Veteran Rookie Reserve".split())


def teams_before_roles(text: str, s0: int, e0: int, common: frozenset[str]) -> list[GazMatch]:
    """Teams named right before a sports role and a person (see _TEAM_BEFORE_ROLE): organisations.  Not a
    nationality ("English striker Wayne Rooney"), a calendar word or a word English writes in lower case."""
    if _TEAM_ROLE_HINT.search(text, s0, e0) is None:
        return []
    out = []
    for m in _TEAM_BEFORE_ROLE.finditer(text, s0, e0):
        words = m.group(1).split()
        if any(w in _NATIONALS or w.endswith(("ese", "ian", "ish")) or w in _CALENDAR or w.lower() in common or w in _ROLE_PREFIXES
               for w in words):
            continue
        out.append(GazMatch(m.start(1), m.end(1), f"org:{slug(m.group(1))}", "ORG"))
    return out


# An award named by its statuette before the words news writes of awards ("three Oscar nominations", "the
# Oscar-winning actor", "a Bafta nod", "Golden Globe success") is the award ceremony, an event, not a person
# ("Oscar" is a given name too: alone it is left to the model).
_AWARD_WORD = re.compile(
    r"(?<![\w'’-])(Oscar|Bafta|BAFTA|Grammy|Emmy|Golden Globe|Tony|Olivier|Brit)(?=[ -](?:nominations?|nominee|nominated|nods?|"
    r"winners?|winning|wins?|glory|success|hopes|race|ceremony|contender|favourite|favorite|statuette|trophy)\b)"
)


_AWARD_HINT = ("Oscar", "Bafta", "BAFTA", "Grammy", "Emmy", "Golden Globe", "Tony", "Olivier", "Brit")


def award_mentions(text: str, s0: int, e0: int) -> list[GazMatch]:
    """Awards written as their statuette before an award word (see _AWARD_WORD): events."""
    if not any(text.find(w, s0, e0) >= 0 for w in _AWARD_HINT):
        return []
    out = []
    for m in _AWARD_WORD.finditer(text, s0, e0):
        out.append(GazMatch(m.start(1), m.end(1), f"event:{slug(m.group(1))}", "EVENT"))
    return out


# A product named by its maker or its line and a model designation after it: "Boeing 787", "Airbus A380",
# "Nokia N95", "Intel Core i7", "BlackBerry Curve 8900", "GeForce GT 650M", "Linux Desktop 9", "Apple
# PowerBook", "Xbox 2" (a listed product's number).  The designation is a token with a digit that is no year
# and no count -- letters and digits mixed ("A380", "i7", "650M", "S3"), or a number of three or four digits
# that a product noun, another capitalised word or a plural "s" follows ("Boeing 787 Dreamliner", "Nokia
# 3220 handset", "Boeing 777s", "Boeing 737-800 planes") -- or one written in camel case ("PowerBook",
# "GameBoy"); up to two capitalised words or short capitals may stand between ("Core", "Curve", "GT").
# Not a broadcaster's channel ("BBC Radio 4"), not a team's score ("Trail Blazers 112-88"), not "F1".
_MODEL_TOKEN = (r"(?:[A-Za-z]{1,3}-?\d{1,5}[A-Za-z]{0,3}|\d{3,4}(?:-\d{3}[A-Z]{0,2})?s?|\d{1,2}"
                r"|(?:[A-Z][a-z]+[A-Z]|[a-z]{1,2}[A-Z][a-z])[A-Za-z]*)")
_MODEL_AFTER = re.compile(rf" ((?:(?:[A-Z][a-z]+|[A-Z]{{2,3}}) ){{0,2}}{_MODEL_TOKEN})(?![\w%/'’+-]|[.,:]\d)")
_PRODUCT_NOUNS = re.compile(
    r" (?:jets?|jetliners?|planes?|aircraft|airliners?|handsets?|phones?|smartphones?|models?|series|processors?|chips?|"
    r"consoles?|cameras?|laptops?|notebooks?|tablets?|engines?|rifles?|helicopters?|fighters?|bombers?|"
    r"tanks?|missiles?|devices?|PDAs?|PCs?|computers?|servers?|version|edition|[A-Z][a-z]+(?! \d))\b"
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_NOT_MODEL_WORDS = frozenset("Radio News Channel TV One Two Three Four Five Sport Sports World Live Online Records Music Group "
                             "Chairman President Director Chief Executive Manager Report Index The A An In On At By For And".split())
_NOT_MODELS = frozenset({"F1", "F2", "F3", "G7", "G8", "G20", "A1", "M1", "M4", "M25", "3G", "4G", "5G", "MP3", "MP4"})


def maker_models(text: str, e0: int, known: list[GazMatch]) -> list[GazMatch]:
    """Products named by a listed organisation or product and a model designation (see _MODEL_AFTER)."""
    out = []
    starts = {g.start for g in known}
    for g in known:
        if g.label not in ("ORG", "PRODUCT") or text[g.end : g.end + 1] != " ":
            continue
        m = _MODEL_AFTER.match(text, g.end, e0)
        if m is None or m.start(1) in starts:
            continue  # "Apple iPod": a maker and a listed product stay two names
        words = m.group(1).split()
        model = words[-1]
        if model in _NOT_MODELS or any(w in _NOT_MODEL_WORDS for w in words[:-1]):
            continue  # "Renault F1", "BBC Radio 4"
        number = model.rstrip("s").split("-")[0]
        if number.isdigit():
            if _NOT_COUNTED.match(text, m.end()) or _YEAR.fullmatch(number):
                continue  # "Xbox 2 million", "Sony 2005"
            if len(words) > 2 or len(words) == 2 and (words[0] in _CALENDAR or words[0] in _MONTH_ABBR):
                continue  # "Morgan Stanley Profit Falls 34" (a headline), "Reuters Athens Aug 23" (a dateline)
            if len(number) <= 2:
                if g.label != "PRODUCT":
                    continue  # a listed product's own number ("Xbox 2", "Pentium 4") or a line's ("Linux Desktop 9")
            elif len(words) == 1 and not (model[-1] == "s" or "-" in model or _PRODUCT_NOUNS.match(text, m.end())):
                continue  # "Toyota 300 cars" is left alone: a number right after a maker is a count unless a product word follows
        elif not any(c.isdigit() for c in model) and len(words) > 1:
            continue  # a camel-case word right after the maker only ("Apple PowerBook"), not "Sony Pictures ExxonMobil"
        surface = text[g.start : m.end()]
        out.append(GazMatch(g.start, m.end(), f"product:{slug(surface)}", "PRODUCT"))
    return out


_MONTH_ABBR = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
_NOT_COUNTED = re.compile(r" ?(?:%|percent|per cent|million|billion|bn|m\b|years?\b|months?\b|days?\b|weeks?\b|hours?\b|times\b|points?\b|"
                          r"games?\b|goals?\b|people\b|units\b|shares\b)")
