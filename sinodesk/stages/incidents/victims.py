"""Victims of an incident in one sentence, found from the grammar around attack words.

English: the object of an attack ("attacks on X", "hackers broke into X", "stole data from X",
"knocked X's website offline"), the subject of a passive or of a suffering verb ("X was hit by",
"X's systems were breached", "X suffered a breach", "X said it had been hacked"), and the owner of
an asset ("computers at X", "X's network").  Chinese: X遭(受)...攻击 / X被...入侵, 对X发动攻击,
攻击/入侵X, X的网站遭篡改.  A noun phrase is cut at verbs, clauses and time words; phrases that
name no one ("the attack", "Monday", "their data") are dropped.  Offsets are document offsets.
"""

from __future__ import annotations

import re

from .spans import Hit, dedupe

_ATTACK_N = (r"(?:(?:cyber[\s-]?|ransomware\s+|DDoS\s+|denial[\s-]of[\s-]service\s+|hacking\s+|phishing\s+|malware\s+|online\s+|computer\s+|network\s+|"
             r"espionage\s+|spying\s+|state-sponsored\s+)?(?:attacks?|assaults?|campaigns?|intrusions?|hacks?|breach(?:es)?|operations|raids?|"
             r"infections?|espionage|break-ins?)|DDoS)")
# the victim follows
_V_AFTER = re.compile(
    rf"\b(?:{_ATTACK_N}\s+(?:[\w'’-]+\s+){{0,5}}?(?:on|against|targeting|aimed\s+at|at|that\s+hit|which\s+hit|that\s+targeted|hitting)"
    r"|(?:hack(?:ed|ing|s)?|broke|broken|break(?:s|ing)?|got|sneaked|snuck|gained\s+access|burrowed)\s+into"
    r"|(?:hacking|(?<!\bin\s)breach|compromise|infiltration|takeover(?!\s+of\s+(?:[\w'’-]+\s+){0,3}?(?:firms?|compan(?:y|ies)|makers?|rivals?|business(?:es)?|vendors?|developers?)\b)|defacement|targeting|penetration|hijacking)\s+of"
    r"|(?:knocked|knocking)\s+out|put\s+out\s+of\s+action|took\s+down|taking\s+down|crippl(?:ed|ing)|defac(?:ed|ing)|paraly[sz](?:ed|ing)"
    r"|breach(?:ed|ing)|infiltrat(?:ed|ing)|penetrat(?:ed|ing)|extort(?:ed|ing)|spied\s+on|spying\s+on|compromis(?:ed|ing)|hijack(?:ed|ing)"
    # "this targeting strategy", "our targeting options": a determiner makes it a noun's modifier, not a verb
    r"|(?<!\bthis\s)(?<!\bthat\s)(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bour\s)(?<!\byour\s)(?<!\btheir\s)(?<!\bits\s)(?<!\bad\s)targeting"
    r"|under\s+attack\s+from|infect(?:ed|ing|s)(?=\s+(?:[\w-]+\s+){0,2}(?:computers|machines|systems|networks?|servers|PCs)\s+(?:at|of|belonging\s+to|run\s+by)\s)"
    r"|(?:stole|steal(?:s|ing)?|stolen|siphon(?:ed|ing)?|drain(?:ed|ing)?|exfiltrat(?:ed|ing)|swip(?:ed|ing)|pilfer(?:ed|ing)|lift(?:ed|ing)|leak(?:ed|ing)|"
    r"download(?:ed|ing)|copi(?:ed)|obtain(?:ed|ing)|took|taken)\s+(?:[\w$€£¥,.'’-]+\s+){0,8}?from"
    r"|(?:encrypt|wip|eras|delet|lock|scrambl|corrupt|destroy)(?:s|ed|ing|ped|ping)?\s+(?:[\w'’-]+\s+){0,3}?(?:files|data|records|documents|systems|computers|"
    r"servers|machines|networks?|databases?|drives)\s+(?:on|at|of|belonging\s+to|held\s+by|run\s+by)"
    r"|\bby\s+(?:attacking|targeting|hacking|infecting|compromising|breaching)"
    # "the trojan targets customers of X", "gained access to X's databases", "the virus spread through the network of X"
    r"|(?:worms?|virus(?:es)?|trojans?|malware|hackers|attackers|e-?mails|messages|ransomware|spyware|attacks|intruders|spies)\s+(?:(?:that|which|has|have|had|also|now|"
    r"mainly|mostly|reportedly)\s+){0,2}target(?:s|ed)(?!\s+(?:by|at|for|with)\b)(?!\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:errors?|flaws?|bugs?|holes?|"
    r"vulnerabilit\w+|weakness\w*|Mac|Macs|Windows|Linux|Android|iPhones?|software|operating\s+systems?|browsers?)\b)"  # a platform or a flaw, not a victim
    r"|(?:gained|gaining|got|obtained|won)\s+(?:unauthori[sz]ed\s+|illegal\s+)?access\s+to"
    r"|(?:worms?|virus(?:es)?|trojans?|malware|infection)\s+(?:(?:has|had|have|quickly|rapidly)\s+){0,2}spread\w*\s+(?:through|across|inside|within)"
    r"(?=\s+(?:the\s+)?(?:[\w-]+\s+)?(?:networks?|computers|systems|offices)\s+(?:of|at)\s)"
    # "the worm spread to computers at the Department of Homeland Security": whose machines it reached
    r"|(?:worms?|virus(?:es)?|trojans?|malware|infection|ransomware)\s+(?:(?:has|had|have|also|quickly|rapidly|even|then|later)\s+){0,2}(?:spread\w*|jumped|got|made\s+its\s+way)\s+(?:in)?to"
    r"(?=\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:networks?|computers|machines|PCs|systems|servers|offices)\s+(?:of|at|belonging\s+to|run\s+by)\s)"
    # "flooded the council with bogus traffic": the target of a flood
    r"|(?:flood|swamp|bombard|overwhelm|inundat|delug|hammer|pummel)\w*(?=\s+(?:[\w'’.&-]+\s+){1,6}?with\s+(?:[\w'’.,-]+\s+){0,3}?(?:traffic|requests|data|packets|"
    r"queries|connections|junk|spam|e-?mails|messages)\b)"
    # "hacked the mayor's blog": the owner of what was hacked
    r"|hack(?:s|ed|ing)?(?=\s+(?:[\w.&-]+\s+){0,4}?[\w.&-]+['’]s?\s+(?:[\w-]+\s+){0,2}?(?:accounts?|blogs?|web\s?sites?|sites|e-?mails?|servers?|networks?|"
    r"systems?|computers?|databases?|pages?|profiles?|phones?)\b)"
    # junk mail sent to its recipients: "sending millions of junk e-mails to AOL subscribers"
    r"|(?:send|sent|sending|mail(?:ed|ing)?)\s+(?:[\w,'’-]+\s+){0,6}?(?:spam|junk|unsolicited|phishing|bogus|virus-laden|infected|malicious)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:e-?mails?|messages|texts|mail)\s+to"
    r"|victims?\s+(?:include[sd]?|including|such\s+as)|among\s+the\s+(?:victims|targets)\s+(?:were|was|are|is)"
    # what an attack or malware hit, shut down or affected: "the worm shut down computers at Delta", "the attack affected PayPal customers"
    r"|\b(?:(?:cyber[\s-]?)?attacks?|worms?|virus(?:es)?|malware|ransomware|trojans?|DDoS|intrusions?|breach(?:es)?|hackers|attackers|outbreak)\s+"
    r"(?:(?:also|has|have|had|reportedly|apparently|briefly|temporarily)\s+){0,2}(?:shut|brought|shutting|bringing)\s+down"
    r"|\b(?:(?:cyber[\s-]?)?attacks?|worms?|virus(?:es)?|malware|ransomware|trojans?|DDoS|intrusions?|breach(?:es)?|outbreak)\s+"
    r"(?:(?:also|has|have|had|reportedly|apparently|mainly|mostly)\s+){0,2}(?:affected|affects|affecting|hit|hits|struck|strikes)(?!\s+(?:by|with)\b)"
    # malware written to attack someone: "the worm was programmed to attack the SCO Group's website"
    r"|(?:programmed|designed|set|scheduled|timed|instructed|configured|built)\s+to\s+(?:attack|target|hit|flood|bombard|knock\s+out)"
    # mail sent to whom: "the e-mails were sent to customers of Citibank"
    r"|(?:e-?mails?|messages|texts|letters)\s+(?:(?:were|was|had\s+been|have\s+been|are|is)\s+)?(?:sent|mailed|sent\s+out|delivered)\s+to(?!\s+(?:the\s+)?(?:spam|junk|a\s+server))"
    # a breach that exposed someone's records: "exposed the records of 40 million customers of CardSystems Solutions"
    r"|expos(?:ed|es|ing)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:records|data|details|information|accounts|e-?mails|files|passwords|numbers)\s+of"
    # an attack that slowed or delayed someone's service: "delaying transaction times for hundreds of online retailers",
    # "slowed down searches on Google"
    r"|(?:delay|slow|disrupt|interrupt)\w*\s+(?:down\s+)?(?:[\w'’-]+\s+){0,3}?(?:times?|transactions?|services?|access|payments?|processing|"
    r"searches|traffic|operations|deliveries)\s+(?:for|on|at)(?=\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?[A-Z]|\s+(?:hundreds|thousands|dozens|millions|many|several)\b))\s+", re.I)
