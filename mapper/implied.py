"""Implied places computed from geometry: border crossings and border points of countries."""

from __future__ import annotations

from shapely.geometry import LineString, Point
from shapely.ops import nearest_points

from mapper.gazetteer.base import Gazetteer
from mapper.model import GazetteerEntry
from mapper.networks.rail import border_crossing


def shared_border(gazetteer: Gazetteer, a: str, b: str):
    """The boundary two countries share (lines), or None when they do not touch."""
    sa, sb = gazetteer.country_shape(a), gazetteer.country_shape(b)
    if sa is None or sb is None:
        return None
    border = sa.boundary.intersection(sb.buffer(0.02))
    if border.is_empty:
        return None
    return border


def crossing_entry(gazetteer: Gazetteer, a: str, b: str,
                   before: tuple[float, float] | None, after: tuple[float, float] | None,
                   mode: str = "unknown") -> GazetteerEntry | None:
    """The point where a mover from country ``a`` crossed into ``b``.

    On a rail leg, the rail network's border station pair is used when it knows one; otherwise
    the point of the shared border nearest the path between the neighbouring stops (or the
    nearest stop, when only one is known). (lat, lon) points.
    """
    ea, eb = gazetteer.country(a), gazetteer.country(b)
    if ea is None or eb is None:
        return None
    name = f"{ea.name}–{eb.name} border"
    near = [p for p in (before, after) if p]
    if mode == "rail":
        station = _rail_border(a, b, near)
        if station is not None:
            lat, lon, label = station
            return GazetteerEntry(f"crossing:{a}-{b}", f"{name} crossing", lat, lon, "crossing",
                                  b, source=f"rail network border stations: {label}")
    border = shared_border(gazetteer, a, b)
    if border is None:
        return None
    if len(near) == 2:
        target = LineString([(near[0][1], near[0][0]), (near[1][1], near[1][0])])
    elif near:
        target = Point(near[0][1], near[0][0])
    else:
        target = border.centroid
    point = nearest_points(border, target)[0]
    return GazetteerEntry(f"crossing:{a}-{b}", f"{name} crossing", point.y, point.x,
                          "crossing", b,
                          source="shared border of Natural Earth country outlines")


def border_point(gazetteer: Gazetteer, code: str,
                 toward: tuple[float, float]) -> tuple[float, float] | None:
    """The point of a country's border nearest a (lat, lon) point outside it."""
    shape = gazetteer.country_shape(code)
    if shape is None:
        return None
    target = Point(toward[1], toward[0])
    if shape.contains(target):
        return toward
    point = nearest_points(shape.boundary, target)[0]
    return (point.y, point.x)


def _rail_border(a: str, b: str, near: list[tuple[float, float]]):
    """The rail network's border station pair between two countries, or None."""
    return border_crossing(a, b, near[-1] if near else None)
