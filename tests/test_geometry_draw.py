"""A journey's legs drawn with continuous longitudes: each leg starts on the world copy where the
previous one ended, the whole journey on the copy nearest the article's places."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.affinity import translate

from mapper.geometry import _draw_journey, draw_leg
from mapper.model import Journey, Leg, Place, Stop

# eastwards round the world twice: every leg after the first crossing of 180 degrees starts on
# the next copy east
ROUTE = ["Tokyo", "Honolulu", "Los Angeles", "London", "Moscow", "Beijing", "Tokyo",
         "Honolulu", "Los Angeles", "London", "Moscow", "Beijing", "Tokyo"]


def _journey(gazetteer) -> Journey:
    stops = []
    for n, name in enumerate(ROUTE):
        entry = gazetteer.candidates(name, limit=1)[0]
        stops.append(Stop(Place(f"p{n}", name, entry, ()), "confirmed", "", mode="air"))
    legs = tuple(Leg("j1", "a traveller", n, a, b) for n, (a, b) in
                 enumerate(zip(stops, stops[1:]), start=1))
    return Journey("j1", "a traveller", tuple(stops), legs)


def _one_by_one(journey: Journey, reference: float) -> list:
    """The legs as moving each in turn onto its predecessor's copy gives them (shapely's
    translate), then all of them onto the copy nearest ``reference``."""
    geoms = [draw_leg(leg).geometry for leg in journey.legs]
    previous_end = None
    for i, g in enumerate(geoms):
        if previous_end is not None:
            k = round((previous_end - g.coords[0][0]) / 360)
            if k:
                geoms[i] = g = translate(g, xoff=360 * k)
        previous_end = g.coords[-1][0]
    xs = np.concatenate([shapely.get_coordinates(g)[:, 0] for g in geoms])
    k = round((reference - float(np.add.accumulate(xs)[-1]) / len(xs)) / 360)
    return [translate(g, xoff=360 * k) for g in geoms] if k else geoms


def test_legs_round_the_world_are_continuous(gazetteer):
    journey = _journey(gazetteer)
    for reference in (0.0, 140.0, -100.0):
        drawn = [leg.geometry for leg in _draw_journey(journey, False, reference).legs]
        for a, b in zip(drawn, drawn[1:]):
            assert abs(a.coords[-1][0] - b.coords[0][0]) < 1e-9  # no jump of 360 degrees
        assert drawn[-1].coords[-1][0] - drawn[0].coords[0][0] > 700  # twice round, east
        expected = _one_by_one(journey, reference)
        assert all(np.array_equal(shapely.get_coordinates(a), shapely.get_coordinates(b))
                   for a, b in zip(drawn, expected))
