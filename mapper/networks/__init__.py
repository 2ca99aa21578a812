"""Transport networks: legs drawn along rail lines, sea lanes, great circles and roads.

``route(origin, destination, mode)`` picks the best available source for the mode and never
fails for valid points: when no network covers a leg it is drawn along the geodesic.
"""

from __future__ import annotations

from mapper.networks.air import GreatCircle
from mapper.networks.base import Network, Point, Route, check_point, geodesic_route
from mapper.networks.mode import MODE_WORDS, mode_from_text
from mapper.networks.naturalearth import NaturalEarthRail
from mapper.networks.overpass import OverpassRail
from mapper.networks.rail import EmbeddedRail, border_crossing
from mapper.networks.road import OSRM
from mapper.networks.sea import SeaRoute

__all__ = [
    "Route", "Network", "route", "networks_for", "mode_from_text", "MODE_WORDS",
    "border_crossing", "EmbeddedRail", "NaturalEarthRail", "OverpassRail", "SeaRoute",
    "GreatCircle", "OSRM",
]


def networks_for(mode: str, online: bool = False) -> list[Network]:
    """The sources tried for a mode, best first (online ones only when ``online``)."""
    if mode == "rail":
        return [*([OverpassRail(), NaturalEarthRail()] if online else []), EmbeddedRail()]
    if mode == "sea":
        return [SeaRoute()]
    if mode == "air":
        return [GreatCircle()]
    if mode == "road":
        return [OSRM()] if online else []
    return []


def route(origin: Point, destination: Point, mode: str, *, online: bool = False) -> Route:
    """The leg from ``origin`` to ``destination`` ((lat, lon)) for ``mode``.

    Raises ValueError (one line) only for a point that is not a valid (lat, lon).
    """
    a, b = check_point(origin), check_point(destination)
    for network in networks_for(mode, online):
        try:
            found = network.route(a, b, mode)
        except Exception:  # noqa: BLE001 - a failing source falls back to the next one
            found = None
        if found is not None:
            return found
    return geodesic_route(a, b)
