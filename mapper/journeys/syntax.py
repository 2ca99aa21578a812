"""Clause-level tests on the dependency parse shared by the journeys steps (tense,
negation, conditions, prepositions, name words)."""

from __future__ import annotations

import re

from mapper.journeys.doubled import doubled_preps
from mapper.journeys.values import Event
from mapper.journeys.words import (
    CAUSE_VERBS,
    DEST_PREPS,
    DIRECTION_WORDS,
    EVENT_HOLDERS,
    EVENT_NOUNS,
    FAILING_HEADS,
    FUTURE_WORDS,
    GREETING_VERBS,
    GROUP_NOUNS,
    HABIT_ADVERBS,
    INSTITUTION_NOUNS,
    KIN_NOUNS,
    MEETING_VERBS,
    MOTION_VERBS,
    OBJECT_ORIGIN_VERBS,
    ORIGIN_PREPS,
    PEOPLE_NOUNS,
    PLACE_ENTS,
    PLACE_NOUNS,
    PLAN_HEADS,
    PREVIOUS_ADVERBS,
    QUANTITY_NOUNS,
    RECENT_DAY_WORDS,
    REPORT_VERBS,
    TRANSPORT_VERBS,
    TRAVEL_NOUNS,
    VEHICLE_CHANGE_VERBS,
    VEHICLES,
    VIA_PREPS,
)
from mapper.nlp import doc_text


def lemma_of(tok) -> str:
    """The lemma, with "bound" ("bound for Lagos") kept apart from "bind", and a verb that
    holds an event ("have talks", "stage a rally") read as "hold"."""
    if tok.lower_ == "bound":
        return "bound"
    lemma = tok.lemma_.lower()
    if lemma in EVENT_HOLDERS and tok.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in EVENT_NOUNS for c in tok.children):
        return "hold"
    if lemma in VEHICLE_CHANGE_VERBS and tok.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in VEHICLES for c in tok.children):
        return "stop"  # "after changing planes in X": a stop there
    if lemma in ("lie", "lay") and tok.pos_ == "VERB" and any(
            p.dep_ == "prep" and p.lower_ == "in" and any(
                o.dep_ == "pobj" and o.lower_ in ("state", "repose", "rest") for o in p.children)
            for p in tok.children):
        return "stay"  # "will lie in state at X": the coffin stays there
    if tok.lower_ == "home" and tok.pos_ == "NOUN":
        trip = next((c for c in tok.children if c.dep_ == "compound" and c.lemma_.lower() in
                     VEHICLES.keys() | TRAVEL_NOUNS), None)
        if trip is not None:  # "X's trip home from Y was cut short", read as a "home"
            return trip.lemma_.lower()
    return lemma