# "knocked out cash machines of X and many of those operated by Y": the owners of the same kind of asset, a victim only
# after another victim in the sentence ("servers and many of those operated by the gang were in ..." names no victim)
_SAME_ASSET = re.compile(r"(?:and|as\s+well\s+as)\s+(?:(?:many|some|most|all|several)\s+)?(?:of\s+)?those\s+(?:operated|owned|run|used)\s+by\s+", re.I)
# an attacker (found in the sentence) then one of these verbs: the victim follows
_ACTOR_VERB = re.compile(
    r"[”\"'’]?\s*(?:,[^,]{1,60},\s*)?(?:(?:has|have|had|also|then|later|is|are|was|were|have\s+been|has\s+been|\w+ly)\s+){0,2}"
    r"(?:hit|hits|hitting|struck|strikes|target(?:s|ed|ing)?|attack(?:s|ed|ing)?|took\s+over|take\s+over|taking\s+over|went\s+after|go\s+after|"
    r"lock(?:s|ed)|encrypt(?:s|ed)|infect(?:s|ed|ing)|hack(?:s|ed)|breach(?:es|ed)|disrupt(?:s|ed)|robbed|raided|scammed|duped|tricked)\s+", re.I)
# "hit", unless by something that is no attack ("hit by higher costs")
_HIT = (r"hit(?!\s+(?:by|with)\s+(?!(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:cyber|attack|hack|ransomware|DDoS|breach|malware|virus|worm|"
        r"intrusion|botnet|denial|phishing|spam|trojan)))")
# an attack or flood that disrupted someone's service: "a flood of junk data disrupted Globex Payments' card processing"
_DISRUPTED = re.compile(r"\b(?:attacks?|flood|traffic|data|requests|worms?|virus|hackers?|DDoS|botnets?|malware|ransomware)\b[^.;]{0,40}?\b(?:disrupt|interrupt|crippl|"
                        r"paraly[sz]|halt|hobbl)\w*\s+(?=(?:[\w.&-]+\s+){0,4}?[\w.&-]+['’]s?\s+(?:[\w-]+\s+){0,3}?(?:processing|services?|systems?|networks?|"
                        r"web\s?sites?|sites|servers?|operations|payments|transactions)\b)", re.I)
