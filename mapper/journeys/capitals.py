"""A person's trip to or from a country is drawn at its capital: a leader's state visit, talks
or a flight "to Rwanda" land in Kigali, not in the middle of its land. Other movers keep the
country's own point (migrants "reached Mexico", a ship "bound for Brazil": no city is meant).

A state or province a person goes to or comes from that shares its name with a city of its
own ("a fair in Sao Paulo state", "a stop in New York" read as the state) is drawn
at that city, as the country at its capital.

The stop keeps the country as its place, at a point of its own: a place named as the text
writes the country, whose entry's source names the capital ("point: its capital, Maputo")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from mapper.gazetteer.base import normalize
from mapper.journeys.context import Context
from mapper.journeys.values import Event, Mover
from mapper.model import GazetteerEntry, Place, Stop

ROLES = ("origin", "dest")  # a country passed over or crossed into is no visit
NAMESAKE_POPULATION = 100_000  # a state's namesake city this big is where a visit goes


def at_capitals(ctx: Context, mover: Mover, stops: list[Stop], evs: list[Event],
                apart: set[tuple[str, int]]) -> tuple[list[Stop], list[Stop]]:
    """A mover's stops, each at :func:`stop_place` for the role its event gave it (an implied
    origin sets out from its place), and those of them legs join (not in ``apart``, the
    (place id, position) of stops no leg reaches)."""
    roles = {(e.place.id, e.position): e.role for e in evs}
    out, joined = [], []
    for s in stops:
        key = (s.place.id, s.position)
        s = replace(s, place=stop_place(ctx, mover, "origin" if s.implied else
                                        roles.get(key, ""), s.place))
        out.append(s)
        if key not in apart:
            joined.append(s)
    return out, joined


def stop_place(ctx: Context, mover: Mover, role: str, place: Place) -> Place:
    """The place a stop of ``mover`` at ``place`` in ``role`` is drawn at: its capital for a
    person's trip to or from a country the gazetteer knows the capital of (the home country
    a person sets out from too), else ``place``."""
    if not mover.key.startswith("person:") or role not in ROLES or \
            not place.entry.country_code:
        return place
    if place.entry.feature == "admin1":
        return namesake_place(ctx, place)
    return capital_place(ctx, place) if place.entry.feature == "country" else place


def namesake_place(ctx: Context, place: Place) -> Place:
    """The state or province ``place`` at the city of its own name that lies in it, or
    ``place`` itself when there is none."""
    state = normalize(place.entry.name)
    return _drawn_at(ctx, place, "namesake", lambda: max(
        (c for c in ctx.gazetteer.candidates(place.entry.name)
         if c.feature == "city" and c.country_code == place.entry.country_code and
         c.admin1 and normalize(c.admin1) == state and c.population >= NAMESAKE_POPULATION),
        key=lambda c: c.population, default=None))


def capital_place(ctx: Context, place: Place) -> Place:
    """The country ``place`` at its capital's point, or ``place`` itself when the gazetteer
    knows no capital."""
    return _drawn_at(ctx, place, "capital",
                     lambda: ctx.gazetteer.capital(place.entry.country_code or ""))


POINT_OF = {"namesake": "its namesake city", "capital": "its capital"}


def _drawn_at(ctx: Context, place: Place, kind: str,
              find: Callable[[], GazetteerEntry | None]) -> Place:
    """``place`` at the point of the city ``find`` gives (one place per area and kind, kept in
    ``ctx.derived``), or ``place`` itself when it gives none."""
    key = f"{kind}:{place.entry.key}"
    if key in ctx.derived:
        return ctx.derived[key]
    city = find()
    if city is None:
        return place
    entry = replace(place.entry, key=key, lat=city.lat, lon=city.lon,
                    source=f"{place.entry.source}; point: {POINT_OF[kind]}, {city.name}")
    derived = replace(place, id=f"{place.id}-{kind}", entry=entry)
    ctx.derived[key] = derived
    return derived