def of_object(noun):
    """The noun after a quantity's "of" ("hundreds of residents" -> residents), or None."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def future_clause(verb) -> bool:
    """Whether a verb, or the clause it depends on ("will fly to X, visiting Y"), is future."""
    tok = verb
    for _ in range(4):
        auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if auxes & (FUTURE_WORDS | {"would"}):
            return True
        if tok.dep_ not in ("advcl", "pcomp", "conj", "xcomp") and not loose_conjunct(tok) \
                or tok.head == tok:
            return False
        tok = tok.head.head if tok.head.dep_ == "prep" else tok.head
    return False


def loose_conjunct(verb) -> bool:
    """A verb the parser hung on the previous verb without a label ("will travel to X ..., then
    head to Y"): a conjunct that shares its subject and tense."""
    return verb.dep_ == "dep" and verb.pos_ == "VERB" and verb.head.pos_ in ("VERB", "AUX") and \
        verb.head.i < verb.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def intended_goal(verb, evs: list[Event]) -> None:
    """"The flight from D to S was diverted to A": S, named on the subject while the verb
    names its own destination, was the goal not reached (planned, no leg reaches it)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not any(e.role == "dest" and not subj.idx <= e.span[0] < _end(subj)
                               for e in evs):
        return
    for ev in evs:
        if ev.role == "dest" and subj.idx <= ev.span[0] < _end(subj):
            ev.status, ev.date = "planned", None
            ev.extra.update(apart=True, future=True)


def _end(tok) -> int:
    """The character offset just after a token's subtree."""
    return tok.right_edge.idx + len(tok.right_edge.text)


def in_headline(tok) -> bool:
    """Whether a token stands in the article's first line, when more lines follow."""
    text = doc_text(tok.doc)
    end = text.find("\n", len(text) - len(text.lstrip()))
    return end > 0 and tok.idx < end and bool(text[end:].strip())


def located_in(tok):
    """The "in X" that places an organisation or building ("Memorial Medical Center in Anoka"),
    on the noun or, as the parser may hang it, on the verb right after the noun."""
    vehicle_left = tok.lemma_.lower() in VEHICLES.keys() | {"vehicle"} and \
        tok.dep_ == "pobj" and tok.head.lower_ in ORIGIN_PREPS  # "fled from a bus in X"
    if tok.ent_type_ != "ORG" and tok.lemma_.lower() not in INSTITUTION_NOUNS and \
            not vehicle_left:
        return None
    after = tok.doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 < len(tok.doc) else None
    preps = [c for c in tok.children if c.dep_ == "prep"]
    for of in [p for p in preps if p.lower_ == "of"]:  # "the office of the Court in X"
        preps += [c for o in of.children if o.dep_ == "pobj" for c in o.children
                  if c.dep_ == "prep" and c.lower_ in ("in", "at")]
    for prep in [*preps, after]:
        if prep is not None and prep.dep_ == "prep" and prep.lower_ in ("in", "at", "near") and any(
                o.ent_type_ in ("GPE", "LOC") or (o.ent_type_ == "NORP" and o.pos_ == "PROPN")
                for o in prep.subtree):  # a misspelt place may be tagged NORP ("at Yokahama")
            return prep
    return None


def is_negated(verb) -> bool:
    """Whether a motion is denied: "did not go", "did not want to go", "was not able to go",
    "failed to reach", "was unable to reach"."""
    tok = verb
    for _ in range(4):
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if tok != verb and lemma_of(tok) in FAILING_HEADS:
            return True
        if tok.dep_ not in ("xcomp", "acomp") or tok.head == tok:
            break
        tok = tok.head
    return denied(verb)


def denied(verb) -> bool:
    """Whether a motion is what someone denies ("denied that the jet had ever entered X")."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("xcomp", "ccomp", "conj", "acomp") or tok.head == tok:
            return False
        tok = tok.head
        if lemma_of(tok) == "deny":
            return True
    return False


def bare_past(verb) -> bool:
    """A bare infinitive under a past verb ("made her drive him to X", "let them go to X"):
    the past, not a plan."""
    return verb.tag_ == "VB" and verb.head.tag_ in ("VBD", "VBN") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def chained_preps(head) -> list:
    """"to Y" hung on "from X" (or on X) instead of on the verb or noun ("a march from X to
    Y", "her walk from Land's End to London")."""
    froms = [p for p in head.children if p.dep_ == "prep" and p.lower_ == "from"]
    hosts = [*froms, *(o for p in froms for o in p.children if o.dep_ == "pobj")]
    # "from the train at X to Y": "to Y" hung on where the thing left from stood
    hosts += [o for h in hosts[len(froms):] for p in h.children if p.dep_ == "prep" and
              p.lower_ in ("at", "in") for o in p.children if o.dep_ == "pobj"]
    return [c for p in hosts for c in p.children if c.dep_ == "prep" and
            c.lower_ in ("to", "into", "via", "through", "toward")]


def vehicle_preps(noun) -> list:
    """"his arrival by train to X": the places hung on the vehicle of a "by" right after a
    travel noun (the parser hangs the "by" on the verb)."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or after.lower_ != "by" or after.head == noun:
        return []
    return [c for o in after.children if o.dep_ == "pobj" and o.lemma_.lower() in VEHICLES
            for c in o.children if c.dep_ == "prep" and c.lower_ in ORIGIN_PREPS | {"to", "into"}]


def stray_preps(verb, lemma: str) -> list:
    """Prepositions the parser hung on a neighbour instead of the verb: "escorted the
    suspects from X to Y" (on the object), "was greeted by crowds at X" (on the agent)."""
    out = chained_preps(verb) + doubled_preps(verb)  # "took off from from X"
    due = due_in(verb)
    if due is not None:  # "is due in Kyiv on Saturday"
        out += [c for c in due.children if c.dep_ == "prep"]
    holder = verb.head if verb.dep_ == "conj" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else verb  # "... and escorted"
    for subj in (c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")):
        if lemma_of(subj) in VEHICLES or lemma_of(subj) in TRAVEL_NOUNS:
            # "the first train to X arrived on Monday", "the maiden trip from X arrived at Y"
            out += [c for c in subj.children if c.dep_ == "prep" and c.lower_ in
                    ORIGIN_PREPS | {"to", "into"}]
            # "A boat carrying 120 migrants from Libya capsized": where the boat came from
            out += [p for acl in subj.children if acl.dep_ == "acl" and lemma_of(acl) in (
                "carry", "transport") for o in [acl, *acl.children] if o.dep_ in ("acl", "dobj")
                for p in o.children if p.dep_ == "prep" and p.lower_ in ORIGIN_PREPS]
    if lemma in TRANSPORT_VERBS | {"board", "catch"}:  # also "boarded a ferry to X"
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            out += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in
                    ORIGIN_PREPS | {"to", "into"} | ({"in", "at"} if lemma == "board" and
                                                     obj.lemma_.lower() in VEHICLES else set())]
    if lemma in GREETING_VERBS:
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for obj in (c for c in agent.children if c.dep_ == "pobj"):
                out += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in
                        ("at", "in", "on")]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        # "fly to Doha on Sunday and then to Abu Dhabi": the second "to" hung on the date
        for c in (c for o in [prep, *(o for o in prep.children if o.dep_ == "pobj")]
                  for c in o.children if c.dep_ == "conj" and c.pos_ == "ADP"):
            if c.lower_ in DIRECTION_WORDS:  # "to Madeira and on to the Canary Islands"
                out += [p for p in c.children if p.dep_ == "prep" and p.lower_ in
                        DEST_PREPS | VIA_PREPS]
            elif c.lower_ in DEST_PREPS | VIA_PREPS:
                out.append(c)
    # "heading along its flight path toward X", "drove along the coast to Y": the goal hung on
    # the way gone along
    out += [c for p in verb.children if p.dep_ == "prep" and p.lower_ in ("along", "down", "up")
            for o in p.children if o.dep_ == "pobj" for c in o.children
            if c.dep_ == "prep" and c.lower_ in ("to", "toward", "towards")]
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if lemma in MEETING_VERBS and obj.lemma_.lower() in EVENT_NOUNS or \
                lemma == "stop" and obj.lemma_.lower() in VEHICLES:
            # "holding rallies in X and Y", "changing planes in X": where they are
            out += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
        if lemma in MEETING_VERBS and obj.ent_type_ == "PERSON":
            # "after meeting Pope Francis in Rome": where they met, not where he lives
            out += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
        if lemma in OBJECT_ORIGIN_VERBS and obj.ent_type_ in PLACE_ENTS:
            out += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("for", "to")]
        if lemma == "cross":  # "crossed the Darien Gap from Colombia", "the border into X"
            out += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in
                    ORIGIN_PREPS | {"into", "to"}]
    for way in (c for c in verb.children if c.lower_ in ("by", "aboard") or c.lower_ in
                DIRECTION_WORDS and c.dep_ in ("advmod", "advcl", "prt", "npadvmod", "dobj")):
        # "travelling by train from Poland", "then by train to X", "then on to Sydney", "flew
        # back to Israel", "were flown home to India", "travelled north to X", "flew back
        # over X" (a direction word's "over", "across": the places passed)
        heads = [o for o in way.children if o.dep_ == "pobj"] if way.lower_ in (
            "by", "aboard") else [way] if way.dep_ != "prep" else []
        out += [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in
                ORIGIN_PREPS | {"to", "into"} | (VIA_PREPS if h is way else
                                                 {"via", "through"})]
    return out


