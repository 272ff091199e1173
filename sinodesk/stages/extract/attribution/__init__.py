"""Attributions: who a story says its information comes from, with the cue that says so.

Counted: *named* sources -- people, organisations, outlets, governments, platforms -- that
a cue ties to the information: "according to X", "X said / told / reported / announced
...", "said X", "told the Global Times", "in an interview with X", "data from X", "a study
by X", "Source: X, date" lines (and numbered source lists, bare "X, date" lines), Chinese
据X报道 / X称 / X表示.  Unnamed sources ("an official said", "the report notes") are not
attributions here: there is nothing an analyst could look up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..entities import GazMatch
from ..gazetteer import Gazetteer
from ..outlets import OutletRegistry
from ..dates import MONTHS, WEEKDAYS
from ..names import PERSON_TITLES, common_words, strip_titles
from .cues import (_ROLE_NOUNS, _ACCORDING, _ACCORDING_KEYS, _DATA_FROM, _HAS_HAN, _HEAD_CUE, _INTERVIEW, _INTERVIEW_KEYS, _OBJECT_GAP,
                   _OK_LABELS, _ZH_AFTER, _ZH_DATELINE, _ZH_JU, _ZH_JU_CUE_AT, _ZH_LEARNT_FROM, _ZH_LEAD, _ZH_PREPOSITIONS, _adverbs_start,
                   _appositive_gap, _capseq_after, _cue_verbs, _data_from_possible, _present, _said_before_name,
                   _sentence_bounds, _MEDIA_WORDS, _ZH_COLON_AFTER, _ZH_DATE_DISPATCH, outlet_after_told,
                   company_tail, person_after_role, progressive_start, who_subject_end)
from .frames import (SourceLine, cut_name_end, find_credits, find_dateline, find_outlet_mentions, find_source_lines,
                     title_case_headline_end)
from .speakers import (_body_after_role, _canonical_source, _coordinated_person, _Ents, _listed_before, _object_of_preposition, _organisation_of_role, _owned_body,
                       _person_after_possessive_role, _person_before_affiliation, _subject_of_participle,
                       _zh_gap_subject)

__all__ = ["AttrHit", "SourceLine", "find_attributions", "find_credits", "find_dateline", "find_outlet_mentions",
           "find_source_lines", "title_case_headline_end"]


@dataclass(frozen=True, slots=True)
class AttrHit:
    start: int
    end: int
    source: str
    cue: str
    outlet_id: str | None
    canonical: str | None = None


def find_attributions(
    text: str,
    s0: int,
    e0: int,
    ents: list[GazMatch],
    gaz: Gazetteer,
    reg: OutletRegistry,
    source_lines: list[SourceLine] | None = None,
) -> list[AttrHit]:
    """Attributions in ``text[s0:e0]``; ``source_lines`` (from find_source_lines) if already found."""
    scan = _Scan(text, s0, e0, _Ents(ents), gaz, reg)
    scan.according_to()
    scan.interviews_and_data()
    cues = _cue_verbs(text, s0, e0)
    scan.speech_verbs(cues)
    scan.said_before_name(cues)
    if not text.isascii() and _HAS_HAN.search(text, s0, e0) is not None:
        scan.chinese()
    scan.headline_cues()
    lines = source_lines if source_lines is not None else find_source_lines(text, s0, e0)
    if not lines and text.find(":", s0, min(e0, s0 + 120)) >= 0:
        scan.headline_colon()  # (a digest's "LTN: Alibaba to Lay Off ..." over a "Source: LTN" line names the outlet it credits)
    if not lines and (text.find(" -", s0, min(e0, s0 + 130)) >= 0 or text.find(" \u2013", s0, min(e0, s0 + 130)) >= 0
                      or text.find(" \u2014", s0, min(e0, s0 + 130)) >= 0):
        scan.headline_dash()
    for sl in lines:
        if _PAGE_STAMP.match(sl.name) is None:  # (not "Posted: Thursday, July 29, 2004": the page's time stamp dates the story, names no source)
            scan.add(sl.start, sl.end, "Source:", gaz.lookup(sl.name))
    return _dedupe(scan.hits)


class _Scan:
    """One story's attribution scan: each method finds one kind of cue and adds its sources."""

    def __init__(self, text: str, s0: int, e0: int, index: _Ents, gaz: Gazetteer, reg: OutletRegistry):
        self.text, self.s0, self.e0, self.index, self.gaz, self.reg = text, s0, e0, index, gaz, reg
        self.hits: list[AttrHit] = []
        self.head_end = title_case_headline_end(text, s0, e0)

    def add(self, s: int, e: int, cue: str, canonical: str | None) -> None:
        if canonical is None or canonical.startswith("person:"):
            for t in _PEER_TITLES:  # "Lord Nicholls said": a peer's title is part of the name
                if self.text.endswith(t, self.s0, s):
                    s -= len(t)
                    break
        if self.text.endswith(("'s", "’s"), s, e) and e - s > 3 and not self.text.startswith(" ", e - 3):
            # a possessive read into a name ("Mr Tanzi's statement said"): the name is the source, and a canonical
            # made from the possessive ("Tanzis") is no name
            e -= 2
            if canonical is not None and _squash(self.gaz.display(canonical)) == _squash(self.text[s : e + 2]):
                canonical = self.gaz.lookup(self.text[s:e])
        if self.text.endswith((" MP", " MEP", " QC", " MSP"), s, e) and self.text.count(" ", s, e) >= 2:
            whole, e = e, self.text.rfind(" ", s, e)  # "David Price MP said": the post-nominal is no part of the name
            if canonical is not None and _squash(self.gaz.display(canonical)) == _squash(self.text[s:whole]):
                canonical = self.gaz.lookup(self.text[s:e])
        if self.text.endswith((" News", " Radio", "BBC"), s, e):
            ch = _CHANNEL_AFTER.match(self.text, e, min(self.e0, e + 12))
            if ch is not None:
                e = ch.end()  # "told BBC News 24", "BBC Radio 5 Live": the channel is part of the outlet's name
        if s > self.s0 and "\u4e00" <= self.text[s - 1] <= "\u9fff" and self.text.endswith(_ZH_PUBLIC_BODY_ENDS, s, e):
            place = self.index.before(s, self.text)
            if place is not None and place.label == "GPE" and place.end == s:
                # "北京市交通委", "湖南省卫健委": a public body with its place before it is one name, the place read apart
                s, canonical = place.start, self.gaz.lookup(self.text[place.start : e])
        source, oid = _canonical_source(self.text[s:e], canonical, self.gaz, self.reg)
        self.hits.append(AttrHit(s, e, source, cue, oid, canonical))

    def according_to(self) -> None:
        """"according to (a noun phrase) X"; an unknown capitalised name after it counts too."""
        text, s0, e0 = self.text, self.s0, self.e0
        for m in _ACCORDING.finditer(text, s0, e0) if _present(text, s0, e0, _ACCORDING_KEYS) else ():
            _, send = _sentence_bounds(text, m.end(), s0, e0)
            limit = min(send, m.end() + 90)
            ent = _owned_body(text, self.index.after(text, m.end(), limit, allow_gap=True), self.index)
            if ent and ent.label in ("ORG", "GPE") and text.startswith(" ", ent.end):
                person = person_after_role(text, ent.end + 1, min(send, ent.end + 50), self.index)
                if person is not None:  # "according to Siemens spokesman Peter Okafor", "according to Henry County Prosecutor Joe Bergacs"
                    self.add(person.start, person.end, "according to", person.canonical)
                    continue
            if ent and ent.label == "GPE" and _LOWER_WORD_AFTER.match(text, ent.end) is not None:
                continue  # "according to a Texas prison statement": the place only says whose statement
            if ent:
                self.add(ent.start, ent.end, "according to", ent.canonical)
                self.joined_body(ent, "according to")
                continue
            doc = _DOCUMENT_BY.match(text, m.end(), limit)  # "according to a new report by IPVM"
            p = doc.end() if doc else m.end()
            kind = _KIND_BEFORE_NAME.match(text, p, limit) if doc is None else None  # "according to oil industry analysts Douglas-Westwood"
            if kind is not None:
                p = kind.end()
                body = self.index.at(p)
                if body is not None and body.label in ("ORG", "PERSON") and text[body.end : body.end + 1] in _NAME_CLOSE:
                    self.add(body.start, body.end, "according to", body.canonical)
                    continue
                run = _capseq_after(text, p, limit)
                if body is not None or run is None or text[run[1] : run[1] + 1] not in _NAME_CLOSE:
                    continue  # ("according to analysts Nielsen/NetRatings", a name run on into the next sentence: no clean name)
            if doc is not None:
                role = _ROLE_GAP.match(text, p, limit)  # "a recent report by analysts Screen Digest", "a study by research firm Gartner"
                p = role.end() if role is not None else p
                body = self.index.after(text, p, limit, allow_gap=True)  # "figures released on Tuesday by the Office for National Statistics"
                if body is not None and body.label in ("ORG", "PERSON"):
                    self.add(body.start, body.end, "according to", body.canonical)
                    self.joined_body(body, "according to")
                    continue
            span = _capseq_after(text, p, limit) if m.start() >= self.head_end else None  # not "According to Officials and Scholars"
            if span and _NOT_SOURCE_WORD.match(text, span[0]) is not None:
                span = None
            if span:
                end = cut_name_end(text, *span)
                last = text[text.rfind(" ", span[0], end) + 1 : end - 1]
                if text[end - 1 : end] == "." and "." not in last and last not in ("Corp", "Inc", "Co", "Ltd", "Jr", "Sr", "Bros"):
                    end -= 1  # "a report by WWF.": the sentence's full stop
                self.add(strip_titles(span[0], text[span[0] : end])[0], end, "according to", None)  # "Officer Michelle Tannehill"

    def joined_body(self, ent: GazMatch, cue: str) -> None:
        """The second of two bodies a document is credited to ("a study by researchers from the University of Utah and
        Harvard", "according to figures from the IMF and the World Bank"): an organisation right after "and (the)"."""
        text = self.text
        if ent.label != "ORG" or not text.startswith(" and ", ent.end):
            return
        p = ent.end + 5
        other = self.index.at(p) or (self.index.at(p + 4) if text.startswith("the ", p) else None)
        if other is not None and other.label == "ORG" and text[other.end : other.end + 1] in (".", ",", ";", ":", "", " ", "\n") and not text.startswith(
                ("'s", "’s"), other.end):
            self.add(other.start, other.end, cue, other.canonical)

    def interviews_and_data(self) -> None:
        """"in an interview with X", "data from X", "a study by X"."""
        text, s0, e0 = self.text, self.s0, self.e0
        for rx, interview, possible in ((_INTERVIEW, True, _present(text, s0, e0, _INTERVIEW_KEYS)),
                                        (_DATA_FROM, False, _data_from_possible(text, s0, e0))):
            for m in rx.finditer(text, s0, e0) if possible else ():
                _, send = _sentence_bounds(text, m.end(), s0, e0)
                ent = _owned_body(text, self.index.after(text, m.end(), min(send, m.end() + 60), allow_gap=True), self.index)
                cue = _CUE_THE_END.sub("", m.group().strip())  # the cue as written ("interview with", "announced by"), no article
                if interview and cue[1:] == "peaking to" and (ent is None or ent.label != "PERSON"):
                    self.told_outlet(m.start() + len(cue), cue)  # as "told Z": the outlet spoken to, not an audience ("Speaking to Parliament")
                    continue
                if cue.endswith(_PASSIVE_AGENT_CUES) and (ent is None or (ent.label in ("ORG", "GPE") and text.startswith(" ", ent.end))):
                    p = m.end() if ent is None else ent.end + 1
                    person = person_after_role(text, p, min(send, p + 50), self.index)
                    if person is not None:  # "announced by Interior Secretary Dirk Kempthorne": the person after the body's role
                        self.add(person.start, person.end, cue, person.canonical)
                        continue
                if ent and cue.endswith("confirmed by") and (_NOT_CONFIRMED_YET.search(text, max(s0, m.start() - 20), m.start()) is not None
                                                             or text[ent.start : ent.end] in _LEGISLATURES):
                    continue  # "must first be confirmed by the Senate", "If confirmed by ...": an appointment, not information
                if ent:
                    self.add(ent.start, ent.end, cue, ent.canonical)
                    self.joined_body(ent, cue)
                elif not interview and m.start() >= self.head_end:  # "says a report from analysts Gartner.", "data from Kantar Worldpanel"
                    role = _ROLE_GAP.match(text, m.end(), min(send, m.end() + 40))
                    span = _capseq_after(text, role.end() if role is not None else m.end(), min(send, m.end() + 60))
                    if span and self.index.at(span[0]) is None and _NOT_SOURCE_WORD.match(text, span[0]) is None and text[span[1] : span[1] + 1] in (".", ",", ";", ":", " ", ""):
                        end = cut_name_end(text, *span)
                        if text[end - 1 : end] == "." and text[span[0] : end - 1].rsplit(" ", 1)[-1] not in ("Corp", "Inc", "Co", "Ltd"):
                            end -= 1
                        if end - span[0] > 2:
                            self.add(span[0], end, cue, self.gaz.lookup(text[span[0] : end]))

    def speech_verbs(self, cues: list[tuple[int, int, str]]) -> None:
        """"X said", "X, a professor at Y, said", "X told (the outlet) Z"."""
        text, s0, e0, index = self.text, self.s0, self.e0, self.index
        for c_start, c_end, verb in cues:
            if verb in _PUBLISHING and _DOCUMENT_AFTER.match(text, c_end, min(e0, c_end + 60)) is None:
                continue  # "Google has released a trial tool", "Labour has unveiled the four little words": an act, not a statement
            if verb.endswith("ing") and _NOUN_DETERMINER_BEFORE.search(text, max(s0, c_start - 24), c_start) is not None:
                continue  # "The IAAF sent an official warning", "the reporting of": a noun, not a participle
            if verb == "added" and _ADDED_THING.match(text, c_end) is not None:
                continue  # "Hodgson converted and added a penalty", "Yahoo added a search feature": an act, not a statement
            if verb in ("told", "tells") and _TOLD_TALE.match(text, c_end) is not None:
                continue  # "Wolf Brother tells the story of Torak": narrating, not reporting
            if verb in ("told", "tells"):
                self.told_outlet(c_end)  # the outlet told is a source whoever the speaker turns out to be
            pos = _adverbs_start(text, max(s0, c_start - 120), c_start)
            pos = progressive_start(text, max(s0, c_start - 120), pos, verb)
            sent_start, _ = _sentence_bounds(text, c_start, s0, e0)
            name_end = None
            cpos, cend = company_tail(text, max(s0, c_start - 120), pos)  # (not from sent_start: "Corp. " reads as a full stop)
            if cpos != pos and index.before(pos, text) is None:  # "Microsoft Corp. Tuesday said", "Nike Inc. (NKE.N: ...) on Monday reported"
                pos, name_end = cpos, cend
            if text.endswith(") ", s0, pos) and index.before(pos, text) is None:
                acronym = _ACRONYM_BRACKET_BEFORE.search(text, max(s0, pos - 14), pos)
                named = index.before(acronym.start(), text) if acronym is not None else None
                if named is not None and _OBJECT_BEFORE.search(text, max(s0, named.start - 10), named.start) is None:
                    pos = acronym.start()  # "the British Bankers Association (BBA) said": the name before its acronym (not "X, from the CEA (CEA) told")
            ent = index.before(pos, text)
            if ent is not None and text.endswith(("'s", "’s"), ent.start, ent.end) and ent.end - ent.start > 3:
                ent = None  # "Mr Houston's reported views": a possessive read into the name modifies what follows
            if ent is None and text.endswith(_POST_NOMINAL_ENDS, max(s0, pos - 6), pos):
                ent = index.before(text.rfind(",", s0, pos), text)  # "Judge Richard Mawrey, QC told the hearing"
                ent = ent if ent is not None and ent.label == "PERSON" else None
                if ent is None:
                    continue
            if name_end is not None and ent is None:
                m = _COMPANY_NAME_BEFORE.search(text, max(s0, pos - 60), pos)
                if m is not None and m.group(1).split()[0] not in _NOT_OPENERS:
                    self.add(m.start(1), name_end, verb, None)
                    continue
            if ent is not None and pos == c_start and verb.endswith("ing") and verb != "saying" and _NOUN_AFTER.match(text, c_end) is not None:
                continue  # "One Napa County reporting station": a participle right after a name modifies a noun
            if ent is not None and pos == c_start and verb.endswith("ing") and verb != "saying" and _PREPOSITION_BEFORE.search(text, max(s0, ent.start - 9), ent.start):
                continue  # "unavailable via API reporting": the name is a preposition's object, not the participle's subject
            if ent is None and verb == "saying" and text.endswith(" as ", s0, pos):
                ent = index.before(pos - 4, text)  # "Xinhua quoted Wang Yi as saying", "reported BaFin as saying"
                quoted = _PASSIVE_QUOTED.search(text, max(s0, pos - 24), pos) if ent is None else None
                if quoted is not None:  # "Peter Smith was quoted as saying"
                    ent = index.before(quoted.start(), text)
                    ent = ent if ent is not None and ent.label in ("PERSON", "ORG") else None
            if ent is None or ent.label != "PERSON":
                ent = _person_before_affiliation(text, max(s0, sent_start), pos, index) or ent
                body = _body_after_role(text, max(s0, sent_start), ent, index)
                if body is not None:
                    self.add(body.start, body.end, verb, body.canonical)
                    continue
            if ent is None:
                who = who_subject_end(text, max(s0, sent_start), pos)
                ent = index.before(who, text) if who is not None else None
            participle = verb.endswith("ing")
            if ent is None and participle:
                ent = _subject_of_participle(text, max(s0, sent_start), pos, index)
            inverted = verb in _SAID_AFTER_SPEAKER and (_INVERTED_SUBJECT.match(text, c_end) is not None or _named_after(text, c_end, index))
            if ent is None and text[max(s0, pos - 20) : pos].rstrip().endswith((",", ")")) and not inverted:
                # (not "..., said the newspaper": the speaker follows the verb)
                ent = index.appositive_subject(text, sent_start, pos, org_role=not participle)
                if ent is not None and participle and text[ent.end : pos].strip() == ",":
                    ent = None  # "... would usurp Mr Milburn, adding": a participle's subject is the clause's, not an object's
                if ent is not None and _object_of_preposition(text, ent.start, s0):
                    ent = None  # "Amitai Etzioni, a key influence on New Labour thinking, says": the name inside the appositive
                if ent is not None and text.endswith((" of ", " of the "), s0, ent.start) and ent.start > sent_start + 1:
                    ent = None  # "The leader of Sinn Fein, ..., the political ally of the Irish Republican Army (IRA), said": inside the appositive
                if ent is None:
                    span = _unlisted_appositive_subject(text, max(s0, sent_start), pos, self.gaz)
                    if span is not None:
                        self.add(span[0], span[1], verb, None)
                        continue
            if ent is None and not participle and verb in _LONE_NAME_VERBS:
                ent = self.unclosed_appositive(max(s0, sent_start), pos)  # "Robert McFarlane, an assistant state attorney general said"
            if ent is None and not participle and text[max(s0, pos - 4) : pos].rstrip()[-1:] in _DASHES:
                ent = self.dash_appositive(max(s0, sent_start), pos)  # "Lord Bingham - a senior law lord - said"
            if ent is None:
                ent = _organisation_of_role(text, max(s0, sent_start), pos, index)
            if ent is None and not participle:
                m = _ACRONYM_ROLE.search(text, max(s0, sent_start, pos - 50), pos)  # "An SFA spokesman said", "a METI official said"
                if m is not None and m.group(1) not in _NOT_ACRONYMS and index.at(m.start(1)) is None:
                    self.add(m.start(1), m.end(1), verb, self.gaz.lookup(m.group(1)))
                    continue
            if ent is None and not participle and verb in _LONE_NAME_VERBS and text.endswith((" and ", " but "), s0, pos):
                ent = self.coordinated_subject(max(s0, sent_start), pos - 5)  # "Methat Shalaby welcomed the apology and said"
            if ent is None and not participle and verb not in _FINDING and verb not in _PUBLISHING:
                # a name opening the sentence is the name model's to read, unless a day stands between it and the cue
                # ("Six Flags late Monday reported") or it ends in a company word ("US Airways said")
                opening_ok = _DAY_BETWEEN.search(text, pos, c_start) is not None
                span = _unlisted_name_before(text, max(s0, sent_start), pos, opening_ok)
                if span is not None:
                    self.add(span[0], span[1], verb, None)
                    continue
                if verb in _LONE_NAME_VERBS:
                    lone = self.lone_name_before(max(s0, sent_start), pos)
                    if lone is not None:
                        self.add(lone[0], lone[1], verb, lone[2])
                        continue
            if ent is not None and verb in _FINDING and (ent.label != "ORG" or _REFLEXIVE_AFTER.match(text, c_end) is not None):
                continue  # "Rodriguez showed him three guns", "China showed no letup", "the department found itself": not reporting
            if ent is not None and text.startswith(" by ", c_end) and verb.endswith("ed"):
                continue  # "the sum from the UK Treasury announced by Chancellor Gordon Brown": a passive participle after its object
            if ent is not None and text[ent.start : ent.end] in _POST_NOMINALS and text.endswith(", ", s0, ent.start):
                person = index.before(ent.start - 2, text)  # "Judge Richard Mawrey, QC told the hearing"
                ent = person if person is not None and person.label == "PERSON" else None
            if ent is not None and name_end is not None and ent.end == pos and ent.label == "ORG":
                self.add(ent.start, name_end, verb, ent.canonical)  # the name with its suffix, as written
                continue
            if ent is not None and ent.label != "PERSON" and _LAW_NAME.match(text, ent.start, ent.end) is not None:
                continue  # "Germany's Securities Trading Act says": a law's text, not a speaker (but "Jude Law said" is a person)
            if ent is not None and ent.label == "FAC" and text[ent.start : ent.end] in _SEATS_OF_GOVERNMENT:
                ent = GazMatch(ent.start, ent.end, ent.canonical, "ORG")  # "Downing Street said": the office that sits there speaks
            if ent is not None and ent.label in _OK_LABELS and not _object_of_preposition(text, ent.start, s0) and not (
                    text[ent.end : pos].strip() == "" and _object_of_for(text, ent, s0, index)):
                self.add(ent.start, ent.end, verb, ent.canonical)
                other = _coordinated_person(text, ent, index)
                for _ in range(4):  # (and the names listed before it: "Toyota, Honda and Nissan said")
                    if other is None:
                        break
                    self.add(other.start, other.end, verb, other.canonical)
                    other = _listed_before(text, other, index)
            elif ent is not None and not participle and verb in _LONE_NAME_VERBS and text[ent.end : pos].strip() == "":
                # the name before the cue ends an appositive left open ("Peter Misselbrook, executive partner of Tods Murray
                # said"): the person opening the sentence speaks
                lead = self.unclosed_appositive(max(s0, sent_start), pos)
                if lead is not None and lead.end < ent.start:
                    self.add(lead.start, lead.end, verb, lead.canonical)

    def lone_name_before(self, lo: int, pos: int) -> tuple[int, int, str | None] | None:
        """(start, end, canonical) of one capitalised word no model read as a name, right before the cue: the
        surname of a person the story named in full ("Brennan added"), a peer ("Lord Nicholls said"), or a word
        English does not write in lower case ("Last month Wenger said", "McIlroy said", "Ofcom says")."""
        text = self.text
        m = _LONE_WORD_BEFORE.search(text, max(lo, pos - 40), pos)
        if m is None:
            return None
        word, ws, we = m.group(2), m.start(2), m.end(2)
        if word in _NOT_OPENERS or _NOT_LONE.fullmatch(word) is not None:
            return None
        title = m.group(1)
        if title and title.rstrip(". ") not in _PEERAGE:
            ws = m.start(2)  # "Mr Wenger said": the name without the honorific
        elif title:
            ws = m.start(1)  # "Lord Nicholls said": a peer's title is part of the name
        person = self.surname_of(word)
        if person is not None:
            return ws, we, person.canonical
        before = text[max(lo, m.start() - 16) : m.start()]
        opening = m.start() <= lo + 1 or before.rstrip().endswith(('"', "“", ":", "—", "–", "--", "- "))
        if not title and _FUNCTION_WORD_BEFORE.search(before) is not None:
            return None  # "the Chancellor said", "fans of Arsenal said", "voters in Ohio said": not the subject alone
        prev = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
        if not title and before[-1:] == " " and prev[:1].isupper():
            return None  # the end of a longer capitalised run the name model read otherwise
        low = word.lower()
        if ws < self.head_end or low in PERSON_TITLES or low in common_words() or _lower_in(text, self.s0, self.e0, low):
            return None  # a word English writes in lower case, capitalised by its place ("Nobody said", "Parents say")
        if opening and not title and word.endswith("s") and not self.capitalised_inside(word, ws):
            return None  # "Organisers said", "Bankers say": a plural noun opening the sentence, unless named elsewhere
        return ws, we, self.gaz.lookup(text[ws:we])

    def unclosed_appositive(self, lo: int, pos: int) -> GazMatch | None:
        """The person opening the sentence whose appositive runs to the cue without its closing comma
        ("Robert McFarlane, an assistant state attorney general said", "Alan Milburn, Labour's election
        strategist told")."""
        text = self.text
        m = _UNCLOSED_APPOSITIVE.search(text, max(lo, pos - 90), pos)
        if m is None:
            return None
        ent = self.index.before(m.start(), self.text)
        if ent is None or ent.label != "PERSON":
            return None
        head = _CLAUSE_OPENER.match(text, lo, ent.start)
        if (head.end() if head is not None else lo) != ent.start and not text[max(lo, ent.start - 3) : ent.start].rstrip().endswith(('"', "”", ",")):
            return None  # the person must open the sentence or follow a closing quote or the clause reported
        words = text[m.end(1) : pos].split()
        words = [w for k, w in enumerate(words) if not (w == "and" and 0 < k < len(words) - 1 and words[k - 1][:1].isupper() and words[k + 1][:1].isupper())]
        if any(w.lower() in _GAP_BREAK_WORDS or w.endswith(("ed", "ing", ",")) for w in words):  # ("and" inside a name stays)
            return None  # a clause, not a role ("Smith, the man who ... said")
        return ent

    def dash_appositive(self, lo: int, pos: int) -> GazMatch | None:
        """The person or organisation opening the sentence whose appositive is set off by dashes and ends at the
        cue ("Lord Bingham - a senior law lord - said", "But Mr Herron - who ran his own campaign - said")."""
        text = self.text
        close = pos
        while close > lo and text[close - 1] == " ":
            close -= 1
        dash = text[close - 1]
        open_ = text.rfind(f" {dash} ", lo, close - 2)
        if open_ < 0 or close - open_ > 240 or text.find(f" {dash} ", open_ + 2, close - 2) >= 0:
            return None
        if _DASH_APPOSITIVE.match(text, open_ + 3, close) is None:
            return None
        ent = self.index.before(open_, text)
        if ent is None or ent.label not in ("PERSON", "ORG"):
            return None
        return ent if self.opens_sentence(lo, ent.start) else None

    def opens_sentence(self, lo: int, start: int) -> bool:
        """Does the sentence from ``lo`` open with what starts at ``start`` (after a clause opener such as "On Monday, "
        or a bare "But ", an honorific, or a quote that closed before it)?"""
        text = self.text
        m = _CLAUSE_OPENER.match(text, lo, start)
        p = m.end() if m is not None else lo
        h = _HEAD_OPENER.match(text, p, start)
        p = h.end() if h is not None else p
        return p == start or text[max(lo, start - 3) : start].rstrip().endswith(('"', "”", ","))

    def coordinated_subject(self, lo: int, end: int) -> GazMatch | None:
        """The subject of a clause whose second verb is the cue ("Egypt FA spokesman Methat Shalaby welcomed the
        apology and said ...", "Vodafone cut its forecast and warned ..."): the person or organisation opening the
        sentence (maybe after its role), then a plain verb phrase with no other person, clause word or quote."""
        text, index = self.text, self.index
        m = _CLAUSE_OPENER.match(text, lo, end)
        p = m.end() if m is not None else lo
        h = _HEAD_OPENER.match(text, p, end)  # "But Mr Carver rejected the claims and said"
        p = h.end() if h is not None else p
        ent = index.at(p)
        if ent is None or ent.label != "PERSON":  # "Egypt FA spokesman Methat Shalaby", "BBC political editor Andrew Marr"
            person = next((e for e in index.ents if p < e.start < min(end, p + 60) and e.label == "PERSON"), None)
            if person is not None and _role_run(text[p : person.start]):
                ent = person
        if ent is None or ent.label not in ("PERSON", "ORG") or ent.end >= end or end - ent.end > 140:
            return None
        if _VERB_AFTER_SUBJECT.match(text, ent.end, end) is None:
            return None
        between = _SHORT_QUOTE.sub("", text[ent.end : end])  # (a short quoted phrase is a word of the verb phrase: 'promised a "firm but fair" policy')
        if _SUBORDINATE.search(between) is not None:
            return None
        if any(ent.end <= e.start < end and e.label == "PERSON" for e in index.ents):
            return None  # "Smith met Jones and said": whose words, the line does not say
        return ent

    def surname_of(self, word: str) -> GazMatch | None:
        """The person the story names in full whose last word is ``word``."""
        for e in self.index.ents:
            if e.label == "PERSON" and e.end - e.start > len(word) + 1 and self.text.endswith(" " + word, e.start, e.end):
                return e
        return None

    def capitalised_inside(self, word: str, not_at: int) -> bool:
        """Does ``word`` stand capitalised inside a sentence elsewhere in the story (so it is a name)?"""
        text = self.text
        i = text.find(word, self.s0, self.e0)
        while i >= 0:
            if i != not_at and i > self.s0 + 1 and text[i - 1] == " " and text[i - 2] not in ".!?:\"“\n" and not text[i + len(word) : i + len(word) + 1].isalnum():
                return True
            i = text.find(word, i + 1, self.e0)
        return False

    def told_outlet(self, c_end: int, cue: str = "told") -> None:
        """"told (the) Z" where Z is an outlet: one the registry knows, an organisation whose name
        ends in a media word ("BBC News 24"), or any name after an outlet kind word ("radio station
        Cadena Ser")."""
        text, e0, index = self.text, self.e0, self.index
        kind_end = outlet_after_told(text, c_end, e0)
        if kind_end is not None:
            obj = index.at(kind_end)
            if obj is not None and obj.label != "GPE":
                self.add(obj.start, obj.end, cue, obj.canonical)
            return
        after = _OBJECT_GAP.match(text, c_end, e0)
        obj = index.at(after.end() if after else c_end)
        if obj is None:
            m = _UNLISTED_OUTLET.match(text, after.end() if after else c_end, min(e0, c_end + 60))
            if m is not None:  # "told NBC10.", "told KSNT News", "told Business Insider": an outlet by the shape of its name
                self.add(m.start(1), m.end(1), cue, None)
            return
        surface = text[obj.start : obj.end]
        known = self.reg.match(surface) or (obj.canonical.startswith("org:") and obj.canonical[4:] in self.reg)
        shaped = _UNLISTED_OUTLET.match(text, obj.start, min(e0, obj.start + 60))
        if known or (obj.label == "ORG" and surface.rsplit(" ", 1)[-1] in _MEDIA_WORDS) or (shaped is not None and shaped.end(1) == obj.end):
            self.add(obj.start, obj.end, cue, obj.canonical)

    def said_before_name(self, cues: list[tuple[int, int, str]]) -> None:
        """"said X", "said energy analyst X"."""
        text, e0, index = self.text, self.e0, self.index
        for said_end, verb in _said_before_name(text, self.s0, e0, cues):
            v = text.rfind(verb, max(self.s0, said_end - len(verb) - 3), said_end)
            subj = index.before(v, text) if v > self.s0 else None
            if subj is not None and subj.label in ("PERSON", "ORG") and v - subj.end <= 1:
                continue  # "The Journal-Constitution said Nichols, who ..., offered": the verb has its subject; the name after is what was said
            if v > self.s0 and _PRONOUN_SUBJECT_BEFORE.search(text, max(self.s0, v - 12), v) is not None:
                continue  # "She said Ben and his wife grew up ...": the same, with a pronoun for the subject
            obj = index.at(said_end)
            if obj is not None and obj.label in ("PERSON", "ORG") and _ends_in_title(text[obj.start : obj.end]) and not text.startswith(("'", "’"), obj.end):
                # "said Shadow Home Secretary David Davis": a title the name model read as a name; the person after it
                # speaks, and a title alone names no one ("said Health Minister posts had been cut")
                person = index.at(obj.end + 1) if text[obj.end : obj.end + 1] == " " else None
                obj = person if person is not None and person.label == "PERSON" else None
            if obj is None and text.startswith("the ", said_end):
                obj = index.at(said_end + 4)  # "said the Wall Street Journal (WSJ).": an outlet or body after its article
                if obj is not None and obj.label == "ORG" and text.startswith(("'s ", "’s "), obj.end):
                    # "says the BBC's Anna Holligan in Brussels", "said the company's chief executive, John Smith"
                    person = (_person_after_possessive_role(text, obj.end + 3, min(e0, obj.end + 60), index)
                              or person_after_role(text, obj.end + 3, min(e0, obj.end + 60), index))
                    if person is None:
                        person = index.at(obj.end + 3)
                        person = person if person is not None and person.label == "PERSON" and _SPEAKER_END.match(text, person.end) else None
                    obj = person
                elif obj is not None and not (obj.label == "ORG" and (text[obj.end : obj.end + 1] in (".", ",", ";", ":", "")
                                                                      or text.startswith(" (", obj.end) or _STATEMENT_AFTER.match(text, obj.end))):
                    obj = None
            if obj is not None and _reported_subject(text, obj, index):
                continue  # "said Lord Butler had given ...", "said MessageLabs was starting ...": the subject of what was said
            if obj is not None:  # "said Everton spokesman Ian Ross": the person after the organisation's role word
                person = person_after_role(text, obj.end + 1, min(e0, obj.end + 40), index) if text.startswith(" ", obj.end) else None
                if person is None and obj.label == "GPE" and text.startswith("-based ", obj.end):
                    person = person_after_role(text, said_end, min(e0, said_end + 50), index)  # "said Moscow-based US lawyer Jamie Firestone"
                if person is None and _MODIFIED_SUBJECT_AFTER.match(text, obj.end) is not None:
                    continue  # "said Home Office staff had been told": the name modifies the subject of what was said
                obj = person if person is not None else obj
            if obj is not None and obj.label in ("PERSON", "ORG", "GPE") and text.startswith(("'s ", "’s "), obj.end):
                # "said Fritch's grandmother, Barbara DeRamus", "said The We Company's executive chair Marcelo Claure":
                # the person the possessive role names; else the possessive opens what was said ("said Rosneft's
                # purchase of Yugansk would ...")
                obj = (_person_after_possessive_role(text, obj.end + 3, min(e0, obj.end + 60), index)
                       or person_after_role(text, obj.end + 3, min(e0, obj.end + 60), index))
                if obj is None:
                    continue
            if obj is None:
                obj = _titled_person_after(text, said_end, e0, index)  # "..., said Mr King."
            if obj is None:
                doc = _DOCUMENT_BY.match(text, said_end, min(e0, said_end + 80))  # '"...," said a statement from Siemens.'
                if doc is not None:
                    body = self.index.after(text, doc.end(), min(e0, doc.end() + 60), allow_gap=True)
                    if body is not None and body.label in ("ORG", "PERSON"):
                        self.add(body.start, body.end, verb, body.canonical)
                        continue
            if obj is None:
                body = _ROLE_OF_BODY_AFTER.match(text, said_end, min(e0, said_end + 80))  # "..., said a Vodafone spokesman."
                obj = index.at(body.end()) if body is not None else None
                if obj is not None and (obj.label != "ORG" or _ROLE_NOUN_END.match(text, obj.end) is None):
                    obj = None
            if (obj is None or obj.label in ("PRODUCT", "EVENT", "LAW", "FAC", "LOC")) and verb in ("said", "says", "added") and _after_quote(
                    text, self.s0, said_end, verb):
                m = _UNLISTED_AFTER_QUOTE.match(text, said_end, min(e0, said_end + 40))  # '"...," said McIlroy.'
                if m is not None:
                    self.add(m.start(1), m.end(1), verb, None)
                    continue
            if obj is None:
                obj = person_after_role(text, said_end, min(e0, said_end + 50), index)
            if obj is not None and _reported_subject(text, obj, index):
                continue  # "said Prime Minister Tony Blair had been ...": the subject of what was said
            if obj is not None and obj.label in ("PERSON", "ORG"):
                self.add(obj.start, obj.end, verb, obj.canonical)

    def chinese(self) -> None:
        """据X报道, "新华社北京11月5日电", X表示/称/指出 (also after a day or an adverbial phrase)."""
        text, s0, e0, index = self.text, self.s0, self.e0, self.index
        for m in _ZH_JU.finditer(text, s0, e0):
            ss, se = m.span("src")
            across = next((e for e in index.ents if ss <= e.start < se < e.end), None)
            if across is not None:  # "据国家统计局介绍": the organisation runs over what read as the cue (统计)
                cue = _ZH_JU_CUE_AT.match(text, across.end)
                if cue is not None:
                    self.add(across.start, across.end, "据…" + cue.group("cue"), across.canonical)
                continue
            if text.endswith("的", ss, se) and se - ss > 2:
                se -= 1  # "据市政市容委的消息": the body without its possessive
            inner = [e for e in index.ents if e.start >= ss and e.end <= se]
            if inner:
                self.add(inner[-1].start, inner[-1].end, "据…" + m.group("cue"), inner[-1].canonical)
            else:
                self.add(ss, se, "据…" + m.group("cue"), None)
        for m in _ZH_LEARNT_FROM.finditer(text, s0, e0) if text.find("从", s0, e0) >= 0 or text.find("從", s0, e0) >= 0 else ():
            ent = index.before(m.start("cue"), text)
            place = index.at(m.start()) if ent is not None and ent.start != m.start() else None
            if place is not None and place.label == "GPE" and place.end == ent.start:
                ent = ent if ent.label == "ORG" else None  # "记者从杭州市交通委了解到": the body with its place (add joins them)
            elif ent is not None and ent.start != m.start():
                ent = None
            if ent is not None and ent.end == m.start("cue") and ent.label in ("ORG", "PERSON"):
                self.add(ent.start, ent.end, m.group("cue"), ent.canonical)
        for m in _ZH_DATELINE.finditer(text, s0, e0):
            first = index.at(m.start("src"))
            if first is not None:
                self.add(first.start, first.end, m.group("cue"), first.canonical)
        self.chinese_dispatches()
        for m in _ZH_LEAD.finditer(text, s0, e0):
            first = index.at(m.start("src"))
            if first is not None and first.end == m.end("src"):
                self.add(first.start, first.end, m.group("cue"), first.canonical)
            else:
                self.add(m.start("src"), m.end("src"), m.group("cue"), None)
        self.chinese_colon_leads()
        self.chinese_headlines()
        for m in _ZH_AFTER.finditer(text, s0, e0):
            ent = index.before(m.start(), text)
            if ent is not None and (ent.end != m.start() or (m.group(1) in ("报道", "報導") and ent.label != "ORG")):
                ent = None  # "人行官员反驳惠誉 称": a space ends the clause; "体验会成都报道": reported from a place
            taken = {h.start for h in self.hits}
            if ent is not None and ent.label in _OK_LABELS and ent.start not in taken:
                if not text.endswith(_ZH_PREPOSITIONS, max(s0, ent.start - 2), ent.start):  # not "在微信公众号发文称"
                    self.add(ent.start, ent.end, m.group(1), ent.canonical)
                    continue
            ent = _zh_gap_subject(text, m.start(), s0, index)
            if ent is not None and ent.start not in taken:
                self.add(ent.start, ent.end, m.group(1), ent.canonical)

    def chinese_dispatches(self) -> None:
        """"新华社上海9月17日电" anywhere in a line: the organisation before the (place and) date."""
        text, s0, e0, index = self.text, self.s0, self.e0, self.index
        for m in _ZH_DATE_DISPATCH.finditer(text, s0, e0) if text.find("日电", s0, e0) >= 0 or text.find("日電", s0, e0) >= 0 else ():
            ent = index.before(m.start(), text)
            if ent is not None and ent.label == "GPE":
                ent = index.before(ent.start, text)
            if ent is not None and ent.label == "ORG":
                self.add(ent.start, ent.end, m.group("cue"), ent.canonical)

    def chinese_colon_leads(self) -> None:
        """A line that opens with a person or organisation, maybe a role word, and a colon."""
        text, s0, e0, index = self.text, self.s0, self.e0, self.index
        p = s0
        while p < e0:
            while p < e0 and text[p] in " \t\u3000":
                p += 1
            ent = index.at(p)
            colon = _ZH_COLON_AFTER.match(text, ent.end, min(e0, ent.end + 6)) if ent is not None else None
            if colon is not None and (text[ent.start : ent.end] in _ZH_COLUMN_WORDS or text.endswith(_ZH_COLUMN_ENDS, ent.start, ent.end) or any(
                    e.end == colon.end() - 1 and e.start >= ent.end and e.label == "PERSON" for e in index.ents) or text.startswith(("称", "稱"), ent.end)):
                colon = None  # "详讯：", "热议：": a column's name; "商品名称：" a form's field; "渣打银行梁大伟：": the person speaks (chinese_headlines)
            if (ent is not None and ent.label in ("PERSON", "ORG") and colon is not None
                    and not (text[ent.start : ent.end].isupper() and text[ent.start : ent.end].isascii() and self.gaz.lookup(text[ent.start : ent.end]) is None)):
                # (an acronym no list knows before a colon is as often the topic as the speaker: "CGOC：", "QFII：")
                self.add(ent.start, ent.end, "：", ent.canonical)
            nl = text.find("\n", p, e0)
            if nl < 0:
                break
            p = nl + 1

    def chinese_headlines(self) -> None:
        """Short lines without a full stop (headlines), clause by clause (clauses are set off by spaces): a
        person right before the colon after a role or an organisation ("香港娱乐圈教父林建岳：", "渣打银行梁大伟："),
        a clause after a space that opens with its speaker and a colon ("科比绝杀雄鹿为何不包夹 阿泰：..."), a
        speaker, a short verb phrase, then 称/表示/回应 ("奥巴马西点军校演讲称", "郭德纲写博回应"), and a clause
        that opens with the cue, its speaker named earlier in the line ("王雅捷重阳敬老 称关爱老人应趁早")."""
        text, s0, e0 = self.text, self.s0, self.e0
        p = s0
        while p < e0:
            nl = text.find("\n", p, e0)
            le = e0 if nl < 0 else nl
            if 4 <= le - p <= _ZH_HEAD_MAX and text.find("。", p, le) < 0 and _HAS_HAN.search(text, p, le) is not None:
                self._zh_headline(p, le)
            if nl < 0:
                break
            p = nl + 1

    def _zh_headline(self, ls: int, le: int) -> None:
        text, index = self.text, self.index
        starts = [ls + len(text[ls:le]) - len(text[ls:le].lstrip(" \t\u3000"))]
        starts += [i + 1 for i in range(starts[0], le - 1) if text[i] in " \u3000" and text[i + 1] not in " \u3000"]
        ents = [e for e in index.ents if ls <= e.start and e.end <= le]
        for k, cs in enumerate(starts):
            ce = starts[k + 1] - 1 if k + 1 < len(starts) else le
            colon = min((i for i in (text.find("：", cs, ce), text.find(":", cs, ce)) if i >= 0), default=-1)
            if 0 < colon - cs <= 16:
                person = next((e for e in ents if e.end == colon and e.start >= cs and e.label == "PERSON"), None)
                if person is not None and _ZH_ROLE_BEFORE.fullmatch(text, cs, person.start) is not None:
                    self.add(person.start, person.end, "：", person.canonical)
                elif k > 0:
                    first = index.at(cs)
                    if first is not None and first.label in ("PERSON", "ORG") and _ZH_COLON_AFTER.match(text, first.end, colon + 1):
                        self.add(first.start, first.end, "：", first.canonical)
            for m in _ZH_HEAD_CUE.finditer(text, cs, ce):
                if m.start() == cs and k > 0:
                    # the line's first clause must open with its person ("星皓公司否认林嘉欣退出娱乐圈 称...": the company speaks)
                    lead = _ZH_QUOTED_ROLE.match(text, starts[0], cs)
                    first = index.at(lead.end() if lead else starts[0])
                    if first is not None and first.label == "ORG":  # "雅虎CEO巴茨获8成股东支持 称...": the person after the body's role
                        first = next((e for e in ents if first.end < e.start <= first.end + 6 and e.end < starts[1]
                                      and _ZH_ROLE_WORD.fullmatch(text, first.end, e.start) is not None), None)
                    if first is not None and first.label == "PERSON":  # ("郭富城否认熊黛林妈妈催婚 称...": the first person)
                        self.add(first.start, first.end, m.group(), first.canonical)
                    continue
                lead = _ZH_QUOTED_ROLE.match(text, cs, m.start())
                subj = index.at(lead.end() if lead else cs)
                if subj is None or subj.label not in ("PERSON", "ORG"):
                    continue
                gap = text[subj.end : m.start()]
                regarding = _ZH_REGARDING.fullmatch(gap) is not None  # "外交部就澳大利亚军方干涉我企业收购铁矿表态": the topic after 就 may be long
                if not (0 < m.start() - subj.end <= 10 or regarding):
                    continue
                if subj.label == "PERSON" and gap.endswith(_ZH_OTHER_SPEAKER):
                    continue  # "连胜文枪击案被告称": the defendant of his case speaks, not he
                between = {"PERSON", "ORG"} if subj.label == "ORG" else {"PERSON"}  # (a person may speak at a place: "奥巴马西点军校演讲称")
                if not regarding and (_ZH_GAP_TEXT.fullmatch(gap) is None or any(subj.end <= e.start < m.start() and e.label in between for e in ents)):
                    continue
                self.add(subj.start, subj.end, m.group(), subj.canonical)
            if 0 < colon - cs <= 20 and not any(h.start >= cs and h.end <= colon for h in self.hits):
                # "周迅谈出走华谊：", "周华健澄清：": the clause's person or body, a speech verb (and its topic), then the colon
                subj = index.at(cs)
                said = _ZH_SPEECH_BEFORE_COLON.search(text, subj.end, colon) if subj is not None and subj.label in ("PERSON", "ORG") else None
                if said is not None and said.start() - subj.end <= 4 and _ZH_GAP_TEXT.fullmatch(text, subj.end, colon) is not None and not any(
                        subj.end <= e.start < colon and e.label == "PERSON" for e in ents):
                    self.add(subj.start, subj.end, said.group(), subj.canonical)

    def headline_colon(self) -> None:
        """A headline that opens with its speaker and a colon: "Merkel: Europe must stand together"."""
        text, s0, e0 = self.text, self.s0, self.e0
        p = s0
        while p < e0 and text[p] in " \t\n":
            p += 1
        nl = text.find("\n", p, e0)
        le = e0 if nl < 0 else nl
        if le - p > 120 or text.find(". ", p, le) >= 0:
            return
        ent = self.index.at(p)
        if ent is not None and ent.label in ("PERSON", "ORG") and text.startswith((": ", ":\n"), ent.end) and ent.end < le:
            self.add(ent.start, ent.end, ":", ent.canonical)

    def headline_dash(self) -> None:
        """A headline that ends with its speaker after a dash: "Taxes must be trusted - Kennedy", "CEO to step down
        -- WSJ": a person or organisation the story names, a person's surname, or an outlet the registry knows (not
        "- Source", "- Witnesses", "- Study": nobody named)."""
        text, s0, e0 = self.text, self.s0, self.e0
        p = s0
        while p < e0 and text[p] in " \t\n":
            p += 1
        le = text.find("\n", p, e0)
        if le < 0:
            return  # (a headline stands over a body)
        while le > p and text[le - 1] in " \t\r":
            le -= 1
        if le - p > 120 or text.find(". ", p, le) >= 0:
            return
        m = _HEAD_DASH_SPEAKER.search(text, p, le)
        if m is None or m.start() - p < 8:
            return
        s, e = m.span("name")
        ent = self.index.at(s)
        if ent is not None and ent.end == e and ent.label in ("PERSON", "ORG"):
            self.add(s, e, m.group("dash"), ent.canonical)
            return
        if ent is None and self.reg.match(text[s:e]) is not None:
            self.add(s, e, m.group("dash"), None)
            return
        word = text[s:e]
        if ent is None and " " not in word and word[1:].islower() and _NOT_LONE.fullmatch(word) is None:
            person = self.surname_of(word)
            if person is not None:
                self.add(s, e, m.group("dash"), person.canonical)
            elif word.lower() not in common_words() and not _lower_in(text, self.s0, self.e0, word.lower()) and self.capitalised_inside(word, s):
                self.add(s, e, m.group("dash"), self.gaz.lookup(word))  # a name the body writes inside its sentences ("... Iyad Allawi said")

    def headline_cues(self) -> None:
        """A title-case headline "Huawei Warns of ..."."""
        if self.head_end <= self.s0:
            return
        for m in _HEAD_CUE.finditer(self.text, self.s0, self.head_end):
            ent = self.index.before(m.start(), self.text)
            if ent is not None and ent.label in _OK_LABELS:
                self.add(ent.start, ent.end, m.group(1).lower(), ent.canonical)


