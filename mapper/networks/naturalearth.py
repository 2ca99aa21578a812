"""Natural Earth 10 m railroads (public domain), downloaded once and routed over as a graph."""

from __future__ import annotations

import io
import json
import os
import zipfile
from functools import lru_cache
from pathlib import Path

import shapefile

from mapper.networks.base import Network, Point, Route, path_route
from mapper.networks.fetch import cache_dir, fetch
from mapper.networks.graph import SNAP_KM, PointGraph, graph_from_lines

NE_BASE_URL = "https://www.naturalearthdata.com/http//www.naturalearthdata.com/download"
NE_RAILROADS = "10m/cultural/ne_10m_railroads.zip"


class NaturalEarthRail(Network):
    """Shortest paths over Natural Earth's railroads (a zipped shapefile or GeoJSON)."""

    name = "naturalearth-rail"
    modes = ("rail",)

    def __init__(self, base_url: str | None = None, filename: str = NE_RAILROADS,
                 cache: Path | None = None, snap_km: float = SNAP_KM) -> None:
        base = base_url or os.environ.get("MAPPER_NATURALEARTH_URL") or NE_BASE_URL
        self.url = f"{base.rstrip('/')}/{filename}"
        self.path = (cache or cache_dir()) / "naturalearth" / Path(filename).name
        self.snap_km = snap_km

    def graph(self) -> PointGraph | None:
        """The railroads graph (downloaded on first use), or None if it cannot be had."""
        raw = fetch(self.url, self.path)
        if raw is None:
            return None
        return _graph(str(self.path), self.path.stat().st_mtime)

    def route(self, origin: Point, destination: Point, mode: str = "rail") -> Route | None:
        graph = self.graph()
        points = graph.path(origin, destination, self.snap_km) if graph else None
        return path_route(points, self.name) if points else None


@lru_cache(maxsize=4)
def _graph(path: str, _mtime: float) -> PointGraph:
    raw = Path(path).read_bytes()
    lines = _shapefile_lines(raw) if raw[:2] == b"PK" else _geojson_lines(raw)
    return PointGraph(graph_from_lines(lines))


def _shapefile_lines(raw: bytes) -> list[list[Point]]:
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        names = {Path(n).suffix.lower(): n for n in z.namelist()}
        parts = {k: io.BytesIO(z.read(names[f".{k}"])) for k in ("shp", "shx", "dbf")
                 if f".{k}" in names}
    reader = shapefile.Reader(**parts)
    lines = []
    for shape in reader.iterShapes():
        bounds = [*shape.parts, len(shape.points)]
        for start, end in zip(bounds, bounds[1:]):
            lines.append([(y, x) for x, y, *_ in shape.points[start:end]])
    return lines


def _geojson_lines(raw: bytes) -> list[list[Point]]:
    doc = json.loads(raw)
    feats = doc.get("features", [doc]) if isinstance(doc, dict) else []
    lines = []
    for feat in feats:
        geom = feat.get("geometry") or {}
        if geom.get("type") == "LineString":
            parts = [geom["coordinates"]]
        elif geom.get("type") == "MultiLineString":
            parts = geom["coordinates"]
        else:
            continue
        lines.extend([[(c[1], c[0]) for c in part] for part in parts])
    return lines
