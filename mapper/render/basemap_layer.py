"""The offline reference basemap as one Leaflet base layer: land and country borders, lakes,
rivers, first-level subdivision lines, sea names and populated places (Natural Earth), subset to
the map's area so that the page stays small. All names reach the page as JSON data
(``safe.script_json``) and are written into the DOM with ``textContent``."""

from __future__ import annotations

import math
from functools import lru_cache

from folium.map import Layer
from jinja2 import Template
from shapely import affinity
from shapely.geometry import box, mapping, shape
from shapely.geometry.base import BaseGeometry

from mapper.render import basemap, safe

# Countries inside the map's window are drawn finely; the rest of the world coarsely.
FINE = (0.03, 0.01)
MEDIUM = (0.06, 0.02)
COARSE = (0.15, 0.05)
# Reference layers are kept within the map's bounds plus this margin (degrees, at least).
MARGIN = 12.0

BASEMAP_CSS = """
.leaflet-marker-icon.mp-ctx { background: none; border: 0; }
.mp-ctx > div { white-space: nowrap; pointer-events: none; font: 11px/1.2 system-ui, -apple-system,
  "Segoe UI", Roboto, Arial, sans-serif; color: #66737a; text-shadow: -1px -1px 0 #fff,
  1px -1px 0 #fff, -1px 1px 0 #fff, 1px 1px 0 #fff; }
.mp-ctx-place > div { display: flex; align-items: center; gap: 3px;
  transform: translate(-2px, -50%); }
.mp-ctx-dot { display: inline-block; width: 4px; height: 4px; border-radius: 50%;
  background: #86949a; flex: none; }
.mp-ctx-sea > div, .mp-ctx-lake > div, .mp-ctx-river > div { transform: translate(-50%, -50%);
  font-style: italic; color: #3f6f93; text-shadow: 0 0 2px #fff, 0 0 2px #fff; }
.mp-ctx-sea > div { font-size: 12px; letter-spacing: .12em; color: #5a87aa; text-shadow: none; }
.mp-ctx-river > div { font-size: 10.5px; }
"""

BASEMAP_JS = """
(function () {
  var map = {{ this._parent.get_name() }};
  [['mapper-basemap', 250], ['mapper-water', 260], ['mapper-context', 450]].forEach(function (p) {
    if (!map.getPane(p[0])) {
      var pane = map.createPane(p[0]);
      pane.style.zIndex = p[1];
      if (p[0] !== 'mapper-basemap') pane.style.pointerEvents = 'none';
    }
  });
})();
var {{ this.get_name() }} = (function (map, D) {
  if (D.ref) D = mapperSharedBasemap(D, window.MAPPER_BASEMAP || {});
  var group = L.featureGroup();
  var fc = function (rows, geom, props) {
    return {type: 'FeatureCollection', features: rows.map(function (r) {
      return {type: 'Feature', properties: props(r), geometry: r[geom]};
    })};
  };
  L.geoJSON(D.countries, {
    pane: 'mapper-basemap',
    style: function (f) {
      var hl = D.highlight.indexOf(f.properties.iso) >= 0;
      return {color: '#9aa3a8', weight: 0.8, opacity: 1, fillOpacity: 1,
              fillColor: hl ? '#f4eedf' : '#f7f6f2', className: 'mapper-land'};
    },
    onEachFeature: function (f, l) {
      l.bindTooltip(document.createTextNode(f.properties.n || ''), {sticky: true});
    }
  }).addTo(group);
  L.geoJSON(fc(D.admin1, 1, function () { return {}; }), {
    pane: 'mapper-water', interactive: false,
    style: {color: '#b3b0ab', weight: 0.7, opacity: 0.9, dashArray: '3 3',
            className: 'mapper-admin1'}
  }).addTo(group);
  var zoomed = [];
  D.rivers.forEach(function (r) {
    var layer = L.geoJSON(r[4], {
      pane: 'mapper-water', interactive: false,
      style: {color: '#86aecb', weight: r[1] <= 3 ? 1.6 : r[1] <= 5 ? 1.1 : 0.8,
              opacity: 0.95, className: 'mapper-river'}
    });
    zoomed.push([layer, r[2] - 1, 99]);
  });
  L.geoJSON(fc(D.lakes, 2, function (r) { return {n: r[0]}; }), {
    pane: 'mapper-water', interactive: false,
    style: {color: '#86aecb', weight: 0.6, fillColor: '#cfe0ec', fillOpacity: 1,
            className: 'mapper-lake'},
    onEachFeature: function (f, l) {
      l.on('add', function () {
        if (l._path && f.properties.n) l._path.setAttribute('aria-label', f.properties.n);
      });
    }
  }).addTo(group);
  function label(kind, name, lat, lon, dot) {
    var box = document.createElement('div');
    if (dot) {
      var d = document.createElement('span');
      d.className = 'mp-ctx-dot';
      box.appendChild(d);
    }
    var t = document.createElement('span');
    t.className = 'mp-ctx-name';
    t.textContent = name;
    box.appendChild(t);
    return L.marker([lat, lon], {
      pane: 'mapper-context', interactive: false, keyboard: false,
      icon: L.divIcon({html: box, className: 'mp-ctx mp-ctx-' + kind, iconSize: null})
    });
  }
  // [kind, name, lat, lon, min zoom, max zoom]
  D.labels.forEach(function (r) {
    zoomed.push([label(r[0], r[1], r[2], r[3], r[0] === 'place'), r[4], r[5]]);
  });
  function byZoom() {
    if (!map.hasLayer(group)) return;
    var z = map.getZoom();
    zoomed.forEach(function (e) {
      var on = z >= e[1] && z <= e[2];
      if (on && !group.hasLayer(e[0])) group.addLayer(e[0]);
      if (!on && group.hasLayer(e[0])) group.removeLayer(e[0]);
    });
    map.fire('mapper:labels');
  }
  map.on('zoomend baselayerchange', byZoom);
  group.on('add', function () { setTimeout(byZoom, 0); });
  return group;
})({{ this._parent.get_name() }}, {{ this.data }});
"""