def is_generic(verb, subj) -> bool:
    """Whether a motion is a general statement, not a trip: "a plane flying from X to Y burns
    ...", "a bus takes you from X to Y" (an indefinite mover in the simple present), "citizens
    stay in X up to 30 days" (a bare plural in the simple present, outside the headline, whose
    present tells news: "Troops arrive in X")."""
    if subj is None:
        return False
    clause = subj.head if verb.dep_ == "acl" and subj == verb.head else verb
    if subj.tag_ == "NNS" and clause.tag_ == "VBP" and subj.lemma_.lower() not in \
            QUANTITY_NOUNS and not any(
            c.dep_ in ("det", "poss", "nummod", "aux", "conj") for c in
            [*subj.children, *clause.children]) and not in_headline(subj):
        return True
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every")
               for c in subj.children):
        return False
    if clause == subj or clause.lemma_.lower() in REPORT_VERBS:
        # the parser found no finite verb of its own ("An aircraft flying ... burns" read as a
        # noun phrase, or as the subject of "..., an expert told"): it names no single trip
        return verb.tag_ == "VBG"
    return clause.tag_ in ("VBZ", "VBP")


def is_abstract(noun) -> bool:
    """Whether a subject noun names a process or quality, not a traveller, a vehicle or a trip:
    "growth", "development", "expansion", "popularity" (by the suffix of its lemma)."""
    if noun is None or noun.pos_ != "NOUN" or noun.ent_type_ in ("PERSON", "ORG", "NORP"):
        return False
    lemma = noun.lemma_.lower()
    if lemma in GROUP_NOUNS or lemma in VEHICLES or lemma in TRAVEL_NOUNS or \
            lemma in PEOPLE_NOUNS or lemma in KIN_NOUNS:
        return False
    return re.search(r"(?:[^o]th|ment|tion|sion|ity|ance|ence|ness)$", lemma) is not None


