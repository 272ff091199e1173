"""Sentence-level finders for the incidents stage: names, victims, attackers, claims, techniques.

Every finder works on ``text[start:end]`` of the *document* text and returns :class:`Hit`s whose
``start``/``end`` are document offsets, so each field of an incident points back at its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .tables import CyberTables, alias_key

_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    text: str
    value: str = ""  # canonical id, type, technique id ...
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    background: bool = False
    trigger: bool = False
    follows: bool = False  # carries on the incident of the sentence before ("It then ...", "The worm ...")
    malware: list[Hit] = field(default_factory=list)
    groups: list[Hit] = field(default_factory=list)
    claimants: list[Hit] = field(default_factory=list)
    attackers: list[Hit] = field(default_factory=list)
    victims: list[Hit] = field(default_factory=list)
    techniques: list[Hit] = field(default_factory=list)
    types: list[Hit] = field(default_factory=list)
    vulns: list[Hit] = field(default_factory=list)

    @property
    def relevant(self) -> bool:
        """The sentence speaks of an incident: a trigger word, a named malware or group, or a continuation."""
        return self.trigger or self.follows or bool(self.malware or self.groups)

    @property
    def anchored(self) -> bool:
        return bool(self.malware or self.groups or self.victims or (self.attackers and self.trigger) or self.vulns)


_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“(]?[A-Z0-9])|(?<=[。！？；])|\n+|(?<=\w):\s+(?=[A-Z])")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Inc|Corp|Co|Ltd|U\.S|U\.K|No|vs|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Gov|Sen|Rep|Gen|Mt)\.|\b[A-Z]\.)$")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (document offsets), headline colons and line breaks included."""
    out, s = [], start
    for m in _SENT_END.finditer(text, start, end):
        if _ABBREV.search(text, max(start, m.start() - 6), m.start()):
            continue
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if s < end:
        out.append((s, end))
    return [(a, b) for a, b in ((_lstrip(text, a, b), _rstrip(text, a, b)) for a, b in out) if b - a > 1]


def _lstrip(text, a, b):
    while a < b and text[a] in " \t•-–*":
        a += 1
    return a


def _rstrip(text, a, b):
    while b > a and text[b - 1].isspace():
        b -= 1
    return b


def _hits(rx, text, s, e, value="") -> list[Hit]:
    return [Hit(m.start(), m.end(), m.group(), value) for m in rx.finditer(text, s, e) if m.end() > m.start()]


# -- names --------------------------------------------------------------------------------------

_VARIANT = re.compile(r"(?:[.-][A-Z]{1,2}\b|[.-][a-z]\b|-\d\b)")
_MALWARE_WORDS = r"(?:worm|virus|trojan(?:\s+horse)?|botnet|bot\s?net|ransomware|backdoor|back\s+door|spyware|malware|keylogger|rootkit|RAT)"
_NAMED_BEFORE = re.compile(rf"\b(?:[Tt]he\s+|[Aa]\s+|[Aa]n\s+)?([A-Z][\w]+(?:[.-][A-Za-z0-9]{{1,3}})?(?:\s+[A-Z][\w]+)?)\s+(?:mobile\s+phone\s+|mass[\s-]mailing\s+|e-?mail\s+|Windows\s+|Android\s+|Mirai[\s-]variant\s+)?{_MALWARE_WORDS}s?\b")
_NAMED_AFTER = re.compile(r"\b(?:dubbed|called|named|known\s+as|detected\s+as)\s+[\"“']?([A-Z][\w/]+(?:[.-][A-Za-z0-9]{1,3})?)")
_ZH_NAMED = re.compile(r"[“\"「]([\u3400-\u9fffA-Za-z0-9.]{2,10})[”\"」](?:病毒|木马|蠕虫|勒索软件|僵尸网络)|([A-Za-z][\w.]{2,15})(?:病毒|木马|蠕虫)")
_NOT_NAMES = {"the", "a", "an", "this", "that", "new", "windows", "computer", "e-mail", "email", "mobile", "android", "internet", "web", "first",
              "latest", "malicious", "some", "many", "these", "those", "joke", "its", "his", "their", "our", "one", "two", "another", "microsoft",
              "symbian", "nokia", "mass", "bot", "mac", "linux", "pc", "phone", "anti", "net", "it", "they", "variant", "such", "any", "same"}


