"""Attackers, claimants and attribution claims in the sentences of one incident.

Attackers: what the story says did it -- attacker nouns with their qualifiers ("Chinese state-backed
hackers", "a 19-year-old", 黑客组织) from ``lexicon.toml [attackers]``, and names the grammar marks
as the doer ("a hacker group calling itself X", "X claimed responsibility", "X confessed to ...",
"the attack was carried out by X", "X was behind the attack").

Claims: who says who did it.  The accused come from attribution grammar ("X blamed/accused Y",
"attributed/linked/traced the attack to Y", "Y was behind it", 指责/认定...所为) and from the threat
groups and qualified attackers a claim sentence names; the claimant is the subject of the claim
verb ("X said", "according to X", "X researchers found", X称/表示/认定, 据X), else one the extract
stage attributed the sentence to, else a claimant of the sentence before when this one carries on
("It said ...", "The firm added ...").  A class of doers ("hackers", "virus writers") is no attribution's
actor unless no one is named and a speaker of the same sentence says the class did the deed ("the company said
hackers had broken into its servers", "blamed hackers for the attack").  Doers who own up ("a 19-year-old has
confessed", "a group of hackers said it had defaced ...") claim their own deed when no one else speaks; people a
charge, arrest or conviction names are the accused, and courts, judges and juries claim by ruling or convicting.
Headline grammar (no article, present tense: "Teen admits writing Sasser worm", "Police arrest teenager over worm") gives
claims only (:func:`claim_actors`), never attackers.
"""

from __future__ import annotations

import re

from .spans import Hit, dedupe, overlaps
from .tables import CyberTables

_GENERIC_CLAIMANT = re.compile(
    r"\b(?:(?:[Aa]n?|[Tt]he)\s+(?=(?:[\w-]+\s+){0,2}(?:experts?|researchers?|analysts?|officials?|investigators|authorities|police|prosecutors|courts?|judges?|jury|attorneys?\s+general)\b))?"
    r"(?:(?:[A-Z][\w.]+\s+){0,2}[Aa]ttorneys?[\s-]+[Gg]eneral\b(?:\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?|"
    r"(?:[Cc]yber)?[Ss]ecurity\s+(?:experts?|researchers?|firms?|companies|analysts)|[Aa]nti-?virus\s+(?:firms?|compan(?:y|ies)|makers?)|"
    r"(?:[A-Z]\w+\s+)?[Rr]esearchers|[Ee]xperts|[Aa]nalysts|[Ii]nvestigators|(?:[Pp]ublic\s+security\s+|[Ll]ocal\s+|[Ff]ederal\s+)?[Aa]uthorities|"
    r"[Pp]olice|[Pp]rosecutors|(?:[Aa]n?\s+)?(?:[A-Z][\w.]*\s+)?(?:(?:[Ss]enior|[Gg]overnment|[Ii]ntelligence|[Ss]tate|[Ff]ederal|[Ll]ocal|[Cc]ity|[Ll]aw[\s-]enforcement)\s+){0,3}[Oo]fficials?|(?:[A-Z]\w+['’]s\s+)?(?:[A-Z]\w+\s+)?(?:[Ff]oreign\s+|[Hh]ome\s+|[Dd]efen[cs]e\s+)?"
    r"(?:[Mm]inistry|[Gg]overnment|[Ee]mbassy|[Oo]ffice)|"
    r"[Ss]pokes(?:man|woman|person)|[Ii]ntelligence\s+(?:agencies|officials|services)|"
    r"(?:(?:[Ff]ederal|[Dd]istrict|[Hh]igh|[Ss]upreme|[Cc]riminal|[Cc]rown|[Aa]ppeals?)\s+)?(?:[Cc]ourts?|[Jj]udges?|[Jj]ur(?:y|ies)|[Jj]urors|[Mm]agistrates?|[Aa]rbitrators?|[Tt]ribunals?))\b|法院|警方|公安机关|专家|研究人员|安全公司|官员")
_ORG_CLAIM = re.compile(r"\b(?:[A-Z][\w'’&.-]*\s+){1,8}(?:Bureau|Branch|Ministry|Department|Agency|Police|Office|Command|Center|Centre|Council|"
                        r"Service|Directorate|Commission)(?:\s+of(?:\s+[A-Z][\w'’.-]*)+)?")
_CLAIM_VERB_AT = re.compile(
    r"\b(?:said|says|told|blamed|blames|accused|accuses|attributed|attributes|linked|identified|believes|believe|believed|suspects|suspect|alleged|alleges|claimed|claims|"
    r"warned|warns|reported|traced|pinned|determined|concluded|found|discovered|revealed|confirmed|stated|announced|charged|indicted|assessed|"
    r"indicated|noted|added|explained|confessed|admitted|ruled|rules|convicted|convicts|charges(?=\s+(?:[\w'’.-]+\s+){0,5}?with\b)|arrested|arrests?(?!\s+(?:of|warrants?|records?)\b)|indicts|jails|detained|sued|sues|sue|(?:[\w-]+\s+){0,2}?to\s+(?:take|file|bring)\s+legal\s+action|(?:filed|files|file|brought|brings|launched|won|wins|took|takes|take)\s+(?:[\w-]+\s+){0,5}?(?:lawsuits?|suits?|charges|complaints?|cases?|court\s+orders?|injunctions?|legal\s+action)|(?:initiated|launched|began|begun|started|mounted|announced|unveiled|conducted|stepped\s+up)\s+(?:[\w-]+\s+){0,6}?(?:crackdowns?|dragnets?|sweeps?|busts?)|(?:released|published|issued)\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){0,2}?(?:report|analysis|"
    r"study|statement|advisory|alert|bulletin))\b", re.I)
_SAID_BY = re.compile(r"\b(?:said|says|according\s+to|told\s+by|reported\s+by|in\s+a\s+report\s+by|a\s+report\s+(?:from|by)|"
                      # "The lawsuit was brought by Microsoft": the plaintiff claims
                      r"(?:lawsuits?|suits?|cases?|complaints?|charges|legal\s+action)\s+(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?(?:brought|filed|launched|lodged)\s+by)\s+", re.I)
_ZH_CLAIM_VERB = re.compile(r"(?:称|表示|指出|认定|指责|披露|发现|证实|通报|声称|宣称|怀疑|确认|说|判定|认为|溯源|逮捕|抓获|判处|起诉|指控|控告|刑拘)")
# the subject of a claim verb, back to the clause start ("美国官员称", "该公司表示"), and a headline's "X：" speaker
_ZH_SUBJECT = re.compile(r"(?:^|(?<=[，。：；、“”\s]))(?:据)?([\u3400-\u9fffA-Za-z0-9·]{2,10}?)(?:近日|日前|昨天|今天|周[一二三四五六日]|也|还|则|再次|公开|自)?"
                         r"(?:称|表示|指出|认定|指责|怀疑|声称|宣称|披露|证实|通报|认为|警告|逮捕|抓获|判处|起诉|指控|控告|刑拘|将[^，。；]{1,12}?(?:归咎|归因|溯源))")
