"""Events: motion frames (a trigger verb or travel noun, its mover and the places its
prepositions or objects name) from the dependency parse."""

from __future__ import annotations

import re

from mapper.journeys.assembly import contains, home_place
from mapper.journeys.context import Context
from mapper.journeys.frames import dateline_place, first_body_sentence, make_event, places_under
from mapper.journeys.movers import is_storm, mover_of, movers_of, subject_of
from mapper.journeys.people import titled_person
from mapper.journeys.presence import hedged_presence, present_kinds
from mapper.journeys.syntax import (
    after_clause,
    along_object,
    boarding_verb,
    chained_preps,
    clause_apposition,
    due_in,
    earlier_occasion,
    heads_for,
    intended_goal,
    is_abstract,
    is_conditional,
    is_generic,
    is_habitual,
    is_negated,
    is_passive,
    is_unrealised,
    lemma_of,
    named_subject_of_own,
    of_object,
    on_place,
    route_noun,
    route_role,
    states_presence,
    stay_span,
    stray_preps,
    unnamed_goal,
    vehicle_of,
    vehicle_preps,
)
from mapper.journeys.take_off import particle_dropped
from mapper.journeys.triggers import reads
from mapper.journeys.values import Event, Mover
from mapper.journeys.words import (
    ADRIFT_WORDS,
    ARRIVAL_PREPS_ONLY,
    ARRIVAL_VERBS,
    CARRIED_OR_SEEN,
    DEST_PREPS,
    DETENTION_VERBS,
    DIRECTION_WORDS,
    DRIVER_VERBS,
    FUTURE_WORDS,
    GROUP_NOUNS,
    MEETING_VERBS,
    MOTION_VERBS,
    OBJECT_DEST_VERBS,
    OBJECT_ORIGIN_VERBS,
    OBTAIN_VERBS,
    ORIGIN_PREPS,
    PEOPLE_NOUNS,
    PHRASAL_MOTION,
    PHRASAL_VERBS,
    PLACING_VERBS,
    PRESENCE_VERBS,
    QUANTITY_NOUNS,
    REDIRECT_VERBS,
    REPORT_VERBS,
    SCHOOL_NOUNS,
    SEPARATE_TRIP_NOUNS,
    SETTING_OFF_VERBS,
    SETTING_OUT_VERBS,
    SHARE_WORDS,
    SIGHTING_VERBS,
    START_VERBS,
    STORM_PREPS,
    STORM_VERBS,
    STRANDING_VERBS,
    THING_MOVERS,
    TRANSPORT_OR_GREETING,
    TRAVEL_NOUNS,
    VEHICLE_OR_TRAVEL,
    VEHICLES,
    VIA_PREPS,
    WATER,
)


@reads(pos={"VERB", "AUX", "NOUN", "PROPN"}, dep={"prep"}, tag={"VBN"},
       lower=ADRIFT_WORDS | {"bound"}, lemma={"bound"})