_CUE_THE_END = re.compile(r"\s+the$")
# passive cues whose agent may be a person after a role ("announced by Interior Secretary X"; not "in an interview with
# Fox News host X", "reported by WCVB sportscaster X": the outlet there)
_PASSIVE_AGENT_CUES = ("announced by", "confirmed by", "revealed by", "disclosed by")
_NAME_CLOSE = frozenset([".", ",", ";", ":", "", "\n"])
_ACRONYM_BRACKET_BEFORE = re.compile(r" \([A-Z][A-Za-z&]{1,7}\) $")
_OBJECT_BEFORE = re.compile(r"\b(?:from|of|at|with|for|in|by|to) (?:the )?$")
# what an appointment awaits ("must be confirmed by the Senate", "If confirmed by ..."), and the bodies that confirm one
_NOT_CONFIRMED_YET = re.compile(r"\b(?:be|[Ii]f|until|awaiting|once) (?:first |formally |later )?$")
_LEGISLATURES = frozenset("Senate Congress Parliament House Assembly Legislature".split())
# a headline's last words after a dash: its speaker ("... - Kennedy", "... -- CBS News", "... -WSJ")
_HEAD_DASH_SPEAKER = re.compile(r" (?P<dash>--|-|–|—) ?(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2})$")
# the last characters of a Chinese public body's name (委员会, 卫健委, 公安局, 外交部, 教育厅, 国务院, 防卫省 ...)
_ZH_PUBLIC_BODY_ENDS = ("委", "委员会", "委員會", "局", "部", "厅", "廳", "署", "办", "辦", "办公室", "辦公室", "院", "政府", "省", "法院", "检察院",
                        "檢察院", "支队", "支隊", "大队", "大隊", "派出所", "中心")