def _medical(sentence: str, t: CyberTables, lang: str) -> bool:
    """The sentence speaks of disease and of nothing on a computer ('the flu virus hit hospitals')."""
    disease, computer, _bio = t.disease[lang]
    return bool(disease.search(sentence)) and not computer.search(sentence)


def find_malware(text: str, s: int, e: int, t: CyberTables, zh: bool, medical: bool = False) -> list[Hit]:
    """Named malware/botnets: table names (common-word names only beside a malware word) and names
    the sentence gives by pattern ("the Cellery worm", "dubbed Daxin", "Bagle.AT", "熊猫烧香病毒");
    no names by pattern in a ``medical`` sentence ("the Zika virus")."""
    out: list[Hit] = []
    sent = text[s:e]
    for a, b in CyberTables.scan(t.malware_scan, text, s, e):
        b = _variant_end(text, b, e)
        name = text[a:b]
        m = t.malware_of(name) or t.malware_of(re.split(r"[.-](?=[A-Za-z0-9]{1,2}$)", name)[0])
        if m is None:
            continue
        if alias_key(text[a:b].split(".")[0].split("-")[0]) in t.ambiguous and not t.ambiguous_cue.search(text, max(s, a - 40), min(e, b + 40)):
            continue
        out.append(Hit(a, b, name, m.id, {"kind": m.kind, "family": m.name}))
    rxs = [] if medical else [_ZH_NAMED] if zh else [_NAMED_BEFORE, _NAMED_AFTER]
    for rx in rxs:
        for mm in rx.finditer(text, s, e):
            g = next(i for i in range(1, (mm.lastindex or 1) + 1) if mm.group(i))
            a, b = mm.start(g), mm.end(g)
            name = text[a:b]
            first = name.split()[0].lower()
            if first in _NOT_NAMES or name.lower() in _NOT_NAMES or (t.group_of(name) is not None) or name.isupper() and len(name) <= 3:
                continue
            if any(h.start <= a < h.end or a <= h.start < b for h in out):
                continue
            kind = _kind_near(sent[mm.start() - s : mm.end() - s])
            known = t.malware_of(name)
            out.append(Hit(a, b, name, known.id if known else "malware:" + alias_key(name), {"kind": known.kind if known else kind, "family": known.name if known else name}))
    return sorted(out, key=lambda h: h.start)


def _variant_end(text: str, b: int, e: int) -> int:
    m = _VARIANT.match(text, b, e)
    return m.end() if m and not text[m.end():m.end() + 1].isalpha() else b


def _kind_near(s: str) -> str:
    low = s.lower()
    for k, words in (("ransomware", ("ransomware", "勒索")), ("botnet", ("botnet", "bot net", "僵尸网络")), ("worm", ("worm", "蠕虫")),
                     ("trojan", ("trojan", "木马")), ("backdoor", ("backdoor", "back door")), ("spyware", ("spyware",)),
                     ("keylogger", ("keylogger",)), ("virus", ("virus", "病毒"))):
        if any(w in low for w in words):
            return k
    return "other"


def find_groups(text: str, s: int, e: int, t: CyberTables) -> list[Hit]:
    out = []
    for a, b in CyberTables.scan(t.group_scan, text, s, e):
        g = t.group_of(text[a:b])
        if g is None:
            continue
        if alias_key(text[a:b]) in t.ambiguous and not t.ambiguous_cue.search(text, max(s, a - 30), min(e, b + 40)):
            continue
        out.append(Hit(a, b, text[a:b], g.id, {"country": g.country, "name": g.name}))
    return out


_GENERIC_CLAIMANT = re.compile(
    r"\b(?:(?:[Cc]yber)?[Ss]ecurity\s+(?:experts?|researchers?|firms?|companies)|[Aa]nti-virus\s+firms?|[Rr]esearchers|[Ee]xperts|"
    r"(?:[Pp]ublic\s+security\s+|[Ll]ocal\s+)?[Aa]uthorities|[Pp]olice|[Pp]rosecutors|[Ii]nvestigators|[Oo]fficials|"
    r"(?:[A-Z]\w+\s+)?(?:[Ff]oreign\s+)?(?:[Mm]inistry|[Gg]overnment|[Ee]mbassy)|[Ss]pokes(?:man|woman|person))\b|警方|公安机关|专家")
_ORG_CLAIM = re.compile(r"\b(?:[A-Z][\w'’&.-]*\s+){1,8}(?:Bureau|Branch|Ministry|Department|Agency|Police|Office|Command|Center|Centre|Council)(?:\s+of(?:\s+[A-Z][\w'’.-]*)+)?")


