"""An advance on a goal told out of order: a mover heading for a place still ahead, its
positions of one day told in separate sentences (the latest first, as news tells it), put in
the order that brings it closer to the goal."""

from __future__ import annotations

from mapper.geodesy import distance_km
from mapper.journeys.values import Event


def order_advance(evs: list[Event]) -> list[Event]:
    """``evs`` (in time order) with the positions reached on one day, each told in its own
    sentence, reordered from the farthest from the trip's planned goal to the nearest."""
    if len(evs) < 4 or not (evs[-1].extra.get("future") and evs[-1].role == "dest"):
        return evs
    goal = evs[-1].place
    run = [e for e in evs[:-1] if not e.extra.get("future")]
    days = {e.date for e in run if e.date}  # one day told or filled in, or none
    if len(run) != len(evs) - 1 or len(days) > 1 or any("/" in d for d in days) or \
            any(e.role not in ("dest", "via") or e.extra.get("apart") for e in run):
        return evs
    if len({e.evidence for e in run}) < 3:
        return evs

    def far(e: Event) -> float:
        return distance_km((e.place.lat, e.place.lon), (goal.lat, goal.lon))
    best = sorted(run, key=far, reverse=True)
    for ev, order in zip(best, [e.order for e in run]):
        ev.order = order
    return [*best, evs[-1]]


def told_apart(region: Event, town: Event) -> bool:
    """Whether a region and a town inside it, each only reported and in its own sentence
    ("the governor said the column crossed the region"; "a channel said it was seen near
    the town"), are two reports of the advance, kept as two stops rather than merged."""
    return region.place.entry.feature in ("admin1", "region") and \
        town.place.entry.feature == "city" and region.status == town.status == "reported" and \
        region.evidence != town.evidence and region.position < town.position
