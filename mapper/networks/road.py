"""Road legs from an OSRM router when online (cached on disk); offline, ``land.LandGrid``."""

from __future__ import annotations

import json
import os
from pathlib import Path

from mapper.networks.base import Network, Point, Route, path_route
from mapper.networks.fetch import cache_dir, cache_key, fetch

OSRM_URL = "https://router.project-osrm.org"


class OSRM(Network):
    """The driving route of an OSRM server (``/route/v1/driving``)."""

    name = "osrm"
    modes = ("road",)

    def __init__(self, url: str | None = None, cache: Path | None = None) -> None:
        self.url = (url or os.environ.get("MAPPER_OSRM_URL") or OSRM_URL).rstrip("/")
        self.cache = (cache or cache_dir()) / "osrm"

    def route(self, origin: Point, destination: Point, mode: str = "road") -> Route | None:
        url = (f"{self.url}/route/v1/driving/{origin[1]:.5f},{origin[0]:.5f};"
               f"{destination[1]:.5f},{destination[0]:.5f}?overview=full&geometries=geojson")
        raw = fetch(url, self.cache / f"{cache_key(url)}.json")
        if raw is None:
            return None
        try:
            best = json.loads(raw)["routes"][0]
            coords = best["geometry"]["coordinates"]
            km = float(best["distance"]) / 1000.0
        except (ValueError, KeyError, IndexError, TypeError):
            return None
        if len(coords) < 2:
            return None
        drawn = path_route([(lat, lon) for lon, lat in coords], self.name)
        return Route(drawn.geometry, km, self.name)