# "disrupted flights at Delta Air Lines": whose service an attack disrupted
_DISRUPTED_AT = re.compile(r"\b(?:attacks?|worms?|virus|hackers?|DDoS|botnets?|malware|ransomware)\b[^.;]{0,40}?\b(?:disrupt|interrupt|crippl|paraly[sz]|halt|hobbl|"
                           r"delay|ground)\w*\s+(?:[\w-]+\s+){0,2}?(?:flights|services|operations|trains|production|trading|check-?ins?|payments|deliveries)\s+"
                           r"(?:at|of|for)\s+", re.I)
# the victim precedes
_V_BEFORE = re.compile(
    r"(?:['’]s?\s+(?:[\w-]+\s+){0,2}?(?:systems?|networks?|web\s?sites?|sites?|servers?|computers?|e-?mails?|accounts?|databases?|data|files|"
    r"records|infrastructure|services?|platforms?|apps?|portals?|blog|pages?))?"
    r"\s+(?:has|have|had)?\s*(?:been|was|were|is|are|got|get|gets|being)\s+(?:[\w-]+\s+)?(?:hacked|attacked|targeted|" + _HIT + r"|breached|compromised|infected|"
    r"defaced|struck|knocked\s+(?:out|offline)|taken\s+(?:down|offline)|forced\s+(?:offline|off-line|off\s+the\s+(?:internet|web|air))|brought\s+down|crippled|paraly[sz]ed|disrupted|infiltrated|penetrated|"
    r"encrypted|locked|held\s+(?:to|for)\s+ransom|put\s+out\s+of\s+(?:action|service)|"
    r"(?:flooded|swamped|bombarded|overwhelmed|inundated|hammered)(?=\s+(?:with|by)\s+(?:[\w'’.,-]+\s+){0,3}?(?:traffic|requests|data|packets|queries|connections)\b)|hijacked|spied\s+on|extorted|raided|subjected\s+to\s+(?:a\s+)?(?:\w+\s+){0,2}(?:cyber[\s-]?)?attacks?|"
    r"facing\s+(?:[\w-]+\s+){0,2}(?:cyber[\s-]?)?attacks|under\s+(?:cyber[\s-]?)?attack|(?:the|a|an)\s+(?:latest\s+|main\s+|prime\s+|biggest\s+)?"
    r"(?:victims?|targets?)\s+of|among\s+the\s+(?:victims|targets)(?:\s+of)?|among\s+(?:those|the\s+(?:organi[sz]ations|companies|firms|sites))\s+(?:hit|affected|targeted|attacked|infected)|caught\s+up\s+in|swept\s+up\s+in)\b"
    r"|\s+(?:(?:had|have|has)\s+)?(?:received|were\s+sent|was\s+sent|opened|clicked\s+on|were\s+targeted\s+with|got)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:phishing|spear[\s-]?phishing|malicious|booby[\s-]trapped|fake|bogus|fraudulent|scam|infected|rigged)\s+(?:[\w-]+\s+)?(?:e-?mails?|messages|texts|links|attachments|calls)\b"
    r"|\s+(?:struck|hit)\s+by\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:online\s+|cyber[\s-]?)?(?:attack|hack|breach|worm|virus|ransomware)"
    r"|\s+(?:has\s+|had\s+|have\s+)?(?:suffered|suffers|experienced|experiences|endured|endures|sustained|sustains|fell\s+victim\s+to|falls?\s+victim\s+to|became\s+the\s+latest\s+victim\s+of|"
    r"is\s+recovering\s+from|was\s+recovering\s+from|has\s+been\s+(?:dealing|battling|grappling)\s+with|is\s+battling|was\s+hit\s+with|faced|faces)\s+"
    r"(?:an?\s+|the\s+|its\s+|another\s+)?(?:[\w-]+\s+){0,3}?(?:attacks?|breach(?:es)?|hacks?|intrusions?|incidents?|outages?|infections?|compromise|ransomware|DDoS|(?:phishing|online|e-?mail|internet)\s+scams?)\b"
    r"|\s+(?:has\s+|had\s+)?(?:disclosed|confirmed|reported|announced|revealed|admitted|acknowledged)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:data\s+breach|breach|intrusion|hack|cyber[\s-]?incident|security\s+incident|ransomware\s+attack|cyber[\s-]?attack\s+on\s+its)\b"
    r"|\s+(?:said|says|confirmed|admitted|disclosed|announced|acknowledged|told\s+\w+)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|its\s+(?:[\w-]+\s+){0,2}?\w+)\s+"
    r"(?:had|has|have|was|were)\s+(?:been\s+)?(?:hacked|attacked|breached|targeted|" + _HIT + r"|compromised|infected|disrupted|the\s+(?:victim|target)\s+of)\b", re.I)
# headline passives without an auxiliary: "Sony Pictures hacked by ...", "Ministry website defaced"
_BARE_PASSIVE = re.compile(r"\s+(?:hacked|breached|attacked|targeted|defaced|hijacked|knocked\s+offline|taken\s+offline|forced\s+offline|crippled|infiltrated|"
                           r"compromised|paraly[sz]ed|disrupted)\b(?=\s*(?:by|in|after|over|as|amid|again|,|:|;|\.|!|\?|'|\"|$))", re.I)
