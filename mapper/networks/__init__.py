"""Transport networks: legs drawn along rail lines, sea lanes, great circles and roads.

``route(origin, destination, mode)`` picks the best available source for the mode and never
fails for valid points: when no network covers a leg it is drawn along the geodesic. Offline,
road legs (and rail legs off the embedded network) go round open sea on the ``land-grid``
router; a road or rail leg between two land points that no land path joins (islands) keeps the
geodesic and says so in its network name (``geodesic (no land route)``).
"""

from __future__ import annotations

from mapper.errors import DataFileError
from mapper.networks.air import GreatCircle
from mapper.networks.base import Network, Point, Route, check_point, geodesic_route
from mapper.networks.land import NO_LAND_ROUTE, LandGrid, ends_on_land
from mapper.networks.mode import MODE_WORDS, mode_from_text
from mapper.networks.naturalearth import NaturalEarthRail
from mapper.networks.overpass import OverpassRail
from mapper.networks.rail import EmbeddedRail, border_crossing
from mapper.networks.road import OSRM
from mapper.networks.sea import SeaRoute

__all__ = [
    "Route", "Network", "route", "networks_for", "mode_from_text", "MODE_WORDS",
    "border_crossing", "EmbeddedRail", "NaturalEarthRail", "OverpassRail", "SeaRoute",
    "GreatCircle", "OSRM", "LandGrid",
]


def networks_for(mode: str, online: bool = False) -> list[Network]:
    """The sources tried for a mode, best first (online ones only when ``online``)."""
    if mode == "rail":
        return [*([OverpassRail(), NaturalEarthRail()] if online else []), EmbeddedRail(),
                LandGrid()]
    if mode == "sea":
        return [SeaRoute()]
    if mode == "air":
        return [GreatCircle()]
    if mode == "road":
        return [*([OSRM()] if online else []), LandGrid()]
    return []


def route(origin: Point, destination: Point, mode: str, *, online: bool = False) -> Route:
    """The leg from ``origin`` to ``destination`` ((lat, lon)) for ``mode``.

    Raises ValueError (one line) only for a point that is not a valid (lat, lon).
    """
    a, b = check_point(origin), check_point(destination)
    for network in networks_for(mode, online):
        try:
            found = network.route(a, b, mode)
        except DataFileError:
            raise  # the embedded network's table is missing: an error, not a fallback
        except Exception:  # noqa: BLE001 - a failing source falls back to the next one
            found = None
        if found is not None:
            return found
    if mode in LandGrid.modes and _on_land(a, b):
        return geodesic_route(a, b, NO_LAND_ROUTE)
    return geodesic_route(a, b)


def _on_land(a: Point, b: Point) -> bool:
    try:
        return ends_on_land(a, b)
    except Exception:  # noqa: BLE001 - without land outlines the leg is a plain geodesic
        return False
