"""Itinerary cues outside a motion verb's own arguments: a place named as a point of a trip
("X, the starting point of the tour", "Y, the last stop on her trip")."""

from __future__ import annotations

from mapper.journeys.context import Context
from mapper.journeys.events import make_event, places_under
from mapper.journeys.movers import movers_of, subject_of
from mapper.journeys.people import np_text
from mapper.journeys.triggers import reads
from mapper.journeys.values import Event
from mapper.journeys.words import PLACE_ENTS, ROUTE_POINTS, TRAVEL_NOUNS


@reads(dep={"appos"})
def route_point_events(ctx: Context, tok, sent) -> list[Event]:
    """"Kim spoke at a rally in X, the starting point of the tour": X is where the trip of the
    clause's subject began (or, for "the first stop", a place it reached)."""
    if tok.dep_ != "appos" or tok.pos_ != "NOUN":
        return []
    named = named_before(tok)
    role = route_point(tok) if named is not None else None
    if role is None:
        return []
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return []
    out = []
    for mover in movers_of(ctx, subject_of(ctx, verb)):
        for place, span in places_under(ctx, named):
            if span[0] <= named.idx < span[1]:
                out.append(make_event(ctx, verb, sent, mover, place, role, span))
    return out


def named_before(noun):
    """The place a noun phrase is set beside: its head, or the name just before its comma
    where the parser hung it on the clause's subject ("The governor spoke in X, the ...")."""
    if noun.head.ent_type_ in PLACE_ENTS:
        return noun.head
    left = noun.left_edge.i
    if left > 1 and noun.doc[left - 1].text == "," and noun.doc[left - 2].ent_type_ in \
            PLACE_ENTS:
        return noun.doc[left - 2]
    return None


def route_point(noun) -> str | None:
    """The role a noun phrase names on a trip ("the unofficial starting point of the tour" ->
    origin), when it belongs to a trip ("of the tour", "on his trip", "her first stop")."""
    phrase = np_text(noun).lower()
    trip = any(c.dep_ == "poss" for c in noun.children) or any(
        p.dep_ == "prep" and p.lower_ in ("of", "on", "for", "in") and any(
            o.dep_ == "pobj" and o.lemma_.lower() in TRAVEL_NOUNS | {"route", "campaign"}
            for o in p.children) for p in noun.children)
    if not trip:
        return None
    return next((role for words, role in ROUTE_POINTS.items()
                 if phrase == words or phrase.endswith(" " + words)), None)
