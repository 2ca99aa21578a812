"""A static PNG of an ``Analysis`` with matplotlib, for reports: country outlines from the
Natural Earth shapefile, corridors, journey legs with direction arrows, and labelled places."""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import shapely
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import Bbox
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.geometry.polygon import orient

from mapper.errors import MapperError, OutputError
from mapper.model import Analysis
from mapper.render import basemap
from mapper.render.style import (
    CORRIDOR_COLORS,
    CORRIDOR_LABELS,
    CORRIDOR_MPL,
    CORRIDOR_STATUS_LABELS,
    LABEL_PRIORITY,
    PLACES_ONLY_COLOR,
    ROLE_COLORS,
    ROLES,
    STATUS_LABELS,
    STATUS_MPL,
    all_places,
    analysis_bounds,
    draw_points,
    is_places_only,
    journey_color,
    map_title,
    no_route_note,
    place_roles,
    role_label,
)

HALO = [patheffects.withStroke(linewidth=3, foreground="white")]
MARKERS = {
    "origin": "o",
    "stop": "o",
    "destination": "s",
    "implied": "o",
    "corridor": "D",
    "mentioned": "o",
}
LEGEND_WRAP = 30  # characters per line of a legend entry
MINOR_LABEL = 4  # label priority of places not on a route (drawn smaller, in grey)
SIZES = {"origin": 9, "stop": 7, "destination": 8, "implied": 7, "corridor": 6, "mentioned": 4}


class StaticMapError(MapperError):
    """The static image could not be drawn or written."""


def _extent(analysis: Analysis, ratio: float) -> tuple[float, float, float, float]:
    """(west, south, east, north) around the analysis, with a margin, whose shown width/height
    (longitudes scaled by cos(latitude)) is ``ratio``."""
    b = analysis_bounds(analysis) or [[-60.0, -180.0], [80.0, 180.0]]
    (s, w), (n, e) = b
    cy = (s + n) / 2
    k = max(math.cos(math.radians(cy)), 0.2)
    width, height = max((e - w) * k, 2.0), max(n - s, 2.0)
    width, height = width * 1.2, height * 1.2
    if width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    cx = (w + e) / 2
    south, north = cy - height / 2, cy + height / 2
    if north > 85:
        south, north = south - (north - 85), 85.0
    if south < -85:
        south, north = -85.0, min(north + (-85 - south), 85.0)
    return cx - width / k / 2, south, cx + width / k / 2, north


def _deg(axis: str):
    def fmt(v: float, _pos: int) -> str:
        if axis == "x":
            v = (v + 180) % 360 - 180
            return f"{abs(v):g}°{'E' if v > 0 else 'W' if v < 0 else ''}"
        return f"{abs(v):g}°{'N' if v > 0 else 'S' if v < 0 else ''}"

    return FuncFormatter(fmt)


def _polygon_path(geom) -> MplPath | None:
    parts = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    verts, codes = [], []
    for part in parts:
        if not isinstance(part, Polygon) or part.is_empty:
            continue
        part = orient(part, 1.0)
        for ring in (part.exterior, *part.interiors):
            xy = list(ring.coords)
            verts += xy
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(xy) - 2) + [MplPath.CLOSEPOLY]
    return MplPath(verts, codes) if verts else None


def _draw_countries(ax, extent, highlight: set[str]) -> None:
    w, s, e, n = extent
    tol = max(0.01, (e - w) / 900)
    shifts = [0.0] + ([360.0] if e > 180 else []) + ([-360.0] if w < -180 else [])
    for c in basemap.countries(round(tol, 3), 0.0):
        for dx in shifts:
            geom = affinity.translate(c.geometry, dx) if dx else c.geometry
            geom = shapely.clip_by_rect(geom, w - 1, s - 1, e + 1, n + 1)
            if geom.is_empty:
                continue
            path = _polygon_path(geom)
            if path is None:
                continue
            fill = "#f3ecd9" if c.iso_a2 in highlight else "#f6f5f1"
            ax.add_patch(
                PathPatch(path, facecolor=fill, edgecolor="#8a9499", linewidth=0.5, zorder=1)
            )


