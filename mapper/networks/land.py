"""Offline land routing: road (and fallback rail) legs that go round open sea, not across it.

Land is the union of the Natural Earth 10 m admin-0 country polygons held by the gazetteer. A leg
whose geodesic already stays on land (every vertex within ``STRAIT_KM`` of land) is drawn as the
geodesic. Otherwise a grid graph is laid over the leg's bounding box (expanded by a margin that
grows until a path is found), with ``GRID_CELLS`` cells across its longer side; cells with land
are nodes, water cells within ``STRAIT_KM`` of land are nodes at a higher cost (straits crossed
by bridges or short ferries), and the route is the A* shortest path over 8-neighbour edges
weighted by geodesic length. Two land ends that no path joins (islands) get no land route.
"""

from __future__ import annotations

import heapq
import math
from functools import lru_cache

import numpy as np
import shapely
from shapely.geometry import LineString

from mapper.geodesy import WGS84, distance_km, geodesic_line
from mapper.networks.base import Network, Point, Route, geodesic_route, path_route

EARTH_KM = 6371.0088
KM_PER_DEG = math.pi * EARTH_KM / 180.0
STRAIT_KM = 8.0  # water this close to land counts as crossable (bridges, short ferries)
GRID_CELLS = 160  # cells across the longer side of the box, within the bounds below
MIN_CELL_KM = 2.0
MAX_CELL_KM = 10.0  # finer than any strait worth a detour; coarser only past MAX_GRID_NODES
MAX_GRID_NODES = 100_000  # beyond this the cells grow and only cells centred on land count
MARGINS = (0.3, 1.0, 2.5)  # box margins tried in turn, as shares of the leg's length
MIN_MARGIN_KM = 60.0
MAX_MARGIN_KM = 1500.0
CHECK_STEP_KM = 5.0  # spacing of the points checked along the geodesic
MAX_CHORD_KM = 150.0  # longest straight piece of a simplified path
SNAP_CELLS = 3  # an end joins grid nodes up to this many cells (or SNAP_KM) away
SNAP_KM = 25.0
COST_LAND = 1.0  # cell centre on land
COST_COAST = 2.5  # land in the cell, centre on water
COST_STRAIT = 6.0  # water within STRAIT_KM of land
NO_LAND_ROUTE = "geodesic (no land route)"


@lru_cache(maxsize=1)
def land_parts() -> tuple[np.ndarray, shapely.STRtree]:
    """Every polygon of every country outline, and an STRtree over them."""
    from mapper.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    codes = sorted({c.country_code for c in gaz.countries() if c.country_code})
    parts = []
    for code in codes:
        geom = gaz.country_shape(code)
        if geom is not None and not geom.is_empty:
            parts.extend(getattr(geom, "geoms", [geom]))
    arr = np.array(parts, dtype=object)
    return arr, shapely.STRtree(arr)


