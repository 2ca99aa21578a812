"""Exports: the GeoJSON contract, CSV of places, pandas frames; atomic file writes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

import shapely
from shapely.geometry import LineString, mapping

from mapper import atomic
from mapper.model import Analysis, Corridor, Journey, Leg, Place, Stop

PLACE_COLUMNS = ["id", "name", "gazetteer_name", "geonameid", "feature", "country_code", "lat",
                 "lon", "implied", "mentions", "first_sentence"]


def place_feature(p: Place, stops: Sequence[tuple[Journey, Stop]] = ()) -> dict:
    """A place as a GeoJSON Point; ``stops`` are the journeys' stops at it, in time order."""
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(p.lon, 6), round(p.lat, 6)]},
        "properties": {
            "kind": "place",
            "id": p.id,
            "name": p.name,
            "gazetteer_name": p.entry.name,
            "gazetteer_key": p.entry.key,
            "geonameid": p.entry.geonameid,
            "feature": p.entry.feature,
            "country_code": p.entry.country_code,
            "implied": p.implied,
            "mentions": [
                {"text": m.text, "start": m.start, "end": m.end, "sentence": m.sentence}
                for m in p.mentions
            ],
            "stops": [
                {"journey": j.id, "mover": j.mover, "status": s.status, "date": s.date,
                 "mode": s.mode, "evidence": s.evidence}
                for j, s in stops
            ],
        },
    }


def _geometry(geom) -> dict:
    """``shapely.geometry.mapping``, for a LineString from one array of its points (shapely's
    own reads them one by one in Python: thousands of legs of hundreds of points each)."""
    if isinstance(geom, LineString):
        if geom.has_z:
            points = shapely.get_coordinates(geom, include_z=True).tolist()
            return {"type": "LineString", "coordinates": tuple(map(tuple, points))}
        xy = shapely.get_coordinates(geom)  # the points as (x, y) tuples straight from columns
        return {"type": "LineString",
                "coordinates": tuple(zip(xy[:, 0].tolist(), xy[:, 1].tolist()))}
    return mapping(geom)


def leg_feature(leg: Leg) -> dict:
    return {
        "type": "Feature",
        "geometry": _geometry(leg.geometry) if leg.geometry is not None else None,
        "properties": {
            "kind": "leg",
            "journey": leg.journey,
            "mover": leg.mover,
            "seq": leg.seq,
            "from": leg.origin.place.name,
            "to": leg.destination.place.name,
            "from_implied": leg.origin.implied or leg.origin.place.implied,
            "to_implied": leg.destination.implied or leg.destination.place.implied,
            "status": leg.status,
            "mode": leg.mode,
            "date": leg.date,
            "length_km": leg.length_km,
            "network": leg.network,
            "evidence": leg.destination.evidence,
        },
    }


def corridor_feature(c: Corridor) -> dict:
    return {
        "type": "Feature",
        "geometry": mapping(c.geometry) if c.geometry is not None else None,
        "properties": {
            "kind": "corridor",
            "id": c.id,
            "type": c.type,
            "status": c.status,
            "from": c.origin.name,
            "to": c.destination.name,
            "via": [v.name for v in c.via],
            "stated_length_km": c.stated_length_km,
            "stated_length_text": c.stated_length_text,
            "length_km": c.length_km,
            "evidence": c.evidence,
        },
    }


def to_geojson(analysis: Analysis) -> dict:
    """The GeoJSON contract: a FeatureCollection of places, legs and corridors."""
    a = analysis.article
    stops: dict[str, list[tuple[Journey, Stop]]] = {}
    for j in analysis.journeys:
        for s in j.stops:
            stops.setdefault(s.place.id, []).append((j, s))
    features = [place_feature(p, stops.get(p.id, ())) for p in analysis.places]
    features += [leg_feature(leg) for j in analysis.journeys for leg in j.legs]
    features += [corridor_feature(c) for c in analysis.corridors]
    return {
        "type": "FeatureCollection",
        "article": {
            "title": a.title,
            "dateline": a.dateline,
            "published": a.published.isoformat() if a.published else None,
            "source": a.source,
        },
        "features": features,
    }


def place_rows(analysis: Analysis) -> list[dict]:
    return [{
        "id": p.id, "name": p.name, "gazetteer_name": p.entry.name,
        "geonameid": p.entry.geonameid, "feature": p.entry.feature,
        "country_code": p.entry.country_code, "lat": round(p.lat, 6), "lon": round(p.lon, 6),
        "implied": p.implied, "mentions": len(p.mentions),
        "first_sentence": p.mentions[0].sentence if p.mentions else "",
    } for p in analysis.places]


def leg_rows(analysis: Analysis) -> list[dict]:
    return [{k: v for k, v in leg_feature(leg)["properties"].items() if k != "kind"}
            for j in analysis.journeys for leg in j.legs]


# A cell a spreadsheet would read as a formula (OWASP "CSV injection"): written after a quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def spreadsheet_cell(value: object) -> object:
    """``value`` as a CSV cell no spreadsheet evaluates: text that starts like a formula gets a
    leading apostrophe (numbers are left as they are)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def places_csv(analysis: Analysis) -> str:
    """The places as CSV, one row per place, safe to open in a spreadsheet."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=PLACE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_cell(v) for k, v in row.items()}
                     for row in place_rows(analysis))
    return buf.getvalue()


def places_frame(analysis: Analysis):
    """Places as a pandas DataFrame (one row per place)."""
    import pandas as pd

    return pd.DataFrame(place_rows(analysis), columns=PLACE_COLUMNS)


def legs_frame(analysis: Analysis):
    """Legs as a pandas DataFrame (one row per leg, in journey and time order)."""
    import pandas as pd

    return pd.DataFrame(leg_rows(analysis))


def geojson_dumps(collection: dict) -> str:
    """A FeatureCollection as text, one feature per line: readable and diffable feature by
    feature, and written by json's C encoder (an indented dump falls back to its pure-Python
    one: 10 s instead of 3 for an article naming 5,000 places)."""
    head = {k: v for k, v in collection.items() if k != "features"}
    features = ",\n".join(json.dumps(f, ensure_ascii=False) for f in collection["features"])
    opening = json.dumps(head, ensure_ascii=False)[:-1] + (", " if head else "")
    body = f"\n{features}\n" if features else ""
    return f'{opening}"features": [{body}]}}\n'


def geojson_text(analysis: Analysis) -> str:
    """The GeoJSON contract as the text ``save_geojson`` writes."""
    return geojson_dumps(to_geojson(analysis))


def save_geojson(analysis: Analysis, path: str | Path) -> Path:
    return atomic.write_atomic(path, geojson_text(analysis))


def save_places_csv(analysis: Analysis, path: str | Path) -> Path:
    return atomic.write_atomic(path, places_csv(analysis))
