"""The GeoJSON contract (README "GeoJSON contract") as a check other tools and the tests can run:
``problems(collection)`` lists every way a collection breaks it, ``[]`` when it holds."""

from __future__ import annotations

import math
from collections.abc import Iterator

from mapper.model import MODES, STATUSES

PLACE_KEYS = frozenset({"name", "gazetteer_name", "geonameid", "feature", "country_code",
                        "implied", "mentions", "stops"})
LEG_KEYS = frozenset({"journey", "mover", "seq", "from", "to", "status", "mode", "date",
                      "length_km", "evidence"})
CORRIDOR_KEYS = frozenset({"type", "status", "from", "to", "via", "stated_length_km",
                           "length_km", "evidence"})
CORRIDOR_TYPES = frozenset({"oil_pipeline", "gas_pipeline", "railway", "road", "power_line",
                            "other"})
CORRIDOR_STATUSES = frozenset({"existing", "proposed", "under_construction", "unknown"})
ARTICLE_KEYS = frozenset({"title", "dateline", "published"})


def _position_problems(pos: object, where: str) -> Iterator[str]:
    if not (isinstance(pos, list) and len(pos) == 2
            and all(isinstance(v, (int, float)) and math.isfinite(v) for v in pos)):
        yield f"{where}: a position is not [lon, lat] numbers: {pos!r}"
        return
    lon, lat = pos
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        yield f"{where}: position out of range: {pos!r}"


def _geometry_problems(geom: object, kind: str, where: str) -> Iterator[str]:
    want = "Point" if kind == "place" else "LineString"
    if not isinstance(geom, dict) or geom.get("type") != want:
        yield f"{where}: geometry is not a {want}"
        return
    coords = geom.get("coordinates")
    if want == "Point":
        yield from _position_problems(coords, where)
    elif not isinstance(coords, list) or len(coords) < 2:
        yield f"{where}: a LineString needs two positions or more"
    else:
        for pos in coords:
            yield from _position_problems(pos, where)


def _place_problems(p: dict, text: str | None, where: str) -> Iterator[str]:
    if not isinstance(p.get("geonameid"), (int, type(None))) or isinstance(p.get("geonameid"),
                                                                           bool):
        yield f"{where}: geonameid is not an integer or null"
    if not isinstance(p.get("implied"), bool):
        yield f"{where}: implied is not a boolean"
    for m in p.get("mentions") or ():
        if not {"text", "start", "end", "sentence"} <= set(m):
            yield f"{where}: a mention lacks text/start/end/sentence"
        elif text is not None and text[m["start"]:m["end"]] != m["text"]:
            yield f"{where}: mention {m['text']!r} is not at its offsets"
    for s in p.get("stops") or ():
        if s.get("status") not in STATUSES or s.get("mode") not in MODES:
            yield f"{where}: a stop has an unknown status or mode"


def _leg_problems(p: dict, where: str) -> Iterator[str]:
    if p.get("status") not in STATUSES or p.get("mode") not in MODES:
        yield f"{where}: unknown status or mode"
    if not isinstance(p.get("seq"), int) or p["seq"] < 1:
        yield f"{where}: seq is not a positive integer"
    if p.get("date") is not None and (not isinstance(p["date"], str)
                                      or len(p["date"]) not in (10, 21)):
        yield f"{where}: date is not an ISO date, interval or null"
    if not isinstance(p.get("length_km"), (int, float)) or not p["length_km"] >= 0:
        yield f"{where}: length_km is not a non-negative number"


def _corridor_problems(p: dict, where: str) -> Iterator[str]:
    if p.get("type") not in CORRIDOR_TYPES or p.get("status") not in CORRIDOR_STATUSES:
        yield f"{where}: unknown corridor type or status"
    if not isinstance(p.get("via"), list):
        yield f"{where}: via is not a list"


def problems(collection: object, text: str | None = None) -> list[str]:
    """Every way ``collection`` (as parsed from JSON) breaks the contract; ``text`` is the
    article, to check the mentions' offsets."""
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        return ["not a FeatureCollection"]
    out: list[str] = []
    article = collection.get("article")
    if not isinstance(article, dict) or not ARTICLE_KEYS <= set(article):
        out.append("article lacks title/dateline/published")
    keys = {"place": PLACE_KEYS, "leg": LEG_KEYS, "corridor": CORRIDOR_KEYS}
    seqs: dict[str, list[int]] = {}
    for i, f in enumerate(collection.get("features") or ()):
        props = f.get("properties") if isinstance(f, dict) else None
        kind = props.get("kind") if isinstance(props, dict) else None
        where = f"feature {i} ({kind})"
        if kind not in keys:
            out.append(f"{where}: unknown kind")
            continue
        if not keys[kind] <= set(props):
            out.append(f"{where}: lacks {sorted(keys[kind] - set(props))}")
            continue
        out += _geometry_problems(f.get("geometry"), kind, where)
        if kind == "place":
            out += _place_problems(props, text, where)
        elif kind == "leg":
            out += _leg_problems(props, where)
            seqs.setdefault(str(props["journey"]), []).append(props["seq"])
        else:
            out += _corridor_problems(props, where)
    for journey, found in seqs.items():
        if found != list(range(1, len(found) + 1)):
            out.append(f"journey {journey}: legs are not numbered 1..n in order")
    return out
