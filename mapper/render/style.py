"""The map's visual vocabulary, shared by the interactive map and the static image."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from mapper.geodesy import distance_km
from mapper.model import Analysis, Journey, Place

# One colour per journey (colour-blind friendly, none of them a role colour).
JOURNEY_COLORS: tuple[str, ...] = (
    "#d81b60",
    "#1e88e5",
    "#f4511e",
    "#8e24aa",
    "#00897b",
    "#6d4c41",
    "#3949ab",
    "#c0ca33",
)

ROLES: tuple[str, ...] = ("origin", "stop", "destination", "implied", "corridor", "mentioned")
# Which permanent labels win when labels collide (lower first); other roles rank 3.
LABEL_PRIORITY = {"origin": 0, "destination": 0, "stop": 1, "implied": 2, "corridor": 2}
ROLE_LABELS = {
    "origin": "Origin (where the route starts)",
    "stop": "Stop",
    "destination": "Destination (where the route ends)",
    "implied": "Implied place (crossing, inferred)",
    "corridor": "Corridor end or via point",
    "mentioned": "Mentioned, not on a route",
}
# With no journey or corridor every place is "mentioned": the legend then names them plainly.
PLACES_ONLY_LABEL = "Place named in the article"
PLACES_ONLY_COLOR = "#546e7a"
ROLE_COLORS = {
    "origin": "#2e7d32",
    "stop": "#263238",
    "destination": "#c62828",
    "implied": "#6a1b9a",
    "corridor": "#5d4037",
    "mentioned": "#90a4ae",
}

# Leaflet dash arrays (pixels at weight 4) and matplotlib equivalents.
STATUS_DASH = {"confirmed": None, "reported": "10 8", "speculated": "1 8", "planned": "22 10"}
STATUS_MPL = {
    "confirmed": "-",
    "reported": (0, (3, 2.5)),
    "speculated": (0, (1, 2)),
    "planned": (0, (7, 2.5)),
}
STATUS_LABELS = {
    "confirmed": "Confirmed",
    "reported": "Reported",
    "speculated": "Speculated",
    "planned": "Planned",
}

CORRIDOR_COLORS = {
    "oil_pipeline": "#212121",
    "gas_pipeline": "#ef6c00",
    "railway": "#5e35b1",
    "road": "#8d6e63",
    "power_line": "#fbc02d",
    "other": "#607d8b",
}
CORRIDOR_LABELS = {
    "oil_pipeline": "Oil pipeline",
    "gas_pipeline": "Gas pipeline",
    "railway": "Railway",
    "road": "Road",
    "power_line": "Power line",
    "other": "Other corridor",
}
CORRIDOR_DASH = {"existing": None, "proposed": "14 9", "under_construction": "2 7", "unknown": None}
CORRIDOR_MPL = {
    "existing": "-",
    "proposed": (0, (5, 3)),
    "under_construction": (0, (1, 2)),
    "unknown": "-",
}
CORRIDOR_STATUS_LABELS = {
    "existing": "Existing",
    "proposed": "Proposed",
    "under_construction": "Under construction",
    "unknown": "Status unknown",
}


def is_places_only(analysis: Analysis) -> bool:
    """True when the map has no journey and no corridor: its places are all it shows."""
    return not analysis.journeys and not analysis.corridors


def role_label(role: str, places_only: bool = False) -> str:
    """The legend text of a role (``places_only``: the map has no routes)."""
    return PLACES_ONLY_LABEL if places_only and role == "mentioned" else ROLE_LABELS[role]


def journey_color(index: int) -> str:
    return JOURNEY_COLORS[index % len(JOURNEY_COLORS)]


@dataclass(frozen=True)
class PlaceRole:
    """How one place takes part in the analysis."""

    role: str  # one of ROLES
    implied: bool  # the place or all its stops are inferred rather than named
    journeys: tuple[str, ...] = ()  # ids of journeys that stop there


def _journey_role(journey: Journey, place: Place) -> str | None:
    """The place's role in one journey: where its legs start and end, else a stop. In a
    journey with no leg every stop is a destination ("visited Paris", "trips to Paris and
    Rome"); a planned stop no leg reaches ("was heading for Dubai") is not the destination."""
    stops = [s for s in journey.stops if s.place.id == place.id]
    if not stops:
        return None
    if not journey.legs:
        return "destination"
    if journey.legs[0].origin.place.id == place.id:
        return "origin"
    if journey.legs[-1].destination.place.id == place.id:
        return "destination"
    return "implied" if all(s.implied for s in stops) else "stop"


_PRECEDENCE = {"origin": 0, "destination": 1, "stop": 2, "implied": 3}


def place_roles(analysis: Analysis) -> dict[str, PlaceRole]:
    """Each place's role: origin, stop, destination, implied, corridor or mentioned.

    A place in several journeys takes its most prominent role (origin, destination, stop,
    implied); places only on corridors are ``corridor``; the rest are ``mentioned``.
    """
    corridor_ids = {p.id for c in analysis.corridors for p in (c.origin, c.destination, *c.via)}
    roles: dict[str, PlaceRole] = {}
    for place in _all_places(analysis):
        found = [(j.id, r) for j in analysis.journeys if (r := _journey_role(j, place))]
        stops = [s for j in analysis.journeys for s in j.stops if s.place.id == place.id]
        implied = place.implied or (bool(stops) and all(s.implied for s in stops))
        if found:
            role = min((r for _, r in found), key=_PRECEDENCE.__getitem__)
            roles[place.id] = PlaceRole(role, implied, tuple(dict.fromkeys(j for j, _ in found)))
        elif place.id in corridor_ids:
            roles[place.id] = PlaceRole("corridor", implied)
        else:
            roles[place.id] = PlaceRole("mentioned", implied)
    return roles


def _all_places(analysis: Analysis) -> Iterable[Place]:
    """Every place of the analysis once, including those only referenced by stops or corridors."""
    seen: dict[str, Place] = {p.id: p for p in analysis.places}
    for j in analysis.journeys:
        for s in j.stops:
            seen.setdefault(s.place.id, s.place)
    for c in analysis.corridors:
        for p in (c.origin, c.destination, *c.via):
            seen.setdefault(p.id, p)
    return seen.values()


def all_places(analysis: Analysis) -> list[Place]:
    return list(_all_places(analysis))


def _same_lon(a: float, b: float) -> bool:
    return abs((a - b + 180) % 360 - 180) < 1e-6


def _near(lon: float, center: float) -> float:
    return lon + 360 * round((center - lon) / 360)


def place_lons(analysis: Analysis) -> dict[str, float]:
    """The longitude to draw each place at, consistent with leg and corridor geometries whose
    longitudes are unwrapped across the antimeridian (they may leave [-180, 180])."""
    out: dict[str, float] = {}
    lons: list[float] = []
    ends = [
        (leg.geometry, leg.origin.place, leg.destination.place)
        for j in analysis.journeys
        for leg in j.legs
    ]
    ends += [(c.geometry, c.origin, c.destination) for c in analysis.corridors]
    for geom, start, end in ends:
        if geom is None or geom.is_empty:
            continue
        coords = list(geom.coords)
        lons += [c[0] for c in coords]
        for place, (lon, _lat, *_) in ((start, coords[0]), (end, coords[-1])):
            if _same_lon(lon, place.lon):
                out.setdefault(place.id, lon)
    center = (min(lons) + max(lons)) / 2 if lons else None
    for place in _all_places(analysis):
        if place.id not in out:
            out[place.id] = place.lon if center is None else _near(place.lon, center)
    return out


POLAR_FIT_LAT = 72.0
# A route shorter than LOCAL_SPAN_KM is fitted with the places within CONTEXT_RADIUS_KM of it.
LOCAL_SPAN_KM = 50.0
CONTEXT_RADIUS_KM = 600.0
# How far around a local route's centre the view reaches when a stop is an area, by feature.
FEATURE_RADIUS_KM = {
    "continent": 1500.0,
    "country": 700.0,
    "region": 500.0,
    "sea": 500.0,
    "ocean": 1500.0,
    "admin1": 200.0,
    "lake": 60.0,
    "admin2": 40.0,
}


def _center(pts: list[tuple[float, float]]) -> tuple[float, float]:
    lats, lons = zip(*pts)
    return ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)