_ZH_HEADLINE = re.compile(r"^([\u3400-\u9fffA-Za-z0-9·]{2,10})[：:]")
_ZH_BY = re.compile(r"据([\u3400-\u9fffA-Za-z0-9]{2,16}?)(?:的)?(?:报道|消息|称|透露|介绍|披露|通报|报告|分析|监测|调查)")
# Y as the accused: after blame verbs, before "was behind"
_ACCUSE_AFTER = re.compile(
    r"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|suspect(?:s|ed)?|pointed\s+the\s+finger\s+at|fingered|named(?=\s+[^.;]{0,60}?\bas\s+(?:the\s+)?"
    r"(?:culprits?|perpetrators?|attackers?|source|responsible|behind))|(?:charg|indict|prosecut|convict|sentenc|arrest|detain|extradit)(?:ed|es|ing)"
    r"(?=\s+[^.;]{0,80}?\b(?:with|for|over|in\s+connection\s+with|on\s+suspicion\s+of|suspected\s+of|accused\s+of)\b|(?<=arrested)\s+[^.;]{0,100}?\bin\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:investigation|probe|operation|crackdown|sting|raids?)\b|(?<=convicted)\s+[^.;]{0,80}?\bof\b|(?<=sentenced)\s+[^.;]{0,60}?\bto\b))\s+(?:the\s+attacks?\s+on\s+)?"
    r"|\b(?:attribut|link|tie|tied|trac|connect)\w*\s+(?:[\w'’-]+\s+){0,8}?(?:to|with)\s+|\b(?:pin|blam)\w*\s+(?:[\w'’-]+\s+){0,6}?on\s+"
    r"|\b(?:carried\s+out|conducted|launched|orchestrated|perpetrated|masterminded|mounted|staged|claimed)\s+by\s+"
    # "said the attack was the work of X", "appeared to be the work of X"
    r"|\b(?:was|were|is|are|be|been|likely|probably)\s+(?:\w+\s+){0,2}?the\s+work\s+of\s+"
    r"|\b(?:hacked|defaced|attacked|breached|compromised|infected|hijacked|broken\s+into)\s+by\s+"
    # "three lawsuits in King County Superior Court against X", "Amazon sues X"
    r"|\b(?:lawsuits?|suits?|legal\s+action|charges?|complaints?|cases?)\s+(?:(?:in|at|before|with)\s+(?:[\w.'’-]+\s+){1,5}?|(?:(?:was|were|has\s+been|have\s+been)\s+)?"
    r"(?:brought|filed|launched|lodged)\s+(?:by\s+(?:[\w.&'’-]+\s+){1,6}?)?)?against\s+"
    # "the largest dragnet yet against X", "a crackdown on X"
    r"|\b(?:crackdowns?|dragnets?|sweeps?|busts?)\s+(?:yet\s+|so\s+far\s+)?(?:on|against|targeting)\s+"
    # "an injunction against X", "a court order that stops X"
    r"|\b(?:court\s+orders?|injunctions?|restraining\s+orders?)\s+(?:that\s+)?(?:against|stops?|stopping|bars?|barring|halts?|halting|blocks?|blocking)\s+|\bsu(?:e|es|ed|ing)\s+(?=[^.;]{0,100}?\b(?:spam\w*|phish\w*|hack\w*|virus\w*|malware|spyware|e-?mails?|defraud\w*|mislead\w*|forg\w*|fraud\w*)\b)"
    r"|\b(?:behind|responsible\s+for)\s+(?:the\s+)?(?:\w+\s+)?(?:attacks?|hacks?|breach|intrusion|campaign|operation)\s+(?:was|were|is|are)\s+", re.I)
_ACCUSE_BEFORE = re.compile(
    r"\s+(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:to\s+(?:be|have\s+been)\s+)?(?:behind|responsible\s+for)\b"
    # ... of an attack, not of a product ("the firm which is behind the fingerprinting system")
    r"(?=\s*(?:[.,;]|$)|\s+(?:the|this|these|those|a|an|its|their|some|many|several|most)?\s*(?:[\w-]+\s+){0,3}?(?:(?:cyber[\s-]?)?attacks?|hacks?|"
    r"hacking|breach(?:es)?|intrusions?|campaigns?|operations?|DDoS|virus(?:es)?|worms?|malware|ransomware|incidents?|leaks?|theft|thefts|spying|"
    r"espionage|it|them|outages?)\b)"
    r"|\s+(?:claimed|took|has\s+claimed|have\s+claimed)\s+(?:credit|responsibility)\b"
    r"|\s+(?:had\s+|has\s+|have\s+)?(?:carried\s+out|conducted|launched|orchestrated|perpetrated|masterminded|mounted|staged)\s+(?:the|a|an|this)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|hacks?|breach|intrusion|campaign|operation|DDoS)\b"
    r"|\s+(?:confessed|admitted|pleaded\s+guilty)\b", re.I)
_COUNTRY_ADJ = (r"(?:Chinese|Russian|Iranian|North\s+Korean|South\s+Korean|American|U\.S\.|Taiwanese|Vietnamese|Israeli|Indian|Pakistani|Ukrainian|"
                r"British|Turkish|Syrian|Belarusian|Beijing|Moscow|Tehran|Pyongyang|China|Russia|Iran|North\s+Korea)")
_COUNTRY_NP = re.compile(rf"(?:the\s+)?{_COUNTRY_ADJ}(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}(?:IP\s+addresses|addresses|servers|computers|networks?|hackers|"
                         r"groups?|government|military|state|regime|actors|intelligence(?:\s+(?:services?|agenc(?:y|ies)))?|spies|army|authorities)\b"
                         # machines placed in a country: "servers in Russia", "IP addresses based in China"
                         rf"|(?:[\w-]+\s+){{0,2}}?(?:IP\s+addresses|addresses|servers|computers|machines|networks?)\s+(?:located\s+|based\s+)?in\s+"
                         rf"(?:China|Russia|Iran|North\s+Korea|South\s+Korea|the\s+U\.?S\.?|the\s+United\s+States|Taiwan|Vietnam|Israel|India|Pakistan|"
                         r"Ukraine|Britain|Turkey|Syria|Belarus)\b")
# attacks launched from/originating in a country's addresses ("launched from Chinese IP addresses")
_FROM_COUNTRY = re.compile(rf"\b(?:launched|originat\w+|coming|came|routed|traced|sent)\s+(?:back\s+)?(?:from|in|to)\s+({_COUNTRY_NP.pattern}"
                           # a bare country where the attack came from: "the attack originated in China"
                           r"|(?:China|Russia|Iran|North\s+Korea|the\s+United\s+States|the\s+U\.?S\.?|Taiwan|Vietnam|Israel|India|Pakistan|Ukraine|"
                           r"Belarus|Turkey|Syria)\b(?!\s+(?:and|or)\b)(?=\s*(?:[,.;]|and\s+(?:targeted|hit|was|were|had|has)|$)))", re.I)
_ZH_ACCUSE = re.compile(r"(?:指责|认定|判定|溯源(?:至|到)|归因于|归咎于|归咎|矛头指向|来自|系|(?<![认作成因行视称])为)([\u3400-\u9fffA-Za-z0-9]{2,14}?)(?:的)?(?:所为|黑客|组织|发起|发动|策划|实施|攻击|网络)"
                        # X被指/被控/被曝...攻击: X is the accused
                        r"|(?:^|(?<=[，。：；、“”\s]))([\u3400-\u9fffA-Za-z0-9]{2,14}?)(?:被指|被控|被指控|被曝|被怀疑|涉嫌)(?=[^，。；]{0,20}(?:攻击|入侵|窃取|黑客|渗透))"
                        # the attack came from X, at the end of the clause: 此次攻击来自美国国家安全局。
                        r"|(?:攻击|入侵|行动)(?:均|都|主要|正是)?(?:来自|源自|源于)([\u3400-\u9fffA-Za-z0-9]{2,14}?)(?=[，。；！？]|$)")
# named doers: "a hacker group calling itself X", "X, a ransomware gang", "the X hacker group"
_NAMED_GROUP = re.compile(
    r"\b(?:hack(?:er|ing|tivist)|cyber-?criminal|ransomware|extortion|criminal|threat|APT|espionage|spy(?:ing)?)\s+(?:group|gang|collective|crew|outfit|actor)s?"
    r"\s+(?:called|known\s+as|calling\s+(?:itself|themselves)|dubbed|named|going\s+by|(?:that\s+|which\s+)?(?:it|researchers|Microsoft|Google|the\s+firm)\s+(?:calls|call|tracks\s+as)|tracked\s+as)?\s*[\"“']?((?-i:[A-Z])[\w-]*(?:\.[\w-]+)*(?:\s+(?-i:[A-Z])[\w-]*(?:\.[\w-]+)*){0,3})"
    r"|\b(?:call(?:ed|ing|s)?|nam(?:ed|ing|es))\s+(?:itself|themselves)\s+(?:the\s+)?[\"“']?((?-i:[A-Z])[\w-]*(?:\.[\w-]+)*(?:\s+(?:of\s+)?(?-i:[A-Z])[\w-]*(?:\.[\w-]+)*){0,3})"
    r"|\b((?-i:[A-Z])[\w-]*(?:\.[\w-]+)*(?:\s+(?-i:[A-Z])[\w-]*(?:\.[\w-]+)*){0,3}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:hack(?:er|ing|tivist)|ransomware|cyber-?criminal|"
    r"criminal|extortion|threat)\s+(?:group|gang|collective|crew|outfit|actor)"
    r"|\b(?:the\s+)?((?-i:[A-Z])[\w-]*(?:\.[\w-]+)*(?:\s+(?-i:[A-Z])[\w-]*(?:\.[\w-]+)*){0,2})\s+(?:hack(?:er|ing|tivist)|ransomware|cyber-?criminal|extortion)\s+(?:group|gang|collective|crew)\b"
    # a bare group or gang only with a naming verb: "a gang known as BlackCat"
    r"|\b(?:group|gang|collective|crew|outfit)\s+(?:known\s+as|calling\s+(?:itself|themselves)|that\s+calls\s+itself|dubbed|going\s+by)\s+(?:the\s+)?[\"“']?"
    r"((?-i:[A-Z])[\w-]*(?:\.[\w-]+)*(?:\s+(?-i:[A-Z])[\w-]*(?:\.[\w-]+)*){0,3})",
    re.I)