def find_claimants(text: str, s: int, e: int, t: CyberTables, story_attrs) -> list[Hit]:
    """Who speaks in the sentence: table names, the extract stage's attributions, agencies, experts."""
    out: list[Hit] = []
    for a, b in CyberTables.scan(t.claimant_scan, text, s, e):
        c = t.claimant_of(text[a:b])
        if c is not None:
            out.append(Hit(a, b, text[a:b], c.id, {"type": c.type, "country": c.country, "name": c.name}))
    for m in _ORG_CLAIM.finditer(text, s, e):
        if not _overlaps(out, m.start(), m.end()):
            out.append(Hit(m.start(), m.end(), m.group().strip(), "", {"type": "government"}))
    for at in story_attrs:
        if s <= at.start and at.end <= e and not _overlaps(out, at.start, at.end):
            out.append(Hit(at.start, at.end, at.text, "", {"type": "media" if at.outlet_id else claimant_type(at.text), "source": at.source}))
    for m in _GENERIC_CLAIMANT.finditer(text, s, e):
        if not _overlaps(out, m.start(), m.end()):
            out.append(Hit(m.start(), m.end(), m.group(), "", {"type": claimant_type(m.group())}))
    return sorted(out, key=lambda h: h.start)


def claimant_type(name: str) -> str:
    low = name.lower()
    if re.search(r"police|bureau|ministry|department|agency|authorit|government|officials|prosecutor|court|command|警方|公安|部|局|政府", low):
        return "government"
    if re.search(r"security\s+(?:firm|compan)|anti-virus|antivirus", low):
        return "security_firm"
    if re.search(r"expert|analyst|专家", low):
        return "expert"
    if re.search(r"researcher", low):
        return "researcher"
    return "other"


def _overlaps(hits: list[Hit], a: int, b: int) -> bool:
    return any(h.start < b and a < h.end for h in hits)


def find_attackers(text: str, s: int, e: int, t: CyberTables, zh: bool) -> list[Hit]:
    out = []
    for m in t.attacker_rx["zh" if zh else "en"].finditer(text, s, e):
        a, b = m.start(), m.end()
        phrase = m.group()
        out.append(Hit(a, b, phrase, "", {"country": country_of(phrase, t)}))
    return out


def country_of(phrase: str, t: CyberTables) -> str | None:
    if re.search(r"overseas|foreign|境外|海外|国外", phrase, re.I):
        return None
    for cc, rx in t.countries.items():
        if rx.search(phrase):
            return cc
    return None


# -- victims ------------------------------------------------------------------------------------

_ATTACK_N = r"(?:(?:cyber[\s-]?)?attacks?|assaults?|DDoS(?:\s+attacks?)?|campaigns?|intrusions?|hacks?|breach(?:es)?|operations)"
_V_AFTER = re.compile(
    rf"\b(?:{_ATTACK_N}\s+(?:\w+\s+){{0,5}}?(?:on|against|targeting|aimed\s+at)|(?:hack(?:ed|ing|s)?|broke|break(?:s|ing)?)\s+into|hacking\s+of|"
    r"(?:[Hh]ackers?|[Aa]ttackers|worms?|virus|botnets?|spies|[Tt]hey)\s+(?:\w+\s+)?(?:hit|hits|targeted|targets?|attacked|attack|breached|infiltrated|"
    r"took\s+over|take\s+over|knocked\s+out|disrupted|hijacked|defaced|struck|compromised|crippled)|"
    r"(?:knocked\s+out|put\s+out\s+of\s+action|took\s+down|crippled|defaced)|(?:targeting|targeted|under\s+attack\s+from))\s+")
_V_BEFORE = re.compile(
    r"\s+(?:has|have|had)?\s*(?:been|was|were|is|are)\s+(?:\w+\s+)?(?:hacked|attacked|targeted|hit|breached|compromised|infected|defaced|struck|"
    r"knocked\s+(?:out|offline)|disrupted|subjected\s+to\s+(?:a\s+)?(?:cyber)?attacks?|facing\s+(?:\w+\s+){0,2}(?:cyber[\s-]?)?attacks|under\s+(?:cyber[\s-]?)?attack)\b"
    r"|\s+(?:is|was)\s+under\s+(?:cyber[\s-]?)?attack\b|\s+(?:struck|hit)\s+by\s+(?:an?\s+)?(?:online\s+|cyber[\s-]?)?attack")
