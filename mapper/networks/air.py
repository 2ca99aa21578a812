"""Air legs: the great circle (geodesic) between the two airports."""

from __future__ import annotations

from mapper.networks.base import Network, Point, Route, geodesic_route


class GreatCircle(Network):
    name = "great-circle"
    modes = ("air",)

    def route(self, origin: Point, destination: Point, mode: str = "air") -> Route | None:
        return geodesic_route(origin, destination, self.name)
