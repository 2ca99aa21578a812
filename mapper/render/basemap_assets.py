"""The offline basemap as files shared by many maps (``mapper batch``).

A single map carries its reference data in the page (:func:`basemap_layer.reference_data`:
the shapes clipped to its window, simplified for its zoom: about 0.7 MB and 0.15 s of CPU a
map). In a batch the world's shapes are instead written once per detail level into
``maps/assets/`` as scripts (``basemap-<kind>-<hash>.js``, each setting
``window.MAPPER_BASEMAP[name]``), and each map's page names, by index, the shapes its window
needs: a few kilobytes and milliseconds. Shapes are not clipped (Leaflet clips to the screen);
lake and river simplification uses the nearest finer of a few fixed tolerances. The hash in a
file's name keeps a map and the data it indexes together across mapper versions.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from shapely.geometry.base import BaseGeometry

from mapper.render import basemap, safe
from mapper.render.basemap_layer import (
    COARSE,
    FINE,
    MEDIUM,
    _geo,
    _reference_shapes,
    _shifts,
    _window,
    detail,
    fit_zoom,
)

# Lake and river tolerances (degrees) of the shared files; a map uses the largest one not over
# its own ``detail`` (the first: unsimplified, as a single map below 0.02).
WATER_LEVELS = (0.02, 0.04, 0.08, 0.15)
COUNTRY_LEVELS = {"fine": FINE, "medium": MEDIUM, "coarse": COARSE}
# Leaflet's vendored files (mapper/data/assets) as a batch map names them under maps/assets/.
LEAFLET_FILES = ("leaflet/leaflet.js", "leaflet/leaflet.css", "leaflet/images/layers.png",
                 "leaflet/images/layers-2x.png", "leaflet/LICENSE")
WHOLE = (-180.0, -85.0, 180.0, 85.0)
Window = tuple[float, float, float, float]


@dataclass(frozen=True)
class Asset:
    """One shared basemap script: its file name and text, and what a map indexes in it."""

    name: str
    text: str
    bounds: np.ndarray  # (n, 4) west, south, east, north of each row's shape
    extra: dict  # per kind: lake areas and label points, river lengths and midpoints


def _script(kind: str, data: object) -> tuple[str, str]:
    """(file name, text) of the script that registers ``data``."""
    body = safe.script_json(data)
    digest = hashlib.sha256(f"{kind}\n{body}".encode()).hexdigest()[:12]
    name = f"basemap-{kind}-{digest}.js"
    text = ("(window.MAPPER_BASEMAP = window.MAPPER_BASEMAP || {})"
            f"[{safe.script_json(name)}] = {body};\n")
    return name, text


def _bounds(geoms: list[BaseGeometry]) -> np.ndarray:
    return np.array([g.bounds for g in geoms], dtype=float).reshape(-1, 4)


@cache
def _countries(level: str) -> Asset:
    """Every country outline at ``level``, in the order of the fine outlines (a country that
    a coarser level drops keeps its finer outline, as in ``country_outlines``)."""
    fine = basemap.countries(*FINE)
    coarse = {(c.name, c.iso_a2): c.geometry for c in basemap.countries(*COARSE)}
    own = {(c.name, c.iso_a2): c.geometry for c in basemap.countries(*COUNTRY_LEVELS[level])}
    rows, geoms = [], []
    for c in fine:
        key = (c.name, c.iso_a2)
        geom = own.get(key, coarse.get(key, c.geometry))
        rows.append([c.name, c.iso_a2, _geo(geom)])
        geoms.append(c.geometry)  # nearness is judged on the fine outline's envelope
    name, text = _script(f"countries-{level}", rows)
    return Asset(name, text, _bounds(geoms), {})


@cache
def _water(tol: float) -> Asset:
    """The world's lakes and rivers simplified by ``tol`` (none at the first level)."""
    ref = _reference_shapes()
    simplify = tol > WATER_LEVELS[0]
    lakes, lake_geoms, area, label = [], [], [], []
    for name, minz, geom in ref["lakes"]:
        g = geom.simplify(tol, preserve_topology=True) if simplify else geom
        if g.is_empty:
            g = geom
        pt = g.representative_point()
        lakes.append([name, minz, _geo(g)])
        lake_geoms.append(g)
        area.append((geom.area, g.area))
        label.append((pt.x, pt.y))
    rivers, river_geoms, length, mid = [], [], [], []
    for name, rank, minz, minlabel, geom in ref["rivers"]:
        g = geom.simplify(tol) if simplify else geom
        if g.is_empty:
            g = geom
        pt = g.interpolate(0.5, normalized=True) if g.geom_type != "Point" else g
        rivers.append([name, rank, minz, minlabel, _geo(g)])
        river_geoms.append(g)
        length.append(g.length)
        mid.append((pt.x, pt.y))
    name_, text = _script(f"water-{tol:g}", {"lakes": lakes, "rivers": rivers})
    n_lakes = len(lakes)
    minz = [row[1] for row in lakes] + [row[2] for row in rivers]
    return Asset(name_, text, _bounds(lake_geoms + river_geoms),
                 {"lakes": n_lakes, "minz": np.array(minz, dtype=float),
                  "area": np.array(area, dtype=float).reshape(-1, 2),
                  "label": np.array(label, dtype=float).reshape(-1, 2), "length": length,
                  "mid": mid})


