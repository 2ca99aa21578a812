"""Build the offline basemap's package data from Natural Earth.

    python -m mapper.render.build_basemap NATURALEARTH_DIR [-o OUT.json.gz]

(default OUT: ``mapper/data/basemap/natural_earth.json.gz``).

Source: Natural Earth (https://www.naturalearthdata.com/, public domain), version 4.x as the
GeoJSON extracts in ``NATURALEARTH_DIR`` (the project's ``../shared/naturalearth/``):

- ``ne_10m_lakes.json``: lakes with scalerank <= LAKE_RANK, simplified;
- ``ne_10m_rivers_lake_centerlines.json``: rivers with scalerank <= RIVER_RANK, simplified;
- ``ne_50m_admin_1_states_provinces.json``: first-level subdivision lines (inner boundaries only;
  Natural Earth 50 m has them for the United States, Canada, Brazil and Australia);
- ``ne_10m_geography_marine_polys.json``: seas, gulfs and straits as label points;
- ``ne_10m_populated_places_simple.json``: populated places as context labels.

The output is one gzipped JSON document: ``meta`` (source, version, the SHA-256 of every input
file, the build parameters) and one compact layer per theme, coordinates rounded to
``PRECISION`` decimals. The same inputs always give the same bytes (gzip mtime 0).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

SOURCE = "Natural Earth (naturalearthdata.com), public domain"
VERSION = (
    "4.x GeoJSON extracts (ne_10m lakes, rivers, marine polys, populated places; ne_50m admin-1)"
)
OUT = Path(__file__).resolve().parents[1] / "data" / "basemap" / "natural_earth.json.gz"
PRECISION = 2  # decimal degrees kept (about 1 km)
LAKE_RANK, LAKE_TOL = 7, 0.012
RIVER_RANK, RIVER_TOL = 7, 0.015
ADMIN1_TOL = 0.02
PLACE_MIN_ZOOM = 8.0  # populated places shown from Natural Earth min_zoom <= this
FILES = {
    "lakes": "ne_10m_lakes.json",
    "rivers": "ne_10m_rivers_lake_centerlines.json",
    "admin1": "ne_50m_admin_1_states_provinces.json",
    "marine": "ne_10m_geography_marine_polys.json",
    "places": "ne_10m_populated_places_simple.json",
}


def _round(coords):
    """Coordinates (nested lists) rounded to PRECISION, consecutive duplicates dropped."""
    if coords and isinstance(coords[0], (int, float)):
        return [round(coords[0], PRECISION), round(coords[1], PRECISION)]
    out = [_round(c) for c in coords]
    if out and isinstance(out[0], list) and out[0] and isinstance(out[0][0], float):
        dedup = [out[0]] + [p for a, p in zip(out, out[1:]) if p != a]
        return dedup
    return out


def _geometry(geom) -> dict | None:
    """``geom`` snapped to the PRECISION grid (still valid) as a GeoJSON geometry."""
    geom = shapely.set_precision(geom, 10.0**-PRECISION)
    if geom.is_empty:
        return None
    g = mapping(geom)
    return {"type": g["type"], "coordinates": _round(json.loads(json.dumps(g["coordinates"])))}


def _features(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def _num(value, default: float) -> float:
    try:
        return float(value) if value is not None else default
    except (TypeError, ValueError):
        return default


def lakes(path: Path) -> list[list]:
    """[name, min_zoom, geometry] of the lakes with scalerank <= LAKE_RANK."""
    out = []
    for f in _features(path):
        p = f["properties"]
        if _num(p.get("scalerank"), 99) > LAKE_RANK or not f.get("geometry"):
            continue
        geom = shape(f["geometry"]).simplify(LAKE_TOL, preserve_topology=True)
        g = _geometry(geom)
        if g:
            out.append([p.get("name") or "", _num(p.get("min_zoom"), 5), g])
    return out


def rivers(path: Path) -> list[list]:
    """[name, scalerank, min_zoom, min_label, geometry] of the larger rivers (same-named parts
    merged)."""
    out = []
    for f in _features(path):
        p = f["properties"]
        if _num(p.get("scalerank"), 99) > RIVER_RANK or not f.get("geometry"):
            continue
        if (p.get("featurecla") or "").lower().startswith("lake"):
            continue
        geom = shapely.line_merge(shape(f["geometry"])).simplify(RIVER_TOL)
        g = _geometry(geom)
        if g:
            name = p.get("name_en") or p.get("name") or ""
            out.append(
                [name, _num(p.get("scalerank"), 9), _num(p.get("min_zoom"), 5),
                 _num(p.get("min_label"), 6), g]
            )
    return out


def admin1(path: Path) -> list[list]:
    """[iso_a2, geometry] per country: the lines between its first-level subdivisions."""
    by_country: dict[str, list] = {}
    for f in _features(path):
        if f.get("geometry"):
            iso = f["properties"].get("iso_a2") or f["properties"].get("adm0_a3") or ""
            by_country.setdefault(iso, []).append(shape(f["geometry"]).buffer(0))
    out = []
    for iso, polys in sorted(by_country.items()):
        lines = unary_union([p.boundary for p in polys])
        outline = unary_union(polys).boundary.buffer(0.02)
        inner = lines.difference(outline)
        inner = shapely.line_merge(unary_union(inner)).simplify(ADMIN1_TOL)
        g = _geometry(inner)
        if g:
            out.append([iso, g])
    return out


def marine(path: Path) -> list[list]:
    """[name, lon, lat, min_label, max_label, featurecla] label points of seas and gulfs."""
    out = []
    for f in _features(path):
        p = f["properties"]
        if not p.get("name") or not f.get("geometry"):
            continue
        geom = shape(f["geometry"]).buffer(0)
        parts = list(getattr(geom, "geoms", [geom]))
        pt = max(parts, key=lambda g: g.area).representative_point()
        name = " ".join(w.capitalize() if w.isupper() else w for w in p["name"].split())
        out.append(
            [name, round(pt.x, PRECISION), round(pt.y, PRECISION), _num(p.get("min_label"), 4),
             _num(p.get("max_label"), 11), (p.get("featurecla") or "").lower()]
        )
    return out


def places(path: Path) -> list[list]:
    """[name, lon, lat, min_zoom, labelrank, capital] of populated places, biggest first."""
    out = []
    for f in _features(path):
        p = f["properties"]
        z = _num(p.get("min_zoom"), 10)
        if z > PLACE_MIN_ZOOM or not p.get("name"):
            continue
        lon = _num(p.get("longitude"), f["geometry"]["coordinates"][0])
        lat = _num(p.get("latitude"), f["geometry"]["coordinates"][1])
        cap = 1 if _num(p.get("adm0cap"), 0) else 0
        out.append(
            [p["name"], round(lon, PRECISION), round(lat, PRECISION), z,
             int(_num(p.get("labelrank"), 9)), cap, int(_num(p.get("pop_max"), 0))]
        )
    out.sort(key=lambda r: (r[3], -r[6], r[0]))
    return [r[:6] for r in out]


def build(src: Path) -> dict:
    """The basemap document built from the Natural Earth files in ``src``."""
    missing = [name for name in FILES.values() if not (src / name).is_file()]
    if missing:
        raise SystemExit(f"build_basemap: missing in {src}: {', '.join(missing)}")
    meta = {
        "source": SOURCE,
        "version": VERSION,
        "inputs": {
            name: hashlib.sha256((src / name).read_bytes()).hexdigest() for name in FILES.values()
        },
        "params": {
            "precision": PRECISION, "lake_rank": LAKE_RANK, "lake_tol": LAKE_TOL,
            "river_rank": RIVER_RANK, "river_tol": RIVER_TOL, "admin1_tol": ADMIN1_TOL,
            "place_min_zoom": PLACE_MIN_ZOOM,
        },
        "layers": {
            "lakes": "[name, min_zoom, geometry]",
            "rivers": "[name, scalerank, min_zoom, min_label, geometry]",
            "admin1": "[iso_a2, geometry]",
            "marine": "[name, lon, lat, min_label, max_label, featurecla]",
            "places": "[name, lon, lat, min_zoom, labelrank, capital]",
        },
    }
    return {
        "meta": meta,
        "lakes": lakes(src / FILES["lakes"]),
        "rivers": rivers(src / FILES["rivers"]),
        "admin1": admin1(src / FILES["admin1"]),
        "marine": marine(src / FILES["marine"]),
        "places": places(src / FILES["places"]),
    }


def write(doc: dict, out: Path) -> int:
    """Write ``doc`` as reproducible gzipped JSON; returns the size in bytes."""
    raw = json.dumps(doc, separators=(",", ":"), ensure_ascii=False, sort_keys=False)
    out.parent.mkdir(parents=True, exist_ok=True)
    data = gzip.compress(raw.encode("utf-8"), compresslevel=9, mtime=0)
    out.write_bytes(data)
    return len(data)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("naturalearth", type=Path, help="folder with the Natural Earth GeoJSON files")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    doc = build(args.naturalearth)
    size = write(doc, args.out)
    counts = ", ".join(f"{k} {len(v)}" for k, v in doc.items() if k != "meta")
    print(f"{args.out}: {size:,} bytes ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
