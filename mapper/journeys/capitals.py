"""A person's trip to or from a country is drawn at its capital: a leader's state visit, talks
or a flight "to Rwanda" land in Kigali, not in the middle of its land. Other movers keep the
country's own point (migrants "reached Mexico", a ship "bound for Brazil": no city is meant).

The stop keeps the country as its place, at a point of its own: a place named as the text
writes the country, whose entry's source names the capital ("point: its capital, Maputo")."""

from __future__ import annotations

from dataclasses import replace

from mapper.journeys.context import Context
from mapper.journeys.values import Event, Mover
from mapper.model import Place, Stop

ROLES = ("origin", "dest")  # a country passed over or crossed into is no visit


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
            place.entry.feature != "country" or not place.entry.country_code:
        return place
    return capital_place(ctx, place)


def capital_place(ctx: Context, place: Place) -> Place:
    """The country ``place`` at its capital's point (one place per country, kept in
    ``ctx.derived``), or ``place`` itself when the gazetteer knows no capital."""
    key = f"capital:{place.entry.key}"
    if key in ctx.derived:
        return ctx.derived[key]
    capital = ctx.gazetteer.capital(place.entry.country_code or "")
    if capital is None:
        return place
    entry = replace(place.entry, key=key, lat=capital.lat, lon=capital.lon,
                    source=f"{place.entry.source}; point: its capital, {capital.name}")
    derived = replace(place, id=f"{place.id}-capital", entry=entry)
    ctx.derived[key] = derived
    return derived