def land_mask(lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
    """Whether each point of the (lats x lons) grid lies on land; ``lons`` ascending, may leave
    [-180, 180] (the grid is tested against the land copy shifted by 360 degrees)."""
    parts, tree = land_parts()
    mask = np.zeros((len(lats), len(lons)), dtype=bool)
    if not len(lons) or not len(lats):
        return mask
    s, n = float(lats[0]), float(lats[-1])
    for shift in (-360.0, 0.0, 360.0):
        xs = lons + shift
        w, e = max(float(xs[0]), -180.0), min(float(xs[-1]), 180.0)
        if w > e:
            continue
        pad = 1e-6
        for i in tree.query(shapely.box(w, s, e, n)):
            part = shapely.clip_by_rect(parts[i], w - pad, s - pad, e + pad, n + pad)
            if part.is_empty:
                continue
            bx0, by0, bx1, by1 = part.bounds
            i0, i1 = np.searchsorted(xs, [bx0, bx1])
            j0, j1 = np.searchsorted(lats, [by0, by1])
            i1, j1 = min(int(i1) + 1, len(xs)), min(int(j1) + 1, len(lats))
            if i0 >= i1 or j0 >= j1:
                continue
            shapely.prepare(part)
            gx, gy = np.meshgrid(xs[i0:i1], lats[j0:j1])
            mask[j0:j1, i0:i1] |= shapely.contains_xy(part, gx, gy)
    return mask


def points_near_land(lons: np.ndarray, lats: np.ndarray, km: float) -> np.ndarray:
    """Whether each (lon, lat) point lies on land or within ``km`` of it (in degrees of
    latitude, which is strict: a degree of longitude is never longer)."""
    parts, tree = land_parts()
    near = np.zeros(len(lons), dtype=bool)
    deg = km / KM_PER_DEG
    for shift in (-360.0, 0.0, 360.0):
        xs = lons + shift
        inside = (xs >= -180 - deg) & (xs <= 180 + deg)
        if not inside.any():
            continue
        pts = shapely.points(xs[inside], lats[inside])
        found = np.zeros(len(pts), dtype=bool)
        found[tree.query(pts, predicate="within")[0]] = True  # fast: most points are inland
        rest = np.flatnonzero(~found)
        if len(rest):
            found[rest[tree.query(pts[rest], predicate="dwithin", distance=deg)[0]]] = True
        near[np.flatnonzero(inside)[found]] = True
    return near


def geodesic_on_land(origin: Point, destination: Point, km: float = STRAIT_KM) -> bool:
    """Whether every point of the geodesic, every ``CHECK_STEP_KM``, is within ``km`` of land."""
    step = min(CHECK_STEP_KM, max(distance_km(origin, destination) / 4, 0.5))
    coords = np.array(geodesic_line(origin, destination, step).coords)
    return bool(points_near_land(coords[:, 0], coords[:, 1], km).all())


class _Grid:
    """A regular lon/lat grid over a box, its passable cells and their costs (0: impassable)."""

    def __init__(self, w: float, s: float, e: float, n: float) -> None:
        mid = math.radians((s + n) / 2)
        width_km = (e - w) * KM_PER_DEG * max(math.cos(mid), 0.05)
        height_km = (n - s) * KM_PER_DEG
        cell = min(max(max(width_km, height_km) / GRID_CELLS, MIN_CELL_KM), MAX_CELL_KM)
        # A grid too big for its budget coarsens and keeps only cells centred on land, so that
        # no chain of coastal cells bridges a strait wider than STRAIT_KM.
        self.strict = width_km * height_km / (cell * cell) > MAX_GRID_NODES
        self.cell_km = math.sqrt(width_km * height_km / MAX_GRID_NODES) if self.strict else cell
        dlat = self.cell_km / KM_PER_DEG
        dlon = dlat / max(math.cos(mid), 0.05)
        self.lats = np.arange(s, n + dlat / 2, dlat)
        self.lons = np.arange(w, e + dlon / 2, dlon)
        centre = land_mask(self.lons, self.lats)
        if self.strict:
            self.cost = np.where(centre, COST_LAND, 0.0)
            return
        # Land anywhere in the cell: its centre or one of its four quarter points.
        fine = land_mask(w - dlon / 4 + np.arange(2 * len(self.lons)) * dlon / 2,
                         s - dlat / 4 + np.arange(2 * len(self.lats)) * dlat / 2)
        touched = centre | fine[::2, ::2] | fine[1::2, ::2] | fine[::2, 1::2] | fine[1::2, 1::2]
        near = _dilate(touched, STRAIT_KM / self.cell_km)
        self.cost = np.where(centre, COST_LAND,
                             np.where(touched, COST_COAST, np.where(near, COST_STRAIT, 0.0)))

    def step_km(self) -> tuple[list[float], list[float], list[float]]:
        """Geodesic km of one step east in each row, and north and north-east from each row."""
        dlon = float(self.lons[1] - self.lons[0]) if len(self.lons) > 1 else 0.0
        lats = self.lats
        zeros = np.zeros(len(lats))
        _, _, east = WGS84.inv(zeros, lats, zeros + dlon, lats)
        up = np.append(lats[1:], lats[-1])
        _, _, north = WGS84.inv(zeros, lats, zeros, up)
        _, _, diagonal = WGS84.inv(zeros, lats, zeros + dlon, up)
        return ((np.asarray(east) / 1000).tolist(), (np.asarray(north) / 1000).tolist(),
                (np.asarray(diagonal) / 1000).tolist())

    def coords(self, node: int) -> Point:
        j, i = divmod(node, len(self.lons))
        return float(self.lats[j]), float(self.lons[i])

    def near_nodes(self, point: Point, max_km: float) -> list[tuple[float, int]]:
        """Passable cells within ``max_km`` of ``point``: (km, node), nearest first, at most 8."""
        lat0, lon0 = point
        js, is_ = np.nonzero(self.cost > 0)
        if not len(js):
            return []
        dy = (self.lats[js] - lat0) * KM_PER_DEG
        dx = (self.lons[is_] - lon0) * KM_PER_DEG * math.cos(math.radians(lat0))
        km = np.hypot(dx, dy)
        order = np.argsort(km)[:8]
        nx_ = len(self.lons)
        return [(float(km[k]), int(js[k] * nx_ + is_[k])) for k in order if km[k] <= max_km]


def _dilate(mask: np.ndarray, radius_cells: float) -> np.ndarray:
    """``mask`` grown by a disc of ``radius_cells`` cells."""
    r = int(math.floor(radius_cells))
    out = mask.copy()
    ny, nx_ = mask.shape
    for dj in range(-r, r + 1):
        for di in range(-r, r + 1):
            if (dj or di) and dj * dj + di * di <= radius_cells * radius_cells:
                src = mask[max(0, -dj):ny - max(0, dj), max(0, -di):nx_ - max(0, di)]
                out[max(0, dj):ny - max(0, -dj), max(0, di):nx_ - max(0, -di)] |= src
    return out


def _box(origin: Point, destination: Point, margin_km: float) -> tuple[float, float, float,
                                                                        float]:
    """(west, south, east, north) around both points with ``margin_km`` on each side; the
    destination's longitude is taken on the copy nearest the origin."""
    lat1, lon1 = origin
    lat2, lon2 = destination
    lon2 = lon1 + ((lon2 - lon1 + 180) % 360 - 180)
    dlat = margin_km / KM_PER_DEG
    s = max(min(lat1, lat2) - dlat, -89.0)
    n = min(max(lat1, lat2) + dlat, 89.0)
    widest = max(abs(s), abs(n))
    dlon = min(dlat / max(math.cos(math.radians(widest)), 0.05), 180.0)
    w, e = min(lon1, lon2) - dlon, max(lon1, lon2) + dlon
    if e - w > 360:
        mid = (w + e) / 2
        w, e = mid - 180, mid + 180
    return w, s, e, n


def land_path(origin: Point, destination: Point) -> list[Point] | None:
    """(lat, lon) points of a path over land from ``origin`` to ``destination``, or None.

    The box grows through ``MARGINS`` until a path is found; None when an end is off land or
    no path joins the ends in the largest box.
    """
    leg = distance_km(origin, destination)
    dest = (destination[0], origin[1] + ((destination[1] - origin[1] + 180) % 360 - 180))
    for share in MARGINS:
        margin = min(max(share * leg, MIN_MARGIN_KM), MAX_MARGIN_KM)
        grid = _Grid(*_box(origin, dest, margin))
        reach = max(SNAP_CELLS * grid.cell_km, SNAP_KM)
        starts, ends = grid.near_nodes(origin, reach), grid.near_nodes(dest, reach)
        if not starts or not ends:
            return None  # an end is not on land: nothing for a land router to do
        nodes, met_edge = _astar(grid, starts, ends, dest)
        if nodes is not None:
            inner = _simplify([grid.coords(n) for n in nodes], grid.cell_km / 2)
            return [origin, *inner, dest]
        if not met_edge or margin >= MAX_MARGIN_KM:
            break  # the start's land is an island within the box, or the box is at its largest
    return None


def _astar(grid: _Grid, starts: list[tuple[float, int]], ends: list[tuple[float, int]],
           dest: Point) -> tuple[list[int] | None, bool]:
    """A* over the grid's 8-neighbour moves (km x mean cost of the two cells) from any start to
    any end (connectors cost 2 x km). Returns the nodes, or None and whether the search met the
    box's edge (if not, a bigger box cannot help)."""
    ny, nx_ = grid.cost.shape
    cost = grid.cost.ravel().tolist()
    east, north, diagonal = grid.step_km()
    lat = np.radians(np.repeat(grid.lats, nx_))
    lon = np.radians(np.tile(grid.lons, ny))
    lat_d, lon_d = math.radians(dest[0]), math.radians(dest[1])
    hav = np.sin((lat - lat_d) / 2) ** 2 + np.cos(lat) * math.cos(lat_d) * np.sin(
        (lon - lon_d) / 2) ** 2
    # Admissible: a little under the spherical distance (the ellipsoid differs by < 0.6 %).
    h = (0.99 * 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(hav, 0, 1)))).tolist()
    goal = {node: 2 * km for km, node in ends}
    best = [math.inf] * (ny * nx_)
    came: dict[int, int] = {}
    heap: list[tuple[float, float, int]] = []
    for km, node in starts:
        if 2 * km < best[node]:
            best[node] = 2 * km
            came[node] = -1
            heapq.heappush(heap, (2 * km + h[node], 2 * km, node))
    finish, finish_g, edge = -1, math.inf, False
    moves = ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (1, -1), (-1, 1), (-1, -1))
    while heap:
        f, g, u = heapq.heappop(heap)
        if f >= finish_g:
            break
        if g > best[u]:
            continue
        if u in goal and g + goal[u] < finish_g:
            finish, finish_g = u, g + goal[u]
        j, i = divmod(u, nx_)
        if j in (0, ny - 1) or i in (0, nx_ - 1):
            edge = True
        cu = cost[u]
        for dj, di in moves:
            jj, ii = j + dj, i + di
            if not (0 <= jj < ny and 0 <= ii < nx_):
                continue
            v = jj * nx_ + ii
            cv = cost[v]
            if not cv:
                continue
            row = j if dj >= 0 else jj
            km = east[j] if not dj else north[row] if not di else diagonal[row]
            gv = g + km * (cu + cv) / 2
            if gv < best[v]:
                best[v] = gv
                came[v] = u
                heapq.heappush(heap, (gv + h[v], gv, v))
    if finish < 0:
        return None, edge
    nodes = [finish]
    while came[nodes[-1]] >= 0:
        nodes.append(came[nodes[-1]])
    return nodes[::-1], edge