# buildings whose names stand for the office in them ("Downing Street said", "the Kremlin said"), read as places by the names step
_SEATS_OF_GOVERNMENT = frozenset(["Downing Street", "Number 10", "No 10", "Kremlin", "Elysee", "Élysée", "Elysee Palace", "Élysée Palace",
                                  "Zhongnanhai", "Whitehall", "Blue House", "Quai d'Orsay"])
_CHANNEL_AFTER = re.compile(r" (?:\d{1,2}|One|Two|Three|Four|Five)(?: Live| Extra)?(?![\w-])")
# a web page's time stamp before the date of a bare "X, date" line
_PAGE_STAMP = re.compile(r"(?:Posted|Updated|Published|Last updated|Last modified|Modified|Created|Filed|Date|Dated)\b", re.I)
_PRONOUN_SUBJECT_BEFORE = re.compile(r"\b(?:he|she|they|we|I|it|He|She|They|We|It)(?: (?:has|have|had|also|later|then|earlier))? $")
# the names of laws and treaties: what they "say" is no one's statement
_LAW_NAME = re.compile(r".+ (?:Act|Law|Treaty|Convention|Constitution|Charter|Code|Directive|Regulation|Bill|Amendment)$")
_PREPOSITION_BEFORE = re.compile(r"\b(?:via|through|by|from|of|for|to|on|in|at|into|under) $")
_REFLEXIVE_AFTER = re.compile(r" (?:itself|themselves|himself|herself)\b")
_POST_NOMINALS = frozenset("QC KC MP MEP MSP".split())
_POST_NOMINAL_ENDS = tuple(f", {w} " for w in _POST_NOMINALS)
# what may follow a speaker named after the verb: the clause's end, or where or when they spoke
_SPEAKER_END = re.compile(r"[.,;:]|$| (?:in|at|from|on|who|when|after)\b")
# a plain lower-case word after a participle: the participle modifies it ("reporting station"), unlike "Forbes
# highlighting the broader risks", "CNN reporting from Kabul"
_NOUN_AFTER = re.compile(r" (?!(?:the|a|an|that|this|these|those|its|his|her|their|our|to|on|in|from|about|how|what|why|whether|"
                         r"new|more|some|no|concerns?|fears?)\b)[a-z]+\b(?! (?:the|a|an|that)\b)")