def is_unrealised(verb) -> bool:
    """Whether a motion is only a rule or an aim: an obligation under a condition ("they have
    to travel to X if they want to ..."), what someone means to get others to do ("saved
    money to get her parents to take a trip to X"), an offer, or a story's setting."""
    if verb.lemma_.lower() == "set" and is_passive(verb) and not any(
            c.dep_ == "prt" for c in verb.children):
        return True  # "a film set in X", "the novel is set in Y": a story's setting
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in ("offer", "threaten"):
        return True  # "offering to transport the casket to X": an offer, not a trip
    if verb.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in CAUSE_VERBS and \
            head.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                      for c in head.children):
        return True
    if verb.dep_ == "xcomp" and head.lemma_.lower() in ("have", "need") and \
            head.tag_ in ("VBP", "VBZ"):
        clause = head
    elif any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children):
        clause = verb
    else:
        return False
    # the condition hangs on the obligation, or after it on the clause that holds it
    conditions = [*clause.children, *(c for c in clause.head.children if c.i > verb.i and
                                      clause.dep_ in ("advcl", "ccomp", "conj"))]
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                         for m in c.children) for c in conditions)


def is_habitual(verb) -> bool:
    """Whether a verb tells a habit, not a trip: "visits X weekly", "goes to X every summer",
    "have long used X as a base to reach Y" (the purpose of a long-standing habit)."""
    if verb.dep_ in ("advcl", "xcomp", "relcl", "acl") and verb.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        gov = next((a for a in verb.ancestors if a.pos_ == "VERB"), None)
        if gov is not None and is_habitual(gov):
            return True
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    for c in verb.children:
        if c.dep_ in ("advmod", "npadvmod", "dobj") and c.lower_ in HABIT_ADVERBS:
            return True
        if perfect and c.dep_ == "advmod" and c.lower_ == "long" and \
                verb.lemma_.lower() not in PLAN_HEADS:
            return True  # "have long sailed to X", not "stayed long in X", "had long planned"
        if c.dep_ in ("npadvmod", "advmod", "dobj") and c.pos_ == "NOUN" and any(
                d.dep_ == "det" and d.lower_ in ("every", "each") for d in c.children):
            return True
    return False


def is_conditional(verb, marks: tuple[str, ...] = ("if", "unless", "once")) -> bool:
    """Whether a verb sits in a condition ("if they fly to X", "once they reach X")."""
    for tok in [verb, *verb.ancestors][:4]:
        if any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children):
            return True
        if tok.dep_ not in ("advcl", "conj", "xcomp", "pcomp", "prep"):
            return False
    return False


def is_passive(verb) -> bool:
    """Whether a verb is passive ("was flown to Oslo", "refugees airlifted to Oslo")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl") or (
        verb.tag_ in ("VBN", "VBD") and verb.dep_ == "conj" and verb.head != verb and
        is_passive(verb.head) and (verb.tag_ == "VBN" or _bare_participle(verb)))


    # "were bused to X and later taken to Y", "were found alive and airlifted to X"


def _bare_participle(verb) -> bool:
    """A regular past form with no subject or object of its own, which the parser may tag as a
    simple past after a passive ("were found and airlifted to X")."""
    return verb.lower_.endswith("ed") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)


def route_noun(prep):
    """The "route" of "en route" or the "way" of "on his way", under a preposition."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    if prep.lower_ == "en" and obj.lower_ == "route":
        return obj
    if prep.lower_ == "on" and obj.lower_ == "way" and any(
            c.dep_ in ("poss", "det") for c in obj.children):
        return obj
    return None