_NOT_A_NAME = re.compile(r"^(?:The|A|An|This|That|These|Those|It|Its|Their|Chinese|Russian|Iranian|North|State|Foreign|Overseas|Some|Many|Another|One|Two)$")
_BARE = re.compile(r"^(?:(?:the|these|those|some|many|other|several|more|an?)\s+)?(?:hackers?|attackers?|cyber[\s-]?criminals?|criminals|intruders|"
                   r"perpetrators|culprits|spammers|scammers|fraudsters|threat\s+actors|adversaries|actors)$|^(?:黑客|攻击者|不法分子|犯罪分子)$", re.I)


def bare(name: str) -> bool:
    """A doer named by a bare noun only ("hackers", "the attackers", 黑客): no attribution names who."""
    return _BARE.match(name) is not None


# a class of doers: a plural attacker noun with qualifiers that say neither who nor from where ("teenage virus writers",
# "malicious hackers", "the boy hackers"); "foreign spies", "Chinese hackers", "a 19-year-old" say more
_CLASS = re.compile(r"^(?:(?:the|these|those|some|many|several|other|more|most|malicious|teenage|young|boy|criminal|organi[sz]ed|"
                    r"sophisticated|skilled|would-be|politically\s+motivated|criminally\s+minded|(?:virus|worm|malware|trojan|spyware)(?:\s+writing)?)\s+)*"
                    r"(?:hackers|attackers|cyber[\s-]?criminals|criminals|intruders|perpetrators|culprits|spammers|scammers|fraudsters|phishers|"
                    r"conmen|con\s+men|crooks|thieves|vandals|writers|authors|creators|developers|makers|hacking\s+groups|hacker\s+groups|"
                    r"threat\s+actors|bad\s+actors|adversaries)$", re.I)


def a_class(name: str) -> bool:
    """A class of doers, not a doer ("virus writers", "malicious hackers"); bare nouns are classes too."""
    return bare(name) or _CLASS.match(name.strip()) is not None


# a class of doers that did this incident's deed, as a speaker tells it: "the company said hackers had broken into its servers"
_DID = re.compile(r"\s+(?:had\s+|have\s+|has\s+)?(?:hacked|broken\s+into|broke\s+into|stole|stolen|attacked|defaced|infected|breached|"
                  r"compromised|crippled|knocked|took\s+down|taken\s+down|gained\s+access|accessed|planted|launched|(?:were|was)\s+behind|"
                  r"(?:were|was)\s+responsible)\b", re.I)


def find_attackers(text: str, s: int, e: int, t: CyberTables, zh: bool, entities=()) -> list[Hit]:
    """Attacker phrases: nouns with their qualifiers, and named doers."""
    out = [Hit(m.start(), m.end(), m.group(), "", {"country": country_of(m.group(), t)}) for m in t.attacker_rx["zh" if zh else "en"].finditer(text, s, e)]
    if not zh:
        for m in _NAMED_GROUP.finditer(text, s, e):
            g = next(i for i in range(1, (m.re.groups or 0) + 1) if m.group(i))
            a, b = m.span(g)
            if not _NOT_A_NAME.match(text[a:b].split()[0]):
                out.append(Hit(a, b, text[a:b], "", {"country": None, "named": True}))
        for m in _ACCUSE_BEFORE.finditer(text, s, e):
            doer = _entity_before(text, s, m.start(), entities, ("PERSON", "ORG", "NORP"))
            if doer is not None and re.match(r"\s+(?:claimed|took|has\s+claimed|have\s+claimed|confessed|admitted|pleaded)", m.group(), re.I):
                out.append(Hit(doer.start, doer.end, doer.text, "", {"country": None, "named": True, "owns_up": True}))
        for m in _OWNS_UP.finditer(text, s, e):  # "a university student has admitted writing the virus", "a group of hackers said it had ..."
            a, b = m.span("doer")
            out.append(Hit(a, b, m.group("doer"), "", {"country": country_of(m.group("doer"), t), "named": True, "owns_up": True}))
    # the same words found twice keep what the grammar says of them (a noun the table knows that also owns up)
    return _longest(sorted(out, key=lambda h: not h.extra.get("owns_up")))


# a doer described by a noun phrase who owns up: confesses, admits, pleads guilty, claims responsibility, or says it did it
_DOER_MOD = r"(?:(?-i:[a-z\d][\w'’.-]*|[A-Z][a-z]+(?:an|ese|ish|ch|i))\s+)"  # lower-case words and nationality adjectives
_DOER_NP = (rf"(?:an?|the|two|three|four|five|\d+)\s+(?:{_DOER_MOD}{{0,3}}?(?:group|gang|band|team|collective|crew)\s+of\s+{_DOER_MOD}{{0,2}}?"
            rf"(?:hackers|hacktivists|programmers|students|teenagers|activists)|{_DOER_MOD}{{0,3}}?(?:man|woman|men|women|teenagers?|boys?|girls?|youths?|"
            r"students?|schoolboys?|hackers?|hacktivists?|programmers?|spammers?|gangs?|rings?|employees?|technicians?|engineers?|consultants?|administrators?|insiders?|"
            r"contractors?|brothers|sisters|(?:brother|sister|husband|wife|father|mother|son|daughter)\s+and\s+(?:brother|sister|husband|wife|father|mother|son|daughter)|\d+-year-olds?(?:\s+(?-i:[A-Z][a-z]+(?:an|ese|ish|ch|i)))?))")
# the doer, its place and a comma clause: "a university student in Taiwan, who ..., has admitted"
_DOER_LEAD = rf"(?:^|(?<=[\s\"“]))(?P<doer>(?i:{_DOER_NP}))(?:\s+(?:from|in)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:,[^,;]{{1,80}},)?"
_OWNS_UP = re.compile(_DOER_LEAD +
                      r"\s+(?i:(?:has\s+|have\s+|had\s+)?(?:confessed|admitted|pleaded\s+guilty|owned\s+up|claimed\s+(?:responsibility|credit)|"
                      r"took\s+(?:responsibility|credit))|(?:said|says|claimed|claims|boasted)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they)\s+(?:had|has|have)\s+"
                      r"(?:\w+\s+)?(?:hacked|attacked|broken|broke|defaced|knocked|crippled|stolen|infected|launched|written|created|released|shut|taken|brought))\b")


def _longest(hits: list[Hit]) -> list[Hit]:
    """Overlapping phrases give the longest ("Chinese hackers" over "hackers")."""
    return dedupe([h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start) for o in hits)])


_FILLER = re.compile(r"(?:\s+(?:in|from)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?=[\s,]))?(?:\s*\([^()]{1,30}\))?(?:\s*,[^,]{0,100},)?(?:\s+(?:who|which|that|has|have|had|also|just|recently|publicly|formally|"
                     r"previously|then|later|on\s+\w+day|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)(?=\s)|"
                     r"in\s+a\s+(?:statement|report|blog\s+post)))*\s*")