# a named owner before its asset: "MtGox bitcoin database leaked online"
_OWNER_ASSET = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:database|data|records|files|e-?mails|documents|accounts|servers|systems|networks?|web\s?sites?|computers)\s+(?:(?:was|were|has\s+been|"
    r"have\s+been|had\s+been|is|are|got)\s+)?(?:leaked|stolen|exposed|hacked|breached|compromised|defaced|encrypted|wiped|taken\s+offline|knocked\s+offline)\b", re.I)
# "knocked X's website offline", "took the site down"
_PUT_OFFLINE = re.compile(r"\b(?:knock|took|take|taking|brought|bring|bringing|forc|push|put|shut)(?:ed|s|ing)?\s+((?:[\w'’.&-]+\s+){0,5}?[\w'’.&-]+)\s+"
                          r"(?:offline|off-line|off\s+the\s+(?:internet|web|air)|out\s+of\s+(?:action|service)|down)\b", re.I)
_NP_STOP = {"is", "are", "was", "were", "has", "have", "had", "be", "been", "by", "with", "since", "after", "before", "that", "which", "who", "when",
            "while", "because", "to", "for", "from", "as", "increased", "rose", "grew", "and", "but", "said", "says", "in", "at", "through", "via",
            "using", "during", "this", "over", "into", "it", "they", "its", "their", "if", "so", "than", "up", "out", "not", "will", "could", "would",
            "can", "may", "might", "of", "the", "a", "an", "on", "about", "stating", "showing", "saying", "last", "earlier", "yesterday", "today",
            "overnight", "offline", "down", "until", "where", "whose", "whom", "said", "told", "according", "amid", "despite", "again", "twice",
            "repeatedly", "recently", "later", "too", "also", "yet", "still", "anew", "online", "again.", "worldwide", "globally",
            # a clause about the victims, not a name ("researchers don't say how many have been infected")
            "how", "what", "why", "whether", "say", "know", "do", "does", "did", "don't", "don’t", "doesn't", "doesn’t", "didn't", "didn’t"}
_NP_KEEP = {"of", "the", "a", "an", "in", "and", "or", "outside", "on"}
_ASSET_N = (r"(?:accounts?|web\s?sites?|networks?|systems?|servers?|blog|databases?|computers?|machines|PCs|sites|e-?mails?|infrastructure|offices?|cash\s+machines|ATMs|"
           r"terminals|domain\s+names?|customers|clients|subscribers|account\s+holders|staff|employees|workers)")
_ASSET = re.compile(rf"^(?:(?:the\s+)?(?:[\d,]+\s+)?(?:[\w-]+\s+){{0,2}}{_ASSET_N}\s+(?:of|at|belonging\s+to|run\s+by|used\s+by|operated\s+by)\s+(?:the\s+)?)", re.I)
_ASSET_WORD = re.compile(rf"^{_ASSET_N}$", re.I)
_OWNED = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:accounts?|web\s?sites?|networks?|systems?|servers?|blog|databases?|computers?|machines|PCs|sites|"
                    r"e-?mails?|infrastructure|(?<!post\s)offices?|data|files|records|services?|platforms?|apps?|portals?|pages?|customers|clients|users|staff|"
                    r"employees|processing|operations|payments|transactions)(?=$|\s+(?:at|in|on|with|held)\b)", re.I)  # "Bangladesh Bank's account at the Fed": the owner
# "the agency network", "Pentagon computers": the owner is the noun before the asset
_COMPOUND = re.compile(r"(?<=[\w.])\s+(?:computer\s+)?(?:networks?|systems?|servers?|computers?|web\s?sites?|sites|databases?|e-?mail\s+(?:system|servers?|accounts?))$", re.I)
_TIME = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
                   r"October|November|December|weekend|week|month|year|night|morning|afternoon|evening|\d{1,4}|this|last|next|early|late)\b", re.I)
_WORD = re.compile(r"\d+(?:,\d{3})+|[\w'’.&+]+(?:-[\w'’.&+]+)*|[^\w\s]")  # a double hyphen or a dash ends a word ("customers--rose")
_DET = r"(?:(?:the|these|those|this|that|more|some|many|its|their|his|her|our|your|new|other|such|all|any|each|one|another|a|an)\s+)*"
_GENERIC = re.compile(
    # vague even with modifiers ("vulnerable software systems", "global systems")
    rf"^{_DET}(?:[\d,.]+\s+)?(?:(?:millions?|billions?|thousands?|hundreds?)\s+(?:of\s+)?){{0,2}}(?:(?-i:[a-z])[\w-]*\s+){{0,2}}(?:attacks?|victims?|targets?|users?|computers?|machines|PCs|people|systems?|networks?|data|files|"
    r"documents|information|records|e-?mails?|passwords|accounts?|details|servers?|devices|phones|programs?|software|tools?|products?|consumers|"
    r"flaws?|bugs?|holes?|vulnerabilit(?:y|ies)|patch(?:es)?|exploits?|malware|viruses|worms?|access|control|money|funds|handsets|smartphones|"
    r"tablets|laptops|messages)$"
    # vague only bare ("the site", "companies"; "the compromised news site" names one)
    rf"|^{_DET}(?:site|sites|websites?|companies|company|firms?|organi[sz]ations?|customers|them|it|us|ones?|themselves|itself|him|her|me|you|"
    r"others?|way|part|place|time|these|those|this|that|many|several|few|most|web|internet|net|online|cyberspace)$"
    # a determiner or a count left when the asset is cut ("defaced the website", "thousands of home computers")
    r"|^(?:the|a|an|its|their|this|that|these|those)$|^(?:millions|thousands|hundreds|dozens|scores|tens\s+of\s+thousands)\s+of\s+(?:(?-i:[a-z])[\w-]*\s*){0,2}$"
    # a definite description that points back to a name given before ("the search site", "the payment firm")
    r"|^the\s+(?:(?-i:[a-z])[\w-]*\s+){1,2}(?:site|web\s?site|company|firm|exchange|service|platform|provider|operator)$"
    r"|^\d[\d,.]*$|^(?:previously|specifically|attacks\b.*|the\s+attack\b.*|zero)$|\bzero$"
    # a modifier left when the asset is cut ("home computers", "corporate networks"), or a measure of the trend, not a target
    r"|^(?:home|personal|office|user|users|client|corporate|business|private|public|infected|compromised|vulnerable|unpatched|victim|target|"
    r"windows|internal|critical|key|sensitive|remote|already|now|then|still|even|once|ever|again)$"
    r"|^(?:the\s+)?(?:start|end|beginning|middle|rest|course|first\s+half|second\s+half)\s+of\b"
    r"|^(?:millions|thousands|hundreds|billions|dozens|scores|lots|tens\s+of\s+thousands)$"
    rf"|^{_DET}(?:increase|rise|growth|number|amount|problem|threat|issue|trend|figures?|levels?|percentage|rate|spread|wave|surge|volume|"
    r"share|proportion|total|majority|bulk|scale|cost|damage|risk)s?$"
    # a measure or a count, not a name ("peaked at 10 gigabits per second", "compromised more than 1,000 sites")
    r"|^[\d,.]+\s+(?-i:[a-z])|^(?:more|less|fewer|over|under|nearly|almost|about|around|up|at\s+least)$"
    r"|^(?:(?:on|in|at|last|this|next|early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|the\s+weekend|weekend|(?:this|last|next)\s+(?:week|month|year)|night|morning|today|yesterday)\b"
    r"|^\d+(?:[:.]\d+)?\s*(?:am|pm|a\.m\.|p\.m\.|GMT|hours?|minutes?|days?|weeks?|months?|years?)\b", re.I)