def events_at(ctx: Context, tok, sent) -> list[Event]:
    """The motion events a token triggers (a verb, a travel noun, a route preposition),
    keeping track of the subjects, people and vehicles read so far."""
    lemma = lemma_of(tok)
    ctx.taken = False
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN" and \
            lemma in GROUP_NOUNS and (tok.tag_ == "NNS" or GROUP_NOUNS[lemma] in (
                "couple", "family", "team", "crew", "delegation")) and \
            tok.head.dep_ in ("ROOT", "conj") and not any(
            c.lower_ in SHARE_WORDS for c in tok.children):
        # a main clause's, not "where officials said"; "Most children" are no one's "they"
        ctx.plural_subject = tok
    if tok.lower_ in ("left", "right") and tok.i and \
            ctx.doc[tok.i - 1].lemma_.lower() in ("turn", "veer", "swerve"):
        return []  # "turning left onto X" is a direction, not a departure
    if (tok.ent_type_ == "PERSON" or tok.lower_ in ctx.person_alias) and \
            tok.pos_ == "PROPN" and (
            tok.dep_ in ("nsubj", "nsubjpass") or
                                      tok.dep_ == "poss" and tok.head.dep_ in
                                      ("nsubj", "nsubjpass")) and not (
            tok.head.lemma_.lower() in REPORT_VERBS and tok.head.i < tok.i):
        # '..., said Ana Silva' quotes a source; the next "she" is still the story's traveller
        ctx.last_person = tok
        ctx.person_trail.append(tok)
    elif tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN" and \
            titled_person(ctx, tok) is not None and \
            tok.lemma_.lower() not in PEOPLE_NOUNS - {"president", "minister"}:
        ctx.last_person = tok  # "the crown prince ... He plans": the titled person
        ctx.person_trail.append(tok)
    verbal = tok.pos_ in ("VERB", "AUX") or (
        tok.pos_ == "NOUN" and tok.head.lower_ == "to" and tok.head.dep_ in ("pcomp", "aux")
    ) or (lemma == "bound" and any(c.dep_ == "prep" and c.lower_ in ("for", "to")
                                   for c in tok.children))
    if tok.dep_ == "prep" and route_noun(tok) is not None:
        return route_events(ctx, tok, sent)
    if tok.lower_ == "due" and tok.dep_ == "prep":
        return due_events(ctx, tok, sent)
    if tok.lower_ in ADRIFT_WORDS and tok.dep_ == "acomp" and lemma_of(tok.head) == "be":
        return adrift_events(ctx, tok, sent)
    if lemma == "bear" and tok.tag_ == "VBN":  # "was born in X": where a life set out
        births = stranded_events(ctx, tok, sent)
        for ev in births:
            ev.extra["birth"] = True
        return births
    if tok.tag_ == "VBN" and (lemma in STRANDING_VERBS or
                              lemma in DETENTION_VERBS and tok.dep_ == "acl"):
        return stranded_events(ctx, tok, sent)
    taking = next(
        (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in
         VEHICLE_OR_TRAVEL), None) if lemma in ("take", "catch", "board") \
        else None
    carried = carried_by_verb(ctx, tok, lemma) if verbal else None
    if taking is not None and carried == taking and \
            vehicle_of(subject_of(ctx, tok)) is None:
        carried = None  # "the refugees took a boat to X": the boat is how they went
    stay = lemma == "spend" and any(c.dep_ == "dobj" and c.ent_type_ in ("DATE", "TIME")
                                    for c in tok.children) or (  # "spent two years in X"
        lemma in PHRASAL_VERBS and (lemma, next((c.lower_ for c in tok.children if c.dep_ ==
        "prt"), "")) in PHRASAL_MOTION) or particle_dropped(tok)  # "took off", "pulled up in Y"
    if verbal and (lemma in PLACING_VERBS
                   or taking or stay
                   or states_presence(tok) or hedged_presence(tok) or due_in(tok) is not None
                   or carried is not None
                   or lemma in STORM_VERBS and is_storm(ctx, subject_of(ctx, tok))
                   or (lemma in CARRIED_OR_SEEN and
                       is_passive(tok))):
        if is_habitual(tok) or is_unrealised(tok):
            return []  # "has visited X weekly", "goes to X every summer": a habit, no trip
        # "a voyage that took it to Hong Kong", "crowds greeted the king at the station":
        # the object is the one who moves
        subj = carried if carried is not None else subject_of(ctx, tok)
        if is_generic(tok, subj) or taking is not None and is_generic(tok, taking):
            return []  # "he takes a bus to X" in the simple present: a habit
        boarded = boarding_verb(subj) if tok.dep_ == "acl" and subj == tok.head else None
        if boarded is not None and vehicle_of(subject_of(ctx, boarded)) is None:
            # "they boarded a boat bound for X": the passengers are bound for X
            taking, subj = subj, subject_of(ctx, boarded)
        ctx.subject_vehicle = vehicle_of(subj)
        if carried is not None:  # "the ferry carried them to Dover": the ferry's mode
            ctx.subject_vehicle = ctx.subject_vehicle or vehicle_of(subject_of(ctx, tok))
        if taking is not None:  # "took a train ride to Lyon", "caught a ferry to Dover"
            phrase = " ".join(t.text.lower() for t in taking.subtree)
            ctx.subject_vehicle = next(
                (w for w in VEHICLES if re.search(rf"\b{w}\b", phrase)), None) or \
                vehicle_of(taking)
            ctx.taken = ctx.subject_vehicle is not None
        movers = movers_of(ctx, subj)
        if lemma == "be":  # "The foreign minister is in Cairo": a person, not a thing
            movers = [m for m in movers if m.key.startswith(present_kinds(tok))]
        if carried is not None and lemma in DRIVER_VERBS:  # "she drove him to Lyon"
            movers += [m for m in movers_of(ctx, subject_of(ctx, tok)) if m not in movers]
        events = []
        for mover in movers:
            events.extend(verb_events(ctx, tok, sent, mover))
        if after_due(tok):
            _planned(events)
        if movers and (carried is not None or is_passive(tok)):
            ctx.carried_by[lemma] = movers[0]  # "evacuated 250 nationals": the evacuees
        return events
    if tok.pos_ == "NOUN" and (lemma in TRAVEL_NOUNS or stay_span(tok)):
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        named = named_subject_of_own(tok, owner)
        if named is not None:  # "Ellie Smith finished her walk to X"
            movers = movers_of(ctx, named)
        elif owner is not None:
            movers = [m for m in [mover_of(ctx, owner)] if m is not None]
        else:  # not "following" read as a verb ("Following three days in X, ...")
            verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") and
                         a.dep_ != "prep" and not on_place(a)), None)
            subj = subject_of(ctx, verb) if verb is not None else None
            # "the annual pilgrimage to X gets underway": the trip names no traveller
            movers = movers_of(ctx, subj) if subj is not None and subj != tok and \
                tok not in subj.subtree else []
        gov = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") and
                    a.dep_ != "prep"), None)
        obtained = gov is not None and lemma_of(gov) in OBTAIN_VERBS and any(
            c.dep_ == "dobj" and tok in c.subtree for c in gov.children)
        if gov is not None and (obtained or is_negated(gov) or
                                is_habitual(gov) or is_unrealised(gov)):
            return []  # "landed a drive in ...", "did not make the trip to X"
        ctx.subject_vehicle = None
        events = [ev for m in movers for ev in noun_events(ctx, tok, sent, m)]
        if gov is not None and after_due(gov):
            _planned(events)
        return events
    return []