def after_clause(tok) -> bool:
    """Whether a word sits in an "after ..." phrase ("after a stop in X", "after visiting X")."""
    for anc in tok.ancestors:
        if anc.dep_ == "prep" and anc.lower_ in ("after", "following"):
            return True
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in ("pcomp", "pobj"):
            return False
    return False


def states_presence(verb) -> bool:
    """Whether "be" says where someone is now or will be ("The minister is in Cairo for
    talks", "will be in Oslo on Monday"): a main verb with "in"/"at" a named place and no
    other complement; not a past presence ("was in X four years ago", "was formerly of X"),
    nor a historical present ("in June 1998, J is back before a jury in X")."""
    now = verb.tag_ in ("VBZ", "VBP") and not any(
        t.ent_type_ == "DATE" and re.fullmatch(r"\d{4}", t.text) for t in verb.subtree)
    later = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in FUTURE_WORDS
                                      for c in verb.children)
    return verb.lemma_ == "be" and (now or later) and verb.dep_ in ("ROOT", "conj") and any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
            o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC") for o in c.children)
        for c in verb.children) and not any(
        c.dep_ in ("attr", "acomp", "oprd", "neg", "expl") for c in verb.children)


def due_in(verb):
    """The "due" of "is due in X", "was due at X on Monday" (a visit expected there), or None;
    not "due in ... Court" (an appearance before a judge)."""
    due = next((c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "due"), None)
    if verb.lemma_ != "be" or due is None or not any(
            c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
                o.dep_ == "pobj" and o.pos_ == "PROPN" and o.lower_ != "court"
                for o in c.children)
            for c in due.children):
        return None
    return due


def named_subject_of_own(noun, owner):
    """The name a trip noun's "his"/"her" refers to when it is the object of that name's verb
    ("Ellie Smith finished her walk"), or None."""
    if owner is None or owner.lower_ not in ("his", "her") or noun.dep_ != "dobj":
        return None
    subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.pos_ == "PROPN" else None


def along_the_way(verb) -> bool:
    """Whether a clause hangs on a bare "along the way" or "on the way" (not "on his way to X",
    a route of its own, nor "on the way home"): a stop on a trip the text told before."""
    ways = [o for p in verb.children if p.dep_ == "prep" for o in p.children]
    for anc in [*verb.ancestors, *ways]:
        if anc.lower_ in ("way", "route") and anc.dep_ == "pobj" and \
                anc.head.lower_ in ("along", "on") and \
                all(c.dep_ in ("det", "relcl", "punct") for c in anc.children):
            return True
    return False


def earlier_occasion(verb) -> bool:
    """Whether a past motion is another, earlier trip told as background: "Xi, who last visited
    Russia in 2013", "Merkel, who visited Washington in February" (a visit in a relative clause
    on the traveller), "she had previously toured Asia". An arrival in such a clause ("Xi, who
    arrived in Moscow on Monday, will go on to ...") is a step of the trip in the news."""
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in PREVIOUS_ADVERBS for c in verb.children):
        return True
    if verb.dep_ != "relcl" or lemma_of(verb) not in ("visit", "tour"):
        return False
    days = [t for t in verb.subtree if t.ent_type_ == "DATE" and t.lower_ in RECENT_DAY_WORDS]
    if days:
        return False  # "Obama, who visited Kenya on Sunday, flew on to ...": this trip
    return any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children) or \
        verb.head.ent_type_ == "DATE"  # "his first visit since 2019, when he toured X"


def clause_apposition(noun) -> bool:
    """Whether an object is a noun phrase set off by a comma that names what the clause was
    ("landed in X on Monday, the first stop of a tour"), not what the verb acted on."""
    left = noun.left_edge
    return left.i > noun.head.i + 1 and left.i > 0 and noun.doc[left.i - 1].text == "," and \
        noun.lemma_.lower() in TRAVEL_NOUNS


def boarding_verb(noun):
    """The verb that boards or takes a vehicle noun ("boarded a boat bound for X", "took a
    ferry to X"), or None."""
    if noun.dep_ == "dobj" and noun.lemma_.lower() in VEHICLES and \
            lemma_of(noun.head) in ("board", "take", "catch"):
        return noun.head
    return None


