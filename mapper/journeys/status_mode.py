"""Status and mode: whether a stop is confirmed, planned, reported or speculated, and how
the mover travels."""

from __future__ import annotations

import re

from mapper.journeys.context import Context
from mapper.journeys.presence import passing_now
from mapper.journeys.syntax import (
    due_in,
    future_clause,
    in_headline,
    is_conditional,
    is_negated,
    lemma_of,
)
from mapper.journeys.values import Mover
from mapper.journeys.words import (
    ANNOUNCE_VERBS,
    BELIEF_VERBS,
    ENDING_VERBS,
    HEDGE_ADVERBS,
    MOTION_VERBS,
    PLAN_ADJECTIVES,
    PLAN_HEADS,
    REPORT_VERBS,
    SETTING_OUT_VERBS,
    SOURCE_NOUNS,
    SPECULATION_MODALS,
    SPECULATION_WORDS,
    START_VERBS,
    VEHICLES,
    VERB_MODES,
)
from mapper.networks.mode import mode_from_text
from mapper.nlp import doc_sents, doc_text

# Verbs of showing: footage or data that "showed the ship arriving" is seen, not claimed
SEEN_VERBS = {"show"}
# Conjunctions of a time clause
TIME_MARKS = {"after", "before", "when", "once", "as", "while", "since", "until"}


def stop_status(ctx: Context, verb, sent, noun=None) -> str:
    """Whether a verb's stop is confirmed, planned, reported or speculated (read once per
    verb, sentence and noun: a verb with ten places asks ten times)."""
    key = ("stop_status", verb.i, sent.start, -1 if noun is None else noun.i)
    if key not in ctx.memo:
        ctx.memo[key] = _stop_status(ctx, verb, sent, noun)
    return ctx.memo[key]


def _stop_status(ctx: Context, verb, sent, noun=None) -> str:
    key = f"sentence_words:{sent.start_char}:{sent.end_char}"  # one per sentence
    if key not in ctx.memo:
        ctx.memo[key] = ({t.lower_ for t in sent},
                         sent.text.rstrip(" \n\"'”’").endswith("?"))
    words, question = ctx.memo[key]
    chain = [verb, *verb.ancestors]
    clause = [verb, *[a for a in verb.ancestors if a.dep_ in ("xcomp", "aux", "ROOT")]]
    auxes = {c.lower_ for v in clause for c in v.children if c.dep_ in ("aux", "auxpass")}
    auxes |= {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if noun is not None:
        auxes |= {c.lower_ for c in noun.head.children if c.dep_ == "aux"}
    if question:
        return "speculated"  # a question asserts no trip ("is it safe to send them to X?")
    hedge = _hedge(verb)
    if hedge:
        return hedge
    if auxes & SPECULATION_MODALS or words & SPECULATION_WORDS or is_conditional(verb) or (
            "must" in auxes and "have" in auxes and verb.tag_ == "VBN"):
        return "speculated"  # "could stop in X", "if he flies to X", "must have gone to X"
    if auxes & {"should", "ought"} and "have" in auxes and verb.tag_ == "VBN":
        return "planned"  # "a course that should have brought it to X": a goal not reached
    reporters = [a for a in _clause_chain(verb)[1:] if a.pos_ in ("VERB", "AUX")
                 and a.lemma_.lower() in REPORT_VERBS - SEEN_VERBS]
    planned = future_clause(verb) or (
        verb.tag_ == "VB" and "to" in auxes and not _purpose_of_departure(verb)) or (
        verb.tag_ == "VB" and "must" in auxes) or due_in(verb) is not None or \
        lemma_of(verb) == "bound" or any(
        a.lemma_.lower() in PLAN_HEADS for a in chain[1:3]) or (
        noun is not None and any(c.lower_ in PLAN_ADJECTIVES for c in noun.children))
    if reporters and reporters[0].lemma_.lower() in BELIEF_VERBS:
        return "speculated"  # "police believed he drove to X", "they hope to reach X"
    if _being_carried(verb) or _plan_before(verb):
        return "planned"
    if reporters or "according" in words:
        # "her office said she would stop off in X" announces a plan; "sources said",
        # "according to", "reported" and past facts relay a claim
        if planned and reporters and "according" not in words and \
                reporters[0].lemma_.lower() in ANNOUNCE_VERBS and \
                not source_speaker(reporters[0]):
            return "planned"
        if not planned and reporters and reporters[0].lemma_.lower() == "confirm" and \
                reporters[0].tag_ != "VB" and "according" not in words and \
                not is_negated(reporters[0]):  # not "have yet to confirm", "would confirm"
            return "confirmed"  # "the airline confirmed it was diverted to X": a fact
        return "reported"
    if "would" in auxes and "if" in words:
        return "speculated"  # "would fly to X if ..."
    if planned:
        return "planned"
    if verb.dep_ in ("pcomp", "advcl"):
        head = verb.head.head if verb.head.dep_ == "prep" else verb.head
        if head.pos_ in ("VERB", "AUX") and head != verb:
            governing = stop_status(ctx, head, sent)
            if governing != "confirmed":
                return governing  # "will fly on to Quito before returning home"
    present = verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VB" and not auxes and any(
        c.dep_ == "nsubj" for c in verb.children)  # "The Sox open": a present tagged VB
    if present and lemma_of(verb) in MOTION_VERBS | START_VERBS and \
            not in_headline(verb) and not _quoted(verb, sent) and \
            not (verb.text[:1].isupper() and verb.i != sent.start) and (
                verb.dep_ == "conj" or any(c.dep_ in ("nsubj", "nsubjpass")
                                           for c in verb.children)) and not passing_now(verb):
        return "planned"  # "He arrives in X on Friday", "He flies first to X": a timetable
    if verb.tag_ == "VBG" and lemma_of(verb) == "head" and verb.dep_ in (
            "advcl", "acl", "xcomp", "conj") and any(
            c.dep_ == "prep" and c.lower_ in ("to", "toward", "towards", "for", "into")
            for c in verb.children):
        return "planned"  # "sailed from X on Sunday, heading for Y": Y is still ahead
    progressive = {"is", "are", "am", "'s", "’s"} | (
        {"was", "were"} if lemma_of(verb) in MOTION_VERBS else set())
    if verb.tag_ == "VBG" and own_auxes(verb) & progressive and any(
            c.dep_ == "prep" and c.lower_ in ("to", "toward", "towards", "for", "into")
            for c in verb.children):
        return "planned"  # "is (was) heading to": the destination is not reached yet
    return "confirmed"