def carried_by_verb(ctx: Context, verb, lemma: str):
    """The object a transport or greeting verb moves, if it names a traveller: "flew the
    envoys to Oslo", "crowds met the train at Lyon", "a voyage that took it to Hong Kong"."""
    if lemma not in TRANSPORT_OR_GREETING or is_passive(verb):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if obj.pos_ == "PRON":
        ok = obj.lower_ in ("him", "her", "them", "us") or (
            obj.lower_ == "it" and lemma in ("take", "bring", "carry", "tow", "escort"))
    else:
        head = obj
        if obj.lemma_.lower() in QUANTITY_NOUNS:  # "evacuated hundreds of residents"
            head = of_object(obj) or obj
        ok = head.ent_type_ == "PERSON" or head.lemma_.lower() in GROUP_NOUNS.keys() | \
            THING_MOVERS or (
            head.lemma_.lower() in VEHICLES and lemma not in ("drive", "fly", "ride"))
    if not ok:
        return None
    if lemma in ("bring", "take") and is_abstract(subject_of(ctx, verb)):
        return None  # "growth is expected to bring 6,500 students to X": no one drives
    if lemma == "meet":  # "Kim met Putin in Kazan": the subject travelled, unless it is
        subj = subject_of(ctx, verb)  # a crowd or a host's party meeting a vehicle or guest
        if obj.lemma_.lower() not in VEHICLES and subj is not None and (
                subj.ent_type_ == "PERSON" or subj.pos_ == "PRON"):
            return None
    return obj