_ADVERB = re.compile(r"\w+ly\b")

# 被指/被控/被曝 (accused of): the subject is the accused, not the attacked
_ZH_V_BEFORE = re.compile(r"(?:遭受?到?|遭遇|遭|受到|(?<![接享感承忍蒙])受(?=[^，。；]{0,10}?(?:攻击|入侵))|被(?!指|控|曝|怀疑|认为|称|疑|判|捕|抓|查|拘|起诉))(?:了)?(?:[\u3400-\u9fffA-Za-z0-9]{0,10}?)(?:黑客|网络)?(?:攻击|入侵|攻陷|攻破|(?<=病毒|黑客|木马|蠕虫)(?:袭击|侵袭)|挂马|劫持|黑|盗|篡改|窃|渗透|勒索|瘫痪|感染)"
                          # X遇袭 / X中招 / X感染病毒: the predicate alone names the victim before it
                          r"|(?<=[\u3400-\u9fffA-Za-z0-9])(?:遇袭|遭袭|中招|感染(?:了)?(?:[\u3400-\u9fff]{0,4}?)(?:病毒|木马|蠕虫|勒索软件))")
_ZH_V_AFTER = re.compile(r"(?:攻击|入侵|攻陷|攻破|(?<=病毒|黑客|木马|蠕虫)(?:袭击|侵袭)|劫持|篡改|渗透|瘫痪)(?:了)?")
# 支付宝用户信息泄露 / CSDN数据库被盗: whose data leaked (a name with a Latin spelling or an organisation's head word)
_ZH_LEAK = re.compile(r"((?:[A-Za-z][A-Za-z0-9.]+(?:网站|网)?|[\u3400-\u9fff0-9]{1,8}(?:网站|网|公司|集团|银行|机构|部门|大学|医院|平台|商城|酒店|宝|通|邮箱))"
                      r")(?:的)?(?:[\d.]+[万亿]?|[数上近逾超]?[十百千万]+)?(?:名|个|位)?(?:用户|客户|会员|玩家|员工)?(?:的)?(?:个人)?(?:数据|信息|资料|账号|帐号|密码|数据库)(?:疑|或|再|已|再次)?(?:遭|被)?(?:泄露|泄漏|外泄|被盗|失窃|被窃|被曝光)")
_ZH_FOR = re.compile(r"针对([\u3400-\u9fffA-Za-z0-9]{2,12}?)的(?:[\u3400-\u9fff]{0,4}?)(?:攻击|入侵|渗透|黑客行动)")  # 针对谷歌的网络攻击
_ZH_AT = re.compile(r"(?:对|向|针对)([\u3400-\u9fffA-Za-z0-9]{2,16}?)(?:的[\u3400-\u9fff]{1,4})?(?:发动|发起|实施|进行|展开|开展)(?:了)?[^，。；]{0,10}?(?:攻击|入侵|渗透)")
_ZH_OF = re.compile(r"(?:加密|窃取|删除|篡改|盗取|破坏|控制|入侵|攻陷|瘫痪|擦除)(?:了)?([\u3400-\u9fffA-Za-z0-9]{2,12}?)的(?:服务器|系统|网站|官网|文件|数据|数据库|电脑|"
                    r"计算机|网络|内网|邮箱|账号|帐号|主页|首页)")
