"""Places a group takes: "rebels seized the airport in X", "troops occupied a base in Y",
"protesters stormed the parliament in Z". To occupy a building or a town, the group has to be
there: a stop of its journey (status and date as for any motion clause)."""

from __future__ import annotations

from mapper.journeys.context import Context
from mapper.journeys.frames import make_event, places_under
from mapper.journeys.movers import movers_of, subject_of
from mapper.journeys.syntax import is_conditional, is_negated, is_passive, lemma_of
from mapper.journeys.triggers import reads
from mapper.journeys.values import Event
from mapper.journeys.words import OCCUPATION_VERBS, PLACE_ENTS, SEIZED_NOUNS


def _taken_place(obj) -> bool:
    """Whether a verb's object is a place one can occupy: a named place or a building or
    settlement noun ("the airport", "an army HQ", "the city"), not goods ("seized weapons")."""
    return obj.ent_type_ in PLACE_ENTS or lemma_of(obj) in SEIZED_NOUNS or \
        obj.lower_ in SEIZED_NOUNS


@reads(pos={"VERB"})
def seizure_events(ctx: Context, verb, sent) -> list[Event]:
    """The stops of a group that took a place: the place the object names, or the town an
    "in"/"at" phrase of the verb or of the object names."""
    if verb.pos_ != "VERB" or lemma_of(verb) not in OCCUPATION_VERBS or is_passive(verb) or \
            is_negated(verb) or is_conditional(verb):
        return []
    objs = [c for c in verb.children if c.dep_ == "dobj" and _taken_place(c)]
    if not objs:
        return []
    movers = [m for m in movers_of(ctx, subject_of(ctx, verb)) if m.key.startswith("group:")]
    if not movers:
        return []
    targets = objs + [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                      for o in c.children if o.dep_ == "pobj"]
    out = []
    seen = set()
    for target in targets:
        for place, span in places_under(ctx, target):
            if place.id in seen:
                continue
            seen.add(place.id)
            out.extend(make_event(ctx, verb, sent, m, place, "dest", span) for m in movers)
    return out
