"""Origins told by what the mover was doing before: "arrived from a summit in X", "is
coming after talks in X" (the mover was at X before this leg)."""

from __future__ import annotations

from mapper.journeys.context import Context
from mapper.journeys.frames import make_event, places_under
from mapper.journeys.movers import movers_of, subject_of
from mapper.journeys.syntax import is_habitual, is_negated, is_unrealised, lemma_of
from mapper.journeys.triggers import reads
from mapper.journeys.values import Event
from mapper.journeys.words import EVENT_NOUNS

# Verbs of coming somewhere whose "after"/"from" phrase can name the event the mover left
COMING_VERBS = {"come", "arrive", "fly", "land", "return", "travel", "head", "jet"}
# Prepositions of an event left behind ("from talks in X", "after a summit in X")
LEFT_EVENT_PREPS = ("after", "from")


@reads(pos={"VERB", "AUX"})
def event_origins(ctx: Context, verb, sent) -> list[Event]:
    """Origins of a coming verb at the place of the event it follows ("flew in after talks
    in X", "returned from a summit at X"): where the mover was before, not where it goes."""
    if verb.pos_ not in ("VERB", "AUX") or lemma_of(verb) not in COMING_VERBS or \
            is_negated(verb) or is_habitual(verb) or is_unrealised(verb):
        return []
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in LEFT_EVENT_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or lemma_of(noun) not in EVENT_NOUNS:
                continue
            found += [hit for p in noun.subtree if p.dep_ == "prep" and p.lower_ in ("in", "at")
                      and p.head.pos_ in ("NOUN", "PROPN")
                      for o in p.children if o.dep_ == "pobj" for hit in places_under(ctx, o)]
    if not found:
        return []
    # "arrived in X after the summit in X": the event was where the trip ends, no origin
    goals = {p.id for c in verb.children if c.dep_ == "prep" and c.lower_ not in
             LEFT_EVENT_PREPS for o in c.children if o.dep_ == "pobj"
             for p, _ in places_under(ctx, o)}
    out = []
    for mover in movers_of(ctx, subject_of(ctx, verb)):
        for place, span in found:
            if place.id in goals:
                continue
            ev = make_event(ctx, verb, sent, mover, place, "origin", span)
            ev.verb = "from"  # where the mover came from: no home country before it
            out.append(ev)
    return out