_ZH_HEAD = re.compile(r"[A-Za-z][A-Za-z0-9.]+|[\u3400-\u9fffA-Za-z0-9]{0,8}(?:网站|系统|网络|公司|机构|银行|部门|服务器|数据库|平台|企业|网|大学|中心|政府)")
_ZH_CUT = re.compile(r".*(?:称|说|^传|据悉|据称|确认|报道|核实|揭秘|揭露|曝光|提醒|警告|透露|导致|致使|造成|使得|：|:|，|,|\s|、|“|”|。)")
# 遭攻击或因... / 黑客攻击成为企业最大威胁: a clause or a predicate follows the attack word, not its object
_ZH_CONJ = re.compile(r"(?:或|因|由于|而|并|但|且|致|导致|使|让|成为|是|已|将|会|正|在|日益|越来越|不断|持续|频发|增多|增加|事件|案|手段|威胁|能力|技术|拦截|防御|防范)")
_ZH_TRIM = re.compile(r"(?:一周内|近日|日前|昨日|今日|昨天|今天|再次|再度|曾|已|又|也|均|都|多次|连续|再|频频|屡次|屡|接连|相继|纷纷|疑)+$")
_ZH_OWNER = re.compile(r"的(?:官方)?(?:网站|官网|系统|服务器|网络|数据库|邮箱|账号|帐号|数据|内网|主页|首页|平台|电脑|计算机)$")
_ZH_DOWN = re.compile(r"([\u3400-\u9fffA-Za-z0-9]{2,12}?)(?:的)?(?:电脑|计算机|网络|信息|业务|内部)?(?:系统|网络|网站|服务器|官网|邮箱|平台)(?:全面|一度|大面积|再次)?(?:瘫痪|宕机|中断|崩溃)")
# a count of users or accounts names no one (数十万玩家账号, 大量用户): the counts go to numbers
_ZH_FAULT = re.compile(r"(?:升级|更新|故障|误报|误杀|断电|停电|停机维护|施工)(?:后|时|失败)?(?:导致|致使|造成|使得|引发|令)")
_ZH_GENERIC = re.compile(r"^(?:该|其|这个|此|对方)?(?:域名|网站|官网|服务器|系统|数据库|网络|电脑|计算机|主页|首页)$"
                         r"|^[\d数十百千万亿多余几大量部分众多]*[数十百千万亿多余几大量部分众多个名位台家部](?:的)?(?:服务器|电脑|计算机|主机|网站|设备|手机)$|^(?:[\d数十百千万亿多余几大量部分众多]+(?:个|名|位)?)?(?:的)?(?:网游|游戏|QQ|网银|邮箱|银行)?(?:用户|玩家|网民|账号|帐号|账户|客户|消费者|人|网友)(?:的)?(?:账号|帐号|账户|资料|信息|数据|电脑)?$")
_ZH_STOLE = re.compile(r"(?:盗取|窃取|盗走|偷走|偷取|窃得|盗得)(?:了)?((?:[A-Za-z][A-Za-z0-9.]+|[\u3400-\u9fff]{1,8}(?:网站|网|公司|集团|银行|机构|部门|大学|医院|平台|商城|酒店|政府|部))"
                       r")(?:的)?(?:[\d.]+[万亿]?|[数上近逾超]?[十百千万]+)?(?:名|个|位)?(?:用户|客户|会员|玩家|员工)?(?:的)?(?:个人)?(?:数据|信息|资料|账号|帐号|密码|数据库|文件|邮件)")
_ZH_SPEECH = re.compile(r"(?:称|表示|说|指出|透露|证实|宣布)$")
_ZH_ATTRIB = re.compile(r"被盗(?:的)?([A-Za-z0-9\u3400-\u9fff]{1,10}?(?:账号|帐号|数据|信息|资料))")


def find_victims(text: str, s: int, e: int, zh: bool, entities, actors: list[Hit] = (), products: re.Pattern | None = None) -> list[Hit]:
    """Victim phrases in ``text[s:e]``; ``actors`` are the attackers, groups and malware found in it;
    a phrase ``products`` matches whole is a product with a flaw, not a victim."""
    hits = _zh_victims(text, s, e, entities) if zh else [p for h in _en_victims(text, s, e, actors) for p in _list_parts(text, s, _named(text, h, s, entities))]
    return [h for h in hits if h is not None and not (products and all(products.fullmatch(p) for p in _LIST.split(h.text)))]


_LIST = re.compile(r"\s*(?:,|\band\b|\bor\b|/)\s*")  # "IE8 and IE9": each part a product with the flaw
_NAME = r"(?-i:[a-z]?[A-Z][\w.&'’-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.&'’-]*){0,3})"
_ONE_NAME = re.compile(_NAME)
_NAME_LIST = re.compile(rf"{_NAME}(?:\s*,\s*(?:the\s+)?{_NAME})*,?\s+and\s+(?:the\s+)?{_NAME}")
_NAMES_BEFORE = re.compile(rf"(?:{_NAME}\s*,\s*)+$")
_NAMES_AFTER = re.compile(rf"(?:\s*,\s*(?:the\s+)?{_NAME})*,?\s+and\s+(?:the\s+)?{_NAME}\b")


def _list_parts(text: str, s: int, h: Hit | None) -> list[Hit | None]:
    """'Amazon, eBay and CNN were hit': each named victim of a list of names, its earlier members included."""
    if h is None:
        return [h]
    after = _NAMES_AFTER.match(text, h.end) if _ONE_NAME.fullmatch(h.text) and text[h.end:h.end + 1] == "," else None
    if after:  # "hit Sony, Nintendo and the BBC": the phrase stopped at the first comma
        h = Hit(h.start, after.end(), text[h.start:after.end()])
    if not _NAME_LIST.fullmatch(h.text):
        return [h]
    a = h.start
    before = _NAMES_BEFORE.search(text, s, a - 1 if text[a - 1:a] == " " else a)
    if before and text[a - 1:a] == " ":
        a = before.start()
    return [Hit(m.start(), m.end(), m.group()) for m in _ONE_NAME.finditer(text, a, h.end)]


def _named(text: str, h: Hit, s: int, entities) -> Hit | None:
    """The victim as the extract stage names it: a title-case run after a name is cut ("DeepSeek
    Surge Through ..." -> DeepSeek); "its/their X" is the organisation named before it in the sentence."""
    ents = [x for x in entities if x.label in ("ORG", "GPE", "PERSON", "NORP", "FAC") and s <= x.start and x.end <= h.end]
    if re.match(r"(?:its|their)\s", h.text, re.I):
        before = [x for x in ents if x.end <= h.start and x.label != "PERSON"]
        return Hit(before[-1].start, before[-1].end, text[before[-1].start:before[-1].end]) if before else None
    for x in ents:
        if x.start == h.start and x.end < h.end and re.fullmatch(r"(?:\s+[A-Z][\w'’.-]*)+", text[x.end:h.end]):
            return Hit(x.start, x.end, text[x.start:x.end])
    return h