# A batch map's data names rows of the shared basemap files (mapper.render.basemap_assets):
# [index, longitude shift] (countries: [index, 1 for the coarse outline, shift]).
SHARED_JS = """
function mapperSharedBasemap(D, A) {
  var R = D.ref, own = A[R.countries], rough = A[R.rough], W = A[R.water], M = A[R.admin1],
    P = A[R.points], nSeas = P.seas.length;
  function move(c, k) {
    return typeof c[0] === 'number' ? [c[0] + k, c[1]] : c.map(function (x) { return move(x, k); });
  }
  function geo(g, k) { return k ? {type: g.type, coordinates: move(g.coordinates, k)} : g; }
  return {
    countries: {type: 'FeatureCollection', features: D.countries.map(function (r) {
      var c = (r[1] ? rough : own)[r[0]];
      return {type: 'Feature', properties: {n: c[0], iso: c[1]}, geometry: geo(c[2], r[2])};
    })},
    highlight: D.highlight,
    lakes: D.lakes.map(function (r) {
      var l = W.lakes[r[0]];
      return [l[0], l[1], geo(l[2], r[1])];
    }),
    rivers: D.rivers.map(function (r) {
      var l = W.rivers[r[0]];
      return [l[0], l[1], l[2], l[3], geo(l[4], r[1])];
    }),
    admin1: D.admin1.map(function (r) { return [M[r[0]][0], geo(M[r[0]][1], r[1])]; }),
    labels: D.labels.concat(D.points.map(function (r) {
      var sea = r[0] < nSeas, p = sea ? P.seas[r[0]] : P.places[r[0] - nSeas];
      return [sea ? 'sea' : 'place', p[0], p[1], p[2] + r[1], p[3], p[4]];
    }))
  };
}
"""


class BasemapLayer(Layer):
    """Natural Earth reference layers as one Leaflet base layer in its own low panes."""

    _template = Template(
        "{% macro script(this, kwargs) %}" + BASEMAP_JS + "{% endmacro %}"
    )

    def __init__(self, data: dict, name: str) -> None:
        super().__init__(name=name, overlay=False, control=True, show=True)
        self._name = "BasemapLayer"
        self.data = safe.script_json(data)

    def render(self, **kwargs) -> None:
        """As folium renders a layer, except that the rendered script (the whole reference
        data, often 1 MB) is put in the page as it is: branca would compile it as a Jinja
        template (seconds of lexing per map) only to print it back unchanged."""
        script = self._template.module.__dict__["script"](self, kwargs)
        self._template = _NO_SCRIPT  # the instance's, for Layer.render's bookkeeping
        try:
            super().render(**kwargs)
        finally:
            del self._template
        self.get_root().script._children[self.get_name()] = safe.RenderedScript(str(script))