def stay_span(noun) -> bool:
    """Whether a span of time in a place is a stay before the clause it hangs on: "after a week
    in Rome", "following three days in Oslo"."""
    return noun.ent_type_ in ("DATE", "TIME") and noun.dep_ == "pobj" and \
        noun.head.lower_ in ("after", "following") and \
        any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in noun.children)


def where_pluperfect(verb) -> bool:
    """Whether a "where" clause hangs on a place a pluperfect verb named ("had flown in from
    Berlin, where he met ..."): it tells the same earlier time."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return False
    gov = next((a for a in verb.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return gov is not None and gov.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in gov.children)


def before_clause(tok) -> bool:
    """Whether a word sits in a "before ..." phrase ("before reaching X", "before he flew to
    X"): what it tells came after the clause it hangs on."""
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "prep" and anc.lower_ == "before":
            return True
        if anc.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "before"
                                               for c in anc.children):
            return True
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in ("pcomp", "pobj"):
            return False
    return False


def on_place(verb) -> bool:
    """Whether a participle describes a place, not the traveller ("landed in the capital,
    delayed by a stop in X": the stop is the traveller's)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and (
        verb.head.ent_type_ in PLACE_ENTS or verb.head.lemma_.lower() in PLACE_NOUNS)


def vehicle_of(subj) -> str | None:
    """The vehicle a subject phrase names ("Ms. Silva's train", "the ship"), if any."""
    if subj is None:
        return None
    if subj.lemma_.lower() in VEHICLES:
        return subj.lemma_.lower()
    appos = next((c for c in subj.children if c.dep_ in ("appos", "compound")
                  and c.lemma_.lower() in VEHICLES), None)
    return appos.lemma_.lower() if appos is not None else None


def unnamed_goal(verb) -> bool:
    """Whether a verb goes "to" a kind of place it does not name ("returned to port in X",
    "was taken to hospital in Y"): the "in"/"at" beside it says where that was."""
    return any(c.dep_ == "prep" and c.lower_ in ("to", "into") and any(
        o.dep_ == "pobj" and o.pos_ == "NOUN" and o.lemma_.lower() in
        PLACE_NOUNS | INSTITUTION_NOUNS | {"harbor", "harbour", "shore", "dock", "land"} and
        not any(t.pos_ == "PROPN" for t in o.subtree) for o in c.children)
        for c in verb.children)


def told_clause(verb):
    """The "as"/"when" clause a motion verb's conjunct continues when the parser joined the
    conjunct to the main verb instead ("watched the ferry as it left X, passed Y and
    entered Z"): the clause whose subject moves, or None."""
    if verb.dep_ != "conj" or lemma_of(verb) not in MOTION_VERBS or \
            lemma_of(verb.head) in MOTION_VERBS:
        return None
    return next((c for c in verb.head.children if c.dep_ == "advcl" and c.i < verb.i and
                 lemma_of(c) in MOTION_VERBS and any(
                     m.dep_ == "mark" and m.lower_ in ("as", "when", "while")
                     for m in c.children) and any(
                     s.dep_ in ("nsubj", "nsubjpass") for s in c.children)), None)


ROUTE_PARTICLES = {"up", "down", "along", "across", "through"}


def along_object(verb, obj) -> bool:
    """Whether a verb's object is the way it went ("sailed her yacht up the harbour", "drove
    down the avenue"): a route particle right before it, read by the parser as a particle."""
    return any(c.dep_ == "prt" and c.lower_ in ROUTE_PARTICLES and c.i < obj.i and
               all(t.i <= c.i or t.i >= obj.i or t.dep_ in ("compound", "det", "amod", "poss",
                                                             "case") for t in verb.doc[c.i:obj.i])
               for c in verb.children)


def route_role(verb) -> str:
    """A way gone along is passed on the way when the verb also names a goal ("marched down
    the avenue to X"), else where the trip came to ("sailed up the harbour")."""
    return "via" if any(c.dep_ == "prep" and c.lower_ in ("to", "into", "toward", "towards")
                        for c in verb.children) else "dest"


ISLAND_WORDS = {"island", "islands", "isle", "isles", "archipelago"}


def heads_for(feature: str, name: str) -> bool:
    """Whether heading toward a place heads for a stop: a settlement, or a place named as
    islands ("toward the Cape Verde islands"), a landfall; not a country or sea alone."""
    return feature in ("city", "admin2") or bool(name.split()) and \
        name.split()[-1].lower() in ISLAND_WORDS
