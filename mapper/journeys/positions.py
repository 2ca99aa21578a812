"""Positions told relative to a place: a stop given as a distance and a compass direction from
a place ("was about 190 miles northeast of the city of X", "was located 85 miles east
northeast of Y") is put at that offset point (a geodesic step from the place), and a stop in a
part of a wide area ("passed over western X", "southeastern Y") at the middle of that part."""

from __future__ import annotations

import re

from shapely.geometry import box

from mapper.gazetteer.base import normalize
from mapper.geodesy import WGS84, distance_km
from mapper.journeys.context import Context
from mapper.journeys.frames import make_event, places_under
from mapper.journeys.movers import movers_of, subject_of
from mapper.journeys.syntax import is_negated, lemma_of
from mapper.journeys.triggers import reads
from mapper.journeys.values import Event
from mapper.journeys.words import MOTION_VERBS
from mapper.model import GazetteerEntry, Place

_POINTS = ("north", "north northeast", "northeast", "east northeast", "east", "east southeast",
           "southeast", "south southeast", "south", "south southwest", "southwest",
           "west southwest", "west", "west northwest", "northwest", "north northwest")
# compass words (hyphens and spaces folded away) -> azimuth in degrees
AZIMUTH = {p.replace(" ", ""): i * 22.5 for i, p in enumerate(_POINTS)}
UNIT_KM = {"mile": 1.609344, "miles": 1.609344, "mi": 1.609344, "nautical miles": 1.852,
           "nautical mile": 1.852, "km": 1.0, "kilometers": 1.0, "kilometres": 1.0,
           "kilometer": 1.0, "kilometre": 1.0}
_COMPASS = r"(?:north|south|east|west)(?:[\s\-]*(?:north|south|east|west))*"
OFFSET = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(nautical miles?|miles?|mi|kilomet(?:er|re)s?|km)\s+"
    rf"({_COMPASS})\s+of\s+(?:the\s+(?:[\w\-’']+\s+){{0,3}}?(?:city|town|port|island|"
    r"village|capital|coast)\s+of\s+)?(?:the\s+)?$", re.IGNORECASE)
WINDOW = 120  # characters before a place's mention searched for the offset phrase
# verbs that say where the mover is ("was 100 miles south of X", "was located ...")
POSITION_VERBS = {"be", "locate", "position", "center", "centre", "lie", "sit"}
# "western Canada", "south-eastern X", "the north-east of X", "X's north-east"
_PART = r"(?:north|south)?[\s\-]?(?:east|west)|north|south"
PART_BEFORE = re.compile(rf"\b({_PART})ern\s+$", re.IGNORECASE)
PART_AFTER = re.compile(rf"^['’]s\s+({_PART})\b(?![\s\-]*(?:ern|ward|wards|\w))",
                        re.IGNORECASE)
PART_OF = re.compile(rf"\bthe\s+(?:far\s+)?({_PART})\s+of\s+$", re.IGNORECASE)
PART_FEATURES = {"country", "admin1", "admin2", "island", "archipelago", "region",
                 "peninsula"}
PART_MIN_KM = 150.0  # an area narrower than this has no parts worth a separate point


def offset_of(text: str, start: int) -> tuple[float, float] | None:
    """(azimuth in degrees, distance in km) told just before ``start``, or None."""
    m = OFFSET.search(text[max(0, start - WINDOW): start])
    if m is None:
        return None
    compass = re.sub(r"[\s\-]+", "", m.group(3).lower())
    if compass not in AZIMUTH:
        return None
    distance = float(m.group(1).replace(",", "")) * UNIT_KM[m.group(2).lower()]
    return AZIMUTH[compass], distance


@reads(dep={"advmod", "acomp"})
def position_events(ctx: Context, tok, sent) -> list[Event]:
    """"the Airbus was about 190 miles northeast of X", "it was located 85 miles east
    northeast of Y": a compass word with a distance under a verb of position (or of motion)
    puts its subject there (the point itself is set by :func:`place_positions`)."""
    verb = tok.head
    if tok.dep_ not in ("advmod", "acomp") or re.sub(r"[\s\-]+", "", tok.lower_) not in AZIMUTH or \
            verb.pos_ not in ("VERB", "AUX") or not any(  # "85 miles east northeast of"
            t.dep_ == "npadvmod" and t.lower_ in UNIT_KM for t in tok.subtree):
        return []
    lemma = lemma_of(verb)
    if lemma not in POSITION_VERBS | MOTION_VERBS or is_negated(verb):
        return []
    out = []
    for mover in movers_of(ctx, subject_of(ctx, verb)):
        if lemma == "be" and verb.tag_ != "VBD" and not mover.key.startswith("storm:"):
            continue  # "the islands are 5000 km north of X": where a thing always is
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for target in (c for c in prep.children if c.dep_ == "pobj"):
                for place, span in places_under(ctx, target):
                    if offset_of(ctx.article.text, span[0]) is not None:
                        out.append(make_event(ctx, verb, sent, mover, place, "dest", span))
    return out