_NP_STOP = {"is", "are", "was", "were", "has", "have", "had", "be", "been", "by", "with", "since", "after", "before", "that", "which", "who", "when",
            "while", "because", "to", "for", "from", "as", "increased", "rose", "grew", "and", "but", "said", "says", "in", "at", "through", "via",
            "using", "during", "this", "over", "into", "it", "they", "its", "their", "if", "so", "than", "up", "out", "not", "will", "could", "would",
            "can", "may", "might", "of", "the", "a", "an", "on", "about", "stating", "showing", "saying"}
_NP_KEEP = {"of", "the", "a", "an", "in", "and", "or", "outside", "on"}
_ASSET = re.compile(r"^(?:(?:the\s+)?(?:[\d,]+\s+)?(?:\w+\s+){0,2}(?:accounts?|websites?|network|systems?|servers?|blog|database|computers?|machines|PCs|sites)\s+(?:of|at|belonging\s+to)\s+(?:the\s+)?)", re.I)
_WORD = re.compile(r"\d+(?:,\d{3})+|[\w'’.&+-]+|[^\w\s]")
_GENERIC = re.compile(r"^(?:(?:the|these|those|this|that|more|some|many|its|their|new|other|such)\s+)*(?:site|sites|websites?|attacks?|victims?|targets?|users?|"
                      r"computers?|machines|PCs|people|systems?|networks?|companies|company|firms?|organi[sz]ations?|them|it|us|ones?)$|^\d[\d,.]*$|^(?:previously|specifically|attacks\b.*|the\s+attack\b.*|zero)$|\bzero$", re.I)
_ZH_V_BEFORE = re.compile(r"(?:遭受?到?|被)(?:了)?(?:[\u3400-\u9fff]{0,4}?)(?:黑客|网络)?(?:攻击|入侵|攻陷|黑|盗|篡改|窃)")
_ZH_V_AFTER = re.compile(r"(?:攻击|入侵|攻陷|篡改)(?:了)?")
_ZH_HEAD = re.compile(r"[A-Za-z][A-Za-z0-9.]+|[\u3400-\u9fffA-Za-z0-9]{0,8}(?:网站|系统|网络|公司|机构|银行|部门|服务器|数据库|平台|企业|网|大学|中心|政府)")
_ZH_CUT = re.compile(r".*(?:称|说|^传|据悉|据称|确认|报道|核实|：|:|，|,|\s|、|“|”|。)")
_ZH_TRIM = re.compile(r"(?:一周内|近日|日前|昨日|今日|昨天|今天|再次|曾|已|又|也|均|都)+$")
_ZH_ATTRIB = re.compile(r"被盗(?:的)?([A-Za-z0-9\u3400-\u9fff]{1,10}?(?:账号|帐号|数据|信息|资料))")


def find_victims(text: str, s: int, e: int, zh: bool, entities) -> list[Hit]:
    return _zh_victims(text, s, e, entities) if zh else _en_victims(text, s, e)


def _en_victims(text: str, s: int, e: int) -> list[Hit]:
    out: list[Hit] = []
    for m in _V_AFTER.finditer(text, s, e):
        np = _np_after(text, m.end(), e)
        if np:
            out.append(np)
    for m in _V_BEFORE.finditer(text, s, e):
        np = _np_before(text, s, m.start())
        if np:
            out.append(np)
    return _dedupe(out)


def _np_after(text: str, a: int, e: int) -> Hit | None:
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, a, min(e, a + 160))]
    keep: list[tuple[int, int, str]] = []
    for i, (ts, te, w) in enumerate(toks):
        low = w.lower()
        if not re.match(r"[\w'’]", w) and w not in ("&",):
            if w in "“”\"" and keep:
                continue
            break
        if low in _NP_STOP and not (low in _NP_KEEP and (keep or low in ("the", "a", "an"))):
            break
        if keep and w[0].islower() and low.endswith("ed") and low not in ("un-named", "unnamed", "deemed"):
            break
        if low in ("in", "outside", "on") and keep and keep[-1][2][:1].isupper():
            break  # "Northwestern Polytechnical University in ...": the name ends here
        if low in ("and", "or") and not (i + 1 < len(toks) and (toks[i + 1][2][:1].isupper() or toks[i + 1][2].lower() in ("the", "a", "an", "military", "government"))):
            break
        keep.append((ts, te, w))
        if len(keep) >= 9:
            break
    while keep and keep[-1][2].lower() in _NP_KEEP | {"deemed"}:
        keep.pop()
    if not keep or all(k[2].lower() in _NP_KEEP for k in keep):
        return None
    return _np_hit(text, keep[0][0], keep[-1][1])