_CAPS_RUN = re.compile(r"((?:(?-i:[A-Z])[\w'’.&-]*\s+(?:of\s+(?:the\s+)?)?){0,4}(?-i:[A-Z])[\w'’.&-]*(?:\s+\([A-Z]{2,}\))?)$")
_NOT_SUBJECT = re.compile(r"^(?:The|A|An|This|That|These|Those|It|Its|They|He|She|We|I|In|On|At|But|And|However|Meanwhile|Also|Earlier|Later|"
                          r"Last|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[.,;:]?$")  # "said Wednesday." names no one


# "a boy from Norfolk confessed", "a firm in Texas said": the place is not the subject
_PLACE_OF = re.compile(r"\b(?:from|in)\s+(?:the\s+)?$")


def _entity_before(text: str, s: int, pos: int, entities, labels) -> Hit | None:
    """The doer or speaker right before ``pos``: an entity of ``labels``, else a run of capitalised
    words ("Sven Jaschen who confessed", "Check Point indicated"); a comma clause or 'who', 'has',
    'also' ... may sit between."""
    best = None
    for x in entities:
        if x.label in labels and s <= x.start and x.end <= pos and _FILLER.fullmatch(text, x.end, pos):
            if best is None or x.end > best.end:
                best = x
    if best is not None:
        return None if _PLACE_OF.search(text, max(s, best.start - 6), best.start) else Hit(best.start, best.end, text[best.start:best.end])
    for end in range(pos, max(s, pos - 140) - 1, -1):
        if end == s or not (text[end - 1].isalnum() or text[end - 1] in ".)") or not _FILLER.fullmatch(text, end, pos):
            continue
        m = _CAPS_RUN.search(text, max(s, end - 80), end)
        if m is None:
            continue
        words = m.group(1).split()
        while words and _NOT_SUBJECT.match(words[0]):
            words.pop(0)
        if words and _NOT_SUBJECT.match(words[-1]):
            continue  # "Globex Monday filed": the day is filler, the name ends before it
        if words:
            a = end - len(" ".join(words)) if text[end - len(" ".join(words)):end] == " ".join(words) else m.start(1)
            return None if _PLACE_OF.search(text, max(s, a - 6), a) else Hit(a, end, text[a:end])
    return None


def find_claimants(text: str, s: int, e: int, t: CyberTables, story_attrs, entities=(), zh: bool = False) -> list[Hit]:
    """Who speaks in the sentence; those that are the subject of a claim verb come first (extra 'speaks')."""
    out: list[Hit] = []
    for a, b in CyberTables.scan(t.claimant_scan, text, s, e):
        c = t.claimant_of(text[a:b])
        if c is not None:
            out.append(Hit(a, b, text[a:b], c.id, {"type": c.type, "country": c.country, "name": c.name}))
    for m in _ORG_CLAIM.finditer(text, s, e):
        if not overlaps(out, m.start(), m.end()):
            out.append(Hit(m.start(), m.end(), m.group().strip(), "", {"type": "government"}))
    for at in story_attrs:
        if s <= at.start and at.end <= e and not overlaps(out, at.start, at.end):
            out.append(Hit(at.start, at.end, at.text, "", {"type": "media" if at.outlet_id else claimant_type(at.text), "source": at.source}))
    if not zh:
        for m in _CLAIM_VERB_AT.finditer(text, s, e):
            h = _entity_before(text, s, m.start(), entities, ("ORG", "PERSON", "GPE"))
            joint = _JOINT.search(text, max(s, h.start - 60), h.start) if h is not None else None
            if joint is not None:  # "Microsoft and Amazon.com filed ...": one joint claimant, not its parts
                h = Hit(joint.start(), h.end, text[joint.start():h.end])
                out = [o for o in out if not (h.start <= o.start and o.end <= h.end)]
            if h is not None and not overlaps(out, h.start, h.end) and not _BARE.match(h.text):
                out.append(Hit(h.start, h.end, h.text, "", {"type": claimant_type(h.text)}))
        for m in _SAID_BY.finditer(text, s, e):
            n = re.match(rf"(?:the\s+)?{_DESCRIPTOR}?((?:(?-i:[A-Z])[\w'’.&-]*\s+){{0,4}}(?-i:[A-Z])[\w'’.&-]*)", text[m.end():e])
            if n and not _NOT_SUBJECT.match(n.group(1).split()[0]) and not overlaps(out, m.end() + n.start(1), m.end() + n.end(1)):
                a, b = m.end() + n.start(1), m.end() + n.start(1) + len(_no_stop(n.group(1)))
                out.append(Hit(a, b, text[a:b], "", {"type": claimant_type(n.group(1))}))
        for m in _FILED_BY.finditer(text, s, e):  # "lawsuits were filed against X on Thursday by the four major ISPs": the plaintiff
            a, b = m.span("who")
            if not overlaps(out, a, b) and not re.match(r"(?:it|them|him|her|us|you|me|its|their|a|an)\b", m.group("who"), re.I):
                out.append(Hit(a, b, text[a:b], "", {"type": claimant_type(m.group("who")), "speaks": True}))
        for m in _STAFF_AT.finditer(text, s, e):  # "researchers at Mandiant said": the claimant is the organisation
            a, b = m.span(1)
            if _NOT_SUBJECT.match(m.group(1).split()[0]):
                continue
            speaks = _speaks(text, m.end(), e, zh) or _said_by(text, s, m.start())
            c = t.claimant_of(m.group(1))
            kind = c.type if c else "security_firm" if re.search(r"security|anti-?virus", m.group(), re.I) else claimant_type(m.group(1))
            known = next((h for h in out if h.start == a), None)  # named already: it speaks through its staff
            if known is not None:
                kind = known.extra.get("type") if known.extra.get("type") not in (None, "other") else kind
                out[out.index(known)] = Hit(known.start, known.end, known.text, known.value,
                                            {**known.extra, "type": kind, "speaks": speaks, "whole": (m.start(), m.end())})
            elif not overlaps(out, a, b):
                out.append(Hit(a, b, m.group(1), c.id if c else "", {"type": kind, "speaks": speaks, "whole": (m.start(), m.end())}))
        for m in _THE_SPEAKER.finditer(text, s, e):  # "the bank said": the organisation the story spoke of
            if not overlaps(out, m.start(), m.end()) and _speaks(text, m.end(), e, zh):
                out.append(Hit(m.start(), m.end(), m.group(), "", {"type": claimant_type(m.group()), "speaks": True, "refers_back": True}))
    if zh:
        for rx in (_ZH_BY, _ZH_SUBJECT, _ZH_HEADLINE):
            for m in rx.finditer(text, s, e):
                if not overlaps(out, m.start(1), m.end(1)) and not _BARE.match(m.group(1)) and not t.attacker_rx["zh"].fullmatch(m.group(1)):
                    out.append(Hit(m.start(1), m.end(1), m.group(1), "", {"type": claimant_type(m.group(1)), "speaks": True}))
    wholes = [Hit(*h.extra["whole"], "") for h in out if "whole" in h.extra]
    for m in _GENERIC_CLAIMANT.finditer(text, s, e):
        name = _NAME_AFTER.match(text, m.end(), e)
        if name is not None and m.group().split()[-1].islower() and not _NOT_SUBJECT.match(name.group(1).split()[0]):
            # "security firm Mandiant", "junk mail watchdog Spamhaus": the descriptor names the one after it, who claims
            if not overlaps(out, name.start(1), name.end(1)):
                b = name.start(1) + len(_no_stop(name.group(1)))
                out.append(Hit(name.start(1), b, text[name.start(1):b], "", {"type": claimant_type(m.group())}))
            continue
        if not overlaps(out + wholes, m.start(), m.end()):
            who = _APPOSED.search(text, max(s, m.start() - 60), m.start())  # "John Ashcroft, the attorney general of the US,": the named one
            if who is not None and not _NOT_SUBJECT.match(who.group(1).split()[0]) and not overlaps(out, who.start(1), who.end(1)):
                out.append(Hit(who.start(1), who.end(1), who.group(1), "", {"type": claimant_type(m.group())}))
            elif who is None:
                out.append(Hit(m.start(), m.end(), m.group(), "", {"type": claimant_type(m.group())}))
    speaking = [Hit(h.start, h.end, h.text, h.value, {**h.extra, "speaks": True}) if h.extra.get("speaks") or _speaks(text, h.end, e, zh)
                or _said_by(text, s, h.start) else h for h in out if not _TOLD.search(text, max(s, h.start - 12), h.start)]
    # "Microsoft filed nine lawsuits ..., the company said": "the company" is the named speaker before it, not a second claimant
    named = [h.start for h in speaking if h.extra.get("speaks") and h.text[:1].isupper() and not h.extra.get("refers_back")]
    speaking = [h for h in speaking if not (h.extra.get("refers_back") and any(a < h.start for a in named))]
    return sorted(speaking, key=lambda h: (not h.extra.get("speaks"), h.start))