# Chinese headlines (chinese_headlines): at most this long; what may stand before a person and the colon (a
# role, an organisation: no punctuation); the cue words; a quoted role before the speaker ("“爱心大使”王雅捷");
# the verb phrase between the speaker and the cue (Han characters, letters, no punctuation or digits)
_ZH_HEAD_MAX = 48
# the names of news columns and sections a headline opens with before a colon ("详讯：", "热议：", "商务地产："):
# not speakers, whatever the name model made of them
_ZH_COLUMN_WORDS = frozenset("快讯 详讯 詳訊 热议 熱議 组图 組圖 图文 圖文 时评 時評 综述 綜述 专访 專訪 盘点 盤點 调查 調查 实录 實錄 独家 獨家 "
                             "视频 視頻 直播 预告 預告 观察 觀察 聚焦 解读 解讀 提示 点评 點評 评论 評論 收评 收評 午评 午評 早评 早評 开盘 開盤 "
                             "收盘 收盤 前瞻 公告 商务地产 商務地產 房地产 房地產 地产 地產 楼市 樓市 财经 財經 基金 期货 期貨 外汇 外匯 黄金 黃金 "
                             "留学 留學 考研 高考 彩票 汽车 汽車 家居 科技 娱乐 娛樂 体育 體育 时尚 時尚 游戏 遊戲 专家 專家 社评 社評 图片 圖片 盘前 盤前 "
                             "早盘 早盤 午盘 午盤 尾盘 尾盤 盘中 盤中 盘后 盤後 辣评 辣評 快评 快評 锐评 銳評 短评 短評 不可不看".split())
