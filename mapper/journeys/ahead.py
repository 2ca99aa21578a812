"""Goals told as a noun phrase, not a verb: the road still ahead ("with a long way still
ahead through X and Y", "the journey ahead to Z") and the life a traveller hopes for ("hope
for a new life in X", "in search of a better life in Y"). Both are planned stops of the
clause's subject, or, where the clause has none (a parse that lost it), of the group just
named as a subject a few sentences before."""

from __future__ import annotations

from mapper.journeys.context import Context
from mapper.journeys.frames import make_event, places_under
from mapper.journeys.movers import movers_of, subject_of
from mapper.journeys.syntax import lemma_of
from mapper.journeys.triggers import reads
from mapper.journeys.values import Event
from mapper.journeys.words import AHEAD_NOUNS, LIFE_GOAL_WORDS, LIFE_WORDS

NEAR = 120  # tokens: how far back the group named as a subject may stand
GOAL_PREPS = {"to": "dest", "into": "dest", "through": "via", "across": "via"}


def _goal_preps(tok):
    """The (preposition, role) pairs a goal phrase's head word carries, or []."""
    if tok.lower_ == "ahead" and lemma_of(tok.head) in AHEAD_NOUNS:
        return [(c, GOAL_PREPS[c.lower_]) for c in tok.children
                if c.dep_ == "prep" and c.lower_ in GOAL_PREPS]
    if lemma_of(tok) == "life" and any(c.dep_ == "amod" and c.lower_ in LIFE_WORDS
                                       for c in tok.children):
        holder = tok.head.head if tok.head.dep_ == "prep" else tok.head
        if lemma_of(holder) in LIFE_GOAL_WORDS:  # "hope for", "search of", "seeking"
            return [(c, "dest") for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"]
    return []


@reads(lower={"ahead"}, lemma={"life"})
def ahead_events(ctx: Context, tok, sent) -> list[Event]:
    """The planned stops of a goal phrase (see the module docstring)."""
    preps = _goal_preps(tok)
    if not preps:
        return []
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subj = subject_of(ctx, verb) if verb is not None else None
    movers = movers_of(ctx, subj) if subj is not None else []
    group = ctx.plural_subject
    if subj is None and group is not None and 0 < tok.i - group.i <= NEAR:
        movers = movers_of(ctx, group)
    out = []
    for prep, role in preps:
        for target in (c for c in prep.children if c.dep_ == "pobj"):
            for place, span in places_under(ctx, target):
                for mover in movers:
                    ev = make_event(ctx, verb if verb is not None else tok, sent, mover, place,
                                    role, span)
                    ev.status, ev.date, ev.verb = "planned", None, tok.text
                    ev.extra["future"] = True
                    ev.extra["final"] = tok.lower_ != "ahead"  # the life hoped for: the end
                    out.append(ev)
    return out