# legal action in the passive with its plaintiff last: "A volley of lawsuits was launched against alleged spammers on Thursday by the
# four major US Internet service providers"
_FILED_BY = re.compile(r"\b(?:lawsuits?|suits?|cases?|complaints?|charges|legal\s+action)\s+(?:[\w-]+\s+){0,2}?(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
                       r"(?:brought|filed|launched|lodged)\s+against\s+[^.;]{1,100}?\s+by\s+(?P<who>(?:the\s+)?(?:[\w'’.&-]+\s+){0,7}?[\w'’.&-]+?)"
                       r"(?=\s*(?:[,;:]|\.(?:\s|$)|$)|\s+(?:on|in|at|for|after|over|because|last|this|earlier|who|which)\b)", re.I)
_JOINT = re.compile(r"(?:^|(?<=[\s\"“]))(?:(?-i:[A-Z])[\w'’.&-]*\s+){0,2}(?-i:[A-Z])[\w'’.&-]*\s+and\s+$")
_STAFF_AT = re.compile(r"\b(?:[Rr]esearchers|[Aa]nalysts|[Ee]xperts|[Ii]nvestigators|[Ss]cientists|[Ss]pecialists|[Ee]ngineers|[Ss]pokes(?:man|woman|person))"
                       r"\s+(?:at|from|with|for|of)\s+(?:the\s+)?(?:(?:security|cybersecurity|anti-?virus|software|research)\s+(?:firm|company|group|vendor)\s+)?"
                       r"((?:[A-Z][\w'’.&-]*\s+){0,4}[A-Z][\w'’.&-]*)")
_THE_SPEAKER = re.compile(r"\b[Tt]he\s+(?:(?:[\w-]+\s+)?(?:bank|company|firm|ministry|agency|department|university|hospital|retailer|exchange|council|"
                          r"operator|carrier|insurer|lender|airline|newspaper|broadcaster|regulator|watchdog|authority|developer|vendor|maker|network|"
                          r"site|service|startup|start-up|group|bureau)|government)\b")


_APPOSED = re.compile(r"(?:^|(?<=[\s\"“]))((?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+){1,3}),\s+(?:the\s+|a\s+|an\s+)?$")
_TOLD = re.compile(r"\b(?:told|telling|tells)\s+(?:the\s+)?$")  # "an official told Reuters": the outlet heard the claim, it did not make it


def _speaks(text: str, end: int, e: int, zh: bool) -> bool:
    if zh:
        return bool(_ZH_CLAIM_VERB.match(text, end, min(e, end + 3)) or re.match(r"[：:]|[^，。；]{0,6}?(?:称|表示|指出|认定|指责)", text[end:min(e, end + 8)]))
    # "Microsoft Corp. filed ...": a company suffix after the name
    m = re.match(r"(?:['’]s?\s+(?:\w+\s+)?(?:researchers|analysts|experts|team|report|investigators|spokes(?:man|woman|person))|,?\s+(?:Corp|Corporation|Inc|Ltd|Co|LLC|plc)\b\.?)?", text[end:e])
    f = _FILLER.match(text, end + (m.end() if m else 0), e)
    return bool(_CLAIM_VERB_AT.match(text, f.end(), e))


def _said_by(text: str, s: int, start: int) -> bool:
    """The claimant at ``start`` follows "according to", "said" ..., or those and a descriptor ("according to security firm X")."""
    return any(m.end() == start or _DESCRIPTOR_RX.fullmatch(text, m.end(), start) for m in _SAID_BY.finditer(text, max(s, start - 80), start))


def _no_stop(name: str) -> str:
    """A name without the sentence's full stop ("... according to Netwatch."); "Corp.", "Inc." and "U.S." keep theirs."""
    if name.endswith(".") and not re.search(r"(?:\b(?:Corp|Inc|Co|Ltd|Jr|Sr|St)|\b[A-Z])\.$", name):
        return name[:-1]
    return name


# a descriptor before a claimant's name: "security firm", "junk mail watchdog", "the company's lawyer"
_DESCRIPTOR = (r"(?:(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:firm|company|group|vendor|watchdog|lawyer|attorney|spokes(?:man|woman|person)|minister|official|"
               r"researcher|expert|analyst|agency|newspaper|magazine|outlet|provider|giant|maker|director|chief|head|general|lab|laboratory|centre|center)\s+)")
_DESCRIPTOR_RX = re.compile(_DESCRIPTOR)
_NAME_AFTER = re.compile(r"\s+((?-i:[A-Z])[\w'’.&-]*(?:\s+(?-i:[A-Z])[\w'’.&-]*){0,3})")


def find_accused(text: str, s: int, e: int, t: CyberTables, zh: bool, entities=()) -> list[Hit]:
    """Actors named as doers by attribution grammar (countries, governments, organisations, people)."""
    out = []
    if zh:
        for m in _ZH_ACCUSE.finditer(text, s, e):
            g = next(i for i in range(1, (m.re.groups or 0) + 1) if m.group(i))
            out.append(Hit(m.start(g), m.end(g), m.group(g), "", {"country": country_of(m.group(g), t)}))
        return out
    for m in _ACCUSE_AFTER.finditer(text, s, e):
        if m.group().rstrip().endswith(" by") and not _ATTACK_BY.match(m.group()) and not _ATTACK_BEFORE.search(text, max(s, m.start() - 60), m.start()):
            continue  # "a survey conducted by X": what X carried out is no attack
        c = _COUNTRY_NP.match(text, m.end(), e) or t.attacker_rx["en"].match(text, m.end(), e)
        people = None if c or not _CHARGE.match(m.group()) else (_PEOPLE_NP.match(text, m.end(), e) or _DOER_AT.match(text, m.end(), e))
        if c is None and people is None and _ACCUSE_OF.match(m.group()):  # "accused the company of installing spyware"
            p = _PEOPLE_NP.match(text, m.end(), e) or _DOER_AT.match(text, m.end(), e)
            people = p if p is not None and re.match(r"\s+of\s", text[p.end():e]) else None
        by = None if c or people else _DOER_AT.match(text, m.end(), e) if _BY_DOER.search(m.group()) else None  # "carried out by a former employee"
        if by is not None and _NAMING.match(text, by.end(), e):
            by = None  # "by a gang known as Midnight Owls": the name is the doer
        c = c or people or by
        x = Hit(c.start(), c.end(), c.group()) if c else _entity_at(text, entities, m.end(), s, e)
        if x is not None:  # the people a charge or a lawsuit names are the doers as reported ("doer")
            out.append(Hit(x.start, x.end, x.text, "", {"country": country_of(x.text, t), "doer": people is not None}))
    for m in _ACCUSE_BEFORE.finditer(text, s, e):
        x = _entity_before(text, s, m.start(), entities, ("ORG", "GPE", "NORP", "PERSON")) or _np_before(text, s, m.start(), t)
        if x is not None:
            out.append(Hit(x.start, x.end, x.text, "", {"country": country_of(x.text, t)}))
    for m in _FROM_COUNTRY.finditer(text, s, e):
        out.append(Hit(m.start(1), m.end(1), m.group(1), "", {"country": country_of(m.group(1), t)}))
    for m in _DOER_DID.finditer(text, s, e):  # "the man, who used the alias Ghost, stole card numbers": the doer as reported
        out.append(Hit(m.start(1), m.end(1), m.group(1), "", {"country": country_of(m.group(1), t), "doer": True}))
    for m in _CHARGED.finditer(text, s, e):  # "a man was charged with hacking ...": the people a charge names, before it
        a, b = m.span("doer")
        out.append(Hit(a, b, m.group("doer"), "", {"country": country_of(m.group("doer"), t), "doer": True}))
    for m in _ALLEGED_DOER.finditer(text, s, e):  # "who alleged that Mr Richter and his accomplices sent billions of spam messages"
        if not _NOT_SUBJECT.match(m.group(1).split()[0]):
            out.append(Hit(m.start(1), m.end(1), m.group(1), "", {"country": country_of(m.group(1), t), "doer": True}))
    return out