@lru_cache(maxsize=1)
def _admin1() -> Asset:
    """First-level subdivision lines (never simplified)."""
    rows = _reference_shapes()["admin1"]
    name, text = _script("admin1", [[iso, _geo(g)] for iso, g in rows])
    return Asset(name, text, _bounds([g for _, g in rows]), {})


@lru_cache(maxsize=1)
def _points() -> Asset:
    """Sea names and populated places (labels; ``extra``: their minimum zooms)."""
    ref = _reference_shapes()
    seas = [[name, lat, lon, lo - 1, hi] for name, lon, lat, lo, hi, _cls in ref["marine"]]
    places = [[name, lat, lon, minz, 99] for name, lon, lat, minz, _rank, _cap in ref["places"]]
    name, text = _script("labels", {"seas": seas, "places": places})
    pts = np.array([[r[2], r[1], r[2], r[1]] for r in seas + places], dtype=float).reshape(-1, 4)
    minz = np.array([-1.0] * len(seas) + [r[3] for r in places], dtype=float)
    return Asset(name, text, pts, {"seas": len(seas), "rows": seas + places, "minz": minz,
                                   "lower": [r[0].lower() for r in seas + places]})


def _point_refs(win: Window, top: float, skip_names: set[str]) -> tuple[str, list[list[int]]]:
    """What ``basemap_layer.point_labels`` shows, as [row, shift] of the labels file (seas
    first, then places, as there)."""
    pts = _points()
    n_seas, rows, lower = pts.extra["seas"], pts.extra["rows"], pts.extra["lower"]
    out, seen, seas = [], set(), set()
    for i, k in _candidates(_hits(pts.bounds, win), pts.extra["minz"] <= top):
        if i in seen or lower[i] in skip_names:
            continue
        seen.add(i)  # the first shift that shows it, as basemap_layer._in
        if i < n_seas:
            if rows[i][0] in seas:
                continue
            seas.add(rows[i][0])
        out.append([i, k])
    return pts.name, out


def _candidates(hits: dict[int, np.ndarray],
                keep: np.ndarray | None = None) -> list[tuple[int, int]]:
    """(row, shift) of every row that ``keep`` allows and that meets the window under a
    shift, by row, then in the order of the shifts."""
    if not hits:
        return []
    any_hit = np.logical_or.reduce(list(hits.values()))
    if keep is not None:
        any_hit &= keep
    idx = np.flatnonzero(any_hit)
    cols = {k: hit[idx].tolist() for k, hit in hits.items()}
    return [(i, k) for n, i in enumerate(idx.tolist()) for k in cols if cols[k][n]]


def warm() -> None:
    """Build every shared file in this process (a batch worker's start, not its articles)."""
    for level in COUNTRY_LEVELS:
        _countries(level)
    for tol in WATER_LEVELS:
        _water(tol)
    _admin1()
    _points()


def shared_file(name: str) -> bytes | None:
    """The bytes of the shared file ``name`` (a basemap script or one of Leaflet's files), or
    None when this mapper makes no file of that name."""
    from mapper.resources import read_bytes

    if name in LEAFLET_FILES:
        return read_bytes(f"assets/{name}")
    text = asset_text(name) if name.startswith("basemap-") else None
    return None if text is None else text.encode("utf-8")