def _xy(line: LineString) -> tuple[list[float], list[float]]:
    xs, ys = zip(*[(x, y) for x, y, *_ in line.coords])
    return list(xs), list(ys)


def _arrow(ax, line: LineString, color: str) -> None:
    if line.length == 0:
        return
    a = line.interpolate(0.48, normalized=True)
    b = line.interpolate(0.56, normalized=True)
    ax.annotate(
        "",
        xy=(b.x, b.y),
        xytext=(a.x, a.y),
        zorder=6,
        arrowprops={
            "arrowstyle": "-|>,head_length=0.9,head_width=0.45",
            "color": color,
            "lw": 0,
            "shrinkA": 0,
            "shrinkB": 0,
        },
    )


def _marker_style(role: str, places_only: bool) -> tuple[str, float]:
    """(colour, size) of a role's marker; a places-only map draws its places larger, darker."""
    if places_only and role == "mentioned":
        return PLACES_ONLY_COLOR, 7.0
    return ROLE_COLORS[role], SIZES[role]


# Where a label may stand beside its point, in order of preference: right, left, above, below
# (offset in points, horizontal alignment).
LABEL_SPOTS = (((6, 4), "left"), ((-6, 4), "right"), ((0, 9), "center"), ((0, -14), "center"))
# Article text is drawn as written: never parsed as mathtext ("$...$") or handed to TeX.
LITERAL = {"usetex": False, "parse_math": False}
MARKER_PX = 4.0  # half the side of the square a marker keeps free of other places' labels


def _place_labels(fig: Figure, ax, labels: list[tuple[int, str, float, float]],
                  points: list[tuple[float, float]]) -> None:
    """Label places in priority order: a label that would overlap one already placed, another
    place's marker, or leave the map, tries the left of its point, then above and below it, and
    is left out if it collides everywhere."""
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    marks = [ax.transData.transform(p) for p in points]
    kept: list = []
    for prio, text, x, y in labels:
        minor = prio >= MINOR_LABEL
        own = ax.transData.transform((x, y))
        others = [Bbox.from_extents(mx - MARKER_PX, my - MARKER_PX, mx + MARKER_PX, my + MARKER_PX)
                  for mx, my in marks if abs(mx - own[0]) > 0.5 or abs(my - own[1]) > 0.5]
        for offset, ha in LABEL_SPOTS:
            t = ax.annotate(
                text,
                (x, y),
                xytext=offset,
                textcoords="offset points",
                ha=ha,
                fontsize=7.5 if minor else 8.5,
                fontweight="normal" if minor else "bold",
                color="#546e7a" if minor else "#1c262b",
                path_effects=HALO,
                zorder=8,
                annotation_clip=True,
                **LITERAL,
            )
            box = t.get_window_extent(renderer).expanded(1.04, 1.1)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 \
                and box.y1 <= frame.y1
            if inside and not any(box.overlaps(k) for k in (*kept, *others)):
                kept.append(box)
                break
            t.remove()