def route_events(ctx: Context, prep, sent) -> list[Event]:
    """"en route to X", "on his way to X", "en route from X to Y": the destination is where
    the mover was going (planned, not reached in that sentence); the origin as said."""
    noun = route_noun(prep)
    head = prep.head
    told = next((c for c in head.children if c.dep_ == "ccomp" and c.i < prep.i and
                 lemma_of(c) in MOTION_VERBS), None) if lemma_of(head) in REPORT_VERBS else None
    if told is not None:  # "X were moving across Y, the governor said, en route to Z"
        verb, movers = told, movers_of(ctx, subject_of(ctx, told))
    elif head.pos_ in ("VERB", "AUX"):
        verb, movers = head, movers_of(ctx, subject_of(ctx, head))
    else:
        verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), head)
        movers = movers_of(ctx, head) if head.pos_ in ("NOUN", "PROPN", "PRON") else []
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    ctx.subject_vehicle = None
    out = []
    preps = [*noun.children, *(p for c in noun.children if c.lower_ in DIRECTION_WORDS
                               for p in c.children)]  # "on his way back from X"
    for mover in movers:
        for child in preps:
            if child.dep_ != "prep":
                continue
            role = "origin" if child.lower_ in ORIGIN_PREPS else "via" \
                if child.lower_ in VIA_PREPS else "dest" \
                if child.lower_ in ("to", "toward", "towards", "for", "into") else None
            if role is None:
                continue
            for target in (c for c in child.children if c.dep_ == "pobj"):
                for place, span in places_under(ctx, target):
                    ev = make_event(ctx, verb, sent, mover, place, role, span)
                    ev.verb = f"{prep.text} {noun.text}"
                    if role == "dest":
                        ev.date = None
                        ev.extra["future"] = True
                        if ev.status in ("confirmed", "reported"):
                            ev.status = "planned"  # a goal, whoever tells it
                    out.append(ev)
    return out


def _planned(events: list[Event]) -> None:
    """Mark events as a plan: not yet done, no date of their own."""
    for ev in events:
        ev.status, ev.date = "planned", None
        ev.extra["future"] = True