def _span_km(pts: list[tuple[float, float]]) -> float:
    lats, lons = zip(*pts)
    return distance_km((min(lats), min(lons)), (max(lats), max(lons)))


AREA_FEATURES = ("country", "admin1", "region", "continent")


def draw_points(analysis: Analysis) -> dict[str, tuple[float, float]]:
    """(lat, lon) to draw each place's marker at: its own point (at the longitude
    :func:`place_lons` gives), except a country or region that is only a corridor's end, which
    is marked where the drawn corridor meets it (a pipeline "to China" ends at the border it
    reaches, not at China's centre)."""
    lons = place_lons(analysis)
    points = {p.id: (p.lat, lons[p.id]) for p in _all_places(analysis)}
    fixed = {s.place.id for j in analysis.journeys for s in j.stops}
    for c in analysis.corridors:
        if c.geometry is None or c.geometry.is_empty:
            continue
        coords = list(c.geometry.coords)
        for place, (lon, lat, *_) in ((c.origin, coords[0]), (c.destination, coords[-1])):
            if place.entry.feature in AREA_FEATURES and place.id not in fixed:
                points[place.id] = (lat, lon)
                fixed.add(place.id)  # the first corridor to reach it places it
    return points


def analysis_bounds(analysis: Analysis) -> list[list[float]] | None:
    """[[south, west], [north, east]] of journeys and corridors, else of all places (west and
    east may leave [-180, 180] when the geometries cross the antimeridian)."""
    lons = place_lons(analysis)
    points = draw_points(analysis)
    ends: list[tuple[float, float]] = []
    lines: list[tuple[float, float]] = []
    for j in analysis.journeys:
        for leg in j.legs:
            if leg.geometry is not None:
                lines += [(lat, lon) for lon, lat, *_ in leg.geometry.coords]
        ends += [(s.place.lat, lons[s.place.id]) for s in j.stops]
    for c in analysis.corridors:
        if c.geometry is not None:
            lines += [(lat, lon) for lon, lat, *_ in c.geometry.coords]
        ends += [points[p.id] for p in (c.origin, c.destination, *c.via)]
    # A great circle between far-apart places can arc close to a pole, where Mercator stretches
    # without end: lines count up to the stops' own latitude or POLAR_FIT_LAT, not beyond.
    cap = max([POLAR_FIT_LAT] + [abs(lat) for lat, _ in ends])
    pts = ends + [(max(-cap, min(cap, lat)), lon) for lat, lon in lines]
    if pts and _span_km(pts) < LOCAL_SPAN_KM:
        # A route of one place (or a few streets): the places the story names around it give
        # the reader their bearings; far ones (a country, another continent) would zoom out.
        center = _center(pts)
        pts += [
            (p.lat, lons[p.id])
            for p in all_places(analysis)
            if distance_km(center, (p.lat, lons[p.id])) <= CONTEXT_RADIUS_KM
        ]
        # A stop that is a country or a region is shown with room for its size, not as a point.
        stops = [s.place for j in analysis.journeys for s in j.stops]
        radius = max((FEATURE_RADIUS_KM.get(p.entry.feature, 0.0) for p in stops), default=0.0)
        if radius and _span_km(pts) < 2 * radius:
            dlat = radius / 111.32
            dlon = dlat / max(math.cos(math.radians(center[0])), 0.2)
            pts += [(center[0] - dlat, center[1] - dlon), (center[0] + dlat, center[1] + dlon)]
    if not pts:
        pts = [(p.lat, lons[p.id]) for p in all_places(analysis)]
    if not pts:
        return None
    lats, lon_values = zip(*pts)
    return [[min(lats), min(lon_values)], [max(lats), max(lon_values)]]


