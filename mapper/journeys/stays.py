"""What a mover did at a place told in a "where" clause on that place is the same stay: "arrived
in X from Y, where he held talks" puts no second stop at Y after X; the talks were held at
the Y the mover came from, which the other event of the sentence already gives."""

from __future__ import annotations

from mapper.journeys.context import Context
from mapper.journeys.values import Event


def _where_head(ctx: Context, ev: Event):
    """The token a "where" clause holding the event's verb hangs on, or None."""
    if ctx.doc is None:
        return None
    span = ctx.doc.char_span(ev.position, ev.position + 1, alignment_mode="expand")
    if span is None:
        return None
    verb = span[0]
    if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where"
                                    for c in verb.children):
        return verb.head
    return None


def drop_where_stays(ctx: Context, events: list[Event]) -> list[Event]:
    """``events`` without those told in a "where" clause on a place that another event of the
    same mover, in the same sentence, already gives."""
    out = []
    for ev in events:
        head = _where_head(ctx, ev)
        if head is not None and any(
                o is not ev and o.mover is ev.mover and o.evidence == ev.evidence and
                o.place.id == ev.place.id and o.span[0] <= head.idx < o.span[1]
                for o in events):
            continue
        out.append(ev)
    return out