def draw(analysis: Analysis, size: tuple[float, float] = (11, 8), dpi: int = 150) -> Figure:
    """The static map as a matplotlib Figure (not tied to pyplot)."""
    fig = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(fig)
    box = (0.05, 0.06, 0.74, 0.84)
    ax = fig.add_axes(box)
    extent = _extent(analysis, (size[0] * box[2]) / (size[1] * box[3]))
    w, s, e, n = extent
    ax.set_facecolor("#cfe0ec")
    ax.set_xlim(w, e)
    ax.set_ylim(s, n)
    ax.set_aspect(1 / max(math.cos(math.radians((s + n) / 2)), 0.2))
    ax.tick_params(labelsize=7, colors="#607d8b")
    ax.xaxis.set_major_formatter(_deg("x"))
    ax.yaxis.set_major_formatter(_deg("y"))
    for spine in ax.spines.values():
        spine.set_edgecolor("#90a4ae")
    places = all_places(analysis)
    highlight = {p.entry.country_code for p in places if p.entry.country_code}
    _draw_countries(ax, extent, highlight)

    handles: list[Line2D] = []
    for c in analysis.corridors:
        color = CORRIDOR_COLORS.get(c.type, CORRIDOR_COLORS["other"])
        if c.area is not None and not c.area.is_empty:
            path = _polygon_path(c.area)
            if path is not None:
                ax.add_patch(
                    PathPatch(path, facecolor=color, alpha=0.15, edgecolor="none", zorder=2)
                )
        line = c.geometry or LineString([(p.lon, p.lat) for p in (c.origin, *c.via, c.destination)])
        xs, ys = _xy(line)
        ax.plot(
            xs,
            ys,
            color=color,
            lw=2.6,
            ls=CORRIDOR_MPL.get(c.status, "-"),
            zorder=3,
            solid_capstyle="butt",
        )
    for i, j in enumerate(analysis.journeys):
        color = journey_color(i)
        for leg in j.legs:
            line = leg.geometry or LineString(
                [
                    (leg.origin.place.lon, leg.origin.place.lat),
                    (leg.destination.place.lon, leg.destination.place.lat),
                ]
            )
            xs, ys = _xy(line)
            ax.plot(xs, ys, color="white", lw=4.2, alpha=0.8, zorder=4, solid_capstyle="round")
            ax.plot(
                xs,
                ys,
                color=color,
                lw=2.2,
                ls=STATUS_MPL.get(leg.status, "-"),
                zorder=5,
                dash_capstyle="round",
            )
            _arrow(ax, line, color)
        if j.legs:
            handles.append(Line2D([], [], color=color, lw=2.2, label=j.mover))
        else:
            handles.append(
                Line2D([], [], color=color, marker="o", ls="none", ms=6, mec="white",
                       label=f"{j.mover} ({no_route_note(j)})")
            )

    roles = place_roles(analysis)
    points = draw_points(analysis)
    only = is_places_only(analysis)
    labels = []
    for p in places:
        r = roles[p.id]
        y, x = points[p.id]
        col, size = _marker_style(r.role, only)
        face = "white" if r.implied else col
        ax.plot(
            x,
            y,
            MARKERS[r.role],
            ms=size,
            mfc=face,
            mec=col if r.implied else "white",
            mew=1.4,
            zorder=7,
            ls="none",
        )
        if w <= x <= e and s <= y <= n:
            # Places off the routes are labelled last, in grey, where there is room.
            prio = MINOR_LABEL if r.role == "mentioned" and not only else \
                LABEL_PRIORITY.get(r.role, 3)
            labels.append((prio, p.entry.name or p.name, x, y))
    _place_labels(fig, ax, sorted(labels, key=lambda t: t[0]),
                  [points[p.id][::-1] for p in places])

    statuses = {leg.status for j in analysis.journeys for leg in j.legs}
    handles += [
        Line2D([], [], color="#455a64", lw=2, ls=STATUS_MPL[st], label=STATUS_LABELS[st])
        for st in STATUS_LABELS
        if st in statuses
    ]
    handles += [
        Line2D([], [], color=CORRIDOR_COLORS[t], lw=2.6, label=CORRIDOR_LABELS[t])
        for t in CORRIDOR_LABELS
        if t in {c.type for c in analysis.corridors}
    ]
    # A corridor's dash says its status, as on the interactive map.
    handles += [
        Line2D(
            [], [], color="#455a64", lw=2.6, ls=CORRIDOR_MPL[st], label=CORRIDOR_STATUS_LABELS[st]
        )
        for st in CORRIDOR_STATUS_LABELS
        if st in {c.status for c in analysis.corridors}
    ]
    used = {r.role for r in roles.values()}
    handles += [
        Line2D(
            [],
            [],
            marker=MARKERS[r],
            ls="none",
            ms=_marker_style(r, only)[1],
            mfc=_marker_style(r, only)[0],
            mec="white",
            label=role_label(r, only),
        )
        for r in ROLES
        if r in used
    ]
    if any(r.implied and r.role != "mentioned" for r in roles.values()):
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                ls="none",
                ms=SIZES["stop"],
                mfc="white",
                mec=ROLE_COLORS["stop"],
                mew=1.4,
                label="Hollow: inferred, not named",
            )
        )
    for h in handles:
        # The legend has the figure's right margin only: long names wrap rather than run off.
        h.set_label(textwrap.fill(h.get_label(), LEGEND_WRAP))
    if handles:
        leg = ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.015, 1.0),
            fontsize=7.5,
            frameon=False,
            borderaxespad=0,
            handlelength=4,
        )
        leg.set_zorder(10)
        for t in leg.get_texts():
            t.set(**LITERAL)

    a = analysis.article
    fig.text(
        0.02,
        0.965,
        map_title(a),
        fontsize=12,
        fontweight="bold",
        va="center",
        color="#263238",
        **LITERAL,
    )
    sub = " · ".join(
        x for x in (a.dateline, a.published.strftime("%-d %B %Y") if a.published else None) if x
    )
    if sub:
        fig.text(0.02, 0.935, sub, fontsize=8.5, va="center", color="#546e7a", **LITERAL)
    fig.text(
        0.98,
        0.012,
        "Borders: Natural Earth · Places: GeoNames (CC BY 4.0)",
        fontsize=6.5,
        ha="right",
        color="#78909c",
    )
    return fig