_ZH_COLUMN_ENDS = ("须知", "須知", "指南", "攻略", "速递", "速遞", "一览", "一覽", "辣评", "辣評", "快评", "快評", "锐评", "銳評", "短评", "短評",
                   "点评", "點評", "热评", "熱評")
_ZH_ROLE_BEFORE = re.compile(r"[\u4e00-\u9fffA-Za-z]{0,12}")
_ZH_HEAD_CUE = re.compile(r"(?<![堪号號简簡俗统統名并職职人自谎謊])(?:称|稱)(?![赞讚号號为為作之霸王职職心谓謂])|表示|(?<![出极極的以到予])(?:回应|回應)|辟谣|闢謠|透露|坦言|指出|强调|強調|"
                          r"澄清|表态|表態|答记者问|答記者問|发声明|發聲明")
# a role between a body and its person in a headline ("雅虎CEO巴茨", "阿里巴巴董事局主席马云")
_ZH_ROLE_WORD = re.compile(r"(?:CEO|CFO|COO|CTO|总裁|總裁|副总裁|副總裁|董事长|董事長|董事局主席|主席|总经理|總經理|总监|總監|创始人|創始人|行长|行長|"
                           r"发言人|發言人|部长|部長|局长|局長|市长|市長|省长|省長|总理|總理|总统|總統|外长|外長|教练|教練|主帅|主帥|队长|隊長)")