def _en_victims(text: str, s: int, e: int, actors) -> list[Hit]:
    out: list[Hit] = []
    for m in _V_AFTER.finditer(text, s, e):
        out.append(_np_after(text, m.end(), e))
    for a in actors:
        m = _ACTOR_VERB.match(text, a.end, e)
        if m:
            out.append(_np_after(text, m.end(), e))
    for m in _V_BEFORE.finditer(text, s, e):
        if not _NEGATED.search(m.group()):  # "its systems were not breached"
            out.append(_np_before(text, s, m.start()))
    for m in _WHOSE.finditer(text, s, e):  # "a firm whose outdated software systems were hacked": the firm
        out.append(_np_before(text, s, m.start()))
    for m in _BARE_PASSIVE.finditer(text, s, e):
        h = _np_before(text, s, m.start())
        out.append(h if h is not None and h.start - s <= 2 else None)  # only the sentence's (headline's) subject
    for m in _OWNER_ASSET.finditer(text, s, e):
        h = _np_before(text, s, m.start())
        out.append(h if h is not None and h.text[:1].isupper() else None)
    for m in _SAME_ASSET.finditer(text, s, e):
        if any(h is not None and h.end <= m.start() for h in out):
            out.append(_np_after(text, m.end(), e))
    for rx in (_DISRUPTED, _DISRUPTED_AT):  # whose service an attack disrupted
        out.extend(_np_after(text, m.end(), e) for m in rx.finditer(text, s, e))
    for m in _PUT_OFFLINE.finditer(text, s, e):
        out.append(_np_hit(text, m.start(1), m.end(1)))
    return dedupe([h for h in out if h is not None])


def _np_after(text: str, a: int, e: int) -> Hit | None:
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, a, min(e, a + 160))]
    keep: list[tuple[int, int, str]] = []
    for i, (ts, te, w) in enumerate(toks):
        low = w.lower()
        nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
        if not re.match(r"[\w'’]", w) and w not in ("&",):
            if w in "“”\"" and keep:
                continue
            break
        if low == "to" and keep and keep[-1][2].lower() == "belonging" and len(keep) > 1 and _ASSET_WORD.match(keep[-2][2]):
            keep.append((ts, te, w))  # "websites belonging to the Georgian government": the owner follows
            continue
        if low == "at" and keep and _ASSET_WORD.match(keep[-1][2]):
            keep.append((ts, te, w))  # "computers at Globex Bank": the owner follows
            continue
        if low in _NP_STOP and not (len(w) > 1 and w.isupper()) and not (low in _NP_KEEP and (keep or low in ("the", "a", "an"))):  # "IT staff"
            break
        if keep and w[0].islower() and low.endswith("ed") and low not in ("un-named", "unnamed", "deemed"):
            break
        if keep and (low in ("thousands", "millions", "hundreds", "dozens", "times", "twice", "again") or w[0].islower() and low.endswith("ly")
                     and low not in ("family", "assembly", "supply", "italy")):
            break  # "targeted the Pentagon's networks thousands of times": the phrase ends before the count
        if low == "on" and keep and not nxt[:1].isupper():
            break  # "political candidates on social media platforms": where, not whom
        if low in ("in", "outside", "on") and keep and (keep[-1][2][:1].isupper() or _TIME.match(nxt)):
            break  # "Northwestern Polytechnical University in ...", "banks on Monday": the name ends here
        if low in ("and", "or") and not (nxt[:1].isupper() or nxt.lower() in ("the", "a", "an", "military", "government")):
            break
        keep.append((ts, te, w))
        if len(keep) >= 9:
            break
    while keep and keep[-1][2].lower() in _NP_KEEP | {"deemed", "at"}:
        keep.pop()
    if not keep or all(k[2].lower() in _NP_KEEP for k in keep):
        return None
    return _np_hit(text, keep[0][0], keep[-1][1])


def _np_before(text: str, s: int, b: int) -> Hit | None:
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, s, b)]
    keep: list[tuple[int, int, str]] = []
    i = len(toks) - 1
    j = i - 1 if i >= 0 and toks[i][2].lower() in ("being", "been") else i
    if j >= 0 and toks[j][2].lower() in ("of", "about", "for", "from", "with", "by", "after", "without"):
        return None  # "consumers complained of being targeted": a preposition's object, not the subject of the passive
    if i >= 0 and toks[i][2] == ",":  # an appositive: "a tech company in Guangzhou, South China's ..., was targeted"
        j = i - 1
        while j >= 0 and toks[j][2] != ",":
            j -= 1
        i = j - 1 if j >= 0 else i
    while i >= 0:
        ts, te, w = toks[i]
        low = w.lower()
        owner_at = low == "at" and keep and i > 0 and _ASSET_WORD.match(toks[i - 1][2])  # "computers at Globex Bank were infected"
        if low in ("its", "their") and keep:
            keep.insert(0, toks[i])  # "its fraud squad chief was targeted": the owner is named before (see _named)
            break
        if not owner_at and (not re.match(r"[\w'’]", w) or (low in _NP_STOP and low not in _NP_KEEP)):
            break
        if low in ("the", "a", "an", "its", "their") and keep:
            keep.insert(0, toks[i])  # a determiner ends the phrase ("its fraud squad chief": the owner is named before)
            break
        keep.insert(0, toks[i])
        if len(keep) >= 8:
            break
        i -= 1
    while keep and keep[0][2].lower() in ("of", "in", "and", "or", "on", "at"):
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


_WHOSE = re.compile(r"\s+whose\s+(?:[\w,'’-]+\s+){0,5}?(?:was|were|had\s+been|has\s+been|have\s+been|got)\s+(?:\w+\s+)?(?:hacked|attacked|breached|"
                    r"compromised|infected|targeted|defaced|encrypted|stolen|leaked|hijacked|knocked\s+offline)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never)\b|n[’']t\b", re.I)


