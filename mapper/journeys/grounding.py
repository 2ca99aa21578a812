"""Where a vessel or a craft came to grief: "ran aground off X", "struck a reef near Y", "hit a
sandbar near the island of Z", "crashed near X", "was shot down over Y", "was wrecked off Z".
The place is a stop of the mover (its last, in most stories); the position words ("off",
"near", "over") put it at the place named, as "was adrift off X" does.
"""

from __future__ import annotations

from mapper.journeys.context import Context
from mapper.journeys.frames import make_event, places_under
from mapper.journeys.movers import movers_of, subject_of
from mapper.journeys.syntax import is_negated, lemma_of
from mapper.journeys.triggers import reads
from mapper.journeys.values import Event
from mapper.journeys.words import GROUNDING_HAZARDS, GROUNDING_PREPS


def _grounded(verb) -> bool:
    """Whether ``verb`` is "ran aground" / "ran ashore", "struck/hit a reef (rocks, ...)",
    "crashed", or a craft "was shot down" / "was wrecked"."""
    lemma = lemma_of(verb)
    if lemma == "run":
        return any(c.dep_ in ("advmod", "acomp", "prt") and c.lower_ in ("aground", "ashore")
                   for c in verb.children)
    if lemma == "crash":
        return not any(c.dep_ == "dobj" for c in verb.children)  # not "crashed the car"
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if lemma == "shoot":
        return passive and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
    if lemma == "wreck":
        return passive
    return bool(_struck(verb))


def _struck(verb) -> list:
    """The hazards a strike verb names as its objects ("hit a sandbar")."""
    if lemma_of(verb) not in ("hit", "strike"):
        return []
    return [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in GROUNDING_HAZARDS]


def _bare(verb) -> bool:
    """Whether a verb has no subject of its own but a pronoun ("after hitting", "it struck")."""
    return all(c.pos_ == "PRON" for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


def _movers_before(ctx: Context, verb) -> list:
    """The movers of the noun right before a verb the parser left without a subject ("...,
    Italian cruise ship X ran aground" read as an apposition of an earlier noun)."""
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    while prev is not None and prev.pos_ in ("NOUN", "PROPN"):
        found = movers_of(ctx, prev)
        if found or prev.dep_ != "appos":
            return found
        prev = prev.head
    return []


@reads(pos={"VERB"})
def grounding_events(ctx: Context, tok, sent) -> list[Event]:
    """The events of a grounding verb: the places after its position words, or after those
    of the hazard struck ("ran aground after hitting a sandbar near X"). A strike told inside
    a "ran aground" clause is read with it, not on its own."""
    if tok.pos_ != "VERB" or not _grounded(tok) or is_negated(tok):
        return []
    if _struck(tok) and _bare(tok) and any(_grounded(a) and not _struck(a)
                                           for a in tok.ancestors):
        return []
    heads = [tok, *_struck(tok)]
    if not _struck(tok):
        heads += [h for t in tok.subtree if t is not tok and _bare(t) for h in _struck(t)]
    preps = [p for h in heads for p in h.children
             if p.dep_ == "prep" and p.lower_ in GROUNDING_PREPS]
    targets = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    if not targets:
        return []  # "ran aground on July 25": no place, and no mover to register
    out = []
    for mover in movers_of(ctx, subject_of(ctx, tok)) or _movers_before(ctx, tok):
        for target in targets:
            for place, span in places_under(ctx, target):
                ev = make_event(ctx, tok, sent, mover, place, "dest", span)
                ev.verb = " ".join(t.text for t in (tok, *heads[1:2]))
                out.append(ev)
    return out
