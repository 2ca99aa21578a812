"""A storm's track told with a place as the object of a motion verb ("will move X", "then
moves the southern islands"): a storm carries nothing, so the place is where it goes (the
verbs that take their destination as object, "reach X", "cross X", read it already)."""

from __future__ import annotations

from mapper.journeys.context import Context
from mapper.journeys.frames import make_event, places_under
from mapper.journeys.movers import is_storm, movers_of, subject_of
from mapper.journeys.syntax import is_negated, lemma_of
from mapper.journeys.triggers import reads
from mapper.journeys.values import Event
from mapper.journeys.words import MOTION_VERBS, OBJECT_DEST_VERBS

PLACE_ENTS = ("GPE", "LOC", "FAC")


@reads(pos={"VERB"})
def storm_object_events(ctx: Context, verb, sent) -> list[Event]:
    """The places a storm's motion verb has as objects: where it goes."""
    if verb.pos_ != "VERB":
        return []
    lemma = lemma_of(verb)
    if lemma not in MOTION_VERBS or lemma in OBJECT_DEST_VERBS or is_negated(verb):
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ in PLACE_ENTS]
    if not objects:
        return []
    subj = subject_of(ctx, verb)
    if subj is None or not is_storm(ctx, subj):
        return []
    return [make_event(ctx, verb, sent, mover, place, "dest", span)
            for mover in movers_of(ctx, subj) if mover.key.startswith("storm:")
            for obj in objects for place, span in places_under(ctx, obj)]