def after_due(verb) -> bool:
    """"left X, due to arrive in Y after stopping at Z", with "after stopping" hung on
    "left": the stop belongs to the plan told just before it."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in ("after", "before") or prep.dep_ != "prep":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "due" and c.i < prep.i
               for c in prep.head.children)


def due_events(ctx: Context, due, sent) -> list[Event]:
    """"left X, due to land in Y", with "land" read as a noun: Y is where the mover is
    expected (planned), the mover the subject of the verb "due" hangs on."""
    arrival = next((c for c in due.children if c.dep_ == "pobj" and
                    c.lemma_.lower() in MOTION_VERBS and any(
                        p.dep_ == "pcomp" and p.lower_ == "to" for p in due.children)), None)
    if arrival is None or due.head.pos_ not in ("VERB", "AUX"):
        return []
    out = []
    for mover in movers_of(ctx, subject_of(ctx, due.head)):
        for prep in (c for c in arrival.children if c.dep_ == "prep" and
                     c.lower_ in ("in", "at", "to", "into")):
            for target in (c for c in prep.children if c.dep_ == "pobj"):
                for place, span in places_under(ctx, target):
                    ev = make_event(ctx, due.head, sent, mover, place, "dest", span)
                    ev.verb = f"due to {arrival.text}"
                    out.append(ev)
    _planned(out)
    return out


def adrift_events(ctx: Context, word, sent) -> list[Event]:
    """"The raft was adrift off X", "the ship is aground near Y": where the vessel (or those
    it carries) is, a stop of the drift."""
    verb = word.head
    if is_negated(verb):
        return []
    out = []
    for mover in movers_of(ctx, subject_of(ctx, verb)):
        for prep in (c for c in [*word.children, *verb.children] if c.dep_ == "prep" and
                     c.lower_ in ("at", "in", "off", "near", "on")):
            for target in (c for c in prep.children if c.dep_ == "pobj"):
                for place, span in places_under(ctx, target):
                    ev = make_event(ctx, verb, sent, mover, place, "dest", span)
                    ev.verb = f"{verb.text} {word.text}"
                    if ev.status in ("speculated", "reported") and not any(
                            c.dep_ == "aux" and c.lower_ in FUTURE_WORDS for c in
                            verb.children):  # "is thought to be adrift": now, not later
                        ev.extra["future"] = False
                    out.append(ev)
    return out


def stranded_events(ctx: Context, verb, sent) -> list[Event]:
    """"tourists stranded in Bali", "were trapped in X": the place they were held is where
    a trip told beside it starts (an origin; alone it makes no journey)."""
    out = []
    for mover in movers_of(ctx, subject_of(ctx, verb)):
        for prep in (c for c in verb.children if c.dep_ == "prep" and
                     c.lower_ in ("in", "at", "on")):
            for target in (c for c in prep.children if c.dep_ == "pobj"):
                for place, span in places_under(ctx, target):
                    out.append(make_event(ctx, verb, sent, mover, place, "origin", span))
    return out


def storm_events(ctx: Context, verb, sent, mover: Mover) -> list[Event]:
    """Where a storm struck: the place a storm verb's object names ("battered X") or its
    prepositions, on the verb or its object ("caused flooding in Y", "swept across Z")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    preps = [p for h in [verb, *objects] for p in h.children
             if p.dep_ == "prep" and p.lower_ in STORM_PREPS]
    targets = objects + [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return [make_event(ctx, verb, sent, mover, place, "dest", span)
            for target in targets for place, span in places_under(ctx, target)]


def verb_events(ctx: Context, verb, sent, mover: Mover) -> list[Event]:
    """The events of a motion verb: the places its prepositions and objects name."""
    lemma = lemma_of(verb)
    out: list[Event] = []
    if is_negated(verb):
        return out  # "never went to", "did not want to drive to", "was unable to reach"
    if lemma in STORM_VERBS and lemma not in MOTION_VERBS and mover.key.startswith("storm:"):
        return storm_events(ctx, verb, sent, mover)
    if lemma == "call" and (verb.dep_ == "acl" or any(
            c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") or c.dep_ == "oprd"
            for c in verb.children)):
        return out  # "an album called 'X'", "called on X to act": no port call
    if lemma == "land" and any(c.dep_ == "dobj" and c.lemma_.lower() not in VEHICLES
                               and not clause_apposition(c) for c in verb.children):
        return out  # "landed a job in X" (but "landed in X, the first stop of ...")
    if lemma == "attend" and any(c.dep_ == "dobj" and c.lemma_.lower() in SCHOOL_NOUNS
                                 for c in verb.children):
        return out  # "attended law school in X": studied there
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "would" in auxes and "have" in auxes or is_conditional(verb, ("if", "unless")):
        return out  # "would have flown to Rome", "if they were sent to X": did not happen
    made_stop = any(c.dep_ == "dobj" and c.lemma_.lower() in TRAVEL_NOUNS
                    for c in verb.children)
    if lemma == "stop" and any(c.dep_ == "dobj" and (c.pos_ in ("PRON", "PROPN") or
                                                      lemma_of(c) in GROUP_NOUNS)
                               for c in verb.children):
        return out  # "officers stopped him near X": they halted him, no trip of theirs
    if lemma == "hold" and is_passive(verb):
        return out  # "was held in the county jail": detained, not hosting talks
    if lemma == "call" and any(c.dep_ == "dobj" and c.lemma_.lower() not in ("port", "stop")
                               for c in verb.children):
        return out  # "called her mother in X" is a telephone call, not a port call
    separate = any(c.dep_ == "dobj" and c.tag_ == "NNS" and lemma_of(c) in
                   SEPARATE_TRIP_NOUNS for c in verb.children)  # "took trips to X and Y"
    # "Macron last visited China in 2019, when he toured X and Y": the same other time
    background = any(earlier_occasion(v) for v in [verb, *verb.ancestors][:4]
                     if v.pos_ in ("VERB", "AUX"))
    for child in [*verb.children, *stray_preps(verb, lemma)]:
        role = None
        # "were flown to Qatar and then to Germany": a second preposition joined to the verb
        linked = child.dep_ == "conj" and child.pos_ == "ADP" and any(
            c.dep_ == "pobj" for c in child.children)
        # "passed over Iowa" with "over" read as a particle that holds the place
        held = child.dep_ == "prt" and any(c.dep_ == "pobj" for c in child.children)
        if child.dep_ == "prep" or linked or held or (child.dep_ == "advmod" and
                                                      child.lower_ in ("out",)):
            prep = child.lower_
            if lemma in SIGHTING_VERBS | PRESENCE_VERBS and prep not in \
                    ARRIVAL_PREPS_ONLY | {"over"}:
                continue  # "was seen from the shore": where the watcher stood
            if prep in ORIGIN_PREPS:
                role = "origin"
            elif prep in VIA_PREPS and lemma not in MEETING_VERBS:
                role = "via"
            elif prep in ("up", "down") and lemma in MOTION_VERBS:
                role = route_role(verb)  # "sailed up the harbour (to the quay)"
            elif prep in ("in", "at") and lemma in ("board", "embark"):
                role = "origin"  # "boarded buses in X": where they set out
            elif prep in DEST_PREPS:
                if prep in ARRIVAL_PREPS_ONLY and lemma not in ARRIVAL_VERBS and not (
                        lemma in ("make", "pay") and made_stop) and not (
                        prep in ("in", "at") and unnamed_goal(verb)):
                    continue  # "made an emergency landing in X", "returned to port in X"
                if prep == "for" and lemma not in SETTING_OUT_VERBS:
                    continue  # "sail for Lisbon", but "flew for Britain" is service
                if lemma in MEETING_VERBS and prep not in ARRIVAL_PREPS_ONLY:
                    continue
                role = "crossing" if lemma == "cross" and prep == "into" else "dest"
                if prep in ("toward", "towards"):
                    role = "heading"  # a direction: a stop only if it names a settlement
            if role is None:
                continue
            targets = [c for c in child.children if c.dep_ in ("pobj", "pcomp")] or [
                c for c in verb.children if c.dep_ == "dobj" and c.i > child.i and
                lemma in MOTION_VERBS]  # 'moving "across" the region': a quote split them
        elif child.dep_ == "dobj" and lemma in START_VERBS and \
                child.lemma_.lower() in TRAVEL_NOUNS:
            role = "origin"
            targets = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in
                       ("in", "at", "from") for o in c.children if o.dep_ == "pobj"]
        elif child.dep_ == "advcl" and lemma in ("leave", "depart") and child.tag_ == "VB" \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children) and \
                lemma_of(child) not in MOTION_VERBS:
            role = "dest"  # "left in May to work in X": where the departure led
            targets = [o for c in child.children if c.dep_ == "prep" and c.lower_ in
                       ("in", "at") for o in c.children if o.dep_ == "pobj"]
        elif child.dep_ in ("dobj", "attr") and lemma in OBJECT_ORIGIN_VERBS:
            role, targets = "origin", [child]
        elif child.dep_ == "dobj" and lemma == "cross" and (verb.dep_ == "pcomp" or not any(
                c.dep_ == "prep" and c.lower_ in ("to", "into", "from") for c in
                [*verb.children, *child.children])):
            # "after crossing Guatemala", "as it crossed X, passed over Y": passed through
            # (not "crossed the desert from X to Y": X and Y are the stops)
            role, targets = "via", [child]
        elif child.dep_ == "dobj" and lemma in OBJECT_DEST_VERBS and lemma not in ("cross",):
            role, targets = "dest", [child]
            if lemma in ("visit", "tour"):  # "visited the embassy in X": X, where it stands
                targets += [o for p in child.children if p.dep_ == "prep" and p.lower_ in
                            ("in", "at") for o in p.children if o.dep_ == "pobj"]
        elif child.dep_ == "dobj" and lemma in MOTION_VERBS and along_object(verb, child):
            role, targets = route_role(verb), [child]  # "sailed her yacht up X"
        elif child.dep_ == "dobj" and any(c.dep_ == "prt" and c.lower_ in DEST_PREPS
                                          for c in verb.children):
            role, targets = "dest", [child]  # "stop off Port Said"
        else:
            continue
        for target in targets:
            for place, span in places_under(ctx, target):
                if role == "heading":  # a storm's heading is its forecast track
                    storm = mover.key.startswith("storm:")
                    if not storm and not heads_for(place.entry.feature, place.name):
                        continue
                    ev = make_event(ctx, verb, sent, mover, place, "dest", span)
                    # "was heading toward X, it said": not there yet
                    ev.status = "planned" if ev.status == "reported" and not storm else ev.status
                    out.append(ev)
                    continue
                if role == "via" and child.dep_ == "dobj" and place.entry.feature in WATER - {
                        "strait", "canal"}:  # but "crossed the Channel": the crossing
                    continue  # "before crossing the Indian Ocean": no stop at sea
                ev = make_event(ctx, verb, sent, mover, place, role, span)
                if lemma == "board" and role == "dest" and ev.status == "confirmed":
                    ev.status, ev.date = "planned", None  # "boarded a ferry to X": not
                    ev.extra["future"] = True  # there yet
                if role == "dest" and lemma in START_VERBS and ev.status == "confirmed":
                    ev.status = "planned"  # "began his journey to X": not there yet
                if role == "dest" and child.dep_ == "prep" and child.lower_ == "for" and \
                        lemma in SETTING_OFF_VERBS:
                    ev.extra["goal"] = True  # "left for X on Monday": set out, not there yet
                    if ev.status == "confirmed":
                        ev.status = "planned"
                if separate and role == "dest" or background:
                    ev.extra["apart"] = True  # a trip to each; a trip of another time
                out.append(ev)
    here = next((c for c in verb.children if c.lower_ == "here" and c.dep_ == "advmod"), None)
    dateline = dateline_place(ctx)
    if dateline is not None and lemma in SETTING_OFF_VERBS and any(
            e.extra.get("goal") for e in out) and not any(e.role == "origin" for e in out) and \
            first_body_sentence(ctx, sent, dateline) and not any(
            contains(e.place, dateline) for e in out):
        # "LIMA — The president on Monday left for X": from where the story is filed
        ev = make_event(ctx, verb, sent, mover, dateline, "origin", (verb.idx, verb.idx))
        ev.extra["implied"] = True
        out.append(ev)
    if here is not None and dateline is not None and lemma in ARRIVAL_VERBS | {
            "come", "return", "move", "relocate", "fly", "travel", "immigrate"} and \
            not any(e.role == "dest" for e in out):  # "arrived here from X": the dateline
        out.append(make_event(ctx, verb, sent, mover, dateline, "dest", (here.idx, here.idx)))
    if any(c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod", "dobj") for c in
           verb.children) and mover.home and not any(e.role == "dest" for e in out):
        home = home_place(ctx, mover.home)
        if home is not None:  # "returning home": the mover's country, implied
            ev = make_event(ctx, verb, sent, mover, home, "dest", (verb.idx, verb.idx))
            ev.extra["implied"] = True
            out.append(ev)
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children) and \
            lemma in ARRIVAL_VERBS - SIGHTING_VERBS:
        for place, span in places_under(ctx, verb.head):
            out.append(make_event(ctx, verb, sent, mover, place, "dest", span))
    if lemma in REDIRECT_VERBS:
        intended_goal(verb, out)
    origins = [e for e in out if e.role == "origin"]
    # "departing Britain from Stansted", "left Rome's Fiumicino airport": one start
    outer = {e.place.id for e in origins for o in origins
             if o.place.id != e.place.id and contains(e.place, o.place)}
    if len({e.place.id for e in origins} - outer) > 1:
        for e in origins:  # "had travelled from Egypt, Syria and Pakistan to Libya": each
            e.extra["apart"] = True  # came from one of them, not from all in turn
    if any(e.role == "dest" and e.place.entry.feature not in WATER for e in out):
        # "entering the bay from the Atlantic near Brest": the sea is the approach
        out = [e for e in out if not (e.role == "origin" and e.place.entry.feature in WATER)]
    return out