def _np_before(text: str, s: int, b: int) -> Hit | None:
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, s, b)]
    keep: list[tuple[int, int, str]] = []
    i = len(toks) - 1
    if i >= 0 and toks[i][2] == ",":  # an appositive: "a tech company in Guangzhou, South China's ..., was targeted"
        j = i - 1
        while j >= 0 and toks[j][2] != ",":
            j -= 1
        i = j - 1 if j >= 0 else i
    while i >= 0:
        ts, te, w = toks[i]
        low = w.lower()
        if not re.match(r"[\w'’]", w) or (low in _NP_STOP and low not in _NP_KEEP):
            break
        if low in ("the", "a", "an"):
            keep.insert(0, toks[i])
            break
        keep.insert(0, toks[i])
        if len(keep) >= 8:
            break
        i -= 1
    while keep and keep[0][2].lower() in ("of", "in", "and", "or", "on"):
        keep.pop(0)
    # "Chinese AI start-up DeepSeek": a name after descriptive words is the victim's name
    caps = 0
    while caps < len(keep) and keep[len(keep) - 1 - caps][2][:1].isupper():
        caps += 1
    if 0 < caps < len(keep) and keep[len(keep) - 1 - caps][2].lower() not in _NP_KEEP and keep[len(keep) - 1 - caps][2][:1].islower():
        keep = keep[len(keep) - caps:]
    if not keep or all(k[2].lower() in _NP_KEEP for k in keep):
        return None
    return _np_hit(text, keep[0][0], keep[-1][1])


def _np_hit(text: str, a: int, b: int) -> Hit | None:
    phrase = text[a:b]
    m = _ASSET.match(phrase)
    if m:
        a += m.end()
    poss = re.search(r"['’]s\s+(?:\w+\s+){0,1}(?:blog|website|network|servers?|systems?|accounts?|database|computers?|site)$", text[a:b])
    if poss:
        b = a + poss.start()
    phrase = text[a:b].strip()
    if phrase.endswith(".") and not re.search(r"\b(?:Inc|Corp|Co|Ltd|[A-Z])\.$", phrase):
        phrase = phrase[:-1]
    if len(phrase) < 2 or _GENERIC.search(phrase) or re.match(r"\w+ly\b", phrase):
        return None
    return Hit(a, a + len(phrase), phrase)


def _zh_victims(text: str, s: int, e: int, entities) -> list[Hit]:
    out: list[Hit] = []
    ents = [x for x in entities if s <= x.start and x.end <= e and x.label in ("ORG", "GPE", "PRODUCT")]
    for m in _ZH_V_BEFORE.finditer(text, s, e):
        lo = max(s, m.start() - 14)
        near = [x for x in ents if lo <= x.start and x.end <= m.start() and m.start() - x.end <= 3]
        if near:
            x = near[-1]
            out.append(Hit(x.start, x.end if m.start() - x.end > 1 else m.start(), text[x.start:x.end if m.start() - x.end > 1 else m.start()]))
            continue
        if m.group().endswith("盗") and _ZH_ATTRIB.match(text, m.start() + m.group().index("被")):
            continue  # "被盗iTunes账号": the stolen thing follows (below)
        window = text[lo:m.start()]
        cut = _ZH_CUT.match(window)
        a = lo + (cut.end() if cut else 0)
        b = lo + len(window) - (len(_ZH_TRIM.search(window).group()) if _ZH_TRIM.search(window) else 0)
        if b - a >= 2:
            out.append(Hit(a, b, text[a:b]))
    for m in _ZH_ATTRIB.finditer(text, s, e):
        out.append(Hit(m.start(1), m.end(1), m.group(1)))
    for m in _ZH_V_AFTER.finditer(text, s, e):
        h = _ZH_HEAD.match(text, m.end(), min(e, m.end() + 14))
        if h and h.end() - h.start() >= 2:
            out.append(Hit(h.start(), h.end(), h.group()))
    return _dedupe(out)


