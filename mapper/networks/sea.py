"""Sea legs along the maritime network of the ``searoute`` package."""

from __future__ import annotations

import searoute

from mapper.networks.base import Network, Point, Route, path_route


class SeaRoute(Network):
    """searoute's shortest maritime path, joined to the two ports."""

    name = "searoute"
    modes = ("sea",)

    def route(self, origin: Point, destination: Point, mode: str = "sea") -> Route | None:
        try:
            feature = searoute.searoute([origin[1], origin[0]], [destination[1], destination[0]],
                                        units="km")
        except Exception:  # noqa: BLE001 - searoute raises bare errors when it finds no path
            return None
        coords = (feature.get("geometry") or {}).get("coordinates") or []
        if len(coords) < 2:
            return None
        return path_route([origin, *((lat, lon) for lon, lat in coords), destination], self.name)