_ZH_QUOTED_ROLE = re.compile(r"“[^”]{1,8}”")
# between a body (maybe its role) and the cue: 就 and the matter spoken on ("外交部就...表态", "体育总局纪检检察负责人就足坛反赌答记者问")
_ZH_REGARDING = re.compile(r"[\u4e00-\u9fff]{0,8}就[\u4e00-\u9fffA-Za-z\d“”]{1,20}")
# speech verbs that open what a headline's colon introduces ("周迅谈出走华谊：", "周华健澄清：", "王刚回应：")
_ZH_SPEECH_BEFORE_COLON = re.compile(r"谈及|谈|澄清|回应|回應|表态|表態|坦言|感言|自曝|爆料|透露|直言|(?<![名号號简簡俗统統堪])(?:称|稱)|说|說|表示|辟谣|闢謠|呼吁|呼籲|寄语|寄語")
_ZH_OTHER_SPEAKER = ("被告", "律师", "律師", "家属", "家屬", "妻子", "丈夫", "父亲", "父親", "母亲", "母親", "儿子", "兒子", "女儿", "女兒",
                     "经纪人", "經紀人", "助理", "队友", "隊友", "粉丝", "粉絲", "专家", "專家", "官员", "官員", "发言人", "發言人", "人士",
                     "记者", "記者", "网友", "網友", "好友", "朋友", "同事", "邻居", "鄰居", "对手", "對手",
                     # kin and partners ("吉尔吉斯前总统胞弟称": the brother speaks)
                     "胞弟", "胞兄", "胞妹", "胞姐", "弟弟", "哥哥", "姐姐", "妹妹", "兄长", "兄長", "女友", "男友", "前妻", "前夫", "遗孀", "遺孀",
                     "岳父", "岳母", "女婿", "儿媳", "兒媳", "侄子", "孙子", "孫子", "孙女", "孫女", "家人", "亲属", "親屬", "亲友", "親友", "未婚妻",
                     "未婚夫", "太太", "夫人", "老婆", "老公", "爸爸", "妈妈", "媽媽", "前女友", "前男友", "恋人", "戀人")
_ZH_GAP_TEXT = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,10}")
def _after_quote(text: str, s0: int, said_end: int, verb: str) -> bool:
    """Does the verb ending before ``said_end`` follow a closing quote and its comma ('"...," said')?"""
    v = text.rfind(verb, max(s0, said_end - len(verb) - 3), said_end)
    return v > s0 and text[max(s0, v - 4) : v].rstrip().endswith((',"', ",”", ",'", ",’", ', "', ", ”"))


# capitalised words that open a clause after a quote or a verb but name no one (besides day and month names)
_TIME_WORDS = "Today|Yesterday|Tonight|Earlier|Later"


# An outlet no list holds, after "told": a broadcaster's call sign or network and channel number ("KTHV", "NBC10",
# "WISN 12 News"), or capitalised words ending in a media word ("Business Insider", "KSNT News"), then the clause ends.
_UNLISTED_OUTLET = re.compile(
    r"((?:(?:NBC|CBS|ABC|FOX|Fox|CNN|CW|PBS) ?\d{1,2}|[KW][A-Z]{2,3}(?:-TV)?(?: ?\d{1,2})?)(?: (?:News|TV))?|"
    r"(?:[A-Z][\w&'’.-]* ){0,3}(?:News|Insider|Times|Post|Journal|Herald|Tribune|Gazette|Chronicle|Telegraph|Magazine|Radio|TV|Today))"
    r"(?=[.,;:]| (?:that|on|in|the|she|he|they|it|last|this|about)\b)")
# after "said": "a Vodafone spokesman", "the BBC's political editor"
_ROLE_OF_BODY_AFTER = re.compile(r"(?:a|an|the) ")
_ROLE_NOUN_END = re.compile(r"(?:['’]s)? (?:[a-z]+ )?(?:spokesman|spokeswoman|spokesperson|official|representative|source)[.,;:]")
# after '"...," said': a capitalised name no list holds that ends the sentence or the clause
_UNLISTED_AFTER_QUOTE = re.compile(
    rf"(?!(?:{WEEKDAYS}|{MONTHS}|{_TIME_WORDS}|He|She|It|They|We|I|You|The|A|An|One|This|That|There)\b)"
    r"((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: (?:Mc|Mac|O['’]|de |van |von )?[A-Z][a-z]+(?:-[A-Z][a-z]+)?){0,2})(?=[.,;:]|$)")
_TOLD_TALE = re.compile(r" (?:the|a|an|this|that|his|her|their|its) (?:[a-z]+ )?(?:story|stories|tale|tales|history)\b")
# after a name that follows "said": a verb, so the name is the subject of what was said, not the speaker
_CLAUSE_VERB_AFTER = re.compile(r"(?:['’]s)? (?:had|has|have|was|were|is|are|would|will|could|should|can|may|might|must|did|does|do|"
                                r"wanted|needed|planned|knew|thought|believed|[a-z]+ed)\b")
_LOWER_WORD_AFTER = re.compile(r" [a-z]")
# how or when a body after "said the" spoke ('"...," said the Home Office in a statement.'), then the clause ends
_STATEMENT_AFTER = re.compile(rf" (?:in (?:a|an|its) (?:[a-z]+ )?(?:statement|email|e-mail|letter|release|filing|note|interview)|on (?:{WEEKDAYS})|"
                              r"yesterday|today|last night)[.,;]")
