"""Stops told as a country's coast ("drifting off the coast of X", "off X's coast"): the
stop is put at the country's most populous coastal city, not the middle of its land."""

from __future__ import annotations

import re

from shapely.geometry import Point
from shapely.ops import nearest_points

from mapper.journeys.context import Context
from mapper.journeys.positions import derived_place
from mapper.journeys.values import Event
from mapper.model import GazetteerEntry

COAST_BEFORE = re.compile(r"\bcoast(?:line)?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
COAST_AFTER = re.compile(r"^['’]s?\s+coast(?:line)?\b(?![\s\-]*guard)", re.IGNORECASE)
COASTAL_DEG = 0.15  # a city this near its country's outline (about 15 km) may be on the coast
STEP_DEG = 0.1  # how far past the outline the sea is looked for
CITIES = 20  # the most populous cities of the country tried


def coast_told(text: str, start: int, end: int) -> bool:
    """Whether a mention is named as a coast ("the coast of X", "X's coast")."""
    return bool(COAST_BEFORE.search(text[max(0, start - 25): start]) or
                COAST_AFTER.match(text[end: end + 20]))


def on_land(ctx: Context, point: Point) -> bool:
    """Whether a point lies in some country's outline."""
    for entry in ctx.gazetteer.countries():
        shape = ctx.gazetteer.country_shape(entry.country_code) if entry.country_code else None
        if shape is None:
            continue
        west, south, east, north = shape.bounds
        if west <= point.x <= east and south <= point.y <= north and shape.contains(point):
            return True
    return False


def coast_point(ctx: Context, entry: GazetteerEntry) -> GazetteerEntry | None:
    """The most populous city of a country that lies on its sea coast (the outline beside it
    gives on no other land), or None."""
    if entry.feature != "country" or not entry.country_code:
        return None
    shape = ctx.gazetteer.country_shape(entry.country_code)
    if shape is None:
        return None
    west, south, east, north = shape.bounds
    cities = [c for c in ctx.gazetteer.within(south, west, north, east)
              if c.country_code == entry.country_code][:CITIES]
    for city in cities:
        here = Point(city.lon, city.lat)
        edge = nearest_points(shape.boundary, here)[0]
        gap = here.distance(edge)
        if gap > COASTAL_DEG:
            continue
        dx, dy = (edge.x - here.x, edge.y - here.y) if gap > 1e-6 else (0.0, 0.0)
        norm = (dx * dx + dy * dy) ** 0.5
        if not norm:
            continue
        beyond = Point(edge.x + dx / norm * STEP_DEG, edge.y + dy / norm * STEP_DEG)
        if not on_land(ctx, beyond):
            return city
    return None


def coast_positions(ctx: Context, events: list[Event]) -> None:
    """Each event whose place the text names as a country's coast moves to that coast (a
    new place, kept in ``ctx.derived``)."""
    text = ctx.article.text if ctx.article else ""
    for ev in events:
        if not text or ev.place.implied or ev.place.entry.feature != "country" or \
                not coast_told(text, *ev.span):
            continue
        key = f"coast:{ev.place.entry.key}"
        place = ctx.derived.get(key)
        if place is None:
            city = coast_point(ctx, ev.place.entry)
            if city is None:
                continue
            place = derived_place(ctx, ev, key, f"the coast of {ev.place.name}", city.lat,
                                  city.lon, f"the coast of {ev.place.name} at {city.name}, "
                                            "its most populous coastal city")
        ev.place = place