_DOER_DID = re.compile(rf"(?:^|(?<=[\s\"“]))((?i:{_DOER_NP}))(?:,[^,;]{{1,80}},)?(?={_DID.pattern})", re.I)
_CHARGE_TAIL = (r"\s+(?i:(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?)?(?:charged|convicted|indicted|sentenced|jailed|arrested|"
                      r"found\s+guilty)(?:\s+on\s+\w+)?\s+(?:with|of|for|over|in\s+connection\s+with|on\s+suspicion\s+of)\s+(?:[\w'’-]+\s+){0,8}?"
                      r"(?:(?:junk|unsolicited|bulk)\s+e-?mails?|(?:violat\w*|break\w*|broke)\s+(?:[\w-]+\s+){0,2}?(?:anti-?spam|anti-?hacking|computer[\s-](?:crime|misuse|fraud)|cyber\w*)\s+(?:laws?|acts?|statutes?)|hack\w*|break\w*\s+into|broke\s+into|writing|creating|spreading|releasing|launch\w*|attack\w*|stealing|infect\w*|"
                      r"defac\w*|spam\w*|phish\w*|computer\s+(?:crimes?|fraud|intrusion|misuse)|cyber\w*|unauthori[sz]ed\s+access))\b")
_CHARGED = re.compile(_DOER_LEAD + _CHARGE_TAIL)


# a named doer an allegation gives: "alleged that Mr Richter and his accomplices sent ...", "accuses X of hacking" is blame grammar
_ALLEGED_DOER = re.compile(r"\b(?:alleg(?:ed|es|e)|claim(?:ed|s)?|accus(?:ed|es|e))\s+(?:that\s+)?((?:Mr|Mrs|Ms|Dr)\.?\s+(?-i:[A-Z])[\w'’-]+|"
                           # "alleged that the defendants exploited ...": the people the allegation names
                           r"the\s+(?:two\s+|three\s+|four\s+|five\s+|\d+\s+)?(?:defendants?|compan(?:y|ies)|firms?|men|suspects|operators?)|"
                           r"(?-i:[A-Z])[\w'’.&-]*(?:\s+(?-i:[A-Z])[\w'’.&-]*){0,3})(?:\s+and\s+(?:his|her|their)\s+(?:accomplices|associates|partners))?"
                           r"\s+(?:had\s+|has\s+|have\s+)?(?:sent|stole|hacked|spread|broke\s+into|attacked|infected|wrote|released|ran|launched|defrauded|exploited|installed|planted|hijacked|used)\b", re.I)


# people named as doers by a charge or an arrest ("charged five Chinese military officers with hacking")
_PEOPLE_NP = re.compile(r"(?:(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:[\w'’.-]+\s+){0,3}?(?:officers|men|man|woman|women|"
                        r"people|individuals|suspects|nationals|citizens|members|teenagers?|boys?|youths?|students?|hackers?|programmers?|brothers|"
                        r"spammers|phishers|scammers|fraudsters|companies|company|firms?|operators?|resellers|defendants|"
                        r"\d+-year-olds?)\b(?:\s+and\s+(?:individuals|companies|people|firms|organi[sz]ations))?")


# the accused denying it: "Smith has denied the charges", "the company denied any wrongdoing", "pleaded not guilty"
_DENIES_OWN = re.compile(r"\s*(?:,[^,]{1,60},\s*)?(?:has\s+|have\s+|had\s+)?(?:(?:denied|denies|deny)\s+(?:any\s+|all\s+|the\s+|these\s+|those\s+)?"
                         r"(?:wrongdoing|charges?|allegations?|accusations?|involvement|responsibility)\b|pleaded\s+not\s+guilty\b|pleads\s+not\s+guilty\b)", re.I)
_NAMING = re.compile(r"\s*,?\s+(?:known\s+as|called|dubbed|calling\s+(?:itself|themselves)|named|going\s+by|that\s+calls\s+itself)\b", re.I)
_ACCUSE_OF = re.compile(r"accus(?:ed|es|ing)\s", re.I)
_BY_DOER = re.compile(r"(?:\bby|\bwork\s+of)\s+$", re.I)
_ATTACK_BY = re.compile(r"(?:hacked|defaced|attacked|breached|compromised|infected|hijacked|broken\s+into)\s", re.I)  # the deed itself, passive
_ATTACK_BEFORE = re.compile(r"\b(?:(?:cyber[\s-]?)?attacks?|hacks?|hacking|breach(?:es)?|intrusions?|campaigns?|operations?|DDoS|infections?|thefts?|"
                            r"raids?|heists?|sabotage|espionage|spying|defacements?|it|they)\b", re.I)
_CHARGE = re.compile(r"(?:charg|indict|prosecut|convict|sentenc|arrest|detain|extradit|lawsuit|suit|legal|complaint|case|court|injunction|restraining|su(?:e|es|ed|ing)\b)", re.I)


def _np_before(text: str, s: int, pos: int, t: CyberTables) -> Hit | None:
    """A country phrase or a qualified attacker phrase ending right before ``pos`` ("Russian military
    intelligence was behind ...", "a Chinese state-sponsored group was responsible ...")."""
    a = max(s, pos - 80)
    for rx in (_COUNTRY_NP, t.attacker_rx["en"], _INTEL_NP, _DOER_AT):
        for m in rx.finditer(text, a, pos):
            if m.end() == pos and not _BARE.match(m.group()):
                return Hit(m.start(), m.end(), m.group())
    return None


_DOER_AT = re.compile(rf"(?i:{_DOER_NP})")  # "a court ruled that the youth had launched the attack"
_INTEL_NP = re.compile(rf"(?:the\s+)?{_COUNTRY_ADJ}\s+(?:[\w-]+\s+){{0,2}}(?:intelligence|military|government|state|hackers)\b")


def _entity_at(text: str, entities, pos: int, s: int, e: int) -> Hit | None:
    """The entity starting at ``pos`` (after an article), else a run of capitalised words there."""
    for x in entities:
        if x.label in ("ORG", "GPE", "NORP", "PERSON") and pos <= x.start <= pos + 12 and x.end <= e:
            return Hit(x.start, x.end, text[x.start:x.end])
    m = re.match(r"(?:the\s+)?((?:(?-i:[A-Z])[\w'’.&-]*\s+){0,3}(?-i:[A-Z])[\w'’.&-]*)", text[pos:e])
    if m and not _NOT_SUBJECT.match(m.group(1).split()[0]):
        return Hit(pos + m.start(1), pos + m.end(1), m.group(1))
    return None


_STATE_NAME = re.compile(r"^(?:the\s+)?(?:China|Russia|Iran|North\s+Korea|South\s+Korea|(?:the\s+)?United\s+States|U\.?S\.?|Britain|U\.?K\.?|Germany|"
                         r"France|Japan|Taiwan|India|Israel|Ukraine|Australia|Canada|Netherlands|Vietnam|Pakistan|Beijing|Washington|Moscow|"
                         r"Tehran|Pyongyang|Seoul|Tokyo|London|Kyiv|Kiev|White\s+House|Pentagon|Kremlin|中国|美国|俄罗斯|朝鲜|韩国|日本|英国|台湾)$")


def claimant_type(name: str) -> str:
    """The claimant's kind from its words: a state (a country speaking, a ministry, police), a security firm, an expert, a researcher."""
    if _STATE_NAME.match(name.strip()) or re.fullmatch(r"[\u3400-\u9fff]{1,2}方", name.strip()):  # 韩方, 美方: a state's side
        return "government"
    low = name.lower()
    if re.search(r"\b(?:court|judge|jury|juries|jurors|magistrate|arbitrator|tribunal)s?\b|法院", low):
        return "court"
    if re.search(r"police|bureau|ministry|department|agency|authorit|government|officials?\b|prosecutor|attorney|court|command|\bfbi\b|\bnsa\b|\bcisa\b|"
                 r"警方|公安|部|局|政府|官员", low):
        return "government"
    if re.search(r"security\s+(?:firm|compan)|anti-?virus|antivirus|安全公司", low):
        return "security_firm"
    if re.search(r"expert|analyst|专家", low):
        return "expert"
    if re.search(r"researcher|研究人员", low):
        return "researcher"
    return "other"