_DEMONYM_END = re.compile(r"(?:^|\s)(?-i:[A-Z][a-z]+(?:an|ese|ish|ch|i))$")  # "Israeli", "Chinese", "Korean", "British"
_PRODUCT_END = re.compile(r"\b(?:operating\s+systems?|(?:web\s+)?browsers?|software)\s*$", re.I)


def _np_hit(text: str, a: int, b: int) -> Hit | None:
    """A victim phrase: an asset's owner for "computers at X" / "X's website", trimmed, not generic."""
    if text[b - 1:b] == "." and not re.search(r"\b(?:Inc|Corp|Co|Ltd|[A-Z])\.$", text[a:b]):
        b -= 1  # the sentence's full stop ("attack the SCO Group's website."): the owner's asset ends before it
    m = _ASSET.match(text[a:b])
    if m:
        a += m.end()
        if re.search(r"\bthe\s+$", m.group(), re.I) and not re.search(r"[A-Z\d]", text[a:b]):
            return None  # "the network of the bank": a definite description names no one the story has not named
    whole = b
    if _PRODUCT_END.search(text, a, b):
        return None  # "targeting Apple's Mac OS X operating system": a product, not a victim
    poss = _OWNED.search(text, a, b) or _COMPOUND.search(text, a, b)
    if poss and not (_DEMONYM_END.search(text, a, poss.start()) and not text[poss.start():poss.start() + 1] in "'’"):
        b = poss.start()  # "the ministry's website": the owner; "several Israeli websites" names no owner but the sites
    if re.fullmatch(r"\s*(?:its|their)\s*", text[a:b], re.I):
        b = whole  # "its systems": the owner is named before (see _named), so keep the asset with its pronoun
    phrase = re.sub(r"['’]s?$", "", text[a:b].strip())  # "The ministry's" (website was defaced): the owner
    if phrase.endswith(".") and not re.search(r"\b(?:Inc|Corp|Co|Ltd|[A-Z])\.$", phrase):
        phrase = phrase[:-1]
    if len(phrase) < 2 or _GENERIC.search(phrase) or _ADVERB.match(phrase):
        return None
    return Hit(a, a + len(phrase), phrase)


def _zh_victims(text: str, s: int, e: int, entities) -> list[Hit]:
    out: list[Hit] = []
    ents = [x for x in entities if s <= x.start and x.end <= e and x.label in ("ORG", "GPE", "PRODUCT")]
    for m in _ZH_V_BEFORE.finditer(text, s, e):
        lo = max(s, m.start() - 16)
        near = [x for x in ents if lo <= x.start and x.end <= m.start() and m.start() - x.end <= 3]
        if near and any(y.end == near[-1].start for y in ents):
            near = []  # a model code right after its maker (索尼 | PS3 | 网络遭攻击): the window below reads the whole name
        if near:
            x = near[-1]
            out.append(Hit(x.start, x.end if m.start() - x.end > 1 else m.start(), text[x.start:x.end if m.start() - x.end > 1 else m.start()]))
            continue
        if m.group().endswith("盗") and _ZH_ATTRIB.match(text, m.start() + m.group().index("被")):
            continue  # "被盗iTunes账号": the stolen thing follows (below)
        window = text[lo:m.start()]
        said = _ZH_SPEECH.search(window)
        if said and said.start() >= 2:  # 某公司称遭攻击: the speaker says it was attacked
            window = window[:said.start()]
        cut = _ZH_CUT.match(window)
        a = lo + (cut.end() if cut else 0)
        trim = _ZH_TRIM.search(window)
        b = lo + len(window) - (len(trim.group()) if trim else 0)
        owner = _ZH_OWNER.search(text, a, b)
        if owner and owner.start() - a >= 2:
            b = owner.start()
        if b - a >= 2:
            out.append(Hit(a, b, text[a:b]))
    # 韩国银行和电视台电脑系统瘫痪 (whose systems went down), 对X发动攻击; X的服务器, 被盗X账号; 支付宝用户信息泄露 (whose data leaked)
    for rx, cut in ((_ZH_DOWN, True), (_ZH_AT, True), (_ZH_OF, False), (_ZH_ATTRIB, False), (_ZH_LEAK, True), (_ZH_STOLE, True), (_ZH_FOR, True)):
        for m in rx.finditer(text, s, e):
            a, b = m.span(1)
            if rx is _ZH_DOWN and _ZH_FAULT.search(text, max(s, a - 12), b):
                continue  # 杀毒软件升级导致X系统瘫痪: a fault took the system down, not an attack
            c = _ZH_CUT.match(text, a, b) if cut else None
            a = c.end() if c else a
            if b - a >= 2 or not cut:
                out.append(Hit(a, b, text[a:b]))
    for m in _ZH_V_AFTER.finditer(text, s, e):
        x = next((x for x in ents if x.start == m.end()), None)  # 攻击索尼: a named organisation or place right after
        h = None if _ZH_CONJ.match(text, m.end()) else _ZH_HEAD.match(text, m.end(), min(e, m.end() + 14))
        if x is not None and (h is None or h.end() <= x.end):
            out.append(Hit(x.start, x.end, text[x.start:x.end]))
        elif h and h.end() - h.start() >= 2:
            owner = _ZH_OWNER.search(h.group())  # 篡改了X的网站首页: X
            b = h.start() + (owner.start() if owner and owner.start() >= 2 else len(h.group()))
            out.append(Hit(h.start(), b, text[h.start():b]))
    out = [Hit(h.start, h.end - len(m.group()), h.text[:-len(m.group())]) if (m := _ZH_SPEECH.search(h.text)) and len(h.text) - len(m.group()) >= 2 else h
           for h in out]  # 谷歌称遭...攻击: the speaker is the victim, without its verb
    return dedupe([h for h in out if not _ZH_GENERIC.match(h.text)])
