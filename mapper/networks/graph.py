"""Rail graphs: networkx graphs of stations or track vertices, and shortest paths between points.

Nodes carry ``lat`` and ``lon``; edge ``weight`` is the geodesic length in km.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import networkx as nx
import numpy as np

from mapper.geodesy import distance_km
from mapper.networks.base import Point

EARTH_KM = 6371.0088
SNAP_KM = 150.0  # farthest a leg's end may be from the network
CONNECTOR_PENALTY = 3.0  # off-network km cost this many network km when choosing stations
SNAP_CANDIDATES = 6
# A long leg's ends are coarse (a lake's or a region's centre): they may snap farther, up to this
# share of the leg's length and at most twice the plain snap distance.
LEG_SNAP_SHARE = 0.2


class PointGraph:
    """A graph with coordinates on its nodes and a fast nearest-node look-up."""

    def __init__(self, graph: nx.Graph) -> None:
        self.graph = graph
        self.nodes = list(graph.nodes)
        lat = np.array([graph.nodes[n]["lat"] for n in self.nodes], dtype=float)
        lon = np.array([graph.nodes[n]["lon"] for n in self.nodes], dtype=float)
        self._lat, self._lon = np.radians(lat), np.radians(lon)

    def coords(self, node) -> Point:
        data = self.graph.nodes[node]
        return data["lat"], data["lon"]

    def nearest(self, point: Point, max_km: float = SNAP_KM,
                k: int = SNAP_CANDIDATES) -> list[tuple[float, object]]:
        """Up to ``k`` (km, node) pairs within ``max_km`` of ``point``, nearest first."""
        if not self.nodes:
            return []
        lat, lon = np.radians(point[0]), np.radians(point[1])
        a = (np.sin((self._lat - lat) / 2) ** 2
             + np.cos(lat) * np.cos(self._lat) * np.sin((self._lon - lon) / 2) ** 2)
        km = 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
        order = np.argsort(km)[:k]
        return [(float(km[i]), self.nodes[i]) for i in order if km[i] <= max_km]

    def path(self, origin: Point, destination: Point,
             max_km: float = SNAP_KM) -> list[Point] | None:
        """(lat, lon) points from ``origin`` along the network to ``destination``, or None.

        Each end joins the network at one of its nearest nodes within ``max_km`` (more for long
        legs, see ``LEG_SNAP_SHARE``); the choice minimises the network distance plus a penalty
        on the off-network connectors.
        """
        reach = max(max_km, min(LEG_SNAP_SHARE * distance_km(origin, destination), 2 * max_km))
        starts = self.nearest(origin, reach)
        ends = self.nearest(destination, reach)
        if not starts or not ends:
            return None
        src, dst = ("__origin__",), ("__destination__",)
        g = self.graph
        try:
            for km, node in starts:
                g.add_edge(src, node, weight=CONNECTOR_PENALTY * km)
            for km, node in ends:
                g.add_edge(node, dst, weight=CONNECTOR_PENALTY * km)
            try:
                nodes = nx.dijkstra_path(g, src, dst, weight="weight")
            except nx.NetworkXNoPath:
                return None
        finally:
            g.remove_nodes_from([src, dst])
        inner = nodes[1:-1]
        if len(set(inner)) < 2:
            return None
        return [origin, *(self.coords(n) for n in inner), destination]


def graph_from_lines(lines: Iterable[Sequence[Point]], tolerance_deg: float = 0.005) -> nx.Graph:
    """A graph of polylines ((lat, lon) vertices) whose vertices closer than the tolerance merge."""
    g = nx.Graph()
    for line in lines:
        prev = None
        for lat, lon in line:
            key = (round(lat / tolerance_deg), round(lon / tolerance_deg))
            if key not in g:
                g.add_node(key, lat=lat, lon=lon)
            if prev is not None and prev != key:
                w = distance_km(_ll(g, prev), _ll(g, key))
                if not g.has_edge(prev, key) or g.edges[prev, key]["weight"] > w:
                    g.add_edge(prev, key, weight=w)
            prev = key
    return g


def _ll(g: nx.Graph, node) -> Point:
    return g.nodes[node]["lat"], g.nodes[node]["lon"]
