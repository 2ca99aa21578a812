"""Where the vehicles a story tells were boarded: "troops moved the passengers to X's airport
to board the flights" says the flights set out from X. The vehicles of that mode whose
journeys name no start (a plane that "arrived at" Y) take X as their origin: every one for
a plural ("the flights"), the only one for a singular ("to board a plane")."""

from __future__ import annotations

from dataclasses import replace

from mapper.journeys.context import Context
from mapper.journeys.values import Event
from mapper.journeys.words import VEHICLES
from mapper.nlp import doc_tokens


def _boarding_purposes(doc):
    """The "to board <vehicles>" purpose clauses of the parse: (board, vehicle noun, head)."""
    for tok in doc_tokens(doc):
        if tok.lemma_ != "board" or tok.dep_ not in ("advcl", "xcomp") or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj" and
                    c.lemma_.lower() in VEHICLES), None)
        if obj is not None:
            yield tok, obj, tok.head


def boarded_origins(ctx: Context, events: list[Event]) -> list[Event]:
    """``events`` with an origin added for each vehicle of a boarding purpose's mode (see the
    module docstring); the origin is the last place the governing verb moved its mover to."""
    added: list[Event] = []
    for board, obj, head in _boarding_purposes(ctx.doc):
        goals = [e for e in events if e.position == head.idx and e.role == "dest"]
        if not goals:
            continue
        goal = max(goals, key=lambda e: e.span[0])
        mode = VEHICLES[obj.lemma_.lower()]
        started = {e.mover.key for e in events if e.role == "origin"}
        riders = []
        for e in events:
            if e.mode == mode and e.mover is not goal.mover and e.mover.key not in started \
                    and e.mover not in riders:
                riders.append(e.mover)
        if obj.tag_ not in ("NNS", "NNPS") and len(riders) != 1:
            continue  # "to board a plane": which one, when the story tells several
        for mover in riders:
            added.append(replace(goal, mover=mover, role="origin", mode=mode, verb=board.text,
                                 position=board.idx, extra={**goal.extra, "lemma": "board"}))
    return sorted(events + added, key=lambda e: e.position) if added else events
