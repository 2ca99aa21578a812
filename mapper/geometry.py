"""Geometry: legs and corridors as Shapely LineStrings (lon, lat), lengths in geodesic km.

Legs follow a transport network where one is known for their mode (``mapper.networks``) and
the geodesic otherwise. A corridor runs through its endpoints and via-points; an endpoint that
is a whole country is drawn at the point of that country's border nearest its neighbour.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import shapely
from pyproj import Transformer
from shapely.affinity import translate
from shapely.geometry import LineString

from mapper.gazetteer.base import Gazetteer
from mapper.geodesy import densify, line_length_km
from mapper.implied import border_point
from mapper.model import Analysis, Corridor, Journey, Leg, Place
from mapper.networks import route


def draw(analysis: Analysis, gazetteer: Gazetteer, *, online: bool = False) -> Analysis:
    reference = _reference_longitude(analysis)
    journeys = tuple(_draw_journey(j, online, reference) for j in analysis.journeys)
    corridors = tuple(_shift_near(draw_corridor(c, gazetteer), reference)
                      for c in analysis.corridors)
    return replace(analysis, journeys=journeys, corridors=corridors)


def _reference_longitude(analysis: Analysis) -> float:
    """Where the article's places are: the median longitude of its places."""
    lons = sorted(p.lon for p in analysis.places)
    return lons[len(lons) // 2] if lons else 0.0


def _draw_journey(journey: Journey, online: bool, reference: float) -> Journey:
    """Legs drawn one after another with continuous longitudes (a leg starts on the world copy
    where the previous one ended), the whole journey on the copy nearest the article's places."""
    legs = [draw_leg(leg, online) for leg in journey.legs]
    # each leg's whole turns east, from the previous leg's end as moved (x + 360 k, the float
    # shifted() gives); then the legs of each k moved together
    turns: dict[int, list[int]] = {}
    lons = []  # the drawn legs' longitudes as moved
    previous_end = None
    for i, leg in enumerate(legs):
        if leg.geometry is None:
            continue
        x = shapely.get_coordinates(leg.geometry)[:, 0]
        k = round((previous_end - float(x[0])) / 360) if previous_end is not None else 0
        if k:
            turns.setdefault(k, []).append(i)
            x = x + float(360 * k)
        lons.append(x)
        previous_end = float(x[-1])
    for k, moving in turns.items():
        for i, geom in zip(moving, shifted([legs[i].geometry for i in moving], 360 * k)):
            legs[i] = replace(legs[i], geometry=geom)
    n = sum(len(x) for x in lons)
    if n:
        # their mean; a running sum adds left to right, as sum() over a list of them does
        total = float(np.add.accumulate(np.concatenate(lons))[-1])
        k = round((reference - total / n) / 360)
        if k:
            drawn = [i for i, leg in enumerate(legs) if leg.geometry is not None]
            moved = shifted([legs[i].geometry for i in drawn], 360 * k)
            for i, geom in zip(drawn, moved):
                legs[i] = replace(legs[i], geometry=geom)
    return replace(journey, legs=tuple(legs))


SHIFT_CHUNK = 256  # geometries shifted in one call


def shifted(geoms: list, dx: float) -> list:
    """The (2-D) geometries moved ``dx`` degrees east: the same coordinates as shapely's
    ``translate(g, xoff=dx)`` (``1*x + 0*y + dx``, ``0*x + 1*y + 0``) without its affine
    set-up (a journey can have thousands of legs); SHIFT_CHUNK at a time, so that a journey's
    points are never all copied at once."""
    if not geoms:
        return []
    if any(g.has_z for g in geoms):
        return [translate(g, xoff=dx) for g in geoms]
    offset = np.array([float(dx), 0.0])
    out: list = []
    for i in range(0, len(geoms), SHIFT_CHUNK):
        chunk = np.empty(len(geoms[i:i + SHIFT_CHUNK]), dtype=object)
        chunk[:] = geoms[i:i + SHIFT_CHUNK]
        out.extend(shapely.transform(chunk, lambda xy: xy + offset).tolist())
    return out


def _shift_near(c: Corridor, reference: float) -> Corridor:
    if c.geometry is None:
        return c
    lons = [x for x, *_ in c.geometry.coords]
    k = round((reference - sum(lons) / len(lons)) / 360)
    if not k:
        return c
    area = translate(c.area, xoff=360 * k) if c.area is not None else None
    return replace(c, geometry=translate(c.geometry, xoff=360 * k), area=area)


def draw_leg(leg: Leg, online: bool = False) -> Leg:
    a = (leg.origin.place.lat, leg.origin.place.lon)
    b = (leg.destination.place.lat, leg.destination.place.lon)
    r = route(a, b, leg.mode, online=online)  # never fails: falls back to the geodesic
    return replace(leg, geometry=r.geometry, length_km=round(r.length_km, 1),
                   network=r.network)


def corridor_points(c: Corridor, gazetteer: Gazetteer) -> list[tuple[float, float]]:
    """(lat, lon) points a corridor passes: border points stand in for whole countries."""
    places: list[Place] = [c.origin, *c.via, c.destination]
    points: list[tuple[float, float] | None] = [None] * len(places)
    for i, p in enumerate(places):
        if p.entry.feature != "country":
            points[i] = (p.lat, p.lon)
    for i, p in enumerate(places):
        if points[i] is not None:
            continue
        is_end = i in (0, len(places) - 1)
        if not is_end:
            points[i] = (p.lat, p.lon)
            continue
        neighbour = places[1] if i == 0 else places[-2]
        n_point = (neighbour.lat, neighbour.lon)
        if neighbour.entry.feature == "country":
            n_point = border_point(gazetteer, neighbour.entry.country_code or "",
                                   (p.lat, p.lon)) or n_point
        points[i] = border_point(gazetteer, p.entry.country_code or "", n_point) or \
            (p.lat, p.lon)
    return [pt for pt in points if pt is not None]


def draw_corridor(c: Corridor, gazetteer: Gazetteer) -> Corridor:
    pts = corridor_points(c, gazetteer)
    line = densify([(lon, lat) for lat, lon in pts])
    return replace(c, geometry=line, length_km=round(line_length_km(line), 1),
                   area=buffer_km(line, c.width_km / 2))


def buffer_km(line: LineString, km: float):
    """A polygon ``km`` either side of a (lon, lat) line, buffered in a local projection."""
    lon, lat = line.centroid.x, line.centroid.y
    local = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m"
    fwd = Transformer.from_crs("EPSG:4326", local, always_xy=True).transform
    back = Transformer.from_crs(local, "EPSG:4326", always_xy=True).transform
    local_line = shapely.transform(line, lambda x, y: fwd(x, y), interleaved=False)
    return shapely.transform(local_line.buffer(km * 1000, quad_segs=4),
                             lambda x, y: back(x, y), interleaved=False)
