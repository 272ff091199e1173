"""Sentence-level finders for the incidents stage: names, attackers, claims, techniques, types, and
:func:`read_sentence`, which runs every finder (victims: :mod:`.victims`) over one sentence.

Every finder works on ``text[start:end]`` of the *document* text and returns :class:`Hit`s whose
``start``/``end`` are document offsets, so each field of an incident points back at its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import a_class, bare, find_accused, find_attackers, find_claimants, claim_actors
from .spans import Hit, dedupe, overlaps, sentences
from .tables import CyberTables, alias_key
from .victims import find_victims

__all__ = ["Hit", "Sentence", "dedupe", "find_victims", "read_sentence", "sector_of", "sentences"]

_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    background: bool = False
    trigger: bool = False
    follows: bool = False  # carries on the incident of the sentence before ("It then ...", "The worm ...")
    threat: bool = False  # an unnamed piece of malware does something ("a new worm poses as a game")
    malware: list[Hit] = field(default_factory=list)
    groups: list[Hit] = field(default_factory=list)
    claimants: list[Hit] = field(default_factory=list)
    attackers: list[Hit] = field(default_factory=list)
    accused: list[Hit] = field(default_factory=list)  # named as doers by a claim ("blamed Russia")
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
        return bool(self.malware or self.groups or self.victims or ((self.attackers or self.accused) and self.trigger) or self.vulns or self.threat)


def _hits(rx, text, s, e, value="") -> list[Hit]:
    return [Hit(m.start(), m.end(), m.group(), value) for m in rx.finditer(text, s, e) if m.end() > m.start()]


# -- names --------------------------------------------------------------------------------------

_VARIANT = re.compile(r"(?:[.-][A-Z]{1,2}\b|[.-][a-z]\b|-\d\b)")
_MALWARE_WORDS = r"(?:worm|virus|trojan(?:\s+horse)?|botnet|bot\s?net|ransomware|backdoor|back\s+door|spyware|malware|keylogger|rootkit|RAT)"
_NAMED_BEFORE = re.compile(rf"\b(?:[Tt]he\s+|[Aa]\s+|[Aa]n\s+)?([A-Z][\w]+(?:[.-][A-Za-z0-9]{{1,3}})?(?:\s+[A-Z][\w]+)?)\s+(?:mobile\s+phone\s+|mass[\s-]mailing\s+|e-?mail\s+|Windows\s+|Android\s+|Mirai[\s-]variant\s+)?{_MALWARE_WORDS}s?\b")
# "a worm dubbed X", "the Trojan, known as X,", 'malware, dubbed “Agent Smith,”': a malware word, at most three
# words (commas allowed), the naming verb, then one name, or up to three words in quotes
_NAMED_AFTER = re.compile(rf"(?i:\b{_MALWARE_WORDS}s?|\bstrains?|\bvariants?|\bfamily|\bprogram)[\s,]+(?:[\w-]+[\s,]+){{0,3}}?(?:dubbed|called|named|known\s+as|detected\s+as)"
                          r"\s+(?:[\"“']([A-Z][\w/.-]*(?:\s+[A-Z0-9][\w/.-]*){0,2}),?[\"”']|[\"“']?([A-Z][\w/]+(?:[.-][A-Za-z0-9]{1,3})?))")
# a quoted name before a malware word (“X”的木马), or before (新)变种 (a new variant of a named family: “网游大盗”新变种), or a Latin name glued to one
_ZH_NAMED = re.compile(r"[“\"「]([\u3400-\u9fffA-Za-z0-9.]{2,10})[”\"」](?:的)?(?:病毒|木马|蠕虫|勒索软件|僵尸网络|新?变种)|([A-Za-z][\w.]{2,15})(?:病毒|木马|蠕虫)")
_NOT_NAMES = {"the", "a", "an", "this", "that", "new", "windows", "computer", "e-mail", "email", "mobile", "android", "internet", "web", "first",
              "latest", "malicious", "some", "many", "these", "those", "joke", "its", "his", "their", "our", "one", "two", "another", "microsoft",
              "symbian", "nokia", "mass", "bot", "mac", "linux", "pc", "phone", "anti", "net", "it", "they", "variant", "such", "any", "same",
              # function words opening a sentence or clause before a malware word ("How spyware ...", "While viruses ...")
              "how", "while", "when", "where", "why", "what", "which", "who", "if", "as", "but", "and", "or", "so", "after", "before", "because",
              "though", "although", "since", "until", "unless", "on", "in", "at", "of", "for", "to", "from", "with", "by", "like", "unlike",
              "despite", "about", "against", "into", "over", "under", "even", "also", "only", "more", "most", "other", "all", "every", "no"}


def _medical(sentence: str, t: CyberTables, lang: str) -> bool:
    """The sentence speaks of disease and of nothing on a computer ('the flu virus hit hospitals')."""
    disease, computer, _bio = t.disease[lang]
    return bool(disease.search(sentence)) and not computer.search(sentence)


def find_malware(text: str, s: int, e: int, t: CyberTables, zh: bool, medical: bool = False, spans=None, patterns: bool = True) -> list[Hit]:
    """Named malware/botnets: table names (common-word names only beside a malware word) and names
    the sentence gives by pattern ("the Cellery worm", "dubbed Daxin", "Bagle.AT", "熊猫烧香病毒");
    no names by pattern in a ``medical`` sentence ("the Zika virus") or when ``patterns`` is off (no
    malware word in the sentence).  ``spans``: the table scanner's hits in the sentence, when the
    caller scanned the whole story at once."""
    out: list[Hit] = []
    sent = text[s:e]
    for a, b in CyberTables.scan(t.malware_scan, text, s, e) if spans is None else spans:
        b = _variant_end(text, b, e)
        name = text[a:b]
        m = t.malware_of(name) or t.malware_of(re.split(r"[.-](?=[A-Za-z0-9]{1,2}$)", name)[0])
        if m is None:
            continue
        if alias_key(text[a:b].split(".")[0].split("-")[0]) in t.ambiguous and not _ambiguous_ok(text, a, b, s, e, t):
            continue
        out.append(Hit(a, b, name, m.id, {"kind": m.kind, "family": m.name}))
    rxs = [] if medical or not patterns else [_ZH_NAMED] if zh else [_NAMED_BEFORE, _NAMED_AFTER]
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
    for mm in [] if zh or medical or not patterns else _VARIANT_NAME.finditer(text, s, e):  # "a new worm, Mytob.C, is spreading"
        a, b = mm.start(1), mm.end(2)
        if mm.group(2) in ("A", "I") and re.match(r"\s+[a-z]", text[b:b + 2]) or any(h.start <= a < h.end or a <= h.start < b for h in out):
            continue  # "Boeing.A spokesman": a sentence glued to the next, not a variant
        out.append(Hit(a, b, text[a:b], "malware:" + alias_key(text[a:b]), {"kind": _kind_near(sent), "family": text[a:b]}))
    return sorted(out, key=lambda h: h.start)


_VARIANT_NAME = re.compile(r"(?<![\w.-])([A-Z][a-z]{2,}[A-Za-z]*)[.-]([A-Z]{1,2})(?![\w-])(?!\.\w)")
_MALWARE_NEXT = re.compile(rf"\s+(?:{_MALWARE_WORDS}|variant|strain)s?\b", re.I)


def _ambiguous_ok(text: str, a: int, b: int, s: int, e: int, t: CyberTables) -> bool:
    """A table name that is also an ordinary word ("sober", "flame", "zeus") names malware when it is
    written as a name beside a malware or group word, or, in any case, right before a malware word
    ("sober worm", "the zeus trojan": lower-case headlines and feeds)."""
    if _MALWARE_NEXT.match(text, b, e):
        return True
    return text[a].isupper() and t.ambiguous_cue.search(text, max(s, a - 40), min(e, b + 40)) is not None


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


def find_groups(text: str, s: int, e: int, t: CyberTables, spans=None) -> list[Hit]:
    out = []
    for a, b in CyberTables.scan(t.group_scan, text, s, e) if spans is None else spans:
        g = t.group_of(text[a:b])
        if g is None:
            continue
        if alias_key(text[a:b]) in t.ambiguous and (text[a].islower() or not t.ambiguous_cue.search(text, max(s, a - 30), min(e, b + 40))):
            continue  # a name that is also a word ("an anonymous group of hackers") counts written as a name, beside a group word
        out.append(Hit(a, b, text[a:b], g.id, {"country": g.country, "name": g.name}))
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
    if t.technique_any[lang].search(text, s, e) is None:
        return out
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


_CVE = re.compile(r"\bCVE\s*-\s*\d{4}\s*-\s*\d{4,}\b")
_ZERO_DAY = re.compile(r"\bzero\s*-\s*day\b|零日", re.I)
_VULN = re.compile(r"\b(?:vulnerabilit(?:y|ies)|security\s+(?:holes?|flaws?|bugs?)|(?:critical|serious|unpatched)\s+(?:\w+\s+)?(?:flaws?|holes?|bugs?)|flaw|exploit)\b|漏洞"
                   # a bug or hole that lays something open to attack ("at risk from remote attacks due to a bug in X")
                   r"|\b(?:attacks?|attackers|hackers|intruders)\b[^.;]{0,60}?\b(?:bugs?|holes?)\b|\b(?:bugs?|holes?)\b(?=[^.;]{0,60}?\b(?:attackers?|hackers|intruders|exploit\w*))", re.I)


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


# Legal action, by its words alone: in a story whose earlier sentence reported legal action over spam, phishing or hacking
# ("Microsoft, Amazon file phishing lawsuits"), a later sentence of the suits ("... filed lawsuits against companies and
# individuals accusing them of ...") speaks of the same incident though it does not repeat what the suits are about.
LEGAL = re.compile(r"\b(?:lawsuits?|suits?|sue[sd]?|suing|legal\s+action|charg(?:ed|es)|convicted|indicted|sentenced|arrested|jailed|"
                   r"prosecut\w+|court\s+orders?|injunctions?|crackdowns?|dragnets?)\b", re.I)


def read_sentence(text: str, a: int, b: int, t: CyberTables, zh: bool, story, after_incident: bool = False, names=None,
                  legal_story: bool = False, cyber_story: bool = True) -> Sentence:
    """Every finder over one sentence; ``after_incident``: the sentence before spoke of an incident,
    so a sentence that refers back to it ("It then ...", "The worm ...") is read in full too;
    ``names``: the (malware, group) table hits and the trigger words in the sentence, when the story
    was scanned at once; ``legal_story``: an earlier sentence reported legal action over a cyber deed,
    so legal words alone are a trigger here; ``cyber_story``: the story uses a word only cyber news uses (see
    :func:`no_computer_context`)."""
    lang = "zh" if zh else "en"
    s = Sentence(a, b, text[a:b])
    words = [m.group() for m in t.trigger[lang].finditer(text, a, b)] if names is None else names[2]
    if legal_story and not words and not zh:
        words = [m.group() for m in LEGAL.finditer(text, a, b)]
    if names is not None and not (words or names[0] or names[1] or after_incident):
        return s  # nothing here speaks of an incident: the common case, kept cheap
    medical = bool(words) and _medical(s.text, t, lang)
    s.trigger = any(not (medical and t.disease[lang][2].match(w)) for w in words)
    if s.trigger and not zh and all(w.lower().startswith("attack") for w in words) and _in_words(s.text):
        s.trigger = False  # "attacked the bill", "legal attacks on file-sharing services": words and suits, no cyber deed
    if s.trigger and not zh and not cyber_story and no_computer_context(s.text, words):
        s.trigger = False  # "knocked out of the cup", "a security breach at parliament", "terror attacks": no computer in sight
    s.background = bool(t.background[lang].search(s.text))
    s.follows = after_incident and not s.trigger and bool(t.follows[lang].match(s.text))
    s.malware = find_malware(text, a, b, t, zh, medical, names and names[0], patterns=s.trigger)
    s.groups = find_groups(text, a, b, t, names and names[1])
    if not s.relevant:
        return s
    s.claimants = find_claimants(text, a, b, t, story.attributions, story.entities, zh)
    s.attackers = [h for h in find_attackers(text, a, b, t, zh, story.entities) if not overlaps(s.groups + s.malware, h.start, h.end)
                   and (zh or not _kept_safe_from(text, a, h))]
    # an accused phrase over a bare attacker noun ("a lawsuit against eight spammers") is the fuller name of the accused
    named = s.groups + s.malware + [h for h in s.attackers if not bare(h.text) and not a_class(h.text)]
    s.accused = [h for h in find_accused(text, a, b, t, zh, story.entities) if not overlaps(named, h.start, h.end)]
    # a headline's doers: a claim's actors, not attackers ("Sasser author pleads guilty" keeps the malware name)
    for h in claim_actors(text, a, b, t, zh, story.entities):
        same = next((x for x in s.attackers if (x.start, x.end) == (h.start, h.end)), None)
        if same is not None and h.extra.get("owns_up"):  # "Hackers claim responsibility": the attacker found owns up
            s.attackers[s.attackers.index(same)] = Hit(same.start, same.end, same.text, same.value, {**same.extra, "owns_up": True, "named": True})
        elif same is not None or not overlaps(s.groups + s.accused + s.attackers, h.start, h.end):
            s.accused.append(h)  # the people a charge names are specific doers ("法院判处黑客...", "Police arrest hackers over ...")
        who = h.extra.get("claimed_by")
        if who is not None:  # "Hackers claim X ...": the doers speak
            s.claimants.insert(0, Hit(who.start, who.end, who.text, "", {"type": "other", "speaks": True}))
    actors = s.attackers + s.malware + s.groups
    s.victims = [v for v in find_victims(text, a, b, zh, story.entities, actors, t.products)
                 if not overlaps(actors, v.start, v.end) and not _CLAIMANT_LIKE.search(v.text)]
    modal = t.stance["modal"].search(text, a, b)
    if modal:  # "a flaw that could let attackers take over a PC": what follows a hypothetical was not attacked
        s.victims = [v for v in s.victims if v.end <= modal.start()]
    s.threat = not medical and bool(t.threat[lang].search(text, a, b))
    s.techniques = find_techniques(text, a, b, t, zh)
    s.types = find_types(text, a, b, t, zh)
    s.vulns = find_vulns(text, a, b) if any(h.value == "vulnerability" for h in s.types) else []
    return s


# Doers one is kept safe from are a threat in general, not the doers of an incident: a protection offered, sold or
# promised ("a VPN lets you protect yourself from snoopers and hackers", "the new law protects consumers from hackers",
# "software that guards against hackers", "protection against cyber-criminals") -- unless the protection failed ("failed
# to protect its customers from hackers", "was not protected from ...") or the doers did something ("... from hackers
# who broke into ...").
_PROTECT = re.compile(r"\b(?:protect\w*|shield\w*|safeguard\w*|defend(?:s|ing)?|guard(?:s|ed|ing)?|secur(?:e|es|ed|ing)|defen[cs]es?|safe)\b"
                      r"[^.;:!?]{0,50}?\b(?:from|against)\s+(?:[\w'’-]+\s+){0,4}?$", re.I)
_PROTECTION_FAILED = re.compile(r"\b(?:fail\w*|unable|not|never|\w*n['’]t|too\s+late|neglect\w*|lax|inadequate\w*|insufficient\w*)\b", re.I)
_DOERS_DID = re.compile(r"\s*,?\s+(?:who|that|which)\s+(?:had\s+|have\s+|has\s+)?(?:\w+\s+)?(?:broke|broken|stole|stolen|hacked|attacked|breached|"
                        r"accessed|infected|compromised|took|taken|crippled|defaced|gained|launched|hit|targeted|planted|leaked|posted)\b", re.I)


def _kept_safe_from(text: str, a: int, h: Hit) -> bool:
    """Whether the attacker phrase ``h`` is what something protects from (see ``_PROTECT``), in the clause before it."""
    before = text[max(a, h.start - 90):h.start]
    m = _PROTECT.search(before)
    if m is None or _DOERS_DID.match(text, h.end):
        return False
    return _PROTECTION_FAILED.search(text[max(a, h.start - 140):h.start - len(before) + m.start()]) is None


# An attack in words, in court or in the market, not on a computer: a qualifier that says so ("legal attacks", "a scathing
# attack"), an attack on a bill, a policy, a patent, a ruling or a rival's plan ("attacked the bill", "led an attack on
# software patents"), an attack led or launched ", claiming/saying that ...", or criticism that comes under attack from
# critics -- in a sentence that names nothing of computers or of a cyber deed (``_in_words``).
_RHETORICAL = re.compile(
    r"\b(?:legal|verbal|rhetorical|political|scathing|stinging|fierce|blistering|withering|bitter|outspoken|personal|marketing|"
    r"advertising|price|patent|courtroom|public|angry|furious|savage|strong|thinly[\s-]veiled|veiled|broadside)\s+attacks?\b"
    r"|\battack\s+ads?\b"
    r"|\b(?:led|leads?|leading|launch(?:ed|es|ing)?|mount(?:ed|s|ing)?|renew(?:ed|s|ing)?)\s+(?:an?\s+|the\s+|its\s+|his\s+|her\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,2}?attacks?\s+(?:on|against)\s+(?:[^.;]|\.(?!\s+[A-Z])){0,80}?,\s*(?:claiming|saying|arguing|accusing|charging)\s+(?!responsibility|credit)"
    r"|\battack(?:s|ed|ing)?\s+(?:on\s+|against\s+)?(?:(?:the|a|an|its|his|her|their|our|this|that|these|those)\s+|[A-Z][\w.&-]*['’]s?\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:patents?|polic(?:y|ies)|proposals?|plans?|laws?|bills?|legislation|rules|regulations?|ruling|verdict|"
    r"decision|ideas?|strategy|prices?|pricing|licen[cs]\w*|copyright\w*|budget|reforms?|treaty|deal|merger|takeover|bid|record|remarks|"
    r"comments|speech|stance|views?|critics|opponents|campaign\s+promises|manifesto|judges?|court|legitimacy|credibility|reputation|integrity|"
    r"character|motives?|handling|leadership|conduct|competence|honesty|independence|authority)\b"
    r"(?!\s+(?:firms?|enforcement|offices?|makers?|compan(?:y|ies)|agenc(?:y|ies)|departments?|schools?|students?|officials?|staff|"
    r"clerks?|web\s?sites?|systems?|servers?|networks?|computers?|databases?|accounts?|pages?))"
    r"|\bunder\s+(?:\w+\s+)?attack\s+from\s+(?:[\w'’-]+\s+){0,3}?(?:critics|campaigners|opponents|rivals|politicians|MPs|lawmakers|"
    r"senators|unions|shareholders|investors|consumer\s+groups|activists|the\s+press|regulators)\b"
    r"|\battacked\s+(?:\w+\s+)?by\s+(?:[\w'’-]+\s+){0,3}?(?:critics|commentators|reviewers|columnists|teachers|the\s+press|newspapers|"
    r"editorials?|the\s+media|politicians|MPs|lawmakers|senators|opposition|campaigners|activists|churches|church\s+leaders|clergy|bishops|"
    r"unions|economists|analysts|rivals|opponents|ministers|the\s+government|the\s+opposition)\b"
    r"|\b(?:heart|panic|asthma|anxiety)\s+attacks?\b", re.I)
_CYBER_DEED = re.compile(r"\b(?:hack\w*|DDoS|denial[\s-]of[\s-]service|virus\w*|worms?|malware|cyber\w*|web\s?sites?|servers?|networks?|"
                         r"computers?|systems?|online|internet|e-?mails?|phishing|spam\w*|data|accounts?|passwords?|infect\w*|breach\w*)\b", re.I)


# A cyber incident needs a computer, a network or data in sight.  Most trigger words have other senses -- physical,
# military, sporting, verbal, commercial ("attack", "breach", "intrusion", "stole", "leak", "knocked out", "targeting",
# "took over", "crash", "disrupt") -- and in a story that uses no word only cyber news uses (the gate's ``en_words``:
# "hack", "malware", "phishing", "cyber" ...) a sentence whose every trigger is such a word is an incident only when it
# names something of computers, networks or data (``_COMPUTER``); where words were published ("said on its website",
# "in a blog post") names no target (``_MEDIUM``), and a product aimed at buyers is marketing ("targeting small firms
# with its software", "a phone targeted at teenagers").
_CYBER_ONLY_WORD = re.compile(r"(?:cyber|hack(?:ed|ers?|ing)\b|intrusions?\b(?!\s+(?:into|on|upon)\s+(?:\w+\s+)?(?:privacy|private|lives|grief|family))|phish|ddos|denial|zero[\s-]day|trojan|botnet|ransomware|backdoor|malware|spyware|keylogger|"
                              r"(?:flood|torrent|deluge)s?\s+of\s+(?:junk\s+|bogus\s+|fake\s+)?(?:data|requests|packets))", re.I)
_COMPUTER = re.compile(
    r"\b(?:computers?|computing|computeri[sz]ed|(?-i:PCs?)|laptops?|servers?|web\s?sites?|web\s?pages?|home\s?pages?|the\s+web|online|"
    r"internet|e-?mails?|software|programs?|databases?|data|files?|accounts?|passwords?|log-?ins?|user\s?names|(?-i:IT)|digital|"
    r"apps?|smart\s?phones?|(?:mobile\s+)?phones?|handsets?|devices?|browsers?|(?-i:Windows|Mac|Linux|Android|iPhones?|iOS)|"
    r"cyber\w*|hack(?:ed|ers?|ing)\b|malware|virus(?:es)?|worms?|DDoS|phishing|spam\w*|bots?|botnets?|encrypt\w*|firmware|routers?|cloud|"
    r"(?:credit|debit|bank)\s+cards?|card\s+(?:numbers|details|data)|personal\s+(?:details|information)|customer\s+(?:records|details|information)|"
    r"(?:medical|patient|health|tax|bank|financial|customer|client|personnel|staff|employee|student|police|voter)\s+records|ATMs?|chips?|code|signals?|satellites?|(?-i:GPS)|"
    r"IP\s+address(?:es)?|(?-i:IP)|(?:web|internet|network|data|junk|malicious|bogus)\s+traffic|"
    r"records|credentials|log(?:s|ged|ging)?\s+(?:in|on)|crypto\w*|bitcoins?|(?:hot|digital|crypto)\s+wallets?|patch(?:es|ed)?|watering[\s-]hole|"
    r"(?:news|web|internet|online|gaming|shopping|dating|social|company|government|official|fake|phishing|malicious|compromised|hacked)\s+sites?|"
    r"(?-i:Microsoft|Apple|Google|Oracle|Adobe|Cisco|Yahoo)|"
    r"(?:computer|IT|control|payment|payroll|accounting|HR|records|banking|booking|billing|reservation|ticketing|check-in|e-?mail|management|trading|phone)\s+systems?|"
    r"social\s+(?:media|networks?|networking)|(?:online|social|media|web|internet|digital|video|messaging)\s+(?:platforms?|services?)|"
    r"(?<!terror\s)(?<!terrorist\s)(?<!rail\s)(?<!road\s)(?<!TV\s)(?<!television\s)(?<!spy\s)(?<!criminal\s)(?<!militant\s)(?<!smuggling\s)"
    r"(?<!support\s)(?<!transport\s)(?<!power\s)(?<!distribution\s)networks?)\b", re.I)
_MEDIUM = re.compile(r"\b(?:on|in|via|through)\s+(?:(?:its|his|her|their|the\s+\w+['’]s|an?|the)\s+)?(?:own\s+|official\s+|personal\s+)?"
                     r"(?:web\s?site|web\s?page|blog(?:\s+post)?|(?:online|internet|web)\s+(?:post(?:ing)?|statement|forum|chat|interview|edition)|"
                     r"e-?mail(?:ed)?\s+(?:statement|interview|to\s+\w+)|home\s?page)\b"
                     # a site that shows what happened elsewhere ("Website posts video of suicide attack", "a video posted online")
                     r"|\b(?:web\s?sites?|web\s?pages?|blogs?|forums?|pages?)\s+(?:that\s+)?(?:posts?|posted|show(?:s|ed)?|carr(?:y|ies|ied)|"
                     r"publish(?:es|ed)?|air(?:s|ed)?|display(?:s|ed)?|ran|runs)\b"
                     r"|\bposted\s+(?:online|(?:on|to)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+)?(?:web\s?site|internet|web|forum|blog))\b", re.I)
_MARKETING = re.compile(r"\btarget(?:s|ed|ing)?\s+(?:\w+\s+){0,5}?with\s+(?:[\w-]+\s+){0,5}?(?:products?|services?|software|offers?|range|ads?|"
                        r"adverts?|advertising|campaigns?|models?|devices?|handsets?|phones?|deals?|discounts?|packages?)\b"
                        r"|\btargeted\s+at\b|\btarget\s+(?:market|audience|customers?|group)\b", re.I)


# a breach of an agreement, a rule or a duty is no break-in, whatever it is about ("a breach of the computer chip trade
# pact", "a serious breach of Treasury confidentiality", "breached the terms of its licence")
_BREACH_OF = re.compile(r"\bbreach(?:es|ed|ing)?\s+(?:of\s+)?(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w'’-]+\s+){0,4}?"
                        r"(?:pacts?|agreements?|accords?|contracts?|treat(?:y|ies)|rules?|laws?|regulations?|codes?|dut(?:y|ies)|trust|"
                        r"confidentiality|promises?|ceasefires?|truce|privilege|covenants?|warrant(?:y|ies)|quotas?|terms|conditions|"
                        r"etiquette|protocol|guidelines|obligations?|undertakings?|orders?|bail|sanctions|embargo|deals?|standards|ethics|"
                        r"discipline|peace|licen[cs]es?|mandates?|resolutions?|limits?|ceilings?|targets?|commitments?|understanding)\b", re.I)


def no_computer_context(sentence: str, words: list[str]) -> bool:
    """Whether a sentence's trigger ``words`` all have other senses and it names nothing of computers, networks or data
    (the places words were published left out), or its only target is a market or its only breach one of an agreement
    (see ``_COMPUTER``)."""
    if any(_CYBER_ONLY_WORD.match(w) or LEGAL.match(w) for w in words):
        return False
    if all(w.lower().startswith("target") for w in words) and _MARKETING.search(sentence):
        return True
    if all(w.lower().startswith("breach") for w in words) and _BREACH_OF.search(sentence):
        return True
    return _COMPUTER.search(_MEDIUM.sub(_not_a_target, sentence)) is None


def _not_a_target(m: re.Match) -> str:
    """A place words were published, cut out -- unless an attack word stands right before it ("the attack on the
    council's website": there it is the target)."""
    before = m.string[max(0, m.start() - 30):m.start()]
    return m.group() if _TARGET_BEFORE.search(before) else " "


_TARGET_BEFORE = re.compile(r"\b(?:attack\w*|assault\w*|strikes?|aimed|directed|targeted|targeting|launched|break-?ins?|raids?)\s*$", re.I)


# a qualifier no cyber attack takes: "legal attacks on the server operators" is a suit whatever it names
# and an attack in a sentence of a legal battle ("retargeting its legal battle against file swappers by launching attacks
# against the server operators")
_NEVER_CYBER = re.compile(r"\b(?:legal|verbal|rhetorical|courtroom|personal)\s+attacks?\b"
                          r"|\blegal\s+(?:battles?|campaigns?|fights?|offensives?|war|assaults?|onslaughts?)\b", re.I)


def _in_words(sentence: str) -> bool:
    """Whether a sentence's attack is one in words, in court or in the market (``_RHETORICAL``) and it names no cyber deed
    (``_NEVER_CYBER``: whatever it names)."""
    return _NEVER_CYBER.search(sentence) is not None or (_RHETORICAL.search(sentence) is not None and _CYBER_DEED.search(sentence) is None)


_CLAIMANT_LIKE = re.compile(r"^(?:hackers?|attackers|researchers|experts|police|authorities)$", re.I)