# Verbs that ready a traveller for a trip ("placed aboard X for the flight to Y", "boarded a
# bus for the trip to Z"): the trip is still ahead
READYING_VERBS = {"place", "put", "load", "board", "embark", "prepare", "pack", "gather",
                  "assemble", "seat", "strap", "transfer", "hand"}


def noun_events(ctx: Context, noun, sent, mover: Mover) -> list[Event]:
    """The events of a travel noun ("his visit to X", "next stop at Y")."""
    out: list[Event] = []
    governing = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")
                      and a.dep_ != "prep"), noun)
    preps = [c for c in noun.children if c.dep_ == "prep"] + chained_preps(noun) + \
        vehicle_preps(noun)
    if noun.dep_ == "dobj" and not preps:  # "cut short his holiday in X": the parser hung
        preps = [c for c in noun.head.children if c.dep_ == "prep"  # "in X" on the verb
                 and c.i == noun.i + 1 and c.lower_ in ("in", "at")]
    for child in preps:
        if child.dep_ != "prep":
            continue
        prep = child.lower_
        role = "origin" if prep in ORIGIN_PREPS else "via" if prep in VIA_PREPS else \
            "dest" if prep in DEST_PREPS else None
        if governing.lemma_.lower() in START_VERBS and prep in ("in", "at", "from"):
            role = "origin"  # "began his trip in X"
        if role is None:
            continue
        for target in (c for c in child.children if c.dep_ == "pobj"):
            for place, span in places_under(ctx, target):
                ev = make_event(ctx, governing, sent, mover, place, role, span, noun=noun)
                off = lemma_of(governing) in SETTING_OFF_VERBS or lemma_of(governing) == \
                    "take" and any(c.dep_ == "prt" and c.lower_ == "off" for c in
                                   governing.children)
                if role == "dest" and ev.status == "confirmed" and (
                        off and not ev.date or lemma_of(governing) in START_VERBS) and \
                        not (ev.extra.get("earlier") and not after_clause(governing)):
                    # "took off ... on a flight to X"; but "left X and, after calls in Y,";
                    # "began his journey to X on Monday": a journey begun is not over
                    ev.status = "planned"  # "set off on a march to X": not there yet
                if role == "dest" and ev.status == "confirmed" and noun.dep_ == "pobj" and \
                        noun.head.lower_ == "for" and \
                        lemma_of(governing) in READYING_VERBS:
                    ev.status = "planned"  # "was placed aboard X for the trip to Y": ahead
                if noun.tag_ == "NNS" and lemma_of(noun) in SEPARATE_TRIP_NOUNS:
                    ev.extra["apart"] = True  # "vacations in X and Y": a trip to each
                out.append(ev)
    # "the next stop will be X", "his destination is X"
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        for attr in (c for c in noun.head.children if c.dep_ == "attr"):
            for place, span in places_under(ctx, attr):
                out.append(make_event(ctx, noun.head, sent, mover, place, "dest", span, noun=noun))
    return out