def own_auxes(verb) -> set[str]:
    """The verb's own auxiliaries (or those of the verb it is joined to): not a main
    clause's "was" over "was detained after flying out of X and returning to Y"."""
    own, tok = set(), verb
    while True:
        own |= {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if tok.dep_ != "conj" or tok.head == tok:
            return own
        tok = tok.head


def _being_carried(verb) -> bool:
    """"was being transported to X", "is being flown to Y": a goal not reached yet, whoever
    tells it."""
    own = own_auxes(verb)
    return verb.tag_ == "VBN" and "being" in own and bool(
        own & {"is", "are", "am", "was", "were"}) and any(
        c.dep_ == "prep" and c.lower_ in ("to", "toward", "towards", "into")
        for c in verb.children)


def _hedge(verb) -> str | None:
    """The status a hedging adverb on the verb's clause gives ("apparently after changing
    planes in X", "reportedly flew to Y")."""
    heads = [verb] + ([verb.head] if verb.dep_ == "pcomp" else [])
    for tok in heads:
        for c in tok.children:
            if c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS:
                return HEDGE_ADVERBS[c.lower_]
    return None


def _plan_before(verb) -> bool:
    """Whether a time clause ("after calling at X") follows a plan said of the same verb
    ("sailed from Y, due to dock in Z after calling at X"): the stop is the plan's."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in ("after", "before"):
        return False
    return any(prep.head.i < c.i < prep.i and c.lemma_.lower() in PLAN_HEADS
               for c in prep.head.children)


def _quoted(verb, sent) -> bool:
    """Whether a verb stands inside quotation marks in its sentence."""
    before = doc_text(sent.doc)[sent.start_char: verb.idx]
    return sum(before.count(q) for q in '"“”') % 2 == 1


def source_speaker(report) -> bool:
    """Whether a report verb's speaker is a source relaying news ("sources said",
    "the news agency said", "local media reported")."""
    subj = next((c for c in report.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    words = {t.lemma_.lower() for t in subj.subtree}
    return bool(words & SOURCE_NOUNS)


def travel_mode(ctx: Context, verb, sent, mover: Mover) -> str:
    """How the mover travels: the vehicle of the subject, the verb ("fly", "sail"), "by
    helicopter", or the mover's own vehicle; "unknown" otherwise."""
    if ctx.subject_vehicle:
        return VEHICLES[ctx.subject_vehicle]
    mode = _verb_mode(verb, ctx.craft_kind)
    if mode:
        return mode
    if verb.dep_ in ("advcl", "pcomp", "xcomp"):
        # "flies to X, stopping in Y, before arriving in Z": the trip's verb gives the mode;
        # "was hidden in a jet when he fled X": the clause it tells the time of
        head = verb.head.head if verb.head.dep_ == "prep" else verb.head
        mode = _verb_mode(head, ctx.craft_kind) if head.pos_ in ("VERB", "AUX") else None
        if mode:
            return mode
    if mover.vehicle and mover.key.startswith(("vehicle:", "named:")):
        return VEHICLES.get(mover.vehicle, "unknown")
    if FLIGHT_NAME.search(mover.label):
        return "air"  # "MH370", "Flight 1722": a flight by its number
    return "unknown"


# A flight named by its number: an airline code and digits ("MH370", "AA 1722"), "Flight 447"
FLIGHT_NAME = re.compile(r"^(?:[A-Z][A-Z0-9]\s?\d{1,4}[A-Z]?|.*\b[Ff]light\s+\d{1,4})$")
# Verbs whose object vehicle is how the mover goes ("changed planes in X", "boarded a jet")
VEHICLE_OBJECT_VERBS = {"change", "switch", "swap", "board", "catch", "take", "charter",
                        "use", "ride", "hire", "commandeer", "steal", "hijack"}