def asset_text(name: str) -> str | None:
    """The text of the shared file ``name`` as this process makes it, or None when this
    mapper makes no file of that name (another version's)."""
    kinds = [lambda: _admin1(), lambda: _points()]
    kinds += [lambda lv=lv: _countries(lv) for lv in COUNTRY_LEVELS if f"-{lv}-" in name]
    kinds += [lambda t=t: _water(t) for t in WATER_LEVELS if f"-water-{t:g}-" in name]
    for make in kinds:
        asset = make()
        if asset.name == name:
            return asset.text
    return None


def _hits(bounds: np.ndarray, win: Window) -> dict[int, np.ndarray]:
    """For each longitude shift that reaches ``win``: which rows' boxes meet it."""
    w, s, e, n = win
    return {k: (bounds[:, 0] + k <= e) & (bounds[:, 2] + k >= w) & (bounds[:, 1] <= n)
            & (bounds[:, 3] >= s) for k in _shifts(win)}


def _inside(win: Window, x: float, y: float, k: int) -> bool:
    return win[0] <= x + k <= win[2] and win[1] <= y <= win[3]


def reference_refs(bounds: list[list[float]] | None, highlight: list[str],
                   skip_names: set[str]) -> tuple[dict, list[str]]:
    """The data of ``BasemapLayer`` for a map showing ``bounds`` as indexes into the shared
    files, and the names of those files (what ``reference_data`` draws, from shared shapes)."""
    win = _window(bounds)
    tol = detail(bounds)
    ctol = tol if win else COARSE[0]
    level = "fine" if ctol <= FINE[0] else "medium" if ctol <= MEDIUM[0] else "coarse"
    own, rough = _countries(level), _countries("coarse")
    countries: list[list[int]] = []
    if win is None:
        countries = [[i, 0, 0] for i in range(len(own.bounds))]
    else:
        hits = {k: hit.tolist() for k, hit in _hits(own.bounds, win).items()}
        for i in range(len(own.bounds)):
            near = [k for k, hit in hits.items() if hit[i]]
            countries.append([i, 0 if 0 in near else 1, 0])
            countries += [[i, 0, k] for k in near if k]
    water = _water(max(t for t in WATER_LEVELS if t <= max(tol, WATER_LEVELS[0])))
    win_ = win or WHOLE
    top = fit_zoom(bounds) + 3.0
    ref = _reference_shapes()
    n_lakes, ex = water.extra["lakes"], water.extra
    hits = _hits(water.bounds, win_)
    keep = ex["minz"] <= top
    if tol > 0.02:
        keep[:n_lakes] &= ex["area"][:, 0] >= (tol * 3) ** 2
    lakes, rivers, labels = [], [], []
    found = _candidates(hits, keep)
    for i, k in (f for f in found if f[0] < n_lakes):
        name, minz, _geom = ref["lakes"][i]
        simple_area = ex["area"][i][1]
        lakes.append([i, k])
        x, y = water.extra["label"][i]
        if (name and minz <= 6 and name.lower() not in skip_names and simple_area > 0.05
                and _inside(win_, x, y, k)):
            labels.append(["lake", name, round(y, 2), round(x + k, 2), minz + 2, 99])
    river_label: dict[str, tuple[float, list]] = {}
    for j, k in ((f[0] - n_lakes, f[1]) for f in found if f[0] >= n_lakes):
        name, _rank, _minz, minlabel, _geom = ref["rivers"][j]
        rivers.append([j, k])
        x, y = water.extra["mid"][j]
        size = water.extra["length"][j]
        if (name and name.lower() not in skip_names and _inside(win_, x, y, k)
                and size > river_label.get(name, (0.0, []))[0]):
            river_label[name] = (size, ["river", name, round(y, 2), round(x + k, 2),
                                        minlabel, 99])
    labels += [v[1] for v in river_label.values()]
    admin = _admin1()
    admin1 = [[i, k] for i, k in _candidates(_hits(admin.bounds, win_))]
    points, point_rows = _point_refs(win_, top, skip_names)
    names = {"countries": own.name, "rough": rough.name, "water": water.name,
             "admin1": admin.name, "points": points}
    data = {"ref": names, "countries": countries, "highlight": sorted(highlight),
            "lakes": lakes, "rivers": rivers, "admin1": admin1, "labels": labels,
            "points": point_rows}
    return data, sorted(set(names.values()))
