"""OpenStreetMap rail (``railway=rail``) through the Overpass API, one cached query per leg box."""

from __future__ import annotations

import json
import os
from pathlib import Path

from mapper.networks.base import Network, Point, Route, path_route
from mapper.networks.fetch import cache_dir, cache_key, fetch
from mapper.networks.graph import SNAP_KM, PointGraph, graph_from_lines

OVERPASS_URL = "https://overpass-api.de/api/interpreter"
PAD_DEG = 0.3  # the box around a leg's ends is widened by this much on each side
MAX_SPAN_DEG = 8.0  # larger boxes are too heavy for one query: the caller falls back


class OverpassRail(Network):
    """Shortest paths over OpenStreetMap's railway=rail ways in the leg's bounding box."""

    name = "osm-rail"
    modes = ("rail",)

    def __init__(self, url: str | None = None, cache: Path | None = None,
                 snap_km: float = SNAP_KM, max_span_deg: float = MAX_SPAN_DEG) -> None:
        self.url = url or os.environ.get("MAPPER_OVERPASS_URL") or OVERPASS_URL
        self.cache = (cache or cache_dir()) / "overpass"
        self.snap_km = snap_km
        self.max_span_deg = max_span_deg

    def query(self, origin: Point, destination: Point) -> str | None:
        """The Overpass QL for the leg's box, or None if the box is too large."""
        s, n = sorted((origin[0], destination[0]))
        w, e = sorted((origin[1], destination[1]))
        if n - s > self.max_span_deg or e - w > self.max_span_deg:
            return None
        s, w = round(max(s - PAD_DEG, -90), 2), round(w - PAD_DEG, 2)
        n, e = round(min(n + PAD_DEG, 90), 2), round(e + PAD_DEG, 2)
        return f'[out:json][timeout:120];way["railway"="rail"]({s},{w},{n},{e});out geom;'

    def route(self, origin: Point, destination: Point, mode: str = "rail") -> Route | None:
        query = self.query(origin, destination)
        if query is None:
            return None
        raw = fetch(self.url, self.cache / f"{cache_key(self.url, query)}.json",
                    data={"data": query})
        if raw is None:
            return None
        graph = PointGraph(graph_from_lines(overpass_lines(raw)))
        points = graph.path(origin, destination, self.snap_km)
        return path_route(points, self.name) if points else None


def overpass_lines(raw: bytes) -> list[list[Point]]:
    """(lat, lon) polylines of the ways in an Overpass JSON answer (``out geom``)."""
    try:
        doc = json.loads(raw)
    except ValueError:
        return []
    lines = []
    for el in doc.get("elements", []):
        geom = el.get("geometry") if el.get("type") == "way" else None
        if geom:
            lines.append([(float(p["lat"]), float(p["lon"])) for p in geom if p])
    return lines