_NO_SCRIPT = Template("{% macro script(this, kwargs) %}{% endmacro %}")


def _window(bounds: list[list[float]] | None) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of ``bounds`` with a margin (longitudes may pass +-180)."""
    if not bounds:
        return None
    (s, w), (n, e) = bounds
    mx = max(MARGIN, (e - w) * 0.5)
    my = max(MARGIN * 0.6, (n - s) * 0.5)
    west, east = w - mx, e + mx
    if east - west > 360:  # never more than once round the world
        mid = (w + e) / 2
        west, east = mid - 180, mid + 180
    return west, max(s - my, -85.0), east, min(n + my, 85.0)


def fit_zoom(bounds: list[list[float]] | None) -> float:
    """About the zoom at which a desktop window shows ``bounds`` (0 for the whole world)."""
    if not bounds:
        return 1.0
    (s, w), (n, e) = bounds
    span = max(e - w, (n - s) * 1.6, 1e-3)
    return max(0.0, math.log2(1920.0 / span))


def _shifts(win: tuple[float, float, float, float]) -> list[int]:
    """Longitude shifts (0, -360, 360) under which [-180, 180] meets the window."""
    return [k for k in (0, -360, 360) if win[0] < 180 + k and win[2] > -180 + k]


@lru_cache(maxsize=8)
def _box(win: tuple[float, float, float, float]) -> BaseGeometry:
    """The window as a polygon (one per map, not two per clipped geometry)."""
    return box(*win)


def _clip(geom: BaseGeometry, win) -> list[BaseGeometry]:
    """``geom`` cut to ``win``, once per longitude shift that reaches it."""
    out = []
    window = _box(win)
    for k in _shifts(win):
        g = affinity.translate(geom, xoff=k) if k else geom
        if not g.intersects(window):
            continue
        c = g.intersection(window)
        if not c.is_empty:
            out.append(c)
    return out


def _geo(geom: BaseGeometry) -> dict:
    def rnd(c):
        if isinstance(c[0], (int, float)):
            return [round(c[0], 2), round(c[1], 2)]
        if isinstance(c[0][0], (int, float)):  # a ring or line: its points in one pass
            return [[round(p[0], 2), round(p[1], 2)] for p in c]
        return [rnd(x) for x in c]

    g = mapping(geom)
    if g["type"] == "GeometryCollection":
        return {"type": "GeometryCollection", "geometries": [_geo(x) for x in geom.geoms]}
    return {"type": g["type"], "coordinates": rnd(g["coordinates"])}


def _in(win, lon: float, lat: float) -> tuple[float, float] | None:
    for k in _shifts(win):
        if win[0] <= lon + k <= win[2] and win[1] <= lat <= win[3]:
            return lon + k, lat
    return None


def detail(bounds: list[list[float]] | None) -> float:
    """Simplification tolerance (degrees) for a map fitted to ``bounds``: about a pixel one zoom
    level closer than the fitted view."""
    return min(0.15, max(0.01, 360.0 / (256 * 2 ** (fit_zoom(bounds) + 1))))


# id of a country's unshifted outline -> (the outline, kept alive, and its _geo): the same
# few hundred outlines are written into every map
_OUTLINES: dict[int, tuple[BaseGeometry, dict]] = {}


def _outline_geo(geom: BaseGeometry) -> dict:
    """``_geo`` of a country outline of :func:`basemap.countries`, made once per process."""
    hit = _OUTLINES.get(id(geom))
    if hit is None or hit[0] is not geom:
        hit = _OUTLINES[id(geom)] = (geom, _geo(geom))
    return hit[1]


def country_outlines(bounds: list[list[float]] | None) -> dict:
    """Country outlines for a map showing ``bounds``: fine near it (with copies shifted past
    the antimeridian where the window reaches beyond it), coarse elsewhere."""
    win = _window(bounds)
    tol = detail(bounds) if win else COARSE[0]
    level = FINE if tol <= FINE[0] else MEDIUM if tol <= MEDIUM[0] else COARSE
    fine = {(c.name, c.iso_a2): c.geometry for c in basemap.countries(*level)}
    feats = []
    window = box(*win) if win else None
    coarse = {(c.name, c.iso_a2): c.geometry for c in basemap.countries(*COARSE)}
    for c in basemap.countries(*FINE):
        # A world-wide view (or none) starts at a small zoom: coarse outlines there.
        rough = coarse.get((c.name, c.iso_a2), c.geometry)
        base = fine.get((c.name, c.iso_a2), rough)
        geos = [_outline_geo(base)]
        if win:
            near = [k for k in _shifts(win)
                    if affinity.translate(c.geometry.envelope, xoff=k).intersects(window)]
            if 0 not in near:
                geos = [_outline_geo(rough)]
            geos += [_geo(affinity.translate(base, xoff=k)) for k in near if k]
        for geo in geos:
            feats.append(
                {"type": "Feature", "properties": {"n": c.name, "iso": c.iso_a2},
                 "geometry": geo}
            )
    return {"type": "FeatureCollection", "features": feats}


@lru_cache(maxsize=1)
def _reference_shapes() -> dict:
    """``basemap.reference_layers()`` with the lakes', rivers' and regions' GeoJSON made shapely
    geometries once per process (shapely's are immutable), not once per map."""
    ref = basemap.reference_layers()
    out = dict(ref)
    out["lakes"] = [(*row[:-1], shape(row[-1])) for row in ref["lakes"]]
    out["rivers"] = [(*row[:-1], shape(row[-1])) for row in ref["rivers"]]
    out["admin1"] = [(*row[:-1], shape(row[-1])) for row in ref["admin1"]]
    return out


def reference_data(
    bounds: list[list[float]] | None, highlight: list[str], skip_names: set[str]
) -> dict:
    """The data of ``BasemapLayer`` for a map showing ``bounds``; labels named like an article
    place (``skip_names``, lower case) are left to the article's own markers."""
    ref = _reference_shapes()
    win = _window(bounds)
    whole = (-180.0, -85.0, 180.0, 85.0)
    win_ = win or whole
    # Only what Natural Earth shows up to three zoom levels closer than the fitted view.
    top = fit_zoom(bounds) + 3.0
    lakes, rivers, admin1, labels = [], [], [], []
    tol = detail(bounds)
    for name, minz, geom in ref["lakes"]:
        if minz > top:
            continue
        if tol > 0.02:
            if geom.area < (tol * 3) ** 2:
                continue
            geom = geom.simplify(tol, preserve_topology=True)
        for part in _clip(geom, win_):
            lakes.append([name, minz, _geo(part)])
            pt = part.representative_point() if name and minz <= 6 else None
            if pt is not None and name.lower() not in skip_names and part.area > 0.05:
                labels.append(["lake", name, round(pt.y, 2), round(pt.x, 2), minz + 2, 99])
    river_label: dict[str, tuple[float, list]] = {}
    for name, rank, minz, minlabel, geom in ref["rivers"]:
        if minz > top:
            continue
        geom = geom.simplify(tol) if tol > 0.02 else geom
        for part in _clip(geom, win_):
            rivers.append([name, rank, minz, minlabel, _geo(part)])
            if name and name.lower() not in skip_names and part.length > river_label.get(
                name, (0.0, []))[0]:
                pt = part.interpolate(0.5, normalized=True) if part.geom_type != "Point" else part
                river_label[name] = (
                    part.length, ["river", name, round(pt.y, 2), round(pt.x, 2), minlabel, 99]
                )
    labels += [v[1] for v in river_label.values()]
    for iso, geom in ref["admin1"]:
        admin1 += [[iso, _geo(p)] for p in _clip(geom, win_)]
    labels += point_labels(win_, top, skip_names)
    return {
        "countries": country_outlines(bounds),
        "highlight": sorted(highlight),
        "lakes": lakes,
        "rivers": rivers,
        "admin1": admin1,
        "labels": labels,
    }


def point_labels(win: tuple[float, float, float, float], top: float,
                 skip_names: set[str]) -> list[list]:
    """Sea and populated-place labels inside ``win`` shown up to zoom ``top`` (rows of
    ``BasemapLayer``'s labels), none named like an article place (``skip_names``)."""
    ref = _reference_shapes()
    labels: list[list] = []
    seas: set[str] = set()  # one label per sea name (some seas come in parts)
    for name, lon, lat, lo, hi, _cls in ref["marine"]:
        at = _in(win, lon, lat)
        if at and name.lower() not in skip_names and name not in seas:
            seas.add(name)
            labels.append(["sea", name, at[1], at[0], lo - 1, hi])
    for name, lon, lat, minz, _rank, _cap in ref["places"]:
        if minz > top:
            continue
        at = _in(win, lon, lat)
        if at and name.lower() not in skip_names:
            labels.append(["place", name, at[1], at[0], minz, 99])
    return labels
