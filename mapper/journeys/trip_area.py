"""A trip's area is no stop: "sailed from X for a Mediterranean cruise" names the sea the
cruise is in, not a place the ship makes for."""

from __future__ import annotations

from mapper.journeys.context import Context
from mapper.journeys.values import Event
from mapper.journeys.words import AREA_TRIP_NOUNS, WATER


def trip_area(ctx: Context, ev: Event) -> bool:
    """Whether an event's place is a sea named as the kind of a trip ("a Baltic cruise")."""
    if ev.role != "dest" or ev.place.entry.feature not in WATER or ctx.doc is None:
        return False
    span = ctx.doc.char_span(ev.span[0], ev.span[1], alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return head.dep_ in ("compound", "amod") and head.head.i > head.i and \
        head.head.lemma_.lower() in AREA_TRIP_NOUNS and head.head.pos_ == "NOUN"


def drop_trip_areas(ctx: Context, events: list[Event]) -> list[Event]:
    """``events`` without the seas that only qualify a trip."""
    return [ev for ev in events if not trip_area(ctx, ev)]
