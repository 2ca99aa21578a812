"""The network interface, in the manner of geopy's geocoders: one small class per source."""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

from shapely.geometry import LineString

from mapper.geodesy import densify, distance_km, geodesic_line, line_length_km

Point = tuple[float, float]  # (lat, lon)


@dataclass(frozen=True)
class Route:
    """A drawn leg: a (lon, lat) line densified along the geodesic, its length and its source."""

    geometry: LineString
    length_km: float
    network: str


class Network(ABC):
    """A source of routes for some modes of transport."""

    name: str = ""
    modes: tuple[str, ...] = ()

    @abstractmethod
    def route(self, origin: Point, destination: Point, mode: str) -> Route | None:
        """The route from ``origin`` to ``destination`` ((lat, lon)), or None if not covered."""


def check_point(point: Point) -> Point:
    """``point`` as floats, or a one-line ValueError if it is not a valid (lat, lon)."""
    try:
        lat, lon = float(point[0]), float(point[1])
    except (TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"not a (lat, lon) point: {point!r}") from exc
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or abs(lon) > 360:
        raise ValueError(f"not a (lat, lon) point: {point!r}")
    return lat, lon


def geodesic_route(origin: Point, destination: Point, network: str = "geodesic") -> Route:
    """The geodesic between two points as a Route, as long as the geodesic itself (its
    densified line's length is the same sum, hundreds of inverse problems slower)."""
    line = geodesic_line(origin, destination)
    return Route(line, distance_km(origin, destination), network)


def path_route(points: Sequence[Point], network: str) -> Route:
    """A Route through (lat, lon) points, each segment densified along the geodesic."""
    coords = [(lon, lat) for lat, lon in points]
    dedup = [c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]]
    line = densify(dedup)
    return Route(line, line_length_km(line), network)