def _dedupe(hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if not any(o.start <= h.start and h.end <= o.end for o in out):
            out.append(h)
    return out


def sector_of(phrase: str, t: CyberTables) -> str | None:
    for name, rx in t.sectors:
        if rx.search(phrase):
            return name
    return None


# -- techniques, types, stance ------------------------------------------------------------------

def find_techniques(text: str, s: int, e: int, t: CyberTables, zh: bool) -> list[Hit]:
    out = []
    lang = "zh" if zh else "en"
    sent = None
    for tech in t.techniques:
        if tech.lang != lang:
            continue
        for m in tech.pattern.finditer(text, s, e):
            if tech.require or tech.exclude is not None:
                sent = text[s:e] if sent is None else sent
                if not all(rx.search(sent) for rx in tech.require) or (tech.exclude is not None and tech.exclude.search(sent)):
                    continue
            out.append(Hit(m.start(), m.end(), m.group(), tech.id, {"name": tech.name, "tactic": tech.tactic, "basis": tech.basis}))
            break
    return out


def find_types(text: str, s: int, e: int, t: CyberTables, zh: bool) -> list[Hit]:
    lang = "zh" if zh else "en"
    out = []
    for typ, by_lang in t.types.items():
        rx = by_lang.get(lang)
        m = rx.search(text, s, e) if rx else None
        if m:
            out.append(Hit(m.start(), m.end(), m.group(), typ))
    return out


def stance_of(sentence: str, t: CyberTables) -> str:
    if t.stance["denies"].search(sentence):
        return "denies"
    if t.stance["hedges"].search(sentence):
        return "hedges"
    return "asserts"


_CVE = re.compile(r"\bCVE\s*-\s*\d{4}\s*-\s*\d{4,}\b")
_ZERO_DAY = re.compile(r"\bzero\s*-\s*day\b|零日", re.I)
_VULN = re.compile(r"\b(?:vulnerabilit(?:y|ies)|security\s+(?:holes?|flaws?|bugs?)|(?:critical|serious|unpatched)\s+(?:\w+\s+)?(?:flaws?|holes?|bugs?)|flaw|exploit)\b|漏洞", re.I)


def find_vulns(text: str, s: int, e: int) -> list[Hit]:
    out = []
    for m in _CVE.finditer(text, s, e):
        out.append(Hit(m.start(), m.end(), m.group(), re.sub(r"\s+", "", m.group()).upper(), {"zero_day": False}))
    if not out:
        m = _VULN.search(text, s, e)
        if m:
            out.append(Hit(m.start(), m.end(), m.group(), "", {"zero_day": bool(_ZERO_DAY.search(text, s, e))}))
    elif _ZERO_DAY.search(text, s, e):
        out = [Hit(h.start, h.end, h.text, h.value, {"zero_day": True}) for h in out]
    return out


def read_sentence(text: str, a: int, b: int, t: CyberTables, zh: bool, story, after_incident: bool = False) -> Sentence:
    """Every finder over one sentence; ``after_incident``: the sentence before spoke of an incident,
    so a sentence that refers back to it ("It then ...", "The worm ...") is read in full too."""
    lang = "zh" if zh else "en"
    s = Sentence(a, b, text[a:b])
    medical = _medical(s.text, t, lang)
    s.trigger = any(not (medical and t.disease[lang][2].match(m.group())) for m in t.trigger[lang].finditer(text, a, b))
    s.background = bool(t.background[lang].search(s.text))
    s.follows = after_incident and not s.trigger and bool(t.follows[lang].match(s.text))
    s.malware = find_malware(text, a, b, t, zh, medical)
    s.groups = find_groups(text, a, b, t)
    if not s.relevant:
        return s
    s.claimants = find_claimants(text, a, b, t, story.attributions)
    s.attackers = [h for h in find_attackers(text, a, b, t, zh) if not _overlaps(s.groups, h.start, h.end)]
    s.victims = [v for v in find_victims(text, a, b, zh, story.entities)
                 if not _overlaps(s.attackers + s.malware + s.groups, v.start, v.end) and not _CLAIMANT_LIKE.search(v.text)]
    s.techniques = find_techniques(text, a, b, t, zh)
    s.types = find_types(text, a, b, t, zh)
    s.vulns = find_vulns(text, a, b) if any(h.value == "vulnerability" for h in s.types) else []
    return s


_CLAIMANT_LIKE = re.compile(r"^(?:hackers?|attackers|researchers|experts|police|authorities)$", re.I)