# Verbs with a particle that name their mode ("took off from X", "touched down in Y")
PHRASAL_MODES = {("take", "off"): "air", ("touch", "down"): "air"}


# Nouns of a whole trip that a vehicle word names the mode of ("a bus tour", "a train journey")
TOUR_NOUNS = {"tour", "campaign", "trip", "journey", "procession", "cortege", "cortège",
              "odyssey", "pilgrimage", "expedition", "caravan"}  # not one leg's "ride"
LEAD_SENTENCES = 4  # the headline, a standfirst, the publication line and the lead


def tour_mode(doc) -> str | None:
    """The mode of a trip the headline or lead names by its vehicle ("begins bus tour", "a
    train journey across X"), when they name one mode only: the mode of the travellers'
    legs the text gives no other for."""
    modes = set()
    for sent in doc_sents(doc)[:LEAD_SENTENCES]:
        for tok in sent:
            if tok.lemma_.lower() in TOUR_NOUNS and tok.pos_ == "NOUN":
                modes |= {VEHICLES[c.lemma_.lower()] for c in tok.children if
                          c.dep_ in ("compound", "amod", "nmod") and
                          c.lemma_.lower() in VEHICLES}
            elif _headline_vehicle(tok):
                modes.add(VEHICLES[tok.lemma_.lower()])  # "Escaped inmate found in stolen van"
    return next(iter(modes)) if len(modes) == 1 else None


def _headline_vehicle(tok) -> bool:
    """Whether a vehicle is the one the headline's traveller is in ("Inmate found in stolen
    van", "Hikers found in lorry"): the object of "in", "aboard" or "on" on the headline's
    verb."""
    return tok.lemma_.lower() in VEHICLES and tok.dep_ == "pobj" and \
        tok.head.lower_ in ("in", "aboard", "on") and tok.head.head.pos_ == "VERB" and \
        in_headline(tok)


def _verb_mode(verb, craft_kind: str | None = None) -> str | None:
    """The mode a verb names ("fly", "sail", "take off") or its "by helicopter", "aboard a
    ship", "in a car", "changed planes"; "aboard" a craft named only by its name is of the
    kind the article's vehicles are (``craft_kind``)."""
    lemma = verb.lemma_.lower()
    if lemma in VERB_MODES:
        return VERB_MODES[lemma]
    for child in verb.children:
        if child.dep_ == "prt" and (lemma, child.lower_) in PHRASAL_MODES:
            return PHRASAL_MODES[(lemma, child.lower_)]
        if child.dep_ == "dobj" and lemma in VEHICLE_OBJECT_VERBS and \
                child.lemma_.lower() in VEHICLES:
            return VEHICLES[child.lemma_.lower()]  # "after changing aircraft in X"
        if child.lower_ in ("in", "inside") and child.dep_ == "prep":
            for obj in child.children:  # "fled in a car", "hidden in a private jet"
                if obj.dep_ == "pobj" and obj.lemma_.lower() in VEHICLES:
                    return VEHICLES[obj.lemma_.lower()]
        if child.lower_ in ("by", "aboard", "on") and child.dep_ in ("prep", "agent"):
            for obj in child.children:  # "by helicopter", "on a bus"
                mode = VEHICLES.get(obj.lemma_.lower()) or mode_from_text(obj.text)
                if mode:
                    return mode
                if child.lower_ == "aboard" and obj.pos_ == "PROPN" and craft_kind:
                    return VEHICLES.get(craft_kind)  # "aboard the Sea Star"
    return None


def _purpose_of_departure(verb) -> bool:
    """Whether an infinitive is what a past departure was for ("left Oslo to fly to Rome",
    "cut short her holiday to return to Rome"): the news tells it as done."""
    head = verb.head
    return verb.dep_ == "advcl" and head.tag_ == "VBD" and \
        head.lemma_.lower() in SETTING_OUT_VERBS | ENDING_VERBS


def _clause_chain(verb) -> list:
    """The verb and its ancestors up to a relative clause's noun: in "believes the cat found on
    a train that travelled to X is theirs", the belief is not about the train's trip."""
    out = [verb]
    tok = verb
    while tok.head != tok and tok.dep_ not in ("relcl", "acl") and not _told_as_known(tok):
        tok = tok.head
        out.append(tok)
    return out


def _told_as_known(tok) -> bool:
    """Whether a clause is a time clause after a report verb ("said after the plane touched
    down in X", "told reporters before leaving X"): it dates the saying, not what is said (one
    before the verb may be part of what is said: "As police stopped the car on X, ..., police
    said")."""
    if tok.dep_ == "advcl":
        return tok.head.lemma_.lower() in REPORT_VERBS and tok.i > tok.head.i and any(
            c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in tok.children)
    return tok.dep_ == "pcomp" and tok.head.lower_ in TIME_MARKS and \
        tok.head.head.lemma_.lower() in REPORT_VERBS and tok.i > tok.head.head.i