def _simplify(points: list[Point], tolerance_km: float) -> list[Point]:
    """Grid staircases straightened (Douglas-Peucker, within ``tolerance_km`` of the path), in
    pieces of at most ``MAX_CHORD_KM`` so that the geodesic drawn between two kept points does
    not bow away from the path (a 1,000 km chord at 54 degrees bows ~30 km poleward)."""
    if len(points) < 3:
        return points
    out: list[Point] = [points[0]]
    start, run = 0, 0.0
    for k in range(1, len(points)):
        run += _approx_km(points[k - 1], points[k])
        if run >= MAX_CHORD_KM or k == len(points) - 1:
            piece = LineString([(lon, lat) for lat, lon in points[start:k + 1]])
            simple = piece.simplify(tolerance_km / KM_PER_DEG, preserve_topology=False)
            out.extend((lat, lon) for lon, lat in list(simple.coords)[1:])
            start, run = k, 0.0
    return out


def _approx_km(a: Point, b: Point) -> float:
    dx = (b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot(dx, b[0] - a[0]) * KM_PER_DEG


class LandGrid(Network):
    """Offline legs over land: the geodesic where it stays on land, else a grid path round the
    water; None where an end is off land or no land path joins the ends."""

    name = "land-grid"
    modes = ("road", "rail")

    def route(self, origin: Point, destination: Point, mode: str = "road") -> Route | None:
        if geodesic_on_land(origin, destination):
            return geodesic_route(origin, destination, "geodesic")
        points = land_path(origin, destination)
        return path_route(points, self.name) if points else None


def ends_on_land(origin: Point, destination: Point, km: float = SNAP_KM) -> bool:
    """Whether both points lie on land or within ``km`` of it."""
    lons = np.array([origin[1], destination[1]], dtype=float)
    lats = np.array([origin[0], destination[0]], dtype=float)
    return bool(points_near_land(((lons + 180) % 360) - 180, lats, km).all())
