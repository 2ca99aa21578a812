"""A road is no traveller: in "Boley Drive off Freeman Drive" the word "Drive" is a street's
name, not the verb, and "Royal Street was the route of the streetcar ... after it rolled
down ..." does not send the street anywhere. Events whose mover is named as a street or a
road are dropped."""

from __future__ import annotations

from mapper.gazetteer.local import is_road_name
from mapper.journeys.values import Event


def drop_road_movers(events: list[Event]) -> list[Event]:
    """``events`` without those of a mover named as a street or a road."""
    return [ev for ev in events if not is_road_name(ev.mover.label)]