def country_of(phrase: str, t: CyberTables) -> str | None:
    if re.search(r"overseas|foreign|境外|海外|国外", phrase, re.I):
        return None
    for cc, rx in t.countries.items():
        if rx.search(phrase):
            return cc
    return None


def stance_of(sentence: str, t: CyberTables) -> str:
    if t.stance["denies"].search(sentence):
        return "denies"
    if t.stance["hedges"].search(sentence):
        return "hedges"
    return "asserts"


def _span(h: Hit) -> dict:
    return {"start": h.start, "end": h.end, "text": h.text}


# what such actors usually do, not who did this ("state-sponsored groups often pay for zero-days, experts say")
_HABITUAL = re.compile(r"\b(?:often|typically|usually|generally|frequently|routinely|commonly|rarely|seldom|tend\s+to|are\s+known\s+to)\b|往往|通常|一般", re.I)


def _one_name(claims: list[dict], texts: tuple[str, ...] = ()) -> list[dict]:
    """A claimant named short once and in full elsewhere ("Amazon" sues ..., "Amazon.com has filed ...") takes the full name."""
    names = {c["claimant"] for c in claims}
    for c in claims:
        w = c["claimant"].split()
        full = next((n for n in names if n != c["claimant"] and " and " not in n
                     and (n.split()[:len(w)] == w or (len(w) == 1 and n.split()[0].startswith(w[0] + ".")))), None)
        if full is not None:
            c["claimant"] = full
    # a person named with their title ("said Greg Abbott, Texas attorney general") and the title alone elsewhere ("The Texas
    # attorney general said ..."): one claimant, under the form the story gives first
    first = {}
    for c in claims:
        k = c["claimant"]
        if k not in first or c["claimant_span"]["start"] < first[k]["claimant_span"]["start"]:
            first[k] = c
    for c in claims:
        for other, o in first.items():
            core = re.sub(r"^(?:the|a|an)\s+", "", other, flags=re.I)
            if other == c["claimant"] or len(core.split()) < 2 or not c["claimant"][:1].isupper():
                continue
            me, title = re.escape(c["claimant"]), re.escape(core)
            if (o["claimant_span"]["start"] < c["claimant_span"]["start"]
                    and any(re.search(rf"\b{me},\s+(?:the\s+)?{title}\b|\b{title},?\s+{me}\b", x, re.I) for x in (c["basis"]["text"], *texts))):
                c["claimant"], c["claimant_span"], c["claimant_id"] = o["claimant"], o["claimant_span"], o["claimant_id"]
                break
    return claims


def attributions(ss: list, t: CyberTables) -> list[dict]:
    """One claim per (claimant, actor) in a sentence with a claim cue; the stance from that sentence.

    The actor is a threat group, a qualified attacker ("Chinese hackers", not bare "hackers"), the
    accused of blame grammar, or a botnet named beside its claimant.  The claimant is the sentence's
    speaking claimant, else the last speaking claimant of the two sentences before (a claim carried
    on: "It said ...", "The attacks came from ..."), else any claimant it names."""
    out, seen = [], set()
    recent: list[tuple[int, Hit]] = []
    for n, s in enumerate(ss):
        owners = [h for h in s.attackers + s.accused if h.extra.get("owns_up")]  # doers owning up claim their own deed
        # a speaker inside an owning-up doer is that doer ("German" of "an 18-year-old German has confessed")
        speaking = [c for c in s.claimants if c.extra.get("speaks") and not any(o.start <= c.start and c.end <= o.end for o in owners)]
        if speaking:
            recent.append((n, speaking[0]))
        # a class of doers is an actor only where a speaker of this sentence says it did the deed ("Netcraft said hackers had broken in")
        # (and only when no one is named: "the hackers, who called themselves X, ..." name X)
        named = [h for h in s.groups + s.accused + s.attackers if h.extra.get("named") or h.extra.get("specific") or not a_class(h.text)]
        actors = named or [h for h in s.accused + s.attackers if speaking and not _HABITUAL.search(s.text)
                           and (_DID.match(s.text, h.end - s.start) is not None or h in s.accused)]
        if s.claimants:
            actors += [m for m in s.malware if m.extra.get("kind") == "botnet"]
        if not actors or not (s.accused or owners or t.stance["claim"].search(s.text)) or t.stance["modal"].search(s.text) or _HABITUAL.search(s.text):
            continue
        claimants = speaking[:2] or ([] if owners else [next((c for k, c in reversed(recent) if n - k <= 2), None) or (s.claimants or [None])[0]])
        stance = stance_of(s.text, t)
        # a doer owning up claims its own deed even when a speaker reports it ("X pleaded guilty ..., prosecutors said"): two claims
        pairs = [(c, a) for c in filter(None, claimants) for a in _longest(actors)] + [(a, a) for a in owners]
        for claimant, a in pairs:
            if overlaps([claimant], a.start, a.end) and not a.extra.get("named"):
                continue  # a speaker is not the actor of its own claim, unless it owns up
            key = (claimant.text.casefold(), a.text.casefold())
            if key in seen:
                continue
            seen.add(key)
            own = overlaps([claimant], a.start, a.end)
            out.append({
                "claimant": claimant.text, "claimant_id": claimant.value or None,
                "claimant_type": "attacker" if own else claimant.extra.get("type", "other"),
                "claimant_span": _span(claimant), "actor": a.text, "actor_group": a.value if a.value and not a.value.startswith("malware") else None,
                "actor_country": a.extra.get("country"), "actor_span": _span(a), "basis": {"start": s.start, "end": s.end, "text": s.text},
                "stance": stance,
            })
    return _one_name(out, tuple(s.text for s in ss))


# Headlines drop the article and speak in the present tense: "Teen admits writing Sasser worm", "Sasser author pleads
# guilty", "Hackers claim responsibility for ...", "Man charged with hacking ...", "Police arrest teenager over worm",
# "Court convicts man of spreading virus".  What this grammar finds is a claim's actor (a doer owning up claims its own
# deed), never an attacker of the record: the story names its doer in its own words.
_HEAD_DOER = (r"(?:(?!(?:says?|said|claims?|tells?|told|police|courts?|jury|judges?|prosecutors?)\b)[\w.'’-]+\s+){0,2}?(?:teen(?:ager)?s?|man|woman|boys?|"
              r"girls?|youths?|students?|schoolboys?|hackers?|hacktivists?|programmers?|spammers?|suspects?|(?:virus|worm|malware|trojan|spyware|"
              r"[A-Z][\w.-]*)\s+(?:writers?|authors?|creators?|makers?)|\d+-year-olds?)")
_OWN_NOW = (r"(?:(?:confess(?:es)?|admits?)\s+(?:to\s+)?(?:\w+ing|guilt|(?:the\s+)?charges?|(?:the\s+|his\s+|her\s+|their\s+)?(?:role|part)|"
            r"responsibility)|pleads?\s+guilty|owns?\s+up|claims?\s+(?:responsibility|credit)|takes?\s+(?:responsibility|credit)|"
            r"(?:says?|claims?|boasts?)\s+(?:that\s+)?(?:it|they)\s+(?:hacked|attacked|broke\s+into|defaced|knocked|crippled|stole|infected|launched|"
            r"wrote|created|released|shut|took|brought))\b")
_HEADLINE_OWNS_UP = re.compile(rf"(?m:^)(?P<head>(?i:{_HEAD_DOER}))\s+(?i:{_OWN_NOW}|(?:confessed|admitted|pleaded\s+guilty)\b)"
                               rf"|(?:^|(?<=[\s\"“]))(?P<doer>(?i:{_DOER_NP}))\s+(?i:{_OWN_NOW})")
