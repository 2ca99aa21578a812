"""Ground legs at an airport: the way to or from an airport that serves a nearby place is
driven, not flown, and a trip whose goal is a city ends in that city, not at its airport.

- "left the palace and took off from the capital's airport", "travelled by train to X, then flew
  from <an airport an hour's drive away>": the departure's mode (air) is the leg that leaves
  the airport; the leg that reaches it, from a place this near, is by road.
- "set out on her last journey to <city>" ... "is to be flown on to <the city's air base>":
  the city is where the trip ends, after its airport, reached from it by road."""

from __future__ import annotations

from mapper.geodesy import distance_km
from mapper.journeys.values import Event
from mapper.journeys.words import START_VERBS

GROUND_KM = 100.0  # no one flies to or from an airport from a place this near it
AIRPORT_CITY_KM = 60.0  # an airport this near a city serves it ("the city's airport")


def _near(a: Event, b: Event, km: float) -> bool:
    return distance_km((a.place.lat, a.place.lon), (b.place.lat, b.place.lon)) <= km


def trip_goal(ev: Event) -> bool:
    """Whether an event names the city a trip sets out for ("started a journey to X", "left
    for X"): where the whole trip is to end."""
    return ev.role == "dest" and ev.place.entry.feature == "city" and (
        ev.extra.get("lemma") in START_VERBS or bool(ev.extra.get("goal")))


def goal_beyond_airport(airport: Event, city: Event) -> bool:
    """Whether a city that a trip sets out for comes after an arrival still to come, told in
    another sentence, at an airport that serves it: two stops, the airport on the way, the
    city the end (not one stop at the airport). A landing told as done is the arrival the
    trip set out for ("left for X ... landed at X's airport"): one stop."""
    return airport.place.entry.feature == "airport" and airport.role == "dest" and \
        trip_goal(city) and airport.evidence != city.evidence and \
        "confirmed" not in (airport.status, city.status) and \
        _near(airport, city, AIRPORT_CITY_KM)


def goals_last(evs: list[Event]) -> list[Event]:
    """``evs`` (in time order) with each city a trip sets out for moved after the arrivals
    at its airport told elsewhere (see ``goal_beyond_airport``); the leg from the airport
    into the city is by road."""
    out = list(evs)
    for city in [e for e in evs if trip_goal(e)]:
        airports = [e for e in out if goal_beyond_airport(e, city) and
                    not e.extra.get("apart") and not city.extra.get("apart")]
        if not airports:
            continue
        last = max(out.index(a) for a in airports)
        if out.index(city) < last:
            out.remove(city)
            out.insert(last, city)
            city.order = max(a.order for a in airports) + 0.5
        city.mode = "road"
    return out


def ground_legs(evs: list[Event]) -> None:
    """The leg reaching an airport that a mover then leaves (an origin event: its mode is the
    departure's) from a place near it, not itself an airport, is by road."""
    joined = [e for e in evs if not e.extra.get("apart")]
    for prev, ev in zip(joined, joined[1:]):
        if ev.role == "origin" and ev.place.entry.feature == "airport" and \
                prev.place.entry.feature != "airport" and prev.place.id != ev.place.id and \
                ev.mode in ("air", "unknown") and _near(prev, ev, GROUND_KM):
            ev.mode = "road"
