"""Where animals set out, told by a noun: "tracking the terns since their departure from X"
says the animals of that kind (the tracked one among them) left X."""

from __future__ import annotations

from mapper.journeys.animals import learned_kinds
from mapper.journeys.context import Context
from mapper.journeys.frames import make_event, places_under
from mapper.journeys.movers import register_mover
from mapper.journeys.triggers import reads
from mapper.journeys.values import Event
from mapper.journeys.words import ANIMAL_NOUNS


def _animal_before(doc, pronoun):
    """The animal noun a possessive pronoun refers back to: the nearest one named before it
    in its sentence or the one before, plural for "their", singular for "its"."""
    sent = pronoun.sent
    start = doc[sent.start - 1].sent.start if sent.start else sent.start
    plural = pronoun.lower_ == "their"
    kinds = ANIMAL_NOUNS | learned_kinds(doc)
    for tok in reversed(doc[start:pronoun.i]):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in kinds and \
                (tok.tag_ == "NNS") == plural:
            return tok
    return None


@reads(lemma={"departure"})
def animal_departures(ctx: Context, noun, sent) -> list[Event]:
    """Origins told by an animal's departure as a noun ("tracking the terns since their
    departure from X"): the animals of that kind set out from X."""
    if noun.lemma_.lower() != "departure" or noun.pos_ != "NOUN":
        return []
    owner = next((c for c in noun.children if c.dep_ == "poss" and
                  c.lower_ in ("their", "its")), None)
    animal = _animal_before(ctx.doc, owner) if owner is not None else None
    if animal is None:
        return []
    kind = animal.lemma_.lower()
    mover = ctx.movers.get(f"animal:{kind}") or register_mover(
        ctx, f"animal:{kind}", kind, None, None, animal.idx, "vehicle")
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    out = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    out += [make_event(ctx, verb, sent, mover, place, "origin", span, noun)
                            for place, span in places_under(ctx, obj)]
    return out