def planned_overflights(ctx: Context, events: list[Event]) -> list[Event]:
    """The events left when countries a flight will pass over ("the plane will fly over A, B
    and C") are taken out: a planned flight path, not places the mover will be at (an
    overflight told as seen, "the balloon passed over X", stays)."""
    def over(ev: Event) -> bool:
        span = ctx.doc.char_span(*ev.span, alignment_mode="expand") if ctx.doc else None
        tok = span.root if span is not None and len(span) else None
        while tok is not None and tok.dep_ in ("pobj", "conj", "appos", "compound"):
            tok = tok.head
            if tok.dep_ == "prep":
                return tok.lower_ == "over"
        return False

    return [ev for ev in events if not (
        ev.role == "via" and ev.status == "planned" and ev.extra.get("future") and
        ev.place.entry.feature == "country" and over(ev))]


def part_of(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The compass part of an area a mention names ("western" Canada, Tasmania's
    "north-east", "the north of" X) as folded compass words ("west", "northeast"), with the
    words before the mention that name it ("Western Canada"), or None."""
    before = PART_BEFORE.search(text[max(0, start - 20): start])
    m = before or PART_OF.search(text[max(0, start - 30): start]) or \
        PART_AFTER.match(text[end: end + 20])
    if m is None:
        return None
    word = re.sub(r"[\s\-]+", "", m.group(1).lower())
    phrase = before.group(0) + text[start:end] if before else ""
    return (word, phrase) if word in AZIMUTH else None


def part_point(ctx: Context, entry: GazetteerEntry, part: str) -> tuple[float, float] | None:
    """The middle (lat, lon) of the compass part of an area: its outline (a country's shape,
    else its box) cut to the half (or quadrant) named, or None for a narrow area."""
    shape = ctx.gazetteer.country_shape(entry.country_code) if \
        entry.feature == "country" and entry.country_code else None
    if shape is not None:
        west, south, east, north = shape.bounds
        if east - west > 180 and hasattr(shape, "geoms"):  # across the antimeridian (the
            shape = max(shape.geoms, key=lambda g: g.area)  # US, Russia): its main land
            west, south, east, north = shape.bounds
    elif entry.bbox is not None and entry.bbox[0] <= entry.bbox[2]:
        west, south, east, north = entry.bbox
        shape = box(west, south, east, north)
    else:
        return None
    if max(distance_km((south, west), (north, west)),
           distance_km(((south + north) / 2, west), ((south + north) / 2, east))) < PART_MIN_KM:
        return None
    mid_lon, mid_lat = (west + east) / 2, (south + north) / 2
    if "north" in part:
        south = mid_lat
    if "south" in part:
        north = mid_lat
    if "east" in part:
        west = mid_lon
    if "west" in part:
        east = mid_lon
    cut = shape.intersection(box(west, south, east, north))
    if cut.is_empty:
        return None
    point = cut.centroid if cut.contains(cut.centroid) else cut.representative_point()
    return point.y, point.x


def place_positions(ctx: Context, events: list[Event]) -> None:
    """Each event whose place the text gives as an offset from it, or as a compass part of
    it, moves to that point (a new place, kept in ``ctx.derived``)."""
    text = ctx.article.text if ctx.article else ""
    for ev in events:
        if not text or ev.place.implied or ev.extra.get("implied"):
            continue
        base = ev.place.entry
        found = offset_of(text, ev.span[0])
        if found is not None:
            azimuth, km = found
            lon, lat, _ = WGS84.fwd(base.lon, base.lat, azimuth, km * 1000.0)
            start = max(0, ev.span[0] - WINDOW)
            name = text[start + OFFSET.search(text[start: ev.span[0]]).start(): ev.span[1]]
            key = f"offset:{base.key}:{azimuth:g}:{km:.0f}"
            source = f"{km:.0f} km at {azimuth:g}° from {base.name}"
        else:
            told = part_of(text, *ev.span) if base.feature in PART_FEATURES else None
            if told is None or told[1] and ctx.gazetteer.has_name(normalize(told[1])):
                continue  # "Western Australia", "Northern Ireland": a place of its own
            part = told[0]
            point = part_point(ctx, base, part)
            if point is None:
                continue
            lat, lon = point
            name = told[1].strip() or f"{ev.place.name}, {part}"
            key = f"part:{base.key}:{part}"
            source = f"the {part} part of {base.name}"
        ev.place = ctx.derived.get(key) or derived_place(ctx, ev, key, name, float(lat),
                                                         float(lon), source)


def derived_place(ctx: Context, ev: Event, key: str, name: str, lat: float, lon: float,
                  source: str) -> Place:
    """A point the text places relative to the event's place ("190 miles northeast of X",
    "the west of X", "the coast of X"), with the mention that names it; kept in
    ``ctx.derived`` under ``key`` so every event naming it shares one place."""
    entry = GazetteerEntry(key=key, name=name, lat=lat, lon=lon, feature="point",
                           country_code=ev.place.entry.country_code, source=source)
    place = Place(re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-"), name, entry,
                  tuple(m for m in ev.place.mentions if m.start == ev.span[0])
                  or ev.place.mentions, score=ev.place.score)
    ctx.derived[key] = place
    return place