# "added" with a counted object: something put in, not something said ("added a second", "added another medal")
_ADDED_THING = re.compile(r" (?:(?:a|an|another|more|extra|new|support|two|three|four|five) |\d[\d,.]*\b)")  # ("have added more members")
# a determiner (and maybe one adjective) before an -ing cue: the word is a noun ("an official warning", "its reporting")
_NOUN_DETERMINER_BEFORE = re.compile(r"(?:^|[\s\"“(])(?:a|an|the|its|his|her|their|our|this|that|another|no|any|A|An|The|Its|This|No)(?: [a-z][a-z-]*)? $")
# after a name that follows "said": one or two lower-case nouns, then a verb ("said Home Office staff had been told",
# "said Google executives were"): the name modifies the subject of what was said
_MODIFIED_SUBJECT_AFTER = re.compile(r"(?: (?!(?:in|at|on|from|of|for|to|with|by|who|which|when|after|before|as|and|or|but|that|today|yesterday|"
                                     r"tonight|last|this|earlier|later|recently)\b)[a-z][\w-]*){1,2}" + _CLAUSE_VERB_AFTER.pattern[len("(?:['’]s)?"):])
# lower-case words naming what a document's author is, between "a report by" and the name ("analysts", "research firm")
_ROLE_GAP = re.compile(r"(?!(?:the|a|an|its|his|her|their|this|that|researchers?|scientists?|experts?|officials?)\b)"
                       r"(?:[a-z][a-z-]+ ){1,3}(?=[A-Z])")
# what a source is, in lower case before its name after "according to" ("oil industry analysts Douglas-Westwood",
# "consultancy firm Deloitte"); not "according to witnesses in Baghdad": the last word is the kind
_KIND_BEFORE_NAME = re.compile(r"(?:[a-z][a-z-]+ ){0,2}(?:analysts?|firm|consultancy|consultants?|watchdog|regulator|economists?|pollsters?|"
                               r"think-tank|think tank|broadcaster|newspaper|magazine|agency) (?=[A-Z])")
# capitalised words after a preposition that name no source: days, months, "The", pronouns
_NOT_SOURCE_WORD = re.compile(rf"(?:{WEEKDAYS}|{MONTHS}|{_TIME_WORDS}|These|Those|It|He|She|They|We|Last|Next)\b")
_DOCUMENT_BY = re.compile(r"(?:(?:a|an|the) (?:[a-z\d-]+ ){0,2}(?:report|study|survey|poll|analysis|statement|estimate|review|audit|investigation|tally|count|"
                          r"roundup|ranking|index)|(?:the )?(?:[a-z\d-]+ ){0,2}(?:figures|data|statistics|estimates|numbers|results|findings))"
                          r"(?: (?:published|released|issued|compiled|conducted|commissioned|carried out)(?: on)?(?: [A-Z][a-z]+day| last [a-z]+| this [a-z]+)?)?"
                          r" (?:by|from)(?: (?:researchers|scientists|experts|analysts|economists) (?:at|from|with|of))? ")
# verbs that may name their speaker after them ("..., said the newspaper."); "told" names its hearer there
_SAID_AFTER_SPEAKER = frozenset("said says added noted explained wrote continued warned insisted argued claimed stated".split())
# verbs whose subject reports something only when it is a body ("the survey found", "Ofcom's figures show")
_FINDING = frozenset("showed shows found".split())
# verbs that report a statement only when what was released is one ("released a report", "issued a statement")
_PUBLISHING = frozenset("released published unveiled issued recorded".split())
_DOCUMENT_AFTER = re.compile(
    r"\s+(?:[\w'’$-]+ ){0,4}?(?:report|reports|statement|statements|figures|data|survey|study|studies|results|findings|estimates?|forecasts?|"
    r"warnings?|guidance|notice|list|analysis|paper|review|census|poll|memo|letter|document|assessment|index|numbers|statistics|"
    r"details|information|update|advisory|bulletin|communiqu[eé]|declaration|comments?|remarks)\b"
)
# the speaker named after the verb: "..., said the newspaper.", "..., said a spokesman.", "..., said police."
_INVERTED_SUBJECT = re.compile(
    r" (?:(?:the|a|an) (?:[a-z][\w-]* )?(?:newspaper|paper|report|statement|company|firm|ministry|department|spokesman|spokeswoman|"
    r"spokesperson|official|source|agency|group|court|board|bank|government|council|committee|study|survey|analyst|lawyer|magazine|"
    r"website|broadcaster|network|station|union|party|club|team|organisation|organization|association|researcher|expert|economist|"
    r"judge|prosecutor|officer|witness|poll|document|letter|release|memo|publication|daily|tabloid|channel)|police|officials|"
    r"investigators|prosecutors|authorities|witnesses|analysts|sources|experts)[.,;:]")
# an unlisted name opening the sentence, set off by commas before the cue: "Nextel Communications, the nation's
# fifth-largest wireless provider, said"
_LEAD_NAME = re.compile(r"[ \t\"“]*((?:[A-Z][\w&'’.-]*)(?: (?:[A-Z][\w&'’.-]*|&|of|de|van|von|for))*?(?: (?:Inc|Corp|Co|Ltd|Plc|LLC|AG|SA|NV)\.?)?),"
                        r" (?:a|an|the|who|which|whose|[a-z]+ of|[A-Z][\w.&-]*['’]s) ")


# A name no list holds right before the cue: an acronym ("BAA also says", "TCI said") or two or more
# capitalised words after a lower-case word ("insurance broker Marsh & McLennan said").
_ACRONYM_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))([A-Z][A-Z&]{1,5})\s$")
_CAPSEQ_BEFORE = re.compile(r"(?:^|(?<=[a-z,;:\"“] ))((?:[A-Z][\w'’.-]*|&)(?: (?:[A-Z][\w'’.-]*|&|of|and|de)){0,4} [A-Z][\w'’.-]*)\s$")
_COMPANY_NAME_BEFORE = re.compile(r"(?:^|(?<=[\s\"“(]))((?:[A-Z][\w&'’.-]*|&)(?: (?:[A-Z][\w&'’.-]*|&|of|and)){0,4})$")
_OPENING_CAPSEQ = re.compile(r"[\s\"“]*(?:[A-Z][A-Z .,]*\([^()]{1,30}\) [-–—] )?((?:[A-Z][\w'’.&-]*)(?: (?:[A-Z][\w'’.&-]*|&|of|and)){1,4}) ?$")
_DAY_BETWEEN = re.compile(rf"\b(?:{WEEKDAYS}|today|yesterday)\b")
_COMPANY_WORDS = frozenset("Airways Airlines Motors Bank Group Systems Technologies Networks Communications Holdings Industries "
                           "Pharmaceuticals Software Corp Inc Co Ltd Plc Energy Telecom Electronics Entertainment Insurance "
                           "Securities Capital Partners Foods Brands Stores Media Computer Computers Semiconductor Petroleum".split())
_NOT_ACRONYMS = frozenset("CEO CFO COO CTO CIO MP MPS MEP PM VP MD GP DJ TV US UK EU UN".split())
_NOT_OPENERS = frozenset("The A An This That These Those It He She They We I His Her Their Its Our My But And Or So Yet "
                         "Mr Mrs Ms Dr Police Officials Analysts Sources Witnesses Experts Critics Investigators".split())
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|my|this|that|of|in|on|at|to|for|from|with|by)\s$", re.I)


def _unlisted_name_before(text: str, lo: int, pos: int, opening_ok: bool = False) -> tuple[int, int] | None:
    """(start, end) of an unlisted acronym or capitalised name that ends where the cue starts."""
    m = _ACRONYM_BEFORE.search(text, max(lo, pos - 8), pos)
    if m is not None and m.group(1) not in _NOT_ACRONYMS and _DETERMINER_BEFORE.search(text, max(lo, m.start(1) - 6), m.start(1)) is None:
        return m.start(1), m.end(1)
    m = _CAPSEQ_BEFORE.search(text, max(lo, pos - 60), pos)
    if m is not None and m.start(1) <= lo + 1 and not (opening_ok or m.group(1).rsplit(" ", 1)[-1] in _COMPANY_WORDS):
        return None  # (a name opening the sentence is the name model's to read)
    if m is None:
        m = _OPENING_CAPSEQ.match(text, lo, pos)  # the sentence is the name and the cue: "Six Flags late Monday reported"
        if m is None or not (opening_ok or m.group(1).rsplit(" ", 1)[-1] in _COMPANY_WORDS) or m.group(1).split()[0] in _NOT_OPENERS:
            return None
        return m.start(1), m.end(1)
    words = m.group(1).split()
    before = text[text.rfind(" ", lo, m.start(1) - 1) + 1 : m.start(1) - 1]
    if before[:1].isupper() or any(ch.isdigit() for ch in before):
        return None  # the end of a longer capitalised run ("President Lai Ching-te urged")
    if words[0] in _NOT_OPENERS or words[-1] in ("&", "of", "and", "de") or _DETERMINER_BEFORE.search(text, max(lo, m.start(1) - 6), m.start(1)):
        return None
    return m.start(1), m.end(1)


# The verbs after which one capitalised word no model read is taken as the speaker (lone_name_before); not
# "claimed" ("Federer claimed the title"), "recorded", "showed", "found"
_LONE_NAME_VERBS = frozenset("said says told tells added noted explained warned insisted argued stated confirmed admitted "
                             "acknowledged replied commented wrote writes stressed announced revealed".split())
# the word before the cue, maybe after an honorific or a peer's title
_LONE_WORD_BEFORE = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[\"“(]))((?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Baroness|Baron)\.? )?"
    r"((?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s$")
_PEERAGE = frozenset("Lord Lady Baroness Baron".split())
_PEER_TITLES = tuple(f"{t} " for t in _PEERAGE)
_NOT_LONE = re.compile(rf"(?:{WEEKDAYS}|{MONTHS}|{_TIME_WORDS}|[A-Z][a-z]+(?:ians?|eans?|icans?|ese|ites|ish)|Correction|Corrections|Clarification|Update|Editor|Note|Photo|Reporting|Democrats|Republicans|Tories|"
                       r"Israelis|Pakistanis|Iraqis|Saudis|Somalis|Afghans|Britons|Scots|Welsh|Irish|God|Jesus|Allah|Everybody|Nobody|Someone|"
                       r"Everyone|Anyone|Somebody|Others|Many|Most|Some|Few|Both|Each|Neither|Either|All|None|Several|Officers|Police)")