# ----------------------------------------------------------------------------- plain text


def no_route_note(journey: Journey) -> str:
    """What the legend says of a journey with no leg: where it goes, and that no line shows it."""
    names = list(dict.fromkeys(s.place.name for s in journey.stops))
    where = ", ".join(names[:3]) + ("…" if len(names) > 3 else "")
    return f"{where}: one place, no route drawn" if where else "no route drawn"


# What may open a story's body before its first real sentence: an agency's credit after the
# dateline ("(AP) -", "(Reuters) —") and a byline ("By Nate Raymond.").
_AGENCY = re.compile(r"\((?:[^()\n]{1,40})\)\s*[-—–:]+\s*")
_BYLINE = re.compile(r"(?:By|BY)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&))*\s*[.,;|\n]\s*")
_LEAD = " ,—–-\n\t"


def clean_heading(text: str) -> str:
    """A headline or first sentence as a title: one space between words and no doubled full stop
    where an abbreviation ends it ("to D.C.." -> "to D.C.")."""
    text = " ".join(text.split())
    return re.sub(r"(?<!\.)\.\.$", ".", text)


def lede(article, limit: int = 110) -> str | None:
    """The article's first body sentence, shortened: a title when the text has no headline.

    The dateline, an agency's credit and a byline before it are not part of it."""
    start = article.dateline_span[1] if article.dateline_span else 0
    body = article.text[start:].lstrip(_LEAD)
    while True:
        m = _AGENCY.match(body) or _BYLINE.match(body)
        if not m:
            break
        body = body[m.end() :].lstrip(_LEAD)
    first = re.split(r"(?<=[.!?])\s|\n", body.strip(), maxsplit=1)[0].strip()
    if not first:
        return None
    first = clean_heading(first)
    if len(first) <= limit:
        return first
    return first[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—–- ") + "…"


def map_title(article) -> str:
    """The map's title: the headline, else the first body sentence, else the file's stem."""
    if article.title:
        return clean_heading(article.title)
    return lede(article) or article.stem or "Article map"
