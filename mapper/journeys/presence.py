"""Presence reported with a hedge: "the fighters were reportedly in X", "the convoy was
apparently at Y". A past "be" in/at a named place is usually background ("was in X four years
ago"); said with a hedge it reports where a mover was last seen, a stop of its journey."""

from __future__ import annotations

from mapper.journeys.words import HEDGE_ADVERBS, PASSING_PREPS


def hedged_presence(verb) -> bool:
    """Whether a past "be" with a hedge adverb says where its subject was ("were reportedly
    in X", "was apparently at Y, officials said"): a main or reported clause's verb with
    "in"/"at" a name (the place is looked up later) and no other complement."""
    if verb.lemma_ != "be" or verb.tag_ != "VBD" or verb.dep_ not in ("ROOT", "conj", "ccomp"):
        return False
    if not any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in verb.children):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
            o.pos_ == "PROPN" for o in c.subtree)
        for c in verb.children) and not any(
        c.dep_ in ("attr", "acomp", "oprd", "neg", "expl") for c in verb.children)


def present_kinds(verb) -> tuple[str, ...]:
    """The mover kinds a "be" in/at a place can place: people, and for a hedged report of
    where they were, groups too ("the fighters were reportedly in X"), never things."""
    people = ("person:", "office:", "name:")
    return people + ("group:",) if hedged_presence(verb) else people


def passing_now(verb) -> bool:
    """Whether a present motion says where the mover is now, not a timetable: it only
    passes through or across ("they trudge through X", "the column moves across Y") and
    names no time ("flies through X on Monday" is a plan)."""
    preps = [c for c in verb.children if c.dep_ == "prep" and any(
        o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.subtree)]
    if not preps or any(c.lower_ not in PASSING_PREPS for c in preps):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") and (t.head is verb or t.head.head is verb)
                   for t in verb.subtree)