_FUNCTION_WORD_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|my|your|this|that|these|those|of|in|on|at|to|for|from|with|by|near|"
                                   r"across|about|against|under|over|into|between|among|than|like|as|after|before|during|since|via)\s*$", re.I)


# what may open a sentence before its subject ("On Monday, ", "Meanwhile, ", a quote mark)
_CLAUSE_OPENER = re.compile(r"[\s\"“]*(?:(?:On|In|At|By|Later|Earlier|Meanwhile|However|But|And|Then|Yesterday|Today|Last|This)\b[^,.;:\"“”]{0,24}, |"
                             r"(?:Speaking|Writing|Interviewed|Asked|Addressing|Appearing)\b[^,.;:\"“”]{0,70}, |"
                             r"(?:A|One|Two|Three|Four|Five|Several|Some) (?:day|week|month|year|hour)s? (?:earlier|later|ago|before|after), )?")  # ("Speaking on BBC Radio Scotland's Sunday Live programme, ")
# after the clause opener: a bare conjunction ("But ", "And "), then an honorific or a peer's title before the name
_HEAD_OPENER = re.compile(r"(?:(?:But|And|Yet|So|Now|Meanwhile|Separately|Earlier|Later) )?(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Baroness)\.? )?")
# a quoted phrase of a few words, no clause punctuation inside
_SHORT_QUOTE = re.compile(r"[\"“][^\"“”.;:?!,]{1,40}[\"”]")
_DASHES = frozenset("-–—")
# what a dash appositive opens with: an article, a possessive, a role word, a clause word or an age
_DASH_APPOSITIVE = re.compile(r"(?:a|an|the|his|her|their|its|who|whose|which|now|then|once|also|himself|herself|[a-z]+ of|[A-Z][\w.&-]*['’]s|\d{1,3}|"
                              r"[a-z]+(?= (?:to|about|by|with|for) )) ")  # (also "Mr Yushchenko - keen to reassure investors - had said")
# "an SFA spokesman said", "a METI official said": an acronym no list holds before a role noun
_ACRONYM_ROLE = re.compile(r"(?:^|(?<=[\s\"“]))(?:[Aa]n?|[Tt]he) ([A-Z][A-Z&]{1,5}) (?:[a-z]+ )?(?:spokesman|spokeswoman|spokesperson|official|officials|"
                           r"statement|representative|source|sources)\s+$")
# a finite verb right after the subject (maybe after an auxiliary or adverb): "welcomed", "has criticised", "also cut"
_VERB_AFTER_SUBJECT = re.compile(r" (?:(?:has|have|had|was|were|is|are|also|then|later|quickly|again|on [A-Z][a-z]+day|[A-Z][a-z]+day) )*"
                                 r"(?!(?:and|or|of|in|on|at|to|for|from|with|by|the|a|an|who|which|whose|that)\b)[a-z]+(?:ed|s|t|d|k|ght|ew|ove|ote|ame|ent|ave)\b")
# a clause word or a quote between the subject and the cue: the second verb may have another subject
_SUBORDINATE = re.compile(r"[\"“”;:()]|\b(?:who|whom|whose|which|that|when|while|after|before|because|if|as|until|since|where|though|although|"
                          r"whether|unless|he|she|they|it|I|we|you)\b")


_ROLE_ADJ = re.compile(r"[a-z]+(?:al|ic|ive|ior|ary|ant|ent|ian|ist|er|or|man|woman|ess|ee|ial|ate)")


def _role_run(gap: str) -> bool:
    """Is ``gap`` a role before a name ("Egypt FA spokesman ", "BBC political editor ", "Chief Executive ")?"""
    words = gap.split()
    if not gap.endswith(" ") or not words or len(words) > 6:
        return False
    lower = [w for w in words if not w[:1].isupper()]
    if not lower:  # a capitalised rank ending in its title: "Assistant Chief Constable ", "Home Secretary "
        return len(words) <= 4 and words[-1].lower() in PERSON_TITLES and words[-1].lower() not in _HONORIFIC_WORDS
    return all(w in _ROLE_NOUNS or w in PERSON_TITLES or _ROLE_ADJ.fullmatch(w) for w in lower)


_HONORIFIC_WORDS = frozenset("mr mrs ms miss dr sir dame lord lady prof rev st saint father king queen prince princess pope".split())


# "X, an assistant state attorney general said", "X, Labour's election strategist told": a comma, an article or a
# possessive, then at most seven words up to the cue
_UNCLOSED_APPOSITIVE = re.compile(r", ((?:a|an|the|[A-Z][\w.&-]*['’]s) |(?=(?:[a-z]+ ){1,3}(?:of|at|for|from|with) [A-Z])|(?:of|from) (?=(?:the )?[A-Z]))"
                                  r"(?:[\w.&'’-]+ ){1,7}$")  # (also "X, from the Public and Commercial Services union said")
_GAP_BREAK_WORDS = frozenset("that which who whom whose said says say when while where and or but as if because after before since than "
                             "with without to into he she they it we i you is was are were has have had will would".split())
_PASSIVE_QUOTED = re.compile(r" (?:was|is|were|are|has been|had been) quoted as $")


def _lower_in(text: str, s0: int, e0: int, low: str) -> bool:
    """Does ``low`` stand as a whole lower-case word in ``text[s0:e0]``?"""
    i = text.find(low, s0, e0)
    while i >= 0:
        if not text[i - 1 : i].isalpha() and not text[i + len(low) : i + len(low) + 1].isalpha():
            return True
        i = text.find(low, i + 1, e0)
    return False


# "said Mr King.", "said Ms Capella, who ...": an honorific before the name; the name must end the clause
_HONORIFIC_AFTER = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Rev|Reverend)\.? ")


def _titled_person_after(text: str, pos: int, e0: int, index: _Ents):
    m = _HONORIFIC_AFTER.match(text, pos, min(e0, pos + 12))
    if m is None:
        return None
    person = index.at(m.end())
    if person is None or person.label != "PERSON" or text[person.end : person.end + 1] not in (".", ",", ";", ":", "", "\n", " "):
        return None
    if text[person.end : person.end + 1] == " " and not text.startswith((" in ", " on ", " at ", " of ", " from ", " who", " when ", " after ", " as ", " yesterday", " today"), person.end):
        return None  # "said Mr Blair had lost": the subject of what was said
    return person


_CLOSE_TO = ("close to ", "closer to ", "loyal to ", "allied to ", "aides to ", "aide to ", "advisers to ", "adviser to ",
             "advisors to ", "advisor to ")


def _reported_subject(text: str, obj: GazMatch, index: _Ents) -> bool:
    """Is the name after "said" the subject of what was said: a verb follows it, or it is joined by "and" to another
    name a verb follows ("said both Peter Okafor and Jane Whitfield had resigned")?"""
    if _CLAUSE_VERB_AFTER.match(text, obj.end) is not None:
        return True
    if not text.startswith(" and ", obj.end):
        return False
    other = index.at(obj.end + 5)
    return other is not None and other.label in ("PERSON", "ORG") and _CLAUSE_VERB_AFTER.match(text, other.end) is not None


def _object_of_for(text: str, ent, s0: int, index: _Ents) -> bool:
    """"The MP for Sittingbourne and Sheppey said", "the wife of John Smith said": a person or place after "for" /
    "of" (maybe joined by "and" to another) belongs to the unnamed speaker's description."""
    if text[max(s0, ent.start - 14) : ent.start].lower().endswith(_CLOSE_TO):
        return True  # "Sources close to Gordon Brown said", "aides to the president said": the unnamed people around the name speak
    if ent.label not in ("PERSON", "GPE"):
        return False
    p = ent.start
    if text.endswith(" and ", s0, p):
        other = index.before(p - 5, text)
        if other is not None and other.label == ent.label:
            p = other.start
    return text.endswith((" for ", " of ", " from "), s0, p)  # (and "a man from Leeds said")


def _named_after(text: str, c_end: int, index: _Ents) -> bool:
    """"..., said Yeager:", "..., said Bunny Yeager, whose ...": the speaker is named right after the verb."""
    if not text.startswith(" ", c_end):
        return False
    ent = index.at(c_end + 1)
    if ent is not None:
        return text[ent.end : ent.end + 1] in (".", ",", ":", ";", "")  # (any label: "..., says FOX DC." names its speaker too)
    return _CAPITALISED_NAME_AFTER.match(text, c_end) is not None


_CAPITALISED_NAME_AFTER = re.compile(rf" (?!(?:{WEEKDAYS}|{MONTHS}|{_TIME_WORDS})\b)(?:Mr|Mrs|Ms|Dr)?\.? ?[A-Z][a-z]+(?:[ -][A-Z][a-z'’]+){{0,2}}[.,:;]")


def _unlisted_appositive_subject(text: str, lo: int, pos: int, gaz: Gazetteer) -> tuple[int, int] | None:
    """(start, end) of a capitalised name opening the sentence and set off by an appositive that ends at the cue
    ("Nextel Communications, the nation's fifth-largest wireless provider, said"); not a word English writes in
    lower case alone ("Officials, ..."), nor a sentence-opening adverb."""
    m = _LEAD_NAME.match(text, lo, pos)
    if m is None or "," in text[m.end() : pos].rstrip().rstrip(",") and text[m.end() : pos].count(",") > 1:
        return None
    name = m.group(1)
    words = name.split()
    if len(words) == 1 and (name.lower() in _COMMON_OPENERS or len(name) < 3):
        return None
    if words[0] in ("The", "A", "An", "But", "And", "In", "On", "At", "For", "As", "After", "When", "While", "If", "This", "That"):
        return None
    return m.start(1), m.end(1)


_COMMON_OPENERS = frozenset("officials police analysts experts critics residents witnesses sources investigators authorities "
                            "however meanwhile yesterday today earlier later separately still also instead moreover".split())


def _ends_in_title(name: str) -> bool:
    """Does ``name`` end in a title word ("Shadow Home Secretary", "Chief Executive")?"""
    last = name.rsplit(" ", 1)[-1].lower()
    return " " in name and last in PERSON_TITLES and last not in _HONORIFIC_WORDS


def _squash(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _dedupe(hits: list[AttrHit]) -> list[AttrHit]:
    """One attribution per span: the first found (rule order) among equal spans."""
    seen = set()
    out = []
    for h in sorted(hits, key=lambda h: (h.start, h.end)):
        if (h.start, h.end) in seen:
            continue
        seen.add((h.start, h.end))
        out.append(h)
    return out