_HEAD_AT = re.compile(rf"(?i:{_HEAD_DOER})\b")  # "Police Arrest Teen Over ...": the doer right after the verb
_HEADLINE_CHARGED = re.compile(rf"(?m:^)(?P<doer>(?i:{_HEAD_DOER}))" + _CHARGE_TAIL)
_CHARGE_NOW = re.compile(r"\b(?:convicts?|arrests?|jails|indicts?|detains?|charges)\s+(?!(?:of|warrants?|records?|against)\b)(?=[^.;]{0,80}?\b(?:with|for|over|of|in\s+connection\s+with|"
                         r"on\s+suspicion\s+of)\b)", re.I)


# Chinese: a doer owning up (18岁少年承认编写震荡波病毒, 黑客组织宣称对攻击负责, 黑客自称入侵了...) and the people an arrest,
# a charge or a sentence names (警方逮捕涉嫌制造病毒的男子, 美国起诉5名中国军官, 法院判处黑客...)
_ZH_DOER = r"(?:少年|男子|女子|青年|大学生|学生|黑客(?:组织|团伙|团体)?|作者|程序员|嫌疑人|嫌犯|员工|军官|成员)"
_ZH_OWNS_UP = re.compile(rf"(?:^|(?<=[，。：；、“”\s])|(?<=称|说)|(?<=表示|指出|透露|证实|通报))((?:(?!称|说|表示|指出|透露|证实|通报)[\u3400-\u9fffA-Za-z0-9]){{0,6}}?{_ZH_DOER})(?:公开|已|日前|近日|也)?(?:宣称|声称|承认|自称|坦承|供认)"
                         r"(?=[^，。；]{0,20}?(?:负责|编写|制造|制作|传播|入侵|攻击|发动|实施|窃取|盗取|篡改|病毒|木马|蠕虫))")
_ZH_CHARGE = re.compile(rf"(?:逮捕|抓获|拘留|刑拘|判处|起诉|指控|控告)(?:了)?(?:涉嫌[^，。；]{{0,16}}?的)?((?:\d+|[一二两三四五六七八九十多])?(?:名|个)?"
                        rf"[\u3400-\u9fffA-Za-z0-9]{{0,6}}?{_ZH_DOER})")


# A named person as the doer in a story's body: "The Justice Department said Smith, 24, hacked into ...", "Jeremy Jaynes was
# convicted of sending junk e-mails"; and malware "written by a German teenager" names its author.
_PERSON_TAIL = re.compile(r"(?:,\s*(?:\d{1,2}|(?:an?|the)\s+[^,;]{1,40}),)?")
_PASSIVE_CHARGE = re.compile(r"\s+(?:was|were|has\s+been|had\s+been|have\s+been)" + _CHARGE_TAIL)
_WRITTEN_BY = re.compile(r"\b(?:was|were|had\s+been|has\s+been|is)\s+(?:\w+ly\s+)?(?:written|created|developed|authored|coded|released|unleashed|spread)\s+by\s+", re.I)
_MALWARE_WORD = re.compile(r"\b(?:worm|virus|trojan|malware|spyware|ransomware|backdoor|botnet|program|code)\b", re.I)


# doers who speak about someone else: "Hackers Claim Mt. Gox CEO ... Held 'Stolen' Bitcoins", "Mt. Gox Chief Stole ..., Hackers Claim"
_DOERS = r"(?:the\s+)?(?:hackers|attackers|hacktivists|intruders)"
_DOERS_SAY = re.compile(rf"(?:^|(?<=[\s\"“]))(?P<who>(?i:{_DOERS}))\s+(?i:claims?|claimed|says?|said|allege[sd]?)\s+(?:that\s+)?(?=[A-Z])")
_DOERS_SAID = re.compile(rf",\s+(?P<who>(?i:{_DOERS}))\s+(?i:claims?|claimed|says?|said|allege[sd]?)\s*[.!]?\s*$")


_WRONG = re.compile(r"\b(?:stole|stolen|steal\w*|theft|fraud\w*|embezzl\w*|hack(?:ed|ing)|faked|lied|hid|stashed|siphon\w*|pocketed)\b", re.I)
_TITLE_VERB = re.compile(r"\s+(?:Held|Holds|Stole|Steals|Hacked|Took|Takes|Faked|Lied|Hid|Stashed|Kept|Is|Was|Has|Had|Owns|Siphoned|Pocketed)\b.*$")


def _doers_speaking(text: str, s: int, e: int, entities) -> list[Hit]:
    """The named one doers say did wrong, with the doers as its claimant (extra 'claimed_by'); a Title Case run is cut
    at its verb ("Mt. Gox Chief Stole ..." -> "Mt. Gox Chief")."""
    found = [(m, _entity_at(text, entities, m.end(), s, e), m.end(), e) for m in _DOERS_SAY.finditer(text, s, e)]
    m = _DOERS_SAID.search(text, s, e)
    if m is not None:
        found.append((m, _entity_at(text, entities, s, s, m.start()), s, m.start()))
    out = []
    for m, x, a, b in found:
        if x is None or not _WRONG.search(text, a, b):
            continue
        cut = _TITLE_VERB.search(x.text)
        end = x.start + (cut.start() if cut and cut.start() > 0 else len(x.text))
        who = Hit(m.start("who"), m.end("who"), m.group("who"))
        out.append(Hit(x.start, end, text[x.start:end], "", {"country": None, "specific": True, "claimed_by": who}))
    return out


def claim_actors(text: str, s: int, e: int, t: CyberTables, zh: bool = False, entities=()) -> list[Hit]:
    """Doers a claim names that the attacker grammar does not take: a headline's doer owning up (extra 'owns_up': it
    claims its own deed) or charged, arrested or convicted, a named person charged or said to have done the deed, the
    author malware was written by.  They are claims' actors only, never attackers of the record."""
    out = []
    if not zh:
        out += _doers_speaking(text, s, e, entities)
        for x in entities:
            if x.label == "PERSON" and s <= x.start and x.end <= e:
                tail = _PERSON_TAIL.match(text, x.end, e)
                if _DID.match(text, tail.end(), e) or _PASSIVE_CHARGE.match(text, tail.end(), e):
                    out.append(Hit(x.start, x.end, text[x.start:x.end], "", {"country": None, "specific": True}))
        for m in _WRITTEN_BY.finditer(text, s, e):
            c = _DOER_AT.match(text, m.end(), e) or _HEAD_AT.match(text, m.end(), e)
            if c is not None and _MALWARE_WORD.search(text, s, m.start()):
                out.append(Hit(c.start(), c.end(), c.group(), "", {"country": country_of(c.group(), t), "specific": True}))
    if zh:
        for m in _ZH_OWNS_UP.finditer(text, s, e):
            out.append(Hit(m.start(1), m.end(1), m.group(1), "", {"country": country_of(m.group(1), t), "named": True, "owns_up": True}))
        for m in _ZH_CHARGE.finditer(text, s, e):
            out.append(Hit(m.start(1), m.end(1), m.group(1), "", {"country": country_of(m.group(1), t), "specific": True}))
        return out
    for m in _DENIES_OWN.finditer(text, s, e):  # "Smith has denied the charges": the accused speaks for itself (stance: denies)
        x = _entity_before(text, s, m.start(), entities, ("PERSON", "ORG"))
        if x is not None and not _BARE.match(x.text) and not _GENERIC_CLAIMANT.fullmatch(x.text):
            out.append(Hit(x.start, x.end, x.text, "", {"country": None, "named": True, "owns_up": True}))
    for m in _HEADLINE_OWNS_UP.finditer(text, s, e):
        g = "head" if m.group("head") else "doer"
        out.append(Hit(m.start(g), m.end(g), m.group(g), "", {"country": country_of(m.group(g), t), "named": True, "owns_up": True}))
    for m in _HEADLINE_CHARGED.finditer(text, s, e):
        out.append(Hit(m.start("doer"), m.end("doer"), m.group("doer"), "", {"country": country_of(m.group("doer"), t), "specific": True}))
    for m in _CHARGE_NOW.finditer(text, s, e):
        c = _PEOPLE_NP.match(text, m.end(), e) or _DOER_AT.match(text, m.end(), e) or _HEAD_AT.match(text, m.end(), e)
        if c is not None:
            out.append(Hit(c.start(), c.end(), c.group(), "", {"country": country_of(c.group(), t), "specific": True}))
    return out