def image_format(path: str | Path) -> str:
    """The image format named by ``path``'s suffix (png without one); OutputError, one line,
    for a format matplotlib cannot write."""
    from matplotlib.backend_bases import FigureCanvasBase

    fmt = Path(path).suffix.lstrip(".").lower() or "png"
    supported = FigureCanvasBase.get_supported_filetypes()
    if fmt not in supported:
        raise OutputError(f"cannot write {path}: unknown image format .{fmt} "
                          f"(use .png, .svg or .pdf)")
    return fmt


def save_static(analysis: Analysis, path_png: str | Path, dpi: int = 150) -> Path:
    """Write the static map of ``analysis`` in the format its suffix names (PNG, SVG, PDF)."""
    return _save_as(analysis, path_png, image_format(path_png), dpi)


def _save_as(analysis: Analysis, path: str | Path, fmt: str, dpi: int) -> Path:
    from mapper.atomic import write_atomic

    fig = draw(analysis, dpi=dpi)
    return write_atomic(path, lambda fh: save_figure(fig, fh, fmt=fmt, dpi=dpi))


def save_figure(fig: Figure, fh, fmt: str, dpi: int = 150) -> None:
    """Save ``fig`` to an open file in ``fmt``; in SVG the text stays text (XML-escaped)."""
    from matplotlib import rc_context

    with rc_context({"svg.fonttype": "none"}):
        fig.savefig(fh, format=fmt, dpi=dpi, facecolor="white")


def to_png(analysis: Analysis, path: str | Path, dpi: int = 150) -> Path:
    """Write the static map as PNG (matplotlib, no browser); returns the path."""
    return _save_as(analysis, path, "png", dpi)


def to_svg(analysis: Analysis, path: str | Path) -> Path:
    """Write the static map as SVG (vector; text stays text); returns the path."""
    return _save_as(analysis, path, "svg", 150)


def to_pdf(analysis: Analysis, path: str | Path) -> Path:
    """Write the static map as PDF (vector), for reports; returns the path."""
    return _save_as(analysis, path, "pdf", 150)
