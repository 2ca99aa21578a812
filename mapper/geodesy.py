"""Small pure functions on the WGS84 ellipsoid (pyproj.Geod). Points are (lat, lon)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from pyproj import Geod
from pyproj.enums import GeodIntermediateFlag
from shapely.geometry import LineString

WGS84 = Geod(ellps="WGS84")


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance between two (lat, lon) points in km."""
    _, _, metres = WGS84.inv(a[1], a[0], b[1], b[0])
    return metres / 1000.0


def geodesic_line(
    a: tuple[float, float], b: tuple[float, float], step_km: float = 25.0
) -> LineString:
    """The geodesic from ``a`` to ``b`` as a (lon, lat) LineString with a vertex every ``step_km``.

    Longitudes are kept continuous across the antimeridian (they may leave [-180, 180]) so that
    web maps draw the short way round.
    """
    km = distance_km(a, b)
    n = max(int(km // step_km), 0)
    coords = np.empty((n + 2, 2))  # an array: no per-point Python
    coords[0], coords[-1] = (a[1], a[0]), (b[1], b[0])
    if n:  # the points of Geod.npts, as arrays rather than a list of tuples
        inner = WGS84.inv_intermediate(a[1], a[0], b[1], b[0], npts=n,
                                       flags=GeodIntermediateFlag.AZIS_DISCARD,
                                       return_back_azimuth=False)
        coords[1:-1, 0], coords[1:-1, 1] = inner.lons, inner.lats
    steps = np.diff(coords[:, 0])
    if np.all(np.abs(steps) <= 180):
        return LineString(coords)  # no step to unwrap (unwrap_longitudes would keep them all)
    # unwrap_longitudes as arrays: a geodesic crosses the antimeridian once, so each point is
    # shifted by one sum of whole turns (the same floats as shifting it turn by turn)
    shift = np.concatenate(([0.0], np.cumsum(np.where(steps > 180, -360.0, 0.0) +
                                             np.where(steps < -180, 360.0, 0.0))))
    coords[:, 0] = np.where(shift != 0, coords[:, 0] + shift, coords[:, 0])
    return LineString(coords)


def densify(coords: Sequence[tuple[float, float]], step_km: float = 25.0) -> LineString:
    """A (lon, lat) path with each segment replaced by its densified geodesic."""
    out: list[tuple[float, float]] = []
    for (lon1, lat1), (lon2, lat2) in zip(coords, coords[1:]):
        seg = list(geodesic_line((lat1, lon1), (lat2, lon2), step_km).coords)
        out.extend(seg if not out else seg[1:])
    if not out and coords:
        out = [tuple(coords[0]), tuple(coords[0])]
    return LineString(unwrap_longitudes(out))


def line_length_km(line: LineString) -> float:
    """Geodesic length of a (lon, lat) LineString in km."""
    if isinstance(line, LineString):  # pyproj's geometry_length reads the points one by one
        xy = shapely.get_coordinates(line)
        return WGS84.line_length(xy[:, 0], xy[:, 1]) / 1000.0
    return WGS84.geometry_length(line) / 1000.0


def unwrap_longitudes(coords: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Shift longitudes by 360 where a step would jump more than 180 degrees."""
    out: list[tuple[float, float]] = []
    for lon, lat in coords:
        if out:
            prev = out[-1][0]
            while lon - prev > 180:
                lon -= 360
            while lon - prev < -180:
                lon += 360
        out.append((lon, lat))
    return out


def in_box(box: tuple[float, float, float, float], lat: float, lon: float) -> bool:
    """Whether (lat, lon) lies in a (west, south, east, north) box; a box whose west edge is
    east of its east edge crosses the antimeridian."""
    w, s, e, n = box
    if not s <= lat <= n:
        return False
    return w <= lon <= e if w <= e else (lon >= w or lon <= e)
