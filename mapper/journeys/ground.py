"""Ground legs at an airport: the way to an airport from a place near it is driven, not
flown. "left the palace and took off from the capital's airport", "travelled by train to X, then
flew from <an airport an hour's drive away>": the departure's mode (air) is the leg that
leaves the airport; the leg that reaches it, from a place this near, is by road."""

from __future__ import annotations

from mapper.geodesy import distance_km
from mapper.journeys.values import Event

GROUND_KM = 100.0  # no one flies to or from an airport from a place this near it


def _near(a: Event, b: Event, km: float) -> bool:
    return distance_km((a.place.lat, a.place.lon), (b.place.lat, b.place.lon)) <= km


def ground_legs(evs: list[Event]) -> None:
    """The leg reaching an airport that a mover then leaves (an origin event: its mode is the
    departure's) from a place near it, not itself an airport, is by road."""
    joined = [e for e in evs if not e.extra.get("apart")]
    for prev, ev in zip(joined, joined[1:]):
        if ev.role == "origin" and ev.place.entry.feature == "airport" and \
                prev.place.entry.feature != "airport" and prev.place.id != ev.place.id and \
                ev.mode in ("air", "unknown") and _near(prev, ev, GROUND_KM):
            ev.mode = "road"
