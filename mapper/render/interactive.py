"""The interactive map: an ``Analysis`` drawn with folium (Leaflet), offline first.

With ``inline=True`` Leaflet's JS and CSS (vendored under ``mapper/data/assets/leaflet``) are
written into the page and the base layer is Natural Earth country outlines, so the file opens
with no network; OpenStreetMap tiles are an optional base layer in the layer control.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import folium
from branca.element import MacroElement
from jinja2 import Template
from shapely.geometry import LineString, MultiPolygon, Polygon

from mapper.errors import MapperError
from mapper.model import Analysis, Corridor, Leg
from mapper.naming import article_digest
from mapper.render import safe
from mapper.render.basemap_assets import LEAFLET_FILES, reference_refs
from mapper.render.basemap_layer import BASEMAP_CSS, SHARED_JS, BasemapLayer, reference_data
from mapper.render.html import (
    PAGE_CSS,
    arrow_html,
    corridor_popup,
    esc,
    leg_popup,
    legend_html,
    place_popup,
    role_css,
    role_icon_html,
    timeline_html,
    timeline_rows,
    title_html,
)
from mapper.render.scripts import A11Y, DECLUTTER, LAYOUT, TILE_NOTE, TIMELINE
from mapper.render.style import (
    CORRIDOR_COLORS,
    CORRIDOR_DASH,
    LABEL_PRIORITY,
    PLACES_ONLY_COLOR,
    ROLE_COLORS,
    STATUS_DASH,
    all_places,
    analysis_bounds,
    draw_points,
    is_places_only,
    journey_color,
    map_title,
    place_roles,
)
from mapper.resources import read_bytes, read_text

LEAFLET = "assets/leaflet"  # package data (mapper.resources.data_path)
SHARED = "assets"  # a batch map's shared files, beside it (mapper.render.basemap_assets)
LEAFLET_CDN = "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/"
ATTRIBUTION = (
    'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0) &middot; '
    'Basemap: <a href="https://www.naturalearthdata.com/">Natural Earth</a>'
)
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)
# folium's popups call jQuery's $(html)[0]; this two-line stand-in does the same without jQuery.
JQUERY_SHIM = (
    "window.$ = window.$ || function (h) { var t = document.createElement('template');"
    " t.innerHTML = String(h).trim(); return [t.content.firstElementChild]; };"
)


# Milliseconds between two legs when the timeline plays.
PLAY_DELAY_MS = 1100
# Keep opened popups clear of the title and the timeline (top left) and the legend (bottom right).
_POPUP_PAD = {"auto_pan_padding_top_left": (20, 130), "auto_pan_padding_bottom_right": (290, 20)}


class RenderError(MapperError):
    """The map could not be drawn or written."""


# ----------------------------------------------------------------------------- page pieces


class _MapScript(MacroElement):
    """A script run after the map exists; ``{map}`` in the code is the map's variable."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "MapperScript"
        self.code = code

    def render(self, **kwargs) -> None:
        """Put the code in the page as it is (mapper's own script, its data through
        ``safe.script_json``): not compiled as a Jinja template a second time, as branca would."""
        code = self.code.replace("{map}", self._parent.get_name())
        self.get_root().script.add_child(safe.RenderedScript(code), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


@lru_cache(maxsize=1)
def _osm_tiles():
    """xyzservices' OpenStreetMap provider, what folium looks "OpenStreetMap" up as (the look-up
    flattens every provider: a few milliseconds a map)."""
    import xyzservices

    return xyzservices.providers.query_name("OpenStreetMap Mapnik")


def _data_uri(name: str, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(read_bytes(name)).decode('ascii')}"


def _shared_head(inline: bool, basemap: list[str]) -> str:
    """<link>/<script> for a batch map: Leaflet (unless from the CDN) and the ``basemap``
    scripts from the shared ``assets/`` folder beside the map."""
    base = f"{SHARED}/leaflet/" if inline else LEAFLET_CDN
    tags = [f'<link rel="stylesheet" href="{base}leaflet.css"/>',
            f'<script src="{base}leaflet.js"></script>', f"<script>{JQUERY_SHIM}</script>"]
    tags += [f'<script src="{SHARED}/{name}"></script>' for name in basemap]
    return "\n".join([*tags, f"<script>{SHARED_JS}</script>"])


def _asset_head(inline: bool) -> str:
    """<style>/<script> for Leaflet: inlined from mapper/data/assets, or CDN links."""
    if inline:
        css = read_text(f"{LEAFLET}/leaflet.css")
        for img in ("layers.png", "layers-2x.png"):
            css = css.replace(f"images/{img}", _data_uri(f"{LEAFLET}/images/{img}", "image/png"))
        js = read_text(f"{LEAFLET}/leaflet.js").replace("</script", "<\\/script")
        return f"<style>{css}</style>\n<script>{js}</script>\n<script>{JQUERY_SHIM}</script>"
    return (
        f'<link rel="stylesheet" href="{LEAFLET_CDN}leaflet.css"/>\n'
        f'<script src="{LEAFLET_CDN}leaflet.js"></script>\n<script>{JQUERY_SHIM}</script>'
    )


# ----------------------------------------------------------------------------- geometry helpers


def _latlons(line: LineString) -> list[tuple[float, float]]:
    return [(round(lat, 5), round(lon, 5)) for lon, lat, *_ in line.coords]


def _merc_y(lat: float) -> float:
    lat = max(min(lat, 85.0), -85.0)
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def arrow_points(line: LineString, length_km: float | None) -> list[tuple[float, float, float]]:
    """(lat, lon, screen angle clockwise from north) of direction arrows along ``line``."""
    if line.length == 0:
        return []
    n = 1 if not length_km else max(1, min(4, round(length_km / 500)))
    out = []
    for i in range(n):
        f = (i + 0.5) / n
        p = line.interpolate(f, normalized=True)
        a = line.interpolate(max(f - 0.01, 0), normalized=True)
        b = line.interpolate(min(f + 0.01, 1), normalized=True)
        dx = math.radians(b.x - a.x)
        dy = _merc_y(b.y) - _merc_y(a.y)
        if dx == 0 and dy == 0:
            continue
        out.append((p.y, p.x, math.degrees(math.atan2(dx, dy))))
    return out


def _polygons(area: Polygon | MultiPolygon) -> list[list[list[tuple[float, float]]]]:
    polys = list(area.geoms) if isinstance(area, MultiPolygon) else [area]
    return [
        [[(lat, lon) for lon, lat, *_ in ring.coords] for ring in (p.exterior, *p.interiors)]
        for p in polys
        if not p.is_empty
    ]


# ----------------------------------------------------------------------------- layers


def _leg_line(leg: Leg) -> LineString | None:
    if leg.geometry is not None and len(leg.geometry.coords) >= 2:
        return leg.geometry
    o, d = leg.origin.place, leg.destination.place
    if (o.lat, o.lon) == (d.lat, d.lon):
        return None
    return LineString([(o.lon, o.lat), (d.lon, d.lat)])


def _add_leg(group: folium.FeatureGroup, leg: Leg, color: str, journey: int = 0) -> list[str]:
    """Draw ``leg`` (casing, line, arrows) into ``group``; the variables of what was drawn."""
    line = _leg_line(leg)
    if line is None:
        return []
    locs = _latlons(line)
    casing = folium.PolyLine(
        locs, color="#ffffff", weight=8, opacity=0.75, class_name="mapper-casing"
    )
    casing.options["interactive"] = False
    casing.add_to(group)
    main = folium.PolyLine(
        locs,
        color=color,
        weight=4,
        opacity=0.95,
        dash_array=STATUS_DASH.get(leg.status),
        class_name="mapper-leg",
        popup=safe.popup(leg_popup(leg, color), max_width=380, **_POPUP_PAD),
        tooltip=safe.tooltip(
            f"{esc(leg.mover)}: {esc(leg.origin.place.name)} &rarr; "
            f"{esc(leg.destination.place.name)} ({esc(leg.status)})"
        ),
    ).add_to(group)
    drawn = [casing.get_name(), main.get_name()]
    for lat, lon, angle in arrow_points(line, leg.length_km):
        arrow = folium.Marker(
            (lat, lon),
            icon=safe.div_icon(
                arrow_html(color, angle, journey),
                icon_size=(22, 22),
                icon_anchor=(11, 11),
                class_name="mapper-arrow",
            ),
            interactive=False,
            keyboard=False,
        ).add_to(group)
        drawn.append(arrow.get_name())
    return drawn


def _add_corridor(group: folium.FeatureGroup, c: Corridor) -> bool:
    color = CORRIDOR_COLORS.get(c.type, CORRIDOR_COLORS["other"])
    popup = corridor_popup(c)
    if c.area is not None and not c.area.is_empty:
        for rings in _polygons(c.area):
            folium.Polygon(
                rings,
                color=color,
                weight=1,
                opacity=0.5,
                fill_color=color,
                fill_opacity=0.12,
                class_name="mapper-corridor-area",
                popup=safe.popup(popup, max_width=380, **_POPUP_PAD),
            ).add_to(group)
    line = c.geometry
    if line is None or len(line.coords) < 2:
        pts = [(p.lon, p.lat) for p in (c.origin, *c.via, c.destination)]
        line = LineString(pts) if len(set(pts)) >= 2 else None
    if line is None:
        return False
    folium.PolyLine(
        _latlons(line),
        color=color,
        weight=5,
        opacity=0.9 if c.status != "unknown" else 0.6,
        dash_array=CORRIDOR_DASH.get(c.status),
        line_cap="butt" if c.status == "proposed" else "round",
        class_name="mapper-corridor",
        popup=safe.popup(popup, max_width=380, **_POPUP_PAD),
        tooltip=safe.tooltip(f"{esc(c.type.replace('_', ' '))} ({esc(c.status)})"),
    ).add_to(group)
    return True


def _add_places(
    m: folium.Map,
    analysis: Analysis,
    groups: dict[str, folium.FeatureGroup],
    main: folium.FeatureGroup,
    corridors: folium.FeatureGroup | None,
    mentioned: folium.FeatureGroup,
) -> dict[str, str]:
    """Draw every place; the variable of each place's marker by place id."""
    names: dict[str, str] = {}
    roles = place_roles(analysis)
    points = draw_points(analysis)
    # With no journey or corridor, the places are the map: larger, labelled markers.
    places_only = is_places_only(analysis)
    for place in all_places(analysis):
        role = roles[place.id]
        where = points[place.id]
        popup = safe.popup(place_popup(analysis, place, role), max_width=420, **_POPUP_PAD)
        if role.role == "mentioned":
            label = esc(place.entry.name or place.name)
            dot = folium.CircleMarker(
                where,
                radius=7 if places_only else 4,
                color="#ffffff",
                weight=2 if places_only else 1,
                fill_color=PLACES_ONLY_COLOR if places_only else ROLE_COLORS["mentioned"],
                fill_opacity=0.9,
                class_name="mapper-mentioned",
                popup=popup,
                # On a map of routes these names are context: smaller, grey, and the first to
                # give way when labels collide.
                tooltip=safe.tooltip(
                    label,
                    permanent=True,
                    direction="right",
                    offset=(6 if not places_only else 8, 0),
                    class_name="mp-label mp-prio-3" if places_only
                    else "mp-label mp-minor mp-prio-4",
                ),
            ).add_to(mentioned)
            names[place.id] = dot.get_name()
            continue
        if role.role == "corridor":
            target = corridors or main
        else:
            target = groups.get(role.journeys[0], main) if role.journeys else main
        size = 18 if role.role in ("origin", "destination") else 14
        pin = folium.Marker(
            where,
            icon=safe.div_icon(
                role_icon_html(role.role, role.implied, place.name),
                icon_size=(size, size),
                icon_anchor=(size // 2, size // 2),
                class_name="mapper-place",
            ),
            popup=popup,
            # Above the direction arrows (markers too) that may fall on a place.
            z_index_offset=1000,
            tooltip=safe.tooltip(
                esc(place.entry.name or place.name),
                permanent=True,
                direction="right",
                offset=(8, 0),
                class_name=f"mp-label mp-prio-{LABEL_PRIORITY.get(role.role, 3)}",
                sticky=False,
            ),
        ).add_to(target)
        names[place.id] = pin.get_name()
    return names


# ----------------------------------------------------------------------------- public API


def to_map(analysis: Analysis, inline: bool = True, tiles: bool = True,
           overlays: Callable[[folium.Map], None] | None = None,
           shared: list[str] | None = None) -> folium.Map:
    """The folium map of ``analysis``; ``inline`` embeds Leaflet, ``tiles`` offers OSM tiles;
    ``overlays(m)`` adds more layers before the layer control lists them (a story's
    contradictions). With a ``shared`` list (a batch map), Leaflet and the basemap are not
    in the page but in files of an ``assets/`` folder beside it, whose names are appended
    to the list (:mod:`mapper.render.basemap_assets` makes them)."""
    m = folium.Map(
        tiles=None,
        control_scale=True,
        prefer_canvas=False,
        zoom_start=3,
        location=(30, 60),
        world_copy_jump=False,
        zoom_snap=0.25,
        zoom_delta=0.5,
    )
    m.default_js, m.default_css = [], []
    article = analysis.article
    safe.page(map_title(article), article_id=article_digest(article)).add_child(m)
    roles = place_roles(analysis)
    highlight = sorted({p.entry.country_code for p in all_places(analysis) if p.entry.country_code})
    bounds = analysis_bounds(analysis)
    skip = {n.lower() for p in all_places(analysis) for n in (p.name, p.entry.name) if n}
    if shared is None:
        head = _asset_head(inline)
        reference = reference_data(bounds, highlight, skip)
    else:
        reference, files = reference_refs(bounds, highlight, skip)
        head = _shared_head(inline, files)
        shared += (list(LEAFLET_FILES) if inline else []) + files
    m.get_root().header.add_child(
        safe.PageHtml(
            head + f"\n<style>{PAGE_CSS}\n{BASEMAP_CSS}\n{role_css()}</style>", trusted=True
        ),
        name="mapper_assets",
    )
    BasemapLayer(reference, "Natural Earth (offline)").add_to(m)
    if tiles:
        osm = folium.TileLayer(
            _osm_tiles(),
            name="OpenStreetMap (online)",
            show=False,
            overlay=False,
            attr=OSM_ATTRIBUTION,
        ).add_to(m)
        m.add_child(_MapScript(TILE_NOTE.replace("TILES", osm.get_name())))

    corridors = None
    if analysis.corridors:
        corridors = safe.feature_group("Corridors", overlay=True, show=True).add_to(m)
        for c in analysis.corridors:
            _add_corridor(corridors, c)
    groups: dict[str, folium.FeatureGroup] = {}
    legs: list[dict] = []
    leg_of: dict[int, int] = {}  # id(destination stop) -> index in legs
    for i, j in enumerate(analysis.journeys):
        color = journey_color(i)
        label = (
            f'<span title="Journey: {esc(j.mover)}"><span class="mp-sw" '
            f'style="background:{color}"></span>Journey: {esc(j.mover)}</span>'
        )
        groups[j.id] = safe.feature_group(label, overlay=True, show=True)
        for leg in j.legs:
            drawn = _add_leg(groups[j.id], leg, color, i)
            if drawn:
                leg_of[id(leg.destination)] = len(legs)
                legs.append({"g": groups[j.id].get_name(), "l": drawn})
    main = safe.feature_group("Places", overlay=True, show=True)
    name = "Places" if is_places_only(analysis) else "Mentioned places"
    mentioned = safe.feature_group(name, overlay=True, show=True)
    markers = _add_places(m, analysis, groups, main, corridors, mentioned)
    # A journey with no leg whose one place another journey draws has nothing of its own to
    # show: no layer switch that would switch nothing.
    for group in groups.values():
        if group._children:
            group.add_to(m)
    if main._children:
        main.add_to(m)
    mentioned.add_to(m)
    if overlays is not None:
        overlays(m)

    m.get_root().html.add_child(
        safe.PageHtml(
            title_html(analysis) + legend_html(analysis, roles) + timeline_html(analysis)
        ),
        name="mapper_panels",
    )
    m.add_child(_MapScript(DECLUTTER))
    m.add_child(_MapScript(A11Y))
    rows = [
        {"m": markers.get(s.place.id), "leg": leg_of.get(id(s)), "s": s.status, "md": s.mode}
        for *_, s in timeline_rows(analysis.journeys)
    ]
    data = {"rows": rows, "legs": legs, "delay": PLAY_DELAY_MS}
    m.add_child(_MapScript(TIMELINE.replace("DATA", safe.script_json(data))))
    m.add_child(
        _MapScript(
            "{map}.attributionControl.addAttribution(" + safe.script_json(ATTRIBUTION) + ");\n"
            "{map}.on('overlayadd', function (e) { if (e.name === 'Corridors') "
            "{ e.layer.eachLayer(function (l) { if (l.bringToBack) l.bringToBack(); }); } });"
        )
    )
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    if bounds:
        # The initial view before the layout script fits the bounds (and without JavaScript).
        m.location = [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
    m.add_child(_MapScript(LAYOUT.replace("BOUNDS", safe.script_json(bounds))))
    return m


def save_map(analysis: Analysis, path: str | Path, inline: bool = True, tiles: bool = True) -> Path:
    """Write the map of ``analysis`` as one HTML file; returns the path."""
    from mapper.atomic import write_atomic

    html = to_map(analysis, inline=inline, tiles=tiles).get_root().render()
    return write_atomic(path, html)


__all__ = ["RenderError", "arrow_points", "save_map", "to_map"]
